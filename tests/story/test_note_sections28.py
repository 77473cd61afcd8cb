"""Authors' notes as word processors and fic archives write them: "Author’s Note:" with a curly
apostrophe, and an end note under a label on a line of its own ("AUTHOR'S NOTE", "A/N", "Author's
Note:"). Both were posted as story text, and a warning for the next chapter in them warned nobody."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story

STORY = "She ran to the sea and stayed there all night, and nobody came after her.\n\n"


def read(text: str) -> Story:
    return import_story(text.encode(), "fic.txt", max_bytes=1 << 20)


def test_a_note_labelled_with_a_curly_apostrophe_is_a_note() -> None:
    story = read(
        f"Chapter 1\n\n{STORY}Author’s Note: thanks for reading! TW for the next chapter: self-harm\n\nChapter 2\n\n{STORY}"
    )
    assert story.chapters[0].paragraphs == [STORY.strip()]
    assert story.chapters[0].notes == ["thanks for reading! TW for the next chapter: self-harm"]
    assert story.chapters[1].declared_warnings == ["TW for the next chapter: self-harm"]


@pytest.mark.parametrize("label", ["AUTHOR'S NOTE", "A/N", "Author’s Note:", "Notes:", "*A/N*"])
def test_an_end_note_under_a_label_of_its_own_is_the_chapters_note(label: str) -> None:
    text = f"Chapter 1\n\n{STORY}{label}\n\nthanks for reading!! next chapter soon\n\nTW for the next chapter: blood\n\nChapter 2\n\n{STORY}"
    story = read(text)
    assert story.chapters[0].paragraphs == [STORY.strip()]
    assert story.chapters[0].notes == ["thanks for reading!! next chapter soon", "TW for the next chapter: blood"]
    assert story.chapters[1].declared_warnings == ["TW for the next chapter: blood"]


def test_a_long_tail_under_a_label_is_story_text() -> None:
    tail = "And the story went on, long after the label, as stories do. " * 60
    story = read(f"Chapter 1\n\n{STORY}A/N\n\n{tail}\n\nChapter 2\n\n{STORY}")
    assert story.chapters[0].notes == []
    assert story.chapters[0].paragraphs[-1] == tail.strip()


def test_a_label_opening_a_chapter_heads_no_end_note() -> None:
    story = read(f"Chapter 1\n\nNotes:\n\n{STORY}And more of her story went on.\n\nChapter 2\n\n{STORY}")
    assert story.chapters[0].paragraphs == [STORY.strip(), "And more of her story went on."]
    assert story.chapters[0].notes == []


def test_a_note_opening_a_story_reads_as_one_with_a_curly_apostrophe() -> None:
    from bot.story.text_declarations import NOTE_MARKERS

    for line in ("I don’t own anything", "what’s up guys", "hope y’all like it"):
        assert NOTE_MARKERS.search(line), line
