"""Fit headline weights on the traf pages and cross-validate them on the two halves.

For each traf page whose headline is visible (``title_visible`` in ``gold/<id>.json``), every
line ``title.py`` weighs as a headline in its first window is turned into a feature vector:
the features scored at run time (``title_model.FEATURES``) and, with ``--extra``, the
experimental features of ``EXTRA``. A candidate is labelled right when its headline text,
normalised as ``score.py`` does, is the gold title. A softmax over each page's candidates
(listwise), L2-regularised towards the hand weights on standardised features, is fitted on
one half and measured on the other through the real ``find_title`` (gates fitted on the
training half), next to the weights and gates of ``data/title_weights.json``.

Usage:
    python bench/title_features.py [--l2 L] [--extra] [--pairwise] [--dump FILE]

``--pairwise`` fits a pairwise logistic loss (each wrong candidate against the gold line)
instead of the softmax.

``--dump FILE`` writes the candidate rows as CSV. Needs numpy and scipy (bench only: the
run-time model is a dot product with the weights file).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from extraction import BENCH, in_half, scorer
from scipy.optimize import minimize

from searchlib.extraction import headline_shape, title, title_model
from searchlib.extraction.body import find_page_body
from searchlib.extraction.broken_lines import split_lines
from searchlib.extraction.headline_text import title_text
from searchlib.extraction.lines import Line, analyse
from searchlib.extraction.rules import word_set
from searchlib.read import read_pages

GATE_GRID = (-99.0, 2.0, 3.0, 3.5, 4.0, 5.0)
MARGIN_GRID = (1.0, 2.5, 4.0)
# Features tried in the experiment only (not computed at run time): where the candidate sits
# among the others, which kind of line earns it the meta bonus, its wording.
EXTRA = (
    "meta_next",
    "meta_below_date",
    "meta_below_byline",
    "cands_to_meta",
    "meta_teaser",
    "meta_closest",
    "cands_to_body",
    "last_before_body",
    "just_above_body",
    "longer_after_meta",
    "words_3_5",
    "words_6_14",
    "words_15",
    "cap_share",
    "all_caps",
    "ends_qe",
    "colon",
    "top_lines",
    "body_overlap",
    "stop_share",
    "digits",
    "line_repeated",
    "run",
    "prev_cand",
    "next_cand",
    "separator",
)
BODY_LINES = 200
MAX_TO_BODY = 10
MAX_RUN = 5
TEASER_ITEMS = 3
TOP_LINES = 5
_CONTENT: dict[tuple[int, int, int], Counter[str]] = {}


@dataclass(frozen=True)
class Case:
    """One benchmark page: its line features, body start and normalised gold title."""

    page_id: str
    feats: list[Line]
    body_start: int | None
    gold: str


@dataclass(frozen=True)
class Model:
    """Weights (run-time features, then any extra ones) and the gates of the search."""

    weights: tuple[float, ...]
    gates: title_model.Gates


def load_cases(half: str | None) -> list[Case]:
    """The traf pages with a visible title, of one half (None: all)."""
    norm = scorer().norm_title
    cases = []
    for gold_path in sorted((BENCH / "gold").glob("traf_*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if not (gold.get("title_visible") and gold.get("title") and in_half(gold_path.stem, half)):
            continue
        lines = split_lines(read_pages(BENCH / "pages" / f"{gold_path.stem}.txt")[0].text)
        feats = analyse(lines)
        body = find_page_body(lines, feats)
        start = body.start if body.paragraphs else None
        cases.append(Case(gold_path.stem, feats, start, norm(gold["title"])))
    return cases


def extra_row(feats: Sequence[Line], i: int, body_start: int, shaped: Sequence[int]) -> list[float]:
    """The experimental features of candidate ``i`` among the window's candidates ``shaped``."""
    line, words, shaped_set = feats[i], feats[i].text.split(), frozenset(shaped)
    meta = title._meta_lines(feats, min(shaped) - 2, max(shaped) + 4)
    first_meta = next((j for j in range(i + 1, i + 4) if j in meta), None)
    with_meta = [k for k in shaped if any(j in meta for j in range(k + 1, k + 4))]
    closest = min(with_meta, key=lambda k: abs(k - body_start), default=None)
    lo, hi = sorted((i, body_start))
    to_body = sum(1 for k in shaped if lo < k < hi)
    run = 1 + _run(shaped_set, i, -1) + _run(shaped_set, i, 1)
    after_meta = range(first_meta + 1, first_meta + 3) if first_meta is not None else range(0)
    return [
        i + 1 in meta,
        first_meta is not None and headline_shape.dated(feats[first_meta].text),
        first_meta is not None and not headline_shape.dated(feats[first_meta].text),
        sum(1 for k in shaped if first_meta is not None and i < k < first_meta),
        first_meta is not None and len(with_meta) >= TEASER_ITEMS,
        closest == i,
        min(to_body, MAX_TO_BODY),
        to_body == 0 and i <= body_start,
        i == body_start - 1,
        any(k in shaped_set and feats[k].words > line.words for k in after_meta),
        3 <= line.words <= 5,
        6 <= line.words <= 14,
        line.words >= 15,
        sum(1 for w in words if w[:1].isupper()) / len(words) if words else 0.0,
        line.text.isupper(),
        line.text.rstrip().endswith(("?", "!")),
        ": " in line.text,
        i < TOP_LINES,
        title._overlap(line, _content(feats, body_start, body_start + BODY_LINES), False),
        line.stop_share,
        any(c.isdigit() for c in line.text),
        line.repeated,
        min(run, MAX_RUN),
        i - 1 in shaped_set,
        i + 1 in shaped_set,
        any(mark in line.text for mark in (" | ", " - ", " – ")),
    ]


