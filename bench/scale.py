"""Scale benchmark: searchlib against raw Whoosh on real news articles, printed as a table.

Measures, in one run and on one corpus subset:

1. ``searchlib index`` as a subprocess (wall, CPU, peak RSS, paragraphs/s), and
   ``Index.update(dry_run=True)`` (read + extract + documents, nothing written) in another
   subprocess; the index stage is the difference of the two;
2. raw Whoosh at its best configuration (bench/whoosh_baseline.py) on the same records;
3. query latency p50/p95 with snippets for the queries of queries.txt, through the library
   (one ``Index`` reused), through raw Whoosh, and through the CLI (a process per query);
4. a cold ``search "artillery shells"`` on a temp copy of the seeds with a pre-built index,
   beside the import time of Whoosh (its floor) and of a bare interpreter;
5. one new article into the built index, through the CLI and through the library.

Examples::

    python bench/scale.py --paragraphs 100000 --workdir /tmp/bench100k
    python bench/scale.py --quick --records 300
    python bench/scale.py --corpus /tmp/synthetic-1m.jsonl --paragraphs 1000000  # synthetic
    python bench/scale.py --workdir /tmp/bench100k --steps query,cli --reuse
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import shutil
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    ARTICLES,
    SEEDS,
    Run,
    console_script,
    fresh_dir,
    iter_records,
    load,
    median,
    percentile,
    python_argv,
    read_queries,
    run_measured,
    table,
    take_paragraphs,
    write_jsonl,
    write_shards,
)

import searchlib  # noqa: E402

BASELINE = str(Path(__file__).resolve().parent / "whoosh_baseline.py")
ALL_STEPS = ("build", "extract", "whoosh", "query", "cli", "cold", "add")
COLD_QUERY = "artillery shells"
COLD_FLOOR = "import whoosh.index, whoosh.searching, whoosh.query"
DRY_RUN = "import sys, searchlib; searchlib.Index(sys.argv[1]).update([sys.argv[2]], dry_run=True)"
SPARE_RECORDS = 2


class Bench:
    """One benchmark run: a corpus subset in ``workdir`` and the figures measured on it."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.work = Path(args.workdir)
        self.src = self.work / "src"
        self.index = self.work / "searchlib-index"
        self.figures: dict[str, Any] = {"load_start": load(), "corpus": str(args.corpus)}
        self.rows: list[list[str]] = []

    # -- corpus ------------------------------------------------------------------------

    def prepare(self) -> None:
        """Write the subset (and spare records for step 5) unless ``--reuse`` finds them."""
        meta = self.work / "corpus.json"
        if self.args.reuse and meta.exists():
            self.figures.update(json.loads(meta.read_text()))
            return
        fresh_dir(self.work)
        # In a child process: Linux reports a child's peak RSS as at least the parent's peak
        # before it started, so a bench that held the corpus would inflate the build's peak
        # (567 MB instead of 404 MB at 1M paragraphs).
        args = (Path(self.args.corpus), self.args.paragraphs, self.args.records, self.work)
        child = multiprocessing.get_context("spawn").Process(target=_write_subset, args=args)
        child.start()
        child.join()
        if child.exitcode != 0:
            raise SystemExit(f"could not write the corpus subset (exit {child.exitcode})")
        self.figures.update(json.loads(meta.read_text()))

    # -- 1 and 2: building -------------------------------------------------------------

    def step_build(self) -> None:
        fresh_dir(self.index)
        argv = python_argv("-m", "searchlib", "index", str(self.src), "--index", str(self.index))
        run = run_measured([*argv, "--json"])
        failed = _failed(run)
        with searchlib.Index(self.index, create=False) as ix:
            count = ix.paragraph_count()
        self.figures.update(build=run.__dict__ | {"stdout": ""}, indexed_paragraphs=count)
        self.figures["failed_records"] = failed
        self.row(
            "1 searchlib index (full pipeline)",
            f"{count / run.wall_s:,.0f} para/s",
            ">= 350",
            self._run_text(run) + f"; {failed} records failed",
            "python -m searchlib index SRC --index DIR --json",
        )
        self.row(
            "1 peak RSS, searchlib index",
            f"{run.peak_mb:,.0f} MB",
            "<= 500",
            "",
            "os.wait4 rusage of that child",
        )

    def step_extract(self) -> None:
        with tempfile.TemporaryDirectory() as scratch:
            run = run_measured(python_argv("-c", DRY_RUN, scratch, str(self.src)))
        self.figures["extract"] = run.__dict__ | {"stdout": ""}
        count = self.figures.get("indexed_paragraphs") or self.figures["paragraphs_in_records"]
        self.row(
            "1 read+extract only (update dry_run)",
            f"{count / run.wall_s:,.0f} para/s",
            "",
            self._run_text(run),
            "Index(tmp).update([SRC], dry_run=True)",
        )
        build = self.figures.get("build")
        if build:
            stage, cpu = build["wall_s"] - run.wall_s, build["cpu_s"] - run.cpu_s
            self.row(
                "1 index stage (full - dry run)",
                f"{count / stage:,.0f} para/s",
                "",
                f"wall {stage:.1f} s, CPU {cpu:.1f} s",
                "difference of the two rows above",
            )

    def step_whoosh(self) -> None:
        for neg in self.args.whoosh_variants:
            name = "whoosh-best" + ("+negcache" if neg else "")
            target = fresh_dir(self.work / name)
            argv = python_argv(BASELINE, "build", str(self.src), str(target))
            run = run_measured(argv + (["--neg-cache"] if neg else []))
            inner = json.loads(run.stdout)
            self.figures[name] = run.__dict__ | {"stdout": inner}
            para = inner["paragraphs"]
            self.row(
                f"2 raw {name} build",
                f"{para / run.wall_s:,.0f} para/s",
                "",
                self._run_text(run) + f", writer {inner['seconds']:.1f} s",
                f"python bench/whoosh_baseline.py build SRC DIR{' --neg-cache' if neg else ''}",
            )
            self.row(f"2 peak RSS, raw {name}", f"{run.peak_mb:,.0f} MB", "", "", "")
            self._ratios(name, inner)

    def _ratios(self, name: str, inner: dict[str, Any]) -> None:
        """Overhead by wall time (hurt by load) and by CPU time (what the process itself did)."""
        build, extract = self.figures.get("build"), self.figures.get("extract")
        if not (build and extract):
            return
        theirs = self.figures[name]
        per_para = inner["paragraphs"] / self.figures["indexed_paragraphs"]
        stage_wall = build["wall_s"] - extract["wall_s"]
        stage_cpu = build["cpu_s"] - extract["cpu_s"]
        for label, ours, base in (
            ("wall", stage_wall, inner["seconds"]),
            ("CPU", stage_cpu, theirs["cpu_s"]),
        ):
            self.row(
                f"2 searchlib index stage / {name}, {label}",
                f"{ours / base:.2f}x",
                "<= 1.2x",
                f"{ours:.1f} s / {base:.1f} s; per indexed paragraph {ours / base * per_para:.2f}x",
                "stage = full - dry run; Whoosh: writer time (wall) or whole process (CPU)",
            )
        ratio = build["cpu_s"] / theirs["cpu_s"]
        self.row(f"2 searchlib full / {name} full, CPU", f"{ratio:.2f}x", "", "", "")

    # -- 3: queries ----------------------------------------------------------------------

    def _queries(self, limit: int) -> list[str]:
        return read_queries()[: limit or None]

    def step_query(self) -> None:
        queries = self._queries(self.args.queries)
        times: list[float] = []
        with searchlib.Index(self.index, create=False) as ix:
            for text in queries:
                start = time.perf_counter()
                results = ix.search(text, limit=10)
                _ = [hit.snippet for hit in results.hits]
                times.append(time.perf_counter() - start)
        self._latency(
            "3 library query (one Index reused)",
            times,
            "Index.search(q, limit=10)",
            target="<= 15 / <= 60",
        )
        if self.whoosh_index_exists():
            argv = python_argv(BASELINE, "query", str(self._whoosh_dir()))
            run = run_measured(argv + ["--queries", str(self.args.queries)])
            self._latency(
                "3 raw Whoosh query (one searcher)",
                json.loads(run.stdout)["seconds"],
                "bench/whoosh_baseline.py query DIR",
            )

    def whoosh_index_exists(self) -> bool:
        return self._whoosh_dir().exists()

    def _whoosh_dir(self) -> Path:
        negcache = self.work / "whoosh-best+negcache"
        return negcache if negcache.exists() else self.work / "whoosh-best"

    def step_cli(self) -> None:
        queries = self._queries(self.args.cli_queries)
        script = console_script("search")
        times = [run_measured([script, q, "--index", str(self.index)]).wall_s for q in queries]
        self._latency(
            f"3 CLI query, process per query ({len(times)} q)", times, "search Q --index DIR"
        )

    def _latency(self, name: str, times: list[float], how: str, target: str = "") -> None:
        p50, p95 = percentile(times, 50) * 1000, percentile(times, 95) * 1000
        self.figures[name] = {"p50_ms": p50, "p95_ms": p95, "n": len(times)}
        self.row(name, f"{p50:.1f} / {p95:.1f} ms", target, f"p50 / p95 of {len(times)}", how)

    # -- 4: cold start -------------------------------------------------------------------

    def step_cold(self) -> None:
        runs = self.args.cold_runs
        with tempfile.TemporaryDirectory() as scratch:
            home = Path(scratch)
            shutil.copytree(SEEDS, home / "seeds")
            run_measured(python_argv("-m", "searchlib", "index", "seeds"), cwd=home)
            script = console_script("search")
            cold = [run_measured([script, COLD_QUERY], cwd=home).wall_s for _ in range(runs)]
        floor = [run_measured(python_argv("-c", COLD_FLOOR)).wall_s for _ in range(runs)]
        bare = [run_measured(python_argv("-c", "pass")).wall_s for _ in range(runs)]
        self.row(
            f'4 cold search "{COLD_QUERY}" on seeds',
            f"{median(cold):.3f} s",
            "<= 0.6",
            f"median of {runs}, min {min(cold):.3f}",
            "search 'artillery shells' (cwd: copy)",
        )
        self.row(
            "4 floor: import whoosh",
            f"{median(floor):.3f} s",
            "",
            f"median of {runs}",
            f'python -c "{COLD_FLOOR}"',
        )
        self.row(
            "4 floor: bare interpreter",
            f"{median(bare):.3f} s",
            "",
            f"median of {runs}",
            'python -c "pass"',
        )
        self.figures["cold"] = {"search": cold, "whoosh_import": floor, "bare": bare}

    # -- 5: one new article --------------------------------------------------------------

    def step_add(self) -> None:
        spares = list(iter_records(self.work / "spares.jsonl"))
        added = [self.src / f"new-{i}.jsonl" for i in range(len(spares))]
        write_jsonl(added[0], spares[:1])
        argv = python_argv("-m", "searchlib", "index", str(self.src), "--index", str(self.index))
        run = run_measured(argv)
        self.row(
            "5 one new article, CLI",
            f"{run.wall_s:.3f} s",
            "<= 0.5",
            self._run_text(run),
            "write new .jsonl; python -m searchlib index SRC --index DIR",
        )
        write_jsonl(added[1], spares[1:2])
        start = time.perf_counter()
        ix = searchlib.Index(self.index, create=False)
        opened = time.perf_counter()
        ix.update([self.src])
        done = time.perf_counter()
        ix.close()
        self.row(
            "5 one new article, library",
            f"{done - start:.3f} s",
            "<= 0.5",
            f"open {opened - start:.3f} s + update {done - opened:.3f} s",
            "Index(DIR).update([SRC])",
        )
        self.figures["add"] = {"cli": run.__dict__, "lib_s": done - start}
        for path in added:
            path.unlink()
        with searchlib.Index(self.index, create=False) as restore:
            restore.update([self.src])

    # -- output --------------------------------------------------------------------------

    @staticmethod
    def _run_text(run: Any) -> str:
        return f"wall {run.wall_s:.1f} s, CPU {run.cpu_s:.1f} s"

    def row(self, name: str, value: str, target: str, detail: str, how: str) -> None:
        self.rows.append([name, value, target, detail, f"`{how}`" if how else ""])

    def report(self) -> str:
        self.figures["load_end"] = load()
        head = (
            f"corpus: {self.figures['corpus']} -> {self.figures.get('records')} records, "
            f"{self.figures.get('paragraphs_in_records')} paragraphs split on blank lines, "
            f"{self.figures.get('indexed_paragraphs', '?')} indexed by searchlib\n"
            f"load average (1/5/15 min): start {self.figures['load_start']}, "
            f"end {self.figures['load_end']}\n"
        )
        header = ["measure", "value", "target", "detail", "how"]
        return head + table(self.rows, header)


