"""The Remove / Cancel buttons under ``/story remove``, working after a restart as well.

The story and the admin who asked ride in each button's custom id (``DynamicItem``), so a
confirmation answered after the bot restarted, or minutes later, is still answered: a view held
in memory would leave the admin with "This interaction failed" on a button still shown. Only the
admin who asked may answer, and Remove checks Manage Server again at the press. (The leading
underscore keeps extension discovery away: ``cogs/stories.py`` registers these.)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import discord

from bot.client import Tracked, report_error
from bot.story.service import StoryRecord, remove_from_library
from bot.text import escape_markdown, plural
from cogs._checks import carried_id, guild_id_of
from cogs._remove_choice import ACTIONS, choice_button, not_answered, pressed

if TYPE_CHECKING:
    from bot.client import DogearBot


class RemoveChoice(
    Tracked,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"dogear:story-remove:(?P<action>[rc]):(?P<story>\d{1,20}):(?P<admin>\d{1,20})",
):
    """Remove (``r``) or keep (``c``) one story, for the admin who asked. (A story's id is never
    given to another story, migration 0012, so an old confirmation cannot reach a newer story.)"""

    def __init__(self, action: str, story_id: int, admin_id: int) -> None:
        super().__init__(choice_button(action, f"dogear:story-remove:{action}:{story_id}:{admin_id}"))
        self.action = action
        self.story_id = story_id
        self.admin_id = admin_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> RemoveChoice:
        return cls(match["action"], carried_id(match["story"]), carried_id(match["admin"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            await self._answer(interaction)
        except Exception as error:
            await report_error(interaction, error, what=f"removing story {self.story_id}")

    async def _answer(self, interaction: discord.Interaction) -> None:
        guild_id = guild_id_of(interaction)
        if not await pressed(interaction, self.action, self.admin_id, "the story"):
            return
        try:
            # Acknowledge within Discord's 3 s before touching the database; the edit follows.
            await interaction.response.defer()
            bot: DogearBot = interaction.client  # type: ignore[assignment]
            removal = await remove_from_library(bot.db, guild_id, self.story_id)
        except Exception:
            not_answered(interaction)  # nothing removed (a post running, the disk full): a press later may
            raise
        if removal.removed:
            # Its discussions went with it: discussions re-arms its timer and deletes their Discord events.
            bot.dispatch("story_removed", guild_id, self.story_id, removal.event_ids)
        if removal.removed and removal.title is not None:
            text = (
                f"Removed **{escape_markdown(removal.title)}** with its progress, warnings and scheduled discussions."
            )
        else:
            text = "That story was already removed."
        await interaction.edit_original_response(content=text, view=None)


def confirm_remove(record: StoryRecord, admin_id: int) -> tuple[str, discord.ui.View]:
    """The question and its two buttons (stop the view once sent: a press is routed to ``RemoveChoice``)."""
    view = discord.ui.View(timeout=None)
    for action in ACTIONS:
        view.add_item(RemoveChoice(action, record.id, admin_id))
    question = (
        f"Remove **{escape_markdown(record.title)}** ({plural(record.chapter_count, 'chapter')})? Its reading "
        "progress, warning scans and scheduled discussions go with it. (A new version of the same story? "
        "`/story update` takes it and keeps all of that.)"
    )
    return question, view


__all__ = ["RemoveChoice", "confirm_remove"]
