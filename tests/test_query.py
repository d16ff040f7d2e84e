from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from searchlib.errors import QueryError
from searchlib.query import (
    MAX_QUERY_CHARS,
    And,
    DateRange,
    Fuzzy,
    Not,
    Or,
    Phrase,
    Prefix,
    Term,
    describe,
    is_natural_language,
    load_aliases,
    parse,
)
from searchlib.query.aliases import expand, parse_aliases


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


def test_deep_parentheses_and_long_queries_parse() -> None:
    assert parse("(" * 9_000 + "shells") == Term("shells")
    long = " ".join(["shells"] * 200)
    assert isinstance(parse(long), And)


@pytest.mark.parametrize(
    "text",
    ["a" * (MAX_QUERY_CHARS + 1), " ".join(["w"] * 300)],
    ids=["too-long", "too-many-words"],
)
def test_oversized_queries_are_query_errors(text: str) -> None:
    with pytest.raises(QueryError) as info:
        parse(text)
    assert info.value.hint


ALIASES = parse_aliases(["DPRK = North Korea", "UN = United Nations", "# a comment", "lonely"])
ALIASES_DPRK_END = Or((Term("DPRK."), Phrase(("north", "korea"))))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DPRK", Or((Term("DPRK"), Phrase(("north", "korea"))))),
        (
            "north korea missiles",
            And((Or((Phrase(("north", "korea")), Term("DPRK"))), Term("missiles"))),
        ),
        ('"North Korea"', Or((Phrase(("North", "Korea")), Term("DPRK")))),
        ("dprk", Term("dprk")),
        ("un", Term("un")),
        ("title:UN", Term("UN", "title")),
        ("-UN", Not(Or((Term("UN"), Phrase(("united", "nations")))))),
        ("lonely", Term("lonely")),
        ("talks with DPRK.", And((Term("talks"), Term("with"), ALIASES_DPRK_END))),
        (
            "missiles of north korea?",
            And((Term("missiles"), Term("of"), Or((Phrase(("north", "korea?")), Term("DPRK"))))),
        ),
        ("UN.N", Term("UN.N")),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_aliases_expand_both_ways(text: str, expected: object) -> None:
    assert expand(parse(text), ALIASES) == expected


def test_default_aliases_ship_with_the_package(tmp_path: Path) -> None:
    own = tmp_path / "aliases.txt"
    own.write_text("ECB = European Central Bank\n", encoding="utf-8")
    aliases = load_aliases(own)
    assert aliases.others(("DPRK",)) and aliases.others(("ECB",))
    assert not load_aliases(own, defaults=False).others(("DPRK",))
    with pytest.raises(QueryError):
        load_aliases(tmp_path / "missing.txt")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("korea putin", "ANY(korea, putin)"),
        ('vote "general assembly"', '"general assembly" RANKED BY vote'),
        (
            'title:putin "north korea" shells -iran',
            'ALL(title:putin, "north korea") RANKED BY shells NOT iran',
        ),
        ("korea OR putin", "(korea OR putin)"),
        ("-iran", "NOT iran"),
        ("date:2024 missiles", "date:2024-01-01..2024-12-31 RANKED BY missiles"),
    ],
    ids=["words-rank", "phrase-required", "mixed", "or", "only-exclusion", "date-required"],
)
def test_describe_says_what_is_required_and_what_ranks(text: str, expected: str) -> None:
    assert describe(parse(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("aspirin inhibits the production of PGE2", True),
        ("north korea fires artillery shells", True),
        ("kim jong un missile", False),
        ('aspirin inhibits the "production of" PGE2', False),
        ("aspirin inhibits the production of -PGE2", False),
        ("aspirin inhibits the production OR synthesis of PGE2", False),
        ("title:aspirin inhibits the production of PGE2", False),
        ("aspirin inhibits the production of PGE*", False),
        ("aspirin inhibits the production of PGE2~", False),
        ("aspirin inhibits the production of PGE2 date:2024", False),
        ("(aspirin inhibits the production of PGE2)", True),
    ],
    ids=[
        "sentence",
        "five-words",
        "four-words",
        "phrase",
        "exclusion",
        "or",
        "field",
        "prefix",
        "fuzzy",
        "date",
        "grouped",
    ],
)
def test_only_long_plain_word_queries_are_natural_language(text: str, expected: bool) -> None:
    assert is_natural_language(parse(text)) is expected
