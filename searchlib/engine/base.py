"""The engine seam: what index.py needs from a full-text engine, and nothing more.

An engine stores ``ParagraphDoc`` values, deletes them by article, and answers a parsed
query (see ``searchlib.query``) with scored documents and the character spans of the
matched words. Whoosh is the only engine today (``whoosh_engine.py``); another one is added by
implementing ``Engine`` and registering it in ``searchlib.engine.open_engine``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, Protocol

from ..models import ParagraphDoc
from ..query import Node

Sort = Literal["relevance", "date"]


@dataclass(frozen=True)
class Filters:
    """Restrictions applied on top of the query; None means no restriction."""

    outlet: str | None = None
    author: str | None = None
    since: _dt.date | None = None
    until: _dt.date | None = None


@dataclass(frozen=True)
class Request:
    """One search: the parsed query, the filters, and which slice of the ranking to return.

    With ``feedback``, the query is expanded with words of its best paragraphs
    (pseudo-relevance feedback) and ranked by relevance; the caller decides which queries
    it suits (``searchlib.query.is_natural_language``).
    """

    query: Node
    filters: Filters = Filters()
    limit: int = 10
    offset: int = 0
    sort: Sort = "relevance"
    facets: bool = False
    per_article: bool = False
    feedback: bool = False


@dataclass(frozen=True)
class EngineHit:
    """A stored paragraph, its score and where the query's words match its text.

    ``more`` counts the article's other matching paragraphs when results are per article.
    """

    doc: ParagraphDoc
    score: float
    spans: tuple[tuple[int, int], ...]
    more: int = 0


@dataclass(frozen=True)
class EngineResults:
    """One slice of the ranking, the number of matches and optional facet counts.

    ``total`` is exact when ``total_exact`` is set, else the engine's estimate.
    ``feedback`` holds the words pseudo-relevance feedback added, as pages write them.
    """

    total: int
    hits: tuple[EngineHit, ...]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    total_exact: bool = True
    feedback: tuple[str, ...] = ()


@dataclass(frozen=True)
class EngineSummary:
    """What the engine holds: paragraph counts, by outlet, and the range of dates."""

    paragraphs: int
    outlets: dict[str, int]
    first_date: _dt.date | None
    last_date: _dt.date | None


class EngineWriter(Protocol):
    """One write under the index's lock; nothing is visible to readers before ``commit``."""

    @property
    def generation(self) -> int:
        """The number of the state that ``commit`` will create."""
        ...

    def delete(self, article_ids: Iterable[str]) -> None:
        """Delete the paragraphs of the given articles."""
        ...

    def add(self, docs: Iterable[ParagraphDoc]) -> None:
        """Add paragraph documents."""
        ...

    def commit(self, *, clear: bool = False) -> None:
        """Make the changes visible (with ``clear``, drop every older document) and unlock."""
        ...

    def cancel(self) -> None:
        """Drop the changes and unlock."""
        ...

    def __enter__(self) -> EngineWriter: ...

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None: ...


class Engine(Protocol):
    """A full-text engine holding paragraph documents."""

    def generation(self) -> int:
        """The number of the last committed state (0 for a new, empty index)."""
        ...

    def paragraph_keys(self) -> list[tuple[str, int]]:
        """(article id, position) of every paragraph, for consistency checks."""
        ...

    def writer(self, *, timeout: float) -> EngineWriter:
        """Take the write lock, waiting up to ``timeout`` seconds (``IndexLockedError``)."""
        ...

    def search(self, request: Request) -> EngineResults:
        """Run one search."""
        ...

    def suggest(self, word: str) -> str | None:
        """An indexed word, as written, that a misspelled ``word`` probably meant."""
        ...

    def paragraph_count(self) -> int:
        """How many paragraphs the engine holds."""
        ...

    def article(self, article_id: str) -> tuple[ParagraphDoc, ...]:
        """The paragraphs of one article, in order (empty when it is not indexed)."""
        ...

    def summary(self) -> EngineSummary:
        """Counts and date range over everything indexed."""
        ...

    def close(self) -> None:
        """Release files and locks."""
        ...
