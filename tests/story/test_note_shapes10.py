"""The author's words set among a chapter's paragraphs in pasted Wattpad and FanFiction.net stories:
a "TW: blood" line before a scene, an "Edited 3/4/21" mark over the chapter and a one-ask sign-off
("Review please!") are the chapter's notes; story sentences of the same words stay its text."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from tests.story.builders import epub_bytes, xhtml


def _import(text: str, name: str = "story.txt") -> Story:
    return import_story(text.encode(), name, max_bytes=1 << 20)


def _chapters(middle: str, *, markdown: bool = False) -> str:
    heading = "## " if markdown else ""
    return (
        f"{heading}Chapter 1\n\nThe moon was full that night.\n\n{middle}\n\nSomething howled in the woods.\n\n"
        f"{heading}Chapter 2\n\nMorning came grey.\n"
    )


@pytest.mark.parametrize(
    ("middle", "declared"),
    [
        ("TW: blood", ["TW: blood"]),
        ("~~~\n\nCW: self harm, blood", ["CW: self harm, blood"]),
        ("**TW: blood**", ["TW: blood"]),
        ("TW: blood\nCW: self-harm", ["TW: blood", "CW: self-harm"]),
    ],
)
@pytest.mark.parametrize("markdown", [False, True])
def test_a_declaration_line_inside_a_chapter_is_its_note(middle: str, declared: list[str], markdown: bool) -> None:
    story = _import(_chapters(middle, markdown=markdown), "story.md" if markdown else "story.txt")
    chapter = story.chapters[0]
    assert chapter.paragraphs == ["The moon was full that night.", "Something howled in the woods."]
    assert chapter.declared_warnings == declared
    assert story.chapters[1].declared_warnings == []
    assert len(chapter.notes) == 1


@pytest.mark.parametrize(
    "line",
    [
        '"TW: blood," she joked.',
        "TW: spiders",  # no warning the taxonomy knows
        "Warning: the stairs are steep.",
        "TW: death was near",
        "She typed TW: blood into the search bar.",
    ],
)
def test_a_story_line_like_a_declaration_stays_story_text(line: str) -> None:
    story = _import(_chapters(line))
    assert story.chapters[0].paragraphs == [
        "The moon was full that night.",
        line,
        "Something howled in the woods.",
    ]
    assert story.chapters[0].notes == []


def test_a_chapter_of_nothing_but_a_declaration_keeps_it() -> None:
    story = _import("Chapter 1\n\nThe moon rose.\n\nChapter 2\n\nTW: blood\n\nChapter 3\n\nMorning came.\n")
    assert story.chapters[1].paragraphs == ["TW: blood"]


@pytest.mark.parametrize("mark", ["Edited", "(edited)", "Edited 3/4/21", "EDITED: March 4, 2021", "[edited 2021]"])
def test_an_edited_mark_at_a_chapters_start_is_its_note(mark: str) -> None:
    story = _import(f"Chapter 1\n\n{mark}\n\nThe moon was full.\n\nIt rose.\n\nChapter 2\n\nMorning came.\n")
    assert story.chapters[0].title is None
    assert story.chapters[0].paragraphs == ["The moon was full.", "It rose."]
    assert story.chapters[0].notes == [mark]


def test_a_sentence_about_editing_stays_story_text() -> None:
    lines = ["Edited by her father, the letter read differently.", "The moon was full."]
    story = _import("Chapter 1\n\n" + "\n\n".join(lines) + "\n\nChapter 2\n\nMorning came.\n")
    assert story.chapters[0].paragraphs == lines


@pytest.mark.parametrize(
    "ask", ["Review please!", "Please review!", "R&R!", "Read and review :)", "Please R&R", "Reviews please!! <3"]
)
def test_a_single_ask_at_a_chapters_end_is_its_note(ask: str) -> None:
    story = _import(f"Chapter 1\n\nThe moon was full.\n\nIt rose.\n\n{ask}\n\nChapter 2\n\nMorning came.\n")
    assert story.chapters[0].paragraphs == ["The moon was full.", "It rose."]
    assert story.chapters[0].notes == [ask]


@pytest.mark.parametrize(
    "line", ["Vote!", "They would review the case.", '"Review please!" he said.', "Review.", "Please, Ada, review it."]
)
def test_a_story_line_about_reviews_stays_story_text(line: str) -> None:
    story = _import(f"Chapter 1\n\nThe moon was full.\n\n{line}\n\nChapter 2\n\nMorning came.\n")
    assert story.chapters[0].paragraphs == ["The moon was full.", line]


def _toc_epub(labels: list[str]) -> Story:
    """FicHub's EPUB of a site without chapter headings: each chapter's file holds only its text,
    and the contents list numbers every chapter ("1. Aftermath")."""
    docs = [
        (f"c{i}.xhtml", xhtml(f"<p>Text of part {i}.</p><p>More of part {i}.</p>")) for i in range(1, len(labels) + 1)
    ]
    points = [(label, f"c{i}.xhtml") for i, label in enumerate(labels, 1)]
    return import_story(epub_bytes(docs, nav_points=points), "fichub.epub", max_bytes=1 << 20)


def test_a_numbered_contents_list_gives_titles_without_the_numbers() -> None:
    story = _toc_epub(["1. Aftermath", "2. Grimmauld Place", "3. Epilogue"])
    assert [chapter.title for chapter in story.chapters] == ["Aftermath", "Grimmauld Place", "Epilogue"]


@pytest.mark.parametrize(
    "labels",
    [
        ["1984", "Homage", "Coda"],
        ["1. Aftermath", "Grimmauld Place", "3. Epilogue"],  # not every entry numbered
        ["2. Aftermath", "1. Grimmauld Place", "3. Epilogue"],  # not counting up
    ],
)
def test_a_contents_list_not_numbered_as_a_series_keeps_its_titles(labels: list[str]) -> None:
    assert [chapter.title for chapter in _toc_epub(labels).chapters] == labels
