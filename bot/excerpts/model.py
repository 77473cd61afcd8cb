"""The shapes posting and reading pass around, and the :class:`Poster` the Discord side implements."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.db import Database
from bot.excerpts.store import PostJob

# What the chapter buttons under a post carry: the story, the chapter as numbered when they were
# made, and how many moves the story's chapters had made by then (``bot.story.store.chapters_moved``).
ButtonKey = tuple[int, int, int]


class UnrecordedStops(set[int]):
    """The posts this process stopped that could not be marked failed (the write refused: a full disk,
    a failing trigger): 'posting' in the file, yet running nowhere. No second write can say so (it may
    be refused the same way), so they are known in the process, on the database they belong to
    (:func:`unrecorded_stops`), and every "is it being posted right now" question leaves them out
    (the store's ``stopped`` arguments); the next ``/excerpt post`` of the chapter marks them failed
    and continues them. A start knows none: it resumes them as posts a crash cut off."""


def unrecorded_stops(db: Database) -> UnrecordedStops:
    return db.kept(UnrecordedStops)


@dataclass(frozen=True, slots=True)
class Pressed:
    """A chapter as a pressed button names it. ``moved``: how many moves the story's chapters had made when
    the button was made (None: a button made before moves were counted); ``message_id``: the message
    the button is on, a recorded post for the buttons under one."""

    number: int
    moved: int | None
    message_id: int | None = None


class PostFailure(Exception):
    """Discord refused a message (permission missing, channel gone, an error status); the text says why."""


class ChannelGone(PostFailure):
    """The channel or thread no longer exists (or the bot can no longer see it): trying it again cannot help."""


@dataclass(frozen=True, slots=True)
class InteractionRef:
    """The admin's interaction: where to answer while its token lives (``at``: clock seconds)."""

    id: int
    application_id: int | None
    token: str | None
    at: float


@dataclass(frozen=True, slots=True)
class SeenMessage:
    """One of the bot's own messages in a channel, as the history shows it."""

    id: int
    content: str
    nonce: str | None = None


class Poster(Protocol):
    """What posting needs from Discord. ``send`` and ``check_channel`` raise :class:`PostFailure`."""

    async def check_channel(self, guild_id: int, channel_id: int) -> None:
        """Raise :class:`UserError` saying what is missing when the bot cannot post there, and
        :class:`ChannelGone` when it no longer exists (the service says which channel that was).

        A channel of another server is refused like a channel that is gone: the channel id may
        come from a button's custom id, which a modified client can forge.
        """
        ...

    async def send(self, channel_id: int, content: str, *, nonce: str, buttons: ButtonKey | None) -> int:
        """Send one message (with the chapter buttons for ``(story_id, chapter, moved)``); its id."""
        ...

    async def recent(self, channel_id: int, *, after: int, limit: int) -> list[SeenMessage]:
        """The bot's own messages after ``after``, oldest first ([] when the history cannot be read)."""
        ...

    async def tell_interaction(self, interaction: InteractionRef, text: str) -> bool:
        """A private followup on the admin's interaction; False when Discord no longer takes it."""
        ...

    async def tell_channel(self, channel_id: int, text: str) -> None:
        """A short note in the channel (no pings)."""
        ...


@dataclass(frozen=True, slots=True)
class PostRequest:
    guild_id: int
    story: str  # the option as typed or picked: an id or a title
    chapter: int
    channel_id: int | None  # None: the server's club channel
    requested_by: int
    interaction: InteractionRef
    # The post of this chapter in this channel the admin saw and confirmed posting again: a
    # confirmation counts only for that post, so a second click or a stale button asks again.
    confirmed_after: int | None = None


@dataclass(frozen=True, slots=True)
class PostOutcome:
    job: PostJob
    title: str
    already_there: int  # messages of this post already in the channel before this run


@dataclass(frozen=True, slots=True)
class AlreadyPosted:
    """The chapter is already in that channel: the admin confirms before it is posted again."""

    previous: PostJob
    title: str


@dataclass(frozen=True, slots=True)
class Reading:
    """A chapter for one member: its messages, or the warnings they avoid (asked once more first)."""

    story_id: int
    title: str
    contents: list[str]
    avoided: list[str]
    number: int  # the chapter as numbered now (a pressed button's number mapped through later moves)
    moved: int  # how far the story's chapters had moved: what a "Show it anyway" button carries
    asked: str = ""  # what the member is asked to confirm (``asked_digest`` of ``avoided``), carried too


def asked_digest(avoided: Sequence[str]) -> str:
    """A short digest of the avoided warnings a member was asked about, which "Show it anyway" carries:
    a confirmation holds for those, and a chapter that gained another since asks again."""
    return hashlib.sha256("\n".join(sorted(avoided)).encode()).hexdigest()[:8]
