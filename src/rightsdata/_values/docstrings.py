"""What the tables, the schemas and the generated docs take from a class's docstring
(internal): its first paragraph, as one line.

>>> class Law:
...     '''A provision, or the
...     whole instrument.
...
...     More.'''
>>> first_paragraph(Law)
'A provision, or the whole instrument.'
"""

from __future__ import annotations

__all__ = ["first_paragraph"]


def first_paragraph(obj: object) -> str:
    """The first paragraph of ``obj``'s docstring as one line: each run of white space, the
    source's indentation included, one space (Python 3.13 strips the indentation of
    docstrings and 3.11 does not: what is made from them reads the same under either)."""
    return " ".join((obj.__doc__ or "").strip().split("\n\n")[0].split())
