"""``/excerpt post`` on the Discord side: the :class:`Poster` the service sends through, and the answer.

The service decides what to send and records every message; this module only talks to
Discord: each message goes out with its nonce (discord.py sets ``enforce_nonce``, so Discord
returns the existing message when a retry repeats a nonce within a few minutes), mentions
off, the chapter buttons on the last one.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

import aiohttp
import discord

from bot.client import Tracked, report_error, send_ephemeral
from bot.errors import UserError
from bot.excerpts.answers import already_posted_text, posted_text
from bot.excerpts.model import (
    AlreadyPosted,
    ButtonKey,
    ChannelGone,
    InteractionRef,
    PostFailure,
    PostRequest,
    SeenMessage,
)
from bot.text import and_list
from cogs._checks import (
    bot_lacks,
    bot_missing_answer,
    bot_missing_fix,
    carried_id,
    guild_id_of,
    posting_needs,
    require_member_reach,
)
from cogs._messages import own_messages, why_discord_refused
from cogs.excerpts.buttons import NONE, chapter_buttons, excerpt_service

if TYPE_CHECKING:
    from bot.client import DogearBot

log = logging.getLogger(__name__)

Postable = discord.TextChannel | discord.Thread


def missing_for(channel: Postable) -> list[str]:
    """What the bot lacks to post an excerpt in ``channel`` (a thread needs Send Messages in Threads)."""
    return bot_lacks(channel, posting_needs(channel))


class DiscordPoster:
    """The service's :class:`~bot.excerpts.model.Poster`, with discord.py.

    Made for a member's command or press (``acting_for``), it also refuses a channel that member
    could not post in themselves; resuming after a restart posts on for the member checked then.
    """

    def __init__(self, bot: DogearBot, acting_for: discord.Interaction | None = None) -> None:
        self.bot = bot
        self.acting_for = acting_for

    async def _channel(self, channel_id: int) -> Postable | None:
        """The channel or thread, asked of Discord when the cache lacks it; None when it is gone.

        The cache lacks more than deleted channels: an archived thread (Discord leaves those
        out at start and discord.py drops them), or a server still unavailable when a post
        resumes. Sending into an archived thread opens it again, as Discord does for a member.
        """
        channel = self.bot.get_channel(channel_id)
        if channel is None:
            try:
                channel = await self.bot.fetch_channel(channel_id)
            except discord.HTTPException as error:
                log.info("channel %s cannot be fetched (%s)", channel_id, error.status)
                return None
        return channel if isinstance(channel, Postable) else None

    async def check_channel(self, guild_id: int, channel_id: int) -> None:
        channel = await self._channel(channel_id)
        if channel is None or channel.guild.id != guild_id:
            raise ChannelGone("the channel no longer exists")  # worded by the service: named, or the club channel
        if self.acting_for is not None:
            require_member_reach(self.acting_for, channel, posting_needs(channel))
        missing = missing_for(channel)
        if missing:
            raise UserError(bot_missing_answer(f"I can't post in {channel.mention}", channel, missing, self.acting_for))

    async def send(self, channel_id: int, content: str, *, nonce: str, buttons: ButtonKey | None) -> int:
        channel = await self._channel(channel_id)
        if channel is None:
            raise ChannelGone("the channel no longer exists")
        extra: dict[str, Any] = {"view": chapter_buttons(*buttons)} if buttons else {}
        try:
            # No link previews or invite cards: one for a link in the story would show outside the spoiler.
            message = await channel.send(content, nonce=nonce, allowed_mentions=NONE, suppress_embeds=True, **extra)
        except discord.Forbidden:
            if lacking := missing_for(channel):  # named, with who gives it: said to the admin who posts
                fix = bot_missing_fix(channel, lacking, self.acting_for, then="").rstrip(".")
                raise PostFailure(f"I'm missing {and_list(lacking)} there. {fix}") from None
            raise PostFailure(
                "I'm missing a permission there (View Channel, Send Messages, or Send Messages in Threads)"
            ) from None
        except discord.NotFound:
            raise ChannelGone("the channel no longer exists") from None
        except discord.HTTPException as error:
            log.warning("sending to channel %s failed: %s", channel_id, error)
            raise PostFailure(why_discord_refused(error)) from None
        except (aiohttp.ClientError, OSError) as error:  # discord.py retries a reset connection, not these
            log.warning("sending to channel %s failed: %s", channel_id, error)
            raise PostFailure("Discord could not be reached") from None
        return message.id

    async def recent(self, channel_id: int, *, after: int, limit: int) -> list[SeenMessage]:
        channel = await self._channel(channel_id)
        if channel is None:
            return []
        try:
            return [
                SeenMessage(message.id, message.content, None if message.nonce is None else str(message.nonce))
                async for message in own_messages(self.bot, channel, limit=limit, after=after, oldest_first=True)
            ]
        except discord.HTTPException as error:
            log.info("cannot read the history of channel %s (%s); relying on nonces", channel_id, error.status)
            return []

    async def tell_interaction(self, interaction: InteractionRef, text: str) -> bool:
        if not interaction.application_id or not interaction.token:
            return False
        # The same followup webhook discord.py builds for a live Interaction (Interaction.followup),
        # rebuilt from the stored id and token after a restart.
        data: Any = {"id": interaction.application_id, "type": 3, "token": interaction.token}
        webhook = discord.Webhook.from_state(data, state=self.bot._connection)
        try:
            await webhook.send(text, ephemeral=True, allowed_mentions=NONE)
        except discord.HTTPException as error:
            log.info("the admin's interaction no longer takes followups (%s)", error.status)
            return False
        return True

    async def tell_channel(self, channel_id: int, text: str) -> None:
        channel = await self._channel(channel_id)
        if channel is None:
            return
        try:
            await channel.send(text, allowed_mentions=NONE)
        except discord.HTTPException as error:
            log.warning("could not tell channel %s: %s", channel_id, error)


def interaction_ref(interaction: discord.Interaction, now: float) -> InteractionRef:
    return InteractionRef(interaction.id, interaction.application_id, interaction.token, now)


async def post_and_answer(
    interaction: discord.Interaction,
    story: str,
    chapter: int,
    channel_id: int | None,
    *,
    confirmed_after: int | None = None,
) -> None:
    """One service call for ``/excerpt post`` and its "Post it again" button, then the private answer."""
    guild_id = guild_id_of(interaction)
    service = excerpt_service(interaction)
    request = PostRequest(
        guild_id=guild_id,
        story=story,
        chapter=chapter,
        channel_id=channel_id,
        requested_by=interaction.user.id,
        interaction=interaction_ref(interaction, service.clock.now().timestamp()),
        confirmed_after=confirmed_after,
    )
    poster = DiscordPoster(interaction.client, acting_for=interaction)  # type: ignore[arg-type]
    outcome = await service.post_chapter(request, poster)
    if isinstance(outcome, AlreadyPosted):
        view = discord.ui.View(timeout=None)
        previous = outcome.previous
        view.add_item(PostAgain(previous.story_id, previous.chapter, previous.channel_id, previous.id))
        await send_ephemeral(interaction, already_posted_text(outcome), view=view, allowed_mentions=NONE)
        view.stop()  # the button is a registered DynamicItem; no view task needed
        return
    await send_ephemeral(interaction, posted_text(outcome), allowed_mentions=NONE)


class PostAgain(
    Tracked,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"dogear:repost:(?P<story>\d+):(?P<chapter>\d+):(?P<channel>\d+):(?P<job>\d+)",
):
    """The admin's "yes" to posting again a chapter the channel has (permission checked again on click).

    It names the earlier post it answers, so clicking it twice, or an old one, asks again.
    """

    def __init__(self, story_id: int, chapter: int, channel_id: int, job_id: int) -> None:
        super().__init__(
            discord.ui.Button(
                label="Post it again",
                style=discord.ButtonStyle.primary,
                custom_id=f"dogear:repost:{story_id}:{chapter}:{channel_id}:{job_id}",
            )
        )
        self.story_id, self.chapter, self.channel_id, self.job_id = story_id, chapter, channel_id, job_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> PostAgain:
        ids = (carried_id(match[name]) for name in ("story", "chapter", "channel", "job"))
        return cls(*ids)

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            if interaction.guild_id is None:
                raise UserError("This button works inside the server where it was shown.")
            if not interaction.permissions.manage_messages:
                raise UserError("You need the Manage Messages permission to post chapters.")
            await interaction.response.defer(ephemeral=True, thinking=True)
            await post_and_answer(
                interaction, str(self.story_id), self.chapter, self.channel_id, confirmed_after=self.job_id
            )
        except Exception as error:
            await report_error(interaction, error, what=f"button {self.custom_id}")
