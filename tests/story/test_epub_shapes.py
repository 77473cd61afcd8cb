"""Generic EPUBs as publishers, calibre and hand-rolled tools shape them: which spine documents
are front matter, which are chapters, and which go on with the chapter before them."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from html import escape

from bot.story.importer import import_story
from bot.story.model import Story

from .builders import CONTAINER, xhtml

LIMIT = 8 * 1024 * 1024
TITLE = "Salt Clock"
AUTHOR = "Ines Varga"


@dataclass
class Book:
    """A generic EPUB: spine documents in order, and what the package says about them."""

    documents: list[tuple[str, str]]  # (file name, body markup)
    guide: list[tuple[str, str]] = field(default_factory=list)  # (type, file name)
    ncx: list[tuple[str, str]] | None = None  # (file name, label); None: no NCX at all
    nav: list[tuple[str, str]] | None = None  # EPUB 3 nav toc entries; None: no nav document
    landmarks: list[tuple[str, str]] = field(default_factory=list)  # (epub:type, file name)
    non_linear: set[str] = field(default_factory=set)  # file names the spine marks linear="no"

    def bytes(self) -> bytes:
        ids = {name: f"item{index}" for index, (name, _) in enumerate(self.documents)}
        manifest = "".join(
            f'<item id="{ids[name]}" href="{name}" media-type="application/xhtml+xml"/>' for name, _ in self.documents
        )
        linear = {name: ' linear="no"' if name in self.non_linear else "" for name, _ in self.documents}
        spine = "".join(f'<itemref idref="{ids[name]}"{linear[name]}/>' for name, _ in self.documents)
        members = [(name, xhtml(body, TITLE)) for name, body in self.documents]
        if self.ncx is not None:
            manifest += '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
            points = "".join(
                f'<navPoint id="p{i}" playOrder="{i}"><navLabel><text>{escape(label)}</text></navLabel>'
                f'<content src="{href}"/></navPoint>'
                for i, (href, label) in enumerate(self.ncx, 1)
            )
            members.append(
                (
                    "toc.ncx",
                    '<?xml version="1.0" encoding="UTF-8"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" '
                    f'version="2005-1"><head/><docTitle><text>{TITLE}</text></docTitle><navMap>{points}</navMap></ncx>',
                )
            )
        if self.nav is not None:
            manifest += '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
            toc = "".join(f'<li><a href="{href}">{escape(label)}</a></li>' for href, label in self.nav)
            marks = "".join(f'<li><a epub:type="{kind}" href="{href}">{kind}</a></li>' for kind, href in self.landmarks)
            members.append(
                (
                    "nav.xhtml",
                    xhtml(
                        f'<nav epub:type="toc"><ol>{toc}</ol></nav><nav epub:type="landmarks"><ol>{marks}</ol></nav>'
                    ),
                )
            )
        guide = "".join(f'<reference type="{kind}" title="{kind}" href="{href}"/>' for kind, href in self.guide)
        opf = f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x</dc:identifier>
  <dc:title>{TITLE}</dc:title><dc:creator>{AUTHOR}</dc:creator><dc:language>en</dc:language></metadata>
  <manifest>{manifest}</manifest>
  <spine{' toc="ncx"' if self.ncx is not None else ""}>{spine}</spine>
  {f"<guide>{guide}</guide>" if guide else ""}
</package>"""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
            archive.writestr("META-INF/container.xml", CONTAINER, compress_type=zipfile.ZIP_DEFLATED)
            archive.writestr("OEBPS/content.opf", opf, compress_type=zipfile.ZIP_DEFLATED)
            for name, text in members:
                archive.writestr(f"OEBPS/{name}", text, compress_type=zipfile.ZIP_DEFLATED)
        return buffer.getvalue()


def read(book: Book) -> Story:
    return import_story(book.bytes(), "clock.epub", max_bytes=LIMIT)


