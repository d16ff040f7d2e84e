"""Unit tests for extraction/rules.py: data files, normalising and phrase look-ups."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from searchlib.extraction.rules import (
    first_words,
    has_phrase,
    matches_any,
    normalise,
    phrases,
    prefix_alternation,
    section,
)

# A small alphabet, so that drawn words share prefixes and texts hold them.
_WORDS = st.text(alphabet="abAB .©", min_size=1, max_size=5)


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


def test_first_words_of_phrases() -> None:
    assert first_words(frozenset({"sign up", "subscribe", "sign in"})) == {"sign", "subscribe"}


def test_sections_and_phrases_of_a_sectioned_file() -> None:
    assert "by" in section("bylines.txt", "inline")
    assert "[inline]" not in phrases("bylines.txt")


def test_caption_patterns_run_on_lowered_text() -> None:
    assert matches_any("captions.txt", "crowds at the rally. photo: agency")
    assert not matches_any("captions.txt", "the council approved the budget.")


@pytest.mark.parametrize(
    ("lowered", "caption"),
    [
        ("the mayor at the harbour. photo illustration by jane roe", True),
        ("crowds in the square (picture by jane roe)", True),
        ("an image by the artist hangs in the hall", True),
        ("the photo was taken by a passer-by", False),
        ("a telephoto by-pass lens", False),
        ("a microphoto by then", False),
    ],
    ids=["illustration", "picture", "image", "taken-by", "by-word", "inside-a-word"],
)
def test_photo_by_credit(lowered: str, caption: bool) -> None:
    assert matches_any("captions.txt", lowered) is caption


@given(st.lists(_WORDS, min_size=1, max_size=8), _WORDS)
def test_prefix_alternation_matches_exactly_the_words(words: list[str], text: str) -> None:
    assert bool(re.fullmatch(prefix_alternation(words), text)) is (text in words)


@given(st.lists(_WORDS, min_size=1, max_size=8), st.text(alphabet="abAB .©x", max_size=20))
def test_prefix_alternation_finds_what_a_flat_alternation_finds(
    words: list[str], text: str
) -> None:
    flat = "|".join(map(re.escape, words))
    tree = prefix_alternation(words)
    found = [
        re.search(rf"(?<!\w)(?:{pattern})(?!\w)", text, re.IGNORECASE) is not None
        for pattern in (flat, tree)
    ]
    assert found[0] is found[1]
