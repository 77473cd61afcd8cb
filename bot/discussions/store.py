"""Discussions and reminders in SQLite: plain SQL, one function per question or change.

Every query about a server's items is scoped by ``guild_id``. The timer's queries
(:func:`next_due`, :func:`claim_due`, :func:`unfinished`) serve every server *this process
owns* (a :class:`~bot.shards.ShardScope`, filtered in SQL), read only ids and times through
the pending-due indexes, and each item they find is then handled with queries scoped by that
item's server. Two processes with disjoint scopes over one database never claim the same item.

State changes that must not be half-done happen in one transaction each: claiming an item
(-> 'posting' with a nonce) before anything is sent, recording the sent message id, and
settling it ('posted', 'failed', 'missed').
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

import aiosqlite

from bot.db import Database, Row, move_chapter_rows
from bot.guilds import ensure_guild
from bot.limits import AUTOCOMPLETE_CHOICES
from bot.shards import ShardScope
from bot.story.tidy import UNTITLED, story_title
from bot.text import clip

PENDING = ("scheduled", "posting")
EVERY_SHARD = ShardScope()
State = Literal["scheduled", "posting", "posted", "failed", "missed", "cancelled"]
Kind = Literal["discussion", "reminder", "event_end"]


def to_epoch(moment: datetime) -> float:
    return moment.timestamp()


def from_epoch(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def _epoch_or_none(moment: datetime | None) -> float | None:
    return None if moment is None else to_epoch(moment)


class AlreadyScheduled(Exception):
    """The chapter already has a pending discussion, ``discussion_id``, at ``due_at`` in ``channel_id``.

    A chapter is discussed once: a second pending discussion of the same story and chapter (at
    another time or in another channel too) would post the chapter twice, so it is refused until
    the first is posted or cancelled. Checked inside the writing transaction (``BEGIN IMMEDIATE``),
    so two commands at once cannot both add one; migration 0011's unique index holds the exact
    twin (same channel and time) for any other writer.

    ``others``: the refusals of the further chapters of the same write that have one too, in its
    order, so a plan refused is answered with every chapter in its way, not one per try.
    """

    others: tuple[AlreadyScheduled, ...] = ()

    def __init__(
        self, discussion_id: int, item: NewDiscussion, *, due_at: datetime, channel_id: int, channel_explicit: bool
    ) -> None:
        super().__init__(f"discussion #{discussion_id} is already pending for chapter {item.chapter}")
        self.discussion_id = discussion_id
        self.item = item
        self.due_at = due_at
        self.channel_id = channel_id
        self.channel_explicit = channel_explicit


class StoryGone(Exception):
    """The story of discussions being stored was removed meanwhile (another admin's ``/story remove``
    while an event was being created for them): nothing was stored."""


@dataclass(frozen=True, slots=True)
class NewDiscussion:
    story_id: int
    chapter: int
    due_at: datetime
    channel_id: int
    channel_explicit: bool
    remind: Sequence[timedelta]
    created_by: int
    event_id: int | None = None


@dataclass(frozen=True, slots=True)
class Discussion:
    id: int
    guild_id: int
    story_id: int
    story_title: str | None
    chapter: int
    due_at: datetime
    channel_id: int
    channel_explicit: bool
    remind: tuple[timedelta, ...]
    state: str
    failure: str | None
    nonce: str | None
    attempts: int
    posted_channel_id: int | None
    message_id: int | None
    thread_id: int | None
    event_id: int | None
    created_by: int
    story_chapters: int | None = None  # the story's chapter count now; None once the story is removed

    @property
    def past_the_end(self) -> bool:
        """A discussion of a chapter the story no longer has (a ``/story update`` took it down)."""
        return self.story_chapters is not None and self.chapter > self.story_chapters

    @property
    def reach(self) -> int:
        """The chapter a member reads to be ready: the discussed one, or the last one left."""
        chapters = self.story_chapters
        return chapters if chapters is not None and self.chapter > chapters else self.chapter

    @property
    def marker(self) -> str:
        """Carried in the posted embed's footer so a restart can recognise the post."""
        return f"Discussion #{self.id}"


@dataclass(frozen=True, slots=True)
class Reminder:
    id: int
    guild_id: int
    discussion_id: int
    offset: timedelta
    due_at: datetime
    state: str
    nonce: str | None
    attempts: int
    channel_id: int | None
    message_id: int | None
    copies_pending: bool = False  # posted, its DM copies not all sent yet (see :func:`take_dm_copy`)

    @property
    def marker(self) -> str:
        return f"Reminder #{self.id} for discussion #{self.discussion_id}"


@dataclass(frozen=True, slots=True)
class DueItem:
    kind: Kind
    id: int
    guild_id: int
    due_at: datetime


_DISCUSSION_COLUMNS = (
    "d.id, d.guild_id, d.story_id, s.title AS story_title, d.chapter, d.due_at, d.channel_id, d.channel_explicit,"
    " d.remind_offsets, d.state, d.failure, d.nonce, d.attempts, d.posted_channel_id, d.message_id, d.thread_id,"
    " d.event_id, d.created_by, s.chapter_count AS story_chapters"
)
_DISCUSSION_FROM = "discussions d LEFT JOIN stories s ON s.id = d.story_id AND s.guild_id = d.guild_id"


def _offsets_text(remind: Sequence[timedelta]) -> str:
    return ",".join(str(int(offset.total_seconds())) for offset in remind)


def _offsets(text: str) -> tuple[timedelta, ...]:
    return tuple(timedelta(seconds=int(part)) for part in text.split(",") if part)


def _title(value: str | None) -> str | None:
    """A story's title tidied as read, as the story store reads it: it names posts, threads and events.

    A row stored before titles were tidied at every entry may hold a bidi override or nothing visible.
    """
    return None if value is None else story_title(value)


def _discussion(row: Row) -> Discussion:
    return Discussion(
        id=row["id"],
        guild_id=row["guild_id"],
        story_id=row["story_id"],
        story_title=_title(row["story_title"]),
        chapter=row["chapter"],
        due_at=from_epoch(row["due_at"]),
        channel_id=row["channel_id"],
        channel_explicit=bool(row["channel_explicit"]),
        remind=_offsets(row["remind_offsets"]),
        state=row["state"],
        failure=row["failure"],
        nonce=row["nonce"],
        attempts=row["attempts"],
        posted_channel_id=row["posted_channel_id"],
        message_id=row["message_id"],
        thread_id=row["thread_id"],
        event_id=row["event_id"],
        created_by=row["created_by"],
        story_chapters=row["story_chapters"],
    )


def _reminder(row: Row) -> Reminder:
    return Reminder(
        id=row["id"],
        guild_id=row["guild_id"],
        discussion_id=row["discussion_id"],
        offset=timedelta(seconds=row["offset_seconds"]),
        due_at=from_epoch(row["due_at"]),
        state=row["state"],
        nonce=row["nonce"],
        attempts=row["attempts"],
        channel_id=row["channel_id"],
        message_id=row["message_id"],
        copies_pending=bool(row["copies_pending"]),
    )


async def _insert_reminders(
    tx: aiosqlite.Connection,
    guild_id: int,
    discussion_id: int,
    due_at: datetime,
    remind: Sequence[timedelta],
    now: datetime,
) -> None:
    """Only reminders still ahead: a discussion due in 2 hours gets its 1 h reminder, not the 24 h one."""
    rows = [
        (guild_id, discussion_id, int(offset.total_seconds()), to_epoch(due_at - offset), to_epoch(now))
        for offset in remind
        if due_at - offset > now
    ]
    await tx.executemany(
        "INSERT INTO discussion_reminders (guild_id, discussion_id, offset_seconds, due_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?)",
        rows,
    )


async def _pending_twin(
    tx: aiosqlite.Connection,
    guild_id: int,
    item: NewDiscussion,
    *,
    other_than: int | None = None,
    same_time_only: bool = False,
) -> AlreadyScheduled | None:
    """The refusal naming the pending discussion of ``item``'s story and chapter, if there is one.

    ``same_time_only``: only one that is ``item`` again (same channel and time): a move of a
    discussion that is pending already adds no second one, so two stored before the rule (or
    in two channels) can still be moved apart, never onto each other.
    """
    exact = " AND channel_id = ? AND due_at = ?" if same_time_only else ""
    cursor = await tx.execute(
        "SELECT id, due_at, channel_id, channel_explicit FROM discussions"
        f" WHERE guild_id = ? AND story_id = ? AND chapter = ?{exact}"
        " AND state IN ('scheduled', 'posting') AND id IS NOT ? ORDER BY due_at, id LIMIT 1",
        (
            guild_id,
            item.story_id,
            item.chapter,
            *((item.channel_id, to_epoch(item.due_at)) if same_time_only else ()),
            other_than,
        ),
    )
    row = await cursor.fetchone()
    if row is None:
        return None
    return AlreadyScheduled(
        int(row[0]),
        item,
        due_at=from_epoch(row[1]),
        channel_id=int(row[2]),
        channel_explicit=bool(row[3]),
    )


