"""Per-line features of a plain-text page, the input of the body classifier.

Every feature is generic: length and sentence shape, the share of function words, and whether
the line matches the multilingual word lists of chrome phrases, calls to action, legal lines
and caption shapes in ``searchlib/data``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from .rules import (
    anchored_pattern,
    first_words,
    has_phrase,
    matches_any,
    normalise,
    phrase_set,
    section,
    word_set,
)

MIN_PROSE_WORDS = 8
MIN_SHORT_SENTENCE_WORDS = 4
MIN_SHORT_SENTENCE_STOP = 0.2
MIN_UNPUNCTUATED_WORDS = 25
MIN_UNPUNCTUATED_STOP = 0.25
MAX_CHROME_WORDS = 24
MAX_CTA_WORDS = 30
MIN_CAPTION_WORDS = 4
# Distinct lines whose features are kept (a few hundred bytes each): enough for the menus and
# footers of the sites being indexed, small enough to hold for a whole run.
LINE_CACHE = 8192
# Only lines up to this long are cached: longer ones are paragraphs, printed once, and
# LINE_CACHE paragraphs of 20 KB each would hold 300 MB for the whole run.
MAX_CACHED_CHARS = 1000
# Chinese and Japanese are written without spaces: count a word per two such characters.
CHARS_PER_CJK_WORD = 2
_IDEOGRAPHS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

_EMBED_SIGNATURE = re.compile(r"^[—–-]\s*[^()]{1,80}\(@\w{1,30}\)\s+\S.{0,30}\d{4}\s*$")
_SENTENCE_END = re.compile(r"""[.!?…:;。！？]["'”’»)\]]*$""")
_CREDIT_WORDS = ("picture", "photo", "image", "credit", "source", "foto", "bild", "quelle")
# İ, ı and ſ: the letters that re.IGNORECASE takes for an ASCII letter of a credit word
# (i, s) although str.lower() does not turn them into it.
_ODD_FOLDS = re.compile("[\u0130\u0131\u017f]")
_CREDIT_TAIL = re.compile(
    rf"[.,]?\s*(?:\(|\[)?(?:{'|'.join(_CREDIT_WORDS)})s?\s*(?::|\.{{3}}|…).*$", re.IGNORECASE
)


@dataclass(frozen=True)
class Line:
    """One non-empty line of a page and the features the classifier reads."""

    text: str
    key: str
    words: int
    stop_share: float
    ends_sentence: bool
    chrome: bool
    legal: bool
    caption: bool
    repeated: bool
    # A table announced by the sentence before it, its cells joined into this one line.
    table: bool = False
    # An embedded social-media post: its text, or its signature ("— Name (@name) May 4, 2023").
    embed: bool = False

    @property
    def prose(self) -> bool:
        """True when the line reads like a paragraph of running text."""
        if self.table or self.embed:
            return True
        if self.chrome or self.caption or self.repeated:
            return False
        if self.ends_sentence:
            if self.words >= MIN_PROSE_WORDS:
                return True
            return (
                self.words >= MIN_SHORT_SENTENCE_WORDS
                and self.stop_share >= MIN_SHORT_SENTENCE_STOP
            )
        return self.words >= MIN_UNPUNCTUATED_WORDS and self.stop_share >= MIN_UNPUNCTUATED_STOP


def analyse(lines: list[str]) -> list[Line]:
    """Features of each line; ``repeated`` marks lines whose caption key occurs twice."""
    keys = [_keys(line)[1] for line in lines]
    counts = Counter(keys)
    feats = [
        _line(line, repeated=counts[key] > 1 and bool(key))
        for line, key in zip(lines, keys, strict=True)
    ]
    # A line whose copy carries a caption mark ("X. Picture: ...") is a caption too.
    pairs = list(zip(feats, keys, strict=True))
    captioned = {key for f, key in pairs if f.caption and counts[key] > 1}
    feats = [replace(f, caption=True) if key in captioned else f for f, key in pairs]
    return _mark_embeds(feats)


def _mark_embeds(feats: list[Line]) -> list[Line]:
    """Mark embedded posts: a signature line ("— Name (@name) May 4, 2023") and its text.

    An embedded post is quoted as part of the article, though neither line reads like
    prose: the text often ends in a link, the signature in a date.
    """
    for i, line in enumerate(feats):
        if "(@" not in line.text or not _EMBED_SIGNATURE.match(line.text):
            continue
        feats[i] = replace(line, embed=True, caption=False, repeated=False)
        above = feats[i - 1] if i else None
        if above and not (above.embed or above.chrome or above.legal):
            feats[i - 1] = replace(above, embed=True, caption=False, repeated=False)
    return feats


def caption_key(line: str) -> str:
    """A line normalised for spotting copies: quotes, spacing and a trailing credit ignored."""
    return _keys(line)[1]


def _keys(text: str) -> tuple[str, str]:
    """A line normalised (``Line.key``), and its caption key (see ``caption_key``)."""
    return _cached_keys(text) if len(text) <= MAX_CACHED_CHARS else _line_keys(text)


def _line_keys(text: str) -> tuple[str, str]:
    key = normalise(text)
    credit = _credit_tail(text, key)
    return key, normalise(text[: credit.start()]) if credit else key


