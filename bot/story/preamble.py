"""The top of a plain-text story: title, author, summary, fields and notes before the first chapter.

Pasted stories carry their metadata as loose lines ("Title:", "Rating:", "TW for miscarriage",
"A/N: ...") or as no label at all: a chatty note to readers, then a one-line summary, then the story.
What is metadata or a note must never be posted as story text, and what is story text must never be
dropped, so every rule here errs on the side of "this is story text" unless the signs are clear.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from bot.story.author_notes import SENTENCE_END, sign_labelled
from bot.story.bylines import (
    AT_HANDLE,
    FIELD_BLOCK_FIELDS,
    author_like,
    by_line_author,
    ffn_stats,
    field_block,
    field_paragraph,
    line_kind,
    name_like,
    names_author,
    warning_over_verse,
)
from bot.story.contents_lists import (
    HEADER_LINE_CHARS,
    NOTE_SCORE,
    OutsideKeys,
    contents_label,
    entries_as_headings,
    entry_text,
    title_like,
)
from bot.story.front_pages import front_label, front_page_note, is_dedication_line, is_epigraph, subtitle_note
from bot.story.gutenberg import TITLE_PAGE_LINES, spells_title
from bot.story.metadata_fields import (
    FANDOM_WORDS,
    KEYS,
    KIND_PARTS,
    STORY_KINDS,
    Meta,
    parse_field,
    trim_ornaments,
    word_count_line,
)
from bot.story.site_chrome import LONE_BUTTON, front_navigation, prose_paragraph
from bot.story.structure import (
    Heading,
    Item,
    Para,
    SceneBreak,
    _looks_like_title,
    match_heading,
    numbered_label,
    series_titles,
)
from bot.story.text_declarations import (
    DIALOGUE_MARKS,
    declaration_line,
    extract_declarations,
    is_labelled_note,
    lists_only,
    note_score,
    notice_list,
    reference_marked,
    strip_note_label,
)
from bot.story.title_lines import (
    BLURB_CHARS,
    HASHTAGS,
    ISSUE,
    KIND_LINE,
    RIGHTS,
    STATUS_LINE,
    WARNING_SIGNS,
    consumed_any,
    ffn_blurb,
    front_matter_line,
    front_matter_only,
    front_page_line,
    greeting_declarations,
    greeting_over_title,
    header_sentences,
    list_run_end,
    lone_label,
    name_over_date,
    past_divider,
    pointer_paragraph,
    prose_warning_field,
    reader_care,
    readers_key,
    rest_of_summary,
    rest_of_warning_list,
    rights_holder,
    rights_notice,
    separated,
    source_or_credit,
    tag_strip,
    title_and_author,
    title_by_author,
    title_case_by_handle,
    title_dash_by,
    title_followed_well,
    title_page_ahead,
    titled_over_fields,
    warnings_over_list,
)
from bot.story.webpage import date_line, without_form_suffix
from bot.warnings.language import MIN_ENGLISH_SHARE, english_share

# A draft's mark under its title: "Draft 3 — do not share", "second draft", "DRAFT v2 (unedited)".
_DRAFT_LINE = re.compile(
    r"(?:(?:first|second|third|final|rough|working|\d{1,2}(?:st|nd|rd|th)?)[ \t]+)?draft(?:[ \t]+v?\d{1,3}(?:\.\d{1,3})?)?"
    r"(?:[ \t]*[—–\-:,(][ \t]*[^\n]{0,40})?",
    re.IGNORECASE,
)


# A rights notice line: "All rights reserved", "© 2021 Mara Quill", "Copyright Mara Quill".
# An edition line under a book's title: "Smashwords Edition", "Kindle Edition, 2015", "Published by
# Mara Quill at Smashwords", Project Gutenberg's early "THE MILLENNIUM FULCRUM EDITION 3.0" (Alice,
# #11). Read only once the title or author is known: "First Edition" may title a story.
_EDITION = re.compile(
    r"^(?:(?:smashwords|kindle|nook|kobo|ebook|e-book|digital|electronic|paperback|hardcover|print|first|second"
    r"|third|revised)[ \t]+edition\b|published[ \t]+by[ \t].{1,80}?[ \t]at[ \t]+smashwords\b"
    r"|(?:the[ \t]+)?millennium[ \t]+fulcrum[ \t]+edition\b)",
    re.IGNORECASE,
)
# A store's licence notes and a copyright page's boilerplate ("This ebook is licensed for your personal
# enjoyment only", "No part of this book may be reproduced", "This is a work of fiction. Names, ..."):
# said of the book, never a sentence of its story.
_LICENCE = re.compile(
    r"\blicen[cs]e[ \t]+(?:notes?|statement)\b|\blicensed[ \t]+for[ \t]+your[ \t]+personal[ \t]+enjoyment\b"
    r"|\bmay[ \t]+not[ \t]+be[ \t]+re-?sold\b|\bcopyrighted[ \t]+property[ \t]+of\b"
    r"|\bno[ \t]+part[ \t]+of[ \t]+this[ \t]+(?:book|publication|e-?book|work)[ \t]+may\b"
    r"|\bthis[ \t]+(?:is[ \t]+a|book[ \t]+is[ \t]+a|story[ \t]+is[ \t]+a|novel[ \t]+is[ \t]+a)[ \t]+work[ \t]+of[ \t]+fiction\b",
    re.IGNORECASE,
)
LICENCE_CHARS = 1500
HEADER_BLOCK_LINES = 12


def _header_block(text: str, meta: Meta, *, over_heading: bool = False) -> bool:
    """Read a block of metadata lines ("The Lantern Keeper" / "by Mara Quill" / "tw// blood").

    Authors often put the title, the "by" line and the warnings on consecutive lines. The
    block is read only when every line is one of those (a title only as its first line): a
    single line of anything else and the whole block stays story text, but for a one-line blurb
    closing a title page straight over a heading (``over_heading``), the story's summary.
    """
    if readers_key(text):
        return False  # a reader-insert's key alone, "y/n = your name" / "l/n = last name": one note
    lines = text.split("\n")
    # (FanFiction.net's stats line, under the title and by-line as its page sets them, runs longer)
    if not 2 <= len(lines) <= HEADER_BLOCK_LINES or any(
        len(line) > HEADER_LINE_CHARS and not ffn_stats(line) for line in lines
    ):
        return False
    kinds = [line_kind(line) for line in lines]
    if (
        kinds[0] is None
        and meta.title is None
        and title_like(
            trim_ornaments(lines[0]),
            # (or over fields alone: Tumblr's "the biscuit tin" / "pairing: ..." / "wc: 1.4k" / "warnings: ...")
            bylined=any(names_author(line) for line in lines[1:]) or kinds[1:].count("field") >= FIELD_BLOCK_FIELDS,
        )
    ):
        kinds[0] = "title"  # over a block naming its author ("Автор: ..." a few fields down, as Ficbook sets it)
    if kinds[0] is None and meta.title is None and title_and_author(lines[0]) is not None:
        kinds[0] = "titled"  # "The Ninth Lighthouse — by pell_mell" over "||tw: drowning||"
    if kinds[0] in ("title", "titled"):  # under the title, what it is: "A Novel", "a Witcher fic", "Translated by ..."
        kinds = [
            kind
            or (
                "kind"
                if KIND_LINE.match(bare := trim_ornaments(line)) or _CREDIT.match(bare) or _DRAFT_LINE.fullmatch(bare)
                else None
            )
            for line, kind in zip(lines, kinds, strict=True)
        ]
    if kinds[0] in ("title", "titled") and ("by" in kinds or kinds[0] == "titled"):
        # the date it was posted, under its title and by-line ("March 1, 2024", as a blog post or a
        # newsletter copied with its head gives it): said of the post, never the story's; and its word count
        # ("2,140 words · 9 min read"), a note as on a line of its own
        kinds = [
            kind or ("date" if index and date_line(line) else "count" if index and word_count_line(line) else None)
            for index, (line, kind) in enumerate(zip(lines, kinds, strict=True))
        ]
    if (
        kinds[0] == "title"
        and len(lines) >= 3
        and kinds[-1] is None
        and None not in kinds[1:-1]
        and "author" not in meta.values
        and author_like(name := lines[-1].strip())
        and name_like(name)
    ):
        kinds[-1] = (
            "name"  # a title page's name under its title and what it is: "A Novel in Four Seasons" / "Mireille Okafor"
        )
    if kinds[0] == "title" and len(lines) == 3 and kinds[1] is None and _subtitle_over_name(lines, kinds[2], meta):
        # "Salt Roads" / "The Ferry" / "by Ada Quill" (or "Ada Quill"): a subtitle, or the chapter's title as a
        # chapter page sets it under its story's (Scribble Hub's)
        kinds[1:] = ["kind", kinds[2] or "name"]
    if (
        kinds[0] == "title"
        and len(lines) >= 3
        and kinds[-1] == "by"
        and kinds[1:-1].count(None) == 1
        and meta.summary is None
        and _blurb_line(lines[kinds.index(None)])
    ):
        # "The Winter Ledger" / "A story about grief." / "by Tamsin Greaves": in any tense, since the story
        # never opens over its author's name ("When her brother vanished, Ines followed him.")
        kinds[kinds.index(None)] = "summary"
    if (
        over_heading
        and (kinds[0] == "titled" or (kinds[0] == "title" and "by" in kinds[1:-1]))
        and kinds[-1] is None
        and None not in kinds[1:-1]
        and meta.summary is None
        and _blurb_line(lines[-1])
    ):
        kinds[-1] = "summary"  # "Low Water" / "by marrowbird" / "A keeper's daughter waits." (a by-line named)
    if None in kinds:
        return False
    for line, kind in zip(lines, kinds, strict=True):
        _read_header_line(line, kind, meta)
    return True


def _subtitle_over_name(lines: list[str], last: str | None, meta: Meta) -> bool:
    """A title's second line reads as a title too, over a by-line or a person's name alone."""
    if not title_like(trim_ornaments(lines[1]), bylined=True) or lines[1].rstrip().endswith(("!", "?")):
        return False
    return last == "by" or (last is None and "author" not in meta.values and _full_name(lines[2].strip()))


def _blurb_line(line: str) -> bool:
    """A one-line blurb a title page closes with: a sentence or two of a summary's length
    (:func:`_summary_like`), no field and no declaration (those have readers of their own)."""
    return _summary_like(line.strip()) and parse_field(line) is None and not declaration_line(line)


def _read_header_line(line: str, kind: str | None, meta: Meta) -> None:
    if kind == "title":
        meta.title = without_form_suffix(line.strip())  # "Hollow Bones | a Witcher one-shot" over its by-line
    elif kind == "field":
        key, value = parse_field(line) or ("", "")
        meta.add(key, line, value)
    elif kind == "declared":
        declared, _, after = extract_declarations(line)
        meta.declared.extend(declared)
        if after:
            meta.notes.append(after)
    elif kind == "by" and "author" not in meta.values:
        handle = AT_HANDLE.fullmatch(line)
        meta.values["author"] = [by_line_author(line) or (handle.group(1) if handle else "")]
    elif kind == "kind":
        meta.notes.append(subtitle_note(line) if KIND_LINE.match(trim_ornaments(line)) else line.strip())
    elif kind == "stats":
        ffn_stats(line, meta)
    elif kind == "name":
        meta.values["author"] = [line.strip()]
    elif kind == "titled":
        meta.title, author = title_and_author(line) or (line.strip(), "")
        meta.values.setdefault("author", [author])
    elif kind == "summary":
        meta.summary = line.strip()
    elif kind == "count":
        meta.notes.append(line.strip())


def _title_over_rights(text: str, meta: Meta) -> str:
    """A rights notice's block read for the title and by-line over it ("The Bone Orchard" / "By
    Dariela Montes" / "All Rights Reserved ©", as Inkitt and Wattpad set a story's page): the title
    and author are the story's, the rest the note. Noted whole, the story had neither."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if meta.title is not None or len(lines) < 3 or RIGHTS.search(trim_ornaments(lines[0])):
        return text
    author = by_line_author(lines[1])
    if author is None or "author" in meta.values:
        return text
    meta.title = lines[0]
    meta.values["author"] = [author]
    return "\n".join(lines[2:])


