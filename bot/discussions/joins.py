"""Letting members into discussion threads as they read, one request per thread newly reached.

A member who reads from chapter A to chapter B is added to the threads of the discussions of
chapters A+1 to B only: the threads of earlier chapters were theirs when they reached those
chapters (added then, or when the discussion posted if they had read it already). Naming every
earlier discussion on every step cost a request per posted discussion per step: a member marking
chapter 100 of a story discussed chapter by chapter made 100 requests, a club reading on in one
evening thousands, against Discord's global limit of 50 a second shared by every server.

An add Discord refused is not lost: it is stored as owed (``discussion_joins_owed``) and tried
again, bounded both ways (the adds a step earns are owed in the step's own transaction, before
they are tried, so a process killed or stopped between the step and its adds leaves them to the
timer too):

- by the discussion timer (this is one of its jobs) after each of :data:`RETRY_DELAYS`, at most
  :data:`BATCH` adds a round; when Discord cannot be reached the round stops at the first failure
  and the rest of the round waits with it, so an outage costs one request a round, not one an add;
- by the member's next step in that story (a step forward, or ``/progress set`` to where they are),
  at most :data:`OWED_PER_STEP` owed adds of theirs, whatever the timer's tries: a permission fixed
  a day later lets them in the next time they touch their progress.

A thread that is gone owes nothing. Setting progress back removes nobody from any thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol

from bot.clock import Clock
from bot.db import Database
from bot.discussions import store
from bot.discussions.event_deletions import EVERYTHING_OWED
from bot.discussions.failures import RETRY_DELAYS, Gone, PostFailure, Unreachable
from bot.discussions.store import Seat
from bot.shards import ShardScope

log = logging.getLogger(__name__)

BATCH = 10
OWED_PER_STEP = 10


class ThreadAdder(Protocol):
    async def add_to_thread(self, thread_id: int, user_ids: Sequence[int]) -> None:
        """Add the members (one left the server is skipped); :class:`PostFailure` when Discord refuses."""
        ...


class ThreadJoins:
    """Adds readers to discussion threads and keeps the adds that failed until they succeed."""

    def __init__(
        self, db: Database, clock: Clock, adder: ThreadAdder, scope: ShardScope, wake: Callable[[], None]
    ) -> None:
        self.db = db
        self.clock = clock
        self.adder = adder
        self.scope = scope
        self.wake = wake  # the timer re-reads next_due when a retry is stored
        self._recovered = False

    async def reader_advanced(self, guild_id: int, user_id: int, story_id: int, previous: int, chapter: int) -> int:
        """The member moved from ``previous`` to ``chapter``: add them to the threads newly reached,
        then to a few they are owed; returns how many adds were made."""
        reached = await store.threads_reached(self.db, guild_id, user_id, story_id, after=previous, upto=chapter)
        owed = await store.joins_owed_to(self.db, guild_id, user_id, story_id, limit=OWED_PER_STEP)
        seen = {seat.discussion_id for seat in reached}
        # Already owed, in the step's own write (bot.progress.service.step): an add cut off by a
        # kill or a shutdown is left to the timer (the next step only reaches later chapters).
        return await self._add_each(guild_id, [*reached, *(seat for seat in owed if seat.discussion_id not in seen)])

    async def let_in(self, guild_id: int, discussion_id: int, thread_id: int, readers: Sequence[int]) -> None:
        """A discussion posted: its readers so far in; if Discord refuses, every one of them is owed
        (the poster stops at the first refusal, so which were added is not known; adding one twice is harmless)."""
        try:
            await self.adder.add_to_thread(thread_id, readers)
        except Gone as failure:
            log.warning("discussion %s: thread %s is gone: %s", discussion_id, thread_id, failure)
        except PostFailure as failure:
            log.warning("discussion %s: could not add readers to thread %s: %s", discussion_id, thread_id, failure)
            seats = [Seat(discussion_id, thread_id, user_id) for user_id in readers]
            await self._owe(guild_id, seats, failure, retry_at=self.clock.now() + RETRY_DELAYS[0])

    async def _add_each(self, guild_id: int, seats: Sequence[Seat]) -> int:
        """One add per seat in order; once Discord cannot be reached, the rest are owed untried."""
        added: list[Seat] = []
        for index, seat in enumerate(seats):
            try:
                await self.adder.add_to_thread(seat.thread_id, [seat.user_id])
            except Gone as failure:
                log.info("could not add %s to thread %s: %s", seat.user_id, seat.thread_id, failure)
                added.append(seat)  # nothing left to owe
                continue
            except Unreachable as failure:
                log.info("could not add %s to thread %s: %s", seat.user_id, seat.thread_id, failure)
                await self._owe(guild_id, seats[index:], failure, retry_at=self.clock.now() + RETRY_DELAYS[0])
                break
            except PostFailure as failure:
                log.info("could not add %s to thread %s: %s", seat.user_id, seat.thread_id, failure)
                await self._owe(guild_id, [seat], failure, retry_at=self.clock.now() + RETRY_DELAYS[0])
                continue
            added.append(seat)
        await store.settle_joins(self.db, guild_id, added)
        return len(added)

    async def _owe(
        self, guild_id: int, seats: Sequence[Seat], failure: PostFailure, *, retry_at: datetime | None
    ) -> None:
        await store.owe_joins(self.db, guild_id, seats, str(failure), retry_at=retry_at)
        if retry_at is not None:
            self.wake()

    # -- the timer's job ------------------------------------------------------------------
    async def next_due(self) -> datetime | None:
        if not self._recovered:
            return self.clock.now()  # first round: what an earlier process owed, at once
        return await store.next_join_retry(self.db, self.scope)

    async def serve(self, now: datetime) -> int:
        """Try up to :data:`BATCH` owed adds; each failure waits for the next delay, the last gives
        the member's own next step the rest.

        The first round after a start takes the adds an earlier process owed without waiting for
        their time: a step's adds are owed a minute ahead only to leave room for its own try, which
        a kill or a restart cut off; the member who read would otherwise wait that minute more."""
        recovery = not self._recovered
        self._recovered = True
        due = await store.joins_due(self.db, now + EVERYTHING_OWED if recovery else now, limit=BATCH, scope=self.scope)
        if recovery and not due:
            return 1  # (the round settled something: its recovery)
        for index, (guild_id, seat, attempts) in enumerate(due):
            try:
                await self.adder.add_to_thread(seat.thread_id, [seat.user_id])
            except Gone:
                await store.settle_joins(self.db, guild_id, [seat])
                continue
            except PostFailure as failure:
                retry_at = now + RETRY_DELAYS[attempts] if attempts < len(RETRY_DELAYS) else None
                await store.owe_joins(self.db, guild_id, [seat], str(failure), retry_at=retry_at)
                if isinstance(failure, Unreachable) and retry_at is not None:
                    await self._postpone_rest(due[index + 1 :], retry_at)
                    return index + 1
                continue
            await store.settle_joins(self.db, guild_id, [seat])
        return len(due)

    async def _postpone_rest(self, rest: Sequence[tuple[int, Seat, int]], retry_at: datetime) -> None:
        for guild_id, seat, _ in rest:
            await store.postpone_joins(self.db, guild_id, [seat], retry_at=retry_at)
