"""Notices a discussion's state change owes a channel, posted once across kills and Discord's failures.

A discussion marked missed tells its channel so (and how to reschedule it); members whose DMs
refused a reminder's copy, and who will not be tried again, are told under the reminder; the
moderation channel (when one is set) is told of a discussion that failed, and of a scheduled event
Discord refused to start or end (:data:`MODERATION_KINDS`). Each was
written and then posted once with no nonce and no retry: a process killed between the two, or a
5xx, and nobody was ever told. Now the notice is owed in the state change's own write
(``discussion_notices_owed``, see :func:`bot.discussions.store.owe_notice`), tried at once by the
service, and then by the discussion timer (this is one of its jobs) after each of
:data:`RETRY_DELAYS`, as the service's own items are. Every try by the timer looks for the notice's
text among the channel's recent messages first (the try before may have gone through, its answer
lost, or the process killed after Discord took it), and every send carries the row's nonce. A
lasting refusal (channel gone, permission missing) gives it up at once; so does the last delay.

A try can outlast a delay (discord.py sleeping out a rate limit, a slow request): the timer's retry
found nothing in the channel, posted, and then the first try posted too, past the nonce's minutes.
Every try holds the notice's key in :attr:`OwedNotices.in_flight` while it runs, and the timer
leaves a notice that is in flight to that try, looking again a delay later. Across a restart no try
survives (the shard lease lets one process at a time serve a server), and the retry looks first
and sends the row's nonce, so Discord's ``enforce_nonce`` drops a repeat within its minutes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from bot.clock import Clock
from bot.db import Database
from bot.discussions import store
from bot.discussions.compose import Notice
from bot.discussions.event_deletions import EVERYTHING_OWED
from bot.discussions.failures import RETRY_DELAYS, PostFailure, Unreachable
from bot.discussions.store import NoticeKind, OwedNotice
from bot.guilds import GuildSettings, get_settings
from bot.locks import InFlight
from bot.shards import ShardScope

log = logging.getLogger(__name__)

BATCH = 10


class NoticePoster(Protocol):
    """The part of the service's poster that notices need (it raises :class:`PostFailure`)."""

    async def channel_kind(self, channel_id: int) -> str: ...

    async def find_post(self, channel_id: int, marker: str) -> object | None: ...

    async def post(self, channel_id: int, notice: Notice, *, nonce: str | None) -> object: ...


# Notices for moderators (told in the moderation channel): never moved to the club channel. 'failed':
# a discussion that could not be posted; 'event': its scheduled event Discord refused to start or end.
MODERATION_KINDS: frozenset[NoticeKind] = frozenset({"failed", "event"})


async def message_channel(
    poster: NoticePoster, target: int, settings: GuildSettings, *, moderation: bool = False
) -> int:
    """Reminders and notices are plain messages: a forum cannot take them, the club channel can.
    Not a moderation notice: what moderators are told is not the club's to read, so a forum set as
    the moderation channel (Discord's picker offers none, stored data can hold one) is a lasting
    failure, as a member report there is (:class:`cogs.warnings.reports.ModChannel`)."""
    if await poster.channel_kind(target) != "forum":
        return target
    if moderation:
        raise PostFailure(
            "the moderation channel is a forum, which takes no plain message; set a text channel with "
            "`/config set mod_channel:`"
        )
    if settings.club_channel_id is None:
        raise PostFailure("the discussion channel is a forum and no club channel is set for reminders")
    return settings.club_channel_id


def as_notice(owed: OwedNotice) -> Notice:
    """The owed text as posted: no embed, nobody pinged, found again by its whole text (its marker)."""
    return Notice(content=owed.content, embed=None, marker=owed.content, reply_to=owed.reply_to)


