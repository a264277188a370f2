"""Text cards: what the HTML card says, as plain text that fits the terminal."""

from __future__ import annotations

import re
import shlex
import textwrap
import unicodedata
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rightsdata
from rightsdata._display.display import REPR_WIDTH, record_repr
from rightsdata._display.words import term, truncate
from rightsdata._values.shell import python_literal, shell_path
from rightsdata.textcard import (
    MAX_WIDTH,
    MIN_WIDTH,
    event_lines,
    event_mark,
    terminal_width,
    text_card,
    wrap,
)
from rightsdata.vocab import EventKind, SourceKind


@pytest.fixture(scope="module")
def ds() -> rightsdata.Dataset:
    return rightsdata.load()


def test_an_event_card_names_things_and_says_dates_in_words(ds: rightsdata.Dataset) -> None:
    card = text_card(ds.get("event:kozlov-verdict-2012-10-08"), ds, width=80)
    lines = card.splitlines()
    assert lines[0] == "Vladimir Kozlov convicted and sentenced to seven and a half years"
    assert lines[1] == "Event · verdict · event:kozlov-verdict-2012-10-08"
    assert "date          8 October 2012 (2012-10-08)" in lines
    assert "participants  Vladimir Kozlov (defendant)" in lines
    assert "places        Aktau" in lines
    # a charge: the provision's label, against whom, and the provision's title under it
    assert "charges       Criminal Code of the Republic of Kazakhstan (1997), article 164," in lines
    assert "                Incitement of social enmity (HRF's rendering of the charge" in lines
    assert "penalty       imprisonment, 7 years 6 months (P7Y6M)" in lines
    # a figure with who asserted it and where
    assert "                according to Human Rights Foundation: Kazakhstan: HRF calls on" in lines
    # references are names, never IDs, except the record's own and the sources'
    assert "person:vladimir-kozlov" not in card and "law:kz-cc-1997-164" not in card
    # citations with their sources and locators; inferred values with their basis
    assert "Sources (5)" in lines
    assert "     Human Rights Foundation · 14 December 2012 · paragraph 5 ·" in lines
    assert "     for date, places · confidence medium · source:hrw-kazakhstan-country-page" in lines
    assert "Inferred, not stated" in lines
    assert "  - places: HRW's caption places the trial in Aktau on 8 October 2012, the day" in lines


def test_only_a_listed_item_starts_at_the_value_column(ds: rightsdata.Dataset) -> None:
    # a charge or figure whose first line wraps goes on indented, as what follows it does:
    # a line at the column is the next item
    for record_id in ("event:kozlov-verdict-2012-10-08", "event:bloody-january-2022"):
        event = ds.events[record_id]
        lines = text_card(event, ds, width=80).splitlines()
        for label, items in (("charges", event.charges), ("figures", event.figures)):
            if not items:
                continue
            start = next(n for n, line in enumerate(lines) if line.startswith(label))
            block = [lines[start][14:]]
            for line in lines[start + 1 :]:
                if not line.startswith(" " * 14):
                    break
                block.append(line[14:])
            assert sum(1 for line in block if not line.startswith(" ")) == len(items), block


def test_figures_say_who_claims_them(ds: rightsdata.Dataset) -> None:
    card = text_card(ds.get("event:zhanaozen-massacre-2011"), ds, width=96)
    assert (
        "figures       killed: at least 15 people “at least 15 oil workers were murdered”" in card
    )
    assert "according to Authorities of Kazakhstan, relayed by Yevgeniy Zhovtis:" in card
    assert "unattributed: Kazakhstan: Jailed Opposition Leader Refused Parole, paragraph 8" in card
    assert "in December 2011 (day not known; 2011-12)" in card


