"""The ``dogear`` command (also ``python -m bot``): start the bot, or run one of the offline tools."""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import errno
import gc
import importlib
import logging
import os
import re
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from bot.clock import SystemClock
from bot.db import DatabaseBusy, DatabaseError, StorageRefused, backup, database_damaged, storage_refused
from bot.errors import connection_problem
from bot.leases import Lease, LeaseLost, hold, keep
from bot.settings import ECHO_CHARS, Settings, SettingsError, load_settings
from bot.text import clip

if TYPE_CHECKING:
    import discord

    from bot.client import DogearBot, GatewayUnreachable

log = logging.getLogger("bot")
# After the first SIGTERM/SIGINT and the bot's close, how long the gateway task may take to end.
SHUTDOWN_SECONDS = 5.0

# Offline tools live in their own modules and parse their own arguments.
TOOLS: dict[str, str] = {
    "preview": "bot.tools.preview",
    "scan": "bot.tools.scan",
    "eval": "bot.tools.evaluate",
    "demo": "bot.tools.demo",
}

# What ``dogear --help`` lists: each subcommand with one line.
SUBCOMMANDS: tuple[tuple[str, str], ...] = (
    ("run", "start the bot (the default; syncs commands to DEV_GUILD_ID if set)"),
    ("sync", "sync slash commands globally, then exit"),
    ("backup PATH", "write a checked, consistent copy of the database to PATH"),
    ("preview PATH [--json] [--budget N]", "show what a story file would post, chapter by chapter"),
    ("scan PATH [--json] [--rules FILE]", "the content-warning report of a story file"),
    ("eval FILE.jsonl [--json] [--tier T]", "precision and recall of the warning rules on a labelled set"),
    ("demo [--story PATH]", "a scripted club evening against the local Discord double, no token needed"),
)


def version() -> str:
    """The installed distribution's version (the wheel's metadata, or the editable install's)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("dogear")
    except PackageNotFoundError:
        return "unknown (not installed)"


def usage() -> str:
    width = max(len(name) for name, _ in SUBCOMMANDS)
    lines = [
        "usage: dogear [COMMAND] [ARGS]   (the same as python -m bot)",
        "",
        "Dogear, a Discord bot for reading clubs. Settings come from the environment and from .env",
        "in the current folder: DISCORD_TOKEN=<your bot token> to connect; the README's Settings",
        "table lists the others, each with its default.",
        "",
        "commands:",
        *(f"  {name.ljust(width)}  {line}" for name, line in SUBCOMMANDS),
        "",
        f"  {'-h, --help'.ljust(width)}  show this list",
        f"  {'--version'.ljust(width)}  print the version",
    ]
    return "\n".join(lines)


class OneLineConnectionErrors(logging.Filter):
    """discord.py logs every failed (re)connection with a full traceback; the reason in one line is enough.

    Anything else (a bug) keeps its traceback.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if error is not None and is_connection_error(error):
            _in_one_line(record, f"{type(error).__name__}: {connection_problem(error)}")
        return True


def _in_one_line(record: logging.LogRecord, detail: str) -> None:
    """``record``'s message with ``detail`` in brackets after it, and no traceback."""
    record.msg = f"{record.getMessage()} ({detail})"
    record.args = None
    record.exc_info = None
    record.exc_text = None


