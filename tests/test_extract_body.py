"""Unit tests for extraction/body.py: the densest run and what is kept of it."""

from __future__ import annotations

import pytest

from searchlib.extraction.body import densest_run, find_body, find_page_body
from searchlib.extraction.lines import analyse

PROSE = [
    "The council approved the new budget on Tuesday after a long debate in the chamber.",
    "Members of the opposition said the plan would cut services that many families rely on.",
    "The mayor said the city had no choice but to balance its books this year.",
]
PROSE_MORE = [
    "Under the plan the library will open two fewer days a week, the swimming pool will close "
    "in winter and the bus service to the outlying villages will run only in the mornings.",
    "Residents who spoke at the meeting said they understood the pressure on the budget but "
    "asked the council to look again at the cuts to services used by older people.",
    "The council will review the budget again in the spring, when the figures for the winter "
    "months are known, and has promised to publish the results of that review.",
]


def test_densest_run_finds_the_heaviest_span() -> None:
    assert densest_run([-1, 5, -1, 4, -9, 3]) == (1, 4)
    assert densest_run([-1, -2]) == (0, 0)


def test_navigation_and_related_lists_fall_outside_the_body() -> None:
    nav = ["Home", "News", "Sport", "Weather"]
    related = ["Man arrested after crash on motorway", "Storm to bring heavy rain to coast"]
    body = find_body([*nav, "Headline", *PROSE, "Most read", *related])
    assert body.paragraphs == tuple(PROSE)


def test_subheading_between_paragraphs_is_kept() -> None:
    lines = [PROSE[0], "What happens next", PROSE[1], PROSE[2]]
    assert find_body(lines).paragraphs == tuple(lines)


def test_caption_copies_are_captions_not_body() -> None:
    caption = "Firefighters at the scene of the blaze on Tuesday"
    lines = [PROSE[0], caption, caption + ". Picture: Agency", PROSE[1], PROSE[2]]
    body = find_body(lines)
    assert body.paragraphs == tuple(PROSE)
    assert caption in body.captions


def test_trailing_disclaimer_is_trimmed() -> None:
    disclaimer = "The views expressed on this site are not those of the editors of the site."
    assert find_body([*PROSE, disclaimer]).paragraphs == tuple(PROSE)


def test_an_article_split_by_a_list_keeps_both_parts() -> None:
    nav = ["Home", "News", "Sport", "Weather", "Contact", "Login"]
    items = [f"Item {n}: a stall, a tent or a stage" for n in range(12)]
    body = find_body([*nav, PROSE[0], PROSE[1], *items, PROSE[2], PROSE[1] + " Again."])
    assert PROSE[0] in body.paragraphs
    assert PROSE[2] in body.paragraphs


def test_reader_comments_end_the_article() -> None:
    comment = "I read this twice and I still think the council got the numbers wrong again here."
    lines = [*PROSE, "Jane on May 4, 2023 at 9:12 am said:", comment, comment + " Yes."]
    assert find_body(lines).paragraphs == tuple(PROSE)


def test_a_quote_introduced_by_said_does_not_end_the_article() -> None:
    lines = [PROSE[0], "The mayor said:", PROSE[1], PROSE[2]]
    assert PROSE[2] in find_body(lines).paragraphs


def test_a_closing_list_of_one_shape_is_kept() -> None:
    prose = "The band announced a long tour of the country that starts next summer in the south."
    items = [f"June {day} – Springfield, ST @ Riverside Arena" for day in range(1, 7)]
    lines = ["Menu", prose, prose.replace("south", "north"), "Tour dates", *items, "Share"]
    body = find_body(lines)
    assert body.paragraphs[-6:] == tuple(items)
    assert "Tour dates" in body.paragraphs
    assert "Share" not in body.paragraphs


