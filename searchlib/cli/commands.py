"""The click commands: each parses its options, makes one library call and renders the result.

Exit codes (also in ``searchlib --help``):

    0  success; for ``search``, at least one hit
    1  ``search`` found nothing; ``show`` found no such article; ``index`` could not read
       some files (the others were indexed)
    2  usage error or a query that cannot be parsed
    3  any other error: index missing, locked or damaged, unreadable file
"""

from __future__ import annotations

import datetime as _dt
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
from click.core import ParameterSource

from .. import __version__
from ..errors import ArticleNotFoundError, QueryError, SearchlibError
from ..index import DEFAULT_SOURCES, ENV_INDEX, Index, default_index_path
from ..query import describe, parse_date_range
from . import render
from .progress import ProgressBar

EXIT_NOT_FOUND = 1
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_ERROR = 3

F = TypeVar("F", bound=Callable[..., Any])


class _Failure(click.ClickException):
    exit_code = EXIT_ERROR


class _BadQuery(click.ClickException):
    exit_code = EXIT_USAGE


class _NotFound(click.ClickException):
    exit_code = EXIT_NOT_FOUND


@contextmanager
def _library_errors() -> Iterator[None]:
    """Turn library errors into click errors with the documented exit codes."""
    try:
        yield
    except QueryError as exc:
        raise _BadQuery(f"bad query: {exc}") from None
    except ArticleNotFoundError as exc:
        raise _NotFound(str(exc)) from None
    except SearchlibError as exc:
        raise _Failure(str(exc)) from None


class _DateBound(click.ParamType[_dt.date, Any]):
    """A date given as YYYY, YYYY-MM or YYYY-MM-DD; ``end`` picks the last day of a period."""

    name = "DATE"

    def __init__(self, *, end: bool) -> None:
        self.end = end

    def convert(self, value: Any, param: Any, ctx: click.Context | None) -> _dt.date:
        if isinstance(value, _dt.date):
            return value
        try:
            bounds = parse_date_range(str(value))
        except QueryError as exc:
            self.fail(f"{exc}", param, ctx)
        chosen = bounds.end if self.end else bounds.start
        assert chosen is not None
        return chosen


def _use_color(flag: bool | None) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    ctx = click.get_current_context()
    return ctx.color if ctx.color is not None else sys.stdout.isatty()


def _style(flag: bool | None) -> render.Style:
    color = _use_color(flag)
    width = shutil.get_terminal_size().columns - 1 if color and sys.stdout.isatty() else None
    return render.Style(color, width)


def _options(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    def apply(func: F) -> F:
        for decorator in reversed(decorators):
            func = decorator(func)
        return func

    return apply


_index_option = click.option(
    "--index",
    "index_path",
    type=click.Path(path_type=Path),
    envvar=ENV_INDEX,
    show_envvar=True,
    default=lambda: str(default_index_path()),
    help="Index directory.  [default: ./index]",
)
_color_option = click.option(
    "--color/--no-color",
    "color",
    default=None,
    help="Force colour on or off (default: on a terminal, unless NO_COLOR is set).",
)


def _format_option(*choices: str) -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default="text",
        show_default=True,
        help="Output format.",
    )


_json_flag = click.option("--json", "as_json", is_flag=True, help="Same as --format json.")


# -- search ------------------------------------------------------------------------------

_search_options = _options(
    click.argument("query"),
    click.option("--limit", "-n", default=10, show_default=True, help="Hits per page."),
    click.option("--page", "-p", default=1, show_default=True, help="Page of hits to show."),
    click.option("--outlet", help="Only this outlet (words of its name)."),
    click.option("--author", help="Only this author (words of the name)."),
    click.option("--since", type=_DateBound(end=False), help="From this date: 2024, 2024-03..."),
    click.option("--until", type=_DateBound(end=True), help="Up to this date, inclusive."),
    click.option(
        "--sort",
        type=click.Choice(["relevance", "date"]),
        default="relevance",
        show_default=True,
        help="Best match first, or newest first.",
    ),
    click.option("--per-article", is_flag=True, help="One hit per article: its best paragraph."),
    click.option("--facets", is_flag=True, help="Also print counts by outlet, year, author."),
    click.option(
        "--feedback/--no-feedback",
        default=True,
        show_default=True,
        help="Expand a query of 5+ plain words with words of its best paragraphs.",
    ),
    click.option(
        "--aliases",
        type=click.Path(path_type=Path, dir_okay=False),
        help="A file of extra aliases (DPRK = North Korea), one group a line.",
    ),
    click.option("--explain", is_flag=True, help="Print how the query was understood."),
    _format_option("text", "json", "csv"),
    _json_flag,
    _color_option,
    _index_option,
)


@click.command("search")
@_search_options
def search_command(query: str, **options: Any) -> None:
    """Search the index for QUERY and print the best matching paragraphs.

    Paragraphs with more of the words rank first; "quoted words" are a phrase;
    -word excludes; OR, parentheses, title:, outlet:, author:, date:2024 or
    date:2023-09..2024-01, prefix* and fuzzy~ work too (docs/query-language.md).

    \b
    Example:
      search "artillery shells"
      search '"north korea" -iran' --since 2024 --facets
      search 'title:putin' --json | jq .title
    """
    _run_search(query, **options)


