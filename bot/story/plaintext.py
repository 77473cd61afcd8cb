"""Plain-text stories put together: the one tail every text reader ends in (:func:`build_story`).

A pasted story's top is read by :mod:`bot.story.preamble`, a site's furniture by :mod:`bot.story.site_chrome`,
a contents list by :mod:`bot.story.contents_lists`, dedications and epigraphs by :mod:`bot.story.front_pages`
and author's notes by :mod:`bot.story.author_notes`. This module runs them in order over the items a reader
produced, cuts the chapters and gathers what the author declared at the story's end or in a chapter's notes,
so a .txt, a Markdown file, a web page and a forum copy of one story are read alike.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Container
from dataclasses import replace

from bot.story.author_notes import (
    NOTE_SECTION_MAX_WORDS,
    MidDeclarationBudget,
    _closing_marker,
    closing_declarations,
    declared_title,
    end_of_chapter_marker,
    mid_declarations,
    opening_notes,
    sign_off,
    without_closing_heading,
)
from bot.story.back_matter import drop_back_matter
from bot.story.bylines import AT_HANDLE, author_like, by_line_author, name_like, work_holds
from bot.story.contents_lists import drop_contents_list, title_like, trailing_note
from bot.story.errors import StoryFormatError
from bot.story.footnotes import pair_footnotes
from bot.story.front_pages import illustration_lines, split_front_pages
from bot.story.gutenberg import drop_front_matter, opening_transcriber_note, unwrap
from bot.story.limits import (
    DEFAULT_MAX_CHAPTERS,
    check_chapters,
)
from bot.story.metadata_fields import Meta, parse_field
from bot.story.model import Chapter, Story, StoryMeta
from bot.story.preamble import HANDLE, NOT_HANDLES, _first, field_key, read_preamble
from bot.story.site_chrome import drop_navigation
from bot.story.structure import (
    Heading,
    Item,
    Para,
    SceneBreak,
    assemble,
)
from bot.story.text_declarations import (
    NOTE_SENTENCE,
    NUMBERED,
    ChaptersByNumber,
    chapter_holds,
    chapter_phrases,
    declaration_paragraph,
    extract_declarations,
    is_labelled_note,
    numbered_chapter_holds,
    reader_aside,
    strip_note_label,
)
from bot.story.title_lines import author_speaks
from bot.story.warning_pointers import field_points_to_end, points_to_end
from bot.story.words import count_words

# A declaration closing on the chapter it is for: "TW for burns in chapter 2", "CW: suicide (ch. 3)".
# (From the start of a run of spaces only, as _IN_THIS_CHAPTER: a note over the story of 40,000 spaces took 18 s.)
_ENDS_IN_NUMBERED = re.compile(
    rf"(?<![ \t])(?:[ \t]+(?:in|for)[ \t]+|[ \t]*\([ \t]*){NUMBERED}[ \t!.~)]*$", re.IGNORECASE
)


def _unframed(title: str | None) -> str | None:
    """A title without the marks Chinese and Japanese set around a book's name: "《灯塔守望者》", "『雪国』"."""
    if title and len(title) > 2 and title[0] + title[-1] in ("《》", "『』", "「」", "〈〉"):
        return title[1:-1].strip() or title
    return title


_FOLDERS = re.compile(r"[\\/]")  # either way a path's folders are written


def file_name(filename: str | None) -> str:
    """An attachment's name as far as its first NUL: what follows one ("The Weir.txt\\x00.exe") is no
    part of the name a system reads, neither its title nor its extension."""
    return (filename or "").partition("\x00")[0]


def title_from_filename(filename: str) -> str:
    """The title a file's name gives: the name after its last folder, less its extension.

    An attachment's name is whatever the sender's system wrote: folders after a backslash too
    ("C:\\Users\\ada\\The Weir.txt" was titled with the whole path), and a name that is only an
    extension (".txt", or "../../.md") gives no title ("txt" was one). The name ends at a NUL, as every
    system reads it: "The Weir\\x00.exe.txt" is "The Weir", never "The Weir .exe"."""
    name = _FOLDERS.split(file_name(filename))[-1]
    stem = name.rpartition(".")[0] if "." in name else name
    title = re.sub(r"[_\s]+", " ", stem).strip(" -.")
    return title or "Untitled story"


def _author_under_each_heading(body: list[Item], meta: Meta) -> list[Item]:
    """The body less the author's name alone under each chapter's heading, as a site that pages a story
    sets it over every part (Wattpad's "Part 2" / "inkymoth_writes"): the name the header gave, "by"
    or "@" before it or not, or one name under every heading of two at least (then the author, where the
    header named none). As each chapter's first paragraph it was story text."""
    under = [
        index + 1
        for index, item in enumerate(body[:-1])
        if isinstance(item, Heading)
        and isinstance(body[index + 1], Para)
        and not body[index + 1].note  # type: ignore[union-attr]
        and "\n" not in body[index + 1].text.strip()  # type: ignore[union-attr]
    ]
    headings = sum(isinstance(item, Heading) for item in body)
    names = {index: _name_of_byline(body[index].text) for index in under}  # type: ignore[union-attr]
    author = _first(meta.values.get("author"))
    if author is None:
        found = {name.casefold() for name in names.values() if name}
        if headings < 2 or len(under) != headings or len(found) != 1 or None in names.values():
            return body
        author = next(name for name in names.values() if name)
        meta.values["author"] = [author]
    drop = {index for index, name in names.items() if name and name.casefold() == author.casefold().lstrip("@")}
    if not drop or len(drop) < min(2, headings):
        return body
    return [item for index, item in enumerate(body) if index not in drop]


