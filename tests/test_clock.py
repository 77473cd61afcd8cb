"""The system clock's sleeper notices the wall clock moving on its own (a suspend, a clock set)."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

import pytest

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


def jump_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "bot.clock" and "wall clock" in r.getMessage()]


async def test_a_jump_ahead_seen_by_several_sleepers_is_one_log_line(caplog: pytest.LogCaptureFixture) -> None:
    """Posts late by two hours, with nothing in the log to say why: now one line, whichever of the
    timer's sleepers sees the jump first."""
    caplog.set_level(logging.INFO, logger="bot.clock")
    clock = JumpingClock(step=0.05)
    soon = [asyncio.create_task(clock.sleep_until(clock.now() + timedelta(hours=h))) for h in (1, 1.5)]
    later = asyncio.create_task(clock.sleep_until(clock.now() + timedelta(hours=5)))
    await asyncio.sleep(0.1)
    assert jump_lines(caplog) == []
    clock.offset = timedelta(hours=2)
    await asyncio.wait_for(asyncio.gather(*soon), timeout=HANG_LIMIT)
    await asyncio.sleep(0.2)
    assert not later.done()
    later.cancel()
    [line] = jump_lines(caplog)
    assert "jumped 2:00:00 ahead" in line, line


async def test_a_jump_back_keeps_the_sleeper_waiting_for_the_wall_time_and_is_one_log_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Set back an hour, a sleeper due in a few seconds waits for the wall clock to get there again:
    what it wakes for was planned at that wall time (and what was done is recorded as done)."""
    caplog.set_level(logging.INFO, logger="bot.clock")
    clock = JumpingClock(step=0.05)
    sleepers = [asyncio.create_task(clock.sleep_until(clock.now() + timedelta(seconds=s))) for s in (0.5, 0.6)]
    await asyncio.sleep(0.1)
    clock.offset = -timedelta(hours=1)
    await asyncio.sleep(1.0)
    assert not any(s.done() for s in sleepers)
    [line] = jump_lines(caplog)
    assert "went 1:00:00 back" in line, line
    clock.offset = timedelta()  # back where it was, an hour later on the wall: one line more
    await asyncio.wait_for(asyncio.gather(*sleepers), timeout=HANG_LIMIT)
    assert len(jump_lines(caplog)) == 2
