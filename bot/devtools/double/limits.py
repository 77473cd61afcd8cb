"""Discord's limits and rate limits, enforced so that a bot breaking them fails its tests.

Numbers from Discord's API documentation (see shared/docs/discord-platform.md beside the checkout). Errors use
Discord's shape: ``{"code": 50035, "message": "Invalid Form Body", "errors": {...}}``.
"""

from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass, field
from typing import Any

CONTENT_MAX = 2000
EMBEDS_MAX = 10
EMBED_TOTAL_MAX = 6000
EMBED_TITLE_MAX = 256
EMBED_DESCRIPTION_MAX = 4096
EMBED_FIELDS_MAX = 25
EMBED_FIELD_NAME_MAX = 256
EMBED_FIELD_VALUE_MAX = 1024
EMBED_FOOTER_MAX = 2048
EMBED_AUTHOR_MAX = 256
ACTION_ROWS_MAX = 5
ROW_ITEMS_MAX = 5
CUSTOM_ID_MAX = 100
BUTTON_LABEL_MAX = 80
CHOICES_MAX = 25
SELECT_OPTION_TEXT_MAX = 100  # an option's label, value and description
SELECT_PLACEHOLDER_MAX = 150
TEXT_INPUT_LABEL_MAX = 45
TEXT_INPUT_PLACEHOLDER_MAX = 100
SELECT_KINDS = (3, 5, 6, 7, 8)
COMPONENTS_V2 = 1 << 15  # the message flag for layouts without the top-level rows rule
EVENT_NAME_MAX = 100
EVENT_DESCRIPTION_MAX = 1000
EVENTS_PER_GUILD_MAX = 100
THREAD_NAME_MAX = 100
ARCHIVE_DURATIONS = frozenset({60, 1440, 4320, 10080})
MODAL_TITLE_MAX = 45
POLL_QUESTION_MAX = 300
POLL_ANSWERS_MAX = 10
POLL_ANSWER_MAX = 55
POLL_HOURS_MAX = 768
TEXT_INPUT_VALUE_MAX = 4000


class FormErrors:
    """Collects field errors in Discord's nested ``errors`` format."""

    def __init__(self) -> None:
        self.errors: dict[str, Any] = {}
        self.messages: list[str] = []

    def add(self, path: list[str | int], code: str, message: str) -> None:
        node = self.errors
        for part in path:
            node = node.setdefault(str(part), {})
        node.setdefault("_errors", []).append({"code": code, "message": message})
        self.messages.append(f"{'.'.join(map(str, path))}: {message}")

    def __bool__(self) -> bool:
        return bool(self.errors)

    def body(self) -> dict[str, Any]:
        return {"code": 50035, "message": "Invalid Form Body", "errors": self.errors}

    def summary(self) -> str:
        return "; ".join(self.messages)


