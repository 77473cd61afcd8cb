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
    reads_elsewhere_line,
)
from bot.story.chapters import chapter_ranges, unread_chapters
from bot.story.importer import SUPPORTED
from bot.story.limits import MAX_TITLE_CHARS
from bot.story.model import source_note, story_id_note
from bot.story.plaintext import front_notes
from bot.story.render import declared_list, every_warning_in, members_see, none_shown, warning_list
from bot.story.service import AddedStory, StoryDetails, add_story_file, find_story, library_page, story_details
from bot.story.update import describe_update, update_story
from bot.text import clip_lines, escape_clipped, escape_markdown, escaped_line, page_lines, plural, visible_line
from cogs._checks import guild_id_of, needs_permissions
from cogs._options import download, story_autocomplete
from cogs._story_remove import RemoveChoice, confirm_remove

if TYPE_CHECKING:
    from bot.client import DogearBot

INFO_WARNINGS_CHARS = 1000  # the warnings line of /story info, whole entries only
CHAPTER_WARNINGS_CHARS = 300  # a chapter's own warnings on its /story info line, whole entries only
LAST_UPDATE_MARKS = {"changed": " · changed by the last update", "new": " · new in the last update"}
# A /story list line is at most about 180 characters, so a page of ten fits one message with its notes.
LIST_TITLE_CHARS = 90
LIST_AUTHOR_CHARS = 30


def import_summary(added: AddedStory) -> str:
    """What the admin sees after an import: the story and its warnings, with evidence."""
    report = added.report
    lines = [
        f"Added **{escape_markdown(added.title)}** {story_id_note(added.story_id)}: "
        f"{plural(added.chapters, 'chapter')}, {plural(added.words, 'word')}."
    ]
    if report.unwarned:
        lines.append("⚠️ The author chose not to use archive warnings: treat this story as unwarned, not as safe.")
    unread = [chapter.number for chapter in report.chapters if not chapter.english]
    if unread:
        lines.append(
            f"⚠️ Not in English, so not read for warnings: {unread_chapters(unread, added.story_id)}. Members are told so;"
            " what the rules found there is listed as possible."
        )
    info_marks = f"`/story info story:{added.story_id}` marks each"
    if report.warnings:
        lines.append("**Warnings** (strongest first):")
        for warning in report.warnings:
            # Past a few runs, where each chapter is: /story info marks every chapter's own warnings,
            # and one the author declared for the whole story every chapter shows.
            story_wide = warning.source in ("declared", "both") and not warning.declared_chapters
            all_in = "the author declares it for every chapter" if story_wide else info_marks
            where = chapter_ranges(warning.chapters, all_in=all_in) or "the author's declaration"
            lines.append(f"• **{escape_markdown(warning.label)}** ({source_note(warning.source)}; chapters: {where})")
            for evidence in warning.evidence[:2]:
                lines.append(f"  ↳ ch. {evidence.chapter} ¶{evidence.paragraph}: ||{escaped_line(evidence.text)}||")
    else:
        lines.append("No warnings declared or detected.")
    if report.possible:  # below the threshold: members do not see these unless an admin confirms
        lines.append(f"**Possible** (confirm or dismiss in `/warnings story story:{added.story_id}`):")
        for warning in report.possible:
            where = chapter_ranges(warning.chapters, all_in=f"`/warnings story story:{added.story_id}` lists each")
            lines.append(f"• {escape_markdown(warning.label)} (chapters: {where})")
            for evidence in warning.evidence[:1]:
                lines.append(f"  ↳ ch. {evidence.chapter} ¶{evidence.paragraph}: ||{escaped_line(evidence.text)}||")
    if report.declared_unmapped:
        unmapped = declared_list(report.declared_unmapped, INFO_WARNINGS_CHARS)
        lines.append(f"Declared by the author, not matched to a warning: {unmapped}")
    return clip_lines(lines, rest=every_warning_in(added.story_id))


def story_info_text(details: StoryDetails, page: int) -> str:
    """``/story info``: the details, then the chapter list, paged so a story of 2,000 chapters shows them all."""
    record, warnings = details.record, details.warnings
    lines = [f"**{escape_markdown(record.title)}** {story_id_note(record.id)}"]  # tidied as stored and as read
    if record.author:
        lines.append(f"by {escape_markdown(record.author)}")
    if record.rating:
        lines.append(f"Rating: {escaped_line(record.rating)}")
    if record.summary:
        lines.append(f"> {escape_clipped(visible_line(record.summary), 600)}")  # no override turns a line around
    for label, text in front_notes(record.meta.get("notes", [])):  # not chapters: the book does not number them
        lines.append(f"{label}: *{escape_clipped(visible_line(text), 300)}*")
    words = f", {plural(record.words, 'word')}" if record.has_text else ""  # a book read elsewhere has no text to count
    lines.append(f"{plural(record.chapter_count, 'chapter')}{words}. Added <t:{int(record.added_at)}:R>.")
    if not record.has_text:
        lines.append(reads_elsewhere_line())
    shown = members_see(warnings)
    if shown:
        lines.append(f"⚠️ Warnings: {warning_list(shown, INFO_WARNINGS_CHARS)}")
    else:
        lines.append(f"Warnings: {none_shown(details.unreviewed)}")
    if record.declared_warnings:  # a book's are the ones its admin typed: no author declared them
        whose = "Author's own warnings" if record.has_text else "Warnings the admin gave"
        lines.append(f"{whose}: {declared_list(record.declared_warnings, INFO_WARNINGS_CHARS)}")
    every = members_see(details.every)
    if every and details.chapters:  # the chapter lines mark only what a chapter shows besides these
        lines.append(f"Every chapter: ⚠️ {warning_list(every, INFO_WARNINGS_CHARS)}")
    for chapter in details.chapters:
        title = f": {escape_clipped(chapter.title, 200)}" if chapter.title else ""
        length = f" · {plural(chapter.words, 'word')}" if record.has_text else ""
        unread = " · not read for warnings (not in English)" if chapter.number in details.not_english else ""
        own = details.own.get(chapter.number)
        marked = f" · ⚠️ {warning_list(own, CHAPTER_WARNINGS_CHARS)}" if own else ""
        update = LAST_UPDATE_MARKS.get(chapter.last_update or "", "")
        lines.append(f"`{chapter.number:>3}` Chapter {chapter.number}{title}{length}{marked}{unread}{update}")
    return page_lines(lines[0], lines[1:], page, f"/story info story:{record.id} page:{{page}}")


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
