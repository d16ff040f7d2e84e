from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from searchlib.errors import SourceError
from searchlib.read import decode, iter_files, page_digest, read_pages, supplied_metadata

TEXT = "Headline here\n\nCafé owners said the naïve plan “works”."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
        TEXT.replace("“", '"').replace("”", '"').encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16le-no-bom", "utf16be-no-bom", "cp1252"],
)
def test_decode_handles_common_encodings(data: bytes) -> None:
    text = decode(data, "x")
    assert "Café owners" in text and "naïve" in text


def test_decode_normalises_line_ends_and_spaces() -> None:
    assert decode(b"a\r\nb\rc\xc2\xa0d\xe2\x80\x8be", "x") == "a\nb\nc de"


def test_decode_rejects_binary() -> None:
    with pytest.raises(SourceError, match="binary"):
        decode(b"\x00\x01\x02PNG", "x.txt")


def test_iter_files_walks_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    for name in ["b/2.txt", "a.txt", ".hidden.txt"]:
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])] == [
        "a.txt",
        "b/2.txt",
    ]


def test_iter_files_reports_missing_source(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such file"):
        list(iter_files([tmp_path / "nope"]))


def test_jsonl_records_become_pages_with_supplied_metadata(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    records = [
        {"id": "r1", "title": "T", "text": "Body one.", "date": "2024-03-05", "author": "A B"},
        {"id": "r2", "html": "<p>Body two.</p>", "authors": ["C D", "E F"], "outlet": "X"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records))
    pages = read_pages(path)
    assert [p.kind for p in pages] == ["clean", "html"]
    assert pages[0].supplied.date == dt.date(2024, 3, 5)
    assert pages[0].supplied.authors == ("A B",)
    assert pages[1].supplied.authors == ("C D", "E F")
    assert pages[1].source.endswith("#r2")


def test_invalid_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": 1, "text": "ok"}\n{broken\n')
    with pytest.raises(SourceError, match="line 2"):
        read_pages(path)


def test_sidecar_wins_over_directory_metadata(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text("x")
    (tmp_path / "searchlib-meta.json").write_text(json.dumps({"p.txt": {"outlet": "Dir"}}))
    assert supplied_metadata(page).outlet == "Dir"
    (tmp_path / "p.txt.meta.json").write_text(json.dumps({"outlet": "Side"}))
    assert supplied_metadata(page).outlet == "Side"


def test_empty_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(SourceError, match="empty"):
        read_pages(path)


def test_decode_drops_only_a_cut_last_character() -> None:
    data = "Café au lait".encode() + "é".encode()[:1]
    assert decode(data, "x") == "Café au lait"


@pytest.mark.parametrize(
    "data",
    [bytes(range(1, 32)) * 50, b"ab\x01\x02\x03\x04" * 100],
    ids=["all-controls", "mixed-controls"],
)
def test_decode_rejects_control_characters_as_binary(data: bytes) -> None:
    with pytest.raises(SourceError, match="binary"):
        decode(data, "x")


def test_decode_composes_to_nfc_and_drops_zero_width() -> None:
    assert decode("Cafe\u0301 s\u200bo\ufeff".encode(), "x") == "Café so"


@given(st.binary(max_size=300))
def test_decode_raises_only_source_error(data: bytes) -> None:
    try:
        text = decode(data, "x")
    except SourceError:
        return
    assert "\r" not in text and "\u200b" not in text
    assert unicodedata.is_normalized("NFC", text)


def test_page_digest_follows_text_and_metadata(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text("Headline\n\nBody text of the page.")
    first = page_digest(read_pages(page)[0])
    assert page_digest(read_pages(page)[0]) == first
    (tmp_path / "p.txt.meta.json").write_text(json.dumps({"outlet": "Side"}))
    assert page_digest(read_pages(page)[0]) != first


def test_json_array_and_single_object(tmp_path: Path) -> None:
    (tmp_path / "list.json").write_text(json.dumps([{"id": "a", "text": "A."}, {"text": "B."}]))
    (tmp_path / "one.json").write_text(json.dumps({"id": "c", "html": "<p>C.</p>"}))
    assert [p.source.split("#")[1] for p in read_pages(tmp_path / "list.json")] == ["a", "2"]
    assert [p.kind for p in read_pages(tmp_path / "one.json")] == ["html"]


@pytest.mark.parametrize(
    "record, reason",
    [([1, 2], "must be an object"), ({"id": "x", "title": "no body"}, 'no "text"')],
    ids=["not-object", "no-body"],
)
def test_bad_json_records_are_errors(tmp_path: Path, record: object, reason: str) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(record))
    with pytest.raises(SourceError, match=reason):
        read_pages(path)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)
_records = st.fixed_dictionaries(
    {},
    optional={
        "id": _json_values,
        "title": _json_values,
        "text": _json_values,
        "date": _json_values,
        "author": _json_values,
        "authors": _json_values,
    },
)


@given(st.lists(_records | _json_values, max_size=4))
def test_json_lines_raise_only_source_error(
    tmp_path_factory: pytest.TempPathFactory, records: list[object]
) -> None:
    path = tmp_path_factory.mktemp("j") / "r.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    try:
        pages = read_pages(path)
    except SourceError:
        return
    assert all(page.kind in ("clean", "html") and page.text.strip() for page in pages)
