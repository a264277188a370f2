"""The timeline plot: one mark per event at its dates, uncertain dates as ranges, kinds in
distinct colours, readable labels, subjects (actors, places, cases and events chosen),
options and errors."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
from typing import Any

import attrs
import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.artist import Artist  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.colors import to_rgb, to_rgba  # noqa: E402
from matplotlib.dates import date2num  # noqa: E402
from matplotlib.image import AxesImage  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from rightsdata import EDTF, Dataset, UnknownIdError  # noqa: E402
from rightsdata._display.marks import mark_of  # noqa: E402
from rightsdata._display.plot import (  # noqa: E402
    KIND_ORDER,
    PALETTE,
    case_events,
    kind_style,
    plot_timeline,
)
from rightsdata._display.words import (  # noqa: E402
    listed_date,
    short_date,
    status_note,
    truncate,
)
from rightsdata._model.records import KINDS, Event, Participant, Record  # noqa: E402
from rightsdata._values.extras import MissingExtraError  # noqa: E402
from rightsdata.vocab import EventKind, EventKindValue, Role  # noqa: E402

from conftest import ROOT  # noqa: E402

KOZLOV = "person:vladimir-kozlov"


pytestmark = pytest.mark.usefixtures("figures_closed")


def marks(ax: Axes) -> dict[str, list[Artist]]:
    """The artists of each event, by the gid the plot gives its mark (the event's ID)."""
    found: dict[str, list[Artist]] = {}
    for artist in [*ax.lines, *ax.patches, *ax.images, *ax.collections]:
        gid = artist.get_gid()
        if gid:
            found.setdefault(gid, []).append(artist)
    return found


def mark(ax: Axes, event_id: str) -> Artist:
    (artist,) = marks(ax)[event_id]
    return artist


def day(text: str) -> float:
    to_number: Any = date2num  # (matplotlib.dates is not annotated)
    return float(to_number(datetime.date.fromisoformat(text)))


def alpha_of(bar: Rectangle) -> float:
    """The alpha of a bar's face (an RGBA tuple, where the stubs allow any colour)."""
    face = bar.get_facecolor()
    assert isinstance(face, tuple) and len(face) == 4
    return face[3]


def color_of(artist: Artist) -> tuple[float, float, float]:
    if isinstance(artist, Line2D):
        rgba = to_rgba(artist.get_color())
    elif isinstance(artist, Rectangle):
        rgba = to_rgba(artist.get_edgecolor())
    else:
        assert isinstance(artist, AxesImage)
        rgba = tuple(artist.get_array()[0, -1, :3])  # type: ignore[index]
    return (round(rgba[0], 3), round(rgba[1], 3), round(rgba[2], 3))


def with_events(ds: Dataset, *events: Event, checked: bool = False) -> Dataset:
    """``ds`` with more events; ``checked=True`` skips the integrity check (a cycle test)."""
    records: dict[str, list[Record]] = {k: list(ds.collection(k)) for k in KINDS}
    records["events"] += events
    if checked:
        return Dataset._of_checked(records, "variant", None, None, None, {}, {})
    return Dataset(records, name="variant")


def variant_of(ds: Dataset, event_id: str, n: int, **changes: Any) -> Event:
    """An event of Kozlov's, copied under a new ID with changes."""
    event = ds.get("event:kozlov-detention-2012-01-26")
    assert isinstance(event, Event)
    return attrs.evolve(event, id=f"{event_id}-{n}", **changes)


# --- marks ------------------------------------------------------------------------------------


def test_one_mark_per_event_one_row_each_in_date_order(ds: Dataset) -> None:
    ax = ds.plot_timeline(KOZLOV)
    timeline = ds.timeline(KOZLOV)
    found = marks(ax)
    assert sorted(found) == sorted(e.id for e in timeline)
    assert all(len(artists) == 1 for artists in found.values())
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [truncate(e.title, 60) for e in timeline]
    assert labels[1] == "Vladimir Kozlov charged with incitement and calls to overth…"
    assert list(ax.get_yticks()) == list(range(len(timeline)))
    for row, event in enumerate(timeline):  # each mark sits on its event's row
        artist = found[event.id][0]
        if isinstance(artist, Line2D):
            assert artist.get_ydata()[0] == row  # type: ignore[index]
        elif isinstance(artist, Rectangle):
            assert artist.get_y() + artist.get_height() / 2 == pytest.approx(row)
        else:
            assert isinstance(artist, AxesImage)
            assert sum(artist.get_extent()[2:]) / 2 == pytest.approx(row)
    assert ax.get_ylim()[0] > ax.get_ylim()[1]  # the first event at the top


def test_a_day_is_a_dot_at_that_day(ds: Dataset) -> None:
    ax = ds.plot_timeline(KOZLOV)
    dot = mark(ax, "event:kozlov-detention-2012-01-26")
    assert isinstance(dot, Line2D)
    assert dot.get_xdata()[0] == day("2012-01-26") + 0.5  # type: ignore[index]
    assert dot.get_markerfacecolor() != "white"


def test_uncertain_dates_are_ranges_over_the_days_they_could_be(ds: Dataset) -> None:
    # the bundled timeline has no closed interval: one is added (some time within vs. all of it)
    interval = variant_of(ds, "event:x-interval", 0, date=EDTF("2012-03-01/2012-05-31"))
    ax = with_events(ds, interval).plot_timeline(KOZLOV)
    expected = {  # event: (first day, day after the last), light (some time within) or solid
        "event:kazakhstan-media-opposition-crackdown-2012": ("2012-01-01", "2013-01-01", True),
        # [2015-07-17..2015-08-31]: one day from 17 July to 31 August 2015
        "event:kozlov-stricter-regime-2015": ("2015-07-17", "2015-09-01", True),
        "event:kozlov-55th-birthday-2015": ("2015-08-01", "2015-09-01", True),
        # [2012-01-26..2012-10-08]: a set, one day of the range
        "event:kozlov-charged-2012": ("2012-01-26", "2012-10-09", True),
        interval.id: ("2012-03-01", "2012-06-01", False),
    }
    alphas = {}
    for event_id, (first, after, light) in expected.items():
        bar = mark(ax, event_id)
        assert isinstance(bar, Rectangle), event_id
        assert bar.get_x() == day(first)
        assert bar.get_x() + bar.get_width() == pytest.approx(day(after))
        alphas[light] = alpha_of(bar)
    assert alphas[True] < 0.5 < alphas[False]


def test_an_unknown_start_fades_in_from_the_edge_to_the_known_end(ds: Dataset) -> None:
    ax = ds.plot_timeline(KOZLOV)
    trial = mark(ax, "event:kozlov-trial-2012")  # /2012-10-08
    assert isinstance(trial, AxesImage)
    left, right = trial.get_extent()[:2]
    assert left == ax.get_xlim()[0]
    assert right == day("2012-10-09")
    alpha = trial.get_array()[0, :, 3]  # type: ignore[index]
    assert alpha[0] == 0 and alpha[-1] > 0.8  # transparent at the unknown side


def test_a_qualified_date_is_hollow_or_dashed_and_a_short_span_is_a_dot(ds: Dataset) -> None:
    short = variant_of(ds, "event:x", 2, date=EDTF("2013-06-29~/2013-06-30~"))
    ax = with_events(ds, short).plot_timeline(KOZLOV)
    dot = mark(ax, "event:x-2")
    assert isinstance(dot, Line2D)  # two days on a four-year axis
    assert dot.get_xdata()[0] == day("2013-06-30")  # type: ignore[index]  # the middle
    assert dot.get_markerfacecolor() == "white"
    hearing = mark(ax, "event:kozlov-supreme-court-hearing-2013")  # 2013-06~
    assert isinstance(hearing, Rectangle) and hearing.get_linestyle() == "--"
    variant = with_events(ds, variant_of(ds, "event:x", 1, date=EDTF("2012-05?")))
    bar = mark(variant.plot_timeline(KOZLOV), "event:x-1")
    assert isinstance(bar, Rectangle) and bar.get_linestyle() == "--"


def test_a_qualified_date_with_an_unknown_side_fades_with_a_dashed_outline(ds: Dataset) -> None:
    """A fading bar of a qualified date (``/2012-10-08?``, ``2015-03-02~/``) is dashed as any
    other qualified mark: along its top and bottom and across its known end, never across
    the unknown side; the legend says what the dashes mean."""
    events = [
        variant_of(ds, "event:x", 1, date=EDTF("/2012-10-08?")),
        variant_of(ds, "event:x", 2, date=EDTF("2015-03-02~/")),
        variant_of(ds, "event:x", 3, date=EDTF("/2012-10-08")),
    ]
    ax = with_events(ds, *events).plot_timeline(KOZLOV)
    found = marks(ax)
    xmin, xmax = ax.get_xlim()
    for n, known, edge in ((1, day("2012-10-09"), xmin), (2, day("2015-03-02"), xmax)):
        assert isinstance(found[f"event:x-{n}"][0], AxesImage)
        (outline,) = found[f"event:x-{n}#qualified"]
        assert isinstance(outline, Line2D) and outline.get_linestyle() == "--"
        xs = [float(x) for x in np.asarray(outline.get_xdata()) if not np.isnan(x)]
        # top and bottom from the edge to the known end (twice each), and across that end
        assert sorted(set(xs)) == sorted({edge, known})
        assert xs.count(known) == 4 and xs.count(edge) == 2
    assert "event:x-3#qualified" not in found  # (not qualified: no dashes)
    legend = ax.get_legend()
    assert legend is not None
    assert "uncertain or approximate (? ~ %)" in [t.get_text() for t in legend.get_texts()]


def test_open_and_unknown_ends(ds: Dataset) -> None:
    events = [
        variant_of(ds, "event:x", 1, date=EDTF("2014/..")),
        variant_of(ds, "event:x", 2, date=EDTF("2015-03-02/")),
        variant_of(ds, "event:x", 3, date=EDTF("../2012-03")),
    ]
    ax = with_events(ds, *events).plot_timeline(KOZLOV)
    xmin, xmax = ax.get_xlim()
    found = marks(ax)
    open_end = found["event:x-1"][0]
    assert isinstance(open_end, Rectangle)
    assert (open_end.get_x(), open_end.get_x() + open_end.get_width()) == (day("2014-01-01"), xmax)
    (arrow,) = found["event:x-1#open-end"]
    assert isinstance(arrow, Line2D) and arrow.get_marker() == ">"
    unknown_end = found["event:x-2"][0]
    assert isinstance(unknown_end, AxesImage)
    assert tuple(unknown_end.get_extent()[:2]) == (day("2015-03-02"), xmax)
    assert unknown_end.get_array()[0, -1, 3] == 0  # type: ignore[index]  # fades to the edge
    open_start = found["event:x-3"][0]
    assert isinstance(open_start, Rectangle)
    assert (open_start.get_x(), open_start.get_x() + open_start.get_width()) == (
        xmin,
        day("2012-04-01"),
    )
    assert found["event:x-3#open-start"][0].get_marker() == "<"  # type: ignore[attr-defined]


def test_every_dated_event_has_its_date_beside_it(ds: Dataset) -> None:
    ax = ds.plot_timeline(KOZLOV)
    texts = [t.get_text() for t in ax.texts]
    dated = [(e, e.date) for e in ds.timeline(KOZLOV) if e.date is not None]
    noted = [f" ({status_note(e)})" if status_note(e) else "" for e, _ in dated]  # (planned)
    assert texts == [listed_date(e) + n for (e, _), n in zip(dated, noted, strict=True)]  # type: ignore[operator]
    # (each inferred date marked *, as every list marks it)
    assert "? \u2013 8 Oct 2012*" in texts and "between 17 Jul and 31 Aug 2015*" in texts
    legend = ax.get_legend()
    assert legend is not None
    said = [t.get_text() for t in legend.get_texts()]
    assert "dates (* inferred)" in said


def test_undated_events_are_rows_without_marks_at_the_bottom(ds: Dataset) -> None:
    tulesova = "person:asya-tulesova"
    ax = ds.plot_timeline(tulesova)
    events = ds.timeline(tulesova)
    undated = [e for e in events if e.date is None]
    assert len(undated) == 4 and events[-4:] == undated
    assert sorted(marks(ax)) == sorted(e.id for e in events if e.date is not None)
    said = [t.get_text() for t in ax.texts if t.get_text().startswith("date not known")]
    notes = [f" ({status_note(e)})" if status_note(e) else "" for e in undated]
    assert said == [f"date not known{note}" for note in notes]
    assert " (announced)" in notes  # (Tulesova's appeal: its status said, undated too)
    assert len(ax.get_yticklabels()) == len(events)


# --- kinds ------------------------------------------------------------------------------------


def test_kinds_get_distinct_colours_and_a_legend(ds: Dataset) -> None:
    ax = ds.plot_timeline(KOZLOV)
    colours: dict[EventKind, set[tuple[float, float, float]]] = {}
    for event in ds.timeline(KOZLOV):
        colour = color_of(mark(ax, event.id))
        colours.setdefault(event.kind, set()).add(colour)
        assert colour == pytest.approx(to_rgb(kind_style(event.kind.value)[0]), abs=1e-3)
    assert len(colours) == 10
    assert all(len(c) == 1 for c in colours.values())  # one colour for a kind
    legend = ax.get_legend()
    assert legend is not None
    labels = [t.get_text() for t in legend.get_texts() if t.get_text()]
    assert labels[0] == "kind of event" and "dates (* inferred)" in labels  # (some inferred)
    assert labels[1:11] == [
        "detention",
        "charge",
        "trial",
        "verdict",
        "appeal",
        "crackdown",
        "other",
        "prison punishment",
        "interview",
        "parole hearing",
    ]  # fmt: skip  (in order of first appearance)
    assert "start or end not known" in labels and not any(t.startswith("open") for t in labels)


def test_a_kind_has_the_same_style_in_every_plot(ds: Dataset) -> None:
    """The style comes from the vocabulary, not from what else is in the plot."""
    alone = ds.plot_timeline(KOZLOV, kind="verdict")
    everything = ds.plot_timeline(KOZLOV)
    verdict = "event:kozlov-verdict-2012-10-08"
    assert color_of(mark(alone, verdict)) == color_of(mark(everything, verdict))
    assert color_of(mark(alone, verdict)) == pytest.approx(to_rgb(PALETTE[5]), abs=1e-3)
    assert sorted(KIND_ORDER) == sorted(k.value for k in EventKind)  # every kind, once
    styles = [kind_style(k.value) for k in EventKind]
    assert len(set(styles)) == len(styles)  # no two kinds look the same
    assert kind_style("protest") == (PALETTE[0], "o", "")
    assert kind_style("strike") == (PALETTE[0], "D", "////")  # related kinds share a colour


def test_more_than_ten_kinds_differ_by_hatch(ds: Dataset) -> None:
    kinds: list[EventKindValue] = [
        "protest",
        "strike",
        "killing",
        "arrest",
        "assault",
        "ban",
        "election",
        "lawsuit",
    ]
    events = [
        variant_of(ds, "event:x", i, kind=EventKind(kind), date=EDTF(f"2013-{i + 1:02d}"))
        for i, kind in enumerate(kinds)
    ]
    variant = with_events(ds, *events)
    ax = variant.plot_timeline(KOZLOV, kind=kinds)
    bars = [mark(ax, e.id) for e in events]
    assert all(isinstance(b, Rectangle) for b in bars)
    styles = [(color_of(b), b.get_hatch() or "") for b in bars]  # type: ignore[attr-defined]
    assert len(set(styles)) == 8
    assert [h for _, h in styles] == ["", "////", "", "", "////", "////", "xxxx", "xxxx"]
    assert styles[0][0] == styles[1][0]  # a strike has a protest's colour, hatched
    assert styles[3][0] == styles[4][0]  # an assault an arrest's


def test_a_span_is_thinner_and_lighter_than_an_interval(ds: Dataset) -> None:
    added = variant_of(ds, "event:x-interval", 0, date=EDTF("2012-01-26/2012-10-08"))
    ax = with_events(ds, added).plot_timeline(KOZLOV)
    year = mark(ax, "event:kazakhstan-media-opposition-crackdown-2012")  # 2012
    one_of = mark(ax, "event:kozlov-charged-2012")  # [2012-01-26..2012-10-08]
    interval = mark(ax, added.id)  # 2012-01-26/2012-10-08: all of it
    assert isinstance(year, Rectangle) and isinstance(interval, Rectangle)
    assert isinstance(one_of, Rectangle)
    assert year.get_height() < interval.get_height() * 0.6
    assert alpha_of(year) < 0.3 < alpha_of(interval)
    # a set over the same days as the interval is drawn as the year is: one day of them
    assert (one_of.get_height(), alpha_of(one_of)) == (
        year.get_height(),
        alpha_of(year),
    )


def test_an_interval_with_an_imprecise_end_is_solid_only_where_it_surely_ran(
    ds: Dataset,
) -> None:
    """'2011/2013' began some time in 2011 and ended some time in 2013: light over every
    day it may cover, as a year's bar is, solid from its start's last possible day to its
    end's first; '2011/2011-12' surely covers no day (it may have ended before it began):
    light alone; an interval of days stays one solid bar."""
    dates = ["2011/2013", "2011/2011-12", "2011-01-01/2013-12-31", "2011-06-15/2013"]
    events = [variant_of(ds, "event:x", n, date=EDTF(d)) for n, d in enumerate(dates, start=1)]
    ax = with_events(ds, *events).plot_timeline(KOZLOV)
    found = marks(ax)
    years, within, days, half = (found[f"event:x-{n}"] for n in (1, 2, 3, 4))
    (year_bar,) = found["event:kazakhstan-media-opposition-crackdown-2012"]  # (a year)
    for bars in (years, within, half):
        (light,) = bars
        assert isinstance(light, Rectangle) and isinstance(year_bar, Rectangle)
        assert (light.get_height(), alpha_of(light)) == (year_bar.get_height(), alpha_of(year_bar))
    (sure,) = found["event:x-1#sure"]
    assert isinstance(sure, Rectangle) and alpha_of(sure) > 0.3
    assert (sure.get_x(), sure.get_x() + sure.get_width()) == (day("2011-12-31"), day("2013-01-02"))
    assert "event:x-2#sure" not in found  # (no day surely covered)
    (whole,) = days
    assert isinstance(whole, Rectangle) and alpha_of(whole) > 0.3 and "event:x-3#sure" not in found
    (sure,) = found["event:x-4#sure"]  # (a day, then a year: solid from the day)
    assert isinstance(sure, Rectangle)
    assert (sure.get_x(), sure.get_x() + sure.get_width()) == (day("2011-06-15"), day("2013-01-02"))
    legend = ax.get_legend()
    assert legend is not None
    labels = [t.get_text() for t in legend.get_texts()]
    assert "an end some time within: solid where it surely ran" in labels
    assert mark_of(events[0]).imprecise_ends and not mark_of(events[2]).imprecise_ends


def test_a_set_open_at_one_end_is_a_light_bar_with_its_arrow(ds: Dataset) -> None:
    defendant = (Participant(actor=KOZLOV, role=Role.DEFENDANT),)
    dates = ["[..2012]", "[2011-06,2013-06..]", "../2012"]
    events = [
        variant_of(ds, "event:x", n, date=EDTF(date), participants=defendant)
        for n, date in enumerate(dates, start=1)
    ]
    ax = with_events(ds, *events).plot_timeline(KOZLOV)
    before, after = (mark(ax, f"event:x-{n}") for n in (1, 2))
    # (../2012 ends some time in 2012: solid up to its first possible day, light over 2012)
    interval = mark(ax, "event:x-3#sure")
    assert isinstance(before, Rectangle) and isinstance(after, Rectangle)
    assert isinstance(interval, Rectangle)
    for one_of in (before, after):  # one day of what the bar covers: light, as a closed set
        assert one_of.get_height() < interval.get_height() * 0.6
        assert alpha_of(one_of) < 0.3 < alpha_of(interval)
    arrows = {a.get_gid() for a in ax.get_lines() if "#open-" in str(a.get_gid())}
    assert {"event:x-1#open-start", "event:x-2#open-end", "event:x-3#open-start"} <= arrows
    plt.close("all")


# --- data that could break a plot -------------------------------------------------------------


def _draw(ax: Axes) -> None:
    """Render the figure (ticks, layout and text are worked out only when drawn)."""
    import io

    ax.get_figure().savefig(io.BytesIO(), format="png")  # type: ignore[union-attr]


def test_years_one_and_9999_can_be_drawn(ds: Dataset) -> None:
    # Kozlov as a defendant: a victim cannot be born after the event (an integrity rule)
    defendant = (Participant(actor=KOZLOV, role=Role.DEFENDANT),)
    dates = ["0001-01-01", "9999-12-31", "0001/9999", "9999/..", "../0001-06"]
    events = [
        variant_of(ds, "event:x", n, date=EDTF(date), participants=defendant)
        for n, date in enumerate(dates, start=1)
    ]
    variant = with_events(ds, *events)
    for between in (None, ("0001", "0001"), ("9999", "9999")):
        ax = variant.plot_timeline(KOZLOV, between=between)
        _draw(ax)
        low, high = ax.get_xlim()
        assert low >= day("0001-01-01") and high < day("9999-12-31") + 1
        plt.close("all")
    ax = with_events(ds, events[0]).plot_timeline(KOZLOV, kind="detention")
    _draw(ax)
    assert isinstance(mark(ax, "event:x-1"), Line2D)


def test_years_below_1000_are_shown_in_four_digits(ds: Dataset) -> None:
    # '1' for 0001 reads as a day or a count: the axis and the date beside a mark write the
    # year as EDTF does, as the lists and cards do
    defendant = (Participant(actor=KOZLOV, role=Role.DEFENDANT),)
    dates = ["0001-03-05", "0003-06"]
    events = [
        variant_of(ds, "event:x", n, date=EDTF(date), participants=defendant)
        for n, date in enumerate(dates, start=1)
    ]
    ax = with_events(ds, *events).plot_timeline(KOZLOV, between=("0001", "0004"))
    _draw(ax)
    ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    years = [t for t in ticks if t.isdigit()]
    assert years and all(len(t) == 4 for t in years), ticks
    notes = {t.get_text() for t in ax.texts}
    assert {"5 Mar 0001", "Jun 0003"} <= notes, notes
    assert short_date(EDTF("0012-05-03")) == "3 May 0012"


def test_dollars_are_shown_as_dollars_not_mathtext(ds: Dataset) -> None:
    titles = ["Fined $500 and $600", "An odd $ sign", r"Already \$ escaped", "$x^2$ literally"]
    events = [
        variant_of(ds, "event:x", i, title=t, date=EDTF(f"2013-0{i + 1}"))
        for i, t in enumerate(titles)
    ]
    variant = with_events(ds, *events)
    ax = variant.plot_timeline(KOZLOV, title="Costs: $5 and $6")
    _draw(ax)  # mathtext would fail on some of these, or garble them
    legend = ax.get_legend()
    assert legend is not None
    drawn: list[Text] = [ax._left_title, *ax.get_yticklabels(), *legend.get_texts(), *ax.texts]  # type: ignore[attr-defined]
    for text in drawn:
        _shown, math = text._preprocess_math(text.get_text())  # type: ignore[attr-defined]
        assert not math, text.get_text()
    shown_labels = [
        t._preprocess_math(t.get_text())[0]  # type: ignore[attr-defined]
        for t in ax.get_yticklabels()
    ]
    for title in titles:
        assert title in shown_labels
    left = ax._left_title  # type: ignore[attr-defined]
    assert left._preprocess_math(left.get_text())[0] == "Costs: $5 and $6"


# --- subjects, options, errors ------------------------------------------------------------------


def test_an_event_stands_for_its_case(ds: Dataset) -> None:
    assert [e.id for e in case_events(ds, "event:kozlov-verdict-2012-10-08")] == [
        "event:kozlov-trial-2012",
        "event:kozlov-verdict-2012-10-08",
    ]
    ax = ds.plot_timeline("event:zhanaozen-protest-2022-01-02")
    case = case_events(ds, "event:bloody-january-2022")
    assert len(case) == 14 and sorted(marks(ax)) == sorted(e.id for e in case)
    assert ax.get_title(loc="left").startswith("Case: 'Bloody January' 2022 protests")
    bold = [t.get_text() for t in ax.get_yticklabels() if t.get_fontweight() == "bold"]
    assert bold == ["Protest in Zhanaozen starts the January 2022 protests"]


def test_the_style_of_no_kind_is_a_value_error_naming_the_kinds() -> None:
    # kind_style("x") raised KeyError: 'x'
    with pytest.raises(ValueError, match="is not an event kind; the event kinds are: "):
        kind_style("picnic")
    # not text: a TypeError (a ValueError before), saying what it was and what is taken
    # (not_a_name, as for a table or a record kind)
    for wrong, told in ((None, "None"), (5, r"an int \(5\)")):
        with pytest.raises(TypeError, match=rf"^expected an event kind, .*, not {told}$"):
            kind_style(wrong)  # type: ignore[arg-type]
    assert kind_style(EventKind.TRIAL) == kind_style("trial")


def test_a_case_of_no_event_is_a_type_error(ds: Dataset) -> None:
    # case_events(ds, None) failed with "'NoneType' object has no attribute 'id'"
    for wrong in (None, 5):
        with pytest.raises(TypeError, match="a case's event is an ID or an Event, not"):
            case_events(ds, wrong)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="is a Person, not an Event"):
        case_events(ds, "person:vladimir-kozlov")