async def create_discussions(
    db: Database, guild_id: int, items: Sequence[NewDiscussion], *, now: datetime
) -> list[int]:
    """Insert discussions with their reminders, all or nothing; returns the new ids in order.

    Raises :class:`AlreadyScheduled` (and adds nothing) when one of their chapters has a pending discussion,
    :class:`StoryGone` when their story was removed since it was read (its foreign key refused the
    insert, a traceback).
    """
    stamp = to_epoch(now)
    ids: list[int] = []
    async with db.transaction() as tx:
        await ensure_guild(tx, guild_id, stamp)
        for story_id in sorted({item.story_id for item in items}):
            found = await tx.execute("SELECT 1 FROM stories WHERE id = ? AND guild_id = ?", (story_id, guild_id))
            if await found.fetchone() is None:
                raise StoryGone(story_id)
        # Every item is looked at before any is written (they are distinct chapters): the refusal names all.
        twins = [twin for item in items if (twin := await _pending_twin(tx, guild_id, item)) is not None]
        if twins:
            twins[0].others = tuple(twins[1:])
            raise twins[0]
        for item in items:
            cursor = await tx.execute(
                "INSERT INTO discussions (guild_id, story_id, chapter, due_at, channel_id, channel_explicit,"
                " remind_offsets, event_id, created_by, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    guild_id,
                    item.story_id,
                    item.chapter,
                    to_epoch(item.due_at),
                    item.channel_id,
                    int(item.channel_explicit),
                    _offsets_text(item.remind),
                    item.event_id,
                    item.created_by,
                    stamp,
                    stamp,
                ),
            )
            assert cursor.lastrowid is not None
            ids.append(cursor.lastrowid)
            await _insert_reminders(tx, guild_id, cursor.lastrowid, item.due_at, item.remind, now)
    return ids


async def get_discussion(db: Database, guild_id: int, discussion_id: int) -> Discussion | None:
    row = await db.fetch_one(
        f"SELECT {_DISCUSSION_COLUMNS} FROM {_DISCUSSION_FROM} WHERE d.id = ? AND d.guild_id = ?",
        (discussion_id, guild_id),
    )
    return None if row is None else _discussion(row)


async def list_discussions(
    db: Database, guild_id: int, *, now: datetime, settled_within: timedelta = timedelta(days=14), limit: int = 25
) -> list[Discussion]:
    """Upcoming (soonest first), then failed and missed ones from the last two weeks (newest first)."""
    upcoming = await db.fetch_all(
        f"SELECT {_DISCUSSION_COLUMNS} FROM {_DISCUSSION_FROM}"
        " WHERE d.guild_id = ? AND d.state IN ('scheduled', 'posting') ORDER BY d.due_at LIMIT ?",
        (guild_id, limit),
    )
    troubled = await db.fetch_all(
        f"SELECT {_DISCUSSION_COLUMNS} FROM {_DISCUSSION_FROM}"
        " WHERE d.guild_id = ? AND d.state IN ('failed', 'missed') AND d.due_at >= ? ORDER BY d.due_at DESC LIMIT ?",
        (guild_id, to_epoch(now - settled_within), limit),
    )
    return [_discussion(row) for row in (*upcoming, *troubled)]


SAME_MINUTE_READ = 5


async def pending_in_minute(db: Database, guild_id: int, due: datetime, *, other_than: int) -> list[Discussion]:
    """The server's other discussions still to post that open in the same minute as ``due`` (two
    chapters at one minute are most often a slip of the hour or the date), at most :data:`SAME_MINUTE_READ`."""
    start = to_epoch(due.replace(second=0, microsecond=0))
    rows = await db.fetch_all(
        f"SELECT {_DISCUSSION_COLUMNS} FROM {_DISCUSSION_FROM}"
        " WHERE d.guild_id = ? AND d.state IN ('scheduled', 'posting') AND d.due_at >= ? AND d.due_at < ?"
        " AND d.id != ? ORDER BY d.id LIMIT ?",
        (guild_id, start, start + 60, other_than, SAME_MINUTE_READ),
    )
    return [_discussion(row) for row in rows]


async def failed_reminders(
    db: Database, guild_id: int, *, now: datetime, settled_within: timedelta = timedelta(days=14), limit: int = 10
) -> list[tuple[Reminder, str]]:
    """Reminders that could not be posted in the last two weeks (newest first), each with the reason."""
    rows = await db.fetch_all(
        "SELECT r.*, coalesce(r.failure, '') AS reason FROM discussions d"
        " JOIN discussion_reminders r ON r.discussion_id = d.id AND r.guild_id = d.guild_id"
        " WHERE d.guild_id = ? AND r.state = 'failed' AND r.due_at >= ? ORDER BY r.due_at DESC LIMIT ?",
        (guild_id, to_epoch(now - settled_within), limit),
    )
    return [(_reminder(row), row["reason"]) for row in rows]


async def next_discussion(db: Database, guild_id: int, story_id: int, *, now: datetime) -> Discussion | None:
    """This story's next meeting: the soonest discussion still ahead, or one being posted right now.

    A 'scheduled' item already past its time is left out: the timer settles it at once
    (late post or missed), so it is not what members should catch up for.
    """
    row = await db.fetch_one(
        f"SELECT {_DISCUSSION_COLUMNS} FROM {_DISCUSSION_FROM}"
        " WHERE d.guild_id = ? AND d.story_id = ?"
        " AND (d.state = 'posting' OR (d.state = 'scheduled' AND d.due_at >= ?))"
        " ORDER BY d.due_at, d.id LIMIT 1",
        (guild_id, story_id, to_epoch(now)),
    )
    return None if row is None else _discussion(row)


async def search_discussions(
    db: Database, guild_id: int, typed: str, *, limit: int = AUTOCOMPLETE_CHOICES
) -> list[Discussion]:
    """For the ``id`` autocomplete: pending, failed and missed items whose id or title matches."""
    needle = typed.strip().lstrip("#").lower()
    rows = await db.fetch_all(
        f"SELECT {_DISCUSSION_COLUMNS} FROM {_DISCUSSION_FROM}"
        " WHERE d.guild_id = ? AND d.state IN ('scheduled', 'posting', 'failed', 'missed')"
        " AND (? = '' OR CAST(d.id AS TEXT) LIKE ? || '%' OR lower(coalesce(s.title, '')) LIKE '%' || ? || '%')"
        " ORDER BY d.due_at LIMIT ?",
        (guild_id, needle, needle, needle, limit),
    )
    return [_discussion(row) for row in rows]


async def next_due(db: Database, scope: ShardScope = EVERY_SHARD) -> datetime | None:
    """The earliest scheduled due time over this process's servers, through the partial indexes."""
    owned, params = scope.sql()
    value = await db.fetch_value(
        "SELECT min(due) FROM ("
        f" SELECT min(due_at) AS due FROM discussions WHERE state = 'scheduled' AND {owned}"
        " UNION ALL"
        f" SELECT min(due_at) FROM discussion_reminders WHERE state = 'scheduled' AND {owned}"
        " UNION ALL"
        f" SELECT min(due_at) FROM discussion_event_ends WHERE state = 'scheduled' AND {owned}"
        " UNION ALL"
        f" SELECT min(retry_at) FROM discussion_event_ends WHERE {_RETRY_DUE} AND {owned})",
        (*params, *params, *params, *params),
    )
    return None if value is None else from_epoch(value)


# An ending's discussion is not cancelled (a cancelled one's event is owed a deletion instead): what
# Dogear's own tries of a refused event and an admin's Try again both ask.
_NOT_CANCELLED = (
    "NOT EXISTS (SELECT 1 FROM discussions c"
    " WHERE c.id = discussion_event_ends.discussion_id AND c.state = 'cancelled')"
)
# A refused event's next try by Dogear itself (migration 0040): not dismissed, of a discussion not
# cancelled, in a server Dogear is still in. Read through discussion_event_ends_retry_due.
_RETRY_DUE = (
    f"state = 'failed' AND retry_at IS NOT NULL AND dismissed_at IS NULL AND {_NOT_CANCELLED}"
    " AND NOT EXISTS (SELECT 1 FROM guilds g WHERE g.guild_id = discussion_event_ends.guild_id"
    " AND g.left_at IS NOT NULL)"
)


