"""Headings that label a chapter's notes, warnings or text in a saved web page or an EPUB chapter
(``<h3>Author's Note</h3>``, ``<h3>Content Warnings</h3>``, ``<h3>Story</h3>``) are sections of that
chapter, as in Markdown: chapter numbers stay the book's, and a CW under such a heading warns for its
chapter. A heading that is a real title ("Notes from the Underground", a chapter called "Notes") stays
a chapter."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story

from .builders import epub_bytes, xhtml
from .test_epub_shapes6 import epub as ncx_epub

LIMIT = 8 * 1024 * 1024
PROSE = "She came to the island on the last boat of the season, and nobody met her at the pier."
LATER = "The lighthouse keeper watched her climb the hill, and said nothing to anyone for a week."
CW = "CW for this chapter: self-harm."
NOTE_AND_STORY = f"<h3>Author's Note</h3><p>{CW}</p><h3>Story</h3><p>{LATER}</p>"


def page(body: str) -> Story:
    markup = f"<html><head><title>The Island</title></head><body><h1>The Island</h1>{body}</body></html>"
    return import_story(markup.encode(), "island.html", max_bytes=LIMIT)


def book(*documents: str) -> Story:
    docs = [(f"c{index + 1}.xhtml", xhtml(body)) for index, body in enumerate(documents)]
    return import_story(epub_bytes(docs), "island.epub", max_bytes=LIMIT)


def texts(story: Story) -> list[list[str]]:
    return [chapter.paragraphs for chapter in story.chapters]


def assert_second_chapter_warned(story: Story) -> None:
    assert texts(story) == [[PROSE], [LATER], [PROSE]]
    assert story.chapters[1].notes == [CW]
    assert story.chapters[1].declared_warnings == ["CW for this chapter: self-harm"]
    assert story.chapters[0].declared_warnings == [] and story.chapters[2].declared_warnings == []


def test_a_web_pages_note_and_story_headings_are_sections_of_their_chapter() -> None:
    story = page(f"<h2>Chapter 1</h2><p>{PROSE}</p><h2>Chapter 2</h2>{NOTE_AND_STORY}<h2>Chapter 3</h2><p>{PROSE}</p>")
    assert_second_chapter_warned(story)
    assert [chapter.title for chapter in story.chapters] == [None, None, None]


def test_chapter_headings_set_as_bold_paragraphs_hold_note_headings_too() -> None:
    story = page(
        f"<p><b>Chapter 1</b></p><p>{PROSE}</p><p><b>Chapter 2</b></p>{NOTE_AND_STORY}"
        f"<p><b>Chapter 3</b></p><p>{PROSE}</p>"
    )
    assert_second_chapter_warned(story)


@pytest.mark.parametrize("label", ["Content Warnings", "Warnings", "TW"])
def test_a_web_pages_warnings_heading_declares_its_list_for_that_chapter(label: str) -> None:
    story = page(
        f"<h2>Chapter 1</h2><p>{PROSE}</p><h2>Chapter 2</h2><h3>{label}</h3><ul><li>self-harm</li><li>blood</li></ul>"
        f"<hr/><p>{LATER}</p><h2>Chapter 3</h2><p>{PROSE}</p>"
    )
    assert texts(story) == [[PROSE], [LATER], [PROSE]]
    assert story.chapters[1].declared_warnings == [f"{label}: self-harm", f"{label}: blood"]


def test_a_summary_heading_above_the_first_chapter_is_the_storys_summary() -> None:
    story = page(f"<h2>Summary</h2><p>A woman comes to an island.</p><h2>Chapter 1</h2><p>{PROSE}</p>")
    assert story.meta.summary == "A woman comes to an island."
    assert texts(story) == [[PROSE]]


@pytest.mark.parametrize("title", ["Notes from the Underground", "Warnings and Wonders"])
def test_a_web_page_chapter_titled_with_a_label_word_stays_a_chapter(title: str) -> None:
    story = page(f"<h2>Chapter 1</h2><p>{PROSE}</p><h2>{title}</h2>{NOTE_AND_STORY}<h2>Chapter 3</h2><p>{PROSE}</p>")
    assert [chapter.title for chapter in story.chapters] == [None, title, None]
    assert_second_chapter_warned(story)


def test_a_chapter_called_notes_among_titled_chapters_stays_a_chapter() -> None:
    story = page(
        f"<h2>The Pier</h2><h3>Notes</h3><p>Thanks to Wren!</p><h3>Story</h3><p>{PROSE}</p>"
        f"<h2>Notes</h2><p>{LATER}</p><h2>The Hill</h2><p>{PROSE}</p>"
    )
    assert [chapter.title for chapter in story.chapters] == ["The Pier", "Notes", "The Hill"]
    assert texts(story) == [[PROSE], [LATER], [PROSE]]
    assert story.chapters[0].notes == ["Thanks to Wren!"]


def test_an_epub_chapters_note_and_story_headings_are_sections_of_it() -> None:
    story = book(
        f"<h2>Chapter 1</h2><p>{PROSE}</p>", f"<h2>Chapter 2</h2>{NOTE_AND_STORY}", f"<h2>Chapter 3</h2><p>{PROSE}</p>"
    )
    assert_second_chapter_warned(story)
    assert [chapter.title for chapter in story.chapters] == [None, None, None]


def test_an_epub_holding_every_chapter_in_one_document_reads_them_the_same() -> None:
    story = book(f"<h2>Chapter 1</h2><p>{PROSE}</p><h2>Chapter 2</h2>{NOTE_AND_STORY}<h2>Chapter 3</h2><p>{PROSE}</p>")
    assert_second_chapter_warned(story)


def test_an_epub_chapter_titled_at_level_one_keeps_its_warnings_heading_as_a_section() -> None:
    story = book(
        f"<h1>The Pier</h1><p>{PROSE}</p>",
        f"<h1>The Hill</h1><h2>Warnings</h2><p>self-harm, blood</p><hr/><p>{LATER}</p>",
        f"<h1>The Boat</h1><p>{PROSE}</p>",
    )
    assert [chapter.title for chapter in story.chapters] == ["The Pier", "The Hill", "The Boat"]
    assert texts(story) == [[PROSE], [LATER], [PROSE]]
    assert story.chapters[1].declared_warnings == ["Warnings: self-harm, blood"]


def test_an_epub_chapter_opening_with_a_note_heading_takes_its_title_from_the_toc() -> None:
    docs = [("c1.xhtml", f"<p>{PROSE}</p>"), ("c2.xhtml", NOTE_AND_STORY), ("c3.xhtml", f"<p>{PROSE}</p>")]
    toc = [("c1.xhtml", "The Pier"), ("c2.xhtml", "The Hill"), ("c3.xhtml", "The Boat")]
    story = import_story(ncx_epub(docs, toc), "island.epub", max_bytes=LIMIT)
    assert [chapter.title for chapter in story.chapters] == ["The Pier", "The Hill", "The Boat"]
    assert_second_chapter_warned(story)


def test_an_epub_chapter_the_toc_calls_notes_stays_a_chapter() -> None:
    docs = [
        ("c1.xhtml", f"<h2>The Pier</h2><p>{PROSE}</p>"),
        ("c2.xhtml", f"<h2>Notes</h2><p>{LATER}</p>"),
        ("c3.xhtml", f"<h2>The Boat</h2>{NOTE_AND_STORY}"),
    ]
    toc = [("c1.xhtml", "The Pier"), ("c2.xhtml", "Notes"), ("c3.xhtml", "The Boat")]
    story = import_story(ncx_epub(docs, toc), "island.epub", max_bytes=LIMIT)
    assert [chapter.title for chapter in story.chapters] == ["The Pier", "Notes", "The Boat"]
    assert texts(story) == [[PROSE], [LATER], [LATER]]
    assert story.chapters[2].notes == [CW]


def test_an_epub_summary_heading_over_the_first_chapter_is_the_storys_summary() -> None:
    story = book(
        f"<h2>Summary</h2><p>A woman comes to an island.</p><h2>Chapter 1</h2><p>{PROSE}</p>"
        f"<h2>Chapter 2</h2><p>{LATER}</p>"
    )
    assert story.meta.summary == "A woman comes to an island."
    assert texts(story) == [[PROSE], [LATER]]


def test_an_epub_chapter_that_is_only_a_note_is_kept() -> None:
    story = book(
        f"<h2>Chapter 1</h2><p>{PROSE}</p>",
        "<h2>Chapter 2</h2><h3>Author's Note</h3><p>On hiatus until March, sorry!</p>",
        f"<h2>Chapter 3</h2>{NOTE_AND_STORY}",
    )
    assert texts(story) == [[PROSE], ["On hiatus until March, sorry!"], [LATER]]
    assert story.chapters[2].notes == [CW]
