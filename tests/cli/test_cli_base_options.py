"""``validate DIR --base BASE`` reads the base under the limits given for the run
(``--max-bytes``, ``--max-problems``), and judges the data, not the base, with ``--strict``
and ``--schema`` (docs/cli.md, "Data that builds on another")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rightsdata._cli.exits import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from rightsdata._cli.main import main

from conftest import event_doc, person_doc, source_doc, write_folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """The exit code, the output, and the error output with its lines joined (as wrapped)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, " ".join(out.split()), " ".join(err.split())


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A base (a person and a source) and data building on it (an event naming them), in
    the current folder: short paths, which a wrapped message does not break."""
    monkeypatch.chdir(tmp_path)
    person = person_doc(summary=" ".join(["Who they are, at length."] * 40))  # (the larger)
    base = write_folder(Path("base"), {"sources.json": [source_doc()], "persons.json": [person]})
    data = write_folder(Path("mine"), {"events.json": [event_doc()]})
    return base, data


def _size(folder: Path) -> int:
    """The size of the largest file in ``folder``."""
    return max(p.stat().st_size for p in folder.iterdir())


def test_max_bytes_holds_for_the_base(
    capsys: pytest.CaptureFixture[str], folders: tuple[Path, Path]
) -> None:
    base, data = folders
    limit = _size(data)  # (the data's files fit; the base's person does not)
    assert _size(base) > limit
    code, out, err = run(
        capsys, "validate", str(data), "--base", str(base), "--max-bytes", str(limit)
    )
    assert (code, out) == (EXIT_INVALID, "")
    assert err.startswith(f"1 problem in {base} (the base, --base):")
    assert f"persons.json: is {_size(base):,} bytes, over the limit of {limit}" in err
    code, out, _ = run(
        capsys, "validate", str(data), "--base", str(base), "--max-bytes", str(_size(base))
    )
    assert code == EXIT_OK and out.startswith(f"{data}: valid: checked 1 record (1 event)")


def test_max_problems_holds_for_the_base(
    capsys: pytest.CaptureFixture[str], folders: tuple[Path, Path]
) -> None:
    base, data = folders
    bad = [person_doc(f"person:{n}", name=5) for n in "bcd"]
    write_folder(base, {"persons.json": [person_doc(), *bad]})
    code, _, err = run(capsys, "validate", str(data), "--base", str(base))
    assert code == EXIT_INVALID and err.startswith(f"3 problems in {base} (the base, --base):")
    code, _, err = run(capsys, "validate", str(data), "--base", str(base), "--max-problems", "1")
    assert code == EXIT_INVALID
    assert err.startswith(
        f"1 problem in {base} (the base, --base) (stopped at --max-problems 1; the base may "
        "have more):"
    )


def test_strict_and_schema_judge_the_data_not_the_base(
    capsys: pytest.CaptureFixture[str], folders: tuple[Path, Path]
) -> None:
    """The base is read as it would be used (``load_path`` by default): a questionable
    value in it is for ``rightsdata validate BASE --strict`` to report."""
    base, data = folders
    write_folder(base, {"persons.json": [person_doc(country="UK")]})
    code, out, _ = run(capsys, "validate", str(base), "--strict")
    assert code == EXIT_INVALID and "'UK' is not a country code" in out
    code, out, _ = run(capsys, "validate", str(data), "--base", str(base), "--strict", "--schema")
    assert code == EXIT_OK and out.startswith(f"{data}: valid: checked 1 record (1 event)")
    twice = [{"actor": "person:a", "role": "defendant"}] * 2
    write_folder(data, {"events.json": [event_doc(participants=twice)]})
    code, out, _ = run(capsys, "validate", str(data), "--base", str(base), "--strict")
    assert code == EXIT_INVALID and out.startswith(f"1 problem in {data}:")
    assert "names 'person:a' as defendant again" in out


def test_a_kind_file_with_a_base_is_told_before_the_base_is_read(
    capsys: pytest.CaptureFixture[str], folders: tuple[Path, Path]
) -> None:
    """The usage error comes first: the base, which the check would not use, is not read
    (before, an invalid base's problems were printed instead)."""
    base, data = folders
    write_folder(base, {"persons.json": [person_doc(name=5)]})
    code, _, err = run(capsys, "validate", str(data / "events.json"), "--base", str(base))
    assert code == EXIT_USAGE and err.startswith("rightsdata validate:")
    assert "(the base, --base)" not in err


# --- the note that the data may build on a bundled dataset, in the JSON too -----------------


@pytest.fixture
def additions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Data whose event names a person and a source of the bundled dataset, and a person of
    no dataset: two of its three references resolve over --base kazakhstan."""
    monkeypatch.chdir(tmp_path)
    participants = [
        {"actor": "person:vladimir-kozlov", "role": "defendant"},
        {"actor": "person:nobody", "role": "victim"},
    ]
    event = event_doc(participants=participants, citations=[{"source": "source:hrf-2012-12-14"}])
    Path("mine.json").write_text(json.dumps({"events": [event]}), encoding="utf-8")
    return "mine.json"


def _bundled(problems: list[dict[str, object]]) -> list[tuple[object, object]]:
    return [(p["missing_id"], p.get("bundled")) for p in problems]


_MARKED = [
    ("person:nobody", None),
    ("person:vladimir-kozlov", "kazakhstan"),
    ("source:hrf-2012-12-14", "kazakhstan"),
]


def test_validate_json_marks_the_references_the_note_counts(
    capsys: pytest.CaptureFixture[str], additions: str
) -> None:
    # the text's note was in no JSON: `validate --json` dropped it altogether
    code, text, _ = run(capsys, "validate", additions)
    note = "note: 2 of these references name records of the bundled dataset kazakhstan"
    assert code == EXIT_INVALID and note in text
    assert main(["validate", additions, "--json"]) == EXIT_INVALID
    out, err = capsys.readouterr()
    assert sorted(_bundled(json.loads(out))) == _MARKED
    assert note in " ".join(err.split())  # (for people, as the other notes under --json)
    assert main(["validate", additions, "--json-report"]) == EXIT_INVALID
    assert sorted(_bundled(json.loads(capsys.readouterr().out)["problems"])) == _MARKED
    # the other commands' JSON too (their note was on stderr already)
    assert main(["info", "--data", additions, "--json"]) == EXIT_INVALID
    assert sorted(_bundled(json.loads(capsys.readouterr().out)["problems"])) == _MARKED


def test_no_reference_is_marked_where_a_base_is_given(
    capsys: pytest.CaptureFixture[str], additions: str, folders: tuple[Path, Path]
) -> None:
    base, _ = folders
    assert main(["validate", additions, "--base", str(base), "--json"]) == EXIT_INVALID
    out, err = capsys.readouterr()
    assert all("bundled" not in p for p in json.loads(out)) and "note:" not in err


# --- a reference to a retired ID of a bundled dataset: marked, with what replaces it --------

_RETIRED = "org:kazakhstan-authorities"  # (datasets/kazakhstan/redirects.json)
_SUCCESSOR = "group:kazakhstan-authorities"


@pytest.fixture
def citing_retired(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Data whose event names a retired ID of the bundled dataset and a current one."""
    monkeypatch.chdir(tmp_path)
    participants = [
        {"actor": _RETIRED, "role": "perpetrator"},
        {"actor": "person:vladimir-kozlov", "role": "victim"},
    ]
    event = event_doc(participants=participants, citations=[{"source": "source:hrf-2012-12-14"}])
    Path("mine.json").write_text(json.dumps({"events": [event]}), encoding="utf-8")
    return "mine.json"


def _marks(problems: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return sorted((p["missing_id"], p.get("bundled"), p.get("redirects_to")) for p in problems)


def test_a_reference_to_a_retired_bundled_id_is_marked_with_its_successor(
    capsys: pytest.CaptureFixture[str], citing_retired: str
) -> None:
    """(It was not marked: only a current bundled ID was, so a program could not tell that
    the reference was to the bundled data, nor what to rewrite it to.)"""
    marked = [(_RETIRED, "kazakhstan", _SUCCESSOR)]
    for json_option in ("--json", "--json-report"):
        argv = ["validate", citing_retired, "--base", "kazakhstan", json_option]
        assert main(argv) == EXIT_INVALID
        printed = json.loads(capsys.readouterr().out)
        assert _marks(printed if json_option == "--json" else printed["problems"]) == marked
    assert main(["info", "--data", citing_retired, "--base", "kazakhstan", "--json"]) == 1
    assert _marks(json.loads(capsys.readouterr().out)["problems"]) == marked
    # with no --base, among the references the note counts
    assert main(["validate", citing_retired, "--json"]) == EXIT_INVALID
    out, err = capsys.readouterr()
    assert _marks(json.loads(out)) == [
        *marked,
        ("person:vladimir-kozlov", "kazakhstan", None),
        ("source:hrf-2012-12-14", "kazakhstan", None),
    ]
    assert "note: 3 of these references name records of the bundled dataset" in " ".join(
        err.split()
    )


# --- --base NAME@VERSION: a version required of a bundled base -------------------------------


def test_base_takes_a_version_required_of_a_bundled_dataset(
    capsys: pytest.CaptureFixture[str], additions: str
) -> None:
    """(``--base kazakhstan@3`` was taken for a path, and refused: no such file or folder.)"""
    import rightsdata

    cited = "source:hrf-2012-12-14"  # (of the bundled dataset)
    bundled = rightsdata.load().version
    assert bundled is not None
    major, minor, _ = bundled.split(".")
    Path("event.json").write_text(
        json.dumps({"events": [event_doc(participants=[], citations=[{"source": cited}])]}),
        encoding="utf-8",
    )
    for met in (major, f"{major}.{minor}", bundled):
        code, out, _ = run(capsys, "validate", "event.json", "--base", f"kazakhstan@{met}")
        assert code == EXIT_OK and out.endswith(f"over kazakhstan {bundled}"), out
        code, out, _ = run(
            capsys, "show", "event:a", "--data", "event.json", "--base", f"kazakhstan@{met}"
        )
        assert code == EXIT_OK and "event:a" in out
    # an unmet requirement: refused as load(version=) refuses it, saying the version bundled
    for unmet in (str(int(major) + 1), f"{major}.{int(minor) + 1}"):
        code, out, err = run(capsys, "validate", "event.json", "--base", f"kazakhstan@{unmet}")
        assert (code, out) == (EXIT_INVALID, "")
        assert err.startswith(
            f"rightsdata validate: bundled dataset 'kazakhstan' is version {bundled}, but "
            f"version {unmet} ("
        ), err
    # under --json too, and the problem of the base on stdout (it printed nothing there:
    # tests/cli/test_cli_json_failures.py goes through every command)
    argv = ["validate", additions, "--base", f"kazakhstan@{int(major) + 1}", "--json"]
    code, out, err = run(capsys, *argv)
    assert code == EXIT_INVALID and f"is version {bundled}" in err
    assert [(p["code"], p["base"]) for p in json.loads(out)] == [
        ("version", f"kazakhstan@{int(major) + 1}")
    ]
    # a requirement that is none, and a name no bundled dataset has: usage errors
    code, _, err = run(capsys, "validate", "event.json", "--base", "kazakhstan@3.x")
    assert code == EXIT_USAGE
    assert err.startswith("rightsdata validate: --base kazakhstan@3.x: version='3.x' is not a")
    code, _, err = run(capsys, "validate", "event.json", "--base", "nosuch@3")
    assert code == EXIT_USAGE and "--base nosuch@3: no such file or folder" in err


def test_a_folder_named_as_a_bundled_dataset_and_a_version_is_a_path(
    capsys: pytest.CaptureFixture[str], folders: tuple[Path, Path]
) -> None:
    base, data = folders
    base.rename("kazakhstan@3")
    code, out, _ = run(capsys, "validate", str(data), "--base", "./kazakhstan@3")
    assert code == EXIT_OK and out.startswith(f"{data}: valid: checked 1 record (1 event)")


def test_a_retired_id_is_marked_over_a_base_with_a_version(
    capsys: pytest.CaptureFixture[str], citing_retired: str
) -> None:
    assert main(["validate", citing_retired, "--base", "kazakhstan@3", "--json"]) == 1
    assert _marks(json.loads(capsys.readouterr().out)) == [(_RETIRED, "kazakhstan", _SUCCESSOR)]
