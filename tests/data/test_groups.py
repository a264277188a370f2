"""Groups (``groups.json``, ``group:``): collective and unnamed actors, end to end.

Loading with and without the file, both validation paths, integrity, the collections and
queries that take actors, search, tables, cards, the command line, the plot's subject, the
strategies and the schema.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, SupportsInt, cast

import pytest
from hypothesis import HealthCheck, Phase, find, settings

import rightsdata
from rightsdata import Citation, Group, InvalidDataError
from rightsdata._cli.main import main
from rightsdata._data.canonical import format_folder, sha256
from rightsdata._validation.convert import structure_many
from rightsdata._validation.fastpath import decode_with_ids
from rightsdata.vocab import MEANINGS, GroupKind

from conftest import CITE, ROOT, event_doc, person_doc, source_doc, write_folder

if TYPE_CHECKING:
    from rightsdata import KindName


def org_doc(record_id: str = "org:un") -> dict[str, Any]:
    return {
        "id": record_id,
        "name": "United Nations",
        "kind": "intergovernmental",
        "citations": [CITE],
    }


def group_doc(record_id: str = "group:oil-workers", **changes: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": record_id,
        "name": "Oil workers of Zhanaozen",
        "kind": "workers",
        "size": 37,
        "country": "KZ",
        "summary": "Oil workers tried together after the killings.",
        "figures": [
            {
                "measure": "participants",
                "unit": "people",
                "qualifier": "imprecise",
                "as_given": "thousands",
                "asserted_by": "org:un",
                "citations": [CITE],
            }
        ],
        "citations": [CITE],
    }
    doc.update(changes)
    return doc


def rapporteur_doc() -> dict[str, Any]:
    return {
        "id": "group:unnamed-un-rapporteur",
        "name": "An unnamed UN rapporteur",
        "kind": "unnamed_individual",
        "belongs_to": "org:un",
        "citations": [CITE],
    }


def files(**extra: Any) -> dict[str, Any]:
    """A folder's files: a source, a person, an organisation, two groups, an event in which a
    group is a defendant and charged, a statement by a group to a group, a relationship."""
    event = event_doc(
        participants=[
            {"actor": "person:a", "role": "defendant"},
            {"actor": "group:oil-workers", "role": "defendant"},
        ],
        charges=[],
    )
    content: dict[str, Any] = {
        "sources.json": [source_doc()],
        "persons.json": [person_doc()],
        "organizations.json": [org_doc()],
        "groups.json": [group_doc(), rapporteur_doc()],
        "events.json": [event],
        "statements.json": [
            {
                "id": "statement:a",
                "speaker": "group:unnamed-un-rapporteur",
                "kind": "concern",
                "summary": "Concern about the trial.",
                "addressed_to": ["group:oil-workers"],
                "about": ["group:oil-workers"],
                "citations": [CITE],
            }
        ],
        "relationships.json": [
            {
                "id": "relationship:a",
                "subject": "person:a",
                "kind": "colleague_of",
                "object": "group:oil-workers",
                "citations": [CITE],
            }
        ],
    }
    content.update(extra)
    return content


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_folder(tmp_path / "with-groups", files())


@pytest.fixture
def ds(folder: Path) -> rightsdata.Dataset:
    return rightsdata.load_path(folder)


# --- the model --------------------------------------------------------------------------------


def test_group_is_a_record_kind_with_its_prefix_and_vocabulary() -> None:
    assert "groups" in rightsdata.KINDS
    assert rightsdata.KINDS.index("groups") == rightsdata.KINDS.index("organizations") + 1
    group = Group(
        id="group:crowd",
        name="Pro-Beijing mobs",
        kind="crowd",  # type: ignore[arg-type]  # (a term's text: made the term, below)
        citations=(Citation(source="source:doc"),),
    )
    assert group.kind is GroupKind.CROWD and group.size is None and group.figures == ()
    assert group.label == "Pro-Beijing mobs"
    assert repr(group) == "<Group group:crowd crowd 'Pro-Beijing mobs'>"
    assert all(MEANINGS[term] for term in GroupKind)
    cite = Citation(source="source:doc")
    with pytest.raises(rightsdata.FieldError, match="size"):
        Group(id="group:x", name="X", kind=GroupKind.CROWD, size=-1, citations=(cite,))
    with pytest.raises(rightsdata.FieldError, match="belongs_to"):
        Group(id="group:x", name="X", kind=GroupKind.CROWD, belongs_to="group:y", citations=(cite,))
    with pytest.raises(rightsdata.FieldError, match="id"):
        Group(id="org:x", name="X", kind=GroupKind.CROWD, citations=(cite,))


def test_actor_fields_accept_groups_and_say_so() -> None:
    _, problems = structure_many(
        "events",
        [event_doc(participants=[{"actor": "place:x", "role": "victim"}])],
        "events.json",
    )
    assert "a person, an organisation or a group" in problems[0].message


# --- loading ----------------------------------------------------------------------------------


def test_a_folder_without_groups_json_loads_as_before(tmp_path: Path) -> None:
    content = files()
    del content["groups.json"], content["statements.json"]
    content["events.json"] = [event_doc()]
    content["relationships.json"][0]["object"] = "org:un"
    folder = write_folder(tmp_path / "old", content)
    dataset = rightsdata.load_path(folder)
    assert len(dataset.groups) == 0 and dataset.counts()["groups"] == 0
    assert format_folder(folder) != []  # made canonical (it had no descriptor) ...
    assert not (folder / "groups.json").exists()  # ... without creating groups.json
    names = [
        r["path"]
        for r in json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))["resources"]
    ]
    assert "groups.json" not in names
    assert format_folder(folder, check=True) == []


def test_a_folder_with_groups_json_loads_them(ds: rightsdata.Dataset) -> None:
    assert [g.id for g in ds.groups] == ["group:oil-workers", "group:unnamed-un-rapporteur"]
    oil = ds.groups["group:oil-workers"]
    assert ds.get("group:oil-workers") is oil and ds.get(oil.id, Group) is oil
    assert oil.size == 37 and oil.figures[0].as_given == "thousands"
    assert ds.collection("groups") is ds.groups


def test_both_paths_agree_on_groups(folder: Path) -> None:
    data = (folder / "groups.json").read_bytes()
    fast, _ = decode_with_ids("groups", data)
    slow, problems = structure_many("groups", json.loads(data), "groups.json")
    assert problems == [] and fast == slow
    # and whole loads: the fast path (default) and the diagnostic path (schema=True)
    assert rightsdata.load_path(folder) == rightsdata.load_path(folder, schema=True)
    bad = json.loads(data)
    bad[0]["size"] = -3
    (folder / "groups.json").write_text(json.dumps(bad), encoding="utf-8")
    for schema in (False, True):
        with pytest.raises(InvalidDataError) as caught:
            rightsdata.load_path(folder, schema=schema)
        assert "groups.json[0] group:oil-workers.size" in [
            p.location for p in caught.value.problems
        ]


def test_fmt_writes_groups_json_listed_with_hash_and_size(folder: Path) -> None:
    format_folder(folder, hashes=True)
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    (entry,) = [r for r in descriptor["resources"] if r["path"] == "groups.json"]
    text = (folder / "groups.json").read_text(encoding="utf-8")
    assert entry["hash"] == sha256(text) and entry["bytes"] == len(text.encode("utf-8"))
    assert entry["schema"].endswith("groups")
    assert [r["name"] for r in descriptor["resources"]][:4] == [
        "sources",
        "persons",
        "organizations",
        "groups",
    ]
    assert format_folder(folder, check=True) == []
    # the descriptor vouches for the file: a changed groups.json no longer loads
    (folder / "groups.json").write_text(text.replace("Zhanaozen", "Zhanaozen town"), "utf-8")
    with pytest.raises(InvalidDataError, match=r"resources\[3\]"):
        rightsdata.load_path(folder)


def test_an_emptied_groups_json_is_kept_not_deleted(folder: Path) -> None:
    content = files()
    content["groups.json"] = []
    content["events.json"] = [event_doc()]
    del content["statements.json"]
    content["relationships.json"][0]["object"] = "org:un"
    (folder / "statements.json").unlink()
    write_folder(folder, content)
    format_folder(folder)
    assert json.loads((folder / "groups.json").read_text(encoding="utf-8")) == []


# --- integrity --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "edit", "location"),
    [
        (
            "events.json",
            lambda docs: docs[0]["participants"].append({"actor": "group:x", "role": "victim"}),
            "events.json[0] event:a.participants[2].actor",
        ),
        (
            "statements.json",
            lambda docs: docs[0].update(speaker="group:x"),
            "statements.json[0] statement:a.speaker",
        ),
        (
            "groups.json",
            lambda docs: docs[1].update(belongs_to="org:missing"),
            "groups.json[1] group:unnamed-un-rapporteur.belongs_to",
        ),
    ],
)
def test_a_dangling_group_reference_is_invalid(
    tmp_path: Path, file: str, edit: Any, location: str
) -> None:
    content = files()
    edit(content[file])
    folder = write_folder(tmp_path / "dangling", content)
    with pytest.raises(InvalidDataError) as caught:
        rightsdata.load_path(folder)
    assert [(p.location, p.code) for p in caught.value.problems] == [(location, "integrity")]


def test_a_python_dataset_checks_group_references() -> None:
    source = rightsdata.structure("sources", source_doc())
    group = rightsdata.structure("groups", rapporteur_doc())  # belongs_to org:un: absent
    with pytest.raises(InvalidDataError, match="org:un"):
        rightsdata.Dataset({"sources": [source], "groups": [group]})


# --- queries ----------------------------------------------------------------------------------


def test_a_group_as_participant_is_found_by_involving(ds: rightsdata.Dataset) -> None:
    assert [e.id for e in ds.events(involving="group:oil-workers")] == ["event:a"]
    assert [e.id for e in ds.events(involving=ds.groups["group:oil-workers"], role="defendant")]
    assert ds.timeline("group:oil-workers") == ds.events(involving="group:oil-workers")
    assert ds.events(involving="group:unnamed-un-rapporteur") == []
    assert [s.id for s in ds.statements(speaker="group:unnamed-un-rapporteur")] == ["statement:a"]
    assert [s.id for s in ds.statements(addressed_to="group:oil-workers")] == ["statement:a"]
    related = ds.related("group:oil-workers")
    assert [r.id for r in related.relationships] == ["relationship:a"]
    assert [s.id for s in related.statements] == ["statement:a"]
    assert [e.id for e in related.events] == ["event:a"]
    assert ds.get("group:oil-workers") in ds.cited_by("source:doc")


def test_search_finds_groups_by_name(ds: rightsdata.Dataset) -> None:
    assert [r.id for r in ds.search("oil workers")] == ["group:oil-workers"]
    assert [r.id for r in ds.search("rapporteur", kinds="groups")] == [
        "group:unnamed-un-rapporteur"
    ]


# --- tables -----------------------------------------------------------------------------------


def test_the_groups_table_and_the_shared_figures_table(ds: rightsdata.Dataset) -> None:
    from rightsdata.tables import TABLES, rows

    table = TABLES["groups"]
    assert table.column_names == (
        "id",
        "name",
        "kind",
        "size",
        "belongs_to",
        "country",
        "summary",
    )
    assert [(k.columns, k.table) for k in table.foreign_keys] == [
        (("belongs_to",), "organizations")
    ]
    assert list(rows(ds, table)) == [
        (
            "group:oil-workers",
            "Oil workers of Zhanaozen",
            "workers",
            37,
            None,
            "KZ",
            "Oil workers tried together after the killings.",
        ),
        (
            "group:unnamed-un-rapporteur",
            "An unnamed UN rapporteur",
            "unnamed_individual",
            None,
            "org:un",
            None,
            None,
        ),
    ]
    columns = TABLES["figures"].column_names
    said, by = columns.index("as_given"), columns.index("asserted_by")
    figures = [r for r in rows(ds, TABLES["figures"]) if r[0] == "group:oil-workers"]
    assert [(r[0], r[1], r[said], r[by]) for r in figures] == [
        ("group:oil-workers", 0, "thousands", "org:un")
    ]
    labels = {r[0]: (r[1], r[2]) for r in rows(ds, TABLES["records"])}
    assert labels["group:oil-workers"] == ("groups", "Oil workers of Zhanaozen")


def test_to_pandas_includes_groups(ds: rightsdata.Dataset) -> None:
    pytest.importorskip("pandas")
    every = ds.to_pandas()
    assert "groups" in every
    assert every["groups"].loc["group:unnamed-un-rapporteur", "belongs_to"] == "org:un"
    size = every["groups"].loc["group:oil-workers", "size"]
    assert isinstance(size, SupportsInt)
    assert int(size) == 37


def test_groups_round_trip_through_every_export(ds: rightsdata.Dataset, tmp_path: Path) -> None:
    from rightsdata.tables import documents_from_rows, read_directory

    ds.export(tmp_path / "json", "json")
    assert rightsdata.load_path(tmp_path / "json").to_dict() == ds.to_dict()
    assert (tmp_path / "json" / "groups.json").exists()
    ds.export(tmp_path / "csv", "csv")
    documents, _ = documents_from_rows(read_directory(tmp_path / "csv"))
    assert documents["groups"] == ds.to_dict()["groups"]


# --- display ----------------------------------------------------------------------------------


def test_the_html_card_of_a_group(ds: rightsdata.Dataset) -> None:
    card = ds.groups["group:oil-workers"]._repr_html_()
    for shown in ("Group · workers", "Oil workers of Zhanaozen", "37", "thousands", "events"):
        assert shown in card, shown
    rapporteur = ds.groups["group:unnamed-un-rapporteur"]._repr_html_()
    assert "belongs to" in rapporteur and "United Nations" in rapporteur
    assert "Group · unnamed individual" in rapporteur


def test_the_text_card_of_a_group(ds: rightsdata.Dataset) -> None:
    from rightsdata.textcard import text_card

    card = text_card(ds.groups["group:oil-workers"], ds, width=80)
    lines = card.splitlines()
    assert lines[:2] == ["Oil workers of Zhanaozen", "Group · workers · group:oil-workers"]
    assert any(line.startswith("size") and line.endswith("37") for line in lines)
    assert card.count("according to United Nations") == 1  # its one figure, shown once
    # (a dataset made in Python: no command names it, so the card gives the count alone)
    # (and the years its events could be in, as the HTML card says them)
    assert any(re.fullmatch(r"events +1 event \(\d{4}\)", line) for line in lines), lines
    shown = text_card(ds.groups["group:oil-workers"], ds, width=80, options=" --data my-data")
    folded = " ".join(shown.split())
    assert re.search(
        r"1 event \(\d{4}\); `rightsdata timeline group:oil-workers --data my-data`", folded
    )
    rapporteur = text_card(ds.groups["group:unnamed-un-rapporteur"], ds, width=80)
    assert "belongs to  United Nations" in rapporteur


def test_the_command_line_shows_and_finds_groups(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["show", "group:oil-workers", "--data", str(folder)])
    assert "Group · workers · group:oil-workers" in capsys.readouterr().out
    main(["search", "oil", "workers", "--data", str(folder)])
    out = capsys.readouterr().out
    assert out.splitlines()[:2] == ["group  Oil workers of Zhanaozen", "       group:oil-workers"]
    main(["timeline", "group:oil-workers", "--data", str(folder)])
    assert "Oil workers of Zhanaozen: 1 event" in capsys.readouterr().out
    main(["events", "--involving", "group:oil-workers", "--data", str(folder)])
    assert "1 event (--involving group:oil-workers)" in capsys.readouterr().out
    main(["validate", str(folder)])
    assert "2 groups" in capsys.readouterr().out


def test_a_plot_subject_may_be_a_group(ds: rightsdata.Dataset) -> None:
    from rightsdata._display.marks import subject_events

    subject = subject_events(ds, "group:oil-workers")
    assert subject.heading == "Oil workers of Zhanaozen — 1 event" and not subject.is_case
    assert [e.id for e in subject.events] == ["event:a"]


# --- strategies and schema --------------------------------------------------------------------


def test_the_strategies_draw_groups() -> None:
    from rightsdata.testing import dataset_documents, groups, records

    # generate only (no shrinking: shrinking a whole dataset costs minutes)
    quiet = settings(
        max_examples=200,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
        phases=[Phase.generate],
    )
    group = find(groups(), lambda g: g.size is not None and bool(g.figures), settings=quiet)
    assert isinstance(group, Group)
    assert isinstance(find(records("groups"), lambda g: True, settings=quiet), Group)
    drawn = find(dataset_documents(max_per_kind=1), lambda d: bool(d["groups"]), settings=quiet)
    dataset = rightsdata.Dataset(
        {
            kind: [rightsdata.structure(cast("KindName", kind), doc) for doc in docs]
            for kind, docs in drawn.items()
        }
    )
    assert len(dataset.groups) == len(drawn["groups"]) > 0  # and the references resolve


def test_the_groups_schema_accepts_a_group_and_names_its_rules() -> None:
    pytest.importorskip("jsonschema")
    from rightsdata.schema import schema_problems

    assert schema_problems("groups", group_doc(), "g") == []
    assert [p.location for p in schema_problems("groups", group_doc(kind="mob"), "g")] == [
        "g group:oil-workers.kind"
    ]
    root = ROOT
    schema = json.loads((root / "schemas" / "groups.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["belongs_to"]["pattern"].startswith("^(?:org):")
