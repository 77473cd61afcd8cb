"""The foundation end to end: state survives a restart, ``python -m bot`` really runs against the
double from its environment alone and shuts down cleanly, ``python -m bot sync`` syncs globally,
and a server that removes the bot is marked as left.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.devtools.double import DiscordDouble
from bot.devtools.double.models import InteractionRecord
from bot.devtools.double.state import ClubLayout
from bot.devtools.driver import Club, build_command_data
from bot.guilds import GuildSettings, get_settings
from tests.conftest import REPO_ROOT as PROJECT_ROOT
from tests.waiting import HANG_LIMIT, communicate, wait_until

BAD_STDERR = ("Task was destroyed", "Unclosed connector", "Unclosed client session", "Traceback")


async def test_restart_keeps_the_servers_settings(club: Club) -> None:
    await club.slash("config set", member=club.admin, timezone="Europe/Berlin", club_channel=club.text_channel)
    first_bot = club.bot
    await club.restart()
    assert club.bot is not first_bot and first_bot.is_closed() and first_bot.db_closed
    replies = await club.slash("config show", member=club.admin)
    assert "Europe/Berlin" in replies[0].text
    assert club.text_channel.mention() in replies[0].text


async def test_the_fixture_builds_the_bot_like_python_m_bot(club: Club) -> None:
    bot = club.bot
    assert bot.settings.api_base == club.double.api_base
    assert bot.settings.gateway_url == club.double.gateway_url
    assert club.double.api_base == discord.http.Route.BASE
    assert not bot.intents.members and not bot.intents.message_content and not bot.intents.presences
    assert bot.allowed_mentions.to_dict() == {"parse": []}
    synced = [scope for scope, _ in club.state.command_syncs]
    assert bot.settings.dev_guild_id in synced and None not in synced  # dev guild on start, never global


async def test_a_server_that_removes_the_bot_is_marked_left_and_rejoining_clears_it(club: Club) -> None:
    async def left_at() -> float | None:
        return await club.bot.db.fetch_value("SELECT left_at FROM guilds WHERE guild_id = ?", (club.guild.id,))

    assert await club.run(left_at) is None
    await club.remove_guild()
    assert await club.run(left_at) == pytest.approx(club.clock.now().timestamp())

    async def rejoin() -> None:
        club.state.add_bot_to_guild(club.guild)
        await club.runtime._wait_for(lambda: club.bot.get_guild(club.guild.id) is not None, "the bot to rejoin")
        await club.runtime.settle()

    await club.run(rejoin)
    assert await club.run(left_at) is None


async def test_a_server_that_removes_the_bot_while_it_is_stopped_is_marked_left_at_the_next_start(club: Club) -> None:
    """No GUILD_DELETE reaches a stopped bot: the shard's server list at the next start tells instead.

    A server in an outage at that start is listed as unavailable: it has not left, and keeps its data.
    """
    outage = await club.add_guild("Outage Club")
    for server in (club, outage):
        await server.slash("config set", member=server.admin, timezone="Europe/Berlin")

    async def left_at(server: Club) -> float | None:
        return await server.bot.db.fetch_value("SELECT left_at FROM guilds WHERE guild_id = ?", (server.guild.id,))

    async def while_down() -> None:
        club.guild.bot_in_guild = False  # removed meanwhile: the bot is told nothing
        outage.guild.outage = True

    try:
        await club.restart(while_down=while_down)
        await club.settle()
        assert await club.run(left_at(club)) == pytest.approx(club.clock.now().timestamp())
        assert await club.run(left_at(outage)) is None
    finally:
        outage.guild.outage = False
    club.state.dispatch("GUILD_CREATE", club.state.guild_payload(outage.guild))  # the outage ends
    await outage.wait_for(lambda: not club.bot.get_guild(outage.guild.id).unavailable, "the server to come back")
    [shown] = await outage.slash("config show", member=outage.admin)
    assert "Europe/Berlin" in shown.text

    retention = timedelta(days=club.bot.settings.data_retention_days)
    await club.clock.advance(retention - timedelta(minutes=1))
    assert await club.run(get_settings(club.bot.db, club.guild.id)) == GuildSettings(
        club.guild.id, timezone="Europe/Berlin"
    )
    await club.clock.advance(timedelta(minutes=2))
    await club.settle()
    assert (
        await club.run(club.bot.db.fetch_value("SELECT count(*) FROM guilds WHERE guild_id = ?", (club.guild.id,))) == 0
    )
    assert await club.run(left_at(outage)) is None


# ---------------------------------------------------------------------------------------------- the real CLI


@pytest.fixture
async def own_double() -> AsyncIterator[tuple[DiscordDouble, ClubLayout]]:
    """A second double on this test's loop, for a bot process of its own."""
    # A process of its own, niced or not, on a busy machine: the answer deadline only bounds a hang.
    double = DiscordDouble(interaction_deadline=HANG_LIMIT)
    await double.start()
    try:
        yield double, double.state.create_club_guild("CLI Club")
    finally:
        await double.stop()