def _run_search(query: str, **o: Any) -> None:
    ctx = click.get_current_context()
    fmt = "json" if o["as_json"] else o["fmt"]
    style = _style(o["color"])
    with _library_errors(), _open_for_search(ctx, o["index_path"], o["aliases"]) as index:
        if o["explain"]:
            click.echo(f"Query: {describe(index.understand(query))}", err=True)
        results = index.search(
            query,
            limit=o["limit"],
            page=o["page"],
            outlet=o["outlet"],
            author=o["author"],
            since=o["since"],
            until=o["until"],
            sort=o["sort"],
            per_article=o["per_article"],
            facets=o["facets"],
            feedback=o["feedback"],
        )
        if o["explain"] and results.feedback:
            click.echo(f"Also searched (feedback): {', '.join(results.feedback)}", err=True)
    _print_results(results, fmt, style, o["page"], o["limit"], o["facets"])
    ctx.exit(0 if results.hits else EXIT_NOT_FOUND)


def _open_for_search(ctx: click.Context, index_path: Path, aliases: Path | None) -> Index:
    given = ctx.get_parameter_source("index_path") == ParameterSource.COMMANDLINE
    seeds = Path(DEFAULT_SOURCES[0])
    if not given and not Index.exists(index_path) and seeds.is_dir():
        click.echo(f"No index at {index_path}; building it from ./{seeds} first.", err=True)
        index = Index(index_path, aliases=aliases)
        click.echo(render.report_text(index.update([seeds]), dry_run=False), err=True)
        return index
    return Index(index_path, create=False, aliases=aliases)


def _print_results(
    results: Any, fmt: str, style: render.Style, page: int, limit: int, facets: bool
) -> None:
    first_rank = (page - 1) * limit + 1
    if fmt == "json":
        text = render.results_json(results, facets)
    elif fmt == "csv":
        text = render.results_csv(results, first_rank)
    else:
        text = render.results_text(results, style, first_rank)
        if facets and results.facets:
            text += "\n" + render.facets_text(results.facets, style)
    if text:
        click.echo(text, color=style.color)
    if fmt == "text" or not results.hits:
        click.echo(render.summary_line(results, page, limit), err=True)
    if results.suggestion:
        click.echo(f"Did you mean: {results.suggestion}", err=True)


# -- the command group -------------------------------------------------------------------


@click.group(epilog="Exit codes: 0 success, 1 nothing found, 2 usage or query error, 3 error.")
@click.version_option(__version__, prog_name="searchlib")
def main() -> None:
    """searchlib: full-text search for news archives.

    \b
    Example:
      searchlib index seeds
      searchlib search "artillery shells"
      searchlib show ARTICLE_ID
    """


main.add_command(search_command)


@main.command("index")
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("--rebuild", is_flag=True, help="Start from an empty index.")
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@_format_option("text", "json")
@_json_flag
@_index_option
def index_command(
    sources: tuple[Path, ...],
    rebuild: bool,
    dry_run: bool,
    fmt: str,
    as_json: bool,
    index_path: Path,
) -> None:
    """Build or update the index from SOURCES (files or folders).

    With no SOURCES, updates from the sources given before. Files that did not change are
    not read again; deleted files leave the index.

    \b
    Example:
      searchlib index seeds
      searchlib index ~/archive/2024 --dry-run
      searchlib index --rebuild
    """
    with _library_errors(), Index(index_path) as index, ProgressBar("Indexing") as bar:
        report = index.update(list(sources) or None, rebuild=rebuild, dry_run=dry_run, progress=bar)
    if as_json or fmt == "json":
        click.echo(render.report_json(report, dry_run=dry_run))
    else:
        click.echo(render.report_text(report, dry_run=dry_run), err=True)
    if report.failed:
        click.get_current_context().exit(EXIT_SOME_FAILED)


@main.command("extract")
@click.argument("file", type=click.Path(path_type=Path))
@_format_option("text", "json")
@_json_flag
@_color_option
def extract_command(file: Path, fmt: str, as_json: bool, color: bool | None) -> None:
    """Print the clean article and metadata that the indexer finds in FILE.

    \b
    Example:
      searchlib extract seeds/000_3d34e6646b315e42.txt
      searchlib extract page.html --json
    """
    from ..extraction import extract  # here: only this command needs the extraction rules

    with _library_errors():
        article = extract(file)
    _print_article(article, "json" if as_json else fmt, color)


@main.command("show")
@click.argument("article_id")
@_format_option("text", "json")
@_json_flag
@_color_option
@_index_option
def show_command(
    article_id: str, fmt: str, as_json: bool, color: bool | None, index_path: Path
) -> None:
    """Print the indexed article ARTICLE_ID (the id under each search hit).

    \b
    Example:
      searchlib show kim-backs-vlad-north-korea-secretly-sends-putin-artillery-as-ac868a8a35
    """
    with _library_errors(), Index(index_path, create=False) as index:
        article = index.article(article_id)
    _print_article(article, "json" if as_json else fmt, color)


def _print_article(article: Any, fmt: str, color: bool | None) -> None:
    if fmt == "json":
        click.echo(render.dumps(render.article_data(article)))
    else:
        style = _style(color)
        click.echo(render.article_text(article, style), color=style.color)


@main.command("stats")
@_format_option("text", "json")
@_json_flag
@_color_option
@_index_option
def stats_command(fmt: str, as_json: bool, color: bool | None, index_path: Path) -> None:
    """Print what the index holds: articles, paragraphs, outlets, dates, sources, size.

    \b
    Example:
      searchlib stats
      searchlib stats --json
    """
    with _library_errors(), Index(index_path, create=False) as index:
        stats = index.stats()
    if as_json or fmt == "json":
        click.echo(render.dumps(render.stats_data(stats)))
    else:
        style = _style(color)
        click.echo(render.stats_text(stats, style), color=style.color)
