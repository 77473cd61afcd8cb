"""The double's world and the operations on it that REST routes, the gateway and the driver share."""

from __future__ import annotations

import secrets
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from bot.devtools.double import permissions as P
from bot.devtools.double.limits import RateLimiter, RateLimitRules, pings
from bot.devtools.double.models import (
    DM,
    FORUM,
    POLL_RESULT,
    PRIVATE_THREAD,
    PUBLIC_THREAD,
    TEXT,
    Attachment,
    Channel,
    Guild,
    InteractionRecord,
    Member,
    Message,
    Overwrite,
    Poll,
    RequestRecord,
    Role,
    ScheduledEvent,
    User,
    snowflake,
)
from bot.shards import shard_of

INTERACTION_DEADLINE = 3.0  # seconds to answer an interaction
GUILDS_PER_SHARD = 1000  # Discord recommends about one shard per 1,000 servers
MAX_GUILDS_PER_SHARD = 2500  # above this Discord closes the connection: "sharding required" (4011)
# Discord gives small bots max_concurrency 1 (one IDENTIFY per 5 s); the double relaxes it so
# a many-shard start is not paced by minutes of waiting. Set state.max_concurrency = 1 for Discord's pace.
DOUBLE_MAX_CONCURRENCY = 16
TOKEN_LIFETIME = 15 * 60.0  # seconds followups and edits work after the interaction
NONCE_WINDOW = 5 * 60.0  # seconds a nonce stays unique with enforce_nonce ("the past few minutes")
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024  # a server without boosts


@dataclass
class RouteFailure:
    """How a route fails for a test: ``status`` (a 5xx) or None for a connection closed without an
    answer; ``after``: Discord did the work first (the answer is what was lost)."""

    status: int | None
    times: int
    after: bool = False


@dataclass
class RouteHook:
    """What happens in the world while the bot's next request of a route is with Discord (once):
    ``action`` runs before Discord does the work, or (``after``) once it is done and before it answers."""

    action: Callable[[], Awaitable[None]]
    after: bool = False


