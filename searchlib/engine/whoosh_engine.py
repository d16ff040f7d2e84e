"""The Whoosh engine: stores paragraph documents and answers parsed queries with BM25F."""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from whoosh import fields
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.searching import Searcher
from whoosh.writing import CLEAR

from ..errors import IndexCorruptError, IndexLockedError, IndexMissingError
from ..models import ParagraphDoc
from ..query import Node, leaves
from .base import EngineHit, EngineResults, EngineSummary, Filters, Request
from .files import discard_index_files, sync_directory
from .whoosh_feedback import expanded_ranking
from .whoosh_query import compile_node, compile_query, filter_query
from .whoosh_schema import (
    LEAD_FIELD,
    LEAD_TERM,
    LuceneBM25,
    build_schema,
    match_spans,
)
from .whoosh_words import suggest_word, surface

LOCK_TIMEOUT_S = 10.0
WRITER_LIMIT_MB = 128
# Whoosh copies each sub-file of a compound segment into memory when it opens it, which
# cost 49 ms per process at 100k paragraphs and 0.4 s at 1M; separate files are mmapped.
WRITER_COMPOUND = False
OPEN_ATTEMPTS = 3
# Below this estimated number of matches, counting them exactly costs little.
EXACT_COUNT_BELOW = 1_000
AUTHOR_SEPARATOR = "\n"


class WhooshEngine:
    """A Whoosh index directory holding one document per paragraph."""

    def __init__(self, ix: whoosh_index.Index, path: Path) -> None:
        self._ix = ix
        self._path = path
        self._searcher: Searcher | None = None

    @classmethod
    def open(cls, path: Path, *, create: bool, replace_outdated: bool = False) -> WhooshEngine:
        """Open the index in ``path``, or create it there when ``create`` is set.

        With ``replace_outdated``, an index built with other fields is deleted first (only
        the files Whoosh made; nothing else in the folder) and an empty one takes its place.
        """
        if path.exists() and not path.is_dir():
            raise IndexCorruptError(f"{path} is a file, not an index directory")
        if replace_outdated and is_outdated(path):
            discard_index_files(path)
        if whoosh_index.exists_in(str(path)):
            return cls(_open_dir(path), path)
        if not create:
            raise IndexMissingError(f"no index at {path}; build one with 'searchlib index'")
        path.mkdir(parents=True, exist_ok=True)
        return cls(whoosh_index.create_in(str(path), build_schema()), path)

    # -- writing -------------------------------------------------------------------------

    def generation(self) -> int:
        """The number of the last committed state (0 for a new, empty index)."""
        return int(self._ix.latest_generation())

    def paragraph_keys(self) -> list[tuple[str, int]]:
        """(article id, position) of every live paragraph, for consistency checks."""
        with self._ix.reader() as reader:
            return [(f["article_id"], int(f["position"])) for f in reader.all_stored_fields()]

    def writer(self, *, timeout: float = LOCK_TIMEOUT_S) -> WhooshWriter:
        """Take the index's write lock, waiting up to ``timeout`` seconds for it.

        The lock is an ``fcntl`` lock on Whoosh's lock file, so the kernel drops it when its
        holder dies: a writer killed with SIGKILL never leaves a lock that blocks the next.

        Raises:
            IndexLockedError: another process still holds the lock after ``timeout``.
        """
        try:
            writer = self._ix.writer(
                timeout=timeout, limitmb=WRITER_LIMIT_MB, compound=WRITER_COMPOUND
            )
        except whoosh_index.LockError:
            raise IndexLockedError(
                f"another process is writing to the index at {self._path}; waited "
                f"{timeout:g} s for it. Try again when it has finished"
            ) from None
        return WhooshWriter(writer, self._path)

    # -- reading -------------------------------------------------------------------------

    def paragraph_count(self) -> int:
        """How many paragraphs the index holds."""
        return int(self._ix.doc_count())

    def search(self, request: Request) -> EngineResults:
        """Run one search on a searcher kept open between calls.

        Raises:
            QueryError: the query holds no word that can be searched.
        """
        searcher = self._current_searcher()
        query = compile_query(request.query)
        added: tuple[str, ...] = ()
        if request.feedback:
            ranked, stems = expanded_ranking(searcher, query, filter_query(request.filters))
            total, exact = len(ranked), True
            added = tuple(surface(searcher, stem) or stem for stem in stems)
        else:
            ranked, total, exact = _ranking(searcher, query, request)
        more: dict[int, int] = {}
        if request.per_article:
            ranked, more = _best_per_article(searcher, ranked)
            total, exact = len(ranked), True
        facets = _facet_counts(searcher, [d for d, _ in ranked]) if request.facets else {}
        page = ranked[request.offset : request.offset + request.limit]
        terms = _match_terms(request.query, searcher)
        hits = tuple(
            _hit(searcher, docnum, score, terms, more.get(docnum, 0)) for docnum, score in page
        )
        return EngineResults(
            total=total, hits=hits, facets=facets, total_exact=exact, feedback=added
        )

    def suggest(self, word: str) -> str | None:
        """The indexed word, as written, closest to a misspelled ``word``; None when none is."""
        return suggest_word(self._current_searcher(), word)

    def _current_searcher(self) -> Searcher:
        if self._searcher is not None and self._searcher.up_to_date():
            return self._searcher
        # Not Searcher.refresh(): it reuses a segment's old reader, whose deleted-document
        # set predates the new commit, so deleted paragraphs would go on matching.
        if self._searcher is not None:
            self._searcher.close()
        self._searcher = self._ix.searcher(weighting=LuceneBM25())
        return self._searcher

    def article(self, article_id: str) -> tuple[ParagraphDoc, ...]:
        """The paragraphs of one article, in order."""
        stored = self._current_searcher().documents(article_id=article_id)
        return tuple(sorted((_stored_doc(f) for f in stored), key=lambda d: d.position))

    def summary(self) -> EngineSummary:
        """Paragraph counts, by outlet, and the first and last publication dates."""
        searcher = self._current_searcher()
        everything = list(searcher.docs_for_query(wq.Every()))
        outlets = _facet_counts(searcher, everything, ("outlet",))["outlet"]
        return EngineSummary(
            paragraphs=self.paragraph_count(),
            outlets=outlets,
            first_date=_edge_date(searcher, newest=False),
            last_date=_edge_date(searcher, newest=True),
        )

    def close(self) -> None:
        """Close the searcher and the index files."""
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        self._ix.close()


