"""Unit tests for extraction/authors.py: bylines in, person names out."""

from __future__ import annotations

import pytest

from searchlib.extraction.authors import find_authors
from searchlib.extraction.bylines import byline_names
from searchlib.extraction.names import clean_names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Roe", ("Jane Roe",)),
        ("byJane Roe", ("Jane Roe",)),
        ("By Jane Roe and John Doe", ("Jane Roe", "John Doe")),
        ("Written by Jane Roe", ("Jane Roe",)),
        ("Posted on 4 May 2023 by Jane Roe", ("Jane Roe",)),
        ("By JANE ROE", ("Jane Roe",)),
        ("Von Erika Mustermann", ("Erika Mustermann",)),
        ("By Jane Roe, Transport Correspondent", ("Jane Roe",)),
        ("By Editorial Staff", ()),
        ("By admin", ()),
        ("Jane Roe contributed reporting.", ()),
        ("This article was originally published by Some Radio Network.", ()),
        ("von Erika Mustermann13.12.2022 - 08:13 Uhr", ("Erika Mustermann",)),
        ("By Jane Roe Twitter Account of Jane Roe", ("Jane Roe",)),
    ],
    ids=lambda v: str(v),
)
def test_byline_names(line: str, names: tuple[str, ...]) -> None:
    assert byline_names(line) == names


def test_bare_byline_word_takes_the_next_line() -> None:
    assert byline_names("von", "Erika Mustermann, Online-Redaktion") == ("Erika Mustermann",)


def test_reporting_by_after_the_body() -> None:
    lines = ["Headline", "Body one.", "Body two.", "Reporting by Jane Roe; Editing by John Doe"]
    assert find_authors(lines, anchor=0, body_start=1, body_end=3) == ("Jane Roe",)


def test_clean_names_drops_duplicates_and_roles() -> None:
    assert clean_names("Jane Roe, Jane Roe and Newsroom Staff") == ("Jane Roe",)


@pytest.mark.parametrize(
    ("line", "following", "names"),
    [
        ("Posted on 2015-04-05 by jdoe | Leave a comment", "", ("jdoe",)),
        ("By", "jdoe", ("jdoe",)),
        ("By", "admin", ()),
        ("Dienstag, 4. Mai 2023", "", ()),
        ("Partnerangebote", "", ()),
        ("Text von Jane Roe     Illustration von John Doe", "", ("Jane Roe",)),
    ],
    ids=["inline-handle", "bare-by-handle", "bare-by-role", "word-starting-di", "par", "spaces"],
)
def test_byline_edge_cases(line: str, following: str, names: tuple[str, ...]) -> None:
    assert byline_names(line, following)[:1] == names


@pytest.mark.parametrize(
    ("lines", "names"),
    [
        (["Headline here", "Jane Roe", "Jane Roe", "Body."], ("Jane Roe",)),
        (["Headline here", "Eingestellt von", "jdoe", "Body."], ("jdoe",)),
        (["Headline here", "Christoph von Eichhorn ist tot", "Body."], ()),
    ],
    ids=["author-box", "bare-german-byline", "von-in-a-name"],
)
def test_find_authors_near_the_headline(lines: list[str], names: tuple[str, ...]) -> None:
    assert find_authors(lines, anchor=0, body_start=len(lines) - 1, body_end=len(lines)) == names


def test_explicit_byline_beats_a_bare_name_nearer_the_headline() -> None:
    lines = ["Headline here", "Market News", "4 May 2023", "Von Erika Mustermann", "Body."]
    assert find_authors(lines, anchor=0, body_start=4, body_end=5) == ("Erika Mustermann",)


@pytest.mark.parametrize(
    ("lines", "names"),
    [
        (["Headline here", "Jane Roe", "Body."], ("Jane Roe",)),
        (["Headline here", "Deutsche Sprache", "Body."], ()),
        (["Headline here", "Weather", "4 May 2023", "Body."], ()),
        (["Headline here", "jdoe", "4 May 2023", "Body."], ("jdoe",)),
        (["Headline here", "By", "jdoe_0450 (1)", "Jane Roe", "Body."], ("Jane Roe",)),
    ],
    ids=["given-name", "capitalised-label", "label-beside-date", "handle-beside-date", "photo"],
)
def test_bare_names_under_the_headline(lines: list[str], names: tuple[str, ...]) -> None:
    assert find_authors(lines, anchor=0, body_start=len(lines) - 1, body_end=len(lines)) == names


