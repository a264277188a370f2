"""The published formats' JSON Schemas are frozen: what schemas/v2/ and schemas/v3/ accept
never changes, nor, once a release has shipped it, what the newest format's accept.

A dataset that declares format 2 or 3 is checked by those schemas, under the same ``$id``, by
tools outside Python that fetched them once: a change there changes the meaning of a format
already written. ``scripts/generate_schemas.py`` builds every format's schemas from the one
model, leaving out of an older format only what ``rightsdata._values.format`` says came later
(``FIELDS_FROM``: a field by class and name; ``TERMS_FROM``: a vocabulary term by its
vocabulary and value; ``KINDS_FROM``: a record kind by its name; ``SETS_FROM``: a date that is
a set). Anything else added to the model (a field without a ``FIELDS_FROM`` entry, a term
without a ``TERMS_FROM`` one, a kind without a ``KINDS_FROM`` one) is silently written into
the older formats' schemas too, and this test is what tells.

The ledger holds, for each file, the sha256 of what it accepts: the file's JSON with the
annotations that validate nothing left out (``description``, ``title`` and ``$comment`` where
their value is text), written with sorted keys. A description reworded (a field's doc, a
term's meaning, the rules listed) may still be fixed in every format without touching the
ledger; a pattern, an enum, a property, a ``required`` or a bound may not.

The newest format's schemas (the top of ``schemas/``) are in the ledger only once released
(``RELEASED_FORMATS``): until then the newest format may still change. Releasing adds it to
``RELEASED_FORMATS`` and its lines to the ledger, keyed as the folder its schemas move to when
format N + 1 begins (``schema_file``: ``schemas/vN/``), so that the move changes no line.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Final

from schemagen import generate

from rightsdata._values.format import FORMAT, READABLE, RELEASED_FORMATS, SCHEMA_FORMATS

from conftest import ROOT

SCHEMAS: Final = ROOT / "schemas"

#: Each frozen format's schema file (an older format's, and the newest's once released), by
#: its path in schemas/ less ``.schema.json``, and the
#: sha256 of what it accepts (:func:`accepting`). Update it only for a change to an older
#: format made on purpose (a fix: what that format always meant to accept), with its reason
#: in the commit message and CHANGELOG.md; a failure of the test below prints the new lines.
LEDGER: Final[dict[str, str]] = {
    "v2/common": "e9eb14dbeec9b0bcbfd64384d78671d13597e035a7cfa548174a0b317c525a87",
    "v2/datapackage": "0bfac89689f082388d6cd0a145788cd21b5926ea3b0a13fae930436b05ec5cd1",
    "v2/events": "5bd93e0ea84df226be1017d390273d706296d8f23b68a9230c23d0b586f66ced",
    "v2/groups": "cca3a3b22ccd7751f20f626dbe2e9a90a972a5dc48d930f0a6a169df7f152655",
    "v2/laws": "106f2559e78be2ffb4faafd3fbeb53cd8bf52af91f6022e51e5c4f4bfa875055",
    "v2/organizations": "8b00774f7307daad4b60f6e83157ca45dfff73404f41f5ed30f6658273d1cd89",
    "v2/persons": "e98c67987494815164cd64092a26c593ff9011a8b09b57a5ec911d2838c9ec74",
    "v2/places": "35ef05f89f07c914cefdbe433e8bf6f0ce78bc536d0113b6731a4765906d2158",
    "v2/ratings": "5e96432cfb9519bc518b26a68e45148c0b1ec507c59b30e1d27867357225d43e",
    "v2/redirects": "0c70656d8ccff3994758a1dbb8df4aa41804e95ffdebbda80cd3ceb978538336",
    "v2/relationships": "0e07abd7d3c33c10c0f2831a9b03a3a6f6d7bc2800a648916acafff2163361ca",
    "v2/sources": "b0649dd7a50fad683973be3561a25d900759e15c424966a6f61af3c143ca3907",
    "v2/statements": "524e48350dd5240822593c271d6c36b3ef587813a26b613cefb8e6509f572ebb",
    "v3/common": "90fe465b24a7e45ede734b54ed1981d9af238fcee87f2f644ffb3bfabe461e9e",
    "v3/datapackage": "51883ff365237f62d8850e1780d1d806ded0a82c44edb9b4d26a09b84faa9fc1",
    "v3/events": "d0e02dd04dbc25d9b2f0d88cf305c2615877621f186dc2da957d2cd4a9801225",
    "v3/groups": "5694193eef0a39899f7366cc10741dcd5d21dff8fbedceeac32d6d71166ba9e4",
    "v3/laws": "1f066fedcefa5d63090fd8a88af513313c4f2a9c056364140973619ac6b50252",
    "v3/organizations": "c29032fcb8a888e2b36fb1c69d3ccb811fee1074678e383d1876a623cfe2099f",
    "v3/persons": "59b297fbe893ae41cdd7dfbcf43cd6f96bee6de99f4b002721b59f7f566bb426",
    "v3/places": "af11681f641675f66a46d346780b2ae0aa425037681744ec2258f521439dfbf2",
    "v3/ratings": "6f5d38e2cb8e66527dac409c646428646369cbcdf541a72eed63d5234ce31094",
    "v3/redirects": "c6fa2292375f7f2c402a8c4f9e7f9e3473057a0bd2786335c3528bf985b981b6",
    "v3/relationships": "f58fe4a60fa88cebe4399700041c202c2648d583e175e49c416fee9b321db0e8",
    "v3/sources": "98815862aa660b907ad0edb582d6c62ab5bf75559351cfab6f3b0b61e367f167",
    "v3/statements": "cb9171d196820a0f25058681233909f4b068600eae90c47c38448150e86b0c23",
}

#: The annotation keywords that validate nothing, left out of what a file accepts.
_ANNOTATIONS: Final = frozenset({"description", "title", "$comment"})

#: What a failure says to do.
_ADVICE: Final = (
    "the schemas of a frozen format (an older one, or one released) changed: a published "
    "format must keep accepting exactly "
    "what it accepted. A new field, vocabulary term or record kind needs a new format: add "
    "it to FIELDS_FROM, TERMS_FROM or KINDS_FROM in src/rightsdata/_values/format.py with the "
    "first format that has it (a new format if the newest is released: FormatVersion, FORMAT, "
    "READABLE, SCHEMA_FORMATS), and run scripts/generate_schemas.py (see "
    "docs/maintaining.md). If this is a fix of an "
    "older format's schema made on purpose, replace these lines of LEDGER in "
    "tests/project/test_frozen_schemas.py and say why in CHANGELOG.md"
)


def _without_annotations(value: Any) -> Any:
    """``value`` (a schema's JSON) without its annotations: a key of :data:`_ANNOTATIONS`
    whose value is text (a property named ``title`` or ``description`` holds a schema, an
    object, and stays)."""
    if isinstance(value, dict):
        return {
            key: _without_annotations(item)
            for key, item in value.items()
            if not (key in _ANNOTATIONS and isinstance(item, str))
        }
    if isinstance(value, list):
        return [_without_annotations(item) for item in value]
    return value


def accepting(schema: Any) -> str:
    """The sha256 of what ``schema`` (a schema's parsed JSON) accepts: its JSON without
    annotations, keys sorted.

    >>> accepting({"type": "string", "description": "a"}) == accepting({"type": "string"})
    True
    """
    text = json.dumps(
        _without_annotations(schema), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _frozen(names: list[str], released: tuple[int, ...] = RELEASED_FORMATS) -> dict[str, str]:
    """Those of ``names`` (paths in schemas/) that are a frozen format's, each by its key in
    :data:`LEDGER`: an older format's (``"v2/events"`` for ``v2/events.schema.json``), and,
    where the newest format is ``released``, the newest's (``"v4/events"`` for
    ``events.schema.json``, its key when it moves to ``v4/``).

    >>> _frozen(["events.schema.json", "v3/events.schema.json"], released=())
    {'v3/events': 'v3/events.schema.json'}
    >>> _frozen(["events.schema.json"], released=(FORMAT,)) == {
    ...     f"v{FORMAT}/events": "events.schema.json"
    ... }
    True
    """
    frozen = (name for name in sorted(names) if "/" in name or FORMAT in released)
    return {
        (name if "/" in name else f"v{FORMAT}/{name}").removesuffix(".schema.json"): name
        for name in frozen
    }


def _changed(found: dict[str, str]) -> str:
    """What differs between :data:`LEDGER` and ``found`` (each frozen file's hash), with the
    advice and the ledger's lines that would say ``found``; empty if nothing."""
    if found == LEDGER:
        return ""
    lines = [f"{name}: not in the ledger" for name in found if name not in LEDGER]
    lines += [f"{name}: gone" for name in LEDGER if name not in found]
    lines += [
        f"{name}: changed" for name in found if name in LEDGER and found[name] != LEDGER[name]
    ]
    new = [
        f'    "{name}": "{digest}",'
        for name, digest in sorted(found.items())
        if LEDGER.get(name) != digest
    ]
    return "\n".join([_ADVICE, "", *lines, "", "LEDGER's new lines:", *new])


def test_older_formats_schemas_are_frozen() -> None:
    # the committed files (what a release ships) and the generator's output (what the next
    # commit would ship once scripts/generate_schemas.py ran), each held to the ledger
    committed = [p.relative_to(SCHEMAS).as_posix() for p in SCHEMAS.rglob("*.schema.json")]
    on_disk = {
        key: accepting(json.loads((SCHEMAS / name).read_text("utf-8")))
        for key, name in _frozen(committed).items()
    }
    generated = generate()
    from_model = {key: accepting(generated[name]) for key, name in _frozen(list(generated)).items()}
    message = _changed(on_disk)
    assert not message, message
    message = _changed(from_model)
    assert not message, message


def test_the_ledger_holds_every_older_format_and_the_newest_once_released() -> None:
    assert {name.partition("/")[0] for name in LEDGER} == {
        f"v{format}" for format in SCHEMA_FORMATS if format != FORMAT or format in RELEASED_FORMATS
    }
    assert list(RELEASED_FORMATS) == sorted(set(RELEASED_FORMATS))
    assert set(RELEASED_FORMATS) <= set(READABLE)


def test_a_released_newest_format_is_frozen() -> None:
    """(The newest format was never frozen: a release that shipped it could see its schemas
    changed by the next field added, with no new format and no test failing.)"""
    committed = [p.relative_to(SCHEMAS).as_posix() for p in SCHEMAS.rglob("*.schema.json")]
    newest = {key for key in _frozen(committed, released=(FORMAT,)) if key not in LEDGER}
    assert newest == {
        f"v{FORMAT}/{p.name.removesuffix('.schema.json')}" for p in SCHEMAS.glob("*.schema.json")
    }
    found = {
        key: accepting(json.loads((SCHEMAS / name).read_text("utf-8")))
        for key, name in _frozen(committed, released=(FORMAT,)).items()
    }
    message = _changed(found)
    assert f"v{FORMAT}/events: not in the ledger" in message
    assert f'    "v{FORMAT}/events": "{found[f"v{FORMAT}/events"]}",' in message


def test_a_new_term_in_an_older_format_is_told() -> None:
    # what a vocabulary term added to the model without a TERMS_FROM entry does to format 2's
    # schemas (nothing keeps it out: the enum of every format takes it), and that the ledger
    # says so
    schema = json.loads((SCHEMAS / "v2/common.schema.json").read_text("utf-8"))
    schema["$defs"]["event_kind"]["enum"].append("new_term")
    found = {**LEDGER, "v2/common": accepting(schema)}
    message = _changed(found)
    assert message.startswith("the schemas of a frozen format (an older one, or one released)")
    assert "v2/common: changed" in message
    assert f'"v2/common": "{accepting(schema)}",' in message
    # a reworded description is no change to what the format accepts
    schema = json.loads((SCHEMAS / "v2/common.schema.json").read_text("utf-8"))
    schema["$defs"]["event_kind"]["description"] += " Reworded."
    assert accepting(schema) == LEDGER["v2/common"]
