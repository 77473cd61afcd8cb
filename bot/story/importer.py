"""One entry point from an uploaded file to a :class:`Story`, whatever its format.

The format comes from the file name first and the content second, so a story saved as
``.txt`` that is really HTML still reads as HTML, and a PNG renamed ``.txt`` is refused.
"""

from __future__ import annotations

import email
import email.message
import email.policy
import hashlib
import io
import re
import zipfile
import zlib
from pathlib import PurePath

from bot.story.ao3_html import ao3_works_in_text, is_ao3, parse_ao3
from bot.story.ao3_page import is_ao3_listing, is_ao3_page, parse_ao3_page
from bot.story.decode import (
    check_size,
    decode_text,
    has_controls,
    plain_text_inside,
    remove_controls,
    sniff_binary,
    too_many_controls,
    wide_falsely,
)
from bot.story.epub import read_epub, unpack_refusal
from bot.story.errors import StoryFormatError
from bot.story.ffn_page import is_ffn_page, parse_ffn_page
from bot.story.htmltext import check_markup, make_soup, parse_generic_html, preformatted_story
from bot.story.limits import (
    DEFAULT_MAX_CHAPTERS,
    MAX_MARKS_PER_LETTER,
    check_headings,
    check_story_text,
    keep_declarations,
)
from bot.story.lookalikes import undisguise_labels
from bot.story.markdown import asciidoc_as_markdown, org_as_markdown, parse_markdown
from bot.story.model import Story
from bot.story.plaintext import file_name
from bot.story.structure import HEADING_MAX_CHARS
from bot.story.text_declarations import declare_chapter_warnings
from bot.story.textfile import parse_plain_text
from bot.story.tidy import tidy_story
from bot.text import capped_marks, quote_input, unstacked_short_lines
from bot.warnings.declared import known_warning

__all__ = ["SUPPORTED", "StoryFormatError", "content_hash", "import_story"]

SUPPORTED = ".txt, .md, .html or .epub"
_TEXT = {"", ".txt", ".text", ".asc", ".fic", ".story"}
_MARKDOWN = {".md", ".markdown", ".mdown", ".mkd"}
_HTML = {".html", ".htm", ".xhtml"}
_UNSUPPORTED = {
    ".docx": "a Word document",
    ".doc": "a Word document",
    ".odt": "an OpenDocument text",
    ".rtf": "an RTF document",
    ".pdf": "a PDF",
    ".mobi": "a Kindle book",
    ".azw": "a Kindle book",
    ".azw3": "a Kindle book",
    ".png": "an image",
    ".jpg": "an image",
    ".jpeg": "an image",
    ".gif": "an image",
    ".webp": "an image",
    ".zip": "a zip archive",
    ".webarchive": "a Safari web archive",
    ".svg": "an SVG image",
}
# A document in some XML ("<?xml ...?><story><title>...</title><p>...</p>"): read as a page, its elements
# paragraphs. Read as text, its markup was posted whole as one paragraph.
_LOOKS_XML = re.compile(r"\A\s*<\?xml[^>]{0,200}>")
_LOOKS_HTML = re.compile(
    r"\A\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html|<head[\s>]|<body[\s>])", re.IGNORECASE
)


def import_story(data: bytes, filename: str, *, max_bytes: int, max_chapters: int = DEFAULT_MAX_CHAPTERS) -> Story:
    """Read ``data`` as a story; raises :class:`StoryFormatError` with one sentence if it cannot.

    Whatever ``data`` holds, the work is bounded (see :mod:`bot.story.limits`): a file past a
    budget is refused with a sentence naming it, before the expensive part starts. The title,
    author and chapter titles come out as one visible line each, whatever the format
    (:func:`bot.story.tidy.tidy_story`). A warning declared in one chapter's notes is that
    chapter's (:func:`bot.story.text_declarations.declare_chapter_warnings`), in every format alike.
    """
    filename = file_name(filename)  # the title and the suffix alike end at a NUL
    story = _without_mark_piles(
        _without_controls(_parse(data, filename, max_bytes=max_bytes, max_chapters=max_chapters))
    )
    # Any format can read to more text than its file holds (an EPUB unpacks; a Markdown embed is said
    # in words three times its size): the story's text is held to the upload limit all the same.
    check_story_text(story, max_bytes, in_characters=True)
    return tidy_story(keep_declarations(declare_chapter_warnings(story), known_warning), filename)


