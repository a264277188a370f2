"""The dataset format's version (internal): what this library writes and what it reads.

A dataset's ``datapackage.json`` names its format in ``rightsdata_format``; a folder with no
descriptor, or a descriptor without the key, is format 1.

- format 1: every field written, ``null`` or ``[]`` where empty;
- format 2: optional fields that are null or empty may be left out (absent means null or
  empty). Every format-1 file is a valid format-2 file.

>>> format_of({"name": "x"}), format_of({"rightsdata_format": 2})
(1, 2)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

#: The format this library writes.
FORMAT: Final = 2
#: The formats this library reads.
READABLE: Final = (1, 2)
#: The data package descriptor's file name.
DESCRIPTOR: Final = "datapackage.json"
#: The descriptor's key naming the format.
FORMAT_KEY: Final = "rightsdata_format"
#: The endings of a JSON Lines file's name (``data.jsonl``), a layout of its own.
JSON_LINES_SUFFIXES: Final = (".jsonl", ".ndjson")


def is_hidden(name: str) -> bool:
    """Whether a folder's entry ``name`` is hidden (``.name``): a dataset folder's hidden
    files (an export's list of what it wrote, an editor's files) are never looked at.

    >>> is_hidden(".rightsdata-export"), is_hidden("events.json")
    (True, False)
    """
    return name[:1] == "."


def kind_file(kind: str) -> str:
    """The name of a kind's file in a dataset folder: ``events.json``."""
    return f"{kind}.json"


def schema_id(kind: str) -> str:
    """The ``$id`` of the JSON Schema for one record of ``kind`` (or ``"common"``, or
    ``"datapackage"``) in the format this library writes: the format's number is in it, so
    a schema that accepts other documents has another ``$id``.

    >>> schema_id("events")
    'urn:rightsdata:schemas:v2:events'
    """
    return f"urn:rightsdata:schemas:v{FORMAT}:{kind}"


def format_of(descriptor: Mapping[str, Any] | None) -> int:
    """The format a descriptor declares (1 when it does not say)."""
    if descriptor is None:
        return 1
    version = descriptor.get(FORMAT_KEY, 1)
    return version if type(version) is int else 1
