"""The worker pool dies with the bot however the pool was built, and after its fork server was lost
(session 40).

test_crash39_workers builds the pool on the main thread. The leash then was the kernel's
parent-death signal, which follows the *thread* that started the fork server, so it was set only
from the main thread: a pool built on another thread (a test's executor, a future start-up
path) got no leash at all, and neither did a fork server CPython started again after the first
one died (``connect_to_new_process`` restarts it from whichever thread asks, pebble's). A SIGKILL
of the bot then left the fork server and a worker spinning in a task no time limit bounds.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path

import pytest

from bot.worker import Workers, WorkLimitError
from tests.test_crash39_workers import assert_killed_owner_leaves_nothing, running
from tests.waiting import HANG_LIMIT, wait_until

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the leash and /proc are Linux's")

# A bot stand-in, as in test_crash39_workers, but the pool is built on a thread that has ended
# before any task runs ("thread"), or its first fork server is SIGKILLed and the pool used again
# ("server-lost"). It prints its pid, the fork server's and the spinning worker's.
OWNER = """
import asyncio, os, signal, sys, threading, time
from pathlib import Path
from bot.worker import Workers
from dogear_spin import spin, pid
def parent_of(child):
    return int(Path(f"/proc/{child}/stat").read_text().rsplit(") ", 1)[1].split()[1])
async def main(how, path):
    if how == "thread":
        built = []
        maker = threading.Thread(target=lambda: built.append(Workers(processes=2)))
        maker.start()
        maker.join()
        pool = built[0]
    else:
        pool = Workers(processes=2)
    first = await pool.run("Reading the pid", pid)
    if how == "server-lost":
        os.kill(parent_of(first), signal.SIGKILL)
        deadline = time.monotonic() + 60
        while True:
            try:
                again = await pool.run("Reading the pid", pid)
            except Exception:
                again = None
            if again is not None and again != first:
                break
            assert time.monotonic() < deadline, "the pool never came back"
            await asyncio.sleep(0.1)
    await asyncio.sleep(0.5)  # the thread that built the pool (or started a fork server) long gone
    spinning = asyncio.ensure_future(pool.run("Spinning", spin, path, time_limit=600))
    while not Path(path).exists() or not Path(path).read_text():
        await asyncio.sleep(0.01)
    busy = int(Path(path).read_text())
    print(os.getpid(), parent_of(busy), busy, flush=True)
    await spinning
asyncio.run(main(sys.argv[1], sys.argv[2]))
"""


@pytest.mark.parametrize("how", ["thread", "server-lost"])
def test_a_bot_killed_with_sigkill_leaves_no_worker_however_its_fork_server_started(tmp_path: Path, how: str) -> None:
    """The pool works (the thread that built it has ended, or its fork server was replaced), and a
    SIGKILL of its owner ends the fork server and every worker at once."""
    assert_killed_owner_leaves_nothing(tmp_path, OWNER, how)


def own_pid() -> int:
    return os.getpid()


def pid_then_sleep(path: str) -> None:
    Path(path).write_text(str(os.getpid()))
    time.sleep(600)


async def test_a_pool_whose_idle_worker_was_killed_runs_the_next_task() -> None:
    """The OOM killer (or anyone) SIGKILLs a worker while no task runs: pebble took that for "all
    workers expired" and marked the pool broken for good, so every later upload, scan and render
    failed with "Unexpected error within the Pool" until the bot restarted."""
    pool = Workers(processes=1)
    try:
        first = await pool.run("Reading the pid", own_pid)
        os.kill(first, signal.SIGKILL)
        await wait_until(lambda: not running(first), "the worker's end")
        await asyncio.sleep(0.5)  # the pool's manager sees the death (it polls)
        again = await pool.run("Reading the pid", own_pid)
        assert again != first and running(again)
    finally:
        pool.close()


async def test_a_worker_killed_mid_task_gets_the_command_a_clear_answer_and_the_pool_goes_on(tmp_path: Path) -> None:
    """As the OOM killer ends a worker deep in a scan: the task's caller gets a refusal it can show a
    member (a ``WorkLimitError``, not a traceback), and the next task runs on a new worker."""
    pool = Workers(processes=2)
    try:
        marker = tmp_path / "pid"
        busy = asyncio.ensure_future(pool.run("Scanning the story", pid_then_sleep, str(marker), time_limit=600))
        await wait_until(lambda: marker.exists() and bool(marker.read_text()), "the task to start")
        os.kill(int(marker.read_text()), signal.SIGKILL)
        with pytest.raises(WorkLimitError) as refused:
            await asyncio.wait_for(busy, HANG_LIMIT)
        assert str(refused.value).startswith("Scanning the story"), str(refused.value)
        assert (await pool.run("Reading the pid", own_pid)) != int(marker.read_text())
    finally:
        pool.close()