def title_over_each_heading(body: list[Item], meta: Meta) -> list[Item]:
    """The body less the story's title alone straight over each chapter's heading, as a site that pages
    a story sets it over every part ("The Bone Orchard" / "Two | The Roots", a Wattpad copy): each was
    the last paragraph of the chapter before. Only where it stands so over two headings at least, or
    over every heading after the first where the first opens the body (the title over it is the one the
    header took: a story of two chapters repeats it over its second only)."""
    if meta.title is None:
        return body
    title = field_key(meta.title)
    drop = {
        index
        for index, item in enumerate(body[:-1])
        if isinstance(item, Para)
        and not item.note
        and isinstance(body[index + 1], Heading)
        and "\n" not in item.text.strip()
        and field_key(item.text) == title
    }
    headings = sum(isinstance(item, Heading) for item in body)
    every = bool(drop) and isinstance(body[0], Heading) and len(drop) == headings - 1
    return body if len(drop) < 2 and not every else [item for index, item in enumerate(body) if index not in drop]


def _name_of_byline(text: str) -> str | None:
    """The name a line alone gives as a by-line: "by inkymoth_writes", "@inkymoth_writes", or a
    handle or a name alone ("inkymoth_writes", "Mara Quill"); None for any other line."""
    line = text.strip()
    author = by_line_author(line)
    if author is not None:
        return author.lstrip("@")
    if (handle := AT_HANDLE.fullmatch(line)) is not None:
        return handle.group(1)
    if HANDLE.fullmatch(line) and line.casefold() not in NOT_HANDLES:
        return line.lstrip("@")
    return line if 2 <= len(line.split()) <= 4 and name_like(line) and author_like(line) else None


def _titled_works(items: list[Item]) -> list[Item]:
    """A collection in a text that marks no chapter, each work opening with its title over its writer's
    by-line ("Gull" / "by Ann Lee", on two lines or in two paragraphs) over its story: each title a
    chapter's heading and each by-line that chapter's note. Read as text, the collection was one
    chapter opening "Seabirds" / "Gull" / "by Ann Lee", the book's title lost. Two works at least, the
    first under the book's own lines and with less text before it than under it."""
    if any(isinstance(item, Heading) for item in items):
        return items
    works: dict[int, tuple[str, str, int]] = {}  # item index: (title, author, items it spans)
    for index, item in enumerate(items):
        if isinstance(item, Para) and not item.note and (work := _work_opening(items, index)) is not None:
            works[index] = work
    starts = sorted(works)
    if len(starts) < _BYLINES_LEAST or starts[0] == 0:
        return items  # (at the very top, a story's own title and by-line: a poem it quotes later is no work)
    words = [count_words(item.text) if isinstance(item, Para) else 0 for item in items]
    if sum(words[: starts[0]]) >= sum(words[starts[0] : starts[1]]):
        return items
    out: list[Item] = []
    skip = 0
    for index, item in enumerate(items):
        if skip:
            skip -= 1
            continue
        if index in works:
            title, author, span = works[index]
            out += [Heading(title, "named", 2, title), Para(f"by {author}", note=True)]
            skip = span - 1
            continue
        out.append(item)
    return out


def _work_opening(items: list[Item], index: int) -> tuple[str, str, int] | None:
    """The title and author a work's opening at ``index`` gives ("Gull" over "by Ann Lee", in one
    paragraph or two) and how many items it spans, when a paragraph of story text follows it."""
    lines = [line.strip() for line in items[index].text.strip().split("\n")]  # type: ignore[union-attr]
    if len(lines) == 2:
        title, byline, span = lines[0], lines[1], 1
    elif len(lines) == 1 and isinstance(following := _item_at(items, index + 1), Para) and not following.note:
        title, byline, span = lines[0], following.text.strip(), 2
    else:
        return None
    if "\n" in byline or not title_like(title, bylined=True) or (author := by_line_author(byline)) is None:
        return None
    text = _item_at(items, index + span)
    if not isinstance(text, Para) or text.note or count_words(text.text) < _WORK_TEXT_WORDS:
        return None
    return title, author, span


_WORK_TEXT_WORDS = 6  # the paragraph under a work's by-line is story text, longer than a line of credits


def _item_at(items: list[Item], index: int) -> Item | None:
    return items[index] if index < len(items) else None


def _bylines_under_headings(body: list[Item]) -> list[Item]:
    """A collection's by-lines, each alone right under its work's heading and naming its own writer
    ("Gull" / "by Ann Lee", "Tern" / "by Bo Ray"), as the chapters' notes: under two headings at least
    and half of them, the story's own author's having gone already. As each chapter's first paragraph
    they were story text."""
    under = [
        index + 1
        for index, item in enumerate(body[:-1])
        if isinstance(item, Heading)
        and isinstance(following := body[index + 1], Para)
        and not following.note
        and "\n" not in following.text.strip()
        and by_line_author(following.text.strip()) is not None
    ]
    headings = sum(isinstance(item, Heading) for item in body)
    if len(under) < _BYLINES_LEAST or len(under) * 2 < headings:
        return body
    body = list(body)
    for index in under:
        line = body[index]
        assert isinstance(line, Para)
        body[index] = Para(f"by {by_line_author(line.text.strip())}", line.gap, note=True)
    return body


_BYLINES_LEAST = 2  # works' by-lines under their headings that make a text a collection's


