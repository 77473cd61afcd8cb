"""Time as a dependency, so schedules can be tested without real waiting.

The bot gets a :class:`SystemClock`; tests and the demo get a :class:`ManualClock` they
advance by hand. Both hand out timezone-aware UTC datetimes.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import time
from datetime import UTC, datetime, timedelta
from typing import Protocol

log = logging.getLogger(__name__)


class Clock(Protocol):
    def now(self) -> datetime: ...

    async def sleep_until(self, when: datetime) -> None:
        """Return once ``now() >= when``; cancellable."""
        ...


# How often a sleeper looks at the wall clock again. asyncio sleeps on a monotonic clock, which
# stops while the machine is suspended and ignores the wall clock being set: with hour-long steps
# a discussion could post up to an hour late after either (and be marked missed under a grace
# shorter than that). A check every 30 s costs nothing.
WALL_CHECK_SECONDS = 30.0
# The wall clock moving this much more (or less) than the process's own monotonic time between two
# looks is a jump (the clock was set, or the machine was suspended): said once in the log, since it
# explains posts that came late (or later than the clock on the wall says) without anything failing.
JUMP_SECONDS = 60.0


class SystemClock:
    def __init__(self, step: float = WALL_CHECK_SECONDS) -> None:
        self.step = step
        self._mark: tuple[float, datetime] | None = None  # (monotonic, wall) at a sleeper's last look

    def now(self) -> datetime:
        return datetime.now(UTC)

    async def sleep_until(self, when: datetime) -> None:
        # Sleep in bounded steps so a suspended machine or a clock jump is noticed.
        while (remaining := (when - self._look()).total_seconds()) > 0:  # noqa: ASYNC110
            await asyncio.sleep(min(remaining, self.step))

    def _look(self) -> datetime:
        """The wall clock, and one log line when it jumped since any sleeper last looked (the mark is
        shared, so the first sleeper to see a jump says it and the others find nothing to say)."""
        wall, steady = self.now(), time.monotonic()
        mark, self._mark = self._mark, (steady, wall)
        if mark is not None:
            jump = (wall - mark[1]).total_seconds() - (steady - mark[0])
            if jump >= JUMP_SECONDS:
                log.warning(
                    "the wall clock jumped %s ahead (it was set, or the machine was suspended): what fell due "
                    "meanwhile is posted now, late, or reported missed past its grace",
                    timedelta(seconds=round(jump)),
                )
            elif jump <= -JUMP_SECONDS:
                log.warning(
                    "the wall clock went %s back (it was set): what is scheduled waits for the clock to reach "
                    "its time again; nothing already posted is posted again",
                    timedelta(seconds=round(-jump)),
                )
        return wall


class ManualClock:
    """A clock that only moves when told to; sleepers wake in time order on :meth:`advance`."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("ManualClock needs an aware datetime")
        self._now = start.astimezone(UTC)
        self._sleepers: list[tuple[datetime, int, asyncio.Future[None]]] = []
        self._counter = itertools.count()

    def now(self) -> datetime:
        return self._now

    @property
    def sleeping(self) -> int:
        """How many tasks are waiting on this clock right now."""
        return sum(1 for _, _, future in self._sleepers if not future.done())

    async def sleep_until(self, when: datetime) -> None:
        if when <= self._now:
            await asyncio.sleep(0)
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (when, next(self._counter), future))
        await future

    async def advance(self, delta: timedelta | float) -> None:
        """Move time forward, waking every sleeper that falls due, and let them run."""
        if not isinstance(delta, timedelta):
            delta = timedelta(seconds=delta)
        await self.set(self._now + delta)

    def set_back(self, delta: timedelta) -> None:
        """The wall clock set back (by hand, or a time server's correction): ``now()`` goes back, and
        every sleeper keeps sleeping until the clock reaches its time again, as on :class:`SystemClock`."""
        self._now -= delta

    async def set(self, when: datetime) -> None:
        target = when.astimezone(UTC)
        while self._sleepers and self._sleepers[0][0] <= target:
            due, _, future = heapq.heappop(self._sleepers)
            self._now = max(self._now, due)
            if not future.done():
                future.set_result(None)
            for _ in range(5):
                await asyncio.sleep(0)
        self._now = max(self._now, target)
        for _ in range(5):
            await asyncio.sleep(0)
