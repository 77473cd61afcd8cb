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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from itertools import islice
from urllib.parse import unquote

from bs4 import BeautifulSoup, Tag
from lxml import etree

from bot.story.ao3_html import is_ao3, parse_ao3, undo_calibre_classes
from bot.story.back_matter import back_matter_title
from bot.story.bylines import author_like, by_line_author, name_like
from bot.story.decode import sniff_binary, wide_falsely
from bot.story.errors import StoryFormatError
from bot.story.forum_text import untag_thread_title
from bot.story.front_pages import (
    CAST,
    DEDICATION,
    EPIGRAPH,
    front_label,
    front_page_note,
    subtitle_note,
    unmarked_front_pages,
)
from bot.story.gutenberg import drop_header
from bot.story.htmltext import (
    BLOCKS,
    abstract_summary,
    check_markup,
    drop_back_links,
    drop_cap_images,
    element_text,
    html_items,
    label_author_notes,
    make_soup,
    move_notes_across,
    new_soup,
    pair_notes_across,
    space_heading_labels,
    strip_doctype,
    text_image_lines,
)
from bot.story.limits import (
    DEFAULT_MAX_CHAPTERS,
    MAX_NCX_ELEMENTS,
    MAX_PACKAGE_ELEMENTS,
    MAX_UNPACK_RATIO,
    MIN_UNPACKED_BYTES,
    SPINE_SLACK,
    check_story_text,
)
from bot.story.metadata_fields import parse_field, trim_ornaments
from bot.story.model import Story
from bot.story.note_headings import NOTES, WARNINGS, heading_label, note_sections
from bot.story.plaintext import build_story
from bot.story.preamble import book_notice
from bot.story.structure import (
    HEADING_MAX_CHARS,
    Heading,
    Item,
    Para,
    SceneBreak,
    lone_number,
    match_heading,
    series_titles,
    titles_from_next_line,
)
from bot.story.text_declarations import declaration_line, title_declarations
from bot.story.title_lines import CARE_SENTENCE, KIND_LINE, declares_only
from bot.story.warning_lists import WarningLists, give_warning_lists, page_warning_lists
from bot.story.webpage import chapter_title_blocks
from bot.text import quote_input

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
# front matter. Dedications, epigraphs, forewords and acknowledgements are not here on purpose: they
# are the author's words (a dedication or epigraph before the story becomes a note, see _front_page).
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
# FanFicFare puts its "Update Log" page (a list of update dates) after its title and contents pages.
_FRONT_MATTER_LABELS = frozenset(
    ["cover", "title page", "copyright", "copyright page", "contents", "table of contents", "update log"]
)
# Of those, the ones a page's heading may say without the TOC: a chapter may well be called "Cover".
_FRONT_MATTER_HEADINGS = frozenset(["title page", "copyright page", "table of contents", "update log"])
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
_CARE = re.compile(CARE_SENTENCE, re.IGNORECASE)
_TITLE_PAGE_MAX_WORDS = 60
_MAX_TITLE = 2 * HEADING_MAX_CHARS
_MAX_DEPTH = 8  # TOC nesting counted this deep; deeper entries count as this deep


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
            raise unpack_refusal(
                info,
                f"The EPUB's file {quote_input(name)}",
                "export the EPUB again",
                " (calibre's conversion to EPUB repacks it)",
            ) or StoryFormatError(f"The EPUB is damaged ({name} cannot be unpacked); export it again.") from None
        return bytes(out)


