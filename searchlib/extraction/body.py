"""Find the article body among the lines of a plain-text page.

Each line gets a weight: its length in words when it reads like prose, a penalty when it does
not. The densest run of body text is the span with the largest total weight (a maximum-sum
subarray), so navigation, related-article lists and footers around the article fall outside
it while captions inside it cost little. Within the run, prose lines and the subheadings
between them are kept; captions and their copies go to their own list; legal lines and calls
to action at the edges are trimmed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .article_edges import (
    after_date_or_byline,
    after_header,
    copies_of_the_header,
    drop_closing_bios,
)
from .broken_lines import runs_to_join
from .lines import Line, analyse
from .rules import matches_start_or_anywhere, phrase_set

# Weights of the densest-run search: a prose line counts its words (capped, so one huge
# block cannot swallow a page of chrome around it), other lines cost a little each.
MAX_LINE_WEIGHT = 40
# Short sentences (teasers of related articles) earn little; paragraphs earn a lot.
PROSE_OFFSET = 8.0
CHROME_COST = 4.0
OTHER_COST = 4.0
CAPTION_COST = 1.0
# Cookie settings and terms read like prose but rarely sit inside an article: they weigh
# nothing, so a long block of them never outweighs a short article, and one line of them
# inside an article does not break it.
LEGAL_PROSE_WEIGHT = 0.0
# An embedded post and its signature are short, but quoted as part of the article.
MIN_EMBED_WEIGHT = 1.0
MAX_SUBHEAD_WORDS = 15
MAX_INNER_RUN = 6
MAX_COMMENT_HEADER_CHARS = 120
COMMENT_CACHE = 4096
MAX_ENDING_WORDS = 6
ENDING_SHARE = 0.9
# A further run is kept when it weighs this share of the densest run, and at least this much.
# Below the article sit related teasers, comments and sidebars, so a run there must weigh more.
EXTRA_RUN_SHARE = 0.3
EXTRA_RUN_BELOW_SHARE = 0.5
MIN_EXTRA_RUN = 10.0
# A further run kept above the densest one starts the article unless it opens the page.
MIN_LEAD_LINE = 5
# Related-article teasers: a lead of this many words cut short under a short headline.
MIN_TEASER_WORDS = 8
MAX_TEASER_HEAD_WORDS = 20
MIN_TEASERS = 2
TAIL_CHARS = 8
MIN_LIST_ITEMS = 4
# A colon-announced list inside the article may run this long.
MAX_LIST_RUN = 30
# Items without a leading number must share at least two punctuation marks ("():").
MIN_SHAPE_MARKS = 2
MAX_SHAPE_MARKS = 3
_MARKS = re.compile(r"[^\w\s'’]")
MAX_LIST_HEADING_WORDS = 12
# A list item: an optional word ("June", "Aug."), a number, then a dash, colon or "@".
_ITEM = re.compile(r"^\W*(?:[^\W\d_]+\.?\s+)?\d{1,4}\w*\s*(?P<mark>--|[–—:@|-])\s")
# A headline in capitals this long, not a question, promotes another article; section
# subheadings set in capitals are shorter ("WHO IS THE FRONT-RUNNER?" is a subheading).
MIN_SHOUTED_WORDS = 7
# A table weighs by its size: an announced table of results is the article's content.
MAX_TABLE_WEIGHT = 400
_TRUNCATED = re.compile(r"(?:\.\.\.|…)[\"'”’»)\]]*$")


@dataclass(frozen=True)
class Body:
    """The body paragraphs of a page and the caption lines found on the way."""

    paragraphs: tuple[str, ...]
    captions: tuple[str, ...]
    start: int = 0
    end: int = 0


def find_page_body(lines: list[str], feats: list[Line]) -> Body:
    """The body of a page (as ``find_body``), found with broken paragraphs joined again.

    Only joined paragraphs are analysed again; a joined cookie notice or disclaimer stays
    in pieces, since joining would make it weigh like an article. The span returned still
    counts the page's own ``lines``, which metadata reads.
    """
    joined, joined_feats, starts = list(lines), list(feats), list(range(len(lines)))
    for run in runs_to_join(lines):
        line = analyse([run.text])[0]
        if run.table:
            line = replace(line, table=True, chrome=False, legal=False, caption=False)
        if not line.legal:
            joined[run.lines.start : run.lines.stop] = [run.text]
            joined_feats[run.lines.start : run.lines.stop] = [line]
            starts[run.lines.start : run.lines.stop] = [run.lines.start]
    if len(joined) == len(lines):
        return find_body(lines, feats)
    body = find_body(joined, joined_feats)
    starts.append(len(lines))
    return replace(body, start=starts[body.start], end=starts[body.end])


def find_body(lines: list[str], feats: list[Line] | None = None) -> Body:
    """Pick the body paragraphs out of a page's lines.

    Args:
        lines: the page's non-empty lines, in order.
        feats: their features from ``lines.analyse``, when the caller has them already.

    Returns:
        The paragraphs, the captions, and the span of line numbers the body came from: the
        densest run, from a paragraph kept above it when there is one (``_lead_start``).
    """
    feats = analyse(lines) if feats is None else feats
    teasers = _teasers(feats)
    weights = [-OTHER_COST if i in teasers else _weight(f) for i, f in enumerate(feats)]
    weights, start, end = _article_span(lines, feats, weights)
    feats = copies_of_the_header(feats, start, end)
    kept: list[int] = []
    for lo, hi in sorted(_runs(weights, start, end, _ending_after(feats, end))):
        if lo == start > 0 and feats[start - 1].prose:
            lo -= 1  # a standfirst's copy just above the run (see copies_of_the_header)
        kept += _trim_edges(feats, _kept_lines(feats, lo, hi))
    kept = [i for i in kept if i not in teasers]
    kept = after_header(feats, kept, [max(_weight(feats[i]), 0.0) for i in kept])
    kept = drop_closing_bios(feats, kept)
    if kept:
        kept += _announced_after(feats, kept[-1]) or _list_after(feats, kept[-1] + 1)
    captions = [f.text for f in feats if f.caption or f.repeated]
    return Body(
        paragraphs=tuple(lines[i] for i in kept),
        captions=tuple(dict.fromkeys(captions)),
        start=_lead_start(start, kept),
        end=end,
    )


def _lead_start(start: int, kept: list[int]) -> int:
    """Where the article begins: the densest run's start, or a kept paragraph above it.

    A further run kept above the densest one (a lead cut off by a table, a gallery or a
    product box) is where the article, and the search for its headline, begins; one in the
    page's first lines is a site's tagline or a notice printed above the navigation.
    """
    return kept[0] if kept and MIN_LEAD_LINE <= kept[0] < start else start


def _list_after(feats: list[Line], at: int) -> list[int]:
    """A list that closes the article: an optional heading, then items of one shape.

    Tour dates, schedules and results ("June 9 – City @ Venue") look like a list of related
    headlines line by line, but their items share a shape: a date or number, then the
    same separator. Related-article lists rarely do.
    """
    head = [at] if at < len(feats) and _list_heading(feats[at]) else []
    start = at + len(head)
    shape = _item_shape(feats[start]) if start < len(feats) else None
    end = start
    while end < len(feats) and shape and _item_shape(feats[end]) == shape:
        end += 1
    return [*head, *range(start, end)] if end - start >= MIN_LIST_ITEMS else []


def _announced_after(feats: list[Line], last: int) -> list[int]:
    """Short lines after a last paragraph that announces them with a colon ("You need:")."""
    if not feats[last].text.endswith(":"):
        return []
    end = last + 1
    while end < len(feats) and end - last <= MAX_LIST_RUN and _list_item(feats[end]):
        end += 1
    return list(range(last + 1, end))


def _list_item(line: Line) -> bool:
    return _inner_candidate(line) and not line.prose and line.words <= MAX_SUBHEAD_WORDS


def _list_heading(line: Line) -> bool:
    return line.words <= MAX_LIST_HEADING_WORDS and not (line.chrome or line.legal or line.caption)


def _item_shape(line: Line) -> str | None:
    """The shape of a list item: the separator after its leading date or number ("June 9 –
    City" -> "–"), else its first few punctuation marks ("Team (Group A): 10th" -> "():").
    """
    if line.chrome or line.legal or line.caption or line.words > MAX_SUBHEAD_WORDS * 2:
        return None
    match = _ITEM.match(line.text)
    if match:
        return match.group("mark")
    marks = "".join(_MARKS.findall(line.text)[:MAX_SHAPE_MARKS])
    return marks if len(marks) >= MIN_SHAPE_MARKS else None


def _teasers(feats: list[Line]) -> frozenset[int]:
    """Lines of a list of related-article teasers: a headline, then a lead cut short ("...").

    One such pair may be a quote trailing off; from two on, the page lists other articles.
    """
    found = frozenset(
        i
        for i in range(1, len(feats))
        if feats[i].words >= MIN_TEASER_WORDS
        and _TRUNCATED.search(feats[i].text[-TAIL_CHARS:])
        and feats[i - 1].words <= MAX_TEASER_HEAD_WORDS
        and not feats[i - 1].ends_sentence
    )
    if len(found) < MIN_TEASERS or all(i in found for i, f in enumerate(feats) if _weight(f) > 0):
        return frozenset()  # a page of nothing but a teaser or two: keep what there is
    return found


def _weight(line: Line) -> float:
    if line.table:
        return float(min(line.words, MAX_TABLE_WEIGHT)) - PROSE_OFFSET
    if line.embed:
        return max(float(min(line.words, MAX_LINE_WEIGHT)) - PROSE_OFFSET, MIN_EMBED_WEIGHT)
    if line.prose:
        if line.legal:
            return LEGAL_PROSE_WEIGHT
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


def _comments_start(lines: list[str], feats: list[Line], start: int) -> int | None:
    """The line number of the first reader-comment header after ``start``, if any.

    A comment count or link printed beside the article's date or byline ("12 comments")
    leads to the comments; they begin further down.
    """
    for i in range(start + 1, len(lines)):
        short = len(lines[i]) <= MAX_COMMENT_HEADER_CHARS
        if short and _comment_header(lines[i]) and not after_date_or_byline(feats, i):
            return i
    return None


@lru_cache(maxsize=COMMENT_CACHE)
def _comment_header(line: str) -> bool:
    """True for a reader-comment header ("Leave a reply", "Jane said:").

    Cached: most lines asked about are a site's footer, printed on every page.
    """
    return matches_start_or_anywhere("comments.txt", line.lower())


def _article_span(
    lines: list[str], feats: list[Line], weights: list[float]
) -> tuple[list[float], int, int]:
    """The densest run, ended early by reader comments or a list of other articles.

    Returns:
        The weights (cut where the comments begin) and the run's half-open span.
    """
    first = _comments_start(lines, feats, -1)
    weights, (start, end) = _above_comments(weights, first)
    comments = first if first is None or first > start else _comments_start(lines, feats, start)
    if comments is not None and comments < end:
        # Reader comments read like prose; the article ends where they begin.
        weights = weights[:comments]
        start, end = densest_run(weights)
    ending = _ending_after(feats, start + 1)
    if ending < end and sum(weights[start:ending]) >= ENDING_SHARE * sum(weights[start:end]):
        # Most of the article lies before a "Related" heading: what follows is teasers.
        end = ending
    return weights, start, end


def _above_comments(weights: list[float], first: int | None) -> tuple[list[float], tuple[int, int]]:
    """The densest run, or the one above the comments when the densest lies below them.

    A long comment thread, or a sidebar under the comment form, can outweigh a short
    article; the article is the run above the first comment header (line ``first``) when
    that run weighs something. Returns the weights (cut at the comments when their run is
    chosen) and the run.
    """
    run = densest_run(weights)
    if first is None or first >= run[0]:
        return weights, run
    above = densest_run(weights[:first])
    if sum(weights[above[0] : above[1]]) < MIN_EXTRA_RUN:
        return weights, run
    return weights[:first], above


def _ending_after(feats: list[Line], end: int) -> int:
    """The first heading of a list of other articles ("Related", "Top stories") from ``end``."""
    endings = phrase_set("endings.txt")
    for i in range(end, len(feats)):
        if feats[i].words <= MAX_ENDING_WORDS and feats[i].key in endings:
            return i
    return len(feats)


def _runs(weights: list[float], start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """The densest run and, on either side up to ``limit``, further runs nearly as dense.

    Articles broken by a list, a table or an embedded block show up as several runs; a run
    below the densest must weigh more (``EXTRA_RUN_BELOW_SHARE``) than one above it.
    """
    best = sum(weights[start:end])
    runs = [(start, end)]
    pending = [(0, start), (end, limit)]
    while pending:
        lo, hi = pending.pop()
        a, b = densest_run(weights[lo:hi])
        share = EXTRA_RUN_BELOW_SHARE if lo >= end else EXTRA_RUN_SHARE
        if b > a and sum(weights[lo + a : lo + b]) >= max(MIN_EXTRA_RUN, share * best):
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
            if kept and (len(pending) <= MAX_INNER_RUN or _announced(feats, kept[-1], pending)):
                kept += pending
            kept.append(i)
            pending = []
        elif _shouted(line):
            continue
        elif _inner_candidate(line):
            pending.append(i)
        else:
            pending = [-1] * (MAX_INNER_RUN + 1)
    return [i for i in kept if i >= 0]


def _shouted(line: Line) -> bool:
    """True for a long line in capitals that is not a question: a promoted headline."""
    text = line.text
    return line.words >= MIN_SHOUTED_WORDS and text.isupper() and not text.endswith("?")


def _announced(feats: list[Line], before: int, pending: list[int]) -> bool:
    """True when a longer run between two paragraphs is a list announced by a colon.

    "Allowed foods:" then twelve short items is part of the article; a list of related
    headlines is not introduced that way.
    """
    if len(pending) > MAX_LIST_RUN or pending[0] < 0:
        return False
    return any(feats[i].text.endswith(":") for i in (before, pending[0]))


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
