"""Shared helpers of the bench scripts: corpus subsets, timed subprocesses, tables.

The bench scripts measure searchlib only through its public API and its CLI, so they keep
working while the internals change. Figures are printed, never asserted.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_SCALE = REPO.parent / "shared" / "bench" / "scale"
if not SHARED_SCALE.exists():  # worktrees sit beside /work/shared too
    SHARED_SCALE = Path("/work/shared/bench/scale")
ARTICLES = SHARED_SCALE / "articles.jsonl.gz"
QUERIES = SHARED_SCALE / "queries.txt"
SEEDS = REPO / "seeds"
# Records per corpus file: about 5 MB of news text, far below the 64 MB source-file limit.
SHARD_RECORDS = 5_000


def paragraphs_of(record: dict[str, object]) -> list[str]:
    """The paragraphs of a corpus record: its text split on blank lines."""
    text = str(record.get("text") or "")
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def iter_records(path: Path = ARTICLES) -> Iterator[dict[str, object]]:
    """The records of a JSON Lines file, gzipped or not."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def take_paragraphs(
    records: Iterator[dict[str, object]], paragraphs: int, max_records: int = 10**9
) -> tuple[list[dict[str, object]], int]:
    """Whole records, in file order, until ``paragraphs`` paragraphs or ``max_records``."""
    taken: list[dict[str, object]] = []
    count = 0
    for record in records:
        taken.append(record)
        count += len(paragraphs_of(record))
        if count >= paragraphs or len(taken) >= max_records:
            break
    return taken, count


def write_jsonl(path: Path, records: Sequence[dict[str, object]]) -> None:
    """Write records as JSON Lines (the format ``searchlib index`` reads)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def write_shards(folder: Path, records: Sequence[dict[str, object]]) -> list[Path]:
    """Write records as numbered JSON Lines files of ``SHARD_RECORDS`` records each.

    Shards keep every file well under searchlib's size limit for one source file.
    """
    shards = []
    for number, start in enumerate(range(0, len(records), SHARD_RECORDS)):
        shard = folder / f"articles-{number:04d}.jsonl"
        write_jsonl(shard, records[start : start + SHARD_RECORDS])
        shards.append(shard)
    return shards


def iter_corpus(path: Path) -> Iterator[dict[str, object]]:
    """The records of one JSON Lines file or of every ``*.jsonl`` file of a folder, in order."""
    for part in sorted(path.glob("*.jsonl")) if path.is_dir() else [path]:
        yield from iter_records(part)


def read_queries(path: Path = QUERIES) -> list[str]:
    """The benchmark queries, one a line."""
    return [q.strip() for q in path.read_text(encoding="utf-8").splitlines() if q.strip()]


@dataclass(frozen=True)
class Run:
    """One finished subprocess: wall seconds, CPU seconds, peak RSS in MB, exit code."""

    wall_s: float
    cpu_s: float
    peak_mb: float
    code: int
    stdout: str = ""


def run_measured(
    argv: Sequence[str],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    capture: bool = True,
) -> Run:
    """Run ``argv`` and measure it alone with ``os.wait4``.

    CPU time is the child's own. Its peak RSS is too, unless the caller's peak so far was
    larger: Linux carries the parent's high-water mark over to the child, so a caller must
    not hold large data (a corpus) before measuring.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(argv),
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.stdout:
        proc.stdout.close()
    cpu = usage.ru_utime + usage.ru_stime
    return Run(wall, cpu, usage.ru_maxrss / 1024, proc.returncode, out)


def python_argv(*args: str) -> list[str]:
    """A command line running this interpreter."""
    return [sys.executable, *args]


def console_script(name: str) -> str:
    """The path of an installed console script beside this interpreter, else its bare name."""
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


def percentile(values: Sequence[float], pct: float) -> float:
    """The ``pct`` percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    rank = max(1, round(pct / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def median(values: Sequence[float]) -> float:
    """The median, or nan for no values."""
    return statistics.median(values) if values else float("nan")


def load() -> str:
    """The 1/5/15-minute load averages, to judge figures by."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f}/{five:.2f}/{fifteen:.2f}"


def fresh_dir(path: Path) -> Path:
    """An empty directory at ``path`` (removed first when it exists)."""
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def table(rows: Sequence[Sequence[str]], header: Sequence[str]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
