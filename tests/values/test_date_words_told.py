"""Every form the date words offer is taken where it is offered: a record's date by EDTF, a
side of ``between=`` or the window by the queries, ``--between`` by the command line, over
every name and form the date words know (review 9 D1, D4)."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator

import pytest

from rightsdata._cli.commands.events import _window
from rightsdata._cli.exits import EXIT_USAGE, UsageError
from rightsdata._cli.main import main
from rightsdata._data.query import window
from rightsdata._values.dates import EDTF, EDTFError, is_edtf
from rightsdata._values.datewords import _MONTHS, _SEASONS, span_of

_DATES = ["2012", "Oct 2012", "summer 2012", "2012-22", "2012-10-01", "2012~", "2012?"]
_PAIRS = [
    ("2012", "2013"),
    ("2013", "2012"),
    ("Oct 2012", "Dec 2012"),
    ("summer 2012", "autumn 2013"),
    ("2012-10-01", "2012-09-01"),
    ("2012-22", "2012-21"),
    ("8 October 2012", "2013"),
    ("2012-01", "2012~"),
]
_ABOUT = ["c.", "c", "ca.", "circa", "about", "approx.", "approximately", "around", "abt", "~"]
_PARTS = ["early", "mid", "mid-", "middle", "late", "beginning of", "start of", "end of"]


def _forms() -> Iterator[str]:
    for name in _MONTHS:
        for form in ("{} 2012", "{}. 2012", "{} of 2012", "8 {} 2012", "{} 8, 2012", "31 {} 2012"):
            yield form.format(name)
            yield form.format(name.title())
    for name in _SEASONS:
        yield f"{name} 2012"
        yield f"{name} of 2012"
    spans = [f"{a}{joint}{b}" for a, b in _PAIRS for joint in (" to ", " until ", " thru ")]
    spans += [f"{a} - {b}" for a, b in _PAIRS] + [f"{a}\u2013{b}" for a, b in _PAIRS]
    spans += [f"from {a} to {b}" for a, b in _PAIRS] + [f"between {a} and {b}" for a, b in _PAIRS]
    spans += ["2012-2013", "2013-2012", "0001-0002"]
    ranges = (
        [f"{a}..{b}" for a, b in _PAIRS] + [f"{a}.." for a in _DATES] + [f"..{a}" for a in _DATES]
    )
    decades = ["1990s", "1990's", "2012s", "0000s", "0001s", "0010s", "9990s"]
    intervals = ["2013/2012", "2013~/2012?", "Oct 2013/Sep 2012", "Oct 2012/Dec 2012", "2013/.."]
    inner = [*_DATES, *spans[:8], *ranges[:8], *decades, *intervals, "2012/2013", "[2012,2013]"]
    yield from intervals
    yield from spans
    yield from ranges
    yield from decades
    yield from (f"{part} {year}" for part in _PARTS for year in ("2012", "0000", "9999"))
    yield from (f"{about} {date}" for about in _ABOUT for date in inner)
    yield from (f"?{date}" for date in inner)


FORMS = sorted(set(_forms()))

_WINDOWS = re.compile(r"between=\([^)]*\)|--between \S+")
_DATE = re.compile(r"\[[^\]]*\]|[0-9][0-9X~?./-]*[0-9~?.]|\.\./[0-9-]+")


def _offered(message: str) -> tuple[list[str], list[str]]:
    """The windows (``between=(...)``, ``--between X``) and the dates a message offers:
    those in the words after its last colon, of the reason EDTF gives (none if it has
    none, or is no EDTF reason)."""
    reason = message.partition("is not an EDTF date: ")[2].removesuffix(")")
    tail = reason.rsplit(": ", 1)[1] if ": " in reason else ""
    windows = _WINDOWS.findall(tail)
    return windows, _DATE.findall(_WINDOWS.sub("", tail))


def _refusal(call: object, *args: object) -> str | None:
    try:
        call(*args)  # type: ignore[operator]
    except (EDTFError, ValueError, TypeError, UsageError) as error:
        return str(error)
    return None


def test_a_record_is_offered_dates_edtf_reads() -> None:
    offered = 0
    for text in FORMS:
        said = _refusal(EDTF, text)
        windows, dates = _offered(said or "")
        assert not windows, (text, said)
        for date in dates:
            assert _refusal(EDTF, date) is None, (text, said, date)
            offered += 1
    assert offered > 400


@pytest.mark.parametrize("side", [0, 1])
def test_a_side_of_between_is_offered_a_side_or_a_window_the_query_takes(side: int) -> None:
    offered = 0
    for text in FORMS:
        pair = (text, None) if side == 0 else (None, text)
        said = _refusal(window, pair)
        windows, dates = _offered(said or "")
        assert not any(w.startswith("--") or "[" in w for w in windows), (text, said)
        for written in windows:
            given = ast.literal_eval(written.removeprefix("between="))
            assert _refusal(window, given) is None, (text, said, written)
            offered += 1
        for date in dates:
            told = (date, None) if side == 0 else (None, date)
            assert _refusal(window, told) is None, (text, said, date)
            offered += 1
    assert offered > 400


@pytest.mark.parametrize("where", ["{}", "{}/..", "../{}"])
def test_between_on_the_command_line_is_offered_a_between_it_takes(where: str) -> None:
    offered = 0
    for text in FORMS:
        if "/" in text and where != "{}":
            continue  # (another window: its own sides)
        said = _refusal(_window, where.format(text))
        windows, dates = _offered(said or "")
        assert not any(w.startswith("between=") for w in windows), (text, said)
        for written in windows:
            assert _refusal(_window, written.removeprefix("--between ")) is None, (text, said)
            offered += 1
        for date in dates:
            assert _refusal(_window, where.format(date)) is None, (text, said, date)
            offered += 1
    assert offered > 300


@pytest.mark.parametrize("shape", [str, lambda text: (text,), lambda text: [text]])
def test_a_window_given_as_one_value_is_offered_the_pair_the_query_takes(
    shape: Callable[[str], object],
) -> None:
    # between='2012 to 2013' (or ('2012 to 2013',)): the pair it means, backwards in order
    offered = 0
    for text in [*FORMS, "2012", "2012/2013", "2013/2012", "../2012", "2012-01/.."]:
        said = _refusal(window, shape(text))
        assert said is not None, text
        for written in _WINDOWS.findall(said):
            assert written.startswith("between="), (text, said)
            given = ast.literal_eval(written.removeprefix("between="))
            assert _refusal(window, given) is None, (text, said, written)
            offered += 1
    assert offered > 300


#: The forms given as the whole window on the command line: each span, range and decade.
#: (A --between told, not its form --between START/END.)
_TOLD_BETWEEN = re.compile(r"--between ([0-9.][^\s;)]*)")
_WINDOW_FORMS = [text for text in FORMS if span_of(text, is_edtf) is not None]


@pytest.mark.parametrize("given", ["--date={}", "--date {}", "--from {}", "--between {}"])
def test_a_window_on_the_command_line_is_offered_a_between_it_takes(
    capsys: pytest.CaptureFixture[str], given: str
) -> None:
    # --date=2012-01..2012-03, or a span the shell split at its spaces (--between 2012 to
    # 2013): every --between told is one the command takes
    offered = 0
    for text in _WINDOW_FORMS:
        option, _, value = given.partition(" ")
        words = [option.format(text)] if not value else [option, *text.split()]
        if words[:1] == ["--between"] and len(words) == 2:
            continue  # (one value: the date words' own, above)
        assert main(["events", *words, "--kind", "arrest"]) == EXIT_USAGE
        said = " ".join(capsys.readouterr().err.split())
        for written in _TOLD_BETWEEN.findall(said.partition("unrecognized arguments: ")[2]):
            assert _refusal(_window, written) is None, (words, said)
            offered += 1
    assert offered > 100
