"""Shared test setup: hypothesis profiles and helpers for writing dataset folders."""

from __future__ import annotations

import functools
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Final

import pytest
from hypothesis import HealthCheck, Phase, settings

import rightsdata
from rightsdata import KINDS, Dataset, KindName, Problem

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default")
settings.load_profile(PROFILE)

#: The repository's top folder, for the tests that read its files (docs, schemas, bench,
#: scripts): one definition, so that a test file reads the same wherever in tests/ it is.
ROOT = Path(__file__).resolve().parents[1]

#: The public modules: the package and every module of it whose name has no leading
#: underscore. The tests of the public surface (its ledger, names, constants, type hints and
#: completion) each walk these, found one way.
PUBLIC_MODULES: Final = (
    "rightsdata",
    *sorted(
        f"rightsdata.{path.stem}"
        for path in Path(rightsdata.__file__).parent.glob("*.py")
        if not path.stem.startswith("_")
    ),
)

#: tests/typing holds example files that tests/project/test_typing.py gives to mypy (one
#: must fail to type-check); pytest neither runs nor imports them. Said here rather than in a
#: conftest.py of that folder: pytest imports each conftest.py of a folder without
#: ``__init__.py`` as the module ``conftest``, so a second one would replace this module for
#: the test files collected after it (``from conftest import ...``).
collect_ignore = ["typing"]


