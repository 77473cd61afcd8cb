"""The bot stopped (SIGSTOP) for longer than its lease and the gateway's heartbeat interval, then
continued (SIGCONT), as a laptop's sleep or a frozen VM does (session 40).

While it was stopped a discussion fell due. After SIGCONT it posts the discussion once, with its
thread and readers, keeps its lease (no other process took it: it renews rather than stopping),
answers a command, and stops cleanly.
"""

from __future__ import annotations

import asyncio
import signal
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.devtools.double import DiscordDouble
from bot.devtools.double.gateway import HEARTBEAT_INTERVAL_MS
from bot.devtools.double.state import ClubLayout
from bot.leases import LEASE_SECONDS
from tests.process.crash_kit import Bot, rows
from tests.process.test_crash35 import assert_discussion_posted_once, seed
from tests.process.test_post_crash import answers, command, crash_double
from tests.waiting import wait_until

__all__ = ["crash_double"]


async def test_a_bot_stopped_past_its_lease_and_heartbeat_posts_what_fell_due_once_and_goes_on(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    double, layout = crash_double
    database = tmp_path / "club.sqlite3"
    stopped_for = max(LEASE_SECONDS, HEARTBEAT_INTERVAL_MS / 1000) + 5
    await seed(database, layout, [datetime.now(UTC) + timedelta(seconds=20)])
    bot = Bot(double, layout, database)
    await bot.start()
    assert bot.process is not None
    bot.process.send_signal(signal.SIGSTOP)
    try:
        await asyncio.sleep(stopped_for)
    finally:
        bot.process.send_signal(signal.SIGCONT)
    await wait_until(lambda: rows(database, "SELECT state FROM discussions") == [("posted",)], bot.log)
    asked = command(double, layout, "story list")
    await wait_until(lambda: bool(answers(double, asked)), lambda: f"/story list after SIGCONT\n{bot.log()}")
    assert not bot.exited, bot.log()
    await assert_discussion_posted_once(double, layout, database, bot)
