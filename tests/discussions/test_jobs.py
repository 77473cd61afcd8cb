"""Background jobs act only for the servers this process owns, and share one sleeping timer."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.clock import ManualClock
from bot.db import Database
from bot.discussions import store
from bot.discussions.jobs import RetentionJob
from bot.discussions.service import DiscussionService
from bot.discussions.store import NewDiscussion
from bot.guilds import mark_joined, mark_left
from bot.shards import ShardScope, shard_of
from tests.discussions.conftest import START, TEXT, FakeDiscord, FakePoster, add_test_story, no_warnings

# Six servers spread over both shards of a two-shard bot (shard = (id >> 22) % 2).
GUILDS = [(n << 22) + 17 for n in range(1, 7)]


async def schedule_everywhere(db: Database) -> None:
    for number, guild_id in enumerate(GUILDS):
        story = await add_test_story(db, guild_id, f"Story {number}")
        items = [
            NewDiscussion(story, 1, START + timedelta(minutes=10 + number), TEXT, True, (timedelta(minutes=5),), 7),
            NewDiscussion(story, 2, START + timedelta(hours=1, minutes=number), TEXT, True, (), 7),
        ]
        await store.create_discussions(db, guild_id, items, now=START)


async def test_two_scopes_over_one_database_split_the_due_items_without_overlap(db: Database) -> None:
    await schedule_everywhere(db)
    first, second = ShardScope.of(2, [0]), ShardScope.of(2, [1])
    assert await store.next_due(db, first) != await store.next_due(db, second)
    later = START + timedelta(hours=2)
    mine, theirs = await asyncio.gather(
        store.claim_due(db, later, scope=first), store.claim_due(db, later, scope=second)
    )
    ids_mine = {(item.kind, item.id) for item in mine}
    ids_theirs = {(item.kind, item.id) for item in theirs}
    assert ids_mine and ids_theirs and not ids_mine & ids_theirs
    assert len(ids_mine) + len(ids_theirs) == len(GUILDS) * 3  # two discussions and one reminder each
    assert all(shard_of(item.guild_id, 2) == 0 for item in mine)
    assert all(shard_of(item.guild_id, 2) == 1 for item in theirs)
    # What one process left half-done is recovered only by the process that owns the server.
    assert {i.id for i in await store.unfinished(db, first)} == {i.id for i in mine}
    assert {(i.kind, i.id) for i in await store.unfinished(db, second)} == ids_theirs
    assert await store.claim_due(db, later) == []  # nothing left for anyone


async def test_two_services_post_each_item_once_between_them(db: Database, clock: ManualClock) -> None:
    await schedule_everywhere(db)
    world = FakeDiscord(clock)
    services = [
        DiscussionService(
            db,
            clock,
            FakePoster(world),
            grace=timedelta(hours=6),
            warnings_for=no_warnings,
            scope=ShardScope.of(2, [i]),
        )
        for i in (0, 1)
    ]
    for service in services:
        service.start()
    for _ in range(80):  # minute by minute, so each reminder is still useful when it falls due
        await clock.advance(timedelta(minutes=1))
        for service in services:
            await service.wait_idle()
    markers = [message.notice.marker for message in world.all_posts()]
    assert len(markers) == len(set(markers)) == len(GUILDS) * 3
    for service in services:
        await service.stop()


def timer_tasks() -> list[asyncio.Task[object]]:
    return [task for task in asyncio.all_tasks() if task.get_name() == "dogear-discussion-timer"]


async def test_retention_runs_on_the_discussion_timer_for_owned_servers_only(db: Database, clock: ManualClock) -> None:
    owned, foreign = GUILDS[1], GUILDS[0]  # shard 0 and shard 1
    assert shard_of(owned, 2) == 0 and shard_of(foreign, 2) == 1
    for guild_id in (owned, foreign):
        await mark_joined(db, guild_id, START.timestamp())
        await mark_left(db, guild_id, START.timestamp())
    scope = ShardScope.of(2, [0])
    retention = RetentionJob(db, clock, timedelta(days=30), scope)
    service = DiscussionService(
        db, clock, FakePoster(FakeDiscord(clock)), grace=timedelta(hours=6), scope=scope, other_jobs=[retention]
    )
    service.start()
    await service.wait_idle()
    assert len(timer_tasks()) == 1 and clock.sleeping == 1  # one sleeping task for both jobs
    await clock.advance(timedelta(days=30))
    await service.wait_idle()
    remaining = {row[0] for row in await db.fetch_all("SELECT guild_id FROM guilds")}
    assert owned not in remaining and foreign in remaining
    assert clock.sleeping == 0 and len(timer_tasks()) == 1  # nothing left to wait for: idle, still one task
    await service.stop()
