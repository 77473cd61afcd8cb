"""Servers and their settings: the rows every other club table hangs off.

A server row is created on first use and marked when the bot leaves; its data is deleted
only after the retention period, so a bot kicked by mistake can be re-invited without loss.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import aiosqlite

from bot.db import Database

DEFAULT_PROMPTS: tuple[str, ...] = (
    "What moment in this chapter stayed with you most, and why?",
    "Did anything a character did surprise you?",
    "What do you think happens next?",
)
MAX_PROMPTS = 10
MAX_PROMPT_LENGTH = 300


@dataclass(frozen=True, slots=True)
class GuildSettings:
    guild_id: int
    club_channel_id: int | None = None
    discussion_channel_id: int | None = None
    club_role_id: int | None = None
    timezone: str = "UTC"
    discussion_prompts: list[str] = field(default_factory=lambda: list(DEFAULT_PROMPTS))
    mod_channel_id: int | None = None  # where members' warning reports and failed discussions are posted
    date_order: str | None = None  # "dmy" or "mdy": how numeric dates such as 12/04 are read


async def ensure_guild(tx: aiosqlite.Connection, guild_id: int, now: float) -> None:
    """Insert the server row if missing; call inside the caller's transaction."""
    await tx.execute(
        "INSERT INTO guilds (guild_id, joined_at) VALUES (?, ?) ON CONFLICT (guild_id) DO NOTHING",
        (guild_id, now),
    )


async def get_settings(db: Database, guild_id: int) -> GuildSettings:
    row = await db.fetch_one(
        "SELECT club_channel_id, discussion_channel_id, club_role_id, timezone, discussion_prompts, mod_channel_id,"
        " date_order"
        " FROM guild_settings WHERE guild_id = ?",
        (guild_id,),
    )
    if row is None:
        return GuildSettings(guild_id=guild_id)
    prompts = _stored_prompts(row["discussion_prompts"])
    return GuildSettings(
        guild_id=guild_id,
        club_channel_id=row["club_channel_id"],
        discussion_channel_id=row["discussion_channel_id"],
        club_role_id=row["club_role_id"],
        timezone=row["timezone"],
        discussion_prompts=prompts or list(DEFAULT_PROMPTS),
        mod_channel_id=row["mod_channel_id"],
        date_order=row["date_order"],
    )


def _stored_prompts(raw: str | None) -> list[str]:
    """The prompts a server saved (empty: it uses the defaults)."""
    return [line for line in (raw or "").split("\n") if line.strip()]


async def save_prompts_unless_changed(
    db: Database, guild_id: int, now: float, prompts: list[str] | None, *, opened: Sequence[str]
) -> GuildSettings | None:
    """Save ``prompts`` (None: back to the defaults) if the prompts in force are still ``opened``
    (what the admin's form showed); None, and nothing written, when another save came in between.

    Read and written in one write transaction, so of two admins' forms submitted at once the second
    always sees the first's save: never two "saved" answers with the first silently overwritten.
    Saving the very prompts already in force loses nothing and is saved."""
    async with db.transaction() as tx:
        async with tx.execute(
            "SELECT discussion_prompts FROM guild_settings WHERE guild_id = ?", (guild_id,)
        ) as cursor:
            row = await cursor.fetchone()
        in_force = _stored_prompts(row[0] if row is not None else None) or list(DEFAULT_PROMPTS)
        wanted = prompts or list(DEFAULT_PROMPTS)
        if in_force != list(opened) and in_force != wanted:
            return None
        await ensure_guild(tx, guild_id, now)
        await tx.execute("INSERT INTO guild_settings (guild_id) VALUES (?) ON CONFLICT DO NOTHING", (guild_id,))
        await tx.execute(
            "UPDATE guild_settings SET discussion_prompts = ? WHERE guild_id = ?",
            (None if prompts is None else "\n".join(prompts), guild_id),
        )
    return await get_settings(db, guild_id)


_SETTABLE = frozenset(
    {
        "club_channel_id",
        "discussion_channel_id",
        "club_role_id",
        "timezone",
        "discussion_prompts",
        "mod_channel_id",
        "date_order",
    }
)


