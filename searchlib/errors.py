"""The one exception hierarchy of searchlib.

Every error the library raises on purpose is a ``SearchlibError``::

    SearchlibError
     ├── SourceError            a source cannot be read or holds no article
     ├── SearchIndexError       the index cannot be used
     │    ├── IndexMissingError     no index at that path
     │    ├── IndexLockedError      another writer holds the lock
     │    └── IndexCorruptError     the path is not a usable index
     ├── QueryError             the query cannot be understood (has a ``hint``)
     └── ArticleNotFoundError   no article with that id in the index

Messages say what happened and what to do about it.
"""

from __future__ import annotations


class SearchlibError(Exception):
    """Base class of every error searchlib raises on purpose."""


class SourceError(SearchlibError):
    """A source file or directory cannot be read, or holds no article."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class SearchIndexError(SearchlibError):
    """The index at a path cannot be opened, written or read."""


class IndexMissingError(SearchIndexError):
    """No index exists at the given path."""


class IndexLockedError(SearchIndexError):
    """Another process is writing to the index."""


class IndexCorruptError(SearchIndexError):
    """The path exists but is not an index searchlib can use."""


class QueryError(SearchlibError):
    """The query text cannot be parsed; ``hint`` says how to fix it."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(f"{message} ({hint})" if hint else message)
        self.hint = hint


class ArticleNotFoundError(SearchlibError):
    """No article with the given id is in the index."""
