"""Find an article's authors on a plain-text page: person names from a byline.

Handles "By X", "byX", "By X and Y", "Written by X", "Posted ... by X", "Von X", a byline word
on its own line (or ending a short line) followed by the names, bylines between separators
("4 May 2023 | Autor: X | News"), "Reporting by X" after the body, author boxes ("About the
author"), and wire-style capitals. Roles ("Transport Correspondent") and non-persons
("Editorial staff") are dropped. Without a byline word, a bare name counts only where
bylines are printed: beside the date, twice in a row, above an e-mail address, or right
under the headline when it starts with a common given name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache

from .bare_names import (
    bare_name_at,
    bare_names,
    boxed_lines,
    boxed_name,
    dated_name,
    leading_name,
    lone_name,
    titled,
)
from .bylines import (
    FIELDS,
    MAX_BYLINE_WORDS,
    MAX_META_CHARS,
    byline_names,
    byline_pattern,
    inline_pattern,
    is_byline,
    is_byline_word,
)
from .dates import parse_date
from .names import MAX_NAME_WORDS, clean_names, given_name_line
from .rules import phrase_lookup, phrase_pattern, section

__all__ = ["find_authors"]

# A date printed before a byline word after the article ("Thu, 4 May 2023, 10:15 by X").
MAX_DATE_WORDS = 6

LOOK_BEHIND = 6

# Explicit bylines are looked for further up: the body's start is sometimes found too low.
WIDE_LOOK_BEHIND = 16

# A bare name starting with a common given name counts a little further from the headline.
NAME_REACH = 3

LOOK_AHEAD = 4

WIDE_LOOK_AHEAD = 8

TAIL_LINES = 6

# A byline printed after the article ("Text: Jane Roe") is looked for this far past its end.
AFTER_LINES = 16

# A byline far from the headline is believed only on a line this short.
MAX_ELSEWHERE_WORDS = 8

# An author box follows the article within this many lines (share bars and tags between).
BOX_LINES = 30

FOOTER_LINES = 40
# The whole-page fallbacks read up to this many lines past the body's end.
FALLBACK_TAIL_LINES = 40

# A bare name signing off the article is looked for from this many lines before its end.
SIGNATURE_LINES = 2

# A one-word user name with a date counts only right next to the headline.
HANDLE_REACH = 1

# A label, link or byline in an author box is a short line.
MAX_BOX_LINE_CHARS = 80

Finder = Callable[[int], tuple[str, ...]]

_REPORTING = re.compile(r"(?:reporting|written|additional reporting) by\s+(?P<names>[A-Z][^;.]+)")


def find_authors(
    lines: Sequence[str], anchor: int, body_start: int, body_end: int
) -> tuple[str, ...]:
    """Person names from the byline nearest the headline, else from the end of the body.

    The signals are tried strongest first, each on the lines nearest the headline first: an
    explicit byline ("By X", "Von X") anywhere near the head, then a bare name printed with a
    date, twice in a row or above an e-mail address, then a bare name under the headline.

    Args:
        lines: the page's non-empty lines.
        anchor: the headline's line number (or the body's start when there is none).
        body_start: first line of the body.
        body_end: line after the last line of the body.
    """
    # Comments and footers below the article are left out of the whole-page fallbacks.
    head = lines[: body_end + FALLBACK_TAIL_LINES]
    return (
        _near_headline(lines, anchor, body_start)
        or _after_article(lines, anchor, body_start, body_end)
        or _first(_elsewhere(head, body_start), lambda i: _byline_elsewhere(lines, i))
        or _first(_nearest(boxed_lines(head), body_start), lambda i: boxed_name(lines, i))
        or _copyright_holder(lines[-FOOTER_LINES:])
    )


def _near_headline(lines: Sequence[str], anchor: int, body_start: int) -> tuple[str, ...]:
    """Names printed with the headline: a byline, then bare names where bylines are printed."""
    top, bottom = min(anchor, body_start), max(anchor, body_start)
    wide = _around(anchor, range(max(0, top - WIDE_LOOK_BEHIND), bottom + WIDE_LOOK_AHEAD), lines)
    near = _around(anchor, range(max(0, top - LOOK_BEHIND), body_start + LOOK_AHEAD), lines)
    return (
        _first(wide, lambda i: _byline_at(lines, i))
        or _first(near, lambda i: bare_name_at(lines, i, handles=abs(i - anchor) <= HANDLE_REACH))
        or _first(near, lambda i: bare_names(lines[i], beside=abs(i - anchor) <= NAME_REACH))
    )


def _after_article(
    lines: Sequence[str], anchor: int, body_start: int, body_end: int
) -> tuple[str, ...]:
    """Names printed after the article (or inside a body found too long): a byline, an author
    box, a signature.
    """
    end = max(body_start, body_end - SIGNATURE_LINES)
    after = [i for i in range(end, min(len(lines), body_end + AFTER_LINES)) if i != anchor]
    inside = [i for i in range(body_start, end) if _short(lines[i], MAX_NAME_WORDS + 1)]
    return (
        _tail_names(lines[body_start : body_end + TAIL_LINES])
        or _author_box(lines[body_start : body_end + BOX_LINES])
        or _first(after, lambda i: _byline_after(lines, i))
        or _first(after[:TAIL_LINES], lambda i: dated_name(lines, i))
        or _first(after, lambda i: titled(lines, i))
        or _first(inside, lambda i: _byline_inside(lines[i]))
        or _signature(lines[end : body_end + TAIL_LINES])
    )


def _elsewhere(lines: Sequence[str], body_start: int) -> list[int]:
    """The lines of the page that open like a byline, nearest the body's start first: when the
    headline was taken from the wrong place, its byline is still printed near the body.
    """
    opens, credits = byline_pattern().match, _credit_pattern().match
    found = [
        i
        for i, line in enumerate(lines)
        if len(line) <= MAX_META_CHARS and (opens(line) or credits(line) or is_byline_word(line))
    ]
    return _nearest(found, body_start)


def _nearest(numbers: list[int], body_start: int) -> list[int]:
    """Line numbers nearest the body's start first."""
    return sorted(numbers, key=lambda i: abs(i - body_start))


