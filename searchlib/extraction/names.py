"""Tell a person's name from a label: the name rules shared by the byline finders.

A name is two to four capitalised words ("Jane Roe", "Karl von Roe", "J. K. Roe"),
with roles ("Transport Correspondent") and non-persons ("Editorial staff") stripped. Where no
byline word vouches for it, a name must start with a common given name; the given names come
from gender-guesser's dictionary of about 45,000 first names across Europe, the Americas and
Asia (Jörg Michael's ``nam_dict.txt``), plus ``given_names.txt``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

from .rules import section, word_set

MIN_NAME_WORDS = 2
MAX_NAME_WORDS = 4
# A line listing names: a few names and the words between them.
MAX_LIST_WORDS = 20
MIN_GIVEN_LENGTH = 3
# Columns of the dictionary's lines: the sex, the name, then one frequency digit per country.
_NAME_COLUMNS = slice(3, 29)

_SPLIT = re.compile(r"\s{2,}|\s*(?:,|;|\||/|\band\b|\bund\b|\bet\b|\by\b|&)\s*")
# Where a name ends: a separator, a handle, a date, or a word such as "for", "am", "le".
# Also a date glued to the name ("Jane Roe13.12.2022"), a link to the author's social
# profile ("Jane Roe Twitter Account", "Jane Roe Follow"), a label ("Jane Roe Lesezeit: 4")
# or a note in brackets ("Jane Roe (Medizinredakteurin)").
_CUT = re.compile(
    r"(?:\s+(?:[-–—|(•·/]|(?:for|in|at|on|am|um|le|el|il|für|pour|para|per|via|mit|with|avec|con)\b)|\s+\S+@\S+\.|@"
    r"|\s\d|(?<=[^\W\d_])\d{1,4}[./-]\d|\s+[^\W\d_]+:\s+\S"
    r"|\s+(?i:twitter|facebook|instagram|linkedin|follow|folgen|e-mail|email)\b).*$"
)
# A word ending a sentence: longer than an initial or an abbreviation ("J.", "Jr.", "St.").
# A count glued to a name ("Jane Roe4 Kommentare"): the name ends at the digits.
_COUNT_AFTER = re.compile(r"\b([A-ZÀ-Þ][a-zà-ÿ]+)\d+\s.*$")
# A capitalised word glued to the end of another ("RoeStaff").
_GLUED = re.compile(r"(?<=[a-zà-ÿ])[A-ZÀ-Þ][a-zà-ÿ]+")
# Chinese names: two to four Han characters, written without spaces.
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
MIN_HAN_NAME = 2
MAX_HAN_NAME = 4
_SENTENCE_END = re.compile(r"^\w{4,}\.$")
_NAME_WORD = re.compile(r"^[A-ZÀ-Þ][^\W\d_'’.-]*(?:['’.-][^\W\d_]*)*\.?$")
_ACRONYM = re.compile(r"^[A-ZÀ-Þ]{2,}$")
MIN_HANDLE_LETTERS = 3
# A word that can only be a user name: a capital inside, a digit or "_".
_HANDLE_SHAPED = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ]|[\d_]")
_HANDLE = re.compile(r"^[^\W\d_][\w.-]{2,29}$")
_PARTICLES = frozenset(
    "van von vom de da del della di du dos la le der den ten ter bin al el".split()  # noqa: SIM905
)
# Separators and dashes at the edges of a line of names.
EDGE_MARKS = " ,|·•-–—"


@cache
def given_names() -> frozenset[str]:
    """Given names, lower-case, without the common words of the main Western languages.

    Rare names include many words ("Alle", "Foto"): ``not_names.txt`` lists those.
    """
    raw = resources.files("gender_guesser").joinpath("data/nam_dict.txt").read_bytes()
    found = set(word_set("given_names.txt"))
    for line in raw.decode("utf-8", "replace").splitlines():
        if line[:1] in "#=":
            continue
        # A "+" joins the parts of a compound name ("Jan+Erik"): its first part is a name too.
        name = line[_NAME_COLUMNS].strip().lower().split("+")[0]
        if len(name) >= MIN_GIVEN_LENGTH:
            found.add(name)
    return frozenset(found - word_set("stopwords.txt") - word_set("not_names.txt"))


def is_given_name(word: str) -> bool:
    """True for a common given name ("Jane", "Jörg"), or the first part of a hyphenated one."""
    lowered = word.lower().strip(".,").split("-")[0]
    if lowered in given_names():
        return True
    # The dictionary spells some names without their accents ("Victor" for "Víctor").
    return not lowered.isascii() and _unaccented(lowered) in given_names()


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def clean_names(text: str, *, handles: bool = False, strict: bool = False) -> tuple[str, ...]:
    """Person names in a byline's text: split, roles dropped, capitals normalised.

    Args:
        text: what follows the byline word.
        handles: accept a one-word user name ("By jdoe"), as after an explicit byline word.
        strict: accept only names starting with a common given name, where no byline word
            vouches for the text.
    """
    names = []
    text = _COUNT_AFTER.sub(r"\1", _GLUED.sub(_unglue, text))
    parts = [p.strip(" .:") for p in _SPLIT.split(_CUT.sub("", text)) if p.strip(" .:")]
    for part in parts:
        alone = len(parts) == 1
        name = person(part, strict=strict) or (_one_word(part, handles) if alone else None)
        name = name or (_leading_handle(part) if handles and alone else None)
        if name and name not in names:
            names.append(name)
    return tuple(names)


def _unglue(match: re.Match[str]) -> str:
    """A role glued to the name ("Jane RoeStaff Writer") set apart; other words kept."""
    word = match.group(0)
    return f" {word}" if word.lower() in word_set("roles.txt") else word


def _one_word(text: str, handles: bool) -> str | None:
    """A one-word name after a byline word: a given name ("By Jane"), a Chinese name written
    without spaces, or a user name.
    """
    if _HAN.match(text):
        return _han_name(text)
    if text[:1].isupper() and text.isalpha() and is_given_name(text):
        return text
    return handle(text) if handles else None


def _leading_handle(text: str) -> str | None:
    """A user name shaped as one ("JaneRoe", "jroe23", "j_roe") opening a few words
    ("JaneRoe Ein Kommentar"); a capitalised word ("Associated Press") is no user name.
    """
    words = text.split()
    if not words or len(words) > MAX_NAME_WORDS or not looks_like_handle(words[0]):
        return None
    return handle(words[0])


def looks_like_handle(word: str) -> bool:
    """True for a word shaped only as a user name: a capital inside, a digit or "_"."""
    return bool(_HANDLE_SHAPED.search(word))


def _han_name(text: str) -> str | None:
    """A Chinese name (two to four characters), a role before it dropped ("记者王敬" -> "王敬")."""
    for word in sorted(section("bylines.txt", "han"), key=len, reverse=True):
        if text.startswith(word):
            text = text[len(word) :]
            break
    return text if MIN_HAN_NAME <= len(text) <= MAX_HAN_NAME else None


def split_names(line: str) -> list[str]:
    """The parts of a line of bare names ("Jane Roe, John Doe and Maria Lopez")."""
    parts = (p.strip(" .:") for p in _SPLIT.split(line.strip(EDGE_MARKS)))
    return [p for p in parts if p]


def given_name_line(line: str) -> tuple[str, ...]:
    """Bare names that each start with a common given name ("Jane Roe and John Doe").

    A capitalised pair ("Market News") is a label unless its first word is a given name.
    """
    words = line.split()
    # Every part starts with a given name, so the first word must be one: most lines stop here.
    if not words or len(words) > MAX_LIST_WORDS or not is_given_name(words[0].strip(EDGE_MARKS)):
        return ()
    names = [person(part, strict=True) for part in split_names(line)]
    if not names or not all(names):
        return ()
    return tuple(dict.fromkeys(n for n in names if n))


def person(text: str, *, strict: bool = False) -> str | None:
    """``text`` as a person's name, capitals normalised; None when it is not one.

    Args:
        text: the candidate name.
        strict: require a common given name first ("Market News" is a label).
    """
    tokens = text.split()
    if text.isupper():
        tokens = [t.capitalize() for t in tokens]
    half = len(tokens) // 2
    if half and tokens[:half] == tokens[half:]:
        tokens = tokens[:half]  # "Jane Roe Jane Roe": a name and its link
    if not word_set("organisations.txt").isdisjoint(t.lower() for t in tokens):
        return None  # "Jane Roe Verlag GmbH": an organisation
    roles = word_set("roles.txt")
    if any(t.lower().strip(".,") in roles for t in tokens):
        tokens = _before_role(tokens, roles)
    if not MIN_NAME_WORDS <= len(tokens) <= MAX_NAME_WORDS or not _shaped_like_a_name(tokens):
        return None
    if tokens[0].lower() in section("bylines.txt", "inline"):
        return None  # "Von Jane": a byline word the pattern did not strip
    if strict and not is_given_name(tokens[0]):
        return None
    return " ".join(tokens)


def strict_name(text: str) -> tuple[str, ...]:
    """``text`` as the one person it names, starting with a given name; else nothing."""
    name = person(text, strict=True)
    return (name,) if name else ()


def _shaped_like_a_name(tokens: list[str]) -> bool:
    """Capitalised words, particles only inside, no sentence end, no phrase or title."""
    if not all(_NAME_WORD.match(t) or t in _PARTICLES for t in tokens):
        return False
    if not _NAME_WORD.match(tokens[0]) or not _NAME_WORD.match(tokens[-1]):
        return False  # "der Roe": not a name
    if any(t.endswith(("'", "’", "'s", "’s")) for t in tokens):
        return False  # "Jane's Blog": a possessive
    if any(c.isdigit() for t in tokens for c in t) or any(_SENTENCE_END.search(t) for t in tokens):
        return False  # "Theme. Powered by X": not a name
    if tokens[0].lower() in word_set("articles.txt"):
        return False  # "The Daily Paper", "Die Zeitung": a title, not a name
    later = (t.lower() for t in tokens[1:])
    if not word_set("stopwords.txt").isdisjoint(t for t in later if t not in _PARTICLES):
        return False  # "Read What": words of a phrase
    if _ACRONYM.match(tokens[0]) and not all(t.isupper() for t in tokens):
        return False  # "ABK Musterstadt": an organisation
    # "Leiterin der Stiftung": a particle makes a name only after a given name.
    return not any(t in _PARTICLES for t in tokens) or is_given_name(tokens[0])


def handle(text: str) -> str | None:
    """A one-word user name, unless it is a role ("admin") or a common word."""
    if not _HANDLE.match(text) or sum(c.isalpha() for c in text) < MIN_HANDLE_LETTERS:
        return None
    lowered = text.lower()
    if lowered in word_set("roles.txt") or lowered in word_set("stopwords.txt"):
        return None
    return text


def _before_role(tokens: list[str], roles: frozenset[str]) -> list[str]:
    """The name beside a role ("Jane Roe Transport Correspondent", "Editor Jane Roe")."""
    lead = 0
    while lead < len(tokens) and tokens[lead].lower().strip(".,") in roles:
        lead += 1
    tokens = tokens[lead:]
    for i, token in enumerate(tokens):
        if token.lower().strip(".,") in roles:
            head = tokens[:i]
            return head if len(head) >= MIN_NAME_WORDS else []
    return tokens
