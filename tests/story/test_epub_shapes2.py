"""More EPUB shapes: title and introduction pages that list the story's metadata, chapters the TOC
points at inside a file, sections inside a chapter, back matter that is not the story, and the
title block a single-file book opens with."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from html import escape

import pytest

from bot.story.importer import import_story
from bot.story.model import Story

from .builders import CONTAINER, xhtml

LIMIT = 8 * 1024 * 1024
TITLE = "Ferry Lights"
AUTHOR = "Tove Lind"


@dataclass
class Book:
    """An EPUB: spine documents in order, a nested NCX, and what the package marks."""

    documents: list[tuple[str, str]]  # (file name, body markup)
    toc: list[tuple[str, str, int]] = field(default_factory=list)  # (href with #anchor, label, depth)
    guide: list[tuple[str, str]] = field(default_factory=list)  # (type, file name)
    description: str | None = None

    def bytes(self) -> bytes:
        ids = {name: f"item{index}" for index, (name, _) in enumerate(self.documents)}
        manifest = "".join(
            f'<item id="{ids[name]}" href="{name}" media-type="application/xhtml+xml"/>' for name, _ in self.documents
        )
        manifest += '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
        spine = "".join(f'<itemref idref="{ids[name]}"/>' for name, _ in self.documents)
        guide = "".join(f'<reference type="{kind}" title="{kind}" href="{href}"/>' for kind, href in self.guide)
        described = f"<dc:description>{escape(self.description)}</dc:description>" if self.description else ""
        opf = f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x</dc:identifier>
  <dc:title>{TITLE}</dc:title><dc:creator>{AUTHOR}</dc:creator><dc:language>en</dc:language>{described}</metadata>
  <manifest>{manifest}</manifest>
  <spine toc="ncx">{spine}</spine>
  {f"<guide>{guide}</guide>" if guide else ""}
</package>"""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
            archive.writestr("META-INF/container.xml", CONTAINER)
            archive.writestr("OEBPS/content.opf", opf)
            archive.writestr("OEBPS/toc.ncx", self._ncx())
            for name, body in self.documents:
                archive.writestr(f"OEBPS/{name}", xhtml(body, TITLE))
        return buffer.getvalue()

    def _ncx(self) -> str:
        """navPoints nested by depth: an entry one deeper than the one before sits inside it."""
        out: list[str] = []
        open_depths: list[int] = []
        for index, (href, label, depth) in enumerate(self.toc):
            while open_depths and open_depths[-1] >= depth:
                out.append("</navPoint>")
                open_depths.pop()
            out.append(
                f'<navPoint id="p{index}" playOrder="{index + 1}"><navLabel><text>{escape(label)}</text></navLabel>'
                f'<content src="{href}"/>'
            )
            open_depths.append(depth)
        out.extend("</navPoint>" for _ in open_depths)
        return (
            '<?xml version="1.0" encoding="UTF-8"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">'
            f"<head/><docTitle><text>{TITLE}</text></docTitle><navMap>{''.join(out)}</navMap></ncx>"
        )


def read(book: Book) -> Story:
    return import_story(book.bytes(), "ferry.epub", max_bytes=LIMIT)


def titles(story: Story) -> list[str | None]:
    return [chapter.title for chapter in story.chapters]


def text(story: Story) -> str:
    return "\n".join(paragraph for chapter in story.chapters for paragraph in chapter.paragraphs)


def chapter_file(title: str, *paragraphs: str) -> str:
    return f"<h2>{title}</h2>" + "".join(f"<p>{p}</p>" for p in paragraphs)


CHAPTERS = [
    ("c1.xhtml", chapter_file("The Crossing", "The ferry left at dusk with its lights on.", "Mo counted the gulls.")),
    ("c2.xhtml", chapter_file("The Island", "The island had one road and one shop.", "The shop sold rope.")),
    ("c3.xhtml", chapter_file("The Return", "They came back on the last boat.", "Nobody asked where.")),
]
CHAPTER_TOC = [("c1.xhtml", "The Crossing", 0), ("c2.xhtml", "The Island", 0), ("c3.xhtml", "The Return", 0)]
FIELDS = [
    ("Category", "Original Work"),
    ("Status", "Completed"),
    ("Published", "2021-04-02"),
    ("Words", "1,020"),
    ("Chapters", "3"),
    ("Rating", "Mature"),
    ("Warnings", "Graphic Depictions Of Violence, Major Character Death"),
    ("Characters", "Mo, Ansel"),
    ("Relationships", "Mo/Ansel"),
]
HEADER = f'<h3><a href="https://example.org/works/1">{TITLE}</a> by <a href="https://example.org/u/1">{AUTHOR}</a></h3>'