def book_notice(text: str) -> bool:
    """A store's edition line or a licence or copyright page's boilerplate, wherever it stands
    (:func:`_licence_notice` for what the text's top holds)."""
    first = trim_ornaments(text.split("\n", 1)[0]).strip()
    return len(text) <= LICENCE_CHARS and (bool(_LICENCE.search(text)) or _EDITION.match(first) is not None)


def _licence_notice(text: str, meta: Meta) -> bool:
    """A store's edition line or licence notes above the story ("Smashwords Edition", "License
    Notes", "This ebook is licensed for your personal enjoyment only ..."), its copyright page's
    "No part of this book may be reproduced": the book's apparatus, read as the first chapter."""
    if len(text) > LICENCE_CHARS:
        return False
    first = trim_ornaments(text.split("\n", 1)[0]).strip()
    return bool(_LICENCE.search(text)) or (consumed_any(meta) and _EDITION.match(first) is not None)


def _join_split_by_lines(items: list[Item]) -> list[Item]:
    """A title page's "by" on a line of its own over the author's name ("by" / "J. R. Ashby") as
    the one "by" line it is: the name was read as the first line of the story. Only near the top,
    past a title heading too (a single-file book's ``<h1>``)."""
    joined: list[Item] = []
    position = 0
    while position < len(items):
        item = items[position]
        if position >= _TITLE_PAGE_ITEMS:
            joined.extend(items[position:])
            break
        following = items[position + 1] if position + 1 < len(items) else None
        lines = item.text.strip().split("\n") if isinstance(item, Para) else []
        if (  # "BY" over the name in one block, as a centred title page sets them
            len(lines) == 2
            and _LONE_BY.fullmatch(lines[0].strip())
            and by_line_author(f"by {lines[1].strip()}") is not None
        ):
            joined.append(Para(f"by {lines[1].strip()}", item.gap))
            position += 1
            continue
        if (
            isinstance(item, Para)
            and _LONE_BY.fullmatch(item.text.strip())
            and isinstance(following, Para)
            and "\n" not in following.text.strip()
            and by_line_author(f"by {following.text.strip()}") is not None
        ):
            joined.append(Para(f"by {following.text.strip()}", item.gap))
            position += 2
            continue
        joined.append(item)
        position += 1
    return joined


_TAGGED_HEAD_ITEMS = 3  # the items a note's tags over or under its by-line are looked for among


def _tags_apart(items: list[Item]) -> list[Item]:
    """A note's tag line and its by-line in one block under its title ("#fiction #sea" / "by Ada Quill", as
    Bear and Obsidian users head a note) as a paragraph each, the tags over or under the by-line: read as one,
    they were the story's first paragraph and the author unnamed."""
    for position, item in enumerate(items[:_TAGGED_HEAD_ITEMS]):
        if not isinstance(item, Para) or item.note or item.text.count("\n") != 1:
            continue
        lines = [line.strip() for line in item.text.strip().split("\n")]
        tags = [bool(line.startswith("#") and HASHTAGS.fullmatch(line)) for line in lines]
        if sum(tags) == 1 and all(
            tag or by_line_author(line) is not None for tag, line in zip(tags, lines, strict=True)
        ):
            return [*items[:position], Para(lines[0], item.gap), Para(lines[1], 0), *items[position + 1 :]]
    return items


# A writing prompt's tag before its words, as r/WritingPrompts titles a post: "[WP]" (a writing prompt),
# "[SP]" (a simple one), "[EU]" (an established universe), "[TT]" (theme Thursday), "[PI]"
# (a prompt inspired), "[OT]", "[IP]" (image prompt), "[MP]" (media prompt), "[RF]" (reality fiction); not
# its "[CW]" (constrained writing), which over a story declares warnings.
_PROMPT_TAG = re.compile(r"[ \t]*\[(?:WP|SP|EU|TT|PI|OT|IP|MP|RF)\][ \t]*(?=\S)")
_PROMPT_CHARS = 300  # r/WritingPrompts holds a post's title to 300 characters


def _title_page_paragraphs(items: list[Item]) -> list[Item]:
    """A title page's lines each a paragraph of its own over the story's first: the title over a person's name
    ("Salt Roads" / "Ada Quill"), or over a subtitle and a by-line or a name ("Salt Roads" / "The Ferry" /
    "by Ada Quill", as a chapter page copied from Scribble Hub opens), one block as :func:`_header_block`
    reads it. Apart, each was a paragraph of the story and the story untitled. (A title over a by-line alone
    is read already.)"""
    for count in (3, 2):
        head = items[:count]
        if len(items) <= count or not all(isinstance(item, Para) and not item.note for item in head):
            continue
        lines = [item.text.strip() for item in head if isinstance(item, Para)]
        if any("\n" in line for line in lines) or not prose_paragraph(items[count]):
            continue
        if not title_like(trim_ornaments(lines[0]), bylined=True) or line_kind(lines[0]) is not None:
            continue
        named = by_line_author(lines[-1]) is not None
        if (count == 3 and (named or _full_name(lines[-1])) and by_line_author(lines[1]) is None) or (
            count == 2 and not named and _full_name(lines[-1])
        ):
            return [Para("\n".join(lines), head[0].gap), *items[count:]]
    return items


