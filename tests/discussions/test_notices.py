"""Notices a discussion's state change owes its channel reach it once, across kills and Discord's failures.

A missed discussion's notice and the closed-DMs notice under a reminder were posted once, after the
write, with no nonce and no retry: a kill or a 5xx in between and nobody was ever told.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from bot.clock import ManualClock
from bot.db import Database
from bot.discussions import prefs_store, store
from bot.discussions.service import RETRY_DELAYS
from bot.discussions.store import NewDiscussion
from bot.guilds import update_settings
from bot.progress.store import mark_read
from tests.discussions.conftest import (
    CLUB,
    FORUM,
    GUILD,
    START,
    TEXT,
    AddStory,
    Bot,
    FakeDiscord,
    FakePoster,
    StartBot,
    advance,
    until_crashed,
)


def item(story_id: int, due: datetime, *, channel: int = TEXT, remind: tuple = ()) -> NewDiscussion:
    return NewDiscussion(
        story_id=story_id,
        chapter=1,
        due_at=due,
        channel_id=channel,
        channel_explicit=True,
        remind=remind,
        created_by=7,
    )


def notices(world: FakeDiscord, channel: int = TEXT) -> list[str]:
    return [m.notice.content or "" for m in world.posted(channel) if m.notice.embed is None]


async def owed(db: Database) -> int:
    return int(await db.fetch_value("SELECT count(*) FROM discussion_notices_owed") or 0)


async def missed_while_down(db: Database, clock: ManualClock, add_story: AddStory, channel: int = TEXT) -> int:
    """A discussion due an hour from now, and the bot down for eight hours (past a six hour grace)."""
    story = await add_story()
    [discussion_id] = await store.create_discussions(
        db, GUILD, [item(story, START + timedelta(hours=1), channel=channel)], now=START
    )
    await clock.advance(timedelta(hours=8))
    return discussion_id


async def test_a_missed_notice_a_kill_kept_back_is_posted_once_after_the_restart(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    discussion_id = await missed_while_down(db, clock, add_story)
    crashing = await start_bot(crash_before_notice=True)  # killed after marking it missed, before telling
    await until_crashed(crashing)
    found = await store.get_discussion(db, GUILD, discussion_id)
    assert found is not None and found.state == "missed" and notices(world) == []

    await clock.advance(timedelta(minutes=30))
    restarted = await start_bot(fresh=True)
    await advance(restarted, clock, RETRY_DELAYS[0])
    [told] = notices(world)
    assert "was not posted" in told and f"/discussion move id:{discussion_id}" in told
    assert world.posted(TEXT)[0].nonce  # sent with the owed row's nonce
    await advance(restarted, clock, timedelta(hours=3))
    assert len(notices(world)) == 1 and await owed(db) == 0


async def test_a_missed_notice_discord_could_not_take_is_tried_again_and_found_not_resent(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    await missed_while_down(db, clock, add_story)
    world.outage, world.answer_lost = 1, True  # Discord took it; only its answer was lost
    bot = await start_bot()
    assert len(notices(world)) == 1 and await owed(db) == 1
    await advance(bot, clock, RETRY_DELAYS[0] + timedelta(minutes=10))  # past the nonce's minutes
    assert len(notices(world)) == 1 and bot.poster.history_checks == 1 and await owed(db) == 0


async def test_a_missed_notice_is_tried_after_each_delay_then_given_up(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    await missed_while_down(db, clock, add_story)
    world.outage = 3
    bot = await start_bot()
    await advance(bot, clock, RETRY_DELAYS[0])
    await advance(bot, clock, RETRY_DELAYS[1])
    assert notices(world) == []
    await advance(bot, clock, RETRY_DELAYS[2])
    assert len(notices(world)) == 1 and await owed(db) == 0

    world.outage = 100  # an outage longer than every delay: given up, never retried in a loop
    await missed_while_down(db, clock, lambda: add_story(title="Another"))
    bot.service.schedules_changed()
    await bot.settle()
    for delay in RETRY_DELAYS:
        await advance(bot, clock, delay)
    assert await owed(db) == 0 and len(notices(world)) == 1


async def test_a_missed_notice_refused_for_good_is_given_up_at_once(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    await update_settings(db, GUILD, 0, club_channel_id=CLUB)
    world.forbidden.add(CLUB)
    await missed_while_down(db, clock, add_story, channel=FORUM)  # a forum's notice goes to the club channel
    bot = await start_bot()
    assert await owed(db) == 0 and world.all_posts() == []
    assert await bot.service.notices.next_due() is None


async def test_closed_dms_notice_a_kill_kept_back_is_told_once_after_the_restart(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    """The member was marked never to be tried again, then killed before being told: told after the restart."""
    story = await add_story()
    await mark_read(db, GUILD, 5, story, 1, now=0)
    await prefs_store.set_reminder_prefs(db, GUILD, 5, dm=True, off=None, now=START)
    world.closed_dms.add(5)
    crashing = await start_bot(crash_before_notice=True)
    await crashing.service.schedule(GUILD, [item(story, START + timedelta(hours=2), remind=(timedelta(hours=1),))])
    await clock.advance(timedelta(hours=1))
    await until_crashed(crashing)
    assert (await prefs_store.get_reminder_prefs(db, GUILD, 5)).dm_failed and notices(world) == []

    restarted = await start_bot(fresh=True)
    await advance(restarted, clock, RETRY_DELAYS[0])
    [reminder, told] = world.posted(TEXT)
    assert told.notice.embed is None and "<@5>" in (told.notice.content or "") and not told.notice.user_ids
    assert told.notice.reply_to == reminder.id
    await advance(restarted, clock, timedelta(hours=3))
    assert len(notices(world)) == 1 and world.dm_attempts == 1


async def test_a_retry_leaves_a_notice_whose_first_try_still_waits_on_discord_to_it(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory
) -> None:
    """The first try sleeps out a rate limit past the first retry's delay and past the nonce's minutes:
    the retry found nothing in the channel and posted, then the first try posted too."""
    await missed_while_down(db, clock, add_story)
    world.notice_gate = gate = asyncio.Event()
    bot = Bot(db, clock, FakePoster(world), timedelta(hours=6))
    bot.service.start()
    try:
        await asyncio.wait_for(world.held.wait(), 5)  # the first try is waiting on Discord
        await clock.advance(RETRY_DELAYS[0])
        await bot.service.timer.wait_idle()
        await clock.advance(timedelta(minutes=10))  # past the nonce's minutes
        await bot.service.timer.wait_idle()
        assert notices(world) == [] and await owed(db) == 1  # the retry left it to the try in flight
        gate.set()  # the first try reaches Discord at last
        await bot.settle()
        assert len(notices(world)) == 1 and await owed(db) == 0
        await advance(bot, clock, timedelta(hours=2))
        assert len(notices(world)) == 1 and bot.service.timer.served_rounds < 10  # held off, never spinning
    finally:
        await bot.service.stop()
