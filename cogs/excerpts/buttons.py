"""The chapter buttons and private reading.

Every button carries its state in its custom id (``DynamicItem``), so "I've read this" and
"Read privately" on a chapter posted months ago keep working after any number of restarts,
whichever process answers the click. Besides the story and chapter it carries how far the story's
chapters had moved down (``/story update``) when it was made, so a press after a move acts on the
chapter the member saw; ids from before carry no such number (the service finds their post).
"""

from __future__ import annotations

import re
from typing import Any

import discord

from bot.client import Tracked, report_error, send_ephemeral
from bot.errors import UserError
from bot.excerpts.answers import chapter_label, read_page
from bot.excerpts.model import Pressed
from bot.excerpts.service import ExcerptService
from bot.text import PAGE_MOST, and_list, escape_markdown
from cogs._checks import carried_id, guild_id_of

NONE = discord.AllowedMentions.none()


def excerpt_service(interaction: discord.Interaction) -> ExcerptService:
    cog = interaction.client.get_cog("ExcerptCog")  # type: ignore[attr-defined]
    if cog is None:
        raise UserError("Excerpts are switched off right now; try again in a moment.")
    return cog.service  # type: ignore[no-any-return]


async def read_privately(
    interaction: discord.Interaction,
    story: str | int,
    number: int | Pressed,
    *,
    confirmed: bool,
    page: int = 1,
    asked: str | None = None,
) -> None:
    """The chapter as ephemeral messages, a page at a time (:func:`read_page`), warnings first; avoided
    warnings ask once more first (again when a confirmation answered fewer than the chapter has now).
    The chapter counts as read once its last page is shown."""
    guild_id = interaction.guild_id
    if guild_id is None:
        raise UserError("This works inside the server where the chapter was posted.")
    if not interaction.response.is_done():
        await interaction.response.defer(ephemeral=True, thinking=True)
    service = excerpt_service(interaction)
    reading = await service.reading(
        guild_id, interaction.user.id, story, number, confirmed=confirmed, page=page, asked=asked
    )
    if not reading.contents:
        labels = and_list([f"**{escape_markdown(label)}**" for label in reading.avoided])
        warnings = "a warning" if len(reading.avoided) == 1 else "warnings"
        view = discord.ui.View(timeout=None)
        view.add_item(ShowAnyway(reading.story_id, reading.number, reading.moved, page, reading.asked))
        changed = "Its warnings changed since you were asked: " if confirmed else ""
        await send_ephemeral(
            interaction,
            f"{changed}{chapter_label(reading.number, reading.title, first=not changed)} has {warnings} you asked to "
            f"avoid: {labels}. Show it anyway?",
            view=view,
            allowed_mentions=NONE,
        )
        # discord.py gives views on ephemeral messages a 15-minute timeout task; the button is a
        # registered DynamicItem that works without the view, so stop it instead of leaving a task.
        view.stop()
        return
    contents, last = read_page(reading.contents, page, reading.story_id, reading.number)
    for content in contents:
        await send_ephemeral(interaction, content, allowed_mentions=NONE)
    if not last:
        return
    await mark_read(
        interaction,
        service,
        reading.story_id,
        reading.number,
        quiet_if_unchanged=True,
        next_only=True,
        moved=reading.moved,
    )


async def mark_read(
    interaction: discord.Interaction,
    service: ExcerptService,
    story_id: int,
    pressed: int | Pressed,
    *,
    quiet_if_unchanged: bool,
    next_only: bool = False,
    moved: int | None = None,
) -> None:
    """Move the member's progress forward (never back), tell them, and tell the listeners.

    ``next_only`` (a chapter read privately): its place moves only when it is the member's next
    chapter; otherwise they are offered "I've read this" for it (made for ``moved`` moves)."""
    guild_id = guild_id_of(interaction)
    title, number, previous, held_at, place = await service.mark_read(
        guild_id, interaction.user.id, story_id, pressed, interaction.user.display_name,
        next_only=next_only,
    )  # fmt: skip
    if held_at is not None:
        view = discord.ui.View(timeout=None)
        view.add_item(MarkRead(story_id, number, moved))
        await send_ephemeral(interaction, held_place(title, number, held_at), view=view)
        view.stop()  # a registered DynamicItem: it works without the view
        return
    if previous is not None:
        interaction.client.dispatch("progress_advanced", guild_id, interaction.user.id, story_id, number, previous)  # type: ignore[attr-defined]
        await send_ephemeral(
            interaction, f"✅ Saved: you have read up to chapter {number} of **{escape_markdown(title)}**."
        )
    elif not quiet_if_unchanged:
        await send_ephemeral(
            interaction,
            f"You have read up to chapter {place or number} of **{escape_markdown(title)}** already; nothing changed.",
        )


