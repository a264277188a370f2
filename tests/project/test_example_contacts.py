"""No example phone number or e-mail address in the repository could be someone's.

The contact-data check's tests, comments and docs need phone numbers in real formats. Each
one is reserved for fiction, or has a code that no numbering plan assigns, so that nobody who
copies one reaches a real subscriber. Each e-mail address is at a domain reserved for
examples and tests (RFC 2606 and RFC 6761: ``example.org``, ``.test``, ``.invalid``; IANA's
test names in other scripts, ``.испытание``), which no one can hold. These tests find every
number and address that the check's own regexes take for one, in every text file the
repository tracks, and check it is one of those.
"""

from __future__ import annotations

import re
import subprocess
from typing import Final

import pytest

from rightsdata._model.fields import _EMAIL_RE, _PHONE_RE

from conftest import ROOT

_SUFFIXES: Final = frozenset({".py", ".md", ".json", ".ipynb", ".toml", ".cff", ".txt"})
#: Timings, with no examples (its long floats are not phone numbers).
_SKIPPED: Final = frozenset({"bench/results.json"})
#: A separator written as an escape in Python or JSON source ("8\\u00a0000"), read as the
#: white space it stands for, as the check reads the text it makes.
_ESCAPED_GAP: Final = re.compile(r"\\(?:u00a0|u2007|u2009|u202f|u0085|xa0|t|n)", re.IGNORECASE)
#: The digits of a fictional number: North America's 555-0100 to 555-0199, the UK's drama
#: ranges (07700 900000 to 900999, 020 7946 0000 to 0999), or nothing but zeros after a
#: country code or trunk prefix of up to three digits (no plan assigns a code of zeros).
_FICTIONAL: Final = re.compile(r"\d*(?:55501\d\d|7700900\d{3}|2079460\d{3})|\d{0,3}0{6,}")


#: Domains no one can register: RFC 2606's second-level example domains and reserved top-level
#: names, RFC 6761's, and IANA's test name in Cyrillic (an address in that script needs one).
_RESERVED_DOMAIN: Final = re.compile(
    r"(?:[\w-]+\.)*(?:example\.(?:org|com|net)|[\w-]+\.(?:example|test|invalid|localhost|испытание))",
    re.IGNORECASE,
)


def is_fictional(number: str) -> bool:
    """True if the phone number ``number`` is one no subscriber can have.

    >>> [is_fictional(n) for n in ("(202) 555-0199", "8 (0000) 00-00-00", "+44 7700 900123")]
    [True, True, True]
    >>> is_fictional("+7 701" + " 234 5678")  # (written in two, so that this file holds none)
    False
    """
    return _FICTIONAL.fullmatch(re.sub(r"\D", "", number)) is not None


def phones_in(text: str) -> list[tuple[int, str]]:
    """Each phone number in ``text`` as the contact-data check finds it, with its line.

    >>> phones_in("fine: 2012-01-26\\ncall 8\\\\u00a0000 000 00 00 or +1 202 555 0199")
    [(2, '8 000 000 00 00'), (2, '+1 202 555 0199')]
    """
    text = _ESCAPED_GAP.sub(" ", text)
    return [(text.count("\n", 0, m.start()) + 1, m.group()) for m in _PHONE_RE.finditer(text)]


def is_reserved(address: str) -> bool:
    """True if the e-mail ``address`` is at a domain no one can hold: a reserved one, or one
    whose last label is no top-level domain's form (two letters or more: ``kazakhstan@3.6``
    is a bundled dataset's name and version, which the check's regex matches too).

    >>> [is_reserved(a) for a in ("a@example.org", "почта@пример.испытание", "x@mail.test")]
    [True, True, True]
    >>> is_reserved("a@" + "b.org"), is_reserved("kazakhstan@3.6"), is_reserved("k@3.x")
    (False, True, True)
    """
    domain = address.rpartition("@")[2]
    top = domain.rpartition(".")[2]
    if not (top.isalpha() and len(top) >= 2):
        return True
    return _RESERVED_DOMAIN.fullmatch(domain) is not None


def _tracked() -> list[str]:
    """The project's text files, as git lists them."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout (an unpacked sdist): no list of the project's files")
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, text=True
    ).stdout.split("\0")
    paths = [p for p in tracked if p.endswith(tuple(_SUFFIXES)) and p not in _SKIPPED]
    assert "tests/model/test_model.py" in paths  # (the list is the repository's)
    return paths


def test_every_example_phone_number_is_fictional() -> None:
    real = [
        f"{path}:{line}: {number!r}"
        for path in _tracked()
        for line, number in phones_in((ROOT / path).read_text(encoding="utf-8"))
        if not is_fictional(number)
    ]
    assert not real, "phone numbers that could be someone's:\n" + "\n".join(real)


def test_every_example_email_address_is_at_a_reserved_domain() -> None:
    real = [
        f"{path}:{text.count(chr(10), 0, m.start()) + 1}: {m.group()!r}"
        for path in _tracked()
        for text in [(ROOT / path).read_text(encoding="utf-8")]
        for m in _EMAIL_RE.finditer(text)
        if not is_reserved(m.group())
    ]
    assert not real, "e-mail addresses that could be someone's:\n" + "\n".join(real)
