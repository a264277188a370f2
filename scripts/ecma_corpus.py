"""Write a corpus of documents with Python's verdicts on them, for
``scripts/check_schemas_ecma.mjs`` (which validates each with ajv and compares).

``PYTHONPATH=src:scripts python scripts/ecma_corpus.py OUT.jsonl [--per-kind N]``

The corpus is JSON Lines, one case to a line, written as each is made and read line by line:
at the default 20 records per kind it is some 570 MB, more than a string Node can hold (a
single JSON document of it could be neither read whole by the checker nor built whole here).

The documents: for each record kind, N valid records (``rightsdata.testing.records``, drawn
with a fixed seed); for ``datapackage.json``, the bundled one and one with every property its
schema knows. Then copies of them with one change each, once per field (an item of a list
stands for all): the value replaced by each edge case (strings with a control character, a
line separator, a kind of white space, a non-ASCII digit, an astral character or a lone
surrogate put before, inside or after it; whole strings: empty, white space, a final line
feed, 600 and 601 characters; numbers: ``1.0``, ``-0.0``, ``1e2``, ``2**53``,
``10**400``...; other JSON types); and each object less each of its keys, or with a key a
JavaScript object inherits (``__proto__``, ``constructor``).

Each case carries two verdicts: ``schema``, whether ``jsonschema`` (Python's ``re``) finds it
valid against the shipped schema, and ``model``, whether rightsdata takes it (the model for a
record, ``descriptor_problems`` for ``datapackage.json``). Each document is checked against
each format's schemas (format 4's in ``schemas/``, format 3's and 2's in ``schemas/v3/``
and ``schemas/v2/``), a case
for each. The ECMA validator must agree with ``schema``; ``model`` may also refuse what JSON
Schema cannot say (each schema's description lists those rules).
"""

from __future__ import annotations

import argparse
import collections
import copy
import functools
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeAlias

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rightsdata._model.records import KINDS, KindName
from rightsdata._validation.convert import structure_many, unstructure
from rightsdata._validation.descriptor import descriptor_problems
from rightsdata._values.format import SCHEMA_FORMATS, FormatVersion, schema_file
from rightsdata.schema import load_schema, schema_problems
from rightsdata.testing import records

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

#: Where a value is in a document: keys and indexes.
Where: TypeAlias = tuple[str | int, ...]

ROOT: Final = Path(__file__).resolve().parent.parent

#: Characters where regex engines and the text rule may disagree: every C0 control, DEL, every
#: C1 control, and the white space and line breaks of Unicode, ECMA-262 and Python's ``re``
#: (``\s`` differs: ECMA-262's holds U+FEFF, Python's U+001C-U+001F), a no-break space, a
#: zero-width space, a Mongolian vowel separator (white space in older Unicode), non-ASCII
#: digits and letters (``\d``, ``\w``), astral characters (two UTF-16 code units) and lone
#: surrogates (which JSON can escape).
EDGE_CHARACTERS: Final = (
    *map(chr, range(0x20)),
    " ",
    *map(chr, range(0x7F, 0xA1)),
    "\u1680",
    *map(chr, range(0x2000, 0x200C)),
    "\u180e",
    "\u2028",
    "\u2029",
    "\u202f",
    "\u205f",
    "\u3000",
    "\ufeff",
    "\u0661",
    "\uff11",
    "\u0130",
    "\u212a",
    "\U0001f600",
    "\U000e0001",
    "\U0010ffff",
    "\ud800",
    "\udfff",
)

