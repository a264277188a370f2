"""Files written by a second thread while the next one's content is built
(``rightsdata._tables.overlapped``): each file whole when its function returns, the next
content built meanwhile, every error raised where the caller expects it."""

from __future__ import annotations

import threading
import weakref
from pathlib import Path

import pytest

from rightsdata._tables.overlapped import Overlapped

#: How long a test waits for the other thread before it fails (rather than hang).
PATIENCE = 10.0


class Content:
    """A content a weak reference can follow."""

    def __init__(self, name: str) -> None:
        self.name = name


def _write_text(content: Content, path: Path) -> None:
    path.write_text(content.name, encoding="utf-8")


def test_each_file_is_whole_and_in_order_when_its_function_returns(tmp_path: Path) -> None:
    built: list[str] = []

    def build(name: str) -> Content:
        built.append(name)
        return Content(name.upper())

    files = Overlapped(["a", "b", "c"], build, _write_text)
    for name in ("a", "b", "c"):
        files.filler(name)(tmp_path / name)
        assert (tmp_path / name).read_text(encoding="utf-8") == name.upper()
    assert built == ["a", "b", "c"]  # each built once, the next while the one before is written


def test_the_next_content_is_built_while_a_file_is_written(tmp_path: Path) -> None:
    """The writer of "a" waits until "b" is being built: one after the other, it would wait
    in vain (and the test fail on its timeout instead of hanging)."""
    building_b = threading.Event()
    waited: list[bool] = []

    def build(name: str) -> Content:
        if name == "b":
            building_b.set()
        return Content(name)

    def write(content: Content, path: Path) -> None:
        if content.name == "a":
            waited.append(building_b.wait(PATIENCE))
        _write_text(content, path)

    files = Overlapped(["a", "b"], build, write)
    files.filler("a")(tmp_path / "a")
    assert waited == [True]
    assert threading.current_thread() is threading.main_thread()


def test_a_failed_write_is_raised_by_its_own_files_function(tmp_path: Path) -> None:
    def write(content: Content, path: Path) -> None:
        if content.name == "b":
            raise OSError(f"{path}: disk full")
        _write_text(content, path)

    files = Overlapped(["a", "b", "c"], Content, write)
    files.filler("a")(tmp_path / "a")
    with pytest.raises(OSError, match="disk full") as caught:
        files.filler("b")(tmp_path / "b")
    assert str(tmp_path / "b") in str(caught.value)


def test_a_failed_build_of_the_next_is_raised_once_the_file_is_written(tmp_path: Path) -> None:
    """The caller removes the file it was filling when the call raises: the writer must be
    done with it by then."""

    def build(name: str) -> Content:
        if name == "b":
            raise ValueError("table 'b': a count too large")
        return Content(name)

    files = Overlapped(["a", "b"], build, _write_text)
    with pytest.raises(ValueError, match="a count too large"):
        files.filler("a")(tmp_path / "a")
    assert (tmp_path / "a").read_text(encoding="utf-8") == "a"
    assert [t.name for t in threading.enumerate() if t.name == "rightsdata writer"] == []


def test_an_interrupt_waits_for_the_file_being_written(tmp_path: Path) -> None:
    release = threading.Event()

    def build(name: str) -> Content:
        if name == "b":
            release.set()
            raise KeyboardInterrupt
        return Content(name)

    def write(content: Content, path: Path) -> None:
        assert release.wait(PATIENCE)
        _write_text(content, path)

    files = Overlapped(["a", "b"], build, write)
    with pytest.raises(KeyboardInterrupt):
        files.filler("a")(tmp_path / "a")
    assert (tmp_path / "a").read_text(encoding="utf-8") == "a"


def test_a_written_content_is_let_go(tmp_path: Path) -> None:
    """Two contents at most are held: the one just written is freed by reference counting
    when its function returns, while the next, built ahead, is kept for its own."""
    made: dict[str, weakref.ref[Content]] = {}

    def build(name: str) -> Content:
        content = Content(name)
        made[name] = weakref.ref(content)
        return content

    files = Overlapped(["a", "b", "c"], build, _write_text)
    files.filler("a")(tmp_path / "a")
    assert made["a"]() is None
    assert made["b"]() is not None
    files.filler("b")(tmp_path / "b")
    assert made["b"]() is None and made["c"]() is not None


def test_a_function_called_out_of_turn_builds_its_own_content(tmp_path: Path) -> None:
    built: list[str] = []

    def build(name: str) -> Content:
        built.append(name)
        return Content(name)

    files = Overlapped(["a", "b", "c"], build, _write_text)
    files.filler("c")(tmp_path / "c")
    files.filler("a")(tmp_path / "a")  # builds "b" ahead
    files.filler("b")(tmp_path / "b")
    assert built == ["c", "a", "b"]
    assert [(tmp_path / n).read_text(encoding="utf-8") for n in "abc"] == ["a", "b", "c"]
