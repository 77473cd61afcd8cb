"""Storage on a real migrated SQLite file: indexes the timer relies on, state transitions, cascades."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from bot.db import Database
from bot.discussions import store
from bot.discussions.store import NewDiscussion
from tests.discussions.conftest import GUILD, OTHER_GUILD, START, TEXT, AddStory


def new(story_id: int, hours: float, remind: tuple[timedelta, ...] = ()) -> NewDiscussion:
    return NewDiscussion(story_id, 1, START + timedelta(hours=hours), TEXT, True, remind, 7)


async def test_next_due_reads_the_pending_index_not_the_table(db: Database, add_story: AddStory) -> None:
    story = await add_story()
    await store.create_discussions(db, GUILD, [new(story, 5), new(story, 2, (timedelta(hours=1),))], now=START)
    assert await store.next_due(db) == START + timedelta(hours=1)
    plan = await db.fetch_all("EXPLAIN QUERY PLAN SELECT min(due_at) FROM discussions WHERE state = 'scheduled'")
    assert any("discussions_pending_due" in row["detail"] for row in plan)
    items = await store.claim_due(db, START + timedelta(hours=2))
    assert [(i.kind, i.due_at) for i in items] == [
        ("reminder", START + timedelta(hours=1)),
        ("discussion", START + timedelta(hours=2)),
    ]


async def test_claim_record_settle_each_commit_and_settled_items_leave_the_timer(
    db: Database, add_story: AddStory
) -> None:
    story = await add_story()
    [discussion_id] = await store.create_discussions(db, GUILD, [new(story, 1)], now=START)
    assert [c.id for c in await store.claim_due(db, START + timedelta(hours=1))] == [discussion_id]
    claimed = await store.get_discussion(db, GUILD, discussion_id)
    assert claimed is not None and claimed.state == "posting" and claimed.nonce and len(claimed.nonce) <= 25
    await store.record_discussion_message(
        db, GUILD, discussion_id, channel_id=TEXT, message_id=99, thread_id=None, now=START
    )
    halfway = await store.get_discussion(db, GUILD, discussion_id)
    assert halfway is not None and (halfway.state, halfway.message_id) == ("posting", 99)
    assert [u.id for u in await store.unfinished(db)] == [discussion_id]  # owed: a restart will finish it
    await store.mark_discussion_posted(db, GUILD, discussion_id, thread_id=100, now=START)
    assert await store.unfinished(db) == [] and await store.next_due(db) is None
    assert await store.cancel_discussion(db, GUILD, discussion_id, now=START) is not None
    done = await store.get_discussion(db, GUILD, discussion_id)
    assert done is not None and done.state == "posted"  # a posted item cannot be cancelled


async def test_a_failed_write_inside_create_leaves_nothing(db: Database, add_story: AddStory) -> None:
    story = await add_story()
    bad = NewDiscussion(story, 0, START, TEXT, True, (), 7)  # chapter 0 violates the CHECK
    with pytest.raises(sqlite3.IntegrityError):
        await store.create_discussions(db, GUILD, [new(story, 1), bad], now=START)
    assert await db.fetch_value("SELECT count(*) FROM discussions") == 0
    assert await db.fetch_value("SELECT count(*) FROM discussion_reminders") == 0


async def test_removing_a_server_removes_its_schedules(db: Database, add_story: AddStory) -> None:
    story = await add_story()
    await store.create_discussions(db, GUILD, [new(story, 3, (timedelta(hours=1),))], now=START)
    await db.execute("DELETE FROM guilds WHERE guild_id = ?", (GUILD,))
    assert await db.fetch_value("SELECT count(*) FROM discussions") == 0
    assert await db.fetch_value("SELECT count(*) FROM discussion_reminders") == 0


async def test_next_discussion_is_per_story_and_skips_settled_and_overdue_items(
    db: Database, add_story: AddStory
) -> None:
    busy = await add_story(title="Busy")
    story = await add_story(title="Quiet")
    other_server = await add_story(OTHER_GUILD, title="Elsewhere")
    assert await store.next_discussion(db, GUILD, story, now=START) is None

    # 150 sooner discussions of another story must not hide this story's next one.
    await store.create_discussions(
        db,
        GUILD,
        [NewDiscussion(busy, 1, START + timedelta(minutes=m + 1), TEXT, True, (), 7) for m in range(150)],
        now=START,
    )
    cancelled, posted, ahead, later = await store.create_discussions(
        db,
        GUILD,
        [
            NewDiscussion(story, c, START + timedelta(days=d), TEXT, True, (), 7)
            for c, d in [(2, 3), (3, 4), (5, 5), (6, 6)]
        ],
        now=START,
    )
    await store.create_discussions(
        db, OTHER_GUILD, [NewDiscussion(other_server, 1, START + timedelta(days=1), TEXT, True, (), 7)], now=START
    )
    await store.cancel_discussion(db, GUILD, cancelled, now=START)
    await store.move_discussion(db, GUILD, posted, START + timedelta(hours=1), now=START)
    await store.claim_due(db, START + timedelta(hours=1))
    await store.mark_discussion_posted(db, GUILD, posted, thread_id=None, now=START)

    found = await store.next_discussion(db, GUILD, story, now=START)
    assert found is not None and (found.id, found.chapter) == (ahead, 5)
    # Past its time but not yet taken by the timer: not the next meeting any more.
    after = await store.next_discussion(db, GUILD, story, now=START + timedelta(days=5, minutes=1))
    assert after is not None and after.id == later
    # Being posted right now: still the one to catch up for.
    await store.claim_due(db, START + timedelta(days=5, minutes=1))
    posting = await store.next_discussion(db, GUILD, story, now=START + timedelta(days=5, minutes=1))
    assert posting is not None and posting.id == ahead and posting.state == "posting"
    # Another server sees nothing of this server's story.
    assert await store.next_discussion(db, OTHER_GUILD, story, now=START) is None
