"""Stage 7, the command line: ``search`` and the ``searchlib`` command group."""

from __future__ import annotations

from .commands import main, search_command

__all__ = ["main", "search_command"]
