"""Stage 5, queries: the query language's syntax tree, its parser and alias expansion."""

from __future__ import annotations

from .aliases import Aliases, load_aliases
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
    "leaves",
    "load_aliases",
    "parse",
    "parse_date_range",
    "ranks",
]
