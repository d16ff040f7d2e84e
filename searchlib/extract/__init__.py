"""Stage 2, extraction: from a ``Page`` to a clean ``Article``.

Strips page chrome, splits the body into paragraphs and finds the metadata; metadata the user
supplied wins over what is found on the page.
"""

from __future__ import annotations

import hashlib
import os

from slugify import slugify

from ..errors import SourceError
from ..models import Article, Page
from ..read import read_pages
from .body import find_body, split_lines
from .html import html_page
from .metadata import (
    byline_lines,
    find_authors,
    find_date,
    find_original_outlet,
    find_title,
)

__all__ = ["article_id", "extract", "extract_page"]

MAX_SLUG_LENGTH = 60


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
    if page.kind == "html":
        page = html_page(page)
    if page.kind == "clean":
        return _clean_article(page)
    lines = split_lines(page.text)
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


def _clean_article(page: Page) -> Article:
    """An article from clean body text: paragraphs split on blank lines, nothing stripped."""
    blocks = (" ".join(block.split()) for block in page.text.split("\n\n"))
    paragraphs = tuple(block for block in blocks if block)
    title = page.supplied.title
    if paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise SourceError(page.source, "no article body found")
    supplied = page.supplied
    return Article(
        id=article_id(page, title),
        title=title or paragraphs[0][:80],
        paragraphs=paragraphs,
        source=page.source,
        date=supplied.date,
        authors=supplied.authors or (),
        outlet=supplied.outlet,
        url=supplied.url,
        original_outlet=supplied.original_outlet,
    )


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
