"""A server's own use cases: its settings (``/config``) and whether the bot is in it.

``bot/guilds.py`` is the store (plain SQL); this is what the cogs call, so ``cogs/config.py``
and ``cogs/lifecycle.py`` never hold the database or a query's shape. ``GuildSettings`` is the
shape these use cases hand back (it is defined with the SQL that fills it).
"""

from __future__ import annotations

from collections.abc import Callable

from bot.db import Database
from bot.guilds import GuildSettings, get_settings, mark_joined, mark_left, mark_left_while_away, update_settings
from bot.timezones import validate_zone

__all__ = [
    "GuildSettings",
    "bot_joined",
    "bot_left",
    "change_settings",
    "clear_setting",
    "left_while_away",
    "server_settings",
]


async def server_settings(db: Database, guild_id: int) -> GuildSettings:
    """The server's settings, the defaults for one that never set any."""
    return await get_settings(db, guild_id)


async def change_settings(db: Database, guild_id: int, now: float, **changes: object) -> GuildSettings:
    """Save some settings (``None`` puts one back as it was at first) and return them all.

    A time zone is checked (and spelled as the zone database spells it) before anything is saved.
    """
    if changes.get("timezone") is not None:
        changes["timezone"] = validate_zone(str(changes["timezone"]))
    return await update_settings(db, guild_id, now, **changes)


async def clear_setting(
    db: Database, guild_id: int, now: float, column: str, first: object
) -> tuple[GuildSettings, bool]:
    """Put one setting back to ``first`` (its value before anyone set it): the settings, and whether it changed.

    An admin clearing a setting that was never set is told so rather than "Cleared": nothing is written then.
    """
    settings = await get_settings(db, guild_id)
    if getattr(settings, column) == first:
        return settings, False
    return await update_settings(db, guild_id, now, **{column: first}), True


async def bot_joined(db: Database, guild_id: int, now: float) -> bool:
    """The bot is in the server (joined, or back): True if a pending deletion of its data was cancelled."""
    return await mark_joined(db, guild_id, now)


async def bot_left(db: Database, guild_id: int, now: float) -> None:
    """The bot was removed: the server's data waits out the retention period, then goes."""
    await mark_left(db, guild_id, now)


async def left_while_away(
    db: Database, is_present: Callable[[int], bool], now: float, owned: tuple[str, list[int]]
) -> list[int]:
    """The servers of ``owned`` (a shard's) that removed the bot while it was stopped, now marked left."""
    return await mark_left_while_away(db, is_present, now, owned)
