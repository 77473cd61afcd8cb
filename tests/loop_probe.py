"""How long the event loop was kept from a task that only sleeps: the one probe the tests share."""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

TICK = 0.01  # seconds the probe sleeps between looks at the clock


@asynccontextmanager
async def loop_lags() -> AsyncIterator[list[float]]:
    """Yield a list that fills, while the block runs, with how late each tick of a probe task was.

    The test session's heap is frozen for the while, as the bot freezes what start-up built
    (``bot.cli.run_bot``): by the end of a full run the session holds about 440,000 objects, and
    one full collection of them takes about 0.25 s, which the probe would blame on the code
    under test.
    """
    lags: list[float] = []
    done = asyncio.Event()

    async def probe() -> None:
        while not done.is_set():
            before = time.perf_counter()
            await asyncio.sleep(TICK)
            lags.append(time.perf_counter() - before - TICK)

    gc.collect()
    gc.freeze()
    task = asyncio.create_task(probe())
    try:
        yield lags
    finally:
        done.set()
        await task
        gc.unfreeze()
