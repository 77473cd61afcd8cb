"""How the discussion cog is put together: who may run its commands, and the service it drives.

Apart from :mod:`.cog` (split when the cog reached the 300 lines the shape tests allow): the cog
keeps its commands and listeners; this module builds :class:`~bot.discussions.service.DiscussionService`
with retention on the same timer, and holds the permission check every managing command shares.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.discussions.jobs import RetentionJob
from bot.discussions.presence import MemberPresence
from bot.discussions.service import DiscussionService
from cogs.discussions.events import ScheduledEvents
from cogs.discussions.poster import DiscordPoster

if TYPE_CHECKING:
    from bot.client import DogearBot


def manages_events(permissions: discord.Permissions) -> bool:
    """Who may manage the club's discussions: Manage Events or Manage Server."""
    return permissions.manage_events or permissions.manage_guild


async def can_manage(interaction: discord.Interaction) -> bool:
    """Manage Events or Manage Server, checked in code (default permissions only hide the command)."""
    if manages_events(interaction.permissions):
        return True
    raise app_commands.MissingPermissions(["manage_events"])


def build_service(bot: DogearBot, poster: DiscordPoster, events: ScheduledEvents) -> DiscussionService:
    """The discussion service for this process's servers, with data retention on the same timer;
    ``events`` starts a discussion's scheduled event when it posts and ends it at its end time."""
    retention = RetentionJob(bot.db, bot.clock, timedelta(days=bot.settings.data_retention_days), bot.shard_scope)
    return DiscussionService(
        bot.db,
        bot.clock,
        poster,
        grace=timedelta(hours=bot.settings.discussion_grace_hours),
        scope=bot.shard_scope,
        other_jobs=[retention],
        events=events,
        presence=MemberPresence(poster.member_present, bot.clock),
    )
