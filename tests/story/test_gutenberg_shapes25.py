"""Project Gutenberg's books, as its tools write them: the wrapper (header, marker lines, licence)
is never story text, the header's title and author are read, and the transcriber's notes are notes.

Sources followed:
- the marker lines Gutenberg's own tool looks for: gutenbergtools/ebookmaker,
  ebookmaker/parsers/boilerplate.py (TOP_MARKERS "*** START OF TH(E|IS) PROJECT GUTENBERG",
  BOTTOM_MARKERS "END OF TH(E|IS) PROJECT GUTENBERG", "End of the Project Gutenberg", SMALLPRINT);
- the footer's "A Word from Project Gutenberg" and "The Full Project Gutenberg License": the same
  repository's src/ebookmaker/mydocutils/gutenberg/parsers/pg-footer.rst;
- a 2023 plain-text book (eBook #71688, The French Revolution 1789-1795, copied whole into a public
  repository): its header fields, "Transcriber's Notes:" under the start marker and a "Transcriber's
  Notes" section over the end marker, "CONTENTS." with "CHAPTER I." over its title "FEUDALISM AND THE
  MONARCHY.", and after the end marker "START: FULL LICENSE" / "THE FULL PROJECT GUTENBERG LICENSE";
- Ebookmaker 0.12.47's HTML/EPUB document for eBook #74 (Tom Sawyer, kept in a public repository's
  test): '<section class="pg-boilerplate pgheader" id="pg-header">' holding the
  '<div id="pg-machine-header"><p><strong>Title</strong>: ...' fields and '<div
  id="pg-start-separator"><span>*** START OF ...</span></div>', then the book's own title page;
- its footer as a public test of Princess of Mars keeps it: '<section class="pg-boilerplate pgheader"
  id="pg-footer" lang="en"><div id="pg-end-separator"><span>*** END OF ...</span></div>'.
The story text is ours.
"""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from tests.story.builders import epub_bytes, story_text, xhtml

LIMIT = 1 << 22

HARBOUR = "The gulls came first, wheeling over the harbour wall, and after them the boats."
COUNTED = "She counted eleven. There should have been twelve."
SAILS = "The twelfth boat came in at dusk with its mast broken."
PRIEST = "Nobody spoke until the priest came."

LICENCE = """START: FULL LICENSE

THE FULL PROJECT GUTENBERG LICENSE

PLEASE READ THIS BEFORE YOU DISTRIBUTE OR USE THIS WORK

To protect the Project Gutenberg™ mission of promoting the free
distribution of electronic works, by using or distributing this work
(or any other work associated in any way with the phrase “Project
Gutenberg”), you agree to comply with all the terms of the Full
Project Gutenberg™ License available with this file or online at
www.gutenberg.org/license.

Section 1. General Terms of Use and Redistributing Project Gutenberg™
electronic works

1.A. By reading or using any part of this Project Gutenberg™
electronic work, you indicate that you have read, understand, agree to
and accept all the terms of this license.

Section 2. Information about the Mission of Project Gutenberg™

Project Gutenberg™ is synonymous with the free distribution of
electronic works in formats readable by the widest variety of
computers.
"""

