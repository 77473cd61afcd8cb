"""Titles in the order people count them: "Book 2" before "Book 10", in the store's SQL order."""

from __future__ import annotations

import pytest

from bot.db import Database, load_migrations, migrate, open_database
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.store import add_story, list_stories
from bot.text import natural_key

GUILD = 1001


def book(title: str) -> Story:
    return Story(StoryMeta(title=title), [Chapter(1, None, [Scene(["A page."])])], "txt")


async def add(db: Database, title: str) -> int:
    return await add_story(db, GUILD, book(title), content_hash=f"h:{title}", added_by=None, now=0.0)


@pytest.mark.parametrize(
    ("titles", "expected"),
    [
        (["book 10", "book 2", "book 1"], ["book 1", "book 2", "book 10"]),
        (["book 007", "book 7a", "book 70"], ["book 007", "book 7a", "book 70"]),  # leading zeros aside
        (["vol 2 part 10", "vol 2 part 9", "vol 10 part 1"], ["vol 2 part 9", "vol 2 part 10", "vol 10 part 1"]),
        (["9 lives", "10 lives", "a life"], ["9 lives", "10 lives", "a life"]),  # digits before letters, as before
        (["x " + "9" * 150, "x " + "1" + "0" * 150], ["x " + "9" * 150, "x " + "1" + "0" * 150]),  # a long run
    ],
)
def test_natural_key_counts_digit_runs_as_numbers(titles: list[str], expected: list[str]) -> None:
    assert sorted(titles, key=natural_key) == expected


async def test_the_library_page_is_in_natural_order_and_read_by_index(db: Database) -> None:
    for title in ("Book 10", "book 2", "Book 1", "Böok 3", "Book 11"):
        await add(db, title)
    first = await list_stories(db, GUILD, offset=0, limit=3)
    rest = await list_stories(db, GUILD, offset=3, limit=3)
    assert [r.title for r in first + rest] == ["Book 1", "book 2", "Böok 3", "Book 10", "Book 11"]
    plan = " ".join(
        str(row[-1])
        for row in await db.fetch_all(
            "EXPLAIN QUERY PLAN SELECT id FROM stories WHERE guild_id = ? ORDER BY title_sort, id LIMIT 10", (GUILD,)
        )
    )
    assert "stories_by_title_sort" in plan and "TEMP B-TREE" not in plan, plan


async def test_stories_stored_before_the_upgrade_are_listed_in_natural_order(tmp_path) -> None:
    path = tmp_path / "old.sqlite3"
    migrations = load_migrations()
    old = await open_database(path, run_migrations=False)
    await migrate(old, migrations[:34])
    await old.execute("INSERT INTO guilds (guild_id, joined_at) VALUES (?, 0)", (GUILD,))
    for story_id, title in enumerate(("Book 10", "Book 2", "Book 1"), start=1):
        await old.execute(
            "INSERT INTO stories (id, guild_id, title, title_folded, chapter_count, content_hash) VALUES (?, ?, ?, ?, 1, ?)",
            (story_id, GUILD, title, title.casefold(), f"h{story_id}"),
        )
    await old.close()
    db = await open_database(path)
    try:
        assert [r.title for r in await list_stories(db, GUILD)] == ["Book 1", "Book 2", "Book 10"]
    finally:
        await db.close()
