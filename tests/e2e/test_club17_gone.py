"""Session 46: a story removed while Dogear is in the middle of something for it, through the Discord double.

``/story remove`` lands while a discussion's message is with Discord, or while a scheduled event is
being created for a discussion being scheduled or moved. The post went on to store its event's ending
for a discussion no longer there (SQLite refused it: a traceback) and to open a thread nobody was let
into; ``/discussion schedule`` answered "something went wrong" (the same refusal) and a move left a
new event in the server's Events list that no discussion held."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest

from bot.devtools.driver import Club
from bot.story.service import remove_from_library
from tests.e2e.test_discussions import a_story, advance, bot_posts, stored

MESSAGES = "POST /channels/{channel}/messages"
EVENTS = "POST /guilds/{guild}/scheduled-events"


def removal(club: Club, story: int) -> Callable[[], Awaitable[None]]:
    """What the Remove button does (cogs/_story_remove.py): the story with everything cascading from it,
    then its discussions' events deleted from Discord."""

    async def remove() -> None:
        removed = await remove_from_library(club.bot.db, club.guild.id, story)
        club.bot.dispatch("story_removed", club.guild.id, story, removed.event_ids)

    return remove


async def test_a_story_removed_as_its_discussion_posts_stops_it_after_the_message(
    club: Club, caplog: pytest.LogCaptureFixture
) -> None:
    story = await a_story(club, "Salt Lanterns")
    await club.slash("progress set", member=club.member, story=str(story), chapter=1)
    [scheduled] = await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when="in 1 hour", remind="none",
        event=True, options={"channel": club.text_channel},
    )  # fmt: skip
    assert "scheduled event" in scheduled.text.lower(), scheduled.text
    [discussion] = await stored(club)
    club.meanwhile(MESSAGES, removal(club, story), after=True)
    with caplog.at_level(logging.INFO, logger="bot.discussions.service"):
        await advance(club, timedelta(hours=1))
        await advance(club, timedelta(hours=2))  # nothing is tried again, and no event is ended
    [posted] = bot_posts(club, club.text_channel)
    assert "Salt Lanterns" in posted.text
    assert club.threads == [] and club.events == []
    said = [r.getMessage() for r in caplog.records if f"discussion {discussion.id} in server" in r.getMessage()]
    assert any("was removed while it was being posted" in line for line in said), said
    assert await stored(club) == []


async def test_a_story_removed_while_its_discussions_event_is_created_is_said_and_leaves_no_event(club: Club) -> None:
    story = await a_story(club, "Ferry Lights")
    club.meanwhile(EVENTS, removal(club, story), after=True)
    [answer] = await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when="in 2 days", remind="none",
        event=True,
    )  # fmt: skip
    assert answer.ephemeral
    assert "**Ferry Lights** was removed from this server's library just now, so nothing was scheduled." in answer.text
    assert "went wrong" not in answer.text, answer.text
    assert club.events == [] and await stored(club) == []


async def test_a_story_removed_while_a_moved_discussion_gets_its_event_leaves_no_event_held_by_nothing(
    club: Club,
) -> None:
    story = await a_story(club, "Tern Harbour")
    await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when="in 2 days", remind="none"
    )
    [discussion] = await stored(club)
    club.meanwhile(EVENTS, removal(club, story), after=True)
    [answer] = await club.slash("discussion move", member=club.admin, id=discussion.id, when="in 3 days", event=True)
    assert f"Discussion #{discussion.id} is gone: its story was removed just now" in answer.text, answer.text
    assert club.events == []