# eBook #71688's shape (2023): header, marker, transcriber's notes, title page, contents, chapters with
# "CHAPTER I." over the chapter's title, a closing transcriber's note, marker, licence.
MODERN_TEXT = f"""\ufeffThe Project Gutenberg eBook of The Salt Road

This ebook is for the use of anyone anywhere in the United States and
most other parts of the world at no cost and with almost no restrictions
whatsoever. You may copy it, give it away or re-use it under the terms
of the Project Gutenberg License included with this ebook or online
at www.gutenberg.org. If you are not located in the United States,
you will have to check the laws of the country where you are located
before using this eBook.

Title: The Salt Road


Author: Mara Fenwick

Release date: September 19, 2023 [eBook #71688]

Language: English

Credits: The Online Distributed Proofreading Team at https://www.pgdp.net


*** START OF THE PROJECT GUTENBERG EBOOK THE SALT ROAD ***





Transcriber’s Notes: Italic text is enclosed in _underscores_;
boldface text is enclosed in =equals signs=.

Other notes will be found near the end of this ebook.




                              THE SALT ROAD

                                   BY
                              MARA FENWICK




CONTENTS.


  CHAPTER I. THE HARBOUR
  CHAPTER II. THE SAILS




CHAPTER I.

THE HARBOUR.


The gulls came first, wheeling over the harbour wall, and after them
the boats.

She counted eleven. There should have been twelve.




CHAPTER II.

THE SAILS.


The twelfth boat came in at dusk with its mast broken.

Nobody spoke until the priest came.




Transcriber’s Notes


Punctuation, hyphenation, and spelling were made consistent when a
predominant preference was found in the original book; otherwise they
were not changed.

Simple typographical errors were corrected.



*** END OF THE PROJECT GUTENBERG EBOOK THE SALT ROAD ***



Updated editions will replace the previous one—the old editions will
be renamed.

Creating the works from print editions not protected by U.S. copyright
law means that no one owns a United States copyright in these works,
so the Foundation (and you!) can copy and distribute it in the United
States without permission and without paying copyright
royalties.


{LICENCE}"""

# The older header (boilerplate.py's "THIS" marker and "End of the Project Gutenberg" line), with the
# volunteers' "Produced by" credit under the marker and the file-naming lines after the end.
OLDER_TEXT = """The Project Gutenberg EBook of The Salt Road, by Mara Fenwick

This eBook is for the use of anyone anywhere at no cost and with
almost no restrictions whatsoever.  You may copy it, give it away or
re-use it under the terms of the Project Gutenberg License included
with this eBook or online at www.gutenberg.org


Title: The Salt Road

Author: Mara Fenwick

Release Date: June, 1998 [EBook #1342]

Language: English

Character set encoding: ASCII

*** START OF THIS PROJECT GUTENBERG EBOOK THE SALT ROAD ***




Produced by Anonymous Volunteers




THE SALT ROAD

By Mara Fenwick



Chapter 1

The gulls came first, wheeling over the harbour wall, and after them
the boats.

She counted eleven. There should have been twelve.



Chapter 2

The twelfth boat came in at dusk with its mast broken.

Nobody spoke until the priest came.



End of the Project Gutenberg EBook of The Salt Road, by Mara Fenwick

*** END OF THIS PROJECT GUTENBERG EBOOK THE SALT ROAD ***

***** This file should be named 1342.txt or 1342.zip *****
This and all associated files of various formats will be found in:
        http://www.gutenberg.org/1/3/4/1342/

Updated editions will replace the previous one--the old editions
will be renamed.
"""

