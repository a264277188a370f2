"""The JSON Schemas: committed, current, and in agreement with the model both ways."""

from __future__ import annotations

import copy
import functools
import itertools
import json
import math
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from schemagen import COUNT_RULE, HAND_WRITTEN, RULES_LEAD, ends_strictly, generate

import rightsdata
from rightsdata import KindName
from rightsdata._data.canonical import dumps
from rightsdata._model.fields import COUNT_MAX
from rightsdata._model.records import KINDS
from rightsdata._validation.convert import structure_many, unstructure
from rightsdata._values.dates import EDTF_PATTERN
from rightsdata._values.errors import ProblemCode
from rightsdata._values.format import (
    FORMAT,
    READABLE,
    SCHEMA_FORMATS,
    FormatVersion,
    lowest_format,
    schema_file,
)
from rightsdata._values.format import schema_id as format_schema_id
from rightsdata.schema import SchemaName, load_schema, schema_problems, validator_for
from rightsdata.testing import records

from conftest import CITE, ROOT, event_doc, examples, source_doc

SCHEMAS = ROOT / "schemas"
#: Every shipped schema file, of every format: its path relative to schemas/.
SHIPPED = sorted(p.relative_to(SCHEMAS).as_posix() for p in SCHEMAS.rglob("*.schema.json"))
#: What each format's schemas are named by: a kind, the shared ones, redirects, the descriptor.
NAMES: tuple[SchemaName, ...] = ("common", *KINDS, "redirects", "datapackage")


def test_committed_schemas_match_the_model() -> None:
    generated = generate()
    # (the hand-written one too: its $id and the formats it takes are generated)
    assert sorted(generated) == SHIPPED and set(generated) >= HAND_WRITTEN
    assert {name.partition("/")[0] for name in generated if "/" in name} == {
        f"v{format}" for format in SCHEMA_FORMATS if format != FORMAT
    }
    for name, schema in generated.items():
        committed = (SCHEMAS / name).read_text(encoding="utf-8")
        assert committed == dumps(schema), f"{name} is stale: run scripts/generate_schemas.py"


def test_schemas_ship_with_the_package() -> None:
    for kind in KINDS:
        assert load_schema(kind)["additionalProperties"] is False


def test_every_schema_id_names_its_format_and_kind() -> None:
    # A schema's $id changes with the format, so that a consumer holding the schema of an
    # older format does not take it for the current one; each format's are shipped, at
    # schemas/ (the newest) and schemas/v<N>/, so that every ID a written dataset names
    # resolves to a shipped file.
    expected = {schema_file(name, f): (name, f) for f in SCHEMA_FORMATS for name in NAMES}
    assert sorted(expected) == SHIPPED
    assert schema_file("events", FORMAT) == "events.schema.json"  # where it always was
    for relative, (name, format) in expected.items():
        schema_id = json.loads((SCHEMAS / relative).read_text(encoding="utf-8"))["$id"]
        assert schema_id == f"urn:rightsdata:schemas:v{format}:{name}", relative
        assert schema_id == format_schema_id(name, format)
        assert load_schema(name, format=format)["$id"] == schema_id
    assert load_schema("events", format=1)["$id"] == "urn:rightsdata:schemas:v2:events"


def _refs(schema: Any) -> list[str]:
    if isinstance(schema, dict):
        own = [schema["$ref"]] if isinstance(schema.get("$ref"), str) else []
        return own + [r for value in schema.values() for r in _refs(value)]
    if isinstance(schema, list):
        return [r for value in schema for r in _refs(value)]
    return []


@pytest.mark.parametrize("format", SCHEMA_FORMATS)
def test_every_ref_stays_within_its_format(format: FormatVersion) -> None:
    found = 0
    for name in NAMES:
        for ref in _refs(load_schema(name, format=format)):
            found += 1
            assert ref.startswith(("#/", format_schema_id("common", format) + "#")), ref
    assert found > 50


def test_the_schema_functions_name_what_is_wrong() -> None:
    newer, readable = FORMAT + 1, f"{READABLE[0]}-{READABLE[-1]}"
    with pytest.raises(
        ValueError, match=rf"no schemas for format {newer}; .* reads formats {readable}"
    ):
        load_schema("events", format=newer)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"no schemas for format 0"):
        validator_for("events", format=0)  # type: ignore[arg-type]
    # (told what it is spelled like, as a misspelt kind, table or format is)
    told = r"no schema named 'event' \(did you mean 'events'\?\); expected one of common, "
    with pytest.raises(ValueError, match=told):
        load_schema("event")  # type: ignore[arg-type]


