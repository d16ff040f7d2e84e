"""Find an article's authors on a plain-text page: person names from a byline.

Handles "By X", "byX", "By X and Y", "Written by X", "Posted ... by X", "Von X", a byline word
on its own line followed by the names, "Reporting by X" after the body, and wire-style
capitals. Roles ("Transport Correspondent") and non-persons ("Editorial staff") are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .rules import phrase_pattern, phrases, section, word_set

MIN_NAME_WORDS = 2
MAX_NAME_WORDS = 4
MAX_BYLINE_WORDS = 16
MAX_INLINE_WORDS = 12
MAX_WORDS_BEFORE_INLINE = 5
LOOK_BEHIND = 6
LOOK_AHEAD = 4
TAIL_LINES = 6

_SPLIT = re.compile(r"\s{2,}|\s*(?:,|;|\||/|\band\b|\bund\b|\bet\b|\by\b|&)\s*")
# Where a name ends: a separator, a handle, a date, or a word such as "for", "am", "le".
_CUT = re.compile(
    r"(?:\s+(?:[-–—|(•·/]|(?:for|in|at|on|am|um|le|el|il|für|pour|para|per|via)\b)|@|\s\d).*$"
)
_NAME_WORD = re.compile(r"^[A-ZÀ-Þ][\w'’.-]*$")


@cache
def _lead_words() -> str:
    return "|".join(sorted(map(re.escape, phrases("bylines.txt")), key=len, reverse=True))


@cache
def _byline() -> re.Pattern[str]:
    # The byline word, then a colon, spaces, or straight on to a capital ("byOlena").
    return re.compile(
        rf"^(?:{_lead_words()})(?:\s*:\s*|\s+|(?-i:(?=[A-ZÀ-Þ][a-zà-ÿ])))(?P<names>.+)$",
        re.IGNORECASE,
    )


@cache
def _inline() -> re.Pattern[str]:
    """A byline word inside a short line: "22 May 2023 by Jane Roe", "Ein Artikel von X"."""
    words = "|".join(map(re.escape, section("bylines.txt", "inline")))
    return re.compile(rf"\s(?i:{words})\s+(?P<names>\w.*)$")


_HAS_DIGIT = re.compile(r"\d")
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
        if i == anchor:
            continue
        names = byline_names(lines[i], lines[i + 1] if i + 1 < len(lines) else "")
        names = names or _dated_name(lines, i) or _doubled_name(lines, i)
        if names:
            return names
    return _tail_names(lines[body_start : body_end + TAIL_LINES])


def _tail_names(lines: Sequence[str]) -> tuple[str, ...]:
    """Names from "Reporting by X" or an "Author: X" line at the end of the article."""
    for line in lines:
        match = _REPORTING.search(line)
        if match:
            return clean_names(match.group("names"))
        match = _byline().match(line)
        if match and ":" in line[: match.start("names")]:
            return clean_names(match.group("names"))
    return ()


def byline_names(line: str, following: str = "") -> tuple[str, ...]:
    """The names of a byline line (or of the next line when this one is a bare "By")."""
    if len(line.split()) > MAX_BYLINE_WORDS or phrase_pattern("legal.txt").search(line):
        return ()
    if line.strip(" :").lower() in phrases("bylines.txt"):
        if len(following.split()) > MAX_BYLINE_WORDS:
            return ()
        return clean_names(following, handles=True)
    match = _byline().match(line)
    if match:
        return clean_names(match.group("names"), handles=True)
    match = _inline().search(line) if len(line.split()) <= MAX_INLINE_WORDS else None
    if not match or len(line[: match.start()].split()) > MAX_WORDS_BEFORE_INLINE:
        return ()
    # "by"/"von" inside a line is often a plain preposition ("Christoph von X", "von Daten");
    # a one-word user name is trusted only on a dated line ("Posted on 4 May 2023 by jdoe").
    return clean_names(match.group("names"), handles=_HAS_DIGIT.search(line) is not None)


def _dated_name(lines: Sequence[str], i: int) -> tuple[str, ...]:
    """A bare name printed with a date on its line or the next ("Jane Roe" / "4 May 2023")."""
    line = lines[i]
    rest = _DATE_TEXT.sub(" ", line).strip(" ,|·•-–—")
    if rest == line.strip():
        near = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        if not any(len(n.split()) <= MAX_INLINE_WORDS and _DATE_TEXT.search(n) for n in near):
            return ()
    parts = [p for p in _SPLIT.split(rest) if p.strip()]
    names = clean_names(rest)
    return names if names and len(names) == len(parts) else ()


def _doubled_name(lines: Sequence[str], i: int) -> tuple[str, ...]:
    """A bare name printed twice in a row: an author box (the photo's alt text, then the name)."""
    if i + 1 >= len(lines) or lines[i] != lines[i + 1]:
        return ()
    name = _person(lines[i])
    return (name,) if name else ()


_DATE_TEXT = re.compile(r"\d{1,4}[./-]\s?\d{1,2}[./-]\s?\d{2,4}|\d{1,2}\.?\s+\w+\.?\s+\d{4}|\d{4}")


def is_byline(line: str) -> bool:
    """True for a short line that starts like a byline, whatever follows."""
    return len(line.split()) <= MAX_BYLINE_WORDS and bool(_byline().match(line))


def clean_names(text: str, *, handles: bool = False) -> tuple[str, ...]:
    """Person names in a byline's text: split, roles dropped, capitals normalised.

    Args:
        text: what follows the byline word.
        handles: accept a one-word user name ("By jdoe"), as after an explicit byline word.
    """
    names = []
    parts = [p.strip(" .:") for p in _SPLIT.split(_CUT.sub("", text)) if p.strip(" .:")]
    for part in parts:
        name = _person(part) or (_handle(part) if handles and len(parts) == 1 else None)
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
    if not all(_NAME_WORD.match(t) or t in _PARTICLES for t in tokens):
        return None
    if any(c.isdigit() for c in text) or not _NAME_WORD.match(tokens[-1]):
        return None
    return " ".join(tokens)


def _handle(text: str) -> str | None:
    """A one-word user name, unless it is a role ("admin") or a common word."""
    if not _HANDLE.match(text):
        return None
    lowered = text.lower()
    if lowered in word_set("roles.txt") or lowered in word_set("stopwords.txt"):
        return None
    return text


_HANDLE = re.compile(r"^[^\W\d_][\w.-]{2,29}$")

_PARTICLES = frozenset(
    "van von de da del di du dos ten ter bin al el".split()  # noqa: SIM905
)


def _before_role(tokens: list[str], roles: frozenset[str]) -> list[str]:
    """The name before a trailing role ("Jane Roe Transport Correspondent" -> "Jane Roe")."""
    for i, token in enumerate(tokens):
        if token.lower().strip(".,") in roles:
            head = tokens[:i]
            return head if len(head) >= MIN_NAME_WORDS else []
    return tokens
