"""Score headline candidates: a dot product of their features with weights read from data.

``title.py`` turns each candidate line into the features named in ``FEATURES`` (the signals
that a line is the headline: printed twice, a date or byline beside it, the words of the
article, its closeness to the body, its length and shape); this module holds the weights,
read from ``data/title_weights.json``, and the gates that decide when the search for a
headline reaches further up the page, which are on the same scale as the scores.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from operator import mul

from ..errors import SearchlibError

__all__ = ["FEATURES", "Gates", "gates", "score", "weights"]

WEIGHTS_FILE = "title_weights.json"
# The features of a candidate, in the order ``title.py`` computes them.
FEATURES = (
    "repeated",
    "lines_above_body",
    "lines_below_body",
    "far_below_body",
    "full_stop",
    "length",
    "label",
    "one_word",
    "standfirst_below",
    "caption_below",
    "pull_quote",
    "label_pair",
    "name",
    "tag_list",
    "glued",
    "meta_below",
    "meta_above",
    "lead_overlap",
    "crumb_tail",
    "under_meta",
    "heads_body",
)


@dataclass(frozen=True)
class Gates:
    """Score thresholds of the headline search, on the scale of the model's scores.

    Attributes:
        weak: below this best score, the search reaches further up the page.
        dense: below this, the search looks beside the page's thickest prose too.
        dense_margin: a headline found beside the thickest prose must win by this much.
    """

    weak: float
    dense: float
    dense_margin: float


def score(row: Sequence[float]) -> float:
    """A candidate's score: its features (in ``FEATURES`` order) times the weights.

    Raises:
        ValueError: ``row`` does not hold one value per feature.
    """
    weighed = weights()
    if len(row) != len(weighed):
        raise ValueError(f"a headline candidate has {len(FEATURES)} features, not {len(row)}")
    total: float = sum(map(mul, row, weighed))
    return total


@cache
def weights() -> tuple[float, ...]:
    """The weight of each feature, in ``FEATURES`` order.

    Raises:
        SearchlibError: the weights file does not name exactly the features of ``FEATURES``.
    """
    named = _load()["features"]
    if set(named) != set(FEATURES):
        raise SearchlibError(f"{WEIGHTS_FILE} must weigh exactly the features {FEATURES}")
    return tuple(float(named[name]) for name in FEATURES)


@cache
def gates() -> Gates:
    """The gates of the headline search, from the weights file."""
    return Gates(**{key: float(value) for key, value in _load()["gates"].items()})


@cache
def _load() -> dict[str, dict[str, float]]:
    path = resources.files("searchlib").joinpath("data").joinpath(WEIGHTS_FILE)
    loaded: dict[str, dict[str, float]] = json.loads(path.read_text(encoding="utf-8"))
    return loaded
