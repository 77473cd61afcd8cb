"""A plain text file's story: its lines read as items (:mod:`bot.story.structure`), a forum thread's
lines taken out first (:mod:`bot.story.forum_text`), the labels of a page copied from AO3 as the
sections they head (:mod:`bot.story.note_headings`), a Tumblr post copied with its reblog chain as
the post (:func:`bot.story.webpage.tumblr_copy`), then the text importers' shared tail
(:func:`bot.story.plaintext.build_story`).

Its own module because the note headings read declarations with :mod:`bot.story.text_declarations`' helpers.
"""

from __future__ import annotations

import itertools
import re

from bot.story.chat_copy import chat_copy_text, chat_poster
from bot.story.forum_text import forum_thread, thread_story
from bot.story.limits import DEFAULT_MAX_CHAPTERS, check_heading_lines, check_lines
from bot.story.metadata_fields import WORD_COUNT, parse_field, word_count_line
from bot.story.model import Story
from bot.story.note_headings import note_sections
from bot.story.plaintext import build_story, without_running_heads
from bot.story.ruby import readings_in_brackets
from bot.story.site_chrome import (
    SIGNATURE_LINE,
    drop_count_lines,
    reddit_head,
    site_chrome,
    without_paragraph_counts,
)
from bot.story.structure import Heading, Item, Para, match_heading, split_items, title_alone
from bot.story.title_lines import post_head
from bot.story.warning_lists import give_warning_lists, take_warning_lists
from bot.story.webpage import tumblr_ask, tumblr_copy


def parse_plain_text(
    text: str,
    filename: str,
    *,
    source_format: str = "txt",
    max_chapters: int = DEFAULT_MAX_CHAPTERS,
    fallback_title: str | None = None,
) -> Story:
    """A story in plain text (or a page's <pre>: ``fallback_title`` is its <title>, used only where the
    text names no title of its own)."""
    check_lines(text)
    check_heading_lines(text, max_chapters)
    poster = chat_poster(text)  # a Discord copy's one poster: its author, where the text names none
    text = without_running_heads(without_script_pages(without_manuscript_cover(chat_copy_text(text))))
    text = ffn_select_lines(fimfiction_banners(text))
    text, lists = take_warning_lists(bbcode_as_text(without_review_comments(text)))
    thread = forum_thread(text)
    items = reddit_head(
        tumblr_copy(tumblr_ask(split_items(readings_in_brackets(drop_count_lines(thread.text if thread else text)))))
    )
    items = without_signatures(post_head(without_draft_folder(without_paragraph_counts(journal_footer(items)))))
    story = build_story(
        note_sections(items), filename, source_format, max_chapters=max_chapters, fallback_title=fallback_title
    )
    if poster and story.meta.author is None:
        story.meta.author = poster
    return give_warning_lists(thread_story(story, thread) if thread else story, lists)


# FanFiction.net's chapter select between its buttons, copied from the page as a line over and under the
# chapter: "< Prev   2. Low Water   Next >" ("1. The Ferry   Next >" on the first, no "Next" on the last).
_FFN_SELECT = re.compile(
    r"^[ \t]*(?:<[ \t]*Prev[ \t]+(?P<entry>\d{1,4}\.[ \t]+[^\n<>]{1,100}?)(?:[ \t]+Next[ \t]*>)?"
    r"|(?P<first>\d{1,4}\.[ \t]+[^\n<>]{1,100}?)[ \t]+Next[ \t]*>)[ \t]*$",
    re.MULTILINE,
)


def ffn_select_lines(text: str) -> str:
    """The text with FanFiction.net's chapter select lines (:data:`_FFN_SELECT`) read: the first the chapter's
    heading ("2. Low Water"), the others dropped. Read as text, each was a paragraph of the chapter."""
    if "Next" not in text and "Prev" not in text:
        return text
    seen = False

    def entry(match: re.Match[str]) -> str:
        nonlocal seen
        if seen:
            return ""
        seen = True
        title = re.sub(r"^(\d{1,4})\.[ \t]+", r"Chapter \1: ", match.group("entry") or match.group("first"))
        return f"\n{title}\n"

    return _FFN_SELECT.sub(entry, text)


def without_signatures(items: list[Item]) -> list[Item]:
    """The items less a forum poster's signature copied as text under a post, a paragraph whose every line is
    one of it (:data:`site_chrome.SIGNATURE_LINE`), "--" over it or not: story text under every post."""
    return [item for item in items if not (isinstance(item, Para) and not item.note and _signature(item.text))]


SIGNATURE_LINES = 4

