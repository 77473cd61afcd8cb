"""EPUBs as readers send them, from the s35 probe of files nobody on the project wrote: Sigil's
book whose "Before You Begin" page closes its content note with "Please read with care." was read
as a chapter (and its title page another), declaring nothing; an Atticus "A Note from the Author"
opening "Dear reader, this book deals with grief" declared nothing. Every book here is written for
these tests."""

from __future__ import annotations

import pytest

from bot.story.importer import import_story
from bot.story.model import Story
from bot.warnings.declared import map_texts
from tests.story.builders import epub_bytes, xhtml


def _import(data: bytes, name: str = "book.epub") -> Story:
    return import_story(data, name, max_bytes=1 << 20)


def _ids(texts: list[str]) -> list[str]:
    return sorted(map_texts(texts).ids)


def _book(note: str, *, heading: str = "Before You Begin") -> bytes:
    return epub_bytes(
        [
            ("note.xhtml", xhtml(f"<h2>{heading}</h2>{note}")),
            ("title.xhtml", xhtml("<h1>Nightjar</h1><p>Beth Quill</p>")),
            ("c1.xhtml", xhtml("<h2>Chapter One</h2><p>The nightjar called at dusk.</p><p>Anna counted.</p>")),
            ("c2.xhtml", xhtml("<h2>Chapter Two</h2><p>He found her number in the phone book.</p>")),
        ],
        title="Nightjar",
        author="Beth Quill",
    )


@pytest.mark.parametrize(
    "closing", ["Please read with care.", "Take care of yourself while reading.", "Reader discretion is advised."]
)
def test_a_content_note_closing_on_a_request_for_care_is_the_books_declaration(closing: str) -> None:
    story = _import(
        _book(
            f"<p>This book contains depictions of domestic abuse, stalking and a suicide attempt.</p><p>{closing}</p>"
        )
    )
    assert [chapter.heading_number for chapter in story.chapters] == [1, 2]
    assert _ids(story.meta.declared_warnings) == ["abuse", "suicide"]
    assert all(closing not in paragraph for chapter in story.chapters for paragraph in chapter.paragraphs)


def test_a_page_of_prose_under_such_a_heading_stays_a_chapter() -> None:
    """Guard: a prologue page that asks for care in a story's own voice is not a content note."""
    story = _import(
        _book("<p>The house had been empty for a year.</p><p>Please read with care.</p>", heading="Prologue")
    )
    assert [chapter.title for chapter in story.chapters][:1] == ["Prologue"]
    assert story.meta.declared_warnings == []


def test_a_note_addressing_its_readers_declares_what_the_book_deals_with() -> None:
    book = epub_bytes(
        [
            ("title.xhtml", xhtml("<h1>The Lantern Sisters</h1><h2>Greer Ashdown</h2>")),
            (
                "note.xhtml",
                xhtml(
                    "<h2>A Note from the Author</h2><p>Dear reader, this book deals with grief and the death of a child.</p>"
                    "<p>With love, Greer</p>"
                ),
            ),
            ("c1.xhtml", xhtml("<h2>Chapter 1</h2><p>The sisters trimmed wicks for the whole street.</p>")),
            ("c2.xhtml", xhtml("<h2>Chapter 2</h2><p>The oil came from whales.</p>")),
        ],
        title="The Lantern Sisters",
        author="Greer Ashdown",
    )
    story = _import(book)
    assert len(story.chapters) == 2
    assert _ids(story.meta.declared_warnings) == ["death", "grief"]


def test_a_letter_in_a_chapter_addressing_its_reader_declares_nothing() -> None:
    """Guard: a character's letter ("Dear reader, the story you hold...") is story text."""
    book = epub_bytes(
        [
            (
                "c1.xhtml",
                xhtml(
                    "<h2>Chapter 1</h2><p>Dear reader, the story you hold was found in a drawer.</p><p>It was dusty.</p>"
                ),
            ),
            ("c2.xhtml", xhtml("<h2>Chapter 2</h2><p>The drawer was locked again by morning.</p>")),
        ],
        title="The Drawer",
        author="Ann Lee",
    )
    story = _import(book)
    assert story.meta.declared_warnings == [] and story.chapters[0].declared_warnings == []
    assert story.chapters[0].paragraphs[0].startswith("Dear reader, the story you hold")


def test_pandocs_abstract_on_its_title_page_is_the_books_summary() -> None:
    book = epub_bytes(
        [
            (
                "title_page.xhtml",
                xhtml(
                    '<section epub:type="titlepage" class="titlepage"><h1 class="title">The Salt Wife</h1>'
                    '<p class="author">Morwenna Tregear</p><div class="abstract"><div class="abstract-title">Abstract</div>'
                    "<p>A fisherman marries a woman who came out of the sea, and regrets nothing.</p></div></section>"
                ),
            ),
            (
                "ch001.xhtml",
                xhtml('<section class="level1"><h1>The Catch</h1><p>Jory pulled her up in the nets.</p></section>'),
            ),
            ("ch002.xhtml", xhtml('<section class="level1"><h1>The Shore</h1><p>She walked the shore.</p></section>')),
        ],
        title="The Salt Wife",
        author="Morwenna Tregear",
    )
    story = _import(book)
    assert story.meta.summary == "A fisherman marries a woman who came out of the sea, and regrets nothing."
    assert [chapter.title for chapter in story.chapters] == ["The Catch", "The Shore"]


