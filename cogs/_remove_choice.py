"""The Remove / Cancel pair an admin answers before something goes for good (``/story remove``,
``/warnings rules remove-category``): one look for both buttons and one rule for who may press them.

Each button is a ``DynamicItem`` whose custom id carries what it acts on and the admin who asked,
so a press after a restart is still answered. Only that admin may answer, Cancel leaves everything
as it was, and Remove checks Manage Server again at the press (it may have been taken away since).
"""

from __future__ import annotations

from typing import Any

import discord

from bot.client import send_ephemeral

REMOVE, CANCEL = "r", "c"
ACTIONS = (REMOVE, CANCEL)


def choice_button(action: str, custom_id: str) -> discord.ui.Button[Any]:
    """The red Remove or the grey Cancel button, routed by ``custom_id``."""
    remove = action == REMOVE
    return discord.ui.Button(
        label="Remove" if remove else "Cancel",
        style=discord.ButtonStyle.danger if remove else discord.ButtonStyle.secondary,
        custom_id=custom_id,
    )


async def remove_pressed(interaction: discord.Interaction, action: str, admin_id: int) -> bool:
    """Whether a press goes on to remove: the admin who asked pressed Remove and still has Manage
    Server. Any other press is answered here (someone else, Cancel, the permission gone)."""
    if interaction.user.id != admin_id:
        await send_ephemeral(interaction, "Only the admin who asked can confirm this.")
        return False
    if action == CANCEL:
        await interaction.response.edit_message(content="Nothing was removed.", view=None)
        return False
    if not interaction.permissions.manage_guild:
        await interaction.response.edit_message(content="You need the Manage Server permission.", view=None)
        return False
    return True


__all__ = ["ACTIONS", "CANCEL", "REMOVE", "choice_button", "remove_pressed"]
