"""What a cold `import rightsdata; rightsdata.load()` imports, and how the data is found.

The timings are measured by bench/bench_load.py (docs/performance.md); these tests pin what
makes them: loading the bundled data imports neither the optional libraries nor the parts
of rightsdata that only queries, exports or the diagnostic path need.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import rightsdata
from rightsdata._model.records import Penalty
from rightsdata._values.durations import Duration
from rightsdata._values.errors import FieldError
from rightsdata._values.resources import DiskFolder, _source_checkout, datasets_root
from rightsdata.vocab import PenaltyKind

from conftest import ROOT, printed_json

#: Imported by `load()` only if something is wrong: none of them is needed to load.
NOT_FOR_LOADING = (
    "json",  # the bundled descriptor is parsed by msgspec (rightsdata._data.loading)
    "pendulum",
    "cattrs",
    "jsonschema",
    "pandas",
    "pyarrow",
    "numpy",
    "matplotlib",
    "importlib.metadata",
    "importlib.resources",
    "pathlib",
    "urllib.request",
    "rightsdata._validation.convert",
    "rightsdata._validation.strict",  # only a strict check (strict=True) needs it
    "rightsdata._validation.strictversion",
    "rightsdata._data.schemanames",  # only a schema other than the one fmt writes needs it
    "rightsdata._data.indexes",
    "rightsdata._data.query",
    "rightsdata._data.search",
    "rightsdata._display.display",
    "rightsdata._display.lists",
    "rightsdata._tables.tables",
)

PROBE = """
import json, sys
before = set(sys.modules)
import rightsdata
ds = rightsdata.load()
term = ds.events.get("event:kozlov-verdict-2012-10-08").penalty.term
loaded = sorted(set(sys.modules) - before)
ds.get("person:vladimir-kozlov")
queried = sorted(set(sys.modules) - before)
print(json.dumps({"loaded": loaded, "queried": queried, "term": str(term)}))
"""


def _probe() -> dict[str, object]:
    result: dict[str, object] = printed_json(PROBE)
    return result


def test_load_imports_nothing_it_does_not_need() -> None:
    result = _probe()
    loaded = set(result["loaded"])  # type: ignore[call-overload]
    assert result["term"] == "P7Y6M"
    assert {"rightsdata._model.records", "rightsdata._validation.fastpath", "msgspec"} <= loaded
    assert sorted(loaded.intersection(NOT_FOR_LOADING)) == []


def test_the_first_query_imports_the_indexes() -> None:
    queried = set(_probe()["queried"])  # type: ignore[call-overload]
    assert {
        "rightsdata._data.indexes",
        "rightsdata._data.query",
        "rightsdata._data.search",
    } <= queried
    assert "pendulum" not in queried  # dates compare as day numbers


def test_no_query_imports_pendulum() -> None:
    """Every query compares dates as day numbers: rating_on's first call imported pendulum
    (about 85 modules, 21 ms) by reading a rating's last possible day as a date."""
    probe = (
        "import json, sys, datetime\n"
        "import rightsdata\n"
        "ds = rightsdata.load()\n"
        "ds.rating_on('KZ', '2022-06-01'); ds.ratings(country='KZ')\n"
        "ds.events(between=('2012-01-01', '2012-12-31')); ds.events(kind='arrest')\n"
        "ds.events(role='victim'); ds.events(place='KZ')\n"
        "ds.timeline('person:vladimir-kozlov'); ds.related('person:vladimir-kozlov')\n"
        "ds.figures('event:zhanaozen-massacre-2011'); ds.search('Kozlov')\n"
        "ds.statements(speaker='person:vladimir-kozlov')\n"
        "print(json.dumps('pendulum' in sys.modules))\n"
    )
    assert printed_json(probe) is False


