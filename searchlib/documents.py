"""Stage 3, documents: an ``Article`` becomes one ``ParagraphDoc`` per body paragraph."""

from __future__ import annotations

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
