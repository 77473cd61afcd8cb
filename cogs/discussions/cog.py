"""``/discussion``: schedule, plan, list, move and cancel chapter discussions; set prompts.

Thin on purpose: each command checks permissions (:func:`.wiring.can_manage`), makes one call to
:class:`~bot.discussions.planning.DiscussionPlanner` and sends the answer (:mod:`.answers` words
the planned ones). Posting on time is
:class:`~bot.discussions.service.DiscussionService`'s job, through :class:`.poster.DiscordPoster`,
built by :func:`.wiring.build_service`; the same sleeping timer also runs data retention for
servers the bot left.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import send_ephemeral
from bot.discussions.compose import listing_page, prompts_saved
from bot.discussions.planning import LISTING_LIMIT, DiscussionPlanner
from bot.text import when_line
from cogs._checks import guild_id_of, needs_permissions
from cogs._options import story_autocomplete
from cogs.discussions.answers import plan_answer, schedule_answer
from cogs.discussions.events import ScheduledEvents
from cogs.discussions.handled import EventDone, EventRetry, refusal_buttons
from cogs.discussions.poster import DiscordPoster
from cogs.discussions.prompts import Opened, PromptsModal
from cogs.discussions.where import POST_CHANNEL, bot_lacks_there, where_for
from cogs.discussions.wiring import build_service, can_manage

if TYPE_CHECKING:
    from bot.client import DogearBot

log = logging.getLogger(__name__)

MAX_CHAPTER = 100_000


def _runs_events(permissions: discord.Permissions) -> bool:
    """What Dogear's role needs for scheduled events (a role's own permissions leave Administrator unexpanded)."""
    return permissions.administrator or permissions.create_events or permissions.manage_events


@app_commands.guild_only()
@app_commands.default_permissions(manage_events=True)
class DiscussionCog(
    commands.GroupCog, group_name="discussion", group_description="Chapter discussions that post themselves on time"
):
    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot
        self.poster = DiscordPoster(bot)
        events = ScheduledEvents(bot)
        self.service = build_service(bot, self.poster, events)
        self.poster.presence = self.service.presence
        self.planner = DiscussionPlanner(self.service, events)
        self.open_modals: set[PromptsModal] = set()
        super().__init__()

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(EventDone, EventRetry)
        self.service.start()

    async def cog_unload(self) -> None:
        await self.service.stop()
        self.bot.remove_dynamic_items(EventDone, EventRetry)
        # A prompts form nobody submitted keeps a timeout task; it must not outlive the bot.
        for modal in list(self.open_modals):
            modal.stop()

    @commands.Cog.listener()
    async def on_interaction(self, interaction: discord.Interaction) -> None:
        """Whoever used a command, a button or a form in a server is in it: one found gone before is
        back (Discord never says who joins or leaves a server without the members intent)."""
        if interaction.guild_id is not None and self.service.presence is not None:
            self.service.presence.seen(interaction.guild_id, interaction.user.id)

    @commands.Cog.listener()
    async def on_progress_advanced(
        self, guild_id: int, user_id: int, story_id: int, chapter: int, previous: int
    ) -> None:
        """A member read from ``previous`` to ``chapter``: open the discussion threads newly earned."""
        try:
            await self.service.reader_advanced(guild_id, user_id, story_id, previous, chapter)
        except Exception:
            log.exception("could not add member %s to discussion threads", user_id)

    @commands.Cog.listener()
    async def on_progress_confirmed(self, guild_id: int, user_id: int, story_id: int, chapter: int) -> None:
        """A member set their progress to where it was: nothing newly reached, but a thread add that
        failed earlier is tried again (a few)."""
        try:
            await self.service.reader_advanced(guild_id, user_id, story_id, chapter, chapter)
        except Exception:
            log.exception("could not add member %s to discussion threads", user_id)

    @commands.Cog.listener()
    async def on_guild_role_update(self, before: discord.Role, after: discord.Role) -> None:
        """One of Dogear's roles now grants what scheduled events need, and did not: the events Discord
        refused for its lack are tried again (the admin gave the permission back)."""
        me = after.guild.me
        if (
            me is not None
            and after in me.roles
            and _runs_events(after.permissions)
            and not _runs_events(before.permissions)
        ):
            await self.planner.permission_given(after.guild.id)

    @commands.Cog.listener()
    async def on_story_removed(self, guild_id: int, story_id: int, event_ids: Sequence[int]) -> None:
        """The story's discussions are gone with it: wake the timer and remove their scheduled events."""
        await self.planner.story_removed(guild_id, event_ids)

    @commands.Cog.listener()
    async def on_discussions_cancelled(self, guild_id: int) -> None:
        """``/story update`` cancelled discussions of chapters it took out: their events are owed a deletion."""
        self.service.schedules_changed()

    @commands.Cog.listener()
    async def on_retention_changed(self) -> None:
        """The bot joined or left a server (cogs/lifecycle.py): re-read when the next deletion is due."""
        self.service.schedules_changed()

    @app_commands.command(name="schedule", description="Schedule a chapter discussion (Manage Events)")
    @app_commands.describe(
        story="The story",
        chapter="The chapter to discuss",
        when="When, e.g. tomorrow 7pm, sat 8pm, Dec 4 19:00, next week friday, in 3 days (server's time zone)",
        channel="Where to post (default: the discussion channel setting, else here)",
        event="Also create a Discord scheduled event",
        remind="Reminders before it, e.g. 24h,1h (default) or none",
    )
    @app_commands.check(can_manage)
    async def schedule(
        self,
        interaction: discord.Interaction,
        story: str,
        chapter: app_commands.Range[int, 1, MAX_CHAPTER],
        when: str,
        channel: POST_CHANNEL | None = None,
        event: bool = False,
        remind: str | None = None,
    ) -> None:
        guild_id = guild_id_of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        done = await self.planner.schedule(
            guild_id,
            story=story,
            chapter=chapter,
            when=when,
            where=where_for(interaction, channel),
            event=event,
            remind=remind,
            created_by=interaction.user.id,
        )
        await send_ephemeral(interaction, schedule_answer(done) + bot_lacks_there(interaction, done.channel_id))

    @app_commands.command(name="plan", description="Schedule one discussion per chapter on a rhythm (Manage Events)")
    @app_commands.describe(
        story="The story",
        start="When the first discussion is, e.g. friday 19:00",
        every="How often: daily, weekdays, weekly, every Friday, every other day, or days such as 3 days",
        from_chapter="The first chapter to discuss (default 1)",
        channel="Where to post (default: the discussion channel setting, else here)",
        remind="Reminders before each, e.g. 24h,1h (default) or none",
    )
    @app_commands.check(can_manage)
    async def plan(
        self,
        interaction: discord.Interaction,
        story: str,
        start: str,
        every: str,
        from_chapter: app_commands.Range[int, 1, MAX_CHAPTER] = 1,
        channel: POST_CHANNEL | None = None,
        remind: str | None = None,
    ) -> None:
        guild_id = guild_id_of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        done = await self.planner.plan(
            guild_id,
            story=story,
            start=start,
            every=every,
            from_chapter=from_chapter,
            where=where_for(interaction, channel),
            remind=remind,
            created_by=interaction.user.id,
        )
        await send_ephemeral(interaction, plan_answer(done) + bot_lacks_there(interaction, done.channel_id))

    @app_commands.command(
        name="list", description="Upcoming and failed discussions, and events I could not start or end (Manage Events)"
    )
    @app_commands.describe(page="Which page of the list")
    @app_commands.check(can_manage)
    async def list_(self, interaction: discord.Interaction, page: app_commands.Range[int, 1, 10_000] = 1) -> None:
        guild_id = guild_id_of(interaction)
        found, failed_reminders = await self.planner.listing(guild_id)
        guild = interaction.guild
        gone = await self.planner.channel_gone(
            guild_id, found, lambda channel_id: guild is None or guild.get_channel(channel_id) is not None
        )
        me = guild.me if guild is not None else None
        refused = me is not None and not _runs_events(me.guild_permissions)
        listed = listing_page(
            found,
            failed_reminders,
            page,
            most=LISTING_LIMIT,
            channel_gone=gone,
            events_refused=refused,
            refused_events=await self.planner.refused_events(guild_id),
            dismissed=await self.planner.dismissed_lately(guild_id),
        )
        view = refusal_buttons(listed.refusals_shown)
        await send_ephemeral(interaction, listed.text, **({"view": view} if view is not None else {}))
        if view is not None:
            view.stop()  # no view has to wait: a press is routed to its DynamicItem, also after a restart

    @app_commands.command(name="cancel", description="Cancel a scheduled discussion (Manage Events)")
    @app_commands.describe(id="The discussion's number, from /discussion list")
    @app_commands.check(can_manage)
    async def cancel(self, interaction: discord.Interaction, id: int) -> None:
        guild_id = guild_id_of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        note = await self.planner.cancel(guild_id, id)
        await send_ephemeral(interaction, f"Discussion #{id} is cancelled.{note}")

    @app_commands.command(name="move", description="Move a discussion to another time (Manage Events)")
    @app_commands.describe(
        id="The discussion's number, from /discussion list",
        when="The new time",
        event="Also create a Discord scheduled event, if it has none (one it has moves with it)",
    )
    @app_commands.check(can_manage)
    async def move(self, interaction: discord.Interaction, id: int, when: str, event: bool = False) -> None:
        guild_id = guild_id_of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        due, note = await self.planner.move(guild_id, id, when, event=event)
        await send_ephemeral(interaction, f"Discussion #{id} now opens {when_line(due)}.{note}")

    @app_commands.command(name="prompts", description="Set the discussion prompts for this server (Manage Server)")
    @app_commands.describe(prompts="Prompts separated by | (leave out to edit them in a form; 'default' resets)")
    @needs_permissions(manage_guild=True)
    async def prompts(self, interaction: discord.Interaction, prompts: str | None = None) -> None:
        guild_id = guild_id_of(interaction)
        if prompts is None:
            settings = await self.planner.settings(guild_id)
            modal = PromptsModal(self.save_prompts, settings.discussion_prompts, self.open_modals)
            await interaction.response.send_modal(modal)
            return
        reset = prompts.strip().lower() in ("default", "defaults")
        await self.save_prompts(interaction, "" if reset else prompts, empty_resets=reset)

    async def save_prompts(
        self, interaction: discord.Interaction, text: str, *, empty_resets: bool = True, opened: Opened = None
    ) -> None:
        guild_id = guild_id_of(interaction)
        reset, prompts = await self.planner.save_prompts(guild_id, text, empty_resets=empty_resets, opened=opened)
        await send_ephemeral(interaction, prompts_saved(reset, prompts))

    @schedule.autocomplete("story")
    @plan.autocomplete("story")
    async def story_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return await story_autocomplete(self.bot, interaction.guild_id, current)

    @cancel.autocomplete("id")
    @move.autocomplete("id")
    async def id_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[int]]:
        if interaction.guild_id is None:
            return []
        found = await self.planner.choices(interaction.guild_id, current)
        return [app_commands.Choice(name=label, value=discussion_id) for discussion_id, label in found]
