"""Paragraphs a scrape broke over several lines, and tables it printed one cell per line.

Scraped text often breaks a paragraph where a link or an inline tag began, and prints a table
one cell per line. ``body.find_page_body`` joins such runs again before it weighs the lines,
so that a broken paragraph weighs like the paragraph it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Run", "broken_paragraphs", "runs_to_join", "split_lines"]

# A line ends a sentence or a label with one of these; otherwise it may run on.
# A sentence broken off: the line ends in a letter or a comma (not a figure, a mark or code).
_UNFINISHED = frozenset(",")
# Two words and a word ("Contact" / "us", "Farbe" / "schwarz") are a menu or a table row.
MIN_JOINED_WORDS = 6
_ENDS_SENTENCE = re.compile(r"""[.!?…。！？]["'”’»)\]]*$""")
_TIGHT_PUNCTUATION = frozenset(",.;:)")
# A table scraped one cell per line: this many short cells, a share of them figures, right
# after a sentence that announces it with a colon ("Final standings after 36 races:").
# Calendars, archives and league widgets are grids too, but nothing announces them.
MIN_TABLE_CELLS = 12
MAX_CELL_WORDS = 3
MAX_CELL_CHARS = 30
MIN_FIGURE_SHARE = 0.3
_FIGURE = re.compile(r"^[\d.,:%+\-–/$€£()]+$")


@dataclass(frozen=True)
class Run:
    """Lines of a page to read as one.

    Attributes:
        lines: the line numbers of the run.
        text: its lines glued back together.
        table: the run is a table printed one cell per line, not a broken paragraph.
    """

    lines: range
    text: str
    table: bool


def split_lines(text: str) -> list[str]:
    """Non-empty stripped lines of a page."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def broken_paragraphs(lines: list[str]) -> list[range]:
    """Runs of lines that are one paragraph broken over several lines.

    Scraped text often breaks a paragraph where a link or an inline tag began: a line that
    breaks off after a word or a comma, followed by lines that open in lower case or with a
    comma, is one paragraph when the last of them ends a sentence.
    """
    runs: list[range] = []
    i = 0
    while i < len(lines):
        end = i + 1
        while end < len(lines) and _continues(lines[end - 1], lines[end]):
            end += 1
        if end - i > 1 and _ENDS_SENTENCE.search(lines[end - 1]):
            runs.append(range(i, end))
        i = end
    return runs


def runs_to_join(lines: list[str]) -> list[Run]:
    """The announced tables and broken paragraphs of ``lines``, the last first (so that
    joining one does not move the line numbers of those before it).

    A broken paragraph that overlaps a table is left to the table.
    """
    tables = announced_tables(lines)
    runs = [*tables, *(r for r in broken_paragraphs(lines) if not _overlaps(r, tables))]
    return [
        Run(lines=run, text=_glue(lines[run.start : run.stop]), table=run in tables)
        for run in sorted(runs, key=lambda r: r.start, reverse=True)
    ]


def announced_tables(lines: list[str]) -> list[range]:
    """Runs of table cells, one per line, announced by a line ending in a colon."""
    tables: list[range] = []
    for i in range(1, len(lines)):
        if not lines[i - 1].endswith(":") or not _cell(lines[i]):
            continue
        end = i
        while end < len(lines) and _cell(lines[end]):
            end += 1
        figures = sum(1 for cell in lines[i:end] if _FIGURE.match(cell))
        if end - i >= MIN_TABLE_CELLS and figures >= MIN_FIGURE_SHARE * (end - i):
            tables.append(range(i, end))
    return tables


def _cell(line: str) -> bool:
    return len(line) <= MAX_CELL_CHARS and line.count(" ") < MAX_CELL_WORDS


def _overlaps(run: range, others: list[range]) -> bool:
    return any(run.start < other.stop and other.start < run.stop for other in others)


def _glue(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        text += part if part[0] in _TIGHT_PUNCTUATION else " " + part
    return text


def _continues(before: str, line: str) -> bool:
    """True when ``line`` carries on the sentence ``before`` left unfinished."""
    if not (before[-1].isalpha() or before[-1] in _UNFINISHED):
        return False
    if not (line[0].islower() or line[0] in _TIGHT_PUNCTUATION):
        return False
    return before.count(" ") + line.count(" ") + 2 >= MIN_JOINED_WORDS