PG_HEADER = """<section class="pg-boilerplate pgheader" id="pg-header" lang="en"><h2 id="pg-header-heading" title="">The Project Gutenberg eBook of <span lang="en" id="pg-title-no-subtitle">The Salt Road</span></h2>

<div>This ebook is for the use of anyone anywhere in the United States and
most other parts of the world at no cost and with almost no restrictions
whatsoever. You may copy it, give it away or re-use it under the terms
of the Project Gutenberg License included with this ebook or online
at <a class="reference external" href="https://www.gutenberg.org">www.gutenberg.org</a>. If you are not located in the United States,
you will have to check the laws of the country where you are located
before using this eBook.</div>

<div class="container" id="pg-machine-header"><p><strong>Title</strong>: The Salt Road</p>
<div id="pg-header-authlist">
<p><strong>Author</strong>: Mara Fenwick</p>
</div>
<p><strong>Release date</strong>: July 1, 2004 [eBook #74]<br/>
Most recently updated: August 9, 2023</p>

<p><strong>Language</strong>: English</p>

<p><strong>Credits</strong>: David Widger</p>

</div><div id="pg-start-separator">
<span>*** START OF THE PROJECT GUTENBERG EBOOK THE SALT ROAD ***</span>
</div></section>"""
TITLE_PAGE = '<h1 id="pgepubid00000">THE SALT ROAD</h1>\n<div class="ph2">\nBY MARA FENWICK\n</div>'
CHAPTER_ONE = f'<div class="chapter">\n<h2>CHAPTER I</h2>\n<p>{HARBOUR}</p>\n<p>{COUNTED}</p>\n</div>'
CHAPTER_TWO = f'<div class="chapter">\n<h2>CHAPTER II</h2>\n<p>{SAILS}</p>\n<p>{PRIEST}</p>\n</div>'
PG_FOOTER = """<div></div><section class="pg-boilerplate pgheader" id="pg-footer" lang="en">
<div id="pg-end-separator">
<span>*** END OF THE PROJECT GUTENBERG EBOOK THE SALT ROAD ***</span>
</div>
<div>Updated editions will replace the previous one—the old editions will
be renamed.</div>
<div style="margin-top:1em; font-size:1.1em; text-align:center">START: FULL LICENSE</div>
<div style="text-align:center;font-size:0.9em">THE FULL PROJECT GUTENBERG LICENSE</div>
<div style="text-align:center;font-size:0.9em">PLEASE READ THIS BEFORE YOU DISTRIBUTE OR USE THIS WORK</div>
<div>To protect the Project Gutenberg™ mission of promoting the free distribution of electronic works,
you agree to comply with all the terms of the Full Project Gutenberg™ License.</div>
</section>"""


def pg_html() -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8"/><title>The Salt Road | Project Gutenberg</title>
<meta name="generator" content="Ebookmaker 0.12.47 by Project Gutenberg"/>
</head>
<body class="x-ebookmaker x-ebookmaker-3">{PG_HEADER}
{TITLE_PAGE}
{CHAPTER_ONE}
{CHAPTER_TWO}
{PG_FOOTER}
</body></html>
"""


def assert_the_book(story: Story) -> None:
    text = story_text(story)
    for boilerplate in ("Gutenberg", "LICENSE", "START OF", "END OF", "Produced by", "Transcriber", "CONTENTS"):
        assert boilerplate.casefold() not in text.casefold()
    assert story.meta.title == "The Salt Road"
    assert story.meta.author == "Mara Fenwick"
    assert len(story.chapters) == 2
    assert story.chapters[0].paragraphs == [HARBOUR, COUNTED]
    assert story.chapters[1].paragraphs == [SAILS, PRIEST]


def test_a_gutenberg_text_is_the_book_between_its_markers() -> None:
    """eBook #71688's shape: the header, licence and transcriber's notes made chapters of their own,
    and "CHAPTER I. THE HARBOUR" in its contents list was refused as a heading with no text."""
    story = import_story(MODERN_TEXT.encode(), "pg71688.txt", max_bytes=LIMIT)
    assert_the_book(story)
    assert [chapter.title for chapter in story.chapters] == ["THE HARBOUR", "THE SAILS"]
    notes = "\n".join(story.meta.notes)
    assert "Italic text is enclosed in _underscores_" in notes
    assert "Simple typographical errors were corrected." in notes


def test_an_older_gutenberg_text_with_this_markers_and_a_credit_line() -> None:
    story = import_story(OLDER_TEXT.encode(), "1342.txt", max_bytes=LIMIT)
    assert_the_book(story)
    assert "Produced by Anonymous Volunteers" in story.meta.notes


def test_a_licence_left_without_its_end_marker_is_still_no_chapter() -> None:
    """A reader cut the end marker away with the closing lines: the licence's own title opens it."""
    text = MODERN_TEXT.replace("*** END OF THE PROJECT GUTENBERG EBOOK THE SALT ROAD ***", "")
    story = import_story(text.encode(), "salt-road.txt", max_bytes=LIMIT)
    assert "License" not in story_text(story)
    assert story.chapters[-1].paragraphs[-1] == PRIEST


