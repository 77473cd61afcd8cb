"""Who of the members a reminder would name is still in the server: bounded look-ups, cached.

Dogear asks for no privileged intent, so Discord never tells it a member left (GUILD_MEMBER_REMOVE
comes only with the members intent) and cannot list a server. A member who left kept being named
in every public reminder, with their progress. What a bot without that intent can do is ask, one member at a time (Discord's "get guild member":
404 / Unknown Member for one who left), so that is bounded and kept:

- at most :data:`LOOKUPS_PER_CALL` look-ups per reminder, the members named first (in the order
  named) whose answer is not kept; the rest are named as before and looked up by a later reminder;
- at most :data:`LOOKUPS_PER_SECOND` on average over the whole process (a burst of
  :data:`LOOKUP_BURST`): a thousand reminders due in one minute on a thousand servers would
  otherwise ask 25,000 times, eight minutes of Discord's global limit of 50 requests a second that
  the reminders and discussions themselves are waiting on; past it, members are named as before;
- one reminder's look-ups are asked at once, so it waits about one round trip, not 25;
- an answer is kept: present for :data:`PRESENT_FOR` (a discussion's 24h and 1h reminders cost
  one round of look-ups, not two), gone for :data:`GONE_FOR`;
- a command, button or form a member uses in the server (:meth:`MemberPresence.seen`) forgets
  that they left (they are back), but never vouches that they are still there: a member who set
  their progress and left a minute later is looked up like anyone;
- a look-up Discord could not answer leaves the member named, as before.

A gone member's progress and preferences stay (they may come back); they are only not named,
and get no private copy, whose refusal was named in public too. The answers live in memory, at
most :data:`MAX_KNOWN` of them (the oldest forgotten first): a restart costs look-ups again, within
the same budget. The hidden members a reminder counts are counted as before (never named).
``/progress club`` asks the same way (:func:`bot.progress.service.club_view`), so a member found
gone is neither listed nor drawn, and what it learns serves the reminders too.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta

from bot.clock import Clock

log = logging.getLogger(__name__)

# A reminder never waits on more than this many requests, whatever the server's size; a reminder
# names at most about 65 members (1,500 characters of mentions), checked within three reminders.
LOOKUPS_PER_CALL = 25
# A tenth of Discord's global limit (50 requests a second), averaged; LOOKUP_BURST may go at once.
LOOKUPS_PER_SECOND = 5.0
LOOKUP_BURST = 2 * LOOKUPS_PER_CALL
PRESENT_FOR = timedelta(hours=24)
GONE_FOR = timedelta(days=7)
MAX_KNOWN = 100_000

# (guild id, user id) -> True (in the server), False (left), None (Discord could not say).
Lookup = Callable[[int, int], Awaitable[bool | None]]


class MemberPresence:
    """What is known of members being in their server, and the look-ups that learn more."""

    def __init__(
        self,
        lookup: Lookup,
        clock: Clock,
        *,
        budget: int = LOOKUPS_PER_CALL,
        per_second: float = LOOKUPS_PER_SECOND,
        burst: int = LOOKUP_BURST,
    ) -> None:
        self._lookup = lookup
        self._clock = clock
        self._budget = budget
        self._per_second = per_second
        self._burst = burst
        self._tokens = float(burst)
        self._filled_at = clock.now()
        self._known: OrderedDict[tuple[int, int], tuple[bool, datetime]] = OrderedDict()
        self.lookups = 0  # look-ups made since the start: what the cache saves is measured by it

    def _remember(self, key: tuple[int, int], present: bool, at: datetime) -> None:
        self._known[key] = (present, at)
        self._known.move_to_end(key)
        while len(self._known) > MAX_KNOWN:
            self._known.popitem(last=False)

    def seen(self, guild_id: int, user_id: int) -> None:
        """The member used a command, a button or a form in the server just now: if they were found
        gone, they are back (their next reminder names them again, after a look-up if one is due)."""
        key = (guild_id, user_id)
        known = self._known.get(key)
        if known is not None and not known[0]:
            del self._known[key]

    def gone(self, guild_id: int, user_id: int) -> None:
        """Discord said the member is not in the server (adding them to a thread, say)."""
        self._remember((guild_id, user_id), False, self._clock.now())

    def _settled(self, key: tuple[int, int], now: datetime) -> bool | None:
        known = self._known.get(key)
        if known is None:
            return None
        present, at = known
        if now - at > (PRESENT_FOR if present else GONE_FOR) or at > now:  # stale, or a clock set back
            return None
        return present

    def _take_tokens(self, wanted: int, now: datetime) -> int:
        """How many of ``wanted`` look-ups the process-wide rate allows now (those are spent)."""
        elapsed = max(0.0, (now - self._filled_at).total_seconds())  # a clock set back adds nothing
        self._tokens = min(float(self._burst), self._tokens + elapsed * self._per_second)
        self._filled_at = now
        granted = min(wanted, int(self._tokens))
        self._tokens -= granted
        return granted

    async def _ask(self, guild_id: int, user_id: int) -> bool | None:
        self.lookups += 1
        try:
            return await self._lookup(guild_id, user_id)
        except Exception:  # a look-up is a courtesy: never the reason a reminder fails
            log.exception("could not look up member %s of server %s", user_id, guild_id)
            return None

    async def still_here(self, guild_id: int, user_ids: Sequence[int]) -> list[int]:
        """``user_ids`` (in order) without the members known to have left; the first not known
        either way are looked up (all at once, within the per-reminder budget and the process-wide
        rate), and the rest kept as they were."""
        now = self._clock.now()
        settled = {user_id: self._settled((guild_id, user_id), now) for user_id in user_ids}
        unknown = list(dict.fromkeys(user_id for user_id in user_ids if settled[user_id] is None))
        asked = unknown[: self._take_tokens(min(len(unknown), self._budget), now)]
        answers = await asyncio.gather(*(self._ask(guild_id, user_id) for user_id in asked))
        answered_at = self._clock.now()
        for user_id, present in zip(asked, answers, strict=True):
            if present is not None:
                self._remember((guild_id, user_id), present, answered_at)
                settled[user_id] = present
        return [user_id for user_id in user_ids if settled[user_id] is not False]
