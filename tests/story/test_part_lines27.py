"""A part word's line inside a fic's chapter ("Part 2", "Book 2", "Act 2") against parts that group chapters.

Fics halve a long chapter with a "Part 1" / "Part 2" line under its "Chapter 3" heading; books set
"Part Two" over the chapter that opens it. Read as a chapter, the fic's line numbered the author's
"Chapter 2" as Dogear's third (members and discussions then name the wrong chapter), and a "Part 1"
straight under "Chapter 1" left that chapter empty, so the whole upload was refused.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story

LIMIT = 1 << 22


def read(text: str, filename: str = "story.txt") -> Story:
    return import_story(text.encode(), filename, max_bytes=LIMIT)


def fic(line: str, label: str = "Chapter") -> str:
    return (
        f"My Fic\nby Someone\n\n{label} 1\n\nShe packed the car before dawn.\n\n{line}\n\n"
        f"The drive north took all day.\n\n{label} 2\n\nThey arrived after dark.\n\n{line[:-1]}3\n\n"
        "Nobody was home.\n"
    )


@pytest.mark.parametrize("line", ["Part 2", "PART II", "Book 2", "Act 2", "Part 2: The Road"])
def test_a_part_line_inside_a_fics_chapter_is_its_text(line: str) -> None:
    story = read(fic(line))
    assert [chapter.title for chapter in story.chapters] == [None, None]
    assert story.chapters[0].paragraphs == ["She packed the car before dawn.", line, "The drive north took all day."]
    assert story.chapters[1].paragraphs[-1] == "Nobody was home."


def test_a_part_line_inside_a_chapter_in_another_language_is_its_text() -> None:
    story = read(fic("Teil 2", label="Kapitel"))
    assert len(story.chapters) == 2
    assert "Teil 2" in story.chapters[0].paragraphs


def test_parts_straight_under_a_chapter_heading_halve_it_and_the_upload_is_read() -> None:
    """ "Chapter 1", "Part 1", text, "Part 2", text: refused before ("Chapter 1" had no text under it)."""
    text = (
        "Chapter 1\n\nPart 1\n\nShe packed the car.\n\nPart 2\n\nThe drive took all day.\n\n"
        "Chapter 2\n\nPart 1\n\nThey arrived after dark.\n"
    )
    story = read(text)
    assert len(story.chapters) == 2
    assert "Part 2" in story.chapters[0].paragraphs
    assert story.chapters[0].paragraphs[-1] == "The drive took all day."
    assert story.chapters[1].paragraphs[-1] == "They arrived after dark."


def test_parts_over_chapters_stay_parts() -> None:
    text = (
        "Part One\n\nChapter 1\n\nIt was a fine morning.\n\nChapter 2\n\nIt rained.\n\n"
        "Part Two\n\nChapter 3\n\nThe spring came late.\n"
    )
    assert [chapter.title for chapter in read(text).chapters] == ["Part One", None, "Part Two"]


def test_a_part_over_a_chapter_after_chapters_with_text_stays_a_part() -> None:
    """No "Part One" before the first chapter: "Part Two" still heads the chapter under it."""
    text = (
        "Chapter 1\n\nIt was a fine morning.\n\nChapter 2\n\nIt rained.\n\n* * *\n\nPart Two\n\n"
        "Chapter 3\n\nThe spring came late.\n"
    )
    assert [chapter.title for chapter in read(text).chapters] == [None, None, "Part Two"]


def test_a_story_in_parts_alone_keeps_them_as_chapters() -> None:
    text = "Part 1\n\nShe packed the car.\n\nPart 2\n\nThe drive took all day.\n\nPart 3\n\nThey arrived.\n"
    assert [chapter.title for chapter in read(text).chapters] == ["Part 1", "Part 2", "Part 3"]


@pytest.mark.parametrize(
    ("text", "filename", "chapters"),
    [
        (
            "<html><head><title>My Fic</title></head><body><h1>My Fic</h1><p>Chapter 1</p><p>She packed the car.</p>"
            "<p>Part 2</p><p>The drive took all day.</p><p>Chapter 2</p><p>They arrived.</p></body></html>",
            "fic.html",
            2,
        ),
        (
            "<html><body><h2>Chapter 1</h2><p>She packed the car.</p><h2>Part 2</h2><p>The drive took all day.</p>"
            "<h2>Chapter 2</h2><p>They arrived.</p></body></html>",
            "fic.html",
            3,
        ),
        (
            "## Chapter 1\n\nShe packed the car.\n\n## Part 2\n\nThe drive.\n\n## Chapter 2\n\nThey arrived.\n",
            "fic.md",
            3,
        ),
    ],
)
def test_a_part_line_in_a_paragraph_is_text_and_one_set_as_a_heading_stays_one(
    text: str, filename: str, chapters: int
) -> None:
    """A web page's "<p>Part 2</p>" is the chapter's text; an ``<h2>`` or a Markdown "##" is the author's heading."""
    assert len(import_story(text.encode(), filename, max_bytes=LIMIT).chapters) == chapters
