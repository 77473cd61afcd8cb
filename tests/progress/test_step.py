"""A member's step and the discussion-thread adds it earns are one write (bot.progress.service.step).

The adds used to be owed by the discussions' listener a few milliseconds after the step, in a
transaction of its own: a process killed in between kept the step and lost the adds, and the
member's next step only reaches later chapters, so they stayed shut out of threads already posted.
"""

from __future__ import annotations

import asyncio
import signal
import sys
import textwrap
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.db import Database, open_database
from bot.discussions import store as discussions
from bot.discussions.failures import RETRY_DELAYS
from bot.discussions.joins import ThreadJoins
from bot.discussions.store import NewDiscussion
from bot.progress import service
from bot.progress.store import get_progress
from bot.shards import ShardScope
from tests.conftest import REPO_ROOT
from tests.progress.conftest import add_test_story
from tests.waiting import HANG_LIMIT, wait_for_exit

GUILD = 31
MEMBER = 77
NOW = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)


async def discussions_of(db: Database, story_id: int, posted: dict[int, int], pending: Sequence[int] = ()) -> list[int]:
    """Discussions of the story: ``posted`` maps a chapter to its thread id; ``pending`` are still scheduled."""
    chapters = [*posted, *pending]
    items = [
        NewDiscussion(story_id, chapter, NOW + timedelta(days=1), 500, True, (), created_by=1) for chapter in chapters
    ]
    ids = await discussions.create_discussions(db, GUILD, items, now=NOW)
    for discussion_id, (chapter, thread_id) in zip(ids, posted.items(), strict=False):
        await db.execute(
            "UPDATE discussions SET state = 'posted', thread_id = ?, posted_at = ? WHERE id = ? AND chapter = ?",
            (thread_id, NOW.timestamp(), discussion_id, chapter),
        )
    return ids


async def owed(db: Database) -> list[tuple[int, int, int]]:
    """(discussion, member, attempts) of every owed add."""
    rows = await db.fetch_all(
        "SELECT discussion_id, user_id, attempts FROM discussion_joins_owed ORDER BY discussion_id, user_id"
    )
    return [(row[0], row[1], row[2]) for row in rows]


async def test_a_step_forward_owes_the_adds_to_the_threads_it_reaches_in_its_own_write(db: Database) -> None:
    story_id = await add_test_story(db, GUILD, chapters=9)
    two, five, _seven = await discussions_of(db, story_id, {2: 9002, 5: 9005}, pending=[7])

    saved = await service.record(db, GUILD, MEMBER, str(story_id), 5, now=NOW.timestamp(), display_name="Ana")
    assert saved.advanced
    # Owed as soon as the step is stored, nothing else run: the not yet posted chapter 7 owes nothing.
    assert await owed(db) == [(two, MEMBER, 0), (five, MEMBER, 0)]
    retry = await db.fetch_value("SELECT min(retry_at) FROM discussion_joins_owed")
    assert retry == (NOW + RETRY_DELAYS[0]).timestamp()

    await service.record(db, GUILD, MEMBER, str(story_id), 1, now=NOW.timestamp(), display_name="Ana")  # back
    await db.execute("DELETE FROM discussion_joins_owed")  # the adds made
    await service.record(db, GUILD, MEMBER, str(story_id), 3, now=NOW.timestamp(), display_name="Ana")
    assert await owed(db) == [(two, MEMBER, 0)]  # reached again from chapter 1: only chapter 2's thread


async def test_reading_on_from_a_button_owes_the_same_adds(db: Database) -> None:
    """The excerpt buttons and private reading move progress forward only, through the same step."""
    story_id = await add_test_story(db, GUILD, chapters=9)
    [two] = await discussions_of(db, story_id, {2: 9002})
    await service.step(db, GUILD, MEMBER, story_id, 4, now=NOW.timestamp(), display_name=None, forward_only=True)
    assert await owed(db) == [(two, MEMBER, 0)]
    update = await service.step(
        db, GUILD, MEMBER, story_id, 1, now=NOW.timestamp(), display_name=None, forward_only=True
    )  # fmt: skip
    assert (update.chapter, update.advanced) == (4, False)  # never back


async def test_the_step_and_its_adds_are_stored_together_or_not_at_all(db: Database) -> None:
    """A failure writing the adds (here a trigger standing for a full disk) takes the step back too."""
    story_id = await add_test_story(db, GUILD, chapters=9)
    await discussions_of(db, story_id, {2: 9002})
    await service.record(db, GUILD, MEMBER, str(story_id), 1, now=NOW.timestamp(), display_name="Ana")
    await db.execute(
        "CREATE TRIGGER no_room BEFORE INSERT ON discussion_joins_owed BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    with pytest.raises(Exception, match="disk full"):
        await service.record(db, GUILD, MEMBER, str(story_id), 3, now=NOW.timestamp(), display_name="Ana")
    assert await get_progress(db, GUILD, MEMBER, story_id) == 1
    assert await owed(db) == []


# The bot's order: the step is stored, then the discussions' listener makes the adds. The child stops
# between the two (the window a kill could hit) and says so; the test kills it there with SIGKILL.
CHILD = textwrap.dedent(
    """
    import asyncio, sys
    from pathlib import Path
    from bot.db import open_database
    from bot.progress import service

    async def main() -> None:
        db = await open_database(Path(sys.argv[1]))
        await service.record(db, int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], 5, now=float(sys.argv[5]),
                             display_name="Ana")
        print("stored", flush=True)
        await asyncio.sleep(3600)  # where the listener would run

    asyncio.run(main())
    """
)


class Adder:
    def __init__(self) -> None:
        self.added: list[tuple[int, int]] = []

    async def add_to_thread(self, thread_id: int, user_ids: Sequence[int]) -> None:
        self.added += [(thread_id, user_id) for user_id in user_ids]


async def test_a_process_killed_between_the_step_and_its_adds_leaves_them_to_the_timer(tmp_path: Path) -> None:
    path = tmp_path / "dogear.sqlite3"
    db = await open_database(path)
    story_id = await add_test_story(db, GUILD, chapters=9)
    two, five = await discussions_of(db, story_id, {2: 9002, 5: 9005})
    await db.close()

    args = [str(path), str(GUILD), str(MEMBER), str(story_id), str(NOW.timestamp())]
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-c", CHILD, *args, cwd=REPO_ROOT,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert child.stdout is not None and child.stderr is not None
    try:
        line = await asyncio.wait_for(child.stdout.readline(), HANG_LIMIT)
    finally:
        if child.returncode is None:
            child.send_signal(signal.SIGKILL)
    assert line == b"stored\n", (await child.stderr.read()).decode(errors="replace")
    assert await wait_for_exit(child) == -signal.SIGKILL

    db = await open_database(path)
    try:
        assert await get_progress(db, GUILD, MEMBER, story_id) == 5
        assert await owed(db) == [(two, MEMBER, 0), (five, MEMBER, 0)]
        # The restarted process's timer makes them once their retry is due.
        clock = ManualClock(NOW + RETRY_DELAYS[0])
        adder = Adder()
        joins = ThreadJoins(db, clock, adder, ShardScope(), lambda: None)
        assert await joins.next_due() == NOW + RETRY_DELAYS[0]
        assert await joins.serve(clock.now()) == 2
        assert adder.added == [(9002, MEMBER), (9005, MEMBER)]
        assert await owed(db) == []
    finally:
        await db.close()
