"""The ``Index``: the library's front door for building, updating and searching an index."""

from __future__ import annotations

import datetime as _dt
import logging
import os
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Literal

from . import manifest as _manifest
from .engine import Engine, EngineHit, Filters, Request, open_engine
from .errors import ArticleNotFoundError, QueryError, SearchIndexError
from .models import Article, Hit, IndexStats, Results, UpdateReport
from .query import parse
from .snippet import make_snippet
from .update import Progress, absolute_sources, apply_plan, plan_update

log = logging.getLogger("searchlib")

ENV_INDEX = "SEARCHLIB_INDEX"
DEFAULT_INDEX = "index"
DEFAULT_SOURCES = ("seeds",)
MAX_LIMIT = 10_000


def default_index_path() -> Path:
    """``$SEARCHLIB_INDEX`` if set, else ``./index``."""
    return Path(os.environ.get(ENV_INDEX) or DEFAULT_INDEX)


class Index:
    """A searchable index of news articles, one document per paragraph.

    Args:
        path: the index directory; default ``default_index_path()``.
        create: create an empty index when none exists (else raise ``IndexMissingError``).

    Raises:
        IndexMissingError: no index at ``path`` and ``create`` is false.
        IndexCorruptError: ``path`` is a file or holds something that is not an index.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, create: bool = True) -> None:
        self.path = Path(path) if path is not None else default_index_path()
        self._engine: Engine = open_engine(self.path, create=create)

    @staticmethod
    def exists(path: str | os.PathLike[str] | None = None) -> bool:
        """True when ``path`` (default: the default index) holds an index."""
        target = Path(path) if path is not None else default_index_path()
        return (target / _manifest.MANIFEST_NAME).exists()

    # -- writing -------------------------------------------------------------------------

    def update(
        self,
        sources: Iterable[str | os.PathLike[str]] | None = None,
        *,
        rebuild: bool = False,
        dry_run: bool = False,
        progress: Progress | None = None,
    ) -> UpdateReport:
        """Make the index match the files under ``sources``.

        Args:
            sources: files and directories; default: the sources of the previous update.
            rebuild: forget what is indexed and start from nothing.
            dry_run: work out and report the changes without writing them.
            progress: called with (files done, files in all) as the update goes.

        Raises:
            SearchIndexError: no sources were given and none are remembered.
            IndexLockedError: another process is writing to the index.
        """
        current = _manifest.load(self.path)
        wanted = absolute_sources(sources) if sources is not None else current.sources
        if not wanted:
            raise SearchIndexError("no sources given and none remembered; name files or folders")
        if rebuild:
            current = _manifest.Manifest()
        plan = plan_update(current, wanted, progress)
        if not dry_run:
            if rebuild:
                self._engine.clear()
            apply_plan(self._engine, plan)
            remembered = tuple(dict.fromkeys([*current.sources, *wanted]))
            _manifest.save(self.path, _manifest.Manifest(plan.files, remembered))
        return plan.report()

    # -- reading -------------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        limit: int = 10,
        page: int = 1,
        outlet: str | None = None,
        author: str | None = None,
        since: _dt.date | None = None,
        until: _dt.date | None = None,
        sort: Literal["relevance", "date"] = "relevance",
        facets: bool = False,
    ) -> Results:
        """Search the index; see docs/query-language.md for what ``query`` may hold.

        Raises:
            QueryError: the query cannot be parsed, or ``limit``/``page`` is out of range.
        """
        if not 1 <= limit <= MAX_LIMIT or page < 1:
            raise QueryError("limit and page must be positive", f"limit is at most {MAX_LIMIT}")
        request = Request(
            query=parse(query),
            filters=Filters(outlet=outlet, author=author, since=since, until=until),
            limit=limit,
            offset=(page - 1) * limit,
            sort=sort,
            facets=facets,
        )
        found = self._engine.search(request)
        hits = tuple(_to_hit(hit) for hit in found.hits)
        return Results(query=query, total=found.total, hits=hits, facets=found.facets)

    def paragraph_count(self) -> int:
        """How many paragraphs are indexed."""
        return self._engine.paragraph_count()

    def article(self, article_id: str) -> Article:
        """The indexed article with this id, rebuilt from its paragraphs.

        Raises:
            ArticleNotFoundError: no article has that id.
        """
        docs = self._engine.article(article_id)
        if not docs:
            raise ArticleNotFoundError(
                f"no article {article_id!r} in {self.path}; search shows article ids"
            )
        first = docs[0]
        return Article(
            id=first.article_id,
            title=first.title,
            paragraphs=tuple(doc.text for doc in docs),
            source=first.source,
            date=first.date,
            authors=first.authors,
            outlet=first.outlet,
            url=first.url,
        )

    def stats(self) -> IndexStats:
        """Counts, outlets, date range, sources and size of the index."""
        summary = self._engine.summary()
        current = _manifest.load(self.path)
        return IndexStats(
            path=str(self.path),
            articles=len(current.article_ids()),
            paragraphs=summary.paragraphs,
            files=len(current.files),
            outlets=summary.outlets,
            first_date=summary.first_date,
            last_date=summary.last_date,
            sources=current.sources,
            size_bytes=sum(f.stat().st_size for f in self.path.iterdir() if f.is_file()),
        )

    def close(self) -> None:
        """Release the index's files."""
        self._engine.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _to_hit(found: EngineHit) -> Hit:
    doc = found.doc
    return Hit(
        article_id=doc.article_id,
        position=doc.position,
        title=doc.title,
        text=doc.text,
        snippet=make_snippet(doc.text, found.spans),
        score=found.score,
        source=doc.source,
        date=doc.date,
        authors=doc.authors,
        outlet=doc.outlet,
        url=doc.url,
    )


def open_default(build_from: Iterable[str] = DEFAULT_SOURCES) -> tuple[Index, UpdateReport | None]:
    """Open the default index, building it from ``build_from`` first when it does not exist."""
    path = default_index_path()
    if Index.exists(path):
        return Index(path, create=False), None
    log.info("no index at %s; building it from %s", path, ", ".join(build_from))
    index = Index(path)
    return index, index.update(list(build_from))


def search(query: str, **options: object) -> Results:
    """Search the default index (built from ``./seeds`` when missing); see ``Index.search``."""
    index, _ = open_default()
    with index:
        return index.search(query, **options)  # type: ignore[arg-type]
