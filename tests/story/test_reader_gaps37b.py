"""Story files outside testers sent that were misread or refused vaguely (the thirty-seventh session's
second probe of files nobody on the project wrote):

- an EPUB or a zipped story file one entry of which is packed with a compression Python's zipfile
  cannot unpack (Windows' Deflate64, method 9) or locked by a password: "the EPUB is damaged" or
  "this is a zip archive", which sent the member to export again a file that was not damaged; now the
  refusal names the compression (or the password) and says to zip it again;
- an EPUB whose chapters are encrypted (a store's DRM) is refused as DRM-protected (pinned).

Each is paired with the file that looks like it and must still be read as before.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from bot.story.errors import StoryFormatError
from bot.story.importer import import_story
from bot.story.model import Story
from tests.story.builders import Ao3Chapter, Ao3Work, ao3_html, epub_bytes, two_chapter_work, xhtml

FIRST = "The kettle had boiled dry twice before Marguerite noticed, and by then the letter was already ash."
SECOND = "Nobody in the village of Harrow End kept clocks, which was how the trouble started that winter."
THIRD = "Her brother came home on the last ferry with a suitcase that ticked when it was set down."
LIMIT = 1 << 20


def _low_water_epub(extra_members: list[tuple[str, bytes]] | None = None) -> bytes:
    return epub_bytes(
        [
            ("c1.xhtml", xhtml(f"<h1>Chapter 1</h1><p>{FIRST}</p>")),
            ("c2.xhtml", xhtml(f"<h1>Chapter 2</h1><p>{SECOND}</p>")),
        ],
        title="Low Water",
        author="marrowbird",
        extra_members=extra_members,
    )


def _repacked(data: bytes, name: str, *, method: int | None = None, flags: int = 0) -> bytes:
    """The zip with one entry's headers saying it was packed with ``method`` (Deflate64 is 9, as
    Windows' "Send to > Compressed folder" writes large files) or locked (``flags`` bit 0), as a
    zip tool other than Python's wrote it: the headers are all a reader looks at before unpacking."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        offset = archive.getinfo(name).header_offset
    places = [(offset, 6, 8)]  # local header: flags at +6, method at +8
    start = 0
    while (start := out.find(b"PK\x01\x02", start)) >= 0:
        length = int.from_bytes(out[start + 28 : start + 30], "little")
        if bytes(out[start + 46 : start + 46 + length]).decode() == name:
            places.append((start, 8, 10))  # central directory: flags at +8, method at +10
        start += 4
    for base, flag_at, method_at in places:
        if method is not None:
            out[base + method_at : base + method_at + 2] = method.to_bytes(2, "little")
        old = int.from_bytes(out[base + flag_at : base + flag_at + 2], "little")
        out[base + flag_at : base + flag_at + 2] = (old | flags).to_bytes(2, "little")
    return bytes(out)


def _zipped(name: str, text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, text)
    return buffer.getvalue()


STORY = f"Low Water\nby marrowbird\n\nChapter 1\n\n{FIRST}\n\nChapter 2\n\n{SECOND}\n"


# An entry packed with a compression zipfile cannot unpack, or locked by a password.


def test_an_epub_chapter_packed_with_deflate64_is_refused_naming_it() -> None:
    data = _repacked(_low_water_epub(), "OEBPS/c1.xhtml", method=9)
    with pytest.raises(StoryFormatError, match="Deflate64") as refusal:
        import_story(data, "low-water.epub", max_bytes=LIMIT)
    assert "export the EPUB again" in str(refusal.value)
    assert "damaged" not in str(refusal.value)


def test_a_zipped_text_file_packed_with_deflate64_is_refused_naming_it() -> None:
    data = _repacked(_zipped("Low Water.txt", STORY), "Low Water.txt", method=9)
    with pytest.raises(StoryFormatError, match="Deflate64") as refusal:
        import_story(data, "Low Water.zip", max_bytes=LIMIT)
    assert "zip it again" in str(refusal.value) and "Low Water.txt" in str(refusal.value)


def test_a_zipped_text_file_locked_by_a_password_is_refused_saying_so() -> None:
    data = _repacked(_zipped("Low Water.txt", STORY), "Low Water.txt", flags=1)
    with pytest.raises(StoryFormatError, match="password"):
        import_story(data, "Low Water.zip", max_bytes=LIMIT)


