"""Tables of contents inside a story's text, and headings they list.

Copied stories often carry their own contents list ("Contents", numbered entries, page numbers). Posted as
text it would spoil every chapter title, and its entries would be read as chapters; the list is dropped
and, where the headings under it are plain lines, its entries tell which lines are the chapters.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from bot.story.front_pages import front_label
from bot.story.metadata_fields import Meta, parse_field, trim_ornaments, word_count_line
from bot.story.model import Chapter
from bot.story.structure import (
    DOTTED_END,
    PAGE_AFTER_ENTRY,
    Heading,
    Item,
    Para,
    SceneBreak,
    _looks_like_title,
    date_entry,
    match_heading,
    normalise,
)
from bot.story.text_declarations import declaration_line, note_score

_CJK_STOPS = ("。", "，", "、", "；", "：")  # a line ending so is a sentence, never a title
HEADER_LINE_CHARS = 120
NOTE_SCORE = 3


def title_like(text: str, *, bylined: bool = False) -> bool:
    """A short line that reads as a title.

    Title Case is asked for only when nothing else marks the line: a title right above its
    byline is one in sentence case too, as most languages write titles ("Der lange Weg").
    """
    if "\n" in text or len(text) > 80 or len(text.split()) > 12:
        return False
    if text[:1] in "\"'“‘「『(-*" or (
        text.rstrip().endswith((".", ",", ";", ":")) and not DOTTED_END.search(text[-24:])
    ):
        return False
    if text.rstrip().rstrip("”’」』\"'").endswith(_CJK_STOPS):  # "他说：“走吧。”" is a sentence
        return False
    return bylined or _looks_like_title(text)  # over its by-line, "the weight of small things" as AO3 writers title


# --- Navigation a pasted or converted story carries: never story text, never headings ---

# "TABLE OF CONTENTS", "Contents:", "~ Chapters ~" on a line of its own.
_CONTENTS = re.compile(
    r"^(?:table[ \t]+of[ \t]+contents|contents|toc|chapters|chapter[ \t]+list|list[ \t]+of[ \t]+chapters)[ \t]*[:.]?$",
    re.IGNORECASE,
)
# An entry of a chapter list: "1. The Letter", "12) Goodbye".
_ENTRY = re.compile(r"^[ \t]*(?P<num>\d{1,5})[.)][ \t]+(?P<title>\S.*?)[ \t]*$")
# A printed book's entry numbered as its chapters are: "   I.     A Scandal in Bohemia" (eBook #1661).
_ROMAN_ENTRY = re.compile(r"^[ \t]*(?P<num>[IVXLC]{1,8})\.[ \t]+(?P<title>\S.*?)[ \t]*$")
ENTRY_CHARS = 120
# "Chapter 3", "Ch. 3", "3. The Ford": the number a heading or a dropdown entry shows.
_HEADING_NUMBER = re.compile(r"^\W*(?:(?:chapter|chap|ch)\.?[ \t]*)?(\d{1,5})(?!\d)", re.IGNORECASE)


def contents_label(text: str) -> bool:
    """A paragraph opening with a "Table of Contents" line."""
    return _CONTENTS.match(trim_ornaments(text.split("\n", 1)[0]).strip()) is not None


def contents_block(items: list[Item], index: int, label_lines: list[str]) -> int:
    """A "Table of Contents" label and its entries, up to where the first chapter starts.

    The entries end where the first one comes round again (the chapter itself), at a heading,
    or, for a list numbered 1, 2, 3..., at the first line that is no entry. Anything less
    certain leaves the text as it is.
    """
    entries = label_lines[1:]
    if not all(_entry_line(line) for line in entries):
        return 0
    first = _line_keys(entries[0]) if entries else None
    position = index + 1
    while position < len(items):
        item = items[position]
        if isinstance(item, Heading) and (
            _listed_heading(items, position, first) or _unlisted_entry(items, position, first)
        ):
            first = first or _heading_keys(item)
            position += 1
            continue
        if (
            isinstance(item, Heading)
            and item.kind == "part"
            and isinstance(items[position + 1] if position + 1 < len(items) else None, Heading)
            and _listed_heading(items, position + 1, first)
        ):
            position += 1  # a web serial's arc listed over its chapters ("Arc 1: Low Water"), named nowhere else
            continue
        if isinstance(item, Heading) and _scene_list_under(items, position):
            return 0  # a play's acts listed over their scenes: drop_contents_list reads them
        if isinstance(item, Heading) and first is not None and _last_entry(items, position, first):
            return position + 1 - index  # the list's last entry over front matter (see _last_entry)
        if not isinstance(item, Para):
            return position - index  # a heading or divider: the chapter starts
        lines = item.text.split("\n")
        if first is not None and _line_keys(lines[0]) & first:
            return position - index  # the first entry again: its chapter starts here
        if not all(_entry_line(line) for line in lines):
            break
        entries.extend(lines)
        first = first or _line_keys(lines[0])
        position += 1
    counted = [_ENTRY.match(line) for line in entries]
    numbers = [int(match.group("num")) if match else 0 for match in counted]
    if len(entries) >= 2 and numbers == list(range(1, len(entries) + 1)) and position < len(items):
        return position - index
    return 0


# A printed book's contents entry with its page: "The boats come in      1", "Rousseau ..... 16",
# "INDEX   255", and the "PAGE" over the column of numbers; a list of plates' "Europe in 1789
# _To face title page_" or "Frontispiece".
# (an entry ends in a letter or mark, never in the spaces before its page: each position in a run of
# spaces read the rest of the run as the separator, a megabyte of them took seconds)
PAGED_ENTRY = re.compile(
    r"^[ \t]*\S(?:.*?\S)??(?:[ \t]{2,}|[ \t]*(?:\.[ \t]?){3,}[ \t]*)"
    r"(?:\d{1,4}|[ivxlc]{1,7}|_?(?:to[ \t]+face|facing)[ \t]+(?:title[ \t]+page|p(?:age|\.)[ \t]*\d{1,4})_?|_?frontispiece_?)[ \t]*$",
    re.I,
)
# The same entries with their lines run together: each one's text, its spaces, its page.
_PAGED_RUN = re.compile(
    r"[ \t]*(?:page[ \t]+)?(?P<entry>\S(?:.{0,117}?\S)??)(?:[ \t]{2,}|[ \t]*(?:\.[ \t]?){3,}[ \t]*)(?:\d{1,4}|[ivxlc]{1,7})(?=[ \t]|$)",
    re.I,
)
_PAGE_COLUMN = re.compile(r"^[ \t]*(?:page|pages|pp?\.)[ \t]*$", re.IGNORECASE)
PAGED_ENTRIES_MIN = 3


def entries_as_headings(body: list[Item], entries: list[str]) -> list[Item]:
    """The body with the contents' entries, each a line of its own further on in the same order over
    text ("Contents" / "Spring" / "Summer" over "Spring" and its text), as its chapters' headings: a
    document's heading styles lost in plain text, the chapters were one. Only where the body marks
    its chapters no other way and every entry (two at least) comes round again so."""
    entries = [entry for entry in entries if entry]
    if len(entries) < 2 or any(isinstance(item, Heading) for item in body):
        return body
    wanted = [entry.casefold() for entry in entries]
    found: list[int] = []
    for position, item in enumerate(body):
        if len(found) < len(wanted) and isinstance(item, Para) and item.text.strip().casefold() == wanted[len(found)]:
            found.append(position)
    if len(found) < len(wanted) or not all(isinstance(_item_at(body, position + 1), Para) for position in found):
        return body
    out = list(body)
    for position, entry in zip(found, entries, strict=True):
        out[position] = Heading(entry, "chapter", 2, entry)
    return out


def _item_at(items: list[Item], position: int) -> Item | None:
    return items[position] if 0 <= position < len(items) else None


def drop_contents_list(items: list[Item]) -> list[Item]:
    """The body less a contents list standing after other front matter (a publisher's list, a title
    page, a preface), which the preamble, stopping at those, never reached.

    A "CONTENTS" line before the first chapter with text, then entries: headings with nothing of
    their own under them ("CHAPTER I." over "FEUDALISM AND THE MONARCHY."), entry lines, or a
    printed book's lines ending in their page numbers. It is taken only when the book bears it out:
    an entry heading stands again further on with its chapter's text, or the lines give their pages.
    Read as headings, its entries made chapters of contents, or a refusal of headings with no text.
    """
    later: _HeadingsWithText | None = None  # read once, at the first label: asked of every list
    taken: list[tuple[int, int]] = []  # the lists' spans, cut out once at the end
    index = 0
    while index < len(items):
        item = items[index]
        if isinstance(item, Heading) and _text_under(items, index) and not _front_prose(item):
            break  # the story has begun: no contents list ahead of it
        if _contents_heading(item) and isinstance(_item_at(items, index + 1), Heading):
            taken.append((index, index + 1))  # its entries gone before it as the page's list of chapters
            index += 1
            continue
        if _contents_heading(item) or (
            isinstance(item, Para) and (contents_label(item.text) or _PAGED_LIST.match(_first_line(item.text)))
        ):
            later = later or _HeadingsWithText(items)
            end = _contents_run(items, index, later)
            if end:
                taken.append((index, end))
                index = end
                continue  # a list of maps or illustrations may follow the contents
        index += 1
    if not taken:
        return items
    kept: list[Item] = []
    start = 0
    for begin, end in taken:
        kept.extend(items[start:begin])
        start = end
    kept.extend(items[start:])
    return kept


class _HeadingsWithText:
    """Where each heading's keys stand last over story text, read once for a whole text: each
    contents list asks whether an entry comes round again further on, and reading the rest of the
    text for each of thousands of "Contents" labels was quadratic (64 KB took 7.6 s)."""

    def __init__(self, items: list[Item]) -> None:
        self.last: dict[str, int] = {}
        for at, item in enumerate(items):
            if isinstance(item, Heading) and _text_under(items, at):
                for key in _heading_keys(item):
                    self.last[key] = at

    def after(self, position: int, keys: set[str]) -> bool:
        """Whether a heading past ``position`` with story text under it has one of ``keys``."""
        return any(self.last.get(key, -1) > position for key in keys)


# A printed book's other lists before its text, each line a page number: "MAPS." over "Map of
# Quiberon      241" (eBook #71688), "LIST OF ILLUSTRATIONS". Taken as the contents list is.
_PAGED_LIST = re.compile(
    r"^(?:list[ \t]+of[ \t]+)?(?:maps|illustrations|plates)(?:[ \t]+and[ \t]+(?:maps|plates|illustrations))?[ \t]*[:.]?$",
    re.IGNORECASE,
)


def _first_line(text: str) -> str:
    return trim_ornaments(text.split("\n", 1)[0]).strip()


# What an author writes before the book, set before its contents as often as after them: Dickens's
# "PREFACE" over A Christmas Carol's "CONTENTS". Read as named headings (kept as chapters, see below).
_FRONT_PROSE = frozenset(["Preface", "Foreword", "Introduction"])


def _front_prose(heading: Heading) -> bool:
    return heading.kind == "named" and heading.title in _FRONT_PROSE


def _contents_heading(item: Item) -> bool:
    """A Markdown heading that labels a contents list ("## Contents", "## Table of Contents"): the
    list under it is a paragraph of its entries, where a text's label is their paragraph's first line.
    Read as a chapter's heading, it was a chapter 1 of the list's entries; over a numbered list, taken
    before as the page's list of chapters (site_chrome.chapter_list), a heading over no text, refused."""
    return isinstance(item, Heading) and item.kind == "markdown" and contents_label(item.raw.strip().strip("#"))