def test_related_article_teasers_are_dropped() -> None:
    article = "The council approved the new harbour budget on Tuesday after a long debate in town."
    teasers = [
        "Storm closes the coastal road",
        "Officials said on Monday that the coastal road would stay closed until the repairs...",
        "School opens a new library wing",
        "Pupils and teachers gathered on Friday morning to open the new library wing of the...",
    ]
    lines = [*teasers, article, article.replace("Tuesday", "Monday")]
    body = find_body(lines)
    assert not any(t in body.paragraphs for t in teasers)
    assert article in body.paragraphs


def test_a_list_announced_by_a_colon_is_kept_whole() -> None:
    prose = " ".join(
        ["The diet allows many foods in its first phase, as long as they hold few carbs."] * 4
    )
    items = [
        "any fish",
        "any poultry",
        "eggs",
        "hard cheese",
        "most vegetables",
        "mushrooms",
    ]
    lines = [prose, "Allowed foods:", *items, prose.replace("first", "second")]
    assert find_body(lines).paragraphs == (prose, "Allowed foods:", *items, lines[-1])


def test_an_unannounced_long_run_between_paragraphs_is_dropped() -> None:
    prose = " ".join(
        ["The diet allows many foods in its first phase, as long as they hold few carbs."] * 4
    )
    related = [f"Another headline about food number {n}" for n in range(8)]
    lines = [prose, *related, prose.replace("first", "second")]
    assert not set(related) & set(find_body(lines).paragraphs)


def test_short_lines_announced_by_the_last_paragraph_are_kept() -> None:
    prose = " ".join(["Mix the flour with the butter and the sugar until it is smooth."] * 4)
    items = ["200 g flour", "100 g butter", "50 g sugar"]
    lines = [prose, "For the dough you will need:", *items, "Share this recipe"]
    lines[1] = prose.replace("smooth.", "smooth. For the dough you will need:")
    body = find_body(lines)
    assert body.paragraphs[-3:] == tuple(items)


def test_a_page_of_nothing_but_teasers_keeps_them() -> None:
    teasers = [
        "Storm closes the coastal road",
        "Officials said on Monday that the coastal road would stay closed until the repairs...",
        "School opens a new library wing",
        "Pupils and teachers gathered on Friday morning to open the new library wing of the...",
    ]
    assert find_body(teasers).paragraphs


def test_headlines_after_a_promotion_heading_are_dropped() -> None:
    related = ["Storm to bring heavy rain to coast", "Man arrested after crash on motorway"]
    after = [PROSE[2], "Officials will present a revised plan to the council at its next meeting."]
    lines = [PROSE[0], PROSE[1], "More:", *related, *after]
    assert find_body(lines).paragraphs == (PROSE[0], PROSE[1], *after)


@pytest.mark.parametrize(
    "prompt",
    [
        "No spam, we promise. You can unsubscribe at any time and we will not share your details.",
        "Get the magazine delivered to your door every month. Click here for more information.",
    ],
    ids=["newsletter", "click-here"],
)
def test_prompt_after_the_article_is_trimmed(prompt: str) -> None:
    assert find_body([*PROSE, prompt]).paragraphs == tuple(PROSE)


def test_a_paragraph_broken_at_links_is_body() -> None:
    pieces = [
        "Officials said the new plan to cut the",
        "city budget",
        "would be presented to the",
        "council",
        "at its next meeting in the town hall on Friday.",
    ]
    nav = ["Home", "News", "Sport", "Weather", "Contact", "Login"]
    lines = [*nav, *pieces, *nav]
    body = find_page_body(lines, analyse(lines))
    assert body.paragraphs == (" ".join(pieces),)
    assert (body.start, body.end) == (len(nav), len(nav) + len(pieces))


def test_teasers_after_a_related_heading_are_dropped() -> None:
    article = [*PROSE, *(f"{p[:-1]}, officials added." for p in PROSE)]
    teasers = [
        "Other headline",
        "The regional council voted on Tuesday to recognise the new park as a protected area.",
        "Another headline",
        "A local choir won the national prize for the third time in a row, the jury said today.",
    ]
    assert find_body([*article, "Related", *teasers]).paragraphs == tuple(article)


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("MAYOR SAYS CITY BUDGET WILL CUT LIBRARY HOURS NEXT YEAR", False),
        ("WHAT HAPPENS TO THE LIBRARIES NOW?", True),
        ("WHAT HAPPENS NEXT", True),
    ],
    ids=["promoted-headline", "question-subheading", "short-subheading"],
)
def test_long_lines_in_capitals_inside_the_article(line: str, kept: bool) -> None:
    body = find_body([PROSE[0], line, PROSE[1], PROSE[2]])
    assert (line in body.paragraphs) is kept


