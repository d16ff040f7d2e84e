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
from .authors import find_authors
from .body import Body, find_page_body
from .broken_lines import split_lines
from .dates import find_date
from .headline_text import title_text
from .html import html_page
from .lines import analyse
from .metadata import find_original_outlet, find_outlet
from .title import find_title

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
    feats = analyse(lines)
    body = find_page_body(lines, feats)
    if not body.paragraphs:
        raise SourceError(page.source, "no article body found")
    title_at = find_title(feats, body.start)
    found_title = title_text(feats, title_at) if title_at is not None else None
    title = page.supplied.title or found_title
    paragraphs = _without(body, {title or "", lines[title_at] if title_at is not None else ""})
    supplied = page.supplied
    captions = frozenset(i for i, f in enumerate(feats) if f.caption)
    anchor = body.start if title_at is None else title_at
    return Article(
        id=article_id(page, title),
        title=title or paragraphs[0][:80],
        paragraphs=paragraphs,
        source=page.source,
        date=supplied.date or find_date(lines, title_at, body.start, captions),
        authors=supplied.authors or find_authors(lines, anchor, body.start, body.end),
        outlet=supplied.outlet or find_outlet(lines, body.start),
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


def _without(body: Body, headline: set[str]) -> tuple[str, ...]:
    """The body's paragraphs without a copy of the headline at their start."""
    paragraphs = body.paragraphs
    while len(paragraphs) > 1 and paragraphs[0] in headline:
        paragraphs = paragraphs[1:]
    return paragraphs


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
