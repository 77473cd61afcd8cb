import pytest

from bot.errors import UserError
from bot.guild_service import bot_joined, bot_left, change_settings, left_while_away, server_settings
from bot.guilds import (
    DEFAULT_PROMPTS,
    get_settings,
    mark_joined,
    mark_left,
    mark_left_while_away,
    purge_departed,
    update_settings,
)
from bot.shards import ShardScope


async def test_settings_default_then_update(db) -> None:
    settings = await get_settings(db, 10)
    assert settings.timezone == "UTC"
    assert settings.discussion_prompts == list(DEFAULT_PROMPTS)
    updated = await update_settings(db, 10, 0.0, club_channel_id=5, timezone="Europe/Berlin")
    assert updated.club_channel_id == 5
    assert updated.timezone == "Europe/Berlin"
    cleared = await update_settings(db, 10, 0.0, club_channel_id=None)
    assert cleared.club_channel_id is None
    assert cleared.timezone == "Europe/Berlin"


async def test_settings_are_per_server(db) -> None:
    await update_settings(db, 1, 0.0, club_role_id=99, discussion_prompts=["Who was right?"])
    other = await get_settings(db, 2)
    assert other.club_role_id is None
    assert other.discussion_prompts == list(DEFAULT_PROMPTS)
    assert (await get_settings(db, 1)).discussion_prompts == ["Who was right?"]


async def test_departed_servers_are_purged_after_retention(db) -> None:
    await update_settings(db, 1, 0.0, timezone="Asia/Tokyo")
    await update_settings(db, 2, 0.0, timezone="Asia/Tokyo")
    await mark_left(db, 1, now=100.0)
    await mark_left(db, 2, now=100.0)
    await mark_joined(db, 2, now=150.0)  # re-invited in time: nothing is lost
    assert await purge_departed(db, now=150.0, retention_seconds=100.0) == []
    assert await purge_departed(db, now=200.0, retention_seconds=100.0) == [1]
    assert (await get_settings(db, 1)).timezone == "UTC"
    assert (await get_settings(db, 2)).timezone == "Asia/Tokyo"


async def test_next_purge_is_the_earliest_departure_plus_retention(db) -> None:
    from bot.guilds import next_purge_at

    assert await next_purge_at(db, 50.0) is None
    await update_settings(db, 1, 0.0, timezone="UTC")
    await update_settings(db, 2, 0.0, timezone="UTC")
    await mark_left(db, 2, now=300.0)
    await mark_left(db, 1, now=200.0)
    assert await next_purge_at(db, 50.0) == 250.0


async def left_at(db, guild_id: int) -> float | None:
    return await db.fetch_value("SELECT left_at FROM guilds WHERE guild_id = ?", (guild_id,))


async def test_joining_says_whether_a_pending_deletion_was_cancelled(db) -> None:
    assert await mark_joined(db, 1, now=10.0) is False  # new: nothing was pending
    assert await mark_joined(db, 1, now=20.0) is False  # every start says so again: nothing changes
    assert await db.fetch_value("SELECT joined_at FROM guilds WHERE guild_id = 1") == 10.0
    await mark_left(db, 1, now=30.0)
    assert await mark_joined(db, 1, now=40.0) is True
    assert await left_at(db, 1) is None


async def test_servers_missing_from_the_shards_list_are_marked_left_when_noticed(db) -> None:
    scope = ShardScope.of(2, [0])
    shard0 = [2 << 22, 4 << 22, 6 << 22]  # (id >> 22) % 2 == 0: shard 0 of 2
    shard1 = 3 << 22  # shard 1
    for guild_id in (*shard0, shard1):
        await mark_joined(db, guild_id, now=0.0)
    await mark_left(db, shard0[2], now=50.0)  # left earlier, while the bot ran

    present = {shard0[0]}
    gone = await mark_left_while_away(db, present.__contains__, 100.0, scope.sql())

    assert gone == [shard0[1]]  # shard0[0] is present; shard 1 is another process's
    assert await left_at(db, shard0[1]) == 100.0
    assert await left_at(db, shard0[0]) is None
    assert await left_at(db, shard0[2]) == 50.0  # its retention still counts from when it left
    assert await left_at(db, shard1) is None


async def test_the_settings_service_checks_a_time_zone_before_saving(db) -> None:
    """/config set and clear go through bot.guild_service: a zone is spelled canonically, a wrong one saves nothing."""
    saved = await change_settings(db, 10, 0.0, timezone="europe/berlin", club_channel_id=5)
    assert (saved.timezone, saved.club_channel_id) == ("Europe/Berlin", 5)
    with pytest.raises(UserError, match="not a time zone I know"):
        await change_settings(db, 10, 0.0, timezone="Mars/Olympus", club_channel_id=6)
    assert await server_settings(db, 10) == saved
    assert (await change_settings(db, 10, 0.0, timezone="UTC")).timezone == "UTC"
    assert await bot_joined(db, 10, 1.0) is False
    await bot_left(db, 10, 2.0)
    assert await left_while_away(db, lambda _: False, 3.0, ("1 = 1", [])) == []
    assert await bot_joined(db, 10, 4.0) is True
