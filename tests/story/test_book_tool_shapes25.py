"""EPUBs as the book tools write them, built from the tools' own templates (named at each builder):
Standard Ebooks' front and back matter and its endnotes document, a notes document called only by
number, calibre's conversions and Pandoc's EPUB."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from tests.story.builders import ao3_html, epub_bytes, story_text, two_chapter_work, xhtml

LIMIT = 1 << 22

HARBOUR = "The gulls came first, wheeling over the harbour wall."
COUNTED = "She counted eleven. There should have been twelve."
SAILS = "The twelfth boat came in at dusk with its mast broken."
PRIEST = "Nobody spoke until the priest came."


# -- Standard Ebooks ------------------------------------------------------------------------------
# standardebooks/tools se/data/templates: titlepage.xhtml, imprint.xhtml, chapter-template.xhtml
# ('<body epub:type="bodymatter z3998:fiction"><section id="chapter-1" epub:type="chapter">'),
# endnotes.xhtml ('<section id="endnotes" epub:type="endnotes"><h2 epub:type="title">Endnotes</h2>
# <ol><li id="note-1">' closing with '<a href="FILENAME.xhtml#noteref-1" epub:type="backlink">↩</a>'),
# colophon.xhtml, uncopyright.xhtml (epub:type="copyright-page"); the call as the SE Manual of Style
# writes it: '<a href="endnotes.xhtml#note-1" id="noteref-1" epub:type="noteref">1</a>'.
def se_document(body_type: str, inner: str, title: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" epub:prefix="z3998: http://www.daisy.org/z3998/2012/vocab/structure/, se: https://standardebooks.org/vocab/1.0" xml:lang="en-US">
\t<head>
\t\t<title>{title}</title>
\t\t<link href="../css/core.css" rel="stylesheet" type="text/css"/>
\t</head>
\t<body epub:type="{body_type}">
{inner}
\t</body>
</html>"""


def se_chapter(number: int, numeral: str, paragraphs: list[str]) -> tuple[str, str]:
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    inner = (
        f'<section id="chapter-{number}" epub:type="chapter">\n'
        f'<h2 epub:type="ordinal z3998:roman">{numeral}</h2>\n{body}\n</section>'
    )
    return f"chapter-{number}.xhtml", se_document("bodymatter z3998:fiction", inner, numeral)


def se_call(number: int) -> str:
    return f'<a href="endnotes.xhtml#note-{number}" id="noteref-{number}" epub:type="noteref">{number}</a>'


def standard_ebook() -> bytes:
    titlepage = (
        '<section id="titlepage" epub:type="titlepage"><img alt="The titlepage for the Standard Ebooks edition'
        ' of The Salt Road, by Mara Fenwick" src="../images/titlepage.svg"/></section>'
    )
    imprint = """<section id="imprint" epub:type="imprint">
<header><h2 epub:type="title">Imprint</h2><img alt="The Standard Ebooks logo." src="../images/logo.svg"/></header>
<p>This ebook is the product of many hours of hard work by volunteers for <a href="https://standardebooks.org/">Standard Ebooks</a>, and builds on the hard work of other literature lovers made possible by the public domain.</p>
<p>This particular ebook is based on a transcription from <a href="https://www.gutenberg.org/">Project Gutenberg</a> and on digital scans from the <a href="https://archive.org/">Internet Archive</a>.</p>
</section>"""
    endnotes = """<section id="endnotes" epub:type="endnotes">
<h2 epub:type="title">Endnotes</h2>
<ol>
<li id="note-1" epub:type="endnote"><p>Herring gulls, mostly. <a href="chapter-1.xhtml#noteref-1" epub:type="backlink">↩</a></p></li>
<li id="note-2" epub:type="endnote"><p>CW: drowning. <a href="chapter-2.xhtml#noteref-2" epub:type="backlink">↩</a></p></li>
</ol>
</section>"""
    colophon = """<section id="colophon" epub:type="colophon">
<header><h2 epub:type="title">Colophon</h2></header>
<p><i epub:type="se:name.publication.book">The Salt Road</i><br/>was published in 1901 by<br/><a href="https://en.wikipedia.org/">Mara Fenwick</a>.</p>
<p>This ebook was produced for the<br/><a href="https://standardebooks.org">Standard Ebooks project</a><br/>by<br/><a href="https://example.org/">A Producer</a>.</p>
</section>"""
    uncopyright = """<section id="uncopyright" epub:type="copyright-page">
<h2 epub:type="title">Uncopyright</h2>
<blockquote epub:type="z3998:verse"><p><span>May you do good and not evil.</span><br/><span>May you find forgiveness for yourself and forgive others.</span></p></blockquote>
<p>Copyright pages exist to tell you <em>can’t</em> do something. Unlike them, this Uncopyright page exists to tell you that the writing and artwork in this ebook are believed to be in the United States public domain.</p>
</section>"""
    documents = [
        ("titlepage.xhtml", se_document("frontmatter", titlepage, "Titlepage")),
        ("imprint.xhtml", se_document("frontmatter", imprint, "Imprint")),
        se_chapter(1, "I", [HARBOUR[:-1] + "." + se_call(1), COUNTED]),
        se_chapter(2, "II", [SAILS + se_call(2), PRIEST]),
        ("endnotes.xhtml", se_document("backmatter", endnotes, "Endnotes")),
        ("colophon.xhtml", se_document("backmatter", colophon, "Colophon")),
        ("uncopyright.xhtml", se_document("backmatter", uncopyright, "Uncopyright")),
    ]
    nav = [
        (title, name)
        for name, title in zip(
            [d[0] for d in documents],
            ["Titlepage", "Imprint", "I", "II", "Endnotes", "Colophon", "Uncopyright"],
            strict=True,
        )
    ]
    return epub_bytes(documents, title="The Salt Road", author="Mara Fenwick", nav_points=nav)


