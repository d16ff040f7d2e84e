"""Kill `searchlib index` with SIGKILL at random moments and check the index every time.

Each round changes the sources (adds, edits and deletes pages, edits JSON Lines records),
starts an update in a child process and kills it after a random delay. The index must then
open, search, and hold exactly what its manifest lists (``Index.check``). At the end one
update runs to completion and must match an index built from scratch.

Usage:
    python bench/kill_loop.py [--rounds 50] [--records 2000] [--seed 1] [--work DIR]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import searchlib

ROOT = Path(__file__).resolve().parent.parent
SCALE = ROOT.parent / "shared" / "bench" / "scale" / "articles.jsonl.gz"
GROWTH = 1.1
PAGE = "{title}\n\nReporters said on day {n} that the {word} plan had been approved.\n\n{body}\n"


def _records(count: int) -> list[dict[str, object]]:
    with gzip.open(SCALE, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in itertools.islice(lines, count)]


def _mutate(src: Path, records: list[dict[str, object]], rng: random.Random, n: int) -> None:
    """Add a page, maybe edit or delete one, and edit a few records of the JSON Lines file."""
    long = [r for r in records if len(str(r["text"])) > 1500]
    body = "\n\n".join(str(rng.choice(long)["text"]).split("\n\n")[:3])
    word = rng.choice(["harbour", "railway", "budget", "bridge"])
    (src / f"page-{n}.txt").write_text(PAGE.format(title=f"Story {n}", n=n, word=word, body=body))
    pages = sorted(src.glob("page-*.txt"))
    if len(pages) > 3 and rng.random() < 0.5:
        rng.choice(pages[:-1]).unlink()
    for record in rng.sample(records, 5):
        record["text"] = f"{record['text']}\n\nUpdate {n}: the figures were revised."
    lines = (json.dumps(r) for r in records if rng.random() > 0.002)
    (src / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _update_command(index_path: Path, src: Path, *, rebuild: bool = False) -> list[str]:
    command = [sys.executable, "-m", "searchlib", "index", "--index", str(index_path), str(src)]
    return [*command, "--rebuild"] if rebuild else command


def _update(index_path: Path, src: Path) -> None:
    """Run one update to the end; exit status 1 (some file failed) is not an error here."""
    done = subprocess.run(_update_command(index_path, src), capture_output=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"update failed with exit status {done.returncode}")


def _kill_after(command: list[str], delay: float) -> float | None:
    """Run ``command``, SIGKILL it after ``delay`` s; how long it took if it finished first."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        proc.wait(timeout=delay)
        return time.perf_counter() - start
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return None


def _timed(index_path: Path, src: Path) -> float:
    start = time.perf_counter()
    _update(index_path, src)
    return time.perf_counter() - start


def _generation(index_path: Path) -> int:
    names = [p.name for p in index_path.glob("searchlib-manifest-*.json")]
    return max((int(n.split("-")[-1].split(".")[0]) for n in names), default=-1)


def _check(index_path: Path) -> int:
    with searchlib.Index(index_path, create=False) as index:
        index.search("plan approved", limit=5)
        return index.check()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="searchlib-kill-"))
    src, index_path = work / "src", work / "index"
    src.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    records = _records(args.records)
    _mutate(src, records, rng, 0)
    full = _timed(index_path, src)
    _mutate(src, records, rng, 0)
    step = _timed(index_path, src)
    print(f"full update {full:.2f} s, incremental {step:.2f} s; rebuilds in 1 round of 5")
    killed = committed = 0
    for n in range(1, args.rounds + 1):
        _mutate(src, records, rng, n)
        before = _generation(index_path)
        rebuild = rng.random() < 0.2
        command = _update_command(index_path, src, rebuild=rebuild)
        # Most delays fall late in the run, where the manifest and the commit are written.
        delay = rng.uniform(0.3, 1.3) * (full if rebuild else step)
        took = _kill_after(command, delay)
        finished = took is not None
        # Keep the delays centred on how long an update takes now: a run that finished
        # says so, and a run still going after ``delay`` takes at least that long.
        # Killed runs leave their work to the next, so the estimate also creeps up.
        if rebuild:
            full = took if took is not None else max(full * GROWTH, delay)
        else:
            step = took if took is not None else max(step * GROWTH, delay)
        articles = _check(index_path)
        killed += not finished
        committed += _generation(index_path) != before
        outcome = "finished" if finished else "killed"
        print(f"round {n}: {'rebuild' if rebuild else 'update'} {outcome}, {articles} articles, ok")
    _update(index_path, src)
    final = _check(index_path)
    fresh = work / "fresh"
    with searchlib.Index(fresh) as index:
        index.update([src])
        expected = (index.check(), index.paragraph_count())
    with searchlib.Index(index_path, create=False) as index:
        got = (final, index.paragraph_count())
    assert got == expected, f"after the kills {got} != fresh build {expected}"
    print(
        f"{args.rounds} rounds: {killed} killed mid-update, {committed} committed; every "
        f"check passed; final index matches a fresh build ({got[0]} articles, {got[1]} paragraphs)"
    )
    if args.work is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