def _open_dir(path: Path) -> whoosh_index.Index:
    for attempt in range(OPEN_ATTEMPTS):
        try:
            return _open_current(path)
        except FileNotFoundError:
            # A writer committed between listing the newest state and reading it, and
            # deleted the old one: the next attempt finds the new state.
            if attempt + 1 < OPEN_ATTEMPTS:
                continue
            raise IndexCorruptError(f"{path} keeps changing while being opened") from None
        except (whoosh_index.IndexError, OSError, ValueError, EOFError, AttributeError) as exc:
            raise IndexCorruptError(
                f"{path} cannot be opened as an index ({exc}); rebuild it with "
                "'searchlib index --rebuild'"
            ) from exc
    raise AssertionError("unreachable")


class WhooshWriter:
    """One write to the index, holding its lock: deletes and adds, then one commit.

    Nothing is visible to readers until ``commit``; Whoosh writes new segment files and then
    renames a new table of contents into place, so readers see the old state or the new one.
    """

    def __init__(self, writer: Any, path: Path) -> None:
        self._writer = writer
        self._path = path

    @property
    def generation(self) -> int:
        """The number of the state that ``commit`` will create."""
        return int(self._writer.generation)

    def delete(self, article_ids: Iterable[str]) -> None:
        """Delete the paragraphs of the given articles."""
        for article_id in article_ids:
            self._writer.delete_by_term("article_id", article_id)

    def add(self, docs: Iterable[ParagraphDoc]) -> None:
        """Add paragraph documents."""
        for doc in docs:
            self._writer.add_document(**_doc_fields(doc))

    def commit(self, *, clear: bool = False) -> None:
        """Make the changes visible (with ``clear``, drop every older document) and unlock."""
        self._writer.commit(mergetype=CLEAR if clear else None)
        sync_directory(self._path)

    def cancel(self) -> None:
        """Drop the changes, unlock, and delete the files the unfinished segment began."""
        segment = self._writer.newsegment.segment_id()
        self._writer.cancel()
        # Whoosh leaves them until the next commit; a run of no-change updates would pile
        # them up. The segment id is this writer's alone, so deleting after unlock is safe.
        for entry in os.scandir(self._path):
            if entry.name.startswith(segment + "."):
                Path(entry.path).unlink(missing_ok=True)

    def __enter__(self) -> WhooshWriter:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        # Whoosh's writer unlocks on commit or cancel; either has run unless an error left
        # the write half done, and then the lock must still be released.
        if not self._writer.is_closed:
            self.cancel()


