"""Unit tests for extraction/article_edges.py: where the article begins and ends."""

from __future__ import annotations

import pytest

from searchlib.extraction.article_edges import (
    after_date_or_byline,
    after_header,
    copies_of_the_header,
    drop_closing_bios,
)
from searchlib.extraction.lines import analyse

TEASER = "The carmaker recalls its pickup trucks because a loose cable can cause fires."
PARAGRAPH = "The council approved the new budget on Tuesday after a long debate in the chamber."


@pytest.mark.parametrize(
    ("teasers", "cut"),
    [(2, True), (1, False), (5, False)],
    ids=["two-teasers", "one-standfirst", "too-many-above"],
)
def test_after_header_cuts_only_a_few_teasers(teasers: int, cut: bool) -> None:
    above = [f"{TEASER} Number {n}." for n in range(teasers)]
    below = [f"{PARAGRAPH} Number {n}." for n in range(8)]
    lines = [*above, "By Sam Doe", *below]
    feats = analyse(lines)
    kept = [i for i in range(len(lines)) if feats[i].prose]
    assert len(kept) == teasers + 8
    weights = [10.0] * len(kept)
    assert after_header(feats, kept, weights) == (kept[teasers:] if cut else kept)


def test_copies_of_the_header_keep_a_standfirst_repeated_below() -> None:
    lead = "The council has agreed a budget that cuts library hours and bus services."
    feats = analyse([lead, "By Sam Doe", lead, PARAGRAPH])
    assert feats[2].repeated
    marked = copies_of_the_header(feats, 2, 4)
    assert marked[2].prose and not marked[2].repeated


def test_drop_closing_bios_drops_only_the_last_lines() -> None:
    bio = "Sam Doe is an educator and the founder of a small online school."
    feats = analyse([bio, PARAGRAPH, bio])
    assert drop_closing_bios(feats, [0, 1, 2]) == [0, 1]


@pytest.mark.parametrize(
    ("above", "expected"),
    [("May 4, 2023", True), ("By Sam Doe", True), (PARAGRAPH, False), ("Share", False)],
    ids=["date", "byline", "paragraph", "label"],
)
def test_after_date_or_byline_reads_the_line_above(above: str, expected: bool) -> None:
    feats = analyse([above, "12 comments"])
    assert after_date_or_byline(feats, 1) is expected
    assert after_date_or_byline(feats, 0) is False
