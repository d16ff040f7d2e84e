"""Stage 2, extraction: from a ``Page`` to a clean ``Article``.

Strips page chrome, splits the body into paragraphs and finds the metadata; metadata the user
supplied wins over what is found on the page.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from slugify import slugify

from ..errors import SourceError
from ..models import Article, Page
from ..read import JSON_SUFFIXES, JSONL_SUFFIXES, read_pages
from .body import Body, find_body, split_lines
from .html import html_to_text
from .metadata import (
    byline_lines,
    find_authors,
    find_date,
    find_original_outlet,
    find_title,
)

__all__ = ["article_id", "extract", "extract_page"]

MAX_SLUG_LENGTH = 60
JSON_KINDS = JSON_SUFFIXES | JSONL_SUFFIXES
_BLANK_LINE = re.compile(r"\n\s*\n")


def extract(path: str | os.PathLike[str]) -> Article:
    """Extract the article of a plain-text or HTML file (the first record of a JSON file).

    Raises:
        SourceError: the file cannot be read or holds no article body.
    """
    return extract_page(read_pages(path)[0])


def extract_page(page: Page) -> Article:
    """Extract one page into an ``Article``.

    Raises:
        SourceError: no article body was found on the page.
    """
    text = html_to_text(page.text) if page.kind == "html" else page.text
    lines = split_lines(text)
    if is_record_text(page):
        # A JSON record's "text" is the clean body already: no chrome to strip, and a
        # paragraph opening "By ..." or a short one is body, not a byline or a menu.
        title = page.supplied.title
        body = Body(record_paragraphs(text), ())
    else:
        title = page.supplied.title or find_title(lines)
        metadata_lines = frozenset([title or "", *byline_lines(lines)])
        body = find_body(lines, skip=metadata_lines)
    if not body.paragraphs:
        raise SourceError(page.source, "no article body found")
    supplied = page.supplied
    return Article(
        id=article_id(page, title),
        title=title or body.paragraphs[0][:80],
        paragraphs=body.paragraphs,
        source=page.source,
        date=supplied.date or find_date(lines),
        authors=supplied.authors or find_authors(lines),
        outlet=supplied.outlet,
        url=supplied.url,
        original_outlet=supplied.original_outlet or find_original_outlet(lines),
        captions=body.captions,
    )


def is_record_text(page: Page) -> bool:
    """True for the plain "text" of a JSON record (its source is ``file.jsonl#id``)."""
    file, hash_sign, _ = page.source.rpartition("#")
    return bool(hash_sign) and page.kind == "text" and Path(file).suffix.lower() in JSON_KINDS


def record_paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs of clean body text: blocks separated by blank lines, lines joined."""
    blocks = (" ".join(block.split()) for block in _BLANK_LINE.split(text))
    return tuple(block for block in blocks if block)


def article_id(page: Page, title: str | None) -> str:
    """A stable id: the supplied id as a slug, else the title's slug and a content hash.

    The hash is of the page text, so the same text under two file names gets one id.
    """
    if page.supplied.id:
        return slugify(page.supplied.id) or _digest(page.supplied.id)
    stem = slugify(title or "", max_length=MAX_SLUG_LENGTH, word_boundary=True)
    digest = _digest(page.text)
    return f"{stem}-{digest}" if stem else digest


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=5).hexdigest()
