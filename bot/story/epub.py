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
import re
import zipfile
import zlib
from dataclasses import dataclass, field
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
from bot.story.plaintext import build_story, parse_field
from bot.story.structure import HEADING_MAX_CHARS, Heading, Item, Para, SceneBreak, match_heading

MAX_MEMBERS = 5000
MAX_RATIO = 200  # deflate tops out near 1:1000 on pathological input; real EPUBs are far below this
CHUNK = 64 * 1024
_NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
}
_DOCUMENT_TYPES = ("application/xhtml+xml", "text/html", "application/x-dtbook+xml")
_NCX = "http://www.daisy.org/z3986/2005/ncx/"
_NCX_TYPE = "application/x-dtbncx+xml"
_SPACE = re.compile(r"\s+")
# What the guide, the landmarks, epub:type or the spine ("non-linear") may call a document that is
# front matter. Dedications, epigraphs, forewords and acknowledgements are not here on purpose.
_SKIP_TYPES = frozenset(
    [
        "cover",
        "titlepage",
        "title-page",
        "halftitlepage",
        "toc",
        "landmarks",
        "loi",
        "lot",
        "lov",
        "loa",
        "page-list",
        "index",
        "copyright-page",
        "colophon",
        "imprint",
        "imprimatur",
        "non-linear",
    ]
)
_FRONT_MATTER_LABELS = frozenset(
    ["cover", "title page", "copyright", "copyright page", "contents", "table of contents"]
)
_CONTENTS = frozenset(["contents", "table of contents"])
_SECTIONS = ["section", "div", "nav", "header", "article", "aside", "main"]
_COPYRIGHT = ("copyright", "©")
_COPYRIGHT_LINE = ("copyright", "©", "isbn", "text copyright", "text ©")
_IMPRINT = (
    "all rights reserved",
    "isbn",
    "work of fiction",
    "first edition",
    "first published",
    "published by",
    "no part of this",
    "printed in",
    "cover design",
    "cover art",
    "cover illustration",
    "library of congress",
    "resemblance to actual",
    "author's imagination",
)
_SENTENCE_ENDS = (".", "!", "?", "…")
_CLOSERS = "\"'’”)]"
# A page with this many words outside links is a chapter's worth of text and never front matter.
_FRONT_MATTER_MAX_WORDS = 400
_TITLE_PAGE_MAX_WORDS = 60
_MAX_TITLE = 2 * HEADING_MAX_CHARS


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
    ids: dict[str, str] = field(default_factory=dict)  # href -> manifest id
    marks: dict[str, set[str]] = field(default_factory=dict)  # href -> what the package calls it
    toc: list[tuple[str, str]] = field(default_factory=list)  # (href, label) in the TOC's order


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
    ids: dict[str, str] = {}
    marks: dict[str, set[str]] = {}
    for ref in opf.iterfind(".//opf:spine/opf:itemref", _NS):
        item = manifest.get(ref.get("idref"))
        if item is None or item.get("media-type") not in _DOCUMENT_TYPES or "nav" in (item.get("properties") or ""):
            continue
        href = _resolve(base, item.get("href"))
        if href in names and href not in hrefs:
            hrefs[href] = None
            ids[href] = item.get("id")
            if (ref.get("linear") or "").strip().lower() == "no":
                marks.setdefault(href, set()).add("non-linear")
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
    for reference in opf.iterfind(".//opf:guide/opf:reference", _NS):
        href = _resolve(base, reference.get("href") or "")
        if href in hrefs:
            marks.setdefault(href, set()).add((reference.get("type") or "").strip().lower())
    toc = _read_toc(archive, opf, manifest, base, names, elements, marks)
    return _Book(
        title=_dc(opf, "title"),
        author=_dc(opf, "creator"),
        description=_dc(opf, "description"),
        subjects=[el.text.strip() for el in opf.iterfind(".//dc:subject", _NS) if el.text and el.text.strip()],
        documents=documents,
        ids=ids,
        marks=marks,
        toc=toc,
    )


def _resolve(base: str, href: str) -> str | None:
    """A link's target document inside the archive, without its #fragment; None for other sites."""
    path = href.split("#", 1)[0].strip()
    if not path or ":" in path.split("/", 1)[0]:
        return None
    return posixpath.normpath(posixpath.join(base, unquote(path)))


