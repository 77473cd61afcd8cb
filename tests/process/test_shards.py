"""Two real bot processes share the bot's shards against the Discord double (issue 15 points 1-3).

``python -m bot`` runs twice with ``SHARD_COUNT=2`` and ``SHARD_IDS=0`` / ``=1`` on one SQLite
file. Each identifies with its own shard, receives only its own servers and their
interactions, answers there; commands are synced once (by the shard-0 process); a scheduled
discussion posts exactly once although both processes' timers wake for it.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import signal
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.db import open_database
from bot.devtools.double import DiscordDouble
from bot.devtools.double.models import InteractionRecord
from bot.devtools.double.state import ClubLayout
from bot.devtools.driver import build_command_data
from bot.discussions.store import NewDiscussion, create_discussions
from bot.shards import shard_of
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.store import add_story
from tests.conftest import REPO_ROOT as PROJECT_ROOT
from tests.waiting import HANG_LIMIT, communicate, wait_for_exit, wait_until

BAD_STDERR = ("Task was destroyed", "Unclosed connector", "Unclosed client session", "Traceback", "database is locked")
DUE_AFTER_START = 5.0  # seconds: both processes' timers are running by then (they start before connecting)


@pytest.fixture
async def double() -> AsyncIterator[DiscordDouble]:
    # These tests are about routing, not speed: the answer deadline only bounds a hang
    # (tests/waiting.py), and the bot processes are niced like the demo run, so they do not
    # starve the rest of the suite.
    double = DiscordDouble(interaction_deadline=HANG_LIMIT)
    await double.start()
    try:
        yield double
    finally:
        await double.stop()


async def seed_discussion(path: Path, layout: ClubLayout, due: datetime) -> None:
    """A story and one discussion due shortly, written before either process starts."""
    story = Story(
        meta=StoryMeta(title="The Lamp at Gull Point"),
        chapters=[Chapter(n, None, [Scene([f"The lamp burned on, night {n}."])]) for n in (1, 2)],
        source_format="txt",
    )
    db = await open_database(path)
    try:
        digest = hashlib.sha256(b"shards").hexdigest()
        story_id = await add_story(db, layout.guild.id, story, content_hash=digest, added_by=None, now=0.0)
        item = NewDiscussion(
            story_id=story_id,
            chapter=1,
            due_at=due,
            channel_id=layout.text_channel.id,
            channel_explicit=True,
            remind=(),
            created_by=layout.admin.user.id,
        )
        await create_discussions(db, layout.guild.id, [item], now=datetime.now(UTC))
    finally:
        await db.close()


def ask_help(double: DiscordDouble, layout: ClubLayout) -> InteractionRecord:
    state = double.state
    data = build_command_data(
        state, layout.guild, "help", layout.member, layout.text_channel, None, {}, autocomplete=None
    )
    record = state.new_interaction(
        type=2, guild=layout.guild, channel=layout.text_channel, user=layout.member.user, data=data
    )
    double.dispatch_interaction(record)
    return record


def sessions_that_got(double: DiscordDouble, record: InteractionRecord) -> list[tuple[int, int]]:
    """Which shards' sessions the double sent this interaction to."""
    return [
        session.shard
        for session in double.gateway.sessions.values()
        if any(e["t"] == "INTERACTION_CREATE" and e["d"]["id"] == str(record.id) for e in session.events)
    ]


