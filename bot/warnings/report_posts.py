"""Members' reports posted to the moderation channel: once each, across kills and Discord's failures.

A report used to be saved and then posted once: a process killed between the two, or Discord
failing on its side (a 5xx, a dropped connection), or a permission the bot lacked for a while, and
the moderators never saw it; only ``/warnings review`` still listed it. Now the post is owed in the
report's own transaction (``report_posts``) and is a due item on a timer of its own:

- the cog tries it at once (:meth:`ReportPosts.deliver`); while that try runs, the retries hold off
  until :data:`~bot.warnings.reviews.FIRST_TRY_HOLD` has passed;
- a try Discord could not take (unreachable, or failing on its side) is tried again after each of
  :data:`RETRY_DELAYS`, and then given up (logged, the report waiting in ``/warnings review`` as
  before); a lasting refusal (the channel gone, a permission missing) is given up at once, as a
  discussion's post is;
- every try after the first looks among the channel's latest messages for the report
  (:data:`marker`) before posting, so one Discord took before a kill or a failed answer is not
  posted twice; the post carries a nonce kept across tries too;
- a report decided meanwhile, or a server that unset its moderation channel, owes nothing more.

Each try is claimed (counted, and held off for the next delay) in one write before Discord is
asked, so the cog's try and the timer's never both post. A try can outlast its hold (discord.py
sleeping out a rate limit, a slow request): the timer's claim then found nothing in the channel and
posted, and the first try posted too. So every try also holds the report's key in
:attr:`ReportPosts.in_flight` while it runs, and the timer leaves a report in flight to that try,
looking again a delay later (no try counted).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Protocol

from bot.clock import Clock
from bot.db import Database
from bot.discussions.failures import RETRY_DELAYS, PostFailure, Unreachable
from bot.locks import InFlight
from bot.shards import ShardScope
from bot.warnings import store
from bot.warnings.reviews import NewReport, report_to_post

log = logging.getLogger(__name__)

BATCH = 10  # posts tried in one round of the timer


def marker(report_id: int) -> str:
    """What names a report's post in the moderation channel, and finds it again after a kill."""
    return f"Warning report #{report_id}"


_POSTED_MARKER = re.compile(r"\*\*Warning report #(\d{1,19})\*\*:")


def posted_report(content: str) -> int | None:
    """The report a moderation-channel post is about (its bold :func:`marker`), None for another message."""
    found = _POSTED_MARKER.search(content.split("\n", 1)[0])
    return int(found.group(1)) if found else None


class ReportPoster(Protocol):
    """The moderation channel; each method raises :class:`PostFailure` when Discord refuses, and
    :class:`Unreachable` when it cannot be reached or fails on its side (worth another try)."""

    async def find_report(self, channel_id: int, report_id: int) -> int | None:
        """The bot's own post of this report among the channel's latest messages, by its :func:`marker`."""
        ...

    async def post_report(self, new: NewReport, *, nonce: str) -> int:
        """Post the report with its Confirm and Dismiss buttons, pinging nobody; the message id."""
        ...


