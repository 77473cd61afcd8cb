"""Imported first by the worker pool's fork server (its preload): the fork server dies with the bot.

The fork server is the bot's child, and every worker is the fork server's. CPython keeps a fork
server alive while any of its children lives, and a worker deep in a task never notices the bot
is gone, so after a SIGKILL of the bot both ran on, the worker's task no longer bounded by the
time limit the bot keeps. Here the fork server watches the bot and ends itself when the bot ends
(``bot.worker.die_with_owner``, with the bot's pid from ``OWNER_ENV``, else its parent's: a fork
server CPython started again after the first died is started without our environment, still by
the bot); each worker ties itself to the fork server (``bot.worker._start_worker``). This module
does that on import because a fork server's preload is the one place code of ours runs in it
before it forks anything.
"""

from __future__ import annotations

import os

from bot.worker import OWNER_ENV, die_with_owner

die_with_owner(int(os.environ.get(OWNER_ENV) or os.getppid()))
