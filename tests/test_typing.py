"""Type checking as a downstream user meets it: mypy --strict on example files and README.

tests/typing/typed_access.py must check clean; tests/typing/untyped_access.py must give
exactly the errors marked on its lines; README's Python examples must check clean.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TYPING = Path(__file__).resolve().parent / "typing"
ERROR = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): error: .*\[(?P<code>[a-z-]+)\]$")
MARK = re.compile(r"# error: (?P<code>[a-z-]+)")


def readme_examples() -> str:
    """README's ```python blocks, doctest prompts removed, as one module."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"```python\n(.*?)```", text, re.S):
        for line in block.splitlines():
            if line.startswith((">>> ", "... ")):
                lines.append(line[4:])
            elif line in (">>>", "..."):
                lines.append("")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def mypy_errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[int, str]]]:
    """mypy --strict on the example files and README's examples, in one run: errors by file."""
    readme = tmp_path_factory.mktemp("readme") / "readme_examples.py"
    readme.write_text(readme_examples(), encoding="utf-8")
    files = [TYPING / "typed_access.py", TYPING / "untyped_access.py", readme]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", *map(str, files)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    # 2 would be a crash or bad usage; anything on stderr (no mypy at all) is not a verdict
    assert result.returncode in (0, 1) and not result.stderr.strip(), result.stderr
    errors: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for line in result.stdout.splitlines():
        match = ERROR.match(line)
        if match:
            errors[Path(match["path"]).name].append((int(match["line"]), match["code"]))
        else:
            assert ": note: " in line, line  # every line is an error or a note on one
    return errors


def test_typed_access_checks_clean(mypy_errors: dict[str, list[tuple[int, str]]]) -> None:
    assert mypy_errors["typed_access.py"] == []


def test_untyped_access_gives_the_marked_errors(
    mypy_errors: dict[str, list[tuple[int, str]]],
) -> None:
    source = (TYPING / "untyped_access.py").read_text(encoding="utf-8").splitlines()
    expected = [
        (number, match["code"])
        for number, line in enumerate(source, start=1)
        if (match := MARK.search(line))
    ]
    assert len(expected) == 4
    assert sorted(set(mypy_errors["untyped_access.py"])) == expected


def test_readme_examples_check_clean(mypy_errors: dict[str, list[tuple[int, str]]]) -> None:
    assert "ds.events[" in readme_examples()  # the extraction found the examples
    assert mypy_errors["readme_examples.py"] == []
