"""What the command line tells a developer whose data is wrong: hints that lead somewhere,
plain words for what a field expects, and names kept on one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rightsdata._cli.exits import EXIT_INVALID, EXIT_USAGE
from rightsdata._cli.main import main
from rightsdata._cli.suggest import ids_in

from conftest import CITE, event_doc, person_doc, source_doc, write_folder


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _misnamed(folder: Path) -> Path:
    """A dataset whose person's id is not an id, and an event naming the id it should be."""
    return write_folder(
        folder,
        {
            "sources.json": [source_doc()],
            "persons.json": [person_doc("person:Jane Doe", citations=[CITE])],
            "events.json": [
                event_doc(participants=[{"actor": "person:jane-doe", "role": "victim"}])
            ],
        },
    )


def test_validate_never_suggests_an_id_that_is_not_an_id(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = _misnamed(tmp_path / "misnamed")
    code, out, _ = run(capsys, "validate", str(folder))
    said = " ".join(out.split())
    assert code == EXIT_INVALID
    assert "'person:Jane Doe' is not an id" in said
    assert "'person:jane-doe' does not exist" in said
    assert "did you mean 'person:Jane Doe'" not in said


@pytest.mark.parametrize("layout", ["folder", "document", "jsonl"])
def test_ids_in_keeps_only_ids_of_the_kind_they_are_filed_as(tmp_path: Path, layout: str) -> None:
    """An id that is not one, or that names another kind than its file or list holds (a
    person's id among the events), would be refused by the loader: never suggested."""
    persons = [
        person_doc("person:Jane Doe"),
        person_doc("person:jane_doe"),
        person_doc("person:kept"),
        person_doc("event:filed-as-a-person"),
    ]
    events = [event_doc("event:kept"), event_doc("person:filed-as-an-event")]
    if layout == "folder":
        path = write_folder(tmp_path, {"persons.json": persons, "events.json": events})
    elif layout == "document":
        path = tmp_path / "all.json"
        path.write_text(json.dumps({"persons": persons, "events": events}))
    else:
        path = tmp_path / "all.jsonl"
        lines = [{"$kind": "persons", **p} for p in persons]
        lines += [{"$kind": "events", **e} for e in events]
        lines += [{**person_doc("person:no-kind-said")}, {**person_doc("person:Bad Too")}]
        path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    expected = ["person:kept", "event:kept"]
    if layout == "jsonl":
        expected.append("person:no-kind-said")
    assert ids_in(path) == expected


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        # before the command, with one or without: rightsdata's own options, compared
        # without the "--" all share (which made --verison as like --json as --version)
        (["--verison", "info"], "unrecognized arguments: --verison; did you mean '--version'?"),
        (["--versoin"], "unrecognized arguments: --versoin; did you mean '--version'?"),
        (["--data=x", "--verison", "info"], "did you mean '--version'?"),
        # a command's option before the command: to be given after it
        (["--json", "info"], "--json is an option of rightsdata info: give it after the command"),
        (["--jsn", "info"], "did you mean '--json', after the command (rightsdata info --json)?"),
        # after the command: rightsdata's own, the command's, another command's
        (["info", "--version"], "--version is an option of rightsdata itself"),
        (["info", "--jsno"], "unrecognized arguments: --jsno; did you mean '--json'?"),
        (["events", "--widht", "3"], "'--width' is an option of rightsdata show, not of events"),
    ],
)
def test_an_unknown_option_is_matched_where_it_was_given(
    capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == EXIT_USAGE
    assert said in " ".join(err.split())
    assert "did you mean '--kind'" not in err and "required: COMMAND" not in err
