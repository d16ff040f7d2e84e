"""Generate a SYNTHETIC corpus by recombining real sentences of the scale corpus.

Each synthetic article takes a real title, outlet, date and author at random and 2-6
paragraphs of 1-4 real sentences drawn at random (fixed seed, so runs are repeatable).
Figures measured on it must be labelled synthetic: its vocabulary does not grow with its
size as a real archive's would, so term dictionaries stay small and postings lists long.

Example::

    python bench/synthetic.py --paragraphs 1000000 --with-real --out /tmp/synthetic-1m.jsonl
    python bench/scale.py --corpus /tmp/synthetic-1m.jsonl --paragraphs 1000000
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ARTICLES, iter_records, paragraphs_of  # noqa: E402

SEED = 20261122
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
PARAGRAPHS_PER_ARTICLE = (2, 6)
SENTENCES_PER_PARAGRAPH = (1, 4)


class Pools:
    """The real material synthetic articles are made of."""

    def __init__(self, source: Path) -> None:
        self.sentences: list[str] = []
        self.titles: list[str] = []
        self.meta: list[tuple[Any, Any, Any]] = []
        for record in iter_records(source):
            self.titles.append(str(record.get("title") or ""))
            self.meta.append((record.get("outlet"), record.get("date"), record.get("author")))
            for paragraph in paragraphs_of(record):
                self.sentences.extend(s for s in SENTENCE_END.split(paragraph) if s)


def article(pools: Pools, rng: random.Random, number: int) -> dict[str, Any]:
    """One synthetic record in the scale corpus's format."""
    outlet, date, author = rng.choice(pools.meta)
    paragraphs = [
        " ".join(rng.choices(pools.sentences, k=rng.randint(*SENTENCES_PER_PARAGRAPH)))
        for _ in range(rng.randint(*PARAGRAPHS_PER_ARTICLE))
    ]
    return {
        "id": f"synthetic-{number:07d}",
        "title": rng.choice(pools.titles),
        "outlet": outlet,
        "date": date,
        "author": author,
        "text": "\n\n".join(paragraphs),
    }


def generate(
    source: Path, out: Path, paragraphs: int, *, seed: int = SEED, with_real: bool = False
) -> int:
    """Write records until ``paragraphs`` paragraphs; return how many were synthetic.

    With ``with_real`` the real records come first and synthetic ones make up the rest
    (the scale README's 1M corpus: 100k real + 900k synthetic paragraphs).
    """
    pools = Pools(source)
    rng = random.Random(seed)
    written = count = 0
    with out.open("w", encoding="utf-8") as sink:
        for record in iter_records(source) if with_real else ():
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += len(paragraphs_of(record))
        while count < paragraphs:
            record = article(pools, rng, written)
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += len(paragraphs_of(record))
            written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--source", type=Path, default=ARTICLES)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--with-real", action="store_true", help="real records first")
    args = parser.parse_args()
    records = generate(
        args.source, args.out, args.paragraphs, seed=args.seed, with_real=args.with_real
    )
    real = "real records, then " if args.with_real else ""
    print(f"wrote {real}{records} SYNTHETIC records: >= {args.paragraphs} paragraphs in {args.out}")


if __name__ == "__main__":
    main()
