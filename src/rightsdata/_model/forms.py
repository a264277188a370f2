"""The forms a text field may be held to, each stated once: its regular expression, what a
value of that form is in plain words with an example, and the value a miss was likely meant
to be. Every check of the form, and every message of a value that misses it, reads them.

>>> print(COUNTRY.message("kz"))  # doctest: +NORMALIZE_WHITESPACE
'kz' is not a country code (an ISO 3166-1 alpha-2 code in capitals, such as 'KZ');
did you mean 'KZ'?
>>> print(LANGUAGE.message("English"))
'English' is not a language tag (a BCP 47 tag, such as 'en', 'ru' or 'kk-Cyrl'); did you mean 'en'?
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Final

import attrs

from rightsdata._values.controls import CONTROL_CLASS
from rightsdata._values.errors import printable

__all__ = [
    "COUNTRY",
    "COUNTRY_IDENTIFIER",
    "FORMS",
    "INVISIBLE_CLASS",
    "JURISDICTION",
    "LANGUAGE",
    "NOTHING_SHOWN",
    "ONE_LINE",
    "SPACE_CLASS",
    "STRICT_END",
    "URL",
    "AdviceError",
    "Form",
    "ascii_lower",
    "ascii_upper",
    "cached_regex",
    "class_characters",
    "form_of_pattern",
    "subdivision",
]


def _unchanged(value: str) -> str:
    return value


@attrs.frozen
class Form:
    """A form a text must have.

    ``pattern`` is the regular expression (anchored) that the checks and the JSON Schemas
    use; ``what`` names a value of the form with its article (``'a country code'``);
    ``rule`` says in plain words what it is, with an example; ``guess`` gives, for a value
    that misses the form, the value it was likely meant to be (suggested only if that one
    has the form); ``controls`` what a problem of a control character in such a text says
    it may hold (None: what any text may, tabs and line feeds).
    """

    pattern: str
    what: str
    rule: str
    guess: Callable[[str], str] = _unchanged
    controls: str | None = None

    def fits(self, value: str) -> bool:
        """Whether ``value`` has the form."""
        return cached_regex(self.pattern).search(value) is not None

    def message(self, value: str) -> str:
        """What a problem says of ``value``, which misses the form: what the form is, and
        the value likely meant, if any."""
        said = f"{printable(repr(value))} is not {self.what} ({self.rule})"
        try:
            meant = self.guess(value)
        except AdviceError as advice:  # (no value, but what to write instead)
            return f"{said}; {advice}"
        except ValueError:
            return said
        if meant != value and self.fits(meant):
            said += f"; did you mean {printable(repr(meant))}?"
        return said


class AdviceError(ValueError):
    """Raised by a :class:`Form`'s ``guess`` where no value was likely meant but there is
    something to say of what to write instead (a country code of no country: write null), as
    the strict checks say it; the message is that advice."""


_compiled: dict[str, re.Pattern[str]] = {}


def cached_regex(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled, once (the checks and the generated code share it)."""
    compiled = _compiled.get(pattern)
    if compiled is None:
        compiled = _compiled[pattern] = re.compile(pattern)
    return compiled


#: Every form declared here or elsewhere (an identifier scheme's), by its pattern: what
#: a JSON Schema's pattern stands for (:func:`form_of_pattern`).
FORMS: Final[dict[str, Form]] = {}


def form(
    pattern: str,
    what: str,
    rule: str,
    guess: Callable[[str], str] = _unchanged,
    controls: str | None = None,
) -> Form:
    """A :class:`Form`, listed in :data:`FORMS` (the first of a pattern is kept)."""
    made = Form(pattern, what, rule, guess, controls)
    FORMS.setdefault(pattern, made)
    return made


def form_of_pattern(pattern: str) -> Form | None:
    """The form whose pattern is ``pattern``, or None; a pattern as the JSON Schemas write it
    (ending in a look-ahead for the very end: scripts/schemagen.py's ``ends_strictly``) is
    its form's too."""
    return FORMS.get(pattern) or FORMS.get(pattern.removesuffix(STRICT_END))


