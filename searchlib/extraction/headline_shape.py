"""What kind of line each line of a page is, for the headline search: which lines may be a
headline at all, and which are names, credits, tag lists, pull quotes, standfirsts or date and
byline lines.

``title.py`` scores the candidates; this module holds the tests of a single line's text and
shape. Lines of page furniture (``data/not_titles.txt``: alt text, counters, tag labels, links
to the previous post, interface prompts), breadcrumb trails, bylines and date lines are never
headlines; a line may hold a date when the date comes after its first words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .bylines import byline_names, is_byline, is_byline_word
from .dates import dated_at, parse_date, relative_date_pattern
from .lines import Line
from .names import MAX_NAME_WORDS, person
from .rules import matches_start_or_anywhere, word_set

__all__ = [
    "MAX_TITLE_WORDS",
    "dated",
    "headline_shaped",
    "is_credit",
    "is_meta_line",
    "is_name",
    "is_standfirst",
    "is_tag_list",
    "label_pair",
    "pull_quote",
]

MAX_TITLE_WORDS = 30
# A one-word headline ("Emden") is a candidate, but must beat the label cost.
MIN_CANDIDATE_WORDS = 1
MAX_META_LINE_WORDS = 16
# A bare person's name ("Jane Roe" under a photo or beside a byline) and a list of tags
# ("Politics, Europe, Trade") are headline-shaped but rarely the headline.
MIN_LIST_ITEMS = 3
MAX_LIST_ITEM_WORDS = 3
_LIST_SPLIT = re.compile(r"[,;]")
# The joins of a list of names: commas, "&" and "and" in several languages.
_NAME_SPLIT = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*")
# The fields of a credit line: a name, then a role, an employer or more names.
_CREDIT_SPLIT = re.compile(r"[,&]")
# "Section | Site": a pipe between two short labels.
LABEL_PAIR_WORDS = 3
# A long line in quotation marks is a pull quote or a quoted standfirst.
MIN_QUOTE_WORDS = 10
_QUOTE_MARKS = "\"'“”„«»‘’‚"
# Two path separators in a short line: a breadcrumb trail ("Home » News » World").
_BREADCRUMB = re.compile(r"(?:\s[»›>→/|]\s.*){2}")
DATED_CACHE = 2048
# Lines whose headline-shape and date-or-byline tests are kept (a site repeats them).
TEXT_TEST_CACHE = 2048
_DIGIT = re.compile(r"\d")
# A relative date ("Updated 2 hours ago") is a date line up to this long; a longer line holding
# one is a sentence or a headline.
RELATIVE_DATE_WORDS = 8
# A headline may hold a date ("Minutes of the meeting of 10 October 2019"): after this many
# words, in a line of this many words without digits, with no sentence break (a small letter
# or a year, then a full stop and a capital; "10. October" is a date) and no field marks.
DATED_HEADLINE_LEAD_WORDS = 3
DATED_HEADLINE_WORDS = 5
_SENTENCE_OR_FIELDS = re.compile(r"(?:[a-zß-ÿ]|\d{4})[.!?] [A-ZÀ-Þ]|//|\|")


def label_pair(text: str) -> bool:
    """True for two short labels either side of a pipe ("Sport | Daily Paper")."""
    parts = text.split(" | ")
    return len(parts) == 2 and all(len(part.split()) <= LABEL_PAIR_WORDS for part in parts)


def pull_quote(line: Line) -> bool:
    """True for a long line that opens with a quotation mark."""
    return line.words >= MIN_QUOTE_WORDS and line.text.lstrip()[:1] in _QUOTE_MARKS


def is_name(text: str) -> bool:
    """True for a line that only names people ("Jane Roe", "Jane Roe, Ann Lee & Tom Poe")."""
    first = text.split(maxsplit=1)[0].lower() if text.strip() else ""
    if first not in word_set("given_names.txt"):
        return False
    return all(_is_one_name(part) for part in _NAME_SPLIT.split(text))


def is_credit(text: str) -> bool:
    """True for a person's name followed by short capitalised fields: "Jane Roe, Staff
    Writer, Daily Paper", "Jane Roe, Ann Lee & Tom Poe".

    A headline that opens with a name goes on in lower case or at length ("Jane Roe, the
    mayor, resigns", "Jane Roe, Tom Poe to meet in Rome over trade").
    """
    parts = [part.strip() for part in _CREDIT_SPLIT.split(text)]
    return (
        len(parts) > 1
        and all(0 < len(part.split()) <= MAX_NAME_WORDS and part[0].isupper() for part in parts[1:])
        and person(parts[0], strict=True) is not None
    )


def _is_one_name(text: str) -> bool:
    """True for capitalised words after a given name, none of them a function word."""
    words = text.split()
    if not 2 <= len(words) <= MAX_NAME_WORDS or words[0].lower() not in word_set("given_names.txt"):
        return False
    stops = word_set("stopwords.txt")
    return all(w[:1].isupper() and w.lower() not in stops for w in words)


def is_tag_list(text: str) -> bool:
    """True for a list of short items ("Politics, Europe, Trade"), not a sentence."""
    if text.count(",") + text.count(";") < MIN_LIST_ITEMS - 1:
        return False
    items = _LIST_SPLIT.split(text)
    return len(items) >= MIN_LIST_ITEMS and all(
        0 < len(item.split()) <= MAX_LIST_ITEM_WORDS for item in items
    )


def is_standfirst(headline: Line, below: Line) -> bool:
    """True when ``below`` reads like a standfirst under ``headline``: longer, more prose."""
    return (
        below.words > headline.words
        and below.stop_share > headline.stop_share
        and not (below.chrome or below.caption or below.legal)
    )


def is_meta_line(text: str) -> bool:
    """A date or byline line (or a bare "By"), as printed next to a headline."""
    return len(text.split()) <= MAX_META_LINE_WORDS and _short_meta_line(text)


@lru_cache(maxsize=TEXT_TEST_CACHE)
def _short_meta_line(text: str) -> bool:
    """``is_meta_line`` for a line of a few words; cached, as each candidate window asks
    again about the lines near it, and a site prints the same bylines on many pages."""
    return is_byline_word(text) or bool(byline_names(text)) or dated(text)


def headline_shaped(line: Line) -> bool:
    if line.chrome or line.caption or line.legal or (line.prose and line.text.endswith(".")):
        return False
    if not MIN_CANDIDATE_WORDS <= line.words <= MAX_TITLE_WORDS:
        return False
    return _headline_text(line.text)


@lru_cache(maxsize=TEXT_TEST_CACHE)
def _headline_text(text: str) -> bool:
    """True when a line's text may be a headline: not a fragment, trail, byline or date.

    Cached: the lines around the body are much the same on every page of a site.
    """
    if _lower_start(text) or text.endswith((",", ":", ";")):
        return False
    if _BREADCRUMB.search(text) or is_byline(text):
        return False
    return not _furniture(text.lower()) and (not dated(text) or _dated_headline(text))


def _dated_headline(text: str) -> bool:
    """True for a headline that holds a date ("Minutes of the meeting of 10 October 2019").

    The date comes after the first words, and the line is not a date line with fields
    ("Posted 3 May 2021 | 4 min read") or sentences ("It opened on 5 May 2019. It is ...").
    """
    found = dated_at(text)
    if found is None or len(text[: found[0]].split()) < DATED_HEADLINE_LEAD_WORDS:
        return False
    if text.endswith(".") or _SENTENCE_OR_FIELDS.search(text):
        return False
    return sum(1 for word in text.split() if not _DIGIT.search(word)) >= DATED_HEADLINE_WORDS


@lru_cache(maxsize=DATED_CACHE)
def dated(text: str) -> bool:
    """True when a line holds a date, or is a short relative date ("2 hours ago"); cached, as
    the shape and the meta tests both ask.

    Every date shape ``parse_date`` reads holds digits, so most lines skip it.
    """
    if _DIGIT.search(text) is not None and parse_date(text) is not None:
        return True
    return _relative_date(text)


def _relative_date(text: str) -> bool:
    """True for a short line holding a relative date ("vor 3 Stunden", "2 hours ago")."""
    return (
        len(text.split()) <= RELATIVE_DATE_WORDS
        and relative_date_pattern().search(text) is not None
    )


def _furniture(lowered: str) -> bool:
    """True when a lower-cased line matches a shape of ``data/not_titles.txt``."""
    return matches_start_or_anywhere("not_titles.txt", lowered)


def _lower_start(text: str) -> bool:
    """True when a line starts in lower case, as a broken paragraph's tail does.

    A brand written in camel case ("iPhone", "eBay") may open a headline.
    """
    if not text[:1].islower():
        return False
    first = text.split(maxsplit=1)[0]
    return not any(c.isupper() for c in first[1:])
