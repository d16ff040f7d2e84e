"""Search behaviour on a tiny index built through the whole pipeline (JSON Lines records)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    SubstitutionFilter,
)
from whoosh.support.charset import accent_map

import searchlib
from searchlib.engine import whoosh_engine, whoosh_schema
from searchlib.errors import QueryError

RECORDS = [
    {
        "id": "summit",
        "title": "Leader meets envoys",
        "text": "North Korea’s leader Kim Jong-un hosted talks in the capital.\n\n"
        "The running of the summit was smooth, officials said.\n\n"
        "Café owners nearby said little about the visit.",
        "date": "2024-03-01",
        "outlet": "Example Daily",
        "authors": ["Ann Writer"],
    },
    {
        "id": "vote",
        "title": "Assembly vote",
        "text": "The UN General Assembly voted on Russia's proposal.\n\n"
        "Diplomats from the United States abstained in the vote.",
        "date": "2023-05-02",
        "outlet": "Other Paper",
        "authors": ["Bo Reporter"],
    },
    {
        "id": "storm",
        "title": "Storms over the hills",
        "text": "Thunder rolled like artillery over the hills for most of the night, "
        "residents of the valley reported.\n\n"
        "No shells were found afterwards, and the roads reopened by the morning.",
        "date": "2022-01-01",
        "outlet": "Example Daily",
    },
    {"id": "brief", "title": "Ferry", "text": "By noon the ferry had left.\n\nQuiet port."},
]


def _indexed(folder: Path, records: list[dict[str, Any]], name: str = "index") -> searchlib.Index:
    """An index of ``records``, written as one JSON Lines file in ``folder``."""
    corpus = folder / f"{name}.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    index = searchlib.Index(folder / name)
    assert index.update([corpus]).ok
    return index


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Iterator[searchlib.Index]:
    with _indexed(tmp_path_factory.mktemp("tiny"), RECORDS) as index:
        yield index


def _articles(results: searchlib.Results) -> set[str]:
    return {hit.article_id for hit in results.hits}


@pytest.mark.parametrize(
    ("query", "article"),
    [
        ("cafe", "summit"),
        ("CAFÉ", "summit"),
        ("Russia’s", "vote"),
        ("russia's", "vote"),
        ("russia", "vote"),
        ("Kim Jong Un", "summit"),
        ("kim jong-un", "summit"),
        ('"kim jong un"', "summit"),
        ("run", "summit"),
        ("DPRK", "summit"),
        ("US", "vote"),
        ("United Nations", "vote"),
        ("park. shells", "storm"),
    ],
    ids=lambda v: v,
)
def test_normalisation_and_aliases_find_the_article(
    tiny: searchlib.Index, query: str, article: str
) -> None:
    assert article in _articles(tiny.search(query, per_article=True))


def test_record_text_is_body_even_when_short_or_opening_with_by(tiny: searchlib.Index) -> None:
    assert [h.position for h in tiny.search("ferry OR port").hits] == [0, 1]


def test_capitalised_alias_is_not_expanded_from_a_lowercase_word(tiny: searchlib.Index) -> None:
    assert tiny.search("us").total == 0
    assert tiny.search("US").total == 1


def test_snippet_shows_words_as_written(tiny: searchlib.Index) -> None:
    hit = tiny.search("cafe running").hits
    marked = {h.snippet.marked() for h in hit}
    assert any("[Café]" in m for m in marked)
    assert any("[running]" in m for m in marked)


def test_headline_counts_once_per_article(tiny: searchlib.Index) -> None:
    results = tiny.search("envoys")
    assert [(h.article_id, h.position) for h in results.hits] == [("summit", 0)]


def test_per_article_keeps_the_best_paragraph_and_counts_the_rest(tiny: searchlib.Index) -> None:
    paragraphs = tiny.search("summit capital cafe")
    assert paragraphs.total == 3
    articles = tiny.search("summit capital cafe", per_article=True)
    assert articles.total == 1
    (hit,) = articles.hits
    assert hit.more_in_article == 2 and hit.score == paragraphs.hits[0].score


def test_facets_count_the_whole_result_set(tiny: searchlib.Index) -> None:
    results = tiny.search("said OR vote OR hills", limit=1, per_article=True, facets=True)
    assert results.total == 3 and len(results.hits) == 1
    assert results.facets["outlet"] == {"Example Daily": 2, "Other Paper": 1}
    assert results.facets["year"] == {"2022": 1, "2023": 1, "2024": 1}
    assert results.facets["author"] == {"Ann Writer": 1, "Bo Reporter": 1}


def test_plain_words_rank_all_words_first(tiny: searchlib.Index) -> None:
    results = tiny.search("thunder shells hills")
    assert results.total == 2
    assert results.hits[0].position == 0  # holds two of the words, the other paragraph one


def test_phrases_and_fields_are_required(tiny: searchlib.Index) -> None:
    assert _articles(tiny.search('vote "general assembly"')) == {"vote"}
    assert _articles(tiny.search("vote outlet:other", per_article=True)) == {"vote"}
    assert tiny.search("title:thunder").total == 0


def test_suggestion_for_a_misspelling(tiny: searchlib.Index) -> None:
    results = tiny.search("artilery")
    assert results.total == 0 and results.suggestion == "artillery"
    assert tiny.search("artillery").suggestion is None


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "stray: colon", "ubuntu 20.04", "park.", "-", "((((", "NOT", "a" * 10_000],
    ids=["quote", "colon", "version", "dot", "dash", "parens", "not", "10k"],
)
def test_awkward_queries_give_results_or_a_query_error(tiny: searchlib.Index, query: str) -> None:
    try:
        results = tiny.search(query)
    except QueryError as error:
        assert error.hint
    else:
        assert results.total >= 0


def test_unknown_field_lists_fields(tiny: searchlib.Index) -> None:
    with pytest.raises(QueryError, match="outlet"):
        tiny.search("colour:red")


QUERY_ALPHABET = st.sampled_from(list("ab Zé\"()-:*~.0129'’OR AND NOT title: date:"))


@settings(
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.one_of(st.text(max_size=30), st.lists(QUERY_ALPHABET, max_size=12).map("".join)))
def test_random_queries_raise_nothing_but_query_error(tiny: searchlib.Index, text: str) -> None:
    with contextlib.suppress(QueryError):
        tiny.search(text, limit=3)


def test_user_aliases_from_argument_and_index_folder(tmp_path: Path) -> None:
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(json.dumps(RECORDS[2]), encoding="utf-8")
    own = tmp_path / "mine.txt"
    own.write_text("boom = thunder\n", encoding="utf-8")
    with searchlib.Index(tmp_path / "index", aliases=own) as index:
        index.update([corpus])
        assert index.search("boom").total == 1
        assert index.search("bang").total == 0
    (tmp_path / "index" / "aliases.txt").write_text("bang = thunder\n", encoding="utf-8")
    with searchlib.Index(tmp_path / "index") as index:
        assert index.search("bang").total == 1 and index.search("boom").total == 0


def test_small_result_sets_are_counted_exactly(tiny: searchlib.Index) -> None:
    results = tiny.search("hills", limit=1)
    assert results.total == 1 and results.total_exact


def test_large_result_sets_are_estimated_within_bounds(
    tiny: searchlib.Index, monkeypatch: pytest.MonkeyPatch
) -> None:
    exact = tiny.search("leader vote ferry", facets=True)
    assert exact.total_exact and exact.total == 4  # "vote" is in two paragraphs
    monkeypatch.setattr(whoosh_engine, "EXACT_COUNT_BELOW", 0)
    estimated = tiny.search("leader vote ferry", limit=1)
    assert not estimated.total_exact
    assert exact.total <= estimated.total <= tiny.paragraph_count()
    assert tiny.search("leader vote ferry", limit=1, per_article=True).total_exact


def _chained_analyzer() -> Analyzer:
    """The filter chain that NormaliseFilter replaced, as the reference it must agree with."""
    return (
        RegexTokenizer(whoosh_schema.TOKEN_PATTERN)
        | LowercaseFilter()
        | SubstitutionFilter("’", "'")
        | SubstitutionFilter(r"'s$", "")
        | CharsetFilter(accent_map)
    )


_PIECES = [*"aAsSzZ '’-.\nİKéÉßçøŒæ", "'s", "’s", "’S", "É's"]
_WORDY = st.lists(st.sampled_from(_PIECES), max_size=20).map("".join)


@settings(max_examples=300)
@given(_WORDY | st.text(max_size=40))
def test_normalise_filter_matches_the_filter_chain_it_replaced(text: str) -> None:
    fused = [
        (t.text, t.startchar, t.endchar) for t in whoosh_schema.name_analyzer()(text, chars=True)
    ]
    chained = [(t.text, t.startchar, t.endchar) for t in _chained_analyzer()(text, chars=True)]
    assert fused == chained


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("RNAs RXRs", ["rna", "rxr"]),
        ("miRNAs", ["mirna"]),
        ("MPs NGOs", ["mp", "ngo"]),
        ("As IDs", ["as", "id"]),
        ("NEWS news 1990s", ["news", "news", "1990s"]),
    ],
    ids=["acronyms", "mixed-case", "news-acronyms", "short", "not-acronyms"],
)
def test_acronym_plurals_search_as_the_acronym(text: str, tokens: list[str]) -> None:
    assert [t.text for t in whoosh_schema.text_analyzer()(text)] == tokens


def test_names_keep_acronym_plurals() -> None:
    assert [t.text for t in whoosh_schema.name_analyzer()("NGOs")] == ["ngos"]


# -- compound words ------------------------------------------------------------------------

COMPOUNDS = [
    {"id": "trial", "title": "Drug trial", "text": "An anti-tumor drug slowed K-Ras growth."},
    {"id": "solid", "title": "Other trial", "text": "An antitumor vaccine failed."},
    {"id": "apart", "title": "Unrelated", "text": "Anti graffiti rules; a tumor of red tape."},
]


@pytest.fixture(scope="module")
def compounds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[searchlib.Index]:
    with _indexed(tmp_path_factory.mktemp("compounds"), COMPOUNDS) as index:
        yield index


@pytest.mark.parametrize(
    ("query", "articles"),
    [
        ("antitumor", {"trial", "solid"}),
        ("kras", {"trial"}),
        ('"anti-tumor drug"', {"trial"}),
        ('"anti tumor"', {"trial"}),
        ("anti-tumor", {"trial", "apart"}),
    ],
    ids=["solid-finds-hyphenated", "acronym", "phrase-with-hyphen", "phrase-spaced", "parts"],
)
def test_hyphenated_compounds_match_solid_spelling_and_phrases(
    compounds: searchlib.Index, query: str, articles: set[str]
) -> None:
    assert _articles(compounds.search(query)) == articles


def test_solid_query_marks_the_whole_hyphenated_compound(compounds: searchlib.Index) -> None:
    (hit,) = [h for h in compounds.search("antitumor").hits if h.article_id == "trial"]
    assert "[anti-tumor]" in hit.snippet.marked()


def test_compound_joined_form_is_indexed_at_its_last_word() -> None:
    analyzer = whoosh_schema.text_analyzer()
    indexed = [
        (t.text, t.pos) for t in analyzer("the K-Ras-like gene", positions=True, mode="index")
    ]
    assert indexed == [("the", 0), ("k", 1), ("ras", 2), ("like", 3), ("kraslik", 3), ("gene", 4)]
    assert [t.text for t in analyzer("the K-Ras-like gene")] == ["the", "k", "ras", "like", "gene"]


# -- headline statistics -------------------------------------------------------------------


def _title_scores(folder: Path, extra_paragraphs: int) -> dict[str, float]:
    """Scores of ``title:harbour``, each article followed by ``extra_paragraphs`` others."""
    filler = "".join(
        f"\n\nFiller paragraph {n} about other things." for n in range(extra_paragraphs)
    )
    records = [
        {"id": "short", "title": "Harbour reopens", "text": "Boats sail again." + filler},
        {
            "id": "long",
            "title": "Harbour works end after a long and costly year",
            "text": "Cranes left." + filler,
        },
        {"id": "other", "title": "Council vote", "text": "Members voted." + filler},
    ]
    with _indexed(folder, records, f"index-{extra_paragraphs}") as index:
        return {h.article_id: h.score for h in index.search("title:harbour").hits}


def test_headline_weight_does_not_depend_on_article_length(tmp_path: Path) -> None:
    alone = _title_scores(tmp_path, 0)
    among_many = _title_scores(tmp_path, 6)
    assert alone["short"] > alone["long"]  # the shorter headline says more about the word
    assert among_many == pytest.approx(alone)


@settings(max_examples=300)
@given(_WORDY | st.text(max_size=40))
def test_indexing_adds_only_joined_compounds_to_the_words(text: str) -> None:
    analyzer = whoosh_schema.text_analyzer()
    query = [(t.text, t.pos) for t in analyzer(text, positions=True)]
    indexed = [(t.text, t.pos) for t in analyzer(text, positions=True, mode="index")]
    joined = [indexed[i] for i in range(1, len(indexed)) if indexed[i][1] == indexed[i - 1][1]]
    assert [token for token in indexed if token not in joined] == query


@settings(max_examples=300)
@given(_WORDY | st.text(alphabet="ab-‐ '’.", max_size=40))
def test_compounds_found_from_hyphens_are_those_a_full_scan_finds(text: str) -> None:
    scan = whoosh_schema._compounds(whoosh_schema.HYPHENS).finditer(text)
    assert [m.span() for m in whoosh_schema._compounds_in(text)] == [m.span() for m in scan]


def _previous_layout() -> Any:
    """The schema before compounds were joined and first paragraphs marked."""
    schema = whoosh_schema.build_schema()
    schema.remove(whoosh_schema.LEAD_FIELD)
    split_only = (
        RegexTokenizer(whoosh_schema.TOKEN_PATTERN)
        | whoosh_schema.NormaliseFilter(acronym_plurals=True)
        | whoosh_schema.SnowballFilter()
    )
    for name in ("content", "title"):
        schema[name].analyzer = split_only
    return schema


def test_index_of_the_previous_layout_needs_a_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(whoosh_engine, "build_schema", _previous_layout)
        doc_fields = whoosh_engine._doc_fields
        patch.setattr(
            whoosh_engine,
            "_doc_fields",
            lambda doc: {k: v for k, v in doc_fields(doc).items() if k != "lead"},
        )
        _indexed(tmp_path, COMPOUNDS).close()
    with (
        searchlib.Index(tmp_path / "index") as index,
        pytest.raises(searchlib.IndexCorruptError, match="older searchlib"),
    ):
        index.search("antitumor")
