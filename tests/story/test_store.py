"""Story storage on a real migrated SQLite file."""

from __future__ import annotations

import pytest

from bot.db import Database, load_migrations, migrate, open_database
from bot.story.importer import content_hash, import_story
from bot.story.store import (
    DuplicateStory,
    add_story,
    chapter_infos,
    count_stories,
    delete_story,
    get_story_record,
    list_stories,
    list_story_ids,
    load_chapter,
    load_story,
    search_stories,
)

from .builders import ao3_html, two_chapter_work

GUILD, OTHER = 1001, 2002
LIMIT = 8 * 1024 * 1024


def work():
    return import_story(ao3_html(two_chapter_work()).encode(), "ford.html", max_bytes=LIMIT)


async def add(db: Database, story, guild: int = GUILD) -> int:
    return await add_story(db, guild, story, content_hash=content_hash(story), added_by=7, now=1000.0)


async def test_round_trip_keeps_everything(db: Database) -> None:
    story = work()
    story_id = await add(db, story)
    loaded = await load_story(db, GUILD, story_id)
    assert loaded == story
    record = await get_story_record(db, GUILD, story_id)
    assert record is not None
    assert (record.title, record.author, record.chapter_count, record.words) == (
        "The Ford",
        "riverwriter",
        2,
        story.words,
    )
    assert record.declared_warnings == ["TW: drowning"]
    assert record.meta["archive_warnings"] == ["Major Character Death"]
    assert record.added_by == 7 and record.content_hash == content_hash(story)
    chapter = await load_chapter(db, GUILD, story_id, 2)
    assert chapter == story.chapters[1]
    assert await load_chapter(db, GUILD, story_id, 3) is None
    assert [(c.number, c.title) for c in await chapter_infos(db, GUILD, story_id)] == [(1, "The Ford"), (2, None)]


async def test_text_is_stored_once(db: Database) -> None:
    story_id = await add(db, work())
    rows = await db.fetch_all("SELECT scenes FROM chapters WHERE story_id = ?", (story_id,))
    assert len(rows) == 2
    assert await db.fetch_value("SELECT count(*) FROM stories") == 1


async def test_duplicate_in_same_guild_is_reported_not_stored(db: Database) -> None:
    first = await add(db, work())
    with pytest.raises(DuplicateStory) as info:
        await add(db, work())
    assert info.value.story_id == first and info.value.title == "The Ford"
    assert "already in the server as “The Ford”" in str(info.value)
    assert await count_stories(db, GUILD) == 1
    assert await db.fetch_value("SELECT count(*) FROM chapters") == 2


async def remove(db: Database, guild_id: int, story_id: int) -> bool:
    async with db.transaction() as tx:
        return await delete_story(tx, guild_id, story_id)


async def test_same_story_in_another_guild_is_fine_and_invisible_across(db: Database) -> None:
    mine = await add(db, work())
    theirs = await add(db, work(), OTHER)
    assert mine != theirs
    assert await get_story_record(db, OTHER, mine) is None
    assert await load_story(db, OTHER, mine) is None
    assert await load_chapter(db, OTHER, mine, 1) is None
    assert await list_story_ids(db, GUILD) == [mine]
    assert await remove(db, OTHER, mine) is False
    assert await get_story_record(db, GUILD, mine) is not None


async def test_remove_cascades_chapters(db: Database) -> None:
    story_id = await add(db, work())
    assert await remove(db, GUILD, story_id) is True
    assert await get_story_record(db, GUILD, story_id) is None
    assert await db.fetch_value("SELECT count(*) FROM chapters") == 0
    assert await remove(db, GUILD, story_id) is False


async def test_a_removed_storys_id_is_never_given_to_another(db: Database) -> None:
    """Buttons under old excerpts and confirmations carry a story's id for good: SQLite would hand
    the id of the highest story, once removed, to the next one added (migration 0012)."""
    kept = await add(db, work(), OTHER)
    removed = await add(db, work())
    assert removed > kept
    assert await remove(db, GUILD, removed) is True
    again = await add(db, work())
    assert again > removed


async def test_ids_already_given_out_before_the_upgrade_are_never_given_again(tmp_path) -> None:
    path = tmp_path / "old.sqlite3"
    migrations = load_migrations()
    old = await open_database(path, run_migrations=False)
    await migrate(old, migrations[:11])
    await old.execute("INSERT INTO guilds (guild_id, joined_at) VALUES (?, 0)", (GUILD,))
    await old.execute(
        "INSERT INTO stories (id, guild_id, title, chapter_count, content_hash) VALUES (40, ?, 'Old', 1, 'h')", (GUILD,)
    )
    await old.close()
    db = await open_database(path)
    try:
        assert await remove(db, GUILD, 40) is True
        assert await add(db, work()) == 41
    finally:
        await db.close()