def _run(shaped: frozenset[int], i: int, step: int) -> int:
    """How many candidates follow ``i`` without a gap, going ``step`` by ``step``."""
    count = 0
    while i + step * (count + 1) in shaped:
        count += 1
    return count


def _content(feats: Sequence[Line], lo: int, hi: int) -> Counter[str]:
    """The content words of the prose lines ``lo`` to ``hi``, kept per page and span."""
    key = (id(feats), lo, hi)
    if key not in _CONTENT:
        stops = word_set("stopwords.txt")
        words = (w for f in feats[lo:hi] if f.prose for w in f.key.split() if w not in stops)
        _CONTENT[key] = Counter(words)
    return _CONTENT[key]


@contextmanager
def using(model: Model) -> Iterator[None]:
    """Score candidates with ``model`` inside the block, extra features computed if weighed."""
    saved = title_model.weights, title_model.gates, title._candidates
    base = title._candidates

    def candidates(
        feats: Sequence[Line], body_start: int, lo: int, hi: int
    ) -> list[tuple[int, tuple[float, ...]]]:
        found = base(feats, body_start, lo, hi)
        shaped = [i for i, _ in found]
        return [(i, (*row, *extra_row(feats, i, body_start, shaped))) for i, row in found]

    title_model.weights = lambda: model.weights  # type: ignore[assignment]
    title_model.gates = lambda: model.gates  # type: ignore[assignment]
    if len(model.weights) > len(title_model.FEATURES):
        title._candidates = candidates  # type: ignore[assignment]
    try:
        yield
    finally:
        title_model.weights, title_model.gates, title._candidates = saved  # type: ignore[assignment]


def accuracy(cases: Sequence[Case], model: Model) -> float:
    """The share of pages whose found headline is the gold title, as ``score.py`` judges.

    Pages without an article body are left out, as the scorer leaves out pages without a
    prediction.
    """
    norm = scorer().norm_title
    scored = [case for case in cases if case.body_start is not None]
    right = 0
    with using(model):
        for case in scored:
            at = title.find_title(case.feats, case.body_start)  # type: ignore[arg-type]
            right += at is not None and norm(title_text(case.feats, at)) == case.gold
    return right / len(scored)


def candidate_rows(case: Case, extra: bool) -> tuple[np.ndarray, np.ndarray]:
    """The feature rows and labels of a page's candidates in the first search window."""
    width = len(title_model.FEATURES) + (len(EXTRA) if extra else 0)
    if case.body_start is None:
        return np.zeros((0, width)), np.zeros(0)
    norm = scorer().norm_title
    lo = max(0, case.body_start - title.TITLE_WINDOW)
    hi = min(len(case.feats), case.body_start + title.FAR_REACH)
    found = title._candidates(case.feats, case.body_start, lo, hi)
    shaped = [i for i, _ in found]
    rows = [
        [*row, *(extra_row(case.feats, i, case.body_start, shaped) if extra else ())]
        for i, row in found
    ]
    labels = [norm(title_text(case.feats, i)) == case.gold for i in shaped]
    return np.array(rows, dtype=float).reshape(-1, width), np.array(labels, dtype=float)


def fit(groups: list[tuple[np.ndarray, np.ndarray]], l2: float, prior: np.ndarray) -> np.ndarray:
    """Softmax weights over each page's candidates, L2-regularised towards ``prior``.

    Features are standardised for the fit, so the penalty weighs each feature alike. Pages
    whose gold title is not among the candidates teach nothing and are left out.
    """
    groups = [(x, y.astype(bool)) for x, y in groups if y.any()]
    scale = np.vstack([x for x, _ in groups]).std(axis=0)
    scale[scale == 0] = 1.0
    scaled = [(x / scale, y) for x, y in groups]
    centre = prior * scale

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.0, np.zeros_like(w)
        for x, y in scaled:
            s = x @ w
            p = np.exp(s - s.max())
            q = p * y
            total += np.log(p.sum()) - np.log(q.sum())
            grad += x.T @ (p / p.sum() - q / q.sum())
        off = w - centre
        return total / len(scaled) + l2 * off @ off, grad / len(scaled) + 2 * l2 * off

    done = minimize(loss, centre, jac=True, method="L-BFGS-B")
    return np.asarray(done.x / scale)