def table_page() -> str:
    rows = "".join(f"<tr><td><b>{label}:</b></td><td>{value}</td></tr>" for label, value in FIELDS)
    return f'{HEADER}<table>{rows}<tr><td colspan="2"><b>Summary:</b><p>Two friends take a ferry.</p></td></tr></table>'


def bold_page() -> str:
    lines = "".join(f"<b>{label}:</b> {value}<br/>" for label, value in FIELDS)
    return f"{HEADER}<div>{lines}<b>Summary:</b> <p>Two friends take a ferry.</p></div>"


def definition_page() -> str:
    pairs = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in FIELDS)
    return f"{HEADER}<dl>{pairs}<dt>Summary</dt><dd>Two friends take a ferry.</dd></dl>"


# -- 1. a title page listing the story's metadata --------------------------------------------


@pytest.mark.parametrize("page", [table_page, bold_page, definition_page], ids=["table", "bold", "dl"])
def test_title_page_metadata_is_read_and_the_page_skipped(page) -> None:
    story = read(Book([("title_page.xhtml", page()), *CHAPTERS], toc=CHAPTER_TOC))
    assert titles(story) == ["The Crossing", "The Island", "The Return"]
    assert story.meta.rating == "Mature"
    assert story.meta.declared_warnings == ["Warnings: Graphic Depictions Of Violence, Major Character Death"]
    assert story.meta.characters == ["Mo", "Ansel"]
    assert story.meta.relationships == ["Mo/Ansel"]
    assert story.meta.summary == "Two friends take a ferry."
    assert story.meta.author == AUTHOR
    assert "Completed" not in text(story)


def test_title_page_marked_as_cover_still_gives_its_metadata() -> None:
    story = read(Book([("title_page.xhtml", table_page()), *CHAPTERS], guide=[("cover", "title_page.xhtml")]))
    assert story.meta.rating == "Mature"
    assert len(story.chapters) == 3


def test_package_description_is_not_read_twice() -> None:
    book = Book([("title_page.xhtml", table_page()), *CHAPTERS], description="Two friends take a ferry.")
    assert read(book).meta.summary == "Two friends take a ferry."


def test_update_log_at_the_end_is_not_a_chapter() -> None:
    log = "<h3>Update Log</h3><p><b>Chapters:</b> 3 <b>Words:</b> 1,020 <b>Updated:</b> 2021-05-01</p>"
    story = read(Book([*CHAPTERS, ("log_page.xhtml", log)], toc=[*CHAPTER_TOC, ("log_page.xhtml", "Update Log", 0)]))
    assert titles(story) == ["The Crossing", "The Island", "The Return"]


def test_first_chapter_opening_with_a_header_keeps_its_story() -> None:
    opening = (
        f"<p>{TITLE}</p><p>by {AUTHOR}</p><p>Rating: T</p><p>Words: 300</p>"
        "<p>The ferry left at dusk with its lights on.</p>"
        "<p>Ansel brought two cups of tea that tasted of the boat.</p>"
    )
    story = read(Book([("c1.xhtml", opening), CHAPTERS[1]]))
    assert story.chapters[0].paragraphs[-1] == "Ansel brought two cups of tea that tasted of the boat."
    assert len(story.chapters) == 2


# -- 6. FicHub's introduction page -------------------------------------------------------------


INTRO = (
    f"<h1>{TITLE}</h1>"
    f'<p>by <a href="https://www.fanfiction.net/u/1/tove">{AUTHOR}</a></p>'
    '<p><a href="https://www.fanfiction.net/s/42/1/">https://www.fanfiction.net/s/42/1/</a></p>'
    "<p>Two friends take a ferry. Rated T for language.</p><hr/>"
    "<p>Rated: Fiction T - English - Drama - Mo - Chapters: 3 - Words: 1,020 - Reviews: 4 - Favs: 9 - "
    "Published: Jan 1, 2020 - Status: Complete - id: 42</p>"
)


def test_introduction_page_is_read_and_skipped() -> None:
    toc = [("intro.xhtml", "Introduction", 0), *CHAPTER_TOC]
    story = read(Book([("intro.xhtml", INTRO), *CHAPTERS], toc=toc))
    assert titles(story) == ["The Crossing", "The Island", "The Return"]
    assert story.meta.rating == "T"
    assert story.meta.author == AUTHOR
    assert "fanfiction.net" not in text(story)


# -- 13. a calibre split that does not follow the chapters -----------------------------------


def para(chapter: int, index: int) -> str:
    return f"<p>Paragraph {index} of chapter {chapter}: the ferry rocked and Mo held the rail.</p>"


def heading(chapter: int, word: str, name: str) -> str:
    return f'<p id="pos{chapter}"><b>Chapter {word}</b></p><p><i>{name}</i></p>'


