"""Hostile uploads of session 39's fifth short round: an image's alt text of megabytes, ``<br>`` lines
past the line limit inside one paragraph, a Markdown heading longer than a chapter's title. Each is a
shape a file within the upload limit may take; each is read within the budgets of
:mod:`bot.story.limits`, and shown to readers as the honest file of its shape is."""

from __future__ import annotations

import pytest

from bot.story.errors import StoryFormatError
from bot.story.importer import import_story
from bot.story.limits import MAX_IMAGE_ALT_CHARS, MAX_LINES, MAX_TITLE_CHARS
from tests.story.builders import epub_bytes, xhtml
from tests.story.test_hostile_shapes37 import MAX_BYTES
from tests.story.test_hostile_shapes39 import _made_up_words


def _paragraphs(story) -> list[str]:
    return [paragraph for chapter in story.chapters for paragraph in chapter.paragraphs]


# -- an image's alt text of megabytes ----------------------------------------------------------------

_ALT = " ".join(_made_up_words(40_000))  # about 250 KB of words, deflating as a real book's would


def _image_file(kind: str, alt: str) -> tuple[bytes, str]:
    story = "<p>The weir roared all night.</p>"
    if kind == "html":
        page = f'<html><body><h1>Chapter 1</h1>{story}<img src="a.png" alt="{alt}" title="{alt}"/>{story}</body></html>'
        return page.encode(), "a.html"
    if kind == "epub":
        body = f'<h1>Chapter 1</h1>{story}<img src="a.png" alt="{alt}" title="{alt}"/>{story}'
        return epub_bytes([("c1.xhtml", xhtml(body))]), "a.epub"
    text = f'# The Weir\n\n## Chapter 1\n\nThe weir roared all night.\n\n![{alt}](a.png "{alt}")\n\nThe weir roared.\n'
    return text.encode(), "a.md"


@pytest.mark.parametrize("kind", ["html", "md", "epub"])
def test_an_images_alt_text_of_megabytes_is_shown_cut_at_a_word(kind: str) -> None:
    """An image's alt text was shown whole on its "[Image: ...]" line: several MB of it were posted as
    about 1,900 messages of one picture. A reader is shown MAX_IMAGE_ALT_CHARS of it at most, cut at a
    word, with an ellipsis, in every reader that shows it."""
    data, name = _image_file(kind, _ALT)
    images = [line for line in _paragraphs(import_story(data, name, max_bytes=MAX_BYTES)) if "[Image" in line]
    assert len(images) == 1
    line = images[0]
    assert line.startswith("[Image: ") and line.endswith("…]")
    alt = line[len("[Image: ") : -len("…]")]
    assert 0 < len(alt) <= MAX_IMAGE_ALT_CHARS
    assert _ALT.startswith(alt) and _ALT[len(alt)] == " "  # cut where a word ends


@pytest.mark.parametrize("kind", ["html", "md", "epub"])
def test_an_images_ordinary_alt_text_is_shown_whole(kind: str) -> None:
    """Guard: a sentence or two of alt text is shown as it was written."""
    alt = "Mara at the weir at night, the lantern held high over the black water, rain on the stones."
    data, name = _image_file(kind, alt)
    images = [line for line in _paragraphs(import_story(data, name, max_bytes=MAX_BYTES)) if "[Image" in line]
    assert images == [f"[Image: {alt}]"]


def test_an_epubs_cover_posts_none_of_its_alt_text() -> None:
    """Guard: an EPUB's image before any text (its cover, a head-piece) is shown by no line, so
    megabytes of alt text or title there are posted nowhere (one inside a chapter's text is shown as
    the other readers show it, cut as above: test_reader_gaps40)."""
    cover = xhtml(f'<div><img src="cover.jpg" alt="{_ALT}" title="{_ALT}"/></div>')
    chapter = xhtml("<h1>Chapter 1</h1><p>The weir roared all night.</p>")
    data = epub_bytes([("cover.xhtml", cover), ("c1.xhtml", chapter)])
    paragraphs = _paragraphs(import_story(data, "a.epub", max_bytes=MAX_BYTES))
    assert paragraphs and max(len(paragraph) for paragraph in paragraphs) < 100