async def test_two_processes_split_the_shards_and_post_a_discussion_once(double: DiscordDouble, tmp_path: Path) -> None:
    state = double.state
    home = state.create_club_guild("Home", shard=(0, 2))
    club_a = state.create_club_guild("Shard 0 club", commands_from=home.guild.id, shard=(0, 2))
    club_b = state.create_club_guild("Shard 1 club", commands_from=home.guild.id, shard=(1, 2))
    assert [shard_of(c.guild.id, 2) for c in (home, club_a, club_b)] == [0, 0, 1]

    database = tmp_path / "shared.sqlite3"
    due = datetime.now(UTC) + timedelta(seconds=DUE_AFTER_START)
    await seed_discussion(database, club_a, due)

    base_env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DEV_GUILD", "DATABASE_", "SHARD_"))
    }
    base_env.update(double.env(DATABASE_PATH=str(database), DEV_GUILD_ID=str(home.guild.id), LOG_LEVEL="INFO"))
    base_env.update(PYTHONUNBUFFERED="1", PYTHONPATH=str(PROJECT_ROOT), SHARD_COUNT="2")
    logs = [tmp_path / f"shard-{shard}.log" for shard in (0, 1)]
    processes = []
    for shard, log_path in zip((0, 1), logs, strict=True):
        with log_path.open("wb") as log_file:
            processes.append(
                await asyncio.create_subprocess_exec(
                    sys.executable,
                    "-m",
                    "bot",
                    cwd=tmp_path,
                    preexec_fn=lambda: os.nice(10),
                    env={**base_env, "SHARD_IDS": str(shard)},
                    stdout=asyncio.subprocess.DEVNULL,
                    stderr=log_file,
                )
            )
    try:
        await wait_until(lambda: all("connected as" in p.read_text() for p in logs), "both processes ready")

        # Each process identified with its own shard and received only its own servers.
        assert sorted(double.gateway.identified_shards) == [(0, 2), (1, 2)]
        assert "to 2 servers on 1 shard" in logs[0].read_text()  # Home and club A
        assert "to 1 server on 1 shard" in logs[1].read_text()  # club B
        # Commands were synced once, by the process with shard 0.
        assert [scope for scope, _ in state.command_syncs] == [home.guild.id]
        assert "synced by the process running shard 0" in logs[1].read_text()

        # Each answers in its own servers: the interaction goes to one shard's session, and is answered.
        for layout, shard in ((club_a, 0), (club_b, 1)):
            record = ask_help(double, layout)
            await wait_until(lambda r=record: r.answered or r.failed, f"the answer to /help on shard {shard}")
            assert record.failed is None
            assert sessions_that_got(double, record) == [(shard, 2)]
            assert "Dogear" in state.messages[record.message_ids[0]].content

        # Both timers wake for the discussion; it is posted once.
        def posts() -> list:
            return [m for m in state.channel_history(club_a.text_channel.id) if m.author.id == state.bot_user.id]

        await wait_until(lambda: len(posts()) >= 1, "the discussion post")
        await asyncio.sleep(1.0)  # room for a second (wrong) post to arrive
        assert len(posts()) == 1, [m.content for m in posts()]
        assert state.channel_history(club_b.text_channel.id) == []
    finally:
        for process in processes:
            if process.returncode is None:
                process.send_signal(signal.SIGTERM)
        for process in processes:
            with contextlib.suppress(ProcessLookupError):
                await wait_for_exit(process)
    for process, log_path in zip(processes, logs, strict=True):
        log = log_path.read_text()
        assert process.returncode == 0, log
        for bad in BAD_STDERR:
            assert bad not in log, f"{bad!r} in {log_path.name}:\n{log}"


async def test_without_shard_settings_one_process_opens_every_recommended_shard(
    double: DiscordDouble, tmp_path: Path
) -> None:
    """No SHARD_COUNT: the bot asks GET /gateway/bot, opens each shard, and its scope is the count Discord picked."""
    state = double.state
    state.recommended_shards = 2
    home = state.create_club_guild("Home", shard=(0, 2))
    club_b = state.create_club_guild("Shard 1 club", commands_from=home.guild.id, shard=(1, 2))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DEV_GUILD", "DATABASE_", "SHARD_"))}
    env.update(double.env(DATABASE_PATH=str(tmp_path / "auto.sqlite3"), DEV_GUILD_ID=str(home.guild.id)))
    env.update(PYTHONUNBUFFERED="1", PYTHONPATH=str(PROJECT_ROOT), LOG_LEVEL="INFO")
    log_path = tmp_path / "auto.log"
    with log_path.open("wb") as log_file:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            cwd=tmp_path,
            preexec_fn=lambda: os.nice(10),
            env=env,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=log_file,
        )
    try:
        await wait_until(lambda: "connected as" in log_path.read_text(), "the bot ready")
        log = log_path.read_text()
        assert "Discord recommends 2 shards; running them all in this process" in log
        assert "to 2 servers on 2 shards" in log
        assert sorted(double.gateway.identified_shards) == [(0, 2), (1, 2)]
        assert [scope for scope, _ in state.command_syncs] == [home.guild.id]  # it has shard 0: it syncs
        record = ask_help(double, club_b)
        await wait_until(lambda: record.answered or record.failed, "the answer on shard 1")
        assert record.failed is None and sessions_that_got(double, record) == [(1, 2)]
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        await wait_for_exit(process)
    assert process.returncode == 0, log_path.read_text()


async def test_a_second_process_for_the_same_servers_waits_for_the_first_to_stop(
    double: DiscordDouble, tmp_path: Path
) -> None:
    """A deploy starting the new process before the old one stops (or a copy started by mistake):
    both would resume the same posts and claim the same discussions. The second waits, saying so,
    without connecting, and serves once the first has stopped."""
    home = double.state.create_club_guild("Home")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DEV_GUILD", "DATABASE_", "SHARD_"))}
    env.update(double.env(DATABASE_PATH=str(tmp_path / "one.sqlite3"), DEV_GUILD_ID=str(home.guild.id)))
    env.update(PYTHONUNBUFFERED="1", PYTHONPATH=str(PROJECT_ROOT), LOG_LEVEL="INFO")
    logs = [tmp_path / "old.log", tmp_path / "new.log"]

    async def start(log_path: Path) -> asyncio.subprocess.Process:
        with log_path.open("wb") as log_file:
            return await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", cwd=tmp_path, preexec_fn=lambda: os.nice(10), env=env,
                stdout=asyncio.subprocess.DEVNULL, stderr=log_file,
            )  # fmt: skip

    old = await start(logs[0])
    new = None
    try:
        await wait_until(lambda: "connected as" in logs[0].read_text(), "the first process ready")
        new = await start(logs[1])
        await wait_until(lambda: "waiting for it to stop" in logs[1].read_text(), "the second process waiting")
        await asyncio.sleep(1.0)
        assert double.gateway.identifies == 1  # the second has not connected
        old.send_signal(signal.SIGTERM)
        assert await wait_for_exit(old) == 0
        await wait_until(lambda: "connected as" in logs[1].read_text(), "the second process serving")
        assert "the other process stopped" in logs[1].read_text()
        assert double.gateway.identifies == 2
    finally:
        for process in (old, new):
            if process is not None and process.returncode is None:
                process.send_signal(signal.SIGTERM)
        for process in (old, new):
            if process is not None:
                with contextlib.suppress(ProcessLookupError):
                    await wait_for_exit(process)
    assert new is not None and new.returncode == 0, logs[1].read_text()
    for log_path in logs:
        for bad in BAD_STDERR:
            assert bad not in log_path.read_text(), f"{bad!r} in {log_path.name}"