def test_a_set_is_refused_by_format_2s_schemas_only() -> None:
    # (the date's schema is common.schema.json's: the $ref is followed within the format)
    doc = event_doc(date="[2012-01,2012-03]")
    _, problems = structure_many("events", [doc], "e")
    assert problems == []  # (the model takes it)
    assert schema_problems("events", doc, "e") == []
    assert schema_problems("events", doc, "e", format=3) == []
    for older in (1, 2):
        (problem,) = schema_problems("events", doc, "e", format=older)
        assert problem.field == "date" and problem.message.startswith("'[2012-01,2012-03]' ")
    doc["date"] = "2012-01/2012-03"
    assert schema_problems("events", doc, "e", format=2) == []


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=examples(200))
@given(data=st.data())
def test_every_model_record_is_schema_valid(kind: KindName, data: st.DataObject) -> None:
    record = data.draw(records(kind))
    document = unstructure(record)
    assert schema_problems(kind, document, kind) == []
    # format 3's schemas take the records a format-3 file can hold (no figure's of), and no
    # other; format 2's those a format-2 file can hold (no set either), and no other
    needed = lowest_format({kind: [record]})
    for older in (3, 2):
        found = schema_problems(kind, document, kind, format=older)
        if needed <= older:
            assert found == []
            continue
        assert found
        for problem in found:  # (a set's text, or an of where the format has none)
            assert problem.message.startswith("'[") or "('of' was unexpected)" in problem.message


def _resolve(schema: Any, defs: dict[str, Any]) -> Any:
    """The schema with every ``$ref`` into the common definitions replaced by its target."""
    if isinstance(schema, list):
        return [_resolve(s, defs) for s in schema]
    if not isinstance(schema, dict):
        return schema
    if "$ref" in schema:
        target = defs[schema["$ref"].rpartition("/")[2]]
        rest = {k: v for k, v in schema.items() if k != "$ref"}
        return _resolve({**target, **rest}, defs)
    return {k: _resolve(v, defs) for k, v in schema.items()}


