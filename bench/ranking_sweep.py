"""Ranking sweeps: re-score a kept relevance-benchmark index offline under other BM25 designs.

Reads the postings and (one-byte) field lengths of indexes that ``bench/relevance.py --keep``
built, takes each query's words from searchlib's own query compiler, and scores every
document with numpy under the design asked for, so that a grid of k1, b and headline weights
runs in seconds instead of one full benchmark run each. With ``--design sum`` and today's
constants it reproduces ``bench/relevance.py --no-feedback`` (SciFact nDCG@10 within 0.001,
Recall@100 and Cranfield the same to 0.001); phrases in a query are left out. It scores
the first pass only: pseudo-relevance feedback is not part of it.

Designs (``tf_f``: the word's frequency in field f; ``B_f = 1 - b_f + b_f * len_f / avg_f``):

- ``sum``: today's engine, BM25(content) + w * BM25(title), each saturated on its own.
- ``bm25f``: ``x = tf_content / B_content + w * tf_title / B_title``, saturated once.
- ``bm25f-disjoint``: the same with the headline taken out of the content field.
- ``weighted``: the headline's words counted w more times in the content field.

Usage::

    python bench/relevance.py scifact --keep /tmp/ix-scifact
    python bench/relevance.py cranfield --keep /tmp/ix-cranfield
    python bench/ranking_sweep.py /tmp/ix-scifact /tmp/ix-cranfield --design bm25f-disjoint \\
        --k1 1.5 1.8 --b 0.75 0.9 --weight 1 2 3
"""

from __future__ import annotations

import argparse
import itertools
import math
import statistics
from pathlib import Path
from typing import Any

import numpy as np
import pytrec_eval
from relevance import DATA, MEASURES, _qrels, _records
from whoosh import index as whoosh_index
from whoosh import query as wq

import searchlib
from searchlib.engine.whoosh_query import compile_query
from searchlib.engine.whoosh_schema import BM25_B, BM25_K1
from searchlib.extraction import article_id
from searchlib.models import Metadata, Page
from searchlib.query import parse
from searchlib.query.aliases import expand

DESIGNS = ("sum", "bm25f", "bm25f-disjoint", "weighted")
DEPTH = 100


class Collection:
    """One kept benchmark index: lengths, postings on demand, queries and judgments."""

    def __init__(self, path: Path, name: str) -> None:
        self.searcher = whoosh_index.open_dir(str(path)).searcher()
        reader = self.searcher.reader()
        self.size = reader.doc_count_all()
        self.content = self._lengths("content")
        self.title = self._lengths("title")
        ids = {_article(r["id"]): r["id"] for r in _records(DATA / name / "corpus.jsonl")}
        articles = reader.column_reader("article_id")
        self.doc_ids = [ids[articles[d]] for d in range(self.size)]
        self.qrels = _qrels(DATA / name / "qrels.tsv")
        with searchlib.Index(path) as index:
            aliases = index._loaded_aliases()
        texts = {r["id"]: r["text"] for r in _records(DATA / name / "queries.jsonl")}
        self.queries = {
            qid: _words(compile_query(expand(parse(text), aliases)))
            for qid, text in texts.items()
            if qid in self.qrels
        }
        self._postings: dict[tuple[str, str], np.ndarray] = {}

    def _lengths(self, field: str) -> np.ndarray:
        length = self.searcher.doc_field_length
        return np.array([length(d, field, 0) for d in range(self.size)], dtype=float)

    def tf(self, field: str, word: str) -> np.ndarray:
        """The word's frequency in ``field`` of every document."""
        if (field, word) not in self._postings:
            tf = np.zeros(self.size)
            if (field, word) in self.searcher.reader():
                matcher = self.searcher.reader().postings(field, word)
                while matcher.is_active():
                    tf[matcher.id()] = matcher.weight()
                    matcher.next()
            self._postings[(field, word)] = tf
        return self._postings[(field, word)]


def _article(corpus_id: str) -> str:
    return article_id(Page(source="", text="", supplied=Metadata(id=corpus_id)), None)


