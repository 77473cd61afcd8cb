"""What the double knows: users, guilds, channels, messages, events, interactions, requests.

Each model renders itself as the JSON object Discord would send (``to_dict``), so the
payloads discord.py parses are built in one place.
"""

from __future__ import annotations

import itertools
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

DISCORD_EPOCH_MS = 1420070400000
_counter = itertools.count()
_lock = threading.Lock()


def snowflake() -> int:
    """A real-looking snowflake: creation time in the top bits, so ``created_at`` is plausible."""
    with _lock:
        increment = next(_counter) & 0xFFF
        return ((int(time.time() * 1000) - DISCORD_EPOCH_MS) << 22) | (1 << 17) | increment


def iso(ts: float | None) -> str | None:
    return None if ts is None else datetime.fromtimestamp(ts, UTC).isoformat()


@dataclass
class User:
    id: int
    username: str
    global_name: str | None = None
    bot: bool = False
    dms_open: bool = True

    @property
    def display(self) -> str:
        return self.global_name or self.username

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": str(self.id),
            "username": self.username,
            "global_name": self.global_name,
            "discriminator": "0",
            "avatar": None,
            "public_flags": 0,
            "flags": 0,
            "banner": None,
            "accent_color": None,
            "avatar_decoration_data": None,
        }
        if self.bot:
            data["bot"] = True
        return data

    def mention(self) -> str:
        return f"<@{self.id}>"


@dataclass
class Role:
    id: int
    guild_id: int
    name: str
    permissions: int
    position: int = 0
    managed: bool = False
    mentionable: bool = False
    bot_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": str(self.id),
            "name": self.name,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "icon": None,
            "unicode_emoji": None,
            "position": self.position,
            "permissions": str(self.permissions),
            "managed": self.managed,
            "mentionable": self.mentionable,
            "flags": 0,
        }
        if self.bot_id:
            data["tags"] = {"bot_id": str(self.bot_id)}
        return data

    def mention(self) -> str:
        return f"<@&{self.id}>"


@dataclass
class Member:
    user: User
    guild_id: int
    role_ids: list[int] = field(default_factory=list)
    joined_at: float = field(default_factory=time.time)
    nick: str | None = None

    @property
    def id(self) -> int:
        return self.user.id

    def to_dict(self, *, permissions: int | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "user": self.user.to_dict(),
            "nick": self.nick,
            "avatar": None,
            "banner": None,
            "roles": [str(r) for r in self.role_ids],
            "joined_at": iso(self.joined_at),
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "communication_disabled_until": None,
        }
        if permissions is not None:
            data["permissions"] = str(permissions)
        return data

    def mention(self) -> str:
        return f"<@{self.user.id}>"


@dataclass
class Overwrite:
    id: int
    type: int  # 0 role, 1 member
    allow: int = 0
    deny: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"id": str(self.id), "type": self.type, "allow": str(self.allow), "deny": str(self.deny)}


TEXT, DM, VOICE, CATEGORY, NEWS = 0, 1, 2, 4, 5
PUBLIC_THREAD, PRIVATE_THREAD, FORUM = 11, 12, 15
THREAD_TYPES = frozenset({10, PUBLIC_THREAD, PRIVATE_THREAD})


@dataclass
class Channel:
    id: int
    type: int
    name: str
    guild_id: int | None = None
    position: int = 0
    parent_id: int | None = None
    overwrites: list[Overwrite] = field(default_factory=list)
    topic: str | None = None
    last_message_id: int | None = None
    # Threads
    owner_id: int | None = None
    archived: bool = False
    locked: bool = False
    invitable: bool = True
    auto_archive_duration: int = 1440
    created_at: float = field(default_factory=time.time)
    member_ids: set[int] = field(default_factory=set)
    message_count: int = 0
    applied_tags: list[int] = field(default_factory=list)
    # Forums
    available_tags: list[dict[str, Any]] = field(default_factory=list)
    # DMs
    recipient: User | None = None
    deleted: bool = False

    @property
    def is_thread(self) -> bool:
        return self.type in THREAD_TYPES

    def mention(self) -> str:
        return f"<#{self.id}>"

    def to_dict(self) -> dict[str, Any]:
        if self.type == DM:
            assert self.recipient is not None
            return {
                "id": str(self.id),
                "type": DM,
                "last_message_id": str(self.last_message_id) if self.last_message_id else None,
                "recipients": [self.recipient.to_dict()],
                "flags": 0,
            }
        data: dict[str, Any] = {
            "id": str(self.id),
            "type": self.type,
            "guild_id": str(self.guild_id),
            "name": self.name,
            "parent_id": str(self.parent_id) if self.parent_id else None,
            "last_message_id": str(self.last_message_id) if self.last_message_id else None,
            "rate_limit_per_user": 0,
            "flags": 0,
            "nsfw": False,
        }
        if self.is_thread:
            data.update(
                owner_id=str(self.owner_id) if self.owner_id else None,
                message_count=self.message_count,
                total_message_sent=self.message_count,
                member_count=len(self.member_ids),
                applied_tags=[str(t) for t in self.applied_tags],
                thread_metadata={
                    "archived": self.archived,
                    "auto_archive_duration": self.auto_archive_duration,
                    "archive_timestamp": iso(self.created_at),
                    "locked": self.locked,
                    "invitable": self.invitable,
                    "create_timestamp": iso(self.created_at),
                },
            )
            return data
        data.update(
            position=self.position,
            permission_overwrites=[ow.to_dict() for ow in self.overwrites],
            topic=self.topic,
        )
        if self.type == FORUM:
            data.update(
                available_tags=self.available_tags,
                default_reaction_emoji=None,
                default_sort_order=None,
                default_forum_layout=0,
                default_thread_rate_limit_per_user=0,
                default_auto_archive_duration=1440,
            )
        else:
            data["default_auto_archive_duration"] = 1440
        return data


