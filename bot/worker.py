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
import logging
import multiprocessing
import os
import resource
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from multiprocessing import forkserver
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


def _cap_memory(limit: int) -> None:
    """Worker initializer: a task that allocates past ``limit`` gets MemoryError, not the machine."""
    if limit > 0:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


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
    """
    saved = os.environ.get("GLIBC_TUNABLES")
    os.environ["GLIBC_TUNABLES"] = worker_environment(os.environ)["GLIBC_TUNABLES"]
    try:
        forkserver.ensure_running()
    finally:
        if saved is None:
            del os.environ["GLIBC_TUNABLES"]
        else:
            os.environ["GLIBC_TUNABLES"] = saved


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
        # ``preload``: modules the fork server imports once, so each worker starts with them.
        context = multiprocessing.get_context("forkserver")
        if preload:
            context.set_forkserver_preload(list(preload))
        _start_fork_server()
        self._pool = ProcessPool(
            max_workers=processes,
            initializer=_cap_memory,
            initargs=(memory_bytes,),
            context=context,
        )
        self.default_timeout = default_timeout
        self._started: asyncio.Future[None] | None = None
        self._ready = False

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
        """``function(*args, **kwargs)`` in a worker; ``what`` names the job in the refusal a member reads."""
        await self._start()
        limit = self.default_timeout if time_limit is None else time_limit
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
        self._pool.stop()
        self._pool.join(timeout=5)
