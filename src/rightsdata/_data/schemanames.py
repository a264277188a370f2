"""Which of rightsdata's JSON Schemas a ``datapackage.json`` resource's ``schema`` names, and
whether that is wrong for the file (internal; a folder's load asks).

A reader outside Python validates a file by the schema its entry names, looked up by its
``$id`` (docs/exports.md), which must then be exactly one rightsdata ships: a ``schema`` in
rightsdata's URN namespace (``urn:rightsdata:...``: the URN scheme and namespace are read
in any case, as RFC 8141 has them, and a namespace spelled one slip away, ``rightdata``,
or without its ``urn:``, is taken as meant so) that is none of those names nothing a
reader finds. A file of the dataset's (a kind's file, ``redirects.json``) must name
a schema of its own kind; another format's is let be (a folder whose declared format was
raised by hand names the schemas of the format it had, until ``rightsdata fmt`` rewrites
them). Any other ``schema`` (someone's URL, a path, a Table Schema) is the author's.

>>> wrong_schema("urn:rightsdata:schemas:v4:events", "events") is None
True
>>> wrong_schema("urn:rightsdata:schema:v4:events", "events")
'no schema rightsdata ships'
>>> wrong_schema("urn:rightsdata:schemas:v4:persons", "events")
'the schema of persons'
>>> wrong_schema("https://example.org/events.json", "events") is None
True
"""

from __future__ import annotations

from typing import Final

from rightsdata._model.records import KINDS
from rightsdata._values.format import SCHEMA_FORMATS, SCHEMA_URN, kind_format

__all__ = ["ours", "shipped_ids", "wrong_schema"]

#: What each schema rightsdata ships is the schema of, by the name in its ``$id``.
_WHAT: Final[dict[str, str]] = {
    **{kind: f"the schema of {kind}" for kind in KINDS},
    "redirects": "the schema of redirects",
    "common": "the definitions the schemas share (common)",
    "datapackage": "the schema of datapackage.json",
}

#: The ``$id`` of every schema of each format rightsdata ships the schemas of, each with the
#: name it is the schema of and its format; a record kind's is shipped only from the format
#: that added it on (:func:`shipped_ids`).
_IDS: Final = {
    f"{SCHEMA_URN}v{version}:{name}": (name, version)
    for version in SCHEMA_FORMATS
    for name in _WHAT
}


def _shipped(name: str, version: int) -> bool:
    """Whether the schema of ``name`` in format ``version`` is shipped: every format's but a
    record kind's in a format before the one that added it
    (:data:`~rightsdata._values.format.KINDS_FROM`, read when asked, so that a kind added
    to it counts)."""
    return name not in KINDS or kind_format(name) <= version


def shipped_ids() -> list[str]:
    """The ``$id`` of every schema rightsdata ships.

    >>> "urn:rightsdata:schemas:v4:events" in shipped_ids()
    True
    """
    return [said for said, (name, version) in _IDS.items() if _shipped(name, version)]


#: How alike a URN's namespace must be to ``rightsdata`` to be taken as meant for it
#: (``rightdata`` and ``rigthsdata`` are; ``rights`` and ``mydata`` are not).
_ALIKE: Final = 0.85


def ours(said: str) -> bool:
    """Whether ``said`` is in rightsdata's URN namespace, or spelled as if meant to be.

    >>> ours("URN:RightsData:schemas:v4:events"), ours("rightsdata:schemas:v4:events")
    (True, True)
    >>> ours("urn:rightdata:schemas:v4:events"), ours("urn:mydata:schemas:v4:events")
    (True, False)
    >>> ours("https://example.org/rightsdata/events.json"), ours("rightsdata-events.json")
    (False, False)
    """
    import difflib  # (only a schema not shipped needs it)

    parts = said.strip().casefold().split(":")
    if parts[0] != "urn":
        parts.insert(0, "urn")  # (the scheme left out: ``rightsdata:schemas:...``)
    if len(parts) < 2:
        return False
    return difflib.SequenceMatcher(None, parts[1], "rightsdata").ratio() >= _ALIKE


def wrong_schema(said: str, name: str | None) -> str | None:
    """What ``said``, the ``schema`` of the resource of the file of ``name`` (a kind, or
    ``"redirects"``; None for a file of the author's), names where it is wrong for that
    file: ``"the schema of persons"`` (another kind's), ``"no schema rightsdata ships"``;
    None where it is right, or is no schema of rightsdata's. A file of the author's may
    name any schema rightsdata ships."""
    named, version = _IDS.get(said, (None, 0))
    if named is not None and _shipped(named, version):
        return None if name is None or named == name else _WHAT[named]
    return "no schema rightsdata ships" if ours(said) else None