def test_a_gutenberg_html_book_is_read_without_its_header_and_footer() -> None:
    story = import_story(pg_html().encode(), "pg74-images.html", max_bytes=LIMIT)
    assert_the_book(story)


@pytest.mark.parametrize("header_with_first_chapter", [True, False])
def test_a_gutenberg_epub_is_read_without_its_boilerplate(header_with_first_chapter: bool) -> None:
    """Ebookmaker's EPUB: the cover wrapper, the HTML split into documents, the header over the title
    page (in the same document as the first chapter in some books), the footer in the last one."""
    cover = xhtml('<div style="text-align:center"><img src="cover.jpg" alt="Cover"/></div>')
    if header_with_first_chapter:
        documents = [
            ("wrap0000.xhtml", cover),
            ("74-h-0.htm.xhtml", xhtml(PG_HEADER + TITLE_PAGE + CHAPTER_ONE)),
            ("74-h-1.htm.xhtml", xhtml(CHAPTER_TWO)),
            ("74-h-2.htm.xhtml", xhtml(PG_FOOTER)),
        ]
    else:
        documents = [
            ("wrap0000.xhtml", cover),
            ("74-h-0.htm.xhtml", xhtml(PG_HEADER + TITLE_PAGE)),
            ("74-h-1.htm.xhtml", xhtml(CHAPTER_ONE)),
            ("74-h-2.htm.xhtml", xhtml(CHAPTER_TWO + PG_FOOTER)),
        ]
    nav = [("THE SALT ROAD", "74-h-0.htm.xhtml"), ("THE FULL PROJECT GUTENBERG LICENSE", documents[-1][0])]
    data = epub_bytes(documents, title="The Salt Road", author="Mara Fenwick", nav_points=nav)
    assert_the_book(import_story(data, "pg74.epub", max_bytes=LIMIT))


def test_a_story_that_names_project_gutenberg_keeps_its_text() -> None:
    """Only whole marker lines wrap a book: prose naming the project is story text."""
    text = (
        "Chapter 1\n\nShe found the old book on Project Gutenberg at midnight.\n\n"
        "The end of the Project Gutenberg text was missing a page, she said.\n\n"
        "Chapter 2\n\nThe licence ran on for pages. She did not read it.\n"
    )
    story = import_story(text.encode(), "midnight.txt", max_bytes=LIMIT)
    assert story.chapters[0].paragraphs == [
        "She found the old book on Project Gutenberg at midnight.",
        "The end of the Project Gutenberg text was missing a page, she said.",
    ]
    assert len(story.chapters) == 2


def test_a_shouted_first_line_under_a_bare_heading_stays_text() -> None:
    """A full stop ends a title line only in the old style, where the heading has one too."""
    text = "Chapter 1\n\nRUN.\n\nShe ran until the harbour lights were gone.\n\nChapter 2\n\nMorning came.\n"
    story = import_story(text.encode(), "run.txt", max_bytes=LIMIT)
    assert story.chapters[0].title is None
    assert story.chapters[0].paragraphs[0] == "RUN."


def test_a_first_line_like_the_title_but_a_sentence_stays_text() -> None:
    """The title page under the fields is dropped only as said again: "Rain." is the story's first line."""
    text = "Title: Rain\nAuthor: Mara Fen\n\nRain.\n\nIt came down all night on the harbour.\n"
    story = import_story(text.encode(), "rain.txt", max_bytes=LIMIT)
    assert story.meta.title == "Rain"
    assert story.chapters[0].paragraphs[0] == "Rain."


def test_an_opening_with_prose_after_the_title_page_stays_a_chapter() -> None:
    """Only a title page over imprint lines is front matter: a book opening on its title and then its
    text, no heading until a later part, keeps that text as its first chapter."""
    text = MODERN_TEXT.replace("CONTENTS.\n\n\n  CHAPTER I. THE HARBOUR\n  CHAPTER II. THE SAILS\n", f"{HARBOUR}\n")
    text = text.replace(
        "                              THE SALT ROAD\n",
        "HARBOUR BOOKS.\n\n\n                              THE SALT\n  ROAD\n",
    )
    story = import_story(text.encode(), "pg71688.txt", max_bytes=LIMIT)
    assert story.chapters[0].title is None
    assert HARBOUR in story.chapters[0].paragraphs