def _numbered(heading: str) -> bytes:
    return epub_bytes(
        [
            (
                "c1.xhtml",
                xhtml(
                    f'<section epub:type="chapter">{heading.format(n="One", d="1", t="Ember")}<p>The forge was never let go out.</p></section>'
                ),
            ),
            (
                "c2.xhtml",
                xhtml(
                    f'<section epub:type="chapter">{heading.format(n="Two", d="2", t="Salt")}<p>The salt traders came.</p></section>'
                ),
            ),
        ],
        title="Salt and Ember",
        author="Delphine Okafor",
    )


@pytest.mark.parametrize(
    "heading",
    [
        '<h1 class="chapter-heading"><span class="chapter-number">{n}</span><span class="chapter-title">{t}</span></h1>',
        '<h1 class="chapter-title"><span class="chapter-number">{d}</span> {t}</h1>',
        '<h2><span epub:type="ordinal">{n}</span><span>{t}</span></h2>',
    ],
)
def test_a_chapters_number_in_an_element_of_its_own_is_no_part_of_its_title(heading: str) -> None:
    """Vellum's heading read "OneEmber", Reedsy's "1 Ember"."""
    story = _import(_numbered(heading))
    assert [chapter.title for chapter in story.chapters] == ["Ember", "Salt"]


def test_a_number_alone_in_its_heading_stays_the_chapters_number() -> None:
    """Guard: with no title beside it, nothing is added."""
    story = _import(_numbered('<h1><span class="chapter-number">Chapter {n}</span></h1>'))
    assert [(chapter.title, chapter.heading_number) for chapter in story.chapters] == [(None, 1), (None, 2)]


def _listed(heading: str, intro: str, second: str = "animal death", third: str = "a suicide attempt") -> bytes:
    return epub_bytes(
        [
            (
                "note.xhtml",
                xhtml(
                    f"<h1>{heading}</h1>{intro}<p>Chapter 1: none.</p><p>Chapter 2: {second}.</p>"
                    f"<p>Chapter 3: {third}.</p>"
                ),
            ),
            ("c1.xhtml", xhtml("<h1>Chapter 1</h1><p>The dog was old when they got her.</p>")),
            ("c2.xhtml", xhtml("<h1>Chapter 2</h1><p>She died in the spring, under the table.</p>")),
            ("c3.xhtml", xhtml("<h1>Chapter 3</h1><p>Tom did not go to school for a week.</p>")),
        ],
        title="Old Dog",
        author="Ned Fallow",
    )


@pytest.mark.parametrize(
    ("heading", "intro"),
    [("Author's Note", "<p>Warnings, chapter by chapter:</p>"), ("Content Warnings", "")],
)
def test_a_page_before_chapter_one_listing_warnings_by_chapter_gives_each_chapter_its_own(
    heading: str, intro: str
) -> None:
    """Its "Chapter 1: none." lines were read as chapter headings: the page was chapter one, titled
    "none.", and no chapter declared anything."""
    story = _import(_listed(heading, intro))
    assert [chapter.heading_number for chapter in story.chapters] == [1, 2, 3]
    assert [_ids(chapter.declared_warnings) for chapter in story.chapters] == [[], ["animal-death"], ["suicide"]]


def test_an_authors_note_of_chapter_synopses_declares_nothing() -> None:
    """Guard: "Chapter 2: she leaves home." lines under an author's note name no warning."""
    story = _import(_listed("Author's Note", "", "she leaves home", "a letter comes"))
    assert all(_ids(chapter.declared_warnings) == [] for chapter in story.chapters)
    assert _ids(story.meta.declared_warnings) == []


def _indesign(cw_page: str, nav: list[tuple[str, str]] | None = None) -> bytes:
    return epub_bytes(
        [
            ("Text/Title.xhtml", xhtml('<p class="Title">THE LOCK KEEPER</p><p class="Author">Imogen Farrow</p>')),
            ("Text/CW.xhtml", xhtml(cw_page)),
            (
                "Text/Ch1.xhtml",
                xhtml(
                    '<p class="Chapter-Number">1</p><p class="Chapter-Title">Low Water</p><p class="Body-Text-First">The canal dropped a foot in the night.</p>'
                ),
            ),
            (
                "Text/Ch2.xhtml",
                xhtml(
                    '<p class="Chapter-Number">2</p><p class="Chapter-Title">The Sluice</p><p class="Body-Text-First">The sluice gate was open.</p>'
                ),
            ),
        ],
        title="The Lock Keeper",
        author="Imogen Farrow",
        nav_points=nav,
    )


