"""The discussion service's poster over discord.py: posts, forum posts, threads and their readers.

The service decides what is posted and when (:mod:`bot.discussions.service`); this module only
turns a :class:`~bot.discussions.compose.Notice` into a Discord request with explicit
``AllowedMentions`` and Discord's refusals into :class:`PostFailure` reasons (:class:`Unreachable`
when Discord could not be reached or failed on its side, so the service tries again later).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

import discord
from discord.http import handle_message_parameters
from discord.utils import MISSING

from bot.discussions.compose import Notice, without_role
from bot.discussions.failures import Gone, PostFailure
from bot.discussions.presence import MemberPresence
from bot.discussions.service import Posted
from bot.text import and_list, missing_permissions_answer
from cogs._messages import own_messages
from cogs.discussions.refusals import reaching, refusal
from cogs.discussions.thread_copies import drop_thread_copies

if TYPE_CHECKING:
    from bot.client import DogearBot

log = logging.getLogger(__name__)

HISTORY_LOOKBACK = 50
THREAD_ARCHIVE_MINUTES = 10080
THREAD_EXISTS = 160004
UNKNOWN_MEMBER = 10007
UNKNOWN_USER = 10013
DMS_CLOSED = 50007  # "Cannot send messages to this user"


def _mentions(notice: Notice) -> discord.AllowedMentions:
    """Exactly the role or members the notice names may be pinged; nobody else, never @everyone."""
    return discord.AllowedMentions(
        everyone=False,
        replied_user=False,
        roles=[discord.Object(notice.role_id)] if notice.role_id else False,
        users=[discord.Object(user_id) for user_id in notice.user_ids] if notice.user_ids else False,
    )


def _refuse_without_thread(channel: discord.abc.GuildChannel | discord.Thread, notice: Notice) -> None:
    """A discussion's post in a text channel where Dogear may open no thread (neither Create Public
    Threads nor Create Private Threads), or may not add its readers to one (Send Messages in Threads,
    which Discord asks of whoever adds a member), is not sent. It went up, told members they would be
    let into its thread, and then failed with no thread, or opened a thread nobody could be added to
    and said nothing: half-posted. Refused before, it fails whole, and ``/discussion list`` says what
    to give (as ``/discussion schedule`` warned it would)."""
    if notice.thread_name is None or not isinstance(channel, discord.TextChannel):
        return
    me = channel.guild.me
    if me is None:
        return
    granted = channel.permissions_for(me)
    lacking = [] if granted.create_public_threads or granted.create_private_threads else ["Create Public Threads"]
    lacking += [] if granted.send_messages_in_threads else ["Send Messages in Threads"]
    if not lacking:
        return
    where = f"#{channel.name}"  # kept as text and shown escaped, as refusals name a channel
    fix = missing_permissions_answer(lacking, where, admin=None, then="")
    raise PostFailure(
        f"posting: I am missing {and_list(lacking)} in {where}, so the discussion's thread could not open with "
        f"its readers; nothing was posted. {fix}"
    )


class DiscordPoster:
    """The service's poster over discord.py; waits for the gateway before the first request."""

    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot
        self.presence: MemberPresence | None = None  # told of a reader Discord says left the server

    async def _channel(self, channel_id: int) -> discord.abc.GuildChannel | discord.Thread:
        await self.bot.wait_until_ready()
        channel = self.bot.get_channel(channel_id)
        if channel is None:
            try:
                with reaching("looking up the channel"):
                    channel = await self.bot.fetch_channel(channel_id)
            except discord.DiscordServerError as error:
                raise refusal(error, "looking up the channel") from error
            except discord.NotFound:
                raise Gone("the channel was deleted") from None
            except discord.Forbidden:
                raise PostFailure("I can no longer see that channel") from None
        if not isinstance(channel, discord.abc.GuildChannel | discord.Thread):
            raise PostFailure("that is not a server channel")
        return channel

    async def _home(self, channel_id: int) -> discord.abc.GuildChannel:
        """Where a discussion, a reminder or a notice for ``channel_id`` goes: the channel, or a thread's
        parent. (A discussion opens a thread of its own, and one stored with a thread as its channel,
        before new ones kept the parent, failed when due: posted in the thread, no thread could open.)"""
        channel = await self._channel(channel_id)
        if isinstance(channel, discord.Thread):
            parent = await self._channel(channel.parent_id)
            if isinstance(parent, discord.Thread):  # Discord nests no threads; only a forged id could
                raise PostFailure("that thread's parent is not a channel")
            return parent
        return channel

    async def channel_kind(self, channel_id: int) -> str:
        channel = await self._home(channel_id)
        return "forum" if isinstance(channel, discord.ForumChannel) else "text"

    async def find_post(self, channel_id: int, marker: str) -> Posted | None:
        """Our own message with ``marker`` in its footer among the channel's recent messages; a notice
        without an embed carries its whole text as its marker."""
        channel = await self._home(channel_id)
        me = self.bot.user
        try:
            with reaching("reading the channel's recent messages"):
                if isinstance(channel, discord.ForumChannel):
                    suffix = " · #" + marker.rsplit("#", 1)[-1]
                    for thread in channel.threads:
                        if thread.name.endswith(suffix) and thread.owner_id == (me.id if me else None):
                            return Posted(channel.id, thread.id, thread.id)
                    return None
                assert isinstance(channel, discord.abc.Messageable)
                async for message in own_messages(self.bot, channel, limit=HISTORY_LOOKBACK):
                    if message.content.strip() == marker.strip() or any(
                        embed.footer.text == marker for embed in message.embeds
                    ):
                        thread = message.thread
                        return Posted(channel.id, message.id, thread.id if thread else None)
        except discord.HTTPException as error:
            raise refusal(error, "reading the channel's recent messages", channel) from error
        return None

    async def post(self, channel_id: int, notice: Notice, *, nonce: str | None) -> Posted:
        channel = await self._home(channel_id)
        guild = channel.guild
        if notice.role_id and not guild.unavailable and guild.get_role(notice.role_id) is None:
            log.info("server %s: the club role %s was deleted; posting without pinging it", guild.id, notice.role_id)
            notice = without_role(notice)
        _refuse_without_thread(channel, notice)
        embed = discord.Embed.from_dict(notice.embed) if notice.embed else MISSING
        mentions = _mentions(notice)
        try:
            with reaching("posting"):
                return await self._send(channel, notice, embed, mentions, nonce)
        except discord.HTTPException as error:
            raise refusal(error, "posting", channel) from error

    async def _send(
        self,
        channel: discord.abc.GuildChannel | discord.Thread,
        notice: Notice,
        embed: discord.Embed,
        mentions: discord.AllowedMentions,
        nonce: str | None,
    ) -> Posted:
        """One notice into one channel (a forum gets a post of its own)."""
        if isinstance(channel, discord.ForumChannel):
            created = await channel.create_thread(
                name=notice.thread_name or "Discussion",
                content=notice.content or MISSING,
                embed=embed,
                allowed_mentions=mentions,
                auto_archive_duration=THREAD_ARCHIVE_MINUTES,
            )
            await drop_thread_copies(self.bot, channel, created.thread.id, created.thread.name)
            return Posted(channel.id, created.message.id, created.thread.id)
        # By channel id, for the new message's id alone: handle_message_parameters sends a nonce with
        # enforce_nonce set (as channel.send does), so a resend within Discord's minutes is dropped.
        reference = (
            discord.MessageReference(
                message_id=notice.reply_to, channel_id=channel.id, fail_if_not_exists=False
            ).to_message_reference_dict()
            if notice.reply_to is not None
            else MISSING
        )
        with handle_message_parameters(
            content=notice.content if notice.content is not None else MISSING,
            embed=embed,
            nonce=nonce,
            message_reference=reference,
            allowed_mentions=mentions,
            previous_allowed_mentions=self.bot.allowed_mentions,
        ) as params:
            data = await self.bot.http.send_message(channel.id, params=params)
        return Posted(channel.id, int(data["id"]), None)

    async def open_thread(self, channel_id: int, message_id: int, name: str) -> int:
        """Private where the bot may create one (access follows progress), else public from the post."""
        channel = await self._home(channel_id)
        if not isinstance(channel, discord.TextChannel):
            raise PostFailure("threads need a text channel")
        for thread in channel.threads:  # opened before a crash
            if thread.name == name:
                return thread.id
        me = channel.guild.me
        private = me is not None and channel.permissions_for(me).create_private_threads
        try:
            with reaching("opening the thread"):
                if private:
                    thread = await channel.create_thread(
                        name=name,
                        type=discord.ChannelType.private_thread,
                        invitable=False,
                        auto_archive_duration=THREAD_ARCHIVE_MINUTES,
                    )
                else:
                    thread = await channel.create_thread(
                        name=name, message=discord.Object(message_id), auto_archive_duration=THREAD_ARCHIVE_MINUTES
                    )
        except discord.HTTPException as error:
            if error.code == THREAD_EXISTS:
                return message_id  # a thread started from a message has the message's id
            raise refusal(error, "opening the thread", channel) from error
        await drop_thread_copies(self.bot, channel, thread.id, name)
        return thread.id

    async def add_to_thread(self, thread_id: int, user_ids: Sequence[int]) -> None:
        if not user_ids:
            return
        thread = await self._channel(thread_id)
        if not isinstance(thread, discord.Thread):
            raise Gone("the discussion thread is gone")
        if thread.archived:
            # A quiet thread archives itself (after a week) and Discord adds nobody to an archived
            # one (50083); a reader reaching it later is let in after the bot reopens it. Only then:
            # a member already in it (an owed add tried again) leaves the club's old thread archived.
            user_ids = [user_id for user_id in user_ids if not await self._in_thread(thread, user_id)]
            if not user_ids:
                return
            try:
                with reaching("reopening the archived thread"):
                    await thread.edit(archived=False)
            except discord.HTTPException as error:
                raise refusal(error, "reopening the archived thread") from error
        for user_id in user_ids:
            try:
                with reaching("adding a reader to the thread"):
                    await thread.add_user(discord.Object(user_id))
            except discord.NotFound as error:
                if error.code == UNKNOWN_MEMBER:
                    if self.presence is not None:  # left the server: reminders stop naming them
                        self.presence.gone(thread.guild.id, user_id)
                    continue
                raise refusal(error, "adding a reader to the thread") from error
            except discord.HTTPException as error:
                raise refusal(error, "adding a reader to the thread") from error

    async def _in_thread(self, thread: discord.Thread, user_id: int) -> bool:
        """Whether the member is in the thread already (read without reopening it)."""
        try:
            with reaching("reading the thread's members"):
                await thread.fetch_member(user_id)
        except discord.NotFound:
            return False
        except discord.HTTPException as error:
            raise refusal(error, "reading the thread's members") from error
        return True

    async def member_present(self, guild_id: int, user_id: int) -> bool | None:
        """Whether the member is in the server, by one request (no privileged intent needed): False
        for Discord's Unknown Member or Unknown User, None when it could not say."""
        await self.bot.wait_until_ready()
        try:
            with reaching("looking up a member"):
                await self.bot.http.get_member(guild_id, user_id)
        except discord.NotFound as error:
            return False if error.code in (UNKNOWN_MEMBER, UNKNOWN_USER) else None
        except discord.HTTPException as error:
            log.info("server %s: could not look up member %s: %s", guild_id, user_id, error)
            return None
        except PostFailure as failure:  # the connection lost or timed out (reaching)
            log.info("server %s: could not look up member %s: %s", guild_id, user_id, failure)
            return None
        return True

    async def send_dm(self, user_id: int, notice: Notice) -> bool:
        """A private copy; False (not an error) when the member's DMs are closed to the bot."""
        await self.bot.wait_until_ready()
        try:
            with reaching("sending a DM"):
                channel = await self.bot.create_dm(discord.Object(user_id))
                await channel.send(
                    notice.content or "",
                    embed=discord.Embed.from_dict(notice.embed) if notice.embed else MISSING,
                    allowed_mentions=discord.AllowedMentions.none(),
                )
        except discord.Forbidden as error:
            if error.code == DMS_CLOSED:
                return False
            raise refusal(error, "sending a DM") from error
        except discord.HTTPException as error:
            raise refusal(error, "sending a DM") from error
        return True
