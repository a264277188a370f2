"""A dataset that builds on another (``base=``): its references resolve against both, the
rules judge what it makes of the base, and the result holds the records of both."""

from __future__ import annotations

import json
import shlex
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rightsdata
from rightsdata import Dataset, Group, InvalidDataError, Organization, Person, testing
from rightsdata._model.records import KINDS
from rightsdata._values.errors import ProblemCode

from conftest import (
    CITE,
    event_doc,
    examples,
    kind_named,
    parts,
    person_doc,
    rating_doc,
    source_doc,
    write_folder,
)

MakeFolder = Callable[[Mapping[str, Any]], Path]

KOZLOV = "person:vladimir-kozlov"
HRF = "source:hrf-2012-12-14"
#: A place of the extension within one of the base's (Almaty).
FLAT: dict[str, Any] = {
    "id": "place:kozlov-flat",
    "name": "A flat",
    "kind": "facility",
    "country": "KZ",
    "within": "place:almaty",
    "citations": [{"source": HRF}],
}
#: How a problem names the bundled dataset as the base.
BUNDLED = f"the base dataset (kazakhstan {rightsdata.load().version})"


def interview(record_id: str = "event:kozlov-interview", **changes: Any) -> dict[str, Any]:
    """An event of an extension naming a person and a source of the bundled dataset."""
    doc = {
        "id": record_id,
        "kind": "interview",
        "title": "An interview",
        "date": "2016-05-01",
        "participants": [{"actor": KOZLOV, "role": "interviewee"}],
        "citations": [{"source": HRF}],
    }
    doc.update(changes)
    return doc


def descriptor(**changes: Any) -> dict[str, Any]:
    return {"name": "kozlov-extra", "version": "0.1.0", **changes}


def _write(tmp_path: Path, layout: str, kinds: Mapping[str, list[Any]]) -> Path:
    """The records of ``kinds`` (and a descriptor) in ``layout``: a folder, a JSON document or
    JSON Lines."""
    if layout == "folder":
        files: dict[str, Any] = {f"{kind}.json": docs for kind, docs in kinds.items()}
        return write_folder(tmp_path / "extension", {"datapackage.json": descriptor(), **files})
    if layout == "json":
        path = tmp_path / "extension.json"
        path.write_text(json.dumps({"datapackage": descriptor(), **kinds}), encoding="utf-8")
        return path
    path = tmp_path / "extension.jsonl"
    lines = [{"$kind": "datapackage", **descriptor()}]
    lines += [{"$kind": kind, **doc} for kind, docs in kinds.items() for doc in docs]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def _problems(path: Path, base: Dataset | None = None) -> list[str]:
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_path(path, base=base or rightsdata.load())
    return [f"{p.location}: {p.message}" for p in caught.value.problems]


@pytest.mark.parametrize("layout", ["folder", "json", "jsonl"])
def test_an_extension_of_the_bundled_data_loads_with_it_and_its_queries_see_both(
    tmp_path: Path, layout: str
) -> None:
    base = rightsdata.load()
    path = _write(tmp_path, layout, {"events": [interview()]})
    alone = rightsdata.validate(path)
    assert [p.message for p in alone] == [
        f"'{KOZLOV}' does not exist",
        f"'{HRF}' does not exist",
    ]
    assert rightsdata.validate(path, base=base) == []
    both = rightsdata.load_path(path, base=base)
    assert [e.id for e in both.timeline(KOZLOV)] == [
        *(e.id for e in base.timeline(KOZLOV)),
        "event:kozlov-interview",
    ]
    assert "event:kozlov-interview" in [e.id for e in both.related(KOZLOV).events]
    assert both.events(involving=KOZLOV, kind="interview")[-1].id == "event:kozlov-interview"
    assert "event:kozlov-interview" in [r.id for r in both.cited_by(HRF)]
    assert both.search("An interview", kinds="events")[0].id == "event:kozlov-interview"
    counts = base.counts()
    counts["events"] += 1
    assert both.counts() == counts
    assert dict(both.redirects) == dict(base.redirects)
    assert both.get("org:kazakhstan-authorities").id == "group:kazakhstan-authorities"
    # named, versioned and described as the extension; its own records are those not in base
    assert (both.name, both.version) == ("kozlov-extra", "0.1.0")
    assert both.descriptor == descriptor()
    assert [r.id for r in both if r.id not in base] == ["event:kozlov-interview"]
    # the base is untouched
    assert "event:kozlov-interview" not in base


def test_the_whole_exports_and_loads_again_alone(tmp_path: Path) -> None:
    """An export of the dataset of both writes both: it loads without a base."""
    both = rightsdata.load_path(
        _write(tmp_path, "json", {"events": [interview()]}), base=rightsdata.load()
    )
    both.export(tmp_path / "out", "json")
    again = rightsdata.load_path(tmp_path / "out")
    assert again == both


