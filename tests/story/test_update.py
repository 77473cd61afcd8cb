"""``/story update`` below the cog, on a real SQLite file: a new version of a story under the same id."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.db import Database
from bot.discussions.store import NewDiscussion, create_discussions, get_discussion
from bot.errors import UserError
from bot.progress.store import get_progress, set_progress
from bot.story import plaintext
from bot.story.books import add_book
from bot.story.changes import same_title
from bot.story.chapters import chapter_ranges
from bot.story.service import add_story_file
from bot.story.store import DuplicateStory, chapter_infos, get_story_record, load_chapter
from bot.story.update import StoryUpdated, describe_update, update_story
from bot.warnings.service import rescan_story, set_override, stored_scan

from .test_service import LIMIT, InlineWorkers

GUILD = 1001
OTHER_GUILD = 2002
DUE = datetime(2030, 1, 1, tzinfo=UTC)

CHAPTERS = {
    1: [
        "Nell caught the second ferry of the week with a suitcase that had lost a wheel somewhere in the station.",
        "The lighthouse stood at the far end of the spit, white paint gone grey where the salt had worked at it.",
    ],
    2: [
        "She found out quickly that keeping a lighthouse is mostly chores, forms from the harbour board and letters.",
        "Her grandfather had written everything down: fifty-one years of logbooks filled a shelf that bowed.",
    ],
    3: [
        "The storm came in on the Thursday, and the lamp had to be lit by four because the light was already going.",
        "She climbed the hundred and twelve steps twice that evening, counting them aloud the way he used to.",
    ],
    4: [
        "The letter from the regiment arrived on a Tuesday: her son had been killed in action near the border.",
        "He slammed her head against the car door and kept hitting her until a neighbour shouted from a window.",
    ],
}
OTHER = {
    1: [
        "Marco opened the bakery at five, as he had every morning since his father handed him the keys and the debts.",
        "The sourdough starter was older than his marriage and, his sister said, considerably better tempered.",
    ],
    2: ["The health inspector came on a Monday, which Marco took as a personal insult from the universe at large."],
}


def serial(chapters: int, title: str = "The Lamp at Gull Point", texts: dict[int, list[str]] = CHAPTERS) -> bytes:
    """A markdown work in progress with its first ``chapters`` chapters."""
    parts = [f"Title: {title}\nAuthor: A. Writer\n"]
    parts += [f"# Chapter {n}: Part {n}\n\n" + "\n\n".join(texts[n]) + "\n" for n in range(1, chapters + 1)]
    return "\n".join(parts).encode()


async def add(db: Database, data: bytes, *, guild_id: int = GUILD, **kwargs: Any) -> int:
    added = await add_story_file(
        db, InlineWorkers(), guild_id, "lamp.md", data, added_by=7, now=1000.0, max_bytes=LIMIT, **kwargs
    )
    return added.story_id


async def update(
    db: Database, story: int | str, data: bytes | None = None, *, guild_id: int = GUILD, **options: Any
) -> StoryUpdated:
    options = {"chapters": None, "title": None, "replace_anyway": False} | options
    upload = None if data is None else ("lamp.md", data)
    return await update_story(
        db, InlineWorkers(), guild_id, str(story), upload=upload, now=2000.0, max_bytes=LIMIT, **options
    )


async def keyed_rows(db: Database, story_id: int) -> dict[str, list[tuple[Any, ...]]]:
    """Every row another feature keeps for the story (by chapter number or story id)."""
    tables = ("reading_progress", "discussions", "warning_overrides", "warning_reviews", "warning_reports")
    found = {}
    for table in tables:
        rows = await db.fetch_all(f"SELECT * FROM {table} WHERE story_id = ? ORDER BY 1, 2, 3", (story_id,))
        found[table] = [tuple(row) for row in rows]
    return found


async def club_state(db: Database, story_id: int) -> None:
    """Progress, a discussion, an override, a review and a report for the story."""
    await set_progress(db, GUILD, 50, story_id, 3, now=1100.0)
    await set_progress(db, GUILD, 51, story_id, 1, now=1100.0)
    discussion = NewDiscussion(story_id, 3, DUE, 9, False, [timedelta(hours=1)], 7)
    await create_discussions(db, GUILD, [discussion], now=DUE - timedelta(days=3))
    await set_override(db, GUILD, story_id, "grief", "add", user_id=7, now=1100.0)
    async with db.transaction() as tx:
        await tx.execute(
            "INSERT INTO warning_reviews (guild_id, story_id, chapter, warning_id, decision, decided_at)"
            " VALUES (?, ?, 2, 'death', 'dismissed', 1100)",
            (GUILD, story_id),
        )
        await tx.execute(
            "INSERT INTO warning_reports (guild_id, story_id, chapter, warning_id, reporter_id, created_at)"
            " VALUES (?, ?, 3, 'violence', 51, 1100)",
            (GUILD, story_id),
        )


async def test_a_new_chapter_keeps_the_id_and_everything_the_club_kept(db: Database) -> None:
    story_id = await add(db, serial(3))
    await club_state(db, story_id)
    before = await keyed_rows(db, story_id)
    updated = await update(db, story_id, serial(4))
    assert updated.story_id == story_id
    changes = updated.changes
    assert (changes.unchanged, changes.changed, changes.added, changes.removed) == ([1, 2, 3], [], [4], [])
    assert await keyed_rows(db, story_id) == before
    record = await get_story_record(db, GUILD, story_id)
    assert record is not None and record.chapter_count == 4
    assert [c.number for c in await chapter_infos(db, GUILD, story_id)] == [1, 2, 3, 4]
    report = await stored_scan(db, GUILD, story_id)
    assert report is not None and [c.number for c in report.chapters] == [1, 2, 3, 4]  # rescanned
    assert "violence" in report.ids()
    assert any(w.label == "Violence" and w.chapters == [4] for w in updated.new_warnings)
    text = describe_update(updated)
    assert "Chapters 1-3 unchanged, chapter 4 new." in text and "**Violence** (chapter 4)" in text


async def test_a_file_that_fails_to_import_changes_nothing(db: Database) -> None:
    story_id = await add(db, serial(3))
    record = await get_story_record(db, GUILD, story_id)
    for data in (b"\x89PNG\r\n\x1a\n" + bytes(64), b"", b"A/N: on hiatus, sorry!"):
        with pytest.raises(UserError):
            await update(db, story_id, data)
    assert await get_story_record(db, GUILD, story_id) == record
    assert len(await chapter_infos(db, GUILD, story_id)) == 3


async def test_fewer_chapters_are_refused_unless_asked_and_then_progress_is_set_back(db: Database) -> None:
    story_id = await add(db, serial(4))
    await club_state(db, story_id)
    with pytest.raises(UserError, match=r"has 2 chapters; .* has 4\. Nothing was changed.*replace_anyway:True"):
        await update(db, story_id, serial(2))
    record = await get_story_record(db, GUILD, story_id)
    assert record is not None and record.chapter_count == 4
    updated = await update(db, story_id, serial(2), replace_anyway=True)
    assert updated.changes.removed == [3, 4] and updated.set_back == 1
    assert await get_progress(db, GUILD, 50, story_id) == 2 and await get_progress(db, GUILD, 51, story_id) == 1
    [discussion_id] = updated.past_the_end
    discussion = await get_discussion(db, GUILD, discussion_id)
    assert discussion is not None and discussion.state == "scheduled" and discussion.chapter == 3
    text = describe_update(updated)
    assert "chapters 3-4 taken down" in text and "1 member past chapter 2, now the last, was set back" in text
    assert f"#{discussion_id}" in text
    assert f"A scheduled discussion of a chapter the story no longer has: #{discussion_id}. It still posts" in text


async def test_a_file_of_another_story_is_refused_unless_asked(db: Database) -> None:
    story_id = await add(db, serial(2))
    bakery = serial(2, "Flour and Debts", OTHER)
    with pytest.raises(UserError, match=r"does not look like .*titled “Flour and Debts” and keeps 0% of its text"):
        await update(db, story_id, bakery)
    record = await get_story_record(db, GUILD, story_id)
    assert record is not None and record.content_hash is not None and record.title == "The Lamp at Gull Point"
    updated = await update(db, story_id, bakery, replace_anyway=True)
    assert updated.title == "The Lamp at Gull Point" and updated.file_title == "Flour and Debts"


async def test_a_renamed_file_of_the_same_text_is_taken_and_the_library_title_stays(db: Database) -> None:
    story_id = await add(db, serial(2), title="Gull Point (club edition)")
    updated = await update(db, story_id, serial(3, "The Lamp at Gull Point, Revised"))
    record = await get_story_record(db, GUILD, story_id)
    assert record is not None and record.title == "Gull Point (club edition)" == updated.title
    assert "The file calls it “The Lamp at Gull Point, Revised”; the library keeps its title" in describe_update(
        updated
    )
    renamed = await update(db, story_id, serial(4), title="The Lamp")
    assert renamed.title == "The Lamp" and renamed.file_title is None  # the admin chose it: nothing to say


async def test_the_same_file_or_another_story_s_file_changes_nothing(db: Database) -> None:
    story_id = await add(db, serial(2))
    other_id = await add(db, serial(2, "Flour and Debts", OTHER))
    with pytest.raises(UserError, match="already has; nothing changed"):
        await update(db, story_id, serial(2))
    with pytest.raises(
        DuplicateStory,
        match=f"already in the server as “Flour and Debts” \\(story id {other_id}, for commands\\); nothing was changed",
    ):
        await update(db, story_id, serial(2, "Flour and Debts", OTHER), replace_anyway=True)


async def test_a_story_of_another_server_cannot_be_updated(db: Database) -> None:
    story_id = await add(db, serial(2), guild_id=OTHER_GUILD)
    with pytest.raises(UserError, match="No story in this server's library matches"):
        await update(db, story_id, serial(3))
    record = await get_story_record(db, OTHER_GUILD, story_id)
    assert record is not None and record.chapter_count == 2


async def test_a_book_without_a_file_takes_a_new_chapter_count(db: Database) -> None:
    book = await add_book(db, GUILD, title="Kindred", chapters=3, warnings="violence", added_by=7, now=1000.0)
    await set_progress(db, GUILD, 50, book.story_id, 3, now=1100.0)
    grown = await update(db, book.story_id, chapters=5)
    assert grown.changes.added == [4, 5] and "Chapters 1-3 unchanged, chapters 4-5 new." in describe_update(grown)
    assert len(await chapter_infos(db, GUILD, book.story_id)) == 5
    with pytest.raises(UserError, match="has 2 chapters"):
        await update(db, book.story_id, chapters=2)
    shrunk = await update(db, book.story_id, chapters=2, replace_anyway=True)
    assert shrunk.set_back == 1 and await get_progress(db, GUILD, 50, book.story_id) == 2
    record = await get_story_record(db, GUILD, book.story_id)
    assert record is not None and not record.has_text and record.chapter_count == 2
    report = await stored_scan(db, GUILD, book.story_id)
    assert report is not None and "violence" in report.ids()  # the declared warning is still mapped


async def test_a_book_read_elsewhere_takes_its_file_keeping_progress_and_id(db: Database) -> None:
    book = await add_book(db, GUILD, title="The Lamp at Gull Point", chapters=2, added_by=7, now=1000.0)
    await set_progress(db, GUILD, 50, book.story_id, 2, now=1100.0)
    with pytest.raises(UserError, match="does not look like"):  # the wrong file is still refused
        await update(db, book.story_id, serial(2, "Flour and Debts", OTHER))
    updated = await update(db, book.story_id, serial(4))
    record = await get_story_record(db, GUILD, book.story_id)
    assert record is not None and record.has_text and record.chapter_count == 4
    assert await db.fetch_value("SELECT has_text FROM stories WHERE id = ?", (book.story_id,)) == 1
    assert await get_progress(db, GUILD, 50, book.story_id) == 2
    answer = describe_update(updated)
    assert "now it has its text to read and post" in answer and "**New warnings** in its text:" in answer
    assert "Violence" in {w.label for w in updated.new_warnings}  # chapter 4 is read now


async def test_a_story_from_a_file_needs_a_file_and_one_of_the_two_is_asked_for(db: Database) -> None:
    story_id = await add(db, serial(2))
    with pytest.raises(UserError, match="was imported from a file: attach the new version"):
        await update(db, story_id, chapters=5)
    with pytest.raises(UserError, match="one of the two"):
        await update(db, story_id)
    with pytest.raises(UserError, match="You gave both a file and `chapters:`"):
        await update(db, story_id, serial(3), chapters=3)


def test_titles_compare_by_their_words() -> None:
    assert same_title("The Ford", "the ford (WIP)") and same_title("Émile's Ford", "EMILE'S FORD!")
    assert not same_title("The Ford", "Flour and Debts") and not same_title("", "The Ford")
    assert same_title("Home", "home!") and not same_title("Home", "Finding Home")
    assert not same_title("Story", "A Ghost Story") and not same_title("Untitled", "Untitled 2")


async def test_a_one_word_title_inside_the_other_does_not_let_another_story_through(db: Database) -> None:
    """ "Story" is in "A Ghost Story": the words alone do not say it is the same story, the text does."""
    story_id = await add(db, serial(2, "Story"))
    with pytest.raises(UserError, match="does not look like"):
        await update(db, story_id, serial(2, "A Ghost Story", OTHER))
    grown = await update(db, story_id, serial(3, "Story (WIP)"))  # its own text, kept: taken
    assert grown.changes.added == [3]


def test_chapter_ranges_join_runs() -> None:
    assert chapter_ranges([1, 2, 3, 5, 7, 8]) == "1-3, 5, 7-8"
    assert chapter_ranges(list(range(1, 40, 2)), limit=3) == "1, 3, 5 and 17 more"


class UpdatingMidScan(InlineWorkers):
    """Runs jobs inline; while the rescan's scan runs, an admin updates the story."""

    def __init__(self, db: Database, story_id: int, data: bytes) -> None:
        super().__init__()
        self.db, self.story_id, self.data = db, story_id, data

    async def run(self, what: str, function: Any, /, *args: Any, **kwargs: Any) -> Any:
        if function.__name__ == "scan_in_worker" and self.data:
            data, self.data = self.data, b""
            await update(self.db, self.story_id, data)
        return await super().run(what, function, *args, **kwargs)


