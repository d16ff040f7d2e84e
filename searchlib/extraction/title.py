"""Find an article's headline among the lines of a plain-text page.

A blog's comment heading ("3 thoughts on “Headline”") names the headline outright. Otherwise
every headline-shaped line near the top of the body is a candidate; each earns a score from
generic signals: printed twice (page title and headline), the words the article itself uses,
a date or byline printed next to it, its closeness to the body, and its length and shape.
Lines of page furniture, bylines and date lines are never candidates; names, tag lists,
pull quotes, captions and copies with a breadcrumb or kicker glued in front cost
(``headline_shape.py`` tells what kind of line each is).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

from . import title_model
from .bylines import is_byline
from .comment_headings import find_named_title
from .headline_shape import (
    MAX_TITLE_WORDS,
    dated,
    headline_shaped,
    is_credit,
    is_meta_line,
    is_name,
    is_standfirst,
    is_tag_list,
    label_pair,
    pull_quote,
)
from .headline_text import SUFFIX_MARKS, title_key
from .lines import Line
from .rules import normalise, word_set

TITLE_WINDOW = 60
# Below the model's weak-headline gate, the search reaches this far up.
WIDE_TITLE_WINDOW = 100
# The densest run sometimes starts a line or two above the headline (a teaser, a kicker).
BELOW_REACH = 3
# A candidate's score is the dot product of its features (``_features``) with the weights of
# ``title_model``; these constants shape the features.
FULL_LENGTH = 10
MIN_REPEAT_WORDS = 4
LABEL_WORDS = 2
# A label-sized line under a headline-shaped line of this many words is the headline's tag.
TAGGED_HEADLINE_WORDS = 4
# A short line over a paragraph of this many words heads it, though the body may start lower.
LONG_PROSE_WORDS = 20
META_REACH = 3
META_ABOVE_REACH = 2
# The body finder sometimes starts at a notice or a teaser a few lines above the article: a
# headline further below still counts when a date or byline is printed beside it.
FAR_REACH = 12
FAR_META_REACH = 2
# A headline printed again with a breadcrumb or kicker glued in front ("HomeNewsHeadline",
# "Topic: Headline") loses to its plain copy nearby.
GLUED_REACH = 8
GLUED_MIN_WORDS = 3
LEAD_LINES = 12
# Headline over standfirst, decided for the pair rather than by weights: when the winner is a
# long sentence-like line and the line just above it is a shorter, headline-sized candidate,
# the winner is the standfirst and the line above the headline. A kicker above a headline is
# shorter than this, and a headline is seldom this long.
STANDFIRST_MIN_WORDS = 14
HEADLINE_OVER_STANDFIRST_WORDS = 5
STANDFIRST_EXTRA_WORDS = 3
# The body finder may start at a block away from the article (an intro, a teaser list, a
# form): the thickest prose, the window of this many lines with the most words of running
# text, is a second anchor. It is tried only when the best headline scores below the model's
# dense gate (a convincing headline needs no second look, and the look costs time), searched
# this far above, and a headline found there must win by the model's dense margin.
DENSE_LINES = 10
DENSE_REACH = 20

# Two breadcrumb marks on one line. The pattern starts at a mark, so the search skips ahead
# to the marks; one anchored at each line start ("^.*»") backtracks over every line.
_MARK_PAIR = re.compile("[»›>→][^\n»›>→]*[»›>→]")
# The last step of a breadcrumb trail ("Home » News » Headline", "Forum>Phones>Headline"): a
# trail usually ends in the page's own headline. "/" and "|" count only twice or more, since
# a headline may hold one.
_CRUMB_TAIL = re.compile(r"(?P<mark>[»›>→]|\s[/|]\s)\s*(?P<tail>[^»›>→/|]+)$")


def find_title(feats: Sequence[Line], body_start: int) -> int | None:
    """The line number of the headline: a headline-shaped line just above the body.

    When no line near the body makes a convincing headline, the search reaches further up
    (the body finder may have settled on comments or a form below the article) and looks
    beside the page's thickest prose. A winner that reads as the standfirst under a
    headline-sized line gives way to that line.

    Args:
        feats: the features of the page's lines.
        body_start: the first line of the body.
    """
    named = _named_by_comments(feats, body_start)
    if named is not None:
        return named
    near = max(0, body_start - TITLE_WINDOW)
    best = _best_headline(feats, body_start, near, min(len(feats), body_start + FAR_REACH))
    if best is None or best[0] < title_model.gates().weak:
        far = _best_headline(feats, body_start, max(0, body_start - WIDE_TITLE_WINDOW), near)
        best = far if best is None or (far and far[0] > best[0]) else best
    best = _beside_thickest_prose(feats, body_start, best)
    return _headline_over_standfirst(feats, best[1]) if best else None


def _named_by_comments(feats: Sequence[Line], body_start: int) -> int | None:
    """The line of the headline that the comment headings name, nearest the body.

    A quoted title printed nowhere else is read off the heading itself (``title_text``
    unwraps it); an unquoted one counts only when a line of its own prints it.
    """
    named = find_named_title([f.text for f in feats])
    if named is None:
        return None
    key = normalise(named.title)
    copies = [i for i, f in enumerate(feats) if f.key == key and i != named.line]
    if copies:
        return min(copies, key=lambda i: (abs(i - body_start), i > body_start))
    return named.line if named.quoted else None


def _beside_thickest_prose(
    feats: Sequence[Line], body_start: int, best: tuple[float, int] | None
) -> tuple[float, int] | None:
    """The best headline near the page's thickest prose when it clearly beats ``best``."""
    if best is not None and best[0] >= title_model.gates().dense:
        return best
    dense = _thickest_prose(feats)
    if abs(dense - body_start) <= FAR_REACH:
        return best
    lo, hi = max(0, dense - DENSE_REACH), min(len(feats), dense + FAR_REACH)
    there = _best_headline(feats, dense, lo, hi)
    if there and (best is None or there[0] > best[0] + title_model.gates().dense_margin):
        return there
    return best