def test_photo_credit_is_not_the_author() -> None:
    assert byline_names("Photo by Jane Roe") == ()


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Autor:innen", ()),
        ("Theme: Simple von Themer. Powered by Blogware.", ()),
        ("Von der Roe besucht die Hauptstadt", ()),
        ("Autor: Jane Roe", ("Jane Roe",)),
    ],
    ids=["gender-colon", "sentence-in-name", "lower-case-particle-first", "colon-byline"],
)
def test_byline_lookalikes(line: str, names: tuple[str, ...]) -> None:
    assert byline_names(line) == names


@pytest.mark.parametrize(
    ("tail", "names"),
    [
        (["Last paragraph of the article.", "— Jane Roe"], ("Jane Roe",)),
        (["Last paragraph of the article.", "Jane Roe"], ("Jane Roe",)),
        (["Last paragraph of the article.", "Market News"], ()),
    ],
    ids=["dash", "given-name", "label"],
)
def test_signature_after_the_body(tail: list[str], names: tuple[str, ...]) -> None:
    lines = ["Headline here", "First paragraph of the article.", *tail]
    assert find_authors(lines, anchor=0, body_start=1, body_end=3) == names


def test_several_bare_names_under_the_headline() -> None:
    lines = ["Headline here", "Jane Roe, John Doe and Maria Lopez", "Body."]
    assert find_authors(lines, anchor=0, body_start=2, body_end=3) == (
        "Jane Roe",
        "John Doe",
        "Maria Lopez",
    )


@pytest.mark.parametrize(
    ("line", "following", "names"),
    [
        ("Autor: Rechtsanwalt Jane Roe", (), ("Jane Roe",)),
        ("| By", ("Jane Roe |",), ("Jane Roe",)),
        ("Submitted by jdoe on 4 May 2023", (), ("jdoe",)),
    ],
    ids=["leading-role", "bar-before-by", "submitted-by"],
)
def test_more_byline_shapes(line: str, following: tuple[str, ...], names: tuple[str, ...]) -> None:
    assert byline_names(line, *following) == names


def test_byline_below_a_headline_found_below_the_body_start() -> None:
    lines = ["Teaser text that was taken for the body start.", "Headline here", "x", "y", "z"]
    lines += ["w", "v", "Von Erika Mustermann", "Body."]
    assert find_authors(lines, anchor=1, body_start=0, body_end=len(lines)) == ("Erika Mustermann",)


@pytest.mark.parametrize(
    ("footer", "names"),
    [
        ("© 2009-2012 Jane Roe. Imprint & Privacy", ("Jane Roe",)),
        ("COPYRIGHT JANE ROE | ALL RIGHTS RESERVED", ("Jane Roe",)),
        ("© 2024 Daily Paper Media. All rights reserved.", ()),
        ("©2020 - Jane Roe - SOME BRAND®", ("Jane Roe",)),
        ("(c) Jane Roe • More rights: see the imprint", ("Jane Roe",)),
        ("This blog by Jane Roe is licensed under a Creative Commons licence.", ("Jane Roe",)),
        ("© 2024 Jane Roe Verlag GmbH", ()),
        ("– 2009-2020 by Jane Roe", ("Jane Roe",)),
    ],
    ids=["person", "capitals", "company", "dashes", "bullet", "licence", "legal-form", "years-by"],
)
def test_copyright_holder_of_a_one_person_site(footer: str, names: tuple[str, ...]) -> None:
    lines = ["Headline here", "The only paragraph of the article is here.", "Menu", footer]
    assert find_authors(lines, anchor=0, body_start=1, body_end=2) == names


def _head(*between: str) -> tuple[str, ...]:
    """The authors of a page: a headline, the lines ``between``, then the body."""
    lines = ["Headline here", *between, "The first paragraph of the article is here."]
    return find_authors(lines, anchor=0, body_start=len(lines) - 1, body_end=len(lines))


