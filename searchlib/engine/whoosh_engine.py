"""The Whoosh engine: stores paragraph documents and answers parsed queries with BM25F."""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh import scoring, sorting
from whoosh.searching import Searcher
from whoosh.writing import CLEAR

from ..errors import IndexCorruptError, IndexLockedError, IndexMissingError
from ..models import ParagraphDoc
from ..query import And, DateRange, Fuzzy, Node, Not, Or, Phrase, Prefix, Term
from .base import EngineHit, EngineResults, EngineSummary, Filters, Request
from .whoosh_schema import DEFAULT_FIELDS, FIELD_MAP, build_schema

LOCK_TIMEOUT_S = 10.0
WRITER_LIMIT_MB = 128
OPEN_ATTEMPTS = 3
AUTHOR_SEPARATOR = "\n"


class WhooshEngine:
    """A Whoosh index directory holding one document per paragraph."""

    def __init__(self, ix: whoosh_index.Index, path: Path) -> None:
        self._ix = ix
        self._path = path
        self._searcher: Searcher | None = None

    @classmethod
    def open(cls, path: Path, *, create: bool) -> WhooshEngine:
        """Open the index in ``path``, or create it there when ``create`` is set."""
        if path.exists() and not path.is_dir():
            raise IndexCorruptError(f"{path} is a file, not an index directory")
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
            writer = self._ix.writer(timeout=timeout, limitmb=WRITER_LIMIT_MB)
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
        """Run one search on a searcher kept open between calls."""
        searcher = self._current_searcher()
        query = compile_node(request.query)
        results = searcher.search(
            query,
            limit=request.offset + request.limit,
            filter=_filter_query(request.filters),
            sortedby="date" if request.sort == "date" else None,
            reverse=request.sort == "date",
            groupedby=_facets() if request.facets else None,
            terms=False,
        )
        terms = _match_terms(request.query, searcher)
        hits = tuple(
            _hit(hit, terms) for hit in results[request.offset : request.offset + request.limit]
        )
        facets = _facet_counts(results) if request.facets else {}
        return EngineResults(total=len(results), hits=hits, facets=facets)

    def _current_searcher(self) -> Searcher:
        if self._searcher is not None and self._searcher.up_to_date():
            return self._searcher
        # Not Searcher.refresh(): it reuses a segment's old reader, whose deleted-document
        # set predates the new commit, so deleted paragraphs would go on matching.
        if self._searcher is not None:
            self._searcher.close()
        self._searcher = self._ix.searcher(weighting=scoring.BM25F())
        return self._searcher

    def article(self, article_id: str) -> tuple[ParagraphDoc, ...]:
        """The paragraphs of one article, in order."""
        stored = self._current_searcher().documents(article_id=article_id)
        return tuple(sorted((_stored_doc(f) for f in stored), key=lambda d: d.position))

    def summary(self) -> EngineSummary:
        """Paragraph counts, by outlet, and the first and last publication dates."""
        searcher = self._current_searcher()
        facets = sorting.Facets()
        facets.add_facet("outlet", sorting.FieldFacet("outlet_facet", maptype=sorting.Count))
        everything = searcher.search(wq.Every(), limit=1, groupedby=facets)
        outlets = _facet_counts(everything, ("outlet",))["outlet"]
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
            return whoosh_index.open_dir(str(path), schema=build_schema())
        except FileNotFoundError:
            # A writer committed between listing the newest state and reading it, and
            # deleted the old one: the next attempt finds the new state.
            if attempt + 1 < OPEN_ATTEMPTS:
                continue
            raise IndexCorruptError(f"{path} keeps changing while being opened") from None
        except (whoosh_index.IndexError, OSError, ValueError, EOFError) as exc:
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
        _sync_directory(self._path)

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


def _sync_directory(path: Path) -> None:
    """Flush the index files and the directory entry to disk.

    A killed process loses nothing the kernel already holds, but after a power cut the
    manifest (fsynced) must not describe a state whose segment files were never written.
    """
    for entry in os.scandir(path):
        if entry.is_file() and not entry.name.startswith("."):
            fd = os.open(entry.path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# -- documents ---------------------------------------------------------------------------


def _doc_fields(doc: ParagraphDoc) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "doc_id": f"{doc.article_id}/{doc.position}",
        "article_id": doc.article_id,
        "position": doc.position,
        "title": doc.title,
        "text": doc.text,
        "source": doc.source,
    }
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
        title=stored["title"],
        source=stored["source"],
        date=_dt.date.fromisoformat(date) if date else None,
        authors=tuple(authors.split(AUTHOR_SEPARATOR)) if authors else (),
        outlet=stored.get("outlet"),
        url=stored.get("url"),
    )


def _hit(hit: Any, terms: frozenset[str]) -> EngineHit:
    doc = _stored_doc(hit.fields())
    spans = match_spans(doc.text, terms)
    # When sorting by a field, Whoosh puts the sort key where the score would be.
    score = float(hit.score) if isinstance(hit.score, (int, float)) else 0.0
    return EngineHit(doc=doc, score=score, spans=spans)


# -- queries -----------------------------------------------------------------------------

_SCHEMA = build_schema()


def _analyze(field: str, text: str) -> list[str]:
    return [token.text for token in _SCHEMA[field].analyzer(text)]


