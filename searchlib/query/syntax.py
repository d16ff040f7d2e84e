"""The query language: parse what a user types into a small, engine-neutral syntax tree.

The language (see docs/query-language.md)::

    artillery shells          any word matches; all words first (BM25F, coordination bonus)
    "artillery shells"        an exact phrase
    shells -drones            exclusion (also NOT drones)
    kim OR putin              either; AND binds tighter than OR
    (kim OR putin) shells     parentheses group
    title:putin  outlet:lbc  author:"will taylor"   field filters
    date:2024  date:2023-09..2024-01  date:..2022-12  date:2024-03..   date ranges
    munit*                    prefix
    artilery~  artilery~2     fuzzy (edit distance 1 by default)

Parsing is lenient: unbalanced quotes and parentheses are closed, parentheses nested deeper
than ``MAX_DEPTH`` are read as plain grouping, stray operators are read as words. Only what
cannot mean anything (an empty query, an unknown field, a bad date, a query too long) is a
``QueryError``, with a hint.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import QueryError

MAX_QUERY_CHARS = 10_000
MAX_DEPTH = 32
MAX_WORDS = 256
TEXT_FIELDS = ("title", "text", "outlet", "author")
FIELDS = (*TEXT_FIELDS, "date")
FIELD_ALIASES = {"authors": "author", "by": "author", "headline": "title", "body": "text"}
MAX_FUZZY_DISTANCE = 2


@dataclass(frozen=True)
class Term:
    """A word; ``field`` None means the default fields (title and text)."""

    text: str
    field: str | None = None


@dataclass(frozen=True)
class Phrase:
    """Words that must appear next to each other, in order."""

    words: tuple[str, ...]
    field: str | None = None


@dataclass(frozen=True)
class Prefix:
    """Any word starting with ``text``."""

    text: str
    field: str | None = None


@dataclass(frozen=True)
class Fuzzy:
    """Words within ``distance`` edits of ``text``."""

    text: str
    field: str | None = None
    distance: int = 1


@dataclass(frozen=True)
class DateRange:
    """Publication dates from ``start`` to ``end`` inclusive; either end may be open."""

    start: _dt.date | None = None
    end: _dt.date | None = None


@dataclass(frozen=True)
class Not:
    """Excludes what ``item`` matches."""

    item: Node


@dataclass(frozen=True)
class And:
    """Every item must match."""

    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    """At least one item must match."""

    items: tuple[Node, ...]


Node = Term | Phrase | Prefix | Fuzzy | DateRange | Not | And | Or

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<open>\()
  | (?P<close>\))
  | (?P<phrase>["“”„«»](?P<inner>[^"“”„«»]*)["“”„«»]?)
  | (?P<field>[A-Za-z]+):(?=[^\s)])
  | (?P<word>[^\s()"“”„«»]+)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str


def _tokens(text: str) -> Iterator[_Token]:
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "word"
        if kind == "inner":
            kind = "phrase"
        if kind == "phrase":
            yield _Token("phrase", match.group("inner") or "")
        elif kind != "space":
            yield _Token(kind, match.group(kind))


def parse(text: str) -> Node:
    """Parse a query into a syntax tree.

    Raises:
        QueryError: the query is empty, too long, names an unknown field or a bad date.
    """
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is {len(text):,} characters long",
            f"keep it under {MAX_QUERY_CHARS:,} characters",
        )
    tokens = list(_tokens(text))
    if sum(token.kind in ("word", "phrase") for token in tokens) > MAX_WORDS:
        raise QueryError("the query has too many words", f"use at most {MAX_WORDS} words")
    node = _Parser(tokens).parse()
    if node is None:
        raise QueryError("the query is empty", 'type some words, e.g. "artillery shells"')
    return node


class _Parser:
    """Recursive descent over the tokens; never fails on structure, only on meaning."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.depth = 0

    def parse(self) -> Node | None:
        items: list[Node] = []
        while self.pos < len(self.tokens):
            node = self._or()
            if node is not None:
                items.append(node)
            elif self._peek_kind() == "close":
                self.pos += 1  # a stray ")" is ignored
        return _combine(And, items)

    def _peek_kind(self) -> str | None:
        return self.tokens[self.pos].kind if self.pos < len(self.tokens) else None

    def _is_keyword(self, word: str) -> bool:
        token = self.tokens[self.pos] if self.pos < len(self.tokens) else None
        return token is not None and token.kind == "word" and token.text == word

    def _or(self) -> Node | None:
        items = [self._and()]
        while self._is_keyword("OR"):
            self.pos += 1
            items.append(self._and())
        return _combine(Or, [item for item in items if item is not None])

    def _and(self) -> Node | None:
        items: list[Node] = []
        while self.pos < len(self.tokens) and self._peek_kind() != "close":
            if self._is_keyword("OR"):
                break
            if self._is_keyword("AND"):
                self.pos += 1
                continue
            node = self._unary()
            if node is not None:
                items.append(node)
        return _combine(And, items)

    def _unary(self) -> Node | None:
        token = self.tokens[self.pos]
        negate = token.kind == "word" and (
            token.text == "NOT" or (token.text.startswith("-") and len(token.text) > 1)
        )
        if negate and token.text != "NOT":
            self.tokens[self.pos] = _Token("word", token.text[1:])
        elif negate:
            self.pos += 1
            if self.pos >= len(self.tokens):
                return None
        node = self._atom()
        return Not(node) if negate and node is not None else node

    def _atom(self) -> Node | None:
        token = self.tokens[self.pos]
        self.pos += 1
        if token.kind == "open":
            return self._group()
        if token.kind == "phrase":
            return _phrase(token.text, None)
        if token.kind == "field":
            return self._field(token.text)
        return _word(token.text, None)

    def _group(self) -> Node | None:
        if self.depth >= MAX_DEPTH:
            return None  # deeper nesting cannot change the meaning; the words still count
        self.depth += 1
        node = self._or()
        self.depth -= 1
        if self._peek_kind() == "close":
            self.pos += 1
        return node

    def _field(self, name: str) -> Node | None:
        field = _field_name(name)
        if self.pos >= len(self.tokens):
            return None
        token = self.tokens[self.pos]
        self.pos += 1
        if field == "date":
            return parse_date_range(token.text)
        if token.kind == "phrase":
            return _phrase(token.text, field)
        if token.kind == "open":
            self.pos -= 1
            return _with_field(self._atom(), field)
        return _word(token.text, field)


