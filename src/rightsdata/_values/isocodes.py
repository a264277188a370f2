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
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Final

import attrs

__all__ = [
    "INSTEAD",
    "IN_USE",
    "SUBDIVIDED_FORMER",
    "Codes",
    "codes",
    "country_problem",
    "former",
    "instead",
    "language_problem",
]


@attrs.frozen
class Codes:
    """The assigned ISO codes (``isocodes.json``, written by scripts/generate_codes.py)."""

    countries: Mapping[str, str]  #: alpha-2 -> short name
    #: alpha-2 -> the name ISO 3166-1 gives it, where the short name is a common one
    iso_names: Mapping[str, str]
    #: the assigned codes of what is not an independent state (Hong Kong, Puerto Rico)
    not_independent: frozenset[str]
    #: a code withdrawn from ISO 3166-1 -> every name it had, oldest first
    withdrawn: Mapping[str, Sequence[str]]
    meant: Mapping[str, str]  #: a code not assigned -> the assigned one likely meant
    #: a withdrawn code of an area now part of what has another code -> what it was
    part_of: Mapping[str, str]
    #: a code reserved exceptionally -> what it stands for (with its noun where it is no
    #: country and no part of one: "the eurozone, a currency area")
    reserved: Mapping[str, str]
    #: a former state's code -> the codes on its former territory today (ISO 3166-3)
    successors: Mapping[str, Sequence[str]]
    languages2: Mapping[str, str]  #: ISO 639-1 -> English name
    languages3: frozenset[str]  #: three-letter language codes BCP 47 takes as they are
    as_two: Mapping[str, str]  #: a three-letter code -> the two-letter one BCP 47 uses
    #: an ISO 639-1 code withdrawn -> the one that replaced it (``iw`` -> ``he``)
    languages_withdrawn: Mapping[str, str]
    #: a three-letter code that replaced a withdrawn one -> its English name (``bih``)
    replaced_by: Mapping[str, str]


@cache
def codes() -> Codes:
    """The code lists, read once."""
    from importlib.resources import files

    raw = json.loads(files(__package__).joinpath("isocodes.json").read_text(encoding="utf-8"))
    return Codes(
        raw["countries"],
        raw["iso_names"],
        frozenset(raw["not_independent"]),
        raw["withdrawn"],
        raw["meant"],
        raw["part_of"],
        raw["reserved"],
        raw["successors"],
        raw["languages2"],
        frozenset(raw["languages3"]),
        raw["as_two"],
        raw["languages_withdrawn"],
        raw["replaced_by"],
    )


#: User-assigned codes in wide use for a country that no assigned code names (the European
#: Commission's, the IMF's and others' 'XK' for Kosovo): flagging one would flag correct data
#: with nothing better to write instead.
IN_USE: Final = {"XK": "Kosovo"}

#: The former states' codes withdrawn after ISO 3166-2 was first published (1998): it coded
#: the subdivisions of Yugoslavia ('YU-SR', 1998 to 2003) and of Serbia and Montenegro
#: ('CS-SR', 2003 to 2007), and the Netherlands Antilles' code (withdrawn in 2010) is let
#: pass too. An ``iso_3166_2`` identifier with another former state's code ('SU-01') names
#: nothing ISO 3166-2 ever had.
SUBDIVIDED_FORMER: Final = frozenset({"AN", "CS", "YU"})

#: Codes ISO 3166-1 neither assigns nor reserves, but others write for a country: what each
#: is (the European Union's 'EL' for Greece, in its statistics and VAT numbers). Each is in
#: ``meant`` too, so it is told the assigned code.
WRITTEN_FOR: Final = {"EL": "the European Union's code for Greece"}


def _user_assigned(code: str) -> bool:
    """Whether ISO 3166-1 leaves ``code`` to users (AA, QM to QZ, XA to XZ, ZZ): no reader
    knows which country one means."""
    return code in ("AA", "ZZ") or (code[0] == "Q" and code[1] >= "M") or code[0] == "X"


#: What to write instead of a code that names no country (user-assigned, or reserved for an
#: international body), by where it is: the kinds whose ``country`` may be null say so (an
#: organisation's is null for an international body), a law's jurisdiction may be
#: 'international', an identifier may be left out.
INSTEAD: Final[Mapping[str, str]] = {
    "persons": "write null for a stateless person or one whose country is unknown",
    "organizations": "write null for an international body or one whose country is unknown",
    "groups": "write null for a group of no one country or one whose country is unknown",
    "places": "write null for a place of no one country or one whose country is unknown",
    "laws": "write 'international' for a treaty or an international body's law",
    "identifiers": "leave out an identifier ISO 3166 does not assign",
}


