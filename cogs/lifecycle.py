"""Server membership: remember when the bot leaves, delete that server's data after a grace period.

A server that re-invites the bot within the retention period finds everything as it was.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import timedelta
from typing import TYPE_CHECKING

import discord
from discord.ext import commands

from bot.guilds import mark_joined, mark_left, purge_departed

if TYPE_CHECKING:
    from bot.client import DogearBot

log = logging.getLogger(__name__)
PURGE_INTERVAL = timedelta(hours=6)


class LifecycleCog(commands.Cog):
    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot
        self._purger: asyncio.Task[None] | None = None

    async def cog_load(self) -> None:
        self._purger = asyncio.create_task(self._purge_forever(), name="dogear-purge")

    async def cog_unload(self) -> None:
        if self._purger is not None:
            self._purger.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._purger

    async def purge_now(self) -> list[int]:
        retention = self.bot.settings.data_retention_days * 86400
        gone = await purge_departed(self.bot.db, self.bot.clock.now().timestamp(), retention)
        if gone:
            log.info("deleted the data of %d servers the bot left: %s", len(gone), gone)
        return gone

    async def _purge_forever(self) -> None:
        while True:
            try:
                await self.purge_now()
            except Exception:
                log.exception("purging departed servers failed; trying again later")
            await self.bot.clock.sleep_until(self.bot.clock.now() + PURGE_INTERVAL)

    @commands.Cog.listener()
    async def on_guild_join(self, guild: discord.Guild) -> None:
        await mark_joined(self.bot.db, guild.id, self.bot.clock.now().timestamp())

    @commands.Cog.listener()
    async def on_guild_available(self, guild: discord.Guild) -> None:
        await mark_joined(self.bot.db, guild.id, self.bot.clock.now().timestamp())

    @commands.Cog.listener()
    async def on_guild_remove(self, guild: discord.Guild) -> None:
        await mark_left(self.bot.db, guild.id, self.bot.clock.now().timestamp())
        log.info("left server %s; its data is kept for %g days", guild.id, self.bot.settings.data_retention_days)


async def setup(bot: DogearBot) -> None:
    await bot.add_cog(LifecycleCog(bot))
