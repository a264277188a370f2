"""Regenerate src/rightsdata/_values/isocodes.json: the assigned ISO 3166-1 alpha-2 country
codes and ISO 639 language codes that the strict checks hold data to
(:mod:`rightsdata._validation.strict`, reading them through :mod:`rightsdata._values.isocodes`),
shipped with the package: no network at run time, no runtime dependency.

Without a flag, read the codes from pycountry (the Debian iso-codes tables; the ``dev``
extra installs the release the file was made from, never a runtime dependency) and write the
file. With ``--check``, write nothing and exit 1 if the shipped file is not what this script
makes: from pycountry, where it can be imported (so a hand edit, or a list left stale by a
change to the notes below, is found; CI installs ``.[dev]``, so it compares); else only from
the file's own contents (sorted, canonical, the hand-written notes), which it then says: that
cannot tell a stale or edited list from a current one. A pycountry release other than the
file's (its ``source``) regenerates a different file: refreshing the lists is raising the pin
in pyproject.toml and running this.

What the file holds:

- ``countries``: each assigned alpha-2 code, with its short name;
- ``iso_names``: each assigned code whose short name above is a common one (``Taiwan``),
  with the name ISO 3166-1 gives it (``Taiwan, Province of China``);
- ``not_independent``: each assigned code of what is not an independent state
  (:data:`NOT_INDEPENDENT`, written here);
- ``withdrawn``: each code withdrawn from ISO 3166-1 (and not assigned again), with every
  name it had, oldest first (``CS`` was Czechoslovakia's, then Serbia and Montenegro's);
- ``meant``: codes people write that ISO 3166-1 does not assign (reserved, or withdrawn when
  the country was renamed), with the assigned code likely meant (:data:`MEANT`, written
  here);
- ``part_of``: each withdrawn code of an area now part of what has another code, with what
  it was (:data:`PART_OF`, written here);
- ``reserved``: codes ISO 3166-1 reserves (exceptionally, at someone's request) for what is
  no country of its own, with what each stands for (:data:`RESERVED`, written here);
- ``successors``: each former state's code, with the codes on its former territory today
  (:data:`SUCCESSORS`, written here from ISO 3166-3);
- ``languages2``: each ISO 639-1 code (two letters), with its English name;
- ``languages3``: each three-letter code BCP 47 takes as a language (ISO 639-3's individual
  languages, macrolanguages and special codes, ISO 639-5's collective ones) that has no
  two-letter code;
- ``as_two``: each three-letter code (ISO 639-2/T and /B, ISO 639-3) of a language that has a
  two-letter one, which BCP 47 uses instead (``eng``, ``fre``: ``en``, ``fr``);
- ``languages_withdrawn``: each ISO 639-1 code withdrawn, with the code that replaced it
  (:data:`LANGUAGES_WITHDRAWN`, written here: ``iw`` is ``he``);
- ``replaced_by``: each three-letter code that replaced one of those, with its English name
  (``bih``, Bihari languages: a withdrawn code's message names the language).
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

FILE = Path(__file__).resolve().parent.parent / "src" / "rightsdata" / "_values" / "isocodes.json"

#: Withdrawn codes of areas that still exist, as part of what has another code now (ISO
#: 3166-3's four-letter codes name it: ``JTUM``), not former states: each with that code and
#: what it was. They are in :data:`MEANT`, told "did you mean 'UM'", and in ``part_of``, so
#: the message says the area is part of it now, not that it was renamed.
PART_OF: dict[str, tuple[str, str]] = {
    "CT": ("KI", "the Canton and Enderbury Islands, now of Kiribati"),
    "JT": ("UM", "Johnston Island, now of the United States Minor Outlying Islands"),
    "MI": ("UM", "the Midway Islands, now of the United States Minor Outlying Islands"),
    "NQ": ("AQ", "Dronning Maud Land, now counted in Antarctica"),
    "PU": ("UM", "the US Miscellaneous Pacific Islands, now the Minor Outlying Islands"),
    "PZ": ("PA", "the Panama Canal Zone, now of Panama"),
    "WK": ("UM", "Wake Island, now of the United States Minor Outlying Islands"),
}

#: Codes that ISO 3166-1 does not assign but people write, and the code likely meant: those
#: reserved exceptionally for a country or a part of one (UK, FX, AC, ...), the European
#: Union's EL for Greece (which ISO 3166-1 does not reserve), and withdrawn
#: codes of a country renamed, which lives on under another code. Never a state that merged
#: into another or split (DD, VD, YD, SU, YU, CS, AN): its code names a former state, right for
#: data of its time, and naming a state of today instead would put East German law under
#: Germany's.
MEANT: dict[str, str] = {
    "AC": "SH",  # Ascension Island, of Saint Helena, Ascension and Tristan da Cunha
    "BU": "MM",  # Burma, now Myanmar
    "CP": "FR",  # Clipperton Island, French
    "CQ": "GG",  # Sark, of the Bailiwick of Guernsey
    "DG": "IO",  # Diego Garcia, of the British Indian Ocean Territory
    "EA": "ES",  # Ceuta and Melilla, Spanish
    "DY": "BJ",  # Dahomey, now Benin
    "EL": "GR",  # Greece, as the European Union writes it (not reserved by ISO 3166-1)
    "FX": "FR",  # metropolitan France
    "HV": "BF",  # Upper Volta, now Burkina Faso
    "IC": "ES",  # the Canary Islands, Spanish
    "NH": "VU",  # the New Hebrides, now Vanuatu
    "RH": "ZW",  # Southern Rhodesia, now Zimbabwe
    "TA": "SH",  # Tristan da Cunha, of Saint Helena, Ascension and Tristan da Cunha
    "TP": "TL",  # East Timor, now Timor-Leste
    "UK": "GB",  # the United Kingdom, whose code is GB
    "ZR": "CD",  # Zaire, now the Democratic Republic of the Congo
    **{code: meant for code, (meant, _) in PART_OF.items()},
}

#: Codes ISO 3166-1 reserves exceptionally, and what each stands for (FX, withdrawn, is one
#: of them now: the code of no former country; SU too, but it names a former state, so it is
#: left to ``withdrawn``). One not in :data:`MEANT` stands for an international body or
#: area, no country (its record's country is null), and says what it is with its own noun.
RESERVED: dict[str, str] = {
    "AC": "Ascension Island",
    "CP": "Clipperton Island",
    "CQ": "Sark",
    "DG": "Diego Garcia",
    "EA": "Ceuta and Melilla",
    "EU": "the European Union, an international body",
    "EZ": "the eurozone, a currency area",
    "FX": "metropolitan France",
    "IC": "the Canary Islands",
    "TA": "Tristan da Cunha",
    "UK": "the United Kingdom",
    "UN": "the United Nations, an international body",
}


#: Each former state's code (withdrawn when the state merged into another or split; not in
#: :data:`MEANT`) with the codes of today's countries and territories on its former territory:
#: a place of today may lie within the former state's place (a city of Kazakhstan within the
#: Soviet Union's), a place of one of them within another former state's may not. Source: ISO
#: 3166-3, whose four-letter code of each withdrawn one names its successor (``DDDE``) or says
#: it split (``HH``), with the parts pycountry's notes name (``PC``: "divided into FM, MH, MP,
#: and PW"; ``FQ``: "now split between AQ and TF") and, for the states that split, their
#: successor states; Kosovo's ``XK`` (:data:`rightsdata._values.isocodes.IN_USE`) is on
#: Yugoslavia's and Serbia and Montenegro's.
SUCCESSORS: dict[str, list[str]] = {
    "AN": ["AW", "BQ", "CW", "SX"],  # the Netherlands Antilles (Aruba split off in 1986)
    # Czechoslovakia, then Serbia and Montenegro (CS named both)
    "CS": ["CZ", "ME", "RS", "SK", "XK"],
    "DD": ["DE"],  # the German Democratic Republic
    "FQ": ["AQ", "TF"],  # the French Southern and Antarctic Territories
    "NT": ["IQ", "SA"],  # the Neutral Zone, between Saudi Arabia and Iraq
    "PC": ["FM", "MH", "MP", "PW"],  # the Pacific Islands trust territory
    "SU": [
        "AM",
        "AZ",
        "BY",
        "EE",
        "GE",
        "KG",
        "KZ",
        "LT",
        "LV",
        "MD",
        "RU",
        "TJ",
        "TM",
        "UA",
        "UZ",
    ],  # the Soviet Union's fifteen republics
    "VD": ["VN"],  # the Democratic Republic of Viet-Nam
    "YD": ["YE"],  # the People's Democratic Republic of Yemen
    # Yugoslavia (renamed Serbia and Montenegro, CS, in 2003: ISO 3166-3's YUCS)
    "YU": ["BA", "CS", "HR", "ME", "MK", "RS", "SI", "XK"],
}

#: The assigned codes of what is not an independent state (ISO 3166-1's "independent: no",
#: as its Online Browsing Platform lists each code and Wikipedia's table of the codes
#: reproduces it; pycountry does not carry the flag): dependent territories, Antarctica,
#: Palestine, Taiwan, Western Sahara. Every other assigned code is one of the 193 UN members'
#: or the Holy See's (:func:`render` counts them). A place of another kind with one of these
#: codes may be a territory of its own; one with any other code, a country.
# fmt: off
NOT_INDEPENDENT: frozenset[str] = frozenset({
    "AI", "AQ", "AS", "AW", "AX", "BL", "BM", "BQ", "BV", "CC", "CK", "CW", "CX", "EH",
    "FK", "FO", "GF", "GG", "GI", "GL", "GP", "GS", "GU", "HK", "HM", "IM", "IO", "JE",
    "KY", "MF", "MO", "MP", "MQ", "MS", "NC", "NF", "NU", "PF", "PM", "PN", "PR", "PS",
    "RE", "SH", "SJ", "SX", "TC", "TF", "TK", "TW", "UM", "VG", "VI", "WF", "YT",
})
# fmt: on

#: The states ISO 3166-1 marks independent: the 193 members of the United Nations and the
#: Holy See.
INDEPENDENT_COUNT = 194

#: ISO 639-1 codes withdrawn (in 1989, 2001, 2008 and 2021) but still written, by old
#: software and old data: each with the code that replaced it (pycountry lists neither).
LANGUAGES_WITHDRAWN: dict[str, str] = {
    "bh": "bih",  # Bihari languages (2021: the collective code of ISO 639-2 and 639-5)
    "in": "id",  # Indonesian
    "iw": "he",  # Hebrew
    "ji": "yi",  # Yiddish
    "jw": "jv",  # Javanese
    "mo": "ro",  # Moldavian, now written as Romanian
}


def from_pycountry() -> dict[str, Any]:
    """The codes, read from pycountry (imported by name: CI's type check runs without it)."""
    pycountry: Any = importlib.import_module("pycountry")
    from importlib.metadata import version

    countries = {c.alpha_2: getattr(c, "common_name", c.name) for c in pycountry.countries}
    iso_names = {c.alpha_2: c.name for c in pycountry.countries if countries[c.alpha_2] != c.name}
    withdrawn: dict[str, list[str]] = {}
    for country in sorted(pycountry.historic_countries, key=lambda c: c.withdrawal_date):
        if country.alpha_2 not in countries:  # (every name a code had: CS had two)
            withdrawn.setdefault(country.alpha_2, []).append(country.name)
    two: dict[str, str] = {}
    three: set[str] = set()
    as_two: dict[str, str] = {}
    for language in pycountry.languages:
        alpha_2 = getattr(language, "alpha_2", None)
        if alpha_2 is None:
            three.add(language.alpha_3)
            continue
        two[alpha_2] = language.name
        as_two[language.alpha_3] = alpha_2
        bibliographic = getattr(language, "bibliographic", None)
        if bibliographic is not None:
            as_two[bibliographic] = alpha_2
    three.update(f.alpha_3 for f in pycountry.language_families if f.alpha_3 not in as_two)
    named = {f.alpha_3: f.name for f in pycountry.language_families}
    named.update((language.alpha_3, language.name) for language in pycountry.languages)
    replaced_by = {code: named[code] for code in LANGUAGES_WITHDRAWN.values() if code not in two}
    return {
        "source": f"pycountry {version('pycountry')} (Debian iso-codes)",
        "countries": countries,
        "iso_names": iso_names,
        "withdrawn": withdrawn,
        "languages2": two,
        "languages3": sorted(three),
        "as_two": as_two,
        "replaced_by": replaced_by,
    }


def _require(holds: bool, what: str) -> None:
    """Stop with ``what`` unless ``holds``: the hand-written tables no longer fit the codes."""
    if not holds:
        raise SystemExit(f"generate_codes.py: {what}; update the tables in this script")


def _fits(countries: set[str], withdrawn: set[str]) -> None:
    """Check the hand-written tables against the codes read: a withdrawal or an assignment in
    a new pycountry release fails here, loudly, rather than shipping a table that misses it."""
    former = withdrawn - set(MEANT) - set(RESERVED)
    _require(
        set(SUCCESSORS) == former,
        f"SUCCESSORS names {sorted(SUCCESSORS)}, the former states' codes are {sorted(former)}",
    )
    for code, meant in MEANT.items():
        _require(meant in countries, f"MEANT[{code!r}] is {meant!r}, not an assigned code")
    for code, after in SUCCESSORS.items():
        for new in after:  # (a former state may follow one: Yugoslavia, then CS; Kosovo's XK)
            known = new in countries or new in SUCCESSORS or new == "XK"
            _require(known, f"SUCCESSORS[{code!r}] holds {new!r}, not an assigned code")
    _require(
        countries >= NOT_INDEPENDENT,
        f"NOT_INDEPENDENT holds {sorted(NOT_INDEPENDENT - countries)}, not assigned codes",
    )
    independent = len(countries) - len(NOT_INDEPENDENT)
    _require(
        independent == INDEPENDENT_COUNT,
        f"{independent} assigned codes would be of independent states, not {INDEPENDENT_COUNT}",
    )


def render(data: dict[str, Any]) -> str:
    """The file's text: ``data``'s codes sorted, with :data:`MEANT`, in one canonical form
    (the hand-written tables checked against the codes first)."""
    _fits(set(data["countries"]), set(data["withdrawn"]))
    ordered = {
        "generated_by": "scripts/generate_codes.py; do not edit",
        "source": data["source"],
        "countries": dict(sorted(data["countries"].items())),
        "iso_names": dict(sorted(data["iso_names"].items())),
        "not_independent": sorted(NOT_INDEPENDENT),
        "withdrawn": dict(sorted(data["withdrawn"].items())),
        "meant": dict(sorted(MEANT.items())),
        "part_of": {code: what for code, (_, what) in sorted(PART_OF.items())},
        "reserved": dict(sorted(RESERVED.items())),
        "successors": dict(sorted(SUCCESSORS.items())),
        "languages2": dict(sorted(data["languages2"].items())),
        "languages3": sorted(data["languages3"]),
        "as_two": dict(sorted(data["as_two"].items())),
        "languages_withdrawn": dict(sorted(LANGUAGES_WITHDRAWN.items())),
        "replaced_by": dict(sorted(data["replaced_by"].items())),
    }
    return json.dumps(ordered, ensure_ascii=False, indent=0, sort_keys=False) + "\n"


def _source(text: str | None) -> str:
    """The ``source`` a rendering of the file names, or what it is instead."""
    try:
        return str(json.loads(text or "")["source"])
    except (ValueError, KeyError, TypeError):
        return "no pycountry that can be read"


def main(argv: list[str]) -> int:
    if "--check" in argv:
        shipped = FILE.read_text(encoding="utf-8") if FILE.is_file() else ""
        try:
            current: str | None = render(from_pycountry())
        except ModuleNotFoundError:
            print(
                f"{FILE.name}: checked its form only, not compared with pycountry, which is not "
                "installed (pip install -e '.[dev]')"
            )
            try:
                current = render(json.loads(shipped))
            except (ValueError, KeyError, AttributeError):
                current = None
        if current == shipped:
            return 0
        print(f"stale: {FILE.name}; run python scripts/generate_codes.py (needs pycountry)")
        made, now = (_source(text) for text in (shipped, current))
        if made != now:  # (another release is installed: its lists differ, or may)
            print(f"(it was made from {made}; {now} is installed)")
        return 1
    try:
        data = from_pycountry()
    except ModuleNotFoundError:
        print("generate_codes.py reads the codes from pycountry: pip install pycountry")
        return 2
    FILE.write_text(render(data), encoding="utf-8")
    print(f"wrote: {FILE.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
