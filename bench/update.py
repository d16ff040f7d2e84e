"""Measure incremental updates: one new article on the scale corpus, no change on the seeds.

The first run builds the scale index (28,863 JSON Lines records, several minutes with
Whoosh) in the work directory; later runs reuse it. Each added article is removed again
afterwards, so the index stays the same between runs.

Usage:
    python bench/update.py [--work /tmp/searchlib-bench] [--repeat 5] [--build-only]
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import searchlib

ROOT = Path(__file__).resolve().parent.parent
SCALE = ROOT.parent / "shared" / "bench" / "scale" / "articles.jsonl.gz"
SEEDS = ROOT / "seeds"
NEW_ARTICLE = """Harbour trials of a tidal turbine begin

Engineers lowered the first tidal turbine of a planned array into the estuary on Tuesday,
starting trials that will run through the winter storms.

The operator said each unit of the array could power about a thousand homes once the
array is complete.
"""


def build(work: Path) -> Path:
    """The scale index, built from the corpus when the work directory has none."""
    source = work / "articles"
    index_path = work / "index"
    if searchlib.Index.exists(index_path):
        return index_path
    source.mkdir(parents=True, exist_ok=True)
    with gzip.open(SCALE, "rb") as packed, open(source / "articles.jsonl", "wb") as out:
        shutil.copyfileobj(packed, out)
    start = time.perf_counter()
    with searchlib.Index(index_path) as index:
        report = index.update([source])
        count = index.paragraph_count()
    took = time.perf_counter() - start
    print(f"build: {len(report.added)} files, {count} paragraphs in {took:.1f} s")
    return index_path


def _timed_cli(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    command = [sys.executable, "-m", "searchlib", *args]
    subprocess.run(command, check=True, env=env, capture_output=True)
    return time.perf_counter() - start


def one_new_article(index_path: Path, repeat: int) -> None:
    """Add one article file beside the corpus, update, remove it, update again."""
    source = index_path.parent / "articles"
    page = source / "new-article.txt"
    env = os.environ | {"SEARCHLIB_INDEX": str(index_path)}
    lib: list[float] = []
    cli: list[float] = []
    for n in range(repeat):
        page.write_text(NEW_ARTICLE.replace("Tuesday", f"day {n}"))
        start = time.perf_counter()
        with searchlib.Index(index_path) as index:
            report = index.update()
        lib.append(time.perf_counter() - start)
        assert len(report.added) == 1, report
        page.unlink()
        with searchlib.Index(index_path) as index:
            index.update()
        page.write_text(NEW_ARTICLE.replace("Tuesday", f"cli {n}"))
        cli.append(_timed_cli(["index"], env))
        page.unlink()
        _timed_cli(["index"], env)
    _print("add one article, library (open + update + close)", lib)
    _print("add one article, `python -m searchlib index` (whole process)", cli)


def one_changed_record(index_path: Path) -> None:
    """Edit one record of the JSON Lines corpus, update, then restore it and update again."""
    path = index_path.parent / "articles" / "articles.jsonl"
    original = path.read_bytes()
    first, rest = original.split(b"\n", 1)
    edited = first.replace(b'"text": "', b'"text": "Revised. ', 1) + b"\n" + rest
    try:
        path.write_bytes(edited)
        start = time.perf_counter()
        with searchlib.Index(index_path) as index:
            report = index.update()
        took = time.perf_counter() - start
        assert report.updated == (str(path),), report
    finally:
        path.write_bytes(original)
        with searchlib.Index(index_path) as index:
            index.update()
    print(f"edit one record of the 28,863 in the JSON Lines file, library: {took:.3f} s")


def no_change_on_scale(index_path: Path, repeat: int) -> None:
    """No-change updates of the scale index, whole process."""
    env = os.environ | {"SEARCHLIB_INDEX": str(index_path)}
    times = [_timed_cli(["index"], env) for _ in range(repeat)]
    _print("no-change update on the scale index, `python -m searchlib index`", times)


def no_change_on_seeds(repeat: int) -> None:
    """Index a copy of the seeds, then time no-change updates."""
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        shutil.copytree(SEEDS, seeds)
        env = os.environ | {"SEARCHLIB_INDEX": str(Path(tmp) / "index")}
        _timed_cli(["index", str(seeds)], env)
        times = [_timed_cli(["index"], env) for _ in range(repeat)]
    _print("no-change update on the seeds, `python -m searchlib index` (whole process)", times)


def _print(label: str, times: list[float]) -> None:
    print(
        f"{label}: median {statistics.median(times):.3f} s, "
        f"min {min(times):.3f} s, max {max(times):.3f} s over {len(times)} runs"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "searchlib-bench"
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args()
    index_path = build(args.work)
    if args.build_only:
        return
    no_change_on_seeds(args.repeat)
    one_new_article(index_path, args.repeat)
    no_change_on_scale(index_path, args.repeat)
    one_changed_record(index_path)


if __name__ == "__main__":
    main()
