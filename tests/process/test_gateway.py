"""A real bot process whose gateway cannot be reached: it gives up at start with one line, and
SIGTERM/SIGINT end it promptly while it is still trying (the REST API is the Discord double).
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.devtools.double import DiscordDouble
from tests.conftest import REPO_ROOT as PROJECT_ROOT
from tests.waiting import wait_for_exit, wait_until


@pytest.fixture
async def double() -> AsyncIterator[DiscordDouble]:
    double = DiscordDouble()
    await double.start()
    try:
        yield double
    finally:
        await double.stop()


def closed_port() -> int:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def start_bot(double: DiscordDouble, tmp_path: Path, gateway: str) -> tuple[asyncio.subprocess.Process, Path]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DEV_GUILD", "DATABASE_", "SHARD_"))}
    env.update(double.env(DATABASE_PATH=str(tmp_path / "db.sqlite3"), DISCORD_GATEWAY_URL=gateway))
    env.update(PYTHONUNBUFFERED="1", PYTHONPATH=str(PROJECT_ROOT), LOG_LEVEL="INFO")
    log_path = tmp_path / "bot.log"
    with log_path.open("wb") as log_file:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=tmp_path, env=env, stdout=asyncio.subprocess.DEVNULL, stderr=log_file
        )
    return process, log_path


async def wait_for_text(log_path: Path, text: str) -> None:
    await wait_until(lambda: text in log_path.read_text(), lambda: f"{text!r} in the log:\n{log_path.read_text()}")


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
async def test_a_signal_stops_the_bot_while_the_gateway_cannot_be_reached(
    double: DiscordDouble, tmp_path: Path, signum: signal.Signals
) -> None:
    process, log_path = await start_bot(double, tmp_path, f"ws://127.0.0.1:{closed_port()}/gateway")
    try:
        await wait_for_text(log_path, "could not connect to the gateway")
        process.send_signal(signum)
        await wait_for_exit(process)  # the count of attempts below shows it did not wait for the retries
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    log = log_path.read_text()
    assert process.returncode == 0, log
    assert "shutting down" in log and "database closed" in log
    assert "Traceback" not in log and "Session is closed" not in log, log
    failures = [line for line in log.splitlines() if "could not connect to the gateway" in line]
    assert 1 <= len(failures) <= 2, log  # one line per failed attempt


async def test_a_gateway_that_never_answers_ends_the_start_with_one_line(double: DiscordDouble, tmp_path: Path) -> None:
    gateway = f"ws://127.0.0.1:{closed_port()}/gateway"
    process, log_path = await start_bot(double, tmp_path, gateway)
    try:
        await wait_for_exit(process)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    log = log_path.read_text()
    assert process.returncode == 2, log
    assert "Traceback" not in log, log
    ours = [line for line in log.splitlines() if line.startswith("dogear: ")]
    assert ours == [log.splitlines()[-1]], log
    assert ours[0].startswith(f"dogear: DISCORD_GATEWAY_URL ({gateway}) could not be reached after 3 attempts")
    assert "connection refused" in ours[0]
    assert "Retrying" not in log  # discord.py's own endless retry is not used