# Control characters markup may write as references and still be a story: a short page with a
# terminal's escape written "&#x1b;" twice is words with two strays, not binary data (noise brings
# them by the thousand).
MARKUP_STRAYS = 16


def _without_mark_piles(story: Story) -> Story:
    """The story with at most :data:`MAX_MARKS_PER_LETTER` combining marks on a letter of its text and
    notes, in every format (a text file's short zalgo lines are read at three a letter before this)."""
    for chapter in story.chapters:
        for scene in chapter.scenes:
            scene.paragraphs = [capped_marks(paragraph, MAX_MARKS_PER_LETTER) for paragraph in scene.paragraphs]
        chapter.notes = [capped_marks(note, MAX_MARKS_PER_LETTER) for note in chapter.notes]
    return story


def _without_controls(story: Story) -> Story:
    """The story with the control characters its text came to hold after decoding removed, or refused
    when they are many (binary data). A plain-text file is settled as it is decoded
    (:func:`bot.story.decode.decode_text`); markup writes them as character references ("&#1;"), and
    a saved page's part or an EPUB's document of noise (a picture, a cipher) brings them in by the
    thousand: they were posted as story text."""
    scenes = [scene for chapter in story.chapters for scene in chapter.scenes]
    notes = [note for chapter in story.chapters for note in chapter.notes]
    text = "\n".join([*(paragraph for scene in scenes for paragraph in scene.paragraphs), *notes])
    if not has_controls(text):
        return story
    if too_many_controls(text, at_least=MARKUP_STRAYS):
        raise StoryFormatError(
            "The file's story text is binary data, not words; save or export the story again as text."
        )
    for scene in scenes:
        scene.paragraphs = [kept for kept in map(remove_controls, scene.paragraphs) if kept.strip()]
    for chapter in story.chapters:
        chapter.scenes = [scene for scene in chapter.scenes if scene.paragraphs]
        chapter.notes = [kept for kept in map(remove_controls, chapter.notes) if kept.strip()]
    return story


