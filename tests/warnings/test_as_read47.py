"""The scan reads words as they show, whatever characters spell them (forty-seventh session).

A publisher's EPUB puts a soft hyphen at every place a word may break, text copied from the web
carries zero-width spaces and no-break spaces, a styled fic is set in full-width letters, a PDF
turned into text spells "flames" with a ligature, and a hostile upload spells "dead" with a
Cyrillic "е". Each of those hid the words from the rules: a scene of shelling and a murder written
with soft hyphens scored 2.6 where the plain text scored 8.3, and in full-width letters or with
lookalikes it had no warning at all. The scan now reads the text as a reader takes it in
(:func:`bot.text.as_read`), and finds the same warnings with the same scores.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.text import as_read
from bot.warnings.declared import Declared
from bot.warnings.engine import scan
from bot.warnings.rules import default_ruleset

SCENE = [
    "The guns shelled the village from dawn until nothing stood; by noon the bodies of the"
    " villagers lay in the square and the survivors fled down the road with what they could carry.",
    "My brother was murdered in the doorway. I held him while he took his last breath, and then he was still.",
]


def _soft_hyphens(text: str) -> str:
    """A hyphenating EPUB's text: a soft hyphen after every third letter of a long word."""
    words = []
    for word in text.split(" "):
        if len(word) > 5:
            word = "\u00ad".join(word[i : i + 3] for i in range(0, len(word), 3))
        words.append(word)
    return " ".join(words)


def _full_width(text: str) -> str:
    return "".join(chr(ord(char) + 0xFEE0) if "!" <= char <= "~" else char for char in text)


DISGUISES = {
    "soft hyphens": _soft_hyphens,
    "zero-width spaces": lambda text: text.replace("er", "e\u200br").replace("ll", "l\u2060l"),
    "no-break spaces": lambda text: text.replace(" ", "\u00a0"),
    "full-width letters": _full_width,
    "ligatures": lambda text: text.replace("fl", "\ufb02").replace("ff", "\ufb00").replace("fi", "\ufb01"),
    "a byte-order mark and direction marks": lambda text: "\ufeff" + text.replace(" the ", " \u200ethe\u200f "),
    "Cyrillic and Greek lookalikes": lambda text: text.replace("e", "\u0435").replace("o", "\u03bf"),
}


def _scores(paragraphs: list[str]) -> dict[str, tuple[str, float]]:
    story = Story(StoryMeta("t"), [Chapter(1, None, [Scene(paragraphs)])], "txt")
    report = scan(story, default_ruleset(), declared=Declared())
    found = {warning.id: ("confident", warning.score) for warning in report.warnings}
    found |= {warning.id: ("possible", warning.score) for warning in report.possible}
    return found


@pytest.mark.parametrize("disguise", DISGUISES, ids=list(DISGUISES))
def test_a_scene_spelled_otherwise_has_the_same_warnings_and_scores(disguise: str) -> None:
    plain = _scores(SCENE)
    assert {"death", "collective-violence"} <= plain.keys()
    assert _scores([DISGUISES[disguise](paragraph) for paragraph in SCENE]) == plain


def test_the_evidence_shows_the_words_without_the_invisible_characters() -> None:
    story = Story(StoryMeta("t"), [Chapter(1, None, [Scene([_soft_hyphens(p) for p in SCENE])])], "txt")
    report = scan(story, default_ruleset(), declared=Declared())
    evidence = [item.text for warning in report.warnings for item in warning.evidence]
    assert evidence
    assert not any("\u00ad" in text for text in evidence)
    assert any("murdered" in text or "villagers" in text for text in evidence)


def test_ascii_text_is_the_same_object() -> None:
    text = "He was dead tired after the match."
    assert as_read(text) is text


def test_a_paragraph_folding_would_grow_many_fold_is_read_as_written() -> None:
    """ "ﷺ" is one character that NFKC spells out in 18: an upload of them would grow 18-fold."""
    expanding = "\ufdfa" * 1_000
    assert as_read(expanding) == expanding
    one = "the ﬂames rose over the roofs of the old town all night \ufdfa"
    assert as_read(one) == unicodedata.normalize("NFKC", one)


def test_accents_and_other_alphabets_stay() -> None:
    assert as_read("Émile's café in Москва, ο φίλος") == "Émile's café in Москва, ο φίλος"


@given(st.text(max_size=200))
def test_reading_twice_reads_the_same(text: str) -> None:
    once = as_read(text)
    assert as_read(once) == once
    grows = len(unicodedata.normalize("NFKC", once)) > 2 * len(once)
    assert grows or unicodedata.is_normalized("NFKC", once)
    assert "\u00ad" not in once and "\u200b" not in once and "\ufeff" not in once
