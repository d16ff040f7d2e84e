"""The text of a headline line: a site name after it cut on evidence, a glued trail dropped.

``title.py`` picks the line; this module decides how much of it is the headline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .comment_headings import commented_title
from .lines import Line
from .rules import normalise, word_set

MIN_TITLE_WORDS = 2
# A headline printed with its breadcrumb trail glued in front ("Forum>Phones>Headline"): the
# headline is the last step, when it has a few words.
_GLUED_TRAIL = re.compile(r"^(?:[^»›>]+[»›>]){2,}\s*(?P<tail>[^»›>]+)$")
MIN_TRAIL_TAIL_WORDS = 2
# A site name after the headline: "Headline | Outlet", "Headline - Outlet" (a few words).
_TITLE_SUFFIX = re.compile(r"\s+[|]\s+.*$|\s+[–—-]\s+(?P<name>(?:[^\s|–—-]+\s?){1,4})$")
SUFFIX_MARKS = frozenset("|–—:-")


def title_text(feats: Sequence[Line], at: int) -> str:
    """The headline printed on line ``at``, a site name after it cut only on evidence.

    On a page, "Headline – Suffix" is as often the whole headline as a headline and a site
    name, so the suffix is cut only when the page prints the suffix or the headline without
    it on a line of its own (the site name in the header, the headline above the body). A
    breadcrumb trail glued in front is dropped, and a comment heading ("3 thoughts on
    “Headline”") gives the title it names.
    """
    text = feats[at].text
    named = commented_title(text)
    if named is not None:
        return named.title
    trail = _GLUED_TRAIL.match(text)
    if trail and len(trail.group("tail").split()) >= MIN_TRAIL_TAIL_WORDS:
        return trail.group("tail").strip()
    if not _TITLE_SUFFIX.search(text):
        return text.strip()
    return clean_title(text, frozenset(f.key for i, f in enumerate(feats) if i != at))


def clean_title(text: str, page_keys: frozenset[str] | None = None) -> str:
    """The headline without a trailing "| Outlet" or " - Outlet" part.

    Args:
        text: a headline line.
        page_keys: the normalised other lines of the page; when given, the suffix is cut only
            when one of them is the suffix or the headline without it.
    """
    match = _TITLE_SUFFIX.search(text)
    if not match or (match.group("name") and not _site_name(match.group("name"))):
        return text.strip()
    cleaned = text[: match.start()].strip()
    if len(cleaned.split()) < MIN_TITLE_WORDS:
        return text.strip()
    if page_keys is not None and not _printed_apart(text, match.start(), page_keys):
        return text.strip()
    return cleaned


def _printed_apart(text: str, cut: int, page_keys: frozenset[str]) -> bool:
    """True when the page prints the headline or the suffix cut at ``cut`` on its own."""
    suffix = normalise(text[cut:])
    return normalise(text[:cut]) in page_keys or bool(suffix and suffix in page_keys)


def _site_name(text: str) -> bool:
    """True when a dash-separated tail reads like a site name, not the rest of a headline.

    A name has no digits, no sentence mark and no function words after its first word
    ("The Daily Paper" but not "so geht's", "33 Tage Yoga", "und X profitiert").
    """
    words = text.lower().split()
    if not words or any(c.isdigit() for c in text) or text.rstrip().endswith(("!", "?", "…")):
        return False
    stops = word_set("stopwords.txt")
    return text[:1].isupper() and not any(w in stops for w in words[1:])


def title_key(text: str) -> str:
    """A headline line's normalised text, a site-name suffix cut."""
    return normalise(clean_title(text))