def chapters(story: Story) -> list[tuple[str | None, list[str]]]:
    return [(chapter.title, chapter.paragraphs) for chapter in story.chapters]


def chapter(number: int, title: str, *paragraphs: str) -> str:
    return f"<h1>Chapter {number}: {title}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs)


ONE = chapter(1, "The Tide Table", "The clock in the square ran on seawater.", "Nobody wound it.")
TWO = chapter(2, "Low Water", "At low water it stopped, and so did the town.")
COPYRIGHT = (
    f"<p>Copyright © 2023 {AUTHOR}. All rights reserved.</p>"
    "<p>This is a work of fiction. Names, characters and places are products of the author’s imagination, "
    "and any resemblance to actual persons, living or dead, is coincidental.</p>"
    "<p>No part of this book may be reproduced without written permission.</p>"
    "<p>First edition. ISBN 978-0-00-000000-0</p>"
)  # 50 words
ENTRIES = [
    "The Tide Table",
    "Low Water",
    "What the Gulls Knew About the Clock",
    "A Bucket of Sea for the Clockmaker",
    "The Thirteenth Hour of the Longest Day",
    "Slack Water and What It Left Behind",
]
CONTENTS = "<h1>Contents</h1>" + "".join(
    f'<p><a href="c{n}.xhtml">Chapter {n}: {title}</a></p>' for n, title in enumerate(ENTRIES, 1)
)  # 47 words
LONG = " ".join(["The water rose along the quay and the gulls went quiet."] * 45)  # 495 words


# -- 1. a short chapter that names the book or its author -------------------------------------


def test_short_chapter_sharing_the_books_title_is_kept() -> None:
    last = f"<h1>{TITLE}</h1><p>When the clock struck thirteen, {AUTHOR.split()[0]} was already at the quay.</p>"
    story = read(Book([("c1.xhtml", ONE), ("c2.xhtml", TWO), ("c3.xhtml", last)]))
    assert [title for title, _ in chapters(story)] == ["The Tide Table", "Low Water", TITLE]
    assert story.chapters[2].paragraphs == ["When the clock struck thirteen, Ines was already at the quay."]


def test_short_untitled_document_naming_the_author_in_a_sentence_is_kept() -> None:
    epilogue = f"<p>{AUTHOR} lived by the sea until the clock stopped for good.</p>"
    story = read(Book([("c1.xhtml", ONE), ("c2.xhtml", TWO), ("end.xhtml", epilogue)]))
    assert story.chapters[-1].paragraphs[-1] == f"{AUTHOR} lived by the sea until the clock stopped for good."


def test_later_short_document_of_lines_naming_the_book_is_kept() -> None:
    texts = "<p>salt clock tonight?</p><p>yes</p><p>bring the bucket</p>"
    story = read(Book([("c1.xhtml", ONE), ("c2.xhtml", TWO), ("c3.xhtml", "<h1>Messages</h1>" + texts)]))
    assert chapters(story)[-1] == ("Messages", ["salt clock tonight?", "yes", "bring the bucket"])


def test_title_page_of_title_and_author_lines_is_dropped() -> None:
    title_page = f"<h1>{TITLE}</h1><p>a novel</p><p>{AUTHOR}</p><p>Harbour Press, 2023</p>"
    story = read(Book([("title.xhtml", title_page), ("c1.xhtml", ONE), ("c2.xhtml", TWO)]))
    assert [title for title, _ in chapters(story)] == ["The Tide Table", "Low Water"]


def test_marked_dedication_is_kept_as_a_note_not_a_chapter() -> None:
    # The book does not number its dedication: chapter 1 is the book's Chapter 1, and the words stay.
    dedication = '<section epub:type="dedication"><p>For my grandmother, who kept the tide tables.</p></section>'
    story = read(
        Book([("ded.xhtml", dedication), ("c1.xhtml", ONE), ("c2.xhtml", TWO)], guide=[("dedication", "ded.xhtml")])
    )
    assert [title for title, _ in chapters(story)] == ["The Tide Table", "Low Water"]
    assert story.meta.notes == ["Dedication: For my grandmother, who kept the tide tables."]


