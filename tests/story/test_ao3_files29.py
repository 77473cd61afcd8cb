"""AO3's files as members get them, each read wrongly before: its EPUB as calibre writes it (classes
renamed "userstuff1", "calibre1", the preface and a long chapter split over files) was refused as
having no chapter text; a chapter whose text opens with its own heading again posted that line; an
untitled chapter of a copied page took "Chapter Text" as its title; a page saved as "Webpage, Single
File" (.mhtml) was posted as its MIME source, and a Safari web archive got a refusal nobody could act on."""

from __future__ import annotations

import quopri

import pytest

from bot.story.errors import StoryFormatError
from bot.story.importer import import_story
from bot.story.model import Story
from tests.story.builders import epub_bytes, xhtml

TAGS = (
    '<div id="preface" class="calibre1"><p class="message"><b class="calibre2">Harbour Ghosts</b><br/>Posted originally on '
    'the <a href="https://archiveofourown.org/">Archive of Our Own</a>.</p><div class="calibre1"><dl class="tags">'
    '<dt class="calibre4">Rating:</dt><dd class="calibre5"><a href="https://archiveofourown.org/tags/Mature">Mature</a></dd>'
    "</dl></div></div>"
)
TITLE_PAGE = (
    '<div id="preface" class="calibre1"><div class="calibre1"><h1 class="calibre8">Harbour Ghosts</h1>'
    '<div class="byline">by <a rel="author" href="https://archiveofourown.org/users/tidewrack">tidewrack</a></div>'
    '<p class="calibre7">Summary</p><blockquote class="userstuff"><p>Nell keeps the harbour light.</p></blockquote>'
    "</div></div>"
)
CHAPTER_1 = (
    '<div class="userstuff1" id="chapters"><div class="calibre1"><h2 class="heading">Chapter 1: Lamp Oil</h2>'
    '<p class="calibre7">Chapter Notes</p><blockquote class="userstuff"><p>CW: a drowning, described.</p></blockquote></div>'
    '<div class="userstuff2"><p class="calibre7">The lamp oil came on the Tuesday boat.</p></div></div>'
)
CHAPTER_1_GOES_ON = (
    '<div class="userstuff1" id="chapters"><div class="userstuff2"><p class="calibre7">Nell signed for it.</p></div>'
    '<div class="calibre1"><h2 class="heading">Chapter 2</h2></div>'
    '<div class="userstuff2"><p class="calibre7">Ida came up the stair at noon.</p></div></div>'
)


def read(data: bytes | str, name: str) -> Story:
    return import_story(data.encode() if isinstance(data, str) else data, name, max_bytes=1 << 20)


def test_ao3s_epub_as_calibre_writes_it() -> None:
    parts = [TAGS, TITLE_PAGE, CHAPTER_1, CHAPTER_1_GOES_ON]
    docs = [(f"Harbour_Ghosts_split_{i:03d}.xhtml", xhtml(part)) for i, part in enumerate(parts)]
    story = read(
        epub_bytes(docs, title="Harbour Ghosts", author="tidewrack", nav_points=[("Preface", docs[0][0])]), "w.epub"
    )
    assert (story.meta.title, story.meta.author, story.meta.rating) == ("Harbour Ghosts", "tidewrack", "Mature")
    assert story.meta.summary == "Nell keeps the harbour light."
    assert [(chapter.title, chapter.paragraphs, chapter.declared_warnings) for chapter in story.chapters] == [
        ("Lamp Oil", ["The lamp oil came on the Tuesday boat.", "Nell signed for it."], ["CW: a drowning, described"]),
        (None, ["Ida came up the stair at noon."], []),
    ]