def test_pendulum_is_imported_when_a_bound_is_read() -> None:
    code = (
        "import sys, rightsdata\n"
        "date = rightsdata.load().get('event:kozlov-verdict-2012-10-08').date\n"
        "assert 'pendulum' not in sys.modules\n"
        "print(repr(date.earliest), 'pendulum' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.split() == ["Date(2012,", "10,", "8)", "True"]


def test_a_penalty_term_is_a_duration() -> None:
    import pendulum

    assert Penalty(kind=PenaltyKind.IMPRISONMENT, term=Duration(years=7, months=6)).term == (
        Duration(years=7, months=6)
    )
    assert Penalty(kind=PenaltyKind.IMPRISONMENT, term=None).term is None
    # a pendulum duration (any datetime.timedelta) is converted, as is the duration's text
    converted = Penalty(kind=PenaltyKind.IMPRISONMENT, term=pendulum.duration(years=7))  # type: ignore[arg-type]
    assert converted.term == Duration(years=7)
    assert Penalty(kind="imprisonment", term="P7Y").term == Duration(years=7)  # type: ignore[arg-type]
    with pytest.raises(FieldError, match=r"term: expected an ISO 8601 duration as text"):
        Penalty(kind=PenaltyKind.IMPRISONMENT, term=7)  # type: ignore[arg-type]


def test_disk_folder_reads_like_a_traversable(tmp_path: Path) -> None:
    (tmp_path / "b.json").write_text('{"x": 1}', encoding="utf-8")
    (tmp_path / "a").mkdir()
    folder = DiskFolder(str(tmp_path))
    assert [entry.name for entry in folder.iterdir()] == ["a", "b.json"]
    assert folder.joinpath("a").is_dir() and not folder.joinpath("a").is_file()
    assert (folder / "b.json").is_file()
    assert folder.joinpath("b.json").read_bytes() == b'{"x": 1}'
    assert folder.joinpath("b.json").read_text(encoding="utf-8") == '{"x": 1}'
    with folder.joinpath("b.json").open("rb") as file:
        assert file.read() == b'{"x": 1}'
    assert os.fspath(folder) == str(folder) == str(tmp_path)
    assert folder.joinpath("a") == DiskFolder(str(tmp_path / "a"))
    assert len({folder.joinpath("a"), DiskFolder(str(tmp_path / "a"))}) == 1
    assert not folder.joinpath("missing").is_file()


def test_a_source_checkout_is_found_only_by_its_own_pyproject(tmp_path: Path) -> None:
    package = tmp_path / "src" / "rightsdata"
    package.mkdir(parents=True)
    assert _source_checkout(DiskFolder(str(package))) is None  # no pyproject.toml
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "other"\n', encoding="utf-8")
    assert _source_checkout(DiskFolder(str(package))) is None  # another project's
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "rightsdata"\n', encoding="utf-8")
    assert _source_checkout(DiskFolder(str(package))) == DiskFolder(str(tmp_path))
    elsewhere = tmp_path / "lib" / "rightsdata"
    elsewhere.mkdir(parents=True)
    assert _source_checkout(DiskFolder(str(elsewhere))) is None  # not under src/


@pytest.mark.slow
def test_a_zip_import_finds_its_data(tmp_path: Path) -> None:
    """A package imported from a zip archive reads its data through importlib.resources."""
    staged = tmp_path / "staged" / "rightsdata"
    shutil.copytree(
        ROOT / "src" / "rightsdata", staged, ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(Path(str(datasets_root())), staged / "datasets")
    shutil.copytree(ROOT / "schemas", staged / "schemas")
    archive = tmp_path / "rightsdata.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for path in sorted(staged.parent.rglob("*")):
            bundle.write(path, path.relative_to(staged.parent))
    code = (
        "import rightsdata\n"
        "ds = rightsdata.load()\n"
        "print(rightsdata.__file__.endswith('rightsdata.zip/rightsdata/__init__.py'), "
        f"len(ds.events) == {len(rightsdata.load().events)})\n"
    )
    env = {**os.environ, "PYTHONPATH": str(archive)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]


def test_the_strategies_without_hypothesis_name_the_extra_to_install() -> None:
    script = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "import rightsdata\n"
        "try:\n"
        "    import rightsdata.testing\n"
        "except rightsdata.MissingExtraError as error:\n"
        "    print(error)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == (
        'this needs hypothesis, which is not installed: `pip install "rightsdata[testing]"`'
    )


def test_a_public_module_whose_extra_is_missing_is_an_absent_attribute() -> None:
    # PEP 562: hasattr, getattr(..., default), inspect.getmembers and help() expect an
    # AttributeError; it says what to install, and chains the MissingExtraError
    script = (
        "import inspect, json, pydoc, sys; sys.modules['hypothesis'] = None\n"
        "import rightsdata\n"
        "found = {'hasattr': hasattr(rightsdata, 'testing'),\n"
        "         'default': getattr(rightsdata, 'testing', 'absent'),\n"
        "         'members': 'testing' in dict(inspect.getmembers(rightsdata)),\n"
        "         'help': 'rightsdata' in pydoc.render_doc(rightsdata)}\n"
        "try:\n"
        "    rightsdata.testing\n"
        "except AttributeError as error:\n"
        "    found['message'] = str(error)\n"
        "    found['cause'] = type(error.__cause__).__name__\n"
        "try:\n"
        "    from rightsdata import testing\n"
        "except rightsdata.MissingExtraError as error:\n"
        "    found['from_import'] = str(error)\n"
        "print(json.dumps(found))\n"
    )
    printed = printed_json(script)
    install = 'this needs hypothesis, which is not installed: `pip install "rightsdata[testing]"`'
    assert printed == {
        "hasattr": False,
        "default": "absent",
        "members": False,
        "help": True,
        "message": f"module 'rightsdata' has no attribute 'testing': {install}",
        "cause": "MissingExtraError",
        "from_import": install,
    }


def test_listing_the_package_imports_no_optional_extra() -> None:
    # dir() (so inspect.getmembers and help()) lists `testing` only once it is imported:
    # getting every listed name would otherwise import Hypothesis (about 300 modules)
    code = (
        "import inspect, json, sys, rightsdata\n"
        "members = dict(inspect.getmembers(rightsdata))\n"
        "found = {'hypothesis': 'hypothesis' in sys.modules, 'listed': 'testing' in members,\n"
        "         'tables': 'tables' in dir(rightsdata)}\n"
        "import rightsdata.testing\n"
        "found['listed_once_imported'] = 'testing' in dir(rightsdata)\n"
        "print(json.dumps(found))\n"
    )
    assert printed_json(code) == {
        "hypothesis": False,
        "listed": False,
        "tables": True,
        "listed_once_imported": True,
    }


def test_the_public_modules_are_reached_by_name_and_imported_only_then() -> None:
    # the docs write rightsdata.tables.read_directory(...) and rightsdata.vocab.EventKind
    # after a bare `import rightsdata`; importing the package imports none of them
    code = (
        "import json, sys, rightsdata\n"
        "names = ('display', 'plot', 'schema', 'tables', 'testing', 'textcard', 'vocab')\n"
        "before = [n for n in names if f'rightsdata.{n}' in sys.modules]\n"
        "reached = [getattr(rightsdata, n).__name__ for n in names]\n"
        "listed = sorted(set(names) & set(dir(rightsdata)))\n"
        "print(json.dumps({'before': before, 'reached': reached, 'dir': listed}))\n"
    )
    found = printed_json(code)
    names = ["display", "plot", "schema", "tables", "testing", "textcard", "vocab"]
    assert found == {
        "before": [],
        "reached": [f"rightsdata.{n}" for n in names],
        "dir": names,
    }
