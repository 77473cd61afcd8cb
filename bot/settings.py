"""Typed settings, read once at start from the environment and ``.env``.

Every problem is reported as a :class:`SettingsError` naming the setting and what to put
there, so the entry point can print one line instead of a traceback.
"""

from __future__ import annotations

import difflib
import io
import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yarl
from aiohttp.helpers import is_canonical_ipv4_address, is_ip_address

from bot.limits import MESSAGE_CHARS, REQUEST_BODY_BYTES
from bot.shards import ShardScope
from bot.text import clip

DEFAULT_DATABASE_PATH = "data/dogear.sqlite3"
MAX_SHARD_COUNT = 65536
_SHARD_PART = re.compile(r"(\d+)(?:\s*-\s*(\d+))?")
ECHO_CHARS = 60  # a value quoted back in a message is clipped to this
# The largest story file taken by default: about 700,000 words, more than any novel. Whatever a file of
# this size holds imports, scans and renders within the budgets (10 s, 500 MB on two cores); at 8 MiB
# a file of heavy scenes took 10-14 s to scan (docs/benchmarks.md). A host may raise it, at that cost.
DEFAULT_MAX_UPLOAD_BYTES = 4 * 1024 * 1024
MAX_DOTENV_BYTES = 1 << 20  # `.env` is a few lines; more is the wrong file
# python-dotenv's parser takes time growing with the square of the lines (60,000 short lines, under
# the byte limit, took two minutes): far more lines than any .env has, and still a fraction of a second.
MAX_DOTENV_LINES = 2000
# A bot token is base64 parts joined by dots (URL-safe or standard alphabet).
_TOKEN_CHARS = re.compile(r"[A-Za-z0-9._\-+/=]")
# Every setting load_settings reads (tests/test_readme.py holds it to the README's table).
SETTING_NAMES = (
    "DISCORD_TOKEN",
    "DATABASE_PATH",
    "DEV_GUILD_ID",
    "LOG_LEVEL",
    "DISCORD_API_BASE",
    "DISCORD_GATEWAY_URL",
    "MAX_UPLOAD_BYTES",
    "MAX_CHAPTERS",
    "MESSAGE_BUDGET",
    "DISCUSSION_GRACE_HOURS",
    "DATA_RETENTION_DAYS",
    "MAX_POST_MESSAGES",
    "SHARD_COUNT",
    "SHARD_IDS",
)
# How alike a name in .env must be to a setting's to be taken for a typo of it (LOG_LEVL, SHARD_ID).
NEAR_MISS_CUTOFF = 0.85


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
    # Sharding (issue 15): None = ask Discord for the count and run every shard here.
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None
    max_post_messages: int = 100
    max_chapters: int = 2000
    # What to do when the token is missing, worked out where the settings were read (missing_token_fix).
    token_fix: str = ""
    # Lines for the start-up log: names in .env that look like a mistyped setting, which nothing reads.
    notes: tuple[str, ...] = ()

    def require_token(self) -> str:
        """The token is only needed to connect; offline commands work without it."""
        if not self.token:
            raise SettingsError("DISCORD_TOKEN", "is not set", self.token_fix or missing_token_fix(None))
        return self.token

    @property
    def shard_scope(self) -> ShardScope | None:
        """The shards this process serves, or ``None`` until Discord tells the count."""
        if self.shard_count is None:
            return None
        return ShardScope.of(self.shard_count, self.shard_ids)


def _int(env: Mapping[str, str], name: str, default: int | None, *, minimum: int, maximum: int) -> int | None:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    if re.fullmatch(r"[+-]?\d+", raw) and len(raw.lstrip("+-").lstrip("0")) > len(str(maximum)):
        # Longer than the maximum (int() refuses past 4,300 digits anyway): out of range, not "not a number".
        raise SettingsError(
            name, f"is {clip(raw, ECHO_CHARS)!r}, out of range", f"set it to a number from {minimum} to {maximum}"
        )
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(
            name, f"is {clip(raw, ECHO_CHARS)!r}, not a whole number", f"set it to a number from {minimum} to {maximum}"
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
            name, f"is {clip(raw, ECHO_CHARS)!r}, not a number", f"set it to a number from {minimum:g} to {maximum:g}"
        ) from None
    if not minimum <= value <= maximum:
        raise SettingsError(name, f"is {value:g}, out of range", f"set it to a number from {minimum:g} to {maximum:g}")
    return value