def _byline_under_heading(body: list[Item], meta: Meta) -> list[Item]:
    """A by-line alone right under the first heading names the story's author where the header named
    none: a serial's episode page sets "Episode 14 - Smoke" over "by Ren Takeda". As the chapter's
    first paragraph it was story text, and a warning under it ("⚠ This episode contains ...") no
    longer opened the chapter, so it declared nothing."""
    body = _bylines_under_headings(title_over_each_heading(_author_under_each_heading(body, meta), meta))
    if "author" in meta.values or len(body) < 3 or not isinstance(body[0], Heading):
        return body
    second = body[1]
    if not isinstance(second, Para) or second.note or "\n" in second.text.strip():
        return body
    author = by_line_author(second.text.strip())
    if author is None:
        return body
    meta.values["author"] = [author]
    return [body[0], *body[2:]]


# A printed page's number alone on its line, as a converter keeps it between the pages' text: "12",
# "- 12 -", "[12]", "Page 12".
_PAGE_LINE = re.compile(
    r"[ \t]*(?:[-–—][ \t]*)?(?:\[[ \t]*)?(?:page[ \t]+)?(?P<number>\d{1,4})(?:[ \t]*\])?(?:[ \t]*[-–—])?[ \t]*", re.I
)
_PAGE_OF = re.compile(r"[ \t]*page[ \t]+\d{1,4}[ \t]+of[ \t]+\d{1,4}[ \t]*", re.IGNORECASE)  # a footer's "Page 1 of 9"
PAGE_LINES_LEAST = 3  # page numbers counting up that make a text's lone numbers its pages


def _without_page_furniture(body: list[Item], meta: Meta) -> list[Item]:
    """The body less a printed book's page furniture, as a converter (Calibre from a PDF, a copy out of
    a print layout) leaves it between the pages' text: each page's number alone on its line, counting up
    ("12", "- 13 -"), and the running head beside it, the book's title or its author's name ("THE QUAY
    LAMPS"): read as story text, each page put a number and a title among the paragraphs. Only where
    three numbers at least count up; a running head only where it stands beside one of them."""
    body = [item for item in body if not (isinstance(item, Para) and _PAGE_OF.fullmatch(item.text))]
    pages = [
        (index, int(found.group("number")))
        for index, item in enumerate(body)
        if isinstance(item, Para) and not item.note and (found := _PAGE_LINE.fullmatch(item.text))
    ]
    numbers = [number for _, number in pages]
    if len(pages) < PAGE_LINES_LEAST or any(after <= before for before, after in itertools.pairwise(numbers)):
        return body
    drop = {index for index, _ in pages}
    heads = {field_key(name) for name in [meta.title, *meta.values.get("author", [])] if name}
    headed = 0  # page numbers with a running head beside them
    for index, _ in pages:
        beside = [
            near
            for near in (index - 1, index + 1)
            if 0 <= near < len(body)
            and isinstance(item := body[near], Para)
            and "\n" not in item.text.strip()
            and field_key(item.text) in heads
        ]
        drop.update(beside)
        headed += bool(beside)
    # A bare number may number a story's sections ("1", "2", "3" under a chapter's heading): pages only
    # set off as pages are ("- 12 -", "[12]", "Page 12"), or with the running head beside half of them.
    marked = all(not body[index].text.strip().isdigit() for index, _ in pages)  # type: ignore[union-attr]
    if not marked and headed * 2 < len(pages):
        return body
    return _rejoined_pages(body, drop)


# The end of a page's text that ends no sentence (a word, a comma, a semicolon, a word broken by a
# hyphen), and the start of the next page's text that goes on with it (a lowercase word).
_PAGE_CUT_END = re.compile(r"(?:[^\W\d_]|[,;]|[^\W\d_]-)\Z")
_PAGE_CUT_START = re.compile(r"\A[^\W\d_]")


def _rejoined_pages(body: list[Item], drop: set[int]) -> list[Item]:
    """The body less the page furniture at ``drop``, a paragraph the page's end cut in two one again
    ("... she had not heard since" / "12" / "she was a child ..."): a converter keeps the printed
    page's break, and the sentence was two paragraphs. Joined only where the first half clearly ends
    no sentence (no stop after its last word, a comma, a broken word) and the second goes on in
    lowercase (after a comma or a semicolon, in any case); verse (a paragraph of lines) stays apart."""
    kept: list[Item] = []
    cut = False  # furniture dropped since the last kept item
    for index, item in enumerate(body):
        if index in drop:
            cut = True
            continue
        last = kept[-1] if kept else None
        if cut and isinstance(item, Para) and isinstance(last, Para) and _goes_on(last, item):
            kept[-1] = Para(_joined(last.text, item.text), last.gap)
        else:
            kept.append(item)
        cut = False
    return kept


def _joined(first: str, second: str) -> str:
    """Two halves of a sentence a page's break cut apart, one again: a word broken over the page
    ("remem-" / "bered") without its hyphen, any other cut with a space."""
    first, second = first.rstrip(), second.lstrip()
    if first.endswith("-") and second[:1].islower():
        return first[:-1] + second
    return f"{first} {second}"


def _goes_on(first: Para, second: Para) -> bool:
    """Whether ``second`` goes on with ``first``'s sentence across a page's break."""
    if first.note or second.note or "\n" in first.text.strip() or "\n" in second.text.strip():
        return False
    end, start = first.text.rstrip(), second.text.lstrip()
    if not _PAGE_CUT_END.search(end) or not _PAGE_CUT_START.match(start):
        return False
    return start[0].islower() or end[-1] in ",;"


# A running head on the page number's own line, as a PDF's text keeps the two apart by a run of spaces:
# "HELEN ROOK    3", "4    THE SALT MARSH".
_HEADED_PAGE_LINE = re.compile(
    r"[ \t]*(?:(?P<first>\d{1,4})[ \t]{2,}(?P<after>\S.*?)|(?P<before>\S.*?)[ \t]{2,}(?P<last>\d{1,4}))[ \t]*"
)
_RUNNING_HEAD_MOST = 80  # characters of a running head: a book's title or its author's name
_RUNNING_HEADS_MOST = 2  # the title on one page, the author's name on the facing one
_LETTER = re.compile(r"[^\W\d_]")


