"""A story removed (or its chapter taken out) under a running post, job, reminder or retry (session 46).

``/story remove`` takes the story's discussions, reminders, endings, owed adds and owed notices with
it (each row cascades from the story). A post, an event's start, a DM copy or an add in flight then
wrote a row naming its gone discussion: SQLite refused it ("FOREIGN KEY constraint failed"), the log
had a traceback, and the post was left half done (a thread opened, nobody let in). Each now ends
cleanly: the write of a gone parent writes nothing, and the service stops with one line in the log."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import pytest

from bot.clock import ManualClock
from bot.db import Database
from bot.discussions import prefs_store, store
from bot.discussions.compose import Notice
from bot.discussions.failures import PostFailure
from bot.discussions.service import DiscussionService
from bot.guilds import update_settings
from bot.progress.store import mark_read
from bot.story.service import remove_story
from tests.discussions.conftest import GUILD, START, TEXT, AddStory, FakeDiscord, FakePoster, StartBot, advance
from tests.discussions.test_event_refusals15 import a_discussion
from tests.discussions.test_service import item

MOD = 1009


def errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR or record.exc_info]


async def gone_discussion(db: Database, add_story: AddStory) -> int:
    """A discussion whose story was removed: its id, no row left."""
    story = await add_story()
    discussion_id = await a_discussion(db, story)
    await remove_story(db, GUILD, story)
    assert await store.get_discussion(db, GUILD, discussion_id) is None
    return discussion_id


async def test_the_writes_a_post_makes_after_its_story_went_write_nothing_and_raise_nothing(
    db: Database, add_story: AddStory
) -> None:
    """Storage: each insert naming a discussion (an ending, a refused start, an owed add or notice, a DM
    copy of a reminder) raised IntegrityError once the story was removed."""
    discussion_id = await gone_discussion(db, add_story)
    notice = store.NewNotice("failed", MOD, "x", retry_at=START)
    await store.schedule_event_end(db, GUILD, discussion_id, 77, START, now=START)
    assert await store.event_start_refused(db, GUILD, discussion_id, 77, reason="r", now=START, notice=notice) is None
    await store.owe_joins(db, GUILD, [store.Seat(discussion_id, 5, 42)], "refused", retry_at=START)
    assert not await store.take_dm_copy(db, GUILD, 1, 42, now=START)
    async with db.transaction() as tx:
        assert await store.owe_notice(tx, GUILD, discussion_id, notice, now=START) is None
    for table in ("discussion_event_ends", "discussion_joins_owed", "reminder_dm_copies", "discussion_notices_owed"):
        assert await db.fetch_value(f"SELECT count(*) FROM {table}") == 0, table


async def test_a_discussion_whose_story_is_removed_as_it_posts_stops_after_its_message(
    db: Database,
    clock: ManualClock,
    world: FakeDiscord,
    add_story: AddStory,
    start_bot: StartBot,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The message went out, then the story was removed: a thread was still opened for it (nobody let
    in, the discussion gone). Now nothing more is done, and the log says so in one line."""
    story = await add_story()
    await mark_read(db, GUILD, 42, story, 1, now=0)
    bot = await start_bot()
    [discussion_id] = await bot.service.schedule(GUILD, [item(story, START + timedelta(minutes=1))])

    async def removed() -> None:
        await remove_story(db, GUILD, story)

    world.after_send = removed
    with caplog.at_level(logging.INFO):
        await advance(bot, clock, timedelta(minutes=1))
        await advance(bot, clock, timedelta(hours=2))  # no retry either
    [message] = world.posted(TEXT)
    assert world.threads == {}
    assert errors(caplog) == []
    said = [record.getMessage() for record in caplog.records if f"discussion {discussion_id} " in record.getMessage()]
    assert any("was removed while it was being posted" in line and str(message.id) in line for line in said), said


