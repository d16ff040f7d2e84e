"""Unit tests for extraction/broken_lines.py: runs of lines to read as one."""

from __future__ import annotations

import pytest

from searchlib.extraction.broken_lines import broken_paragraphs, runs_to_join


@pytest.mark.parametrize(
    ("lines", "runs"),
    [
        (["The council approved the", "budget on Tuesday after a long debate."], [range(0, 2)]),
        (["Prices rose", ", and the city was quiet for days."], [range(0, 2)]),
        (["Contact", "us"], []),
        (["Storm floods the coastal town", "published on May 4, 2023"], []),
        (["The mayor said.", "the city had no choice but to cut."], []),
    ],
    ids=["lower-case-run-on", "comma-run-on", "menu", "no-sentence-end", "ended"],
)
def test_broken_paragraphs(lines: list[str], runs: list[range]) -> None:
    assert broken_paragraphs(lines) == runs


def test_runs_to_join_come_last_first_with_tables_kept_whole() -> None:
    table = ["Final standings after 36 races:", *[f"{n}" for n in range(1, 14)]]
    lines = ["The council approved the", "budget on Tuesday after a long debate.", *table]
    runs = runs_to_join(lines)
    assert [(run.lines, run.table) for run in runs] == [(range(3, 16), True), (range(0, 2), False)]
    assert runs[1].text == "The council approved the budget on Tuesday after a long debate."
