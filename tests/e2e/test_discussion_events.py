"""A discussion's scheduled event through the Discord double: live when the discussion posts,
completed at its end time (across a restart too), and never in the way of the post itself."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import discord
import pytest

from bot.devtools.double import permissions as P
from bot.devtools.double.models import ScheduledEvent
from bot.devtools.driver import Club
from bot.discussions import store
from tests.e2e.test_discussions import a_story, advance, bot_posts, settle, stored, utc_text

SCHEDULED, ACTIVE, COMPLETED, CANCELED = 1, 2, 3, 4


async def schedule_with_event(club: Club, title: str, in_hours: int = 2, channel=None) -> datetime:  # type: ignore[no-untyped-def]
    story = await a_story(club, title)
    due = (club.clock.now() + timedelta(hours=in_hours)).replace(second=0, microsecond=0)
    [answer] = await club.slash(
        "discussion schedule",
        member=club.admin,
        story=str(story),
        chapter=1,
        when=utc_text(due),
        remind="none",
        event=True,
        channel=channel or club.text_channel,
    )
    assert "event was created" in answer.text
    return due


async def posted(club: Club) -> store.Discussion:
    """The club's one discussion, whatever its state."""
    [discussion_id] = await club.run(
        club.bot.db.fetch_all("SELECT id FROM discussions WHERE guild_id = ?", (club.guild.id,))
    )
    return await club.run(store.get_discussion(club.bot.db, club.guild.id, discussion_id[0]))


def event_edits(club: Club, event: ScheduledEvent) -> list:
    return [r for r in club.requests if r.method == "PATCH" and r.path.endswith(f"/scheduled-events/{event.id}")]


async def test_event_is_live_when_the_discussion_posts_and_completed_at_its_end(club: Club) -> None:
    due = await schedule_with_event(club, "Lit Lantern")
    [event] = club.events
    await advance(club, due - club.clock.now() - timedelta(minutes=1))
    assert event.status == SCHEDULED and bot_posts(club, club.text_channel) == []

    await advance(club, timedelta(minutes=1))
    assert len(bot_posts(club, club.text_channel)) == 1
    assert event.status == ACTIVE  # shows as live in every member's Events list

    await advance(club, timedelta(minutes=59))
    assert event.status == ACTIVE
    await advance(club, timedelta(minutes=1))
    assert event.status == COMPLETED

    await advance(club, timedelta(days=2))
    assert len(event_edits(club, event)) == 2  # started once, ended once
    discussion = await posted(club)
    assert discussion.state == "posted" and discussion.thread_id is not None


async def test_event_ends_after_a_restart_that_spanned_its_end(club: Club) -> None:
    due = await schedule_with_event(club, "Restart Lantern")
    [event] = club.events
    await advance(club, due - club.clock.now())
    assert event.status == ACTIVE

    await club.restart(while_down=lambda: club.clock.advance(timedelta(hours=3)))
    await settle(club)
    assert event.status == COMPLETED
    assert len(event_edits(club, event)) == 2


async def test_an_ending_claimed_before_a_crash_is_done_on_the_next_start(club: Club) -> None:
    due = await schedule_with_event(club, "Crash Lantern")
    [event] = club.events
    await advance(club, due - club.clock.now())
    await club.run(cog_service(club).stop())  # the timer is gone, as in a crash ...
    claimed = await club.run(store.claim_due(club.bot.db, due + timedelta(hours=2)))  # ... right after a claim
    # The bot serves every test's server and the clock only moves on: what an earlier test left
    # scheduled in its own server may be due by now, and is claimed with it (the restart's
    # look for unfinished work takes those up as it would after a real crash).
    assert [item.kind for item in claimed if item.guild_id == club.guild.id] == ["event_end"]

    await club.restart()
    await settle(club)
    assert event.status == COMPLETED


def cog_service(club: Club):
    return club.bot.get_cog("DiscussionCog").service