#: Whole strings put in place of a value.
EDGE_STRINGS: Final = (
    "",
    " ",
    "\n",
    "\r\n",
    "a\n",
    "\u2028",
    "\ufeff",
    "KZ",
    "KZ\n",
    "kz",
    "\uff2b\uff3a",
    "international",
    "person:a",
    "person:a\n",
    "person:A",
    "person:a-",
    "person:-a",
    "person:a--b",
    "person:\u0661",
    "person:\u0131",
    "org:a",
    "source:a",
    "2012",
    "2012\n",
    "2012-02-29",
    "2013-02-29",
    "\u0662\u0660\u0661\u0662",
    "\uff12\uff10\uff11\uff12",
    "2012/",
    "../2012",
    "../..",
    "[2012,2014]",
    "[2012,2014]\n",
    "[..2012-05,2013]",
    "[2012]",
    "P7Y6M",
    "P7Y6M\n",
    "P\u0667Y",
    "https://a.org/x",
    "https://a.org/x\n",
    "https://a.org/\u2028",
    "https://a.org/\ufeff",
    "en",
    "en\n",
    "e" * 600,
    "e" * 601,
    "\U0001f600" * 600,
    "\U0001f600" * 601,
    "defendant",
    "defendant\n",
    "..",
    "../a",
    "a/..",
    "a/../b",
    "a\\..\\b",
    "/a",
    "\\a",
    "a..b/...",
    "a\u2028b",
    "a\u2028/../b",
    "a/..\u2029",
    "2024-05-01T12:00:00Z",
    "2024-05-01T12:00:00.5+05:00",
    "2024-02-29T23:59:60-11:30",
    "2024-13-45T99:99:99Z",
    "2024-02-30T12:00:00Z",
    "2024-05-01T24:00:00Z",
    "2024-05-01T12:00:00Z\n",
    "\uff12024-05-01T12:00:00Z",
    "sha256:" + "0" * 64,
    "sha256:" + "0" * 64 + "\n",
    "0" * 32,
)

#: Values of other JSON types put in place of a value (Python writes ``1e2`` as ``100.0``).
EDGE_VALUES: Final[tuple[object, ...]] = (
    None,
    True,
    False,
    0,
    -1,
    1.0,
    -0.0,
    1e2,
    1.5,
    90,
    90.000001,
    -180,
    180.5,
    (1 << 53) - 1,
    1 << 53,
    (1 << 53) + 1,
    1 << 64,
    10**30,
    -(10**30),
    10**400,
    1e308,
    5e-324,
    [],
    {},
)


def _leaves(value: object, path: Where = ()) -> Iterator[Where]:
    """The path of every value in ``value`` but the containers (and of each container)."""
    if path:
        yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index))


def _shape(path: Where) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).removeprefix(".")


def _replaced(document: dict[str, Any], path: Where, value: object) -> Any:
    changed = copy.deepcopy(document)
    holder: Any = changed
    for step in path[:-1]:
        holder = holder[step]
    holder[path[-1]] = value
    return changed


def _replacements(value: object) -> Iterator[tuple[str, object]]:
    """Each edge case for one value, with its label."""
    if isinstance(value, str) and value:
        for character in EDGE_CHARACTERS:
            code = f"U+{ord(character):04X}"
            yield f"{code} before", character + value
            yield f"{code} inside", value[:1] + character + value[1:]
            yield f"{code} after", value + character
    for text in EDGE_STRINGS:
        yield f"string {text[:20]!r}{'...' if len(text) > 20 else ''} ({len(text)})", text
    for other in EDGE_VALUES:
        yield f"value {other!r}"[:40], other


