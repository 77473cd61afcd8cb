"""The form for editing a server's discussion prompts (``/discussion prompts`` without text)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import discord

from bot.client import Tracked, report_error
from bot.errors import UserError
from bot.limits import MODAL_INPUT_CHARS

# The prompts the form showed when it was opened: a save made since by another admin refuses this one.
Opened = Sequence[str] | None
# (the submission, the text typed, opened=...)
Save = Callable[..., Awaitable[None]]


class PromptsModal(Tracked, discord.ui.Modal, title="Discussion prompts"):
    prompts: discord.ui.TextInput[PromptsModal] = discord.ui.TextInput(
        label="One prompt per line (empty = defaults)",
        custom_id="prompts",
        style=discord.TextStyle.paragraph,
        required=False,
        max_length=MODAL_INPUT_CHARS,
    )

    def __init__(self, save: Save, current: Sequence[str], open_modals: set[PromptsModal]) -> None:
        super().__init__(timeout=600)
        self.save = save
        self.open_modals = open_modals
        self.opened = list(current)  # a save made since by another admin is not overwritten unseen
        self.prompts.default = "\n".join(current)
        open_modals.add(self)

    def stop(self) -> None:
        super().stop()
        self.open_modals.discard(self)

    async def on_timeout(self) -> None:
        self.open_modals.discard(self)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        # Checked again at the submission, as the add-a-book form does: the form stays open for ten
        # minutes, and an admin who lost Manage Server meanwhile must not change the prompts with it.
        if not interaction.permissions.manage_guild:
            raise UserError(
                "You need the Manage Server permission to change the discussion prompts; nothing was saved."
            )
        await self.save(interaction, self.prompts.value, opened=self.opened)

    async def on_error(self, interaction: discord.Interaction, error: Exception, item: Any = None) -> None:
        await report_error(interaction, error, what="the discussion prompts form")
