"""Discord scheduled events owed a deletion, deleted once Discord takes it, across kills.

``/story remove`` and ``/discussion cancel`` used to delete the discussion's Discord event from
memory after their write: a process killed or stopped in between (or Discord failing then) left
"chapter 3 discussion" in every member's Events list for a discussion that no longer exists, and
nothing ever removed it. Now the deletion is owed in that write (``event_deletions_owed``,
migration 0030), tried at once by the command (:meth:`EventDeletions.delete_now`, whose answer is
the admin's note), and otherwise by the discussion timer (this is one of its jobs) after each of
:data:`RETRY_DELAYS`. Deleting an event that is gone already settles it, so two tries never harm.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol

from bot.clock import Clock
from bot.db import Database
from bot.discussions import store
from bot.discussions.failures import RETRY_DELAYS, PostFailure, Unreachable
from bot.discussions.store import OwedDeletion
from bot.shards import ShardScope

log = logging.getLogger(__name__)

BATCH = 10
EVERYTHING_OWED = timedelta(days=3650)  # the first round looks this far ahead: every owed row
DELETED = " Its scheduled event was deleted."
GONE = " Its scheduled event was already gone."
PUT_OFF = " I could not delete its scheduled event yet; I will try again in the next minutes."
REFUSED = " I could not delete its scheduled event; remove it by hand."


class EventRemover(Protocol):
    async def remove(self, guild_id: int, event_id: int) -> bool:
        """Delete the event (False when it was gone already); :class:`PostFailure` for a lasting
        refusal, :class:`Unreachable` to try again later."""
        ...


class EventDeletions:
    """Deletes owed events: once right after the owing write, then on the timer until done."""

    def __init__(
        self, db: Database, clock: Clock, events: EventRemover | None, scope: ShardScope, wake: Callable[[], None]
    ) -> None:
        self.db = db
        self.clock = clock
        self.events = events
        self.scope = scope
        self.wake = wake
        self._recovered = False

    async def delete_now(self, guild_id: int, event_id: int) -> str:
        """The command's own try, just after its write; the note for the admin."""
        owed = await store.owed_event_deletion(self.db, guild_id, event_id)
        if owed is None:  # the timer's try settled it meanwhile
            return DELETED
        return await self._try(owed)

    async def _try(self, owed: OwedDeletion) -> str:
        try:
            if self.events is None:
                raise Unreachable("this process does not manage scheduled events")
            deleted = await self.events.remove(owed.guild_id, owed.event_id)
        except Unreachable as failure:
            return await self._put_off(owed, failure)
        except PostFailure as failure:
            log.warning("gave up deleting scheduled event %s in server %s: %s", owed.event_id, owed.guild_id, failure)
            await store.event_deletion_settled(self.db, owed.guild_id, owed.id)
            return REFUSED
        await store.event_deletion_settled(self.db, owed.guild_id, owed.id)
        return DELETED if deleted else GONE

    async def _put_off(self, owed: OwedDeletion, failure: Unreachable) -> str:
        if owed.attempts >= len(RETRY_DELAYS):
            log.warning(
                "gave up deleting scheduled event %s in server %s after %d tries: %s",
                owed.event_id,
                owed.guild_id,
                owed.attempts + 1,
                failure,
            )
            await store.event_deletion_settled(self.db, owed.guild_id, owed.id)
            return REFUSED
        delay = RETRY_DELAYS[owed.attempts]
        log.info(
            "deleting scheduled event %s in server %s put off %s: %s", owed.event_id, owed.guild_id, delay, failure
        )
        await store.event_deletion_put_off(self.db, owed.guild_id, owed.id, retry_at=self.clock.now() + delay)
        self.wake()
        return PUT_OFF

    # -- the timer's job ------------------------------------------------------------------
    async def next_due(self) -> datetime | None:
        if not self._recovered:
            return self.clock.now()  # first round: what an earlier process owed, at once
        return await store.next_event_deletion_at(self.db, self.scope)

    async def serve(self, now: datetime) -> int:
        """Try up to :data:`BATCH` owed deletions; how many were settled.

        The first round after a start takes those an earlier process owed without waiting for
        their time: a row's first wait only leaves room for the command's own try, and no try of
        that process is running any more."""
        recovery = not self._recovered
        self._recovered = True
        until = now + EVERYTHING_OWED if recovery else now
        settled = int(recovery)
        for owed in await store.event_deletions_due(self.db, until, limit=BATCH, scope=self.scope):
            try:
                settled += await self._try(owed) != PUT_OFF
            except Exception:
                log.exception("deleting scheduled event %s failed unexpectedly", owed.event_id)
                await self._put_off(owed, Unreachable("an unexpected error (details in the bot's log)"))
        return settled