def test_a_base_built_in_python_and_documents_over_it() -> None:
    base = rightsdata.load_documents(
        {"sources": [source_doc()], "persons": [person_doc()]}, name="mine", version="1.0.0"
    )
    both = rightsdata.load_documents({"events": [event_doc()]}, base=base, name="more")
    assert [e.id for e in both.timeline("person:a")] == ["event:a"]
    assert both.name == "more" and both.version is None
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_documents({"persons": [person_doc()]}, base=base)
    assert [f"{p.location}: {p.message}" for p in caught.value.problems] == [
        "documents:persons[0] person:a.id: 'person:a' is already the id of a record of the "
        "base dataset (mine 1.0.0); a dataset built on it gives its own records ids of their own"
    ]


@pytest.mark.parametrize(
    ("layout", "located"),
    [
        ("folder", ("persons.json", "persons", 0, None, KOZLOV, "id")),
        ("json", ("extension.json", "persons", 0, None, KOZLOV, "id")),
        ("jsonl", ("extension.jsonl", "persons", None, 2, KOZLOV, "id")),
    ],
)
def test_an_id_of_the_base_is_a_problem_located_at_the_extensions_record(
    tmp_path: Path, layout: str, located: tuple[object, ...]
) -> None:
    path = _write(tmp_path, layout, {"persons": [person_doc(KOZLOV, citations=[{"source": HRF}])]})
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_path(path, base=rightsdata.load())
    (problem,) = caught.value.problems
    assert parts(problem) == located
    assert problem.code == ProblemCode.INTEGRITY
    assert problem.message == (
        f"'{KOZLOV}' is already the id of a record of {BUNDLED}; a dataset built on it gives "
        "its own records ids of their own"
    )


def test_an_id_the_base_retired_is_a_problem_too(make_folder: MakeFolder) -> None:
    org = {
        "id": "org:kazakhstan-authorities",
        "name": "A",
        "kind": "ngo",
        "citations": [{"source": HRF}],
    }
    assert _problems(make_folder({"organizations.json": [org]})) == [
        f"organizations.json[0] org:kazakhstan-authorities.id: 'org:kazakhstan-authorities' is "
        f"an id {BUNDLED} retired (it redirects to 'group:kazakhstan-authorities'); give this "
        "record an id of its own"
    ]


def test_a_reference_to_an_id_the_base_retired_says_what_replaced_it(
    make_folder: MakeFolder,
) -> None:
    event = interview(participants=[{"actor": "org:kazakhstan-authorities", "role": "perpetrator"}])
    assert _problems(make_folder({"events.json": [event]})) == [
        "events.json[0] event:kozlov-interview.participants[0].actor: "
        f"'org:kazakhstan-authorities' does not exist; {BUNDLED} retired it: it redirects to "
        "'group:kazakhstan-authorities'"
    ]


def test_redirects_over_the_base(make_folder: MakeFolder) -> None:
    folder = make_folder(
        {
            "events.json": [interview()],
            "redirects.json": [
                {"id": KOZLOV, "to": "event:kozlov-interview"},  # a live ID of the base
                {"id": "org:kazakhstan-authorities", "to": "group:kazakhstan-authorities"},
                {"id": "event:old-interview", "to": "event:gone"},  # to nothing
            ],
        }
    )
    assert _problems(folder) == [
        f"redirects.json[0].id: '{KOZLOV}' is still the id of a record of {BUNDLED}; a "
        "redirect replaces a retired id",
        "redirects.json[0].to: 'person:vladimir-kozlov' redirects to 'event:kozlov-interview', "
        "a record of another kind",
        f"redirects.json[1].id: 'org:kazakhstan-authorities' is redirected by {BUNDLED} already "
        "(to 'group:kazakhstan-authorities'); an id is redirected once",
        "redirects.json[2].to: 'event:gone' does not exist",
    ]


def test_a_redirect_may_lead_to_the_base_and_through_its_redirects(
    make_folder: MakeFolder,
) -> None:
    folder = make_folder(
        {
            "events.json": [interview()],
            "redirects.json": [
                {"id": "person:kozlov", "to": KOZLOV},
                {"id": "org:authorities", "to": "org:kazakhstan-authorities"},
            ],
        }
    )
    both = rightsdata.load_path(folder, base=rightsdata.load())
    assert both.get("person:kozlov").id == KOZLOV
    assert both.get("org:authorities").id == "group:kazakhstan-authorities"


def test_a_victim_of_the_base_born_after_an_event_of_the_extension(
    make_folder: MakeFolder,
) -> None:
    born = rightsdata.load().persons[KOZLOV].born
    event = interview(date="1950", participants=[{"actor": KOZLOV, "role": "victim"}])
    assert _problems(make_folder({"events.json": [event]})) == [
        f"events.json[0] event:kozlov-interview.participants[0].actor: '{KOZLOV}' was born "
        f"{born}, after this event (1950)"
    ]


def _rating(record_id: str, as_of: str, level: str, **fields: Any) -> dict[str, Any]:
    return rating_doc(record_id, as_of, level, rated_by="org:monitor", **fields)