def _thickest_prose(feats: Sequence[Line]) -> int:
    """The first prose line of the window of ``DENSE_LINES`` lines with the most prose words."""
    words = [f.words if f.prose else 0 for f in feats]
    window = best = sum(words[:DENSE_LINES])
    start = 0
    for i in range(DENSE_LINES, len(words)):
        window += words[i] - words[i - DENSE_LINES]
        if window > best:
            best, start = window, i - DENSE_LINES + 1
    return next((i for i in range(start, len(words)) if words[i]), start)


def _headline_over_standfirst(feats: Sequence[Line], at: int) -> int:
    """The line above ``at`` when ``at`` reads as the standfirst under it, else ``at``."""
    if at == 0:
        return at
    above, line = feats[at - 1], feats[at]
    headline_sized = (
        HEADLINE_OVER_STANDFIRST_WORDS <= above.words <= line.words - STANDFIRST_EXTRA_WORDS
    )
    if line.words < STANDFIRST_MIN_WORDS or not headline_sized or above.text.endswith("."):
        return at
    return at - 1 if headline_shaped(above) else at


def _best_headline(
    feats: Sequence[Line], body_start: int, lo: int, hi: int
) -> tuple[float, int] | None:
    """The best headline candidate among lines ``lo`` to ``hi`` (excluded), and its score.

    Of equal scores, the first line wins.
    """
    scored = ((title_model.score(row), i) for i, row in _candidates(feats, body_start, lo, hi))
    return max(scored, key=lambda pair: pair[0], default=None)


@dataclass(frozen=True)
class _Window:
    """What the features of one window's candidates read besides the candidate's line."""

    body_start: int
    meta: frozenset[int]
    repeated: frozenset[int]
    lead: Counter[str]
    crumbs: frozenset[str]
    glued: frozenset[int]


def _candidates(
    feats: Sequence[Line], body_start: int, lo: int, hi: int
) -> list[tuple[int, tuple[float, ...]]]:
    """The headline candidates among lines ``lo`` to ``hi`` (excluded) and their features."""
    shaped = [i for i in range(lo, hi) if headline_shaped(feats[i])]
    if not shaped:
        return []
    meta = _meta_lines(feats, shaped[0] - META_ABOVE_REACH, shaped[-1] + META_REACH + 1)
    shaped = [i for i in shaped if i <= body_start + BELOW_REACH or _beside_meta(i, meta)]
    if not shaped:
        return []
    keys = {i: title_key(feats[i].text) for i in shaped if feats[i].words >= MIN_REPEAT_WORDS}
    window = _Window(
        body_start=body_start,
        meta=meta,
        repeated=_repeated(feats, keys),
        lead=_content_words(feats, body_start, body_start + LEAD_LINES),
        crumbs=_crumb_tails(feats, lo, hi),
        glued=_glued(feats, shaped),
    )
    return [(i, _features(feats, i, window)) for i in shaped]


def _beside_meta(i: int, meta: frozenset[int]) -> bool:
    """True when a date or byline line is printed just above or below line ``i``."""
    return i - 1 in meta or _near(meta, i + 1, i + FAR_META_REACH)


def _near(meta: frozenset[int], lo: int, hi: int) -> bool:
    """True when a line from ``lo`` to ``hi`` (both included) is a date or byline line."""
    return not meta.isdisjoint(range(lo, hi + 1))


