"""Text that runs right to left, and stray direction controls, in the HTML cards and tables:
each value from the data is isolated (``<bdi>``, or ``dir="auto"`` on its block), so that it
cannot reorder the words after it; a direction control is shown as its escape, as the text
card shows it."""

from __future__ import annotations

import html.parser
import unicodedata
from pathlib import Path

import attrs
import pytest

from rightsdata import (
    EDTF,
    Alias,
    Citation,
    Dataset,
    Event,
    Figure,
    Participant,
    Person,
    Source,
)
from rightsdata.display import record_html, table
from rightsdata.textcard import text_card
from rightsdata.vocab import EventKind, FigureQualifier, FigureUnit, Measure, Role, SourceKind

#: Hebrew (right to left), then an unterminated RIGHT-TO-LEFT OVERRIDE: every text field
#: holds it, so that each place a value from the data is shown is checked.
RTL = "שלום \u202eevil"
CONTROLS = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]


class _Isolation(html.parser.HTMLParser):
    """The text nodes holding a Hebrew letter that no ``<bdi>`` or ``dir`` isolates."""

    VOID = frozenset({"br"})

    def __init__(self) -> None:
        super().__init__()
        self.open: list[bool] = []  # for each open element: whether it isolates
        self.bare: list[str] = []
        self.seen = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.open.append(tag == "bdi" or any(name == "dir" for name, _ in attrs))

    def handle_endtag(self, tag: str) -> None:
        self.open.pop()

    def handle_data(self, data: str) -> None:
        if "ש" in data:
            self.seen += 1
            if not any(self.open):
                self.bare.append(data)


def _dataset() -> Dataset:
    cite = Citation(source="source:a", locator=RTL, quote=RTL)
    source = Source(
        id="source:a",
        title=RTL,
        published=EDTF("2012"),
        kind=SourceKind.PRESS_RELEASE,
        language="he",
        url="https://example.org/a",
        note=RTL,
    )
    person = Person(
        id="person:a", name=RTL, aliases=(Alias(name=RTL),), summary=RTL, citations=(cite,)
    )
    other = Person(id="person:b", name="Bob Jones", citations=(cite,))
    event = Event(
        id="event:a",
        kind=EventKind.TRIAL,
        title=RTL,
        summary=RTL,
        participants=(
            Participant(actor="person:a", role=Role.DEFENDANT),
            Participant(actor="person:b", role=Role.JUDGE),
        ),
        figures=(
            Figure(
                measure=Measure.DETAINED,
                unit=FigureUnit.PEOPLE,
                best=3,
                qualifier=FigureQualifier.EXACT,
                as_given=RTL,
                citations=(cite,),
            ),
        ),
        citations=(cite,),
    )
    return Dataset(
        {"sources": [source], "persons": [person, other], "events": [event]},
        name="bidi",
        version="1.0.0",
    )


@pytest.mark.parametrize("record_id", ["source:a", "person:a", "event:a"])
def test_every_value_from_the_data_is_isolated_and_no_control_is_raw(record_id: str) -> None:
    ds = _dataset()
    card = record_html(ds.get(record_id), ds)
    page = _Isolation()
    page.feed(card)
    assert page.seen >= 2 and page.bare == []
    assert not any(c in card for c in CONTROLS)
    assert "\\u202eevil" in card  # shown as the text card shows it
    assert "\\u202eevil" in text_card(ds.get(record_id), ds, width=80)


def test_the_answers_and_tables_isolate_their_values_too() -> None:
    ds = _dataset()
    for shown in (
        ds.figures("event:a")._repr_html_(),
        ds.related("person:a")._repr_html_(),
        table(ds.persons)._repr_html_(),
        ds.persons._repr_html_(),
    ):
        page = _Isolation()
        page.feed(shown)
        assert page.seen >= 1 and page.bare == []
        assert not any(c in shown for c in CONTROLS)


def test_a_role_after_a_right_to_left_name_is_outside_its_isolation() -> None:
    ds = _dataset()
    card = record_html(ds.get("event:a"), ds)
    assert "<bdi>שלום \\u202eevil</bdi></span> <span" in card


#: An Arabic name and title: right to left, with no direction control of their own.
ARABIC = "محمد علي"
FSI, PDI = "\u2068", "\u2069"
LRI, RLI = "\u2066", "\u2067"
OPENERS = (LRI, RLI, FSI)


