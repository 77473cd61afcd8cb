"""A book's apparatus around the story, as stores and converters set it out: Smashwords' title page
("by" on a line of its own, "Smashwords Edition", the licence notes), a table of contents whose
entries read as chapter headings, "About the Author" after the last chapter, a single-file book's
title page over its chapters, footnote calls, and a package description in paragraphs. None of
it is story text, and none of it may cost a chapter or the upload."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.story.importer import import_story
from tests.story.builders import epub_bytes, xhtml

LIMIT = 1 << 20

LICENCE = (
    "Thank you for downloading this free ebook. Although this is a free book, it remains the copyrighted "
    "property of the author, and may not be reproduced, copied and distributed for commercial or "
    "non-commercial purposes. Thank you for your support."
)

SMASHWORDS_TEXT = f"""The Lantern Keeper

by

J. R. Ashby

Copyright 2014 J. R. Ashby

Smashwords Edition

Smashwords Edition, License Notes

{LICENCE}

* * * * *

Table of Contents

Chapter 1
Chapter 2
About the Author

* * * * *

Chapter 1

The lantern had not gone out in a hundred years.

Tobias meant to keep it so.

* * *

The storm came at midnight.

Chapter 2

By morning the lantern was dark.

About the Author

J. R. Ashby writes in Maine.

Connect with me online:
Twitter: http://twitter.com/jrashby
"""

CHAPTERS = [
    ["The lantern had not gone out in a hundred years.", "Tobias meant to keep it so.", "The storm came at midnight."],
    ["By morning the lantern was dark."],
]


def _read(data: str | bytes, name: str):
    raw = data.encode() if isinstance(data, str) else data
    return import_story(raw, name, max_bytes=LIMIT)


def test_smashwords_text_reads_its_title_page_contents_and_back_matter_as_no_chapter() -> None:
    story = _read(SMASHWORDS_TEXT, "lantern.txt")
    assert (story.meta.title, story.meta.author) == ("The Lantern Keeper", "J. R. Ashby")
    assert [chapter.paragraphs for chapter in story.chapters] == CHAPTERS
    assert "Smashwords Edition" in story.meta.notes
    assert any("copyrighted property" in note for note in story.meta.notes)
    # An edition line is apparatus only below a title: "First Edition" may title a story.
    story = _read("First Edition\n\nby Mara Quill\n\nThe press ran all night.\n\nNobody slept.\n", "f.txt")
    assert story.meta.title == "First Edition"
    assert story.chapters[0].paragraphs == ["The press ran all night.", "Nobody slept."]


def test_contents_entries_read_as_headings_are_skipped_past_a_divider_or_an_entry_line() -> None:
    """The entries were chapters with nothing under them, and the upload was refused."""
    body = "\n\nChapter 1\n\nThe lantern burned.\n\nChapter 2\n\nIt went out.\n"
    for contents in ("Chapter 1\nChapter 2\n\n* * *", "Chapter 1\nChapter 2\nAbout the Author"):
        story = _read(f"The Lantern Keeper\n\nby J. R. Ashby\n\nTable of Contents\n\n{contents}{body}", "l.txt")
        assert [chapter.paragraphs for chapter in story.chapters] == [["The lantern burned."], ["It went out."]]


def test_about_the_author_after_the_last_chapter_is_not_story_text() -> None:
    markdown = (
        "# The Lantern Keeper\n\n## Chapter 1\n\nThe lantern burned.\n\n## Chapter 2\n\nIt went out.\n\n"
        "## About the Author\n\nJ. R. Ashby writes in Maine.\n"
    )
    story = _read(markdown, "lantern.md")
    assert [chapter.paragraphs for chapter in story.chapters] == [["The lantern burned."], ["It went out."]]
    story = _read(markdown.replace("## About the Author", "About the Author"), "lantern.txt")
    assert [chapter.paragraphs for chapter in story.chapters] == [["The lantern burned."], ["It went out."]]
    # A long section under the line is the story's own: losing story text is the worst outcome.
    long = " ".join(["word"] * 500)
    story = _read(f"Chapter 1\n\nThe lantern burned.\n\nAbout the Author\n\n{long}\n", "l.txt")
    assert story.chapters[-1].paragraphs[-2:] == ["About the Author", long]


def _smashwords_page() -> str:
    return xhtml(
        '<h1>The Lantern Keeper</h1><p class="center">by</p><p class="center">J. R. Ashby</p>'
        '<p class="center">Copyright 2014 J. R. Ashby</p><p class="center">Smashwords Edition</p>'
        f'<p class="center">Smashwords Edition, License Notes</p><p>{LICENCE}</p>'
        '<h2 id="ch1">Chapter 1</h2><p>The lantern had not gone out in a hundred years.</p>'
        '<p>Tobias meant to keep it so.</p><p class="center">* * *</p><p>The storm came at midnight.</p>'
        '<h2 id="ch2">Chapter 2</h2><p>By morning the lantern was dark.</p>'
        '<h2 id="about">About the Author</h2><p>J. R. Ashby writes in Maine.</p>',
        "The Lantern Keeper",
    )


def test_single_file_smashwords_epub_keeps_only_its_chapters() -> None:
    """The title page with its licence notes was chapter 1, and "About the Author" the last."""
    points = [
        ("The Lantern Keeper", "index.xhtml"),
        ("Chapter 1", "index.xhtml#ch1"),
        ("Chapter 2", "index.xhtml#ch2"),
        ("About the Author", "index.xhtml#about"),
    ]
    data = epub_bytes(
        [("index.xhtml", _smashwords_page())], title="The Lantern Keeper", author="J. R. Ashby", nav_points=points
    )
    story = _read(data, "lantern.epub")
    assert [chapter.paragraphs for chapter in story.chapters] == CHAPTERS


def test_single_file_smashwords_html_keeps_only_its_chapters() -> None:
    story = _read(_smashwords_page(), "lantern.html")
    assert story.meta.author == "J. R. Ashby"
    assert [chapter.paragraphs for chapter in story.chapters] == CHAPTERS


def test_a_title_heading_over_its_byline_is_no_chapter_of_a_single_file_epub() -> None:
    page = xhtml(
        '<h1>Night Ferry</h1><p class="author">by Sam Oduya</p><h2>One</h2><p>The ferry left at nine.</p>'
        "<h2>Two</h2><p>The water was cold.</p>",
        "Night Ferry",
    )
    data = epub_bytes(
        [("text.xhtml", page)], title="Night Ferry", author="Sam Oduya", nav_points=[("Start", "text.xhtml")]
    )
    story = _read(data, "ferry.epub")
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [
        (None, ["The ferry left at nine."]),  # "One" is the chapter's number, as "<h2>1</h2>" is
        (None, ["The water was cold."]),
    ]


def test_a_footnote_call_is_no_part_of_the_word_before_it() -> None:
    """Pandoc's ``<a role="doc-noteref"><sup>1</sup></a>`` read as "midnight.1"."""
    page = xhtml(
        '<section id="c1"><h1>The Clock</h1><p>The clock struck midnight.<a href="#fn1" class="footnote-ref" '
        'id="fnref1" role="doc-noteref"><sup>1</sup></a> Ada counted<sup><a href="notes.xhtml#n2">[2]</a></sup> '
        'the chimes.</p></section><section id="footnotes" class="footnotes" role="doc-endnotes"><hr/><ol>'
        '<li id="fn1"><p>Thirteen chimes.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p>'
        "</li></ol></section>"
    )
    story = _read(epub_bytes([("c1.xhtml", page)]), "clock.epub")
    assert story.chapters[0].paragraphs == ["The clock struck midnight. Ada counted the chimes."]
    assert story.chapters[0].notes == ["Footnote 1: Thirteen chimes."]


