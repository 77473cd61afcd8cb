"""A member's warning report posted to the moderation channel, with its Confirm/Dismiss buttons.

Whether and when is :class:`bot.warnings.report_posts.ReportPosts`'s (a report is owed to the
channel until it is there, tried again after a kill or a refusal); this module is its hands in
Discord and the timer that runs its retries.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord

from bot.discussions.failures import Gone
from bot.discussions.timer import Timer
from bot.text import escape_markdown
from bot.warnings import reviews
from bot.warnings.report_posts import ReportPosts, marker
from cogs._messages import own_messages
from cogs.discussions.poster import HISTORY_LOOKBACK
from cogs.discussions.refusals import reaching, refusal
from cogs.warnings.review import decision_view
from cogs.warnings.texts import named

if TYPE_CHECKING:
    from bot.client import DogearBot

log = logging.getLogger(__name__)


def _reporter(channel: discord.TextChannel, reporter_id: int) -> str:
    """Who reported, named only where moderators alone read it: the member was told nobody else
    learns it, and a moderation channel every member can read would tell them all."""
    if channel.permissions_for(channel.guild.default_role).view_channel:
        return "reported by a member (not named here: everyone in the server can read this channel)"
    return f"reported by <@{reporter_id}>"


def report_text(channel: discord.TextChannel, new: reviews.NewReport) -> str:
    """The post: its :func:`marker` first (bold, so ``#12`` is never read as the start of ``#123``)."""
    report = new.report
    lines = [
        f"📣 **{marker(report.id)}**: {named(new.label, report.warning_id)} in chapter "
        f"{report.chapter} of **{escape_markdown(new.story_title)}**, {_reporter(channel, report.reporter_id)}."
    ]
    if report.note:
        lines.append(f"Note: “{escape_markdown(report.note)}”")
    return "\n".join(lines)


class ModChannel:
    """The moderation channel as :class:`ReportPosts` needs it; refusals are :class:`PostFailure`."""

    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot

    async def _channel(self, channel_id: int) -> discord.TextChannel:
        await self.bot.wait_until_ready()
        channel = self.bot.get_channel(channel_id)
        if channel is None:
            try:
                with reaching("looking up the moderation channel"):
                    channel = await self.bot.fetch_channel(channel_id)
            except discord.HTTPException as error:
                raise refusal(error, "looking up the moderation channel") from error
        if not isinstance(channel, discord.TextChannel):
            raise Gone("the moderation channel is not a text channel")
        return channel

    async def find_report(self, channel_id: int, report_id: int) -> int | None:
        channel = await self._channel(channel_id)
        wanted = f"**{marker(report_id)}**:"
        try:
            with reaching("reading the moderation channel"):
                async for message in own_messages(self.bot, channel, limit=HISTORY_LOOKBACK):
                    if wanted in message.content:
                        return message.id
        except discord.HTTPException as error:
            raise refusal(error, "reading the moderation channel") from error
        return None

    async def post_report(self, new: reviews.NewReport, *, nonce: str) -> int:
        assert new.mod_channel_id is not None
        channel = await self._channel(new.mod_channel_id)
        report = new.report
        view = decision_view([(report.story_id, report.chapter, report.warning_id, new.label, new.moved)])
        try:
            with reaching("posting to the moderation channel"):  # a nonce is sent with enforce_nonce
                message = await channel.send(
                    report_text(channel, new), view=view, nonce=nonce, allowed_mentions=discord.AllowedMentions.none()
                )
        except discord.HTTPException as error:
            raise refusal(error, "posting to the moderation channel") from error
        finally:
            view.stop()  # the buttons are registered dynamic items; no view needs to wait
        return message.id


class ReportDesk:
    """New reports to the moderation channel at once, and the timer that retries those still owed."""

    def __init__(self, bot: DogearBot) -> None:
        self.posts = ReportPosts(bot.db, bot.clock, ModChannel(bot), bot.shard_scope, self._rearm)
        self.timer = Timer(bot.clock, self.posts.next_due, self.posts.serve)

    def _rearm(self) -> None:
        self.timer.rearm()

    def start(self) -> None:
        self.timer.start()

    async def stop(self) -> None:
        await self.timer.stop()

    async def deliver(self, guild_id: int, new: reviews.NewReport) -> None:
        """The first try; whatever goes wrong is left to the retries: the report is stored, so the
        member is thanked all the same (the trouble goes to the log)."""
        if new.mod_channel_id is None:
            return
        try:
            await self.posts.deliver(guild_id, new.report.id)
        except Exception:
            log.exception("guild %s: report %s is left to the retries", guild_id, new.report.id)
