"""Scale after a restart: 5,000 servers whose discussions all fell due in the same minute (session 39).

The bot was down while a minute's discussions of 5,000 servers fell due; at the start the timer
takes them all at once. Each is posted once with its thread, none is lost, and the event loop
keeps answering meanwhile (the gateway's heartbeats, members' commands): it is never kept from
a task that only sleeps for long (the probe of tests/loop_probe.py, the hostile tests' budget).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from bot.clock import ManualClock
from bot.db import Database
from bot.discussions.service import DiscussionService
from tests.discussions.conftest import FakeDiscord, FakePoster, add_test_story, no_warnings
from tests.loop_probe import loop_lags

SERVERS = 5_000
FIRST_GUILD = 100_000
CHANNEL_BASE = 1_000_000


async def five_thousand_servers_due_in_one_minute(db: Database, now: datetime) -> None:
    """A story in each server (copied from one made through the story store) and one discussion
    each, due at a moment of the minute before ``now``."""
    start = now.timestamp() - 60
    story_id = await add_test_story(db, FIRST_GUILD, "The Crowded Minute", 3)
    await db.executemany(
        "INSERT INTO guilds (guild_id, joined_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
        [(guild, start) for guild in range(FIRST_GUILD, FIRST_GUILD + SERVERS)],
    )
    columns = [row["name"] for row in await db.fetch_all("PRAGMA table_info(stories)") if row["name"] != "id"]
    copied = ", ".join("?" if name == "guild_id" else name for name in columns)
    await db.executemany(
        f"INSERT INTO stories ({', '.join(columns)}) SELECT {copied} FROM stories WHERE id = ?",
        [(guild, story_id) for guild in range(FIRST_GUILD + 1, FIRST_GUILD + SERVERS)],
    )
    stories = {row["guild_id"]: row["id"] for row in await db.fetch_all("SELECT id, guild_id FROM stories")}
    await db.executemany(
        "INSERT INTO discussions (guild_id, story_id, chapter, due_at, channel_id, channel_explicit,"
        " remind_offsets, created_by, created_at, updated_at) VALUES (?, ?, 2, ?, ?, 1, '', 1, ?, ?)",
        [
            (guild, stories[guild], start + 60 * (guild - FIRST_GUILD) / SERVERS, CHANNEL_BASE + guild, start, start)
            for guild in range(FIRST_GUILD, FIRST_GUILD + SERVERS)
        ],
    )


async def start_after_the_outage(db: Database, now: datetime, servers: int) -> tuple[FakeDiscord, float, list[float]]:
    """The bot starting at ``now`` over the first ``servers`` servers' channels, until the service has
    done everything that fell due; each channel is checked to hold exactly one post. Returns the
    world, the seconds it took and the event loop's lags meanwhile."""
    world = FakeDiscord(ManualClock(now))
    for guild in range(FIRST_GUILD, FIRST_GUILD + servers):
        world.kinds[CHANNEL_BASE + guild] = "text"
    service = DiscussionService(db, world.clock, FakePoster(world), grace=timedelta(hours=6), warnings_for=no_warnings)
    started = time.perf_counter()
    async with loop_lags() as lags:
        service.start()
        await service.wait_idle()
    seconds = time.perf_counter() - started
    await service.stop()
    posts = {channel: len(world.posted(channel)) for channel in world.kinds if channel >= CHANNEL_BASE}
    assert sorted(set(posts.values())) == [1], {
        n: sum(1 for v in posts.values() if v == n) for n in set(posts.values())
    }
    return world, seconds, lags


async def test_five_thousand_discussions_due_in_one_minute_post_once_each_without_holding_the_loop(
    db: Database,
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    await five_thousand_servers_due_in_one_minute(db, now)
    world, seconds, lags = await start_after_the_outage(db, now, SERVERS)
    states = await db.fetch_all("SELECT state, count(*) AS n FROM discussions GROUP BY state")
    assert {row["state"]: row["n"] for row in states} == {"posted": SERVERS}
    assert len(world.threads) == SERVERS
    worst = max(lags)
    print(
        f"{SERVERS} discussions posted in {seconds:.1f} s; longest loop stall {worst * 1000:.0f} ms over {len(lags)} ticks"
    )
    assert worst < 0.25, f"the event loop stalled for {worst * 1000:.0f} ms"
