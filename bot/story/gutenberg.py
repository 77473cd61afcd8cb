"""Project Gutenberg's wrapper around a book, in every format it ships (plain text, HTML, EPUB).

Gutenberg sets each book between two marker lines, "*** START OF THE PROJECT GUTENBERG EBOOK
<TITLE> ***" and "*** END OF THE PROJECT GUTENBERG EBOOK <TITLE> ***" (older books "... OF THIS
PROJECT GUTENBERG EBOOK ...", "End of the Project Gutenberg EBook of ...", and before markers
existed, "*END*THE SMALL PRINT! ..." closing the header). Above the first is its header: the
"This ebook is for the use of anyone anywhere ..." notice and the book's fields ("Title:",
"Author:", "Release date:", "Credits:"); below the last, "THE FULL PROJECT GUTENBERG LICENSE".
None of it is the story: the header's title and author are read, the rest is dropped, and so is a
licence that stands without its end marker. The markers are the ones Gutenberg's own tool looks
for (gutenbergtools/ebookmaker, ebookmaker/parsers/boilerplate.py), read as whole lines: the
HTML and EPUB editions hold the same lines inside ``<section id="pg-header">`` and
``<section id="pg-footer">``, so one reading of the items serves every format.

The transcriber's notes a volunteer adds at the book's start or end ("Transcriber's Notes:
Italic text is enclosed in _underscores_", a "Transcriber's Note" section after the last
chapter) are notes of the book, not its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup

from bot.story.structure import Heading, Item, Para, SceneBreak
from bot.text import and_list

__all__ = ["Unwrapped", "drop_front_matter", "drop_header", "spells_title", "unwrap"]

_START = re.compile(r"^[ \t]*\*+[ \t]?START OF TH(?:E|IS) PROJECT GUTENBERG\b", re.IGNORECASE)
_SMALL_PRINT_END = re.compile(r"^[ \t]*\**[ \t]?END\*?[ \t]?THE SMALL PRINT", re.IGNORECASE)
_END = re.compile(
    r"^[ \t]*\**[ \t]?(?:END OF TH(?:E|IS) PROJECT GUTENBERG|END OF PROJECT GUTENBERG"
    r"|End of the Project Gutenberg|Ende dieses Projekt Gutenberg)\b",
    re.IGNORECASE,
)
# The licence's own title lines, which open it where the end marker was cut off with the book.
_LICENCE = re.compile(
    r"^[ \t*]*(?:START:[ \t]*FULL LICEN[CS]E|THE FULL PROJECT GUTENBERG(?:™|\(TM\)|-tm)?[ \t]LICEN[CS]E)[ \t*]*$",
    re.IGNORECASE,
)
_FIELD = re.compile(r"^[ \t]*(title|authors?)[ \t]*:[ \t]*(\S.*)$", re.IGNORECASE)
# "The Project Gutenberg eBook of Emma, by Jane Austen" / "Project Gutenberg's Emma, by Jane Austen".
_OPENING = re.compile(
    r"^[ \t]*(?:The[ \t]+Project[ \t]+Gutenberg[ \t]+e-?(?:book|text)[ \t]+of|Project[ \t]+Gutenberg['’]s)"
    r"[ \t]+(?P<title>.+?)(?:,[ \t]+by[ \t]+(?P<author>.+?))?[ \t]*$",
    re.IGNORECASE,
)
_TRANSCRIBER = re.compile(
    r"^[ \t\[(*_]*(?:original[ \t]+)?transcriber['’]?s[ \t]+notes?\b[ \t*_]*(?P<colon>[:.\-–—])?", re.IGNORECASE
)
# The volunteers' credit opening older books under the marker: "Produced by David Widger".
_CREDIT = re.compile(
    r"^[ \t]*(?:Produced[ \t]+by|E-?text[ \t]+prepared[ \t]+by|This[ \t]+e-?text[ \t]+was[ \t]+prepared[ \t]+by)\b",
    re.I,
)
# Gutenberg's plain text sets its sections apart by four blank lines (two after a heading): a
# transcriber's note opening the book runs to the next gap this wide.
_SECTION_GAP = 3


@dataclass(slots=True)
class Unwrapped:
    items: list[Item]
    title: str | None = None
    author: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def fields(self) -> list[Item]:
        """The header's title and author as the preamble lines a text file opens with."""
        lines = [("Title", self.title), ("Author", self.author)]
        return [Para(f"{key}: {value}", 0) for key, value in lines if value]


def _text(item: Item) -> str:
    if isinstance(item, Para):
        return item.text
    if isinstance(item, Heading):
        return item.raw or item.title or ""
    return ""


