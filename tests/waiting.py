"""Waiting in tests without depending on the machine's speed: the one limit and helpers they share.

A wait in a test stands for "until this happens", and its limit only bounds a hang. CI runs on a
shared machine where a niced bot process can take ten times as long to start as on a quiet one,
so every such limit is ``HANG_LIMIT``: never reached by a slow run, only by one that is stuck.
How fast something is belongs in bench/, not here.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable

from bot.devtools.driver.timing import HANG_LIMIT  # the driver's waits use the same limit

__all__ = ["HANG_LIMIT", "communicate", "wait_for_exit", "wait_until"]


async def wait_until(predicate: Callable[[], bool], what: str | Callable[[], str], limit: float = HANG_LIMIT) -> None:
    """Poll ``predicate`` until it holds; fail naming ``what`` if it never does within ``limit``
    (a callable ``what`` is read at the failure, e.g. to show a log as it was then)."""
    deadline = time.monotonic() + limit
    while not predicate():
        if time.monotonic() > deadline:
            said = what() if callable(what) else what
            raise AssertionError(f"timed out after {limit:g} s waiting for {said}")
        await asyncio.sleep(0.02)


async def wait_for_exit(process: asyncio.subprocess.Process, limit: float = HANG_LIMIT) -> int:
    """The exit status of ``process``; a process still running after ``limit`` is killed (so a
    failed test leaves no bot behind) and the test fails."""
    try:
        return await asyncio.wait_for(process.wait(), limit)
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        await process.wait()
        raise AssertionError(f"the process did not exit within {limit:g} s; it was killed") from None


async def communicate(process: asyncio.subprocess.Process, limit: float = HANG_LIMIT) -> tuple[bytes, bytes]:
    """``process.communicate()`` bounded by ``limit``, killing the process past it (see ``wait_for_exit``)."""
    try:
        return await asyncio.wait_for(process.communicate(), limit)
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        await process.wait()
        raise AssertionError(f"the process did not exit within {limit:g} s; it was killed") from None
