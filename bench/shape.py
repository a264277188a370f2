"""Datasets for the benchmark, in two shapes: ``realistic`` (the bundled dataset's) and
``synthetic`` (the benchmark's original, uniform shape).

``realistic(events)`` derives everything from the bundled dataset (datasets/kazakhstan/) when
it runs: the generated dataset is made of copies ("replicas") of the bundled records, so every
distribution is the bundled one: the kinds of events, the lengths of participants, charges,
figures, citations, the share with a penalty, undated events, nested ``part_of`` events, dates,
and the other record kinds per event (persons, organisations, places, laws, sources,
relationships, statements, ratings, in the bundled proportions). Each copy gets a fresh ID
(the template's plus ``-<replica>``) and its references point into the same replica, so they
resolve and ``part_of`` chains and rating sequences stay valid. Texts are fresh too: each word
of a name, title, summary, note, quote, locator or basis is replaced by a word of the same
script, length and case drawn from the bundled texts (names from names), so lengths and the
share of non-ASCII (Cyrillic) text are the bundled ones. A text is rewritten once in each
replica, so texts repeat within a replica as the bundled ones do (the same citation, a source
and a locator, on many records; the same basis for several inferences) and differ between
replicas, as the texts of different records do.

``events`` must be at least the bundled dataset's number of events. Other kinds are
copied once per started replica of events (so at 1,000 events, 8.7 replicas of the events and
9 of the rest); an event missing from the last, partial replica is referred to in replica 0.

>>> data = realistic(230)
>>> len(data["events"]), len(data["persons"]) == 2 * len(bundled()["persons"])
(230, True)
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BUNDLED = HERE.parent / "datasets" / "kazakhstan"
from twin_fields import classes, twin_fields  # noqa: E402  (each class's fields, by kind)

from rightsdata._model.records import KINDS  # noqa: E402  (every kind the model has)
from rightsdata._tables.export import json_line  # noqa: E402  (one line by any splitter)

KIND_FIELD = "$kind"  # rightsdata._values.format.KIND_FIELD: a JSON Lines record's kind

Data = dict[str, list[dict[str, Any]]]

NAME_FIELDS = frozenset({"name"})  # a record's or an alias's name
PROSE_FIELDS = frozenset({"title", "summary", "note", "quote", "locator", "basis"})
_WORD = re.compile(r"[^\W\d_]+")

#: Goes up whenever the generated data changes, so that data cached by an earlier version
#: (bench_load.py --cache) is not taken for this one's. 2: each text is rewritten once per
#: replica: equal texts stay equal within a replica (a citation's locator, an inference's
#: basis), as in the bundled dataset, and differ between replicas (version 1 drew each
#: occurrence of a text from 32 versions: 3,840 distinct summaries among 100,000 events).
#: 3: the bundled dataset's dates include sets (``[2012-01-26..2012-10-08]``), so the
#: realistic data's do, and its folder declares format 3. 4: some of the bundled figures say
#: what they count (``of``, kazakhstan 3.4.0), so the realistic data's do, and its folder
#: declares format 4.
VERSION = 4


@cache
def bundled() -> Data:
    """The bundled dataset's records, as JSON with every field written (the layout of format 1,
    which every contender's models read; the bundled files leave empty fields out)."""
    from rightsdata._data.canonical import with_every_field
    from rightsdata._model.records import RECORD_TYPES

    def documents(kind: str) -> list[dict[str, Any]]:
        path = BUNDLED / f"{kind}.json"  # a kind without a file has no records
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []

    return {
        kind: [with_every_field(RECORD_TYPES[kind], document) for document in documents(kind)]
        for kind in KINDS
    }


def _vocabulary(data: Data, fields: frozenset[str]) -> dict[tuple[bool, int], list[str]]:
    """The words of ``fields``' texts by (ASCII?, length), lower-cased."""
    words: dict[tuple[bool, int], set[str]] = {}

    def walk(value: Any, key: str | None) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str) and key in fields:
            for word in _WORD.findall(value):
                words.setdefault((word.isascii(), len(word)), set()).add(word.lower())

    for documents in data.values():
        walk(documents, None)
    return {key: sorted(found) for key, found in words.items()}


