"""The command line's lists: an event's date always whole (``search`` as ``events``), a
search that stops at ``--limit`` saying how many it left out and how to see them (in
``--json-report``'s object too), and no stray blank line where a list is empty."""

from __future__ import annotations

import json
import re

import pytest

import rightsdata
from rightsdata._cli.exits import EXIT_OK
from rightsdata._cli.main import main
from rightsdata._display.words import listed_date
from rightsdata._values.columns import display_width

from conftest import NO_BASE


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("columns", ["40", "60", "80", "96"])
def test_search_shows_each_events_date_whole(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    # the date was put inside the title and the whole cut: lost or half-cut
    monkeypatch.setenv("COLUMNS", columns)
    code, out, _ = run(capsys, "search", "kozlov", "--limit", "100")
    assert code == EXIT_OK
    ds = rightsdata.load()
    lines = out.splitlines()
    dated = 0
    for at, line in enumerate(lines):
        for word in line.split():
            if word.startswith("event:") and word in ds.events:
                date = ds.events[word].date
                if date is None:
                    continue
                dated += 1
                # the title's line (or the line under it) ends in the whole date
                above = lines[max(at - 2, 0) : at]
                shown = listed_date(ds.events[word])  # (an inferred one marked: 2012*)
                assert any(a.endswith(f"({shown})") for a in above), (word, above)
    assert dated >= 20
    # (an ID is never cut: a line of one may be longer)
    assert all(display_width(line) <= int(columns) for line in lines if ":" not in line)


def test_search_keeps_the_date_outside_the_cut_at_80(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    _, out, _ = run(capsys, "search", "zhanaozen", "massacre")
    assert "Attorney General's Office asks an Almaty court to ban… (21 Nov 2012*)" in out


def test_a_search_that_stops_at_its_limit_says_how_many_it_left_out(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "96")
    _, every, _ = run(capsys, "search", "kozlov", "--limit", "1000")
    total = len(re.findall(r"^\S+ {2,}", every, re.MULTILINE))  # (a line a record: its kind)
    assert total > 20 and "more" not in every  # (all listed: nothing said)
    code, out, err = run(capsys, "search", "kozlov")
    assert code == EXIT_OK and not err
    said = " ".join(out.split())
    assert said.endswith(
        f"and {total - 20} more (a search lists at most --limit 20): "
        f"`rightsdata search kozlov --limit {total}` lists all {total}"
    )
    # the command given names the same dataset, and lists them all
    _, out, _ = run(capsys, "search", "kozlov", "--limit", "5", "--name", "kazakhstan")
    assert f"`rightsdata search kozlov --limit {total}` lists all {total}" in " ".join(out.split())
    # --json: the list is the whole of stdout; the note on stderr
    code, out, err = run(capsys, "search", "kozlov", "--json")
    assert len(json.loads(out)) == 20
    assert f"and {total - 20} more" in err and f"--limit {total}" in " ".join(err.split())


def test_search_json_report_says_in_the_json_what_the_note_says(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """(That a search left records out was said on standard error alone: a program reading
    standard output could not tell.) ``--json`` stays the bare list; ``--json-report`` is
    one object, ``records`` with ``found`` and ``stopped_at`` (and the base, null without
    ``--base``), and nothing on stderr."""
    _, every, _ = run(capsys, "search", "kozlov", "--limit", "1000", "--json")
    listed = json.loads(every)
    code, out, err = run(capsys, "search", "kozlov", "--json-report")
    report = json.loads(out)
    assert (code, err) == (EXIT_OK, "")
    assert report == {"records": listed[:20], "found": len(listed), "stopped_at": 20, **NO_BASE}
    # every match listed: stopped_at null; none found: an empty list
    _, out, _ = run(capsys, "search", "kozlov", "--limit", str(len(listed)), "--json-report")
    everything = {"records": listed, "found": len(listed), "stopped_at": None, **NO_BASE}
    assert json.loads(out) == everything
    _, out, err = run(capsys, "search", "zzzqqq", "--json-report")
    nothing: dict[str, object] = {"records": [], "found": 0, "stopped_at": None, **NO_BASE}
    assert (json.loads(out), err) == (nothing, "")
    # both: which one is meant is not guessed
    code, out, err = run(capsys, "search", "kozlov", "--json", "--json-report")
    assert (code, out) == (2, "") and "or --json-report, not both" in " ".join(err.split())


def test_an_empty_list_is_its_heading_alone(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "events", "--kind", "killing", "--between", "2020")
    assert code == EXIT_OK
    assert out == "0 events (--kind killing; --between 2020)\n"
    _, out, _ = run(capsys, "events", "--kind", "killing", "--between", "2020", "--json")
    assert out == "[]\n"