def _head_key(line: str) -> str | None:
    """The key a line would have as a running head: a short line with a letter in it, no sentence."""
    squeezed = " ".join(line.split())
    if not squeezed or len(squeezed) > _RUNNING_HEAD_MOST or not _LETTER.search(squeezed) or squeezed[-1] in ".!?,;":
        return None
    return squeezed.casefold()


def _beside(lines: list[str], index: int, step: int) -> int | None:
    """The nearest line with text from ``index`` in direction ``step``, over one blank line at most."""
    for near in (index + step, index + 2 * step):
        if 0 <= near < len(lines) and lines[near].strip():
            return near
    return None


def without_running_heads(text: str) -> str:
    """The text less a printed book's page numbers and the running head beside each (its title or its
    author's name repeated, "THE SALT MARSH" / "12", or on one line, "HELEN ROOK    13"), as a text
    copied out of a PDF keeps them: with no chapter heading, each number headed a chapter of its own
    titled by the running head, or the file was refused. Only where three numbers at least count up,
    each beside one of at most two lines repeated beside two of them at least; a page's sentence cut
    by the furniture is joined again, as :func:`_rejoined_pages` joins it."""
    if text.count("\n") < 2 * PAGE_LINES_LEAST:
        return text
    lines = text.split("\n")
    pages: list[tuple[int, int, list[tuple[int, str]]]] = []  # (line, number, [(head's line, its key)])
    for index, line in enumerate(lines):
        if len(line) > _RUNNING_HEAD_MOST + 12 or not line.strip():
            continue
        if (found := _PAGE_LINE.fullmatch(line)) is not None:
            heads = [
                (near, key)
                for step in (-1, 1)
                if (near := _beside(lines, index, step)) is not None and (key := _head_key(lines[near])) is not None
            ]
            pages.append((index, int(found.group("number")), heads))
        elif (found := _HEADED_PAGE_LINE.fullmatch(line)) is not None:
            head = found.group("after") or found.group("before")
            if (key := _head_key(head)) is not None and _PAGE_LINE.fullmatch(head) is None:
                pages.append((index, int(found.group("first") or found.group("last")), [(index, key)]))
    if len(pages) < PAGE_LINES_LEAST:
        return text
    counts: dict[str, int] = {}
    for _, _, heads in pages:
        for key in {key for _, key in heads}:
            counts[key] = counts.get(key, 0) + 1
    running = sorted((key for key, count in counts.items() if count >= 2), key=lambda key: -counts[key])
    running = running[:_RUNNING_HEADS_MOST]
    headed = [(index, number, [near for near, key in heads if key in running]) for index, number, heads in pages]
    headed = [page for page in headed if page[2]]
    numbers = [number for _, number, _ in headed]
    if len(headed) < PAGE_LINES_LEAST or any(after <= before for before, after in itertools.pairwise(numbers)):
        return text
    drop = {index for index, _, _ in headed} | {near for _, _, heads in headed for near in heads}
    lines = _running_heads_on_top(lines, running)
    kept: list[str] = []
    cut = False
    for index, line in enumerate(lines):
        if index in drop:
            cut = True
            continue
        if cut and line.strip():
            while kept and not kept[-1].strip():
                kept.pop()
            last = kept[-1] if kept else ""
            if last and _goes_on(Para(last, 0), Para(line, 0)):
                kept[-1] = _joined(last, line)
                cut = False
                continue
            if kept:
                kept.append("")
            cut = False
        kept.append(line)
    return "\n".join(kept)


def _running_heads_on_top(lines: list[str], running: list[str]) -> list[str]:
    """The lines with the title page's lines that the running heads repeat labelled as what they are:
    the first the title, the next the author's name ("THE SALT MARSH" / "Helen Rook" over the text,
    each the head of every other page, or a name alone under the title). With no chapter heading under them, a title in capitals
    over a name alone was read as the story's first two paragraphs."""
    top = [index for index, line in enumerate(lines[:_TOP_LINES]) if line.strip()][:2]
    if not top or _head_key(lines[top[0]]) not in running:
        return lines
    lines = list(lines)
    title = _head_key(lines[top[0]])
    lines[top[0]] = f"Title: {lines[top[0]].strip()}"
    second = lines[top[1]].strip() if len(top) > 1 else ""
    if ((key := _head_key(second)) in running and key != title) or (
        2 <= len(second.split()) <= 4 and name_like(second) and author_like(second)
    ):
        lines[top[1]] = f"Author: {second}"  # (the name alone under the title, a head or not)
    return lines


_TOP_LINES = 8  # lines looked at for a title page over a paged text


_UNDER_RUNNING_TITLE = ("chapter", "named", "part")  # (a paged story's "Part 1", "Part 2" are its chapters)


def _running_title_headings(items: list[Item]) -> list[Item]:
    """The items less a heading that stands, the same each time, straight over every chapter's
    heading ("# The Bone Orchard" over "## Chapter 1", again over "## Chapter 2", as a page or a
    Markdown copy of a paged story repeats its title over each part): each was read as its chapter's
    title, and the story had none but its file's name. Two chapters at least, every chapter heading
    under one; the first is the story's title where only a header may stand over it (a title page's
    lines), the rest go. A heading over some chapters only is a part's, and stays."""
    places = [
        index
        for index, item in enumerate(items[:-1])
        if isinstance(item, Heading)
        and item.kind not in ("chapter", "part", "named")
        and item.title
        and isinstance(items[index + 1], Heading)
        and items[index + 1].kind in _UNDER_RUNNING_TITLE
    ]
    keys = {field_key(items[index].title or "") for index in places}  # type: ignore[union-attr]
    chapters = sum(isinstance(item, Heading) and item.kind in _UNDER_RUNNING_TITLE for item in items)
    if len(places) < 2 or len(keys) != 1 or len(places) != chapters:
        return items
    first = places[0]
    title = items[first]
    assert isinstance(title, Heading) and title.title is not None
    kept = [item for index, item in enumerate(items) if index not in places[1:]]
    if all(isinstance(item, Para) for item in items[:first]):
        kept[first] = Para(title.title, 0)
    return kept


