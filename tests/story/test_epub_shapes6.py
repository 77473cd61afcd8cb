"""EPUBs as the tools people use lay them out: Vellum's and Atticus's chapter number and title set
as two headings, the newsletter and review pages at a book's end, Royal Road's author's notes
(kept by FanFicFare) and a single-file conversion opening with the title as a heading; and plain
text whose chapter headings put the number first ("1. fejezet", "1 skyrius")."""

from __future__ import annotations

import io
import zipfile
from html import escape

import pytest

from bot.story.importer import import_story
from bot.story.model import Story

from .builders import CONTAINER, xhtml

LIMIT = 8 * 1024 * 1024
TITLE = "The Mill at Oren"
AUTHOR = "Hana Velk"
PROSE = [
    "The rain had not stopped for three days, and the river was climbing the steps of the old mill.",
    "Ines watched it from the window, counting the stones as they went under one by one.",
    "By evening the water reached the door, and she carried the lamp up to the loft.",
]
NAMES = ["The Rain", "The Loft", "The Bridge"]


def epub(documents: list[tuple[str, str]], toc: list[tuple[str, str]] | None = None) -> bytes:
    """An EPUB 2 with an NCX (``toc``: href with any #anchor, label) and the spine in order."""
    ids = {name: f"d{index}" for index, (name, _) in enumerate(documents)}
    manifest = "".join(f'<item id="{ids[n]}" href="{n}" media-type="application/xhtml+xml"/>' for n, _ in documents)
    spine = "".join(f'<itemref idref="{ids[n]}"/>' for n, _ in documents)
    points = "".join(
        f'<navPoint id="p{i}" playOrder="{i + 1}"><navLabel><text>{escape(label)}</text></navLabel>'
        f'<content src="{href}"/></navPoint>'
        for i, (href, label) in enumerate(toc or [])
    )
    opf = f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x</dc:identifier>
  <dc:title>{TITLE}</dc:title><dc:creator>{AUTHOR}</dc:creator><dc:language>en</dc:language></metadata>
  <manifest>{manifest}<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/></manifest>
  <spine toc="ncx">{spine}</spine>