def test_a_case_is_found_however_deep_and_without_looping(ds: Dataset) -> None:
    a = variant_of(ds, "event:deep", 1, part_of=None)
    b = variant_of(ds, "event:deep", 2, part_of="event:deep-1")
    c = variant_of(ds, "event:deep", 3, part_of="event:deep-2")
    deep = with_events(ds, a, b, c)
    assert {e.id for e in case_events(deep, "event:deep-3")} == {e.id for e in (a, b, c)}
    x = variant_of(ds, "event:loop", 1, part_of="event:loop-2")
    y = variant_of(ds, "event:loop", 2, part_of="event:loop-1")
    looped = with_events(ds, x, y, checked=True)  # a Dataset built in Python refuses a cycle
    assert {e.id for e in case_events(looped, x)} == {x.id, y.id}


def test_kind_and_between_filter_as_events_does(ds: Dataset) -> None:
    ax = ds.plot_timeline(KOZLOV, kind="appeal")
    assert sorted(marks(ax)) == [
        "event:kozlov-appeal-2012-11-19",
        "event:kozlov-supreme-court-hearing-2013",
    ]
    ax = ds.plot_timeline(KOZLOV, between=("2015", None))
    expected = ds.events(involving=KOZLOV, between=("2015", None))
    assert len(expected) == 6 and sorted(marks(ax)) == sorted(e.id for e in expected)
    ax = ds.plot_timeline("event:bloody-january-2022", kind="release", between=("2022", "2022"))
    assert list(marks(ax)) == ["event:bloody-january-releases-2022"]


