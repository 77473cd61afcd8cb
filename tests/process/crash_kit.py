"""A real ``dogear run`` process killed (or stopped) at an exact point, for the crash tests.

``KILLED_AT`` runs the bot as ``python -m bot`` does, with one function wrapped: on its N-th
call the process sends itself a signal, before the call or after it returns. SIGKILL then ends
the process on the spot (no shutdown code, nothing flushed), exactly between two steps of the
code, so a test does not race the work it cuts. The spec is one environment variable,
``DOGEAR_KILL_AT=module:Owner.name@N:before|after:SIGNAL``. ``DOGEAR_STALL_AT=module:Owner.name@N:before|after:SECONDS``
makes a coroutine's N-th call wait that long (a command still running when a stop comes).
"""

from __future__ import annotations

import asyncio
import os
import resource
import signal
import sqlite3
import sys
import time
from pathlib import Path

from bot.devtools.double import DiscordDouble
from bot.devtools.double.state import ClubLayout
from tests.conftest import REPO_ROOT as PROJECT_ROOT
from tests.waiting import wait_for_exit, wait_until

KILLED_AT = """
import asyncio, functools, importlib, inspect, os, signal, sys, time
def wrap(spec, act, sync_act):
    where, at, when, arg = spec.rsplit("@", 1)[0], *spec.rsplit("@", 1)[1].split(":")
    module_name, path = where.split(":")
    owner = importlib.import_module(module_name)
    *owners, name = path.split(".")
    for part in owners:
        owner = getattr(owner, part)
    real = getattr(owner, name)
    calls = []
    def counted():
        calls.append(1)
        return len(calls) == int(at)
    if inspect.iscoroutinefunction(real):
        @functools.wraps(real)
        async def wrapped(*args, **kwargs):
            hit = counted()
            if hit and when == "before":
                await act(arg)
            result = await real(*args, **kwargs)
            if hit and when == "after":
                await act(arg)
            return result
    else:
        @functools.wraps(real)
        def wrapped(*args, **kwargs):
            hit = counted()
            if hit and when == "before":
                sync_act(arg)
            result = real(*args, **kwargs)
            if hit and when == "after":
                sync_act(arg)
            return result
    setattr(owner, name, wrapped)
def fire(sent):
    os.kill(os.getpid(), getattr(signal, sent))
async def fire_async(sent):
    fire(sent)
async def stall(seconds):
    await asyncio.sleep(float(seconds))
if os.environ.get("DOGEAR_STALL_AT"):
    wrap(os.environ["DOGEAR_STALL_AT"], stall, lambda seconds: time.sleep(float(seconds)))
if os.environ.get("DOGEAR_KILL_AT"):
    wrap(os.environ["DOGEAR_KILL_AT"], fire_async, fire)
from bot.launch import main
sys.argv = ["dogear", *sys.argv[1:]]
sys.exit(main())
"""

BAD_LOG = ("Traceback", "Task was destroyed", "Unclosed client session", "Unclosed connector")


class Bot:
    """One ``dogear run`` process against the double; ``kill_at`` as in ``DOGEAR_KILL_AT``."""

    def __init__(
        self,
        double: DiscordDouble,
        layout: ClubLayout,
        database: Path,
        *,
        kill_at: str | None = None,
        stall_at: str | None = None,
        log_through_pipe: bool = False,
        **env: str,
    ) -> None:
        base = {
            k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DEV_GUILD", "DATABASE_", "SHARD_"))
        }
        base.update(double.env(DATABASE_PATH=str(database), DEV_GUILD_ID=str(layout.guild.id), LOG_LEVEL="INFO"))
        base.update(PYTHONUNBUFFERED="1", PYTHONPATH=str(PROJECT_ROOT), **env)
        if kill_at:
            base["DOGEAR_KILL_AT"] = kill_at
        if stall_at:
            base["DOGEAR_STALL_AT"] = stall_at
        self.env = base
        self.double = double
        self.stderr = database.parent / f"bot-{time.monotonic_ns()}.err"
        self.process: asyncio.subprocess.Process | None = None
        # A pipe, copied to the file by this process: a bot whose disk is "full" (disk_full) cannot
        # write a file, its log included, but a pipe is no file.
        self.log_through_pipe = log_through_pipe
        self.copier: asyncio.Task[None] | None = None

    async def launch(self) -> None:
        if self.log_through_pipe:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, "-c", KILLED_AT, cwd=PROJECT_ROOT, env=self.env,
                stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
            )  # fmt: skip
            self.copier = asyncio.create_task(self._copy_log())
            return
        with self.stderr.open("wb") as err:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, "-c", KILLED_AT, cwd=PROJECT_ROOT, env=self.env,
                stdout=asyncio.subprocess.DEVNULL, stderr=err,
            )  # fmt: skip

    async def _copy_log(self) -> None:
        assert self.process is not None and self.process.stderr is not None
        with self.stderr.open("ab") as copy:
            while line := await self.process.stderr.readline():
                copy.write(line)
                copy.flush()

    def disk_full(self, full: bool = True) -> None:
        """From now on every write of the bot to a file fails (the file size limit, 0), as on a full
        disk: SQLite's "disk I/O error" (EFBIG) where ENOSPC gives "database or disk is full". Python
        ignores SIGXFSZ, so the write fails rather than the process ending. ``False`` frees the disk."""
        assert self.process is not None and self.log_through_pipe, "a full disk needs log_through_pipe"
        _, hard = resource.prlimit(self.process.pid, resource.RLIMIT_FSIZE)
        resource.prlimit(self.process.pid, resource.RLIMIT_FSIZE, (0 if full else hard, hard))

    async def start(self) -> None:
        """Launched, and connected (its commands synced)."""
        syncs = len(self.double.state.command_syncs)
        await self.launch()
        await wait_until(
            lambda: len(self.double.state.command_syncs) > syncs or self.exited,
            lambda: f"the bot to sync\n{self.log()}",
        )
        assert not self.exited, self.log()
        await wait_until(lambda: "connected as" in self.log() or self.exited, lambda: f"ready\n{self.log()}")

    @property
    def exited(self) -> bool:
        return self.process is not None and self.process.returncode is not None

    def log(self) -> str:
        return self.stderr.read_text(errors="replace") if self.stderr.exists() else ""

    async def died(self) -> int:
        """Wait for the process to end by itself (its planned kill)."""
        assert self.process is not None
        return await self._exit()

    async def _exit(self) -> int:
        assert self.process is not None
        code = await wait_for_exit(self.process)
        if self.copier is not None:
            await self.copier
        return code

    async def stop(self, how: signal.Signals = signal.SIGTERM) -> int:
        assert self.process is not None
        if self.process.returncode is None:
            self.process.send_signal(how)
        return await self._exit()

    def assert_clean(self) -> None:
        log = self.log()
        for bad in BAD_LOG:
            assert bad not in log, f"{bad!r} in the log:\n{log}"


def rows(database: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple]:
    with sqlite3.connect(database) as db:
        found = db.execute(sql, params).fetchall()
    db.close()
    return found


__all__ = ["KILLED_AT", "Bot", "rows", "wait_until"]
