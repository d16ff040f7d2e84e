"""Unit tests for extraction/dates.py: date strings in many shapes, and which date is chosen."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from searchlib.extraction.dates import find_date, month_first, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 November 2022, 15:01", dt.date(2022, 11, 2)),
        ("22/01/2024", dt.date(2024, 1, 22)),
        ("03/04/2024", dt.date(2024, 4, 3)),
        ("11/18/2019", dt.date(2019, 11, 18)),
        ("March 01, 2024", dt.date(2024, 3, 1)),
        ("2023-06-05T10:00:00Z", dt.date(2023, 6, 5)),
        ("Thu 2 Mar 2023 06.00 GMT", dt.date(2023, 3, 2)),
        ("Posted on 2023-06-05", dt.date(2023, 6, 5)),
        ("Veröffentlicht am 12. Dezember 2019", dt.date(2019, 12, 12)),
        ("le 3 mars 2021", dt.date(2021, 3, 3)),
        ("5 de marzo de 2020", dt.date(2020, 3, 5)),
        ("Stand: 02.01.23 09:51", dt.date(2023, 1, 2)),
    ],
    ids=lambda v: str(v),
)
def test_parse_date_reads_common_shapes(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", ["Version 1.2.3", "call 0800 123 456", "31/02/2024", "In 1850 the town grew"]
)
def test_parse_date_declines_non_dates(text: str) -> None:
    assert parse_date(text) is None


def test_date_below_the_headline_beats_the_page_header_date() -> None:
    lines = ["Monday, 23 December 2024", "Headline of the story here", "4 May 2023", "Body."]
    assert find_date(lines, title_at=1, body_start=3) == dt.date(2023, 5, 4)


def test_page_header_date_alone_is_not_a_publication_date() -> None:
    lines = ["Monday, 23 December 2024", "Headline of the story here", "Body text."]
    assert find_date(lines, title_at=1, body_start=2) is None


def test_published_marker_wins_over_other_dates() -> None:
    lines = ["Headline of the story", "Updated 5 May 2023", "Published 4 May 2023", "Body."]
    assert find_date(lines, title_at=0, body_start=3) == dt.date(2023, 5, 4)


@given(st.text(max_size=80))
def test_parse_date_never_raises(text: str) -> None:
    result = parse_date(text)
    assert result is None or isinstance(result, dt.date)


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            ["Headline here", "11/01/2021", "Body.", "Archive 11/18/2021"],
            dt.date(2021, 11, 1),
        ),
        (
            ["Headline here", "11/01/2021", "Body.", "Archive 18/11/2021"],
            dt.date(2021, 1, 11),
        ),
        (["Headline here", "11/01/2021", "Body."], dt.date(2021, 1, 11)),
        (
            ["Headline here", "11.01.2021", "Body.", "Archive 11/18/2021"],
            dt.date(2021, 1, 11),
        ),
    ],
    ids=["us-page", "day-first-page", "no-evidence", "dotted-always-day-first"],
)
def test_numeric_order_follows_the_page(page: list[str], expected: dt.date) -> None:
    assert find_date(page, 0, 2) == expected


@given(st.text(max_size=200))
def test_month_first_never_raises(text: str) -> None:
    assert month_first(text) in (True, False)
