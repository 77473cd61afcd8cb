"""Session 38, round 7: a member's /progress list orders titles as /story list does (numbers as numbers)."""

from __future__ import annotations

from bot.db import Database
from bot.progress import store
from tests.progress.conftest import AddStory

A = 1001


async def test_stories_moved_at_the_same_moment_are_listed_in_the_story_list_order(
    db: Database, add_story: AddStory
) -> None:
    titles = ("Book 10", "book 2", "Book 1", "Böok 3", "Book 2a")
    for title in titles:
        story = await add_story(A, title, 3)
        await store.set_progress(db, A, 7, story, 1, now=50.0)  # one moment: the title decides
    latest = await add_story(A, "Zebra 1", 3)
    await store.set_progress(db, A, 7, latest, 2, now=60.0)  # the most recently moved still comes first
    shown = [p.title for p in await store.member_progress(db, A, 7)]
    assert shown == ["Zebra 1", "Book 1", "book 2", "Book 2a", "Böok 3", "Book 10"], shown
