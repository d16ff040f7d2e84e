"""HTML pages: trafilatura finds the article body and metadata; the result is a text page.

trafilatura is a maintained extractor tested on many sites; it drops navigation, footers and
comments and reads titles, dates, authors and site names from markup and meta tags. It is
imported only when an HTML page is met, so plain-text indexing and search never load it.
"""

from __future__ import annotations

import datetime as _dt
import logging
from dataclasses import replace
from typing import Any

from ..errors import SourceError
from ..models import Metadata, Page

log = logging.getLogger("searchlib")

# trafilatura joins several authors with this separator.
AUTHOR_SEPARATOR = ";"


def html_page(page: Page) -> Page:
    """The body and metadata trafilatura finds in an HTML page, as a ``text`` page.

    One paragraph a line, blank lines between; supplied metadata wins over what is found.
    The page then goes through the plain-text extractor like any other, whose rules drop
    the bylines and chrome lines trafilatura keeps on pages with little markup.

    Raises:
        SourceError: no article body was found on the page.
    """
    found = _extract(page)
    body = found.get("text") or ""
    if not body.strip():
        raise SourceError(page.source, "no article body found")
    text = "\n\n".join(line.strip() for line in body.split("\n") if line.strip())
    return Page(page.source, text, kind="text", supplied=_merge(page.supplied, found))


def _extract(page: Page) -> dict[str, Any]:
    import trafilatura  # imported here: slow to import, and only HTML pages need it

    document = trafilatura.bare_extraction(
        page.text,
        url=page.supplied.url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
    )
    if document is None:
        return {}
    return document if isinstance(document, dict) else dict(document.as_dict())


def _merge(supplied: Metadata, found: dict[str, Any]) -> Metadata:
    return replace(
        supplied,
        title=supplied.title or _text(found.get("title")),
        url=supplied.url or _text(found.get("url")),
        outlet=supplied.outlet or _text(found.get("sitename")),
        date=supplied.date or _date(found.get("date")),
        authors=supplied.authors or _authors(found.get("author")),
    )


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _date(value: Any) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(value[:10]) if isinstance(value, str) else None
    except ValueError:
        return None


def _authors(value: Any) -> tuple[str, ...] | None:
    if not isinstance(value, str):
        return None
    names = tuple(name.strip() for name in value.split(AUTHOR_SEPARATOR) if name.strip())
    return names or None