# The compressions Python's zipfile unpacks. Zip tools write others: Windows' "Send to > Compressed
# folder" packs a large file with Deflate64, 7-Zip may choose PPMd; a member's refusal named only
# "damaged", and the file was not.
_UNPACKED_METHODS = frozenset([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
_METHOD_NAMES = {6: "Implode", 9: "Deflate64", 10: "Implode", 93: "Zstandard", 95: "XZ", 98: "PPMd"}


def unpack_refusal(info: zipfile.ZipInfo, what: str, again: str, otherwise: str) -> StoryFormatError | None:
    """The refusal of a zip member that could not be unpacked for how it was packed, not for damage:
    locked by a password (flag bit 0, WinZip's AES too), or packed with a compression zipfile lacks,
    named so the member knows what to change; None when it was neither (then it is damaged).
    ``again`` says how to pack it anew ("zip it again"), ``otherwise`` what else will do."""
    if info.flag_bits & 0x1:
        return StoryFormatError(
            f"{what} is locked by a password, which Dogear cannot open; {again} without one{otherwise}."
        )
    if info.compress_type not in _UNPACKED_METHODS:
        method = _METHOD_NAMES.get(info.compress_type, f"compression method {info.compress_type}")
        return StoryFormatError(
            f"{what} is packed with {method}, a compression Dogear cannot unpack; "
            f"{again} with the ordinary Deflate compression{otherwise}."
        )
    return None


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
    _refuse_two_of_one_name(infos)
    limit = unpacked_limit(max_bytes, len(data))
    declared = sum(info.file_size for info in infos)
    if declared > limit:
        raise _bomb(limit)
    for info in infos:
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 1024 * 1024:
            # (said so: "unpacks to more than 4 MiB" was untrue of a 1 MB file of one tag repeated)
            raise StoryFormatError(
                f"A file in the EPUB unpacks to {info.file_size // info.compress_size:,} times "
                "its packed size, which no book's text does; it is damaged or not a real EPUB, so export it again."
            )
    return _Archive(archive, limit)


def _refuse_two_of_one_name(infos: list[zipfile.ZipInfo]) -> None:
    """Refuse an EPUB holding two different files of one name (by the zip's own sizes and checksums,
    nothing unpacked): Dogear read the last one and an e-reader may open the first, so the club would
    read another chapter, or another book, than the one its admin checked. The same file twice is read."""
    seen: dict[str, tuple[int, int]] = {}
    for info in infos:
        contents = (info.file_size, info.CRC)
        if seen.setdefault(info.filename, contents) != contents:
            raise StoryFormatError(
                f"The EPUB holds two different files named {quote_input(info.filename)}, and e-readers "
                "differ on which one they open; export it again."
            )


def _xml(data: bytes, what: str) -> etree._Element:
    """One of the EPUB's own XML files as a tree, its elements counted first (``MAX_PACKAGE_ELEMENTS``):
    the file is needed whole, so one past the budget is refused rather than read in part. The count is
    every "<" that opens something, so comments and processing instructions count as elements do, and
    the refusal says so (a package of a dozen elements and 60,000 comments has no elements to remove)."""
    if data.count(b"<") - data.count(b"</") > MAX_PACKAGE_ELEMENTS:  # counted before the tree
        raise StoryFormatError(
            f"The EPUB's {what} has more than {MAX_PACKAGE_ELEMENTS:,} XML elements, comments and other markup, "
            "far more than any book needs; export the EPUB again."
        )
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
    toc: list[_TocEntry] = field(default_factory=list)  # in the TOC's order


@dataclass(slots=True)
class _TocEntry:
    """One entry of the table of contents."""

    href: str  # the document, without the #fragment
    label: str
    anchor: str | None = None  # the #fragment, when the entry points inside its document
    depth: int = 0  # how deep under other entries it is nested


def _read_book(archive: _Archive, max_chapters: int) -> _Book:
    names = set(archive.zip.namelist())
    if "META-INF/container.xml" not in names:
        raise StoryFormatError(
            "The .epub file has no EPUB contents (META-INF/container.xml is missing); export it again."
        )
    container = _xml(archive.read("META-INF/container.xml"), "container.xml")
    rootfile = container.find(".//c:rootfile", _NS)
    opf_path = rootfile.get("full-path") if rootfile is not None else None
    if not opf_path:
        raise StoryFormatError("The EPUB does not say where its contents are (no package file); export it again.")
    if opf_path not in names:  # outside the zip ("../../etc/passwd"), an absolute path, or a typo: said as given
        raise StoryFormatError(
            f"The EPUB's META-INF/container.xml names {quote_input(opf_path)} as its package file, "
            "which the EPUB does not hold; export it again."
        )
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
    folded: dict[str, str] | None = None  # the members by their names case-folded, made when first needed
    for ref in opf.iterfind(".//opf:spine/opf:itemref", _NS):
        item = manifest.get(ref.get("idref"))
        if item is None or item.get("media-type") not in _DOCUMENT_TYPES or "nav" in (item.get("properties") or ""):
            continue
        href = _resolve(base, item.get("href"))
        if href is not None and href not in names:
            folded = _by_folded_name(names) if folded is None else folded
            href = folded.get(href.casefold(), href)
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
    _refuse_drm(archive, names, hrefs)
    documents: list[tuple[str, bytes]] = []
    elements = 0
    for href in hrefs:
        xhtml = strip_doctype(archive.read(href))
        if sniff_binary(xhtml):
            continue  # a picture or an archive the package calls a document: its bytes were posted as text
        xhtml = _without_false_wide_encoding(xhtml)
        elements = check_markup(xhtml, spent=elements)
        documents.append((href, xhtml))
    for reference in opf.iterfind(".//opf:guide/opf:reference", _NS):
        href = _resolve(base, reference.get("href") or "")
        if href in hrefs:
            marks.setdefault(href, set()).add((reference.get("type") or "").strip().lower())
    toc = _read_toc(archive, opf, manifest, base, names, elements, marks)
    return _Book(
        title=_dc(opf, "title"),
        author=_author(opf, documents[:_NAME_PAGES]),
        description=_dc(opf, "description"),
        subjects=[el.text.strip() for el in opf.iterfind(".//dc:subject", _NS) if el.text and el.text.strip()],
        documents=documents,
        ids=ids,
        marks=marks,
        toc=toc,
    )


_XML_ENCODING = re.compile(rb"""\A(\s*<\?xml[^>]*?encoding\s*=\s*["'])([^"']*)""", re.IGNORECASE)


def _without_false_wide_encoding(xhtml: bytes) -> bytes:
    """A document whose XML declaration says UTF-16 or UTF-32 of bytes that cannot be either
    (:func:`bot.story.decode.wide_falsely`) declared UTF-8 instead: read as declared, a chapter in
    UTF-8 came out as CJK-looking noise."""
    match = _XML_ENCODING.match(xhtml)
    if match is None or not wide_falsely(xhtml, match.group(2).decode("ascii", "replace")):
        return xhtml
    return match.group(1) + b"utf-8" + xhtml[match.end() :]


_ENCRYPTION = "META-INF/encryption.xml"
_XMLENC = "{http://www.w3.org/2001/04/xmlenc#}"
# Font obfuscation (the IDPF's and Adobe's) is listed in encryption.xml too: a book's fonts, never DRM.
_FONT_OBFUSCATION = frozenset(["http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"])


def _refuse_drm(archive: _Archive, names: set[str], hrefs: Iterable[str]) -> None:
    """Refuse an EPUB whose chapters its ``encryption.xml`` lists as encrypted (a store's DRM): their
    bytes were read as markup and posted as a story of noise."""
    if _ENCRYPTION not in names:
        return
    try:
        encryption = _xml(archive.read(_ENCRYPTION), "encryption.xml")
    except StoryFormatError:
        return  # a damaged list of what is encrypted: the chapters are read as they are
    chapters = set(hrefs)
    for data in encryption.iter(f"{_XMLENC}EncryptedData"):
        method = data.find(f"{_XMLENC}EncryptionMethod")
        if method is not None and method.get("Algorithm") in _FONT_OBFUSCATION:
            continue
        reference = data.find(f".//{_XMLENC}CipherReference")
        if reference is not None and _resolve("", reference.get("URI") or "") in chapters:
            raise StoryFormatError(
                "The EPUB is locked with DRM (its chapters are encrypted), so Dogear cannot read it; "
                "attach a DRM-free copy of the story."
            )


def _fragment(href: str) -> str | None:
    """The #fragment a link points at inside its document, or None."""
    if "#" not in href:
        return None
    return unquote(href.split("#", 1)[1]).strip() or None


def _locate(document: str, href: str) -> tuple[str, str] | None:
    """The document and anchor a link in ``document`` points at, or None (another site, no anchor)."""
    target, anchor = _resolve(posixpath.dirname(document), href), _fragment(href)
    return (target, anchor) if target and anchor else None


def _by_folded_name(names: set[str]) -> dict[str, str]:
    """The archive's members by their names case-folded, those two members share left out: a spine
    naming "C1.XHTML" for "c1.xhtml" (a book made on a system that ignores case) was missed whole."""
    folded: dict[str, str] = {}
    shared: set[str] = set()
    for name in names:
        key = name.casefold()
        if key in folded:
            shared.add(key)
        folded[key] = name
    return {key: name for key, name in folded.items() if key not in shared}


def _resolve(base: str, href: str) -> str | None:
    """A link's target document inside the archive, without its #fragment; None for other sites."""
    path = href.split("#", 1)[0].strip()
    if not path or ":" in path.split("/", 1)[0]:
        return None
    # A Windows tool's "Text\\ch1.xhtml", and a path from the archive's root ("/OEBPS/ch1.xhtml"): every
    # document so listed was missed and the book refused as having no chapters.
    path = unquote(path).replace("\\", "/")
    if path.startswith("/"):
        return posixpath.normpath(path.lstrip("/"))
    return posixpath.normpath(posixpath.join(base, path))


def _read_toc(
    archive: _Archive,
    opf: etree._Element,
    manifest: dict[str, etree._Element],
    base: str,
    names: set[str],
    elements: int,
    marks: dict[str, set[str]],
) -> list[_TocEntry]:
    """The book's table of contents: the EPUB 3 nav (whose landmarks go into ``marks``), else the NCX.

    A broken or oversized TOC is ignored rather than refused: the chapters can be read without it. The
    nav counts against the book's element budget (``MAX_HTML_ELEMENTS``), the NCX against its own
    (``MAX_NCX_ELEMENTS``).
    """
    toc: list[_TocEntry] = []
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
    ncx_markup = archive.read(ncx_href)
    if ncx_markup.count(b"<") - ncx_markup.count(b"</") > MAX_NCX_ELEMENTS:  # counted before the tree
        return toc
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(ncx_markup, parser)
    except etree.XMLSyntaxError:
        return toc
    ncx_base = posixpath.dirname(ncx_href)
    for point in root.iter(f"{{{_NCX}}}navPoint"):
        label = point.find(f"{{{_NCX}}}navLabel/{{{_NCX}}}text")
        content = point.find(f"{{{_NCX}}}content")
        src = (content.get("src") or "") if content is not None else ""
        href = _resolve(ncx_base, src) if content is not None else None
        if href is not None:
            text = _SPACE.sub(" ", label.text or "").strip() if label is not None else ""
            depth = sum(1 for _ in islice(point.iterancestors(f"{{{_NCX}}}navPoint"), _MAX_DEPTH))
            toc.append(_TocEntry(href, text, _fragment(src), depth))
    return toc


def _nav_entries(soup: BeautifulSoup, base: str, marks: dict[str, set[str]]) -> list[_TocEntry]:
    """Entries of the nav document's ``toc`` nav; its ``landmarks`` nav adds to ``marks``."""
    toc: list[_TocEntry] = []
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
                toc.append(_TocEntry(href, element_text(link), _fragment(str(link["href"])), _list_depth(link, nav)))
    return toc


def _list_depth(link: Tag, nav: Tag) -> int:
    """How many lists a nav link sits in below the first, counted up to _MAX_DEPTH."""
    lists = 0
    node = link.parent
    for _ in range(_MAX_DEPTH * 4):
        if node is None or node is nav:
            break
        lists += node.name in ("ol", "ul")
        node = node.parent
    return min(max(lists - 1, 0), _MAX_DEPTH)


def _dc(opf: etree._Element, name: str) -> str | None:
    element = opf.find(f".//dc:{name}", _NS)
    if element is None or not (element.text or "").strip():
        return None
    value = element.text.strip()
    return None if _placeholder(value, title=name == "title") else value


def _author(opf: etree._Element, pages: list[tuple[str, bytes]] | None = None) -> str | None:
    """The book's writers: its creators but those with another role (an illustrator, a translator,
    an editor: ``opf:role="ill"`` in EPUB 2, a ``role`` meta refining the creator in EPUB 3), or
    the first creator where none is marked a writer. A name written as it is sorted ("Holloway, Wren")
    is read in its order ("Wren Holloway") where the book says so (see :func:`_natural_order`)."""
    creators = [el for el in opf.iterfind(".//dc:creator", _NS) if (el.text or "").strip()]
    roles = {
        (meta.get("refines") or "").lstrip("#"): (meta.text or "").strip().lower()
        for meta in opf.iterfind(".//opf:metadata/opf:meta[@property='role']", _NS)
    }
    sort_names = {
        (meta.get("refines") or "").lstrip("#"): (meta.text or "").strip()
        for meta in opf.iterfind(".//opf:metadata/opf:meta[@property='file-as']", _NS)
    }
    named = _page_search(pages or [])
    authors = [
        el
        for el in creators
        if (el.get(f"{{{_NS['opf']}}}role") or roles.get(el.get("id") or "") or "aut").strip().lower() == "aut"
    ]
    names: list[str] = []
    for el in authors or creators[:1]:
        name = el.text.strip()
        if authors:
            name = _natural_order(name, el.get(f"{{{_NS['opf']}}}file-as") or sort_names.get(el.get("id") or ""), named)
        if name not in names and not _placeholder(name, title=False):
            names.append(name)
        if len(names) > MAX_WRITERS:
            break  # the header names three and "others": thousands of creators were each looked for in the pages
    return " & ".join(names[:MAX_WRITERS]) + (" & others" if len(names) > MAX_WRITERS else "") if names else None


MAX_WRITERS = 3  # an anthology's creators are not all named in a chapter header
_NAME_PAGES = 3  # the book's first documents, where its title page names the writer
# A name as a catalogue sorts it, "Holloway, Wren" or "Le Guin, Ursula K.": a surname, a comma, given names.
_SORTED_NAME = re.compile(
    r"(?P<last>[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,2}), (?P<first>[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,2})"
)


_NAME_SEARCHES = 8  # names looked for in the first pages, at most: a header shows three writers


def _page_search(pages: list[tuple[str, bytes]]) -> Callable[[bytes], bool]:
    """Whether the book's first pages hold a (case-folded) name: the pages lower-cased once, the first
    time one is asked, and each name looked for once; past :data:`_NAME_SEARCHES` names, none is found
    (a name is then shown as written). Lower-cased again for each creator, an EPUB of 20,000 sorted
    names over megabytes of pages took a minute."""
    lowered: list[bytes] = []
    asked: dict[bytes, bool] = {}

    def named(folded: bytes) -> bool:
        if folded not in asked:
            if len(asked) >= _NAME_SEARCHES:
                return False
            if not lowered:
                lowered.extend(xhtml.lower() for _, xhtml in pages)
            asked[folded] = any(folded in page for page in lowered)
        return asked[folded]

    return named


def _natural_order(name: str, sort_name: str | None, named: Callable[[bytes], bool]) -> str:
    """ "Holloway, Wren" as "Wren Holloway", where the book says the name is sorted so: its own
    sort form (``opf:file-as``, or EPUB 3's ``file-as`` meta) is the same, or its first pages name
    "Wren Holloway". Shown as it was, the sorted form named the author in every chapter header; a
    creator naming two people ("Holloway, Marsh") is not turned without such a word."""
    found = _SORTED_NAME.fullmatch(name)
    if found is None:
        return name
    natural = f"{found.group('first')} {found.group('last')}"
    if sort_name is not None and sort_name.strip() == name:
        return natural
    if named(natural.casefold().encode()):  # see :func:`_page_search`
        return natural
    return name


# What a converter writes where the document named no author or title: calibre's "Unknown", Word's
# "Microsoft Word - draft.docx", a file's own name ("salt_road_FINAL_v3"), and the computer's account
# Word and Pages set as a document's author where its writer set none ("Microsoft Office User" on a
# Mac, "Windows User", "Owner"). Shown as the story's author or title, it hid the title page's own lines.
_PLACEHOLDERS = frozenset(
    [
        *("unknown", "unknown author", "untitled", "untitled document", "document", "author", "user"),
        *("microsoft office user", "office user", "windows user", "owner", "admin", "administrator"),
    ]
)
_FILE_NAME = re.compile(
    r"^(?:microsoft word - .*|.*\.(?:docx?|odt|rtf|txt|pages|html?)|\S*_\S*|document\d*)$", re.IGNORECASE
)


def _placeholder(value: str, *, title: bool) -> bool:
    return value.casefold() in _PLACEHOLDERS or (title and _FILE_NAME.match(value) is not None)


def read_epub(data: bytes, filename: str, *, max_bytes: int, max_chapters: int = DEFAULT_MAX_CHAPTERS) -> Story:
    archive = _open(data, max_bytes)
    with archive.zip:
        book = _read_book(archive, max_chapters)
    if not book.documents:
        raise StoryFormatError("The EPUB has no readable chapters; export it again.")
    soups = [make_soup(xhtml) for _, xhtml in book.documents]
    if any(is_ao3(soup) for soup in soups):
        combined = new_soup("<html><body></body></html>")
        for soup in soups:
            body = soup.body or soup
            for child in list(body.children):
                combined.body.append(child.extract())
        undo_calibre_classes(combined)
        story = parse_ao3(combined, filename, "epub", max_chapters=max_chapters)
    else:
        for soup in soups:
            drop_header(soup)  # a Project Gutenberg book's: the package names it, the licence notice goes
        move_notes_across([(href, soup) for (href, _), soup in zip(book.documents, soups, strict=True)], _locate)
        story = _generic(book, soups, filename, max_chapters)
        if book.title and _from_forum_thread(book.title, soups[:2]):
            untag_thread_title(story)
    check_story_text(story, max_bytes)
    return story


# A forum thread's address (XenForo: SpaceBattles, Sufficient Velocity, Questionable Questing).
_THREAD_ADDRESS = re.compile(r"^https?://[^/]+/threads/", re.IGNORECASE)


def _from_forum_thread(title: str, soups: list[BeautifulSoup]) -> bool:
    """A book made from a forum thread (FanFicFare's): its title page links the book's title to a
    thread's address. Its title then carries the thread's tag ("Tide Runner (Worm AU)"), which was
    kept as the story's title though the same thread saved as a page or copied as text drops it."""
    folded = " ".join(title.split()).casefold()
    return any(
        _THREAD_ADDRESS.match(str(link.get("href") or "")) and " ".join(link.get_text(" ").split()).casefold() == folded
        for soup in soups
        for link in islice(soup.find_all("a", href=True), 20)
    )


@dataclass(slots=True)
class _Doc:
    """One spine document, read into items, with the measures front matter is judged by."""

    href: str
    body: Tag
    items: list[Item]
    words: int
    link_words: int  # words inside links to the book's own documents
    links: int  # such links
    cuts: list[tuple[int, str]] = field(default_factory=list)  # (item index, TOC anchor) where a chapter starts
    head_title: str = ""  # the document's own <title>, where a converter left a chapter's title and nowhere else

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
        return _opens_with_heading(self.items)


@dataclass(slots=True)
class _Part:
    """A stretch of one document that may start a chapter: the whole document, or from a TOC anchor on."""

    href: str
    anchor: str | None  # None: from the document's start
    items: list[Item]

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.href, self.anchor)


def _opens_with_heading(items: list[Item]) -> bool:
    first = next((item for item in items if not isinstance(item, Para) or item.text), None)
    return isinstance(first, Heading)


_CUT = "\ue000"  # a private-use character: opens the marker paragraph put where a TOC anchor points
# Elements whose text is read whole: a marker put inside one would become part of its text.
_READ_WHOLE = frozenset(["p", "li", "dt", "dd", "figcaption", "summary", "pre", "h1", "h2", "h3", "h4", "h5", "h6"])
_MAX_CLIMB = 40  # an anchor deeper than this inside inline markup is not used to split


def _read_doc(href: str, soup: BeautifulSoup, spine: set[str], anchors: list[str] | None = None) -> _Doc:
    body = soup.body or soup
    _drop_apparatus(soup, body)
    base = posixpath.dirname(href)
    links = 0
    link_words = 0
    for link in body.find_all("a", href=True):
        if _resolve(base, str(link["href"])) in spine:
            links += 1
            link_words += len(link.get_text().split())
    marked = _mark_anchors(soup, body, anchors or [])
    items: list[Item] = []
    cuts: list[tuple[int, str]] = []
    for item in html_items(body):
        if marked and isinstance(item, Para) and item.text.startswith(_CUT) and item.text[1:].isdigit():
            index = int(item.text[1:])
            if index < len(marked):
                cuts.append((len(items), marked[index]))
                continue
        items.append(item)
    words = sum(
        len((item.raw if isinstance(item, Heading) else item.text).split())
        for item in items
        if not isinstance(item, SceneBreak)
    )
    head = soup.head.title if soup.head is not None else None
    head_title = " ".join(head.get_text().split())[:_MAX_TITLE] if head is not None else ""
    return _Doc(href, body, items, words, link_words, links, cuts, head_title)


def _drop_apparatus(soup: BeautifulSoup, body: Tag) -> None:
    """Pandoc's section numbers ("1 The Festival") and footnote back-links ("↩︎") are not the author's text,
    and a block marked as the author's note is the chapter's note (see :func:`label_author_notes`)."""
    for span in body.find_all("span", class_="header-section-number"):
        span.decompose()
    abstract_summary(body)  # Pandoc's abstract on its title page: the book's summary
    space_heading_labels(body)  # Vellum's "<span class="chapter-number">Two</span><span ...>Salt</span>"
    chapter_title_blocks(body)  # InDesign's <p class="Chapter-Title">
    drop_cap_images(body)
    text_image_lines(body)  # a map or a letter inside a chapter: its "[Image: alt]" line, as a page's
    label_author_notes(soup, body)
    drop_back_links(body)


def _mark_anchors(soup: BeautifulSoup, body: Tag, anchors: list[str]) -> list[str]:
    """Put a marker paragraph before the block each TOC anchor points at; returns the anchors by marker number.

    The elements are found in one pass over the document, whatever the number of anchors.
    """
    if not anchors:
        return []
    wanted = set(anchors)
    found: dict[str, Tag] = {}
    for tag in body.find_all(True):
        for name in (tag.get("id"), tag.get("name") if tag.name == "a" else None):
            if isinstance(name, str) and name in wanted and name not in found:
                found[name] = tag
    marked: list[str] = []
    used: set[int] = set()
    for anchor in anchors:
        tag = found.get(anchor)
        block = _block_start(tag, body) if tag is not None else None
        if block is None or id(block) in used:
            continue
        used.add(id(block))
        marker = soup.new_tag("p")
        marker.string = f"{_CUT}{len(marked)}"
        block.insert_before(marker)
        marked.append(anchor)
    return marked


def _block_start(tag: Tag, body: Tag) -> Tag | None:
    """The block element an anchor opens, one whose parent is walked block by block; None for the body itself."""
    node = tag
    for _ in range(_MAX_CLIMB):
        parent = node.parent
        if node is body or parent is None:
            return None
        if node.name in BLOCKS and (parent is body or (parent.name in BLOCKS and parent.name not in _READ_WHOLE)):
            return node
        node = parent
    return None


def _parts(doc: _Doc) -> list[_Part]:
    """The document cut at its TOC anchors; empty stretches are left out."""
    parts: list[_Part] = []
    starts = [(0, None), *doc.cuts]
    for position, (start, anchor) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(doc.items)
        chunk = doc.items[start:end]
        if any(isinstance(item, (Para, Heading)) for item in chunk):
            parts.append(_Part(doc.href, anchor, chunk))
    return parts


def _cut_anchors(toc: list[_TocEntry]) -> dict[str, list[str]]:
    """The anchors a chapter starts at, by document: the TOC's entries into a document, at the
    document's top level in the TOC. Entries nested under another entry for the same document
    (Pandoc lists a chapter's sections under it) are sections, not chapters."""
    top: dict[str, int] = {}
    for entry in toc:
        top[entry.href] = min(top.get(entry.href, entry.depth), entry.depth)
    anchors: dict[str, list[str]] = {}
    for entry in toc:
        if entry.anchor and entry.depth == top[entry.href]:
            anchors.setdefault(entry.href, []).append(entry.anchor)
    return anchors


def _generic(book: _Book, soups: list[BeautifulSoup], filename: str, max_chapters: int) -> Story:
    """Each spine document (or each stretch of one the TOC points at) is a chapter, unless it is
    front or back matter or continues the chapter before it.

    A part's opening heading titles it; a part the TOC lists that opens with no heading takes its
    title from the TOC; text before a document's first heading continues the chapter before it when
    the book marks its chapters some other way (see :func:`_continues`). The metadata a title or
    introduction page lists ("Rating: Mature") is read as the story's, as a text file's preamble is.
    """
    items = _package_items(book)
    book_notes = pair_notes_across(soups)  # a "Notes" document called by number: the callers' notes
    spine = {href for href, _ in book.documents}
    anchors = _cut_anchors(book.toc)
    docs = [
        _read_doc(href, soup, spine, anchors.get(href)) for (href, _), soup in zip(book.documents, soups, strict=True)
    ]
    docs = _works_under_title_pages(docs, book)
    docs, back_pages = _without_back_warnings(docs, book)
    docs, front, pages = _without_front_matter(docs, book)
    items.extend(_front_matter_fields(front, book))
    docs = _without_back_matter(docs, book)
    lists: list[WarningLists] = []
    items.extend(_front_page_items(pages + back_pages, lists))
    items.extend(Para(f"A/N: {note}") for note in book_notes)
    parts = [part for doc in docs for part in _parts(doc)]
    titles = _toc_titles(book, parts) or _head_titles(book, docs, parts)
    split = _split_continuations(docs)
    by_headings = sum(doc.has_heading for doc in docs) >= sum(not doc.has_heading for doc in docs)
    per_file = not titles and len(parts) >= 2 and all(_one_top_heading(part.items) for part in parts)
    started = False
    for part in parts:
        part_items = _declarations_under_heading(part.items) if started else part.items
        if started and part.key not in titles and _continues(part, titles, split, by_headings=by_headings):
            lead, part_items = _lead(part_items)
            items.extend(lead)
            if not part_items:
                continue
        if not started:
            part_items, fields = _without_title_block(part_items, book, last=part is parts[-1])
            items.extend(fields)
            lead, part_items = _declarations_over_heading(part_items)
            items.extend(lead)  # "TW: war" over chapter one's heading, in its file: the book's, as a header's
            if not part_items:
                continue
        started = True
        part_items = _part_page_notes(part_items)
        items.extend(_chapter_items(part_items, titles.get(part.key), sections=part.key in titles or per_file))
    story = build_story(titles_from_next_line(items), filename, "epub", max_chapters=max_chapters)
    for found in lists:
        give_warning_lists(story, found)
    return story


def _works_under_title_pages(docs: list[_Doc], book: _Book) -> list[_Doc]:
    """An anthology's works, each behind a page of its own that gives only its title and its
    author ("The Salt Wife" / "Kestrel Ames"): each such page heads the document after it as a part's
    page does, its title the work's first chapter's (a heading there repeating it is dropped), its
    author that chapter's note. Left as they were, the pages became chapters of one name, or, having
    no paragraph, were dropped with the works' titles. Only where two such pages at least stand
    before text: one lone heading page is a novel's own."""
    pages = [
        (index, page)
        for index, doc in enumerate(docs[:-1])
        if (page := _work_title_page(doc.items, book)) is not None and docs[index + 1].has_text
    ]
    if len(pages) < _WORK_PAGES:
        return docs
    heads = {index: page for index, page in pages}
    kept: list[_Doc] = []
    for index, doc in enumerate(docs):
        if index in heads:
            continue
        if index - 1 in heads:
            doc = _headed_by(doc, *heads[index - 1])
        kept.append(doc)
    return kept


_WORK_PAGES = 2  # work title pages that make a book an anthology of them
_WORK_AUTHOR_WORDS = 4  # words of an author's name alone on a work's title page


def _work_title_page(items: list[Item], book: _Book) -> tuple[Heading, str | None] | None:
    """A work's title page: a heading that is no chapter's label and not the book's title, and at
    most an author's line under it ("by Kestrel Ames", or the name alone); its heading and author."""
    shown = [item for item in items if isinstance(item, Heading) or (isinstance(item, Para) and item.text.strip())]
    if not 1 <= len(shown) <= 2 or not isinstance(shown[0], Heading):
        return None
    heading = shown[0]
    name = (heading.title or heading.raw).strip()
    if heading.kind in ("chapter", "part", "named") or not name or name.casefold() == (book.title or "").casefold():
        return None
    if len(shown) == 1:
        return heading, None
    line = (shown[1].raw if isinstance(shown[1], Heading) else shown[1].text).strip()
    author = by_line_author(line)
    if author is None and len(line.split()) <= _WORK_AUTHOR_WORDS and name_like(line) and author_like(line):
        author = line
    return (heading, author) if author else None


def _headed_by(doc: _Doc, heading: Heading, author: str | None) -> _Doc:
    """``doc`` with a work's title page over it: its title a part heading, its author a note under it,
    and a heading opening ``doc`` that only repeats the title dropped."""
    title = (heading.title or heading.raw).strip()
    items = list(doc.items)
    first = next((index for index, item in enumerate(items) if not isinstance(item, Para) or item.text.strip()), None)
    dropped = None
    if first is not None and isinstance(items[first], Heading):
        opening = items[first]
        if (opening.title or opening.raw).strip().casefold() == title.casefold():
            dropped = first
            del items[first]
    head: list[Item] = [Heading(title, "part", heading.level, heading.raw)]
    if author:
        head.append(Para(f"by {author}", note=True))
    cuts = [(index - (dropped is not None and index > dropped) + len(head), anchor) for index, anchor in doc.cuts]
    return replace(doc, items=[*head, *items], cuts=cuts)


def _part_page_notes(items: list[Item]) -> list[Item]:
    """A part's page ("Part One" / "The Coast") whose only text is an epigraph or a dedication: that
    text as notes, so the part heads its first chapter with them instead of being a chapter of two
    quoted lines."""
    headings = [item for item in items if isinstance(item, Heading)]
    texts = [item.text for item in items if isinstance(item, Para) and item.text.strip()]
    if not headings or headings[0].kind != "part":
        return items
    if not texts:
        return [_part_heading(headings)] if _part_page(items) and len(headings) > 1 else items
    pages = unmarked_front_pages(texts)
    if pages is None:
        return items
    notes = [Para(front_page_note(label, lines), note=True) for label, lines in pages]
    return [_part_heading(headings), *notes]


def _part_page(items: list[Item]) -> bool:
    """Whether a document is a part's page and nothing else: "Part One" (over its title, "Roots"),
    headings only. Left out as a page with no text, the part was lost: a text file's "PART ONE" /
    "Roots" over "Chapter 1" heads that chapter ("Part One: Roots — The Gate"), the EPUB's did not."""
    headings = [item for item in items if isinstance(item, Heading)]
    return (
        bool(headings)
        and headings[0].kind == "part"
        and len(headings) <= _PART_PAGE_HEADINGS
        and all(isinstance(item, (Heading, SceneBreak)) for item in items)
        and all(heading.kind not in ("chapter", "named") for heading in headings[1:])
    )


_PART_PAGE_HEADINGS = 3  # a part's label, its title and a subtitle at most


def _part_heading(headings: list[Heading]) -> Heading:
    """A part page's headings as one part heading, named as a text file's part line names it: its
    label and the title under it, "Part One: Roots" (a part titled already, "Part One: Roots",
    keeps a subtitle after a dash)."""
    part, *named = headings
    words = [heading.title or heading.raw for heading in named]
    own = part.title or part.raw
    if words and ":" not in own:
        own, words = f"{own}: {words[0]}", words[1:]
    title = " — ".join(filter(None, [own, *words]))
    return Heading(title, "part", part.level, part.raw, lesser=part.lesser)  # a part's title under it


def _package_items(book: _Book) -> list[Item]:
    """The package's title, author and description, as the preamble lines a text file would open with."""
    items: list[Item] = []
    if book.title:
        items.append(Para(f"Title: {book.title}", 0))
    if book.author:
        items.append(Para(f"Author: {book.author}", 0))
    if book.description:
        description = _description_text(book.description)
        if description:
            items.append(Para(f"Summary: {description}", 0))
    # A subject that declares a warning ("Content Warning: Suicide", as an indie book's metadata lists
    # them for the stores): read as a title page's line. Other subjects ("Fiction / Literary") say nothing.
    items.extend(Para(subject, 0) for subject in book.subjects[:_SUBJECTS_MOST] if declaration_line(subject))
    return items


_SUBJECTS_MOST = 100


def _description_text(markup: str) -> str:
    """The package's description as one line, its paragraphs (``<p>Kael audits dungeons.</p><p>Updates
    MWF.</p>``, as FicHub and calibre store a site's blurb) set apart by a space: their text ran
    together ("dungeons.Updates")."""
    soup = make_soup(markup)
    lines = [item.text for item in html_items(soup, headings=False) if isinstance(item, Para) and item.text]
    return " ".join(" ".join(lines).split()) if lines else element_text(soup)


def _lead(items: list[Item]) -> tuple[list[Item], list[Item]]:
    """The items before the first heading, and the rest."""
    first = next((index for index, item in enumerate(items) if isinstance(item, Heading)), len(items))
    return items[:first], items[first:]


def _chapter_items(items: list[Item], toc_title: str | None, *, sections: bool) -> list[Item]:
    """A chapter's items, opening with its heading.

    With ``sections`` (the TOC, or the spine, shows one chapter per part), a part opening with its
    one top-level heading keeps lower headings that name no chapter ("Later") as lines of its text,
    each opening a scene.
    Headings that label the chapter's notes, warnings or text (``<h3>Author's Note</h3>``,
    ``<h3>Story</h3>``) are sections of it (:func:`bot.story.note_headings.note_sections`), not
    chapters; a part the TOC titles that opens with such a heading takes the TOC's title.
    """
    opening = next((item for item in items if isinstance(item, Heading)), None)
    if opening is not None and toc_title is not None and (declared := _toc_declarations(toc_title, opening)):
        # "2. The Jetty (TW: suicide attempt)" in the contents over a chapter headed "The Jetty": the
        # contents' warning is the chapter's, read as a line opening it
        at = items.index(opening) + 1
        items = [*items[:at], *(Para(warning, 0) for warning in declared), *items[at:]]
    if opening and heading_label(opening) and toc_title is not None and _words(toc_title) != _words(opening.raw):
        return _note_sections([_toc_heading(toc_title), *_without_echo(items, toc_title)], sections=sections)
    if opening and opening.title is None and opening.kind == "chapter" and toc_title is not None:
        named = match_heading(toc_title, markdown=False)  # "<h1>Chapter 1</h1>" listed as "Chapter 1: Low Water"
        if named is not None and named.number is not None and named.number == opening.number:
            opening.title = named.title
            items = _without_title_under(items, opening)
        elif (
            (named is None or named.kind == "markdown")
            and lone_number(opening.raw.lstrip("#"))
            and _words(toc_title) != _words(opening.raw)
        ):
            opening.title = toc_title  # "<h2>1</h2>" listed as "1. Departure" (its number gone): "Departure"
            items = _without_title_under(items, opening)
    if _opens_with_heading(items):
        read = _note_sections(items, sections=sections)
        if any(isinstance(item, Heading) for item in read):  # one left with no heading at all is read as before
            items = read
        first = next(item for item in items if isinstance(item, Heading))
        top = first.level
        if sections and _one_top_heading(items):
            items = _section_lines(items, first, top)
        first.level = 1
        for item in items[items.index(first) + 1 :]:
            if isinstance(item, Heading):
                item.level = 1 if item.level == top else max(item.level, 2)
        return items
    if toc_title is not None:
        heading = _toc_heading(toc_title)
        return _note_sections([heading, *_without_echo(items, toc_title)], sections=sections)
    return _note_sections([Heading(None, "document", 1, "section"), *items], sections=sections)


def _declarations_over_heading(items: list[Item]) -> tuple[list[Item], list[Item]]:
    """The declaration lines a part sets before its first heading ("TW: war, death of a sibling." in
    a ``<section epub:type="preamble">`` over the chapter's heading), and the rest: read as a chapter
    of their own with no title, they declared nothing. Nothing taken where anything else stands
    before the heading, or no heading follows."""
    at = next((index for index, item in enumerate(items) if isinstance(item, Heading)), None)
    if not at:
        return [], items
    lead = items[:at]
    if not all(isinstance(item, Para) and declaration_line(item.text) for item in lead):
        return [], items
    return [Para(item.text, 0) for item in lead if isinstance(item, Para)], items[at:]


def _declarations_under_heading(items: list[Item]) -> list[Item]:
    """A part's items with the declaration lines over its first heading moved under it: a chapter's
    warning set over its heading in its file is the chapter's, opening it (read before it, it was
    the previous chapter's)."""
    lead, rest = _declarations_over_heading(items)
    if not lead:
        return items
    return [rest[0], *lead, *rest[1:]]


def _toc_declarations(toc_title: str, opening: Heading) -> list[str]:
    """The warnings a chapter's entry in the contents declares after its title ("The Jetty (TW: suicide
    attempt)") where its heading in the text declares none: the contents alone carried them."""
    declared, _ = title_declarations(toc_title)
    if not declared or title_declarations(opening.raw)[0]:
        return []
    return declared


def _without_title_under(items: list[Item], opening: Heading) -> list[Item]:
    """The items without the title set under the chapter's number (``<h2>Chapter One</h2><h3>Salt</h3>``)
    when the TOC gave the chapter that title already: it was the chapter's first line as well."""
    at = items.index(opening)
    under = items[at + 1] if at + 1 < len(items) else None
    text = (
        under.raw.lstrip("#").strip() if isinstance(under, Heading) else under.text if isinstance(under, Para) else ""
    )
    if opening.title and text and _words(text) == _words(opening.title):
        return items[: at + 1] + items[at + 2 :]
    return items


def _note_sections(items: list[Item], *, sections: bool) -> list[Item]:
    """The part's note headings read as sections; a part that is one chapter (``sections``) has no
    separate title heading, so its level-one heading is the chapter's."""
    return note_sections(items, title_heading=not sections)


def _section_lines(items: list[Item], first: Heading, top: int) -> list[Item]:
    """Headings under the chapter's ``first`` that name no chapter as lines of its text.

    One after the chapter's text (Pandoc's "2.1 The hotel") opens a new scene, its title the
    scene's first line: read as a plain line, the section ran on from the text above it as if it
    were a sentence of it. One right under the chapter's heading is the line its title is read from.
    """
    out: list[Item] = []
    text = False
    for item in items:
        if item is not first and isinstance(item, Heading) and item.kind == "markdown" and item.level > top:
            out.extend([SceneBreak(item.raw), Para(item.raw)] if text else [Para(item.raw)])
            continue
        text = text or (isinstance(item, Para) and bool(item.text))
        out.append(item)
    return out


def _one_top_heading(items: list[Item]) -> bool:
    """Opens with a heading, and no other heading is as high as it; a "Part Two" heading holds chapters."""
    if not _opens_with_heading(items):
        return False
    headings = [item for item in items if isinstance(item, Heading)]
    return headings[0].kind != "part" and all(item.level > headings[0].level for item in headings[1:])


_ECHO_MAX_WORDS = 8
_NUMBER_LINE = re.compile(r"^(?:\d{1,4}|[IVXLCDM]{1,8}|[ivxlcdm]{1,8})\.?$")  # a chapter's number set above its title


def _without_echo(items: list[Item], label: str) -> list[Item]:
    """The part without the lines that only repeat its TOC title ("One" / "The Orchard" under
    "Chapter One: The Orchard"), nor a later heading that does."""
    words = _words(label)
    index = 0
    while index < min(len(items), 3):
        item = items[index]
        if not isinstance(item, Para) or not (_echoes(_words(item.text), words) or _NUMBER_LINE.match(item.text)):
            break
        index += 1
    rest = items[index:]
    if rest and isinstance(rest[0], Heading) and _words(rest[0].raw) == words:
        rest = rest[1:]
    return rest


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _echoes(part: list[str], whole: list[str]) -> bool:
    """Whether ``part`` is a short run of the words of ``whole``, in order."""
    if not part or len(part) > _ECHO_MAX_WORDS:
        return False
    return any(whole[start : start + len(part)] == part for start in range(len(whole) - len(part) + 1))


def _continues(part: _Part, titles: dict[tuple[str, str | None], str], split: set[str], *, by_headings: bool) -> bool:
    """Whether the text before a part's first heading goes on with the chapter before it.

    Calibre and AO3 split a long chapter over several files, and only the first opens with the
    heading; a file may also end with the next chapter's start. So a part the TOC does not list
    continues the chapter before it when its file name says it was split from the same source
    file, when the TOC lists the chapters and not this part, or (with no usable TOC) when most of
    the book's documents carry headings. A book whose documents carry no headings and that has no
    TOC keeps one chapter per document.
    """
    if part.key in titles or _opens_with_heading(part.items):
        return False
    if (part.anchor is None and part.href in split) or titles:
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


def _toc_titles(book: _Book, parts: list[_Part]) -> dict[tuple[str, str | None], str]:
    """The TOC's chapter titles by part, when it lists two or more of the parts kept.

    A contents list numbering every chapter ("1. Aftermath", as FicHub writes it) gives the titles
    without the numbers (see :func:`bot.story.structure.series_titles`). An entry that only repeats its file's name or id, or the entry before it (a chapter split
    over two files and listed twice), names no chapter. An entry pointing inside a document where
    no part starts names the document's start, unless it is nested under another entry for it.
    """
    kept = {part.key for part in parts}
    top: dict[str, int] = {}
    for entry in book.toc:
        top[entry.href] = min(top.get(entry.href, entry.depth), entry.depth)
    titles: dict[tuple[str, str | None], str] = {}
    previous = ""
    for entry in book.toc:
        key = entry.label.casefold()
        if not key or key == previous or _mechanical(key, entry.href, book.ids.get(entry.href)):
            continue
        previous = key
        part = (entry.href, entry.anchor)
        if part not in kept:
            if entry.depth > top[entry.href]:
                continue
            part = (entry.href, None)
        if part in kept and part not in titles:
            titles[part] = entry.label[:_MAX_TITLE]
    if len(titles) < 2:
        return {}
    unnumbered = series_titles(list(titles.values()))
    return dict(zip(titles, unnumbered, strict=True)) if unnumbered else titles


def _head_titles(book: _Book, docs: list[_Doc], parts: list[_Part]) -> dict[tuple[str, str | None], str]:
    """Where the TOC names no chapter and no document has a heading, each document's ``<title>``, when
    every one differs from the others and from the book's title: a converter's book with a chapter's
    title in its ``<title>`` and nowhere else (the chapters were "Chapter 1, 2, 3" with the titles lost).
    A ``<title>`` repeating the book's title, a file's name or a placeholder on every page names nothing."""
    if len(docs) < 2 or len(parts) != len(docs) or any(doc.has_heading for doc in docs):
        return {}
    names = [doc.head_title for doc in docs]
    folded = [name.casefold() for name in names]
    book_title = (book.title or "").casefold()
    if len(set(folded)) != len(folded) or any(
        not name or name == book_title or _placeholder(name, title=True) or _mechanical(name, doc.href, None)
        for name, doc in zip(folded, docs, strict=True)
    ):
        return {}
    unnumbered = series_titles(names)
    return {(doc.href, None): name for doc, name in zip(docs, unnumbered or names, strict=True)}


def _mechanical(key: str, href: str, manifest_id: str | None) -> bool:
    name = posixpath.basename(href).casefold()
    return key in (name, posixpath.splitext(name)[0], (manifest_id or "").casefold())


def _toc_labels(book: _Book) -> dict[str, str]:
    """Each document's first TOC label, folded for matching."""
    labels: dict[str, str] = {}
    for entry in book.toc:
        labels.setdefault(entry.href, entry.label.casefold())
    return labels


_Page = tuple[str, list[str]]  # ("Dedication" or "Epigraph", its lines)


def _without_front_matter(docs: list[_Doc], book: _Book) -> tuple[list[_Doc], list[_Doc], list[_Page]]:
    """The documents with text, less front matter; all of them if every one looks like front matter.

    Also returns the front matter before the story's start, whose metadata the story takes, and
    the dedications and epigraphs there (see :func:`_front_page`), which the story keeps as notes.
    """
    # (a page of warnings by chapter, its "Chapter 2: drowning" entries read as headings, has no paragraph)
    docs = [
        doc
        for index, doc in enumerate(docs)
        if doc.has_text
        or _listed_warnings_page(doc) is not None
        or (_part_page(doc.items) and any(later.has_text for later in docs[index + 1 : index + 2]))
    ]
    if len(docs) < 2:
        return docs, [], []
    labels = _toc_labels(book)
    kept: list[_Doc] = []
    front: list[_Doc] = []
    pages: list[_Page] = []
    for doc in docs:
        label = labels.get(doc.href, "")
        if _is_front_matter(doc, book, label, opening=not kept):
            if not kept:
                front.append(doc)
        elif not kept and (page := _front_page(doc, book, label)) is not None:
            pages.extend(page)
        elif not kept and (page := _copyright_and_front_page(doc)) is not None:
            pages.extend(page)  # its notice goes as a copyright page does, its dedication is a note
        else:
            kept.append(doc)
    return (kept, front, pages) if kept else (docs, [], [])


_FRONT_PAGE_TYPES = {"dedication": DEDICATION, "epigraph": EPIGRAPH, "dramatis-personae": CAST}


def _front_page(doc: _Doc, book: _Book, toc_label: str) -> list[_Page] | None:
    """A dedication or an epigraph before the first chapter: not a chapter, since the book does
    not number it, so its lines become the story's notes (as a text file's would, see
    :func:`bot.story.front_pages.split_front_pages`) and the chapters count as the book does.

    Marked so by the package (``epub:type``, the guide, the landmarks), its TOC entry or its own
    heading; or, unmarked and with no heading, holding only a dedication ("For my grandmother")
    or a quotation with its attribution. Never a page with a chapter heading ("Foreword" is one:
    forewords and prefaces stay chapters, prose a club may read) nor one with a chapter's worth
    of text, whatever it is marked: losing story text is the worst outcome.
    """
    if doc.prose_words >= _FRONT_MATTER_MAX_WORDS:
        return None
    if (listed := _listed_warnings_page(doc)) is not None:
        return [listed]
    if _has_chapter_heading(doc):
        return None
    kinds = book.marks.get(doc.href, set()) | _own_types(doc.body)
    label = next((name for kind, name in _FRONT_PAGE_TYPES.items() if kind in kinds), None) or front_label(toc_label)
    items = [item for item in doc.items if not isinstance(item, SceneBreak)]
    if items and isinstance(items[0], Heading) and front_label(items[0].raw):
        label = label or front_label(items[0].raw)
        items = items[1:]
    elif items and isinstance(items[0], Heading) and _note_page_label(items[0].raw):
        label = label or items[0].raw  # "Content Warnings", "A Note from the Author": the story's
        items = items[1:]
    if label is None and (named := _warnings_label(items, toc_label)) is not None:
        label, items = named  # InDesign's <p class="Front-Heading">Content Warnings</p>: a label set as a paragraph
    if label is None and (content := _content_note_page(items)) is not None:
        return [content]
    if any(isinstance(item, Heading) for item in items):
        return None  # a heading besides "Dedication" (an untitled "The Tide Table"): the first chapter's
    lines = [item.text for item in items if isinstance(item, Para) and item.text.strip()]
    if label is not None:
        return [(label, lines)] if lines else None
    return unmarked_front_pages(lines)


def _content_note_page(items: list[Item]) -> _Page | None:
    """A page before chapter one under a heading of its own ("Before You Begin", "Please Read")
    whose every paragraph only says what the book holds ("This book contains depictions of
    miscarriage and grief. If these topics are difficult for you, please take care."): the book's
    content note. Read as a chapter, it declared nothing and every chapter number was one too high."""
    if len(items) < 2 or not isinstance(items[0], Heading) or not all(isinstance(item, Para) for item in items[1:]):
        return None
    lines = [item.text for item in items[1:] if isinstance(item, Para) and item.text.strip()]
    declaring = [line for line in lines if declares_only(line)]
    # A request closing the note in a paragraph of its own ("Please read with care.") is the note's.
    if not declaring or not all(line in declaring or _CARE.fullmatch(line.strip()) for line in lines):
        return None
    return (items[0].raw, lines)


def _without_back_warnings(docs: list[_Doc], book: _Book) -> tuple[list[_Doc], list[_Page]]:
    """The documents less the pages of warnings after the story (a book's "Content Warnings" at the
    back, where a spoiler-shy author puts them, "by chapter" or not, among the back matter), which
    declare them as they would before chapter one, and its author's note there (:func:`_back_note_page`). Their "Chapter 2: drowning" lines were read as
    chapter headings with nothing under them, the page as one with no text, and dropped: no
    chapter carried its warnings."""
    labels = _toc_labels(book)
    taken: dict[int, _Page] = {}
    for index in range(len(docs) - 1, 0, -1):  # from the end, past the back matter, up to the story
        doc = docs[index]
        if (page := _warnings_page(doc) or _back_note_page(doc)) is not None:
            taken[index] = page
        elif doc.has_text and not (
            _is_marked_back_matter(doc, book) or _is_named_back_matter(doc, book, labels.get(doc.href, ""))
        ):
            break
    kept = [doc for index, doc in enumerate(docs) if index not in taken]
    return kept, [taken[index] for index in sorted(taken)]


_AUTHORS_NOTE = re.compile(r"\bauthor|\ba\.?[ \t]*/[ \t]*n\b|\bend[ \t]+notes?\b", re.IGNORECASE)


def _back_note_page(doc: _Doc) -> _Page | None:
    """A short page after the story headed as the author's note ("Author's Note", "A Note from the
    Author", "End Notes") over paragraphs only: the story's note, as the same page before chapter one
    is. Read as a chapter, a fic's closing thanks was its last chapter, one more than the author's."""
    if doc.prose_words >= _FRONT_MATTER_MAX_WORDS:
        return None
    items = [item for item in doc.items if not isinstance(item, SceneBreak)]
    if len(items) < 2 or not isinstance(items[0], Heading) or _note_page_label(items[0].raw) != NOTES:
        return None
    if not _AUTHORS_NOTE.search(items[0].raw):
        return None  # a last chapter called "Notes" is the story's: a note of the author's names its writer
    if not all(isinstance(item, Para) for item in items[1:]):
        return None
    lines = [item.text for item in items[1:] if isinstance(item, Para) and item.text.strip()]
    return (items[0].raw, lines) if lines else None


def _warnings_page(doc: _Doc) -> _Page | None:
    """A short page headed as the book's warnings ("Content Warnings") over lines of text only."""
    if doc.prose_words >= _FRONT_MATTER_MAX_WORDS:
        return None
    items = [item for item in doc.items if not isinstance(item, SceneBreak)]
    if not items or not isinstance(items[0], Heading) or _note_page_label(items[0].raw) != WARNINGS:
        return None
    # Its "Chapter 2: drowning" lines were read as headings: as lines, they are its entries.
    lines = [item.raw if isinstance(item, Heading) else item.text for item in items[1:] if isinstance(item, Item)]
    lines = [line for line in lines if line.strip()]
    if not lines:
        return None
    if any(isinstance(item, Heading) for item in items[1:]) and page_warning_lists(items[0].raw, lines) is None:
        return None  # a heading that lists nothing: the page is more than a list of warnings
    return (items[0].raw, lines)


def _front_page_items(pages: list[_Page], lists: list[WarningLists]) -> list[Item]:
    """Each dedication or epigraph as a text file sets it out: its label as a heading over its lines;
    a page of warnings or an author's note as the header lines that declare them or note it. A page
    of warnings listed chapter by chapter is added to ``lists``, to be given to those chapters."""
    items: list[Item] = []
    for label, lines in pages:
        kind = _note_page_label(label)
        if kind is not None and (by_chapter := page_warning_lists(label, _without_intro(lines))) is not None:
            lists.append(by_chapter)
        elif kind == WARNINGS:
            items.append(Para(f"{label}: " + ", ".join(line.rstrip(",;") for line in lines), 0))
        elif kind is None and all(declares_only(line) or _CARE.fullmatch(line.strip()) for line in lines):
            # a content note's sentences, read by the preamble; its "Please read with care." says nothing more
            items.extend(Para(line, 0) for line in lines if not _CARE.fullmatch(line.strip()))
        elif kind == NOTES:
            items.extend(Para(f"A/N: {line}", 0) for line in lines)
        else:
            items.append(Heading(label, "markdown", 1, label))
            items.extend(Para(line) for line in lines)
    return items


_LABEL_WORDS = 4


def _warnings_label(items: list[Item], toc_label: str) -> tuple[str, list[Item]] | None:
    """A page's label for the book's warnings set as a paragraph of its own ("Content Warnings"
    in a styled <p>, no heading), or given by its TOC entry, with the page's items under it: read
    as a chapter, its "Suicide, grief, alcoholism." declared nothing."""
    first = items[0] if items else None
    text = first.text.strip() if isinstance(first, Para) else ""
    if (
        text
        and len(items) > 1
        and ":" not in text
        and len(text.split()) <= _LABEL_WORDS
        and _note_page_label(text) == WARNINGS
    ):
        return text, items[1:]
    if toc_label and _note_page_label(toc_label) == WARNINGS:
        return toc_label, items[1:] if text.casefold() == toc_label.strip().casefold() else items
    return None


def _listed_warnings_page(doc: _Doc) -> _Page | None:
    """A page before chapter one under a heading labelling notes or warnings ("Author's Note") that
    lists the warnings chapter by chapter ("Chapter 2: animal death."), a line leading into the list
    or not: its entries were read as chapter headings, the page as chapter one ("none."), and no
    chapter declared anything."""
    items = [item for item in doc.items if not isinstance(item, SceneBreak)]
    if len(items) < 3 or not isinstance(items[0], Heading) or _note_page_label(items[0].raw) is None:
        return None
    lines = [item.raw if isinstance(item, Heading) else item.text for item in items[1:] if isinstance(item, Item)]
    lines = [line for line in lines if line.strip()]
    if page_warning_lists(items[0].raw, _without_intro(lines)) is None:
        return None
    return (items[0].raw, lines)


_INTRO_WORDS = 8


def _without_intro(lines: list[str]) -> list[str]:
    """A page's lines less a short line leading into its list ("Warnings, chapter by chapter:")."""
    if len(lines) > 1 and lines[0].rstrip().endswith(":") and len(lines[0].split()) <= _INTRO_WORDS:
        return lines[1:]
    return lines


def _note_page_label(text: str) -> str | None:
    """WARNINGS or NOTES where a page's heading labels the book's warnings ("Content Warnings",
    "Trigger Warning") or an author's note ("A Note from the Author"): an indie book's page before
    chapter one, which read as a chapter declared nothing and counted the chapters one off."""
    label = heading_label(Heading(text, "markdown", 1, text))
    return label.kind if label is not None and label.kind in (WARNINGS, NOTES) else None


def _is_front_matter(doc: _Doc, book: _Book, toc_label: str, *, opening: bool) -> bool:
    """The apparatus around a story: cover, title page, contents, copyright page, colophon, index.

    What the package says comes first: the ``<guide>`` types, the EPUB 3 landmarks, ``epub:type``
    on the body or its sections, a spine entry marked ``linear="no"`` (reading systems leave it
    out of the reading flow: a cover, or notes reached by links) and a TOC entry named "Cover",
    "Contents" or "Copyright". Failing that, the page's content: mostly links into the book, a
    "Contents" heading over lines that are not prose, copyright and publisher lines, or (only
    before the story starts) nothing but the book's title and author, or an introduction page
    listing the story's metadata (see :func:`_is_intro_page`). A mention of the title or author
    alone never makes a page front matter: a short last chapter may well share the book's title,
    and a chapter of text messages may name it without a sentence in sight.

    Dedications, epigraphs, forewords and afterwords are never dropped, marked or not: they are
    the author's own words, and dropping text cannot be undone (a dedication or epigraph before the
    story is kept as a note, see :func:`_front_page`). And a page with as much text as a real
    chapter is never dropped, whatever it is marked: losing story text is the worst outcome.
    """
    if doc.prose_words >= _FRONT_MATTER_MAX_WORDS:
        return False
    kinds = book.marks.get(doc.href, set()) | _epub_types(doc.body)
    if kinds & _SKIP_TYPES:
        return True
    if toc_label in _FRONT_MATTER_LABELS:
        return not (toc_label in _CONTENTS and _prose_page(doc))
    if _is_toc_page(doc) or _is_copyright_page(doc):
        return True
    return opening and (
        _is_title_page(doc, book)
        or _is_intro_page(doc, book)
        or _headed_front_matter(doc)
        or _summary_page(doc) is not None
    )


def _headed_front_matter(doc: _Doc) -> bool:
    """A page before the story headed with what it is ("Update Log", "Title Page") where the TOC
    does not list it: FanFicFare leaves its log page out of the contents."""
    first = next((item for item in doc.items if isinstance(item, (Heading, Para))), None)
    if not isinstance(first, Heading):
        return False
    return _SPACE.sub(" ", first.raw.casefold()).strip().rstrip(":").strip() in _FRONT_MATTER_HEADINGS


def _summary_page(doc: _Doc) -> str | None:
    """The blurb a page before the story holds under its "Summary" heading ("Description", "Blurb",
    "Synopsis"), as a fic downloader's or a writer's EPUB sets the story's summary on a page of its
    own after the title page: read as a chapter, it was a chapter 1 of the blurb and its stats line.
    Only a short page (a title page's length, less its "Label: value" lines) of paragraphs under
    that one heading; the fields on it are read as the title page's are."""
    first = next((index for index, item in enumerate(doc.items) if isinstance(item, (Heading, Para))), None)
    if first is None or not isinstance(heading := doc.items[first], Heading):
        return None
    if _SPACE.sub(" ", heading.raw.casefold()).strip().rstrip(":").strip() not in _SUMMARY_HEADINGS:
        return None
    if any(isinstance(item, Heading) for item in doc.items[first + 1 :]):
        return None
    fields = _page_fields(doc)
    if sum(len(line.split()) for line in fields.other) > _SUMMARY_PAGE_MAX_WORDS:
        return None
    return " ".join(fields.other) or None


_SUMMARY_HEADINGS = frozenset(["summary", "story summary", "description", "blurb", "synopsis"])
_SUMMARY_PAGE_MAX_WORDS = 150


@dataclass(slots=True)
class _Fields:
    """What a title or introduction page lists: "Label: value" pairs, and its other lines."""

    pairs: list[tuple[str, str]] = field(default_factory=list)  # (parse_field key, "Label: value" line)
    other: list[str] = field(default_factory=list)


def _page_fields(doc: _Doc) -> _Fields:
    """The page's "Label: value" pairs, however it sets them out.

    Table rows and ``<dt>``/``<dd>`` pairs are read as a label paragraph followed by its value
    ("Rating:" then "Mature"; a label there may lack its colon), ``<b>Label:</b> value`` lines as
    they stand; lines after a summary's label go on with the summary.
    """
    fields = _Fields()
    pending: str | None = None  # a label whose value is on the next line
    lines = [line.strip() for item in doc.items if isinstance(item, Para) for line in item.text.split("\n")]
    for line in filter(None, lines):
        parsed = parse_field(line) or (parse_field(f"{line}:") if len(line.split()) <= 3 else None)
        if parsed is not None and parsed[1].strip():
            fields.pairs.append((parsed[0], line))
            pending = None
        elif parsed is not None:
            pending = line.rstrip().rstrip(":").strip()
        elif pending is not None:
            fields.pairs.append((parse_field(f"{pending}:")[0], f"{pending}: {line}"))  # type: ignore[index]
            pending = pending if _is_summary(fields.pairs[-1][0]) else None
        elif fields.pairs and _is_summary(fields.pairs[-1][0]):
            key, text = fields.pairs[-1]
            fields.pairs[-1] = (key, f"{text} {line}")
        else:
            fields.other.append(line)
    return fields


def _is_summary(key: str) -> bool:
    return key in ("summary", "description", "blurb")


_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)