</package>"""
    ncx = (
        '<?xml version="1.0" encoding="UTF-8"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">'
        f"<head/><docTitle><text>{TITLE}</text></docTitle><navMap>{points}</navMap></ncx>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/container.xml", CONTAINER)
        archive.writestr("OEBPS/content.opf", opf)
        archive.writestr("OEBPS/toc.ncx", ncx)
        for name, body in documents:
            archive.writestr(f"OEBPS/{name}", xhtml(body, TITLE))
    return buffer.getvalue()


def read(data: bytes) -> Story:
    return import_story(data, "mill.epub", max_bytes=LIMIT)


def titles(story: Story) -> list[str | None]:
    return [chapter.title for chapter in story.chapters]


def text(story: Story) -> str:
    return "\n".join(p for chapter in story.chapters for scene in chapter.scenes for p in scene.paragraphs)


def paragraphs() -> str:
    return "".join(f"<p>{line}</p>" for line in PROSE)


def vellum_chapter(number: int, name: str) -> str:
    return (
        '<section class="element element-bodymatter element-type-chapter" epub:type="bodymatter chapter">'
        f'<div class="element-number-block"><h1 class="element-number">{number}</h1></div>'
        f'<div class="element-title-block"><h1 class="element-title">{name}</h1></div>'
        f'<div class="text">{paragraphs()}</div></section>'
    )


def test_vellum_number_and_title_headings_make_one_titled_chapter() -> None:
    docs = [(f"chapter-{i + 1}.xhtml", vellum_chapter(i + 1, name)) for i, name in enumerate(NAMES)]
    story = read(epub(docs))
    assert titles(story) == NAMES
    assert all(chapter.scenes[0].paragraphs == PROSE for chapter in story.chapters)


@pytest.mark.parametrize("number", ["Chapter One", "CHAPTER 1", "I"])
def test_a_bare_chapter_heading_over_a_title_heading_takes_it_as_its_title(number: str) -> None:
    docs = [
        (f"c{i}.xhtml", f'<h6 class="chapter-number">{number}</h6><h2 class="chapter-title">{name}</h2>{paragraphs()}')
        for i, name in enumerate(NAMES)
    ]
    assert titles(read(epub(docs))) == NAMES


def back_page(heading: str, *lines: str) -> str:
    return (
        f'<section epub:type="backmatter"><h1>{heading}</h1>'
        + "".join(f"<p>{line}</p>" for line in lines)
        + "</section>"
    )


def test_review_and_newsletter_pages_at_the_end_are_not_chapters() -> None:
    docs = [(f"c{i}.xhtml", f"<h1>Chapter {i + 1}</h1>{paragraphs()}") for i in range(3)]
    docs += [
        (
            "thanks.xhtml",
            back_page("Thank You for Reading", "If you enjoyed this book, please consider leaving a review."),
        ),
        (
            "news.xhtml",
            back_page(
                "Get a Free Story",
                "Sign up for my newsletter and get a free novella, plus news of new releases.",
                '<a href="https://example.com/newsletter">Join here</a>',
            ),
        ),
        ("about.xhtml", back_page("About the Author", f"{AUTHOR} grew up beside a mill race.")),
    ]
    story = read(epub(docs))
    assert len(story.chapters) == 3
    assert "newsletter" not in text(story) and "review" not in text(story)


def test_a_last_chapter_that_mentions_a_newsletter_once_is_kept() -> None:
    docs = [(f"c{i}.xhtml", f"<h1>Chapter {i + 1}</h1>{paragraphs()}") for i in range(2)]
    docs.append(("c2.xhtml", back_page("The Letter", "The newsletter came on Tuesday, as it always had.")))
    assert len(read(epub(docs)).chapters) == 3


def royal_road_chapter(number: int, name: str) -> str:
    def note(*lines: str) -> str:
        return (
            '<div class="portlet solid author-note-portlet"><div class="portlet-title"><div class="caption">'
            '<span class="caption-subject bold uppercase">A/N</span></div></div>'
            '<div class="portlet-body author-note">' + "".join(f"<p>{line}</p>" for line in lines) + "</div></div>"
        )

    return (
        f"<h3>Chapter {number} - {name}</h3>{note('Patreon is 5 chapters ahead!')}"
        f'<div class="chapter-inner chapter-content">{paragraphs()}</div>'
        f"{note('Please rate and review, it helps a lot!', 'Discord: discord.gg/abcdef')}"
    )


def test_royal_road_author_notes_are_chapter_notes_not_story() -> None:
    docs = [(f"file000{i + 1}.xhtml", royal_road_chapter(i + 1, name)) for i, name in enumerate(NAMES)]
    story = read(epub(docs))
    assert titles(story) == NAMES
    for chapter in story.chapters:
        assert [p for scene in chapter.scenes for p in scene.paragraphs] == PROSE
        assert chapter.notes == [
            "Patreon is 5 chapters ahead!",
            "Please rate and review, it helps a lot!\nDiscord: discord.gg/abcdef",
        ]


def test_single_file_conversion_opening_with_the_title_heading_has_no_title_chapter() -> None:
    body = f'<h1 class="calibre1">{TITLE}</h1><p class="calibre2">by {AUTHOR}</p>'
    body += "".join(
        f'<h2 id="calibre_toc_{i + 1}">Chapter {i + 1}</h2><h3>{name}</h3>{paragraphs()}'
        for i, name in enumerate(NAMES)
    )
    toc = [(f"index_split_000.html#calibre_toc_{i + 1}", f"Chapter {i + 1}") for i in range(3)]
    story = read(epub([("index_split_000.html", body)], toc))
    assert titles(story) == NAMES
    assert f"by {AUTHOR}" not in text(story)


def test_a_first_chapter_titled_like_the_book_keeps_its_text() -> None:
    body = f"<h1>{TITLE}</h1>{paragraphs()}" + "".join(f"<h1>{name}</h1>{paragraphs()}" for name in NAMES[1:])
    story = read(epub([("index_split_000.html", body)]))
    assert titles(story) == [TITLE, *NAMES[1:]]


BODIES = [
    "Pirmas skyrius prasideda čia, kai lietus nesiliovė tris dienas.",
    "Antras skyrius tęsiasi toliau su broliu ir malūnu.",
]


@pytest.mark.parametrize(
    "first, second",
    [
        ("1. fejezet", "2. fejezet: A híd"),
        ("1 skyrius", "2 skyrius. Tiltas"),
        ("1. nodaļa", "2. nodaļa"),
        ("1. luku", "2. luku"),
        ("1. peatükk", "2. peatükk"),
        ("1. poglavlje", "2. poglavlje"),
        ("1. Bölüm", "2. Bölüm"),
    ],
)
def test_headings_with_the_number_first_split_chapters(first: str, second: str) -> None:
    story = import_story(f"{first}\n\n{BODIES[0]}\n\n{second}\n\n{BODIES[1]}\n".encode(), "t.txt", max_bytes=LIMIT)
    assert [chapter.scenes[0].paragraphs for chapter in story.chapters] == [[BODIES[0]], [BODIES[1]]]


def test_a_part_with_the_number_first_holds_its_chapter() -> None:
    story = import_story(f"2. rész\n\n1. fejezet\n\n{BODIES[0]}\n".encode(), "t.txt", max_bytes=LIMIT)
    assert titles(story) == ["2. rész"]


def test_a_sentence_starting_with_a_number_and_such_a_word_is_not_a_heading() -> None:
    story = import_story(f"1. fejezet\n\n{BODIES[0]}\n\n2 osa jauhoja ja vettä.\n".encode(), "t.txt", max_bytes=LIMIT)
    assert len(story.chapters) == 1
