"""Server membership: remember when the bot leaves, delete that server's data after a grace period.

A server that re-invites the bot within the retention period finds everything as it was.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import discord
from discord.ext import commands

from bot.guilds import mark_joined, mark_left, next_purge_at, purge_departed

if TYPE_CHECKING:
    from bot.client import DogearBot

log = logging.getLogger(__name__)


class LifecycleCog(commands.Cog):
    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot
        self._purger: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()

    async def cog_load(self) -> None:
        self._purger = asyncio.create_task(self._purge_forever(), name="dogear-purge")

    async def cog_unload(self) -> None:
        if self._purger is not None:
            self._purger.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._purger

    @property
    def retention_seconds(self) -> float:
        return self.bot.settings.data_retention_days * 86400

    async def purge_now(self) -> list[int]:
        gone = await purge_departed(self.bot.db, self.bot.clock.now().timestamp(), self.retention_seconds)
        if gone:
            log.info("deleted the data of %d servers the bot left: %s", len(gone), gone)
        return gone

    async def _purge_forever(self) -> None:
        """Sleep until the next departed server is due (no polling); a leave or join re-arms it."""
        while True:
            self._wake.clear()
            due: float | None = None
            try:
                await self.purge_now()
                due = await next_purge_at(self.bot.db, self.retention_seconds)
            except Exception:
                log.exception("purging departed servers failed; trying again within the hour")
                due = self.bot.clock.now().timestamp() + 3600
            await self._sleep(due)

    async def _sleep(self, due: float | None) -> None:
        waiters = {asyncio.create_task(self._wake.wait())}
        if due is not None:
            waiters.add(asyncio.create_task(self.bot.clock.sleep_until(datetime.fromtimestamp(due, UTC))))
        try:
            await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in waiters:
                waiter.cancel()
            await asyncio.gather(*waiters, return_exceptions=True)

    @commands.Cog.listener()
    async def on_guild_join(self, guild: discord.Guild) -> None:
        await mark_joined(self.bot.db, guild.id, self.bot.clock.now().timestamp())
        self._wake.set()

    @commands.Cog.listener()
    async def on_guild_available(self, guild: discord.Guild) -> None:
        await mark_joined(self.bot.db, guild.id, self.bot.clock.now().timestamp())
        self._wake.set()

    @commands.Cog.listener()
    async def on_guild_remove(self, guild: discord.Guild) -> None:
        await mark_left(self.bot.db, guild.id, self.bot.clock.now().timestamp())
        self._wake.set()
        log.info("left server %s; its data is kept for %g days", guild.id, self.bot.settings.data_retention_days)


async def setup(bot: DogearBot) -> None:
    await bot.add_cog(LifecycleCog(bot))