# -- 2. copyright pages ------------------------------------------------------------------------


def test_copyright_page_marked_in_the_guide_is_dropped() -> None:
    book = Book(
        [("copy.xhtml", COPYRIGHT), ("c1.xhtml", ONE), ("c2.xhtml", TWO)], guide=[("copyright-page", "copy.xhtml")]
    )
    assert [title for title, _ in chapters(read(book))] == ["The Tide Table", "Low Water"]


def test_copyright_page_without_any_mark_is_dropped() -> None:
    story = read(
        Book([("c1.xhtml", ONE), ("c2.xhtml", TWO), ("legal.xhtml", COPYRIGHT + "<p>Cover design by Ada Pike.</p>")])
    )
    assert [title for title, _ in chapters(story)] == ["The Tide Table", "Low Water"]
    assert "Copyright" not in " ".join(c.text for c in story.chapters)


def test_short_chapter_that_mentions_copyright_is_kept() -> None:
    scene = "<p>“All rights reserved,” the clerk said, and stamped the copyright form twice before lunch.</p>"
    story = read(Book([("c1.xhtml", ONE), ("c2.xhtml", TWO), ("c3.xhtml", chapter(3, "Paperwork") + scene)]))
    assert len(story.chapters) == 3
    assert story.chapters[2].paragraphs[0].startswith("“All rights reserved,”")


def test_document_marked_as_front_matter_but_as_long_as_a_chapter_is_kept() -> None:
    book = Book(
        [("c1.xhtml", f"<h1>Chapter 1</h1><p>{LONG}</p>"), ("c2.xhtml", TWO)],
        guide=[("copyright-page", "c1.xhtml")],
        non_linear={"c1.xhtml"},
    )
    assert read(book).chapters[0].paragraphs == [LONG]


# -- 3. tables of contents ---------------------------------------------------------------------


def test_contents_page_marked_in_the_guide_is_dropped() -> None:
    book = Book([("toc.xhtml", CONTENTS), ("c1.xhtml", ONE), ("c2.xhtml", TWO)], guide=[("toc", "toc.xhtml")])
    assert [title for title, _ in chapters(read(book))] == ["The Tide Table", "Low Water"]


def test_page_of_links_into_the_book_is_dropped_without_a_mark() -> None:
    links = '<div><a href="c1.xhtml">The Tide Table</a><br/><a href="c2.xhtml#top">Low Water</a></div>'
    story = read(Book([("nav-page.xhtml", links), ("c1.xhtml", ONE), ("c2.xhtml", TWO)]))
    assert [title for title, _ in chapters(story)] == ["The Tide Table", "Low Water"]


def test_contents_heading_over_plain_lines_is_dropped() -> None:
    plain = "<h2>Table of Contents</h2>" + "".join(f"<p>Chapter {n}: {title}</p>" for n, title in enumerate(ENTRIES, 1))
    story = read(Book([("contents.xhtml", plain), ("c1.xhtml", ONE), ("c2.xhtml", TWO)]))
    assert [title for title, _ in chapters(story)] == ["The Tide Table", "Low Water"]


def test_epub3_landmarks_and_epub_type_mark_front_matter() -> None:
    cover = f'<section epub:type="titlepage"><h1>{TITLE}</h1><p>With illustrations of the old harbour.</p></section>'
    book = Book(
        [
            ("cover.xhtml", cover),
            ("colophon.xhtml", "<p>Set in Garamond at the sign of the clock.</p>"),
            ("c1.xhtml", ONE),
            ("c2.xhtml", TWO),
        ],
        nav=[("c1.xhtml", "Chapter 1: The Tide Table"), ("c2.xhtml", "Chapter 2: Low Water")],
        landmarks=[("colophon", "colophon.xhtml"), ("bodymatter", "c1.xhtml")],
    )
    assert [title for title, _ in chapters(read(book))] == ["The Tide Table", "Low Water"]


