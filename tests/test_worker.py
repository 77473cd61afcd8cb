"""The worker pool: results come back, a task past its time or memory budget is stopped, and
workers start with their own environment (glibc's malloc on huge pages)."""

from __future__ import annotations

import os

import pytest

from bot.worker import WORKER_TUNABLES, Workers, WorkLimitError, worker_environment


def double(value: int) -> int:
    return value * 2


def spin_forever() -> None:
    while True:
        pass


def allocate(size: int) -> int:
    return len(bytearray(size))


def tunables() -> str:
    return os.environ.get("GLIBC_TUNABLES", "")


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


async def test_a_worker_process_starts_with_the_worker_tunables(workers: Workers) -> None:
    assert WORKER_TUNABLES in (await workers.run("Reading the environment", tunables)).split(":")


def test_the_bot_keeps_its_own_environment_when_the_workers_start() -> None:
    before = os.environ.get("GLIBC_TUNABLES")
    pool = Workers(processes=1)
    try:
        assert os.environ.get("GLIBC_TUNABLES") == before
    finally:
        pool.close()


def test_the_worker_environment_keeps_what_is_set_and_adds_huge_pages_once() -> None:
    assert worker_environment({"PATH": "/bin"}) == {"PATH": "/bin", "GLIBC_TUNABLES": WORKER_TUNABLES}
    kept = worker_environment({"GLIBC_TUNABLES": "glibc.malloc.arena_max=2"})
    assert kept["GLIBC_TUNABLES"] == f"glibc.malloc.arena_max=2:{WORKER_TUNABLES}"
    assert worker_environment(kept) == kept
    # An operator who turned huge pages off keeps them off.
    assert (
        worker_environment({"GLIBC_TUNABLES": "glibc.malloc.hugetlb=0"})["GLIBC_TUNABLES"] == "glibc.malloc.hugetlb=0"
    )
