"""Post jobs in SQLite: plain SQL, one function per question or change.

A post is a row in ``post_jobs`` plus one ``post_chunks`` row per planned message. Every
query is scoped by ``guild_id`` except :func:`unfinished`, which the start-up resume runs
over the servers this process owns (its shard condition) and which reads whole jobs that
are then handled with queries scoped by their own server.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import aiosqlite

from bot.db import Database, Row, move_chapter_rows
from bot.story.store import StoryRecord, record_chapter_moves

State = Literal["posting", "done", "failed"]


class ChapterBusy(Exception):
    """The chapter is already being posted in this server (the one-at-a-time index said so)."""


class StoryChanged(Exception):
    """The story was removed (``gone``) or updated since its chapter was read for the post (another
    admin's ``/story remove`` or ``/story update`` while the chapter was rendered): nothing was written."""

    def __init__(self, *, gone: bool) -> None:
        super().__init__("the story was removed" if gone else "the story was updated")
        self.gone = gone


async def _as_read(tx: aiosqlite.Connection, guild_id: int, story_id: int, read: StoryRecord | None) -> None:
    """Inside the writing transaction: the story is still there and, when ``read`` is given, still the
    version the chapter was read from (its text's hash and chapter count); else :class:`StoryChanged`."""
    cursor = await tx.execute(
        "SELECT content_hash, chapter_count FROM stories WHERE guild_id = ? AND id = ?", (guild_id, story_id)
    )
    row = await cursor.fetchone()
    if row is None:
        raise StoryChanged(gone=True)
    if read is not None and (row[0], row[1]) != (read.content_hash, read.chapter_count):
        raise StoryChanged(gone=False)


def _stopped_here(stopped: Collection[int]) -> str:
    """The posts stopped unrecorded (``bot.excerpts.model.UnrecordedStops``), as a JSON list for ``json_each``."""
    return json.dumps(sorted(stopped))


_RUNNING = "state = 'posting' AND id NOT IN (SELECT value FROM json_each(?))"


@dataclass(frozen=True, slots=True)
class NewJob:
    guild_id: int
    channel_id: int
    story_id: int
    chapter: int
    nonce_prefix: str
    requested_by: int
    anchor_id: int
    application_id: int | None
    interaction_token: str | None
    interaction_at: float


@dataclass(frozen=True, slots=True)
class PostJob:
    id: int
    guild_id: int
    channel_id: int
    story_id: int
    chapter: int
    state: State
    failure: str | None
    nonce_prefix: str
    chunk_count: int
    sent: int  # chunks with a recorded message id
    requested_by: int
    anchor_id: int
    application_id: int | None
    interaction_token: str | None
    interaction_at: float
    created_at: float
    updated_at: float

    def nonce(self, position: int) -> str:
        return f"{self.nonce_prefix}{position}"


@dataclass(frozen=True, slots=True)
class Chunk:
    position: int
    content: str | None  # None once the post is done
    message_id: int | None


_JOB_COLUMNS = (
    "j.id, j.guild_id, j.channel_id, j.story_id, j.chapter, j.state, j.failure, j.nonce_prefix, j.chunk_count,"
    " (SELECT count(*) FROM post_chunks c WHERE c.job_id = j.id AND c.message_id IS NOT NULL) AS sent,"
    " j.requested_by, j.anchor_id, j.application_id, j.interaction_token, j.interaction_at,"
    " j.created_at, j.updated_at"
)


def _job(row: Row) -> PostJob:
    return PostJob(**{name: row[name] for name in PostJob.__dataclass_fields__})


async def create_job(
    db: Database, job: NewJob, contents: Sequence[str], *, now: float, read: StoryRecord | None = None
) -> PostJob:
    """The job and all its planned messages, in one transaction; :class:`ChapterBusy` if one is running,
    :class:`StoryChanged` if the story is gone or is no longer the version ``read`` (the one rendered)."""
    try:
        async with db.transaction() as tx:
            await _as_read(tx, job.guild_id, job.story_id, read)
            cursor = await tx.execute(
                "INSERT INTO post_jobs (guild_id, channel_id, story_id, chapter, nonce_prefix, chunk_count,"
                " requested_by, anchor_id, application_id, interaction_token, interaction_at, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    job.guild_id, job.channel_id, job.story_id, job.chapter, job.nonce_prefix, len(contents),
                    job.requested_by, job.anchor_id, job.application_id, job.interaction_token,
                    job.interaction_at, now, now,
                ),
            )  # fmt: skip
            job_id = cursor.lastrowid
            await tx.executemany(
                "INSERT INTO post_chunks (job_id, guild_id, position, content) VALUES (?, ?, ?, ?)",
                [(job_id, job.guild_id, position, content) for position, content in enumerate(contents)],
            )
    except sqlite3.IntegrityError as error:
        if "post_jobs" in str(error) or "UNIQUE" in str(error):
            raise ChapterBusy() from None
        raise
    found = await get_job(db, job.guild_id, int(job_id or 0))
    assert found is not None
    return found


