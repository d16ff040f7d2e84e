"""Rendering for the command line: hits, reports, articles and stats as text, JSON or CSV.

Text goes to a terminal in colour or, piped, as plain text with matches marked ``**so**``.
Nothing here calls the library; it only formats the values the library returns.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import click

from ..models import Article, Hit, IndexStats, Problem, Results, UpdateReport
from ..snippet import render

PLAIN_MARK = "**"
CSV_COLUMNS = (
    "rank",
    "score",
    "article_id",
    "position",
    "title",
    "outlet",
    "date",
    "authors",
    "url",
    "source",
    "snippet",
)


@dataclass(frozen=True)
class Style:
    """How to decorate text: ANSI styles on a terminal, plain markers elsewhere."""

    color: bool
    width: int | None = None

    def wrap(self, text: str, indent: str) -> str:
        """Wrap to the terminal width (when known) under a hanging indent."""
        if not self.width:
            return indent + text
        return textwrap.fill(
            text,
            self.width,
            initial_indent=indent,
            subsequent_indent=indent,
            break_on_hyphens=False,
        )

    def title(self, text: str) -> str:
        return click.style(text, bold=True) if self.color else text

    def meta(self, text: str) -> str:
        return click.style(text, fg="cyan") if self.color else text

    def dim(self, text: str) -> str:
        return click.style(text, dim=True) if self.color else text

    def match(self, text: str) -> str:
        if self.color:
            return click.style(text, bold=True, fg="yellow")
        return f"{PLAIN_MARK}{text}{PLAIN_MARK}"


def _iso(date: _dt.date | None) -> str | None:
    return date.isoformat() if date else None


# -- search results ----------------------------------------------------------------------


def results_text(results: Results, style: Style, first_rank: int) -> str:
    """Hits as readable blocks: title; outlet · date · authors; snippet; article id."""
    blocks = [_hit_text(rank, hit, style) for rank, hit in enumerate(results.hits, first_rank)]
    return "\n".join(blocks)


def _hit_text(rank: int, hit: Hit, style: Style) -> str:
    lines = [style.title(f"{rank}. {hit.title}")]
    meta = " · ".join(p for p in (hit.outlet, _iso(hit.date), ", ".join(hit.authors)) if p)
    if meta:
        lines.append("   " + style.meta(meta))
    lines.append(style.wrap(render(hit.snippet, style.match), "   "))
    where = f"{hit.article_id} ¶{hit.position + 1}"
    if hit.more_in_article:
        where += f"  (+{hit.more_in_article} more in this article)"
    lines.append("   " + style.dim(where))
    return "\n".join(lines) + "\n"


def results_json(results: Results, with_facets: bool) -> str:
    """One JSON object per hit a line; with facets, a last line ``{"facets": ...}``."""
    lines = [json.dumps(hit.to_dict(), ensure_ascii=False) for hit in results.hits]
    if with_facets:
        lines.append(json.dumps({"facets": results.facets}, ensure_ascii=False))
    return "\n".join(lines)


def results_csv(results: Results, first_rank: int) -> str:
    """A header row and one row per hit."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for rank, hit in enumerate(results.hits, first_rank):
        data = hit.to_dict()
        data |= {"rank": rank, "authors": "; ".join(hit.authors)}
        writer.writerow([data.get(column) or "" for column in CSV_COLUMNS])
    return out.getvalue().rstrip("\n")


def facets_text(facets: dict[str, dict[str, int]], style: Style, top: int = 10) -> str:
    """Facet counts as small aligned tables."""
    parts: list[str] = []
    for name, counts in facets.items():
        if not counts:
            continue
        rows = list(counts.items())[:top]
        width = max(len(key) for key, _ in rows)
        body = [f"  {key.ljust(width)}  {count:>6,}" for key, count in rows]
        parts.append("\n".join([style.title(f"By {name}"), *body]))
    return "\n\n".join(parts)


def summary_line(results: Results, page: int, limit: int) -> str:
    """Which hits are shown out of how many."""
    if not results.hits:
        return f"No matches for {results.query!r}."
    first = (page - 1) * limit + 1
    last = first + len(results.hits) - 1
    about = "" if results.total_exact else "about "
    return f"Hits {first:,}-{last:,} of {about}{results.total:,}"


