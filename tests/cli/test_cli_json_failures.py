"""Every command that takes ``--json`` (or ``--json-report``) prints one JSON document on
standard output whenever it ran and ended with exit code 1, whatever ended it: its data's
problems, its base's, a base that does not meet the version ``--base NAME@VERSION`` requires
(which printed nothing there), or any other error the command line tells (a
``RightsdataError``); a usage error (exit code 2) leaves standard output empty (docs/cli.md,
"Standard output and --json")."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata._cli.exits import EXIT_INVALID, EXIT_USAGE
from rightsdata._cli.main import main
from rightsdata._model.records import KINDS

from conftest import event_doc, person_doc, source_doc, write_folder

#: Every command that takes --json or --json-report, with what it needs besides its data,
#: given where the ``DATA`` is (``--data DATA``; ``validate``'s argument).
COMMANDS: tuple[tuple[str, ...], ...] = (
    ("info", "--data", "DATA", "--json"),
    ("cite", "--data", "DATA", "--json"),
    ("search", "person", "--data", "DATA", "--json"),
    ("search", "person", "--data", "DATA", "--json-report"),
    ("events", "--data", "DATA", "--json"),
    ("timeline", "person:a", "--data", "DATA", "--json"),
    ("show", "person:a", "--data", "DATA", "--json"),
    ("validate", "DATA", "--json"),
    ("validate", "DATA", "--json-report"),
    ("validate", "DATA", "--json-report", "--max-problems", "5"),
)

#: The keys of every problem, as ``validate --json`` gives them.
PROBLEM_KEYS = {
    "location",
    "message",
    "code",
    "file",
    "kind",
    "index",
    "line",
    "record_id",
    "field",
    "missing_id",
    "redirects_to",
}
#: The keys of the object the commands but ``validate --json`` print.
REPORT_KEYS = {"problems", "unchecked", "base", "base_name", "base_version"}

BUNDLED = rightsdata.load()
MAJOR, MINOR = (int(part) for part in str(BUNDLED.version).split(".")[:2])
#: Versions the bundled dataset does not meet: a later major, a later minor of its own.
UNMET = (f"kazakhstan@{MAJOR + 1}", f"kazakhstan@{MAJOR}.{MINOR + 1}")


def _id(command: tuple[str, ...]) -> str:
    return "-".join(word for word in command if word not in ("--data", "DATA", "person:a"))


def _argv(command: tuple[str, ...], data: str, *more: str) -> list[str]:
    return [data if word == "DATA" else word for word in command] + list(more)


def _run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """In an empty folder: ``mine``, good data (an event and its person and source),
    ``bad``, data with a problem (a name that is no text), ``cycle.json``, data whose
    redirects form a cycle, and ``cut.json``, a base that is not JSON."""
    monkeypatch.chdir(tmp_path)
    good = {"sources.json": [source_doc()], "persons.json": [person_doc()]}
    write_folder(Path("mine"), {**good, "events.json": [event_doc()]})
    write_folder(Path("bad"), {**good, "persons.json": [person_doc(name=5)]})
    redirects = [{"id": "person:x", "to": "person:y"}, {"id": "person:y", "to": "person:x"}]
    Path("cycle.json").write_text(json.dumps({"redirects": redirects}), encoding="utf-8")
    Path("cut.json").write_text("{", encoding="utf-8")
    return tmp_path


def _raise_another(monkeypatch: pytest.MonkeyPatch) -> None:
    """Have every load raise a RightsdataError that is no problem of the data's (simulated:
    a command meets none such today but a base's version, and the command line says any it
    meets with exit code 1)."""

    def load_path(*args: object, **kwargs: object) -> rightsdata.Dataset:
        raise rightsdata.EDTFError("2012-13", "month 13 does not exist")

    monkeypatch.setattr(rightsdata, "load_path", load_path)


#: Each way a command that ran ends with exit code 1: the data it is given, the options
#: that follow, and what is done first (None: nothing).
CASES: dict[str, tuple[str, tuple[str, ...], Callable[[pytest.MonkeyPatch], None] | None]] = {
    "version-major": ("mine", ("--base", UNMET[0]), None),
    "version-minor": ("mine", ("--base", UNMET[1]), None),
    "base-refused": ("mine", ("--base", "cut.json"), None),
    "data-refused": ("bad", (), None),
    "data-refused-over-base": ("bad", ("--base", "kazakhstan"), None),
    "redirects-cycle": ("cycle.json", (), None),
    "another-error": ("mine", (), _raise_another),
}


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("command", COMMANDS, ids=[_id(c) for c in COMMANDS])
def test_a_command_that_ran_prints_one_json_document(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    here: Path,
    command: tuple[str, ...],
    case: str,
) -> None:
    """(A base whose version was not met, and any error but the data's problems, printed
    nothing on standard output, exit code 1.) ``validate --json``'s list, else the object
    ``validate --json-report`` prints, the same problems for every command; the text on
    standard error as ever."""
    data, more, before = CASES[case]
    if before is not None:
        before(monkeypatch)
    code, out, _ = _run(capsys, _argv(command, data, *more))
    assert code == EXIT_INVALID
    shown: Any = json.loads(out)  # (one document: json.loads refuses two)
    # every command reports what validate --json does of the same data and base
    _, listed, _ = _run(capsys, ["validate", data, "--json", *more])
    expected: list[dict[str, Any]] = json.loads(listed)
    assert expected and all(set(problem) >= PROBLEM_KEYS for problem in expected)
    if command[:3] == ("validate", "DATA", "--json"):
        assert shown == expected
        return
    capped = "--max-problems" in command
    assert set(shown) == REPORT_KEYS | ({"stopped_at"} if capped else set())
    assert shown["problems"] == expected
    if capped:
        assert shown["stopped_at"] is None
    if case in ("data-refused", "data-refused-over-base", "redirects-cycle"):
        _, report, _ = _run(capsys, ["validate", data, "--json-report", *more])
        assert shown["unchecked"] == json.loads(report)["unchecked"]
    else:  # (the data was not checked, or not in full)
        assert shown["unchecked"] == list(KINDS)


@pytest.mark.parametrize("given", UNMET)
@pytest.mark.parametrize("command", COMMANDS, ids=[_id(c) for c in COMMANDS])
def test_a_base_that_does_not_meet_its_version_is_a_problem_of_the_base(
    capsys: pytest.CaptureFixture[str], here: Path, command: tuple[str, ...], given: str
) -> None:
    """One problem, of code ``version``, at the base's ``datapackage.json.version``, marked
    with ``base`` as given, as a refused base's problems are; the report says the base's
    name and the version found (it was read: its version is what fails). Standard error says
    what it says without --json."""
    argv = _argv(command, "mine", "--base", given)
    _, _, text = _run(capsys, [word for word in argv if not word.startswith("--json")])
    code, out, err = _run(capsys, argv)
    assert (code, err) == (EXIT_INVALID, text)
    assert err.startswith(f"rightsdata {command[0]}: bundled dataset 'kazakhstan' is version ")
    shown: Any = json.loads(out)
    problems = shown if command[:3] == ("validate", "DATA", "--json") else shown["problems"]
    (problem,) = problems
    message = " ".join(err.partition(": ")[2].split())
    assert problem == {
        "location": "datapackage.json.version",
        "message": message,
        "code": "version",
        **dict.fromkeys(PROBLEM_KEYS - {"location", "message", "code"}),
        "file": "datapackage.json",
        "base": given,
    }
    assert rightsdata.ProblemCode.VERSION in rightsdata.PROBLEM_CODES
    if isinstance(shown, dict):
        over = (shown["base"], shown["base_name"], shown["base_version"])
        assert over == (given, BUNDLED.name, BUNDLED.version)


def test_another_error_is_a_problem_of_the_data_as_given(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, here: Path
) -> None:
    """Located at the data as given, of code ``value`` (a FieldError's own code), the base
    as ``info --json`` says it (none here)."""
    _raise_another(monkeypatch)
    code, out, err = _run(capsys, ["info", "--data", "mine", "--json"])
    assert code == EXIT_INVALID
    assert err.startswith("rightsdata info: '2012-13' is not an EDTF date")
    (problem,) = json.loads(out)["problems"]
    assert (problem["location"], problem["code"], problem["file"]) == ("mine", "value", None)

    def load_path(*args: object, **kwargs: object) -> rightsdata.Dataset:
        raise rightsdata.FieldError("born", "bad", "rule")

    monkeypatch.setattr(rightsdata, "load_path", load_path)
    code, out, _ = _run(capsys, ["validate", "mine", "--json"])
    assert code == EXIT_INVALID
    assert [(p["location"], p["message"], p["code"]) for p in json.loads(out)] == [
        ("mine", "born: bad", "rule")
    ]


#: Usage errors, each with the options that make it: told on standard error, standard output
#: left empty (exit code 2), --json or not.
USAGE: dict[str, tuple[str, ...]] = {
    "malformed-requirement": ("--base", "kazakhstan@3.x"),
    "no-such-base": ("--base", "nowhere"),
}


@pytest.mark.parametrize("case", list(USAGE))
@pytest.mark.parametrize("command", COMMANDS, ids=[_id(c) for c in COMMANDS])
def test_a_usage_error_stays_text_on_standard_error(
    capsys: pytest.CaptureFixture[str], here: Path, command: tuple[str, ...], case: str
) -> None:
    code, out, err = _run(capsys, _argv(command, "mine", *USAGE[case]))
    assert (code, out) == (EXIT_USAGE, "")
    assert err.startswith(f"rightsdata {command[0]}: --base ")


@pytest.mark.parametrize("command", [c for c in COMMANDS if c[0] != "validate"], ids=_id)
def test_a_base_without_data_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], here: Path, command: tuple[str, ...]
) -> None:
    """``rightsdata info --base kazakhstan@9 --json``: the command did not run (--base names
    the dataset the data builds on), exit code 2, standard output empty."""
    argv = [word for word in _argv(command, "", "--base", UNMET[0]) if word not in ("--data", "")]
    code, out, err = _run(capsys, argv)
    assert (code, out) == (EXIT_USAGE, "")
    assert "give the dataset that builds on it with --data PATH" in " ".join(err.split())
