"""A page that is a plain-text story in <pre> (an old archive's page, a .txt a browser showed and
saved) is read as a .txt is: its "Title:" lines are the header and its chapter headings chapters.
Read as one block it was refused as metadata only, or posted as one paragraph holding every chapter
(session 33's hostile probe)."""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.model import Story
from bot.warnings.declared import map_texts

STORY = """Title: The Long Pier
Author: gullwing
Rating: Teen
Warnings: character death

Chapter 1

The pier ran out into the fog further than
anyone could see, and the boards were wet.

Mara walked it anyway.

Chapter 2

Her brother had drowned there in the spring,
and nobody said his name now.
"""


def read(page: str) -> Story:
    return import_story(page.encode("utf-8"), "pier.html", max_bytes=1 << 20)


def test_a_story_in_pre_is_read_as_plain_text() -> None:
    story = read(f"<html><head><title>pier.txt</title></head><body><pre>{STORY}</pre></body></html>")
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("The Long Pier", "gullwing", "Teen")
    assert sorted(map_texts(story.meta.declared_warnings).ids) == ["death"]
    assert [chapter.paragraphs for chapter in story.chapters] == [
        [
            "The pier ran out into the fog further than anyone could see, and the boards were wet.",
            "Mara walked it anyway.",
        ],
        ["Her brother had drowned there in the spring, and nobody said his name now."],
    ]


def test_a_story_in_pre_without_a_title_line_takes_the_pages_title() -> None:
    body = STORY.split("\n\n", 1)[1]
    story = read(f"<html><head><title>The Long Pier</title></head><body><pre>{body}</pre></body></html>")
    assert story.meta.title == "The Long Pier"
    assert len(story.chapters) == 2


def test_a_poem_in_pre_inside_a_story_page_stays_one_block() -> None:
    """Guard: a <pre> that is not most of the page's words is a block of the story, not the story."""
    prose = "".join(f"<p>The ferry crossed the bay on day {n}, and the gulls followed it home.</p>" for n in range(12))
    poem = "III\n\nthe lamp, the lamp\nthe long wet boards\n\nIV\n\nand nobody home"
    story = read(f"<html><body><h1>Chapter 1</h1>{prose}<pre>{poem}</pre><p>She closed the book.</p></body></html>")
    assert len(story.chapters) == 1
    assert story.chapters[0].paragraphs[-2] == poem
    assert story.chapters[0].paragraphs[-1] == "She closed the book."
