"""The library's use cases: add a story file, list, look up, remove; no Discord here.

``add_story_file`` is the whole of ``/story add`` below the cog. The heavy parts (reading the
file, scanning it for warnings) run in a worker process with a time limit, so a hostile
upload costs one worker, never the event loop; the cheap checks for a duplicate (by content
hash, and by title as a book without a file is checked: :class:`TitleInLibrary`) come before the
expensive scan; the story and its scan are stored in one transaction, which checks both again.

The cogs reach the library only through here: ``StoryRecord``, the story as lists, info and
autocomplete show it, is the shape these use cases hand back (defined with the SQL that fills it).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime

import aiosqlite

from bot.db import Database
from bot.discussions.failures import RETRY_DELAYS
from bot.discussions.store import owe_event_deletions, pending_event_ids
from bot.errors import UserError
from bot.excerpts.model import unrecorded_stops
from bot.excerpts.store import chapter_being_posted
from bot.story.books import same_book
from bot.story.jobs import Parsed, parse_upload, scan_story
from bot.story.limits import DEFAULT_MAX_CHAPTERS, MAX_TITLE_CHARS
from bot.story.model import HeaderWarning, Story, story_id_note
from bot.story.store import (
    ChapterInfo,
    DuplicateStory,
    StoryRecord,
    chapter_infos,
    count_stories,
    delete_story,
    find_by_hash,
    find_by_title,
    get_story_record,
    insert_story,
    list_stories,
    resolve_story,
    search_stories,
)
from bot.story.tidy import one_line
from bot.text import no_such_page, quote_input
from bot.warnings.engine import ScanReport
from bot.warnings.reviews import unsettled_on_story
from bot.warnings.service import (
    guild_ruleset_data,
    own_warnings,
    save_scan,
    scan_summary,
    scan_time_limit,
    story_warnings,
)
from bot.worker import Workers

# Worker time limits: the budgets are seconds (bench/bench_budgets.py); these leave room for
# a busy machine and, for the scan, a worker compiling the server's rules for the first time.
PARSE_SECONDS = 20.0
SCAN_SECONDS = 30.0  # plus warnings.service.SCAN_SECONDS_PER_MB for each megabyte of text
PAGE_SIZE = 10


class TitleInLibrary(DuplicateStory):
    """A story file whose title a library story has (another file of it, or a book without one), by the
    same author or with no author to tell them apart (``books.same_book``): members could not tell the
    two apart in any list. A new version of the story is ``/story update``'s; another story of that
    title is added under a title of its own."""

    def __init__(self, record: StoryRecord) -> None:
        self.story_id = record.id
        self.title = record.title
        by = f" by {quote_input(record.author)}" if record.author else ""
        UserError.__init__(
            self,
            f"A story of this title is already in the server as {quote_input(record.title)}{by} "
            f"{story_id_note(record.id)}; nothing was added. For a new version of it, use `/story update`; "
            "for another story, give it a different `title:`.",
        )


async def _title_taken(conn: Database | aiosqlite.Connection, guild_id: int, story: Story) -> None:
    """Raise :class:`TitleInLibrary` when the library has a story ``story`` would repeat by title."""
    connection = conn.connection if isinstance(conn, Database) else conn
    if same := same_book(await find_by_title(connection, guild_id, story.meta.title), story.meta.author):
        raise TitleInLibrary(same)


@dataclass(frozen=True, slots=True)
class AddedStory:
    story_id: int
    title: str
    chapters: int
    words: int
    report: ScanReport


async def read_upload(workers: Workers, data: bytes, filename: str, *, max_bytes: int, max_chapters: int) -> Parsed:
    """An uploaded file read as a story in a worker, within the import's limits (``/story add`` and
    ``/story update`` alike); raises :class:`UserError` with what to fix."""
    return await workers.run(
        "Reading the story file",
        parse_upload,
        data,
        filename,
        max_bytes=max_bytes,
        max_chapters=max_chapters,
        time_limit=PARSE_SECONDS,
    )


async def scan_upload(db: Database, workers: Workers, guild_id: int, story: Story) -> tuple[ScanReport, int]:
    """The story scanned in a worker with the server's rules, and the rules version to store it under."""
    ruleset, version = await guild_ruleset_data(db, guild_id, workers=workers)
    report = await workers.run(
        "Scanning the story for warnings", scan_story, story, ruleset, time_limit=scan_time_limit(story, SCAN_SECONDS)
    )
    return report, version