def _is_intro_page(doc: _Doc, book: _Book) -> bool:
    """A page introducing the story: title, by-line, source address and "Label: value" lines
    (FanFicFare's title page, FicHub's introduction, "Rated: Fiction T - English - ... Words: 9,876").

    It names the story (its title, a "by" line or its address) and lists at least one metadata
    line, three such signs in all, with no chapter heading and no more than one short paragraph
    of other text (a summary): a first chapter that opens with a header has more story than that.
    """
    if _has_chapter_heading(doc):
        return False
    fields = _page_fields(doc)
    if not fields.pairs:
        return False
    title = (book.title or "").casefold()
    texts = [
        item.raw if isinstance(item, Heading) else item.text for item in doc.items if isinstance(item, (Heading, Para))
    ]
    named = sum(
        [
            bool(title) and any(title in text.casefold() for text in texts),
            any(by_line_author(line) for line in fields.other),
            any(_URL.match(line) for line in fields.other),
        ]
    )
    other = [
        line for line in fields.other if not (_URL.match(line) or by_line_author(line) or line.casefold() == title)
    ]
    keys = {key for _, line in fields.pairs for key in _line_keys(line)}
    return (
        named >= 1
        and named + len(keys) >= 3
        and sum(len(line.split()) for line in other) <= _TITLE_PAGE_MAX_WORDS
        and sum(_is_prose(line) for line in other) <= 1
    )