def test_titles_axes_legend_and_label_width(ds: Dataset) -> None:
    ax = ds.plot_timeline(KOZLOV)
    assert ax.get_title(loc="left") == "Vladimir Kozlov — 13 events"
    assert ds.plot_timeline(KOZLOV, title="Kozlov").get_title(loc="left") == "Kozlov"
    assert ds.plot_timeline(KOZLOV, title="").get_title(loc="left") == ""
    assert ds.plot_timeline(KOZLOV, legend=False).get_legend() is None
    short = ds.plot_timeline(KOZLOV, label_width=12)
    assert max(len(t.get_text()) for t in short.get_yticklabels()) == 12
    figures = len(plt.get_fignums())
    _, (left, right) = plt.subplots(1, 2)
    assert plot_timeline(ds, KOZLOV, ax=right) is right
    assert len(plt.get_fignums()) == figures + 1 and not marks(left)


def test_no_events_is_an_empty_plot_that_says_so(ds: Dataset) -> None:
    ax = ds.plot_timeline(KOZLOV, kind="killing")
    assert not marks(ax) and "no events to show" in [t.get_text() for t in ax.texts]
    assert ax.get_title(loc="left") == "Vladimir Kozlov — 0 events"


@pytest.mark.parametrize(
    ("kind", "between", "first", "last"),
    [
        (None, ("2030", "2031"), "2030-01-01", "2031-12-31"),
        (None, ("2030-03", None), "2030-03-01", "2030-12-31"),
        ("killing", (None, "1900-05-02"), "1900-01-01", "1900-05-02"),  # (his trial starts '..')
        (None, ("9999", "9999"), "9999-01-01", "9999-12-31"),
    ],
)
def test_a_window_with_no_event_is_the_axis_drawn(
    ds: Dataset,
    kind: EventKindValue | None,
    between: tuple[str | None, str | None],
    first: str,
    last: str,
) -> None:
    """Not the current year: the window asked for (an open side: the other side's year)."""
    ax = ds.plot_timeline(KOZLOV, kind=kind, between=between)
    assert not marks(ax) and "no events to show" in [t.get_text() for t in ax.texts]
    low, high = ax.get_xlim()
    assert low <= day(first) < day(first) + 1 < high
    assert low < day(last) < high
    assert high - low < (day(last) - day(first) + 1) * 1.1 + 60  # the window, with a margin
    plt.close("all")