def test_every_kind_has_a_card(ds: rightsdata.Dataset) -> None:
    titles = {
        "person:vladimir-kozlov": "Vladimir Kozlov",
        "org:human-rights-foundation": "Human Rights Foundation",
        "place:almaty": "Almaty",
        "law:kz-cc-2014-378-2": "Criminal Code of the Republic of Kazakhstan (2014), article 378,",
        "source:hrf-2012-12-14": "Kazakhstan: HRF calls on President Nazarbayev to investigate",
        "relationship:russian-security-forces-part-of-csto": "Russian",
        "statement:zhovtis-2022-new-kazakhstan": "Yevgeniy Zhovtis",
        "rating:civicus-kazakhstan-2022-downgrade": "Kazakhstan: repressed",
    }
    for record_id, title in titles.items():
        card = text_card(ds.get(record_id), ds, width=96)
        assert card.startswith(title), (record_id, card[:100])
        assert record_id in card.splitlines()[1] or record_id in card.splitlines()[2]
    rating = text_card(ds.get("rating:civicus-kazakhstan-2022-downgrade"), ds, width=80)
    assert "level     repressed (before: obstructed)" in rating
    assert "rated by  CIVICUS Monitor" in rating
    kozlov = text_card(ds.get("person:vladimir-kozlov"), ds, width=80)
    assert "born           in August 1960 (day not known; 1960-08)" in kozlov
    # (the row wraps at 80: its words, whatever the wrap)
    assert (
        "events 13 events (2012 to 2015); `rightsdata timeline person:vladimir-kozlov`"
        in " ".join(kozlov.split())
    )


@pytest.mark.parametrize("width", [MIN_WIDTH, 60, 80, MAX_WIDTH])
def test_every_card_fits_its_width(ds: rightsdata.Dataset, width: int) -> None:
    # only a single word longer than the width (an ID, an address) may overflow, alone on
    # its line, or a command in backticks (kept whole, to copy)
    for record in ds:
        for line in text_card(record, ds, width=width).splitlines():
            alone = " " not in line.strip() or re.fullmatch("`[^`]*`", line.strip())
            assert len(line) <= width or alone, (record.id, line)


def test_a_record_in_no_dataset_shows_ids_and_each_source_once(ds: rightsdata.Dataset) -> None:
    copy = attrs.evolve(ds.get("event:kozlov-verdict-2012-10-08"))  # (in no dataset)
    card = text_card(copy, None, width=80)
    assert "person:vladimir-kozlov (defendant)" in card
    assert card.endswith(
        "Not found in a loaded dataset: references are shown as IDs (pass the dataset:\n"
        "`text_card(record, ds)`)."
    )
    assert card.count("source:hrf-2012-12-14") == 2  # once in the figures, once in Sources
    assert "  1. source:hrf-2012-12-14\n     paragraph 5\n" in card
    assert "Vladimir Kozlov" in text_card(copy, ds, width=80)


def test_what_each_citation_supports_is_said_in_both_cards(ds: rightsdata.Dataset) -> None:
    event = ds.get("event:kozlov-verdict-2012-10-08")
    assert isinstance(event, rightsdata.Event)
    cited = [
        rightsdata.Citation(source="source:hrf-2012-12-14", locator="paragraph 1", fields=fields)
        for fields in (None, ("date", "title"), ())
    ]
    copy = attrs.evolve(event, citations=tuple(cited))
    text = text_card(copy, ds, width=100)
    html = copy._repr_html_()
    assert "paragraph 1 · for date, title" in text and "for no field" in text
    assert "paragraph 1</bdi> · for <span" in html and "paragraph 1</bdi> · for no field" in html
    assert "for ·" not in text and "for <" not in html.replace("for <span", "")


def test_without_a_dataset_a_card_finds_its_records_own(ds: rightsdata.Dataset) -> None:
    """As the notebook's card does: a record of a loaded dataset is shown with names."""
    # (a dataset of its own: the bundled dataset's records may be held by others still alive
    # in this process, which a card without a dataset would name)
    own = rightsdata.load_documents(ds.to_dict())  # (records made anew: held by it alone)
    verdict = own.get("event:kozlov-verdict-2012-10-08")
    assert text_card(verdict, width=80) == text_card(verdict, own, width=80)
    assert "Vladimir Kozlov (defendant)" in text_card(verdict)