def test_an_epub_chapter_locked_by_a_password_is_refused_saying_so() -> None:
    data = _repacked(_low_water_epub(), "OEBPS/c2.xhtml", flags=1)
    with pytest.raises(StoryFormatError, match="password"):
        import_story(data, "low-water.epub", max_bytes=LIMIT)


def test_an_epub_chapter_whose_deflate_is_broken_is_still_damaged() -> None:
    """Guard: a chapter whose packed bytes are broken, in the ordinary Deflate, is still "damaged"."""
    data = bytearray(_low_water_epub())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("OEBPS/c1.xhtml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start : start + info.compress_size] = b"\xff" * info.compress_size
    with pytest.raises(StoryFormatError, match="damaged"):
        import_story(bytes(data), "low-water.epub", max_bytes=LIMIT)


def test_a_zipped_text_file_packed_as_usual_is_read() -> None:
    story = import_story(_zipped("Low Water.txt", STORY), "Low Water.zip", max_bytes=LIMIT)
    assert story.meta.title == "Low Water"
    assert [p for c in story.chapters for s in c.scenes for p in s.paragraphs] == [FIRST, SECOND]


# DRM.

_ENCRYPTION = (
    '<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
    'xmlns:enc="http://www.w3.org/2001/04/xmlenc#">'
    + "".join(
        '<enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
        f'<enc:CipherData><enc:CipherReference URI="OEBPS/{name}"/></enc:CipherData></enc:EncryptedData>'
        for name in ("c1.xhtml", "c2.xhtml")
    )
    + "</encryption>"
)


def test_an_epub_with_encrypted_chapters_is_refused_as_drm() -> None:
    data = _low_water_epub([("META-INF/encryption.xml", _ENCRYPTION.encode())])
    with pytest.raises(StoryFormatError, match="DRM") as refusal:
        import_story(data, "low-water.epub", max_bytes=LIMIT)
    assert "DRM-free" in str(refusal.value)


# Encodings.

WIDE = f"Low Water\nby marrowbird\n\nChapter 1\n\n{FIRST} “Café,” she said — naïve.\n\nChapter 2\n\n{SECOND}\n"


def _paragraphs(story: Story) -> list[str]:
    return [paragraph for chapter in story.chapters for scene in chapter.scenes for paragraph in scene.paragraphs]


@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be"])
def test_utf32_without_a_mark_is_read(encoding: str) -> None:
    story = import_story(WIDE.encode(encoding), "low-water.txt", max_bytes=LIMIT)
    assert story.meta.title == "Low Water" and story.meta.author == "marrowbird"
    assert _paragraphs(story) == [f"{FIRST} “Café,” she said — naïve.", SECOND]


@pytest.mark.parametrize(
    "data",
    [
        WIDE.encode("utf-16") + b"A",  # a stray byte after the text, under a mark
        WIDE.encode("utf-16-le") + b"\x00",  # without one
        WIDE.encode("utf-16-be")[:-1],  # the last byte cut off
        WIDE.encode("utf-16")[:-1],
    ],
    ids=["mark-and-stray", "le-and-stray", "be-cut", "mark-cut"],
)
def test_utf16_with_an_odd_byte_count_is_read_without_the_stray_byte(data: bytes) -> None:
    assert len(data) % 2
    story = import_story(data, "low-water.txt", max_bytes=LIMIT)
    assert story.meta.title == "Low Water"
    assert _paragraphs(story) == [f"{FIRST} “Café,” she said — naïve.", SECOND]


JAPANESE = (
    "低い水\n作者：マロウバード\n\n第一章\n\n"
    "やかんは二度も空焚きになっていた。マルグリットが気づいたときには、手紙はもう灰になっていた。\n\n"
    "第二章\n\n"
    "ハロウエンドの村では誰も時計を持っていなかった。それが、あの冬の騒ぎの始まりだった。\n"
)


def test_iso_2022_jp_text_is_read() -> None:
    """Japanese email and old text files: seven-bit bytes, "ESC $ B" switching to JIS X 0208. Every byte
    is ASCII, so it was read as UTF-8 and its escapes refused as binary data."""
    story = import_story(JAPANESE.encode("iso-2022-jp"), "hikui-mizu.txt", max_bytes=LIMIT)
    assert story.meta.title == "低い水"
    assert _paragraphs(story) == [JAPANESE.split("\n\n")[2], JAPANESE.split("\n\n")[4].strip()]


def test_a_terminal_log_with_colour_escapes_is_still_read_as_utf8() -> None:
    """Guard: ESC in ASCII text that is a terminal's colour, not ISO-2022's switch, stays what it was."""
    text = f"Low Water\n\nChapter 1\n\n\x1b[1m{FIRST}\x1b[0m\n\nChapter 2\n\n{SECOND}\n"
    story = import_story(text.encode(), "low-water.txt", max_bytes=LIMIT)
    assert _paragraphs(story) == [FIRST, SECOND]


def test_mac_os_roman_with_lf_line_ends_is_read() -> None:
    text = (
        f"Low Water\nby marrowbird\n\nChapter 1\n\n“It’s not a café,” she said. {FIRST}\n\n"
        f"Chapter 2\n\nNaïve… {SECOND}\n"
    )
    story = import_story(text.encode("mac_roman"), "low-water.txt", max_bytes=LIMIT)
    assert _paragraphs(story) == [f"“It’s not a café,” she said. {FIRST}", f"Naïve… {SECOND}"]


def test_iso_2022_cn_text_is_refused_naming_it() -> None:
    """Python has no ISO-2022-CN codec: the refusal names the encoding and says to save as UTF-8,
    not "binary data"."""
    data = b"Di yi zhang\n\n\x1b$)A\x0e\x3d\x68\x21\x23\x0f\n" * 3
    with pytest.raises(StoryFormatError, match="ISO-2022-CN") as refusal:
        import_story(data, "story.txt", max_bytes=LIMIT)
    assert "save it as UTF-8" in str(refusal.value)


# Title lines.

CHAPTERS = f"Chapter 1\n\n{FIRST}\n\nChapter 2\n\n{SECOND}\n"


def test_title_and_author_on_one_first_line_are_read_apart() -> None:
    story = import_story(f"Low Water by marrowbird\n\n{CHAPTERS}".encode(), "story.txt", max_bytes=LIMIT)
    assert (story.meta.title, story.meta.author) == ("Low Water", "marrowbird")
    assert _paragraphs(story) == [FIRST, SECOND]


@pytest.mark.parametrize("title", ["Stand by Me", "Kidnapped by pirates", "The Last Stop by the Sea"])
def test_a_title_holding_by_stays_whole(title: str) -> None:
    """Guard: a title with "by" in it and no handle after it is the title."""
    story = import_story(f"{title}\n\n{CHAPTERS}".encode(), "story.txt", max_bytes=LIMIT)
    assert (story.meta.title, story.meta.author) == (title, None)


BLURB = "A lighthouse keeper's daughter waits for a boat that never comes."


@pytest.mark.parametrize(
    "head", [f"Low Water\nby marrowbird\n{BLURB}", f"Low Water by marrowbird\n{BLURB}"], ids=["by-line", "title-by"]
)
def test_a_one_line_blurb_under_the_title_is_the_summary(head: str) -> None:
    story = import_story(f"{head}\n\n{CHAPTERS}".encode(), "story.txt", max_bytes=LIMIT)
    assert story.meta.title == "Low Water"
    assert story.meta.summary == BLURB
    assert _paragraphs(story) == [FIRST, SECOND]


OPENING = '"Keep the lamp lit," her father said, the night the boat went out, and she never asked him why.'


@pytest.mark.parametrize("head", ["Low Water", "Low Water\nby marrowbird"], ids=["title", "by-line"])
def test_a_line_of_its_own_between_the_title_page_and_chapter_1_stays_story(head: str) -> None:
    """Guard: a paragraph of its own over the first heading that opens the story (a line of dialogue)
    stays story text. (A one-line blurb there is the summary since the thirty-eighth session, as the
    testers' files set it: tests/story/test_reader_gaps38.py.)"""
    story = import_story(f"{head}\n\n{OPENING}\n\n{CHAPTERS}".encode(), "story.txt", max_bytes=LIMIT)
    assert story.meta.summary is None
    assert OPENING in _paragraphs(story)


def test_a_first_paragraph_of_story_under_the_title_stays_story() -> None:
    """Guard: under a title, a story's paragraph with no heading after it is no blurb."""
    story = import_story(f"Low Water\nby marrowbird\n\n{BLURB}\n\n{FIRST}\n".encode(), "story.txt", max_bytes=LIMIT)
    assert story.meta.summary is None
    assert _paragraphs(story) == [BLURB, FIRST]


def test_notion_properties_under_the_title_are_the_title_pages() -> None:
    text = (
        "Low Water\n\nCreated: March 3, 2026 4:12 PM\nLast edited time: March 9, 2026 11:02 AM\n"
        f"Tags: angst, lighthouse\n\n{CHAPTERS}"
    )
    story = import_story(text.encode(), "Low Water 3f2a9c.txt", max_bytes=LIMIT)
    assert story.meta.title == "Low Water"
    assert story.meta.additional_tags == ["angst", "lighthouse"]
    assert "Created: March 3, 2026 4:12 PM" in story.meta.notes
    assert _paragraphs(story) == [FIRST, SECOND]


def test_created_in_a_sentence_stays_story() -> None:
    """Guard: "Created" opening a sentence with a dash is prose."""
    line = "Created - that was the word she used for the thing in the cellar, as if she had made it."
    story = import_story(f"Low Water\n\nChapter 1\n\n{line}\n\n{FIRST}\n".encode(), "story.txt", max_bytes=LIMIT)
    assert _paragraphs(story) == [line, FIRST]


# Chapters.


@pytest.mark.parametrize(("one", "two"), [("One", "Two"), ("ONE", "TWO"), ("I", "II"), ("1", "2")])
def test_markdown_headings_that_are_numbers_alone_are_untitled_chapters(one: str, two: str) -> None:
    story = import_story(
        f"# Low Water\n\n## {one}\n\n{FIRST}\n\n## {two}\n\n{SECOND}\n".encode(), "low.md", max_bytes=LIMIT
    )
    assert story.meta.title == "Low Water"
    assert [(chapter.number, chapter.title) for chapter in story.chapters] == [(1, None), (2, None)]
    assert _paragraphs(story) == [FIRST, SECOND]


@pytest.mark.parametrize(("one", "two"), [("One", "The Shore"), ("Three", "Two"), ("Part One", "Part Two")])
def test_markdown_headings_that_do_not_count_keep_their_words(one: str, two: str) -> None:
    """Guard: a number word among named headings, or numbers that do not count up, stay titles."""
    story = import_story(
        f"# Low Water\n\n## {one}\n\n{FIRST}\n\n## {two}\n\n{SECOND}\n".encode(), "low.md", max_bytes=LIMIT
    )
    assert [chapter.title for chapter in story.chapters] == [one, two]


def test_a_document_title_over_chapter_headings_of_its_level_is_the_title() -> None:
    text = f"# Tin\n\n# Chapter 1\n\n{FIRST}\n\n# Chapter 2\n\n{SECOND}\n"
    story = import_story(text.encode(), "tin.md", max_bytes=LIMIT)
    assert story.meta.title == "Tin"
    assert [(chapter.number, chapter.title) for chapter in story.chapters] == [(1, None), (2, None)]


@pytest.mark.parametrize(
    "tail", ["More coming soon! Thanks for reading <3", "Thanks for reading <3", "Thank you so much for reading!"]
)
def test_a_last_chapter_of_only_a_sign_off_is_a_note(tail: str) -> None:
    story = import_story(f"Low Water\n\n{CHAPTERS}\nChapter 3\n\n{tail}\n".encode(), "story.txt", max_bytes=LIMIT)
    assert _paragraphs(story) == [FIRST, SECOND]
    assert tail in story.chapters[-1].notes


def test_a_last_chapter_opening_with_thanks_in_a_sentence_stays_a_chapter() -> None:
    line = "Thanks for reading, she wrote, and sealed the letter."
    story = import_story(f"Low Water\n\n{CHAPTERS}\nChapter 3\n\n{line}\n".encode(), "story.txt", max_bytes=LIMIT)
    assert [chapter.paragraphs for chapter in story.chapters][-1] == [line]


@pytest.mark.parametrize("heading", ["C̷h̷a̷p̷t̷e̷r̷ 2", "C̸̢̛h̴̡a̶p̷t̶e̵r̷ ̴2̸"])
def test_a_chapter_heading_struck_through_or_in_zalgo_is_a_heading(heading: str) -> None:
    text = f"Low Water\n\nChapter 1\n\n{FIRST}\n\n{heading}\n\n{SECOND}\n"
    story = import_story(text.encode(), "story.txt", max_bytes=LIMIT)
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST], [SECOND]]


