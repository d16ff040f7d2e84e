"""Where the time goes: cProfile of searchlib and of raw Whoosh, grouped by layer.

Profiles, in this process, ``Index.update`` (build) and ``Index.search`` over the benchmark
queries, and the same work through bench/whoosh_baseline.py, then prints seconds by layer
(searchlib modules, Whoosh packages, C builtins) and the costliest functions.

Example::

    python bench/profiling.py --paragraphs 20000 --workdir /tmp/profile20k
    python bench/profiling.py --quick --records 200
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import whoosh_baseline  # noqa: E402
from _common import (  # noqa: E402
    ARTICLES,
    fresh_dir,
    iter_records,
    load,
    read_queries,
    take_paragraphs,
    write_shards,
)

import searchlib  # noqa: E402

# Path fragments to layer names, first match wins; builtins have no file ("~").
LAYERS = (
    ("searchlib/extract", "searchlib extract"),
    ("searchlib/read", "searchlib read"),
    ("searchlib/engine", "searchlib engine adapter"),
    ("searchlib/snippet", "searchlib snippet"),
    ("searchlib/query", "searchlib query parse"),
    ("searchlib/", "searchlib other"),
    ("whoosh/lang", "whoosh stemming"),
    ("whoosh/analysis", "whoosh analysis"),
    ("whoosh/highlight", "whoosh highlight"),
    ("whoosh/codec", "whoosh codec (segment write/read)"),
    ("whoosh/filedb", "whoosh filedb"),
    ("whoosh/writing", "whoosh writing"),
    ("whoosh/util", "whoosh util"),
    ("whoosh/", "whoosh other"),
    ("slugify", "slugify"),
    ("charset_normalizer", "charset_normalizer"),
    ("json/", "json"),
    ("~", "C builtins (re, str, os...)"),
)
TOP = 25


def layer(filename: str) -> str:
    for fragment, name in LAYERS:
        if fragment in filename:
            return name
    return "python stdlib/other"


def by_layer(stats: pstats.Stats) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        totals[layer(filename)] += tottime
    return dict(totals)


def profiled(title: str, work: Callable[[], Any]) -> None:
    profile = cProfile.Profile()
    profile.runcall(work)
    stats = pstats.Stats(profile)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"\n## {title}: {total:.2f} s under cProfile (load {load()})\n")
    print("| layer | self s | share |\n|---|---|---|")
    for name, seconds in sorted(by_layer(stats).items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {seconds:.2f} | {seconds / total:.0%} |")
    print(f"\nTop {TOP} functions by own time:\n```")
    stats.sort_stats("tottime").print_stats(TOP)
    print("```")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=20_000)
    parser.add_argument("--records", type=int, default=10**9)
    parser.add_argument("--workdir", default=str(Path(tempfile.gettempdir()) / "searchlib-prof"))
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--what", default="build,query", help="build, query or both")
    args = parser.parse_args()
    if args.quick:
        args.paragraphs = min(args.paragraphs, 1_000)
    work = Path(args.workdir)
    what = set(args.what.split(","))
    corpus = work / "src"
    if "build" in what or not corpus.exists():
        fresh_dir(work)
        taken, _ = take_paragraphs(iter_records(ARTICLES), args.paragraphs, args.records)
        write_shards(corpus, taken)
    ours, theirs = work / "searchlib-index", work / "whoosh-index"
    if "build" in what:
        fresh_dir(ours)
        with searchlib.Index(ours) as ix:
            profiled("searchlib Index.update (build)", lambda: ix.update([corpus]))
        fresh_dir(theirs)
        profiled("raw Whoosh best build", lambda: whoosh_baseline.build(corpus, theirs))
    if "query" in what:
        queries = read_queries()
        with searchlib.Index(ours, create=False) as ix:
            profiled(
                "searchlib Index.search x queries",
                lambda: [ix.search(q, limit=10) for q in queries],
            )
        profiled(
            "raw Whoosh queries with highlights", lambda: whoosh_baseline.query(theirs, queries)
        )


if __name__ == "__main__":
    main()
