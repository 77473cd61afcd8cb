"""The world changing around the bot: restarts, native polls, DMs, servers, channels, permissions, 429s."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.devtools.double.models import Channel, Guild, InteractionRecord, Member, Message, Role, User
from bot.devtools.double.state import RouteFailure, RouteHook
from bot.devtools.driver.base import ClubBase, _id
from bot.devtools.driver.errors import DriverError
from bot.devtools.driver.replies import Reply, _message


class WorldChanges(ClubBase):
    """What Discord, admins and the network do in a Club while the bot runs (or is down)."""

    # -- the world changing around the bot
    async def restart(self, while_down: Callable[[], Awaitable[Any]] | None = None) -> None:
        """Close the bot cleanly and start a new one on the same database (about half a second).

        ``while_down``: a no-argument async function run while no bot is connected, e.g.
        ``club.clock.advance(...)`` past a poll's end or ``club.end_poll(...)``; its gateway events are lost.
        """
        await self.runtime.restart(while_down)

    # -- native polls (see Poll in bot/devtools/double/models.py)
    def polls(self, channel: Channel | int | None = None) -> list[Reply]:
        """Messages carrying a poll, oldest first (in ``channel``, or anywhere in this server)."""
        if channel is not None:
            return [reply for reply in self.messages(channel) if reply.message and reply.message.poll]
        ids = {c.id for c in self.guild.live_channels()}
        return [
            Reply(message=m)
            for m in list(self.state.messages.values())
            if m.poll is not None and m.channel_id in ids and not m.deleted
        ]

    def poll_results(self, target: Reply | Message) -> dict[str, int]:
        """Votes per answer text, in answer order (as Discord shows them)."""
        poll = _message(target).poll
        if poll is None:
            raise DriverError("that message has no poll")
        return {poll.text_of(a): poll.count(a) for a in poll.answer_ids()}

    async def vote(self, target: Reply | Message, *answers: str | int, member: Member | None = None) -> None:
        """``member`` votes in a poll (answers by text or answer id), replacing their earlier vote.

        The double sends MESSAGE_POLL_VOTE_REMOVE / _ADD; waits for the bot to settle.
        """
        message = _message(target)
        poll = message.poll
        if poll is None:
            raise DriverError("that message has no poll")
        member = member or self.member
        chosen: list[int] = []
        for answer in answers:
            if isinstance(answer, int):
                chosen.append(answer)
                continue
            matches = [a for a in poll.answer_ids() if poll.text_of(a) == answer]
            if not matches:
                texts = [poll.text_of(a) for a in poll.answer_ids()]
                raise DriverError(f"the poll has no answer {answer!r}; it has {texts}")
            chosen.append(matches[0])
        if member.user.id not in self.guild.members:
            raise DriverError(f"{member.user.username} is not a member of {self.guild.name}")

        async def go() -> None:
            self.state.vote(message, member.user, chosen)
            await self.runtime.settle()

        await self.runtime.run(go())

    async def end_poll(self, target: Reply | Message, *, send_update: bool = True) -> bool:
        """Discord ends the poll now (as when its time runs out): MESSAGE_UPDATE with final counts and a
        POLL_RESULT message (type 46). ``send_update=False`` sends only the result message. False if it
        had already ended."""
        message = _message(target)

        async def go() -> bool:
            ended = self.state.finalize_poll(message, send_update=send_update)
            await self.runtime.settle()
            return ended

        return await self.runtime.run(go())

    # -- direct messages
    def set_dms_open(self, member: Member | User, is_open: bool) -> None:
        """Open or close a member's DMs (closed: sending to them gives 403 / 50007)."""
        user = member.user if isinstance(member, Member) else member
        user.dms_open = is_open

    async def remove_guild(self, guild: Guild | None = None) -> None:
        """Kick the bot from a server (GUILD_DELETE); default: this club's server."""
        target = guild or self.guild

        async def go() -> None:
            self.state.remove_bot_from_guild(target)
            await self.runtime._wait_for(lambda: self.bot.get_guild(target.id) is None, "the bot to leave")
            await self.runtime.settle()

        await self.runtime.run(go())

    async def delete_channel(self, channel: Channel | int) -> None:
        """Delete a channel or thread (CHANNEL_DELETE / THREAD_DELETE)."""
        model = self.channel(channel)

        async def go() -> None:
            self.state.delete_channel(model)
            await self.runtime._wait_for(
                lambda: self.bot.get_channel(model.id) is None, f"the bot to forget #{model.name}"
            )
            await self.runtime.settle()

        await self.runtime.run(go())

    async def delete_role(self, role: Role) -> None:
        """Delete a role (GUILD_ROLE_DELETE), e.g. the club role a setting names."""

        async def go() -> None:
            self.state.delete_role(self.guild, role)
            guild = self.bot.get_guild(self.guild.id)
            assert guild is not None
            await self.runtime._wait_for(lambda: guild.get_role(role.id) is None, f"the bot to forget @{role.name}")
            await self.runtime.settle()

        await self.runtime.run(go())

    async def drop_connection(self) -> None:
        """Close the gateway connection like a network blip; returns once the bot has resumed."""

        async def go() -> None:
            before = self.double.gateway.resumes
            await self.double.gateway.drop()
            await self.runtime._wait_for(lambda: self.double.gateway.resumes > before, "the bot to resume")
            await self.runtime.settle()

        await self.runtime.run(go())

    async def set_overwrite(
        self, channel: Channel | int, target: Role | Member, *, allow: int = 0, deny: int = 0
    ) -> None:
        """Change a channel's permission overwrite (CHANNEL_UPDATE), e.g. deny the bot Send Messages."""
        from bot.devtools.double.models import Overwrite

        model = self.channel(channel)

        async def go() -> None:
            kind = 0 if isinstance(target, Role) else 1
            model.overwrites = [o for o in model.overwrites if o.id != target.id]
            model.overwrites.append(Overwrite(id=target.id, type=kind, allow=allow, deny=deny))
            self.state.dispatch("CHANNEL_UPDATE", model.to_dict())
            await self.runtime.settle()

        await self.runtime.run(go())

    async def set_role_permissions(self, role: Role, permissions: int) -> None:
        """Change what a role grants (GUILD_ROLE_UPDATE), e.g. take Create Events from ``club.bot_role``."""

        async def go() -> None:
            role.permissions = permissions
            self.state.dispatch("GUILD_ROLE_UPDATE", {"guild_id": str(self.guild.id), "role": role.to_dict()})
            await self.runtime.settle()

        await self.runtime.run(go())

    def fail_messages(self, channel: Channel | int, status: int = 503, code: int = 0, times: int = 1) -> None:
        """The next ``times`` message creates in ``channel`` fail with ``status`` (Discord failing on its
        side, 5xx; or a 400 it gives for a reason the double does not model). ``times=0`` stops it."""
        self.state.message_failures[_id(channel)] = (status, code, times)

    def inject_rate_limit(self, channel: Channel | int, times: int = 1, retry_after: float = 0.0) -> None:
        """The next ``times`` message creates in ``channel`` get 429, as when another process shares the bucket."""
        self.state.limiter.force(f"messages:{_id(channel)}", times, retry_after)

    def inject_global_rate_limit(self, times: int = 1, retry_after: float = 0.1, every: int = 1) -> None:
        """The next ``times`` requests of the bot, any route but an interaction's own answers, get a
        global 429 (wait ``retry_after``); ``every=2``: every second request, until ``times`` were given;
        ``times=0`` stops it."""
        self.state.limiter.force_global(times, retry_after, every)

    def fail_route(self, route: str, status: int | None = 503, *, times: int = 1, after: bool = False) -> None:
        """The next ``times`` requests of ``route`` ("POST /channels/{channel}/threads", as the double's
        request records name it) answered ``status``, or closed without an answer (``None``, a timeout
        through a proxy); ``after``: Discord did the work first, only the answer is lost."""
        self.state.route_failures[route] = RouteFailure(status, times, after)

    def meanwhile(self, route: str, action: Callable[[], Awaitable[None]], *, after: bool = False) -> None:
        """While the bot's next request of ``route`` is with Discord, ``action`` runs (once, on the bot's
        loop): before Discord does the work, or (``after``) once it is done, before the bot has the answer.
        What another admin's command does in that moment, e.g. the story removed as a discussion posts."""
        self.state.route_hooks[route] = RouteHook(action, after)

    def hold_events(self, *kinds: str) -> None:
        """Gateway events of ``kinds`` ("THREAD_CREATE") arrive late: kept back until ``release_events``."""
        self.state.hold_events(*kinds)

    async def release_events(self) -> None:
        """Send the events held back (on the double's loop, as Discord would) and stop holding."""

        async def go() -> None:
            self.state.release_events()
            await self.runtime.settle()

        await self.runtime.run(go())

    def lose_message_answers(self, channel: Channel | int, status: int = 502, times: int = 1) -> None:
        """The next ``times`` messages created in ``channel`` are made, but the bot is answered ``status``."""
        self.state.lost_answers[_id(channel)] = (status, times)

    def forgive(self, record: InteractionRecord) -> None:
        """Accept a failed interaction the test provoked on purpose (it then does not fail the test)."""
        self._interactions.remove(record)

    def override_command_permissions(self, command: str) -> None:
        """Model a server admin opening a command to everyone in Server Settings -> Integrations.

        ``default_member_permissions`` then no longer hides it, so the bot's own check must refuse.
        """
        self.state.everyone_overrides[(self.guild.id, command.split()[0])] = True
