"""Discord scheduled events for discussions: the one place they are created, moved and deleted.

Implements :class:`bot.discussions.planning.EventKeeper`. Moving and deleting never fail the
command: the discussion itself changed, so the admin gets a note saying what happened to
the event instead.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import discord

from bot.errors import UserError
from bot.limits import (
    SCHEDULED_EVENT_DESCRIPTION_CHARS,
    SCHEDULED_EVENT_LOCATION_CHARS,
    SCHEDULED_EVENT_NAME_CHARS,
)
from bot.text import clip

if TYPE_CHECKING:
    from bot.client import DogearBot

log = logging.getLogger(__name__)

EVENT_LENGTH = timedelta(hours=1)


class ScheduledEvents:
    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot

    async def _guild(self, guild_id: int) -> discord.Guild:
        guild = self.bot.get_guild(guild_id)
        if guild is None:
            raise UserError("I can't see this server right now; try again in a minute.")
        return guild

    async def create(self, guild_id: int, *, title: str, chapter: int, due: datetime, channel_id: int) -> int:
        guild = await self._guild(guild_id)
        channel = guild.get_channel(channel_id)
        where = f"#{channel.name}" if channel is not None else f"<#{channel_id}>"
        try:
            created = await guild.create_scheduled_event(
                name=clip(f"{clip(title, 70)} — chapter {chapter} discussion", SCHEDULED_EVENT_NAME_CHARS),
                description=clip(
                    f"Reading club discussion of {title}, chapter {chapter}.", SCHEDULED_EVENT_DESCRIPTION_CHARS
                ),
                start_time=due,
                end_time=due + EVENT_LENGTH,
                entity_type=discord.EntityType.external,
                privacy_level=discord.PrivacyLevel.guild_only,
                location=clip(f"Discord {where}", SCHEDULED_EVENT_LOCATION_CHARS),
            )
        except discord.Forbidden:
            raise UserError("I need the Create Events permission to add an event. Nothing was scheduled.") from None
        return created.id

    async def move(self, guild_id: int, event_id: int, due: datetime) -> str:
        try:
            guild = await self._guild(guild_id)
            scheduled = await guild.fetch_scheduled_event(event_id)
            await scheduled.edit(start_time=due, end_time=due + EVENT_LENGTH)
        except (discord.HTTPException, UserError):
            log.info("could not move scheduled event %s in server %s", event_id, guild_id, exc_info=True)
            return " I could not move its scheduled event; edit it by hand."
        return " Its scheduled event moved too."

    async def delete(self, guild_id: int, event_id: int) -> str:
        try:
            guild = await self._guild(guild_id)
            scheduled = await guild.fetch_scheduled_event(event_id)
            await scheduled.delete()
        except discord.NotFound:
            return " Its scheduled event was already gone."
        except (discord.HTTPException, UserError):
            log.info("could not delete scheduled event %s in server %s", event_id, guild_id, exc_info=True)
            return " I could not delete its scheduled event; remove it by hand."
        return " Its scheduled event was deleted."