@pytest.mark.parametrize(
    "nav",
    [
        None,
        [
            ("Content Warnings", "Text/CW.xhtml"),
            ("1. Low Water", "Text/Ch1.xhtml"),
            ("2. The Sluice", "Text/Ch2.xhtml"),
        ],
    ],
)
def test_indesigns_styled_paragraphs_label_the_warnings_page_and_title_the_chapters(
    nav: list[tuple[str, str]] | None,
) -> None:
    """InDesign sets every heading as a styled <p>: the "Content Warnings" page was chapter one,
    declaring nothing, and the chapters were untitled or titled "1. Low Water"."""
    story = _import(
        _indesign(
            '<p class="Front-Heading">Content Warnings</p><p class="Body-Text">Suicide, grief, alcoholism.</p>', nav
        )
    )
    assert [chapter.title for chapter in story.chapters] == ["Low Water", "The Sluice"]
    assert _ids(story.meta.declared_warnings) == ["addiction", "grief", "suicide"]


def test_a_page_opening_with_a_line_of_the_story_stays_a_chapter() -> None:
    """Guard: a prologue page opening with a short line of its own declares nothing."""
    story = _import(
        _indesign(
            '<p class="Body-Text">Warnings came too late.</p><p class="Body-Text">The lock had already burst.</p>'
        )
    )
    assert story.meta.declared_warnings == []
    assert "The lock had already burst." in [
        paragraph for chapter in story.chapters for paragraph in chapter.paragraphs
    ]


def test_a_chapters_warning_hidden_by_the_books_style_sheet_is_read() -> None:
    """A book hiding each chapter's warning for readers who skip them (``.cw {display:none}``) lost it."""
    head = "<style>.cw {display:none}</style>"
    book = epub_bytes(
        [
            ("c1.xhtml", xhtml("<h1>Stones</h1><p>The lake was still.</p>").replace("</head>", head + "</head>")),
            (
                "c2.xhtml",
                xhtml(
                    '<h1>The Jetty</h1><p class="cw">Content warning: a suicide attempt.</p><p>Nobody saw her go.</p>'
                ).replace("</head>", head + "</head>"),
            ),
        ],
        title="Stillwater Lake",
        author="Hana Bell",
    )
    story = _import(book)
    assert [_ids(chapter.declared_warnings) for chapter in story.chapters] == [[], ["suicide"]]


def _contents(second: str) -> bytes:
    return epub_bytes(
        [
            ("c1.xhtml", xhtml("<h1>Stones</h1><p>The lake was still in the mornings.</p>")),
            ("c2.xhtml", xhtml("<h1>The Jetty</h1><p>Nobody saw her go off the end of the jetty.</p>")),
        ],
        title="Stillwater Lake",
        author="Hana Bell",
        nav_points=[("1. Stones", "c1.xhtml"), (second, "c2.xhtml")],
    )


def test_a_warning_only_the_contents_give_a_chapter_is_that_chapters() -> None:
    """ "2. The Jetty (TW: suicide attempt)" in the nav over a chapter headed "The Jetty" declared nothing."""
    story = _import(_contents("2. The Jetty (TW: suicide attempt)"))
    assert [chapter.title for chapter in story.chapters] == ["Stones", "The Jetty"]
    assert [_ids(chapter.declared_warnings) for chapter in story.chapters] == [[], ["suicide"]]


def test_a_contents_entry_with_a_warning_word_in_its_title_declares_nothing() -> None:
    """Guard: "2. Warning: Thin Ice" is a title."""
    story = _import(_contents("2. Warning: Thin Ice"))
    assert all(chapter.declared_warnings == [] for chapter in story.chapters)


def _leads(first: str, second: str) -> bytes:
    return epub_bytes(
        [
            (
                "c1.xhtml",
                xhtml(f"{first}<section epub:type='chapter'><h1>Windfall</h1><p>The orchard was quiet.</p></section>"),
            ),
            (
                "c2.xhtml",
                xhtml(f"{second}<section epub:type='chapter'><h1>Ladder</h1><p>The ladder slipped.</p></section>"),
            ),
        ],
        title="Orchard Days",
        author="Nell Brae",
    )


def test_warnings_set_over_a_chapters_heading_in_its_file_declare() -> None:
    """ "TW: ..." in a section of its own over the heading was a chapter with no title, declaring nothing."""
    story = _import(
        _leads(
            "<section epub:type='preamble'><p>TW: death of a sibling.</p></section>",
            "<p>CW: self-harm.</p>",
        )
    )
    assert [chapter.title for chapter in story.chapters] == ["Windfall", "Ladder"]
    assert _ids(story.meta.declared_warnings) == ["death"]
    assert [_ids(chapter.declared_warnings) for chapter in story.chapters] == [[], ["self-harm"]]


def test_a_line_of_story_over_a_heading_is_still_read_as_before() -> None:
    """Guard: prose before the heading is not moved or declared."""
    story = _import(_leads("", "<p>Meanwhile, in the village, the bells were ringing.</p>"))
    assert story.meta.declared_warnings == []
    assert "Meanwhile, in the village, the bells were ringing." in [p for c in story.chapters for p in c.paragraphs]
