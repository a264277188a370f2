"""Finding the data that ships with the package: schemas/ and datasets/ (internal).

In a wheel (and a wheel built from the sdist) the two folders are inside the package, and
``importlib.resources`` finds them. An editable install leaves them at the top of the source
checkout; there the installed distribution's ``direct_url.json`` (PEP 610) names the checkout.
``__file__`` is never used, so zip imports and custom loaders work too.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
from pathlib import Path
from typing import TYPE_CHECKING

from rightsdata.errors import RightsdataError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["datasets_root", "schemas_root"]


@functools.cache
def _data_root() -> Traversable:
    package = importlib.resources.files("rightsdata")
    if package.joinpath("datasets").is_dir() and package.joinpath("schemas").is_dir():
        return package
    checkout = _editable_checkout()
    if checkout is not None and (checkout / "datasets").is_dir():
        return checkout
    raise RightsdataError(
        "the bundled datasets and schemas were not found inside the rightsdata package; "
        "install rightsdata with pip (a wheel, or `pip install -e .` from a checkout)"
    )


def _editable_checkout() -> Path | None:
    # Imported here: they cost ~100 ms together and only an editable install needs them.
    import importlib.metadata
    import urllib.parse
    import urllib.request

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
