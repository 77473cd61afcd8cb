"""EPUBs as readers send them, from the s34 probe of files nobody on the project wrote: a book that
lost its ".epub" on a phone ("story", "story.zip", "story.txt") was refused as a zip archive, though
its first member says "application/epub+zip"; a saved page named ".epub" or ".zip" was refused for
its name. What a file is comes from its content where the content says so. Every book here is
written for these tests."""

from __future__ import annotations

import io
import quopri
import zipfile

import pytest

from bot.story.errors import StoryFormatError
from bot.story.importer import import_story
from bot.story.model import Story
from tests.story.builders import epub_bytes, generic_epub, xhtml


def _import(data: bytes, name: str, max_bytes: int = 1 << 20) -> Story:
    return import_story(data, name, max_bytes=max_bytes)


# -- what a file is, whatever its name --------------------------------------------------------------


@pytest.mark.parametrize("name", ["story", "story.zip", "story.txt", "Salt Roads.md", "story.htm", "book.docx"])
def test_an_epub_under_another_name_is_read_as_the_epub(name: str) -> None:
    story = _import(generic_epub(), name)
    assert (story.source_format, story.meta.title, story.meta.author) == ("epub", "Salt Roads", "Mara Fen")
    assert [chapter.title for chapter in story.chapters] == ["Harbour", None]


def test_an_epub_whose_mimetype_is_not_first_is_still_known_by_its_container() -> None:
    """Some tools write "META-INF/container.xml" first, or deflate "mimetype": the book is still one."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(generic_epub())) as source, zipfile.ZipFile(buffer, "w") as archive:
        for info in reversed(source.infolist()):
            archive.writestr(info.filename, source.read(info.filename), compress_type=zipfile.ZIP_DEFLATED)
    assert _import(buffer.getvalue(), "download").meta.title == "Salt Roads"


def test_an_epub_without_its_extension_keeps_the_epub_budgets() -> None:
    """Guard: read as an EPUB, it is held to the EPUB's budgets: a chapter past the upload's size unpacked is refused."""
    big = "<p>" + "The tide went out and the tide came in again. " * 4000 + "</p>"
    data = epub_bytes([("c1.xhtml", xhtml(f"<h1>One</h1>{big}" * 4))], title="Tides")
    assert len(data) < 64 << 10
    refusals = []
    for name in ("story.epub", "story.zip", "story"):
        with pytest.raises(StoryFormatError, match="KiB of story text") as refused:
            _import(data, name, max_bytes=64 << 10)
        refusals.append(str(refused.value))
    assert len(set(refusals)) == 1


def test_a_zip_that_is_no_book_is_still_refused_as_a_zip() -> None:
    """Guard: a zip of other files under a story's name says it is a zip archive. (A zip of one .txt
    alone is read as that file: tests/story/test_reader_gaps37.py.)"""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photos/pier.txt", "not a book")
        archive.writestr("photos/pier.jpg", b"\xff\xd8\xff not a book either")
    for name in ("story.zip", "story.txt", "story"):
        with pytest.raises(StoryFormatError, match="zip archive"):
            _import(buffer.getvalue(), name)


def test_a_word_document_named_epub_is_still_named_a_word_document() -> None:
    """Guard: content that says another kind is refused by that kind, as before."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(StoryFormatError, match=r"^This is a Word document;"):
        _import(buffer.getvalue(), "story.epub")


PAGE = (
    b"<!DOCTYPE html><html><head><title>The Mill Race</title></head><body><h1>The Mill Race</h1>"
    b"<p>The wheel turned all night, and nobody in the house slept for the sound of it.</p></body></html>"
)


@pytest.mark.parametrize("name", ["The Mill Race.epub", "The Mill Race.zip", "The Mill Race.doc", "page.pdf"])
def test_a_saved_page_under_a_books_name_is_read_as_the_page(name: str) -> None:
    story = _import(PAGE, name)
    assert (story.source_format, story.meta.title) == ("html", "The Mill Race")
    assert story.chapters[0].paragraphs == [
        "The wheel turned all night, and nobody in the house slept for the sound of it."
    ]


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "story.epub", "PDF"),
        (b"Just some words about a mill, written plainly, no markup at all.", "story.epub", "EPUB"),
        # (text named .pdf is read as text: tests/story/test_reader_gaps37.py)
        (b"\x01\x02\x03 Just some bytes about a mill.\x04", "story.pdf", "This is a PDF"),
    ],
)
def test_what_is_no_page_keeps_its_answer(data: bytes, name: str, message: str) -> None:
    """Guard: only a page's own markup overrides its name; a PDF and plain words keep their refusals."""
    with pytest.raises(StoryFormatError, match=message):
        _import(data, name)


# -- a note on content before chapter one -----------------------------------------------------------


def _note_book(note: str) -> Story:
    return _import(
        epub_bytes(
            [
                ("title.xhtml", xhtml("<h1>The Marsh Clock</h1><p>Celyn Rhodes</p>")),
                ("note.xhtml", xhtml(f"<h2>A Note on Content</h2><p>{note}</p>")),
                ("c1.xhtml", xhtml("<h2>Chapter 1</h2><p>The clock on the marsh ran by the tide, not the sun.</p>")),
                ("c2.xhtml", xhtml("<h2>Chapter 2</h2><p>At slack water the clock stopped, and so did Gwen.</p>")),
            ],
            title="The Marsh Clock",
            author="Celyn Rhodes",
        ),
        "marsh.epub",
    )