def _words(query: Any) -> list[str]:
    return [
        leaf.text
        for leaf in query.leaves()
        if isinstance(leaf, wq.Term) and leaf.fieldname == "content"
    ]


def _norm(lengths: np.ndarray, b: float, docs: int) -> np.ndarray:
    return 1 - b + b * lengths / (lengths.sum() / docs or 1)


def _idf(size: int, tf: np.ndarray) -> float:
    df = int(np.count_nonzero(tf))
    return math.log(1 + (size - df + 0.5) / (df + 0.5))


def _saturate(x: np.ndarray, k1: float) -> np.ndarray:
    return x * (k1 + 1) / (x + k1)


def score(
    c: Collection, words: list[str], design: str, k1: float, b: float, w: float, title_b: float
) -> Any:
    """Every document's score for the query ``words`` under ``design``."""
    body = np.maximum(c.content - c.title, 1)
    total = np.zeros(c.size)
    for word in words:  # a repeated word counts again, as in the engine
        tf_c, tf_t = c.tf("content", word), c.tf("title", word)
        if not tf_c.any():
            continue
        idf = _idf(c.size, tf_c)
        norm_c, norm_t = _norm(c.content, b, c.size), _norm(c.title, title_b, c.size)
        if design == "sum":
            title = _idf(c.size, tf_t) * _saturate(tf_t / norm_t, k1) if tf_t.any() else 0
            total += idf * _saturate(tf_c / norm_c, k1) + w * title
        elif design == "bm25f":
            total += idf * _saturate(tf_c / norm_c + w * tf_t / norm_t, k1)
        elif design == "bm25f-disjoint":
            tf_body = np.maximum(tf_c - tf_t, 0) / _norm(body, b, c.size)
            total += idf * _saturate(tf_body + w * tf_t / norm_t, k1)
        else:
            total += idf * _saturate((tf_c + w * tf_t) / norm_c, k1)
    return total


def evaluate(c: Collection, design: str, *grid_point: float) -> dict[str, float]:
    """nDCG@10 and Recall@100 of one design and (k1, b, w, title_b) over all queries."""
    run: dict[str, dict[str, float]] = {}
    for qid, words in c.queries.items():
        scores = score(c, words, design, *grid_point)
        matched = np.nonzero(scores)[0]
        ranked = matched[np.lexsort((matched, -scores[matched]))][:DEPTH]
        run[qid] = {c.doc_ids[d]: float(scores[d]) for d in ranked}
    per_query = pytrec_eval.RelevanceEvaluator(c.qrels, MEASURES).evaluate(run)
    return {
        m: statistics.fmean(q[m.replace(".", "_")] for q in per_query.values()) for m in MEASURES
    }


def main() -> None:
    """Print SciFact and Cranfield figures for every point of the grid asked for."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scifact", type=Path, help="kept SciFact index")
    parser.add_argument("cranfield", type=Path, help="kept Cranfield index")
    parser.add_argument("--design", choices=DESIGNS, default="sum")
    parser.add_argument("--k1", type=float, nargs="+", default=[BM25_K1])
    parser.add_argument("--b", type=float, nargs="+", default=[BM25_B])
    parser.add_argument("--weight", type=float, nargs="+", default=[0.2], help="headline")
    parser.add_argument("--title-b", type=float, nargs="+", default=[BM25_B])
    args = parser.parse_args()
    scifact, cranfield = (
        Collection(args.scifact, "scifact"),
        Collection(args.cranfield, "cranfield"),
    )
    for k1, b, w, tb in itertools.product(args.k1, args.b, args.weight, args.title_b):
        s, c = (evaluate(x, args.design, k1, b, w, tb) for x in (scifact, cranfield))
        print(
            f"{args.design} k1 {k1:g} b {b:g} w {w:g} title b {tb:g}: "
            f"SciFact nDCG@10 {s['ndcg_cut.10']:.4f} "
            f"R@100 {s['recall.100']:.4f}  Cranfield nDCG@10 {c['ndcg_cut.10']:.4f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
