"""rightsdata's exit hook and the ways to keep a dataset usable to the process's end
(``rightsdata._values.exitleave``): ``Dataset.keep_at_exit()``, ``RIGHTSDATA_RELEASE_AT_EXIT``,
and the error a released dataset raises. docs/loading.md, At the interpreter's exit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import rightsdata
from rightsdata._values import exitleave

from conftest import person_doc, source_doc


def _script(source: str, *args: object, env: dict[str, str] | None = None) -> tuple[str, str]:
    """Run ``source`` as a script of its own; its output and its errors, once it has exited."""
    command = [sys.executable, "-c", source, *map(str, args)]
    environ = {k: v for k, v in os.environ.items() if k != exitleave.ENVIRONMENT}
    done = subprocess.run(
        command, capture_output=True, text=True, check=True, env={**environ, **(env or {})}
    )
    return done.stdout, done.stderr


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dataset of 10,001 records (one source, 10,000 persons): released at the exit."""
    path = tmp_path_factory.mktemp("large") / "people.json"
    persons = [person_doc(f"person:p{number:05}") for number in range(10_000)]
    path.write_text(json.dumps({"sources": [source_doc()], "persons": persons}), encoding="utf-8")
    return path


#: A library that imports rightsdata lazily, as an optional dependency, keeps its dataset in
#: module state and uses it from an exit hook registered before that import (so run after
#: rightsdata's hook).
_LAZY_LIBRARY = """
import atexit, sys

_data = None

def persons():
    global _data
    if _data is None:
        import rightsdata
        _data = rightsdata.load_path(sys.argv[1])
        if sys.argv[2] == "keep":
            _data.keep_at_exit()
    return len(_data.persons)

atexit.register(lambda: print("persons", persons()))
persons()
"""


def test_a_dataset_used_by_an_exit_hook_registered_before_the_import_is_released(
    large: Path,
) -> None:
    out, err = _script(_LAZY_LIBRARY, large, "plain")
    assert out == ""
    assert "RuntimeError: this rightsdata dataset was released at the interpreter's exit" in err


@pytest.mark.parametrize(
    ("how", "env"), [("keep", {}), ("plain", {"RIGHTSDATA_RELEASE_AT_EXIT": "0"})]
)
def test_keep_at_exit_and_the_environment_keep_it_usable_to_the_end(
    large: Path, how: str, env: dict[str, str]
) -> None:
    out, err = _script(_LAZY_LIBRARY, large, how, env=env)
    assert (out, err) == ("persons 10000\n", "")


#: Two datasets to the end, one kept and one not; a hook registered before the import reports
#: which can still be used, and the references the frozen one gained.
_TWO_DATASETS = """
import atexit, sys

def report():
    for name, ds in (("kept", kept), ("other", other)):
        try:
            print(name, len(ds.persons))
        except RuntimeError:
            print(name, "released")
    print("gained", sys.getrefcount(kept) - held)

atexit.register(report)
import rightsdata
kept = rightsdata.load_path(sys.argv[1], freeze=sys.argv[2] == "freeze")
kept.keep_at_exit()
other = rightsdata.load_path(sys.argv[1])
held = sys.getrefcount(kept)
"""


@pytest.mark.parametrize(("freeze", "gained"), [("freeze", "1"), ("plain", "0")])
def test_keep_at_exit_keeps_that_dataset_alone_and_a_frozen_one_is_still_left(
    large: Path, freeze: str, gained: str
) -> None:
    out, err = _script(_TWO_DATASETS, large, freeze)
    assert out.split() == ["kept", "10000", "other", "released", "gained", gained]
    assert err == ""


def test_the_error_of_a_released_dataset_says_what_happened_and_what_to_do() -> None:
    bundled = rightsdata.load()  # (cached, shared: its copy is released, not it)
    ds = rightsdata.Dataset({kind: list(bundled.collection(kind)) for kind in rightsdata.KINDS})
    persons = ds.persons
    ds._release()
    with pytest.raises(RuntimeError) as raised:
        len(persons)
    message = str(raised.value)
    assert message.startswith(
        "this rightsdata dataset was released at the interpreter's exit: rightsdata's exit "
        "hook freed its records, and the exit hooks registered before `import rightsdata`, "
        "finalisers and daemon threads run after it"
    )
    for remedy in (
        "call its `keep_at_exit()`",
        "set RIGHTSDATA_RELEASE_AT_EXIT=0",
        "import rightsdata before registering the exit hook that uses it",
    ):
        assert remedy in message
    assert "_values" not in message and "exitleave" not in message  # public names only
    assert hasattr(rightsdata.Dataset, "keep_at_exit")


class _Held:
    def __init__(self) -> None:
        self.released = False

    def _release(self) -> None:
        self.released = True


@pytest.fixture
def tables() -> Iterator[None]:
    """The hook's tables emptied around a test that runs the hook (the process's own exit
    then finds nothing of the test's)."""
    exitleave._released.clear()
    exitleave._kept.clear()
    yield
    exitleave._released.clear()
    exitleave._kept.clear()


@pytest.mark.usefixtures("tables")
@pytest.mark.parametrize(
    ("value", "released"),
    [(None, True), ("1", True), ("on", True), ("0", False), (" Off ", False), ("no", False)],
)
def test_the_environment_switch(
    monkeypatch: pytest.MonkeyPatch, value: str | None, released: bool
) -> None:
    if value is None:
        monkeypatch.delenv(exitleave.ENVIRONMENT, raising=False)
    else:
        monkeypatch.setenv(exitleave.ENVIRONMENT, value)
    held, kept = _Held(), _Held()
    exitleave.release_at_exit(held, records=exitleave.RELEASE_FROM)
    exitleave.release_at_exit(kept, records=exitleave.RELEASE_FROM)
    exitleave.keep_at_exit(kept)
    exitleave.at_exit()
    assert (held.released, kept.released) == (released, False)


@pytest.mark.usefixtures("tables")
def test_a_value_of_the_switch_it_does_not_know_is_warned_of_and_releases(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(exitleave.ENVIRONMENT, "maybe")
    held = _Held()
    exitleave.release_at_exit(held, records=exitleave.RELEASE_FROM)
    with pytest.warns(RuntimeWarning, match="RIGHTSDATA_RELEASE_AT_EXIT='maybe' is neither on"):
        exitleave.at_exit()
    assert held.released


@pytest.mark.usefixtures("tables")
def test_elsewhere_than_cpython_a_frozen_dataset_kept_is_not_released(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Implementation:
        name = "pypy"

    monkeypatch.setattr(sys, "implementation", Implementation())
    frozen, kept = _Held(), _Held()
    exitleave.leave_at_exit(frozen)
    exitleave.leave_at_exit(kept)
    exitleave.keep_at_exit(kept)
    exitleave.at_exit()
    assert (frozen.released, kept.released) == (True, False)
