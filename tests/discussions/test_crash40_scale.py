"""Scale after a restart: 1,000 reminders due at once (session 40).

The bot was down while the reminders of 1,000 servers' discussions (each an hour away) fell due; at
the start the timer takes them all at once. Each is posted once, none is lost or marked missed, no
discussion is posted early, and the event loop keeps answering meanwhile (the probe of
tests/loop_probe.py, the budget of test_crash39_scale). A reminder reads which members avoid a
warning of the chapters, which rescans a story whose scan is stale: in the bot's worker processes,
as here. Held already (7-9 s, the loop's longest stall 73-83 ms); with the scans on threads
instead (no pool registered) the GIL they hold stalled the loop 440-700 ms, which is why the pool
is registered for every path (``use_workers``).
"""

from __future__ import annotations

from datetime import UTC, datetime

from bot.client import WORKER_PRELOAD
from bot.db import Database
from bot.warnings.rules import default_ruleset
from bot.warnings.service import use_workers
from bot.worker import Workers
from tests.discussions.test_crash39_scale import (
    FIRST_GUILD,
    five_thousand_servers_due_in_one_minute,
    start_after_the_outage,
)

SERVERS = 1_000
HOUR = 3600


async def test_a_thousand_reminders_due_at_a_start_post_once_each_without_holding_the_loop(db: Database) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    await five_thousand_servers_due_in_one_minute(db, now)
    # A thousand of those servers: the discussion an hour away, its one-hour reminder fallen due in
    # the minute before now; the others' discussions gone.
    await db.execute("DELETE FROM discussions WHERE guild_id >= ?", (FIRST_GUILD + SERVERS,))
    await db.execute("UPDATE discussions SET due_at = due_at + ?, remind_offsets = ?", (HOUR, str(HOUR)))
    await db.execute(
        "INSERT INTO discussion_reminders (guild_id, discussion_id, offset_seconds, due_at, updated_at)"
        " SELECT guild_id, id, ?, due_at - ?, created_at FROM discussions",
        (HOUR, HOUR),
    )
    default_ruleset()  # read at the start, before the service, as the bot does (bot.client)
    workers = Workers(processes=2, preload=WORKER_PRELOAD)  # scans in worker processes, as the bot's
    use_workers(db, workers)
    await workers.run("Warming up", int)
    try:
        _, seconds, lags = await start_after_the_outage(db, now, SERVERS)
    finally:
        use_workers(db, None)
        workers.close()
    states = await db.fetch_all("SELECT state, count(*) AS n FROM discussion_reminders GROUP BY state")
    assert {row["state"]: row["n"] for row in states} == {"posted": SERVERS}
    discussions = await db.fetch_all("SELECT state, count(*) AS n FROM discussions GROUP BY state")
    assert {row["state"]: row["n"] for row in discussions} == {"scheduled": SERVERS}
    worst = max(lags)
    print(
        f"{SERVERS} reminders posted in {seconds:.1f} s; longest loop stall {worst * 1000:.0f} ms over {len(lags)} ticks"
    )
    assert worst < 0.25, f"the event loop stalled for {worst * 1000:.0f} ms"
