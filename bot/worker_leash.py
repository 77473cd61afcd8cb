"""Imported first by the worker pool's fork server (its preload): the fork server dies with the bot.

The fork server is the bot's child, and every worker is the fork server's. CPython keeps a fork
server alive while any of its children lives, and a worker deep in a task never notices the bot
is gone, so after a SIGKILL of the bot both ran on, the worker's task no longer bounded by the
time limit the bot keeps. Here the fork server asks the kernel to kill it when the bot dies
(``bot.worker.die_with_parent``, with the bot's pid from ``OWNER_ENV``); each worker asks the same
of the fork server (``bot.worker._start_worker``). This module does that on import because a fork
server's preload is the one place code of ours runs in it before it forks anything.
"""

from __future__ import annotations

import os

from bot.worker import OWNER_ENV, die_with_parent

if owner := os.environ.get(OWNER_ENV, ""):
    die_with_parent(int(owner))
