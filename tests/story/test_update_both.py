"""`/story update` given both a file and `chapters:` is told it gave both, not asked for "one of the two"."""

from __future__ import annotations

import pytest

from bot.db import Database
from bot.errors import UserError
from tests.story.test_update import add, serial, update


async def test_a_file_and_a_chapter_count_together_are_refused_as_both_given(db: Database) -> None:
    story_id = await add(db, serial(2))
    with pytest.raises(UserError) as refused:
        await update(db, story_id, serial(3), chapters=3)
    said = str(refused.value)
    assert said.startswith("You gave both a file and `chapters:`; give one:"), said
    assert "Nothing changed." in said and "one of the two" not in said, said
