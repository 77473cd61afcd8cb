"""FanFiction.net's longer asks for reviews at a chapter's end ("Please review and let me know what
you think, it means the world to me!", "Reviews are love <3", "Please R&R, flames will be ignored")
are the chapter's notes; a story line that speaks of reviewing stays its text."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story


def _import(text: str, name: str = "story.txt") -> Story:
    return import_story(text.encode(), name, max_bytes=1 << 20)


ASKS = [
    "Please review and let me know what you think, it means the world to me!",
    "Reviews are love <3",
    "R&R!",
    "Please R&R, flames will be used to roast marshmallows.",
    "Please leave a review, I love hearing from you :)",
    "Let me know what you think in a review!",
    "Reviews make me write faster!",
    "Read, review and enjoy!",
    "Review if you liked it!",
    "Thanks for reading! Don't forget to review!",
]


@pytest.mark.parametrize("ask", ASKS)
def test_a_longer_ask_for_reviews_at_a_chapters_end_is_its_note(ask: str) -> None:
    story = _import(
        "The Long Winter\nby snowdrift\n\nChapter 1: Snow\n\nThe snow had been falling for three days.\n\n"
        f"Sirius was waiting in the kitchen.\n\n{ask}\n\n"
        "Chapter 2: Ice\n\nThe lake froze overnight.\n"
    )
    assert story.chapters[0].paragraphs == [
        "The snow had been falling for three days.",
        "Sirius was waiting in the kitchen.",
    ]
    assert story.chapters[0].notes == [ask]


def test_an_ffn_chapter_closing_with_a_note_and_an_ask_keeps_both_as_notes() -> None:
    story = _import(
        "Chapter 1\n\nHarry opened the letter.\n\nIt was from Sirius.\n\n"
        "A/N: Sorry this took so long, exams were brutal.\n\n"
        "Reviews are like chocolate, they make me happy :)\n\n"
        "Chapter 2\n\nThe reply came at dawn.\n"
    )
    assert story.chapters[0].paragraphs == ["Harry opened the letter.", "It was from Sirius."]
    assert story.chapters[0].notes == [
        "Sorry this took so long, exams were brutal.",
        "Reviews are like chocolate, they make me happy :)",
    ]


STORY_LINES = [
    "She didn't review the file.",
    "Please review the contract and let me know what you think, it means the world to me.",
    "Review the evidence!",
    "The reviews are in!",
    "Reviews of the play were love letters to its star.",
    "They needed some R&R after the war.",
    "R&R was what the doctor ordered.",
]


@pytest.mark.parametrize("line", STORY_LINES)
def test_a_story_line_about_reviewing_stays_text(line: str) -> None:
    story = _import(f"Chapter 1\n\nAda sat at her desk.\n\n{line}\n\nChapter 2\n\nThe lake froze overnight.\n")
    assert story.chapters[0].paragraphs == ["Ada sat at her desk.", line]
    assert story.chapters[0].notes == []
