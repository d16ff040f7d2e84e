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
from functools import cache, lru_cache

from .dates import parse_date
from .names import (
    MAX_NAME_WORDS,
    clean_names,
    given_name_line,
    handle,
    is_given_name,
    person,
    split_names,
)
from .rules import data_lines, phrase_lookup, phrase_pattern, section, word_set

__all__ = ["byline_names", "clean_names", "find_authors", "is_byline"]

MAX_BYLINE_WORDS = 16
MAX_INLINE_WORDS = 12
MAX_WORDS_BEFORE_INLINE = 3
# A dated line ("01. Dez. 2022 | 14:08 Uhr | von X") may carry more before the byline word.
MAX_WORDS_BEFORE_DATED = 8
# A date printed before a byline word after the article ("Thu, 4 May 2023, 10:15 by X").
MAX_DATE_WORDS = 6
# A meta line with fields ("4 May 2023 | Autor: X | 3 min read") is no longer than this.
MAX_META_CHARS = 200
# A short line ending in a byline word ("Words written by") puts the names on the next line.
MAX_LEAD_WORDS = 4
MAX_LEAD_CHARS = 60
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
# A byline printed after the article ("Text: Jane Roe") is looked for this far past its end.
AFTER_LINES = 16
# A byline far from the headline is believed only on a line this short.
MAX_ELSEWHERE_WORDS = 8
# A name with its job title after it on one line: at least a given name and a surname first.
MIN_TITLED_WORDS = 2
# A label, link or byline in an author box is a short line.
MAX_BOX_LINE_CHARS = 80
# An author box follows the article within this many lines (share bars and tags between).
BOX_LINES = 30
FOOTER_LINES = 40
# A bare name signing off the article is looked for from this many lines before its end.
SIGNATURE_LINES = 2

Finder = Callable[[int], tuple[str, ...]]


@cache
def _lead_words() -> str:
    return "|".join(sorted(map(re.escape, phrase_lookup("bylines.txt")), key=len, reverse=True))


@cache
def _byline() -> re.Pattern[str]:
    # The byline word, then a colon, spaces, or straight on to a capital ("byOlena"); a colon
    # straight on to a small letter is a gender mark ("Autor:innen"), not a byline.
    return re.compile(
        rf"^(?:{_lead_words()})(?:\s*:\s+|\s*:(?-i:(?=[A-ZÀ-Þ]))|\s*：\s*|\s+|(?-i:(?=[A-ZÀ-Þ][a-zà-ÿ.])))"
        r"(?P<names>.+)$",
        re.IGNORECASE,
    )


@cache
def _inline() -> re.Pattern[str]:
    """A byline word inside a short line: "22 May 2023 by Jane Roe", "Ein Artikel von X"."""
    words = "|".join(map(re.escape, section("bylines.txt", "inline")))
    return re.compile(rf"\s(?i:{words})\s+(?P<names>\w.*)$")


@cache
def _trailing() -> re.Pattern[str]:
    """A byline word ending a short line: "Words written by", "Rezept von"."""
    words = "|".join(map(re.escape, section("bylines.txt", "inline")))
    return re.compile(rf"\s(?i:{words})\s*:?$")


_HAS_DIGIT = re.compile(r"\d")
_EDGE_MARKS = " ,|·•-–—"
# Marks around a byline word printed alone ("By:", "| Von", "作者：").
_LABEL_MARKS = " :|："
# Separators between the fields of a meta line ("4 May 2023 | Autor: X // 3 min").
_FIELDS = re.compile(r"\s+(?:\||//|•|·|—|–)\s+|\s*\|\s*")
# An image's file name, printed above the name in author boxes ("jdoe_0450 (1)", "me.jpg").
_FILE_NAME = re.compile(r"_\d{3,}|\.(?:jpe?g|png|gif|webp)\b", re.IGNORECASE)
_REPORTING = re.compile(r"(?:reporting|written|additional reporting) by\s+(?P<names>[A-Z][^;.]+)")
# Words printed alone between a name and its date.
_CONNECTORS = frozenset({"am", "on", "le", "el", "il", "um", "at", "de", "du", "vom"})
# Words joining two names, as printed alone on a line or ending one.
_JOINERS = frozenset({"and", "und", "et", "y", "e", "&", ","})
_EMAIL = re.compile(r"^\S+@\S+\.\w+$")
_INITIAL = re.compile(r"^[A-ZÀ-Þ]\.$")


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
    return (
        _near_headline(lines, anchor, body_start)
        or _after_article(lines, anchor, body_start, body_end)
        or _first(_elsewhere(lines, body_start), lambda i: _byline_elsewhere(lines[i]))
        or _copyright_holder(lines[-FOOTER_LINES:])
    )


