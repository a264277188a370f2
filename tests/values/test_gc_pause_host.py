"""The collector pause, seen from a program that embeds rightsdata (docs/loading.md, In a
program that manages the garbage collector): by default a pause disables the collector for
the process and its end enables it again, whatever another thread did meanwhile;
``RIGHTSDATA_GC_PAUSE=0``, read once, makes every pause leave the collector and its
generations alone."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

import rightsdata
from rightsdata._values import gcpause
from rightsdata._values.gcpause import ENVIRONMENT, MANY_OBJECTS, freeze_when_done, gc_paused

from conftest import source_doc


@pytest.fixture
def collector() -> Iterator[None]:
    """The collector enabled, and enabled again after the test whatever it did."""
    gc.enable()
    try:
        yield
    finally:
        gc.enable()


@pytest.fixture
def opted_out(monkeypatch: pytest.MonkeyPatch, collector: None) -> None:
    """``RIGHTSDATA_GC_PAUSE=0`` set before the first pause (as read once, afresh)."""
    monkeypatch.setenv(ENVIRONMENT, "0")
    monkeypatch.setattr(gcpause, "_on", None)


def _disable_during_a_pause_in_another_thread() -> None:
    """The review's case: a load runs in a thread (a pause under way there) and the main
    thread calls ``gc.disable()`` before it ends."""
    paused, disabled = threading.Event(), threading.Event()

    def load() -> None:
        with gc_paused():
            paused.set()
            assert disabled.wait(10)

    worker = threading.Thread(target=load)
    worker.start()
    assert paused.wait(10)
    gc.disable()
    disabled.set()
    worker.join(10)
    assert not worker.is_alive()


def test_by_default_the_pause_ends_by_enabling_what_the_host_disabled_meanwhile(
    monkeypatch: pytest.MonkeyPatch, collector: None
) -> None:
    # what docs/loading.md says: the pause cannot tell (the default behaviour, kept)
    monkeypatch.delenv(ENVIRONMENT, raising=False)
    monkeypatch.setattr(gcpause, "_on", None)
    _disable_during_a_pause_in_another_thread()
    assert gc.isenabled()


def test_opted_out_a_pause_keeps_the_hosts_disable_made_meanwhile(opted_out: None) -> None:
    _disable_during_a_pause_in_another_thread()
    assert not gc.isenabled()


def test_opted_out_a_pause_leaves_the_collector_on_and_the_generations_alone(
    opted_out: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    handed: list[bool] = []
    monkeypatch.setattr(gcpause, "_hand_over", lambda: handed.append(True))
    frozen = gc.get_freeze_count()
    with gc_paused():
        assert gc.isenabled()
        # a pause's worth of objects
        built: list[list[int]] = [[] for _ in range(MANY_OBJECTS + 1000)]
    assert gc.isenabled()
    assert handed == []  # nothing of the host's moved to the oldest generation
    assert gc.get_freeze_count() == frozen
    assert len(built) > MANY_OBJECTS


def test_opted_out_a_load_runs_with_the_collector_as_the_host_has_it(opted_out: None) -> None:
    # a collection at every few objects built: those run while a pause of the load is under
    # way are counted (none if the pause disabled the collector)
    collections: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and gcpause._active:
            collections.append(info["generation"])

    documents = {"sources": [source_doc(f"source:{n}") for n in range(50)]}
    threshold = gc.get_threshold()
    gc.callbacks.append(count)
    gc.set_threshold(5)
    try:
        rightsdata.load_documents(documents)
    finally:
        gc.set_threshold(*threshold)
        gc.callbacks.remove(count)
    assert len(collections) > 5
    assert gc.isenabled()


def test_opted_out_freeze_when_done_still_freezes(opted_out: None) -> None:
    # load_path(freeze=True) is the program's own request
    try:
        with gc_paused():
            kept: list[list[int]] = [[] for _ in range(3)]
            freeze_when_done()
        assert gc.get_freeze_count() > 0
        assert gc.isenabled()
    finally:
        gc.unfreeze()
    assert kept


def test_the_setting_is_read_once_at_the_first_pause(
    monkeypatch: pytest.MonkeyPatch, collector: None
) -> None:
    monkeypatch.setattr(gcpause, "_on", None)
    monkeypatch.setenv(ENVIRONMENT, "1")  # anything but 0 keeps the pause
    with gc_paused():
        assert not gc.isenabled()
    monkeypatch.setenv(ENVIRONMENT, "0")  # too late: read already
    with gc_paused():
        assert not gc.isenabled()
    monkeypatch.setattr(gcpause, "_on", None)
    monkeypatch.setenv(ENVIRONMENT, " 0 ")
    with gc_paused():
        assert gc.isenabled()


@pytest.mark.parametrize(("value", "pausing"), [("off", False), ("False", False), ("1", True)])
def test_the_setting_reads_the_usual_words_for_off_and_on(
    monkeypatch: pytest.MonkeyPatch, value: str, pausing: bool
) -> None:
    monkeypatch.setenv(ENVIRONMENT, value)
    monkeypatch.setattr(gcpause, "_on", None)
    assert gcpause._pausing() is pausing


def test_a_setting_of_no_known_meaning_is_warned_of_and_the_pause_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(ENVIRONMENT, "maybe")
    monkeypatch.setattr(gcpause, "_on", None)
    with pytest.warns(RuntimeWarning, match="RIGHTSDATA_GC_PAUSE='maybe' is neither on"):
        assert gcpause._pausing() is True
