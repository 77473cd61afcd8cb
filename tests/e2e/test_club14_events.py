"""Round 14 (session 43): a discussion's scheduled event Dogear may not start or end is told once.

Dogear's role lost Create Events (and Manage Events): the event could not be started when the
discussion posted, or ended at its end time, and that was only logged. It sat "Scheduled" (or
live) in every member's Events list after the meeting and no admin knew. The moderation channel
(when one is set) is now told once, owed in the write that records the refusal: which discussion,
what happened to its event and why, and the two ways on (by hand in Discord, or the permission).
"""

from __future__ import annotations

from datetime import timedelta

from bot.devtools.driver import Club
from tests.e2e.test_club13_events import GRANT, NO_EVENTS
from tests.e2e.test_discussion_events import ACTIVE, SCHEDULED, posted, schedule_with_event
from tests.e2e.test_discussions import advance, bot_posts, settle

THREADS = "POST /channels/{channel}/threads"


async def with_mod_channel(club: Club) -> None:
    await club.slash("config set", member=club.admin, mod_channel=club.general_channel)


def mod_posts(club: Club) -> list:
    return bot_posts(club, club.general_channel)


async def owed_here(club: Club) -> int:
    return await club.run(
        club.bot.db.fetch_value("SELECT count(*) FROM discussion_notices_owed WHERE guild_id = ?", (club.guild.id,))
    )


async def event_end_row(club: Club, discussion_id: int) -> tuple[str, str | None]:
    row = await club.run(
        club.bot.db.fetch_one(
            "SELECT state, failure FROM discussion_event_ends WHERE discussion_id = ?", (discussion_id,)
        )
    )
    assert row is not None
    return row[0], row[1]


def no_pings(reply) -> bool:  # type: ignore[no-untyped-def]
    return not reply.message.pinged_users and not reply.message.pinged_everyone and not reply.message.pinged_roles


async def test_an_event_dogear_may_not_start_is_told_once_in_the_mod_channel_and_the_post_goes_up(
    club: Club,
) -> None:
    await with_mod_channel(club)
    due = await schedule_with_event(club, "Unlit Beacon")
    [event] = club.events
    await club.set_role_permissions(club.bot_role, NO_EVENTS)
    before = len(mod_posts(club))
    with club.expect_errors(403, 50013):
        await advance(club, due - club.clock.now())
    assert len(bot_posts(club, club.text_channel)) == 1  # the post still went up
    discussion = await posted(club)
    assert discussion.state == "posted" and discussion.thread_id is not None
    assert event.status == SCHEDULED
    [told] = mod_posts(club)[before:]
    text = told.text
    assert f"#{discussion.id}" in text and "**Unlit Beacon**" in text and "chapter 1" in text, text
    assert "could not be started" in text and "Create Events" in text, text  # what happened, and why
    assert "the scheduled event\\:" not in text, text  # the reason is not told twice
    assert "by hand" in text and "Events" in text and GRANT in text, text  # the two ways on
    assert no_pings(told), told.message
    state, failure = await event_end_row(club, discussion.id)
    assert state == "failed" and failure and "Create Events" in failure
    with club.expect_errors(403, 50013):  # its end time passes: tried again by itself (session 45), not told
        await advance(club, timedelta(hours=3))
    assert len(mod_posts(club)) == before + 1 and event.status == SCHEDULED
    assert await owed_here(club) == 0


async def test_an_event_dogear_may_not_end_is_told_once_in_the_mod_channel(club: Club) -> None:
    await with_mod_channel(club)
    due = await schedule_with_event(club, "Burning Beacon")
    [event] = club.events
    await advance(club, due - club.clock.now())
    assert event.status == ACTIVE
    await club.set_role_permissions(club.bot_role, NO_EVENTS)
    before = len(mod_posts(club))
    with club.expect_errors(403, 50013):
        await advance(club, timedelta(hours=1))
    assert event.status == ACTIVE  # still live in every member's Events list
    discussion = await posted(club)
    [told] = mod_posts(club)[before:]
    text = told.text
    assert f"#{discussion.id}" in text and "**Burning Beacon**" in text and "chapter 1" in text, text
    assert "could not be ended" in text and "Create Events" in text, text
    assert "ending the scheduled event" not in text, text
    assert "end or delete it by hand" in text and GRANT in text, text
    assert no_pings(told), told.message
    assert (await event_end_row(club, discussion.id))[0] == "failed"
    with club.expect_errors(403, 50013):  # tried again by itself (session 45), refused again, not told
        await advance(club, timedelta(hours=3))
    assert len(mod_posts(club)) == before + 1 and await owed_here(club) == 0


