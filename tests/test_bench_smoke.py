"""Smoke tests of the bench scripts: they run end to end on a few records (nothing is timed)."""

from __future__ import annotations

import json
import subprocess
import sys
from itertools import islice
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

from _common import ARTICLES, iter_records, paragraphs_of  # noqa: E402

pytestmark = pytest.mark.skipif(not ARTICLES.exists(), reason="needs ../shared/bench/scale")


def test_scale_bench_runs_every_step_on_a_small_corpus(tmp_path: Path) -> None:
    figures = tmp_path / "figures.json"
    argv = [
        sys.executable,
        str(BENCH / "scale.py"),
        "--quick",
        "--records",
        "300",
        "--cli-queries",
        "2",
        "--workdir",
        str(tmp_path / "work"),
        "--json",
        str(figures),
    ]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    for measure in (
        "searchlib index (full pipeline)",
        "raw whoosh-best build",
        "library query",
        "cold search",
        "one new article, library",
    ):
        assert measure in done.stdout
    result = json.loads(figures.read_text())
    assert result["records"] == 300
    assert 0 < result["indexed_paragraphs"] <= result["paragraphs_in_records"]


def test_synthetic_corpus_is_repeatable_and_labelled(tmp_path: Path) -> None:
    from synthetic import generate

    source = tmp_path / "real.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in islice(iter_records(), 50)))
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    generate(source, first, 200)
    generate(source, second, 200)
    assert first.read_bytes() == second.read_bytes()
    records = list(iter_records(first))
    assert sum(len(paragraphs_of(r)) for r in records) >= 200
    assert all(str(r["id"]).startswith("synthetic-") for r in records)
