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
import logging
import multiprocessing
import resource
from collections.abc import Callable, Sequence
from concurrent.futures import TimeoutError as FutureTimeout
from typing import ParamSpec, TypeVar

from pebble import ProcessExpired, ProcessPool

from bot.errors import UserError

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

DEFAULT_PROCESSES = 2
DEFAULT_MEMORY_BYTES = 1024 * 1024 * 1024  # address space per worker, imports included
DEFAULT_TIMEOUT = 10.0


class WorkLimitError(UserError):
    """The task ran past its time or memory budget; the message says which, for the member."""


def _cap_memory(limit: int) -> None:
    """Worker initializer: a task that allocates past ``limit`` gets MemoryError, not the machine."""
    if limit > 0:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


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
        self._pool = ProcessPool(
            max_workers=processes,
            initializer=_cap_memory,
            initargs=(memory_bytes,),
            context=context,
        )
        self.default_timeout = default_timeout

    async def run(
        self, what: str, function: Callable[P, T], /, *args: P.args, time_limit: float | None = None, **kwargs: P.kwargs
    ) -> T:
        """``function(*args, **kwargs)`` in a worker; ``what`` names the job in the refusal a member reads."""
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