SPLIT = [
    ("index_split_000.html", heading(1, "One", "The Crossing") + para(1, 0) + para(1, 1)),
    ("index_split_001.html", para(1, 2) + para(1, 3) + heading(2, "Two", "The Island") + para(2, 0)),
    ("index_split_002.html", para(2, 1) + heading(3, "Three", "The Return") + para(3, 0) + para(3, 1)),
]
SPLIT_TOC = [
    ("index_split_000.html#pos1", "Chapter One", 0),
    ("index_split_001.html#pos2", "Chapter Two", 0),
    ("index_split_002.html#pos3", "Chapter Three", 0),
]


@pytest.mark.parametrize("toc", [SPLIT_TOC, []], ids=["toc", "no-toc"])
def test_text_before_a_files_first_heading_continues_the_chapter(toc) -> None:
    story = read(Book(SPLIT, toc=toc))
    assert titles(story) == ["The Crossing", "The Island", "The Return"]
    assert [len(chapter.paragraphs) for chapter in story.chapters] == [4, 2, 2]
    assert story.chapters[0].paragraphs[-1].startswith("Paragraph 3 of chapter 1")


def test_toc_titles_a_chapter_whose_anchor_has_no_heading() -> None:
    body = "".join(
        f'<div id="ch{n}"><p>Text of part {n}, where the ferry goes on.</p><p>More of part {n}.</p></div>'
        for n in (1, 2, 3)
    )
    toc = [
        ("book.xhtml#ch1", "The Crossing", 0),
        ("book.xhtml#ch2", "The Island", 0),
        ("book.xhtml#ch3", "The Return", 0),
    ]
    story = read(Book([("book.xhtml", body)], toc=toc))
    assert titles(story) == ["The Crossing", "The Island", "The Return"]
    assert story.chapters[1].paragraphs == ["Text of part 2, where the ferry goes on.", "More of part 2."]


# -- 15. chapters inside one file, split at the TOC's anchors --------------------------------


def test_toc_anchors_split_one_file_into_chapters() -> None:
    names = ["The Crossing", "The Island", "The Return"]
    body = "".join(
        f'<div class="chapter" id="ch{n}"><div class="chapter-number">{word}</div><div class="chapter-title">{name}</div>'
        f"<p>Mo watched the water in part {n}.</p><p>The gulls followed.</p></div>"
        for n, (word, name) in enumerate(zip(["One", "Two", "Three"], names, strict=True), 1)
    )
    toc = [
        (f"text.xhtml#ch{n}", f"Chapter {word}: {name}", 0)
        for n, (word, name) in enumerate(zip(["One", "Two", "Three"], names, strict=True), 1)
    ]
    story = read(Book([("text.xhtml", body)], toc=toc))
    assert titles(story) == names
    assert story.chapters[2].paragraphs == ["Mo watched the water in part 3.", "The gulls followed."]


# -- 14. sections inside a chapter file (Pandoc) ---------------------------------------------


def pandoc_chapter(number: int, name: str) -> str:
    return (
        f'<section id="ch-{number}" class="level1"><h1><span class="header-section-number">{number}</span> {name}</h1>'
        f"<p>Mo lit a lantern on deck {number}.</p>"
        f'<section id="later-{number}" class="level2"><h2>Later</h2><p>The lantern went out.</p></section>'
        f'<div class="footnotes" epub:type="footnotes"><hr/><ol><li id="fn{number}"><p>A note on deck {number}.'
        f'<a href="#fnref{number}" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></div></section>'
    )


PANDOC = [(f"ch{n}.xhtml", pandoc_chapter(n, name)) for n, name in enumerate(["The Crossing", "The Island"], 1)]


@pytest.mark.parametrize(
    "toc",
    [
        [("ch1.xhtml#ch-1", "1 The Crossing", 0), ("ch2.xhtml#ch-2", "2 The Island", 0)],
        [
            ("ch1.xhtml#ch-1", "1 The Crossing", 0),
            ("ch1.xhtml#later-1", "1.1 Later", 1),
            ("ch2.xhtml#ch-2", "2 The Island", 0),
            ("ch2.xhtml#later-2", "2.1 Later", 1),
        ],
        [],
    ],
    ids=["toc", "nested-toc", "no-toc"],
)
def test_sections_stay_inside_their_chapter(toc) -> None:
    story = read(Book(PANDOC, toc=toc))
    assert titles(story) == ["The Crossing", "The Island"]
    scenes = [scene.paragraphs for scene in story.chapters[0].scenes]
    assert scenes == [["Mo lit a lantern on deck 1."], ["Later", "The lantern went out."]]
    assert story.chapters[0].notes == ["Footnote 1: A note on deck 1."]
    assert "↩" not in text(story)