def test_a_chapter_opening_with_its_own_heading_again() -> None:
    page = (
        '<html><body><div id="preface"><p class="message">Posted originally on the Archive of Our Own.</p>'
        '<dl class="tags"><dt>Rating:</dt><dd>General Audiences</dd></dl><h1>The Ford</h1>'
        '<div class="byline">by <a rel="author" href="/users/r">r</a></div></div><div id="chapters">'
        '<div class="meta group"><h2 class="heading">Chapter 1</h2></div><div class="userstuff">'
        "<p><strong>Chapter One: The Ford</strong></p><p>Ada reached the river.</p></div>"
        '<div class="meta group"><h2 class="heading">Chapter 2: The Far Bank</h2></div><div class="userstuff">'
        "<h2>Chapter Two: The Crossing</h2><p>Bram went in first.</p></div></div></body></html>"
    )
    story = read(page, "work.html")
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [
        ("The Ford", ["Ada reached the river."]),
        ("The Far Bank", ["Bram went in first."]),
    ]


def test_an_untitled_chapter_of_a_copied_page() -> None:
    text = "Chapter 1: Fog\n\nChapter Text\n\nThe fog came in.\n\nChapter 2\n\nChapter Text\n\nIt lifted.\n"
    assert [chapter.title for chapter in read(text, "copy.txt").chapters] == ["Fog", None]


def test_a_page_saved_as_a_single_file() -> None:
    html = '<html lang="en"><body><h1>Bones of the Tide</h1><h2>Chapter 1</h2><p>The shuttle came down = in the rain.</p><h2>Chapter 2</h2><p>Quiet.</p></body></html>'
    encoded = quopri.encodestring(html.encode()).decode()
    mhtml = (
        "From: <Saved by Blink>\nSnapshot-Content-Location: https://archiveofourown.org/works/1\nSubject: Bones\n"
        'MIME-Version: 1.0\nContent-Type: multipart/related;\n\ttype="text/html";\n\tboundary="----B"\n\n\n'
        "------B\nContent-Type: text/html\nContent-ID: <frame-1@mhtml.blink>\nContent-Transfer-Encoding: quoted-printable\n"
        f"Content-Location: https://archiveofourown.org/works/1\n\n{encoded}\n------B--\n"
    )
    story = read(mhtml, "work.mhtml")
    assert [chapter.paragraphs for chapter in story.chapters] == [["The shuttle came down = in the rain."], ["Quiet."]]


def test_a_story_told_in_emails_is_still_text() -> None:
    text = "From: Ada\nTo: Bram\nSubject: the ford\n\nMeet me at the river.\n"
    assert read(text, "letters.txt").chapters[0].paragraphs[-1] == "Meet me at the river."


def test_a_safari_web_archive_is_refused_by_name() -> None:
    with pytest.raises(StoryFormatError, match="Safari web archive"):
        read(b"bplist00\xd1\x01\x02_\x10\x0fWebMainResource", "work.webarchive")


def test_a_page_pasted_into_a_markdown_editor() -> None:
    text = (
        "## Bones of the Tide\n\n### marrowlight\n\n### Summary:\n\n> Gideon comes back wrong.\n\n"
        "### Chapter 1: The Return\n\n### Chapter Text\n\nThe shuttle came down in the rain.\n\n"
        "### Chapter 2\n\n### Chapter Text\n\nThe quiet was a living thing.\n"
    )
    story = read(text, "work.md")
    assert (story.meta.title, story.meta.author, story.meta.summary) == (
        "Bones of the Tide",
        "marrowlight",
        "Gideon comes back wrong.",
    )
    assert [(chapter.title, chapter.paragraphs) for chapter in story.chapters] == [
        ("The Return", ["The shuttle came down in the rain."]),
        (None, ["The quiet was a living thing."]),
    ]


def test_a_markdown_story_whose_title_heads_its_chapters_keeps_them() -> None:
    text = "# The Ford\n\n## Chapter 1\n\nAda reached the river.\n\n## Chapter 2\n\nBram went in first.\n"
    story = read(text, "story.md")
    assert (story.meta.title, [chapter.paragraphs for chapter in story.chapters]) == (
        "The Ford",
        [["Ada reached the river."], ["Bram went in first."]],
    )
