"""Stage 4, the index engine, behind one small interface (``base.Engine``)."""

from __future__ import annotations

from pathlib import Path

from .base import (
    Engine,
    EngineHit,
    EngineResults,
    EngineSummary,
    EngineWriter,
    Filters,
    Request,
    Sort,
)

__all__ = [
    "Engine",
    "EngineHit",
    "EngineResults",
    "EngineSummary",
    "EngineWriter",
    "Filters",
    "Request",
    "Sort",
    "is_outdated",
    "open_engine",
]


def open_engine(path: Path, *, create: bool, replace_outdated: bool = False) -> Engine:
    """Open the engine stored at ``path``, creating an empty one when ``create`` is set.

    With ``replace_outdated``, an index built by an older searchlib (other fields) is
    deleted and an empty one created in its place; the folder's other files stay.

    Raises:
        IndexMissingError: nothing is at ``path`` and ``create`` is false.
        IndexCorruptError: ``path`` holds something that is not a usable index.
    """
    from .whoosh_engine import WhooshEngine  # imported here: Whoosh is slow to import

    return WhooshEngine.open(path, create=create, replace_outdated=replace_outdated)


def is_outdated(path: Path) -> bool:
    """True when ``path`` holds an index that an older searchlib built (needs a rebuild)."""
    from .whoosh_engine import is_outdated as whoosh_outdated

    return whoosh_outdated(path)
