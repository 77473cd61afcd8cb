"""Storage on a real migrated SQLite file: indexes the timer relies on, state transitions, cascades."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from bot.db import Database, load_migrations, migrate, open_database
from bot.discussions import store
from bot.discussions.store import NewDiscussion
from tests.discussions.conftest import GUILD, OTHER_GUILD, START, TEXT, AddStory


def new(story_id: int, hours: float, remind: tuple[timedelta, ...] = (), *, chapter: int = 1) -> NewDiscussion:
    return NewDiscussion(story_id, chapter, START + timedelta(hours=hours), TEXT, True, remind, 7)


async def test_next_due_reads_the_pending_index_not_the_table(db: Database, add_story: AddStory) -> None:
    story = await add_story()
    await store.create_discussions(
        db, GUILD, [new(story, 5), new(story, 2, (timedelta(hours=1),), chapter=2)], now=START
    )
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
        [NewDiscussion(busy, m + 1, START + timedelta(minutes=m + 1), TEXT, True, (), 7) for m in range(150)],
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


# -- The same discussion is pending once (sweep: scheduling it twice gave two posts)


def same(story_id: int, hours: float, *, chapter: int = 1, channel: int = TEXT) -> NewDiscussion:
    return NewDiscussion(story_id, chapter, START + timedelta(hours=hours), channel, True, (timedelta(hours=1),), 7)


async def test_the_same_discussion_cannot_be_added_twice_and_the_refusal_names_it(
    db: Database, add_story: AddStory
) -> None:
    story = await add_story()
    [first] = await store.create_discussions(db, GUILD, [same(story, 5)], now=START)
    with pytest.raises(store.AlreadyScheduled) as refused:
        await store.create_discussions(db, GUILD, [same(story, 9), same(story, 5)], now=START)
    assert refused.value.discussion_id == first
    assert refused.value.due_at == START + timedelta(hours=5) and refused.value.channel_id == TEXT
    assert await db.fetch_value("SELECT count(*) FROM discussions") == 1  # all or nothing: 9 h was not added
    assert await db.fetch_value("SELECT count(*) FROM discussion_reminders") == 1
    # The chapter is discussed once: at another time or in another channel it is refused too (session 37).
    for twin in (same(story, 6), same(story, 5, channel=TEXT + 1)):
        with pytest.raises(store.AlreadyScheduled) as refused:
            await store.create_discussions(db, GUILD, [twin], now=START)
        assert refused.value.discussion_id == first
    # Another chapter or server is another discussion.
    assert len(await store.create_discussions(db, GUILD, [same(story, 5, chapter=2)], now=START)) == 1
    other_story = await add_story(OTHER_GUILD)
    await store.create_discussions(db, OTHER_GUILD, [same(other_story, 5)], now=START)
    # Once it is cancelled (or posted) it may be scheduled again.
    await store.cancel_discussion(db, GUILD, first, now=START)
    [again] = await store.create_discussions(db, GUILD, [same(story, 6)], now=START)
    assert again != first


async def test_the_database_itself_refuses_a_second_pending_copy(db: Database, add_story: AddStory) -> None:
    """Migration 0011's unique index: any writer, not only create_discussions, is held to it."""
    story = await add_story()
    await store.create_discussions(db, GUILD, [same(story, 5)], now=START)
    insert = (
        "INSERT INTO discussions (guild_id, story_id, chapter, due_at, channel_id, created_by, created_at, updated_at)"
        " VALUES (?, ?, 1, ?, ?, 7, 0, 0)"
    )
    with pytest.raises(sqlite3.IntegrityError):
        await db.execute(insert, (GUILD, story, (START + timedelta(hours=5)).timestamp(), TEXT))


async def test_two_connections_scheduling_the_same_discussion_at_once_add_it_once(
    db: Database, add_story: AddStory
) -> None:
    """Two processes on one file: the check runs inside BEGIN IMMEDIATE, so one of them is refused."""
    story = await add_story()
    other = await open_database(db.path)
    try:
        outcomes = await asyncio.gather(
            *(store.create_discussions(conn, GUILD, [same(story, 5)], now=START) for conn in (db, other, db, other)),
            return_exceptions=True,
        )
    finally:
        await other.close()
    added = [outcome for outcome in outcomes if isinstance(outcome, list)]
    refused = [outcome for outcome in outcomes if isinstance(outcome, store.AlreadyScheduled)]
    assert len(added) == 1 and len(refused) == 3, outcomes
    assert {error.discussion_id for error in refused} == set(added[0])
    assert await db.fetch_value("SELECT count(*) FROM discussions") == 1


