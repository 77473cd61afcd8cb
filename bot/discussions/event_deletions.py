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
from bot.discussions.compose import failure_fix
from bot.discussions.failures import RETRY_DELAYS, EventsForbidden, PostFailure, Unreachable
from bot.discussions.store import OwedDeletion
from bot.shards import ShardScope

log = logging.getLogger(__name__)

BATCH = 10
CREATIONS_BATCH = 100  # creations left unsettled, looked at in a start's first round (a kill leaves a few)
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

    async def created_for(self, guild_id: int, *, title: str, chapter: int, due: datetime) -> list[int]:
        """The ids of the server's events this bot created for the discussion of ``title``'s
        ``chapter`` at ``due`` (by the name and start time it gives them); raises as :meth:`remove`."""
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
        # Event creations recorded before this moment are an earlier process's (migration 0031).
        self._started = clock.now()

    async def delete_now(self, guild_id: int, event_id: int) -> str:
        """The command's own try, just after its write; the note for the admin."""
        owed = await store.owed_event_deletion(self.db, guild_id, event_id)
        if owed is None:  # the timer's try settled it meanwhile
            return DELETED
        return await self._try(owed)

    async def drop_doubles(self, guild_id: int, kept: int | None, *, title: str, chapter: int, due: datetime) -> bool:
        """Delete the events made as ``kept`` was (this bot's, of its name and start) that no
        discussion holds; ``kept`` None: a create whose answer was lost, which may have made one.
        False when Discord could not be asked (they are left, with a log line).

        discord.py sends a request again after a 500, 502 or 504 by itself, and an event carries no
        nonce: when Discord had made the first and only its answer was lost, the server got two
        events of one discussion, one held by nothing. One request more per event an admin creates."""
        if self.events is None:
            return False
        try:
            found = await self.events.created_for(guild_id, title=title, chapter=chapter, due=due)
        except PostFailure as failure:
            log.warning("could not look for scheduled events made twice in server %s: %s", guild_id, failure)
            return False
        doubles = [event_id for event_id in found if event_id != kept]
        if not doubles:
            return True
        now = self.clock.now()
        async with self.db.transaction() as tx:
            owed = await store.owe_unheld_event_deletions(tx, guild_id, doubles, now=now)
        for event_id in owed:
            log.info("scheduled event %s in server %s was made for no discussion; deleting it", event_id, guild_id)
            await self.delete_now(guild_id, event_id)
        return True

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
            if isinstance(failure, EventsForbidden):  # say why, and that the permission mends it
                return " " + failure_fix(None, 0, event_refused="delete")
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
        if recovery:
            await self._find_orphans(now)
        for owed in await store.event_deletions_due(self.db, until, limit=BATCH, scope=self.scope):
            try:
                settled += await self._try(owed) != PUT_OFF
            except Exception:
                log.exception("deleting scheduled event %s failed unexpectedly", owed.event_id)
                await self._put_off(owed, Unreachable("an unexpected error (details in the bot's log)"))
        return settled

    async def _find_orphans(self, now: datetime) -> None:
        """Events an earlier process had Discord create and was killed before storing: each creation
        it recorded first and never settled is looked up among the server's events, and those no
        discussion holds are owed their deletion (this round deletes them). One Discord cannot be
        asked about now stays for the next start."""
        if self.events is None:
            return
        left = await store.event_creations_left(self.db, before=self._started, limit=CREATIONS_BATCH, scope=self.scope)
        for creation in left:
            try:
                found = await self.events.created_for(
                    creation.guild_id, title=creation.title, chapter=creation.chapter, due=creation.start_at
                )
            except (Unreachable, PostFailure) as failure:
                log.warning(
                    "could not look for an event left half-created in server %s: %s", creation.guild_id, failure
                )
                continue
            orphans = await store.settle_left_creation(self.db, creation, found, now=now)
            if orphans:
                log.info(
                    "scheduled event %s in server %s was created for a discussion never stored; deleting it",
                    ", ".join(map(str, orphans)),
                    creation.guild_id,
                )
