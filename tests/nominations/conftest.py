"""A stand-in for Discord's side of a vote (polls and announcements) and a service on real SQLite."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from bot.clock import ManualClock
from bot.db import Database
from bot.nominations.service import Announcement, NominationService, PollGone, PollState, PostedPoll

GUILD = 111
OTHER_GUILD = 222
CLUB = 1003
START = datetime(2026, 10, 10, 9, 0, tzinfo=UTC)
NONCE_WINDOW = timedelta(minutes=5)  # Discord's enforce_nonce: "the past few minutes"


@dataclass
class FakePoll:
    channel_id: int
    question: str
    answers: list[str]
    ends_at: float
    counts: dict[int, int] = field(default_factory=dict)
    finalized: bool = False


@dataclass
class FakeDiscord:
    """Polls and announcements as Discord keeps them; an announcement's nonce is not sent twice within
    :data:`NONCE_WINDOW`, as with Discord's ``enforce_nonce``."""

    clock: ManualClock
    polls: dict[int, FakePoll] = field(default_factory=dict)
    announcements: list[tuple[int, Announcement, str]] = field(default_factory=list)
    nonces: dict[str, int] = field(default_factory=dict)
    nonce_times: dict[str, float] = field(default_factory=dict)
    posted: list[tuple[int, int, str]] = field(default_factory=list)  # (message id, channel id, text)
    gone: set[int] = field(default_factory=set)
    stuck: set[int] = field(default_factory=set)  # polls Discord never finalizes
    ids: itertools.count = field(default_factory=lambda: itertools.count(5000))

    async def post_poll(self, channel_id: int, question: str, answers: list[str], hours: int) -> PostedPoll:
        message_id = next(self.ids)
        ends_at = (self.clock.now() + timedelta(hours=hours)).timestamp()
        self.polls[message_id] = FakePoll(channel_id, question, list(answers), ends_at)
        return PostedPoll(message_id, list(range(1, len(answers) + 1)), ends_at)

    async def find_poll(self, channel_id: int, question: str, answers: list[str]) -> PostedPoll | None:
        now = self.clock.now().timestamp()
        for message_id, poll in reversed(self.polls.items()):
            running = not poll.finalized and poll.ends_at > now and message_id not in self.gone
            if poll.channel_id == channel_id and running and (poll.question, poll.answers) == (question, answers):
                return PostedPoll(message_id, list(range(1, len(answers) + 1)), poll.ends_at)
        return None

    async def read_poll(self, channel_id: int, message_id: int) -> PollState:
        if message_id in self.gone or message_id not in self.polls:
            raise PollGone("deleted")
        poll = self.polls[message_id]
        if self.clock.now().timestamp() >= poll.ends_at and message_id not in self.stuck:
            poll.finalized = True
        return PollState(poll.finalized, dict(poll.counts))

    async def end_poll(self, channel_id: int, message_id: int) -> PollState:
        if message_id in self.polls and message_id not in self.gone:
            self.polls[message_id].ends_at = min(self.polls[message_id].ends_at, self.clock.now().timestamp())
        return await self.read_poll(channel_id, message_id)

    async def announce(self, channel_id: int, announcement: Announcement, *, nonce: str) -> int:
        now = self.clock.now().timestamp()
        if nonce in self.nonces and now - self.nonce_times[nonce] < NONCE_WINDOW.total_seconds():
            return self.nonces[nonce]
        message_id = next(self.ids)
        self.nonces[nonce] = message_id
        self.nonce_times[nonce] = now
        self.announcements.append((channel_id, announcement, nonce))
        self.posted.append((message_id, channel_id, announcement.text))
        return message_id

    async def find_announcement(self, channel_id: int, poll_id: int, text: str) -> int | None:
        for message_id, channel, posted_text in reversed(self.posted):
            if channel == channel_id and message_id > poll_id and posted_text == text:
                return message_id
        return None

    def vote(self, message_id: int, answer_id: int, votes: int = 1) -> None:
        poll = self.polls[message_id]
        poll.counts[answer_id] = poll.counts.get(answer_id, 0) + votes


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def discord_side(clock: ManualClock) -> FakeDiscord:
    return FakeDiscord(clock)


@pytest.fixture
def service(db: Database, clock: ManualClock, discord_side: FakeDiscord) -> NominationService:
    return NominationService(db, clock, discord_side)