def _prompt_title(items: list[Item]) -> list[Item]:
    """The prompt a story answers, on the file's first line or under its by-line ("[WP] You wake up to
    find every clock in town has stopped."), is its title, the tag left off, and the by-line names its
    author ("Posted by u/promptsmith" over it, as Reddit heads a post): a sentence is never taken for a
    title, and the prompt was the story's first paragraph, the file's name its title."""
    at = 1 if items and isinstance(items[0], Para) and by_line_author(items[0].text) is not None else 0
    prompt = items[at] if at < len(items) - 1 else None
    if not isinstance(prompt, Para) or "\n" in (text := prompt.text.strip()) or len(text) > _PROMPT_CHARS:
        return items
    tag = _PROMPT_TAG.match(text)
    if tag is None:
        return items
    title = Para(f"Title: {text[tag.end() :]}", prompt.gap)
    if not at:
        return [title, *items[1:]]
    author = by_line_author(items[0].text)  # type: ignore[union-attr]
    return [title, Para(f"Author: {author}", items[0].gap), *items[2:]]


def _by_line_under_title(items: list[Item]) -> list[Item]:
    """The file's first line a by-line over a title's line over the story ("Posted by u/tidewright" /
    "The Lighthouse Log", as Reddit sets a post's head), set under the title as a title page has it:
    read first, the by-line was a paragraph of the story, the title another, and the story had no
    author. Only a one-line title (no sentence: "The rain came at noon." is the story's first line)."""
    by_line, title = items[:2] if len(items) >= 3 else (None, None)
    if not (isinstance(by_line, Para) and isinstance(title, Para)) or "\n" in by_line.text.strip() + title.text.strip():
        return items
    if by_line_author(by_line.text) is None or by_line_author(title.text) is not None:
        return items
    if not title_like(title.text.strip(), bylined=True) or title.text.rstrip().endswith(("!", "?")):
        return items
    return [Para(title.text, by_line.gap), Para(by_line.text, title.gap), *items[2:]]


_TITLE_PAGE_ITEMS = 40  # a title page's lines are among a file's first items
# "by", "written by", "a novella by", "an original story by", "a Witcher fic by": over the name a line down
_LONE_BY = re.compile(
    rf"(?:(?:written|words|story|text)[ \t]+|an?[ \t]+{FANDOM_WORDS}(?:{STORY_KINDS}){KIND_PARTS}[ \t]+)?by:?",
    re.IGNORECASE,
)


# What a title page adds to a name the header gives: a name in brackets, another spelling after a slash.
_NAME_ASIDE = re.compile(r"\([^()]{1,40}\)|/[^\s/]{1,40}")


def _over_name_over_story(items: list[Item], index: int) -> bool:
    """Whether the paragraph at ``index`` is a name alone over the first heading (:func:`_name_over_story`)."""
    item = items[index] if index < len(items) else None
    return isinstance(item, Para) and _name_over_story(item.text, _past_blank(items, index + 1))


_WORK_TAGS = ("rating", "archive_warnings", "fandoms", "relationships", "characters", "additional_tags")


def _tagged(meta: Meta) -> bool:
    """Whether the header read a work's tags (a rating, its fandoms, ...), as an AO3 page opens."""
    return any(key in meta.values for key in _WORK_TAGS)


def _site_handle(name: str) -> bool:
    """A reading site's user name, told from a name or a word by its marks: "inkwell_and_ash",
    "@moth", "quill.writes", "ash92"."""
    return HANDLE.fullmatch(name) is not None and (name.startswith("@") or any(c in name for c in "_.0123456789"))


def _title_under_heading(body: list[Item]) -> tuple[str, str, int] | None:
    """The story's title over its by-line straight under the first chapter's heading, over the
    chapter's text, as Wattpad shows a part ("Part 3 — Ashes" / "Ember Road" / "by kestrel_k"): the
    title, the author and where the chapter's text starts. Read as the chapter's first paragraph, the
    story was titled by its file's name and named no author."""
    if len(body) < 3 or not isinstance(body[0], Heading) or not _names_a_chapter(body[0]):
        return None
    lines: list[str] = []
    at = 1
    while at < len(body) and len(lines) < 2 and isinstance(item := body[at], Para):
        lines += [line.strip() for line in item.text.strip().split("\n")]
        at += 1
    if len(lines) != 2 or at >= len(body) or not isinstance(body[at], Para):
        return None
    author = by_line_author(lines[1])
    if author is None or not title_like(trim_ornaments(lines[0]), bylined=True):
        return None
    return trim_ornaments(lines[0]).strip(), author, at


def _title_over_name(text: str) -> tuple[str, str] | None:
    """The title and the author of a paragraph of two lines, a title over a name with no "by" ("The
    Ford" / "riverwriter"), as an AO3 work copied from the browser shows them under its tags; None
    for any other paragraph."""
    lines = [line.strip() for line in text.strip().split("\n")]
    if len(lines) != 2 or not title_like(trim_ornaments(lines[0]), bylined=True):
        return None
    name = lines[1]
    if not author_like(name) or not (name_like(name) or (" " not in name and len(name) >= 3)):
        return None
    return lines[0], name


def _name_over_story(text: str, following: Item | None) -> bool:
    """A person's name alone between the title and the first chapter's heading: "THE SALT WIFE" /
    "Kestrel Ames" / "Prologue", as a book's title page sets it, or its contents ("Contents" / "I. The
    Keeper"). A dedication ("For Mum") is none."""
    name = text.strip()
    if isinstance(following, Heading) and HANDLE.fullmatch(name) and name.casefold() not in NOT_HANDLES:
        return True  # a site's user name, "flourandfig" (Wattpad's title page copied)
    contents = isinstance(following, Para) and contents_label(following.text)
    return (isinstance(following, Heading) or _warnings_under(following) or contents) and _full_name(name)


def _full_name(name: str) -> bool:
    """A person's name of two to four words alone on its line, "Kestrel Ames": no dedication ("For
    Mum"), no number."""
    words = name.split()
    return (
        "\n" not in name
        and 2 <= len(words) <= 4
        and name_like(name)
        and author_like(name)
        and not any(char.isdigit() for char in name)
        and not is_dedication_line(name)
        and name.casefold().split()[0] not in _NOT_NAME_STARTS
    )


def _sign_over_warnings(item: SceneBreak, following: Item | None) -> bool:
    """Whether a break is a warning sign alone ("⚠️", read as a divider of marks) over a declaration:
    a callout's icon set apart from its text, no divider between the header and the story."""
    sign = item.raw.strip()
    return (
        bool(sign)
        and not sign.strip(WARNING_SIGNS)
        and isinstance(following, Para)
        and declaration_line(following.text)
    )


def _past_blank(items: list[Item], index: int) -> Item | None:
    """The item at ``index``, or the one after it where it is a word processor's empty paragraph
    (a blank break with no mark of its own, spacing a title page's lines)."""
    item = items[index] if index < len(items) else None
    if isinstance(item, SceneBreak) and not item.raw and index + 1 < len(items):
        return items[index + 1]
    return item


def _warnings_under(following: Item | None) -> bool:
    """Whether the paragraph under a title page's name declares warnings ("Content warnings: alcoholism"),
    as a word processor's title page sets them before chapter one: the page goes on, the story has not
    begun (read as its first paragraph, the name made a chapter of its own, which took the warnings).
    A header's field line does the same ("Rating: T | CW: grief", under a Google Docs title)."""
    if not isinstance(following, Para):
        return False
    first = following.text.split("\n")[0]
    return declaration_line(first) or parse_field(first) is not None


HANDLE = re.compile(r"@?[a-z][a-z0-9_.]{3,30}")  # a user name in lower case, one word
NOT_HANDLES = frozenset(
    ["prologue", "epilogue", "contents", "dedication", "epigraph", "foreword", "interlude", "preface"]
)
# Words a dedication or a title opens with, in English and as by-lines elsewhere ("Von Herzen", "De Madrid a Moscú").
_NOT_NAME_STARTS = frozenset(
    [
        "for",
        "to",
        "in",
        "the",
        "a",
        "an",
        "with",
        "part",
        "book",
        "volume",
        "von",
        "de",
        "par",
        "di",
        "da",
        "du",
        "del",
        "van",
        "la",
        "le",
        "les",
        "des",
        "der",
        "die",
        "das",
        "el",
        "los",
        "las",
        "al",
    ]
)


def _title_over_chapters(items: list[Item], index: int) -> bool:
    """ "# The Understudy" first, over "# Chapter One", "# Chapter Two: The Wings" at the same level
    (Google Docs writes every heading so): the first names no chapter, every other does, or every
    other is numbered as one series ("# I. The Camp", "# 2. The River")."""
    if index != 0 or not isinstance(first := items[0], Heading):
        return False
    others = [item for item in items[1:] if isinstance(item, Heading) and item.level == first.level]
    if not others or _names_a_chapter(first):
        return False
    # (or numbered as one series counting up, "# I. The Camp", "# II. The River": the first was chapter 1)
    labels = [item.raw.lstrip("#").strip() for item in others]
    return all(_names_a_chapter(item) for item in others) or series_titles(labels) is not None