def build_story(
    items: list[Item],
    filename: str,
    source_format: str,
    *,
    scene_gap: int = 2,
    max_chapters: int = DEFAULT_MAX_CHAPTERS,
    fallback_title: str | None = None,
) -> Story:
    """The shared tail of the text importers: preamble, chapters, notes, checks.

    ``fallback_title`` (a web page's <title>, often a document's file name) is used only when the
    text itself names no title, before the file name.
    """
    items = _titled_works(_running_title_headings(items))
    wrapper = unwrap(items)  # a Project Gutenberg book: its header's fields, not its licence
    preamble = read_preamble(drop_navigation(illustration_lines(wrapper.fields + wrapper.items)))
    meta = preamble.meta
    body = _without_page_furniture(_byline_under_heading(preamble.body, meta), meta)
    body = drop_front_matter(body, wrapper.title) if wrapper.title else body
    body = drop_contents_list(body)
    transcribed: list[str] = []
    if wrapper.title:  # a Project Gutenberg book
        body = opening_transcriber_note(body, transcribed)
    front_notes, body = split_front_pages(body)
    pointed: list[str] = []
    if _warnings_at_end(meta, body):
        body, pointed = _pointed_closing(body)
    chapters, orphan_notes = assemble(without_closing_heading(body), scene_gap=scene_gap, note_filter=_labelled_note)
    check_chapters(len(chapters), max_chapters)
    closing = pointed + _closing_story_declarations(chapters)
    budget = MidDeclarationBudget()
    author = _first(meta.values.get("author"))
    chapters = [_chapter_notes(chapter, budget, author) for chapter in chapters]
    for chapter in chapters:
        end_of_chapter_marker(chapter)
    pair_footnotes(chapters)
    chapters = drop_back_matter(chapters, _first(meta.values.get("author")))
    chapters, afterword = _afterword_note(chapters)
    if chapters:
        trailing_note(chapters[-1])
        _closing_marker(chapters[-1])
    notes = list(meta.notes)
    summary = meta.summary
    declared = list(meta.declared) + [item for paragraph in closing for item in extract_declarations(paragraph)[0]]
    if summary:
        inline, before, after = extract_declarations(summary)
        declared.extend(inline)
        if inline:
            summary = before or None
            if after:
                notes.append(after)
    named = ChaptersByNumber(chapters)
    for note in meta.notes:
        given: set[tuple[int, str]] = set()  # (chapter, declaration) this note gave whole
        # "This story contains self-harm." in a note over the story (an EPUB's "A Note on Content"
        # page, an author's note before chapter one) is the whole story's, as on a title page
        for item in extract_declarations(note)[0] or _work_holds_in(note):
            numbered = _ENDS_IN_NUMBERED.search(item)
            at = named.index(int(numbered.group("number"))) if numbered is not None else None
            if at is not None:  # "heads up for burns in chapter 2": chapter 2's, not the story's
                chapters[at].declared_warnings.append(item)
                given.add((at, _sentence_key(item)))
            else:
                declared.append(item)
        _note_declarations(note, chapters, named, given)
    archive = meta.values.get("archive_warnings", [])
    if not chapters:
        if notes or orphan_notes:
            raise StoryFormatError(
                "The file holds only an author's note and no story text; attach the file with the story itself."
            )
        raise StoryFormatError("The file has no story text, only headings or metadata; attach the story itself.")
    notes.extend(wrapper.notes)
    notes.extend(afterword)
    notes.extend(closing)
    notes.extend(transcribed)
    notes.extend(front_notes)
    notes.extend(orphan_notes)
    story_meta = StoryMeta(
        title=_title_case_from(_unframed(meta.title), fallback_title)
        or fallback_title
        or title_from_filename(filename),
        author=_first(meta.values.get("author")),
        summary=summary,
        rating=_first(meta.values.get("rating")),
        archive_warnings=archive,
        fandoms=meta.values.get("fandoms", []),
        relationships=meta.values.get("relationships", []),
        characters=meta.values.get("characters", []),
        additional_tags=meta.values.get("additional_tags", []),
        # (without Discord's spoiler marks around each item: "CW: ||suicide||, ||blood||")
        declared_warnings=_dedupe([text.replace("||", "") for text in declared if not _pointer_declaration(text)]),
        # (a declaration pointing elsewhere, "CW: see chapter notes", says where, and names nothing)
        notes=notes + [text for text in declared if _POINTS_ELSEWHERE.fullmatch(text)],
    )
    if len(chapters) == 1 and chapters[0].heading_number is None and _same_words(chapters[0].title, story_meta.title):
        # a blog post's heading over its byline: the story's title, printed again ("Chapter 3: Embers"
        # on a page titled "Embers" is the third chapter's, and keeps its title)
        chapters[0].title = None
    return Story(story_meta, chapters, source_format)


def _same_words(one: str | None, other: str | None) -> bool:
    """Whether two titles read the same, case and spacing aside."""
    return bool(one and other) and " ".join(one.split()).casefold() == " ".join(other.split()).casefold()  # type: ignore[union-attr]