def _byline_elsewhere(lines: Sequence[str], i: int) -> tuple[str, ...]:
    """An unmistakable byline anywhere: a byline word opening a short line or its first field,
    then a person's name ("Von Jane Roe | 4 May 2023 | News"), or a user name after a colon
    ("Verfasst von: jdoe"); or a byline word alone over a person's name ("Von" / "Jane Roe").
    """
    line = lines[i]
    if is_byline_word(line):
        below = lines[i + 1] if i + 1 < len(lines) else ""
        return tuple(n for n in clean_names(below, strict=True) if " " in n)
    credited = _credited(line)
    if credited:
        return credited
    field = FIELDS.split(line)[0]  # "Von Jane Roe | 4 May 2023 | News, Politics | 3 comments"
    match = byline_pattern().match(field) if len(field.split()) <= MAX_ELSEWHERE_WORDS else None
    if not match:
        return ()
    names = clean_names(match.group("names"), handles=":" in field[: match.start("names")])
    return names if not phrase_pattern("legal.txt").search(line) else ()


def _around(anchor: int, span: range, lines: Sequence[str]) -> list[int]:
    """Line numbers of ``span`` on the page, nearest the headline first, without the headline.

    Below the headline comes before above it at equal distance.
    """
    inside = (i for i in span if 0 <= i < len(lines) and i != anchor)
    return sorted(inside, key=lambda i: (abs(i - anchor), i < anchor))


def _first(numbers: Iterable[int], finder: Finder) -> tuple[str, ...]:
    """The names ``finder`` reads on the first of ``numbers`` where it reads any."""
    for i in numbers:
        names = finder(i)
        if names:
            return names
    return ()


def _byline_at(lines: Sequence[str], i: int, *, handles: bool = True) -> tuple[str, ...]:
    """The names of a byline on line ``i``, or in one field of it ("4 May | Autor: X | News")."""
    names = byline_names(lines[i], *lines[i + 1 : i + 4], handles=handles)
    if names or len(lines[i]) > MAX_META_CHARS:
        return names
    fields = FIELDS.split(_glued_lead().sub(" | ", lines[i]))
    for field in fields[1:] if len(fields) > 1 else ():
        names = byline_names(field, handles=handles)
        if names:
            return names
    return byline_names(fields[0], handles=handles) if len(fields) > 1 else ()


def _byline_inside(line: str) -> tuple[str, ...]:
    """The names of a short line inside the body that starts as a byline ("Von Jane Roe")."""
    return byline_names(line, handles=False) if is_byline(line) else ()


def _byline_after(lines: Sequence[str], i: int) -> tuple[str, ...]:
    """A byline printed after the article: at the start of its line ("Text: Jane Roe"), or
    after a date ("4 May 2023 von jdoe").

    A byline word inside other text there is mostly a related article's headline ("Girl
    rescued by police"), so none is read.
    """
    line = lines[i]
    match = inline_pattern().search(line) if len(line.split()) <= MAX_BYLINE_WORDS else None
    before = line[: match.start()] if match else ""
    if match and len(before.split()) <= MAX_DATE_WORDS and parse_date(before):
        return clean_names(match.group("names"), handles=True)
    if is_byline_word(line) or byline_pattern().match(line):
        return byline_names(line, *lines[i + 1 : i + 3], handles=False)
    return _credited(line)


def _credited(line: str) -> tuple[str, ...]:
    """The person credited as the page's creator ("Erstellt von Jane Roe")."""
    match = _credit_pattern().match(line) if len(line) <= MAX_BOX_LINE_CHARS else None
    return clean_names(match.group("names"), strict=True) if match else ()


@cache
def _glued_lead() -> re.Pattern[str]:
    """A byline word glued to the field before it by the scrape ("4 May 2023Author Jane Roe")."""
    words = "|".join(re.escape(word.capitalize()) for word in section("bylines.txt", "glued"))
    return re.compile(rf"(?<=[\da-zà-ÿ])(?=(?:{words})(?:[\s:]|[A-ZÀ-Þ]))")