class OneLineStorageErrors(logging.Filter):
    """A write the disk or the database file refused (full, read-only: :func:`bot.db.storage_refused`),
    or a damaged database file, logged with its traceback, by any handler of any job: the reason in one line is enough. The same
    traceback at every retry of every job buried the line that says what to do. Anything else (a bug)
    keeps its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if (cause := _in_chain(error, storage_refused)) is not None:
            _in_one_line(record, f"could not save: {storage_refused(cause)}: {' '.join(str(cause).split())}")
        elif (cause := _in_chain(error, database_damaged)) is not None:
            # The same for a damaged file (every job meets it at each try): what to do is said once
            # by the first command that meets it (bot.client.report_error).
            _in_one_line(record, f"the database is damaged: {' '.join(str(cause).split())}")
        return True


def _in_chain(error: BaseException | None, test: Callable[[BaseException], object]) -> BaseException | None:
    """The first of ``error`` and what it was raised from (five deep at most) that ``test`` holds for."""
    seen = 0
    while error is not None and seen < 5:
        if test(error):
            return error
        error = error.__cause__ or error.__context__
        seen += 1
    return None


def is_connection_error(error: BaseException) -> bool:
    import aiohttp
    import discord

    kinds = (OSError, TimeoutError, aiohttp.ClientError, discord.ConnectionClosed, discord.GatewayNotFound)
    return isinstance(error, kinds)


# The loggers discord.py reports connection failures on (a filter applies to its own logger only).
CONNECTION_LOGGERS = ("discord.shard", "discord.client", "discord.gateway")


def configure_logging(level: int) -> None:
    logging.basicConfig(
        level=level,
        format="%(asctime)s %(levelname)-7s %(name)s: %(message)s",
        datefmt="%Y-%m-%d %H:%M:%S",
    )
    logging.getLogger("discord").setLevel(max(level, logging.INFO))
    for handler in logging.getLogger().handlers:  # a handler's filter sees every logger's records
        if not any(isinstance(known, OneLineStorageErrors) for known in handler.filters):
            handler.addFilter(OneLineStorageErrors())
    for name in CONNECTION_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(known, OneLineConnectionErrors) for known in logger.filters):
            logger.addFilter(OneLineConnectionErrors())


class DiscordUnreachable(SettingsError):
    """Discord itself (no DISCORD_API_BASE or DISCORD_GATEWAY_URL set) could not be reached at start.

    One line like a setting's, but exit status 1, not 2: a network or Discord outage passes, and
    the service manager (deploy/dogear.service restarts on failure, never after status 2) should
    try again rather than wait for an admin.
    """


def fail(message: str) -> int:
    print(f"dogear: {message}", file=sys.stderr)
    return 2


def unreachable(settings: Settings, error: BaseException) -> SettingsError:
    """The REST API could not be reached: one line saying where it tried and what to check."""
    reason = connection_problem(error)
    if settings.api_base:
        return SettingsError(
            "DISCORD_API_BASE",
            f"({settings.api_base}) could not be reached: {reason}",
            "check the address and port, and that the proxy or double there is running",
        )
    return DiscordUnreachable(
        "Discord",
        f"(https://discord.com/api/v10) could not be reached: {reason}",
        "check this machine's network connection, DNS and firewall",
    )


async def login(bot: DogearBot, settings: Settings, token: str) -> None:
    import aiohttp
    import discord

    try:
        await bot.login(token)
    except discord.LoginFailure:
        raise SettingsError(
            "DISCORD_TOKEN",
            "was rejected by Discord",
            "reset the token in the developer portal and paste the new one",
        ) from None
    except (TimeoutError, aiohttp.ClientConnectionError, OSError) as error:
        raise unreachable(settings, error) from None
    except discord.HTTPException as error:
        raise refused_login(settings, error) from None


def refused_login(settings: Settings, error: discord.HTTPException) -> SettingsError:
    """Logging in got an HTTP error other than 401: an address that is not Discord's API, or Discord failing.

    A configured DISCORD_API_BASE is a setting to fix (status 2); Discord's own error (a 5xx
    after discord.py's retries) passes, so the service manager tries again (status 1).
    """
    answer = f"answered HTTP {error.status} {error.response.reason or ''}".rstrip()
    if settings.api_base:
        return SettingsError(
            "DISCORD_API_BASE",
            f"({settings.api_base}) {answer} when logging in",
            "give the root of a Discord API, e.g. http://127.0.0.1:8080/api/v10, or leave it empty",
        )
    return DiscordUnreachable(
        "Discord",
        f"(https://discord.com/api/v10) {answer} when logging in",
        "try again later; see https://discordstatus.com",
    )


def refused_by_gateway(error: discord.ConnectionClosed) -> SettingsError:
    """The gateway closed for good (discord.py resumes every other close): say which setting to fix."""
    if error.code == 4011:
        return SettingsError(
            "SHARD_COUNT",
            "is too small: Discord requires more shards for this bot (gateway close code 4011)",
            "leave SHARD_COUNT empty to use Discord's recommended count, or raise it (about one per 1,000 servers)",
        )
    if error.code == 4010:
        return SettingsError(
            "SHARD_IDS",
            "were refused by Discord (gateway close code 4010, invalid shard)",
            "check SHARD_COUNT and SHARD_IDS",
        )
    if error.code == 4004:
        return SettingsError("DISCORD_TOKEN", "was rejected by the gateway", "reset the token and paste the new one")
    return SettingsError(
        "Discord",
        f"closed the gateway connection (code {error.code}: {error.reason or 'no reason given'})",
        "start again",
    )


def gateway_unreachable(settings: Settings, error: GatewayUnreachable) -> SettingsError:
    """No shard could open its gateway connection at start: one line naming the setting to check."""
    reason = connection_problem(error.error)
    if settings.gateway_url:
        return SettingsError(
            "DISCORD_GATEWAY_URL",
            f"({settings.gateway_url}) could not be reached after {error.attempts} attempts: {reason}",
            "check the address and port, and that the proxy or double there is running",
        )
    return DiscordUnreachable(
        "Discord's gateway",
        f"({error.gateway}) could not be reached after {error.attempts} attempts: {reason}",
        "check this machine's network connection, DNS and firewall, and https://discordstatus.com",
    )


class StoppedStarting(Exception):
    """SIGINT or SIGTERM came while the bot was starting (settings, the database opened and
    migrated, the workers started), before its own handlers took over: what was opened is closed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class StartSignals:
    """SIGINT and SIGTERM while :func:`run_bot` starts: the start is cancelled (the awaited step
    ends, each step closes what it opened, a migration's transaction is rolled back) and the signal
    is kept for the exit line and status. As :class:`asyncio.Runner` does for SIGINT, the handler
    cancels the task rather than raise where it happens to be. A migration's statement under way
    is interrupted (:func:`bot.db.migrate`) rather than waited for. A second signal changes
    nothing: another step under way (a file being read) ends first in any case."""

    def __init__(self) -> None:
        self.task: asyncio.Task[Any] | None = None
        self.signum: int | None = None
        # Set once the bot's own handlers have taken over: a signal after that is not one while starting.
        self.over = False

    def on_signal(self, signum: int, frame: object) -> None:
        if self.signum is None and self.task is not None:
            self.signum = signum
            self.task.cancel()
            self.task.get_loop().call_soon_threadsafe(lambda: None)  # wakes a loop waiting in select()


STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


async def run_bot(settings: Settings, *, sync_globally: bool = False, start: StartSignals | None = None) -> None:
    """Build dependencies, connect, and shut down cleanly on SIGINT or SIGTERM.

    A signal while starting (the database opened and migrated, the workers started) stops the
    start: what was opened is closed and :class:`StoppedStarting` says which signal it was. Once
    started, the first signal closes the bot (gateway, then database) whatever it is doing: waiting
    for another process's lease, logging in, connecting, waiting to retry, or connected. A second
    signal stops at once.
    """
    from bot.client import build_bot

    token = settings.require_token()
    loop = asyncio.get_running_loop()
    main_task = asyncio.current_task()
    assert main_task is not None
    start = StartSignals() if start is None else start
    start.task = main_task
    previous = {signum: signal.signal(signum, start.on_signal) for signum in STOP_SIGNALS}
    stop = asyncio.Event()

    def on_signal() -> None:
        if stop.is_set():  # a second signal: stop now, without waiting for the clean close
            log.warning("second signal: stopping now")
            main_task.cancel()
        stop.set()

    bot: DogearBot | None = None
    try:
        try:
            bot = await build_bot(settings, clock=SystemClock(), sync_globally=sync_globally)
            lease = Lease(bot.db, bot.shard_scope)
            # What start-up built lives as long as the process. Frozen out of the collector's
            # generations, it is never walked by a full collection, which runs on the event loop and
            # would otherwise stall it for a time that grows with the rules (100-200 ms measured).
            # Here, in the process's entry, not in build_bot, which tests call many times in one process.
            gc.collect()
            gc.freeze()
            for signum in STOP_SIGNALS:
                with contextlib.suppress(NotImplementedError):
                    loop.add_signal_handler(signum, on_signal)
            # A signal during the steps above that do not wait (they take tenths of a second) is
            # taken here, as one while starting.
            await asyncio.sleep(0)
            start.over = True
        except asyncio.CancelledError:
            if start.signum is None:
                raise
            if start.signum == signal.SIGTERM:
                log.info("shutting down")
            if bot is not None:
                await bot.close()
            raise StoppedStarting(start.signum) from None
        await serve_until_stopped(bot, lease, settings, token, stop, sync_globally=sync_globally)
    finally:
        for signum in STOP_SIGNALS:
            with contextlib.suppress(NotImplementedError):
                loop.remove_signal_handler(signum)
            signal.signal(signum, previous[signum])


