"""Books without a file on real SQLite: bounds, declared warnings, and the features that read chapters."""

from __future__ import annotations

import pytest

from bot.db import Database
from bot.errors import UserError
from bot.progress.prefs import avoid
from bot.progress.store import get_progress, mark_read, set_progress
from bot.story.books import MAX_BOOK_CHAPTERS, add_book, has_text, parse_chapter_count
from bot.story.store import DuplicateStory, chapter_infos, get_story_record, load_chapter
from bot.warnings import service as warnings
from tests.nominations.conftest import GUILD, OTHER_GUILD

ADA, MEL = 1, 2


async def test_a_book_has_chapter_rows_and_no_text(db: Database) -> None:
    book = await add_book(
        db, GUILD, title="  The Left   Hand of Darkness ", chapters=20, author="Ursula K. Le Guin",
        warnings="violence, Creator Chose Not To Use Archive Warnings", added_by=ADA, now=5.0,
    )  # fmt: skip
    assert (book.title, book.chapters, book.author) == ("The Left Hand of Darkness", 20, "Ursula K. Le Guin")
    record = await get_story_record(db, GUILD, book.story_id)
    assert record is not None and record.chapter_count == 20 and record.words == 0 and record.source_format == "none"
    assert [c.number for c in await chapter_infos(db, GUILD, book.story_id)] == list(range(1, 21))
    chapter = await load_chapter(db, GUILD, book.story_id, 20)
    assert chapter is not None and chapter.paragraphs == []
    assert await has_text(db, GUILD, book.story_id) is False
    assert await has_text(db, OTHER_GUILD, book.story_id) is False
    assert [w.id for w in book.warnings] == ["violence", "unwarned"]


async def test_bounds_are_refused_with_the_limit_and_nothing_is_written(db: Database) -> None:
    for chapters in (0, MAX_BOOK_CHAPTERS + 1, -3):
        with pytest.raises(UserError, match="1 to 10,000 chapters"):
            await add_book(db, GUILD, title="Too many", chapters=chapters, added_by=ADA, now=0)
    with pytest.raises(UserError, match="keep it to 200"):
        await add_book(db, GUILD, title="t" * 201, chapters=3, added_by=ADA, now=0)
    with pytest.raises(UserError, match="Give the book a title"):
        await add_book(db, GUILD, title=" ", chapters=3, added_by=ADA, now=0)
    assert await db.fetch_value("SELECT count(*) FROM stories") == 0
    # Warnings no category matches are kept as typed, not refused (the answer names them).
    scary = await add_book(db, GUILD, title="Scary", chapters=3, warnings="death, spiders,clowns", added_by=ADA, now=0)
    assert scary.uncategorised == ["spiders", "clowns"]
    assert [w.id for w in scary.warnings] == ["death", "author-words"]
    biggest = await add_book(db, GUILD, title="x" * 200, chapters=MAX_BOOK_CHAPTERS, added_by=ADA, now=0)
    assert await db.fetch_value("SELECT count(*) FROM chapters WHERE story_id = ?", (biggest.story_id,)) == 10_000


def test_a_chapter_count_typed_into_a_form() -> None:
    assert parse_chapter_count(" 1,200 ") == 1200
    for bad, why in (
        ("abc", "not a number"),
        ("0", "1 to 10,000"),
        ("10001", "1 to 10,000"),
        ("", "Give the number of chapters"),
    ):
        with pytest.raises(UserError, match=why):
            parse_chapter_count(bad)


async def test_the_same_book_twice_is_refused_and_taxonomy_ids_are_accepted(db: Database) -> None:
    first = await add_book(db, GUILD, title="Beloved", chapters=28, author="Toni Morrison",
                           warnings="child-abuse, blood-gore", added_by=ADA, now=0)  # fmt: skip
    assert {w.id for w in first.warnings} == {"child-abuse", "blood-gore"}
    with pytest.raises(DuplicateStory):
        await add_book(db, GUILD, title="beloved", chapters=28, author="toni morrison", added_by=ADA, now=0)
    assert await add_book(db, OTHER_GUILD, title="Beloved", chapters=28, author="Toni Morrison", added_by=ADA, now=0)


async def test_progress_preferences_and_warnings_work_for_a_book(db: Database) -> None:
    book = await add_book(db, GUILD, title="Kindred", chapters=14, warnings="racism, death", added_by=ADA, now=0)
    assert await mark_read(db, GUILD, MEL, book.story_id, 3, now=1.0)
    assert (await set_progress(db, GUILD, MEL, book.story_id, 14, now=2.0)).chapter == 14
    assert await get_progress(db, GUILD, MEL, book.story_id) == 14
    with pytest.raises(UserError):
        await set_progress(db, GUILD, MEL, book.story_id, 15, now=3.0)
    await avoid(db, GUILD, MEL, "racism")
    headers = await warnings.chapter_warnings(db, GUILD, book.story_id, 7)
    assert {w.id for w in headers} == {"racism", "death"}
    await warnings.set_override(db, GUILD, book.story_id, "death", "remove", user_id=ADA, now=4.0)
    await warnings.set_override(db, GUILD, book.story_id, "grief", "add", user_id=ADA, now=4.0)
    assert {w.id for w in await warnings.story_warnings(db, GUILD, book.story_id)} == {"racism", "grief"}
    # A server rule change rescans every story: the book keeps its declared warnings.
    await warnings.add_rule(db, GUILD, category="death", pattern="perished", user_id=ADA)
    assert {w.id for w in await warnings.story_warnings(db, GUILD, book.story_id)} == {"racism", "grief"}
    assert {w.id for w in await warnings.chapter_warnings(db, GUILD, book.story_id, 1)} == {"racism", "grief"}
