"""Writing files so that a reader sees the old file or the new one, never a part of either.

Each file is written to a temporary file in the same folder (created exclusively, so it is
never a file or a link that was already there), flushed to disk (``fsync``) and renamed over
its name with :func:`os.replace`, which is atomic and replaces a symbolic link at that name
rather than the file it points to. :func:`write_all` does that for a set of files: it checks
that nothing but a file or a link is at any of their names (a folder there is refused before
anything is written), writes every temporary file first and renames only once all of them
are written; each file replaced keeps a second name until all are renamed, so that if a
rename still fails, those renamed before it are put back. A failure leaves the folder as it
was; so does an interrupt (Ctrl-C's KeyboardInterrupt, or any exception that is no
``Exception``) that lands while the files are written or renamed, and one that lands once all
are in place leaves them all: either way, each temporary file and second name is removed
before the interrupt is raised, a step it cut short done again (:func:`despite_interrupts`).
Their names are those of :data:`LEFTOVER`, which a later run may remove where one was
killed outright (``rightsdata export --force``).

The file written has the mode any program would give it: a file it replaces keeps its
permissions (``rightsdata fmt`` leaves a 0640 file 0640), and a new file gets what the umask
allows (0644 under the usual umask 022). While it is written, the temporary file is its
owner's alone.

On Windows, a file without write permission is read-only, and Windows neither removes it nor
renames a file over it: a read-only file replaced loses the attribute just before the rename
(its mode noted first, and put back if the write is undone), the new file gets it once every
file is in place, though an interrupt lands meanwhile (a mode that cannot be set is warned
of, ``RuntimeWarning``: every file is written), and each temporary file and second name
loses it before it is removed, getting it back if it still cannot be
(:func:`~rightsdata._values.windows.make_writable`,
:func:`~rightsdata._values.windows.remove_file`). A rename that another program's open
handle refuses (a virus scanner, an indexer, a reader: access denied, or a sharing
violation) is tried again a few times there, for 0.38 s in all (:func:`_replace`).

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_atomic(folder / "a.txt", b"hello")
>>> [p.name for p in write_all(folder, {"a.txt": b"new", "b.txt": b"two"})]
['a.txt', 'b.txt']
>>> sorted(p.name for p in folder.iterdir()), (folder / "a.txt").read_bytes()
(['a.txt', 'b.txt'], b'new')
>>> import shutil; shutil.rmtree(folder)
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from pathlib import Path
from typing import Final, TypeAlias

from rightsdata._values.windows import make_writable, on_windows, read_only_mode, remove_file

__all__ = ["LEFTOVER", "Content", "despite_interrupts", "remove_files", "write_all", "write_atomic"]

#: What to write: the bytes, or a function that writes the file at the path it is given
#: (for writers such as pyarrow's that want a path of their own).
Content: TypeAlias = bytes | Callable[[Path], None]


#: How many random names :func:`_create_temporary` tries before it gives up (as tempfile does).
_ATTEMPTS = 100
#: Read and write for the owner alone: a temporary file's mode while it is written.
_OWNER_ONLY = 0o600
#: The name of a temporary file (``.events.json.0a1b2c3d4e5f.tmp``) or of a replaced file's
#: second name (``...old``) that :func:`write_all` gives beside ``name``, the file it
#: writes: ``name`` is the group ``name``.
LEFTOVER: Final = re.compile(r"\.(?P<name>.+)\.[0-9a-f]{12}\.(?:tmp|old)")
#: How many times :func:`despite_interrupts` runs a step that interrupts keep cutting short.
_TRIES = 3
#: Windows' errors for a rename that another program's open handle refuses, for a while:
#: ERROR_ACCESS_DENIED and ERROR_SHARING_VIOLATION (:func:`_replace`).
_BUSY: Final = frozenset({5, 32})
#: How long :func:`_replace` waits before each try again, in seconds.
_WAITS: Final = (0.01, 0.02, 0.05, 0.1, 0.2)


def despite_interrupts(step: Callable[[], object]) -> BaseException | None:
    """Run ``step`` (a step of undoing or finishing a write, which looks before it acts, so
    that it may run twice) to its end, though an interrupt (KeyboardInterrupt, or any
    exception that is no ``Exception``) lands in it: it is run again, up to :data:`_TRIES`
    times. The first interrupt, for the caller to raise once its work is done; None if none
    came. An ``Exception`` is raised at once."""
    interrupt: BaseException | None = None
    for _ in range(_TRIES):
        try:
            step()
        except Exception:
            raise
        except BaseException as caught:
            interrupt = interrupt or caught
        else:
            break
    return interrupt


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        remove_file(path)


def _replace(source: Path, target: Path) -> None:
    """:func:`os.replace`; on Windows, tried again after each of :data:`_WAITS` while another
    program's open handle refuses it (:data:`_BUSY`), a moment's hold as a virus scanner's."""
    for wait in _WAITS:
        try:
            os.replace(source, target)
        except PermissionError as error:
            if not on_windows() or getattr(error, "winerror", None) not in _BUSY:
                raise
        else:
            return
        time.sleep(wait)
    os.replace(source, target)


