"""The version of the on-disk format (internal): what this library writes and what it reads.

A dataset's ``datapackage.json`` says its format in ``"rightsdata_format"``; a descriptor
without it (or a dataset without a descriptor) is format 1.

>>> FORMAT in READABLE
True
"""

from __future__ import annotations

from typing import Final

__all__ = ["FIELD", "FORMAT", "READABLE"]

#: The descriptor property that holds the format version.
FIELD: Final = "rightsdata_format"
#: The format this library writes.
FORMAT: Final = 2
#: The formats this library reads, oldest first.
READABLE: Final = (1, 2)