_VERDICT = "event:kozlov-verdict-2012-10-08"


@pytest.mark.parametrize(
    ("arguments", "keywords", "told"),
    [
        (("ds", _VERDICT), {}, "not the dataset first: `text_card(ds.get(id), ds)`"),
        ((_VERDICT, "ds"), {}, f"not the ID '{_VERDICT}': `text_card(ds.get('{_VERDICT}'), ds)`"),
        (("record", 80), {}, "not the width 80 as the dataset: `text_card(record, width=80)`"),
        (("record",), {"width": "80"}, "not a str ('80') as the width"),
        (("record", "ds", True), {}, "not a bool (True) as the width"),
        ((None,), {}, "not None as the record"),
        (("record", "kazakhstan"), {}, "not a str ('kazakhstan') as the dataset"),
    ],
)
def test_arguments_of_another_type_or_order_are_told_what_it_takes(
    ds: rightsdata.Dataset, arguments: tuple[object, ...], keywords: dict[str, object], told: str
) -> None:
    """Not an empty AssertionError, nor "'int' object has no attribute 'get'"."""
    named = {"ds": ds, "record": ds.get(_VERDICT)}
    values = [named.get(a, a) if isinstance(a, str) else a for a in arguments]
    with pytest.raises(TypeError) as raised:
        text_card(*values, **keywords)  # type: ignore[arg-type]
    message = str(raised.value)
    assert message.startswith(
        "text_card takes a record (such as `ds.get(id)`), then the dataset or None, then a width"
    ), message
    assert message.endswith(told), message


def test_terminal_width_follows_columns_within_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "50")
    assert terminal_width() == 50
    monkeypatch.setenv("COLUMNS", "300")
    assert terminal_width() == MAX_WIDTH
    monkeypatch.setenv("COLUMNS", "20")
    assert terminal_width() == MIN_WIDTH


@pytest.mark.parametrize("width", [1, 20, MIN_WIDTH - 1])
def test_a_width_under_the_minimum_is_refused_naming_it(ds: rightsdata.Dataset, width: int) -> None:
    # (not drawn 40 wide unseen: the caller asked for fewer columns than it gets)
    verdict = ds.events["event:kozlov-verdict-2012-10-08"]
    told = f"invalid width {width} (must be at least {MIN_WIDTH}"
    with pytest.raises(ValueError, match=re.escape(told)):
        text_card(verdict, ds, width=width)
    with pytest.raises(ValueError, match=re.escape(told)):
        event_lines([verdict], width=width)
    assert max(map(len, text_card(verdict, ds, width=MAX_WIDTH + 50).splitlines())) <= MAX_WIDTH


@pytest.mark.parametrize("width", [MIN_WIDTH, 80])
def test_event_lists_fit_and_keep_ids_whole(ds: rightsdata.Dataset, width: int) -> None:
    lines = event_lines(list(ds.events), width=width)
    assert len(lines) >= 2 * len(ds.events)
    for event in ds.events:
        assert any(line.strip().split(" · ")[0] == event.id for line in lines)
    for line in lines:
        assert len(line) <= width or line.strip().startswith("event:"), line
    if width == 80:  # every ID fits in 80 columns, aligned under the titles
        ids = [line for line in lines if line.strip().startswith("event:")]
        assert all(len(line) <= 80 for line in ids)
        assert len({len(line) - len(line.lstrip()) for line in ids}) == 1


