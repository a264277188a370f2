"""``Problem.redirects_to``: where a reference to no record names a retired ID (a redirect's
``id``, of the data's own redirects or of its base's), the ID the redirects lead it to, so
that a program rewrites the reference without reading the message (it was in the message
alone); and why problems stay equal by their location, message and code."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

import rightsdata
from rightsdata import Problem, ProblemCode
from rightsdata._cli.main import main

from conftest import event_doc, person_doc, source_doc, write_folder

_RETIRED = "org:kazakhstan-authorities"  # (datasets/kazakhstan/redirects.json)
_SUCCESSOR = "group:kazakhstan-authorities"


def _event(*actors: str) -> dict[str, object]:
    """An event citing a source of the bundled dataset, naming ``actors`` as perpetrators."""
    participants = [{"actor": actor, "role": "perpetrator"} for actor in actors]
    return event_doc(participants=participants, citations=[{"source": "source:hrf-2012-12-14"}])


def _said(problems: object) -> list[tuple[str | None, str | None]]:
    assert isinstance(problems, list | tuple)
    return sorted((p.missing_id, p.redirects_to) for p in problems)


def test_a_load_over_a_base_gives_the_id_a_retired_one_redirects_to(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "mine", {"events.json": [_event(_RETIRED, "org:nobody")]})
    with pytest.raises(rightsdata.InvalidDataError) as caught:
        rightsdata.load_path(folder, base=rightsdata.load())
    assert _said(caught.value.problems) == [(_RETIRED, _SUCCESSOR), ("org:nobody", None)]
    (retired,) = [p for p in caught.value.problems if p.redirects_to is not None]
    assert retired.code == ProblemCode.INTEGRITY
    assert retired._asdict()["redirects_to"] == _SUCCESSOR
    # validate() over a base, load_documents() and Dataset(..., base=) alike
    found = rightsdata.validate(folder, base=rightsdata.load())
    assert _said(found) == [(_RETIRED, _SUCCESSOR), ("org:nobody", None)]
    with pytest.raises(rightsdata.InvalidDataError) as caught:
        rightsdata.load_documents({"events": [_event(_RETIRED)]}, base=rightsdata.load())
    assert _said(caught.value.problems) == [(_RETIRED, _SUCCESSOR)]


def test_a_record_that_failed_gives_it_too(tmp_path: Path) -> None:
    """A record with problems of its own has its references judged apart (the failed
    records' path of the check): the ID that replaces a retired one is given there too."""
    event = {**_event(_RETIRED), "date": "2012-13-01"}
    with pytest.raises(rightsdata.InvalidDataError) as caught:
        rightsdata.load_documents({"events": [event]}, base=rightsdata.load())
    said = [(p.field, p.missing_id, p.redirects_to) for p in caught.value.problems]
    assert ("participants[0].actor", _RETIRED, _SUCCESSOR) in said
    assert ("date", None, None) in said


def test_the_datas_own_redirects_give_it_where_they_lead(tmp_path: Path) -> None:
    """An ID the data's own redirects retired: the end of their chain, as the message says."""
    folder = write_folder(
        tmp_path / "mine",
        {
            "sources.json": [source_doc()],
            "persons.json": [person_doc("person:new")],
            "events.json": [event_doc(participants=[{"actor": "person:old", "role": "victim"}])],
            "redirects.json": [
                {"id": "person:old", "to": "person:mid"},
                {"id": "person:mid", "to": "person:new"},
            ],
        },
    )
    (problem,) = rightsdata.validate(folder)
    assert (problem.missing_id, problem.redirects_to) == ("person:old", "person:new")
    assert "'person:new'" in problem.message


def test_redirects_that_lead_to_no_record_give_none(tmp_path: Path) -> None:
    """(They gave the ID at the end of the chain, which no record has: a program rewriting
    the reference by it wrote another reference to nothing.) A redirect to nothing, and
    redirects in a cycle, are problems of their own; the reference gets no successor."""
    for redirects in (
        [{"id": "person:old", "to": "person:gone"}],
        [{"id": "person:old", "to": "person:mid"}, {"id": "person:mid", "to": "person:old"}],
    ):
        folder = write_folder(
            tmp_path / str(len(redirects)),
            {
                "sources.json": [source_doc()],
                "persons.json": [person_doc("person:new")],
                "events.json": [
                    event_doc(participants=[{"actor": "person:old", "role": "victim"}])
                ],
                "redirects.json": redirects,
            },
        )
        found = [p for p in rightsdata.validate(folder) if p.missing_id == "person:old"]
        assert [(p.missing_id, p.redirects_to) for p in found] == [("person:old", None)]


class _Noted(Problem):
    """A program's own problem, with an attribute of its own."""

    __slots__ = ("note",)


def test_a_pickle_made_before_redirects_to_still_reads() -> None:
    """A subclass's pickle made before ``redirects_to`` was added named its class right after
    ``missing_id``; read again, it is of that class (the class was taken for
    ``redirects_to`` and refused)."""
    from rightsdata._values.errors import _unpickle_problem

    made = _unpickle_problem(  # (the arguments of such a pickle, in their order)
        "x.json", "is empty", "value", "x.json", None, None, None, None, None, "person:old", _Noted
    )
    assert type(made) is _Noted and made.missing_id == "person:old"
    assert made.redirects_to is None
    now = _Noted("x.json", "is empty", missing_id="person:old", redirects_to="person:new")
    object.__setattr__(now, "note", "mine")
    again = pickle.loads(pickle.dumps(now))
    assert (type(again), again.redirects_to, again.note) == (_Noted, "person:new", "mine")


def _base_retiring_old(tmp_path: Path) -> Path:
    """A base, a JSON document that is no bundled dataset, whose ``person:old`` redirects to
    its ``person:new``."""
    base = tmp_path / "base.json"
    doc = {
        "sources": [source_doc()],
        "persons": [person_doc("person:new")],
        "redirects": [{"id": "person:old", "to": "person:new"}],
    }
    base.write_text(json.dumps(doc), encoding="utf-8")
    return base


def test_a_base_given_as_a_path_gives_it(tmp_path: Path) -> None:
    """A base that is no bundled dataset: the library knows its redirects all the same."""
    base = _base_retiring_old(tmp_path)
    mine = {"events": [event_doc(participants=[{"actor": "person:old", "role": "victim"}])]}
    with pytest.raises(rightsdata.InvalidDataError) as caught:
        rightsdata.load_documents(mine, base=rightsdata.load_path(base))
    assert _said(caught.value.problems) == [("person:old", "person:new")]


def test_the_command_line_takes_it_from_the_problem_over_any_base(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """(Over a base given as a path, ``--json`` said no ``redirects_to``: the command line
    looked only in the bundled datasets.) Every problem has the key, null where it does not
    apply, as it has ``missing_id``."""
    base = _base_retiring_old(tmp_path)
    participants = [
        {"actor": "person:old", "role": "victim"},
        {"actor": "person:x", "role": "victim"},
    ]
    mine = tmp_path / "mine.json"
    mine.write_text(json.dumps({"events": [event_doc(participants=participants)]}), "utf-8")
    assert main(["validate", str(mine), "--base", str(base), "--json"]) == 1
    shown = json.loads(capsys.readouterr().out)
    said = sorted((p["missing_id"], p["redirects_to"]) for p in shown)
    assert said == [("person:old", "person:new"), ("person:x", None)]
    assert all("bundled" not in p for p in shown)  # (no bundled dataset's ID)


def test_a_problem_made_by_hand_keeps_it_and_pickles_it() -> None:
    made = Problem(
        "events.json[0] event:a.participants[0].actor",
        f"{_RETIRED!r} does not exist",
        "integrity",
        missing_id=_RETIRED,
        redirects_to=_SUCCESSOR,
    )
    assert made.redirects_to == _SUCCESSOR
    assert pickle.loads(pickle.dumps(made)).redirects_to == _SUCCESSOR
    assert Problem("x.json", "is empty").redirects_to is None
    with pytest.raises(TypeError, match="redirects_to"):
        Problem("x.json", "is empty", redirects_to=5)  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        made.redirects_to = "group:x"


def test_problems_that_differ_in_their_message_alone_stay_two() -> None:
    """Equality keeps the message (the decision: docs/loading.md): a record's ``id`` used
    twice in the data and also the base's is two ``integrity`` problems at one location,
    told apart by their messages alone, which a set of problems must keep."""
    kozlov = "person:vladimir-kozlov"
    person = {"id": kozlov, "name": "A", "citations": []}
    with pytest.raises(rightsdata.InvalidDataError) as caught:
        rightsdata.load_documents({"persons": [person, person]}, base=rightsdata.load())
    at_id = [p for p in caught.value.problems if p.location.endswith(f"[1] {kozlov}.id")]
    assert len(at_id) == 2 and {p.code for p in at_id} == {ProblemCode.INTEGRITY}
    first, second = at_id
    assert first._asdict() | {"message": ""} == second._asdict() | {"message": ""}
    assert first != second and len({first, second}) == 2
    # equal problems hash alike, whatever parts a hand-made one leaves out
    again = Problem(first.location, first.message, first.code)
    assert again == first and hash(again) == hash(first)
