"""What the commands make of their arguments: a path given, and the dataset to work on
(``--data PATH``, or ``--name`` of a bundled one; ``--base`` for the one ``--data`` builds
on), named again in the commands that the output suggests."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Final

from rightsdata._cli.exits import UsageError
from rightsdata._cli.unreadable import missing, unreadable
from rightsdata._values.errors import InvalidDataError, printable
from rightsdata._values.resources import DEFAULT_NAME
from rightsdata._values.shell import shell_path, shell_word

if TYPE_CHECKING:
    from rightsdata._data.dataset import Dataset

__all__ = ["BaseRefusedError", "base_json", "bundled_base"]

#: The bundled dataset the commands use without --name or --data: load()'s.
_DEFAULT_NAME: Final = DEFAULT_NAME


class _Default(str):
    """An option's default value, told apart from the same value given (``--name
    kazakhstan``) by its type."""

    __slots__ = ()


class BaseRefusedError(InvalidDataError):
    """The problems of the dataset ``--base`` names, which refuse the command: said to be the
    base's (``BASE (the base, --base)``), and, under ``--json``, each problem given the base
    as it was typed (:attr:`base`), so that a program tells them from its data's own.

    >>> refused = BaseRefusedError([], "bad.json (the base, --base)")
    >>> refused.base = "bad.json"
    >>> isinstance(refused, InvalidDataError), refused.base
    (True, 'bad.json')
    """

    #: The base as given to ``--base`` (a path, as :func:`printable` shows it).
    base: str = ""


def _path(text: str, option: str = "") -> Path:
    """The path given (to ``option``, if it is one); an empty one is a usage error
    (``Path("")`` is the current folder, which ``--data "$UNSET"`` or ``fmt ""`` never
    means)."""
    if not text:
        raise UsageError(
            f"{option + ': ' if option else ''}the path is empty; give a file or folder"
        )
    return Path(text)


def _width(args: argparse.Namespace) -> int | None:
    """``--width``, checked: None (the terminal's width), or the columns to fit, from
    :data:`~rightsdata.textcard.MIN_WIDTH` up (wider than
    :data:`~rightsdata.textcard.MAX_WIDTH` is drawn at that, which fits); narrower, zero or
    less is a usage error that says the range (it used to print 40 columns without a word)."""
    from rightsdata._values.columns import MAX_WIDTH, MIN_WIDTH

    width: int | None = getattr(args, "width", None)
    if width is not None and width < MIN_WIDTH:
        raise UsageError(
            f"--width {width}: the output needs {MIN_WIDTH} columns or more; give "
            f"{MIN_WIDTH} to {MAX_WIDTH} (a wider one is drawn {MAX_WIDTH} wide)"
        )
    return width


def _bundled_named(value: str | None) -> tuple[str, str | None] | None:
    """The bundled dataset ``--base`` names (``value``), and the version it requires of it
    (``kazakhstan@3``: ``("kazakhstan", "3")``; None where none is given); None where
    ``value`` names none (a path, or no ``--base``). A folder of such a name is given as a
    path: ``./kazakhstan``, ``./kazakhstan@3``."""
    import rightsdata

    if value is None:
        return None
    bundled = rightsdata.datasets()
    if value in bundled:
        return value, None
    name, at, version = value.rpartition("@")
    return (name, version) if at and name in bundled else None


def bundled_base(value: str | None) -> str | None:
    """The name of the bundled dataset ``--base`` names (``value``), else None (a path, or
    no ``--base``): where a name is a bundled dataset's, it is that dataset, not a folder.

    >>> bundled_base("kazakhstan"), bundled_base("kazakhstan@3.6"), bundled_base("./kazakhstan")
    ('kazakhstan', 'kazakhstan', None)
    >>> bundled_base(None)
    """
    named = _bundled_named(value)
    return None if named is None else named[0]


def _base(
    value: str | None, *, max_bytes: int | None = None, max_problems: int | None = None
) -> Dataset | None:
    """The dataset ``--base`` names: a bundled dataset's name (``kazakhstan``), with a
    version required of it if given (``kazakhstan@3``, ``kazakhstan@3.6``: as
    ``load(name, version=)`` takes it), else a path (a folder of a bundled dataset's name is
    ``./kazakhstan``); None without ``--base``. A bundled dataset that does not meet the
    version raises :class:`~rightsdata.DatasetVersionError` (exit code 1), which says the
    version bundled; a malformed requirement is a usage error.

    A path is read under the limits the command was given for its data (``--max-bytes``,
    ``--max-problems``: they guard the machine, whichever file it reads), and judged as
    ``load_path`` judges a dataset by default: ``--schema`` and ``--strict`` judge the data
    the command checks, not its base (docs/cli.md, "Data that builds on another"). A bundled
    dataset, the package's own files, is read as ``load()`` reads it."""
    if value is None:
        return None
    import rightsdata
    from rightsdata._data.loading import DEFAULT_MAX_BYTES

    named = _bundled_named(value)
    if named is not None:
        name, version = named
        try:
            return rightsdata.load(name, version=version)
        except rightsdata.DatasetVersionError:
            raise
        except ValueError as error:  # (a malformed requirement: `kazakhstan@3.x`)
            raise UsageError(f"--base {value}: {error}") from None
    if missing(_path(value, "--base")):
        bundled = ", ".join(rightsdata.datasets()) or "none"
        raise UsageError(
            f"--base {value}: no such file or folder, and no bundled dataset has this name "
            f"(bundled: {bundled})"
        )
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    try:
        return rightsdata.load_path(value, max_bytes=limit, max_problems=max_problems)
    except rightsdata.InvalidDataError as error:  # (said to be the base's, not the data's)
        said = unreadable(error.problems, value, "--base")
        if said is not None:  # (a path it cannot read: not judged)
            raise UsageError(said) from None
        refused = BaseRefusedError(
            error.problems,
            f"{value} (the base, --base)",
            error.unchecked,
            stopped_at=error.stopped_at,
        )
        refused.base = printable(value)  # (as the heading names it: a path may be no text)
        raise refused from None


def _dataset(args: argparse.Namespace) -> Dataset:
    """The dataset a command works on: ``--data PATH`` if given (over ``--base``, if given),
    else the bundled one.

    It is kept on ``args`` so that an unknown ID's hint can name IDs from it, and its base
    (``args.base_dataset``, None without ``--base``) so that ``--json`` can say which
    (:func:`base_json`)."""
    import rightsdata

    path = getattr(args, "data", None)
    base_named = getattr(args, "base", None)
    if base_named is not None and path is None:
        raise UsageError(
            f"--base {base_named}: give the dataset that builds on it with --data PATH "
            "(--base names the dataset it refers to)"
        )
    if path is not None:
        if missing(_path(path, "--data")):
            raise UsageError(f"{path}: no such file or folder (--data)")
        base = args.base_dataset = _base(base_named)
        try:
            dataset = rightsdata.load_path(path, base=base)
        except InvalidDataError as error:
            said = unreadable(error.problems, path, "--data")
            if said is not None:  # (a path it cannot read: not judged)
                raise UsageError(said) from None
            raise
    else:
        bundled = rightsdata.datasets()
        if args.name not in bundled:  # load()'s message names load_path(), not --data
            raise UsageError(
                f"--name {args.name!r}: no bundled dataset has this name; bundled: "
                f"{', '.join(bundled) or 'none'}; for your own data: --data PATH"
            )
        dataset = rightsdata.load(args.name)
    args.dataset = dataset
    return dataset


def base_json(args: argparse.Namespace) -> dict[str, str | None]:
    """What ``info --json`` and ``cite --json`` say of the base the dataset was read over:
    ``base``, the base as ``--base`` gave it (as a problem of it is marked: ``kazakhstan``,
    ``kazakhstan@3``, a path), and ``base_name`` and ``base_version``, the base dataset's own
    (its descriptor's; null where it gives none); each null without ``--base``.

    >>> base_json(argparse.Namespace(base=None))
    {'base': None, 'base_name': None, 'base_version': None}
    """
    base: Dataset | None = getattr(args, "base_dataset", None)
    given: str | None = getattr(args, "base", None)
    return {
        "base": None if given is None else printable(given),
        "base_name": None if base is None else base.name,
        "base_version": None if base is None else base.version,
    }


def _source_options(args: argparse.Namespace) -> str:
    """The options that name the dataset in use (`` --data PATH``, or `` --name NAME`` of a
    bundled one other than the default), for a command the output suggests."""
    if args.data is not None:
        base = getattr(args, "base", None)
        over = f" --base {shell_path(base)}" if base is not None else ""
        return f" --data {shell_path(args.data)}{over}"
    return f" --name {shell_word(args.name)}" if args.name != _DEFAULT_NAME else ""
