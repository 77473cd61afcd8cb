"""Leases on shards (bot/leases.py) on a real SQLite file: one process at a time serves a shard."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import sqlite3
import sys
from pathlib import Path

import pytest

from bot.db import Database, open_database
from bot.leases import LEASE_SECONDS, Lease, LeaseLost, hold, keep
from bot.shards import ShardScope

EVERYTHING = ShardScope()


class Clock:
    def __init__(self) -> None:
        self.value = 1_000.0

    def __call__(self) -> float:
        return self.value


@pytest.fixture
async def db(tmp_path: Path):
    database = await open_database(tmp_path / "leases.sqlite3")
    yield database
    await database.close()


def lease(db: Database, clock: Clock, name: str, scope: ShardScope = EVERYTHING) -> Lease:
    return Lease(db, scope, holder=name, now=clock)


async def test_a_second_process_for_the_same_servers_is_told_who_holds_them(db: Database) -> None:
    clock = Clock()
    first, second = lease(db, clock, "first"), lease(db, clock, "second")
    assert await first.take() is None
    assert await second.take() == "first"
    assert await first.take() is None  # renewing is taking again
    await first.release()
    assert await second.take() is None
    assert await first.take() == "second"


async def test_processes_with_other_shards_of_the_same_count_both_serve(db: Database) -> None:
    clock = Clock()
    zero = lease(db, clock, "zero", ShardScope.of(2, [0]))
    one = lease(db, clock, "one", ShardScope.of(2, [1]))
    assert await zero.take() is None and await one.take() is None
    assert await lease(db, clock, "all", ShardScope.of(2)).take() in ("zero", "one")
    assert await lease(db, clock, "three", ShardScope.of(3, [2])).take() in ("zero", "one")  # other count: may overlap


async def test_a_crashed_holder_lets_the_next_in_once_its_lease_runs_out(db: Database) -> None:
    clock = Clock()
    crashed, waiting = lease(db, clock, "crashed"), lease(db, clock, "waiting")
    assert await crashed.take() is None
    clock.value += LEASE_SECONDS - 1
    assert await waiting.take() == "crashed"
    clock.value += 2
    assert await waiting.take() is None
    assert await crashed.take() == "waiting"  # back from a suspend: it has lost its servers
    assert await db.fetch_value("SELECT count(*) FROM process_leases") == 1  # the stale row went


async def test_hold_waits_until_the_other_process_stops(db: Database) -> None:
    clock = Clock()
    old, new = lease(db, clock, "old"), lease(db, clock, "new")
    await old.take()
    naps: list[float] = []

    async def sleep(seconds: float) -> None:
        naps.append(seconds)
        if len(naps) == 3:
            await old.release()  # the old process stops cleanly

    await hold(new, sleep)
    assert len(naps) == 3
    assert await old.take() == "new"


async def test_keep_stops_the_process_that_lost_its_lease(db: Database) -> None:
    clock = Clock()
    mine, other = lease(db, clock, "mine"), lease(db, clock, "other")
    await mine.take()
    rounds = 0

    async def sleep(_: float) -> None:
        nonlocal rounds
        rounds += 1
        if rounds == 3:  # suspended past its lease, and another took over meanwhile
            clock.value += LEASE_SECONDS + 1
            assert await other.take() is None

    with pytest.raises(LeaseLost, match="another Dogear process \\(other\\) took over every server"):
        await keep(mine, sleep)
    assert rounds == 3


async def test_a_holder_that_crashed_on_this_machine_lets_the_next_in_at_once(db: Database) -> None:
    """Restarted after a crash by its service manager, the bot must not wait a minute for itself."""
    clock = Clock()
    finished = await asyncio.create_subprocess_exec(sys.executable, "-c", "pass")
    await finished.wait()
    dead_pid = finished.pid
    await db.execute(
        "INSERT INTO process_leases (holder, host, pid, shard_count, shard_ids, expires_at) VALUES (?, ?, ?, 1, '0', ?)",
        ("crashed", socket.gethostname(), dead_pid, clock.value + LEASE_SECONDS),
    )
    await db.execute(
        "INSERT INTO process_leases (holder, host, pid, shard_count, shard_ids, expires_at) VALUES (?, ?, ?, 2, '1', ?)",
        ("elsewhere", "another-machine", dead_pid, clock.value + LEASE_SECONDS),
    )
    assert await lease(db, clock, "restarted", ShardScope.of(2, [0])).take() is None
    assert await lease(db, clock, "second", ShardScope.of(2, [1])).take() == "elsewhere"  # cannot tell: waits


async def test_a_dead_holder_that_had_this_process_pid_does_not_keep_it_waiting(db: Database) -> None:
    """A restarted container's bot has the pid its crashed run had (pid 1, every time), on the same
    host: the crashed run's row looked alive (os.kill(pid, 0) found this very process), so the bot
    waited a whole lease, saying another process served its servers: itself. A row with this pid
    that this process did not write is an earlier process's, and gone."""
    clock = Clock()
    await db.execute(
        "INSERT INTO process_leases (holder, host, pid, shard_count, shard_ids, expires_at) VALUES (?, ?, ?, 1, '0', ?)",
        ("the crashed run", socket.gethostname(), os.getpid(), clock() + LEASE_SECONDS),
    )
    assert await lease(db, clock, "restarted").take() is None
    assert await db.fetch_value("SELECT group_concat(holder) FROM process_leases") == "restarted"