def test_event_lines_say_an_event_was_planned_not_held(ds: rightsdata.Dataset) -> None:
    # the Supreme Court hearing was reported as planned; a list must not make it read as held
    hearing = ds.get("event:kozlov-supreme-court-hearing-2013")
    assert isinstance(hearing, rightsdata.Event)
    assert hearing.status is not None and hearing.status.value == "planned"
    # its kind is said too, with the status beside it: '· planned' read as its kind
    wide = event_lines([hearing], width=120)[:-1]  # (the last line: what * means)
    assert wide[-1].strip() == (
        "event:kozlov-supreme-court-hearing-2013 · appeal (planned; date: planned for)"
    )
    narrow = event_lines([hearing], width=80)[:-1]  # what does not fit goes on the next line
    assert [line.strip() for line in narrow[1:]] == [
        "event:kozlov-supreme-court-hearing-2013",
        "· appeal (planned; date: planned for)",
    ]
    assert narrow[2].index("·") == narrow[1].index("event:")  # under the ID
    held = event_lines([ds.events["event:kozlov-verdict-2012-10-08"]], width=120)[:-1]
    assert "planned" not in held[-1] and "date:" not in held[-1]


@pytest.mark.parametrize("width", [MIN_WIDTH, 57, 80, MAX_WIDTH])
def test_event_lists_never_leave_out_an_events_kind(ds: rightsdata.Dataset, width: int) -> None:
    # a long ID left no room for the kind, which was dropped without a word
    # (event:kozlov-solitary-confinement-2015-07-17 in 80 columns)
    events = list(ds.events)
    lines = event_lines(events, width=width)
    text = " ".join(" ".join(lines).split())
    for event in events:
        assert f"{event.id} · {event_mark(event)}" in text, event.id
        assert event_mark(event).startswith(term(event.kind))
    assert all(len(line) <= width for line in lines if not line.strip().startswith("event:"))


def test_a_title_with_line_breaks_keeps_a_list_to_its_layout(ds: rightsdata.Dataset) -> None:
    # a line break in a title was printed as it is, so a list of events (and the command
    # line's search results, plot labels: every cut text) broke a line inside an entry
    import attrs

    verdict = ds.get("event:kozlov-verdict-2012-10-08")
    assert isinstance(verdict, rightsdata.Event)
    broken = attrs.evolve(verdict, title="Kozlov\nconvicted\t\nand\u2028sentenced")
    assert event_lines([broken], width=60) == [
        "8 Oct 2012*  Kozlov convicted and sentenced",
        "             event:kozlov-verdict-2012-10-08 · verdict",
        "* date inferred, not stated: the record's card says from",
        "  what",
    ]


# --- wide characters --------------------------------------------------------------------------


def columns(text: str) -> int:
    """The terminal columns of ``text``, counted independently of the library: two for an East
    Asian wide or fullwidth character, none for a combining mark."""
    return sum(
        0
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me")
        else 2
        if unicodedata.east_asian_width(c) in "WF"
        else 1
        for c in text
    )


#: Wide characters (CJK, fullwidth forms, Hangul), combining marks and plain letters.
_WIDE_TEXT = st.text(
    st.sampled_from("北京市人権記者\uff21\uff22한국어abc xyz-\u0301\u0308\u0327é"),
    min_size=1,
    max_size=80,
)


@settings(max_examples=200, deadline=None)
@given(_WIDE_TEXT, st.integers(1, 40))
def test_truncate_counts_terminal_columns(text: str, width: int) -> None:
    """A CJK character takes two columns and a combining mark none: truncate counted one a
    character, so a cut CJK title took twice its width, and a cut could strand a mark."""
    whole = " ".join(text.split()) if "  " in text else text  # as truncate gives it
    cut = truncate(text, width)
    assert columns(cut) <= width
    if cut != whole:
        assert cut.endswith("…")
        kept = cut[:-1]
        assert whole.startswith(kept)
        rest = whole[len(kept) :]
        assert not kept or columns(rest[0]) > 0  # a mark is never cut from its letter


def test_truncate_keeps_a_combining_mark_with_its_letter() -> None:
    assert truncate("Kozlov" + "e\u0301" * 10, 8) == "Kozlove\u0301…"
    assert truncate("北京北京北京", 6) == "北京…"  # 5 columns: a third 北 would make 7
    assert truncate("北京北京北京", 12) == "北京北京北京"