def test_non_linear_spine_entry_is_dropped() -> None:
    book = Book(
        [("c1.xhtml", ONE), ("c2.xhtml", TWO), ("pop.xhtml", "<p>Plate 1: the clock.</p>")], non_linear={"pop.xhtml"}
    )
    assert len(read(book).chapters) == 2


# -- 4. chapters split over several files ------------------------------------------------------

CONTINUED = "<p>The clockmaker came at noon with a bucket.</p><p>She did not say where the water was from.</p>"


def test_headless_continuation_joins_the_chapter_before_it() -> None:
    story = read(Book([("c1.xhtml", ONE), ("c1b.xhtml", CONTINUED), ("c2.xhtml", TWO)]))
    assert chapters(story) == [
        (
            "The Tide Table",
            [
                "The clock in the square ran on seawater.",
                "Nobody wound it.",
                "The clockmaker came at noon with a bucket.",
                "She did not say where the water was from.",
            ],
        ),
        ("Low Water", ["At low water it stopped, and so did the town."]),
    ]
    assert [chapter.number for chapter in story.chapters] == [1, 2]


def test_continuation_the_toc_does_not_list_joins_even_when_most_documents_lack_headings() -> None:
    docs = [("a.xhtml", "<p>First, the tide.</p>"), ("b.xhtml", CONTINUED), ("c.xhtml", "<p>Then the clock.</p>")]
    book = Book(docs, ncx=[("a.xhtml", "The Tide"), ("c.xhtml", "The Clock")])
    assert chapters(read(book)) == [
        (
            "The Tide",
            [
                "First, the tide.",
                "The clockmaker came at noon with a bucket.",
                "She did not say where the water was from.",
            ],
        ),
        ("The Clock", ["Then the clock."]),
    ]


def test_toc_listing_every_file_by_its_name_does_not_make_a_continuation_a_chapter() -> None:
    docs = [("c1.xhtml", ONE), ("c1b.xhtml", CONTINUED), ("c2.xhtml", TWO)]
    book = Book(docs, ncx=[("c1.xhtml", "item0"), ("c1b.xhtml", "c1b"), ("c2.xhtml", "c2.xhtml")])
    assert [(title, len(paragraphs)) for title, paragraphs in chapters(read(book))] == [
        ("The Tide Table", 4),
        ("Low Water", 1),
    ]


def test_calibre_split_names_join_parts_of_one_source_file() -> None:
    docs = [
        ("part1_split_000.xhtml", "<p>First, the tide.</p>"),
        ("part1_split_001.xhtml", CONTINUED),
        ("part2_split_000.xhtml", "<p>Then the clock.</p>"),
        ("part3.xhtml", "<p>Then nothing.</p>"),
    ]
    assert [len(c.paragraphs) for c in read(Book(docs)).chapters] == [3, 1, 1]


def test_titles_only_in_the_toc_give_one_titled_chapter_per_entry() -> None:
    docs = [(f"s{n}.xhtml", f"<p>Part {n} of the story, told plainly.</p>") for n in range(1, 4)]
    book = Book(docs, nav=[("s1.xhtml", "The Tide Table"), ("s2.xhtml", "Chapter 2: Low Water"), ("s3.xhtml", "Slack")])
    assert chapters(read(book)) == [
        ("The Tide Table", ["Part 1 of the story, told plainly."]),
        ("Low Water", ["Part 2 of the story, told plainly."]),
        ("Slack", ["Part 3 of the story, told plainly."]),
    ]


def test_no_toc_and_no_headings_keep_one_chapter_per_document() -> None:
    docs = [(f"s{n}.xhtml", f"<p>Part {n} of the story, told plainly.</p>") for n in range(1, 4)]
    assert [c.paragraphs for c in read(Book(docs)).chapters] == [
        [f"Part {n} of the story, told plainly."] for n in range(1, 4)
    ]
