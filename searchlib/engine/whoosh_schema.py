"""Whoosh analyzers and schema: how paragraphs are tokenised, normalised and stored.

Matching folds case, accents, curly apostrophes and possessives, splits hyphenated words
("Jong-un" is "jong un"), and stems with the Snowball English (Porter2) stemmer of
PyStemmer, a C implementation that, unlike Whoosh's Porter stemmer, undoubles consonants
("running" -> "run") and is many times faster than Whoosh's pure-Python Porter2.

A hyphenated compound is indexed as its parts and, written together, as one word
("anti-tumor" also as "antitumor"), so a query spelling it solid finds it.

One document per paragraph. ``content`` is what plain words search: the paragraph's text,
and on the article's first paragraph only, its headline too; the ``title`` field, searched
beside it with a small boost, is also set on the first paragraph only, which ``lead``
marks. So a headline match lifts the article once instead of tying every paragraph of it.
``headline`` stores the headline of every paragraph for display.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

import Stemmer
from whoosh import fields, scoring
from whoosh.analysis import Analyzer, Filter, RegexTokenizer, Tokenizer
from whoosh.analysis.acore import Token
from whoosh.searching import Searcher
from whoosh.support.charset import accent_map

# Words, with inner apostrophes kept so that possessives can be dropped as a whole.
TOKEN_PATTERN = r"\w+(?:['’]\w+)*"
# Hyphen-minus, hyphen and non-breaking hyphen join the words of a compound.
HYPHENS = "-\u2010\u2011"
STEM_CACHE = 200_000
STEM_LANGUAGE = "english"


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    stemmer = Stemmer.Stemmer(STEM_LANGUAGE)
    stemmer.maxCacheSize = STEM_CACHE
    return stemmer


class SnowballFilter(Filter):  # type: ignore[misc]
    """Stems each token with PyStemmer's Snowball stemmer (skipped when ``no_morph``)."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        stem = _stemmer().stemWord
        for token in tokens:
            if not getattr(token, "no_morph", False):
                token.text = stem(token.text)
            yield token


CURLY_APOSTROPHE = "’"
POSSESSIVE = "'s"
PLURAL_S = "s"


class NormaliseFilter(Filter):  # type: ignore[misc]
    """Lower-cases each token, straightens a curly apostrophe, drops a possessive "'s" and
    folds accents ("Café’s" -> "cafe").

    One filter instead of a chain of regex substitutions and a character map: those ran
    on every token, while most tokens are plain ASCII words without an apostrophe, which
    need lower-casing only. Analysing 50k real paragraphs: 2.05 -> 1.25 s CPU (about 4%
    of indexing time).

    With ``acronym_plurals``, the plural "s" of an acronym is dropped too ("RNAs", "MPs",
    "NGOs" -> "rna", "mp", "ngo"): the Snowball stemmer keeps it after a stem without an
    inner vowel, so "RNAs" never matched "RNA" (Porter, used by Lucene and SQLite FTS5,
    drops it). It is decided by case, before lower-casing.
    """

    def __init__(self, *, acronym_plurals: bool = False) -> None:
        # An instance attribute, so that the pickled schema of an index records it and an
        # index analysed without it is seen as outdated (Whoosh compares filters' dicts).
        self.acronym_plurals = acronym_plurals

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        acronyms = self.acronym_plurals
        for token in tokens:
            text = token.text
            if acronyms and _is_acronym_plural(text):
                text = text[: -len(PLURAL_S)]
            text = text.lower()
            plain = text.isascii()
            if not plain:
                text = text.replace(CURLY_APOSTROPHE, "'")
            if text.endswith(POSSESSIVE):
                text = text[: -len(POSSESSIVE)]
            if not plain:
                text = text.translate(accent_map)
            token.text = text
            yield token


def _is_acronym_plural(text: str) -> bool:
    """True for a word ending in a lower-case "s" after two capitals ("RNAs", "miRNAs")."""
    return len(text) > 2 and text.endswith(PLURAL_S) and text[-3:-1].isupper()


