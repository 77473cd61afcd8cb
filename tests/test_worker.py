"""The worker pool: results come back, and a task past its time or memory budget is stopped."""

from __future__ import annotations

import pytest

from bot.worker import Workers, WorkLimitError


def double(value: int) -> int:
    return value * 2


def spin_forever() -> None:
    while True:
        pass


def allocate(size: int) -> int:
    return len(bytearray(size))


@pytest.fixture
def workers():
    pool = Workers(processes=1, memory_bytes=512 * 1024 * 1024)
    yield pool
    pool.close()


async def test_result_comes_back(workers: Workers) -> None:
    assert await workers.run("Doubling", double, 21) == 42


async def test_a_task_past_its_time_limit_is_stopped_and_the_pool_goes_on(workers: Workers) -> None:
    with pytest.raises(WorkLimitError, match=r"Spinning took longer than 0\.5 seconds"):
        await workers.run("Spinning", spin_forever, time_limit=0.5)
    assert await workers.run("Doubling", double, 2) == 4


async def test_a_task_past_its_memory_budget_is_stopped(workers: Workers) -> None:
    with pytest.raises(WorkLimitError, match="more memory"):
        await workers.run("Allocating", allocate, 2 * 1024 * 1024 * 1024)
    assert await workers.run("Doubling", double, 3) == 6
