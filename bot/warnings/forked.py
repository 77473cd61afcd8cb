"""Work split with a forked copy of the process: the second half of a list read by the copy.

Reading a long story through the RE2 sets is the scan's longest step, and for text made of short
paragraphs it is millions of calls of a microsecond each. Threads cannot share that work: every
call hands the GIL back and forth, which costs more than the call (measured: two threads took as
long as one). A forked copy of the worker shares the compiled sets without compiling them again
(the pages are shared until written), reads half of them on the other CPU, and sends back what it
found: 8 MB of the rules' words six to a paragraph went from 7.6 s to 4.6-5.7 s of set reading on
two CPUs (docs/benchmarks.md).

A fork is only safe when no other thread can be holding a lock the copy would need (a set's
automaton is guarded by one), so :func:`fork_pays` refuses whenever another Python thread
runs: in the bot's workers (one thread each) it forks, in the bot's own process it does not.
The copy dies with its parent (``PR_SET_PDEATHSIG``), so a worker killed for its time limit
leaves nothing behind, and a copy that fails or dies costs only time: the parent reads its
half itself.
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

from bot.worker import die_with_parent

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

FORK_MIN_BYTES = 1 << 20  # less text than this is read sooner than a fork (about 10 ms) pays back


def fork_pays(text_bytes: int, items: int, cpus: int) -> bool:
    """Whether splitting ``items`` over this process and a forked copy is safe and worth it."""
    return (
        sys.platform == "linux"
        and text_bytes >= FORK_MIN_BYTES
        and items >= 2
        and cpus >= 2
        and threading.active_count() == 1
    )


def in_two_processes(work: Callable[[Sequence[T]], list[R]], items: Sequence[T]) -> list[R]:
    """``work(items)``, with the second half of ``items`` done by a forked copy of this process.

    ``work`` must return one picklable result per item, in order, and be safe to run twice on
    the same items (if the copy fails, the parent does its half again).
    """
    split = len(items) // 2
    parent = os.getpid()
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:
        _run_child(work, items[split:], parent, reader, writer)
    os.close(writer)
    payload = b""
    try:
        mine = work(items[:split])
        with os.fdopen(reader, "rb") as pipe:
            reader = -1
            payload = pipe.read()
    finally:
        if reader != -1:
            os.close(reader)  # the copy's write fails instead of blocking, and it exits
        _, status = os.waitpid(child, 0)
    if os.waitstatus_to_exitcode(status) == 0 and payload:
        theirs: list[R] = pickle.loads(payload)
        if len(theirs) == len(items) - split:
            return mine + theirs
    log.warning("the forked copy of this scan failed (exit status %s); reading its half here", status)
    return mine + work(items[split:])


def _run_child(
    work: Callable[[Sequence[T]], list[R]], items: Sequence[T], parent: int, reader: int, writer: int
) -> None:
    """In the copy: do the work, send it, and exit without running the parent's clean-up."""
    code = 1
    try:
        # The cyclic collector would write to every object it tracks, making the copy's own
        # copy of each page it touches; the copy lives for one piece of work and frees nothing.
        gc.disable()
        os.close(reader)
        die_with_parent(parent)  # a worker killed for its time limit takes its copy with it
        payload = pickle.dumps(work(items), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(payload)
        code = 0
    except BaseException:  # anything at all: the parent reads this half itself
        pass
    finally:
        os._exit(code)
