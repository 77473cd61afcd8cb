"""A note over the story that names a chapter declares its warning for that chapter once (session 38).

"A/N: CW: self-harm in chapter 2." gave chapter 2 two declarations of the same warning, "CW: self-harm in
chapter 2" (the note's declaration, naming its chapter) and "self-harm in chapter 2" (the note's sentence
read again for what a chapter holds): the chapter's header listed the author's words twice.
"""

from __future__ import annotations

import pytest

from tests.story.builders import declared_ids as ids
from tests.story.builders import read_text as read

TEXT = "The tide came in over the causeway twice a day, and twice a day the postman waited on the far side."


def chaptered(note: str) -> str:
    return (
        f"The Causeway\nby tidewriter\n\nA/N: {note}\n\n"
        f"Chapter 1\n\n{TEXT}\n\nChapter 2\n\n{TEXT}\n\nChapter 3\n\n{TEXT}\n"
    )


@pytest.mark.parametrize(
    "note",
    ["CW: self-harm in chapter 2.", "TW for self-harm in chapter 2", "Content warning: self-harm (ch. 2)"],
)
def test_a_note_naming_a_chapter_declares_its_warning_there_once(note: str) -> None:
    story = read(chaptered(note))
    first, second, third = story.chapters
    assert len(second.declared_warnings) == 1, second.declared_warnings
    assert ids(second.declared_warnings) == {"self-harm"}
    assert not first.declared_warnings and not third.declared_warnings
    assert "self-harm" not in ids(story.meta.declared_warnings)


def test_two_warnings_for_two_chapters_each_stay() -> None:
    """Guard: what is dropped is only the same words said again, never another chapter's warning."""
    story = read(chaptered("CW: self-harm in chapter 2. The violence is in chapter 3."))
    assert [sorted(ids(chapter.declared_warnings)) for chapter in story.chapters] == [[], ["self-harm"], ["violence"]]
    assert [len(chapter.declared_warnings) for chapter in story.chapters] == [0, 1, 1]
