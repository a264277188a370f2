"""Which files in an export's directory are the export's own: those it may replace or remove.

An export lists in its manifest (:data:`MANIFEST`, under ``"own"``) each file it wrote where
nothing of anyone else's was (no file at all, or a file an earlier export owned and that is
unchanged), with its size, its SHA-256 and the format that wrote it. The next export into
the directory replaces or removes such a file only while it still matches those: a file you
changed, a link put in its place, or a file no export lists so (your dataset's own files, a
file the manifest lists without a size and hash) is yours, and is never replaced or removed.

The files of a ``json``, ``jsonl`` or ``document`` export are a dataset that
``rightsdata.load_path`` reads, perhaps the very one being exported, loaded from there: only
an export of the same format replaces or removes them (a ``json`` export removes a stale
``redirects.json``, which would be read as part of its dataset); any other export leaves
them, and refuses to write over one (a ``datapackage`` export's ``datapackage.json``).

>>> import rightsdata, tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     _ = rightsdata.load().export(folder, "csv")
...     claims = earlier_export(Path(folder)).claims
...     claims["events.csv"].format, matches(Path(folder) / "events.csv", claims["events.csv"])
('csv', True)
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, NamedTuple

from rightsdata._data.bytemarks import unmarked
from rightsdata._tables.exportfolder import MANIFEST

__all__ = [
    "Claim",
    "EarlierExport",
    "Reason",
    "claim_of",
    "claim_of_file",
    "earlier_export",
    "matches",
    "not_ours",
    "refusal",
    "removable",
]

#: The formats whose files ``rightsdata.load_path`` reads as a dataset: only an export of
#: the same format replaces or removes them.
DATASET_FORMATS: Final = ("json", "jsonl", "document")


class Claim(NamedTuple):
    """A file an export wrote and owns: its size in bytes, its SHA-256 (hex) and the format
    of the export that wrote it."""

    bytes: int
    sha256: str
    format: str

    def as_json(self) -> dict[str, Any]:
        """The claim as the manifest holds it."""
        return {"bytes": self.bytes, "sha256": self.sha256, "format": self.format}


@dataclass(frozen=True)
class EarlierExport:
    """What the manifest in a directory says: the files the export there owns (``claims``,
    by name), and the names it lists without a claim (``unclaimed``: files it wrote over that
    were not its own, or every file of a manifest without ``"own"``)."""

    claims: dict[str, Claim] = field(default_factory=dict)
    unclaimed: frozenset[str] = frozenset()


def claim_of(data: bytes, format: str) -> Claim:
    """The claim on a file of ``data`` written by an export of ``format``.

    >>> claim_of(b"", "csv").sha256[:12]
    'e3b0c44298fc'
    """
    return Claim(len(data), hashlib.sha256(data).hexdigest(), format)


def claim_of_file(path: Path, format: str) -> Claim | None:
    """The claim on the regular file at ``path`` (a link is not followed: None), or None if
    there is none or it cannot be read."""
    try:
        with open(path, "rb", opener=_no_follow) as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                return None
            digest = hashlib.file_digest(file, "sha256")
            return Claim(file.tell(), digest.hexdigest(), format)
    except OSError:
        return None


def _no_follow(path: str, flags: int) -> int:
    """Open ``path`` without following a symbolic link at it (where the system can say)."""
    return os.open(path, flags | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))


def matches(path: Path, claim: Claim) -> bool:
    """Whether ``path`` is a regular file (not a link) of the size and hash ``claim`` gives:
    the file the export that claimed it wrote, unchanged; or, given the claim on what an
    export is about to write, a file that already holds exactly that."""
    try:
        status = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISREG(status.st_mode) or status.st_size != claim.bytes:
        return False
    found = claim_of_file(path, claim.format)
    return found is not None and found.sha256 == claim.sha256


def removable(claim: Claim, format: str) -> bool:
    """Whether an export of ``format`` may replace or remove a file ``claim`` owns (that
    still matches it): any file but a dataset's (:data:`DATASET_FORMATS`), which only the
    same format does."""
    return claim.format not in DATASET_FORMATS or claim.format == format


def earlier_export(directory: Path, names: frozenset[str] | None = None) -> EarlierExport:
    """What the manifest in ``directory`` says (see :class:`EarlierExport`), for the file
    names in ``names`` alone (all plain names if None). Nothing if there is no manifest, or
    one that cannot be read or is not as an export writes it: an object whose ``"files"``
    is a list of plain file names and whose ``"own"``, if any, gives each of those it owns
    as ``{"bytes": int, "sha256": hex, "format": str}``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     manifest = '{"files": ["events.csv", "notes.txt"]}'
    ...     _ = (Path(folder) / MANIFEST).write_text(manifest, encoding="utf-8")
    ...     earlier_export(Path(folder), frozenset({"events.csv"}))
    EarlierExport(claims={}, unclaimed=frozenset({'events.csv'}))
    """
    path = directory / MANIFEST
    if path.is_symlink() or not path.is_file():
        return EarlierExport()
    try:
        manifest = json.loads(unmarked(path.read_bytes())[0])
    except (ValueError, RecursionError, OSError):  # (UnicodeDecodeError is a ValueError)
        return EarlierExport()
    listed = manifest.get("files", []) if isinstance(manifest, dict) else None
    if not isinstance(listed, list) or not all(map(_is_plain_name, listed)):
        return EarlierExport()  # not what an export writes: it says nothing of the files here
    own = manifest.get("own", {})
    if not isinstance(own, dict):
        return EarlierExport()
    claims = {
        name: claim
        for name, entry in own.items()
        if _is_plain_name(name)
        and (names is None or name in names)
        and (claim := _claim(entry)) is not None
    }
    unclaimed = {name for name in listed if name not in claims}
    return EarlierExport(claims, frozenset(unclaimed if names is None else unclaimed & names))


def _claim(entry: object) -> Claim | None:
    """The claim a manifest's ``"own"`` entry gives, or None if it is not one."""
    if not isinstance(entry, dict):
        return None
    size, digest, format = entry.get("bytes"), entry.get("sha256"), entry.get("format")
    if not (isinstance(size, int) and not isinstance(size, bool) and size >= 0):
        return None
    if not (isinstance(digest, str) and len(digest) == 64 and _is_hex(digest)):
        return None
    return Claim(size, digest, format) if isinstance(format, str) else None


