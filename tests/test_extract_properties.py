"""Property tests: any text or bytes into the extractor raise nothing but SearchlibError."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import searchlib
from searchlib.errors import SearchlibError
from searchlib.extraction import extract_page
from searchlib.models import Article, Page

_LINES = st.lists(
    st.one_of(st.text(max_size=120), st.sampled_from(["By Jane Roe", "4 May 2023", "Menu"])),
    max_size=30,
)


@given(_LINES)
@settings(max_examples=150, deadline=None)
def test_extract_page_on_random_text(lines: list[str]) -> None:
    try:
        article = extract_page(Page("random.txt", "\n".join(lines)))
    except SearchlibError:
        return
    assert isinstance(article, Article) and article.paragraphs


@given(st.binary(max_size=2000))
@settings(max_examples=100, deadline=None)
def test_extract_file_on_random_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.txt"
        path.write_bytes(data)
        try:
            article = searchlib.extract(path)
        except SearchlibError:
            return
        assert article.paragraphs
