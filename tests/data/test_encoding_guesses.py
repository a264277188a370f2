"""What a load says of a file in an encoding that is not UTF-8, beyond the single-byte
guesses of tests/data/test_loading_messages.py: UTF-16 without a byte-order mark (a Windows
"Unicode" save), each byte order, on every layout; UTF-32, with its mark or without."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

import rightsdata
from rightsdata import InvalidDataError, Problem

from conftest import CITE, person_doc, source_doc


def _problems(path: Path) -> list[Problem]:
    with pytest.raises(InvalidDataError) as raised:
        rightsdata.load_path(path)
    return list(raised.value.problems)


def _write(tmp_path: Path, layout: str, name: str, encode: str) -> tuple[Path, str]:
    """A dataset of one source and one person named ``name`` in ``layout``, its data file
    in ``encode``: the path to load and the file's name."""
    person = person_doc(name=name, citations=[CITE])
    if layout == "folder":
        (tmp_path / "sources.json").write_text(json.dumps([source_doc()]), "utf-8")
        text = json.dumps([person], ensure_ascii=False, indent=2)
        (tmp_path / "persons.json").write_bytes(text.encode(encode))
        return tmp_path, "persons.json"
    if layout == "data.json":
        text = json.dumps({"sources": [source_doc()], "persons": [person]}, ensure_ascii=False)
    else:
        lines = [{"$kind": "sources", **source_doc()}, {"$kind": "persons", **person}]
        text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    (tmp_path / layout).write_bytes(text.encode(encode))
    return tmp_path / layout, layout


@pytest.mark.parametrize("layout", ["folder", "data.json", "data.jsonl"])
@pytest.mark.parametrize(
    ("encode", "order", "iconv"),
    [("utf-16-le", "little-endian", "UTF-16LE"), ("utf-16-be", "big-endian", "UTF-16BE")],
)
@pytest.mark.parametrize("name", ["Andre Smith", "André Müller", "Евгений Жовтис"])
def test_utf16_without_a_byte_order_mark_is_told_so(
    tmp_path: Path, layout: str, encode: str, order: str, iconv: str, name: str
) -> None:
    # every other byte is NUL for the ASCII of JSON's structure and keys: the file was
    # told "expected a key in double quotes" at column 2 (or, holding é, "not UTF-8" with
    # no guess), never what it is
    path, file = _write(tmp_path, layout, name, encode)
    (problem,) = _problems(path)
    assert problem.location == file and problem.code == "syntax"
    assert problem.message == (
        f"looks like UTF-16 ({order}) without a byte-order mark (every other byte is 0, as "
        f"each ASCII character's other byte): save it as UTF-8, converting from {iconv} "
        f"(iconv -f {iconv} -t UTF-8)"
    )


@pytest.mark.parametrize("encode", ["utf-16-le", "utf-16-be"])
def test_the_conversion_told_gives_a_dataset_that_loads(tmp_path: Path, encode: str) -> None:
    path, _ = _write(tmp_path, "data.json", "Евгений Жовтис", encode)
    (problem,) = _problems(path)
    codec = problem.message.rpartition("iconv -f ")[2].partition(" ")[0]
    path.write_text(path.read_bytes().decode(codec), "utf-8")  # (what iconv does)
    assert rightsdata.load_path(path).persons["person:a"].name == "Евгений Жовтис"


#: UTF-32 with its byte-order mark, in each byte order (Python writes the mark only in the
#: machine's order: it is put in front by hand).
_UTF32_MARKED = {
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}


@pytest.mark.parametrize("layout", ["folder", "data.json", "data.jsonl"])
@pytest.mark.parametrize("encode", list(_UTF32_MARKED))
def test_utf32_with_a_byte_order_mark_is_told_utf32(
    tmp_path: Path, layout: str, encode: str
) -> None:
    """UTF-32's little-endian mark (FF FE 00 00) starts with UTF-16's (FF FE): such a file
    was told "is UTF-16", and its conversion from UTF-16 made nonsense; the big-endian mark
    (00 00 FE FF) was told "not UTF-8: byte 0xfe", with a guess of a Cyrillic code page."""
    path, file = _write(tmp_path, layout, "Евгений Жовтис", encode)
    data = path / file if layout == "folder" else path
    data.write_bytes(_UTF32_MARKED[encode] + data.read_bytes())
    (problem,) = _problems(path)
    assert (problem.location, problem.code, problem.line) == (file, "syntax", None)
    assert problem.message == (
        "is UTF-32 (it starts with a UTF-32 byte-order mark): save it as UTF-8, converting "
        "from UTF-32 (iconv -f UTF-32 -t UTF-8)"
    )
    data.write_text(data.read_bytes().decode("utf-32"), "utf-8")  # (what iconv does)
    assert rightsdata.load_path(path).persons["person:a"].name == "Евгений Жовтис"


@pytest.mark.parametrize("layout", ["folder", "data.json", "data.jsonl"])
@pytest.mark.parametrize(
    ("encode", "order", "iconv"),
    [("utf-32-le", "little-endian", "UTF-32LE"), ("utf-32-be", "big-endian", "UTF-32BE")],
)
def test_utf32_without_a_byte_order_mark_is_told_so(
    tmp_path: Path, layout: str, encode: str, order: str, iconv: str
) -> None:
    # (NUL bytes are UTF-8: such a file was read as UTF-8 text, and told "expected a value"
    # or "not UTF-8", never what it is)
    path, file = _write(tmp_path, layout, "André Müller", encode)
    (problem,) = _problems(path)
    assert problem.location == file and problem.code == "syntax"
    assert problem.message == (
        f"looks like UTF-32 ({order}) without a byte-order mark (three of every four bytes "
        f"are 0, as each ASCII character's other three): save it as UTF-8, converting from "
        f"{iconv} (iconv -f {iconv} -t UTF-8)"
    )
    data = path / file if layout == "folder" else path
    data.write_text(data.read_bytes().decode(encode), "utf-8")  # (what iconv does)
    assert rightsdata.load_path(path).persons["person:a"].name == "André Müller"