def _contents_run(items: list[Item], index: int, later: _HeadingsWithText) -> int:
    """Where the contents list opened by the label at ``index`` ends, or 0 when it is no list."""
    label = items[index]
    lines = [line for line in label.text.split("\n")[1:] if line.strip()] if isinstance(label, Para) else []
    if lines and not _contents_paragraph(lines):
        return 0
    entries, paged = len(lines), sum(1 for line in lines if PAGED_ENTRY.match(line))
    listed: set[str] = set()
    # Under each part listed its chapters count again: War and Peace (eBook #2600) lists "BOOK ONE:
    # 1805" over "CHAPTER I" ... "CHAPTER XXVIII", then "BOOK TWO: 1805" over "CHAPTER I" again.
    parts: set[str] = set()
    in_part: set[str] = set()  # the entries listed since the last part
    position = index + 1
    while position < len(items):
        item = items[position]
        if isinstance(item, Heading):
            keys = _heading_keys(item)
            scenes = _scene_list_under(items, position)
            if keys & (parts if item.kind == "part" else in_part):
                break  # an entry come round again: the book starts here
            if _text_under(items, position) and not scenes:
                if listed and keys and later.after(position, keys):
                    # The list's last entry over the front matter after it (Moby-Dick's "Epilogue" over its
                    # transcriber's notes), named again with its own text at the end: the list ends with it.
                    listed |= keys
                    entries += 1
                    position += 1
                break  # a chapter: the book starts here
            listed |= keys
            if item.kind == "part":
                parts |= keys
                in_part = set()
            else:
                in_part |= keys
            entries += 1 + scenes
            position += 1 if scenes else 0  # a play's act listed over its scenes: they are entries too
        elif isinstance(item, Para):
            lines = [line for line in item.text.split("\n") if line.strip()]
            if front_label(item.text) is not None or not _contents_paragraph(lines):
                break  # ("Dramatis Personæ" heads the page after the contents: no entry of them)
            entries += len(lines)
            paged += sum(1 for line in lines if PAGED_ENTRY.match(line))
            keys = {key for line in lines for key in _line_keys(line)} - {""}
            listed |= keys
            in_part |= keys
        else:
            break
        position += 1
    if entries < 2 or position == index + 1:
        return 0
    come_round = later.after(position - 1, listed)
    return position if come_round or paged >= PAGED_ENTRIES_MIN else 0