#: What follows a pattern's last ``$`` in the JSON Schemas: the very end of the text
#: (scripts/schemagen.py's ``ends_strictly`` says why).
STRICT_END: Final = "(?![\\s\\S])"

#: The white space a text may hold (what :meth:`str.isspace` holds but
#: :data:`~rightsdata._values.controls.CONTROLS`), written out: ``\\s`` means other
#: characters in other regex engines (ECMA-262's takes U+FEFF, Python's U+001C-U+001F).
SPACE_CLASS: Final = "\\t\\n\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"


#: The tags of languages a dataset is likely to name in English words (``"English"``).
_LANGUAGE_NAMES: Final = {
    "arabic": "ar",
    "chinese": "zh",
    "english": "en",
    "french": "fr",
    "german": "de",
    "kazakh": "kk",
    "kyrgyz": "ky",
    "russian": "ru",
    "spanish": "es",
    "tajik": "tg",
    "turkmen": "tk",
    "ukrainian": "uk",
    "uzbek": "uz",
}


def ascii_upper(value: str) -> str:
    """``value`` in capitals if it is ASCII: a change of case is a likely miss only there
    (``'ß'.upper()`` is ``'SS'``, a country code)."""
    return value.upper() if value.isascii() else value


def ascii_lower(value: str) -> str:
    """``value`` in lowercase if it is ASCII (the Kelvin sign's lowercase is ``'k'``)."""
    return value.lower() if value.isascii() else value


def _language(value: str) -> str:
    """``'EN'`` -> ``'en'``, ``'kk_Cyrl'`` -> ``'kk-Cyrl'``, ``'English'`` -> ``'en'``: the
    language in lowercase, the subtags joined by hyphens; a language's English name its
    tag."""
    named = _LANGUAGE_NAMES.get(value.strip().lower())
    if named is not None:
        return named
    first, _, rest = value.replace("_", "-").partition("-")
    return ascii_lower(f"{first}-" if rest else first) + rest


#: The web address's scheme, in any case (``HTTP://``), and what follows it.
_SCHEME: Final = re.compile(r"(https?)://(.*)", re.IGNORECASE | re.DOTALL)

#: A host name as written without a scheme: ``www.`` and more; or labels of letters, digits
#: and hyphens joined by dots, the last (the top-level domain) two or more lowercase letters
#: (``'John.Smith'`` is no host), and a port at most.
_HOST: Final = re.compile(
    r"[Ww]{3}\.[^.].*|(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+([a-z]{2,})(?::[0-9]{1,5})?",
    re.DOTALL,
)

#: The generic top-level domains a host name written alone (no ``www.``, no path after it)
#: is taken to end in. A file's name ends as a host name does ('report.pdf', 'data.tar.gz',
#: 'photo.gif', 'john.smith'), and no list of file endings is whole, so a value is guessed
#: to be a web address only where it says so: ``www.``, a path after the host
#: (``'example.org/report'``), or one of these endings; a guess missed costs nothing, a
#: wrong one misleads.
_WEB_DOMAINS: Final = frozenset(
    {"com", "org", "net", "info", "edu", "gov", "int", "mil", "io", "eu", "ngo", "news"}
)


def _url(value: str) -> str:
    """The web address ``value`` was likely meant to be: its scheme in lowercase
    (``'HTTP://example.org'``); ``https://`` before a host name that lacks a scheme, where
    the value says it is one: it starts ``www.``, or a path follows the host, or the host
    ends in a generic top-level domain (``'www.example.org'``, ``'example.org/report'``,
    ``'hrw.org'``; not ``'report.pdf'``, ``'data.tar.gz'``, ``'john.smith'``, nor
    ``'localhost'``, ``'mailto:...'``, ``'javascript:...'``: :data:`_WEB_DOMAINS`); and the
    spaces after the host written ``%20`` (a space in the host is no slip of that kind).

    >>> _url("example.org/annual report")
    'https://example.org/annual%20report'
    """
    scheme = _SCHEME.fullmatch(value)
    if scheme is not None:
        rest = scheme[2]
    else:
        host = re.split("[/?#]", value, maxsplit=1)[0]  # (with its port)
        found = _HOST.fullmatch(host)
        said = found is not None and (
            found[1] is None or len(host) < len(value) or found[1] in _WEB_DOMAINS
        )
        if not said:
            raise ValueError(value)  # not said to be a host: 'report.pdf', 'javascript:...'.
        rest = value
    cut = min((rest.find(mark) for mark in "/?#" if mark in rest), default=len(rest))
    path = rest[cut:].replace(" ", "%20")
    return f"{scheme[1].lower() if scheme else 'https'}://{rest[:cut]}{path}"


