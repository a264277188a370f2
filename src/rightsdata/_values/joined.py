"""Words joined into one phrase, the one way every message joins them: ``'a, b or c'`` for
alternatives, ``'a, b and c'`` for all of them.

>>> one_of(["json", "jsonl", "csv"]), all_of(["sources", "persons"]), one_of(["jsonl"])
('json, jsonl or csv', 'sources and persons', 'jsonl')
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["all_of", "one_of"]


def one_of(words: Iterable[str]) -> str:
    """``words`` joined as alternatives: ``'a'``, ``'a or b'``, ``'a, b or c'``; empty for
    none.

    >>> one_of(["a person", "an organisation", "a group"])
    'a person, an organisation or a group'
    """
    return _joined(list(words), "or")


def all_of(words: Iterable[str]) -> str:
    """``words`` joined as all of them: ``'a'``, ``'a and b'``, ``'a, b and c'``; empty for
    none.

    >>> all_of(["sources", "persons", "events"])
    'sources, persons and events'
    """
    return _joined(list(words), "and")


def _joined(words: list[str], last: str) -> str:
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"