def _parse(data: bytes, filename: str, *, max_bytes: int, max_chapters: int) -> Story:
    """The story as its format's parser reads it."""
    check_size(data, max_bytes)
    suffix = PurePath(filename or "").suffix.lower()
    zipped = _zipped_kind(data) if data.startswith(b"PK\x03\x04") else None
    if zipped == _EPUB:  # an EPUB under any name: "story", "story.zip", a phone's lost ".epub"
        return read_epub(data, filename, max_bytes=max_bytes, max_chapters=max_chapters)
    if zipped is None and data.startswith(b"PK\x03\x04") and (inside := zipped_story_file(data, max_bytes)) is not None:
        # Google Docs' "Web page (.html, zipped)", a Mac's "Compress" of one .txt: read as the file it holds
        data, suffix = inside
    kind = zipped or _document_kind(data) or (None if _markup_inside(data, suffix) else _named_kind(data, suffix))
    if kind:
        raise StoryFormatError(f"This is {kind}; Dogear reads {SUPPORTED} files, so save it as one.")
    if (suffix == ".epub" and not _markup_inside(data, suffix)) or (
        data.startswith(b"PK\x03\x04") and suffix not in _TEXT | _MARKDOWN | _HTML
    ):
        kind = sniff_binary(data)
        if kind and not data.startswith(b"PK\x03\x04"):
            raise StoryFormatError(f"This file is {kind}, not an EPUB; attach the story's .epub file.")
        return read_epub(data, filename, max_bytes=max_bytes, max_chapters=max_chapters)
    page = single_file_page(data) if suffix in _MHTML or data[:_MIME_HEAD].lstrip().startswith(_MIME_STARTS) else None
    text = page if page is not None else decode_text(data, max_bytes=max_bytes)
    if page is None and suffix in _HTML and not _LOOKS_HTML.match(text) and _ANY_TAG.search(text) is None:
        suffix = ".md" if _MARKDOWN_BLOCK.search(text) else ".txt"  # named .html, holding no markup
    if page is not None or suffix in _HTML or _LOOKS_HTML.match(text) or _LOOKS_XML.match(text):
        check_markup(text)
        check_headings(text, max_chapters)
        try:
            return _read_page(text, filename, max_chapters)
        except StoryFormatError:
            if not _mostly_noscript(text):
                raise
            # A page whose script writes the story, given whole to browsers without script inside
            # <noscript> (dropped with the scripts, as what is never shown): read from there. Only when
            # the page has no story outside it, so a "Please enable JavaScript" box never is one.
            return _read_page(_NOSCRIPT.sub("", text), filename, max_chapters)
    if (works := ao3_works_in_text(text)) > 1:  # two AO3 downloads pasted into one text file
        raise StoryFormatError(
            f"This file holds {works} AO3 works one after another; Dogear reads one story a file, "
            "so add each work from its own download."
        )
    # a title or heading in "zalgo", too long for one only for its stacked marks, read as the line it shows
    text = unstacked_short_lines(text, HEADING_MAX_CHARS)
    text = undisguise_labels(text)  # "Ｗａｒｎｉｎｇｓ：" and "War\u200bnings:" declare as "Warnings:" does
    if suffix in _MARKDOWN:
        return parse_markdown(text, filename, max_chapters=max_chapters)
    if (org := org_as_markdown(text)) is not None:  # an Org-mode file saved as text
        return parse_markdown(org, filename, max_chapters=max_chapters)
    if text.lstrip()[:1] == "=" and (adoc := asciidoc_as_markdown(text)) is not None:  # an AsciiDoc file
        return parse_markdown(adoc, filename, max_chapters=max_chapters)
    return parse_plain_text(text, filename, max_chapters=max_chapters)


_NOSCRIPT = re.compile(r"</?noscript\b[^>]*>", re.IGNORECASE)
_NOSCRIPT_PART = re.compile(r"<noscript\b.*?(?:</noscript\s*>|\Z)", re.IGNORECASE | re.DOTALL)


def _mostly_noscript(markup: str) -> bool:
    """Whether most of a page is inside ``<noscript>`` (so reading it again from there costs little more)."""
    return 2 * sum(len(part.group()) for part in _NOSCRIPT_PART.finditer(markup)) > len(markup)


def _read_page(text: str, filename: str, max_chapters: int) -> Story:
    """A web page (its markup checked against the budgets already) read by the reader for its kind."""
    soup = make_soup(text)
    if is_ao3(soup):
        return parse_ao3(soup, filename, "html", max_chapters=max_chapters)
    if is_ao3_page(soup):
        return parse_ao3_page(soup, filename, max_chapters=max_chapters)
    if is_ao3_listing(soup):
        raise StoryFormatError(
            "This is an AO3 page listing works (a series, a tag or bookmarks), not a work; "
            "download the work itself from its page and attach that."
        )
    if is_ffn_page(soup):
        return parse_ffn_page(soup, filename, max_chapters=max_chapters)
    if (plain := preformatted_story(soup)) is not None:
        text, page_title = plain
        return parse_plain_text(
            text, filename, source_format="html", max_chapters=max_chapters, fallback_title=page_title
        )
    return parse_generic_html(soup, filename, max_chapters=max_chapters)


# A file named .html that holds no markup at all is read by what it holds: Markdown (a heading "# ..."
# or one underlined) or plain text. Read as HTML, a Markdown story named "story.html" was one
# paragraph, its headings and blank lines run together. ("a < b" and "<3" are no tags.)
_ANY_TAG = re.compile(r"<(?:/?[a-z][a-z0-9]*[\s/>]|!doctype|!--)", re.IGNORECASE)
_MARKDOWN_BLOCK = re.compile(r"^(?:#{1,6}[ \t]+\S|(?:=+|-{2,})[ \t]*$)", re.MULTILINE)