def _documents(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Documents valid under ``schema`` (hypothesis-jsonschema for each leaf).

    hypothesis-jsonschema rebuilds an object's property strategies on every draw, which
    makes records with many patterned fields cost ~0.3 s each. Every rightsdata object
    forbids properties it does not name, so the object is assembled here from strategies
    built once per property (the optional ones present or not); the leaves still come from
    the schemas.
    """
    if schema.get("type") == "object":
        assert schema["additionalProperties"] is False
        properties = schema["properties"]
        required = schema["required"]
        return st.fixed_dictionaries(
            {name: _documents(properties[name]) for name in required},
            optional={
                name: _documents(sub) for name, sub in properties.items() if name not in required
            },
        )
    if schema.get("type") == "array":
        return st.lists(_documents(schema["items"]), min_size=schema.get("minItems", 0), max_size=3)
    if "anyOf" in schema:
        return st.one_of([_documents(option) for option in schema["anyOf"]])
    leaf = {k: v for k, v in schema.items() if k not in ("description", "title")}
    return from_schema(leaf)


@functools.cache
def _schema_documents(kind: KindName) -> st.SearchStrategy[Any]:
    defs = load_schema("common")["$defs"]
    return _documents(_resolve(load_schema(kind), defs))


# Rules a JSON Schema cannot express; the model enforces them (each schema's description
# lists them). A schema-valid document may break only these.
_BEYOND_SCHEMA = {ProblemCode.RULE}
_BEYOND_SCHEMA_MESSAGES = (
    "is after the end",
    "contact data",
    "before it starts",
    # a set's dates in order, and a range's start before its end
    "does not end before",
    "a range's start must end before its end begins",
    "a range A..B runs from its start to its end",
    "whose two ends are the same date",
    # a set's dates each once, in order, not overlapping
    "a set has each date once",
    "a set's dates are written in order",
    "a set's dates may not overlap",
)


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=examples(200))
@given(data=st.data())
def test_every_schema_valid_document_structures(kind: KindName, data: st.DataObject) -> None:
    document = data.draw(_schema_documents(kind))
    assert schema_problems(kind, document, kind) == []  # the generator is faithful
    _, problems = structure_many(kind, [document], kind)
    unexpected = [
        p
        for p in problems
        if p.code not in _BEYOND_SCHEMA and not any(m in p.message for m in _BEYOND_SCHEMA_MESSAGES)
    ]
    assert unexpected == []


def _mutations(kind: KindName, document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Ways to break a valid document that both the schema and the model must reject (an
    optional field may be left out: dropping one breaks nothing)."""
    required = load_schema(kind)["required"]
    out = []
    for key, value in document.items():
        if key in required:
            broken = copy.deepcopy(document)
            del broken[key]
            out.append((f"drop {key}", broken))
        broken = copy.deepcopy(document)
        broken[key] = 12345 if isinstance(value, str | None | list) else "12345"
        out.append((f"retype {key}", broken))
    extra = copy.deepcopy(document)
    extra["unexpected"] = True
    out.append(("add a field", extra))
    return out


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=examples(200))
@given(data=st.data())
def test_mutated_documents_are_rejected_by_both(kind: KindName, data: st.DataObject) -> None:
    document = unstructure(data.draw(records(kind)))
    label, mutated = data.draw(st.sampled_from(_mutations(kind, document)))
    _, problems = structure_many(kind, [mutated], kind)
    assert problems, f"model accepted: {label}"
    assert schema_problems(kind, mutated, kind), f"schema accepted: {label}"


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2012-02-29", True),
        ("2013-02-29", False),
        ("2000-02-29", True),
        ("1900-02-29", False),
        ("0000", False),
        ("2015-22", True),
        ("2015-22?", False),
        ("2012~/2013?", True),
        ("../..", False),
        ("../2012", True),
        ("2012/", True),
        ("/", False),
        ("[2022-01-14,2022-01-15]", True),
        ("[2011-12-16..2012-01-31]", True),
        ("[..2012-01-31]", True),
        ("[2011-12-16..]", True),
        ("[..2011,2012-03,2013..]", True),
        ("[2012]", False),
        ("[2012..2012-05]", False),
        ("[2012?,2013]", False),
        ("[2012-21,2013]", False),
        ("[2012,..2013]", False),
        ("[2012..,2013]", False),
        ("[2012, 2013]", False),
        ("[2013-02-29,2014]", False),
    ],
)
def test_edtf_pattern_matches_the_parser(value: str, valid: bool) -> None:
    from rightsdata._values.dates import EDTF, EDTFError

    doc: dict[str, Any] = {
        "id": "source:a",
        "title": "t",
        "publisher": None,
        "published": value,
        "kind": "report",
        "language": "en",
        "url": None,
        "note": None,
        "inferred": [],
    }
    assert (schema_problems("sources", doc, "s") == []) is valid
    in_format_2 = valid and not value.startswith("[")
    assert (schema_problems("sources", doc, "s", format=2) == []) is in_format_2
    try:
        EDTF.parse(value)
        parsed = True
    except EDTFError:
        parsed = False
    assert parsed is valid


@pytest.mark.parametrize(
    ("value", "rule"),
    [
        ("2013/2012", 0),
        ("2012-06-02/2012-06-01", 0),
        ("2013?/2012-21", 0),
        ("[2012..2012]", 1),
        ("[2013-05..2013-04]", 1),
        ("[2013,2012]", 2),
        ("[2012,2012]", 2),
        ("[2012,2012-05]", 2),
        ("[2012..2014,2013]", 2),
        ("[..2013,2012..]", 2),
    ],
)
def test_a_date_the_schema_takes_and_the_parser_refuses_breaks_a_rule_the_schema_names(
    value: str, rule: int
) -> None:
    # the pattern cannot say these; common.schema.json's edtf and docs/data-model.md said
    # nothing of them (only edtf_pattern's docstring did)
    from rightsdata._values.dates import EDTF, EDTFError, edtf_rules

    assert _broken_date_rules(value) == {rule}
    doc = {**source_doc(), "published": value}
    assert schema_problems("sources", doc, "s") == []
    with pytest.raises(EDTFError):
        EDTF.parse(value)
    page = (ROOT / "docs" / "data-model.md").read_text(encoding="utf-8")
    for format in SCHEMA_FORMATS:
        sets = format >= 3
        described = load_schema("common", format=format)["$defs"]["edtf"]["description"]
        stated = described.partition(RULES_LEAD)[2]
        assert stated == "; ".join(edtf_rules(sets)) + ".", format
        if rule == 0 or sets:
            assert edtf_rules(sets)[rule] in stated, format
    assert f"- {edtf_rules()[rule]}" in page


