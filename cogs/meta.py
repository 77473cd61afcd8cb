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
ADMINS_HEADING = "**For admins** (each needs a permission you do not have):"

Top = app_commands.Command[Any, ..., Any] | app_commands.Group


def _subcommands(top: app_commands.Group) -> list[app_commands.Command[Any, ..., Any]]:
    return sorted(
        (command for command in top.walk_commands() if isinstance(command, app_commands.Command)),
        key=lambda command: command.qualified_name,
    )


def _line(top: Top, subcommands: list[app_commands.Command[Any, ..., Any]], *, described: bool = True) -> str:
    """One top-level command with the given subcommands, so the whole list fits one message."""
    head = f"**/{top.name}**" + (f" — {top.description}" if described else "")
    if not isinstance(top, app_commands.Group):
        return head
    names = (command.qualified_name.removeprefix(f"{top.name} ") for command in subcommands)
    return f"{head}\n    " + " · ".join(f"`{name}`" for name in names)


def _usable(command: Top, permissions: discord.Permissions) -> bool:
    """Whether a member with ``permissions`` may use the command: its default permissions and its groups'.

    A top-level command's Discord applies (it hides the command); a subcommand's are the ones its
    check in code enforces (``cogs._checks.needs_permissions``), which Discord does not show.
    """
    node: Top | None = command
    while node is not None:
        needed = node.default_permissions
        if needed is not None and not permissions.administrator and needed.value & ~permissions.value:
            return False
        node = node.parent
    return True


def command_lines(tree: app_commands.CommandTree, permissions: discord.Permissions | None = None) -> list[str]:
    """The commands the member can use first, then the admins' ones under their own heading.

    A member's Discord hides a top-level command whose default permissions they lack, and refuses
    a subcommand they lack the permission for ("story add"): listed among theirs, either would send
    them to a command they cannot use. A group with both kinds is listed in both places, each with
    its own subcommands.
    """
    tops = sorted(tree.get_commands(), key=lambda command: command.name)
    if permissions is None:
        return [_line(top, _subcommands(top) if isinstance(top, app_commands.Group) else []) for top in tops]
    theirs: list[str] = []
    admins: list[str] = []
    for top in tops:
        if not isinstance(top, app_commands.Group):
            (theirs if _usable(top, permissions) else admins).append(_line(top, []))
            continue
        subcommands = _subcommands(top)
        mine = [command for command in subcommands if _usable(command, permissions)]
        others = [command for command in subcommands if not _usable(command, permissions)]
        if mine:
            theirs.append(_line(top, mine))
        if others:
            admins.append(_line(top, others, described=not mine))
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