def test_standard_ebooks_front_and_back_matter_are_not_the_story() -> None:
    story = import_story(standard_ebook(), "mara-fenwick_the-salt-road.epub", max_bytes=LIMIT)
    text = story_text(story)
    for matter in ("Standard Ebooks", "Uncopyright", "Colophon", "Imprint", "Endnotes", "public domain", "↩"):
        assert matter not in text
    assert (story.meta.title, story.meta.author) == ("The Salt Road", "Mara Fenwick")
    assert [chapter.paragraphs for chapter in story.chapters] == [[HARBOUR, COUNTED], [SAILS, PRIEST]]


def test_standard_ebooks_endnotes_go_to_the_chapters_calling_them() -> None:
    """Every endnote was the last chapter's (its document follows it), so chapter 2 carried chapter 1's
    note, and a warning declared in chapter 2's note was also the only one the chapter it was for had."""
    story = import_story(standard_ebook(), "mara-fenwick_the-salt-road.epub", max_bytes=LIMIT)
    first, second = story.chapters
    assert first.notes == ["Footnote 1: Herring gulls, mostly."]
    assert second.notes == ["Footnote 2: CW: drowning."]
    assert first.declared_warnings == []
    assert second.declared_warnings == ["CW: drowning"]


# -- A notes document called only by number ------------------------------------------------------
# No tool's template: a book typed with its notes by hand ("wall.<sup>1</sup>" and a last "Notes"
# page numbering them) and made an EPUB, one document per chapter, as the brief for this pass
# describes it. The notes page as an <ol> and as paragraphs numbered in their text.
def numbered_notes_epub(notes_page: str, *, second_call: str = "2") -> bytes:
    documents = [
        ("c1.xhtml", xhtml(f"<h1>Chapter One</h1><p>{HARBOUR}<sup>1</sup></p><p>{COUNTED}</p>")),
        ("c2.xhtml", xhtml(f"<h1>Chapter Two</h1><p>{SAILS}<sup>{second_call}</sup></p><p>{PRIEST}</p>")),
        ("notes.xhtml", xhtml(notes_page)),
    ]
    nav = [("Chapter One", "c1.xhtml"), ("Chapter Two", "c2.xhtml"), ("Notes", "notes.xhtml")]
    return epub_bytes(documents, title="Salt Roads", author="Mara Fen", nav_points=nav)


NOTES_PAGES = {
    "list": "<h1>Notes</h1><ol><li>Herring gulls, mostly.</li><li>CW: drowning.</li></ol>",
    "numbered paragraphs": "<h1>Notes</h1><p>1. Herring gulls, mostly.</p><p>2. CW: drowning.</p>",
    "superscript numbers": "<h1>Endnotes</h1><p><sup>1</sup> Herring gulls, mostly.</p><p><sup>2</sup> CW: drowning.</p>",
}


