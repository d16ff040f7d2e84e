"""Measure extraction on ../shared/bench/extraction: the scorer's figures and ms per page.

Runs ``searchlib.extract`` over ``pages/`` (sets aeb, traf, hd) and ``pages_trim/`` (aeb),
writes predictions in the scorer's format to a temporary folder, runs ``score.py`` on each
and prints its figures, then the mean and median extraction time per page.

Tuning discipline: ``--half A`` or ``--half B`` scores one fixed half of the page ids (split
by a hash of the id), so rules can be developed on one half and confirmed on the other.

``--pages N`` also lists the N worst aeb pages (pages_trim) by body token F1, with their
paragraph precision and recall, to show where the losses are.

Usage:
    python bench/extraction.py [--half A|B] [--set aeb --set traf --set hd] [--sample N]
        [--pages N] [--keep DIR]

``--keep DIR`` writes the predictions to DIR (kept after the run) instead of a temporary
folder, so two versions of the extractor can be compared with ``diff -r``.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import searchlib
from searchlib.errors import SearchlibError
from searchlib.models import Article

BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "extraction"
SETS = ("aeb", "traf", "hd")


def in_half(page_id: str, half: str | None) -> bool:
    """True when ``page_id`` belongs to ``half`` (None: every page)."""
    if half is None:
        return True
    bucket = hashlib.blake2b(page_id.encode(), digest_size=1).digest()[0] % 2
    return bucket == (0 if half == "A" else 1)


def page_ids(
    folder: Path, sets: tuple[str, ...], half: str | None, sample: int | None
) -> list[str]:
    """The ids of the pages to run, by set prefix and half."""
    ids: list[str] = []
    for name in sets:
        chosen = [p.stem for p in sorted(folder.glob(f"{name}_*.txt")) if in_half(p.stem, half)]
        ids += chosen[:sample] if sample else chosen
    return ids


def meta_json(article: Article) -> dict[str, str | None]:
    """An article's metadata in the scorer's format."""
    return {
        "title": article.title,
        "author": "; ".join(article.authors) or None,
        "date": article.date.isoformat() if article.date else None,
        "sitename": article.outlet,
    }


def run(folder: Path, ids: list[str], out: Path) -> list[tuple[float, float]]:
    """Extract each page into ``out``; return (wall, CPU) seconds of each extraction.

    CPU time is reported too because the machine is shared: wall time then includes time
    spent waiting for a core.
    """
    out.mkdir(parents=True, exist_ok=True)
    times: list[tuple[float, float]] = []
    for page_id in ids:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            article: Article | None = searchlib.extract(folder / f"{page_id}.txt")
        except SearchlibError:
            article = None
        times.append((time.perf_counter() - wall, time.process_time() - cpu))
        body = "\n".join(article.paragraphs) if article else ""
        (out / f"{page_id}.txt").write_text(body + "\n", encoding="utf-8")
        if article:
            meta = json.dumps(meta_json(article), ensure_ascii=False)
            (out / f"{page_id}.meta.json").write_text(meta, encoding="utf-8")
    return times


def gold_subset(ids: list[str], target: Path) -> Path:
    """A folder of links to the gold files of ``ids`` (so the scorer sees only them)."""
    target.mkdir(parents=True, exist_ok=True)
    for page_id in ids:
        (target / f"{page_id}.json").symlink_to(BENCH / "gold" / f"{page_id}.json")
    return target


def score(pred: Path, gold: Path, name: str) -> str:
    """The scorer's printed figures for one prediction folder and set."""
    command = [sys.executable, str(BENCH / "score.py"), str(pred), "--gold", str(gold)]
    done = subprocess.run([*command, "--set", name], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def scorer() -> Any:
    """The benchmark's ``score.py`` as a module, for per-page figures."""
    spec = importlib.util.spec_from_file_location("score", BENCH / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def worst_pages(pred: Path, ids: list[str], count: int) -> str:
    """The ``count`` pages with the lowest body token F1: F1, paragraph P and R, id."""
    score_py = scorer()
    rows = []
    for page_id in ids:
        gold = json.loads((BENCH / "gold" / f"{page_id}.json").read_text(encoding="utf-8"))
        text = (pred / f"{page_id}.txt").read_text(encoding="utf-8")
        tp, fp, fn = score_py.shingle_tp_fp_fn(gold["body"], text)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        precision, recall = score_py.para_pr(gold["body"], text)
        rows.append((f1, precision or 0.0, recall or 0.0, page_id))
    rows.sort()
    return "\n".join(f"  {f:.3f}  P={p:.2f} R={r:.2f}  {i}" for f, p, r, i in rows[:count])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("A", "B"))
    parser.add_argument("--set", dest="sets", action="append", choices=SETS)
    parser.add_argument("--sample", type=int, help="only the first N pages of each set")
    parser.add_argument("--pages", type=int, default=0, help="list the N worst aeb trim pages")
    parser.add_argument("--keep", type=Path, help="write the predictions to this folder")
    args = parser.parse_args()
    sets = tuple(args.sets or SETS)
    searchlib.extract(next((BENCH / "pages").glob("*.txt")))  # warm caches and lazy imports
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        times: list[tuple[float, float]] = []
        full_ids = page_ids(BENCH / "pages", sets, args.half, args.sample)
        times += run(BENCH / "pages", full_ids, root / "full")
        gold = gold_subset(full_ids, root / "gold")
        for name in sets:
            print(f"== {name} (pages/)\n{score(root / 'full', gold, name)}\n")
        if "aeb" in sets:
            trim_ids = page_ids(BENCH / "pages_trim", ("aeb",), args.half, args.sample)
            times += run(BENCH / "pages_trim", trim_ids, root / "trim")
            print(f"== aeb (pages_trim/)\n{score(root / 'trim', gold, 'aeb')}\n")
            if args.pages:
                print(
                    f"worst pages_trim pages:\n{worst_pages(root / 'trim', trim_ids, args.pages)}\n"
                )
    print(f"pages: {len(times)}")
    for name, column in (("wall", 0), ("cpu", 1)):
        print(f"  {name} {summary([t[column] * 1000 for t in times])}")


def summary(ms: list[float]) -> str:
    """Mean, median and 95th percentile of millisecond timings."""
    p95 = sorted(ms)[int(len(ms) * 0.95)]
    return (
        f"ms/page mean {statistics.mean(ms):.2f}  median {statistics.median(ms):.2f}  p95 {p95:.2f}"
    )


if __name__ == "__main__":
    main()
