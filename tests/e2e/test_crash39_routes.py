"""Discord failing on its side on each route a discussion uses (session 39).

For each route of a discussion's life (its event created, its reminder and DM copy, its post, its
private thread, its readers added, its event started), Discord answers once with a 503 (which
discord.py does not retry), does the work and loses the answer (a 502 discord.py tries again, or
a connection closed unanswered: a timeout through a proxy). Afterwards everything is there once:
one reminder, one DM copy, one discussion post, one thread holding its readers, one event.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.devtools.driver import Club
from bot.progress.store import mark_read
from tests.e2e.test_discussions import a_story, advance, bot_posts

ROUTES = {
    "event-create": "POST /guilds/{guild}/scheduled-events",
    "message": "POST /channels/{channel}/messages",
    "thread": "POST /channels/{channel}/threads",
    "reader-add": "PUT /channels/{channel}/thread-members/{user}",
    "event-edit": "PATCH /guilds/{guild}/scheduled-events/{event}",
    "dm-open": "POST /users/@me/channels",
    "history": "GET /channels/{channel}/messages",
}
MODES = {"503": (503, False), "made-502": (502, True), "made-no-answer": (None, True)}
CASES = [(route, mode) for route in ROUTES for mode in MODES]


async def every_state(club: Club, sql: str) -> list[tuple]:
    found = await club.run(club.bot.db.fetch_all(sql))
    return [tuple(row[1:]) for row in found if row[0] == club.guild.id]


@pytest.mark.parametrize(("route", "mode"), CASES)
async def test_a_discussion_whose_route_fails_once_happens_once(club: Club, route: str, mode: str) -> None:
    story = await a_story(club, "The Failing Light")
    await club.run(mark_read(club.bot.db, club.guild.id, club.member.id, story, 2, now=0))
    await club.run(mark_read(club.bot.db, club.guild.id, club.other_member.id, story, 1, now=0))
    await club.slash("prefs reminders", member=club.other_member, dm=True)
    status, after = MODES[mode]
    club.fail_route(ROUTES[route], status, after=after)
    options = {"story": str(story), "chapter": 2, "when": "in 4 hours", "remind": "1h", "event": True}
    [reply] = await club.slash("discussion schedule", member=club.admin, channel=club.text_channel, **options)
    if route == "event-create" and mode != "made-502":  # the admin is told in a line, and schedules again
        assert reply.ephemeral and "could not create the scheduled event" in reply.text, reply.text
        assert "nothing was scheduled" in reply.text, reply.text
        assert mode != "503" or "Discord failed on its side (503)" in reply.text, reply.text
        [reply] = await club.slash("discussion schedule", member=club.admin, channel=club.text_channel, **options)
    assert "scheduled event was created" in reply.text, reply.text
    for step in (timedelta(hours=3), timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=50)):
        await advance(club, step)  # the reminder, its retries
    for step in (timedelta(minutes=5), timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=15)):
        await advance(club, step)  # the discussion, its retries
    await advance(club, timedelta(hours=2))
    posts = bot_posts(club, club.text_channel)
    kinds = [("Reminder" in p.text, "Discussion #" in p.text) for p in posts]
    assert kinds == [(True, False), (False, True)], [p.text[:60] for p in posts]
    assert len(club.dms(club.other_member)) == 1
    threads = [t for t in club.threads if t.parent_id == club.text_channel.id]
    assert len(threads) == 1, [t.name for t in threads]
    assert club.member.id in threads[0].member_ids and club.other_member.id not in threads[0].member_ids
    assert await every_state(club, "SELECT guild_id, state FROM discussions") == [("posted",)]
    events = [e for e in club.events if not getattr(e, "deleted", False)]
    assert len(events) == 1, events


@pytest.mark.parametrize("mode", list(MODES))
async def test_a_forum_discussion_whose_post_fails_once_is_one_forum_post(club: Club, mode: str) -> None:
    """A forum post is a thread made with its first message, and carries no nonce: one Discord made
    before losing its answer (discord.py sends it again after a 502) was a second post of one discussion."""
    story = await a_story(club, "The Forum Light")
    await club.slash("config set", member=club.admin, discussion_channel=club.forum_channel)
    status, after = MODES[mode]
    club.fail_route("POST /channels/{channel}/threads", status, after=after)
    await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when="in 2 hours", remind="none"
    )
    for step in (timedelta(hours=2), timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=15)):
        await advance(club, step)
    posts = [t for t in club.threads if t.parent_id == club.forum_channel.id and not t.deleted]
    assert len(posts) == 1, [t.name for t in posts]
    assert await every_state(club, "SELECT guild_id, state FROM discussions") == [("posted",)]