# A play's scene as its contents list names it under its act: "Scene I. Elsinore. A platform before the Castle."
_SCENE_ENTRY = re.compile(r"^[ \t]*scene[ \t]+(?:[ivxlc]{1,7}|\d{1,3})\b\.?(?:[ \t]|$)", re.IGNORECASE)


# Between two scenes listed: a line break, or a space where a Project Gutenberg book's lines, as long
# as a wrapped paragraph's, were joined ("... before the Castle. Scene II. Elsinore. ...").
_SCENE_SPLIT = re.compile(r"[ \t]*\n[ \t]*|(?<=\.)[ \t]+(?=scene[ \t]+(?:[ivxlc]{1,7}|\d{1,3})\b)", re.IGNORECASE)


def _scene_list_under(items: list[Item], position: int) -> int:
    """How many scenes the paragraph under the heading at ``position`` lists, a line each, as a
    play's contents list does under each act; 0 for any other paragraph. (An act's own text opens
    with its "SCENE I." line too: only after a contents label is this asked, and the act named
    again ends the list there.)"""
    following = items[position + 1] if position + 1 < len(items) else None
    if not isinstance(following, Para):
        return 0
    lines = [line for line in _SCENE_SPLIT.split(following.text) if line.strip()]
    if not lines or any(len(line) > ENTRY_CHARS or not _SCENE_ENTRY.match(line) for line in lines):
        return 0
    return len(lines)


