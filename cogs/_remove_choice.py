"""The Remove / Cancel pair an admin answers before something goes for good (``/story remove``,
``/warnings rules remove-category``): one look for both buttons and one rule for who may press them.

Each button is a ``DynamicItem`` whose custom id carries what it acts on and the admin who asked,
so a press after a restart is still answered. Only that admin may answer, Cancel leaves everything
as it was, and Remove checks Manage Server again at the press (it may have been taken away since).

The first press of a question answers it (:func:`first_press`): two quick presses (Remove twice, Remove
then Cancel) each edited the question, and the later edit undid what the first said ("That story was
already removed." over "Removed ...", even "Nothing was removed." over a removal). A later press is
answered privately and leaves the question as the first press left it.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import discord

from bot.client import send_ephemeral

REMOVE, CANCEL = "r", "c"
ACTIONS = (REMOVE, CANCEL)

_FIRST: OrderedDict[int, str] = OrderedDict()  # question message id -> the action of the press answering it
FIRST_KEPT = 1000  # a double press comes within seconds, not a thousand questions later


def first_press(interaction: discord.Interaction, action: str) -> str | None:
    """None when this press is the first of its question in this process, which it now answers (checked
    and recorded in one step, no await between: two presses at once cannot both be first); else the
    earlier press's action."""
    message = interaction.message
    if message is None:
        return None
    earlier = _FIRST.get(message.id)
    if earlier is None:
        _FIRST[message.id] = action
        while len(_FIRST) > FIRST_KEPT:
            _FIRST.popitem(last=False)
    return earlier


def not_answered(interaction: discord.Interaction) -> None:
    """The first press did not settle the question (refused, failed, or asked again): the next may."""
    if interaction.message is not None:
        _FIRST.pop(interaction.message.id, None)


async def answer_later_press(interaction: discord.Interaction, earlier: str, action: str, what: str) -> None:
    """A second press of a question the first press answers: said privately, the question left as it is."""
    if earlier == REMOVE:
        text = (
            f"Too late to cancel: your first press of Remove removes {what}."
            if action == CANCEL
            else f"Your first press of Remove removes {what}; this press changed nothing."
        )
    elif action == REMOVE:
        text = f"You cancelled this already, so {what} was kept; run the command again to remove it."
    else:
        text = "You cancelled this already; nothing was removed."
    await send_ephemeral(interaction, text)


async def pressed(interaction: discord.Interaction, action: str, admin_id: int, what: str) -> bool:
    """:func:`remove_pressed` for the first press of the question; a later one of the admin who asked
    is answered by :func:`answer_later_press`. True: go on to remove (then call :func:`not_answered`
    when nothing was settled)."""
    if interaction.user.id == admin_id and (earlier := first_press(interaction, action)) is not None:
        await answer_later_press(interaction, earlier, action, what)
        return False
    try:
        going = await remove_pressed(interaction, action, admin_id)
    except Exception:
        not_answered(interaction)
        raise
    if not going and action == REMOVE:
        not_answered(interaction)  # the permission gone: a press once it is given back may remove
    return going


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


__all__ = ["ACTIONS", "CANCEL", "REMOVE", "choice_button", "not_answered", "pressed", "remove_pressed"]
