"""Posting at the due time, exactly once, across restarts and crashes, on a manual clock."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.clock import ManualClock
from bot.db import Database
from bot.discussions import store
from bot.discussions.cadence import parse_every, plan_times
from bot.discussions.compose import listing_page
from bot.discussions.service import RETRY_DELAYS
from bot.discussions.store import NewDiscussion
from bot.discussions.when import parse_when
from bot.guilds import mark_left, update_settings
from bot.progress.prefs import avoid
from bot.progress.service import step as progress_step
from bot.progress.store import mark_read, set_hidden, set_progress
from bot.story.model import Chapter, HeaderWarning, Scene, Story, StoryMeta
from bot.story.service import remove_story
from bot.story.store import add_story
from bot.warnings.reviews import Carried
from bot.warnings.service import save_scan, scan_for_guild
from tests.discussions.conftest import (
    CLUB,
    FORUM,
    GUILD,
    OTHER_GUILD,
    START,
    TEXT,
    AddStory,
    Bot,
    FakeDiscord,
    StartBot,
    advance,
    reminders_of,
    until_crashed,
)


def item(story_id: int, due: datetime, *, chapter: int = 1, channel: int = TEXT, remind: tuple = ()) -> NewDiscussion:
    return NewDiscussion(
        story_id=story_id,
        chapter=chapter,
        due_at=due,
        channel_id=channel,
        channel_explicit=True,
        remind=remind,
        created_by=7,
    )


async def state_of(db: Database, discussion_id: int, guild_id: int = GUILD) -> str:
    found = await store.get_discussion(db, guild_id, discussion_id)
    assert found is not None
    return found.state


async def test_schedule_then_advance_posts_once_with_a_thread(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    story = await add_story(title="The Lighthouse")
    await mark_read(db, GUILD, 42, story, 3, now=0)
    bot = await start_bot()
    [discussion_id] = await bot.service.schedule(GUILD, [item(story, START + timedelta(hours=2), chapter=3)])

    await advance(bot, clock, timedelta(hours=1, minutes=59))
    assert world.posted(TEXT) == []
    await advance(bot, clock, timedelta(minutes=1))
    await advance(bot, clock, timedelta(hours=5))

    [message] = world.posted(TEXT)
    assert message.notice.embed is not None
    assert message.notice.embed["footer"]["text"] == f"Discussion #{discussion_id}"
    assert "1 member has read this chapter" in message.notice.embed["description"]
    assert "Members who mark the chapter as read are added to the thread." in message.notice.embed["description"]
    assert message.notice.role_id is None and message.notice.content is None
    posted = await store.get_discussion(db, GUILD, discussion_id)
    assert posted is not None and posted.state == "posted" and posted.message_id == message.id
    thread = world.threads[posted.thread_id or 0]
    assert thread.private and thread.members == [42]
    assert clock.sleeping == 0  # nothing pending: the timer waits on its wake-up event only
    tasks = [t.get_name() for t in asyncio.all_tasks() if t.get_name().startswith("dogear-discussion")]
    assert tasks == ["dogear-discussion-timer"]


async def test_due_time_is_exact_and_one_task_sleeps_for_many_items(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    story = await add_story()
    bot = await start_bot()
    await bot.service.schedule(
        GUILD, [item(story, START + timedelta(minutes=m), chapter=c) for c, m in enumerate([30, 10, 20], 1)]
    )
    await bot.settle()
    assert clock.sleeping == 1
    await advance(bot, clock, timedelta(minutes=10))
    assert [m.notice.embed["title"][-9:] for m in world.posted(TEXT)] == ["chapter 2"]  # type: ignore[index]
    assert clock.sleeping == 1
    await advance(bot, clock, timedelta(minutes=20))
    assert len(world.posted(TEXT)) == 3


async def test_restart_between_schedule_and_due_time_still_posts_once(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    story = await add_story()
    first = await start_bot()
    [discussion_id] = await first.service.schedule(GUILD, [item(story, START + timedelta(hours=1))])
    await first.service.stop()

    second = await start_bot(fresh=True)  # a new process over the same file
    await advance(second, clock, timedelta(hours=1))
    assert len(world.all_posts()) == 1
    assert await state_of(second.db, discussion_id) == "posted"


async def test_crash_between_send_and_record_never_double_posts(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    story = await add_story()
    crashing = await start_bot(crash_after_send=True)
    [discussion_id] = await crashing.service.schedule(GUILD, [item(story, START + timedelta(minutes=5))])
    await clock.advance(timedelta(minutes=5))
    await until_crashed(crashing)
    assert len(world.posted(TEXT)) == 1
    assert await state_of(db, discussion_id) == "posting"

    # Restart long after Discord forgot the nonce: the history check must find the post.
    await clock.advance(timedelta(minutes=30))
    restarted = await start_bot(fresh=True)
    await restarted.settle()
    assert len(world.posted(TEXT)) == 1
    assert restarted.poster.history_checks == 1
    recovered = await store.get_discussion(restarted.db, GUILD, discussion_id)
    assert recovered is not None and recovered.state == "posted"
    assert recovered.message_id == world.posted(TEXT)[0].id and recovered.thread_id is not None


async def test_crash_after_thread_opened_reuses_the_thread(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    story = await add_story()
    crashing = await start_bot(crash_after_thread=True)
    [discussion_id] = await crashing.service.schedule(GUILD, [item(story, START + timedelta(minutes=5))])
    await clock.advance(timedelta(minutes=5))
    await until_crashed(crashing)
    restarted = await start_bot(fresh=True)
    await restarted.settle()
    assert len(world.posted(TEXT)) == 1
    assert len(world.threads) == 1
    assert await state_of(restarted.db, discussion_id) == "posted"


async def test_claim_gives_each_item_a_nonce_and_kept_on_a_later_claim(db: Database, add_story: AddStory) -> None:
    story = await add_story()
    first, second = await store.create_discussions(
        db,
        GUILD,
        [item(story, START + timedelta(minutes=1)), item(story, START + timedelta(minutes=1), chapter=2)],
        now=START,
    )
    assert await store.claim_due(db, START) == []
    claimed = await store.claim_due(db, START + timedelta(minutes=1))
    assert [c.id for c in claimed] == [first, second]
    rows = [await store.get_discussion(db, GUILD, i) for i in (first, second)]
    nonces = [row.nonce for row in rows if row is not None]
    assert len(set(nonces)) == 2 and all(n and len(n) <= 25 for n in nonces)
    assert await store.claim_due(db, START + timedelta(minutes=2)) == []  # claimed items are not taken twice
    assert await store.unfinished(db) == claimed
    moved = await store.move_discussion(db, GUILD, first, START + timedelta(hours=1), now=START)
    assert moved is not None and moved.state == "posting"  # a post in progress cannot be moved


async def test_late_within_grace_posts_with_a_note_and_beyond_grace_is_missed(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    story = await add_story()
    await update_settings(db, GUILD, 0, club_channel_id=CLUB)
    missed_id, late_id = await store.create_discussions(
        db,
        GUILD,
        [item(story, START + timedelta(hours=1), chapter=1), item(story, START + timedelta(hours=5), chapter=2)],
        now=START,
    )
    await clock.advance(timedelta(hours=8))  # the bot was down all this time
    bot = await start_bot(grace=timedelta(hours=6))

    assert await state_of(db, missed_id) == "missed"
    assert await state_of(db, late_id) == "posted"
    [late_post] = [m for m in world.posted(TEXT) if m.notice.embed]
    [notice] = [m for m in world.posted(TEXT) if not m.notice.embed]
    assert "Posted late" in late_post.notice.embed["description"]  # type: ignore[index]
    assert late_post.notice.embed["title"].endswith("chapter 2")  # type: ignore[index]
    assert notice.notice.content is not None and "was not posted" in notice.notice.content
    listed = await store.list_discussions(db, GUILD, now=clock.now())
    assert [(d.id, d.state) for d in listed] == [(missed_id, "missed")]
    assert listed[0].failure and "grace period" in listed[0].failure
    assert bot.service.timer.running


async def test_failures_stay_local(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    story = await add_story()
    doomed_story = await add_story(title="Removed later")
    world.forbidden.add(CLUB)
    bot = await start_bot()
    due = START + timedelta(minutes=10)
    gone, forbidden, removed, fine = await bot.service.schedule(
        GUILD,
        [
            item(story, due, channel=999),
            item(story, due, chapter=2, channel=CLUB),
            item(doomed_story, due),
            item(story, due, chapter=3),
        ],
    )
    await remove_story(db, GUILD, doomed_story)
    await advance(bot, clock, timedelta(minutes=10))

    listed = {d.id: d for d in await store.list_discussions(db, GUILD, now=clock.now())}
    assert listed[gone].state == "failed" and "deleted" in (listed[gone].failure or "")
    assert listed[forbidden].state == "failed" and "permission" in (listed[forbidden].failure or "")
    assert await state_of(db, fine) == "posted"
    assert await store.get_discussion(db, GUILD, removed) is None  # removing a story removes its schedules
    assert len(world.posted(TEXT)) == 1
    assert bot.service.timer.running


async def test_an_outage_of_minutes_delays_a_discussion_and_never_loses_it(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    """A dropped connection or Discord's 5xx failed the discussion for good; it is tried again."""
    story = await add_story()
    bot = await start_bot()
    [discussion_id] = await bot.service.schedule(GUILD, [item(story, START + timedelta(minutes=1))])
    world.outage = 2
    await advance(bot, clock, timedelta(minutes=1))
    assert world.posted(TEXT) == [] and await state_of(db, discussion_id) == "posting"
    await advance(bot, clock, RETRY_DELAYS[0])
    assert world.posted(TEXT) == [] and await state_of(db, discussion_id) == "posting"
    await advance(bot, clock, RETRY_DELAYS[1])
    assert len(world.posted(TEXT)) == 1 and await state_of(db, discussion_id) == "posted"


