"""Unit tests for extraction/title_model.py: headline scores from the weights file."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest

from searchlib.errors import SearchlibError
from searchlib.extraction import title_model
from searchlib.extraction.body import find_body
from searchlib.extraction.lines import analyse
from searchlib.extraction.title import find_title

BODY = [
    "The city council approved the new budget on Tuesday after a long debate in the chamber.",
    "Members of the opposition said the budget would cut services that many families rely on.",
    "The mayor said the city had no choice but to balance its books this year, budget or not.",
]


def _row(**features: float) -> tuple[float, ...]:
    """A feature row in ``FEATURES`` order, the features not named at 0."""
    assert set(features) <= set(title_model.FEATURES)
    return tuple(float(features.get(name, 0.0)) for name in title_model.FEATURES)


@pytest.fixture
def reload_weights() -> Iterator[None]:
    """Forget the loaded weights before and after a test that replaces the file's content."""
    title_model.weights.cache_clear()
    title_model.gates.cache_clear()
    yield
    title_model.weights.cache_clear()
    title_model.gates.cache_clear()


def test_weights_file_weighs_every_feature_with_a_finite_number() -> None:
    weights = title_model.weights()
    assert len(weights) == len(title_model.FEATURES)
    assert all(math.isfinite(w) for w in weights)


def test_gates_are_read_from_the_weights_file() -> None:
    gates = title_model.gates()
    assert all(math.isfinite(g) for g in (gates.weak, gates.dense, gates.dense_margin))


@pytest.mark.parametrize("name", title_model.FEATURES, ids=title_model.FEATURES)
def test_score_of_one_feature_is_its_weight(name: str) -> None:
    at = title_model.FEATURES.index(name)
    assert title_model.score(_row(**{name: 1.0})) == pytest.approx(title_model.weights()[at])


def test_score_adds_the_weighted_features() -> None:
    row = _row(length=7, meta_below=1, lead_overlap=0.5)
    weights = dict(zip(title_model.FEATURES, title_model.weights(), strict=True))
    expected = 7 * weights["length"] + weights["meta_below"] + 0.5 * weights["lead_overlap"]
    assert title_model.score(row) == pytest.approx(expected)


def test_score_refuses_a_row_of_the_wrong_length() -> None:
    with pytest.raises(ValueError):
        title_model.score((1.0,))


@pytest.mark.parametrize(
    ("winner", "loser"),
    [
        (_row(length=7, meta_below=1, lead_overlap=0.8), _row(length=1, label=1, one_word=1)),
        (_row(length=8, repeated=1), _row(length=8, name=1)),
        (_row(length=8), _row(length=8, full_stop=1)),
        (_row(length=8, lines_above_body=1), _row(length=8, lines_below_body=3)),
        (_row(length=6, crumb_tail=1), _row(length=6, glued=1)),
    ],
    ids=["headline-over-label", "repeated-over-name", "no-full-stop", "above-body", "crumb-tail"],
)
def test_headline_signals_outrank_furniture(
    winner: tuple[float, ...], loser: tuple[float, ...]
) -> None:
    assert title_model.score(winner) > title_model.score(loser)


def test_headline_beside_a_byline_beats_the_navigation_labels() -> None:
    headline = "Council approves budget after long debate"
    lines = [headline, "By Jane Roe", "Local News Today", "Politics", *BODY]
    feats = analyse(lines)
    assert find_title(feats, find_body(lines, feats).start) == 0


def test_weights_file_without_a_feature_is_refused(
    monkeypatch: pytest.MonkeyPatch, reload_weights: None
) -> None:
    partial = {"features": {"length": 0.2}, "gates": {"weak": 1, "dense": 1, "dense_margin": 1}}
    monkeypatch.setattr(title_model, "_load", lambda: partial)
    with pytest.raises(SearchlibError, match="length"):
        title_model.weights()
