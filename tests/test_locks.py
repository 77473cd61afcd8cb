"""KeyedLocks: one holder per key at a time, and no lock kept for a key nobody uses any more;
InFlight: a key is in flight exactly while its try runs, however the try ends."""

from __future__ import annotations

import asyncio

import pytest

from bot.locks import InFlight, KeyedLocks


async def test_holders_of_one_key_take_turns_in_order_and_other_keys_do_not_wait() -> None:
    locks = KeyedLocks()
    order: list[str] = []
    release = asyncio.Event()

    async def hold(key: int, name: str, wait: bool = False) -> None:
        async with locks.hold(key):
            order.append(name)
            if wait:
                await release.wait()

    first = asyncio.create_task(hold(1, "first", wait=True))
    await asyncio.sleep(0)
    second = asyncio.create_task(hold(1, "second"))
    await hold(2, "other key")  # not behind the first
    await asyncio.sleep(0)
    assert order == ["first", "other key"] and len(locks) == 1
    release.set()
    await asyncio.gather(first, second)
    assert order == ["first", "other key", "second"]


async def test_a_key_is_let_go_once_nobody_holds_or_waits_for_it() -> None:
    locks = KeyedLocks()
    for key in range(1_000):
        async with locks.hold(key):
            assert len(locks) == 1
    assert len(locks) == 0
    with pytest.raises(RuntimeError):
        async with locks.hold("failing"):
            raise RuntimeError("the holder failed")
    assert len(locks) == 0


async def test_a_waiter_cancelled_before_its_turn_leaves_nothing_behind() -> None:
    locks = KeyedLocks()
    release = asyncio.Event()

    async def holder() -> None:
        async with locks.hold("k"):
            await release.wait()

    held = asyncio.create_task(holder())
    await asyncio.sleep(0)
    waiter = asyncio.create_task(holder())
    await asyncio.sleep(0)
    waiter.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiter
    release.set()
    await held
    assert len(locks) == 0


async def test_a_key_is_in_flight_while_its_try_runs_and_not_after_however_it_ends() -> None:
    in_flight = InFlight()
    with in_flight.trying(7):
        assert 7 in in_flight and 8 not in in_flight
    assert 7 not in in_flight and len(in_flight) == 0

    release = asyncio.Event()

    async def try_it() -> None:
        with in_flight.trying("slow"):
            await release.wait()

    task = asyncio.create_task(try_it())
    await asyncio.sleep(0)
    assert "slow" in in_flight
    task.cancel()  # a stop cancels the try mid-wait
    with pytest.raises(asyncio.CancelledError):
        await task
    assert len(in_flight) == 0
