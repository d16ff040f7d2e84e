"""Raw Whoosh at its best configuration: the floor searchlib's overhead is measured against.

The configuration follows ../shared/bench/scale/README.md: one writer and one commit,
``limitmb=256``, a lean analyzer (the same Porter2 stemmer searchlib uses, so that the ratio
measures overhead rather than linguistic choices), no stored copies of fields that are not
shown, a lean schema (paragraph position STORED, date as a ``YYYY-MM-DD`` ID string), and
optionally the negative cache of ``has_column`` that Whoosh 2.7.x lacks.

Run as a script so that it is measured in its own process::

    python bench/whoosh_baseline.py build CORPUS_FILE_OR_DIR INDEX_DIR [--neg-cache]
    python bench/whoosh_baseline.py query INDEX_DIR [--queries N]

Each prints one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from whoosh import fields, highlight, index, scoring
from whoosh.analysis import Analyzer, LowercaseFilter, RegexTokenizer, StemFilter
from whoosh.codec import whoosh3
from whoosh.lang.porter2 import stem
from whoosh.qparser import AndGroup, MultifieldParser

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import iter_corpus, paragraphs_of, read_queries  # noqa: E402

LIMIT_MB = 256
STEM_CACHE = 100_000
FRAGMENT_CHARS = 160
FRAGMENT_SURROUND = 40


def lean_analyzer() -> Analyzer:
    """Words, lower-cased, Porter2 stems with a cache."""
    return RegexTokenizer() | LowercaseFilter() | StemFilter(stemfn=stem, cachesize=STEM_CACHE)


def lean_schema() -> fields.Schema:
    """Only what a hit shows is stored; position and date cost no trie fields."""
    text = lean_analyzer()
    return fields.Schema(
        article_id=fields.ID(stored=True),
        position=fields.STORED(),
        title=fields.TEXT(analyzer=text, stored=True),
        text=fields.TEXT(analyzer=text, stored=True),
        outlet=fields.ID(stored=True),
        author=fields.ID(stored=True),
        date=fields.ID(stored=True),
    )


def install_negative_cache() -> None:
    """Remember that a column file is absent (segment files never change once written)."""

    def cached_reader(self: Any, fieldname: str, column: Any) -> Any:
        try:
            return self._readers[fieldname]
        except KeyError:
            pass
        found = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = found
        return found

    whoosh3.W3PerDocReader._cached_reader = cached_reader


def build(corpus: Path, target: Path) -> dict[str, Any]:
    """Index every paragraph of ``corpus`` (a file or folder) with one writer, one commit."""
    target.mkdir(parents=True, exist_ok=True)
    ix = index.create_in(str(target), lean_schema())
    start = time.perf_counter()
    writer = ix.writer(limitmb=LIMIT_MB)
    count = 0
    for record in iter_corpus(corpus):
        for position, paragraph in enumerate(paragraphs_of(record)):
            writer.add_document(
                article_id=str(record["id"]),
                position=position,
                title=str(record.get("title") or ""),
                text=paragraph,
                outlet=str(record.get("outlet") or ""),
                author=str(record.get("author") or ""),
                date=str(record.get("date") or ""),
            )
            count += 1
    writer.commit()
    return {"paragraphs": count, "seconds": time.perf_counter() - start}


def query(target: Path, queries: list[str]) -> dict[str, Any]:
    """Time each query with a reused searcher, ten hits and one snippet per hit."""
    ix = index.open_dir(str(target))
    parser = MultifieldParser(["title", "text"], ix.schema, group=AndGroup)
    times: list[float] = []
    with ix.searcher(weighting=scoring.BM25F()) as searcher:
        for text in queries:
            start = time.perf_counter()
            results = searcher.search(parser.parse(text), limit=10)
            results.fragmenter = highlight.ContextFragmenter(
                maxchars=FRAGMENT_CHARS, surround=FRAGMENT_SURROUND
            )
            for hit in results:
                hit.highlights("text", top=1)
            times.append(time.perf_counter() - start)
    return {"seconds": times}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("corpus", type=Path)
    b.add_argument("target", type=Path)
    b.add_argument("--neg-cache", action="store_true")
    q = sub.add_parser("query")
    q.add_argument("target", type=Path)
    q.add_argument("--queries", type=int, default=0, help="only the first N queries")
    args = parser.parse_args()
    if args.command == "build":
        if args.neg_cache:
            install_negative_cache()
        print(json.dumps(build(args.corpus, args.target)))
    else:
        queries = read_queries()
        print(json.dumps(query(args.target, queries[: args.queries or None])))


if __name__ == "__main__":
    main()