async def test_a_rescan_of_the_old_text_is_not_stored_over_the_new_version(db: Database) -> None:
    story_id = await add(db, serial(3))
    await rescan_story(db, GUILD, story_id, workers=UpdatingMidScan(db, story_id, serial(4)))  # type: ignore[arg-type]
    report = await stored_scan(db, GUILD, story_id)
    assert report is not None and [c.number for c in report.chapters] == [1, 2, 3, 4]


# -- A story imported when a dedication before chapter 1 was read as chapter 1 -----------------

DEDICATED = "For my grandmother, who kept the tide tables."


def dedicated(chapters: int) -> bytes:
    """The serial with a dedication page before its first chapter."""
    text = serial(chapters).decode()
    start = text.index("# Chapter 1")
    return f"{text[:start]}# Dedication\n\n{DEDICATED}\n\n{text[start:]}".encode()


async def add_as_before(db: Database, data: bytes, monkeypatch: pytest.MonkeyPatch) -> int:
    """The story added as a Dogear that read no dedication as a note did: the dedication is chapter 1."""
    with monkeypatch.context() as patched:
        patched.setattr(plaintext, "split_front_pages", lambda items: ([], items))
        story_id = await add(db, data)
    infos = await chapter_infos(db, GUILD, story_id)
    assert infos[0].title == "Dedication"  # as an older Dogear stored it
    return story_id