def _url(env: Mapping[str, str], name: str, schemes: tuple[str, ...], example: str) -> str | None:
    raw = env.get(name, "").strip()
    if not raw:
        return None
    try:
        url = yarl.URL(raw)
        port = url.port
    except ValueError as error:
        # yarl says what is wrong ("Invalid IPv6 URL", "Port out of range 0-65535").
        raise SettingsError(
            name, f"is {raw!r}, not a valid URL ({error})", f"set it like {example} or leave it empty"
        ) from None
    if url.scheme not in schemes or not url.host:
        raise SettingsError(
            name, f"is {raw!r}, not a {'/'.join(schemes)} URL", f"set it like {example} or leave it empty"
        )
    if is_ip_address(url.host) and ":" not in url.host and not is_canonical_ipv4_address(url.host):
        # aiohttp, which will use the URL, refuses 999.1.1.1, 127.1 or 256.0.0.1 at the first request.
        raise SettingsError(
            name,
            f"is {clip(raw, ECHO_CHARS)!r}, not a valid URL ({url.host} is not an IPv4 address)",
            f"write four numbers from 0 to 255, like {example}, or leave it empty",
        )
    if port is not None and not 1 <= port <= 65535:
        raise SettingsError(name, f"has port {port}, out of range", f"use a port from 1 to 65535, e.g. {example}")
    return raw.rstrip("/")


def _token(env: Mapping[str, str]) -> str | None:
    raw = env.get("DISCORD_TOKEN", "").strip()
    if not raw:
        return None
    if raw.startswith("<") and raw.endswith(">"):
        # The line the README and the "is not set" answer spell out, copied as it stands. Not
        # echoed: what is inside the brackets may be the real token.
        raise SettingsError(
            "DISCORD_TOKEN",
            "still holds a placeholder in angle brackets",
            f"replace it, brackets and all, with the token itself; {TOKEN_SOURCE}",
        )
    if any(ch.isspace() for ch in raw) or raw.lower().startswith("bot "):
        raise SettingsError("DISCORD_TOKEN", "looks malformed", "paste only the token itself, without 'Bot ' or spaces")
    odd = next((ch for ch in raw if not _TOKEN_CHARS.fullmatch(ch)), None)
    if odd is not None:
        # Sent as an HTTP header, such a character was a traceback (a control character) or a
        # request Discord cannot match. Only the character is named: the token is a secret.
        kind = repr(odd) if odd.isprintable() else f"the control character U+{ord(odd):04X}"
        raise SettingsError(
            "DISCORD_TOKEN",
            f"looks malformed: it has {kind}, which no token has",
            "paste only the token itself (letters, digits, dots, - and _), without quotes",
        )
    return raw


TOKEN_SOURCE = "the token is on https://discord.com/developers/applications (Bot -> Reset Token)"


def missing_token_fix(
    root: Path | None, *, env_is_empty: bool = False, in_dotenv: bool = False, misnamed: str | None = None
) -> str:
    """What to do about a missing token, naming the file to edit in the folder the bot runs in.

    An installed wheel has no ``.env.example`` beside it, so that file is only named where it
    is (a checkout); elsewhere the line to write is spelled out. A token in ``.env`` that an
    empty ``DISCORD_TOKEN`` in the environment hides (the environment wins) is named as such,
    and so is one under a mistyped name (``misnamed``, e.g. ``DISCORD_TOKN``), which nothing reads.
    """
    if root is None:
        return f"put the line DISCORD_TOKEN=<your bot token> in .env in the folder the bot starts in; {TOKEN_SOURCE}"
    dotenv = root / ".env"
    if misnamed is not None:
        return f"{dotenv} names it {clip(misnamed, ECHO_CHARS)!r}: spell the name DISCORD_TOKEN, exactly"
    if env_is_empty and in_dotenv:
        return f"the environment has it empty, and the environment wins over {dotenv}: unset it there, or give it the token"
    if _exists(dotenv):
        return f"paste your bot token after DISCORD_TOKEN= in {dotenv} (or set it in the environment); {TOKEN_SOURCE}"
    if _exists(root / ".env.example"):
        return f"copy .env.example to .env in {root} and paste your bot token after DISCORD_TOKEN=; {TOKEN_SOURCE}"
    return (
        f"create {dotenv} with the line DISCORD_TOKEN=<your bot token> (or set it in the environment); {TOKEN_SOURCE}"
    )


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # a name too long, a loop of links: not a file to point at
        return False