def test_subjects_that_cannot_be_drawn(ds: Dataset) -> None:
    accepted = "a person, an organisation, a group, a place .+, an event .+ or some events"
    with pytest.raises(ValueError, match=rf"{accepted} .+, not for 'law:kz-cc-1997-164', a Law"):
        ds.plot_timeline("law:kz-cc-1997-164")
    with pytest.raises(ValueError, match=r"a Source"):
        ds.plot_timeline(ds.get("source:hrf-2012-12-14"))
    with pytest.raises(UnknownIdError):
        ds.plot_timeline("person:nobody")
    with pytest.raises(TypeError, match=r"an ID or a record, not an int \(42\)"):
        ds.plot_timeline(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="kind"):
        ds.plot_timeline(KOZLOV, kind="picnic")  # type: ignore[arg-type]


# --- a place, and events chosen -------------------------------------------------------------


def rows(ax: Axes) -> list[str]:
    """The ID of the event on each row, top to bottom, from where its mark is drawn (an
    undated event, which has none, by its label)."""
    found: dict[int, str] = {}
    for event_id, (artist, *_) in marks(ax).items():
        if "#" in event_id:  # (a part of an event's mark: its sure days, an arrow, an outline)
            continue
        if isinstance(artist, Line2D):
            ydata = artist.get_ydata()
            assert isinstance(ydata, np.ndarray)
            y = ydata[0]
        elif isinstance(artist, Rectangle):
            y = artist.get_y() + artist.get_height() / 2
        else:
            assert isinstance(artist, AxesImage)
            y = sum(artist.get_extent()[2:]) / 2
        found[round(y)] = event_id
    labels = [t.get_text() for t in ax.get_yticklabels()]
    return [found.get(row, f"undated: {label}") for row, label in enumerate(labels)]


