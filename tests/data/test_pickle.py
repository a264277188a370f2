"""Pickling and copying: a Dataset, its records and values, and the errors."""

from __future__ import annotations

import copy
import io
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

import rightsdata
from rightsdata import EDTF, Dataset, Duration, InvalidDataError, Person, Precision, Problem

PROTOCOLS = range(pickle.HIGHEST_PROTOCOL + 1)


def _globals_named(data: bytes) -> set[str]:
    """The modules a pickle imports from, as unpickling looks them up."""
    found: set[str] = set()

    class Recording(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            found.add(module)
            return super().find_class(module, name)

    Recording(io.BytesIO(data)).load()
    return found


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_a_dataset_pickles_whole(protocol: int) -> None:
    ds = rightsdata.load()
    again = pickle.loads(pickle.dumps(ds, protocol=protocol))
    assert type(again) is Dataset and again is not ds
    assert again == ds
    assert (again.name, again.version, again.format) == (ds.name, ds.version, ds.format)
    assert again.descriptor == ds.descriptor and again.citation == ds.citation
    assert dict(again.redirects) == dict(ds.redirects) and again.redirects
    assert again.counts() == ds.counts()
    assert repr(again) == repr(ds)


def test_an_unpickled_dataset_answers_queries() -> None:
    ds = rightsdata.load()
    again = pickle.loads(pickle.dumps(ds))
    assert again.get("person:vladimir-kozlov") == ds.get("person:vladimir-kozlov")
    old, new = next(iter(ds.redirects.items()))
    assert again.get(old).id == new  # redirects followed
    assert again.timeline("person:vladimir-kozlov") == ds.timeline("person:vladimir-kozlov")
    assert again.search("kozlov", limit=3) == ds.search("kozlov", limit=3)
    assert again.figures("event:zhanaozen-massacre-2011") == ds.figures(
        "event:zhanaozen-massacre-2011"
    )
    assert again.rating_on("KZ", "2022-06-01") == ds.rating_on("KZ", "2022-06-01")
    assert again.related("place:kazakhstan") == ds.related("place:kazakhstan")
    assert list(again.events(kind="verdict")) == list(ds.events(kind="verdict"))
    assert again.to_dict() == ds.to_dict()


def test_a_dataset_built_in_python_pickles() -> None:
    ds = rightsdata.load()
    built = Dataset(
        {
            kind: list(ds.collection(kind))
            for kind in rightsdata.KINDS
            if kind not in ("statements", "ratings")
        },
        name="built",
        redirects={"person:old": "person:vladimir-kozlov"},
    )
    again = pickle.loads(pickle.dumps(built))
    assert again == built and again != ds
    assert (
        again.version is None
        and again.descriptor is None
        and not again.ratings
        and not again.statements
    )
    assert again.get("person:old") == ds.get("person:vladimir-kozlov")
    empty = Dataset({})
    assert pickle.loads(pickle.dumps(empty)) == empty


class Tagged(Dataset):
    """A subclass that sets attributes of its own (at module level, so that pickle finds it)."""

    def __init__(self, records: dict[str, list[Any]], tag: str, **kwargs: Any) -> None:
        super().__init__(records, **kwargs)
        self.tag = tag
        self.notes = {"checked": [tag]}


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_a_subclass_keeps_its_own_attributes(protocol: int) -> None:
    ds = rightsdata.load()
    records = {kind: list(ds.collection(kind)) for kind in ("sources", "organizations", "places")}
    mine = Tagged(records, "v1", name="mine", version="1.0.0")
    again = pickle.loads(pickle.dumps(mine, protocol=protocol))
    assert type(again) is Tagged and again == mine
    assert (again.tag, again.notes, again.name) == ("v1", {"checked": ["v1"]}, "mine")
    assert again.places["place:almaty"].name == "Almaty"  # (the records are the dataset's)
    # a subclass whose instances set nothing pickles as a Dataset does

    class Plain(Dataset):
        pass

    assert "attributes" not in Plain({}).__getstate__()
    assert "attributes" not in ds.__getstate__()


class Slotted(Tagged):
    """A subclass keeping attributes in slots of its own, a private one among them."""

    __slots__ = ("__secret", "label", "unset")

    def __init__(self, records: dict[str, list[Any]], label: str) -> None:
        super().__init__(records, "slotted")
        self.label = label
        self.__secret = label.upper()

    def secret(self) -> str:
        return self.__secret


class Guarded(Slotted):
    """A subclass that refuses assignment once built, as an immutable subclass would."""

    __slots__ = "frozen_at"

    def __init__(self, records: dict[str, list[Any]], label: str) -> None:
        super().__init__(records, label)
        self.frozen_at = "built"

    def __setattr__(self, name: str, value: object) -> None:
        if hasattr(self, "frozen_at"):
            raise AttributeError(f"{name}: a Guarded dataset is read-only")
        super().__setattr__(name, value)


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_a_subclass_keeps_the_slots_it_declares(protocol: int) -> None:
    ds = rightsdata.load()
    records = {kind: list(ds.collection(kind)) for kind in ("sources", "organizations", "places")}
    for mine in (Slotted(records, "v2"), Guarded(records, "v3")):
        again = pickle.loads(pickle.dumps(mine, protocol=protocol))
        assert type(again) is type(mine) and again == mine
        assert (again.label, again.secret(), again.tag) == (mine.label, mine.secret(), "slotted")
        assert not hasattr(again, "unset")  # a slot never set stays unset
    assert again.frozen_at == "built"  # (set past Guarded's __setattr__, which refuses it)
    with pytest.raises(AttributeError, match="read-only"):
        again.label = "changed"


class _Recording(pickle.Unpickler):
    """An unpickler that keeps the name of every global it looks up, in order."""

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data))
        self.looked_up: list[str] = []

    def find_class(self, module: str, name: str) -> Any:
        self.looked_up.append(f"{module}.{name}")
        return super().find_class(module, name)


