"""The package finds its schemas and datasets in every install mode.

Builds a wheel and an sdist, installs each (and an editable checkout) into a fresh virtual
environment, and reads a schema and a dataset file through the installed package.
Marked slow: it creates a venv and installs the runtime dependencies from the index.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

PROBE = """
import json, rightsdata
from rightsdata._values.resources import datasets_root, schemas_root
from rightsdata._values.format import FORMAT
from rightsdata.schema import load_schema
assert load_schema("events")["$id"] == f"urn:rightsdata:schemas:v{FORMAT}:events"
assert load_schema("events", format=3)["$id"] == "urn:rightsdata:schemas:v3:events"
assert load_schema("events", format=2)["$id"] == "urn:rightsdata:schemas:v2:events"
package = json.loads(
    datasets_root().joinpath("kazakhstan", "datapackage.json").read_text(encoding="utf-8")
)
ds = rightsdata.load()
assert ds.version == package["version"], (ds.version, package["version"])
assert len(ds.sources) >= 1
print(rightsdata.__version__, str(schemas_root()))
"""


def _run(*args: str | Path, cwd: Path | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{args} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def fresh_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new, empty venv: each install brings the dependencies the package declares."""
    where = tmp_path_factory.mktemp("venv")
    venv.create(where, with_pip=True)
    python = where / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    _run(python, "-m", "pip", "install", "-q", "jsonschema")  # the `schema` extra, for PROBE
    return python


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The wheel and sdist built from this checkout."""
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, ROOT)
    return {"wheel": next(out.glob("*.whl")), "sdist": next(out.glob("*.tar.gz"))}


def _probe(python: Path, install: list[str | Path], where: Path) -> str:
    _run(python, "-m", "pip", "install", "-q", "--no-build-isolation", *install)
    try:
        return _run(python, "-c", PROBE, cwd=where)  # cwd away from the checkout
    finally:
        _run(python, "-m", "pip", "uninstall", "-q", "-y", "rightsdata")


@pytest.mark.slow
def test_wheel_carries_schemas_and_datasets(built: dict[str, Path]) -> None:
    names = zipfile.ZipFile(built["wheel"]).namelist()
    assert "rightsdata/schemas/events.schema.json" in names
    assert "rightsdata/schemas/v2/events.schema.json" in names  # (an older format's)
    assert "rightsdata/schemas/v3/events.schema.json" in names
    assert "rightsdata/datasets/kazakhstan/datapackage.json" in names
    assert "rightsdata/py.typed" in names
    assert "rightsdata/_values/isocodes.json" in names  # (the strict checks' code lists)


@pytest.mark.slow
def test_sdist_carries_the_data(built: dict[str, Path]) -> None:
    with tarfile.open(built["sdist"]) as archive:
        names = archive.getnames()
    assert any(n.endswith("schemas/events.schema.json") for n in names)
    assert any(n.endswith("schemas/v2/events.schema.json") for n in names)
    assert any(n.endswith("schemas/v3/events.schema.json") for n in names)
    assert any(n.endswith("datasets/kazakhstan/datapackage.json") for n in names)


@pytest.mark.slow
def test_installed_wheel_reads_its_data(
    fresh_python: Path, built: dict[str, Path], tmp_path: Path
) -> None:
    out = _probe(fresh_python, [built["wheel"]], tmp_path)
    assert "site-packages/rightsdata/schemas" in out


@pytest.mark.slow
def test_wheel_built_from_the_sdist_reads_its_data(
    fresh_python: Path, built: dict[str, Path], tmp_path: Path
) -> None:
    with tarfile.open(built["sdist"]) as archive:
        archive.extractall(tmp_path / "src", filter="data")
    (unpacked,) = (tmp_path / "src").iterdir()
    out = tmp_path / "dist"
    _run(fresh_python, "-m", "pip", "install", "-q", "build", "hatchling")
    _run(fresh_python, "-m", "build", "--no-isolation", "--wheel", "--outdir", out, unpacked)
    result = _probe(fresh_python, [next(out.glob("*.whl"))], tmp_path)
    assert "site-packages/rightsdata/schemas" in result


@pytest.mark.slow
def test_editable_install_reads_the_checkout(fresh_python: Path, tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    shutil.copytree(
        ROOT, checkout, ignore=shutil.ignore_patterns(".git", "*.egg-info", "__pycache__", "dist")
    )
    _run(fresh_python, "-m", "pip", "install", "-q", "hatchling", "editables")
    out = _probe(fresh_python, ["-e", checkout], tmp_path)
    assert str(checkout / "schemas") in out


def test_the_testing_extra_caps_no_hypothesis_release() -> None:
    """``rightsdata[testing]`` is what a downstream package installs for its own property
    tests: a cap there caps that package's hypothesis too. The cap hypothesis-jsonschema needs
    belongs to the ``test`` extra, which has it; ``testing`` has no upper bound."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras: dict[str, list[str]] = project["optional-dependencies"]
    assert extras["testing"] == ["hypothesis>=6.100"]
    assert "hypothesis<6.170.10" in extras["test"]
    assert "rightsdata[testing]" in extras["test"]
    assert any(r.startswith("hypothesis-jsonschema") for r in extras["test"])


def test_the_sdist_includes_every_file_at_the_top_of_the_checkout() -> None:
    # CITATION.cff was left out of the sdist's list (the `cite` command points to it); the
    # dotfiles are the repository's own (git, CI), not the project's
    import tomllib

    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout (an unpacked sdist): no list of the project's files")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = project["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]
    tracked = _run("git", "ls-files", cwd=ROOT).splitlines()
    tops = {path.split("/", 1)[0] for path in tracked if not path.startswith(".")}
    included = {path.split("/", 1)[0] for path in include}  # (src/rightsdata: src)
    assert tops - {"pyproject.toml"} <= included, tops - included  # (hatch adds pyproject)
    assert "CITATION.cff" in include