def _rated_base(previous: bool = True) -> Dataset:
    """A small base rating one country twice: obstructed in 2019, repressed in 2021 (which
    says the level before it, unless not ``previous``)."""
    stated = {"previous": "obstructed"} if previous else {}
    return rightsdata.load_documents(
        {
            "sources": [source_doc()],
            "places": [
                {
                    "id": "place:kz",
                    "name": "K",
                    "kind": "country",
                    "country": "KZ",
                    "citations": [CITE],
                }
            ],
            "organizations": [
                {"id": "org:monitor", "name": "M", "kind": "ngo", "citations": [CITE]}
            ],
            "ratings": [
                _rating("rating:b-2019", "2019", "obstructed"),
                _rating("rating:b-2021", "2021", "repressed", **stated),
            ],
        },
        name="rated",
        version="2.0.0",
    )


def test_a_rating_after_the_bases_must_follow_its_level(make_folder: MakeFolder) -> None:
    base = _rated_base()
    good = make_folder(
        {"ratings.json": [_rating("rating:e-2023", "2023", "closed", previous="repressed")]}
    )
    assert (
        rightsdata.load_path(good, base=base).ratings(country="place:kz")[-1].id == "rating:e-2023"
    )
    bad = make_folder(
        {"ratings.json": [_rating("rating:e-2023", "2023", "closed", previous="open")]}
    )
    assert _problems(bad, base) == [
        "ratings.json[0] rating:e-2023.previous: says the level before was 'open', but the "
        "rating before it (rating:b-2021 of the base dataset (rated 2.0.0), as of 2021) is "
        "'repressed'"
    ]


def test_a_rating_that_breaks_the_bases_sequence_is_said_at_the_extension(
    make_folder: MakeFolder,
) -> None:
    base = _rated_base()
    # between the base's 2019 (obstructed) and its 2021, which says the level before was
    # obstructed: a rating of 2020 at another level breaks the base's 2021
    folder = make_folder({"ratings.json": [_rating("rating:e-2020", "2020", "open")]})
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_path(folder, base=base)
    (problem,) = caught.value.problems
    assert parts(problem) == ("ratings.json", "ratings", 0, None, "rating:e-2020", "as_of")
    assert problem.message == (
        "comes before rating:b-2021 of the base dataset (rated 2.0.0) (as of 2021), which says "
        "the level before it was 'obstructed', but this rating's level is 'open'"
    )
    same = make_folder({"ratings.json": [_rating("rating:e-2020", "2020", "obstructed")]})
    assert len(rightsdata.load_path(same, base=base).ratings) == 3


@pytest.mark.parametrize("broken", ["no id", "a bad level"])
def test_a_rating_of_the_extension_that_failed_leaves_the_bases_sequence_unchecked(
    make_folder: MakeFolder, broken: str
) -> None:
    # the extension's rating of 2020 may come before the base's 2021, which says the level
    # before it was obstructed: with that rating unread, the sequence is not judged, and said
    # so, though no rating of the extension's states a previous level
    failed = _rating("rating:e-2020", "2020", "open")
    if broken == "no id":
        del failed["id"]
    else:
        failed["level"] = "bogus"
    fine = _rating("rating:e-2018", "2018", "obstructed")
    for ratings in ([failed], [fine, failed]):
        with pytest.raises(InvalidDataError) as caught:
            rightsdata.load_path(make_folder({"ratings.json": ratings}), base=_rated_base())
        assert len(caught.value.problems) == 1
        assert caught.value.unchecked == ("ratings",)
        assert "Not checked: references to ratings, and checks that need their records" in str(
            caught.value
        )
    # a base none of whose ratings states its previous level: the sequence left nothing
    # unjudged; a rating with no ID leaves its kind unchecked all the same (none of the
    # extension's ratings has an ID that can be read), as ratings.json checked alone says
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_path(make_folder({"ratings.json": [failed]}), base=_rated_base(False))
    assert caught.value.unchecked == (("ratings",) if broken == "no id" else ())


def test_chains_into_the_base_end_there(make_folder: MakeFolder) -> None:
    """An event of the extension part of one of the base's, a place within one of its
    places: the base's chains end (it loaded), and none of them leads back into the
    extension (its records name none of the extension's), so a cycle is the extension's
    own, found as without a base."""
    place = dict(FLAT)
    event = interview(part_of="event:kozlov-trial-2012", places=["place:kozlov-flat"])
    both = rightsdata.load_path(
        make_folder({"places.json": [place], "events.json": [event]}), base=rightsdata.load()
    )
    assert both.events["event:kozlov-interview"].part_of == "event:kozlov-trial-2012"
    cycle = [
        interview("event:x", part_of="event:y"),
        interview("event:y", part_of="event:x"),
    ]
    assert _problems(make_folder({"events.json": cycle})) == [
        "events.json[0] event:x.part_of: part_of forms a cycle: event:x -> event:y -> event:x"
    ]


