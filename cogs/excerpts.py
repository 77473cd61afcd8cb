"""``/excerpt``: a chapter posted behind spoilers for the club, or read privately.

The header (title, chapter, length, warnings) always comes first. Posting goes message by
message, in order, one post per channel at a time; discord.py reads Discord's rate-limit
headers and waits before the bucket runs out, so a chapter of any length posts whole
without tripping the 5-messages-per-5-seconds channel limit. The buttons on the last
message carry the story and chapter in their custom ids (``DynamicItem``), so they keep
working after a restart. Discord applies default permissions per top-level command only,
so ``/excerpt`` is visible to everyone and ``post`` checks Manage Messages in code.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import report_error, send_ephemeral
from bot.errors import UserError
from bot.guilds import get_settings
from bot.story.model import Chapter, HeaderWarning
from bot.story.render import escape_markdown, render_chapter
from bot.story.store import StoryRecord, get_story_record, load_chapter, resolve_story
from cogs._messages import send_kwargs
from cogs.stories import story_autocomplete

if TYPE_CHECKING:
    from bot.client import DogearBot

log = logging.getLogger(__name__)

MAX_CHAPTER = 100_000
POST_PERMISSIONS = {"view_channel": "View Channel", "send_messages": "Send Messages"}
THREAD_PERMISSIONS = {"view_channel": "View Channel", "send_messages_in_threads": "Send Messages in Threads"}


def _bot(interaction: discord.Interaction) -> DogearBot:
    return interaction.client  # type: ignore[return-value]


async def reader_chapter(bot: DogearBot, guild_id: int, story_id: int, number: int) -> tuple[StoryRecord, Chapter]:
    """The story and chapter, or the sentence a member needs when either is gone."""
    record = await get_story_record(bot.db, guild_id, story_id)
    if record is None:
        raise UserError("That story is no longer in this server's library; it may have been removed.")
    if not 1 <= number <= record.chapter_count:
        raise UserError(
            f"“{record.title}” has {record.chapter_count} chapter(s); pick a chapter from 1 to {record.chapter_count}."
        )
    chapter = await load_chapter(bot.db, guild_id, story_id, number)
    if chapter is None:
        raise UserError("That chapter is no longer in this server's library; the story may have been removed.")
    return record, chapter


async def chapter_header_warnings(bot: DogearBot, guild_id: int, story_id: int, number: int) -> list[HeaderWarning]:
    from bot.warnings.service import chapter_warnings

    return await chapter_warnings(bot.db, guild_id, story_id, number)


async def mark_for_reader(
    bot: DogearBot, guild_id: int, user_id: int, warnings: Sequence[HeaderWarning]
) -> list[HeaderWarning]:
    """The same warnings, with the ones this member avoids marked for them."""
    from bot.progress.prefs import avoided_warnings

    avoided = await avoided_warnings(bot.db, guild_id, user_id)
    return [dataclasses.replace(warning, avoided=warning.id in avoided) for warning in warnings]


async def advance(bot: DogearBot, interaction: discord.Interaction, story_id: int, number: int) -> bool:
    """Move the member's progress forward to this chapter (never back); tell the listeners."""
    from bot.progress.store import mark_read

    assert interaction.guild_id is not None
    advanced = await mark_read(
        bot.db,
        interaction.guild_id,
        interaction.user.id,
        story_id,
        number,
        now=bot.clock.now().timestamp(),
        display_name=interaction.user.display_name,
    )
    if advanced:
        bot.dispatch("progress_advanced", interaction.guild_id, interaction.user.id, story_id, number)
    return advanced


