"""Publication dates on a plain-text page: find date strings cheaply, parse them well.

Cheap regular expressions find date-like strings; numeric forms are read here (day first, as
most of the world writes them), and forms with month names in any language are handed to
``dateparser``, a maintained multilingual date library, once per distinct string.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from .rules import data_lines, phrase_pattern

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

MIN_YEAR = 1990
MAX_YEARS_AHEAD = 2
MAX_DATE_LINE_WORDS = 20
LOOK_AHEAD = 8
LOOK_BEHIND = 6
WIDE_REACH = 40
DATE_CACHE = 8192
MAX_CACHED_CHARS = 1000

_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d.,/])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|\.\d)")
_WORDY = re.compile(
    r"""(?ix)
    (?: \b\d{1,2}(?:st|nd|rd|th|er|\.|º)?(?:\s+de)?\s+[^\W\d_]{3,12}\.?(?:\s+de)?,?\s+\d{4}
      | \b[^\W\d_]{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4} )
    """
)


_DIGIT = re.compile(r"\d")


def parse_date(text: str, *, month_first: bool = False) -> _dt.date | None:
    """The first date in ``text`` (ISO, numeric, or with a month name), or None.

    Args:
        text: a line of a page.
        month_first: read "11/01/2021" as November 1 (a US page); dotted dates such as
            "11.01.2021" are always day first.
    """
    found = dated_at(text, month_first=month_first)
    return found[1] if found else None


@cache
def relative_date_pattern() -> re.Pattern[str]:
    """A relative date ("vor 3 Stunden", "2 hours ago") of ``data/relative_dates.txt``, in
    any case."""
    return re.compile("|".join(data_lines("relative_dates.txt")), re.IGNORECASE)


def dated_at(text: str, *, month_first: bool = False) -> tuple[int, _dt.date] | None:
    """Where the first date in ``text`` starts, and the date; None when it holds none.

    Args:
        text: a line of a page.
        month_first: as for ``parse_date``.
    """
    # Cached for lines of ordinary length: a site prints the same date lines on many pages.
    if len(text) > MAX_CACHED_CHARS:
        return _dated_at(text, month_first)
    return _cached_dated_at(text, month_first)


def _dated_at(text: str, month_first: bool) -> tuple[int, _dt.date] | None:
    found = [
        hit for hit in (_iso_date(text), _numeric_date(text, month_first), _wordy_date(text)) if hit
    ]
    return min(found) if found else None


_cached_dated_at = lru_cache(maxsize=DATE_CACHE)(_dated_at)


def month_first(text: str) -> bool:
    """True when a page writes numeric dates month first, as US pages do.

    Evidence: a slashed date that only reads month first ("11/18/2019"), and none that only
    reads day first ("18/11/2019").
    """
    if "/" not in text:
        return False
    us = day_first = 0
    for match in _NUMERIC.finditer(text):
        first, second = int(match.group(1)), int(match.group(3))
        us += first <= 12 < second and match.group(2) == "/"
        day_first += second <= 12 < first
    # Weaker hints (a 12-hour clock, "March 1, 2024") proved unreliable: pages in other
    # languages print "02:14 a.m." and day-first dates side by side.
    if day_first:
        return False
    return us > 0


def _iso_date(text: str) -> tuple[int, _dt.date] | None:
    match = _ISO.search(text)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    date = _valid(year, month, day)
    return (match.start(), date) if date else None


def _numeric_date(text: str, month_first: bool) -> tuple[int, _dt.date] | None:
    match = _NUMERIC.search(text)
    if not match:
        return None
    first, second, year_text = int(match.group(1)), int(match.group(3)), match.group(4)
    year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    # Day first unless the page writes month first or day first is impossible (11/18/2019).
    swap = (month_first and match.group(2) == "/") or second > 12 >= first
    day, month = (second, first) if swap else (first, second)
    date = _valid(year, month, day)
    return (match.start(), date) if date else None


def _wordy_date(text: str) -> tuple[int, _dt.date] | None:
    for match in _WORDY.finditer(text):
        date = _parse_words(match.group(0))
        if date:
            return match.start(), date
    return None


@lru_cache(maxsize=4096)
def _parse_words(raw: str) -> _dt.date | None:
    parsed = _date_parser().get_date_data(raw).date_obj
    return _valid(parsed.year, parsed.month, parsed.day) if parsed else None


@lru_cache(maxsize=1)
def _date_parser() -> DateDataParser:
    # Imported late: dateparser costs ~40 ms to import and only month names need it.
    from dateparser.date import DateDataParser

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY"}
    languages = list(data_lines("date_languages.txt"))
    return DateDataParser(languages=languages, settings=settings, try_previous_locales=True)


def _valid(year: int, month: int, day: int) -> _dt.date | None:
    if not MIN_YEAR <= year <= _dt.date.today().year + MAX_YEARS_AHEAD:
        return None
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def find_date(
    lines: Sequence[str],
    title_at: int | None,
    body_start: int,
    captions: frozenset[int] = frozenset(),
) -> _dt.date | None:
    """The publication date: next to the headline or byline, strongest signal first.

    Args:
        lines: the page's non-empty lines.
        title_at: the line number of the headline, if found.
        body_start: the first line of the body.
        captions: numbers of caption lines, whose dates are when a photo was taken.

    Returns:
        A "Published ..." date near the head, else the first date on a short line between the
        headline and the body, else one just above the headline, else the date on the short
        line nearest the headline; never one on the page's first line, where sites print
        today's date, and None when there is no date near the article.
    """
    anchor = title_at if title_at is not None else body_start
    us: bool | None = None  # the page's date order, read only when a slashed date needs it
    for i in _date_lines(lines, anchor, body_start):
        if i not in captions and _DIGIT.search(lines[i]):
            if us is None and "/" in lines[i]:
                us = month_first("\n".join(lines))
            date = parse_date(lines[i], month_first=bool(us))
            if date:
                return date
    return None


def _date_lines(lines: Sequence[str], anchor: int, body_start: int) -> Iterator[int]:
    """Line numbers to look for the date on, best first."""
    head = range(max(0, anchor - LOOK_BEHIND), min(len(lines), body_start + LOOK_AHEAD))
    for i in head:
        if phrase_pattern("publish_markers.txt").search(lines[i]):
            # A marker alone on its line ("Published:") labels the line after it.
            yield from (j for j in (i, i + 1) if j < len(lines))
    yield from (i for i in head if i >= anchor and _short(lines[i]))
    yield from (i for i in reversed(head) if 0 < i < anchor and _short(lines[i]))
    wide = range(max(1, anchor - WIDE_REACH), min(len(lines), body_start + WIDE_REACH))
    rest = [i for i in wide if i not in head and _short(lines[i])]
    yield from sorted(rest, key=lambda i: abs(i - anchor))


def _short(line: str) -> bool:
    return len(line.split()) <= MAX_DATE_LINE_WORDS
