"""Word lists and patterns for extraction, loaded once from ``searchlib/data``.

Rules live in data files so they can grow (and gain languages) without touching code.
"""

from __future__ import annotations

import re
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
    return tuple(line.lower() for line in data_lines(name))


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


@cache
def pattern(name: str) -> re.Pattern[str]:
    """The regular expressions of the data file ``name`` joined into one (case-insensitive)."""
    return re.compile("|".join(f"(?:{line})" for line in data_lines(name)), re.IGNORECASE)


@cache
def phrase_pattern(name: str) -> re.Pattern[str]:
    """A pattern finding any phrase of the data file ``name`` as whole words."""
    alternatives = sorted(map(re.escape, phrases(name)), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)", re.IGNORECASE)


_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"'}
)
_NON_WORD = re.compile(r"[^\w']+")


def normalise(line: str) -> str:
    """Lower-case, straight quotes, punctuation folded to single spaces."""
    return _NON_WORD.sub(" ", line.translate(_QUOTES).lower()).strip()


def words(line: str) -> list[str]:
    """The words of a line, as ``normalise`` sees them."""
    return normalise(line).split()
