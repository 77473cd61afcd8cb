"""The /progress use cases on a real SQLite file: wording, privacy, and the club view with its chart."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.db import Database
from bot.errors import UserError
from bot.progress import service
from bot.worker import Workers
from tests.progress.conftest import AddStory

GUILD = 31
NOW = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)


@pytest.fixture
def workers():
    pool = Workers(processes=1)
    yield pool
    pool.close()


async def test_moving_forward_back_and_nowhere_each_say_so(db: Database, add_story: AddStory) -> None:
    story_id = await add_story(GUILD, "The *Lighthouse*", chapters=9)
    forward = await service.record(db, GUILD, 7, str(story_id), 3, now=1.0, display_name="Ana")
    assert forward.advanced and forward.chapter == 3
    assert forward.text.startswith("Saved: you have read up to chapter 3.")
    assert r"The \*Lighthouse\*" in forward.text  # the title is escaped, never markdown
    same = await service.record(db, GUILD, 7, str(story_id), 3, now=2.0, display_name="Ana")
    assert not same.advanced and same.text.startswith("No change")
    back = await service.record(db, GUILD, 7, str(story_id), 1, now=3.0, display_name="Ana")
    assert not back.advanced and "moved back from chapter 3 to 1" in back.text
    reset = await service.record(db, GUILD, 7, str(story_id), 0, now=4.0, display_name="Ana")
    assert "moved back from chapter 1 to not started." in reset.text  # not "to 0"


async def test_hiding_twice_says_it_was_already_hidden(db: Database, add_story: AddStory) -> None:
    first = await service.set_privacy(db, GUILD, 7, True, now=1.0, display_name="Ana")
    again = await service.set_privacy(db, GUILD, 7, True, now=2.0, display_name="Ana")
    shown = await service.set_privacy(db, GUILD, 7, False, now=3.0, display_name="Ana")
    assert (first.split(":")[0], again.split(":")[0], shown.split(":")[0]) == (
        "Your progress is now hidden in this server",
        "Your progress is already hidden in this server",
        "Your progress is now visible in this server",
    )


async def test_a_chapter_past_the_end_is_refused(db: Database, add_story: AddStory) -> None:
    story_id = await add_story(GUILD, chapters=4)
    with pytest.raises(UserError, match="4"):
        await service.record(db, GUILD, 7, str(story_id), 5, now=1.0, display_name="Ana")


async def test_hidden_progress_is_refused_to_others_but_shown_to_its_owner(db: Database, add_story: AddStory) -> None:
    story_id = await add_story(GUILD)
    await service.record(db, GUILD, 7, str(story_id), 2, now=1.0, display_name="Ana")
    assert "hidden" in await service.set_privacy(db, GUILD, 7, True, now=2.0, display_name="Ana")
    with pytest.raises(UserError, match="keeps their reading progress private"):
        await service.member_view(db, GUILD, 8, 7, mention="<@7>", budget=2000)
    mine = await service.member_view(db, GUILD, 7, 7, mention="<@7>", budget=2000)
    assert mine.startswith("Your") and "2/9" in mine.replace(" ", "")


async def test_a_member_with_nothing_started_is_told_how_to_start(db: Database) -> None:
    text = await service.member_view(db, GUILD, 7, 7, mention="<@7>", budget=2000)
    assert "You have not started any story yet" in text


async def test_the_club_view_has_text_and_a_png_chart(db: Database, add_story: AddStory, workers: Workers) -> None:
    story_id = await add_story(GUILD, "Tides", chapters=5)
    for user, chapter in ((1, 5), (2, 3), (3, 0)):
        await service.record(db, GUILD, user, str(story_id), chapter, now=1.0, display_name=f"M{user}")
    view = await service.club_view(db, workers, GUILD, str(story_id), now=NOW, budget=2000)
    assert view.title == "Tides"
    assert "latest chapter" in view.text
    assert view.chart is not None and view.chart.startswith(b"\x89PNG")