# Web copies.

READER_VIEW = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Chapter 3: The Ford - Low Water - marrowbird's stories</title>
<link rel="stylesheet" href="chrome://global/skin/aboutReader.css" type="text/css"></head>
<body class="light sans-serif loaded" dir="ltr">
<div class="toolbar-container"><div class="toolbar reader-toolbar"><div class="reader-controls">
<button class="close-button button" title="Close Reader View"><span class="hover-label">Close Reader View</span></button>
<ul class="dropdowns"><li><button class="dropdown-toggle button style-button" title="Type controls">
<span class="hover-label">Type controls</span></button></li></ul></div></div></div>
<div class="container" style="--font-size: 20px; --content-width: 30em;">
<div class="header reader-header reader-show-element">
<a class="domain reader-domain" href="https://marrowbird.example/low-water/3">marrowbird.example</a>
<div class="domain-border"></div>
<h1 class="reader-title">Chapter 3: The Ford</h1>
<div class="credits reader-credits">marrowbird</div>
<div class="meta-data"><div class="reader-estimated-time" dir="ltr">2–3 minutes</div></div>
</div><hr>
<div class="content"><div class="mozaik-reader-content reader-show-element">
<div id="readability-page-1" class="page"><div><p>{FIRST}</p><p>{SECOND}</p></div></div></div></div>
<div><div class="reader-message"></div></div>
</div></body></html>"""


def test_a_firefox_reader_view_page_keeps_the_chapter_title_in_its_header() -> None:
    story = import_story(READER_VIEW.encode(), "Chapter 3_ The Ford - Low Water.html", max_bytes=LIMIT)
    assert story.meta.author == "marrowbird"
    assert "Chapter 3" not in story.meta.title
    (chapter,) = story.chapters
    assert (chapter.title, chapter.heading_number) == ("The Ford", 3)
    assert chapter.paragraphs == [FIRST, SECOND]


def test_a_reader_view_page_whose_text_has_its_own_heading_keeps_that_one() -> None:
    """Guard: the header's title is set over the text only when the text has no heading."""
    page = READER_VIEW.replace(f"<div><p>{FIRST}", f"<div><h2>Chapter 3: Crossing</h2><p>{FIRST}")
    (chapter,) = import_story(page.encode(), "page.html", max_bytes=LIMIT).chapters
    assert chapter.title == "Crossing"


