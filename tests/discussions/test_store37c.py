"""A write of several discussions refused names every chapter in its way (session 37, third round)."""

from __future__ import annotations

import pytest

from bot.db import Database
from bot.discussions import store
from tests.discussions.conftest import GUILD, START, AddStory
from tests.discussions.test_store import same


async def test_a_refused_plan_carries_every_pending_chapter_in_order_and_adds_nothing(
    db: Database, add_story: AddStory
) -> None:
    story = await add_story()
    pending = {
        chapter: (await store.create_discussions(db, GUILD, [same(story, chapter, chapter=chapter)], now=START))[0]
        for chapter in (4, 2)
    }
    plan = [same(story, 24 + chapter, chapter=chapter) for chapter in range(1, 6)]
    with pytest.raises(store.AlreadyScheduled) as refused:
        await store.create_discussions(db, GUILD, plan, now=START)
    found = [refused.value, *refused.value.others]
    assert [(each.item.chapter, each.discussion_id) for each in found] == [(2, pending[2]), (4, pending[4])]
    assert await db.fetch_value("SELECT count(*) FROM discussions") == 2
