from __future__ import annotations

import io

import pytest

from searchlib.cli import progress
from searchlib.cli.progress import MIN_FILES, ProgressBar


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("tty", "total", "drawn"), [(True, 50, True), (True, 3, False), (False, 50, False)]
)
def test_bar_only_on_a_terminal_for_long_runs(
    monkeypatch: pytest.MonkeyPatch, tty: bool, total: int, drawn: bool
) -> None:
    stream = _Terminal() if tty else io.StringIO()
    monkeypatch.setattr(progress.sys, "stderr", stream)
    with ProgressBar("Indexing") as bar:
        for done in range(1, total + 1):
            bar(done, total)
    assert ("Indexing" in stream.getvalue()) is drawn
    assert MIN_FILES > 3