_MHTML = {".mhtml", ".mht"}
_MIME_HEAD = 4096
_MIME_STARTS = (b"From:", b"MIME-Version:", b"Snapshot-Content-Location:", b"Content-Type: multipart/related")


def single_file_page(data: bytes) -> str | None:
    """The page a browser saved as a "Webpage, Single File" (.mhtml: the page and its pictures in one
    MIME message, its HTML quoted-printable): read as text, its headers and encoded markup were posted
    as the story. None when the file is no MIME message of parts (a story opening "From: Ann" is text);
    one of parts with no HTML among them is refused.

    Read with the ``compat32`` policy, whose headers stay strings: the default policy parses every
    header of every part into objects (half a millisecond a part: 70,000 one-line parts ran past
    90 s), and its parser recursed into a header of nested comments (2 GB, then a RecursionError).
    A part's Content-Type, the one header read, is checked for length first (see
    :func:`_check_part_headers`), and parts nested thousands deep are refused, not crashed on.
    """
    _check_part_headers(data)
    _check_part_count(data)
    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        page = _first_html_part(message)
    except RecursionError:
        raise StoryFormatError(
            "The saved page's parts are nested thousands deep, which no browser writes; save the page again."
        ) from None
    if page is None and message.is_multipart():
        # Its pictures and stylesheets alone: read as text, the MIME headers and the CSS were posted.
        raise StoryFormatError("The saved page holds no web page, only its pictures and styles; save the page again.")
    if page is None:
        return None
    content = page.get_payload(decode=True)
    if not isinstance(content, bytes):
        return None
    charset = page.get_content_charset() or _page_charset(content)
    if wide_falsely(content, charset):
        charset = "utf-8"
    try:
        return content.decode(charset, errors="replace")
    except LookupError:  # a charset Python does not know
        return content.decode("utf-8", errors="replace")


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_:.-]{1,40})""", re.IGNORECASE)
_META_HEAD = 4096


def _page_charset(content: bytes) -> str:
    """The encoding of a saved page's HTML part whose header names none: Chrome writes a bare
    "Content-Type: text/html" over the quoted-printable page and leaves the charset to the page's
    own ``<meta charset>``. Read as ASCII, every curly quote and dash was three replacement
    characters. Failing a ``<meta>``, UTF-8 where the bytes are UTF-8, else Windows-1252."""
    declared = _META_CHARSET.search(content[:_META_HEAD])
    if declared is not None:
        return declared.group(1).decode("ascii")
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


# A part's Content-Type header, folded lines and all: a browser writes a type, a charset and a
# boundary, a hundred characters. Python's email package reads its parameters in time that grows
# faster than the header (40 s for 140 KB of RFC 2231 continuations, 7 s for 2 MB of comments).
_PART_TYPE = re.compile(rb"^content-type:[^\n]*(?:\r?\n[ \t][^\n]*)*", re.IGNORECASE | re.MULTILINE)
MAX_PART_HEADER = 4096


def _check_part_headers(data: bytes) -> None:
    """Refuse a saved page whose parts say what they are in more than :data:`MAX_PART_HEADER` bytes."""
    for match in _PART_TYPE.finditer(data):
        if len(match.group()) > MAX_PART_HEADER:
            raise StoryFormatError(
                f"The saved page has a part header of {len(match.group()):,} characters, which no browser "
                "writes; save the page again."
            )


# Parts a saved page may have: a browser writes one per picture, stylesheet and frame, dozens. The
# email package parses each (about 14 us and 1 KB): 414,000 one-word parts took 5.8 s of CPU and 413 MB.
MAX_PAGE_PARTS = 20_000
_BOUNDARY = re.compile(rb"""boundary\s*=\s*(?:"([^"\r\n]*)"|([^\s;]+))""", re.IGNORECASE)
_DELIMITER = re.compile(rb"^--([^\r\n]*?)(?:--)?[ \t]*\r?$", re.MULTILINE)