@cache
def _credit_pattern() -> re.Pattern[str]:
    words = "|".join(map(re.escape, section("author_boxes.txt", "credits")))
    return re.compile(rf"^(?i:{words})\s+(?P<names>\w.*)$")


def _copyright_holder(lines: Sequence[str]) -> tuple[str, ...]:
    """A person holding the copyright or licensing the work in the footer: the author of a
    one-person site.
    """
    for line in lines:
        match = _COPYRIGHT.search(line) if len(line.split()) <= MAX_BYLINE_WORDS else None
        match = match or _LICENCE.search(line) or _YEARS_BY.search(line)
        names = given_name_line(match.group("name")) if match else ()
        if names:
            return names
    return ()


def _tail_names(lines: Sequence[str]) -> tuple[str, ...]:
    """Names from "Reporting by X", "Author: X" or "Author:" over "X" at the end of the article."""
    for i, line in enumerate(lines):
        match = _REPORTING.search(line)
        if match:
            return clean_names(match.group("names"))
        match = byline_pattern().match(line)
        if match and ":" in line[: match.start("names")]:
            return clean_names(match.group("names"))
        if line.endswith(":") and line.strip(" :").lower() in phrase_lookup("bylines.txt"):
            return clean_names(lines[i + 1]) if i + 1 < len(lines) else ()
    return ()


def _author_box(lines: Sequence[str]) -> tuple[str, ...]:
    """The name in an author box after the article: "About the author" over "Jane Roe",
    "About Jane Roe" / "More from Jane Roe", or "Autor: Jane Roe".
    """
    for i, line in enumerate(lines):
        if len(line) > MAX_BOX_LINE_CHARS:
            continue  # a paragraph, not a label, a link or a byline
        lowered = line.strip(" :").lower()
        label = lowered in section("author_boxes.txt", "labels")
        if label or lowered in phrase_lookup("bylines.txt"):
            # The name may follow a link line ("About the author" / "All articles" / "Jane").
            names = clean_names(lines[i + 1]) if i + 1 < len(lines) else ()
            further = label and i + 2 < len(lines)
            names = names or (clean_names(lines[i + 2], strict=True) if further else ())
            if names:
                return names
        names = _colon_byline(line)
        if names:
            return names
        match = _box_link().match(line)
        rest = match.group("rest").strip(" →»>:") if match else ""
        names = leading_name(rest) or lone_name(rest, handles=False) if rest else ()
        if names:
            return names
    return ()


def _colon_byline(line: str) -> tuple[str, ...]:
    """The names of a short byline with a colon ("Autor: Jane Roe"), a label in an author box."""
    match = byline_pattern().match(line) if ":" in line else None
    if not match or ":" not in line[: match.start("names")]:
        return ()
    return clean_names(match.group("names"), handles=True)


@cache
def _box_link() -> re.Pattern[str]:
    """A link to the author's page ("More from Jane Roe"), or a label before the name on its
    line ("About the author - Jane Roe").
    """
    links = "|".join(map(re.escape, section("author_boxes.txt", "links")))
    labels = "|".join(map(re.escape, section("author_boxes.txt", "labels")))
    lead = rf"(?i:{labels})\s*[-–—:|]?\s*|(?i:{links})\s*"
    return re.compile(rf"^(?:{lead})(?P<rest>[A-ZÀ-Þ].{{0,40}})$")


def _signature(lines: Sequence[str]) -> tuple[str, ...]:
    """A bare name signing off the article: "— Jane Roe", or a given name alone on its line."""
    for line in lines:
        if len(line.split()) > MAX_NAME_WORDS + 1:
            continue
        signed = _SIGNED.match(line)
        names = clean_names(signed.group("name")) if signed else given_name_line(line)
        if names:
            return names
    return ()


_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*(?:\d{4})?)?\s*)?[,•·–-]?\s*"
    r"(?:by\s+)?(?P<name>[^\W\d_][\w'’. -]{1,40}?)"
    r"\s*(?:[.,;|•·]|\s[-–]\s|all rights|alle rechte|$)",
    re.IGNORECASE,
)

# A Creative Commons notice names the work's author: "This blog by Jane Roe is licensed
# under a Creative Commons licence" (en, de, fr, es, it).
_LICENCE = re.compile(
    r"\s(?:by|von|de|par|di)\s+(?P<name>[^\W\d_][\w'’. -]{1,40}?)\s+(?:is licensed under|"
    r"steht unter einer|est mise? à disposition|está bajo una|è distribuit[oa] con)",
    re.IGNORECASE,
)

# A footer's span of years and its holder, without the copyright sign: "2009-2020 by Jane Roe".
_YEARS_BY = re.compile(
    r"\b\d{4}\s*[-–]\s*\d{4}\s+(?:by|von|par|por)\s+(?P<name>[^\W\d_][\w'’. -]{1,40}?)\s*$"
)
_SIGNED = re.compile(r"^[-–—]\s*(?P<name>\w.*)$")


def _short(line: str, words: int) -> bool:
    """True for a line of at most ``words`` words (checked on characters first, for speed)."""
    return len(line) <= MAX_BOX_LINE_CHARS and len(line.split()) <= words
