"""Relevance benchmark: searchlib's own ingest, index and search over BEIR SciFact and Cranfield.

Each corpus (``../shared/bench/relevance/<name>/corpus.jsonl``) is written as JSON Lines
records (id, title, text) into a temporary folder, indexed with ``Index.update`` and queried
with ``Index.search(per_article=True)``, searchlib's defaults otherwise (pseudo-relevance
feedback on): an article (one benchmark document) is scored by its best paragraph. Prints
nDCG@10 and Recall@100 (pytrec-eval-terrier) and, for SciFact's long natural-language
queries, the p50 and p95 query latency.

Usage::

    python bench/relevance.py                 # both collections
    python bench/relevance.py scifact --keep /tmp/scifact-index
    python bench/relevance.py --no-feedback   # without pseudo-relevance feedback
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytrec_eval

import searchlib
from searchlib.extraction import article_id
from searchlib.models import Metadata, Page

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "bench" / "relevance"
COLLECTIONS = ("scifact", "cranfield")
DEPTH = 100
MEASURES = {"ndcg_cut.10", "recall.100"}


def _records(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def _write_corpus(source: Path, target: Path) -> dict[str, str]:
    """Write the corpus as searchlib JSON Lines; return article id -> corpus id."""
    ids: dict[str, str] = {}
    with target.open("w", encoding="utf-8") as out:
        for record in _records(source):
            if not record.get("text", "").strip():
                continue  # searchlib refuses a record without text
            row = {"id": record["id"], "title": record.get("title", ""), "text": record["text"]}
            out.write(json.dumps(row) + "\n")
            page = Page(source="", text="", supplied=Metadata(id=record["id"]))
            ids[article_id(page, None)] = record["id"]
    return ids


def _qrels(path: Path) -> dict[str, dict[str, int]]:
    qrels: dict[str, dict[str, int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[2].strip().lstrip("-").isdigit():
            qrels.setdefault(parts[0], {})[parts[1]] = int(parts[2])
    return qrels


def _run(
    index: searchlib.Index, queries: dict[str, str], ids: dict[str, str], feedback: bool
) -> tuple[dict[str, dict[str, float]], list[float]]:
    run: dict[str, dict[str, float]] = {}
    times: list[float] = []
    for qid, text in queries.items():
        began = time.perf_counter()
        try:
            results = index.search(text, limit=DEPTH, per_article=True, feedback=feedback)
        except searchlib.QueryError as exc:
            print(f"  query {qid}: {exc}", file=sys.stderr)
            run[qid] = {}
            continue
        times.append(time.perf_counter() - began)
        run[qid] = {ids.get(h.article_id, h.article_id): h.score for h in results.hits}
    return run, times


def bench(name: str, keep: Path | None, *, feedback: bool = True) -> dict[str, float]:
    """Index and query one collection; return its figures."""
    folder = DATA / name
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / f"{name}.jsonl"
        ids = _write_corpus(folder / "corpus.jsonl", corpus)
        index_path = keep or Path(tmp) / "index"
        began = time.perf_counter()
        with searchlib.Index(index_path) as index:
            if index.paragraph_count() == 0:
                report = index.update([corpus])
                if report.failed or report.skipped:
                    print(f"  {len(report.failed)} failed, {len(report.skipped)} skipped")
            indexed = time.perf_counter() - began
            qrels = _qrels(folder / "qrels.tsv")
            queries = {r["id"]: r["text"] for r in _records(folder / "queries.jsonl")}
            queries = {qid: text for qid, text in queries.items() if qid in qrels}
            index.search(next(iter(queries.values())))  # warm the searcher
            run, times = _run(index, queries, ids, feedback)
    per_query = pytrec_eval.RelevanceEvaluator(qrels, MEASURES).evaluate(run)
    figures = {
        m: statistics.fmean(scores[m.replace(".", "_")] for scores in per_query.values())
        for m in MEASURES
    }
    figures |= {"index_s": indexed, "p50_ms": 1000 * statistics.median(times)}
    figures["p95_ms"] = 1000 * statistics.quantiles(times, n=20)[-1]
    return figures


def main() -> None:
    """Run the collections named on the command line (default: all) and print figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("collections", nargs="*", default=list(COLLECTIONS))
    parser.add_argument("--keep", type=Path, help="index folder to reuse (one collection)")
    parser.add_argument(
        "--no-feedback", action="store_true", help="search without pseudo-relevance feedback"
    )
    args = parser.parse_args()
    for name in args.collections:
        f = bench(name, args.keep, feedback=not args.no_feedback)
        print(
            f"{name:10} nDCG@10 {f['ndcg_cut.10']:.4f}  Recall@100 {f['recall.100']:.4f}  "
            f"index {f['index_s']:.1f} s  query p50 {f['p50_ms']:.1f} ms  p95 {f['p95_ms']:.1f} ms",
            flush=True,
        )


if __name__ == "__main__":
    main()
