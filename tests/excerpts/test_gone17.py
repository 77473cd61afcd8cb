"""A story removed or updated while ``/excerpt post`` prepares its chapter (session 46).

The chapter is read, then rendered in a worker (a long one takes a while), then stored as a job. A
``/story remove`` in between made the job's insert fail on its foreign key ("FOREIGN KEY constraint
failed", a traceback, and the admin told something went wrong); a ``/story update`` in between stored
the old chapter's text under a number the new version gives another chapter. A failed post continued
then met its job gone with the story (an assertion). Each is now refused saying what happened, with
nothing stored."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from bot.clock import ManualClock
from bot.db import Database
from bot.errors import UserError
from bot.excerpts import store
from bot.excerpts.service import ExcerptService
from bot.story.model import Story, StoryMeta
from bot.story.service import remove_story
from bot.story.store import get_story_record, replace_story
from tests.excerpts.conftest import GUILD, FakeChannels, FakePoster, add_test_story, long_chapter, request


class WorkersThen:
    """Workers that run ``meanwhile`` (once) before the first task: what another admin did while the
    chapter was being rendered."""

    def __init__(self, meanwhile: Callable[[], Awaitable[None]]) -> None:
        self.meanwhile: Callable[[], Awaitable[None]] | None = meanwhile

    async def run(self, what: str, function: Callable[..., Any], /, *args: Any, time_limit: float | None = None) -> Any:
        meanwhile, self.meanwhile = self.meanwhile, None
        if meanwhile is not None:
            await meanwhile()
        return function(*args)


def service(db: Database, clock: ManualClock, meanwhile: Callable[[], Awaitable[None]]) -> ExcerptService:
    return ExcerptService(db, clock, WorkersThen(meanwhile), max_messages=100, budget=2000)  # type: ignore[arg-type]


async def jobs(db: Database) -> int:
    return int(await db.fetch_value("SELECT count(*) FROM post_jobs"))


async def test_a_story_removed_while_its_chapter_is_prepared_is_said_and_nothing_is_stored_or_sent(
    db: Database, clock: ManualClock, world: FakeChannels
) -> None:
    story_id = await add_test_story(db)

    async def removed() -> None:
        await remove_story(db, GUILD, story_id)

    with pytest.raises(UserError) as refused:
        await service(db, clock, removed).post_chapter(request(world, story_id, 2), FakePoster(world))
    said = str(refused.value)
    assert "**The Long Tide** was removed from this server's library while chapter 2 was being prepared" in said, said
    assert "nothing was posted" in said, said
    assert world.messages == [] and await jobs(db) == 0


async def test_a_story_updated_while_its_chapter_is_prepared_posts_nothing_under_a_number_now_anothers(
    db: Database, clock: ManualClock, world: FakeChannels
) -> None:
    story_id = await add_test_story(db, paragraphs=(3, 4, 5))
    record = await get_story_record(db, GUILD, story_id)
    assert record is not None

    async def first_chapter_taken_out() -> None:
        shorter = Story(
            meta=StoryMeta(title="The Long Tide"),
            chapters=[long_chapter(1, 4), long_chapter(2, 5)],
            source_format="txt",
        )
        async with db.transaction() as tx:
            await replace_story(
                tx, GUILD, story_id, shorter, content_hash="new", expected_hash=record.content_hash,
                expected_chapters=record.chapter_count,
            )  # fmt: skip

    with pytest.raises(UserError) as refused:
        await service(db, clock, first_chapter_taken_out).post_chapter(request(world, story_id, 2), FakePoster(world))
    said = str(refused.value)
    assert "**The Long Tide** was updated while chapter 2 was being prepared" in said, said
    assert "nothing was posted" in said and "`/excerpt post`" in said, said
    assert world.messages == [] and await jobs(db) == 0


async def test_a_failed_post_continued_as_its_story_is_removed_is_said_too(
    db: Database, clock: ManualClock, world: FakeChannels
) -> None:
    story_id = await add_test_story(db)
    first = ExcerptService(db, clock, WorkersThen(_nothing), max_messages=100, budget=2000)  # type: ignore[arg-type]
    with pytest.raises(UserError):
        await first.post_chapter(request(world, story_id, 2), FakePoster(world, fail_after=0))
    [failed] = await db.fetch_all("SELECT id, state FROM post_jobs")
    assert failed["state"] == "failed"

    async def removed() -> None:
        await remove_story(db, GUILD, story_id)

    with pytest.raises(UserError) as refused:
        await service(db, clock, removed).post_chapter(request(world, story_id, 2), FakePoster(world))
    assert "was removed from this server's library while chapter 2 was being prepared" in str(refused.value)
    assert world.messages == [] and await jobs(db) == 0
    assert await store.get_job(db, GUILD, failed["id"]) is None


async def _nothing() -> None:
    return None