def _line_keys(line: str) -> set[str]:
    """The labels a metadata line holds; FanFiction.Net strings several on one ("... - Words: 9,876 - ...")."""
    keys = {parsed[0] for segment in line.split(" - ") if (parsed := parse_field(segment.strip()))}
    return keys or {"field"}


_PACKAGE_KEYS = {"title": "title", "story title": "title", "author": "author", "authors": "author"}


def _front_matter_fields(front: list[_Doc], book: _Book) -> list[Item]:
    """The metadata the pages before the story list, as the preamble lines a text file would open with.

    What the package already gives (title, author, description) is not read twice, and a rating
    as FanFiction.Net writes it ("Fiction T - English - Drama") is cut to the rating ("T"). Where the
    package names no author (or only the computer's account, see :func:`_placeholder`), a title
    page's "by" line names it: Word's EPUB sets the title page's "by Wren Hale" as a paragraph.
    """
    lines: list[str] = []
    titled = bool(book.title)
    for doc in front:
        fields = _page_fields(doc)
        if not titled and (heading := _title_page_heading(doc, book)) is not None:
            lines.append(f"Title: {heading}")
            titled = True
        if not book.author and (named := _by_line_name(doc, fields)) is not None:
            lines.append(f"Author: {named}")
        if not book.description and (blurb := _summary_page(doc)) is not None:
            lines.append(f"Summary: {blurb}")
        for key, line in fields.pairs:
            if (_PACKAGE_KEYS.get(key) == "title" and book.title) or (
                _PACKAGE_KEYS.get(key) == "author" and book.author
            ):
                continue
            if _is_summary(key) and book.description:
                continue
            if key in ("rating", "rated"):
                line = f"Rating: {_rating(line.split(':', 1)[1])}"
            lines.append(line)
    subtitles = [Para(subtitle_note(text), note=True) for doc in front for text in _subtitle_lines(doc)]
    return ([Para("\n".join(lines), 0)] if lines else []) + subtitles


