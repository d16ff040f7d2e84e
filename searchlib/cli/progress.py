"""A progress bar for long index updates, shown on a terminal only."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import Any

import click

# Seconds an update runs before the bar appears: quick updates never flash one.
DELAY = 1.0


class ProgressBar:
    """A progress callback for ``Index.update`` that draws a bar on stderr.

    It stays silent when stderr is not a terminal and until the update has run ``DELAY``
    seconds, then shows the share of bytes read so far and an estimate of the time left.
    """

    def __init__(self, label: str, delay: float = DELAY) -> None:
        self.label = label
        self._bar: Any = None
        self._enabled = sys.stderr.isatty()
        self._show_after = time.monotonic() + delay

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None and self._enabled and time.monotonic() >= self._show_after:
            self._bar = click.progressbar(length=max(total, 1), label=self.label, file=sys.stderr)
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