def _field_name(name: str) -> str:
    lowered = name.lower()
    field = FIELD_ALIASES.get(lowered, lowered)
    if field not in FIELDS:
        raise QueryError(
            f"unknown field {name!r}",
            f"fields are {', '.join(FIELDS)}; quote the text to search it as words",
        )
    return field


def _with_field(node: Node | None, field: str) -> Node | None:
    match node:
        case Term() | Phrase() | Prefix() | Fuzzy():
            return type(node)(**{**node.__dict__, "field": field})
        case And(items) | Or(items):
            return type(node)(tuple(n for n in (_with_field(i, field) for i in items) if n))
        case Not(item):
            inner = _with_field(item, field)
            return Not(inner) if inner else None
    return node


def _combine(kind: type[And] | type[Or], items: list[Node]) -> Node | None:
    if not items:
        return None
    return items[0] if len(items) == 1 else kind(tuple(items))


def _phrase(text: str, field: str | None) -> Node | None:
    words = tuple(text.split())
    if not words:
        return None
    return Term(words[0], field) if len(words) == 1 else Phrase(words, field)


_FUZZY = re.compile(r"^(?P<text>.+?)~(?P<distance>\d?)$")


def _word(text: str, field: str | None) -> Node | None:
    fuzzy = _FUZZY.match(text)
    if fuzzy:
        distance = int(fuzzy.group("distance") or 1)
        return Fuzzy(fuzzy.group("text"), field, min(distance, MAX_FUZZY_DISTANCE))
    if text.endswith("*") and len(text.rstrip("*")) >= 1:
        return Prefix(text.rstrip("*"), field)
    return Term(text, field)