def _valid_documents(kind: KindName, count: int) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []

    @settings(
        max_examples=count,
        database=None,
        derandomize=True,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def collect(data: st.DataObject) -> None:
        found.append(unstructure(data.draw(records(kind))))

    collect()
    return found[:count]


def _mutated(documents: list[dict[str, Any]]) -> list[tuple[str, Where, Any]]:
    """``documents``, then copies of them with one value replaced by an edge case: each field
    once (an item of a list stands for all)."""
    cases: list[tuple[str, Where, Any]] = [("valid", (), document) for document in documents]
    seen: set[str] = set()
    for document in documents:
        for path in [(), *_leaves(document)]:
            shape = _shape(tuple("[]" if isinstance(p, int) else p for p in path))
            if shape in seen:
                continue
            seen.add(shape)
            original: Any = document
            for step in path:
                original = original[step]
            if path:
                for label, value in _replacements(original):
                    changed = _replaced(document, path, value)
                    cases.append((f"{_shape(path)}: {label}", path, changed))
            if isinstance(original, dict):
                cases += _reshaped(document, path, original)
    return cases


def _reshaped(document: Any, path: Where, holder: dict[str, Any]) -> list[tuple[str, Where, Any]]:
    """``document`` with the object at ``path`` less each of its keys, and with keys that
    JavaScript objects inherit (an ECMA validator must not take them for properties)."""
    cases = []
    for key in holder:
        changed = copy.deepcopy(document)
        target = changed
        for step in path:
            target = target[step]
        del target[key]
        cases.append((f"{_shape(path)}: drop {key}", path, changed))
    for key in ("__proto__", "constructor", "toString", "hasOwnProperty"):
        changed = copy.deepcopy(document)
        target = changed
        for step in path:
            target = target[step]
        target[key] = {}
        cases.append((f"{_shape(path)}: add {key}", path, changed))
    return cases


def _descriptors() -> list[dict[str, Any]]:
    """The bundled ``datapackage.json``, and a copy with every property its schema knows (a
    resource's license named by its path alone)."""
    bundled = json.loads((ROOT / "datasets/kazakhstan/datapackage.json").read_text("utf-8"))
    full = copy.deepcopy(bundled)
    full.update(id="kz", homepage="https://a.org", image="a.png", created="2024-05-01T12:00:00Z")
    full["rightsdata_format"] = 2
    full["contributors"][0].update(givenName="A", familyName="B", path="https://a.org")
    full["sources"][0].update(path="https://a.org", version="1")
    full["resources"][0].update(
        {
            "$schema": "https://datapackage.org/profiles/2.0/dataresource.json",
            "type": "table",
            "title": "t",
            "description": "d",
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
            "bytes": 10,
            "hash": "sha256:" + "0" * 64,
            "schema": "schema.json",
            "dialect": {"header": True},
            "licenses": [{"path": "https://a.org/license"}],
            "sources": [{"title": "t"}],
        }
    )
    return [bundled, full]


def _descriptor_valid(document: Any, format: FormatVersion) -> bool:
    return _descriptor_validator(format).is_valid(document)


@functools.cache
def _descriptor_validator(format: FormatVersion) -> Validator:
    from jsonschema import Draft202012Validator

    validator: Validator = Draft202012Validator(load_schema("datapackage", format=format))
    return validator


def _named(name: str, format: FormatVersion) -> str:
    """A schema's name in the corpus: its path in schemas/ less the suffix (``v2/events``)."""
    return schema_file(name, format).removesuffix(".schema.json")


def corpus(per_kind: int) -> Iterator[dict[str, Any]]:
    """The cases: ``{"kind", "label", "path", "document", "schema", "model"}`` (``path``: where
    the value replaced is, ``[]`` for a valid document as drawn); the kind
    ``datapackage`` for ``datapackage.json``, whose model is ``descriptor_problems``. Each
    document is a case for each format's schemas, the kind naming the schema's file
    (``events``, ``v2/events``)."""
    for label, path, document in _mutated(_descriptors()):
        model = descriptor_problems(document) == []
        for format in SCHEMA_FORMATS:
            yield {
                "kind": _named("datapackage", format),
                "label": label,
                "path": path,
                "document": document,
                "schema": _descriptor_valid(document, format),
                "model": model,
            }
    for kind in KINDS:
        for label, path, document in _mutated(_valid_documents(kind, per_kind)):
            _, problems = structure_many(kind, [document], kind)
            for format in SCHEMA_FORMATS:
                yield {
                    "kind": _named(kind, format),
                    "label": label,
                    "path": path,
                    "document": document,
                    "schema": schema_problems(kind, document, kind, format=format) == [],
                    "model": problems == [],
                }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("out", type=Path, help="the corpus file to write (JSON Lines)")
    parser.add_argument("--per-kind", type=int, default=20, help="valid records per kind")
    args = parser.parse_args(argv)
    counts = write_corpus(corpus(args.per_kind), args.out)
    told = ", ".join(f"{name} {count}" for name, count in counts.items())
    print(f"wrote {counts.total()} cases to {args.out}: {told}")
    return 0


def write_corpus(cases: Iterable[dict[str, Any]], out: Path) -> collections.Counter[str]:
    """Write ``cases`` to ``out`` as JSON Lines, each as it comes (none is held after its
    line); the count of cases of each schema. Each line is ASCII (``json.dumps`` escapes the
    rest, U+2028 and a lone surrogate too), so that a line is a case whatever reads it."""
    counts: collections.Counter[str] = collections.Counter()
    with out.open("w", encoding="utf-8", newline="\n") as file:
        for case in cases:
            file.write(json.dumps(case) + "\n")
            counts[case["kind"]] += 1
    return counts


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
