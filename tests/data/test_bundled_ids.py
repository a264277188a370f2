"""Every record ID the bundled dataset has ever had stays a record's ID or redirects to one.

A downstream dataset loaded over the bundled one (``load_path(path, base=rightsdata.load())``)
or a script cites the bundled IDs it was written against; one that vanishes breaks it with no
way to follow. ``bundled_ids.txt`` (beside this file) is the ledger of every ID the bundled
dataset has had, from its history in git; a retired one must redirect (``redirects.json``) to a
current record, and its retirement is a data major version (docs/api.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Final

from rightsdata import Dataset

LEDGER: Final = Path(__file__).with_name("bundled_ids.txt")

#: What a failure says about an ID that vanished.
_VANISHED: Final = (
    "an ID of the bundled dataset is neither a record's ID nor redirected to one: an ID a "
    "downstream dataset may cite must never vanish. Retire it with a redirect to its "
    "successor in datasets/kazakhstan/redirects.json (a data major version, docs/api.md)"
)

#: What a failure says about a new ID.
_NEW: Final = (
    "a record's ID is not in the ledger of the bundled dataset's IDs: add these lines to "
    "tests/data/bundled_ids.txt (kept sorted; never remove one)"
)


def ledger_ids(lines: Iterable[str]) -> list[str]:
    """The IDs of the ledger's ``lines``: each line not blank and not a ``#`` comment.

    >>> ledger_ids(["# a comment", "person:a", "", "org:b"])
    ['person:a', 'org:b']
    """
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def unkept(ledger: Iterable[str], current: set[str], redirects: Mapping[str, str]) -> str:
    """What breaks the ledger: each ID of ``ledger`` that is not in ``current`` and does not
    redirect to an ID in it, and each ID of ``current`` not in ``ledger``, with what to do;
    empty if nothing.

    >>> unkept(["person:a", "person:b"], {"person:a"}, {"person:b": "person:a"})
    ''
    """
    known = set(ledger)
    vanished = [
        f"{old}: {f'redirects to {redirects[old]}, not a record' if old in redirects else 'gone'}"
        for old in sorted(known)
        if old not in current and redirects.get(old) not in current
    ]
    new = sorted(current - known)
    said = [_VANISHED, "", *vanished] if vanished else []
    if new:
        said += ["", _NEW, "", *new] if said else [_NEW, "", *new]
    return "\n".join(said)


def test_every_id_the_bundled_dataset_had_is_a_record_or_redirects_to_one(ds: Dataset) -> None:
    message = unkept(
        ledger_ids(LEDGER.read_text("utf-8").splitlines()),
        {record.id for record in ds},
        ds.redirects,
    )
    assert not message, message


def test_the_ledger_is_sorted_and_holds_each_id_once() -> None:
    ids = ledger_ids(LEDGER.read_text("utf-8").splitlines())
    assert ids == sorted(set(ids))


def test_a_vanished_id_and_a_new_one_are_told() -> None:
    ledger = ["group:a", "org:a", "org:b", "person:a"]
    current = {"group:a", "person:a", "person:new"}
    message = unkept(ledger, current, {"org:a": "group:a", "org:b": "group:gone"})
    assert message.startswith(_VANISHED)
    # the redirect to a current record is kept; the one to no record and the ID gone are told
    assert "org:a" not in message
    assert "\norg:b: redirects to group:gone, not a record\n" in message
    assert message.endswith(f"{_NEW}\n\nperson:new")
    assert unkept(ledger[:1], {"group:a", "person:new"}, {}) == f"{_NEW}\n\nperson:new"