def test_a_place_is_drawn_with_the_events_at_places_within_it(ds: Dataset) -> None:
    ax = ds.plot_timeline("place:almaty")
    expected = ds.events(place="place:almaty")
    assert len(expected) == 11
    assert rows(ax)[:10] == [e.id for e in expected[:10]]
    assert rows(ax)[10] == "undated: Alnur Ilyashev detained"
    assert expected[10].id == "event:ilyashev-detention"  # (at a place within Almaty only)
    assert "event:tulesova-detention-2020" in marks(ax)  # at two places within Almaty only
    assert ax.get_title(loc="left") == "Almaty — 11 events (2 at places within it)"
    # as a record, and a country by its ISO code, as ds.events(place=) takes them
    record = ds.plot_timeline(ds.get("place:almaty"))
    assert rows(record) == rows(ax) and record.get_title(loc="left") == ax.get_title(loc="left")
    country = ds.plot_timeline("KZ")
    kazakhstan = ds.events(place="place:kazakhstan")
    assert len(rows(country)) == len(kazakhstan) == 60
    dated = [e.id for e in kazakhstan if e.date is not None]
    assert rows(country)[: len(dated)] == dated  # (the undated ones after them)
    assert country.get_title(loc="left") == "Kazakhstan — 60 events (26 at places within it)"


