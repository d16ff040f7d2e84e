"""Unit tests for extraction/rules.py: data files, normalising and phrase look-ups."""

from __future__ import annotations

import pytest

from searchlib.extraction.rules import has_phrase, matches_any, normalise, phrases, section


def test_normalise_folds_case_quotes_and_punctuation() -> None:
    assert normalise("  Kim’s “Big”   Day! ") == "kim's big day"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("© 2024 Daily Paper", True),
        ("All rights reserved.", True),
        ("The views expressed here are the author's own.", True),
        ("The council approved the budget.", False),
    ],
)
def test_has_phrase_finds_legal_lines(text: str, found: bool) -> None:
    assert has_phrase("legal.txt", text, normalise(text).split()) is found


def test_sections_and_phrases_of_a_sectioned_file() -> None:
    assert "by" in section("bylines.txt", "inline")
    assert "[inline]" not in phrases("bylines.txt")


def test_caption_patterns_run_on_lowered_text() -> None:
    assert matches_any("captions.txt", "crowds at the rally. photo: agency")
    assert not matches_any("captions.txt", "the council approved the budget.")
