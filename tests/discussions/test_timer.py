"""The timer on its own: one task, sleeping on the clock, re-armed, never stopped by a failure."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from bot.clock import ManualClock
from bot.discussions.timer import Timer

START = datetime(2026, 1, 1, tzinfo=UTC)


class Schedule:
    """Due times in memory; ``serve`` settles everything due, raising once on a poisoned item."""

    def __init__(self, clock: ManualClock) -> None:
        self.clock = clock
        self.pending: list[datetime] = []
        self.served: list[tuple[datetime, datetime]] = []
        self.poisoned: set[datetime] = set()
        self.loads = 0

    async def next_due(self) -> datetime | None:
        self.loads += 1
        return min(self.pending, default=None)

    async def serve(self, now: datetime) -> int:
        due = [when for when in self.pending if when <= now]
        for when in due:
            self.pending.remove(when)
            if when in self.poisoned:
                raise RuntimeError("this item is broken")
            self.served.append((when, now))
        return len(due)


def timer_tasks() -> list[asyncio.Task[object]]:
    return [task for task in asyncio.all_tasks() if task.get_name() == "dogear-discussion-timer"]


async def test_sleeps_in_one_task_and_serves_at_the_due_time() -> None:
    clock = ManualClock(START)
    schedule = Schedule(clock)
    schedule.pending = [START + timedelta(minutes=m) for m in (5, 1, 3)]
    timer = Timer(clock, schedule.next_due, schedule.serve)
    timer.start()
    await timer.wait_idle()
    assert clock.sleeping == 1 and len(timer_tasks()) == 1
    loads = schedule.loads
    await clock.advance(timedelta(seconds=59))
    await timer.wait_idle()
    assert schedule.served == [] and schedule.loads == loads  # no polling while asleep
    await clock.advance(timedelta(minutes=10))
    await timer.wait_idle()
    assert [when for when, _ in schedule.served] == sorted(when for when, _ in schedule.served)
    assert len(schedule.served) == 3
    assert all(served_at == when for when, served_at in schedule.served)
    assert clock.sleeping == 0 and len(timer_tasks()) == 1  # idle: waiting for a re-arm only
    await timer.stop()
    assert timer_tasks() == []


async def test_rearm_picks_up_an_earlier_item_and_stays_one_task() -> None:
    clock = ManualClock(START)
    schedule = Schedule(clock)
    schedule.pending = [START + timedelta(hours=5)]
    timer = Timer(clock, schedule.next_due, schedule.serve)
    timer.start()
    await timer.wait_idle()
    schedule.pending.append(START + timedelta(minutes=10))
    timer.rearm()
    await timer.wait_idle()
    assert clock.sleeping == 1 and len(timer_tasks()) == 1
    await clock.advance(timedelta(minutes=10))
    await timer.wait_idle()
    assert [when for when, _ in schedule.served] == [START + timedelta(minutes=10)]
    for _ in range(20):
        timer.rearm()
    await timer.wait_idle()
    assert len(timer_tasks()) == 1 and clock.sleeping == 1
    await timer.stop()


async def test_a_failing_round_does_not_stop_the_timer() -> None:
    clock = ManualClock(START)
    schedule = Schedule(clock)
    bad = START + timedelta(minutes=1)
    schedule.pending = [bad, START + timedelta(minutes=2)]
    schedule.poisoned = {bad}
    timer = Timer(clock, schedule.next_due, schedule.serve)
    timer.start()
    await timer.wait_idle()
    await clock.advance(timedelta(minutes=1))
    await timer.wait_idle()
    assert timer.running
    await clock.advance(timedelta(minutes=1))
    await timer.wait_idle()
    assert [when for when, _ in schedule.served] == [START + timedelta(minutes=2)]
    await timer.stop()


async def test_an_item_that_never_settles_backs_off_instead_of_spinning() -> None:
    clock = ManualClock(START)
    stuck = START + timedelta(minutes=1)
    rounds = 0

    async def next_due() -> datetime:
        return stuck

    async def serve(now: datetime) -> int:
        nonlocal rounds
        rounds += 1
        return 0

    timer = Timer(clock, next_due, serve, retry_after=timedelta(seconds=30))
    timer.start()
    await timer.wait_idle()
    await clock.advance(timedelta(minutes=1))
    await timer.wait_idle()
    assert rounds == 1 and clock.sleeping == 1
    await clock.advance(timedelta(seconds=30))
    await timer.wait_idle()
    assert rounds == 2
    await timer.stop()


async def test_a_damaged_database_is_one_log_line_not_one_every_round(caplog: pytest.LogCaptureFixture) -> None:
    """A database file damaged under the running bot: the timer logged "could not read the next due
    time" (a traceback, made one line by the log's filter) every 30 s for as long as the bot ran."""
    clock = ManualClock(START)
    reads = 0

    async def next_due() -> datetime:
        nonlocal reads
        reads += 1
        raise sqlite3.DatabaseError("database disk image is malformed")

    async def serve(now: datetime) -> int:
        return 0

    timer = Timer(clock, next_due, serve, retry_after=timedelta(seconds=30))
    with caplog.at_level(logging.INFO, "bot.discussions.timer"):
        timer.start()
        await timer.wait_idle()
        for _ in range(4):
            await clock.advance(timedelta(seconds=30))
            await timer.wait_idle()
        await timer.stop()
    assert reads == 5
    said = [record for record in caplog.records if record.name == "bot.discussions.timer"]
    assert len(said) == 1 and not said[0].exc_info, [record.getMessage() for record in said]
    assert "the database file is damaged" in said[0].getMessage(), said[0].getMessage()