def _is_hex(text: str) -> bool:
    return all(c in "0123456789abcdef" for c in text)


def _is_plain_name(name: object) -> bool:
    """Whether ``name`` is a file's name alone, not a path (``events.csv``, not ``../x``)."""
    return (
        isinstance(name, str)
        and name not in ("", ".", "..")
        and not any(c in name for c in ("/", "\\", "\x00"))
    )


class Reason(NamedTuple):
    """Why an export may not write over a file, and what to do: what the file is, said of
    one and of several (after their names); why that stops the export; and what to do, in
    which (as in ``why``) ``{it}`` stands for "it" or "them"."""

    one: str
    several: str
    why: str
    todo: str


#: What to do about a file that is in the way, in the words most reasons share.
_MOVE_IT: Final = "move {it} out of the folder (or delete {it}), or export into another folder"
#: Why a file an export did not write, or that changed since, is not replaced.
_OWN_ONLY: Final = "an export replaces only a file it wrote itself and that is unchanged since"


def not_ours(path: Path, earlier: EarlierExport, format: str = "json") -> Reason:
    """Why an export of ``format`` may not write over what is at ``path``, and what to do:
    a link, a file changed since the export that wrote it, a dataset's file another format
    wrote, a file of the dataset folder the export writes into (as ``rightsdata init`` or
    ``rightsdata fmt`` writes one), or another file no export claims."""
    claim = earlier.claims.get(path.name)
    if path.is_symlink():
        return Reason(
            "is a symbolic link",
            "are symbolic links",
            "an export never writes through a link, nor replaces one",
            "remove {it} (the files linked to stay as they are), or export into another folder",
        )
    if claim is None:
        if path.name in earlier.unclaimed:
            listed = "listed in this folder's export manifest without a size and hash"
            return Reason(
                f"is {listed}",
                f"are {listed}",
                "nothing tells whether {it} changed since",
                "to let {it} go, delete {it} (or the whole folder) and export again; "
                "else export into another folder",
            )
        if _dataset_file(path, earlier):
            return _dataset_reason(path.parent, format)
        return Reason(
            "was not written by an export", "were not written by an export", _OWN_ONLY, _MOVE_IT
        )
    if not matches(path, claim):
        changed = f"changed since the {claim.format} export that wrote"
        return Reason(
            f"was {changed} it",
            f"were {changed} them",
            f"{_OWN_ONLY}, and the change may be your edit",
            "move {it} out of the folder to keep {it} (or delete {it} to have the export "
            "write {it} afresh), or export into another folder",
        )
    dataset = f"part of the dataset a {claim.format} export wrote"
    return Reason(
        f"is {dataset}",
        f"are {dataset}",
        f"only a {claim.format} export replaces {{it}} (it may be the data you are exporting)",
        "export into another folder (the dataset here stays as it is)",
    )


