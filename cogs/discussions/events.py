"""Discord scheduled events for discussions: the one place they are created, moved, started,
ended and deleted.

Implements :class:`bot.discussions.planning.EventKeeper` and
:class:`bot.discussions.service.EventStatus`. Moving and deleting never fail the command: the
discussion itself changed, so the admin gets a note saying what happened to the event instead.
Starting and ending follow Discord's one way (scheduled -> active -> completed): an event already
further along, cancelled or deleted is left as it is.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

import aiohttp
import discord

from bot.discussions.compose import failure_fix
from bot.discussions.failures import EventMissing, EventsForbidden, EventsRefused, PostFailure
from bot.discussions.service import EVENT_LENGTH, Unreachable
from bot.errors import UserError, connection_problem
from bot.limits import (
    SCHEDULED_EVENT_DESCRIPTION_CHARS,
    SCHEDULED_EVENT_LOCATION_CHARS,
    SCHEDULED_EVENT_NAME_CHARS,
)
from bot.text import clip
from cogs._messages import why_discord_refused
from cogs.discussions.refusals import reaching, refusal

if TYPE_CHECKING:
    from bot.client import DogearBot

log = logging.getLogger(__name__)

MAX_EVENTS = 30038  # "Maximum number of uncompleted guild scheduled events reached (100)"


def _event_not_now(why: str) -> str:
    """What the admin reads when Discord could not create a discussion's event just now."""
    return (
        f"I could not create the scheduled event ({why}), so nothing was scheduled. "
        "Try again in a minute, or schedule without an event."
    )


def event_name(title: str, chapter: int) -> str:
    """A discussion's event name: made by :meth:`ScheduledEvents.create`, looked for by ``created_for``."""
    return clip(f"{clip(title, 70)} — chapter {chapter} discussion", SCHEDULED_EVENT_NAME_CHARS)


def _event_refusal(error: discord.HTTPException, doing: str) -> PostFailure:
    """A 403 changing a scheduled event is the server permission Dogear's role lacks, never a channel's
    (:func:`refusal` would say "a permission there"): named, as :class:`EventsForbidden`, which the
    moderation channel's notice and ``compose.failure_fix`` answer with the grant."""
    if isinstance(error, discord.Forbidden):
        return EventsForbidden(f"{doing}: I lack Create Events ({error.text or 'Missing Permissions'})")
    return refusal(error, doing)


