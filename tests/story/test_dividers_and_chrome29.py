"""Lines between a serial's or a fan fiction's scenes and around its chapters that are no story:
FanFiction.net's letter dividers ("oOoOoOo", "xXxXx", "-o-o-o-"), a rule typed across the page,
a lone centred star; a web serial's "Previous Chapter | Table of Contents | Next Chapter"; a
translator's or an end note under its label. Each was posted as story text."""

from __future__ import annotations

import pytest

from bot.story.structure import is_scene_break
from tests.story.builders import read_text as read


@pytest.mark.parametrize(
    "line",
    [
        *("oOoOoOo", "OoOoOoOoO", "0o0o0o0", "xXxXxXx", "xXx-xXx", "-o-o-o-o-", "~o~o~o~", "-x-x-x-", "—o—"),
        *("x x x", "_" * 50, "=" * 60, "⸻", "*", "-OoOoO-"),
    ],
)
def test_fan_fiction_dividers_are_scene_breaks(line: str) -> None:
    assert is_scene_break(line)
    story = read(f"The night was long.\n\n{line}\n\nIn the morning she left.")
    assert [scene.paragraphs for scene in story.chapters[0].scenes] == [
        ["The night was long."],
        ["In the morning she left."],
    ]


@pytest.mark.parametrize("line", ["xoxo", "xoxoxo", "Ooo", "Xxx", "OOO", "Oh", "*Sigh*", "-Bang-", "100", "XO"])
def test_words_and_kisses_are_no_dividers(line: str) -> None:
    assert not is_scene_break(line)


@pytest.mark.parametrize(
    "line",
    [
        "Previous Chapter | Table of Contents | Next Chapter",
        "« Previous Chapter | ToC | Next Chapter »",
        "<< Prev | Next >>",
        "[Previous] [ToC] [Next]",
        "Next Chapter",
    ],
)
def test_a_serials_chapter_links_are_no_text(line: str) -> None:
    text = f"Chapter 1: Morning\n\n{line}\n\nI opened my eyes.\n\n{line}\n\nChapter 2: Tea\n\nI made tea.\n\n{line}"
    assert [chapter.paragraphs for chapter in read(text).chapters] == [["I opened my eyes."], ["I made tea."]]


@pytest.mark.parametrize("line", ["Contents", "Index", "She was next.", "Next"])
def test_a_word_of_a_link_alone_stays(line: str) -> None:
    text = f"Chapter 1\n\nI opened my eyes.\n\n{line}\n\nChapter 2\n\nI made tea."
    assert read(text).chapters[0].paragraphs == ["I opened my eyes.", line]


@pytest.mark.parametrize(
    "label",
    ["T/N:", "TL Note:", "Translator's Note:", "Translator’s note:", "Editor's Note:", "End note:", "Final note:"],
)
def test_translators_and_end_notes_are_notes(label: str) -> None:
    text = f"Chapter 1\n\nI opened my eyes.\n\n{label} Truck-kun is a meme.\n\nChapter 2\n\nI made tea."
    story = read(text)
    assert story.chapters[0].paragraphs == ["I opened my eyes."]
    assert story.chapters[0].notes == ["Truck-kun is a meme."]


def test_a_translators_credit_is_the_title_pages() -> None:
    text = (
        "The Butler\nAuthor: Hoshikawa Ren\nTranslator: mossbird\n\nChapter 1\n\nI opened my eyes.\n\nChapter 2\n\nTea."
    )
    story = read(text)
    assert (story.meta.title, story.meta.author) == ("The Butler", "Hoshikawa Ren")
    assert [chapter.paragraphs for chapter in story.chapters] == [["I opened my eyes."], ["Tea."]]
