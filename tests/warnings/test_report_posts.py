"""A member's report reaches the moderation channel once, across kills and Discord's failures
(``bot.warnings.report_posts``), on a real SQLite file with an in-memory moderation channel."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from bot.clock import ManualClock
from bot.db import Database
from bot.discussions.failures import Gone, PostFailure, Unreachable
from bot.guilds import update_settings
from bot.shards import ShardScope
from bot.warnings import reviews
from bot.warnings.report_posts import ReportPosts, marker
from bot.warnings.reviews import NewReport
from tests.warnings.test_reviews import GUILD, stored, story

MOD_CHANNEL = 4242


class FakeModChannel:
    """Messages by report id; ``failures`` are raised, one per send, before anything is posted."""

    def __init__(self) -> None:
        self.posted: dict[int, list[str]] = {}
        self.failures: list[PostFailure] = []
        self.sends = 0
        self.nonces: list[str] = []
        # The next send waits for this before reaching Discord, as discord.py sleeping out a rate
        # limit does (once); ``held`` is set then.
        self.gate: asyncio.Event | None = None
        self.held = asyncio.Event()

    async def find_report(self, channel_id: int, report_id: int) -> int | None:
        assert channel_id == MOD_CHANNEL
        return 9000 + report_id if report_id in self.posted else None

    async def post_report(self, new: NewReport, *, nonce: str) -> int:
        if self.gate is not None:
            gate, self.gate = self.gate, None
            self.held.set()
            await gate.wait()
        self.sends += 1
        self.nonces.append(nonce)
        if self.failures:
            raise self.failures.pop(0)
        self.posted.setdefault(new.report.id, []).append(marker(new.report.id))
        return 9000 + new.report.id


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 3, 1, 12, tzinfo=UTC))


async def reported(db: Database, clock: ManualClock, *, warning: str = "vomit") -> int:
    story_id = await db.fetch_value("SELECT id FROM stories WHERE guild_id = ?", (GUILD,))
    story_id = story_id or await stored(db, GUILD, story(["A quiet walk."]))
    await update_settings(db, GUILD, 0.0, mod_channel_id=MOD_CHANNEL)
    new = await reviews.report_warning(
        db, GUILD, 7, story=str(story_id), chapter=1, warning=warning, now=clock.now().timestamp()
    )
    return new.report.id


async def run_due(posts: ReportPosts, clock: ManualClock, after: timedelta) -> int:
    """Move the clock and serve what is due, as the timer does."""
    await clock.advance(after)
    due = await posts.next_due()
    return await posts.serve(clock.now()) if due is not None and due <= clock.now() else 0


async def state(db: Database, report_id: int) -> tuple[str, int]:
    row = await db.fetch_one("SELECT state, attempts FROM report_posts WHERE report_id = ?", (report_id,))
    assert row is not None
    return row[0], row[1]


async def test_a_report_stored_but_never_posted_before_a_kill_is_posted_by_the_retries(
    db: Database, clock: ManualClock
) -> None:
    channel = FakeModChannel()
    posts = ReportPosts(db, clock, channel, ShardScope(), lambda: None)
    report_id = await reported(db, clock)  # the process dies here: the cog's first try never runs
    assert await run_due(posts, clock, timedelta(seconds=30)) == 0  # the first try is the cog's for a minute
    assert await run_due(posts, clock, timedelta(seconds=31)) == 1
    assert channel.posted == {report_id: [marker(report_id)]}
    assert await state(db, report_id) == ("posted", 1)
    assert await posts.next_due() is None


async def test_a_restarted_process_posts_what_an_earlier_one_owed_in_its_first_round(
    db: Database, clock: ManualClock
) -> None:
    """The earlier process claimed its try (held for a minute) and was killed: the next process's
    first round posts it at once; a report of its own waits for the cog's try as before."""
    earlier = ReportPosts(db, clock, FakeModChannel(), ShardScope(), lambda: None)
    report_id = await reported(db, clock)
    await db.execute("UPDATE report_posts SET attempts = 1, retry_at = ? WHERE report_id = ?", (1e12, report_id))
    del earlier
    await clock.advance(timedelta(seconds=5))
    channel = FakeModChannel()
    posts = ReportPosts(db, clock, channel, ShardScope(), lambda: None)
    own = await reported(db, clock, warning="blood")
    assert await posts.next_due() == clock.now()
    assert await posts.serve(clock.now()) == 1
    assert channel.posted == {report_id: [marker(report_id)]}
    assert await state(db, report_id) == ("posted", 2)
    assert await state(db, own) == ("pending", 0)


