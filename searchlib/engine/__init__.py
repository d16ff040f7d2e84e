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
    "open_engine",
]


def open_engine(path: Path, *, create: bool) -> Engine:
    """Open the engine stored at ``path``, creating an empty one when ``create`` is set.

    Raises:
        IndexMissingError: nothing is at ``path`` and ``create`` is false.
        IndexCorruptError: ``path`` holds something that is not a usable index.
    """
    from .whoosh_engine import WhooshEngine  # imported here: Whoosh is slow to import

    return WhooshEngine.open(path, create=create)
