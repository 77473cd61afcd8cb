"""Storage on a real SQLite file for the 'event' notice (session 43): a scheduled event Discord refused
to start or end owes the moderation channel a notice in the refusal's own write, once per discussion."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.db import Database, load_migrations, migrate, open_database
from bot.discussions import store
from bot.discussions.failures import RETRY_DELAYS, Unreachable
from bot.discussions.notices import MODERATION_KINDS
from bot.discussions.service import DiscussionService
from bot.discussions.store import NewDiscussion, NewNotice
from bot.guilds import update_settings
from tests.discussions.conftest import GUILD, START, TEXT, AddStory, FakeDiscord, FakePoster
from tests.discussions.test_store import old_schema_story

MOD = 4242


def notice(text: str = "The event of #1 could not be started.") -> NewNotice:
    return NewNotice("event", MOD, text, retry_at=START + timedelta(minutes=1))


async def a_discussion(db: Database, story: int) -> int:
    [discussion_id] = await store.create_discussions(
        db, GUILD, [NewDiscussion(story, 1, START + timedelta(hours=1), TEXT, True, (), 7)], now=START
    )
    return discussion_id


async def owed(db: Database) -> list[tuple[str, int, str]]:
    rows = await db.fetch_all("SELECT kind, channel_id, content FROM discussion_notices_owed ORDER BY id")
    return [(row[0], row[1], row[2]) for row in rows]


def test_event_notices_are_for_moderators() -> None:
    assert "event" in MODERATION_KINDS


async def test_a_refused_start_stores_a_failed_ending_and_owes_its_notice_once(
    db: Database, add_story: AddStory
) -> None:
    discussion_id = await a_discussion(db, await add_story())
    first = await store.event_start_refused(
        db, GUILD, discussion_id, 77, reason="I lack Create Events", now=START, notice=notice()
    )
    assert first is not None
    # A post resumed after a restart is refused again: the ending is there already, nothing more is owed.
    again = await store.event_start_refused(
        db, GUILD, discussion_id, 77, reason="I lack Create Events", now=START, notice=notice()
    )
    assert again is None
    row = await db.fetch_one("SELECT state, failure, event_id FROM discussion_event_ends")
    assert tuple(row) == ("failed", "I lack Create Events", 77)
    assert await owed(db) == [("event", MOD, "The event of #1 could not be started.")]
    assert await store.next_due(db) == START + timedelta(hours=1)  # the failed ending is no due item


async def test_a_refused_start_without_a_notice_keeps_the_reason_and_owes_nothing(
    db: Database, add_story: AddStory
) -> None:
    discussion_id = await a_discussion(db, await add_story())
    assert await store.event_start_refused(db, GUILD, discussion_id, 77, reason="no", now=START, notice=None) is None
    assert (await db.fetch_one("SELECT state FROM discussion_event_ends"))[0] == "failed"
    assert await owed(db) == []


async def test_a_failed_ending_owes_its_notice_only_when_it_changed_the_row(db: Database, add_story: AddStory) -> None:
    discussion_id = await a_discussion(db, await add_story())
    await store.schedule_event_end(db, GUILD, discussion_id, 77, START + timedelta(hours=2), now=START)
    [ending] = [item for item in await store.claim_due(db, START + timedelta(hours=2)) if item.kind == "event_end"]
    first = await store.mark_event_end(
        db, GUILD, ending.id, "failed", reason="I lack Create Events", now=START, notice=notice("ended")
    )
    assert first is not None
    second = await store.mark_event_end(db, GUILD, ending.id, "failed", reason="again", now=START, notice=notice("x"))
    assert second is None
    assert await owed(db) == [("event", MOD, "ended")]
    assert (await db.fetch_one("SELECT failure FROM discussion_event_ends"))[0] == "I lack Create Events"


async def test_the_migration_keeps_owed_notices_and_takes_the_event_kind(tmp_path: Path) -> None:
    migrations = load_migrations()
    before = next(m.version for m in migrations if m.name.startswith("0037_"))
    path = tmp_path / "old.sqlite3"
    old = await open_database(path, run_migrations=False)
    try:
        await migrate(old, migrations[:before])
        story = await old_schema_story(old)
        discussion_id = await a_discussion(old, story)
        for kind in ("missed", "failed"):
            await old.execute(
                "INSERT INTO discussion_notices_owed (guild_id, discussion_id, kind, channel_id, content, nonce,"
                " attempts, retry_at, created_at) VALUES (?, ?, ?, ?, ?, 'nkept', 2, 5, 1)",
                (GUILD, discussion_id, kind, MOD, f"kept {kind}"),
            )
        with pytest.raises(sqlite3.IntegrityError):
            async with old.transaction() as tx:
                await store.owe_notice(tx, GUILD, discussion_id, notice(), now=START)
        kept = await old.fetch_all("SELECT * FROM discussion_notices_owed ORDER BY id")
    finally:
        await old.close()
    db = await open_database(path)
    try:
        assert [tuple(row) for row in await db.fetch_all("SELECT * FROM discussion_notices_owed ORDER BY id")] == [
            tuple(row) for row in kept
        ]
        async with db.transaction() as tx:
            new_id = await store.owe_notice(tx, GUILD, discussion_id, notice(), now=START)
        got = await store.get_owed_notice(db, GUILD, new_id)
        assert got is not None and got.kind == "event"
        with pytest.raises(sqlite3.IntegrityError):
            await db.execute(
                "INSERT INTO discussion_notices_owed (guild_id, discussion_id, kind, channel_id, content, nonce,"
                " retry_at, created_at) VALUES (?, ?, 'bogus', 1, 'x', 'n', 0, 0)",
                (GUILD, discussion_id),
            )
        plan = await db.fetch_all("EXPLAIN QUERY PLAN SELECT min(retry_at) FROM discussion_notices_owed")
        assert any("discussion_notices_owed_due" in row["detail"] for row in plan)
        await db.execute("DELETE FROM discussions WHERE id = ?", (discussion_id,))
        assert await db.fetch_value("SELECT count(*) FROM discussion_notices_owed") == 0  # the cascade is kept
    finally:
        await db.close()


class BrokenEnding:
    """Scheduled events that start, but whose ending fails in a way nobody foresaw (a bug)."""

    def __init__(self) -> None:
        self.ends = 0

    async def start(self, guild_id: int, event_id: int) -> datetime | None:
        return START + timedelta(hours=2)

    async def end(self, guild_id: int, event_id: int) -> None:
        self.ends += 1
        raise RuntimeError("boom")

    async def cancel(self, guild_id: int, event_id: int) -> None:
        raise RuntimeError("boom")

    async def remove(self, guild_id: int, event_id: int) -> bool:
        return False


async def posted_with_an_event_then(
    db: Database, clock: ManualClock, world: FakeDiscord, story: int, events: BrokenEnding, *, hours: int
) -> int:
    """A discussion due in an hour with a scheduled event, a moderation channel set, and ``hours`` of the
    service's clock run an hour at a time (the post, then its event's end and any retries); its id."""
    world.kinds[MOD] = "text"
    await update_settings(db, GUILD, 0, mod_channel_id=MOD)
    discussion_id = await a_discussion(db, story)
    await store.set_event(db, GUILD, discussion_id, 77, now=START)
    service = DiscussionService(db, clock, FakePoster(world), grace=timedelta(hours=6), events=events)
    service.start()
    try:
        for _ in range(hours):
            await clock.advance(timedelta(hours=1))
            await service.wait_idle()
    finally:
        await service.stop()
    return discussion_id


async def test_an_ending_that_fails_unexpectedly_is_told_once_too(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory
) -> None:
    """The unexpected error's path marks the ending failed as a refusal does, and owes the same notice:
    the event is left live all the same."""
    events = BrokenEnding()
    discussion_id = await posted_with_an_event_then(db, clock, world, await add_story(), events, hours=5)
    assert (await store.get_discussion(db, GUILD, discussion_id)).state == "posted"  # type: ignore[union-attr]
    assert events.ends == 1 + 2  # and Dogear's own tries, 15 minutes and an hour later (session 45), not told
    [told] = world.posted(MOD)
    said = told.notice.content or ""
    assert f"#{discussion_id}" in said and "could not be ended" in said and "unexpected error" in said, said
    assert "end or delete it by hand" in said and told.notice.user_ids == () and told.notice.role_id is None
    assert "Create Events" not in said, said  # the permission was not what failed: it would mend nothing
    assert (await db.fetch_one("SELECT state FROM discussion_event_ends"))[0] == "failed"
    assert await owed(db) == []


class UnreachableEnding(BrokenEnding):
    """Scheduled events that start, but Discord never answers when it is time to end them."""

    async def end(self, guild_id: int, event_id: int) -> None:
        self.ends += 1
        raise Unreachable("ending the scheduled event: Discord could not be reached (connection reset)")


async def test_an_ending_discord_never_answered_is_told_without_the_permission_advice(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory
) -> None:
    """Once the retries are spent the event is left live, told once; giving Create Events would mend
    nothing, so only the hand-made way on is offered."""
    events = UnreachableEnding()
    discussion_id = await posted_with_an_event_then(db, clock, world, await add_story(), events, hours=12)
    assert events.ends == len(RETRY_DELAYS) + 1 + 2  # and Dogear's own tries, one call each (session 45)
    [told] = world.posted(MOD)
    said = told.notice.content or ""
    assert f"#{discussion_id}" in said and "could not be ended" in said and "could not be reached" in said, said
    assert "end or delete it by hand" in said and "Create Events" not in said, said
    assert (await db.fetch_one("SELECT state FROM discussion_event_ends"))[0] == "failed"