@settings(max_examples=200, deadline=None)
@given(_WIDE_TEXT, st.integers(8, 40))
def test_wrap_fits_wide_characters_in_the_width(text: str, width: int) -> None:
    lines = wrap(text, width, "ab  ")
    assert all(columns(line) <= width for line in lines), lines
    assert "".join("".join(lines).split()) == "ab" + "".join(text.split())


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("ab cd\tef\n-.x"), max_size=60), st.integers(1, 30), st.booleans())
def test_wrap_of_narrow_text_is_that_of_textwrap(text: str, width: int, rest: bool) -> None:
    """Where every character is one column, the lines are those textwrap made before."""
    first, indent = "> ", ("  " if rest else "")
    expected = textwrap.wrap(
        text,
        width=width + 2,
        initial_indent=first,
        subsequent_indent=indent,
        break_on_hyphens=False,
    ) or [first.rstrip()]
    assert wrap(text, width + 2, first, indent) == expected


def test_lists_and_cards_align_wide_titles(tmp_path: Path) -> None:
    """The events list, the text card and the repr fit wide titles in their columns."""
    wide = "北京で記者が拘束された事件についての報告書と証言" * 2
    event = rightsdata.Event(
        id="event:beijing-detention",
        kind=EventKind.DETENTION,
        title=wide,
        date=rightsdata.EDTF("2012-10-08"),
        summary=wide,
        citations=(rightsdata.Citation(source="source:a"),),
    )
    for line in event_lines([event], width=60):
        assert columns(line) <= 60, line
    for line in text_card(event, width=50).splitlines():
        assert columns(line) <= 50, line
    assert columns(record_repr(event)) <= REPR_WIDTH


def test_the_blocks_measured_as_one_column_each_are() -> None:
    """display_width's fast path takes these blocks to be one column a character, without
    looking each up: every character in them is, by the rule itself."""
    from rightsdata._values.columns import _NOT_SURELY_ONE, _char_width

    for code in range(0x30000):
        char = chr(code)
        if _NOT_SURELY_ONE.match(char) is None:
            assert _char_width(char) == 1, hex(code)


def test_search_results_on_the_command_line_fit_wide_names() -> None:
    from rightsdata._cli.commands.search import _record_lines

    source = rightsdata.Source(
        id="source:a",
        title="A report",
        kind=SourceKind.REPORT,
        language="en",
        published=rightsdata.EDTF("2020"),
    )
    person = rightsdata.Person(
        id="person:wang", name="王" * 40, citations=(rightsdata.Citation(source="source:a"),)
    )
    dataset = rightsdata.Dataset({"sources": [source], "persons": [person]})
    lines = _record_lines(dataset, [person], 50)
    assert lines[0] == "person  " + "王" * 20 + "…", lines  # 8 + 40 + 1 columns
    assert all(columns(line) <= 50 for line in lines)


@pytest.mark.parametrize(("first", "rest"), [("abcdef", None), ("", "abcdef"), ("ab", "abc")])
def test_wrap_refuses_a_prefix_that_leaves_no_room(first: str, rest: str | None) -> None:
    # textwrap.wrap(" x", 3, initial_indent="abcdef") never returns; this said nothing either
    with pytest.raises(ValueError, match="leaves no room in 3 columns"):
        wrap(" x y z", 3, first, rest)


# --- whole=True: what the command line prints as messages -------------------------------------

_LONG_PATH = "/tmp/x/" + "averyveryverylongdirectoryname" * 3 + "/another-long-name/ds"


def test_wrap_cuts_a_long_word_unless_whole() -> None:
    text = f"3 problems in {_LONG_PATH}:"
    cut = wrap(text, 40, "", "  ")  # a card's rule: the path cut, to fill each line
    assert all(columns(line) <= 40 for line in cut) and not any(_LONG_PATH in x for x in cut)
    # a message's: the path whole, on a line of its own (wider than the terminal)
    assert wrap(text, 40, "", "  ", whole=True) == ["3 problems in", f"  {_LONG_PATH}:"]


