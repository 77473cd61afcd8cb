"""EPUB stories (AO3's and any other), read with bounded decompression.

An EPUB is a zip archive, and a zip can claim to be small while unpacking to gigabytes.
So the archive is read with :mod:`zipfile` directly rather than handing it whole to an
EPUB library: declared sizes are checked first, then actual bytes are counted while each
member is inflated, and reading stops the moment the budget is spent. Only the files the
spine names are read; XML is parsed with entity expansion and network access off.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass
from urllib.parse import unquote

from bs4 import BeautifulSoup, Tag
from lxml import etree

from bot.story.ao3_html import is_ao3, parse_ao3
from bot.story.errors import StoryFormatError
from bot.story.htmltext import check_markup, element_text, html_items, make_soup, strip_doctype
from bot.story.limits import (
    DEFAULT_MAX_CHAPTERS,
    MAX_UNPACK_RATIO,
    MIN_UNPACKED_BYTES,
    SPINE_SLACK,
    check_story_text,
)
from bot.story.model import Story
from bot.story.plaintext import build_story
from bot.story.structure import Heading, Item, Para

MAX_MEMBERS = 5000
MAX_RATIO = 200  # deflate tops out near 1:1000 on pathological input; real EPUBs are far below this
CHUNK = 64 * 1024
_NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
}
_DOCUMENT_TYPES = ("application/xhtml+xml", "text/html", "application/x-dtbook+xml")
_SKIP_TYPES = ("toc", "titlepage", "title-page", "copyright-page", "cover", "landmarks", "loi", "lot", "index")


def unpacked_limit(max_bytes: int, size: int | None = None) -> int:
    """How much an EPUB of ``size`` bytes may unpack to: relative to the upload, never past 4x the limit.

    Text compresses three to five times, so a real book stays far below MAX_UNPACK_RATIO;
    a bomb (or a kilobyte that claims megabytes of markup) does not.
    """
    ceiling = max(4 * max_bytes, MIN_UNPACKED_BYTES)
    if size is None:
        return ceiling
    return min(max(size * MAX_UNPACK_RATIO, MIN_UNPACKED_BYTES), ceiling)


def _bomb(limit: int) -> StoryFormatError:
    return StoryFormatError(
        f"The EPUB unpacks to more than {limit / (1024 * 1024):.3g} MiB, far more than its size justifies; "
        "it is damaged or not a real EPUB, so export it again."
    )


@dataclass(slots=True)
class _Archive:
    zip: zipfile.ZipFile
    limit: int
    spent: int = 0

    def read(self, name: str) -> bytes:
        """One member, counting real inflated bytes against the whole archive's budget."""
        try:
            info = self.zip.getinfo(name)
        except KeyError:
            raise StoryFormatError(f"The EPUB is incomplete: {name} is missing; export it again.") from None
        if info.file_size > self.limit - self.spent:
            raise _bomb(self.limit)
        out = bytearray()
        try:
            with self.zip.open(info) as member:
                while chunk := member.read(CHUNK):
                    out += chunk
                    self.spent += len(chunk)
                    if self.spent > self.limit:
                        raise _bomb(self.limit)
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            OSError,
            EOFError,
            NotImplementedError,
            RuntimeError,
            zlib.error,
        ):
            raise StoryFormatError(f"The EPUB is damaged ({name} cannot be unpacked); export it again.") from None
        return bytes(out)


def _open(data: bytes, max_bytes: int) -> _Archive:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise StoryFormatError(
            "The .epub file is not an EPUB (it is not a readable zip archive); export it again."
        ) from None
    if len(infos) > MAX_MEMBERS:
        raise StoryFormatError("The EPUB holds thousands of files, which no story needs; export it again.")
    limit = unpacked_limit(max_bytes, len(data))
    declared = sum(info.file_size for info in infos)
    if declared > limit:
        raise _bomb(limit)
    for info in infos:
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 1024 * 1024:
            raise _bomb(limit)
    return _Archive(archive, limit)


def _xml(data: bytes, what: str) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        raise StoryFormatError(f"The EPUB's {what} is not valid XML; export the EPUB again.") from None


@dataclass(slots=True)
class _Book:
    title: str | None
    author: str | None
    description: str | None
    subjects: list[str]
    documents: list[tuple[str, bytes]]  # (href, xhtml) in spine order


