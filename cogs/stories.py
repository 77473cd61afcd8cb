"""``/story``: the club's library. Add a story file, update it to a new version, list, look one up, remove one.

Discord applies default permissions per top-level command only, so ``/story`` stays visible
to everyone (members need ``list`` and ``info``) and ``add``/``update``/``remove`` check Manage Server
in code; a server can restrict ``/story`` further in its integration settings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import send_ephemeral
from bot.errors import UserError
from bot.story.books import (
    MAX_AUTHOR_CHARS,
    MAX_BOOK_CHAPTERS,
    MAX_WARNINGS_CHARS,
    add_book,
    describe_book,
)
from bot.story.importer import SUPPORTED
from bot.story.limits import MAX_TITLE_CHARS
from bot.story.service import add_story_file, find_story, library_page, story_details
from bot.story.update import describe_update, update_story
from bot.text import clip_lines, escape_clipped, plural
from cogs._checks import guild_id_of, needs_permissions
from cogs._options import download, story_autocomplete
from cogs._story_remove import RemoveChoice, confirm_remove
from cogs._story_texts import import_summary, story_info_text

if TYPE_CHECKING:
    from bot.client import DogearBot

# A /story list line is at most about 180 characters, so a page of ten fits one message with its notes.
LIST_TITLE_CHARS = 90
LIST_AUTHOR_CHARS = 30


@app_commands.guild_only()
class StoryCog(commands.GroupCog, group_name="story", group_description="The club's story library"):
    def __init__(self, bot: DogearBot) -> None:
        self.bot = bot
        super().__init__()

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(RemoveChoice)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(RemoveChoice)

    @app_commands.command(
        name="add",
        description="Add a story file (.txt, .md, .html, .epub), or a book by title and chapters (Manage Server)",
    )
    @app_commands.describe(
        file="The story file",
        title="Use this title instead of the one in the file (or the title of a book without a file)",
        chapters="A book the club reads elsewhere: how many chapters it has (no file needed)",
        author="A book without a file: its author",
        warnings="A book without a file: its warnings, comma-separated (e.g. death, self-harm)",
    )
    @needs_permissions(manage_guild=True)
    async def add(
        self,
        interaction: discord.Interaction,
        file: discord.Attachment | None = None,
        title: app_commands.Range[str, 1, MAX_TITLE_CHARS] | None = None,
        chapters: app_commands.Range[int, 1, MAX_BOOK_CHAPTERS] | None = None,
        author: app_commands.Range[str, 1, MAX_AUTHOR_CHARS] | None = None,
        warnings: app_commands.Range[str, 1, MAX_WARNINGS_CHARS] | None = None,
    ) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        guild_id = guild_id_of(interaction)
        if file is None or chapters is not None or author or warnings:
            await send_ephemeral(
                interaction,
                await self._add_book(interaction, file, title, chapters, author, warnings),
                allowed_mentions=discord.AllowedMentions.none(),
            )
            return
        settings = self.bot.settings
        added = await add_story_file(
            self.bot.db,
            self.bot.workers,
            guild_id,
            file.filename,
            await download(file, settings.max_upload_bytes),
            added_by=interaction.user.id,
            now=self.bot.clock.now().timestamp(),
            max_bytes=settings.max_upload_bytes,
            max_chapters=settings.max_chapters,
            title=title,
        )
        await send_ephemeral(
            interaction,
            import_summary(added),
            allowed_mentions=discord.AllowedMentions.none(),
        )

    async def _add_book(
        self,
        interaction: discord.Interaction,
        file: discord.Attachment | None,
        title: str | None,
        chapters: int | None,
        author: str | None,
        warnings: str | None,
    ) -> str:
        """``/story add`` without a file: a book the club reads elsewhere, known by its chapter count."""
        guild_id = guild_id_of(interaction)
        if file is not None:
            raise UserError(
                "Give either a story file, or `title:` and `chapters:` for a book without a file; not both."
            )
        if chapters is None:
            raise UserError(
                f"Attach the story file ({SUPPORTED}), or give `title:` and `chapters:` for a book the club reads elsewhere."
            )
        book = await add_book(
            self.bot.db, guild_id, title=title, chapters=chapters, author=author, warnings=warnings,
            added_by=interaction.user.id, now=self.bot.clock.now().timestamp(),
        )  # fmt: skip
        return describe_book(book)

    @app_commands.command(name="list", description="The stories in this server's library")
    @app_commands.describe(page="Which page of the list")
    async def list_(self, interaction: discord.Interaction, page: app_commands.Range[int, 1, 10_000] = 1) -> None:
        guild_id = guild_id_of(interaction)
        listing = await library_page(self.bot.db, guild_id, page)
        if listing.total == 0:
            await send_ephemeral(
                interaction,
                f"The library is empty. An admin can add a {SUPPORTED} file with `/story add`.",
            )
            return
        page, pages, total, records = listing.page, listing.pages, listing.total, listing.records
        counted = plural(total, "story", "stories")  # "1 story", not "page 1 of 1, 1 in all"
        lines = [f"**Stories** ({f'page {page} of {pages}, ' if pages > 1 else ''}{counted}):"]
        for record in records:
            # Escaped within a fixed width, so a page of ten long titles full of markdown still fits.
            author = f" by {escape_clipped(record.author, LIST_AUTHOR_CHARS)}" if record.author else ""
            lines.append(
                f"• **{escape_clipped(record.title, LIST_TITLE_CHARS)}**{author} · {record.chapter_count:,} ch. · "
                + (f"{plural(record.words, 'word')} · " if record.has_text else "read elsewhere · ")
                + f"id {record.id}"
            )
        if page < pages:
            lines.append(f"-# Next: `/story list page:{page + 1}`")
        await send_ephemeral(interaction, clip_lines(lines))

    @app_commands.command(name="info", description="A story's details, chapters and warnings")
    @app_commands.describe(story="The story", page="Which page of the chapter list")
    async def info(
        self, interaction: discord.Interaction, story: str, page: app_commands.Range[int, 1, 10_000] = 1
    ) -> None:
        details = await story_details(self.bot.db, guild_id_of(interaction), story)
        await send_ephemeral(interaction, story_info_text(details, page))

    @app_commands.command(name="remove", description="Remove a story with its progress and schedules (Manage Server)")
    @app_commands.describe(story="The story to remove")
    @needs_permissions(manage_guild=True)
    async def remove(self, interaction: discord.Interaction, story: str) -> None:
        guild_id = guild_id_of(interaction)
        record = await find_story(self.bot.db, guild_id, story)
        question, view = confirm_remove(record, interaction.user.id)
        await send_ephemeral(interaction, question, view=view)
        view.stop()  # no view has to wait: a press is routed to RemoveChoice, also after a restart

    @app_commands.command(
        name="update", description="Take a new version of a story, keeping progress and discussions (Manage Server)"
    )
    @app_commands.describe(
        story="The story to update",
        file="The new version of the story file (.txt, .md, .html, .epub)",
        chapters="A book the club reads elsewhere: its new chapter count",
        title="A new title (otherwise the story keeps its title)",
        replace_anyway="Take it even with fewer chapters, or when it looks like another story",
    )
    @needs_permissions(manage_guild=True)
    async def update(
        self,
        interaction: discord.Interaction,
        story: str,
        file: discord.Attachment | None = None,
        chapters: app_commands.Range[int, 1, MAX_BOOK_CHAPTERS] | None = None,
        title: app_commands.Range[str, 1, MAX_TITLE_CHARS] | None = None,
        replace_anyway: bool = False,
    ) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        guild_id = guild_id_of(interaction)
        settings = self.bot.settings
        upload = None if file is None else (file.filename, await download(file, settings.max_upload_bytes))
        updated = await update_story(
            self.bot.db, self.bot.workers, guild_id, story, upload=upload, chapters=chapters, title=title,
            replace_anyway=replace_anyway, now=self.bot.clock.now().timestamp(),
            max_bytes=settings.max_upload_bytes, max_chapters=settings.max_chapters,
        )  # fmt: skip
        if updated.now_a_note or updated.taken_out:  # their scheduled events are owed a deletion: wake the timer
            self.bot.dispatch("discussions_cancelled", guild_id)
        await send_ephemeral(interaction, describe_update(updated), allowed_mentions=discord.AllowedMentions.none())

    @info.autocomplete("story")
    @remove.autocomplete("story")
    @update.autocomplete("story")
    async def story_option(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        return await story_autocomplete(self.bot, interaction.guild_id, current)


async def setup(bot: DogearBot) -> None:
    await bot.add_cog(StoryCog(bot))
