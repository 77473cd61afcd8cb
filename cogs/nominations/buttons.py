"""The "add as a book" button on a vote's announcement, and the form it opens.

The button carries the nomination id in its custom id (``DynamicItem``), so it works after a
restart; the form asks for the chapter count of a book the club reads elsewhere.
"""

from __future__ import annotations

import re
import secrets
from typing import TYPE_CHECKING, Any

import discord

from bot.client import report_error, send_ephemeral
from bot.errors import UserError
from bot.limits import BUTTON_LABEL_CHARS
from bot.nominations.service import MAX_TITLE_CHARS
from bot.story.books import MAX_AUTHOR_CHARS, MAX_WARNINGS_CHARS, describe_book, parse_chapter_count
from bot.text import clip
from cogs._checks import guild_id_of

if TYPE_CHECKING:
    from cogs.nominations.cog import NominationCog


class BookForm(discord.ui.Modal, title="Add the book to the library"):
    """The chapter count (and what else the admin knows) for a book the club reads elsewhere."""

    book_title: discord.ui.TextInput[BookForm] = discord.ui.TextInput(
        label="Title", custom_id="title", max_length=MAX_TITLE_CHARS
    )
    chapters: discord.ui.TextInput[BookForm] = discord.ui.TextInput(
        label="How many chapters?", custom_id="chapters", placeholder="24", max_length=8
    )
    author: discord.ui.TextInput[BookForm] = discord.ui.TextInput(
        label="Author (optional)", custom_id="author", required=False, max_length=MAX_AUTHOR_CHARS
    )
    warnings: discord.ui.TextInput[BookForm] = discord.ui.TextInput(
        label="Warnings, comma-separated (optional)",
        custom_id="warnings",
        required=False,
        style=discord.TextStyle.paragraph,
        max_length=MAX_WARNINGS_CHARS,
        placeholder="death, self-harm",
    )

    def __init__(self, cog: NominationCog, nomination_id: int, title: str) -> None:
        # A custom id of its own per form: two admins' open forms never answer for each other.
        super().__init__(timeout=900, custom_id=f"dogear:book-form:{nomination_id}:{secrets.token_hex(4)}")
        self.cog = cog
        self.nomination_id = nomination_id
        self.book_title.default = title
        cog.open_forms.add(self)

    def stop(self) -> None:
        super().stop()
        self.cog.open_forms.discard(self)

    async def on_timeout(self) -> None:
        self.cog.open_forms.discard(self)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        guild_id = guild_id_of(interaction)
        if not interaction.permissions.manage_guild:
            raise UserError("You need the Manage Server permission to add a book.")
        chapters = parse_chapter_count(self.chapters.value)
        book = await self.cog.service.add_as_book(
            guild_id, self.nomination_id, title=self.book_title.value, chapters=chapters,
            author=self.author.value or None, warnings=self.warnings.value or None, user_id=interaction.user.id,
        )  # fmt: skip
        self.stop()
        await send_ephemeral(interaction, describe_book(book))

    async def on_error(self, interaction: discord.Interaction, error: Exception, item: Any = None) -> None:
        await report_error(interaction, error, what="the add-a-book form")


class AddNominee(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"dogear:nominee:(?P<id>\d+)"):
    """On a vote's announcement: an admin adds the winning (or a tied) title as a book without a file."""

    def __init__(self, nomination_id: int, label: str = "Add as a book") -> None:
        super().__init__(
            discord.ui.Button(
                label=clip(label, BUTTON_LABEL_CHARS),
                style=discord.ButtonStyle.primary,
                emoji="📚",
                custom_id=f"dogear:nominee:{nomination_id}",
            )
        )
        self.nomination_id = nomination_id

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> AddNominee:
        return cls(int(match["id"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            if interaction.guild_id is None:
                raise UserError("This button works inside the server where the vote was held.")
            if not interaction.permissions.manage_guild:
                raise UserError("Only an admin with the Manage Server permission can add the book to the library.")
            cog = interaction.client.get_cog("NominationCog")  # type: ignore[attr-defined]
            if cog is None:
                raise UserError("Nominations are switched off on this bot right now.")
            nomination = await cog.service.nominee(interaction.guild_id, self.nomination_id)
            await cog.service.check_not_in_library(interaction.guild_id, nomination)
            await interaction.response.send_modal(BookForm(cog, nomination.id, nomination.title))
        except Exception as error:
            await report_error(interaction, error, what=f"button {self.custom_id}")
