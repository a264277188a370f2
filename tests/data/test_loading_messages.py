"""A file that is not JSON is told where (line and column, and the record where it is
cheap to tell) and why in words (a trailing comma, a comment, single quotes, NaN, a file
saved as Latin-1), in every layout: a folder's kind files, datapackage.json, a JSON
document, and each line of JSON Lines."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import rightsdata
from rightsdata import InvalidDataError, Problem
from rightsdata._values.resources import datasets_root

from conftest import CITE, event_doc, person_doc, source_doc, write_folder

BUNDLED = Path(str(datasets_root().joinpath("kazakhstan")))

PERSON = json.dumps(person_doc(citations=[CITE]))
SOURCE = json.dumps(source_doc())

PERSONS_KEY: Final = '"persons": '
KIND_KEY: Final = '"$kind": "persons", '


def _broken(case: str, record: str, cause: str, why: str) -> tuple[str, str, str, str, str]:
    """A BROKEN case: ``record`` breaks at the first ``cause`` in it (at the end of the
    record for a trailing comma), said (with its record) to be at the places the three
    layouts name: in a folder's ``[record]``, in a document's ``"persons": [record]`` on its
    second line, and in a JSON Lines line that starts ``{"$kind": "persons", ``."""
    at = len(record.rstrip(",\n")) if cause == "," else record.index(cause)
    column = at + 2  # (counted from 1, after "[")
    first = record.startswith("//")  # (at the start of the file's text, in no record)
    folder = f"line 1 column {column}" + ("" if first else " (in [0])")
    document = f"line 2 column {column + len(PERSONS_KEY)}"
    document += " (in persons)" if first else " (in persons[0])"
    if cause == ",":
        folder, document = folder.replace("(in ", "(after "), document.replace("(in ", "(after ")
    line = f"column {at + 1 + len(KIND_KEY)}"
    return case, record, folder, document, f"{line}: {why}"


#: (case, a person's record as written, where a folder's persons.json is said to break, where
#: a document is, where a JSON Lines line and why); each layout's message is "is not valid
#: JSON at {where}: {why}"
BROKEN: list[tuple[str, str, str, str, str]] = [
    _broken(
        "trailing comma",
        PERSON + ",\n",
        ",",
        "a comma after the last item (a trailing comma), which JSON does not allow: remove it",
    ),
    _broken("comment", "// Jane\n" + PERSON, "//", "JSON has no comments: remove the comment"),
    _broken(
        "single quotes",
        PERSON.replace('"name"', "'name'"),
        "'name'",
        'JSON writes strings and keys in double quotes ("), not single ones',
    ),
    _broken(
        "Python's None",
        PERSON.replace('"name"', '"born": None, "name"'),
        "None",
        "JSON writes true, false and null in lowercase (Python's None is null)",
    ),
    _broken(
        "NaN",
        PERSON.replace('"name"', '"x": NaN, "name"'),
        "NaN",
        "NaN is not allowed: JSON has no NaN or Infinity; write null",
    ),
    _broken(
        "leading zero",
        PERSON.replace('"name"', '"x": 0200, "name"'),
        "0200",
        "a number with a leading zero (0200), which JSON does not allow: write 200",
    ),
]


def _problem(path: Path) -> Problem:
    with pytest.raises(InvalidDataError) as raised:
        rightsdata.load_path(path)
    (problem,) = [p for p in raised.value.problems if p.code in ("syntax", "limit")]
    return problem


BROKEN_IDS: Final = [b[0] for b in BROKEN]


@pytest.mark.parametrize(("case", "record", "folder", "document", "line"), BROKEN, ids=BROKEN_IDS)
def test_a_kind_file_that_is_not_json_says_where_and_why(
    tmp_path: Path, case: str, record: str, folder: str, document: str, line: str
) -> None:
    (tmp_path / "sources.json").write_text(f"[{SOURCE}]", encoding="utf-8")
    (tmp_path / "persons.json").write_text(f"[{record}]", encoding="utf-8")
    problem = _problem(tmp_path)
    assert problem.location == "persons.json"
    assert problem.message == f"is not valid JSON at {folder}: {line.partition(': ')[2]}"


@pytest.mark.parametrize(("case", "record", "folder", "document", "line"), BROKEN, ids=BROKEN_IDS)
def test_a_document_that_is_not_json_says_where_and_why(
    tmp_path: Path, case: str, record: str, folder: str, document: str, line: str
) -> None:
    path = tmp_path / "all.json"
    path.write_text(f'{{"sources": [{SOURCE}],\n"persons": [{record}]}}', encoding="utf-8")
    problem = _problem(path)
    assert problem.message == f"is not valid JSON at {document}: {line.partition(': ')[2]}"


@pytest.mark.parametrize(
    ("case", "record", "folder", "document", "line"), BROKEN[2:], ids=BROKEN_IDS[2:]
)
def test_a_json_lines_line_that_is_not_json_says_where_and_why(
    tmp_path: Path, case: str, record: str, folder: str, document: str, line: str
) -> None:
    path = tmp_path / "all.jsonl"
    text = record.replace("{", "{" + KIND_KEY, 1)
    path.write_text(f'{{"$kind": "sources", {SOURCE[1:]}\n{text}\n', encoding="utf-8")
    problem = _problem(path)
    assert problem.location == "all.jsonl:2"
    assert problem.message == f"is not valid JSON at {line}"


def test_a_comment_in_json_lines_says_json_has_none(tmp_path: Path) -> None:
    path = tmp_path / "all.jsonl"
    path.write_text(f'// the sources\n{{"$kind": "sources", {SOURCE[1:]}\n', encoding="utf-8")
    problem = _problem(path)
    assert problem.location == "all.jsonl:1"
    assert (
        problem.message == "is not valid JSON at column 1: JSON has no comments: remove the comment"
    )


def test_a_descriptor_that_is_not_json_says_where_and_why(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(BUNDLED, tmp_path / "data"))
    path = folder / "datapackage.json"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('"resources": [', '"resources": [\n  // the files\n', 1), encoding="utf-8"
    )
    problem = _problem(folder)
    assert problem.location == "datapackage.json"
    assert "JSON has no comments" in problem.message and "at line" in problem.message


@pytest.mark.parametrize("layout", ["folder", "all.json", "all.jsonl"])
def test_a_file_saved_as_latin_1_is_told_so_with_its_line(tmp_path: Path, layout: str) -> None:
    person = person_doc(name="Andr\u00e9", citations=[CITE])
    if layout == "folder":
        path = tmp_path
        (path / "sources.json").write_text(f"[{SOURCE}]", encoding="utf-8")
        text = f"[\n{json.dumps(person, ensure_ascii=False)}\n]"
        (path / "persons.json").write_bytes(text.encode("latin-1"))
        line = 2
    elif layout == "all.json":
        path = tmp_path / layout
        text = f'{{"sources": [{SOURCE}],\n"persons": [{json.dumps(person, ensure_ascii=False)}]}}'
        path.write_bytes(text.encode("latin-1"))
        line = 2
    else:
        path = tmp_path / layout
        person_line = json.dumps({"$kind": "persons", **person}, ensure_ascii=False)
        text = f'{{"$kind": "sources", {SOURCE[1:]}\n{person_line}\n'
        path.write_bytes(text.encode("latin-1"))
        line = 2
    problem = _problem(path)
    column = text.splitlines()[line - 1].index("\u00e9") + 1
    assert problem.message == (
        f"is not UTF-8: byte 0xe9 at line {line} column {column} ('Andr\u00e9' in Windows-1252); "
        "it seems to be Latin-1 or Windows-1252: save it as UTF-8, converting from "
        "Windows-1252 (iconv -f CP1252 -t UTF-8)"
    )


def _not_utf8(tmp_path: Path, alias: str, encoding: str) -> str:
    person = person_doc(name="Ivan", citations=[CITE])
    person["aliases"] = [{"name": alias, "language": "ru"}]
    (tmp_path / "sources.json").write_text(f"[{SOURCE}]", encoding="utf-8")
    text = json.dumps([person], ensure_ascii=False)
    (tmp_path / "persons.json").write_bytes(text.encode(encoding))
    return _problem(tmp_path).message


def test_a_cyrillic_file_in_windows_1251_is_not_called_latin_1(tmp_path: Path) -> None:
    # Russian in Windows-1251 decodes as Windows-1252 too; converting it "from Latin-1" would
    # give names such as 'Èâàí ¨æèêîâ' that then load without a problem
    message = _not_utf8(tmp_path, "Иван Ёжиков", "cp1251")
    assert "('Иван Ёжиков' in Windows-1251); it seems to be Windows-1251 (Cyrillic)" in message
    assert "(iconv -f CP1251 -t UTF-8), not from Latin-1, which reads 'Èâàí ¨æèêîâ'" in message
    assert "Windows-1251 cannot hold Kazakh's ә, ғ, қ, ң, ө, ұ, ү, һ" in message  # noqa: RUF001


@pytest.mark.parametrize(
    ("alias", "encoding", "named", "iconv"),
    [
        ("Нұрсұлтан Әбішұлы", "kz1048", "KZ-1048", "RK1048"),
        ("Евгений Жовтис", "koi8_r", "KOI8-R", "KOI8-R"),
        ("José Ñúñez", "cp1252", "Windows-1252", "CP1252"),
        ("Müller Straße", "latin-1", "Windows-1252", "CP1252"),
    ],
)
def test_the_encoding_named_is_the_one_whose_conversion_gives_the_text_back(
    tmp_path: Path, alias: str, encoding: str, named: str, iconv: str
) -> None:
    message = _not_utf8(tmp_path, alias, encoding)
    assert f"({alias!r} in {named})" in message
    assert f"converting from {named} (iconv -f {iconv} -t UTF-8)" in message
    codec = {"KZ-1048": "kz1048", "KOI8-R": "koi8_r", "Windows-1252": "cp1252"}[named]
    assert alias.encode(encoding).decode(codec) == alias
    assert "cannot hold" not in message  # (said of Windows-1251 only)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("20°C", "20°C"),
        ("Price 5€", "Price 5€"),
        ("£500", "£500"),
        ("© 2012", "© 2012"),
        ("A\u00a0B", "A\u00a0B"),
        ("Fine of £500 imposed on André", "Fine of £500 imposed on Andr"),  # (20 characters after)
    ],
)
def test_a_western_file_whose_only_non_ascii_is_a_common_symbol_is_windows_1252(
    tmp_path: Path, name: str, shown: str
) -> None:
    # each symbol is a byte that is not UTF-8; Windows-1251 reads most of them alike, but
    # these files hold no Cyrillic letter, and KOI8-R reads box drawing
    path = tmp_path / "persons.json"
    path.write_bytes(
        json.dumps([{"id": "person:a", "name": name}], ensure_ascii=False).encode("cp1252")
    )
    message = _problem(path).message
    assert f"({shown!r} in Windows-1252); it seems to be Latin-1 or Windows-1252" in message
    assert "converting from Windows-1252 (iconv -f CP1252 -t UTF-8)" in message


def test_two_readings_that_both_look_like_words_are_each_shown(tmp_path: Path) -> None:
    # all-lowercase Russian in Windows-1251 reads as all-capital Russian in KOI8-R: an
    # acronym-like reading, less likely, but not to be ruled out
    message = _not_utf8(tmp_path, "привет мир", "cp1251")
    assert "; it reads 'привет мир' in Windows-1251 (Cyrillic), 'ОПХБЕР ЛХП' in KOI8-R" in message
    assert "(iconv -f ENCODING -t UTF-8, ENCODING one of CP1251, KOI8-R)" in message
    assert "it seems to be" not in message


@pytest.mark.parametrize("case", ["title", "upper", "lower"])
@pytest.mark.parametrize(
    ("text", "encoding", "named"),
    [
        ("Евгений Жовтис", "cp1251", "Windows-1251"),
        ("Иван Ёжиков", "cp1251", "Windows-1251"),
        ("Евгений Жовтис", "koi8_r", "KOI8-R"),
        ("Иван Ёжиков", "koi8_r", "KOI8-R"),
        ("Нұрсұлтан Әбішұлы", "kz1048", "KZ-1048"),
    ],
)
def test_the_right_cyrillic_reading_comes_first_in_any_case(
    text: str, encoding: str, named: str, case: str
) -> None:
    # Windows-1251's capitals are KOI8-R's small letters and the other way round, so a text
    # in one case reads in the other encoding as words of the other case; the letters'
    # frequency tells them apart, and a title-case text is sure (its other reading mixes case)
    from rightsdata._data.encodings import guess_encoding

    cased = {"title": text, "upper": text.upper(), "lower": text.lower()}[case]
    guess = guess_encoding(f'"{cased}"'.encode(encoding), 1)
    assert (guess.readings[0].encoding.name, guess.readings[0].text) == (named, cased)
    if case == "title":
        assert guess.sure is not None and guess.sure.name == named


def test_an_acronym_in_windows_1251_is_shown_before_its_koi8_r_reading(tmp_path: Path) -> None:
    message = _not_utf8(tmp_path, "МВД РК", "cp1251")  # noqa: RUF001
    assert "; it reads 'МВД РК' in Windows-1251 (Cyrillic), 'лбд пй' in KOI8-R" in message  # noqa: RUF001
    assert "(iconv -f ENCODING -t UTF-8, ENCODING one of CP1251, KOI8-R)" in message


def test_bytes_of_no_encoding_known_say_only_to_save_as_utf8(tmp_path: Path) -> None:
    (tmp_path / "persons.json").write_bytes(b'[{"name": "\x81"}]')
    problem = _problem(tmp_path)
    assert problem.message == "is not UTF-8: byte 0x81 at line 1 column 12; save it as UTF-8"


def test_a_long_number_is_located_in_its_record(tmp_path: Path) -> None:
    (tmp_path / "sources.json").write_text(f"[{SOURCE}]", encoding="utf-8")
    digits = "9" * 5000
    (tmp_path / "persons.json").write_text(
        f'[{PERSON},\n{PERSON[:-1]}, "x": {digits}}}]', encoding="utf-8"
    )
    problem = _problem(tmp_path)
    column = len(PERSON[:-1]) + len(', "x": ') + 1
    limit = sys.get_int_max_str_digits()
    assert problem.message == (
        f"holds a number of 5,000 digits at line 2 column {column} (in [1]); at most {limit:,}"
    )


def test_a_count_of_thousands_of_digits_is_told_by_its_digits(tmp_path: Path) -> None:
    # (up to Python's limit of 4,300 digits a file's number parses: it was written out whole)
    figure = {"measure": "killed", "unit": "people", "best": 0, "qualifier": "exact",
              "citations": [CITE]}  # fmt: skip
    event = json.dumps(event_doc(figures=[figure])).replace('"best": 0', '"best": ' + "9" * 4300)
    files = {"sources.json": [source_doc()], "persons.json": [person_doc()]}
    write_folder(tmp_path, {**files, "events.json": f"[{event}]"})
    with pytest.raises(InvalidDataError) as raised:
        rightsdata.load_path(tmp_path)
    assert [(p.location, p.message) for p in raised.value.problems] == [
        (
            "events.json[0] event:a.figures[0].best",
            "a number of 4,300 digits is larger than the largest count, 9007199254740991",
        )
    ]


@pytest.mark.parametrize("layout", ["folder", "all.json", "all.jsonl"])
def test_a_repeated_key_is_located(tmp_path: Path, layout: str) -> None:
    record = PERSON.replace('"name"', '"name": "Jane", "name"')
    if layout == "folder":
        path = tmp_path
        (path / "persons.json").write_text(f"[{PERSON},\n{record}]", encoding="utf-8")
        at = f"line 2 column {record.index('name', record.index('name') + 1)} (in [1])"
    elif layout == "all.json":
        path = tmp_path / layout
        path.write_text(f'{{"persons": [\n{record}]}}', encoding="utf-8")
        at = f"line 2 column {record.index('name', record.index('name') + 1)} (in persons[0])"
    else:
        path = tmp_path / layout
        line = record.replace("{", '{"$kind": "persons", ', 1)
        path.write_text(f"{line}\n", encoding="utf-8")
        at = f"column {line.index('name', line.index('name') + 1)}"
    problem = _problem(path)
    assert problem.message == (
        f"repeats keys within an object ('name'), the first at {at}; JSON objects must not "
        "repeat keys"
    )


#: Each cause jsontext names, by a phrase of its words.
CAUSES: Final = {
    "trailing": "(a trailing comma)",
    "two commas": "two commas in a row",
    "empty item": "(an empty item), which JSON does not allow: remove it",
    "comment": "JSON has no comments",
    "single quotes": "not single ones",
    "curly quotes": "not curly ones",
    "constant": "in lowercase (Python's None is null)",
    "cut short": "the text ends too soon",
    "bom": "a byte-order mark",
    "extra": "more text follows the end of the JSON value",
    "leading zero": "a number with a leading zero",
    "plus": "a number with a plus sign",
    "hex": "a hexadecimal number",
    "ends in a point": "a number that ends in a point",
    "starts with a point": "a number that starts with a point",
}

#: (text, the cause it shows, or None for Python's message said in words, and where): each
#: cause beside near-misses of it, which must not be given that cause.
SYNTAX: list[tuple[str, str | None, str]] = [
    ('[{"id": "a"},\n]', "trailing", "line 1 column 13 (after [0])"),
    ('[{"id": "a"}, {"id": "b"} ,]', "trailing", "line 1 column 27 (after [1])"),
    ('{"persons": [{"id": "a"},]}', "trailing", "line 1 column 25 (after persons[0])"),
    ('{"persons": [], }', "trailing", "line 1 column 15 (after persons)"),
    ('[{"id": "a",}]', "trailing", "line 1 column 12 (in [0])"),
    ('[{"id": "a"},, {"id": "b"}]', "two commas", "line 1 column 13 (after [0])"),
    # (a comma missing between two records: where it was due, after the first)
    ('[{"id": "a"} {"id": "b"}]', None, "line 1 column 14 (after [0])"),
    ('[{"id": "a"}\n\n{"id": "b"}]', None, "line 3 column 1 (after [0])"),
    ('{"persons": [{"id": "a"} {}]}', None, "line 1 column 26 (after persons[0])"),
    ('{"persons": [] "events": []}', None, "line 1 column 16 (after persons)"),
    # (inside a string, or where a key's colon was due: in the item, not after it)
    ('{"name": "a\tb"}', None, "line 1 column 12 (in name)"),
    ('{"persons": ["a\tb"]}', None, "line 1 column 16 (in persons)"),
    ('["a\tb"]', None, "line 1 column 4"),
    ('{"a" 1}', None, "line 1 column 6 (in a)"),
    # (escapes JSON has not: told which it has, in words)
    ('["\\u12"]', None, "line 1 column 4"),
    ('["\\q"]', None, "line 1 column 3"),
    ('{"path": "C:\\Users"}', None, "line 1 column 13 (in path)"),
    ('{"persons" [], "events": []}', None, "line 1 column 12 (in persons)"),
    ('{"persons": [{"id": "a"},,{}]}', "two commas", "line 1 column 25 (after persons[0])"),
    ('{"a": 1,, "b": 2}', "two commas", "line 1 column 8 (after a)"),
    ("[1,,]", "two commas", "line 1 column 3 (after [0])"),
    ("[,]", "empty item", "line 1 column 2"),
    ("[ , 1]", "empty item", "line 1 column 3"),
    ("{,}", "empty item", "line 1 column 2"),
    ('{"persons": [,{}]}', "empty item", "line 1 column 14 (in persons)"),
    ("[1,", "cut short", "line 1 column 4"),  # (a comma, then nothing: cut short)
    ('{"a": }', None, "line 1 column 7 (in a)"),  # (no comma at all)
    # (a comma where a key's value should be: the value is missing, not a comma too many)
    ('{"a":,}', None, "line 1 column 6 (in a)"),
    ('[{"id": "a", "name":,}]', None, "line 1 column 21 (in [0])"),
    ('{"persons": [{"name": ,}]}', None, "line 1 column 23 (in persons[0])"),
    ('["a,\n]"]', None, "line 1 column 5"),  # (a comma and a bracket in a string)
    ("[1, 'a']", "single quotes", "line 1 column 5"),
    ("{'a': 1}", "single quotes", "line 1 column 2"),
    ("[\u2018a\u2019]", "curly quotes", "line 1 column 2"),  # (not single quotes)
    ("{\u201cname\u201d: 1}", "curly quotes", "line 1 column 2"),
    ('["a \u201cquoted\u201d word", \u201cb\u201d]', "curly quotes", "line 1 column 21"),
    ('["\u201cinside a string is fine\u201d"', "cut short", "line 1 column 29 (after [0])"),
    ('[1, "it\'s"', "cut short", "line 1 column 11 (after [1])"),
    ("// c\n[]", "comment", "line 1 column 1"),
    ("[1 /* c */]", "comment", "line 1 column 4 (after [0])"),
    ("[1,\n# c\n2]", "comment", "line 2 column 1"),
    ('{"a": 1} # c', "comment", "line 1 column 10"),
    ('{"a": #fff}', None, "line 1 column 7 (in a)"),  # (a '#' in a word)
    ("[1 / 2]", None, "line 1 column 4 (after [0])"),
    ("[None]", "constant", "line 1 column 2"),
    ("[True, 1]", "constant", "line 1 column 2"),
    ('{"a": NULL}', "constant", "line 1 column 7 (in a)"),
    ("[Nonesuch]", None, "line 1 column 2"),
    ("[True_]", None, "line 1 column 2"),
    ("[Nil]", None, "line 1 column 2"),
    ('["a"', "cut short", "line 1 column 5 (after [0])"),
    ('["a', None, "line 1 column 2"),  # (a string that never ends, said so)
    ("[1]  \n", None, ""),  # (valid: no message)
    ("{} {}", "extra", "line 1 column 4"),
    ("\ufeff{}", "bom", "line 1 column 1"),
    ("[\ufeff{}]", "bom", "line 1 column 2"),
    ("[\u00a0{}]", None, "line 1 column 2"),  # (a no-break space is no byte-order mark)
    ('{"best": 0200}', "leading zero", "line 1 column 10 (in best)"),
    ("[1, -007]", "leading zero", "line 1 column 5"),
    ("0200", "leading zero", "line 1 column 1"),
    ("[+200]", "plus", "line 1 column 2"),
    ('{"best": 0xC8}', "hex", "line 1 column 10 (in best)"),
    ("[200.]", "ends in a point", "line 1 column 2"),
    ("[.5]", "starts with a point", "line 1 column 2"),
    ("[0x1g]", None, "line 1 column 3 (after [0])"),  # (a word, not a number)
    ("[deadbeef]", None, "line 1 column 2"),
    ("[1.5.2]", None, "line 1 column 5 (after [0])"),
    ('["a"0200]', None, "line 1 column 5 (after [0])"),  # (a number where a comma goes)
    ("[+]", None, "line 1 column 2"),
    ("[+-1]", None, "line 1 column 2"),
]


@pytest.mark.parametrize(("text", "cause", "where"), SYNTAX, ids=[s[0] for s in SYNTAX])
def test_a_syntax_error_is_given_its_cause_only_where_the_text_shows_it(
    text: str, cause: str | None, where: str
) -> None:
    from rightsdata._data.jsontext import syntax_message

    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        said = syntax_message(text, error.pos, error.msg)
    else:
        assert not where
        return
    assert said.startswith(f"is not valid JSON at {where}: ")
    named = [name for name, words in CAUSES.items() if words in said]
    assert named == ([cause] if cause else [])
    assert "Expecting" not in said and "Invalid" not in said and "utf-8-sig" not in said


@pytest.mark.parametrize(
    ("text", "pos", "msg", "said"),
    [
        ("[1,]", 2, "Illegal trailing comma before end of array", "column 3 (after [0])"),
        ('{"a": 1,}', 7, "Illegal trailing comma before end of object", "column 8 (after a)"),
    ],
)
def test_python_3_13s_trailing_comma_is_said_at_the_comma(
    text: str, pos: int, msg: str, said: str
) -> None:
    from rightsdata._data.jsontext import syntax_message

    assert syntax_message(text, pos, msg) == (
        f"is not valid JSON at line 1 {said}: a comma after the last item (a trailing comma), "
        "which JSON does not allow: remove it"
    )


def test_a_byte_order_mark_within_json_lines_is_told_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "all.jsonl"
    line = json.dumps({"$kind": "sources", **source_doc()})
    path.write_text(f"{line}\n\ufeff{line.replace('source:', 'source:b')}\n", encoding="utf-8")
    problem = _problem(path)
    assert problem.location == "all.jsonl:2"
    assert problem.message == (
        "is not valid JSON at column 1: a byte-order mark (U+FEFF, an invisible character) at "
        "the start of the line: remove it"
    )


@pytest.mark.parametrize(
    ("blank", "said"),
    [
        ("\f", "holds only U+000C, which is not JSON white space: remove it"),
        ("\v", "holds only U+000B, which is not JSON white space: remove it"),
        ("\u00a0", "holds only U+00A0, which is not JSON white space: remove it"),
        (
            " \u2003\t\u3000",
            "holds only white space, with U+2003 and U+3000, which are not JSON white space: "
            "remove them",
        ),
    ],
)
def test_a_json_lines_line_of_white_space_json_does_not_know_is_told(
    tmp_path: Path, blank: str, said: str
) -> None:
    # JSON's own white space (space, tab, CR) makes a blank line, passed over; other white
    # space is no blank line (nor JSON): the line is told, not passed over as blank
    path = tmp_path / "all.jsonl"
    path.write_text(f"{SOURCE}\n \t\r\n\n{blank}\n{PERSON}\n", encoding="utf-8")
    with pytest.raises(InvalidDataError) as raised:
        rightsdata.load_path(path)
    assert [str(p) for p in raised.value.problems] == [f"all.jsonl:4: {said}"]
    assert [p.line for p in raised.value.problems] == [4]
    path.write_text(f"{SOURCE}\n \t\r\n\n{PERSON}\n", encoding="utf-8")
    assert rightsdata.load_path(path).counts()["persons"] == 1


def test_more_on_a_json_lines_line_is_not_told_to_use_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "all.jsonl"
    line = json.dumps({"$kind": "sources", **source_doc()})
    path.write_text(f"{line} {{}}\n", encoding="utf-8")
    problem = _problem(path)
    assert problem.message == (
        f"is not valid JSON at column {len(line) + 2}: more text follows the end of the JSON "
        "value (a line of JSON Lines holds one)"
    )


@settings(max_examples=200, deadline=None)
@given(
    items=st.lists(
        st.dictionaries(st.sampled_from(["id", "a,", "]}"]), st.text(",]}[{ ab", max_size=4)),
        max_size=4,
    ),
    at=st.integers(min_value=0),
    space=st.sampled_from(["", " ", "\n"]),
)
def test_a_stray_comma_is_told_by_what_is_on_either_side(
    items: list[dict[str, str]], at: int, space: str
) -> None:
    """A comma put in a list of records, before its first, between two, or after its last,
    is said to be an empty item, two commas, or a trailing comma, and placed after the
    record it follows; commas and brackets within the records' strings change nothing."""
    from rightsdata._data.jsontext import syntax_message

    written = [json.dumps(item) for item in items]
    at %= len(written) + 1
    before, after = ", ".join(written[:at]), ", ".join(written[at:])
    if at == 0:
        text = f"[,{space}{after}]"
    elif at == len(written):
        text = f"[{before},{space}]"
    else:
        text = f"[{before},{space},{after}]"
    with pytest.raises(json.JSONDecodeError) as raised:
        json.loads(text)
    said = syntax_message(text, raised.value.pos, raised.value.msg)
    if at == 0:
        assert "a comma right after [ (an empty item)" in said and "(after" not in said
    elif at == len(written):
        assert "(a trailing comma)" in said and f"(after [{at - 1}])" in said
    else:
        assert "two commas in a row" in said and f"(after [{at - 1}])" in said


@pytest.mark.parametrize(
    ("changes", "field", "said"),
    [
        (
            {"citations": [{**CITE, "fields": ["name", "bron"]}]},
            "citations[0].fields",
            "'bron' is not a field of Person (did you mean 'born'?)",
        ),
        (
            {"inferred": [{"field": "nmae", "basis": "the report's byline"}]},
            "inferred[0].field",
            "'nmae' is not a field of Person (did you mean 'name'?)",
        ),
        (
            {"inferred": [{"field": "zzzz", "basis": "the report's byline"}]},
            "inferred[0].field",
            "'zzzz' is not a field of Person",
        ),
    ],
)
def test_a_cited_or_inferred_field_is_told_the_field_it_is_spelled_like(
    tmp_path: Path, changes: dict[str, Any], field: str, said: str
) -> None:
    """As an unknown field of a record is ('summry': did you mean 'summary'?), on both
    paths: a folder read by the fast path (which hands a bad file to the diagnostic one) and
    documents structured one by one."""

    person = person_doc(**changes)
    folder = write_folder(
        tmp_path / "ds", {"sources.json": [source_doc()], "persons.json": [person]}
    )
    loads: list[tuple[Callable[[], object], str]] = [
        (lambda: rightsdata.load_path(folder), "persons.json[0]"),
        (
            lambda: rightsdata.load_documents({"sources": [source_doc()], "persons": [person]}),
            "documents:persons[0]",
        ),
    ]
    for load, at in loads:
        with pytest.raises(InvalidDataError) as info:
            load()
        assert [(p.location, p.message) for p in info.value.problems] == [
            (f"{at} person:a.{field}", said)
        ]


def _unknown(kind: str, doc: dict[str, Any]) -> list[str]:
    with pytest.raises(InvalidDataError) as raised:
        rightsdata.load_documents({kind: [doc], "sources": [source_doc()]})
    return [p.message for p in raised.value.problems]


def test_a_field_of_another_kind_is_told_whose_it_is_not_a_spelling() -> None:
    # 'kind' on a person was offered 'id' (difflib finds two letters of four alike); a field of
    # another kind had no hint at all
    person = person_doc(citations=[CITE], kind="activist", places=["place:almaty"])
    own = "id, name, aliases, born, country, summary, identifiers, citations, inferred"
    assert _unknown("persons", person) == [
        "unknown field: a field of sources, organizations, groups, places, events, "
        f"relationships and statements, not of persons, whose fields are {own}",
        f"unknown field: a field of events, not of persons, whose fields are {own}",
    ]
    # a field of no kind is still matched by its spelling, a record's or a part's
    assert _unknown("persons", person_doc(citations=[CITE], nmae="x")) == [
        "unknown field; did you mean 'name'?"
    ]
    event = event_doc(participants=[{"actor": "person:a", "role": "victim", "rloe": "x"}])
    assert "unknown field; did you mean 'role'?" in _unknown("events", event)
    # a record given a part's field is told the part's (an event's role is a participant's)
    assert (
        "unknown field: a field of participants, not of events, whose fields are id, kind, "
        "title, summary, date, places, participants, charges, penalty, figures, part_of, "
        "status, date_of, citations, inferred"
    ) in _unknown("events", event_doc(role="victim"))


def test_a_part_given_another_part_or_kind_s_field_is_told_whose_it_is() -> None:
    # a part's unknown field had no hint at all: which part (first) or kind holds it
    event = event_doc(
        participants=[{"actor": "person:a", "role": "victim", "quote": "x"}],
        citations=[{**CITE, "role": "victim"}],
        figures=[
            {
                "measure": "killed",
                "unit": "people",
                "best": 5,
                "qualifier": "exact",
                "citations": [CITE],
                "source": "source:doc",
            }
        ],
        penalty={"kind": "fine", "where": "place:almaty"},
    )
    figure = "measure, unit, of, low, best, high, qualifier, as_given, asserted_by, per, "
    figure += "range_meaning, joined_by, relayed_by, citations"
    said = _unknown("events", event)
    for told in [
        "unknown field: a field of citations, not of participants, whose fields are actor, role",
        "unknown field: a field of citations, not of figures, whose fields are " + figure,
        "unknown field: a field of participants, not of citations, whose fields are source, "
        "locator, quote, fields, confidence",
        "unknown field",  # (the penalty's where: no part's or record's field)
    ]:
        assert told in said, said
    aliases = [{"name": "B", "date": "2012"}]
    assert _unknown("persons", person_doc(citations=[CITE], aliases=aliases)) == [
        "unknown field: a field of events and statements, not of aliases, whose fields are "
        "name, language"
    ]


@pytest.mark.parametrize("part", ["participants", "charges", "penalty"])
def test_a_part_of_an_event_given_a_date_is_told_the_event_holds_it(
    part: str, tmp_path: Path
) -> None:
    # a participant has no date: the event's date, or another event, holds it
    held: Any = {
        "participants": [{"actor": "person:a", "role": "victim", "date": "2012"}],
        "charges": [{"provision": "law:a", "against": "person:a", "date": "2012"}],
        "penalty": {"kind": "fine", "date": "2012"},
    }[part]
    noun = {"participants": "a participant", "charges": "a charge", "penalty": "a penalty"}
    told = (
        f"unknown field: {noun[part]} has no date: its event's date says when it happened, "
        "and what happened on another date is an event of its own, with its own date"
    )
    assert told in _unknown("events", event_doc(**{part: held}))
    # and a folder's loads say the same (its fast path, and strict)
    files = {"sources.json": [source_doc()], "persons.json": [person_doc()]}
    folder = write_folder(tmp_path, {**files, "events.json": [event_doc(**{part: held})]})
    for strict in (False, True):
        with pytest.raises(InvalidDataError) as raised:
            rightsdata.load_path(folder, strict=strict)
        assert told in [problem.message for problem in raised.value.problems]


def test_a_term_in_another_case_is_offered_that_term_alone() -> None:
    # 'Arrest' was offered "'arrest' or 'unrest'"
    messages = _unknown("events", event_doc(kind="Arrest"))
    assert any(
        m.startswith("'Arrest' is not an event kind; did you mean 'arrest'? (allowed:")
        for m in messages
    ), messages


@pytest.mark.parametrize(
    ("word", "choices", "offered"),
    [
        ("Arrest", ["arrest", "unrest"], ["arrest"]),  # the same letters: that choice alone
        ("kind", ["id", "name"], []),  # short: one edit away only
        ("dte", ["date", "title"], ["date"]),
        ("nmae", ["id", "name"], ["name"]),  # (two letters swapped: one edit)
        ("vers", ["version", "json"], ["version"]),  # (the start of a choice)
        ("verison", ["version", "json"], ["version"]),
        ("arest", ["arrest", "unrest"], ["arrest", "unrest"]),
    ],
)
def test_close_offers_only_likely_slips(word: str, choices: list[str], offered: list[str]) -> None:
    from rightsdata._values.spelling import close

    assert close(word, choices) == offered
