from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from searchlib.models import Snippet
from searchlib.snippet import ELLIPSIS, SEPARATOR, make_snippet, render, to_html

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


WORDS = st.lists(
    st.sampled_from(["war", "peace", "Café", "a", "long-running", "talks,"]), min_size=1
)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.data(), st.integers(min_value=20, max_value=200))
def test_snippet_spans_point_at_the_same_words(
    words: list[str], data: st.DataObject, size: int
) -> None:
    text = " ".join(f"{word}{i}" for i, word in enumerate(words))  # each word once
    starts = [i for i, ch in enumerate(text) if ch != " " and (i == 0 or text[i - 1] == " ")]
    chosen = data.draw(st.lists(st.sampled_from(starts), unique=True, max_size=4))
    spans = [(lo, text.find(" ", lo) if " " in text[lo:] else len(text)) for lo in chosen]
    snippet = make_snippet(text, spans, max_chars=size)
    assert len(snippet.text) <= size + 2 * len(ELLIPSIS)
    for body in snippet.text.strip(ELLIPSIS).split(SEPARATOR):
        assert body in text  # windows of the text, words as written
        at = text.index(body)
        assert at == 0 or text[at - 1] == " "
        assert at + len(body) == len(text) or text[at + len(body)] == " "
    originals = {text[lo:hi] for lo, hi in spans}
    assert all(snippet.text[lo:hi] in originals for lo, hi in snippet.spans)
    if spans and len(spans) == 1:
        assert len(snippet.spans) == 1  # one match always fits the window


def test_render_with_a_styling_callback_and_markers() -> None:
    snippet = make_snippet("Kim met envoys in the capital.", [(0, 3), (8, 14)])
    assert render(snippet, str.upper) == "KIM met ENVOYS in the capital."
    assert snippet.marked("**", "**") == "**Kim** met **envoys** in the capital."


def test_matches_far_apart_give_two_fragments() -> None:
    first, last = LONG.index("word5 "), LONG.index("word190")
    snippet = make_snippet(LONG, [(first, first + 5), (last, last + 7)], max_chars=160)
    assert snippet.text.count(SEPARATOR) == 1 and len(snippet.text) <= 162
    assert [snippet.text[lo:hi] for lo, hi in snippet.spans] == ["word5", "word190"]
