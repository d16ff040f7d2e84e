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


_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_NON_WORD = re.compile(r"[^\w']+")


def normalise(line: str) -> str:
    """Lower-case, straight quotes, punctuation folded to single spaces."""
    return _NON_WORD.sub(" ", line.translate(_QUOTES).lower()).strip()


def words(line: str) -> list[str]:
    """The words of a line, as ``normalise`` sees them."""
    return normalise(line).split()