def cli_env(double: DiscordDouble, tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DEV_GUILD", "DATABASE_"))}
    env.update(double.env(DATABASE_PATH=str(tmp_path / "cli.sqlite3"), LOG_LEVEL="INFO", **extra))
    env["PYTHONUNBUFFERED"] = "1"
    return env


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
async def test_python_m_bot_connects_syncs_answers_and_stops_cleanly_on_a_signal(
    own_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path, stop_signal: signal.Signals
) -> None:
    double, layout = own_double
    env = cli_env(double, tmp_path, DEV_GUILD_ID=str(layout.guild.id))
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=PROJECT_ROOT, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        state = double.state
        await wait_until(
            lambda: any(scope == layout.guild.id for scope, _ in state.command_syncs), "the dev-guild sync"
        )
        await wait_until(lambda: double.gateway.identifies >= 1, "IDENTIFY")
        assert all(scope is not None for scope, _ in state.command_syncs)  # never global on start

        data = build_command_data(
            state, layout.guild, "help", layout.member, layout.text_channel, None, {}, autocomplete=None
        )
        record: InteractionRecord = state.new_interaction(
            type=2, guild=layout.guild, channel=layout.text_channel, user=layout.member.user, data=data
        )
        double.dispatch_interaction(record)
        await wait_until(lambda: record.answered or record.failed, "the answer to /help")
        assert record.failed is None
        answer = state.messages[record.message_ids[0]]
        assert "Dogear" in answer.content and answer.ephemeral
    finally:
        if process.returncode is None:
            process.send_signal(stop_signal)
        _, stderr = await communicate(process)
    log = stderr.decode()
    assert process.returncode == 0, log
    for bad in BAD_STDERR:
        assert bad not in log, f"{bad!r} in stderr:\n{log}"
    assert "synced" in log and "database closed" in log
    assert (tmp_path / "cli.sqlite3").exists()


async def test_python_m_bot_sync_syncs_globally_and_exits(
    own_double: tuple[DiscordDouble, ClubLayout], tmp_path: Path
) -> None:
    double, _ = own_double
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "sync", cwd=PROJECT_ROOT, env=cli_env(double, tmp_path),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    _, stderr = await communicate(process)
    log = stderr.decode()
    assert process.returncode == 0, log
    for bad in BAD_STDERR:
        assert bad not in log, f"{bad!r} in stderr:\n{log}"
    scopes = [scope for scope, _ in double.state.command_syncs]
    assert scopes == [None]
    names = {command["name"] for command in double.state.commands[None]}
    assert {"help", "config"} <= names
    assert double.gateway.identifies == 0  # sync needs no gateway connection


def test_python_m_bot_demo_runs_without_a_token(demo_run: Any) -> None:
    code, transcript, log, left_behind = demo_run.result()
    assert code == 0, f"{log}\n--- transcript ---\n{transcript}"
    assert "Traceback" not in log
    assert "Dogear demo" in transcript
    assert "Mel › /help" in transcript and "Ada › /config set" in transcript
    assert ", 0 failed interactions." in transcript
    assert "skipped" not in transcript  # every command of the script exists in this build
    assert "Ollie presses [I've read this]" in transcript
    assert "Posted chapter 2 of **The Lamp at Gull Point**" in transcript
    assert "(nobody was pinged by these posts)" in transcript  # chapter 2 has '@everyone' in its text
    assert "(this post pinged @Readers)" in transcript  # the discussion opens with the club role's ping
    assert left_behind == []  # the demo's database lived in a temporary directory


@pytest.mark.parametrize("args", [["--bogus"], ["--story", "/no/such/story.md"]])
def test_python_m_bot_demo_bad_arguments_get_one_line_and_status_2(args: list[str]) -> None:
    import subprocess

    result = subprocess.run(
        [sys.executable, "-m", "bot", "demo", *args],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=HANG_LIMIT,
    )
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("dogear: demo: ")
    assert result.stdout == ""


# What each story file of tests/e2e/demo_stories.py must show: its title and chapter count as
# the bot reports them, and what differs between them (chapter 1 has a warning, or none).
STORY_DEMOS = {
    "orchard.md": ("The Salt Orchard · 3 ch.", "Mel presses [Show it anyway]"),
    "kites.txt": ("Kites over Harrowden · 2 ch.", "(skipped: chapter 1 of this story has no warning to avoid)"),
}


@pytest.mark.parametrize("story_file", list(STORY_DEMOS))
def test_python_m_bot_demo_runs_with_a_story_file_of_its_own(story_file: str, story_demo_run: Any) -> None:
    code, transcript, log, left_behind = story_demo_run.result()
    assert code == 0, f"{log}\n--- transcript ---\n{transcript}"
    assert "Traceback" not in log
    picked, difference = STORY_DEMOS[story_file]
    title = picked.split(" · ")[0]
    assert f"Story file: {story_file}" in transcript
    assert f"Ada › /excerpt post story:{picked} chapter:1" in transcript
    assert f"Posted chapter 2 of **{title}**" in transcript
    assert "Ollie presses [I've read this]" in transcript
    assert difference in transcript
    assert "nothing suggested" not in transcript and "Gull" not in transcript
    assert "(this post pinged @Readers)" in transcript  # the discussion opened on time
    assert ", 0 failed interactions." in transcript
    assert left_behind == []


def _write_bad_story(folder: Path, kind: str) -> Path:
    """A story file the importer refuses, of the given kind."""
    if kind == "folder":
        return folder
    path = folder / {"empty": "empty.md", "binary": "binary.txt", "too big": "huge.txt"}[kind]
    if kind == "binary":
        path.write_bytes(bytes(range(256)) * 8)
    elif kind == "too big":
        path.write_bytes(b"word " * (4 * 1024 * 1024 // 5 + 1))  # past the 4 MiB default upload limit
    else:
        path.write_bytes(b"")
    return path


@pytest.mark.parametrize(
    ("kind", "says"),
    [
        ("empty", "The file is empty"),
        ("binary", "is not readable text"),
        ("too big", "larger than the 4 MiB limit"),
        ("folder", "is a folder"),
    ],
)
def test_python_m_bot_demo_refuses_a_story_file_the_importer_refuses_before_it_starts(
    tmp_path: Path, kind: str, says: str
) -> None:
    import subprocess

    path = _write_bad_story(tmp_path, kind)
    result = subprocess.run(
        [sys.executable, "-m", "bot", "demo", "--story", str(path)],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=HANG_LIMIT,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith(f"dogear: demo: {path}")
    assert says in result.stderr
    assert result.stdout == ""  # refused before the double started: no transcript at all
