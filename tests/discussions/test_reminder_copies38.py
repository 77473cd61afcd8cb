"""A reminder's DM copies, recorded per member as each goes out (migration 0034): a process that dies
between two members' copies leaves the rest to the next start, within the reminder's grace, and nobody
gets two."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import ManualClock
from bot.db import Database
from bot.discussions import prefs_store
from bot.discussions.store import NewDiscussion
from bot.progress.store import mark_read
from tests.discussions.conftest import GUILD, START, TEXT, AddStory, FakeDiscord, StartBot, reminders_of, until_crashed

MEMBERS = (3, 4, 5)


async def three_wanting_copies(db: Database, add_story: AddStory) -> NewDiscussion:
    """A discussion due in 2 h with a 1 h reminder; three members behind who chose DM copies."""
    story = await add_story()
    for user_id in MEMBERS:
        await mark_read(db, GUILD, user_id, story, 1, now=0)
        await prefs_store.set_reminder_prefs(db, GUILD, user_id, dm=True, off=None, now=START)
    return NewDiscussion(story, 3, START + timedelta(hours=2), TEXT, True, (timedelta(hours=1),), 7)


def copies(world: FakeDiscord) -> list[int]:
    return [len(world.dms.get(user_id, [])) for user_id in MEMBERS]


async def test_copies_cut_off_by_a_crash_go_to_the_others_after_the_restart_once_each(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    """The copies went out after the reminder was recorded, with nothing kept per member: the restart
    sent none, and the second and third members never got theirs."""
    planned = await three_wanting_copies(db, add_story)
    crashing = await start_bot(crash_after_dm=True)
    [discussion_id] = await crashing.service.schedule(GUILD, [planned])
    await clock.advance(timedelta(hours=1))
    await until_crashed(crashing)
    assert copies(world) == [1, 0, 0]
    [reminder] = await reminders_of(db, discussion_id)
    assert reminder.state == "posted" and reminder.copies_pending

    await clock.advance(timedelta(minutes=5))  # within the grace
    restarted = await start_bot(fresh=True)
    await restarted.settle()
    assert copies(world) == [1, 1, 1]
    [reminder] = await reminders_of(db, discussion_id)
    assert not reminder.copies_pending
    assert await db.fetch_value("SELECT count(*) FROM reminder_dm_copies") == 0
    again = await start_bot(fresh=True)  # a further start owes nothing
    await again.settle()
    assert copies(world) == [1, 1, 1] and len(world.posted(TEXT)) == 1


async def test_copies_still_owed_past_the_reminders_grace_are_dropped_not_sent(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    planned = await three_wanting_copies(db, add_story)
    crashing = await start_bot(crash_after_dm=True)
    [discussion_id] = await crashing.service.schedule(GUILD, [planned])
    await clock.advance(timedelta(hours=1))
    await until_crashed(crashing)

    await clock.advance(timedelta(minutes=50))  # the reminder's 2 min grace is long past; the discussion is not
    restarted = await start_bot(fresh=True, grace=timedelta(0))
    await restarted.settle()
    assert copies(world) == [1, 0, 0]
    [reminder] = await reminders_of(db, discussion_id)
    assert reminder.state == "posted" and not reminder.copies_pending
    assert await db.fetch_value("SELECT count(*) FROM reminder_dm_copies") == 0


async def test_a_member_whose_dms_refused_before_a_crash_is_told_once_after_the_restart(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    """The refusal is recorded with the member's copy, so the telling survives the crash that came
    before the copies were done (and the member is not tried again)."""
    planned = await three_wanting_copies(db, add_story)
    world.closed_dms.add(3)
    crashing = await start_bot(crash_after_dm=True)  # member 3 refused, member 4 delivered, then the crash
    [discussion_id] = await crashing.service.schedule(GUILD, [planned])
    await clock.advance(timedelta(hours=1))
    await until_crashed(crashing)
    assert copies(world) == [0, 1, 0] and world.dm_attempts == 2

    restarted = await start_bot(fresh=True)
    await restarted.settle()
    assert copies(world) == [0, 1, 1] and world.dm_attempts == 3
    [reminder, told] = world.posted(TEXT)
    assert told.notice.reply_to == reminder.id and "<@3>" in (told.notice.content or "")
    assert (await prefs_store.get_reminder_prefs(db, GUILD, 3)).dm_failed
    [stored] = await reminders_of(db, discussion_id)
    assert not stored.copies_pending


async def test_a_reminder_held_back_by_a_full_disk_past_its_grace_is_recorded_posted_not_missed(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    """Discord took the reminder, then the database refused its record (a full disk; here SQLite's
    query_only, which refuses a write as a read-only file does) until its grace had passed: it was
    marked missed, and /discussion list reported a reminder the club had seen as never sent."""
    planned = await three_wanting_copies(db, add_story)

    async def disk_fills() -> None:
        await db.connection.execute("PRAGMA query_only = 1")

    world.after_send = disk_fills
    bot = await start_bot(grace=timedelta(0))  # the reminder's grace: 2 min
    [discussion_id] = await bot.service.schedule(GUILD, [planned])
    await clock.advance(timedelta(hours=1))
    await bot.settle()
    for _ in range(18):  # three minutes of refused retries
        await clock.advance(timedelta(seconds=10))
        await bot.settle()
    [post] = world.posted(TEXT)
    [reminder] = await reminders_of(db, discussion_id)
    assert reminder.state == "posting"
    await db.connection.execute("PRAGMA query_only = 0")  # the disk has room again
    await clock.advance(timedelta(minutes=6))
    await bot.settle()
    [reminder] = await reminders_of(db, discussion_id)
    assert (reminder.state, reminder.message_id, reminder.channel_id) == ("posted", post.id, TEXT)
    assert world.posted(TEXT) == [post]
    assert copies(world) == [0, 0, 0]  # past its grace: no DM copy is owed


async def test_a_copy_discord_failed_on_its_side_is_sent_on_a_later_try_within_the_grace(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    """A 5xx (or a 429 left after discord.py's own retries) on one member's copy marked it taken: that
    member never got it, though Discord would have taken it a minute later. A closed DM beside it is
    still tried once and told once."""
    planned = await three_wanting_copies(db, add_story)
    world.dm_outage[4] = 1
    world.closed_dms.add(5)
    bot = await start_bot()
    [discussion_id] = await bot.service.schedule(GUILD, [planned])
    await clock.advance(timedelta(hours=1))
    await bot.settle()
    assert copies(world) == [1, 0, 0]
    [reminder] = await reminders_of(db, discussion_id)
    assert reminder.state == "posted" and reminder.copies_pending  # member 4's copy is still owed

    await clock.advance(timedelta(minutes=1))  # the first of the retry delays
    await bot.settle()
    assert copies(world) == [1, 1, 0] and world.dm_attempts == 4  # 3, 4 (failed), 5 (closed), 4 again
    [reminder] = await reminders_of(db, discussion_id)
    assert not reminder.copies_pending
    assert await db.fetch_value("SELECT count(*) FROM reminder_dm_copies") == 0
    [post, told] = world.posted(TEXT)
    assert told.notice.reply_to == post.id and "<@5>" in (told.notice.content or "")
    await clock.advance(timedelta(minutes=30))  # later tries (the discussion is due in 58 min) send nothing
    await bot.settle()
    assert copies(world) == [1, 1, 0] and world.dm_attempts == 4 and len(world.posted(TEXT)) == 2


async def test_a_copy_still_failing_past_the_reminders_grace_is_dropped(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    planned = await three_wanting_copies(db, add_story)
    world.dm_outage[4] = 2
    bot = await start_bot(grace=timedelta(0))  # the reminder's grace: 2 min
    [discussion_id] = await bot.service.schedule(GUILD, [planned])
    await clock.advance(timedelta(hours=1))
    await bot.settle()
    await clock.advance(timedelta(minutes=1))
    await bot.settle()
    assert copies(world) == [1, 0, 1] and world.dm_attempts == 4
    [reminder] = await reminders_of(db, discussion_id)
    assert reminder.copies_pending
    await clock.advance(timedelta(minutes=5))  # the next try comes past the grace: none is owed any more
    await bot.settle()
    assert copies(world) == [1, 0, 1] and world.dm_attempts == 4
    [reminder] = await reminders_of(db, discussion_id)
    assert reminder.state == "posted" and not reminder.copies_pending
    assert await db.fetch_value("SELECT count(*) FROM reminder_dm_copies") == 0