def _max_len(errors: FormErrors, path: list[str | int], value: Any, limit: int) -> int:
    if value is None:
        return 0
    text = str(value)
    if len(text) > limit:
        errors.add(path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")
    return len(text)


def check_embeds(errors: FormErrors, embeds: list[dict[str, Any]], prefix: list[str | int]) -> None:
    if len(embeds) > EMBEDS_MAX:
        errors.add(prefix, "BASE_TYPE_MAX_LENGTH", f"Must be {EMBEDS_MAX} or fewer in length.")
    total = 0
    for i, embed in enumerate(embeds):
        path = [*prefix, i]
        total += _max_len(errors, [*path, "title"], embed.get("title"), EMBED_TITLE_MAX)
        total += _max_len(errors, [*path, "description"], embed.get("description"), EMBED_DESCRIPTION_MAX)
        fields = embed.get("fields") or []
        if len(fields) > EMBED_FIELDS_MAX:
            errors.add([*path, "fields"], "BASE_TYPE_MAX_LENGTH", f"Must be {EMBED_FIELDS_MAX} or fewer in length.")
        for j, fld in enumerate(fields):
            name, value = fld.get("name"), fld.get("value")
            if not name or not str(name).strip():
                errors.add([*path, "fields", j, "name"], "BASE_TYPE_REQUIRED", "This field is required")
            if not value or not str(value).strip():
                errors.add([*path, "fields", j, "value"], "BASE_TYPE_REQUIRED", "This field is required")
            total += _max_len(errors, [*path, "fields", j, "name"], name, EMBED_FIELD_NAME_MAX)
            total += _max_len(errors, [*path, "fields", j, "value"], value, EMBED_FIELD_VALUE_MAX)
        if footer := embed.get("footer"):
            total += _max_len(errors, [*path, "footer", "text"], footer.get("text"), EMBED_FOOTER_MAX)
        if author := embed.get("author"):
            total += _max_len(errors, [*path, "author", "name"], author.get("name"), EMBED_AUTHOR_MAX)
    if total > EMBED_TOTAL_MAX:
        errors.add(prefix, "MAX_EMBED_SIZE_EXCEEDED", f"Embed size exceeds maximum size of {EMBED_TOTAL_MAX}")


def check_components(errors: FormErrors, components: list[dict[str, Any]], flags: int) -> None:
    v2 = bool(flags & COMPONENTS_V2)
    if not v2 and len(components) > ACTION_ROWS_MAX:
        errors.add(["components"], "BASE_TYPE_MAX_LENGTH", f"Must be {ACTION_ROWS_MAX} or fewer in length.")
    seen: set[str] = set()

    def walk(items: list[dict[str, Any]], path: list[str | int]) -> None:
        for i, item in enumerate(items):
            here = [*path, i]
            kind = item.get("type")
            if not v2 and path == ["components"] and kind != 1:
                errors.add(here, "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "Top-level components must be action rows")
            if kind == 1 and len(item.get("components") or []) > ROW_ITEMS_MAX:
                errors.add([*here, "components"], "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.")
            if kind == 2:
                _max_len(errors, [*here, "label"], item.get("label"), BUTTON_LABEL_MAX)
                if item.get("style") in (5, 6):
                    pass
                elif not item.get("custom_id"):
                    errors.add([*here, "custom_id"], "BASE_TYPE_REQUIRED", "This field is required")
            if cid := item.get("custom_id"):
                _max_len(errors, [*here, "custom_id"], cid, CUSTOM_ID_MAX)
                if cid in seen:
                    errors.add(
                        [*here, "custom_id"],
                        "COMPONENT_CUSTOM_ID_DUPLICATED",
                        "Component custom id cannot be duplicated",
                    )
                seen.add(cid)
            row = (item.get("components") or []) if kind == 1 else []
            if len(row) > 1 and any(c.get("type") in SELECT_KINDS for c in row):
                errors.add([*here, "components"], "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "A select fills its row")
            if kind in SELECT_KINDS:
                check_select(errors, item, here)
            if kind == 4:
                check_text_input(errors, item, here)
            if kind == 18:  # a label around a modal's input
                _max_len(errors, [*here, "label"], item.get("label"), TEXT_INPUT_LABEL_MAX)
                _max_len(errors, [*here, "description"], item.get("description"), SELECT_OPTION_TEXT_MAX)
            for key in ("components",):
                if isinstance(item.get(key), list):
                    walk(item[key], [*here, key])
            for key in ("component", "accessory"):
                if isinstance(item.get(key), dict):
                    walk([item[key]], [*here, key])

    walk(components, ["components"])


def _range(errors: FormErrors, path: list[str | int], value: Any, low: int, high: int) -> None:
    if value is not None and not (isinstance(value, int) and low <= value <= high):
        errors.add(path, "NUMBER_TYPE_OUT_OF_RANGE", f"Must be between {low} and {high}.")


def check_select(errors: FormErrors, item: dict[str, Any], path: list[str | int]) -> None:
    """A select menu: placeholder 150, 0-25 minimum and 1-25 maximum values; a string select's
    1-25 options each with a label and value of 1-100 characters and a description of at most 100."""
    _max_len(errors, [*path, "placeholder"], item.get("placeholder"), SELECT_PLACEHOLDER_MAX)
    _range(errors, [*path, "min_values"], item.get("min_values"), 0, CHOICES_MAX)
    _range(errors, [*path, "max_values"], item.get("max_values"), 1, CHOICES_MAX)
    if item.get("type") != 3:
        return
    options = item.get("options") or []
    if not 1 <= len(options) <= CHOICES_MAX:
        errors.add([*path, "options"], "BASE_TYPE_BAD_LENGTH", f"Must be between 1 and {CHOICES_MAX} in length.")
    for i, option in enumerate(options):
        for key in ("label", "value"):
            if not str(option.get(key) or ""):
                errors.add([*path, "options", i, key], "BASE_TYPE_REQUIRED", "This field is required")
        for key in ("label", "value", "description"):
            _max_len(errors, [*path, "options", i, key], option.get(key), SELECT_OPTION_TEXT_MAX)


def check_text_input(errors: FormErrors, item: dict[str, Any], path: list[str | int]) -> None:
    """A modal's text input: label 45, placeholder 100, value 4000, lengths within 0-4000 and 1-4000."""
    _max_len(errors, [*path, "label"], item.get("label"), TEXT_INPUT_LABEL_MAX)
    _max_len(errors, [*path, "placeholder"], item.get("placeholder"), TEXT_INPUT_PLACEHOLDER_MAX)
    _max_len(errors, [*path, "value"], item.get("value"), TEXT_INPUT_VALUE_MAX)
    _range(errors, [*path, "min_length"], item.get("min_length"), 0, TEXT_INPUT_VALUE_MAX)
    _range(errors, [*path, "max_length"], item.get("max_length"), 1, TEXT_INPUT_VALUE_MAX)


def check_modal(data: dict[str, Any]) -> FormErrors:
    """A modal callback's data: title 1-45, a custom id of 1-100, 1-5 rows or labels, each input's limits."""
    errors = FormErrors()
    if not 1 <= len(str(data.get("title", ""))) <= MODAL_TITLE_MAX:
        errors.add(["data", "title"], "BASE_TYPE_BAD_LENGTH", f"Must be between 1 and {MODAL_TITLE_MAX} in length.")
    if not data.get("custom_id"):
        errors.add(["data", "custom_id"], "BASE_TYPE_REQUIRED", "This field is required")
    _max_len(errors, ["data", "custom_id"], data.get("custom_id"), CUSTOM_ID_MAX)
    components = data.get("components") or []
    if not 1 <= len(components) <= ACTION_ROWS_MAX:
        errors.add(["data", "components"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.")
    check_components(errors, components, COMPONENTS_V2)  # a modal's top level holds rows or labels
    return errors


def check_message(payload: dict[str, Any], *, attachments: int = 0, editing: bool = False) -> FormErrors:
    """Validate a message create/edit body the way Discord does."""
    errors = FormErrors()
    content = payload.get("content")
    if content is not None and not isinstance(content, str):
        errors.add(["content"], "STRING_TYPE_CONVERT", "Could not interpret value as string.")
    elif content is not None:
        _max_len(errors, ["content"], content, CONTENT_MAX)
    embeds = payload.get("embeds") or []
    check_embeds(errors, embeds, ["embeds"])
    flags = int(payload.get("flags") or 0)
    check_components(errors, payload.get("components") or [], flags)
    if payload.get("poll"):
        if editing:
            errors.add(["poll"], "CANNOT_EDIT_POLL", "A poll cannot be added to or changed on a sent message.")
        else:
            check_poll(errors, payload["poll"])
    return errors


def check_poll(errors: FormErrors, poll: dict[str, Any]) -> None:
    """A poll create body: question 1-300, 1-10 answers of 1-55 characters, whole hours 1-768, layout 1."""
    question = (poll.get("question") or {}).get("text")
    if not isinstance(question, str) or not 1 <= len(question) <= POLL_QUESTION_MAX:
        errors.add(
            ["poll", "question", "text"],
            "BASE_TYPE_BAD_LENGTH",
            f"Must be between 1 and {POLL_QUESTION_MAX} in length.",
        )
    answers = poll.get("answers") or []
    if not 1 <= len(answers) <= POLL_ANSWERS_MAX:
        errors.add(["poll", "answers"], "BASE_TYPE_BAD_LENGTH", f"Must be between 1 and {POLL_ANSWERS_MAX} in length.")
    for index, answer in enumerate(answers):
        text = (answer.get("poll_media") or {}).get("text")
        if not isinstance(text, str) or not 1 <= len(text) <= POLL_ANSWER_MAX:
            errors.add(
                ["poll", "answers", index, "poll_media", "text"], "BASE_TYPE_BAD_LENGTH",
                f"Must be between 1 and {POLL_ANSWER_MAX} in length.",
            )  # fmt: skip
    duration = poll.get("duration", 24)
    if not isinstance(duration, int | float) or duration != int(duration) or not 1 <= duration <= POLL_HOURS_MAX:
        errors.add(
            ["poll", "duration"], "NUMBER_TYPE_MAX", f"Must be a whole number of hours from 1 to {POLL_HOURS_MAX}."
        )
    if int(poll.get("layout_type") or 1) != 1:
        errors.add(["poll", "layout_type"], "BASE_TYPE_CHOICES", "Value must be one of (1,).")


def is_empty(payload: dict[str, Any], attachments: int) -> bool:
    return not (
        (payload.get("content") or "").strip()
        or payload.get("embeds")
        or attachments
        or payload.get("components")
        or payload.get("sticker_ids")
        or payload.get("poll")
    )


_USER_MENTION = re.compile(r"<@!?(\d+)>")
_ROLE_MENTION = re.compile(r"<@&(\d+)>")
_EVERYONE = re.compile(r"@(everyone|here)")


def pings(content: str, allowed: dict[str, Any] | None) -> tuple[bool, set[int], set[int]]:
    """Who a message would notify: (everyone/here, user ids, role ids), honouring ``allowed_mentions``.

    Escaped mentions (a backslash before ``@`` or ``<``) do not ping, as on Discord.
    """
    unescaped = re.sub(r"\\[@<]", "", content or "")
    parse = {"everyone", "users", "roles"} if allowed is None else set(allowed.get("parse") or [])
    explicit_users = {int(u) for u in (allowed or {}).get("users") or []}
    explicit_roles = {int(r) for r in (allowed or {}).get("roles") or []}
    everyone = "everyone" in parse and bool(_EVERYONE.search(unescaped))
    users = {int(m) for m in _USER_MENTION.findall(unescaped)}
    roles = {int(m) for m in _ROLE_MENTION.findall(unescaped)}
    users = users if "users" in parse else users & explicit_users
    roles = roles if "roles" in parse else roles & explicit_roles
    return everyone, users, roles


@dataclass
class RateLimitRules:
    """Per-channel message limit. ``time_scale`` shrinks the window so tests stay fast."""

    limit: int = 5
    window: float = 5.0
    time_scale: float = 1.0

    @property
    def scaled_window(self) -> float:
        return self.window * self.time_scale


@dataclass
class Bucket:
    limit: int
    window: float
    reset_at: float = 0.0
    remaining: int = 0
    forced: int = 0  # 429s injected by a test (another process sharing the bucket)
    forced_after: float = 0.0  # the retry_after those 429s give (at least the bucket's own reset)


@dataclass
class RateLimiter:
    rules: RateLimitRules = field(default_factory=RateLimitRules)
    buckets: dict[str, Bucket] = field(default_factory=dict)
    global_forced: int = 0  # global 429s injected by a test (the bot's 50 requests per second spent)
    global_after: float = 0.0
    global_every: int = 1  # of the requests while global 429s are owed, every n-th gets one
    global_seen: int = 0

    def hit_global(self) -> tuple[dict[str, str], dict[str, Any]] | None:
        """Count one request against the bot's global limit, whatever its route (as Discord does for
        every request a bot token authorises; interaction tokens' routes are not bound to it): the
        headers and body of a global 429, or None when it may go."""
        if self.global_forced <= 0:
            return None
        self.global_seen += 1
        if self.global_seen % self.global_every:
            return None
        self.global_forced -= 1
        headers = {
            "Retry-After": str(max(1, math.ceil(self.global_after))),
            "X-RateLimit-Global": "true",
            "X-RateLimit-Scope": "global",
        }
        return headers, {"message": "You are being rate limited.", "retry_after": self.global_after, "global": True}

    def hit(self, key: str, bucket_hash: str) -> tuple[bool, dict[str, str], dict[str, Any] | None]:
        """Count one request in its route's bucket; returns (allowed, headers, 429 body or None)."""
        now = time.monotonic()
        bucket = self.buckets.get(key)
        window = self.rules.scaled_window
        if bucket is None:
            bucket = self.buckets[key] = Bucket(limit=self.rules.limit, window=window)
        if now >= bucket.reset_at:
            bucket.limit = self.rules.limit
            bucket.window = window
            bucket.reset_at = now + window
            bucket.remaining = bucket.limit
        reset_after = max(bucket.reset_at - now, 0.0)
        if bucket.forced > 0 or bucket.remaining <= 0:
            if bucket.forced > 0:
                bucket.forced -= 1
                reset_after = max(reset_after, bucket.forced_after, 0.01)
            headers = self._headers(bucket, bucket_hash, reset_after, remaining=0)
            headers["Retry-After"] = str(max(1, math.ceil(reset_after)))
            headers["X-RateLimit-Scope"] = "user"
            body = {
                "message": "You are being rate limited.",
                "retry_after": round(reset_after, 3),
                "global": False,
            }
            return False, headers, body
        bucket.remaining -= 1
        return True, self._headers(bucket, bucket_hash, reset_after, remaining=bucket.remaining), None

    def force(self, key: str, times: int = 1, retry_after: float = 0.0) -> None:
        bucket = self.buckets.get(key)
        if bucket is None:
            bucket = self.buckets[key] = Bucket(limit=self.rules.limit, window=self.rules.scaled_window)
        bucket.forced += times
        bucket.forced_after = retry_after

    def force_global(self, times: int = 1, retry_after: float = 0.1, every: int = 1) -> None:
        """The next ``times`` requests, any route, get a global 429 telling the bot to wait ``retry_after``;
        ``every=2`` makes it every second request (a storm a whole flow runs through: each request
        answered 429 at most once in a row when nothing runs beside it). ``times=0`` stops it: what
        is still owed is dropped (the double serves a whole test session, so a storm left owing
        would answer the next test's requests)."""
        self.global_forced = self.global_forced + times if times > 0 else 0
        self.global_after = retry_after
        self.global_every = max(1, every)
        self.global_seen = 0

    @staticmethod
    def _headers(bucket: Bucket, bucket_hash: str, reset_after: float, *, remaining: int) -> dict[str, str]:
        return {
            "X-RateLimit-Limit": str(bucket.limit),
            "X-RateLimit-Remaining": str(remaining),
            "X-RateLimit-Reset": f"{time.time() + reset_after:.3f}",
            "X-RateLimit-Reset-After": f"{reset_after:.3f}",
            "X-RateLimit-Bucket": bucket_hash,
        }