# ---------------------------------------------------------------------------------------------- the double's sharding
FIRST_ANSWER_SECONDS = 10.0


async def identify(double: DiscordDouble, shard: object) -> tuple[int | None, list[dict]]:
    """IDENTIFY with ``shard`` on a raw websocket: the close code (None if it stayed open) and the dispatches."""
    import json

    import aiohttp

    events: list[dict] = []
    async with aiohttp.ClientSession() as session, session.ws_connect(double.gateway_url) as ws:
        hello = json.loads((await ws.receive()).data)
        assert hello["op"] == 10
        payload = {"token": double.state.token, "intents": 1, "properties": {}}
        if shard is not None:
            payload["shard"] = shard
        await ws.send_json({"op": 2, "d": payload})
        while True:
            # The first answer (READY over a thousand servers, or the close) may take seconds on a
            # loaded machine; after one, half a second of quiet means the dispatches are over.
            try:
                message = await asyncio.wait_for(ws.receive(), 0.5 if events else FIRST_ANSWER_SECONDS)
            except TimeoutError:
                return None, events
            if message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING):
                return ws.close_code, events
            events.append(json.loads(message.data))


async def test_double_recommends_shards_and_routes_guild_creates(double: DiscordDouble) -> None:
    import aiohttp

    state = double.state
    on_0 = state.create_club_guild("Zero", shard=(0, 3))
    on_2 = state.create_club_guild("Two", shard=(2, 3))
    auth = {"Authorization": f"Bot {state.token}"}
    async with (
        aiohttp.ClientSession(headers=auth) as session,
        session.get(f"{double.api_base}/gateway/bot") as response,
    ):
        body = await response.json()
    assert body["shards"] == 1 and body["session_start_limit"]["max_concurrency"] >= 1
    state.create_plain_guilds(1_200, channels=1)
    async with (
        aiohttp.ClientSession(headers=auth) as session,
        session.get(f"{double.api_base}/gateway/bot") as response,
    ):
        assert (await response.json())["shards"] == 2  # one per 1,000 servers, rounded up

    code, events = await identify(double, [2, 3])
    assert code is None
    ready = events[0]["d"]
    assert events[0]["t"] == "READY" and ready["shard"] == [2, 3]
    created = {int(e["d"]["id"]) for e in events if e["t"] == "GUILD_CREATE"}
    assert on_2.guild.id in created and on_0.guild.id not in created
    assert all(shard_of(guild_id, 3) == 2 for guild_id in created)
    assert {int(g["id"]) for g in ready["guilds"]} == created


@pytest.mark.parametrize("shard", [[2, 2], [-1, 2], [0], "0,1", [True, 2]], ids=str)
async def test_double_closes_an_invalid_shard_with_4010(double: DiscordDouble, shard: object) -> None:
    code, _ = await identify(double, shard)
    assert code == 4010


async def test_double_requires_sharding_past_2500_servers(double: DiscordDouble) -> None:
    double.state.create_plain_guilds(2_501, channels=1)
    code, _ = await identify(double, None)
    assert code == 4011
    code, _ = await identify(double, [0, 2])  # two shards of about 1,250 servers: accepted
    assert code is None


async def test_too_few_shards_for_the_servers_gets_one_line(double: DiscordDouble, tmp_path: Path) -> None:
    """SHARD_COUNT=1 for 2,501 servers: Discord closes with 4011; the process says which setting to fix."""
    double.state.create_plain_guilds(2_501, channels=1)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DEV_GUILD", "DATABASE_", "SHARD_"))}
    env.update(double.env(DATABASE_PATH=str(tmp_path / "small.sqlite3"), SHARD_COUNT="1"))
    env.update(PYTHONPATH=str(PROJECT_ROOT))
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=tmp_path,
        preexec_fn=lambda: os.nice(10),
        env=env,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await communicate(process)
    log = stderr.decode()
    assert process.returncode == 2, log
    assert "Traceback" not in log
    last = log.strip().splitlines()[-1]
    assert last.startswith("dogear: SHARD_COUNT is too small") and "4011" in last
