"""Chapters numbered in parts: "Chapter 1.1", "1.2 - Dawn" (web serials, fics split for length)."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.structure import match_heading

LIMIT = 8 * 1024 * 1024
PROSE = "Ada crossed the river at dawn, and the water was colder than she had been told."


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Chapter 1.1", "Chapter 1.1"),
        ("Chapter 1.2: Dawn", "Chapter 1.2: Dawn"),
        ("Chapter 12.10 - The End", "Chapter 12.10: The End"),
        ("Chapter 3", None),
        ("Chapter 1. The Start", "The Start"),
    ],
)
def test_a_sub_numbered_chapter_keeps_its_number(line: str, title: str | None) -> None:
    heading = match_heading(line, markdown=False)
    assert heading is not None and heading.kind == "chapter" and heading.title == title


def test_a_part_numbered_in_parts_keeps_its_number() -> None:
    heading = match_heading("Part 2.1", markdown=False)
    assert heading is not None and heading.title == "Part 2.1"


def test_a_sub_numbered_chapter_series_in_a_text_file() -> None:
    text = "".join(f"Chapter 1.{n}: Dawn {n}\n\n{PROSE}\n\n" for n in range(1, 4))
    story = import_story(text.encode(), "split.txt", max_bytes=LIMIT)
    assert [chapter.title for chapter in story.chapters] == [
        "Chapter 1.1: Dawn 1",
        "Chapter 1.2: Dawn 2",
        "Chapter 1.3: Dawn 3",
    ]


def test_dash_lines_numbered_in_parts_head_chapters() -> None:
    parts = [("1.1", "The Ford"), ("1.2", "The Bank"), ("2.1", "The Road"), ("2.2", "The Inn")]
    text = "The Split\n\n" + "".join(f"{number} - {title}\n\n{PROSE}\n\n" for number, title in parts)
    story = import_story(text.encode(), "split.txt", max_bytes=LIMIT)
    assert [chapter.title for chapter in story.chapters] == [f"{number}: {title}" for number, title in parts]
    assert all(chapter.scenes[0].paragraphs == [PROSE] for chapter in story.chapters)


def test_dash_lines_that_do_not_count_up_stay_text() -> None:
    text = "".join(f"{number} - Notes\n\n{PROSE}\n\n" for number in ("1.1", "3.4", "1.2"))
    story = import_story(text.encode(), "split.txt", max_bytes=LIMIT)
    assert len(story.chapters) == 1