async def claim_due(
    db: Database, now: datetime, *, scope: ShardScope = EVERY_SHARD, limit: int = 1000
) -> list[DueItem]:
    """Claim everything due (oldest first, reminders before discussions on a tie) in one transaction.

    Each claimed row goes to 'posting' and gets its nonce before anything is sent, so a
    crash from here on leaves it visibly unfinished, never silently re-sendable. A refused event
    whose next try is due (``retry_at``) is claimed as an ending, its try counted.
    """
    stamp = to_epoch(now)
    owned, params = scope.sql()
    claimed: list[DueItem] = []
    async with db.transaction() as tx:
        cursor = await tx.execute(
            "SELECT * FROM ("
            " SELECT 'reminder' AS kind, id, guild_id, due_at FROM discussion_reminders"
            f"  WHERE state = 'scheduled' AND due_at <= ? AND {owned}"
            " UNION ALL"
            " SELECT 'event_end', id, guild_id, due_at FROM discussion_event_ends"
            f"  WHERE state = 'scheduled' AND due_at <= ? AND {owned}"
            " UNION ALL"
            " SELECT 'event_end', id, guild_id, retry_at FROM discussion_event_ends"
            f"  WHERE {_RETRY_DUE} AND retry_at <= ? AND {owned}"
            " UNION ALL"
            " SELECT 'discussion', id, guild_id, due_at FROM discussions"
            f"  WHERE state = 'scheduled' AND due_at <= ? AND {owned})"
            " ORDER BY due_at, kind DESC, id LIMIT ?",
            (stamp, *params, stamp, *params, stamp, *params, stamp, *params, limit),
        )
        rows = await cursor.fetchall()
        await tx.executemany(
            "UPDATE discussion_event_ends SET state = 'posting', attempts = attempts + 1, updated_at = ?"
            " WHERE id = ? AND state = 'scheduled'",
            [(stamp, row["id"]) for row in rows if row["kind"] == "event_end"],
        )
        await tx.executemany(
            f"UPDATE discussion_event_ends SET {_TRY_AGAIN}, retry_by = NULL WHERE id = ? AND {_RETRY_DUE}",
            [(stamp, row["id"]) for row in rows if row["kind"] == "event_end"],
        )
        for table, kind in (("discussions", "discussion"), ("discussion_reminders", "reminder")):
            # Nonces: unique per item, at most 25 characters (Discord's limit), kept across retries.
            await tx.executemany(
                f"UPDATE {table} SET state = 'posting', nonce = coalesce(nonce, '{kind[0]}' || lower(hex(randomblob(8)))),"
                " attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'scheduled'",
                [(stamp, row["id"]) for row in rows if row["kind"] == kind],
            )
        claimed = [DueItem(row["kind"], row["id"], row["guild_id"], from_epoch(row["due_at"])) for row in rows]
    return claimed


async def unfinished(db: Database, scope: ShardScope = EVERY_SHARD) -> list[DueItem]:
    """Items of this process's servers left in 'posting' by an earlier process (crash or shutdown mid-post),
    and reminders posted with DM copies still owed."""
    owned, params = scope.sql()
    rows = await db.fetch_all(
        f"SELECT 'reminder' AS kind, id, guild_id, due_at FROM discussion_reminders WHERE state = 'posting' AND {owned}"
        " UNION ALL"
        f" SELECT 'reminder', id, guild_id, due_at FROM discussion_reminders WHERE copies_pending = 1 AND {owned}"
        " UNION ALL"
        f" SELECT 'event_end', id, guild_id, due_at FROM discussion_event_ends WHERE state = 'posting' AND {owned}"
        " UNION ALL"
        f" SELECT 'discussion', id, guild_id, due_at FROM discussions WHERE state = 'posting' AND {owned}"
        " ORDER BY due_at",
        (*params, *params, *params, *params),
    )
    return [DueItem(row["kind"], row["id"], row["guild_id"], from_epoch(row["due_at"])) for row in rows]


async def record_discussion_message(
    db: Database,
    guild_id: int,
    discussion_id: int,
    *,
    channel_id: int,
    message_id: int,
    thread_id: int | None,
    now: datetime,
) -> bool:
    """The post exists: remember where, before opening its thread (still 'posting'). False when the
    discussion is no longer being posted: removed with its story, or cancelled by ``/story update``
    taking its chapter out, while the message was on its way."""
    async with db.transaction() as tx:
        cursor = await tx.execute(
            "UPDATE discussions SET posted_channel_id = ?, message_id = ?, thread_id = coalesce(?, thread_id),"
            " updated_at = ? WHERE id = ? AND guild_id = ? AND state = 'posting'",
            (channel_id, message_id, thread_id, to_epoch(now), discussion_id, guild_id),
        )
        return cursor.rowcount == 1


async def mark_discussion_posted(
    db: Database, guild_id: int, discussion_id: int, *, thread_id: int | None, now: datetime
) -> None:
    """Settled: any reminder still pending for it is pointless now and is marked missed."""
    async with db.transaction() as tx:
        await tx.execute(
            "UPDATE discussions SET state = 'posted', thread_id = coalesce(?, thread_id), posted_at = ?,"
            " failure = NULL, updated_at = ? WHERE id = ? AND guild_id = ? AND state = 'posting'",
            (thread_id, to_epoch(now), to_epoch(now), discussion_id, guild_id),
        )
        await _settle_reminders(tx, guild_id, discussion_id, "missed", now)


async def mark_discussion(
    db: Database,
    guild_id: int,
    discussion_id: int,
    state: State,
    *,
    reason: str | None,
    now: datetime,
    event_length: timedelta | None = None,
    notice: NewNotice | None = None,
) -> int | None:
    """Settle as 'failed' or 'missed' with the reason shown in /discussion list.

    With ``notice``, the channel is owed it from this same write (:func:`owe_notice`), so a process
    killed before it is posted leaves it to the timer; only when this write settled the item. Returns
    the owed notice's id (None: nothing owed).

    With ``event_length``, its scheduled event (if any) gets an ending due at the event's end time
    (its due time plus ``event_length``, or now if that is past), stored in the same write: unless
    the discussion is moved by then, the timer cancels the event, which would otherwise stay
    "Scheduled" in Discord for good and count towards its 100 events per server. A discussion that
    posted and then failed keeps the ending its post stored."""
    async with db.transaction() as tx:
        cursor = await tx.execute(
            "UPDATE discussions SET state = ?, failure = ?, updated_at = ?"
            " WHERE id = ? AND guild_id = ? AND state IN ('scheduled', 'posting')",
            (state, reason, to_epoch(now), discussion_id, guild_id),
        )
        owed = None
        if notice is not None and cursor.rowcount == 1:
            owed = await owe_notice(tx, guild_id, discussion_id, notice, now=now)
        await _settle_reminders(tx, guild_id, discussion_id, "missed", now)
        if event_length is not None:
            await tx.execute(
                "INSERT INTO discussion_event_ends (guild_id, discussion_id, event_id, due_at, updated_at)"
                " SELECT guild_id, id, event_id, max(due_at + ?, ?), ? FROM discussions"
                " WHERE id = ? AND guild_id = ? AND event_id IS NOT NULL AND state IN ('failed', 'missed')"
                " ON CONFLICT (discussion_id) DO NOTHING",
                (event_length.total_seconds(), to_epoch(now), to_epoch(now), discussion_id, guild_id),
            )
    return owed


async def _settle_reminders(
    tx: aiosqlite.Connection, guild_id: int, discussion_id: int, state: State, now: datetime
) -> None:
    await tx.execute(
        "UPDATE discussion_reminders SET state = ?, updated_at = ?"
        " WHERE discussion_id = ? AND guild_id = ? AND state IN ('scheduled', 'posting')",
        (state, to_epoch(now), discussion_id, guild_id),
    )


async def cancel_discussion(
    db: Database, guild_id: int, discussion_id: int, *, now: datetime, retry_after: timedelta = timedelta(minutes=1)
) -> Discussion | None:
    """Cancel a scheduled, failed or missed item and its reminders; None if there is no such item.

    An item already 'posting' or 'posted' is returned unchanged for the caller to explain. A
    cancelled item's Discord event is owed its deletion in the same write (``retry_after`` later
    the timer tries it, unless the caller's own try settled it first).
    """
    async with db.transaction() as tx:
        cursor = await tx.execute(
            "UPDATE discussions SET state = 'cancelled', updated_at = ?"
            " WHERE id = ? AND guild_id = ? AND state IN ('scheduled', 'failed', 'missed') RETURNING event_id",
            (to_epoch(now), discussion_id, guild_id),
        )
        changed = await cursor.fetchall()
        await _settle_reminders(tx, guild_id, discussion_id, "cancelled", now)
        events = [row[0] for row in changed if row[0] is not None]
        await owe_event_deletions(tx, guild_id, events, now=now, retry_at=now + retry_after)
    return await get_discussion(db, guild_id, discussion_id)


async def move_discussion(
    db: Database, guild_id: int, discussion_id: int, due_at: datetime, *, now: datetime
) -> Discussion | None:
    """Reschedule a scheduled, failed or missed item; its reminders are re-created for the new time.

    Returns the row afterwards (unchanged if it was posting, posted or cancelled), None if absent.
    Raises :class:`AlreadyScheduled` when another pending discussion is the moved one at its new time, or,
    for a failed or missed one (which the move makes pending again), when its chapter has one pending.
    """
    async with db.transaction() as tx:
        cursor = await tx.execute(
            "SELECT story_id, chapter, channel_id, channel_explicit, remind_offsets, created_by, state FROM discussions"
            " WHERE id = ? AND guild_id = ? AND state IN ('scheduled', 'failed', 'missed')",
            (discussion_id, guild_id),
        )
        row = await cursor.fetchone()
        if row is not None:
            told = await _reminded(tx, guild_id, discussion_id)
            moved = NewDiscussion(
                row["story_id"], row["chapter"], due_at, row["channel_id"], bool(row["channel_explicit"]),
                _offsets(row["remind_offsets"]), row["created_by"],
            )  # fmt: skip
            pending = row["state"] == "scheduled"
            twin = await _pending_twin(tx, guild_id, moved, other_than=discussion_id, same_time_only=pending)
            if twin is not None:
                raise twin
            await tx.execute(
                "UPDATE discussions SET state = 'scheduled', due_at = ?, failure = NULL, nonce = NULL, attempts = 0,"
                " posted_channel_id = NULL, message_id = NULL, thread_id = NULL, updated_at = ?"
                " WHERE id = ? AND guild_id = ?",
                (to_epoch(due_at), to_epoch(now), discussion_id, guild_id),
            )
            await tx.execute(
                "DELETE FROM discussion_reminders WHERE discussion_id = ? AND guild_id = ?", (discussion_id, guild_id)
            )
            # A missed or failed one's event is not cancelled now (the move keeps it, if it is still
            # there), and the post at the new time stores its own ending.
            await tx.execute(
                "DELETE FROM discussion_event_ends WHERE discussion_id = ? AND guild_id = ?", (discussion_id, guild_id)
            )
            await _insert_reminders(tx, guild_id, discussion_id, due_at, moved.remind, now)
            if told and due_at > now:
                # Members were reminded of the old time: they hear of the new one now, not only
                # from the reminders still ahead (moved to within the hour, none is).
                await tx.execute(
                    "INSERT INTO discussion_reminders (guild_id, discussion_id, offset_seconds, due_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (
                        guild_id,
                        discussion_id,
                        max(1, int((due_at - now).total_seconds())),
                        to_epoch(now),
                        to_epoch(now),
                    ),
                )
    return await get_discussion(db, guild_id, discussion_id)


async def _reminded(tx: aiosqlite.Connection, guild_id: int, discussion_id: int) -> bool:
    """Whether a reminder of the discussion was posted (it named the time a move changes)."""
    cursor = await tx.execute(
        "SELECT 1 FROM discussion_reminders WHERE discussion_id = ? AND guild_id = ? AND state = 'posted' LIMIT 1",
        (discussion_id, guild_id),
    )
    return await cursor.fetchone() is not None


async def set_event(db: Database, guild_id: int, discussion_id: int, event_id: int | None, *, now: datetime) -> bool:
    """The discussion names this event (None: none); False when the discussion is gone (its story removed)."""
    async with db.transaction() as tx:
        cursor = await tx.execute(
            "UPDATE discussions SET event_id = ?, updated_at = ? WHERE id = ? AND guild_id = ?",
            (event_id, to_epoch(now), discussion_id, guild_id),
        )
        return cursor.rowcount == 1


async def forget_cancelled_event(
    db: Database, guild_id: int, discussion_id: int, event_id: int, *, now: datetime
) -> None:
    """A failed or missed discussion's event was cancelled: it names no event any more (a cancelled
    one cannot be moved), unless it was given another meanwhile."""
    await db.execute(
        "UPDATE discussions SET event_id = NULL, updated_at = ? WHERE id = ? AND guild_id = ? AND event_id = ?",
        (to_epoch(now), discussion_id, guild_id, event_id),
    )


async def pending_event_ids(conn: aiosqlite.Connection, guild_id: int, story_id: int) -> list[int]:
    """Scheduled events of this story's discussions that have not happened yet or are live now, or
    that Discord refused to start, end or cancel (not dismissed by an admin): with the story goes the
    refusal Dogear would list and try again, so the event would sit in the Events list for good.

    Read inside the transaction that removes the story (the rows cascade away with it), so the
    caller can delete the events from Discord afterwards.
    """
    cursor = await conn.execute(
        "SELECT d.event_id FROM discussions d WHERE d.guild_id = ? AND d.story_id = ? AND d.event_id IS NOT NULL"
        " AND (d.state IN ('scheduled', 'posting', 'failed', 'missed') OR EXISTS ("
        "  SELECT 1 FROM discussion_event_ends e WHERE e.discussion_id = d.id AND e.guild_id = d.guild_id"
        "  AND (e.state IN ('scheduled', 'posting') OR (e.state = 'failed' AND e.dismissed_at IS NULL))))",
        (guild_id, story_id),
    )
    return [row[0] for row in await cursor.fetchall()]


@dataclass(frozen=True, slots=True)
class Seat:
    """A member's place in a posted discussion's thread (added, or still owed)."""

    discussion_id: int
    thread_id: int
    user_id: int


# A discussion of a chapter the story no longer has is open to those who read its last chapter.
_REACH = "min(d.chapter, s.chapter_count)"
_POSTED = (
    "FROM discussions d JOIN stories s ON s.id = d.story_id AND s.guild_id = d.guild_id"
    " WHERE d.state = 'posted' AND d.thread_id IS NOT NULL"
)


async def threads_reached(
    db: Database, guild_id: int, user_id: int, story_id: int, *, after: int, upto: int
) -> list[Seat]:
    """Threads of this story's posted discussions whose chapter a reader going from ``after`` to
    ``upto`` has newly reached (``after`` < chapter <= ``upto``), in chapter order."""
    rows = await db.fetch_all(
        f"SELECT d.id, d.thread_id {_POSTED} AND d.guild_id = ? AND d.story_id = ?"
        f" AND {_REACH} > ? AND {_REACH} <= ? ORDER BY d.chapter, d.id",
        (guild_id, story_id, after, upto),
    )
    return [Seat(row[0], row[1], user_id) for row in rows]


# The reason an add owed ahead (:func:`owe_threads_reached`) shows until it is tried.
NOT_TRIED = "not tried yet: Dogear stopped before adding"


async def owe_joins(
    db: Database, guild_id: int, seats: Sequence[Seat], failure: str, *, retry_at: datetime | None
) -> None:
    """Remember adds that failed; one already owed counts another attempt, one of a discussion removed
    meanwhile none. The reason is read only in the database (no answer shows it), cut as every Dogear
    text is: between graphemes."""
    if not seats:
        return
    retry = _epoch_or_none(retry_at)
    reason = clip(failure, 500)
    async with db.transaction() as tx:
        await tx.executemany(
            "INSERT INTO discussion_joins_owed (guild_id, discussion_id, user_id, retry_at, failure)"
            f" SELECT ?, ?, ?, ?, ? {_STILL_THERE} ON CONFLICT (discussion_id, user_id) DO UPDATE SET"
            " attempts = attempts + 1, retry_at = excluded.retry_at, failure = excluded.failure",
            [
                (guild_id, seat.discussion_id, seat.user_id, retry, reason, seat.discussion_id, guild_id)
                for seat in seats
            ],
        )


async def owe_threads_reached(
    tx: aiosqlite.Connection,
    guild_id: int,
    user_id: int,
    story_id: int,
    *,
    after: int,
    upto: int,
    retry_at: datetime,
) -> None:
    """The adds a member's step from ``after`` to ``upto`` earns (:func:`threads_reached`), owed
    inside the step's own transaction, before they are tried: a process killed or stopped between
    the step and its adds leaves them for the timer, not lost (no attempt counted; one already
    owed stays as it is)."""
    await tx.execute(
        "INSERT INTO discussion_joins_owed (guild_id, discussion_id, user_id, attempts, retry_at, failure)"
        f" SELECT d.guild_id, d.id, ?, 0, ?, ? {_POSTED} AND d.guild_id = ? AND d.story_id = ?"
        f" AND {_REACH} > ? AND {_REACH} <= ? ON CONFLICT (discussion_id, user_id) DO NOTHING",
        (user_id, to_epoch(retry_at), NOT_TRIED, guild_id, story_id, after, upto),
    )


async def postpone_joins(db: Database, guild_id: int, seats: Sequence[Seat], *, retry_at: datetime) -> None:
    """Owed adds not tried (Discord could not be reached) wait with the one that was, no attempt counted."""
    async with db.transaction() as tx:
        await tx.executemany(
            "UPDATE discussion_joins_owed SET retry_at = ? WHERE guild_id = ? AND discussion_id = ? AND user_id = ?",
            [(to_epoch(retry_at), guild_id, seat.discussion_id, seat.user_id) for seat in seats],
        )


async def settle_joins(db: Database, guild_id: int, seats: Sequence[Seat]) -> None:
    """The member is in (or left the server): nothing owed."""
    if not seats:
        return
    async with db.transaction() as tx:
        await tx.executemany(
            "DELETE FROM discussion_joins_owed WHERE guild_id = ? AND discussion_id = ? AND user_id = ?",
            [(guild_id, seat.discussion_id, seat.user_id) for seat in seats],
        )


async def joins_owed_to(db: Database, guild_id: int, user_id: int, story_id: int, *, limit: int) -> list[Seat]:
    """The member's owed adds to this story's posted threads, oldest discussion first."""
    rows = await db.fetch_all(
        f"SELECT d.id, d.thread_id {_POSTED} AND d.guild_id = ? AND d.story_id = ? AND d.id IN"
        " (SELECT o.discussion_id FROM discussion_joins_owed o WHERE o.guild_id = ? AND o.user_id = ?)"
        " ORDER BY d.chapter, d.id LIMIT ?",
        (guild_id, story_id, guild_id, user_id, limit),
    )
    return [Seat(row[0], row[1], user_id) for row in rows]


# Owed adds the timer may try: of a posted discussion with its thread (always so: a posted one is
# never moved, and a row goes with its discussion), so a due row is never one the timer cannot settle.
_OWED_DUE = (
    "FROM discussion_joins_owed o JOIN discussions d ON d.id = o.discussion_id AND d.guild_id = o.guild_id"
    " WHERE o.retry_at IS NOT NULL AND d.state = 'posted' AND d.thread_id IS NOT NULL"
)


async def next_join_retry(db: Database, scope: ShardScope = EVERY_SHARD) -> datetime | None:
    """When the timer next tries an owed add (of this process's servers), if any."""
    condition, params = scope.sql("o.guild_id")
    row = await db.fetch_one(f"SELECT min(o.retry_at) {_OWED_DUE} AND {condition}", params)
    return None if row is None or row[0] is None else from_epoch(row[0])


async def joins_due(
    db: Database, now: datetime, *, limit: int, scope: ShardScope = EVERY_SHARD
) -> list[tuple[int, Seat, int]]:
    """Owed adds the timer tries now, as (server, seat, attempts so far), earliest first."""
    condition, params = scope.sql("o.guild_id")
    rows = await db.fetch_all(
        f"SELECT o.guild_id, o.discussion_id, d.thread_id, o.user_id, o.attempts {_OWED_DUE}"
        f" AND o.retry_at <= ? AND {condition} ORDER BY o.retry_at LIMIT ?",
        (to_epoch(now), *params, limit),
    )
    return [(row[0], Seat(row[1], row[2], row[3]), row[4]) for row in rows]


async def get_reminder(db: Database, guild_id: int, reminder_id: int) -> Reminder | None:
    row = await db.fetch_one(
        "SELECT * FROM discussion_reminders WHERE id = ? AND guild_id = ?", (reminder_id, guild_id)
    )
    return None if row is None else _reminder(row)


async def mark_reminder(
    db: Database,
    guild_id: int,
    reminder_id: int,
    state: State,
    *,
    now: datetime,
    channel_id: int | None = None,
    message_id: int | None = None,
    reason: str | None = None,
    copies_owed: bool = False,
) -> bool:
    """Settle a reminder; ``copies_owed``: posted with DM copies to send, which a start finishes if
    this process does not (:func:`unfinished`). False when it was settled already (its discussion
    cancelled, or removed with its story, while it was being posted)."""
    async with db.transaction() as tx:
        cursor = await tx.execute(
            "UPDATE discussion_reminders SET state = ?, channel_id = coalesce(?, channel_id),"
            " message_id = coalesce(?, message_id), failure = ?, copies_pending = ?, updated_at = ?"
            " WHERE id = ? AND guild_id = ? AND state IN ('scheduled', 'posting')",
            (state, channel_id, message_id, reason, int(copies_owed), to_epoch(now), reminder_id, guild_id),
        )
        return cursor.rowcount == 1


async def dm_copies_taken(db: Database, guild_id: int, reminder_id: int) -> dict[int, bool]:
    """The members whose copy of the reminder was taken (sent, or being sent when a process died),
    each with whether their DMs refused it."""
    rows = await db.fetch_all(
        "SELECT user_id, refused FROM reminder_dm_copies WHERE reminder_id = ? AND guild_id = ?",
        (reminder_id, guild_id),
    )
    return {row[0]: bool(row[1]) for row in rows}


async def take_dm_copy(db: Database, guild_id: int, reminder_id: int, user_id: int, *, now: datetime) -> bool:
    """Record a member's copy just before it is sent: at most once per member (a kill after this
    write loses that one copy, never sends it twice). False when it was taken already, or its
    discussion is no longer ahead (cancelled, or removed with its story, while the copies were being
    sent: none is sent after, reminding a member of a discussion that will not happen)."""
    async with db.transaction() as tx:
        cursor = await tx.execute(
            "INSERT INTO reminder_dm_copies (reminder_id, guild_id, user_id, sent_at)"
            " SELECT r.id, r.guild_id, ?, ? FROM discussion_reminders r"
            " JOIN discussions d ON d.id = r.discussion_id AND d.guild_id = r.guild_id"
            " WHERE r.id = ? AND r.guild_id = ? AND d.state = 'scheduled'"
            " ON CONFLICT (reminder_id, user_id) DO NOTHING",
            (user_id, to_epoch(now), reminder_id, guild_id),
        )
        return cursor.rowcount == 1


async def dm_copy_refused(db: Database, guild_id: int, reminder_id: int, user_id: int) -> None:
    """The member's DMs refused their copy: they are told once the copies are done."""
    await db.execute(
        "UPDATE reminder_dm_copies SET refused = 1 WHERE reminder_id = ? AND guild_id = ? AND user_id = ?",
        (reminder_id, guild_id, user_id),
    )


async def dm_copy_owed_again(db: Database, guild_id: int, reminder_id: int, user_id: int) -> None:
    """Discord failed on its side (a 5xx, a 429 after discord.py's own retries) while the member's copy
    was being sent: the copy is owed again, and a later try within the reminder's grace sends it."""
    await db.execute(
        "DELETE FROM reminder_dm_copies WHERE reminder_id = ? AND guild_id = ? AND user_id = ? AND refused = 0",
        (reminder_id, guild_id, user_id),
    )


async def end_dm_copies(tx: aiosqlite.Connection, guild_id: int, reminder_id: int) -> None:
    """No copy of the reminder is owed any more (all taken, or past its grace), inside the caller's
    write: the per-member records go with it."""
    await tx.execute(
        "UPDATE discussion_reminders SET copies_pending = 0 WHERE id = ? AND guild_id = ?", (reminder_id, guild_id)
    )
    await tx.execute("DELETE FROM reminder_dm_copies WHERE reminder_id = ? AND guild_id = ?", (reminder_id, guild_id))


@dataclass(frozen=True, slots=True)
class Upcoming:
    """A discussion still ahead, with how far one member has read its story."""

    discussion_id: int
    story_id: int
    story_title: str
    chapter: int
    due_at: datetime
    progress: int  # the member's last chapter read in that story; 0 if not started
    story_chapters: int  # the story's chapter count now: a discussion past it is of a chapter taken down


async def upcoming_for_member(
    db: Database, guild_id: int, user_id: int, *, now: datetime, story_id: int | None = None, limit: int = 25
) -> list[Upcoming]:
    """Discussions still ahead in this server (soonest first), each with ``user_id``'s progress."""
    rows = await db.fetch_all(
        "SELECT d.id, d.story_id, s.title, d.chapter, d.due_at, coalesce(p.chapter, 0) AS progress, s.chapter_count"
        " FROM discussions d JOIN stories s ON s.id = d.story_id AND s.guild_id = d.guild_id"
        " LEFT JOIN reading_progress p ON p.guild_id = d.guild_id AND p.story_id = d.story_id AND p.user_id = ?"
        " WHERE d.guild_id = ? AND (? IS NULL OR d.story_id = ?)"
        " AND (d.state = 'posting' OR (d.state = 'scheduled' AND d.due_at >= ?))"
        " ORDER BY d.due_at, d.id LIMIT ?",
        (user_id, guild_id, story_id, story_id, to_epoch(now), limit),
    )
    return [
        Upcoming(row[0], row[1], _title(row[2]) or UNTITLED, row[3], from_epoch(row[4]), row[5], row[6]) for row in rows
    ]


NOW_A_NOTE = "Cancelled by `/story update`: its chapter is now one of the story's notes, not a chapter."
TAKEN_OUT = "Cancelled by `/story update`: its chapter was taken out of the story, and the next one holds its number."


async def renumber_discussions(
    tx: aiosqlite.Connection, guild_id: int, story_id: int, moves: Mapping[int, int | None], now: float,
    reasons: Mapping[int, str],
) -> list[tuple[int, int]]:  # fmt: skip
    """``/story update`` renumbered the chapters (bot.story.changes): discussions move with their
    chapters, inside the caller's transaction. Pending ones of a chapter gone (None: now a note, or
    taken out before a chapter that now holds its number) are cancelled with their reminders, each
    with its chapter's reason, and returned as (id, old chapter), soonest first; one being posted
    too (left on its number, it let in the readers of the chapter holding it now: the post stops at
    its next step, ``DiscussionService._taken_away``); those posted or cancelled before keep the
    number they had."""
    gone = sorted(old for old, new in moves.items() if new is None)
    cancelled: list[tuple[int, int]] = []
    if gone:
        marks = ", ".join("?" for _ in gone)
        cursor = await tx.execute(
            f"SELECT id, chapter, event_id FROM discussions WHERE guild_id = ? AND story_id = ? AND chapter IN ({marks})"
            " AND state IN ('scheduled', 'posting', 'failed', 'missed') ORDER BY due_at, id",
            (guild_id, story_id, *gone),
        )
        found = await cursor.fetchall()
        cancelled = [(row[0], row[1]) for row in found]
        # Their Discord events go too (they stayed in members' Events list): owed here, deleted by
        # the timer (the caller wakes it), across a kill as well.
        moment = datetime.fromtimestamp(now, UTC)
        events = [row[2] for row in found if row[2] is not None]
        await owe_event_deletions(tx, guild_id, events, now=moment, retry_at=moment)
    for discussion_id, chapter in cancelled:
        await tx.execute(
            "UPDATE discussions SET state = 'cancelled', failure = ?, updated_at = ? WHERE id = ? AND guild_id = ?",
            (reasons.get(chapter, TAKEN_OUT), now, discussion_id, guild_id),
        )
        await _settle_reminders(tx, guild_id, discussion_id, "cancelled", datetime.fromtimestamp(now, UTC))
    moved = {old: new for old, new in moves.items() if new is not None}
    await move_chapter_rows(tx, "discussions", guild_id, story_id, moved)
    return cancelled


async def pending_past(conn: aiosqlite.Connection, guild_id: int, story_id: int, last_chapter: int) -> list[int]:
    """Ids of the story's pending discussions of a chapter past ``last_chapter`` (the story lost
    chapters in an update), soonest first: they still post, and the admin is told which they are."""
    cursor = await conn.execute(
        "SELECT id FROM discussions WHERE guild_id = ? AND story_id = ? AND chapter > ?"
        " AND state IN ('scheduled', 'posting') ORDER BY due_at, id",
        (guild_id, story_id, last_chapter),
    )
    return [row[0] for row in await cursor.fetchall()]


@dataclass(frozen=True, slots=True)
class EventEnd:
    """When a discussion's scheduled event (live since the post) is to be completed."""

    id: int
    guild_id: int
    discussion_id: int
    event_id: int
    due_at: datetime
    state: str
    # What Discord refused, while a try of it runs ('posting') or after ('failed'); None for an ending
    # never refused. With ``retries`` (tries since the refusal) and ``retry_by`` (the admin whose Try
    # again made the try running; None: Dogear by itself), migration 0040.
    refused: Literal["start", "end", "cancel"] | None = None
    retries: int = 0
    retry_by: int | None = None
    failure: str | None = None  # the last refusal's reason
    forbidden: bool = False  # the missing Create Events permission was why

    @property
    def retrying(self) -> bool:
        """A try of a refused event is running (claimed, not settled)."""
        return self.state == "posting" and self.refused is not None


# A refusal taken again: 'posting', its try counted (set with the claim's time), its next try unset.
_TRY_AGAIN = "state = 'posting', retries = retries + 1, retried_at = ?, retry_at = NULL"


# What a row naming a discussion is inserted from: the discussion itself, so one removed meanwhile
# (``/story remove`` under a post, an event's start, a DM copy or an add in flight: its rows cascade
# with the story) gets no row, where its foreign key made SQLite refuse the write. Binds
# (discussion_id, guild_id) after the inserted values.
_STILL_THERE = "FROM discussions WHERE id = ? AND guild_id = ?"


async def schedule_event_end(
    db: Database, guild_id: int, discussion_id: int, event_id: int, due_at: datetime, *, now: datetime
) -> None:
    """Store the ending once per discussion: a second call (a post resumed after a restart) keeps the
    first, and a discussion removed meanwhile (with its story) gets none (:data:`_STILL_THERE`)."""
    await db.execute(
        "INSERT INTO discussion_event_ends (guild_id, discussion_id, event_id, due_at, updated_at)"
        f" SELECT ?, ?, ?, ?, ? {_STILL_THERE} ON CONFLICT (discussion_id) DO NOTHING",
        (guild_id, discussion_id, event_id, to_epoch(due_at), to_epoch(now), discussion_id, guild_id),
    )


async def event_start_refused(
    db: Database,
    guild_id: int,
    discussion_id: int,
    event_id: int,
    *,
    reason: str,
    now: datetime,
    notice: NewNotice | None,
    forbidden: bool = False,
    retry_at: datetime | None = None,
) -> int | None:
    """Discord refused to start the event as its discussion posted: its ending is stored 'failed' with
    the reason (nothing for the timer to end), and ``notice`` owed in this same write. Once per
    discussion: a post resumed after a restart, refused again, or a discussion removed meanwhile, inserts
    nothing and owes nothing.
    ``forbidden``: the refusal was the missing Create Events permission (``/discussion list`` then
    offers giving it, :func:`refused_events`); ``retry_at``: when Dogear tries it again by itself.
    Returns the owed notice's id (None: nothing owed)."""
    async with db.transaction() as tx:
        cursor = await tx.execute(
            "INSERT INTO discussion_event_ends"
            " (guild_id, discussion_id, event_id, due_at, state, failure, refused, forbidden, retry_at, updated_at)"
            f" SELECT ?, ?, ?, ?, 'failed', ?, 'start', ?, ?, ? {_STILL_THERE} ON CONFLICT (discussion_id) DO NOTHING",
            (
                guild_id,
                discussion_id,
                event_id,
                to_epoch(now),
                reason,
                int(forbidden),
                _epoch_or_none(retry_at),
                to_epoch(now),
                discussion_id,
                guild_id,
            ),
        )
        if notice is None or cursor.rowcount != 1:
            return None
        return await owe_notice(tx, guild_id, discussion_id, notice, now=now)


_EVENT_END_COLUMNS = (
    "id, guild_id, discussion_id, event_id, due_at, state, refused, retries, retry_by, failure, forbidden"
)


def _event_end(row: Row) -> EventEnd:
    return EventEnd(
        row[0], row[1], row[2], row[3], from_epoch(row[4]), row[5], row[6], row[7], row[8], row[9], bool(row[10])
    )


async def get_event_end(db: Database, guild_id: int, event_end_id: int) -> EventEnd | None:
    row = await db.fetch_one(
        f"SELECT {_EVENT_END_COLUMNS} FROM discussion_event_ends WHERE id = ? AND guild_id = ?",
        (event_end_id, guild_id),
    )
    return None if row is None else _event_end(row)


async def event_end_of(db: Database, guild_id: int, discussion_id: int) -> EventEnd | None:
    """The discussion's ending, as a Try again left it."""
    row = await db.fetch_one(
        f"SELECT {_EVENT_END_COLUMNS} FROM discussion_event_ends WHERE discussion_id = ? AND guild_id = ?",
        (discussion_id, guild_id),
    )
    return None if row is None else _event_end(row)


async def claim_refused_retry(
    db: Database, guild_id: int, discussion_id: int, *, by: int, now: datetime
) -> EventEnd | None:
    """An admin's Try again: the discussion's refused event, still listed (not dismissed, of a
    discussion not cancelled), is taken for one try in one conditional write, so a second press or the
    timer's own try finds it taken and does nothing. None when there is none to try (tried right now,
    settled, dismissed, moved or never refused)."""
    async with db.transaction() as tx:
        cursor = await tx.execute(
            f"UPDATE discussion_event_ends SET {_TRY_AGAIN}, retry_by = ?"
            " WHERE guild_id = ? AND discussion_id = ? AND state = 'failed' AND dismissed_at IS NULL"
            f" AND {_NOT_CANCELLED}"
            f" RETURNING {_EVENT_END_COLUMNS}",
            (to_epoch(now), by, guild_id, discussion_id),
        )
        row = await cursor.fetchone()
    return None if row is None else _event_end(row)


async def retry_refusals_soon(db: Database, guild_id: int, *, now: datetime, within: timedelta) -> int:
    """Dogear's role was given the permission whose lack was why: the server's refusals still listed
    (refused within ``within``, not dismissed) that it caused are tried at ``now`` by the timer,
    however many tries they had. How many."""
    async with db.transaction() as tx:
        cursor = await tx.execute(
            "UPDATE discussion_event_ends SET retry_at = ?"
            " WHERE guild_id = ? AND state = 'failed' AND forbidden = 1 AND dismissed_at IS NULL"
            " AND updated_at >= ? AND (retry_at IS NULL OR retry_at > ?)",
            (to_epoch(now), guild_id, to_epoch(now - within), to_epoch(now)),
        )
        return cursor.rowcount


async def event_started_again(
    db: Database,
    guild_id: int,
    event_end_id: int,
    due_at: datetime,
    *,
    now: datetime,
    notice: NewNotice | None = None,
) -> int | None:
    """A refused start tried again and live now: the ending is scheduled at the event's end time, as
    one never refused (the timer ends it then), and ``notice`` owed in the same write, only when it
    settled the try. Returns the owed notice's id."""
    async with db.transaction() as tx:
        cursor = await tx.execute(
            "UPDATE discussion_event_ends SET state = 'scheduled', due_at = ?, failure = NULL, refused = NULL,"
            " forbidden = 0, updated_at = ? WHERE id = ? AND guild_id = ? AND state = 'posting'"
            " RETURNING discussion_id",
            (to_epoch(due_at), to_epoch(now), event_end_id, guild_id),
        )
        row = await cursor.fetchone()
        if row is None or notice is None:
            return None
        return await owe_notice(tx, guild_id, row[0], notice, now=now)


async def mark_event_end(
    db: Database,
    guild_id: int,
    event_end_id: int,
    state: Literal["ended", "failed"],
    *,
    reason: str | None,
    now: datetime,
    notice: NewNotice | None = None,
    refused: Literal["start", "end", "cancel"] | None = None,
    forbidden: bool = False,
    retry_at: datetime | None = None,
) -> int | None:
    """Settle an ending; with ``notice`` (a refusal the moderation channel is told of), owed in this same
    write and only when it settled the row, so a second settling (a retry, a restart) owes nothing.
    A failed one keeps what was refused (``refused``: ending it, or cancelling the event of a discussion
    that never posted) and whether the missing Create Events permission was why (``forbidden``), as
    ``/discussion list`` shows it (:func:`refused_events`), and when Dogear tries it again by itself
    (``retry_at``; None: not by itself). A try of a refusal keeps the refusal's time, which the list
    counts its days from. Returns the owed notice's id (None: nothing owed)."""
    async with db.transaction() as tx:
        cursor = await tx.execute(
            "UPDATE discussion_event_ends SET state = ?, failure = ?, refused = ?, forbidden = ?, retry_at = ?,"
            " updated_at = CASE WHEN refused IS NULL THEN ? ELSE updated_at END"
            " WHERE id = ? AND guild_id = ? AND state IN ('scheduled', 'posting')",
            (
                state,
                reason,
                refused if state == "failed" else None,
                int(forbidden),
                _epoch_or_none(retry_at) if state == "failed" else None,
                to_epoch(now),
                event_end_id,
                guild_id,
            ),
        )
        if notice is None or cursor.rowcount != 1:
            return None
        row = await (
            await tx.execute(
                "SELECT discussion_id FROM discussion_event_ends WHERE id = ? AND guild_id = ?",
                (event_end_id, guild_id),
            )
        ).fetchone()
        assert row is not None
        return await owe_notice(tx, guild_id, row[0], notice, now=now)


# How long a refused event stays in /discussion list unless an admin dismisses it first.
REFUSALS_LISTED_FOR = timedelta(days=14)


@dataclass(frozen=True, slots=True)
class RefusedEvent:
    """A discussion's scheduled event Discord refused to start, end or cancel, still listed (migration 0039)."""

    discussion_id: int
    story_title: str | None  # None once the story is removed
    chapter: int
    refused: Literal["start", "end", "cancel"]
    refused_at: datetime
    reason: str
    forbidden: bool  # the missing Create Events permission was why
    retries: int = 0  # tries since the refusal (migration 0040)
    retried_at: datetime | None = None  # the last one
    next_try: datetime | None = None  # when Dogear tries again by itself; None: it will not


async def refused_events(
    db: Database, guild_id: int, *, now: datetime, within: timedelta = REFUSALS_LISTED_FOR, limit: int = 25
) -> list[RefusedEvent]:
    """The server's refused events that still matter, newest first: not dismissed by an admin
    (:func:`dismiss_refused_event`), refused within ``within``, and of a discussion not cancelled (its
    event is then owed a deletion). A discussion removed with its story, or moved (its ending goes),
    takes its refusal with it."""
    rows = await db.fetch_all(
        "SELECT e.discussion_id, s.title AS story_title, d.chapter, coalesce(e.refused, 'end') AS refused,"
        " e.updated_at, coalesce(e.failure, '') AS reason, e.forbidden, e.retries, e.retried_at, e.retry_at"
        " FROM discussion_event_ends e"
        " JOIN discussions d ON d.id = e.discussion_id AND d.guild_id = e.guild_id"
        " LEFT JOIN stories s ON s.id = d.story_id AND s.guild_id = d.guild_id"
        " WHERE e.guild_id = ? AND e.state = 'failed' AND e.dismissed_at IS NULL AND e.updated_at >= ?"
        " AND d.state != 'cancelled' ORDER BY e.updated_at DESC, e.id DESC LIMIT ?",
        (guild_id, to_epoch(now - within), limit),
    )
    return [
        RefusedEvent(
            row["discussion_id"],
            _title(row["story_title"]),
            row["chapter"],
            row["refused"],
            from_epoch(row["updated_at"]),
            row["reason"],
            bool(row["forbidden"]),
            row["retries"],
            None if row["retried_at"] is None else from_epoch(row["retried_at"]),
            None if row["retry_at"] is None else from_epoch(row["retry_at"]),
        )
        for row in rows
    ]


async def dismiss_refused_event(
    db: Database, guild_id: int, discussion_id: int, *, now: datetime, by: int | None = None
) -> bool:
    """An admin (``by``) dealt with the discussion's refused event: it leaves ``/discussion list`` and
    Dogear tries it no more. False when there was none to dismiss (dismissed already, moved, or never
    refused). The row stays, so the refusal is never stored or told again."""
    async with db.transaction() as tx:
        cursor = await tx.execute(
            "UPDATE discussion_event_ends SET dismissed_at = ?, dismissed_by = ?, retry_at = NULL"
            " WHERE guild_id = ? AND discussion_id = ? AND state = 'failed' AND dismissed_at IS NULL",
            (to_epoch(now), by, guild_id, discussion_id),
        )
        return cursor.rowcount == 1


@dataclass(frozen=True, slots=True)
class Dismissal:
    """A refused event an admin took off ``/discussion list`` (its Done button), and who."""

    discussion_id: int
    story_title: str | None
    chapter: int
    by: int | None  # None: dismissed before migration 0040 kept who
    at: datetime


async def recent_dismissals(
    db: Database, guild_id: int, *, now: datetime, within: timedelta, limit: int
) -> list[Dismissal]:
    """The server's refused events taken off the list within ``within``, newest first, at most ``limit``."""
    rows = await db.fetch_all(
        "SELECT e.discussion_id, s.title, d.chapter, e.dismissed_by, e.dismissed_at"
        " FROM discussion_event_ends e"
        " JOIN discussions d ON d.id = e.discussion_id AND d.guild_id = e.guild_id"
        " LEFT JOIN stories s ON s.id = d.story_id AND s.guild_id = d.guild_id"
        " WHERE e.guild_id = ? AND e.dismissed_at IS NOT NULL AND e.dismissed_at >= ?"
        " ORDER BY e.dismissed_at DESC, e.id DESC LIMIT ?",
        (guild_id, to_epoch(now - within), limit),
    )
    return [Dismissal(row[0], _title(row[1]), row[2], row[3], from_epoch(row[4])) for row in rows]


# -- notices owed to a channel after a state change (migration 0025) ---------------------------------

NoticeKind = Literal["missed", "closed_dms", "failed", "event"]


@dataclass(frozen=True, slots=True)
class NewNotice:
    """A plain-text notice a discussion's state change owes a channel (no embed, pings nobody)."""

    kind: NoticeKind
    channel_id: int
    content: str
    retry_at: datetime  # when the timer takes it if the first try, just after the write, never finished
    reply_to: int | None = None


@dataclass(frozen=True, slots=True)
class OwedNotice:
    id: int
    guild_id: int
    discussion_id: int
    kind: str
    channel_id: int
    content: str
    reply_to: int | None
    nonce: str
    attempts: int


