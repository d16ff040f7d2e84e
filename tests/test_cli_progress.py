from __future__ import annotations

import io

import pytest

from searchlib.cli import progress
from searchlib.cli.progress import ProgressBar


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("tty", "delay", "drawn"),
    [(True, 0.0, True), (True, 3600.0, False), (False, 0.0, False)],
    ids=["terminal-long-run", "terminal-quick-run", "pipe"],
)
def test_bar_only_on_a_terminal_for_long_runs(
    monkeypatch: pytest.MonkeyPatch, tty: bool, delay: float, drawn: bool
) -> None:
    stream = _Terminal() if tty else io.StringIO()
    monkeypatch.setattr(progress.sys, "stderr", stream)
    with ProgressBar("Indexing", delay=delay) as bar:
        for done in range(0, 1000, 100):
            bar(done, 1000)
    assert ("Indexing" in stream.getvalue()) is drawn
