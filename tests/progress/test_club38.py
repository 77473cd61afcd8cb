"""Session 38: what ``/progress set`` says when a member's first place in a story is "not started"."""

from __future__ import annotations

from bot.db import Database
from bot.progress import service
from tests.progress.conftest import AddStory

GUILD = 31


async def test_a_first_place_at_not_started_is_saved_and_said_a_second_is_no_change(
    db: Database, add_story: AddStory
) -> None:
    story_id = await add_story(GUILD, "The *Lighthouse*", chapters=9)
    first = await service.record(db, GUILD, 7, str(story_id), 0, now=1.0, display_name="Ana")
    assert first.text.startswith(r"Saved: you are in **The \*Lighthouse\*** as not started"), first.text
    again = await service.record(db, GUILD, 7, str(story_id), 0, now=2.0, display_name="Ana")
    assert again.text.startswith("No change: that is already where you are."), again.text
