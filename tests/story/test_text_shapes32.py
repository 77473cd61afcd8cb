"""Plain-text shapes real writers paste that were misread (the thirty-second session): a note saying
a chapter has no warnings read as a declaration, a tag strip's "18+" kept as a tag "18"."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from tests.story.builders import Ao3Chapter, Ao3Work, ao3_epub

TEXT = "The lighthouse keeper counted the gulls on the rail every morning, and every morning one was missing."
MORE = "By the end of the month the rail was bare, and she started counting the boats instead."


def read(text: str, name: str = "story.txt") -> Story:
    return import_story(text.encode(), name, max_bytes=1 << 20)


# No warnings: a note that says a chapter has none declares nothing.


@pytest.mark.parametrize(
    "note",
    [
        "No warnings for this chapter beyond the tags.",
        "Hi all! No TWs for this one, it's pure fluff.",
        "No other content warnings for this chapter.",
    ],
)
def test_a_note_saying_no_warnings_declares_nothing(note: str) -> None:
    work = Ao3Work(
        chapters=[
            Ao3Chapter("Chapter 1: Gulls", [TEXT], notes=note),
            Ao3Chapter("Chapter 2: Boats", [MORE], notes="Warnings for this chapter: drowning, blood."),
        ]
    )
    story = import_story(ao3_epub(work), "work.epub", max_bytes=1 << 20)
    assert story.chapters[0].declared_warnings == []
    assert story.chapters[1].declared_warnings == ["Warnings for this chapter: drowning, blood"]


def test_a_text_note_saying_no_warnings_declares_nothing() -> None:
    story = read(f"Chapter 1\n\nA/N: no warnings for this chapter beyond the tags!\n\n{TEXT}\n\nChapter 2\n\n{MORE}\n")
    assert [chapter.declared_warnings for chapter in story.chapters] == [[], []]


def test_a_warning_beside_a_no_warnings_sentence_is_still_declared() -> None:
    story = read(f"Chapter 1\n\nA/N: TW: blood. No other warnings for this one.\n\n{TEXT}\n\nChapter 2\n\n{MORE}\n")
    assert story.chapters[0].declared_warnings == ["TW: blood"]


# A tag strip's age rating is the story's rating.

STRIP_HEADER = "Salt Marsh\nby heronwrites\n\n{strip}\n\nChapter 1\n\n" + TEXT + "\n\nChapter 2\n\n" + MORE + "\n"


@pytest.mark.parametrize(
    ("strip", "rating"),
    [
        ("🔞 18+ | ⚠️ tw: blood, vomit | 🌊 slow burn", "18+"),
        ("16+ • cw: self harm • hurt/comfort", "16+"),
        ("🔞 | angst | tw: gore, blood", "18+"),
        ("R18 · cw: gore · enemies to lovers", "18+"),
    ],
)
def test_a_tag_strips_age_rating_is_the_rating(strip: str, rating: str) -> None:
    story = read(STRIP_HEADER.format(strip=strip))
    assert story.meta.rating == rating
    assert not any(tag.strip("+").isdigit() for tag in story.meta.additional_tags)
    assert story.meta.declared_warnings
    assert len(story.chapters) == 2


def test_a_count_in_a_strip_stays_a_tag_beside_its_rating() -> None:
    story = read(STRIP_HEADER.format(strip="18+ | tw: blood | 12 chapters | 16 | angst"))
    assert story.meta.rating == "18+"
    assert story.meta.additional_tags == ["12 chapters", "16", "angst"]