def _near_headline(lines: Sequence[str], anchor: int, body_start: int) -> tuple[str, ...]:
    """Names printed with the headline: a byline, then bare names where bylines are printed."""
    top, bottom = min(anchor, body_start), max(anchor, body_start)
    wide = _around(anchor, range(max(0, top - WIDE_LOOK_BEHIND), bottom + WIDE_LOOK_AHEAD), lines)
    near = _around(anchor, range(max(0, top - LOOK_BEHIND), body_start + LOOK_AHEAD), lines)
    return (
        _first(wide, lambda i: _byline_at(lines, i))
        or _first(near, lambda i: _bare_name_at(lines, i, handles=abs(i - anchor) <= HANDLE_REACH))
        or _first(near, lambda i: _bare_names(lines[i], beside=abs(i - anchor) <= NAME_REACH))
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
        or _first(after[:TAIL_LINES], lambda i: _dated_name(lines, i))
        or _first(after, lambda i: _titled(lines, i))
        or _first(inside, lambda i: _byline_inside(lines[i]))
        or _signature(lines[end : body_end + TAIL_LINES])
    )


def _elsewhere(lines: Sequence[str], body_start: int) -> list[int]:
    """The lines of the page that open like a byline, nearest the body's start first: when the
    headline was taken from the wrong place, its byline is still printed near the body.
    """
    opens = _byline().match
    found = [i for i, line in enumerate(lines) if len(line) <= MAX_META_CHARS and opens(line)]
    return sorted(found, key=lambda i: abs(i - body_start))


def _byline_elsewhere(line: str) -> tuple[str, ...]:
    """An unmistakable byline anywhere: a byline word opening a short line or its first field,
    then a person's name ("Von Jane Roe | 4 May 2023 | News"), or a user name after a colon
    ("Verfasst von: jdoe").
    """
    field = _FIELDS.split(line)[0]  # "Von Jane Roe | 4 May 2023 | News, Politics | 3 comments"
    match = _byline().match(field) if len(field.split()) <= MAX_ELSEWHERE_WORDS else None
    if not match:
        return ()
    names = clean_names(match.group("names"), handles=":" in field[: match.start("names")])
    return names if not phrase_pattern("legal.txt").search(line) else ()


def _short(line: str, words: int) -> bool:
    """True for a line of at most ``words`` words (checked on characters first, for speed)."""
    return len(line) <= MAX_BOX_LINE_CHARS and len(line.split()) <= words


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
    fields = _FIELDS.split(lines[i])
    for field in fields[1:] if len(fields) > 1 else ():
        names = byline_names(field, handles=handles)
        if names:
            return names
    return byline_names(fields[0], handles=handles) if len(fields) > 1 else ()


def _byline_inside(line: str) -> tuple[str, ...]:
    """The names of a short line inside the body that starts as a byline ("Von Jane Roe")."""
    return byline_names(line, handles=False) if is_byline(line) else ()


def _bare_names(line: str, *, beside: bool) -> tuple[str, ...]:
    """Bare names that each start with a given name: one right beside the headline, or a
    list of several ("Jane Roe, John Doe and Maria Lopez") anywhere near it.
    """
    names = given_name_line(line)
    return names if beside or len(names) > 1 else ()


def _byline_after(lines: Sequence[str], i: int) -> tuple[str, ...]:
    """A byline printed after the article: at the start of its line ("Text: Jane Roe"), or
    after a date ("4 May 2023 von jdoe").

    A byline word inside other text there is mostly a related article's headline ("Girl
    rescued by police"), so none is read.
    """
    line = lines[i]
    match = _inline().search(line) if len(line.split()) <= MAX_BYLINE_WORDS else None
    before = line[: match.start()] if match else ""
    if match and len(before.split()) <= MAX_DATE_WORDS and parse_date(before):
        return clean_names(match.group("names"), handles=True)
    if _byline().match(line) or line.strip(_LABEL_MARKS).lower() in phrase_lookup("bylines.txt"):
        return byline_names(line, *lines[i + 1 : i + 3], handles=False)
    return ()


def _bare_name_at(lines: Sequence[str], i: int, *, handles: bool) -> tuple[str, ...]:
    """A bare name where bylines are printed: with a date, twice, above an e-mail address or
    above a job title.
    """
    return (
        _dated_name(lines, i, handles=handles)
        or _doubled_name(lines, i)
        or _mailed(lines, i)
        or _titled(lines, i)
    )