# A journal entry's foot, copied as text under the story (LiveJournal's, Dreamwidth's): its "Tags: fic, salt roads"
# and its "Current Mood: tired", "Current Music: ...", "Location: ..." lines.
_JOURNAL_TAGS = re.compile(r"[ \t]*tags?[ \t]*:[ \t]*(?P<tags>[^\n]{1,300})", re.IGNORECASE)
_JOURNAL_FIELD = re.compile(r"[ \t]*(?:current[ \t]+)?(?:mood|music|location)[ \t]*:[ \t]*[^\n]{0,200}", re.IGNORECASE)
JOURNAL_FOOTER_ITEMS = 6


def journal_footer(items: list[Item]) -> list[Item]:
    """The items less a journal entry's foot under the story, its tags line read as the story's tags (set at the
    head as "Additional Tags:", which a header reads and whose warnings it declares), its mood and music lines
    and the site's counts and buttons around them ("3 comments | Reply") dropped. Only a foot of such lines
    alone with a "Tags:" line among them, closing the text under story text, and a journal's by a mood or a count
    among them or a header's fields over the text ("Title:" / "Author:"): as the story's last paragraphs they were
    read as its text. (A story's last line "Tags: angst" alone, no header over it, stays its own.)"""
    start = len(items)
    tags: list[str] = []
    journal = False
    while start > 0 and len(items) - start < JOURNAL_FOOTER_ITEMS:
        item = items[start - 1]
        if not isinstance(item, Para) or item.note:
            break
        lines = [line.strip() for line in item.text.strip().split("\n")]
        if len(lines) > JOURNAL_FOOTER_ITEMS or not all(
            _JOURNAL_TAGS.fullmatch(line) or _JOURNAL_FIELD.fullmatch(line) or site_chrome(line) for line in lines
        ):
            break
        tags[:0] = [found.group("tags").strip() for line in lines if (found := _JOURNAL_TAGS.fullmatch(line))]
        journal = journal or any(not _JOURNAL_TAGS.fullmatch(line) for line in lines)
        start -= 1
    if not tags or start < 1 or not any(isinstance(item, Para) for item in items[:start]):
        return items
    fields = next(
        (index for index, item in enumerate(items[: min(start, JOURNAL_FOOTER_ITEMS)]) if _header_fields(item)), None
    )
    if not journal and fields is None:
        return items
    at = 0 if fields is None else fields + 1  # under the header's fields, the journal's subject over them kept first
    return [*items[:at], Para(f"Additional Tags: {', '.join(tags)}", 0), *items[at:start]]


def _header_fields(item: Item) -> bool:
    """A paragraph opening on a header's "Title:" or "Author:" field."""
    if not isinstance(item, Para):
        return False
    field = parse_field(item.text.strip().split("\n", 1)[0])
    return field is not None and field[0] in ("title", "author")


def _signature(text: str) -> bool:
    lines = text.strip().split("\n", SIGNATURE_LINES)
    if lines[0].strip() == "--":
        lines = lines[1:]
    return 0 < len(lines) <= SIGNATURE_LINES and all(SIGNATURE_LINE.fullmatch(line) for line in lines)


# The name of Scrivener's folder that holds the book ("Draft"; "Manuscript" in its novel templates), which
# a compile including the folder's title sets alone over the first chapter.
_DRAFT_FOLDERS = frozenset(("draft", "manuscript"))
_FOLDER_HEAD_ITEMS = 4  # the title page's lines over it, at most


def without_draft_folder(items: list[Item]) -> list[Item]:
    """The items without Scrivener's "Draft" (or "Manuscript") line straight over the first chapter's heading,
    in the text's head: it titled the story, or was a chapter of its own over chapter 1. Over a bare title
    ("The Ferry") the compile titles its chapters so, unlabelled: each such title a heading
    (:func:`_compiled_titles`)."""
    first = next((index for index, item in enumerate(items[: _FOLDER_HEAD_ITEMS + 1]) if isinstance(item, Heading)), 0)
    if not first:
        folder = next((index for index, item in enumerate(items[:_FOLDER_HEAD_ITEMS]) if _draft_folder(item)), None)
        return items if folder is None else _compiled_titles(items, folder)
    return items if not _draft_folder(items[first - 1]) else [*items[: first - 1], *items[first:]]


def _draft_folder(item: Item) -> bool:
    return isinstance(item, Para) and not item.note and item.text.strip().strip("*_#").strip().lower() in _DRAFT_FOLDERS


