"""``/nominate``, ``/nominations`` and ``/vote``: options, permissions, one service call, the answer.

A finished poll arrives three ways and all of them settle the round once: the poll message's
update with finalized results (``on_raw_message_edit``), Discord's poll-result message
(``on_message``, type 46), and the service's timer, which reads the poll after its end time,
including polls that ended while the bot was down.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import send_ephemeral
from bot.discussions.timer import Timer
from bot.errors import UserError
from bot.limits import AUTOCOMPLETE_CHOICES, POLL_MAX_HOURS
from bot.nominations.service import (
    DEFAULT_HOURS,
    MAX_TITLE_CHARS,
    NominationService,
    choice_names,
    problem_note,
    title_and_author,
    withdraw_value,
)
from bot.text import and_list, escape_clipped, escape_markdown, page_lines, plural, when_line
from cogs._checks import MEMBER_POLLS, channel_named, guild_id_of, needs_permissions, require_member_reach
from cogs._options import story_autocomplete
from cogs.nominations.buttons import FORM_ID, AddNominee, answer_book_form
from cogs.nominations.poller import DiscordPoller, PollChannelLacks
from cogs.nominations.texts import vote_end_text

if TYPE_CHECKING:
    from bot.client import DogearBot

log = logging.getLogger(__name__)

RETRY = timedelta(minutes=1)
AUTHOR_CHARS = 80  # a library book's author in the /nominations list (an imported file's may run to 200)
VOTE_TITLE_CHARS = 96  # each title, bold and its author with it, in the "a vote is running" line: ten fit one message


class NominationCog(commands.Cog):
    vote = app_commands.Group(
        name="vote",
        description="The club's vote on its next read (Manage Server)",
        guild_only=True,
        default_permissions=discord.Permissions(manage_guild=True),
    )

    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot
        self.poller = DiscordPoller(bot)
        self.service = NominationService(bot.db, bot.clock, self.poller, scope=bot.shard_scope, on_change=self._rearm)
        self.timer = Timer(bot.clock, self.service.next_due, self.service.serve_due, retry_after=RETRY)

    def _rearm(self) -> None:
        self.timer.rearm()

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(AddNominee)
        self.bot.custom_id_routes.add(FORM_ID)  # answered by on_interaction below
        self.timer.start()

    async def cog_unload(self) -> None:
        await self.timer.stop()
        self.bot.remove_dynamic_items(AddNominee)
        self.bot.custom_id_routes.discard(FORM_ID)

    @commands.Cog.listener()
    async def on_interaction(self, interaction: discord.Interaction) -> None:
        """A submitted add-a-book form (discord.py holds no form object for it, see ``BookForm``)."""
        await answer_book_form(self, interaction)

    # -- a poll ends

    @commands.Cog.listener()
    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        """Discord edits a poll's message when the poll ends: its results arrive finalized."""
        poll = payload.data.get("poll") if isinstance(payload.data, dict) else None
        results = (poll or {}).get("results") or {}
        if payload.guild_id is None or not results.get("is_finalized"):
            return
        counts = {int(c["id"]): int(c.get("count", 0)) for c in results.get("answer_counts") or []}
        try:
            await self.service.poll_finished(payload.guild_id, payload.message_id, counts)
        except Exception:
            log.exception("could not settle the poll in message %s", payload.message_id)

    @commands.Cog.listener()
    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        """A moderator deleted a running poll: the vote is off and its nominations go back to the round."""
        await self._poll_deleted(payload.guild_id, [payload.message_id])

    @commands.Cog.listener()
    async def on_raw_bulk_message_delete(self, payload: discord.RawBulkMessageDeleteEvent) -> None:
        await self._poll_deleted(payload.guild_id, sorted(payload.message_ids))

    async def _poll_deleted(self, guild_id: int | None, message_ids: list[int]) -> None:
        if guild_id is None:
            return
        for message_id in message_ids:
            try:
                await self.service.poll_deleted(guild_id, message_id)
            except Exception:
                log.exception("could not call off the vote of deleted message %s", message_id)

    @commands.Cog.listener()
    async def on_guild_channel_delete(self, channel: discord.abc.GuildChannel) -> None:
        """The club channel went, and its poll with it: Discord sends no delete for each of its messages."""
        await self._channel_deleted(channel.guild.id, channel.id)

    @commands.Cog.listener()
    async def on_raw_thread_delete(self, payload: discord.RawThreadDeleteEvent) -> None:
        await self._channel_deleted(payload.guild_id, payload.thread_id)

    async def _channel_deleted(self, guild_id: int, channel_id: int) -> None:
        try:
            await self.service.channel_deleted(guild_id, channel_id)
        except Exception:
            log.exception("could not settle the vote of deleted channel %s", channel_id)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Discord's poll-result message (type 46) points at the poll that just ended."""
        if message.type is not discord.MessageType.poll_result or message.guild is None:
            return
        reference = message.reference
        if reference is None or reference.message_id is None:
            return
        try:
            await self.service.poll_finished(message.guild.id, reference.message_id)
        except Exception:
            log.exception("could not settle the poll in message %s", reference.message_id)

    # -- commands

    @app_commands.command(name="nominate", description="Nominate a book for the club's next read (one per member)")
    @app_commands.describe(
        title="The book's title (pick a library story or type any title)",
        story="Or, instead of a title, a story already in the library",
    )
    @app_commands.guild_only()
    async def nominate(
        self,
        interaction: discord.Interaction,
        title: app_commands.Range[str, 1, MAX_TITLE_CHARS] | None = None,
        story: str | None = None,
    ) -> None:
        guild_id = guild_id_of(interaction)
        done = await self.service.nominate(guild_id, interaction.user.id, title, story or None)
        name = f"**{escape_markdown(done.title)}**"
        by = f" by {escape_markdown(done.author)}" if done.author else ""
        library = f"{by} (it is in the library)" if done.in_library else ""
        if done.kind == "unchanged":
            text = f"You already nominated {name}{library}; nothing changed."
        elif done.kind == "replaced":
            text = (
                f"You nominated {name}{library}. It replaces your earlier nomination, "
                f"**{escape_markdown(done.previous or '')}**: each member has one nomination per round."
            )
        elif done.kind == "merged":
            text = f"{name}{by} was already nominated; you now back it too ({plural(done.backers, 'member')})."
        else:
            text = f"You nominated {name}{library}. `/nominations` lists this round's nominations."
        if done.vote_running and done.kind != "unchanged":
            text += " A vote is running now, so this counts for the next one."
        await send_ephemeral(interaction, text)

    @app_commands.command(name="nominations", description="The books nominated for the club's next read")
    @app_commands.describe(page="Which page of the list")
    @app_commands.guild_only()
    async def nominations(self, interaction: discord.Interaction, page: app_commands.Range[int, 1, 10_000] = 1) -> None:
        guild_id = guild_id_of(interaction)
        board = await self.service.board(guild_id)
        lines: list[str] = []
        if board.vote is not None and board.vote.state == "voting":
            where = f"<#{board.vote.channel_id}>" if board.vote.channel_id else "the club channel"
            ends = datetime.fromtimestamp(board.vote.ends_at or 0, UTC)
            running = f"is running in {where} until" if ends > self.bot.clock.now() else f"in {where} ended"
            lines.append(
                f"🗳️ A vote {running} {when_line(ends)} between "
                + and_list([title_and_author(n, VOTE_TITLE_CHARS) for n in board.vote_nominations])
                + "."
            )
        note = problem_note(board.vote) if board.vote is not None else None
        if note and interaction.permissions.manage_guild:  # the admins can fix it; members see the vote
            lines.append(f"⚠️ {note}")
        if board.nominations:
            heading = "for the next vote" if board.vote is not None else "for the club's next read"
            lines.append(f"**Nominations {heading}** ({len(board.nominations)}):")
            for index, nomination in enumerate(board.nominations, start=1):
                extra = f", +{plural(nomination.backers - 1, 'more member')}" if nomination.backers > 1 else ""
                library = " · in the library" if nomination.story_id else ""
                by = f" by {escape_clipped(nomination.author, AUTHOR_CHARS)}" if nomination.author else ""
                lines.append(
                    f"{index}. **{escape_markdown(nomination.title)}**{by} — nominated by <@{nomination.nominated_by}>"
                    f"{extra}{library}"
                )
        else:
            lines.append("No nominations yet. Nominate a book with `/nominate title:`.")
        # Paged, so each of a hundred nominations is on a page; the running vote and the heading are
        # on every page, so a later page's list never reads as the vote's titles.
        heads = len(lines) - len(board.nominations)
        await send_ephemeral(
            interaction, page_lines("\n".join(lines[:heads]), lines[heads:], page, "/nominations page:{page}")
        )

    @vote.command(name="start", description="Post the nominations as a poll in the club channel (Manage Server)")
    @app_commands.describe(hours=f"How long the poll runs (1 to {POLL_MAX_HOURS} hours; default {DEFAULT_HOURS})")
    @needs_permissions(manage_guild=True)
    async def vote_start(
        self, interaction: discord.Interaction, hours: app_commands.Range[int, 1, POLL_MAX_HOURS] = DEFAULT_HOURS
    ) -> None:
        guild_id = guild_id_of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)

        def check_channel(channel_id: int) -> None:
            club_channel = channel_named(interaction, channel_id)
            if club_channel is not None:  # the poll and its result are posted for this member
                require_member_reach(interaction, club_channel, MEMBER_POLLS)

        try:
            started = await self.service.start_club_vote(
                guild_id, hours=hours, user_id=interaction.user.id, check_channel=check_channel
            )
        except PollChannelLacks as lacking:  # said again here, where who asked is known
            raise UserError(lacking.said_to(interaction)) from None
        await send_ephemeral(
            interaction,
            f"The vote is open in <#{started.channel_id}> with {plural(len(started.titles), 'nomination')}; "
            f"it ends <t:{int(started.ends_at)}:R>. I will announce the result there.",
        )

    @vote.command(name="end", description="End the running poll now and announce its result (Manage Server)")
    @app_commands.describe(
        call_off="Call the vote off without a result (for a poll I can no longer reach); its votes are lost"
    )
    @needs_permissions(manage_guild=True)
    async def vote_end(self, interaction: discord.Interaction, call_off: bool = False) -> None:
        guild_id = guild_id_of(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        ended = await self.service.end_vote(guild_id, call_off=call_off)
        await send_ephemeral(interaction, vote_end_text(ended, called_off=call_off))

    @vote.command(name="withdraw", description="Take a nomination out of this round (Manage Server)")
    @app_commands.describe(nomination="The nomination to take out")
    @needs_permissions(manage_guild=True)
    async def vote_withdraw(self, interaction: discord.Interaction, nomination: str) -> None:
        guild_id = guild_id_of(interaction)
        removed = await self.service.withdraw(guild_id, nomination)
        left = len(await self.service.open_nominations(guild_id))
        await send_ephemeral(
            interaction,
            f"Took {title_and_author(removed, MAX_TITLE_CHARS * 2 + 120)} out of this round; {plural(left, 'nomination', zero='no nominations')} left.",
        )

    # -- autocomplete

    @nominate.autocomplete("title")
    async def title_option(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        """This round's nominations first (to back one), then library titles; what is typed stays valid."""
        if interaction.guild_id is None:
            return []
        offered = await self.service.title_choices(interaction.guild_id, current)
        return [app_commands.Choice(name=name, value=title) for name, title in offered]

    @nominate.autocomplete("story")
    async def story_option(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await story_autocomplete(self.bot, interaction.guild_id, current)

    @vote_withdraw.autocomplete("nomination")
    async def nomination_option(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        needle = current.casefold().strip()
        found = await self.service.open_nominations(interaction.guild_id)
        return [
            app_commands.Choice(name=name, value=withdraw_value(n))
            for n, name in zip(found, choice_names(found), strict=True)
            if needle in n.title.casefold()
        ][:AUTOCOMPLETE_CHOICES]
