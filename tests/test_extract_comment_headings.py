"""Unit tests for extraction/comment_headings.py: the title a comment heading names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from searchlib.extraction.comment_headings import commented_title, find_named_title


@pytest.mark.parametrize(
    ("heading", "title", "quoted"),
    [
        ("5 thoughts on “Council approves budget”", "Council approves budget", True),
        ("One thought on “Council approves budget”", "Council approves budget", True),
        ("Ein Gedanke zu „Rat beschließt Haushalt“", "Rat beschließt Haushalt", True),
        ("2 réflexions sur « Le conseil vote le budget »", "Le conseil vote le budget", True),
        ("12 respuestas a «El consejo aprueba»", "El consejo aprueba", True),
        ("3 Kommentare zu Rat beschließt Haushalt", "Rat beschließt Haushalt", False),
        ("45 Gedanken zu „„Das sagt man so““", "„Das sagt man so“", True),
        ("Keine Kommentare für „Rat beschließt Haushalt“", "Rat beschließt Haushalt", True),
    ],
    ids=["en", "en-one", "de", "fr", "es", "unquoted", "quoted-quote", "none-yet"],
)
def test_comment_heading_names_the_title(heading: str, title: str, quoted: bool) -> None:
    named = commented_title(heading)
    assert named is not None
    assert (named.title, named.quoted) == (title, quoted)


@pytest.mark.parametrize(
    "line",
    [
        "Council approves budget after five thoughts on tax",
        "The 5 thoughts on budgets that matter",
        "Leave a reply",
        "5 thoughts on",
        "“5 thoughts on budgets”",
    ],
    ids=["inside-a-sentence", "not-first", "prompt", "nothing-named", "quoted-line"],
)
def test_other_lines_name_no_title(line: str) -> None:
    assert commented_title(line) is None


def test_page_names_a_title_only_when_its_headings_agree() -> None:
    agree = [
        "Budget",
        "2 thoughts on “Council approves budget”",
        "x",
        "2 thoughts on “Council approves budget”",
    ]
    differ = ["1 comment on “Council approves budget”", "4 comments on “Tram line opens”"]
    named = find_named_title(agree)
    assert named is not None and (named.line, named.title) == (1, "Council approves budget")
    assert find_named_title(differ) is None
    assert find_named_title(["Council approves budget"]) is None


@given(st.text(max_size=400))
def test_any_text_is_read_without_error(line: str) -> None:
    named = commented_title(line)
    assert named is None or named.title