@pytest.mark.parametrize(
    ("between", "names"),
    [
        (("4 May 2023 | Autor: jdoe | Filed under: News",), ("jdoe",)),
        (("Jane Roe | 4 May 2023 | Politics",), ("Jane Roe",)),
        (("Von Jane Roe | 4 May 2023 | Updated: 5 May 2023, 8:54 AM GMT+1 | News",), ("Jane Roe",)),
        (("4 May 2023 Jane Roe Leave a comment",), ("Jane Roe",)),
        (("Posted on 4 May 20234 May 2023AuthorJane Roe4 Comments",), ("Jane Roe",)),
        (("Jane Roe@JaneByRoe", "4 May 2023"), ("Jane Roe",)),
    ],
    ids=["field-byline", "field-name", "long-meta-line", "name-after-date", "glued", "handle"],
)
def test_bylines_inside_meta_lines(between: tuple[str, ...], names: tuple[str, ...]) -> None:
    assert _head(*between) == names


@pytest.mark.parametrize(
    ("between", "names"),
    [
        (("Words written by", "Jane Roe"), ("Jane Roe",)),
        (("Ein Angebot von", "TV GUIDE"), ()),
        (("Ein Dienst von:", "example.org - the portal"), ()),
        (("Alternate Text", "Log in"), ()),
    ],
    ids=["words-by", "offer-of", "service-of", "text-is-no-byline-at-the-end"],
)
def test_short_line_ending_in_a_byline_word(
    between: tuple[str, ...], names: tuple[str, ...]
) -> None:
    assert _head(*between) == names


@pytest.mark.parametrize(
    ("between", "names"),
    [
        (("Jane Roe", "—", "4 May 2023"), ("Jane Roe",)),
        (("Jane", "4 May 2023"), ("Jane",)),
        (("Sports", "4 May 2023"), ()),
        (("Jane Roe", "jane.roe@example.org"), ("Jane Roe",)),
        (("Release:", "-", "4 May 2023"), ()),
        (("Weekly Roundup 11.18.19",), ()),
        (("The Daily Paper", "4 May 2023"), ()),
    ],
    ids=["dash-line", "given-name-alone", "label", "e-mail", "label-colon", "label-dated", "title"],
)
def test_bare_names_where_bylines_are_printed(
    between: tuple[str, ...], names: tuple[str, ...]
) -> None:
    assert _head(*between) == names


def test_a_dated_name_beats_a_bare_name_nearer_the_headline() -> None:
    lines = ["Maria Lopez", "Headline here", "A standfirst.", "John Doe", "4 May 2023", "Body."]
    assert find_authors(lines, anchor=1, body_start=5, body_end=6) == ("John Doe",)


@pytest.mark.parametrize(
    ("after", "names"),
    [
        (["About the author", "Jane Roe"], ("Jane Roe",)),
        (["Share", "Autor", "Jane Roe (Medizinredakteurin)"], ("Jane Roe",)),
        (["Über Jane", "Ich bin Jane und schreibe hier über Katzen."], ("Jane",)),
        (["More from Jane Roe →"], ("Jane Roe",)),
        (["More from Politics", "About Us"], ()),
    ],
    ids=["label", "byline-word", "about-given-name", "more-from", "sections"],
)
def test_author_box_after_the_article(after: list[str], names: tuple[str, ...]) -> None:
    lines = ["Headline here", "The only paragraph of the article is here.", *after]
    assert find_authors(lines, anchor=0, body_start=1, body_end=2) == names


@pytest.mark.parametrize(
    ("after", "names"),
    [
        (["Share this", "Text: Jane Roe"], ("Jane Roe",)),
        (["Share this", "December 26, 2019 von jdoe"], ("jdoe",)),
        (["Related", "Girl, 8, rescued by police in dramatic footage"], ()),
        (["Related", "Das Buch «Unterwegs» von Jane Roe"], ()),
        (["Posted by", "admin"], ()),
    ],
    ids=["colon-byline", "dated-handle", "headline-by", "headline-von", "no-handle-after"],
)
def test_byline_after_the_article(after: list[str], names: tuple[str, ...]) -> None:
    body = [f"Paragraph {n} of the article, long enough to be body text." for n in range(12)]
    lines = ["Headline here", *body, *after]
    assert find_authors(lines, anchor=0, body_start=1, body_end=len(body) + 1) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Text & Fotos: Jane Roe", ("Jane Roe",)),
        ("Kolumnist*in: Jane Roe", ("Jane Roe",)),
        ("Photograph by Jane Roe, Some Programme", ()),
    ],
    ids=["text-and-photos", "columnist", "photograph"],
)
def test_more_byline_words(line: str, names: tuple[str, ...]) -> None:
    assert byline_names(line) == names


