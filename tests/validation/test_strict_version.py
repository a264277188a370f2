"""The strict rule of a dataset's own version (``semantic-version``): a version that is not a
semantic version (``1.0``, ``v2``, ``2024-01``) loads by default, and is refused under
``strict``, located at the descriptor's ``version`` in every layout and path."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata import InvalidDataError, Problem
from rightsdata._cli.main import main
from rightsdata._validation.strictversion import VERSION_RULE, version_problem
from rightsdata._values.errors import ProblemCode
from rightsdata._values.requirement import parse_version
from rightsdata.tables import load_directory

MakeFolder = Callable[[Mapping[str, Any]], Path]

SOURCE = {"id": "source:a", "title": "A report", "kind": "report", "language": "en"}
NOT_SEMANTIC = ["1.0", "v2", "2024-01", "1", "1.0.0.0", "01.2.3", "latest"]


def located(problems: list[Problem] | tuple[Problem, ...]) -> list[tuple[object, ...]]:
    return [(p.location, p.code, p.file, p.line) for p in problems]


def strict_problems(call: Callable[..., object], *args: Any, **options: Any) -> list[Problem]:
    """The problems ``call(*args, **options)`` raises ([] if it returns)."""
    try:
        call(*args, **options)
    except InvalidDataError as error:
        return list(error.problems)
    return []


@pytest.mark.parametrize("version", NOT_SEMANTIC)
def test_a_folder_s_version_that_is_not_semantic_loads_by_default_and_not_strictly(
    make_folder: MakeFolder, version: str
) -> None:
    folder = make_folder(
        {"datapackage.json": {"name": "mine", "version": version}, "sources.json": [SOURCE]}
    )
    assert rightsdata.load_path(folder).version == version  # (the default: any text)
    found = rightsdata.validate(folder, strict=True)
    assert located(found) == [
        ("datapackage.json.version", ProblemCode.STRICT, "datapackage.json", None)
    ]
    assert f"{version!r} is not a semantic version (MAJOR.MINOR.PATCH" in found[0].message
    assert located(strict_problems(rightsdata.load_path, folder, strict=True)) == (located(found))


@pytest.mark.parametrize("version", ["1.0.0", "0.1.0", "3.2.0-rc.1", "3.1.0+build.5"])
def test_a_semantic_version_passes(make_folder: MakeFolder, version: str) -> None:
    folder = make_folder(
        {"datapackage.json": {"name": "mine", "version": version}, "sources.json": [SOURCE]}
    )
    assert rightsdata.validate(folder, strict=True) == []


def test_the_message_says_the_version_likely_meant_where_it_can() -> None:
    assert "did you mean '1.0.0'?" in (version_problem("1.0") or "")
    assert "did you mean '2.0.0'?" in (version_problem("v2") or "")
    assert "did you mean '1.2.3'?" in (version_problem("01.2.3") or "")
    assert "such as '1.0.0'" in (version_problem("2024-01") or "")
    assert "did you mean" not in (version_problem("2024-01") or "")
    # (each version suggested is a semantic version)
    for version in NOT_SEMANTIC:
        said = version_problem(version) or ""
        if "did you mean" in said:
            assert parse_version(said.split("did you mean ")[1].split("'")[1]) is not None


def test_a_json_document_and_json_lines_fast_and_diagnostic(tmp_path: Path) -> None:
    descriptor = {"name": "mine", "version": "1.0"}
    document = tmp_path / "all.json"
    document.write_text(
        json.dumps({"datapackage": descriptor, "sources": [SOURCE]}), encoding="utf-8"
    )
    assert located(rightsdata.validate(document, strict=True)) == [
        ("all.json:datapackage.version", ProblemCode.STRICT, "all.json", None)
    ]
    lines = tmp_path / "all.jsonl"
    for first in (  # the kind first (the fast path), and last (the diagnostic path)
        {"$kind": "datapackage", **descriptor},
        {**descriptor, "$kind": "datapackage"},
    ):
        lines.write_text(
            json.dumps(first) + "\n" + json.dumps({"$kind": "sources", **SOURCE}) + "\n",
            encoding="utf-8",
        )
        assert rightsdata.load_path(lines).version == "1.0"
        assert located(rightsdata.validate(lines, strict=True)) == [
            ("all.jsonl:1 datapackage.version", ProblemCode.STRICT, "all.jsonl", 1)
        ]


def test_load_documents_and_dataset_judge_the_version_given_or_the_descriptor_s() -> None:
    documents = {"sources": [SOURCE]}
    for given, at in (
        ({"version": "1.0"}, "version"),
        ({"descriptor": {"version": "v1"}}, "descriptor.version"),
        ({"descriptor": {"version": "1.0.0"}, "version": "1"}, "version"),  # (it replaces)
    ):
        rightsdata.load_documents(documents, **given)
        found = strict_problems(rightsdata.load_documents, documents, strict=True, **given)
        assert located(found) == [
            ("documents:datapackage.version", ProblemCode.STRICT, "documents", None)
        ]
        records = {"sources": list(rightsdata.load_documents(documents).sources)}
        rightsdata.Dataset(records, **given)
        found = strict_problems(rightsdata.Dataset, records, strict=True, **given)
        assert located(found) == [(at, ProblemCode.STRICT, None, None)]
    rightsdata.load_documents(documents, version="1.0.0", strict=True)
    rightsdata.Dataset(records, descriptor={"version": "1.0.0"}, strict=True)


def test_a_version_with_a_problem_of_its_own_is_told_that_alone(make_folder: MakeFolder) -> None:
    """An empty version, or one that is no text, is the descriptor's problem (of every load),
    and a descriptor with problems is not judged strictly, as a record that failed is not."""
    for descriptor in ({"version": ""}, {"version": 1}, {"version": "1.0", "licenses": 5}):
        folder = make_folder({"datapackage.json": descriptor, "sources.json": [SOURCE]})
        validated = rightsdata.validate(folder, strict=True)
        assert validated and ProblemCode.STRICT not in {p.code for p in validated}
        records = {"sources": list(rightsdata.load_documents({"sources": [SOURCE]}).sources)}
        found = strict_problems(rightsdata.Dataset, records, descriptor=descriptor, strict=True)
        assert found and ProblemCode.STRICT not in {p.code for p in found}


def test_the_command_line_s_validate_strict(
    make_folder: MakeFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_folder(
        {"datapackage.json": {"name": "mine", "version": "v2"}, "sources.json": [SOURCE]}
    )
    assert main(["validate", str(folder)]) == 0
    capsys.readouterr()
    assert main(["validate", str(folder), "--strict", "--json"]) == 1
    [problem] = json.loads(capsys.readouterr().out)
    assert (problem["location"], problem["code"]) == ("datapackage.json.version", "strict")
    assert "did you mean '2.0.0'?" in problem["message"]


def test_an_export_read_back_strictly(tmp_path: Path) -> None:
    dataset = rightsdata.load_documents({"sources": [SOURCE]}, name="mine", version="1.0")
    dataset.export(tmp_path / "out", "datapackage")
    assert load_directory(tmp_path / "out").version == "1.0"
    found = strict_problems(load_directory, tmp_path / "out", strict=True)
    assert [(p.location, p.code) for p in found] == [("datapackage.json.version", "strict")]


def test_the_rule_s_own_examples() -> None:
    documents = {"sources": [SOURCE]}
    bad, good = VERSION_RULE.bad, VERSION_RULE.good
    assert located(
        strict_problems(rightsdata.load_documents, documents, descriptor=bad, strict=True)
    ) == [("documents:datapackage.version", ProblemCode.STRICT, "documents", None)]
    rightsdata.load_documents(documents, descriptor=good, strict=True)


def test_the_rule_is_worded_as_the_record_rules_are() -> None:
    """Listed with them (docs/loading.md), under a name of its own, in a clause, and each
    detail in one (as test_strict holds the record rules' wording)."""
    from rightsdata._validation.strict import STRICT_RULES

    assert VERSION_RULE.name not in {rule.name for rule in STRICT_RULES}
    for text in (VERSION_RULE.prose, *VERSION_RULE.details):
        assert text == text.strip() and not text.endswith(".") and "\n" not in text
        assert len(text.split()) <= 60
    assert len(VERSION_RULE.prose.split()) <= 30