def _write_subset(corpus: Path, paragraphs: int, records: int | None, work: Path) -> None:
    """Write the subset's shards, the spare records for step 5 and ``corpus.json``."""
    stream = iter_records(corpus)
    taken, count = take_paragraphs(stream, paragraphs, records)
    spares = list(islice(stream, SPARE_RECORDS))
    while len(spares) < SPARE_RECORDS:  # the corpus ran out: hold back its last records
        spares.append(taken.pop())
    write_shards(work / "src", taken)
    write_jsonl(work / "spares.jsonl", spares)
    info = {"records": len(taken), "paragraphs_in_records": count}
    (work / "corpus.json").write_text(json.dumps(info))


def _failed(run: Run) -> int:
    """How many sources the index run could not read; stop when it did not run at all."""
    if run.code not in (0, 1):
        raise SystemExit(f"searchlib index exited with {run.code}")
    report = json.loads(run.stdout)
    if not report["added"] and report["failed"]:
        raise SystemExit(f"searchlib index read nothing: {report['failed'][0]}")
    return len(report["failed"])


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ARTICLES), help="JSON Lines file, may be .gz")
    parser.add_argument("--paragraphs", type=int, default=100_000)
    parser.add_argument("--records", type=int, default=10**9, help="cap on whole records")
    parser.add_argument("--workdir", default=str(Path(tempfile.gettempdir()) / "searchlib-bench"))
    parser.add_argument("--reuse", action="store_true", help="keep the corpus (and indexes)")
    parser.add_argument("--steps", default=",".join(ALL_STEPS))
    parser.add_argument("--queries", type=int, default=0, help="first N queries (0: all)")
    parser.add_argument("--cli-queries", type=int, default=0, help="first N for the CLI")
    parser.add_argument("--cold-runs", type=int, default=7)
    parser.add_argument(
        "--neg-cache",
        action="store_true",
        help="also build raw Whoosh with the has_column negative cache",
    )
    parser.add_argument("--quick", action="store_true", help="small smoke run")
    parser.add_argument("--json", dest="json_out", help="also write the figures here")
    args = parser.parse_args(argv)
    if args.quick:
        args.paragraphs = min(args.paragraphs, 2_000)
        args.queries = args.queries or 20
        args.cli_queries = args.cli_queries or 3
        args.cold_runs = 1
    args.whoosh_variants = [False, True] if args.neg_cache else [False]
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    bench = Bench(args)
    bench.prepare()
    steps = [s.strip() for s in args.steps.split(",") if s.strip()]
    unknown = set(steps) - set(ALL_STEPS)
    if unknown:
        raise SystemExit(f"unknown steps: {', '.join(sorted(unknown))}")
    if not bench.index.exists() and set(steps) & {"query", "cli", "add"} and "build" not in steps:
        steps.insert(0, "build")
    for step in ALL_STEPS:
        if step in steps:
            getattr(bench, f"step_{step}")()
            print(f"[{time.strftime('%H:%M:%S')}] {step} done, load {load()}", file=sys.stderr)
    print(bench.report())
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(bench.figures, indent=1, default=str))


if __name__ == "__main__":
    main()
