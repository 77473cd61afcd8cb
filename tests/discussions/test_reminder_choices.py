"""Reminders members control (issue 14, point 5): off, DM copies, closed DMs told once and never retried."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.clock import ManualClock
from bot.db import Database
from bot.discussions import prefs_store as store
from bot.discussions.reminder_choices import choose_reminders, describe_reminder_prefs
from bot.discussions.store import NewDiscussion
from bot.errors import UserError
from bot.progress.store import mark_read
from tests.discussions.conftest import GUILD, OTHER_GUILD, START, TEXT, AddStory, FakeDiscord, StartBot

HOURLY = (timedelta(hours=2), timedelta(hours=1))


def discussion(story_id: int, hours: float, chapter: int = 3) -> NewDiscussion:
    return NewDiscussion(story_id, chapter, START + timedelta(hours=hours), TEXT, True, HOURLY, 7)


async def test_choices_are_stored_per_member_and_server(db: Database) -> None:
    changed, prefs = await choose_reminders(db, GUILD, 1, dm=None, off=None, now=START)
    assert not changed and prefs == store.ReminderPrefs()
    assert "No DM copies" in describe_reminder_prefs(changed, prefs)
    changed, prefs = await choose_reminders(db, GUILD, 1, dm=True, off=None, now=START)
    assert changed and prefs.dm and not prefs.off
    _, prefs = await choose_reminders(db, GUILD, 1, dm=None, off=True, now=START)
    assert prefs.dm and prefs.off and "**off**" in describe_reminder_prefs(True, prefs)
    # DM copies chosen and reminders off: the answer says the DM choice waits, not that it was dropped.
    assert "Your DM copies come back when you turn reminders on again." in describe_reminder_prefs(True, prefs)
    assert (await store.get_reminder_prefs(db, OTHER_GUILD, 1)) == store.ReminderPrefs()
    assert await store.reminders_off(db, GUILD) == {1} and await store.reminders_off(db, OTHER_GUILD) == set()


async def test_off_members_are_not_named_and_dm_copies_go_to_those_who_started(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    story = await add_story()
    for user_id in (1, 2, 3):
        await mark_read(db, GUILD, user_id, story, 1, now=0)  # all behind chapter 3
    await store.set_reminder_prefs(db, GUILD, 2, dm=None, off=True, now=START)
    await store.set_reminder_prefs(db, GUILD, 3, dm=True, off=None, now=START)
    await store.set_reminder_prefs(db, GUILD, 4, dm=True, off=None, now=START)  # never started the story
    bot = await start_bot()
    await bot.service.schedule(GUILD, [discussion(story, 3)])
    await clock.advance(timedelta(hours=1))
    await bot.settle()
    [reminder] = world.posted(TEXT)
    assert reminder.notice.content is not None
    assert "<@1>" in reminder.notice.content and "<@3>" in reminder.notice.content
    assert "<@2>" not in reminder.notice.content and 2 not in reminder.notice.user_ids
    assert list(world.dms) == [3]
    [copy] = world.dms[3]
    assert copy.content is not None and "chapter 3" in copy.content and f"<#{TEXT}>" in copy.content
    assert not copy.user_ids and copy.role_id is None  # a DM pings no one


async def test_closed_dms_are_told_once_under_the_reminder_and_never_retried(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    story = await add_story()
    await mark_read(db, GUILD, 5, story, 1, now=0)
    await store.set_reminder_prefs(db, GUILD, 5, dm=True, off=None, now=START)
    world.closed_dms.add(5)
    bot = await start_bot()
    await bot.service.schedule(GUILD, [discussion(story, 3), discussion(story, 5, chapter=4)])
    for _ in range(4):  # four reminders over four hours
        await clock.advance(timedelta(hours=1))
        await bot.settle()
    assert world.dm_attempts == 1  # tried once, remembered, never again
    posts = world.posted(TEXT)
    told = [p for p in posts if p.notice.reply_to is not None]
    assert len(told) == 1 and "<@5>" in (told[0].notice.content or "") and not told[0].notice.user_ids
    assert told[0].notice.reply_to == posts[0].id  # a reply to the first reminder
    assert (await store.get_reminder_prefs(db, GUILD, 5)).dm_failed
    # Choosing DM copies again (after opening DMs) tries again.
    world.closed_dms.clear()
    _, prefs = await choose_reminders(db, GUILD, 5, dm=True, off=None, now=clock.now())
    assert not prefs.dm_failed
    await bot.service.schedule(GUILD, [discussion(story, 8, chapter=5)])
    await clock.advance(timedelta(hours=2))
    await bot.settle()
    assert world.dm_attempts == 2 and len(world.dms[5]) == 1


async def test_dm_copies_and_off_together_are_asked_about_and_nothing_is_saved(db: Database) -> None:
    """Session 35: `dm:true off:true` saved both, the DM copies waiting unseen behind "off"."""
    await choose_reminders(db, GUILD, 5, dm=False, off=False, now=START)
    with pytest.raises(UserError, match="ask for opposite things"):
        await choose_reminders(db, GUILD, 5, dm=True, off=True, now=START)
    assert await store.get_reminder_prefs(db, GUILD, 5) == store.ReminderPrefs()
    # Guard: DM copies off and reminders off together are one wish, saved.
    changed, prefs = await choose_reminders(db, GUILD, 5, dm=False, off=True, now=START)
    assert changed and prefs.off and not prefs.dm
