"""Golden tests on the seed pages: body sentences in, chrome out, metadata right."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import searchlib
from searchlib.errors import SourceError
from searchlib.extraction import extract_page
from searchlib.models import Metadata, Page
from searchlib.read import read_pages

SEED = {
    n: next(Path(__file__).parent.parent.joinpath("seeds").glob(f"{n:03d}_*.txt")) for n in range(5)
}

CHROME = [
    "Listen to this article",
    "Loading audio",
    "Read more:",
    "Skip to content",
    "Navigation",
    "More Latest News",
    "See more",
    "Latest article",
    "Must read",
]


@pytest.mark.parametrize("n", range(5))
def test_no_chrome_in_seed_paragraphs(n: int) -> None:
    article = searchlib.extract(SEED[n])
    for paragraph in article.paragraphs:
        for chrome in CHROME:
            assert not paragraph.startswith(chrome), paragraph


def test_related_headlines_after_the_article_are_dropped() -> None:
    article = searchlib.extract(SEED[0])
    last = article.paragraphs[-1]
    assert last.startswith("But former Prime Minister Boris Johnson")


@pytest.mark.parametrize(
    ("n", "sentence"),
    [
        (0, "The 38-year-old tyrant's government has hidden them in shipments"),
        (1, "Russia has expressed its gratitude to North Korea again"),
        (2, "The UK has sent satellite images to a panel of UN experts"),
        (3, "North Korea said in September it had never supplied arms"),
        (4, "They symbolically gifted each other rifles"),
    ],
)
def test_body_sentences_are_kept(n: int, sentence: str) -> None:
    article = searchlib.extract(SEED[n])
    assert any(p.startswith(sentence) for p in article.paragraphs)


def test_repeated_captions_are_not_body() -> None:
    article = searchlib.extract(SEED[0])
    assert not any(
        p.startswith("Kim Jong Un has backed Putin in Ukraine") for p in article.paragraphs
    )
    assert any(c.startswith("Kim Jong Un has backed Putin") for c in article.captions)


@pytest.mark.parametrize(
    ("n", "title", "date", "authors"),
    [
        (
            0,
            "Kim backs Vlad: North Korea secretly sends Putin",
            dt.date(2022, 11, 2),
            ("Will Taylor",),
        ),
        (1, "Russia hails Pyongyang for supporting its war", dt.date(2024, 3, 1), ()),
        (2, "The Guardian: UK provides evidence", dt.date(2024, 1, 22), ("Olena Mukhina",)),
        (3, "North Korea sending munitions to Russia", None, ()),
        (4, "Putin will travel to North Korea TOMORROW", None, ()),
    ],
)
def test_seed_metadata(n: int, title: str, date: dt.date | None, authors: tuple[str, ...]) -> None:
    article = searchlib.extract(SEED[n])
    assert article.title.startswith(title)
    assert article.date == date
    assert article.authors == authors


@pytest.mark.parametrize(
    ("n", "chrome"),
    [
        (1, "Join our brand new verified"),
        (1, "North Korean leader Kim Jong-un meets with Russian President"),
        (2, "Crates with North Korean ammo are loaded on trains"),
        (3, "Not all news on the site expresses the point of view"),
        (4, "Russian President Vladimir Putin, right, and North Korean leader Kim Jong Un shake"),
        (4, "Russian President Vladimir Putin (R) shakes hands"),
        (4, "FILE: Russian President Vladimir Putin welcomes"),
        (0, "16-year-old boy charged with terror offence"),
        (0, "Read more: Putin 'would be crazy'"),
    ],
    ids=[
        "cta",
        "caption-dated",
        "caption-credit",
        "disclaimer",
        "caption-single",
        "caption-copy",
        "caption-file",
        "related",
        "read-more",
    ],
)
def test_chrome_lines_are_dropped(n: int, chrome: str) -> None:
    article = searchlib.extract(SEED[n])
    assert not any(p.startswith(chrome) for p in article.paragraphs)


@pytest.mark.parametrize("n", range(5))
def test_every_long_sentence_of_the_article_is_kept(n: int) -> None:
    """Lines that end like a sentence and sit between the first and last body line are body."""
    article = searchlib.extract(SEED[n])
    first, last = article.paragraphs[0], article.paragraphs[-1]
    text = read_pages(SEED[n])[0].text
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    inside = lines[lines.index(first) : lines.index(last) + 1]
    expected = [line for line in inside if len(line.split()) >= 12 and line.endswith(".")]
    expected = [line for line in expected if not line.startswith(("Read more", "FILE"))]
    assert set(expected) <= set(article.paragraphs)


def test_page_header_today_date_is_not_the_publication_date() -> None:
    assert searchlib.extract(SEED[4]).date is None


def test_contributed_line_is_not_a_byline() -> None:
    assert searchlib.extract(SEED[3]).authors == ()


def test_supplied_metadata_wins() -> None:
    assert searchlib.extract(SEED[0]).outlet == "LBC"
    article = searchlib.extract(SEED[1])
    assert article.outlet == "American Military News"
    assert article.original_outlet == "Radio Free Asia"
    assert searchlib.extract(SEED[3]).outlet is None


def test_article_id_is_a_stable_slug() -> None:
    first = searchlib.extract(SEED[0])
    again = searchlib.extract(SEED[0])
    assert first.id == again.id
    assert first.id.startswith("kim-backs-vlad")
    assert first.id == first.id.lower() and " " not in first.id


def test_page_without_body_is_a_source_error() -> None:
    with pytest.raises(SourceError, match="no article body"):
        extract_page(Page("x.txt", "Menu\nHome\nContact"))


def test_html_page_is_extracted() -> None:
    html = (
        "<html><head><title>Big news | Outlet</title></head><body><nav>Home News</nav>"
        "<h1>Big news</h1><p>By Jane Roe</p>"
        "<p>The council approved the new budget on Tuesday after a long debate in the chamber.</p>"
        "<script>var x = 1;</script></body></html>"
    )
    article = extract_page(Page("x.html", html, kind="html", supplied=Metadata(outlet="O")))
    assert article.title == "Big news"
    assert article.paragraphs == (
        "The council approved the new budget on Tuesday after a long debate in the chamber.",
    )
    assert article.authors == ("Jane Roe",)
    assert article.outlet == "O"
