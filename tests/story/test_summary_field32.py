"""A short "Summary:" field in a paragraph of its own. Read as a label alone on its line ("Summary"
over its text), it made the paragraph under it the summary: the story's first paragraph, or a
warning line ("⚠️ TW: blood" left the summary "⚠️"), was taken out of the story or lost."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story

FIRST = "She walked to the shop and bought bread. It was a long day."
SECOND = "He waited by the sea wall until the tide turned and the boats came in."


def read(text: str) -> Story:
    return import_story(text.encode(), "story.txt", max_bytes=1 << 20)


def paragraphs(story: Story) -> list[str]:
    return [paragraph for chapter in story.chapters for scene in chapter.scenes for paragraph in scene.paragraphs]


@pytest.mark.parametrize("summary", ["Two friends walk home", "A short story", "Sea, salt, bread"])
def test_a_short_summary_field_keeps_its_value_and_the_story_its_first_paragraph(summary: str) -> None:
    story = read(f"Title: Salt Road\n\nSummary: {summary}\n\n{FIRST}\n\n{SECOND}\n")
    assert story.meta.summary == summary
    assert paragraphs(story) == [FIRST, SECOND]


def test_a_warning_under_a_short_summary_is_declared_and_the_summary_kept() -> None:
    story = read(f"Title: Salt Road\n\nSummary: A short story\n\n⚠️ TW: blood, self-harm\n\n{FIRST}\n")
    assert story.meta.summary == "A short story"
    assert story.meta.declared_warnings == ["TW: blood, self-harm"]
    assert paragraphs(story) == [FIRST]


@pytest.mark.parametrize("label", ["Summary", "Summary:", "SUMMARY"])
def test_a_label_alone_still_takes_the_paragraph_under_it(label: str) -> None:
    story = read(f"Title: Salt Road\n\n{label}\n\nTwo friends walk home.\n\n{FIRST}\n")
    assert story.meta.summary == "Two friends walk home."
    assert paragraphs(story) == [FIRST]
