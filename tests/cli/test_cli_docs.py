"""The command line's documentation is true: docs/cli.md's examples run and print what the page
shows, docs/records.md's examples are records, the README's commands are CI's, and the
citation files say what the package and dataset are."""

from __future__ import annotations

import contextlib
import doctest
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata._cli.main import main
from rightsdata._model.records import KINDS

from conftest import ROOT

DOCS = ROOT / "docs"
_FILE_MARK = re.compile(r"<!-- file: (?P<path>\S+) -->\n```json\n(?P<body>.*?)\n```", re.S)
_CONSOLE = re.compile(r"```console\n(?P<body>.*?)\n```", re.S)


def _steps(page: str) -> list[tuple[str, str, str]]:
    """('file', path, content) and ('run', command, expected output), in page order."""
    found: list[tuple[int, tuple[str, str, str]]] = []
    for match in _FILE_MARK.finditer(page):
        found.append((match.start(), ("file", match["path"], match["body"] + "\n")))
    for match in _CONSOLE.finditer(page):
        command, _, output = match["body"].partition("\n")
        assert command.startswith("$ rightsdata "), command
        found.append((match.start(), ("run", command[2:], output)))
    return [step for _, step in sorted(found)]


def test_cli_page_examples_print_what_the_page_shows(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.chdir(tmp_path)
    checker = doctest.OutputChecker()
    steps = _steps((DOCS / "cli.md").read_text(encoding="utf-8"))
    assert sum(kind == "run" for kind, _, _ in steps) >= 15
    for kind, what, content in steps:
        if kind == "file":
            Path(what).write_text(content, encoding="utf-8")
            continue
        with contextlib.suppress(SystemExit):  # --version exits from argparse
            main(shlex.split(what)[1:])
        out, err = capsys.readouterr()
        got = out + err
        assert checker.check_output(content + "\n", got, doctest.ELLIPSIS), (
            f"`{what}` printed:\n{got}"
        )


def test_cli_page_covers_every_command() -> None:
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    for command in ("info", "cite", "search", "events", "timeline", "show", "validate", "init"):
        assert f"$ rightsdata {command}" in page, command
    for command in ("export", "fmt"):
        assert f"`{command}" in page, command
    assert "cli\n" in (DOCS / "index.md").read_text(encoding="utf-8")


def _record_section(kind: str) -> str:
    page = (DOCS / "records.md").read_text(encoding="utf-8")
    return page.split(f"\n## {kind}\n", 1)[1].split("\n## ", 1)[0]


def _record_examples() -> dict[str, dict[str, Any]]:
    page = (DOCS / "records.md").read_text(encoding="utf-8")
    sections = re.findall(r"^## (\w+)\n.*?```json\n(.*?)\n```", page, re.S | re.M)
    return {kind: json.loads(body) for kind, body in sections}


def test_records_page_has_a_full_example_of_every_kind_that_loads(tmp_path: Path) -> None:
    from rightsdata._data.canonical import with_every_field
    from rightsdata._validation.convert import structure_many, unstructure

    examples = _record_examples()
    assert list(examples) == list(KINDS)
    bundled = rightsdata.load()
    for kind, document in examples.items():
        assert kind in KINDS
        records, problems = structure_many(kind, [document], f"records.md:{kind}")
        assert problems == [], problems
        # every field present (format 1's form: the page shows what a record can hold),
        # and the record is still the bundled one
        cls = type(records[0])
        assert with_every_field(cls, unstructure(records[0])) == document
        if not bundled.collection(kind):  # a kind the bundled data has none of: by hand
            assert "<!-- generated" not in _record_section(kind), kind
            continue
        assert with_every_field(cls, unstructure(bundled.get(document["id"]))) == document
    assert "records\n" in (DOCS / "index.md").read_text(encoding="utf-8")


def _code_blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)\n```", text, re.S)


def test_readme_starts_with_the_users_command_then_the_developers() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    first, second = _code_blocks(quick, "sh")[:2]
    assert "pip install ." in first and "[" not in first  # no extras for a user
    assert "rightsdata timeline" in first
    assert '".[test]"' in second and "python -m pytest" in second
    # each says how long it takes
    assert re.search(r"about \d+ s", quick.split(second)[0]), "time of the first command"
    # CI runs the README's test command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = next(part for part in second.split("&&") if "pytest" in part)
    assert test_command.replace(".venv/bin/", "").strip() == "python -m pytest"
    assert "HYPOTHESIS_PROFILE=ci python -m pytest\n" in ci


def test_readme_cli_section_names_every_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("info", "cite", "search", "events", "timeline", "show", "validate", "init"):
        assert f"rightsdata {command}" in readme, command


def test_citation_cff_describes_this_package() -> None:
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    fields = dict(
        re.findall(r"^([a-z-]+): *\"?([^\"\n]*)\"?$", text, re.M)
    )  # the top-level scalars
    assert fields["cff-version"] == "1.2.0"
    assert fields["title"] == "rightsdata"
    assert fields["version"] == rightsdata.__version__
    assert fields["license"] == "MIT"
    assert "authors:" in text and "type: software" in text


def test_version_from_the_installed_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "rightsdata", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout.strip()) == (0, f"rightsdata {rightsdata.__version__}")


def _extras_list(readme: str) -> dict[str, str]:
    """The README's extras: each name and what its brackets say it installs."""
    items = re.findall(r"^- `([a-z]+)` \(([^)]*)\):", readme, re.M)
    return dict(items)


def test_quickstart_names_every_extra() -> None:
    import tomllib

    # it named seven of ten (not testing, bench or dev)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    page = (DOCS / "quickstart.md").read_text(encoding="utf-8")
    sentence = " ".join(page.split("Optional extras:", 1)[1].split(".\n", 1)[0].split())
    for extra in project["optional-dependencies"]:
        assert f"`{extra}`" in sentence, extra


def test_readme_lists_every_extra_with_what_it_installs() -> None:
    import tomllib

    # the list named six extras of ten (not notebook, test, bench or dev)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras: dict[str, list[str]] = project["optional-dependencies"]
    listed = _extras_list((ROOT / "README.md").read_text(encoding="utf-8"))
    assert sorted(listed) == sorted(extras)
    for extra, requirements in extras.items():
        said = listed[extra]
        included = [
            name
            for r in requirements
            if r.startswith("rightsdata[")
            for name in r.removeprefix("rightsdata[").removesuffix("]").split(",")
        ]
        packages = [re.split(r"[<>=\[ ]", r)[0] for r in requirements if r not in included]
        packages = [p for p in packages if p != "rightsdata"]
        for name in included:
            assert f"`{name}`" in said, (extra, name)
        if len(packages) <= 2:  # (a longer list is summed up: "Sphinx and the notebook tools")
            for package in packages:
                assert package in said, (extra, package)