_DATE_PART = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?$")


def parse_date_range(text: str) -> DateRange:
    """Read ``2024``, ``2024-03``, ``2024-03-05`` or ``A..B`` (either side open).

    Raises:
        QueryError: a side is not a date.
    """
    if ".." in text:
        low, _, high = text.partition("..")
        return DateRange(
            _date_bound(low, end=False) if low else None,
            _date_bound(high, end=True) if high else None,
        )
    return DateRange(_date_bound(text, end=False), _date_bound(text, end=True))


def _date_bound(text: str, *, end: bool) -> _dt.date:
    match = _DATE_PART.match(text.strip())
    if not match:
        raise QueryError(
            f"{text!r} is not a date", "write date:2024, date:2024-03 or date:2023-09..2024-01"
        )
    year, month, day = match.group("y", "m", "d")
    try:
        return _bound_date(int(year), int(month) if month else None, int(day) if day else None, end)
    except ValueError:
        raise QueryError(f"{text!r} is not a valid date", "months are 1-12, days 1-31") from None


def _bound_date(year: int, month: int | None, day: int | None, end: bool) -> _dt.date:
    if month is None:
        return _dt.date(year, 12, 31) if end else _dt.date(year, 1, 1)
    if day is None:
        last = calendar.monthrange(year, month)[1]
        return _dt.date(year, month, last if end else 1)
    return _dt.date(year, month, day)


def leaves(node: Node) -> Iterator[Node]:
    """The words, phrases, prefixes and fuzzy words the query looks for (not exclusions)."""
    match node:
        case Not() | DateRange():
            return
        case And(items) | Or(items):
            for item in items:
                yield from leaves(item)
        case _:
            yield node


def describe(node: Node) -> str:
    """The parsed query as an explicit expression, for ``--explain``."""
    match node:
        case Term(text, field):
            return f"{_field_prefix(field)}{text}"
        case Phrase(words, field):
            return f'{_field_prefix(field)}"{" ".join(words)}"'
        case Prefix(text, field):
            return f"{_field_prefix(field)}{text}*"
        case Fuzzy(text, field, distance):
            return f"{_field_prefix(field)}{text}~{distance}"
        case DateRange(start, end):
            return f"date:{start or ''}..{end or ''}"
        case Not(item):
            return f"NOT {describe(item)}"
        case And(items):
            return _describe_and(items)
        case Or(items):
            return "(" + " OR ".join(describe(item) for item in items) + ")"
    raise TypeError(f"not a query node: {node!r}")


def ranks(node: Node) -> bool:
    """True for a part of an AND that only ranks (plain words and groups of them); phrases,
    ``field:`` terms and dates are required."""
    match node:
        case Term(_, None) | Prefix(_, None) | Fuzzy(_, None, _) | Or() | And():
            return True
    return False


def _describe_and(items: tuple[Node, ...]) -> str:
    """``ALL(required) RANKED BY ANY(words) NOT excluded``, leaving out the empty parts."""
    required = [describe(i) for i in items if not isinstance(i, Not) and not ranks(i)]
    ranked = [describe(i) for i in items if ranks(i)]
    parts = [_group("ALL", required), _group("ANY", ranked)]
    text = " RANKED BY ".join(part for part in parts if part)
    excluded = [describe(i) for i in items if isinstance(i, Not)]
    return " ".join([text, *excluded]) if text else " ".join(excluded)


def _group(name: str, parts: list[str]) -> str:
    if len(parts) <= 1:
        return parts[0] if parts else ""
    return f"{name}({', '.join(parts)})"


def _field_prefix(field: str | None) -> str:
    return f"{field}:" if field else ""
