"""Every ``--json`` output is documented in docs/cli.md, and the keys the page names are the
ones produced: ``info --json``'s, ``cite --json``'s and the ``--json-report`` objects (each
key the page names in backticks, and no other), and the arrays of records of ``search``,
``events`` and ``timeline``, each record as its kind's file holds it (as ``show ID --json``
prints it)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import rightsdata
from rightsdata._cli.main import main

from conftest import ROOT

#: The page, each paragraph's white space made single spaces (a sentence may wrap anywhere),
#: the paragraphs apart by " ¶ ".
PAGE = " ¶ ".join(
    " ".join(paragraph.split())
    for paragraph in (ROOT / "docs" / "cli.md").read_text(encoding="utf-8").split("\n\n")
)


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def documented_keys(opening: str) -> set[str]:
    """The keys the page names (each a word in backticks) in the paragraph that starts with
    ``opening`` (to the next example, heading or paragraph)."""
    start = PAGE.index(opening) + len(opening)
    paragraph = re.split(r" ```| ## | ¶ ", PAGE[start:], maxsplit=1)[0]
    return set(re.findall(r"`([a-z_]+)`", paragraph))


def test_cite_json_has_the_keys_the_page_names(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    keys = documented_keys("`rightsdata cite --json` prints one object, for a program:")
    assert keys == {
        "title",
        "name",
        "version",
        "contributors",
        "licenses",
        "sources",
        "built_on",
        "text",
        "software",
        "base",
        "base_name",
        "base_version",
    }
    shown = run_json(capsys, "cite", "--json")
    assert isinstance(shown, dict) and set(shown) == keys
    assert shown["built_on"] == [] and isinstance(shown["text"], str)
    # the software's citation, which the text prints after the dataset's: in the JSON too
    assert main(["cite"]) == 0
    printed = " ".join(capsys.readouterr().out.split())
    assert isinstance(shown["software"], str) and shown["software"] in printed
    assert shown["software"].startswith("The software: rightsdata developers, rightsdata ")
    additions = tmp_path / "mine.json"
    additions.write_text(json.dumps({"datapackage": {"name": "mine"}}), encoding="utf-8")
    over = run_json(capsys, "cite", "--json", "--data", str(additions), "--base", "kazakhstan")
    assert isinstance(over, dict) and set(over) == keys and over["built_on"]
    assert over["title"] is None and over["version"] is None  # (null where none is given)


def test_info_json_has_the_keys_the_page_names(capsys: pytest.CaptureFixture[str]) -> None:
    keys = documented_keys("`rightsdata info --json` prints the same as one object")
    shown = run_json(capsys, "info", "--json")
    assert isinstance(shown, dict) and set(shown) == keys


@pytest.mark.parametrize("command", ["info", "cite"])
def test_info_and_cite_json_say_the_base(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    """(Over ``--base``, neither said which base, nor its version, but in ``cite``'s text:
    a program could not tell the data read alone from the data read over a base.) ``base``
    as ``--base`` gave it, as a problem of the base is marked; the base's name and version."""
    bundled = rightsdata.load()
    alone = run_json(capsys, command, "--json")
    assert isinstance(alone, dict)
    assert (alone["base"], alone["base_name"], alone["base_version"]) == (None, None, None)
    additions = tmp_path / "mine.json"
    additions.write_text(json.dumps({"datapackage": {"name": "mine"}}), encoding="utf-8")
    given = "kazakhstan@" + str(bundled.version).split(".")[0]
    over = run_json(capsys, command, "--json", "--data", str(additions), "--base", given)
    assert isinstance(over, dict) and over["name"] == "mine"
    assert (over["base"], over["base_name"], over["base_version"]) == (
        given,
        bundled.name,
        bundled.version,
    )
    # a base given as a path: as given, and its own name and version (none: null)
    base = tmp_path / "base.json"
    base.write_text(json.dumps({"sources": []}), encoding="utf-8")
    over = run_json(capsys, command, "--json", "--data", str(additions), "--base", str(base))
    assert isinstance(over, dict)
    assert (over["base"], over["base_name"], over["base_version"]) == (str(base), None, None)