async def get_job(db: Database, guild_id: int, job_id: int) -> PostJob | None:
    row = await db.fetch_one(
        f"SELECT {_JOB_COLUMNS} FROM post_jobs j WHERE j.guild_id = ? AND j.id = ?", (guild_id, job_id)
    )
    return None if row is None else _job(row)


async def chapter_being_posted(
    tx: aiosqlite.Connection, guild_id: int, story_id: int, *, stopped: Collection[int]
) -> int | None:
    """The story's chapter an ``/excerpt post`` is sending now, if any (the lowest); not one of the
    posts ``stopped`` unrecorded (``bot.excerpts.model.UnrecordedStops``)."""
    cursor = await tx.execute(
        f"SELECT chapter FROM post_jobs WHERE guild_id = ? AND story_id = ? AND {_RUNNING} ORDER BY chapter LIMIT 1",
        (guild_id, story_id, _stopped_here(stopped)),
    )
    row = await cursor.fetchone()
    return None if row is None else int(row[0])


async def renumber_post_jobs(
    tx: aiosqlite.Connection,
    guild_id: int,
    story_id: int,
    moves: Mapping[int, int | None],
    *,
    stopped: Collection[int],
    notes: int = 0,
) -> None:
    """``/story update`` renumbered the chapters (bot.story.changes): posts move with their chapters,
    inside the caller's transaction, and the posts of a chapter gone (None: now a note, or taken
    out) are forgotten (``/excerpt post`` would otherwise take the chapter now holding its number
    as posted). The move is recorded (``chapter_moves``): buttons already in the channels carry the
    old numbers and map them through it (``notes``: the first chapters gone are notes now, which a
    button says). Raises :class:`ChapterBusy` naming a moving or gone chapter
    being posted (not one of the posts ``stopped`` unrecorded): nothing may move under it."""
    if not moves:
        return
    numbers = sorted(moves)
    marks = ", ".join("?" for _ in numbers)
    cursor = await tx.execute(
        f"SELECT chapter FROM post_jobs WHERE guild_id = ? AND story_id = ? AND chapter IN ({marks})"
        f" AND {_RUNNING} ORDER BY chapter LIMIT 1",
        (guild_id, story_id, *numbers, _stopped_here(stopped)),
    )
    busy = await cursor.fetchone()
    if busy is not None:
        raise ChapterBusy(busy[0])
    gone = [old for old in numbers if moves[old] is None]
    if gone:
        await tx.execute(
            f"DELETE FROM post_jobs WHERE guild_id = ? AND story_id = ? AND chapter IN ({', '.join('?' for _ in gone)})",
            (guild_id, story_id, *gone),
        )
    moved = {old: new for old, new in moves.items() if new is not None}
    await move_chapter_rows(tx, "post_jobs", guild_id, story_id, moved)
    await record_chapter_moves(tx, guild_id, story_id, moves, notes=notes)


async def posted_chapter(db: Database, guild_id: int, story_id: int, message_id: int) -> int | None:
    """The chapter (as numbered now: posts move with their chapters) a recorded message of this
    story's posts shows; None when no post of the story recorded that message."""
    row = await db.fetch_one(
        "SELECT j.chapter FROM post_jobs j JOIN post_chunks c ON c.job_id = j.id"
        " WHERE j.guild_id = ? AND j.story_id = ? AND c.message_id = ? LIMIT 1",
        (guild_id, story_id, message_id),
    )
    return None if row is None else int(row["chapter"])


async def button_chapter(db: Database, guild_id: int, job_id: int) -> tuple[int, int] | None:
    """The post's chapter as numbered now and how far the story's chapters had moved, read together,
    for the buttons under its last message (a move may have happened while it was posting)."""
    row = await db.fetch_one(
        "SELECT j.chapter, (SELECT coalesce(sum(m.moved_by), 0) FROM chapter_moves m"
        " WHERE m.guild_id = j.guild_id AND m.story_id = j.story_id) AS moved"
        " FROM post_jobs j WHERE j.guild_id = ? AND j.id = ?",
        (guild_id, job_id),
    )
    return None if row is None else (int(row["chapter"]), int(row["moved"]))


async def posting_job(db: Database, guild_id: int, story_id: int, chapter: int) -> PostJob | None:
    """The post of this chapter running in this server right now, if any (any channel)."""
    row = await db.fetch_one(
        f"SELECT {_JOB_COLUMNS} FROM post_jobs j"
        " WHERE j.guild_id = ? AND j.story_id = ? AND j.chapter = ? AND j.state = 'posting'",
        (guild_id, story_id, chapter),
    )
    return None if row is None else _job(row)


async def latest_job(db: Database, guild_id: int, story_id: int, chapter: int, channel_id: int) -> PostJob | None:
    """The most recent post of this chapter into this channel, whatever its state."""
    row = await db.fetch_one(
        f"SELECT {_JOB_COLUMNS} FROM post_jobs j"
        " WHERE j.guild_id = ? AND j.story_id = ? AND j.chapter = ? AND j.channel_id = ?"
        " ORDER BY j.id DESC LIMIT 1",
        (guild_id, story_id, chapter, channel_id),
    )
    return None if row is None else _job(row)


