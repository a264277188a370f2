"""One Dataset shared by many threads: every answer compared with one thread's.

For each round, a fresh dataset (its indexes unbuilt) is queried by ``--threads`` threads at
once, each asking every query in an order of its own, with ``sys.setswitchinterval(1e-6)``
so that the threads switch as often as the interpreter allows; every answer is compared with
the answer one thread got on another fresh copy of the same data (a differential check),
and each list a thread gets is then emptied (no query may hand out what it keeps). Exits 1
if any answer differed or any query raised what one thread did not. docs/queries.md,
Threads, says what it checks.

    python bench/stress_threads.py                          # the bundled dataset, 5 rounds
    python bench/stress_threads.py --rounds 2 --per-kind 15 --no-tables \\
        --folder /tmp/benchcache/realistic-v4-100000-seed2012-format1/folder  # 100,000 events
    python bench/stress_threads.py --built             # copies made by Dataset(...), not loaded

Queries: ``timeline``, ``events`` (an actor, with a window, a role, kinds; a place, with a
window, ``certain``; kinds, roles, windows alone), ``statements``, ``related``, ``get``,
``cited_by``, ``search`` (a name, one misspelt, of some kinds), ``ratings``, ``rating_on``,
``country``, an unknown ID's hint, and (unless ``--no-tables``) ``to_pandas`` and the
``json`` and ``csv`` exports, each into a folder of its own.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import rightsdata
from rightsdata import Dataset
from rightsdata._model.records import KINDS

HERE = Path(__file__).resolve().parent
BUNDLED = HERE.parent / "datasets" / "kazakhstan"

Query = tuple[str, Callable[[Dataset], Any]]


def ids(records: Any) -> tuple[str, ...]:
    return tuple(record.id for record in records)


def comparable(value: Any) -> Any:
    """What is compared of an answer: the IDs of records, a table's CSV digest."""
    if isinstance(value, rightsdata.Related):
        kinds = (value.relationships, value.events, value.statements, value.ratings)
        return ("related", value.record, *map(ids, kinds))
    if isinstance(value, rightsdata.SearchResults):
        return ("search", ids(value), value.truncated)
    if isinstance(value, list):
        return ids(value)
    if hasattr(value, "to_csv"):  # (a DataFrame: before "id", which may be a column)
        return hashlib.sha256(value.to_csv().encode()).hexdigest()
    if hasattr(value, "id"):
        return value.id
    return repr(value)


def exported(data: Dataset, format: str) -> str:
    """A digest of the files an export of ``data`` writes."""
    with tempfile.TemporaryDirectory() as folder:
        digest = hashlib.sha256()
        for path in sorted(data.export(folder, format)):  # type: ignore[arg-type]  # (a str)
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()


def hint(data: Dataset, record_id: str) -> str:
    """What an unknown ID is told (its suggestion searches the names)."""
    try:
        data.get(record_id)
    except rightsdata.UnknownIdError as error:
        return str(error)
    return ""


def call(method: str, *args: Any, **kwargs: Any) -> Callable[[Dataset], Any]:
    """The query ``data.method(*args, **kwargs)``, of whichever dataset it is given."""

    def ask(data: Dataset) -> Any:
        return getattr(data, method)(*args, **kwargs)

    return ask


