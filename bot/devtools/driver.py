"""Drive the real bot through the Discord double the way members do: slash commands, buttons, modals.

The double and the bot run on their own event loop in a background thread (``ClubRuntime``),
built exactly as ``python -m bot`` builds them (``load_settings`` -> ``build_bot`` -> ``login`` ->
``connect``), so tests on any event loop can share one running bot. Each test gets a fresh
server (``Club``), which keeps tests independent: all club data is scoped by guild id.

Read ``tests/e2e/README.md`` first; the docstrings below are the reference.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import mimetypes
import os
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine, Iterator, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from bot.clock import ManualClock
from bot.devtools.double import DiscordDouble
from bot.devtools.double import permissions as P
from bot.devtools.double.limits import RateLimitRules
from bot.devtools.double.models import Channel, Guild, InteractionRecord, Member, Message, Role, ScheduledEvent, User
from bot.devtools.double.state import ClubLayout, DoubleState

T = TypeVar("T")
FileLike = Path | bytes | tuple[str, bytes]

# Test rate-limit window: Discord's 5 messages per 5 s, time-scaled so a 20-message chapter takes
# about a second instead of 20. ``ClubRuntime(time_scale=1.0)`` runs at Discord's real values.
DEFAULT_TIME_SCALE = 0.05
QUIET = 0.02  # seconds without REST traffic once no command task runs (commands spawn no untracked tasks)
ADVANCE_QUIET = 0.1  # the same after the clock moved (background timers are not tracked as tasks)
SETTLE_TIMEOUT = 30.0
GUILD_READY_TIMEOUT = 0.2  # discord.py's default is 2 s (see _start_bot)
BUSY_TASK_PREFIXES = (
    "CommandTree-invoker",
    "discord-ui-view-dispatch",
    "discord-ui-modal-dispatch",
    "discord-ui-dynamic-item-",  # DynamicItem callbacks (buttons that survive restarts)
    "discord.py: ",
)


class DriverError(AssertionError):
    """The test asked for something impossible (unknown command or option, missing button...)."""


class CommandNotVisible(DriverError):
    """Discord would not show this command to this member (``default_member_permissions``)."""


class InteractionFailed(AssertionError):
    """The bot did not answer in time, or deferred and never followed up."""

    def __init__(self, record: InteractionRecord) -> None:
        super().__init__(f"{record.describe()} failed: {record.failed}")
        self.record = record


# ---------------------------------------------------------------------------------------------- replies


@dataclass
class Reply:
    """A message the bot produced (or a modal it opened), as the member sees it.

    ``content``, ``embeds`` (dicts), ``ephemeral``, ``components`` (buttons/selects, flattened),
    ``attachments`` (with ``.filename`` and ``.data``), ``id``, and ``text``: content plus every
    embed's and text component's visible text, for simple ``in`` assertions.
    """

    message: Message | None = None
    modal: dict[str, Any] | None = None
    interaction: InteractionRecord | None = None

    @property
    def id(self) -> int:
        assert self.message is not None, "a modal has no message id"
        return self.message.id

    @property
    def content(self) -> str:
        return self.message.content if self.message else ""

    @property
    def embeds(self) -> list[dict[str, Any]]:
        return self.message.embeds if self.message else []

    @property
    def ephemeral(self) -> bool:
        return bool(self.message and self.message.ephemeral)

    @property
    def channel_id(self) -> int:
        assert self.message is not None
        return self.message.channel_id

    @property
    def attachments(self) -> list[Any]:
        return self.message.attachments if self.message else []

    @property
    def components(self) -> list[dict[str, Any]]:
        """Interactive components (buttons type 2, selects types 3/5-8, text inputs), flattened."""
        source = self.modal.get("components", []) if self.modal else (self.message.components if self.message else [])
        return [c for c in walk_components(source) if c.get("type") in (2, 3, 4, 5, 6, 7, 8)]

    @property
    def buttons(self) -> list[dict[str, Any]]:
        return [c for c in self.components if c.get("type") == 2]

    @property
    def labels(self) -> list[str]:
        return [str(c.get("label")) for c in self.buttons]

    @property
    def text(self) -> str:
        parts: list[str] = [self.content] if self.content else []
        for embed in self.embeds:
            for key in ("title", "description"):
                if embed.get(key):
                    parts.append(str(embed[key]))
            if (author := embed.get("author")) and author.get("name"):
                parts.append(author["name"])
            for fld in embed.get("fields") or []:
                parts.append(f"{fld.get('name', '')}\n{fld.get('value', '')}")
            if (footer := embed.get("footer")) and footer.get("text"):
                parts.append(footer["text"])
        source = self.message.components if self.message else []
        parts += [c["content"] for c in walk_components(source) if c.get("type") == 10 and c.get("content")]
        if self.modal:
            parts.append(str(self.modal.get("title", "")))
        return "\n".join(parts)

    @property
    def edits(self) -> int:
        return len(self.message.history) if self.message else 0

    def __repr__(self) -> str:
        if self.modal:
            return f"<Reply modal {self.modal.get('custom_id')!r} {self.modal.get('title')!r}>"
        flag = " ephemeral" if self.ephemeral else ""
        return f"<Reply{flag} {self.text[:80]!r}>"


def walk_components(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for item in items:
        yield item
        if isinstance(item.get("components"), list):
            yield from walk_components(item["components"])
        for key in ("component", "accessory"):
            if isinstance(item.get(key), dict):
                yield from walk_components([item[key]])


# ---------------------------------------------------------------------------------------------- runtime


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

    def call(self, coro: Coroutine[Any, Any, T], timeout: float = 60.0) -> T:
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
        done, _ = await asyncio.wait({ready, self._connect_task}, timeout=30, return_when=asyncio.FIRST_COMPLETED)
        if ready not in done:
            ready.cancel()
            if self._connect_task in done:
                self._connect_task.result()
            raise RuntimeError("the bot did not become ready within 30 s")
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
        return Club(self, self.call(self._join(name)))

    async def _wait_for(self, predicate: Callable[[], bool], what: str, limit: float = 10.0) -> None:
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


# ---------------------------------------------------------------------------------------------- clock


class ClubClock:
    """The bot's ManualClock, usable from the test's loop. ``manual`` is the ManualClock itself.

    Advancing it also moves the double's clock (interaction tokens expire after 15 minutes)
    and then waits for the bot to finish what the new time started.
    """

    def __init__(self, runtime: ClubRuntime) -> None:
        self.runtime = runtime
        self.manual = runtime.clock

    def now(self) -> datetime:
        return self.manual.now()

    @property
    def sleeping(self) -> int:
        return self.manual.sleeping

    async def advance(self, delta: timedelta | float) -> None:
        seconds = delta.total_seconds() if isinstance(delta, timedelta) else float(delta)
        await self.runtime.run(self._advance(seconds))

    async def _advance(self, seconds: float) -> None:
        self.runtime.double.state.advance(seconds)
        await self.manual.advance(seconds)
        # Discord ends polls on time: their end events go out whether or not the bot is connected.
        self.runtime.double.state.expire_due_polls()
        # Timers woken by the new time run in tasks of their own: give them a longer quiet period.
        await self.runtime.settle(quiet=ADVANCE_QUIET)

    async def set(self, when: datetime) -> None:
        await self.advance(max(0.0, (when - self.manual.now()).total_seconds()))


# ---------------------------------------------------------------------------------------------- club


@dataclass
class Club:
    """One server with the bot in it, and everything a test does there.

    Attributes (double models with ``.id``, ``.name``/``.user``, ``.mention()``): ``guild``,
    ``text_channel`` (#reading-room), ``general_channel``, ``forum_channel`` (#discussions, a forum),
    ``locked_channel`` (#announcements: the bot may not send there), ``hidden_channel`` (the bot
    cannot see it), ``admin`` (Manage Server etc.), ``moderator`` (Manage Messages/Events/Threads),
    ``member``, ``other_member``, ``closed_dm_member`` (DMs closed: 50007), ``owner``, ``bot_user``,
    ``club_role`` (Readers), ``admin_role``, ``moderator_role``, ``bot_role``.
    """

    runtime: ClubRuntime
    layout: ClubLayout
    _start_index: int = 0
    _log_index: int = 0
    _interactions: list[InteractionRecord] = field(default_factory=list)
    allow_log_errors: bool = False

    def __post_init__(self) -> None:
        self._start_index = len(self.runtime.double.state.requests)
        self._log_index = len(self.runtime.logs.records)
        self.clock = ClubClock(self.runtime)
        lay = self.layout
        self.guild: Guild = lay.guild
        self.text_channel: Channel = lay.text_channel
        self.general_channel: Channel = lay.general_channel
        self.forum_channel: Channel = lay.forum_channel
        self.locked_channel: Channel = lay.locked_channel
        self.hidden_channel: Channel = lay.hidden_channel
        self.admin: Member = lay.admin
        self.moderator: Member = lay.moderator
        self.member: Member = lay.member
        self.other_member: Member = lay.other_member
        self.closed_dm_member: Member = lay.closed_dm_member
        self.owner: Member = lay.owner
        self.club_role: Role = lay.club_role
        self.admin_role: Role = lay.admin_role
        self.moderator_role: Role = lay.moderator_role
        self.bot_role: Role = lay.bot_role

    # -- handles
    @property
    def double(self) -> DiscordDouble:
        return self.runtime.double

    @property
    def state(self) -> DoubleState:
        return self.runtime.double.state

    @property
    def bot(self) -> Any:
        """The running DogearBot (read attributes; run coroutines on it with :meth:`run`)."""
        return self.runtime.bot

    @property
    def bot_user(self) -> User:
        return self.state.bot_user

    @property
    def requests(self) -> list[Any]:
        """REST requests made since this test started."""
        return self.state.requests[self._start_index :]

    @property
    def rate_limited(self) -> list[Any]:
        """429s answered since this test started (``.retried`` says whether discord.py retried)."""
        return [r for r in self.requests if r.status == 429]

    async def run(self, coro: Coroutine[Any, Any, T] | Callable[[], Awaitable[T]]) -> T:
        """Run a coroutine on the bot's loop, e.g. ``await club.run(get_settings(club.bot.db, club.guild.id))``."""
        if callable(coro):
            return await self.runtime.run(_call(coro))
        return await self.runtime.run(coro)

    @contextlib.contextmanager
    def expect_errors(self, status: int | None = None, code: int | None = None) -> Iterator[list[Any]]:
        """Mark 4xx answers inside the block as intended (they would otherwise fail the test).

        Yields the list of matching requests, filled when the block ends; at least one must occur.
        """
        begin = len(self.state.requests)
        matched: list[Any] = []
        yield matched
        for record in self.state.requests[begin:]:
            wanted = (status is None or record.status == status) and (code is None or record.code == code)
            if 400 <= record.status < 500 and wanted:
                record.expected = True
                matched.append(record)
        if not matched:
            raise AssertionError(f"expected a {status or '4xx'} answer{f' with code {code}' if code else ''}, got none")

    async def settle(self, quiet: float = ADVANCE_QUIET) -> None:
        """Wait for background work: no command task running and no REST traffic for ``quiet`` s."""
        await self.runtime.run(self.runtime.settle(quiet=quiet))

    async def wait_for(self, predicate: Callable[[], bool], what: str = "the condition", limit: float = 5.0) -> None:
        """Wait until ``predicate()`` holds (checked on the bot's loop), e.g. a post in a channel."""
        await self.runtime.run(self.runtime._wait_for(predicate, what, limit=limit))

    # -- reading what happened
    def channel(self, channel: Channel | int) -> Channel:
        return self.state.channels[_id(channel)]

    def messages(self, channel: Channel | int | Reply, *, include_replies: bool = True) -> list[Reply]:
        """Messages in a channel or thread, oldest first (ephemeral answers excluded).

        With ``include_replies=False`` only messages the bot posted itself (not interaction answers).
        """
        channel_id = _id(channel) if not isinstance(channel, Reply) else channel.channel_id
        return [
            Reply(message=m)
            for m in self.state.channel_history(channel_id)
            if include_replies or m.interaction_id is None
        ]

    @property
    def threads(self) -> list[Channel]:
        """Threads and forum posts in this server, oldest first."""
        return [c for c in self.guild.live_channels() if c.is_thread]

    @property
    def events(self) -> list[ScheduledEvent]:
        """Scheduled events in this server (not deleted)."""
        return [e for e in list(self.guild.events.values()) if not e.deleted]

    def dms(self, member: Member | User) -> list[Reply]:
        """Direct messages the bot delivered to ``member``."""
        user = member.user if isinstance(member, Member) else member
        return [Reply(message=m) for m in self.state.dms_to(user)]

    # -- acting as members
    async def slash(
        self,
        command: str,
        *,
        member: Member | None = None,
        channel: Channel | int | None = None,
        file: FileLike | None = None,
        options: Mapping[str, Any] | None = None,
        **more_options: Any,
    ) -> list[Reply]:
        """Run ``/command`` (e.g. ``"story add"``, ``"warnings rules add"``) and return the bot's replies.

        Options are checked against the synced command (unknown names, missing required ones,
        wrong types and choices fail the test). ``file`` fills the attachment option. Members:
        ``club.admin`` by default. Waits until the bot finished (answered, deferred answers
        followed up, no command task running, REST quiet); raises :class:`InteractionFailed` if
        the bot missed the 3-second deadline or never followed up a deferral.

        An option whose name collides with ``member``, ``channel`` or ``options`` goes in the
        ``options`` dict: ``club.slash("excerpt post", member=club.admin, options={"channel": ch})``.
        """
        member = member or self.admin
        channel_model = self.channel(channel or self.text_channel)
        merged = {**(options or {}), **more_options}
        record = await self.runtime.run(self._slash(command, member, channel_model, file, merged))
        return await self._settle(record)

    async def _slash(
        self, command: str, member: Member, channel: Channel, file: FileLike | None, options: dict[str, Any]
    ) -> InteractionRecord:
        data = build_command_data(self.state, self.guild, command, member, channel, file, options, autocomplete=None)
        return self._dispatch(2, member, channel, data)

    async def autocomplete(
        self,
        command: str,
        option: str,
        typed: str,
        *,
        member: Member | None = None,
        channel: Channel | int | None = None,
        options: Mapping[str, Any] | None = None,
        **more_options: Any,
    ) -> list[dict[str, Any]]:
        """What the bot suggests while ``member`` types ``typed`` into ``option``: a list of choice dicts.

        Other options already filled in go as keywords or, on a name collision, in ``options``.
        """
        member = member or self.admin
        channel_model = self.channel(channel or self.text_channel)
        other_options = {**(options or {}), **more_options}

        async def go() -> InteractionRecord:
            data = build_command_data(
                self.state,
                self.guild,
                command,
                member,
                channel_model,
                None,
                other_options,
                autocomplete=(option, typed),
            )
            return self._dispatch(4, member, channel_model, data)

        record = await self.runtime.run(go())
        await self._settle(record)
        return list(record.choices or [])

    async def click(
        self, target: Reply | Message, custom_id_or_label: str, *, member: Member | None = None
    ) -> list[Reply]:
        """Press a button (by custom_id or label) on a reply or message; returns the bot's replies."""
        message = _message(target)
        button = _find_component(message.components, custom_id_or_label, types=(2,))
        if button.get("disabled"):
            raise DriverError(f"button {custom_id_or_label!r} is disabled")
        if button.get("style") == 5:
            raise DriverError(f"button {custom_id_or_label!r} is a link; Discord opens it, the bot is not told")
        data = {"custom_id": button["custom_id"], "component_type": 2}
        return await self._component(message, data, member)

    async def select(
        self, target: Reply | Message, custom_id: str, values: list[str], *, member: Member | None = None
    ) -> list[Reply]:
        """Choose ``values`` in a select menu; returns the bot's replies."""
        message = _message(target)
        menu = _find_component(message.components, custom_id, types=(3, 5, 6, 7, 8))
        if menu.get("type") == 3:
            allowed = {o["value"] for o in menu.get("options", [])}
            unknown = [v for v in values if v not in allowed]
            if unknown:
                raise DriverError(f"{unknown} are not options of {custom_id!r}: {sorted(allowed)}")
        low, high = menu.get("min_values", 1), menu.get("max_values", 1)
        if not low <= len(values) <= high:
            raise DriverError(f"{custom_id!r} takes {low}..{high} values, got {len(values)}")
        data = {"custom_id": menu["custom_id"], "component_type": menu["type"], "values": values}
        return await self._component(message, data, member)

    async def _component(self, message: Message, data: dict[str, Any], member: Member | None) -> list[Reply]:
        member = member or self.admin
        channel = self.state.channels[message.channel_id]

        async def go() -> InteractionRecord:
            return self._dispatch(3, member, channel, data, message=message)

        record = await self.runtime.run(go())
        return await self._settle(record)

    async def submit_modal(
        self, target: Reply | list[Reply], values: Mapping[str, str], *, member: Member | None = None
    ) -> list[Reply]:
        """Fill the modal the bot opened (``values`` by text input custom_id) and submit it."""
        reply = target[0] if isinstance(target, list) else target
        if not reply.modal or reply.interaction is None:
            raise DriverError(f"{reply!r} is not a modal")
        modal = reply.modal
        member = member or self.admin
        components = modal_submission(modal, dict(values))
        data = {"custom_id": modal["custom_id"], "components": components}
        origin = reply.interaction
        channel = self.state.channels[origin.channel_id]
        message = self.state.messages.get(origin.component_message_id or 0)

        async def go() -> InteractionRecord:
            return self._dispatch(5, member, channel, data, message=message)

        record = await self.runtime.run(go())
        return await self._settle(record)

    def _dispatch(
        self, kind: int, member: Member, channel: Channel, data: dict[str, Any], message: Message | None = None
    ) -> InteractionRecord:
        if member.guild_id != self.guild.id:
            raise DriverError(f"{member.user.username} is not a member of {self.guild.name}")
        if channel.deleted:
            raise DriverError(f"#{channel.name} was deleted")
        if channel.is_thread and channel.archived:
            raise DriverError(f"#{channel.name} is archived: Discord runs no app commands there")
        allowed = self.state.perms(channel, member.user.id)
        if not allowed & P.VIEW_CHANNEL or (kind in (2, 4) and not allowed & P.USE_APPLICATION_COMMANDS):
            raise DriverError(f"{member.user.username} cannot use commands in #{channel.name}")
        record = self.state.new_interaction(
            type=kind, guild=self.guild, channel=channel, user=member.user, data=data, message=message
        )
        self._interactions.append(record)
        self.double.dispatch_interaction(record)
        return record

    async def _settle(self, record: InteractionRecord) -> list[Reply]:
        await self.runtime.run(self._wait_settled(record))
        if record.failed:
            raise InteractionFailed(record)
        return self.replies(record)

    async def _wait_settled(self, record: InteractionRecord) -> None:
        state = self.state
        deadline = time.monotonic() + SETTLE_TIMEOUT
        while True:
            await asyncio.sleep(0.005)
            now = time.monotonic()
            if record.failed:
                return
            idle = self.runtime.busy() == 0 and now - state.last_activity >= QUIET
            if record.answered and idle:
                original = state.messages.get(record.original_message_id or 0)
                if record.response_type == 5 and original is not None and original.loading:
                    record.failed = "deferred, and never followed up or edited (the member sees 'thinking...' forever)"
                return
            if now > deadline:
                raise DriverError(f"{record.describe()} did not settle within {SETTLE_TIMEOUT:g} s")

    def replies(self, record: InteractionRecord) -> list[Reply]:
        """What the interaction produced: its answer, followups and updated messages, in order."""
        if record.modal is not None:
            return [Reply(modal=record.modal, interaction=record)]
        return [
            Reply(message=self.state.messages[mid], interaction=record)
            for mid in record.message_ids
            if not self.state.messages[mid].deleted
        ]

    # -- the world changing around the bot
    async def restart(self, while_down: Callable[[], Awaitable[Any]] | None = None) -> None:
        """Close the bot cleanly and start a new one on the same database (about half a second).

        ``while_down``: a no-argument async function run while no bot is connected, e.g.
        ``club.clock.advance(...)`` past a poll's end or ``club.end_poll(...)``; its gateway events are lost.
        """
        await self.runtime.restart(while_down)

    # -- native polls (see Poll in bot/devtools/double/models.py)
    def polls(self, channel: Channel | int | None = None) -> list[Reply]:
        """Messages carrying a poll, oldest first (in ``channel``, or anywhere in this server)."""
        if channel is not None:
            return [reply for reply in self.messages(channel) if reply.message and reply.message.poll]
        ids = {c.id for c in self.guild.live_channels()}
        return [
            Reply(message=m)
            for m in list(self.state.messages.values())
            if m.poll is not None and m.channel_id in ids and not m.deleted
        ]

    def poll_results(self, target: Reply | Message) -> dict[str, int]:
        """Votes per answer text, in answer order (as Discord shows them)."""
        poll = _message(target).poll
        if poll is None:
            raise DriverError("that message has no poll")
        return {poll.text_of(a): poll.count(a) for a in poll.answer_ids()}

    async def vote(self, target: Reply | Message, *answers: str | int, member: Member | None = None) -> None:
        """``member`` votes in a poll (answers by text or answer id), replacing their earlier vote.

        The double sends MESSAGE_POLL_VOTE_REMOVE / _ADD; waits for the bot to settle.
        """
        message = _message(target)
        poll = message.poll
        if poll is None:
            raise DriverError("that message has no poll")
        member = member or self.member
        chosen: list[int] = []
        for answer in answers:
            if isinstance(answer, int):
                chosen.append(answer)
                continue
            matches = [a for a in poll.answer_ids() if poll.text_of(a) == answer]
            if not matches:
                texts = [poll.text_of(a) for a in poll.answer_ids()]
                raise DriverError(f"the poll has no answer {answer!r}; it has {texts}")
            chosen.append(matches[0])
        if member.user.id not in self.guild.members:
            raise DriverError(f"{member.user.username} is not a member of {self.guild.name}")

        async def go() -> None:
            self.state.vote(message, member.user, chosen)
            await self.runtime.settle()

        await self.runtime.run(go())

    async def end_poll(self, target: Reply | Message, *, send_update: bool = True) -> bool:
        """Discord ends the poll now (as when its time runs out): MESSAGE_UPDATE with final counts and a
        POLL_RESULT message (type 46). ``send_update=False`` sends only the result message. False if it
        had already ended."""
        message = _message(target)

        async def go() -> bool:
            ended = self.state.finalize_poll(message, send_update=send_update)
            await self.runtime.settle()
            return ended

        return await self.runtime.run(go())

    # -- direct messages
    def set_dms_open(self, member: Member | User, is_open: bool) -> None:
        """Open or close a member's DMs (closed: sending to them gives 403 / 50007)."""
        user = member.user if isinstance(member, Member) else member
        user.dms_open = is_open

    async def add_guild(self, name: str = "Another Club") -> Club:
        """Invite the bot to a new server (GUILD_CREATE); returns a Club for it."""
        layout = await self.runtime.run(self.runtime._join(name))
        return Club(self.runtime, layout)

    async def remove_guild(self, guild: Guild | None = None) -> None:
        """Kick the bot from a server (GUILD_DELETE); default: this club's server."""
        target = guild or self.guild

        async def go() -> None:
            self.state.remove_bot_from_guild(target)
            await self.runtime._wait_for(lambda: self.bot.get_guild(target.id) is None, "the bot to leave")
            await self.runtime.settle()

        await self.runtime.run(go())

    async def delete_channel(self, channel: Channel | int) -> None:
        """Delete a channel or thread (CHANNEL_DELETE / THREAD_DELETE)."""
        model = self.channel(channel)

        async def go() -> None:
            self.state.delete_channel(model)
            await self.runtime._wait_for(
                lambda: self.bot.get_channel(model.id) is None, f"the bot to forget #{model.name}"
            )
            await self.runtime.settle()

        await self.runtime.run(go())

    async def drop_connection(self) -> None:
        """Close the gateway connection like a network blip; returns once the bot has resumed."""

        async def go() -> None:
            before = self.double.gateway.resumes
            await self.double.gateway.drop()
            await self.runtime._wait_for(lambda: self.double.gateway.resumes > before, "the bot to resume", limit=15)
            await self.runtime.settle()

        await self.runtime.run(go())

    async def set_overwrite(
        self, channel: Channel | int, target: Role | Member, *, allow: int = 0, deny: int = 0
    ) -> None:
        """Change a channel's permission overwrite (CHANNEL_UPDATE), e.g. deny the bot Send Messages."""
        from bot.devtools.double.models import Overwrite

        model = self.channel(channel)

        async def go() -> None:
            kind = 0 if isinstance(target, Role) else 1
            model.overwrites = [o for o in model.overwrites if o.id != target.id]
            model.overwrites.append(Overwrite(id=target.id, type=kind, allow=allow, deny=deny))
            self.state.dispatch("CHANNEL_UPDATE", model.to_dict())
            await self.runtime.settle()

        await self.runtime.run(go())

    async def set_role_permissions(self, role: Role, permissions: int) -> None:
        """Change what a role grants (GUILD_ROLE_UPDATE), e.g. take Create Events from ``club.bot_role``."""

        async def go() -> None:
            role.permissions = permissions
            self.state.dispatch("GUILD_ROLE_UPDATE", {"guild_id": str(self.guild.id), "role": role.to_dict()})
            await self.runtime.settle()

        await self.runtime.run(go())

    def inject_rate_limit(self, channel: Channel | int, times: int = 1) -> None:
        """The next ``times`` message creates in ``channel`` get 429, as when another process shares the bucket."""
        self.state.limiter.force(f"messages:{_id(channel)}", times)

    def forgive(self, record: InteractionRecord) -> None:
        """Accept a failed interaction the test provoked on purpose (it then does not fail the test)."""
        self._interactions.remove(record)

    def override_command_permissions(self, command: str) -> None:
        """Model a server admin opening a command to everyone in Server Settings -> Integrations.

        ``default_member_permissions`` then no longer hides it, so the bot's own check must refuse.
        """
        self.state.everyone_overrides[(self.guild.id, command.split()[0])] = True

    # -- teardown checks
    async def wait_idle(self) -> None:
        """Let pending interactions reach their deadline or answer, then let the bot finish."""

        async def go() -> None:
            deadline = time.monotonic() + self.state.interaction_deadline + 1
            while any(r.response_type is None and not r.failed for r in self._interactions):
                if time.monotonic() > deadline:
                    break
                await asyncio.sleep(0.01)
            await self.runtime.settle()

        await self.runtime.run(go())

    def problems(self) -> list[str]:
        """Everything that should fail this test: failed interactions, unexpected 4xx, lost 429s, error logs."""
        found: list[str] = []
        for record in self._interactions:
            if record.failed:
                found.append(f"{record.describe()} failed: {record.failed}")
        for request in self.state.requests[self._start_index :]:
            if request.status == 429:
                if not request.retried and not request.expected:
                    found.append(f"429 that was never retried: {request}")
            elif 400 <= request.status < 500 and not request.expected:
                found.append(
                    f"unexpected error answer: {request} (wrap the step in club.expect_errors(...) if intended)"
                )
        if not self.allow_log_errors:
            for log in self.runtime.logs.records[self._log_index :]:
                found.append(
                    f"the bot logged an error: {log.name}: {log.getMessage()}"
                    + (f" [{log.exc_info[1]!r}]" if log.exc_info and log.exc_info[1] else "")
                    + " (set club.allow_log_errors = True if intended)"
                )
        return found


async def _call(fn: Callable[[], Awaitable[T]]) -> T:
    return await fn()


def _id(obj: Any) -> int:
    if isinstance(obj, int):
        return obj
    if isinstance(obj, Member):
        return obj.user.id
    return int(obj.id)


def _message(target: Reply | Message) -> Message:
    message = target.message if isinstance(target, Reply) else target
    if message is None:
        raise DriverError(f"{target!r} has no message to click on")
    if message.deleted:
        raise DriverError("that message was deleted")
    return message


def _find_component(components: list[dict[str, Any]], key: str, *, types: tuple[int, ...]) -> dict[str, Any]:
    found = [c for c in walk_components(components) if c.get("type") in types]
    for component in found:
        if component.get("custom_id") == key:
            return component
    for component in found:
        if component.get("label") == key:
            return component
    available = [c.get("label") or c.get("custom_id") for c in found]
    raise DriverError(f"no component {key!r} on that message; it has {available}")


# ---------------------------------------------------------------------------------------------- payloads

OPTION_TYPES = {
    3: "string",
    4: "integer",
    5: "boolean",
    6: "user",
    7: "channel",
    8: "role",
    9: "mentionable",
    10: "number",
    11: "attachment",
}


def build_command_data(
    state: DoubleState,
    guild: Guild,
    command: str,
    member: Member,
    channel: Channel,
    file: FileLike | None,
    options: dict[str, Any],
    *,
    autocomplete: tuple[str, str] | None,
) -> dict[str, Any]:
    """The ``data`` of an INTERACTION_CREATE, built from the commands the bot synced."""
    path = command.strip().lstrip("/").split()
    if not path:
        raise DriverError("empty command name")
    visible = state.visible_commands(guild.id)
    top = next((c for c in visible if c["name"] == path[0]), None)
    if top is None:
        raise DriverError(f"no slash command /{path[0]}; the bot synced: {sorted(c['name'] for c in visible)}")
    required = top.get("default_member_permissions")
    if required is not None and not state.command_permission_override(guild.id, top["name"]):
        have = state.perms(channel, member.user.id)
        if int(required) & ~have:
            raise CommandNotVisible(
                f"Discord hides /{path[0]} from {member.user.username} (needs permissions {required});"
                " use club.override_command_permissions() to test the bot's own check"
            )
    node = top
    chain: list[dict[str, Any]] = []
    for part in path[1:]:
        subs = [o for o in node.get("options") or [] if o["type"] in (1, 2)]
        found = next((o for o in subs if o["name"] == part), None)
        if found is None:
            raise DriverError(f"/{' '.join(path)}: no subcommand {part!r}; there are {[o['name'] for o in subs]}")
        chain.append(found)
        node = found
    if any(o["type"] in (1, 2) for o in node.get("options") or []):
        names = [o["name"] for o in node["options"]]
        raise DriverError(f"/{' '.join(path)} is a group; pick one of {names}")
    schema = {o["name"]: o for o in node.get("options") or []}
    values = dict(options)
    if file is not None:
        attachment_options = [n for n, o in schema.items() if o["type"] == 11]
        if "file" in schema:
            values["file"] = file
        elif len(attachment_options) == 1:
            values[attachment_options[0]] = file
        else:
            raise DriverError(
                f"/{' '.join(path)} has attachment options {attachment_options}; name one instead of file="
            )
    resolved: dict[str, dict[str, Any]] = {}
    leaf: list[dict[str, Any]] = []
    for name, value in values.items():
        if name not in schema:
            raise DriverError(f"/{' '.join(path)} has no option {name!r}; its options are {sorted(schema)}")
        leaf.append({"type": schema[name]["type"], "name": name, "value": None, "_raw": value})
    if autocomplete is not None:
        focus, typed = autocomplete
        if focus not in schema:
            raise DriverError(f"/{' '.join(path)} has no option {focus!r}; its options are {sorted(schema)}")
        if not schema[focus].get("autocomplete"):
            raise DriverError(f"option {focus!r} of /{' '.join(path)} has no autocomplete")
        leaf = [o for o in leaf if o["name"] != focus]
        leaf.append({"type": schema[focus]["type"], "name": focus, "value": typed, "focused": True})
    else:
        missing = [n for n, o in schema.items() if o.get("required") and n not in values]
        if missing:
            raise DriverError(f"/{' '.join(path)} needs {missing}")
    for option in leaf:
        if "_raw" in option:
            raw = option.pop("_raw")
            option["value"] = convert_option(
                state, guild, member, schema[option["name"]], raw, channel, resolved, lenient=autocomplete is not None
            )
    # Discord sends options in the order of the command's definition.
    order = list(schema)
    leaf.sort(key=lambda o: order.index(o["name"]))
    options_tree: list[dict[str, Any]] = leaf
    for sub in reversed(chain):
        options_tree = [{"type": sub["type"], "name": sub["name"], "options": options_tree}]
    data: dict[str, Any] = {"id": top["id"], "name": top["name"], "type": 1}
    if options_tree:
        data["options"] = options_tree
    if top.get("guild_id"):
        data["guild_id"] = top["guild_id"]
    if resolved:
        data["resolved"] = resolved
    return data


def convert_option(
    state: DoubleState,
    guild: Guild,
    invoker: Member,
    schema: dict[str, Any],
    raw: Any,
    channel: Channel,
    resolved: dict[str, dict[str, Any]],
    *,
    lenient: bool,
) -> Any:
    kind = schema["type"]
    name = schema["name"]

    def fail(why: str) -> DriverError:
        return DriverError(f"option {name!r} ({OPTION_TYPES.get(kind, kind)}): {why}")

    if kind in (3, 4, 10):
        if kind == 3:
            if not isinstance(raw, str):
                raise fail(f"expected a string, got {raw!r}")
            value: Any = raw
            if not lenient:
                if len(raw) > 6000:
                    raise fail("Discord caps string options at 6000 characters")
                if "min_length" in schema and len(raw) < schema["min_length"]:
                    raise fail(f"shorter than min_length {schema['min_length']}")
                if "max_length" in schema and len(raw) > schema["max_length"]:
                    raise fail(f"longer than max_length {schema['max_length']}")
        elif kind == 4:
            if isinstance(raw, bool) or not isinstance(raw, int):
                raise fail(f"expected an integer, got {raw!r}")
            value = raw
        else:
            if isinstance(raw, bool) or not isinstance(raw, int | float):
                raise fail(f"expected a number, got {raw!r}")
            value = float(raw)
        if not lenient and kind != 3:
            if "min_value" in schema and value < schema["min_value"]:
                raise fail(f"below min_value {schema['min_value']} (Discord would not send it)")
            if "max_value" in schema and value > schema["max_value"]:
                raise fail(f"above max_value {schema['max_value']} (Discord would not send it)")
        if schema.get("choices") and not lenient:
            by_value = {c["value"]: c["value"] for c in schema["choices"]}
            by_name = {c["name"]: c["value"] for c in schema["choices"]}
            if value in by_value:
                return by_value[value]
            if value in by_name:
                return by_name[value]
            raise fail(f"{value!r} is not one of the choices {list(by_value)}")
        return value
    if kind == 5:
        if not isinstance(raw, bool):
            raise fail(f"expected True/False, got {raw!r}")
        return raw
    if kind in (6, 9) and isinstance(raw, Member | User):
        member = raw if isinstance(raw, Member) else guild.members.get(raw.id)
        user = raw.user if isinstance(raw, Member) else raw
        resolved.setdefault("users", {})[str(user.id)] = user.to_dict()
        if member is not None:
            data = member.to_dict(permissions=state.perms(channel, user.id))
            data.pop("user")
            resolved.setdefault("members", {})[str(user.id)] = data
        return str(user.id)
    if kind in (8, 9) and isinstance(raw, Role):
        resolved.setdefault("roles", {})[str(raw.id)] = raw.to_dict()
        return str(raw.id)
    if kind == 7:
        target = raw if isinstance(raw, Channel) else state.channels.get(int(raw))
        if target is None:
            raise fail(f"unknown channel {raw!r}")
        allowed = schema.get("channel_types")
        if allowed and target.type not in allowed:
            raise fail(f"#{target.name} has type {target.type}; the option accepts {allowed}")
        data = {
            "id": str(target.id),
            "name": target.name,
            "type": target.type,
            "permissions": str(state.perms(target, invoker.user.id)),
            "parent_id": str(target.parent_id) if target.parent_id else None,
            "flags": 0,
        }
        if target.is_thread:
            data["thread_metadata"] = target.to_dict()["thread_metadata"]
        resolved.setdefault("channels", {})[str(target.id)] = data
        return str(target.id)
    if kind == 11:
        filename, payload = file_parts(raw)
        ctype = mimetypes.guess_type(filename)[0]
        attachment = state.store_attachment(channel.id, filename, payload, ctype)
        data = attachment.to_dict()
        data["ephemeral"] = True
        resolved.setdefault("attachments", {})[str(attachment.id)] = data
        return str(attachment.id)
    raise fail(f"cannot pass {raw!r}")


def file_parts(raw: Any) -> tuple[str, bytes]:
    if isinstance(raw, Path):
        return raw.name, raw.read_bytes()
    if isinstance(raw, bytes | bytearray):
        return "upload.txt", bytes(raw)
    if isinstance(raw, tuple) and len(raw) == 2:
        name, data = raw
        return str(name), data.encode() if isinstance(data, str) else bytes(data)
    raise DriverError(f"a file is a Path, bytes or (name, bytes), not {type(raw).__name__}")


def modal_submission(modal: dict[str, Any], values: dict[str, Any]) -> list[dict[str, Any]]:
    """Mirror the modal's layout with the member's input, as Discord submits it.

    ``values`` are keyed by an input's custom_id or by its label; an input left out keeps its
    pre-filled value (as when the member submits without editing it).
    """
    remaining = dict(values)

    def take(component: dict[str, Any], label: str | None, default: Any) -> Any:
        for key in (component.get("custom_id"), component.get("label"), label):
            if key is not None and key in remaining:
                return remaining.pop(key)
        return default

    def fill(component: dict[str, Any], label: str | None = None) -> dict[str, Any] | None:
        kind = component.get("type")
        if kind == 1:
            inner = [x for x in (fill(c) for c in component.get("components") or []) if x is not None]
            return {"type": 1, "components": inner}
        if kind == 18:
            out = {"type": 18, "component": fill(component["component"], component.get("label"))}
            if "id" in component:
                out["id"] = component["id"]
            return out
        if kind == 4:
            custom_id = component["custom_id"]
            value = str(take(component, label, component.get("value") or ""))
            name = component.get("label") or label or custom_id
            if component.get("required", True) and not value:
                raise DriverError(f"text input {name!r} is required")
            low, high = component.get("min_length", 0), component.get("max_length", 4000)
            if value and not low <= len(value) <= high:
                raise DriverError(f"text input {name!r} takes {low}..{high} characters, got {len(value)}")
            return {"type": 4, "custom_id": custom_id, "value": value, "id": component.get("id", 0)}
        if kind in (3, 5, 6, 7, 8):
            chosen = take(component, label, [])
            return {
                "type": kind,
                "custom_id": component["custom_id"],
                "values": list(chosen),
                "id": component.get("id", 0),
            }
        if kind == 10:
            return {"type": 10, "id": component.get("id", 0)}
        return None

    components = [x for x in (fill(c) for c in modal.get("components") or []) if x is not None]
    if remaining:
        raise DriverError(f"the modal has no inputs {sorted(remaining)}")
    return components
