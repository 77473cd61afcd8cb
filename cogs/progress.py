"""``/progress``: where you are in each story, and where the club is, without spoiling anyone."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import send_ephemeral
from bot.limits import ATTACHMENT_DESCRIPTION_CHARS
from bot.progress import service
from bot.text import clip, cluster_cut
from cogs._checks import guild_id_of
from cogs._options import story_autocomplete

if TYPE_CHECKING:
    from bot.client import DogearBot

MAX_CHAPTER = 100_000  # Discord needs a bound; the story's own length is checked by the service
MAX_PAGE = 10_000


def _next_page(member: discord.Member | None) -> str:
    """The command for the next page of ``/progress show``, naming the same member (by username,
    which a member can type; stripped of what would end the code span or the page template)."""
    if member is None:
        return "/progress show page:{page}"
    handle = "".join(ch for ch in member.name if ch not in "`{}")
    return f"/progress show member:@{handle} page:{{page}}"


def _club_next_page(story: str) -> str:
    """The command for the next page of ``/progress club``, naming the same story as it was given
    (the menu's id, or the title typed), stripped of what would end the code span or the page template."""
    named = " ".join("".join(ch for ch in story if ch not in "`{}").split())
    named = named[: cluster_cut(named, 200)]  # never half a flag at the end
    return f"/progress club story:{named} page:{{page}}"


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
        saved = await service.record(
            self.bot.db, guild_id, interaction.user.id, story, chapter,
            now=self._now(), display_name=interaction.user.display_name,
        )  # fmt: skip
        if saved.advanced:
            self.bot.dispatch(
                "progress_advanced", guild_id, interaction.user.id, saved.story_id, saved.chapter, saved.previous
            )
        elif saved.chapter == saved.previous and saved.chapter > 0:
            # Set again where they are: what a member does who finds a thread shut (an add that failed).
            self.bot.dispatch("progress_confirmed", guild_id, interaction.user.id, saved.story_id, saved.chapter)
        await send_ephemeral(interaction, saved.text)

    @set_.autocomplete("story")
    async def set_story(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await story_autocomplete(self.bot, interaction.guild_id, current)

    @app_commands.command(name="show", description="Each story you (or another member) are reading, with a bar")
    @app_commands.describe(member="Whose progress to show (default: yours)", page="Which page of the list")
    async def show(
        self,
        interaction: discord.Interaction,
        member: discord.Member | None = None,
        page: app_commands.Range[int, 1, MAX_PAGE] = 1,
    ) -> None:
        target = member or interaction.user
        text = await service.member_view(
            self.bot.db, guild_id_of(interaction), interaction.user.id, target.id,
            mention=target.mention, budget=self.bot.settings.message_budget,
            page=page, next_page=_next_page(member),
        )  # fmt: skip
        await send_ephemeral(interaction, text)

    @app_commands.command(name="club", description="Where every member is in a story, and who is caught up")
    @app_commands.describe(story="The story", page="Which page of the list")
    async def club(
        self, interaction: discord.Interaction, story: str, page: app_commands.Range[int, 1, MAX_PAGE] = 1
    ) -> None:
        guild_id = guild_id_of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        view = await service.club_view(
            self.bot.db, self.bot.workers, guild_id, story,
            now=self.bot.clock.now(), budget=self.bot.settings.message_budget,
            page=page, next_page=_club_next_page(story), still_here=self._still_here(),
        )  # fmt: skip
        if view.chart is None:
            await send_ephemeral(interaction, view.text)
            return
        chart = discord.File(
            io.BytesIO(view.chart),
            filename="club-progress.png",
            description=clip(f"Club progress: {view.title}", ATTACHMENT_DESCRIPTION_CHARS),
        )
        await send_ephemeral(interaction, view.text, file=chart)

    def _still_here(self) -> service.StillHere | None:
        """What the discussions' reminders know (and may learn, within their budget) of members who
        left the server; None when that cog is not loaded (the club is listed as stored)."""
        cog = self.bot.get_cog("DiscussionCog")
        presence = getattr(getattr(cog, "service", None), "presence", None)
        return None if presence is None else presence.still_here

    @club.autocomplete("story")
    async def club_story(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await story_autocomplete(self.bot, interaction.guild_id, current)

    @app_commands.command(name="privacy", description="Hide your progress from others (you are still counted)")
    @app_commands.describe(hidden="True: others see you only as a number; False: your name is shown")
    async def privacy(self, interaction: discord.Interaction, hidden: bool) -> None:
        message = await service.set_privacy(
            self.bot.db, guild_id_of(interaction), interaction.user.id, hidden,
            now=self._now(), display_name=interaction.user.display_name,
        )  # fmt: skip
        await send_ephemeral(interaction, message)


async def setup(bot: DogearBot) -> None:
    await bot.add_cog(ProgressCog(bot))
