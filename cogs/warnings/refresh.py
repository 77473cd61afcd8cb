"""The background pass that scans stories again after an upgrade (:mod:`bot.warnings.refresh`),
started once the bot is connected and stopped with the warnings cog."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

from bot.warnings.refresh import refresh_stale_scans

if TYPE_CHECKING:
    from bot.client import DogearBot

log = logging.getLogger(__name__)

PAUSE_SECONDS = 0.05  # between two stories: members' commands go first on a busy process


class StaleScanPass:
    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot
        self.task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self.task is None:
            self.task = asyncio.get_running_loop().create_task(self._run(), name="dogear-stale-scans")

    async def stop(self) -> None:
        task, self.task = self.task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _run(self) -> None:
        await self.bot.wait_until_ready()
        try:
            await refresh_stale_scans(self.bot.db, self.bot.shard_scope, pause=PAUSE_SECONDS)
        except Exception:
            if self.bot.db_closed:  # the bot stopped mid-pass: what is left is scanned when next read
                return
            log.exception("the pass scanning stories again after the upgrade stopped; the rest are scanned when read")
