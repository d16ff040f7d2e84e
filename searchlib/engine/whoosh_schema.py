"""Whoosh analyzers and schema: how paragraphs are tokenised, normalised and stored.

Matching folds case, accents, curly apostrophes and possessives, and stems with Porter2
(Snowball English), which, unlike Whoosh's default Porter stemmer, undoubles consonants
("running" -> "run").
"""

from __future__ import annotations

from whoosh import fields
from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    SubstitutionFilter,
)
from whoosh.lang.porter2 import stem
from whoosh.support.charset import accent_map

SCHEMA_VERSION = 1
# Words, with inner apostrophes kept so that possessives can be dropped as a whole.
TOKEN_PATTERN = r"\w+(?:['’]\w+)*"
STEM_CACHE = 100_000


def _normalising_analyzer() -> Analyzer:
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | SubstitutionFilter("’", "'")
        | SubstitutionFilter(r"'s$", "")
        | CharsetFilter(accent_map)
    )


def text_analyzer() -> Analyzer:
    """Analyzer of the searchable text fields: normalised words, Porter2 stems."""
    return _normalising_analyzer() | StemFilter(stemfn=stem, cachesize=STEM_CACHE)


def name_analyzer() -> Analyzer:
    """Analyzer of names (outlets, authors): normalised words, not stemmed."""
    return _normalising_analyzer()


def build_schema() -> fields.Schema:
    """The paragraph schema. Only fields that are shown are stored."""
    text = text_analyzer()
    names = name_analyzer()
    return fields.Schema(
        doc_id=fields.ID(unique=True),
        article_id=fields.ID(stored=True),
        position=fields.STORED(),
        title=fields.TEXT(analyzer=text, stored=True),
        text=fields.TEXT(analyzer=text, stored=True),
        outlet=fields.TEXT(analyzer=names, stored=True),
        authors=fields.TEXT(analyzer=names, stored=True),
        outlet_facet=fields.ID(sortable=True),
        author_facet=fields.KEYWORD(commas=True, sortable=True),
        year=fields.ID(sortable=True),
        date=fields.ID(stored=True, sortable=True),
        source=fields.STORED(),
        url=fields.STORED(),
    )


# Query-language fields to schema fields.
FIELD_MAP = {"title": "title", "text": "text", "outlet": "outlet", "author": "authors"}
DEFAULT_FIELDS = ("title", "text")
