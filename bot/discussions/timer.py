"""One task that sleeps until the next due item, for any number of schedules.

Why this shape: schedules live in SQLite, not in memory, so 100,000 pending discussions cost
one indexed ``MIN(due_at)`` query, not 100,000 timers or a poll every second. The single task
asks the store when the next item is due, sleeps on the injected clock until then, hands
everything due to the handler, and asks again. When schedules change, :meth:`Timer.rearm`
interrupts the sleep (by cancelling the task's current wait and un-cancelling it, so it stays
one task) and the next due time is re-read from the database. A handler that raises is
logged and retried after a pause; the loop never dies from one bad item.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from bot.clock import Clock
from bot.db import SaidOnce, database_unusable, storage_refused

log = logging.getLogger(__name__)

NextDue = Callable[[], Awaitable[datetime | None]]
Serve = Callable[[datetime], Awaitable[int]]  # returns how many items it settled


class Timer:
    """Sleeps on ``clock.sleep_until(next_due())`` and calls ``serve(now)`` when it is reached."""

    def __init__(self, clock: Clock, next_due: NextDue, serve: Serve, *, retry_after: timedelta | None = None) -> None:
        self._clock = clock
        self._next_due = next_due
        self._serve = serve
        self._retry_after = retry_after or timedelta(seconds=30)
        self._task: asyncio.Task[None] | None = None
        self._sleeping = False
        self._sleep_due: datetime | None = None
        self._interrupting = False
        self._dirty = False
        self._stopping = False
        self._idle = asyncio.Event()
        self._refused = SaidOnce(log, "the timer's round saved again: the database takes writes")
        self.served_rounds = 0

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        if self.running:
            return
        self._stopping = False
        self._task = asyncio.get_running_loop().create_task(self._run(), name="dogear-discussion-timer")

    async def stop(self) -> None:
        self._stopping = True
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def rearm(self) -> None:
        """Schedules changed: re-read the next due time now instead of after the current sleep."""
        self._dirty = True
        if self._sleeping and not self._interrupting and self._task is not None:
            self._interrupting = True
            self._task.cancel()

    async def wait_idle(self) -> None:
        """Return once the timer sleeps with nothing due (for tests and the benchmark).

        Stable only: asleep until a moment still ahead (or with nothing pending), so a
        sleep that returns at once because its time has already come does not count.
        """
        while True:
            await self._idle.wait()
            for _ in range(3):
                await asyncio.sleep(0)
            if self._sleeping and (self._sleep_due is None or self._sleep_due > self._clock.now()):
                return
            if not self.running:
                return

    async def _sleep(self, due: datetime | None) -> bool:
        """Sleep until ``due`` (forever if None); False if interrupted by :meth:`rearm`."""
        self._sleeping = True
        self._sleep_due = due
        if due is None or due > self._clock.now():
            self._idle.set()
        try:
            if due is None:
                await asyncio.Event().wait()
            else:
                await self._clock.sleep_until(due)
            return True
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if self._stopping or not self._interrupting or task is None:
                raise
            task.uncancel()
            return False
        finally:
            self._sleeping = False
            self._interrupting = False
            self._idle.clear()

    def _database_refused(self, why: str, error: BaseException) -> None:
        """A round the database refused (a full disk, a read-only or damaged file): one warning line, then silence
        until a round saves again; a traceback every round would bury the line that says why."""
        self._refused.refused(
            why, "the timer's round could not %s: %s (%s); retrying every %s",
            "save" if storage_refused(error) else "use the database", why, " ".join(str(error).split()),
            self._retry_after,
        )  # fmt: skip

    async def _run(self) -> None:
        stalled = False
        while True:
            self._dirty = False
            try:
                due = await self._next_due()
            except Exception as error:
                why = database_unusable(error)
                if why is None:
                    log.exception("could not read the next due time; retrying")
                else:
                    self._database_refused(why, error)  # a damaged file: once, not every round
                await self._sleep(self._clock.now() + self._retry_after)
                continue
            now = self._clock.now()
            if self._dirty:
                continue
            if due is not None and due <= now:
                if stalled:
                    # Still due right after a round that settled nothing: back off instead of spinning.
                    log.warning("an item due at %s could not be settled; retrying in %s", due, self._retry_after)
                    stalled = False
                    await self._sleep(now + self._retry_after)
                    continue
                try:
                    settled = await self._serve(now)
                except Exception as error:
                    why = database_unusable(error)
                    if why is None:
                        log.exception("serving due discussions failed; the timer carries on")
                    else:
                        self._database_refused(why, error)
                        # Nothing is saved until the disk has room: one line said so, none per round.
                        self.served_rounds += 1
                        await self._sleep(now + self._retry_after)
                        continue
                    settled = 0
                else:
                    self._refused.saved()
                self.served_rounds += 1
                stalled = settled == 0
                continue
            stalled = False
            await self._sleep(due)