def _arabic() -> Dataset:
    cite = Citation(source="source:a")
    source = Source(id="source:a", title="A report", kind=SourceKind.REPORT, language="en")
    person = Person(id="person:m", name=ARABIC, citations=(cite,))
    event = Event(
        id="event:m",
        kind=EventKind.TRIAL,
        title=f"{ARABIC} tried",
        date=EDTF("2012-10-08"),
        participants=(Participant(actor="person:m", role=Role.DEFENDANT),),
        citations=(cite,),
    )
    return Dataset(
        {"sources": [source], "persons": [person], "events": [event]}, name="ar", version="1"
    )


def test_a_right_to_left_name_within_a_line_of_text_is_isolated() -> None:
    # without FSI...PDI, "(defendant)" after an Arabic name can be drawn before it
    from rightsdata._display.marks import subject_events
    from rightsdata._values.columns import display_width
    from rightsdata.textcard import event_lines

    ds = _arabic()
    card = text_card(ds.get("event:m"), ds, width=80)
    assert f"participants  {FSI}{ARABIC}{PDI} (defendant)" in card.splitlines()
    (line, _) = event_lines(ds.events, width=60)
    assert line == f"8 Oct 2012  {FSI}{ARABIC} tried{PDI}"
    assert display_width(line) == len(line) - 2  # (the isolates take no column)
    assert subject_events(ds, "person:m").heading == f"{FSI}{ARABIC}{PDI} — 1 event"
    plain = text_card(ds.get("source:a"), ds, width=80)  # (left-to-right text: as it was)
    assert FSI not in plain and PDI not in plain


#: An Arabic name longer than what a 40-column card's row leaves beside its label.
LONG_ARABIC = "محمد بن عبد الله بن عبد الرحمن العلي"


def test_a_right_to_left_name_wrapped_onto_lines_is_isolated_on_each() -> None:
    # a line that starts with the rest of the name is read right to left without FSI...PDI,
    # and "(defendant)" after it drawn before it
    from rightsdata._values.columns import display_width

    ds = _arabic()
    (person,) = ds.persons
    (event,) = ds.events
    (participant,) = event.participants
    longer = Dataset(
        {
            "sources": list(ds.sources),
            "persons": [attrs.evolve(person, name=LONG_ARABIC)],
            "events": [attrs.evolve(event, title="A trial", participants=(participant,))],
        },
        name="ar",
        version="1",
    )
    lines = text_card(longer.get("event:m"), longer, width=40).splitlines()
    held = [line for line in lines if any(unicodedata.bidirectional(c) == "AL" for c in line)]
    assert len(held) == 2, lines  # (the name, on two lines)
    assert held[0].startswith("participants  ") and held[1].endswith(" (defendant)")
    parts = []
    for line in held:  # (in the whole name's direction: right to left, RLI)
        assert line.count(RLI) == line.count(PDI) == 1 and FSI not in line, line
        start, end = line.index(RLI), line.index(PDI)
        parts.append(line[start + 1 : end])
        # (only the name's part is isolated: the label, indent and role are outside)
        outside = line[:start] + line[end + 1 :]
        assert not any(unicodedata.bidirectional(c) == "AL" for c in outside), line
        assert display_width(line) <= 40
    assert " ".join(parts) == LONG_ARABIC


def _bare(line: str) -> list[str]:
    """The right-to-left letters of a line outside any isolate; and a line's isolates must
    each close on it (an isolate is for one line: a terminal lays out each apart)."""
    depth, bare = 0, []
    for character in line:
        if character in OPENERS:
            depth += 1
        elif character == PDI:
            depth -= 1
            assert depth >= 0, line
        elif depth == 0 and unicodedata.bidirectional(character) in ("R", "AL"):
            bare.append(character)
    assert depth == 0, line
    return bare