def _credit_tail(text: str, key: str) -> re.Match[str] | None:
    """A trailing photo credit ("... Picture: Agency"), cheap necessary conditions first."""
    if ":" not in text and "…" not in text and "..." not in text:
        return None
    # ``key`` is the lower case with only punctuation changed, so a credit word is in it,
    # unless the text uses a letter that case-insensitive matching alone reads as i or s.
    if not any(word in key for word in _CREDIT_WORDS) and not _ODD_FOLDS.search(text):
        return None
    return _CREDIT_TAIL.search(text)


def _line(text: str, *, repeated: bool) -> Line:
    """The features of one line (``repeated`` is the page's to say).

    Cached for short lines: menus, footers and legal lines recur on every page of a site,
    often twice on a page, and they are most of a page's lines.
    """
    if len(text) <= MAX_CACHED_CHARS:
        return _cached_line(text, repeated=repeated)
    return _line_features(text, repeated=repeated)


def _line_features(text: str, *, repeated: bool) -> Line:
    key = _keys(text)[0]
    tokens = key.split()
    n = max(len(tokens), _ideographs(text) // CHARS_PER_CJK_WORD)
    stops = word_set("stopwords.txt")
    share = sum(map(stops.__contains__, tokens)) / len(tokens) if tokens else 0.0
    legal = has_phrase("legal.txt", text, tokens)
    lowered = text.lower()
    return Line(
        text=text,
        key=key,
        words=n,
        stop_share=share,
        ends_sentence=bool(_SENTENCE_END.search(text)),
        chrome=is_chrome(text, key, tokens)
        or (n > 1 and _calls_to_action(text, key, tokens))
        or _is_bio(lowered, tokens, stops)
        or (n <= MAX_CHROME_WORDS and anchored_pattern("promos.txt").match(lowered) is not None),
        legal=legal,
        caption=_maybe_caption(text, tokens) and matches_any("captions.txt", lowered),
        repeated=repeated,
    )


_cached_keys = lru_cache(maxsize=LINE_CACHE)(_line_keys)
_cached_line = lru_cache(maxsize=LINE_CACHE)(_line_features)


def _is_bio(lowered: str, tokens: list[str], stops: frozenset[str]) -> bool:
    """True for an author's bio line ("Jane Roe is a staff writer at ...").

    The line must open with a name, not a function word ("The mayor is a former reporter").
    """
    if not tokens or tokens[0] in stops:
        return False
    return anchored_pattern("bios.txt").match(lowered) is not None


def _ideographs(text: str) -> int:
    """How many kana and CJK ideographs ``text`` holds (zero quickly for most text)."""
    if text.isascii():
        return 0
    return len(_IDEOGRAPHS.findall(text))


def _maybe_caption(text: str, tokens: list[str]) -> bool:
    """Cheap pre-check: short lines are captions only with a credit mark ("Foto: X", "©")."""
    return len(tokens) >= MIN_CAPTION_WORDS or ":" in text or "©" in text


def is_chrome(text: str, key: str, tokens: list[str]) -> bool:
    """True for a chrome phrase alone, or leading a short line or a "Phrase: ..." line."""
    if len(tokens) > MAX_CHROME_WORDS:
        return False
    known = phrase_set("chrome_en.txt", "chrome_intl.txt")
    if tokens and tokens[0].isdigit():
        # A count before a label ("11 Comments", "3 Kommentare") is still the label.
        tokens = tokens[1:]
        key = " ".join(tokens)
    if key in known:
        return True
    if not tokens or tokens[0] not in first_words(known):
        return False
    for size in range(1, min(4, len(tokens)) + 1):
        head = " ".join(tokens[:size])
        if head in known and (len(tokens) <= 6 or _labelled(text, size)):
            return True
    return False


def _labelled(text: str, size: int) -> bool:
    """True when the first ``size`` words are followed by a label mark such as ":"."""
    return _LABELLED[size].match(text) is not None


_LABELLED = {
    size: re.compile(rf"^\W*(?:[\w']+\W*?){{{size}}}\s*([:|›»\-–—])") for size in range(1, 5)
}


@cache
def _cta_verbs() -> frozenset[str]:
    return frozenset(section("cta.txt", "verbs"))


def _calls_to_action(text: str, key: str, tokens: list[str]) -> bool:
    """True when the line, or a later sentence of a short line, is a call to action.

    A newsletter box often opens with a teaser sentence ("There's more where that came
    from. Sign up for our newsletter ...").
    """
    if is_call_to_action(key, tokens):
        return True
    if len(tokens) > MAX_CTA_WORDS or ". " not in text:
        return False
    for sentence in _SENTENCE_BREAK.split(text)[1:]:
        key = normalise(sentence)
        if is_call_to_action(key, key.split()):
            return True
    return False


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý])")


def is_call_to_action(key: str, tokens: list[str]) -> bool:
    """True for "Join our channel", "Subscribe to our newsletter" and the like."""
    if not tokens or len(tokens) > MAX_CTA_WORDS:
        return False
    verbs = _cta_verbs()
    if tokens[0] not in first_words(verbs):
        return False
    if not any(" ".join(tokens[:size]) in verbs for size in range(1, min(4, len(tokens)) + 1)):
        return False
    objects = section("cta.txt", "objects")
    present = set(tokens)
    return any(obj in present or (" " in obj and obj in key) for obj in objects)
