"""Storage on a real SQLite file for trying a refused scheduled event again (session 45, migration 0040).

A start or end Discord refused was never tried again once the permission came back: the event sat
"Scheduled" after the meeting, or live for good. A refusal now gets tries of its own, claimed as an
ending is (``'failed' -> 'posting'`` in one conditional write): by the timer after a back-off, at
once when Dogear's role is given the permission, or by an admin's Try again; never two at a time,
across processes on one database too, and each server's only. A Done now keeps who pressed it."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path

from bot.db import Database, open_database
from bot.discussions import store
from bot.guilds import mark_left
from bot.story.service import remove_story
from tests.discussions.conftest import GUILD, OTHER_GUILD, START, AddStory
from tests.discussions.test_event_refusals15 import WHY, a_discussion, ending_refused, listed

ADMIN = 4242
SOON = START + timedelta(minutes=15)


async def refused_start(
    db: Database, discussion_id: int, *, retry_at: datetime | None = SOON, guild_id: int = GUILD, forbidden: bool = True
) -> None:
    await store.event_start_refused(
        db, guild_id, discussion_id, 77, reason=WHY, now=START, notice=None, forbidden=forbidden, retry_at=retry_at
    )


async def event_ends_claimed(db: Database, now: datetime) -> list[int]:
    return [item.id for item in await store.claim_due(db, now) if item.kind == "event_end"]


async def test_the_timer_takes_a_refusal_at_its_next_try_once_and_counts_it(db: Database, add_story: AddStory) -> None:
    discussion_id = await a_discussion(db, await add_story())
    await refused_start(db, discussion_id)
    assert await store.next_due(db) == min(SOON, START + timedelta(hours=1))  # the discussion itself is due too
    assert await event_ends_claimed(db, SOON - timedelta(seconds=1)) == []
    [taken] = await event_ends_claimed(db, SOON)
    assert await event_ends_claimed(db, SOON + timedelta(hours=1)) == []  # once
    ending = await store.get_event_end(db, GUILD, taken)
    assert ending is not None and ending.retrying and ending.refused == "start"
    assert (ending.retries, ending.retry_by) == (1, None)
    assert await listed(db, SOON) == []  # being tried: not listed as refused meanwhile


async def test_refused_again_it_is_listed_with_its_tries_and_its_next(db: Database, add_story: AddStory) -> None:
    discussion_id = await a_discussion(db, await add_story())
    await refused_start(db, discussion_id)
    [taken] = await event_ends_claimed(db, SOON)
    later = SOON + timedelta(hours=1)
    await store.mark_event_end(
        db, GUILD, taken, "failed", reason=WHY, now=SOON, refused="start", forbidden=True, retry_at=later
    )
    [refusal] = await listed(db, SOON)
    assert (refusal.refused, refusal.retries, refusal.retried_at, refusal.next_try) == ("start", 1, SOON, later)
    assert await store.next_due(db) == min(later, START + timedelta(hours=1))


async def test_an_admins_try_again_is_taken_once_and_the_timer_then_takes_nothing(
    db: Database, add_story: AddStory
) -> None:
    discussion_id = await a_discussion(db, await add_story())
    await refused_start(db, discussion_id)
    taken = await store.claim_refused_retry(db, GUILD, discussion_id, by=ADMIN, now=START)
    assert taken is not None and taken.retrying and (taken.retries, taken.retry_by) == (1, ADMIN)
    assert await store.claim_refused_retry(db, GUILD, discussion_id, by=ADMIN, now=START) is None  # a second press
    assert await event_ends_claimed(db, SOON) == []  # nor the timer
    assert await store.event_end_of(db, GUILD, discussion_id) == taken


async def test_nothing_is_tried_of_another_server_a_dismissed_or_a_cancelled_one_or_a_server_left(
    db: Database, add_story: AddStory
) -> None:
    story = await add_story()
    dismissed, cancelled = await a_discussion(db, story, chapter=1), await a_discussion(db, story, chapter=2)
    await refused_start(db, dismissed)
    await store.mark_discussion(db, GUILD, cancelled, "failed", reason="no channel", now=START)
    await ending_refused(db, cancelled, "cancel", forbidden=True)
    # ending_refused leaves it no next try: give it one
    await db.execute(
        "UPDATE discussion_event_ends SET retry_at = ? WHERE discussion_id = ?", (SOON.timestamp(), cancelled)
    )
    assert await store.claim_refused_retry(db, OTHER_GUILD, dismissed, by=ADMIN, now=START) is None
    assert await store.dismiss_refused_event(db, GUILD, dismissed, now=START, by=ADMIN)
    await store.cancel_discussion(db, GUILD, cancelled, now=START)
    assert await store.claim_refused_retry(db, GUILD, dismissed, by=ADMIN, now=START) is None
    assert await store.claim_refused_retry(db, GUILD, cancelled, by=ADMIN, now=START) is None
    assert await event_ends_claimed(db, SOON + timedelta(days=1)) == []
    left = await a_discussion(db, await add_story(OTHER_GUILD), guild_id=OTHER_GUILD)
    await refused_start(db, left, guild_id=OTHER_GUILD)
    await mark_left(db, OTHER_GUILD, START.timestamp())
    assert await event_ends_claimed(db, SOON + timedelta(days=1)) == []  # Dogear left that server


async def test_the_permission_given_brings_the_next_try_to_now_for_that_servers_forbidden_ones(
    db: Database, add_story: AddStory
) -> None:
    story, theirs = await add_story(), await add_story(OTHER_GUILD)
    forbidden, other_reason = await a_discussion(db, story, chapter=1), await a_discussion(db, story, chapter=2)
    elsewhere = await a_discussion(db, theirs, guild_id=OTHER_GUILD)
    await refused_start(db, forbidden, retry_at=None)  # its tries spent
    await refused_start(db, other_reason, forbidden=False, retry_at=None)
    await refused_start(db, elsewhere, guild_id=OTHER_GUILD, retry_at=None)
    now = START + timedelta(days=2)
    assert await store.retry_refusals_soon(db, GUILD, now=now, within=store.REFUSALS_LISTED_FOR) == 1
    assert await store.retry_refusals_soon(db, GUILD, now=now, within=store.REFUSALS_LISTED_FOR) == 0  # due already
    claimed = await event_ends_claimed(db, now)
    assert [(await store.get_event_end(db, GUILD, taken)).discussion_id for taken in claimed] == [forbidden]  # type: ignore[union-attr]
    late = START + store.REFUSALS_LISTED_FOR + timedelta(days=1)
    assert await store.retry_refusals_soon(db, OTHER_GUILD, now=late, within=store.REFUSALS_LISTED_FOR) == 0


async def test_a_start_tried_again_and_live_is_ended_at_its_time_as_any_other(
    db: Database, add_story: AddStory
) -> None:
    discussion_id = await a_discussion(db, await add_story())
    await refused_start(db, discussion_id)
    taken = await store.claim_refused_retry(db, GUILD, discussion_id, by=ADMIN, now=START)
    assert taken is not None
    ends = START + timedelta(hours=2)
    told = store.NewNotice("event", 9, "live after all", retry_at=START)
    assert await store.event_started_again(db, GUILD, taken.id, ends, now=START, notice=told) is not None
    assert await store.event_started_again(db, GUILD, taken.id, ends, now=START, notice=told) is None  # settled
    assert await db.fetch_value("SELECT count(*) FROM discussion_notices_owed") == 1
    assert await listed(db, START) == []
    assert await event_ends_claimed(db, ends - timedelta(seconds=1)) == []
    assert await event_ends_claimed(db, ends) == [taken.id]
    ending = await store.get_event_end(db, GUILD, taken.id)
    assert ending is not None and ending.refused is None and not ending.retrying


async def test_two_processes_on_one_database_never_both_take_a_try(
    db: Database, add_story: AddStory, tmp_path: Path
) -> None:
    discussion_id = await a_discussion(db, await add_story())
    await refused_start(db, discussion_id, retry_at=START)
    other = await open_database(tmp_path / "dogear.sqlite3")
    try:
        pressed, timed = await asyncio.gather(
            store.claim_refused_retry(other, GUILD, discussion_id, by=ADMIN, now=START),
            event_ends_claimed(db, START),
        )
    finally:
        await other.close()
    assert (pressed is not None) + len(timed) == 1, (pressed, timed)
    assert (await store.event_end_of(db, GUILD, discussion_id)).retries == 1  # type: ignore[union-attr]


async def test_a_dismissal_keeps_who_and_when_and_is_listed_lately_per_server(
    db: Database, add_story: AddStory
) -> None:
    discussion_id = await a_discussion(db, await add_story(title="Quiet Beacon"), chapter=3)
    theirs = await a_discussion(db, await add_story(OTHER_GUILD), guild_id=OTHER_GUILD)
    await refused_start(db, discussion_id)
    await refused_start(db, theirs, guild_id=OTHER_GUILD)
    at = START + timedelta(hours=3)
    assert await store.dismiss_refused_event(db, GUILD, discussion_id, now=at, by=ADMIN)
    assert await store.dismiss_refused_event(db, OTHER_GUILD, theirs, now=at, by=ADMIN + 1)
    week = timedelta(days=7)
    assert await store.recent_dismissals(db, GUILD, now=at, within=week, limit=5) == [
        store.Dismissal(discussion_id, "Quiet Beacon", 3, ADMIN, at)
    ]
    assert await store.recent_dismissals(db, GUILD, now=at + week + timedelta(seconds=1), within=week, limit=5) == []
    assert await event_ends_claimed(db, SOON) == []  # dismissed: never tried by itself


async def test_the_next_tries_are_read_through_the_partial_index(db: Database) -> None:
    plan = await db.fetch_all(
        "EXPLAIN QUERY PLAN SELECT min(retry_at) FROM discussion_event_ends"
        " WHERE state = 'failed' AND retry_at IS NOT NULL AND dismissed_at IS NULL"
    )
    assert any("discussion_event_ends_retry_due" in row["detail"] for row in plan), [row["detail"] for row in plan]


async def test_a_story_removed_takes_its_refused_events_from_discord_too(db: Database, add_story: AddStory) -> None:
    """The refusal's row goes with the story, so nothing would list or try that event again: it sat
    "Scheduled" or live in the server's Events list for good. Its deletion is owed with the removal,
    unless an admin said it was dealt with (Done)."""
    story = await add_story()
    refused, dismissed = await a_discussion(db, story, chapter=1), await a_discussion(db, story, chapter=2)
    for discussion_id, event_id in ((refused, 77), (dismissed, 78)):  # posted, their events never started
        await db.execute(
            "UPDATE discussions SET state = 'posted', event_id = ? WHERE id = ?", (event_id, discussion_id)
        )
    await refused_start(db, refused)
    await store.event_start_refused(db, GUILD, dismissed, 78, reason=WHY, now=START, notice=None)
    await store.dismiss_refused_event(db, GUILD, dismissed, now=START, by=ADMIN)
    removed, event_ids = await remove_story(db, GUILD, story, now=START.timestamp())
    assert removed and event_ids == [77], event_ids
    assert await db.fetch_value("SELECT count(*) FROM event_deletions_owed WHERE guild_id = ?", (GUILD,)) == 1