def _last_entry(items: list[Item], position: int, first: set[str]) -> bool:
    """Whether the heading at ``position``, after a contents list's entry headings, is its last entry
    standing over the front matter after the list (Moby-Dick's "Epilogue" over its transcriber's
    notes): not the first entry come round, and named again further on over its own text."""
    heading = items[position]
    assert isinstance(heading, Heading)
    keys = _heading_keys(heading)
    return (
        bool(keys)
        and not keys & first
        and isinstance(items[position - 1], Heading)
        and _HeadingsWithText(items).after(position, keys)
    )


def _text_under(items: list[Item], position: int) -> bool:
    """Whether the heading at ``position`` has story text under it, past a scene break opening it
    (the lone "I." under "I. A SCANDAL IN BOHEMIA")."""
    # (indexes, not a slice: a slice copied the rest of the list for every heading of a long run)
    following = next(
        (items[at] for at in range(position + 1, len(items)) if not isinstance(items[at], SceneBreak)), None
    )
    return isinstance(following, Para) and not _contents_paragraph(following.text.split("\n"))


def _contents_paragraph(lines: list[str]) -> bool:
    """Lines of contents entries: each an entry line or a chapter heading's line, or, in a printed
    book's list, mostly lines ending in their pages (an entry wrapped onto two lines has it once)."""
    lines = [line for line in lines if line.strip()]
    if lines and paged_run(" ".join(lines)) >= 1:
        # The entries' lines joined as prose's are: "Taxation      9 Condition of the People      11",
        # or one entry wrapped over two lines, its page on the second ("... Russia and" / "Austria   236").
        return True
    if not lines or any(len(line) > ENTRY_CHARS for line in lines):
        return False
    paged = [bool(PAGED_ENTRY.match(line) or _PAGE_COLUMN.match(line)) for line in lines]
    if paged[-1] and 2 * sum(paged) >= len(lines):
        return True
    return all(_entry_line(line) or _heading_entry(line) or date_entry(line) for line in lines)


