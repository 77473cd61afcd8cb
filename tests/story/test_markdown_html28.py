"""A Markdown file's headings written as HTML on a line of their own ("<h2>Chapter 1</h2>"), as a
page pasted into a Markdown file or a converter leaves them: they were posted as text, tags and all."""

from __future__ import annotations

from bot.story.importer import import_story

PROSE = "The story went on for a while in plain words, as stories do.\n\nIt went on.\n\n"


def test_html_headings_in_markdown_head_chapters() -> None:
    text = f'<h1>Tidewater</h1>\n\n<h2 id="c1">Chapter 1: Fog</h2>\n\n{PROSE}<H2>Chapter 2: Rain</H2>\n\n{PROSE}'
    story = import_story(text.encode(), "tide.md", max_bytes=1 << 20)
    assert story.meta.title == "Tidewater"
    assert [chapter.title for chapter in story.chapters] == ["Fog", "Rain"]
    assert not any("<h" in paragraph.lower() for chapter in story.chapters for paragraph in chapter.paragraphs)


def test_an_html_heading_inside_a_sentence_is_left_to_the_inline_markup() -> None:
    text = f"# Story\n\nShe wrote <h2>big</h2> on the board and left.\n\n{PROSE}"
    story = import_story(text.encode(), "s.md", max_bytes=1 << 20)
    assert len(story.chapters) == 1
    assert story.chapters[0].paragraphs[0].startswith("She wrote")