# -- index reports -----------------------------------------------------------------------

_REPORT_FIELDS = ("added", "updated", "removed", "unchanged")
_PROBLEM_FIELDS = ("duplicates", "skipped", "failed")


def report_text(report: UpdateReport, *, dry_run: bool) -> str:
    """One summary line, then a line per file that was skipped, a duplicate or failed."""
    counts = [(name, len(getattr(report, name))) for name in _REPORT_FIELDS + _PROBLEM_FIELDS]
    summary = ", ".join(f"{n:,} {name}" for name, n in counts if n) or "no files found"
    lines = [("Would change: " if dry_run else "Indexed files: ") + summary]
    for name in _PROBLEM_FIELDS:
        lines += _problem_lines(name, getattr(report, name))
    return "\n".join(lines)


def _problem_lines(kind: str, problems: Iterable[Problem]) -> list[str]:
    label = {"duplicates": "duplicate", "skipped": "skipped", "failed": "FAILED"}[kind]
    return [f"  {label}: {p.source}: {p.reason}" for p in problems]


def report_json(report: UpdateReport, *, dry_run: bool) -> str:
    """The report as one JSON object."""
    data: dict[str, Any] = {"dry_run": dry_run}
    for name in _REPORT_FIELDS:
        data[name] = list(getattr(report, name))
    for name in _PROBLEM_FIELDS:
        data[name] = [{"source": p.source, "reason": p.reason} for p in getattr(report, name)]
    return json.dumps(data, ensure_ascii=False, indent=2)


# -- articles and stats ------------------------------------------------------------------


def article_data(article: Article) -> dict[str, Any]:
    """An article as JSON-ready data."""
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "original_outlet": article.original_outlet,
        "date": _iso(article.date),
        "authors": list(article.authors),
        "url": article.url,
        "source": article.source,
        "paragraphs": list(article.paragraphs),
        "captions": list(article.captions),
    }


def article_text(article: Article, style: Style) -> str:
    """Title, metadata lines, then the paragraphs separated by blank lines."""
    lines = [style.title(article.title), ""]
    fields: list[tuple[str, str | None]] = [
        ("Outlet", article.outlet),
        ("Originally published by", article.original_outlet),
        ("Date", _iso(article.date)),
        ("Authors", ", ".join(article.authors) or None),
        ("URL", article.url),
        ("Source", article.source),
        ("Id", article.id),
    ]
    lines += [style.meta(f"{label}: {value}") for label, value in fields if value]
    for paragraph in article.paragraphs:
        lines += ["", paragraph]
    return "\n".join(lines)


def stats_data(stats: IndexStats) -> dict[str, Any]:
    """Index statistics as JSON-ready data."""
    return {
        "path": stats.path,
        "articles": stats.articles,
        "paragraphs": stats.paragraphs,
        "files": stats.files,
        "outlets": stats.outlets,
        "first_date": _iso(stats.first_date),
        "last_date": _iso(stats.last_date),
        "sources": list(stats.sources),
        "size_bytes": stats.size_bytes,
    }


def stats_text(stats: IndexStats, style: Style) -> str:
    """Index statistics as a short table."""
    dates = f"{_iso(stats.first_date) or '?'} .. {_iso(stats.last_date) or '?'}"
    rows = [
        ("Index", stats.path),
        ("Articles", f"{stats.articles:,}"),
        ("Paragraphs", f"{stats.paragraphs:,}"),
        ("Files", f"{stats.files:,}"),
        ("Dates", dates),
        ("Size", f"{stats.size_bytes / 2**20:.1f} MB"),
        ("Sources", ", ".join(stats.sources) or "-"),
    ]
    lines = [f"{style.title(label.ljust(10))} {value}" for label, value in rows]
    if stats.outlets:
        lines += ["", facets_text({"outlet (paragraphs)": stats.outlets}, style, top=20)]
    return "\n".join(lines)


def dumps(data: dict[str, Any]) -> str:
    """Pretty JSON that keeps non-ASCII text readable."""
    return json.dumps(data, ensure_ascii=False, indent=2)
