"""Stage 6, snippets: the best fragment of a paragraph around its matches, and renderers.

The engine reports where the query's words match (character spans); this module picks the
window of text holding the most matches, cuts it at word boundaries, and renders it for a
terminal, as plain text with markers, or as HTML.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from .models import Snippet

SNIPPET_CHARS = 240
ELLIPSIS = "…"

Span = tuple[int, int]


def make_snippet(text: str, spans: Sequence[Span], max_chars: int = SNIPPET_CHARS) -> Snippet:
    """The window of at most ``max_chars`` of ``text`` holding the most matched words."""
    spans = sorted(spans)
    if len(text) <= max_chars:
        return Snippet(text, tuple(spans))
    start = _best_start(text, spans, max_chars)
    end = _word_end(text, start + max_chars)
    inside = [(lo, hi) for lo, hi in spans if lo >= start and hi <= end]
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    shift = len(prefix) - start
    body = text[start:end].strip()
    lead = len(text[start:end]) - len(text[start:end].lstrip())
    moved = tuple((lo + shift - lead, hi + shift - lead) for lo, hi in inside)
    return Snippet(prefix + body + suffix, moved)


def _best_start(text: str, spans: Sequence[Span], max_chars: int) -> int:
    if not spans:
        return 0
    best_lo, best_count = spans[0][0], 0
    for i, (lo, _) in enumerate(spans):
        count = sum(1 for other, hi in spans[i:] if hi <= lo + max_chars)
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