@pytest.mark.parametrize("width", [40, 80])
@pytest.mark.parametrize("record_id", ["source:a", "person:a", "event:a"])
def test_every_text_from_the_data_is_isolated_on_the_text_card_wrapped_or_not(
    record_id: str, width: int
) -> None:
    """Every text of a right-to-left script (a title, a summary, an alias, a source's title,
    a locator, a quote, a figure's words), not only the names of the records a card names:
    on one line or wrapped onto several, each line's part of it is isolated. (The card of
    the source, and of the person, isolated none of it: only the event's, whose participant
    bore the same text as a name.)"""
    ds = _dataset()
    lines = text_card(ds.get(record_id), ds, width=width).splitlines()
    assert sum("ש" in line for line in lines) >= 2
    assert [line for line in lines if _bare(line)] == []


def test_an_alias_of_a_right_to_left_script_is_isolated() -> None:
    ds = _arabic()
    person = attrs.evolve(
        ds.get("person:m", Person),
        aliases=(Alias(name=ARABIC, language="ar"), Alias(name=LONG_ARABIC, language="ar")),
    )
    card = text_card(person, None, width=80)
    assert f"aliases  {FSI}{ARABIC}{PDI} (ar), " in card
    lines = text_card(person, None, width=40).splitlines()
    held = [line for line in lines if any(unicodedata.bidirectional(c) == "AL" for c in line)]
    assert len(held) >= 3 and not any(_bare(line) for line in held), held
    assert held[-1].endswith(f"{PDI} (ar)"), held  # (the language after it, outside it)


#: An Arabic name with a Latin word within, which a 40-column row breaks before the word.
MIXED = "محمد بن عبد الله بن عبد Abdul Rahman العلي"


def test_a_wrapped_name_keeps_its_direction_on_every_line() -> None:
    """Each line's part of a wrapped name is isolated in the direction of the whole name: a
    part that starts with a Latin word, isolated by FSI, would be laid out left to right,
    its Latin and Arabic words the other way round from the name's."""
    ds = _arabic()
    (person,) = ds.persons
    (event,) = ds.events
    mixed = Dataset(
        {
            "sources": list(ds.sources),
            "persons": [attrs.evolve(person, name=MIXED)],
            "events": [attrs.evolve(event, title="A trial")],
        },
        name="ar",
        version="1",
    )
    lines = text_card(mixed.get("event:m"), mixed, width=40).splitlines()
    held = [line for line in lines if "Abdul" in line or "محمد" in line]
    assert len(held) == 2 and held[1].lstrip().startswith(f"{RLI}Abdul Rahman"), held
    for line in held:
        assert line.count(RLI) == line.count(PDI) == 1 and not _bare(line), line


def test_a_cut_or_wrapped_title_in_a_plot_is_isolated_on_each_line() -> None:
    """A plot in the user's axes cuts a title to its room and wraps its heading: the cut
    title showed its isolate as the escape ``\\u2068`` and lost its end, and the heading's
    second line of a wrapped name had none."""
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    ds = _arabic()
    (person,) = ds.persons
    (event,) = ds.events
    long = Dataset(
        {
            "sources": list(ds.sources),
            "persons": [attrs.evolve(person, name=LONG_ARABIC)],
            "events": [attrs.evolve(event, title=f"{LONG_ARABIC} tried at length")],
        },
        name="ar",
        version="1",
    )
    fig, axes = plt.subplots(1, 3, figsize=(6, 3))
    ax = long.plot_timeline("person:m", ax=axes[0])
    fig.canvas.draw()
    (label,) = [t.get_text() for t in ax.get_yticklabels()]
    assert label.startswith(FSI) and label.endswith(f"…{PDI}") and "\\" not in label, label
    heading = ax.get_title(loc="left").split("\n")
    assert len(heading) >= 2, heading
    for line in heading:
        assert line.startswith(RLI) and line.count(PDI) == 1 and not _bare(line), heading
    plt.close("all")


def test_a_plots_labels_isolate_a_right_to_left_title() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib.pyplot as plt

    ax = _arabic().plot_timeline("person:m")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert f"{FSI}{ARABIC} tried{PDI}" in labels, labels
    assert ax.get_title(loc="left").startswith(f"{FSI}{ARABIC}{PDI}")
    plt.close("all")


def test_the_command_line_isolates_a_right_to_left_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from rightsdata._cli.main import main

    _arabic().export(tmp_path / "ar", "json")
    assert main(["timeline", "person:m", "--data", str(tmp_path / "ar")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{FSI}{ARABIC}{PDI}: 1 event, in date order"
    assert out[1].endswith(f"{FSI}{ARABIC} tried{PDI}")