def test_a_pickle_records_the_version_of_rightsdata_that_made_it() -> None:
    from rightsdata._version import __version__

    assert rightsdata.load().__getstate__()["rightsdata"] == __version__


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_a_pickle_from_another_version_is_refused_before_its_records_are_read(
    protocol: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rightsdata._version import __version__

    ds = rightsdata.load()
    own = {kind: list(ds.collection(kind)) for kind in ("sources", "organizations")}
    for dataset in (ds, Tagged(own, "v1")):
        with monkeypatch.context() as patched:
            patched.setattr("rightsdata._version.__version__", "0.0.1")
            data = pickle.dumps(dataset, protocol=protocol)
        unpickler = _Recording(data)
        with pytest.raises(pickle.UnpicklingError) as refused:
            unpickler.load()
        message = str(refused.value)
        assert f"pickled by rightsdata 0.0.1, and this is rightsdata {__version__}" in message
        assert "rightsdata.load_path(path)" in message
        # (refused before a record's class was looked up: one that changed cannot fail first)
        assert not any(".records." in name for name in unpickler.looked_up)
        assert "rightsdata._data.dataset._unpickled" in unpickler.looked_up
        assert pickle.loads(pickle.dumps(dataset, protocol=protocol)) == dataset


def test_a_pickle_made_before_the_version_was_recorded_is_refused() -> None:
    import copyreg

    class Earlier(pickle.Pickler):
        """Pickles a dataset as rightsdata did before it recorded its version: rebuilt by
        copyreg.__newobj__, its state without the version."""

        def reducer_override(self, obj: Any) -> Any:
            if type(obj) is not Dataset:
                return NotImplemented
            state = obj.__getstate__()
            del state["rightsdata"]
            return (copyreg.__newobj__, (Dataset,), state)  # type: ignore[attr-defined]

    for protocol in PROTOCOLS:
        stream = io.BytesIO()
        Earlier(stream, protocol=protocol).dump(rightsdata.load())
        with pytest.raises(pickle.UnpicklingError, match="an earlier rightsdata, which did not"):
            pickle.loads(stream.getvalue())


def test_a_pickle_names_rightsdata_and_the_standard_library_only() -> None:
    # (the classes are named where they are defined, so a pickle is for one version of
    # rightsdata: processes, caches; JSON is for keeping)
    ds = rightsdata.load()
    for protocol in PROTOCOLS:
        named = _globals_named(pickle.dumps(ds, protocol=protocol))
        assert {m.partition(".")[0] for m in named} <= {
            "rightsdata",
            "builtins",
            "copyreg",
            "__builtin__",
            "copy_reg",
        }


def test_a_dataset_copies_as_itself() -> None:
    ds = rightsdata.load()
    assert copy.copy(ds) is ds
    assert copy.deepcopy(ds) is ds
    assert copy.deepcopy({"data": [ds]})["data"][0] is ds


def test_records_and_values_pickle() -> None:
    ds = rightsdata.load()
    event = ds.get("event:kozlov-verdict-2012-10-08")
    assert isinstance(event, rightsdata.Event)
    values = [
        event,
        event.penalty,
        event.participants[0],
        event.citations[0],
        ds.get("person:vladimir-kozlov"),
        ds.get("place:almaty"),
        ds.figures("event:zhanaozen-massacre-2011")[0],
        EDTF("2012-01-26/2012-10-08"),
        EDTF("2012").precision,
        Duration.parse("P7Y6M"),
        *list(ds)[::40],
    ]
    for value in values:
        for protocol in PROTOCOLS:
            assert pickle.loads(pickle.dumps(value, protocol=protocol)) == value
    assert pickle.loads(pickle.dumps(Precision.DAY)) is Precision.DAY
    assert pickle.loads(pickle.dumps(event)).penalty.term.years == 7


def test_the_public_classes_keep_their_source_for_inspect() -> None:
    # Named by the package instead (__module__ = "rightsdata"), the classes lost their source:
    # inspect.getsource, and IPython's Person??, found no definition in rightsdata/__init__.py
    import inspect

    for name in ("Dataset", "EDTF", "Duration", "Figure", "Citation", "Person", "Event"):
        cls = getattr(rightsdata, name)
        assert f"class {name}" in inspect.getsource(cls), name
    person = rightsdata.load().get("person:vladimir-kozlov")
    assert repr(person) == "<Person person:vladimir-kozlov 'Vladimir Kozlov'>"
    assert isinstance(person, Person)


def test_errors_pickle() -> None:
    problem = Problem("persons.json[0] person:x.name", "expected text", file="persons.json")
    for error in (
        InvalidDataError([problem], "data.json"),
        InvalidDataError([problem], "data.json", ("persons",)),
        rightsdata.UnknownIdError("person:nobody", "no such person"),
        rightsdata.UnknownIdError("event:x", None, "event", at="the item at index 2"),
        rightsdata.FieldError("name", "must be text", "type"),
    ):
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error) and str(again) == str(error)
        assert vars(again) == vars(error)
    with pytest.raises(rightsdata.EDTFError) as bad_date:
        EDTF("2012-13")
    assert str(pickle.loads(pickle.dumps(bad_date.value))) == str(bad_date.value)


