"""``/discussion``: schedule, plan, list, move and cancel chapter discussions; set prompts.

Thin on purpose: options are parsed with ``bot.discussions`` (when, cadence, remind), the
schedule is stored and served by :class:`DiscussionService`, and this module only adds the
Discord side: :class:`DiscordPoster` (the service's poster) and scheduled events.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands
from discord.http import handle_message_parameters
from discord.utils import MISSING

from bot.client import report_error
from bot.discussions import store
from bot.discussions.cadence import parse_every, plan_chapters, plan_times
from bot.discussions.compose import Notice, escape, stamp
from bot.discussions.remind import describe_offset, parse_remind
from bot.discussions.service import DiscussionService, Posted, PostFailure
from bot.discussions.store import Discussion, NewDiscussion
from bot.discussions.when import parse_when, zone_named
from bot.errors import UserError
from bot.guilds import MAX_PROMPT_LENGTH, MAX_PROMPTS, GuildSettings, get_settings, update_settings
from bot.story.store import get_story_record, search_stories

if TYPE_CHECKING:
    from bot.client import DogearBot

log = logging.getLogger(__name__)

MAX_CHAPTER = 100_000
EVENT_LENGTH = timedelta(hours=1)
HISTORY_LOOKBACK = 50
THREAD_ARCHIVE_MINUTES = 10080
THREAD_EXISTS = 160004
UNKNOWN_MEMBER = 10007
POST_CHANNEL = discord.TextChannel | discord.ForumChannel


# ---------------------------------------------------------------------------------- Discord poster


def _mentions(notice: Notice) -> discord.AllowedMentions:
    """Exactly the role or members the notice names may be pinged; nobody else, never @everyone."""
    return discord.AllowedMentions(
        everyone=False,
        replied_user=False,
        roles=[discord.Object(notice.role_id)] if notice.role_id else False,
        users=[discord.Object(user_id) for user_id in notice.user_ids] if notice.user_ids else False,
    )


def _refusal(error: discord.HTTPException, doing: str) -> PostFailure:
    if isinstance(error, discord.NotFound):
        return PostFailure(f"{doing}: the channel or thread no longer exists")
    if isinstance(error, discord.Forbidden):
        return PostFailure(f"{doing}: I am missing a permission there ({error.text or 'Missing Permissions'})")
    return PostFailure(f"{doing}: Discord refused it ({error.status} {error.text})")


class DiscordPoster:
    """The service's poster over discord.py; waits for the gateway before the first request."""

    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot

    async def _channel(self, channel_id: int) -> discord.abc.GuildChannel | discord.Thread:
        await self.bot.wait_until_ready()
        channel = self.bot.get_channel(channel_id)
        if channel is None:
            try:
                channel = await self.bot.fetch_channel(channel_id)
            except discord.NotFound:
                raise PostFailure("the channel was deleted") from None
            except discord.Forbidden:
                raise PostFailure("I can no longer see that channel") from None
        if not isinstance(channel, discord.abc.GuildChannel | discord.Thread):
            raise PostFailure("that is not a server channel")
        return channel

    async def channel_kind(self, channel_id: int) -> str:
        channel = await self._channel(channel_id)
        return "forum" if isinstance(channel, discord.ForumChannel) else "text"

    async def find_post(self, channel_id: int, marker: str) -> Posted | None:
        """Our own message with ``marker`` in its footer among the channel's recent messages."""
        channel = await self._channel(channel_id)
        me = self.bot.user
        try:
            if isinstance(channel, discord.ForumChannel):
                suffix = " · #" + marker.rsplit("#", 1)[-1]
                for thread in channel.threads:
                    if thread.name.endswith(suffix) and thread.owner_id == (me.id if me else None):
                        return Posted(channel.id, thread.id, thread.id)
                return None
            assert isinstance(channel, discord.abc.Messageable)
            async for message in channel.history(limit=HISTORY_LOOKBACK):
                if me is not None and message.author.id != me.id:
                    continue
                if any(embed.footer.text == marker for embed in message.embeds):
                    thread = message.thread
                    return Posted(channel.id, message.id, thread.id if thread else None)
        except discord.HTTPException as error:
            raise _refusal(error, "reading the channel's recent messages") from error
        return None

    async def post(self, channel_id: int, notice: Notice, *, nonce: str | None) -> Posted:
        channel = await self._channel(channel_id)
        embed = discord.Embed.from_dict(notice.embed) if notice.embed else MISSING
        mentions = _mentions(notice)
        try:
            if isinstance(channel, discord.ForumChannel):
                created = await channel.create_thread(
                    name=notice.thread_name or "Discussion",
                    content=notice.content or MISSING,
                    embed=embed,
                    allowed_mentions=mentions,
                    auto_archive_duration=THREAD_ARCHIVE_MINUTES,
                )
                return Posted(channel.id, created.message.id, created.thread.id)
            # discord.py's send() has no enforce_nonce; the same request with the flag set.
            with handle_message_parameters(
                content=notice.content if notice.content is not None else MISSING,
                embed=embed,
                nonce=nonce,
                allowed_mentions=mentions,
                previous_allowed_mentions=self.bot.allowed_mentions,
            ) as params:
                if nonce is not None:
                    params.payload["enforce_nonce"] = True  # type: ignore[index]
                data = await self.bot.http.send_message(channel.id, params=params)
            return Posted(channel.id, int(data["id"]), None)
        except discord.HTTPException as error:
            raise _refusal(error, "posting") from error

    async def open_thread(self, channel_id: int, message_id: int, name: str) -> int:
        """Private where the bot may create one (access follows progress), else public from the post."""
        channel = await self._channel(channel_id)
        if not isinstance(channel, discord.TextChannel):
            raise PostFailure("threads need a text channel")
        for thread in channel.threads:  # opened before a crash
            if thread.name == name:
                return thread.id
        me = channel.guild.me
        private = me is not None and channel.permissions_for(me).create_private_threads
        try:
            if private:
                thread = await channel.create_thread(
                    name=name,
                    type=discord.ChannelType.private_thread,
                    invitable=False,
                    auto_archive_duration=THREAD_ARCHIVE_MINUTES,
                )
                return thread.id
            thread = await channel.create_thread(
                name=name, message=discord.Object(message_id), auto_archive_duration=THREAD_ARCHIVE_MINUTES
            )
            return thread.id
        except discord.HTTPException as error:
            if error.code == THREAD_EXISTS:
                return message_id  # a thread started from a message has the message's id
            raise _refusal(error, "opening the thread") from error

    async def add_to_thread(self, thread_id: int, user_ids: Sequence[int]) -> None:
        if not user_ids:
            return
        thread = await self._channel(thread_id)
        if not isinstance(thread, discord.Thread):
            raise PostFailure("the discussion thread is gone")
        for user_id in user_ids:
            try:
                await thread.add_user(discord.Object(user_id))
            except discord.NotFound as error:
                if error.code == UNKNOWN_MEMBER:
                    continue  # left the server
                raise _refusal(error, "adding a reader to the thread") from error
            except discord.HTTPException as error:
                raise _refusal(error, "adding a reader to the thread") from error


