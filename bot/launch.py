"""The ``dogear`` command's entry point, and ``python -m bot``'s.

Loading the command line takes a few tenths of a second (aiohttp, asyncio, the settings). A
Ctrl-C in that time used to end in a KeyboardInterrupt traceback, printed before
:func:`bot.cli.main` could answer it with its one line. This module imports nothing heavy, so
the interruption is caught here.
"""

from __future__ import annotations

import signal
import sys


def main() -> int:
    try:
        from bot.cli import main as cli_main
    except KeyboardInterrupt:
        print("dogear: interrupted (Ctrl-C) while starting", file=sys.stderr)
        return 128 + signal.SIGINT
    return cli_main()
