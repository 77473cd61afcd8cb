"""Every bad input of issue 3 point 8: a clear one-sentence refusal, or a correct import."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from bot.story.errors import StoryFormatError
from bot.story.importer import import_story
from bot.story.render import normalize_whitespace, render_chapter, unrender
from bot.text import quote_input

from .builders import CONTAINER, epub_bytes, xhtml

LIMIT = 8 * 1024 * 1024


def refuse(data: bytes, name: str, pattern: str, *, max_bytes: int = LIMIT) -> str:
    with pytest.raises(StoryFormatError, match=pattern) as info:
        import_story(data, name, max_bytes=max_bytes)
    message = str(info.value)
    assert message.endswith(".") and "\n" not in message and len(message) < 200
    return message


def test_empty_file() -> None:
    refuse(b"", "story.txt", "empty")
    refuse(b"\n\n   \n", "story.txt", "empty")


def test_png_renamed_txt() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)
    refuse(png, "story.txt", "PNG image, not a story")


def test_over_the_size_limit() -> None:
    refuse(b"word " * 300_000, "big.txt", "larger than the 1 MiB limit", max_bytes=1024 * 1024)


def test_default_limit_is_eight_mib() -> None:
    refuse(b"a" * (LIMIT + 1), "big.txt", "larger than the 8 MiB limit")


def test_undecodable_bytes() -> None:
    rng = random.Random(3)
    refuse(bytes(rng.randrange(128, 256) for _ in range(5000)), "x.txt", "not readable text")


def test_epub_that_is_a_zip_of_junk() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("junk.bin", bytes(random.Random(1).randrange(256) for _ in range(2000)))
        archive.writestr("notes.txt", "not an epub")
    refuse(buffer.getvalue(), "book.epub", "no EPUB contents")


def test_epub_that_is_not_a_zip() -> None:
    refuse(b"just some text pretending", "book.epub", "not a readable zip archive")


def test_epub_with_broken_package() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("META-INF/container.xml", CONTAINER)
        archive.writestr("OEBPS/content.opf", "<package><unclosed>")
    refuse(buffer.getvalue(), "book.epub", "not valid XML")


def test_zip_bomb_epub_declared_size() -> None:
    bomb = epub_bytes(
        [("c1.xhtml", xhtml("<p>Hi.</p>"))],
        extra_members=[("OEBPS/padding.xhtml", b"\0" * (20 * 1024 * 1024))],
    )
    assert len(bomb) < 100_000  # tiny on the wire, 20 MiB unpacked
    refuse(bomb, "book.epub", "unpacks to more than 4 MiB", max_bytes=1024 * 1024)


def test_zip_bomb_epub_lying_about_its_size() -> None:
    """Headers claiming a small size do not help: inflated bytes are counted as they come."""
    chapter = xhtml("<p>" + "All work and no play. " * 400_000 + "</p>")  # ~9 MB, compresses well
    bomb = bytearray(epub_bytes([("c1.xhtml", chapter)]))
    real_size = len(chapter.encode()).to_bytes(4, "little")
    fake_size = (1000).to_bytes(4, "little")
    assert bomb.count(real_size) == 2  # local header and central directory
    bomb = bomb.replace(real_size, fake_size)
    refuse(bytes(bomb), "book.epub", "unpacks to more than|damaged", max_bytes=1024 * 1024)


def test_epub_with_too_many_members() -> None:
    many = [(f"OEBPS/x{i}.css", b"") for i in range(5001)]
    refuse(epub_bytes([("c1.xhtml", xhtml("<p>Hi.</p>"))], extra_members=many), "b.epub", "thousands of files")


def test_html_with_script_only() -> None:
    html = b"<html><head><script>alert(1)</script></head><body><script>document.write('hi')</script></body></html>"
    refuse(html, "page.html", "no story text")


def test_html_with_script_keeps_text_only() -> None:
    html = (
        b"<html><body><p>Rain fell.</p><script>alert('pwned')</script><p onclick=\"evil()\">Then sun.</p></body></html>"
    )
    story = import_story(html, "page.html", max_bytes=LIMIT)
    assert story.chapters[0].paragraphs == ["Rain fell.", "Then sun."]


@pytest.mark.parametrize(
    "text",
    [
        "A/N: Sorry everyone, this story is on hiatus until I finish my exams. Thanks for all the reviews!",
        "Author's Note: I'm rewriting this fic.\n\nNote: the new version will be up soon.",
    ],
)
def test_only_an_authors_note(text: str) -> None:
    refuse(text.encode(), "note.txt", "only an author's note")


def test_fifty_thousand_character_paragraph() -> None:
    rng = random.Random(5)
    words = ["river", "stone", "light", "élan", "naïve", "👩‍👩‍👧", "@everyone", "a|b", "x_y"]
    text = " ".join(rng.choice(words) for _ in range(9000))[:50_000].rsplit(" ", 1)[0]
    assert "\n" not in text and len(text) > 49_000
    story = import_story(text.encode(), "long.txt", max_bytes=LIMIT)
    chapter = story.chapters[0]
    assert len(chapter.paragraphs) == 1
    payloads = render_chapter(story.meta, chapter, budget=2000)
    assert all(len(p["content"]) <= 2000 for p in payloads)
    assert normalize_whitespace(unrender(payloads)) == normalize_whitespace(text)
    for data in payloads[1:-1]:
        assert data["content"].endswith(" ||" + " …")  # each cut is at a word gap


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Chapter 1\n", "Chapter 1"),
        ("Chapter 1\n\nIt began.\n\nChapter 2: The End\n\nChapter 3\n\nIt ended.\n", "Chapter 2: The End"),
        ("Chapter 1\n\nChapter 2\n\nText.\n", "Chapter 1"),
    ],
)
def test_heading_with_nothing_under_it(text: str, heading: str) -> None:
    message = refuse(text.encode(), "x.txt", "has no story text under it")
    assert quote_input(heading) in message  # quoted as every member's text is: escaped, in quotes


def test_unsupported_formats_are_named() -> None:
    refuse(b"PK\x03\x04whatever", "story.docx", "Word document")
    refuse(b"%PDF-1.7", "story.pdf", "PDF")


def test_epub_with_corrupt_compressed_data() -> None:
    data = bytearray(epub_bytes([("c1.xhtml", xhtml("<p>" + "Hello there. " * 2000 + "</p>"))]))
    start = data.find(b"OEBPS/c1.xhtml") + len("OEBPS/c1.xhtml")
    for index in range(start + 50, start + 120):
        data[index] ^= 0x55
    refuse(bytes(data), "book.epub", "is damaged")