STANDINGS = [
    "Pos.",
    "Team",
    "Points",
    *(cell for n in range(1, 9) for cell in (str(n), f"Team {n}", str(90 - n * 7))),
]


@pytest.mark.parametrize(
    ("announcement", "kept"),
    [("The final standings after the last race of the season:", True), ("Archive", False)],
    ids=["announced-table", "unannounced-grid"],
)
def test_a_table_one_cell_per_line_is_kept_when_announced(announcement: str, kept: bool) -> None:
    nav = ["Home", "News", "Sport", "Weather"]
    lines = [*nav, PROSE[0], announcement, *STANDINGS, "Contact", "Login"]
    body = find_page_body(lines, analyse(lines))
    assert any("1 Team 1 83 2 Team 2 76" in p for p in body.paragraphs) is kept


def test_a_comment_policy_ends_the_article() -> None:
    policy = "Note: comments that insult other readers will not be approved by the moderator."
    aside = "Read the latest column by our motor racing writer on the season so far and more."
    lines = [*PROSE, policy, aside, aside.replace("season", "year")]
    assert find_body(lines).paragraphs == tuple(PROSE)


@pytest.mark.parametrize(
    ("closing", "dropped"),
    [
        ("Sam Doe is an educator, speaker and the founder of a small online school.", True),
        ("Sam Doe (sam@example.org) is the editor and publisher of a weekly review.", True),
        ("Sam Doe writes a weekly column on money. Follow her on Twitter @samdoe.", True),
        ("The mayor is a former teacher and said the school would reopen next week.", False),
    ],
    ids=["founder", "address", "follow", "not-a-bio"],
)
def test_a_closing_bio_is_dropped(closing: str, dropped: bool) -> None:
    body = find_body([*PROSE, closing])
    assert (closing not in body.paragraphs) is dropped
    assert set(PROSE) <= set(body.paragraphs)


def test_a_bio_shaped_line_inside_the_article_is_kept() -> None:
    line = "Sam Doe is an educator and the founder of a school that opened in the town in 2010."
    body = find_body([PROSE[0], line, *PROSE[1:]])
    assert line in body.paragraphs


TEASERS = [
    "Union opens talks with the carmaker as a strike looks more likely than it did last week.",
    "The carmaker recalls pickup trucks because a loose cable can cause stalling or fires.",
]


@pytest.mark.parametrize(
    "header",
    ["By Sam Doe", "November 19, 2019 at 9:45 am", "Published: 19.11.2019"],
    ids=["byline", "date", "numeric-date"],
)
def test_teasers_above_the_article_header_are_dropped(header: str) -> None:
    lines = [*TEASERS, "Officials report a sixth case", header, *PROSE, *PROSE_MORE]
    assert find_body(lines).paragraphs == (*PROSE, *PROSE_MORE)


def test_a_standfirst_above_the_byline_is_kept() -> None:
    lines = [TEASERS[0], "By Sam Doe", *PROSE, *PROSE_MORE]
    body = find_body(lines).paragraphs
    assert body[0] == TEASERS[0]
    assert set(PROSE + PROSE_MORE) <= set(body)


def test_a_date_line_far_into_the_article_does_not_cut_it() -> None:
    lines = [*TEASERS, *PROSE, "November 19, 2019", *PROSE_MORE]
    body = find_body(lines).paragraphs
    assert set(TEASERS + PROSE + PROSE_MORE) <= set(body)