async def serve_until_stopped(
    bot: DogearBot, lease: Lease, settings: Settings, token: str, stop: asyncio.Event, *, sync_globally: bool
) -> None:
    """Serve (or sync) until ``stop`` is set by a signal, then close the bot."""
    import discord

    from bot.client import GatewayUnreachable

    async with bot:

        async def serve() -> None:
            if sync_globally:
                await login(bot, settings, token)
                return
            # Before anything of the bot runs: another process serving these servers on this
            # database would otherwise resume the same posts and claim the same discussions.
            await hold(lease)
            bot.lease = lease
            keeper = bot.lease_keeper = asyncio.create_task(keep(lease), name="dogear-lease")
            try:
                await login(bot, settings, token)
                connection = asyncio.create_task(bot.connect(), name="dogear-connection")
                try:
                    await asyncio.wait({keeper, connection}, return_when=asyncio.FIRST_COMPLETED)
                    if keeper.done() and not keeper.cancelled():  # (close() cancels it: the connection says why)
                        keeper.result()  # LeaseLost: another process serves these servers now
                    await connection
                finally:
                    connection.cancel()
            finally:
                keeper.cancel()

        runner = asyncio.create_task(serve(), name="dogear-gateway")
        stopper = asyncio.create_task(stop.wait(), name="dogear-stop")
        try:
            done, _ = await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
            if stopper in done:
                log.info("shutting down")
                if bot.lease is None and not sync_globally:
                    # Still taking the lease (or waiting for another process to let it go): its
                    # transaction ends (rolled back) before close() closes the database under it.
                    runner.cancel()
                    await asyncio.wait({runner})
                await bot.close()
                # Closed, the gateway task ends by itself; one still logging in or between
                # attempts is cancelled rather than waited for.
                await asyncio.wait({runner}, timeout=SHUTDOWN_SECONDS)
                runner.cancel()
        finally:
            stopper.cancel()
            if not runner.done():
                runner.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await stopper
        try:
            with contextlib.suppress(asyncio.CancelledError):
                await runner
        except discord.ConnectionClosed as error:
            raise refused_by_gateway(error) from None
        except GatewayUnreachable as error:
            raise gateway_unreachable(settings, error) from None


BACKUP_EXAMPLE = "e.g. `dogear backup data/backup.sqlite3`"


def command_usage(command: str) -> str:
    """``dogear run --help`` and the like: the command's line from the list."""
    name, line = next((name, line) for name, line in SUBCOMMANDS if name.split()[0] == command)
    return f"usage: dogear {name}\n\n{line}"


def usage_mistake(command: str, rest: list[str]) -> str | None:
    """What is wrong with the arguments of ``run``, ``sync`` or ``backup`` (``None``: nothing)."""
    if command in ("run", "sync"):
        if not rest:
            return None
        what = "option" if rest[0].startswith("-") else "argument"
        return (
            f"{command} takes no arguments, not the {what} {clip(rest[0], ECHO_CHARS)!r}; run `dogear {command} --help`"
        )
    options = [arg for arg in rest[: options_end(rest)] if arg.startswith("-") and arg != "-"]
    if options:
        return f"backup has no option {clip(options[0], ECHO_CHARS)!r}; it takes one argument, the file to write, {BACKUP_EXAMPLE}"
    paths = arguments(rest)
    if len(paths) != 1:
        return f"backup needs one argument: the file to write, {BACKUP_EXAMPLE}"
    if not paths[0].strip():
        return f"backup needs a file name to write, not an empty one, {BACKUP_EXAMPLE}"
    if paths[0].endswith("/") or Path(paths[0]).name in ("", ".", ".."):
        return f"backup needs a file name to write, not the folder {clip(paths[0], ECHO_CHARS)!r}, {BACKUP_EXAMPLE}"
    return None


def arguments(rest: list[str]) -> list[str]:
    """The arguments that are not options: everything but the first ``--``."""
    end = options_end(rest)
    return [arg for index, arg in enumerate(rest) if index != end]


def options_end(rest: list[str]) -> int:
    """Where options may stand until: the first ``--``, or the end."""
    return rest.index("--") if "--" in rest else len(rest)


