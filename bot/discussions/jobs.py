"""The background jobs that share the one sleeping timer: due discussions and reminders, and
deleting the data of servers the bot left long enough ago.

Each job answers two questions, "when are you next due?" and "serve what is due at ``now``",
and :class:`Jobs` combines them so one :class:`~bot.discussions.timer.Timer` task sleeps until
the earliest of them. Every job reads only the servers this process owns
(:class:`~bot.shards.ShardScope`), in SQL.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Protocol

from bot.clock import Clock
from bot.db import Database
from bot.guilds import next_purge_at, purge_departed
from bot.shards import ShardScope

log = logging.getLogger(__name__)


class Job(Protocol):
    async def next_due(self) -> datetime | None: ...

    async def serve(self, now: datetime) -> int:
        """Handle everything due at ``now``; returns how many things it settled."""
        ...


class Jobs:
    """Several jobs seen as one: due at the earliest of them; serving serves each that is due."""

    def __init__(self, jobs: Sequence[Job]) -> None:
        self.jobs = list(jobs)
        self._due: list[datetime | None] = [None] * len(self.jobs)

    async def next_due(self) -> datetime | None:
        self._due = [await job.next_due() for job in self.jobs]
        return min((due for due in self._due if due is not None), default=None)

    async def serve(self, now: datetime) -> int:
        settled = 0
        for job, due in zip(self.jobs, self._due, strict=True):
            if due is not None and due <= now:
                settled += await job.serve(now)
        return settled


class RetentionJob:
    """Deletes a departed server's data once the retention period has passed since the bot left."""

    def __init__(self, db: Database, clock: Clock, retention: timedelta, scope: ShardScope) -> None:
        self.db = db
        self.clock = clock
        self.retention_seconds = retention.total_seconds()
        self.scope = scope

    async def next_due(self) -> datetime | None:
        due = await next_purge_at(self.db, self.retention_seconds, self.scope.sql())
        return None if due is None else datetime.fromtimestamp(due, UTC)

    async def serve(self, now: datetime) -> int:
        gone = await purge_departed(self.db, now.timestamp(), self.retention_seconds, self.scope.sql())
        if gone:
            log.info("deleted the data of %d servers the bot left: %s", len(gone), gone)
        return len(gone)
