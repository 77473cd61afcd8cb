"""``/story update`` renumbering the chapters of a story 10,000 members are reading (session 40).

A prologue added at the start moves every chapter down one: every member's place moves with its
chapter in the update's one write, none lost or doubled, and the event loop keeps answering while
10,000 progress rows move (the probe of tests/loop_probe.py, the hostile tests' budget).
"""

from __future__ import annotations

import time

from bot.db import Database
from tests.loop_probe import loop_lags

from .test_update import GUILD, add, update
from .test_update_renumber import FIVE, version

MEMBERS = 10_000


async def test_ten_thousand_members_places_move_with_their_chapters_without_holding_the_loop(db: Database) -> None:
    story_id = await add(db, version(*FIVE))
    await db.executemany(
        "INSERT INTO reading_progress (guild_id, user_id, story_id, chapter, updated_at) VALUES (?, ?, ?, ?, 1100)",
        [(GUILD, 10_000_000 + member, story_id, 1 + member % 5) for member in range(MEMBERS)],
    )
    started = time.perf_counter()
    async with loop_lags() as lags:
        await update(db, story_id, version("prologue", *FIVE))
    seconds = time.perf_counter() - started
    rows = await db.fetch_all(
        "SELECT user_id, chapter FROM reading_progress WHERE guild_id = ? AND story_id = ?", (GUILD, story_id)
    )
    assert len(rows) == MEMBERS
    assert all(row["chapter"] == 2 + (row["user_id"] - 10_000_000) % 5 for row in rows)
    worst = max(lags, default=0.0)
    print(f"{MEMBERS} places moved in {seconds:.2f} s; longest loop stall {worst * 1000:.0f} ms over {len(lags)} ticks")
    assert worst < 0.25, f"the event loop stalled for {worst * 1000:.0f} ms"
