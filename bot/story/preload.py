"""Imported once by the worker pool's fork server, so every worker starts warm.

Worker processes are forked from a fork server (see :mod:`bot.worker`); modules it imports
are already in memory in each worker. Importing the parsers and compiling the default
warning rules here (seconds of work) means the first upload a fresh worker reads does not
pay for them, and all workers share those pages until they write to them.
"""

from __future__ import annotations

from bot.story.jobs import warm_up

warm_up()
