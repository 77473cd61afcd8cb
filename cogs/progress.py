"""``/progress``: where you are in each story, and where the club is, without spoiling anyone."""

from __future__ import annotations

import io
import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.errors import UserError
from bot.limits import ATTACHMENT_DESCRIPTION_CHARS
from bot.progress import store
from bot.progress.bars import progress_line
from bot.progress.chart import render_club_chart
from bot.progress.render import club_text, member_text
from bot.story.store import resolve_story
from cogs._checks import guild_id_of
from cogs._options import story_autocomplete

if TYPE_CHECKING:
    from bot.client import DogearBot

log = logging.getLogger(__name__)
MAX_CHAPTER = 100_000  # Discord needs a bound; the story's own length is checked in the store


async def next_discussion_chapter(bot: DogearBot, guild_id: int, story_id: int) -> int | None:
    """The chapter of this story's next scheduled discussion, if any is scheduled."""
    from bot.discussions.store import next_discussion

    upcoming = await next_discussion(bot.db, guild_id, story_id, now=bot.clock.now())
    return None if upcoming is None else upcoming.chapter


@app_commands.guild_only()
class ProgressCog(
    commands.GroupCog, group_name="progress", group_description="Where you and your club are in each story"
):
    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot
        super().__init__()

    def _now(self) -> float:
        return self.bot.clock.now().timestamp()

    @app_commands.command(name="set", description="Record the last chapter you have read in a story")
    @app_commands.describe(story="The story", chapter="The last chapter you finished (0 = not started)")
    async def set_(
        self,
        interaction: discord.Interaction,
        story: str,
        chapter: app_commands.Range[int, 0, MAX_CHAPTER],
    ) -> None:
        guild_id = guild_id_of(interaction)
        story_id = (await resolve_story(self.bot.db, guild_id, story)).id
        update = await store.set_progress(
            self.bot.db,
            guild_id,
            interaction.user.id,
            story_id,
            chapter,
            now=self._now(),
            display_name=interaction.user.display_name,
        )
        if update.advanced:
            self.bot.dispatch("progress_advanced", guild_id, interaction.user.id, story_id, chapter)
        title = discord.utils.escape_markdown(update.story.title)
        line = f"`{progress_line(update.chapter, update.story.chapter_count)}` **{title}**"
        if update.chapter == update.previous:
            note = "No change: that is already where you are."
        elif update.advanced:
            note = f"Saved: you have read up to chapter {update.chapter}."
        else:
            note = f"Saved: moved back from chapter {update.previous} to {update.chapter}."
        await interaction.response.send_message(f"{note}\n{line}", ephemeral=True)

    @set_.autocomplete("story")
    async def set_story(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await story_autocomplete(self.bot, interaction.guild_id, current)

    @app_commands.command(name="show", description="Each story you (or another member) are reading, with a bar")
    @app_commands.describe(member="Whose progress to show (default: yours)")
    async def show(self, interaction: discord.Interaction, member: discord.Member | None = None) -> None:
        guild_id = guild_id_of(interaction)
        target = member or interaction.user
        mine = target.id == interaction.user.id
        if not mine and await store.is_hidden(self.bot.db, guild_id, target.id):
            raise UserError(f"{target.mention} keeps their reading progress private.")
        stories = await store.member_progress(self.bot.db, guild_id, target.id)
        whose = "Your" if mine else f"{target.mention}'s"
        if not stories:
            whose = "You have" if mine else f"{target.mention} has"
        await interaction.response.send_message(
            member_text(stories, whose=whose, budget=self.bot.settings.message_budget), ephemeral=True
        )

    @app_commands.command(name="club", description="Where every member is in a story, and who is caught up")
    @app_commands.describe(story="The story")
    async def club(self, interaction: discord.Interaction, story: str) -> None:
        guild_id = guild_id_of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        story_id = (await resolve_story(self.bot.db, guild_id, story)).id
        club = await store.club_progress(self.bot.db, guild_id, story_id)
        chapter = await next_discussion_chapter(self.bot, guild_id, story_id)
        target, label = (
            (chapter, "the next discussion") if chapter else (club.story.chapter_count, "the latest chapter")
        )
        text = club_text(club, target=target, target_label=label, budget=self.bot.settings.message_budget)
        try:
            png = await self.bot.workers.run("Drawing the chart", render_club_chart, club, target=target, time_limit=10)
        except Exception:
            # The text already says everything the chart shows; never lose the answer over an image.
            log.exception("progress chart failed for story %s", story_id)
            await interaction.followup.send(text, ephemeral=True)
            return
        chart = discord.File(
            io.BytesIO(png),
            filename="club-progress.png",
            description=f"Club progress: {club.story.title}"[:ATTACHMENT_DESCRIPTION_CHARS],
        )
        await interaction.followup.send(text, file=chart, ephemeral=True)

    @club.autocomplete("story")
    async def club_story(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await story_autocomplete(self.bot, interaction.guild_id, current)

    @app_commands.command(name="privacy", description="Hide your progress from others (you are still counted)")
    @app_commands.describe(hidden="True: others see you only as a number; False: your name is shown")
    async def privacy(self, interaction: discord.Interaction, hidden: bool) -> None:
        guild_id = guild_id_of(interaction)
        await store.set_hidden(
            self.bot.db,
            guild_id,
            interaction.user.id,
            hidden,
            now=self._now(),
            display_name=interaction.user.display_name,
        )
        if hidden:
            message = "Your progress is now hidden in this server: club views count you but never name you."
        else:
            message = "Your progress is now visible in this server: club views show your name and chapter."
        await interaction.response.send_message(message, ephemeral=True)


async def setup(bot: DogearBot) -> None:
    await bot.add_cog(ProgressCog(bot))
