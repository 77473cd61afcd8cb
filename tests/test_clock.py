"""The system clock's sleeper notices the wall clock moving on its own (a suspend, a clock set)."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from bot.clock import WALL_CHECK_SECONDS, SystemClock
from tests.waiting import HANG_LIMIT


class JumpingClock(SystemClock):
    """The real clock plus an offset the test moves, as a resumed machine's wall clock moves."""

    def __init__(self, step: float) -> None:
        super().__init__(step)
        self.offset = timedelta()

    def now(self) -> datetime:
        return super().now() + self.offset


async def test_a_sleeper_wakes_soon_after_the_wall_clock_jumps_past_its_time() -> None:
    clock = JumpingClock(step=0.05)
    sleeper = asyncio.create_task(clock.sleep_until(clock.now() + timedelta(hours=1)))
    await asyncio.sleep(0.1)
    assert not sleeper.done()
    clock.offset = timedelta(hours=2)  # the machine was suspended for two hours
    await asyncio.wait_for(sleeper, timeout=HANG_LIMIT)  # not the hour it was asked to sleep


def test_the_bot_checks_the_wall_clock_every_half_minute() -> None:
    assert SystemClock().step == WALL_CHECK_SECONDS <= 60