class StartsLate:
    """Scheduled events whose start the story's removal overtakes (``during`` runs inside it)."""

    def __init__(self, during: object, refuse: bool = False) -> None:
        self.during = during
        self.refuse = refuse
        self.starts = 0

    async def start(self, guild_id: int, event_id: int) -> datetime | None:
        self.starts += 1
        await self.during()  # type: ignore[operator]
        if self.refuse:
            raise PostFailure("Discord refused to start it")
        return START + timedelta(hours=2)

    async def end(self, guild_id: int, event_id: int) -> None:
        raise AssertionError("the event of a removed story is deleted, never ended")

    async def cancel(self, guild_id: int, event_id: int) -> None:
        raise AssertionError("the event of a removed story is deleted, never cancelled")

    async def remove(self, guild_id: int, event_id: int) -> bool:
        return True


@pytest.mark.parametrize("refuse", [False, True])
async def test_a_story_removed_while_its_event_starts_leaves_no_ending_and_no_traceback(
    db: Database,
    clock: ManualClock,
    world: FakeDiscord,
    add_story: AddStory,
    caplog: pytest.LogCaptureFixture,
    refuse: bool,
) -> None:
    world.kinds[MOD] = "text"
    await update_settings(db, GUILD, 0, mod_channel_id=MOD)
    story = await add_story()
    discussion_id = await a_discussion(db, story)
    await store.set_event(db, GUILD, discussion_id, 77, now=START)

    async def removed() -> None:
        await remove_story(db, GUILD, story)

    events = StartsLate(removed, refuse=refuse)
    service = DiscussionService(db, clock, FakePoster(world), grace=timedelta(hours=6), events=events)
    service.start()
    try:
        for _ in range(3):
            await clock.advance(timedelta(hours=1))
            await service.wait_idle()
    finally:
        await service.stop()
    assert events.starts == 1
    assert errors(caplog) == []
    assert world.threads == {} and world.posted(MOD) == []
    assert await db.fetch_value("SELECT count(*) FROM discussion_event_ends") == 0


class RemovedAtFirstDm(FakePoster):
    """The story is removed while the reminder's first DM copy is on its way."""

    def __init__(self, world: FakeDiscord, removal: object) -> None:
        super().__init__(world)
        self.removal = removal

    async def send_dm(self, user_id: int, notice: Notice) -> bool:
        removal, self.removal = self.removal, None
        if removal is not None:
            await removal()  # type: ignore[operator]
        return await super().send_dm(user_id, notice)


async def test_a_reminder_whose_story_is_removed_between_two_dm_copies_sends_no_more(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, caplog: pytest.LogCaptureFixture
) -> None:
    """The copies went on to every member (a removed story's reminder), and the closed DMs' telling
    raised on its gone discussion."""
    story = await add_story()
    for member in (41, 42, 43):
        await mark_read(db, GUILD, member, story, 1, now=0)
        await prefs_store.set_reminder_prefs(db, GUILD, member, dm=True, off=None, now=START)
    world.closed_dms.add(41)

    async def removed() -> None:
        await remove_story(db, GUILD, story)

    service = DiscussionService(db, clock, RemovedAtFirstDm(world, removed), grace=timedelta(hours=6))
    service.start()
    try:
        await service.schedule(GUILD, [item(story, START + timedelta(hours=2), remind=(timedelta(hours=1),))])
        for _ in range(3):
            await clock.advance(timedelta(hours=1))
            await service.wait_idle()
    finally:
        await service.stop()
    assert errors(caplog) == []
    assert world.dm_attempts == 1 and world.dms == {}  # member 41's copy, refused; nobody else's
    assert await db.fetch_value("SELECT count(*) FROM reminder_dm_copies") == 0
    assert await db.fetch_value("SELECT count(*) FROM discussion_notices_owed") == 0