def _broken_date_rules(text: str) -> set[int]:
    """Which of ``edtf_rules()`` ``text`` (a date that matches the schema's pattern) breaks,
    judged from its parts alone (each a single date the parser takes): the rules' own
    words, apart from the parser's code."""
    from rightsdata._values.dates import EDTF

    def bounds(part: str) -> tuple[Any, Any]:
        date = EDTF(part)
        return date.earliest, date.latest

    if not text.startswith("["):
        start, _, end = text.partition("/")
        dated = start not in ("", "..") and end not in ("", "..")
        return {0} if dated and bounds(start)[0] > bounds(end)[1] else set()
    broken: set[int] = set()
    spans = []
    for member in text[1:-1].split(","):
        first, dots, second = member.partition("..")
        if not dots:
            spans.append(bounds(member))
            continue
        if first and second and bounds(first)[1] >= bounds(second)[0]:
            broken.add(1)
        spans.append((bounds(first)[0] if first else None, bounds(second)[1] if second else None))
    for (_, before), (after, _) in itertools.pairwise(spans):
        if before is None or after is None or before >= after:
            broken.add(2)
    return broken


@settings(max_examples=examples(3000), deadline=None)
@given(st.from_regex(EDTF_PATTERN, fullmatch=True))
def test_a_date_the_pattern_takes_is_refused_only_for_a_rule_the_schema_names(
    value: str,
) -> None:
    # so the list of rules beyond the pattern is whole: the parser refuses no other date
    from rightsdata._values.dates import EDTF, EDTFError

    try:
        EDTF.parse(value)
        parsed = True
    except EDTFError:
        parsed = False
    assert parsed is not bool(_broken_date_rules(value)), value


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("P7Y6M", True),
        ("P9999Y", True),
        ("P10000Y", False),
        ("P999999D", True),
        ("P1000000D", False),
        ("PT23H", True),
        ("PT24H", False),
        ("P0D", True),
        ("PT0S", False),
        ("P2W", False),
    ],
)
def test_duration_pattern_matches_the_parser(value: str, valid: bool) -> None:
    from rightsdata._values.durations import DurationError, parse_duration

    doc = event_doc(penalty={"kind": "imprisonment", "term": value})
    assert (schema_problems("events", doc, "e") == []) is valid
    try:
        parse_duration(value)
        parsed = True
    except DurationError:
        parsed = False
    assert parsed is valid


def _objects(schema: Any) -> list[dict[str, Any]]:
    """Every object schema in ``schema``."""
    if isinstance(schema, list):
        return [o for item in schema for o in _objects(item)]
    if not isinstance(schema, dict):
        return []
    own = [schema] if schema.get("type") == "object" else []
    return own + [o for value in schema.values() for o in _objects(value)]


@pytest.mark.parametrize("written", [3.0, 1e2, -0.0])
def test_a_count_written_with_a_fraction_is_a_rule_beyond_the_schemas(written: float) -> None:
    # JSON Schema takes 3.0 as an integer (a JavaScript reader cannot tell it from 3 at all);
    # the model takes only 3, so every object with a count lists the rule
    doc = {"id": "group:a", "name": "A", "kind": "crowd", "size": written, "citations": [CITE]}
    assert schema_problems("groups", doc, "g") == []
    _, problems = structure_many("groups", [doc], "g")
    assert [(p.field, p.code) for p in problems] == [("size", "type")]
    names: tuple[SchemaName, ...] = ("common", *KINDS)
    with_counts = [
        o
        for o in _objects([load_schema(name) for name in names])
        if any("integer" in str(sub.get("type")) for sub in o["properties"].values())
    ]
    assert {o["title"] for o in with_counts} >= {"Figure", "rightsdata: one record of groups"}
    for o in with_counts:
        assert COUNT_RULE in o["description"].partition(RULES_LEAD)[2], o["title"]


def test_a_lone_surrogate_is_a_rule_beyond_the_schemas() -> None:
    # json.loads (and JSON.parse) take a "\ud800" escape alone, and the patterns of Python's re
    # and of ECMA-262 (u flag) take it as a character; the model refuses it, and every record
    # schema says so
    doc = {"id": "place:a", "name": "A\ud800B", "kind": "city", "citations": [CITE]}
    assert schema_problems("places", doc, "p") == []
    _, problems = structure_many("places", [doc], "p")
    assert [p.field for p in problems] == ["name"]
    assert "surrogate" in problems[0].message
    for kind in KINDS:
        rules = load_schema(kind)["description"].partition(RULES_LEAD)[2]
        assert "no lone UTF-16 surrogate" in rules, kind


