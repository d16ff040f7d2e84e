"""searchlib: full-text search for news archives.

>>> import searchlib
>>> article = searchlib.extract("seeds/000_3d34e6646b315e42.txt")
>>> index = searchlib.Index("index")
>>> report = index.update(["seeds"])
>>> results = index.search("artillery shells", limit=10)
"""

from __future__ import annotations

import logging
import os

from .errors import (
    ArticleNotFoundError,
    IndexCorruptError,
    IndexLockedError,
    IndexMissingError,
    QueryError,
    SearchIndexError,
    SearchlibError,
    SourceError,
)
from .index import Index, default_index_path, search
from .models import (
    Article,
    Hit,
    IndexStats,
    Metadata,
    Problem,
    Results,
    Snippet,
    UpdateReport,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleNotFoundError",
    "Hit",
    "Index",
    "IndexCorruptError",
    "IndexLockedError",
    "IndexMissingError",
    "IndexStats",
    "Metadata",
    "Problem",
    "QueryError",
    "Results",
    "SearchIndexError",
    "SearchlibError",
    "Snippet",
    "SourceError",
    "UpdateReport",
    "default_index_path",
    "extract",
    "search",
]

logging.getLogger("searchlib").addHandler(logging.NullHandler())


def extract(path: str | os.PathLike[str]) -> Article:
    """Read one page file and extract its article; see ``searchlib.extraction.extract``.

    Raises:
        SourceError: the file cannot be read or holds no article.
    """
    # Imported on first use: the extraction rules take a third of the time a cold
    # ``search`` needs, and searching never uses them.
    from .extraction import extract as extract_article

    return extract_article(path)
