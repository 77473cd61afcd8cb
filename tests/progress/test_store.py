"""Progress storage on a real SQLite file: forward-only, ranges, privacy, club views, isolation."""

from __future__ import annotations

import pytest

from bot.db import Database
from bot.errors import UserError
from bot.progress import store
from bot.story.service import remove_story
from tests.progress.conftest import AddStory

A = 1001
B = 2002


async def test_mark_read_moves_forward_only(db: Database, add_story: AddStory) -> None:
    story = await add_story(A)
    assert await store.mark_read(db, A, 7, story, 3, now=1.0) is True
    assert await store.mark_read(db, A, 7, story, 2, now=2.0) is False
    assert await store.mark_read(db, A, 7, story, 3, now=3.0) is False
    assert await store.get_progress(db, A, 7, story) == 3
    assert await store.mark_read(db, A, 7, story, 5, now=4.0) is True
    assert await store.get_progress(db, A, 7, story) == 5


async def test_mark_read_rejects_chapters_the_story_lacks(db: Database, add_story: AddStory) -> None:
    story = await add_story(A, "The Lighthouse", 9)
    with pytest.raises(
        UserError,
        match=r"^Chapter 12 is out of range: \*\*The Lighthouse\*\* has 9 chapters; pick a chapter from 1 to 9\.$",
    ):
        await store.mark_read(db, A, 7, story, 12)
    with pytest.raises(UserError, match="out of range"):
        await store.mark_read(db, A, 7, story, 0)
    assert await store.get_progress(db, A, 7, story) == 0
    assert await db.fetch_value("SELECT count(*) FROM club_members") == 0


async def test_set_progress_validates_range_and_stores_nothing_on_error(db: Database, add_story: AddStory) -> None:
    story = await add_story(A, "The Lighthouse", 9)
    with pytest.raises(UserError) as caught:
        await store.set_progress(db, A, 7, story, 12)
    assert str(caught.value) == (
        "Chapter 12 is out of range: **The Lighthouse** has 9 chapters; pick a chapter from 0 (not started) to 9."
    )
    with pytest.raises(UserError, match="Chapter -1 is out of range"):
        await store.set_progress(db, A, 7, story, -1)
    assert await db.fetch_value("SELECT count(*) FROM reading_progress") == 0
    assert await db.fetch_value("SELECT count(*) FROM club_members") == 0


async def test_singular_chapter_wording(db: Database, add_story: AddStory) -> None:
    story = await add_story(A, "A Drabble", 1)
    with pytest.raises(UserError, match=r"\*\*A Drabble\*\* has 1 chapter; pick 0 \(not started\) or 1\.$"):
        await store.set_progress(db, A, 7, story, 2)


async def test_set_progress_may_move_back_and_reports_the_change(db: Database, add_story: AddStory) -> None:
    story = await add_story(A, chapters=9)
    first = await store.set_progress(db, A, 7, story, 6)
    assert (first.previous, first.chapter, first.advanced) == (0, 6, True)
    assert first.story.title == "The Lighthouse" and first.story.chapter_count == 9
    back = await store.set_progress(db, A, 7, story, 4)
    assert (back.previous, back.chapter, back.advanced) == (6, 4, False)
    assert await store.get_progress(db, A, 7, story) == 4
    last = await store.set_progress(db, A, 7, story, 9)
    assert last.advanced and await store.get_progress(db, A, 7, story) == 9


async def test_unknown_story_is_a_clear_error(db: Database, add_story: AddStory) -> None:
    await add_story(A)
    with pytest.raises(store.UnknownStory, match="not in this server's library"):
        await store.set_progress(db, A, 7, 999_999, 1)
    with pytest.raises(store.UnknownStory):
        await store.mark_read(db, A, 7, 999_999, 1)


