"""The Discord side of posting, in memory, with Discord's semantics where posting depends on them.

``FakeChannels`` is the world: channels with their messages; it outlives a simulated crash
the way Discord does. ``FakePoster`` is one bot process's view of it, implementing the
service's ``Poster``: ``enforce_nonce`` (a resend with the same nonce within a few minutes
returns the first message), history of the bot's own messages, permission failures, and the
admin's interaction token that expires after 15 minutes.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.clock import ManualClock
from bot.db import Database
from bot.excerpts.model import ChannelGone, InteractionRef, PostFailure, PostRequest, SeenMessage
from bot.excerpts.service import ExcerptService
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.store import add_story

GUILD = 4_194_304 * 6  # shard 0 of 2 (guild_id >> 22 == 6)
OTHER_GUILD = 4_194_304 * 7  # shard 1 of 2
CHANNEL = 1001
OTHER_CHANNEL = 1002
START = datetime(2026, 10, 10, 9, 0, tzinfo=UTC)
NONCE_WINDOW = timedelta(minutes=5)
TOKEN_LIFETIME = timedelta(minutes=15)


class SimulatedCrash(BaseException):
    """The process dies here: nothing after this line of the bot runs."""


class InlineWorkers:
    """The worker pool's interface, running the same function in this process (unit tests only)."""

    async def run(self, what: str, function: Callable[..., Any], /, *args: Any, time_limit: float | None = None) -> Any:
        return function(*args)


@dataclass
class FakeMessage:
    id: int
    channel_id: int
    content: str
    nonce: str | None
    buttons: tuple[int, int, int] | None
    sent_at: datetime


@dataclass
class FakeChannels:
    clock: ManualClock
    messages: list[FakeMessage] = field(default_factory=list)
    interaction_notes: list[tuple[str, str]] = field(default_factory=list)  # (token, text)
    channel_notes: list[tuple[int, str]] = field(default_factory=list)
    tokens: dict[str, datetime] = field(default_factory=dict)  # token -> issued at
    forbidden: set[int] = field(default_factory=set)
    deleted: set[int] = field(default_factory=set)
    ids: itertools.count = field(default_factory=lambda: itertools.count(10_000))

    def in_channel(self, channel_id: int) -> list[FakeMessage]:
        return [m for m in self.messages if m.channel_id == channel_id]

    def contents(self, channel_id: int) -> list[str]:
        return [m.content for m in self.in_channel(channel_id)]

    def interaction(self) -> InteractionRef:
        token = f"token-{next(self.ids)}"
        self.tokens[token] = self.clock.now()
        return InteractionRef(next(self.ids), 99, token, self.clock.now().timestamp())


class FakePoster:
    """One process's view of the channels; ``crash_after`` sends, it dies after the message exists."""

    def __init__(
        self,
        world: FakeChannels,
        *,
        crash_after: int | None = None,
        read_history: bool = True,
        fail_after: int | None = None,
    ) -> None:
        self.world = world
        self.crash_after = crash_after
        self.fail_after = fail_after
        self.read_history = read_history
        self.sends = 0

    async def check_channel(self, guild_id: int, channel_id: int) -> None:
        return None

    async def send(self, channel_id: int, content: str, *, nonce: str, buttons: tuple[int, int, int] | None) -> int:
        world = self.world
        if channel_id in world.deleted:
            raise ChannelGone("the channel no longer exists")
        if channel_id in world.forbidden or (self.fail_after is not None and self.sends >= self.fail_after):
            raise PostFailure("I'm missing a permission there")
        now = world.clock.now()
        for message in world.messages:
            if message.nonce == nonce and now - message.sent_at <= NONCE_WINDOW:
                return message.id  # Discord's enforce_nonce: the first message, not a second one
        message = FakeMessage(next(world.ids), channel_id, content, nonce, buttons, now)
        world.messages.append(message)
        self.sends += 1
        if self.crash_after is not None and self.sends >= self.crash_after:
            raise SimulatedCrash()
        return message.id

    async def recent(self, channel_id: int, *, after: int, limit: int) -> list[SeenMessage]:
        if not self.read_history:
            return []
        found = [m for m in self.world.in_channel(channel_id) if m.id > after][:limit]
        return [SeenMessage(m.id, m.content) for m in found]  # Discord's history carries no nonce

    async def tell_interaction(self, interaction: InteractionRef, text: str) -> bool:
        issued = self.world.tokens.get(interaction.token or "")
        if issued is None or self.world.clock.now() - issued > TOKEN_LIFETIME:
            return False
        self.world.interaction_notes.append((interaction.token or "", text))
        return True

    async def tell_channel(self, channel_id: int, text: str) -> None:
        self.world.channel_notes.append((channel_id, text))


def long_chapter(number: int, paragraphs: int) -> Chapter:
    """About one message per paragraph at the default budget (1,500 characters each)."""
    return Chapter(
        number, f"Part {number}", [Scene([f"{number}.{i} " + "The tide came in. " * 80 for i in range(paragraphs)])]
    )


async def add_test_story(db: Database, guild_id: int = GUILD, *, paragraphs: tuple[int, ...] = (3, 12)) -> int:
    story = Story(
        meta=StoryMeta(title="The Long Tide"),
        chapters=[long_chapter(n, count) for n, count in enumerate(paragraphs, start=1)],
        source_format="txt",
    )
    digest = hashlib.sha256(f"{guild_id}:{paragraphs}".encode()).hexdigest()
    return await add_story(db, guild_id, story, content_hash=digest, added_by=None, now=0.0)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def world(clock: ManualClock) -> FakeChannels:
    return FakeChannels(clock)


@pytest.fixture
def make_service(db: Database, clock: ManualClock) -> Callable[..., ExcerptService]:
    """A service as one bot process builds it (a new one per simulated start)."""

    def make(max_messages: int = 100) -> ExcerptService:
        return ExcerptService(db, clock, InlineWorkers(), max_messages=max_messages, budget=2000)  # type: ignore[arg-type]

    return make


def request(
    world: FakeChannels,
    story_id: int,
    chapter: int,
    *,
    channel_id: int = CHANNEL,
    confirmed_after: int | None = None,
) -> PostRequest:
    return PostRequest(
        guild_id=GUILD,
        story=str(story_id),
        chapter=chapter,
        channel_id=channel_id,
        requested_by=7,
        interaction=world.interaction(),
        confirmed_after=confirmed_after,
    )
