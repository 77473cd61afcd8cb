"""The Remove / Cancel buttons under ``/warnings rules remove-category``, working after a restart as well.

As ``/story remove``'s (``cogs/_story_remove.py``): the admin who asked, the category and the key of
what was shown (:attr:`bot.warnings.category_removal.CategoryRemoval.key`) ride in the custom id, so a
press minutes later or after a restart is answered; only that admin may answer, Remove checks Manage
Server again at the press, and if what refers to the category changed since, the admin is shown what
would go now and asked again instead.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import discord

from bot.client import Tracked, report_error, send_ephemeral
from bot.warnings import service
from bot.warnings.category_removal import CategoryRemoval, remove_category
from cogs._checks import carried_id, guild_id_of
from cogs._remove_choice import ACTIONS, choice_button, not_answered, pressed
from cogs.warnings.texts import category_removed_text, named, removal_question, rescanned_text

if TYPE_CHECKING:
    from bot.client import DogearBot


class CategoryRemoveChoice(
    Tracked,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"dogear:category-remove:(?P<action>[rc]):(?P<admin>\d{1,20}):(?P<key>[0-9a-f]{8}):(?P<category>[a-z0-9-]{1,40})",
):
    """Remove (``r``) or keep (``c``) one custom category, for the admin who asked, as it was shown."""

    def __init__(self, action: str, admin_id: int, key: str, category_id: str) -> None:
        super().__init__(choice_button(action, f"dogear:category-remove:{action}:{admin_id}:{key}:{category_id}"))
        self.action = action
        self.admin_id = admin_id
        self.key = key
        self.category_id = category_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> CategoryRemoveChoice:
        return cls(match["action"], carried_id(match["admin"]), match["key"], match["category"])

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            await self._answer(interaction)
        except Exception as error:
            await report_error(interaction, error, what=f"removing the category {self.category_id}")

    async def _answer(self, interaction: discord.Interaction) -> None:
        guild_id = guild_id_of(interaction)
        if not await pressed(interaction, self.action, self.admin_id, "the category"):
            return
        try:
            await interaction.response.defer()  # within Discord's 3 s; the re-scan can take longer
            bot: DogearBot = interaction.client  # type: ignore[assignment]
            done = await remove_category(bot.db, guild_id, self.category_id, self.key)
        except Exception:
            not_answered(interaction)  # nothing removed: a press later may
            raise
        if done.outcome == "gone" or done.removal is None:
            await interaction.edit_original_response(content="That category was already removed.", view=None)
            return
        if done.outcome == "changed":
            not_answered(interaction)  # asked again on the same message: its new buttons answer it
            question, view = confirm_category_removal(done.removal, self.admin_id)
            changed = f"What refers to {named(done.removal.label, self.category_id)} changed since you asked, "
            await interaction.edit_original_response(
                content=f"{changed}so nothing was removed yet.\n{question}", view=view
            )
            view.stop()
            return
        rescanned = await service.rescan_guild_report(bot.db, guild_id, workers=bot.workers)
        await interaction.edit_original_response(
            content=category_removed_text(done.removal, rescanned_text(rescanned)), view=None
        )


def confirm_category_removal(removal: CategoryRemoval, admin_id: int) -> tuple[str, discord.ui.View]:
    """The question and its two buttons (stop the view once sent: a press is routed to the item)."""
    view = discord.ui.View(timeout=None)
    for action in ACTIONS:
        view.add_item(CategoryRemoveChoice(action, admin_id, removal.key, removal.category_id))
    return removal_question(removal), view


async def ask_to_remove(interaction: discord.Interaction, removal: CategoryRemoval) -> None:
    """The admin's private question with its buttons. No view has to wait: a press is routed to
    :class:`CategoryRemoveChoice`, also after a restart."""
    question, view = confirm_category_removal(removal, interaction.user.id)
    await send_ephemeral(interaction, question, view=view)
    view.stop()


__all__ = ["CategoryRemoveChoice", "ask_to_remove", "confirm_category_removal"]
