"""Single-file HTML books with headings around their chapters that are not chapters: a subtitle or
a contents label between the <h1> title and the <h2> chapters, a closing "The End" heading. One
took "A Novel" or "Contents" for the title; the other got the upload refused."""

from __future__ import annotations

import pytest

from bot.story.errors import StoryFormatError
from bot.story.importer import import_story
from bot.story.model import Story

TEXT = "<p>The road was white and long, and the sea lay grey beyond it all morning.</p><p>She walked.</p>"


def read(body: str, filename: str = "book.html") -> Story:
    html = f"<html><head><title>book</title></head><body>{body}</body></html>"
    return import_story(html.encode(), filename, max_bytes=1 << 20)


def test_a_subtitle_between_the_title_and_the_chapters_is_no_title() -> None:
    story = read(
        f"<h1>The Salt Road</h1><h2>A Novel</h2><h3>by Mara Fenwick</h3><h2>Chapter 1</h2>{TEXT}<h2>Chapter 2</h2>{TEXT}"
    )
    assert (story.meta.title, story.meta.author) == ("The Salt Road", "Mara Fenwick")
    assert story.meta.notes == ["Subtitle: A Novel"]
    assert [chapter.paragraphs[0][:8] for chapter in story.chapters] == ["The road", "The road"]


def test_a_contents_heading_whose_list_was_taken_out_is_no_title() -> None:
    links = "<ul><li><a href='#c1'>Chapter 1</a></li><li><a href='#c2'>Chapter 2</a></li></ul>"
    story = read(
        f"<h1>The Salt Road</h1><h2>Contents</h2>{links}<h2 id='c1'>Chapter 1</h2>{TEXT}<h2 id='c2'>Chapter 2</h2>{TEXT}"
    )
    assert story.meta.title == "The Salt Road"
    assert len(story.chapters) == 2


def test_a_closing_the_end_heading_is_no_chapter() -> None:
    story = read(f"<h1>Story</h1><h2>Chapter 1</h2>{TEXT}<h2>Chapter 2</h2>{TEXT}<h2>The End</h2>")
    assert len(story.chapters) == 2
    markdown = import_story(b"# Story\n\n## Chapter 1\n\nShe ran.\n\n## Fin\n", "s.md", max_bytes=1 << 20)
    assert markdown.chapters[-1].paragraphs == ["She ran."]


def test_a_heading_with_no_text_that_is_no_closing_marker_is_still_refused_clearly() -> None:
    with pytest.raises(StoryFormatError, match="Chapter 2"):
        # (an empty last one is dropped: tests/story/test_reader_gaps37.py)
        read(f"<h1>Story</h1><h2>Chapter 1</h2>{TEXT}<h2>Chapter 2</h2><h2>Chapter 3</h2>{TEXT}")
