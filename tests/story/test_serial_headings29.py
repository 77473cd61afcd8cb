"""Chapter marks of web serials and phone writers in text files, each read as one chapter of text
before: "1.01" / "1.02" / "2.01" alone (The Wandering Inn's "1.00" and "1.02 H" too), "Arc 2 -
Embers" over its chapters, "ONE" / "TWO" or "• one •" alone, "01. the beginning" and "01 | the
beginning" in lower case; and a thank-you after "THE END", which was the story's last paragraph."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story

CHAPTER = (
    "Mira woke to the smell of smoke and the sound of someone screaming her name, and she was out of bed "
    "before she understood either, bare feet on the cold stone of the landing.\n\n"
) * 5


def read(text: str) -> Story:
    return import_story(text.encode(), "serial.txt", max_bytes=1 << 20)


def titles(story: Story) -> list[str | None]:
    return [chapter.title for chapter in story.chapters]


def test_decimal_chapter_numbers_head_chapters() -> None:
    text = "".join(f"{mark}\n\n{CHAPTER}" for mark in ["1.00", "1.01", "1.02 H", "2.01"])
    assert titles(read(text)) == ["1.00", "1.01", "1.02 H", "2.01"]


def test_decimal_numbers_that_do_not_count_stay_text() -> None:
    text = f"Pi is about\n\n3.14\n\n{CHAPTER}and e is\n\n2.71\n\n{CHAPTER}"
    assert titles(read(text)) == [None]


def test_an_arc_line_is_a_part_over_its_chapters() -> None:
    text = f"Arc 1 - Ashes\n\nChapter 1\n\n{CHAPTER}Chapter 2\n\n{CHAPTER}Arc 2 - Embers\n\nChapter 3\n\n{CHAPTER}"
    story = read(text)
    assert len(story.chapters) == 3
    assert all("Arc" not in paragraph for chapter in story.chapters for paragraph in chapter.paragraphs)


@pytest.mark.parametrize(
    "marks", [["ONE", "TWO", "THREE"], ["One", "Two", "Three"], ["• one •", "• two •", "• three •"]]
)
def test_number_words_alone_head_chapters(marks: list[str]) -> None:
    story = read("".join(f"{mark}\n\n{CHAPTER}" for mark in marks))
    assert titles(story) == [None, None, None]
    assert all(chapter.paragraphs[0].startswith("Mira woke") for chapter in story.chapters)


def test_a_count_inside_a_scene_stays_text() -> None:
    text = "Chapter 1\n\nShe counted the steps.\n\nOne\n\nThe first was cold.\n\nTwo\n\nThe second was colder.\n"
    assert read(text).chapters[0].paragraphs[1] == "One"


@pytest.mark.parametrize("separator", [". ", " | "])
def test_lower_case_titles_under_chapter_numbers(separator: str) -> None:
    text = "".join(f"0{n}{separator}{name}\n\n{CHAPTER}" for n, name in enumerate(["the beginning", "the middle"], 1))
    assert titles(read(text)) == ["the beginning", "the middle"]


def test_a_thank_you_after_the_end_is_a_note() -> None:
    text = (
        f"Chapter 1\n\n{CHAPTER}Chapter 2\n\nThe thaw came late that year.\n\nTHE END\n\n"
        "Thank you so much for reading! This story means the world to me. Please leave a comment.\n"
    )
    last = read(text).chapters[-1]
    assert last.paragraphs == ["The thaw came late that year."]
    assert last.notes == ["Thank you so much for reading! This story means the world to me. Please leave a comment."]