def paged_run(text: str) -> int:
    """How many page-numbered entries ``text`` is made of from end to end; 0 when anything else is in it."""
    count, position = 0, 0
    while position < len(text):
        match = _PAGED_RUN.match(text, position)
        if match is None:
            return 0 if text[position:].strip() else count
        count += 1
        position = match.end()
    return count


def _heading_entry(line: str) -> bool:
    """A chapter's heading as listed, its title set off by spaces: "CHAPTER V.     Advice from a Caterpillar"."""
    head = _TITLE_SPACES.split(line.strip(), maxsplit=1)[0]
    return match_heading(line.strip()) is not None or match_heading(head) is not None


_TITLE_SPACES = re.compile(r"[ \t]{2,}")


def _listed_heading(items: list[Item], position: int, first: set[str] | None) -> bool:
    """Whether the heading at ``position`` is an entry of the contents list above it: nothing of
    the story under it, not the first entry come round again, and standing again further on
    with its chapter's text ("Chapter 1" / "Chapter 2" / "About the Author" / "* * *" /
    "Chapter 1"). Read as headings, the entries made chapters of nothing and the file was refused."""
    heading = items[position]
    assert isinstance(heading, Heading)
    keys = _heading_keys(heading)
    if not keys or (first is not None and keys & first):
        return False
    following = items[position + 1] if position + 1 < len(items) else None
    if isinstance(following, Para) and not _entry_paragraph(following):
        return False
    return any(
        isinstance(later, Heading) and _heading_keys(later) & keys and _opens_text(items, at)
        for at, later in enumerate(items[position + 1 :], position + 1)
    )


def _opens_text(items: list[Item], position: int) -> bool:
    """Story text under the heading at ``position``, or, under a part, under its first chapter
    (War and Peace's "BOOK ONE: 1805" over "CHAPTER I" and its text)."""
    if _has_text_under(items, position):
        return True
    heading = items[position]
    following = items[position + 1] if position + 1 < len(items) else None
    return (
        isinstance(heading, Heading)
        and heading.kind == "part"
        and isinstance(following, Heading)
        and _has_text_under(items, position + 1)
    )


