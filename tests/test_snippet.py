from __future__ import annotations

from searchlib.models import Snippet
from searchlib.snippet import ELLIPSIS, make_snippet, render, to_html

LONG = " ".join(f"word{i}" for i in range(200))


def test_short_text_is_whole() -> None:
    snippet = make_snippet("Artillery shells arrived.", [(0, 9), (10, 16)])
    assert snippet.text == "Artillery shells arrived."
    assert snippet.marked() == "[Artillery] [shells] arrived."


def test_long_text_is_cut_at_words_around_the_match() -> None:
    start = LONG.index("word150")
    snippet = make_snippet(LONG, [(start, start + 7)], max_chars=80)
    assert snippet.text.startswith(ELLIPSIS) and snippet.text.endswith(ELLIPSIS)
    assert len(snippet.text) <= 82
    (lo, hi), *_ = snippet.spans
    assert snippet.text[lo:hi] == "word150"
    assert all(part.startswith("word") for part in snippet.text.strip(ELLIPSIS).split())


def test_render_merges_adjacent_matches() -> None:
    snippet = Snippet("the artillery shells", ((4, 13), (14, 20)))
    assert render(snippet, lambda w: f"<{w}>") == "the <artillery shells>"


def test_html_escapes_text() -> None:
    snippet = Snippet("a <b> & c", ((6, 7),))
    assert to_html(snippet) == "a &lt;b&gt; <mark>&amp;</mark> c"