def _jurisdiction(value: str) -> str:
    return _country(value, "laws") if len(value) == 2 else ascii_lower(value)


def _country(value: str, kind: str | None = None) -> str:
    """The country code ``value`` was likely meant to be: in capitals, and one ISO 3166-1
    assigns, so that what is suggested passes the strict checks too, where the value is
    (``kind``, as :func:`~rightsdata._values.isocodes.country_problem` takes it: ``'uk'`` ->
    ``'GB'``, ``'kz'`` -> ``'KZ'``, ``'zr'`` -> ``'CD'`` but in a law's jurisdiction
    ``'ZR'``, the state that made the law). For a code of no country (``'xx'``, ``'eu'``),
    nothing (ValueError), or what the strict checks say to write instead (:class:`AdviceError`):
    null; in a law's jurisdiction, ``'international'`` for one reserved for an international
    body (``'eu'``).

    >>> _country("uk"), _country("kz"), _country("zr"), _country("zr", "laws")
    ('GB', 'KZ', 'CD', 'ZR')
    """
    code = ascii_upper(value)
    if len(code) != 2 or not ("A" <= code[0] <= "Z" and "A" <= code[1] <= "Z"):
        return code  # (not of the form: not suggested)
    # The code lists are read only here, where a value missed its form and a suggestion is
    # worded: a load of well-formed data never reads them without strict=True.
    from rightsdata._values.isocodes import codes, country_problem, instead

    if country_problem(code, kind) is None:
        return code
    meant = codes().meant.get(code)
    if meant is not None:
        return meant
    if kind == "laws" and code in codes().reserved:  # (the European Union's law)
        return "international"
    advice = instead(code, kind)
    if advice is None:
        raise ValueError(value)
    raise AdviceError(advice)


def subdivision(value: str) -> str:
    """The ISO 3166-2 code ``value`` was likely meant to be: in capitals, of a country ISO
    3166-1 assigns (``'uk-eng'`` -> ``'GB-ENG'``; nothing for ``'xx-1'``: :class:`AdviceError`)."""
    code = ascii_upper(value)
    country, dash, rest = code.partition("-")
    return f"{_country(country, 'identifiers')}{dash}{rest}" if dash else code


def _assigned_language(value: str) -> str:
    """:func:`_language`'s guess, if its language is one ISO 639 assigns, as BCP 47 writes
    it (``'ENG'`` -> ``'en'``, ``'English'`` -> ``'en'``; nothing for ``'XYZ'``:
    ValueError), so that what is suggested passes the strict checks too."""
    tag = _language(value)
    if not cached_regex(LANGUAGE.pattern).search(tag):
        return tag  # (not of the form: not suggested)
    from rightsdata._values.isocodes import codes, language_problem  # (as in _country)

    if language_problem(tag) is None:
        return tag
    language, dash, rest = tag.partition("-")
    two = codes().as_two.get(language) or codes().languages_withdrawn.get(language)
    if two is None:
        raise ValueError(value)
    return f"{two}{dash}{rest}"