def remove_files(paths: Iterable[Path]) -> None:
    """Remove each file of ``paths`` that is there (one that cannot be is left), all of them
    though an interrupt lands meanwhile; then raise the interrupt, if one came."""
    interrupt: BaseException | None = None
    for path in paths:
        interrupt = despite_interrupts(partial(_unlink, path)) or interrupt
    if interrupt is not None:
        raise interrupt


def _replaced_mode(path: Path) -> int | None:
    """The permissions of the regular file at ``path``, which a rewrite keeps; None if there
    is none (nothing, or a link, which is replaced by a file and not followed)."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(status.st_mode):
        return None
    # the permission bits; not set-user-ID or set-group-ID, which the system takes off a
    # file written in place too
    return stat.S_IMODE(status.st_mode) & 0o777


def _create_temporary(path: Path) -> Path:
    """A new, empty, hidden file in ``path``'s folder, readable and writable by its owner
    alone, for writing ``path``'s content into."""
    # the owner's alone from the start, whatever its mode will be (write_all sets it once it
    # is written): no one else may open it, to read it later, while it is more open than the
    # file it replaces; and its owner may write it even if it is to be read-only
    name, handle = _create_exclusively(path, _OWNER_ONLY)
    os.close(handle)
    return name


def _new_file_mode(path: Path) -> int:
    """The mode a program's new file gets in ``path``'s folder: 0o666 less the umask.

    Read off an empty file created with 0o666 and removed at once: os.umask() tells the
    umask only by setting it, for the whole process, so a file another thread created
    meanwhile would get the mode set in passing (/proc/self/status has it too, on Linux
    alone). The file holds nothing, so no one who opens it in that moment reads anything.
    """
    name, handle = _create_exclusively(path, 0o666)
    try:
        return stat.S_IMODE(os.fstat(handle).st_mode)
    finally:
        os.close(handle)
        remove_files([name])


