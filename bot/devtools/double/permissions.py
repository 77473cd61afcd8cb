"""Discord's permission bits and the documented way to compute a member's permissions in a channel.

Written out here rather than borrowed from discord.py so that the double is an independent
check of the client: if the two disagreed, a test would notice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.devtools.double.models import Channel, Guild

CREATE_INSTANT_INVITE = 1 << 0
KICK_MEMBERS = 1 << 1
BAN_MEMBERS = 1 << 2
ADMINISTRATOR = 1 << 3
MANAGE_CHANNELS = 1 << 4
MANAGE_GUILD = 1 << 5
ADD_REACTIONS = 1 << 6
VIEW_AUDIT_LOG = 1 << 7
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
MANAGE_MESSAGES = 1 << 13
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
MENTION_EVERYONE = 1 << 17
USE_EXTERNAL_EMOJIS = 1 << 18
CHANGE_NICKNAME = 1 << 26
MANAGE_ROLES = 1 << 28
USE_APPLICATION_COMMANDS = 1 << 31
MANAGE_EVENTS = 1 << 33
MANAGE_THREADS = 1 << 34
CREATE_PUBLIC_THREADS = 1 << 35
CREATE_PRIVATE_THREADS = 1 << 36
SEND_MESSAGES_IN_THREADS = 1 << 38
CREATE_EVENTS = 1 << 44
SEND_POLLS = 1 << 49
ALL = (1 << 51) - 1

NAMES = {
    VIEW_CHANNEL: "View Channel",
    SEND_MESSAGES: "Send Messages",
    MANAGE_MESSAGES: "Manage Messages",
    EMBED_LINKS: "Embed Links",
    ATTACH_FILES: "Attach Files",
    READ_MESSAGE_HISTORY: "Read Message History",
    MANAGE_THREADS: "Manage Threads",
    CREATE_PUBLIC_THREADS: "Create Public Threads",
    CREATE_PRIVATE_THREADS: "Create Private Threads",
    SEND_MESSAGES_IN_THREADS: "Send Messages in Threads",
    MANAGE_EVENTS: "Manage Events",
    CREATE_EVENTS: "Create Events",
    MANAGE_GUILD: "Manage Server",
    SEND_POLLS: "Create Polls",
}

# What a new server grants @everyone.
EVERYONE_DEFAULT = (
    CREATE_INSTANT_INVITE
    | ADD_REACTIONS
    | VIEW_CHANNEL
    | SEND_MESSAGES
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | MENTION_EVERYONE
    | USE_EXTERNAL_EMOJIS
    | CHANGE_NICKNAME
    | USE_APPLICATION_COMMANDS
    | CREATE_PUBLIC_THREADS
    | CREATE_PRIVATE_THREADS
    | SEND_MESSAGES_IN_THREADS
    | SEND_POLLS
)
# The invite permissions the README asks for (the bot's managed role).
BOT_INVITE = (
    VIEW_CHANNEL
    | SEND_MESSAGES
    | SEND_MESSAGES_IN_THREADS
    | CREATE_PUBLIC_THREADS
    | CREATE_PRIVATE_THREADS
    | MANAGE_THREADS
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | CREATE_EVENTS
)
ADMIN_ROLE = (
    MANAGE_GUILD
    | MANAGE_CHANNELS
    | MANAGE_ROLES
    | MANAGE_MESSAGES
    | MANAGE_THREADS
    | MANAGE_EVENTS
    | CREATE_EVENTS
    | VIEW_AUDIT_LOG
    | KICK_MEMBERS
    | BAN_MEMBERS
)
MODERATOR_ROLE = MANAGE_MESSAGES | MANAGE_EVENTS | CREATE_EVENTS | MANAGE_THREADS


def base_permissions(guild: Guild, user_id: int) -> int:
    """Guild-level permissions: owner and Administrator get everything."""
    if user_id == guild.owner_id:
        return ALL
    member = guild.members.get(user_id)
    if member is None:
        return 0
    perms = guild.roles[guild.id].permissions
    for role_id in member.role_ids:
        role = guild.roles.get(role_id)
        if role is not None:
            perms |= role.permissions
    if perms & ADMINISTRATOR:
        return ALL
    return perms


def channel_permissions(guild: Guild, channel: Channel, user_id: int) -> int:
    """Base permissions with the channel's overwrites applied (@everyone, roles, member), as Discord does."""
    perms = base_permissions(guild, user_id)
    if perms & ADMINISTRATOR or user_id == guild.owner_id:
        return ALL
    source = channel
    if channel.is_thread and channel.parent_id is not None:
        source = guild.channels[channel.parent_id]
    member = guild.members.get(user_id)
    overwrites = {ow.id: ow for ow in source.overwrites}
    if (everyone := overwrites.get(guild.id)) is not None:
        perms = (perms & ~everyone.deny) | everyone.allow
    allow = deny = 0
    for role_id in member.role_ids if member else ():
        if (ow := overwrites.get(role_id)) is not None and ow.type == 0:
            allow |= ow.allow
            deny |= ow.deny
    perms = (perms & ~deny) | allow
    if (own := overwrites.get(user_id)) is not None and own.type == 1:
        perms = (perms & ~own.deny) | own.allow
    if not perms & VIEW_CHANNEL:
        return 0
    if channel.is_thread:
        # In a thread, Send Messages in Threads is what counts.
        perms = perms & ~SEND_MESSAGES
        if perms & SEND_MESSAGES_IN_THREADS:
            perms |= SEND_MESSAGES
        if channel.type == 12 and user_id not in channel.member_ids and not perms & MANAGE_THREADS:
            return 0
    return perms


def names(bits: int) -> list[str]:
    return [label for bit, label in NAMES.items() if bits & bit]
