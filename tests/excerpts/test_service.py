"""Posting as a job, through the service with an in-memory Discord: exactly once across crashes.

The store and the rendering are the real ones on a real SQLite file; only Discord is simulated
(``FakePoster``), including a process dying right after a message was sent.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest

from bot.clock import ManualClock
from bot.db import Database
from bot.errors import UserError
from bot.excerpts import store
from bot.excerpts.model import AlreadyPosted, PostOutcome
from bot.excerpts.render import render_contents
from bot.excerpts.service import ExcerptService
from bot.limits import NONCE_CHARS
from bot.shards import ShardScope
from bot.story.store import load_chapter
from bot.warnings.service import set_override
from tests.excerpts.conftest import (
    CHANNEL,
    GUILD,
    OTHER_GUILD,
    FakeChannels,
    FakePoster,
    SimulatedCrash,
    add_test_story,
    request,
)

Make = Callable[..., ExcerptService]
EVERYTHING = ShardScope()


async def planned(db: Database, story_id: int, chapter: int) -> list[str]:
    loaded = await load_chapter(db, GUILD, story_id, chapter)
    assert loaded is not None
    return render_contents("The Long Tide", loaded, [], 2000)


async def test_a_post_sends_every_message_in_order_and_records_each(
    db: Database, world: FakeChannels, make_service: Make
) -> None:
    story_id = await add_test_story(db)
    outcome = await make_service().post_chapter(request(world, story_id, 2), FakePoster(world))
    assert isinstance(outcome, PostOutcome)
    expected = await planned(db, story_id, 2)
    assert world.contents(CHANNEL) == expected and len(expected) == outcome.job.chunk_count > 10
    assert expected[0].startswith("📖 **The Long Tide** · Chapter 2")
    assert [m.buttons for m in world.in_channel(CHANNEL)] == [None] * (len(expected) - 1) + [(story_id, 2, 0)]
    chunks = await store.chunks(db, GUILD, outcome.job.id)
    assert [c.message_id for c in chunks] == [m.id for m in world.in_channel(CHANNEL)]
    assert outcome.job.state == "done" and outcome.job.interaction_token is None


async def test_a_chapter_over_the_limit_is_refused_with_its_count(
    db: Database, world: FakeChannels, make_service: Make
) -> None:
    story_id = await add_test_story(db)
    count = len(await planned(db, story_id, 2))
    with pytest.raises(UserError) as refused:
        await make_service(max_messages=count - 1).post_chapter(request(world, story_id, 2), FakePoster(world))
    message = str(refused.value)
    assert f"would take {count} messages, more than the {count - 1}" in message
    assert f"`/excerpt read story:{story_id} chapter:2`" in message and "(s)" not in message  # by id: titles repeat
    assert world.messages == [] and await store.latest_job(db, GUILD, story_id, 2, CHANNEL) is None
    fits = await make_service(max_messages=count).post_chapter(request(world, story_id, 2), FakePoster(world))
    assert isinstance(fits, PostOutcome) and len(world.messages) == count


async def test_an_already_posted_chapter_asks_before_posting_again(
    db: Database, world: FakeChannels, make_service: Make
) -> None:
    story_id = await add_test_story(db)
    service = make_service()
    await service.post_chapter(request(world, story_id, 1), FakePoster(world))
    once = list(world.messages)
    asked = await service.post_chapter(request(world, story_id, 1), FakePoster(world))
    assert isinstance(asked, AlreadyPosted) and asked.previous.channel_id == CHANNEL
    assert world.messages == once
    again = await service.post_chapter(
        request(world, story_id, 1, confirmed_after=asked.previous.id), FakePoster(world)
    )
    assert isinstance(again, PostOutcome) and len(world.messages) == 2 * len(once)
    stale = await service.post_chapter(  # the same "yes" again: it answered the first post, not this one
        request(world, story_id, 1, confirmed_after=asked.previous.id), FakePoster(world)
    )
    assert isinstance(stale, AlreadyPosted) and stale.previous.id == again.job.id
    assert len(world.messages) == 2 * len(once)


async def test_a_chapter_being_posted_is_not_started_twice(
    db: Database, world: FakeChannels, make_service: Make
) -> None:
    story_id = await add_test_story(db)
    with pytest.raises(SimulatedCrash):
        await make_service().post_chapter(request(world, story_id, 2), FakePoster(world, crash_after=4))
    with pytest.raises(UserError) as busy:
        await make_service().post_chapter(request(world, story_id, 2), FakePoster(world))
    assert "is being posted in <#1001> right now (3 of" in str(busy.value)
    assert len(world.messages) == 4


@pytest.mark.parametrize(
    ("read_history", "found"), [(True, 5), (False, 4)], ids=["found-in-history", "returned-by-nonce"]
)
async def test_a_crash_right_after_a_send_resumes_without_a_duplicate(
    db: Database, world: FakeChannels, make_service: Make, read_history: bool, found: int
) -> None:
    story_id = await add_test_story(db)
    with pytest.raises(SimulatedCrash):
        await make_service().post_chapter(request(world, story_id, 2), FakePoster(world, crash_after=5))
    job = await store.posting_job(db, GUILD, story_id, 2)
    assert job is not None and job.sent == 4  # the fifth message is in the channel, not in the database
    resumed = await make_service().resume_unfinished(FakePoster(world, read_history=read_history), EVERYTHING)
    assert resumed == 1
    assert world.contents(CHANNEL) == await planned(db, story_id, 2)  # whole, once, in order
    done = await store.get_job(db, GUILD, job.id)
    assert done is not None and done.state == "done"
    notes = [text for _, text in world.interaction_notes]
    assert f"continuing from message {found + 1} of" in notes[0] and notes[-1].startswith("Posted chapter 2")
    assert f"{found} messages of it were already there" in notes[-1]
    assert world.channel_notes == []


async def test_after_the_token_expired_the_channel_is_told_without_pings(
    db: Database, world: FakeChannels, make_service: Make, clock: ManualClock
) -> None:
    story_id = await add_test_story(db)
    with pytest.raises(SimulatedCrash):
        await make_service().post_chapter(request(world, story_id, 2), FakePoster(world, crash_after=3))
    await clock.advance(timedelta(hours=2).total_seconds())  # down for two hours: nonce and token are gone
    await make_service().resume_unfinished(FakePoster(world), EVERYTHING)
    expected = await planned(db, story_id, 2)
    assert world.contents(CHANNEL) == expected
    assert world.interaction_notes == []
    assert world.channel_notes == [
        (
            CHANNEL,
            f"-# I restarted while posting chapter 2 of **The Long Tide**; the rest follows (from message 4 of {len(expected)}).",
        )
    ]


async def test_a_refused_post_stops_and_the_next_command_continues_it(
    db: Database, world: FakeChannels, make_service: Make
) -> None:
    story_id = await add_test_story(db)
    with pytest.raises(UserError) as stopped:
        await make_service().post_chapter(request(world, story_id, 2), FakePoster(world, fail_after=6))
    assert "stopped after 6 of" in str(stopped.value) and "continue where it stopped" in str(stopped.value)
    continued = await make_service().post_chapter(request(world, story_id, 2), FakePoster(world))
    assert isinstance(continued, PostOutcome) and continued.already_there == 6
    assert world.contents(CHANNEL) == await planned(db, story_id, 2)


async def test_a_post_whose_channel_is_gone_says_to_post_elsewhere(
    db: Database, world: FakeChannels, make_service: Make
) -> None:
    """'Run /excerpt post again to continue' only led to 'the channel no longer exists' again."""
    story_id = await add_test_story(db)
    world.deleted.add(CHANNEL)
    with pytest.raises(UserError) as stopped:
        await make_service().post_chapter(request(world, story_id, 2), FakePoster(world))
    said = str(stopped.value)
    assert "the channel no longer exists" in said and "in another channel with `/excerpt post channel:`" in said
    assert "continue where it stopped" not in said


async def test_a_post_refused_before_its_first_message_is_planned_again_with_todays_warnings(
    db: Database, world: FakeChannels, make_service: Make
) -> None:
    """Nothing of it reached the channel, so nothing ties it to the header it was planned with."""
    story_id = await add_test_story(db)
    with pytest.raises(UserError) as stopped:
        await make_service().post_chapter(request(world, story_id, 2), FakePoster(world, fail_after=0))
    assert "stopped after 0 of" in str(stopped.value) and world.messages == []
    await set_override(db, GUILD, story_id, "grief", "add")  # an admin adds a warning meanwhile
    continued = await make_service().post_chapter(request(world, story_id, 2), FakePoster(world))
    assert isinstance(continued, PostOutcome) and continued.already_there == 0
    header = world.contents(CHANNEL)[0]
    assert "Grief" in header, header
    assert len(world.contents(CHANNEL)) == continued.job.chunk_count
    done = await store.get_job(db, GUILD, continued.job.id)
    assert done is not None and done.state == "done" and done.sent == done.chunk_count


async def test_a_post_refused_midway_keeps_its_plan(db: Database, world: FakeChannels, make_service: Make) -> None:
    """The header is in the channel already: the rest of that post follows it, as planned."""
    story_id = await add_test_story(db)
    with pytest.raises(UserError):
        await make_service().post_chapter(request(world, story_id, 2), FakePoster(world, fail_after=1))
    await set_override(db, GUILD, story_id, "grief", "add")
    continued = await make_service().post_chapter(request(world, story_id, 2), FakePoster(world))
    assert isinstance(continued, PostOutcome) and continued.already_there == 1
    assert world.contents(CHANNEL) == await planned(db, story_id, 2) and "Grief" not in world.contents(CHANNEL)[0]


async def test_only_the_servers_this_process_owns_are_resumed(
    db: Database, world: FakeChannels, make_service: Make
) -> None:
    mine = await add_test_story(db, GUILD)
    theirs = await add_test_story(db, OTHER_GUILD)
    for guild_id, story_id in ((GUILD, mine), (OTHER_GUILD, theirs)):
        asked = request(world, story_id, 1)
        with pytest.raises(SimulatedCrash):
            await make_service().post_chapter(replace(asked, guild_id=guild_id), FakePoster(world, crash_after=1))
    assert await make_service().resume_unfinished(FakePoster(world), ShardScope.of(2, [0])) == 1
    assert await store.posting_job(db, GUILD, mine, 1) is None
    assert await store.posting_job(db, OTHER_GUILD, theirs, 1) is not None


async def test_shutting_down_stops_between_messages_and_the_next_start_finishes(
    db: Database, world: FakeChannels, make_service: Make
) -> None:
    story_id = await add_test_story(db)
    service = make_service()

    three_sent = asyncio.Event()

    class SlowPoster(FakePoster):
        async def send(self, *args: Any, **kwargs: Any) -> int:
            await asyncio.sleep(0.01)
            sent = await super().send(*args, **kwargs)
            if self.sends >= 3:
                three_sent.set()
            return sent

    running = asyncio.create_task(service.post_chapter(request(world, story_id, 2), SlowPoster(world)))
    await three_sent.wait()
    await service.close()
    with pytest.raises(asyncio.CancelledError):
        await running
    assert 3 <= len(world.messages) < len(await planned(db, story_id, 2))
    await make_service().resume_unfinished(FakePoster(world), EVERYTHING)
    assert world.contents(CHANNEL) == await planned(db, story_id, 2)


async def test_two_chapters_posted_into_one_channel_at_once_do_not_interleave(
    db: Database, world: FakeChannels, make_service: Make
) -> None:
    story_id = await add_test_story(db)
    service = make_service()

    class YieldingPoster(FakePoster):
        async def send(self, *args: Any, **kwargs: Any) -> int:
            await asyncio.sleep(0)  # give the other post every chance to cut in
            return await super().send(*args, **kwargs)

    first, second = await asyncio.gather(
        service.post_chapter(request(world, story_id, 2), YieldingPoster(world)),
        service.post_chapter(request(world, story_id, 1), YieldingPoster(world)),
    )
    assert isinstance(first, PostOutcome) and isinstance(second, PostOutcome)
    two, one = await planned(db, story_id, 2), await planned(db, story_id, 1)
    assert world.contents(CHANNEL) in (two + one, one + two)  # whichever took the channel first, whole


async def test_every_nonce_fits_discords_limit(db: Database, world: FakeChannels, make_service: Make) -> None:
    story_id = await add_test_story(db)
    outcome = await make_service().post_chapter(request(world, story_id, 2), FakePoster(world))
    assert isinstance(outcome, PostOutcome)
    nonces = [message.nonce or "" for message in world.in_channel(CHANNEL)]
    assert len(set(nonces)) == len(nonces) and max(len(nonce) for nonce in nonces) <= NONCE_CHARS
    assert len(outcome.job.nonce(1000)) <= NONCE_CHARS  # the largest MAX_POST_MESSAGES allows


@pytest.mark.parametrize("error", [ConnectionResetError(104, "Connection reset by peer"), RuntimeError("a bug")])
async def test_an_unexpected_error_mid_post_stops_it_and_the_next_command_continues_it(
    db: Database, world: FakeChannels, make_service: Make, error: Exception
) -> None:
    """Only a process that dies or shuts down leaves a post 'posting'; anything else stops it, so the
    chapter is not "being posted right now" until the next restart."""
    story_id = await add_test_story(db)

    class BrokenPoster(FakePoster):
        async def send(self, *args: Any, **kwargs: Any) -> int:
            if self.sends == 5:
                raise error
            return await super().send(*args, **kwargs)

    with pytest.raises(UserError) as stopped:
        await make_service().post_chapter(request(world, story_id, 2), BrokenPoster(world))
    assert "stopped after 5 of" in str(stopped.value) and "continue where it stopped" in str(stopped.value)
    continued = await make_service().post_chapter(request(world, story_id, 2), FakePoster(world))
    assert isinstance(continued, PostOutcome) and continued.already_there == 5
    assert world.contents(CHANNEL) == await planned(db, story_id, 2)


async def test_the_service_keeps_no_lock_for_channels_it_is_done_with(
    db: Database, world: FakeChannels, make_service: Make
) -> None:
    """One process serves thousands of servers: a lock kept for every channel that was ever posted
    in grew with them for as long as the bot ran."""
    story_id = await add_test_story(db)
    service = make_service()
    for channel_id in (CHANNEL, CHANNEL + 1, CHANNEL + 2):
        outcome = await service.post_chapter(request(world, story_id, 1, channel_id=channel_id), FakePoster(world))
        assert isinstance(outcome, PostOutcome)
    assert len(service._locks) == 0
