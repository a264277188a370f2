"""Validation costs time in proportion to the text: the contact-data check once took 5 s of
CPU on a 40,000-character paragraph of Chinese and four times that on twice the text (a
pattern rescanned from every position). Measured as a ratio of two sizes, not as a time."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from rightsdata import Citation, Person
from rightsdata._model.fields import holds_contact


def _cpu(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):  # the least of three: the least disturbed by the rest of the machine
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "中" * n,  # one run of word characters with no '@'
        lambda n: "a" * n + "@" + "b" * n,  # an address that never gets a dot
        lambda n: "+1 " * n,  # phone-like runs
        lambda n: "(" * n + "1" * n,
        lambda n: "1." * n,
    ],
    ids=["chinese", "at-sign", "plus-digits", "brackets", "dotted-digits"],
)
def test_the_contact_check_grows_linearly(make: Callable[[int], str]) -> None:
    small, large = make(20_000), make(80_000)  # (the quadratic check took 20 s on the large)
    ratio = _cpu(lambda: holds_contact(large)) / max(_cpu(lambda: holds_contact(small)), 1e-4)
    assert ratio < 8, f"4x the text took {ratio:.1f}x the time"  # linear: 4; quadratic: 16


def test_a_record_with_a_megabyte_of_text_checks_in_proportion() -> None:
    cites = (Citation(source="source:a"),)

    def build(n: int) -> Callable[[], object]:
        summary = "Текст " * n + "中文" * n
        return lambda: Person(id="person:a", name="A", summary=summary.strip(), citations=cites)

    ratio = _cpu(build(100_000)) / max(_cpu(build(25_000)), 1e-4)
    assert ratio < 8, f"4x the text took {ratio:.1f}x the time"