async def test_a_post_whose_answer_was_lost_is_found_not_sent_again(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    story = await add_story()
    bot = await start_bot()
    [discussion_id] = await bot.service.schedule(GUILD, [item(story, START + timedelta(minutes=1))])
    world.outage, world.answer_lost = 1, True
    await advance(bot, clock, timedelta(minutes=1))
    await advance(bot, clock, RETRY_DELAYS[0] + timedelta(hours=2))  # past the nonce window: found by its marker
    assert len(world.posted(TEXT)) == 1 and await state_of(db, discussion_id) == "posted"


async def test_a_long_outage_fails_the_discussion_with_the_reason(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    story = await add_story()
    bot = await start_bot(grace=timedelta(hours=6))
    [discussion_id] = await bot.service.schedule(GUILD, [item(story, START + timedelta(minutes=1))])
    world.outage = len(RETRY_DELAYS) + 1
    await advance(bot, clock, timedelta(minutes=1))
    for delay in RETRY_DELAYS:
        await advance(bot, clock, delay)
    failed = await store.get_discussion(db, GUILD, discussion_id)
    assert failed is not None and failed.state == "failed"
    assert "Discord could not be reached" in (failed.failure or "")
    assert world.posted(TEXT) == []


async def test_reminders_that_could_not_be_posted_are_listed_for_admins(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    """A failed reminder was recorded and shown nowhere: /discussion list named only discussions."""
    story = await add_story()
    world.forbidden.add(TEXT)
    bot = await start_bot()
    due = START + timedelta(hours=3)
    [discussion_id] = await bot.service.schedule(GUILD, [item(story, due, remind=(timedelta(hours=1),))])
    await advance(bot, clock, timedelta(hours=2))
    failed = await store.failed_reminders(db, GUILD, now=clock.now())
    assert [(reminder.discussion_id, "permission" in reason) for reminder, reason in failed] == [(discussion_id, True)]
    assert await store.failed_reminders(db, OTHER_GUILD, now=clock.now()) == []
    listing = listing_page(await store.list_discussions(db, GUILD, now=clock.now()), failed).text
    assert "**Reminders that could not be posted**" in listing
    assert f"**#{discussion_id}** · 1h before" in listing and "Send Messages" in listing


async def test_a_member_who_reads_while_the_thread_opens_is_let_in(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    """Marking the chapter read while readers were being added let the member in nowhere."""
    story = await add_story()
    await mark_read(db, GUILD, 42, story, 1, now=0)
    bot = await start_bot()
    [discussion_id] = await bot.service.schedule(GUILD, [item(story, START + timedelta(minutes=1))])

    async def reads_now() -> None:
        await mark_read(db, GUILD, 43, story, 1, now=0)
        assert await bot.service.reader_advanced(GUILD, 43, story, 0, 1) == 0  # not posted yet: no thread for it

    world.during_add = reads_now
    await advance(bot, clock, timedelta(minutes=1))
    posted = await store.get_discussion(db, GUILD, discussion_id)
    assert posted is not None and posted.state == "posted"
    assert sorted(world.threads[posted.thread_id or 0].members) == [42, 43]


async def test_a_discussion_due_after_the_bot_was_removed_says_so(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    """It failed with Discord's "I can no longer see that channel", which an admin reads after inviting the bot back."""
    story = await add_story()
    bot = await start_bot()
    [discussion_id] = await bot.service.schedule(
        GUILD, [item(story, START + timedelta(hours=2), remind=(timedelta(hours=1),))]
    )
    await mark_left(db, GUILD, clock.now().timestamp())
    await advance(bot, clock, timedelta(hours=2))
    failed = await store.get_discussion(db, GUILD, discussion_id)
    assert failed is not None and failed.state == "failed"
    assert failed.failure == "Dogear was not in this server when it was due"
    assert [reminder.state for reminder in await reminders_of(db, discussion_id)] == ["missed"]
    assert world.all_posts() == []


async def test_thread_failure_is_recorded_with_the_reason(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    story = await add_story()
    world.no_threads.add(TEXT)
    bot = await start_bot()
    [discussion_id] = await bot.service.schedule(GUILD, [item(story, START + timedelta(minutes=1))])
    await advance(bot, clock, timedelta(minutes=1))
    failed = await store.get_discussion(db, GUILD, discussion_id)
    assert failed is not None and failed.state == "failed"
    assert failed.failure is not None and failed.failure.startswith("posted, but the thread could not be opened")


async def test_forum_channel_gets_a_forum_post(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    story = await add_story(title="Forum Story")
    await update_settings(db, GUILD, 0, discussion_channel_id=FORUM, club_role_id=555)
    bot = await start_bot()
    [discussion_id] = await bot.service.schedule(
        GUILD, [NewDiscussion(story, 2, START + timedelta(minutes=3), TEXT, False, (), 7)]
    )
    await advance(bot, clock, timedelta(minutes=3))
    [post] = world.posted(FORUM)
    assert post.notice.thread_name == f"Forum Story · ch. 2 · #{discussion_id}"
    # Open to everyone who sees the forum: no line suggesting only readers get in.
    assert "are added to the thread" not in (post.notice.embed or {})["description"]
    assert (
        post.notice.role_id == 555
        and post.notice.content == "<@&555>, the discussion of **Forum Story**, chapter 2, is open."
    )
    posted = await store.get_discussion(db, GUILD, discussion_id)
    assert posted is not None and posted.thread_id == post.id and posted.posted_channel_id == FORUM


async def test_reminders_name_those_behind_count_hidden_and_skip_avoiders(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    story = await add_story()
    await mark_read(db, GUILD, 1, story, 4, now=0)  # caught up
    await mark_read(db, GUILD, 2, story, 1, now=0)  # behind
    await mark_read(db, GUILD, 3, story, 1, now=0)  # behind, avoids a warning of the chapter
    await avoid(db, GUILD, 3, "grief", now=0)
    await mark_read(db, GUILD, 4, story, 1, now=0)  # behind, hidden
    await set_hidden(db, GUILD, 4, True, now=0)
    await mark_read(db, GUILD, 5, story, 1, now=0)  # behind, hidden, avoids a warning: left out of the count
    await set_hidden(db, GUILD, 5, True, now=0)
    await avoid(db, GUILD, 5, "grief", now=0)

    async def grief(db: Database, guild_id: int, story_id: int, chapter: int) -> list[HeaderWarning]:
        return [HeaderWarning("grief", "Grief", "detected")]

    async def grief_at_three(db: Database, guild_id: int, story_id: int, upto: int) -> Carried:
        return Carried(shown={"grief": 3}, unsettled={})

    bot = await start_bot()
    bot.service._warnings_for = grief
    bot.service._carried = grief_at_three
    due = START + timedelta(days=2)
    [discussion_id] = await bot.service.schedule(
        GUILD, [item(story, due, chapter=3, remind=(timedelta(hours=24), timedelta(hours=1)))]
    )
    await advance(bot, clock, timedelta(hours=24))
    [first] = world.posted(TEXT)
    assert first.notice.content is not None
    assert "<@2>" in first.notice.content and "<@3>" not in first.notice.content and "<@1>" not in first.notice.content
    assert "1 hidden member" in first.notice.content and "<@4>" not in first.notice.content
    assert "2 hidden" not in first.notice.content and "<@5>" not in first.notice.content
    assert first.notice.user_ids == (2,)
    await advance(bot, clock, timedelta(hours=22, minutes=59))
    assert len(world.posted(TEXT)) == 1
    await advance(bot, clock, timedelta(minutes=1))
    assert len(world.posted(TEXT)) == 2
    await advance(bot, clock, timedelta(hours=1))
    assert len(world.posted(TEXT)) == 3
    assert [r.state for r in await reminders_of(db, discussion_id)] == ["posted", "posted"]


async def test_reminders_already_past_are_not_created_and_cancel_stops_them(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    story = await add_story()
    bot = await start_bot()
    [discussion_id] = await bot.service.schedule(
        GUILD, [item(story, START + timedelta(hours=3), remind=(timedelta(hours=24), timedelta(hours=1)))]
    )
    assert [r.offset for r in await reminders_of(db, discussion_id)] == [timedelta(hours=1)]
    cancelled = await bot.service.cancel(GUILD, discussion_id)
    assert cancelled is not None and cancelled.state == "cancelled"
    await advance(bot, clock, timedelta(hours=4))
    assert world.all_posts() == []
    assert clock.sleeping == 0


async def test_move_rearms_the_timer_and_recreates_reminders(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    story = await add_story()
    bot = await start_bot()
    [discussion_id] = await bot.service.schedule(
        GUILD, [item(story, START + timedelta(hours=10), remind=(timedelta(hours=1),))]
    )
    await bot.service.move(GUILD, discussion_id, START + timedelta(hours=2))
    await bot.settle()
    [reminder] = await reminders_of(db, discussion_id)
    assert reminder.due_at == START + timedelta(hours=1)
    await advance(bot, clock, timedelta(hours=1))
    assert len(world.posted(TEXT)) == 1  # the reminder
    await advance(bot, clock, timedelta(hours=1))
    assert len(world.posted(TEXT)) == 2
    assert await state_of(db, discussion_id) == "posted"


async def test_other_servers_cannot_see_or_change_items(db: Database, add_story: AddStory) -> None:
    story = await add_story()
    [discussion_id] = await store.create_discussions(db, GUILD, [item(story, START + timedelta(hours=1))], now=START)
    assert await store.get_discussion(db, OTHER_GUILD, discussion_id) is None
    assert await store.cancel_discussion(db, OTHER_GUILD, discussion_id, now=START) is None
    assert await store.move_discussion(db, OTHER_GUILD, discussion_id, START + timedelta(hours=3), now=START) is None
    assert await store.list_discussions(db, OTHER_GUILD, now=START) == []
    assert await state_of(db, discussion_id) == "scheduled"


async def test_progress_advanced_adds_the_reader_to_posted_threads(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    story = await add_story()
    bot = await start_bot()
    [discussion_id] = await bot.service.schedule(GUILD, [item(story, START + timedelta(minutes=1), chapter=2)])
    await advance(bot, clock, timedelta(minutes=1))
    posted = await store.get_discussion(db, GUILD, discussion_id)
    assert posted is not None and posted.thread_id is not None
    assert await bot.service.reader_advanced(GUILD, 77, story, 0, 1) == 0
    assert await bot.service.reader_advanced(GUILD, 77, story, 1, 2) == 1
    assert world.threads[posted.thread_id].members == [77]


async def test_hidden_readers_caught_up_at_opening_join_the_thread_without_being_named(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    story = await add_story()
    await mark_read(db, GUILD, 42, story, 3, now=0)
    await mark_read(db, GUILD, 43, story, 5, now=0)
    await set_hidden(db, GUILD, 43, True, now=0)
    await mark_read(db, GUILD, 44, story, 2, now=0)  # not there yet
    bot = await start_bot()
    [discussion_id] = await bot.service.schedule(GUILD, [item(story, START + timedelta(minutes=1), chapter=3)])
    await advance(bot, clock, timedelta(minutes=1))
    posted = await store.get_discussion(db, GUILD, discussion_id)
    assert posted is not None and posted.state == "posted" and posted.thread_id is not None
    assert world.threads[posted.thread_id].members == [42, 43]
    [message] = world.posted(TEXT)
    assert message.notice.embed is not None
    assert "2 members have read this chapter" in message.notice.embed["description"]
    assert "43" not in str(message.notice.embed) and "43" not in (message.notice.content or "")


async def dst_case(
    zone: str, start_text: str, db: Database, clock: ManualClock, world: FakeDiscord, bot: Bot, story: int
) -> list[datetime]:
    tz = ZoneInfo(zone)
    start = parse_when(start_text, now=clock.now(), default_zone=zone)
    times = plan_times(start, tz, parse_every("weekly"), 3)
    await bot.service.schedule(GUILD, [item(story, due, chapter=n) for n, due in enumerate(times, 1)])
    posted_at: list[datetime] = []
    for due in times:
        await clock.set(due - timedelta(seconds=1))
        await bot.settle()
        before = len(world.posted(TEXT))
        await clock.set(due)
        await bot.settle()
        assert len(world.posted(TEXT)) == before + 1
        posted_at.append(world.posted(TEXT)[-1].sent_at.astimezone(tz))
    return posted_at


async def test_weekly_berlin_discussion_keeps_19_00_across_2026_10_25(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    await clock.set(datetime(2026, 10, 14, 12, 0, tzinfo=UTC))
    bot = await start_bot()
    posted = await dst_case("Europe/Berlin", "2026-10-18 19:00", db, clock, world, bot, await add_story())
    assert [(p.day, p.hour, p.minute) for p in posted] == [(18, 19, 0), (25, 19, 0), (1, 19, 0)]
    assert [p.astimezone(UTC).hour for p in posted] == [17, 18, 18]


async def test_weekly_new_york_discussion_keeps_19_00_across_2026_11_01(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    await clock.set(datetime(2026, 10, 20, 12, 0, tzinfo=UTC))
    bot = await start_bot()
    posted = await dst_case("America/New_York", "2026-10-25 19:00", db, clock, world, bot, await add_story())
    assert [(p.day, p.hour, p.minute) for p in posted] == [(25, 19, 0), (1, 19, 0), (8, 19, 0)]
    assert [p.astimezone(UTC).hour for p in posted] == [23, 0, 0]


async def test_plan_cadence_posts_each_chapter_in_turn(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    story = await add_story(chapters=4)
    bot = await start_bot()
    start = parse_when("tomorrow 19:00", now=clock.now(), default_zone="UTC")
    times = plan_times(start, UTC, parse_every("3 days"), 3)
    await bot.service.schedule(GUILD, [item(story, due, chapter=n) for n, due in zip(range(2, 5), times, strict=True)])
    for count, due in enumerate(times, 1):
        await clock.set(due - timedelta(seconds=1))
        await bot.settle()
        assert len(world.posted(TEXT)) == count - 1
        await clock.set(due)
        await bot.settle()
        assert len(world.posted(TEXT)) == count
    titles = [m.notice.embed["title"] for m in world.posted(TEXT)]  # type: ignore[index]
    assert titles == [f"The Lighthouse — chapter {n}" for n in (2, 3, 4)]
    assert [m.sent_at - times[0] for m in world.posted(TEXT)] == [timedelta(0), timedelta(days=3), timedelta(days=6)]


async def test_real_warnings_reach_the_post_and_avoiders_are_left_out_of_reminders(
    db: Database, clock: ManualClock, world: FakeDiscord, start_bot: StartBot
) -> None:
    story = Story(
        meta=StoryMeta(title="A Life Left Behind", declared_warnings=["TW for miscarriage"]),
        chapters=[Chapter(1, None, [Scene(["She folded the small blanket and put it away."])])],
        source_format="txt",
    )
    story_id = await add_story(db, GUILD, story, content_hash="warned", added_by=None, now=0)
    report = await scan_for_guild(db, GUILD, story)
    async with db.transaction() as tx:
        await save_scan(tx, GUILD, story_id, report)
    await avoid(db, GUILD, 6, "miscarriage", now=0)  # a member, behind, who avoids this chapter's warning
    await set_progress(db, GUILD, 7, story_id, 0, now=0)  # a member, behind, who does not

    bot = await start_bot(real_warnings=True)
    await bot.service.schedule(GUILD, [item(story_id, START + timedelta(hours=2), remind=(timedelta(hours=1),))])
    await advance(bot, clock, timedelta(hours=1))
    [reminder] = world.posted(TEXT)
    assert reminder.notice.content is not None
    assert "<@7>" in reminder.notice.content and "<@6>" not in reminder.notice.content
    await advance(bot, clock, timedelta(hours=1))
    post = world.posted(TEXT)[-1]
    assert "Miscarriage" in post.notice.embed["description"]  # type: ignore[index]


async def test_thread_adds_cut_off_by_a_stop_are_made_after_the_restart(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    """The step and its adds are stored together, before the adds are tried: a process stopped (SIGTERM cancels the listener) or killed
    while adding used to leave the member shut out of those threads for good, since their next step
    only reaches later chapters."""
    story = await add_story()
    bot = await start_bot()
    due = START + timedelta(minutes=1)
    ids = await bot.service.schedule(GUILD, [item(story, due, chapter=n) for n in (1, 2, 3)])
    await advance(bot, clock, timedelta(minutes=1))
    threads = [(await store.get_discussion(db, GUILD, discussion_id)).thread_id for discussion_id in ids]  # type: ignore[union-attr]

    async def stopped() -> None:
        raise asyncio.CancelledError()

    world.during_add = stopped
    await progress_step(
        db, GUILD, 77, story, 3, now=clock.now().timestamp(), display_name=None, forward_only=True
    )  # fmt: skip
    with pytest.raises(asyncio.CancelledError):
        await bot.service.reader_advanced(GUILD, 77, story, 0, 3)
    await bot.service.stop()
    assert all(77 not in world.threads[thread_id].members for thread_id in threads)

    restarted = await start_bot(fresh=True)
    await advance(restarted, clock, RETRY_DELAYS[0])
    assert all(world.threads[thread_id].members == [77] for thread_id in threads)
    assert await restarted.db.fetch_value("SELECT count(*) FROM discussion_joins_owed") == 0