def _unlisted_entry(items: list[Item], position: int, first: set[str] | None) -> bool:
    """An entry heading after entries that do come round, whose own chapter the file leaves out (an
    excerpt: Alice's first two chapters under all twelve listed): a heading over the next heading,
    up to the first entry come round again."""
    heading, following = items[position], items[position + 1] if position + 1 < len(items) else None
    assert isinstance(heading, Heading)
    return first is not None and isinstance(following, Heading) and not _heading_keys(heading) & first


def _entry_paragraph(item: Para) -> bool:
    return all(_entry_line(line) for line in item.text.split("\n"))


def _has_text_under(items: list[Item], position: int) -> bool:
    following = items[position + 1] if position + 1 < len(items) else None
    return isinstance(following, Para) and not _entry_paragraph(following)


_CAPITAL_ENTRY = re.compile(r"^[ \t]*[A-Z]{4,}\b[^.]*\.[ \t]*$")


# A list's bullet before a contents entry: "- Prologue", "• Chapter 1: The Moth".
_ENTRY_BULLET = re.compile(r"^[ \t]*+[-–•*·▪◦][ \t]++(?=\S)")


def entry_text(line: str) -> str:
    """A contents entry's own words: no bullet before it, no page after it ("- The Moth ..... 1")."""
    line = _ENTRY_BULLET.sub("", line, count=1)
    return PAGE_AFTER_ENTRY.sub("", line, count=1) if len(line) <= ENTRY_CHARS else line


def _entry_line(line: str) -> bool:
    """A line that can be a contents entry: "1. Snowfall", or a short title ("The Station"), after a
    bullet or none ("- Prologue")."""
    line = entry_text(line)
    if len(line) > ENTRY_CHARS or not line.strip():
        return False
    if _ENTRY.match(line) is not None or title_like(trim_ornaments(line.strip())):
        return True
    if _CAPITAL_ENTRY.match(line) and title_like(line.strip()[:-1]):
        return True  # an old book's section in capitals with its stop: "ETYMOLOGY.", "EXTRACTS (Supplied by ...)."
    # "VI.    The Man with the Twisted Lip": its small words longer than Title Case allows
    roman = _ROMAN_ENTRY.match(line)
    return roman is not None and roman.group("title")[:1].isupper() and not roman.group("title").endswith(".")


def chapter_list(items: list[Item], index: int, meta: Meta, keys: OutsideKeys) -> int:
    """A chapter-select list ("1. The Letter" / "2. The Burrow" ...) counting up from 1.

    Numbered lines open stories too ("1. Never lie."), so the list is taken only when the
    story bears it out: its titles are the chapters' own, or it lists as many chapters as
    the metadata declares ("Chapters: 3").
    """
    titles: list[str] = []
    position = index
    while position < len(items):
        item = items[position]
        if not isinstance(item, Para):
            break
        lines = item.text.split("\n")
        found = _counted_entries(lines, len(titles) + 1)
        if not found:
            break
        if len(found) < len(lines):
            return 0  # the list runs into text inside one paragraph
        titles.extend(found)
        position += 1
    if len(titles) < 2 or position >= len(items):
        return 0
    if len(titles) == meta.chapter_count:
        return position - index
    if all(keys.outside(_key(title), index, position) for title in titles):
        return position - index
    return 0


def _counted_entries(lines: list[str], number: int) -> list[str]:
    """The titles of the leading lines numbered ``number``, ``number`` + 1, ..."""
    titles: list[str] = []
    for line in lines:
        match = _ENTRY.match(line) if len(line) <= ENTRY_CHARS else None
        if match is None or int(match.group("num")) != number + len(titles):
            break
        titles.append(match.group("title"))
    return titles


