"""A chapter title's aside saying where its warnings are ("The Fall (warnings in end notes)"): it was
kept as part of the title, so headers, /story info and the contents named the chapter so (the session-35
text probe noticed it). The warnings are the chapter's note's; the title is its words."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story

LIMIT = 1 << 20


def _story(title: str, note: str) -> bytes:
    return (
        "The Tide\nby Ann Marr\n\nChapter 1: Dawn\n\n"
        "The boats went out at dawn and came back late, and nobody said a word about the weather.\n\n"
        f"Chapter 2: {title}\n\nShe waited on the pier until the lamps were lit, then went down to the water.\n\n"
        f"{note}\n\nChapter 3: After\n\nThe lamps burned all night and in the morning the boats went out again.\n"
    ).encode()


@pytest.mark.parametrize(
    "title", ["The Fall (warnings in end notes)", "The Fall [CW in end notes]", "The Fall (tws at the end)"]
)
def test_an_aside_pointing_to_the_end_notes_leaves_the_title(title: str) -> None:
    story = import_story(_story(title, "A/N: Warnings: suicide attempt, drowning."), "tide.txt", max_bytes=LIMIT)
    assert [chapter.title for chapter in story.chapters] == ["Dawn", "The Fall", "After"]
    assert story.chapters[1].declared_warnings == ["Warnings: suicide attempt, drowning"]


@pytest.mark.parametrize("title", ["The Fall (Part Two)", "The Fall (see end notes)", "Notes (at the end)"])
def test_an_aside_naming_no_warnings_stays_in_the_title(title: str) -> None:
    """Guard: an aside that is the title's own, or points to notes without naming warnings, is kept."""
    story = import_story(_story(title, "She slept."), "tide.txt", max_bytes=LIMIT)
    assert story.chapters[1].title == title