class _Texts:
    """Fresh texts shaped like given ones: same script, length and case, word by word."""

    def __init__(self, data: Data, rng: random.Random) -> None:
        self.rng = rng
        self.names = _vocabulary(data, NAME_FIELDS)
        self.prose = _vocabulary(data, PROSE_FIELDS)
        # this replica's text for each bundled text: the bundled dataset repeats texts (610
        # citations, 187 distinct; the same paragraph cited by many records), and a replica
        # repeats them the same way
        self.chosen: dict[tuple[str, str], str] = {}

    def next_replica(self) -> None:
        """Start a new replica: its texts are drawn afresh."""
        self.chosen.clear()

    def _rewrite(self, text: str, vocabulary: dict[tuple[bool, int], list[str]]) -> str:
        choice = self.rng.choice

        def replace(match: re.Match[str]) -> str:
            word = match.group()
            found = vocabulary.get((word.isascii(), len(word)))
            if not found:
                return word
            new = choice(found)
            if word.isupper() and len(word) > 1:
                return new.upper()
            if word[0].isupper():
                return new[0].upper() + new[1:]
            return new

        return _WORD.sub(replace, text)

    def name(self, text: str) -> str:
        found = self.chosen.get(("name", text))
        if found is None:
            found = self.chosen["name", text] = self._rewrite(text, self.names)
        return found

    def prose_text(self, text: str) -> str:
        found = self.chosen.get(("prose", text))
        if found is None:
            found = self.chosen["prose", text] = self._rewrite(text, self.prose)
        return found


def realistic(events: int, seed: int = 2012) -> Data:
    """A dataset of ``events`` events shaped like the bundled one (see the module's text)."""
    source = bundled()
    n_events = len(source["events"])
    if events < n_events:
        raise ValueError(f"the realistic shape needs at least {n_events} events, got {events}")
    rng = random.Random(seed)
    texts = _Texts(source, rng)
    full, rest = divmod(events, n_events)
    replicas = full + (1 if rest else 0)
    # the last replica's events: a random subset of the templates, in the bundled proportions
    last_events = set(rng.sample([e["id"] for e in source["events"]], rest)) if rest else None
    ids = {doc["id"] for docs in source.values() for doc in docs}
    event_ids = {doc["id"] for doc in source["events"]}

    def exists(template: str, replica: int) -> bool:
        return (
            template not in event_ids
            or replica < full
            or last_events is None
            or template in last_events
        )

    def copy(value: Any, key: str | None, replica: int) -> Any:
        if isinstance(value, str):
            if key in NAME_FIELDS:
                return texts.name(value)
            if key in PROSE_FIELDS:
                return texts.prose_text(value)
            if value in ids:
                return f"{value}-{replica if exists(value, replica) else 0}"
            return value
        if isinstance(value, dict):
            return {k: copy(v, k, replica) for k, v in value.items()}
        if isinstance(value, list):
            return [copy(v, key, replica) for v in value]
        return value

    data: Data = {kind: [] for kind in KINDS}
    for replica in range(replicas):
        texts.next_replica()
        for kind in KINDS:
            out = data[kind]
            for template in source[kind]:
                if kind == "events" and not exists(template["id"], replica):
                    continue
                out.append(copy(template, None, replica))
    for documents in data.values():
        documents.sort(key=lambda d: d["id"])
    return data


# --- the synthetic shape: uniform, ASCII, every event alike ---------------------------------

_WORD_LIST = (
    "activist detained police court hearing regional city oil workers strike protest square "
    "opposition party leader newspaper editor journalist lawyer appeal sentence prison colony "
    "release parole charge article criminal code administrative fine arrest rally peaceful "
    "crowd officers authorities ministry statement report monitor rights freedom assembly "
    "expression association blogger campaign movement union independent council election "
    "village district region committee prosecutor judge verdict hunger health family visit"
    " "
)
_WORDS = tuple(_WORD_LIST.split())
_ROLES = ("victim", "defendant", "perpetrator", "lawyer", "judge", "organiser", "witness")
_EVENT_KINDS = ("protest", "arrest", "detention", "trial", "verdict", "charge", "release")
_MEASURES = ("killed", "injured", "arrested", "detained", "charged", "convicted")


