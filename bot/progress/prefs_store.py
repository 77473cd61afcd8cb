"""Member preferences in SQLite: the warnings each member avoids in each server (plain SQL)."""

from __future__ import annotations

from collections.abc import Iterable

import aiosqlite

from bot.db import Database


async def add_avoided(
    tx: aiosqlite.Connection, guild_id: int, user_id: int, warning_id: str, *, now: float, strict: bool
) -> bool:
    """Whether the warning was new on the member's list (an existing entry is left as it is)."""
    cursor = await tx.execute(
        "INSERT INTO member_avoided_warnings (guild_id, user_id, warning_id, created_at, strict)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        (guild_id, user_id, warning_id, now, int(strict)),
    )
    return cursor.rowcount > 0


async def set_strict(tx: aiosqlite.Connection, guild_id: int, user_id: int, warning_id: str, strict: bool) -> bool:
    """Whether possible warnings count too; True when that changed."""
    cursor = await tx.execute(
        "UPDATE member_avoided_warnings SET strict = ? WHERE guild_id = ? AND user_id = ? AND warning_id = ?"
        " AND strict != ?",
        (int(strict), guild_id, user_id, warning_id, int(strict)),
    )
    return cursor.rowcount > 0


async def remove_avoided(tx: aiosqlite.Connection, guild_id: int, user_id: int, warning_id: str) -> bool:
    cursor = await tx.execute(
        "DELETE FROM member_avoided_warnings WHERE guild_id = ? AND user_id = ? AND warning_id = ?",
        (guild_id, user_id, warning_id),
    )
    return cursor.rowcount > 0


async def avoided_warnings(db: Database, guild_id: int, user_id: int) -> set[str]:
    rows = await db.fetch_all(
        "SELECT warning_id FROM member_avoided_warnings WHERE guild_id = ? AND user_id = ?",
        (guild_id, user_id),
    )
    return {row[0] for row in rows}


async def strictly_avoided(db: Database, guild_id: int, user_id: int) -> set[str]:
    rows = await db.fetch_all(
        "SELECT warning_id FROM member_avoided_warnings WHERE guild_id = ? AND user_id = ? AND strict = 1",
        (guild_id, user_id),
    )
    return {row[0] for row in rows}


async def members_avoiding(
    db: Database, guild_id: int, warning_ids: Iterable[str], possible_ids: Iterable[str] = ()
) -> set[int]:
    """Members of this server who avoid any of ``warning_ids``, or strictly avoid any of ``possible_ids``.

    A possible warning is below the detection threshold: only members who chose ``strict``
    asked to count it, so the others are not left out of a reminder because of it.
    """
    ids = sorted(set(warning_ids))
    possible = sorted(set(possible_ids) - set(ids))
    if not ids and not possible:
        return set()
    marks = ", ".join("?" for _ in ids) or "NULL"
    possible_marks = ", ".join("?" for _ in possible) or "NULL"
    rows = await db.fetch_all(
        "SELECT DISTINCT user_id FROM member_avoided_warnings WHERE guild_id = ? "
        f"AND (warning_id IN ({marks}) OR (strict = 1 AND warning_id IN ({possible_marks})))",
        (guild_id, *ids, *possible),
    )
    return {row[0] for row in rows}


async def avoiders_in_story(
    db: Database, guild_id: int, story_id: int, warning_ids: Iterable[str]
) -> list[tuple[int, str, bool, int]]:
    """(user id, warning id, strict, chapter reached in the story: 0 when not started) of each
    member of this server who avoids one of ``warning_ids``, in one read."""
    ids = sorted(set(warning_ids))
    if not ids:
        return []
    marks = ", ".join("?" for _ in ids)
    rows = await db.fetch_all(
        "SELECT a.user_id, a.warning_id, a.strict, coalesce(p.chapter, 0) FROM member_avoided_warnings AS a"
        " LEFT JOIN reading_progress AS p ON p.guild_id = a.guild_id AND p.story_id = ? AND p.user_id = a.user_id"
        f" WHERE a.guild_id = ? AND a.warning_id IN ({marks})",
        (story_id, guild_id, *ids),
    )
    return [(row[0], row[1], bool(row[2]), row[3]) for row in rows]


AVOIDED_WORDS_READ = 500  # distinct words a server's members avoid, read at most for one reminder


async def avoided_word_keys(db: Database, guild_id: int) -> list[str]:
    """The ``words:...`` keys (:mod:`bot.warnings.avoided_words`) any member of this server avoids,
    each once, by the index on (guild, warning): a range, never a scan of every preference."""
    rows = await db.fetch_all(
        "SELECT DISTINCT warning_id FROM member_avoided_warnings"
        " WHERE guild_id = ? AND warning_id >= 'words:' AND warning_id < 'words;' LIMIT ?",
        (guild_id, AVOIDED_WORDS_READ),
    )
    return [str(row[0]) for row in rows]
