"""Stage 7, the command line: a thin skin over the library.

Each command parses its options, makes one library call and renders what comes back.

Exit codes: 0 success (``search``: hits found); 1 ``search`` found nothing, or ``index``
could not read some files; 2 usage or query error; 3 any other error (index missing,
locked or damaged, unreadable file).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from click.core import ParameterSource

from . import __version__
from .errors import QueryError, SearchlibError
from .extract import extract
from .index import DEFAULT_SOURCES, ENV_INDEX, Index, default_index_path
from .models import Article, Hit, Results, UpdateReport
from .snippet import render

EXIT_NO_HITS = 1
EXIT_SOME_FAILED = 1
EXIT_ERROR = 3

F = TypeVar("F", bound=Callable[..., Any])


class _Failure(click.ClickException):
    exit_code = EXIT_ERROR


def _fail(exc: SearchlibError) -> click.ClickException:
    if isinstance(exc, QueryError):
        return click.UsageError(str(exc))
    return _Failure(str(exc))


def _index_option(func: F) -> F:
    return click.option(
        "--index",
        "index_path",
        type=click.Path(path_type=Path),
        envvar=ENV_INDEX,
        show_envvar=True,
        default=lambda: str(default_index_path()),
        help="Index directory.  [default: ./index]",
    )(func)


def _search_options(func: F) -> F:
    options = [
        click.argument("query"),
        click.option("--limit", "-n", default=10, show_default=True, help="Hits per page."),
        click.option("--json", "as_json", is_flag=True, help="One JSON object per hit a line."),
        _index_option,
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _run_search(query: str, limit: int, as_json: bool, index_path: Path) -> None:
    ctx = click.get_current_context()
    try:
        index = _open_for_search(ctx, index_path)
        with index:
            results = index.search(query, limit=limit)
    except SearchlibError as exc:
        raise _fail(exc) from None
    _print_results(results, as_json)
    ctx.exit(0 if results.hits else EXIT_NO_HITS)


def _open_for_search(ctx: click.Context, index_path: Path) -> Index:
    given = ctx.get_parameter_source("index_path") == ParameterSource.COMMANDLINE
    if not Index.exists(index_path) and not given and Path(DEFAULT_SOURCES[0]).is_dir():
        click.echo(
            f"No index at {index_path}; building it from ./{DEFAULT_SOURCES[0]} ...", err=True
        )
        index = Index(index_path)
        _print_report(index.update(list(DEFAULT_SOURCES)))
        return index
    return Index(index_path, create=False)


@click.command("search")
@_search_options
def search_command(query: str, limit: int, as_json: bool, index_path: Path) -> None:
    """Search the index for QUERY and print the best paragraphs.

    \b
    Example:
      search "artillery shells"
      search 'title:putin "north korea" date:2024' --json
    """
    _run_search(query, limit, as_json, index_path)


@click.group()
@click.version_option(__version__, prog_name="searchlib")
def main() -> None:
    """searchlib: full-text search for news archives.

    \b
    Example:
      searchlib index seeds
      searchlib search "artillery shells"
    """


main.add_command(search_command)


@main.command("index")
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--rebuild", is_flag=True, help="Start from an empty index.")
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@_index_option
def index_command(
    sources: tuple[Path, ...], rebuild: bool, dry_run: bool, index_path: Path
) -> None:
    """Build or update the index from SOURCES (files or folders).

    With no SOURCES, updates from the sources given last time.

    \b
    Example:
      searchlib index seeds
      searchlib index --rebuild
    """
    try:
        with Index(index_path) as index:
            report = index.update(list(sources) or None, rebuild=rebuild, dry_run=dry_run)
    except SearchlibError as exc:
        raise _fail(exc) from None
    _print_report(report, dry_run=dry_run)
    if report.failed:
        click.get_current_context().exit(EXIT_SOME_FAILED)


@main.command("extract")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the article as JSON.")
def extract_command(file: Path, as_json: bool) -> None:
    """Print the clean article and metadata searchlib finds in FILE.

    \b
    Example:
      searchlib extract seeds/000_3d34e6646b315e42.txt
    """
    try:
        article = extract(file)
    except SearchlibError as exc:
        raise _fail(exc) from None
    if as_json:
        click.echo(json.dumps(_article_json(article), ensure_ascii=False, indent=2))
    else:
        _print_article(article)


# -- rendering ---------------------------------------------------------------------------


def _emphasis(color: bool) -> Callable[[str], str]:
    if color:
        return lambda word: click.style(word, bold=True, fg="yellow")
    return lambda word: f"**{word}**"


def _print_results(results: Results, as_json: bool) -> None:
    if as_json:
        for hit in results.hits:
            click.echo(json.dumps(hit.to_dict(), ensure_ascii=False))
        return
    color = sys.stdout.isatty()
    for number, hit in enumerate(results.hits, 1):
        _print_hit(number, hit, color)
    shown = len(results.hits)
    click.echo(f"{shown} of {results.total} matching paragraphs", err=True)


def _print_hit(number: int, hit: Hit, color: bool) -> None:
    meta = " · ".join(
        part
        for part in (hit.outlet, hit.date.isoformat() if hit.date else None, ", ".join(hit.authors))
        if part
    )
    click.echo(
        click.style(f"{number}. {hit.title}", bold=True) if color else f"{number}. {hit.title}"
    )
    if meta:
        click.echo(f"   {meta}")
    click.echo(f"   {render(hit.snippet, _emphasis(color))}")
    click.echo(
        click.style(f"   {hit.article_id} ¶{hit.position + 1}", dim=True)
        if color
        else f"   {hit.article_id} ¶{hit.position + 1}"
    )
    click.echo()


def _print_report(report: UpdateReport, *, dry_run: bool = False) -> None:
    verb = "would be" if dry_run else ""
    counts = [
        ("added", len(report.added)),
        ("updated", len(report.updated)),
        ("removed", len(report.removed)),
        ("unchanged", len(report.unchanged)),
        ("duplicates", len(report.duplicates)),
        ("skipped", len(report.skipped)),
        ("failed", len(report.failed)),
    ]
    summary = ", ".join(f"{n} {label}" for label, n in counts if n)
    click.echo(f"Files {verb + ': ' if verb else ''}{summary or 'none found'}", err=True)
    for problem in (*report.skipped, *report.duplicates):
        click.echo(f"  skipped {problem.source}: {problem.reason}", err=True)
    for problem in report.failed:
        click.echo(f"  failed  {problem.source}: {problem.reason}", err=True)


def _article_json(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "original_outlet": article.original_outlet,
        "date": article.date.isoformat() if article.date else None,
        "authors": list(article.authors),
        "url": article.url,
        "source": article.source,
        "paragraphs": list(article.paragraphs),
        "captions": list(article.captions),
    }


def _print_article(article: Article) -> None:
    data = _article_json(article)
    for key in ("id", "title", "outlet", "original_outlet", "date", "url", "source"):
        if data[key]:
            click.echo(f"{key}: {data[key]}")
    if article.authors:
        click.echo(f"authors: {', '.join(article.authors)}")
    for paragraph in article.paragraphs:
        click.echo()
        click.echo(paragraph)