async def test_member_progress_lists_started_stories_with_totals(db: Database, add_story: AddStory) -> None:
    first = await add_story(A, "First", 9)
    second = await add_story(A, "Second", 3)
    await add_story(A, "Unstarted", 4)
    await store.set_progress(db, A, 7, first, 2, now=10.0)
    await store.set_progress(db, A, 7, second, 3, now=20.0)
    shown = await store.member_progress(db, A, 7)
    assert [(p.title, p.chapter, p.chapter_count) for p in shown] == [("Second", 3, 3), ("First", 2, 9)]
    assert await store.member_progress(db, A, 8) == []


async def test_club_view_names_visible_members_and_only_counts_hidden_ones(db: Database, add_story: AddStory) -> None:
    story = await add_story(A, chapters=9)
    await store.set_progress(db, A, 1, story, 9, display_name="Ada")
    await store.set_progress(db, A, 2, story, 4, display_name="Bo")
    await store.set_progress(db, A, 3, story, 7, display_name="Secret Reader")
    await store.set_hidden(db, A, 3, True)
    other = await add_story(A, "Other", 2)
    await store.set_progress(db, A, 4, other, 1, display_name="Cy")  # a member who has not started this story

    club = await store.club_progress(db, A, story)
    assert [(m.user_id, m.display_name, m.chapter) for m in club.named] == [(1, "Ada", 9), (2, "Bo", 4), (4, "Cy", 0)]
    assert club.hidden_chapters == [7]
    assert club.hidden_count == 1 and club.member_count == 4
    assert all(m.user_id != 3 and m.display_name != "Secret Reader" for m in club.named)
    assert 3 not in club.names and "Secret Reader" not in club.names.values()
    assert club.caught_up(5) == ([1], 1)


async def test_large_clubs_load_positions_without_names(db: Database, add_story: AddStory) -> None:
    story = await add_story(A, chapters=9)
    for user_id in range(1, store.NAMES_UP_TO + 2):
        await store.set_progress(db, A, user_id, story, user_id % 10, display_name=f"Reader {user_id}")
    club = await store.club_progress(db, A, story)
    assert club.named_count == store.NAMES_UP_TO + 1 and club.names == {}
    assert club.positions[:3] == [(1, 1), (2, 2), (3, 3)]
    assert club.caught_up(9) == ([9, 19, 29, 39, 49], 0)


async def test_caught_up_and_behind_split_the_club(db: Database, add_story: AddStory) -> None:
    story = await add_story(A, chapters=9)
    other = await add_story(A, "Other", 9)
    for user_id, chapter in [(1, 9), (2, 4), (3, 7), (5, 5)]:
        await store.set_progress(db, A, user_id, story, chapter)
    await store.set_hidden(db, A, 3, True)
    await store.set_hidden(db, A, 6, True)  # hidden, never started it: not counted (session 37)
    await store.set_progress(db, A, 4, other, 9)  # far along in another story only: not behind in this one
    await store.set_progress(db, A, 7, story, 0)  # set to 0, "not started", but progress on it: behind, counted
    await store.set_hidden(db, A, 7, True)
    assert await store.caught_up(db, A, story, 5) == ([1, 5], 1)
    assert await store.behind(db, A, story, 5) == ([2], 1)
    assert await store.caught_up(db, A, story, 10) == ([], 0)
    named, hidden = await store.behind(db, A, story, 1)
    assert (named, hidden) == ([], 1)
    assert await store.behind(db, A, story, 5, excluding={2, 7}) == ([], 0)
    assert await store.behind(db, A, story, 5, excluding={3}) == ([2], 1)


async def test_readers_at_includes_hidden_members_for_thread_access(db: Database, add_story: AddStory) -> None:
    story = await add_story(A, chapters=9)
    other = await add_story(A, "Other", 9)
    for user_id, chapter in [(1, 9), (2, 4), (3, 7), (5, 5)]:
        await store.set_progress(db, A, user_id, story, chapter)
    await store.set_progress(db, A, 8, other, 9)  # far along, but in another story
    await store.set_hidden(db, A, 3, True)
    assert await store.readers_at(db, A, story, 5) == [1, 3, 5]  # caught_up names only [1, 5]
    assert await store.readers_at(db, A, story, 8) == [1]
    assert await store.readers_at(db, A, story, 10) == []
    await store.set_progress(db, A, 3, story, 2)  # moved back: no longer a reader of 5
    assert await store.readers_at(db, A, story, 5) == [1, 5]