def _dataset_file(path: Path, earlier: EarlierExport) -> bool:
    """Whether ``path``, which no export claims, is a file of a dataset folder: one of the
    files a folder's load reads (``datapackage.json``, a kind's file, ``redirects.json``),
    in a folder that holds a kind's file no export claims (a ``datapackage`` export's
    ``datapackage.json`` copied without its manifest is not one)."""
    from rightsdata._data.loading import DESCRIPTOR, REDIRECTS, own_files

    kinds = own_files() - {DESCRIPTOR, REDIRECTS}
    return path.name in own_files() and any(
        name not in earlier.claims and os.path.lexists(path.parent / name) for name in kinds
    )


def _dataset_reason(folder: Path, format: str) -> Reason:
    """What an export of ``format`` says of the files of the dataset folder it would write
    over: for ``json``, the layout ``rightsdata fmt`` keeps, that ``fmt`` is the way to
    rewrite it (a dataset is never taken from its own folder by its export)."""
    from rightsdata._values.shell import shell_path

    said = (
        "of the dataset folder here (as `rightsdata init` or `rightsdata fmt` writes one, or "
        "by hand), not an export's"
    )
    why = "an export never replaces a dataset's own files"
    if format != "json":
        return Reason(
            f"is a file {said}",
            f"are files {said}",
            why,
            "export into another folder (the dataset here stays as it is)",
        )
    command = f"rightsdata fmt {shell_path(str(folder))}"
    return Reason(
        f"is a file {said}",
        f"are files {said}",
        why,
        f"to rewrite this dataset folder in canonical form, run `{command}` (`--hashes` also "
        "records each file's size and hash, as a json export does); to export a dataset, "
        "export into a new or empty folder",
    )


#: How many names :func:`refusal` gives for each reason, before "and N more".
_SHOWN: Final = 3


def refusal(directory: Path, reasons: dict[str, Reason]) -> str:
    """The message of an export that may not write over the files ``reasons`` gives (name
    to :func:`not_ours`'s reason), naming them, why, and what to do.

    >>> print(refusal(Path("out"), {"notes.csv": not_ours(Path("out/notes.csv"),
    ...     EarlierExport())}))  # doctest: +NORMALIZE_WHITESPACE
    out: notes.csv was not written by an export; an export replaces only a file it wrote
    itself and that is unchanged since, so nothing was written: move it out of the folder
    (or delete it), or export into another folder
    """
    from rightsdata._values.joined import all_of

    grouped: dict[Reason, list[str]] = {}
    for name, reason in reasons.items():
        grouped.setdefault(reason, []).append(name)
    said, todo = [], []
    for reason, names in grouped.items():
        shown = names[:_SHOWN] if len(names) > _SHOWN + 1 else names
        more = [f"{len(names) - len(shown)} more"] if len(shown) < len(names) else []
        one = len(names) == 1
        it = "it" if one else "them"
        named = all_of([*shown, *more])
        said.append(f"{named} {reason.one if one else reason.several}; {reason.why.format(it=it)}")
        for_them = f"for {named}, " if len(grouped) > 1 else ""  # (which files each is for)
        todo.append(for_them + reason.todo.format(it=it))
    return f"{directory}: {'; '.join(said)}, so nothing was written: {'; '.join(todo)}"
