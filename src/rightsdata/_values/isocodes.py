"""The assigned ISO codes, and what is questionable about a well-formed code that is not one:
the lists of the strict checks (:mod:`rightsdata._validation.strict`) and of the "did you
mean" of a code of the wrong form (:mod:`rightsdata._model.forms`). Read from
``isocodes.json`` (written by scripts/generate_codes.py), only when one of those needs them:
a load of well-formed data without ``strict=True`` never does.

>>> codes().countries["KZ"]
'Kazakhstan'
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from typing import Final

import attrs

__all__ = ["IN_USE", "Codes", "codes", "country_problem", "language_problem"]


@attrs.frozen
class Codes:
    """The assigned ISO codes (``isocodes.json``, written by scripts/generate_codes.py)."""

    countries: Mapping[str, str]  #: alpha-2 -> short name
    withdrawn: Mapping[str, str]  #: a code withdrawn from ISO 3166-1 -> the name it had
    meant: Mapping[str, str]  #: a code not assigned -> the assigned one likely meant
    languages2: Mapping[str, str]  #: ISO 639-1 -> English name
    languages3: frozenset[str]  #: three-letter language codes BCP 47 takes as they are
    as_two: Mapping[str, str]  #: a three-letter code -> the two-letter one BCP 47 uses


@cache
def codes() -> Codes:
    """The code lists, read once."""
    from importlib.resources import files

    raw = json.loads(files(__package__).joinpath("isocodes.json").read_text(encoding="utf-8"))
    return Codes(
        raw["countries"],
        raw["withdrawn"],
        raw["meant"],
        raw["languages2"],
        frozenset(raw["languages3"]),
        raw["as_two"],
    )


#: User-assigned codes in wide use for a country that no assigned code names (the European
#: Commission's, the IMF's and others' 'XK' for Kosovo): flagging one would flag correct data
#: with nothing better to write instead.
IN_USE: Final = {"XK": "Kosovo"}


def _user_assigned(code: str) -> bool:
    """Whether ISO 3166-1 leaves ``code`` to users (AA, QM to QZ, XA to XZ, ZZ): no reader
    knows which country one means."""
    return code in ("AA", "ZZ") or (code[0] == "Q" and code[1] >= "M") or code[0] == "X"


def country_problem(code: str) -> str | None:
    """What is questionable about a well-formed country code (two capitals), or None if ISO
    3166-1 assigns it.

    >>> print(country_problem("UK"))
    'UK' is not a country code ISO 3166-1 assigns (it is reserved); did you mean 'GB' \
(United Kingdom)?
    >>> country_problem("KZ") is None, country_problem("XK") is None  # XK: IN_USE
    (True, True)
    """
    lists = codes()
    if code in lists.countries or code in IN_USE:
        return None
    said = f"{code!r} is not a country code ISO 3166-1 assigns"
    meant = lists.meant.get(code)
    if code in lists.withdrawn:
        said += f" (it was withdrawn: {lists.withdrawn[code]})"
    elif _user_assigned(code):
        said += (
            " (it is user-assigned: AA, QM to QZ, XA to XZ and ZZ are left for private use, "
            "so no reader knows which country it means)"
        )
    elif meant is not None:
        said += " (it is reserved)"
    if meant is not None:
        return f"{said}; did you mean {meant!r} ({lists.countries[meant]})?"
    if code in lists.withdrawn:
        return f"{said}; write the code of the country the place is in today"
    return said


def language_problem(tag: str) -> str | None:
    """What is questionable about a well-formed language tag's language (its first subtag),
    or None if it is a language code as BCP 47 writes it.

    >>> print(language_problem("eng"))
    'eng' is a code of English, which BCP 47 writes 'en'; did you mean 'en'?
    >>> print(language_problem("xx"))
    'xx' is not a language code ISO 639 assigns
    >>> language_problem("kk-Latn") is None
    True
    """
    lists = codes()
    language, dash, rest = tag.partition("-")
    if language in lists.languages2 or language in lists.languages3:
        return None
    two = lists.as_two.get(language)
    if two is not None:
        meant = f"{two}{dash}{rest}"
        return (
            f"{tag!r} is a code of {lists.languages2[two]}, which BCP 47 writes {two!r}; "
            f"did you mean {meant!r}?"
        )
    if len(language) == 3 and "qaa" <= language <= "qtz":
        return (
            f"{tag!r} is a language code reserved for local use (qaa to qtz): no reader "
            "knows which language it means"
        )
    return f"{tag!r} is not a language code ISO 639 assigns"