async def read_privately(interaction: discord.Interaction, story_id: int, number: int, *, confirmed: bool) -> None:
    """The chapter as ephemeral messages, warnings first; avoided warnings ask once more first."""
    bot = _bot(interaction)
    assert interaction.guild_id is not None
    if not interaction.response.is_done():
        await interaction.response.defer(ephemeral=True, thinking=True)
    record, chapter = await reader_chapter(bot, interaction.guild_id, story_id, number)
    warnings = await chapter_header_warnings(bot, interaction.guild_id, story_id, number)
    warnings = await mark_for_reader(bot, interaction.guild_id, interaction.user.id, warnings)
    avoided = [warning for warning in warnings if warning.avoided]
    if avoided and not confirmed:
        labels = ", ".join(f"**{escape_markdown(w.label)}**" for w in avoided)
        view = discord.ui.View(timeout=None)
        view.add_item(ShowAnyway(story_id, number))
        await interaction.followup.send(
            f"Chapter {number} of **{escape_markdown(record.title)}** has warnings you asked to avoid: {labels}. "
            "Show it anyway?",
            view=view,
            ephemeral=True,
            allowed_mentions=discord.AllowedMentions.none(),
        )
        # discord.py gives views on ephemeral messages a 15-minute timeout task; the button is a
        # registered DynamicItem that works without the view, so stop it instead of leaving a task.
        view.stop()
        return
    for payload in render_chapter(record.title, chapter, warnings, budget=bot.settings.message_budget):
        await interaction.followup.send(ephemeral=True, **send_kwargs(payload))
    if await advance(bot, interaction, story_id, number):
        await interaction.followup.send(
            f"✅ Saved: you have read up to chapter {number} of **{escape_markdown(record.title)}**.", ephemeral=True
        )


class _Button(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"dogear:none"):
    """Shared parts of the chapter buttons: state from the custom id, member-facing errors."""

    kind = ""

    def __init__(self, story_id: int, chapter: int, button: discord.ui.Button[Any]) -> None:
        super().__init__(button)
        self.story_id = story_id
        self.chapter = chapter

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> _Button:
        return cls(int(match["story"]), int(match["chapter"]))  # type: ignore[call-arg]

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            if interaction.guild_id is None:
                raise UserError("These buttons work inside the server where the chapter was posted.")
            await self.run(interaction)
        except Exception as error:
            await report_error(interaction, error, what=f"button {self.custom_id}")

    async def run(self, interaction: discord.Interaction) -> None:
        raise NotImplementedError


class MarkRead(_Button, template=r"dogear:read:(?P<story>\d+):(?P<chapter>\d+)"):
    def __init__(self, story_id: int, chapter: int) -> None:
        button = discord.ui.Button(
            label="I've read this",
            emoji="✅",
            style=discord.ButtonStyle.success,
            custom_id=f"dogear:read:{story_id}:{chapter}",
        )
        super().__init__(story_id, chapter, button)

    async def run(self, interaction: discord.Interaction) -> None:
        bot = _bot(interaction)
        assert interaction.guild_id is not None
        record, _ = await reader_chapter(bot, interaction.guild_id, self.story_id, self.chapter)
        title = escape_markdown(record.title)
        if await advance(bot, interaction, self.story_id, self.chapter):
            await send_ephemeral(interaction, f"✅ Saved: you have read up to chapter {self.chapter} of **{title}**.")
        else:
            await send_ephemeral(
                interaction, f"You are already at chapter {self.chapter} of **{title}** or further; nothing changed."
            )


class ReadPrivately(_Button, template=r"dogear:private:(?P<story>\d+):(?P<chapter>\d+)"):
    def __init__(self, story_id: int, chapter: int) -> None:
        button = discord.ui.Button(
            label="Read privately",
            emoji="🔒",
            style=discord.ButtonStyle.secondary,
            custom_id=f"dogear:private:{story_id}:{chapter}",
        )
        super().__init__(story_id, chapter, button)

    async def run(self, interaction: discord.Interaction) -> None:
        await read_privately(interaction, self.story_id, self.chapter, confirmed=False)


class ShowAnyway(_Button, template=r"dogear:confirm:(?P<story>\d+):(?P<chapter>\d+)"):
    def __init__(self, story_id: int, chapter: int) -> None:
        button = discord.ui.Button(
            label="Show it anyway", style=discord.ButtonStyle.danger, custom_id=f"dogear:confirm:{story_id}:{chapter}"
        )
        super().__init__(story_id, chapter, button)

    async def run(self, interaction: discord.Interaction) -> None:
        await read_privately(interaction, self.story_id, self.chapter, confirmed=True)


DYNAMIC_ITEMS = (MarkRead, ReadPrivately, ShowAnyway)


