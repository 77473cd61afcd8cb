"""``/story update`` when the author added or took out a chapter, on a real SQLite file: everything
keyed by chapter number (progress, discussions, posts, reviews, reports, the buttons' moves)
follows its chapter, and the admin is told what moved."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.db import Database
from bot.discussions.store import TAKEN_OUT, NewDiscussion, create_discussions, get_discussion
from bot.errors import UserError
from bot.progress.store import set_progress
from bot.story.store import chapter_after_moves, chapters_moved
from bot.story.update import describe_update

from .test_update import DUE, GUILD, add, chapter_keyed, update

TEXTS = {
    "prologue": [
        "Forty years before Nell came, her grandfather carried the first logbook up the hundred and twelve steps.",
        "He wrote the date, the wind and the state of the sea, and he did it every evening after that.",
    ],
    "hiatus": [
        "Hi everyone, I am so sorry: this story is going on a break for a few months while I move house.",
        "I have not abandoned it and the next part is half written, so please bear with me until then!",
    ],
}
for number in range(1, 7):
    TEXTS[f"c{number}"] = [
        f"Part {number} begins: Nell counted the steps again, {number} times over, before the light went out.",
        f"Part {number} goes on: the ferry came and went, and the harbour board sent letter {number} about the lamp.",
    ]


def version(*names: str) -> bytes:
    """The story with these chapters, in this order, headed by their numbers."""
    parts = ["Title: The Lamp at Gull Point\nAuthor: A. Writer\n"]
    parts += [f"# Chapter {n}\n\n" + "\n\n".join(TEXTS[name]) + "\n" for n, name in enumerate(names, start=1)]
    return "\n".join(parts).encode()


FIVE = ("c1", "c2", "c3", "c4", "c5")


async def club_on(db: Database, story_id: int, chapters: range) -> dict[int, int]:
    """Progress, a discussion, a finished post, a confirmation and a report on each chapter (member
    50 + n at chapter n); returns each chapter's discussion id."""
    for chapter in chapters:
        await set_progress(db, GUILD, 50 + chapter, story_id, chapter, now=1100.0)
    plans = [NewDiscussion(story_id, c, DUE + timedelta(days=c), 9, False, [timedelta(hours=1)], 7) for c in chapters]
    await create_discussions(db, GUILD, plans, now=DUE - timedelta(days=3))
    async with db.transaction() as tx:
        for chapter in chapters:  # neighbours: moving 3 to 4 while 4 is there must not collide
            await tx.execute(
                "INSERT INTO post_jobs (guild_id, channel_id, story_id, chapter, state, nonce_prefix, chunk_count,"
                " requested_by, anchor_id, interaction_at, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, 'done', 'n', 1, 7, 1, 1100, 1100, 1100)",
                (GUILD, 90 + chapter, story_id, chapter),
            )
            await tx.execute(
                "INSERT INTO warning_reviews (guild_id, story_id, chapter, warning_id, decision, decided_at)"
                " VALUES (?, ?, ?, 'death', 'confirmed', 1100)",
                (GUILD, story_id, chapter),
            )
            await tx.execute(
                "INSERT INTO warning_reports (guild_id, story_id, chapter, warning_id, reporter_id, created_at)"
                " VALUES (?, ?, ?, 'violence', 51, 1100)",
                (GUILD, story_id, chapter),
            )
    rows = await db.fetch_all("SELECT id, chapter FROM discussions WHERE story_id = ?", (story_id,))
    return {row["chapter"]: row["id"] for row in rows}


def followed(old_to_new: dict[int, int], discussions: dict[int, int]) -> dict[str, list[tuple[object, ...]]]:
    """What chapter_keyed reads when each old chapter's rows went to its new number."""
    pairs = sorted(old_to_new.items())
    return {
        "reading_progress": [(50 + old, new) for old, new in pairs],
        "discussions": sorted((discussions[old], new, "scheduled") for old, new in pairs),
        "post_jobs": [(90 + old, new) for old, new in pairs],
        "warning_reviews": [("death", new) for _, new in pairs],
        "warning_reports": [("violence", new) for _, new in pairs],
    }


async def test_a_prologue_moves_every_chapter_up_and_the_club_with_it(db: Database) -> None:
    story_id = await add(db, version(*FIVE))
    discussions = await club_on(db, story_id, range(1, 6))
    moved_before = await chapters_moved(db, GUILD, story_id)
    updated = await update(db, story_id, version("prologue", *FIVE))
    changes = updated.changes
    assert (changes.unchanged, changes.changed, changes.added, changes.removed) == ([2, 3, 4, 5, 6], [], [1], [])
    assert changes.moves == {n: n + 1 for n in range(1, 6)}
    assert await chapter_keyed(db, story_id) == followed({n: n + 1 for n in range(1, 6)}, discussions)
    # A button posted before the update under chapter 3 now acts on chapter 4, the same text.
    assert await chapter_after_moves(db, GUILD, story_id, 3, moved_before) == 4
    assert await chapter_after_moves(db, GUILD, story_id, 3, await chapters_moved(db, GUILD, story_id)) == 3
    assert updated.past_new == 5 and updated.now_a_note == [] and updated.taken_out == []
    text = describe_update(updated)
    assert "Chapters 2-6 unchanged, chapter 1 new." in text
    assert (
        "A new chapter 1 was added; chapters 1-5 are now 2-6, and reading progress, discussions, posts and warning "
        "decisions moved with them." in text
    )
    assert (
        "5 members had read past the new chapter 1, so it counts as read for them: tell the club it is there." in text
    )
    assert "are kept" not in text


