"""A discussion's thread made twice by a lost answer, when the copy cannot be found from the cache or
cannot be deleted (session 40).

A private thread or a forum post has no nonce: when Discord makes one and loses its answer (a 502),
discord.py sends the create again and a second thread is made. The poster deleted the copy it found
in discord.py's cache, so it relied on the first thread's THREAD_CREATE arriving before the retry
returned, and on Manage Threads. Here the event is late (held by the double until the post is
done), or the bot lacks Manage Threads: one thread is left to the club, or the copy says where the
discussion is, an admin can see it and the log says why it stayed.
"""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from bot.devtools.double import permissions as P
from bot.devtools.driver import Club
from bot.progress.store import mark_read
from tests.e2e.test_crash39_routes import every_state
from tests.e2e.test_discussions import a_story, advance

THREADS = "POST /channels/{channel}/threads"


async def schedule(club: Club, *, forum: bool = False) -> int:
    story = await a_story(club, "The Twice Light")
    await club.run(mark_read(club.bot.db, club.guild.id, club.member.id, story, 2, now=0))
    if forum:
        await club.slash("config set", member=club.admin, discussion_channel=club.forum_channel)
    where = {} if forum else {"channel": club.text_channel}
    await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when="in 2 hours", remind="none", **where
    )
    return story


def live_threads(club: Club, parent) -> list:
    return [t for t in club.threads if t.parent_id == parent.id]


@pytest.mark.parametrize("forum", [False, True], ids=["private-thread", "forum-post"])
async def test_a_thread_made_twice_whose_first_create_event_is_late_is_deleted(club: Club, forum: bool) -> None:
    """THREAD_CREATE of the first thread arrives only after the discussion is posted: the copy is
    found all the same (Discord's list of active threads) and deleted; one thread is left."""
    await schedule(club, forum=forum)
    club.fail_route(THREADS, 502, after=True)
    club.hold_events("THREAD_CREATE")
    try:
        await advance(club, timedelta(hours=2))
    finally:
        await club.release_events()
    await advance(club, timedelta(minutes=1))
    parent = club.forum_channel if forum else club.text_channel
    threads = live_threads(club, parent)
    assert len(threads) == 1, [t.name for t in threads]
    assert await every_state(club, "SELECT guild_id, state FROM discussions") == [("posted",)]
    if not forum:
        assert club.member.id in threads[0].member_ids


@pytest.mark.parametrize("forum", [False, True], ids=["private-thread", "forum-post"])
async def test_a_thread_made_twice_the_bot_may_not_delete_says_where_the_discussion_is(
    club: Club, forum: bool, caplog: pytest.LogCaptureFixture
) -> None:
    """Without Manage Threads the copy stays: it says in itself (where only those who may delete it,
    or every reader of a forum, see it) that it is a copy and where the discussion is, the log says
    why it was left, and nothing is asked of Discord that it refuses."""
    await schedule(club, forum=forum)
    parent = club.forum_channel if forum else club.text_channel
    await club.set_overwrite(parent, club.bot_role, deny=P.MANAGE_THREADS)
    club.fail_route(THREADS, 502, after=True)
    with caplog.at_level(logging.WARNING):
        await advance(club, timedelta(hours=2))
        await advance(club, timedelta(minutes=1))
    threads = live_threads(club, parent)
    assert len(threads) == 2, [t.name for t in threads]
    [(_, thread_id)] = await every_state(club, "SELECT guild_id, state, thread_id FROM discussions")
    [copy] = [t for t in threads if t.id != thread_id]
    said = [m.text for m in club.messages(copy)]
    assert any("made twice" in text and f"<#{thread_id}>" in text and "Manage Threads" in text for text in said), said
    lines = [r.getMessage() for r in caplog.records if "made twice" in r.getMessage()]
    assert any(str(copy.id) in line and "Manage Threads" in line for line in lines), lines