def chapter_buttons(story_id: int, chapter: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(MarkRead(story_id, chapter))
    view.add_item(ReadPrivately(story_id, chapter))
    return view


def missing_for(channel: discord.abc.GuildChannel | discord.Thread) -> list[str]:
    me = channel.guild.me
    if me is None:
        return []
    granted = channel.permissions_for(me)
    needed = THREAD_PERMISSIONS if isinstance(channel, discord.Thread) else POST_PERMISSIONS
    return [label for flag, label in needed.items() if not getattr(granted, flag)]


@app_commands.guild_only()
class ExcerptCog(commands.GroupCog, group_name="excerpt", group_description="Chapters behind spoilers, for the club"):
    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot
        self._channel_locks: dict[int, asyncio.Lock] = {}
        super().__init__()

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(*DYNAMIC_ITEMS)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(*DYNAMIC_ITEMS)

    def _lock(self, channel_id: int) -> asyncio.Lock:
        return self._channel_locks.setdefault(channel_id, asyncio.Lock())

    async def _target(
        self, interaction: discord.Interaction, channel: discord.TextChannel | discord.Thread | None
    ) -> discord.TextChannel | discord.Thread:
        guild = interaction.guild
        assert guild is not None
        if channel is not None:
            return channel
        settings = await get_settings(self.bot.db, guild.id)
        if settings.club_channel_id is None:
            raise UserError("Name a channel, or set the club channel first with `/config set club_channel:`.")
        found = guild.get_channel_or_thread(settings.club_channel_id)
        if not isinstance(found, discord.TextChannel | discord.Thread):
            raise UserError("The club channel in `/config` no longer exists; name a channel or set a new one.")
        return found

    @app_commands.command(name="post", description="Post a chapter behind spoilers (Manage Messages)")
    @app_commands.describe(story="The story", chapter="Which chapter", channel="Where (default: the club channel)")
    @app_commands.checks.has_permissions(manage_messages=True)
    async def post(
        self,
        interaction: discord.Interaction,
        story: str,
        chapter: app_commands.Range[int, 1, MAX_CHAPTER],
        channel: discord.TextChannel | discord.Thread | None = None,
    ) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        assert interaction.guild_id is not None
        record = await resolve_story(self.bot.db, interaction.guild_id, story)
        record, text = await reader_chapter(self.bot, interaction.guild_id, record.id, chapter)
        target = await self._target(interaction, channel)
        missing = missing_for(target)
        if missing:
            raise UserError(
                f"I can't post in {target.mention}: I'm missing {', '.join(missing)} there. Ask an admin to grant it."
            )
        warnings = await chapter_header_warnings(self.bot, interaction.guild_id, record.id, chapter)
        payloads = render_chapter(record.title, text, warnings, budget=self.bot.settings.message_budget)
        sent = 0
        async with self._lock(target.id):
            try:
                for index, payload in enumerate(payloads):
                    kwargs = send_kwargs(payload)
                    if index == len(payloads) - 1:
                        kwargs["view"] = chapter_buttons(record.id, chapter)
                    await target.send(**kwargs)
                    sent += 1
            except discord.Forbidden:
                raise UserError(
                    f"Discord refused the post in {target.mention} after {sent} of {len(payloads)} messages: I'm missing "
                    "a permission there (View Channel, Send Messages, or Send Messages in Threads)."
                ) from None
            except discord.HTTPException as error:
                log.warning("posting chapter %s of story %s stopped: %s", chapter, record.id, error)
                raise UserError(
                    f"Posting stopped after {sent} of {len(payloads)} messages because Discord answered "
                    f"{error.status}; try again in a moment."
                ) from None
        await interaction.followup.send(
            f"Posted chapter {chapter} of **{escape_markdown(record.title)}** in {target.mention}: {len(payloads)} messages.",
            ephemeral=True,
            allowed_mentions=discord.AllowedMentions.none(),
        )

    @app_commands.command(name="read", description="Read a chapter privately (only you see it)")
    @app_commands.describe(story="The story", chapter="Which chapter")
    async def read(
        self, interaction: discord.Interaction, story: str, chapter: app_commands.Range[int, 1, MAX_CHAPTER]
    ) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        assert interaction.guild_id is not None
        record = await resolve_story(self.bot.db, interaction.guild_id, story)
        await read_privately(interaction, record.id, chapter, confirmed=False)

    @post.autocomplete("story")
    @read.autocomplete("story")
    async def story_option(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await story_autocomplete(self.bot, interaction.guild_id, current)


async def setup(bot: DogearBot) -> None:
    await bot.add_cog(ExcerptCog(bot))
