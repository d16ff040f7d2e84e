"""Find an article's authors on a plain-text page: person names from a byline.

Handles "By X", "byX", "By X and Y", "Written by X", "Posted ... by X", "Von X", a byline word
on its own line followed by the names, "Reporting by X" after the body, and wire-style
capitals. Roles ("Transport Correspondent") and non-persons ("Editorial staff") are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .rules import phrases, word_set

MIN_NAME_WORDS = 2
MAX_NAME_WORDS = 4
MAX_BYLINE_WORDS = 16
LOOK_BEHIND = 4
LOOK_AHEAD = 4
TAIL_LINES = 6

_SPLIT = re.compile(r"\s*(?:,|;|\||/|\band\b|\bund\b|\bet\b|\by\b|&)\s*")
_CUT = re.compile(r"\s+(?:[-–—|(•·]|\bfor\b|\bin\b|\bat\b|\bon\b|\bfür\b)\s*.*$")
_NAME_WORD = re.compile(r"^[A-ZÀ-Þ][\w'’.-]*$|^(?:van|von|de|der|den|da|del|di|le|la|bin|al)$")


@cache
def _byline() -> re.Pattern[str]:
    words = sorted(map(re.escape, phrases("bylines.txt")), key=len, reverse=True)
    lead = "|".join(words)
    # The byline word, then a colon, spaces, or straight on to a capital ("byOlena").
    return re.compile(rf"^(?:{lead})(?:\s*:\s*|\s+|(?=[A-ZÀ-Þ]))(?P<names>.+)$", re.IGNORECASE)


_INLINE_BY = re.compile(
    r"^(?:posted|published|written|updated)\b.*?\bby\s+(?P<names>[A-Z].+)$", re.I
)
_REPORTING = re.compile(r"(?:reporting|written|additional reporting) by\s+(?P<names>[A-Z][^;.]+)")


def find_authors(
    lines: Sequence[str], anchor: int, body_start: int, body_end: int
) -> tuple[str, ...]:
    """Person names from the byline nearest the headline, else from the end of the body.

    Args:
        lines: the page's non-empty lines.
        anchor: the headline's line number (or the body's start when there is none).
        body_start: first line of the body.
        body_end: line after the last line of the body.
    """
    lo = max(0, min(anchor, body_start) - LOOK_BEHIND)
    for i in range(lo, min(len(lines), body_start + LOOK_AHEAD)):
        names = byline_names(lines[i], lines[i + 1] if i + 1 < len(lines) else "")
        if names:
            return names
    for line in lines[max(body_start, body_end - TAIL_LINES) : body_end + TAIL_LINES]:
        match = _REPORTING.search(line)
        if match:
            return clean_names(match.group("names"))
    return ()


def byline_names(line: str, following: str = "") -> tuple[str, ...]:
    """The names of a byline line (or of the next line when this one is a bare "By")."""
    if len(line.split()) > MAX_BYLINE_WORDS:
        return ()
    if line.strip(" :").lower() in phrases("bylines.txt"):
        return clean_names(following) if len(following.split()) <= MAX_BYLINE_WORDS else ()
    match = _byline().match(line) or _INLINE_BY.search(line)
    return clean_names(match.group("names")) if match else ()


def clean_names(text: str) -> tuple[str, ...]:
    """Person names in a byline's text: split, roles dropped, capitals normalised."""
    names = []
    for part in _SPLIT.split(_CUT.sub("", text)):
        name = _person(part.strip(" .:"))
        if name and name not in names:
            names.append(name)
    return tuple(names)


def _person(text: str) -> str | None:
    tokens = text.split()
    if text.isupper():
        tokens = [t.capitalize() for t in tokens]
    roles = word_set("roles.txt")
    if any(t.lower().strip(".,") in roles for t in tokens):
        tokens = _before_role(tokens, roles)
    if not MIN_NAME_WORDS <= len(tokens) <= MAX_NAME_WORDS:
        return None
    if not all(_NAME_WORD.match(t) for t in tokens) or any(c.isdigit() for c in text):
        return None
    return " ".join(tokens)


def _before_role(tokens: list[str], roles: frozenset[str]) -> list[str]:
    """The name before a trailing role ("Jane Roe Transport Correspondent" -> "Jane Roe")."""
    for i, token in enumerate(tokens):
        if token.lower().strip(".,") in roles:
            head = tokens[:i]
            return head if len(head) >= MIN_NAME_WORDS else []
    return tokens
