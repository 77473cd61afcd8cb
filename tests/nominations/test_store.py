"""The nomination tables on a real SQLite file: one open round, backers, state moves that succeed once."""

from __future__ import annotations

import sqlite3

import pytest

from bot.db import Database
from bot.nominations import store
from bot.story.books import add_book
from tests.nominations.conftest import GUILD, OTHER_GUILD

MEL, OLLIE = 2, 3


async def open_round(db: Database, guild_id: int = GUILD) -> int:
    async with db.transaction() as tx:
        return await store.ensure_open_round(tx, guild_id, 10.0)


async def add(db: Database, round_id: int, title: str, user_id: int, guild_id: int = GUILD) -> int:
    async with db.transaction() as tx:
        nomination_id = await store.insert_nomination(
            tx, guild_id, round_id, title=title, title_key=title.lower(), story_id=None, user_id=user_id, now=1.0
        )
        await store.back(tx, guild_id, round_id, user_id, nomination_id, 1.0)
        return nomination_id


async def test_a_server_has_one_open_round_created_on_first_use(db: Database) -> None:
    assert await store.open_round_id(db, GUILD) is None
    first = await open_round(db)
    assert await open_round(db) == first
    assert await store.open_round_id(db, GUILD) == first
    assert await open_round(db, OTHER_GUILD) != first
    with pytest.raises(sqlite3.IntegrityError):
        await db.execute("INSERT INTO nomination_rounds (guild_id, state, opened_at) VALUES (?, 'open', 0)", (GUILD,))


async def test_one_title_per_round_and_one_backing_per_member(db: Database) -> None:
    round_id = await open_round(db)
    kindred = await add(db, round_id, "Kindred", MEL)
    with pytest.raises(sqlite3.IntegrityError):
        await add(db, round_id, "KINDRED", OLLIE)
    beloved = await add(db, round_id, "Beloved", OLLIE)
    async with db.transaction() as tx:
        await store.back(tx, GUILD, round_id, MEL, beloved, 2.0)  # Mel changes her mind
        backed = await store.backed_by(tx, round_id, MEL)
        assert backed is not None and backed.id == beloved and backed.backers == 2
        assert await store.drop_if_unbacked(tx, GUILD, kindred, now=0.0) is True
        assert await store.drop_if_unbacked(tx, GUILD, beloved, now=0.0) is False
    listed = await store.list_nominations(db, GUILD, round_id)
    assert [(n.title, n.backers) for n in listed] == [("Beloved", 2)]


async def test_round_states_move_forward_once(db: Database) -> None:
    round_id = await open_round(db)
    nomination = await add(db, round_id, "Kindred", MEL)
    async with db.transaction() as tx:
        ok = await store.start_voting(
            tx, GUILD, round_id, channel_id=5, message_id=77, started_by=1, ends_at=100.0, answers={nomination: 1}
        )
        assert ok
        again = await store.start_voting(
            tx, GUILD, round_id, channel_id=5, message_id=78, started_by=1, ends_at=100.0, answers={}
        )
        assert not again
    assert (await store.pending_vote(db, GUILD)).message_id == 77  # type: ignore[union-attr]
    assert await store.round_for_message(db, OTHER_GUILD, 77) is None  # scoped by server
    async with db.transaction() as tx:
        assert await store.end_round(tx, GUILD, round_id, {1: 3}, 101.0)
        assert not await store.end_round(tx, GUILD, round_id, {1: 9}, 102.0)
        assert await store.mark_announced(tx, GUILD, round_id, 999, 103.0)
        assert not await store.mark_announced(tx, GUILD, round_id, 1000, 104.0)
    done = await store.get_round(db, GUILD, round_id)
    assert done is not None and (done.state, done.results, done.announcement_id) == ("announced", {1: 3}, 999)
    assert await store.pending_vote(db, GUILD) is None


async def test_the_watcher_query_sees_due_polls_and_unannounced_results(db: Database) -> None:
    scope = ("1 = 1", [])
    assert await store.next_pending_at(db, scope, 60) is None
    for guild_id, ends_at in ((GUILD, 1000.0), (OTHER_GUILD, 500.0)):
        round_id = await open_round(db, guild_id)
        async with db.transaction() as tx:
            await store.start_voting(
                tx, guild_id, round_id, channel_id=5, message_id=guild_id, started_by=1, ends_at=ends_at, answers={}
            )
    assert await store.next_pending_at(db, scope, 60) == 560.0
    assert [r.guild_id for r in await store.due_rounds(db, scope, 600.0, 60)] == [OTHER_GUILD]
    only_guild = ("guild_id = ?", [GUILD])
    assert await store.next_pending_at(db, only_guild, 60) == 1060.0
    assert await store.due_rounds(db, only_guild, 600.0, 60) == []
    vote = await store.pending_vote(db, GUILD)
    assert vote is not None
    async with db.transaction() as tx:
        await store.end_round(tx, GUILD, vote.id, {}, 0.0)
    assert await store.next_pending_at(db, only_guild, 60) == 0.0


async def test_removing_a_story_unlinks_nominations_and_leaving_servers_deletes_them(db: Database) -> None:
    book = await add_book(db, GUILD, title="Kindred", chapters=3, added_by=1, now=0)
    round_id = await open_round(db)
    async with db.transaction() as tx:
        nomination = await store.insert_nomination(
            tx, GUILD, round_id, title="Kindred", title_key="kindred", story_id=book.story_id, user_id=MEL, now=1
        )
        await store.back(tx, GUILD, round_id, MEL, nomination, 1)
    await db.execute("DELETE FROM stories WHERE id = ?", (book.story_id,))
    found = await store.get_nomination(db, GUILD, nomination)
    assert found is not None and found.story_id is None
    await db.execute("DELETE FROM guilds WHERE guild_id = ?", (GUILD,))
    for table in ("nomination_rounds", "nominations", "nominators"):
        assert await db.fetch_value(f"SELECT count(*) FROM {table}") == 0
