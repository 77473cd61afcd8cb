"""Server membership: remember when the bot leaves; that server's data is deleted after a grace period.

A server that re-invites the bot within the retention period finds everything as it was.
The deletion itself is a job on the discussions timer (:class:`bot.discussions.jobs.RetentionJob`,
so the bot has one sleeping task); joining or leaving tells that timer to re-read when the
next deletion is due.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord.ext import commands

from bot.guilds import mark_joined, mark_left

if TYPE_CHECKING:
    from bot.client import DogearBot

log = logging.getLogger(__name__)


class LifecycleCog(commands.Cog):
    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot

    @commands.Cog.listener()
    async def on_guild_join(self, guild: discord.Guild) -> None:
        await mark_joined(self.bot.db, guild.id, self.bot.clock.now().timestamp())
        self.bot.dispatch("retention_changed")

    @commands.Cog.listener()
    async def on_guild_available(self, guild: discord.Guild) -> None:
        await mark_joined(self.bot.db, guild.id, self.bot.clock.now().timestamp())
        self.bot.dispatch("retention_changed")

    @commands.Cog.listener()
    async def on_guild_remove(self, guild: discord.Guild) -> None:
        await mark_left(self.bot.db, guild.id, self.bot.clock.now().timestamp())
        self.bot.dispatch("retention_changed")
        log.info("left server %s; its data is kept for %g days", guild.id, self.bot.settings.data_retention_days)


async def setup(bot: DogearBot) -> None:
    await bot.add_cog(LifecycleCog(bot))