def test_wrap_keeps_a_backtick_span_with_spaces_on_one_line() -> None:
    text = "3 files differ; run `rightsdata fmt 'my data/ds' --base kazakhstan` to rewrite them"
    lines = wrap(text, 40, "", "  ", whole=True)
    assert lines == [
        "3 files differ; run",
        "  `rightsdata fmt 'my data/ds' --base kazakhstan`",
        "  to rewrite them",
    ]
    # without whole, the span is words as any other: split at its spaces
    assert wrap(text, 40, "", "  ")[0] == "3 files differ; run `rightsdata fmt 'my"
    # a span that fits stays on the line it starts, with what is attached to it
    assert wrap("then `rightsdata fmt ds`, done", 30, whole=True) == [
        "then `rightsdata fmt ds`, done"
    ]
    assert wrap("then `rightsdata fmt ds`, done", 20, whole=True) == [
        "then",
        "`rightsdata fmt ds`,",
        "done",
    ]


def test_wrap_takes_a_lone_backtick_as_a_character() -> None:
    assert wrap("a ` b c d", 5, whole=True) == ["a ` b", "c d"]
    assert wrap("`a b` c `d e", 7, whole=True) == ["`a b` c", "`d e"]


def test_wrap_whole_wraps_ordinary_text_as_before() -> None:
    text = "from 26 January 2012 to 8 October 2012, in 北京市の記者が拘束された"
    plain = text.replace("北京市の記者が拘束された", "北京")
    for width in (16, 24, 40):
        assert wrap(plain, width, "date  ", whole=True) == wrap(plain, width, "date  ")
    # widths are terminal columns: the CJK word (24 columns) on a line of its own, whole
    assert wrap(text, 20, "- ", whole=True)[-1] == "  北京市の記者が拘束された"


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("ab cd\tef\n-.x"), max_size=60), st.integers(1, 30), st.booleans())
def test_wrap_whole_of_short_words_is_wrap(text: str, width: int, rest: bool) -> None:
    """Without a word (or a run of spaces) longer than a line, whole=True changes nothing."""
    first, indent = "> ", ("  " if rest else "")
    if all(len(chunk) <= width for chunk in re.split(r"(\s+)", text.expandtabs())):
        assert wrap(text, width + 2, first, indent, whole=True) == wrap(
            text, width + 2, first, indent
        )


