"""Budgets every import keeps, whatever the file holds (issue 12).

A file within ``MAX_UPLOAD_BYTES`` must import, scan and render in seconds and a few
hundred megabytes, so each shape a hostile file can take (chapters, paragraphs, nesting,
an archive's unpacked size) has a cap here, named so the refusal can say which one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from bot.story.decode import human_size
from bot.story.errors import StoryFormatError
from bot.story.model import Story, StoryMeta

DEFAULT_MAX_CHAPTERS = 2000  # setting MAX_CHAPTERS
# Elements in an HTML file or across an EPUB's documents. Each costs its tree node (~30 us, ~2 KB)
# and then every reader's pass over the tree (some forty): a page of 100,000 tiny elements took 8.5
# to 15 s from run to run, and 60,000 unclosed <div>s 11.5 s (issue 12's budget is 10 s). A 4 MiB
# AO3 download has about 40,000 (a million words, 6 MB, about 60,000).
MAX_HTML_ELEMENTS = 50_000
# Elements in an EPUB's NCX (its table of contents before EPUB 3), four an entry: 25,000 entries, a dozen
# for each chapter a book may have. The entries were read whatever their number: 170,000 took 3.4 s of
# CPU and 295 MB; an NCX past this is left unread, as a broken one is (the chapters need no TOC).
MAX_NCX_ELEMENTS = 100_000
# Elements in one of an EPUB's own XML files (the package file, container.xml, encryption.xml), counted
# before the tree is built: a package lists each member twice at most (MAX_MEMBERS in its manifest and
# spine) and a few dozen metadata entries; 300,000 <meta> (10 MB of XML, 1.4 MB packed) took 272 MB.
MAX_PACKAGE_ELEMENTS = 50_000
# Lines of text in one file: each is checked for a heading or a divider, and a paragraph of one line
# for every kind of note, field and declaration, up to about 70 us for a short one, so they are what
# bounds a file of short paragraphs. A 4 MiB novel hard-wrapped at 70 characters has about 75,000.
MAX_LINES = 150_000
# An EPUB may unpack to this many times its own size (text compresses 3-5x), and never
# less than the floor (a small book with pictures) nor more than 4x the upload limit.
MAX_UNPACK_RATIO = 20
MIN_UNPACKED_BYTES = 4 * 1024 * 1024
# Ancestors looked at when deciding where an element sits (AO3's markup is a dozen deep).
MAX_ANCESTORS = 64
# Spine documents an EPUB may list beyond MAX_CHAPTERS (title page, contents, notes ...).
SPINE_SLACK = 50
# Characters kept of a title (the story's or a chapter's), an author's name and one tag: what
# `/story add title:` takes, and what every line that names a story is laid out for.
MAX_TITLE_CHARS = 200
MAX_AUTHOR_CHARS = 200
MAX_TAG_CHARS = 200
# Characters of an image's alt text shown to readers on its "[Image: ...]" line (a caption runs to a sentence
# or two): alt text of several MB was posted whole, about 1,900 messages of one picture. Cut at a word.
MAX_IMAGE_ALT_CHARS = 300
# Combining marks on one letter of story text (a zalgo effect stacks a dozen or two): 2,000,000 on one
# letter of an HTML paragraph were posted as 1,005 messages of one glyph.
MAX_MARKS_PER_LETTER = 32
# Boxes a page may have read as notes, each on its own (a spoiler or ``<details>`` box, a footnotes
# block: about a millisecond each, its own reading and its title's); past them, a box is left as text.
# A story's notes run to dozens; 33,000 ``<details>`` took 20 s.
MAX_NOTE_BOXES = 2000
# Boxes another note box may hold, each read as a note in turn: a note box reads the notes of those
# inside it again, so 8,000 nested Obsidian callouts read the innermost thousands of times (35 s).
# Deeper, a box is left as text in the note around it.
MAX_NOTE_BOX_DEPTH = 16
# Declarations kept for the story and for each chapter, each once: an author's list of warnings runs to
# a few dozen; a file of 75,000 different "TW: blood 17" lines had each one mapped (seconds of CPU).
MAX_DECLARATIONS = 200
# Sentences of one note read for declarations, from its start: an author's note runs to a few dozen and
# says its warnings near the top; each sentence costs about 30 us of reading, and a note of 500,000
# different ones ("1. 2. 3. ...", 3.9 MB) took 5.4 s of CPU. Past them the note is kept, unread.
MAX_NOTE_SENTENCES = 200
# The same over the whole story, every note of every chapter: 2,500 notes of 199 took 4.9 s. A book of
# 2,000 chapters with a note of 25 sentences each is read whole; past the budget notes are kept, unread.
MAX_STORY_NOTE_SENTENCES = 50_000
# Lines inside a story's chapters shaped like a declaration ("TW: blood" over a scene), read against the
# taxonomy at about 150 us each: a chapter has a few, a book a few hundred; 70,000 took 10 s of CPU. Past
# this many a chapter's are left as its text, unread (a chapter of more than MAX_DECLARATIONS already is).
MAX_STORY_MID_DECLARATIONS = 4000


def check_chapters(count: int, max_chapters: int) -> None:
    """Refuse a story with more chapters than the server's setting allows."""
    if count > max_chapters:
        raise StoryFormatError(
            f"The story has {count:,} chapters, more than the {max_chapters:,} Dogear takes (the MAX_CHAPTERS "
            "setting); split it into parts or ask the bot's host to raise MAX_CHAPTERS."
        )


# Headings an HTML file may have per chapter it may hold (a chapter's title, its sections, a note's
# heading ...), counted at C speed before the tree is built: 50,000 <h2> chapters were read whole, 16 s,
# before the chapter budget refused them.
HEADINGS_PER_CHAPTER = 5
_HTML_HEADING = re.compile(r"<h[1-6][\s>/]", re.IGNORECASE)