async def test_renewals_the_database_refuses_are_one_log_line_not_a_traceback_every_15_s(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    """The database stopped taking writes (a full disk, a read-only file; here SQLite's query_only,
    which refuses a write as a read-only file does): every renewal, every 15 s, logged "could not
    renew" with a traceback for as long as it lasted, burying the one line that says why."""
    mine = lease(db, Clock(), "mine")
    await mine.take()
    rounds = 0

    async def sleep(_: float) -> None:
        nonlocal rounds
        rounds += 1
        refusing = rounds < 5  # renewals 1 to 4 refused, the 5th taken
        await db.connection.execute(f"PRAGMA query_only = {int(refusing)}")
        if rounds == 6:
            raise asyncio.CancelledError  # the bot stops

    with caplog.at_level(logging.INFO, "bot.leases"), pytest.raises(asyncio.CancelledError):
        await keep(mine, sleep)
    said = [record for record in caplog.records if record.name == "bot.leases"]
    assert [record.levelno for record in said] == [logging.WARNING, logging.INFO], [r.getMessage() for r in said]
    assert not any(record.exc_info for record in said)
    assert "could not renew" in said[0].getMessage() and "read-only" in said[0].getMessage()
    assert await mine.take() is None


def point_leases_at(path: Path, rootpage: int | None) -> int:
    """Damage the file's ``process_leases`` table as a page overwritten under the bot does (its root
    page past the file's end), or put it back (``rootpage``); returns the real root page."""
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA writable_schema = ON")  # reads a damaged schema too
        real = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'process_leases'").fetchone()[0]
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        version = connection.execute("PRAGMA schema_version").fetchone()[0]
        connection.execute(
            "UPDATE sqlite_master SET rootpage = ? WHERE name = 'process_leases'",
            (pages + 50 if rootpage is None else rootpage,),
        )
        connection.execute(f"PRAGMA schema_version = {version + 1}")
        connection.commit()
    return int(real)


async def test_renewals_on_a_damaged_database_are_one_log_line_not_one_every_15_s(
    db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    """A database file damaged under the running bot: every renewal, every 15 s, logged "could not
    renew" (a traceback, made one line by the log's filter) for as long as the bot ran."""
    mine = lease(db, Clock(), "mine")
    await mine.take()
    real = point_leases_at(db.path, None)
    rounds = 0

    async def sleep(_: float) -> None:
        nonlocal rounds
        rounds += 1
        if rounds == 5:  # renewals 1 to 4 meet the damage; the file is restored before the 5th
            point_leases_at(db.path, real)
        if rounds == 6:
            raise asyncio.CancelledError  # the bot stops

    with caplog.at_level(logging.INFO, "bot.leases"), pytest.raises(asyncio.CancelledError):
        await keep(mine, sleep)
    said = [record for record in caplog.records if record.name == "bot.leases"]
    assert [record.levelno for record in said] == [logging.WARNING, logging.INFO], [r.getMessage() for r in said]
    assert not any(record.exc_info for record in said)
    assert "the database file is damaged" in said[0].getMessage()