def fit_pairwise(
    groups: list[tuple[np.ndarray, np.ndarray]], l2: float, prior: np.ndarray
) -> np.ndarray:
    """Pairwise logistic weights (each wrong candidate against the gold line), as ``fit``."""
    groups = [(x, y.astype(bool)) for x, y in groups if y.any() and not y.all()]
    scale = np.vstack([x for x, _ in groups]).std(axis=0)
    scale[scale == 0] = 1.0
    pairs = [x[~y] / scale - x[y][0] / scale for x, y in groups]
    centre = prior * scale

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.0, np.zeros_like(w)
        for d in pairs:
            margin = d @ w
            total += np.logaddexp(0, margin).mean()
            grad += d.T @ (1 / (1 + np.exp(-margin))) / len(margin)
        off = w - centre
        return total / len(pairs) + l2 * off @ off, grad / len(pairs) + 2 * l2 * off

    done = minimize(loss, centre, jac=True, method="L-BFGS-B")
    return np.asarray(done.x / scale)


def fit_gates(cases: Sequence[Case], weights: tuple[float, ...]) -> title_model.Gates:
    """The gates (from a small grid) that give ``weights`` the best accuracy on ``cases``."""
    best: tuple[float, title_model.Gates] | None = None
    for weak, dense, margin in itertools.product(GATE_GRID, GATE_GRID, MARGIN_GRID):
        gates = title_model.Gates(weak=weak, dense=dense, dense_margin=margin)
        got = accuracy(cases, Model(weights, gates))
        if best is None or got > best[0]:
            best = (got, gates)
    assert best is not None
    return best[1]


def hand_model() -> Model:
    """The weights and gates of the data file."""
    return Model(title_model.weights(), title_model.gates())


def train(cases: Sequence[Case], l2: float, extra: bool, pairwise: bool) -> Model:
    """Weights fitted on ``cases`` from the hand weights (extra features from 0), and gates."""
    prior = np.array([*title_model.weights(), *([0.0] * len(EXTRA) if extra else [])])
    rows = [candidate_rows(c, extra) for c in cases]
    weights = tuple(float(w) for w in (fit_pairwise if pairwise else fit)(rows, l2, prior))
    return Model(weights, fit_gates(cases, weights))


def dump(cases: Sequence[Case], path: Path) -> None:
    """Write every candidate row (all features) with its page id and label as CSV."""
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["page", "label", *title_model.FEATURES, *EXTRA])
        for case in cases:
            rows, labels = candidate_rows(case, extra=True)
            for row, label in zip(rows, labels, strict=True):
                writer.writerow([case.page_id, int(label), *row])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--l2", type=float, default=0.1, help="pull towards the hand weights")
    parser.add_argument("--extra", action="store_true", help="fit the EXTRA features too")
    parser.add_argument("--pairwise", action="store_true", help="pairwise logistic loss")
    parser.add_argument("--dump", type=Path, help="write the candidate rows to this CSV file")
    args = parser.parse_args()
    halves = {half: load_cases(half) for half in ("A", "B")}
    if args.dump:
        dump(halves["A"] + halves["B"], args.dump)
    hand = hand_model()
    trained = {
        half: train(cases, args.l2, args.extra, args.pairwise) for half, cases in halves.items()
    }
    sizes = ", ".join(
        f"{half}={sum(c.body_start is not None for c in cases)}" for half, cases in halves.items()
    )
    loss = "pairwise" if args.pairwise else "softmax"
    print(f"title acc_vis (pages {sizes}), {loss}, l2={args.l2}, extra={args.extra}")
    for half, cases in halves.items():
        print(f"  half {half}: hand weights {accuracy(cases, hand):.3f}", end="")
        for source, model in trained.items():
            role = "fit" if source == half else "held out"
            print(f"  trained on {source} ({role}) {accuracy(cases, model):.3f}", end="")
        print()
    names = (*title_model.FEATURES, *(EXTRA if args.extra else ()))
    for source, model in trained.items():
        print(f"weights trained on {source}: {model.gates}")
        print("  " + ", ".join(f"{n}={w:.2f}" for n, w in zip(names, model.weights, strict=True)))


if __name__ == "__main__":
    main()