class ReportPosts:
    """Posts owed reports to the moderation channel; the timer's job for its retries."""

    def __init__(
        self, db: Database, clock: Clock, poster: ReportPoster, scope: ShardScope, wake: Callable[[], None]
    ) -> None:
        self.db = db
        self.clock = clock
        self.poster = poster
        self.scope = scope
        self.wake = wake  # the timer re-reads next_due when a try is put off
        self.in_flight = InFlight()  # report ids with a try running now
        self._recovered = False
        self._started = self._now()  # reports made before it are an earlier process's

    def _now(self) -> float:
        return self.clock.now().timestamp()

    async def deliver(self, guild_id: int, report_id: int) -> bool:
        """The first try, right after the report is stored; True if it is in the channel now."""
        return await self._try(guild_id, report_id, 0)

    async def next_due(self) -> datetime | None:
        if not self._recovered:
            if await store.report_posts_left(self.db, self._started, self.scope.sql(), 1):
                return self.clock.now()  # first round: what an earlier process owed, at once
            self._recovered = True
        due = await store.next_report_post(self.db, self.scope.sql())
        return None if due is None else datetime.fromtimestamp(due, UTC)

    async def serve(self, now: datetime) -> int:
        """Try up to :data:`BATCH` posts that are due; returns how many were tried.

        The first round after a start takes those an earlier process owed without waiting for their
        time (as the discussion timer's jobs do): a row's hold only leaves room for that process's own
        try, and no try of it is running any more."""
        due = await store.report_posts_due(self.db, now.timestamp(), self.scope.sql(), BATCH)
        if not self._recovered:
            self._recovered = True
            earlier = await store.report_posts_left(self.db, self._started, self.scope.sql(), BATCH)
            due = list(dict.fromkeys([*earlier, *due]))
        for guild_id, report_id, attempts in due:
            if report_id in self.in_flight:  # its try still waits on Discord: left to it, looked at again later
                retry_at = now.timestamp() + RETRY_DELAYS[0].total_seconds()
                await store.hold_report_post(self.db, guild_id, report_id, attempts, retry_at)
                continue
            try:
                await self._try(guild_id, report_id, attempts)
            except Exception:  # one report's trouble does not hold up the others; it is due again later
                log.exception("guild %s: posting report %s to the moderation channel failed", guild_id, report_id)
        return len(due)

    async def _try(self, guild_id: int, report_id: int, attempts: int) -> bool:
        """One try of a post read with ``attempts`` tries so far; nothing if another try took it."""
        if report_id in self.in_flight:
            return False
        with self.in_flight.trying(report_id):
            return await self._claimed_try(guild_id, report_id, attempts)

    async def _claimed_try(self, guild_id: int, report_id: int, attempts: int) -> bool:
        hold = RETRY_DELAYS[min(attempts, len(RETRY_DELAYS) - 1)]
        claimed = await store.claim_report_post(
            self.db, guild_id, report_id, attempts, self._now() + hold.total_seconds()
        )
        if claimed is None:
            return False
        new = await report_to_post(self.db, guild_id, report_id)
        if new is None or new.mod_channel_id is None:
            await store.settle_report_post(self.db, guild_id, report_id, "dropped", failure="nothing left to post")
            return False
        try:
            found = await self.poster.find_report(new.mod_channel_id, report_id) if claimed.attempts > 1 else None
            if found is not None:
                log.info("guild %s: report %s was posted before a restart or retry", guild_id, report_id)
            message_id = found if found is not None else await self.poster.post_report(new, nonce=claimed.nonce)
        except PostFailure as failure:
            await self._put_off(claimed, failure)
            return False
        await store.settle_report_post(self.db, guild_id, report_id, "posted", message_id=message_id)
        return True

    async def _put_off(self, claimed: store.ReportPost, failure: PostFailure) -> None:
        """Discord unreachable or failing on its side: try again after the next delay. A lasting
        refusal (the channel gone, a permission missing: ``/config`` warned the admin when the channel
        was set), or the delays spent, gives it up; the report still waits in ``/warnings review``."""
        guild_id, report_id, tries = claimed.guild_id, claimed.report_id, claimed.attempts
        if not isinstance(failure, Unreachable) or tries > len(RETRY_DELAYS):
            log.warning(
                "guild %s: gave up posting report %s to the moderation channel: %s", guild_id, report_id, failure
            )
            await store.settle_report_post(self.db, guild_id, report_id, "failed", failure=str(failure))
            return
        delay = RETRY_DELAYS[tries - 1]
        log.warning("guild %s: could not post report %s (%s); trying again in %s", guild_id, report_id, failure, delay)
        retry_at = self._now() + delay.total_seconds()
        await store.settle_report_post(self.db, guild_id, report_id, "pending", failure=str(failure), retry_at=retry_at)
        self.wake()
