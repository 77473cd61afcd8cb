"""REST routes of the double under ``/api/v10``: what discord.py calls, answered the way Discord does.

Every request is recorded (``DoubleState.requests``). Errors carry Discord's status, code and body,
and an unknown route is a recorded 404 naming the route, so a bot using something the double
does not model fails loudly instead of passing silently.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from aiohttp import web

from bot.devtools.double import permissions as P
from bot.devtools.double.limits import (
    ARCHIVE_DURATIONS,
    CHOICES_MAX,
    EVENT_DESCRIPTION_MAX,
    EVENT_NAME_MAX,
    EVENTS_PER_GUILD_MAX,
    THREAD_NAME_MAX,
    FormErrors,
    check_message,
    check_modal,
    is_empty,
)
from bot.devtools.double.models import (
    DM,
    FORUM,
    PRIVATE_THREAD,
    PUBLIC_THREAD,
    Channel,
    InteractionRecord,
    Message,
    RequestRecord,
    ScheduledEvent,
    snowflake,
)
from bot.devtools.double.state import DoubleError, DoubleState, forbidden, not_found

API_PREFIX = "/api/v10"
Files = list[tuple[str, bytes, str | None]]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
PAYLOAD = web.RequestKey("payload", object)
FILES = web.RequestKey("files", list)


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """JSON with ``Content-Type: application/json`` exactly: discord.py compares the header verbatim."""
    out = {"Content-Type": "application/json"}
    out.update(headers or {})
    return web.Response(body=json.dumps(data).encode(), status=status, headers=out)


def empty(headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(status=204, headers=headers or {})


def parse_time(value: str | None) -> float | None:
    if not value:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


# Discord's one way for a scheduled event: scheduled (1) -> active (2) -> completed (3), or
# scheduled -> canceled (4); a completed or canceled event cannot be changed at all.
EVENT_STEPS = frozenset({(1, 2), (2, 3), (1, 4)})
FINISHED_EVENT = frozenset({3, 4})


class RestApi:
    def __init__(self, state: DoubleState) -> None:
        self.state = state

    # ------------------------------------------------------------------ plumbing
    def install(self, app: web.Application) -> None:
        add = app.router.add_route
        p = API_PREFIX
        add("GET", p + "/users/@me", self.get_me)
        add("GET", p + "/oauth2/applications/@me", self.get_application)
        add("GET", p + "/applications/@me", self.get_application)
        add("GET", p + "/gateway", self.get_gateway)
        add("GET", p + "/gateway/bot", self.get_gateway)
        add("PUT", p + "/applications/{app}/commands", self.put_commands)
        add("GET", p + "/applications/{app}/commands", self.get_commands)
        add("PUT", p + "/applications/{app}/guilds/{guild}/commands", self.put_commands)
        add("GET", p + "/applications/{app}/guilds/{guild}/commands", self.get_commands)
        add("POST", p + "/interactions/{id}/{token}/callback", self.interaction_callback)
        add("POST", p + "/webhooks/{app}/{token}", self.followup)
        add("GET", p + "/webhooks/{app}/{token}/messages/{message}", self.get_webhook_message)
        add("PATCH", p + "/webhooks/{app}/{token}/messages/{message}", self.edit_webhook_message)
        add("DELETE", p + "/webhooks/{app}/{token}/messages/{message}", self.delete_webhook_message)
        add("GET", p + "/channels/{channel}", self.get_channel)
        add("PATCH", p + "/channels/{channel}", self.edit_channel)
        add("DELETE", p + "/channels/{channel}", self.delete_channel)
        add("GET", p + "/channels/{channel}/messages", self.history)
        add("POST", p + "/channels/{channel}/messages", self.create_message)
        add("GET", p + "/channels/{channel}/messages/{message}", self.get_message)
        add("PATCH", p + "/channels/{channel}/messages/{message}", self.edit_message)
        add("DELETE", p + "/channels/{channel}/messages/{message}", self.delete_message)
        add("POST", p + "/channels/{channel}/messages/{message}/threads", self.thread_from_message)
        add("POST", p + "/channels/{channel}/polls/{message}/expire", self.expire_poll)
        add("GET", p + "/channels/{channel}/polls/{message}/answers/{answer}", self.poll_voters)
        add("POST", p + "/channels/{channel}/threads", self.thread_without_message)
        add("GET", p + "/channels/{channel}/thread-members/{user}", self.get_thread_member)
        add("PUT", p + "/channels/{channel}/thread-members/{user}", self.add_thread_member)
        add("DELETE", p + "/channels/{channel}/thread-members/{user}", self.remove_thread_member)
        add("GET", p + "/guilds/{guild}", self.get_guild)
        add("GET", p + "/guilds/{guild}/channels", self.get_guild_channels)
        add("GET", p + "/guilds/{guild}/threads/active", self.active_threads)
        add("GET", p + "/guilds/{guild}/roles", self.get_roles)
        add("GET", p + "/guilds/{guild}/members", self.list_members)
        add("GET", p + "/guilds/{guild}/members/{user}", self.get_member)
        add("GET", p + "/guilds/{guild}/scheduled-events", self.list_events)
        add("POST", p + "/guilds/{guild}/scheduled-events", self.create_event)
        add("GET", p + "/guilds/{guild}/scheduled-events/{event}", self.get_event)
        add("PATCH", p + "/guilds/{guild}/scheduled-events/{event}", self.edit_event)
        add("DELETE", p + "/guilds/{guild}/scheduled-events/{event}", self.delete_event)
        add("DELETE", p + "/users/@me/guilds/{guild}", self.leave_guild)
        add("POST", p + "/users/@me/channels", self.open_dm)
        add("GET", p + "/users/{user}", self.get_user)
        add("GET", "/attachments/{channel}/{attachment}/{filename}", self.cdn)
        add("*", p + "/{tail:.*}", self.unknown_route)

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        state = self.state
        state.touch()
        if not request.path.startswith(API_PREFIX):
            return await handler(request)
        payload, files = await self._read_body(request)
        request[PAYLOAD], request[FILES] = payload, files
        resource = request.match_info.route.resource
        record = RequestRecord(
            method=request.method,
            path=request.path[len(API_PREFIX) :],
            query=dict(request.query),
            body=payload,
            route=resource.canonical[len(API_PREFIX) :] if resource is not None else "",
        )
        state.requests.append(record)
        failure = None
        try:
            self._authorize(request, record)
            self._global_limit(record)
            failure = state.route_failure(f"{record.method} {record.route}")
            if failure is not None and not failure.after:
                return self._fail(request, record, failure.status)
            hook = state.route_hook(f"{record.method} {record.route}")
            if hook is not None and not hook.after:
                await hook.action()
            response = await handler(request)
            if hook is not None and hook.after:
                await hook.action()
            if failure is not None:
                return self._fail(request, record, failure.status)
        except DoubleError as error:
            response = json_response(error.body, status=error.status)
            record.code = error.code
            record.error = str(error)
        except RateLimitedError as limited:
            response = json_response(limited.body, status=429, headers=limited.headers)
            record.error = f"rate limited for {limited.body['retry_after']} s"
        record.status = response.status
        self._mark_retry(record)
        state.touch()
        return response

    def _mark_retry(self, record: RequestRecord) -> None:
        """A request repeating 429'd ones (same method, path and body) means the client retried them."""
        pending = self.state.unretried
        for earlier in [r for r in pending if r.path == record.path and r.method == record.method]:
            if earlier.body == record.body:
                earlier.retried = True
                pending.remove(earlier)
        if record.status == 429:
            pending.append(record)

    def _fail(self, request: web.Request, record: RequestRecord, status: int | None) -> web.StreamResponse:
        """The answer of a failure a test arranged: a 5xx, or (None) the connection closed unanswered."""
        self.state.touch()
        if status is None:
            record.status, record.error = 0, "connection closed without an answer"
            if request.transport is not None:
                request.transport.close()
            return web.Response(status=500)  # never reaches the client: its connection is gone
        record.status, record.error = status, "failed as the test arranged"
        text = {500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}.get(status, "Error")
        return json_response({"message": text, "code": 0}, status=status)

    def _global_limit(self, record: RequestRecord) -> None:
        """A global 429 owed (``RateLimiter.force_global``) answers the next request of any route the
        bot's token authorises, as Discord's global limit does; interaction callbacks and follow-ups,
        authorised by the interaction's token, are not bound to it (Discord's rate-limit docs)."""
        if record.route.startswith(("/interactions/", "/webhooks/")):
            return
        limited = self.state.limiter.hit_global()
        if limited is not None:
            headers, body = limited
            raise RateLimitedError(headers, body)

    def _authorize(self, request: web.Request, record: RequestRecord) -> None:
        if record.route.startswith(("/interactions/", "/webhooks/")):
            return  # authorised by the interaction token in the URL
        if request.headers.get("Authorization") != f"Bot {self.state.token}":
            raise DoubleError(401, 0, "401: Unauthorized", {"message": "401: Unauthorized", "code": 0})

    async def _read_body(self, request: web.Request) -> tuple[Any, Files]:
        files: Files = []
        if not request.can_read_body:
            return None, files
        ctype = request.content_type
        if ctype.startswith("multipart/"):
            payload: Any = {}
            reader = await request.multipart()
            async for part in reader:
                if part.name == "payload_json":
                    payload = json.loads(await part.text())
                elif part.filename is not None:
                    data = await part.read()
                    files.append((part.filename, bytes(data), part.headers.get("Content-Type")))
            return payload, files
        raw = await request.read()
        if not raw:
            return None, files
        try:
            return json.loads(raw), files
        except ValueError:
            return raw.decode(errors="replace"), files

    async def unknown_route(self, request: web.Request) -> web.Response:
        raise DoubleError(
            404,
            0,
            f"the double does not implement {request.method} {request.path}",
            {"message": "404: Not Found", "code": 0},
        )

    # ------------------------------------------------------------------ identity and commands
    async def get_me(self, request: web.Request) -> web.Response:
        user = self.state.bot_user.to_dict()
        user.update(verified=True, mfa_enabled=False, email=None, locale="en-US", bio="")
        return json_response(user)

    async def get_application(self, request: web.Request) -> web.Response:
        state = self.state
        return json_response(
            {
                "id": str(state.app_id),
                "name": "Dogear",
                "icon": None,
                "description": "A reading-club bot (local double)",
                "summary": "",
                "type": None,
                "bot_public": True,
                "bot_require_code_grant": False,
                "verify_key": "00" * 32,
                "owner": state.owner_user.to_dict(),
                "team": None,
                "flags": 0,
                "bot": state.bot_user.to_dict(),
                "install_params": {"scopes": ["bot", "applications.commands"], "permissions": str(P.BOT_INVITE)},
                "interactions_endpoint_url": None,
                "redirect_uris": [],
                "tags": [],
                "approximate_guild_count": len(state.guilds),
            }
        )

    async def get_gateway(self, request: web.Request) -> web.Response:
        return json_response(self.state.gateway_bot_payload())

    def _scope(self, request: web.Request) -> int | None:
        if int(request.match_info["app"]) != self.state.app_id:
            raise DoubleError(403, 50001, "Missing Access")
        guild = request.match_info.get("guild")
        if guild is None:
            return None
        self.state.guild(int(guild))
        return int(guild)

    async def put_commands(self, request: web.Request) -> web.Response:
        scope = self._scope(request)
        payload = request[PAYLOAD] or []
        errors = validate_commands(payload)
        if errors:
            raise DoubleError(400, 50035, errors.summary(), errors.body())
        stored = []
        for command in payload:
            key = (scope, command["name"], command.get("type", 1))
            command_id = self.state.command_ids.setdefault(key, snowflake())
            entry = {
                **command,
                "id": str(command_id),
                "application_id": str(self.state.app_id),
                "version": str(snowflake()),
                "type": command.get("type", 1),
                "description": command.get("description", ""),
                "default_member_permissions": command.get("default_member_permissions"),
                "nsfw": command.get("nsfw", False),
            }
            if scope is not None:
                entry["guild_id"] = str(scope)
            stored.append(entry)
        self.state.commands[scope] = stored
        self.state.command_syncs.append((scope, stored))
        return json_response(stored)

    async def get_commands(self, request: web.Request) -> web.Response:
        return json_response(self.state.commands.get(self._scope(request), []))

    # ------------------------------------------------------------------ interactions
    async def interaction_callback(self, request: web.Request) -> web.Response:
        state = self.state
        record = state.interactions.get(int(request.match_info["id"]))
        if record is None or record.token != request.match_info["token"]:
            raise DoubleError(404, 10062, "Unknown interaction")
        elapsed = time.monotonic() - record.created
        if record.response_type is None and elapsed > state.interaction_deadline:
            record.failed = f"answered after {elapsed:.2f} s (deadline {state.interaction_deadline:g} s)"
            raise DoubleError(404, 10062, "Unknown interaction")
        if record.response_type is not None:
            raise DoubleError(400, 40060, "Interaction has already been acknowledged.")
        body = request[PAYLOAD] or {}
        kind = int(body.get("type", 0))
        data = body.get("data") or {}
        files = request[FILES]
        allowed = {2: {4, 5, 9}, 3: {4, 5, 6, 7, 9}, 4: {8}, 5: {4, 5, 6, 7}}[record.type]
        if kind not in allowed:
            raise DoubleError(400, 50035, f"callback type {kind} is not valid for interaction type {record.type}")
        channel = state.channels[record.channel_id]
        message: Message | None = None
        if kind == 4:
            self._validate_message(data, len(files))
            message = state.create_message(channel, state.bot_user, data, files, interaction=record)
            record.original_message_id = message.id
        elif kind == 5:
            flags = 128 | (int(data.get("flags") or 0) & 64)
            message = state.create_message(channel, state.bot_user, {}, [], interaction=record, flags=flags)
            record.original_message_id = message.id
        elif kind == 7:
            self._validate_message(data, len(files), editing=True)
            target = state.messages.get(record.component_message_id or 0)
            if target is None:
                raise DoubleError(400, 50035, "this interaction has no message to update")
            state.edit_message(target, data, files)
            message = target
        elif kind == 8:
            record.choices = self._validate_choices(data)
        elif kind == 9:
            self._validate_modal(data)
            record.modal = data
        record.response_type = kind
        record.responded_at = time.monotonic()
        record.last_activity = record.responded_at
        if message is not None and message.id not in record.message_ids:
            record.message_ids.append(message.id)
        if request.query.get("with_response") not in ("1", "true", "True"):
            return empty()
        interaction: dict[str, Any] = {"id": str(record.id), "type": record.type}
        resource: dict[str, Any] = {"type": kind}
        if message is not None:
            interaction.update(
                response_message_id=str(message.id),
                response_message_loading=message.loading,
                response_message_ephemeral=message.ephemeral,
            )
            resource["message"] = message.to_dict()
        return json_response({"interaction": interaction, "resource": resource})

    def _validate_message(self, payload: dict[str, Any], attachments: int, *, editing: bool = False) -> None:
        errors = check_message(payload, attachments=attachments, editing=editing)
        if errors:
            raise DoubleError(400, 50035, errors.summary(), errors.body())
        if not editing and is_empty(payload, attachments):
            raise DoubleError(400, 50006, "Cannot send an empty message")

    @staticmethod
    def _validate_choices(data: dict[str, Any]) -> list[dict[str, Any]]:
        choices = data.get("choices") or []
        errors = FormErrors()
        if len(choices) > CHOICES_MAX:
            errors.add(["data", "choices"], "BASE_TYPE_MAX_LENGTH", f"Must be {CHOICES_MAX} or fewer in length.")
        for i, choice in enumerate(choices):
            name = str(choice.get("name", ""))
            if not 1 <= len(name) <= 100:
                errors.add(
                    ["data", "choices", i, "name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."
                )
            value = choice.get("value")
            if isinstance(value, str) and len(value) > 100:
                errors.add(["data", "choices", i, "value"], "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.")
        if errors:
            raise DoubleError(400, 50035, errors.summary(), errors.body())
        return choices

    @staticmethod
    def _validate_modal(data: dict[str, Any]) -> None:
        errors = check_modal(data)
        if errors:
            raise DoubleError(400, 50035, errors.summary(), errors.body())

    def _webhook_record(self, request: web.Request) -> InteractionRecord:
        if int(request.match_info["app"]) != self.state.app_id:
            raise DoubleError(404, 10015, "Unknown Webhook")
        record = self.state.token_record(request.match_info["token"])
        record.last_activity = time.monotonic()
        return record

    async def followup(self, request: web.Request) -> web.Response:
        state = self.state
        record = self._webhook_record(request)
        if record.response_type is None:
            raise DoubleError(404, 10015, "Unknown Webhook")
        payload = request[PAYLOAD] or {}
        files = request[FILES]
        self._validate_message(payload, len(files))
        original = state.messages.get(record.original_message_id or 0)
        record.followup_count += 1
        if original is not None and original.loading and record.response_type == 5:
            # The first followup after a deferred response replaces the "thinking" message.
            state.edit_message(original, {**payload, "flags": original.flags & 64}, files)
            message = original
        else:
            channel = state.channels[record.channel_id]
            message = state.create_message(channel, state.bot_user, payload, files, interaction=record)
        if message.id not in record.message_ids:
            record.message_ids.append(message.id)
        if request.query.get("wait") in ("1", "true", "True"):
            return json_response(message.to_dict())
        return empty()

    def _webhook_message(self, request: web.Request, record: InteractionRecord) -> Message:
        raw = request.match_info["message"]
        if raw == "@original":
            message_id = record.original_message_id or record.component_message_id
        else:
            message_id = int(raw)
            if message_id not in record.message_ids and message_id != record.component_message_id:
                message_id = None
        message = self.state.messages.get(message_id or 0)
        if message is None or message.deleted:
            raise not_found("Message", 10008)
        return message

    async def get_webhook_message(self, request: web.Request) -> web.Response:
        record = self._webhook_record(request)
        return json_response(self._webhook_message(request, record).to_dict())

    async def edit_webhook_message(self, request: web.Request) -> web.Response:
        record = self._webhook_record(request)
        message = self._webhook_message(request, record)
        payload = request[PAYLOAD] or {}
        self._validate_message(payload, len(request[FILES]), editing=True)
        self.state.edit_message(message, payload, request[FILES])
        if message.id not in record.message_ids:
            record.message_ids.append(message.id)
        return json_response(message.to_dict())

    async def delete_webhook_message(self, request: web.Request) -> web.Response:
        record = self._webhook_record(request)
        self.state.delete_message(self._webhook_message(request, record))
        return empty()

    # ------------------------------------------------------------------ channels and messages
    def _visible_channel(self, request: web.Request) -> Channel:
        channel = self.state.channel(int(request.match_info["channel"]))
        if channel.guild_id is not None:
            self.state.require(channel, P.VIEW_CHANNEL, "this channel")
        return channel

    async def get_channel(self, request: web.Request) -> web.Response:
        return json_response(self._visible_channel(request).to_dict())

    async def edit_channel(self, request: web.Request) -> web.Response:
        state = self.state
        channel = self._visible_channel(request)
        body = request[PAYLOAD] or {}
        if channel.is_thread:
            if channel.owner_id != state.bot_user.id or "locked" in body:
                state.require(channel, P.MANAGE_THREADS, "editing this thread")
            if "archived" in body:
                channel.archived = bool(body["archived"])
            if "locked" in body:
                channel.locked = bool(body["locked"])
            if "auto_archive_duration" in body:
                channel.auto_archive_duration = int(body["auto_archive_duration"])
        else:
            state.require(channel, P.MANAGE_CHANNELS, "editing this channel")
            if "topic" in body:
                channel.topic = body["topic"]
        if "name" in body:
            name = str(body["name"] or "")
            if not 1 <= len(name) <= THREAD_NAME_MAX:
                raise DoubleError(400, 50035, "name must be between 1 and 100 in length")
            channel.name = name
        state.dispatch("THREAD_UPDATE" if channel.is_thread else "CHANNEL_UPDATE", channel.to_dict())
        return json_response(channel.to_dict())

    async def delete_channel(self, request: web.Request) -> web.Response:
        state = self.state
        channel = self._visible_channel(request)
        if channel.type == DM:
            return json_response(channel.to_dict())
        state.require(channel, P.MANAGE_THREADS if channel.is_thread else P.MANAGE_CHANNELS, "deleting this channel")
        state.delete_channel(channel)
        return json_response(channel.to_dict())

    async def history(self, request: web.Request) -> web.Response:
        self.state.expire_due_polls()  # Discord ends polls on time, whether or not anyone looks
        channel = self._visible_channel(request)
        if channel.guild_id is not None:
            self.state.require(channel, P.READ_MESSAGE_HISTORY, "reading history")
        query = request.query
        limit = int(query.get("limit", 50))
        if not 1 <= limit <= 100:
            raise DoubleError(400, 50035, "limit must be between 1 and 100")
        messages = self.state.channel_history(channel.id)
        if "before" in query:
            messages = [m for m in messages if m.id < int(query["before"])]
            messages = messages[-limit:]
        elif "after" in query:
            messages = [m for m in messages if m.id > int(query["after"])]
            messages = messages[:limit]
        elif "around" in query:
            around = int(query["around"])
            older = [m for m in messages if m.id < around][-(limit // 2) :]
            newer = [m for m in messages if m.id >= around][: limit - len(older)]
            messages = older + newer
        else:
            messages = messages[-limit:]
        return json_response([m.to_dict() for m in reversed(messages)])

    async def get_message(self, request: web.Request) -> web.Response:
        self.state.expire_due_polls()
        channel = self._visible_channel(request)
        if channel.guild_id is not None:
            self.state.require(channel, P.READ_MESSAGE_HISTORY, "reading history")
        return json_response(self.state.message(channel, int(request.match_info["message"])).to_dict())

    def _require_send(self, channel: Channel, payload: dict[str, Any], files: Files) -> None:
        state = self.state
        if channel.type == DM:
            assert channel.recipient is not None
            if not channel.recipient.dms_open:
                raise DoubleError(403, 50007, "Cannot send messages to this user")
            return
        if channel.type == FORUM:
            raise DoubleError(400, 50008, "Cannot send messages in a non-text channel")
        needed = P.SEND_MESSAGES
        if payload.get("embeds"):
            needed |= P.EMBED_LINKS
        if files:
            needed |= P.ATTACH_FILES
        if payload.get("message_reference"):
            needed |= P.READ_MESSAGE_HISTORY
        if payload.get("poll"):
            needed |= P.SEND_POLLS
        state.require(channel, needed, "sending here")
        if channel.is_thread:
            if channel.locked:
                state.require(channel, P.MANAGE_THREADS, "sending in a locked thread")
            if channel.archived:
                channel.archived = False  # sending into an archived thread unarchives it, as on Discord
                state.dispatch("THREAD_UPDATE", channel.to_dict())

    async def create_message(self, request: web.Request) -> web.Response:
        state = self.state
        channel = state.channel(int(request.match_info["channel"]))
        payload = request[PAYLOAD] or {}
        files = request[FILES]
        self._require_send(channel, payload, files)
        self._validate_message(payload, len(files))
        state.fail_message_create(channel.id)
        nonce = payload.get("nonce")
        if nonce is not None and payload.get("enforce_nonce"):
            existing = state.nonce_message(channel.id, state.bot_user.id, str(nonce))
            if existing is not None:
                return json_response(existing.to_dict())
        allowed, headers, body = state.limiter.hit(f"messages:{channel.id}", "a8b5d1e0c7f4message")
        if not allowed:
            assert body is not None
            raise RateLimitedError(headers, body)
        message = state.create_message(channel, state.bot_user, payload, files)
        state.remember_nonce(message)
        state.lose_message_answer(channel.id)
        return json_response(message.to_dict(), headers=headers)

    async def edit_message(self, request: web.Request) -> web.Response:
        state = self.state
        channel = self._visible_channel(request)
        message = state.message(channel, int(request.match_info["message"]))
        if message.author.id != state.bot_user.id or message.webhook_id:
            raise DoubleError(403, 50005, "Cannot edit a message authored by another user")
        payload = request[PAYLOAD] or {}
        if payload.get("embeds") and channel.guild_id is not None:
            state.require(channel, P.EMBED_LINKS, "embeds")
        self._validate_message(payload, len(request[FILES]), editing=True)
        state.edit_message(message, payload, request[FILES])
        return json_response(message.to_dict())

    async def delete_message(self, request: web.Request) -> web.Response:
        state = self.state
        channel = self._visible_channel(request)
        message = state.message(channel, int(request.match_info["message"]))
        if message.author.id != state.bot_user.id:
            state.require(channel, P.MANAGE_MESSAGES, "deleting others' messages")
        state.delete_message(message)
        return empty()

    # ------------------------------------------------------------------ polls
    def _poll_message(self, request: web.Request) -> Message:
        channel = self._visible_channel(request)
        message = self.state.message(channel, int(request.match_info["message"]))
        if message.poll is None:
            raise DoubleError(400, 50035, "this message has no poll")
        return message

    async def expire_poll(self, request: web.Request) -> web.Response:
        """``Poll.end()``: only the poll's author ends it early."""
        message = self._poll_message(request)
        if message.author.id != self.state.bot_user.id:
            raise DoubleError(403, 50005, "Cannot edit a message authored by another user")
        self.state.expire_due_polls()
        if message.poll is not None and message.poll.finalized:
            raise DoubleError(400, 520001, "This poll has ended")
        self.state.finalize_poll(message)
        return json_response(message.to_dict())

    async def poll_voters(self, request: web.Request) -> web.Response:
        message = self._poll_message(request)
        assert message.poll is not None
        answer_id = int(request.match_info["answer"])
        if answer_id not in message.poll.answer_ids():
            raise not_found("Poll Answer", 10018)
        limit = int(request.query.get("limit", 25))
        if not 1 <= limit <= 100:
            raise DoubleError(400, 50035, "limit must be between 1 and 100")
        after = int(request.query.get("after", 0))
        voters = sorted(u for u in message.poll.votes.get(answer_id, set()) if u > after)[:limit]
        return json_response({"users": [self.state.users[u].to_dict() for u in voters]})

    # ------------------------------------------------------------------ threads
    @staticmethod
    def _thread_fields(body: dict[str, Any]) -> tuple[str, int]:
        errors = FormErrors()
        name = str(body.get("name") or "")
        if not 1 <= len(name) <= THREAD_NAME_MAX:
            errors.add(["name"], "BASE_TYPE_BAD_LENGTH", f"Must be between 1 and {THREAD_NAME_MAX} in length.")
        duration = int(body.get("auto_archive_duration") or 1440)
        if duration not in ARCHIVE_DURATIONS:
            errors.add(
                ["auto_archive_duration"], "BASE_TYPE_CHOICES", f"Value must be one of {sorted(ARCHIVE_DURATIONS)}."
            )
        if errors:
            raise DoubleError(400, 50035, errors.summary(), errors.body())
        return name, duration

    async def thread_from_message(self, request: web.Request) -> web.Response:
        state = self.state
        channel = self._visible_channel(request)
        message = state.message(channel, int(request.match_info["message"]))
        if channel.is_thread or channel.type == FORUM or channel.type == DM:
            raise DoubleError(400, 50024, "Cannot execute action on this channel type")
        state.require(channel, P.CREATE_PUBLIC_THREADS, "creating a thread")
        if message.thread_id is not None:
            raise DoubleError(400, 160004, "A thread has already been created for this message")
        name, duration = self._thread_fields(request[PAYLOAD] or {})
        thread = state.create_thread(channel, name, PUBLIC_THREAD, state.bot_user, auto_archive=duration)
        # Discord gives a thread started from a message the message's id.
        guild = state.guilds[channel.guild_id or 0]
        del guild.channels[thread.id], state.channels[thread.id]
        thread.id = message.id
        guild.channels[thread.id] = thread
        state.channels[thread.id] = thread
        state.channel_messages.setdefault(thread.id, [])
        message.thread_id = thread.id
        return json_response(thread.to_dict(), status=201)

    async def thread_without_message(self, request: web.Request) -> web.Response:
        state = self.state
        channel = self._visible_channel(request)
        body = request[PAYLOAD] or {}
        name, duration = self._thread_fields(body)
        if channel.type == FORUM:
            starter = body.get("message") or {}
            files = request[FILES]
            needed = (
                P.SEND_MESSAGES | (P.ATTACH_FILES if files else 0) | (P.EMBED_LINKS if starter.get("embeds") else 0)
            )
            state.require(channel, needed, "creating a forum post")
            self._validate_message(starter, len(files))
            tags = [int(t) for t in body.get("applied_tags") or []]
            known = {int(t["id"]) for t in channel.available_tags}
            if not set(tags) <= known:
                raise DoubleError(400, 50035, "applied_tags contains an unknown tag")
            thread = state.create_thread(channel, name, PUBLIC_THREAD, state.bot_user, auto_archive=duration)
            thread.applied_tags = tags
            first = state.create_message(thread, state.bot_user, starter, files)
            data = thread.to_dict()
            data["message"] = first.to_dict()
            return json_response(data, status=201)
        if channel.is_thread or channel.type == DM:
            raise DoubleError(400, 50024, "Cannot execute action on this channel type")
        kind = int(body.get("type") or PRIVATE_THREAD)
        if kind not in (PUBLIC_THREAD, PRIVATE_THREAD):
            raise DoubleError(400, 50035, "type must be a thread type")
        state.require(
            channel,
            P.CREATE_PRIVATE_THREADS if kind == PRIVATE_THREAD else P.CREATE_PUBLIC_THREADS,
            "creating a thread",
        )
        thread = state.create_thread(
            channel, name, kind, state.bot_user, auto_archive=duration, invitable=bool(body.get("invitable", True))
        )
        return json_response(thread.to_dict(), status=201)

    async def add_thread_member(self, request: web.Request) -> web.Response:
        state = self.state
        thread = self._visible_channel(request)
        if not thread.is_thread:
            raise DoubleError(400, 50024, "Cannot execute action on this channel type")
        if thread.archived:
            raise DoubleError(400, 50083, "Thread is archived")
        state.require(thread, P.SEND_MESSAGES, "adding members to this thread")
        raw = request.match_info["user"]
        user_id = state.bot_user.id if raw == "@me" else int(raw)
        guild = state.guilds[thread.guild_id or 0]
        if user_id not in guild.members:
            raise not_found("Member", 10007)
        if user_id not in thread.member_ids:
            thread.member_ids.add(user_id)
            state.dispatch(
                "THREAD_MEMBERS_UPDATE",
                {
                    "id": str(thread.id),
                    "guild_id": str(guild.id),
                    "member_count": len(thread.member_ids),
                    "added_members": [
                        {
                            "id": str(thread.id),
                            "user_id": str(user_id),
                            "join_timestamp": datetime.fromtimestamp(time.time()).astimezone().isoformat(),
                            "flags": 0,
                        }
                    ],
                },
            )
        return empty()

    async def get_thread_member(self, request: web.Request) -> web.Response:
        """A thread member, archived thread or not (reading needs no reopening); 404 / 10007 for anyone else."""
        state = self.state
        thread = self._visible_channel(request)
        if not thread.is_thread:
            raise DoubleError(400, 50024, "Cannot execute action on this channel type")
        raw = request.match_info["user"]
        user_id = state.bot_user.id if raw == "@me" else int(raw)
        if user_id not in thread.member_ids:
            raise not_found("Member", 10007)
        joined = datetime.fromtimestamp(time.time()).astimezone().isoformat()
        return json_response({"id": str(thread.id), "user_id": str(user_id), "join_timestamp": joined, "flags": 0})

    async def remove_thread_member(self, request: web.Request) -> web.Response:
        state = self.state
        thread = self._visible_channel(request)
        raw = request.match_info["user"]
        user_id = state.bot_user.id if raw == "@me" else int(raw)
        if user_id != state.bot_user.id:
            state.require(thread, P.MANAGE_THREADS, "removing thread members")
        thread.member_ids.discard(user_id)
        return empty()

    # ------------------------------------------------------------------ guilds, members, users
    async def get_guild(self, request: web.Request) -> web.Response:
        guild = self.state.guild(int(request.match_info["guild"]))
        data = self.state.guild_payload(guild)
        for key in ("members", "channels", "threads", "presences", "voice_states", "guild_scheduled_events"):
            data.pop(key, None)
        data.update(approximate_member_count=len(guild.members), approximate_presence_count=0)
        return json_response(data)

    async def get_guild_channels(self, request: web.Request) -> web.Response:
        guild = self.state.guild(int(request.match_info["guild"]))
        return json_response([c.to_dict() for c in guild.live_channels() if not c.is_thread])

    async def active_threads(self, request: web.Request) -> web.Response:
        """The server's threads not archived, public and private, as Discord lists them (its threads
        under channels the bot cannot see left out), with the bot's own membership of each."""
        state = self.state
        guild = state.guild(int(request.match_info["guild"]))
        threads = [
            c
            for c in guild.live_channels()
            if c.is_thread
            and not c.archived
            and c.parent_id is not None
            and state.perms(state.channel(c.parent_id), state.bot_user.id) & P.VIEW_CHANNEL
        ]
        members = [
            {
                "id": str(c.id),
                "user_id": str(state.bot_user.id),
                "join_timestamp": "2020-01-01T00:00:00+00:00",
                "flags": 0,
            }
            for c in threads
            if state.bot_user.id in c.member_ids
        ]
        return json_response({"threads": [c.to_dict() for c in threads], "members": members})

    async def get_roles(self, request: web.Request) -> web.Response:
        guild = self.state.guild(int(request.match_info["guild"]))
        return json_response([r.to_dict() for r in guild.roles.values()])

    async def list_members(self, request: web.Request) -> web.Response:
        self.state.guild(int(request.match_info["guild"]))
        # Listing members needs the privileged members intent, which Dogear does not ask for.
        raise DoubleError(403, 50001, "Missing Access")

    async def get_member(self, request: web.Request) -> web.Response:
        guild = self.state.guild(int(request.match_info["guild"]))
        member = guild.members.get(int(request.match_info["user"]))
        if member is None:
            raise not_found("Member", 10007)
        return json_response(member.to_dict())

    async def get_user(self, request: web.Request) -> web.Response:
        raw = request.match_info["user"]
        user = self.state.users.get(int(raw)) if raw.isdigit() else None
        if user is None:
            raise not_found("User", 10013)
        return json_response(user.to_dict())

    async def leave_guild(self, request: web.Request) -> web.Response:
        guild = self.state.guild(int(request.match_info["guild"]))
        self.state.remove_bot_from_guild(guild)
        return empty()

    async def open_dm(self, request: web.Request) -> web.Response:
        body = request[PAYLOAD] or {}
        user = self.state.users.get(int(body.get("recipient_id", 0)))
        if user is None:
            raise not_found("User", 10013)
        return json_response(self.state.open_dm(user).to_dict())

    async def cdn(self, request: web.Request) -> web.Response:
        attachment = self.state.attachments.get(int(request.match_info["attachment"]))
        if attachment is None or attachment.filename != request.match_info["filename"]:
            return web.Response(status=404, text="Not Found")
        return web.Response(body=attachment.data, content_type=attachment.content_type or "application/octet-stream")

    # ------------------------------------------------------------------ scheduled events
    def _event_guild(self, request: web.Request) -> Any:
        return self.state.guild(int(request.match_info["guild"]))

    def _validate_event(self, body: dict[str, Any], current: ScheduledEvent | None) -> None:
        errors = FormErrors()
        name = body.get("name", current.name if current else None)
        if name is None or not 1 <= len(str(name)) <= EVENT_NAME_MAX:
            errors.add(["name"], "BASE_TYPE_BAD_LENGTH", f"Must be between 1 and {EVENT_NAME_MAX} in length.")
        description = body.get("description", current.description if current else None)
        if description is not None and len(str(description)) > EVENT_DESCRIPTION_MAX:
            errors.add(["description"], "BASE_TYPE_MAX_LENGTH", f"Must be {EVENT_DESCRIPTION_MAX} or fewer in length.")
        entity_type = int(body.get("entity_type", current.entity_type if current else 0) or 0)
        if entity_type not in (1, 2, 3):
            errors.add(["entity_type"], "BASE_TYPE_CHOICES", "Value must be one of (1, 2, 3).")
        start_raw = body.get("scheduled_start_time", current.start if current else None)
        end_raw = body.get("scheduled_end_time", current.end if current else None)
        start = parse_time(start_raw)
        end = parse_time(end_raw)
        if start is None:
            errors.add(["scheduled_start_time"], "BASE_TYPE_REQUIRED", "This field is required")
        elif "scheduled_start_time" in body and start < self.state.wall_clock() - 60:
            errors.add(
                ["scheduled_start_time"],
                "GUILD_SCHEDULED_EVENT_SCHEDULED_START_TIME_IN_PAST",
                "Cannot schedule event in the past.",
            )
        if entity_type == 3:
            metadata = body.get("entity_metadata", {"location": current.location} if current else None) or {}
            location = metadata.get("location")
            if not location or len(str(location)) > 100:
                errors.add(
                    ["entity_metadata", "location"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."
                )
            if end is None:
                errors.add(["scheduled_end_time"], "BASE_TYPE_REQUIRED", "This field is required")
        elif entity_type in (1, 2) and not body.get("channel_id", current.channel_id if current else None):
            errors.add(["channel_id"], "BASE_TYPE_REQUIRED", "This field is required")
        if start is not None and end is not None and end <= start:
            errors.add(
                ["scheduled_end_time"],
                "GUILD_SCHEDULED_EVENT_END_BEFORE_START",
                "End time must be after the start time.",
            )
        if int(body.get("privacy_level", 2)) != 2:
            errors.add(["privacy_level"], "BASE_TYPE_CHOICES", "Value must be one of (2,).")
        if errors:
            raise DoubleError(400, 50035, errors.summary(), errors.body())

    def _require_events(self, guild: Any, event: ScheduledEvent | None) -> None:
        state = self.state
        base = P.base_permissions(guild, state.bot_user.id)
        if base & P.MANAGE_EVENTS:
            return
        if base & P.CREATE_EVENTS and (event is None or event.creator_id == state.bot_user.id):
            return
        raise forbidden(P.CREATE_EVENTS if event is None else P.MANAGE_EVENTS, "scheduled events")

    async def list_events(self, request: web.Request) -> web.Response:
        guild = self._event_guild(request)
        return json_response([self.state.event_payload(e) for e in guild.events.values() if not e.deleted])

    async def get_event(self, request: web.Request) -> web.Response:
        guild = self._event_guild(request)
        event = guild.events.get(int(request.match_info["event"]))
        if event is None or event.deleted:
            raise not_found("Guild Scheduled Event", 10070)
        return json_response(self.state.event_payload(event))

    async def create_event(self, request: web.Request) -> web.Response:
        state = self.state
        guild = self._event_guild(request)
        self._require_events(guild, None)
        body = request[PAYLOAD] or {}
        self._validate_event(body, None)
        active = [e for e in guild.events.values() if not e.deleted and e.status in (1, 2)]
        if len(active) >= EVENTS_PER_GUILD_MAX:
            raise DoubleError(400, 30038, "Maximum number of uncompleted guild scheduled events reached (100)")
        event = ScheduledEvent(
            id=snowflake(),
            guild_id=guild.id,
            creator_id=state.bot_user.id,
            name=body["name"],
            start=body["scheduled_start_time"],
            end=body.get("scheduled_end_time"),
            entity_type=int(body["entity_type"]),
            channel_id=int(body["channel_id"]) if body.get("channel_id") else None,
            description=body.get("description"),
            location=(body.get("entity_metadata") or {}).get("location"),
        )
        guild.events[event.id] = event
        state.dispatch("GUILD_SCHEDULED_EVENT_CREATE", state.event_payload(event))
        return json_response(state.event_payload(event))

    def _live_event(self, request: web.Request) -> ScheduledEvent:
        """The event a route names, when it exists and the caller may manage events there."""
        guild = self._event_guild(request)
        event = guild.events.get(int(request.match_info["event"]))
        if event is None or event.deleted:
            raise not_found("Guild Scheduled Event", 10070)
        self._require_events(guild, event)
        return event

    async def edit_event(self, request: web.Request) -> web.Response:
        state = self.state
        event = self._live_event(request)
        body = request[PAYLOAD] or {}
        if event.status in FINISHED_EVENT:
            raise DoubleError(400, 180000, "Cannot update a finished event")
        self._validate_event(body, event)
        if "status" in body:
            new = int(body["status"])
            if new != event.status and (event.status, new) not in EVENT_STEPS:
                raise DoubleError(400, 50035, f"Invalid Form Body: status cannot go from {event.status} to {new}")
            event.status = new
        event.name = body.get("name", event.name)
        event.description = body.get("description", event.description)
        event.start = body.get("scheduled_start_time", event.start)
        event.end = body.get("scheduled_end_time", event.end)
        if "entity_type" in body:
            event.entity_type = int(body["entity_type"])
        if "entity_metadata" in body:
            event.location = (body["entity_metadata"] or {}).get("location")
        if "channel_id" in body:
            event.channel_id = int(body["channel_id"]) if body["channel_id"] else None
        state.dispatch("GUILD_SCHEDULED_EVENT_UPDATE", state.event_payload(event))
        return json_response(state.event_payload(event))

    async def delete_event(self, request: web.Request) -> web.Response:
        state = self.state
        event = self._live_event(request)
        event.deleted = True
        state.dispatch("GUILD_SCHEDULED_EVENT_DELETE", state.event_payload(event))
        return empty()


class RateLimitedError(Exception):
    def __init__(self, headers: dict[str, str], body: dict[str, Any]) -> None:
        super().__init__("rate limited")
        # Discord's 429s come through its proxy; discord.py treats a 429 without ``Via`` as a Cloudflare ban.
        self.headers = {**headers, "Via": "1.1 google"}
        self.body = body


_NAME = re.compile(r"^[-_\w]{1,32}$")


def validate_commands(commands: list[dict[str, Any]]) -> FormErrors:
    """What Discord checks on a bulk overwrite, so a bad command definition fails the sync."""
    errors = FormErrors()
    names: set[tuple[str, int]] = set()
    if len(commands) > 100:
        errors.add([], "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.")

    def check_options(options: list[dict[str, Any]], path: list[str | int], depth: int) -> None:
        if len(options) > 25:
            errors.add(path, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
        seen: set[str] = set()
        optional_seen = False
        for i, option in enumerate(options):
            here = [*path, i]
            name = option.get("name", "")
            if not _NAME.match(name) or name != name.lower():
                errors.add([*here, "name"], "APPLICATION_COMMAND_INVALID_NAME", f"Command name {name!r} is invalid")
            if name in seen:
                errors.add([*here, "name"], "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "Duplicate name")
            seen.add(name)
            if not 1 <= len(option.get("description", "")) <= 100:
                errors.add([*here, "description"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
            kind = option.get("type")
            if kind in (1, 2):
                if depth >= (2 if kind == 2 else 3):
                    errors.add(here, "APPLICATION_COMMAND_OPTIONS_TOO_DEEP", "Subcommands nested too deep")
                check_options(option.get("options") or [], [*here, "options"], depth + 1)
                continue
            if option.get("required"):
                if optional_seen:
                    errors.add(
                        here,
                        "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                        "Required options must be placed before non-required options",
                    )
            else:
                optional_seen = True
            if len(option.get("choices") or []) > 25:
                errors.add([*here, "choices"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
            if option.get("choices") and option.get("autocomplete"):
                errors.add(here, "APPLICATION_COMMAND_AUTOCOMPLETE_CHOICES", "Autocomplete and choices are exclusive")

    for i, command in enumerate(commands):
        name = command.get("name", "")
        kind = command.get("type", 1)
        if (name, kind) in names:
            errors.add(
                [i, "name"], "APPLICATION_COMMAND_ALREADY_EXISTS", f"Application command names must be unique: {name}"
            )
        names.add((name, kind))
        if kind == 1:
            if not _NAME.match(name) or name != name.lower():
                errors.add([i, "name"], "APPLICATION_COMMAND_INVALID_NAME", f"Command name {name!r} is invalid")
            if not 1 <= len(command.get("description", "")) <= 100:
                errors.add([i, "description"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
            check_options(command.get("options") or [], [i, "options"], 1)
    return errors