def _title_page_heading(doc: _Doc, book: _Book) -> str | None:
    """The title a title page sets as its first heading, where the package names none of its own (only
    the file's name, "salt_roads_FINAL_v3", which Word and Pandoc set where the writer gave no title: see
    :func:`_placeholder`): the story was titled with the upload's file name. Only a page the package's
    author names (:func:`_is_title_page`), and a heading that is not that author or a "by" line."""
    heading = next((item for item in doc.items if isinstance(item, Heading | Para)), None)
    if not isinstance(heading, Heading) or not _is_title_page(doc, book):
        return None
    text = " ".join(heading.raw.lstrip("#").split())
    if not text or len(text.split()) > _TITLE_HEADING_WORDS or by_line_author(text) is not None:
        return None
    return None if text.casefold() == (book.author or "").casefold() else text


_TITLE_HEADING_WORDS = 16


def _subtitle_lines(doc: _Doc) -> list[str]:
    """A title page's subtitle under the title ("A Novel", Pandoc's "A Novella", "Book Two of the Ember
    Cycle"): left with the page, it was lost."""
    texts = (
        item.raw if isinstance(item, Heading) else item.text for item in doc.items if not isinstance(item, SceneBreak)
    )
    return [text.strip() for text in texts if "\n" not in text.strip() and KIND_LINE.match(trim_ornaments(text))]