def _copyright_holder(lines: Sequence[str]) -> tuple[str, ...]:
    """A person holding the copyright or licensing the work in the footer: the author of a
    one-person site.
    """
    for line in lines:
        match = _COPYRIGHT.search(line) if len(line.split()) <= MAX_BYLINE_WORDS else None
        match = match or _LICENCE.search(line)
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
        match = _byline().match(line)
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
        names = _leading_name(rest) or _lone_name(rest, handles=False) if rest else ()
        if names:
            return names
    return ()


def _colon_byline(line: str) -> tuple[str, ...]:
    """The names of a short byline with a colon ("Autor: Jane Roe"), a label in an author box."""
    match = _byline().match(line) if ":" in line else None
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
    bare = line.strip(_LABEL_MARKS).lower() in phrase_lookup("bylines.txt")
    if bare or _ends_in_byline_word(line):
        short = [f for f in following if len(f.split()) <= MAX_BYLINE_WORDS]
        if short and _FILE_NAME.search(short[0]):
            short = short[1:]
        # After a whole line that is a byline word the next line is a name; after a short
        # line ending in one ("Ein Partner von") it may be an outlet, so it must look like one.
        text = _joined(short) if short else ""
        return clean_names(text, handles=bare and handles, strict=not bare) if short else ()
    match = _byline().match(line)
    if match:
        # A user name needs a colon after a byline noun ("Text: jdoe", not "Text vorlesen").
        lead = line[: match.start("names")].strip().lower()
        noun = ":" not in lead and " " not in lead and lead not in section("bylines.txt", "inline")
        trusted = (handles and not noun) or _date_text().search(line) is not None
        return clean_names(match.group("names"), handles=trusted)
    match = _inline().search(line)
    if not match:
        return ()  # most lines: checked before the slower date search
    dated = _date_text().search(line) is not None
    before = MAX_WORDS_BEFORE_DATED if dated else MAX_WORDS_BEFORE_INLINE
    if len(line[: match.start()].split()) > before:
        return ()
    if not dated and len(line.split()) > MAX_INLINE_WORDS:
        return ()
    if _credit(line[: match.start()]):
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
    return bool(_trailing().search(line)) and not _credit(line)


def _credit(text: str) -> bool:
    """True when ``text`` names a picture credit or a role ("Photo", "Illustration")."""
    return not word_set("roles.txt").isdisjoint(text.lower().split())


def _dated_name(lines: Sequence[str], i: int, *, handles: bool = False) -> tuple[str, ...]:
    """A bare name printed with a date on its line or the next ("Jane Roe" / "4 May 2023").

    A line of punctuation between the two ("Jane Roe" / "—" / "4 May 2023") is skipped.

    Args:
        lines: the page's lines.
        i: the line to read.
        handles: accept a one-word lower-case user name alone on its line ("jdoe" / "4 May
            2023").
    """
    line = lines[i].strip(_EDGE_MARKS)
    if line.endswith(":") or len(line) > MAX_META_CHARS or len(line.split()) > MAX_INLINE_WORDS:
        return ()  # a label ("Release:") over its value, or a sentence
    rest = _date_text().sub(" ", line).strip(_EDGE_MARKS)
    if rest == line and not _dated_neighbour(lines, i):
        return ()
    if len(rest.split()) == 1:
        return _lone_name(rest.strip(" .:"), handles=handles and rest == line)
    if rest == line:
        return _name_list(line)
    led = bool(_date_text().match(line))
    return _name_in_fields(rest, led=led, handles=handles and led)


def _name_in_fields(text: str, *, led: bool, handles: bool) -> tuple[str, ...]:
    """The names opening the first text field of a dated line, the date taken out.

    "Jane Roe | 4 May 2023 | Politics", "4 May 2023 | 10:15 | Jane Roe", "4 May 2023 Jane Roe
    Leave a comment"; with ``handles``, "4 May 2023 jdoe Leave a comment".

    Args:
        text: the line without its date.
        led: the date opened the line, so more words may follow the name in its field.
        handles: accept a user name opening the field.
    """
    for field in _FIELDS.split(text):
        words = field.split()
        if not words or _HAS_DIGIT.search(words[0]):
            continue  # a time ("10:15 Uhr") or what was left of the date
        parts = split_names(field)
        names = [person(part, strict=True) for part in parts]
        if all(names) and (len(names) > 1 or not led):
            return tuple(dict.fromkeys(n for n in names if n))
        name = handle(words[0]) if handles and words[0][:1].islower() else None
        return _leading_name(field) or ((name,) if name else ())
    return ()


def _name_list(line: str) -> tuple[str, ...]:
    """The names of a line that is only names, printed beside a date.

    One capitalised pair may be a label ("Market News") unless it starts with a given name;
    a list of several ("Jane Roe, John Doe") is a byline without its word.
    """
    parts = split_names(line.split("@")[0])  # "Jane Roe@jroe": a name and its handle
    names = [person(part, strict=len(parts) == 1) for part in parts]
    return tuple(dict.fromkeys(n for n in names if n)) if all(names) else ()