def _open_current(path: Path) -> whoosh_index.Index:
    """Open an index built with today's fields; an older layout needs a rebuild."""
    if is_outdated(path):
        raise IndexCorruptError(
            f"{path} was built by an older searchlib; rebuild it with "
            "'searchlib index --rebuild SOURCES'"
        )
    return whoosh_index.open_dir(str(path), schema=build_schema())


def is_outdated(path: Path) -> bool:
    """True when ``path`` holds a Whoosh index whose fields are not today's."""
    try:
        if not whoosh_index.exists_in(str(path)):
            return False
        stored = whoosh_index.open_dir(str(path))
    except (whoosh_index.IndexError, OSError, ValueError, EOFError, AttributeError):
        return False
    try:
        return not _same_layout(stored.schema, build_schema())
    finally:
        stored.close()


def _same_layout(stored: fields.Schema, schema: fields.Schema) -> bool:
    """Same fields, analysed the same way: an index analysed otherwise matches no query."""
    if set(stored.names()) != set(schema.names()):
        return False
    # Whoosh pickles each field's analyzer into the index; filters compare by their settings.
    return all(
        stored[name].analyzer == schema[name].analyzer
        for name in schema.names()
        if isinstance(schema[name], fields.TEXT)
    )


# -- documents ---------------------------------------------------------------------------


def _doc_fields(doc: ParagraphDoc) -> dict[str, Any]:
    # The headline is searchable with the first paragraph only: it counts once per article.
    first = doc.position == 0
    fields: dict[str, Any] = {
        "article_id": doc.article_id,
        "position": doc.position,
        "content": f"{doc.title}\n{doc.text}" if first else doc.text,
        "headline": doc.title,
        "text": doc.text,
        "source": doc.source,
    }
    if first:
        fields |= {"title": doc.title, LEAD_FIELD: LEAD_TERM}
    if doc.outlet:
        fields |= {"outlet": doc.outlet, "outlet_facet": doc.outlet}
    if doc.authors:
        fields |= {
            "authors": AUTHOR_SEPARATOR.join(doc.authors),
            "author_facet": ",".join(a.replace(",", " ") for a in doc.authors),
        }
    if doc.date:
        fields |= {"date": doc.date.isoformat(), "year": str(doc.date.year)}
    if doc.url:
        fields["url"] = doc.url
    return fields


def _stored_doc(stored: dict[str, Any]) -> ParagraphDoc:
    date = stored.get("date")
    authors = stored.get("authors")
    return ParagraphDoc(
        article_id=stored["article_id"],
        position=int(stored["position"]),
        text=stored["text"],
        title=stored["headline"],
        source=stored["source"],
        date=_dt.date.fromisoformat(date) if date else None,
        authors=tuple(authors.split(AUTHOR_SEPARATOR)) if authors else (),
        outlet=stored.get("outlet"),
        url=stored.get("url"),
    )


def _ranking(
    searcher: Searcher, query: wq.Query, request: Request
) -> tuple[list[tuple[int, float]], int, bool]:
    """The ranked (document, score) pairs the request needs, the total and its exactness."""
    whole = request.per_article or request.facets
    results = searcher.search(
        query,
        limit=None if whole else request.offset + request.limit,
        filter=filter_query(request.filters),
        sortedby="date" if request.sort == "date" else None,
        reverse=request.sort == "date",
        terms=False,
    )
    ranked = [(docnum, _score(key)) for key, docnum in results.top_n]
    return (ranked, *_total(results, request))