_AFTERWORD = re.compile(r"(?:(?:the[ \t]+)?author['’]?s[ \t]+)?afterword", re.IGNORECASE)
AFTERWORD_MAX_WORDS = 300  # an afterword longer than this is an essay of the book's, kept as its chapter


def _afterword_note(chapters: list[Chapter]) -> tuple[list[Chapter], list[str]]:
    """The chapters less a short "Afterword" closing them where the author talks to the reader in
    it ("I wrote this book over three winters. Thank you for reading it."), and that afterword as
    the story's note: read as the last chapter, the club's schedule posted the author's thanks as
    one more chapter of the story. A long afterword, or one that goes on with the story, stays."""
    if len(chapters) < 2 or chapters[-1].title is None or not _AFTERWORD.fullmatch(chapters[-1].title.strip()):
        return chapters, []
    last = chapters[-1]
    if last.words > AFTERWORD_MAX_WORDS or not last.paragraphs or not author_speaks(last.paragraphs[0]):
        return chapters, []
    return chapters[:-1], [f"{last.title}: " + "\n\n".join(last.paragraphs), *last.notes]


def _title_case_from(title: str | None, other: str | None) -> str | None:
    """The title as the text sets it, or as ``other`` (a page's <title>) writes the same words where
    the text sets them in capitals: Word's "SALT ROADS" over a document titled "Salt Roads" is "Salt
    Roads" in every list a member reads. Capitals no other source writes otherwise stay as they are."""
    if not title or not other or not title.isupper() or other.isupper():
        return title
    return other.strip() if " ".join(other.split()).casefold() == " ".join(title.split()).casefold() else title


def _pointer_declaration(text: str) -> bool:
    """A declaration that only points to the story's end ("Warnings: see end notes") or to each
    chapter's notes or the tags ("CW: see chapter notes"): it names no warning."""
    parsed = parse_field(text)
    return (parsed is not None and field_points_to_end(parsed[1])) or _POINTS_ELSEWHERE.fullmatch(text) is not None


_POINTS_ELSEWHERE = re.compile(
    r"[ \t]*(?:tws?|cws?|t/ws?|c/ws?|(?:content[ \t]+|trigger[ \t]+)?warnings?)[ \t]*[:\-–—]?[ \t]*(?:please[ \t]+)?"
    r"(?:see|check|read|(?:are[ \t]+)?in)[ \t]+(?:the[ \t]+)?(?:(?:each|every|individual)[ \t]+)?"
    r"(?:chapters?['’]?[ \t]+)?(?:notes?|a/ns?|author['’]?s['’]?[ \t]+notes?|summar(?:y|ies)|tags)(?:[ \t]+(?:of|for)[ \t]+each[ \t]+chapter)?[ \t.!]*",
    re.IGNORECASE,
)


OPENING_ITEMS_ASKED = 6  # items of the first chapter whose notes may point to warnings at the end


def _warnings_at_end(meta: Meta, body: list[Item]) -> bool:
    """Whether the author said the story's warnings stand at its end: in the header (a field, a
    paragraph of its own, a sentence of a note or the summary) or in a note opening the first chapter."""
    if meta.warnings_at_end:
        return True
    notes = [*meta.notes, meta.summary or ""]
    notes += [
        item.text
        for item in body[:OPENING_ITEMS_ASKED]
        if isinstance(item, Para) and (item.note or is_labelled_note(item.text))
    ]
    return any(points_to_end(sentence) for note in notes for sentence in NOTE_SENTENCE.split(note))


POINTED_TAIL_ITEMS = 8  # items after the story's last text an author's closing notes run to


def _pointed_closing(items: list[Item]) -> tuple[list[Item], list[str]]:
    """Where the author said the warnings are at the story's end, the paragraphs after its last text
    that declare ("Warnings: major character death", "End notes: TW: suicide") are the whole story's:
    ``items`` without them, and them (their labels off). Read as the last chapter's, they warned of
    that chapter alone, while what they warn of may be anywhere. The author's other closing words
    (a thank-you, a note label) stay where they were; the story's own last paragraph is never taken."""
    taken: list[int] = []
    index = len(items)
    while index > 0 and len(items) - index < POINTED_TAIL_ITEMS:
        item = items[index - 1]
        if isinstance(item, SceneBreak):
            index -= 1
            continue
        if not isinstance(item, Para):
            return items, []  # a heading with nothing but declarations under it: its chapter's, as before
        text = strip_note_label(item.text) if is_labelled_note(item.text) else item.text
        noted = item.note or is_labelled_note(item.text)
        if declaration_paragraph(text) or (noted and extract_declarations(text)[0]):
            taken.append(index - 1)
        elif not (noted or _bare_note_label(item.text) or reader_aside(item.text) or sign_off(item.text)):
            break  # the story's last paragraph
        index -= 1
    else:
        return items, []  # no story text found over the tail
    if not taken:
        return items, []
    kept = [
        replace(item, note=True) if position >= index and isinstance(item, Para) else item  # "Thanks for reading!"
        for position, item in enumerate(items)
        if position not in taken
    ]
    while kept and (
        isinstance(kept[-1], SceneBreak) or (isinstance(kept[-1], Para) and _bare_note_label(kept[-1].text))
    ):
        kept.pop()  # a label or a rule the declarations stood under, nothing of the author's left after it
    paragraphs = [
        strip_note_label(items[position].text) if is_labelled_note(items[position].text) else items[position].text
        for position in reversed(taken)
    ]
    return kept, paragraphs