def _check_part_count(data: bytes) -> None:
    """Refuse a saved page with more than :data:`MAX_PAGE_PARTS` parts, counted at its delimiter lines
    (a line of "--" and a boundary some part declares) before the email package parses any."""
    boundaries = {
        match.group(1) if match.group(1) is not None else match.group(2) for match in _BOUNDARY.finditer(data)
    }
    parts = sum(1 for match in _DELIMITER.finditer(data) if match.group(1) in boundaries)
    if parts > MAX_PAGE_PARTS:
        raise StoryFormatError(
            f"The saved page has {parts:,} parts, far more than a browser writes for one page; save the page again."
        )


def _first_html_part(message: email.message.Message) -> email.message.Message | None:
    """The first text/html part, depth first, walked without recursion (``Message.walk`` recurses)."""
    pending = [message]
    while pending:
        part = pending.pop()
        if part.is_multipart():
            pending.extend(reversed(part.get_payload()))
        elif part.get_content_type() == "text/html":
            return part
    return None


# Word processors' files under another name (a .docx renamed .txt or .epub, an .rtf saved as
# .txt, Apple Pages): what is inside tells what it is, so the refusal names it.
_ZIPPED_DOCUMENTS = (
    ("word/", "a Word document"),
    ("mimetype", "an OpenDocument text"),
    ("index.xml", "an Apple Pages document"),
    ("Index/Document.iwa", "an Apple Pages document"),
)
_TEXT_DOCUMENTS = (
    (b"{\\rtf", "an RTF document"),
    (b"<FictionBook", "a FictionBook (FB2) book"),
    (b"bplist00", "a Safari web archive"),
)
_MOBI_MARK = (60, b"BOOKMOBI")
# A drawing's markup: "<svg", after an XML declaration, a doctype or comments maybe.
_SVG_START = re.compile(
    rb"(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,500}?-->\s*|<!DOCTYPE svg[^>]{0,300}>\s*)*<svg[\s>]", re.S | re.I
)


def _document_kind(data: bytes) -> str | None:
    """A document format Dogear does not read, named by its content, or None (zips are told apart
    by :func:`_zipped_kind`)."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    for mark, kind in _TEXT_DOCUMENTS:
        if head.startswith(mark) or (mark == b"<FictionBook" and mark in head[:300]):
            return kind
    offset, mark = _MOBI_MARK
    if data[offset : offset + len(mark)] == mark:
        return "a Kindle book"
    if _SVG_START.match(head):  # read as text, its markup was the story's title and first chapter
        return "an SVG image"
    return None


# Saved pages under a name that says otherwise: a page named ".epub" or ".doc" (Word's "Web Page"
# kept its .doc), a single-file page named ".zip". Read as what they are, not refused for the name.
_MARKUP_HEAD = 1024


def _markup_inside(data: bytes, suffix: str) -> bool:
    """Whether a file named as something else is a web page or a saved single-file page by its first bytes."""
    if suffix in _TEXT | _MARKDOWN | _HTML | _MHTML:
        return False  # (read as markup when it is, already)
    head = data[:_MARKUP_HEAD].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(_MIME_STARTS) or _LOOKS_HTML.match(head.decode("latin-1")) is not None


def _named_kind(data: bytes, suffix: str) -> str | None:
    """The kind of file its name says Dogear does not read, or None: text named .doc or .png (a phone's
    share sheet, a wrong "save as") is read as the text it is (:func:`bot.story.decode.plain_text_inside`);
    refused for its name, the story was. Kinds told by their content were named before this."""
    kind = _UNSUPPORTED.get(suffix)
    if kind is None or suffix == ".svg" or not plain_text_inside(data):
        return kind
    return None


_EPUB = "an EPUB"  # what _zipped_kind answers for a book Dogear reads, whatever the file's name


def _zipped_kind(data: bytes) -> str | None:
    """What a zip is by its member names (the central directory, and the first bytes of a "mimetype":
    nothing more is unpacked): :data:`_EPUB` for a book whose "mimetype" says "application/epub+zip"
    or that has an EPUB's "META-INF/container.xml", a word processor's kind, or None. An EPUB is
    known by this, not by its name: one sent as "story" or "story.zip" (a phone that lost the
    ".epub") was refused as a zip archive. The EPUB reader's budgets apply as to any .epub."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            mimetype = _head(archive, "mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, NotImplementedError, ValueError, EOFError, zlib.error):
        return None
    if b"epub" in mimetype or "META-INF/container.xml" in names:
        return _EPUB
    for prefix, kind in _ZIPPED_DOCUMENTS:
        if any(name.startswith(prefix) for name in names):
            return kind
    return None