class OutsideKeys:
    """What the headings and short lines of ``items`` read as, to match a list's entries against,
    read once: a title page is tried for a chapter list at each of its paragraphs, and reading
    every item each time made a page of numbered pairs quadratic (60 KB took 4 s, 400 KB minutes)."""

    def __init__(self, items: list[Item]) -> None:
        self._items = items
        self._per_item: list[set[str]] | None = None
        self._total: Counter[str] = Counter()

    def outside(self, key: str, start: int, end: int) -> bool:
        """Whether an item outside ``items[start:end]`` reads as ``key``."""
        if self._per_item is None:
            self._per_item = [_item_keys(item) for item in self._items]
            self._total = Counter(key for keys in self._per_item for key in keys)
        inside = sum(key in keys for keys in self._per_item[start:end])
        return self._total[key] > inside


def _item_keys(item: Item) -> set[str]:
    if isinstance(item, Heading):
        return _heading_keys(item)
    if isinstance(item, Para) and len(item.text) <= ENTRY_CHARS and "\n" not in item.text:
        return _line_keys(item.text)
    return set()


def _key(text: str) -> str:
    return " ".join(normalise(trim_ornaments(text.strip())).casefold().split())


def _line_keys(line: str) -> set[str]:
    """ "1. Snowfall" matches "1. Snowfall" and a heading titled "Snowfall" ("- Snowfall" too)."""
    line = entry_text(line)
    match = _ENTRY.match(line) or _ROMAN_ENTRY.match(line)
    return {_key(line), _key(match.group("title"))} if match else {_key(line)}


def _heading_keys(heading: Heading) -> set[str]:
    keys = _line_keys(heading.raw) if heading.raw else set()
    if heading.title:  # (its page number off, as a contents list's heading line gives it: "The Gate    7")
        keys |= {_key(heading.title), _key(entry_text(heading.title))}
    return keys - {""}


def settle_heading_runs(items: list[Item]) -> list[Item]:
    """Headings with nothing between them that cannot stand together: keep the one the text belongs to."""
    pairs = itertools.pairwise(items)
    if not any(isinstance(a, Heading) and isinstance(b, Heading) and not _merges(a, b) for a, b in pairs):
        return items
    counts: dict[str, int] = {}
    for item in items:
        if isinstance(item, Heading):
            for key in _run_keys(item):
                counts[key] = counts.get(key, 0) + 1
    repeated = _repeated_runs(items)
    settled: list[Item] = []
    position = 0
    while position < len(items):
        end = _heading_run_end(items, position)
        if end == position:
            settled.append(items[position])
            position += 1
            continue
        if _run_text(items[position:end]) in repeated:
            # FanFiction.net's chapter select copied over and under one chapter's text, every entry
            # in both: neither says which chapter the text is, and kept, its first entry had no text.
            position = end
            continue
        if _under_contents_label(items, position):
            # A contents list's entries read as headings ("Stave   I: Marley's Ghost" ... over "STAVE I:
            # MARLEY'S GHOST"), perhaps after entries that are not (Moby-Dick's "ETYMOLOGY."):
            # drop_contents_list takes them with their label, not a dropdown's reading.
            settled.extend(items[position:end])
            position = end
            continue
        settled.extend(_settle_run([item for item in items[position:end] if isinstance(item, Heading)], counts))
        position = end
    return settled


def _heading_run_end(items: list[Item], position: int) -> int:
    """Where the run of headings from ``position`` ends (``position`` itself when it is no heading)."""
    end = position
    while end < len(items) and isinstance(items[end], Heading):
        end += 1
    return end


def _run_text(run: list[Item]) -> tuple[str, ...]:
    return tuple(item.raw.strip() if isinstance(item, Heading) else "" for item in run)


def _repeated_runs(items: list[Item]) -> set[tuple[str, ...]]:
    """The runs of two headings or more with nothing between them that stand twice or more, the same
    lines in the same order: a chapter select pasted over and under the text, never chapters."""
    seen: dict[tuple[str, ...], int] = {}
    position = 0
    while position < len(items):
        end = _heading_run_end(items, position)
        if end - position >= 2:
            key = _run_text(items[position:end])
            seen[key] = seen.get(key, 0) + 1
        position = max(end, position + 1)
    return {key for key, count in seen.items() if count >= 2}