def test_a_places_title_notes_places_within_only_where_events_are_there(ds: Dataset) -> None:
    aktau = ds.plot_timeline("place:aktau")  # nothing is within Aktau
    assert aktau.get_title(loc="left") == "Aktau — 2 events"
    # protests in Zhanaozen: one in its main square, within it
    ax = ds.plot_timeline("place:zhanaozen", kind="protest")
    assert rows(ax) == ["event:zhanaozen-protest-camp-2011", "event:zhanaozen-protest-2022-01-02"]
    assert ax.get_title(loc="left") == "Zhanaozen — 2 events (1 at a place within it)"
    ax = ds.plot_timeline("place:zhanaozen", between=("2022", None))  # none within it then
    assert rows(ax) == ["event:zhanaozen-protest-2022-01-02"]
    assert ax.get_title(loc="left") == "Zhanaozen — 1 event"
    one = ds.plot_timeline("place:united-kingdom")  # COP26, in Glasgow
    assert one.get_title(loc="left") == "United Kingdom — 1 event (1 at a place within it)"


def test_a_place_with_no_events_left_is_an_empty_plot(ds: Dataset) -> None:
    ax = ds.plot_timeline("place:almaty", kind="killing")
    assert not marks(ax) and "no events to show" in [t.get_text() for t in ax.texts]
    assert ax.get_title(loc="left") == "Almaty — 0 events"
    assert ds.plot_timeline("place:belarus").get_title(loc="left") == "Belarus — 0 events"