@pytest.mark.parametrize("link", ["Back to stories", "« Back to stories", "« Back to stories | Next Chapter »"])
def test_a_fan_sites_back_to_stories_links_are_dropped(link: str) -> None:
    text = f"{link}\n\nLow Water\nby marrowbird\n\n{CHAPTERS}\n{link}\n"
    story = import_story(text.encode(), "story.txt", max_bytes=LIMIT)
    assert (story.meta.title, story.meta.author) == ("Low Water", "marrowbird")
    assert _paragraphs(story) == [FIRST, SECOND]


def test_back_to_in_a_sentence_stays_story() -> None:
    line = "Back to the stories, she thought, and back to the lies."
    story = import_story(f"Low Water\n\nChapter 1\n\n{line}\n\n{FIRST}\n".encode(), "story.txt", max_bytes=LIMIT)
    assert _paragraphs(story) == [line, FIRST]


def test_two_ao3_works_in_one_file_read_the_first_with_a_note() -> None:
    first = two_chapter_work()
    second = Ao3Work(
        title="High Tide",
        author="saltmarsh",
        chapters=[Ao3Chapter("Chapter 1", [THIRD]), Ao3Chapter("Chapter 2", [SECOND])],
    )
    story = import_story((ao3_html(first) + "\n" + ao3_html(second)).encode(), "works.html", max_bytes=LIMIT)
    alone = import_story(ao3_html(first).encode(), "work.html", max_bytes=LIMIT)
    assert (story.meta.title, story.meta.author) == ("The Ford", "riverwriter")
    assert story.chapters == alone.chapters
    assert any("2 AO3 works" in note and "only the first" in note for note in story.meta.notes)
    assert story.meta.notes[: len(alone.meta.notes)] == alone.meta.notes