def _create_exclusively(path: Path, mode: int) -> tuple[Path, int]:
    """A new hidden file beside ``path`` (never one, or a link, that was already there), and
    its open handle."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    for _ in range(_ATTEMPTS):
        name = path.parent / f".{path.name}.{os.urandom(6).hex()}.tmp"
        try:
            return name, os.open(name, flags, mode)
        except FileExistsError:
            continue
    raise FileExistsError(f"{path.parent}: no unused name for a temporary file")


def _fill(temporary: Path, content: Content) -> None:
    """Write ``content`` into ``temporary`` and flush it to disk."""
    if isinstance(content, bytes):
        with temporary.open("wb") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        return
    content(temporary)
    with temporary.open("rb+") as file:
        os.fsync(file.fileno())


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entries (the renames) to disk, where the system allows it."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def write_all(folder: Path, files: Mapping[str, Content], *, todo: str = "") -> list[Path]:
    """Write ``files`` (name in ``folder`` to content) so that all of them change or none.

    A name at which there is something other than a file or a symbolic link (a folder, a
    pipe) raises ``IsADirectoryError`` or ``FileExistsError`` naming it before anything is
    written, its message ending with ``todo`` (what to do about it), if given. Every file
    is written to a temporary file first; only when all are written are they renamed into
    place, in order, each file replaced keeping a second, hidden name
    until all are in place. If writing any of them fails, the temporary files are removed;
    if a rename fails, the files renamed before it are put back as they were (and those
    that were new removed); either way the error is raised and the folder is as it was.
    Returns the paths, in the order of ``files``. Each file keeps the permissions of the
    file it replaces; a new one gets a new file's (``0o666`` less the umask).

    An interrupt (KeyboardInterrupt) is raised as it came, once the folder is as it was (it
    landed before every file was in place) or holds every new file (it landed after), and
    the temporary files and second names are removed.
    """
    for name in files:
        _check_target(folder / name, todo)
    temporaries: dict[Path, Path] = {}
    new_mode: int | None = None  # a new file's, read once: every file here is in one folder
    read_only: dict[Path, int] = {}  # (Windows: the modes set once all are in place)
    try:
        for name, content in files.items():
            path = folder / name
            mode = _replaced_mode(path)
            if mode is None:
                new_mode = _new_file_mode(path) if new_mode is None else new_mode
                mode = new_mode
            temporary = _create_temporary(path)
            temporaries[path] = temporary
            _fill(temporary, content)
            if on_windows() and not mode & stat.S_IWRITE:
                # read-only there: it could not be removed, nor renamed over, if undone
                read_only[path] = mode
                mode |= stat.S_IWRITE
            os.chmod(temporary, mode)  # the mode of the file it replaces, or a new file's
        _rename_all(temporaries)
    finally:
        try:
            remove_files(list(temporaries.values()))
        finally:
            if not temporaries:  # (every file in place, though an interrupt came after)
                _make_read_only_again(read_only)
    _sync_folder(folder)
    return [folder / name for name in files]


def _make_read_only_again(modes: Mapping[Path, int]) -> None:
    """Give each file just put in place the read-only mode (``modes``, Windows) of the file
    it replaced, every one though an interrupt lands meanwhile (then raised). A mode that
    cannot be set is warned of, not raised: every file is written, and the caller's next
    steps (an export removing its earlier files) must still run."""
    interrupt: BaseException | None = None
    for path, mode in modes.items():
        try:
            interrupt = despite_interrupts(partial(os.chmod, path, mode)) or interrupt
        except OSError as error:
            import warnings

            warnings.warn(
                f"{path} was written but could not be made read-only again, as the file it "
                f"replaced was: {error.strerror or error}",
                RuntimeWarning,
                stacklevel=3,
            )
    if interrupt is not None:
        raise interrupt


#: What :func:`_check_target` calls what is at a name, by the type of its mode.
_NOT_FILES: Final = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def _check_target(path: Path, todo: str = "") -> None:
    """Raise unless a file may be renamed to ``path``: nothing is there, or a file, or a
    symbolic link (which is replaced, not followed). A folder raises IsADirectoryError,
    anything else FileExistsError, naming ``path`` (and saying ``todo``, if given)."""
    then = f": {todo}" if todo else ""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return
    mode = status.st_mode
    if stat.S_ISREG(mode) or stat.S_ISLNK(mode):
        return
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(
            errno.EISDIR,
            f"is a folder, where a file of that name is to be written; nothing was written{then}",
            str(path),
        )
    what = next((said for test, said in _NOT_FILES if test(mode)), "not a file")
    raise FileExistsError(
        errno.EEXIST,
        f"is {what}, where a file of that name is to be written; nothing was written{then}",
        str(path),
    )


def _rename_all(temporaries: dict[Path, Path]) -> None:
    """Rename each temporary file over its path (``temporaries``: path to temporary file),
    in order, removing each from ``temporaries`` once renamed; if a rename fails, or an
    interrupt lands before all are renamed, put back the files the earlier ones replaced,
    remove those they added, and raise. Once all are renamed, the replaced files' second
    names are removed, all of them though an interrupt lands meanwhile (then raised)."""
    # each path, its temporary, its aside, and the read-only mode taken off its file (Windows)
    done: list[tuple[Path, Path, Path | None, int | None]] = []
    current: Path | None = None  # the path being set aside: a link made may be unnamed yet
    try:
        for path, temporary in list(temporaries.items()):
            current = path
            aside = _set_aside(path)
            # noted before the rename, and with the read-only mode (Windows) before that is
            # taken off: an interrupt between any two steps is undone with the mode put back
            done.append((path, temporary, aside, read_only_mode(path)))
            current = None
            make_writable(path)  # (Windows renames nothing over a read-only file)
            _replace(temporary, path)
            del temporaries[path]
    except BaseException as error:
        if current is not None:  # (cut short after the link was made, before it was named)
            despite_interrupts(partial(_drop_stray_asides, current))
        for path, temporary, aside, mode in reversed(done):
            despite_interrupts(partial(_undo, path, temporary, aside, error, mode))
        raise
    remove_files([aside for _, _, aside, _ in done if aside is not None])


def _undo(
    path: Path, temporary: Path, aside: Path | None, error: BaseException, mode: int | None
) -> None:
    """Undo the rename of ``temporary`` over ``path`` (done or not): put back the file set
    aside, or remove the new one where there was none; and give the file put back the
    read-only ``mode`` taken off it, if one was (Windows)."""
    if aside is not None:
        _put_back(path, aside, error)
        if mode is not None:
            with contextlib.suppress(OSError):
                os.chmod(path, mode)
    elif not os.path.lexists(temporary):  # (renamed: the new file, where none was)
        _unlink(path)


def _drop_stray_asides(path: Path) -> None:
    """Remove the second names (:func:`_set_aside`'s hard links) that ``path``'s file was
    given by a run cut short before it knew their name: each still names the file at
    ``path``, which stays."""
    pattern = re.compile(rf"\.{re.escape(path.name)}\.[0-9a-f]{{12}}\.old")
    mode = read_only_mode(path)  # (Windows: a link's removal takes it off the file they share)
    with contextlib.suppress(OSError):
        for entry in path.parent.iterdir():
            if pattern.fullmatch(entry.name) and _same_file(path, entry):
                _unlink(entry)
    if mode is not None:
        with contextlib.suppress(OSError):
            os.chmod(path, mode)


def _set_aside(path: Path) -> Path | None:
    """A second, hidden name for the file (or link) at ``path``, under which it stays until
    every file is in place, to be put back if one cannot be; None if nothing is there.

    A hard link, so that ``path`` names the old file until the new one replaces it; where the
    file system has none, the file is renamed (``path`` names nothing until then).
    """
    if not os.path.lexists(path):
        return None
    for _ in range(_ATTEMPTS):
        aside = path.parent / f".{path.name}.{os.urandom(6).hex()}.old"
        try:
            os.link(path, aside, follow_symlinks=False)
        except FileExistsError:
            continue
        except (OSError, NotImplementedError):
            break  # no hard links here
        return aside
    aside, handle = _create_exclusively(path, _OWNER_ONLY)  # (a name no one else uses)
    os.close(handle)
    try:
        _replace(path, aside)
    except BaseException:
        if os.path.lexists(path):  # (not moved: the empty file made for its name goes)
            aside.unlink(missing_ok=True)
        else:  # (moved, and then interrupted: back to its name)
            _replace(aside, path)
        raise
    return aside


def _put_back(path: Path, aside: Path, error: BaseException) -> None:
    """Rename ``aside`` (of :func:`_set_aside`) back to ``path``; if that fails too, add a
    note to ``error`` saying where the old file is."""
    try:
        if not os.path.lexists(aside):  # (put back already: a second run of it)
            return
        if _same_file(path, aside):  # (its rename failed: it names the old file still)
            remove_file(aside)
        else:
            _replace(aside, path)
    except OSError as failed:
        error.add_note(f"{path} could not be put back ({failed.strerror}): it is {aside}")


def _same_file(one: Path, other: Path) -> bool:
    """Whether ``one`` and ``other`` are names of the same file (a rename of one over the
    other would do nothing, and leave both)."""
    try:
        return os.path.samestat(os.lstat(one), os.lstat(other))
    except FileNotFoundError:
        return False


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: readers see the old file whole or the new one.

    A symbolic link at ``path`` is replaced by the file; what it pointed to is untouched.
    """
    target = Path(path)
    write_all(target.parent, {target.name: data})
