"""Unit tests for extraction/lines.py: the features of one line."""

from __future__ import annotations

import pytest

from searchlib.extraction import lines
from searchlib.extraction.lines import analyse, caption_key, is_call_to_action


@pytest.mark.parametrize(
    "line",
    [
        "Subscribe to our newsletter for the latest news!",
        "Join our Telegram channel and get important news first!",
        "Folgen Sie uns auf Facebook",
    ],
)
def test_calls_to_action(line: str) -> None:
    feats = analyse([line])[0]
    assert is_call_to_action(feats.key, feats.key.split())
    assert not feats.prose


@pytest.mark.parametrize(
    "credited",
    [
        "Kim’s rally. Picture: Agency",
        "Kim’s rally.Credit...Jane Roe/Agency",
        "Kim’s rally. PİCTURE: Agency",
        "Kim’s rally. ſource: Agency",
    ],
    ids=["colon", "ellipsis", "dotted-capital-i", "long-s"],
)
def test_caption_key_ignores_quotes_and_credits(credited: str) -> None:
    assert caption_key(credited) == caption_key("Kim's rally")


@pytest.mark.parametrize("label", ["11 Comments", "Related posts", "Neueste Artikel"])
def test_counted_and_multilingual_labels_are_chrome(label: str) -> None:
    assert analyse([label])[0].chrome


def test_sentences_without_spaces_count_as_prose() -> None:
    line = "このご時世パスワードの強化は非常に重要なことであり、管理ソフトの存在は不可欠です。"
    assert analyse([line])[0].prose


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        ("The council approved the new budget on Tuesday after a long debate.", True),
        ("It rained.", False),
        ("Storm floods the coastal town overnight", False),
        ("Prices rose and the city was quiet as the people stayed inside for days.", True),
    ],
)
def test_prose_shape(line: str, prose: bool) -> None:
    assert analyse([line])[0].prose is prose


def test_caption_copies_are_marked_on_both_lines() -> None:
    feats = analyse(["Crowds at the rally", "Crowds at the rally. Photo: Agency", "Text."])
    assert feats[0].caption and feats[1].caption and not feats[2].caption


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Crowds at the rally on Sunday in the old town. Photo: Jane Roe", True),
        ("Foto: Jane Roe", True),
        ("A new look at the Blue-Marble-Photo: satellites map the coupled climate", False),
    ],
    ids=["credit-after-caption", "credit-alone", "word-ending-a-compound"],
)
def test_photo_credit_word_marks_a_caption(line: str, caption: bool) -> None:
    assert analyse([line])[0].caption is caption


def test_a_line_is_repeated_only_on_the_page_that_repeats_it() -> None:
    # Features are cached across pages; whether a line repeats belongs to its page.
    twice = analyse(["Crowds at the harbour", "Crowds at the harbour", "Text."])
    once = analyse(["Crowds at the harbour", "Text."])
    assert [f.repeated for f in twice] == [True, True, False]
    assert [f.repeated for f in once] == [False, False]
    assert not analyse(["Crowds at the harbour. Photo: Agency"])[0].repeated


@pytest.mark.parametrize(("repeat", "kept"), [(2, True), (200, False)], ids=["short", "paragraph"])
def test_only_short_lines_are_kept_by_the_line_caches(repeat: int, kept: bool) -> None:
    # The caches last the whole run: a paragraph is printed once, and keeping it would only
    # hold its text.
    line = f"Crowds at the harbour {repeat} {id(object())}. " * repeat
    misses = lines._cached_line.cache_info().misses, lines._cached_keys.cache_info().misses
    assert analyse([line])[0].words >= repeat
    after = lines._cached_line.cache_info().misses, lines._cached_keys.cache_info().misses
    assert (after != misses) is kept


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("Jane Roe is a staff writer at the Daily Paper covering science and health.", True),
        ("Erika Mustermann ist Redakteurin im Ressort Wirtschaft und schreibt über Banken.", True),
        ("The mayor is a former reporter who covered the council for a decade.", False),
        ("The council is a body of twelve members elected for four years each.", False),
    ],
    ids=["en-bio", "de-bio", "long-subject", "no-role"],
)
def test_author_bio_is_chrome(line: str, chrome: bool) -> None:
    assert analyse([line])[0].chrome is chrome


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("On example.com: Council approves the new budget", True),
        ("Also on example.org", True),
        ("More:", True),
        ("More Local Business News", True),
        ("Weitere Artikel", True),
        ("On Tuesday the council approved the new budget.", False),
        ("More than a hundred people came to the meeting on Tuesday.", False),
    ],
    ids=[
        "on-domain",
        "also-on-domain",
        "more-colon",
        "more-news",
        "de-weitere",
        "on-day",
        "more-than",
    ],
)
def test_promotions_of_other_pages_are_chrome(line: str, chrome: bool) -> None:
    assert analyse([line])[0].chrome is chrome


@pytest.mark.parametrize(
    "line",
    ["Es befinden sich keine Artikel im Warenkorb", "Close this search box.", "Newsletter opt-in"],
    ids=["de-cart", "search-box", "opt-in"],
)
def test_shop_search_and_newsletter_prompts_are_legal_lines(line: str) -> None:
    assert analyse([line])[0].legal


@pytest.mark.parametrize(
    ("line", "legal"),
    [
        ("Please read our community guidelines before you post a comment.", True),
        ("We welcome letters to the editor on this or any of our articles.", True),
        ("If you buy something through a link, we may get a share of the sale.", True),
        ("The guidelines for the community garden were agreed on Monday.", False),
    ],
    ids=["guidelines", "letters", "affiliate", "plain-sentence"],
)
def test_comment_policies_and_affiliate_notes_are_legal_lines(line: str, legal: bool) -> None:
    assert analyse([line])[0].legal is legal


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("There's more where that came from. Sign up for our daily newsletter today.", True),
        ("Tips? Email the desk. Follow our channel on Telegram for updates.", True),
        ("The mayor spoke first. Join the debate, she told the crowd on Tuesday.", False),
    ],
    ids=["newsletter-box", "contact-box", "sentence-in-article"],
)
def test_call_to_action_in_a_later_sentence(line: str, chrome: bool) -> None:
    assert analyse([line])[0].chrome is chrome


@pytest.mark.parametrize(
    "line",
    [
        "Weekly Briefing Newsletter",
        "I agree that the publisher may send me the weekly briefing by email.",
        "Every week our host takes a closer look at the news. Click to subscribe!",
        "Let the morning briefing reach your inbox before breakfast.",
    ],
    ids=["newsletter-heading", "consent", "click-to-subscribe", "inbox"],
)
def test_newsletter_box_lines_are_not_prose(line: str) -> None:
    feats = analyse([line])[0]
    assert feats.chrome or feats.legal


@pytest.mark.parametrize(
    ("signature", "embed"),
    [
        ("— Sam Doe (@samdoe) November 18, 2019", True),
        ("- Sam Doe (@samdoe) 18. November 2019", True),
        ("Follow Sam Doe (@samdoe) on Twitter", False),
    ],
    ids=["en", "de", "not-a-signature"],
)
def test_an_embedded_post_and_its_signature_are_prose(signature: str, embed: bool) -> None:
    text = "Cannot believe the bridge is finally open! https://t.co/abc123"
    post, sign = analyse([text, signature])
    assert post.embed is embed and sign.embed is embed
    assert post.prose is embed
