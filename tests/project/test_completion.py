"""What a notebook user sees without reading the docs: ``dir()`` and tab completion of the
public modules, and IPython's completion of the IDs in ``collection["...``."""

from __future__ import annotations

import functools
import importlib
import inspect
import warnings
from pathlib import Path
from typing import Any

import attrs
import pytest

import rightsdata
from rightsdata import MissingExtraError
from rightsdata._model.fields import spec_of
from rightsdata._model.records import PARTS, RECORD_TYPES

from conftest import PUBLIC_MODULES, ROOT


def test_the_public_modules_are_found() -> None:
    assert {
        "rightsdata.display",
        "rightsdata.plot",
        "rightsdata.schema",
        "rightsdata.tables",
        "rightsdata.testing",
        "rightsdata.textcard",
        "rightsdata.vocab",
    } <= set(PUBLIC_MODULES)


@pytest.mark.parametrize("module_name", PUBLIC_MODULES)
def test_dir_of_a_public_module_lists_its_public_names_not_its_imports(
    module_name: str,
) -> None:
    # IPython's completer and help() walk dir(): an imported helper listed there
    # (rightsdata.textcard.format_duration, .schema.jsonschema) looks like API.
    try:
        module = importlib.import_module(module_name)
    except MissingExtraError as exc:
        pytest.skip(str(exc))
    public: set[str] = set(module.__all__)
    if module is rightsdata:
        public |= {name for name in dir(module) if f"rightsdata.{name}" in PUBLIC_MODULES}
    listed = set(dir(module))
    assert {name for name in listed - public if not name.startswith("_")} == set()
    assert public <= listed


@pytest.mark.parametrize("cls", [*RECORD_TYPES.values(), *PARTS], ids=lambda cls: cls.__name__)
def test_a_record_completes_its_fields_and_documented_names_only(cls: type) -> None:
    # The loader's tables (which fields name IDs, which it groups by, the rules' lines) were
    # public class attributes (Event.NAMES, GROUPS, RULES) completing beside the fields.
    documented = {"kind_name", "label"} if cls in RECORD_TYPES.values() else set()
    public = {name for name in dir(cls) if not name.startswith("_")}
    assert public - set(attrs.fields_dict(cls)) == documented


def test_kind_name_and_label_are_documented_in_the_api_page() -> None:
    records = (ROOT / "docs" / "api.md").read_text(encoding="utf-8").split("## Records")[1]
    assert "`kind_name`" in records.split("```")[0]
    assert "`label`" in records.split("```")[0]


@functools.cache
def instances() -> dict[type, object]:
    """One instance of every record and part class, from the bundled dataset."""
    found: dict[type, object] = {}

    def walk(value: object) -> None:
        if isinstance(value, tuple):
            for item in value:
                walk(item)
        elif attrs.has(cls := type(value)):
            found.setdefault(cls, value)
            for field in attrs.fields(cls):
                walk(getattr(value, field.name))

    for record in rightsdata.load():
        walk(record)
    return found


@pytest.mark.parametrize("cls", [*RECORD_TYPES.values(), *PARTS], ids=lambda cls: cls.__name__)
def test_a_record_signature_shows_the_defaults_the_constructor_gives(cls: type) -> None:
    # An optional field's default is made by a counting factory (for the fast path), which
    # attrs shows as `= NOTHING` in help(), `Event?` and Jupyter's call tooltip.
    signature = inspect.signature(cls)
    assert "NOTHING" not in str(signature)
    example = instances().get(cls) or rightsdata.Coordinates(latitude=43.24, longitude=76.89)
    given = {name: getattr(example, name) for name in signature.parameters}
    optional = [p for p in signature.parameters.values() if p.default is not p.empty]
    for parameter in optional:
        others = {name: value for name, value in given.items() if name != parameter.name}
        try:
            built = cls(**others)
        except rightsdata.FieldError:  # a rule needs it beside another (Figure's best)
            continue
        assert getattr(built, parameter.name) == parameter.default, parameter.name


@pytest.mark.parametrize("cls", [*RECORD_TYPES.values(), *PARTS], ids=lambda cls: cls.__name__)
def test_help_of_a_record_class_tells_what_each_field_holds(cls: type) -> None:
    # Each field's meaning is in its spec (attrs metadata, docs/data-model.md's source); the
    # class docstring, which help(), `Event?` and the API page show, lists them.
    doc = inspect.getdoc(cls) or ""
    head, _, attributes = doc.partition("\n\nAttributes:\n\n")
    assert head and attributes, doc
    meanings: dict[str, list[str]] = {}
    for line in attributes.splitlines():
        if line.startswith("    "):
            meanings[list(meanings)[-1]].append(line.strip())
        else:
            meanings[line] = []
    assert {name: " ".join(words) for name, words in meanings.items()} == {
        field.name: spec_of(field).doc for field in attrs.fields(cls)
    }