_TITLE_PAGE_LINES = 3


def _title_over_byline(items: list[Item], index: int) -> bool:
    """ "# The Quiet Year" first, over only its by-line or its author's name ("by Tom Ellery", "Tom
    Ellery") and then "# Spring", "# Summer" at the same level (Pandoc's plain text, a Markdown file
    whose headings are all one level): the title page. As a chapter, the first was the name alone,
    or with the by-line read as the author it had no text and the file was refused."""
    if index != 0 or not isinstance(first := items[0], Heading):
        return False
    following = next(
        (at for at in range(1, len(items)) if isinstance(items[at], Heading) and items[at].level <= first.level), None
    )
    if following is None or not 1 <= following - 1 <= _TITLE_PAGE_LINES:
        return False
    lines = [item.text.strip() if isinstance(item, Para) else "" for item in items[1:following]]
    return all(
        line and "\n" not in line and (by_line_author(line) is not None or (author_like(line) and name_like(line)))
        for line in lines
    )


def _first_over_chapter(items: list[Item], index: int) -> bool:
    """The file's first line, straight over its first chapter's heading: marked off as a title as
    well as a by-line marks one, so it need not be in Title Case. Most languages write titles in
    sentence case ("Снег у реки", "La casa del río") and many scripts have no case at all
    ("河边的雪"), and such a title stayed a chapter of one line before "Глава 1"."""
    following = items[index + 1] if index == 0 and len(items) > 1 else None
    return isinstance(following, Heading) and _names_a_chapter(following)


def _names_a_chapter(heading: Heading) -> bool:
    label = heading.raw.lstrip("#").strip()
    found = match_heading(label, markdown=False)
    # (a Markdown heading numbered as a series' chapter is, "# I. The Camp", names one as "# Chapter 1" does)
    return (found is not None and found.kind in ("chapter", "named", "part")) or (
        heading.kind == "markdown" and numbered_label(label)
    )


def _blurb_over_first_chapter(items: list[Item], index: int) -> bool:
    """Whether ``items[index]`` is a one-line blurb in a paragraph of its own, straight over the first
    chapter's heading, as a text's title page closes ("The Cartographer's Daughter" / "A girl inherits
    a map of a city that does not exist." / "Chapter 1"): read as a chapter 1 of its own, every chapter
    number after it was one too high. A line of dialogue or an aside in brackets opens a story, a
    dedication or an epigraph has readers of its own: none is a blurb."""
    item = items[index] if index < len(items) else None
    following = items[index + 1] if index + 1 < len(items) else None
    over_by_line = (
        isinstance(following, Para)
        and "\n" not in following.text.strip()
        and by_line_author(following.text) is not None
        and index + 2 < len(items)
    )
    if over_by_line:
        following = items[index + 2]  # the by-line between: "A story about grief." / "by Tamsin Greaves"
    if not isinstance(item, Para) or not isinstance(following, Heading):
        return False
    if following.kind == "markdown" and not _names_a_chapter(following):
        return False  # (a Markdown heading may label a note: "## Author's Note"; a text's headings are chapters')
    text = item.text.strip()
    return (
        len(text) <= BLURB_LINE_CHARS
        and len(SENTENCE_END.split(text)) <= 2  # a paragraph of three sentences opens a prologue
        and text[:1] not in DIALOGUE_MARKS
        and text[:1] not in "([{<"  # "[The stairs were steep.]": an aside of the story
        and not is_dedication_line(text)  # "For my grandmother, who kept the tide tables." is a dedication
        and not is_epigraph([text])
        and ":" not in " ".join(text.split(None, 3)[:3])  # "Let op: de trap is steil.": a label's sentence
        # (over its author's name, or over the prologue, which opens the story itself: no opening of it)
        and (over_by_line or _opens_prologue(following) or _logline_english(text))
        and _blurb_line(text)
    )


def _opens_prologue(heading: Heading) -> bool:
    """Whether a heading is the story's prologue ("Prologue", "Prologue: The Will"): the line over it is
    no opening of the story, whatever its tense ("She inherited an orchard. The orchard inherited her.")."""
    return heading.kind == "named" and (heading.title or "").casefold().startswith("prologue")


# A narrative past tense: a story's opening line tells what happened ("The parcel arrived on a Tuesday",
# "Stay safe, the radio said"), a logline what happens ("A girl inherits a map ...").
_PAST_TENSE = re.compile(
    r"\b(?:[a-z]{2,}ed|was|were|had|said|did|went|came|saw|took|made|knew|thought|told|found|gave|got|felt|left"
    r"|kept|began|ran|stood|sat|heard|brought|held|lay|met|spoke|wrote|fell|grew|drew|threw|woke|rose|broke|chose"
    r"|drove|flew|forgot|hid|hung|led|lost|meant|rang|sang|sank|slept|spent|stole|struck|swore|taught|tore|won)\b",
    re.IGNORECASE,
)


# A verb in the present a logline tells its story by, whatever it says happened before: an auxiliary or
# modal ("is", "must", "has to"), or a third-person verb after "he", "she", "it", "they" or a name
# ("Kara returns", "she finds"; "was", "has" and adverbs in -s, "always", are none).
_PRESENT_VERB = re.compile(
    r"\b(?:is|are|isn't|aren't|must|will|won't|can|can't|cannot|has[ \t]+to|needs?[ \t]+to)\b"
    r"|\b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey|[A-Z][a-z]+)[ \t]+"
    r"(?!(?:was|has|is|always|sometimes|perhaps|towards|afterwards|nevertheless|his|its|this|thus|as|us|less)\b)"
    r"[a-z]{2,}[^s\W]s\b"
)
_LOGLINE_SENTENCE_WORDS = 4  # a sentence of the present in a logline says what happens: "Now the desert wants her."


def _present_tense_english(text: str) -> bool:
    """Whether a line reads as an English logline: English words (:mod:`bot.warnings.language`'s
    measure) and no verb in the narrative past. A story's first line in German, French or Dutch
    ("Von diesem Tag an ging Lena ...") or in the past stays the story's."""
    share, words = english_share([text])
    return words > 0 and share >= MIN_ENGLISH_SHARE and _PAST_TENSE.search(text) is None


def _logline_english(text: str) -> bool:
    """Whether a line reads as an English logline (:func:`_present_tense_english`), or as one that
    tells in the past what led up to the story and in the present what it is: a verb in the present
    ("Years after the war ended, Kara returns home"), or a sentence of its own with no verb in the past
    ("Five years ago, Ines lost her brother. Now the desert wants her too."). A line wholly in the
    narrative past ("The parcel arrived on a Tuesday") opens the story."""
    if _present_tense_english(text):
        return True
    share, words = english_share([text])
    if words == 0 or share < MIN_ENGLISH_SHARE:
        return False
    sentences = SENTENCE_END.split(text.strip())
    return _PRESENT_VERB.search(text) is not None or any(
        len(sentence.split()) >= _LOGLINE_SENTENCE_WORDS and _PAST_TENSE.search(sentence) is None
        for sentence in sentences
    )


BLURB_LINE_CHARS = 240  # a logline: a sentence or two


def _subtitle_over_byline(text: str, following: Item | None, meta: Meta) -> bool:
    """A title page's subtitle: a line that reads as a title, right over a by-line naming the author
    the header gave (A Tale of Two Cities' "A STORY OF THE FRENCH REVOLUTION" / "By Charles Dickens")."""
    if not isinstance(following, Para) or "\n" in text.strip() or not title_like(trim_ornaments(text), bylined=True):
        return False
    author = by_line_author(following.text)
    return author is not None and _repeats_field(following.text, author, meta)


_NAME_LINE_WORDS = 6


def _repeats_fields(text: str, meta: Meta) -> bool:
    """A title page's lines, each the title or a by-line the fields above already gave ("THE QUAY LAMPS"
    / "By Eliza Thorne" under Project Gutenberg's "Title:" and "Author:" lines): over a contents list
    it was read as the book's blurb."""
    lines = [line for line in text.split("\n") if line.strip()]
    return 0 < len(lines) <= 3 and all(_repeats_field(line, by_line_author(line), meta) for line in lines)


