"""Under ``--json`` (and ``validate --json-report``), standard output holds JSON whenever the
command ran, its data or its base having problems too: the problems, each of a base marked
with ``base``, the text for people staying on standard error; a usage error leaves it empty
(docs/cli.md, "The command line" and "Data that builds on another")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata._cli.exits import EXIT_INVALID, EXIT_USAGE
from rightsdata._cli.main import main
from rightsdata._model.records import KINDS

from conftest import event_doc, person_doc, source_doc, write_folder

#: The commands that take --json and --data, each with what it needs besides.
READERS: tuple[tuple[str, ...], ...] = (
    ("info",),
    ("cite",),
    ("search", "person"),
    ("events",),
    ("timeline", "person:a"),
    ("show", "person:a"),
)

#: The keys of a problem of the data, as validate --json gives them.
KEYS = ["location", "message", "code", "file", "kind", "index", "line", "record_id", "field"]


def refused_over(base: str) -> dict[str, str | None]:
    """What a report says of a base refused for its problems: as given, and no name or
    version (it was not read)."""
    return {"base": base, "base_name": None, "base_version": None}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Short paths in the current folder: a base that is not JSON (``{``), a base folder
    whose person has a name that is no text, data that is not JSON, and good data that
    builds on a base (an event naming its person and source)."""
    monkeypatch.chdir(tmp_path)
    Path("cut.json").write_text("{", encoding="utf-8")
    write_folder(Path("old"), {"sources.json": [source_doc()], "persons.json": [person_doc()]})
    write_folder(Path("bad"), {"persons.json": [person_doc(name=5), person_doc("person:b")]})
    write_folder(Path("mine"), {"events.json": [event_doc()]})
    return {"cut": "cut.json", "bad": "bad", "old": "old", "mine": "mine"}


def _problems(capsys: pytest.CaptureFixture[str], path: str) -> list[dict[str, Any]]:
    """The problems ``validate --json PATH`` gives of ``path`` checked alone."""
    code, out, _ = run(capsys, "validate", path, "--json")
    assert code == EXIT_INVALID
    shown: list[dict[str, Any]] = json.loads(out)
    return shown


@pytest.mark.parametrize("base", ["cut", "bad"])
def test_validate_json_lists_a_refused_bases_problems(
    capsys: pytest.CaptureFixture[str], paths: dict[str, str], base: str
) -> None:
    """It printed nothing on standard output: the problems went to standard error alone."""
    given = paths[base]
    expected = [{**p, "base": given} for p in _problems(capsys, given)]
    _, _, text = run(capsys, "validate", paths["mine"], "--base", given)
    code, out, err = run(capsys, "validate", paths["mine"], "--base", given, "--json")
    assert (code, json.loads(out), err) == (EXIT_INVALID, expected, text)
    assert err.startswith(f"{len(expected)} problem")
    assert f" in {given} (the base, --base):" in err.splitlines()[0]


def test_validate_json_report_names_a_refused_bases_problems(
    capsys: pytest.CaptureFixture[str], paths: dict[str, str]
) -> None:
    """In ``problems``, marked; every kind ``unchecked``, the data not having been checked;
    ``stopped_at`` where ``--max-problems`` was given, the base's."""
    expected = [{**p, "base": "bad"} for p in _problems(capsys, paths["bad"])]
    argv = ("validate", paths["mine"], "--base", "bad", "--json-report")
    code, out, err = run(capsys, *argv)
    assert code == EXIT_INVALID and "(the base, --base)" in err
    assert json.loads(out) == {
        "problems": expected,
        "unchecked": list(KINDS),
        **refused_over("bad"),
    }
    code, out, _ = run(capsys, *argv, "--max-problems", "1")
    report = json.loads(out)
    assert (code, report["problems"], report["stopped_at"]) == (EXIT_INVALID, expected[:1], 1)
    code, out, _ = run(capsys, *argv, "--max-problems", "5")
    assert (code, json.loads(out)["stopped_at"]) == (EXIT_INVALID, None)


