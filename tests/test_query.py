from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from searchlib.errors import QueryError
from searchlib.query import And, DateRange, Fuzzy, Not, Or, Phrase, Prefix, Term, parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("shells", Term("shells")),
        ("artillery shells", And((Term("artillery"), Term("shells")))),
        ('"artillery shells"', Phrase(("artillery", "shells"))),
        ("kim OR putin", Or((Term("kim"), Term("putin")))),
        ("shells -drones", And((Term("shells"), Not(Term("drones"))))),
        ("title:putin", Term("putin", "title")),
        ('author:"will taylor"', Phrase(("will", "taylor"), "author")),
        ("munit*", Prefix("munit")),
        ("artilery~", Fuzzy("artilery", None, 1)),
        ("(kim OR putin) shells", And((Or((Term("kim"), Term("putin"))), Term("shells")))),
        ('"unbalanced quote', Phrase(("unbalanced", "quote"))),
        ("((((shells", Term("shells")),
        ("ubuntu 20.04", And((Term("ubuntu"), Term("20.04")))),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_parse(text: str, expected: object) -> None:
    assert parse(text) == expected


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("date:2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ("date:2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("date:2023-09..2024-01", dt.date(2023, 9, 1), dt.date(2024, 1, 31)),
        ("date:..2022", None, dt.date(2022, 12, 31)),
        ("date:2024-03-05..", dt.date(2024, 3, 5), None),
    ],
)
def test_date_ranges(text: str, start: dt.date | None, end: dt.date | None) -> None:
    assert parse(text) == DateRange(start, end)


@pytest.mark.parametrize("text", ["", "   ", "date:yesterday", "date:2024-13", "nosuch:field"])
def test_errors_are_query_errors_with_hints(text: str) -> None:
    with pytest.raises(QueryError) as info:
        parse(text)
    assert info.value.hint


def test_unknown_field_lists_the_fields() -> None:
    with pytest.raises(QueryError, match="title"):
        parse("colour:red")


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=60))
def test_parse_never_raises_anything_but_query_error(text: str) -> None:
    with contextlib.suppress(QueryError):
        parse(text)
