"""Find an article's metadata on a plain-text page: a cascade of small pure functions.

Each ``find_*`` function tries its strongest signal first and returns ``None`` (or an empty
tuple) rather than guess.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence

from .body import is_chrome
from .rules import data_lines, phrases, words

HEAD_LINES = 15
MAX_TITLE_WORDS = 30
MIN_TITLE_WORDS = 3
MAX_NAME_WORDS = 4

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?"
_DATE = re.compile(
    rf"""(?ix)
    (?:{_DAY}\s+)?
    (?: \d{{1,2}}\s+{_MONTH},?\s+\d{{4}}
      | {_MONTH}\s+\d{{1,2}},?\s+\d{{4}}
      | \d{{4}}-\d{{2}}-\d{{2}}
      | \d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}} )
    """
)
_BYLINE = re.compile(r"^(?:written\s+)?by\s*(?=[A-Z])(?P<names>.+)$", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")
_ORIGINAL = re.compile(
    r"originally (?:published|appeared) (?:by|in|on|at) (?P<name>[A-Z][\w&.' -]+?)"
    r"(?=\s+and\b|[.,;]|$)"
)
_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,40}$")


def find_date(lines: Sequence[str]) -> _dt.date | None:
    """The first date on a short line near the top of the page."""
    for line in lines[:HEAD_LINES]:
        if len(words(line)) <= 8:
            found = parse_date(line)
            if found:
                return found
    return None


def parse_date(text: str) -> _dt.date | None:
    """Parse the first date-like string in ``text``, or ``None``."""
    match = _DATE.search(text)
    if not match:
        return None
    raw = match.group(0)
    cleaned = " ".join(raw.replace(",", " ").replace(". ", " ").split())
    for fmt in data_lines("date_formats.txt"):
        for candidate in (cleaned, raw):
            try:
                return _dt.datetime.strptime(candidate, fmt).date()
            except ValueError:
                continue
    return None


def find_authors(lines: Sequence[str]) -> tuple[str, ...]:
    """Names from a "By X and Y" byline near the top of the page."""
    for line in lines[:HEAD_LINES]:
        match = _BYLINE.match(line)
        if match and len(words(line)) <= 3 * MAX_NAME_WORDS:
            return tuple(_clean_names(match.group("names")))
    return ()


def _clean_names(text: str) -> list[str]:
    names = [name.strip(" .") for name in _NAME_SPLIT.split(text)]
    return [name for name in names if 1 < len(name.split()) <= MAX_NAME_WORDS]


def byline_lines(lines: Sequence[str]) -> list[str]:
    """The lines ``find_authors`` would read names from."""
    return [line for line in lines[:HEAD_LINES] if _BYLINE.match(line)]


def find_title(lines: Sequence[str]) -> str | None:
    """The first headline-like line near the top: not chrome, a date or a byline."""
    for line in lines[:HEAD_LINES]:
        n = len(words(line))
        if not MIN_TITLE_WORDS <= n <= MAX_TITLE_WORDS:
            continue
        if _BYLINE.match(line) or (_DATE.search(line) and n <= 8) or _is_cta(line):
            continue
        return _TITLE_SUFFIX.sub("", line).strip()
    return None


def _is_cta(line: str) -> bool:
    lowered = line.lower()
    return is_chrome(line) or any(lowered.startswith(p) for p in phrases("chrome_en.txt"))


def find_original_outlet(lines: Sequence[str]) -> str | None:
    """The outlet named in an "originally published by X" line."""
    for line in lines:
        match = _ORIGINAL.search(line)
        if match:
            return match.group("name").strip()
    return None