def main(argv: Sequence[str] | None = None) -> int:
    """The ``dogear`` entry point: a command's output piped into a reader that stopped early
    (``dogear preview story.txt | head``) ends the command quietly, not with a traceback; output
    that cannot be written (a full disk) and Ctrl-C in an offline command are one line each.

    The bot itself (``run``, ``sync``) writes nothing to stdout and shuts down cleanly on its
    own signal handlers; a broken pipe there is a socket's and keeps its traceback.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args else "run"
    if command in ("run", "sync"):
        return command_main(args)
    stdout, stderr = sys.stdout, sys.stderr
    if stdout is not None:  # None when started with stdout closed (`dogear scan x >&-`)
        sys.stdout = ShownControls(stdout)
    if stderr is not None:  # its one line may quote a file name, and a name can hold an ESC too
        sys.stderr = ShownControls(stderr)
    try:
        status = command_main(args)
        if stdout is not None:
            stdout.flush()  # here, where a reader that is gone can be caught, not at exit
    except BrokenPipeError:
        # Python flushes stdout again at exit and would report it failing: point it at /dev/null.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt as error:
        return interrupted(command, error)
    except OSError as error:
        if error.errno not in OUTPUT_ERRORS:
            raise
        return output_failed(error)
    except UnicodeEncodeError as error:
        if not is_output_encoding(error.encoding):
            raise
        return unshowable(error)
    finally:
        sys.stdout, sys.stderr = stdout, stderr
    return status


# What a story's text may hold that a terminal obeys rather than shows: C0 controls but the line
# break and the tab, DEL, C1 controls (U+009B is an escape sequence's start) and bidi overrides.
TERMINAL_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class ShownControls:
    """The offline tools' stdout: a hostile story's escape sequences (``&#x1b;[2K`` in an HTML file
    erases the line above, one a warning was on) are written as ``\\u001b``, never obeyed by the
    terminal. The notation is JSON's, so ``--json`` output stays valid and means the same."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(TERMINAL_CONTROLS.sub(lambda found: f"\\u{ord(found[0]):04x}", text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


# What writing stdout can fail with besides a broken pipe: the disk or quota is full, the
# file too large, a device error, or a descriptor not open for writing.
OUTPUT_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF})


class Terminated(KeyboardInterrupt):
    """SIGTERM during a backup (``systemctl stop``, a shutdown), raised as Ctrl-C is, so the backup
    stops the same way and removes its partial copy, which the backup service's clean-up of old
    copies would never find."""


def on_sigterm(signum: int, frame: object) -> None:
    raise Terminated


def interrupted(command: str, error: KeyboardInterrupt) -> int:
    """Ctrl-C (or SIGTERM in a backup) in an offline command: one line and the shell's status
    for the signal (128 + its number), not a traceback.

    An interrupted backup is not a success (a script checking ``dogear backup`` must not take it
    for one); its partial copy is removed before the interruption reaches here.
    """
    signum, name = (signal.SIGTERM, "SIGTERM") if isinstance(error, Terminated) else (signal.SIGINT, "Ctrl-C")
    done = "; no backup was written" if command == "backup" else ""
    print(f"dogear: {command} interrupted ({name}){done}", file=sys.stderr)
    return 128 + signum


def is_output_encoding(name: str) -> bool:
    """Whether ``name`` is stdout's encoding: a character it lacks is the terminal's, not a bug."""
    try:
        return sys.stdout is not None and codecs.lookup(name).name == codecs.lookup(sys.stdout.encoding).name
    except LookupError:
        return False


def unshowable(error: UnicodeEncodeError) -> int:
    """Story text (an accent, a dash, an emoji) the terminal's encoding cannot show, as under an
    ASCII or Latin-1 locale: one line saying what to set, not a traceback. A tool prints its whole
    answer in one write, which is encoded before anything is written, so nothing was half printed."""
    character = error.object[error.start]
    print(
        f"dogear: the output has a character (U+{ord(character):04X}) that standard output's encoding "
        f"({error.encoding}) cannot write: use a UTF-8 locale or set PYTHONIOENCODING=utf-8",
        file=sys.stderr,
    )
    return 1


