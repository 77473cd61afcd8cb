"""The post-job store on a real SQLite file: what a crash leaves behind must be exactly what resuming needs."""

from __future__ import annotations

import pytest

from bot.db import Database
from bot.errors import UserError
from bot.excerpts import store
from bot.excerpts.store import ChapterBusy, NewJob
from bot.shards import ShardScope
from bot.story.service import remove_story
from tests.excerpts.conftest import CHANNEL, GUILD, OTHER_CHANNEL, OTHER_GUILD, add_test_story


def new_job(story_id: int, chapter: int = 1, *, guild_id: int = GUILD, channel_id: int = CHANNEL) -> NewJob:
    return NewJob(
        guild_id=guild_id,
        channel_id=channel_id,
        story_id=story_id,
        chapter=chapter,
        nonce_prefix="xabc.",
        requested_by=7,
        anchor_id=500,
        application_id=99,
        interaction_token="secret-token",
        interaction_at=10.0,
    )


async def test_a_job_keeps_its_planned_messages_in_order_until_it_is_done(db: Database) -> None:
    story_id = await add_test_story(db)
    job = await store.create_job(db, new_job(story_id), ["header", "one", "two"], now=20.0)
    assert (job.state, job.chunk_count, job.sent, job.nonce(2)) == ("posting", 3, 0, "xabc.2")
    assert [(c.position, c.content, c.message_id) for c in await store.chunks(db, GUILD, job.id)] == [
        (0, "header", None),
        (1, "one", None),
        (2, "two", None),
    ]
    await store.record_sent(db, GUILD, job.id, 0, 9001, now=21.0)
    await store.record_sent(db, GUILD, job.id, 1, 9002, now=22.0)
    halfway = await store.get_job(db, GUILD, job.id)
    assert halfway is not None and halfway.sent == 2 and halfway.updated_at == 22.0
    await store.finish(db, GUILD, job.id, now=23.0)
    done = await store.get_job(db, GUILD, job.id)
    assert done is not None and done.state == "done" and done.interaction_token is None
    assert [(c.content, c.message_id) for c in await store.chunks(db, GUILD, job.id)] == [
        (None, 9001),
        (None, 9002),
        (None, None),
    ]


async def test_one_post_of_a_chapter_at_a_time_per_server(db: Database) -> None:
    story_id = await add_test_story(db)
    first = await store.create_job(db, new_job(story_id), ["a"], now=1.0)
    with pytest.raises(ChapterBusy):
        await store.create_job(db, new_job(story_id, channel_id=OTHER_CHANNEL), ["a"], now=2.0)
    assert len(await store.chunks(db, GUILD, first.id)) == 1  # the refused one left nothing behind
    assert (await db.fetch_value("SELECT count(*) FROM post_chunks")) == 1
    await store.create_job(db, new_job(story_id, chapter=2), ["b"], now=3.0)  # another chapter may run
    running = await store.posting_job(db, GUILD, story_id, 1)
    assert running is not None and running.id == first.id
    await store.finish(db, GUILD, first.id, now=4.0)
    assert await store.posting_job(db, GUILD, story_id, 1) is None
    again = await store.create_job(db, new_job(story_id), ["a"], now=5.0)  # a repost after the first finished
    latest = await store.latest_job(db, GUILD, story_id, 1, CHANNEL)
    assert latest is not None and latest.id == again.id


async def test_a_failed_post_reopens_under_the_new_interaction(db: Database) -> None:
    story_id = await add_test_story(db)
    job = await store.create_job(db, new_job(story_id), ["a", "b"], now=1.0)
    await store.record_sent(db, GUILD, job.id, 0, 77, now=2.0)
    await store.fail(db, GUILD, job.id, "missing Send Messages", now=3.0)
    failed = await store.latest_job(db, GUILD, story_id, 1, CHANNEL)
    assert failed is not None and (failed.state, failed.failure, failed.sent) == ("failed", "missing Send Messages", 1)
    assert failed.interaction_token is None  # a token is kept only while the post runs
    reopened = await store.reopen(
        db, GUILD, job.id, application_id=99, interaction_token="new-token", interaction_at=50.0, now=51.0
    )
    assert (reopened.state, reopened.failure, reopened.interaction_token, reopened.sent) == (
        "posting",
        None,
        "new-token",
        1,
    )
    assert reopened.anchor_id == 500  # the history search still starts before the first message


async def test_unfinished_posts_are_found_only_for_this_process_servers(db: Database) -> None:
    mine = await add_test_story(db, GUILD)
    theirs = await add_test_story(db, OTHER_GUILD)
    a = await store.create_job(db, new_job(mine), ["a"], now=1.0)
    b = await store.create_job(db, new_job(theirs, guild_id=OTHER_GUILD), ["b"], now=1.0)
    done = await store.create_job(db, new_job(mine, chapter=2), ["c"], now=1.0)
    await store.finish(db, GUILD, done.id, now=2.0)
    assert [job.id for job in await store.unfinished(db)] == [a.id, b.id]
    shard_zero = ShardScope.of(2, [0])
    assert shard_zero.owns(GUILD) and not shard_zero.owns(OTHER_GUILD)
    assert [job.id for job in await store.unfinished(db, *shard_zero.sql("j.guild_id"))] == [a.id]


async def test_jobs_are_scoped_to_their_server_and_go_with_their_story(db: Database) -> None:
    story_id = await add_test_story(db)
    job = await store.create_job(db, new_job(story_id), ["a", "b"], now=1.0)
    assert await store.get_job(db, OTHER_GUILD, job.id) is None
    assert await store.chunks(db, OTHER_GUILD, job.id) == []
    await store.record_sent(db, OTHER_GUILD, job.id, 0, 1234, now=2.0)  # another server's write changes nothing
    assert (await store.chunks(db, GUILD, job.id))[0].message_id is None
    await db.execute("DELETE FROM stories WHERE guild_id = ? AND id = ?", (GUILD, story_id))
    assert await store.get_job(db, GUILD, job.id) is None
    assert (await db.fetch_value("SELECT count(*) FROM post_chunks")) == 0


async def test_a_story_being_posted_is_not_removed_under_the_post(db: Database) -> None:
    """`/story remove` pressed while a chapter was posting removed the story, and the post went on
    sending its text (buttons under it answering that the story is gone): refused, as an update is."""
    story_id = await add_test_story(db)
    job = await store.create_job(db, new_job(story_id, chapter=2), ["a", "b"], now=1.0)
    with pytest.raises(UserError, match="Chapter 2 of this story is being posted right now"):
        await remove_story(db, GUILD, story_id)
    assert await db.fetch_value("SELECT count(*) FROM stories WHERE id = ?", (story_id,)) == 1
    await store.finish(db, GUILD, job.id, now=2.0)
    assert (await remove_story(db, GUILD, story_id))[0] is True
