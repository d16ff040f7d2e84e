"""Pseudo-relevance feedback: words of a long query's best paragraphs find other paragraphs."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from whoosh import query as wq

import searchlib
from searchlib.engine import whoosh_feedback
from searchlib.engine.whoosh_query import compile_query

CLAIM = "aspirin lowers clotting in platelets of older patients"
RECORDS: list[dict[str, Any]] = [
    {
        "id": "trial",
        "title": "Aspirin trial",
        "text": "Aspirin lowers clotting in platelets of older patients by blocking "
        "prostaglandin synthesis, the thromboxane study found.",
        "date": "2024-01-01",
    },
    # Shares no word but "in" with CLAIM: only the trial's other words lead to it.
    {
        "id": "other",
        "title": "Cohort report",
        "text": "Prostaglandin and thromboxane levels fell in the cohort.",
        "date": "2020-01-01",
    },
    # Enough unrelated paragraphs that "prostaglandin" (in 2) is a rare enough word.
    *(
        {"id": f"filler-{i}", "title": f"Weather {i}", "text": f"Calm weather on day {i}."}
        for i in range(int(2 / whoosh_feedback.FEEDBACK_MAX_SHARE))
    ),
]


def _write(corpus: Path, records: list[dict[str, Any]]) -> Path:
    corpus.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    return corpus


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[searchlib.Index]:
    folder = tmp_path_factory.mktemp("feedback")
    with searchlib.Index(folder / "index") as built:
        assert built.update([_write(folder / "corpus.jsonl", RECORDS)]).ok
        yield built


def _ids(results: searchlib.Results) -> list[str]:
    return [hit.title for hit in results.hits]


def test_feedback_finds_a_paragraph_through_its_best_paragraphs_words(
    index: searchlib.Index,
) -> None:
    assert _ids(index.search(CLAIM, feedback=False)) == ["Aspirin trial"]
    expanded = index.search(CLAIM)
    assert _ids(expanded) == ["Aspirin trial", "Cohort report"]
    assert expanded.total == 2
    # Snippets still mark the words the user typed, not the added ones.
    snippet = expanded.hits[1].snippet
    assert [snippet.text[lo:hi] for lo, hi in snippet.spans] == ["in"]
    # The words added are reported as the pages write them.
    assert "prostaglandin" in expanded.feedback and "thromboxane" in expanded.feedback
    assert index.search(CLAIM, feedback=False).feedback == ()


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("aspirin platelets clotting", id="short"),
        pytest.param(f'"aspirin lowers" {CLAIM}', id="phrase"),
        pytest.param(f"{CLAIM} -weather", id="exclusion"),
        pytest.param(f"title:aspirin {CLAIM}", id="field"),
    ],
)
def test_only_plain_long_queries_are_expanded(index: searchlib.Index, query: str) -> None:
    assert "Cohort report" not in _ids(index.search(query))


def test_filters_apply_to_what_the_added_words_find(index: searchlib.Index) -> None:
    assert _ids(index.search(CLAIM, since=dt.date(2023, 1, 1))) == ["Aspirin trial"]


def test_deleted_paragraphs_are_not_found_by_the_added_words(tmp_path: Path) -> None:
    corpus = _write(tmp_path / "corpus.jsonl", RECORDS)
    with searchlib.Index(tmp_path / "index") as index:
        assert index.update([corpus]).ok
        assert "Cohort report" in _ids(index.search(CLAIM))
        _write(corpus, [r for r in RECORDS if r["id"] != "other"])
        assert index.update([corpus]).ok
        assert _ids(index.search(CLAIM)) == ["Aspirin trial"]


def test_date_order_is_not_expanded(index: searchlib.Index) -> None:
    assert "Cohort report" not in _ids(index.search(CLAIM, sort="date"))


def _searcher(index: searchlib.Index) -> Any:
    return index._engine._current_searcher()  # type: ignore[attr-defined]


def test_feedback_words_come_from_the_best_paragraphs(index: searchlib.Index) -> None:
    searcher = _searcher(index)
    query = compile_query(index.understand(CLAIM))
    top = [(d, s) for s, d in searcher.search(query, limit=None).top_n]
    words = whoosh_feedback.feedback_words(
        searcher, top, exclude=whoosh_feedback.query_words(query)
    )
    found = dict(words)
    assert {"prostaglandin", "thromboxan"} <= set(found)
    assert not set(found) & whoosh_feedback.query_words(query)  # the query's own words
    assert "the" not in found and "by" not in found  # stop words
    assert "synthesi" not in found  # in one paragraph only: finds nothing new
    assert sum(found.values()) == pytest.approx(whoosh_feedback.FEEDBACK_WEIGHT)


def test_no_feedback_words_without_feedback_paragraphs(index: searchlib.Index) -> None:
    assert whoosh_feedback.feedback_words(_searcher(index), []) == []


def test_expanded_ranking_scores_as_the_expanded_query_would(tmp_path: Path) -> None:
    # Three updates, three segments: the added words' postings are read segment by segment.
    parts = [RECORDS[2:60], RECORDS[60:], RECORDS[:2]]
    files = [_write(tmp_path / f"part-{i}.jsonl", part) for i, part in enumerate(parts)]
    with searchlib.Index(tmp_path / "index") as index:
        for done in range(1, len(files) + 1):
            assert index.update(files[:done]).ok
        searcher = _searcher(index)
        assert len(searcher.leaf_searchers()) > 1
        query = compile_query(index.understand(CLAIM))
        top = [(d, s) for s, d in searcher.search(query, limit=None).top_n]
        words = whoosh_feedback.feedback_words(
            searcher,
            top[: whoosh_feedback.FEEDBACK_DOCS],
            exclude=whoosh_feedback.query_words(query),
        )
        whole = wq.Or([query, *(wq.Term("content", w, boost=b) for w, b in words)])
        expected = [(d, s) for s, d in searcher.search(whole, limit=None).top_n]
        ranked, added = whoosh_feedback.expanded_ranking(searcher, query, None)
    assert added == tuple(w for w, _ in words)
    assert len(ranked) == 2
    assert [d for d, _ in ranked] == [d for d, _ in expected]
    assert [s for _, s in ranked] == pytest.approx([s for _, s in expected])
