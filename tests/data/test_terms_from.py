"""Every vocabulary term a later format added (``TERMS_FROM``) is held to its format by the
entry alone: an older format's schemas leave it out of the enum, the strategies for readers
of an older format never draw it, a dataset holding it needs that format (what ``fmt`` and
the writers declare), and one declaring an older format is refused at each term.

``TERMS_FROM`` is empty today, so the test runs on made-up entries patched into the map,
each alone, as if format 4 had added them: an event's kind (a record's own field), a
participant's role (a part held in a list), a figure's qualifier (a part held by most
kinds, and a strategy written by hand) and an identifier's scheme (drawn by hand with the
value in its form), each held by the bundled dataset; and on every real
entry once there are some (one the bundled dataset does not hold is found in a dataset the
strategies draw).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import find
from hypothesis.errors import NoSuchExample
from schemagen import generate

import rightsdata
from rightsdata import KINDS, testing
from rightsdata._data.canonical import format_folder, render_folder
from rightsdata._data.loading import read_folder
from rightsdata._model.records import RECORD_TYPES, Record
from rightsdata._values import format as formats
from rightsdata._values.errors import InvalidDataError
from rightsdata._values.hints import field_hints, leaf_types, nested_part
from rightsdata.vocab import VOCABULARIES

from conftest import kind_named, searching, without_key

#: Terms the bundled dataset holds, made format 4's in a test.
MADE_UP: dict[tuple[str, str], formats.FormatVersion] = {
    ("EventKind", "strike"): 4,
    ("Role", "observer"): 4,
    ("FigureQualifier", "less_than"): 4,
    ("IdentifierScheme", "iso_3166_1"): 4,
}

_VOCABULARIES = {vocabulary.__name__: vocabulary for vocabulary in VOCABULARIES}


def _clear_caches() -> None:
    """Forget what was made from the map: the format functions' paths, the strategies."""
    formats._newer_of.clear()
    for made in vars(testing).values():
        if callable(getattr(made, "cache_clear", None)):
            made.cache_clear()


@pytest.fixture(params=[*formats.TERMS_FROM, *MADE_UP], ids=lambda entry: ".".join(entry))
def entry(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, str]]:
    """A ``TERMS_FROM`` entry: a real one, or a made-up one patched into the map alone."""
    chosen: tuple[str, str] = request.param
    patched = {**formats.TERMS_FROM, chosen: {**formats.TERMS_FROM, **MADE_UP}[chosen]}
    monkeypatch.setattr(formats, "TERMS_FROM", patched)
    _clear_caches()
    yield chosen
    monkeypatch.undo()
    _clear_caches()


def test_every_entry_names_a_term_of_a_vocabulary_and_a_later_format() -> None:
    for (vocabulary, term), format in formats.TERMS_FROM.items():
        assert vocabulary in _VOCABULARIES, vocabulary
        assert term in {t.value for t in _VOCABULARIES[vocabulary]}, (vocabulary, term)
        assert format in formats.READABLE[1:], (vocabulary, term, format)


def test_an_entry_that_names_no_term_is_said_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formats, "TERMS_FROM", {("EventKind", "picnic"): 4})
    monkeypatch.setattr(formats, "_newer_of", {})
    with pytest.raises(ValueError, match="TERMS_FROM names 'picnic' of EventKind, which has no"):
        formats.needed_format({"events": rightsdata.load().events})


def _before(format: formats.FormatVersion) -> formats.FormatVersion:
    """The format before ``format``."""
    return formats.READABLE[formats.READABLE.index(format) - 1]


