"""The Whoosh engine: stores paragraph documents and answers parsed queries with BM25F."""

from __future__ import annotations

import datetime as _dt
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
AUTHOR_SEPARATOR = "\n"


class WhooshEngine:
    """A Whoosh index directory holding one document per paragraph."""

    def __init__(self, ix: whoosh_index.Index) -> None:
        self._ix = ix
        self._searcher: Searcher | None = None

    @classmethod
    def open(cls, path: Path, *, create: bool) -> WhooshEngine:
        """Open the index in ``path``, or create it there when ``create`` is set."""
        if path.exists() and not path.is_dir():
            raise IndexCorruptError(f"{path} is a file, not an index directory")
        try:
            if whoosh_index.exists_in(str(path)):
                return cls(whoosh_index.open_dir(str(path), schema=build_schema()))
        except (whoosh_index.IndexError, OSError, ValueError, EOFError) as exc:
            raise IndexCorruptError(
                f"{path} cannot be opened as an index ({exc}); rebuild it with "
                "'searchlib index --rebuild'"
            ) from exc
        if not create:
            raise IndexMissingError(f"no index at {path}; build one with 'searchlib index'")
        path.mkdir(parents=True, exist_ok=True)
        return cls(whoosh_index.create_in(str(path), build_schema()))

    # -- writing -------------------------------------------------------------------------

    def write(self, delete: Iterable[str], add: Iterable[ParagraphDoc]) -> None:
        """Delete the paragraphs of the given article ids, add documents, commit once."""
        try:
            writer = self._ix.writer(timeout=LOCK_TIMEOUT_S, limitmb=WRITER_LIMIT_MB)
        except whoosh_index.LockError:
            raise IndexLockedError(
                f"another process is writing to the index; waited {LOCK_TIMEOUT_S:.0f} s"
            ) from None
        try:
            for article_id in delete:
                writer.delete_by_term("article_id", article_id)
            for doc in add:
                writer.add_document(**_doc_fields(doc))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    def clear(self) -> None:
        """Remove every document by committing an empty index over the old one."""
        try:
            writer = self._ix.writer(timeout=LOCK_TIMEOUT_S)
        except whoosh_index.LockError:
            raise IndexLockedError("another process is writing to the index") from None
        writer.commit(mergetype=CLEAR)

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
        if self._searcher is None:
            self._searcher = self._ix.searcher(weighting=scoring.BM25F())
        else:
            self._searcher = self._searcher.refresh()
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
