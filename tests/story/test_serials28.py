"""Web serials' and diaries' chapter words: Worm's "Gestation 1.1" (an arc's name and the chapter's
number in it), "Episode 2: The Return", "Day 3". Each was read as text: the story one chapter."""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.model import Story

PROSE = "The story went on for a while in plain words, as stories do, and nobody stopped it.\n\nIt went on.\n\n"


def read(text: str) -> Story:
    return import_story(text.encode(), "serial.txt", max_bytes=1 << 20)


def titles(story: Story) -> list[str | None]:
    return [chapter.title for chapter in story.chapters]


def test_chapters_named_for_their_arc_and_numbered_in_it() -> None:
    text = f"Gestation 1.1\n\n{PROSE}Gestation 1.2\n\n{PROSE}Interlude 1\n\n{PROSE}Insinuation 2.1\n\n{PROSE}"
    assert titles(read(text)) == ["Gestation 1.1", "Gestation 1.2", "Interlude 1", "Insinuation 2.1"]


def test_arc_numbers_that_do_not_count_on_stay_text() -> None:
    text = f"Gestation 1.1\n\n{PROSE}Version 4.7\n\n{PROSE}"
    assert titles(read(text)) == [None]


def test_episodes_and_days_head_chapters() -> None:
    assert titles(read(f"Episode 1: Pilot\n\n{PROSE}Episode 2: The Return\n\n{PROSE}")) == ["Pilot", "The Return"]
    assert titles(read(f"Day 1\n\n{PROSE}Day 2\n\n{PROSE}Day 3\n\n{PROSE}")) == ["Day 1", "Day 2", "Day 3"]


def test_a_day_line_inside_a_chapter_or_a_sentence_stays_text() -> None:
    story = read(f"Chapter 1\n\n{PROSE}Day 2\n\n{PROSE}Chapter 2\n\n{PROSE}")
    assert titles(story) == [None, None]
    assert "Day 2" in story.chapters[0].paragraphs
    story = read(f"Day 2 of the trip was worse.\n\n{PROSE}")
    assert story.chapters[0].paragraphs[0] == "Day 2 of the trip was worse."
