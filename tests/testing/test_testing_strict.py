"""rightsdata.testing with ``strict=True`` draws data that passes the strict checks
(``load_documents(..., strict=True)``), so that a downstream package whose data loads strictly
tests with data that does; by default the draws stay broad, questionable data included (the
property tests of the loaders need it)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, find, given, settings

import rightsdata
from rightsdata import KindName, testing
from rightsdata._model.records import RECORD_TYPES, Figure, Identifier, Record
from rightsdata._validation.convert import structure
from rightsdata._validation.strict import STRICT_RULES, StrictContext, StrictRule, check_strict
from rightsdata._values.isocodes import country_problem
from rightsdata.vocab import IdentifierScheme

from conftest import ROOT, examples, searching

_DATASETS = settings(
    max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
_RECORDS = settings(max_examples=examples(100), deadline=None)


def flagged(documents: dict[str, list[dict[str, Any]]], rule: StrictRule) -> bool:
    """Whether ``rule`` alone flags ``documents``."""
    records = {
        kind: [structure(cast("KindName", kind), doc) for doc in docs]
        for kind, docs in documents.items()
    }
    return bool(rule.check(StrictContext(records, dict.fromkeys(records, "documents"))))


@_DATASETS
@given(testing.dataset_documents(max_per_kind=3, strict=True))
def test_documents_drawn_strict_load_strictly(documents: dict[str, list[dict[str, Any]]]) -> None:
    loaded = rightsdata.load_documents(documents, strict=True)  # raises on any problem
    assert loaded == rightsdata.load_documents(documents)


@_DATASETS
@given(testing.datasets(max_per_kind=2, strict=True))
def test_a_dataset_drawn_strict_exported_to_a_folder_loads_strictly(
    dataset: rightsdata.Dataset,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        dataset.export(folder, "json")
        assert rightsdata.validate(folder, strict=True) == []
        assert rightsdata.load_path(folder, strict=True) == dataset


@_DATASETS
@given(testing.dataset_documents(max_per_kind=2, format=1, strict=True))
def test_documents_drawn_strict_for_format_1_load_strictly(
    documents: dict[str, list[dict[str, Any]]],
) -> None:
    rightsdata.load_documents(documents, descriptor={"name": "drawn"}, strict=True)


#: The rules whose breach the default draws hold (so a strict draw has something to mend):
#: not language-code (every tag is drawn from a few real ones) nor country-within (a drawn
#: place lies within none: the within-ends repair drops ``within``).
BROKEN_BY_DEFAULT = [r for r in STRICT_RULES if r.name not in ("language-code", "country-within")]


@pytest.mark.parametrize("rule", BROKEN_BY_DEFAULT, ids=lambda rule: rule.name)
def test_the_default_draws_still_break_each_rule(rule: StrictRule) -> None:
    """The default is not narrowed (and strict=True is no no-op): the default draws hold
    data each of these rules flags."""
    documents = find(
        testing.dataset_documents(max_per_kind=2),
        lambda docs: flagged(docs, rule),
        settings=searching(200),
    )
    with pytest.raises(rightsdata.InvalidDataError):
        rightsdata.load_documents(documents, strict=True)
    rightsdata.load_documents(documents)


def judged_alone(record: Record) -> list[str]:
    """The strict problems of ``record`` alone (the rules across records pass what they
    cannot look up)."""
    return [p.message for p in check_strict({record.kind_name: [record]}, {})]


@pytest.mark.parametrize("kind", list(RECORD_TYPES))
def test_a_record_drawn_strict_passes_the_checks_of_a_record_alone(kind: KindName) -> None:
    @_RECORDS
    @given(testing.records(kind, strict=True), getattr(testing, kind)(strict=True))
    def check(through_records: Record, by_kind: Record) -> None:
        assert judged_alone(through_records) == []
        assert judged_alone(by_kind) == []

    check()


def test_some_record_drawn_by_default_fails_the_checks_of_a_record_alone() -> None:
    assert find(testing.records("places"), lambda r: bool(judged_alone(r)), settings=searching(500))


@_RECORDS
@given(testing.identifiers(strict=True), testing.figures(strict=True))
def test_identifiers_and_figures_drawn_strict(identifier: Identifier, figure: Figure) -> None:
    if identifier.scheme in (IdentifierScheme.ISO_3166_1, IdentifierScheme.ISO_3166_2):
        assert country_problem(identifier.value[:2]) is None
    assert not {figure.asserted_by, *figure.joined_by} & set(figure.relayed_by)
    assert len(set(figure.citations)) == len(figure.citations)


def test_identifiers_drawn_by_default_have_unassigned_countries() -> None:
    found = find(
        testing.identifiers(),
        lambda i: i.scheme is IdentifierScheme.ISO_3166_1 and country_problem(i.value) is not None,
        settings=searching(500),
    )
    assert country_problem(found.value) is not None


@pytest.mark.parametrize(
    "make",
    [
        lambda: testing.datasets(strict=1),  # type: ignore[arg-type]
        lambda: testing.dataset_documents(strict="yes"),  # type: ignore[arg-type]
        lambda: testing.records("events", strict=None),  # type: ignore[call-overload]
        lambda: testing.identifiers(strict=0),  # type: ignore[arg-type]
    ],
)
def test_a_strict_that_is_not_a_bool_is_refused_when_the_strategy_is_made(make: Any) -> None:
    with pytest.raises(TypeError, match="strict must be True or False"):
        make()


def test_the_code_lists_are_read_only_when_a_strict_strategy_is_made() -> None:
    code = (
        "import sys, rightsdata.testing as t\n"
        "t.datasets(); t.records('places')\n"
        "print('rightsdata._validation.strict' in sys.modules,"
        " 'rightsdata._values.isocodes' in sys.modules)\n"
    )
    root = ROOT
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root)
    assert done.stdout.strip() == "False False", done.stderr