async def chapter_keyed(db: Database, story_id: int) -> dict[str, list[tuple[Any, ...]]]:
    """What each table keyed by chapter holds for the story, as (who or what, chapter)."""
    queries = {
        "reading_progress": "SELECT user_id, chapter FROM reading_progress WHERE story_id = ? ORDER BY 1",
        "discussions": "SELECT id, chapter, state FROM discussions WHERE story_id = ? ORDER BY 1",
        "post_jobs": "SELECT channel_id, chapter FROM post_jobs WHERE story_id = ? ORDER BY 1",
        "warning_reviews": "SELECT warning_id, chapter FROM warning_reviews WHERE story_id = ? ORDER BY 1, 2",
        "warning_reports": "SELECT warning_id, chapter FROM warning_reports WHERE story_id = ? ORDER BY 1, 2",
    }
    return {table: [tuple(row) for row in await db.fetch_all(sql, (story_id,))] for table, sql in queries.items()}


async def club_of_the_old_numbers(db: Database, story_id: int) -> list[int]:
    """Progress, discussions, posts, reviews and reports in the old numbers (chapter 1 the dedication);
    returns the ids of the discussions of the dedication and of the old chapter 4."""
    for member, chapter in ((50, 4), (51, 1), (52, 5), (53, 0)):
        await set_progress(db, GUILD, member, story_id, chapter, now=1100.0)
    plans = [NewDiscussion(story_id, chapter, DUE, 9, False, [timedelta(hours=1)], 7) for chapter in (1, 4)]
    await create_discussions(db, GUILD, plans, now=DUE - timedelta(days=3))
    async with db.transaction() as tx:
        for channel, chapter in ((91, 1), (92, 2), (93, 3)):
            await tx.execute(
                "INSERT INTO post_jobs (guild_id, channel_id, story_id, chapter, state, nonce_prefix, chunk_count,"
                " requested_by, anchor_id, interaction_at, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, 'done', 'n', 1, 7, 1, 1100, 1100, 1100)",
                (GUILD, channel, story_id, chapter),
            )
        for chapter in (1, 2, 3, 4):  # neighbours: moving 3 to 2 while 2 is there must not collide
            await tx.execute(
                "INSERT INTO warning_reviews (guild_id, story_id, chapter, warning_id, decision, decided_at)"
                " VALUES (?, ?, ?, 'death', 'dismissed', 1100)",
                (GUILD, story_id, chapter),
            )
            await tx.execute(
                "INSERT INTO warning_reports (guild_id, story_id, chapter, warning_id, reporter_id, created_at)"
                " VALUES (?, ?, ?, 'violence', 51, 1100)",
                (GUILD, story_id, chapter),
            )
    rows = await db.fetch_all("SELECT id FROM discussions WHERE story_id = ? ORDER BY chapter", (story_id,))
    return [row["id"] for row in rows]