@pytest.mark.parametrize("line", ["PREFACE", "PREFACE.", "Preface", "INTRODUCTION.", "Introduction"])
def test_a_preface_or_introduction_heads_a_chapter(line: str) -> None:
    """As "Foreword" does: the author's prose before the book is a chapter of its own, titled so."""
    text = f"{line}\n\nI wrote this on a ferry.\n\nChapter 1\n\nThe gulls came first.\n"
    story = import_story(text.encode(), "ferry.txt", max_bytes=LIMIT)
    assert [chapter.title for chapter in story.chapters] == [line.rstrip(".").title(), None]
    assert story.chapters[0].paragraphs == ["I wrote this on a ferry."]


def test_an_index_line_over_prose_stays_story_text() -> None:
    """A chapter that goes on past an "Index" line in prose keeps it all: only entries ending in page
    numbers make an index, and a closing "Printed in ..." line without a printer's name is the story's."""
    text = (
        "Chapter 1\n\n" + HARBOUR + "\n\n" + COUNTED + "\n\nChapter 2\n\n" + SAILS + "\n\nINDEX\n\n"
        "The card in the drawer read: harbour, 1901; boats, 12; gulls, 40.\n\n"
        "She put it back and went down to the quay, where the priest stood waiting.\n\n"
        "He had found the ledger; its last page said, in her father's hand, April 4, 1901.\n\n"
        "Printed in her father's hand under it: Forgive me.\n"
    )
    story = import_story(text.encode(), "harbour.txt", max_bytes=LIMIT)
    last = story.chapters[-1].paragraphs
    assert last[1] == "INDEX"
    assert last[-1] == "Printed in her father's hand under it: Forgive me."
    assert len(last) == 6


def test_lone_part_numbers_under_named_chapters_are_scene_breaks() -> None:
    """The older eBook #1661 layout (quoted so in public tests, e.g. bkaradzic/go-lz4's
    fuzz input): "ADVENTURE I. A SCANDAL IN BOHEMIA" over "I." and the story; its "II." later on.
    Under chapters the text names, lone numbers counting up are the chapter's parts, not text;
    each story counts again from "I."."""
    text = (
        "ADVENTURE I. A SCANDAL IN BOHEMIA\n\nI.\n\nTo Sherlock Holmes she is always THE woman.\n\n"
        "II.\n\nAt three o'clock precisely I was at Baker Street.\n\n"
        "ADVENTURE II. THE RED-HEADED LEAGUE\n\nI.\n\nI had called upon my friend, Mr. Sherlock Holmes.\n\n"
        "II.\n\n" + HARBOUR + "\n"
    )
    story = import_story(text.encode(), "holmes.txt", max_bytes=LIMIT)
    assert [chapter.title for chapter in story.chapters] == ["A SCANDAL IN BOHEMIA", "THE RED-HEADED LEAGUE"]
    assert [scene.paragraphs for scene in story.chapters[0].scenes] == [
        ["To Sherlock Holmes she is always THE woman."],
        ["At three o'clock precisely I was at Baker Street."],
    ]
    assert story.chapters[1].paragraphs == ["I had called upon my friend, Mr. Sherlock Holmes.", HARBOUR]
    assert len(story.chapters[1].scenes) == 2


def test_a_lone_numeral_alone_in_a_named_chapter_stays_text() -> None:
    """One lone "II." in a chapter counts nothing up: it stays the text it is."""
    text = "Chapter 1\n\n" + HARBOUR + "\n\nII.\n\n" + COUNTED + "\n\nChapter 2\n\n" + SAILS + "\n"
    story = import_story(text.encode(), "harbour.txt", max_bytes=LIMIT)
    assert story.chapters[0].paragraphs == [HARBOUR, "II.", COUNTED]