async def test_a_discussion_being_posted_of_a_chapter_an_update_takes_out_is_cancelled_not_left_on_its_number(
    db: Database, add_story: AddStory
) -> None:
    """Only scheduled, failed and missed ones of a chapter taken out were cancelled: one being posted
    kept its number, which the next chapter holds now, and went on to open its thread and let in that
    chapter's readers under the old chapter's title."""
    story = await add_story()
    [posting, scheduled] = await store.create_discussions(
        db, GUILD, [item(story, START + timedelta(minutes=1), chapter=3), item(story, START + timedelta(hours=5), chapter=4)],
        now=START,
    )  # fmt: skip
    [claimed] = await store.claim_due(db, START + timedelta(minutes=1))
    assert claimed.id == posting
    moves = {1: 1, 2: 2, 3: None, **{old: old - 1 for old in range(4, 10)}}
    async with db.transaction() as tx:
        cancelled = await store.renumber_discussions(tx, GUILD, story, moves, START.timestamp(), {})
    assert cancelled == [(posting, 3)]
    gone = await store.get_discussion(db, GUILD, posting)
    assert gone is not None and (gone.state, gone.chapter) == ("cancelled", 3)
    moved = await store.get_discussion(db, GUILD, scheduled)
    assert moved is not None and (moved.state, moved.chapter) == ("scheduled", 3)
    assert not await store.record_discussion_message(
        db, GUILD, posting, channel_id=TEXT, message_id=9, thread_id=None, now=START
    )


async def test_a_discussion_cancelled_as_its_reminder_posts_sends_no_dm_copies_of_it(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, caplog: pytest.LogCaptureFixture
) -> None:
    """``/discussion cancel`` (or ``/story update`` taking its chapter out) while the reminder's message
    was with Discord: the reminder was settled 'cancelled', yet the members who chose DM copies were
    each sent one, reminding them of a discussion that will not happen."""
    story = await add_story()
    for member in (42, 43):
        await mark_read(db, GUILD, member, story, 1, now=0)
        await prefs_store.set_reminder_prefs(db, GUILD, member, dm=True, off=None, now=START)
    service = DiscussionService(db, clock, FakePoster(world), grace=timedelta(hours=6))
    service.start()
    try:
        [discussion_id] = await service.schedule(
            GUILD, [item(story, START + timedelta(hours=2), remind=(timedelta(hours=1),))]
        )

        async def cancelled() -> None:
            await store.cancel_discussion(db, GUILD, discussion_id, now=clock.now())

        world.after_send = cancelled
        with caplog.at_level(logging.INFO):
            for _ in range(3):
                await clock.advance(timedelta(hours=1))
                await service.wait_idle()
    finally:
        await service.stop()
    assert errors(caplog) == []
    assert len(world.posted(TEXT)) == 1 and world.dms == {}
    said = [record.getMessage() for record in caplog.records]
    assert any("settled while it was being posted" in line for line in said), said


async def test_a_discussion_cancelled_between_two_dm_copies_of_its_reminder_gets_no_more(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, caplog: pytest.LogCaptureFixture
) -> None:
    story = await add_story()
    for member in (41, 42, 43):
        await mark_read(db, GUILD, member, story, 1, now=0)
        await prefs_store.set_reminder_prefs(db, GUILD, member, dm=True, off=None, now=START)
    cancel: list[int] = []

    async def cancelled() -> None:
        await store.cancel_discussion(db, GUILD, cancel[0], now=clock.now())

    service = DiscussionService(db, clock, RemovedAtFirstDm(world, cancelled), grace=timedelta(hours=6))
    service.start()
    try:
        cancel += await service.schedule(GUILD, [item(story, START + timedelta(hours=2), remind=(timedelta(hours=1),))])
        for _ in range(3):
            await clock.advance(timedelta(hours=1))
            await service.wait_idle()
    finally:
        await service.stop()
    assert errors(caplog) == []
    assert list(world.dms) == [41]  # the copy on its way when the admin cancelled; none after it
    assert await db.fetch_value("SELECT count(*) FROM reminder_dm_copies") == 0