async def test_the_dedication_read_as_chapter_1_becomes_a_note_and_the_club_moves_with_the_chapters(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    story_id = await add_as_before(db, dedicated(4), monkeypatch)
    of_dedication, of_chapter_3 = await club_of_the_old_numbers(db, story_id)
    updated = await update(db, story_id, dedicated(4))  # the same file, read now: no replace_anyway needed
    changes = updated.changes
    assert (changes.shifted, changes.now_notes) == (1, ["Dedication"])
    assert (changes.unchanged, changes.changed, changes.added, changes.removed) == ([1, 2, 3, 4], [], [], [])
    assert [info.title for info in await chapter_infos(db, GUILD, story_id)] == [f"Part {n}" for n in (1, 2, 3, 4)]
    rows = await chapter_keyed(db, story_id)
    assert rows["reading_progress"] == [(50, 3), (51, 0), (52, 4), (53, 0)]  # 51 had read only the dedication
    assert rows["discussions"] == [(of_dedication, 1, "cancelled"), (of_chapter_3, 3, "scheduled")]
    assert rows["post_jobs"] == [(92, 1), (93, 2)]  # the dedication's post is forgotten
    assert rows["warning_reviews"] == [("death", 1), ("death", 2), ("death", 3)]
    assert rows["warning_reports"] == [("violence", 1), ("violence", 2), ("violence", 3)]
    reminders = await db.fetch_all("SELECT state FROM discussion_reminders WHERE discussion_id = ?", (of_dedication,))
    assert [row["state"] for row in reminders] == ["cancelled"]
    assert updated.now_a_note == [of_dedication] and updated.set_back == 0
    text = describe_update(updated)
    assert "Chapters 1-4 unchanged." in text
    assert "The dedication is now a note (shown in `/story info`); chapter numbers moved down by one" in text
    assert f"Cancelled, as its chapter is a note now: 1 discussion (#{of_dedication})." in text
    assert "are kept" not in text
    # Every cancelled one is named (no other listing shows them): the answer named ten and dropped the rest.
    many = dataclasses.replace(updated, now_a_note=list(range(500, 512)))
    named = ", ".join(f"#{number}" for number in range(500, 512))
    assert f"Cancelled, as its chapter is a note now: 12 discussions ({named})." in describe_update(many)


async def test_a_longer_file_after_the_dedication_chapter_adds_its_new_chapter_at_the_book_s_number(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    story_id = await add_as_before(db, dedicated(3), monkeypatch)
    await set_progress(db, GUILD, 50, story_id, 4, now=1100.0)  # read all three chapters and the dedication
    updated = await update(db, story_id, dedicated(4))
    changes = updated.changes
    assert (changes.shifted, changes.unchanged, changes.added) == (1, [1, 2, 3], [4])
    assert await get_progress(db, GUILD, 50, story_id) == 3
    assert [w.chapters for w in updated.new_warnings if w.label == "Violence"] == [[4]]


async def test_a_first_chapter_that_is_not_the_new_file_s_dedication_does_not_move_anything(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first chapter with other words than the new notes is the story: fewer chapters is refused as before."""
    story_id = await add(db, serial(4))
    await set_progress(db, GUILD, 50, story_id, 2, now=1100.0)
    with pytest.raises(UserError, match="has 3 chapters"):
        await update(db, story_id, dedicated(3))
    assert await get_progress(db, GUILD, 50, story_id) == 2


# -- The author's chapter warnings: part of what a chapter says -----------------------------------

CW = "A/N: CW for this chapter: self-harm"


def warned(chapters: int, notes: dict[int, str]) -> bytes:
    """The serial with an author's note opening some chapters."""
    text = serial(chapters).decode()
    for number, note in notes.items():
        heading = f"# Chapter {number}: Part {number}\n\n"
        text = text.replace(heading, heading + note + "\n\n")
    return text.encode()


async def test_a_chapter_whose_author_warnings_changed_is_reported_as_changed(db: Database) -> None:
    story_id = await add(db, serial(3))
    updated = await update(db, story_id, warned(4, {2: CW}))
    changes = updated.changes
    assert (changes.unchanged, changes.changed, changes.added) == ([1, 3], [2], [4])
    text = describe_update(updated)
    assert "Chapters 1, 3 unchanged, chapter 2 changed, chapter 4 new." in text
    assert "Chapter 2: the author now declares “CW for this chapter\\: self\\-harm”." in text
    dropped = await update(db, story_id, serial(4))
    assert dropped.changes.changed == [2]
    assert "Chapter 2: the author no longer declares “CW for this chapter\\: self\\-harm”." in describe_update(dropped)


async def test_the_same_text_with_a_new_chapter_warning_is_taken_and_the_same_file_again_is_not(
    db: Database,
) -> None:
    """The warning is not in the text's hash: the same text with it is a new version, not "nothing changed"."""
    story_id = await add(db, serial(3))
    updated = await update(db, story_id, warned(3, {3: CW}))
    assert updated.changes.changed == [3]
    chapter = await load_chapter(db, GUILD, story_id, 3)
    assert chapter is not None and chapter.declared_warnings == ["CW for this chapter: self-harm"]
    with pytest.raises(UserError, match="already has; nothing changed"):
        await update(db, story_id, warned(3, {3: CW}))


async def test_two_updates_of_a_book_at_once_take_one_and_refuse_the_other(db: Database) -> None:
    """A double press of `/story update chapters:5` (or two admins at once): both read the book at 3
    chapters and both were written, each answering "chapters 4-5 new"; a book's stored hash is its title
    and author, so the check that the story had not changed since it was read never saw the first."""
    book = await add_book(db, GUILD, title="Kindred", chapters=3, added_by=7, now=1000.0)
    outcomes = await asyncio.gather(
        update(db, book.story_id, chapters=5), update(db, book.story_id, chapters=4), return_exceptions=True
    )
    done = [outcome for outcome in outcomes if isinstance(outcome, StoryUpdated)]
    refused = [outcome for outcome in outcomes if isinstance(outcome, UserError)]
    assert len(done) == 1 and len(refused) == 1, outcomes
    assert "nothing was changed" in str(refused[0]).lower()
    record = await get_story_record(db, GUILD, book.story_id)
    assert record is not None and record.chapter_count == done[0].chapters
