"""Stories to track progress in, created through the story library's own storage."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from bot.db import Database

AddStory = Callable[..., Awaitable[int]]


async def add_test_story(db: Database, guild_id: int, title: str = "The Lighthouse", chapters: int = 9) -> int:
    """A story row with ``chapters`` chapters in server ``guild_id``."""
    # TEMPORARY until 0002_stories.sql lands: a minimal stories table.
    async with db.transaction() as tx:
        await tx.execute(
            "CREATE TABLE IF NOT EXISTS stories (id INTEGER PRIMARY KEY, guild_id INTEGER NOT NULL"
            " REFERENCES guilds(guild_id) ON DELETE CASCADE, title TEXT NOT NULL, chapter_count INTEGER NOT NULL)"
        )
        await tx.execute("INSERT INTO guilds (guild_id, joined_at) VALUES (?, 0) ON CONFLICT DO NOTHING", (guild_id,))
        cursor = await tx.execute(
            "INSERT INTO stories (guild_id, title, chapter_count) VALUES (?, ?, ?)", (guild_id, title, chapters)
        )
        return int(cursor.lastrowid or 0)


@pytest.fixture
def add_story(db: Database) -> AddStory:
    async def add(guild_id: int, title: str = "The Lighthouse", chapters: int = 9) -> int:
        return await add_test_story(db, guild_id, title, chapters)

    return add