def examples(full: int) -> int:
    """How many examples a property test runs: ``full`` under the ``ci`` profile (what CI
    sets), a tenth of it (at least 10) in the default loop people run while they work."""
    return full if PROFILE == "ci" else max(10, full // 10)


def searching(max_examples: int) -> settings:
    """Settings for ``hypothesis.find``: derandomized, so that a rare draw is found (or not)
    the same way on every run rather than missed once in a while, and without shrinking
    (most of a search's time; the first example found will do)."""
    return settings(
        max_examples=max_examples,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
        deadline=None,
        phases=[Phase.generate],
    )


# --- what a system may not have: symbolic links, FIFOs, names with a tab ---------------------


@functools.cache
def no_symlinks() -> str | None:
    """Why this system cannot make symbolic links, or None where it can: Windows without the
    privilege (or developer mode) refuses them with an OSError, a system without them raises
    NotImplementedError. Tried once, in a folder of its own, so that a link a test fails to
    make where links can be made still fails the test."""
    with tempfile.TemporaryDirectory() as folder:
        try:
            os.symlink("target", os.path.join(folder, "link"))
        except (OSError, NotImplementedError) as error:
            return f"this system makes no symbolic links ({error})"
    return None


def symlink(link: Path, target: str | Path) -> Path:
    """``link`` made a symbolic link to ``target`` (relative to ``link``'s folder unless
    absolute; its ``/`` the system's separator), a link to a folder if ``target`` is one
    (Windows tells the two apart); the test is skipped where the system makes no links
    (:func:`no_symlinks`)."""
    reason = no_symlinks()
    if reason is not None:
        pytest.skip(reason)
    link.symlink_to(Path(target), target_is_directory=(link.parent / target).is_dir())
    return link


def skip_unless_a_name_can_hold(name: str) -> None:
    """Skip the test where a folder cannot be named ``name``: Windows refuses a name with a
    control character (a tab, a line feed, ESC) or any of ``"*:<>?|``. Tried in a folder of
    its own."""
    with tempfile.TemporaryDirectory() as folder:
        try:
            os.mkdir(os.path.join(folder, name))
        except OSError as error:
            pytest.skip(f"this system's file names cannot hold {name!r} ({error})")


def fifo(path: Path | str) -> Path:
    """A FIFO (named pipe) made at ``path``; the test is skipped where the system has none
    (``os.mkfifo`` is POSIX's: Windows has no FIFOs in its file system)."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("this system has no FIFOs (os.mkfifo)")
    os.mkfifo(path)
    return Path(path)


# The documents below are in canonical form (format 2): optional fields that are null or
# empty are left out, so that a field added to the model changes none of them.
CITE = {"source": "source:doc"}


def kind_named(name: str) -> KindName:
    """``name``, which must be a record kind's name, typed as one (for a kind that comes as
    text from a page, a file or a strategy's keys)."""
    assert name in KINDS, name
    return name


def parts(problem: Problem) -> tuple[object, ...]:
    """A problem's location in parts: file, kind, index, line, record ID, field."""
    return (
        problem.file,
        problem.kind,
        problem.index,
        problem.line,
        problem.record_id,
        problem.field,
    )


#: What the command line's JSON objects (``info --json``, a ``--json-report``) say of the
#: base where no ``--base`` was given (docs/cli.md).
NO_BASE: Final[dict[str, None]] = {"base": None, "base_name": None, "base_version": None}


def source_doc(record_id: str = "source:doc") -> dict[str, Any]:
    """A valid source document."""
    return {
        "id": record_id,
        "title": "A document",
        "published": "2012-12-14",
        "kind": "press_release",
        "language": "en",
    }


def person_doc(record_id: str = "person:a", **changes: Any) -> dict[str, Any]:
    """A valid person document."""
    doc = {
        "id": record_id,
        "name": "A Person",
        "country": "KZ",
        "citations": [dict(CITE)],
    }
    doc.update(changes)
    return doc


def event_doc(record_id: str = "event:a", **changes: Any) -> dict[str, Any]:
    """A valid event document (its references need person:a and source:doc)."""
    doc = {
        "id": record_id,
        "kind": "verdict",
        "title": "A verdict",
        "date": "2012-10-08",
        "participants": [{"actor": "person:a", "role": "defendant"}],
        "penalty": {"kind": "imprisonment", "term": "P7Y6M"},
        "citations": [dict(CITE)],
    }
    doc.update(changes)
    return doc


def rating_doc(
    record_id: str, as_of: str, level: str = "obstructed", **fields: Any
) -> dict[str, Any]:
    """A valid rating document of place:kz on the CIVICUS Monitor's scale (its references
    need place:kz, the rater, org:a unless ``rated_by`` is given, and source:doc)."""
    return {
        "id": record_id,
        "country": "place:kz",
        "scale": "civicus_monitor",
        "level": level,
        "as_of": as_of,
        "rated_by": "org:a",
        "citations": [dict(CITE)],
        **fields,
    }


def write_folder(folder: Path, files: Mapping[str, Any]) -> Path:
    """Write ``{file name: JSON value or raw str/bytes}`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(json.dumps(content, ensure_ascii=False, indent=2), encoding="utf-8")
    return folder


def copied(source: Path, target: Path) -> Path:
    """``target`` holding a copy of each file of ``source`` (an export to edit)."""
    return write_folder(target, {path.name: path.read_bytes() for path in source.iterdir()})


def rewritten_table(folder: Path, name: str, change: Callable[[list[list[str]]], None]) -> None:
    """Rewrite the CSV table ``name`` of ``folder`` with ``change`` made to its rows of fields
    (the header first), as the csv module reads and writes them (quoted texts may span
    lines)."""
    import csv
    import io

    path = folder / name
    fields = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    change(fields)
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(fields)
    path.write_bytes(buffer.getvalue().encode("utf-8"))


#: The three layouts a dataset may be written in (:func:`write_layout`).
LAYOUTS: Final = ("folder", "document", "lines")


def write_layout(
    tmp_path: Path, layout: str, documents: Mapping[str, list[Any]], *, interleaved: bool = False
) -> Path:
    """The same records as a folder (``folder/<kind>.json``), one JSON document (``all.json``)
    or JSON Lines (``all.jsonl``: a line a record, each with its ``$kind``; a record that is
    not an object is written as it is). The lines follow the kinds in order, or, with
    ``interleaved``, the first record of each kind, then the second of each..."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    if layout == "folder":
        files = {f"{kind}.json": json.dumps(records) for kind, records in documents.items()}
        return write_folder(tmp_path / "folder", files)
    if layout == "document":
        path = tmp_path / "all.json"
        path.write_text(json.dumps(documents), encoding="utf-8")
        return path
    if interleaved:
        longest = max((len(records) for records in documents.values()), default=0)
        pairs = [
            (kind, records[n])
            for n in range(longest)
            for kind, records in documents.items()
            if n < len(records)
        ]
    else:
        pairs = [(kind, record) for kind, records in documents.items() for record in records]
    lines = [
        json.dumps({"$kind": kind, **record} if type(record) is dict else record)
        for kind, record in pairs
    ]
    path = tmp_path / "all.jsonl"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


#: The test modules that show records without naming their dataset: a card then describes
#: the dataset made last of those alive that hold the record (docs/plotting.md).
_CARD_MODULES = ("test_display", "test_textcard", "test_cards_shared", "test_groups")


@pytest.fixture(autouse=True)
def _no_dataset_left_by_an_earlier_test(request: pytest.FixtureRequest) -> None:
    """Before each test of a module that shows cards, the datasets earlier tests left as
    garbage in cycles (a ``pytest.raises`` traceback holds its test's frame, and so its
    datasets) are collected: otherwise one built on the bundled dataset, still alive until
    the collector runs, is what a card of a bundled record describes (about 25 ms a test)."""
    if request.module.__name__.startswith(_CARD_MODULES):
        import gc

        gc.collect()


@pytest.fixture(scope="module")
def ds() -> Dataset:
    """The bundled dataset, as ``rightsdata.load()`` gives it (a test folder's own ``ds``
    fixture, a dataset of its own, takes its place there)."""
    import rightsdata

    return rightsdata.load()


@pytest.fixture
def figures_closed() -> Iterator[None]:
    """Close every matplotlib figure a test left open (for tests that plot:
    ``pytestmark = pytest.mark.usefixtures("figures_closed")``), so that a worker's figures
    do not pile up."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        import matplotlib.pyplot as plt

        plt.close("all")


@pytest.fixture
def make_folder(tmp_path: Path) -> Callable[[Mapping[str, Any]], Path]:
    """Write a dataset folder from ``{file name: content}`` and return its path."""
    counter = iter(range(1000))

    def make(files: Mapping[str, Any]) -> Path:
        return write_folder(tmp_path / f"ds{next(counter)}", files)

    return make


# --- the bundled dataset in the older formats ------------------------------------------------


def without_key(document: Any, path: tuple[str, ...]) -> None:
    """``document`` (a record's JSON) without the key at ``path`` (``("figures", "of")``),
    through the parts and lists on the way, in its place."""
    step, rest = path[0], path[1:]
    if not isinstance(document, dict) or step not in document:
        return
    if not rest:
        del document[step]
        return
    for part in document[step] if isinstance(document[step], list) else [document[step]]:
        without_key(part, rest)


def without_sets(value: Any) -> Any:
    """A JSON value (a record, a kind's records, a dataset's documents) with each date that is
    a set replaced by the interval over the same days (``[2012-01-26..2012-10-08]`` and
    ``[2012-01-26,2012-10-08]`` by ``2012-01-26/2012-10-08``, an open side staying open:
    ``[2015-12-08..]`` by ``2015-12-08/..``): data as formats 1 and 2 can hold it (with
    :func:`without_of`), for the tests of those formats."""
    from rightsdata import EDTF

    if isinstance(value, dict):
        return {key: without_sets(item) for key, item in value.items()}
    if isinstance(value, list):
        return [without_sets(item) for item in value]
    if isinstance(value, str) and value.startswith("[") and value.endswith("]"):
        date = EDTF(value)
        assert date.is_set and (date.start is not None or date.end is not None), value
        return f"{date.start or '..'}/{date.end or '..'}"
    return value


def without_of(value: Any) -> Any:
    """A JSON value (a record, a kind's records, a dataset's documents) with each figure's
    ``of`` (what it counts) left out: data as formats 1 to 3 can hold it, for the tests of
    those formats. (The bundled dataset stays valid without them: no two of a record's
    figures are then told apart by ``of`` alone in a way a rule refuses.)"""
    if isinstance(value, dict):
        return {
            key: (
                [{k: without_of(v) for k, v in figure.items() if k != "of"} for figure in item]
                if key == "figures" and isinstance(item, list)
                else without_of(item)
            )
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [without_of(item) for item in value]
    return value


def left_out(value: Any) -> Any:
    """A JSON value as format 2 writes it: every key whose value is null or [] left out, at
    every depth."""
    if isinstance(value, dict):
        return {k: left_out(v) for k, v in value.items() if v is not None and v != []}
    if isinstance(value, list):
        return [left_out(item) for item in value]
    return value


def in_format(value: Any, format: int) -> Any:
    """A JSON value (a record, a kind's records, a dataset's documents) as ``format`` can
    hold it: without figures' ``of`` before format 4 (:func:`without_of`), and without dates
    that are sets before format 3 (:func:`without_sets`)."""
    from rightsdata._values.format import OF_FROM, SETS_FROM

    if format < OF_FROM:
        value = without_of(value)
    if format < SETS_FROM:
        value = without_sets(value)
    return value


def bundled_in_format(folder: Path, format: int) -> Path:
    """A copy of the bundled dataset's folder in ``folder``, its data as ``format`` can hold
    it (:func:`in_format`) and written by ``rightsdata fmt``: the lowest format it needs (2
    for formats 1 and 2, 3 for format 3: the bundled dataset itself needs format 4)."""
    import shutil

    from rightsdata._data.canonical import format_folder
    from rightsdata._values.resources import datasets_root

    shutil.copytree(Path(str(datasets_root() / "kazakhstan")), folder)
    from rightsdata import KINDS

    for kind in KINDS:
        path = folder / f"{kind}.json"
        if path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
            older = in_format(data, format)
            path.write_text(json.dumps(older, ensure_ascii=False), encoding="utf-8")
    format_folder(folder)
    return folder


def bundled_dataset_in_format(format: int) -> Dataset:
    """The bundled dataset's data as ``format`` can hold it (:func:`in_format`), as a
    ``Dataset`` declaring none: what :func:`bundled_in_format`'s folder loads as."""
    import rightsdata

    bundled = rightsdata.load()
    return rightsdata.load_documents(
        in_format(bundled.to_dict(), format),
        name=bundled.name,
        version=bundled.version,
        redirects=bundled.redirects,
    )


@pytest.fixture
def cyrillic(tmp_path: Path) -> Path:
    """A valid dataset folder whose names and titles are in Cyrillic."""
    files = {
        "sources.json": [source_doc()],
        "persons.json": [person_doc(name="Иван Петров")],
        "events.json": [event_doc(title="Приговор Ивану Петрову")],
    }
    return write_folder(tmp_path / "cyrillic", files)


def printed_json(code: str) -> Any:
    """What ``code``, run in a fresh interpreter (so that nothing is imported yet), prints
    as JSON; its error output if it fails."""
    import subprocess

    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
