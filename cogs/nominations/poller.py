"""The service's hands in Discord: post the poll, read it, announce the result (never pinging anyone).

A channel or message that is gone (404) is a :class:`PollGone`: the vote is off. Anything else
Discord refuses later on, a permission the bot lost (403) or an error of Discord's own (400, 5xx),
is a :class:`DiscordRefused` naming what an admin can fix: the poll and its votes still exist, so
the service keeps the vote and tries again. A missing permission when posting the poll is a
:class:`UserError` the admin who asked can fix.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from datetime import timedelta
from typing import TYPE_CHECKING

import aiohttp
import discord

from bot.errors import UserError, connection_problem
from bot.nominations.service import Announcement, DiscordRefused, PollGone, PollState, PostedPoll
from bot.text import and_list, escape_clipped
from cogs._checks import MEMBER_POSTS, bot_lacks, bot_missing_answer
from cogs._messages import own_messages, why_discord_refused
from cogs.nominations.buttons import AddNominee

if TYPE_CHECKING:
    from bot.client import DogearBot


log = logging.getLogger(__name__)

POLL_CHANNELS = (discord.TextChannel, discord.Thread, discord.VoiceChannel)
ANNOUNCEMENT_LOOKBACK = 50  # the channel's latest messages searched for a poll or result posted but not recorded
POLL_NEEDS = {"view_channel": "View Channel", "send_messages": "Send Messages", "send_polls": "Create Polls"}
READING = {"view_channel": "View Channel", "read_message_history": "Read Message History"}
POLL_ENDED = 520001  # "This poll has ended"


class PollChannelLacks(UserError):
    """The club channel lacks what the poll needs: the command that asked says it to the person in
    front of it (:meth:`said_to`); the plain text is what a member would be told."""

    def __init__(self, channel: discord.abc.GuildChannel | discord.Thread, missing: list[str]) -> None:
        self.channel = channel
        self.missing = missing
        super().__init__(self.said_to(None))

    def said_to(self, interaction: discord.Interaction | None) -> str:
        doing = f"I can't post the poll in {self.channel.mention}"
        return bot_missing_answer(doing, self.channel, self.missing, interaction)


def refusal(error: discord.HTTPException, channel: object, channel_id: int, needed: dict[str, str]) -> DiscordRefused:
    """What Discord refused, as an admin reads it: the permissions the bot lacks there, a rate limit or a
    failure on Discord's side in words (:func:`~cogs._messages.why_discord_refused`), else Discord's words."""
    where = f"<#{channel_id}>"
    if isinstance(error, discord.Forbidden):
        lacking = bot_lacks(channel, needed) if isinstance(channel, POLL_CHANNELS) else []
        if lacking:
            return DiscordRefused(f"I'm missing {and_list(lacking)} in {where}")
        return DiscordRefused(f"Discord denies me access to {where}; check my permissions there")
    words = why_discord_refused(error)
    if error.status != 429 and error.status < 500:  # a 429's or a 5xx's body adds nothing an admin can use
        said = escape_clipped(" ".join((error.text or "").split()), 100)
        words += f" ({said})" if said else ""
    return DiscordRefused(f"{words} in {where}")


def gone_or_refused(
    error: discord.HTTPException, channel: object, channel_id: int, needed: dict[str, str]
) -> Exception:
    """404: the channel or message is gone for good; anything else may pass (:func:`refusal`)."""
    if isinstance(error, discord.NotFound):
        return PollGone(f"channel {channel_id}: {error.text or error.status}")
    return refusal(error, channel, channel_id, needed)


@contextlib.contextmanager
def reaching(channel_id: int) -> Iterator[None]:
    """A connection lost on the way (refused, reset, closed unanswered, timed out), which discord.py
    does not retry, as a :class:`DiscordRefused` that may pass: it failed the command or the watcher's
    round as an error with a reference."""
    try:
        yield
    except (aiohttp.ClientError, OSError) as error:  # TimeoutError is an OSError
        raise DiscordRefused(
            f"Discord could not be reached ({connection_problem(error)}) for <#{channel_id}>"
        ) from error


class DiscordPoller:
    """The service's view of Discord: post a poll, read it, announce a result. No pings, ever."""

    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot

    async def _channel(self, channel_id: int) -> discord.abc.Messageable:
        await self.bot.wait_until_ready()
        channel = self.bot.get_channel(channel_id)
        if channel is None:
            try:
                with reaching(channel_id):
                    channel = await self.bot.fetch_channel(channel_id)
            except discord.HTTPException as error:
                raise gone_or_refused(error, None, channel_id, READING) from None
        if not isinstance(channel, POLL_CHANNELS):
            raise PollGone(f"channel {channel_id} is not a text channel")
        return channel

    async def post_poll(self, channel_id: int, question: str, answers: list[str], hours: int) -> PostedPoll:
        try:
            channel = await self._channel(channel_id)
        except PollGone:
            raise UserError(
                f"The club channel set in `/config` (<#{channel_id}>) no longer exists; set a new one with"
                " `/config set club_channel:`, then run `/vote start` again."
            ) from None
        assert isinstance(channel, POLL_CHANNELS)
        if missing := bot_lacks(channel, POLL_NEEDS):
            raise PollChannelLacks(channel, missing)
        poll = discord.Poll(question=question, duration=timedelta(hours=hours))
        for answer in answers:
            poll.add_answer(text=answer)
        try:
            with reaching(channel_id):
                message = await channel.send(poll=poll, allowed_mentions=discord.AllowedMentions.none())
        except discord.Forbidden:
            raise UserError(f"Discord refused the poll in {channel.mention}: I'm missing a permission there.") from None
        except (discord.HTTPException, DiscordRefused) as error:
            # A 5xx, or a connection lost: Discord may have posted it all the same, and the next
            # /vote start takes a poll it finds in the channel on instead of posting a second.
            why = refusal(error, channel, channel_id, POLL_NEEDS) if isinstance(error, discord.HTTPException) else error
            raise UserError(
                f"I could not post the poll: {why}. Run `/vote start` again in a minute; a poll Discord made "
                "meanwhile is taken on, not posted twice."
            ) from None
        assert message.poll is not None
        expires = message.poll.expires_at
        ends_at = expires.timestamp() if expires else self.bot.clock.now().timestamp() + hours * 3600
        return PostedPoll(message.id, [answer.id for answer in message.poll.answers], ends_at)

    async def find_poll(self, channel_id: int, question: str, answers: list[str]) -> PostedPoll | None:
        try:
            channel = await self._channel(channel_id)
        except (PollGone, DiscordRefused):
            return None  # posting the poll says what is wrong
        now = self.bot.clock.now()
        try:
            with reaching(channel_id):
                async for message in own_messages(self.bot, channel, limit=ANNOUNCEMENT_LOOKBACK):
                    poll = message.poll
                    if poll is None or poll.question != question:
                        continue
                    expires = poll.expires_at
                    if poll.is_finalized() or expires is None or expires <= now:
                        continue
                    if [answer.text for answer in poll.answers] == answers:
                        return PostedPoll(message.id, [answer.id for answer in poll.answers], expires.timestamp())
        except (discord.HTTPException, DiscordRefused) as error:
            log.info("cannot read the history of channel %s (%s)", channel_id, getattr(error, "status", error))
        return None

    async def _poll_message(self, channel_id: int, message_id: int) -> discord.Message:
        channel = await self._channel(channel_id)
        try:
            with reaching(channel_id):
                return await channel.fetch_message(message_id)
        except discord.HTTPException as error:
            raise gone_or_refused(error, channel, channel_id, READING) from None

    async def read_poll(self, channel_id: int, message_id: int) -> PollState:
        message = await self._poll_message(channel_id, message_id)
        if message.poll is None:
            raise PollGone(f"message {message_id} has no poll")
        counts = {answer.id: answer.vote_count for answer in message.poll.answers}
        return PollState(message.poll.is_finalized(), counts)

    async def end_poll(self, channel_id: int, message_id: int) -> PollState:
        message = await self._poll_message(channel_id, message_id)
        if message.poll is None:
            raise PollGone(f"message {message_id} has no poll")
        if not message.poll.is_finalized():
            try:
                with reaching(channel_id):
                    message = await message.end_poll()
            except discord.HTTPException as error:
                if error.code != POLL_ENDED:
                    raise gone_or_refused(error, message.channel, channel_id, READING) from None
                # Ended already: by discord.py's own second try after a 5xx whose first had ended it.
                message = await self._poll_message(channel_id, message_id)
        assert message.poll is not None
        counts = {answer.id: answer.vote_count for answer in message.poll.answers}
        return PollState(message.poll.is_finalized(), counts)

    async def find_announcement(self, channel_id: int, poll_id: int, text: str) -> int | None:
        """Newest first, back to the poll at most: the announcement is among the channel's latest messages
        however busy the channel was while the vote ran."""
        channel = await self._channel(channel_id)
        wanted = text.strip()
        try:
            with reaching(channel_id):
                async for message in own_messages(
                    self.bot, channel, limit=ANNOUNCEMENT_LOOKBACK, after=poll_id, oldest_first=False
                ):
                    if message.content.strip() == wanted:
                        return message.id
        except (discord.HTTPException, DiscordRefused) as error:
            said = getattr(error, "status", error)
            log.info("cannot read the history of channel %s (%s); relying on the nonce", channel_id, said)
        return None

    async def announce(self, channel_id: int, announcement: Announcement, *, nonce: str) -> int:
        channel = await self._channel(channel_id)
        view = discord.ui.View(timeout=None)
        for button in announcement.buttons:
            view.add_item(AddNominee(button.nomination_id, button.label))
        try:
            with reaching(channel_id):
                message = await channel.send(
                    announcement.text,
                    view=view if announcement.buttons else discord.utils.MISSING,
                    nonce=nonce,
                    allowed_mentions=discord.AllowedMentions.none(),
                )
        except discord.HTTPException as error:
            raise gone_or_refused(error, channel, channel_id, MEMBER_POSTS) from None
        finally:
            view.stop()  # the buttons are registered DynamicItems; no view needs to wait
        return message.id
