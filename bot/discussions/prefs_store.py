"""Members' reminder choices in SQLite: named or not, DM copies, and DMs that refused a copy.

Plain SQL, scoped by ``guild_id``; read by the discussion service when a reminder goes out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from bot.db import Database
from bot.discussions.store import to_epoch
from bot.guilds import ensure_guild


@dataclass(frozen=True, slots=True)
class ReminderPrefs:
    dm: bool = False  # a private DM copy of reminders for stories the member has started
    off: bool = False  # never named in reminders (and no DM copies)
    dm_failed: bool = False  # a DM copy was refused (DMs closed); not tried again until dm is set again


async def get_reminder_prefs(db: Database, guild_id: int, user_id: int) -> ReminderPrefs:
    row = await db.fetch_one(
        "SELECT dm, off, dm_failed_at FROM member_reminder_prefs WHERE guild_id = ? AND user_id = ?",
        (guild_id, user_id),
    )
    return ReminderPrefs() if row is None else ReminderPrefs(bool(row[0]), bool(row[1]), row[2] is not None)


async def set_reminder_prefs(
    db: Database, guild_id: int, user_id: int, *, dm: bool | None, off: bool | None, now: datetime
) -> ReminderPrefs:
    """Change the choices given (None keeps one); choosing DM copies again forgets an earlier refusal."""
    stamp = to_epoch(now)
    async with db.transaction() as tx:
        await ensure_guild(tx, guild_id, stamp)
        await tx.execute(
            "INSERT INTO member_reminder_prefs (guild_id, user_id, updated_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            (guild_id, user_id, stamp),
        )
        await tx.execute(
            "UPDATE member_reminder_prefs SET dm = coalesce(?, dm), off = coalesce(?, off),"
            " dm_failed_at = CASE WHEN ? = 1 THEN NULL ELSE dm_failed_at END, updated_at = ?"
            " WHERE guild_id = ? AND user_id = ?",
            (
                None if dm is None else int(dm),
                None if off is None else int(off),
                int(bool(dm)),
                stamp,
                guild_id,
                user_id,
            ),
        )
    return await get_reminder_prefs(db, guild_id, user_id)


async def reminders_off(db: Database, guild_id: int) -> set[int]:
    """Members of this server who asked not to be named in reminders."""
    rows = await db.fetch_all("SELECT user_id FROM member_reminder_prefs WHERE guild_id = ? AND off = 1", (guild_id,))
    return {row[0] for row in rows}


async def dm_recipients(db: Database, guild_id: int, story_id: int) -> list[int]:
    """Members who want DM copies, have started this story, and whose DMs have not refused one."""
    rows = await db.fetch_all(
        "SELECT r.user_id FROM member_reminder_prefs r"
        " JOIN reading_progress p ON p.guild_id = r.guild_id AND p.user_id = r.user_id AND p.story_id = ?"
        " WHERE r.guild_id = ? AND r.dm = 1 AND r.off = 0 AND r.dm_failed_at IS NULL AND p.chapter > 0"
        " ORDER BY r.user_id",
        (story_id, guild_id),
    )
    return [row[0] for row in rows]


async def mark_dms_failed(
    tx: aiosqlite.Connection, guild_id: int, user_ids: Sequence[int], *, now: datetime
) -> list[int]:
    """Remember, inside the caller's write, that these members' DMs refused a copy; those marked now
    (not before), who are the ones to tell, in the same write that owes them the telling."""
    marked: list[int] = []
    for user_id in user_ids:
        cursor = await tx.execute(
            "UPDATE member_reminder_prefs SET dm_failed_at = ?, updated_at = ?"
            " WHERE guild_id = ? AND user_id = ? AND dm_failed_at IS NULL",
            (to_epoch(now), to_epoch(now), guild_id, user_id),
        )
        if cursor.rowcount > 0:
            marked.append(user_id)
    return marked