async def test_a_failed_discussion_whose_event_dogear_may_not_cancel_is_told_that_too(club: Club) -> None:
    """Its failure is told at its time; at the event's end the cancel is refused, and that is told once."""
    await with_mod_channel(club)
    due = await schedule_with_event(club, "Shut Beacon", channel=club.locked_channel)
    [event] = club.events
    await club.set_role_permissions(club.bot_role, NO_EVENTS)
    before = len(mod_posts(club))
    with club.expect_errors(403, 50013):
        await advance(club, due - club.clock.now() + timedelta(hours=2))
    discussion = await posted(club)
    assert discussion.state == "failed" and event.status == SCHEDULED
    told = [reply.text for reply in mod_posts(club)[before:]]
    assert len(told) == 2, told
    [failed] = [text for text in told if "could not be posted" in text]
    [stuck] = [text for text in told if "scheduled event" in text and "could not be" in text and text != failed]
    assert f"#{discussion.id}" in stuck and "by hand" in stuck and GRANT in stuck, stuck
    with club.expect_errors(403, 50013):  # tried again by itself (session 45), refused again, not told
        await advance(club, timedelta(hours=3))
    assert len(mod_posts(club)) == before + 2


async def test_without_a_mod_channel_nothing_is_posted_or_owed(club: Club) -> None:
    due = await schedule_with_event(club, "Quiet Beacon")
    [event] = club.events
    await club.set_role_permissions(club.bot_role, NO_EVENTS)
    before = len(mod_posts(club))
    with club.expect_errors(403, 50013):
        await advance(club, due - club.clock.now())
    discussion = await posted(club)
    assert discussion.state == "posted" and event.status == SCHEDULED
    assert (await event_end_row(club, discussion.id))[0] == "failed"  # kept, as /discussion list reads rows
    assert await owed_here(club) == 0 and len(mod_posts(club)) == before


async def test_a_restart_between_the_post_and_its_record_tells_the_refused_start_once(club: Club) -> None:
    """The thread could not be opened (a 503) and the mod channel's first try failed (a 503): the
    process restarts with the discussion half-posted. The resumed post asks Discord to start the event
    again, is refused again, and owes nothing new; the notice owed before the restart is told once."""
    await with_mod_channel(club)
    due = await schedule_with_event(club, "Twice Beacon")
    [event] = club.events
    await club.set_role_permissions(club.bot_role, NO_EVENTS)
    before = len(mod_posts(club))
    club.fail_route(THREADS, 503)
    club.fail_messages(club.general_channel, status=503)
    with club.expect_errors(403, 50013):
        await advance(club, due - club.clock.now())
    discussion = await posted(club)
    assert discussion.state == "posting" and discussion.message_id is not None  # between the post and its record
    assert mod_posts(club)[before:] == [] and await owed_here(club) == 1

    with club.expect_errors(403, 50013) as refusals:
        await club.restart()
        await settle(club)
    assert refusals  # the resumed post asked to start the event again
    discussion = await posted(club)
    assert discussion.state == "posted" and event.status == SCHEDULED
    [told] = mod_posts(club)[before:]
    assert f"#{discussion.id}" in told.text and "could not be started" in told.text, told.text
    with club.expect_errors(403, 50013):  # tried again by itself (session 45), refused again, not told
        await advance(club, timedelta(hours=3))
    assert len(mod_posts(club)) == before + 1 and await owed_here(club) == 0
    assert len(bot_posts(club, club.text_channel)) == 1
