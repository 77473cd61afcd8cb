"""Footnotes as bare digits in a text or Markdown file ("midnight.1" and a numbered list at the end):
paired, the list is the chapters' notes and the calls leave the text; unpaired, the text stays."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story


def _import(text: str, name: str) -> Story:
    return import_story(text.encode(), name, max_bytes=1 << 20)


BOOK_END = (
    "Chapter 1\n\nThe clock struck midnight.1 Ada counted the chimes, as her father had taught her.2\n\n"
    "It was 1893, and the town had 400 clocks.\n\n"
    "Chapter 2\n\nShe opened the case.3 Inside lay a letter.\n\n"
    "Notes\n\n1 In the old style, thirteen chimes.\n2 He was a clockmaker for forty years.\n3 The case was walnut.\n"
)
CHAPTER_END = (
    "## Chapter 1\n\nThe clock struck midnight.1 Ada counted the chimes.\n\nIt was 1893.\n\n"
    "1. In the old style, thirteen chimes.\n\n"
    "## Chapter 2\n\nShe opened the case,1 and inside lay a letter.\n\n1. The case was walnut.\n"
)


def test_a_list_at_the_books_end_is_the_notes_of_the_chapters_calling_it() -> None:
    story = _import(BOOK_END, "clock.txt")
    assert [chapter.paragraphs for chapter in story.chapters] == [
        [
            "The clock struck midnight. Ada counted the chimes, as her father had taught her.",
            "It was 1893, and the town had 400 clocks.",
        ],
        ["She opened the case. Inside lay a letter."],
    ]
    assert story.chapters[0].notes == [
        "Footnote 1: In the old style, thirteen chimes.",
        "Footnote 2: He was a clockmaker for forty years.",
    ]
    assert story.chapters[1].notes == ["Footnote 3: The case was walnut."]


def test_a_list_at_each_chapters_end_is_its_notes() -> None:
    story = _import(CHAPTER_END, "clock.md")
    assert [chapter.paragraphs for chapter in story.chapters] == [
        ["The clock struck midnight. Ada counted the chimes.", "It was 1893."],
        ["She opened the case, and inside lay a letter."],
    ]
    assert [chapter.notes for chapter in story.chapters] == [
        ["Footnote 1: In the old style, thirteen chimes."],
        ["Footnote 1: The case was walnut."],
    ]


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        (  # a list in the story, no calls
            "## Chapter 1\n\nAda wrote her list.\n\n1. Eggs\n\n2. Milk\n\n## Chapter 2\n\nShe went out.\n",
            ["Ada wrote her list.", "1. Eggs", "2. Milk"],
        ),
        (  # calls that do not count as the list does: an mp3 is no footnote
            "## Chapter 1\n\nShe played the mp3 twice.1\n\n1. Loudly.\n\n## Chapter 2\n\nShe went out.\n",
            ["She played the mp3 twice.1", "1. Loudly."],
        ),
        (  # calls and no list
            "## Chapter 1\n\nThe clock struck midnight.1 Ada counted.\n\n## Chapter 2\n\nShe went out.\n",
            ["The clock struck midnight.1 Ada counted."],
        ),
    ],
)
def test_calls_and_a_list_that_do_not_pair_stay_as_they_are(text: str, paragraphs: list[str]) -> None:
    story = _import(text, "list.md")
    assert story.chapters[0].paragraphs == paragraphs
    assert story.chapters[0].notes == []
