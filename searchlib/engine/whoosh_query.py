"""Translate searchlib's query syntax tree into Whoosh queries.

Plain words are ranked any-match (more of them, and rarer ones, rank higher); phrases,
field terms and dates are required; common function words are dropped from the query only.
See docs/query-language.md for the measurements behind each choice.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable

from whoosh import query as wq
from whoosh.query.compound import PreloadedOr

from ..errors import QueryError
from ..query import And, DateRange, Fuzzy, Node, Not, Or, Phrase, Prefix, Term, ranks
from .base import Filters
from .whoosh_schema import DEFAULT_FIELDS, FIELD_MAP, build_schema, index_form, load_words

STOPWORDS_FILE = "stopwords_en.txt"
STOPWORDS = load_words(STOPWORDS_FILE)

SCHEMA = build_schema()
# A typed word of several tokens ("anti-viral", "20.04") searches its tokens as words, not as
# a phrase: +0.007 Recall@100 on SciFact. Quote it to require the phrase.
SPLIT_WORDS = True
# The headline field (first paragraphs only), searched beside ``content``: about +0.01
# nDCG@10 on SciFact and Cranfield at 0.2.
TITLE_BOOST = 0.2
# Up to this many alternatives, a union tree (block skipping) beats the preloaded array.
# 200 bench queries at 100k paragraphs (1-3 words): p50 13.1 -> 6.0 ms, same top 10; the
# array stays ahead from about 4 words on (7 words: p50 46 vs 62 ms; 14: 77 vs 240 ms).
UNION_TREE_MAX = 3


def analyze(field: str, text: str) -> list[str]:
    return [token.text for token in SCHEMA[field].analyzer(text)]


def _fields_of(field: str | None) -> tuple[str, ...]:
    return DEFAULT_FIELDS if field is None else (FIELD_MAP[field],)


def _per_field(field: str | None, make: Callable[[str], wq.Query]) -> wq.Query:
    queries = [q for q in (make(name) for name in _fields_of(field)) if q is not wq.NullQuery]
    if field is None and TITLE_BOOST and queries:
        # The whole article's headline lifts its paragraphs a little more, evenly.
        title = make("title")
        if title is not wq.NullQuery:
            queries.append(title.with_boost(TITLE_BOOST))
    if not queries:
        return wq.NullQuery
    return queries[0] if len(queries) == 1 else wq.Or(queries)


def _words(name: str, words: Iterable[str]) -> wq.Query:
    tokens = [token for word in words for token in analyze(name, word)]
    if not tokens:
        return wq.NullQuery
    if len(tokens) == 1:
        return wq.Term(name, tokens[0])
    return wq.Phrase(name, tokens)


def _word(name: str, text: str) -> wq.Query:
    """One typed word; "Jong-un" or "20.04" are several tokens, each searched as a word."""
    tokens = analyze(name, text)
    if len(tokens) <= 1:
        return wq.Term(name, tokens[0]) if tokens else wq.NullQuery
    if not SPLIT_WORDS:
        return wq.Phrase(name, tokens)
    return wq.Or([wq.Term(name, token) for token in tokens])


def compile_query(node: Node) -> wq.Query:
    """Translate a parsed query into a Whoosh query.

    Raises:
        QueryError: nothing in the query is a searchable word (e.g. only punctuation).
    """
    query = compile_node(node)
    if query is wq.NullQuery:
        raise QueryError(
            "the query has no words to search", 'type letters or digits, e.g. "artillery shells"'
        )
    return query


def compile_node(node: Node) -> wq.Query:
    """Translate a syntax tree node into a Whoosh query (``NullQuery`` when it has no words)."""
    match node:
        case Term(text, field):
            return _per_field(field, lambda name: _word(name, text))
        case Phrase(words, field):
            return _per_field(field, lambda name: _words(name, words))
        case Prefix(text, field):
            return _per_field(field, lambda name: _prefix(name, text))
        case Fuzzy(text, field, distance):
            return _per_field(field, lambda name: _fuzzy(name, text, distance))
        case DateRange(start, end):
            return _date_range(start, end)
        case Not(item):
            return _exclude(wq.Every(), [compile_node(item)])
        case Or(items):
            return _any([compile_node(item) for item in items])
        case And(items):
            return _compile_and(items)
    raise TypeError(f"not a query node: {node!r}")


def _prefix(name: str, text: str) -> wq.Query:
    words = SCHEMA[name].analyzer(text, no_morph=True)
    tokens = [token.text for token in words]
    return wq.Prefix(name, tokens[0]) if tokens else wq.NullQuery


def _fuzzy(name: str, text: str, distance: int) -> wq.Query:
    tokens = analyze(name, text)
    if not tokens:
        return wq.NullQuery
    return wq.FuzzyTerm(name, tokens[0], maxdist=distance, prefixlength=1)


def _date_range(start: _dt.date | None, end: _dt.date | None) -> wq.Query:
    low = start.isoformat() if start else None
    high = end.isoformat() if end else None
    return wq.TermRange("date", low, high, constantscore=True)


def _is_stopword(node: Node) -> bool:
    return isinstance(node, Term) and node.field is None and index_form(node.text) in STOPWORDS


def _compile_and(items: tuple[Node, ...]) -> wq.Query:
    negative = [compile_node(i.item) for i in items if isinstance(i, Not)]
    positive = [i for i in items if not isinstance(i, Not)]
    # Stop words only rank, and slowly (they match nearly everything): drop them when the
    # query has other words.
    soft_items = [i for i in positive if ranks(i)]
    soft_items = [i for i in soft_items if not _is_stopword(i)] or soft_items
    soft = _any([compile_node(i) for i in soft_items])
    hard = _all([compile_node(i) for i in positive if not ranks(i)])
    if hard is wq.NullQuery:
        base = soft
    else:
        base = hard if soft is wq.NullQuery else wq.AndMaybe(hard, soft)
    if base is wq.NullQuery and negative:
        base = wq.Every()
    return _exclude(base, negative)


def _any(queries: list[wq.Query]) -> wq.Query:
    queries = [q for q in queries if q is not wq.NullQuery]
    if len(queries) <= 1:
        return queries[0] if queries else wq.NullQuery
    if len(queries) <= UNION_TREE_MAX:
        # Whoosh's union tree lets the top-N collector skip blocks that cannot reach the
        # top; for short queries that is faster than scoring every match.
        return wq.Or(queries)
    # The tree steps through each matching document once per level; preloading the scores
    # into an array is several times faster for long queries.
    return PreloadedOr(queries)


def _all(queries: list[wq.Query]) -> wq.Query:
    queries = [q for q in queries if q is not wq.NullQuery]
    if len(queries) <= 1:
        return queries[0] if queries else wq.NullQuery
    return wq.And(queries)


def _exclude(base: wq.Query, negative: list[wq.Query]) -> wq.Query:
    excluded = _any(negative)
    if base is wq.NullQuery or excluded is wq.NullQuery:
        return base
    return wq.AndNot(base, excluded)


def filter_query(filters: Filters) -> wq.Query | None:
    parts: list[wq.Query] = []
    if filters.outlet:
        parts.append(_words("outlet", filters.outlet.split()))
    if filters.author:
        parts.append(_words("authors", filters.author.split()))
    if filters.since or filters.until:
        parts.append(_date_range(filters.since, filters.until))
    parts = [p for p in parts if p is not wq.NullQuery]
    return wq.And(parts) if parts else None