def _compiled_titles(items: list[Item], folder: int) -> list[Item]:
    """A Scrivener compile under its folder's line whose sections are titled by their names alone, each a line of
    its own over the section's text ("The Ferry" / "Low Water"): headings, the folder's line dropped, where the
    line under the folder is one and two at least open sections so. Read as text, the story was one chapter."""
    titles = [
        index
        for index in range(folder + 1, len(items) - 1)
        if _section_title(items[index]) and isinstance(items[index + 1], Para) and not _section_title(items[index + 1])
    ]
    if len(titles) < 2 or titles[0] != folder + 1:
        return items
    read: list[Item] = [*items[:folder]]
    named = set(titles)
    for index, item in enumerate(items[folder + 1 :], folder + 1):
        heading = match_heading(f"# {item.text.strip()}") if index in named and isinstance(item, Para) else None
        read.append(heading or item)
    return read


def _section_title(item: Item) -> bool:
    if not isinstance(item, Para) or item.note or "\n" in item.text.strip():
        return False
    line = item.text.strip()
    return title_alone(line) and (line[0].isupper() or line[0].isdigit())


# Fimfiction's plain-text download heads each chapter with a banner of comment slashes: the chapter's
# title, the story's and its author's, between two rules.
_FIMFICTION_BANNER = re.compile(
    r"^//-{10,}//[ \t]*\r?\n//[ \t]*(?P<title>[^\n]*?\S)[ \t]*\r?\n//[ \t]*Story:[^\n]*\n//[ \t]*by[ \t][^\n]*\n"
    r"//-{10,}//[ \t]*$",
    re.MULTILINE,
)


def fimfiction_banners(text: str) -> str:
    """The text with each Fimfiction chapter banner ("//----//" / "// Twilight Falls" / "// Story: The
    Long Night" / "// by StarlitQuill" / "//----//") a heading of the chapter's title: read as text,
    the story was one chapter and each banner a paragraph of it."""
    if "//---" not in text:
        return text
    count = itertools.count(1)

    def heading(match: re.Match[str]) -> str:
        title, number = match.group("title"), next(count)
        named = match_heading(title, markdown=False)
        # (numbered as the site numbers its chapters, in order: a blurb over the first is the summary)
        return f"# {title}" if named is not None and named.kind != "markdown" else f"# Chapter {number}: {title}"

    return _FIMFICTION_BANNER.sub(heading, text)


# A screenplay's scene heading: "INT. FERRY OFFICE - NIGHT", "EXT. PIER - CONTINUOUS", "INT./EXT. CAR - DAY".
_SCENE_HEADING = re.compile(r"^[ \t]*(?:\d{1,3}[A-Z]?[ \t]+)?(?:INT|EXT|INT\./EXT|I/E)\.[ \t]+\S", re.MULTILINE)
# Its page furniture, each on a line of its own: the page's number ("2."), "(CONTINUED)" at a page's foot and
# "CONTINUED:" at the next one's head, "(MORE)" under a speech broken over two pages.
_SCRIPT_PAGE_LINE = re.compile(r"^[ \t]*(?:\d{1,3}\.|\(CONTINUED\)|CONTINUED:|\(MORE\))[ \t]*$\n?", re.MULTILINE)
SCRIPT_SCENES_LEAST = 2


def without_script_pages(text: str) -> str:
    """A screenplay's text less its pages' furniture (:data:`_SCRIPT_PAGE_LINE`), where two scene
    headings at least ("INT. FERRY OFFICE - NIGHT") say it is one: read as a story's, each page's
    number alone ("2.", "3.") headed a chapter, and "(CONTINUED)" was a line of the story."""
    if "INT" not in text and "EXT" not in text:
        return text
    if sum(1 for _ in itertools.islice(_SCENE_HEADING.finditer(text), SCRIPT_SCENES_LEAST)) < SCRIPT_SCENES_LEAST:
        return text
    return _SCRIPT_PAGE_LINE.sub("", text)


# A manuscript's cover, as Scrivener's and Word's standard manuscript templates set it over the title:
# the writer's name, address and email, and the story's length, "About 2,000 words" (on a line of its
# own or at the name's right). Read as text, it was a chapter 1 of its own and the title the file name.
_COVER_COUNT = re.compile(rf"(?:(?P<before>[^\n]*?\S)[ \t]{{2,}})?(?:{WORD_COUNT.pattern})", re.IGNORECASE)
_BY_LINE = re.compile(r"[ \t]*(?:written[ \t]+)?by[ \t]+\S", re.IGNORECASE)
COVER_LINES = 12  # the cover's lines, the word count among them
COVER_LINE_CHARS = 60