async def add_story_file(
    db: Database,
    workers: Workers,
    guild_id: int,
    filename: str,
    data: bytes,
    *,
    added_by: int | None,
    now: float,
    max_bytes: int,
    max_chapters: int = DEFAULT_MAX_CHAPTERS,
    title: str | None = None,
) -> AddedStory:
    """Read, de-duplicate, scan and store an uploaded story; raises :class:`UserError` with what to fix."""
    parsed = await read_upload(workers, data, filename, max_bytes=max_bytes, max_chapters=max_chapters)
    story = parsed.story
    chosen = one_line(title, MAX_TITLE_CHARS)
    if chosen:
        story.meta.title = chosen
    existing = await find_by_hash(db, guild_id, parsed.content_hash)
    if existing is not None:
        raise DuplicateStory(existing.id, existing.title)
    await _title_taken(db, guild_id, story)
    report, version = await scan_upload(db, workers, guild_id, story)
    async with db.transaction() as tx:
        # insert_story checks the hash again: the same file uploaded twice at once adds one story;
        # the title is checked again here for the same reason.
        await _title_taken(tx, guild_id, story)
        story_id = await insert_story(tx, guild_id, story, content_hash=parsed.content_hash, added_by=added_by, now=now)
        await save_scan(tx, guild_id, story_id, report, rules_version=version)
    return AddedStory(story_id, story.meta.title, len(story.chapters), story.words, report)


@dataclass(frozen=True, slots=True)
class LibraryPage:
    records: list[StoryRecord]
    page: int
    pages: int
    total: int


async def library_page(db: Database, guild_id: int, page: int, *, page_size: int = PAGE_SIZE) -> LibraryPage:
    """One page of the server's stories in title order; a page past the end is a clear mistake."""
    total = await count_stories(db, guild_id)
    pages = max(1, math.ceil(total / page_size))
    if total and page > pages:
        raise no_such_page(pages, "of stories")
    records = await list_stories(db, guild_id, offset=(page - 1) * page_size, limit=page_size) if total else []
    return LibraryPage(records, page, pages, total)


@dataclass(frozen=True, slots=True)
class StoryDetails:
    record: StoryRecord
    chapters: list[ChapterInfo]
    warnings: list[HeaderWarning]
    unreviewed: int = 0  # possible or reported warnings no admin has settled, not among ``warnings``
    not_english: frozenset[int] = frozenset()  # chapters not read for warnings (bot.warnings.language)
    # Per chapter, the warnings its header shows beyond the ones every chapter shows (chapters with none left out).
    own: dict[int, list[HeaderWarning]] = field(default_factory=dict)
    every: list[HeaderWarning] = field(default_factory=list)  # the ones every chapter's header shows


async def story_details(db: Database, guild_id: int, value: str) -> StoryDetails:
    """The story an option names, with its chapter list and its warnings (strongest first)."""
    record = await resolve_story(db, guild_id, value)
    chapters = await chapter_infos(db, guild_id, record.id)
    warnings = await story_warnings(db, guild_id, record.id)  # a stale scan is made again first
    shown = {warning.id for warning in warnings}
    unreviewed = await unsettled_on_story(db, guild_id, record.id)
    summary = await scan_summary(db, guild_id, record.id)  # current now: story_warnings made it again if stale
    unread = frozenset(c.number for c in summary.chapters if not c.english) if summary else frozenset[int]()
    every, own = await own_warnings(db, guild_id, record.id, record.chapter_count)
    return StoryDetails(record, chapters, warnings, len(unreviewed - shown), unread, own, every)


async def find_story(db: Database, guild_id: int, value: str) -> StoryRecord:
    """The story an option names (an id picked from the menu, or a title typed out), or a :class:`UserError`."""
    return await resolve_story(db, guild_id, value)


async def story_choices(db: Database, guild_id: int, typed: str, limit: int) -> list[StoryRecord]:
    """What a story option's menu offers: titles starting with what was typed, then titles containing it."""
    return await search_stories(db, guild_id, typed, limit=limit)


@dataclass(frozen=True, slots=True)
class Removal:
    removed: bool  # False: it was gone already (another admin's press)
    title: str | None  # as it was before the removal, for the answer
    event_ids: list[int]  # the Discord events of its pending discussions, to delete from Discord


async def remove_from_library(db: Database, guild_id: int, story_id: int) -> Removal:
    """``/story remove`` confirmed: the story with everything that cascades from it, and its title."""
    record = await get_story_record(db, guild_id, story_id)
    removed, event_ids = await remove_story(db, guild_id, story_id)
    return Removal(removed, None if record is None else record.title, event_ids)


async def remove_story(
    db: Database, guild_id: int, story_id: int, *, now: float | None = None
) -> tuple[bool, list[int]]:
    """Remove a story with everything that cascades from it.

    Returns whether it was still there and the Discord events of its pending discussions,
    read in the same transaction so the caller can delete them from Discord afterwards; their
    deletion is owed in that transaction too (:mod:`bot.discussions.event_deletions`).
    """
    async with db.transaction() as tx:
        posting = await chapter_being_posted(tx, guild_id, story_id, stopped=unrecorded_stops(db))
        if posting is not None:  # the post would go on sending the text of a story no longer here
            raise UserError(
                f"Chapter {posting} of this story is being posted right now; run `/story remove` again when "
                "the post is done. Nothing was removed."
            )
        event_ids = await pending_event_ids(tx, guild_id, story_id)
        removed = await delete_story(tx, guild_id, story_id)
        # Owed in this write: a process stopped before Discord deletes them leaves it to the timer.
        moment = datetime.fromtimestamp(time.time() if now is None else now, UTC)
        await owe_event_deletions(tx, guild_id, event_ids, now=moment, retry_at=moment + RETRY_DELAYS[0])
    return removed, event_ids
