"""The double and the real bot on their own event loop in a background thread, shared by many tests."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from concurrent.futures import Future
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from bot.clock import ManualClock
from bot.devtools.double import DiscordDouble
from bot.devtools.double.limits import RateLimitRules
from bot.devtools.double.state import ClubLayout
from bot.devtools.driver.club import Club
from bot.devtools.driver.errors import DriverError
from bot.devtools.driver.timing import DEFAULT_TIME_SCALE, GUILD_READY_TIMEOUT, HANG_LIMIT, QUIET, SETTLE_TIMEOUT

T = TypeVar("T")

BUSY_TASK_PREFIXES = (
    "CommandTree-invoker",
    "discord-ui-view-dispatch",
    "discord-ui-modal-dispatch",
    "discord-ui-dynamic-item-",  # DynamicItem callbacks (buttons that survive restarts)
    "discord.py: ",
)


class LogCollector(logging.Handler):
    """Keeps ERROR records from the bot, cogs and discord.py so a test that caused one fails."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.split(".")[0] in ("bot", "cogs", "discord", "tests"):
            self.records.append(record)


class ClubRuntime:
    """The double and the bot on their own loop in a background thread; shared by many tests.

    ``env`` adds settings (e.g. ``{"MESSAGE_BUDGET": "500"}``); the token, API base, gateway URL,
    DATABASE_PATH and DEV_GUILD_ID are filled in. Only one double per process: discord.py's
    ``Route.BASE`` is process-wide.
    """

    def __init__(
        self,
        database_path: Path,
        *,
        env: Mapping[str, str] | None = None,
        time_scale: float = DEFAULT_TIME_SCALE,
        clock_start: datetime | None = None,
    ) -> None:
        self.database_path = database_path
        self.extra_env = dict(env or {})
        self.time_scale = time_scale
        self.clock = ManualClock(clock_start or datetime.now(UTC).replace(second=0, microsecond=0))
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self._run_loop, name="club-runtime", daemon=True)
        self.double: DiscordDouble
        self.home: ClubLayout
        self.bot: Any = None
        self.settings: Any = None
        self._connect_task: asyncio.Task[None] | None = None
        self.logs = LogCollector()
        self.starts = 0

    # -- thread plumbing
    def _run_loop(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_forever()

    def submit(self, coro: Coroutine[Any, Any, T]) -> Future[T]:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def call(self, coro: Coroutine[Any, Any, T], timeout: float = 2 * HANG_LIMIT) -> T:
        """Run ``coro`` on the runtime's loop and wait for it (from a thread without that loop)."""
        return self.submit(coro).result(timeout)

    async def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Await ``coro`` on the runtime's loop from any loop (or directly when already on it)."""
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is self.loop:
            return await coro
        return await asyncio.wrap_future(self.submit(coro))

    # -- lifecycle
    def start(self) -> None:
        logging.getLogger().addHandler(self.logs)
        self.thread.start()
        self.call(self._start())

    def stop(self) -> None:
        try:
            self.call(self._stop(), timeout=30)
            self.call(self._cancel_leftovers(), timeout=10)
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(timeout=10)
            self.loop.close()
            logging.getLogger().removeHandler(self.logs)

    async def _start(self) -> None:
        self.double = DiscordDouble(rate_rules=RateLimitRules(time_scale=self.time_scale))
        await self.double.start()
        self.double.state.wall_clock = lambda: self.clock.now().timestamp()
        self.home = self.double.state.create_club_guild("Dogear Development")
        await self._start_bot()

    def env(self) -> dict[str, str]:
        return self.double.env(
            DATABASE_PATH=str(self.database_path),
            DEV_GUILD_ID=str(self.home.guild.id),
            **self.extra_env,
        )

    async def _start_bot(self) -> None:
        from bot.client import build_bot
        from bot.settings import load_settings

        self.settings = load_settings(self.env())
        self.bot = await build_bot(self.settings, clock=self.clock)
        # discord.py waits this long after the last GUILD_CREATE for stragglers before READY; the
        # double sends every server at once, so the wait is test time scaled down like rate limits.
        self.bot._connection.guild_ready_timeout = GUILD_READY_TIMEOUT
        await self.bot.login(self.settings.require_token())
        self._connect_task = asyncio.create_task(self.bot.connect(), name="club-bot-connect")
        ready = asyncio.create_task(self.bot.wait_until_ready())
        done, _ = await asyncio.wait(
            {ready, self._connect_task}, timeout=HANG_LIMIT, return_when=asyncio.FIRST_COMPLETED
        )
        if ready not in done:
            ready.cancel()
            if self._connect_task in done:
                self._connect_task.result()
            raise RuntimeError(f"the bot did not become ready within {HANG_LIMIT:g} s")
        if self.settings.dev_guild_id and not self.bot.synced:
            raise RuntimeError("the bot did not sync its commands to DEV_GUILD_ID")
        self.starts += 1

    async def _stop_bot(self) -> None:
        if self.bot is not None:
            await self.bot.close()
        if self._connect_task is not None:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(self._connect_task, 10)
        self.bot = None

    async def _stop(self) -> None:
        await self._stop_bot()
        await self.double.stop()

    async def _cancel_leftovers(self) -> None:
        """Views' timeout tasks and the like outlive the bot; end them before the loop closes."""
        current = asyncio.current_task()
        leftovers = [t for t in asyncio.all_tasks() if t is not current and not t.done()]
        for task in leftovers:
            task.cancel()
        await asyncio.gather(*leftovers, return_exceptions=True)

    async def restart(self, while_down: Callable[[], Awaitable[Any]] | None = None) -> None:
        """Close the bot cleanly and build a new one on the same database and double.

        ``while_down`` (a no-argument async function) runs on the runtime's loop between the two:
        what happens on Discord while the bot is down, e.g. a poll ending. Gateway events sent
        then are lost, as on Discord: the new bot IDENTIFYs with a new session.
        """
        await self.run(self._restart(while_down))

    async def _restart(self, while_down: Callable[[], Awaitable[Any]] | None = None) -> None:
        await self._stop_bot()
        if while_down is not None:
            await while_down()
        await self._start_bot()

    # -- servers
    async def _join(self, name: str) -> ClubLayout:
        if self.bot is None or self.bot.is_closed():
            # An earlier test broke the bot (e.g. a failed restart): later tests get a fresh one.
            await self._stop_bot()
            await self._start_bot()
        layout = self.double.state.create_club_guild(name, commands_from=self.home.guild.id)
        self.double.state.add_bot_to_guild(layout.guild)
        await self._wait_for(lambda: self.bot.get_guild(layout.guild.id) is not None, f"the bot to see {name}")
        await self.settle()
        return layout

    def new_club(self, name: str = "Reading Club") -> Club:
        """A new server with the bot in it. Failures an earlier test arranged by route or for every
        route (a global 429 storm still owed) are dropped first: they are the double's, not a
        server's (by channel, each test has its own)."""
        self.double.state.route_failures.clear()
        self.double.state.route_hooks.clear()
        self.double.state.limiter.force_global(times=0)
        self.double.state.held_kinds.clear()  # events still held are sent with the next release
        return Club(self, self.call(self._join(name)))

    async def _wait_for(self, predicate: Callable[[], bool], what: str, limit: float = HANG_LIMIT) -> None:
        deadline = time.monotonic() + limit
        while not predicate():
            if time.monotonic() > deadline:
                raise DriverError(f"timed out after {limit:g} s waiting for {what}")
            await asyncio.sleep(0.005)

    def busy(self) -> int:
        """Command, view, modal and event-listener tasks still running in the bot.

        A task parked in ``View.wait()``, ``Modal.wait()`` or ``bot.wait_for()`` waits for a
        member, not for the bot: it does not count.
        """
        listeners = {id(future) for waiting in getattr(self.bot, "_listeners", {}).values() for future, _ in waiting}
        return sum(
            1
            for task in asyncio.all_tasks(self.loop)
            if not task.done()
            and task.get_name().startswith(BUSY_TASK_PREFIXES)
            and not _waits_for_member(task, listeners)
        )

    def _db_signature(self) -> tuple[int, int]:
        """Changes whenever the bot writes to SQLite (the WAL file grows or is touched)."""
        total_mtime = total_size = 0
        if self.settings is not None:
            for suffix in ("", "-wal"):
                try:
                    info = os.stat(f"{self.settings.database_path}{suffix}")
                except FileNotFoundError:
                    continue
                total_mtime += info.st_mtime_ns
                total_size += info.st_size
        return total_mtime, total_size

    async def settle(self, *, quiet: float = QUIET, limit: float = SETTLE_TIMEOUT) -> None:
        """Wait until no command task runs and the bot neither called the API nor wrote to its
        database for ``quiet`` seconds."""
        state = self.double.state
        deadline = time.monotonic() + limit
        signature = self._db_signature()
        last_write = time.monotonic()
        while True:
            await asyncio.sleep(0.005)
            now = time.monotonic()
            current = self._db_signature()
            if current != signature:
                signature, last_write = current, now
            if self.busy() == 0 and now - max(state.last_activity, last_write) >= quiet:
                return
            if now > deadline:
                raise DriverError(f"the bot kept working for more than {limit:g} s")


def _waits_for_member(task: asyncio.Task[Any], listeners: set[int]) -> bool:
    """Whether the task's await chain ends in discord.py waiting for a member's next action:
    ``View.wait()``/``Modal.wait()`` on the way, or a future ``bot.wait_for()`` registered."""
    awaiting: Any = task.get_coro()
    for _ in range(64):
        code = getattr(awaiting, "cr_code", None)
        if code is None:
            return id(awaiting) in listeners
        filename = code.co_filename.replace("\\", "/")
        if code.co_name == "wait" and filename.endswith(("/discord/ui/view.py", "/discord/ui/modal.py")):
            return True
        if code.co_name == "wait_for" and filename.endswith("/asyncio/tasks.py"):
            # bot.wait_for(..., timeout=...) wraps the listener's future in asyncio.wait_for.
            frame = getattr(awaiting, "cr_frame", None)
            if frame is not None and id(frame.f_locals.get("fut")) in listeners:
                return True
        awaiting = getattr(awaiting, "cr_await", None)
    return False