def output_failed(error: OSError) -> int:
    """The output could not be written (a full disk, say): one line, status 1, not a traceback.

    Python writes what is still buffered again at exit, and would fail again with a traceback:
    stdout is pointed at /dev/null first.
    """
    with contextlib.suppress(OSError, AttributeError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    print(f"dogear: cannot write the output: {error.strerror or error}", file=sys.stderr)
    return 1


def command_main(args: list[str]) -> int:
    """One command of ``dogear``, by its arguments."""
    command = args[0] if args else "run"
    if command in ("-h", "--help", "help"):
        if len(args) > 1:  # "dogear help scan": that command's own help
            if args[1] in TOOLS or args[1] in ("run", "sync", "backup"):
                return command_main([args[1], "--help"])
            return fail(f"no command {args[1]!r} to explain; run `dogear --help` for the list")
        print(usage())
        return 0
    if command in ("-V", "--version", "version"):
        if len(args) > 1:
            return fail(f"{command} takes nothing after it (it was given {args[1]!r})")
        print(f"dogear {version()}")
        return 0
    if command in TOOLS:
        tool: Callable[[list[str]], int] = importlib.import_module(TOOLS[command]).main
        return tool(args[1:])
    if command not in ("run", "sync", "backup"):
        return fail(f"unknown command {command!r}; run `dogear --help` for the list")
    rest = args[1:]
    if any(arg in ("-h", "--help") for arg in rest[: options_end(rest)]):
        print(command_usage(command))
        return 0
    mistake = usage_mistake(command, rest)
    if mistake:
        return fail(mistake)
    if command in ("run", "sync"):
        return start_main(command)
    try:
        settings = load_settings()
    except SettingsError as error:
        return fail(str(error))
    configure_logging(settings.log_level)
    for note in settings.notes:
        log.warning(note)
    (target,) = arguments(rest)
    signal.signal(signal.SIGTERM, on_sigterm)
    try:
        asyncio.run(backup(settings.database_path, Path(target)))
    except DatabaseError as error:
        return fail(str(error))
    # (KeyboardInterrupt, Terminated: not a success; main says no backup was written)
    print(f"backed up {settings.database_path} to {target}")
    return 0


def start_main(command: str) -> int:
    """``dogear run`` and ``dogear sync``: start the bot and serve until a signal.

    Until the bot's own handlers take over (:func:`run_bot`), a signal stops the start: Ctrl-C
    is one line and status 130, as it is while the program loads (bot.launch); SIGTERM (a
    service manager's stop) says ``shutting down`` and exits 0, as it does once the bot runs.
    Whatever start-up had opened is closed first; a migration's transaction is rolled back.
    """
    start = StartSignals()
    logging_ready = False
    # Raised as Ctrl-C is, until run_bot's handlers replace it; SIGTERM's default would end the
    # process on the spot, status 143, saying nothing.
    previous_sigterm = signal.signal(signal.SIGTERM, on_sigterm)
    try:
        try:
            settings = load_settings()
        except SettingsError as error:
            return fail(str(error))
        configure_logging(settings.log_level)
        logging_ready = True
        for note in settings.notes:
            log.warning(note)
        asyncio.run(run_bot(settings, sync_globally=command == "sync", start=start))
    except StoppedStarting as error:  # run_bot closed what it had opened (and logged SIGTERM's line)
        return stopped_starting(error.signum, logged=True)
    except KeyboardInterrupt as error:  # (or Terminated) before run_bot's own handlers, or after the bot stopped
        if start.over:
            return 0
        signum = signal.SIGTERM if isinstance(error, Terminated) else signal.SIGINT
        if not logging_ready:
            configure_logging(logging.INFO)
        return stopped_starting(signum, logged=False)
    except DiscordUnreachable as error:
        print(f"dogear: {error}", file=sys.stderr)
        return 1  # not a setting to fix: the network or Discord, so a service manager may try again
    except LeaseLost as error:
        print(f"dogear: {error}", file=sys.stderr)
        return 1  # started again, it waits for the other process like any second copy
    except SettingsError as error:
        return fail(str(error))
    except (DatabaseBusy, StorageRefused) as error:
        print(f"dogear: {error}", file=sys.stderr)
        return 1  # another program's write, a full disk: they pass, so a service manager may try again
    except DatabaseError as error:
        return fail(str(error))
    except asyncio.CancelledError:  # a second signal to the bot
        pass
    finally:
        signal.signal(signal.SIGTERM, previous_sigterm)
    return 0


def stopped_starting(signum: int, *, logged: bool) -> int:
    """A signal while the bot was starting: Ctrl-C is one line and status 130; SIGTERM ends as a
    running bot's stop does (``shutting down``, status 0), so a service manager sees a clean stop."""
    if signum == signal.SIGTERM:
        if not logged:
            log.info("shutting down")
        return 0
    print("dogear: interrupted (Ctrl-C) while starting", file=sys.stderr)
    return 128 + signal.SIGINT