def _repeats_field(text: str, author: str | None, meta: Meta) -> bool:
    """The title, or a by-line naming the author, the fields above already gave (a book's title page
    under Project Gutenberg's "Title:" and "Author:" lines), said again in any case."""
    known = _first(meta.values.get("author"))
    if author is not None:
        return known is not None and _same_name(author, known)
    if known is not None and len(text.split()) <= _NAME_LINE_WORDS and _same_name(text.strip(), known):
        return True  # the author's name alone under the title (a word processor's title page)
    if meta.title is None:
        return False
    line, title = field_key(text), field_key(meta.title)
    if text.isupper():
        line = line.rstrip(".")  # "PRIDE AND PREJUDICE." in capitals is a title page's, not a sentence
    if line == title or line == title.removeprefix("the ") or title == line.removeprefix("the "):
        return True  # (Jekyll and Hyde's page drops the header's "The")
    # A play's title page names its kind before the title the header gives: "THE TRAGEDY OF HAMLET,
    # PRINCE OF DENMARK" under "Title: Hamlet, Prince of Denmark", "THE LIFE OF TIMON OF ATHENS".
    kind = _PLAY_KIND.match(line)
    return kind is not None and line[kind.end() :] == title


# Who else made the book, on its title page: its translator, editor, illustrator; and the edition.
_CREDIT = re.compile(
    r"^(?:(?:translated|done into english|rendered into english|edited|illustrated|annotated|abridged"
    r"|beta['’]?d|betaed|beta[ \t-]?read|proofread|cover[ \t]+(?:art|design)(?:[ \t]+made)?)"  # a fic's helpers
    r"(?:[ \t]+(?:from|out[ \t]+of|into)(?:[ \t]+the)?[ \t]+[^\W\d_]+(?:[ \t]+(?:prose|verse))?)?"
    r"(?:[ \t]+and[ \t]+[a-z]+)?[ \t]+(?:by|with)[ \t]+\S.{0,100}"
    r"|(?:an?[ \t]+)?(?:new[ \t]+)?(?:english[ \t]+)?translation[ \t]+(?:by|from)[ \t]+\S.{0,100}"
    r"|with[ \t]+(?:an?[ \t]+)?(?:introduction|preface|notes|illustrations)[^\n]{0,40}?[ \t]+by[ \t]+\S.{0,100}"
    r"|\[?(?:\d{4}[ \t]+)?(?:first|second|third|revised|new)?[ \t]*edition[ \t]*(?:of[ \t]+\d{4})?\]?)$",
    re.IGNORECASE,
)


def _credit_lines(text: str) -> bool:
    """A title page's lines naming who else made the work (:data:`_CREDIT`), a dedication beside them
    ("Beta'd by junipersky" over "Dedicated to my grandmother"): a fic's header, a chapter 1 before."""
    lines = [line.strip() for line in text.strip().split("\n")]
    credits = [bool(_CREDIT.match(line)) for line in lines]
    return any(credits) and all(credit or is_dedication_line(line) for line, credit in zip(lines, credits, strict=True))


# What a play's title page says it is, under its title: "A COMEDY IN FOUR ACTS", "A Play in Three Acts".
_PLAY_SUBTITLE = re.compile(
    r"an?[ \t]+(?:[a-z-]+[ \t]+){0,2}(?:comedy|tragedy|play|drama|farce|melodrama|tragi-?comedy)[ \t]+in[ \t]+"
    r"(?:one|two|three|four|five|six|seven|[1-9])[ \t]+(?:acts?|scenes?|parts?)(?:[ \t]+and[ \t]+[a-z0-9 \t]{1,30})?\.?$"
)
_PLAY_KIND = re.compile(
    r"(?:the[ \t]+)?(?:(?:most|lamentable|excellent|famous|true|tragical|comical|pleasant|conceited|first|second|third)"
    r"[ \t]+)*(?:part[ \t]+of[ \t]+(?:the[ \t]+)?[a-z]+[ \t]+)?(?:tragedy|comedy|history|life|chronicle|play|tale)"
    r"(?:[ \t]+and[ \t]+(?:death|life|history))?[ \t]+of[ \t]+(?:the[ \t]+)?(?=\S)"
)


def _same_name(written: str, known: str) -> bool:
    """The title page's name is the header's, give or take what one of them adds: Frankenstein's
    (eBook #84) "by Mary Wollstonecraft (Godwin) Shelley" under "Author: Mary Wollstonecraft Shelley",
    War and Peace's (eBook #2600) "By Leo Tolstoy/Tolstoi" under "Author: graf Leo Tolstoy"."""
    words, header = field_key(_NAME_ASIDE.sub(" ", written)).split(), field_key(known).split()
    shorter, longer = sorted((words, header), key=len)
    if len(shorter) < 2:
        return words == header
    return any(longer[start : start + len(shorter)] == shorter for start in range(len(longer) - len(shorter) + 1))


def field_key(text: str) -> str:
    """The line as said in any case and spacing; its punctuation counts ("Rain." opening a story
    called "Rain" is its first sentence, not its title again)."""
    return " ".join(text.casefold().split())


def _summary_like(text: str) -> bool:
    return "\n" not in text and 20 <= len(text) <= 320 and len(text.split()) >= 5


@dataclass(slots=True)
class Preamble:
    meta: Meta
    body: list[Item]


# Items a story's header is read from: an AO3 page's tags and notes, a book's title page and front
# matter run to a few hundred; past them is the story (75,000 paragraphs of "TW: blood 17" were each
# read as a header field, with every check the header reader has).
PREAMBLE_ITEMS = 1000


# Keys whose value a label's next paragraphs may list one item a paragraph (rest_of_warning_list).
_LISTED_KEYS = frozenset(["declared", "archive_warnings"])
SUBTITLE_HEADING_WORDS = 8  # a subtitle's words at most ("A Novel in Three Parts")


def _read_subtitle_heading(text: str, meta: Meta) -> None:
    """A heading under the title's: its by-line when it names the author ("### by Mara Quill", as Google
    Docs exports a by-line set in a heading style), else its subtitle; a contents list's label left
    with no entries under it ("## Table of Contents", its links to headings taken out) is neither."""
    author = by_line_author(text)
    if author is None and not contents_label(text):
        meta.notes.append(subtitle_note(text))
    elif "author" not in meta.values:
        meta.values["author"] = [author]


def _subtitle_heading(items: list[Item], index: int, meta: Meta) -> bool:
    """A Markdown heading straight under the title's heading, over the by-line, a rule or the first
    chapter's heading, with no text of its own: the title page's subtitle ("# Salt and Iron" / "###
    a novella" / "by R. K. Ashdown", as Google Docs exports a title page). Read as a heading, it was
    a chapter with no text, and the whole file was refused."""
    item = items[index]
    above = items[index - 1] if index else None
    if not (
        isinstance(item, Heading)
        and item.kind == "markdown"
        and item.title
        and len(item.title.split()) <= SUBTITLE_HEADING_WORDS
        and isinstance(above, Heading)
        and meta.title is not None
        and above.title == meta.title
        and index + 1 < len(items)
    ):
        return False
    following = items[index + 1]
    if isinstance(following, Para):
        return (
            not following.note
            and by_line_author(following.text.strip()) is not None
            and not _sibling_heading(items, index)  # a collection's first work's title over its by-line
        )
    return isinstance(following, SceneBreak) or (
        isinstance(following, Heading) and following.kind in ("chapter", "named", "part")
    )


SENTENCE_SUBTITLE_WORDS = 40


def _sentence_subtitle(items: list[Item], index: int, meta: Meta) -> bool:
    """A Markdown heading of a sentence straight under the title's heading, over text and no other
    heading of its level or below: a post's subtitle ("# Salt Roads" / "### Two sisters and a ferry.",
    as Medium exports one), its summary. Read as a heading, it titled the story's one chapter."""
    item = items[index]
    above = items[index - 1] if index else None
    return (
        isinstance(item, Heading)
        and item.kind == "markdown"
        and item.title is not None
        and 3 <= len(item.title.split()) <= SENTENCE_SUBTITLE_WORDS
        and item.title.rstrip("\"'’”").endswith((".", "!", "?", "…"))
        and isinstance(above, Heading)
        and meta.title is not None
        and above.title == meta.title
        and index + 1 < len(items)
        and not isinstance(items[index + 1], Heading)
        and not any(
            isinstance(later, Heading) and later.kind == "markdown" and later.level >= item.level
            for later in items[index + 1 :]
        )
    )


def _sibling_heading(items: list[Item], index: int) -> bool:
    """Whether a heading of no chapter's label at the level of the one at ``index`` follows it: "## Gull"
    over "*by Ann Lee*" is then the first of a collection's works ("## Tern" / "*by Bo Ray*"), not the
    title page's subtitle (which took the first work's writer for the book's)."""
    level = items[index].level  # type: ignore[union-attr]
    return any(
        isinstance(item, Heading) and item.kind == "markdown" and item.level == level for item in items[index + 1 :]
    )


_SENTENCES_UNDER = 3  # paragraphs of prose under a file's first line that mark it off as its title
_SENTENCE_WORDS = 8
_SENTENCE_STOPS = (".", "!", "?", "…")


