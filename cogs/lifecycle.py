"""Server membership: remember when the bot leaves; that server's data is deleted after a grace period.

A server that re-invites the bot within the retention period finds everything as it was.
The deletion itself is a job on the discussions timer (:class:`bot.discussions.jobs.RetentionJob`,
so the bot has one sleeping task); leaving, or coming back to a server it had left, tells that
timer to re-read when the next deletion is due. A server that removed the bot while it was
stopped sends nothing: when a shard is ready, the servers it lists are compared with the ones
recorded as present, and the missing ones are marked left then.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord.ext import commands

from bot.guild_service import bot_joined, bot_left, left_while_away
from bot.shards import ShardScope
from bot.text import plural

if TYPE_CHECKING:
    from bot.client import DogearBot

log = logging.getLogger(__name__)


class LifecycleCog(commands.Cog):
    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot

    @commands.Cog.listener()
    async def on_guild_join(self, guild: discord.Guild) -> None:
        await self._present(guild)

    @commands.Cog.listener()
    async def on_guild_available(self, guild: discord.Guild) -> None:
        """Every server says so at each start: only one the bot had left changes anything."""
        await self._present(guild)

    async def _present(self, guild: discord.Guild) -> None:
        if await bot_joined(self.bot.db, guild.id, self.bot.clock.now().timestamp()):
            log.info("back in server %s: its data is no longer due for deletion", guild.id)
            self.bot.dispatch("retention_changed")

    @commands.Cog.listener()
    async def on_guild_remove(self, guild: discord.Guild) -> None:
        await bot_left(self.bot.db, guild.id, self.bot.clock.now().timestamp())
        self.bot.dispatch("retention_changed")
        log.info("left server %s; its data is kept for %g days", guild.id, self.bot.settings.data_retention_days)

    @commands.Cog.listener()
    async def on_shard_ready(self, shard_id: int) -> None:
        """The shard's servers are all listed (an outage's show as unavailable): the others left meanwhile."""
        shard = ShardScope.of(self.bot.shard_count or 1, [shard_id])
        gone = await left_while_away(self.bot.db, self._is_present, self.bot.clock.now().timestamp(), shard.sql())
        if gone:
            self.bot.dispatch("retention_changed")
            log.info(
                "%s removed the bot while it was away (%s); their data is kept for %g days",
                plural(len(gone), "server"), ", ".join(str(g) for g in gone[:20]) + (", ..." if len(gone) > 20 else ""),
                self.bot.settings.data_retention_days,
            )  # fmt: skip

    def _is_present(self, guild_id: int) -> bool:
        return self.bot.get_guild(guild_id) is not None


async def setup(bot: DogearBot) -> None:
    await bot.add_cog(LifecycleCog(bot))
