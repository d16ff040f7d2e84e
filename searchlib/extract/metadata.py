"""Find an article's title, outlet and provenance on a plain-text page.

A cascade of small pure functions: each tries its strongest signal first and returns ``None``
rather than guess. Dates live in ``dates.py`` and authors in ``authors.py``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from .authors import byline_names, is_byline
from .dates import parse_date
from .lines import Line
from .rules import normalise, word_set

TITLE_WINDOW = 40
MIN_TITLE_WORDS = 2
MAX_TITLE_WORDS = 30
MAX_OUTLET_LINE_WORDS = 16
FOOTER_LINES = 40
# Score of a headline candidate: a line printed twice (page title and headline) is the
# strongest hint; closeness to the body breaks ties.
REPEAT_BONUS = 1.5
DISTANCE_COST = 0.1
FULL_STOP_COST = 2.0
LENGTH_GAIN = 0.2
FULL_LENGTH = 10
MIN_REPEAT_WORDS = 4
LABEL_COST = 2.0
LABEL_WORDS = 2
META_BONUS = 2.5
META_REACH = 3
STANDFIRST_BONUS = 1.0
OVERLAP_GAIN = 2.0
LEAD_LINES = 12

# A site name after the headline: "Headline | Outlet", "Headline - Outlet" (a few words).
_TITLE_SUFFIX = re.compile(r"\s+[|]\s+.*$|\s+[–—-]\s+(?:[^\s|–—-]+\s?){1,4}$")
_ORIGINAL = re.compile(
    r"originally (?:published|appeared) (?:by|in|on|at) (?:the )?(?P<name>[A-Z][\w&.' -]+?)"
    r"(?=\s+(?:and|on)\b|[.,;]|$)"
)
# Two path separators in a short line: a breadcrumb trail ("Home » News » World").
_BREADCRUMB = re.compile(r"(?:\s[»›>/|]\s.*){2}")
_WIRE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ .,'/-]{2,40}\((?P<name>[A-Z][A-Za-z]{1,12})\)\s*[—–-]")
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?,?\s*"
    r"(?P<name>[A-Z][\w&.' -]{1,40}?)\s*(?:[.,;|]|all rights|alle rechte|tous droits|$)",
    re.IGNORECASE,
)
_PUBLISHED_BY = re.compile(r"^(?i:published by) (?P<name>[A-Z][\w&.' -]{1,40}?)\s*[.,;]?$")


def find_title(feats: Sequence[Line], body_start: int) -> int | None:
    """The line number of the headline: a headline-shaped line just above the body."""
    counts = _title_counts(feats)
    lead = _lead_words(feats, body_start)
    best: tuple[float, int] | None = None
    lo = max(0, body_start - TITLE_WINDOW)
    for i in range(lo, min(len(feats), body_start + 1)):
        if _headline_shaped(feats[i]):
            repeated = counts[_title_key(feats[i].text)] > 1
            score = _title_score(feats, i, body_start, repeated)
            score += OVERLAP_GAIN * _overlap(feats[i], lead)
            if best is None or score > best[0]:
                best = (score, i)
    return best[1] if best else None


def _lead_words(feats: Sequence[Line], body_start: int) -> frozenset[str]:
    """The content words of the article's first paragraphs."""
    lead = [f for f in feats[body_start : body_start + LEAD_LINES] if f.prose]
    stops = word_set("stopwords.txt")
    return frozenset(w for f in lead for w in f.key.split() if w not in stops)


def _overlap(line: Line, lead: frozenset[str]) -> float:
    """The share of a line's content words that the lead paragraphs use too.

    A headline tells the story the lead tells; a section label or site name does not.
    """
    stops = word_set("stopwords.txt")
    content = [w for w in line.key.split() if w not in stops]
    return sum(1 for w in content if w in lead) / len(content) if content else 0.0


def _title_counts(feats: Sequence[Line]) -> Counter[str]:
    """How often each line occurs, a "Headline | Outlet" line counted as its headline."""
    # Only lines long enough to earn the repeat bonus are counted.
    return Counter(
        _title_key(f.text) if _SUFFIX_MARKS.intersection(f.text) else f.key
        for f in feats
        if f.words >= MIN_REPEAT_WORDS
    )


_SUFFIX_MARKS = frozenset("|–—:-")


def _title_score(feats: Sequence[Line], i: int, body_start: int, repeated: bool) -> float:
    line = feats[i]
    score = REPEAT_BONUS * (repeated and line.words >= MIN_REPEAT_WORDS)
    score -= DISTANCE_COST * (body_start - i)
    score -= FULL_STOP_COST * line.text.endswith(".")
    score += LENGTH_GAIN * min(line.words, FULL_LENGTH)
    score -= LABEL_COST * (line.words <= LABEL_WORDS) + LABEL_COST * (line.words == 1)
    if i + 1 < len(feats) and _is_standfirst(line, feats[i + 1]):
        score += STANDFIRST_BONUS
    following = feats[i + 1 : i + 1 + META_REACH]
    score += META_BONUS * any(_is_meta_line(f.text) for f in following)
    return score


def _is_standfirst(headline: Line, below: Line) -> bool:
    """True when ``below`` reads like a standfirst under ``headline``: longer, more prose."""
    return (
        below.words > headline.words
        and below.stop_share > headline.stop_share
        and not (below.chrome or below.caption or below.legal)
    )


def _is_meta_line(text: str) -> bool:
    """A date or byline line, as printed just under a headline."""
    return len(text.split()) <= MAX_OUTLET_LINE_WORDS and bool(
        byline_names(text) or parse_date(text)
    )


def clean_title(text: str) -> str:
    """The headline without a trailing "| Outlet" or " - Outlet" part."""
    cleaned = _TITLE_SUFFIX.sub("", text).strip()
    return cleaned if len(cleaned.split()) >= MIN_TITLE_WORDS else text.strip()


def _title_key(text: str) -> str:
    return normalise(clean_title(text))


def _headline_shaped(line: Line) -> bool:
    if line.chrome or line.caption or line.legal or (line.prose and line.text.endswith(".")):
        return False
    if not MIN_TITLE_WORDS <= line.words <= MAX_TITLE_WORDS:
        return False
    if line.text[:1].islower() or line.text.endswith((",", ":", ";")):
        return False
    if _BREADCRUMB.search(line.text) or is_byline(line.text):
        return False
    return not parse_date(line.text)


def find_outlet(lines: Sequence[str], body_start: int) -> str | None:
    """The outlet, only on strong evidence: a wire dateline, "Published by", a copyright line."""
    for line in lines[body_start : body_start + 3]:
        match = _WIRE.match(line)
        if match:
            return match.group("name")
    for line in lines[-FOOTER_LINES:]:
        if len(line.split()) > MAX_OUTLET_LINE_WORDS:
            continue
        match = _PUBLISHED_BY.match(line) or _COPYRIGHT.search(line)
        if match and not match.group("name")[:1].isdigit():
            return match.group("name").strip(" .-")
    return None


def find_original_outlet(lines: Sequence[str]) -> str | None:
    """The outlet named in an "originally published by X" line."""
    for line in lines:
        match = _ORIGINAL.search(line)
        if match:
            return match.group("name").strip()
    return None
