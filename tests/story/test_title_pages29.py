"""Title pages as writers and book tools set them, each read as a first chapter before: a title in
lower case over its by-line (AO3's and Wattpad's), a Title Case title with a long preposition ("Letters
from the Lighthouse"), a name under the title with no "by", a "A Novel" line and an ISBN, Pandoc's
"% Title" block, an Obsidian note's "#wip #fantasy" line under its title."""

from __future__ import annotations

import pytest

from bot.story.model import Story
from tests.story.builders import read_text as read

CHAPTERS = "Chapter 1\n\nThe orchard was white with frost.\n\nChapter 2\n\nThe thaw came late that year.\n"


def paragraphs(story: Story) -> list[list[str]]:
    return [chapter.paragraphs for chapter in story.chapters]


BODY = [["The orchard was white with frost."], ["The thaw came late that year."]]


@pytest.mark.parametrize(
    ("head", "title", "author"),
    [
        ("the weight of small things\nby tinyferns", "the weight of small things", "tinyferns"),
        ("Letters from the Lighthouse", "Letters from the Lighthouse", None),
        ("THE SALT WIFE\n\nKestrel Ames", "THE SALT WIFE", "Kestrel Ames"),
        (
            "The Salt Wife\nA Novel\nby Kestrel Ames\n\nCover design by Petra Lund\nISBN: 978-1-23456-789-0",
            "The Salt Wife",
            "Kestrel Ames",
        ),
    ],
)
def test_a_title_page_is_no_chapter(head: str, title: str, author: str | None) -> None:
    story = read(f"{head}\n\n{CHAPTERS}")
    assert (story.meta.title, story.meta.author) == (title, author)
    assert paragraphs(story) == BODY


@pytest.mark.parametrize("line", ["For Mum", "Von Herzen", "The Harbour Wall"])
def test_a_line_under_the_title_that_names_no_one_is_no_author(line: str) -> None:
    story = read(f"THE SALT WIFE\n\n{line}\n\n{CHAPTERS}")
    assert story.meta.author is None


def test_pandoc_title_block() -> None:
    story = read(f"% The Clockmaker's Apprentice\n% Helena Sayer\n% June 2023\n\n{CHAPTERS}", "story.md")
    assert (story.meta.title, story.meta.author) == ("The Clockmaker's Apprentice", "Helena Sayer")
    assert paragraphs(story) == BODY


def test_obsidian_tags_under_the_title() -> None:
    story = read(f"# Ember & Ash\n\n#wip #fantasy\n\n## {CHAPTERS.replace('Chapter 2', '## Chapter 2')}", "story.md")
    assert story.meta.title == "Ember & Ash"
    assert story.meta.additional_tags == ["wip", "fantasy"]
    assert paragraphs(story) == BODY


def test_a_document_title_over_what_it_is() -> None:
    page = (
        "<html><body><p><b>THE MARSH KING</b></p><p>A novella</p><h1>Chapter One</h1><p>The reeds whispered.</p>"
        "<h1>Chapter Two</h1><p>He did not put it on.</p></body></html>"
    )
    story = read(page, "marsh.html")
    assert story.meta.title == "THE MARSH KING"
    assert paragraphs(story) == [["The reeds whispered."], ["He did not put it on."]]
