"""A collection of stories titled in capitals after a wide gap, as Project Gutenberg sets O. Henry's:
each story is a chapter under its title. Read as text, the book was one chapter."""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.model import Story

COLLECTION = """SHORT STORIES

by O. Henry



THE GIFT OF THE MAGI

One dollar and eighty-seven cents. That was all. And sixty cents of it was in pennies.

Della finished her cry and attended to her cheeks with the powder rag.



A RETRIEVED REFORMATION

A guard came to the prison shoe-shop, where Jimmy Valentine was assiduously stitching uppers.

He took him to the front office.



THE RANSOM OF RED CHIEF

It looked like a good thing: but wait till I tell you.
"""


def read(text: str) -> Story:
    return import_story(text.encode(), "stories.txt", max_bytes=1 << 20)


def test_stories_titled_in_capitals_after_a_wide_gap_are_the_chapters() -> None:
    story = read(COLLECTION)
    assert (story.meta.title, story.meta.author) == ("SHORT STORIES", "O. Henry")
    assert [chapter.title for chapter in story.chapters] == [
        "THE GIFT OF THE MAGI",
        "A RETRIEVED REFORMATION",
        "THE RANSOM OF RED CHIEF",
    ]
    assert story.chapters[1].paragraphs == [
        "A guard came to the prison shoe-shop, where Jimmy Valentine was assiduously stitching uppers.",
        "He took him to the front office.",
    ]


def test_one_such_title_a_narrow_gap_or_a_shout_is_text() -> None:
    one = COLLECTION.split("\n\n\n\nA RETRIEVED")[0]
    assert len(read(one).chapters) == 1
    narrow = COLLECTION.replace("\n\n\n\n", "\n\n")
    assert len(read(narrow).chapters) == 1
    shouts = COLLECTION.replace("THE GIFT OF THE MAGI", "STOP IT!").replace("A RETRIEVED REFORMATION", "NO!")
    assert [chapter.title for chapter in read(shouts).chapters] == [None]


def test_capitals_closing_a_story_head_nothing() -> None:
    text = (
        "She ran to the sea, and the sea ran back to her, all night long, and nobody stopped either of them.\n\n\n\n"
        "THE END\n\nwell that was fun to write\n\n\n\nAUTHOR'S NOTE\n\nthanks for reading, this one took me forever lol\n"
    )
    (chapter,) = read(text).chapters
    assert chapter.title is None
    assert "THE END" not in chapter.paragraphs[:1]


def test_a_text_with_chapter_headings_keeps_its_capital_lines_as_text() -> None:
    text = "Chapter 1\n\nThe ship sailed.\n\n\n\nTHE STORM\n\nIt came at night.\n\n\n\nTHE WRECK\n\nNobody swam.\n"
    (chapter,) = read(text).chapters
    assert chapter.paragraphs[1] == "THE STORM"