def _sentences_under(items: list[Item], start: int) -> bool:
    """Whether the paragraphs from ``start`` open as a story's prose does, a few full sentences each
    one line, so the Title Case line over them is the story's title ("Low Tide" over the story's
    opening): a first paragraph under 200 characters marked nothing off, and the title was the
    story's first paragraph."""
    under = [item for item in items[start : start + 2 * _SENTENCES_UNDER] if not isinstance(item, SceneBreak)]
    under = under[:_SENTENCES_UNDER]  # (a scene's break among them, "❧" after the first scene's two)
    return len(under) == _SENTENCES_UNDER and all(
        isinstance(item, Para)
        and not item.note
        and "\n" not in item.text.strip()
        and len(item.text.split()) >= _SENTENCE_WORDS
        and item.text.rstrip().rstrip("\"'’”)»").endswith(_SENTENCE_STOPS)
        for item in under
    )


def read_preamble(items: list[Item]) -> Preamble:
    """Split metadata, notes and the title off the top (its first :data:`PREAMBLE_ITEMS` items at
    most); the rest is the story."""
    meta = Meta()
    items = _title_page_paragraphs(_by_line_under_title(_prompt_title(_join_split_by_lines(_tags_apart(items)))))
    pictures: list[Item] = []  # a frontispiece over or among the title page's lines: the first chapter's
    index = 0
    unlabelled_note = False
    pending_key: str | None = None  # "Summary:" with its text in the next paragraph
    levels = [item.level for item in items if isinstance(item, Heading)]
    last_para = max((i for i, item in enumerate(items) if isinstance(item, Para)), default=-1)
    # Where the first "Warning: <a sentence>" field stood, with what was read before it (see below).
    prose_warning: tuple[int, Meta] | None = None
    outside_keys = OutsideKeys(items)
    while index < min(len(items), PREAMBLE_ITEMS):
        item = items[index]
        following = items[index + 1] if index + 1 < len(items) else None
        if isinstance(item, SceneBreak):
            if index == 0 or not consumed_any(meta):
                break
            index += 1
            if isinstance(following, Para) and ffn_stats(following.text):
                continue  # FicHub's introduction: title, by-line, blurb, a rule, then the stats line
            if isinstance(following, Para) and contents_label(following.text):
                continue  # Smashwords: the title page, a rule, then the table of contents
            if not item.raw and isinstance(following, Para) and front_matter_line(following.text):
                continue  # a word processor's empty paragraph, spacing the title page: "Warnings:" follows
            if _sign_over_warnings(item, following):
                continue  # a warning sign alone over the warnings (Notion's callout: its icon, then its text)
            break  # a divider after the header block: the story starts after it
        if isinstance(item, Heading):
            if (
                item.kind == "markdown"
                and item.level == 1
                and (levels.count(1) == 1 or _title_over_chapters(items, index) or _title_over_byline(items, index))
                and (len(levels) > 1 or (meta.title is None and (index == 0 or front_matter_only(meta))))
                and front_label(item.title) is None  # "# Dedication" heads a page, it is no title
            ):
                meta.title = meta.title or item.title
                index += 1
                continue
            if _subtitle_heading(items, index, meta):
                _read_subtitle_heading(item.title or item.raw, meta)
                index += 1
                continue
            if meta.summary is None and _sentence_subtitle(items, index, meta):
                meta.summary = item.title  # Medium's "### Two sisters and a ferry." under its title
                index += 1
                continue
            break
        text = item.text
        if _PICTURE.match(text) and index + 1 < len(items):  # "[Illustration]" over "Great Expectations"
            pictures.append(item)
            index += 1
            continue
        if item.note and not declaration_line(text):  # under a note heading above the first chapter
            meta.notes.append(strip_note_label(text))
            index += 1
            continue
        if ffn_stats(text, meta):
            pending_key = None
            index += 1
            continue
        head, _, rest = text.partition("\n")
        if pending_key is None and rest.strip() and (key := lone_label(head)) is not None and consumed_any(meta):
            meta.add(key, f"{key}: {rest}", rest)  # "Summary" over its text in one block (Inkitt's page)
            index += 1
            if KEYS[key] == "summary":
                index = rest_of_summary(items, index, meta)
            continue
        if consumed_any(meta) and index < last_para and (declared := warnings_over_list(text, following)):
            meta.declared.append(declared)  # "Content warnings" over "drowning, grief" (a word processor's box)
            end = list_run_end(items, index + 1)  # its list's items a paragraph each, the first a warning's
            label = declared.split(":", 1)[0]
            meta.declared.extend(f"{label}: {item.text.strip()}" for item in items[index + 2 : end])  # type: ignore[union-attr]
            index = max(end, index + 2)
            continue
        lone = lone_label(text) if pending_key is None and isinstance(following, Para) else None
        if lone is not None and consumed_any(meta):
            pending_key = lone  # "Summary" on a line of its own, its text under it
            index += 1
            continue
        if pending_key is not None and parse_field(text.split("\n")[0]) is None:
            meta.add(pending_key, f"{pending_key}: {text}", text)
            index += 1
            if KEYS[pending_key] == "summary":
                index = rest_of_summary(items, index, meta)
            elif KEYS[pending_key] in _LISTED_KEYS:
                index = rest_of_warning_list(items, index, meta, pending_key)
            pending_key = None
            continue
        pending_key = None
        if prose_warning is None and prose_warning_field(text):
            prose_warning = (index, copy.deepcopy(meta))
        last_key = field_paragraph(text, meta)
        if last_key is not None:
            parsed = parse_field(text.rsplit("\n", 1)[-1])
            if parsed and not parsed[1].strip() and KEYS[last_key]:
                pending_key = last_key  # a block of fields ending in "Summary:", its text in the next paragraph
            index += 1
            if pending_key is None and KEYS[last_key] == "summary":
                index = rest_of_summary(items, index, meta)
            continue
        if index < last_para and _header_block(text, meta, over_heading=isinstance(following, Heading)):
            index += 1
            continue
        if index < last_para and (rights_notice(text) or _licence_notice(text, meta)):
            if "author" not in meta.values and (holder := rights_holder(text)) is not None:
                meta.values["author"] = [holder]  # "Copyright© 2024 by Ada Quill" under the title: its writer
            meta.notes.append(_title_over_rights(text, meta))
            index += 1
            continue
        if is_labelled_note(text):
            meta.notes.append(strip_note_label(text))
            index += 1
            continue
        if index < last_para and reference_marked(text) and not declaration_line(text):
            meta.notes.append(text.strip())
            index += 1
            continue
        if (
            isinstance(following, Para)
            and "\n" not in text.strip()
            and lists_only(following.text.strip())  # "Warnings" over "Nobody heeded them." is the story's
            and (labelled := notice_list(f"{text.strip()}\n{following.text.strip()}")) is not None
        ):
            # "CWs below:" and its list a paragraph apart: the label was story text, the list an epigraph
            end = list_run_end(items, index + 1)  # and the list's items a paragraph each
            run = "\n".join(item.text.strip() for item in items[index + 1 : end] if isinstance(item, Para))
            if end > index + 2 and (longer := notice_list(f"{text.strip()}\n{run}")) is not None:
                labelled = longer
            else:
                end = index + 2
            declared, _, after = extract_declarations(labelled)
            meta.declared.extend(declared)
            if after or not declared:  # a notice that names no warning we know is still the author's
                meta.notes.append(after or labelled)
            index = end
            continue
        if (opening := parse_field(head)) is not None and warning_over_verse(opening, text.split("\n")):
            break  # "Warning: the sea is cold," / "and the ledger is long,": a poem's opening, the story's
        listed = notice_list(text) or sign_labelled(text)  # "⚠️ self harm" over "⚠️ eating disorder" too
        if listed is not None or declaration_line(text):
            # "【注意】" over "・死ネタ": its list read as one declaration, "注意: 死ネタ, 流血表現"
            declared, _, after = extract_declarations(listed or text)
            meta.declared.extend(declared)
            if after:
                meta.notes.append(after)
            elif not declared:
                meta.notes.append(text.strip())  # a notice that names no warning we know is still the author's
            index += 1
            continue
        if consumed_any(meta) and index < last_para and tag_strip(text, meta):
            index += 1  # "🔞 18+ | ⚠️ cw: gore, needles | 🩹 hurt/comfort | ✨ happy ending"
            continue
        if consumed_any(meta) and index < last_para and header_sentences(text, meta):
            index += 1  # "This story contains self-harm.", "Rated M for violence.", "chapter 2 has blood."
            continue
        if consumed_any(meta) and index < last_para and source_or_credit(text):
            index += 1  # the story's address on its archive, or the downloader's credit: where the file came from
            continue
        if meta.summary is None and ffn_blurb(text, past_divider(items, index + 1)):
            titled = title_by_author(text) if meta.title is None and "author" not in meta.values else None
            if titled is not None:  # "Snowbound by frostquill" over the stats line, as FanFiction.net heads a story
                meta.title, meta.values["author"] = titled[0], [titled[1]]
            else:
                meta.summary = text.strip()
            index += 1
            continue
        skipped = front_navigation(items, index, meta, outside_keys)
        if skipped:
            listed = [
                entry_text(line).strip()
                for item in items[index : index + skipped]
                if isinstance(item, Para)
                for line in item.text.split("\n")
                if not contents_label(line)
            ]
            index += skipped
            items = items[:index] + entries_as_headings(items[index:], listed)
            break  # a table of contents ends the front matter: the story starts after it
        if meta.title is not None and index < last_para and KIND_LINE.match(trim_ornaments(text)):
            meta.notes.append(subtitle_note(text))
            index += 1
            continue
        if index < last_para and not consumed_any(meta) and _MASTHEAD.fullmatch(text.strip()):
            meta.notes.append(text.strip())  # a newsletter's name and issue over the story it sends
            index += 1
            continue
        if not consumed_any(meta) and greeting_over_title(items, index, last_para):
            # a newsletter's "Hi friends! Here is this month's story." over the story's title line: the
            # greeting was the story's first paragraph and its title the second (the file's name the title)
            meta.notes.append(text.strip())
            meta.title = without_form_suffix(items[index + 1].text.strip())  # type: ignore[union-attr]
            index += 2
            continue
        if index < last_para and (greeted := greeting_declarations(text)):
            meta.declared.extend(greeted)  # "Hi friends! Here's this month's story. Content warning: a fire."
            meta.notes.append(text.strip())
            index += 1
            continue
        if (
            meta.title is not None
            and "author" not in meta.values
            and index < last_para
            and (name := name_over_date(text))
        ):
            meta.values["author"] = [name]  # a newsletter post's "Rosalind Achebe" over "Apr 12, 2024"
            index += 1
            continue
        if index < last_para and (_POSTED_BY.fullmatch(text.strip()) or (index == 0 and _post_subject(text))):
            meta.notes.append(text.strip())  # a journal post's subject and "Posted by ... on ..." over its fields
            index += 1
            continue
        if (
            0 < index <= _JOURNAL_HEAD_ITEMS
            and not (meta.title or meta.values or meta.declared or meta.summary)
            and meta.notes
            and _post_subject(meta.notes[0])
            and (date_line(text.strip()) or _HANDLE_ALONE.fullmatch(text.strip()))
            and any(
                isinstance(item, Para) and field_block(item.text) for item in items[index + 1 : _JOURNAL_HEAD_ITEMS + 2]
            )
        ):
            # the entry's date and its poster's name under its subject, over its header's fields (a journal entry
            # copied from its page: "Salt Roads [fic]" / "Jun. 3rd, 2024 at 10:00 pm" / "ada_quill" / "Title: ...")
            meta.notes.append(text.strip())
            index += 1
            continue
        if (
            meta.title is not None
            and index < last_para
            and (STATUS_LINE.fullmatch(trim_ornaments(text.strip())) or word_count_line(text))
        ):  # (between its emoji: "COMPLETED ✔️")
            # Wattpad's "Completed" under the title, a title page's "Approx. 3,000 words": as story
            # text it was a chapter 1 of its own, every chapter number after it one too high.
            meta.notes.append(text.strip())
            index += 1
            continue
        if (
            meta.title is not None
            and "rating" not in meta.values
            and index < last_para
            and _RATING_BADGE.fullmatch(trim_ornaments(text.strip()))
        ):
            # Wattpad's "Mature" badge under the title, AO3's rating copied alone: a chapter 1 of its own before
            meta.values["rating"] = [trim_ornaments(text.strip())]
            index += 1
            continue
        if consumed_any(meta) and index < last_para and _SPOILER_NOTICE.fullmatch(trim_ornaments(text.strip())):
            meta.notes.append(text.strip())  # "Spoilers for the whole of season 3!" under the title: a chapter 1 before
            index += 1
            continue
        if (
            "author" in meta.values
            and meta.summary is None
            and index < last_para
            and len(text) <= BLURB_CHARS
            and front_page_line(following)
            and not _repeats_fields(text, meta)  # (a book's title page over its contents: "By Eliza Thorne")
        ):
            meta.summary = text.strip()  # a blurb with no label, over the page's tags or contents
            index += 1
            continue
        if meta.title is not None and index < last_para and HASHTAGS.fullmatch(text.strip()):
            meta.add("additional tags", text, ", ".join(tag.lstrip("#") for tag in text.split()))
            index += 1  # an Obsidian note's "#wip #fantasy" under its title
            continue
        if (
            index == 0
            and isinstance(following, Para)
            and (is_dedication_line(following.text) or is_epigraph([following.text]))
            and (named := _title_over_name(text))
            and name_like(named[1])
        ):
            # a title page's title over the author's name with no "by" ("THE GREEN DARK" / "Anselm Drover"),
            # a dedication or an epigraph under them: all of it was read as the epigraph
            meta.title, meta.values["author"] = named[0], [named[1]]
            index += 1
            continue
        if (
            index == 0
            and meta.title is None
            and "author" not in meta.values
            and (isinstance(following, Heading) or (isinstance(following, Para) and contents_label(following.text)))
            and (named := _title_over_name(text))
            and _name_over_story(named[1], following)
        ):
            # a title over its author's full name, no "by", straight over chapter one or the contents ("The Bone
            # Orchard" / "Dariela Montes", a word processor's first lines): the story's first chapter, untitled
            meta.title, meta.values["author"] = named[0], [named[1]]
            index += 1
            continue
        if (
            index == 0
            and meta.title is None
            and "author" not in meta.values
            and (named := _title_over_name(text))
            and _full_name(named[1])
            and _sentences_under(items, index + 1)
        ):
            # a title over its author's full name, no "by", over the story's prose and no heading ("Salt
            # Roads" / "Ada Quill", a text's first lines): they were the story's first paragraph
            meta.title, meta.values["author"] = named[0], [named[1]]
            index += 1
            continue
        if (
            index == 0
            and meta.title is None
            and "author" not in meta.values
            and isinstance(following, Para)
            and lone_label(following.text.strip()) in ("summary", "notes")
            and (named := _title_over_name(text))
            and (_full_name(named[1]) or _site_handle(named[1]) or named[1].islower())
        ):
            # AO3's work copied from the browser with no tags over it: "Salt Roads" / "Ada Quill" over "Summary:"
            meta.title, meta.values["author"] = named[0], [named[1]]
            index += 1
            continue
        if meta.title is None and "author" not in meta.values and _tagged(meta) and (named := _title_over_name(text)):
            meta.title, meta.values["author"] = named[0], [named[1]]  # AO3's page copied: "The Ford" / "riverwriter"
            index += 1
            continue
        if (
            meta.title is None
            and "author" not in meta.values
            and index < last_para
            and (named := _title_over_name(text))
            and _site_handle(named[1])
            and _looks_like_title(named[0])
        ):
            # a reading site's story page copied: "The Boy Who Painted Storms" / "inkwell_and_ash" (Quotev's)
            meta.title, meta.values["author"] = named[0], [named[1].lstrip("@")]
            index += 1
            continue
        author = by_line_author(text)
        # (or a by-line alone over the first heading: a page's "by sleepy_wyrm" over its chapter's title)
        if author and (consumed_any(meta) or isinstance(following, Heading)) and "author" not in meta.values:
            meta.values["author"] = [author]
            index += 1
            continue
        if (
            meta.title is not None
            and "author" not in meta.values
            and _name_over_story(text, _past_blank(items, index + 1))
        ):
            meta.values["author"] = [text.strip().lstrip("@")]  # a title page's name under the title, no "by"
            index += 1
            continue
        if index < last_para and (_repeats_field(text, author, meta) or _repeats_fields(text, meta)):
            index += 1  # a title page under the header's fields: "THE SALT ROAD" / "BY MARA FENWICK"
            continue
        if index < last_para and meta.title is not None and _credit_lines(text):
            meta.notes.append(text.strip())  # a title page's "Translated by Isabel F. Hapgood", "[1867 Edition]"
            index += 1
            continue
        if index < last_para and meta.title is not None and _PLAY_SUBTITLE.match(field_key(text)):
            meta.notes.append(text.strip())  # under a play's title, what it is: "A COMEDY IN FOUR ACTS"
            index += 1
            continue
        if index < last_para and meta.title is not None and _subtitle_over_byline(text, following, meta):
            meta.notes.append(subtitle_note(text))  # "A STORY OF THE FRENCH REVOLUTION" over "By Charles Dickens"
            index += 1
            continue
        # (a title page's lines only: a slice to the last paragraph at every item was quadratic)
        spelled = spells_title(items[index : min(last_para, index + TITLE_PAGE_LINES)], meta.title)
        if spelled:
            index += spelled  # the same title set over several lines: "A CHRISTMAS CAROL" / "IN PROSE" / "BEING" ...
            continue
        if meta.title is None and "author" not in meta.values and (named := title_dash_by(text)):
            meta.title, meta.values["author"] = named[0], [named[1]]  # "The Ninth Lighthouse — by pell_mell"
            index += 1
            continue
        if (
            meta.title is None
            and "author" not in meta.values
            and isinstance(following, Para)
            and (named := titled_over_fields(text, following))
        ):
            meta.title, meta.values["author"] = named[0], [named[1]]  # "The Ford by riverwriter" over "Rating: T"
            index += 1
            continue
        bylined = (
            isinstance(following, Para)
            and (
                names_author(following.text.split("\n")[0])
                or (not consumed_any(meta) and field_block(following.text))  # "wc: 1.2k" / "warnings: grief"
            )
        ) or _first_over_chapter(items, index)
        # (the file's first line over its warnings, "windfall" over "tw grief, ...", as a phone's notes title it)
        # (or over its author's labelled note talking to readers, "the long way home" over "Author's note:
        # thanks for reading!", as a title page with no by-line closes: else a chapter 1 of one line, every
        # number after it one too high; "Note: the causeway was closed" says nothing an author says to readers)
        bylined = bylined or (
            index == 0
            and isinstance(following, Para)
            and (
                declaration_line(top := following.text.split("\n")[0])
                or (is_labelled_note(top) and note_score(following.text) > 0)
            )
        )
        if (
            meta.title is None
            and title_like(trim_ornaments(text), bylined=bylined)
            and (
                title_followed_well(following, index)
                or (index == 0 and _sentences_under(items, index + 1))
                or _over_name_over_story(items, index + 1)
                or (index == 0 and _blurb_over_first_chapter(items, index + 1))
            )
        ):
            meta.title = without_form_suffix(text.strip())  # "the lighthouse keeper's wife | a short fic"
            if index == 0 and "author" not in meta.values and (named := title_case_by_handle(text)):
                meta.title, meta.values["author"] = named[0], [named[1]]  # "Low Water by marrowbird" alone
            index += 1
            continue
        if (
            not consumed_any(meta)
            and note_score(text) >= NOTE_SCORE
            and separated(following)
            and index < last_para  # story text follows
        ):
            meta.notes.append(text)
            unlabelled_note = True
            index += 1
            continue
        if (
            consumed_any(meta)
            and index < last_para
            and "\n" not in text.strip()
            and len(text) <= DEDICATION_LINE_CHARS
            and is_dedication_line(text)
            and isinstance(following, Para)
            and (declaration_line(following.text) or notice_list(following.text) is not None)
        ):
            # a dedication under the by-line with the warnings under it: the dedication stopped the
            # header there, and the warnings were a chapter 1's story text
            meta.notes.append(front_page_note("Dedication", [text.strip()]))
            index += 1
            continue
        if consumed_any(meta) and isinstance(following, Heading) and LONE_BUTTON.fullmatch(text.strip()):
            index += 1  # a post's "Share" button between its header and its first heading: a chapter 1 before
            continue
        if meta.declared and isinstance(following, Heading) and reader_care(text):
            meta.notes.append(text.strip())  # "please don't read if these topics affect you!!" under the TW
            index += 1
            continue
        if consumed_any(meta) and index < last_para and readers_key(text):
            meta.notes.append(text.strip())  # "y/n = your name", "Please mind the tags!": the story's first line before
            index += 1
            continue
        if index < last_para and pointer_paragraph(text):
            meta.notes.append(text.strip())  # "Warnings are at the end of the story.": a chapter 1 of its own before
            meta.warnings_at_end = True
            index += 1
            continue
        if (
            meta.title is None
            and index < last_para
            and len(text) <= BLURB_CHARS
            and title_page_ahead(items, index, spoken=consumed_any(meta))
        ):
            # the author's words before the title page ("Hi everyone! ... Unbetaed, all mistakes are mine."
            # over "The Keeper of Small Things" / "by saltandpepper"): the whole page was a chapter 1
            meta.notes.append(text.strip())
            index += 1
            continue
        if meta.title is not None and meta.summary is None and _blurb_over_first_chapter(items, index):
            meta.summary = text.strip()  # "The Cartographer's Daughter" / "A girl inherits a map ..." / "Chapter 1"
            index += 1
            continue
        if (
            unlabelled_note
            and meta.summary is None
            and _summary_like(text)
            and isinstance(following, Para)
            and len(following.text) > len(text)
        ):
            meta.summary = text
            index += 1
            continue
        break
    body = items[index:]
    if prose_warning is not None and not any(isinstance(item, Para) for item in body):
        # Every paragraph from a "Warning: the stairs were steep ..." on was read as a header field and
        # no story text is left: they are the story, one that opens each paragraph so.
        index, meta = prose_warning
        body = items[index:]
    if index == 0 and meta.title is None and "author" not in meta.values and (named := _title_under_heading(body)):
        meta.title, meta.values["author"] = named[0], [named[1]]
        body = [body[0], *body[named[2] :]]
    if body and isinstance(body[0], Heading):
        # FanFiction.net's chapter select sits under the first chapter's heading.
        skipped = front_navigation(body, 1, meta)
        if skipped:
            body = [body[0], *body[1 + skipped :]]
    if pictures and body and isinstance(body[0], Heading):
        body = [body[0], *pictures, *body[1:]]
    elif pictures:
        body = [*pictures, *body]
    return Preamble(meta, body)