def test_same_level_headings_in_one_file_stay_chapters() -> None:
    body = chapter_file("The Crossing", "The ferry left.") + chapter_file("The Island", "The island waited.")
    story = read(Book([("book.xhtml", body)]))
    assert titles(story) == ["The Crossing", "The Island"]


def test_part_files_keep_their_chapters() -> None:
    part = "<h1>Part One</h1>" + chapter_file("The Crossing", "The ferry left.") + chapter_file("The Island", "Rope.")
    part2 = "<h1>Part Two</h1>" + chapter_file("The Return", "They came back.") + chapter_file("Home", "Tea.")
    story = read(Book([("p1.xhtml", part), ("p2.xhtml", part2)]))
    assert len(story.chapters) == 4


# -- 15b. back matter that is not the story --------------------------------------------------


def test_marked_acknowledgements_and_named_back_matter_are_skipped() -> None:
    back = [
        (
            "ack.xhtml",
            '<section epub:type="acknowledgments"><h2>Acknowledgments</h2><p>Thanks to my editor.</p></section>',
        ),
        ("about.xhtml", f'<p class="title">About the Author</p><p>{AUTHOR} lives by a harbour with two cats.</p>'),
        ("also.xhtml", f"<h2>Also by {AUTHOR}</h2><p>Harbour Lights</p><p>The Rope Shop</p>"),
        ("excerpt.xhtml", "<h2>An Excerpt from Harbour Lights</h2><p>The harbour was dark that year.</p>"),
    ]
    story = read(Book([*CHAPTERS, *back]))
    assert titles(story) == ["The Crossing", "The Island", "The Return"]


def test_dedication_and_epigraph_are_kept_as_notes() -> None:
    front = [
        ("dedication.xhtml", '<section epub:type="dedication"><p>For my sister, who hates boats.</p></section>'),
        ("epigraph.xhtml", '<section epub:type="epigraph"><p>The sea remembers. — an old ferryman</p></section>'),
    ]
    story = read(Book([*front, *CHAPTERS]))
    assert titles(story) == ["The Crossing", "The Island", "The Return"]
    assert story.meta.notes == [
        "Dedication: For my sister, who hates boats.",
        "Epigraph: The sea remembers. — an old ferryman",
    ]


def test_story_chapter_named_like_back_matter_in_the_middle_is_kept() -> None:
    middle = ("about.xhtml", "<h2>About the Author</h2><p>Mo found the author's name scratched in the rail.</p>")
    story = read(Book([CHAPTERS[0], middle, CHAPTERS[1]]))
    assert titles(story) == ["The Crossing", "About the Author", "The Island"]


# -- 16a. a single-file book's title block ---------------------------------------------------


def test_title_block_before_the_first_chapter_is_front_matter() -> None:
    body = (
        f"<p>{TITLE}</p><p>{AUTHOR}</p><p>Copyright © 2023 {AUTHOR}. All rights reserved.</p>"
        "<p><b>Chapter One</b></p><p>The ferry left at dusk.</p><p><b>Chapter Two</b></p><p>The island waited.</p>"
    )
    story = read(Book([("index.html", body)]))
    assert [chapter.paragraphs for chapter in story.chapters] == [["The ferry left at dusk."], ["The island waited."]]


def test_opening_lines_that_are_story_stay() -> None:
    body = (
        f"<p>{TITLE}</p><p>Mo read the name on the ferry twice before boarding.</p>"
        "<p><b>Chapter One</b></p><p>The ferry left at dusk.</p><p><b>Chapter Two</b></p><p>The island waited.</p>"
    )
    story = read(Book([("index.html", body)]))
    assert "Mo read the name on the ferry twice before boarding." in text(story)


def test_pandocs_footnotes_at_the_end_of_the_book_are_notes_not_the_last_chapters_text() -> None:
    chapters = [
        (f"ch{n}.xhtml", f'<section id="ch-{n}" class="level1"><h1>{name}</h1><p>Mo rowed on day {n}.</p></section>')
        for n, name in enumerate(["The Crossing", "The Island"], 1)
    ]
    notes = (
        '<section id="footnotes" class="footnotes footnotes-end-of-document" epub:type="footnotes"><hr/><ol>'
        '<li id="fn1"><p>A note.<a href="ch1.xhtml#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li>'
        '<li id="fn2"><p>Another.<a href="ch2.xhtml#fnref2" role="doc-backlink">↩︎</a></p></li></ol></section>'
    )
    story = read(Book([*chapters, ("notes.xhtml", notes)], toc=[("ch1.xhtml#ch-1", "The Crossing", 0)]))
    assert [chapter.paragraphs for chapter in story.chapters] == [["Mo rowed on day 1."], ["Mo rowed on day 2."]]
    assert story.chapters[-1].notes == ["Footnote 1: A note.", "Footnote 2: Another."]
