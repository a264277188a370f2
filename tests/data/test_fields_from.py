"""Every field a later format added (``FIELDS_FROM``) is held to its format by the entry alone:
a dataset using it needs that format, one declaring an older format is refused at each value
(and at each key written null), and ``fmt`` never writes the key into an older format's folder.

The format functions read ``FIELDS_FROM`` and walk the parts that hold a field, so the test
runs on each real entry and on made-up ones (a citation's ``locator``, in records and in
their figures; an event's ``summary``; a penalty's ``term``) patched into the map: a new
field needs nothing else in ``rightsdata._values.format``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

import rightsdata
from rightsdata import KINDS
from rightsdata._data import canonical
from rightsdata._model.records import RECORD_TYPES
from rightsdata._values import format as formats
from rightsdata._values.places import Places

from conftest import ROOT, without_key

#: Fields the bundled dataset holds values of, made format 4's in a test: a part's field held
#: in records and in their figures, a record's own field, a field of a part held alone.
MADE_UP: dict[tuple[str, str], formats.FormatVersion] = {
    ("Citation", "locator"): 4,
    ("Event", "summary"): 4,
    ("Penalty", "term"): 4,
}


@pytest.fixture(params=[*formats.FIELDS_FROM, *MADE_UP], ids=lambda entry: ".".join(entry))
def entry(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """A ``FIELDS_FROM`` entry: a real one, or a made-up one patched into the map."""
    chosen: tuple[str, str] = request.param
    patched = {**formats.FIELDS_FROM, **MADE_UP}
    for module in (formats, canonical):
        monkeypatch.setattr(module, "FIELDS_FROM", patched)
    monkeypatch.setattr(formats, "_newer_of", {})
    monkeypatch.setattr(formats, "_newer_keys", {})
    return chosen


def _paths(entry: tuple[str, str]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Each kind and path to ``entry``'s field in its records."""
    for kind, cls in RECORD_TYPES.items():
        for path, found, _ in formats.newer_paths(cls):
            if found == entry:
                yield kind, path


def _documents(keep: tuple[str, str] | None) -> dict[str, list[dict[str, Any]]]:
    """The bundled dataset's records as JSON, without a value of any newer field but
    ``keep``'s."""
    documents = rightsdata.load().to_dict()
    for other in formats.FIELDS_FROM:
        if other != keep:
            for kind, path in _paths(other):
                for document in documents.get(kind, []):
                    without_key(document, path)
    return documents


def test_a_dataset_using_a_newer_field_needs_its_format(entry: tuple[str, str]) -> None:
    format = formats.FIELDS_FROM[entry]
    assert list(_paths(entry)), f"no record holds {entry}"
    without = rightsdata.load_documents(_documents(None))
    assert without.format < format
    using = rightsdata.load_documents(_documents(entry))
    records: dict[str, Any] = {kind: getattr(using, kind) for kind in KINDS}
    held = [found for found in formats.newer_values(records) if found[3] == entry]
    assert held, f"the bundled dataset holds no {entry}"
    assert formats.needed_format(records) == using.format == format
    assert formats.lowest_format(records) == format
    # declaring the format before it is refused, at each value and only there
    problems = formats.format_problems(records, format - 1, "datapackage.json")
    told = {(p.kind, p.record_id, p.field) for p in problems}
    assert told == {(kind, records[kind][index].id, path) for kind, index, path, _, _ in held}
    assert all(f"needs format {format}" in p.message for p in problems)
    assert not formats.format_problems(records, format, "datapackage.json")


def test_fmt_never_writes_a_newer_field_into_an_older_format(entry: tuple[str, str]) -> None:
    format = formats.FIELDS_FROM[entry]
    dataset = rightsdata.load_documents(_documents(None))
    for version in formats.READABLE[: formats.READABLE.index(format)]:
        # (format 1 writes every field it has, null where empty: never this one, even null)
        files = canonical.render_folder(dataset, format=version)
        for kind, path in _paths(entry):
            written = json.loads(files.get(f"{kind}.json", "[]"))
            assert written, kind
            assert not formats.null_field_problems(
                RECORD_TYPES[kind], written, Places(kind, f"{kind}.json"), version
            ), (version, kind, path)


def test_a_newer_field_written_null_is_refused_in_an_older_format(entry: tuple[str, str]) -> None:
    format = formats.FIELDS_FROM[entry]
    kind, path = next(_paths(entry))
    document: dict[str, Any] = {"id": "x:a"}
    at: dict[str, Any] = document
    for step in path[:-1]:
        at[step] = [{}]
        at = at[step][0]
    at[path[-1]] = None
    data = json.dumps([document]).encode()
    assert formats.may_write_null_field(format - 1, data)
    assert not formats.may_write_null_field(format, data)
    (problem,) = formats.null_field_problems(
        RECORD_TYPES[kind], [document], Places(kind, "f.json"), format - 1
    )
    assert (
        problem.field
        == ".".join(f"{step}[0]" for step in path[:-1]) + ("." if len(path) > 1 else "") + path[-1]
    )
    assert f"is format {format}'s, even null" in problem.message
    assert not formats.null_field_problems(
        RECORD_TYPES[kind], [document], Places(kind, "f.json"), format
    )


def test_a_definition_only_a_newer_field_uses_is_left_out_of_the_older_formats(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A vocabulary only a later format's field uses (a rating's scale, made format 4's) has
    no definition in an older format's ``common``, which would otherwise change with it."""
    import schemagen

    monkeypatch.setattr(schemagen, "FIELDS_FROM", {**formats.FIELDS_FROM, ("Rating", "scale"): 4})
    schemas = schemagen.generate()
    on_disk = {
        version: json.loads(
            (ROOT / "schemas" / formats.schema_file("common", version)).read_text("utf-8")
        )["$defs"]
        for version in formats.SCHEMA_FORMATS
    }
    for version in formats.SCHEMA_FORMATS:
        defined = schemas[formats.schema_file("common", version)]["$defs"]
        gone = {"rating_scale"} if version < 4 else set()
        assert set(defined) == set(on_disk[version]) - gone, version
