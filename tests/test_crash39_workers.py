"""The worker pool dies with the bot, however the bot ends (session 39).

A worker's time limit is kept by the bot: a worker left running after the bot was SIGKILLed runs
its task unbounded (a hostile upload's scan, a pattern stuck in a loop) on the CPU the restarted
bot needs. Each worker holds the fork server's "alive" pipe (CPython passes it to every child), so
the fork server did not notice the bot's death either while a worker lived: both stayed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.worker import die_with_parent
from tests.waiting import HANG_LIMIT

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a parent-death signal is Linux's")

# A bot stand-in: a pool of two workers, one spinning forever in a task with a 600 s limit; it
# prints its own pid, its fork server's and the spinning worker's, then waits to be killed.
OWNER = """
import asyncio, os, sys
from pathlib import Path
from bot.worker import Workers
from dogear_spin import spin, pid
async def main():
    pool = Workers(processes=2)
    await pool.run("Reading the pid", pid)
    spinning = asyncio.ensure_future(pool.run("Spinning", spin, sys.argv[1], time_limit=600))
    while not Path(sys.argv[1]).exists() or not Path(sys.argv[1]).read_text():
        await asyncio.sleep(0.01)
    busy = int(Path(sys.argv[1]).read_text())
    server = int(Path(f"/proc/{busy}/stat").read_text().rsplit(") ", 1)[1].split()[1])
    print(os.getpid(), server, busy, flush=True)
    await spinning
asyncio.run(main())
"""

SPIN = """
import os
from pathlib import Path
def pid():
    return os.getpid()
def spin(path):
    Path(path).write_text(str(os.getpid()))
    while True:
        pass
"""


def running(pid: int) -> bool:
    """Alive and not a zombie (an orphan's zombie, left for init to reap, runs nothing)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def children(parent: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        try:
            if entry.isdigit() and int(Path(f"/proc/{entry}/stat").read_text().rsplit(") ", 1)[1].split()[1]) == parent:
                found.append(int(entry))
        except OSError:
            continue
    return found


def assert_killed_owner_leaves_nothing(tmp_path: Path, owner_code: str, *args: str) -> None:
    """Run ``owner_code`` (a pool's owner that prints its pid, its fork server's and a spinning
    worker's), SIGKILL it, and check its fork server and every worker end at once."""
    (tmp_path / "dogear_spin.py").write_text(SPIN)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(Path(__file__).resolve().parents[1])])}
    owner = subprocess.Popen(
        [sys.executable, "-c", owner_code, *args, str(tmp_path / "pid")],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    left: list[int] = []
    try:
        assert owner.stdout is not None
        line = owner.stdout.readline()
        assert line, owner.stderr.read() if owner.stderr else ""
        _, server, busy = (int(part) for part in line.split())
        left = [server, *children(server)]
        assert busy in left and all(running(pid) for pid in left)
        owner.send_signal(signal.SIGKILL)
        owner.wait(timeout=HANG_LIMIT)
        deadline = time.monotonic() + 5.0  # generous: the leash ends them as the owner dies
        while any(running(pid) for pid in left) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not [pid for pid in left if running(pid)], (
            f"still running of the fork server and its workers {left}: busy {busy}"
        )
    finally:
        owner.kill()
        owner.wait()
        for pid in left:  # an orphan the old code left: not on the next test's CPU
            if running(pid):
                os.kill(pid, signal.SIGKILL)


def test_a_bot_killed_with_sigkill_leaves_no_worker_and_no_fork_server(tmp_path: Path) -> None:
    """SIGKILL of the process that owns the pool: its busy worker, its idle worker and its fork
    server are gone at once, not when the spinning task ends (never, here)."""
    assert_killed_owner_leaves_nothing(tmp_path, OWNER)


def test_a_process_whose_parent_is_gone_before_it_is_tied_to_it_ends_itself() -> None:
    """The race a parent-death signal leaves: the parent died between the fork and the ``prctl``,
    so no signal will ever come; the check of the parent after it ends the process instead."""
    child = os.fork()
    if child == 0:  # pragma: no cover - the child
        try:
            die_with_parent(os.getppid() + 1_000_000)  # a parent it does not have: as if reparented
        finally:
            os._exit(0)  # reached only if it did not end itself
    _, status = os.waitpid(child, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status


def test_a_process_tied_to_its_live_parent_goes_on() -> None:
    child = os.fork()
    if child == 0:  # pragma: no cover - the child
        die_with_parent(os.getppid())
        os._exit(7)
    _, status = os.waitpid(child, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 7, status
