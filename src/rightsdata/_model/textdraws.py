"""The texts a text field's hypothesis strategy draws (internal): :meth:`Text.strategy
<rightsdata._model.fields.Text.strategy>`, and so ``rightsdata.testing``.

A text is drawn in any script. Most texts drawn are short (at most :data:`SHORT` characters),
as drawn, so that a record, and a dataset of many, stays a small draw; but a text's first
character gives some a shape of their own (:func:`shaped`): about one in ten is long, of the
field's maximum length exactly or from half of it up (of :data:`LONG` for a field without a
maximum), so that a limit (a quote's 600 characters, a figure's ``as_given`` and ``of``'s
120) is reached; and where the field takes several lines (a text of no form), about one in
twenty holds a line feed, and as many a tab, as the model allows (the alphabet has both too,
but Hypothesis draws either in one text of a few hundred).

A shape is read from the text rather than drawn: a choice more for each text made a
dataset's draw, thousands of choices already, a fifth slower, and overran Hypothesis's
limit on a draw's size (some 8 KB) more often; a long text repeats a short one, at no cost,
where drawing it a character at a time would overrun it. A field of a form (a country code,
a URL) draws its pattern's texts, made long only where the form caps their length (one line
of words), and never given a tab or a line break.

>>> from rightsdata._model.textdraws import shaped
>>> [len(shaped(text, 120, lines=True)) for text in ("<bc", "Fbc", "abc")]
[120, 117, 3]
>>> shaped("<bc", 7, lines=True), shaped("<bc", 62, lines=True)[-4:]
('<bc', 'bc<<')
>>> shaped("Abc", 8, lines=True), shaped("Kbc", 8, lines=True), shaped("Abc", 8, lines=False)
('A\\nc', 'K\\tc', 'Abc')
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from rightsdata._values.controls import CONTROLS

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

__all__ = ["LONG", "SHORT", "shaped", "text_draws"]

#: The most characters a short text drawn has.
SHORT: Final = 60
#: The length a long text of a field without a maximum reaches at most.
LONG: Final = 1000
#: A text's shape is its first character's code point modulo this: of its remainders, 0 is
#: long to the limit, 10 long, 5 a line feed inside, 15 a tab inside; any other, as drawn.
_SHAPES: Final = 20
#: The control characters a text of several lines may hold (a tab, a line feed): those of
#: the C0 and C1 ranges and DEL that :data:`~rightsdata._values.controls.CONTROLS` leaves out.
_LINE_CONTROLS: Final = "".join(
    chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if chr(c) not in CONTROLS
)


def shaped(text: str, limit: int, *, lines: bool) -> str:
    """``text``, a short text drawn, in the shape its first character gives it (most keep
    the one drawn): repeated to ``limit`` characters, or to fewer, from half of ``limit``
    up (the fewer the longer ``text`` is), where ``limit`` is more than :data:`SHORT`; and,
    where it may hold several ``lines``, with a line feed or a tab in the middle."""
    pick = ord(text[0]) % _SHAPES
    if pick % (_SHAPES // 2) == 0 and limit > SHORT:
        size = limit if pick == 0 else limit - min(len(text), SHORT) * (limit // 2) // SHORT
        # ended by its first character, which a text may end with as it may start with it
        # (a cut elsewhere could end it with a space, which the field's check would refuse)
        return (text * (size // len(text) + 1))[: size - 1] + text[0]
    if lines and pick % (_SHAPES // 2) == _SHAPES // 4:
        mark = "\n" if pick < _SHAPES // 2 else "\t"
        if len(text) < 3:
            return text + mark + text  # (its ends are the text's own)
        middle = len(text) // 2
        return text[:middle] + mark + text[middle + 1 :]
    return text


@functools.cache
def _alphabet() -> SearchStrategy[str]:
    """A character of a text of several lines: any but a surrogate or a control character
    other than a tab or a line feed."""
    from hypothesis import strategies as st

    return st.characters(
        codec="utf-8", exclude_categories=("Cs", "Cc"), include_characters=_LINE_CONTROLS
    )


def text_draws(
    max_length: int | None, pattern: str | None, keep: Callable[[str], bool]
) -> SearchStrategy[str]:
    """Texts for a field of at most ``max_length`` characters (None: no maximum) whose form's
    ``pattern`` (None: a text of several lines) they match, each kept if ``keep`` takes it
    (the field's own check)."""
    from hypothesis import strategies as st

    if pattern is not None:
        short = st.from_regex(pattern, fullmatch=True)
        if max_length is None or max_length <= SHORT:  # (a code's form is not made long)
            return short.filter(keep)
        shape = functools.partial(shaped, limit=max_length, lines=False)
        return short.map(shape).filter(keep)
    short = st.text(_alphabet(), min_size=1, max_size=min(max_length or SHORT, SHORT))
    shape = functools.partial(shaped, limit=max_length or LONG, lines=True)
    return short.map(shape).filter(keep)
