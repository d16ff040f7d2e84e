"""Bare names: an author's name printed without a byline word, where bylines are printed.

Beside the date ("Jane Roe" / "4 May 2023"), twice in a row, above an e-mail address or a job
title, or right under the headline when it starts with a given name. Each finder reads one
line of the page and returns the names it vouches for, or nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .bylines import FIELDS, MAX_INLINE_WORDS, MAX_META_CHARS, date_pattern
from .names import (
    EDGE_MARKS,
    MAX_NAME_WORDS,
    given_name_line,
    handle,
    is_given_name,
    person,
    split_names,
    strict_name,
)
from .rules import word_set

# A name with its job title is a short line.
MAX_TITLED_CHARS = 80

_HAS_DIGIT = re.compile(r"\d")


# Words printed alone between a name and its date.
_CONNECTORS = frozenset({"am", "on", "le", "el", "il", "um", "at", "de", "du", "vom"})

_EMAIL = re.compile(r"^\S+@\S+\.\w+$")

_INITIAL = re.compile(r"^[A-ZÀ-Þ]\.$")

# A name with its job title after it on one line: at least a given name and a surname first.
MIN_TITLED_WORDS = 2


def bare_names(line: str, *, beside: bool) -> tuple[str, ...]:
    """Bare names that each start with a given name: one right beside the headline, or a
    list of several ("Jane Roe, John Doe and Maria Lopez") anywhere near it.
    """
    names = given_name_line(line)
    return names if beside or len(names) > 1 else ()


def bare_name_at(lines: Sequence[str], i: int, *, handles: bool) -> tuple[str, ...]:
    """A bare name where bylines are printed: with a date, twice, above an e-mail address or
    above a job title.
    """
    return (
        dated_name(lines, i, handles=handles)
        or _doubled_name(lines, i)
        or _mailed(lines, i)
        or titled(lines, i)
    )


def boxed_name(lines: Sequence[str], i: int) -> tuple[str, ...]:
    """A bare name in an author box: above an e-mail address or a job title."""
    return _mailed(lines, i) or titled(lines, i)


def boxed_lines(lines: Sequence[str]) -> list[int]:
    """The short lines that may hold a name with an e-mail address or a job title: a quick
    filter before ``boxed_name`` reads them.
    """
    titles = word_set("job_titles.txt")
    found = []
    for i in range(len(lines) - 1):
        line, below = lines[i], lines[i + 1]
        if len(line) > MAX_TITLED_CHARS or len(below) > MAX_TITLED_CHARS:
            continue
        last, first = line.rpartition(" ")[2].lower(), below.partition(" ")[0].lower()
        if "@" in below or first in titles or last in titles:
            found.append(i)
    return found


def dated_name(lines: Sequence[str], i: int, *, handles: bool = False) -> tuple[str, ...]:
    """A bare name printed with a date on its line or the next ("Jane Roe" / "4 May 2023").

    A line of punctuation between the two ("Jane Roe" / "—" / "4 May 2023") is skipped.

    Args:
        lines: the page's lines.
        i: the line to read.
        handles: accept a one-word lower-case user name alone on its line ("jdoe" / "4 May
            2023").
    """
    line = lines[i].strip(EDGE_MARKS)
    if line.endswith(":") or len(line) > MAX_META_CHARS or len(line.split()) > MAX_INLINE_WORDS:
        return ()  # a label ("Release:") over its value, or a sentence
    rest = date_pattern().sub(" ", line).strip(EDGE_MARKS)
    if rest == line and not _dated_neighbour(lines, i):
        return ()
    if len(rest.split()) == 1:
        return lone_name(rest.strip(" .:"), handles=handles and rest == line)
    if rest == line:
        return _name_list(line)
    led = bool(date_pattern().match(line))
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
    for field in FIELDS.split(text):
        words = field.split()
        if not words or _HAS_DIGIT.search(words[0]):
            continue  # a time ("10:15 Uhr") or what was left of the date
        parts = split_names(field)
        names = [person(part, strict=True) for part in parts]
        if all(names) and (len(names) > 1 or not led):
            return tuple(dict.fromkeys(n for n in names if n))
        name = handle(words[0]) if handles and words[0][:1].islower() else None
        return leading_name(field) or ((name,) if name else ())
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


def _short_dated(line: str) -> bool:
    """True for a line of a few words holding a date.

    Cached for lines no longer than a meta line: the same lines are asked about as
    neighbours of several candidates, and a long one is a paragraph, printed once.
    """
    return _cached_short_dated(line) if len(line) <= MAX_META_CHARS else _dated_words(line)


def _dated_words(line: str) -> bool:
    return len(line.split()) <= MAX_INLINE_WORDS and date_pattern().search(line) is not None


_cached_short_dated = lru_cache(maxsize=4096)(_dated_words)


def lone_name(word: str, *, handles: bool) -> tuple[str, ...]:
    """A single word beside a date: a given name ("Jane"), or a user name next to the headline.

    A capitalised single word is as often a section label as a user name, so it counts only
    when it is a common given name.
    """
    if word[:1].isupper():
        return (word,) if is_given_name(word) and word.isalpha() else ()
    name = handle(word) if handles else None
    return (name,) if name else ()


def leading_name(text: str) -> tuple[str, ...]:
    """A given name and a surname opening a dated line's text ("Jane Roe Leave a comment")."""
    words = text.split()
    if len(words) < 2 or not is_given_name(words[0]):
        return ()
    # A middle name or initial ("Jane Mary Roe", "Jane M. Roe") takes the name one word on.
    middle = len(words) > 2 and (is_given_name(words[1]) or _INITIAL.match(words[1]))
    return strict_name(" ".join(words[: 3 if middle else 2]))


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


def titled(lines: Sequence[str], i: int) -> tuple[str, ...]:
    """A bare name with a job title below it or after it ("Jane Roe" / "Chefredakteurin",
    "Jane Roe, Autorin").
    """
    line = lines[i]
    if len(line) > MAX_TITLED_CHARS:
        return ()
    below = lines[i + 1] if i + 1 < len(lines) else ""
    words = line.replace(",", " ").split()
    titled = len(words) > MIN_TITLED_WORDS and _job_title(words[-1:])
    if not titled and not _job_title(below.lower().replace(",", " ").split()):
        return ()
    return strict_name(" ".join(words[:-1]) if titled else line)


def _job_title(words: list[str]) -> bool:
    """True for a few words that are all job titles or roles ("Senior Editor")."""
    lowered = [w.lower() for w in words]
    return 0 < len(lowered) <= MAX_NAME_WORDS and word_set("job_titles.txt").issuperset(lowered)


def _doubled_name(lines: Sequence[str], i: int) -> tuple[str, ...]:
    """A bare name printed twice in a row: an author box (the photo's alt text, then the name)."""
    if i + 1 >= len(lines) or lines[i] != lines[i + 1]:
        return ()
    return strict_name(lines[i])


def _mailed(lines: Sequence[str], i: int) -> tuple[str, ...]:
    """A bare name printed above the author's e-mail address."""
    if i + 1 >= len(lines) or not _EMAIL.match(lines[i + 1].strip()):
        return ()
    return strict_name(lines[i])
