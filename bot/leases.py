"""One process at a time serves a shard of one database.

Every background job asks :class:`~bot.shards.ShardScope` which servers are its own, which keeps
two processes apart only when they were given different shards. Two processes with the same
shards on one database file (a deploy starting the new process before the old one stops, or a
copy started by mistake) would both resume the same excerpt posts and claim the same discussions.
So a process takes a lease on its shards before it connects: a row in ``process_leases``
(migration 0013) that it renews every :data:`RENEW_SECONDS` and deletes when it stops. A process
whose shards overlap a live lease waits, saying so, and takes over once the other stops, or
:data:`LEASE_SECONDS` after the other crashed (at once when the other ran on this machine and its
process is gone). A process that finds its lease taken (it was suspended past the lease, and
another took over) stops serving.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot.db import Database, SaidOnce, database_unusable
from bot.shards import ShardScope

log = logging.getLogger(__name__)

LEASE_SECONDS = 60.0  # how long a lease outlives its last renewal: a crashed holder's servers wait this long
RENEW_SECONDS = 15.0  # how often a holder renews; well inside the lease, so a slow write never loses it
WAIT_SECONDS = 5.0  # how often a waiting process asks again


def holder_name() -> str:
    """This process, as another one waiting for it names it in its log."""
    return f"pid {os.getpid()} on {socket.gethostname()} ({secrets.token_hex(3)})"


# The holders this process made. A row with this process's pid and another holder was written by
# an earlier process that had the same pid and died (a container's bot is pid 1 at every restart).
_MINE: set[str] = set()


def _gone(holder: str, host: str, pid: int) -> bool:
    """Whether the holder ran on this machine and its process no longer exists (it crashed)."""
    if host != socket.gethostname():
        return False
    if pid == os.getpid():
        return holder not in _MINE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # it exists, under another user
        return False
    return False


def _ids(text: str) -> frozenset[int]:
    return frozenset(int(part) for part in text.split(",") if part)


def overlaps(scope: ShardScope, shard_count: int, shard_ids: frozenset[int]) -> bool:
    """Whether two processes would act for some of the same servers (other shard counts always may)."""
    return shard_count != scope.shard_count or bool(scope.shard_ids & shard_ids)


@dataclass(slots=True)
class Lease:
    db: Database
    scope: ShardScope
    holder: str = field(default_factory=holder_name)
    now: Callable[[], float] = time.time

    def __post_init__(self) -> None:
        _MINE.add(self.holder)

    async def take(self) -> str | None:
        """Take or renew the lease; the other holder's name (nothing written) while a live one overlaps."""
        shard_ids = ",".join(str(shard) for shard in sorted(self.scope.shard_ids))
        async with self.db.transaction() as tx:
            now = self.now()
            rows = await tx.execute_fetchall(
                "SELECT holder, host, pid, shard_count, shard_ids FROM process_leases WHERE holder <> ? AND expires_at > ?",
                (self.holder, now),
            )
            for holder, host, pid, shard_count, ids in rows:
                if _gone(holder, host, pid):
                    await tx.execute("DELETE FROM process_leases WHERE holder = ?", (holder,))
                elif overlaps(self.scope, shard_count, _ids(ids)):
                    return str(holder)
            await tx.execute("DELETE FROM process_leases WHERE expires_at <= ? AND holder <> ?", (now, self.holder))
            await tx.execute(
                "INSERT INTO process_leases (holder, host, pid, shard_count, shard_ids, expires_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (holder) DO UPDATE SET expires_at = excluded.expires_at",
                (
                    self.holder,
                    socket.gethostname(),
                    os.getpid(),
                    self.scope.shard_count,
                    shard_ids,
                    now + LEASE_SECONDS,
                ),
            )
        return None

    async def release(self) -> None:
        """Let the next process in at once (a clean stop); a crash lets it in when the lease runs out."""
        await self.db.execute("DELETE FROM process_leases WHERE holder = ?", (self.holder,))


class LeaseLost(Exception):
    """Another process serves this process's shards now; the text says which."""


async def hold(lease: Lease, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
    """Return once the lease is this process's, waiting (and saying so once) while another holds it."""
    other = await lease.take()
    if other is None:
        return
    log.warning(
        "another Dogear process (%s) serves %s on this database; waiting for it to stop before connecting",
        other,
        lease.scope.describe(),
    )
    while other is not None:
        await sleep(WAIT_SECONDS)
        other = await lease.take()
    log.info("the other process stopped; this one serves %s now", lease.scope.describe())


async def keep(lease: Lease, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
    """Renew the lease for as long as the process runs; raise :class:`LeaseLost` when another took it.

    A renewal that fails (the database busy for longer than its timeout) is tried again at the next
    round: the lease has room for three of them.
    """
    refused = SaidOnce(log, "renewed this process's lease again: the database takes writes")
    while True:
        await sleep(RENEW_SECONDS)
        try:
            other = await lease.take()
        except Exception as error:
            why = database_unusable(error)
            if why is None:
                log.exception("could not renew this process's lease; trying again in %.0f s", RENEW_SECONDS)
            else:
                # A full disk, a read-only or damaged file lasts: one line, not a traceback every 15 s burying it.
                refused.refused(
                    why, "could not renew this process's lease: %s (%s); trying again every %.0f s",
                    why, " ".join(str(error).split()), RENEW_SECONDS,
                )  # fmt: skip
            continue
        refused.saved()
        if other is not None:
            raise LeaseLost(
                f"another Dogear process ({other}) took over {lease.scope.describe()} while this one was not"
                " renewing its lease (a suspend or a stall); stopping"
            )
