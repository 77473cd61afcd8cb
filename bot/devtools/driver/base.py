"""The core of a Club: its server and members, handles on the bot and the double, and what happened."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from bot.devtools.double import DiscordDouble
from bot.devtools.double.models import Channel, Guild, InteractionRecord, Member, Role, ScheduledEvent, User
from bot.devtools.double.state import ClubLayout, DoubleState
from bot.devtools.driver.clock import ClubClock
from bot.devtools.driver.replies import Reply
from bot.devtools.driver.timing import ADVANCE_QUIET, HANG_LIMIT

if TYPE_CHECKING:
    from bot.devtools.driver.runtime import ClubRuntime

T = TypeVar("T")


@dataclass
class ClubBase:
    """A Club's server, its handles and what a test reads there (see :class:`Club`).

    The actions live beside it: ``MemberActions`` (actions.py) and ``WorldChanges`` (world.py).
    """

    runtime: ClubRuntime
    layout: ClubLayout
    _start_index: int = 0
    _log_index: int = 0
    _interactions: list[InteractionRecord] = field(default_factory=list)
    allow_log_errors: bool = False

    def __post_init__(self) -> None:
        self._start_index = len(self.runtime.double.state.requests)
        self._log_index = len(self.runtime.logs.records)
        self.clock = ClubClock(self.runtime)
        lay = self.layout
        self.guild: Guild = lay.guild
        self.text_channel: Channel = lay.text_channel
        self.general_channel: Channel = lay.general_channel
        self.forum_channel: Channel = lay.forum_channel
        self.locked_channel: Channel = lay.locked_channel
        self.hidden_channel: Channel = lay.hidden_channel
        self.admin: Member = lay.admin
        self.moderator: Member = lay.moderator
        self.member: Member = lay.member
        self.other_member: Member = lay.other_member
        self.closed_dm_member: Member = lay.closed_dm_member
        self.owner: Member = lay.owner
        self.club_role: Role = lay.club_role
        self.admin_role: Role = lay.admin_role
        self.moderator_role: Role = lay.moderator_role
        self.bot_role: Role = lay.bot_role

    # -- handles
    @property
    def double(self) -> DiscordDouble:
        return self.runtime.double

    @property
    def state(self) -> DoubleState:
        return self.runtime.double.state

    @property
    def bot(self) -> Any:
        """The running DogearBot (read attributes; run coroutines on it with :meth:`run`)."""
        return self.runtime.bot

    @property
    def bot_user(self) -> User:
        return self.state.bot_user

    @property
    def requests(self) -> list[Any]:
        """REST requests made since this test started."""
        return self.state.requests[self._start_index :]

    @property
    def rate_limited(self) -> list[Any]:
        """429s answered since this test started (``.retried`` says whether discord.py retried)."""
        return [r for r in self.requests if r.status == 429]

    async def run(self, coro: Coroutine[Any, Any, T] | Callable[[], Awaitable[T]]) -> T:
        """Run a coroutine on the bot's loop, e.g. ``await club.run(get_settings(club.bot.db, club.guild.id))``."""
        if callable(coro):
            return await self.runtime.run(_call(coro))
        return await self.runtime.run(coro)

    @contextlib.contextmanager
    def expect_errors(self, status: int | None = None, code: int | None = None) -> Iterator[list[Any]]:
        """Mark 4xx answers inside the block as intended (they would otherwise fail the test).

        Yields the list of matching requests, filled when the block ends; at least one must occur.
        """
        begin = len(self.state.requests)
        matched: list[Any] = []
        yield matched
        for record in self.state.requests[begin:]:
            wanted = (status is None or record.status == status) and (code is None or record.code == code)
            if 400 <= record.status < 500 and wanted:
                record.expected = True
                matched.append(record)
        if not matched:
            raise AssertionError(f"expected a {status or '4xx'} answer{f' with code {code}' if code else ''}, got none")

    async def settle(self, quiet: float = ADVANCE_QUIET) -> None:
        """Wait for background work: no command task running and no REST traffic for ``quiet`` s."""
        await self.runtime.run(self.runtime.settle(quiet=quiet))

    async def wait_for(
        self, predicate: Callable[[], bool], what: str = "the condition", limit: float = HANG_LIMIT
    ) -> None:
        """Wait until ``predicate()`` holds (checked on the bot's loop), e.g. a post in a channel."""
        await self.runtime.run(self.runtime._wait_for(predicate, what, limit=limit))

    # -- reading what happened
    def channel(self, channel: Channel | int) -> Channel:
        return self.state.channels[_id(channel)]

    def messages(self, channel: Channel | int | Reply, *, include_replies: bool = True) -> list[Reply]:
        """Messages in a channel or thread, oldest first (ephemeral answers excluded).

        With ``include_replies=False`` only messages the bot posted itself (not interaction answers).
        """
        channel_id = _id(channel) if not isinstance(channel, Reply) else channel.channel_id
        return [
            Reply(message=m)
            for m in self.state.channel_history(channel_id)
            if include_replies or m.interaction_id is None
        ]

    @property
    def threads(self) -> list[Channel]:
        """Threads and forum posts in this server, oldest first."""
        return [c for c in self.guild.live_channels() if c.is_thread]

    @property
    def events(self) -> list[ScheduledEvent]:
        """Scheduled events in this server (not deleted)."""
        return [e for e in list(self.guild.events.values()) if not e.deleted]

    def dms(self, member: Member | User) -> list[Reply]:
        """Direct messages the bot delivered to ``member``."""
        user = member.user if isinstance(member, Member) else member
        return [Reply(message=m) for m in self.state.dms_to(user)]


async def _call(fn: Callable[[], Awaitable[T]]) -> T:
    return await fn()


def _id(obj: Any) -> int:
    if isinstance(obj, int):
        return obj
    if isinstance(obj, Member):
        return obj.user.id
    return int(obj.id)