async def test_a_chapter_added_in_the_middle_moves_only_those_after_it(db: Database) -> None:
    story_id = await add(db, version(*FIVE))
    discussions = await club_on(db, story_id, range(1, 6))
    updated = await update(db, story_id, version("c1", "c2", "c3", "c6", "c4", "c5"))
    assert updated.changes.moves == {4: 5, 5: 6}
    assert await chapter_keyed(db, story_id) == followed({1: 1, 2: 2, 3: 3, 4: 5, 5: 6}, discussions)
    assert updated.past_new == 2  # members 54 and 55, now at 5 and 6
    assert "A new chapter 4 was added; chapters 4-5 are now 5-6" in describe_update(updated)


async def test_a_chapter_taken_out_goes_with_its_decisions_and_the_ones_after_move_down(db: Database) -> None:
    story_id = await add(db, version("c1", "c2", "hiatus", "c3", "c4", "c5"))
    discussions = await club_on(db, story_id, range(1, 7))
    shorter = version(*FIVE)
    with pytest.raises(UserError, match=r"has 5 chapters; .* has 6, and chapter 3 is not in it\. Nothing was changed"):
        await update(db, story_id, shorter)
    updated = await update(db, story_id, shorter, replace_anyway=True)
    changes = updated.changes
    assert (changes.unchanged, changes.added, changes.removed) == ([1, 2, 3, 4, 5], [], [3])
    assert changes.moves == {3: None, 4: 3, 5: 4, 6: 5}
    rows = await chapter_keyed(db, story_id)
    expected = followed({1: 1, 2: 2, 4: 3, 5: 4, 6: 5}, discussions)
    # The hiatus note's reader is at chapter 2, the last before it; its discussion is cancelled and
    # kept at its old number (no longer pending); its post, confirmation and report are gone.
    expected["reading_progress"] = sorted([*expected["reading_progress"], (53, 2)])
    expected["discussions"] = sorted([*expected["discussions"], (discussions[3], 3, "cancelled")])
    assert rows == expected
    gone = await get_discussion(db, GUILD, discussions[3])
    assert gone is not None and gone.failure == TAKEN_OUT
    reminders = await db.fetch_all("SELECT state FROM discussion_reminders WHERE discussion_id = ?", (discussions[3],))
    assert [row["state"] for row in reminders] == ["cancelled"]
    assert updated.taken_out == [discussions[3]] and updated.set_back == 0 and updated.past_the_end == []
    text = describe_update(updated)
    assert "Chapters 1-5 unchanged." in text and "taken down" not in text
    assert "Chapter 3 was taken out; chapters 4-6 are now 3-5, and reading progress" in text
    assert f"Cancelled, as its chapter was taken out: 1 discussion (#{discussions[3]})." in text
    # A button under the hiatus note's post says it was taken down; one under chapter 4's acts on 3.
    assert await chapter_after_moves(db, GUILD, story_id, 3, 0) is None
    assert await chapter_after_moves(db, GUILD, story_id, 4, 0) == 3


async def test_chapters_taken_down_at_the_end_stay_past_it_behind_a_new_prologue(db: Database) -> None:
    """A prologue added and the last chapter taken down: its discussion still posts as one of a
    chapter the story no longer has (past the end, not on the chapter now holding its number)."""
    story_id = await add(db, version(*FIVE))
    discussions = await club_on(db, story_id, range(1, 6))
    updated = await update(db, story_id, version("prologue", "c1", "c2", "c3", "c4"), replace_anyway=True)
    assert updated.changes.removed == [5] and updated.changes.moves == {n: n + 1 for n in range(1, 6)}
    rows = await chapter_keyed(db, story_id)
    assert (discussions[5], 6, "scheduled") in rows["discussions"] and updated.past_the_end == [discussions[5]]
    assert (55, 5) in rows["reading_progress"] and updated.set_back == 1  # at the last chapter, chapter 4 as was
    assert ("violence", 6) in rows["warning_reports"]  # kept, past the end, in case it comes back
    text = describe_update(updated)
    assert "chapter 5 taken down" in text and "chapters 1-4 are now 2-5" in text


async def test_a_chapter_being_posted_is_not_moved_under_its_post(db: Database) -> None:
    story_id = await add(db, version(*FIVE))
    await club_on(db, story_id, range(1, 6))
    await db.execute(
        "UPDATE post_jobs SET state = 'posting' WHERE guild_id = ? AND story_id = ? AND chapter = 4", (GUILD, story_id)
    )
    before = await chapter_keyed(db, story_id)
    with pytest.raises(UserError, match=r"Chapter 4 is being posted right now; .* Nothing was changed\."):
        await update(db, story_id, version("prologue", *FIVE))
    assert await chapter_keyed(db, story_id) == before
    assert (await db.fetch_value("SELECT chapter_count FROM stories WHERE id = ?", (story_id,))) == 5
