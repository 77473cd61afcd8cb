"""The buttons beside ``/discussion list``'s refused events: Try again, and Done.

A scheduled event Discord refused to start, end or cancel stays listed until it no longer matters
(:func:`bot.discussions.compose.listing_page`). Try again makes one try now (the permission given
back); Done takes it off, saying who. Each carries the discussion's id in its custom id
(``DynamicItem``), so it works after a restart, and checks the presser at the press: a button is
only as private as its message, and a modified client can send any custom id.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import discord

from bot.client import Tracked, report_error, send_ephemeral
from bot.errors import UserError
from bot.limits import BUTTON_LABEL_CHARS
from bot.text import clip
from cogs._checks import carried_id, guild_id_of
from cogs.discussions.wiring import manages_events

if TYPE_CHECKING:
    from cogs.discussions.cog import DiscussionCog


def _admin_cog(interaction: discord.Interaction, doing: str) -> DiscussionCog:
    """The discussions cog, for a presser with Manage Events or Manage Server (else a refusal)."""
    if not manages_events(interaction.permissions):
        raise UserError(f"Only an admin with the Manage Events permission can {doing}.")
    cog: DiscussionCog | None = interaction.client.get_cog("DiscussionCog")  # type: ignore[attr-defined]
    if cog is None:
        raise UserError("Discussions are switched off on this bot right now.")
    return cog


class EventDone(Tracked, discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"dogear:event-done:(?P<id>\d+)"):
    """Takes one discussion's refused event off ``/discussion list`` (Manage Events or Manage Server)."""

    def __init__(self, discussion_id: int) -> None:
        super().__init__(
            discord.ui.Button(
                label=clip(f"Done: #{discussion_id}'s event", BUTTON_LABEL_CHARS),
                style=discord.ButtonStyle.secondary,
                emoji="✅",
                custom_id=f"dogear:event-done:{discussion_id}",
            )
        )
        self.discussion_id = discussion_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> EventDone:
        return cls(carried_id(match["id"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            guild_id = guild_id_of(interaction)
            cog = _admin_cog(interaction, "take an event off the list")
            await interaction.response.defer()  # answered before the write waits; the listing is edited below
            text = await cog.planner.dismiss_refused_event(guild_id, self.discussion_id, by=interaction.user.id)
        except Exception as error:
            await report_error(interaction, error, what=f"button {self.custom_id}")
            return
        await _drop_buttons(interaction, self.discussion_id)
        await send_ephemeral(interaction, text)


class EventRetry(Tracked, discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"dogear:event-retry:(?P<id>\d+)"):
    """Tries one discussion's refused event once more, now (Manage Events or Manage Server)."""

    def __init__(self, discussion_id: int) -> None:
        super().__init__(
            discord.ui.Button(
                label=clip(f"Try again: #{discussion_id}'s event", BUTTON_LABEL_CHARS),
                style=discord.ButtonStyle.primary,
                emoji="🔁",
                custom_id=f"dogear:event-retry:{discussion_id}",
            )
        )
        self.discussion_id = discussion_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> EventRetry:
        return cls(carried_id(match["id"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            guild_id = guild_id_of(interaction)
            cog = _admin_cog(interaction, "try an event again")
            await interaction.response.defer()  # Discord is asked below: answered first
            settled, text = await cog.planner.retry_refused_event(guild_id, self.discussion_id, by=interaction.user.id)
        except Exception as error:
            await report_error(interaction, error, what=f"button {self.custom_id}")
            return
        if settled:
            await _drop_buttons(interaction, self.discussion_id)
        await send_ephemeral(interaction, text)


async def _drop_buttons(interaction: discord.Interaction, discussion_id: int) -> None:
    """The listing pressed keeps its text and the other events' buttons; the pressed one's go."""
    if interaction.message is None:
        return
    left = [
        carried_id(match["id"])
        for row in interaction.message.components
        for child in getattr(row, "children", ())
        if (match := EventDone.__discord_ui_compiled_template__.fullmatch(str(getattr(child, "custom_id", None))))
    ]
    view = refusal_buttons([shown for shown in left if shown != discussion_id])
    await interaction.edit_original_response(view=view)
    if view is not None:
        view.stop()  # a press is routed to EventDone and EventRetry


def refusal_buttons(discussion_ids: list[int]) -> discord.ui.View | None:
    """Try again and Done beside each other for each refused event a page shows (none: no view). Stop
    the view once sent: a press is routed to :class:`EventRetry` or :class:`EventDone`, also after a
    restart."""
    if not discussion_ids:
        return None
    view = discord.ui.View(timeout=None)
    for discussion_id in discussion_ids:
        view.add_item(EventRetry(discussion_id))
        view.add_item(EventDone(discussion_id))
    return view
