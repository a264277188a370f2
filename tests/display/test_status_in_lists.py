"""An event that did not simply happen on its date (planned, alleged, announced; a date of
its report or announcement) says so in every list of events, in one wording
(:func:`rightsdata._display.words.status_note`): the command line's lists, the notebook's
tables, a record's repr and a Table's text, and the timeline plot's dates."""

from __future__ import annotations

import re

import matplotlib
import pytest

from rightsdata import Dataset
from rightsdata._display.words import event_kind_mark, status_note
from rightsdata.display import collection_html, record_repr, related_html, table
from rightsdata.textcard import event_lines, event_mark

matplotlib.use("Agg")

import matplotlib.pyplot as plt

PLANNED = "event:kozlov-supreme-court-hearing-2013"  # planned; date: planned for
ALLEGED = "event:bloody-january-torture-2022"  # alleged
ANNOUNCED = "event:media-ban-request-2012-11-21"  # date: announcement
UNDATED = "event:tulesova-appeal-2020"  # announced, no date
HELD = "event:kozlov-verdict-2012-10-08"


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_one_wording_for_every_list(ds: Dataset) -> None:
    assert status_note(ds.events[PLANNED]) == "planned; date: planned for"
    assert status_note(ds.events[ALLEGED]) == "alleged"
    assert status_note(ds.events[ANNOUNCED]) == "date: announcement"
    assert status_note(ds.events[HELD]) is None
    assert event_mark(ds.events[PLANNED]) == event_kind_mark(ds.events[PLANNED])
    assert event_mark(ds.events[PLANNED]) == "appeal (planned; date: planned for)"


@pytest.mark.parametrize("event_id", [PLANNED, ALLEGED, ANNOUNCED, UNDATED])
def test_a_table_says_it(ds: Dataset, event_id: str) -> None:
    event = ds.events[event_id]
    assert event_kind_mark(event) in _text(table([event])._repr_html_())


def test_a_collection_table_says_it(ds: Dataset) -> None:
    shown = list(ds.events)[:20]
    noted = [e for e in shown if status_note(e)]
    assert noted  # (the bundled data has some among the first rows)
    text = _text(collection_html(ds.events))
    for event in noted:
        assert event_kind_mark(event) in text


def test_related_tables_say_it(ds: Dataset) -> None:
    text = _text(related_html(ds.related("person:vladimir-kozlov")))
    assert "appeal (planned; date: planned for)" in text


@pytest.mark.parametrize("event_id", [PLANNED, ALLEGED, ANNOUNCED, UNDATED])
def test_a_repr_and_a_tables_text_say_it(ds: Dataset, event_id: str) -> None:
    event = ds.events[event_id]
    note = status_note(event)
    assert note is not None
    assert f"{event.kind.value} ({note})" in record_repr(event)
    assert f"({note})" in repr(table([event]))
    assert "(" not in record_repr(ds.events[HELD]).split("'")[0]


def test_the_plot_says_it_beside_the_date(ds: Dataset) -> None:
    ax = ds.plot_timeline([PLANNED, ALLEGED, ANNOUNCED, UNDATED, HELD])
    texts = [t.get_text() for t in ax.texts]
    # (each date inferred, not stated, is marked *: the legend says so)
    assert "c. Jun 2013* (planned; date: planned for)" in texts
    assert "2022* (alleged)" in texts
    assert "21 Nov 2012* (date: announcement)" in texts
    assert "date not known (announced)" in texts
    assert "8 Oct 2012*" in texts
    plt.close("all")


def test_the_plot_in_the_users_axes_says_it_too(ds: Dataset) -> None:
    fig, axes = plt.subplots(2)
    ax = ds.plot_timeline([PLANNED, HELD], ax=axes[0])
    fig.canvas.draw()
    texts = [t.get_text() for t in ax.texts]
    assert "c. Jun 2013* (planned; date: planned for)" in texts
    plt.close("all")


def test_the_command_lines_lists_say_it_as_before(ds: Dataset) -> None:
    lines = event_lines([ds.events[ALLEGED]], width=100)
    assert lines[1].endswith("· ill treatment (alleged)")


# --- a date inferred, not stated: marked where it is shown, not in the card's section alone ---

INFERRED = "event:kozlov-verdict-2012-10-08"  # HRF gives 'October 8' without a year
STATED = "event:kozlov-detention-2012-01-26"
LEGEND = "* date inferred, not stated: the record's card says from what"


def test_a_list_marks_an_inferred_date_and_says_what_the_mark_means(ds: Dataset) -> None:
    assert any(i.field == "date" for i in ds.events[INFERRED].inferred)
    assert not any(i.field == "date" for i in ds.events[STATED].inferred)
    lines = event_lines([ds.events[STATED], ds.events[INFERRED]], width=80)
    assert lines[0].startswith("26 Jan 2012  ") and lines[2].startswith("8 Oct 2012*  ")
    assert lines[-1] == LEGEND
    assert LEGEND not in event_lines([ds.events[STATED]], width=80)  # (no mark: no legend)


def test_the_notebooks_tables_mark_it_too(ds: Dataset) -> None:
    shown = table([ds.events[STATED], ds.events[INFERRED]])._repr_html_()
    assert ">8 Oct 2012*</span>" in shown and ">26 Jan 2012</span>" in shown
    assert 'title="2012-10-08 (inferred, not stated)"' in shown
    assert LEGEND.replace("'", "&#x27;") in shown
    assert "inferred, not stated" not in table([ds.events[STATED]])._repr_html_()
    # a statement's date, a rating's as_of: every date a table shows
    rating = ds.get("rating:civicus-kazakhstan-2022-downgrade")
    assert any(i.field == "as_of" for i in rating.inferred)
    assert "*</span>" in table([rating])._repr_html_()


def test_the_plot_marks_it_and_its_legend_says_so(ds: Dataset) -> None:
    ax = ds.plot_timeline([STATED, INFERRED])
    texts = [t.get_text() for t in ax.texts]
    assert texts == ["26 Jan 2012", "8 Oct 2012*"]
    legend = ax.get_legend()
    assert legend is not None and "dates (* inferred)" in [t.get_text() for t in legend.get_texts()]
    plain = ds.plot_timeline([STATED]).get_legend()
    assert plain is not None and "dates" in [t.get_text() for t in plain.get_texts()]
    plt.close("all")


def test_the_command_line_marks_it(capsys: pytest.CaptureFixture[str]) -> None:
    from rightsdata._cli.main import main

    assert main(["search", "kozlov", "convicted", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "(8 Oct 2012*)" in out and LEGEND in out.splitlines()
