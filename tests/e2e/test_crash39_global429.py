"""Discord's global rate limit on every route the bot uses (session 39).

Discord's global limit (a bot's 50 requests a second) answers 429 to any request its token
authorises, not only message creates, as the double did until now: a thread opened, a member
added to it, an event created, a channel read, a DM channel opened. discord.py waits what the 429
says and tries again; the bot must still do everything exactly once. Interaction callbacks and
follow-ups (authorised by the interaction's token) are not bound to the global limit.
"""

from __future__ import annotations

from datetime import timedelta

from bot.devtools.driver import Club, ClubRuntime
from bot.progress.store import mark_read
from bot.story.render import unrender
from tests.e2e.test_discussions import a_story, advance, bot_posts
from tests.e2e.test_excerpts import add_story, post, squash
from tests.e2e.test_storms38 import expected_text, sent_and_state, tide


def limited_routes(club: Club) -> set[str]:
    return {f"{r.method} {r.route}" for r in club.rate_limited}


async def test_a_global_429_answers_a_route_other_than_a_message_create_and_discord_py_retries_it(
    club: Club,
) -> None:
    club.inject_global_rate_limit(times=1, retry_after=0.05)

    async def fetch() -> int:
        return (await club.bot.fetch_channel(club.text_channel.id)).id

    assert await club.run(fetch) == club.text_channel.id
    [limited] = club.rate_limited
    assert (limited.method, limited.route, limited.retried) == ("GET", "/channels/{channel}", True)


async def test_interaction_answers_are_not_bound_to_the_global_limit(club: Club) -> None:
    """A command answered while global 429s are owed: its callback goes straight through, and the
    429s are left for the bot's own requests."""
    club.inject_global_rate_limit(times=3, retry_after=0.05)
    [answer] = await club.slash("prefs reminders", member=club.member)
    assert answer.ephemeral and "No DM copies" in answer.text
    assert not any(r.route.startswith(("/interactions/", "/webhooks/")) for r in club.rate_limited)


async def test_a_discussion_with_its_thread_reminder_and_dm_copy_under_a_global_429_storm_happens_once(
    club: Club,
) -> None:
    """Every third request of the bot, whatever its route, answered with a global 429 from the
    scheduling command to the discussion's post: the command answered once, the reminder posted
    once, its DM copy sent once, the discussion posted once with one thread holding the reader."""
    story = await a_story(club, "The Storm Light")
    await club.run(mark_read(club.bot.db, club.guild.id, club.member.id, story, 2, now=0))
    await club.run(mark_read(club.bot.db, club.guild.id, club.other_member.id, story, 1, now=0))
    await club.slash("prefs reminders", member=club.other_member, dm=True)
    club.inject_global_rate_limit(times=10_000, retry_after=0.05, every=3)
    replies = await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=2, when="in 4 hours", remind="1h",
        channel=club.text_channel,
    )  # fmt: skip
    assert len(replies) == 1 and replies[0].ephemeral, [r.text for r in replies]
    await advance(club, timedelta(hours=3))  # the reminder and its DM copy
    await advance(club, timedelta(hours=1))  # the discussion, its thread and its reader
    await advance(club, timedelta(hours=2))  # nothing more
    club.inject_global_rate_limit(times=0)
    routes = limited_routes(club)
    assert "POST /channels/{channel}/messages" in routes and len(routes) > 1, routes
    assert all(r.retried for r in club.rate_limited)
    posts = bot_posts(club, club.text_channel)
    assert [("Reminder" in p.text, "Discussion #" in p.text) for p in posts] == [(True, False), (False, True)]
    assert len(club.dms(club.other_member)) == 1
    [thread] = [t for t in club.threads if t.parent_id == club.text_channel.id]
    assert club.member.id in thread.member_ids and club.other_member.id not in thread.member_ids
    every = await club.run(club.bot.db.fetch_all("SELECT guild_id, state, thread_id FROM discussions"))
    assert [(state, thread_id) for guild_id, state, thread_id in every if guild_id == club.guild.id] == [
        ("posted", thread.id)
    ]


async def test_an_excerpt_under_a_global_429_storm_posts_every_message_once_in_order(club: Club) -> None:
    """``/story add`` and ``/excerpt post`` with every third request of the bot answered 429."""
    club.inject_global_rate_limit(times=10_000, retry_after=0.05, every=3)
    story_id = await add_story(club, tide())
    replies = await post(club, member=club.admin, story=str(story_id), chapter=1, channel=club.text_channel)
    club.inject_global_rate_limit(times=0)
    assert "Posted chapter 1" in replies[-1].text, [r.text for r in replies]
    posted = bot_posts(club, club.text_channel)
    assert len(posted) == 5, [m.content[:30] for m in posted]
    assert squash(unrender([{"content": m.content} for m in posted])) == expected_text()
    assert club.rate_limited and all(r.retried for r in club.rate_limited)
    assert await sent_and_state(club) == (5, "done")


def test_a_storm_stops_at_times_zero_and_is_not_left_to_the_next_server(club_runtime: ClubRuntime) -> None:
    """The double serves a whole test session: ``times=0`` drops what a storm still owes, and a
    new server starts with none left by the test before (a storm once ran on into the next file's
    tests, whose every request was then answered 429)."""
    limiter = club_runtime.double.state.limiter
    limiter.force_global(times=2)
    limiter.force_global(times=1)
    assert limiter.global_forced == 3
    limiter.force_global(times=0)
    assert limiter.global_forced == 0
    limiter.force_global(times=10_000, every=3)
    club_runtime.new_club("After The Storm")
    assert limiter.global_forced == 0
