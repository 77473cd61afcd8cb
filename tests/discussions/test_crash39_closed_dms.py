"""Members whose DMs refused a reminder's copy are told as soon as that is known (session 39).

A copy Discord failed on its side stays owed and is tried again within the reminder's grace
(tests/discussions/test_reminder_copies38.py); the notice naming the members whose DMs are closed
waited for those retries to end, up to the whole grace (hours), so the admins heard of closed DMs
long after the reminder.
"""

from __future__ import annotations

from datetime import timedelta

from bot.clock import ManualClock
from bot.db import Database
from bot.discussions import prefs_store
from tests.discussions.conftest import GUILD, TEXT, AddStory, FakeDiscord, StartBot, reminders_of
from tests.discussions.test_reminder_copies38 import copies, three_wanting_copies


def told(world: FakeDiscord) -> list[str]:
    """The closed-DM notices posted under the reminder."""
    return [m.notice.content or "" for m in world.posted(TEXT) if m.notice.reply_to is not None]


async def test_closed_dms_are_told_at_once_while_another_members_copy_is_still_being_retried(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    planned = await three_wanting_copies(db, add_story)
    world.dm_outage[4] = 1_000  # Discord keeps failing on member 4's copy
    world.closed_dms.add(5)
    bot = await start_bot(grace=timedelta(hours=6))
    [discussion_id] = await bot.service.schedule(GUILD, [planned])
    await clock.advance(timedelta(hours=1))
    await bot.settle()
    [notice] = told(world)  # at the first pass, not once member 4's retries are over
    assert "<@5>" in notice and "<@4>" not in notice
    assert (await prefs_store.get_reminder_prefs(db, GUILD, 5)).dm_failed
    [reminder] = await reminders_of(db, discussion_id)
    assert reminder.copies_pending  # member 4's copy is still owed

    for minutes in (1, 5, 15):  # the retries: member 5 is neither tried again nor told again
        await clock.advance(timedelta(minutes=minutes))
        await bot.settle()
    assert told(world) == [notice]
    assert copies(world) == [1, 0, 0] and world.dms.get(5) is None
    assert world.dm_attempts == 3 + 3  # members 3, 4 and 5, then member 4 alone at each retry


async def test_a_member_found_closed_on_a_later_pass_is_told_then_and_the_first_not_again(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    """Member 4's copy fails on Discord's side, member 5's DMs are closed; at the retry member 4's
    DMs turn out closed too: one notice for member 5 at once, one for member 4 at the retry."""
    planned = await three_wanting_copies(db, add_story)
    world.dm_outage[4] = 1
    world.closed_dms.add(5)
    bot = await start_bot(grace=timedelta(hours=6))
    [discussion_id] = await bot.service.schedule(GUILD, [planned])
    await clock.advance(timedelta(hours=1))
    await bot.settle()
    assert len(told(world)) == 1
    world.closed_dms.add(4)
    await clock.advance(timedelta(minutes=1))
    await bot.settle()
    first, second = told(world)
    assert "<@5>" in first and "<@4>" not in first
    assert "<@4>" in second and "<@5>" not in second
    [reminder] = await reminders_of(db, discussion_id)
    assert not reminder.copies_pending
    assert await db.fetch_value("SELECT count(*) FROM reminder_dm_copies") == 0