def _marker_at(item: Item, pattern: re.Pattern[str]) -> int | None:
    """The line of ``item`` that ``pattern`` opens, or None."""
    for number, line in enumerate(_text(item).split("\n")):
        if pattern.match(line):
            return number
    return None


def unwrap(items: list[Item]) -> Unwrapped:
    """The book inside Gutenberg's wrapper, with the header's title and author and the transcriber's
    notes; items with no marker come back as they are."""
    first_end = next((i for i, item in enumerate(items) if _marker_at(item, _END) is not None), len(items))
    start = None
    for index, item in enumerate(items[:first_end]):
        if _marker_at(item, _START) is not None or _marker_at(item, _SMALL_PRINT_END) is not None:
            start = index
    licence = next((i for i, item in enumerate(items) if _LICENCE.match(_text(item))), len(items))
    end = min(first_end, licence)
    if start is None and end == len(items):
        return Unwrapped(items)
    result = Unwrapped([])
    body_start = 0
    if start is not None:
        _read_header(items[:start], result)
        body_start = start + 1
        tail = _after_marker(items[start])
        if tail is not None:
            items = [*items[:body_start], tail, *items[body_start:]]
            end += 1
    if end < len(items) and (before := _before_marker(items[end])) is not None:
        items = [*items[:end], before]
        end += 1
    result.items = _transcriber_notes(items[body_start:end], result.notes)
    return result


def _after_marker(item: Item) -> Para | None:
    """What a paragraph holds after its header-closing marker line (a credit line run onto it)."""
    if not isinstance(item, Para):
        return None
    lines = item.text.split("\n")
    marker = max(_marker_at(item, _START) or 0, _marker_at(item, _SMALL_PRINT_END) or 0)
    rest = "\n".join(lines[marker + 1 :]).strip()
    return Para(rest, 2) if rest else None


def _before_marker(item: Item) -> Para | None:
    if not isinstance(item, Para):
        return None
    marker = _marker_at(item, _END)
    lines = item.text.split("\n")
    kept = "\n".join(lines[:marker] if marker is not None else []).strip()
    return Para(kept, item.gap) if kept else None


def _read_header(items: list[Item], result: Unwrapped) -> None:
    """The title and author the header's fields give, else its opening line."""
    authors: list[str] = []
    opening: re.Match[str] | None = None
    for item in items:
        for line in _text(item).split("\n"):
            if (found := _FIELD.match(line)) is not None:
                key, value = found.group(1).casefold(), " ".join(found.group(2).split())
                if key == "title" and result.title is None:
                    result.title = value
                elif key.startswith("author"):
                    authors.append(value)
            elif opening is None and (match := _OPENING.match(line)) is not None:
                opening = match
    if result.title is None and opening is not None:
        result.title = " ".join(opening.group("title").split())
    if not authors and opening is not None and opening.group("author"):
        authors.append(" ".join(opening.group("author").split()))
    result.author = and_list(list(dict.fromkeys(authors))) or None


def _transcriber_notes(items: list[Item], notes: list[str]) -> list[Item]:
    """The body less the credit line and the transcriber's notes at its start or end, which go to ``notes``."""
    first = next((i for i, item in enumerate(items) if not isinstance(item, SceneBreak)), None)
    if (
        first is not None
        and isinstance(items[first], Para)
        and _CREDIT.match(items[first].text)
        and any(isinstance(item, (Para, Heading)) for item in items[first + 1 :])
    ):
        notes.append(items[first].text.strip())
        items = items[first + 1 :]
    items = opening_transcriber_note(items, notes)
    return _closing_note(items, notes)


def opening_transcriber_note(items: list[Item], notes: list[str]) -> list[Item]:
    """``items`` less a transcriber's note opening them, which goes to ``notes``. Also asked once the
    title page and contents are read: a book may set the note after them (Moby-Dick's "Original
    Transcriber's Notes:")."""
    first = next((i for i, item in enumerate(items) if not isinstance(item, SceneBreak)), None)
    if first is None or not isinstance(items[first], Para) or not _TRANSCRIBER.match(items[first].text):
        return items
    end = first + 1
    while end < len(items) and isinstance(items[end], Para) and items[end].gap < _SECTION_GAP:
        end += 1
    if not any(isinstance(item, (Para, Heading)) for item in items[end:]):
        return items  # the whole file: read as it is
    notes.extend(_note_text(item.text) for item in items[first:end] if isinstance(item, Para))
    return items[end:]