_MIMETYPE_HEAD = 100
# What a zipped web page holds beside its one page: the pictures and styles Google Docs' "Download >
# Web page (.html, zipped)" writes ("Story.html", "images/image1.png"), the only way it saves HTML.
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
_PAGE_EXTRAS = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".css")
MAX_PAGE_MEMBERS = 500  # a document's pictures; a zip of more is no saved page


# What a zip holds that no one put there: a Mac's "Compress" writes "__MACOSX/..." resource forks and
# ".DS_Store", Windows "Thumbs.db" and "desktop.ini".
_ZIP_JUNK = re.compile(r"(?:^|/)(?:__MACOSX/|\.DS_Store$|Thumbs\.db$|desktop\.ini$|\._)", re.IGNORECASE)


def zipped_story_file(data: bytes, max_bytes: int) -> tuple[bytes, str] | None:
    """The one story file a zip holds, with its suffix, when it holds nothing else but what no one put
    there (:data:`_ZIP_JUNK`): a web page with only its pictures and styles (Google Docs' zipped HTML
    export), or one .txt or .md file (a phone or a Mac's "Compress" sending the story); None for any
    other zip (refused as a zip archive). The file is unpacked to ``max_bytes`` at most, whatever its
    entry says: past that, the upload's size refusal, as if it had been sent unzipped; nothing else
    is ever unpacked."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [info for info in archive.infolist() if not info.is_dir() and not _ZIP_JUNK.search(info.filename)]
            if len(members) > MAX_PAGE_MEMBERS:
                return None
            chosen = _zipped_text(members) or _zipped_page(members)
            if chosen is None:
                return None
            refusal = unpack_refusal(
                chosen, f"The zip's file {quote_input(chosen.filename)}", "zip it again", ", or attach the file itself"
            )
            if refusal is not None:  # Deflate64 or a password: not "a zip archive" Dogear does not read
                raise refusal
            with archive.open(chosen) as member:
                content = member.read(max_bytes + 1)
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, NotImplementedError, ValueError, EOFError, zlib.error):
        return None
    check_size(content, max_bytes)
    return content, PurePath(chosen.filename).suffix.lower()


def _zipped_text(members: list[zipfile.ZipInfo]) -> zipfile.ZipInfo | None:
    """The zip's one member when it is a text or Markdown file, in a folder or not."""
    if len(members) != 1:
        return None
    suffix = PurePath(members[0].filename).suffix.lower()
    return members[0] if suffix and suffix in _TEXT | _MARKDOWN else None


def _zipped_page(members: list[zipfile.ZipInfo]) -> zipfile.ZipInfo | None:
    """The zip's one page at its top, when everything else is its pictures and styles."""
    pages = [info for info in members if info.filename.lower().endswith(_PAGE_SUFFIXES)]
    if len(pages) != 1 or "/" in pages[0].filename.strip("/"):
        return None
    if any(info not in pages and not info.filename.lower().endswith(_PAGE_EXTRAS) for info in members):
        return None
    return pages[0]


def _head(archive: zipfile.ZipFile, name: str) -> bytes:
    """The first bytes of one member, unpacking no more: this runs before the EPUB reader's budgets,
    and a "mimetype" of a few megabytes deflated from gigabytes of zeros, read whole, took 4 GB and 20 s."""
    with archive.open(name) as member:
        return member.read(_MIMETYPE_HEAD)


def content_hash(story: Story) -> str:
    """The story's text and chapter titles, hashed; the same story re-saved hashes the same."""
    digest = hashlib.sha256()
    for chapter in story.chapters:
        digest.update(b"\x1echapter\x1f" + (chapter.title or "").encode())
        for scene in chapter.scenes:
            digest.update(b"\x1escene")
            for paragraph in scene.paragraphs:
                digest.update(b"\x1f" + " ".join(paragraph.split()).encode())
    return digest.hexdigest()