async def test_privacy_round_trip_and_is_per_server(db: Database, add_story: AddStory) -> None:
    await add_story(A)
    await add_story(B)
    assert await store.is_hidden(db, A, 7) is False
    await store.set_hidden(db, A, 7, True)
    assert await store.is_hidden(db, A, 7) is True
    assert await store.is_hidden(db, B, 7) is False
    await store.set_hidden(db, A, 7, False)
    assert await store.is_hidden(db, A, 7) is False


async def test_display_name_is_refreshed_but_never_erased(db: Database, add_story: AddStory) -> None:
    story = await add_story(A)
    await store.set_progress(db, A, 7, story, 1, display_name="Old")
    await store.mark_read(db, A, 7, story, 2)
    assert (await store.club_progress(db, A, story)).named[0].display_name == "Old"
    await store.mark_read(db, A, 7, story, 3, display_name="New")
    assert (await store.club_progress(db, A, story)).named[0].display_name == "New"


async def test_server_b_cannot_see_or_touch_server_a(db: Database, add_story: AddStory) -> None:
    story_a = await add_story(A, "Only in A", 9)
    await add_story(B, "Only in B", 3)
    await store.set_progress(db, A, 7, story_a, 5)
    assert await store.get_progress(db, B, 7, story_a) == 0
    assert await store.member_progress(db, B, 7) == []
    with pytest.raises(store.UnknownStory):
        await store.club_progress(db, B, story_a)
    with pytest.raises(store.UnknownStory):
        await store.set_progress(db, B, 7, story_a, 1)
    with pytest.raises(store.UnknownStory):
        await store.mark_read(db, B, 8, story_a, 1)
    assert await store.caught_up(db, B, story_a, 1) == ([], 0)
    assert await store.behind(db, B, story_a, 1) == ([], 0)
    assert await store.readers_at(db, B, story_a, 1) == []
    assert await store.get_progress(db, A, 7, story_a) == 5


async def test_removing_a_story_or_a_server_removes_its_progress(db: Database, add_story: AddStory) -> None:
    story = await add_story(A)
    keep = await add_story(A, "Kept", 3)
    await store.set_progress(db, A, 7, story, 5)
    await store.set_progress(db, A, 7, keep, 2)
    removed, _events = await remove_story(db, A, story)
    assert removed
    assert await db.fetch_value("SELECT count(*) FROM reading_progress") == 1
    assert [(p.story_id, p.title, p.chapter) for p in await store.member_progress(db, A, 7)] == [(keep, "Kept", 2)]
    await db.execute("DELETE FROM guilds WHERE guild_id = ?", (A,))
    assert await db.fetch_value("SELECT count(*) FROM reading_progress") == 0
    assert await db.fetch_value("SELECT count(*) FROM club_members") == 0


async def test_stored_titles_are_read_tidied_by_every_progress_read(db: Database, add_story: AddStory) -> None:
    """A title stored before imports tidied them (a bidi override, a line break, thousands of characters)
    reached /progress show, /progress set and /progress club raw, though every other read tidies it."""
    story = await add_story(A)
    raw = "\u202eThe Ford\n" + "word " * 900
    await db.execute("UPDATE stories SET title = ? WHERE id = ?", (raw, story))
    update = await store.set_progress(db, A, 7, story, 1, now=1.0)
    [progress] = await store.member_progress(db, A, 7)
    club = await store.club_progress(db, A, story)
    for title in (update.story.title, progress.title, club.story.title):
        assert title.startswith("The Ford word") and len(title) <= 200
        assert "\u202e" not in title and "\n" not in title