class OwedNotices:
    """Posts owed notices: once right after the write that owes them, then on the timer until told."""

    def __init__(
        self, db: Database, clock: Clock, poster: NoticePoster, scope: ShardScope, wake: Callable[[], None]
    ) -> None:
        self.db = db
        self.clock = clock
        self.poster = poster
        self.scope = scope
        self.wake = wake  # the timer re-reads next_due when a retry is stored
        self.in_flight = InFlight()  # notice ids with a try running now
        self._recovered = False

    async def tell_now(self, guild_id: int, notice_id: int) -> bool:
        """The first try, just after the owing write (nothing can be in the channel yet: no look)."""
        owed = await store.get_owed_notice(self.db, guild_id, notice_id)
        return owed is not None and owed.id not in self.in_flight and await self._tell(owed, look_first=False)

    async def _tell(self, owed: OwedNotice, *, look_first: bool) -> bool:
        """One try; True once nothing is owed (posted, or refused for good)."""
        with self.in_flight.trying(owed.id):
            return await self._try(owed, look_first=look_first)

    async def _try(self, owed: OwedNotice, *, look_first: bool) -> bool:
        notice = as_notice(owed)
        try:
            settings = await get_settings(self.db, owed.guild_id)
            moderation = owed.kind in MODERATION_KINDS
            channel_id = await message_channel(self.poster, owed.channel_id, settings, moderation=moderation)
            found = await self.poster.find_post(channel_id, owed.content) if look_first else None
            if found is None:
                await self.poster.post(channel_id, notice, nonce=owed.nonce)
        except Unreachable as failure:
            return await self._put_off(owed, failure)
        except PostFailure as failure:
            log.warning(
                "discussion %s in server %s: gave up the %s notice: %s",
                owed.discussion_id,
                owed.guild_id,
                owed.kind,
                failure,
            )
        await store.notice_settled(self.db, owed.guild_id, owed.id)
        return True

    async def _put_off(self, owed: OwedNotice, failure: Unreachable) -> bool:
        """Try again after the next of :data:`RETRY_DELAYS`; given up once they are spent."""
        tries = owed.attempts + 1
        if tries > len(RETRY_DELAYS):
            log.warning(
                "discussion %s in server %s: gave up the %s notice after %d tries: %s",
                owed.discussion_id,
                owed.guild_id,
                owed.kind,
                tries,
                failure,
            )
            await store.notice_settled(self.db, owed.guild_id, owed.id)
            return True
        delay = RETRY_DELAYS[owed.attempts]
        log.info("discussion %s: %s notice put off %s: %s", owed.discussion_id, owed.kind, delay, failure)
        await store.notice_put_off(self.db, owed.guild_id, owed.id, retry_at=self.clock.now() + delay)
        self.wake()
        return False

    # -- the timer's job ------------------------------------------------------------------
    async def next_due(self) -> datetime | None:
        if not self._recovered:
            return self.clock.now()  # first round: what an earlier process owed, at once
        return await store.next_notice_at(self.db, self.scope)

    async def serve(self, now: datetime) -> int:
        """Try up to :data:`BATCH` owed notices, each looked for in its channel first. The first
        round after a start takes those an earlier process owed without waiting for their time
        (its own try was cut off by the kill or the restart)."""
        recovery = not self._recovered
        self._recovered = True
        told = int(recovery)
        until = now + EVERYTHING_OWED if recovery else now
        for owed in await store.notices_due(self.db, until, limit=BATCH, scope=self.scope):
            if owed.id in self.in_flight:  # its try still waits on Discord: left to it, looked at again later
                await store.notice_held(
                    self.db, owed.guild_id, owed.id, attempts=owed.attempts, retry_at=now + RETRY_DELAYS[0]
                )
                continue
            try:
                told += await self._tell(owed, look_first=True)
            except Exception:
                log.exception("discussion %s: the owed %s notice failed unexpectedly", owed.discussion_id, owed.kind)
                # counted as a try, so one that always fails is given up, never retried in a tight loop
                told += await self._put_off(owed, Unreachable("an unexpected error (details in the bot's log)"))
        return told
