"""Time as a dependency, so schedules can be tested without real waiting.

The bot gets a :class:`SystemClock`; tests and the demo get a :class:`ManualClock` they
advance by hand. Both hand out timezone-aware UTC datetimes.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
from datetime import UTC, datetime, timedelta
from typing import Protocol


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


class SystemClock:
    def __init__(self, step: float = WALL_CHECK_SECONDS) -> None:
        self.step = step

    def now(self) -> datetime:
        return datetime.now(UTC)

    async def sleep_until(self, when: datetime) -> None:
        # Sleep in bounded steps so a suspended machine or a clock jump is noticed.
        while (remaining := (when - self.now()).total_seconds()) > 0:  # noqa: ASYNC110
            await asyncio.sleep(min(remaining, self.step))


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