_PICTURE = re.compile(r"^[ \t]*\[Image(?:: [^\]\n]*)?\][ \t]*$")  # a picture's line (image_line)
# A rating alone on its line under a story's title, as a reading site shows it: Wattpad's "Mature" badge,
# AO3's ratings' names. (A one-letter rating, "T", needs its label: a line of its own is too short to tell.)
_RATING_BADGE = re.compile(
    r"mature|explicit|teen[ \t]+and[ \t]+up[ \t]+audiences|general[ \t]+audiences|not[ \t]+rated", re.IGNORECASE
)
# A notice of spoilers for the work a fic follows, a line of its own: "Spoilers for the whole of season 3!",
# "Minor spoilers through book 5.", "SPOILER ALERT for the finale".
_SPOILER_NOTICE = re.compile(
    r"(?:(?:minor|major|mild|heavy|some|light|huge|massive)[ \t]+)?spoilers?(?:[ \t]+alert)?[ \t]*[:!]?[ \t]*"
    r"(?:for|through|thru|up[ \t]+to|until|from|in|of|ahead)\b[^\n.!?]{0,100}[.!]*",
    re.IGNORECASE,
)
# A journal post's subject naming it a fic ("fic: Tidewrack (Sea Wardens, T)", "[fic] The Orchard Keeper")
# and its "Posted by saltmarsh_sings on March 3rd, 2022 at 09:14 pm", over the fic's header fields.
_POST_SUBJECT = re.compile(
    r"^[ \t]*(?:\[(?:fic|fanfic|ficlet|drabble)\]|(?:fic|fanfic|ficlet|drabble)[ \t]*:)[ \t]*\S", re.IGNORECASE
)
# (The words before the mark end at a character that is not a space: ended anywhere, each space of a run before no
# mark was read on to the run's end, 60 times over: a header line of 4 MB of spaces took 2 s here.)
_MASTHEAD = re.compile(rf"(?:[^\n.!?]{{0,59}}?[^\n.!? \t][ \t]++[—–|·:-][ \t]+)?{ISSUE}", re.IGNORECASE)


# ... or with its tag after the title: "Salt Roads [fic]"
_SUBJECT_TAG = re.compile(r"[^\n]{1,100}?[ \t]\[(?:fic|fanfic|ficlet|drabble|one-?shot)\][ \t]*", re.IGNORECASE)
_HANDLE_ALONE = re.compile(r"@?[\w.-]{2,40}")  # a journal's user name alone: "ada_quill"
_JOURNAL_HEAD_ITEMS = 3


def _post_subject(text: str) -> bool:
    """A journal post's subject naming it a fic: "[fic] Salt Roads", "fic: Salt Roads", "Salt Roads [fic]"."""
    return bool(_POST_SUBJECT.match(text)) or (len(text) <= 120 and _SUBJECT_TAG.fullmatch(text.strip()) is not None)


_POSTED_BY = re.compile(r"posted[ \t]+by[ \t]+@?[\w.-]{1,40}[ \t]+on[ \t]+\S[^\n]{3,60}", re.IGNORECASE)
DEDICATION_LINE_CHARS = 200


def _first(values: list[str] | None) -> str | None:
    return values[0] if values else None