def test_a_dividers_alt_text_of_megabytes_is_no_paragraph_of_marks() -> None:
    """An image whose alt text is only marks ("~*~*~") is a page's divider, read as a line of its marks:
    3 MB of "~*~" was posted as one paragraph of 3,000,000 characters. An alt past a divider's length is
    an image's, cut as any other; the page's short divider is still its scene break."""
    prose = "<p>" + "The weir roared all night and nobody in the valley slept at all. " * 3 + "</p>"
    for alt, divider in [("~*~" * 1_000_000, False), ("~*~*~", True)]:
        page = f'<html><body><h1>The Weir</h1>{prose}<img src="d.png" alt="{alt}"/>{prose}</body></html>'
        story = import_story(page.encode(), "a.html", max_bytes=MAX_BYTES)
        paragraphs = _paragraphs(story)
        assert max(len(paragraph) for paragraph in paragraphs) <= MAX_IMAGE_ALT_CHARS + len("[Image: ]")
        assert (len(story.chapters[0].scenes) == 2) is divider


# -- <br> lines inside one paragraph ------------------------------------------------------------------


@pytest.mark.parametrize("br", ["<br>", "<br/>", "<BR />"])
def test_br_lines_past_the_line_limit_in_one_paragraph_are_refused_as_lines(br: str) -> None:
    """A Markdown paragraph's ``<br>`` is a line break, made after the file's lines were counted: one
    paragraph of 500,000 ``<br>`` lines passed the 150,000-line check and each was read as a line
    (3.3 s). The lines counted are the lines read, ``<br>`` breaks among them."""
    lines = br.join(f"line {number}" for number in range(MAX_LINES + 10_000))
    data = f"# The Weir\n\n## Chapter 1\n\nThe weir roared.\n\n{lines}\n".encode()
    assert len(data) < MAX_BYTES and data.count(b"\n") < MAX_LINES
    with pytest.raises(StoryFormatError) as refused:
        import_story(data, "a.md", max_bytes=MAX_BYTES)
    assert f"more than the {MAX_LINES:,} any story needs" in str(refused.value)


def test_a_poem_of_br_lines_still_reads_line_by_line() -> None:
    """Guard: a few ``<br>`` lines of a poem are its lines, as before."""
    data = b"# The Weir\n\n## Chapter 1\n\nThe weir roared,<br>the rain came on,<br/>and nobody slept.\n"
    paragraphs = _paragraphs(import_story(data, "a.md", max_bytes=MAX_BYTES))
    assert paragraphs == ["The weir roared,\nthe rain came on,\nand nobody slept."]


# -- a Markdown heading longer than a chapter's title ---------------------------------------------------

_LONG_TITLE = " ".join(["The night the weir broke and the rain came down over the whole valley"] * 4)


@pytest.mark.parametrize("level", ["##", "###"])
def test_a_long_markdown_heading_still_splits_the_chapter_under_a_cut_title(level: str) -> None:
    """A Markdown heading longer than 120 characters was no heading: its "# " was posted to readers as
    the first words of the chapter before it, and the chapter did not split. It is a heading of any
    length a heading is read to, its title cut at a word to what a chapter title holds, with an ellipsis."""
    assert len(_LONG_TITLE) > 250
    text = f"# The Weir\n\n{level} Chapter One\n\nThe weir roared.\n\n{level} {_LONG_TITLE}\n\nThe rain came.\n"
    story = import_story(text.encode(), "a.md", max_bytes=MAX_BYTES)
    assert [chapter.paragraphs for chapter in story.chapters] == [["The weir roared."], ["The rain came."]]
    title = story.chapters[1].title
    assert title is not None and title.endswith("…") and len(title) <= MAX_TITLE_CHARS
    assert _LONG_TITLE.startswith(title[:-1]) and _LONG_TITLE[len(title) - 1] == " "


def test_a_heading_line_of_a_whole_paragraph_is_its_text_without_the_markup() -> None:
    """A "# " before a paragraph of thousands of characters is no chapter's title: the paragraph stays the
    story's text, and its "#" is not shown."""
    paragraph = "The weir roared all night, and nobody in the valley slept. " * 100
    text = f"# The Weir\n\n## Chapter One\n\nThe weir roared.\n\n## {paragraph}\n\nThe rain came.\n"
    story = import_story(text.encode(), "a.md", max_bytes=MAX_BYTES)
    paragraphs = _paragraphs(story)
    assert paragraphs == ["The weir roared.", paragraph.strip(), "The rain came."]
