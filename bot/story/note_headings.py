"""Headings that label a chapter's notes, warnings or text: sections, never chapters.

Authors write their notes under a heading of their own (in Markdown, or as ``<h3>`` in a saved web
page or an EPUB chapter)::

    ## Chapter 2
    ### Author's Note
    CW for this chapter: self-harm.
    ### Story
    She came to the island ...

Read as chapters, "Author's Note" and "Story" were two more chapters: every chapter number after
them was off against the book members read, and the CW sat in story text, warning nobody. Here a
heading whose whole text is a note label ("A/N", "Notes", "End Notes", the labels of declared.json's
languages) makes the paragraphs under it the chapter's notes (above the first chapter, the story's);
a warnings heading ("Warnings", "Content warnings", "TW", "Triggerwarnungen") makes them the
chapter's declared warnings; a "Summary" heading makes its text the chapter's note (above the first
chapter, the story's summary); a "Story" or "Chapter Text" heading (AO3's own label) is no heading.
A section ends at the next heading or divider. The notes then go the way every format's do: end
notes naming the next chapter warn for it (see bot.story.text_declarations.declare_chapter_warnings).

What is a label is decided from the heading's whole text ("Notes from the Underground" and "Warnings
and Wonders" are titles) and its level against the chapter headings': deeper, it is inside a
chapter. At the chapter headings' own level, an unmistakable label ("Author's Note", "Content
Warnings", "Chapter Text") is a section; a plain word that may also title a chapter ("Notes",
"Warnings", "Story") is one only where chapters are numbered ("Chapter 3" has no chapter called
"Notes" beside it), or right under a chapter heading or another section. A chapter left with no
story text at all (a hiatus note posted as a chapter) is read as before, its note as its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from bot.story.bylines import by_line_author
from bot.story.metadata_fields import parse_field, trim_ornaments
from bot.story.structure import Heading, Item, Para, SceneBreak
from bot.story.text_declarations import declaration_line
from bot.warnings.declared import declaration_cues, lists_warnings

NOTES, WARNINGS, SUMMARY, TEXT = "notes", "warnings", "summary", "text"

_ENGLISH_NOTES = (
    r"a/n|a\.n\.|an|a/ns|author'?s'? ?notes?|authors? notes?|notes? (?:from|by) (?:the )?author"
    r"|(?:chapter|beginning|opening|start|end|ending|closing|final|story|work|fic|translator'?s'?) notes?"
    r"|chapter (?:beginning|end) notes?|an? note (?:from|by) (?:the )?author|(?:an? )?note to (?:the |my |our )?readers?"
    r"|notes?|disclaimers?|(?:foot|end) ?notes?|translation notes?|(?:chapter )?footnotes?"
    r"|an? (?:note|word) (?:on|about) (?:the )?content"  # a book's page pointing to its warnings elsewhere
)
_ENGLISH_WARNINGS = (
    r"(?:(?:chapter|content|trigger|story) )?warnings?(?:\(s\))?(?: for (?:this|the|(?:the )?(?:next|upcoming|following)) chapter)?"
    r"|(?:tw|cw|t/w|c/w)s?(?: ?/ ?(?:tw|cw)s?)?(?: for (?:this|the|(?:the )?(?:next|upcoming|following)) chapter)?"
    r"|(?:content|trigger) notes?|chapter (?:tw|cw)s?"
)
_ENGLISH_SUMMARY = r"(?:chapter |story |work )?summary|summary of (?:the|this) chapter"
_ENGLISH_TEXT = r"story|the story|story text|chapter text|work text|main text|text|fic|the fic"
# Words that also title chapters ("## Notes" in an epistolary novel): a section only where the
# chapters around them say so (see the module docstring). Single words of declared.json's
# note and generic labels ("Notas", "Anmerkungen", "Avisos") are held the same way.
_BRACKETED = re.compile(r"[ \t]*[(\[][^()\[\]\n]{0,40}[)\]][ \t]*$")  # an aside closing a heading
_PLAIN_WORDS = frozenset(["an", "note", "notes", "disclaimer", "disclaimers", "warning", "warnings"])
_PLAIN_WORDS |= frozenset(["story", "text", "fic", "summary"])
_EDGE = " \t:：.-–—*_#"


@dataclass(frozen=True, slots=True)
class Label:
    kind: str  # NOTES, WARNINGS, SUMMARY or TEXT
    plain: bool  # an ordinary word a chapter may be titled with
    text: str  # the heading's words, as written: "Content Warnings"


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    cues = declaration_cues()
    notes = "|".join(part for part in (_ENGLISH_NOTES, cues.note_labels) if part)
    warnings = "|".join(part for part in (_ENGLISH_WARNINGS, cues.labels, cues.generic_labels) if part)
    return tuple(
        (kind, re.compile(rf"(?:{pattern})", re.IGNORECASE))
        for kind, pattern in ((TEXT, _ENGLISH_TEXT), (SUMMARY, _ENGLISH_SUMMARY), (WARNINGS, warnings), (NOTES, notes))
    )


@cache
def _plain_world_words() -> frozenset[str]:
    """The single-word labels of declared.json that are ordinary words ("notas", "avisos")."""
    cues = declaration_cues()
    words = f"{cues.note_labels}|{cues.generic_labels}".split("|")
    return frozenset(word for word in words if word and re.fullmatch(r"[^\W\d_]+(?:\(\?:[^()]*\)\??|\w\?)*", word))


def heading_label(heading: Heading) -> Label | None:
    """What a heading labels, when its whole text is a label ("### Author's Note:", ``<h3>Notes</h3>``).

    Markdown and HTML headings that name no chapter are both of kind "markdown"."""
    if heading.kind != "markdown" or not heading.title:
        return None
    text = trim_ornaments(_BRACKETED.sub("", heading.title)).strip(_EDGE)  # "CW for the next chapter (spoilers)"
    key = " ".join(text.replace("’", "'").replace("‘", "'").split()).lower()
    if not key or len(key) > 60:
        return None
    for kind, pattern in _patterns():
        if pattern.fullmatch(key):
            return Label(kind, _plain(key), text)
    return None


def box_note(title: str, text: str) -> str | None:
    """The note a box of the page titled ``title`` holds (a forum's spoiler box "Spoiler: Author's
    Note", a ``<details>`` whose summary reads "Content Warnings"), as a section under a heading of
    that title would make it; None when the title labels no note, warnings or summary."""
    label = heading_label(Heading(title, "markdown", 3, title))
    if label is None or label.kind == TEXT:
        return None
    return _note_text(label, text, first=True)


def note_title(title: str) -> bool:
    """Whether a box's title labels a note, warnings or a summary (see :func:`box_note`)."""
    label = heading_label(Heading(title, "markdown", 3, title))
    return label is not None and label.kind != TEXT


def _plain(key: str) -> bool:
    if key in _PLAIN_WORDS:
        return True
    return " " not in key and any(re.fullmatch(word, key) for word in _plain_world_words())


def note_sections(items: list[Item], *, title_heading: bool = True) -> list[Item]:
    """The items with note, warnings and text headings read as sections of the chapter they are in.

    ``title_heading``: a single level-one heading may be the file's title, not a chapter's ("# The
    Island" over "## Chapter 1"). An EPUB part that is one chapter opens with that chapter's own
    heading, whatever its level, so its reader passes False.
    """
    items = landmark_headings(items)
    labels = [heading_label(item) if isinstance(item, Heading) else None for item in items]
    if not any(labels):
        return items
    chapters = _chapter_headings(items, labels, title_heading=title_heading)
    sections = _sections(items, labels, chapters)
    if not sections:
        return items
    return _rewrite(items, sections, chapters)


# AO3's own labels between a chapter's heading, its notes and its text, as a page copied out of the
# browser (or its download turned into text) keeps them: lines of their own, not headings.
_LANDMARKS = frozenset(
    ["chapter text", "work text", "chapter notes", "chapter end notes", "end notes", "chapter summary"]
)
_SEE_THE_END = re.compile(r"^\(?see the end of the (?:chapter|work) for (?:more )?notes\.?\)?$", re.IGNORECASE)
# The buttons under a work on AO3's page, copied with it: "Kudos", "Bookmark", "Comment" a line each.
_AO3_BUTTONS = frozenset(["kudos", "bookmark", "bookmarks", "comment", "comments", "share", "subscribe"])
# Whether a line may be one of the above, found by one search an item: a line with none of these
# words is none of them (the buttons are read only in a file with a landmark).
_AO3_LINE = re.compile(r"chapter text|work text|notes|summary|see the end|posted originally|afterword", re.IGNORECASE)
_TRIGGER_CHARS = 60  # a landmark that puts a file in AO3's shape is a short line
_LANDMARK_CHARS = (
    160  # a landmark line is short (AO3's longest, its "Please drop by", 90); a longer paragraph is not looked at
)
# What AO3's download says around the work, turned into text with it; "Afterword" holds the work's end notes.
_AO3_BOILERPLATE = re.compile(
    r"^(?:posted originally on the archive of our own at \S+"
    r"|please drop by the archive and comment to let the (?:creator|author)s? know if you enjoyed their work!?"
    r"|afterword)$",
    re.IGNORECASE,
)


_POSTED_ORIGINALLY = re.compile(r"posted originally on the archive of our own at \S+$", re.IGNORECASE)


def landmark_headings(items: list[Item]) -> list[Item]:
    """AO3's labels copied as lines of text ("Notes:", "Chapter Text", "Chapter End Notes") read as
    the headings they are on AO3, so the notes under them are the chapter's and its text its text.

    A work copied from AO3's page into a document, a Markdown file or a text file keeps each label
    on a line of its own: read as text, the author's "Warning for a wound in this chapter" under
    "Notes:" was posted as story and warned nobody, and "Chapter Text" opened every chapter. Only a
    file that shows AO3's own shape is read so, by a line only AO3 writes ("Chapter Text", "Chapter
    End Notes"); then every line that is a whole label is a section heading deeper than any chapter's,
    and AO3's "See the end of the chapter for more notes" and its row of buttons are dropped.
    """
    items = _labels_over_text(items)
    if not any(_ao3_line(item) for item in items):  # (most files: one quick search an item, no key worked out)
        return items
    keys = [_landmark_key(item) for item in items]
    if (
        not any(key in _LANDMARKS for key in keys)
        and not any(_landmark_titled(item) for item in items)
        # (AO3's download copied as text has no "Chapter Text" label, but opens on its "Posted originally" line)
        and not any(key is not None and _POSTED_ORIGINALLY.match(key) for key in keys)
    ):
        return [item for item, key in zip(items, keys, strict=True) if key is None or not _SEE_THE_END.match(key)]
    if any(_label_over_rest(item) for item in items):  # (a file of AO3's shape: its "Summary:" over its text too)
        items = [part for item in items for part in (_label_over_rest(item) or [item])]
        keys = [_landmark_key(item) for item in items]
    out: list[Item] = []
    for item, key in zip(items, keys, strict=True):
        if key is not None and (_SEE_THE_END.match(key) or _AO3_BOILERPLATE.match(key)):
            continue
        if _landmark_titled(item):  # an untitled "Chapter 2" took the "Chapter Text" line under it as its title
            assert isinstance(item, Heading)
            out.extend([replace(item, title=None), Heading(item.title, "markdown", 6, item.title)])
        elif key is None or not isinstance(item, Para):
            out.append(item)
        elif _buttons(item.text):
            continue
        elif heading_label(heading := Heading(item.text.strip(), "markdown", 6, item.text.strip())) is not None:
            out.append(heading)
        else:
            out.append(item)
    return _work_heading(out)


_WORK_LINE_CHARS = 120


def _work_heading(items: list[Item]) -> list[Item]:
    """The work's title and its author's name, the two lines AO3 sets over its summary (or its first
    chapter), as the title page fields they are: copied, they were a paragraph of story text."""
    items = _work_headings_as_lines(items)
    first = next((index for index, item in enumerate(items) if isinstance(item, Heading)), len(items))
    following = items[first + 1] if first + 1 < len(items) else None
    if (
        _plain_heading(items[first] if first < len(items) else None)
        and isinstance(following, Para)
        and (author := by_line_author(following.text.strip()))
    ):
        # the title as a heading over its by-line, under the work's tags (AO3's download re-saved
        # by Word: "<h2>Tern Island</h2><p>by skua</p>"): a heading over no text, the file was refused.
        # The title page's fields open the file, the tags under them.
        heading = items[first]
        assert isinstance(heading, Heading)
        return [
            Para(f"Title: {heading.title or heading.raw}\nAuthor: {author}", 0),
            *items[:first],
            *items[first + 2 :],
        ]
    start = first
    while start > 0 and first - start < 2 and _work_line(items[start - 1]):
        start -= 1
    lines = [line.strip() for item in items[start:first] if isinstance(item, Para) for line in item.text.split("\n")]
    if not 1 <= len(lines) <= 2:
        return items
    fields = [f"Title: {lines[0]}", *(f"Author: {by_line_author(line) or line}" for line in lines[1:])]
    before = [item for item in items[:start] if not (isinstance(item, Para) and item.text.strip() == lines[0])]
    return [*before, Para("\n".join(fields), 0), *items[first:]]


def _work_headings_as_lines(items: list[Item]) -> list[Item]:
    """The work's title and by-line set as the file's first headings, AO3's page pasted into a
    Markdown editor ("## Bones of the Tide" / "### marrowlight" over "### Summary:"), as the lines
    they are: read as headings, the title heading over the by-line had no text and the file was refused."""
    count = 0
    while count < min(2, len(items)) and _plain_heading(items[count]):
        count += 1
    following = items[count] if count < len(items) else None
    if (
        count == 0
        or not isinstance(following, Heading)
        or (heading_label(following) is None and following.kind == "markdown")
    ):
        return items
    lines = [Para(item.title or item.raw, 0) for item in items[:count] if isinstance(item, Heading)]
    return [*lines, *items[count:]]


def _plain_heading(item: Item | None) -> bool:
    """A Markdown heading that is no label and names no chapter: a title, a name."""
    return isinstance(item, Heading) and item.kind == "markdown" and heading_label(item) is None


def _work_line(item: Item) -> bool:
    """A paragraph of one or two short lines that end no sentence and are no field: a title, a name."""
    if not isinstance(item, Para) or item.note or len(item.text) > 2 * _WORK_LINE_CHARS:
        return False
    lines = [line.strip() for line in item.text.split("\n")]
    return len(lines) <= 2 and all(
        0 < len(line) <= _WORK_LINE_CHARS
        and not line.endswith((".", ",", ";", ":", "!", "?"))
        and parse_field(line) is None  # AO3's "Additional Tags: ..." over the title, a document's copy: no name
        for line in lines
    )


def _labels_over_text(items: list[Item]) -> list[Item]:
    """A label only AO3 writes ("Chapter End Notes") copied on the first line of the paragraph it heads
    ("Chapter End Notes" / "CW for the next chapter: ..."), as a line of its own over that paragraph:
    in one, the label was no landmark and the note story text."""
    if not any(
        isinstance(item, Para) and "\n" in item.text and _AO3_LINE.search(item.text, 0, _TRIGGER_CHARS)
        for item in items
    ):
        return items
    out: list[Item] = []
    for item in items:
        head, _, rest = item.text.strip().partition("\n") if isinstance(item, Para) else ("", "", "")
        if rest.strip() and _landmark_key(Para(head)) in _LANDMARKS:
            out.extend([Para(head, item.gap), Para(rest.strip(), 1)])
        else:
            out.append(item)
    return out


def _label_over_rest(item: Item) -> list[Item] | None:
    """A paragraph holding a line that is an AO3 label alone ("Summary:", "Notes:", "Chapter Text") among
    its lines, in a file of AO3's shape, as the label's line and the text around it: in one, "Summary:"
    / "Two boys, one summer" was no landmark and the title and author over it a chapter 1 of their own."""
    if not isinstance(item, Para) or item.note or "\n" not in item.text.strip():
        return None
    parts: list[Item] = []
    pending: list[str] = []
    for line in item.text.strip().split("\n"):
        # (any line of the paragraph, not only its first: a chapter's "Notes:" / "TW: blood in this
        # chapter." / "Chapter Text" copied on lines of their own kept the label in the note)
        bare = line.strip()
        if len(bare) <= _TRIGGER_CHARS and _AO3_LINE.search(bare) and heading_label(Heading(bare, "markdown", 6, bare)):
            if "\n".join(pending).strip():
                parts.append(Para("\n".join(pending).strip(), 1))
            pending = []
            parts.append(Para(bare, 1))
        else:
            pending.append(line)
    if len(parts) == 0:
        return None
    if "\n".join(pending).strip():
        parts.append(Para("\n".join(pending).strip(), 1))
    parts[0].gap = item.gap
    return parts


def _ao3_line(item: Item) -> bool:
    """Whether the item may be a landmark, the short line that puts a file in AO3's shape."""
    text = item.text if isinstance(item, Para) else (item.title or "") if isinstance(item, Heading) else ""
    return len(text) <= _TRIGGER_CHARS and _AO3_LINE.search(text) is not None


def _landmark_titled(item: Item) -> bool:
    """A chapter heading whose title is an AO3 label: "Chapter 2" over "Chapter Text", read as its title."""
    return isinstance(item, Heading) and item.kind == "chapter" and _landmark_key(Para(item.title or "")) in _LANDMARKS


def _landmark_key(item: Item) -> str | None:
    """A short paragraph's or heading's words, folded, for the landmark checks; None for any other item."""
    text = item.text if isinstance(item, Para) else item.raw if isinstance(item, Heading) else ""
    if not 5 <= len(text) <= _LANDMARK_CHARS:  # "Kudos" is the shortest
        return None
    key = " ".join(text.split()).strip(_EDGE).casefold()
    return key or None


def _buttons(text: str) -> bool:
    lines = [line.strip().casefold() for line in text.split("\n") if line.strip()]
    return bool(lines) and all(line in _AO3_BUTTONS for line in lines)


def _chapter_headings(items: list[Item], labels: list[Label | None], *, title_heading: bool) -> list[int]:
    """Where the headings that start chapters are: every heading but labels and a file's single '#' title."""
    headings = [i for i, item in enumerate(items) if isinstance(item, Heading) and labels[i] is None]
    titles = [i for i in headings if _is_top(items[i])] if title_heading else []
    return [i for i in headings if not (len(titles) == 1 and i == titles[0])]


def _is_top(item: Item) -> bool:
    return isinstance(item, Heading) and item.kind == "markdown" and item.level == 1


def _sections(items: list[Item], labels: list[Label | None], chapters: list[int]) -> dict[int, Label]:
    """The label headings that open a section, by index, read in order (see the module docstring)."""
    chapter_set = set(chapters)
    level = _chapter_level(items, chapters)
    numbered = level is not None and all(
        item.kind != "markdown" for i in chapters if isinstance(item := items[i], Heading) and item.level == level
    )
    sections: dict[int, Label] = {}
    inside = False  # under a chapter heading or a section, with no story text since
    in_notes = False  # the paragraphs now read are a note or warnings section's
    for index, item in enumerate(items):
        label = labels[index]
        if isinstance(item, Heading) and label is not None and _is_section(item, label, level, numbered, inside):
            sections[index] = label
            inside, in_notes = True, label.kind != TEXT
        elif isinstance(item, Heading):
            inside, in_notes = index in chapter_set, False
        elif isinstance(item, SceneBreak):
            in_notes = False
        elif not in_notes:
            inside = False
    return sections


def _chapter_level(items: list[Item], chapters: list[int]) -> int | None:
    """The level chapters are at: parts ("## Part One") over them do not count, so a "### Notes"
    among chapters titled at level 3 is judged at theirs, not as deeper than the parts."""
    headings = [item for i in chapters if isinstance(item := items[i], Heading)]
    levels = [heading.level for heading in headings if heading.kind != "part"]
    return min(levels or [heading.level for heading in headings], default=None)


def _is_section(heading: Heading, label: Label, level: int | None, numbered: bool, inside: bool) -> bool:
    if level is None:
        return heading.level > 1 or not label.plain  # a lone "# Notes" may be the story's title
    if heading.level > level:
        return True
    if not label.plain:
        return True
    return heading.level == level and (numbered or inside)


def _rewrite(items: list[Item], sections: dict[int, Label], chapters: list[int]) -> list[Item]:
    """Each chapter's items with its sections read.

    A chapter that would keep no story text ("### Author's Note", a thank-you, then the story
    with no "Story" heading over it) keeps only the first paragraph of each note section as its
    note; one that still has none (a hiatus note posted as a chapter) stays as it was.
    """
    starts = [0, *(i for i in chapters if i > 0)]
    chapter_set = set(chapters)
    out: list[Item] = []
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(items)
        front = start not in chapter_set
        read = _read_span(items, range(start, end), sections, front=front, whole_notes=True)
        if not front or not chapters:  # above the first chapter, notes may be all there is
            if not _has_text(read):
                read = _read_span(items, range(start, end), sections, front=front, whole_notes=False)
            if not _has_text(read):
                read = items[start:end]
        out.extend(read)
    return out


def _has_text(items: list[Item]) -> bool:
    return any(isinstance(item, Para) and not item.note for item in items)


def _read_span(
    items: list[Item], span: range, sections: dict[int, Label], *, front: bool, whole_notes: bool
) -> list[Item]:
    """The items of ``span`` with section headings taken out and the paragraphs under note headings made notes.

    A section ends at the next heading or divider; a warnings section also at the first paragraph
    after its first that lists no warnings, and a note section after its first paragraph unless
    ``whole_notes``. A summary above the first chapter (``front``) is the story's: one "Summary:"
    field the preamble reads; a chapter's is its note.
    """
    out: list[Item] = []
    current: Label | None = None  # the note or warnings section the next paragraphs are in
    taken = 0  # paragraphs the current section holds so far
    for index in span:
        item = items[index]
        if index in sections:
            current, taken = (sections[index] if sections[index].kind != TEXT else None), 0
            continue
        if isinstance(item, Heading | SceneBreak):
            current = None
        elif current is not None and current.kind == SUMMARY and front:
            if taken:
                out[-1] = Para(f"{out[-1].text}\n{item.text}", out[-1].gap)
                continue
            item, taken = Para(f"Summary: {item.text}", item.gap), 1
        elif current is not None:
            note = _note_text(current, item.text, first=taken == 0)
            if note is None or (taken and current.kind == NOTES and not whole_notes):
                current = None
            else:
                item, taken = Para(note, item.gap, note=True), taken + 1
        out.append(item)
    return out


_LIST_MARK = re.compile(r"^[ \t]*(?:[-*+•][ \t]+|\d{1,3}[.)][ \t]+)")


def _note_text(label: Label, text: str, *, first: bool) -> str | None:
    """A paragraph of a section as the note it is, or None where the section has ended.

    Under a warnings heading a paragraph is labelled with it, so the warnings it lists are declared
    ("Content Warnings: self-harm, blood"), unless it declares them itself. Past the first, a
    paragraph that lists no warnings is the story going on under a heading-less start.
    """
    if label.kind == SUMMARY:
        return f"{label.text}: {text}"
    if label.kind != WARNINGS:
        return text
    lines = [_LIST_MARK.sub("", line).strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    if lines and all(declaration_line(line) for line in lines):
        return text
    note = f"{label.text}: " + ", ".join(line.rstrip(",;") for line in lines)
    return note if first or lists_warnings(note) else None