CONTENTS_LEAD_ENTRIES = 20  # entries that may stand between a contents label and its first heading


def _under_contents_label(items: list[Item], position: int) -> bool:
    """Whether the item at ``position`` follows a contents label, with only entry lines between."""
    for back in range(position - 1, max(-1, position - 1 - CONTENTS_LEAD_ENTRIES), -1):
        item = items[back]
        if not isinstance(item, Para):
            return False
        if contents_label(item.text):
            return True
        if not all(_entry_line(line) for line in item.text.split("\n") if line.strip()):
            return False
    return False


def _merges(outer: Heading, inner: Heading) -> bool:
    """Whether ``assemble`` reads two adjacent headings as one ("Part One" over "Chapter 1")."""
    return outer.kind == "part" or outer.level < inner.level


def _settle_run(run: list[Heading], counts: dict[str, int]) -> list[Heading]:
    """A dropdown pasted around a chapter's heading: drop the entries, keep the heading.

    The heading is the first of the run when the entries after it name it again ("Chapter 1"
    over "Chapter 1 / Chapter 2 / Chapter 3") or all name chapters found later in the text,
    and the last when the entries before it name it. Any other run stays as it is, and the
    import says which heading has no text under it.
    """
    start = 0
    while start + 1 < len(run) and _merges(run[start], run[start + 1]):
        start += 1
    head, rest = run[:start], run[start:]
    if len(rest) < 2:
        return run
    first, last = rest[0], rest[-1]
    entries = rest[1:]
    first_keys = _run_keys(first)
    if any(_run_keys(entry) & first_keys for entry in entries) or _all_listed_later(entries, run, counts):
        return [*head, first]
    last_keys = _run_keys(last)
    if any(_run_keys(entry) & last_keys for entry in rest[:-1]):
        return [*head, last]
    return run


def _run_keys(heading: Heading) -> set[str]:
    """A heading's keys, with its number: "Chapter 2" is the dropdown's "2. The Burrow"."""
    keys = _heading_keys(heading)
    number = _HEADING_NUMBER.match(normalise(heading.raw))
    if number:
        keys.add(f"#{int(number.group(1))}")
    return keys


def _all_listed_later(entries: list[Heading], run: list[Heading], counts: dict[str, int]) -> bool:
    """Whether every entry of a dropdown names a heading that stands elsewhere in the text."""
    if len(entries) < 2:
        return False
    inside: dict[str, int] = {}
    for heading in run:
        for key in _run_keys(heading):
            inside[key] = inside.get(key, 0) + 1
    return all(any(counts.get(key, 0) > inside[key] for key in _run_keys(entry)) for entry in entries)


def trailing_note(chapter: Chapter) -> None:
    """A last paragraph that talks to readers ("thanks for reading, please review") is a note."""
    if len(chapter.scenes) < 2:
        return
    last_scene = chapter.scenes[-1]
    if len(last_scene.paragraphs) == 1 and note_score(last_scene.paragraphs[0]) >= NOTE_SCORE:
        chapter.notes.append(last_scene.paragraphs[0])
        chapter.scenes.pop()


CHAPTER_FIELD_LINES = 6


def chapter_fields(text: str) -> bool:
    """A chapter's fields under its heading, a line each ("Word count: 2,341" over "TW: suicide"):
    every line a header field or a declaration. A paragraph of one line is asked no further here
    (a declaration alone is read as one, a lone "Rating: 5" may be the story's)."""
    lines = [line.strip() for line in text.strip().split("\n")]
    if len(lines) == 1:
        return word_count_line(lines[0])
    return (
        1 < len(lines) <= CHAPTER_FIELD_LINES
        and all(len(line) <= HEADER_LINE_CHARS for line in lines)
        and all(parse_field(line) is not None or declaration_line(line) for line in lines)
    )