def country_problem(code: str, kind: str | None = None) -> str | None:
    """What is questionable about a well-formed country code (two capitals), or None if ISO
    3166-1 assigns it, or it names a former country. ``kind``: the kind of record whose
    ``country`` it is (a law's ``jurisdiction``), or ``"identifiers"``.

    A code withdrawn when its state merged into another or split (``SU``, ``YU``, ``CS``,
    ``DD``) names that former state, the right code for data of its time (a Soviet law or
    national, the former country itself): it passes, and no state of today is suggested. A
    code withdrawn when its country was renamed (``ZR``, now ``CD``) is told the code the same
    country has now, but in a law's jurisdiction, which is the one that made the law; the
    code of an area now part of what has another code (``JT``, now ``UM``) is told that code,
    a law's too. A code that names no country (user-assigned, or reserved for an international
    body) is told what to write instead where it is (:data:`INSTEAD`).

    >>> print(country_problem("UK"))
    'UK' is not a country code ISO 3166-1 assigns (it is reserved for the United Kingdom); \
did you mean 'GB' (United Kingdom)?
    >>> print(country_problem("ZR", "persons"))
    'ZR' is not a country code ISO 3166-1 assigns (it was withdrawn: Zaire, Republic of); \
did you mean 'CD' (Congo, The Democratic Republic of the), its code since it was renamed?
    >>> print(country_problem("EU", "organizations"))
    'EU' is not a country code ISO 3166-1 assigns (it is reserved for the European Union, an \
international body, not a country); write null for an international body or one whose country \
is unknown
    >>> country_problem("ZR", "laws") is None, country_problem("SU", "persons") is None
    (True, True)
    >>> country_problem("KZ") is None, country_problem("XK") is None  # XK: IN_USE
    (True, True)
    """
    lists = codes()
    if code in lists.countries or code in IN_USE or former(code, kind):
        return None
    said = f"{code!r} is not a country code ISO 3166-1 assigns"
    meant = lists.meant.get(code)
    since = ""
    if code in lists.reserved:
        said += f" (it is reserved for {lists.reserved[code]}"
        said += ")" if meant is not None else ", not a country)"
    elif code in WRITTEN_FOR:
        said += f" (it is {WRITTEN_FOR[code]})"
    elif code in lists.part_of:  # (an area now part of another code's: Johnston Island)
        said += f" (it was withdrawn: {lists.part_of[code]})"
        since = ", the code of what it is part of now"
    elif code in lists.withdrawn:  # (a former country's passed: one renamed, then)
        said += f" (it was withdrawn: {' then '.join(lists.withdrawn[code])})"
        since = ", its code since it was renamed"
    elif _user_assigned(code):
        said += (
            " (it is user-assigned: AA, QM to QZ, XA to XZ and ZZ are left for private use, "
            "so no reader knows which country it means)"
        )
    if meant is not None:
        return f"{said}; did you mean {meant!r} ({lists.countries[meant]}){since}?"
    advice = instead(code, kind) if kind is not None else None
    return f"{said}; {advice}" if advice is not None else said


#: What to write instead of a code of no country where the kind is not known: the "did you
#: mean" of a value of the wrong form in a record's ``country``, a field of one form in
#: persons, organisations, groups and places, each of which may be null.
_INSTEAD_ANYWHERE: Final = "write null where the country is none or unknown"


def instead(code: str, kind: str | None = None) -> str | None:
    """What to write instead of ``code`` where it is (``kind``, as :func:`country_problem`
    takes it, or None for anywhere), if it names no country (user-assigned, or reserved for
    what is no country and no part of one); else None.

    >>> print(instead("XX", "laws"))
    write 'international' for a treaty or an international body's law
    """
    lists = codes()
    if code in lists.countries or code in IN_USE or code in lists.meant:
        return None
    if code not in lists.reserved and not _user_assigned(code):
        return None
    return INSTEAD.get(kind or "", _INSTEAD_ANYWHERE)


def former(code: str, kind: str | None = None) -> bool:
    """Whether ``code`` names a former country, and passes where it is (``kind``, as
    :func:`country_problem` takes it): withdrawn, not reserved, of no area now part of what
    has another code (Johnston Island's 'JT': it made no laws), and either of no country
    renamed or a law's jurisdiction (Zaire's 'ZR', the state that made the law).

    >>> former("SU"), former("CS"), former("ZR"), former("ZR", "laws"), former("FX")
    (True, True, False, True, False)
    >>> former("JT", "laws")
    False
    """
    lists = codes()
    return (
        code in lists.withdrawn
        and code not in lists.reserved
        and code not in lists.part_of
        and (code not in lists.meant or kind == "laws")
    )


def language_problem(tag: str) -> str | None:
    """What is questionable about a well-formed language tag's language (its first subtag),
    or None if it is a language code as BCP 47 writes it.

    >>> print(language_problem("eng"))
    'eng' is a code of English, which BCP 47 writes 'en'; did you mean 'en'?
    >>> print(language_problem("iw"))
    'iw' is a withdrawn code of Hebrew, replaced by 'he'; did you mean 'he'?
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
    two = lists.languages_withdrawn.get(language)
    if two is not None:
        meant = f"{two}{dash}{rest}"
        of = f" of {lists.languages2.get(two) or lists.replaced_by[two]}"
        return f"{tag!r} is a withdrawn code{of}, replaced by {two!r}; did you mean {meant!r}?"
    if len(language) == 3 and "qaa" <= language <= "qtz":
        return (
            f"{tag!r} is a language code reserved for local use (qaa to qtz): no reader "
            "knows which language it means"
        )
    return f"{tag!r} is not a language code ISO 639 assigns"