# ---------------------------------------------------------------------------------- helpers


async def _can_manage(interaction: discord.Interaction) -> bool:
    """Manage Events or Manage Server, checked in code (default permissions only hide the command)."""
    permissions = interaction.permissions
    if permissions.manage_events or permissions.manage_guild:
        return True
    raise app_commands.MissingPermissions(["manage_events"])


async def _can_manage_server(interaction: discord.Interaction) -> bool:
    if interaction.permissions.manage_guild:
        return True
    raise app_commands.MissingPermissions(["manage_guild"])


async def _story(bot: DogearBot, guild_id: int, value: str) -> tuple[int, str, int]:
    """(id, title, chapter count) of the story picked from autocomplete, or typed in full."""
    text = value.strip()
    record = await get_story_record(bot.db, guild_id, int(text)) if text.isdigit() else None
    if record is None and not text.isdigit():
        found = await search_stories(bot.db, guild_id, text, limit=25)
        exact = [r for r in found if r.title.casefold() == text.casefold()]
        if len(exact) == 1 or len(found) == 1:
            record = (exact or found)[0]
    if record is None:
        raise UserError(
            "That story is not in this server's library (it may have been removed). Pick one from the list."
        )
    return record.id, record.title, record.chapter_count


def _check_chapter(title: str, chapter: int, chapter_count: int) -> None:
    if not 1 <= chapter <= chapter_count:
        raise UserError(f"Chapter {chapter} is out of range: {escape(title)} has {chapter_count} chapter(s).")