_FFN_FICTION = re.compile(r"^(?:fiction|fic)[ \t]+", re.IGNORECASE)


def _rating(value: str) -> str:
    return _FFN_FICTION.sub("", value.split(" - ", 1)[0].strip()).strip()


# What the back of a book holds that is not the story; see _is_back_matter.
_BACK_TYPES = frozenset(
    [
        "acknowledgments",
        "acknowledgements",
        "seriespage",
        "other-credits",
        "credits",
        "contributors",
        "errata",
        "revision-history",
    ]
)
_BACK_MATTER_MAX_WORDS = 1500


def _without_back_matter(docs: list[_Doc], book: _Book) -> list[_Doc]:
    """The documents less the back matter that is not the story: acknowledgements, about the
    author, the author's other books, newsletter sign-ups, excerpts of other books.

    Anywhere in the book when the package marks it so (the ``<guide>``, the landmarks, the
    document's own ``epub:type``); by its heading or TOC entry only at the end of the book, after
    the story, and only when the heading says exactly that. Dedications and epigraphs stay.
    """
    if len(docs) < 2:
        return docs
    labels = _toc_labels(book)
    kept = [doc for doc in docs if not _is_marked_back_matter(doc, book)]
    while len(kept) > 1 and _is_named_back_matter(kept[-1], book, labels.get(kept[-1].href, "")):
        kept.pop()
    return kept or docs


