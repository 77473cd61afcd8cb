"""Where a discussion goes: the member's reach checked before anything is planned, the bot's lacks said after.

(Split from the cog, which stays a thin list of commands.)
"""

from __future__ import annotations

import discord

from bot.discussions.planning import Where
from bot.errors import UserError
from bot.text import and_list
from cogs._checks import (
    DISCUSSION_PERMISSIONS,
    bot_lacks,
    bot_missing_fix,
    channel_named,
    posting_needs,
    require_member_reach,
)

POST_CHANNEL = discord.TextChannel | discord.ForumChannel


def where_for(interaction: discord.Interaction, channel: POST_CHANNEL | None) -> Where:
    """Where the member asked for the discussion, checked as it is resolved: a channel the member could not
    post in, or a thread (a discussion opens a thread of its own), is refused before anything is planned."""
    assert interaction.channel_id is not None

    def may_post(channel_id: int) -> None:
        target = channel_named(interaction, channel_id)
        if target is None:
            guild = interaction.guild
            if guild is None or guild.unavailable:
                return  # nothing cached to judge by (an outage): the post reports a channel gone when it falls due
            # Only the discussion channel setting can name a channel gone since (an option's channel and
            # "here" exist): planned there, every discussion would fail when due.
            raise UserError(
                f"The discussion channel set in `/config` (<#{channel_id}>) no longer exists; give `channel:`, "
                "or set a new one with `/config set discussion_channel:`. Nothing was scheduled."
            )
        if not isinstance(target, POST_CHANNEL):
            # "Here" is a thread (or a voice channel's chat), which `channel:` never offers: a discussion
            # opens a thread of its own, so posted there it would be marked failed when it fell due.
            raise UserError(
                f"A discussion opens a thread of its own, so it can't open in {target.mention}. "
                "Give `channel:` a text or forum channel, or set `/config set discussion_channel:`."
            )
        require_member_reach(interaction, target, posting_needs(target))

    here = channel_named(interaction, interaction.channel_id)
    if isinstance(here, discord.Thread):
        home = here.parent_id  # a thread's discussion, were the discussion channel setting cleared, goes there
    elif here is None or isinstance(here, POST_CHANNEL):
        home = interaction.channel_id
    else:
        home = None  # a voice channel's chat takes none: keep the channel it goes to now
    named = channel.id if channel is not None else None
    return Where(here=interaction.channel_id, named=named, may_post=may_post, home=home)


def bot_lacks_there(interaction: discord.Interaction, channel_id: int) -> str:
    """A warning line when the bot lacks what a discussion needs where it will open; "" when nothing is lacking.

    The member's own reach is checked before anything is planned; the bot's is said after, as
    ``/config set`` says it: a permission can still be granted before the discussion is due, but
    unsaid, the admin learns of it only when the discussion fails to open.
    """
    target = channel_named(interaction, channel_id)
    if not isinstance(target, POST_CHANNEL):
        return ""  # not cached (the post says so when due) or not a channel a discussion opens in
    missing = bot_lacks(target, DISCUSSION_PERMISSIONS)
    if not missing:
        return ""
    fix = bot_missing_fix(target, missing, interaction, then=" before the discussion is due")
    return f"\n⚠️ In {target.mention} I am missing {and_list(missing)}, so the discussion will not open there. {fix}"