def test_a_dataset_crosses_to_a_spawned_process(tmp_path: Path) -> None:
    """A pickle made here loads in a fresh interpreter (as multiprocessing's spawn does)."""
    ds = rightsdata.load()
    path = tmp_path / "ds.pickle"
    path.write_bytes(pickle.dumps(ds))
    script = textwrap.dedent(
        f"""
        import pickle, sys
        ds = pickle.loads(open({str(path)!r}, "rb").read())
        print(ds.version, len(ds), ds.get("person:vladimir-kozlov").name)
        print(sorted(m for m in sys.modules if m.startswith("rightsdata._data.indexes")))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    lines = result.stdout.splitlines()
    assert lines[0] == f"{ds.version} {len(ds)} Vladimir Kozlov"
    assert lines[1] == "['rightsdata._data.indexes']"  # the query built its indexes there


def test_the_collections_pickle_and_answer_queries() -> None:
    # (a callable collection holds its dataset's queries, set up on first use: a pickle
    # holds how to set them up, never the lock that guards it)
    ds = rightsdata.load()
    for collection in (ds.events, ds.statements, ds.ratings, ds.persons):
        again = pickle.loads(pickle.dumps(collection))
        assert type(again) is type(collection) and list(again) == list(collection)
    events = pickle.loads(pickle.dumps(ds.events))
    assert events(kind="arrest") == ds.events(kind="arrest") != []
    ratings = pickle.loads(pickle.dumps(ds.ratings))
    assert ratings(country="KZ") == ds.ratings(country="KZ") != []