async def test_moving_a_discussion_onto_its_twin_is_refused_and_changes_nothing(
    db: Database, add_story: AddStory
) -> None:
    """Two pending discussions of one chapter stored before the chapter-once rule (or written by
    another writer) can be moved apart, never onto each other."""
    story = await add_story()
    [first] = await store.create_discussions(db, GUILD, [same(story, 5)], now=START)
    second = await db.execute(
        "INSERT INTO discussions (guild_id, story_id, chapter, due_at, channel_id, created_by, created_at, updated_at)"
        " VALUES (?, ?, 1, ?, ?, 7, 0, 0)",
        (GUILD, story, (START + timedelta(hours=8)).timestamp(), TEXT),
    )
    with pytest.raises(store.AlreadyScheduled) as refused:
        await store.move_discussion(db, GUILD, second, START + timedelta(hours=5), now=START)
    assert refused.value.discussion_id == first
    kept = await store.get_discussion(db, GUILD, second)
    assert kept is not None and kept.due_at == START + timedelta(hours=8) and kept.state == "scheduled"
    moved = await store.move_discussion(db, GUILD, second, START + timedelta(hours=6), now=START)
    assert moved is not None and moved.due_at == START + timedelta(hours=6)


async def test_a_missed_discussion_is_not_moved_back_beside_a_pending_one_of_its_chapter(
    db: Database, add_story: AddStory
) -> None:
    """Moving a missed one makes it pending again: with the chapter scheduled anew meanwhile, that is a
    second pending discussion of it, refused as scheduling one would be."""
    story = await add_story()
    [missed] = await store.create_discussions(db, GUILD, [same(story, 1)], now=START)
    await db.execute("UPDATE discussions SET state = 'missed' WHERE id = ?", (missed,))
    [pending] = await store.create_discussions(db, GUILD, [same(story, 9)], now=START)
    with pytest.raises(store.AlreadyScheduled) as refused:
        await store.move_discussion(db, GUILD, missed, START + timedelta(hours=20), now=START)
    assert refused.value.discussion_id == pending
    kept = await store.get_discussion(db, GUILD, missed)
    assert kept is not None and kept.state == "missed"


async def test_the_migration_settles_twins_stored_before_it(tmp_path: Path) -> None:
    """A database that already holds the same discussion twice keeps one and cancels the others."""
    migrations = load_migrations()
    before = next(m.version for m in migrations if m.name.startswith("0011_")) - 1
    old = await open_database(tmp_path / "old.sqlite3", run_migrations=False)
    try:
        await migrate(old, migrations[:before])
        story = await old_schema_story(old)
        ids = [
            (await store.create_discussions(old, GUILD, [same(story, hours, chapter=hours)], now=START))[0]
            for hours in (5, 6, 7)
        ]
        # The middle one made a twin of the first, as /discussion schedule could before 0011.
        await old.execute(
            "UPDATE discussions SET due_at = ?, chapter = 5 WHERE id = ?", (same(story, 5).due_at.timestamp(), ids[1])
        )
        await old.execute("UPDATE discussion_reminders SET due_at = due_at - 3600 WHERE discussion_id = ?", (ids[1],))
    finally:
        await old.close()
    db = await open_database(tmp_path / "old.sqlite3")
    try:
        states = {d.id: (d.state, d.failure) for d in await stored(db)}
        assert states[ids[0]] == ("scheduled", None) and states[ids[2]] == ("scheduled", None)
        assert states[ids[1]] == ("cancelled", f"Cancelled by an upgrade: discussion #{ids[0]} is the same discussion.")
        reminders = await db.fetch_all("SELECT discussion_id, state FROM discussion_reminders ORDER BY discussion_id")
        assert [tuple(row) for row in reminders] == [
            (ids[0], "scheduled"),
            (ids[1], "cancelled"),
            (ids[2], "scheduled"),
        ]
    finally:
        await db.close()


async def old_schema_story(db: Database) -> int:
    """A story as the schema before the newer migrations stores it (the store's insert is for the latest one)."""
    await db.execute("INSERT INTO guilds (guild_id, joined_at) VALUES (?, 0)", (GUILD,))
    await db.execute(
        "INSERT INTO stories (id, guild_id, title, chapter_count, content_hash) VALUES (7, ?, 'Old', 2, 'h')", (GUILD,)
    )
    for number in (1, 2):
        await db.execute(
            "INSERT INTO chapters (guild_id, story_id, number, scenes, words) VALUES (?, 7, ?, '[[\"Text.\"]]', 1)",
            (GUILD, number),
        )
    return 7


async def stored(db: Database) -> list[store.Discussion]:
    rows = await db.fetch_all("SELECT id FROM discussions ORDER BY id")
    found = [await store.get_discussion(db, GUILD, row["id"]) for row in rows]
    return [d for d in found if d is not None]