def test_events_chosen_are_drawn_each_once_in_date_order(ds: Dataset) -> None:
    arrests = ds.events(kind="arrest", between=("2019", "2020"))
    assert len(arrests) == 5
    ax = ds.plot_timeline(arrests)
    assert rows(ax) == [e.id for e in arrests]
    assert [t.get_text() for t in ax.get_yticklabels()] == [truncate(e.title, 60) for e in arrests]
    assert ax.get_title(loc="left") == "5 events"
    # IDs and records mixed, out of order, one twice: each once, in date order
    chosen: list[str | Event] = [
        "event:kozlov-verdict-2012-10-08",
        ds.get("event:kozlov-detention-2012-01-26", Event),
        "event:ilyashev-detention",
        "event:kozlov-verdict-2012-10-08",
        "event:kozlov-trial-2012",
    ]
    ax = ds.plot_timeline(chosen)
    assert rows(ax) == [
        "event:kozlov-detention-2012-01-26",
        "event:kozlov-trial-2012",
        "event:kozlov-verdict-2012-10-08",
        "undated: Alnur Ilyashev detained",
    ]
    assert ax.get_title(loc="left") == "4 events"
    # any iterable: a tuple, a generator, the whole collection
    assert rows(ds.plot_timeline(e.id for e in reversed(arrests))) == [e.id for e in arrests]
    assert ds.plot_timeline(ds.events).get_title(loc="left") == f"{len(ds.events)} events"
    one = ds.plot_timeline(("event:kozlov-trial-2012",))  # one event, not its case
    assert rows(one) == ["event:kozlov-trial-2012"] and one.get_title(loc="left") == "1 event"
    bold = [t for t in one.get_yticklabels() if t.get_fontweight() == "bold"]
    assert bold == []


def test_a_retired_id_among_events_chosen_is_followed(ds: Dataset) -> None:
    records: dict[str, list[Record]] = {k: list(ds.collection(k)) for k in KINDS}
    moved = Dataset(records, name="moved", redirects={"event:old": "event:kozlov-trial-2012"})
    ax = moved.plot_timeline(["event:old", "event:kozlov-trial-2012"])
    assert rows(ax) == ["event:kozlov-trial-2012"]


def test_kind_and_between_filter_events_chosen(ds: Dataset) -> None:
    chosen = ds.timeline(KOZLOV)
    ax = ds.plot_timeline(chosen, kind="appeal")
    assert rows(ax) == ["event:kozlov-appeal-2012-11-19", "event:kozlov-supreme-court-hearing-2013"]
    assert ax.get_title(loc="left") == "2 events"
    ax = ds.plot_timeline(chosen, between=("2015", None))
    assert rows(ax) == [e.id for e in ds.events(involving=KOZLOV, between=("2015", None))]
    with pytest.raises(ValueError, match="kind"):
        ds.plot_timeline(chosen, kind="picnic")  # type: ignore[arg-type]


def test_no_events_chosen_is_an_empty_plot(ds: Dataset) -> None:
    for nothing in ([], ds.events(kind="killing", place="place:almaty")):
        ax = ds.plot_timeline(nothing)
        assert not marks(ax) and "no events to show" in [t.get_text() for t in ax.texts]
        assert ax.get_title(loc="left") == "0 events"
    window = ds.plot_timeline([], between=("2030", "2031"))  # the window asked for
    assert window.get_xlim()[0] < day("2030-01-01") < day("2031-12-31") < window.get_xlim()[1]


def test_events_chosen_that_cannot_be_drawn(ds: Dataset) -> None:
    said = "the events of a timeline are Event records or their IDs; the item at index"
    with pytest.raises(UnknownIdError, match="did you mean 'event:kozlov-trial-2012'") as caught:
        ds.plot_timeline(["event:kozlov-verdict-2012-10-08", "event:kozlov-trial"])
    assert str(caught.value).startswith(  # (named by its index, as every other bad item is)
        "no record has the id 'event:kozlov-trial' (the item at index 1); did you mean"
    )
    assert caught.value.at == "the item at index 1"
    with pytest.raises(
        UnknownIdError, match=r"no event .+ \(the item at index 0\); did you mean 'event:kozlov-tri"
    ):
        ds.plot_timeline(["kozlov-trial-2012"])  # no kind in the ID: events are suggested
    with pytest.raises(ValueError, match=rf"{said} 1 \('place:almaty'\) is a place; for its"):
        ds.plot_timeline(["event:kozlov-trial-2012", "place:almaty"])
    with pytest.raises(ValueError, match=rf"{said} 0 \('law:kz-cc-1997-164'\) is a legal pro"):
        ds.plot_timeline([ds.get("law:kz-cc-1997-164")])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=rf"{said} 2 is None$"):
        ds.plot_timeline(["event:kozlov-trial-2012", "event:kozlov-trial-2012", None])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not bytes"):
        ds.plot_timeline(b"event:kozlov-trial-2012")  # type: ignore[arg-type]
    trial = ds.get("event:kozlov-trial-2012")
    assert isinstance(trial, Event)
    attrs_evolved = attrs.evolve(trial, id="event:not-in-it")
    with pytest.raises(UnknownIdError, match=r"'event:not-in-it' \(the item at index 0\)"):
        ds.plot_timeline([attrs_evolved])