async def update_settings(db: Database, guild_id: int, now: float, **changes: Any) -> GuildSettings:
    """Change some settings; ``None`` clears a channel or role. Unknown names are a bug."""
    unknown = set(changes) - _SETTABLE
    if unknown:
        raise ValueError(f"unknown settings {sorted(unknown)}")
    if "discussion_prompts" in changes and changes["discussion_prompts"] is not None:
        changes["discussion_prompts"] = "\n".join(changes["discussion_prompts"])
    async with db.transaction() as tx:
        await ensure_guild(tx, guild_id, now)
        await tx.execute("INSERT INTO guild_settings (guild_id) VALUES (?) ON CONFLICT DO NOTHING", (guild_id,))
        for column, value in changes.items():
            # Column names come from the fixed set above, never from input.
            await tx.execute(f"UPDATE guild_settings SET {column} = ? WHERE guild_id = ?", (value, guild_id))
    return await get_settings(db, guild_id)


async def mark_joined(db: Database, guild_id: int, now: float) -> bool:
    """The bot is (back) in the server: cancel any pending deletion; True if one was cancelled.

    Every server the bot is in says so again at each start (thousands of GUILD_CREATEs): a
    server already recorded as present costs one read, not a write transaction.
    """
    row = await db.fetch_one("SELECT left_at FROM guilds WHERE guild_id = ?", (guild_id,))
    if row is not None and row["left_at"] is None:
        return False
    async with db.transaction() as tx:
        await ensure_guild(tx, guild_id, now)
        cursor = await tx.execute(
            "UPDATE guilds SET left_at = NULL WHERE guild_id = ? AND left_at IS NOT NULL", (guild_id,)
        )
        return cursor.rowcount > 0


async def has_left(db: Database, guild_id: int) -> bool:
    """Whether the bot was removed from the server (its data waits out the retention period)."""
    return await db.fetch_value("SELECT left_at IS NOT NULL FROM guilds WHERE guild_id = ?", (guild_id,)) == 1


async def mark_left(db: Database, guild_id: int, now: float) -> None:
    await db.execute("UPDATE guilds SET left_at = ? WHERE guild_id = ? AND left_at IS NULL", (now, guild_id))


async def mark_left_while_away(
    db: Database, is_present: Callable[[int], bool], now: float, owned: tuple[str, list[int]] = ("1 = 1", [])
) -> list[int]:
    """Mark as left (at ``now``) every server of ``owned`` still recorded as present that ``is_present`` denies.

    A server that removes the bot while it is stopped sends no GUILD_DELETE: only the list of
    servers Discord gives when a shard connects tells. Without this its data would be kept for
    ever instead of the retention period. ``is_present`` is asked inside the write transaction,
    so a server joining or leaving meanwhile is judged by what the client knows by then; ``now``
    is when the absence was noticed, so the data is never purged before the period has passed.
    ``owned`` is a :meth:`bot.shards.ShardScope.sql` condition: the shard that just connected.
    """
    condition, params = owned
    async with db.transaction() as tx:
        cursor = await tx.execute(f"SELECT guild_id FROM guilds WHERE left_at IS NULL AND {condition}", tuple(params))
        gone = [row[0] for row in await cursor.fetchall() if not is_present(row[0])]
        await tx.executemany("UPDATE guilds SET left_at = ? WHERE guild_id = ?", [(now, g) for g in gone])
    return gone


async def purge_departed(
    db: Database, now: float, retention_seconds: float, owned: tuple[str, list[int]] = ("1 = 1", [])
) -> list[int]:
    """Delete every server the bot left more than the retention period ago, with all its data.

    ``owned`` is a :meth:`bot.shards.ShardScope.sql` condition: only this process's servers.
    """
    cutoff = now - retention_seconds
    condition, params = owned
    async with db.transaction() as tx:
        cursor = await tx.execute(
            f"SELECT guild_id FROM guilds WHERE left_at IS NOT NULL AND left_at <= ? AND {condition}",
            (cutoff, *params),
        )
        gone = [row[0] for row in await cursor.fetchall()]
        await tx.executemany("DELETE FROM guilds WHERE guild_id = ?", [(g,) for g in gone])
    return gone


async def next_purge_at(
    db: Database, retention_seconds: float, owned: tuple[str, list[int]] = ("1 = 1", [])
) -> float | None:
    """When the earliest departed server (of ``owned``) becomes due for deletion, or ``None`` if none left."""
    condition, params = owned
    earliest = await db.fetch_value(
        f"SELECT min(left_at) FROM guilds WHERE left_at IS NOT NULL AND {condition}", tuple(params)
    )
    return None if earliest is None else earliest + retention_seconds