@pytest.mark.parametrize(
    ("between", "names"),
    [
        (("4 May 2023 | 10:15 | Jane Roe",), ("Jane Roe",)),
        (("4 May 2023 jdoe Leave a comment",), ("jdoe",)),
        (
            ("Jane Roe, John Doe and Maria Lopez", "x", "y", "z", "w"),
            ("Jane Roe", "John Doe", "Maria Lopez"),
        ),
        (("Market News", "x", "y", "z", "Jane Roe"), ()),
    ],
    ids=["name-after-time", "handle-after-date", "list-further-down", "single-name-far-down"],
)
def test_more_bare_names(between: tuple[str, ...], names: tuple[str, ...]) -> None:
    assert _head(*between) == names


def test_byline_on_its_own_line_inside_the_body() -> None:
    body = [f"Paragraph {n} of the article, long enough to be body text." for n in range(12)]
    lines = ["Headline here", *body[:10], "Von Jane Roe", *body[10:]]
    assert find_authors(lines, anchor=0, body_start=1, body_end=len(lines)) == ("Jane Roe",)


def test_signature_beside_a_date_after_the_article() -> None:
    body = [f"Paragraph {n} of the article, long enough to be body text." for n in range(12)]
    lines = ["Headline here", *body, "Jane", "10 September 2017", "Imprint"]
    assert find_authors(lines, anchor=0, body_start=1, body_end=len(body) + 1) == ("Jane",)


def test_author_box_label_over_a_link_then_the_name() -> None:
    lines = ["Headline here", "The only paragraph of the article is here."]
    lines += ["About the author", "All articles", "Jane"]
    assert find_authors(lines, anchor=0, body_start=1, body_end=2) == ("Jane",)


@pytest.mark.parametrize(
    ("line", "following", "names"),
    [
        ("By Jane RoeStaff Writer", (), ("Jane Roe",)),
        ("By", ("Jane Roe", "and", "John Doe"), ("Jane Roe", "John Doe")),
        ("Von", ("Jane Roe und", "John Doe"), ("Jane Roe", "John Doe")),
        ("von Jane_Roe Veröffentlicht am 11. Juni 2019", (), ("Jane_Roe",)),
        ("Text vorlesen", (), ()),
        ("Text: jdoe", (), ("jdoe",)),
        ("Veröffentlicht von jdoe", (), ("jdoe",)),
    ],
    ids=[
        "glued-role",
        "and-on-its-own-line",
        "und-ending-a-line",
        "underscore-handle",
        "text-button",
        "text-colon-handle",
        "verb-byline-handle",
    ],
)
def test_byline_text_shapes(line: str, following: tuple[str, ...], names: tuple[str, ...]) -> None:
    assert byline_names(line, *following) == names


@pytest.mark.parametrize(
    ("between", "names"),
    [
        (("Jane Roe", "am", "4 May 2023"), ("Jane Roe",)),
        (("Jane Roe", "Chefredakteurin"), ("Jane Roe",)),
        (("Market News", "Chefredakteurin"), ()),
    ],
    ids=["connector-before-date", "job-title-below", "label-above-job-title"],
)
def test_bare_name_beside_a_date_or_title(between: tuple[str, ...], names: tuple[str, ...]) -> None:
    assert _head(*between) == names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("ByJ.R. Roe", ("J.R. Roe",)),
        ("Ein Interview von Jane Roe mit John Doe.", ("Jane Roe",)),
        ("Text: red", ()),
        ("By Jane Roe, AP", ("Jane Roe",)),
    ],
    ids=["glued-initials", "interview-with", "newsroom-abbreviation", "wire-service"],
)
def test_byline_names_and_what_follows(line: str, names: tuple[str, ...]) -> None:
    assert byline_names(line) == names


def test_colon_byline_in_an_author_box_far_below() -> None:
    body = [f"Paragraph {n} of the article, long enough to be body text." for n in range(3)]
    chrome = [f"Menu entry {n}" for n in range(20)]
    lines = ["Headline here", *body, *chrome, "Autor: Jane Roe", "Quelle: Some Agency"]
    assert find_authors(lines, anchor=0, body_start=1, body_end=4) == ("Jane Roe",)


@pytest.mark.parametrize(
    ("between", "names"),
    [
        (("Jane Roe | Publicado hace 3 horas",), ("Jane Roe",)),
        (("Jane Roe", "vor 2 Stunden"), ("Jane Roe",)),
        (("Jane Mary Roe | 4 May 2023",), ("Jane Mary Roe",)),
    ],
    ids=["relative-date-es", "relative-date-de", "three-word-name-before-date"],
)
def test_names_beside_relative_dates(between: tuple[str, ...], names: tuple[str, ...]) -> None:
    assert _head(*between) == names


