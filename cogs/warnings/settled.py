"""A member's report posted in the moderation channel, once an admin decided it: the post says how
it was settled and loses its buttons, and a press on a post decided elsewhere changes nothing.

The same Confirm/Dismiss buttons decide from ``/warnings review`` and ``/warnings story``, where a
second press is how an admin changes a decision; on a report's post it is a moderator catching up
with the channel, who must not undo another admin's decision without seeing it.
"""

from __future__ import annotations

import logging

import discord

from bot.client import send_ephemeral
from bot.warnings import reviews
from bot.warnings.report_posts import posted_report
from cogs._checks import guild_id_of
from cogs.warnings.texts import already_settled_text, settled_post

log = logging.getLogger(__name__)


def report_post(message: discord.Message | None) -> discord.Message | None:
    """``message`` when it is a report's post in the moderation channel, else None."""
    return message if message is not None and posted_report(message.content) is not None else None


async def answered_as_settled(interaction: discord.Interaction, post: discord.Message) -> bool:
    """When the post's report was decided elsewhere since it was posted: the post catches up, the
    admin is told where to change the decision, and True; False while the report is open."""
    report_id = posted_report(post.content) or 0
    db = interaction.client.db  # type: ignore[attr-defined]
    settled = await reviews.settled_report(db, guild_id_of(interaction), report_id)
    if settled is None:
        return False
    await show_settled(interaction, post, settled.status, settled.resolved_by)
    await send_ephemeral(interaction, already_settled_text(settled))
    return True


async def show_settled(interaction: discord.Interaction, post: discord.Message, status: str, by: int | None) -> None:
    """The post edited to say how it was settled, its buttons off. The decision is stored already:
    a post Discord will not edit leaves the answer to say what was done."""
    try:
        await interaction.response.edit_message(content=settled_post(post.content, status, by), view=None)
    except discord.HTTPException:
        log.warning(
            "guild %s: report post %s could not be marked settled", interaction.guild_id, post.id, exc_info=True
        )
