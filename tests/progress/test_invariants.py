"""Invariants over any sequence of progress changes, checked against a plain model."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.db import Database
from bot.progress import store
from bot.progress.bars import progress_bar
from tests.progress.conftest import add_test_story

GUILD = 42
CHAPTERS = 12
_users = itertools.count(1)

steps = st.lists(
    st.tuples(st.sampled_from(["mark", "set"]), st.integers(min_value=0, max_value=CHAPTERS)),
    max_size=15,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chapters=st.lists(st.integers(min_value=1, max_value=CHAPTERS), min_size=1, max_size=15))
async def test_any_marks_leave_the_furthest_chapter(db: Database, chapters: list[int]) -> None:
    story = await _story(db)
    user = next(_users)
    advanced = [await store.mark_read(db, GUILD, user, story, chapter) for chapter in chapters]
    assert await store.get_progress(db, GUILD, user, story) == max(chapters)
    running = 0
    for chapter, moved in zip(chapters, advanced, strict=True):
        assert moved == (chapter > running)
        running = max(running, chapter)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(script=steps)
async def test_marks_and_sets_follow_the_model(db: Database, script: list[tuple[str, int]]) -> None:
    story = await _story(db)
    user = next(_users)
    model = 0
    for action, chapter in script:
        if action == "set":
            update = await store.set_progress(db, GUILD, user, story, chapter)
            assert update.previous == model
            model = chapter
        elif chapter >= 1:
            await store.mark_read(db, GUILD, user, story, chapter)
            model = max(model, chapter)
        assert await store.get_progress(db, GUILD, user, story) == model
    named, hidden = await store.caught_up(db, GUILD, story, max(model, 1))
    assert (user in named) == (model >= 1) and hidden == 0


@given(total=st.integers(min_value=1, max_value=500), width=st.integers(min_value=1, max_value=40), data=st.data())
def test_bar_has_fixed_width_and_grows_with_the_chapter(total: int, width: int, data: st.DataObject) -> None:
    low = data.draw(st.integers(min_value=0, max_value=total))
    high = data.draw(st.integers(min_value=low, max_value=total))
    bar_low, bar_high = progress_bar(low, total, width=width), progress_bar(high, total, width=width)
    assert len(bar_low) == len(bar_high) == width
    assert bar_low.count("█") <= bar_high.count("█")
    assert (bar_low.count("█") == width) == (low == total)
    assert (bar_low.count("█") == 0) == (low == 0 or (width == 1 and low < total))


async def _story(db: Database) -> int:
    """A fresh story per example, because the database outlives the examples of one test."""
    return await add_test_story(db, GUILD, "Model", CHAPTERS)