_SPANS = st.lists(
    st.one_of(
        st.text(st.sampled_from("ab北京é\u0301-/.:'"), min_size=1, max_size=50),  # a word
        st.text(st.sampled_from("ab 北 -'/"), max_size=40).map(lambda s: f"`{s}`"),  # a span
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(_SPANS, st.integers(8, 40), st.sampled_from(["", "  ", "x: "]))
def test_wrap_whole_never_cuts_a_word_nor_splits_a_span(
    words: list[str], width: int, first: str
) -> None:
    text = " ".join(words)
    lines = wrap(text, width, first, "  ", whole=True)
    body = [line[len(first) :] for line in lines[:1]] + [line[2:] for line in lines[1:]]
    # every word and span is on one line, whole (a span with spaces too), in order
    assert [w for line in body for w in _words_and_spans(line)] == words, lines
    # a line wider than the width holds one word or span alone
    for line, inside in zip(lines, body, strict=True):
        if columns(line) > width:
            assert len(_words_and_spans(inside)) == 1, lines
    assert "".join("".join(lines).split()) == first.strip() + "".join(text.split())


def _words_and_spans(line: str) -> list[str]:
    return re.findall(r"`[^`]*`|[^ `]+", line)


_PATH = st.text(st.sampled_from("ab `'\"x/北\t\\"), min_size=1, max_size=20)
_ITEMS = st.lists(
    st.one_of(
        # a command naming a path with backticks, quotes, spaces (as messages word one)
        _PATH.map(lambda p: f"`rightsdata fmt {shell_path(p)}`"),
        _PATH.map(lambda p: f"(in Python, `rightsdata.validate({python_literal(p)})`)"),
        # a path in prose with a backtick inside a word ("(my d`x)"), not kept
        st.tuples(
            st.text(st.sampled_from("ab北/-("), min_size=1, max_size=8),
            st.text(st.sampled_from("ab北/-)"), min_size=1, max_size=8),
        ).map("`".join),
        st.text(st.sampled_from("ab北-/.:"), min_size=1, max_size=30),  # a plain word
    ),
    min_size=1,
    max_size=10,
)


@settings(max_examples=400, deadline=None)
@given(_ITEMS, st.integers(8, 40))
def test_wrap_whole_keeps_a_command_whole_whatever_backticks_its_path_or_the_text_hold(
    items: list[str], width: int
) -> None:
    """A command's span is what the message marked: a backtick of a path in it (written
    escaped) or in the prose around it (within a word) neither ends it nor starts another,
    so each command (and each word) is on one line, whole, and pasting it names the path."""
    text = " ".join(items)
    lines = wrap(text, width, "", "  ", whole=True)
    at = 0
    for item in items:
        for part in item.split(" ") if not item.startswith(("`", "(in")) else [item]:
            if item.startswith("(in"):
                part = item.split(", ", 1)[1]  # the call: the words before it may part
            while part not in lines[at]:
                at += 1
                assert at < len(lines), (part, lines)


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from("ab `'\"$!-/北\t\n\x1b\x85\u202e\udce9\\"), min_size=1))
def test_a_shell_path_pasted_names_the_path(path: str) -> None:
    """The word a command prints for a path names that path when pasted (bash reads a
    ``$'...'`` word's escapes), and holds no backtick a wrap could take for a span's end, no
    control character a terminal would act on (a tab was printed as spaces, ESC escaped)."""
    word = shell_path(path)
    assert _pasted(word) == (f"./{path}" if path.startswith("-") else path)
    assert "`" not in word.replace("\\`", "") and word.isprintable()


def _pasted(word: str) -> str:
    """The path a shell word names, as bash reads it: ``$'...'`` (its escapes) or POSIX."""
    if word.startswith("$'"):  # (bytes: \\xHH is a byte, as a path's that is no UTF-8)
        named = {"t": b"\t", "n": b"\n", "\\": b"\\", "'": b"'"}
        parts = re.findall(r"\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|\\.|[^\\]", word[2:-1])
        data = b"".join(
            bytes([int(p[2:], 16)])
            if p.startswith("\\x")
            else chr(int(p[2:], 16)).encode()
            if p.startswith("\\u")
            else named[p[1]]
            if p.startswith("\\")
            else p.encode()
            for p in parts
        )
        return data.decode("utf-8", "surrogateescape")  # (os.fsdecode, where names are bytes)
    (path,) = shlex.split(word)
    return path


def test_wrap_keeps_the_strings_given_on_one_line() -> None:
    text = "3 problems in /home/me/my data/x y/events.json: see my data"
    assert wrap(text, 30, "", "  ", whole=True, keep=["/home/me/my data/x y"]) == [
        "3 problems in",
        "  /home/me/my data/x y/events.json:",
        "  see my data",
    ]
    assert wrap(text, 30, "", "  ", whole=True)[0] == "3 problems in /home/me/my"  # (without)
    # within a word too (quoted, in brackets), and the longest of two that overlap
    said = "load the folder that holds it ('my data/x y'), or not"
    assert wrap(said, 30, whole=True, keep=["my data", "my data/x y"]) == [
        "load the folder that holds it",
        "('my data/x y'), or not",
    ]
    assert wrap("a b c", 3, whole=True, keep=["  ", " b "]) == ["a b", "c"]  # (spaces: no)
    # a backtick of a kept path neither ends a command's span nor starts one
    command = "run `rightsdata fmt 'my `odd` data'` then"
    assert wrap(command, 20, whole=True, keep=["my `odd` data"]) == [
        "run",
        "`rightsdata fmt 'my `odd` data'`",
        "then",
    ]
    with pytest.raises(ValueError, match="keep is for whole=True"):
        wrap(text, 30, keep=["my data"])


