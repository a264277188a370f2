"""The rules: every rule is stated once, with prose and a failing example, and breaks only
the example that is written to break it."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from rightsdata._model.checks import Validated
from rightsdata._model.fields import spec_of
from rightsdata._model.records import KINDS, RECORD_TYPES, Figure, Relationship, Statement
from rightsdata._validation.convert import structure
from rightsdata._validation.integrity import RULES, Context, Rule, check_integrity
from rightsdata.schema import load_schema


def _records(example: Any) -> tuple[dict[str, list[Any]], dict[str, str], dict[str, str]]:
    records = {
        kind: [structure(kind, doc) for doc in docs]
        for kind, docs in example.items()
        if kind != "redirects"
    }
    redirects = {item["id"]: item["to"] for item in example.get("redirects", [])}
    return records, {kind: f"{kind}.json" for kind in records}, redirects


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_each_rule_breaks_its_example_and_no_other_rule_does(rule: Rule) -> None:
    assert rule.prose and rule.prose == rule.prose.strip() and not rule.prose.endswith(".")
    records, where, redirects = _records(rule.example)
    context = Context(records, where, redirects, "redirects.json", {})
    assert rule.check(context), f"{rule.name}: its example breaks nothing"
    for other in RULES:
        if other is not rule:
            assert other.check(context) == [], f"{rule.name}'s example breaks {other.name}"
    assert check_integrity(records, where, redirects, "redirects.json") == rule.check(context)


def test_rule_names_are_unique() -> None:
    assert len({rule.name for rule in RULES}) == len(RULES)


def test_every_class_with_cross_field_rules_states_them() -> None:
    classes: set[type[Validated]] = {Figure, Relationship, Statement}
    for cls in classes:
        assert cls._RULES, cls
    for cls in [*RECORD_TYPES.values()]:
        if cls._rules is not Validated._rules:
            assert cls._RULES, f"{cls.__name__} checks rules it does not state"


def test_every_field_has_prose_or_a_type_that_says_it() -> None:
    for cls in RECORD_TYPES.values():
        for field in attrs.fields(cls):
            assert spec_of(field).doc.endswith((".", ")")), (cls.__name__, field.name)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_each_rule_is_stated_in_the_schemas_of_its_kinds(rule: Rule) -> None:
    for kind in RECORD_TYPES:
        assert kind in KINDS
        description = load_schema(kind)["description"]
        expected = "*" in rule.kinds or kind in rule.kinds
        assert (rule.prose in description) == expected, (rule.name, kind)
