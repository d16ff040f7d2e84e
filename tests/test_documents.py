from __future__ import annotations

import datetime as dt

from searchlib.documents import from_documents, to_documents
from searchlib.models import Article


def test_one_document_per_paragraph_with_metadata() -> None:
    article = Article(
        id="a-1",
        title="T",
        paragraphs=("One.", "Two."),
        source="s.txt",
        date=dt.date(2024, 1, 2),
        authors=("A B",),
        outlet="O",
    )
    docs = to_documents(article)
    assert [(d.position, d.text) for d in docs] == [(0, "One."), (1, "Two.")]
    assert {(d.article_id, d.title, d.outlet, d.date, d.authors) for d in docs} == {
        ("a-1", "T", "O", dt.date(2024, 1, 2), ("A B",))
    }


def test_from_documents_round_trips_the_indexed_fields() -> None:
    article = Article(
        id="a-2",
        title="T",
        paragraphs=("One.", "Two.", "Three."),
        source="s.txt",
        date=dt.date(2024, 5, 6),
        authors=("A B", "C D"),
        outlet="O",
        url="https://example.org/a",
    )
    assert from_documents(to_documents(article)) == article
