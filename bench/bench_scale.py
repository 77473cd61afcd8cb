"""Scale (issue 15 point 5): one bot process serving 10,000 servers over 10 shards, and the store at that size.

Gateway side: the Discord double (in this process) serves N servers of 20 text channels each;
``python -m bot`` starts with no shard setting, so it asks GET /gateway/bot (one shard per
1,000 servers) and opens every shard. Measured at 1,000 and 10,000 servers:

- time from starting the process to ``on_ready`` (every shard ready; the double relaxes
  Discord's IDENTIFY pacing to max_concurrency 16, as the issue allows);
- resident memory (VmRSS of the bot process) in total and per 1,000 servers;
- p99 time to answer a command (``/help`` and ``/progress show``, which reads SQLite) in the
  last server whose GUILD_CREATE arrived, measured once the start-up writes are done.

Baseline, in the same run: a plain ``discord.AutoShardedClient`` with discord.py's default
caches (message cache of 1,000, default member cache, chunking on) that answers every
interaction with a fixed text.

Storage side: a real SQLite file with 10,000 servers x 50 stories x 200 club members; each
member has progress rows in ``DENSITY`` of the stories (default 10 %, so 10 M rows; set
``DOGEAR_BENCH_DENSITY=1`` for the full 100 M rows: a 5 GB file, built in about 7 minutes here). The progress
write (``store.set_progress``) and the club view query (``store.club_progress``) are timed at
1,000 and at 10,000 servers; the 1,000-server figures are the baseline for growth.

``python -m bench scale`` runs it (a few minutes on 2 cores).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import signal
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.procfs import proc_kb

ROOT = Path(__file__).resolve().parent.parent
# DOGEAR_BENCH_SIZES="200,1000" for a quick look; the figures are 1,000 and 10,000.
SIZES = tuple(int(n) for n in os.environ.get("DOGEAR_BENCH_SIZES", "1000,10000").split(","))
CHANNELS = 20
COMMANDS = 100  # per command name and size
READY_LIMIT = 600.0
TARGET_READY_S = 60.0
TARGET_RSS_MB = 300.0
TARGET_COMMAND_P99_MS = 100.0

STORIES_PER_SERVER = 50
MEMBERS_PER_SERVER = 200
DENSITY = float(os.environ.get("DOGEAR_BENCH_DENSITY", "0.1"))
CHAPTERS = 30
WRITES = 2_000
VIEWS = 500
TARGET_WRITE_P99_MS = 5.0
TARGET_VIEW_P99_MS = 50.0


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _rss_mb(pid: int) -> float:
    kb = proc_kb(pid, "status", ("VmRSS",))
    return float("nan") if kb is None else kb / 1024


# ---------------------------------------------------------------------------------------------- gateway side


@dataclass
class GatewayFigures:
    servers: int
    shards: int
    ready_s: float
    recorded_s: float | None  # every server written to SQLite (the bot only)
    rss_mb: float
    command_ms: dict[str, list[float]]


def _env(double: Any, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DEV_GUILD", "DATABASE_", "SHARD_"))}
    env.update(double.env(**extra))
    env.update(PYTHONUNBUFFERED="1", PYTHONPATH=str(ROOT))
    return env


async def _watch(stream: asyncio.StreamReader, marker: str, seen: asyncio.Event, tail: list[str]) -> None:
    while line := await stream.readline():
        text = line.decode(errors="replace").rstrip()
        tail.append(text)
        del tail[:-40]
        if marker in text:
            seen.set()


async def _ask(double: Any, guild: Any, member: Any, channel: Any, command: str, *, synced: bool = True) -> float:
    from bot.devtools.double.models import snowflake
    from bot.devtools.driver import build_command_data

    state = double.state
    if synced:
        data = build_command_data(state, guild, command, member, channel, None, {}, autocomplete=None)
    else:  # the baseline client syncs nothing; it answers any interaction
        data = {"id": str(snowflake()), "name": command, "type": 1}
    record = state.new_interaction(type=2, guild=guild, channel=channel, user=member.user, data=data)
    double.dispatch_interaction(record)
    deadline = time.monotonic() + 5
    while not (record.answered or record.failed) and time.monotonic() < deadline:  # noqa: ASYNC110
        await asyncio.sleep(0.0005)
    if record.failed or record.responded_at is None:
        raise RuntimeError(f"{command} was not answered: {record.failed}")
    return (record.responded_at - record.created) * 1000


async def _gateway_run(servers: int, *, baseline: bool, workdir: Path) -> GatewayFigures:
    from bot.devtools.double import DiscordDouble

    double = DiscordDouble()
    await double.start()
    state = double.state
    home = state.create_club_guild("Home")
    state.create_plain_guilds(servers - 1, channels=CHANNELS, commands_from=home.guild.id)
    shards = state.shard_count_recommended()
    database = workdir / f"scale-{servers}.sqlite3"
    if baseline:
        env = _env(double)
        command = [sys.executable, "-m", "bench.bench_scale", "baseline-client"]
        marker = "BASELINE READY"
    else:
        env = _env(double, DATABASE_PATH=str(database), DEV_GUILD_ID=str(home.guild.id), LOG_LEVEL="INFO")
        command = [sys.executable, "-m", "bot"]
        marker = "connected as"
    started = time.monotonic()
    process = await asyncio.create_subprocess_exec(
        *command, cwd=workdir, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    ready, tail = asyncio.Event(), []
    assert process.stdout is not None and process.stderr is not None
    watchers = [
        asyncio.create_task(_watch(process.stdout, marker, ready, tail)),
        asyncio.create_task(_watch(process.stderr, marker, ready, tail)),
    ]
    try:
        try:
            await asyncio.wait_for(ready.wait(), READY_LIMIT)
        except TimeoutError:
            raise RuntimeError("not ready in time:\n" + "\n".join(tail)) from None
        ready_s = time.monotonic() - started
        recorded_s = None
        if not baseline:
            while _count_guilds(database) < servers:  # noqa: ASYNC110 (another process writes it)
                await asyncio.sleep(0.1)
            recorded_s = time.monotonic() - started
        await asyncio.sleep(1.0)
        rss = _rss_mb(process.pid)
        last = state.guilds[double.gateway.last_guild_sent or home.guild.id]
        member = state.add_member(last, state.add_user("bench_reader", global_name="Reader"))
        channel = next(iter(last.channels.values()))
        names = ["help"] if baseline else ["help", "progress show"]
        samples: dict[str, list[float]] = {name: [] for name in names}
        for _ in range(COMMANDS):
            for name in names:
                samples[name].append(await _ask(double, last, member, channel, name, synced=not baseline))
        return GatewayFigures(servers, shards, ready_s, recorded_s, rss, samples)
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(process.wait(), 60)
            except TimeoutError:
                process.kill()
                await process.wait()
        for watcher in watchers:
            watcher.cancel()
        await asyncio.gather(*watchers, return_exceptions=True)
        await double.stop()


def _count_guilds(database: Path) -> int:
    if not database.exists():
        return 0
    try:
        with contextlib.closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5)) as conn:
            return int(conn.execute("SELECT count(*) FROM guilds").fetchone()[0])
    except sqlite3.Error:
        return 0


def baseline_client() -> None:
    """A plain discord.py sharded client with default caches that answers every interaction."""
    import discord
    import yarl

    discord.http.Route.BASE = os.environ["DISCORD_API_BASE"]
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(os.environ["DISCORD_GATEWAY_URL"])
    client = discord.AutoShardedClient(intents=discord.Intents.default())

    @client.event
    async def on_ready() -> None:
        print("BASELINE READY", flush=True)

    @client.event
    async def on_interaction(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("pong", ephemeral=True)

    async def run() -> None:
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        async with client:
            runner = asyncio.create_task(client.start(os.environ["DISCORD_TOKEN"]))
            await stop.wait()
            await client.close()
            with contextlib.suppress(Exception):
                await runner

    asyncio.run(run())


# ---------------------------------------------------------------------------------------------- storage side


def _populate(path: Path, first: int, last: int, rng: random.Random) -> None:
    """Servers ``first``..``last - 1``: 50 stories, 200 members, progress in DENSITY of the stories."""
    tracked = max(1, round(STORIES_PER_SERVER * DENSITY))
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -200000")
        conn.execute("BEGIN")
        for server in range(first, last):
            guild = 1_000_000 + server
            conn.execute("INSERT INTO guilds (guild_id, joined_at) VALUES (?, 0)", (guild,))
            base = server * STORIES_PER_SERVER + 1
            conn.executemany(
                "INSERT INTO stories (id, guild_id, title, title_folded, chapter_count, content_hash)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (base + s, guild, f"Story {s}", f"story {s}", CHAPTERS, f"h{base + s}")
                    for s in range(STORIES_PER_SERVER)
                ],
            )
            conn.executemany(
                "INSERT INTO club_members (guild_id, user_id, display_name, hidden, joined_at, updated_at)"
                " VALUES (?, ?, ?, 0, 0, 0)",
                [(guild, user, f"Reader {user}") for user in range(1, MEMBERS_PER_SERVER + 1)],
            )
            conn.executemany(
                "INSERT INTO reading_progress (guild_id, story_id, user_id, chapter, updated_at) VALUES (?, ?, ?, ?, 0)",
                [
                    (guild, base + s, user, rng.randint(0, CHAPTERS))
                    for s in range(tracked)
                    for user in range(1, MEMBERS_PER_SERVER + 1)
                ],
            )
            if server % 500 == 499:
                conn.execute("COMMIT")
                conn.execute("BEGIN")
        conn.execute("COMMIT")
        conn.execute("ANALYZE")


async def _time_store(path: Path, servers: int, rng: random.Random) -> tuple[list[float], list[float]]:
    from bot.db import open_database
    from bot.progress import store

    tracked = max(1, round(STORIES_PER_SERVER * DENSITY))
    db = await open_database(path, check=False)
    try:
        writes: list[float] = []
        views: list[float] = []
        clock = iter(range(1, 10**9))
        for index in range(WRITES + 50):
            server = rng.randrange(servers)
            guild = 1_000_000 + server
            story = server * STORIES_PER_SERVER + 1 + rng.randrange(STORIES_PER_SERVER)
            started = time.perf_counter()
            await store.set_progress(
                db, guild, rng.randint(1, MEMBERS_PER_SERVER), story, rng.randint(0, CHAPTERS), now=float(next(clock))
            )
            if index >= 50:  # the first ones warm the statement cache
                writes.append((time.perf_counter() - started) * 1000)
        for _ in range(VIEWS):
            server = rng.randrange(servers)
            story = server * STORIES_PER_SERVER + 1 + rng.randrange(tracked)
            started = time.perf_counter()
            club = await store.club_progress(db, 1_000_000 + server, story)
            views.append((time.perf_counter() - started) * 1000)
            assert club.member_count == MEMBERS_PER_SERVER, club.member_count
    finally:
        await db.close()
    return writes, views


async def _storage(workdir: Path) -> list[tuple[int, int, float, float, list[float], list[float]]]:
    from bot.db import open_database

    path = workdir / "store.sqlite3"
    await (await open_database(path)).close()
    rng = random.Random(15)
    results = []
    built = 0
    for servers in SIZES:
        started = time.perf_counter()
        await asyncio.to_thread(_populate, path, built, servers, rng)
        built = servers
        build_s = time.perf_counter() - started
        writes, views = await _time_store(path, servers, rng)
        with contextlib.closing(sqlite3.connect(path)) as conn:
            rows = conn.execute("SELECT count(*) FROM reading_progress").fetchone()[0]
        size_mb = path.stat().st_size / 2**20
        results.append((servers, rows, build_s, size_mb, writes, views))
        print(f"   storage {servers:,} servers: {rows:,} progress rows, {size_mb:.0f} MB", flush=True)
    return results


# ---------------------------------------------------------------------------------------------- report


def _ms(samples: list[float]) -> tuple[float, float]:
    return statistics.median(samples), _percentile(samples, 0.99)


async def _gateway(workdir: Path) -> tuple[list[GatewayFigures], list[GatewayFigures]]:
    bot_runs, base_runs = [], []
    for servers in SIZES:
        print(f"   gateway: {servers:,} servers, Dogear ...", flush=True)
        bot_runs.append(await _gateway_run(servers, baseline=False, workdir=workdir))
        print(f"   gateway: {servers:,} servers, baseline client ...", flush=True)
        base_runs.append(await _gateway_run(servers, baseline=True, workdir=workdir))
    return bot_runs, base_runs


def main() -> str:
    """Both halves; ``DOGEAR_BENCH_PARTS=gateway`` or ``=storage`` runs one of them."""
    parts = set(os.environ.get("DOGEAR_BENCH_PARTS", "gateway,storage").split(","))
    lines = ["## Scale: 10,000 servers in one process (issue 15)", ""]
    with tempfile.TemporaryDirectory() as directory:
        if "gateway" in parts:
            lines += _gateway_section(*asyncio.run(_gateway(Path(directory))))
        if "storage" in parts:
            lines += _storage_section(asyncio.run(_storage(Path(directory))))
    return "\n".join(lines)


def _gateway_section(bot_runs: list[GatewayFigures], base_runs: list[GatewayFigures]) -> list[str]:
    lines = [
        f"The double serves N servers of {CHANNELS} text channels each; `python -m bot` asks GET /gateway/bot "
        "(one shard per 1,000 servers) and opens every shard in one process. The baseline is a plain "
        "`discord.AutoShardedClient` with discord.py's default caches answering every interaction with a fixed text, "
        f"on the same double in the same run. Commands: {COMMANDS} each, one after another, in the last server "
        "whose GUILD_CREATE arrived, once the start-up writes were done.",
        "",
        "| servers | shards | ready (s) | baseline ready (s) | all servers in SQLite (s) | RSS (MB) | RSS per 1,000 servers (MB) "
        "| baseline RSS (MB) | `/help` p50 / p99 (ms) | `/progress show` p50 / p99 (ms) | baseline answer p50 / p99 (ms) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for run, base in zip(bot_runs, base_runs, strict=True):
        help50, help99 = _ms(run.command_ms["help"])
        show50, show99 = _ms(run.command_ms["progress show"])
        base50, base99 = _ms(base.command_ms["help"])
        lines.append(
            f"| {run.servers:,} | {run.shards} | {run.ready_s:.1f} | {base.ready_s:.1f} | {run.recorded_s or 0:.1f} "
            f"| {run.rss_mb:.0f} | {run.rss_mb / run.servers * 1000:.1f} | {base.rss_mb:.0f} "
            f"| {help50:.1f} / {help99:.1f} | {show50:.1f} / {show99:.1f} | {base50:.1f} / {base99:.1f} |"
        )
    small, large = bot_runs[0], bot_runs[-1]
    big_base = base_runs[-1]
    p99 = max(_ms(large.command_ms[name])[1] for name in large.command_ms)
    grow = large.servers / small.servers
    lines += [
        "",
        f"Growth from {small.servers:,} to {large.servers:,} servers (x{grow:g}): ready time x{large.ready_s / small.ready_s:.1f}, "
        f"RSS x{large.rss_mb / small.rss_mb:.1f} (+{(large.rss_mb - small.rss_mb) / (large.servers - small.servers) * 1000:.1f} MB "
        f"per 1,000 servers), command p99 x{p99 / max(_ms(small.command_ms[n])[1] for n in small.command_ms):.1f}. "
        f"Against the baseline at {large.servers:,}: ready x{large.ready_s / big_base.ready_s:.2f}, "
        f"RSS x{large.rss_mb / big_base.rss_mb:.2f}. The baseline's ready time includes discord.py's default "
        "IDENTIFY pacing (5 s before every shard but the first); Dogear paces by the `max_concurrency` Discord "
        "(here the double: 16) reports. Its RSS includes the cogs, the SQLite connection and caches Dogear keeps "
        "that the baseline has no use for; the worker pool's processes are not counted.",
        "",
        f"Targets at {large.servers:,} servers: all shards ready < {TARGET_READY_S:g} s: "
        f"{'pass' if large.ready_s < TARGET_READY_S else 'FAIL'} ({large.ready_s:.1f} s); "
        f"RSS < {TARGET_RSS_MB:g} MB: {'pass' if large.rss_mb < TARGET_RSS_MB else 'FAIL'} ({large.rss_mb:.0f} MB); "
        f"command p99 < {TARGET_COMMAND_P99_MS:g} ms: {'pass' if p99 < TARGET_COMMAND_P99_MS else 'FAIL'} ({p99:.1f} ms).",
        "",
    ]
    return lines


def _storage_section(storage: list[Any]) -> list[str]:
    lines = [
        f"Storage at scale: a real SQLite file (WAL), {STORIES_PER_SERVER} stories and {MEMBERS_PER_SERVER} club members "
        f"per server, each member with progress in {DENSITY:.0%} of the stories; times through aiosqlite as the bot "
        f"runs them, on random servers, members and stories. The {SIZES[0]:,}-server row is the baseline for growth.",
        "",
        "| servers | progress rows | file (MB) | built in (s) | progress write p50 / p99 (ms) | club view p50 / p99 (ms) "
        f"| write p99 vs {SIZES[0]:,} | view p99 vs {SIZES[0]:,} | result |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    first_write, first_view = _ms(storage[0][4])[1], _ms(storage[0][5])[1]
    for servers, rows, build_s, size_mb, writes, views in storage:
        w50, w99 = _ms(writes)
        v50, v99 = _ms(views)
        ok = w99 < TARGET_WRITE_P99_MS and v99 < TARGET_VIEW_P99_MS
        lines.append(
            f"| {servers:,} | {rows:,} | {size_mb:.0f} | {build_s:.0f} | {w50:.2f} / {w99:.2f} | {v50:.2f} / {v99:.2f} "
            f"| x{w99 / first_write:.2f} | x{v99 / first_view:.2f} | {'pass' if ok else 'FAIL'} "
            f"(< {TARGET_WRITE_P99_MS:g} / < {TARGET_VIEW_P99_MS:g}) |"
        )
    lines.append("")
    return lines


if __name__ == "__main__":
    if sys.argv[1:] == ["baseline-client"]:
        baseline_client()
    else:
        print(main())