async def test_a_deleted_event_does_not_stop_the_post(club: Club) -> None:
    due = await schedule_with_event(club, "Gone Lantern")
    [event] = club.events
    event.deleted = True  # an admin deleted it in Discord
    with club.expect_errors(404, 10070):
        await advance(club, due - club.clock.now() + timedelta(hours=2))
    assert len(bot_posts(club, club.text_channel)) == 1
    discussion = await posted(club)
    assert discussion.state == "posted" and discussion.thread_id is not None


async def test_an_event_ended_by_hand_is_left_alone(club: Club) -> None:
    due = await schedule_with_event(club, "Early Lantern")
    [event] = club.events
    await advance(club, due - club.clock.now())
    event.status = COMPLETED  # an admin ended it early in Discord
    await advance(club, timedelta(hours=2))
    assert event.status == COMPLETED and len(event_edits(club, event)) == 1


async def test_without_the_permission_the_post_still_goes_up(club: Club) -> None:
    due = await schedule_with_event(club, "Locked Lantern")
    [event] = club.events
    await club.set_role_permissions(club.bot_role, P.BOT_INVITE & ~(P.CREATE_EVENTS | P.MANAGE_EVENTS))
    with club.expect_errors(403, 50013):
        await advance(club, due - club.clock.now() + timedelta(hours=2))
    assert len(bot_posts(club, club.text_channel)) == 1
    discussion = await posted(club)
    assert discussion.state == "posted" and discussion.thread_id is not None
    assert event.status == SCHEDULED


async def test_a_finished_event_cannot_be_changed_or_go_back(club: Club) -> None:
    due = await schedule_with_event(club, "One Way")
    [event] = club.events
    await advance(club, due - club.clock.now() + timedelta(hours=2))
    assert event.status == COMPLETED
    http = club.bot.http
    for status in (ACTIVE, SCHEDULED):
        with club.expect_errors(400, 180000), pytest.raises(discord.HTTPException):
            await club.run(http.edit_scheduled_event(club.guild.id, event.id, status=status))
    assert event.status == COMPLETED


async def test_the_hundred_event_limit_is_told_plainly(club: Club) -> None:
    story = await a_story(club, "Crowded")
    start = (datetime.now(UTC) + timedelta(days=30)).isoformat()
    for n in range(100):
        club.guild.events[n + 1] = ScheduledEvent(
            id=n + 1, guild_id=club.guild.id, creator_id=club.admin.id, name=f"E{n}", start=start, end=None,
            entity_type=3, location="somewhere",
        )  # fmt: skip
    with club.expect_errors(400, 30038):
        [answer] = await club.slash(
            "discussion schedule", member=club.admin, story=str(story), chapter=1, when="in 2 days", event=True
        )
    assert answer.ephemeral and "100" in answer.text and "Nothing was scheduled" in answer.text
    assert await stored(club) == []


async def test_a_missed_discussion_cancels_its_event(club: Club) -> None:
    """Bot down past the grace period: the discussion is missed, and its event no longer stays
    "Scheduled" in Discord for good (counting towards the server's 100)."""
    due = await schedule_with_event(club, "Dark Lantern")
    [event] = club.events
    await club.restart(while_down=lambda: club.clock.advance(due - club.clock.now() + timedelta(hours=8)))
    await settle(club)
    assert (await posted(club)).state == "missed"
    assert event.status == CANCELED
    assert (await posted(club)).event_id is None  # a cancelled event cannot be moved: it names none now


async def test_a_failed_discussion_cancels_its_event_at_the_event_end(club: Club) -> None:
    due = await schedule_with_event(club, "Locked Lantern", channel=club.locked_channel)
    [event] = club.events
    with club.expect_errors(403, 50013):
        await advance(club, due - club.clock.now())
    assert (await posted(club)).state == "failed"
    await advance(club, timedelta(minutes=59))
    assert event.status == SCHEDULED  # an admin may still move it within the event's hour
    await advance(club, timedelta(minutes=1))
    assert event.status == CANCELED


