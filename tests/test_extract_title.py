"""Unit tests for extraction/title.py: which line is the headline."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from searchlib.extraction.body import find_body
from searchlib.extraction.headline_text import clean_title, title_text
from searchlib.extraction.lines import analyse
from searchlib.extraction.rules import normalise
from searchlib.extraction.title import TITLE_WINDOW, find_title

BODY = [
    "The city council approved the new budget on Tuesday after a long debate in the chamber.",
    "Members of the opposition said the budget would cut services that many families rely on.",
    "The mayor said the city had no choice but to balance its books this year, budget or not.",
]
HEADLINE = "Council approves budget"
LONGER = "Library opening hours, bus routes and park funding all change from April onwards"


def _title(lines: list[str]) -> str | None:
    feats = analyse(lines)
    at = find_title(feats, find_body(lines, feats).start)
    return lines[at] if at is not None else None


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Home » Politics » Council approves budget", HEADLINE),
        ("Home / Politics / Council approves budget", HEADLINE),
        ("> Council approves budget", LONGER),
        ("By Jane Roe | jane@example.com | Council approves budget", LONGER),
    ],
    ids=["chevrons", "slashes", "leading-mark", "byline"],
)
def test_breadcrumb_trail_names_the_headline(line: str, title: str) -> None:
    assert _title(["Home", "Politics", line, HEADLINE, LONGER, *BODY]) == title


def _headline(lines: list[str]) -> str | None:
    feats = analyse(lines)
    at = find_title(feats, find_body(lines, feats).start)
    return title_text(feats, at) if at is not None else None


@pytest.mark.parametrize(
    ("top", "line", "title"),
    [
        ("Daily Paper", "Council approves budget | Daily Paper", HEADLINE),
        ("Daily Paper", "Council approves budget – Daily Paper", HEADLINE),
        ("Menu", "Council approves budget | Full Report", "Council approves budget | Full Report"),
        ("Menu", "Council approves budget – Full Report", "Council approves budget – Full Report"),
    ],
    ids=["pipe-site-printed", "dash-site-printed", "pipe-no-evidence", "dash-no-evidence"],
)
def test_suffix_is_cut_only_when_the_page_prints_it_apart(top: str, line: str, title: str) -> None:
    assert _headline([top, "Politics", line, "By Jane Roe", *BODY]) == title


def test_suffix_is_cut_when_the_headline_is_printed_apart() -> None:
    lines = ["Council approves budget | City Desk", "Politics", HEADLINE, "By Jane Roe", *BODY]
    feats = analyse(lines)
    assert title_text(feats, 0) == HEADLINE


@pytest.mark.parametrize(
    "furniture",
    [
        "Council budget photo.jpg",
        "Council Logo",
        "Page 2 of 5",
        "Tags: Politics",
        "← Council approves old budget",
        "Zum Inhalt springen",
        "You are here",
        "Leave a reply",
        "Abbildung 2: Council chamber",
        "— Council approves budget",
        "Reading time: 3 minutes",
        "250 g Butter",
        "½ tsp salt",
        "What are you looking for?",
        "Seite drucken",
        "Add to favourites",
        "Please update your browser to read this page",
        "Advertise with us",
        "This browser is no longer supported",
        "About us",
        "Über die Redaktion",
        "Haftung für Links",
        "Fecha de publicación del artículo",
        "Follow this blog by e-mail",
        "4,5 bei 12 Bewertungen",
        "Beim Klick werden Daten an Dritte übertragen",
    ],
    ids=[
        "file-name",
        "logo",
        "counter",
        "tags",
        "previous-post",
        "skip",
        "you-are-here",
        "reply",
        "figure",
        "attribution",
        "reading-time",
        "ingredient",
        "fraction",
        "search-prompt",
        "print",
        "bookmark",
        "browser-notice",
        "advertise",
        "unsupported-browser",
        "about-us",
        "about-the",
        "disclaimer",
        "date-label",
        "follow-by-mail",
        "rating-count",
        "button-notice",
    ],
)
def test_page_furniture_is_never_the_headline(furniture: str) -> None:
    assert _title(["Menu", furniture, *BODY]) != furniture
    assert _title(["Menu", furniture, HEADLINE, *BODY]) == HEADLINE


@pytest.mark.parametrize(
    "names",
    [
        "Maria Lopez Garcia",
        "Maria Lopez, Peter Stone & Anna Berg",
        "Maria Lopez, Staff Attorney, City Legal Aid Office",
        "Maria Lopez, Xavrin Tolbek & Anna Berg",
    ],
    ids=["one", "several", "name-role-employer", "a-rare-given-name-among-several"],
)
def test_bare_names_beside_the_date_lose_to_the_headline(names: str) -> None:
    lines = ["Menu", HEADLINE, "Politics", "News", names, "4 May 2023", *BODY]
    assert _title(lines) == HEADLINE


@pytest.mark.parametrize(
    "headline",
    ["Maria Lopez, the mayor, resigns after the vote", "Maria Lopez, Peter Stone to meet in Rome"],
    ids=["lower-case-field", "long-field"],
)
def test_headline_opening_with_a_name_is_not_a_credit(headline: str) -> None:
    assert _title(["Menu", "Politics", headline, "4 May 2023", *BODY]) == headline


def test_tag_list_loses_to_the_headline() -> None:
    assert _title(["Menu", HEADLINE, "Politics, Europe, City Hall, Budget", *BODY]) == HEADLINE


@pytest.mark.parametrize(
    "headline",
    [
        "Part 1 of 3: Council approves budget",
        "Figure skating: council funds new rink",
        "Icon of the harbour closes after a century",
        "100 g sugar less: the council canteen changes recipes",
        "Search for missing sailors resumes at dawn",
        "Print shops close as council cuts paper budget",
        "About us all: the council counts its residents",
        "Über die Grenze hinaus: Rat beschließt Haushalt",
    ],
    ids=[
        "series-counter",
        "figure-word",
        "icon-word",
        "quantity",
        "search-word",
        "print-word",
        "about-word",
        "ueber-word",
    ],
)
def test_headline_that_merely_resembles_furniture_is_kept(headline: str) -> None:
    assert _title(["Menu", "Politics", headline, "By Jane Roe", *BODY]) == headline


def test_camel_case_brand_may_open_a_headline() -> None:
    headline = "iPhone sales rise again"
    assert _title(["Menu", "Technology", headline, *BODY]) == headline


@pytest.mark.parametrize("glue", ["HomePolitics", "Politics: "], ids=["breadcrumb", "kicker"])
def test_glued_copy_loses_to_the_plain_headline(glue: str) -> None:
    title = "Council approves budget for the harbour"
    assert _title(["Menu", title, glue + title, "By Jane Roe", *BODY]) == title


def test_pull_quote_loses_to_the_headline() -> None:
    quote = "“We had no choice but to balance the books this year, budget or not,” the mayor said"
    assert _title(["Menu", HEADLINE, quote, *BODY]) == HEADLINE


def test_headline_below_a_notice_is_found_beside_its_date() -> None:
    notice = [
        "Thank you for registering. We have sent the activation link to your e-mail address.",
        "You have chosen the national edition. We wish you an informative read today.",
        "Thank you for your order. We wish you an informative read of all our articles.",
        "Your account is now active. We wish you an informative read of all our articles.",
        "You now have full access to the digital edition. We wish you an informative read.",
    ]
    lines = ["Menu", "Politics", *notice, HEADLINE, "4 May 2023", *BODY]
    feats = analyse(lines)
    assert find_body(lines, feats).start < lines.index(HEADLINE) - 3
    assert _title(lines) == HEADLINE


def test_section_and_site_label_pair_loses_to_the_headline() -> None:
    lines = ["Menu", HEADLINE, "Politics", "News", "Sport | Daily Paper", "4 May 2023", *BODY]
    assert _title(lines) == HEADLINE


def test_headline_far_above_a_weak_neighbourhood_is_found() -> None:
    menu = [f"Archive {year}" for year in range(1950, 2020)]
    lines = [HEADLINE, "4 May 2023", *menu, *BODY]
    feats = analyse(lines)
    assert find_body(lines, feats).start - lines.index(HEADLINE) > TITLE_WINDOW
    assert _title(lines) == HEADLINE


def test_line_above_a_photo_credit_loses_to_the_headline() -> None:
    headline = "Council approves new budget for the harbour"
    caption = "The mayor and council members outside the town hall on Tuesday"
    lines = ["Menu", headline, "Politics", "News", caption, "Photo: Jane Roe", *BODY]
    assert _title(lines) == headline


@given(st.text(), st.frozensets(st.text(max_size=12), max_size=4))
def test_clean_title_keeps_a_prefix_of_the_line(text: str, keys: frozenset[str]) -> None:
    cleaned = clean_title(text, keys | {normalise(part) for part in text.split("|")})
    assert text.strip().startswith(cleaned)
    assert bool(cleaned) == bool(text.strip())


STANDFIRST = (
    "The city council approved the budget after opposition members warned of cuts to services "
    "that families rely on"
)


@pytest.mark.parametrize(
    ("above", "below", "title"),
    [
        ("Thousands rally outside town hall overnight", STANDFIRST, "headline"),
        ("Night of protest", STANDFIRST, "standfirst"),
        ("Thousands rally outside town hall overnight", STANDFIRST[:60], "standfirst"),
    ],
    ids=["headline-over-standfirst", "kicker-over-headline", "short-second-line"],
)
def test_headline_sized_line_over_a_long_sentence_is_the_headline(
    above: str, below: str, title: str
) -> None:
    found = _title(["Home", "Politics", above, below, "By Jane Roe", *BODY])
    assert found == (above if title == "headline" else below)


def test_headline_is_found_beside_the_thickest_prose_when_the_body_starts_far_off() -> None:
    teaser = "Sign up for the weekly letter and read the best stories of the week in one place."
    menu = [f"Section {letter}" for letter in "ABCDEFGHIJKLMNOPQRST"]
    lines = ["Our newsletter", teaser, *menu, HEADLINE + " after long night", "By Jane Roe", *BODY]
    at = find_title(analyse(lines), 1)  # as if the body finder had settled on the teaser
    assert at is not None and lines[at] == HEADLINE + " after long night"


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Forum>Politics>" + HEADLINE, HEADLINE),
        ("Home › News › " + HEADLINE, HEADLINE),
        ("Forum>Politics>Budget", "Forum>Politics>Budget"),
        ("Budget > Forecast: " + HEADLINE, "Budget > Forecast: " + HEADLINE),
    ],
    ids=["glued-trail", "spaced-trail", "one-word-tail", "one-mark"],
)
def test_title_text_drops_a_glued_breadcrumb_trail(line: str, title: str) -> None:
    assert title_text(analyse([line, *BODY]), 0) == title


@pytest.mark.parametrize(
    "over",
    [
        ["Politics and News"],
        ["Weekly Harbour Review"],
        ["Letters from our readers on the town hall", "Share"],
    ],
    ids=["section", "magazine", "longer-teaser-set-apart"],
)
def test_headline_under_its_date_line_beats_the_lines_over_it(over: list[str]) -> None:
    headline = "Council approves the harbour budget"
    lines = ["Menu", "Politics", *over, "4 May 2023", headline, "Share", *BODY]
    assert _title(lines) == headline


STANDFIRST = "Members of the city council approved the harbour budget after a long, heated debate"


@pytest.mark.parametrize(
    "under",
    ["5 min read", STANDFIRST],
    ids=["shorter-than-the-headline", "standfirst-sized"],
)
def test_headline_over_its_date_line_keeps_it(under: str) -> None:
    headline = "Council approves the new harbour budget"
    assert _title(["Menu", "Politics", headline, "4 May 2023", under, *BODY]) == headline


def test_lines_of_a_block_printed_twice_are_not_repeated_headlines() -> None:
    menu = [
        "Seven tips for a greener garden this spring",
        "How to plan the perfect family holiday",
        "Ten recipes for a quick weeknight dinner",
    ]
    headline = "Harbour fees rise again"
    lines = ["Home", *menu, "Newsletter", *menu, "Politics", headline, *BODY]
    assert _title(lines) == headline


def test_headline_printed_twice_under_the_same_kicker_is_repeated() -> None:
    headline = "Harbour fees rise again"
    other = "Seven tips for a greener garden this spring"
    top = ["Home", "Politics", headline, "Newsletter", "Menu", "Contact", "Search"]
    assert _title([*top, "Politics", headline, other, *BODY]) == headline


def test_lead_line_does_not_vouch_for_its_own_words() -> None:
    question = "What did the riders of the new tram line think of its first morning of service?"
    assert _title(["Home", "News", "Tram line opens", question, *BODY]) == "Tram line opens"


@pytest.mark.parametrize(
    "headline",
    [
        "Budget talks of 10 October 2019 – what the council decided",
        "Minutes of the meeting of 10 October 2019",
    ],
    ids=["date-inside", "date-at-end"],
)
def test_headline_holding_a_date_is_a_candidate(headline: str) -> None:
    assert _title(["Home", "News", headline, "By Jane Roe", *BODY]) == headline


@pytest.mark.parametrize(
    "date_line",
    [
        "Posted 11 October 2019 | 4 min read",
        "Updated on 11 October 2019 at 10:00",
        "It opened on 5 May 2019. It is the first of three",
    ],
    ids=["fields", "few-words-before", "sentences"],
)
def test_date_line_is_not_a_headline(date_line: str) -> None:
    assert _title(["Home", "News", date_line, "By Jane Roe", *BODY]) != date_line


def test_comment_heading_names_the_headline_far_from_the_body() -> None:
    comments = ["2 thoughts on “Council approves budget”", "Jane on 4 May 2023 said:", "Agreed."]
    lines = [HEADLINE, *["Menu item"] * 70, LONGER, *BODY, *comments]
    assert _title(lines) == HEADLINE


def test_comment_heading_gives_a_headline_printed_nowhere_else() -> None:
    comments = ["2 thoughts on “Council approves budget”", "Jane on 4 May 2023 said:", "Agreed."]
    assert _headline(["Home", "News", LONGER, *BODY, *comments]) == HEADLINE


@pytest.mark.parametrize(
    "trail",
    ["Home » Politics » Council approves budget", "Home → Politics → Council approves budget"],
    ids=["chevrons", "arrows"],
)
def test_breadcrumb_trail_under_the_article_names_the_headline(trail: str) -> None:
    filler = [f"Teaser number {n} of the day" for n in range(70)]
    assert _title(["Home", "Politics", HEADLINE, LONGER, *BODY, *filler, trail]) == HEADLINE


@pytest.mark.parametrize(
    "lines",
    [
        ["Council approves the harbour budget", "By", "Anna Lee | City Desk for Example News"],
        [
            "Seeking a bigger role for a big rocket",
            "by Anna Lee",
            "4 May 2023",
            "Bookmark and Share",
        ],
        ["Harbour budget review", "4 May 2023", "Tested by: Anna Lee Price: 20 More info: example"],
    ],
    ids=["name-under-a-bare-byline", "line-under-a-byline-block", "fields-under-a-date"],
)
def test_line_under_a_meta_line_that_is_no_headline_loses(lines: list[str]) -> None:
    assert _title(["Menu", "Politics", *lines, *BODY]) == lines[0]


@pytest.mark.parametrize(
    "when", ["Updated 2 hours ago", "vor 3 Stunden", "hace 2 días"], ids=["en", "de", "es"]
)
def test_relative_date_line_marks_the_headline_over_it(when: str) -> None:
    teaser = "Seven tips for a greener garden this spring"
    headline = "Harbour fees rise again"
    assert _title(["Menu", teaser, "Politics", "News", headline, when, *BODY]) == headline


LONG_HEADLINE = "Council approves budget after long debate"
TEASER = "Local news and events from the harbour district"


@pytest.mark.parametrize(
    ("above", "below", "title"),
    [
        (["Politics"], [], "Budget approved"),
        (["Politics"], [LONG_HEADLINE], LONG_HEADLINE),
        ([LONG_HEADLINE], [], LONG_HEADLINE),
    ],
    ids=["over-body", "kicker-over-headline", "tag-under-headline"],
)
def test_short_line_heading_the_body_is_the_headline(
    above: list[str], below: list[str], title: str
) -> None:
    lines = ["Menu", "Harbour Walk", TEASER, "Sport", *above, "Budget approved", *below, *BODY]
    assert _title(lines) == title


@pytest.mark.parametrize("above", ["By", "4 May 2023"], ids=["bare-by", "date"])
def test_short_line_under_a_byline_or_date_does_not_head_the_body(above: str) -> None:
    lines = ["Menu", "Harbour Walk", TEASER, "Politics", "Sport", "Weather", above, "City Desk"]
    assert _title([*lines, *BODY]) == TEASER


PARAGRAPH = (
    "The council met on Tuesday evening and after a long debate it approved the budget that "
    "the mayor had put forward in the spring."
)


def test_short_line_over_a_long_paragraph_above_the_body_is_the_headline() -> None:
    lines = ["Menu", "Harbour Walk", TEASER, "Sport", "Politics", "Budget approved", PARAGRAPH]
    lines += ["Print", "Share", *BODY]
    at = find_title(analyse(lines), lines.index(BODY[0]))
    assert at is not None and lines[at] == "Budget approved"


def test_tag_printed_twice_under_the_headline_is_not_the_headline() -> None:
    headline = "Council to vote on budget"
    lines = ["Menu", "Harbour Walk", TEASER, "Sport", headline, "City Desk", "City Desk", *BODY]
    at = find_title(analyse(lines), lines.index(BODY[0]))
    assert at is not None and lines[at] == headline