async def test_a_post_discord_took_before_a_kill_is_found_not_posted_again(db: Database, clock: ManualClock) -> None:
    channel = FakeModChannel()
    posts = ReportPosts(db, clock, channel, ShardScope(), lambda: None)
    report_id = await reported(db, clock)
    # Discord took it; the process was killed before the post was recorded
    channel.posted[report_id] = [marker(report_id)]
    await db.execute("UPDATE report_posts SET attempts = 1 WHERE report_id = ?", (report_id,))
    assert await run_due(posts, clock, timedelta(minutes=1)) == 1
    assert channel.sends == 0 and channel.posted == {report_id: [marker(report_id)]}
    assert await state(db, report_id) == ("posted", 2)


async def test_discord_failing_is_tried_again_with_growing_pauses_and_the_same_nonce(
    db: Database, clock: ManualClock
) -> None:
    woken: list[int] = []
    channel = FakeModChannel()
    posts = ReportPosts(db, clock, channel, ShardScope(), lambda: woken.append(1))
    report_id = await reported(db, clock)
    channel.failures = [Unreachable("Discord failed on its side (503)")] * 2
    assert await posts.deliver(GUILD, report_id) is False
    assert woken and await state(db, report_id) == ("pending", 1)
    assert await run_due(posts, clock, timedelta(minutes=1)) == 1  # fails again: the next pause is 5 minutes
    assert await run_due(posts, clock, timedelta(minutes=4)) == 0
    assert await run_due(posts, clock, timedelta(minutes=1)) == 1
    assert channel.posted == {report_id: [marker(report_id)]} and len(set(channel.nonces)) == 1
    assert await state(db, report_id) == ("posted", 3)


async def test_tries_are_bounded_and_a_lasting_refusal_is_not_retried(db: Database, clock: ManualClock) -> None:
    channel = FakeModChannel()
    posts = ReportPosts(db, clock, channel, ShardScope(), lambda: None)
    report_id = await reported(db, clock)
    channel.failures = [Unreachable("Discord could not be reached")] * 10
    await posts.deliver(GUILD, report_id)
    for pause in (1, 5, 15, 60):
        await run_due(posts, clock, timedelta(minutes=pause))
    assert await state(db, report_id) == ("failed", 5) and await posts.next_due() is None
    assert channel.sends == 5

    other = await reported(db, clock, warning="death")
    channel.failures = [Gone("the channel was deleted")]
    await posts.deliver(GUILD, other)
    assert await state(db, other) == ("failed", 1) and await posts.next_due() is None


async def test_a_report_decided_before_its_retry_owes_nothing(db: Database, clock: ManualClock) -> None:
    channel = FakeModChannel()
    posts = ReportPosts(db, clock, channel, ShardScope(), lambda: None)
    report_id = await reported(db, clock)
    report = await reviews.store.get_report(db, GUILD, report_id)
    assert report is not None
    await reviews.dismiss_warning(db, GUILD, report.story_id, 1, "vomit", user_id=1)
    assert await run_due(posts, clock, timedelta(minutes=1)) == 1
    assert channel.sends == 0 and await state(db, report_id) == ("dropped", 1)


async def test_the_first_try_and_a_retry_never_both_post(db: Database, clock: ManualClock) -> None:
    """Each try is claimed by its count of tries: a second claim of the same try takes nothing."""
    channel = FakeModChannel()
    posts = ReportPosts(db, clock, channel, ShardScope(), lambda: None)
    report_id = await reported(db, clock)
    assert await posts.deliver(GUILD, report_id) is True
    assert await posts.deliver(GUILD, report_id) is False
    assert channel.sends == 1


async def test_no_moderation_channel_owes_no_post(db: Database, clock: ManualClock) -> None:
    story_id = await stored(db, GUILD, story(["A quiet walk."]))
    await reviews.report_warning(db, GUILD, 7, story=str(story_id), chapter=1, warning="vomit", now=0.0)
    assert await db.fetch_value("SELECT count(*) FROM report_posts") == 0


async def test_a_retry_leaves_a_report_whose_first_try_still_waits_on_discord_to_it(
    db: Database, clock: ManualClock
) -> None:
    """The cog's try sleeps out a rate limit past its hold: the timer's try found nothing in the channel
    and posted, then the cog's try posted too."""
    channel = FakeModChannel()
    posts = ReportPosts(db, clock, channel, ShardScope(), lambda: None)
    report_id = await reported(db, clock)
    channel.gate = gate = asyncio.Event()
    first = asyncio.create_task(posts.deliver(GUILD, report_id))
    await asyncio.wait_for(channel.held.wait(), 5)
    await run_due(posts, clock, timedelta(minutes=1, seconds=1))
    assert channel.sends == 0 and await state(db, report_id) == ("pending", 1)
    assert await posts.next_due() == clock.now() + timedelta(minutes=1)  # looked at again, not in a loop
    gate.set()
    assert await first is True
    await run_due(posts, clock, timedelta(minutes=10))
    assert channel.posted == {report_id: [marker(report_id)]} and channel.sends == 1
    assert await state(db, report_id) == ("posted", 1)
