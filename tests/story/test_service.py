"""``add_story_file`` and friends on a real SQLite file, with real worker processes where it matters."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from bench import bench_budgets as hostile
from bot.client import WORKER_PRELOAD
from bot.db import Database
from bot.errors import UserError
from bot.story import service
from bot.story.service import (
    add_story_file,
    find_story,
    library_page,
    remove_from_library,
    remove_story,
    story_choices,
    story_details,
)
from bot.story.store import DuplicateStory, count_stories
from bot.warnings.service import stored_scan
from bot.worker import Workers, WorkLimitError
from tests.loop_probe import loop_lags

from .builders import ao3_html, two_chapter_work

GUILD = 1001
LIMIT = 8 * 1024 * 1024


class InlineWorkers:
    """Runs each job in this process and records which ran: for tests about order, not isolation."""

    def __init__(self) -> None:
        self.jobs: list[str] = []

    async def run(
        self, what: str, function: Callable[..., Any], /, *args: Any, time_limit: float | None = None, **kwargs: Any
    ) -> Any:
        self.jobs.append(function.__name__)
        return function(*args, **kwargs)


@pytest.fixture
async def workers() -> AsyncIterator[Workers]:
    pool = Workers(processes=2, preload=WORKER_PRELOAD)
    try:
        yield pool
    finally:
        pool.close()


async def add(db: Database, runner: Any, filename: str, data: bytes, **kwargs: Any) -> service.AddedStory:
    return await add_story_file(db, runner, GUILD, filename, data, added_by=7, now=1000.0, max_bytes=LIMIT, **kwargs)


async def test_a_story_and_its_scan_are_stored_together(db: Database) -> None:
    runner = InlineWorkers()
    added = await add(db, runner, "ford.html", ao3_html(two_chapter_work()).encode(), title="  The  Ford, Again ")
    assert (added.title, added.chapters) == ("The Ford, Again", 2)
    assert runner.jobs[0] == "parse_upload" and runner.jobs[-1] == "scan_story"  # rules are checked between
    report = await stored_scan(db, GUILD, added.story_id)
    assert report is not None and report.ids() == added.report.ids()


async def test_a_duplicate_is_found_before_the_expensive_scan(db: Database) -> None:
    data = ao3_html(two_chapter_work()).encode()
    first = await add(db, InlineWorkers(), "ford.html", data)
    runner = InlineWorkers()
    with pytest.raises(DuplicateStory) as info:
        await add(db, runner, "ford-again.html", data)
    assert info.value.story_id == first.story_id
    assert runner.jobs == ["parse_upload"]  # no scan
    assert await count_stories(db, GUILD) == 1


async def test_a_refused_file_stores_nothing(db: Database) -> None:
    filename, data = hostile.many_chapters(20_000)
    with pytest.raises(UserError, match="MAX_CHAPTERS"):
        await add(db, InlineWorkers(), filename, data, max_chapters=5)
    assert await count_stories(db, GUILD) == 0


async def test_a_time_limit_hit_is_a_clear_refusal(
    db: Database, workers: Workers, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(service, "PARSE_SECONDS", 0.001)
    filename, data = hostile.markdown_emphasis(3_000_000)  # 3 MB of markup takes far longer than 1 ms to read
    with pytest.raises(WorkLimitError, match=r"Reading the story file took longer than 0\.001 seconds"):
        await add(db, workers, filename, data)
    assert await count_stories(db, GUILD) == 0


async def test_the_event_loop_never_waits_while_the_worst_files_import(
    db: Database, workers: Workers, budgets_only_bound_hangs: None
) -> None:
    """A probe task ticking every 10 ms sees no gap over 250 ms while hostile files import."""
    cases = [
        hostile.one_paragraph(2_000_000),
        hostile.one_word(2_000_000),
        hostile.deep_at_limit(4_000_000),
        hostile.markdown_emphasis(1_000_000),
        hostile.epub_repeated_spine(400_000),
        hostile.many_chapters(300_000),
    ]
    await add(db, workers, "warm.txt", b"Chapter 1\n\nA first story wakes the workers.")
    async with loop_lags() as lags:
        outcomes = await asyncio.gather(
            *(add(db, workers, filename, data) for filename, data in cases), return_exceptions=True
        )
    assert all(isinstance(outcome, (service.AddedStory, UserError)) for outcome in outcomes), outcomes
    assert any(isinstance(outcome, service.AddedStory) for outcome in outcomes)
    assert len(lags) > 20
    print(f"max loop lag {max(lags) * 1000:.0f} ms over {len(lags)} ticks")
    assert max(lags) < 0.25, f"the event loop stalled for {max(lags) * 1000:.0f} ms"


async def test_library_pages_and_details(db: Database) -> None:
    added = await add(db, InlineWorkers(), "ford.html", ao3_html(two_chapter_work()).encode())
    listing = await library_page(db, GUILD, 1)
    assert (listing.total, listing.pages, [r.id for r in listing.records]) == (1, 1, [added.story_id])
    with pytest.raises(UserError, match="only 1 page of stories; leave out `page:` to see it"):
        await library_page(db, GUILD, 2)
    details = await story_details(db, GUILD, str(added.story_id))
    assert [chapter.number for chapter in details.chapters] == [1, 2]
    assert await remove_story(db, GUILD, added.story_id) == (True, [])
    assert await remove_story(db, GUILD, added.story_id) == (False, [])


async def test_the_cogs_find_choose_and_remove_a_story_through_the_service(db: Database) -> None:
    """What /story remove and every story option's menu call: the record, then its removal with its title."""
    added = await add(db, InlineWorkers(), "ford.html", ao3_html(two_chapter_work()).encode())
    record = await find_story(db, GUILD, str(added.story_id))
    assert (await find_story(db, GUILD, record.title)).id == added.story_id
    assert [r.id for r in await story_choices(db, GUILD, record.title[:4], 25)] == [added.story_id]
    assert await story_choices(db, GUILD + 1, "", 25) == []
    removal = await remove_from_library(db, GUILD, added.story_id)
    assert (removal.removed, removal.title, removal.event_ids) == (True, record.title, [])
    again = await remove_from_library(db, GUILD, added.story_id)
    assert (again.removed, again.title) == (False, None)
    with pytest.raises(UserError):
        await find_story(db, GUILD, str(added.story_id))
