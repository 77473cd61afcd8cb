"""Stories scanned again after an upgrade, in the background, before members ask for them.

A new release with other shipped rules (or another scoring) makes every stored scan stale. Each
is made again when it is next read, but then a member waits for it: the first excerpt header,
reminder or ``/story info`` of every story of every server pays for a whole scan, and a
scheduled hour of discussions across thousands of servers would queue them all in the worker
pool at once. So once the bot is up, one pass walks the stored scans of this process's servers
in id order and scans the stale ones again, one at a time (the other workers stay free for what
members do meanwhile). A story a member reads during the pass is scanned once, by whichever
comes first (:func:`bot.warnings.service.refresh_stale`).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from bot.db import Database
from bot.shards import ShardScope
from bot.text import plural
from bot.warnings import service, store
from bot.worker import WorkLimitError

log = logging.getLogger(__name__)

BATCH = 50  # stale scans read per query


@dataclass(frozen=True, slots=True)
class Refreshed:
    """What one pass did: stories scanned again, and those whose scan ran past a worker's budget
    (they keep their old scan and are scanned again when next read, as before the pass)."""

    scanned: int = 0
    over_budget: int = 0


async def refresh_stale_scans(db: Database, scope: ShardScope, *, pause: float = 0.0) -> Refreshed:
    """One pass over this process's stored scans, scanning again each one made with older rules.

    ``pause`` seconds between two stories leave the event loop and the database to members on a
    busy process. A story removed or updated meanwhile is skipped by the rescan itself."""
    scanned = over_budget = 0
    after = 0
    defaults = service.rules_fingerprint()
    while True:
        batch = await store.stale_scans(db, defaults, scope.sql("s.guild_id"), after=after, limit=BATCH)
        if not batch:
            break
        for guild_id, story_id in batch:
            after = story_id
            try:
                scanned += await service.refresh_stale(db, guild_id, story_id)
            except WorkLimitError as error:
                log.warning("guild %s: story %s was not scanned again after the upgrade: %s", guild_id, story_id, error)
                over_budget += 1
            if pause:
                await asyncio.sleep(pause)
    if scanned or over_budget:
        log.info(
            "scanned %s again with this release's rules (%s left to be scanned when next read)",
            plural(scanned, "story", "stories"),
            over_budget,
        )
    return Refreshed(scanned, over_budget)
