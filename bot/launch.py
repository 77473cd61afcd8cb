"""The ``dogear`` command's entry point, and ``python -m bot``'s.

Loading the command line takes a few tenths of a second (aiohttp, asyncio, the settings). A
Ctrl-C in that time used to end in a KeyboardInterrupt traceback, printed before
:func:`bot.cli.main` could answer it with its one line. This module imports nothing heavy, so
the interruption is caught here.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading

# What start-up reads the shipped rules on: a thread a stop leaves (bot.client.build_bot,
# bot.worker.in_thread_a_stop_leaves names it "dogear-" and this).
SHIPPED_RULES = "shipped-rules"


def main() -> int:
    try:
        from bot.cli import main as cli_main
    except KeyboardInterrupt:
        print("dogear: interrupted (Ctrl-C) while starting", file=sys.stderr)
        return 128 + signal.SIGINT
    status = cli_main()
    if any(thread.name == f"dogear-{SHIPPED_RULES}" and thread.is_alive() for thread in threading.enumerate()):
        _end_now(status)
    return status


def _end_now(status: int) -> None:
    """End the process with ``status`` without Python's own exit, which a start stopped while the shipped
    rules were still being read cannot survive: that thread is left running (a stop does not wait for it),
    and Python's exit ends it inside RE2's C++ code, which aborts the process ("terminate called without
    an active exception", status -6) after it has said "shutting down". The stop had closed everything
    start-up opened, and no worker or fork server is started before the read ends; what is left is to
    flush the log and the standard streams."""
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
