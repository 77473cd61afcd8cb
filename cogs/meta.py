"""``/help``: the command list, generated from the registered commands so it never drifts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import send_ephemeral
from bot.text import clip_lines

if TYPE_CHECKING:
    from bot.client import DogearBot

INTRO = (
    "**Dogear** helps this club read together: stories with content warnings, chapters posted behind "
    "spoilers, reading progress, and discussions that open on time."
)
ADMINS_HEADING = "**For admins** (Discord lists these only for members with the permission they need):"


def _line(top: app_commands.Command[Any, ..., Any] | app_commands.Group) -> str:
    """One top-level command with its subcommands, so the whole list fits one message."""
    if not isinstance(top, app_commands.Group):
        return f"**/{top.name}** — {top.description}"
    subcommands = sorted(
        command.qualified_name.removeprefix(f"{top.name} ")
        for command in top.walk_commands()
        if isinstance(command, app_commands.Command)
    )
    return f"**/{top.name}** — {top.description}\n    " + " · ".join(f"`{name}`" for name in subcommands)


def _shown_to(top: app_commands.Command[Any, ..., Any] | app_commands.Group, permissions: discord.Permissions) -> bool:
    """Whether Discord lists the command for a member with ``permissions`` (its default permissions)."""
    needed = top.default_permissions
    if needed is None or permissions.administrator:
        return True
    return needed.value & ~permissions.value == 0


def command_lines(tree: app_commands.CommandTree, permissions: discord.Permissions | None = None) -> list[str]:
    """The commands the member can open first, then the admins' ones under their own heading.

    A member's Discord hides a command whose default permissions they lack: listed among theirs,
    it would send them looking for a command their command list does not have.
    """
    tops = sorted(tree.get_commands(), key=lambda command: command.name)
    if permissions is None:
        return [_line(top) for top in tops]
    theirs = [_line(top) for top in tops if _shown_to(top, permissions)]
    admins = [_line(top) for top in tops if not _shown_to(top, permissions)]
    if not admins:
        return theirs
    return [*theirs, "", ADMINS_HEADING, *admins]


class MetaCog(commands.Cog):
    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot

    @app_commands.command(name="help", description="What Dogear does and the commands it has")
    async def help(self, interaction: discord.Interaction) -> None:
        # One message, clipped by whole lines if the list ever outgrows it; the full list is in the README.
        body = clip_lines([INTRO, "", *command_lines(self.bot.tree, interaction.permissions)])
        await send_ephemeral(interaction, body)


async def setup(bot: DogearBot) -> None:
    await bot.add_cog(MetaCog(bot))
