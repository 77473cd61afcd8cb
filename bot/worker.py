"""Heavy work off the event loop: a small pool of worker processes, each task with a time limit.

One process serves every server, so parsing an upload, scanning it, rendering a chapter,
compiling a server's rules or drawing a chart must never run on the event loop. ``Workers``
runs such a function in a separate process (pebble's ``ProcessPool``): a task that runs past
its time limit is killed with its process, and each worker's address space is capped, so a
hostile file costs one worker, never the bot. Functions and their arguments must pickle.

Built once in ``main()`` (see ``bot.client.build_bot``) and handed to the services that need it.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import logging
import multiprocessing
import os
import resource
import select
import signal
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import forkserver
from pathlib import Path
from typing import ParamSpec, TypeVar

from pebble import ProcessExpired, ProcessPool

from bot.errors import UserError

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

DEFAULT_PROCESSES = 2
DEFAULT_MEMORY_BYTES = 1024 * 1024 * 1024  # address space per worker, imports included
DEFAULT_TIMEOUT = 10.0
# glibc's malloc on transparent huge pages (glibc 2.35+; elsewhere the setting is ignored). A scan
# walks the RE2 sets' automata, megabytes of states spread over the heap, a state per byte of text:
# with 4 KiB pages most steps miss the TLB. Since the entries were split over many small sets,
# huge pages make a warm scan 0-20 % faster from run to run and cost a worker about 20 MB of
# memory (docs/benchmarks.md, warnings and budgets).
WORKER_TUNABLES = "glibc.malloc.hugetlb=1"


async def in_thread_a_stop_leaves(what: str, function: Callable[[], T]) -> T:
    """``function()`` on a daemon thread of its own, awaited as ``asyncio.to_thread`` is, for start-up
    work that only builds something in memory (it writes nothing a stop could cut in half).

    A thread of the default executor cannot be stopped, and ``asyncio.run`` joins those threads
    before the process exits: a stop while the shipped rules were being read (seconds on a busy
    machine) waited for the whole read, doing nothing useful, before the process could end. This
    thread is not joined: the awaiting task is cancelled at once and the process exits without it.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: BaseException | None) -> None:
        if future.done():  # the start was cancelled meanwhile
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    def run() -> None:
        try:
            outcome: tuple[T | None, BaseException | None] = (function(), None)
        except BaseException as error:
            outcome = (None, error)
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits any more
            loop.call_soon_threadsafe(settle, *outcome)

    threading.Thread(target=run, name=f"dogear-{what}", daemon=True).start()
    return await future


def _nothing() -> None:
    """The task that starts the pool's workers (see ``Workers._start``)."""


class WorkLimitError(UserError):
    """The task ran past its time or memory budget; the message says which, for the member."""


# The fork server reads the bot's pid here (set only for its start, as GLIBC_TUNABLES is): its
# preload, bot.worker_leash, ties it to that process (see ``die_with_parent``).
OWNER_ENV = "DOGEAR_WORKERS_OWNER"
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def die_with_parent(expected_parent: int) -> None:
    """SIGKILL this process the moment its parent dies (Linux's parent-death signal), or now if its
    parent is already not ``expected_parent`` (it died between our fork and this call, the race the
    signal leaves: we were handed to init or a subreaper, and no signal will ever come).

    Why: a worker's time limit is kept by the bot, so a worker the bot's SIGKILL left behind runs its
    task unbounded. Nothing else ends it: every child of a fork server holds the server's "alive"
    pipe (CPython passes it on), so the fork server does not exit while a worker lives, and a worker
    deep in a scan never reads its closed task pipe. The bot ties its fork server to itself
    (``bot.worker_leash``) and each worker ties itself to the fork server (``_start_worker``).
    Elsewhere than Linux this does nothing. Note: the parent the kernel watches is the *thread* that
    forked us, so a parent must fork from a thread that lives as long as it does.
    """
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"prctl(PR_SET_PDEATHSIG): {os.strerror(error)}")
    if os.getppid() != expected_parent:
        os.kill(os.getpid(), signal.SIGKILL)


