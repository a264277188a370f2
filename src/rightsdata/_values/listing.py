"""Words listed as alternatives, the one way every message lists them: ``'a, b or c'``.

>>> one_of(["json", "jsonl", "csv"]), one_of(["jsonl"])
('json, jsonl or csv', 'jsonl')
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["one_of"]


def one_of(words: Sequence[str]) -> str:
    """``words`` joined as alternatives: ``'a'``, ``'a or b'``, ``'a, b or c'``; empty for
    none.

    >>> one_of(["a person", "an organisation", "a group"])
    'a person, an organisation or a group'
    """
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} or {words[-1]}"