def _run_report(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    """The object a command prints (its exit code 0, or 1 for problems found)."""
    assert main(list(argv)) in (0, 1)
    shown = json.loads(capsys.readouterr().out)
    assert isinstance(shown, dict)
    return shown


def test_validate_json_report_has_the_keys_the_page_names(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """``stopped_at`` only where ``--max-problems`` was given; ``base``, ``base_name`` and
    ``base_version`` always (null without ``--base``), as ``info --json`` gives them; and the
    page's example is such an object."""
    opening = "`validate --json-report` prints one JSON object instead"
    keys = documented_keys(opening)
    assert {"problems", "unchecked", "stopped_at", "base", "base_name", "base_version"} == keys
    additions = tmp_path / "mine.json"
    additions.write_text(json.dumps({"datapackage": {"name": "mine"}}), encoding="utf-8")
    alone = _run_report(capsys, "validate", str(additions), "--json-report")
    assert set(alone) == keys - {"stopped_at"}
    assert (alone["base"], alone["base_name"], alone["base_version"]) == (None, None, None)
    capped = _run_report(capsys, "validate", str(additions), "--json-report", "--max-problems", "5")
    assert set(capped) == keys
    bundled = rightsdata.load()
    over = _run_report(capsys, "validate", str(additions), "--base", "kazakhstan", "--json-report")
    assert (over["base"], over["base_name"], over["base_version"]) == (
        "kazakhstan",
        bundled.name,
        bundled.version,
    )
    example = PAGE.split(opening, 1)[1].split("```json", 1)[1].split("```", 1)[0]
    assert set(json.loads(example)) == set(alone)


def test_search_json_report_has_the_keys_the_page_names(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    keys = documented_keys("`search --json-report` prints one JSON object instead")
    assert {"records", "found", "stopped_at", "base", "base_name", "base_version"} == keys
    shown = _run_report(capsys, "search", "kozlov", "--json-report")
    assert set(shown) == keys
    assert (shown["base"], shown["base_name"], shown["base_version"]) == (None, None, None)
    additions = tmp_path / "mine.json"
    additions.write_text(json.dumps({"datapackage": {"name": "mine"}}), encoding="utf-8")
    argv = ("search", "kozlov", "--data", str(additions), "--base", "kazakhstan")
    over = _run_report(capsys, *argv, "--json-report")
    assert over["records"] and (over["base"], over["base_name"]) == ("kazakhstan", "kazakhstan")


@pytest.mark.parametrize(
    ("said", "argv"),
    [
        ("`search --json` prints a JSON array of the records found", ["search", "kozlov"]),
        ("`events --json` (and `timeline --json`, below) prints a JSON array", ["events"]),
        ("`--json` prints them as `events --json` does", ["timeline", "person:asya-tulesova"]),
    ],
)
def test_a_list_json_is_an_array_of_records_as_their_files_hold_them(
    capsys: pytest.CaptureFixture[str], said: str, argv: list[str]
) -> None:
    assert said in PAGE
    shown = run_json(capsys, *argv, "--json")
    assert isinstance(shown, list) and shown
    for record in shown[:5]:
        assert isinstance(record, dict)
        assert record == run_json(capsys, "show", record["id"], "--json")
    # none found: an empty array
    if argv[0] != "timeline":
        empty = ["search", "zzzqqq"] if argv[0] == "search" else ["events", "--kind", "killing"]
        empty += ["--between", "2020"] if argv[0] == "events" else []
        assert run_json(capsys, *empty, "--json") == []


def test_validate_json_problems_have_only_the_keys_the_page_names(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Every key a problem of ``validate --json`` may have, those a reference into a bundled
    dataset is marked with (``bundled``, ``redirects_to``) and a base's ``base`` included."""
    keys = documented_keys("`validate --json` prints the same problems as a list of objects")
    participants = [
        {"actor": "org:kazakhstan-authorities", "role": "perpetrator"},  # (retired)
        {"actor": "person:vladimir-kozlov", "role": "victim"},
    ]
    event = {"id": "event:a", "kind": "arrest", "title": "A", "date": "2020"}
    data = tmp_path / "mine.json"
    data.write_text(json.dumps({"events": [{**event, "participants": participants}]}), "utf-8")
    bad_base = tmp_path / "base.json"
    bad_base.write_text(json.dumps({"persons": [{"id": "person:a"}]}), "utf-8")
    shown: set[str] = set()
    for over in ([], ["--base", "kazakhstan"], ["--base", str(bad_base)]):
        assert main(["validate", str(data), "--json", *over]) == 1
        problems = json.loads(capsys.readouterr().out)
        shown |= {key for problem in problems for key in problem}
    assert {"base", "bundled", "redirects_to"} <= shown
    assert shown <= keys, sorted(shown - keys)
