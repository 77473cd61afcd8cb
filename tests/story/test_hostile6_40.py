"""Hostile uploads of session 40's sixth round: HTML blocks inside a Markdown file, and the shapes
past rounds did not try. Each is a shape a file within the upload limit may take; each is read
within the budgets of :mod:`bot.story.limits`, and shown to readers as the honest file of its shape is."""

from __future__ import annotations

import pytest

from bot.story.errors import StoryFormatError
from bot.story.importer import import_story
from tests.story.test_hostile_shapes37 import MAX_BYTES


def _paragraphs(story) -> list[str]:
    return [paragraph for chapter in story.chapters for paragraph in chapter.paragraphs]


def _html_and_markdown(body: str) -> tuple[list[str], list[str]]:
    """The paragraphs the HTML reader and the Markdown reader give of one body under one heading."""
    page = f"<html><body><h1>The Weir</h1><h2>Chapter 1</h2>{body}</body></html>"
    from_html = _paragraphs(import_story(page.encode(), "a.html", max_bytes=MAX_BYTES))
    text = f"# The Weir\n\n## Chapter 1\n\n{body}\n"
    from_markdown = _paragraphs(import_story(text.encode(), "a.md", max_bytes=MAX_BYTES))
    return from_html, from_markdown


# -- HTML tables, lists and quotes inside a Markdown file ---------------------------------------------

_BLOCKS = {
    "table": "<table>\n<tr><th>Name</th><th>Age</th></tr>\n<tr><td>Mara</td><td>17</td></tr>\n</table>",
    "list": "<ul>\n<li>one</li>\n<li>two <em>x</em></li>\n</ul>",
    "ordered list": "<ol><li>first</li><li>second</li></ol>",
    "quote": "<blockquote>The weir roared.</blockquote>",
    "quote of paragraphs": "<blockquote>\n<p>Quoted one.</p>\n<p>Quoted two.</p>\n</blockquote>",
    "definitions": "<dl><dt>Weir</dt><dd>a low dam</dd></dl>",
}


@pytest.mark.parametrize("name", list(_BLOCKS))
def test_an_html_block_in_markdown_reads_as_the_html_reader_reads_it(name: str) -> None:
    """A Markdown file's ``<table>``, ``<ul>``, ``<ol>`` or ``<blockquote>`` was posted as its tags,
    escaped ("<table>", "<li>"): it is read as the HTML reader reads it, rows and items a line or a
    paragraph each, a quote's paragraphs as paragraphs, no tag left."""
    body = f"The weir roared.\n\n{_BLOCKS[name]}\n\nThe rain came."
    from_html, from_markdown = _html_and_markdown(body)
    assert from_markdown == from_html
    assert not any("<" in paragraph for paragraph in from_markdown)
    assert from_markdown[0] == "The weir roared." and from_markdown[-1] == "The rain came."


def test_html_blocks_past_the_element_limit_are_refused_in_a_sentence() -> None:
    """Bounded: a Markdown file's HTML blocks are counted as an HTML file's elements are, and a file of
    more than any story holds is refused in a sentence, not parsed into a tree of millions of nodes."""
    rows = "".join(f"<tr><td>Row {number}</td><td>weir</td></tr>\n" for number in range(30_000))
    data = f"# The Weir\n\n## Chapter 1\n\n<table>\n{rows}</table>\n\nThe rain came.\n".encode()
    assert len(data) < MAX_BYTES
    with pytest.raises(StoryFormatError) as refused:
        import_story(data, "a.md", max_bytes=MAX_BYTES)
    assert "HTML elements" in str(refused.value)


def test_angle_brackets_in_prose_are_no_html_block() -> None:
    """Guard: a line that opens with "<" but no block tag, and a tag named in a sentence, stay text."""
    text = "# The Weir\n\n## Chapter 1\n\n<3 the weir roared.\n\nShe typed <table> and laughed.\n"
    paragraphs = _paragraphs(import_story(text.encode(), "a.md", max_bytes=MAX_BYTES))
    assert paragraphs == ["<3 the weir roared.", "She typed <table> and laughed."]