async def unfinished(db: Database, shard_condition: str = "1 = 1", params: Sequence[int] = ()) -> list[PostJob]:
    """Posts left in 'posting' (by a crash or a shutdown), oldest first, in this process's servers.

    ``shard_condition`` is ``ShardScope.sql("j.guild_id")``'s condition, with its ``params``.
    """
    rows = await db.fetch_all(
        f"SELECT {_JOB_COLUMNS} FROM post_jobs j WHERE j.state = 'posting' AND {shard_condition} ORDER BY j.id",
        list(params),
    )
    return [_job(row) for row in rows]


async def chunks(db: Database, guild_id: int, job_id: int) -> list[Chunk]:
    rows = await db.fetch_all(
        "SELECT position, content, message_id FROM post_chunks WHERE guild_id = ? AND job_id = ? ORDER BY position",
        (guild_id, job_id),
    )
    return [Chunk(row["position"], row["content"], row["message_id"]) for row in rows]


async def record_sent(db: Database, guild_id: int, job_id: int, position: int, message_id: int, *, now: float) -> None:
    """One message of the post is in the channel: its id, in a write of its own."""
    async with db.transaction() as tx:
        await tx.execute(
            "UPDATE post_chunks SET message_id = ? WHERE guild_id = ? AND job_id = ? AND position = ?",
            (message_id, guild_id, job_id, position),
        )
        await tx.execute("UPDATE post_jobs SET updated_at = ? WHERE guild_id = ? AND id = ?", (now, guild_id, job_id))


async def finish(db: Database, guild_id: int, job_id: int, *, now: float) -> None:
    """Done: the planned texts and the interaction token are no longer needed; the ids stay."""
    async with db.transaction() as tx:
        await tx.execute(
            "UPDATE post_jobs SET state = 'done', failure = NULL, interaction_token = NULL, updated_at = ?"
            " WHERE guild_id = ? AND id = ?",
            (now, guild_id, job_id),
        )
        await tx.execute("UPDATE post_chunks SET content = NULL WHERE guild_id = ? AND job_id = ?", (guild_id, job_id))


async def fail(db: Database, guild_id: int, job_id: int, reason: str, *, now: float) -> None:
    await db.execute(
        "UPDATE post_jobs SET state = 'failed', failure = ?, interaction_token = NULL, updated_at = ?"
        " WHERE guild_id = ? AND id = ?",
        (reason, now, guild_id, job_id),
    )


async def replan(
    db: Database, guild_id: int, job_id: int, contents: Sequence[str], *, now: float, read: StoryRecord | None = None
) -> bool:
    """A failed post none of whose messages is recorded takes a new plan (the chapter as it renders
    now); False, changing nothing, when it is no longer failed or a message of it is recorded;
    :class:`StoryChanged` when its story is no longer the version ``read`` (the one rendered).

    Its nonces and anchor stay, so a first message Discord took without the bot hearing of it is
    still found before the new plan is sent.
    """
    async with db.transaction() as tx:
        if read is not None:
            await _as_read(tx, guild_id, read.id, read)
        cursor = await tx.execute(
            "UPDATE post_jobs SET chunk_count = ?, updated_at = ? WHERE guild_id = ? AND id = ? AND state = 'failed'"
            " AND NOT EXISTS (SELECT 1 FROM post_chunks c WHERE c.job_id = post_jobs.id AND c.message_id IS NOT NULL)",
            (len(contents), now, guild_id, job_id),
        )
        if cursor.rowcount != 1:
            return False
        await tx.execute("DELETE FROM post_chunks WHERE guild_id = ? AND job_id = ?", (guild_id, job_id))
        await tx.executemany(
            "INSERT INTO post_chunks (job_id, guild_id, position, content) VALUES (?, ?, ?, ?)",
            [(job_id, guild_id, position, content) for position, content in enumerate(contents)],
        )
    return True


async def reopen(
    db: Database,
    guild_id: int,
    job_id: int,
    *,
    application_id: int | None,
    interaction_token: str | None,
    interaction_at: float,
    now: float,
    read: StoryRecord | None = None,
) -> PostJob:
    """A failed post continues under a new interaction; :class:`ChapterBusy` if the chapter is running,
    :class:`StoryChanged` if its story is gone (the job with it) or no longer the version ``read``."""
    try:
        async with db.transaction() as tx:
            if read is not None:
                await _as_read(tx, guild_id, read.id, read)
            await tx.execute(
                "UPDATE post_jobs SET state = 'posting', failure = NULL, application_id = ?,"
                " interaction_token = ?, interaction_at = ?, updated_at = ?"
                " WHERE guild_id = ? AND id = ? AND state = 'failed'",
                (application_id, interaction_token, interaction_at, now, guild_id, job_id),
            )
    except sqlite3.IntegrityError:
        raise ChapterBusy() from None
    found = await get_job(db, guild_id, job_id)
    if found is None:  # removed with its story
        raise StoryChanged(gone=True)
    return found
