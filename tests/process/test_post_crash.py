"""What only a real process shows: ``python -m bot`` killed with SIGKILL in the middle of ``/excerpt post``.

The double runs in the test process; the bot runs as ``python -m bot`` in a subprocess pointed
at it through ``DISCORD_API_BASE`` / ``DISCORD_GATEWAY_URL`` / ``DATABASE_PATH``, exactly as
in production. It is killed (no shutdown code runs, a message may be sent but not recorded)
after about ten messages of a long chapter, then started again: the chapter must end up in
the channel exactly once, complete and in order, with its header once, and the admin's
still-open interaction must learn that the post resumed and finished.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.devtools.double import DiscordDouble
from bot.devtools.double.limits import RateLimitRules
from bot.devtools.double.models import InteractionRecord, Message
from bot.devtools.double.state import ClubLayout
from bot.devtools.driver import build_command_data
from tests.conftest import REPO_ROOT as PROJECT_ROOT
from tests.process.crash_kit import BAD_LOG
from tests.waiting import HANG_LIMIT, wait_for_exit, wait_until

PARAGRAPHS = 34  # about one message each: 35 messages with the header
KILL_AFTER = 10
TIME_SCALE = 0.05  # Discord's 5 messages per 5 s, twenty times faster: the post takes about 2 s


@pytest.fixture
async def crash_double() -> AsyncIterator[tuple[DiscordDouble, ClubLayout]]:
    # About a crash, not speed: the answer deadline only bounds a hang (tests/waiting.py).
    double = DiscordDouble(rate_rules=RateLimitRules(time_scale=TIME_SCALE), interaction_deadline=HANG_LIMIT)
    await double.start()
    try:
        yield double, double.state.create_club_guild("Crash Club")
    finally:
        await double.stop()


class BotProcess:
    """``python -m bot`` against the double, with its stderr kept for the assertion messages."""

    def __init__(self, double: DiscordDouble, layout: ClubLayout, database: Path) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DEV_GUILD", "DATABASE_"))}
        env.update(double.env(DATABASE_PATH=str(database), DEV_GUILD_ID=str(layout.guild.id), LOG_LEVEL="INFO"))
        env["PYTHONUNBUFFERED"] = "1"
        self.env = env
        self.double = double
        self.stderr = database.parent / f"bot-{time.monotonic_ns()}.err"
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        identifies = self.double.gateway.identifies
        syncs = len(self.double.state.command_syncs)
        with self.stderr.open("wb") as err:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", cwd=PROJECT_ROOT, env=self.env,
                stdout=asyncio.subprocess.DEVNULL, stderr=err,
            )  # fmt: skip
        await wait_until(lambda: len(self.double.state.command_syncs) > syncs, lambda: f"the bot to sync\n{self.log()}")
        await wait_until(lambda: self.double.gateway.identifies > identifies, "IDENTIFY")

    def log(self) -> str:
        return self.stderr.read_text(errors="replace") if self.stderr.exists() else ""

    async def stop(self, how: signal.Signals = signal.SIGTERM) -> int:
        assert self.process is not None
        if self.process.returncode is None:
            self.process.send_signal(how)
        return await wait_for_exit(self.process)

    def assert_clean(self) -> None:
        for bad in BAD_LOG:
            assert bad not in self.log(), f"{bad!r} in the log:\n{self.log()}"


def command(double: DiscordDouble, layout: ClubLayout, name: str, **options: object) -> InteractionRecord:
    file = options.pop("file", None)
    data = build_command_data(
        double.state,
        layout.guild,
        name,
        layout.admin,
        layout.text_channel,
        file,
        dict(options),
        autocomplete=None,  # type: ignore[arg-type]
    )
    record = double.state.new_interaction(
        type=2, guild=layout.guild, channel=layout.text_channel, user=layout.admin.user, data=data
    )
    double.dispatch_interaction(record)
    return record


def answers(double: DiscordDouble, record: InteractionRecord) -> list[Message]:
    return [double.state.messages[mid] for mid in record.message_ids if not double.state.messages[mid].loading]


def squash(text: str) -> str:
    return " ".join(text.split())


def channel_posts(double: DiscordDouble, layout: ClubLayout) -> list[Message]:
    return [m for m in double.state.channel_history(layout.general_channel.id) if m.interaction_id is None]


async def test_a_post_killed_with_sigkill_resumes_after_restart_exactly_once(
    crash_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    double, layout = crash_double
    database = tmp_path / "crash.sqlite3"
    body = "\n\n".join(f"Paragraph {i}: " + "The tide came in and went out. " * 55 for i in range(PARAGRAPHS))
    story_file = ("tide.txt", f"Title: The Cut Tide\n\n{body}\n".encode())

    first = BotProcess(double, layout, database)
    await first.start()
    added = command(double, layout, "story add", file=story_file)
    await wait_until(lambda: bool(answers(double, added)), lambda: f"/story add to answer\n{first.log()}")
    text = answers(double, added)[-1].content
    assert "Added" in text, text
    story_id = int(text.split("(story id ")[1].split(",")[0])

    posting = command(double, layout, "excerpt post", story=str(story_id), chapter=1, channel=layout.general_channel)
    await wait_until(
        lambda: len(channel_posts(double, layout)) >= KILL_AFTER, lambda: f"{KILL_AFTER} messages\n{first.log()}"
    )
    assert await first.stop(signal.SIGKILL) == -signal.SIGKILL
    cut_at = len(channel_posts(double, layout))
    assert KILL_AFTER <= cut_at < PARAGRAPHS + 1, "the post must be cut off in the middle"

    second = BotProcess(double, layout, database)
    await second.start()
    # Imported here: test_crash35 imports this module's helpers, and its helper is the shared tail.
    from tests.process.test_crash35 import assert_resumed_post_once

    told = await assert_resumed_post_once(double, layout, database, second, posting, paragraphs=PARAGRAPHS)
    assert not [m.content for m in channel_posts(double, layout) if m.content.startswith("-# ")]
    assert told[0].startswith("I restarted while posting chapter 1 of **The Cut Tide**"), told
    assert all(m.ephemeral for m in answers(double, posting))
    assert not [r for r in double.state.rate_limited if not r.retried]