class CompoundTokenizer(Tokenizer):  # type: ignore[misc]
    """Words, as ``TOKEN_PATTERN`` finds them; when indexing, a hyphenated compound
    ("anti-tumor", "K-Ras", "COVID-19") also yields its words written together
    ("antitumor", "KRas", "COVID19") at the position of its last word.

    So a query that writes a compound solid finds it hyphenated (Lucene's word delimiter
    filter catenates words the same way). Queries are tokenised without the joined form,
    so a quoted phrase keeps its word positions and a typed "anti-tumor" is not counted
    three times. Measured with bench/relevance.py: SciFact nDCG@10 +0.004, Cranfield +0.003.
    """

    def __init__(self) -> None:
        # An instance attribute, so that an index joined at other characters is outdated.
        self.hyphens = HYPHENS

    def __eq__(self, other: object) -> bool:
        return self.__class__ is other.__class__ and self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((self.__class__, self.hyphens))

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        start_pos: int = 0,
        start_char: int = 0,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        if mode != "index" or not _hyphen_inside_word(self.hyphens).search(value):
            # Most paragraphs (four in five of news): Whoosh's own loop, the fastest.
            return _PLAIN_WORDS(  # type: ignore[no-any-return]
                value,
                positions,
                chars,
                start_pos=start_pos,
                start_char=start_char,
                mode=mode,
                **kwargs,
            )
        kwargs.pop("tokenize", None)
        token = Token(positions, chars, mode=mode, **kwargs)
        return self._with_compounds(value, token, start_pos, start_char)

    def _with_compounds(
        self, value: str, token: Token, pos: int, start_char: int
    ) -> Iterator[Token]:
        for match in _words_or_compounds(self.hyphens).finditer(value):
            if match.lastgroup != _COMPOUND:
                # Written out: a function call per word costs a third of the tokenising.
                token.text = match.group()
                token.boost = 1.0
                token.stopped = False
                if token.positions:
                    token.pos = pos
                if token.chars:
                    token.startchar = start_char + match.start()
                    token.endchar = start_char + match.end()
                yield token
                pos += 1
                continue
            base = start_char + match.start()
            for word in _WORD.finditer(match.group()):
                yield _token(token, word.group(), pos, base + word.start(), base + word.end())
                pos += 1
            joined = match.group().translate(_unhyphen(self.hyphens))
            yield _token(token, joined, pos - 1, base, start_char + match.end())


def _token(token: Token, text: str, pos: int, start: int, end: int) -> Token:
    token.text = text
    token.boost = 1.0
    token.stopped = False
    if token.positions:
        token.pos = pos
    if token.chars:
        token.startchar, token.endchar = start, end
    return token


_WORD = re.compile(TOKEN_PATTERN)
_PLAIN_WORDS = RegexTokenizer(TOKEN_PATTERN)
_COMPOUND = "compound"
# Possessive quantifiers: a word without a hyphen fails the compound branch at once
# instead of backtracking through its letters.
_POSSESSIVE_WORD = r"\w++(?:['’]\w++)*+"


@lru_cache(maxsize=4)
def _words_or_compounds(hyphens: str) -> re.Pattern[str]:
    compound = rf"{_POSSESSIVE_WORD}(?:[{hyphens}]{_POSSESSIVE_WORD})++"
    return re.compile(rf"(?P<{_COMPOUND}>{compound})|{TOKEN_PATTERN}")


@lru_cache(maxsize=4)
def _compounds(hyphens: str) -> re.Pattern[str]:
    # Anchored at a word's start, so that the scan skips words without a hyphen in C.
    return re.compile(rf"(?<!\w){_POSSESSIVE_WORD}(?:[{hyphens}]{_POSSESSIVE_WORD})++")


@lru_cache(maxsize=4)
def _hyphen_inside_word(hyphens: str) -> re.Pattern[str]:
    return re.compile(rf"\w[{hyphens}]\w")


@lru_cache(maxsize=4)
def _unhyphen(hyphens: str) -> dict[int, int | None]:
    return str.maketrans("", "", hyphens)


def _normalising_analyzer(*, acronym_plurals: bool = False) -> Analyzer:
    return CompoundTokenizer() | NormaliseFilter(acronym_plurals=acronym_plurals)


def text_analyzer() -> Analyzer:
    """Analyzer of the searchable text fields: normalised words, Snowball stems."""
    return _normalising_analyzer(acronym_plurals=True) | SnowballFilter()


def name_analyzer() -> Analyzer:
    """Analyzer of names (outlets, authors): normalised words, not stemmed."""
    return _normalising_analyzer()


def build_schema() -> fields.Schema:
    """The paragraph schema. Only fields that are shown are stored.

    Paragraphs have no id field of their own: updates delete whole articles by
    ``article_id``, and a unique term per paragraph cost 6% of build time.
    """
    text = text_analyzer()
    names = name_analyzer()
    return fields.Schema(
        article_id=fields.ID(stored=True, sortable=True),
        position=fields.STORED(),
        content=fields.TEXT(analyzer=text),
        title=fields.TEXT(analyzer=text),
        lead=fields.ID(),
        headline=fields.STORED(),
        text=fields.STORED(),
        outlet=fields.TEXT(analyzer=names, stored=True),
        authors=fields.TEXT(analyzer=names, stored=True),
        outlet_facet=fields.ID(sortable=True),
        author_facet=fields.KEYWORD(commas=True, sortable=True),
        year=fields.ID(sortable=True),
        date=fields.ID(stored=True, sortable=True),
        source=fields.STORED(),
        url=fields.STORED(),
    )


_TEXT_ANALYZER = text_analyzer()


