"""Stage 6, snippets: the best fragment of a paragraph around its matches, and renderers.

The engine reports where the query's words match (character spans); this module picks the
window of text holding the most matches, cuts it at word boundaries, and renders it for a
terminal, as plain text with markers, or as HTML.
"""

from __future__ import annotations

import html
from bisect import bisect_right
from collections.abc import Callable, Sequence

from .models import Snippet

SNIPPET_CHARS = 240
ELLIPSIS = "…"
SEPARATOR = f" {ELLIPSIS} "
MIN_FRAGMENT_CHARS = 60

Span = tuple[int, int]


def make_snippet(text: str, spans: Sequence[Span], max_chars: int = SNIPPET_CHARS) -> Snippet:
    """The best fragment(s) of ``text``, at most ``max_chars`` long, around the matched words.

    One window holding the most matches; when matches lie outside it, two half-size windows
    around the two best groups of matches instead, joined by an ellipsis. Windows are cut at
    word boundaries, and the spans are moved to the returned text.
    """
    spans = sorted(spans)
    if len(text) <= max_chars:
        return Snippet(text, tuple(spans))
    window = _window(text, spans, max_chars)
    missed = [span for span in spans if not _inside(span, window)]
    half = (max_chars - len(SEPARATOR)) // 2
    if not missed or half < MIN_FRAGMENT_CHARS:
        return _joined(text, spans, [window])
    first = _window(text, spans, half)
    second = _window(text, [s for s in spans if not _inside(s, first)], half)
    if second[0] < first[1] and first[0] < second[1]:
        return _joined(text, spans, [window])  # overlapping: one window says it better
    return _joined(text, spans, sorted([first, second]))


def _window(text: str, spans: Sequence[Span], size: int) -> Span:
    start = _best_start(text, spans, size)
    return start, _word_end(text, start + size)


def _inside(span: Span, window: Span) -> bool:
    return window[0] <= span[0] and span[1] <= window[1]


def _joined(text: str, spans: Sequence[Span], windows: Sequence[Span]) -> Snippet:
    """The windows' text, stripped, with ellipses where text was left out, spans moved."""
    out = ""
    moved: list[Span] = []
    for lo, hi in windows:
        piece = text[lo:hi]
        lead = len(piece) - len(piece.lstrip())
        out += SEPARATOR if out else (ELLIPSIS if lo > 0 else "")
        shift = len(out) - lo - lead
        moved += [(a + shift, b + shift) for a, b in spans if _inside((a, b), (lo, hi))]
        out += piece.strip()
    if windows[-1][1] < len(text):
        out += ELLIPSIS
    return Snippet(out, tuple(moved))


def _best_start(text: str, spans: Sequence[Span], max_chars: int) -> int:
    if not spans:
        return 0
    # Spans are sorted and do not overlap, so their ends are sorted too.
    ends = [hi for _, hi in spans]
    best_lo, best_count = spans[0][0], 0
    for i, (lo, _) in enumerate(spans):
        count = bisect_right(ends, lo + max_chars, lo=i) - i
        if count > best_count:
            best_lo, best_count = lo, count
    last_hi = max(hi for lo, hi in spans if best_lo <= lo and hi <= best_lo + max_chars)
    # Centre the matches in the window, giving the text before them a fair share.
    slack = max_chars - (last_hi - best_lo)
    start = max(0, min(best_lo - slack // 3, len(text) - max_chars))
    return _word_start(text, start)


def _word_start(text: str, pos: int) -> int:
    if pos <= 0:
        return 0
    space = text.find(" ", pos)
    return space + 1 if 0 <= space < pos + 20 else pos


def _word_end(text: str, pos: int) -> int:
    if pos >= len(text):
        return len(text)
    space = text.rfind(" ", 0, pos)
    return space if space > pos - 20 else pos


def render(snippet: Snippet, mark: Callable[[str], str]) -> str:
    """Snippet text with each matched word passed through ``mark``."""
    out: list[str] = []
    last = 0
    for lo, hi in _merge(snippet.text, snippet.spans):
        out += [snippet.text[last:lo], mark(snippet.text[lo:hi])]
        last = hi
    out.append(snippet.text[last:])
    return "".join(out)


def to_html(snippet: Snippet) -> str:
    """Snippet as HTML: text escaped, matches in ``<mark>``."""
    out: list[str] = []
    last = 0
    for lo, hi in _merge(snippet.text, snippet.spans):
        out += [
            html.escape(snippet.text[last:lo]),
            f"<mark>{html.escape(snippet.text[lo:hi])}</mark>",
        ]
        last = hi
    out.append(html.escape(snippet.text[last:]))
    return "".join(out)


def _merge(text: str, spans: Sequence[Span]) -> list[Span]:
    """Join spans separated only by spaces, so a matched phrase is marked as one."""
    merged: list[Span] = []
    for lo, hi in sorted(spans):
        if merged and not text[merged[-1][1] : lo].strip():
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged
