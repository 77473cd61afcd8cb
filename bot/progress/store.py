"""Reading progress: where each member is in each story, per server.

Progress moves forward when a member reads (``mark_read``: buttons, private reading) and may
be set explicitly, also backwards, with ``set_progress`` when a member corrects it. Every
query is scoped by ``guild_id``; a story id from another server is treated as unknown.
Hidden members are counted in every club view and never named. Stored titles are read through
``story_title``, as every read of a story does: a row stored before imports tidied titles may hold
thousands of characters or a bidi override that turns the rest of an answer's line around.
"""

from __future__ import annotations

import time
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

import aiosqlite

from bot.db import Database, move_chapter_rows
from bot.errors import UserError
from bot.guilds import ensure_guild
from bot.story.chapters import check_chapter
from bot.story.tidy import story_title

NAMES_UP_TO = 50  # clubs up to this many named members get display names (for the chart)


class UnknownStory(UserError):
    """The story id does not name a story in this server (removed, or another server's)."""

    def __init__(self) -> None:
        super().__init__(
            "That story is not in this server's library (it may have been removed). Pick one from the list."
        )


@dataclass(frozen=True, slots=True)
class StoryRef:
    id: int
    title: str
    chapter_count: int


@dataclass(frozen=True, slots=True)
class ProgressUpdate:
    """What an explicit change did, so the command can say it and announce a step forward."""

    story: StoryRef
    previous: int
    chapter: int
    joined: bool = False  # no place was kept before: the member now shows in the story's club view

    @property
    def advanced(self) -> bool:
        return self.chapter > self.previous


@dataclass(frozen=True, slots=True)
class StoryProgress:
    """One member's place in one story."""

    story_id: int
    title: str
    chapter: int
    chapter_count: int
    updated_at: float


class MemberPosition(NamedTuple):
    """A tuple, not a dataclass: a 10,000-member club view builds 10,000 of these."""

    user_id: int
    display_name: str | None
    chapter: int


@dataclass(frozen=True, slots=True)
class ClubProgress:
    """Every member's position in one story; hidden members only as positions without names.

    Positions stay plain ``(user_id, chapter)`` tuples as SQLite returns them: a 10,000-member
    club makes no object per member. Display names are loaded only for clubs small enough to
    list by name (``NAMES_UP_TO``).
    """

    story: StoryRef
    positions: list[tuple[int, int]]  # named members' (user_id, chapter), in user id order
    hidden_chapters: list[int]  # one entry per hidden member, no identity attached
    names: dict[int, str | None] = field(default_factory=dict)
    # The hidden members' ids, in hidden_chapters' order: only for leaving out those who left the
    # server (:func:`bot.progress.service.club_view`), never shown.
    hidden_users: list[int] = field(default_factory=list)

    def without(self, gone: Collection[int]) -> ClubProgress:
        """The same club without the members in ``gone`` (found to have left the server)."""
        if not gone:
            return self
        hidden = [(u, c) for u, c in zip(self.hidden_users, self.hidden_chapters, strict=True) if u not in gone]
        return ClubProgress(
            story=self.story,
            positions=[row for row in self.positions if row[0] not in gone],
            hidden_chapters=[c for _, c in hidden],
            names={u: n for u, n in self.names.items() if u not in gone},
            hidden_users=[u for u, _ in hidden],
        )

    @classmethod
    def of(cls, story: StoryRef, members: Iterable[MemberPosition], hidden_chapters: Iterable[int]) -> ClubProgress:
        members = list(members)
        return cls(
            story=story,
            positions=[(m.user_id, m.chapter) for m in members],
            hidden_chapters=list(hidden_chapters),
            names={m.user_id: m.display_name for m in members},
        )

    @property
    def named(self) -> list[MemberPosition]:
        return [MemberPosition(user_id, self.names.get(user_id), chapter) for user_id, chapter in self.positions]

    def ranked(self) -> list[MemberPosition]:
        """Named members furthest first, for views that list them one by one."""
        return sorted(self.named, key=lambda m: (-m.chapter, m.user_id))

    @property
    def named_count(self) -> int:
        return len(self.positions)

    @property
    def hidden_count(self) -> int:
        return len(self.hidden_chapters)

    @property
    def member_count(self) -> int:
        return len(self.positions) + len(self.hidden_chapters)

    def caught_up(self, chapter: int) -> tuple[list[int], int]:
        """Members who have read ``chapter`` (named ids, hidden count)."""
        named = [user_id for user_id, reached in self.positions if reached >= chapter]
        return named, sum(1 for c in self.hidden_chapters if c >= chapter)


def _now(now: float | None) -> float:
    return time.time() if now is None else now


async def _story_in_guild(conn: aiosqlite.Connection | Database, guild_id: int, story_id: int) -> StoryRef:
    sql = "SELECT id, title, chapter_count FROM stories WHERE id = ? AND guild_id = ?"
    if isinstance(conn, Database):
        row = await conn.fetch_one(sql, (story_id, guild_id))
    else:
        rows = list(await conn.execute_fetchall(sql, (story_id, guild_id)))  # one thread hop, not three
        row = rows[0] if rows else None
    if row is None:
        raise UnknownStory()
    return StoryRef(id=row[0], title=story_title(row[1]), chapter_count=row[2])


async def ensure_member(
    tx: aiosqlite.Connection,
    guild_id: int,
    user_id: int,
    now: float,
    display_name: str | None = None,
    *,
    guild_known: bool = False,
) -> None:
    """Record the member as part of the club (inside the caller's transaction).

    ``guild_known``: the caller already found one of this server's stories, so its row exists.
    """
    if not guild_known:
        await ensure_guild(tx, guild_id, now)
    await tx.execute(
        "INSERT INTO club_members (guild_id, user_id, display_name, joined_at, updated_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (guild_id, user_id) DO UPDATE SET"
        " display_name = coalesce(excluded.display_name, club_members.display_name),"
        " updated_at = excluded.updated_at",
        (guild_id, user_id, display_name, now, now),
    )


async def mark_read(
    db: Database,
    guild_id: int,
    user_id: int,
    story_id: int,
    chapter: int,
    *,
    now: float | None = None,
    display_name: str | None = None,
) -> bool:
    """Record that the member has read up to ``chapter``; never moves back. True if it advanced."""
    update = await read_up_to(db, guild_id, user_id, story_id, chapter, now=now, display_name=display_name)
    return update.advanced


async def read_up_to(
    db: Database,
    guild_id: int,
    user_id: int,
    story_id: int,
    chapter: int,
    *,
    now: float | None = None,
    display_name: str | None = None,
) -> ProgressUpdate:
    """:func:`mark_read`, with the chapter the member was at before (read in the same transaction),
    so a step forward opens only the discussions newly reached; ``chapter`` is the one kept."""
    async with db.transaction() as tx:
        return await write_progress(
            tx, guild_id, user_id, story_id, chapter, now=_now(now), display_name=display_name, forward_only=True
        )


async def set_progress(
    db: Database,
    guild_id: int,
    user_id: int,
    story_id: int,
    chapter: int,
    *,
    now: float | None = None,
    display_name: str | None = None,
) -> ProgressUpdate:
    """Set the member's chapter explicitly (0 = not started); may move back to correct a mistake."""
    async with db.transaction() as tx:
        return await write_progress(
            tx, guild_id, user_id, story_id, chapter, now=_now(now), display_name=display_name, forward_only=False
        )


async def write_progress(
    tx: aiosqlite.Connection,
    guild_id: int,
    user_id: int,
    story_id: int,
    chapter: int,
    *,
    now: float,
    display_name: str | None,
    forward_only: bool,
) -> ProgressUpdate:
    """The member's chapter written inside the caller's transaction, with the one they were at before:
    ``forward_only`` (reading) never moves it back, otherwise (``/progress set``) it may go back to
    0 = not started. The service writes the thread adds a step earns in the same transaction."""
    story = await _story_in_guild(tx, guild_id, story_id)
    check_chapter(chapter, story.chapter_count, story.title, allow_zero=not forward_only)
    await ensure_member(tx, guild_id, user_id, now, display_name, guild_known=True)
    rows = list(
        await tx.execute_fetchall(
            "SELECT chapter FROM reading_progress WHERE guild_id = ? AND story_id = ? AND user_id = ?",
            (guild_id, story_id, user_id),
        )
    )
    previous = rows[0][0] if rows else 0
    only_forward = " WHERE excluded.chapter > reading_progress.chapter" if forward_only else ""
    await tx.execute(
        "INSERT INTO reading_progress (guild_id, story_id, user_id, chapter, updated_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (guild_id, story_id, user_id) DO UPDATE SET"
        " chapter = excluded.chapter, updated_at = excluded.updated_at" + only_forward,
        (guild_id, story_id, user_id, chapter, now),
    )
    return ProgressUpdate(
        story=story, previous=previous, chapter=max(chapter, previous) if forward_only else chapter, joined=not rows
    )


async def get_progress(db: Database, guild_id: int, user_id: int, story_id: int) -> int:
    """The last chapter the member has read; 0 if none (or the story is not this server's)."""
    value = await db.fetch_value(
        "SELECT chapter FROM reading_progress WHERE guild_id = ? AND story_id = ? AND user_id = ?",
        (guild_id, story_id, user_id),
    )
    return 0 if value is None else int(value)


async def member_progress(db: Database, guild_id: int, user_id: int) -> list[StoryProgress]:
    """Every story of this server the member has a place in, most recently moved first; stories moved at
    the same moment in /story list's order (``title_sort``, numbers counted as numbers, migration 0035).

    A place at 0 ("not started", set so or moved back to) is listed too: ``/progress set`` told the
    member they were in the story, and ``/progress show`` then said they had started none."""
    rows = await db.fetch_all(
        "SELECT s.id, s.title, p.chapter, s.chapter_count, p.updated_at"
        " FROM reading_progress AS p JOIN stories AS s ON s.id = p.story_id AND s.guild_id = p.guild_id"
        " WHERE p.guild_id = ? AND p.user_id = ?"
        " ORDER BY p.updated_at DESC, s.title_sort, s.id",
        (guild_id, user_id),
    )
    return [StoryProgress(r[0], story_title(r[1]), r[2], r[3], r[4]) for r in rows]


async def club_progress(db: Database, guild_id: int, story_id: int) -> ClubProgress:
    """Every club member's position in the story; members who never started it are at 0.

    This is the 10,000-member query of the benchmark: one range scan of ``club_members``
    joined on the progress key (so rows come in user id order), read as plain tuples.
    """
    story = await _story_in_guild(db, guild_id, story_id)
    sql = (
        "SELECT m.user_id, coalesce(p.chapter, 0)"
        " FROM club_members AS m LEFT JOIN reading_progress AS p"
        " ON p.guild_id = m.guild_id AND p.story_id = ? AND p.user_id = m.user_id"
        " WHERE m.guild_id = ? AND m.hidden = ?"
    )
    async with db.connection.cursor() as cursor:
        cursor.row_factory = None
        await cursor.execute(sql, (story_id, guild_id, 0))
        positions: list[tuple[int, int]] = list(await cursor.fetchall())
        await cursor.execute(sql, (story_id, guild_id, 1))
        hidden_rows = await cursor.fetchall()
        names: dict[int, str | None] = {}
        if len(positions) <= NAMES_UP_TO:
            await cursor.execute(
                "SELECT user_id, display_name FROM club_members WHERE guild_id = ? AND hidden = 0", (guild_id,)
            )
            names = dict(await cursor.fetchall())
    return ClubProgress(
        story=story,
        positions=positions,
        hidden_chapters=[row[1] for row in hidden_rows],
        names=names,
        hidden_users=[row[0] for row in hidden_rows],
    )


async def caught_up(db: Database, guild_id: int, story_id: int, chapter: int) -> tuple[list[int], int]:
    """Members who have read at least ``chapter``: (named user ids, number of hidden ones)."""
    rows = await db.fetch_all(
        "SELECT p.user_id, coalesce(m.hidden, 0) FROM reading_progress AS p"
        " LEFT JOIN club_members AS m ON m.guild_id = p.guild_id AND m.user_id = p.user_id"
        " WHERE p.guild_id = ? AND p.story_id = ? AND p.chapter >= ?"
        " ORDER BY p.user_id",
        (guild_id, story_id, chapter),
    )
    return [r[0] for r in rows if not r[1]], sum(1 for r in rows if r[1])


async def readers_at(db: Database, guild_id: int, story_id: int, chapter: int) -> list[int]:
    """Every member who has read at least ``chapter``, hidden ones included, in user id order.

    For giving access (adding readers to a progress-gated thread), never for naming anyone:
    hidden members must be let in like everyone else, but views name only ``caught_up``'s ids.
    """
    rows = await db.fetch_all(
        "SELECT user_id FROM reading_progress WHERE guild_id = ? AND story_id = ? AND chapter >= ? ORDER BY user_id",
        (guild_id, story_id, chapter),
    )
    return [row[0] for row in rows]


async def behind(
    db: Database, guild_id: int, story_id: int, chapter: int, *, excluding: Collection[int] = ()
) -> tuple[list[int], int]:
    """Club members reading the story who have not yet read ``chapter``.

    Only members with progress on the story count (one who set it to 0, "not started", said they
    read it): one who never started it, whose progress on it is unknown, may not mean to read it at all, and a reminder
    naming them "not caught up" said more than Dogear knows (see ``compose.reminder_notice``).
    ``excluding`` leaves members out of both the names and the hidden count (a reminder
    leaves out members who avoid a warning of the chapter, hidden ones included).
    """
    rows = await db.fetch_all(
        "SELECT m.user_id, m.hidden FROM reading_progress AS p"
        " JOIN club_members AS m ON m.guild_id = p.guild_id AND m.user_id = p.user_id"
        " WHERE p.guild_id = ? AND p.story_id = ? AND p.chapter < ?"
        " ORDER BY m.user_id",
        (guild_id, story_id, chapter),
    )
    rows = [r for r in rows if r[0] not in excluding]
    return [r[0] for r in rows if not r[1]], sum(1 for r in rows if r[1])


async def hidden_behind(
    db: Database, guild_id: int, story_id: int, chapter: int, *, excluding: Collection[int] = ()
) -> list[int]:
    """The hidden members :func:`behind` counts (never names): a reminder looks up whether they are
    still in the server, so one who left is no longer counted."""
    rows = await db.fetch_all(
        "SELECT m.user_id FROM reading_progress AS p"
        " JOIN club_members AS m ON m.guild_id = p.guild_id AND m.user_id = p.user_id"
        " WHERE p.guild_id = ? AND p.story_id = ? AND p.chapter < ? AND m.hidden = 1"
        " ORDER BY m.user_id",
        (guild_id, story_id, chapter),
    )
    return [r[0] for r in rows if r[0] not in excluding]


async def is_hidden(db: Database, guild_id: int, user_id: int) -> bool:
    value = await db.fetch_value(
        "SELECT hidden FROM club_members WHERE guild_id = ? AND user_id = ?",
        (guild_id, user_id),
    )
    return bool(value)


async def set_hidden(
    db: Database,
    guild_id: int,
    user_id: int,
    hidden: bool,
    *,
    now: float | None = None,
    display_name: str | None = None,
) -> None:
    """Hide (or show) the member's progress from others in this server only."""
    stamp = _now(now)
    async with db.transaction() as tx:
        await ensure_member(tx, guild_id, user_id, stamp, display_name)
        await tx.execute(
            "UPDATE club_members SET hidden = ? WHERE guild_id = ? AND user_id = ?",
            (int(hidden), guild_id, user_id),
        )


async def renumber_progress(
    tx: aiosqlite.Connection, guild_id: int, story_id: int, places: Mapping[int, int], now: float
) -> None:
    """Every member's place moved from each old chapter number to its new one (``/story update``
    renumbered the chapters: bot.story.changes), inside the caller's transaction; several old
    places may become one (a chapter taken out: its readers are at the chapter before it)."""
    await move_chapter_rows(tx, "reading_progress", guild_id, story_id, places, updated_at=now)


async def members_past(conn: aiosqlite.Connection, guild_id: int, story_id: int, chapter: int) -> int:
    """How many members' places are past ``chapter`` of the story."""
    cursor = await conn.execute(
        "SELECT count(*) FROM reading_progress WHERE guild_id = ? AND story_id = ? AND chapter > ?",
        (guild_id, story_id, chapter),
    )
    row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def clamp_progress(tx: aiosqlite.Connection, guild_id: int, story_id: int, last_chapter: int, now: float) -> int:
    """Members past ``last_chapter`` (the story lost chapters in an update) set back to it, inside
    the caller's transaction; returns how many. Every view reads progress as "of N chapters"."""
    cursor = await tx.execute(
        "UPDATE reading_progress SET chapter = ?, updated_at = ? WHERE guild_id = ? AND story_id = ? AND chapter > ?",
        (last_chapter, now, guild_id, story_id, last_chapter),
    )
    return cursor.rowcount