def held_place(title: str, chapter: int, held_at: int) -> str:
    """A chapter read privately that is not the member's next: their place stays, and why."""
    first, last = held_at + 1, chapter - 1
    joined = " and " if last == first + 1 else " to "
    between = f"chapter {first}" if first == last else f"chapters {first}{joined}{last}"
    where = f"stays at chapter {held_at}" if held_at else "is not saved yet"
    return (
        f"Your place in **{escape_markdown(title)}** {where}: reading chapter {chapter} on its own does not "
        f"mark {between} read. If you have read them too, press **I've read this**."
    )


# The story and chapter, then (in ids made since moves are recorded) how far the chapters had moved.
_KEY = r"(?P<story>\d+):(?P<chapter>\d+)(?::(?P<moved>\d+))?"


def _custom_id(kind: str, story_id: int, chapter: int, moved: int | None) -> str:
    return f"dogear:{kind}:{story_id}:{chapter}" + ("" if moved is None else f":{moved}")


class _Button(Tracked, discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"dogear:none"):
    """Shared parts of the chapter buttons: state from the custom id, member-facing errors."""

    def __init__(self, story_id: int, chapter: int, moved: int | None, button: discord.ui.Button[Any]) -> None:
        super().__init__(button)
        self.story_id = story_id
        self.chapter = chapter
        self.moved = moved

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> _Button:
        moved = None if match["moved"] is None else carried_id(match["moved"])
        return cls(carried_id(match["story"]), carried_id(match["chapter"]), moved, **cls.carried_extra(match))  # type: ignore[call-arg]

    @classmethod
    def carried_extra(cls, match: re.Match[str]) -> dict[str, Any]:
        """What a kind of button carries past the story, chapter and move (its template's own groups),
        as keyword arguments: the one parser above reads the shared part for every kind."""
        return {}

    def pressed(self, interaction: discord.Interaction) -> Pressed:
        """The chapter as this button names it, with the message it is on (a post's, for old ids)."""
        message_id = interaction.message.id if interaction.message is not None else None
        return Pressed(self.chapter, self.moved, message_id)

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            if interaction.guild_id is None:
                raise UserError("These buttons work inside the server where the chapter was posted.")
            await self.run(interaction)
        except Exception as error:
            await report_error(interaction, error, what=f"button {self.custom_id}")

    async def run(self, interaction: discord.Interaction) -> None:
        raise NotImplementedError


class MarkRead(_Button, template=rf"dogear:read:{_KEY}"):
    def __init__(self, story_id: int, chapter: int, moved: int | None) -> None:
        button = discord.ui.Button(
            label="I've read this",
            emoji="✅",
            style=discord.ButtonStyle.success,
            custom_id=_custom_id("read", story_id, chapter, moved),
        )
        super().__init__(story_id, chapter, moved, button)

    async def run(self, interaction: discord.Interaction) -> None:
        await mark_read(
            interaction,
            excerpt_service(interaction),
            self.story_id,
            self.pressed(interaction),
            quiet_if_unchanged=False,
        )


class ReadPrivately(_Button, template=rf"dogear:private:{_KEY}"):
    def __init__(self, story_id: int, chapter: int, moved: int | None) -> None:
        button = discord.ui.Button(
            label="Read privately",
            emoji="🔒",
            style=discord.ButtonStyle.secondary,
            custom_id=_custom_id("private", story_id, chapter, moved),
        )
        super().__init__(story_id, chapter, moved, button)

    async def run(self, interaction: discord.Interaction) -> None:
        await read_privately(interaction, self.story_id, self.pressed(interaction), confirmed=False)


class ShowAnyway(_Button, template=rf"dogear:confirm:{_KEY}(?::p(?P<page>\d+))?(?::a(?P<asked>[0-9a-f]{{8}}))?"):
    """Shows the chapter's page the member asked for (``:p2`` in the id; ids made before pages show page 1):
    a member who avoids a warning and asked for page 2 was shown page 1 again, and could never get further.
    It carries what it answers (``:a`` and the warnings' digest): a chapter that gained another warning
    the member avoids since asks again, instead of showing it unasked."""

    def __init__(self, story_id: int, chapter: int, moved: int | None, page: int = 1, asked: str | None = None) -> None:
        suffix = (f":p{page}" if page > 1 else "") + (f":a{asked}" if asked else "")
        button = discord.ui.Button(
            label="Show it anyway",
            style=discord.ButtonStyle.danger,
            custom_id=_custom_id("confirm", story_id, chapter, moved) + suffix,
        )
        super().__init__(story_id, chapter, moved, button)
        self.page = page
        self.asked = asked

    @classmethod
    def carried_extra(cls, match: re.Match[str]) -> dict[str, Any]:
        page = 1 if match["page"] is None else max(1, min(carried_id(match["page"]), PAGE_MOST))
        return {"page": page, "asked": match["asked"]}

    async def run(self, interaction: discord.Interaction) -> None:
        await read_privately(
            interaction, self.story_id, self.pressed(interaction), confirmed=True, page=self.page, asked=self.asked
        )


READING_ITEMS = (MarkRead, ReadPrivately, ShowAnyway)


def chapter_buttons(story_id: int, chapter: int, moved: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(MarkRead(story_id, chapter, moved))
    view.add_item(ReadPrivately(story_id, chapter, moved))
    return view