def _when_line(moment: datetime) -> str:
    return f"{stamp(moment, 'F')} ({stamp(moment, 'R')})"


def _describe(discussion: Discussion) -> str:
    title = escape(discussion.story_title or "a removed story")
    line = f"**#{discussion.id}** · {title}, chapter {discussion.chapter} · {_when_line(discussion.due_at)} · {discussion.state}"
    if discussion.failure:
        line += f"\n  ↳ {escape(discussion.failure)}"
    return line


def _event_location(channel: discord.abc.GuildChannel | None, channel_id: int) -> str:
    name = f"#{channel.name}" if channel is not None else f"<#{channel_id}>"
    return f"Discord {name}"[:100]


class PromptsModal(discord.ui.Modal, title="Discussion prompts"):
    prompts: discord.ui.TextInput[PromptsModal] = discord.ui.TextInput(
        label="One prompt per line (empty = defaults)",
        custom_id="prompts",
        style=discord.TextStyle.paragraph,
        required=False,
        max_length=4000,
    )

    def __init__(self, cog: DiscussionCog, current: Sequence[str]) -> None:
        super().__init__(timeout=600)
        self.cog = cog
        self.prompts.default = "\n".join(current)
        cog.open_modals.add(self)

    def stop(self) -> None:
        super().stop()
        self.cog.open_modals.discard(self)

    async def on_timeout(self) -> None:
        self.cog.open_modals.discard(self)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await self.cog.save_prompts(interaction, self.prompts.value)

    async def on_error(self, interaction: discord.Interaction, error: Exception, item: Any = None) -> None:
        await report_error(interaction, error, what="the discussion prompts form")


def parse_prompts(text: str) -> list[str] | None:
    """One prompt per line; None (the defaults) when empty."""
    lines = [line.strip().lstrip("•-* ").strip() for line in text.replace("|", "\n").splitlines()]
    prompts = [line for line in lines if line]
    if not prompts:
        return None
    if len(prompts) > MAX_PROMPTS:
        raise UserError(f"At most {MAX_PROMPTS} prompts, one per line; you gave {len(prompts)}.")
    too_long = [p for p in prompts if len(p) > MAX_PROMPT_LENGTH]
    if too_long:
        raise UserError(f"Each prompt can be at most {MAX_PROMPT_LENGTH} characters; shorten: {too_long[0][:60]}…")
    return prompts


# ---------------------------------------------------------------------------------- the cog