def _is_marked_back_matter(doc: _Doc, book: _Book) -> bool:
    if doc.prose_words >= _BACK_MATTER_MAX_WORDS:
        return False
    kinds = book.marks.get(doc.href, set()) | _own_types(doc.body)
    return bool(kinds & _BACK_TYPES)


def _own_types(body: Tag) -> set[str]:
    """The ``epub:type`` of the document itself: on the body, or on the section the body opens with.

    A section further in says what that section is, not the document.
    """
    kinds = set(str(body.get("epub:type") or "").lower().split())
    first = next((child for child in body.children if isinstance(child, Tag)), None)
    if first is not None and first.name in _SECTIONS:
        kinds.update(str(first.get("epub:type") or "").lower().split())
    return kinds


def _is_named_back_matter(doc: _Doc, book: _Book, toc_label: str) -> bool:
    if doc.prose_words >= _BACK_MATTER_MAX_WORDS or _has_chapter_heading(doc):
        return False
    first = next((item for item in doc.items if not isinstance(item, SceneBreak)), None)
    heading = (first.raw if isinstance(first, Heading) else first.text) if first is not None else ""
    return any(_back_matter_title(text, book) for text in (heading, toc_label)) or _asks_readers(doc)


# What a page after the story asks of its readers: sign up, review, follow, a free book for joining.
_READER_CALLS = re.compile(
    r"\b(?:sign(?:ing)?[ \t-]up|subscribe|newsletter|mailing list|reader(?:s'?)? (?:list|group|club)"
    r"|(?:leave|leaving|write|writing|post|posting) an? (?:\w+ )?review|rate and review|patreon|ko-?fi"
    r"|free (?:\w+ )?(?:book|story|novella|novelette|ebook|e-book|prequel|short story|bonus)"
    r"|join (?:my|the|our)|follow (?:me|us)|visit (?:my|our) (?:website|site))\b",
    re.IGNORECASE,
)
_READER_CALLS_MAX_WORDS = 200


