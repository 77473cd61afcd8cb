"""A story menu typed into with characters that draw nothing (a direction override pasted in, a
zero-width space) reads what shows: nothing, so every story; "Lamp" and an override, "Lamp"."""

from __future__ import annotations

import pytest

from bot.db import Database
from bot.story.store import search_stories
from tests.story.test_update import GUILD, add, serial


@pytest.mark.parametrize("typed", ["\u202e", "\u200b", "lamp\u202e", "\u2066lamp\u2069"])
async def test_what_draws_nothing_is_not_searched_for(db: Database, typed: str) -> None:
    story_id = await add(db, serial(2))
    assert [record.id for record in await search_stories(db, GUILD, typed)] == [story_id]
