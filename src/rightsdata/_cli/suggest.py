"""'Did you mean' for the command line (internal): close commands, options and IDs (an
unknown field's or term's is the loader's own: rightsdata._values.spelling).

>>> close("timelin", ["timeline", "show", "search"])
['timeline']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final

from rightsdata._values.spelling import DID_YOU_MEAN, close, did_you_mean, like_id

if TYPE_CHECKING:
    from rightsdata._data.dataset import Dataset
    from rightsdata._model.records import Record
    from rightsdata._values.errors import UnknownIdError

__all__ = [
    "EDTF_EXAMPLES",
    "close",
    "did_you_mean",
    "id_suggestions",
    "unknown_id_message",
]

#: Said after a date that is not EDTF, so that the reader sees how one is written.
EDTF_EXAMPLES: Final = (
    "dates are EDTF, year first: 2012-10-08, 2012-10, 2012, 2012-01-26/2012-10-08, 2012-22 "
    "(summer), 2013-06-29~ (about)"
)


def id_suggestions(
    dataset: Dataset, record_id: str, n: int = 3, prefixes: Sequence[str] = ()
) -> list[str]:
    """IDs of ``dataset`` like ``record_id``: records of its kind whose names match its slug
    (``person:kozlov`` finds ``person:vladimir-kozlov``), then close spellings of the ID.

    Given ``prefixes`` (the kinds an option takes: ``("place",)`` for ``--place``), only IDs
    of those kinds: of the ID's own kind if it is one of them, else of any of them, matched
    by the slug (``almaty`` or ``person:almaty`` finds ``place:almaty``, never an event)."""
    from rightsdata._values.ids import KIND_OF_PREFIX

    given, _, slug = record_id.rpartition(":")
    wanted: tuple[str, ...] = ()  # () for any kind: the prefix is misspelt and none is asked
    if given in KIND_OF_PREFIX and (not prefixes or given in prefixes):
        wanted = (given,)
    elif prefixes:
        wanted = tuple(prefixes)
    found: list[str] = []
    words = slug.replace("-", " ").strip()
    if any(c.isalnum() for c in words):
        kinds = [KIND_OF_PREFIX[p] for p in wanted] or None
        found = [record.id for record in dataset.search(words, limit=10, kinds=kinds)]
    if wanted:
        # close spellings of the slug, among IDs of the kinds wanted (looser than the Python
        # API's hint: here a person asked and reads the list)
        same = {r.id.partition(":")[2]: r.id for r in dataset if r.id.partition(":")[0] in wanted}
        found += [i for i in like_id(f":{slug}", same.values(), n, 0.6) if i not in found]
        if slug:  # a slug cut short: 'person:ana' for 'person:ana-example'
            found += [i for s, i in same.items() if slug in s and i not in found]
    else:
        found += [i for i in close(record_id, [r.id for r in dataset], n=n) if i not in found]
    return found[:n]


def unknown_id_message(
    dataset: Dataset, error: UnknownIdError, search: str, prefixes: Sequence[str] = ()
) -> str:
    """What to tell of an ID no record of ``dataset`` has (``error``): the query's own hint
    where it says something of the ID (a country's code is in capitals; where it redirects),
    and IDs like it, of the kinds in ``prefixes`` only if given (an option's kinds);
    else ``search``, the command that finds records by name."""
    from rightsdata._values.ids import KIND_OF_PREFIX

    hint = did_you_mean(id_suggestions(dataset, error.record_id, prefixes=prefixes))
    if error.hint is not None and not error.hint.startswith(("IDs look like", DID_YOU_MEAN)):
        message = str(error)
        return f"{message}; {hint}" if hint else message
    # the query's own hint names a bundled ID, or spells like it only: name one of the
    # dataset in use instead, and the suggestions that search by name too
    where = f" in {dataset.name}" if dataset.name else ""
    message = f"no record has the id {error.record_id!r}{where}"
    if error.hint is not None and error.hint.startswith("IDs look like"):
        kinds: list[Iterable[Record]] = [dataset.collection(KIND_OF_PREFIX[p]) for p in prefixes]
        example = next((r for rs in [*kinds, dataset.persons, dataset] for r in rs), None)
        if example is not None:
            message += f" (IDs are a kind and a name, like {example.id!r})"
    return f"{message}; {hint}" if hint else f"{message}; try `{search}`"