async def test_a_story_stored_before_titles_were_tidied_is_read_tidied(db: Database) -> None:
    """Imports tidy titles now (bot.story.tidy); a row stored before keeps its raw title, so reads tidy it too."""
    story_id = await add(db, work())
    await db.execute(
        "UPDATE stories SET title = ?, author = ? WHERE id = ?", ("\u202eThe Ford " + "word " * 900, "\u2066", story_id)
    )
    await db.execute(
        "UPDATE chapters SET title = ? WHERE story_id = ? AND number = 1", ("\u202e" + "x" * 5000, story_id)
    )
    record = await get_story_record(db, GUILD, story_id)
    assert record is not None and record.title.startswith("The Ford word") and len(record.title) <= 200
    assert record.author is None
    chapter = await load_chapter(db, GUILD, story_id, 1)
    assert chapter is not None and chapter.title is not None and len(chapter.title) <= 200
    assert "\u202e" not in chapter.title
    assert all(len(info.title or "") <= 200 for info in await chapter_infos(db, GUILD, story_id))


async def test_failed_insert_leaves_nothing(db: Database) -> None:
    story = work()
    story.chapters[1].number = 1  # two chapters numbered 1: the chapter insert fails
    with pytest.raises(Exception, match="UNIQUE"):
        await add(db, story)
    assert await db.fetch_value("SELECT count(*) FROM stories") == 0
    assert await db.fetch_value("SELECT count(*) FROM guilds") == 0


async def test_list_and_search(db: Database) -> None:
    titles = ["The Ford", "Ford Crossing", "Salt Roads", "Émile's Bridge", "the lamp"]
    for index, title in enumerate(titles):
        story = work()
        story.meta.title = title
        story.chapters[0].scenes[0].paragraphs.append(f"unique {index}")
        await add(db, story)
    assert [r.title for r in await list_stories(db, GUILD)] == [
        "Émile's Bridge",
        "Ford Crossing",
        "Salt Roads",
        "The Ford",
        "the lamp",
    ]
    assert [r.title for r in await list_stories(db, GUILD, offset=1, limit=2)] == ["Ford Crossing", "Salt Roads"]
    assert [r.title for r in await search_stories(db, GUILD, "for")] == ["Ford Crossing", "The Ford"]
    assert [r.title for r in await search_stories(db, GUILD, "emile")] == ["Émile's Bridge"]
    assert [r.title for r in await search_stories(db, GUILD, "  THE ")] == ["The Ford", "the lamp"]
    assert len(await search_stories(db, GUILD, "", limit=3)) == 3
    assert await search_stories(db, OTHER, "for") == []
    assert await count_stories(db, GUILD) == 5


async def test_deleting_the_guild_deletes_its_stories(db: Database) -> None:
    await add(db, work())
    async with db.transaction() as tx:
        await tx.execute("DELETE FROM guilds WHERE guild_id = ?", (GUILD,))
    assert await db.fetch_value("SELECT count(*) FROM stories") == 0
    assert await db.fetch_value("SELECT count(*) FROM chapters") == 0


@pytest.mark.parametrize("value", ["²", "1" * 23, str(2**63), "-1", "0", " ", "\u00a0", "١٢", "*a* @everyone"])
async def test_resolve_story_answers_odd_values_with_a_user_error(db: Database, value: str) -> None:
    from bot.errors import UserError
    from bot.story.store import resolve_story

    await add(db, work())
    with pytest.raises(UserError) as info:
        await resolve_story(db, GUILD, value)
    assert "\n" not in str(info.value) and "@everyone" not in str(info.value)


async def test_resolve_story_by_id_title_and_folded_title(db: Database) -> None:
    from bot.story.store import resolve_story

    story_id = await add(db, work())
    for value in (str(story_id), f"  {story_id} ", "The Ford", "the  ford", "THE FORD"):
        assert (await resolve_story(db, GUILD, value)).id == story_id


async def test_the_chapter_list_is_read_without_the_chapters_text(db: Database) -> None:
    """`words` sits after the chapter's text in each row: reading it from the row walked every
    overflow page of the text, so /story info read a whole long story to count its words. The
    covering index of migration 0026 answers it."""
    story_id = await add(db, work())
    queries: list[str] = []
    await db.connection.set_trace_callback(queries.append)
    try:
        infos = await chapter_infos(db, GUILD, story_id)
    finally:
        await db.connection.set_trace_callback(None)
    assert [info.number for info in infos] == [1, 2]
    [query] = [query for query in queries if "FROM chapters" in query]
    plan = " ".join(str(row[-1]) for row in await db.fetch_all(f"EXPLAIN QUERY PLAN {query}"))
    assert "COVERING INDEX chapters_outline" in plan, plan
