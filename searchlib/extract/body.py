"""Find the article body among the lines of a plain-text page.

A first, honest extractor: a line is body when it reads like prose (enough words, ends like a
sentence), is not a chrome phrase, and is not a caption printed twice. Headings such as
"More latest news" after the body has started end the article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .rules import normalise, phrases, words

MIN_BODY_WORDS = 8
MIN_UNPUNCTUATED_WORDS = 25
SHORT_LINE_WORDS = 12
_SENTENCE_END = re.compile(r"""[.!?…:;]["'”’)\]]*$""")
_CREDIT = re.compile(r"\.?\s*(?:Picture|Photo|Image|Credit|Source)s?\s*:.*$", re.IGNORECASE)


@dataclass(frozen=True)
class Body:
    """The body paragraphs of a page and the caption lines found on the way."""

    paragraphs: tuple[str, ...]
    captions: tuple[str, ...]


def split_lines(text: str) -> list[str]:
    """Non-empty stripped lines of a page."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def find_body(lines: list[str], skip: frozenset[str] = frozenset()) -> Body:
    """Pick the body paragraphs out of a page's lines.

    Args:
        lines: the page's non-empty lines, in order.
        skip: lines already used as metadata (title, byline, date line).
    """
    repeated = _repeated_keys(lines)
    kept: list[str] = []
    captions: list[str] = []
    for line in lines:
        if line in skip:
            continue
        if _caption_key(line) in repeated:
            captions.append(line)
        elif kept and _ends_article(line):
            break
        elif _is_prose(line) and not is_chrome(line):
            kept.append(line)
    return Body(tuple(kept), tuple(dict.fromkeys(captions)))


def _caption_key(line: str) -> str:
    return normalise(_CREDIT.sub("", line))


def _repeated_keys(lines: list[str]) -> set[str]:
    counts = Counter(_caption_key(line) for line in lines)
    return {key for key, count in counts.items() if count > 1 and key}


def _is_prose(line: str) -> bool:
    n = len(words(line))
    if n >= MIN_UNPUNCTUATED_WORDS:
        return True
    return n >= MIN_BODY_WORDS and bool(_SENTENCE_END.search(line))


def is_chrome(line: str) -> bool:
    """True for a chrome phrase alone, or leading a short line or a "Phrase: ..." line."""
    n = len(words(line))
    if n > SHORT_LINE_WORDS * 2:
        return False
    key = normalise(line)
    lowered = line.lower().lstrip()
    for phrase in phrases("chrome_en.txt"):
        if key == phrase:
            return True
        if key.startswith(phrase + " ") and (n <= 6 or _labelled(lowered, phrase)):
            return True
    return False


def _labelled(lowered: str, phrase: str) -> bool:
    rest = lowered[len(phrase) :].lstrip() if lowered.startswith(phrase) else ""
    return rest[:1] in _LABEL_MARKS


_LABEL_MARKS = frozenset(":|-–—›»")


def _ends_article(line: str) -> bool:
    return normalise(line) in phrases("section_end_en.txt")
