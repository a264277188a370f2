"""Options that take one value: given twice with two values, the command line is a usage
error naming the option, wherever it stands, rather than the last value winning unseen
(``events --involving A --involving B`` listed B's events alone). The parser takes it for
every option that stores a value (:func:`register`); an option that combines its values
(``events --kind``) says so with ``action="append"``.

>>> import argparse
>>> parser = argparse.ArgumentParser(prog="rightsdata events", exit_on_error=False)
>>> register(parser)
>>> _ = parser.add_argument("--place")
>>> parser.parse_args(["--place", "KZ", "--place", "KZ"]).place  # (the same value: taken)
'KZ'
>>> print(twice("--place", "KZ", "place:almaty"))
--place is given twice ('KZ', then 'place:almaty'); it takes one value: give it once
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any, Final

__all__ = ["Once", "forget", "register", "twice"]

#: The attribute of a namespace that holds the values given so far, by dest (a subparser's
#: namespace is its own, copied into the top-level one when it is done).
_GIVEN: Final = "_given_once"


def twice(option: str, first: object, then: object) -> str:
    """The message of ``option`` given twice, ``first`` then ``then``."""
    return f"{option} is given twice ({first!r}, then {then!r}); it takes one value: give it once"


class Once(argparse._StoreAction):
    """``store``, but a second value unlike the first is a usage error (exit code 2, by the
    parser whose option it is: ``rightsdata events: error: --involving is given twice
    ...``). The same value again is taken: nothing is left out. An argument (no option) is
    stored as ``store`` does: argparse calls it once."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        if self.option_strings:
            given: dict[str, object] | None = getattr(namespace, _GIVEN, None)
            if given is None:
                given = {}
                setattr(namespace, _GIVEN, given)
            if self.dest in given and given[self.dest] != values:
                option = option_string or self.option_strings[0]
                raise argparse.ArgumentError(None, twice(option, given[self.dest], values))
            given[self.dest] = values
        super().__call__(parser, namespace, values, option_string)


def register(parser: argparse.ArgumentParser) -> None:
    """Have ``parser`` store each option's value with :class:`Once` (its default action,
    and ``action="store"``)."""
    parser.register("action", None, Once)
    parser.register("action", "store", Once)


def forget(namespace: argparse.Namespace) -> None:
    """Drop what :class:`Once` kept on ``namespace``, once the command line is parsed."""
    vars(namespace).pop(_GIVEN, None)