def _glued(feats: Sequence[Line], shaped: list[int]) -> frozenset[int]:
    """The candidates that end with another, shorter candidate printed nearby.

    "HomeNewsHeadline" or "Topic: Headline" above or below "Headline": the plain copy is the
    headline, the other has a breadcrumb or a kicker glued in front. Candidates are grouped by
    their last word, which a glued copy shares with its plain copy.
    """
    by_last: dict[str, list[int]] = {}
    for j in shaped:
        if feats[j].words >= GLUED_MIN_WORDS:
            by_last.setdefault(feats[j].key.rpartition(" ")[2], []).append(j)
    return frozenset(
        i
        for i in shaped
        for j in by_last.get(feats[i].key.rpartition(" ")[2], ())
        if 0 < abs(i - j) <= GLUED_REACH
        and len(feats[j].key) < len(feats[i].key)
        and feats[i].key.endswith(feats[j].key)
    )


def _meta_lines(feats: Sequence[Line], lo: int, hi: int) -> frozenset[int]:
    """The numbers of the date and byline lines from ``lo`` to ``hi``."""
    return frozenset(
        i for i in range(max(0, lo), min(len(feats), hi)) if is_meta_line(feats[i].text)
    )


def _crumb_tails(feats: Sequence[Line], lo: int, hi: int) -> frozenset[str]:
    """The normalised last steps of the breadcrumb trails from ``lo`` to ``hi``, and of the
    trails of two steps or more anywhere on the page (some pages print the trail under the
    article; a lone mark far off is more often a link, "Spain -> Rioja").
    """
    near = (f.text for f in feats[lo:hi] if f.words <= MAX_TITLE_WORDS * 2)
    tails = (_crumb_tail(text) for text in chain(near, _two_step_lines(feats)))
    return frozenset(tail for tail in tails if tail)


def _two_step_lines(feats: Sequence[Line]) -> list[str]:
    """The lines of the page holding two breadcrumb marks or more (one search of the page:
    most pages have few)."""
    page = "\n".join(f.text for f in feats)
    starts = (page.rfind("\n", 0, match.start()) + 1 for match in _MARK_PAIR.finditer(page))
    found = (_line_at(page, start) for start in dict.fromkeys(starts))
    return [text for text in found if len(text.split()) <= MAX_TITLE_WORDS * 2]


def _line_at(page: str, start: int) -> str:
    """The line of ``page`` that starts at offset ``start``."""
    end = page.find("\n", start)
    return page[start:] if end < 0 else page[start:end]


def _crumb_tail(text: str) -> str | None:
    """The normalised last step of a breadcrumb trail, or None when ``text`` is not one.

    A mark opening the line is a bullet or a quote mark, and a byline's "|" parts are not
    steps of a trail.
    """
    match = _CRUMB_TAIL.search(text)
    if not match or not any(c.isalnum() for c in text[: match.start()]) or is_byline(text):
        return None
    mark = match.group("mark").strip()
    return normalise(match.group("tail")) if mark not in "/|" or text.count(mark) >= 2 else None


def _content_words(feats: Sequence[Line], lo: int, hi: int) -> Counter[str]:
    """How often each content word occurs in the prose lines ``lo`` to ``hi``."""
    stops = word_set("stopwords.txt")
    return Counter(w for f in feats[lo:hi] if f.prose for w in f.key.split() if w not in stops)


def _in_lead(feats: Sequence[Line], i: int, body_start: int) -> bool:
    """True when line ``i`` is one of the prose lines whose words make the lead."""
    return body_start <= i < body_start + LEAD_LINES and feats[i].prose


def _overlap(line: Line, words: Counter[str], own: bool) -> float:
    """The share of a line's content words that the article uses too.

    A headline tells the story the article tells; a section label or site name does not.
    A line of the lead itself (``own``) counts only the words the rest of the lead uses.
    """
    stops = word_set("stopwords.txt")
    content = [w for w in line.key.split() if w not in stops]
    if not content:
        return 0.0
    if not own:
        return sum(1 for w in content if w in words) / len(content)
    mine = Counter(content)
    return sum(1 for w in content if words[w] > mine[w]) / len(content)


def _title_lines(feats: Sequence[Line], first_words: frozenset[str]) -> dict[str, list[int]]:
    """Where each candidate's line occurs, a "Headline | Outlet" line counted as its headline.

    Only lines long enough to earn the repeat bonus and starting like a candidate
    (``first_words``) can repeat one, so only those are counted, and a "Headline | Outlet"
    line is cut (which is slow) only when it holds a separator.
    """
    found: dict[str, list[int]] = {}
    for j, f in enumerate(feats):
        if f.words >= MIN_REPEAT_WORDS and f.key.partition(" ")[0] in first_words:
            key = title_key(f.text) if SUFFIX_MARKS.intersection(f.text) else f.key
            found.setdefault(key, []).append(j)
    return found


