"""An in-memory stand-in for the Discord side of posting, and helpers to run the timer.

``FakeDiscord`` is the world (channels, messages, threads); it outlives a simulated bot
restart the way Discord does. ``FakePoster`` is one bot process's view of it, implementing
the service's ``Poster`` protocol with Discord's semantics where they matter here:
``enforce_nonce`` (a resend with the same nonce within a few minutes returns the first
message), history holding the embed footer, forum posts being threads, and failures for
deleted channels and missing permissions.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.db import Database, open_database
from bot.discussions import store
from bot.discussions.compose import Notice
from bot.discussions.failures import Gone
from bot.discussions.service import DiscussionService, Posted, PostFailure, Unreachable
from bot.discussions.store import Reminder
from bot.story.model import Chapter, HeaderWarning, Scene, Story, StoryMeta
from bot.story.store import add_story

GUILD = 111
OTHER_GUILD = 222
TEXT = 1001
FORUM = 1002
CLUB = 1003
NONCE_WINDOW = timedelta(minutes=5)
START = datetime(2026, 10, 10, 9, 0, tzinfo=UTC)


class SimulatedCrash(BaseException):
    """The process dies here: nothing after this line of the bot runs."""


@dataclass
class FakeMessage:
    id: int
    channel_id: int
    notice: Notice
    nonce: str | None
    sent_at: datetime


@dataclass
class FakeThread:
    id: int
    parent_id: int
    name: str
    private: bool
    members: list[int] = field(default_factory=list)


class FakeDiscord:
    def __init__(self, clock: ManualClock) -> None:
        self.clock = clock
        self.ids = itertools.count(5000)
        self.kinds: dict[int, str] = {TEXT: "text", FORUM: "forum", CLUB: "text"}
        self.messages: dict[int, list[FakeMessage]] = {}
        self.threads: dict[int, FakeThread] = {}
        self.forbidden: set[int] = set()
        self.no_threads: set[int] = set()
        self.closed_dms: set[int] = set()
        self.dms: dict[int, list[Notice]] = {}
        self.dm_attempts = 0
        self.dm_outage: dict[int, int] = {}  # member -> DM sends that fail as a 5xx or a spent 429 does
        self.sends = 0
        self.during_add: Callable[[], Awaitable[None]] | None = None  # runs once, while readers are being added
        self.after_send: Callable[[], Awaitable[None]] | None = None  # runs once, as a post reaches Discord
        self.outage = 0  # sends that fail as though Discord could not be reached
        self.answer_lost = False  # a failing send goes through, only its answer is lost
        # The next plain notice's send waits for this before reaching Discord, as discord.py sleeping
        # out a rate limit does (once: the sends after it go straight through); ``held`` is set then.
        self.notice_gate: asyncio.Event | None = None
        self.held = asyncio.Event()

    def posted(self, channel_id: int) -> list[FakeMessage]:
        return self.messages.get(channel_id, [])

    def all_posts(self) -> list[FakeMessage]:
        return [message for messages in self.messages.values() for message in messages]


class FakePoster:
    def __init__(
        self,
        world: FakeDiscord,
        *,
        crash_after_send: bool = False,
        crash_after_thread: bool = False,
        crash_before_notice: bool = False,
        crash_after_dm: bool = False,
    ) -> None:
        self.world = world
        self.crash_after_send = crash_after_send
        self.crash_after_thread = crash_after_thread
        self.crash_before_notice = crash_before_notice  # dies as it is about to send a plain notice
        self.crash_after_dm = crash_after_dm  # dies once its first DM is delivered
        self.history_checks = 0
        self.crashed = False

    def _channel(self, channel_id: int) -> str:
        kind = self.world.kinds.get(channel_id)
        if kind is None:
            raise Gone(f"channel {channel_id} was deleted")
        return kind

    async def channel_kind(self, channel_id: int) -> str:
        return self._channel(channel_id)

    async def find_post(self, channel_id: int, marker: str) -> Posted | None:
        self.history_checks += 1
        self._channel(channel_id)
        for message in reversed(self.world.posted(channel_id)[-50:]):
            embed = message.notice.embed or {}
            if embed.get("footer", {}).get("text") == marker or message.notice.content == marker:
                thread = message.id if message.id in self.world.threads else None
                return Posted(channel_id, message.id, thread)
        return None

    async def post(self, channel_id: int, notice: Notice, *, nonce: str | None) -> Posted:
        kind = self._channel(channel_id)
        if notice.embed is None and self.world.notice_gate is not None:
            gate, self.world.notice_gate = self.world.notice_gate, None
            self.world.held.set()
            await gate.wait()
        if self.crash_before_notice and notice.embed is None:
            self.crashed = True
            raise SimulatedCrash()
        if channel_id in self.world.forbidden:
            raise PostFailure("I am missing the Send Messages permission in that channel")
        now = self.world.clock.now()
        if nonce is not None:
            for message in self.world.posted(channel_id):
                if message.nonce == nonce and now - message.sent_at < NONCE_WINDOW:
                    return Posted(channel_id, message.id, message.id if kind == "forum" else None)
        if self.world.outage and not self.world.answer_lost:
            self.world.outage -= 1
            raise Unreachable("posting: Discord could not be reached (ClientConnectorError)")
        message = FakeMessage(next(self.world.ids), channel_id, notice, nonce, now)
        self.world.messages.setdefault(channel_id, []).append(message)
        self.world.sends += 1
        hook, self.world.after_send = self.world.after_send, None
        if hook is not None:
            await hook()
        if self.world.outage:
            self.world.outage -= 1
            raise Unreachable("posting: Discord could not be reached (ServerTimeoutError)")
        thread_id = None
        if kind == "forum":
            assert notice.thread_name
            self.world.threads[message.id] = FakeThread(message.id, channel_id, notice.thread_name, private=False)
            thread_id = message.id
        if self.crash_after_send:
            self.crashed = True
            raise SimulatedCrash()
        return Posted(channel_id, message.id, thread_id)

    async def open_thread(self, channel_id: int, message_id: int, name: str) -> int:
        self._channel(channel_id)
        if channel_id in self.world.no_threads:
            raise PostFailure("I am missing the Create Private Threads permission")
        for thread in self.world.threads.values():
            if thread.parent_id == channel_id and thread.name == name:
                return thread.id  # opened before a crash
        thread = FakeThread(next(self.world.ids), channel_id, name, private=True)
        self.world.threads[thread.id] = thread
        if self.crash_after_thread:
            self.crashed = True
            raise SimulatedCrash()
        return thread.id

    async def send_dm(self, user_id: int, notice: Notice) -> bool:
        self.world.dm_attempts += 1
        if user_id in self.world.closed_dms:
            return False
        if self.world.dm_outage.get(user_id):
            self.world.dm_outage[user_id] -= 1
            raise Unreachable("sending a DM: Discord failed on its side (503)")
        self.world.dms.setdefault(user_id, []).append(notice)
        if self.crash_after_dm:
            self.crashed = True
            raise SimulatedCrash()
        return True

    async def add_to_thread(self, thread_id: int, user_ids: Sequence[int]) -> None:
        thread = self.world.threads.get(thread_id)
        if thread is None:
            raise PostFailure("the thread was deleted")
        hook, self.world.during_add = self.world.during_add, None
        if hook is not None:
            await hook()
        for user_id in user_ids:
            if user_id not in thread.members:
                thread.members.append(user_id)


async def no_warnings(db: Database, guild_id: int, story_id: int, chapter: int) -> list[HeaderWarning]:
    return []


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def world(clock: ManualClock) -> FakeDiscord:
    return FakeDiscord(clock)


AddStory = Callable[..., Awaitable[int]]


async def add_test_story(db: Database, guild_id: int, title: str = "The Lighthouse", chapters: int = 9) -> int:
    """A story with ``chapters`` short chapters in server ``guild_id``, through the story library's store."""
    story = Story(
        meta=StoryMeta(title=title),
        chapters=[Chapter(n, None, [Scene([f"Paragraph of chapter {n}."])]) for n in range(1, chapters + 1)],
        source_format="txt",
    )
    digest = hashlib.sha256(f"{guild_id}:{title}:{chapters}".encode()).hexdigest()
    return await add_story(db, guild_id, story, content_hash=digest, added_by=None, now=0.0)