def test_the_api_docs_show_a_record_signature_with_its_real_defaults(tmp_path: Path) -> None:
    # autodoc_preserve_defaults (docs/conf.py) reads the defaults from the source of
    # __init__, which it found through __wrapped__: attrs' generated `= NOTHING`.
    sphinx = pytest.importorskip("sphinx.cmd.build")
    conf = (ROOT / "docs" / "conf.py").read_text(encoding="utf-8")
    settings = [line for line in conf.splitlines() if line.startswith("autodoc_")]
    (tmp_path / "conf.py").write_text(
        "\n".join(['extensions = ["sphinx.ext.autodoc"]', *settings]), encoding="utf-8"
    )
    (tmp_path / "index.rst").write_text(
        ".. autoclass:: rightsdata.Citation\n\n.. autoclass:: rightsdata.Event\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    args = ["-q", "-b", "text", "-d", str(tmp_path / "doctrees"), str(tmp_path), str(out)]
    assert sphinx.build_main(args) == 0
    text = (out / "index.txt").read_text(encoding="utf-8")
    assert "locator: str | None = None" in text
    assert "places: tuple[str, ...] = ()" in text
    assert "NOTHING" not in text


def completions(namespace: dict[str, object], line: str, evaluation: str = "limited") -> list[str]:
    """What IPython's completer (without jedi) offers at the end of ``line``, with
    ``evaluation`` its policy (IPython's default is "limited"); the shell is left as it was."""
    shell = pytest.importorskip("IPython.core.interactiveshell").InteractiveShell.instance()
    completer = shell.Completer
    before = completer.use_jedi, completer.evaluation
    shell.user_ns.update(namespace)
    completer.use_jedi, completer.evaluation = False, evaluation
    try:
        with warnings.catch_warnings():  # (complete() is "pending deprecation")
            warnings.simplefilter("ignore", PendingDeprecationWarning)
            _, matches = shell.complete(None, line, len(line))
    finally:
        completer.use_jedi, completer.evaluation = before
        for name in namespace:
            del shell.user_ns[name]
    return list(matches)


@pytest.mark.parametrize("kind", rightsdata.KINDS)
def test_ipython_completes_the_ids_of_a_collection(kind: str) -> None:
    # What docs/queries.md says: a collection's IDs complete after `persons["`, and after
    # `ds.persons["` where IPython may evaluate a property.
    ds = rightsdata.load()
    collection = getattr(ds, kind)
    record_id = collection[-1].id
    kind_prefix, slug = record_id.split(":")
    for namespace, line, evaluation in [
        ({"records": collection}, f'records["{kind_prefix}:{slug[:-2]}', "limited"),
        ({"ds": ds}, f'ds.{kind}["{kind_prefix}:{slug[:-2]}', "unsafe"),
    ]:
        found = completions(namespace, line, evaluation)
        # (IPython completes the text after the last punctuation, ':' here)
        assert slug in found, (line, found)
        assert all(f"{kind_prefix}:{rest}" in collection for rest in found), found


def test_ipython_completes_the_names_of_the_tables_mappings() -> None:
    from rightsdata.tables import FORMATS, TABLES

    tables = completions({"TABLES": TABLES}, 'TABLES["events.')
    assert "events.participants" in tables, tables
    assert all(name in TABLES for name in tables), tables
    assert "jsonl" in completions({"FORMATS": FORMATS}, 'FORMATS["js')


def test_ipython_completes_the_retired_ids_of_the_redirects() -> None:
    # ds.redirects was a mapping proxy, whose keys IPython does not complete.
    ds = rightsdata.load()
    redirects = ds.redirects
    found = completions({"redirects": redirects}, 'redirects["org:kazakhstan-auth')
    assert "kazakhstan-authorities" in found, found
    assert all(f"org:{rest}" in redirects for rest in found), found
    assert "kazakhstan-authorities" in completions(
        {"ds": ds}, 'ds.redirects["org:kazakhstan-auth', "unsafe"
    )


def test_the_redirects_are_a_read_only_view_as_a_mapping_proxy_was() -> None:
    ds = rightsdata.load()
    redirects: Any = ds.redirects  # (typed a Mapping: copy, | and reversed are the proxy's)
    with pytest.raises(TypeError):
        redirects["org:x"] = "org:y"
    assert not hasattr(redirects, "pop") and not hasattr(redirects, "update")
    assert redirects == dict(redirects) == redirects.copy()
    assert redirects | {"org:x": "org:y"} == {**redirects, "org:x": "org:y"}
    assert {"org:x": "org:y"} | redirects == {"org:x": "org:y", **redirects}
    assert redirects.get("org:nothing") is None and redirects.get("org:nothing", "") == ""
    assert list(reversed(redirects)) == list(reversed(list(redirects)))


@pytest.mark.parametrize("cls", [*RECORD_TYPES.values(), *PARTS], ids=lambda cls: cls.__name__)
def test_a_field_of_a_record_class_has_its_meaning_as_its_docstring(cls: type) -> None:
    # `Event.status?` showed no text: the field is a slot, whose docstring is made with the
    # class; the class docstring's "Attributes:" list alone said what it holds.
    for field in attrs.fields(cls):
        descriptor = inspect.getattr_static(cls, field.name)
        assert type(descriptor).__name__ == "member_descriptor", field.name  # (as fast)
        assert inspect.getdoc(descriptor) == spec_of(field).doc, field.name


def test_ipython_shows_a_fields_meaning_after_a_question_mark() -> None:
    shell = pytest.importorskip("IPython.core.interactiveshell").InteractiveShell.instance()
    shell.user_ns["Event"] = rightsdata.Event
    try:
        shown = shell.object_inspect_text("Event.status")
    finally:
        del shell.user_ns["Event"]
    field = attrs.fields_dict(rightsdata.Event)["status"]
    assert " ".join(spec_of(field).doc.split()[:6]) in " ".join(shown.split()), shown
