"""Books without a file: a published novel the club reads elsewhere, known by title and chapter count.

Such a book is an ordinary story row with one chapter row per chapter and no text in them
(``stories.has_text = 0``), so progress, discussions, reminders, progress-gated threads,
preferences and warnings work exactly as for an imported story. Its warnings are the ones the
admin declares, written as an author would ("death, self-harm") and mapped to taxonomy ids
with the declared-warnings mapping; the scanner finds nothing in chapters without text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from bot.db import Database
from bot.errors import UserError
from bot.story.limits import MAX_AUTHOR_CHARS, MAX_TITLE_CHARS
from bot.story.model import AUTHOR_WORDS_ID, Chapter, HeaderWarning, Story, StoryMeta, story_id_note
from bot.story.store import (
    NO_TEXT_FORMAT,
    DuplicateStory,
    StoryRecord,
    find_by_title,
    fold,
    get_story_record,
    insert_story,
    mark_without_text,
)
from bot.text import and_list, clip_lines, escape_markdown, plural, quote_input, visible_line
from bot.warnings.declared import map_texts
from bot.warnings.service import save_scan, story_warnings, versioned_scan
from bot.warnings.taxonomy import default_taxonomy

MAX_BOOK_CHAPTERS = 10_000
MAX_WARNINGS_CHARS = 1000
NO_FILE_FORMAT = NO_TEXT_FORMAT
WARNING_EXAMPLES = "death, self-harm, violence, abuse, suicide"


@dataclass(frozen=True, slots=True)
class BookAdded:
    story_id: int
    title: str
    author: str | None
    chapters: int
    warnings: list[HeaderWarning]
    uncategorised: list[str] = field(default_factory=list)  # the admin's words no category matches


def clean_title(title: str | None) -> str:
    """The title as one visible line (as an import's title is); refused when empty or longer than 200 characters.

    Stored as given, it was answered, posted and named threads and events as typed: a bidi override
    turned the rest of each line around and zero-width characters made a blank title.
    """
    text = visible_line(title or "")
    if not text:
        raise UserError("Give the book a title, e.g. `title:The Left Hand of Darkness`.")
    if len(text) > MAX_TITLE_CHARS:
        raise UserError(f"That title is {len(text):,} characters long; keep it to {MAX_TITLE_CHARS}.")
    return text


def check_chapters(chapters: int | None) -> int:
    if chapters is None:
        raise UserError("Say how many chapters the book has, e.g. `chapters:24`.")
    if not 1 <= chapters <= MAX_BOOK_CHAPTERS:
        raise UserError(
            f"A book has 1 to {MAX_BOOK_CHAPTERS:,} chapters; {quote_input(f'{chapters:,}', 40)} is outside that. "
            "Give the number of chapters the club will read."
        )
    return chapters


def parse_chapter_count(text: str) -> int:
    """A chapter count typed into a form ("24", " 1,200 ")."""
    if not visible_line(text):  # left blank (a forged form, or spaces): ask, rather than quote “”
        raise UserError("Give the number of chapters the club will read, a whole number such as 24.")
    raw = text.strip().replace(",", "").replace("_", "")
    if not (raw.isascii() and raw.lstrip("-").isdigit()):
        raise UserError(f"{quote_input(text, 40)} is not a number of chapters; type a whole number such as 24.")
    return check_chapters(int(raw))


def _declarable(item: str) -> str | None:
    """The item as it will be stored, when the declared-warnings mapping knows it; else ``None``.

    A taxonomy id typed as listed by ``/warnings categories`` ("blood-gore") is stored as its
    label ("Blood and gore"), which the mapping reads.
    """

    mapped = map_texts([item])
    if (mapped.ids or mapped.unwarned) and not mapped.unmapped:
        return item
    category = default_taxonomy().get(item.strip().lower())
    if category is not None and category.id in map_texts([category.label]).ids:
        return category.label
    return None


def declared_items(warnings: str | None) -> list[str]:
    """The admin's comma-separated warnings, each mapped to a taxonomy id where the mapping knows it.

    One no category matches ("drowning") is kept as typed, as an imported file keeps its author's:
    the scan leaves it unmapped, members read it in the admin's words, and the answer names it.
    Refusing the whole book over it made the admin drop a warning members should see.
    """
    if not warnings or not visible_line(warnings):
        return []
    if len(warnings) > MAX_WARNINGS_CHARS:
        raise UserError(f"Keep the warnings under {MAX_WARNINGS_CHARS:,} characters.")
    items = list(dict.fromkeys(" ".join(piece.split()) for piece in warnings.split(",") if visible_line(piece)))
    return list(dict.fromkeys(_declarable(item) or item for item in items))


def book_hash(title: str, author: str | None) -> str:
    """The same title by the same author is the same book (case and accents aside)."""
    key = f"book\x1f{fold(title)}\x1f{fold(author or '')}"
    return "book:" + hashlib.sha256(key.encode()).hexdigest()


def same_book(titled: list[StoryRecord], author: str | None) -> StoryRecord | None:
    """The library story (imported or a book) that a new book of the same title would repeat.

    Only another author makes it another book: without an author named, the two could not be told
    apart in any list, so the admin is asked for one rather than given a second story of that title.
    """
    for record in titled:
        if author is None or fold(author) == fold(record.author or ""):
            return record
    return None


class TitleTaken(DuplicateStory):
    """A new book would repeat a library story of that title (see :func:`same_book`)."""

    def __init__(self, record: StoryRecord, author: str | None) -> None:
        self.story_id = record.id
        self.title = record.title
        by = f" by {quote_input(record.author)}" if record.author else ""
        hint = "" if author else " If yours is another book of that title, give its `author:`."
        UserError.__init__(
            self,
            f"This book is already in the server as {quote_input(record.title)}{by} {story_id_note(record.id)}; "
            f"nothing was added.{hint}",
        )


def book_story(title: str, author: str | None, chapters: int, warnings: list[str]) -> Story:
    meta = StoryMeta(title=title, author=author, declared_warnings=list(warnings))
    return Story(meta, [Chapter(number, None, []) for number in range(1, chapters + 1)], NO_FILE_FORMAT)


async def add_book(
    db: Database,
    guild_id: int,
    *,
    title: str | None,
    chapters: int | None,
    author: str | None = None,
    warnings: str | None = None,
    added_by: int | None,
    now: float,
) -> BookAdded:
    """Validate everything first, then store the book, its chapters and its declared warnings in one transaction."""

    clean = clean_title(title)
    count = check_chapters(chapters)
    writer = visible_line(author or "") or None
    if writer is not None and len(writer) > MAX_AUTHOR_CHARS:
        raise UserError(f"Keep the author's name to {MAX_AUTHOR_CHARS} characters.")
    declared = declared_items(warnings)
    story = book_story(clean, writer, count, declared)
    report, version = await versioned_scan(db, guild_id, story)  # nothing to detect: maps the declared warnings
    async with db.transaction() as tx:
        if same := same_book(await find_by_title(tx, guild_id, clean), writer):
            raise TitleTaken(same, writer)
        story_id = await insert_story(
            tx, guild_id, story, content_hash=book_hash(clean, writer), added_by=added_by, now=now
        )
        await mark_without_text(tx, guild_id, story_id)
        await save_scan(tx, guild_id, story_id, report, rules_version=version)
    shown = await story_warnings(db, guild_id, story_id)
    # Named from the scan, made with this server's rules: the words members read as the admin's.
    return BookAdded(story_id, clean, writer, count, shown, list(report.declared_unmapped))


async def has_text(db: Database, guild_id: int, story_id: int) -> bool:
    """False for a book without a file (and for a story that is gone: there is nothing to show)."""
    record = await get_story_record(db, guild_id, story_id)
    return record is not None and record.has_text


def describe_book(book: BookAdded) -> str:
    """What the admin reads after adding a book without a file (``/story add`` and the vote's button)."""
    author = f" by {escape_markdown(book.author)}" if book.author else ""
    lines = [
        f"Added **{escape_markdown(book.title)}**{author} {story_id_note(book.story_id)} as a book the club reads elsewhere: "
        f"{plural(book.chapters, 'chapter')}, no text.",
    ]
    categorised = [w for w in book.warnings if w.id != AUTHOR_WORDS_ID]  # the admin's own words: named below
    if categorised:
        lines.append("⚠️ Warnings: " + ", ".join(f"**{escape_markdown(w.label)}**" for w in categorised))
    elif not book.uncategorised:
        lines.append("No warnings declared.")
    if book.uncategorised:
        words = book.uncategorised
        more = [f"{len(words) - 10:,} more"] if len(words) > 10 else []
        named = and_list([quote_input(word, 60) for word in words[:10]] + more)
        them = "it" if len(words) == 1 else "them"
        lines.append(
            f"Dogear has no category for {named}: members see {them} as you wrote {them}, and can avoid {them} by "
            f"{'its' if len(words) == 1 else 'their'} words with `/prefs avoid` (`/warnings categories` lists the categories)."
        )
    lines.append("Members can now record progress with `/progress set`, and discussions can be scheduled.")
    return clip_lines(lines)


def no_text_message(title: str) -> str:
    return (
        f"“{escape_markdown(title)}” is a book the club reads elsewhere: Dogear keeps its chapters for progress and "
        "discussions, but has no text to show."
    )


def reads_elsewhere_line() -> str:
    return "📖 The club reads this book elsewhere: Dogear tracks its chapters, not its text."