def _read_toc(
    archive: _Archive,
    opf: etree._Element,
    manifest: dict[str, etree._Element],
    base: str,
    names: set[str],
    elements: int,
    marks: dict[str, set[str]],
) -> list[tuple[str, str]]:
    """The book's table of contents: the EPUB 3 nav (whose landmarks go into ``marks``), else the NCX.

    A broken or oversized TOC is ignored rather than refused: the chapters can be read without it.
    """
    toc: list[tuple[str, str]] = []
    nav = next((item for item in manifest.values() if "nav" in (item.get("properties") or "").split()), None)
    nav_href = _resolve(base, nav.get("href")) if nav is not None else None
    if nav_href in names:
        markup = strip_doctype(archive.read(nav_href))
        try:
            check_markup(markup, spent=elements)
        except StoryFormatError:
            return toc
        toc = _nav_entries(make_soup(markup), posixpath.dirname(nav_href), marks)
    if toc:
        return toc
    spine = opf.find(".//opf:spine", _NS)
    ncx = manifest.get(spine.get("toc")) if spine is not None else None
    if ncx is None:
        ncx = next((item for item in manifest.values() if item.get("media-type") == _NCX_TYPE), None)
    ncx_href = _resolve(base, ncx.get("href")) if ncx is not None else None
    if ncx_href not in names:
        return toc
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(archive.read(ncx_href), parser)
    except etree.XMLSyntaxError:
        return toc
    ncx_base = posixpath.dirname(ncx_href)
    for point in root.iter(f"{{{_NCX}}}navPoint"):
        label = point.find(f"{{{_NCX}}}navLabel/{{{_NCX}}}text")
        content = point.find(f"{{{_NCX}}}content")
        href = _resolve(ncx_base, content.get("src") or "") if content is not None else None
        if href is not None:
            toc.append((href, _SPACE.sub(" ", label.text or "").strip() if label is not None else ""))
    return toc


def _nav_entries(soup: BeautifulSoup, base: str, marks: dict[str, set[str]]) -> list[tuple[str, str]]:
    """Entries of the nav document's ``toc`` nav; its ``landmarks`` nav adds to ``marks``."""
    toc: list[tuple[str, str]] = []
    for nav in soup.find_all("nav"):
        kinds = str(nav.get("epub:type") or "").lower().split()
        if "toc" not in kinds and "landmarks" not in kinds:
            continue
        for link in nav.find_all("a", href=True):
            href = _resolve(base, str(link["href"]))
            if href is None:
                continue
            if "landmarks" in kinds:
                marks.setdefault(href, set()).update(str(link.get("epub:type") or "").lower().split())
            else:
                toc.append((href, element_text(link)))
    return toc


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


@dataclass(slots=True)
class _Doc:
    """One spine document, read into items, with the measures front matter is judged by."""

    href: str
    body: Tag
    items: list[Item]
    words: int
    link_words: int  # words inside links to the book's own documents
    links: int  # such links

    @property
    def prose_words(self) -> int:
        return self.words - self.link_words

    @property
    def has_text(self) -> bool:
        return any(isinstance(item, Para) for item in self.items)

    @property
    def has_heading(self) -> bool:
        return any(isinstance(item, Heading) for item in self.items)

    @property
    def opens_with_heading(self) -> bool:
        first = next((item for item in self.items if not isinstance(item, Para) or item.text), None)
        return isinstance(first, Heading)


def _read_doc(href: str, soup: BeautifulSoup, spine: set[str]) -> _Doc:
    body = soup.body or soup
    base = posixpath.dirname(href)
    links = 0
    link_words = 0
    for link in body.find_all("a", href=True):
        if _resolve(base, str(link["href"])) in spine:
            links += 1
            link_words += len(link.get_text().split())
    items = html_items(body)
    words = sum(
        len((item.raw if isinstance(item, Heading) else item.text).split())
        for item in items
        if not isinstance(item, SceneBreak)
    )
    return _Doc(href, body, items, words, link_words, links)