def test_author_box_label_and_name_on_one_line() -> None:
    lines = ["Headline here", "The only paragraph of the article is here."]
    lines += ["About the Author - Jane Roe", "Hi! My name is Jane."]
    assert find_authors(lines, anchor=0, body_start=1, body_end=2) == ("Jane Roe",)


@pytest.mark.parametrize(
    ("far", "names"),
    [
        ("Von Jane Roe | 4 May 2023 | News, Politics | 3 comments so far", ("Jane Roe",)),
        ("Verfasst von: jdoe | 4 May 2023", ("jdoe",)),
        ("By June 2016, most of the code was ported", ()),
        ("Posted by jdoe", ()),
    ],
    ids=["byline-field", "colon-handle", "month-after-by", "handle-without-colon"],
)
def test_byline_far_from_a_misplaced_headline(far: str, names: tuple[str, ...]) -> None:
    assert _far_from_the_headline(far) == names


@pytest.mark.parametrize(
    ("far", "names"),
    [(("Von", "Jane Roe"), ("Jane Roe",)), (("Von", "Neueste Beiträge"), ())],
    ids=["name", "label"],
)
def test_bare_byline_word_far_from_the_headline(
    far: tuple[str, ...], names: tuple[str, ...]
) -> None:
    assert _far_from_the_headline(*far) == names


@pytest.mark.parametrize(
    ("between", "names"),
    [
        (("作者：", "王小明"), ("王小明",)),
        (("责任编辑：王小明",), ("王小明",)),
        (("编辑：记者王小明",), ("王小明",)),
    ],
    ids=["label-over-name", "label-and-name", "glued-role"],
)
def test_chinese_bylines(between: tuple[str, ...], names: tuple[str, ...]) -> None:
    assert _head(*between) == names


def test_name_with_its_job_title_after_the_article() -> None:
    body = [f"Paragraph {n} of the article, long enough to be body text." for n in range(12)]
    lines = ["Headline here", *body, "Tags: politics", "Jane Roe Autorin", "Imprint"]
    assert find_authors(lines, anchor=0, body_start=1, body_end=len(body) + 1) == ("Jane Roe",)


@pytest.mark.parametrize(
    ("box", "names"),
    [
        (["Jane Roe", "Chefredakteurin"], ("Jane Roe",)),
        (["Jane Roe", "jane.roe@example.org"], ("Jane Roe",)),
        (["Riverside News", "Obituaries"], ()),
        (["Jane Roe", "News"], ()),
    ],
    ids=["job-title", "e-mail", "section-label", "section-below"],
)
def test_author_box_far_from_a_misplaced_headline(box: list[str], names: tuple[str, ...]) -> None:
    assert _far_from_the_headline(*box) == names


def _far_from_the_headline(*far: str) -> tuple[str, ...]:
    """The authors of a page whose lines ``far`` are 30 menu lines above headline and body."""
    menu = [f"Menu entry {n}" for n in range(30)]
    body = [f"Paragraph {n} of the article, long enough to be body text." for n in range(3)]
    lines = [*menu[:2], *far, *menu[2:], "Headline here", *body]
    start = len(lines) - len(body)
    return find_authors(lines, anchor=start - 1, body_start=start, body_end=len(lines))


def test_press_contact_signs_a_press_release() -> None:
    lines = ["Headline here", "The only paragraph of the press release is here."]
    lines += ["Pressekontakt", "Dr. Jane Roe", "Tel. +49 30 123456"]
    assert find_authors(lines, anchor=0, body_start=1, body_end=2) == ("Dr. Jane Roe",)


@pytest.mark.parametrize(
    ("line", "names"),
    [("Erstellt von Jane Roe", ("Jane Roe",)), ("Erstellt von Market News", ())],
    ids=["person", "label"],
)
def test_creator_credit_after_the_article(line: str, names: tuple[str, ...]) -> None:
    body = [f"Paragraph {n} of the article, long enough to be body text." for n in range(12)]
    lines = ["Headline here", *body, "Share this", line, "Imprint"]
    assert find_authors(lines, anchor=0, body_start=1, body_end=len(body) + 1) == names