async def test_a_failed_discussion_moved_in_time_keeps_its_event(club: Club) -> None:
    due = await schedule_with_event(club, "Moved Lantern", channel=club.locked_channel)
    [event] = club.events
    with club.expect_errors(403, 50013):
        await advance(club, due - club.clock.now())
    discussion = await posted(club)
    later = due + timedelta(hours=3)
    [answer] = await club.slash("discussion move", member=club.admin, id=discussion.id, when=utc_text(later))
    assert "event moved" in answer.text
    await advance(club, timedelta(hours=2))  # past the old event's end: nothing cancels it now
    assert event.status == SCHEDULED
    with club.expect_errors(403, 50013):
        await advance(club, later - club.clock.now() + timedelta(hours=1))
    assert (await posted(club)).state == "failed" and event.status == CANCELED  # failed again: cancelled then


async def test_a_missed_discussion_moved_with_event_gets_a_new_one(club: Club) -> None:
    """Its event was cancelled when it was missed; `/discussion move event:True` gives it another,
    at the new time, and that one goes live when the discussion posts."""
    due = await schedule_with_event(club, "Second Lantern")
    [old] = club.events
    await club.restart(while_down=lambda: club.clock.advance(due - club.clock.now() + timedelta(hours=8)))
    await settle(club)
    assert old.status == CANCELED
    later = (club.clock.now() + timedelta(hours=3)).replace(second=0, microsecond=0)
    discussion = await posted(club)
    [answer] = await club.slash(
        "discussion move", member=club.admin, id=discussion.id, when=utc_text(later), event=True
    )
    assert answer.ephemeral and "scheduled event was created" in answer.text
    [new] = [event for event in club.events if event.id != old.id]
    assert new.status == SCHEDULED and new.start == later.isoformat()
    assert (await posted(club)).event_id == new.id
    await advance(club, later - club.clock.now())
    assert (await posted(club)).state == "posted" and new.status == ACTIVE


async def test_moving_without_event_adds_none_and_a_refused_event_is_a_note(club: Club) -> None:
    story = await a_story(club, "Plain Lantern")
    [scheduled] = await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when="in 2 days", remind="none"
    )
    assert "event" not in scheduled.text
    discussion = await posted(club)
    [moved] = await club.slash("discussion move", member=club.admin, id=discussion.id, when="in 3 days")
    assert club.events == [] and "event" not in moved.text
    await club.set_role_permissions(club.bot_role, P.BOT_INVITE & ~(P.CREATE_EVENTS | P.MANAGE_EVENTS))
    with club.expect_errors(403, 50013):
        [refused] = await club.slash(
            "discussion move", member=club.admin, id=discussion.id, when="in 4 days", event=True
        )
    assert refused.ephemeral and "now opens" in refused.text and "Create Events" in refused.text
    assert "Nothing was scheduled" not in refused.text  # it did move
    assert club.events == [] and (await posted(club)).event_id is None


async def test_a_discussion_a_story_update_cancels_loses_its_scheduled_event(club: Club) -> None:
    """/story update taking chapter 2 out cancelled its discussion and said so, but the discussion's
    Discord event stayed in every member's Events list: nothing deleted it. Now its deletion is owed
    in the update's write and the timer deletes it at once."""
    story = await a_story(club, "Short Lantern")
    due = (club.clock.now() + timedelta(days=2)).replace(second=0, microsecond=0)
    [answer] = await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=2, when=utc_text(due), remind="none",
        event=True, channel=club.text_channel,
    )  # fmt: skip
    assert "event was created" in answer.text and len(club.events) == 1
    shorter = "".join(f"# Chapter {i}\n\nThe lamp burned on, night {n}.\n\n" for i, n in enumerate((1, 3, 4), 1))
    [updated] = await club.slash(
        "story update", member=club.admin, story=str(story), file=("lantern.md", shorter.encode()),
        replace_anyway=True,
    )  # fmt: skip
    assert "Cancelled, as its chapter was taken out" in updated.text, updated.text
    await settle(club)
    assert club.events == []
    assert await club.run(club.bot.db.fetch_value("SELECT count(*) FROM event_deletions_owed")) == 0
