"""A card says each thing once and has no empty block: an unnamed dataset's said "unnamed
dataset" as its title and again as its name; ``display.table``'s had an empty title."""

from __future__ import annotations

import re

import rightsdata
from rightsdata import display

EMPTY_BLOCK = re.compile(r"<div[^>]*></div>")


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def test_an_unnamed_dataset_is_said_unnamed_once() -> None:
    html = rightsdata.Dataset({})._repr_html_()
    assert _text(html).count("unnamed dataset") == 1


def test_a_dataset_with_a_name_and_no_title_names_itself_once() -> None:
    html = rightsdata.Dataset({}, name="mine", version="1.0.0")._repr_html_()
    assert re.findall(r"\bmine\b", _text(html)) == ["mine"]
    assert "version" in _text(html)


def test_a_dataset_with_a_title_shows_its_name_under_it() -> None:
    dataset = rightsdata.load()
    text = _text(dataset._repr_html_())
    assert dataset.name is not None and dataset.name in text
    title = (dataset.descriptor or {})["title"]
    assert isinstance(title, str) and title in text


def test_a_table_of_records_has_no_empty_title() -> None:
    dataset = rightsdata.load()
    for records in ([], list(dataset.persons[:3])):
        html = display.table(records)._repr_html_()
        assert not EMPTY_BLOCK.search(html), html
        assert "records" in _text(html)
