"""Web pages as readers save them, from the s35 probe of files nobody on the project wrote:
LibreOffice's HTML export sets each table cell's text in a <p>, so its "Content warnings" | "Death
of a parent; alcohol" table was two paragraphs of a chapter before chapter one, declaring nothing.
Every page here is written for these tests."""

from __future__ import annotations

from bot.story.importer import import_story
from bot.story.model import Story
from bot.warnings.declared import map_texts


def _read(page: str, name: str = "page.html") -> Story:
    return import_story(page.encode(), name, max_bytes=1 << 20)


def _ids(texts: list[str]) -> list[str]:
    return sorted(map_texts(texts).ids)


def _text(story: Story) -> str:
    return "\n".join(paragraph for chapter in story.chapters for paragraph in chapter.paragraphs)


LIBREOFFICE = """<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN"><html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/><title></title><meta name="generator" content="LibreOffice 7.4.2.3 (Linux)"/><meta name="author" content="Beatrix Hollis"/></head>
<body lang="en-GB" dir="ltr"><p class="western" align="center"><font size="6" style="font-size: 26pt">The Cartwright Inheritance</font></p>
<p class="western" align="center">Beatrix Hollis</p>
<table width="100%" cellpadding="4" cellspacing="0">{rows}</table>
<h1 class="western">One</h1><p class="western">The will was read in the back parlour, where the clock had stopped.</p><p class="western">Nobody wound it.</p>
<h1 class="western" style="page-break-before: always">Two</h1><p class="western">Alys took the clock home in a pillowcase.</p></body></html>"""


def test_a_word_processors_field_table_with_its_cells_in_paragraphs_declares() -> None:
    rows = (
        '<tr><td><p class="western"><b>Content warnings</b></p></td>'
        '<td><p class="western">Death of a parent; financial abuse; alcohol</p></td></tr>'
    )
    story = _read(LIBREOFFICE.format(rows=rows), "cartwright.html")
    assert story.meta.title == "The Cartwright Inheritance"
    assert [chapter.heading_number for chapter in story.chapters] == [1, 2]
    assert _ids(story.meta.declared_warnings) == ["abuse", "addiction", "death"]
    assert story.chapters[0].paragraphs[0].startswith("The will was read")


def test_a_table_of_paragraphs_that_is_no_field_table_stays_text() -> None:
    """Guard: a two-column table of sentences (a letter and its reply) is not a label and a value."""
    rows = (
        "<tr><td><p>My dear Alys, the clock is yours if you want it.</p><p>Your aunt.</p></td>"
        "<td><p>Dear aunt, I do.</p></td></tr>"
    )
    story = _read(LIBREOFFICE.format(rows=rows), "cartwright.html")
    assert story.meta.declared_warnings == []
    assert "My dear Alys, the clock is yours if you want it." in _text(story)