def _fields_of(field: str | None) -> tuple[str, ...]:
    return DEFAULT_FIELDS if field is None else (FIELD_MAP[field],)


def _per_field(field: str | None, make: Any) -> wq.Query:
    queries = [make(name) for name in _fields_of(field)]
    queries = [q for q in queries if q is not wq.NullQuery]
    return queries[0] if len(queries) == 1 else wq.Or(queries)


def _words(name: str, words: Iterable[str]) -> wq.Query:
    tokens = [token for word in words for token in _analyze(name, word)]
    if not tokens:
        return wq.NullQuery
    if len(tokens) == 1:
        return wq.Term(name, tokens[0])
    return wq.Phrase(name, tokens)


def compile_node(node: Node) -> wq.Query:
    """Translate a parsed query into a Whoosh query."""
    match node:
        case Term(text, field):
            return _per_field(field, lambda name: _words(name, [text]))
        case Phrase(words, field):
            return _per_field(field, lambda name: _words(name, words))
        case Prefix(text, field):
            return _per_field(field, lambda name: _prefix(name, text))
        case Fuzzy(text, field, distance):
            return _per_field(field, lambda name: _fuzzy(name, text, distance))
        case DateRange(start, end):
            return _date_range(start, end)
        case Not(item):
            return wq.AndNot(wq.Every(), compile_node(item))
        case Or(items):
            return wq.Or([compile_node(item) for item in items])
        case And(items):
            return _compile_and(items)
    raise TypeError(f"not a query node: {node!r}")


def _prefix(name: str, text: str) -> wq.Query:
    words = _SCHEMA[name].analyzer(text, no_morph=True)
    tokens = [token.text for token in words]
    return wq.Prefix(name, tokens[0]) if tokens else wq.NullQuery


def _fuzzy(name: str, text: str, distance: int) -> wq.Query:
    tokens = _analyze(name, text)
    if not tokens:
        return wq.NullQuery
    return wq.FuzzyTerm(name, tokens[0], maxdist=distance, prefixlength=1)


def _date_range(start: _dt.date | None, end: _dt.date | None) -> wq.Query:
    low = start.isoformat() if start else None
    high = end.isoformat() if end else None
    return wq.TermRange("date", low, high, constantscore=True)


def _compile_and(items: tuple[Node, ...]) -> wq.Query:
    positive = [compile_node(i) for i in items if not isinstance(i, Not)]
    negative = [compile_node(i.item) for i in items if isinstance(i, Not)]
    base = wq.And(positive) if len(positive) > 1 else (positive or [wq.Every()])[0]
    return wq.AndNot(base, wq.Or(negative)) if negative else base


def _filter_query(filters: Filters) -> wq.Query | None:
    parts: list[wq.Query] = []
    if filters.outlet:
        parts.append(_words("outlet", filters.outlet.split()))
    if filters.author:
        parts.append(_words("authors", filters.author.split()))
    if filters.since or filters.until:
        parts.append(_date_range(filters.since, filters.until))
    return wq.And(parts) if parts else None


# -- highlighting ------------------------------------------------------------------------


def _positive(node: Node) -> Iterator[Node]:
    match node:
        case Not() | DateRange():
            return
        case And(items) | Or(items):
            for item in items:
                yield from _positive(item)
        case _:
            yield node


def _match_terms(node: Node, searcher: Searcher) -> frozenset[str]:
    """The indexed ``text`` terms the query's positive parts match, prefixes expanded."""
    # Whoosh's own Query.existing_terms() stops at the first field it sees, so walk leaves.
    reader = searcher.reader()
    terms: set[str] = set()
    for node_leaf in _positive(node):
        for leaf in compile_node(node_leaf).leaves():
            for field, term in leaf.expanded_terms(reader, phrases=True):
                if field == "text":
                    terms.add(term.decode("utf-8") if isinstance(term, bytes) else term)
    return frozenset(terms)


def match_spans(text: str, terms: frozenset[str]) -> tuple[tuple[int, int], ...]:
    """Character spans of the words of ``text`` whose analysed form is one of ``terms``."""
    if not terms:
        return ()
    tokens = _SCHEMA["text"].analyzer(text, chars=True, mode="query")
    return tuple((t.startchar, t.endchar) for t in tokens if t.text in terms)


# -- facets ------------------------------------------------------------------------------


def _facets() -> sorting.Facets:
    facets = sorting.Facets()
    facets.add_facet("outlet", sorting.FieldFacet("outlet_facet", maptype=sorting.Count))
    facets.add_facet("year", sorting.FieldFacet("year", maptype=sorting.Count))
    facets.add_facet(
        "author", sorting.FieldFacet("author_facet", allow_overlap=True, maptype=sorting.Count)
    )
    return facets


def _facet_counts(
    results: Any, names: Iterable[str] = ("outlet", "year", "author")
) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for name in names:
        groups = results.groups(name)
        ranked = sorted(groups.items(), key=lambda kv: (-kv[1], str(kv[0])))
        counts[name] = {str(key): int(n) for key, n in ranked if key not in (None, "")}
    return counts


def _edge_date(searcher: Searcher, *, newest: bool) -> _dt.date | None:
    dated = wq.TermRange("date", None, None)
    found = searcher.search(dated, limit=1, sortedby="date", reverse=newest)
    value = found[0].get("date") if found else None
    return _dt.date.fromisoformat(value) if value else None