def _asks_readers(doc: _Doc) -> bool:
    """A short page that asks readers to sign up, review or follow, in two ways or more (a
    newsletter page, "Enjoyed this book? Leave a review"): what a book's end says, never its story."""
    if doc.prose_words > _READER_CALLS_MAX_WORDS:
        return False
    calls = {match.group(0).casefold() for text in _texts(doc) for match in _READER_CALLS.finditer(text)}
    return len(calls) >= 2


def _back_matter_title(text: str, book: _Book) -> bool:
    """A heading that says exactly what the page is: "About the Author", "Also by Wren Hale", "Excerpt from ..."."""
    return back_matter_title(text, book.author)


_TITLE_BLOCK_MAX_WORDS = 60
_LONE_BY = frozenset(["by", "by:", "written by"])  # a title page's "by" over the author's name


def _name_under_title(lines: list[str], texts: list[str], titles: list[str], header: list[str]) -> bool:
    """Whether a title block is the book's title over a name alone (and the header's fields, if any)."""
    return (
        len(lines) >= 2
        and bool(titles)
        and texts[0] == titles[0]
        and lines[1] not in header
        and name_like(lines[1])
        and by_line_author(lines[1]) is None
    )


def _without_title_block(items: list[Item], book: _Book, *, last: bool) -> tuple[list[Item], list[Item]]:
    """The story's first part without the title, author and copyright lines a single-file book opens
    with, and the "Title:" and "Author:" lines it gives where the package names neither (a document
    converted by calibre, "Unknown" and its file's name in the package: see :func:`_placeholder`).

    Only lines before a chapter heading ("Chapter One", here or in the part after), each the book's
    title, its author, a "by" line or a copyright or imprint line, with a copyright or imprint
    line among them or both the title and the author. The book's title or author set as a heading
    over the block (``<h1>The Mill at Oren</h1><p>by Hana Velk</p>``) is one of its lines; with no
    title in the package, the block's first line over a "by" line is the title.
    """
    title = (book.title or "").casefold()
    author = (book.author or "").casefold()
    named = 0
    while named < len(items) and _names_the_book(items[named], title, author):
        named += 1
    lead, rest = _lead(items[named:])
    if not (lead or named) or (not rest and last) or (rest and not _chapter_follows(items[:named], rest[0])):
        return items, []
    lines = [item.raw.strip() for item in items[:named] if isinstance(item, Heading)]
    lines += [item.text.strip() for item in lead if isinstance(item, Para)]
    texts = [line.casefold().replace("’", "'") for line in lines]
    notices = [line for line in lines if book_notice(line)]  # "Smashwords Edition", its licence notes
    if sum(len(text.split()) for text, line in zip(texts, lines, strict=True) if line not in notices) > (
        _TITLE_BLOCK_MAX_WORDS
    ):
        return items, []
    imprint = [text for text, line in zip(texts, lines, strict=True) if _is_imprint(text) or line in notices]
    titles = [text for text in texts if title and text == title]
    authors = [
        line
        for line in lines
        if (author and line.casefold() == author) or by_line_author(line) or line.casefold() in _LONE_BY
    ]
    # The author's header lines under the title and name ("CW: drowning", "Rating: Teen", as a Google
    # Docs book opens): the story's fields, read as a text's header is; left in, the block was chapter 1.
    header = [line for line in lines if line not in notices and (parse_field(line) or declaration_line(line))]
    # The package's description set again under the title and author (Fimfiction's title page): its
    # summary, which the package already gives; left in, the title page was a chapter 1 of its own.
    blurb = " ".join(_description_text(book.description).split()).casefold() if book.description else ""
    header += [line for line in lines if blurb and line not in header and " ".join(line.split()).casefold() in blurb]
    fields: list[Item] = [Para(line, 0) for line in header if parse_field(line) or declaration_line(line)]
    if not title and len(lines) >= 2 and lines[0] not in authors and by_line_author(lines[1]):
        titles, fields = [texts[0]], [Para(f"Title: {lines[0]}", 0), *fields]
    if not author and authors and (named_author := by_line_author(authors[0])):
        fields.append(Para(f"Author: {named_author}", 0))
    elif not author and not authors and _name_under_title(lines, texts, titles, header):
        # a title page's name alone under the title, no "by" (a Google Docs book's title and subtitle),
        # where the package names no author: the author, and the block no chapter 1 of its own
        authors = [lines[1]]
        fields.append(Para(f"Author: {lines[1]}", 0))
    if len(imprint) + len(titles) + len(authors) + len(header) < len(texts) or not (imprint or (titles and authors)):
        return items, []
    return rest, fields


def _chapter_follows(named: list[Item], heading: Item) -> bool:
    """Whether the heading after a title block opens the story: one naming a chapter ("Chapter
    One"), or any heading below the book's own title heading over the block (``<h1>Night
    Ferry</h1><p>by Sam Oduya</p><h2>One</h2>``), whose title page it was read as chapter 1 of."""
    assert isinstance(heading, Heading)
    if heading.kind != "markdown":
        return True
    return any(isinstance(item, Heading) and item.level < heading.level for item in named)


def _names_the_book(item: Item, title: str, author: str) -> bool:
    """A heading that is only the book's title, its author or a "by" line."""
    if not isinstance(item, Heading) or item.kind != "markdown":
        return False
    text = item.raw.strip().casefold()
    return bool(text) and (text in (title, author) or by_line_author(item.raw) is not None)


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
    return _copyright_texts(_texts(doc))


def _copyright_texts(texts: list[str]) -> bool:
    """Folded texts that are a copyright notice only (see :func:`_is_copyright_page`)."""
    lines = (line.strip() for text in texts for line in text.split("\n"))
    if not any(line.startswith(_COPYRIGHT_LINE) for line in lines):
        return False
    whole = " ".join(texts)
    markers = any(marker in whole for marker in _COPYRIGHT) + sum(marker in whole for marker in _IMPRINT)
    return markers >= 2 and all(_is_imprint(text) for text in texts if _is_prose(text))


_COPYRIGHT_HEADINGS = frozenset(["copyright", "copyright page"])
_COPYRIGHT_PAGE_MOST = 16  # paragraphs of a copyright page with a dedication: each split tried reads them all


def _copyright_and_front_page(doc: _Doc) -> list[_Page] | None:
    """A copyright page with the dedication or epigraph set on it, before or after its notice, as
    Kindle Create and Word-made books have it ("Copyright" over the notice, then "For my mother"):
    the dedication as the story's note (:func:`bot.story.front_pages.unmarked_front_pages`), the
    notice dropped with it. Read as a chapter, the page was the first, "Copyright"."""
    if doc.prose_words >= _FRONT_MATTER_MAX_WORDS or _has_chapter_heading(doc):
        return None
    items = [
        item
        for item in doc.items
        if not isinstance(item, SceneBreak)
        and not (isinstance(item, Heading) and _SPACE.sub(" ", item.raw.casefold()).strip() in _COPYRIGHT_HEADINGS)
    ]  # ("Copyright" heading the notice, over it or under the dedication)
    if not items or not all(isinstance(item, Para) for item in items):
        return None
    texts = [item.text for item in items if isinstance(item, Para) and item.text.strip()]
    if len(texts) > _COPYRIGHT_PAGE_MOST:
        return None
    folded = [text.casefold().replace("’", "'") for text in texts]
    for split in range(1, len(texts)):
        for notice, rest in ((folded[:split], texts[split:]), (folded[split:], texts[:split])):
            if _copyright_texts(notice) and (pages := unmarked_front_pages(rest)) is not None:
                return pages
    return None


def _by_line_name(doc: _Doc, fields: _Fields) -> str | None:
    """The name a front page's first "by" line gives ("by Wren Hale"), heading or paragraph."""
    headings = [item.raw for item in doc.items if isinstance(item, Heading)]
    return next((name for line in [*headings, *fields.other] if (name := by_line_author(line))), None)


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


def _prose_page(doc: _Doc) -> bool:
    """A page of story text, whatever the TOC calls it: no links into the book, two paragraphs of prose
    at least and most of its paragraphs prose. A converter's only TOC entry, "Contents", pointing at
    the first chapter dropped that chapter as the book's contents page."""
    texts = [item.text for item in doc.items if isinstance(item, Para) and item.text.strip()]
    prose = sum(_is_prose(text) for text in texts)
    return doc.links == 0 and prose >= 2 and prose * 2 >= len(texts)


def _is_imprint(text: str) -> bool:
    return any(marker in text for marker in (*_COPYRIGHT, *_IMPRINT))
