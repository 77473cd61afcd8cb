"""The loop probe blames the code on the loop, never the machine: it still sees a blocked loop
once the time spent waiting for a CPU is left out (tests/loop_probe.py)."""

from __future__ import annotations

import asyncio
import time

from tests.loop_probe import loop_lags


def spin_cpu(seconds: float) -> None:
    """Work on the calling thread until it has had ``seconds`` of CPU, however busy the machine."""
    started = time.thread_time()
    while time.thread_time() - started < seconds:
        pass


async def test_the_probe_sees_cpu_work_on_the_loop() -> None:
    async with loop_lags() as lags:
        await asyncio.sleep(0.05)
        spin_cpu(0.4)
        await asyncio.sleep(0.05)
    assert max(lags) >= 0.3


async def test_the_probe_sees_a_blocking_wait_on_the_loop() -> None:
    async with loop_lags() as lags:
        await asyncio.sleep(0.05)
        time.sleep(0.4)  # noqa: ASYNC251 - the blocking wait is what the probe must see
        await asyncio.sleep(0.05)
    assert max(lags) >= 0.3