def test_an_embedded_post_closing_the_article_is_kept() -> None:
    post = "Cannot believe the bridge is finally open! https://t.co/abc123"
    signature = "— Sam Doe (@samdoe) November 18, 2019"
    body = find_body([*PROSE, *PROSE_MORE, post, signature, "Most read", "Share this"])
    assert body.paragraphs[-2:] == (post, signature)


@pytest.mark.parametrize("gap", [[], ["Share this"]], ids=["adjacent", "after-chrome"])
def test_a_standfirst_repeated_as_the_first_paragraph_is_kept(gap: list[str]) -> None:
    lead = "The council has agreed a budget that cuts library hours and bus services."
    lines = ["Budget agreed", lead, "By Sam Doe", *gap, lead, *PROSE, *PROSE_MORE]
    body = find_body(lines).paragraphs
    assert body[0] == lead
    assert set(PROSE + PROSE_MORE) <= set(body)


def test_a_caption_and_its_copy_inside_the_article_stay_out() -> None:
    caption = "The council chamber was full for the vote on the budget on Tuesday evening."
    lines = [*PROSE, caption, caption, *PROSE_MORE]
    assert caption not in find_body(lines).paragraphs


def test_a_long_cookie_notice_does_not_outweigh_a_short_article() -> None:
    notice = [
        f"This website uses cookies to remember your settings and to measure visits, part {n} "
        "of the notice, which you may read in full before you accept or refuse them here."
        for n in range(8)
    ]
    nav = ["Home", "News", "Contact", "Search", "Menu"]
    body = find_body(["Headline", *PROSE, *nav, *notice])
    assert body.paragraphs == tuple(PROSE)
    assert (body.start, body.end) == (1, 1 + len(PROSE))  # the span the headline search reads


@pytest.mark.parametrize(
    "header",
    ["Leave a reply", "Kommentar verfassen", "{ 12 comments }"],
    ids=["comment-form", "comment-form-de", "comment-count"],
)
def test_a_heavier_run_below_the_comments_is_not_the_article(header: str) -> None:
    blurb = (
        "This is the personal blog of a writer who lives by the sea and writes about books, "
        "films, travel and everything else that crosses her mind on a long winter evening."
    )
    below = ["Share this:", header, "Name (required)", "Email (required)", "Website"]
    lines = ["Headline", *PROSE, *below, "About me", blurb, blurb + " Really.", blurb + " Yes."]
    body = find_body(lines)
    assert body.paragraphs == tuple(PROSE)
    assert body.start == 1


def test_a_comment_count_beside_the_date_does_not_end_the_article() -> None:
    lines = [PROSE_MORE[0], "May 4, 2023", "3 comments", PROSE_MORE[1], PROSE_MORE[2]]
    assert find_body(lines).paragraphs == tuple(PROSE_MORE)


LEAD = [
    "The city council met on Tuesday evening to settle the last open questions about the "
    "new budget, which has been debated in the chamber and in the press since early spring.",
    "The results of the vote in each ward, printed below, show how narrow the margin was "
    "and how differently the districts on either side of the river chose to vote this year.",
]


@pytest.mark.parametrize(
    ("above", "start"),
    [(["Home", "News", "Sport", "Weather", "Contact", "Headline"], 6), ([], 14)],
    ids=["lead-below-the-navigation", "tagline-at-the-top-of-the-page"],
)
def test_the_body_starts_at_a_run_kept_above_the_densest(above: list[str], start: int) -> None:
    cells = [f"Ward {n}: 1,20{n} votes" for n in range(12)]
    body = find_body([*above, *LEAD, *cells, *PROSE_MORE, *PROSE])
    assert LEAD[0] in body.paragraphs
    assert body.start == start


def test_a_lighter_run_below_the_article_is_not_kept() -> None:
    blurb = (
        "Our newsroom has covered the city and the villages around it for more than a hundred "
        "years, and our reporters still walk the streets every day to find the stories that "
        "matter to the people who live here."
    )
    links = [f"Link {n}" for n in range(10)]
    body = find_body(["Headline", *PROSE_MORE, *links, blurb])
    assert body.paragraphs == tuple(PROSE_MORE)