#: A path with a space: in brackets, so that no two overlap in a text (as no two paths do).
_PHRASE = (
    st.text(st.sampled_from("xy北/. "), min_size=1, max_size=30)
    .filter(lambda s: " " in s.strip(" ") and "  " not in s)
    .map(lambda s: f"[{s.strip(' ')}]")
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(_PHRASE, st.text("ab-北", min_size=1, max_size=12)), max_size=10),
    st.integers(8, 30),
)
def test_wrap_whole_keeps_each_kept_string_on_a_line(parts: list[str], width: int) -> None:
    kept = [p for p in parts if " " in p]
    lines = wrap(" ".join(parts), width, "", "  ", whole=True, keep=kept)
    for phrase in kept:
        assert any(phrase in line for line in lines), (phrase, lines)
    assert " ".join(line.strip() for line in lines) == " ".join(" ".join(parts).split())


def test_a_card_keeps_the_command_it_gives_on_one_line(ds: rightsdata.Dataset) -> None:
    """A card's `rightsdata timeline ID --data PATH` was cut to the width like any text: a
    copy of it was broken. It is kept whole, on a line of its own where it does not fit."""
    import shlex

    record = ds.get("person:journalist-forced-psychiatric-observation-2013")
    options = " --data 'my data/x y'"
    for width in (MIN_WIDTH, 60, 80):
        lines = text_card(record, ds, width=width, options=options).splitlines()
        (line,) = [line for line in lines if "`rightsdata timeline" in line]
        command = line.partition("`")[2].partition("`")[0]
        assert shlex.split(command) == [
            "rightsdata",
            "timeline",
            record.id,
            "--data",
            "my data/x y",
        ]


def test_a_card_suggests_a_command_only_where_it_runs_on_the_data_shown() -> None:
    # a dataset made in Python over the bundled one: `rightsdata timeline ID` would count the
    # bundled dataset's 13 events, not the card's 14, so the card gives the count alone
    import rightsdata
    from rightsdata import EDTF, Citation, Event, Participant
    from rightsdata.vocab import EventKind, Role

    bundled = rightsdata.load()
    released = Event(
        id="event:kozlov-released-2016-08",
        kind=EventKind.RELEASE,
        title="Kozlov released",
        date=EDTF("2016-08"),
        participants=(Participant(actor="person:vladimir-kozlov", role=Role.VICTIM),),
        citations=(Citation(source="source:hrf-2012-12-14"),),
    )
    mine = rightsdata.Dataset({"events": [released]}, base=bundled, name="mine", version="0.1.0")
    kozlov = bundled.get("person:vladimir-kozlov")

    def events_row(card: str) -> str:
        """The events row, with the lines it wraps onto (indented under its value)."""
        lines = card.splitlines()
        (start,) = [n for n, line in enumerate(lines) if line.startswith("events ")]
        row = [lines[start]]
        for line in lines[start + 1 :]:
            if not line.startswith(" ") or not line.strip():
                break
            row.append(line)
        return " ".join(" ".join(row).split())

    count = len(bundled.timeline(kozlov))
    row = events_row(text_card(kozlov, mine, width=96))
    assert re.fullmatch(rf"events {count + 1} events \(\d{{4}} to \d{{4}}\)", row), row
    assert events_row(text_card(kozlov, bundled, width=96)) == (
        f"events {count} events (2012 to 2015); `rightsdata timeline person:vladimir-kozlov`"
    )
    assert events_row(text_card(kozlov, mine, width=96, options=" --data my-data")) == (
        f"events {count + 1} events (2012 to 2016); "
        "`rightsdata timeline person:vladimir-kozlov --data my-data`"
    )
