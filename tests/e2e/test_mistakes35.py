"""Mistakes left by the session-34 sweep, answered through the Discord double (session 35).

A posted discussion moved to a time in the past was told its time was past, as if a nearer time would
move it; a time written with an offset ("UTC+2") was unreadable; "now" got the generic answer.
"""

from __future__ import annotations

from datetime import timedelta, timezone

from bot.devtools.driver import Club
from bot.discussions import store
from tests.e2e.test_discussions import a_story, advance, bot_posts, stored
from tests.e2e.test_mistakes34 import private_and_short


async def test_moving_a_posted_discussion_says_it_is_posted_whatever_the_time(club: Club) -> None:
    story = await a_story(club, "The Posted Tale")
    await club.slash(
        "discussion schedule",
        member=club.admin,
        story=str(story),
        chapter=1,
        when="in 2 hours",
        remind="none",
        channel=club.text_channel,
    )
    [discussion] = [d for d in await stored(club) if d.story_title == "The Posted Tale"]
    await advance(club, timedelta(hours=2))
    assert any(f"Discussion #{discussion.id}" in post.text for post in bot_posts(club, club.text_channel))
    for when in ("yesterday 7pm", "in 3 days"):
        answer = private_and_short(await club.slash("discussion move", member=club.admin, id=discussion.id, when=when))
        assert f"Discussion #{discussion.id} is already posted" in answer.text, answer.text
        assert "in the past" not in answer.text
    done = await club.run(store.get_discussion(club.bot.db, club.guild.id, discussion.id))
    assert done.state == "posted"


async def test_a_discussion_scheduled_at_an_offset_posts_at_that_moment(club: Club) -> None:
    story = await a_story(club, "The Offset Tale")
    due = (club.clock.now() + timedelta(days=1)).replace(second=0, microsecond=0)
    local = due.astimezone(timezone(timedelta(hours=2)))
    [answer] = await club.slash(
        "discussion schedule",
        member=club.admin,
        story=str(story),
        chapter=1,
        when=f"{local:%Y-%m-%d %H:%M} UTC+2",
        remind="none",
        channel=club.text_channel,
    )
    assert f"<t:{int(due.timestamp())}:F>" in answer.text, answer.text
    [discussion] = [d for d in await stored(club) if d.story_title == "The Offset Tale"]
    assert discussion.due_at == due
    await club.slash("discussion cancel", member=club.admin, id=discussion.id)


async def test_now_asks_for_a_time_ahead(club: Club) -> None:
    story = await a_story(club, "The Hasty Tale")
    answer = private_and_short(
        await club.slash("discussion schedule", member=club.admin, story=str(story), chapter=1, when="now")
    )
    assert "Give a time ahead" in answer.text and "`in 5 minutes`" in answer.text
    assert not [d for d in await stored(club) if d.story_title == "The Hasty Tale"]


async def test_cancelling_a_discussion_whose_event_was_deleted_by_hand_says_it_was_gone(club: Club) -> None:
    """Since the event's deletion is owed (migration 0030) the answer said "was deleted" even when a member
    had deleted the event by hand; it says it was already gone, as it did before."""
    story = await a_story(club, "The Vanished Event")
    [answer] = await club.slash(
        "discussion schedule",
        member=club.admin,
        story=str(story),
        chapter=1,
        when="in 3 days",
        event=True,
        remind="none",
        channel=club.text_channel,
    )
    assert "event was created" in answer.text, answer.text
    [discussion] = [d for d in await stored(club) if d.story_title == "The Vanished Event"]
    [event] = [e for e in club.events if e.id == discussion.event_id]
    event.deleted = True  # a moderator deleted it in Discord
    with club.expect_errors(404, 10070):  # the bot asks for the event and hears it is gone
        [cancelled] = await club.slash("discussion cancel", member=club.admin, id=discussion.id)
    assert "is cancelled" in cancelled.text and "event was already gone" in cancelled.text, cancelled.text
