"""The "add as a book" button on a vote's announcement, and the form it opens.

The button carries the nomination id in its custom id (``DynamicItem``), so it works after a
restart; the form asks for the chapter count of a book the club reads elsewhere, and its answer is
read from the submission, so a form held open across a restart still adds the book.
"""

from __future__ import annotations

import re
import secrets
from typing import TYPE_CHECKING, Any

import discord

from bot.client import Tracked, report_error, send_ephemeral
from bot.errors import UserError
from bot.limits import BUTTON_LABEL_CHARS
from bot.nominations.service import MAX_TITLE_CHARS
from bot.story.books import MAX_AUTHOR_CHARS, MAX_WARNINGS_CHARS, describe_book, parse_chapter_count
from bot.text import clip
from cogs._checks import carried_id, guild_id_of

if TYPE_CHECKING:
    from cogs.nominations.cog import NominationCog

FORM_ID = re.compile(r"dogear:book-form:(?P<id>\d+)(?::[0-9a-f]+)?")


class BookForm(Tracked, discord.ui.Modal, title="Add the book to the library"):
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

    def __init__(self, nomination_id: int, title: str, author: str | None = None) -> None:
        # A custom id of its own per form: two admins' open forms never answer for each other.
        super().__init__(timeout=None, custom_id=f"dogear:book-form:{nomination_id}:{secrets.token_hex(4)}")
        self.book_title.default = title
        self.author.default = author  # the nomination's (the poll showed it), for the admin to keep or clear
        # Stopped before it is sent, so discord.py never holds it: every submission, before or after
        # a restart, is answered by answer_book_form from what the form carries.
        self.stop()


def submitted_values(components: list[Any]) -> dict[str, str]:
    """Each text input's value by custom id, from a submitted form's rows (or labels) of components."""
    values: dict[str, str] = {}
    pending = list(components)
    while pending:
        item = pending.pop()
        if not isinstance(item, dict):
            continue
        if isinstance(item.get("custom_id"), str) and isinstance(item.get("value"), str):
            values[item["custom_id"]] = item["value"]
        pending += [item["component"]] if isinstance(item.get("component"), dict) else []
        pending += item.get("components") or []
    return values


async def answer_book_form(cog: NominationCog, interaction: discord.Interaction) -> None:
    """Add the book a submitted form describes; any other interaction is left alone.

    Read from the submission itself (the nomination id is in the form's custom id), never from a
    form object in memory: a form an admin opened before a restart is answered like any other.
    """
    if interaction.type is not discord.InteractionType.modal_submit:
        return
    data: Any = interaction.data or {}
    match = FORM_ID.fullmatch(str(data.get("custom_id", "")))
    if match is None:
        return
    try:
        guild_id = guild_id_of(interaction)
        if not interaction.permissions.manage_guild:
            raise UserError("You need the Manage Server permission to add a book.")
        values = submitted_values(list(data.get("components") or []))
        chapters = parse_chapter_count(values.get("chapters", ""))
        # Declared warnings are mapped in a worker, which may still be starting after a restart.
        await interaction.response.defer(ephemeral=True, thinking=True)
        book = await cog.service.add_as_book(
            guild_id, carried_id(match["id"]), title=values.get("title") or None, chapters=chapters,
            author=values.get("author"), warnings=values.get("warnings") or None,
            user_id=interaction.user.id,
        )  # fmt: skip
    except Exception as error:
        await report_error(interaction, error, what="the add-a-book form")
        return
    await send_ephemeral(interaction, describe_book(book))


class AddNominee(Tracked, discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"dogear:nominee:(?P<id>\d+)"):
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
        return cls(carried_id(match["id"]))

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
            await interaction.response.send_modal(BookForm(nomination.id, nomination.title, nomination.author))
        except Exception as error:
            await report_error(interaction, error, what=f"button {self.custom_id}")
