"""The edges of an article within its densest run: where it begins and where it ends.

The run found by ``body`` may begin with teasers above the article's byline or date line,
may leave out a standfirst that the article repeats as its first paragraph, and may end
with the author's bio. These rules look only at those edges.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from .bylines import is_byline
from .dates import parse_date
from .lines import Line
from .rules import matches_any

# A byline or a date line ("By Jane Roe", "November 19, 2019 at 9:45 am") with at most this
# share of the kept text above it ends the header: the article starts below it.
HEADER_SHARE = 0.4
MAX_HEADER_CHARS = 80
# One paragraph above the header is the standfirst, which many sites count as the article's
# lead; two or more are teasers of other articles.
MIN_LINES_ABOVE_HEADER = 2
MAX_LINES_ABOVE_HEADER = 4


def copies_of_the_header(feats: list[Line], start: int, end: int) -> list[Line]:
    """Lines of the article that repeat a standfirst printed above it, as prose again.

    A page often prints the standfirst under the headline and again as the article's first
    paragraph; the copy counts as a caption's copy unless every other copy lies above
    the article (a caption's copies sit together, inside it).
    """
    lo = max(start - 1, 0)
    copies = [i for i in range(lo, end) if feats[i].repeated and not feats[i].caption]
    if not copies:
        return feats
    inside = Counter(feats[i].key for i in range(start, end))
    marked = list(feats)
    for i in copies:
        line = replace(feats[i], repeated=False)
        if line.prose and inside[line.key] <= (i >= start):
            marked[i] = line
    return marked


def after_header(feats: list[Line], kept: list[int], weights: list[float]) -> list[int]:
    """The kept lines from the end of the article's header (a byline or a date line).

    The densest run may begin a few lines early, with teasers or a standfirst above the
    headline; a byline or a date line between them and most of the body marks where the
    article begins.

    Args:
        feats: the features of the page's lines.
        kept: the numbers of the lines kept so far, in order.
        weights: the weight of each kept line (zero for a line that is not prose).

    Returns:
        The kept lines below the header, or all of them when no header is found.
    """
    if not kept:
        return kept
    total, before, above = sum(weights), 0.0, 0
    cut, k = -1, 0
    for i in range(kept[0], kept[-1] + 1):
        while k < len(kept) and kept[k] < i:
            before += weights[k]
            above += weights[k] > 0
            k += 1
        if before > HEADER_SHARE * total or above > MAX_LINES_ABOVE_HEADER:
            break
        if above >= MIN_LINES_ABOVE_HEADER and _header_line(feats[i]):
            cut = i
    return [i for i in kept if i > cut]


def after_date_or_byline(feats: list[Line], at: int) -> bool:
    """True when the line above ``at`` is a short date or byline line."""
    return at > 0 and _header_line(feats[at - 1])


def _header_line(line: Line) -> bool:
    """True for a short byline or date line, as the byline and date finders read them."""
    if line.prose or len(line.text) > MAX_HEADER_CHARS:
        return False
    return is_byline(line.text) or parse_date(line.text) is not None


def drop_closing_bios(feats: list[Line], kept: list[int]) -> list[int]:
    """Drop an author's bio or a "follow the author" line from the end of the article.

    Such lines read like prose and often follow the last paragraph directly; tested only at
    the end, where a broader list of roles is safe.
    """
    end = len(kept)
    while end and matches_any("closing_bios.txt", feats[kept[end - 1]].text.lower()):
        end -= 1
    return kept[:end]