# A Discord copy's poster.


def test_a_discord_copy_with_one_poster_names_them_the_author() -> None:
    text = (
        f"marrowbird — Today at 3:04 PM\nLow Water\nChapter 1\n{FIRST}\n[3:05 PM]\n{SECOND}\n"
        f"marrowbird — Today at 3:09 PM\nChapter 2\n{THIRD}\n"
    )
    story = import_story(text.encode(), "low-water.txt", max_bytes=LIMIT)
    assert (story.meta.title, story.meta.author) == ("Low Water", "marrowbird")
    assert [chapter.paragraphs for chapter in story.chapters] == [[FIRST, SECOND], [THIRD]]


def test_a_discord_export_with_one_poster_names_them_the_author() -> None:
    text = (
        "==============================================================\n"
        "Guild: Harrow End Writers\nChannel: Text Channels / story-drops\n"
        "==============================================================\n\n"
        f"[12/03/2026 15:04] Ines Okafor\nLow Water\n\nChapter 1\n\n{FIRST}\n\n"
        f"[12/03/2026 15:09] Ines Okafor\nChapter 2\n\n{SECOND}\n\n\n"
        "==============================================================\n"
        "Exported 2 message(s)\n"
        "==============================================================\n"
    )
    story = import_story(text.encode(), "story-drops.txt", max_bytes=LIMIT)
    assert story.meta.author == "Ines Okafor"