def _work_holds_in(note: str) -> list[str]:
    """What the sentences of a story's note say the work holds (:func:`work_holds`)."""
    return [held for sentence in NOTE_SENTENCE.split(note) for held in work_holds(sentence.strip())]


def _sentence_key(text: str) -> str:
    """A declaration or a note's sentence as compared: spaces collapsed, the closing stop off, any case."""
    return " ".join(text.split()).rstrip("!.~ ").casefold()


def _note_declarations(
    note: str, chapters: list[Chapter], named: ChaptersByNumber, given: Container[tuple[int, str]] = ()
) -> None:
    """What a header note says one chapter holds, given to that chapter: "chapter 2 contains
    self-harm" to the one it names, "this chapter contains self-harm" (a note over the first chapter,
    as a story posted a chapter at a time has it) to the first. A sentence the note already gave that
    chapter whole (``given``: "CW: self-harm in chapter 2.") declares nothing more: read again here,
    as "self-harm in chapter 2", it listed the warning twice in the chapter's header."""
    for sentence in NOTE_SENTENCE.split(note):
        numbered = numbered_chapter_holds(sentence)
        if numbered is not None and (at := named.index(numbered[0])) is not None:
            if (at, _sentence_key(sentence)) not in given:
                chapters[at].declared_warnings.extend(numbered[1])
        elif numbered is None and chapters and (held := chapter_holds(sentence)):
            chapters[0].declared_warnings.extend(held)


CLOSING_DECLARATIONS = 3  # paragraphs of declarations after a story's last divider


def _closing_story_declarations(chapters: list[Chapter]) -> list[str]:
    """Declarations the author set after the story's last divider, naming no chapter: warnings kept
    to the end so as not to spoil it ("Warnings: major character death" under a "---" after the
    last chapter's text). They are the whole story's, and come off the last chapter (which alone
    carried them, while the death they warn of was in an earlier one): returned, as the story's notes."""
    if len(chapters) < 2 or len(chapters[-1].scenes) < 2:
        return []
    last = chapters[-1].scenes[-1].paragraphs
    next_chapter, this_chapter = chapter_phrases()
    if not 0 < len(last) <= CLOSING_DECLARATIONS or not all(
        declaration_paragraph(paragraph) and not next_chapter.search(paragraph) and not this_chapter.search(paragraph)
        for paragraph in last
    ):
        return []
    chapters[-1].scenes.pop()
    return last


def _labelled_note(text: str) -> bool:
    """A paragraph that is an author's note by its label ("A/N: thanks"); a label alone on its line
    stays in the text for now, to say where a note section starts (:func:`_closing_note_section`)."""
    return is_labelled_note(text) and not _bare_note_label(text)


def _chapter_notes(chapter: Chapter, budget: MidDeclarationBudget, author: str | None = None) -> Chapter:
    """Everything of a chapter's that is the author's note and not its story, as its notes
    (``budget``: the story's, shared by its chapters; ``author``: the story's, whose note box's title,
    "A note from <author>", says the words under it are a note whatever they say)."""
    chapter = opening_notes(_opening_note_section(declared_title(_strip_note_labels(chapter)), author))
    chapter = _signed_end(_closing_note_section(chapter, author), author)
    return closing_declarations(mid_declarations(_without_bare_labels(chapter), budget))


# The author's signature under a chapter, a dash or a tilde before the name: "— Ada", "~ada", "-- Ada Quill".
_SIGNATURE = re.compile(
    r"[ \t]*(?:[—–~]|-{1,2})[ \t]*@?(?P<name>[^\W\d_][\w.'’-]{0,40}(?:[ \t][\w.'’-]{1,40}){0,3})[ \t]*"
)


def _signed_end(chapter: Chapter, author: str | None) -> Chapter:
    """A chapter's last paragraph the author's signature (:data:`_SIGNATURE`, naming the story's author, the
    first name of it or the handle): the chapter's note. As text, "— Ada" closed the story's prose."""
    last = chapter.scenes[-1].paragraphs if chapter.scenes and author else []
    if len(last) < 2 or len(last[-1]) > 60 or (found := _SIGNATURE.fullmatch(last[-1])) is None:
        return chapter
    name = found.group("name").casefold()
    full = (author or "").strip().lstrip("@").casefold()
    if name in (full, full.split()[0] if full.split() else full):
        chapter.notes.append(last.pop().strip())
    return chapter


OPENING_NOTE_PARAGRAPHS = 6  # paragraphs of a note under its label at a chapter's opening, at most


def _opening_note_section(chapter: Chapter, author: str | None = None) -> Chapter:
    """A chapter's opening note under a label on a line of its own ("Author's Note" over "Hey everyone,
    this one's a bit darker. Warning: torture."), as its notes (the label goes): the paragraphs after the
    label while each speaks as an author does (:func:`author_speaks`, a declaration, an aside to
    readers). Posted as story text before, its warning declared nothing. The chapter keeps its story."""
    first = chapter.scenes[0].paragraphs if chapter.scenes else []
    if (
        chapter.title is None
        and len(first) > 3
        and _box_of(first[1], author)
        and title_like(first[0].strip())
        and not first[0].rstrip().endswith(("!", "?"))
    ):  # Royal Road's chapter page copied: the chapter's title over the author's note box, then its text
        chapter.title = first.pop(0).strip()
    if len(first) < 2 or (not (bare := _bare_note_label(first[0])) and not _box_label(first[0])):
        return chapter
    # under a box naming the author, its first paragraph is the author's, whatever it says (text left under it)
    count = 2 if len(first) > 2 and _box_of(first[0], author) else 1
    while count < min(len(first) - 1, OPENING_NOTE_PARAGRAPHS + 1) and (
        author_speaks(first[count]) or declaration_paragraph(first[count]) or reader_aside(first[count])
    ):
        count += 1
    if count > 1:
        chapter.notes[:0] = first[1:count]
        del first[:count]
    elif bare:  # over what is left as text (a hiatus note posted as a chapter): the label says nothing to a reader
        del first[0]
    return chapter