def check_headings(markup: str, max_chapters: int) -> None:
    """Refuse markup with far more headings than the chapters a story may have, before any tree."""
    _refuse_headings(sum(1 for _ in _HTML_HEADING.finditer(markup)), max_chapters)


# The same for a text or Markdown file: lines that open as a heading ("# 12", "Chapter 12"). 149,000
# "# N" lines were each read as a heading (7.2 s of CPU, 233 MB) before the empty chapters were refused.
_TEXT_HEADING = re.compile(r"^[ \t]*(?:#{1,6}[ \t]|chapter\b)", re.IGNORECASE | re.MULTILINE)


def check_heading_lines(text: str, max_chapters: int) -> None:
    """Refuse text with far more heading lines than the chapters a story may have, before any is read.

    Counted against the default chapter limit at least: a bound on cost, so a server allowing fewer
    chapters still hears how many chapters its file has, from the readers (61 against a limit of 5)."""
    _refuse_headings(sum(1 for _ in _TEXT_HEADING.finditer(text)), max(max_chapters, DEFAULT_MAX_CHAPTERS))


def _refuse_headings(headings: int, max_chapters: int) -> None:
    if headings > HEADINGS_PER_CHAPTER * max_chapters:
        raise StoryFormatError(
            f"The file has {headings:,} headings, far more than the {max_chapters:,} chapters Dogear takes "
            "(the MAX_CHAPTERS setting) could need; split it into parts."
        )


def check_lines(text: str) -> None:
    """Refuse text with more lines than any story has, before any per-line work starts."""
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        raise StoryFormatError(
            f"The file has {lines:,} lines, more than the {MAX_LINES:,} any story needs; "
            "join its paragraphs or split it into parts."
        )


def keep_declarations(story: Story, known_warning: Callable[[str], str | None] | None = None) -> Story:
    """``story`` with its declarations, its tag groups and each chapter's declarations kept once each, the
    first :data:`MAX_DECLARATIONS` (AO3 takes 75 tags a work), and of the declarations only those that
    name something after their label (:func:`says_something`).

    ``known_warning`` names the warning a tag is (its key, or None): every such archive warning and
    additional tag is kept past the cap, once a key, so junk listed first never drops a real warning."""
    meta = story.meta
    meta.declared_warnings = list(dict.fromkeys(filter(says_something, meta.declared_warnings)))[:MAX_DECLARATIONS]
    keep_tag_groups(meta, known_warning)
    for chapter in story.chapters:
        chapter.declared_warnings = list(dict.fromkeys(filter(says_something, chapter.declared_warnings)))[
            :MAX_DECLARATIONS
        ]
    return story


def keep_tag_groups(meta: StoryMeta, known_warning: Callable[[str], str | None] | None = None) -> StoryMeta:
    """``meta`` with each tag group kept by :func:`keep_tags`, in place: on import, and again as a stored
    story is read (rows stored before the groups were capped). Returned for chaining."""
    meta.archive_warnings = keep_tags(meta.archive_warnings, known_warning)
    meta.additional_tags = keep_tags(meta.additional_tags, known_warning)  # (each mapped, as a declaration)
    meta.fandoms = keep_tags(meta.fandoms)
    meta.relationships = keep_tags(meta.relationships)
    meta.characters = keep_tags(meta.characters)
    return meta


def keep_tags(tags: list[str], known: Callable[[str], str | None] | None = None) -> list[str]:
    """``tags`` once each, in their order: the first :data:`MAX_DECLARATIONS` of them, and past those
    every tag ``known`` names (one per name it gives). 10,000 junk archive warnings were all stored in
    the story's meta and shown; a cap alone would drop "Major Character Death" listed after them."""
    kept: list[str] = []
    names: set[str] = set()
    for tag in dict.fromkeys(tags):
        name = known(tag) if known is not None else None
        if name is not None:
            if name not in names:
                names.add(name)
                kept.append(tag)
        elif len(kept) - len(names) < MAX_DECLARATIONS:
            kept.append(tag)
    return kept


# A declaration's label, up to its colon: what is after it must say something.
_DECLARATION_LABEL = re.compile(r"^[^:：\n]{0,40}[:：]")


def says_something(declared: str) -> bool:
    """Whether a declaration names anything after its label: a word, a number or a pictograph ("TW: 🔪").
    "TW:" over a run of dashes, bars or tildes was kept and shown as the author's warnings."""
    body = _DECLARATION_LABEL.sub("", declared, count=1)
    return any(unicodedata.category(char)[0] in "LN" or unicodedata.category(char) == "So" for char in body)


def check_story_text(story: Story, max_bytes: int, *, in_characters: bool = False) -> None:
    """Refuse a story with more text than a plain-text upload may hold: an EPUB unpacks to up to
    four times the limit, and scanning and rendering cost by the text (19 MB of heavy scenes in a
    7.8 MB EPUB took 17 s, against 10 s for an upload). ``in_characters``: counted in characters, for
    a file read as it is (decoding never makes more characters than bytes, while a Shift-JIS or
    cp1252 file within the limit grows in UTF-8 bytes), so only what reading adds is refused."""
    paragraphs = (paragraph for chapter in story.chapters for paragraph in chapter.paragraphs)
    size = sum(map(len, paragraphs)) if in_characters else sum(len(p.encode("utf-8")) for p in paragraphs)
    if size > max_bytes:
        raise StoryFormatError(
            f"The file holds {human_size(size)} of story text, more than the {human_size(max_bytes)} "
            "Dogear reads from one file; split the story into parts."
        )