def test_the_datas_own_problems_have_no_base(
    capsys: pytest.CaptureFixture[str], paths: dict[str, str]
) -> None:
    """Over a base that loads, the data's problems are as they always were: no ``base``."""
    write_folder(Path("mine"), {"events.json": [event_doc(title=5)]})
    code, out, _ = run(capsys, "validate", "mine", "--base", "old", "--json")
    (problem,) = json.loads(out)
    assert (code, list(problem)) == (EXIT_INVALID, [*KEYS, "missing_id", "redirects_to"])


@pytest.mark.parametrize("command", READERS, ids=[c[0] for c in READERS])
@pytest.mark.parametrize("data", ["cut", "bad"])
def test_a_reading_command_prints_its_datas_problems_as_json(
    capsys: pytest.CaptureFixture[str],
    paths: dict[str, str],
    command: tuple[str, ...],
    data: str,
) -> None:
    """The object ``validate --json-report`` prints; standard error as without --json."""
    given = paths[data]
    _, report, _ = run(capsys, "validate", given, "--json-report")
    code, out, text = run(capsys, *command, "--data", given)
    assert (code, out) == (EXIT_INVALID, "")
    code, out, err = run(capsys, *command, "--data", given, "--json")
    assert (code, json.loads(out), err) == (EXIT_INVALID, json.loads(report), text)


@pytest.mark.parametrize("command", READERS, ids=[c[0] for c in READERS])
def test_a_reading_command_prints_its_bases_problems_as_json(
    capsys: pytest.CaptureFixture[str], paths: dict[str, str], command: tuple[str, ...]
) -> None:
    expected = [{**p, "base": "cut.json"} for p in _problems(capsys, "cut.json")]
    argv = (*command, "--data", paths["mine"], "--base", "cut.json")
    _, _, text = run(capsys, *argv)
    code, out, err = run(capsys, *argv, "--json")
    assert (code, err) == (EXIT_INVALID, text)
    assert json.loads(out) == {
        "problems": expected,
        "unchecked": list(KINDS),
        **refused_over("cut.json"),
    }
    # the same object validate --json-report prints of the data over that base
    _, report, _ = run(capsys, "validate", paths["mine"], "--base", "cut.json", "--json-report")
    assert json.loads(out) == json.loads(report)


@pytest.mark.parametrize("command", READERS, ids=[c[0] for c in READERS])
def test_a_reading_commands_report_says_the_base_its_data_was_read_over(
    capsys: pytest.CaptureFixture[str], paths: dict[str, str], command: tuple[str, ...]
) -> None:
    """(Neither the report of a reading command nor ``validate --json-report`` said which
    base the data was checked over, as ``info --json`` does: a program could not tell the
    data's problems read alone from those read over a base.) The same object as
    ``validate --json-report``'s, with ``base``, ``base_name`` and ``base_version``."""
    bundled = rightsdata.load()
    given = "kazakhstan@" + str(bundled.version).split(".")[0]
    argv = ("--data", paths["bad"], "--base", given)
    code, out, _ = run(capsys, *command, *argv, "--json")
    shown = json.loads(out)
    assert code == EXIT_INVALID and shown["problems"]
    assert (shown["base"], shown["base_name"], shown["base_version"]) == (
        given,
        bundled.name,
        bundled.version,
    )
    _, report, _ = run(capsys, "validate", paths["bad"], "--base", given, "--json-report")
    assert shown == json.loads(report)
    # a base given as a path, that loads: as given, with its own name and version (none)
    code, out, _ = run(capsys, *command, "--data", paths["bad"], "--base", "old", "--json")
    shown = json.loads(out)
    assert (shown["base"], shown["base_name"], shown["base_version"]) == ("old", None, None)


@pytest.mark.parametrize(
    "argv",
    [
        ("validate", "nowhere.json", "--json"),
        ("validate", "nowhere.json", "--json-report"),
        ("validate", "mine", "--base", "nowhere", "--json"),
        ("info", "--data", "nowhere.json", "--json"),
        ("show", "person:a", "--data", "mine", "--base", "nowhere", "--json"),
    ],
)
def test_a_usage_error_leaves_standard_output_empty(
    capsys: pytest.CaptureFixture[str], paths: dict[str, str], argv: tuple[str, ...]
) -> None:
    """A missing file: the command did not run (exit code 2), and says so on stderr."""
    code, out, err = run(capsys, *argv)
    assert (code, out) == (EXIT_USAGE, "")
    assert "no such file or folder" in err
