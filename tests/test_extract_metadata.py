"""Unit tests for extraction/metadata.py: title, outlet and provenance."""

from __future__ import annotations

import pytest

from searchlib.extraction.lines import analyse
from searchlib.extraction.metadata import (
    clean_title,
    find_original_outlet,
    find_outlet,
    find_title,
)


def test_title_is_the_headline_not_the_section_or_date() -> None:
    lines = ["Home", "World", "Storm floods the coastal town overnight", "4 May 2023", "Body."]
    assert find_title(analyse(lines), body_start=4) == 2


def test_repeated_headline_beats_a_nearer_line() -> None:
    head = "Storm floods the coastal town overnight"
    lines = [head, "World", head, "Short label here", "By Jane Roe", "Body."]
    assert find_title(analyse(lines), body_start=5) in (0, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Storm floods the town | Daily Paper", "Storm floods the town"),
        ("Storm floods the town - Daily Paper", "Storm floods the town"),
        ("Storm floods the town", "Storm floods the town"),
    ],
)
def test_clean_title_removes_outlet_suffix(text: str, expected: str) -> None:
    assert clean_title(text) == expected


@pytest.mark.parametrize(
    ("lines", "outlet"),
    [
        (["Head", "LONDON (Reuters) — The body starts here."], "Reuters"),
        (["Head", "Body.", "© 2024 Daily Paper. All rights reserved."], "Daily Paper"),
        (["Head", "Body.", "Published by Daily Paper"], "Daily Paper"),
        (["Head", "The Daily Paper reports that the body starts here."], None),
    ],
    ids=["wire", "copyright", "published-by", "cited-source"],
)
def test_outlet_needs_strong_evidence(lines: list[str], outlet: str | None) -> None:
    assert find_outlet(lines, body_start=1) == outlet


def test_original_outlet() -> None:
    line = "This article was originally published by Some Network and is reprinted."
    assert find_original_outlet([line]) == "Some Network"


def test_headline_shares_words_with_the_lead() -> None:
    lines = [
        "Regional Politics",
        "Council approves new harbour budget",
        "Local Events Calendar",
        "The council approved the new harbour budget on Tuesday after a long debate.",
        "Members said the harbour budget would pay for repairs to the old sea wall.",
    ]
    assert find_title(analyse(lines), body_start=3) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harbour reopens – so it works now!", "Harbour reopens – so it works now!"),
        ("Harbour reopens - and the town celebrates", "Harbour reopens - and the town celebrates"),
        ("Storm season - 12 tips for sailors", "Storm season - 12 tips for sailors"),
        ("Storm floods the town – The Daily Paper", "Storm floods the town"),
    ],
    ids=["sentence-mark", "function-words", "digits", "site-name"],
)
def test_clean_title_keeps_a_dash_that_belongs_to_the_headline(text: str, expected: str) -> None:
    assert clean_title(text) == expected


def test_one_word_headline_is_found() -> None:
    lines = [
        "Menu",
        "Lighthouses",
        "12 March 2023",
        "Lighthouses guided ships along the coast for centuries before radio arrived.",
        "Most lighthouses on this coast are now automatic and need no keeper at all.",
    ]
    assert find_title(analyse(lines), body_start=3) == 1