def test_every_bundled_record_is_schema_valid() -> None:
    import rightsdata

    found = []
    for kind, documents in rightsdata.load().to_dict().items():
        assert kind in KINDS
        for index, document in enumerate(documents):
            found += schema_problems(kind, document, f"{kind}.json[{index}]")
    assert found == []


#: Every character that matters to the text rule: the C0 controls, DEL, the C1 controls, and
#: their neighbours (space, a no-break space, a line separator, Cyrillic, an emoji).
_TEXT_CHARACTERS = [
    *map(chr, range(0x21)),
    *map(chr, range(0x7E, 0xA2)),
    "\u2028",
    "Ж",
    "\U0001f600",
]


@pytest.mark.parametrize("character", _TEXT_CHARACTERS, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize(
    ("field", "where"),
    [("title", "A{}B"), ("title", "{}AB"), ("title", "AB{}"), ("url", "https://a.org/{}")],
)
def test_the_text_patterns_refuse_what_the_model_refuses(
    character: str, field: str, where: str
) -> None:
    # a title has the pattern of every free text; a URL has one of its own
    doc: dict[str, Any] = {
        "id": "source:a",
        "title": "t",
        "publisher": None,
        "published": None,
        "kind": "report",
        "language": "en",
        "url": None,
        "note": None,
        "inferred": [],
        field: where.format(character),
    }
    _, problems = structure_many("sources", [doc], "s")
    assert (schema_problems("sources", doc, "s") == []) is (problems == []), doc


@pytest.mark.parametrize("value", ["KZ\n", "person:a\n", "2012\n", "P7Y\n"])
def test_no_pattern_takes_a_line_feed_at_the_end(value: str) -> None:
    # Python's re (which jsonschema uses) matches $ before a final line feed; ECMA-262 not
    patterns = [d["pattern"] for d in load_schema("common")["$defs"].values() if "pattern" in d] + [
        load_schema("persons")["properties"]["country"]["pattern"]
    ]
    matching = [p for p in patterns if re.search(p, value.rstrip("\n"))]
    assert matching, value
    assert not [p for p in matching if re.search(p, value)]


def test_the_text_pattern_takes_exactly_the_texts_the_model_takes_for_every_character() -> None:
    from rightsdata._model.fields import TEXT_PATTERN, Text

    pattern, text = re.compile(ends_strictly(TEXT_PATTERN)), Text("a text")
    for code in [*range(0x10000), 0x1F600, 0xE0001, 0x10FFFF]:
        character = chr(code)
        if 0xD800 <= code < 0xE000:  # lone surrogates: refused before any text check
            continue
        for value in (f"A{character}B", f"{character}AB", f"AB{character}"):
            assert (pattern.search(value) is not None) is text.fine(value), hex(code)


#: One piece of the regex syntax that ECMA-262 (with the u flag, as JSON Schema validators
#: compile patterns) and Python's re read alike. Left out: "." (ECMA-262's stops at U+2028 and
#: U+2029, Python's only at a line feed), a bare "$" (Python's also matches before a final line
#: feed), \s \d \w \b (ECMA-262's \s takes U+FEFF and Python's U+001C-U+001F; Python's \d and
#: \w take every script's digits and letters), flags, named groups, look-behinds,
#: back-references, \A \Z, "{,n}", and an escape of a letter other than \t \n \uXXXX.
_PORTABLE_PIECE = r"""
    \[\\s\\S\]                                               # any character
  | \[\^?(?:\\u[0-9a-f]{4}|\\[tn\\/^$.*+?()\[\]{}|-]|[^\\\]])+\]  # a class
  | \\u[0-9a-f]{4} | \\[tn\\/^$.*+?()\[\]{}|]                # an escaped character
  | \(\?[:=!] | \((?!\?) | [)|^]                             # groups, look-aheads, start
  | \$\(\?!\[\\s\\S\]\)                                      # the end: nothing follows
  | (?:[*+?]|\{[0-9]+(?:,[0-9]+)?\})\??                      # quantifiers
  | [^\\.$()\[\]{}|^*+?]                                     # a literal character
"""
_PORTABLE = re.compile(f"(?:{_PORTABLE_PIECE})*", re.VERBOSE)


def _patterns(schema: Any) -> list[str]:
    if isinstance(schema, dict):
        own = [schema["pattern"]] if isinstance(schema.get("pattern"), str) else []
        return own + [p for value in schema.values() for p in _patterns(value)]
    if isinstance(schema, list):
        return [p for value in schema for p in _patterns(value)]
    return []


@pytest.mark.parametrize("name", SHIPPED)
def test_the_schemas_patterns_use_only_syntax_every_engine_reads_alike(name: str) -> None:
    # every shipped file, of every format: the hand-written datapackage.schema.json too
    patterns = _patterns(json.loads((SCHEMAS / name).read_text(encoding="utf-8")))
    assert patterns or name.endswith("redirects.schema.json")  # (its IDs are common's)
    for pattern in patterns:
        assert _PORTABLE.fullmatch(pattern), pattern


def _numbers(schema: Any) -> list[dict[str, Any]]:
    """Every subschema of ``schema`` whose type is (or may be) a number."""
    if isinstance(schema, list):
        return [n for item in schema for n in _numbers(item)]
    if not isinstance(schema, dict):
        return []
    types = schema.get("type")
    own = (
        [schema]
        if {"integer", "number"} & set([types] if isinstance(types, str) else types or ())
        else []
    )
    return own + [n for value in schema.values() for n in _numbers(value)]


def test_every_number_is_bounded_within_what_javascript_holds_exactly() -> None:
    # A JavaScript validator reads a JSON number as a double: 10**400 is Infinity there (not an
    # integer, above any minimum) and an integer in Python; past 2**53 - 1 integers are rounded.
    found = set()
    for name in SHIPPED:
        for schema in _numbers(json.loads((SCHEMAS / name).read_text(encoding="utf-8"))):
            found.add(name)
            assert schema.get("minimum", -math.inf) >= -COUNT_MAX, (name, schema)
            assert schema.get("maximum", math.inf) <= COUNT_MAX, (name, schema)
    assert {"common.schema.json", "datapackage.schema.json", "v2/common.schema.json"} <= found


@pytest.mark.parametrize(
    "pattern",
    [
        "^a.b$(?![\\s\\S])",
        "^ab$",
        "^a\\sb",
        "^\\d$(?![\\s\\S])",
        "(?i)ab",
        "(?P<x>a)",
        "(?<!a)b",
        "\\Aab",
        "a{,2}",
        "a{",
        "\\x41",
        "[\\w]",
        # "." and a bare "$" in look-aheads: ajv refuses "a\u2028b", which Python's re takes
        "^(?![\\s\\S]*[\\u0000-\\u001f\\u007f])(?![/\\\\])(?!.*(^|[/\\\\])\\.\\.([/\\\\]|$)).+$",
    ],
)
def test_the_portable_syntax_leaves_out_what_engines_read_differently(pattern: str) -> None:
    assert not _PORTABLE.fullmatch(pattern)


def test_a_json_lines_record_meets_its_schema_once_its_kind_is_dropped(tmp_path: Path) -> None:
    import rightsdata

    (exported,) = rightsdata.load().export(tmp_path, "jsonl")
    lines = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    # the first line is the descriptor, which meets datapackage.schema.json once its kind is
    # dropped, as a record meets its kind's schema
    import jsonschema

    descriptor = lines.pop(0)
    assert descriptor["$kind"] == "datapackage"
    validator = jsonschema.Draft202012Validator(
        json.loads((SCHEMAS / "datapackage.schema.json").read_text(encoding="utf-8"))
    )
    assert [e.message for e in validator.iter_errors(descriptor)] == [
        "Additional properties are not allowed ('$kind' was unexpected)"
    ]
    assert list(validator.iter_errors({k: v for k, v in descriptor.items() if k != "$kind"})) == []
    records = [line for line in lines if line["$kind"] != "redirects"]
    assert {line["$kind"] for line in records} == set(KINDS)
    for number, line in enumerate(records, 1):
        kind = line["$kind"]
        refused = schema_problems(kind, line, f"records.jsonl:{number}")
        assert [p.message for p in refused] == [
            "Additional properties are not allowed ('$kind' was unexpected)"
        ]
        record = {k: v for k, v in line.items() if k != "$kind"}
        assert schema_problems(kind, record, f"records.jsonl:{number}") == []
    assert rightsdata.validate(exported, schema=True) == []  # the loader drops it too


def _redirect_problems(entry: object) -> list[str]:
    import jsonschema
    from referencing import Registry, Resource

    from rightsdata._values.format import schema_id

    common = json.loads((SCHEMAS / "common.schema.json").read_text(encoding="utf-8"))
    registry: Registry[Any] = Registry().with_resource(
        schema_id("common"), Resource.from_contents(common)
    )
    schema = json.loads((SCHEMAS / "redirects.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, registry=registry)
    return [error.message for error in validator.iter_errors(entry)]


def test_the_redirects_schema_takes_the_bundled_redirects_and_what_the_loader_takes() -> None:
    from rightsdata._values.resources import datasets_root

    bundled = json.loads(
        datasets_root().joinpath("kazakhstan", "redirects.json").read_text(encoding="utf-8")
    )
    assert bundled and all(_redirect_problems(entry) == [] for entry in bundled)
    # each shape the loader refuses (rightsdata._data.redirectlist.check_redirects), refused here
    refused = [
        {"id": "person:old"},
        {"id": "person:old", "to": "person:new", "why": "renamed"},
        {"id": "Person:Old", "to": "person:new"},
        {"id": "person:old", "to": 5},
        {"id": "person:old\n", "to": "person:new"},
    ]
    for entry in refused:
        assert _redirect_problems(entry), entry


@pytest.mark.parametrize("declared", [1, 2, 3, None])
def test_validate_checks_a_folder_against_the_schemas_of_the_format_it_declares(
    make_folder: Any, declared: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rightsdata
    from rightsdata._data import loading
    from rightsdata._values.errors import Problem

    said: list[Problem] = []  # what the schemas said, before what restates the model's goes
    checked = loading._schema_problems

    def spied(*args: Any) -> list[Problem]:
        found = checked(*args)
        said.extend(found)
        return found

    monkeypatch.setattr(loading, "_schema_problems", spied)
    files: dict[str, Any] = {
        "sources.json": [{**source_doc(), "published": "[2012-12-14,2012-12-15]"}],
    }
    if declared is not None:
        files["datapackage.json"] = {"name": "x", "rightsdata_format": declared}
    problems = rightsdata.validate(make_folder(files), schema=True)
    if declared == 3 or declared is None:  # (no descriptor: no format declared, sets read)
        assert problems == [] and said == []
        return
    # format 2's schemas refuse the set, as the loader's own rule does: reported once, by
    # the rule, whose words say what to do
    assert [p.field for p in said] == ["published"]
    assert said[0].message.startswith("'[2012-12-14,2012-12-15]' is not valid")
    (rule_problem,) = problems
    assert (rule_problem.code, rule_problem.field) == ("value", "published")
    assert f"the dataset declares format {declared}" in rule_problem.message


def test_format_2s_descriptor_schema_takes_formats_1_and_2_only() -> None:
    import jsonschema

    from rightsdata._values.resources import datasets_root

    bundled = json.loads(
        datasets_root().joinpath("kazakhstan", "datapackage.json").read_text(encoding="utf-8")
    )
    older = jsonschema.Draft202012Validator(load_schema("datapackage", format=2))
    newest = jsonschema.Draft202012Validator(load_schema("datapackage"))
    for declared, by_older in [(None, True), (1, True), (2, True), (3, False)]:
        descriptor = {k: v for k, v in bundled.items() if k != "rightsdata_format"}
        if declared is not None:
            descriptor["rightsdata_format"] = declared
        assert older.is_valid(descriptor) is by_older, declared
        assert newest.is_valid(descriptor), declared
    # otherwise the same rules: a change to the hand-written schema reaches format 2's
    assert older.is_valid({**bundled, "rightsdata_format": 2, "licenses": []}) is False
    assert {**load_schema("datapackage", format=2), "$id": "", "description": ""} == {
        **load_schema("datapackage"),
        "$id": "",
        "description": "",
        "properties": {
            **load_schema("datapackage")["properties"],
            "rightsdata_format": {"type": "integer", "minimum": 1, "maximum": 2},
        },
    }


@pytest.mark.parametrize("format", SCHEMA_FORMATS)
def test_each_descriptor_schema_takes_the_formats_up_to_its_own(format: FormatVersion) -> None:
    # format 4's took any format (its cap was 2**53 - 1), so {"rightsdata_format": 5} was
    # valid to it, where format 2's and 3's stop at their own and the loader refuses 5
    import jsonschema

    schema = load_schema("datapackage", format=format)
    assert schema["properties"]["rightsdata_format"]["maximum"] == format
    validator = jsonschema.Draft202012Validator(schema)
    for declared in range(1, format + 2):
        descriptor = {"name": "x", "rightsdata_format": declared}
        assert validator.is_valid(descriptor) is (declared <= format), declared


def test_the_newest_schema_and_the_loader_refuse_the_next_format_alike(
    make_folder: Any,
) -> None:
    import jsonschema

    from rightsdata._validation.descriptor import descriptor_problems

    validator = jsonschema.Draft202012Validator(load_schema("datapackage"))
    for declared, refused in [(FORMAT, False), (FORMAT + 1, True)]:
        descriptor = {"name": "x", "rightsdata_format": declared}
        folder = make_folder({"sources.json": [source_doc()], "datapackage.json": descriptor})
        problems = rightsdata.validate(folder)
        assert (not validator.is_valid(descriptor)) is refused is bool(problems), declared
    # the loader tells the newer format once, as newer (not also as above the schema's cap)
    (problem,) = problems
    assert problem.code == ProblemCode.NEWER_FORMAT, problem
    assert descriptor_problems(descriptor) == problems
    # under a limit too, and beside another problem of the descriptor
    unknown = {**descriptor, "licences": []}
    assert [p.code for p in descriptor_problems(unknown)] == ["unknown_field", "newer_format"]
    assert [p.code for p in descriptor_problems(unknown, limit=1)] == ["unknown_field"]


@pytest.mark.parametrize(("first", "then"), [(1, True), (3, 3.0), (4, 4.0)])
def test_a_format_refused_is_refused_whatever_was_asked_before(first: int, then: object) -> None:
    # validator_for's cache took True for 1 and 3.0 for 3 (equal, and hashed alike), so the
    # format a fresh call refuses got the validator of an earlier call with its equal; a
    # format that is not an int is a TypeError (a ValueError before), as testing's are
    validator_for("sources", format=first)  # type: ignore[arg-type]
    told = rf"^format must be a whole number, not an? \w+ \({then!r}\)$"
    with pytest.raises(TypeError, match=told):
        validator_for("sources", format=then)  # type: ignore[arg-type]


def test_a_name_or_format_of_the_wrong_type_is_a_type_error() -> None:
    # each raised ValueError: a wrong type is a TypeError everywhere (docs/api.md)
    wrong: list[Any] = [None, 5, b"events", ["events"]]
    for value in wrong:
        with pytest.raises(TypeError, match=r"^expected a schema's name, such as 'events', "):
            load_schema(value)
        with pytest.raises(TypeError, match=r"^expected a record kind, such as 'events', "):
            validator_for(value)
        with pytest.raises(TypeError, match=r"^expected a record kind, such as 'events', "):
            schema_problems(value, {}, "x.json[0]")
    formats: list[Any] = [None, "4", 4.0, True]
    for format in formats:
        with pytest.raises(TypeError, match=r"^format must be a whole number, not "):
            load_schema("events", format=format)
    with pytest.raises(TypeError, match=r"; give 'events'$"):  # (its kind_name)
        load_schema(rightsdata.Event)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^no schemas for format 0"):  # (a value: ValueError)
        load_schema("events", format=0)  # type: ignore[arg-type]


def test_a_validator_is_built_once_for_each_format_it_checks() -> None:
    # (format 1's files are checked by format 2's schemas: one validator for both)
    assert validator_for("events", format=1) is validator_for("events", format=2)
    assert validator_for("events") is validator_for("events", format=FORMAT)
    assert validator_for("events", format=3) is not validator_for("events", format=FORMAT)


def test_a_number_too_long_to_write_out_is_told_by_its_digits() -> None:
    # (the validator's messages wrote the number: past 4,300 digits Python's ValueError
    # escaped schema_problems; below, a count of thousands of digits was echoed whole)
    figure = {"measure": "killed", "unit": "people", "best": 10**5000, "qualifier": "exact",
              "citations": [CITE]}  # fmt: skip
    doc: dict[Any, Any] = event_doc(figures=[figure, {**figure, "best": -(10**30)}])
    doc[10**5000] = 1
    assert [(p.field, p.message) for p in schema_problems("events", doc, "e")] == [
        (
            "figures[0].best",
            "a number of 5,001 digits is greater than the maximum of 9007199254740991",
        ),
        ("figures[1].best", "a negative number of 31 digits is less than the minimum of 0"),
        (None, "Additional properties are not allowed (a number of 5,001 digits was unexpected)"),
    ]
    assert doc["figures"][0]["best"] == 10**5000  # (the document given is left as it was)
