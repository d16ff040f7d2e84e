"""Values that cross module boundaries: pages, articles, hits and reports.

All are frozen dataclasses, so a value handed from one stage to the next cannot be changed
behind the receiver's back.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Literal

# "clean" is body text that needs no chrome stripping (a JSON record's "text"): paragraphs
# are split on blank lines and nothing else.
PageKind = Literal["text", "html", "clean"]


@dataclass(frozen=True)
class Metadata:
    """Metadata a user supplies for a page (sidecar, directory file or JSON record).

    Every field is optional; a field that is set wins over what extraction finds.
    """

    id: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    date: _dt.date | None = None
    authors: tuple[str, ...] | None = None
    original_outlet: str | None = None


@dataclass(frozen=True)
class Page:
    """One readable page: decoded text plus what is known about it before extraction.

    ``source`` names where it came from: a file path, or ``path#record-id`` for a record of
    a JSON file.
    """

    source: str
    text: str
    kind: PageKind = "text"
    supplied: Metadata = field(default_factory=Metadata)


@dataclass(frozen=True)
class Article:
    """A clean news article: its body paragraphs and its metadata."""

    id: str
    title: str
    paragraphs: tuple[str, ...]
    source: str
    date: _dt.date | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    url: str | None = None
    original_outlet: str | None = None
    captions: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParagraphDoc:
    """One paragraph of an article as the engine stores it."""

    article_id: str
    position: int
    text: str
    title: str
    source: str
    date: _dt.date | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Snippet:
    """The best fragment of a paragraph, with the matched words as character spans."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()

    def marked(self, start: str = "[", end: str = "]") -> str:
        """Return the fragment with each match wrapped in ``start`` and ``end``."""
        out: list[str] = []
        last = 0
        for lo, hi in self.spans:
            out += [self.text[last:lo], start, self.text[lo:hi], end]
            last = hi
        out.append(self.text[last:])
        return "".join(out)


@dataclass(frozen=True)
class Hit:
    """One matching paragraph."""

    article_id: str
    position: int
    title: str
    text: str
    snippet: Snippet
    score: float
    source: str
    date: _dt.date | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    url: str | None = None
    more_in_article: int = 0

    def to_dict(self) -> dict[str, object]:
        """Return the hit as plain JSON-ready data (date as ISO string or None)."""
        return {
            "article_id": self.article_id,
            "position": self.position,
            "title": self.title,
            "outlet": self.outlet,
            "date": self.date.isoformat() if self.date else None,
            "authors": list(self.authors),
            "url": self.url,
            "source": self.source,
            "score": round(self.score, 4),
            "text": self.text,
            "snippet": self.snippet.text,
            "spans": [list(s) for s in self.snippet.spans],
            "more_in_article": self.more_in_article,
        }


@dataclass(frozen=True)
class Results:
    """The answer to a search: one page of hits out of ``total`` matches.

    ``total`` is exact when ``total_exact`` is true; for large result sets it is an
    estimate (an upper bound), because counting every match would double the search time.
    Per-article, faceted, filtered and date-sorted searches always count exactly.
    ``feedback`` lists the words a long plain query was also searched with (the telling
    words of its best paragraphs), empty when feedback did not apply.
    """

    query: str
    total: int
    hits: tuple[Hit, ...]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None
    total_exact: bool = True
    feedback: tuple[str, ...] = ()


@dataclass(frozen=True)
class Problem:
    """A file that was skipped or failed, and why."""

    source: str
    reason: str


@dataclass(frozen=True)
class UpdateReport:
    """What ``Index.update`` did: article sources by outcome."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    duplicates: tuple[Problem, ...] = ()
    skipped: tuple[Problem, ...] = ()
    failed: tuple[Problem, ...] = ()

    @property
    def changed(self) -> bool:
        """True when the index was (or would be) written."""
        return bool(self.added or self.updated or self.removed)

    @property
    def ok(self) -> bool:
        """True when no file failed."""
        return not self.failed


@dataclass(frozen=True)
class IndexStats:
    """What an index holds and where it came from."""

    path: str
    articles: int
    paragraphs: int
    files: int
    outlets: dict[str, int]
    first_date: _dt.date | None
    last_date: _dt.date | None
    sources: tuple[str, ...]
    size_bytes: int