@dataclass
class Attachment:
    id: int
    filename: str
    data: bytes
    url: str
    content_type: str | None = None
    description: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": str(self.id),
            "filename": self.filename,
            "size": len(self.data),
            "url": self.url,
            "proxy_url": self.url,
        }
        if self.content_type:
            out["content_type"] = self.content_type
        if self.description:
            out["description"] = self.description
        return out


POLL_RESULT = 46  # the message Discord posts when a poll ends


@dataclass
class Poll:
    """A native poll on a message: answers numbered from 1, votes per answer, finalized when it ends."""

    question: str
    answers: list[dict[str, Any]]  # {"answer_id": n, "poll_media": {"text": ...}}
    expiry: float  # on the double's wall clock (the bot's clock in tests)
    allow_multiselect: bool = False
    layout_type: int = 1
    votes: dict[int, set[int]] = field(default_factory=dict)  # answer id -> user ids
    finalized: bool = False

    def answer_ids(self) -> list[int]:
        return [int(a["answer_id"]) for a in self.answers]

    def text_of(self, answer_id: int) -> str:
        return next(str(a["poll_media"].get("text", "")) for a in self.answers if a["answer_id"] == answer_id)

    def count(self, answer_id: int) -> int:
        return len(self.votes.get(answer_id, set()))

    def chosen_by(self, user_id: int) -> list[int]:
        return [answer_id for answer_id, users in self.votes.items() if user_id in users]

    def leaders(self) -> list[int]:
        """The answers with the most votes (none when nobody voted)."""
        best = max((self.count(a) for a in self.answer_ids()), default=0)
        return [a for a in self.answer_ids() if best and self.count(a) == best]

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": {"text": self.question},
            "answers": self.answers,
            "expiry": iso(self.expiry),
            "allow_multiselect": self.allow_multiselect,
            "layout_type": self.layout_type,
            "results": {
                "is_finalized": self.finalized,
                # The bot never votes in its own polls, so ``me_voted`` is always false for it.
                "answer_counts": [
                    {"id": a, "count": self.count(a), "me_voted": False} for a in self.answer_ids() if self.count(a)
                ],
            },
        }


@dataclass
class Message:
    id: int
    channel_id: int
    guild_id: int | None
    author: User
    content: str = ""
    embeds: list[dict[str, Any]] = field(default_factory=list)
    components: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    flags: int = 0
    nonce: str | int | None = None
    created_at: float = field(default_factory=time.time)
    edited_at: float | None = None
    webhook_id: int | None = None
    application_id: int | None = None
    interaction_id: int | None = None
    interaction_user: User | None = None
    interaction_type: int | None = None
    thread_id: int | None = None
    deleted: bool = False
    # What the message would ping on Discord, given its allowed_mentions.
    pinged_everyone: bool = False
    pinged_users: set[int] = field(default_factory=set)
    pinged_roles: set[int] = field(default_factory=set)
    history: list[dict[str, Any]] = field(default_factory=list)
    poll: Poll | None = None
    type: int = 0  # 20 for interaction answers (computed), 46 for a poll's result
    message_reference: dict[str, Any] | None = None

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & 64)

    @property
    def loading(self) -> bool:
        return bool(self.flags & 128)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": str(self.id),
            "channel_id": str(self.channel_id),
            "author": self.author.to_dict(),
            "content": self.content,
            "timestamp": iso(self.created_at),
            "edited_timestamp": iso(self.edited_at),
            "tts": False,
            "mention_everyone": self.pinged_everyone,
            "mentions": [],
            "mention_roles": [str(r) for r in self.pinged_roles],
            "attachments": [a.to_dict() for a in self.attachments],
            "embeds": self.embeds,
            "pinned": False,
            "type": 20 if self.interaction_id else self.type,
            "flags": self.flags,
            "components": self.components,
        }
        if self.guild_id:
            data["guild_id"] = str(self.guild_id)
        if self.nonce is not None:
            data["nonce"] = self.nonce
        if self.webhook_id:
            data["webhook_id"] = str(self.webhook_id)
        if self.application_id:
            data["application_id"] = str(self.application_id)
        if self.interaction_id and self.interaction_user:
            data["interaction_metadata"] = {
                "id": str(self.interaction_id),
                "type": self.interaction_type or 2,
                "user": self.interaction_user.to_dict(),
                "authorizing_integration_owners": {"0": str(self.guild_id)} if self.guild_id else {},
            }
        if self.thread_id:
            data["thread"] = {"id": str(self.thread_id)}
        if self.poll is not None:
            data["poll"] = self.poll.to_dict()
        if self.message_reference is not None:
            data["message_reference"] = self.message_reference
        return data