def test_the_extensions_declared_format_holds_its_own_records_only(
    make_folder: MakeFolder,
) -> None:
    """The bundled data's dates include sets (format 3) and some of its figures say what
    they count (of, format 4); an extension declaring format 2 is held to it, and the base's
    sets and of are not its problems."""
    assert rightsdata.load().format == 4
    folder = make_folder(
        {
            "datapackage.json": descriptor(rightsdata_format=2),
            "events.json": [interview(), interview("event:set", date="[2016-05-01,2016-06-01]")],
        }
    )
    (problem,) = rightsdata.validate(folder, base=rightsdata.load())
    assert (problem.record_id, problem.field) == ("event:set", "date")
    fine = make_folder(
        {"datapackage.json": descriptor(rightsdata_format=2), "events.json": [interview()]}
    )
    assert rightsdata.load_path(fine, base=rightsdata.load()).counts()["events"] > 1


def test_every_problem_at_once_with_the_unchecked_note(tmp_path: Path) -> None:
    path = tmp_path / "extension.jsonl"
    lines = [
        json.dumps(interview(participants=[{"actor": "person:nobody", "role": "victim"}])),
        "{not json",
        json.dumps(person_doc(KOZLOV, citations=[{"source": HRF}])),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_path(path, base=rightsdata.load())
    found = caught.value.problems
    assert [(p.line, p.code) for p in found] == [
        (2, ProblemCode.SYNTAX),
        (3, ProblemCode.INTEGRITY),
    ]
    # person:nobody may be on line 2; so may a rating before one of the base's that states
    # the level before it, or a record of any kind, none of whose rules was judged
    assert caught.value.unchecked == tuple(KINDS)


def test_version_share_and_freeze_apply_to_the_extension(tmp_path: Path) -> None:
    path = _write(tmp_path, "json", {"events": [interview()]})
    base = rightsdata.load()
    with pytest.raises(rightsdata.DatasetVersionError):
        rightsdata.load_path(path, base=base, version="1")  # the extension is 0.1.0
    assert rightsdata.load_path(path, base=base, version="0.1").version == "0.1.0"
    shared = rightsdata.load_path(path, base=base, share=True)
    assert shared == rightsdata.load_path(path, base=base)


@pytest.mark.parametrize("given", ["kazakhstan", {"persons": []}, 3])
def test_a_base_that_is_not_a_dataset_is_a_type_error(tmp_path: Path, given: object) -> None:
    path = _write(tmp_path, "json", {"events": [interview()]})
    calls: list[Callable[[], object]] = [
        lambda: rightsdata.load_path(path, base=given),  # type: ignore[arg-type]
        lambda: rightsdata.validate(path, base=given),  # type: ignore[arg-type]
        lambda: rightsdata.load_documents({}, base=given),  # type: ignore[arg-type]
    ]
    for call in calls:
        with pytest.raises(TypeError, match=r"^base must be a Dataset, not a"):
            call()
    if given == "kazakhstan":
        with pytest.raises(TypeError, match=r"rightsdata\.load\('kazakhstan'\)"):
            rightsdata.load_path(path, base=given)  # type: ignore[arg-type]


# --- the command line ----------------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    from rightsdata._cli.main import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_base_by_name_and_by_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(_write(tmp_path, "folder", {"events": [interview()]}))
    code, out, _ = _run(capsys, "validate", path)
    assert code == 1
    assert "'person:vladimir-kozlov' does not exist" in out
    # (compared without spaces: the note is wrapped, and a long temporary path cut)
    assert f"rightsdata--basekazakhstanvalidate{shlex.quote(path)}" in "".join(out.split())
    code, out, _ = _run(capsys, "validate", path, "--base", "kazakhstan")
    version = rightsdata.load().version
    assert (code, out) == (
        0,
        f"{path}: valid: checked 1 record (1 event) over kazakhstan {version}\n",
    )
    exported = tmp_path / "bundled"
    rightsdata.load().export(exported, "json")
    code, out, _ = _run(capsys, "validate", path, "--base", str(exported))
    assert code == 0 and "checked 1 record (1 event)" in out
    code, out, _ = _run(capsys, "validate", path, "--base", "kazakhstan", "--json")
    assert (code, json.loads(out)) == (0, [])


def test_validate_base_lists_the_extensions_problems(
    make_folder: MakeFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_folder({"persons.json": [person_doc(KOZLOV, citations=[{"source": HRF}])]})
    code, out, _ = _run(capsys, "validate", str(folder), "--base", "kazakhstan", "--json")
    assert code == 1
    (problem,) = json.loads(out)
    assert (problem["file"], problem["index"], problem["record_id"], problem["field"]) == (
        "persons.json",
        0,
        KOZLOV,
        "id",
    )


def test_validate_base_tells_a_misspelt_reference_the_bases_id_spelled_like_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the loader's hint, among the base's IDs too (the command line adds none of its own)
    misspelt = {**interview(), "participants": [{"actor": KOZLOV + "x", "role": "interviewee"}]}
    path = _write(tmp_path, "folder", {"events": [misspelt]})
    hint = f"'{KOZLOV}x' does not exist; did you mean '{KOZLOV}' or 'person:vladimir-bukovsky'?"
    assert _problems(path) == [
        f"events.json[0] event:kozlov-interview.participants[0].actor: {hint}"
    ]
    code, out, _ = _run(capsys, "validate", str(path), "--base", "kazakhstan")
    said = " ".join(out.split())
    assert code == 1 and hint in said and said.count("did you mean") == 1


@pytest.mark.parametrize(
    "given",
    [
        ["validate", "{path}", "--schema", "--max-bytes", "100000000"],
        ["timeline", "--data", "{path}", "--", KOZLOV],
        ["show", "--json", "--data", "{path}", "event:kozlov-interview"],
    ],
)
def test_the_base_note_gives_a_command_that_runs(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    given: list[str],
) -> None:
    monkeypatch.setenv("COLUMNS", "96")  # (the widest: the temporary path fits a line)
    path = str(_write(tmp_path, "json", {"events": [interview()]}))
    argv = [a.replace("{path}", path) for a in given]
    code, out, err = _run(capsys, *argv)
    said = " ".join((out + err).split())
    assert code == 1 and "give it as the base: " in said
    # the command whole on one line, in backticks, however long the path
    (line,) = [line for line in (out + err).splitlines() if "`rightsdata --base" in line]
    suggested = shlex.split(line.partition("`")[2].partition("`")[0])
    # every option given is kept, and --base comes first, where no -- can make it an argument
    assert suggested == ["rightsdata", "--base", "kazakhstan", *argv]
    assert _run(capsys, *suggested[1:])[0] == 0


def test_the_base_note_counts_the_references(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # four references name records of the bundled data (two IDs, each twice); one names none
    twice = {**interview("event:b"), "part_of": "event:nowhere"}
    path = _write(tmp_path, "json", {"events": [interview(), twice]})
    code, out, _ = _run(capsys, "validate", str(path))
    said = " ".join(out.split())
    assert code == 1 and said.startswith("5 problems")
    assert "note: 4 of these references name records of the bundled dataset kazakhstan" in said


def test_base_on_the_commands_that_read_a_dataset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(_write(tmp_path, "json", {"events": [interview()]}))
    code, out, _ = _run(capsys, "timeline", KOZLOV, "--data", path, "--base", "kazakhstan")
    assert code == 0 and "event:kozlov-interview" in out
    code, out, _ = _run(
        capsys, "show", "event:kozlov-interview", "--data", path, "--base", "kazakhstan", "--json"
    )
    assert code == 0 and json.loads(out)["id"] == "event:kozlov-interview"
    code, _, err = _run(capsys, "timeline", KOZLOV, "--base", "kazakhstan")
    assert code == 2 and "give the dataset that builds on it with --data PATH" in " ".join(
        err.split()
    )
    code, _, err = _run(capsys, "validate", path, "--base", "no-such-dataset")
    assert code == 2 and "no bundled dataset has this name" in " ".join(err.split())
    # without --base, each command's problems end with the note, the command line as given
    code, _, err = _run(capsys, "timeline", KOZLOV, "--data", path)
    said = "".join(err.split())  # (compared without spaces: wrapped, a long path cut)
    assert code == 1 and "'person:vladimir-kozlov'doesnotexist" in said
    assert f"rightsdata--basekazakhstantimeline{KOZLOV}--data{shlex.quote(path)}" in said
    folder = str(_write(tmp_path, "folder", {"events": [interview()]}))
    code, _, err = _run(capsys, "fmt", folder)
    assert code == 1 and f"rightsdata--basekazakhstanfmt{shlex.quote(folder)}" in "".join(
        err.split()
    )
    # none where the references name no bundled record
    unknown = {
        **interview(),
        "participants": [{"actor": "person:nobody", "role": "victim"}],
        "citations": [{"source": "source:nowhere"}],
    }
    (tmp_path / "other").mkdir()
    other = str(_write(tmp_path / "other", "json", {"events": [unknown]}))
    code, _, err = _run(capsys, "timeline", "person:nobody", "--data", other)
    assert code == 1 and "--base" not in err


def test_a_base_with_problems_is_said_to_be_the_bases(
    make_folder: MakeFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = make_folder({"persons.json": [person_doc("person:x", name=5)]})
    path = str(_write(tmp_path, "json", {"events": [interview()]}))
    code, _, err = _run(capsys, "validate", path, "--base", str(bad))
    assert code == 1
    assert f"2 problems in {bad} (the base, --base):" in " ".join(err.split())
    assert "persons.json[0] person:x.name" in err


# --- any valid dataset, split into a base and what builds on it ----------------------------


def _closed(whole: Dataset, seeds: set[str]) -> set[str]:
    """``seeds`` and every ID they refer to, however indirectly: a base that loads alone."""
    from rightsdata._validation.integrity import _references

    found, todo = set(seeds), list(seeds)
    while todo:
        for _, target in _references(whole.get(todo.pop())):
            if target not in found:
                found.add(target)
                todo.append(target)
    return found


@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(testing.dataset_documents(max_per_kind=3), st.data())
def test_a_dataset_split_into_a_base_and_the_rest_loads_as_the_whole(
    documents: dict[str, list[dict[str, Any]]], data: st.DataObject
) -> None:
    whole = rightsdata.load_documents(documents)
    ids = sorted(record.id for record in whole)
    in_base = _closed(whole, set(data.draw(st.lists(st.sampled_from(ids), unique=True))))
    split = [
        {
            kind: [d for d in docs if (d["id"] in in_base) == side]
            for kind, docs in documents.items()
        }
        for side in (True, False)
    ]
    base = rightsdata.load_documents(split[0])
    both = rightsdata.load_documents(split[1], base=base)
    assert both == whole
    assert [r.id for r in both if r.id not in base] == [r.id for r in whole if r.id not in in_base]
    # the indexes of the kinds both hold answer as the whole's do
    actors: list[Person | Organization | Group] = [
        *whole.persons,
        *whole.organizations,
        *whole.groups,
    ]
    for actor in actors:
        assert both.timeline(actor.id) == whole.timeline(actor.id)
        assert both.related(actor.id) == whole.related(actor.id)
    for source in whole.sources:
        assert both.cited_by(source.id) == whole.cited_by(source.id)


def test_fmt_base_rewrites_the_folders_own_records_only(
    make_folder: MakeFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_folder(
        {
            "datapackage.json": descriptor(),
            "events.json": [interview("event:z"), interview("event:b")],
            "redirects.json": [{"id": "event:old", "to": "event:b"}],
        }
    )
    code, _, err = _run(capsys, "fmt", str(folder))  # alone, its references are to no record
    assert code == 1 and "'source:hrf-2012-12-14' does not exist" in " ".join(err.split())
    code, out, _ = _run(capsys, "fmt", str(folder), "--base", "kazakhstan")
    assert code == 0 and "rewrote" in out
    written = json.loads((folder / "events.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in written] == ["event:b", "event:z"]
    assert json.loads((folder / "redirects.json").read_text(encoding="utf-8")) == [
        {"id": "event:old", "to": "event:b"}
    ]
    assert sorted(p.name for p in folder.iterdir()) == [
        "datapackage.json",
        "events.json",
        "redirects.json",
    ]
    assert _run(capsys, "fmt", "--check", str(folder), "--base", "kazakhstan")[0] == 0
    both = rightsdata.load_path(folder, base=rightsdata.load())  # its hashes hold
    assert both.get("event:old").id == "event:b"
    code, _, err = _run(capsys, "fmt", "--check", "--base", "kazakhstan")
    assert code == 2 and "give the folders that build on it" in " ".join(err.split())


@pytest.mark.parametrize("edit", ["stale hash", "byte-order mark"])
def test_fmt_advice_of_a_load_over_a_base_gives_the_base_too(
    make_folder: MakeFolder, capsys: pytest.CaptureFixture[str], edit: str
) -> None:
    """A stale hash found by `validate FOLDER --base kazakhstan` was told "run `rightsdata
    fmt FOLDER`", which refused the folder: alone, its references to the base's records
    dangle; then `--base ...`, which cannot be run as printed; a byte-order mark was told
    `rightsdata fmt --base ...`, naming no folder. The command line's advice now gives the
    base as given, and each command printed, run as printed, works. A load in Python, where
    the base is no word of a command, says `--base ...`."""
    import re

    folder = make_folder({"datapackage.json": descriptor(), "events.json": [interview("event:z")]})
    assert _run(capsys, "fmt", "--hashes", str(folder), "--base", "kazakhstan")[0] == 0
    events = folder / "events.json"
    if edit == "stale hash":
        events.write_text(events.read_text("utf-8").replace("event:z", "event:y"), "utf-8")
    else:
        events.write_bytes(b"\xef\xbb\xbf" + events.read_bytes())
    problems = rightsdata.validate(folder, base=rightsdata.load())
    word = shlex.quote(str(folder))
    assert any(f"`rightsdata fmt {word} --base ...`" in p.message for p in problems)
    code, out, _ = _run(capsys, "validate", str(folder), "--base", "kazakhstan")
    said = " ".join(out.split())
    commands = set(re.findall(r"`(rightsdata fmt [^`]*)`", said))
    assert code == 1 and commands == {f"rightsdata fmt {word} --base kazakhstan"}, said
    assert _run(capsys, "fmt", str(folder))[0] == 1  # (what the advice was)
    (command,) = commands
    assert _run(capsys, *shlex.split(command)[1:])[0] == 0
    assert _run(capsys, "validate", str(folder), "--base", "kazakhstan")[0] == 0


def test_a_record_with_problems_of_its_own_still_clashes_with_the_base(
    make_folder: MakeFolder,
) -> None:
    person = person_doc(KOZLOV, name=5, citations=[{"source": HRF}])
    assert _problems(make_folder({"persons.json": [person]})) == [
        f"persons.json[0] {KOZLOV}.name: expected text, got an integer (5)",
        f"persons.json[0] {KOZLOV}.id: '{KOZLOV}' is already the id of a record of {BUNDLED}; "
        "a dataset built on it gives its own records ids of their own",
    ]


# --- Dataset(records, base=...): records built in Python over a base ----------------------


def _built(kinds: Mapping[str, list[dict[str, Any]]]) -> dict[str, list[Any]]:
    """The records of ``kinds`` (each kind's documents), as built in Python."""
    from rightsdata._validation.convert import structure

    return {
        kind: [structure(kind_named(kind), doc) for doc in docs] for kind, docs in kinds.items()
    }


def _both_ways(
    kinds: Mapping[str, list[dict[str, Any]]], base: Dataset, **arguments: Any
) -> tuple[Dataset | list[str], Dataset | list[str]]:
    """``Dataset(records of kinds, base=base)`` and ``load_documents(kinds, base=base)``: each
    the dataset, or its problems (location, after ``documents:`` for the documents'; code;
    message), in order."""

    def made() -> Dataset:
        return Dataset(_built(kinds), base=base, **arguments)

    def loaded() -> Dataset:
        return rightsdata.load_documents(kinds, base=base, **arguments)

    found: list[Dataset | list[str]] = []
    builds: list[tuple[Callable[[], Dataset], str]] = [(made, ""), (loaded, "documents:")]
    for build, prefix in builds:
        try:
            found.append(build())
            continue
        except InvalidDataError as exc:
            problems = exc.problems
        assert all(p.location.startswith(prefix) for p in problems)
        found.append(
            sorted(f"{p.location.removeprefix(prefix)} [{p.code}] {p.message}" for p in problems)
        )
    return found[0], found[1]


def test_a_dataset_built_in_python_over_the_bundled_data_holds_both() -> None:
    base = rightsdata.load()
    event = _built({"events": [interview()]})["events"][0]
    with pytest.raises(InvalidDataError, match=f"'{KOZLOV}' does not exist"):
        Dataset({"events": [event]})  # alone, its references are to no record
    both = Dataset({"events": [event]}, base=base)
    assert both.timeline(KOZLOV)[-1] is event
    assert len(both) == len(base) + 1 and both.redirects == base.redirects
    assert [r.id for r in both if r.id not in base] == ["event:kozlov-interview"]
    # named, versioned and described as given, as a load over a base is: not as the base
    assert (both.name, both.version, both.descriptor) == (None, None, None)
    named = Dataset({"events": [event]}, base=base, name="mine", version="0.1.0")
    assert (named.name, named.version) == ("mine", "0.1.0")
    # a format declared holds the records given, not the base's (as a load over a base holds
    # its own files alone): the base's dates include sets and some of its figures say what
    # they count (of), and a descriptor declaring 2 or 3 is taken, the dataset saying 4
    assert base.format == 4
    for declared in (2, 3, 4):
        declaring = Dataset(
            {"events": [event]}, base=base, descriptor={"rightsdata_format": declared}
        )
        assert declaring.format == 4
    # nothing of its own: the base's records and redirects
    same = Dataset({}, base=base, name=base.name, version=base.version, descriptor=base.descriptor)
    assert same == base
    made, loaded = _both_ways({"events": [interview()]}, base)
    assert made == loaded == both


def test_a_dataset_over_a_base_pickles() -> None:
    import pickle

    both = Dataset(_built({"events": [interview()]}), base=rightsdata.load(), name="mine")
    again = pickle.loads(pickle.dumps(both))
    assert again == both and again.name == "mine" and again.redirects == both.redirects
    assert again.timeline(KOZLOV)[-1].id == "event:kozlov-interview"


@pytest.mark.parametrize("given", ["kazakhstan", {"persons": []}, 3])
def test_dataset_base_that_is_not_a_dataset_is_a_type_error(given: object) -> None:
    with pytest.raises(TypeError) as caught:
        Dataset({}, base=given)  # type: ignore[arg-type]
    with pytest.raises(TypeError) as loaded:
        rightsdata.load_documents({}, base=given)  # type: ignore[arg-type]
    assert str(caught.value) == str(loaded.value)


def _cases() -> dict[str, tuple[dict[str, list[dict[str, Any]]], dict[str, Any], list[str]]]:
    """Records over the bundled dataset, the arguments given with them, and the problems
    both ways report (empty: valid)."""
    place = dict(FLAT)
    retired = "org:kazakhstan-authorities"
    return {
        "into the base": (
            {
                "places": [place],
                "events": [
                    interview(part_of="event:kozlov-trial-2012", places=["place:kozlov-flat"])
                ],
            },
            {"redirects": {"person:kozlov": KOZLOV, "org:authorities": retired}},
            [],
        ),
        "a clash with a base id": (
            {"persons": [person_doc(KOZLOV, citations=[{"source": HRF}])]},
            {},
            [
                f"persons[0] {KOZLOV}.id [integrity] '{KOZLOV}' is already the id of a record "
                f"of {BUNDLED}; a dataset built on it gives its own records ids of their own"
            ],
        ),
        "an id the base retired": (
            {"organizations": [{"id": retired, "name": "A", "kind": "ngo", "citations": [CITE]}]},
            {},
            [
                f"organizations[0] {retired}.citations[0].source [integrity] 'source:doc' "
                "does not exist",
                f"organizations[0] {retired}.id [integrity] '{retired}' is an id {BUNDLED} "
                "retired (it redirects to 'group:kazakhstan-authorities'); give this record an "
                "id of its own",
            ],
        ),
        "a reference to an id the base retired": (
            {"events": [interview(participants=[{"actor": retired, "role": "perpetrator"}])]},
            {},
            [
                "events[0] event:kozlov-interview.participants[0].actor [integrity] "
                f"'{retired}' does not exist; {BUNDLED} retired it: it redirects to "
                "'group:kazakhstan-authorities'"
            ],
        ),
        "a cycle among the new records": (
            {
                "events": [
                    interview("event:x", part_of="event:y"),
                    interview("event:y", part_of="event:x"),
                ]
            },
            {},
            [
                "events[0] event:x.part_of [integrity] part_of forms a cycle: event:x -> "
                "event:y -> event:x"
            ],
        ),
        "a victim of the base born after the event": (
            {
                "events": [
                    interview(date="1950", participants=[{"actor": KOZLOV, "role": "victim"}])
                ]
            },
            {},
            [
                f"events[0] event:kozlov-interview.participants[0].actor [integrity] "
                f"'{KOZLOV}' was born {rightsdata.load().persons[KOZLOV].born}, after this "
                "event (1950)"
            ],
        ),
        "redirects over the base": (
            {"events": [interview()]},
            {
                "redirects": {
                    KOZLOV: "event:kozlov-interview",
                    retired: "group:kazakhstan-authorities",
                    "event:old-interview": "event:gone",
                }
            },
            [
                f"redirects[0].id [integrity] '{KOZLOV}' is still the id of a record of "
                f"{BUNDLED}; a redirect replaces a retired id",
                f"redirects[0].to [integrity] '{KOZLOV}' redirects to 'event:kozlov-interview', "
                "a record of another kind",
                f"redirects[1].id [integrity] '{retired}' is redirected by {BUNDLED} already "
                "(to 'group:kazakhstan-authorities'); an id is redirected once",
                "redirects[2].to [integrity] 'event:gone' does not exist",
            ],
        ),
    }


@pytest.mark.parametrize("case", list(_cases()))
def test_dataset_over_a_base_judges_as_load_documents_over_it(case: str) -> None:
    kinds, arguments, problems = _cases()[case]
    made, loaded = _both_ways(kinds, rightsdata.load(), **arguments)
    assert made == loaded
    if problems:
        assert made == sorted(problems)
    else:
        assert isinstance(made, Dataset) and len(made) == len(rightsdata.load()) + sum(
            map(len, kinds.values())
        )
        assert made.get("org:authorities").id == "group:kazakhstan-authorities"


@pytest.mark.parametrize(
    ("rating", "problem"),
    [
        (_rating("rating:e-2023", "2023", "closed", previous="repressed"), None),
        (
            _rating("rating:e-2023", "2023", "closed", previous="open"),
            "ratings[0] rating:e-2023.previous [integrity] says the level before was 'open', "
            "but the rating before it (rating:b-2021 of the base dataset (rated 2.0.0), as of "
            "2021) is 'repressed'",
        ),
        (_rating("rating:e-2020", "2020", "obstructed"), None),
        (
            _rating("rating:e-2020", "2020", "open"),
            "ratings[0] rating:e-2020.as_of [integrity] comes before rating:b-2021 of the base "
            "dataset (rated 2.0.0) (as of 2021), which says the level before it was "
            "'obstructed', but this rating's level is 'open'",
        ),
    ],
)
def test_dataset_ratings_join_the_bases_sequences_as_a_load_does(
    rating: dict[str, Any], problem: str | None
) -> None:
    base = _rated_base()
    made, loaded = _both_ways({"ratings": [rating]}, base)
    assert made == loaded
    if problem is None:
        assert isinstance(made, Dataset) and len(made.ratings(country="place:kz")) == 3
    else:
        assert made == [problem]


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(testing.dataset_documents(max_per_kind=3), st.data())
def test_a_dataset_built_over_a_split_base_is_what_load_documents_builds(
    documents: dict[str, list[dict[str, Any]]], data: st.DataObject
) -> None:
    """Any valid dataset split into a base and the rest (optionally with one of the base's
    records again, a clash): Dataset(rest, base=) and load_documents(rest, base=) agree, on
    the whole dataset or on the problems."""
    whole = rightsdata.load_documents(documents)
    ids = sorted(record.id for record in whole)
    in_base = _closed(whole, set(data.draw(st.lists(st.sampled_from(ids), unique=True))))
    base = rightsdata.load_documents(
        {kind: [d for d in docs if d["id"] in in_base] for kind, docs in documents.items()}
    )
    rest = {kind: [d for d in docs if d["id"] not in in_base] for kind, docs in documents.items()}
    clash = data.draw(st.none() | st.sampled_from(sorted(in_base))) if in_base else None
    if clash is not None:
        kind = next(k for k, docs in documents.items() if any(d["id"] == clash for d in docs))
        rest[kind] = [*rest[kind], *(d for d in documents[kind] if d["id"] == clash)]
    made, loaded = _both_ways(rest, base)
    assert made == loaded
    if clash is None:
        assert made == whole
    else:
        assert isinstance(made, list) and any("is already the id" in p for p in made)