def queries(data: Dataset, per_kind: int, tables: bool) -> list[Query]:
    """The queries asked of each copy, drawn from ``data`` (at most ``per_kind`` of each)."""
    draw = random.Random(7)
    actors = [*data.persons.ids(), *data.organizations.ids(), *data.groups.ids()]
    places = [p.id for p in data.places]
    every = [r.id for r in data]
    for found in (actors, places, every):
        draw.shuffle(found)
    asked: list[Query] = []
    for a in actors[:per_kind]:
        asked += [
            (f"timeline {a}", call("timeline", a)),
            (f"window {a}", call("events", involving=a, between=("2012", "2016"))),
            (f"victim {a}", call("events", involving=a, role="victim")),
            (f"kinds {a}", call("events", involving=a, kind=["arrest", "verdict"])),
            (f"speaker {a}", call("statements", speaker=a)),
            (f"about {a}", call("statements", about=a, between=("2015", None))),
        ]
    for p in places[:per_kind]:
        asked += [
            (f"place {p}", call("events", place=p)),
            (f"place window {p}", call("events", place=p, between=("2011", "2019"))),
            (f"place certain {p}", call("events", place=p, between=("2011", "2019"), certain=True)),
        ]
    for r in every[:per_kind]:
        asked += [(f"related {r}", call("related", r)), (f"get {r}", call("get", r))]
    for s in [s.id for s in data.sources][:per_kind]:
        asked.append((f"cited_by {s}", call("cited_by", s)))
    for n in [p.name for p in data.persons][:per_kind]:
        asked += [
            (f"search {n}", call("search", n)),
            (f"misspelt {n}", call("search", n[:-1] + "x", limit=3)),
            (f"search kinds {n}", call("search", n.split()[0], kinds=["persons", "events"])),
        ]
    for kind in ("arrest", "verdict", "protest", "killing"):
        asked += [
            (f"kind {kind}", call("events", kind=kind)),
            (f"kind window {kind}", call("events", kind=kind, between=("2012", "2014"))),
        ]
    for role in ("victim", "judge", "perpetrator"):
        asked.append((f"role {role}", call("events", role=role)))
    for year in range(2005, 2025, 3):
        y, z = str(year), str(year + 1)
        asked += [
            (f"window {y}", call("events", between=(y, z))),
            (f"certain {y}", call("events", between=(y, None), certain=True)),
            (f"statements {y}", call("statements", between=(y, y))),
        ]
    asked += [
        ("every event", call("events")),
        ("ratings", call("ratings")),
        ("ratings KZ", call("ratings", country="KZ")),
        ("rating_on", call("rating_on", "KZ", "2021-01-01")),
        ("country", call("country", "KZ")),
        ("hint", partial(hint, record_id="person:vladimir-kozlof")),
    ]
    if tables:
        asked += [
            ("to_pandas events", call("to_pandas", "events")),
            ("to_pandas participants", call("to_pandas", "events.participants")),
            ("export json", partial(exported, format="json")),
            ("export csv", partial(exported, format="csv")),
        ]
    return asked


def answer(data: Dataset, ask: Callable[[Dataset], Any]) -> Any:
    """What ``ask`` gives (an error as its type and message), comparable; a list it gave is
    emptied once compared."""
    try:
        value = ask(data)
    except Exception as error:
        return ("raised", type(error).__name__, str(error))
    found = comparable(value)
    if isinstance(value, list):
        value.clear()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--folder", type=Path, default=BUNDLED, help="a dataset's folder")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--per-kind", type=int, default=10**9, help="queries of each kind")
    parser.add_argument("--no-tables", action="store_true", help="no to_pandas, no exports")
    parser.add_argument("--built", action="store_true", help="copies made by Dataset(...)")
    args = parser.parse_args(argv)
    loaded = rightsdata.load_path(args.folder)

    def fresh() -> Dataset:
        if args.built:  # (no texts gathered by a load: the queries make them)
            records = {kind: list(loaded.collection(kind)) for kind in KINDS}
            return Dataset(records, redirects=loaded.redirects)
        return rightsdata.load_path(args.folder)

    asked = queries(loaded, args.per_kind, not args.no_tables)
    started = time.perf_counter()
    alone = fresh()
    expected = {name: answer(alone, ask) for name, ask in asked}
    del alone
    print(f"{len(asked)} queries; one thread's answers in {time.perf_counter() - started:.1f} s")
    sys.setswitchinterval(1e-6)
    differed = 0
    for round_ in range(args.rounds):
        shared = fresh()
        barrier = threading.Barrier(args.threads)
        told: list[str] = []

        def work(
            number: int,
            round_: int = round_,
            shared: Dataset = shared,
            barrier: threading.Barrier = barrier,
            told: list[str] = told,
        ) -> None:
            order = list(asked)
            random.Random(round_ * 1000 + number).shuffle(order)
            barrier.wait()
            for name, ask in order:
                try:
                    got = answer(shared, ask)
                except Exception:  # (comparable() failed: told, with where)
                    told.append(f"thread {number}, {name}: {traceback.format_exc()}")
                    continue
                if got != expected[name]:
                    told.append(f"thread {number}, {name}: {got!r:.200} != {expected[name]!r:.200}")

        threads = [threading.Thread(target=work, args=(n,)) for n in range(args.threads)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        took = time.perf_counter() - started
        print(f"round {round_}: {took:.1f} s, {len(told)} answers differed", flush=True)
        for line in told[:10]:
            print("  ", line)
        differed += len(told)
    return 1 if differed else 0


if __name__ == "__main__":
    sys.exit(main())
