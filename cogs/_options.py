"""What members hand a command, taken the same way by every cog: a story, an uploaded file.

One story autocomplete for every ``story`` option (``/story``, ``/excerpt``, ``/progress``,
``/discussion``, ``/schedule``, ``/warnings``, ``/nominate``); what it offers, and what a member
types instead, is read back by the one resolver, :func:`bot.story.store.resolve_story`, so
titles compare the same way everywhere. (The leading underscore keeps extension discovery away.)
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

import discord
from discord import app_commands

from bot.errors import UserError
from bot.limits import AUTOCOMPLETE_CHOICES, CHOICE_NAME_CHARS, CHOICE_VALUE_CHARS
from bot.story.decode import size_limit_message
from bot.story.service import StoryRecord, story_choices
from bot.text import clip, read_alike

if TYPE_CHECKING:
    from bot.client import DogearBot

log = logging.getLogger(__name__)


def choice_name(record: StoryRecord, *, with_id: bool = False, with_author: bool = False) -> str:
    """The story's title with its chapter count (its author, ``with_author``, and its id, ``with_id``),
    clipped to what a choice can show."""
    author = " ".join((record.author or "").split()) if with_author else ""
    byline = f" by {clip(author, AUTHOR_CHARS)}" if author else ""
    suffix = byline + f" · {record.chapter_count} ch." + (f" · id {record.id}" if with_id else "")
    return clip(record.title, CHOICE_NAME_CHARS - len(suffix)) + suffix


AUTHOR_CHARS = 40  # of a choice's 100: the title keeps the most


def story_choice_names(found: list[StoryRecord]) -> list[str]:
    """A name for each story, no two read alike: title and chapter count; for stories that would read
    the same, their author, then their id (as `/story list` shows it) where still alike. A member
    picking one of two "Emma"s (two authors', or one with a Cyrillic "Е") then knows which."""
    plain = Counter(read_alike(choice_name(record)) for record in found)
    authored = [choice_name(record, with_author=plain[read_alike(choice_name(record))] > 1) for record in found]
    still = Counter(map(read_alike, authored))
    return [
        choice_name(record, with_author=name != choice_name(record), with_id=True)
        if still[read_alike(name)] > 1
        else name
        for record, name in zip(found, authored, strict=True)
    ]


async def story_autocomplete(bot: DogearBot, guild_id: int | None, typed: str) -> list[app_commands.Choice[str]]:
    """This server's stories matching what was typed, as many as a menu shows; one indexed query.

    The value is the story id, which :func:`bot.story.store.resolve_story` reads first. Stories
    that would show the same name (one title, two versions or translations) are told apart by
    their author, then their id, as ``/story list`` shows it (:func:`story_choice_names`): otherwise
    a member cannot know which one they pick, and typing the shared title is refused as matching several.
    """
    if guild_id is None:
        return []
    found = await story_choices(bot.db, guild_id, typed, AUTOCOMPLETE_CHOICES)
    return [
        app_commands.Choice(name=name, value=str(record.id))
        for record, name in zip(found, story_choice_names(found), strict=True)
    ]


async def download(file: discord.Attachment, limit: int) -> bytes:
    """The attachment's bytes, refusing one over ``limit`` before and after the download."""
    if file.size > limit:
        raise UserError(size_limit_message(limit))
    try:
        data = await file.read()
    except discord.HTTPException as error:
        log.warning("could not download attachment %s: %s", file.filename, error)
        raise UserError("I could not download that file from Discord; try uploading it again.") from None
    if len(data) > limit:
        raise UserError(size_limit_message(limit))
    return data


def choices(found: Sequence[tuple[str, str]]) -> list[app_commands.Choice[str]]:
    """Autocomplete choices from (name, value) pairs: each name clipped as every name is (:func:`clip`), and a
    value never cut: it is what the command looks up, so a cut one names something else or nothing (a
    plain slice of it could also split a grapheme cluster). A value longer than Discord takes is left out."""
    return [
        app_commands.Choice(name=clip(name, CHOICE_NAME_CHARS), value=value)
        for name, value in found
        if len(value) <= CHOICE_VALUE_CHARS
    ]