def _kinds(entry: tuple[str, str]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Each kind and path to a field that may hold ``entry``'s term in its records (read
    from the model here, not from the code under test)."""
    for kind, cls in RECORD_TYPES.items():
        for path in _paths(cls, entry[0], frozenset({cls})):
            yield kind, path


def _paths(cls: type, vocabulary: str, seen: frozenset[type]) -> Iterator[tuple[str, ...]]:
    for name, hint in field_hints(cls).items():
        if vocabulary in {getattr(leaf, "__name__", None) for leaf in leaf_types(hint)}:
            yield (name,)
        nested, _ = nested_part(hint)
        if nested is not None and nested not in seen:
            for path in _paths(nested, vocabulary, seen | {nested}):
                yield (name, *path)


def _where(entry: tuple[str, str], kind: str, record: Record) -> list[str]:
    """Where ``record`` (of ``kind``) holds ``entry``'s term (``participants[0].role``)."""
    found = []
    for at, path in _kinds(entry):
        if at == kind:
            found += [where for where, value in _at(record, path) if value == entry[1]]
    return found


def _at(item: Any, path: tuple[str, ...], said: str = "") -> Iterator[tuple[str, Any]]:
    value = getattr(item, path[0])
    if len(path) == 1:
        yield said + path[0], value
    elif isinstance(value, tuple):
        for index, part in enumerate(value):
            yield from _at(part, path[1:], f"{said}{path[0]}[{index}].")
    elif value is not None:
        yield from _at(value, path[1:], f"{said}{path[0]}.")


def _held(entry: tuple[str, str], records: Mapping[str, Sequence[Record]]) -> set[Any]:
    """Each ``(kind, record ID, field)`` where ``records`` hold ``entry``'s term."""
    return {
        (kind, record.id, where)
        for kind, items in records.items()
        for record in items
        for where in _where(entry, kind, record)
    }


def _holds(entry: tuple[str, str], kind: str, record: Record) -> bool:
    return bool(_where(entry, kind, record))


def test_older_formats_schemas_leave_the_term_out(entry: tuple[str, str]) -> None:
    vocabulary, term = entry
    name = "".join(f"_{c.lower()}" if c.isupper() else c for c in vocabulary).lstrip("_")
    schemas = generate()  # (the generator's, in memory: the files are the real model's)
    for version in formats.SCHEMA_FORMATS:
        defined = schemas[formats.schema_file("common", version)]["$defs"][name]
        newer = version < formats.TERMS_FROM[entry]
        assert (term in defined["enum"]) is not newer, version
        assert (f"; {term}: " in defined["description"]) is not newer, version
        others = [t.value for t in _VOCABULARIES[vocabulary] if t.value != term]
        assert [t for t in defined["enum"] if t != term] == others, version


def test_the_strategies_for_an_older_format_never_draw_the_term(entry: tuple[str, str]) -> None:
    format = formats.TERMS_FROM[entry]
    kinds = dict(_kinds(entry))
    assert kinds, f"no record holds {entry}"
    # the term's format's strategies draw it, as a term of format 1 is drawn...
    first = next(iter(kinds))
    find(
        testing.records(kind_named(first), format=format),
        lambda record: _holds(entry, first, record),
        settings=searching(2000),
    )
    # ...and those of the format before never do: searched at length in that kind, briefly in
    # the others that may hold it (a figure's strategy is the same in every kind)
    for kind in kinds:
        _never_drawn(entry, kind, _before(format), _SEARCHED if kind == first else 50)


def _never_drawn(
    entry: tuple[str, str], kind: str, format: formats.FormatVersion, searched: int
) -> None:
    """Assert that ``format``'s strategy for ``kind`` draws no record holding ``entry``'s
    term in ``searched`` draws (derandomized: the same draws each run)."""
    with pytest.raises(NoSuchExample):
        find(
            testing.records(kind_named(kind), format=format),
            lambda record: _holds(entry, kind, record),
            settings=searching(searched),
        )


#: How many records a search for a term the strategies should not draw looks at: where the
#: strategies did not leave the later format's terms out, one of each made-up entry was
#: drawn within it (in 150, not all were: Hypothesis draws simple records often).
_SEARCHED = 300


#: The documents :func:`_documents` drew for an entry, by the entry.
_drawn: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = {}


