"""Whether the work a test times grows with its input, not faster: the shared helper of the timing tests.

A bound on one run's CPU time ("< 5 s") guards a shape against going quadratic only while the bound is
several times what the run takes; as the readers grow (each new pass costs a little on every file) the
run creeps up to its bound, and a slower, busier machine (CI's) crosses it though nothing went
quadratic. Here the same shape is read at ``n`` and at ``4 n`` in the same minutes, and the larger run
must take well under the sixteen times a quadratic reader takes (linear is four): a busy machine slows
both runs alike. A generous ceiling on the larger run (some three times what it takes now) still
shows a regression by a constant factor.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

Input = TypeVar("Input")
Output = TypeVar("Output")

SCALE = 4  # the larger run's size over the smaller's
MOST_RATIO = 8.0  # the larger run's CPU time over the smaller's: linear is 4, quadratic 16


def cpu_seconds(work: Callable[[], Output]) -> tuple[Output, float]:
    """What ``work`` gives and the CPU seconds it took (CPU time: a busy machine does not stretch it)."""
    start = time.process_time()
    result = work()
    return result, time.process_time() - start


def grows_linearly(
    measure: Callable[[int], tuple[Output, float]],
    n: int,
    *,
    ceiling: float,
    most_ratio: float = MOST_RATIO,
    warm_up: bool = True,
) -> Output:
    """What ``measure(SCALE * n)`` gives, its seconds asserted under ``most_ratio`` times those of
    ``measure(n)`` and under ``ceiling``. ``measure(size)`` builds the shape at ``size``, times the read
    of it alone and gives (what the read gave, its CPU seconds). The smaller shape is measured first as a
    warm up (patterns compiled, caches filled) unless ``warm_up`` is False (a child process, cold each
    time: its cold start is in both runs, which only lowers the ratio)."""
    if warm_up:
        measure(n)
    _, small_seconds = measure(n)
    result, large_seconds = measure(SCALE * n)
    ratio = large_seconds / max(small_seconds, 1e-3)
    assert ratio < most_ratio, (
        f"{SCALE}x the input took {ratio:.1f}x the CPU time ({small_seconds:.2f} s -> {large_seconds:.2f} s)"
    )
    assert large_seconds < ceiling, f"{large_seconds:.2f} s of CPU (ceiling {ceiling} s)"
    return result


def read_in_linear_time(
    make: Callable[[int], Input],
    read: Callable[[Input], Output],
    n: int,
    *,
    ceiling: float,
    most_ratio: float = MOST_RATIO,
) -> Output:
    """:func:`grows_linearly` of ``read`` (timed in this process) of ``make(size)`` (not timed)."""

    def measure(size: int) -> tuple[Output, float]:
        data = make(size)
        return cpu_seconds(lambda: read(data))

    return grows_linearly(measure, n, ceiling=ceiling, most_ratio=most_ratio)
