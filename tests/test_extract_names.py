"""Unit tests for extraction/names.py: a person's name or a label."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from searchlib.extraction.names import clean_names, given_name_line, is_given_name, person


@pytest.mark.parametrize(
    ("word", "given"),
    [
        ("Jane", True),
        ("Jörg", True),
        ("Anne-Marie", True),
        ("Víctor", True),
        ("Alle", False),
        ("April", False),
    ],
    ids=lambda v: str(v),
)
def test_given_names(word: str, given: bool) -> None:
    assert is_given_name(word) is given


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jane Roe", "Jane Roe"),
        ("JANE ROE", "Jane Roe"),
        ("Karl von Roe", "Karl von Roe"),
        ("Léa Le Roe", "Léa Le Roe"),
        ("The Daily Paper", None),
        ("Die Zeitung", None),
        ("Read What", None),
        ("ABK Musterstadt", None),
        ("der Roe", None),
        ("Jane Roe Verlag GmbH", None),
        ("Jane Ng", "Jane Ng"),
        ("Jane Roe Senior Correspondent", "Jane Roe"),
    ],
    ids=lambda v: str(v),
)
def test_person(text: str, name: str | None) -> None:
    assert person(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [("Jane Roe", "Jane Roe"), ("Market News", None), ("Lage der Landwirtschaft", None)],
    ids=lambda v: str(v),
)
def test_strict_person_needs_a_given_name(text: str, name: str | None) -> None:
    assert person(text, strict=True) == name


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Jane Roe Lesezeit: 4 Min.", ("Jane Roe",)),
        ("Jane Roe (Medizinredakteurin)", ("Jane Roe",)),
        ("John Doe:", ("John Doe",)),
        ("Jane Roe, Projektleiterin der Stiftung", ("Jane Roe",)),
    ],
    ids=["label-after", "note-in-brackets", "colon-at-end", "role-after-comma"],
)
def test_clean_names_cuts_what_follows_the_name(text: str, names: tuple[str, ...]) -> None:
    assert clean_names(text) == names


def test_given_name_line_needs_every_part_to_be_a_name() -> None:
    assert given_name_line("Jane Roe and John Doe") == ("Jane Roe", "John Doe")
    assert given_name_line("Jane Roe and Market News") == ()


def test_a_name_printed_twice_is_one_name() -> None:
    assert person("Jane Roe Jane Roe") == "Jane Roe"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("JaneRoe Ein Kommentar", ("JaneRoe",)),
        ("jroe23", ("jroe23",)),
        ("Associated Press Writers", ()),
        ("sin imagen disponible", ()),
    ],
    ids=["camel-case", "digits", "capitalised-words", "lower-case-words"],
)
def test_user_names_after_a_byline_word(text: str, names: tuple[str, ...]) -> None:
    assert clean_names(text, handles=True) == names


# Words that reach every branch of the name rules, and any short text between them.
_NAME_WORDS = st.one_of(
    st.sampled_from(["Jane", "Roe", "jdoe", "JaneRoe", "von", "GmbH", "Editor", "作者王敬", "."]),
    st.sampled_from([",", " and ", "|", "@", "2023", "\t", ":", "-"]),
    st.text(max_size=6),
)


@given(st.lists(_NAME_WORDS, max_size=8).map(" ".join), st.booleans(), st.booleans())
@example(".\t.", True, False)  # a part that is only white space once its dots are stripped
@settings(max_examples=300, deadline=None)
def test_clean_names_reads_any_text(text: str, handles: bool, strict: bool) -> None:
    names = clean_names(text, handles=handles, strict=strict)
    assert all(name.strip() for name in names) and len(set(names)) == len(names)