@pytest.mark.parametrize("page", sorted(NOTES_PAGES))
def test_a_notes_document_called_by_number_goes_to_the_calling_chapters(page: str) -> None:
    """The notes page was posted as a chapter of the story, and the calls glued to the words ("wall.1")."""
    story = import_story(numbered_notes_epub(NOTES_PAGES[page]), "salt-roads.epub", max_bytes=LIMIT)
    assert [chapter.paragraphs for chapter in story.chapters] == [[HARBOUR, COUNTED], [SAILS, PRIEST]]
    assert story.chapters[0].notes == ["Footnote 1: Herring gulls, mostly."]
    assert story.chapters[1].notes == ["Footnote 2: CW: drowning."]
    assert story.chapters[1].declared_warnings == ["CW: drowning"]


def test_a_notes_document_numbered_otherwise_is_the_books_notes_not_a_chapter() -> None:
    """Numbered by chapter (1, then 1 again): no safe pairing, so the notes are the book's."""
    data = numbered_notes_epub(NOTES_PAGES["list"], second_call="1")
    story = import_story(data, "salt-roads.epub", max_bytes=LIMIT)
    assert len(story.chapters) == 2
    assert "Herring gulls" not in story_text(story)
    assert "Note 1: Herring gulls, mostly." in story.meta.notes
    assert "Note 2: CW: drowning." in story.meta.notes


def test_a_chapter_called_notes_with_prose_stays_a_chapter() -> None:
    documents = [
        ("c1.xhtml", xhtml(f"<h1>Chapter One</h1><p>{HARBOUR}</p><p>{COUNTED}</p>")),
        ("c2.xhtml", xhtml("<h1>Notes</h1><p>1. She wrote the list at dawn.</p><p>The ink was still wet.</p>")),
    ]
    nav = [("Chapter One", "c1.xhtml"), ("Notes", "c2.xhtml")]
    story = import_story(epub_bytes(documents, title="Salt Roads", nav_points=nav), "salt.epub", max_bytes=LIMIT)
    assert story.chapters[-1].title == "Notes"
    assert story.chapters[-1].paragraphs == ["1. She wrote the list at dawn.", "The ink was still wet."]


# -- AO3's own download: the parts of its templates the shared builders leave out -----------------
# otwcode/otwarchive app/views/downloads/_download_chapter.html.erb (a chapter's own
# '<p class="byline">' when its creators differ from the work's), _download_preface.html.erb and
# _download_work_preface.html.erb ("Series:" "Part 1 of" and "Collections:" in the tags' <dl>, the
# related works' <ul> "Inspired by <work> by <creator>"), _download_afterword.html.erb (the works
# inspired by this one, a <dl> in the afterword's meta). Checked right: this holds it.
def test_ao3_download_bylines_series_and_related_works_are_not_story_text() -> None:
    html = ao3_html(two_chapter_work())
    html = html.replace(
        '<h2 class="heading">Chapter 2</h2>\n',
        '<h2 class="heading">Chapter 2</h2>\n<p class="byline">by <a rel="author" '
        'href="https://archiveofourown.org/users/guestpen/pseuds/guestpen">guestpen</a></p>\n',
        1,
    )
    html = html.replace(
        "<dt>Stats:</dt>",
        '<dt>Series:</dt>\n<dd>Part 1 of\n<a href="https://archiveofourown.org/series/9">River Crossings</a></dd>\n'
        '<dt>Collections:</dt>\n<dd><a href="https://archiveofourown.org/collections/x">Angst Week</a></dd>\n'
        "<dt>Stats:</dt>",
        1,
    )
    html = html.replace(
        '  </div>\n</div>\n<div id="chapters"',
        '<ul>\n<li>\nInspired by <a href="https://archiveofourown.org/works/5">The Bridge</a> by '
        '<a rel="author" href="https://archiveofourown.org/users/otherpen">otherpen</a>\n</li>\n</ul>\n'
        '  </div>\n</div>\n<div id="chapters"',
        1,
    )
    html = html.replace(
        '<p class="message">Please',
        '<div class="meta"><dl>\n<dt>Works inspired by this one:</dt>\n<dd><a href="https://archiveofourown.org/works/7">'
        'The Far Bank</a> by <a href="https://archiveofourown.org/users/thirdpen">thirdpen</a></dd>\n</dl></div>\n'
        '<p class="message">Please',
        1,
    )
    assert all(name in html for name in ("guestpen", "River Crossings", "otherpen", "thirdpen"))
    story = import_story(html.encode(), "the-ford.html", max_bytes=LIMIT)
    text = story_text(story)
    for leaked in ("guestpen", "River Crossings", "Angst Week", "otherpen", "The Bridge", "thirdpen", "Far Bank"):
        assert leaked not in text
    assert story.chapters[1].paragraphs == ["Bram went in first.", "He did not come back up."]
    assert (story.meta.title, story.meta.author) == ("The Ford", "riverwriter")
