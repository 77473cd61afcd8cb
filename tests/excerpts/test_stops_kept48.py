"""Where the posts stopped unrecorded are known: on the database they belong to, not in a module.

The store's "is it being posted right now" questions are plain SQL, told which posts are stopped
(``stopped=``); the set is the database's (``model.unrecorded_stops``, built with the ``Database`` in
``main()``), so a service built again on it (a cog reloaded) still knows the stop, and another
database in the same process knows nothing of it. Real SQLite files throughout.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.db import Database, open_database
from bot.errors import UserError
from bot.excerpts import store
from bot.excerpts.model import PostOutcome, unrecorded_stops
from bot.story.service import remove_story
from tests.excerpts.conftest import CHANNEL, GUILD, FakeChannels, FakePoster, add_test_story, request
from tests.excerpts.test_service import Make, planned
from tests.excerpts.test_unrecorded_stop46 import stopped_post


async def posting(db: Database, story_id: int, chapter: int) -> store.PostJob:
    """A post of the chapter stored as being sent (as ``/excerpt post`` leaves it between two messages)."""
    new = store.NewJob(
        guild_id=GUILD, channel_id=CHANNEL, story_id=story_id, chapter=chapter, nonce_prefix="x1.",
        requested_by=1, anchor_id=1, application_id=None, interaction_token=None, interaction_at=0.0,
    )  # fmt: skip
    return await store.create_job(db, new, ["header", "text"], now=0.0)


async def test_the_store_leaves_out_the_posts_it_is_told_were_stopped(db: Database) -> None:
    story_id = await add_test_story(db)
    job = await posting(db, story_id, 2)
    async with db.transaction() as tx:
        assert await store.chapter_being_posted(tx, GUILD, story_id, stopped=()) == 2
        assert await store.chapter_being_posted(tx, GUILD, story_id, stopped={job.id}) is None
        with pytest.raises(store.ChapterBusy):
            await store.renumber_post_jobs(tx, GUILD, story_id, {2: 3}, stopped=())
        await store.renumber_post_jobs(tx, GUILD, story_id, {2: 3}, stopped={job.id})
    assert (await store.get_job(db, GUILD, job.id)).chapter == 3  # type: ignore[union-attr]


async def test_a_service_built_again_on_the_database_continues_the_stopped_post(
    db: Database, world: FakeChannels, make_service: Make
) -> None:
    """The cog reloaded builds another service: the stop is the database's, so it is still known."""
    story_id, _ = await stopped_post(db, world, make_service)
    await db.execute("DELETE FROM test_disk_full")
    continued = await make_service().post_chapter(request(world, story_id, 2), FakePoster(world))
    assert isinstance(continued, PostOutcome) and continued.already_there == 3
    assert world.contents(CHANNEL) == await planned(db, story_id, 2)
    assert unrecorded_stops(db) == set()


async def test_a_stop_on_one_database_is_not_taken_for_one_on_another(
    db: Database, world: FakeChannels, make_service: Make, tmp_path: Path
) -> None:
    """Two databases in one process: post 1 stopped unrecorded on the first; post 1 of the second is
    being posted, so its story cannot be removed."""
    await stopped_post(db, world, make_service)
    other = await open_database(tmp_path / "other.sqlite3")
    try:
        story_id = await add_test_story(other)
        job = await posting(other, story_id, 1)
        assert job.id in unrecorded_stops(db) and unrecorded_stops(other) == set()
        with pytest.raises(UserError, match="being posted right now"):
            await remove_story(other, GUILD, story_id)
    finally:
        await other.close()
