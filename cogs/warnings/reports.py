"""A member's warning report posted to the moderation channel, with its Confirm/Dismiss buttons."""

from __future__ import annotations

import logging

import discord

from bot.text import escape_markdown
from bot.warnings import reviews
from cogs.warnings.review import decision_view
from cogs.warnings.texts import named

log = logging.getLogger(__name__)


def _reporter(channel: discord.TextChannel, reporter_id: int) -> str:
    """Who reported, named only where moderators alone read it: the member was told nobody else
    learns it, and a moderation channel every member can read would tell them all."""
    if channel.permissions_for(channel.guild.default_role).view_channel:
        return "reported by a member (not named here: everyone in the server can read this channel)"
    return f"reported by <@{reporter_id}>"


async def post_to_mod_channel(guild: discord.Guild, new: reviews.NewReport) -> bool:
    """The report in the moderation channel, if one is set; the reporter only as mention text, no pings,
    and only in a channel not open to everyone."""
    if new.mod_channel_id is None:
        return False
    channel = guild.get_channel(new.mod_channel_id)
    if not isinstance(channel, discord.TextChannel):
        log.warning("guild %s: moderation channel %s is gone", guild.id, new.mod_channel_id)
        return False
    report = new.report
    lines = [
        f"📣 **Warning report**: {named(new.label, report.warning_id)} in chapter "
        f"{report.chapter} of **{escape_markdown(new.story_title)}**, {_reporter(channel, report.reporter_id)}."
    ]
    if report.note:
        lines.append(f"Note: “{escape_markdown(report.note)}”")
    try:
        view = decision_view([(report.story_id, report.chapter, report.warning_id, new.label)])
        await channel.send("\n".join(lines), view=view, allowed_mentions=discord.AllowedMentions.none())
        view.stop()  # the buttons are registered dynamic items; no view needs to wait
    except discord.HTTPException as error:
        log.warning("guild %s: could not post a report to the moderation channel: %s", guild.id, error)
        return False
    return True
