"""How long the event loop was kept from a task that only sleeps: the one probe the tests share."""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

TICK = 0.01  # seconds the probe sleeps between looks at the clock
SCHEDSTAT = Path("/proc/thread-self/schedstat")


def runqueue_seconds() -> float:
    """Seconds this thread has spent runnable but not running, waiting for a CPU (Linux's
    schedstat, second field); 0 where the kernel does not say, so the probe measures wall time."""
    try:
        return int(SCHEDSTAT.read_text().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


@asynccontextmanager
async def loop_lags() -> AsyncIterator[list[float]]:
    """Yield a list that fills, while the block runs, with how late each tick of a probe task was.

    The test session's heap is frozen for the while, as the bot freezes what start-up built
    (``bot.cli.run_bot``): by the end of a full run the session holds about 440,000 objects, and
    one full collection of them takes about 0.25 s, which the probe would blame on the code
    under test.

    Each lag leaves out the time the loop's thread spent ready but waiting for a CPU (see
    ``runqueue_seconds``): on a busy CI machine that alone reached hundreds of milliseconds, which
    is the machine's doing; what remains is what the code on the loop made the probe wait.
    """
    lags: list[float] = []
    done = asyncio.Event()

    async def probe() -> None:
        while not done.is_set():
            before, queued = time.perf_counter(), runqueue_seconds()
            await asyncio.sleep(TICK)
            waited = time.perf_counter() - before - TICK
            lags.append(max(0.0, waited - (runqueue_seconds() - queued)))

    gc.collect()
    gc.freeze()
    task = asyncio.create_task(probe())
    try:
        yield lags
    finally:
        done.set()
        await task
        gc.unfreeze()
