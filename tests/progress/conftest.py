"""Stories to track progress in, created through the story library's own storage."""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable

import pytest

from bot.db import Database
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.store import add_story as store_story

AddStory = Callable[..., Awaitable[int]]


def make_story(title: str, chapters: int) -> Story:
    return Story(
        meta=StoryMeta(title=title, author="Tester"),
        chapters=[
            Chapter(number=n, title=f"Part {n}", scenes=[Scene([f"{title}, chapter {n}: the tide came in."])])
            for n in range(1, chapters + 1)
        ],
        source_format="txt",
    )


async def add_test_story(db: Database, guild_id: int, title: str = "The Lighthouse", chapters: int = 9) -> int:
    """A story with ``chapters`` chapters in server ``guild_id``, stored as /story add stores it."""
    count = await db.fetch_value("SELECT count(*) FROM stories")
    digest = hashlib.sha256(f"{title}/{chapters}/{count}".encode()).hexdigest()
    return await store_story(db, guild_id, make_story(title, chapters), content_hash=digest, added_by=1, now=0.0)


@pytest.fixture
def add_story(db: Database) -> AddStory:
    async def add(guild_id: int, title: str = "The Lighthouse", chapters: int = 9) -> int:
        return await add_test_story(db, guild_id, title, chapters)

    return add
