"""What a page or a press reads while ``/story update`` renumbers the chapters: the chapters shown
and the move count their buttons carry come from one snapshot, on a real SQLite file.

The update here commits through a second connection to the same file (as another process would)
at a fixed point between two of the reader's reads, so the gap is driven, not raced: a reader
that read the chapters before the commit and the move count after it would pair one numbering's
chapters with the other's count, and a button made from the pair would name the wrong chapter.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

import pytest

from bot.clock import ManualClock
from bot.db import BUSY_TIMEOUT_MS, Database, open_database
from bot.excerpts.model import Pressed
from bot.excerpts.service import ExcerptService, Marked
from bot.story.store import chapter_after_moves, chapters_moved
from bot.warnings import reviews

from .test_service import InlineWorkers
from .test_update import GUILD, add, update

T = TypeVar("T")
PLACES = ["harbour", "orchard", "quarry", "chapel", "ferry"]
PROLOGUE = "# Prologue\n\nThe town was quiet that year and nobody spoke of the sea at all, not even the ferrymen.\n\n"


def red_floors(prologue: str = "") -> bytes:
    """Five chapters, each with a possible Blood and gore (a thin sign), told apart by their places."""
    return (
        "Title: Red Floors\nAuthor: A. Writer\n\n"
        + prologue
        + "".join(
            f"# Chapter {n}: The {place.title()}\n\nThere was blood on the floor.\n\nHis hand was bleeding.\n\n"
            f"They walked down to the {place} after supper and stood there until the lamps were lit.\n\n"
            for n, place in enumerate(PLACES, start=1)
        )
    ).encode()


class Between(Database):
    """The test's reader: the same connection, with ``then`` run once right after the first read
    whose SQL holds ``after`` (the update committing between two of the reader's reads)."""

    def __init__(self, db: Database, after: str, then: Callable[[], Awaitable[Any]]) -> None:
        super().__init__(db.connection, db.path)
        self.after, self.then, self.done = after, then, False

    async def fetch_all(self, sql: str, params: Any = ()) -> list[Any]:
        rows = await super().fetch_all(sql, params)
        if self.after in sql and not self.done:
            self.done = True
            await self.then()
        return rows


async def prologue_committed_by_another_connection(db: Database, story_id: int) -> None:
    other = await open_database(db.path)
    try:
        updated = await update(other, story_id, red_floors(PROLOGUE))
        assert updated.changes.moves == {n: n + 1 for n in range(1, 6)}
    finally:
        await other.close()


@pytest.fixture
async def story_id(db: Database) -> int:
    story_id = await add(db, red_floors())
    assert await chapters_moved(db, GUILD, story_id) == 0
    return story_id


async def names_what_was_read(db: Database, story_id: int, chapter: int, moved: int, read: int) -> bool:
    """Whether a button carrying (``chapter``, ``moved``) names now the chapter the page read as
    ``chapter``: ``read`` is that chapter's number now (the prologue moved every chapter up one)."""
    return await chapter_after_moves(db, GUILD, story_id, chapter, moved) == read


async def test_a_review_page_read_while_an_update_commits_pairs_its_chapters_with_their_move_count(
    db: Database, story_id: int
) -> None:
    reader = Between(
        db, "ORDER BY p.story_id, p.chapter", lambda: prologue_committed_by_another_connection(db, story_id)
    )
    shown = await reviews.review_slice(reader, GUILD, page=1)
    assert reader.done and [item.chapter for item in shown.items] == [1, 2, 3, 4, 5]
    for item in shown.items:  # read before the prologue: chapter n is now n + 1
        assert await names_what_was_read(db, story_id, item.chapter, item.moved, item.chapter + 1), item
        assert item.key is not None and item.key.moved == item.moved


async def test_a_story_page_read_while_an_update_commits_pairs_its_chapters_with_their_move_count(
    db: Database, story_id: int
) -> None:
    reader = Between(
        db, "ORDER BY p.chapter, p.warning_id", lambda: prologue_committed_by_another_connection(db, story_id)
    )
    key = reviews.QueueKey(reviews.STORY_SECTION, story_id)
    overview = await reviews.story_page(reader, GUILD, key, "f")
    assert reader.done and [item.chapter for item in overview.possible] == [1, 2, 3, 4, 5]
    for item in overview.possible:
        assert await names_what_was_read(db, story_id, item.chapter, overview.moved, item.chapter + 1), item


async def test_a_chapter_button_read_while_an_update_commits_shows_the_chapter_pressed(
    db: Database, story_id: int
) -> None:
    """A Read button for chapter 2 (made before any move): its number is mapped, then the move count
    and the chapter read. The update committing after the mapping made the text read the new chapter 2
    (the old 1) and the count say "after the prologue"."""
    reader = Between(db, "FROM chapter_moves", lambda: prologue_committed_by_another_connection(db, story_id))
    clock = ManualClock(datetime(2026, 10, 10, 9, 0, tzinfo=UTC))
    service = ExcerptService(reader, clock, InlineWorkers(), max_messages=100, budget=2000)  # type: ignore[arg-type]
    reading = await service.reading(GUILD, 7, story_id, Pressed(2, 0), confirmed=True)
    assert reader.done and (reading.number, reading.moved) == (2, 0)
    text = "\n".join(reading.contents)
    assert "orchard" in text and "harbour" not in text  # the chapter pressed, the old chapter 2


async def test_a_write_inside_a_snapshot_fails_at_once_instead_of_waiting_for_itself(db: Database) -> None:
    async with db.snapshot():
        with pytest.raises(RuntimeError, match="snapshot"):
            async with db.transaction():
                pass
    assert await db.execute("INSERT INTO guilds (guild_id, joined_at) VALUES (5, 0)")  # the lock was let go


async def pressed_while_an_update_commits(db: Database, story_id: int, press: Callable[[Database], Awaitable[T]]) -> T:
    """``press(reader)``, with the prologue committed through a second connection (another process)
    right after the reader maps its chapter (its first read of the moves): at once, or, when the
    press's write holds the file, as soon as that write ends. Returns what the press returned, once
    the update has committed."""
    other = await open_database(db.path)
    waiting: list[asyncio.Task[Any]] = []

    async def update_now_or_after_the_write() -> None:
        await other.connection.execute("PRAGMA busy_timeout = 0")
        try:
            await other.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:  # the press's write holds the file: the update waits for it
            await other.connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            waiting.append(asyncio.create_task(update(other, story_id, red_floors(PROLOGUE))))
            return
        await other.connection.rollback()
        await other.connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        await update(other, story_id, red_floors(PROLOGUE))

    try:
        reader = Between(db, "FROM chapter_moves", update_now_or_after_the_write)
        pressed = await press(reader)
        for task in waiting:
            await task
    finally:
        await other.close()
    assert reader.done and await chapters_moved(db, GUILD, story_id) == 1
    return pressed


async def test_a_decision_pressed_while_an_update_commits_lands_on_the_chapter_shown(
    db: Database, story_id: int
) -> None:
    """Confirm on chapter 2 (shown before any move): the chapter was mapped, then the update
    committed before the decision was written, and it was stored on the new chapter 2 (the old 1).
    Mapped inside the decision's write, the update (another process) waits for that write instead."""

    def confirm(reader: Database) -> Awaitable[reviews.Decided]:
        return reviews.confirm_warning(reader, GUILD, story_id, 2, "blood-gore", moved=0, now=3000.0)

    decided = await pressed_while_an_update_commits(db, story_id, confirm)
    rows = await db.fetch_all(
        "SELECT chapter FROM warning_reviews WHERE guild_id = ? AND story_id = ?", (GUILD, story_id)
    )
    assert decided.chapter == 2 and [row[0] for row in rows] == [3]  # the old chapter 2, numbered 3 now


async def test_i_have_read_this_pressed_while_an_update_commits_saves_the_chapter_read(
    db: Database, story_id: int
) -> None:
    """ "I've read this" under chapter 2 (posted before any move): the chapter was mapped, then the
    update committed before the progress was written, and the member was saved at the new chapter 2
    (the old 1, which they had not read). Mapped inside the progress write, the update waits for it
    and moves the member's place with their chapter."""
    clock = ManualClock(datetime(2026, 10, 10, 9, 0, tzinfo=UTC))

    def mark_read(reader: Database) -> Awaitable[Marked]:
        service = ExcerptService(reader, clock, InlineWorkers(), max_messages=100, budget=2000)  # type: ignore[arg-type]
        return service.mark_read(GUILD, 7, story_id, Pressed(2, 0), "Mel")

    title, chapter, *_ = await pressed_while_an_update_commits(db, story_id, mark_read)
    rows = await db.fetch_all(
        "SELECT chapter FROM reading_progress WHERE guild_id = ? AND story_id = ? AND user_id = 7", (GUILD, story_id)
    )
    assert (title, chapter) == ("Red Floors", 2) and [row[0] for row in rows] == [3]  # the old chapter 2, 3 now