def _read_book(archive: _Archive, max_chapters: int) -> _Book:
    names = set(archive.zip.namelist())
    if "META-INF/container.xml" not in names:
        raise StoryFormatError(
            "The .epub file has no EPUB contents (META-INF/container.xml is missing); export it again."
        )
    container = _xml(archive.read("META-INF/container.xml"), "container.xml")
    rootfile = container.find(".//c:rootfile", _NS)
    opf_path = rootfile.get("full-path") if rootfile is not None else None
    if not opf_path or opf_path not in names:
        raise StoryFormatError("The EPUB does not say where its contents are (no package file); export it again.")
    opf = _xml(archive.read(opf_path), "package file")
    base = posixpath.dirname(opf_path)
    manifest = {
        item.get("id"): item
        for item in opf.iterfind(".//opf:manifest/opf:item", _NS)
        if item.get("id") and item.get("href")
    }
    hrefs: dict[str, None] = {}  # each document once, in first-listed order, however often the spine repeats it
    for ref in opf.iterfind(".//opf:spine/opf:itemref", _NS):
        item = manifest.get(ref.get("idref"))
        if item is None or item.get("media-type") not in _DOCUMENT_TYPES or "nav" in (item.get("properties") or ""):
            continue
        href = posixpath.normpath(posixpath.join(base, unquote(item.get("href"))))
        if href in names:
            hrefs[href] = None
    if len(hrefs) > max_chapters + SPINE_SLACK:
        raise StoryFormatError(
            f"The EPUB's reading order lists {len(hrefs):,} documents, more than the {max_chapters:,} chapters "
            "Dogear takes (the MAX_CHAPTERS setting); split the book into parts."
        )
    documents: list[tuple[str, bytes]] = []
    elements = 0
    for href in hrefs:
        xhtml = strip_doctype(archive.read(href))
        elements = check_markup(xhtml, spent=elements)
        documents.append((href, xhtml))
    return _Book(
        title=_dc(opf, "title"),
        author=_dc(opf, "creator"),
        description=_dc(opf, "description"),
        subjects=[el.text.strip() for el in opf.iterfind(".//dc:subject", _NS) if el.text and el.text.strip()],
        documents=documents,
    )


def _dc(opf: etree._Element, name: str) -> str | None:
    element = opf.find(f".//dc:{name}", _NS)
    if element is None or not (element.text or "").strip():
        return None
    return element.text.strip()


def read_epub(data: bytes, filename: str, *, max_bytes: int, max_chapters: int = DEFAULT_MAX_CHAPTERS) -> Story:
    archive = _open(data, max_bytes)
    with archive.zip:
        book = _read_book(archive, max_chapters)
    if not book.documents:
        raise StoryFormatError("The EPUB has no readable chapters; export it again.")
    soups = [make_soup(xhtml) for _, xhtml in book.documents]
    if any(is_ao3(soup) for soup in soups):
        combined = BeautifulSoup("<html><body></body></html>", "lxml")
        for soup in soups:
            body = soup.body or soup
            for child in list(body.children):
                combined.body.append(child.extract())
        story = parse_ao3(combined, filename, "epub", max_chapters=max_chapters)
    else:
        story = _generic(book, soups, filename, max_chapters)
    check_story_text(story, max_bytes)
    return story


def _generic(book: _Book, soups: list[BeautifulSoup], filename: str, max_chapters: int) -> Story:
    """Each spine document is a chapter unless it is front matter; its first heading titles it."""
    items: list[Item] = []
    if book.title:
        items.append(Para(f"Title: {book.title}", 0))
    if book.author:
        items.append(Para(f"Author: {book.author}", 0))
    if book.description:
        description = element_text(make_soup(book.description))
        if description:
            items.append(Para(f"Summary: {description}", 0))
    for soup in soups:
        body = soup.body or soup
        if len(soups) > 1 and _is_front_matter(body, book):
            continue
        doc_items = html_items(body)
        if not any(isinstance(item, Para) for item in doc_items):
            continue
        first = next((item for item in doc_items if not isinstance(item, Para) or item.text), None)
        if not isinstance(first, Heading):
            doc_items.insert(0, Heading(None, "document", 1, f"section {len(items) + 1}"))
        else:
            first.level = 1
            for item in doc_items[1:]:
                if isinstance(item, Heading):
                    item.level = max(item.level, 2)
        items.extend(doc_items)
    return build_story(items, filename, "epub", max_chapters=max_chapters)


def _is_front_matter(body: object, book: _Book) -> bool:
    """Title pages, tables of contents and copyright pages: marked so, or short and about the book."""
    if not isinstance(body, Tag):
        return False
    kinds = " ".join(str(tag.get("epub:type", "")) for tag in [body, *body.find_all(True, limit=20)])
    if any(kind in kinds.split() for kind in _SKIP_TYPES):
        return True
    text = element_text(body)
    if len(text.split()) >= 40:
        return False
    lowered = text.lower()
    names = [name.lower() for name in (book.title, book.author) if name]
    markers = ("copyright", "all rights reserved", "table of contents", "contents")
    return any(name in lowered for name in names) or any(marker in lowered for marker in markers)