COUNTRY: Final = form(
    "^[A-Z]{2}$",
    "a country code",
    "an ISO 3166-1 alpha-2 code in capitals, such as 'KZ'",
    _country,
)
#: An ``iso_3166_1`` identifier's value: the same form as :data:`COUNTRY`, but a code of no
#: country is told to leave the identifier out (a value cannot be null).
COUNTRY_IDENTIFIER: Final = form(
    "^[A-Z]{2}$",
    "a country code",
    "an ISO 3166-1 alpha-2 code in capitals, such as 'KZ'",
    functools.partial(_country, kind="identifiers"),
)
LANGUAGE: Final = form(
    "^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$",
    "a language tag",
    "a BCP 47 tag, such as 'en', 'ru' or 'kk-Cyrl'",
    _assigned_language,
)
URL: Final = form(
    f"^https?://[^{SPACE_CLASS}{CONTROL_CLASS}]+$",
    "a web address",
    "one that starts with http:// or https:// and holds no spaces, such as "
    "'https://example.org/report'",
    _url,
)
#: The line breaks and the tab a one-line text may not hold (a carriage return is a control
#: character, refused in every text).
_BREAKS: Final = "\\t\\n\\u2028\\u2029"
#: The characters a one-line text may not have at either end, being invisible: those a
#: terminal is not shown (:data:`~rightsdata._values.controls.HIDDEN`: zero-width spaces,
#: direction overrides, a byte order mark), the joiners and direction marks, the soft hyphen,
#: the combining grapheme joiner and the Mongolian vowel separator. So a text of them alone
#: (``"\\u200b"``), which shows nothing beside a number, is refused too.
INVISIBLE_CLASS: Final = (
    "\\u00ad\\u034f\\u061c\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064"
    "\\u2066-\\u2069\\ufeff"
)


def class_characters(character_class: str) -> str:
    """Every character of a regex character class written as :data:`SPACE_CLASS` and
    :data:`INVISIBLE_CLASS` are (``\\uXXXX`` escapes, ``\\t``, ``\\n`` and ranges).

    >>> class_characters("\\\\t\\\\u2000-\\\\u2002") == "\\t\\u2000\\u2001\\u2002"
    True
    """
    written = character_class.encode("ascii").decode("unicode_escape")
    characters: list[str] = []
    at = 0
    while at < len(written):
        if at + 2 < len(written) and written[at + 1] == "-":
            first, last = ord(written[at]), ord(written[at + 2])
            characters += map(chr, range(first, last + 1))
            at += 3
        else:
            characters.append(written[at])
            at += 1
    return "".join(characters)


#: What a text shows nothing of: white space and the invisible characters. A text made of
#: them alone is empty to a reader (``str.strip(NOTHING_SHOWN)`` leaves nothing of it).
NOTHING_SHOWN: Final = class_characters(SPACE_CLASS + INVISIBLE_CLASS)


def _one_line(value: str) -> str:
    """``value`` on one line: each run of white space that holds a line break or a tab one
    space, and no invisible character at either end."""
    joined = re.sub(f"[{SPACE_CLASS}]*[{_BREAKS}][{SPACE_CLASS}]*", " ", value)
    ends = f"[{SPACE_CLASS}{INVISIBLE_CLASS}]+"
    return re.sub(f"^{ends}|{ends}$", "", joined)


#: A text on one line (a figure's ``of``: a label shown beside its number): a text's rule
#: (:data:`rightsdata._model.fields.TEXT_PATTERN`, which the pattern repeats, since a form's
#: pattern is the whole of a text's in the JSON Schemas) without a line break or a tab (a
#: label's words are one line of words; a tab in one is left by a paste, and a card shows
#: it as a space), and without an invisible character at either end, so that it shows
#: something.
ONE_LINE: Final = form(
    f"^[^{SPACE_CLASS}{CONTROL_CLASS}{INVISIBLE_CLASS}]"
    f"(?:[^{CONTROL_CLASS}{_BREAKS}]*[^{SPACE_CLASS}{CONTROL_CLASS}{INVISIBLE_CLASS}])?$",
    "one line",
    "visible text on one line: no line break or tab, and no invisible character at either "
    "end, such as 'police officers'",
    _one_line,
    # (not a text's "tabs and line feeds": neither is taken)
    "a text on one line may hold no control character (no tab, no line break)",
)
JURISDICTION: Final = form(
    "^(?:[A-Z]{2}|international)$",
    "a jurisdiction",
    "an ISO 3166-1 alpha-2 country code in capitals, such as 'KZ', or 'international' for a treaty",
    _jurisdiction,
)