def _generic(book: _Book, soups: list[BeautifulSoup], filename: str, max_chapters: int) -> Story:
    """Each spine document is a chapter unless it is front matter or continues the chapter before it.

    A document's first heading titles it; a document with no heading at all takes its title from
    the TOC when the TOC lists it, and otherwise continues the chapter before it when the book
    marks its chapters some other way (see :func:`_continues`).
    """
    items: list[Item] = []
    if book.title:
        items.append(Para(f"Title: {book.title}", 0))
    if book.author:
        items.append(Para(f"Author: {book.author}", 0))
    if book.description:
        description = element_text(make_soup(book.description))
        if description:
            items.append(Para(f"Summary: {description}", 0))
    spine = {href for href, _ in book.documents}
    docs = [_read_doc(href, soup, spine) for (href, _), soup in zip(book.documents, soups, strict=True)]
    docs = _without_front_matter(docs, book)
    titles = _toc_titles(book, docs)
    split = _split_continuations(docs)
    by_headings = sum(doc.has_heading for doc in docs) >= sum(not doc.has_heading for doc in docs)
    started = False
    for doc in docs:
        doc_items = doc.items
        if started and _continues(doc, titles, split, by_headings=by_headings):
            items.extend(doc_items)
            continue
        started = True
        if doc.opens_with_heading:
            first = next(item for item in doc_items if isinstance(item, Heading))
            first.level = 1
            for item in doc_items[doc_items.index(first) + 1 :]:
                if isinstance(item, Heading):
                    item.level = max(item.level, 2)
        elif doc.href in titles and not doc.has_heading:
            items.append(_toc_heading(titles[doc.href]))
        else:
            items.append(Heading(None, "document", 1, f"section {len(items) + 1}"))
        items.extend(doc_items)
    return build_story(items, filename, "epub", max_chapters=max_chapters)


def _continues(doc: _Doc, titles: dict[str, str], split: set[str], *, by_headings: bool) -> bool:
    """Whether a document goes on with the chapter before it instead of starting one.

    Calibre and AO3 split a long chapter over several files, and only the first opens with the
    heading. So a document with no heading at all continues the chapter before it when its file
    name says it was split from the same source file, when the TOC lists the chapters and not
    this document, or (with no usable TOC) when most of the book's documents carry headings. A book
    whose documents carry no headings and that has no TOC keeps one chapter per document.
    """
    if doc.has_heading or doc.href in titles:
        return False
    if doc.href in split or titles:
        return True
    return by_headings


_SPLIT_NAME = re.compile(r"^(?P<source>.+)_split_(?P<part>\d{1,6})$")


def _split_continuations(docs: list[_Doc]) -> set[str]:
    """Documents whose name says they continue the one before: ``ch3_split_001`` after ``ch3_split_000``.

    Only when the book was split from several source files: a book converted from one big
    file names every document ``index_split_NNN``, chapter starts included.
    """
    sources: list[str | None] = []
    for doc in docs:
        match = _SPLIT_NAME.match(posixpath.splitext(posixpath.basename(doc.href))[0])
        sources.append(match.group("source") if match and int(match.group("part")) > 0 else None)
    stems = {posixpath.splitext(posixpath.basename(doc.href))[0].rsplit("_split_", 1)[0] for doc in docs}
    if len(stems) < 2:
        return set()
    out: set[str] = set()
    for index in range(1, len(docs)):
        previous = posixpath.splitext(posixpath.basename(docs[index - 1].href))[0]
        if sources[index] is not None and previous.rsplit("_split_", 1)[0] == sources[index]:
            out.add(docs[index].href)
    return out


def _toc_heading(label: str) -> Heading:
    """A chapter heading from a TOC entry, read the way a heading line in the text would be."""
    heading = match_heading(label, markdown=False) or Heading(label, "markdown", 1, label)
    heading.level = 1
    return heading


def _toc_titles(book: _Book, docs: list[_Doc]) -> dict[str, str]:
    """The TOC's chapter titles by document, when it lists two or more of the documents kept.

    An entry that only repeats its file's name or id, or the entry before it (a chapter split
    over two files and listed twice), names no chapter.
    """
    kept = {doc.href for doc in docs}
    titles: dict[str, str] = {}
    previous = ""
    for href, label in book.toc:
        key = label.casefold()
        if not key or key == previous or _mechanical(key, href, book.ids.get(href)):
            continue
        previous = key
        if href in kept and href not in titles:
            titles[href] = label[:_MAX_TITLE]
    return titles if len(titles) >= 2 else {}


def _mechanical(key: str, href: str, manifest_id: str | None) -> bool:
    name = posixpath.basename(href).casefold()
    return key in (name, posixpath.splitext(name)[0], (manifest_id or "").casefold())


def _without_front_matter(docs: list[_Doc], book: _Book) -> list[_Doc]:
    """The documents with text, less front matter; all of them if every one looks like front matter."""
    docs = [doc for doc in docs if doc.has_text]
    if len(docs) < 2:
        return docs
    labels: dict[str, str] = {}
    for href, label in book.toc:
        labels.setdefault(href, label.casefold())
    kept: list[_Doc] = []
    for doc in docs:
        if not _is_front_matter(doc, book, labels.get(doc.href, ""), opening=not kept):
            kept.append(doc)
    return kept or docs


