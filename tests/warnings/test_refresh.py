"""Stories scanned again after an upgrade, by the background pass, on a real SQLite file."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from bot.db import Database
from bot.shards import ShardScope, shard_of
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.store import add_story
from bot.warnings import refresh, service, store
from bot.warnings.engine import ScanReport
from bot.warnings.refresh import Refreshed, refresh_stale_scans
from bot.worker import WorkLimitError

GUILD = 2 << 22  # shard 0 of 2
OTHER = 1 << 22  # shard 1 of 2
DARK = Story(StoryMeta("Webs"), [Chapter(1, None, [Scene(["The old dog died in his sleep."])])], "txt")


async def stored(db: Database, guild_id: int, key: str, title: str = "Webs") -> int:
    value = Story(StoryMeta(title), DARK.chapters, "txt")
    report = await service.scan_for_guild(db, guild_id, value)
    story_id = await add_story(db, guild_id, value, content_hash=key, added_by=1, now=0.0)
    async with db.transaction() as tx:
        await service.save_scan(tx, guild_id, story_id, report)
    return story_id


async def made_by_an_older_release(db: Database, story_id: int) -> None:
    """The scan as an older release stored it: other shipped rules, and nothing found."""
    empty = ScanReport("Webs", [], False, [], [])
    await db.execute(
        "UPDATE story_scans SET defaults = 'an older release', report = ?, summary = ?, scanned_at = 0 "
        "WHERE story_id = ?",
        (json.dumps(empty.to_record()), json.dumps(empty.summary_record()), story_id),
    )
    await db.execute("DELETE FROM chapter_warnings WHERE story_id = ?", (story_id,))


async def shown(db: Database, guild_id: int, story_id: int) -> set[str]:
    """What the chapter_warnings rows say now, read without going through the stale check."""
    rows = await db.fetch_all(
        "SELECT warning_id FROM chapter_warnings WHERE guild_id = ? AND story_id = ?", (guild_id, story_id)
    )
    return {row[0] for row in rows}


class CountingWorkers:
    """A worker pool (in threads) that counts the scans it is asked for and stops the scans of a
    story titled "Heavy" at their time limit; each scan takes a moment, so callers overlap."""

    def __init__(self) -> None:
        self.scans: list[str] = []
        self.heavy_over_budget = False

    async def run(self, what: str, function: Any, *args: Any, time_limit: float) -> Any:
        if what.startswith("Scanning"):
            title = next(a.meta.title for a in args if isinstance(a, Story))
            self.scans.append(title)
            if title == "Heavy" and self.heavy_over_budget:
                raise WorkLimitError(f"{what} took longer than {time_limit:g} seconds, so I stopped it.")
            await asyncio.sleep(0.05)
        return await asyncio.to_thread(function, *args)


@pytest.fixture
def workers(db: Database) -> CountingWorkers:
    pool = CountingWorkers()
    service.use_workers(db, pool)  # type: ignore[arg-type]
    return pool


async def test_the_pass_scans_again_only_the_stale_stories(db: Database, workers: CountingWorkers) -> None:
    stale = await stored(db, GUILD, "a")
    fresh = await stored(db, GUILD, "b")
    ruled = await stored(db, GUILD, "c")
    await made_by_an_older_release(db, stale)
    # A rule added without rescanning leaves that server's scans older than its rules too.
    await service.add_rule(db, OTHER, category="dogs", pattern="~dog", new_category=True, rescan=False)
    other = await stored(db, OTHER, "d")
    await service.add_rule(db, OTHER, category="sleep", pattern="~sleep", new_category=True, rescan=False)
    workers.scans.clear()
    assert await shown(db, GUILD, stale) == set()

    assert await refresh_stale_scans(db, ShardScope()) == Refreshed(scanned=2)
    assert workers.scans == ["Webs", "Webs"]
    found = await shown(db, GUILD, fresh)
    assert "animal-death" in found and await shown(db, GUILD, stale) == await shown(db, GUILD, ruled) == found
    assert "sleep" in await shown(db, OTHER, other)
    # A second pass finds nothing left to do.
    workers.scans.clear()
    assert await refresh_stale_scans(db, ShardScope()) == Refreshed()
    assert workers.scans == []


async def test_the_pass_keeps_to_this_process_servers(db: Database, workers: CountingWorkers) -> None:
    assert shard_of(GUILD, 2) == 0 and shard_of(OTHER, 2) == 1
    mine = await stored(db, GUILD, "a")
    theirs = await stored(db, OTHER, "b")
    for story_id in (mine, theirs):
        await made_by_an_older_release(db, story_id)
    assert await refresh_stale_scans(db, ShardScope.of(2, [0])) == Refreshed(scanned=1)
    assert "animal-death" in await shown(db, GUILD, mine)
    assert await shown(db, OTHER, theirs) == set()  # the other process's to scan


async def test_the_pass_walks_past_one_batch_and_past_a_story_over_budget(
    db: Database, workers: CountingWorkers, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(refresh, "BATCH", 2)
    ids = [await stored(db, GUILD, str(n), title="Heavy" if n == 1 else "Webs") for n in range(5)]
    for story_id in ids:
        await made_by_an_older_release(db, story_id)
    workers.heavy_over_budget = True
    assert await refresh_stale_scans(db, ShardScope()) == Refreshed(scanned=4, over_budget=1)
    assert [await shown(db, GUILD, story_id) != set() for story_id in ids] == [True, False, True, True, True]


async def test_a_stale_story_read_by_many_at_once_is_scanned_once(db: Database, workers: CountingWorkers) -> None:
    """After an upgrade, a header, a reminder and the pass asking at the same moment share one scan."""
    story_id = await stored(db, GUILD, "a")
    await made_by_an_older_release(db, story_id)
    workers.scans.clear()
    results = await asyncio.gather(
        service.scan_summary(db, GUILD, story_id),
        service.scan_summary(db, GUILD, story_id),
        service.stored_report(db, GUILD, story_id),
        refresh_stale_scans(db, ShardScope()),
    )
    assert workers.scans == ["Webs"]
    assert all("animal-death" in report.ids() for report in results[:3])
    assert results[3] in (Refreshed(scanned=0), Refreshed(scanned=1))


async def test_the_small_columns_of_a_scan_are_read_without_its_report(db: Database) -> None:
    """The report comes before them in the row: reading them from the row walks every overflow
    page of a report megabytes long. The store's queries read them from the covering index."""
    await stored(db, GUILD, "a")
    queries: list[str] = []
    await db.connection.set_trace_callback(queries.append)
    try:
        await store.scan_summary(db, GUILD, 1)
        await store.stale_scans(db, "x", ShardScope().sql("s.guild_id"), after=0, limit=5)
    finally:
        await db.connection.set_trace_callback(None)
    ran = [query for query in queries if "FROM story_scans" in query]
    assert len(ran) == 2
    for query in ran:
        plan = " ".join(str(row[-1]) for row in await db.fetch_all(f"EXPLAIN QUERY PLAN {query}"))
        assert "COVERING INDEX story_scans_small" in plan, plan