def _closing_note(items: list[Item], notes: list[str]) -> list[Item]:
    """A "Transcriber's Notes" line (or heading) after the story and everything under it."""
    for index in range(len(items) - 1, -1, -1):
        item = items[index]
        if isinstance(item, Heading):
            if not _TRANSCRIBER.match(_text(item)) or not _label_only(_text(item)):
                return items
        elif not (isinstance(item, Para) and _TRANSCRIBER.match(item.text) and _label_only(item.text)):
            continue
        under = [entry.text for entry in items[index + 1 :] if isinstance(entry, Para) and entry.text.strip()]
        if not under or not any(isinstance(entry, (Para, Heading)) for entry in items[:index]):
            return items
        notes.extend(under)
        return items[:index]
    return items


def _label_only(text: str) -> bool:
    match = _TRANSCRIBER.match(text)
    return match is not None and not text[match.end() :].strip(" \t:.*_])")


def _note_text(text: str) -> str:
    """A note without its "Transcriber's Notes:" label (a label alone on its line says nothing)."""
    match = _TRANSCRIBER.match(text)
    if match is None or not match.group("colon"):
        return text.strip()
    return text[match.end() :].strip() or text.strip()


def drop_header(soup: BeautifulSoup) -> None:
    """Take out the header Gutenberg's tool sets in ``<section id="pg-header">`` (its EPUB's first
    document, over the book's own title page): the EPUB's package names the book, and without the
    header that page reads as the title page it is. The footer stays, for :func:`unwrap` to cut at
    its end marker with whatever documents follow it."""
    for element in soup.find_all(id="pg-header"):
        element.decompose()


TITLE_PAGE_LINES = 6  # a title set over more lines than this is no title page's
_TITLE_PAGE_LINE_CHARS = 60
_WORD = re.compile(r"\w+")


def spells_title(items: list[Item], title: str | None) -> int:
    """How many paragraphs from the first spell out ``title`` word for word over two or more short
    lines, as a printed title page sets a long one (A Christmas Carol's "A CHRISTMAS CAROL" / "IN
    PROSE" / "BEING" / "A Ghost Story of Christmas" under the header's "Title: A Christmas Carol in
    Prose; Being a Ghost Story of Christmas"); 0 when they do not. Case and punctuation aside: the
    page sets "1789–1795" where the header has "1789-1795"."""
    if not title:
        return 0
    wanted = _WORD.findall(title.casefold())
    words: list[str] = []
    lines = 0
    for count, item in enumerate(items, 1):
        if not isinstance(item, Para):
            return 0
        for line in item.text.strip().split("\n"):
            lines += 1
            if lines > TITLE_PAGE_LINES or len(line.strip()) > _TITLE_PAGE_LINE_CHARS:
                return 0
            words.extend(_WORD.findall(line.casefold()))
        if words != wanted[: len(words)]:
            return 0
        if len(words) == len(wanted):
            return count if lines > 1 else 0
    return 0


# What may follow a book's title page before its first heading: the imprint ("SIXTEENTH IMPRESSION",
# the publisher's address, "All rights reserved"), a few short lines and no prose.
_IMPRINT_MAX_WORDS = 60
_IMPRINT_LINE_CHARS = 60
_IMAGE = re.compile(r"^\[Image[:\]]")


def drop_front_matter(items: list[Item], title: str) -> list[Item]:
    """A printed book's pages before its first heading, up to its title page, which are no chapter.

    Scanned books open with what the publisher printed ahead of the text: lists of the series'
    other books, a half-title, a frontispiece, the title page spelling the book's ``title`` (the
    header's), the imprint. Read as text, they were an untitled chapter 1 ahead of the book's own
    (The French Revolution 1789-1795, eBook #71688). Taken only when the title page stands there and
    nothing but short imprint lines follow it; a picture among them (the frontispiece) is kept,
    at the start of the first chapter. A heading's pages, a preface's, stay.
    """
    first = next((i for i, item in enumerate(items) if not isinstance(item, Para)), None)
    if first is None or first == 0 or not isinstance(items[first], Heading):
        return items
    page = next((i for i in range(first) if spells_title(items[i:first], title)), None)
    if page is None:
        return items
    after = items[page + spells_title(items[page:first], title) : first]
    lines = [line.strip() for item in after if isinstance(item, Para) for line in item.text.split("\n")]
    if (
        any(len(line) > _IMPRINT_LINE_CHARS for line in lines)
        or len(_WORD.findall(" ".join(lines))) > _IMPRINT_MAX_WORDS
    ):
        return items
    pictures = [item for item in items[:first] if isinstance(item, Para) and _IMAGE.match(item.text)]
    return [items[first], *pictures, *items[first + 1 :]]