def test_a_description_in_paragraphs_keeps_them_apart() -> None:
    data = epub_bytes(
        [("c1.xhtml", xhtml("<h1>Chapter 1</h1><p>Kael opened the ledger.</p>"))],
        description="<p>Kael audits dungeons.</p><p>Updates MWF.</p>",
    )
    assert _read(data, "ledger.epub").meta.summary == "Kael audits dungeons. Updates MWF."


def test_a_back_matter_label_is_read_whatever_the_spaces_around_it_and_a_long_line_is_none() -> None:
    """A title is known by its words, however many spaces stand between them; a line with more
    words than any title is none, whatever it says (and is found so without folding all of it)."""
    from bot.story.back_matter import back_matter_title

    assert back_matter_title("About the  Author" + " " * 1_000_000 + "\t:", None)
    assert back_matter_title("Also by\n\n" + " " * 500 + "Wren Hale", "Wren Hale")
    assert not back_matter_title("About the Author " + "and more words " * 20, None)
    assert back_matter_title("About the Author" + ":" * 300, None)  # the colons after a label are no words
    assert not back_matter_title("x" * 3_000_000, None)


_LINE_PIECES = [
    "About the Author",
    "ALSO BY ",
    "Wren Hale",
    "Index",
    "*INDEX.*",
    "= Index =",
    "\u3000",
    "Ábout",
    "ß",
    " ",
    ".",
    ":",
    "\t",
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_LINE_PIECES), min_size=1, max_size=4).map("".join), st.sampled_from([None, "Wren Hale"])
)
def test_a_back_matter_line_is_told_by_its_first_letter_as_by_its_whole_key(line: str, author: str | None) -> None:
    """The quick look at a line's first letter says no only where the whole folded line is no label."""
    from bot.story import back_matter

    key = back_matter._key(line)
    name = (author or "").casefold()
    section = key in back_matter._SECTION_LABELS or (
        bool(name) and any(key == prefix + name for prefix in back_matter._SECTION_PREFIXES)
    )
    assert back_matter._back_section_line(line, author) == section
    assert back_matter._index_label(line) == (key.strip(" .*_=") in back_matter._INDEX_LABELS)
