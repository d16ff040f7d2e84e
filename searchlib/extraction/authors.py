"""Find an article's authors on a plain-text page: person names from a byline.

Handles "By X", "byX", "By X and Y", "Written by X", "Posted ... by X", "Von X", a byline word
on its own line followed by the names, "Reporting by X" after the body, and wire-style
capitals. Roles ("Transport Correspondent") and non-persons ("Editorial staff") are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .rules import phrase_lookup, phrase_pattern, phrases, section, word_set

MIN_NAME_WORDS = 2
MAX_NAME_WORDS = 4
MAX_BYLINE_WORDS = 16
MAX_INLINE_WORDS = 12
MAX_WORDS_BEFORE_INLINE = 5
# A dated line ("01. Dez. 2022 | 14:08 Uhr | von X") may carry more before the byline word.
MAX_WORDS_BEFORE_DATED = 8
LOOK_BEHIND = 6
# Explicit bylines are looked for further up: the body's start is sometimes found too low.
WIDE_LOOK_BEHIND = 16
# A one-word user name with a date counts only right next to the headline.
HANDLE_REACH = 1
# A bare name starting with a common given name counts a little further from the headline.
NAME_REACH = 3
LOOK_AHEAD = 4
WIDE_LOOK_AHEAD = 8
TAIL_LINES = 6
FOOTER_LINES = 40
# A bare name signing off the article is looked for from this many lines before its end.
SIGNATURE_LINES = 2

_SPLIT = re.compile(r"\s{2,}|\s*(?:,|;|\||/|\band\b|\bund\b|\bet\b|\by\b|&)\s*")
# Where a name ends: a separator, a handle, a date, or a word such as "for", "am", "le".
# Also a date glued to the name ("Jane Roe13.12.2022") or a link to the author's social
# profile ("Jane Roe Twitter Account", "Jane Roe Follow").
_CUT = re.compile(
    r"(?:\s+(?:[-–—|(•·/]|(?:for|in|at|on|am|um|le|el|il|für|pour|para|per|via)\b)|@|\s\d"
    r"|(?<=[^\W\d_])\d{1,4}[./-]\d"
    r"|\s+(?i:twitter|facebook|instagram|linkedin|follow|folgen|e-mail|email)\b).*$"
)
# A word ending a sentence: longer than an initial or an abbreviation ("J.", "Jr.", "St.").
_SENTENCE_END = re.compile(r"^\w{4,}\.$")
_NAME_WORD = re.compile(r"^[A-ZÀ-Þ][\w'’.-]*$")


@cache
def _lead_words() -> str:
    return "|".join(sorted(map(re.escape, phrases("bylines.txt")), key=len, reverse=True))


@cache
def _byline() -> re.Pattern[str]:
    # The byline word, then a colon, spaces, or straight on to a capital ("byOlena"); a colon
    # straight on to a small letter is a gender mark ("Autor:innen"), not a byline.
    return re.compile(
        rf"^(?:{_lead_words()})(?:\s*:\s+|\s*:(?-i:(?=[A-ZÀ-Þ]))|\s+|(?-i:(?=[A-ZÀ-Þ][a-zà-ÿ])))"
        r"(?P<names>.+)$",
        re.IGNORECASE,
    )


@cache
def _inline() -> re.Pattern[str]:
    """A byline word inside a short line: "22 May 2023 by Jane Roe", "Ein Artikel von X"."""
    words = "|".join(map(re.escape, section("bylines.txt", "inline")))
    return re.compile(rf"\s(?i:{words})\s+(?P<names>\w.*)$")


_HAS_DIGIT = re.compile(r"\d")
_EDGE_MARKS = " ,|·•-–—"
# An image's file name, printed above the name in author boxes ("jdoe_0450 (1)", "me.jpg").
_FILE_NAME = re.compile(r"_\d{3,}|\.(?:jpe?g|png|gif|webp)\b", re.IGNORECASE)
_REPORTING = re.compile(r"(?:reporting|written|additional reporting) by\s+(?P<names>[A-Z][^;.]+)")


def find_authors(
    lines: Sequence[str], anchor: int, body_start: int, body_end: int
) -> tuple[str, ...]:
    """Person names from the byline nearest the headline, else from the end of the body.

    An explicit byline ("By X", "Von X") anywhere near the head beats a bare name printed
    with a date or twice in a row; among equals, the one nearest the headline wins.

    Args:
        lines: the page's non-empty lines.
        anchor: the headline's line number (or the body's start when there is none).
        body_start: first line of the body.
        body_end: line after the last line of the body.
    """
    top = min(anchor, body_start)
    near = _by_distance(
        range(max(0, top - LOOK_BEHIND), min(len(lines), body_start + LOOK_AHEAD)), anchor
    )
    bottom = max(anchor, body_start) + WIDE_LOOK_AHEAD
    wide = _by_distance(range(max(0, top - WIDE_LOOK_BEHIND), min(len(lines), bottom)), anchor)
    for i in wide:
        if i != anchor:
            names = byline_names(lines[i], *lines[i + 1 : i + 3])
            if names:
                return names
    for i in near:
        if i != anchor:
            beside = abs(i - anchor) <= HANDLE_REACH
            names = _dated_name(lines, i, handles=beside) or _doubled_name(lines, i)
            names = names or (_given_name(lines[i]) if abs(i - anchor) <= NAME_REACH else ())
            if names:
                return names
    tail = lines[max(body_start, body_end - SIGNATURE_LINES) : body_end + TAIL_LINES]
    return (
        _tail_names(lines[body_start : body_end + TAIL_LINES])
        or _signature(tail)
        or _copyright_holder(lines[-FOOTER_LINES:])
    )


def _copyright_holder(lines: Sequence[str]) -> tuple[str, ...]:
    """A person holding the copyright in the footer: the author of a one-person site."""
    for line in lines:
        match = _COPYRIGHT.search(line) if len(line.split()) <= MAX_BYLINE_WORDS else None
        if match:
            return _given_name(match.group("name"))
    return ()


def _by_distance(span: range, anchor: int) -> list[int]:
    """Line numbers nearest the headline first; below it before above it at equal distance."""
    return sorted(span, key=lambda i: (abs(i - anchor), i < anchor))


def _tail_names(lines: Sequence[str]) -> tuple[str, ...]:
    """Names from "Reporting by X", "Author: X" or "Author:" over "X" at the end of the article."""
    for i, line in enumerate(lines):
        match = _REPORTING.search(line)
        if match:
            return clean_names(match.group("names"))
        match = _byline().match(line)
        if match and ":" in line[: match.start("names")]:
            return clean_names(match.group("names"))
        if line.endswith(":") and line.strip(" :").lower() in phrase_lookup("bylines.txt"):
            return clean_names(lines[i + 1]) if i + 1 < len(lines) else ()
    return ()


def byline_names(line: str, *following: str) -> tuple[str, ...]:
    """The names of a byline line (or of the next lines when this one is a bare "By").

    After a bare byline word the name is on the next line, or on the one after when the
    next is an image's file name (author boxes print the photo above the name).
    """
    if len(line.split()) > MAX_BYLINE_WORDS:
        return ()
    names = _names_of_byline(line, following)
    # A legal line ("Copyright 2023 by X") names no author; most lines have no names at
    # all, so the slower legal search runs last.
    return names if not names or not phrase_pattern("legal.txt").search(line) else ()


def _names_of_byline(line: str, following: tuple[str, ...]) -> tuple[str, ...]:
    if line.strip(" :|").lower() in phrase_lookup("bylines.txt"):
        short = [f for f in following if len(f.split()) <= MAX_BYLINE_WORDS]
        if short and _FILE_NAME.search(short[0]):
            short = short[1:]
        return clean_names(short[0], handles=True) if short else ()
    match = _byline().match(line)
    if match:
        return clean_names(match.group("names"), handles=True)
    dated = _HAS_DIGIT.search(line) is not None
    match = _inline().search(line) if dated or len(line.split()) <= MAX_INLINE_WORDS else None
    before = MAX_WORDS_BEFORE_DATED if dated else MAX_WORDS_BEFORE_INLINE
    if not match or len(line[: match.start()].split()) > before:
        return ()
    if word_set("roles.txt").intersection(line[: match.start()].lower().split()):
        return ()  # "Photo by X", "Illustration von X": a credit, not the author
    # "by"/"von" inside a line is often a plain preposition ("Christoph von X", "von Daten");
    # a one-word user name is trusted only on a dated line ("Posted on 4 May 2023 by jdoe").
    return clean_names(match.group("names"), handles=dated)


def _dated_name(lines: Sequence[str], i: int, *, handles: bool = False) -> tuple[str, ...]:
    """A bare name printed with a date on its line or the next ("Jane Roe" / "4 May 2023").

    Args:
        lines: the page's lines.
        i: the line to read.
        handles: accept a one-word lower-case user name alone on its line ("jdoe" / "4 May
            2023").
    """
    line = lines[i].strip(_EDGE_MARKS)
    rest = _DATE_TEXT.sub(" ", line).strip(_EDGE_MARKS)
    if rest == line:
        near = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        if not any(len(n.split()) <= MAX_INLINE_WORDS and _DATE_TEXT.search(n) for n in near):
            return ()
    parts = [p for p in _SPLIT.split(rest) if p.strip()]
    # A capitalised single word beside a date is as often a section label as a user name.
    single = handles and len(parts) == 1 and rest == line and not rest[:1].isupper()
    names = clean_names(rest, handles=single)
    return names if names and len(names) == len(parts) else ()


def _doubled_name(lines: Sequence[str], i: int) -> tuple[str, ...]:
    """A bare name printed twice in a row: an author box (the photo's alt text, then the name)."""
    if i + 1 >= len(lines) or lines[i] != lines[i + 1]:
        return ()
    name = _person(lines[i])
    return (name,) if name else ()


def _given_name(line: str) -> tuple[str, ...]:
    """Bare names that each start with a common given name ("Jane Roe and John Doe").

    A capitalised pair ("Market News") is a label unless its first word is a given name.
    """
    parts = [p.strip(" .:") for p in _SPLIT.split(line.strip(_EDGE_MARKS)) if p.strip(" .:")]
    names = [_person(part) for part in parts]
    given = word_set("given_names.txt")
    if not names or not all(n and n.split()[0].lower() in given for n in names):
        return ()
    return tuple(dict.fromkeys(n for n in names if n))


def _signature(lines: Sequence[str]) -> tuple[str, ...]:
    """A bare name signing off the article: "— Jane Roe", or a given name alone on its line."""
    for line in lines:
        if len(line.split()) > MAX_NAME_WORDS + 1:
            continue
        signed = _SIGNED.match(line)
        names = clean_names(signed.group("name")) if signed else _given_name(line)
        if names:
            return names
    return ()


_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*(?:\d{4})?)?\s*)?,?\s*"
    r"(?:by\s+)?(?P<name>[^\W\d_][\w'’. -]{1,40}?)\s*(?:[.,;|]|all rights|alle rechte|$)",
    re.IGNORECASE,
)
_SIGNED = re.compile(r"^[-–—]\s*(?P<name>\w.*)$")


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
    if tokens[0].lower() in section("bylines.txt", "inline"):
        return None  # "Von Jane": a byline word the pattern did not strip
    if any(c.isdigit() for c in text) or not _NAME_WORD.match(tokens[-1]):
        return None
    if not _NAME_WORD.match(tokens[0]) or any(_SENTENCE_END.search(t) for t in tokens):
        return None  # "der Leyen", "Theme. Powered by X": not a name
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
    "van von vom de da del della di du dos la le der den ten ter bin al el".split()  # noqa: SIM905
)


def _before_role(tokens: list[str], roles: frozenset[str]) -> list[str]:
    """The name beside a role ("Jane Roe Transport Correspondent", "Editor Jane Roe")."""
    lead = 0
    while lead < len(tokens) and tokens[lead].lower().strip(".,") in roles:
        lead += 1
    tokens = tokens[lead:]
    for i, token in enumerate(tokens):
        if token.lower().strip(".,") in roles:
            head = tokens[:i]
            return head if len(head) >= MIN_NAME_WORDS else []
    return tokens