def _dated_neighbour(lines: Sequence[str], i: int) -> bool:
    """True when the nearest line above or below (past punctuation) is a short dated line."""
    for j in (_neighbour(lines, i, -1), _neighbour(lines, i, 1)):
        if j >= 0 and _short_dated(lines[j]):
            return True
    return False


@lru_cache(maxsize=4096)
def _short_dated(line: str) -> bool:
    # Cached: the same lines are asked about as neighbours of several candidates.
    return len(line.split()) <= MAX_INLINE_WORDS and _date_text().search(line) is not None


def _lone_name(word: str, *, handles: bool) -> tuple[str, ...]:
    """A single word beside a date: a given name ("Jane"), or a user name next to the headline.

    A capitalised single word is as often a section label as a user name, so it counts only
    when it is a common given name.
    """
    if word[:1].isupper():
        return (word,) if is_given_name(word) and word.isalpha() else ()
    name = handle(word) if handles else None
    return (name,) if name else ()


def _leading_name(text: str) -> tuple[str, ...]:
    """A given name and a surname opening a dated line's text ("Jane Roe Leave a comment")."""
    words = text.split()
    if len(words) < 2 or not is_given_name(words[0]):
        return ()
    # A middle name or initial ("Jane Mary Roe", "Jane M. Roe") takes the name one word on.
    middle = len(words) > 2 and (is_given_name(words[1]) or _INITIAL.match(words[1]))
    name = person(" ".join(words[: 3 if middle else 2]), strict=True)
    return (name,) if name else ()


def _neighbour(lines: Sequence[str], i: int, step: int) -> int:
    """The nearest line above (-1) or below (1) that is more than punctuation or a connector
    ("Jane Roe" / "am" / "4 May 2023"), else -1.
    """
    j = i + step
    while 0 <= j < len(lines) and (
        lines[j].strip().lower() in _CONNECTORS or not any(c.isalnum() for c in lines[j])
    ):
        j += step
    return j if 0 <= j < len(lines) else -1


def _titled(lines: Sequence[str], i: int) -> tuple[str, ...]:
    """A bare name with a job title below it or after it ("Jane Roe" / "Chefredakteurin",
    "Jane Roe, Autorin").
    """
    line = lines[i]
    if len(line) > MAX_BOX_LINE_CHARS:
        return ()
    below = lines[i + 1] if i + 1 < len(lines) else ""
    words = line.replace(",", " ").split()
    titled = len(words) > MIN_TITLED_WORDS and _job_title(words[-1:])
    if not titled and not _job_title(below.lower().replace(",", " ").split()):
        return ()
    name = person(" ".join(words[:-1]) if titled else line, strict=True)
    return (name,) if name else ()


def _job_title(words: list[str]) -> bool:
    """True for a few words that are all job titles or roles ("Senior Editor")."""
    lowered = [w.lower() for w in words]
    return 0 < len(lowered) <= MAX_NAME_WORDS and word_set("roles.txt").issuperset(lowered)


def _doubled_name(lines: Sequence[str], i: int) -> tuple[str, ...]:
    """A bare name printed twice in a row: an author box (the photo's alt text, then the name)."""
    if i + 1 >= len(lines) or lines[i] != lines[i + 1]:
        return ()
    name = person(lines[i], strict=True)
    return (name,) if name else ()


def _mailed(lines: Sequence[str], i: int) -> tuple[str, ...]:
    """A bare name printed above the author's e-mail address."""
    if i + 1 >= len(lines) or not _EMAIL.match(lines[i + 1].strip()):
        return ()
    name = person(lines[i], strict=True)
    return (name,) if name else ()


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
_SIGNED = re.compile(r"^[-–—]\s*(?P<name>\w.*)$")
_DATE_TEXT = r"\d{1,4}[./-]\s?\d{1,2}[./-]\s?\d{2,4}|\d{1,2}\.?\s+\w+\.?\s+\d{4}|\d{4}"


@cache
def _date_text() -> re.Pattern[str]:
    """Date text on a byline: numbers ("4.5.2023", "4 May 2023", a year) or a relative date
    ("vor 3 Stunden", "2 hours ago"; relative_dates.txt).
    """
    relative = "|".join(data_lines("relative_dates.txt"))
    return re.compile(rf"{_DATE_TEXT}|(?i:{relative})")


def is_byline(line: str) -> bool:
    """True for a short line that starts like a byline, whatever follows."""
    return len(line.split()) <= MAX_BYLINE_WORDS and bool(_byline().match(line))
