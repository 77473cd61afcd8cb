"""Checks every cog shares, so each command says what it needs in one line.

(The leading underscore keeps extension discovery away.)
"""

from __future__ import annotations

import discord
from discord import app_commands


def guild_id_of(interaction: discord.Interaction) -> int:
    """The server the interaction came from; outside a server, the error ladder's "works inside a server".

    Commands are registered guild-only, so this only fires for a button or form reached from a
    direct message, or a command Discord delivered out of context; never an ``assert``, which
    ``python -O`` would strip.
    """
    if interaction.guild_id is None:
        raise app_commands.NoPrivateMessage()
    return interaction.guild_id


def guild_of(interaction: discord.Interaction) -> discord.Guild:
    """The server object itself, for the few answers that need more than its id."""
    if interaction.guild is None:
        raise app_commands.NoPrivateMessage()
    return interaction.guild


# The largest id SQLite's INTEGER holds; every row id and Discord snowflake fits in it.
LARGEST_ID = 2**63 - 1


def carried_id(digits: str) -> int:
    """An id read from a button's custom id, safe to look up.

    Only a forged press carries an id past SQLite's INTEGER (binding it would raise, a logged
    error for what is the presser's doing): it becomes 0, which names no story, chapter, channel,
    post, nomination or member, so the press gets the same short answer as an id that is gone.
    """
    value = int(digits)
    return value if value <= LARGEST_ID else 0
