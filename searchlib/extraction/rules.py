"""Word lists and patterns for extraction, loaded once from ``searchlib/data``.

Rules live in data files so they can grow (and gain languages) without touching code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources


@cache
def data_lines(name: str) -> tuple[str, ...]:
    """Lines of the data file ``name``, comments and blank lines dropped."""
    text = resources.files("searchlib").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def phrases(name: str) -> tuple[str, ...]:
    """Lines of the data file ``name``, lower-cased."""
    return tuple(line.lower() for line in data_lines(name) if not line.startswith("["))


@cache
def phrase_lookup(name: str) -> frozenset[str]:
    """The lower-cased lines of the data file ``name`` as a set, for exact look-ups."""
    return frozenset(phrases(name))


@cache
def phrase_set(*names: str) -> frozenset[str]:
    """The lower-cased lines of the data files ``names``, normalised, as a set."""
    return frozenset(normalise(line) for name in names for line in data_lines(name))


@cache
def word_set(name: str) -> frozenset[str]:
    """Every whitespace-separated word of the data file ``name``, lower-cased."""
    return frozenset(word.lower() for line in data_lines(name) for word in line.split())


@cache
def section(name: str, heading: str) -> tuple[str, ...]:
    """The lower-cased lines under ``[heading]`` in the data file ``name``."""
    found: list[str] = []
    current = ""
    for line in data_lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
        elif current == heading:
            found.append(line.lower())
    return tuple(found)


# A pattern that matches nothing: an empty alternation would match everything.
_NEVER = "(?!)"


@cache
def patterns(name: str) -> tuple[re.Pattern[str], ...]:
    """The regular expressions of the data file ``name``, for matching lower-cased text.

    Kept apart rather than joined: Python's engine runs a few short patterns on lower-cased
    text several times faster than one case-insensitive alternation.
    """
    return tuple(re.compile(line) for line in data_lines(name))


@cache
def anchored_pattern(name: str) -> re.Pattern[str]:
    """The regular expressions of the data file ``name``, all anchored at the start, as one.

    For such files one alternation is several times faster than a search per pattern: each
    alternative fails at the first character.
    """
    return re.compile("|".join(f"(?:{line})" for line in data_lines(name)))


@cache
def split_patterns(name: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The regular expressions of the data file ``name`` as two alternations: those anchored
    at the start ("^...") and the others, for matching lower-cased text.

    The anchored alternation fails at the first character, so most lines pay for one match
    and one search instead of one search per pattern (see ``matches_start_or_anywhere``).
    """
    lines = data_lines(name)
    anchored = "|".join(f"(?:{line[1:]})" for line in lines if line.startswith("^"))
    anywhere = "|".join(f"(?:{line})" for line in lines if not line.startswith("^"))
    return re.compile(anchored or _NEVER), re.compile(anywhere or _NEVER)


def matches_start_or_anywhere(name: str, lowered: str) -> bool:
    """True when a pattern of the data file ``name`` matches the lower-cased text; the file's
    patterns are matched as ``split_patterns`` joins them."""
    anchored, anywhere = split_patterns(name)
    return bool(anchored.match(lowered) or anywhere.search(lowered))


def matches_any(name: str, lowered: str) -> bool:
    """True when a pattern of the data file ``name`` matches the lower-cased text."""
    return any(p.search(lowered) for p in patterns(name))


@cache
def first_words(phrases: frozenset[str]) -> frozenset[str]:
    """The first word of each of ``phrases`` (single-spaced).

    A line starts with one of the phrases only if it starts with one of these words, so
    most lines are ruled out by one look-up.
    """
    return frozenset(phrase.split(" ")[0] for phrase in phrases)


@cache
def phrase_pattern(name: str) -> re.Pattern[str]:
    """A pattern finding any phrase of the data file ``name`` as whole words.

    The phrases are joined as a tree of shared prefixes ("cookie(?:s| policy)?"): a
    case-insensitive pattern gets no fast scan for its first letter, so at each position
    Python's engine tries every branch, and the tree has far fewer branches than the list.
    """
    return re.compile(rf"(?<!\w)(?:{prefix_alternation(phrases(name))})(?!\w)", re.IGNORECASE)


_Trie = dict[str, "_Trie"]


def prefix_alternation(words: Iterable[str]) -> str:
    """An alternation matching exactly ``words``, with shared prefixes factored out."""
    root: _Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _alternation(root)


def _alternation(node: _Trie) -> str:
    branches = [re.escape(char) + _alternation(child) for char, child in node.items() if char]
    if not branches:
        return ""
    joined = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if "" not in node:
        return joined
    return f"(?:{joined})?" if len(branches) == 1 else f"{joined}?"


_WORD = re.compile(r"[\w']+")


def normalise(line: str) -> str:
    """Lower-case, straight apostrophes, punctuation folded to single spaces."""
    # str.replace is much faster than str.translate; double quotes fold away as punctuation.
    line = line.lower().replace("\u2019", "'").replace("\u2018", "'")
    # Joining the words is faster than folding the runs between them and stripping the ends.
    return " ".join(_WORD.findall(line))


@cache
def anchor_words(name: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The longest word of each phrase of the data file ``name``: a cheap pre-filter.

    A line can only hold a phrase when it holds that phrase's longest word, so most lines
    skip the phrase pattern altogether. Returns the word anchors and the symbol anchors
    (such as "©"), which are looked for as substrings.
    """
    anchors = set()
    for line in phrases(name):
        tokens = normalise(line).split() or [line]
        anchors.add(max(tokens, key=len))
    symbols = tuple(a for a in anchors if not a.replace("'", "").isalnum())
    return frozenset(anchors), symbols


def has_phrase(name: str, text: str, tokens: list[str]) -> bool:
    """True when ``text`` holds a phrase of the data file ``name`` (``tokens``: its words)."""
    words, symbols = anchor_words(name)
    if words.isdisjoint(tokens) and not any(symbol in text for symbol in symbols):
        return False
    return phrase_pattern(name).search(text) is not None
