"""Stage 5, queries: the query language's syntax tree, its parser and alias expansion."""

from __future__ import annotations

from .aliases import Aliases, load_aliases
from .feedback import FEEDBACK_MIN_WORDS, is_natural_language
from .syntax import (
    FIELDS,
    MAX_QUERY_CHARS,
    And,
    DateRange,
    Fuzzy,
    Node,
    Not,
    Or,
    Phrase,
    Prefix,
    Term,
    describe,
    leaves,
    parse,
    parse_date_range,
    ranks,
)

__all__ = [
    "FEEDBACK_MIN_WORDS",
    "FIELDS",
    "MAX_QUERY_CHARS",
    "Aliases",
    "And",
    "DateRange",
    "Fuzzy",
    "Node",
    "Not",
    "Or",
    "Phrase",
    "Prefix",
    "Term",
    "describe",
    "is_natural_language",
    "leaves",
    "load_aliases",
    "parse",
    "parse_date_range",
    "ranks",
]
