"""Storage on a real SQLite file for the refused events ``/discussion list`` shows (session 44).

A scheduled event Discord refused to start, end or cancel was kept on its ending ('failed', the
reason) and told only in a moderation channel: in a club without one no admin ever learned of it.
Its ending now keeps what was refused and whether the missing Create Events permission was why
(migration 0039), and :func:`store.refused_events` lists the server's refusals that still matter:
not dismissed, not older than 14 days, of a discussion not cancelled, moved or removed."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from bot.clock import ManualClock
from bot.db import Database, load_migrations, migrate, open_database
from bot.discussions import store
from bot.discussions.failures import EventsForbidden
from bot.discussions.service import DiscussionService
from bot.discussions.store import NewDiscussion, RefusedEvent
from bot.story.service import remove_from_library
from tests.discussions.conftest import GUILD, OTHER_GUILD, START, TEXT, AddStory, FakeDiscord, FakePoster
from tests.discussions.test_store import old_schema_story

WHY = "starting the scheduled event: I lack Create Events (Missing Permissions)"


async def a_discussion(db: Database, story: int, guild_id: int = GUILD, chapter: int = 1) -> int:
    [discussion_id] = await store.create_discussions(
        db, guild_id, [NewDiscussion(story, chapter, START + timedelta(hours=1), TEXT, True, (), 7)], now=START
    )
    return discussion_id


async def start_refused(db: Database, discussion_id: int, *, at: datetime = START, guild_id: int = GUILD) -> None:
    await store.event_start_refused(db, guild_id, discussion_id, 77, reason=WHY, now=at, notice=None, forbidden=True)


async def ending_refused(
    db: Database, discussion_id: int, refused: str, *, forbidden: bool, at: datetime = START
) -> None:
    """The ending stored, claimed at its time and settled failed as the service does."""
    await store.schedule_event_end(db, GUILD, discussion_id, 77, at, now=START)
    [ending] = [item for item in await store.claim_due(db, at) if item.kind == "event_end"]
    await store.mark_event_end(
        db, GUILD, ending.id, "failed", reason="ending it: Discord said no", now=at,
        refused=refused, forbidden=forbidden,  # type: ignore[arg-type]
    )  # fmt: skip


async def listed(db: Database, now: datetime = START, guild_id: int = GUILD, limit: int = 25) -> list[RefusedEvent]:
    return await store.refused_events(db, guild_id, now=now, limit=limit)


async def test_a_refused_start_is_listed_with_what_was_refused_when_and_why(db: Database, add_story: AddStory) -> None:
    discussion_id = await a_discussion(db, await add_story(title="Unlit Beacon"), chapter=3)
    await start_refused(db, discussion_id, at=START + timedelta(hours=1))
    assert await listed(db, START + timedelta(hours=2)) == [
        RefusedEvent(discussion_id, "Unlit Beacon", 3, "start", START + timedelta(hours=1), WHY, True)
    ]


async def test_a_refused_end_and_a_refused_cancel_are_listed_and_an_ended_one_is_not(
    db: Database, add_story: AddStory
) -> None:
    story = await add_story()
    ended = await a_discussion(db, story, chapter=1)
    cancelled = await a_discussion(db, story, chapter=2)
    fine = await a_discussion(db, story, chapter=3)
    await ending_refused(db, ended, "end", forbidden=False, at=START + timedelta(hours=1))
    await ending_refused(db, cancelled, "cancel", forbidden=True, at=START + timedelta(hours=2))
    await store.schedule_event_end(db, GUILD, fine, 78, START + timedelta(hours=3), now=START)
    [ending] = [item for item in await store.claim_due(db, START + timedelta(hours=3)) if item.kind == "event_end"]
    await store.mark_event_end(db, GUILD, ending.id, "ended", reason=None, now=START + timedelta(hours=3))
    found = await listed(db, START + timedelta(hours=4))
    assert [(r.discussion_id, r.refused, r.forbidden) for r in found] == [
        (cancelled, "cancel", True),
        (ended, "end", False),
    ]
    assert found[1].reason == "ending it: Discord said no" and found[1].refused_at == START + timedelta(hours=1)


async def test_a_dismissed_refusal_leaves_the_list_once_and_is_never_stored_again(
    db: Database, add_story: AddStory
) -> None:
    discussion_id = await a_discussion(db, await add_story())
    await start_refused(db, discussion_id)
    assert await store.dismiss_refused_event(db, GUILD, discussion_id, now=START) is True
    assert await listed(db) == []
    assert await store.dismiss_refused_event(db, GUILD, discussion_id, now=START) is False  # already off
    await start_refused(db, discussion_id)  # a post resumed after a restart, refused again
    assert await listed(db) == []
    assert await db.fetch_value("SELECT count(*) FROM discussion_event_ends") == 1


async def test_every_query_is_scoped_to_its_server(db: Database, add_story: AddStory) -> None:
    here = await a_discussion(db, await add_story())
    there = await a_discussion(db, await add_story(OTHER_GUILD), guild_id=OTHER_GUILD)
    await start_refused(db, here)
    await start_refused(db, there, guild_id=OTHER_GUILD)
    assert [r.discussion_id for r in await listed(db)] == [here]
    assert [r.discussion_id for r in await listed(db, guild_id=OTHER_GUILD)] == [there]
    # Another server's admin naming this server's discussion dismisses nothing.
    assert await store.dismiss_refused_event(db, OTHER_GUILD, here, now=START) is False
    assert [r.discussion_id for r in await listed(db)] == [here]


async def test_a_refusal_older_than_fourteen_days_is_no_longer_listed(db: Database, add_story: AddStory) -> None:
    discussion_id = await a_discussion(db, await add_story())
    await start_refused(db, discussion_id)
    assert len(await listed(db, START + store.REFUSALS_LISTED_FOR)) == 1
    assert await listed(db, START + store.REFUSALS_LISTED_FOR + timedelta(seconds=1)) == []
    assert store.REFUSALS_LISTED_FOR.days == 14


async def test_a_cancelled_moved_or_removed_discussion_takes_its_refusal_off_the_list(
    db: Database, add_story: AddStory
) -> None:
    story = await add_story()
    cancelled, moved = await a_discussion(db, story, chapter=1), await a_discussion(db, story, chapter=2)
    for discussion_id in (cancelled, moved):
        await store.mark_discussion(db, GUILD, discussion_id, "failed", reason="no channel", now=START)
        await ending_refused(db, discussion_id, "cancel", forbidden=True)
    assert len(await listed(db)) == 2
    await store.cancel_discussion(db, GUILD, cancelled, now=START)  # its event is owed a deletion now
    await store.move_discussion(db, GUILD, moved, START + timedelta(days=2), now=START)  # its ending goes
    assert await listed(db) == []
    removed_story = await add_story(title="Gone Beacon")
    removed = await a_discussion(db, removed_story)
    await start_refused(db, removed)
    assert len(await listed(db)) == 1
    await remove_from_library(db, GUILD, removed_story)
    assert await listed(db) == []


async def test_the_list_is_bounded_newest_first(db: Database, add_story: AddStory) -> None:
    story = await add_story(chapters=9)
    ids = [await a_discussion(db, story, chapter=n) for n in range(1, 6)]
    for hour, discussion_id in enumerate(ids):
        await start_refused(db, discussion_id, at=START + timedelta(hours=hour))
    assert [r.discussion_id for r in await listed(db, START + timedelta(hours=9), limit=3)] == ids[::-1][:3]
    plan = await db.fetch_all(
        "EXPLAIN QUERY PLAN SELECT e.id FROM discussion_event_ends e"
        " WHERE e.guild_id = 1 AND e.state = 'failed' AND e.dismissed_at IS NULL AND e.updated_at >= 0"
    )
    assert any("discussion_event_ends_refused" in row["detail"] for row in plan), [row["detail"] for row in plan]


async def test_the_migration_reads_back_what_earlier_refusals_were(tmp_path: Path) -> None:
    """Rows refused before 0039: a start was stored failed and never claimed; an ending of a discussion
    that never posted was a cancel; the rest ends. Forbidden when the reason names Create Events."""
    migrations = load_migrations()
    before = next(m.version for m in migrations if m.name.startswith("0039_"))
    path = tmp_path / "old.sqlite3"
    old = await open_database(path, run_migrations=False)
    try:
        await migrate(old, migrations[: before - 1])
        story = await old_schema_story(old)
        rows = []
        for chapter, state, attempts, ending, failure in (
            (1, "posted", 0, "failed", "starting the scheduled event: I lack Create Events (Missing Permissions)"),
            (2, "posted", 1, "failed", "ending the scheduled event: Discord could not be reached"),
            (1, "failed", 1, "failed", None),
            (2, "posted", 1, "ended", None),
        ):
            discussion_id = await old.execute(
                "INSERT INTO discussions (guild_id, story_id, chapter, due_at, channel_id, channel_explicit,"
                " remind_offsets, state, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, 1, 1, '', ?, 7, 0, 0)",
                (GUILD, story, chapter, START.timestamp() + len(rows), state),
            )
            await old.execute(
                "INSERT INTO discussion_event_ends (guild_id, discussion_id, event_id, due_at, state, failure,"
                " attempts, updated_at) VALUES (?, ?, 77, 0, ?, ?, ?, ?)",
                (GUILD, discussion_id, ending, failure, attempts, START.timestamp()),
            )
            rows.append(discussion_id)
    finally:
        await old.close()
    db = await open_database(path)
    try:
        got = await db.fetch_all("SELECT discussion_id, refused, forbidden, dismissed_at FROM discussion_event_ends")
        assert {row[0]: (row[1], row[2], row[3]) for row in got} == {
            rows[0]: ("start", 1, None),
            rows[1]: ("end", 0, None),
            rows[2]: ("cancel", 0, None),
            rows[3]: (None, 0, None),
        }
        assert [r.discussion_id for r in await listed(db)] == rows[:3][::-1]  # the same time: the newest row first
    finally:
        await db.close()


class ForbiddenStart:
    """Scheduled events Dogear's role may not start (it lost Create Events)."""

    async def start(self, guild_id: int, event_id: int) -> datetime | None:
        raise EventsForbidden(WHY)

    async def end(self, guild_id: int, event_id: int) -> None:
        raise AssertionError("a refused start is never ended")

    async def cancel(self, guild_id: int, event_id: int) -> None:
        raise AssertionError("a posted discussion's event is never cancelled")

    async def remove(self, guild_id: int, event_id: int) -> bool:
        return False


async def test_the_service_stores_a_refused_start_as_listed_without_a_moderation_channel(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory
) -> None:
    discussion_id = await a_discussion(db, await add_story(title="Quiet Beacon"))
    await store.set_event(db, GUILD, discussion_id, 77, now=START)
    service = DiscussionService(db, clock, FakePoster(world), grace=timedelta(hours=6), events=ForbiddenStart())
    service.start()
    try:
        await clock.advance(timedelta(hours=1))
        await service.wait_idle()
    finally:
        await service.stop()
    assert (await store.get_discussion(db, GUILD, discussion_id)).state == "posted"  # type: ignore[union-attr]
    [refused] = await listed(db, clock.now())
    assert (refused.discussion_id, refused.story_title, refused.refused, refused.forbidden) == (
        discussion_id, "Quiet Beacon", "start", True,
    )  # fmt: skip
    assert refused.reason == WHY