@pytest.fixture(name="add_story")
def add_story_fixture(db: Database) -> AddStory:
    async def add(guild_id: int = GUILD, title: str = "The Lighthouse", chapters: int = 9) -> int:
        return await add_test_story(db, guild_id, title, chapters)

    return add


class Bot:
    """One bot process: a database connection, a poster and the running service."""

    def __init__(
        self, db: Database, clock: ManualClock, poster: FakePoster, grace: timedelta, *, real_warnings: bool = False
    ) -> None:
        self.db = db
        self.poster = poster
        if real_warnings:  # bot.warnings.service.chapter_warnings, the default
            self.service = DiscussionService(db, clock, poster, grace=grace)
        else:
            self.service = DiscussionService(db, clock, poster, grace=grace, warnings_for=no_warnings)

    async def settle(self) -> None:
        await self.service.wait_idle()


async def advance(bot: Bot, clock: ManualClock, delta: timedelta) -> None:
    """Let time pass and the service do what fell due in it, as a running bot would."""
    await clock.advance(delta)
    await bot.settle()


async def until_crashed(bot: Bot) -> None:
    """Wait for the simulated crash, then end that process: nothing of it runs any more."""
    await bot.service.wait_idle()
    assert bot.poster.crashed
    await bot.service.stop()


StartBot = Callable[..., Awaitable[Bot]]


@pytest.fixture
async def start_bot(tmp_path: Path, db: Database, clock: ManualClock, world: FakeDiscord) -> AsyncIterator[StartBot]:
    """Start a bot over the test's database file; ``fresh=True`` opens a new connection (a restart)."""
    bots: list[tuple[Bot, bool]] = []

    async def start(
        *,
        fresh: bool = False,
        grace: timedelta = timedelta(hours=6),
        real_warnings: bool = False,
        crash_after_send: bool = False,
        **poster_kw: bool,
    ) -> Bot:
        database = await open_database(db.path) if fresh else db
        poster = FakePoster(world, crash_after_send=crash_after_send, **poster_kw)
        bot = Bot(database, clock, poster, grace, real_warnings=real_warnings)
        bot.service.start()
        await bot.settle()
        bots.append((bot, fresh))
        return bot

    yield start
    for bot, fresh in bots:
        await bot.service.stop()
        if fresh:
            await bot.db.close()


async def reminders_of(db: Database, discussion_id: int) -> list[Reminder]:
    """One discussion's reminders as stored, soonest first (tests read them; the bot never lists them)."""
    rows = await db.fetch_all(
        "SELECT id FROM discussion_reminders WHERE guild_id = ? AND discussion_id = ? ORDER BY due_at",
        (GUILD, discussion_id),
    )
    found = [await store.get_reminder(db, GUILD, row[0]) for row in rows]
    return [reminder for reminder in found if reminder is not None]
