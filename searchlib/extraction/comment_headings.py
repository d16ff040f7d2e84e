"""The headline a blog page names over its reader comments: "3 thoughts on “Headline”".

Blog software prints the post's title, exactly, in the heading of its comment section; the
wordings (a count, a noun, a joining word, in several languages) are in
``data/comment_headings.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .rules import normalise, section

DATA = "comment_headings.txt"
# Quotation marks around the named title; one pair is taken off.
_OPENING = "\"'“”„«‘‚‹"
_CLOSING = "\"'“”«»’‘›"
MAX_HEADING_CHARS = 300


@dataclass(frozen=True)
class NamedTitle:
    """The title a page's comment headings name.

    Attributes:
        line: the line number of the (first) heading.
        title: the title, one pair of quotation marks taken off.
        quoted: the heading puts the title in quotation marks, so the whole rest of the
            heading is the title; unquoted, it may be "this post".
    """

    line: int
    title: str
    quoted: bool


def find_named_title(lines: Sequence[str]) -> NamedTitle | None:
    """The one title the page's comment headings name, or None (none, or they differ)."""
    # One search over the whole page finds the few heading lines; most pages have none.
    text = "\n" + "\n".join(lines)  # a line break before each line, the first one too
    starts = (text.count("\n", 0, match.start()) for match in _page_heading().finditer(text))
    found = [named for at in starts if (named := commented_title(lines[at], at))]
    if len({normalise(named.title) for named in found}) != 1:
        return None
    return found[0]


def commented_title(line: str, at: int = 0) -> NamedTitle | None:
    """The title the comment heading ``line`` (line number ``at``) names; None for others."""
    if len(line) > MAX_HEADING_CHARS or not line[:1].isalnum():
        return None
    match = _heading().match(line.strip())
    if not match:
        return None
    named = match.group("title").strip()
    quoted = len(named) > 2 and named[0] in _OPENING and named[-1] in _CLOSING
    title = named[1:-1].strip() if quoted else named
    return NamedTitle(line=at, title=title, quoted=quoted) if title else None


@cache
def _heading() -> re.Pattern[str]:
    """A comment heading at the start of a line."""
    return re.compile(f"^{_heading_shape()}", re.IGNORECASE | re.MULTILINE)


@cache
def _page_heading() -> re.Pattern[str]:
    """A comment heading after a line break, for searching a whole page.

    The regex engine skips ahead from one line break to the next, where a pattern opening
    with "^" is tried at every character.
    """
    return re.compile(f"\n{_heading_shape()}", re.IGNORECASE | re.MULTILINE)


@cache
def _heading_shape() -> str:
    """A comment heading's shape: a count, a noun, a joining word, then the title."""
    counts, nouns, joins = (
        "|".join(map(re.escape, section(DATA, name))) for name in ("counts", "nouns", "joins")
    )
    return rf"(?:\d+|{counts})[^\S\n]+(?:{nouns})[^\S\n]+(?:{joins})[^\S\n]+(?P<title>.+)$"