@app_commands.guild_only()
@app_commands.default_permissions(manage_events=True)
class DiscussionCog(
    commands.GroupCog, group_name="discussion", group_description="Chapter discussions that post themselves on time"
):
    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot
        self.poster = DiscordPoster(bot)
        self.service = DiscussionService(
            bot.db, bot.clock, self.poster, grace=timedelta(hours=bot.settings.discussion_grace_hours)
        )
        self.open_modals: set[PromptsModal] = set()
        super().__init__()

    async def cog_load(self) -> None:
        self.service.start()

    async def cog_unload(self) -> None:
        await self.service.stop()
        # A prompts form nobody submitted keeps a timeout task; it must not outlive the bot.
        for modal in list(self.open_modals):
            modal.stop()

    @commands.Cog.listener()
    async def on_progress_advanced(self, guild_id: int, user_id: int, story_id: int, chapter: int) -> None:
        """A member read further: open the discussion threads they have now earned."""
        try:
            await self.service.reader_advanced(guild_id, user_id, story_id, chapter)
        except Exception:
            log.exception("could not add member %s to discussion threads", user_id)

    @commands.Cog.listener()
    async def on_story_removed(self, guild_id: int, story_id: int, event_ids: Sequence[int]) -> None:
        """The story's discussions are gone with it: wake the timer and remove their scheduled events."""
        self.service.schedules_changed()
        guild = self.bot.get_guild(guild_id)
        if guild is None:
            return
        for event_id in event_ids:
            try:
                scheduled = await guild.fetch_scheduled_event(event_id)
                await scheduled.delete()
            except discord.NotFound:
                continue
            except discord.HTTPException:
                log.warning("could not delete scheduled event %s of removed story %s", event_id, story_id)

    async def _settings(self, interaction: discord.Interaction) -> GuildSettings:
        assert interaction.guild_id is not None
        return await get_settings(self.bot.db, interaction.guild_id)

    def _target(
        self, interaction: discord.Interaction, channel: POST_CHANNEL | None, settings: GuildSettings
    ) -> tuple[int, bool]:
        if channel is not None:
            return channel.id, True
        assert interaction.channel_id is not None
        return interaction.channel_id, False

    async def _create_event(
        self, guild: discord.Guild, title: str, chapter: int, due: datetime, channel_id: int
    ) -> discord.ScheduledEvent:
        channel = guild.get_channel(channel_id)
        try:
            return await guild.create_scheduled_event(
                name=f"{title[:70]} — chapter {chapter} discussion"[:100],
                description=f"Reading club discussion of {title[:200]}, chapter {chapter}.",
                start_time=due,
                end_time=due + EVENT_LENGTH,
                entity_type=discord.EntityType.external,
                privacy_level=discord.PrivacyLevel.guild_only,
                location=_event_location(channel, channel_id),
            )
        except discord.Forbidden:
            raise UserError("I need the Create Events permission to add an event. Nothing was scheduled.") from None

    @app_commands.command(name="schedule", description="Schedule a chapter discussion (Manage Events)")
    @app_commands.describe(
        story="The story",
        chapter="The chapter to discuss",
        when="e.g. 2026-12-04 19:00, tomorrow 7pm, friday 19:00 Europe/Berlin, in 3 days",
        channel="Where to post (default: the discussion channel setting, else here)",
        event="Also create a Discord scheduled event",
        remind="Reminders before it, e.g. 24h,1h (default) or none",
    )
    @app_commands.check(_can_manage)
    async def schedule(
        self,
        interaction: discord.Interaction,
        story: str,
        chapter: app_commands.Range[int, 1, MAX_CHAPTER],
        when: str,
        channel: POST_CHANNEL | None = None,
        event: bool = False,
        remind: str | None = None,
    ) -> None:
        assert interaction.guild is not None
        guild = interaction.guild
        settings = await self._settings(interaction)
        story_id, title, chapter_count = await _story(self.bot, guild.id, story)
        _check_chapter(title, chapter, chapter_count)
        due = parse_when(when, now=self.bot.clock.now(), default_zone=settings.timezone)
        offsets = parse_remind(remind)
        channel_id, explicit = self._target(interaction, channel, settings)
        post_channel = channel_id if explicit else (settings.discussion_channel_id or channel_id)
        await interaction.response.defer(ephemeral=True, thinking=True)
        created = await self._create_event(guild, title, chapter, due, post_channel) if event else None
        try:
            [discussion_id] = await self.service.schedule(
                guild.id,
                [
                    NewDiscussion(
                        story_id=story_id,
                        chapter=chapter,
                        due_at=due,
                        channel_id=channel_id,
                        channel_explicit=explicit,
                        remind=offsets,
                        created_by=interaction.user.id,
                        event_id=created.id if created else None,
                    )
                ],
            )
        except BaseException:
            if created is not None:
                await created.delete()
            raise
        reminders = ", ".join(describe_offset(o) for o in offsets) + " before" if offsets else "none"
        await interaction.followup.send(
            f"Discussion **#{discussion_id}** of **{escape(title)}**, chapter {chapter}, is scheduled for "
            f"{_when_line(due)} in <#{post_channel}>.\nReminders: {reminders}."
            + ("\nA scheduled event was created." if created else ""),
            ephemeral=True,
        )

    @app_commands.command(name="plan", description="Schedule one discussion per chapter on a rhythm (Manage Events)")
    @app_commands.describe(
        story="The story",
        start="When the first discussion is, e.g. friday 19:00",
        every="daily, weekly, or a number of days such as 3 days",
        from_chapter="The first chapter to discuss (default 1)",
        channel="Where to post (default: the discussion channel setting, else here)",
        remind="Reminders before each, e.g. 24h,1h (default) or none",
    )
    @app_commands.check(_can_manage)
    async def plan(
        self,
        interaction: discord.Interaction,
        story: str,
        start: str,
        every: str,
        from_chapter: app_commands.Range[int, 1, MAX_CHAPTER] = 1,
        channel: POST_CHANNEL | None = None,
        remind: str | None = None,
    ) -> None:
        assert interaction.guild_id is not None
        settings = await self._settings(interaction)
        story_id, title, chapter_count = await _story(self.bot, interaction.guild_id, story)
        chapters = plan_chapters(from_chapter, chapter_count)
        first = parse_when(start, now=self.bot.clock.now(), default_zone=settings.timezone)
        cadence = parse_every(every)
        offsets = parse_remind(remind)
        times = plan_times(first, zone_named(settings.timezone), cadence, len(chapters))
        channel_id, explicit = self._target(interaction, channel, settings)
        await interaction.response.defer(ephemeral=True, thinking=True)
        ids = await self.service.schedule(
            interaction.guild_id,
            [
                NewDiscussion(story_id, number, due, channel_id, explicit, offsets, interaction.user.id)
                for number, due in zip(chapters, times, strict=True)
            ],
        )
        post_channel = channel_id if explicit else (settings.discussion_channel_id or channel_id)
        await interaction.followup.send(
            f"Planned {len(ids)} discussion(s) of **{escape(title)}**, {cadence.describe()}, in <#{post_channel}>: "
            f"chapter {chapters[0]} on {_when_line(times[0])} to chapter {chapters[-1]} on {stamp(times[-1], 'F')}. "
            f"Ids #{ids[0]}–#{ids[-1]}; see `/discussion list`.",
            ephemeral=True,
        )

    @app_commands.command(name="list", description="Upcoming and failed discussions in this server")
    @app_commands.check(_can_manage)
    async def list_(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        found = await store.list_discussions(self.bot.db, interaction.guild_id, now=self.bot.clock.now())
        upcoming = [d for d in found if d.state in store.PENDING]
        troubled = [d for d in found if d.state not in store.PENDING]
        if not found:
            await interaction.response.send_message(
                "No discussions are scheduled. Use `/discussion schedule` or `/discussion plan`.", ephemeral=True
            )
            return
        parts = []
        if upcoming:
            parts.append("**Upcoming**\n" + "\n".join(_describe(d) for d in upcoming))
        if troubled:
            parts.append(
                "**Failed or missed** (reschedule with `/discussion move`)\n"
                + "\n".join(_describe(d) for d in troubled)
            )
        text = "\n\n".join(parts)
        if len(text) > 2000:
            text = text[:1990].rsplit("\n", 1)[0] + "\n…"
        await interaction.response.send_message(text, ephemeral=True)

    @app_commands.command(name="cancel", description="Cancel a scheduled discussion (Manage Events)")
    @app_commands.describe(id="The discussion's number, from /discussion list")
    @app_commands.check(_can_manage)
    async def cancel(self, interaction: discord.Interaction, id: int) -> None:
        assert interaction.guild is not None
        current = await store.get_discussion(self.bot.db, interaction.guild.id, id)
        if current is None:
            raise UserError(f"There is no discussion #{id} in this server. See `/discussion list`.")
        if current.state not in ("scheduled", "failed", "missed"):
            raise UserError(f"Discussion #{id} is already {current.state}; only upcoming ones can be cancelled.")
        found = await self.service.cancel(interaction.guild.id, id)
        if found is None or found.state != "cancelled":
            raise UserError(f"Discussion #{id} started posting just now; it can no longer be cancelled.")
        await interaction.response.defer(ephemeral=True, thinking=True)
        note = ""
        if found.event_id:
            try:
                scheduled = await interaction.guild.fetch_scheduled_event(found.event_id)
                await scheduled.delete()
                note = " Its scheduled event was deleted."
            except discord.NotFound:
                note = " Its scheduled event was already gone."
            except discord.HTTPException:
                note = " I could not delete its scheduled event; remove it by hand."
            await store.set_event(self.bot.db, interaction.guild.id, id, None, now=self.bot.clock.now())
        await interaction.followup.send(f"Discussion #{id} is cancelled.{note}", ephemeral=True)

    @app_commands.command(name="move", description="Move a discussion to another time (Manage Events)")
    @app_commands.describe(id="The discussion's number, from /discussion list", when="The new time")
    @app_commands.check(_can_manage)
    async def move(self, interaction: discord.Interaction, id: int, when: str) -> None:
        assert interaction.guild is not None
        settings = await self._settings(interaction)
        due = parse_when(when, now=self.bot.clock.now(), default_zone=settings.timezone)
        current = await store.get_discussion(self.bot.db, interaction.guild.id, id)
        if current is None:
            raise UserError(f"There is no discussion #{id} in this server. See `/discussion list`.")
        if current.state not in ("scheduled", "failed", "missed"):
            raise UserError(f"Discussion #{id} is already {current.state}; it can't be moved.")
        await interaction.response.defer(ephemeral=True, thinking=True)
        moved = await self.service.move(interaction.guild.id, id, due)
        assert moved is not None
        note = ""
        if moved.event_id:
            try:
                scheduled = await interaction.guild.fetch_scheduled_event(moved.event_id)
                await scheduled.edit(start_time=due, end_time=due + EVENT_LENGTH)
                note = " Its scheduled event moved too."
            except discord.HTTPException:
                note = " I could not move its scheduled event; edit it by hand."
        await interaction.followup.send(f"Discussion #{id} now opens {_when_line(due)}.{note}", ephemeral=True)

    @app_commands.command(name="prompts", description="Set the discussion prompts for this server (Manage Server)")
    @app_commands.describe(prompts="Prompts separated by | (leave out to edit them in a form; 'default' resets)")
    @app_commands.check(_can_manage_server)
    async def prompts(self, interaction: discord.Interaction, prompts: str | None = None) -> None:
        if prompts is None:
            settings = await self._settings(interaction)
            await interaction.response.send_modal(PromptsModal(self, settings.discussion_prompts))
            return
        await self.save_prompts(interaction, "" if prompts.strip().lower() in ("default", "defaults") else prompts)

    async def save_prompts(self, interaction: discord.Interaction, text: str) -> None:
        assert interaction.guild_id is not None
        parsed = parse_prompts(text)
        settings = await update_settings(
            self.bot.db, interaction.guild_id, self.bot.clock.now().timestamp(), discussion_prompts=parsed
        )
        listing = "\n".join(f"• {escape(p)}" for p in settings.discussion_prompts)
        head = "Discussion prompts reset to the defaults:" if parsed is None else "Discussion prompts saved:"
        await interaction.response.send_message(f"{head}\n{listing}", ephemeral=True)

    @schedule.autocomplete("story")
    @plan.autocomplete("story")
    async def story_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        found = await search_stories(self.bot.db, interaction.guild_id, current, limit=25)
        return [app_commands.Choice(name=r.title[:100], value=str(r.id)) for r in found]

    @cancel.autocomplete("id")
    @move.autocomplete("id")
    async def id_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[int]]:
        if interaction.guild_id is None:
            return []
        found = await store.search_discussions(self.bot.db, interaction.guild_id, current)
        return [
            app_commands.Choice(
                name=f"#{d.id} {d.story_title or '?'} ch. {d.chapter}, {d.due_at:%Y-%m-%d %H:%M} UTC, {d.state}"[:100],
                value=d.id,
            )
            for d in found
        ]


async def setup(bot: DogearBot) -> None:
    await bot.add_cog(DiscussionCog(bot))