class ScheduledEvents:
    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot

    async def _guild(self, guild_id: int) -> discord.Guild:
        guild = self.bot.get_guild(guild_id)
        if guild is None:
            raise UserError("I can't see this server right now; try again in a minute.")
        return guild

    async def _ready_guild(self, guild_id: int, doing: str) -> discord.Guild:
        """The server once the gateway is ready (background work waits for it; a command's ``_guild``
        does not), or Unreachable: the timer tries again later."""
        await self.bot.wait_until_ready()
        guild = self.bot.get_guild(guild_id)
        if guild is None:
            raise Unreachable(f"{doing}: the server is not available right now")
        return guild

    async def create(self, guild_id: int, *, title: str, chapter: int, due: datetime, channel_id: int) -> int:
        guild = await self._guild(guild_id)
        channel = guild.get_channel(channel_id)
        where = f"#{channel.name}" if channel is not None else f"<#{channel_id}>"
        try:
            created = await guild.create_scheduled_event(
                name=event_name(title, chapter),
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
            raise EventsRefused(failure_fix(None, chapter, event_refused="schedule")) from None
        except discord.HTTPException as error:
            if error.code == MAX_EVENTS:
                raise UserError(
                    "This server already has 100 upcoming or live events, Discord's limit. "
                    "End or delete one, or schedule without an event. Nothing was scheduled."
                ) from None
            if isinstance(error, discord.DiscordServerError) or error.status == 429:
                raise Unreachable(_event_not_now(why_discord_refused(error))) from error
            raise
        except (aiohttp.ClientError, OSError) as error:  # its answer lost: it may be made all the same
            raise Unreachable(_event_not_now(f"Discord could not be reached: {connection_problem(error)}")) from error
        return created.id

    async def created_for(self, guild_id: int, *, title: str, chapter: int, due: datetime) -> list[int]:
        """This bot's events named and timed as :meth:`create` makes the discussion's (a start after
        a kill looks for one never stored: bot.discussions.event_deletions)."""
        doing = "looking for a scheduled event left half-created"
        guild = await self._ready_guild(guild_id, doing)
        try:
            with reaching(doing):
                events = await guild.fetch_scheduled_events(with_counts=False)
        except discord.HTTPException as error:
            raise refusal(error, doing) from error
        me = self.bot.user.id if self.bot.user is not None else None
        name = event_name(title, chapter)
        # (Discord may keep the start time to the millisecond only.)
        return [
            e.id
            for e in events
            if e.creator_id == me and e.name == name and abs((e.start_time - due).total_seconds()) < 1
        ]

    async def _live(self, guild_id: int, event_id: int, doing: str) -> discord.ScheduledEvent | None:
        """The event as Discord has it now; None once deleted. For the timer, so it waits for the gateway."""
        guild = await self._ready_guild(guild_id, doing)
        try:
            with reaching(doing):
                return await guild.fetch_scheduled_event(event_id)
        except discord.NotFound:
            return None
        except discord.HTTPException as error:
            raise refusal(error, doing) from error

    async def _advance(self, event: discord.ScheduledEvent, doing: str) -> discord.ScheduledEvent:
        """One step along scheduled -> active -> completed; an event already past it is returned as it is."""
        try:
            with reaching(doing):
                if event.status is discord.EventStatus.scheduled:
                    return await event.start()
                if event.status is discord.EventStatus.active:
                    return await event.end()
        except discord.NotFound:
            return event  # deleted meanwhile: nothing left to move along
        except discord.HTTPException as error:
            raise _event_refusal(error, doing) from error
        return event

    async def start(self, guild_id: int, event_id: int) -> datetime | None:
        event = await self._live(guild_id, event_id, "starting the scheduled event")
        if event is None:
            return None
        if event.status is discord.EventStatus.scheduled:
            event = await self._advance(event, "starting the scheduled event")
        if event.status is not discord.EventStatus.active:
            return None
        return event.end_time or event.start_time + EVENT_LENGTH

    async def end(self, guild_id: int, event_id: int) -> None:
        event = await self._live(guild_id, event_id, "ending the scheduled event")
        while event is not None and event.status in (discord.EventStatus.scheduled, discord.EventStatus.active):
            moved = await self._advance(event, "ending the scheduled event")
            if moved.status is event.status:
                return
            event = moved

    async def cancel(self, guild_id: int, event_id: int) -> None:
        event = await self._live(guild_id, event_id, "cancelling the scheduled event")
        if event is None:
            return
        if event.status is discord.EventStatus.active:  # posted, then failed: Discord can only complete it
            await self._advance(event, "ending the scheduled event")
        elif event.status is discord.EventStatus.scheduled:
            try:
                with reaching("cancelling the scheduled event"):
                    await event.cancel()
            except discord.NotFound:
                return
            except discord.HTTPException as error:
                raise _event_refusal(error, "cancelling the scheduled event") from error

    async def remove(self, guild_id: int, event_id: int) -> bool:
        """Delete an event its discussion no longer needs (owed, see bot.discussions.event_deletions);
        False when it was gone already."""
        event = await self._live(guild_id, event_id, "deleting the scheduled event")
        if event is None:
            return False
        try:
            with reaching("deleting the scheduled event"):
                await event.delete()
        except discord.NotFound:
            return False
        except discord.HTTPException as error:
            raise _event_refusal(error, "deleting the scheduled event") from error
        return True

    async def move(self, guild_id: int, event_id: int, due: datetime) -> str:
        """The event moved with its discussion, and a note saying so; raises :class:`EventMissing` when
        it was deleted, cancelled or ended in Discord ("edit it by hand" named nothing left to edit)."""
        try:
            guild = await self._guild(guild_id)
            scheduled = await guild.fetch_scheduled_event(event_id)
            if scheduled.status in (discord.EventStatus.completed, discord.EventStatus.cancelled):
                raise EventMissing
            await scheduled.edit(start_time=due, end_time=due + EVENT_LENGTH)
        except discord.NotFound:
            raise EventMissing from None
        except discord.Forbidden:
            log.info("no permission to move scheduled event %s in server %s", event_id, guild_id)
            return " " + failure_fix(None, 0, event_refused="move")
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
