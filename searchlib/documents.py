"""Stage 3, documents: an ``Article`` becomes one ``ParagraphDoc`` per body paragraph, and back."""

from __future__ import annotations

from collections.abc import Sequence

from .models import Article, ParagraphDoc


def to_documents(article: Article) -> tuple[ParagraphDoc, ...]:
    """One document per paragraph, each carrying the article's metadata."""
    return tuple(
        ParagraphDoc(
            article_id=article.id,
            position=position,
            text=text,
            title=article.title,
            source=article.source,
            date=article.date,
            authors=article.authors,
            outlet=article.outlet,
            url=article.url,
        )
        for position, text in enumerate(article.paragraphs)
    )


def from_documents(docs: Sequence[ParagraphDoc]) -> Article:
    """The article that ``docs`` (one article's paragraphs, in order) were made from.

    Captions and provenance are not stored per paragraph, so they come back empty.
    """
    first = docs[0]
    return Article(
        id=first.article_id,
        title=first.title,
        paragraphs=tuple(doc.text for doc in docs),
        source=first.source,
        date=first.date,
        authors=first.authors,
        outlet=first.outlet,
        url=first.url,
    )
