"""Typed settings, read once at start from the environment and ``.env``.

Every problem is reported as a :class:`SettingsError` naming the setting and what to put
there, so the entry point can print one line instead of a traceback.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yarl

DEFAULT_DATABASE_PATH = "data/dogear.sqlite3"
DISCORD_MESSAGE_LIMIT = 2000


class SettingsError(Exception):
    """A setting is missing or invalid; ``str(error)`` is the one line to show."""

    def __init__(self, name: str, problem: str, fix: str) -> None:
        self.name = name
        super().__init__(f"{name} {problem}: {fix}")


@dataclass(frozen=True, slots=True)
class Settings:
    token: str | None
    database_path: Path
    dev_guild_id: int | None
    log_level: int
    api_base: str | None
    gateway_url: str | None
    max_upload_bytes: int
    message_budget: int
    discussion_grace_hours: float
    data_retention_days: float
    max_post_messages: int = 100
    max_chapters: int = 2000

    def require_token(self) -> str:
        """The token is only needed to connect; offline commands work without it."""
        if not self.token:
            raise SettingsError(
                "DISCORD_TOKEN",
                "is not set",
                "copy .env.example to .env and paste your bot token from "
                "https://discord.com/developers/applications (Bot -> Reset Token)",
            )
        return self.token


def _int(env: Mapping[str, str], name: str, default: int | None, *, minimum: int, maximum: int) -> int | None:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(
            name, f"is {raw!r}, not a whole number", f"set it to a number from {minimum} to {maximum}"
        ) from None
    if not minimum <= value <= maximum:
        raise SettingsError(name, f"is {value}, out of range", f"set it to a number from {minimum} to {maximum}")
    return value


def _float(env: Mapping[str, str], name: str, default: float, *, minimum: float, maximum: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(
            name, f"is {raw!r}, not a number", f"set it to a number from {minimum:g} to {maximum:g}"
        ) from None
    if not minimum <= value <= maximum:
        raise SettingsError(name, f"is {value:g}, out of range", f"set it to a number from {minimum:g} to {maximum:g}")
    return value


def _url(env: Mapping[str, str], name: str, schemes: tuple[str, ...], example: str) -> str | None:
    raw = env.get(name, "").strip()
    if not raw:
        return None
    url = yarl.URL(raw)
    if url.scheme not in schemes or not url.host:
        raise SettingsError(
            name, f"is {raw!r}, not a {'/'.join(schemes)} URL", f"set it like {example} or leave it empty"
        )
    return raw.rstrip("/")


def _token(env: Mapping[str, str]) -> str | None:
    raw = env.get("DISCORD_TOKEN", "").strip()
    if not raw:
        return None
    if any(ch.isspace() for ch in raw) or raw.lower().startswith("bot "):
        raise SettingsError("DISCORD_TOKEN", "looks malformed", "paste only the token itself, without 'Bot ' or spaces")
    return raw


def _log_level(env: Mapping[str, str]) -> int:
    raw = env.get("LOG_LEVEL", "").strip().upper() or "INFO"
    level = logging.getLevelNamesMapping().get(raw)
    if level is None:
        raise SettingsError("LOG_LEVEL", f"is {raw!r}", "use one of DEBUG, INFO, WARNING, ERROR")
    return level


def load_settings(env: Mapping[str, str] | None = None, *, root: Path | None = None) -> Settings:
    """Build settings from ``env`` (default: the process environment plus ``.env``).

    ``root`` is the folder the bot runs in (default: the current directory): ``.env`` is read
    there and a relative ``DATABASE_PATH`` is under it, so an installed wheel and a checkout
    behave alike.
    """
    root = Path.cwd() if root is None else root
    if env is None:
        from dotenv import load_dotenv

        load_dotenv(root / ".env", override=False)
        env = os.environ
    db_raw = env.get("DATABASE_PATH", "").strip() or DEFAULT_DATABASE_PATH
    db_path = Path(db_raw).expanduser()
    if not db_path.is_absolute():
        db_path = root / db_path
    if db_path.is_dir():
        raise SettingsError("DATABASE_PATH", f"is the folder {db_raw!r}", "name a file, e.g. data/dogear.sqlite3")
    return Settings(
        token=_token(env),
        database_path=db_path,
        dev_guild_id=_int(env, "DEV_GUILD_ID", None, minimum=1, maximum=2**64 - 1),
        log_level=_log_level(env),
        api_base=_url(env, "DISCORD_API_BASE", ("http", "https"), "http://127.0.0.1:8080/api/v10"),
        gateway_url=_url(env, "DISCORD_GATEWAY_URL", ("ws", "wss"), "ws://127.0.0.1:8080/gateway"),
        max_upload_bytes=_int(env, "MAX_UPLOAD_BYTES", 8 * 1024 * 1024, minimum=1024, maximum=25 * 1024 * 1024) or 0,
        message_budget=_int(env, "MESSAGE_BUDGET", DISCORD_MESSAGE_LIMIT, minimum=200, maximum=DISCORD_MESSAGE_LIMIT)
        or DISCORD_MESSAGE_LIMIT,
        discussion_grace_hours=_float(env, "DISCUSSION_GRACE_HOURS", 6.0, minimum=0.0, maximum=168.0),
        data_retention_days=_float(env, "DATA_RETENTION_DAYS", 30.0, minimum=0.0, maximum=3650.0),
        max_post_messages=_int(env, "MAX_POST_MESSAGES", 100, minimum=1, maximum=1000) or 100,
        max_chapters=_int(env, "MAX_CHAPTERS", 2000, minimum=1, maximum=20_000) or 2000,
    )