def test_a_record_as_subject(ds: Dataset) -> None:
    ax = ds.plot_timeline(ds.get(KOZLOV))
    assert len(marks(ax)) == 13


def test_without_matplotlib_the_error_says_what_to_install(
    ds: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=r'pip install "rightsdata\[plot\]"') as caught:
        ds.plot_timeline(KOZLOV)
    assert isinstance(caught.value, MissingExtraError)


def test_importing_and_loading_do_not_import_matplotlib() -> None:
    code = (
        "import sys, rightsdata\n"
        "ds = rightsdata.load()\n"
        "r = ds.get('event:kozlov-verdict-2012-10-08')\n"
        "repr(r), r._repr_html_(), ds._repr_html_(), repr(ds)\n"
        "heavy = [m for m in ('matplotlib', 'numpy', 'pandas') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- the page's image descriptions ---------------------------------------------------------------

_PLOTTING = ROOT / "docs" / "plotting.md"
_NUMBERS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
    " sixteen seventeen eighteen nineteen twenty"
)
#: What the alt texts of docs/plotting.md say of groups of events, and the events that says
#: (by the text of their date).
_GROUPS = {
    "two events each on one of the days from 17 July to 31 August 2015": "[2015-07-17..2015-08-31]",
    "seven events of January 2022": "2022-01",
    "four events of 2022": "2022",
}


def _figures_on_the_page() -> list[tuple[list[str], str]]:
    """(subjects, alt text) of each figure the page draws."""
    text = _PLOTTING.read_text(encoding="utf-8")
    found = []
    for block in text.split(".. plot::")[1:]:
        block = block.split("```")[0]  # (to the end of its eval-rst fence)
        alt = re.search(r":alt: (.+)", block)
        subjects = re.findall(r'plot_timeline\("([^"]+)"', block)
        assert alt and subjects, block[:200]
        found.append((subjects, alt.group(1)))
    return found


def _plots_on_the_page() -> list[tuple[str, str]]:
    """(subject, alt text) of each figure of one plot the page draws."""
    return [(subjects[0], alt) for subjects, alt in _figures_on_the_page() if len(subjects) == 1]


@pytest.mark.parametrize(
    ("subjects", "alt"), [(s, alt) for s, alt in _figures_on_the_page() if len(s) > 1]
)
def test_the_pages_description_of_several_plots_counts_each(
    ds: Dataset, subjects: list[str], alt: str
) -> None:
    """Each plot's events, and its undated ones, in the order they are drawn."""
    counted = re.findall(rf"\b({_NUMBERS.replace(' ', '|')}) events", alt, re.IGNORECASE)
    assert len(counted) == len(subjects), alt
    undated_said = re.findall(rf"\b({_NUMBERS.replace(' ', '|')}) of them with no date", alt)
    undated_drawn = []
    for subject, count in zip(subjects, counted, strict=True):
        ax = ds.plot_timeline(subject)
        assert _NUMBERS.split().index(count.lower()) + 1 == len(ax.get_yticklabels()), subject
        undated = sum(t.get_text().startswith("date not known") for t in ax.texts)
        undated_drawn += [_NUMBERS.split()[undated - 1]] if undated else []
    assert undated_said == undated_drawn, alt


@pytest.mark.parametrize(("subject", "alt"), _plots_on_the_page())
def test_the_pages_image_descriptions_say_what_is_drawn(
    ds: Dataset, subject: str, alt: str
) -> None:
    """The counts, each event known to the day, and light (not solid) bars, as drawn."""
    ax = ds.plot_timeline(subject)
    events = [ds.get(event_id, Event) for event_id in marks(ax)]  # (the dated ones)
    undated = [t for t in ax.texts if t.get_text().startswith("date not known")]
    rows = len(ax.get_yticklabels())
    assert rows == len(events) + len(undated)
    assert ("date not known" in alt) == bool(undated), alt
    total = re.search(rf"\b({_NUMBERS.replace(' ', '|')}) events", alt, re.IGNORECASE)
    assert total, alt
    assert _NUMBERS.split().index(total.group(1).lower()) + 1 == rows, alt
    for event in events:
        assert isinstance(event, Event)
        if mark_of(event).shape == "day":  # each event known to the day is named by its day
            day = datetime.date.fromisoformat(str(event.date))
            assert f"{day.day} {day:%B}" in alt, (event.id, alt)
    for phrase, date in _GROUPS.items():
        if phrase in alt:
            count = _NUMBERS.split().index(phrase.split()[0]) + 1
            assert sum(str(e.date) == date for e in events) == count, phrase
    solid = any(isinstance(a, Rectangle) and alpha_of(a) >= 0.5 for a in ax.patches)
    assert ("solid" in alt) == solid, alt  # (a set, a month, a year: a light bar)


def test_each_group_the_descriptions_count_is_on_the_page() -> None:
    alts = " ".join(alt for _, alt in _plots_on_the_page())
    assert [phrase for phrase in _GROUPS if phrase not in alts] == []
