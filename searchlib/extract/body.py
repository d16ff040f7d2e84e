"""Find the article body among the lines of a plain-text page.

Each line gets a weight: its length in words when it reads like prose, a penalty when it does
not. The densest run of body text is the span with the largest total weight (a maximum-sum
subarray), so navigation, related-article lists and footers around the article fall outside
it while captions inside it cost little. Within the run, prose lines and the subheadings
between them are kept; captions and their copies go to their own list; legal lines and calls
to action at the edges are trimmed.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lines import Line, analyse
from .rules import matches_any

# Weights of the densest-run search: a prose line counts its words (capped, so one huge
# block cannot swallow a page of chrome around it), other lines cost a little each.
MAX_LINE_WEIGHT = 40
# Short sentences (teasers of related articles) earn little; paragraphs earn a lot.
PROSE_OFFSET = 8.0
CHROME_COST = 4.0
OTHER_COST = 4.0
CAPTION_COST = 1.0
MAX_SUBHEAD_WORDS = 15
MAX_INNER_RUN = 6
MAX_COMMENT_HEADER_CHARS = 120
# A further run is kept when it weighs this share of the densest run, and at least this much.
EXTRA_RUN_SHARE = 0.3
MIN_EXTRA_RUN = 10.0


@dataclass(frozen=True)
class Body:
    """The body paragraphs of a page and the caption lines found on the way."""

    paragraphs: tuple[str, ...]
    captions: tuple[str, ...]
    start: int = 0
    end: int = 0


def split_lines(text: str) -> list[str]:
    """Non-empty stripped lines of a page."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def find_body(lines: list[str], feats: list[Line] | None = None) -> Body:
    """Pick the body paragraphs out of a page's lines.

    Args:
        lines: the page's non-empty lines, in order.
        feats: their features from ``lines.analyse``, when the caller has them already.

    Returns:
        The paragraphs, the captions, and the span of line numbers the body came from.
    """
    feats = analyse(lines) if feats is None else feats
    weights = [_weight(f) for f in feats]
    start, end = densest_run(weights)
    comments = _comments_start(lines, start)
    if comments is not None and comments < end:
        # Reader comments read like prose; the article ends where they begin.
        weights = weights[:comments]
        start, end = densest_run(weights)
    kept: list[int] = []
    for lo, hi in sorted(_runs(weights, start, end)):
        kept += _trim_edges(feats, _kept_lines(feats, lo, hi))
    captions = [f.text for f in feats if f.caption or f.repeated]
    return Body(
        paragraphs=tuple(lines[i] for i in kept),
        captions=tuple(dict.fromkeys(captions)),
        start=start,
        end=end,
    )


def _weight(line: Line) -> float:
    if line.prose:
        return float(min(line.words, MAX_LINE_WEIGHT)) - PROSE_OFFSET
    if line.caption or line.repeated:
        return -CAPTION_COST
    if line.chrome or line.legal:
        return -CHROME_COST
    return -OTHER_COST


def densest_run(weights: list[float]) -> tuple[int, int]:
    """The half-open span ``[start, end)`` with the largest sum of weights (Kadane)."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, weight in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += weight
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _comments_start(lines: list[str], start: int) -> int | None:
    """The line number of the first reader-comment header after ``start``, if any."""
    for i in range(start + 1, len(lines)):
        if len(lines[i]) <= MAX_COMMENT_HEADER_CHARS and matches_any(
            "comments.txt", lines[i].lower()
        ):
            return i
    return None


def _runs(weights: list[float], start: int, end: int) -> list[tuple[int, int]]:
    """The densest run and, on either side, further runs nearly as dense.

    Articles broken by a list, a table or an embedded block show up as several runs.
    """
    best = sum(weights[start:end])
    floor = max(MIN_EXTRA_RUN, EXTRA_RUN_SHARE * best)
    runs = [(start, end)]
    pending = [(0, start), (end, len(weights))]
    while pending:
        lo, hi = pending.pop()
        a, b = densest_run(weights[lo:hi])
        if b > a and sum(weights[lo + a : lo + b]) >= floor:
            runs.append((lo + a, lo + b))
            pending += [(lo, lo + a), (lo + b, hi)]
    return runs


def _kept_lines(feats: list[Line], start: int, end: int) -> list[int]:
    """Prose lines of the run, and short runs of other lines between two prose lines.

    Such runs are subheadings and list items; chrome, captions and legal lines never count.
    """
    kept: list[int] = []
    pending: list[int] = []
    for i in range(start, end):
        line = feats[i]
        if line.prose and not (line.legal and line.words <= MAX_SUBHEAD_WORDS):
            if kept and len(pending) <= MAX_INNER_RUN:
                kept += pending
            kept.append(i)
            pending = []
        elif _inner_candidate(line):
            pending.append(i)
        else:
            pending = [-1] * (MAX_INNER_RUN + 1)
    return [i for i in kept if i >= 0]


def _inner_candidate(line: Line) -> bool:
    if line.chrome or line.caption or line.repeated or line.legal:
        return False
    return line.words <= MAX_SUBHEAD_WORDS * 2 and not line.text.endswith((",", ";"))


def _trim_edges(feats: list[Line], kept: list[int]) -> list[int]:
    """Drop legal lines and calls to action from both ends of the kept lines."""
    lo, hi = 0, len(kept)
    while lo < hi and _edge_chrome(feats[kept[lo]]):
        lo += 1
    while hi > lo and _edge_chrome(feats[kept[hi - 1]]):
        hi -= 1
    return kept[lo:hi]


def _edge_chrome(line: Line) -> bool:
    return line.legal or line.chrome or not line.prose