def _without_bare_labels(chapter: Chapter) -> Chapter:
    """The chapter less the note labels alone on their lines that head no note section ("Notes:"
    over nothing the chapter's end shows as a note): a label says nothing to a reader."""
    for scene in chapter.scenes:
        kept = [paragraph for paragraph in scene.paragraphs if ":" not in paragraph or not _bare_note_label(paragraph)]
        if kept:
            scene.paragraphs[:] = kept
    chapter.scenes[:] = [scene for scene in chapter.scenes if scene.paragraphs]
    return chapter


def _closing_note_section(chapter: Chapter, author: str | None = None) -> Chapter:
    """A chapter's end note under a label on a line of its own ("Author's Note:", "A/N", "AUTHOR'S
    NOTE") and the paragraphs after it, to the chapter's end, as its notes (the label goes): posted
    as story text, the note was the chapter's last paragraphs and its warnings no declaration. Only
    a short tail with story text above it."""
    if not chapter.scenes:
        return chapter
    last = chapter.scenes[-1].paragraphs
    tail_words = 0  # of the paragraphs after ``index`` (a space between two never joins their words)
    for index in range(len(last) - 1, -1, -1):
        if index < len(last) - 1 and (
            _bare_note_label(last[index])
            or (
                _box_label(last[index])
                and (_box_of(last[index], author) or all(author_speaks(paragraph) for paragraph in last[index + 1 :]))
            )
        ):
            if index or len(chapter.scenes) > 1:
                chapter.notes.extend(last[index + 1 :])
                del last[index:]
            break
        head, _, rest = last[index].strip().partition("\n")
        if (
            rest.strip()
            and _box_label(head)
            and all(author_speaks(paragraph) for paragraph in [rest, *last[index + 1 :]])
            and (index or len(chapter.scenes) > 1)
        ):  # the box's title over its first lines in one paragraph: "A note from Ash" / "Patreon is ahead!"
            chapter.notes.extend([rest.strip(), *last[index + 1 :]])
            del last[index:]
            break
        tail_words += count_words(last[index])
        if tail_words > NOTE_SECTION_MAX_WORDS:
            break  # any label further up heads more than a note: a chapter's paragraphs are not all read
    return chapter


# Royal Road's title over an author's note box, copied as a line of its own: "A note from quillfeather",
# "A note from Ferris Quell" (a display name of up to four words).
_BOX_LABEL = re.compile(
    r"[ \t]*an?[ \t]+note[ \t]+from[ \t]+@?[^\s:]{2,40}(?:[ \t][^\s:]{1,40}){0,3}[ \t]*:?[ \t]*", re.IGNORECASE
)


def _box_label(text: str) -> bool:
    """A note box's title alone on its line ("A note from quillfeather"): a note label only over an
    author's words (a story's "A note from Mum" over hers stays its text, see where it is asked)."""
    return len(text) <= 60 and _BOX_LABEL.fullmatch(text) is not None


_BOX_FROM = re.compile(r"[ \t]*an?[ \t]+note[ \t]+from[ \t]+@?", re.IGNORECASE)


def _box_of(text: str, author: str | None) -> bool:
    """A note box's title naming the story's author ("A note from tidewriter" in a story by tidewriter,
    Royal Road's box copied as text): the words under it are the author's, whatever they say ("Sorry
    this one is late, exams!" was story text); "A note from Mum" in hers is still the story's."""
    if author is None or not _box_label(text):
        return False
    name = _BOX_FROM.sub("", text.strip(), count=1).rstrip(":").strip()
    return name.casefold() == author.strip().lstrip("@").casefold()


def _bare_note_label(text: str) -> bool:
    """A line that is only an author's note label, with or without its colon: "A/N", "Author's Note:"."""
    line = text.strip().rstrip(":：").strip()
    return (
        0 < len(line) <= 40 and "\n" not in line and is_labelled_note(f"{line}:") and not strip_note_label(f"{line}:")
    )


def notes_in_text(chapters: list[Chapter]) -> list[Chapter]:
    """The author's notes written inside chapter text whose notes have places of their own.

    AO3 keeps a chapter's notes apart from its text, yet authors still open the text itself
    with "A/N: sorry this took so long, tw for self harm" or close it with "CW for the next
    chapter: suicide": those are notes and declarations here as in a text file, where
    :func:`build_story` reads them. A chapter whose whole text is labelled a note keeps it as text.
    """
    budget = MidDeclarationBudget()
    for chapter in chapters:
        labelled = [paragraph for paragraph in chapter.paragraphs if is_labelled_note(paragraph)]
        if labelled and len(labelled) < len(chapter.paragraphs):
            for scene in chapter.scenes:
                scene.paragraphs = [paragraph for paragraph in scene.paragraphs if not is_labelled_note(paragraph)]
            chapter.scenes = [scene for scene in chapter.scenes if scene.paragraphs]
            chapter.notes.extend(labelled)
        _chapter_notes(chapter, budget)
    pair_footnotes(chapters)
    return chapters


def _strip_note_labels(chapter: Chapter) -> Chapter:
    """Notes without their "A/N:" labels; a label alone on its line ("Notes:") is no note."""
    stripped = (strip_note_label(note) if is_labelled_note(note) else note for note in chapter.notes)
    chapter.notes = [note for note in stripped if note.strip()]
    return chapter


def _dedupe(values: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        seen.setdefault(value, None)
    return list(seen)
