"""Pseudo-relevance feedback: a query expanded with words of its own best paragraphs.

A relevance model in the manner of RM3 (Lavrenko and Croft; Anserini's ``-rm3``): the
first pass ranks every matching paragraph; each of the best ``FEEDBACK_DOCS`` paragraphs
weighs its words by their share of its length, times ``exp(score - best score)``, so the
best paragraph dominates unless others score nearly as well; the ``FEEDBACK_TERMS``
heaviest words that the query does not hold, that are not stop words and that appear in
at least two and at most ``FEEDBACK_MAX_SHARE`` of the paragraphs are added, their
weights summing to ``FEEDBACK_WEIGHT`` (about one query word's worth).

The expanded query is the original one OR the added words, and Whoosh scores an OR as
the sum of its parts, so the second pass reads only the added words' postings and adds
their scores to the first pass's: the same ranking as searching the expanded query, at
the cost of the rare added words' postings instead of a second full search.

Measured with bench/relevance.py (docs/query-language.md): SciFact Recall@100 0.921 ->
0.932, nDCG@10 0.703 -> 0.709, Cranfield nDCG@10 0.383 -> 0.394.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable

from whoosh import query as wq
from whoosh.searching import Searcher

from .whoosh_query import STOPWORDS, analyze

FEEDBACK_DOCS = 5
FEEDBACK_TERMS = 10
FEEDBACK_WEIGHT = 1.0
# Words in more paragraphs than this share say little about a topic ("report", "day" in
# news), and their postings are long: at 100k news paragraphs, 2% instead of 5% halves
# the cost of feedback; SciFact nDCG@10 +0.003, Cranfield -0.003, Recall@100 the same.
FEEDBACK_MAX_SHARE = 0.02
# A word only the feedback paragraphs hold finds nothing new.
FEEDBACK_MIN_DOCS = 2
FIELD = "content"

Ranked = list[tuple[int, float]]


def expanded_ranking(
    searcher: Searcher, query: wq.Query, filter: wq.Query | None
) -> tuple[Ranked, tuple[str, ...]]:
    """Every paragraph matching ``query`` or its feedback words, best first, with scores;
    and the words added (indexed forms), none when the first pass finds nothing."""
    first = searcher.search(query, limit=None, filter=filter, terms=False)
    ranked = [(docnum, float(score)) for score, docnum in first.top_n]
    words = feedback_words(searcher, ranked[:FEEDBACK_DOCS], exclude=query_words(query))
    if not words:
        return ranked, ()
    scores = dict(ranked)
    for docnum, score in _added_scores(searcher, words, filter).items():
        scores[docnum] = scores.get(docnum, 0.0) + score
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return ranked, tuple(word for word, _ in words)


def _added_scores(
    searcher: Searcher, words: list[tuple[str, float]], filter: wq.Query | None
) -> dict[int, float]:
    """Each paragraph's score for the weighted ``words`` alone, where ``filter`` allows.

    The postings are read directly: Whoosh's search of the same words as one query took
    28 ms at 100k paragraphs where this loop takes 11 ms, with the same scores.
    """
    scores: dict[int, float] = {}
    for segment, offset in searcher.leaf_searchers():
        reader = segment.reader()
        for word, weight in words:
            if (FIELD, word) not in reader:
                continue
            postings = segment.postings(FIELD, word)
            while postings.is_active():
                docnum = postings.id() + offset
                scores[docnum] = scores.get(docnum, 0.0) + weight * postings.score()
                postings.next()
    if filter is None:
        return scores
    allowed = set(searcher.docs_for_query(filter))
    return {docnum: score for docnum, score in scores.items() if docnum in allowed}


def query_words(query: wq.Query) -> frozenset[str]:
    """The ``content`` words a Whoosh query searches."""
    return frozenset(
        leaf.text
        for leaf in query.leaves()
        if isinstance(leaf, wq.Term) and leaf.fieldname == FIELD
    )


def feedback_words(
    searcher: Searcher, top: Ranked, *, exclude: Iterable[str] = ()
) -> list[tuple[str, float]]:
    """The words to add for the feedback paragraphs ``top`` (best first), with weights
    summing to ``FEEDBACK_WEIGHT``; none when ``top`` is empty."""
    reader = searcher.reader()
    most = FEEDBACK_MAX_SHARE * reader.doc_count_all()
    skip = frozenset(exclude) | STOPWORDS
    chosen: list[tuple[str, float]] = []
    for word, weight in _relevance_model(searcher, top):
        if word in skip or not _is_word(word):
            continue
        if FEEDBACK_MIN_DOCS <= reader.doc_frequency(FIELD, word) <= most:
            chosen.append((word, weight))
            if len(chosen) == FEEDBACK_TERMS:
                break
    total = sum(weight for _, weight in chosen)
    return [(word, FEEDBACK_WEIGHT * weight / total) for word, weight in chosen]


def _relevance_model(searcher: Searcher, top: Ranked) -> list[tuple[str, float]]:
    """Words of the paragraphs ``top``, heaviest first (ties by word)."""
    weights: defaultdict[str, float] = defaultdict(float)
    best = top[0][1] if top else 0.0
    for docnum, score in top:
        counts = Counter(analyze(FIELD, _searchable_text(searcher, docnum)))
        length = sum(counts.values()) or 1
        share = math.exp(score - best) / length
        for word, count in counts.items():
            weights[word] += share * count
    return sorted(weights.items(), key=lambda item: (-item[1], item[0]))


def _searchable_text(searcher: Searcher, docnum: int) -> str:
    # What the ``content`` field holds: the headline is part of first paragraphs only.
    stored = searcher.stored_fields(docnum)
    text: str = stored["text"]
    return f"{stored['headline']}\n{text}" if int(stored["position"]) == 0 else text


def _is_word(word: str) -> bool:
    # Numbers ("2", "1990") and single letters match too loosely to carry a topic.
    return len(word) > 1 and not word.isdigit()