def _documents(entry: tuple[str, str]) -> dict[str, list[dict[str, Any]]]:
    """Records as JSON that hold ``entry``'s term (the bundled dataset's, if it does, else a
    dataset the strategies draw), without a value of any newer field (a figure's ``of``), so
    that the term alone needs its format."""
    bundled = rightsdata.load()
    records: dict[str, Any] = {kind: getattr(bundled, kind) for kind in KINDS}
    if _held(entry, records):
        documents = bundled.to_dict()
    else:  # (a real term the bundled dataset has no use for: seconds to find, once)
        if entry not in _drawn:
            _drawn[entry] = find(
                testing.datasets(format=formats.TERMS_FROM[entry]),
                lambda dataset: bool(_held(entry, {k: getattr(dataset, k) for k in KINDS})),
                settings=searching(500),
            ).to_dict()
        documents = copy.deepcopy(_drawn[entry])
    for kind, cls in RECORD_TYPES.items():
        for path, _, _ in formats.newer_paths(cls):
            for document in documents.get(kind, []):
                without_key(document, path)
    return documents


def test_a_dataset_holding_the_term_needs_its_format(entry: tuple[str, str]) -> None:
    format = formats.TERMS_FROM[entry]
    using = rightsdata.load_documents(_documents(entry))
    records: dict[str, Any] = {kind: getattr(using, kind) for kind in KINDS}
    held = _held(entry, records)
    assert held
    assert formats.needed_format(records) == using.format == format
    assert formats.lowest_format(records) == format
    # the records that hold no such term need an older one
    kept = {
        kind: [r for r in items if not _holds(entry, kind, r)] for kind, items in records.items()
    }
    assert formats.needed_format(kept) < format
    # declaring the format before it is refused, at each term and only there
    problems = formats.format_problems(records, format - 1, "datapackage.json")
    told = {(p.kind, p.record_id, p.field) for p in problems}
    assert told == held
    vocabulary, term = entry
    said = f"the {vocabulary} term {term!r} needs format {format}, and the dataset declares"
    assert all(p.message.startswith(said) for p in problems), problems[0].message
    assert not formats.format_problems(records, format, "datapackage.json")


def _folder(tmp_path: Path, entry: tuple[str, str], declared: int | None) -> Path:
    """A folder of :func:`_documents`, as the writers write it, declaring ``declared`` (the
    format the writer chose if None)."""
    folder = tmp_path / "data"
    folder.mkdir(parents=True)
    files = render_folder(rightsdata.load_documents(_documents(entry)), hashes=False)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    if declared is not None:
        package = json.loads(files[formats.DESCRIPTOR])
        package[formats.FORMAT_KEY] = declared
        (folder / formats.DESCRIPTOR).write_text(json.dumps(package), encoding="utf-8")
    return folder


def _declared(folder: Path) -> object:
    package = json.loads((folder / formats.DESCRIPTOR).read_text(encoding="utf-8"))
    return package[formats.FORMAT_KEY]


def test_the_writers_and_fmt_declare_the_terms_format(
    entry: tuple[str, str], tmp_path: Path
) -> None:
    format = formats.TERMS_FROM[entry]
    written = _folder(tmp_path / "written", entry, None)
    assert _declared(written) == format
    assert rightsdata.load_path(written).format == format
    # a folder declaring the format before it is refused at load, at each term; fmt
    # --upgrade declares the format it needs
    older = _folder(tmp_path / "older", entry, format - 1)
    with pytest.raises(InvalidDataError) as raised:
        rightsdata.load_path(older)
    told = {(p.kind, p.record_id, p.field) for p in raised.value.problems}
    assert told == _held_in(entry, older)
    assert all(f"needs format {format}" in p.message for p in raised.value.problems)
    format_folder(older, upgrade=True)
    assert _declared(older) == format
    # undeclared (no descriptor): fmt declares the format the term needs
    (written / formats.DESCRIPTOR).unlink()
    format_folder(written)
    assert _declared(written) == format


def _held_in(entry: tuple[str, str], folder: Path) -> set[Any]:
    """:func:`_held` of the records of ``folder``, read whatever it declares."""
    dataset = read_folder(folder, declared_format=False)
    return _held(entry, {kind: getattr(dataset, kind) for kind in KINDS})