@dataclass
class ScheduledEvent:
    id: int
    guild_id: int
    creator_id: int
    name: str
    start: str
    end: str | None
    entity_type: int
    channel_id: int | None = None
    description: str | None = None
    location: str | None = None
    status: int = 1
    privacy_level: int = 2
    deleted: bool = False

    def to_dict(self, creator: User | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": str(self.id),
            "guild_id": str(self.guild_id),
            "channel_id": str(self.channel_id) if self.channel_id else None,
            "creator_id": str(self.creator_id),
            "name": self.name,
            "description": self.description,
            "scheduled_start_time": self.start,
            "scheduled_end_time": self.end,
            "privacy_level": self.privacy_level,
            "status": self.status,
            "entity_type": self.entity_type,
            "entity_id": None,
            "entity_metadata": {"location": self.location} if self.location else None,
            "user_count": 0,
            "image": None,
            "recurrence_rule": None,
        }
        if creator is not None:
            data["creator"] = creator.to_dict()
        return data


@dataclass
class Guild:
    id: int
    name: str
    owner_id: int
    roles: dict[int, Role] = field(default_factory=dict)
    members: dict[int, Member] = field(default_factory=dict)
    channels: dict[int, Channel] = field(default_factory=dict)
    events: dict[int, ScheduledEvent] = field(default_factory=dict)
    joined_at: float = field(default_factory=time.time)
    bot_in_guild: bool = True
    # In an outage (Discord's side): listed in READY, but its GUILD_CREATE says only "unavailable".
    outage: bool = False
    # Guild whose synced commands members here see (see DoubleState.create_guild).
    commands_from: int | None = None

    def live_channels(self) -> list[Channel]:
        # list() copies atomically under the GIL: tests read this from another thread than the bot's.
        return [c for c in list(self.channels.values()) if not c.deleted]


@dataclass
class RequestRecord:
    """One REST request the bot made, and what the double answered."""

    method: str
    path: str
    query: dict[str, str]
    body: Any
    status: int = 0
    code: int | None = None
    error: str | None = None
    at: float = field(default_factory=time.monotonic)
    expected: bool = False  # a test said this error was what it wanted
    retried: bool = False  # for 429s: the same request came again afterwards
    route: str = ""

    def __str__(self) -> str:
        code = f" code {self.code}" if self.code else ""
        why = f": {self.error}" if self.error else ""
        return f"{self.method} {self.path} -> {self.status}{code}{why}"


@dataclass
class InteractionRecord:
    """An interaction the double dispatched, and how the bot answered it."""

    id: int
    token: str
    type: int
    guild_id: int | None
    channel_id: int
    user: User
    data: dict[str, Any]
    payload: dict[str, Any]
    created: float = field(default_factory=time.monotonic)
    created_wall: float = field(default_factory=time.time)
    response_type: int | None = None
    responded_at: float | None = None
    original_message_id: int | None = None
    component_message_id: int | None = None
    message_ids: list[int] = field(default_factory=list)
    choices: list[dict[str, Any]] | None = None
    modal: dict[str, Any] | None = None
    failed: str | None = None
    last_activity: float = field(default_factory=time.monotonic)
    followup_count: int = 0
    issued_at: float = 0.0  # on the double's clock (DoubleState.now), for the 15-minute token lifetime

    @property
    def answered(self) -> bool:
        return self.response_type is not None

    @property
    def deferred(self) -> bool:
        return self.response_type in (5, 6)

    def describe(self) -> str:
        name = self.data.get("name") or self.data.get("custom_id") or "?"
        return f"interaction {self.id} ({name}, type {self.type})"