def _repeated(feats: Sequence[Line], keys: dict[int, str]) -> frozenset[int]:
    """The candidates (``keys``: line number to headline key) printed more than once.

    A copy printed between the same lines as the candidate is a block printed twice (a menu
    for small and large screens, a carousel of teasers), not the page title over the
    headline: when every copy is one, the candidate is not counted as repeated.
    """
    lines = _title_lines(feats, frozenset(key.partition(" ")[0] for key in keys.values()))
    return frozenset(
        i
        for i, key in keys.items()
        if len(lines[key]) > 1 and not all(_same_block(feats, i, j) for j in lines[key] if j != i)
    )


def _same_block(feats: Sequence[Line], i: int, j: int) -> bool:
    """True when lines ``i`` and ``j`` are set apart and share the line above or below.

    A shared label (a one- or two-word kicker printed over both copies) does not count.
    """
    return abs(i - j) > 1 and any(
        0 <= i + step < len(feats)
        and 0 <= j + step < len(feats)
        and feats[i + step].words > LABEL_WORDS
        and feats[i + step].key == feats[j + step].key
        for step in (-1, 1)
    )


def _features(feats: Sequence[Line], i: int, window: _Window) -> tuple[float, ...]:
    """The features of candidate ``i``, in the order of ``title_model.FEATURES``."""
    line = feats[i]
    below = i - window.body_start
    after = feats[i + 1] if i + 1 < len(feats) else None
    return (
        i in window.repeated,
        max(0, -below),
        min(max(0, below), BELOW_REACH),
        below > BELOW_REACH,
        line.text.endswith("."),
        min(line.words, FULL_LENGTH),
        line.words <= LABEL_WORDS,
        line.words == 1,
        after is not None and is_standfirst(line, after),
        after is not None and after.caption,
        pull_quote(line),
        label_pair(line.text),
        is_name(line.text) or is_credit(line.text),
        is_tag_list(line.text),
        i in window.glued,
        _near(window.meta, i + 1, i + META_REACH),
        _near(window.meta, i - META_ABOVE_REACH, i - 1),
        _overlap(line, window.lead, _in_lead(feats, i, window.body_start)),
        line.key in window.crumbs,
        _under_meta(feats, i, window),
        _heads_body(feats, i, window),
    )


def _under_meta(feats: Sequence[Line], i: int, window: _Window) -> bool:
    """True for a headline printed just under a date line, heading the body.

    The line above must hold a date (under a bare byline, "By", stands the author's name). The
    candidate must be headline-sized (longer than a label, shorter than a standfirst, not a
    list of "Field: value" pairs), longer than a candidate printed right over the date and
    byline lines (else that is the headline, and this line a reading time or a standfirst),
    have no date or byline line of its own below (a byline block's name or a teaser has one),
    and only labels may stand between it and the body.
    """
    line = feats[i]
    if i - 1 not in window.meta or not i < window.body_start or not dated(feats[i - 1].text):
        return False
    if not LABEL_WORDS < line.words < STANDFIRST_MIN_WORDS or line.text.count(":") > 1:
        return False
    if _near(window.meta, i + 1, i + META_REACH) or _longer_over_meta(feats, i, window.meta):
        return False
    below = range(i + 1, window.body_start)
    return not any(feats[j].words > LABEL_WORDS and headline_shaped(feats[j]) for j in below)


def _longer_over_meta(feats: Sequence[Line], i: int, meta: frozenset[int]) -> bool:
    """True when the line right over the date and byline lines above ``i`` is a candidate
    at least as long as line ``i``."""
    top = i - 1
    while top - 1 in meta:
        top -= 1
    over = feats[top - 1] if top >= 1 else None
    return over is not None and over.words >= feats[i].words and headline_shaped(over)


def _heads_body(feats: Sequence[Line], i: int, window: _Window) -> bool:
    """True for a label-sized line printed right above the body or a long paragraph.

    A section label sits among other labels, over a headline or a date, or under a headline
    as its tag; a short line that heads the article's first lines (captions may come between)
    or a long paragraph (the body finder may start lower, at denser prose) is the headline.
    One under a date or byline line is the name after a bare "By", or a label under a post's
    date.
    """
    if feats[i].words > LABEL_WORDS or i >= window.body_start or i - 1 in window.meta:
        return False
    above = next((f for f in reversed(feats[max(0, i - 2) : i]) if f.key != feats[i].key), None)
    if above and above.words >= TAGGED_HEADLINE_WORDS and headline_shaped(above):
        return False
    if i + 1 < window.body_start and feats[i + 1].prose and feats[i + 1].words >= LONG_PROSE_WORDS:
        return True
    return all(feats[j].caption or not feats[j].words for j in range(i + 1, window.body_start))
