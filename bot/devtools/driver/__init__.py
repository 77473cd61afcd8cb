"""Drive the real bot through the Discord double the way members do: slash commands, buttons, modals.

The double and the bot run on their own event loop in a background thread (``ClubRuntime``),
built exactly as ``python -m bot`` builds them (``load_settings`` -> ``build_bot`` -> ``login`` ->
``connect``), so tests on any event loop can share one running bot. Each test gets a fresh
server (``Club``), which keeps tests independent: all club data is scoped by guild id.

Read ``tests/e2e/README.md`` first; the docstrings in the modules are the reference:

- ``runtime``: ``ClubRuntime`` (the loop, the double, the bot) and ``LogCollector``;
- ``club``: ``Club``, built from ``base`` (handles, reading what happened), ``actions``
  (acting as members) and ``world`` (restarts, polls, DMs, servers, permissions);
- ``clock``: ``ClubClock``; ``replies``: ``Reply``; ``commands``: the interaction payloads;
- ``errors``: what the driver raises; ``timing``: the time scale and quiet periods.
"""

from __future__ import annotations

from bot.devtools.driver.actions import MemberActions
from bot.devtools.driver.base import ClubBase
from bot.devtools.driver.clock import ClubClock
from bot.devtools.driver.club import Club
from bot.devtools.driver.commands import (
    OPTION_TYPES,
    FileLike,
    build_command_data,
    convert_option,
    file_parts,
    modal_submission,
)
from bot.devtools.driver.errors import CommandNotVisible, DriverError, InteractionFailed
from bot.devtools.driver.replies import Reply, walk_components
from bot.devtools.driver.runtime import BUSY_TASK_PREFIXES, ClubRuntime, LogCollector
from bot.devtools.driver.timing import (
    ADVANCE_QUIET,
    DEFAULT_TIME_SCALE,
    GUILD_READY_TIMEOUT,
    HANG_LIMIT,
    QUIET,
    SETTLE_TIMEOUT,
)
from bot.devtools.driver.world import WorldChanges

__all__ = [
    "ADVANCE_QUIET",
    "BUSY_TASK_PREFIXES",
    "DEFAULT_TIME_SCALE",
    "GUILD_READY_TIMEOUT",
    "HANG_LIMIT",
    "OPTION_TYPES",
    "QUIET",
    "SETTLE_TIMEOUT",
    "Club",
    "ClubBase",
    "ClubClock",
    "ClubRuntime",
    "CommandNotVisible",
    "DriverError",
    "FileLike",
    "InteractionFailed",
    "LogCollector",
    "MemberActions",
    "Reply",
    "WorldChanges",
    "build_command_data",
    "convert_option",
    "file_parts",
    "modal_submission",
    "walk_components",
]