async def owe_notice(
    tx: aiosqlite.Connection, guild_id: int, discussion_id: int, notice: NewNotice, *, now: datetime
) -> int | None:
    """Owe ``notice`` inside the caller's write (the state change it tells of); its id (None: the
    discussion was removed meanwhile, with its story, and nothing is owed about it).

    The nonce (at most 25 characters) is the row's for good, so every try sends the same one."""
    cursor = await tx.execute(
        "INSERT INTO discussion_notices_owed"
        " (guild_id, discussion_id, kind, channel_id, content, reply_to, nonce, retry_at, created_at)"
        f" SELECT ?, ?, ?, ?, ?, ?, 'n' || lower(hex(randomblob(8))), ?, ? {_STILL_THERE}",
        (
            guild_id,
            discussion_id,
            notice.kind,
            notice.channel_id,
            notice.content,
            notice.reply_to,
            to_epoch(notice.retry_at),
            to_epoch(now),
            discussion_id,
            guild_id,
        ),
    )
    return cursor.lastrowid if cursor.rowcount == 1 else None


_NOTICE_COLUMNS = "id, guild_id, discussion_id, kind, channel_id, content, reply_to, nonce, attempts"


def _owed_notice(row: Row) -> OwedNotice:
    return OwedNotice(*(row[index] for index in range(9)))


async def get_owed_notice(db: Database, guild_id: int, notice_id: int) -> OwedNotice | None:
    row = await db.fetch_one(
        f"SELECT {_NOTICE_COLUMNS} FROM discussion_notices_owed WHERE id = ? AND guild_id = ?", (notice_id, guild_id)
    )
    return None if row is None else _owed_notice(row)


async def next_notice_at(db: Database, scope: ShardScope = EVERY_SHARD) -> datetime | None:
    """When the timer next tries an owed notice (of this process's servers), if any."""
    condition, params = scope.sql()
    value = await db.fetch_value(f"SELECT min(retry_at) FROM discussion_notices_owed WHERE {condition}", params)
    return None if value is None else from_epoch(value)


async def notices_due(db: Database, now: datetime, *, limit: int, scope: ShardScope = EVERY_SHARD) -> list[OwedNotice]:
    """Owed notices the timer tries now, earliest first."""
    condition, params = scope.sql()
    rows = await db.fetch_all(
        f"SELECT {_NOTICE_COLUMNS} FROM discussion_notices_owed WHERE retry_at <= ? AND {condition}"
        " ORDER BY retry_at, id LIMIT ?",
        (to_epoch(now), *params, limit),
    )
    return [_owed_notice(row) for row in rows]


async def notice_settled(db: Database, guild_id: int, notice_id: int) -> None:
    """Posted, or refused for good: nothing owed any more."""
    await db.execute("DELETE FROM discussion_notices_owed WHERE id = ? AND guild_id = ?", (notice_id, guild_id))


async def notice_held(db: Database, guild_id: int, notice_id: int, *, attempts: int, retry_at: datetime) -> None:
    """A try of it is still running in this process: the timer looks again at ``retry_at``, no try
    counted (unless that try ended meanwhile and set its own next time)."""
    await db.execute(
        "UPDATE discussion_notices_owed SET retry_at = ? WHERE id = ? AND guild_id = ? AND attempts = ? AND retry_at < ?",
        (to_epoch(retry_at), notice_id, guild_id, attempts, to_epoch(retry_at)),
    )


async def notice_put_off(db: Database, guild_id: int, notice_id: int, *, retry_at: datetime) -> None:
    """Discord could not take it: one more try counted, and when the next is."""
    await db.execute(
        "UPDATE discussion_notices_owed SET attempts = attempts + 1, retry_at = ? WHERE id = ? AND guild_id = ?",
        (to_epoch(retry_at), notice_id, guild_id),
    )


# -- scheduled events owed a deletion (migration 0030) ---------------------------------------
@dataclass(frozen=True, slots=True)
class OwedDeletion:
    id: int
    guild_id: int
    event_id: int
    attempts: int


async def owe_event_deletions(
    tx: aiosqlite.Connection, guild_id: int, event_ids: Sequence[int], *, now: datetime, retry_at: datetime
) -> None:
    """Owe Discord's deletion of these events inside the caller's write (the removal or cancel it
    follows from), so a process stopped before Discord answers leaves the timer to finish it."""
    await tx.executemany(
        "INSERT INTO event_deletions_owed (guild_id, event_id, retry_at, created_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (guild_id, event_id) DO NOTHING",
        [(guild_id, event_id, to_epoch(retry_at), to_epoch(now)) for event_id in event_ids],
    )


async def next_event_deletion_at(db: Database, scope: ShardScope = EVERY_SHARD) -> datetime | None:
    """When the timer next tries an owed event deletion (of this process's servers), if any."""
    condition, params = scope.sql()
    value = await db.fetch_value(f"SELECT min(retry_at) FROM event_deletions_owed WHERE {condition}", params)
    return None if value is None else from_epoch(value)


async def event_deletions_due(
    db: Database, now: datetime, *, limit: int, scope: ShardScope = EVERY_SHARD
) -> list[OwedDeletion]:
    condition, params = scope.sql()
    rows = await db.fetch_all(
        f"SELECT id, guild_id, event_id, attempts FROM event_deletions_owed WHERE retry_at <= ? AND {condition}"
        " ORDER BY retry_at, id LIMIT ?",
        (to_epoch(now), *params, limit),
    )
    return [OwedDeletion(row["id"], row["guild_id"], row["event_id"], row["attempts"]) for row in rows]


async def owed_event_deletion(db: Database, guild_id: int, event_id: int) -> OwedDeletion | None:
    row = await db.fetch_one(
        "SELECT id, guild_id, event_id, attempts FROM event_deletions_owed WHERE guild_id = ? AND event_id = ?",
        (guild_id, event_id),
    )
    return None if row is None else OwedDeletion(row["id"], row["guild_id"], row["event_id"], row["attempts"])


async def event_deletion_settled(db: Database, guild_id: int, deletion_id: int) -> None:
    """Deleted (or gone already), or refused for good: nothing owed any more."""
    await db.execute("DELETE FROM event_deletions_owed WHERE id = ? AND guild_id = ?", (deletion_id, guild_id))


async def event_deletion_put_off(db: Database, guild_id: int, deletion_id: int, *, retry_at: datetime) -> None:
    await db.execute(
        "UPDATE event_deletions_owed SET attempts = attempts + 1, retry_at = ? WHERE id = ? AND guild_id = ?",
        (to_epoch(retry_at), deletion_id, guild_id),
    )


@dataclass(frozen=True, slots=True)
class EventCreation:
    """A scheduled event about to be created (migration 0031): what finds it among the server's events."""

    id: int
    guild_id: int
    title: str
    chapter: int
    start_at: datetime


async def intend_event_creation(
    db: Database, guild_id: int, *, title: str, chapter: int, start_at: datetime, now: datetime
) -> int:
    """Record, before Discord is asked, the event about to be created; the row's id."""
    return await db.execute(
        "INSERT INTO event_creations (guild_id, title, chapter, start_at, created_at) VALUES (?, ?, ?, ?, ?)",
        (guild_id, title, chapter, to_epoch(start_at), to_epoch(now)),
    )


async def event_creation_settled(db: Database, guild_id: int, creation_id: int) -> None:
    """The discussion holds the event, or none was created: nothing left to look for."""
    await db.execute("DELETE FROM event_creations WHERE id = ? AND guild_id = ?", (creation_id, guild_id))


async def event_creations_left(
    db: Database, *, before: datetime, limit: int, scope: ShardScope = EVERY_SHARD
) -> list[EventCreation]:
    """The creations an earlier process started and never settled (recorded before ``before``)."""
    condition, params = scope.sql()
    rows = await db.fetch_all(
        f"SELECT id, guild_id, title, chapter, start_at FROM event_creations WHERE created_at < ? AND {condition}"
        " ORDER BY id LIMIT ?",
        (to_epoch(before), *params, limit),
    )
    return [
        EventCreation(row["id"], row["guild_id"], row["title"], row["chapter"], from_epoch(row["start_at"]))
        for row in rows
    ]


async def settle_left_creation(
    db: Database, creation: EventCreation, found: Sequence[int], *, now: datetime
) -> list[int]:
    """In one write: the events ``found`` for a creation left unsettled that no discussion holds are
    owed their deletion (due now), and the creation is settled. The orphans' ids."""
    async with db.transaction() as tx:
        orphans = await owe_unheld_event_deletions(tx, creation.guild_id, found, now=now)
        await tx.execute("DELETE FROM event_creations WHERE id = ? AND guild_id = ?", (creation.id, creation.guild_id))
    return orphans


async def owe_unheld_event_deletions(
    tx: aiosqlite.Connection, guild_id: int, event_ids: Sequence[int], *, now: datetime
) -> list[int]:
    """Of ``event_ids``, those no discussion holds are owed their deletion (due now) inside the
    caller's write; their ids."""
    orphans = []
    for event_id in event_ids:
        async with tx.execute(
            "SELECT 1 FROM discussions WHERE guild_id = ? AND event_id = ?", (guild_id, event_id)
        ) as cursor:
            if await cursor.fetchone() is None:
                orphans.append(event_id)
    await owe_event_deletions(tx, guild_id, orphans, now=now, retry_at=now)
    return orphans
