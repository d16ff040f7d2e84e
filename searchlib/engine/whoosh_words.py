"""Words as the index holds them and as pages write them: spelling suggestions, and the
written form of a stem (for "did you mean" and for the words feedback added)."""

from __future__ import annotations

from whoosh import query as wq
from whoosh.searching import Searcher

from .whoosh_query import SCHEMA, analyze

SUGGEST_MIN_LENGTH = 3


def suggest_word(searcher: Searcher, word: str) -> str | None:
    """The most frequent indexed word within one or two edits of ``word``, as written.

    The index holds stems, so the suggestion is found among stems, then shown as a paragraph
    holding it writes it; this needs no extra field at index time.
    """
    stems = analyze("content", word)
    if len(stems) != 1 or len(stems[0]) < SUGGEST_MIN_LENGTH:
        return None
    reader = searcher.reader()
    known = reader.doc_frequency("content", stems[0])
    distance = 1 if len(stems[0]) < 6 else 2
    candidates = [
        (reader.doc_frequency("content", c), c)
        for c in reader.terms_within("content", stems[0], distance, prefix=1)
        if c != stems[0]
    ]
    if not candidates or max(candidates)[0] <= known:
        return None
    return surface(searcher, max(candidates)[1])


def surface(searcher: Searcher, stem: str) -> str | None:
    """How a paragraph holding ``stem`` writes it (lower-cased)."""
    for docnum in searcher.docs_for_query(wq.Term("content", stem)):
        stored = searcher.stored_fields(docnum)
        for source in (stored["text"], stored["headline"]):
            for token in SCHEMA["content"].analyzer(source, chars=True, mode="query"):
                if token.text == stem:
                    return str(source[token.startchar : token.endchar]).lower()
    return None