@pytest.mark.parametrize(
    "data",
    [
        b'[{"name": "\x00"}]',  # a NUL in UTF-8 text: not UTF-16, told as ever
        b"\x00\x00\x00[",  # UTF-32, or nothing: NUL on both sides
        b"x\x00y\x00",  # every other byte NUL, but no JSON starts so
    ],
)
def test_nul_bytes_that_are_not_utf16_are_not_called_so(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "persons.json"
    path.write_bytes(data)
    (problem,) = _problems(tmp_path)
    assert "UTF-16" not in problem.message


def _mixed(tmp_path: Path, parts: list[tuple[str, str]]) -> str:
    """The message of a ``persons.json`` of one person a line, each named and encoded as
    ``parts`` says."""
    (tmp_path / "sources.json").write_text(json.dumps([source_doc()]), "utf-8")
    lines = [b"["]
    for number, (name, encoding) in enumerate(parts):
        person = json.dumps(person_doc(f"person:p{number}", name=name), ensure_ascii=False)
        lines.append(person.encode(encoding) + (b"," if number < len(parts) - 1 else b""))
    (tmp_path / "persons.json").write_bytes(b"\n".join([*lines, b"]"]))
    (problem,) = _problems(tmp_path)
    return problem.message


def test_a_file_mixing_latin1_and_windows_1251_says_which_lines_read_as_which(
    tmp_path: Path,
) -> None:
    # as where a Western file and a Cyrillic one were joined: the file as a whole reads as
    # words in neither, and was told only to save it as UTF-8
    message = _mixed(
        tmp_path,
        [("André Müller", "cp1252"), ("José Núñez", "cp1252"), ("Иван Ёжиков", "cp1251")],
    )
    assert message == (
        "is not UTF-8: byte 0xe9 at line 2 column 34; its lines are in different encodings: "
        "lines 2-3 read as Windows-1252 ('André Müller'); line 4 as Windows-1251 ('Иван "
        "Ёжиков'): save it as UTF-8, converting each line from its own (iconv -f CP1252 -t "
        "UTF-8 for lines 2-3; iconv -f CP1251 -t UTF-8 for line 4)"
    )


def test_lines_already_in_utf8_are_said_to_be(tmp_path: Path) -> None:
    # a UTF-8 file to which a Windows-1251 one was added: one conversion, of those lines
    message = _mixed(tmp_path, [("Евгений Жовтис", "utf-8"), ("Иван Ёжиков", "cp1251")])
    assert message.endswith(
        "its lines are in different encodings: line 2 reads as UTF-8 ('Евгений Жовтис'); "
        "line 3 as Windows-1251 ('Иван Ёжиков'): save it as UTF-8, converting each line from "
        "its own (none for line 2; iconv -f CP1251 -t UTF-8 for line 3)"
    )


def test_lines_one_encoding_reads_all_alike_are_not_called_mixed(tmp_path: Path) -> None:
    # a degree sign reads alike in Windows-1252 and Windows-1251: a Cyrillic file holding one
    # on a line of its own is one Windows-1251 file, told as ever
    message = _mixed(tmp_path, [("Иван Ёжиков", "cp1251"), ("20°C", "cp1251")])
    assert "different encodings" not in message
    assert "it seems to be Windows-1251 (Cyrillic)" in message
    # and a line no encoding surely reads (capitals read as words in two) gives no guess by
    # line: the file is told as ever
    message = _mixed(tmp_path, [("André Müller", "cp1252"), ("МВД РК", "cp1251")])  # noqa: RUF001
    assert "different encodings" not in message


@pytest.mark.parametrize("encode", ["utf-16", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_given_the_conversion_too(
    tmp_path: Path, encode: str
) -> None:
    path, _ = _write(tmp_path, "data.json", "Евгений Жовтис", encode)
    if encode == "utf-16-be":  # (Python writes the mark only in the machine's order)
        path.write_bytes(b"\xfe\xff" + path.read_bytes())
    (problem,) = _problems(path)
    assert problem.message == (
        "is UTF-16 (it starts with a UTF-16 byte-order mark): save it as UTF-8, converting "
        "from UTF-16 (iconv -f UTF-16 -t UTF-8)"
    )
    path.write_text(path.read_bytes().decode("utf-16"), "utf-8")  # (what iconv does)
    assert rightsdata.load_path(path).persons["person:a"].name == "Евгений Жовтис"


def test_a_large_files_encoding_is_guessed_from_the_text_near_its_first_bad_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # scoring reads each character: the whole of a 15 MB file took 26 s to be told; the
    # lines within 64 KiB either side of the byte say the same
    from rightsdata._data import encodings

    read: list[int] = []
    guess = encodings.guess_encoding

    def counted(data: bytes, start: int = 0) -> encodings.Guess:
        read.append(len(data))
        return guess(data, start)

    monkeypatch.setattr(encodings, "guess_encoding", counted)
    person = json.dumps(person_doc(name="Иван Ёжиков"), ensure_ascii=False) + ",\n"
    text = "[\n" + person * 20_000 + json.dumps(person_doc()) + "]"
    path = tmp_path / "persons.json"
    path.write_bytes(text.encode("cp1251"))
    (problem,) = [p for p in _problems(tmp_path) if p.code == "syntax"]
    assert "('Иван Ёжиков' in Windows-1251); it seems to be Windows-1251" in problem.message
    assert len(text) > 1_000_000 and read and max(read) <= 128 * 1024