def _total(results: Any, request: Request) -> tuple[int, bool]:
    """How many documents match, and whether that number is exact.

    Whoosh's top-N collector skips blocks that cannot reach the top, so it does not see
    every match; counting them all means running the query a second time over every
    matching document (a third of a search's time at 100k paragraphs). The count is exact
    when the collector saw every match (fewer than asked for, or the whole set was
    collected), when filters apply (Whoosh's estimate ignores them) or a phrase does (it
    estimates a phrase by its rarest word: 20x too many for "stock market" at 100k), or
    when the estimate says few documents can match; otherwise it is Whoosh's estimate,
    kept between what was seen and the number of paragraphs.
    """
    seen = len(results.top_n)
    if results.collector is None or seen < request.offset + request.limit:
        return seen, True
    whole = request.per_article or request.facets or request.sort == "date"
    if whole or request.filters != Filters() or _has_phrase(results.q):
        return len(results), True
    reader = results.searcher.reader()
    estimate = results.q.estimate_size(reader)
    if estimate <= EXACT_COUNT_BELOW:
        return len(results), True
    return max(seen, min(estimate, reader.doc_count())), False


def _has_phrase(query: wq.Query) -> bool:
    return any(isinstance(leaf, wq.Phrase) for leaf in query.leaves())


def _score(key: Any) -> float:
    # When sorting by a field, Whoosh puts the sort key where the score would be.
    return float(key) if isinstance(key, (int, float)) else 0.0


def _hit(
    searcher: Searcher, docnum: int, score: float, terms: frozenset[str], more: int
) -> EngineHit:
    doc = _stored_doc(searcher.stored_fields(docnum))
    return EngineHit(doc=doc, score=score, spans=match_spans(doc.text, terms), more=more)


def _best_per_article(
    searcher: Searcher, ranked: list[tuple[int, float]]
) -> tuple[list[tuple[int, float]], dict[int, int]]:
    """Keep each article's best paragraph; count the article's other matching paragraphs."""
    articles = searcher.reader().column_reader("article_id")
    best: dict[str, tuple[int, float]] = {}
    counts: dict[str, int] = {}
    for docnum, score in ranked:
        key = articles[docnum]
        best.setdefault(key, (docnum, score))
        counts[key] = counts.get(key, 0) + 1
    more = {docnum: counts[key] - 1 for key, (docnum, _) in best.items()}
    return list(best.values()), more


# -- highlighting --------------------------------------------------------


def _match_terms(node: Node, searcher: Searcher) -> frozenset[str]:
    """The indexed ``content`` terms the query's positive parts match, prefixes expanded."""
    # Whoosh's own Query.existing_terms() stops at the first field it sees, so walk leaves.
    reader = searcher.reader()
    terms: set[str] = set()
    for leaf_node in leaves(node):
        for leaf in compile_node(leaf_node).leaves():
            for field, term in leaf.expanded_terms(reader, phrases=True):
                if field == "content":
                    terms.add(term.decode("utf-8") if isinstance(term, bytes) else term)
    return frozenset(terms)


# -- facets ------------------------------------------------------------------------------

FACET_COLUMNS = {"outlet": "outlet_facet", "year": "year", "author": "author_facet"}


def _facet_counts(
    searcher: Searcher, docnums: list[int], names: Iterable[str] = tuple(FACET_COLUMNS)
) -> dict[str, dict[str, int]]:
    """Counts of outlet, year and author over the given documents, largest first."""
    reader = searcher.reader()
    counts: dict[str, dict[str, int]] = {}
    for name in names:
        column = FACET_COLUMNS[name]
        values = reader.column_reader(column)
        tally: dict[str, int] = {}
        for docnum in docnums:
            raw = values[docnum]
            value = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw or "")
            for key in value.split(",") if name == "author" else [value]:
                if key.strip():
                    tally[key.strip()] = tally.get(key.strip(), 0) + 1
        counts[name] = dict(sorted(tally.items(), key=lambda kv: (-kv[1], kv[0])))
    return counts


def _edge_date(searcher: Searcher, *, newest: bool) -> _dt.date | None:
    dated = wq.TermRange("date", None, None)
    found = searcher.search(dated, limit=1, sortedby="date", reverse=newest)
    value = found[0].get("date") if found else None
    return _dt.date.fromisoformat(value) if value else None