class DoubleError(Exception):
    """A REST call the double refuses, with Discord's status, code and body."""

    def __init__(self, status: int, code: int, message: str, body: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.body = body or {"message": message, "code": code}


def snowflake_on_shard(shard_id: int, shard_count: int) -> int:
    """A fresh snowflake whose server would live on ``shard_id`` of ``shard_count``.

    Discord routes a server to shard ``(id >> 22) % count``: the millisecond part of the id.
    Moving the timestamp back by at most ``count - 1`` ms keeps the id plausible and unique
    (the increment bits differ).
    """
    base = snowflake()
    offset = ((base >> 22) - shard_id) % shard_count
    return base - (offset << 22)


def forbidden(missing: int = 0, what: str = "") -> DoubleError:
    detail = f" (missing {', '.join(P.names(missing))}{' for ' + what if what else ''})" if missing else ""
    return DoubleError(403, 50013, "Missing Permissions" + detail, {"message": "Missing Permissions", "code": 50013})


def not_found(kind: str, code: int) -> DoubleError:
    return DoubleError(404, code, f"Unknown {kind}", {"message": f"Unknown {kind}", "code": code})


@dataclass
class ClubLayout:
    """The handles of a guild built by :meth:`DoubleState.create_club_guild`."""

    guild: Guild
    owner: Member
    admin: Member
    moderator: Member
    member: Member
    other_member: Member
    closed_dm_member: Member
    bot_member: Member
    admin_role: Role
    moderator_role: Role
    club_role: Role
    bot_role: Role
    text_channel: Channel
    general_channel: Channel
    forum_channel: Channel
    locked_channel: Channel
    hidden_channel: Channel


@dataclass
class DoubleState:
    token: str = field(default_factory=lambda: "fake." + secrets.token_urlsafe(24))
    base_url: str = ""  # set when the server is listening, e.g. http://127.0.0.1:PORT
    rate_rules: RateLimitRules = field(default_factory=RateLimitRules)
    interaction_deadline: float = INTERACTION_DEADLINE
    token_lifetime: float = TOKEN_LIFETIME

    def __post_init__(self) -> None:
        self.app_id = snowflake()
        self.bot_user = User(id=self.app_id, username="Dogear", bot=True)
        self.owner_user = User(id=snowflake(), username="app_owner", global_name="App Owner")
        self.users: dict[int, User] = {self.bot_user.id: self.bot_user, self.owner_user.id: self.owner_user}
        self.guilds: dict[int, Guild] = {}
        self.channels: dict[int, Channel] = {}
        self.messages: dict[int, Message] = {}
        self.channel_messages: dict[int, list[int]] = {}
        self.attachments: dict[int, Attachment] = {}
        self.commands: dict[int | None, list[dict[str, Any]]] = {}
        self.command_ids: dict[tuple[int | None, str, int], int] = {}
        self.command_syncs: list[tuple[int | None, list[dict[str, Any]]]] = []
        self.everyone_overrides: dict[tuple[int, str], bool] = {}
        self.interactions: dict[int, InteractionRecord] = {}
        self.by_token: dict[str, InteractionRecord] = {}
        self.requests: list[RequestRecord] = []
        self.unretried: list[RequestRecord] = []  # 429s not yet followed by the same request
        self.limiter = RateLimiter(self.rate_rules)
        self.nonces: dict[tuple[int, str], int] = {}
        self.nonce_times: dict[tuple[int, str], float] = {}  # when each nonce was first used (double clock)
        self.dm_channels: dict[int, Channel] = {}
        # Message creates Discord fails in a channel, as a test arranged (channel -> status, code, times left).
        self.message_failures: dict[int, tuple[int, int, int]] = {}
        # Message creates Discord makes and then answers with a 5xx (a proxy's 502 on the way back):
        # channel -> status, times left. Only the nonce keeps a retry from posting it twice.
        self.lost_answers: dict[int, tuple[int, int]] = {}
        # Any route failing as a test arranged ("POST /channels/{channel}/threads" -> what, times left):
        # ``RouteFailure`` says the status (None: the connection closed unanswered, as a timeout
        # through a proxy ends) and whether Discord did the work before failing.
        self.route_failures: dict[str, RouteFailure] = {}
        # Something a test makes happen while a route's next request is with Discord ("POST
        # /channels/{channel}/messages" -> what): another admin's command landing in that moment.
        self.route_hooks: dict[str, RouteHook] = {}
        self.open_polls: set[int] = set()  # ids of messages whose poll has not ended
        self.time_offset = 0.0
        # Sharding: GET /gateway/bot recommends ceil(servers / 1000) unless a test fixes it.
        self.recommended_shards: int | None = None
        self.max_concurrency = DOUBLE_MAX_CONCURRENCY
        self.dispatcher: Callable[[str, dict[str, Any]], None] | None = None
        self.held_kinds: set[str] = set()  # gateway events a test holds back (``hold_events``)
        self.held_events: list[tuple[str, dict[str, Any]]] = []
        self.last_activity = time.monotonic()
        # The wall clock scheduled events are judged against; the driver points it at the bot's clock.
        self.wall_clock: Callable[[], float] = time.time

    # ------------------------------------------------------------------ time and records
    def now(self) -> float:
        """The double's clock for token lifetimes: real time plus what tests advanced."""
        return time.monotonic() + self.time_offset

    def advance(self, seconds: float) -> None:
        self.time_offset += seconds

    def touch(self) -> None:
        self.last_activity = time.monotonic()

    def dispatch(self, event: str, data: dict[str, Any]) -> None:
        if event in self.held_kinds:
            self.held_events.append((event, data))
            return
        if self.dispatcher is not None:
            self.dispatcher(event, data)

    def hold_events(self, *kinds: str) -> None:
        """Gateway events of ``kinds`` ("THREAD_CREATE") are kept back until ``release_events``: Discord's
        event arriving late, after the REST answer the client acts on."""
        self.held_kinds.update(kinds)

    def release_events(self) -> None:
        """Send the events held back, in order, and stop holding."""
        self.held_kinds.clear()
        held, self.held_events = self.held_events, []
        for event, data in held:
            self.dispatch(event, data)

    @property
    def failed_interactions(self) -> list[InteractionRecord]:
        return [i for i in list(self.interactions.values()) if i.failed]

    @property
    def rate_limited(self) -> list[RequestRecord]:
        return [r for r in list(self.requests) if r.status == 429]

    def errors_since(self, index: int) -> list[RequestRecord]:
        return [r for r in self.requests[index:] if 400 <= r.status < 500 and not r.expected]

    # ------------------------------------------------------------------ building the world
    def add_user(self, username: str, *, global_name: str | None = None, dms_open: bool = True) -> User:
        user = User(id=snowflake(), username=username, global_name=global_name, dms_open=dms_open)
        self.users[user.id] = user
        return user

    def create_guild(
        self, name: str, *, owner: User, commands_from: int | None = None, shard: tuple[int, int] | None = None
    ) -> Guild:
        """A server; ``shard=(shard_id, shard_count)`` picks an id Discord would route to that shard."""
        guild_id = snowflake() if shard is None else snowflake_on_shard(*shard)
        guild = Guild(id=guild_id, name=name, owner_id=owner.id, commands_from=commands_from)
        guild.roles[guild.id] = Role(id=guild.id, guild_id=guild.id, name="@everyone", permissions=P.EVERYONE_DEFAULT)
        guild.members[owner.id] = Member(user=owner, guild_id=guild.id)
        self.guilds[guild.id] = guild
        return guild

    def add_role(self, guild: Guild, name: str, permissions: int, **kw: Any) -> Role:
        role = Role(
            id=snowflake(), guild_id=guild.id, name=name, permissions=permissions, position=len(guild.roles), **kw
        )
        guild.roles[role.id] = role
        return role

    def add_member(self, guild: Guild, user: User, roles: list[Role] = ()) -> Member:  # type: ignore[assignment]
        member = Member(user=user, guild_id=guild.id, role_ids=[r.id for r in roles])
        guild.members[user.id] = member
        return member

    def add_channel(
        self, guild: Guild, name: str, type: int = TEXT, *, overwrites: list[Overwrite] | None = None, **kw: Any
    ) -> Channel:
        channel = Channel(
            id=snowflake(), type=type, name=name, guild_id=guild.id, position=len(guild.channels),
            overwrites=list(overwrites or []), **kw,
        )  # fmt: skip
        guild.channels[channel.id] = channel
        self.channels[channel.id] = channel
        self.channel_messages.setdefault(channel.id, [])
        return channel

    def create_club_guild(
        self, name: str = "Reading Club", *, commands_from: int | None = None, shard: tuple[int, int] | None = None
    ) -> ClubLayout:
        """A server shaped like a real club: roles with permissions, channels, a forum, overwrites."""
        owner = self.add_user("owner", global_name="Olive Owner")
        guild = self.create_guild(name, owner=owner, commands_from=commands_from, shard=shard)
        bot_role = self.add_role(guild, "Dogear", P.BOT_INVITE, managed=True, bot_id=self.bot_user.id)
        admin_role = self.add_role(guild, "Admin", P.ADMIN_ROLE)
        moderator_role = self.add_role(guild, "Moderator", P.MODERATOR_ROLE)
        club_role = self.add_role(guild, "Readers", 0, mentionable=True)
        bot_member = self.add_member(guild, self.bot_user, [bot_role])
        admin = self.add_member(guild, self.add_user("ada_admin", global_name="Ada"), [admin_role, club_role])
        moderator = self.add_member(guild, self.add_user("mo_mod", global_name="Mo"), [moderator_role, club_role])
        member = self.add_member(guild, self.add_user("mel_member", global_name="Mel"), [club_role])
        other = self.add_member(guild, self.add_user("ollie_other", global_name="Ollie"), [club_role])
        closed = self.add_member(guild, self.add_user("quinn_quiet", global_name="Quinn", dms_open=False), [club_role])
        general = self.add_channel(guild, "general")
        text = self.add_channel(guild, "reading-room", topic="Chapters are posted here")
        forum = self.add_channel(
            guild, "discussions", FORUM,
            available_tags=[{"id": str(snowflake()), "name": "chapter", "moderated": False, "emoji_id": None, "emoji_name": None}],
        )  # fmt: skip
        locked = self.add_channel(
            guild, "announcements", overwrites=[Overwrite(id=bot_role.id, type=0, deny=P.SEND_MESSAGES | P.CREATE_PUBLIC_THREADS)]
        )  # fmt: skip
        hidden = self.add_channel(guild, "staff-only", overwrites=[Overwrite(id=guild.id, type=0, deny=P.VIEW_CHANNEL)])
        return ClubLayout(
            guild=guild, owner=guild.members[owner.id], admin=admin, moderator=moderator, member=member,
            other_member=other, closed_dm_member=closed, bot_member=bot_member, admin_role=admin_role,
            moderator_role=moderator_role, club_role=club_role, bot_role=bot_role, text_channel=text,
            general_channel=general, forum_channel=forum, locked_channel=locked, hidden_channel=hidden,
        )  # fmt: skip

    def create_plain_guilds(self, count: int, *, channels: int = 20, commands_from: int | None = None) -> list[Guild]:
        """``count`` small servers at once (scale benchmarks): an owner, the bot with its role,
        ``channels`` text channels. Their ids are spread over shards like real servers'."""
        owner = self.add_user("owner", global_name="Olive Owner")
        made = []
        for index in range(count):
            # Ids spread evenly over the millisecond part, so any shard count up to 1,000 divides them evenly.
            spread = (index % 1000, 1000)
            guild = self.create_guild(f"Club {index + 1}", owner=owner, commands_from=commands_from, shard=spread)
            bot_role = self.add_role(guild, "Dogear", P.BOT_INVITE, managed=True, bot_id=self.bot_user.id)
            self.add_member(guild, self.bot_user, [bot_role])
            for number in range(channels):
                self.add_channel(guild, f"channel-{number + 1}")
            made.append(guild)
        return made

    # ------------------------------------------------------------------ sharding
    def shard_count_recommended(self) -> int:
        """What GET /gateway/bot says: about one shard per 1,000 servers, at least one."""
        if self.recommended_shards is not None:
            return self.recommended_shards
        servers = sum(1 for g in self.guilds.values() if g.bot_in_guild)
        return max(1, -(-servers // GUILDS_PER_SHARD))

    def guilds_on_shard(self, shard_id: int, shard_count: int) -> list[Guild]:
        return [g for g in list(self.guilds.values()) if g.bot_in_guild and shard_of(g.id, shard_count) == shard_id]

    def gateway_bot_payload(self) -> dict[str, Any]:
        return {
            "url": self.base_url.replace("http", "ws", 1) + "/gateway",
            "shards": self.shard_count_recommended(),
            "session_start_limit": {
                "total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": self.max_concurrency,
            },
        }  # fmt: skip

    # ------------------------------------------------------------------ gateway payloads
    def guild_payload(self, guild: Guild) -> dict[str, Any]:
        channels = [c for c in guild.live_channels() if not c.is_thread]
        threads = [c for c in guild.live_channels() if c.is_thread and not c.archived]
        return {
            "id": str(guild.id),
            "name": guild.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "owner_id": str(guild.owner_id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 1,
            "default_message_notifications": 1,
            "explicit_content_filter": 2,
            "roles": [r.to_dict() for r in guild.roles.values()],
            "emojis": [],
            "stickers": [],
            "features": [],
            "mfa_level": 0,
            "application_id": None,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "safety_alerts_channel_id": None,
            "max_members": 500000,
            "max_video_channel_users": 25,
            "vanity_url_code": None,
            "description": None,
            "banner": None,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "preferred_locale": "en-US",
            "nsfw_level": 0,
            "premium_progress_bar_enabled": False,
            "joined_at": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(guild.joined_at)),
            "large": False,
            "unavailable": False,
            "member_count": len(guild.members),
            "voice_states": [],
            # Without the members intent, Discord sends only the bot's own member (and voice members).
            "members": [guild.members[self.bot_user.id].to_dict()],
            "channels": [c.to_dict() for c in channels],
            "threads": [c.to_dict() for c in threads],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [e.to_dict() for e in guild.events.values() if not e.deleted],
            "soundboard_sounds": [],
            "incidents_data": None,
        }

    def ready_payload(self, session_id: str, resume_url: str, shard: tuple[int, int] = (0, 1)) -> dict[str, Any]:
        return {
            "v": 10,
            "user": {**self.bot_user.to_dict(), "verified": True, "mfa_enabled": False, "email": None},
            "guilds": [{"id": str(g.id), "unavailable": True} for g in self.guilds_on_shard(*shard)],
            "session_id": session_id,
            "session_type": "normal",
            "resume_gateway_url": resume_url,
            "application": {"id": str(self.app_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "user_settings": {},
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "auth_session_id_hash": "",
            "shard": list(shard),
            "_trace": ["dogear-double"],
        }

    # ------------------------------------------------------------------ lookups and rules
    def guild(self, guild_id: int) -> Guild:
        guild = self.guilds.get(guild_id)
        if guild is None or not guild.bot_in_guild:
            raise not_found("Guild", 10004)
        return guild

    def channel(self, channel_id: int) -> Channel:
        channel = self.channels.get(channel_id)
        if channel is None or channel.deleted:
            raise not_found("Channel", 10003)
        if channel.guild_id is not None and not self.guilds[channel.guild_id].bot_in_guild:
            raise DoubleError(403, 50001, "Missing Access")
        return channel

    def message(self, channel: Channel, message_id: int) -> Message:
        message = self.messages.get(message_id)
        if message is None or message.deleted or message.channel_id != channel.id or message.ephemeral:
            raise not_found("Message", 10008)
        return message

    def perms(self, channel: Channel, user_id: int) -> int:
        if channel.guild_id is None:
            return P.ALL & ~(P.MANAGE_THREADS | P.CREATE_EVENTS | P.MANAGE_EVENTS)
        return P.channel_permissions(self.guilds[channel.guild_id], channel, user_id)

    def require(self, channel: Channel, needed: int, what: str) -> None:
        """403/50013 unless the bot has every bit of ``needed`` in ``channel``."""
        have = self.perms(channel, self.bot_user.id)
        if not have & P.VIEW_CHANNEL and channel.guild_id is not None:
            raise DoubleError(403, 50001, "Missing Access", {"message": "Missing Access", "code": 50001})
        missing = needed & ~have
        if missing:
            raise forbidden(missing, what)

    # ------------------------------------------------------------------ messages

    def fail_message_create(self, channel_id: int) -> None:
        """Raise the failure a test arranged for the next message create in this channel, if any."""
        status, code, times = self.message_failures.get(channel_id, (0, 0, 0))
        if times <= 0:
            return
        self.message_failures[channel_id] = (status, code, times - 1)
        text = "Internal Server Error" if status >= 500 else "Invalid Form Body"
        raise DoubleError(status, code, text)

    def route_hook(self, route: str) -> RouteHook | None:
        """What a test arranged to happen during the next request of ``route``, if anything (once)."""
        return self.route_hooks.pop(route, None)

    def route_failure(self, route: str) -> RouteFailure | None:
        """The failure a test arranged for the next request of ``route`` ("METHOD /template"), if any."""
        failure = self.route_failures.get(route)
        if failure is None or failure.times <= 0:
            return None
        failure.times -= 1
        return failure

    def lose_message_answer(self, channel_id: int) -> None:
        """After a message was made: the 5xx a test arranged instead of the answer, if any."""
        status, times = self.lost_answers.get(channel_id, (0, 0))
        if times <= 0:
            return
        self.lost_answers[channel_id] = (status, times - 1)
        raise DoubleError(status, 0, "Bad Gateway" if status == 502 else "Internal Server Error")

    def store_attachment(
        self, channel_id: int, filename: str, data: bytes, content_type: str | None = None
    ) -> Attachment:
        attachment_id = snowflake()
        url = f"{self.base_url}/attachments/{channel_id}/{attachment_id}/{filename}"
        attachment = Attachment(id=attachment_id, filename=filename, data=data, url=url, content_type=content_type)
        self.attachments[attachment_id] = attachment
        return attachment

    def create_message(
        self,
        channel: Channel,
        author: User,
        payload: dict[str, Any],
        files: list[tuple[str, bytes, str | None]],
        *,
        interaction: InteractionRecord | None = None,
        flags: int | None = None,
    ) -> Message:
        message = Message(
            id=snowflake(),
            channel_id=channel.id,
            guild_id=channel.guild_id,
            author=author,
            content=payload.get("content") or "",
            embeds=list(payload.get("embeds") or []),
            components=list(payload.get("components") or []),
            flags=int(payload.get("flags") or 0) if flags is None else flags,
            nonce=payload.get("nonce"),
        )
        if payload.get("poll"):
            message.poll = self.new_poll(payload["poll"])
            self.open_polls.add(message.id)
        message.attachments = [self.store_attachment(channel.id, name, data, ctype) for name, data, ctype in files]
        if interaction is not None:
            message.webhook_id = self.app_id
            message.application_id = self.app_id
            message.interaction_id = interaction.id
            message.interaction_user = interaction.user
            message.interaction_type = interaction.type
        message.pinged_everyone, message.pinged_users, message.pinged_roles = pings(
            message.content, payload.get("allowed_mentions")
        )
        self.messages[message.id] = message
        self.channel_messages.setdefault(channel.id, []).append(message.id)
        if not message.ephemeral:
            channel.last_message_id = message.id
            if channel.is_thread:
                channel.message_count += 1
            self.dispatch("MESSAGE_CREATE", self.message_event(message))
        return message

    def message_event(self, message: Message) -> dict[str, Any]:
        data = message.to_dict()
        if message.guild_id and message.author.id in self.guilds[message.guild_id].members:
            member = self.guilds[message.guild_id].members[message.author.id].to_dict()
            member.pop("user", None)
            data["member"] = member
        return data

    def edit_message(
        self, message: Message, payload: dict[str, Any], files: list[tuple[str, bytes, str | None]]
    ) -> None:
        message.history.append({"content": message.content, "embeds": message.embeds, "components": message.components})
        if "content" in payload:
            message.content = payload["content"] or ""
        if "embeds" in payload:
            message.embeds = list(payload["embeds"] or [])
        if "components" in payload:
            message.components = list(payload["components"] or [])
        if "flags" in payload and payload["flags"] is not None:
            message.flags = (message.flags & (64 | 128)) | int(payload["flags"])
        if "attachments" in payload:
            keep = {
                int(a["id"])
                for a in payload["attachments"] or []
                if str(a.get("id", "")).isdigit() and int(a["id"]) > 1000
            }
            message.attachments = [a for a in message.attachments if a.id in keep]
        message.attachments += [self.store_attachment(message.channel_id, n, d, c) for n, d, c in files]
        message.flags &= ~128  # an edit ends the "thinking" state
        message.edited_at = time.time()
        message.pinged_everyone, message.pinged_users, message.pinged_roles = pings(
            message.content, payload.get("allowed_mentions")
        )
        if not message.ephemeral:
            self.dispatch("MESSAGE_UPDATE", self.message_event(message))

    def delete_message(self, message: Message) -> None:
        message.deleted = True
        if not message.ephemeral:
            data = {"id": str(message.id), "channel_id": str(message.channel_id)}
            if message.guild_id:
                data["guild_id"] = str(message.guild_id)
            self.dispatch("MESSAGE_DELETE", data)

    def channel_history(self, channel_id: int) -> list[Message]:
        return [
            self.messages[m]
            for m in list(self.channel_messages.get(channel_id, []))
            if not self.messages[m].deleted and not self.messages[m].ephemeral
        ]

    # ------------------------------------------------------------------ polls
    def new_poll(self, data: dict[str, Any]) -> Poll:
        """A poll as Discord stores it from a (validated) create payload: answers numbered from 1."""
        answers = [
            {"answer_id": index, "poll_media": dict(answer.get("poll_media") or {})}
            for index, answer in enumerate(data.get("answers") or [], start=1)
        ]
        return Poll(
            question=str((data.get("question") or {}).get("text", "")),
            answers=answers,
            expiry=self.wall_clock() + float(data.get("duration", 24)) * 3600,
            allow_multiselect=bool(data.get("allow_multiselect", False)),
            layout_type=int(data.get("layout_type") or 1),
        )

    def vote(self, message: Message, user: User, answer_ids: list[int]) -> None:
        """A member's vote, replacing their earlier one; MESSAGE_POLL_VOTE_REMOVE/ADD as Discord sends them."""
        poll = message.poll
        if poll is None:
            raise DoubleError(400, 50035, "this message has no poll")
        self.expire_due_polls()
        if poll.finalized:
            raise DoubleError(400, 520001, "This poll has ended")
        unknown = [a for a in answer_ids if a not in poll.answer_ids()]
        if unknown or (len(answer_ids) > 1 and not poll.allow_multiselect) or len(set(answer_ids)) != len(answer_ids):
            raise DoubleError(400, 50035, f"invalid answers {answer_ids} for this poll")
        for answer_id in poll.chosen_by(user.id):
            poll.votes[answer_id].discard(user.id)
            self.dispatch("MESSAGE_POLL_VOTE_REMOVE", self._vote_event(message, user, answer_id))
        for answer_id in answer_ids:
            poll.votes.setdefault(answer_id, set()).add(user.id)
            self.dispatch("MESSAGE_POLL_VOTE_ADD", self._vote_event(message, user, answer_id))

    @staticmethod
    def _vote_event(message: Message, user: User, answer_id: int) -> dict[str, Any]:
        data = {
            "user_id": str(user.id),
            "channel_id": str(message.channel_id),
            "message_id": str(message.id),
            "answer_id": answer_id,
        }
        if message.guild_id:
            data["guild_id"] = str(message.guild_id)
        return data

    def finalize_poll(self, message: Message, *, send_update: bool = True) -> bool:
        """The poll ends: its message is updated with final counts and a POLL_RESULT message refers to it.

        False if it had already ended. ``send_update=False`` leaves out the MESSAGE_UPDATE (a client
        that missed it still gets the result message).
        """
        poll = message.poll
        if poll is None or poll.finalized:
            return False
        poll.finalized = True
        poll.expiry = min(poll.expiry, self.wall_clock())
        self.open_polls.discard(message.id)
        if send_update and not message.deleted:
            self.dispatch("MESSAGE_UPDATE", self.message_event(message))
        channel = self.channels.get(message.channel_id)
        if channel is None or channel.deleted or message.deleted:
            return True
        leaders = poll.leaders()
        fields = [
            {"name": "poll_question_text", "value": poll.question, "inline": False},
            {"name": "victor_answer_votes", "value": str(poll.count(leaders[0]) if leaders else 0), "inline": False},
            {"name": "total_votes", "value": str(sum(len(users) for users in poll.votes.values())), "inline": False},
        ]
        if len(leaders) == 1:  # Discord names a victor only when one answer leads
            fields += [
                {"name": "victor_answer_id", "value": str(leaders[0]), "inline": False},
                {"name": "victor_answer_text", "value": poll.text_of(leaders[0]), "inline": False},
            ]
        result = Message(
            id=snowflake(), channel_id=channel.id, guild_id=channel.guild_id, author=message.author,
            embeds=[{"type": "poll_result", "fields": fields}], type=POLL_RESULT,
            message_reference={
                "type": 0, "message_id": str(message.id), "channel_id": str(channel.id),
                **({"guild_id": str(channel.guild_id)} if channel.guild_id else {}),
            },
        )  # fmt: skip
        self.messages[result.id] = result
        self.channel_messages.setdefault(channel.id, []).append(result.id)
        channel.last_message_id = result.id
        self.dispatch("MESSAGE_CREATE", self.message_event(result))
        return True

    def expire_due_polls(self) -> int:
        """End every poll whose time has run out on the wall clock, as Discord does shortly after expiry."""
        now = self.wall_clock()
        polls = [self.messages[message_id] for message_id in sorted(self.open_polls)]
        due = [m for m in polls if m.poll and not m.poll.finalized and m.poll.expiry <= now]
        return sum(self.finalize_poll(message) for message in due)

    # ------------------------------------------------------------------ threads, channels, guilds
    def create_thread(
        self, parent: Channel, name: str, type: int, owner: User, *, auto_archive: int = 1440, invitable: bool = True
    ) -> Channel:
        assert parent.guild_id is not None
        guild = self.guilds[parent.guild_id]
        thread = Channel(
            id=snowflake(), type=type, name=name, guild_id=guild.id, parent_id=parent.id, owner_id=owner.id,
            auto_archive_duration=auto_archive, invitable=invitable, member_ids={owner.id},
        )  # fmt: skip
        guild.channels[thread.id] = thread
        self.channels[thread.id] = thread
        self.channel_messages.setdefault(thread.id, [])
        data = thread.to_dict()
        data["newly_created"] = True
        self.dispatch("THREAD_CREATE", data)
        return thread

    def delete_channel(self, channel: Channel) -> None:
        channel.deleted = True
        assert channel.guild_id is not None
        data = channel.to_dict()
        self.dispatch("THREAD_DELETE" if channel.is_thread else "CHANNEL_DELETE", data)
        if not channel.is_thread:
            for thread in list(self.guilds[channel.guild_id].channels.values()):
                if thread.is_thread and thread.parent_id == channel.id and not thread.deleted:
                    thread.deleted = True

    def delete_role(self, guild: Guild, role: Role) -> None:
        """An admin deletes a role: members lose it, and the bot is told (GUILD_ROLE_DELETE)."""
        del guild.roles[role.id]
        for member in guild.members.values():
            member.role_ids = [r for r in member.role_ids if r != role.id]
        self.dispatch("GUILD_ROLE_DELETE", {"guild_id": str(guild.id), "role_id": str(role.id)})

    def remove_bot_from_guild(self, guild: Guild) -> None:
        guild.bot_in_guild = False
        self.dispatch("GUILD_DELETE", {"id": str(guild.id)})

    def add_bot_to_guild(self, guild: Guild) -> None:
        guild.bot_in_guild = True
        guild.joined_at = time.time()
        self.dispatch("GUILD_CREATE", self.guild_payload(guild))

    # ------------------------------------------------------------------ DMs
    def open_dm(self, user: User) -> Channel:
        channel = self.dm_channels.get(user.id)
        if channel is None:
            channel = Channel(id=snowflake(), type=DM, name="", recipient=user)
            self.dm_channels[user.id] = channel
            self.channels[channel.id] = channel
            self.channel_messages.setdefault(channel.id, [])
        return channel

    def dms_to(self, user: User) -> list[Message]:
        channel = self.dm_channels.get(user.id)
        return [] if channel is None else self.channel_history(channel.id)

    # ------------------------------------------------------------------ scheduled events
    def event_payload(self, event: ScheduledEvent) -> dict[str, Any]:
        return event.to_dict(self.users.get(event.creator_id))

    # ------------------------------------------------------------------ commands
    def visible_commands(self, guild_id: int | None) -> list[dict[str, Any]]:
        """Commands a member sees in a guild: its own guild commands (or its stand-in's), then global ones."""
        seen: dict[str, dict[str, Any]] = {}
        scopes: list[int | None] = []
        if guild_id is not None:
            guild = self.guilds.get(guild_id)
            scopes.append(guild_id)
            if guild is not None and guild.commands_from is not None:
                scopes.append(guild.commands_from)
        scopes.append(None)
        for scope in scopes:
            for command in self.commands.get(scope, []):
                if command.get("type", 1) == 1:
                    seen.setdefault(command["name"], command)
        return list(seen.values())

    def command_permission_override(self, guild_id: int, name: str) -> bool:
        return self.everyone_overrides.get((guild_id, name), False)

    # ------------------------------------------------------------------ interactions
    def new_interaction(
        self,
        *,
        type: int,
        guild: Guild | None,
        channel: Channel,
        user: User,
        data: dict[str, Any],
        message: Message | None = None,
    ) -> InteractionRecord:
        interaction_id = snowflake()
        token = "aW50ZXJhY3Rpb24" + secrets.token_urlsafe(48)
        payload: dict[str, Any] = {
            "id": str(interaction_id),
            "application_id": str(self.app_id),
            "type": type,
            "data": data,
            "token": token,
            "version": 1,
            "locale": "en-US",
            "entitlements": [],
            "entitlement_sku_ids": [],
            "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
            "channel_id": str(channel.id),
            "channel": channel.to_dict(),
        }
        if guild is not None:
            member = guild.members[user.id]
            payload.update(
                guild_id=str(guild.id),
                guild_locale="en-US",
                guild={"id": str(guild.id), "locale": "en-US", "features": []},
                member=member.to_dict(permissions=self.perms(channel, user.id)),
                app_permissions=str(self.perms(channel, self.bot_user.id)),
                authorizing_integration_owners={"0": str(guild.id)},
                context=0,
            )
        else:
            payload.update(
                user=user.to_dict(),
                app_permissions=str(self.perms(channel, self.bot_user.id)),
                authorizing_integration_owners={"0": "0"},
                context=1,
            )
        if message is not None:
            payload["message"] = message.to_dict()
        record = InteractionRecord(
            id=interaction_id, token=token, type=type, guild_id=guild.id if guild else None, channel_id=channel.id,
            user=user, data=data, payload=payload, component_message_id=message.id if message else None,
            issued_at=self.now(),
        )  # fmt: skip
        self.interactions[interaction_id] = record
        self.by_token[token] = record
        return record

    def check_deadline(self, record: InteractionRecord) -> None:
        if record.response_type is None and record.failed is None:
            record.failed = f"not answered within {self.interaction_deadline:g} s"

    def nonce_message(self, channel_id: int, author_id: int, nonce: str) -> Message | None:
        """What Discord returns for a repeated ``enforce_nonce`` nonce: the same author's message with that
        nonce from the past few minutes (not deleted), instead of creating a second one."""
        key = (channel_id, nonce)
        existing = self.messages.get(self.nonces.get(key, 0))
        if existing is None or existing.deleted or existing.author.id != author_id:
            return None
        if self.now() - self.nonce_times.get(key, self.now()) > NONCE_WINDOW:
            return None
        return existing

    def remember_nonce(self, message: Message) -> None:
        if message.nonce is not None:
            key = (message.channel_id, str(message.nonce))
            self.nonces[key] = message.id
            self.nonce_times[key] = self.now()

    def token_record(self, token: str) -> InteractionRecord:
        record = self.by_token.get(token)
        if record is None:
            raise DoubleError(404, 10015, "Unknown Webhook")
        if self.now() - record.issued_at > self.token_lifetime:
            raise DoubleError(401, 50027, "Invalid Webhook Token")
        return record


# Thread types discord.py asks for when it starts a thread without a message.
THREAD_TYPE_NAMES = {PUBLIC_THREAD: "public thread", PRIVATE_THREAD: "private thread"}