def _is_front_matter(doc: _Doc, book: _Book, toc_label: str, *, opening: bool) -> bool:
    """The apparatus around a story: cover, title page, contents, copyright page, colophon, index.

    What the package says comes first: the ``<guide>`` types, the EPUB 3 landmarks, ``epub:type``
    on the body or its sections, a spine entry marked ``linear="no"`` (reading systems leave it
    out of the reading flow: a cover, or notes reached by links) and a TOC entry named "Cover",
    "Contents" or "Copyright". Failing that, the page's content: mostly links into the book, a
    "Contents" heading over lines that are not prose, copyright and publisher lines, or (only
    before the story starts) nothing but the book's title and author. A mention of the title or
    author alone never makes a page front matter: a short last chapter may well share the book's
    title, and a chapter of text messages may name it without a sentence in sight.

    Dedications, epigraphs, forewords, acknowledgements and afterwords are kept, marked or not:
    they are the author's own words, part of what a club reads, and dropping text cannot be
    undone while a short extra chapter is easily skipped. And a page with as much text as a real
    chapter is never dropped, whatever it is marked: losing story text is the worst outcome.
    """
    if doc.prose_words >= _FRONT_MATTER_MAX_WORDS:
        return False
    kinds = book.marks.get(doc.href, set()) | _epub_types(doc.body)
    if toc_label in _FRONT_MATTER_LABELS or kinds & _SKIP_TYPES:
        return True
    return _is_toc_page(doc) or _is_copyright_page(doc) or (opening and _is_title_page(doc, book))


def _epub_types(body: Tag) -> set[str]:
    """The ``epub:type`` values on the body and the first sections inside it."""
    kinds: set[str] = set()
    for tag in [body, *body.find_all(_SECTIONS, limit=20)]:
        kinds.update(str(tag.get("epub:type") or "").lower().split())
    return kinds


def _is_toc_page(doc: _Doc) -> bool:
    """Mostly links into the book's own documents, or headed "Contents" over lines that are not prose."""
    if doc.links >= 2 and doc.link_words * 2 >= doc.words:
        return True
    texts = [
        item.raw if isinstance(item, Heading) else item.text for item in doc.items if not isinstance(item, SceneBreak)
    ]
    if not texts or texts[0].strip().rstrip(":").casefold() not in _CONTENTS:
        return False
    return not any(_is_prose(text) for text in texts[1:])


def _is_copyright_page(doc: _Doc) -> bool:
    """A line that opens with the copyright notice or the ISBN, a second imprint marker, and no
    prose that is not about them ("All rights reserved," said in a story opens no line so)."""
    if _has_chapter_heading(doc):
        return False
    texts = _texts(doc)
    lines = (line.strip() for text in texts for line in text.split("\n"))
    if not any(line.startswith(_COPYRIGHT_LINE) for line in lines):
        return False
    whole = " ".join(texts)
    markers = any(marker in whole for marker in _COPYRIGHT) + sum(marker in whole for marker in _IMPRINT)
    return markers >= 2 and all(_is_imprint(text) for text in texts if _is_prose(text))


def _is_title_page(doc: _Doc, book: _Book) -> bool:
    """A short page naming the book or its author, with no chapter heading and no prose."""
    names = [name.casefold() for name in (book.title, book.author) if name]
    texts = _texts(doc)
    if doc.prose_words > _TITLE_PAGE_MAX_WORDS or not any(name in " ".join(texts) for name in names):
        return False
    if _has_chapter_heading(doc):
        return False
    return all(_is_imprint(text) for text in texts if _is_prose(text))


def _has_chapter_heading(doc: _Doc) -> bool:
    """A "Chapter 3", "Part Two" or "Prologue" heading: the page is the story's, whatever else it says."""
    return any(isinstance(item, Heading) and item.kind != "markdown" for item in doc.items)


def _texts(doc: _Doc) -> list[str]:
    """The document's headings and paragraphs, folded for matching."""
    texts = [
        item.raw if isinstance(item, Heading) else item.text for item in doc.items if not isinstance(item, SceneBreak)
    ]
    return [text.casefold().replace("’", "'") for text in texts]


def _is_prose(text: str) -> bool:
    """A sentence or more: six words or longer, ending as a sentence ends, and not a "Key: value" line."""
    return (
        len(text.split()) >= 6
        and text.rstrip().rstrip(_CLOSERS).endswith(_SENTENCE_ENDS)
        and parse_field(text.split("\n", 1)[0]) is None
    )


def _is_imprint(text: str) -> bool:
    return any(marker in text for marker in (*_COPYRIGHT, *_IMPRINT))