def _words(rng: random.Random, count: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(count))
    return text[0].upper() + text[1:] + "."


def _citation(
    rng: random.Random, sources: list[str], fields: list[str] | None = None
) -> dict[str, Any]:
    return {
        "source": rng.choice(sources),
        "locator": f"paragraph {rng.randint(1, 40)}" if rng.random() < 0.8 else None,
        "quote": _words(rng, 12) if rng.random() < 0.2 else None,
        "fields": fields,
    }


def _date(rng: random.Random) -> str:
    year, month, day = rng.randint(2005, 2022), rng.randint(1, 12), rng.randint(1, 28)
    shape = rng.random()
    if shape < 0.6:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if shape < 0.8:
        return f"{year:04d}-{month:02d}"
    if shape < 0.9:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}-{day:02d}/{year + 1:04d}-{month:02d}"


def synthetic(events: int, seed: int = 2012) -> Data:
    """The original benchmark data: ``events`` events of about 1 KB, each with two to five
    participants, up to two charges (with a penalty), up to two figures and two citations, 7
    kinds, ASCII text from 64 words; the persons (one for four events), organisations,
    places, laws and sources they reference; no relationships, statements or ratings."""
    rng = random.Random(seed)
    n_sources = max(5, events // 100)
    n_persons = max(10, events // 4)
    n_orgs = max(5, events // 50)
    n_places = max(5, events // 100)
    n_laws = max(5, min(400, events // 20))
    sources = [f"source:s{i}" for i in range(n_sources)]
    persons = [f"person:p{i}" for i in range(n_persons)]
    orgs = [f"org:o{i}" for i in range(n_orgs)]
    places = [f"place:pl{i}" for i in range(n_places)]
    laws = [f"law:kz-cc-{i}" for i in range(n_laws)]
    data: Data = {kind: [] for kind in KINDS}
    for index, sid in enumerate(sources):
        data["sources"].append(
            {
                "id": sid,
                "title": _words(rng, 8),
                "publisher": orgs[index % n_orgs],
                "published": _date(rng).split("/")[0],
                "kind": rng.choice(("report", "news_article", "press_release")),
                "language": "en",
                "url": f"https://example.org/reports/{index}",
                "note": _words(rng, 15),
                "inferred": [],
            }
        )
    for pid in persons:
        data["persons"].append(
            {
                "id": pid,
                "name": _words(rng, 2)[:-1],
                "aliases": [{"name": _words(rng, 2)[:-1], "language": "ru"}],
                "born": f"{rng.randint(1940, 2000)}" if rng.random() < 0.3 else None,
                "country": "KZ",
                "summary": _words(rng, 14),
                "citations": [_citation(rng, sources)],
                "inferred": [],
            }
        )
    for oid in orgs:
        data["organizations"].append(
            {
                "id": oid,
                "name": _words(rng, 3)[:-1],
                "aliases": [],
                "kind": rng.choice(("ngo", "court", "state_body", "media_outlet")),
                "country": "KZ",
                "status": None,
                "founded": None,
                "summary": _words(rng, 10),
                "citations": [_citation(rng, sources)],
                "inferred": [],
            }
        )
    for index, plid in enumerate(places):
        data["places"].append(
            {
                "id": plid,
                "name": _words(rng, 1)[:-1].title() + f" {index}",
                "aliases": [],
                "kind": "city" if index else "country",
                "country": "KZ",
                "within": places[0] if index else None,
                "citations": [_citation(rng, sources)],
                "inferred": [],
            }
        )
    for lid in laws:
        data["laws"].append(
            {
                "id": lid,
                "instrument": "Criminal Code of the Republic of Kazakhstan (1997)",
                "jurisdiction": "KZ",
                "article": str(rng.randint(100, 400)),
                "part": str(rng.randint(1, 3)) if rng.random() < 0.5 else None,
                "title": _words(rng, 6),
                "citations": [_citation(rng, sources)],
                "inferred": [],
            }
        )
    for index in range(events):
        actors = [rng.choice(persons) for _ in range(rng.randint(2, 4))] + [rng.choice(orgs)]
        charges = [
            {"provision": rng.choice(laws), "against": actors[0]} for _ in range(rng.randint(0, 2))
        ]
        figures = []
        for _ in range(rng.randint(0, 2)):
            low = rng.randint(1, 500)
            figures.append(
                {
                    "measure": rng.choice(_MEASURES),
                    "unit": "people",
                    "low": low,
                    "best": None,
                    "high": low + rng.randint(0, 100) if rng.random() < 0.5 else None,
                    "qualifier": "at_least",
                    "as_given": f"at least {low}",
                    "asserted_by": rng.choice(orgs),
                    "citations": [_citation(rng, sources)],
                }
            )
        data["events"].append(
            {
                "id": f"event:e{index}",
                "kind": rng.choice(_EVENT_KINDS),
                "title": _words(rng, 8),
                "summary": _words(rng, 40),
                "date": _date(rng),
                "places": [rng.choice(places)],
                "participants": [{"actor": actor, "role": rng.choice(_ROLES)} for actor in actors],
                "charges": charges,
                "penalty": (
                    {"kind": "imprisonment", "term": f"P{rng.randint(1, 9)}Y{rng.randint(1, 11)}M"}
                    if charges
                    else None
                ),
                "figures": figures,
                "part_of": None,
                "citations": [
                    _citation(rng, sources),
                    _citation(rng, sources, ["date", "participants"]),
                ],
                "inferred": (
                    [{"field": "date", "basis": _words(rng, 8)}] if rng.random() < 0.2 else []
                ),
            }
        )
    for documents in data.values():
        documents.sort(key=lambda d: d["id"])
    return data


SHAPES: dict[str, Callable[[int, int], Data]] = {"realistic": realistic, "synthetic": synthetic}


# --- the three layouts ----------------------------------------------------------------------


def in_format(data: Data, version: int) -> Data:
    """``data`` (every field written: format 1's layout) in file format ``version``'s: 2 (or 3)
    leaves the empty optional fields out, as the bundled files and ``rightsdata fmt`` write
    them. ``data``'s lists are rewritten in their place, record by record, so that each
    record's format-1 document is freed as its new one is made: a million events' records
    take about 12 GB, and a copy beside them did not fit in 24 GB."""
    if version == 1:
        return data
    from rightsdata._data.canonical import without_empty_fields
    from rightsdata._model.records import RECORD_TYPES

    for kind, documents in data.items():
        cls = RECORD_TYPES[kind]
        for index, document in enumerate(documents):
            documents[index] = without_empty_fields(cls, document)
    return data


def write_folder(data: Data, folder: Path, version: int = 1) -> Path:
    """The dataset folder: one canonical (indented) JSON file per kind, and datapackage.json
    naming the format ``version`` (``data`` already in its layout: :func:`in_format`), or the
    lowest format that holds ``data`` where that is newer (:func:`lowest_format`: 3 where a
    date is a set, 4 where a figure says what it counts): every format-1 or -2 file is a
    valid file of the newer formats, and a reader refuses a set or an ``of`` in an older
    format."""
    folder.mkdir(parents=True, exist_ok=True)
    for kind, documents in data.items():
        text = json.dumps(documents, ensure_ascii=False, indent=2) + "\n"
        (folder / f"{kind}.json").write_text(text, encoding="utf-8")
    package: dict[str, Any] = {"name": "bench", "version": "0.0.0", "resources": []}
    needed = lowest_format(data)
    declared = needed if needed > 2 else version  # (1 or 2: either holds data without a set)
    if declared != 1:
        package["rightsdata_format"] = declared
    (folder / "datapackage.json").write_text(json.dumps(package, indent=2) + "\n")
    return folder


@cache
def _date_fields() -> frozenset[str]:
    """The names of the date fields (EDTF) of every record and part class."""
    return frozenset(f.name for cls in classes() for f in twin_fields(cls) if f.kind == "date")


def lowest_format(data: Data) -> int:
    """The lowest file format that can hold ``data``, by ``rightsdata``'s own rule
    (``rightsdata._values.format.lowest_format``: 4 if a figure says what it counts, 3 if a
    date is a set, else 2), asked of the records that may need more than format 2: those
    with a date that is a set (``[a,b]``, ``[a..b]``: the only EDTF form that starts with
    ``[``) or a figure with an ``of``, read as records (the others need format 2, which the
    rule gives for no records).

    >>> cite = [{"source": "source:a"}]
    >>> event = {"id": "event:a", "kind": "trial", "title": "A trial", "citations": cite,
    ...          "date": "2012-01-26/2012-10-08"}
    >>> figure = {"measure": "prosecuted", "unit": "people", "qualifier": "exact", "best": 5,
    ...           "of": "police officers", "citations": cite}
    >>> set_dated = {**event, "date": "[2012,2013]"}
    >>> lowest_format({"events": [event]}), lowest_format({"events": [set_dated]})
    (2, 3)
    >>> lowest_format({"events": [{**event, "figures": [figure]}]})
    4
    """
    from rightsdata._validation.convert import structure_many
    from rightsdata._values import format as _format

    names = _date_fields()

    def newer(value: Any) -> bool:
        if isinstance(value, dict):
            return any(
                (key in names and isinstance(item, str) and item[:1] == "[")
                or (key == "figures" and any(f.get("of") is not None for f in item or ()))
                or newer(item)
                for key, item in value.items()
            )
        if isinstance(value, list):
            return any(newer(item) for item in value)
        return False

    records = {}
    for kind, documents in data.items():
        read, problems = structure_many(kind, [d for d in documents if newer(d)], kind)
        if problems:  # (the rule asked of fewer records than the data holds would be wrong)
            raise ValueError(f"the benchmark's data is not rightsdata's: {problems[0]}")
        records[kind] = read
    return _format.lowest_format(records)


def write_document(data: Data, path: Path) -> Path:
    """One JSON document: an object with a list per kind (compact)."""
    path.write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def write_json_lines(data: Data, path: Path) -> Path:
    """JSON Lines: one record a line, with its kind (as ``Dataset.export(dir, "jsonl")``)."""
    with path.open("w", encoding="utf-8") as out:
        for kind, documents in data.items():
            for document in documents:
                out.write(json_line({KIND_FIELD: kind, **document}) + "\n")
    return path


def summary(data: Data) -> dict[str, Any]:
    """The shape in figures: per event, the other records and the mean list lengths; shares."""
    events = data["events"]
    n = len(events)

    def mean(field: str) -> float:
        return sum(len(e[field]) for e in events) / n

    texts = [r.get("name") for kind in ("persons", "organizations", "places") for r in data[kind]]
    citations, inferences = _parts(data, "citations"), _parts(data, "inferred")
    return {
        "events": n,
        "other_records_per_event": sum(len(d) for k, d in data.items() if k != "events") / n,
        "records": {kind: len(documents) for kind, documents in data.items()},
        "event_kinds": len({e["kind"] for e in events}),
        "participants": mean("participants"),
        "charges": mean("charges"),
        "figures": mean("figures"),
        "citations": mean("citations"),
        "penalty_share": sum(e["penalty"] is not None for e in events) / n,
        "undated_share": sum(e["date"] is None for e in events) / n,
        "part_of_share": sum(e["part_of"] is not None for e in events) / n,
        "non_ascii_name_share": sum(not t.isascii() for t in texts if t) / max(1, len(texts)),
        # each citation or inference is on this many records, on average
        "citation_repeats": len(citations) / max(1, len(set(citations))),
        "inference_repeats": len(inferences) / max(1, len(set(inferences))),
    }


def _parts(data: Data, field: str) -> list[str]:
    """Every part in a ``field`` list of any record or part (citations are on records and on
    figures), each as canonical JSON."""
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == field and isinstance(item, list):
                    found.extend(json.dumps(part, sort_keys=True) for part in item)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return found
