"""``/excerpt``: a chapter posted behind spoilers for the club, or read privately.

The header (title, chapter, length, warnings) always comes first. A post is a job the
service persists (``bot/excerpts``): it survives a restart or a crash, resumes from the next
message when the bot starts, and is never posted twice. A chapter longer than
``MAX_POST_MESSAGES`` is not posted; the admin is pointed to ``/excerpt read`` for members.
Discord applies default permissions per top-level command only, so ``/excerpt`` is visible
to everyone and ``post`` checks Manage Messages in code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.excerpts.service import ExcerptService
from bot.text import PAGE_MOST
from cogs._checks import needs_permissions
from cogs._options import story_autocomplete
from cogs.excerpts.buttons import READING_ITEMS, read_privately
from cogs.excerpts.posting import DiscordPoster, PostAgain, post_and_answer

if TYPE_CHECKING:
    from bot.client import DogearBot

MAX_CHAPTER = 100_000
DYNAMIC_ITEMS = (*READING_ITEMS, PostAgain)


@app_commands.guild_only()
class ExcerptCog(commands.GroupCog, group_name="excerpt", group_description="Chapters behind spoilers, for the club"):
    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot
        self.service = ExcerptService(
            bot.db,
            bot.clock,
            bot.workers,
            max_messages=bot.settings.max_post_messages,
            budget=bot.settings.message_budget,
        )
        self._resumed = False
        super().__init__()

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(*DYNAMIC_ITEMS)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(*DYNAMIC_ITEMS)
        await self.service.close()  # running posts stop between two messages and resume at the next start

    @commands.Cog.listener()
    async def on_ready(self) -> None:
        """Once per start: resume the posts a restart or crash cut off, in the servers this process owns."""
        if self._resumed:
            return
        self._resumed = True
        await self.service.resume_unfinished(DiscordPoster(self.bot), self.bot.shard_scope)

    @app_commands.command(name="post", description="Post a chapter behind spoilers (Manage Messages)")
    @app_commands.describe(story="The story", chapter="Which chapter", channel="Where (default: the club channel)")
    @needs_permissions(manage_messages=True)
    async def post(
        self,
        interaction: discord.Interaction,
        story: str,
        chapter: app_commands.Range[int, 1, MAX_CHAPTER],
        channel: discord.TextChannel | discord.Thread | None = None,
    ) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        await post_and_answer(interaction, story, chapter, channel.id if channel else None)

    @app_commands.command(name="read", description="Read a chapter privately (only you see it)")
    @app_commands.describe(
        story="The story", chapter="Which chapter", page="A long chapter's next page (its last message says which)"
    )
    async def read(
        self,
        interaction: discord.Interaction,
        story: str,
        chapter: app_commands.Range[int, 1, MAX_CHAPTER],
        page: app_commands.Range[int, 1, PAGE_MOST] = 1,
    ) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        await read_privately(interaction, story, chapter, confirmed=False, page=page)

    @post.autocomplete("story")
    @read.autocomplete("story")
    async def story_option(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await story_autocomplete(self.bot, interaction.guild_id, current)


async def setup(bot: DogearBot) -> None:
    await bot.add_cog(ExcerptCog(bot))
