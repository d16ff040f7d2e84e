"""The ``Index``: the library's front door for building, updating and searching an index."""

from __future__ import annotations

import datetime as _dt
import logging
import os
import re
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Literal

from . import manifest as _manifest
from .documents import from_documents
from .engine import Engine, EngineHit, Filters, Request, is_outdated, open_engine
from .errors import ArticleNotFoundError, IndexCorruptError, QueryError, SearchIndexError
from .models import Article, Hit, IndexStats, Results, UpdateReport
from .query import Aliases, Node, Term, is_natural_language, leaves, load_aliases, parse
from .query.aliases import expand
from .snippet import make_snippet
from .update import Progress, Sink, UpdatePlan, absolute_sources, plan_update

log = logging.getLogger("searchlib")

ENV_INDEX = "SEARCHLIB_INDEX"
DEFAULT_INDEX = "index"
DEFAULT_SOURCES = ("seeds",)
MAX_LIMIT = 10_000
LOCK_TIMEOUT_S = 10.0
# Fewer hits than this and the search looks for a spelling suggestion.
SUGGEST_BELOW = 3
ALIASES_NAME = "aliases.txt"
# Manifests of this and older layouts (older ones had no generation number).
OLD_MANIFESTS = "searchlib-manifest*.json"


def default_index_path() -> Path:
    """``$SEARCHLIB_INDEX`` if set, else ``./index``."""
    return Path(os.environ.get(ENV_INDEX) or DEFAULT_INDEX)


