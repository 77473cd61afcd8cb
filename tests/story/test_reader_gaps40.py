"""Story files misread, found in the fortieth session's sixth round of reading (files of the shapes
real exports take, written for it; the probe files stay out of the repository):

- a Tumblr post's page naming its blog only in its <title>, as Tumblr's themes set it ("moonlit-quill
  — Hollow Bones", "Hollow Bones | moonlit-quill's blog", "moonlit-quill on Tumblr: Hollow Bones"):
  no author, and without a heading the blog's name in the story's title; now the author, the title
  the rest (a capitalised site's name before the title, "Inkwater — The Ferry", names nobody);

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.plaintext import ChaptersByNumber
from tests.story.builders import read_text as read

PROSE = [
    "The gate was older than the village, and nobody in it remembered who had hung it there.",
    "Maren pushed it open with one hand and stepped into the orchard, where the trees stood white with frost.",
    "Behind her the hinges sang a note she had not heard since she was a child, and then the gate swung shut.",
]
CHAPTER_TEXT = "\n\n".join(PROSE)
PAGE_TEXT = "".join(f"<p>{text}</p>" for text in PROSE)


# A Tumblr post's blog named only in the page's <title>.


def tumblr_page(title: str, heading: str) -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><div class='post'>{heading}{PAGE_TEXT}"
        "<div class='tags'><a href='/tagged/my-writing'>#my writing</a></div></div></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "title",
    [
        "moonlit-quill — Hollow Bones",
        "Hollow Bones | moonlit-quill's blog",
        "moonlit-quill on Tumblr: Hollow Bones",
    ],
)
@pytest.mark.parametrize("heading", ["", "<h2>Hollow Bones</h2>"])
def test_a_tumblr_pages_title_naming_its_blog_gives_the_author(title: str, heading: str) -> None:
    story = import_story(tumblr_page(title, heading), "post.html", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("Hollow Bones", "moonlit-quill")
    assert story.chapters[0].paragraphs == PROSE


def test_a_handle_of_one_word_over_the_posts_own_heading_is_its_blog() -> None:
    story = import_story(tumblr_page("wren — The Ferry", "<h1>The Ferry</h1>"), "post.html", max_bytes=1 << 20)
    assert (story.meta.title, story.meta.author) == ("The Ferry", "wren")


@pytest.mark.parametrize("title", ["Inkwater — The Ferry", "The Ferry — A Story", "Stand by Me"])
def test_a_sites_name_or_a_title_in_the_page_title_names_no_author(title: str) -> None:
    """Guard: a capitalised name before the title is a site's, and a title alone is no blog's."""
    story = import_story(tumblr_page(title, "<h1>The Ferry</h1>"), "post.html", max_bytes=1 << 20)
    assert story.meta.author is None


# A half chapter between whole ones.


@pytest.mark.parametrize(
    ("half", "title"),
    [("Chapter 1.5", "Chapter 1.5"), ("Chapter 1.5: The Side Road", "Chapter 1.5: The Side Road")],
)
def test_a_half_chapter_keeps_its_word_and_the_rest_their_numbers(half: str, title: str) -> None:
    text = "".join(f"{heading}\n\n{CHAPTER_TEXT}\n\n" for heading in ["Chapter 1", half, "Chapter 2", "Chapter 3"])
    story = read(text)
    assert [chapter.title for chapter in story.chapters] == [None, title, None, None]
    by_number = ChaptersByNumber(story.chapters)
    assert (by_number.index(2), by_number.index(3)) == (2, 3)


def test_a_half_chapter_in_a_page_keeps_its_word() -> None:
    page = "".join(f"<h2>Chapter {number}</h2>{PAGE_TEXT}" for number in ["1", "1.5", "2"])
    story = import_story(f"<html><body>{page}</body></html>".encode(), "orchard.html", max_bytes=1 << 20)
    assert [chapter.title for chapter in story.chapters] == [None, "Chapter 1.5", None]