def test_a_discord_copy_with_two_posters_names_no_author() -> None:
    """Guard: a reader's reply among the chapters leaves who wrote the story unsaid."""
    text = (
        f"marrowbird — Today at 3:04 PM\nChapter 1\n{FIRST}\n"
        f"fernreader — Today at 3:06 PM\n{SECOND}\n"
        f"marrowbird — Today at 3:09 PM\nChapter 2\n{THIRD}\n"
    )
    assert import_story(text.encode(), "low-water.txt", max_bytes=LIMIT).meta.author is None


def test_a_discord_copy_under_a_by_line_keeps_the_by_lines_author() -> None:
    text = f"marrowbird — Today at 3:04 PM\nLow Water\nby Mara Quill\n\nChapter 1\n{FIRST}\nChapter 2\n{SECOND}\n"
    assert import_story(text.encode(), "low-water.txt", max_bytes=LIMIT).meta.author == "Mara Quill"


@pytest.mark.parametrize(
    "named", ["Low Water - Chapter 3 - marrowbird - Original Work [Archive of Our Own]", "Low Water"]
)
def test_a_reader_view_title_that_is_the_pages_title_heads_no_chapter(named: str) -> None:
    """Guard: Reader View's title is often the page's <title> again, or the story's name: no chapter's
    heading (set over the text, it titled the chapter "marrowbird - Original Work [Archive of Our Own]")."""
    page = READER_VIEW.replace(">Chapter 3: The Ford</h1>", f">{named}</h1>").replace(
        "<title>Chapter 3: The Ford - Low Water - marrowbird's stories</title>", f"<title>{named}</title>"
    )
    story = import_story(page.encode(), "page.html", max_bytes=LIMIT)
    assert story.meta.title == "Low Water"
    assert [chapter.title for chapter in story.chapters] == [None]


def _ao3_text(title: str, author: str, work: int, chapters: list[str]) -> str:
    """An AO3 download's page as a browser's select-all copies it into a text file."""
    body = "\n\n".join(f"Chapter {number}\n\n{text}" for number, text in enumerate(chapters, 1))
    return (
        f"{title}\n\nPosted originally on the Archive of Our Own at https://archiveofourown.org/works/{work}.\n\n"
        "Rating:\nTeen And Up Audiences\nArchive Warning:\nNo Archive Warnings Apply\nFandom:\nOriginal Work\n"
        f"Language:\nEnglish\nStats:\nPublished: 2025-11-02 Words: 412 Chapters: {len(chapters)}/{len(chapters)}\n\n"
        f"{title}\n\nby {author}\n\n{body}\n\nAfterword\n\n"
        "Please drop by the archive and comment to let the creator know if you enjoyed their work!\n"
    )


def test_two_ao3_works_pasted_into_one_text_file_are_refused_saying_so() -> None:
    text = (
        _ao3_text("Low Water", "marrowbird", 51234, [FIRST, SECOND])
        + "\n"
        + _ao3_text("High Tide", "saltmarsh", 51300, [THIRD])
    )
    with pytest.raises(StoryFormatError, match="2 AO3 works") as refusal:
        import_story(text.encode(), "fics.txt", max_bytes=LIMIT)
    assert "its own download" in str(refusal.value)


def test_one_ao3_work_in_a_text_file_is_read() -> None:
    """One work's copy is read as the work, AO3's "Please drop by the archive ..." under it dropped as it is
    from a copy with AO3's "Chapter Text" labels (the download has none: it was the story's last paragraph)."""
    story = import_story(
        _ao3_text("Low Water", "marrowbird", 51234, [FIRST, SECOND]).encode(), "f.txt", max_bytes=LIMIT
    )
    assert (story.meta.title, story.meta.author) == ("Low Water", "marrowbird")
    assert _paragraphs(story) == [FIRST, SECOND]
