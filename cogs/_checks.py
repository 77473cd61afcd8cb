"""Checks every cog shares, so each command says what it needs in one line.

(The leading underscore keeps extension discovery away.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import discord
from discord import app_commands

from bot.errors import UserError
from bot.text import and_list, missing_permissions_answer

T = TypeVar("T", bound=Any)


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


def needs_permissions(**perms: bool) -> Callable[[T], T]:
    """A command only members with ``perms`` may use: checked in code, and recorded as its default permissions.

    Discord reads default permissions from top-level commands only, so on a subcommand ("story add")
    they hide nothing and the check in code is what refuses; recorded there all the same, they are
    what ``/help`` reads to list the subcommand as the admins', from the one place that also enforces it.
    """
    check = app_commands.checks.has_permissions(**perms)
    record = app_commands.default_permissions(**perms)

    def decorate(command: T) -> T:
        return record(check(command))

    return decorate


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


# What a member must hold in a channel for Dogear to post there on their behalf (and the bot itself,
# for plain posts), named as Discord's settings name them. In a forum, Send Messages is what Discord calls Create Posts.
MEMBER_POSTS = {"view_channel": "View Channel", "send_messages": "Send Messages"}
MEMBER_POSTS_IN_THREAD = {"view_channel": "View Channel", "send_messages_in_threads": "Send Messages in Threads"}
MEMBER_POSTS_IN_FORUM = {"view_channel": "View Channel", "send_messages": "Create Posts"}
MEMBER_POLLS = {**MEMBER_POSTS, "send_polls": "Create Polls"}

# What the bot needs in each kind of channel it posts to, named as members see them: checked where an
# admin names the channel (`/config set`, `/discussion schedule` and `plan`) and shown by `/config show`.
POSTING_PERMISSIONS = {
    "view_channel": "View Channel",
    "send_messages": "Send Messages",
    "embed_links": "Embed Links",
    "read_message_history": "Read Message History",
}
DISCUSSION_PERMISSIONS = {
    **POSTING_PERMISSIONS,
    "create_public_threads": "Create Public Threads",
    "create_private_threads": "Create Private Threads",
    "send_messages_in_threads": "Send Messages in Threads",
    "manage_threads": "Manage Threads",
}

Target = discord.abc.GuildChannel | discord.Thread | discord.PartialMessageable


def bot_lacks(channel: discord.abc.GuildChannel | discord.Thread, needed: dict[str, str]) -> list[str]:
    """Which of ``needed`` the bot itself lacks in ``channel``, as readable names (none while it is not cached)."""
    me = channel.guild.me
    if me is None:
        return []
    granted = channel.permissions_for(me)
    return [label for flag, label in needed.items() if not getattr(granted, flag)]


def is_server_admin(interaction: discord.Interaction | None) -> bool:
    """Whether the person in front of the bot can fix its permissions (Manage Server or Administrator)."""
    if interaction is None:
        return False
    granted = interaction.permissions
    return granted.administrator or granted.manage_guild


def bot_missing_answer(
    doing: str,
    channel: discord.abc.GuildChannel | discord.Thread,
    missing: list[str],
    interaction: discord.Interaction | None,
) -> str:
    """``doing`` ("I can't post the poll in #club") and what to do about what the bot lacks there:
    an admin is told what to give Dogear's role, anyone else to ask an admin (:func:`bot_missing_fix`)."""
    return f"{doing}: I'm missing {and_list(missing)} there. {bot_missing_fix(channel, missing, interaction)}"


def bot_missing_fix(
    channel: discord.abc.GuildChannel | discord.Thread,
    missing: list[str],
    interaction: discord.Interaction | None,
    then: str = ", then try again",
) -> str:
    """What to do about what the bot lacks in ``channel``, said to whoever asked (:func:`missing_permissions_answer`)."""
    role = channel.guild.self_role
    admin = is_server_admin(interaction)
    return missing_permissions_answer(
        missing, channel.mention, admin=admin, role=role.name if role else None, then=then
    )


def posting_needs(channel: Target) -> dict[str, str]:
    """What a member needs to post in ``channel`` themselves, by its kind."""
    if isinstance(channel, discord.Thread):
        return MEMBER_POSTS_IN_THREAD
    if isinstance(channel, discord.ForumChannel):
        return MEMBER_POSTS_IN_FORUM
    return MEMBER_POSTS


def member_permissions(interaction: discord.Interaction, channel: Target) -> discord.Permissions:
    """The invoking member's permissions in ``channel``, as of this interaction.

    Discord's own figure when the interaction carries it (the channel it was used in, a channel
    option); else computed from the server cache, as for a channel id a button carries, which a
    modified client can forge. Administrator and the owner get everything either way.
    """
    if channel.id == interaction.channel_id:
        return interaction.permissions
    data: dict = interaction.data or {}  # type: ignore[assignment]
    resolved = data.get("resolved", {}).get("channels", {}).get(str(channel.id), {})
    if "permissions" in resolved:
        return discord.Permissions(int(resolved["permissions"]))
    member = interaction.user
    if not isinstance(member, discord.Member) or isinstance(channel, discord.PartialMessageable):
        return discord.Permissions.none()
    try:
        granted = channel.permissions_for(member)
    except discord.ClientException:  # a thread whose parent is not cached: nothing can be vouched for
        return discord.Permissions.none()
    if isinstance(channel, discord.Thread) and not _sees_private_thread(channel, member, granted):
        return discord.Permissions.none()
    return granted


def _sees_private_thread(thread: discord.Thread, member: discord.Member, granted: discord.Permissions) -> bool:
    """A private thread shows only to its members and to those with Manage Threads.

    Its parent's permissions say nothing about that, and without the members intent the cache
    does not list who joined: a member not known to be in it is not vouched for (they can name
    the thread in ``/excerpt post``, where Discord itself says what they may do there).
    """
    if thread.type is not discord.ChannelType.private_thread or granted.manage_threads:
        return True
    return thread.owner_id == member.id or any(joined.id == member.id for joined in thread.members)


def require_member_reach(interaction: discord.Interaction, channel: Target, needed: dict[str, str]) -> None:
    """Refuse (privately, naming what is lacking) to act in a channel the member could not act in themselves.

    A command or button must not let anyone have the bot post, open a thread or an event, or point
    a setting at a channel they cannot see or post in; Manage Messages where they click is not enough.
    """
    granted = member_permissions(interaction, channel)
    missing = [label for flag, label in needed.items() if not getattr(granted, flag)]
    if missing:
        raise UserError(f"You need {and_list(missing)} in {channel.mention} yourself for me to post there.")


def channel_named(interaction: discord.Interaction, channel_id: int) -> Target | None:
    """The channel or thread with this id in the interaction's server, from the cache; None if not there."""
    if interaction.channel is not None and interaction.channel.id == channel_id:
        return interaction.channel  # type: ignore[return-value]
    guild = interaction.guild
    return guild.get_channel_or_thread(channel_id) if guild is not None else None
