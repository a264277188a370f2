"""Finding the data that ships with the package: schemas/ and datasets/ (internal).

In a wheel (and a wheel built from the sdist) the two folders are inside the package. An
editable install leaves them at the top of the source checkout: when the package is a folder
on disk at ``src/rightsdata`` of a checkout (one with this project's ``pyproject.toml``), the
folders are two levels up; otherwise the installed distribution's ``direct_url.json`` (PEP
610) names the checkout.

The package's folder comes from its import spec (``submodule_search_locations``) when that is
a folder on disk, the usual case, and is read through :class:`DiskFolder`, a minimal
:class:`~importlib.resources.abc.Traversable` over ``os.path``; otherwise (a zip import, a
custom loader) ``importlib.resources`` finds the data. ``importlib.resources`` and
``pathlib`` are not imported on that usual path because together they cost about 12 ms, a
good part of a cold ``rightsdata.load()``.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any, Final

from rightsdata._values.errors import RightsdataError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from pathlib import Path

__all__ = ["BUNDLED_NAME", "DEFAULT_NAME", "DiskFolder", "datasets_root", "schemas_root"]

#: What a bundled dataset's name may look like: a name, never a path.
BUNDLED_NAME: Final = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")

#: The bundled dataset ``rightsdata.load()`` and the command line read when no other is named.
DEFAULT_NAME: Final = "kazakhstan"


class DiskFolder:
    """A file or folder on disk, read the way :mod:`importlib.resources` reads package data.

    >>> folder = DiskFolder(".")
    >>> folder.joinpath("no-such-file").is_file()
    False
    """

    __slots__ = ("_path",)

    def __init__(self, path: str) -> None:
        self._path = path

    @property
    def name(self) -> str:
        return os.path.basename(self._path)

    def joinpath(self, *parts: str | os.PathLike[str]) -> DiskFolder:
        return DiskFolder(os.path.join(self._path, *parts))

    def __truediv__(self, part: str | os.PathLike[str]) -> DiskFolder:
        return self.joinpath(part)

    def is_dir(self) -> bool:
        return os.path.isdir(self._path)

    def is_file(self) -> bool:
        return os.path.isfile(self._path)

    def iterdir(self) -> Iterator[Traversable]:
        return (self.joinpath(name) for name in sorted(os.listdir(self._path)))

    def read_bytes(self) -> bytes:
        with open(self._path, "rb") as file:
            return file.read()

    def read_text(self, encoding: str | None = None) -> str:
        with open(self._path, encoding=encoding) as file:
            return file.read()

    def open(self, mode: str = "r", *args: Any, **kwargs: Any) -> IO[Any]:
        return open(self._path, mode, *args, **kwargs)

    def __fspath__(self) -> str:
        return self._path

    def __str__(self) -> str:
        return self._path

    def __repr__(self) -> str:
        return f"DiskFolder({self._path!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DiskFolder) and other._path == self._path

    def __hash__(self) -> int:
        return hash(self._path)


@functools.cache
def _data_root() -> Traversable:
    package = _package_folder()
    if package.joinpath("datasets").is_dir() and package.joinpath("schemas").is_dir():
        return package
    for find in (_source_checkout, _editable_checkout):
        checkout = find(package)
        if checkout is not None and (checkout / "datasets").is_dir():
            return checkout
    raise RightsdataError(
        "the bundled datasets and schemas were not found inside the rightsdata package; "
        "install rightsdata with pip (a wheel, or `pip install -e .` from a checkout)"
    )


def _package_folder() -> Traversable:
    """The rightsdata package's own folder: a Path if it is a folder on disk."""
    spec = sys.modules["rightsdata"].__spec__
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    if len(locations) == 1 and os.path.isdir(locations[0]):
        return DiskFolder(locations[0])
    import importlib.resources

    return importlib.resources.files("rightsdata")


def _source_checkout(package: Traversable) -> DiskFolder | None:
    """The checkout holding ``package`` if it is ``src/rightsdata`` of this project's source."""
    if not isinstance(package, DiskFolder):
        return None
    src = os.path.dirname(os.path.abspath(package))
    if os.path.basename(src) != "src":
        return None
    top = DiskFolder(os.path.dirname(src))
    try:
        pyproject = top.joinpath("pyproject.toml").read_text(encoding="utf-8")
    except OSError:
        return None
    return top if 'name = "rightsdata"' in pyproject else None


def _editable_checkout(_package: Traversable) -> Path | None:
    # Imported here: they cost ~35 ms together, and only an unusual editable install (the
    # package outside its checkout's src/) needs them.
    import importlib.metadata
    import json
    import urllib.parse
    import urllib.request
    from pathlib import Path

    try:
        text = importlib.metadata.distribution("rightsdata").read_text("direct_url.json")
    except importlib.metadata.PackageNotFoundError:
        return None
    if not text:
        return None
    info = json.loads(text)
    url = info.get("url", "")
    if not info.get("dir_info", {}).get("editable") or not url.startswith("file:"):
        return None
    return Path(urllib.request.url2pathname(urllib.parse.urlparse(url).path))


def datasets_root() -> Traversable:
    """The folder holding the bundled datasets, one subfolder each."""
    return _data_root().joinpath("datasets")


def schemas_root() -> Traversable:
    """The folder holding the JSON Schemas."""
    return _data_root().joinpath("schemas")
