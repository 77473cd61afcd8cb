"""The machine's wall clock jumps while discussions are scheduled (session 38).

The bot's clock is a ManualClock: ``club.clock.advance`` is a jump ahead (every sleeper due meanwhile
wakes at once, as the system clock's sleepers do at their next look), ``club.clock.set_back`` a
jump back. Every item is stored with its state, so neither posts anything twice or loses anything.
"""

from __future__ import annotations

from datetime import timedelta

from bot.devtools.driver import Club
from tests.e2e.test_discussions import a_story, advance, bot_posts, settle, utc_text


async def states(club: Club, table: str) -> list[str]:
    every = await club.run(club.bot.db.fetch_all(f"SELECT guild_id, state FROM {table} ORDER BY id"))
    return [state for guild_id, state in every if guild_id == club.guild.id]


async def test_jumps_ahead_two_hours_and_back_one_post_each_discussion_and_reminder_once(club: Club) -> None:
    """Discussion 1 due in 90 minutes (its reminder in 30), discussion 2 in 4 hours (its reminder in 3).
    Two hours ahead: discussion 1 posts (late, once), its reminder has no use left and is not sent.
    One hour back: nothing posts again. Then on to the end: discussion 2's reminder and post, once each."""
    start = club.clock.now().replace(second=0, microsecond=0) + timedelta(minutes=1)
    story = await a_story(club, "The Drifting Clock")
    for chapter, due in ((1, start + timedelta(minutes=90)), (2, start + timedelta(hours=4))):
        [answer] = await club.slash(
            "discussion schedule", member=club.admin, story=str(story), chapter=chapter, when=utc_text(due),
            remind="1h", channel=club.text_channel,
        )  # fmt: skip
        assert "scheduled" in answer.text.lower(), answer.text
    await advance(club, timedelta(hours=2, minutes=1))  # the jump ahead
    posts = [p.text for p in bot_posts(club, club.text_channel)]
    assert len(posts) == 1 and "Discussion #" in posts[0], posts
    assert await states(club, "discussions") == ["posted", "scheduled"]
    assert await states(club, "discussion_reminders") == ["missed", "scheduled"]

    await club.clock.set_back(timedelta(hours=1))  # the jump back: 1 h 1 min after the start
    await settle(club)
    await advance(club, timedelta(minutes=45))  # discussion 1's time again: nothing
    assert len(bot_posts(club, club.text_channel)) == 1
    await advance(club, timedelta(hours=1, minutes=15))  # 3 h 1 min: discussion 2's reminder
    posts = [p.text for p in bot_posts(club, club.text_channel)]
    assert len(posts) == 2 and "Reminder" in posts[1], posts
    await advance(club, timedelta(hours=1))  # 4 h 1 min: discussion 2
    await advance(club, timedelta(hours=2))
    posts = [p.text for p in bot_posts(club, club.text_channel)]
    assert len(posts) == 3 and "Discussion #" in posts[2], posts
    assert await states(club, "discussions") == ["posted", "posted"]
    assert await states(club, "discussion_reminders") == ["missed", "posted"]
    assert len([t for t in club.threads if t.parent_id == club.text_channel.id]) == 2
