"""``/help``: the command list, generated from the registered commands so it never drifts."""

from __future__ import annotations

from typing import TYPE_CHECKING

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


def command_lines(tree: app_commands.CommandTree) -> list[str]:
    """One line per top-level command with its subcommands, so the list fits one message."""
    lines = []
    for top in sorted(tree.get_commands(), key=lambda command: command.name):
        if isinstance(top, app_commands.Group):
            subcommands = sorted(
                command.qualified_name.removeprefix(f"{top.name} ")
                for command in top.walk_commands()
                if isinstance(command, app_commands.Command)
            )
            lines.append(f"**/{top.name}** — {top.description}\n    " + " · ".join(f"`{name}`" for name in subcommands))
        else:
            lines.append(f"**/{top.name}** — {top.description}")
    return lines


class MetaCog(commands.Cog):
    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot

    @app_commands.command(name="help", description="What Dogear does and the commands it has")
    async def help(self, interaction: discord.Interaction) -> None:
        # One message, clipped by whole lines if the list ever outgrows it; the full list is in the README.
        body = clip_lines([INTRO, "", *command_lines(self.bot.tree)])
        await send_ephemeral(interaction, body)


async def setup(bot: DogearBot) -> None:
    await bot.add_cog(MetaCog(bot))