def die_with_owner(owner: int) -> None:
    """SIGKILL this process the moment ``owner`` (its parent) ends, whichever thread of ``owner``
    started it; or now, if its parent is already not ``owner``.

    Why not ``die_with_parent``: the kernel's parent-death signal follows the *thread* that forked,
    and a fork server is started by whichever thread first needs one (``Workers()`` built off the
    main thread, or CPython starting a new server from pebble's thread after the first died), so a
    leash tied to a thread either never fired (none was set off the main thread) or would fire
    when a short-lived thread ended. A pidfd of ``owner`` (Linux 5.3) becomes readable when the
    process ends, whatever its threads do: a daemon thread waits on it and ends this process.
    The fork server's own main thread forks the workers, so their parent-death signal holds.
    Where pidfds are missing the thread asks for the parent every half second instead.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        handle: int | None = os.pidfd_open(owner)
    except ProcessLookupError:
        handle = None
    except (AttributeError, OSError):  # no pidfds here (an old kernel, or a sandbox refusing the call)
        handle = -1
    if handle is None or os.getppid() != owner:  # owner gone (its pid perhaps reused): ours is no leash
        os.kill(os.getpid(), signal.SIGKILL)
    threading.Thread(target=_wait_for_end, args=(owner, handle), name="dogear-leash", daemon=True).start()


def _wait_for_end(owner: int, handle: int) -> None:
    """Block until ``owner`` ends (its pidfd ``handle`` readable, or polled when ``handle`` is -1),
    then SIGKILL this process: nothing of it is worth finishing once the bot is gone."""
    if handle >= 0:
        select.select([handle], [], [])
    else:
        while os.getppid() == owner:
            time.sleep(0.5)
    os.kill(os.getpid(), signal.SIGKILL)


def _parent_of(pid: int) -> int | None:
    """The parent pid of ``pid`` as /proc tells it, None once it is gone."""
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def _start_worker(limit: int, owner: int) -> None:
    """Worker initializer: a task that allocates past ``limit`` gets MemoryError, not the machine;
    and the worker dies with its fork server, which dies with ``owner``, the bot.

    The worker's parent is the fork server, whose pid only the parent's own parent tells apart from
    a subreaper's: the parent must be the bot's child, else the bot is gone and the fork server with
    it (or going), and the worker ends now."""
    if limit > 0:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    if sys.platform.startswith("linux"):
        parent = os.getppid()
        die_with_parent(parent)
        if _parent_of(parent) != owner:
            os.kill(os.getpid(), signal.SIGKILL)


def worker_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """``environ`` with the settings worker processes run with (kept: any tunables already there)."""
    tunables = [item for item in environ.get("GLIBC_TUNABLES", "").split(":") if item]
    if not any(item.startswith("glibc.malloc.hugetlb=") for item in tunables):
        tunables.append(WORKER_TUNABLES)
    return {**environ, "GLIBC_TUNABLES": ":".join(tunables)}


def _start_fork_server() -> None:
    """Start the fork server now, with the workers' environment, and give the bot its own back.

    Every worker forks from the fork server, and glibc reads its tunables only when a process
    starts, so the server must start with them. Setting them only for that start keeps them
    out of everything else the bot runs. A fork server already running keeps what it has.
    The server is told the bot's pid (``OWNER_ENV``) to die with it (``die_with_owner``), from
    whichever thread this runs.
    """
    saved = {name: os.environ.get(name) for name in ("GLIBC_TUNABLES", OWNER_ENV)}
    os.environ["GLIBC_TUNABLES"] = worker_environment(os.environ)["GLIBC_TUNABLES"]
    os.environ[OWNER_ENV] = str(os.getpid())
    try:
        forkserver.ensure_running()
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class Workers:
    """A pool of worker processes for CPU-heavy or untrusted work."""

    def __init__(
        self,
        processes: int = DEFAULT_PROCESSES,
        *,
        memory_bytes: int = DEFAULT_MEMORY_BYTES,
        default_timeout: float = DEFAULT_TIMEOUT,
        preload: Sequence[str] = (),
    ) -> None:
        # forkserver: never fork the bot itself (its threads and sockets must not be copied).
        # ``preload``: modules the fork server imports once, so each worker starts with them;
        # first of them the leash that ties the fork server to this process.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["bot.worker_leash", *preload])
        _start_fork_server()
        self._context = context
        self._processes = processes
        self._memory_bytes = memory_bytes
        self._pool = self._new_pool()
        self._closed = False
        self.default_timeout = default_timeout
        self._started: asyncio.Future[None] | None = None
        self._ready = False

    def _new_pool(self) -> ProcessPool:
        return ProcessPool(
            max_workers=self._processes,
            initializer=_start_worker,
            initargs=(self._memory_bytes, os.getpid()),
            context=self._context,
        )

    def _renew_if_broken(self) -> bool:
        """Replace a pool pebble gave up on with a new one; True if it did.

        Why: pebble marks its pool broken for good ("All workers expired") when a worker dies while
        no task runs: the OOM killer choosing an idle worker (each holds the parsers and compiled
        rules), or the fork server killed (its workers die with it). Every later task then failed
        with "Unexpected error within the Pool" until the bot restarted: no upload, scan or post.
        The fork server is started again first (with the workers' environment and the leash), as
        ``__init__`` does. The old pool is joined on a thread of its own, not on the event loop."""
        if self._closed or self._pool.active:
            return False
        log.warning("the worker pool stopped working (a worker or the fork server died); starting a new one")
        old = self._pool
        old.stop()
        threading.Thread(target=old.join, kwargs={"timeout": 5}, name="dogear-old-pool", daemon=True).start()
        _start_fork_server()
        self._pool = self._new_pool()
        self._ready = False
        self._started = None
        return True

    async def _start(self) -> None:
        """Start the workers on a thread, once: pebble starts them at the pool's first task, in the
        caller's thread, and each start waits for the fork server to import the parsers and compile
        the rules (seconds; far more on a loaded machine): on the event loop, every command and the
        gateway's heartbeats stood still meanwhile. A stop does not wait for the start (the thread is
        left); the pool's own stop ends what it started."""
        if self._ready:
            return
        started = self._started
        if started is None or started.get_loop() is not asyncio.get_running_loop():  # (tests run several loops)
            started = self._started = asyncio.ensure_future(
                in_thread_a_stop_leaves("worker-pool", self._schedule_nothing)
            )
        await asyncio.shield(started)
        self._ready = True

    def _schedule_nothing(self) -> None:
        self._pool.schedule(_nothing)

    async def run(
        self, what: str, function: Callable[P, T], /, *args: P.args, time_limit: float | None = None, **kwargs: P.kwargs
    ) -> T:
        """``function(*args, **kwargs)`` in a worker; ``what`` names the job in the refusal a member reads.

        A task the pool broke under before any worker took it (pebble aborts those with
        ``BrokenProcessPool``) never ran, so it runs once more on a new pool."""
        limit = self.default_timeout if time_limit is None else time_limit
        try:
            return await self._run_once(what, function, args, kwargs, limit)
        except BrokenProcessPool:
            log.warning("the worker pool broke before %s started; running it on a new pool", what)
        try:
            return await self._run_once(what, function, args, kwargs, limit)
        except BrokenProcessPool:
            log.exception("the worker pool broke twice before %s started", what)
            raise WorkLimitError(
                f"{what} could not start: my worker processes keep stopping. Try again later."
            ) from None

    async def _run_once(
        self, what: str, function: Callable[..., T], args: tuple[object, ...], kwargs: dict[str, object], limit: float
    ) -> T:
        await self._start()
        if self._renew_if_broken():
            await self._start()
        future = self._pool.schedule(function, args=args, kwargs=kwargs, timeout=limit)
        try:
            return await asyncio.wrap_future(future)
        except FutureTimeout:
            unit = "second" if limit == 1 else "seconds"
            raise WorkLimitError(f"{what} took longer than {limit:g} {unit}, so I stopped it.") from None
        except MemoryError:
            raise WorkLimitError(f"{what} needed more memory than I allow for one task, so I stopped it.") from None
        except ProcessExpired as error:
            log.warning("worker for %s died: %s", what, error)
            raise WorkLimitError(f"{what} needed more than I allow for one task, so I stopped it.") from None
        except asyncio.CancelledError:
            future.cancel()
            raise

    def close(self) -> None:
        """Stop the workers (a running task is killed, since nobody waits for it any more)."""
        self._closed = True
        self._pool.stop()
        self._pool.join(timeout=5)
