"""``/schedule [story]``: every member sees when the next discussions are and whether they are ready."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import send_ephemeral
from bot.discussions.agenda import member_agenda, render_agenda
from cogs._checks import guild_id_of
from cogs._options import story_autocomplete

if TYPE_CHECKING:
    from bot.client import DogearBot


class ScheduleCog(commands.Cog):
    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot

    @app_commands.command(name="schedule", description="Upcoming discussions, and whether you have read each chapter")
    @app_commands.describe(story="Only this story's discussions", page="Which page of the list")
    @app_commands.guild_only()
    async def schedule(
        self, interaction: discord.Interaction, story: str | None = None, page: app_commands.Range[int, 1, 10_000] = 1
    ) -> None:
        guild_id = guild_id_of(interaction)
        title, items = await member_agenda(self.bot.db, guild_id, interaction.user.id, story, now=self.bot.clock.now())
        await send_ephemeral(interaction, render_agenda(title, items, page))

    @schedule.autocomplete("story")
    async def story_choices(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await story_autocomplete(self.bot, interaction.guild_id, current)


async def setup(bot: DogearBot) -> None:
    await bot.add_cog(ScheduleCog(bot))