class Index:
    """A searchable index of news articles, one document per paragraph.

    Args:
        path: the index directory; default ``default_index_path()``.
        create: create an empty index when none exists (else raise ``IndexMissingError``).
        lock_timeout: how long ``update`` waits for another writer to finish, in seconds.
        aliases: an aliases file added to the default list (and to ``aliases.txt`` in the
            index directory, when there is one); see docs/query-language.md.

    Raises:
        IndexMissingError: no index at ``path`` and ``create`` is false.
        IndexCorruptError: ``path`` is a file or holds something that is not an index.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        create: bool = True,
        lock_timeout: float = LOCK_TIMEOUT_S,
        aliases: str | os.PathLike[str] | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else default_index_path()
        self.lock_timeout = lock_timeout
        self._opened: Engine | None = None
        self._outdated: IndexCorruptError | None = None
        try:
            self._opened = open_engine(self.path, create=create)
        except IndexCorruptError as exc:
            # An index an older searchlib built is still good for one thing: being
            # rebuilt. Anything else raises the error when it is attempted.
            if not is_outdated(self.path):
                raise
            self._outdated = exc
        self._aliases_file = aliases
        self._aliases: Aliases | None = None

    @property
    def _engine(self) -> Engine:
        if self._opened is None:
            assert self._outdated is not None
            raise self._outdated
        return self._opened

    @staticmethod
    def exists(path: str | os.PathLike[str] | None = None) -> bool:
        """True when ``path`` (default: the default index) holds an index built by an update."""
        return _manifest.exists(Path(path) if path is not None else default_index_path())

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

        The whole update holds the index's write lock (a second writer waits up to
        ``lock_timeout`` seconds); searches see the previous state until it commits. If the
        process dies half-way, the index keeps its previous state and the next update
        redoes the work.

        Args:
            sources: files and directories; default: the sources of the previous update.
            rebuild: forget what is indexed and start from nothing.
            dry_run: work out and report the changes without writing them.
            progress: called with (bytes done, bytes in all) as the update reads files
                (not at all when there is nothing to read).

        Raises:
            SearchIndexError: no sources were given and none are remembered.
            IndexLockedError: another process kept the index locked for ``lock_timeout``.
            IndexCorruptError: the index's manifest is missing or damaged.
        """
        given = absolute_sources(sources) if sources is not None else None
        if rebuild and not dry_run and self._opened is None:
            self._replace_outdated()
        if dry_run:
            current = self._load_manifest(self._engine.generation(), rebuild)
            return self._plan(current, given, rebuild, progress).report
        with self._engine.writer(timeout=self.lock_timeout) as writer:
            current = self._load_manifest(writer.generation - 1, rebuild)
            # New paragraphs go to the writer as they are extracted; none is visible
            # before the commit below, and a crash before it leaves the old state.
            plan = self._plan(current, given, rebuild, progress, add=writer.add)
            after = plan.manifest
            if after == current and not rebuild:
                writer.cancel()
                return plan.report
            # Deletes reach only the committed segments, not the paragraphs added above.
            writer.delete(plan.delete)
            # The manifest of the new state is on disk before the state exists, and the old
            # one is kept: whenever a crash strikes, the committed state has its manifest.
            _manifest.save(self.path, after, writer.generation)
            _manifest.prune(self.path, keep={writer.generation - 1, writer.generation})
            writer.commit(clear=rebuild)
        return plan.report

    def _replace_outdated(self) -> None:
        """Delete the outdated index's files (only those) and create an empty index."""
        log.warning("%s: built by an older searchlib; replacing it", self.path)
        for stale in self.path.glob(OLD_MANIFESTS):
            stale.unlink(missing_ok=True)
        self._opened = open_engine(self.path, create=True, replace_outdated=True)
        self._outdated = None

    def _load_manifest(self, generation: int, rebuild: bool) -> _manifest.Manifest:
        try:
            return _manifest.load(self.path, generation)
        except IndexCorruptError:
            if not rebuild:
                raise
            # A rebuild needs nothing from a damaged manifest but the sources to read.
            log.warning("%s: manifest unreadable; rebuilding from the sources given", self.path)
            return _manifest.Manifest()

    @staticmethod
    def _plan(
        current: _manifest.Manifest,
        given: tuple[str, ...] | None,
        rebuild: bool,
        progress: Progress | None,
        *,
        add: Sink | None = None,
    ) -> UpdatePlan:
        wanted = given if given is not None else current.sources
        if not wanted:
            raise SearchIndexError("no sources given and none remembered; name files or folders")
        start = _manifest.Manifest() if rebuild else current
        return plan_update(start, wanted, progress, add=add, remember=current.sources)

    def check(self) -> int:
        """Verify that the index holds exactly the articles its manifest lists, each once.

        Returns:
            The number of articles.

        Raises:
            IndexCorruptError: the index and its manifest disagree.
        """
        generation = self._engine.generation()
        keys = self._engine.paragraph_keys()
        listed = _manifest.load(self.path, generation).article_ids()
        held = {article_id for article_id, _ in keys}
        if len(set(keys)) != len(keys):
            raise IndexCorruptError(f"the index at {self.path} holds a paragraph twice")
        if held != listed:
            raise IndexCorruptError(
                f"the index at {self.path} and its manifest disagree on "
                f"{len(held ^ listed)} articles; rebuild with 'searchlib index --rebuild'"
            )
        return len(held)

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
        per_article: bool = False,
        facets: bool = False,
        feedback: bool = True,
    ) -> Results:
        """Search the index; see docs/query-language.md for what ``query`` may hold.

        Args:
            query: the query text.
            limit: hits per page.
            page: which page of hits, from 1.
            outlet: only articles of this outlet.
            author: only articles by this author.
            since: only articles published on or after this date.
            until: only articles published on or before this date.
            sort: by relevance (best first) or by date (newest first).
            per_article: one hit per article, its best paragraph, with ``more_in_article``
                counting its other matching paragraphs.
            facets: count hits by outlet, year and author over the whole result set.
            feedback: expand a natural-language query (``FEEDBACK_MIN_WORDS`` or more
                plain words, nothing else) with words of its best paragraphs
                (pseudo-relevance feedback), so that paragraphs saying the same in other
                words are found; on by default, never for short queries, operators or
                ``sort="date"``.

        Returns:
            One page of hits; ``suggestion`` holds a corrected query when few or none match.

        Raises:
            QueryError: the query cannot be understood, or ``limit``/``page`` is out of range.
        """
        if not 1 <= limit <= MAX_LIMIT or page < 1:
            raise QueryError("limit and page must be positive", f"limit is at most {MAX_LIMIT}")
        parsed = parse(query)
        request = Request(
            query=expand(parsed, self._loaded_aliases()),
            filters=Filters(outlet=outlet, author=author, since=since, until=until),
            limit=limit,
            offset=(page - 1) * limit,
            sort=sort,
            facets=facets,
            per_article=per_article,
            feedback=feedback and sort == "relevance" and is_natural_language(parsed),
        )
        found = self._engine.search(request)
        hits = tuple(_to_hit(hit) for hit in found.hits)
        suggestion = self._suggest(query, found.total) if found.total < SUGGEST_BELOW else None
        return Results(
            query=query,
            total=found.total,
            hits=hits,
            facets=found.facets,
            suggestion=suggestion,
            total_exact=found.total_exact,
            feedback=found.feedback,
        )

    def understand(self, query: str) -> Node:
        """The query as searched: parsed, with each alias added as an alternative.

        Raises:
            QueryError: the query cannot be understood.
        """
        return expand(parse(query), self._loaded_aliases())

    def _loaded_aliases(self) -> Aliases:
        if self._aliases is None:
            in_index = self.path / ALIASES_NAME
            files = [f for f in (in_index if in_index.is_file() else None, self._aliases_file) if f]
            self._aliases = load_aliases(*files)
        return self._aliases

    def _suggest(self, query: str, total: int) -> str | None:
        """The query with its misspelled words corrected, if that finds more."""
        words = {w.text for w in leaves(parse(query)) if isinstance(w, Term) and w.field is None}
        found = {word: self._engine.suggest(word) for word in words}
        fixes = {word: fix for word, fix in found.items() if fix and fix != word.lower()}
        if not fixes:
            return None
        pattern = re.compile("|".join(rf"(?<![\w-]){re.escape(w)}(?!\w)" for w in fixes))
        corrected = pattern.sub(lambda match: fixes[match.group(0)], query)
        node = expand(parse(corrected), self._loaded_aliases())
        better = self._engine.search(Request(query=node, limit=1)).total
        return corrected if better > total else None

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
        return from_documents(docs)

    def stats(self) -> IndexStats:
        """Counts, outlets, date range, sources and size of the index."""
        summary = self._engine.summary()
        current = _manifest.load(self.path, self._engine.generation())
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
        if self._opened is not None:
            self._opened.close()

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
        more_in_article=found.more,
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
