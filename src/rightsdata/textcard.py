"""Records as plain text for a terminal: the text twin of the notebook's HTML card.

A card names what it refers to (``Vladimir Kozlov``, not ``person:vladimir-kozlov``), gives
dates in words with the EDTF beside them, participants with their roles, charges with the
provision's label, figures with who asserted them, citations with their sources and locators,
and the values that were inferred rather than stated; every line fits ``width`` (a word
longer than a line is cut), but for a command the card gives, a record's ID and a web address,
each kept whole to copy (:func:`wrap`'s ``whole``), on a line of its own where it does not fit.

>>> import rightsdata
>>> ds = rightsdata.load()
>>> print(text_card(ds.get("place:almaty"), ds, width=60))  # doctest: +ELLIPSIS
Almaty
Place · city · place:almaty
<BLANKLINE>
country  KZ
within   Kazakhstan
...
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from rightsdata._data.dataset import Dataset
from rightsdata._display.cards import _Names, card_dataset, dataset_label
from rightsdata._display.given import given, given_event, given_events, given_strings
from rightsdata._display.words import (
    INFERRED_LEGEND,
    INFERRED_MARK,
    cited_details,
    coordinates_text,
    describe_date,
    duration_text,
    event_kind_mark,
    event_status,
    figure_text,
    holds_rtl,
    identifier_text,
    isolated,
    isolated_parts,
    listed_date,
    other_fields,
    pad,
    part_more,
    term,
    truncate,
    value_text,
    years_of,
)
from rightsdata._model.records import (
    Alias,
    Citation,
    Event,
    Figure,
    Group,
    Identifier,
    Law,
    Organization,
    Part,
    Person,
    Place,
    Rating,
    Record,
    Relationship,
    Source,
    Statement,
)
from rightsdata._values import columns as _columns
from rightsdata._values.columncount import columns_given
from rightsdata._values.columns import display_width, fit
from rightsdata._values.dates import EDTF
from rightsdata._values.durations import format_duration
from rightsdata._values.errors import (
    one_line,
    printable,
    shown_number,
    shown_repr,
    what_was_given,
)
from rightsdata._values.flags import flag
from rightsdata._values.ids import is_valid_id
from rightsdata._values.shell import python_call, python_literal

__all__ = [
    "MAX_WIDTH",
    "MIN_WIDTH",
    "event_lines",
    "event_mark",
    "id_lines",
    "terminal_width",
    "text_card",
    "wrap",
]

#: The widest a card or list is drawn, however wide the terminal: long lines are hard to read.
MAX_WIDTH: Final = _columns.MAX_WIDTH
#: The narrowest: below it, labels and values no longer fit side by side.
MIN_WIDTH: Final = _columns.MIN_WIDTH
_INDENT: Final = "  "
#: The widest date beside a title in a list; a longer one (most intervals) takes its own line,
#: so that the title and the ID under it keep room.
_DATE_COLUMN: Final = 18


def terminal_width(width: int | None = None) -> int:
    """``width`` if given, else the terminal's (``$COLUMNS``, else 80), at most
    :data:`MAX_WIDTH` (a wider one is drawn that wide). A ``width`` given under
    :data:`MIN_WIDTH` (40) raises ValueError, as a card or list cannot be drawn that narrow
    (a narrower terminal is drawn 40 wide, for the terminal to wrap); one that is no int
    raises TypeError.

    >>> terminal_width(200), terminal_width(72)
    (96, 72)
    >>> terminal_width(30)
    Traceback (most recent call last):
    ValueError: invalid width 30 (must be at least 40: a card or list is not drawn narrower)
    """
    if width is not None:
        width = columns_given(width, "width", None)
        if width < MIN_WIDTH:
            raise ValueError(
                f"invalid width {shown_number(width)} (must be at least {MIN_WIDTH}: a card or "
                "list is not drawn narrower)"
            )
    return _columns.terminal_columns(width)


def wrap(
    text: str,
    width: int,
    first: str = "",
    rest: str | None = None,
    *,
    whole: bool = False,
    keep: Iterable[str] = (),
) -> list[str]:
    """``text`` wrapped to ``width`` columns, the first line starting with ``first``, the
    others with ``rest`` (spaces as wide as ``first`` by default). Words longer than a line
    (an address) are cut only where they would not fit on a line of their own (never, with
    ``whole``).

    Widths are terminal columns (a CJK character takes two, a combining mark none);
    otherwise the lines are those of ``textwrap.wrap`` (``break_on_hyphens=False``), which
    counts a column a character.

    >>> wrap("from 26 January 2012 to 8 October 2012", 24, "date  ")
    ['date  from 26 January', '      2012 to 8 October', '      2012']
    >>> wrap("北京市の記者が拘束された", 10, "- ")
    ['- 北京市の', '  記者が拘', '  束された']

    ``whole=True`` is the rule of what the command line prints as messages (errors,
    problems, notes, advice): a path or a command is never cut nor split across lines, so
    that a copy of it is whole. A word is never cut: one longer than a line takes a line of
    its own, longer than ``width``. A span in backticks, the one way a message marks a
    command (as below), is kept on one line as a word is, spaces and all, and moved to the
    next line where it does not fit. Such a line is left for the terminal to wrap softly,
    and a copy of it is whole.

    >>> wrap("run `rightsdata fmt 'my data'` to rewrite it", 24, whole=True)
    ['run', "`rightsdata fmt 'my data'`", 'to rewrite it']

    ``keep`` (with ``whole``) are more strings kept on one line wherever the text holds
    them, as a span in backticks is: the paths a message names, which may hold spaces.

    >>> wrap("2 problems in my data/events.json:", 20, "", "  ", whole=True, keep=["my data"])
    ['2 problems in', '  my data/events.json:']
    """
    whole = flag(whole, "whole")
    width = columns_given(width, "width", 1)
    given(text, "wrap", "text", "a str", str)
    given(first, "wrap", "first", "a str", str)
    given(rest, "wrap", "rest", "a str or None", (str, type(None)))
    keep = given_strings(keep, "wrap", "keep", "['my data']") if keep != () else ()
    if keep and not whole:
        raise ValueError("keep is for whole=True: a string kept on a line is never cut")
    indent = " " * display_width(first) if rest is None else rest
    for name, prefix in (("first", first), ("rest", indent)):
        if display_width(prefix) >= width:  # (no room for a word: textwrap loops for ever)
            raise ValueError(
                f"{name} {shown_repr(prefix)} ({display_width(prefix):,} columns) leaves no "
                f"room in {width:,} columns"
            )
    # a control character shown as its escape, never sent raw; white space made spaces
    spaced = _spaced(text)
    if not whole:
        chunks = [c for c in _SPACES.split(spaced) if c]
        return _lines(chunks, width, first, indent, whole) or [first.rstrip()]
    # a kept string's spaces and backticks made control characters (which the text cannot
    # hold: printable escapes them) while the text is split into words
    hidden = False
    for string in _kept(frozenset(keep)) if keep else ():
        if string in spaced:
            spaced = spaced.replace(string, string.translate(_HIDE))
            hidden = True
    chunks = [c for c in _WHOLE.split(spaced) if c]
    if hidden:
        chunks = [c.translate(_SHOW) for c in chunks]
    return _lines(chunks, width, first, indent, whole) or [first.rstrip()]


# The white space textwrap breaks lines at (and no other: a no-break space stays in its word).
# (U+2028 and U+2029 too: some terminals break a line at them)
_SPACES: Final = re.compile("([\t\n\x0b\x0c\r\u2028\u2029 ]+)")
_TO_SPACE: Final = str.maketrans("\t\n\x0b\x0c\r\u2028\u2029", "       ")
# A word of a message, which may hold spans in backticks (`rightsdata fmt 'my data'`,): split
# at it, a text (its white space made spaces: _TO_SPACE) gives its words and the runs of
# spaces between them. A span is what the code marked: it opens at a backtick that starts a
# word (or follows an opening bracket or quote), and ends at a backtick that ends one
# (before a space, punctuation or the end). A backtick within a word (a path's, `my d`x`) is
# a character of its word, as is one a backslash escapes (a command's path writes it so:
# shell_path): it neither opens a span nor ends one.
_OPENS: Final = "(?<![^ ([\"'\u201c\u2018])`"
_AFTER: Final = "[ ,.;:!?)\\]\"'\u201d\u2019]|$"  # what may follow a span's end
_SPAN: Final = f"{_OPENS}(?:[^`\\\\]|\\\\.|`(?!{_AFTER}))*`(?={_AFTER})"
_WHOLE: Final = re.compile(f"((?:{_SPAN}|\\\\`|[^ `\\\\]+|\\\\|`)+)")
# What a kept string's spaces and backticks are while a text is split into words (a path's
# backtick, `rightsdata fmt 'a`b'`, neither ends a span nor starts one), and back.
_HIDE: Final = str.maketrans(" `", "\0\1")
_SHOW: Final = str.maketrans("\0\1", " `")


def _spaced(text: str) -> str:
    """``text`` as :func:`wrap` lays it out: control characters escaped, white space spaces."""
    return printable(text).expandtabs().translate(_TO_SPACE)


@functools.lru_cache(maxsize=16)
def _kept(keep: frozenset[str]) -> tuple[str, ...]:
    """The strings to keep on one line as the text holds them (:func:`_spaced`), those with a
    space or backtick within (a word is whole already; spaces around one are not its), the
    longest first."""
    spaced = {_spaced(string).strip(" ") for string in keep}
    held = (s for s in spaced if " " in s or "`" in s)
    return tuple(sorted(held, key=lambda s: (-len(s), s)))


def _lines(chunks: list[str], width: int, first: str, rest: str, whole: bool) -> list[str]:
    """Words and runs of spaces put on lines greedily, as textwrap does, by columns; a word
    longer than a line is cut, or with ``whole``, put on a line of its own."""
    lines: list[str] = []
    chunks.reverse()
    while chunks:
        indent = rest if lines else first
        room = width - display_width(indent)
        if lines and not chunks[-1].strip():  # a line does not start with spaces
            del chunks[-1]
        line: list[str] = []
        used = 0
        while chunks:
            size = display_width(chunks[-1])
            if used + size > room:
                break
            used += size
            line.append(chunks.pop())
        if chunks and display_width(chunks[-1]) > room:  # a word longer than any line
            if whole:  # whole, on a line of its own
                if not "".join(line).strip():
                    line.append(chunks.pop())
            else:  # cut, its start filling this line
                chunk = chunks[-1]
                end = fit(chunk, room - used if room >= 1 else 1)
                if not end and not line:  # a wide character on a line of one column
                    end = fit(chunk, 2)
                line.append(chunk[:end])
                chunks[-1] = chunk[end:]
        if line and not line[-1].strip():
            del line[-1]
        if line:
            lines.append(indent + "".join(line))
    return lines


_PUNCTUATION: Final = "()[]“”\u2018\u2019\"',.;:"  # (and around a word, the single quotes)


def _holds_whole_word(text: str) -> bool:
    """Whether ``text`` holds a word never to cut, so that a copy of it works: a record's ID
    or a web address (``https://...``), punctuation around it aside.

    >>> _holds_whole_word("2015 · paragraphs 3-4 · source:kozlov-parole-refused-2015-12")
    True
    >>> _holds_whole_word("(see https://example.org/a)"), _holds_whole_word("a source: HRF")
    (True, False)
    """
    return any(map(_whole_word, text.split()))


def _whole_word(word: str) -> bool:
    """Whether ``word`` (no white space) is a record's ID or a web address, punctuation
    around it aside: a word a reader copies, never to cut (:func:`_holds_whole_word`)."""
    word = word.strip(_PUNCTUATION)
    return word.startswith(("https://", "http://")) or is_valid_id(word)


def _wrap_keeping(text: str, width: int, first: str = "", rest: str | None = None) -> list[str]:
    """``text`` wrapped as :func:`wrap` wraps it (a word longer than a line cut), but each ID
    and web address whole: on the line if it fits there, else at the start of the next one
    (longer than ``width`` if it must be). Only those words: a paragraph of Chinese holding
    an address is still cut to the width (with ``whole=True`` it was one 208-column line).

    >>> _wrap_keeping("北京市の記者が拘束された https://example.org/a 出典", 12, "- ")
    ['- 北京市の記', '  者が拘束さ', '  れた', '  https://example.org/a', '  出典']
    """
    rest = " " * display_width(first) if rest is None else rest
    lines: list[str] = []
    indent, content = first, ""  # the line being filled: its indent, and what it holds
    plain = ""  # the text since the last word kept whole, not laid out yet

    def lay_out(text: str) -> None:
        nonlocal indent, content
        if not text.strip():
            return
        if content and display_width(indent + content) > width:  # a long ID, alone
            lines.append(indent + content)
            indent, content = rest, ""
        # (the line so far again with the text: wrap packs it as it was, then goes on)
        wrapped = wrap(content + (text if content else text.lstrip()), width, indent, rest)
        lines.extend(wrapped[:-1])
        indent = indent if len(wrapped) == 1 else rest
        content = wrapped[-1][len(indent) :]

    for word in re.split(r"(\s+)", text):
        if not word or word.isspace() or not _whole_word(word):
            plain += word
            continue
        lay_out(plain)
        spaced = " " if plain[-1:].isspace() and content else ""
        plain = ""
        kept = printable(word)
        if not content or display_width(indent + content + spaced + kept) <= width:
            content += spaced + kept
        else:
            lines.append(indent + content)
            indent, content = rest, kept
    lay_out(plain)
    if content:
        lines.append(indent + content)
    return lines or [first.rstrip()]


def _prose(text: str) -> str:
    """A prose field (a summary, a quote, a note, a basis) as the card shows it: its lines
    kept, each wrapped on its own, with each run of white space in a line (a tab) one space,
    and at most one blank line between paragraphs. A one-line field (a name, a title, a
    locator) is :func:`~rightsdata._values.errors.one_line` instead: never broken.

    >>> _prose("Para one.\\n\\n\\nPara two.\\n\\tIndented.  Twice.\\n")
    'Para one.\\n\\nPara two.\\nIndented. Twice.'
    """
    lines: list[str] = []
    for line in text.split("\n"):
        words = " ".join(line.split())
        if words or (lines and lines[-1]):
            lines.append(words)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


#: Where :func:`wrap` breaks a line: a run of spaces becomes a line break and the next line's
#: indent (spaces); a word longer than a line is cut with nothing added.
_BREAK: Final = "\n *"


def _wrapped_name(name: str) -> str:
    """A pattern of ``name`` as the lines of a card may hold it: on one line, or broken by
    :func:`wrap` at its spaces or within a word (:data:`_BREAK`).

    >>> re.fullmatch(_wrapped_name("Ab cd"), "Ab\\n   c\\n d") is not None
    True
    """
    words = (f"(?:{_BREAK})?".join(map(re.escape, word)) for word in re.split(" +", name))
    return f"(?: +|{_BREAK})".join(words)


def _isolated_lines(match: re.Match[str]) -> str:
    """A name :func:`_wrapped_name` found, each line's part of it isolated apart, in the
    direction of the whole name (:func:`isolated_parts`)."""
    pieces = re.split(f"({_BREAK})", match.group())
    parts = isolated_parts(pieces[::2])
    pieces[::2] = parts
    return "".join(pieces)


def _texts(value: object) -> Iterable[str]:
    """The texts a record's field holds, in its parts too (a figure's words, an alias's
    name, a citation's locator and quote, a field the model adds)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, Part):
        for field in attrs.fields(type(value)):
            yield from _texts(getattr(value, field.name))


def _date(date: EDTF | None) -> str:
    if date is None:
        return "not known"
    words = describe_date(date)
    if words == date.text:
        return words
    if words.endswith(")"):  # 'in 2012 (month and day not known)': one pair of brackets
        return f"{words[:-1]}; {date.text})"
    return f"{words} ({date.text})"


class _Card:
    """Builds a card line by line: a title block, labelled rows, then sections."""

    def __init__(self, width: int, names: _Names, options: str = "") -> None:
        self.width = width
        self.names = names
        self.options = options  # the command line's options naming the dataset
        self.lines: list[str] = []
        self.rtl: set[str] = set()  # the names of a right-to-left script it shows

    def name(self, record_id: str) -> str:
        """A record's name, or its ID where it cannot be looked up; a name of a right-to-left
        script is kept, to be isolated from the words around it once the card is laid out
        (:meth:`isolate`)."""
        name = self.names.label(record_id) or record_id
        self.shows(name)
        return name

    def value(self, text: str) -> str:
        """A text from the data (another record's, such as a cited source's title) on one
        line (:func:`one_line`), kept to be isolated as a name is (:meth:`shows`)."""
        self.shows(text)
        return one_line(text)

    def shows(self, text: str) -> None:
        """Keep ``text`` (from the data), where it holds a letter of a right-to-left script,
        to be isolated from the words around it wherever the card shows it (:meth:`isolate`):
        as one line shows it, and, as a prose field is shown, each of its lines."""
        if isolated(text) == text:
            return
        self.rtl.add(one_line(text))
        if "\n" in text or "  " in text:
            self.rtl.update(one_line(line) for line in _prose(text).split("\n") if line)

    def shows_record(self, record: Record) -> None:
        """Keep every text of ``record`` (:meth:`shows`): its fields' and its parts', those
        the model adds too, each isolated wherever the card shows it."""
        for field in attrs.fields(type(record)):
            for text in _texts(getattr(record, field.name)):
                self.shows(text)

    def isolate(self, record: Record | None = None) -> None:
        """Put each text of a right-to-left script that the card shows (a name, a title, an
        alias, a quote: :meth:`shows`) between the isolates FSI and PDI (:func:`isolated`):
        after the lines are laid out, as :func:`wrap` shows every control character, an
        isolate too, as its escape. A text wrapped onto more lines is isolated on each, its
        part of each line apart, in the direction of the whole text (RLI or LRI:
        :func:`isolated_parts`): a line that starts with the rest of a name would otherwise
        be read right to left, and "(defendant)" after it drawn before it. The texts of
        ``record``, the card's, are kept first (:meth:`shows_record`), where the card holds
        a letter of a right-to-left script at all.

        >>> card = _Card(40, _Names(None))
        >>> card.rtl.add("محمد علي")
        >>> card.lines = ["participants  محمد", "                علي (defendant)"]
        >>> card.isolate()
        >>> [(line.count("\\u2067"), line.count("\\u2069")) for line in card.lines]
        [(1, 1), (1, 1)]
        """
        text = "\n".join(self.lines)
        if record is not None and holds_rtl(text):  # (else no text of it needs isolating)
            self.shows_record(record)
        if not self.rtl:
            return
        # one pass, a longer name first: a name within another is not isolated twice
        names = re.compile("|".join(map(_wrapped_name, sorted(self.rtl, key=len, reverse=True))))
        self.lines = names.sub(_isolated_lines, text).split("\n")

    def text(
        self, text: str, first: str = "", rest: str | None = None, *, whole: bool = False
    ) -> None:
        """``text`` wrapped; with ``whole``, no word cut (:func:`wrap`'s ``whole``); the IDs
        and web addresses it holds, which a reader copies, whole in any case
        (:func:`_wrap_keeping`), and its other words cut as any text's."""
        if whole or not _holds_whole_word(text):
            self.lines += wrap(text, self.width, first, rest, whole=whole)
        else:
            self.lines += _wrap_keeping(text, self.width, first, rest)

    def rows(self, rows: Sequence[tuple[str, str | Sequence[str] | None]]) -> None:
        """Labelled values; a list value takes one line (or more, wrapped) per item, each
        item's lines after its first indented, so that only an item starts at the column."""
        shown = [(label, value) for label, value in rows if value]
        if not shown:
            return
        column = max(display_width(label) for label, _ in shown) + 2
        for label, value in shown:
            listed = not isinstance(value, str)
            items = [value] if isinstance(value, str) else list(value)
            for index, item in enumerate(items):
                first = pad(label, column) if index == 0 else " " * column
                if isinstance(item, _Prose):  # (its line feeds are its own, not parts)
                    self.prose(item, first, " " * column)
                    continue
                for part_index, part in enumerate(item.split("\n")):
                    # a second part of an item (a law's title, a figure's source), and a
                    # listed item's wrapped lines, are indented: the next item is not
                    hang = 2 if part_index or listed else 0
                    lead = first if part_index == 0 else " " * (column + 2)
                    whole = isinstance(item, _Command)  # (kept on one line, to copy)
                    self.text(part, lead, " " * (column + hang), whole=whole)

    def section(
        self, heading: str, items: Iterable[str | Sequence[str]], numbered: bool = False
    ) -> None:
        """A heading, then items (each may hold ``\\n``-separated parts, or be a sequence of
        parts, where a :class:`_Prose` part keeps its paragraphs)."""
        self.lines += ["", heading]
        for number, item in enumerate(items, 1):
            marker = f"{number}. " if numbered else "- "
            hanging = _INDENT + " " * display_width(marker)
            parts = (
                item.split("\n") if isinstance(item, str) and not isinstance(item, _Prose) else item
            )
            for index, part in enumerate([item] if isinstance(item, _Prose) else parts):
                first = _INDENT + marker if index == 0 else hanging
                if isinstance(part, _Prose):
                    self.prose(part, first, hanging)
                else:
                    self.text(part, first, hanging)

    def prose(self, text: str, first: str = "", rest: str = "") -> None:
        """A prose text (:func:`_prose`): each of its lines wrapped, the first starting after
        ``first``, every other at ``rest``'s column, and a blank line between paragraphs."""
        lead = first
        for line in text.split("\n"):
            if line:
                self.text(line, lead, rest)
                lead = rest
            else:
                self.lines.append("")


def _more(part: Part, card: _Card) -> str:
    """A part's fields that its renderer has no words for (:func:`part_more`), in brackets
    after it, or ``''``: a field added to a part is never left off the card."""
    more = part_more(part, card.name)
    return f" ({one_line(more)})" if more else ""


def _aliases(aliases: Sequence[Alias], card: _Card) -> str:
    """Aliases on one line, each with its language in brackets where it has one."""
    return ", ".join(
        one_line(a.name) + (f" ({a.language})" if a.language else "") + _more(a, card)
        for a in aliases
    )


def _citation(citation: Citation, card: _Card) -> list[str]:
    source = card.names.record(citation.source)
    if isinstance(source, Source):
        parts = [card.value(source.title)]
        details = [card.name(source.publisher)] if source.publisher else []
        if source.published is not None:
            details.append(describe_date(source.published, brief=True))
    else:
        parts, details = [citation.source], []
    details += cited_details(citation, one_line, name=card.name)
    if isinstance(source, Source):  # (else its ID is the title already: not twice)
        details.append(citation.source)
    if details:
        parts.append(" · ".join(details))
    if citation.quote:
        parts.append(_Prose(f"“{_prose(citation.quote)}”"))
    if isinstance(source, Source) and source.url:
        parts.append(source.url)
    return parts


def _short_citation(citation: Citation, card: _Card) -> str:
    """A figure's citation on its line: the source, where in it, what it supports, how
    sure, and its quote, as the HTML card says them."""
    said = [card.name(citation.source), *cited_details(citation, one_line, name=card.name)]
    quote = f" “{one_line(citation.quote)}”" if citation.quote else ""
    return ", ".join(said) + quote


def _figure(figure: Figure, card: _Card) -> str:
    said = f" “{one_line(figure.as_given)}”" if figure.as_given else ""
    who = f"according to {card.name(figure.asserted_by)}" if figure.asserted_by else "unattributed"
    if figure.joined_by:
        who += f" jointly with {', '.join(map(card.name, figure.joined_by))}"
    if figure.relayed_by:
        who += f", relayed by {', '.join(map(card.name, figure.relayed_by))}"
    where = "; ".join(_short_citation(c, card) for c in figure.citations)
    return f"{figure_text(figure)}{said}{_more(figure, card)}\n{who}: {where}"


def _event_rows(event: Event, card: _Card) -> list[tuple[str, str | Sequence[str] | None]]:
    by_role: dict[str, list[str]] = {}
    for participant in event.participants:
        actor = card.name(participant.actor) + _more(participant, card)
        by_role.setdefault(term(participant.role), []).append(actor)
    participants = [f"{', '.join(actors)} ({role})" for role, actors in by_role.items()]
    charges = []
    for charge in event.charges:
        line = f"{card.name(charge.provision)}, against {card.name(charge.against)}"
        line += _more(charge, card)
        law = card.names.record(charge.provision)
        if isinstance(law, Law) and law.title:
            line += f"\n{card.value(law.title)}"
        charges.append(line)
    penalty = None
    if event.penalty is not None:
        penalty = term(event.penalty.kind)
        if event.penalty.term is not None:
            term_text = format_duration(event.penalty.term)
            penalty += f", {duration_text(event.penalty.term)} ({term_text})"
        penalty += _more(event.penalty, card)
    return [
        ("date", _date(event.date)),
        ("status", event_status(event)),
        ("places", ", ".join(card.name(p) for p in event.places)),
        ("part of", card.name(event.part_of) if event.part_of else None),
        ("participants", participants),
        ("charges", charges),
        ("penalty", penalty),
    ]


def _actor_rows(
    record: Person | Organization, card: _Card
) -> list[tuple[str, str | Sequence[str] | None]]:
    rows: list[tuple[str, str | Sequence[str] | None]] = [
        ("aliases", _aliases(record.aliases, card))
    ]
    if isinstance(record, Person):
        rows.append(("born", _date(record.born) if record.born else None))
    else:
        rows.append(("status", term(record.status) if record.status else None))
        rows.append(("founded", _date(record.founded) if record.founded else None))
    rows.append(("country", record.country))
    return rows + _involvement_rows(record, card)


def _group_rows(group: Group, card: _Card) -> list[tuple[str, str | Sequence[str] | None]]:
    rows: list[tuple[str, str | Sequence[str] | None]] = [
        ("size", f"{group.size:,}" if group.size is not None else None),
        ("belongs to", card.name(group.belongs_to) if group.belongs_to else None),
        ("country", group.country),
    ]  # (its figures are in the rows every kind with figures gets: _shared_rows)
    return rows + _involvement_rows(group, card)


def _command_options(dataset: Dataset, options: str) -> str | None:
    """The options of a ``rightsdata`` command the card suggests, so that it runs on the data
    the card shows: the command line's own (``" --data my-dataset"``); none for the bundled
    dataset :func:`rightsdata.load` returns (``" --name NAME"`` for another bundled one); and
    ``None`` for any other dataset (loaded from a path or made in Python), which no command
    can name from here (a command without options would count the bundled dataset's events).
    """
    if options:
        return options
    from rightsdata._data.loading import bundled_name
    from rightsdata._values.resources import DEFAULT_NAME

    name = bundled_name(dataset)
    if name is None:
        return None
    return "" if name == DEFAULT_NAME else f" --name {name}"


def _involvement_rows(
    actor: Person | Organization | Group, card: _Card
) -> list[tuple[str, str | Sequence[str] | None]]:
    """An actor's events (a count and the command that lists them) and relationships, when
    the card has a dataset to ask."""
    dataset = card.names.dataset
    if dataset is None:
        return []
    rows: list[tuple[str, str | Sequence[str] | None]] = []
    events = dataset.timeline(actor)
    options = _command_options(dataset, card.options)
    when = years_of(events)
    counted_events = _count(len(events), "event") + (f" ({when})" if when else "")
    if events and options is None:  # no command runs on this data: the count alone
        rows.append(("events", counted_events))
    elif events:
        command = f"`rightsdata timeline {actor.id}{options}`"
        rows.append(("events", _Command(f"{counted_events}; {command}")))
    ties = dataset.related(actor).relationships
    rows.append(("relationships", [card.name(r.id) for r in ties]))
    return rows


class _Prose(str):
    """A value or part that is prose (:func:`_prose`: a quote, an inferred value's basis):
    its lines each wrapped at the column its first starts at, and its paragraphs apart by a
    blank line, as the summary's are; not split into a list's parts."""

    __slots__ = ()


class _Command(str):
    """A row's value that holds a command in backticks: wrapped as the command line's
    messages are (:func:`wrap`'s ``whole``), the command never split across lines."""

    __slots__ = ()


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


_Parts = tuple[str, str, str | None, list[tuple[str, str | Sequence[str] | None]]]


def _shared_rows(record: Record, card: _Card) -> list[tuple[str, str | Sequence[str] | None]]:
    """The rows of the fields several kinds have: identifiers and figures."""
    identifiers: Sequence[Identifier] = getattr(record, "identifiers", ())
    return [
        ("identifiers", ", ".join(identifier_text(i) + _more(i, card) for i in identifiers)),
        ("figures", [_figure(f, card) for f in getattr(record, "figures", ())]),
    ]


def _parts(record: Record, card: _Card) -> _Parts:
    """(title, kind line, summary, rows) of a record's card."""
    kind = type(record).__name__
    if isinstance(record, Event):
        return (
            record.title,
            f"{kind} · {term(record.kind)}",
            record.summary,
            _event_rows(record, card),
        )
    if isinstance(record, Person | Organization):
        kicker = kind if isinstance(record, Person) else f"{kind} · {term(record.kind)}"
        return record.name, kicker, record.summary, _actor_rows(record, card)
    if isinstance(record, Group):
        return (
            record.name,
            f"{kind} · {term(record.kind)}",
            record.summary,
            _group_rows(record, card),
        )
    if isinstance(record, Place):
        rows: list[tuple[str, str | Sequence[str] | None]] = [
            ("aliases", _aliases(record.aliases, card)),
            ("country", record.country),
            ("within", card.name(record.within) if record.within else None),
            (
                "coordinates",
                coordinates_text(record.coordinates) + _more(record.coordinates, card)
                if record.coordinates
                else None,
            ),
        ]
        return record.name, f"{kind} · {term(record.kind)}", None, rows
    if isinstance(record, Law):
        article = (
            "the whole instrument"
            if record.article is None
            else record.article + (f", part {record.part}" if record.part else "")
        )
        rows = [
            ("instrument", one_line(record.instrument)),
            ("article", one_line(article)),
            ("jurisdiction", one_line(record.jurisdiction)),
        ]
        return record.label, kind, record.title, rows
    if isinstance(record, Source):
        rows = [
            ("publisher", card.name(record.publisher) if record.publisher else None),
            ("published", _date(record.published)),
            ("language", record.language),
            ("address", record.url),
            ("retrieved", _date(record.retrieved) if record.retrieved else None),
            ("archived", record.archive_url),
        ]
        if card.names.dataset is not None:
            cited = card.names.dataset.cited_by(record)
            rows.append(("cited by", _count(len(cited), "record")))
        return record.title, f"{kind} · {term(record.kind)}", record.note, rows
    if isinstance(record, Relationship):
        title = card.name(record.id)
        rows = [
            ("subject", card.name(record.subject)),
            ("relation", term(record.kind)),
            ("object", card.name(record.object)),
            ("title", one_line(record.title) if record.title else None),
            ("from", _date(record.start) if record.start else None),
            ("until", _date(record.end) if record.end else None),
        ]
        return title, f"{kind} · {term(record.kind)}", None, rows
    if isinstance(record, Statement):
        rows = [
            ("speaker", card.name(record.speaker)),
            ("jointly with", ", ".join(map(card.name, record.joined_by))),
            ("relayed by", ", ".join(map(card.name, record.relayed_by))),
            ("date", _date(record.date)),
            ("quote", _Prose(f"“{_prose(record.quote)}”") if record.quote else None),
            ("addressed to", ", ".join(card.name(i) for i in record.addressed_to)),
            ("about", [card.name(i) for i in record.about]),
        ]
        return card.name(record.speaker), f"{kind} · {term(record.kind)}", record.summary, rows
    assert isinstance(record, Rating)
    level = record.level.value + (f" (before: {record.previous.value})" if record.previous else "")
    rows = [
        ("country", card.name(record.country)),
        ("level", level),
        ("scale", term(record.scale)),
        ("as of", _date(record.as_of)),
        ("rated by", card.name(record.rated_by)),
    ]
    return f"{card.name(record.country)}: {record.level.value}", kind, None, rows


_TAKES: Final = (
    f"text_card takes a record (such as {python_call('ds.get(id)')}), then the dataset or "
    "None, then a width in columns"
)


def _check_arguments(record: object, dataset: object, width: object, options: object) -> None:
    """TypeError, saying what :func:`text_card` takes, for arguments of another type or in
    another order (not an empty AssertionError, or "'int' object has no attribute 'get'")."""
    if isinstance(record, Dataset):
        raise TypeError(
            f"{_TAKES}, not the dataset first: {python_call('text_card(ds.get(id), ds)')}"
        )
    if isinstance(record, str):
        call = python_call(f"text_card(ds.get({python_literal(record)}), ds)")
        raise TypeError(f"{_TAKES}, not the ID {record!r}: {call}")
    if not isinstance(record, Record):
        raise TypeError(f"{_TAKES}, not {what_was_given(record)} as the record")
    if isinstance(dataset, int) and not isinstance(dataset, bool):
        shown = shown_repr(dataset)
        # (the call only with the number written out: not one of thousands of digits)
        call = f"text_card(record, width={shown})" if shown.lstrip("-").isdigit() else "width=..."
        raise TypeError(f"{_TAKES}, not the width {shown} as the dataset: {python_call(call)}")
    if dataset is not None and not isinstance(dataset, Dataset):
        raise TypeError(f"{_TAKES}, not {what_was_given(dataset)} as the dataset")
    if width is not None and (not isinstance(width, int) or isinstance(width, bool)):
        raise TypeError(f"{_TAKES}, not {what_was_given(width)} as the width")
    if not isinstance(options, str):
        raise TypeError(
            f"text_card's options are command-line options as a str (' --data my-dataset'), "
            f"not {what_was_given(options)}"
        )


def text_card(
    record: Record, dataset: Dataset | None = None, width: int | None = None, *, options: str = ""
) -> str:
    """``record`` as a text card ``width`` columns wide (default: :func:`terminal_width`):
    at least :data:`MIN_WIDTH` (40; a smaller one raises ValueError), at most
    :data:`MAX_WIDTH` (96; a wider card is drawn 96 wide).

    Names of the records it refers to come from ``dataset``; without one, from the dataset
    that holds this very record, found as the notebook's card finds it
    (:func:`rightsdata.display.dataset_of`: a dataset made or loaded in this process; of
    several, the one made last). Where another dataset alive holds this very record too,
    the card names the one it describes (``in kazakhstan 3.3.0``).
    A record in no dataset (built by hand, or copied) shows the IDs it refers to.
    ``options`` are the command-line options that name ``dataset`` (``" --data my-dataset"``),
    added to the ``rightsdata`` command a card suggests, so that it runs on the same data;
    without them a card suggests a command only for a bundled dataset as
    :func:`rightsdata.load` returns it (a dataset loaded from a path or made in Python gets
    the count of its events alone: a command would count another dataset's).

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> card = text_card(ds.get("event:kozlov-verdict-2012-10-08"), ds, width=80)
    >>> "Vladimir Kozlov (defendant)" in card, max(len(line) for line in card.splitlines()) <= 80
    (True, True)
    """
    _check_arguments(record, dataset, width, options)
    # without a dataset, the one holding this very record, as the notebook's card finds it
    dataset, named = card_dataset(record, dataset)
    card = _Card(terminal_width(width), _Names(dataset), options)
    title, kicker, summary, rows = _parts(record, card)
    rows += _shared_rows(record, card)
    rows += [(label, value_text(value, card.name)) for label, value in other_fields(record)]
    card.text(one_line(title))
    where = f" · in {dataset_label(dataset)}" if named and dataset is not None else ""
    card.text(f"{kicker} · {record.id}{where}")
    if summary:  # (prose: its paragraphs kept)
        card.lines.append("")
        card.prose(_prose(summary))
    card.lines.append("")
    card.rows(rows)
    citations: tuple[Citation, ...] = getattr(record, "citations", ())
    if citations:
        card.section(
            f"Sources ({len(citations)})", (_citation(c, card) for c in citations), numbered=True
        )
    if record.inferred:
        inferred = (
            _Prose(f"{i.field}: {_prose(i.basis)}{_more(i, card)}") for i in record.inferred
        )
        card.section("Inferred, not stated", inferred)
    if dataset is None:
        card.lines.append("")
        card.text(
            "Not found in a loaded dataset: references are shown as IDs "
            f"(pass the dataset: {python_call('text_card(record, ds)')})."
        )
    while card.lines and not card.lines[-1]:
        card.lines.pop()
    card.isolate(record)
    return "\n".join(card.lines)


def event_mark(event: Event) -> str:
    """What a list adds to an event's ID: its kind, and in brackets its status and what its
    date is of where it did not simply happen then (a card's status row says it in full): a
    list must not make a planned hearing read as held, nor lose what kind of event it is.
    The notebook's tables, a record's repr and the timeline plot say it in the same words.

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> event_mark(ds.events["event:kozlov-verdict-2012-10-08"])
    'verdict'
    >>> event_mark(ds.events["event:kozlov-supreme-court-hearing-2013"])
    'appeal (planned; date: planned for)'
    """
    return event_kind_mark(given_event(event, "event_mark"))


def id_lines(record_id: str, mark: str, column: int, columns: int) -> list[str]:
    """A list's line of an ID under a title that starts at ``column``, with ``mark`` after it
    (``event:x · verdict``) where both fit in ``columns``; else the mark on the lines after,
    wrapped: never left out.

    >>> id_lines("event:kozlov-verdict-2012-10-08", "verdict", 4, 60)
    ['    event:kozlov-verdict-2012-10-08 · verdict']
    >>> id_lines("event:kozlov-verdict-2012-10-08", "verdict", 4, 40)
    ['    event:kozlov-verdict-2012-10-08', '    · verdict']
    """
    column = columns_given(column, "column", 0)
    columns = columns_given(columns, "columns", 1)
    given(record_id, "id_lines", "record_id", "an ID (a str)", str)
    given(mark, "id_lines", "mark", "a str", str)
    one = f"{record_id} · {mark}" if mark else record_id
    if column + display_width(one) <= columns:
        return [" " * column + one]
    lines = [" " * max(min(column, columns - display_width(record_id)), 0) + record_id]
    if mark:  # (under the title, or as far in as leaves its longest word a line)
        longest = max(map(display_width, f"· {mark}".split()))
        at = max(min(column, columns - 2 - longest), 0)
        first, rest = (" " * min(n, columns - 1) for n in (at, at + 2))
        lines += wrap(f"· {mark}", columns, first, rest)
    return lines


def event_lines(events: Iterable[Event], width: int | None = None) -> list[str]:
    """Events as a list for a terminal: each its date (short, in words) and title, then its ID
    and :func:`event_mark` (its kind, and its status where it has one) on the next line,
    aligned under the title; a mark that does not fit beside the ID goes on the line after
    it. A date too long for the date column (an interval between two days) takes a line of
    its own. A date inferred rather than stated is followed by ``*``, and a last line says
    what that means (``* date inferred, not stated: ...``).

    >>> import rightsdata
    >>> ds = rightsdata.load()
    >>> for line in event_lines([ds.events["event:kozlov-verdict-2012-10-08"]], width=60):
    ...     print(line)
    8 Oct 2012*  Vladimir Kozlov convicted and sentenced to sev…
                 event:kozlov-verdict-2012-10-08 · verdict
    * date inferred, not stated: the record's card says from
      what
    """
    shown = given_events(events, "event_lines")
    columns = terminal_width(width)
    dates = [listed_date(e) or "no date" for e in shown]
    column = min(max(map(display_width, dates), default=0), _DATE_COLUMN) + 2
    lines = []
    for event, date in zip(shown, dates, strict=True):
        if display_width(date) > column - 2:
            lines.append(date)
            date = ""
        lines.append(pad(date, column) + isolated(truncate(event.title, columns - column)))
        lines += id_lines(event.id, event_mark(event), column, columns)
    if any(date.endswith(INFERRED_MARK) for date in dates):  # (what the mark means)
        lines += wrap(INFERRED_LEGEND, columns, "", "  ")
    return lines


def __dir__() -> list[str]:
    # dir() and tab completion offer the public names, not the names this module imports.
    return sorted(__all__)
