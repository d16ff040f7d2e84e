"""Find an article's outlet and provenance on a plain-text page.

A cascade of small pure functions: each tries its strongest signal first and returns ``None``
rather than guess. Titles live in ``title.py``, dates in ``dates.py``, authors in ``authors.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .headline_text import clean_title
from .title import find_title

__all__ = ["clean_title", "find_original_outlet", "find_outlet", "find_title"]

MAX_OUTLET_LINE_WORDS = 16
FOOTER_LINES = 40

_ORIGINAL = re.compile(
    r"originally (?:published|appeared) (?:by|in|on|at) (?:the )?(?P<name>[A-Z][\w&.' -]+?)"
    r"(?=\s+(?:and|on)\b|[.,;]|$)"
)
_WIRE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ .,'/-]{2,40}\((?P<name>[A-Z][A-Za-z]{1,12})\)\s*[—–-]")
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?,?\s*"
    r"(?P<name>[A-Z][\w&.' -]{1,40}?)\s*(?:[.,;|]|all rights|alle rechte|tous droits|$)",
    re.IGNORECASE,
)
_PUBLISHED_BY = re.compile(r"^(?i:published by) (?P<name>[A-Z][\w&.' -]{1,40}?)\s*[.,;]?$")


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