def test_a_note_on_content_saying_what_the_story_holds_declares_it() -> None:
    """Atticus's "A Note on Content" page is a note: "This story contains ..." in it declared nothing."""
    story = _note_book("This story contains self-harm and suicidal thoughts. Please look after yourself.")
    assert story.meta.declared_warnings == ["This story contains self-harm and suicidal thoughts"]
    assert [chapter.declared_warnings for chapter in story.chapters] == [[], []]


def test_a_note_saying_the_story_holds_no_warning_declares_nothing() -> None:
    """Guard: what the sentence names must be warnings."""
    assert _note_book("This story contains a great deal of baking and one bad pun.").meta.declared_warnings == []


# -- a saved page's part with no charset -------------------------------------------------------------

SAVED_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Salt Glass</title></head>
<body><h1>Salt Glass</h1><p>The glass had to cool slowly or it would remember the heat and crack — that’s what Nan said.</p></body></html>"""


def _mhtml(html: bytes, part_type: str) -> bytes:
    return (
        b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/salt\r\nSubject: Salt Glass\r\n"
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----B--x----"\r\n\r\n\r\n'
        b"------B--x----\r\nContent-Type: "
        + part_type.encode()
        + b"\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        b"Content-Location: https://example.org/salt\r\n\r\n" + quopri.encodestring(html) + b"\r\n------B--x------\r\n"
    )


@pytest.mark.parametrize(
    ("html", "part_type"),
    [
        (SAVED_PAGE.encode("utf-8"), "text/html"),  # Chrome's: the page's <meta> names the charset
        (SAVED_PAGE.replace('<meta charset="utf-8">', "").encode("utf-8"), "text/html"),  # no <meta>: UTF-8 bytes
        (SAVED_PAGE.replace("utf-8", "windows-1252").encode("cp1252"), "text/html"),
        (SAVED_PAGE.encode("utf-8"), 'text/html; charset="utf-8"'),  # guard: a charset named in the part, as before
    ],
)
def test_a_saved_pages_part_with_no_charset_is_read_in_the_pages_own(html: bytes, part_type: str) -> None:
    """Chrome writes a bare "Content-Type: text/html": read as ASCII, "—" and "’" were replacement characters."""
    story = _import(_mhtml(html, part_type), "salt.mhtml")
    assert story.chapters[0].paragraphs == [
        "The glass had to cool slowly or it would remember the heat and crack — that’s what Nan said."
    ]


# -- warnings in the package's subjects ---------------------------------------------------------------


def _subject_book(subjects: list[str]) -> Story:
    return _import(
        epub_bytes(
            [
                ("c1.xhtml", xhtml("<h1>Chapter 1</h1><p>The orchard burned in August and the bees went with it.</p>")),
                ("c2.xhtml", xhtml("<h1>Chapter 2</h1><p>In spring the trees put out leaves anyway.</p>")),
            ],
            title="Ember Orchard",
            author="Lio Marsh",
            extra_metadata="".join(f"<dc:subject>{subject}</dc:subject>" for subject in subjects),
        ),
        "ember.epub",
    )


def test_a_subject_declaring_a_warning_is_the_books_declaration() -> None:
    """An indie book lists "Content Warning: Suicide" among its subjects for the stores: it declared nothing."""
    story = _subject_book(["Fiction / Literary", "Content Warning: Suicide", "Content Warning: Self-Harm"])
    assert story.meta.declared_warnings == ["Content Warning: Suicide", "Content Warning: Self-Harm"]


def test_subjects_that_declare_nothing_stay_out_of_the_story() -> None:
    """Guard: a store's categories, even one naming a warning's word, are no declaration nor text."""
    story = _subject_book(["Fiction / Literary", "Grief", "Orchards -- Fiction"])
    assert story.meta.declared_warnings == []
    assert [chapter.paragraphs for chapter in story.chapters] == [
        ["The orchard burned in August and the bees went with it."],
        ["In spring the trees put out leaves anyway."],
    ]


def test_a_title_pages_list_of_warnings_declares_each() -> None:
    story = _import(
        epub_bytes(
            [
                (
                    "title.xhtml",
                    xhtml(
                        "<h1>Still Water</h1><p>by Ines Calder</p><p><b>Trigger warnings:</b></p>"
                        "<ul><li>suicide</li><li>grief</li><li>a hospital stay</li></ul>"
                    ),
                ),
                ("c1.xhtml", xhtml("<h2>One</h2><p>The pond had no inlet and no outlet.</p>")),
                ("c2.xhtml", xhtml("<h2>Two</h2><p>Ines sat by it every afternoon.</p>")),
            ],
            title="Still Water",
            author="Ines Calder",
        ),
        "still.epub",
    )
    assert story.meta.declared_warnings == ["Trigger warnings: suicide, grief, a hospital stay"]
    assert [chapter.paragraphs for chapter in story.chapters] == [
        ["The pond had no inlet and no outlet."],
        ["Ines sat by it every afternoon."],
    ]


def test_a_title_pages_content_rating_is_the_rating() -> None:
    """Fimfiction's title page says "Content rating: Teen": no rating was read."""
    title = (
        "<h1>The Orchard in Winter</h1><h2>by Bramblecrest</h2><p><b>Content rating:</b> Teen</p>"
        "<p><b>Warnings:</b> Injury</p>"
    )
    story = _import(
        epub_bytes(
            [
                ("title.xhtml", xhtml(title)),
                ("c1.xhtml", xhtml("<h1>Chapter 1: First Frost</h1><p>The first frost came early that year.</p>")),
            ],
            title="The Orchard in Winter",
            author="Bramblecrest",
        ),
        "orchard.epub",
    )
    assert (story.meta.rating, story.meta.declared_warnings) == ("Teen", ["Warnings: Injury"])
