"""Read a byline: the names after "By", "Von", "Autor:", "Posted on 4 May 2023 by" and the like.

Byline words live in ``bylines.txt`` (several languages); what follows them is turned into
person names by ``names.py``. Also the patterns other finders share: a byline's opening, a
byline word inside a line, date text on a byline, the fields of a meta line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from .dates import relative_date_pattern
from .names import clean_names
from .rules import phrase_lookup, phrase_pattern, section, word_set

__all__ = [
    "byline_names",
    "byline_pattern",
    "date_pattern",
    "inline_pattern",
    "is_byline",
    "is_byline_word",
]

MAX_BYLINE_WORDS = 16

MAX_INLINE_WORDS = 12

MAX_WORDS_BEFORE_INLINE = 3

# A dated line ("01. Dez. 2022 | 14:08 Uhr | von X") may carry more before the byline word.
MAX_WORDS_BEFORE_DATED = 8

# A meta line with fields ("4 May 2023 | Autor: X | 3 min read") is no longer than this.
MAX_META_CHARS = 200

# A short line ending in a byline word ("Words written by") puts the names on the next line.
MAX_LEAD_WORDS = 4

MAX_LEAD_CHARS = 60


@cache
def _lead_words() -> str:
    return "|".join(sorted(map(re.escape, phrase_lookup("bylines.txt")), key=len, reverse=True))


@cache
def byline_pattern() -> re.Pattern[str]:
    # The byline word, then a colon, spaces, or straight on to a capital ("byJane"); a colon
    # straight on to a small letter is a gender mark ("Autor:innen"), not a byline.
    return re.compile(
        rf"^(?:{_lead_words()})(?:\s*:\s+|\s*:(?-i:(?=[A-ZÀ-Þ]))|\s*：\s*|\s+|(?-i:(?=[A-ZÀ-Þ][a-zà-ÿ.])))"
        r"(?P<names>.+)$",
        re.IGNORECASE,
    )


@cache
def inline_pattern() -> re.Pattern[str]:
    """A byline word inside a short line: "22 May 2023 by Jane Roe", "Ein Artikel von X"."""
    words = "|".join(map(re.escape, section("bylines.txt", "inline")))
    return re.compile(rf"\s(?i:{words})\s+(?P<names>\w.*)$")


@cache
def _trailing() -> re.Pattern[str]:
    """A byline word ending a short line: "Words written by", "Rezept von"."""
    words = "|".join(map(re.escape, section("bylines.txt", "inline")))
    return re.compile(rf"\s(?i:{words})\s*:?$")


# Marks around a byline word printed alone ("By:", "| Von", "作者：").
LABEL_MARKS = " :|："


def is_byline_word(line: str) -> bool:
    """True for a line that is only a byline word ("By:", "| Von", "作者："); the names follow
    on the next line.
    """
    return line.strip(LABEL_MARKS).lower() in phrase_lookup("bylines.txt")


# An image's file name, printed above the name in author boxes ("jdoe_0450 (1)", "me.jpg").
_FILE_NAME = re.compile(r"_\d{3,}|\.(?:jpe?g|png|gif|webp)\b", re.IGNORECASE)

# Words joining two names, as printed alone on a line or ending one.
_JOINERS = frozenset({"and", "und", "et", "y", "e", "&", ","})


def byline_names(line: str, *following: str, handles: bool = True) -> tuple[str, ...]:
    """The names of a byline line (or of the next lines when this one ends in "By").

    After a bare byline word the name is on the next line, or on the one after when the
    next is an image's file name (author boxes print the photo above the name).

    Args:
        line: the line to read.
        following: the lines after it.
        handles: accept a one-word user name after a byline word ("By jdoe"); on a dated
            line ("Posted on 4 May 2023 by jdoe") one is accepted anyway.
    """
    if len(line.split()) > MAX_BYLINE_WORDS:
        return ()
    names = _names_of_byline(line, following, handles=handles)
    # A legal line ("Copyright 2023 by X") names no author; most lines have no names at
    # all, so the slower legal search runs last.
    return names if not names or not phrase_pattern("legal.txt").search(line) else ()


def _names_of_byline(line: str, following: tuple[str, ...], *, handles: bool) -> tuple[str, ...]:
    bare = is_byline_word(line)
    if bare or _ends_in_byline_word(line):
        short = [f for f in following if len(f.split()) <= MAX_BYLINE_WORDS]
        if short and _FILE_NAME.search(short[0]):
            short = short[1:]
        # After a whole line that is a byline word the next line is a name; after a short
        # line ending in one ("Ein Angebot von") it may be an outlet, so it must look like one.
        text = _joined(short) if short else ""
        return clean_names(text, handles=bare and handles, strict=not bare) if short else ()
    match = byline_pattern().match(line)
    if match:
        # A user name needs a colon after a byline noun ("Text: jdoe", not "Text vorlesen").
        lead = line[: match.start("names")].strip().lower()
        noun = ":" not in lead and " " not in lead and lead not in section("bylines.txt", "inline")
        trusted = (handles and not noun) or date_pattern().search(line) is not None
        return clean_names(match.group("names"), handles=trusted)
    match = inline_pattern().search(line)
    if not match:
        return ()  # most lines: checked before the slower date search
    dated = date_pattern().search(line) is not None
    before = MAX_WORDS_BEFORE_DATED if dated else MAX_WORDS_BEFORE_INLINE
    if len(line[: match.start()].split()) > before:
        return ()
    if not dated and len(line.split()) > MAX_INLINE_WORDS:
        return ()
    if credit(line[: match.start()]):
        return ()  # "Photo by X", "Illustration von X": a credit, not the author
    # "by"/"von" inside a line is often a plain preposition ("Christoph von X", "von Daten");
    # a one-word user name is trusted only on a dated line ("Posted on 4 May 2023 by jdoe").
    return clean_names(match.group("names"), handles=dated)


def _joined(lines: Sequence[str]) -> str:
    """Names broken over lines at "and" ("Jane Roe" / "and" / "John Doe", "Jane Roe und" / ...)."""
    text = lines[0]
    for line in lines[1:]:
        if text.split()[-1].lower() not in _JOINERS and line.strip().lower() not in _JOINERS:
            break
        text = f"{text} {line}"
    return text


def _ends_in_byline_word(line: str) -> bool:
    """A short line ending in a byline word ("Words written by", "Rezept von")."""
    if len(line) > MAX_LEAD_CHARS or len(line.split()) > MAX_LEAD_WORDS:
        return False
    return bool(_trailing().search(line)) and not credit(line)


def credit(text: str) -> bool:
    """True when ``text`` names a picture credit or a role ("Photo", "Illustration")."""
    return not word_set("roles.txt").isdisjoint(text.lower().split())


_DATE_TEXT = r"\d{1,4}[./-]\s?\d{1,2}[./-]\s?\d{2,4}|\d{1,2}\.?\s+\w+\.?\s+\d{4}|\d{4}"


@cache
def date_pattern() -> re.Pattern[str]:
    """Date text on a byline: numbers ("4.5.2023", "4 May 2023", a year) or a relative date
    ("vor 3 Stunden", "2 hours ago"; relative_dates.txt).
    """
    return re.compile(rf"{_DATE_TEXT}|(?i:{relative_date_pattern().pattern})")


def is_byline(line: str) -> bool:
    """True for a short line that starts like a byline, whatever follows."""
    return len(line.split()) <= MAX_BYLINE_WORDS and bool(byline_pattern().match(line))


# Separators between the fields of a meta line ("4 May 2023 | Autor: X // 3 min").
FIELDS = re.compile(r"\s+(?:\||//|•|·|—|–)\s+|\s*\|\s*")