def without_manuscript_cover(text: str) -> str:
    """``text`` less a manuscript's cover opening it (:data:`_WORD_COUNT`): its short lines, none a
    heading, up to the end of the block holding the word count, when the title follows (not a
    heading: a word count under the title and the by-line is the title page's note, read as before).
    The writer's address is no part of the story; a word count under a heading or a paragraph stays text."""
    lines = text.lstrip("\n").split("\n", COVER_LINES + 1)
    for index, line in enumerate(lines[:COVER_LINES]):
        if len(line) > COVER_LINE_CHARS and (
            len(line) > 3 * COVER_LINE_CHARS or not _COVER_COUNT.fullmatch(line.strip())
        ):
            return text  # (a paragraph: this is the story, or its title page)
        if line.strip() and (match_heading(line) is not None or _BY_LINE.match(line)):
            return text  # (a title page's by-line: a count under it is the title page's)
        if line.strip() and _COVER_COUNT.fullmatch(line.strip()):
            end = index
            while end + 1 < min(len(lines), COVER_LINES) and lines[end + 1].strip():
                end += 1
            if any(parse_field(line.strip()) is not None and not word_count_line(line) for line in lines[: end + 1]):
                return (
                    text  # a fic's header ("Title:" / "Author:" / "Word count: 1,050"), no cover: its fields were lost
                )
            rest = "\n".join(lines[end + 1 :])
            after = next((line for line in rest.split("\n", COVER_LINES)[:COVER_LINES] if line.strip()), None)
            if after is None or match_heading(after) is not None:
                return text
            return rest
    return text


# A forum's post editor writes BBCode, and a story drafted there and saved as text keeps it:
# "[center][b]Title[/b][/center]", "[spoiler=Content Warnings]drowning[/spoiler]". Only the closing tag
# of one of these marks a file as BBCode; "[b]" alone in a story is its text.
_BBCODE_CLOSING = re.compile(
    r"\[/(?:b|i|u|s|center|left|right|justify|indent|size|color|colour|font|url|spoiler)\]", re.IGNORECASE
)
_BBCODE_TAG = re.compile(
    r"\[/?(?:b|i|u|s|center|left|right|justify|indent|size|color|colour|font|url)(?:=[^\]\n]{0,200})?\]",
    re.IGNORECASE,
)
# A spoiler box and its title: "[spoiler=Content Warnings]drowning, grief[/spoiler]", as a forum shows it.
_BBCODE_SPOILER = re.compile(
    r"\[spoiler(?:=[\"']?(?P<title>[^\]\n\"']{1,80})[\"']?)?\](?P<body>[^\[]{0,4000}?)\[/spoiler\]",
    re.IGNORECASE,
)


def bbcode_as_text(text: str) -> str:
    """A text in a forum's BBCode read as the text it shows: its formatting tags taken out (read as
    text, "[center][b]The Drowned Bell[/b]" was the title and "[b]Chapter 1[/b]" no heading), a
    titled spoiler box as its title over its text ("Content Warnings: drowning", which declares), an
    untitled one as its text. A text with no closing tag of these is returned as it is."""
    if _BBCODE_CLOSING.search(text) is None:
        return text
    text = _BBCODE_TAG.sub("", text)
    return _BBCODE_SPOILER.sub(_spoiler_text, text)


def _spoiler_text(match: re.Match[str]) -> str:
    title, body = match.group("title"), match.group("body").strip()
    return f"{title.strip().rstrip(':')}: {body}" if title else body


# Google Docs' "Download as plain text" of a document with comments: each comment's anchor a letter in
# brackets where it stands ("a goat.[a]"), the comments themselves at the end, a line each under the
# same letter ("[a]is the goat too silly? - J"). The reviewers' words, never the story's.
_COMMENT_LINE = re.compile(r"^\[(?P<key>[a-z]{1,2})\][^\n]*$", re.MULTILINE)
COMMENT_TAIL_CHARS = 20_000  # the comments' block at the end of the text is looked for in its last characters


def without_review_comments(text: str) -> str:
    """``text`` without a word processor's review comments (see above) and their anchors: only where
    the letters at the end count up from "a", each anchored in the text before them."""
    if "[a]" not in text:
        return text
    start = max(0, len(text) - COMMENT_TAIL_CHARS)
    tail = text[start:].rstrip()
    lines = tail.split("\n")
    keys: list[str] = []
    for line in reversed(lines):
        found = _COMMENT_LINE.match(line.strip())
        if not line.strip():
            if keys:
                break
            continue
        if found is None:
            break
        keys.append(found.group("key"))
    keys.reverse()
    if not keys or keys != [_comment_key(index) for index in range(len(keys))]:
        return text
    body = text[: start + len(tail) - len("\n".join(lines[len(lines) - len(keys) :]))]
    if not all(f"[{key}]" in body for key in keys):
        return text
    anchors = re.compile("|".join(re.escape(f"[{key}]") for key in keys))
    return anchors.sub("", body).rstrip() + "\n"


def _comment_key(index: int) -> str:
    """Google Docs' letters for comments: a to z, then aa, ab ..."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return (
        letters[index] if index < len(letters) else letters[index // len(letters) - 1] + letters[index % len(letters)]
    )
