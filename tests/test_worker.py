"""The worker pool: results come back, a task past its time or memory budget is stopped, and
workers start with their own environment (glibc's malloc on huge pages)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.worker import WORKER_TUNABLES, Workers, WorkLimitError, in_thread_a_stop_leaves, worker_environment


def double(value: int) -> int:
    return value * 2


def spin_forever() -> None:
    while True:
        pass


def allocate(size: int) -> int:
    return len(bytearray(size))


def pid_then_spin(path: str) -> None:
    Path(path).write_text(str(os.getpid()))
    spin_forever()


def alive(pid: int) -> bool:
    """A process that still runs (a zombie its parent never reaped counts: it is an orphan's trace)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def tunables() -> str:
    return os.environ.get("GLIBC_TUNABLES", "")


@pytest.fixture
def workers():
    pool = Workers(processes=1, memory_bytes=512 * 1024 * 1024)
    yield pool
    pool.close()


async def test_result_comes_back(workers: Workers) -> None:
    assert await workers.run("Doubling", double, 21) == 42


async def test_a_task_past_its_time_limit_is_stopped_and_the_pool_goes_on(workers: Workers) -> None:
    with pytest.raises(WorkLimitError, match=r"Spinning took longer than 0\.5 seconds"):
        await workers.run("Spinning", spin_forever, time_limit=0.5)
    assert await workers.run("Doubling", double, 2) == 4


async def test_a_task_past_its_memory_budget_is_stopped(workers: Workers) -> None:
    with pytest.raises(WorkLimitError, match="more memory"):
        await workers.run("Allocating", allocate, 2 * 1024 * 1024 * 1024)
    assert await workers.run("Doubling", double, 3) == 6


async def test_a_worker_process_starts_with_the_worker_tunables(workers: Workers) -> None:
    assert WORKER_TUNABLES in (await workers.run("Reading the environment", tunables)).split(":")


def test_the_bot_keeps_its_own_environment_when_the_workers_start() -> None:
    before = os.environ.get("GLIBC_TUNABLES")
    pool = Workers(processes=1)
    try:
        assert os.environ.get("GLIBC_TUNABLES") == before
    finally:
        pool.close()


def test_the_worker_environment_keeps_what_is_set_and_adds_huge_pages_once() -> None:
    assert worker_environment({"PATH": "/bin"}) == {"PATH": "/bin", "GLIBC_TUNABLES": WORKER_TUNABLES}
    kept = worker_environment({"GLIBC_TUNABLES": "glibc.malloc.arena_max=2"})
    assert kept["GLIBC_TUNABLES"] == f"glibc.malloc.arena_max=2:{WORKER_TUNABLES}"
    assert worker_environment(kept) == kept
    # An operator who turned huge pages off keeps them off.
    assert (
        worker_environment({"GLIBC_TUNABLES": "glibc.malloc.hugetlb=0"})["GLIBC_TUNABLES"] == "glibc.malloc.hugetlb=0"
    )


async def test_stopping_the_pool_ends_its_workers_idle_or_busy(tmp_path: Path) -> None:
    """A stop must not wait for a task nobody waits for any more, nor leave its worker running."""
    pool = Workers(processes=2)
    idle = {await pool.run("Reading the pid", os.getpid) for _ in range(4)}
    busy = asyncio.ensure_future(pool.run("Spinning", pid_then_spin, str(tmp_path / "pid"), time_limit=60))
    for _ in range(500):  # up to 5 s for the task to start
        if (tmp_path / "pid").exists() and (tmp_path / "pid").read_text():
            break
        await asyncio.sleep(0.01)
    spinning = int((tmp_path / "pid").read_text())
    assert alive(spinning)
    started = time.monotonic()
    pool.close()
    assert time.monotonic() - started < 5  # generous: it kills, it does not wait out the 60 s
    assert not any(alive(pid) for pid in {*idle, spinning})
    busy.cancel()


async def test_a_thread_a_stop_leaves_gives_its_result_or_error_and_is_not_waited_for() -> None:
    assert await in_thread_a_stop_leaves("doubling", lambda: double(21)) == 42
    with pytest.raises(ZeroDivisionError):
        await in_thread_a_stop_leaves("failing", lambda: 1 // 0)
    waiting = asyncio.ensure_future(in_thread_a_stop_leaves("sleeping", lambda: time.sleep(3)))
    await asyncio.sleep(0.05)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(waiting, 1)  # cancelled at once, the thread left to itself


# A fresh process (the fork server is one per process, started by the first pool) whose pool preloads
# a module taking 2 s to import, as the shipped parsers and rules take seconds on a busy machine; it
# prints the longest the event loop went without running while the first task went out and came back.
FIRST_TASK = """
import asyncio, os, sys
from bot.worker import Workers
async def main():
    pool = Workers(processes=1, preload=["dogear_slow_preload"])
    loop = asyncio.get_running_loop()
    gaps = [0.0]
    async def tick():
        while True:
            before = loop.time()
            await asyncio.sleep(0.01)
            gaps[0] = max(gaps[0], loop.time() - before - 0.01)
    ticker = asyncio.create_task(tick())
    await asyncio.sleep(0.05)
    assert await pool.run("Reading the pid", os.getpid) != os.getpid()
    ticker.cancel()
    pool.close()
    print(f"{gaps[0]:.3f}")
asyncio.run(main())
"""


def test_the_first_task_does_not_hold_the_event_loop_while_the_workers_start(tmp_path: Path) -> None:
    """The pool starts its workers at its first task, and pebble starts them in the caller's thread:
    on the event loop, which then waited for the fork server to import the parsers and compile the
    rules (seconds; 41 s of "Can't keep up" from the gateway on a loaded machine at the first
    /story add after a start). Now the first task starts the pool on a thread of its own."""
    (tmp_path / "dogear_slow_preload.py").write_text("import time\ntime.sleep(2.0)\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(Path(__file__).resolve().parents[1])])}
    result = subprocess.run(
        [sys.executable, "-c", FIRST_TASK], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    longest = float(result.stdout.split()[-1])
    assert longest < 1.0, f"the event loop stood still {longest:.2f} s"  # generous: the import alone takes 2 s
