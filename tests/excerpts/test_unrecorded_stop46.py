"""A post stopped by a failure that is not Discord's, whose stop could not be recorded either.

On a real SQLite file, a trigger refuses every change to ``post_jobs`` from a moment on, as a full
disk would ("database or disk is full"): the record of a message Discord took fails, and so does
marking the post failed. The post stayed 'posting' in the file, so ``/story remove`` and
``/story update`` answered "being posted right now" until the chapter was posted again or the bot
restarted. Now the rest of the bot reads it as stopped, and the next ``/excerpt post`` continues it.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.db import Database
from bot.errors import UserError
from bot.excerpts.model import PostOutcome, unrecorded_stops
from bot.excerpts.store import renumber_post_jobs
from bot.story.service import remove_story
from bot.story.store import get_story_record
from tests.excerpts.conftest import CHANNEL, GUILD, FakeChannels, FakePoster, add_test_story, request
from tests.excerpts.test_service import Make, planned

FULL = "database or disk is full"


async def refuse_post_job_writes(db: Database) -> None:
    await db.execute("CREATE TABLE test_disk_full (full INTEGER)")
    await db.execute(
        "CREATE TRIGGER test_post_jobs_full BEFORE UPDATE ON post_jobs"
        f" WHEN EXISTS (SELECT 1 FROM test_disk_full) BEGIN SELECT RAISE(ABORT, '{FULL}'); END"
    )


class FillingPoster(FakePoster):
    """Discord takes the third message; right after, the database refuses the post's writes."""

    def __init__(self, world: FakeChannels, db: Database) -> None:
        super().__init__(world)
        self.db = db

    async def send(self, *args: Any, **kwargs: Any) -> int:
        sent = await super().send(*args, **kwargs)
        if self.sends == 3:
            await self.db.execute("INSERT INTO test_disk_full VALUES (1)")
        return sent


async def stopped_post(db: Database, world: FakeChannels, make: Make) -> tuple[int, Any]:
    story_id = await add_test_story(db)
    await refuse_post_job_writes(db)
    service = make()
    with pytest.raises(UserError) as stopped:
        await service.post_chapter(request(world, story_id, 2), FillingPoster(world, db))
    assert "stopped after 2 of" in str(stopped.value), stopped.value
    return story_id, service


async def test_a_post_whose_stop_was_not_recorded_does_not_hold_up_story_remove(
    db: Database, world: FakeChannels, make_service: Make
) -> None:
    story_id, _ = await stopped_post(db, world, make_service)
    removed, _ = await remove_story(db, GUILD, story_id)
    assert removed and await get_story_record(db, GUILD, story_id) is None


async def test_a_post_whose_stop_was_not_recorded_continues_once_the_database_takes_writes(
    db: Database, world: FakeChannels, make_service: Make
) -> None:
    story_id, service = await stopped_post(db, world, make_service)
    await db.execute("DELETE FROM test_disk_full")
    continued = await service.post_chapter(request(world, story_id, 2), FakePoster(world))
    assert isinstance(continued, PostOutcome) and continued.already_there == 3  # the unrecorded one found
    assert world.contents(CHANNEL) == await planned(db, story_id, 2)


async def test_a_post_whose_stop_was_not_recorded_does_not_hold_up_story_update(
    db: Database, world: FakeChannels, make_service: Make
) -> None:
    """``/story update`` moving its chapter (a prologue added before it) refused while it was posting."""
    story_id, _ = await stopped_post(db, world, make_service)
    await db.execute("DELETE FROM test_disk_full")  # the update's own write moves the post
    async with db.transaction() as tx:
        await renumber_post_jobs(tx, GUILD, story_id, {1: 2, 2: 3}, stopped=unrecorded_stops(db))
    [job] = await db.fetch_all("SELECT chapter FROM post_jobs WHERE story_id = ?", (story_id,))
    assert job["chapter"] == 3
