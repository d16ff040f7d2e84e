"""A progress bar for long index updates, shown on a terminal only."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any

import click

MIN_FILES = 20


class ProgressBar:
    """A progress callback for ``Index.update`` that draws a bar on stderr.

    It stays silent when stderr is not a terminal and for runs of fewer than ``MIN_FILES``.
    """

    def __init__(self, label: str) -> None:
        self.label = label
        self._bar: Any = None
        self._enabled = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None and self._enabled and total >= MIN_FILES:
            self._bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self._bar.__enter__()
        if self._bar is not None:
            self._bar.update(done - self._bar.pos)

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.__exit__(exc_type, exc, tb)