def _log_level(env: Mapping[str, str]) -> int:
    raw = env.get("LOG_LEVEL", "").strip().upper() or "INFO"
    level = logging.getLevelNamesMapping().get(raw)
    if level is None:
        raise SettingsError("LOG_LEVEL", f"is {raw!r}", "use one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
    return level


def _shards(env: Mapping[str, str]) -> tuple[int | None, tuple[int, ...] | None]:
    """``SHARD_COUNT`` and ``SHARD_IDS`` (``0-3``, ``0,1,2,3`` or ``0-1,3``), checked together.

    Both empty: Discord recommends the count and this process runs every shard. A count
    alone: this process runs all of them. Ids need a count, and every id is below it.
    """
    count = _int(env, "SHARD_COUNT", None, minimum=1, maximum=MAX_SHARD_COUNT)
    raw = env.get("SHARD_IDS", "").strip()
    if not raw:
        return count, None
    example = "write them like 0-3 or 0,1,2,3"
    ids: set[int] = set()
    for part in raw.split(","):
        match = _SHARD_PART.fullmatch(part.strip())
        if match is None:
            raise SettingsError("SHARD_IDS", f"is {clip(raw, ECHO_CHARS)!r}, not a list of shard numbers", example)
        if any(len(number.lstrip("0")) > len(str(MAX_SHARD_COUNT)) for number in match.groups() if number):
            raise SettingsError(
                "SHARD_IDS",
                f"has shard {clip(part.strip(), ECHO_CHARS)}, out of range",
                f"use numbers below {MAX_SHARD_COUNT}",
            )
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if last < first:
            raise SettingsError("SHARD_IDS", f"has the range {part.strip()!r}, which runs backwards", example)
        if last >= MAX_SHARD_COUNT:
            raise SettingsError("SHARD_IDS", f"has shard {last}, out of range", f"use numbers below {MAX_SHARD_COUNT}")
        ids.update(range(first, last + 1))
    if count is None:
        raise SettingsError(
            "SHARD_IDS", "is set but SHARD_COUNT is not", "set SHARD_COUNT to the total number of shards of the bot"
        )
    outside = sorted(i for i in ids if i >= count)
    if outside:
        raise SettingsError(
            "SHARD_IDS",
            f"includes shard {outside[0]}, outside 0-{count - 1} for SHARD_COUNT={count}",
            "use ids from 0 to SHARD_COUNT - 1",
        )
    return count, tuple(sorted(ids))


def _database_path(env: Mapping[str, str], root: Path) -> Path:
    db_raw = env.get("DATABASE_PATH", "").strip() or DEFAULT_DATABASE_PATH
    try:
        db_path = Path(db_raw).expanduser()
    except RuntimeError:
        # "~someone/x" for a user this machine does not know, or no home folder at all.
        user = db_raw.split("/", 1)[0]
        raise SettingsError(
            "DATABASE_PATH", f"starts with {user!r}, a home folder this machine does not know", "write the full path"
        ) from None
    if not db_path.is_absolute():
        db_path = root / db_path
    try:
        is_folder = db_path.is_dir()
    except OSError as error:  # a name too long, a loop of links
        raise SettingsError(
            "DATABASE_PATH", f"cannot be used ({error.strerror or error})", "name a shorter path to a file"
        ) from None
    if is_folder:
        raise SettingsError("DATABASE_PATH", f"is the folder {db_raw!r}", "name a file, e.g. data/dogear.sqlite3")
    return db_path


def read_dotenv(path: Path) -> dict[str, str]:
    """The settings in ``path`` (a missing file has none), refusing what dotenv would misread.

    python-dotenv reads UTF-8 and turns anything else into a traceback or into keys that
    silently never match (a UTF-16 file); a UTF-8 byte-order mark is harmless and dropped.
    A line it cannot parse, which it would skip with a warning (so a later "is not set" misleads),
    is refused, naming the line but never echoing a value (it may be the token).
    """
    from dotenv import dotenv_values
    from dotenv.parser import parse_stream

    try:
        # Bounded: `.env` linked to /dev/zero or to a huge file by mistake is refused, never read
        # whole. A pipe is read as a file (a secrets manager may serve `.env` as one).
        with path.open("rb") as handle:
            data = handle.read(MAX_DOTENV_BYTES + 1)
    except FileNotFoundError:
        return {}
    except IsADirectoryError:
        raise SettingsError(
            ".env", f"at {path} is a folder", "remove it, or make it a text file of NAME=value lines"
        ) from None
    except OSError as error:
        raise SettingsError(".env", f"at {path} cannot be read ({error.strerror})", "check its permissions") from None
    if len(data) > MAX_DOTENV_BYTES:
        raise SettingsError(
            ".env",
            f"at {path} is larger than {MAX_DOTENV_BYTES >> 20} MB",
            "it holds a few NAME=value lines; check that it is the right file",
        )
    if max(data.count(b"\n"), data.count(b"\r")) > MAX_DOTENV_LINES:  # (old Mac files end lines with CR alone)
        raise SettingsError(
            ".env",
            f"at {path} has more than {MAX_DOTENV_LINES:,} lines",
            "it holds a few NAME=value lines; check that it is the right file",
        )
    fix = "save it as UTF-8 (plain text) and start again"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (b"\x00" in data and _looks_utf16(data)):
        raise SettingsError(".env", f"at {path} is saved as UTF-16 (or another wide encoding)", fix)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise SettingsError(".env", f"at {path} is not a text file (a NUL byte on line {line})", fix)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SettingsError(".env", f"at {path} is not UTF-8 text (an undecodable byte on line {line})", fix) from None
    for binding in parse_stream(io.StringIO(text)):
        if binding.error:
            statement = binding.original.string
            line = binding.original.line + len(statement) - len(statement.lstrip("\r\n"))
            name = _DOTENV_NAME.match(statement.lstrip())
            starts = f" (it starts with {name.group(1)!r})" if name else ""
            raise SettingsError(
                ".env",
                f"line {line} is not KEY=VALUE{starts}",
                f"write it as NAME=value, close any quote you open, and start again ({path})",
            )
    return {key: value for key, value in dotenv_values(stream=io.StringIO(text)).items() if value is not None}


_DOTENV_NAME = re.compile(r"(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)")


def _looks_utf16(data: bytes) -> bool:
    """ASCII text saved as UTF-16 without a byte-order mark: every other byte is NUL."""
    half = len(data) // 2
    return half > 0 and max(data[0::2].count(0), data[1::2].count(0)) >= half * 0.9


def load_settings(env: Mapping[str, str] | None = None, *, root: Path | None = None) -> Settings:
    """Build settings from ``env`` (default: the process environment plus ``.env``).

    ``root`` is the folder the bot runs in (default: the current directory): ``.env`` is read
    there and a relative ``DATABASE_PATH`` is under it, so an installed wheel and a checkout
    behave alike.
    """
    root = Path.cwd() if root is None else root
    dotenv: dict[str, str] = {}
    misnamed: dict[str, str] = {}
    hidden: list[str] = []
    if env is None:
        dotenv = read_dotenv(root / ".env")
        misnamed = misnamed_settings(dotenv, root / ".env")
        hidden = hidden_by_empty_environment(dotenv, os.environ)
        for key, value in dotenv.items():
            os.environ.setdefault(key, value)  # the environment wins over .env
        env = os.environ
    # A near miss matters only while the setting it resembles is unset.
    misnamed = {key: name for key, name in misnamed.items() if not env.get(name, "").strip()}
    db_path = _database_path(env, root)
    shard_count, shard_ids = _shards(env)
    return Settings(
        token=_token(env),
        database_path=db_path,
        dev_guild_id=_int(env, "DEV_GUILD_ID", None, minimum=1, maximum=2**64 - 1),
        log_level=_log_level(env),
        api_base=_url(env, "DISCORD_API_BASE", ("http", "https"), "http://127.0.0.1:8080/api/v10"),
        gateway_url=_url(env, "DISCORD_GATEWAY_URL", ("ws", "wss"), "ws://127.0.0.1:8080/gateway"),
        max_upload_bytes=_int(
            env, "MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES, minimum=1024, maximum=REQUEST_BODY_BYTES
        )
        or 0,
        message_budget=_int(env, "MESSAGE_BUDGET", MESSAGE_CHARS, minimum=200, maximum=MESSAGE_CHARS) or MESSAGE_CHARS,
        discussion_grace_hours=_float(env, "DISCUSSION_GRACE_HOURS", 6.0, minimum=0.0, maximum=168.0),
        data_retention_days=_float(env, "DATA_RETENTION_DAYS", 30.0, minimum=0.0, maximum=3650.0),
        max_post_messages=_int(env, "MAX_POST_MESSAGES", 100, minimum=1, maximum=1000) or 100,
        max_chapters=_int(env, "MAX_CHAPTERS", 2000, minimum=1, maximum=20_000) or 2000,
        shard_count=shard_count,
        shard_ids=shard_ids,
        token_fix=missing_token_fix(
            root,
            env_is_empty=not env.get("DISCORD_TOKEN", "").strip(),
            in_dotenv=bool(dotenv.get("DISCORD_TOKEN", "").strip()),
            misnamed=next((key for key, name in misnamed.items() if name == "DISCORD_TOKEN"), None),
        ),
        notes=tuple(
            f"{root / '.env'} sets {clip(key, ECHO_CHARS)!r}, which is no setting and is ignored: did you mean {name}?"
            for key, name in misnamed.items()
            if name != "DISCORD_TOKEN"  # the answer to the missing token names it
        )
        + tuple(
            f"{name} is set but empty in the environment, which wins over {root / '.env'}: its value there is "
            f"ignored and {name} keeps its default; unset it in the environment, or give it the value there"
            for name in hidden
        ),
    )


def hidden_by_empty_environment(dotenv: Mapping[str, str], environ: Mapping[str, str]) -> list[str]:
    """Settings ``.env`` gives a value that an empty variable of the environment hides.

    The environment wins over ``.env`` even when empty (a container's ``-e DATABASE_PATH`` of a
    variable unset on the host), so the setting silently kept its default: an empty
    ``DATABASE_PATH`` started the bot on a new database beside the club's. The token has its own
    answer (:func:`missing_token_fix`).
    """
    return [
        name
        for name in SETTING_NAMES
        if name != "DISCORD_TOKEN" and dotenv.get(name, "").strip() and name in environ and not environ[name].strip()
    ]


def misnamed_settings(dotenv: Mapping[str, str], path: Path) -> dict[str, str]:
    """Names in ``.env`` that are a setting's misspelt, each with the setting it looks like.

    Nothing reads such a line, so the setting silently keeps its default: ``database_path=`` or
    ``DATABASE_PTH=`` would start the bot on a new, empty database beside the club's. A setting's
    name in other letter case can mean nothing else and is refused; a near miss (``LOG_LEVL``) may
    be another program's variable, so it is only reported (the start-up log, and the answer to a
    missing token).
    """
    found: dict[str, str] = {}
    for key in dotenv:
        if key in SETTING_NAMES:
            continue
        same = next((name for name in SETTING_NAMES if name == key.upper()), None)
        if same is not None:
            raise SettingsError(
                ".env",
                f"at {path} sets {clip(key, ECHO_CHARS)!r}, which is read only in capitals",
                f"write it as {same}",
            )
        close = difflib.get_close_matches(key.upper(), SETTING_NAMES, n=1, cutoff=NEAR_MISS_CUTOFF)
        if close:
            found[key] = close[0]
    return found
