"""Aliases: names that mean the same thing (DPRK = North Korea), expanded in queries.

The rules live in text files, one group of names a line separated by `` = ``; the package
ships a default list (``searchlib/data/aliases.txt``) and users add their own files. A name
written in capitals matches only a query word typed in capitals, so the pronoun "us" is not
read as the United States.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import QueryError
from .syntax import And, Node, Not, Or, Phrase, Term

SEPARATOR = "="
COMMENT = "#"
DEFAULT_ALIASES = "aliases.txt"
TRAILING_PUNCTUATION = ".,;:!?"

Name = tuple[str, ...]


@dataclass(frozen=True)
class Aliases:
    """Groups of names; ``groups`` maps each name's match key to the group's names."""

    groups: dict[Name, tuple[Name, ...]] = field(default_factory=dict)

    @property
    def longest(self) -> int:
        """The number of words of the longest name."""
        return max((len(name) for name in self.groups), default=0)

    def others(self, words: Name) -> tuple[Name, ...]:
        """The other names of the group ``words`` (as typed) belongs to, or ()."""
        # A name ending a sentence ("talks with the DPRK.") is still the name.
        words = (*words[:-1], words[-1].rstrip(TRAILING_PUNCTUATION) or words[-1])
        for key in (words, tuple(w.casefold() for w in words)):
            if key in self.groups:
                return tuple(name for name in self.groups[key] if name != key)
        return ()


def _key(name: Name) -> Name:
    # Capitalised acronyms keep their case so that they only match when typed so.
    return name if all(w.isupper() for w in name) else tuple(w.casefold() for w in name)


def parse_aliases(lines: Iterable[str]) -> Aliases:
    """Read alias groups from lines of ``name = name = ...``; blank and # lines are skipped."""
    groups: dict[Name, tuple[Name, ...]] = {}
    for line in lines:
        line = line.split(COMMENT, 1)[0].strip()
        names = [tuple(part.split()) for part in line.split(SEPARATOR)]
        names = [name for name in names if name]
        if len(names) < 2:
            continue
        keys = tuple(_key(name) for name in names)
        for key in keys:
            groups[key] = tuple(dict.fromkeys([*groups.get(key, ()), *keys]))
    return Aliases(groups)


def load_aliases(*paths: str | os.PathLike[str], defaults: bool = True) -> Aliases:
    """The default aliases (unless ``defaults`` is false) merged with those of ``paths``.

    Raises:
        QueryError: an alias file cannot be read.
    """
    lines: list[str] = []
    if defaults:
        shipped = resources.files("searchlib").joinpath("data", DEFAULT_ALIASES)
        lines += shipped.read_text(encoding="utf-8").splitlines()
    for path in paths:
        try:
            lines += Path(path).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"cannot read aliases file {path}: {exc}", "check the path") from None
    return parse_aliases(lines)


def expand(node: Node, aliases: Aliases) -> Node:
    """Add each alias of the query's words and phrases as an alternative (OR) to it."""
    if not aliases.groups:
        return node
    match node:
        case And(items):
            return _single(And, _expand_run(items, aliases))
        case Or(items):
            return Or(tuple(expand(item, aliases) for item in items))
        case Not(item):
            return Not(expand(item, aliases))
        case Term(text, None) | Phrase((text,), None):
            return _alternatives((text,), aliases) or node
        case Phrase(words, None):
            return _alternatives(words, aliases) or node
    return node


def _expand_run(items: tuple[Node, ...], aliases: Aliases) -> list[Node]:
    """Expand consecutive plain words that spell a name (longest name first)."""
    out: list[Node] = []
    i = 0
    while i < len(items):
        for size in range(min(aliases.longest, len(items) - i), 0, -1):
            run = items[i : i + size]
            words = tuple(item.text for item in run if isinstance(item, Term) and not item.field)
            found = _alternatives(words, aliases) if len(words) == size else None
            if found is not None:
                out.append(found)
                i += size
                break
        else:
            out.append(expand(items[i], aliases))
            i += 1
    return out


def _alternatives(words: Name, aliases: Aliases) -> Node | None:
    others = aliases.others(words)
    if not others:
        return None
    names = (words, *others)
    return Or(tuple(Term(n[0]) if len(n) == 1 else Phrase(n) for n in names))


def _single(kind: type[And], items: list[Node]) -> Node:
    return items[0] if len(items) == 1 else kind(tuple(items))