@lru_cache(maxsize=STEM_CACHE)
def index_form(word: str) -> str:
    """The indexed form of one word, as ``text_analyzer`` makes it; cached, because
    snippets and stop words analyse the same words again and again."""
    tokens = [token.text for token in _TEXT_ANALYZER(word)]
    return tokens[0] if len(tokens) == 1 else word


def match_spans(text: str, terms: frozenset[str]) -> tuple[tuple[int, int], ...]:
    """Character spans of the words of ``text`` whose indexed form is one of ``terms``; a
    hyphenated compound whose joined form is one of them is one span."""
    if not terms:
        return ()
    spans = [w.span() for w in _WORD.finditer(text) if index_form(w.group()) in terms]
    joined = [
        m.span()
        for m in _compounds_in(text)
        if index_form(m.group().translate(_unhyphen(HYPHENS))) in terms
    ]
    if not joined:
        return tuple(spans)
    inside = [s for s in spans if any(lo <= s[0] and s[1] <= hi for lo, hi in joined)]
    return tuple(sorted(set(spans) - set(inside) | set(joined)))


# How far before a hyphen the search for its compound starts: longer first words are
# not found (their compound is not marked as one).
WORD_REACH = 64


def _compounds_in(text: str) -> Iterator[re.Match[str]]:
    """The hyphenated compounds of ``text``, each once.

    Hyphens are found with ``str.find`` and the regex starts just before each one: a regex
    scan of the whole paragraph cost a tenth of a 100-hit search on SciFact.
    """
    compounds = _compounds(HYPHENS)
    hyphens = sorted(i for h in HYPHENS for i in _positions(text, h))
    end = 0
    for at in hyphens:
        if at < end:
            continue  # inside the compound found last
        found = compounds.search(text, max(end, at - WORD_REACH))
        if found is None:
            return
        end = found.end()
        yield found


def _positions(text: str, char: str) -> Iterator[int]:
    at = text.find(char)
    while at != -1:
        yield at
        at = text.find(char, at + 1)


def load_words(name: str) -> frozenset[str]:
    """The indexed forms of the words of a list in ``searchlib/data`` (# starts a comment)."""
    text = resources.files("searchlib").joinpath("data", name).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return frozenset(index_form(line) for line in lines if line and not line.startswith("#"))


# -- ranking -----------------------------------------------------------------------------

# Tuned on the relevance benchmark (bench/relevance.py); see docs/query-language.md.
BM25_K1 = 1.5
BM25_B = 0.75


class LuceneBM25(scoring.WeightingModel):  # type: ignore[misc]
    """BM25 with the probabilistic IDF of Lucene and Anserini.

    Whoosh's own BM25F uses the TF-IDF IDF ``log(N / (df + 1)) + 1``, which weighs common
    words too heavily for long natural-language queries.
    """

    def __init__(self, k1: float = BM25_K1, b: float = BM25_B) -> None:
        self.k1 = k1
        self.b = b

    def supports_block_quality(self) -> bool:
        return True

    def scorer(self, searcher: Searcher, fieldname: str, text: bytes, qf: int = 1) -> Any:
        if not searcher.schema[fieldname].scorable:
            return scoring.WeightScorer.for_(searcher, fieldname, text)
        return _BM25Scorer(searcher, fieldname, text, self.k1, self.b)


class _BM25Scorer(scoring.WeightLengthScorer):  # type: ignore[misc]
    def __init__(self, searcher: Searcher, fieldname: str, text: bytes, k1: float, b: float):
        parent = searcher.get_parent()
        docs = _documents_with(parent, fieldname)
        df = parent.doc_frequency(fieldname, text)
        idf = math.log(1 + (docs - df + 0.5) / (df + 0.5))
        avgfl = parent.field_length(fieldname) / docs or 1
        self._top = idf * (k1 + 1)
        self._fixed = k1 * (1 - b)
        self._per_length = k1 * b / avgfl
        self.setup(searcher, fieldname, text)

    def _score(self, weight: float, length: float) -> float:
        return float(self._top * weight / (weight + self._fixed + self._per_length * length))


# Fields set on an article's first paragraph only, which the ``lead`` field marks. Their
# IDF and average length are taken over first paragraphs: over every paragraph (Whoosh's
# way), a headline word would look rarer and a headline longer the more paragraphs
# articles have, so the weight of a headline match would depend on article length.
FIRST_PARAGRAPH_FIELDS = frozenset({"title"})
LEAD_FIELD = "lead"
LEAD_TERM = "1"


def _documents_with(searcher: Searcher, fieldname: str) -> int:
    """How many documents can hold ``fieldname``: the collection size for BM25's IDF."""
    if fieldname in FIRST_PARAGRAPH_FIELDS:
        leads = int(searcher.doc_frequency(LEAD_FIELD, LEAD_TERM))
        if leads:
            return leads
    return max(1, int(searcher.doc_count_all()))


# Query-language fields to schema fields.
FIELD_MAP = {"title": "title", "text": "content", "outlet": "outlet", "author": "authors"}
DEFAULT_FIELDS = ("content",)
