"""Posting a chapter as a persisted job: what the bookkeeping costs next to Discord's pacing.

Every message of ``/excerpt post`` is followed by a short write (its id), the plan is stored
up front, and at start the unfinished posts are read back. Discord lets a channel take 5
messages per 5 s, so a message costs at least 1 s of wall time; the bookkeeping must stay a
rounding error next to that. Measured against a baseline in the same run: the same messages
sent by a loop that records nothing (what ``/excerpt post`` did before posts were jobs).
The poster is in memory and instant, so the figures are the bot's own cost.
"""

from __future__ import annotations

import asyncio
import hashlib
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from bot.clock import SystemClock
from bot.db import Database, open_database
from bot.excerpts import store
from bot.excerpts.model import InteractionRef, PostRequest, SeenMessage
from bot.excerpts.render import render_contents
from bot.excerpts.service import ExcerptService
from bot.shards import ShardScope
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.store import add_story
from bot.worker import Workers

GUILD = 1
CHANNEL = 10
MESSAGES = 100  # MAX_POST_MESSAGES' default
ROUNDS = 5
RESUMED_JOBS = 100
DISCORD_SECONDS_PER_MESSAGE = 1.0  # 5 per 5 s per channel


class InstantPoster:
    def __init__(self) -> None:
        self.sent = 0

    async def check_channel(self, guild_id: int, channel_id: int) -> None:
        return None

    async def send(self, channel_id: int, content: str, *, nonce: str, buttons: tuple[int, int] | None) -> int:
        self.sent += 1
        return 1_000_000 + self.sent

    async def recent(self, channel_id: int, *, after: int, limit: int) -> list[SeenMessage]:
        return []

    async def tell_interaction(self, interaction: InteractionRef, text: str) -> bool:
        return False

    async def tell_channel(self, channel_id: int, text: str) -> None:
        return None


def chapter(number: int) -> Chapter:
    return Chapter(number, None, [Scene([f"{i} " + "The tide came in. " * 100 for i in range(MESSAGES - 1)])])


async def add_chapters(db: Database, count: int) -> int:
    story = Story(StoryMeta(title="Tides"), [chapter(n) for n in range(1, count + 1)], "txt")
    digest = hashlib.sha256(str(count).encode()).hexdigest()
    return await add_story(db, GUILD, story, content_hash=digest, added_by=None, now=0.0)


def request(story_id: int, number: int) -> PostRequest:
    interaction = InteractionRef(number, 99, f"token-{number}", time.time())
    return PostRequest(GUILD, str(story_id), number, CHANNEL, 7, interaction)


async def measure(folder: Path) -> dict[str, float]:
    db = await open_database(folder / "bench.sqlite3")
    workers = Workers()
    try:
        service = ExcerptService(db, SystemClock(), workers, max_messages=MESSAGES, budget=2000)
        story_id = await add_chapters(db, RESUMED_JOBS)
        contents = render_contents("Tides", chapter(1), [], 2000)
        assert len(contents) == MESSAGES, len(contents)
        await service.post_chapter(request(story_id, 1), InstantPoster())  # warm the worker pool

        jobs, baseline, renders = [], [], []
        for round_ in range(ROUNDS):
            started = time.perf_counter()
            await service.post_chapter(request(story_id, 2 + round_), InstantPoster())
            jobs.append(time.perf_counter() - started)
            started = time.perf_counter()
            poster = InstantPoster()
            for index, content in enumerate(render_contents("Tides", chapter(2 + round_), [], 2000)):
                await poster.send(CHANNEL, content, nonce=str(index), buttons=None)
            baseline.append(time.perf_counter() - started)
            started = time.perf_counter()
            await workers.run("bench", render_contents, "Tides", chapter(2), [], 2000)
            renders.append(time.perf_counter() - started)

        for number in range(1, RESUMED_JOBS + 1):  # a crash left this many posts with nothing sent
            await db.execute(
                "UPDATE post_jobs SET state = 'done' WHERE story_id = ? AND chapter = ?", (story_id, number)
            )
        for number in range(1, RESUMED_JOBS + 1):
            await store.create_job(
                db,
                store.NewJob(GUILD, CHANNEL + number, story_id, number, f"n{number}.", 7, number, None, None, 0.0),
                contents,
                now=0.0,
            )
        started = time.perf_counter()
        resumed = await ExcerptService(
            db, SystemClock(), workers, max_messages=MESSAGES, budget=2000
        ).resume_unfinished(InstantPoster(), ShardScope())
        resume_seconds = time.perf_counter() - started
        assert resumed == RESUMED_JOBS
    finally:
        workers.close()
        await db.close()
    job, base = statistics.median(jobs), statistics.median(baseline)
    return {
        "job": job,
        "baseline": base,
        "render": statistics.median(renders),
        "per_message_ms": (job - base) / MESSAGES * 1000,
        "resume": resume_seconds,
    }


def main() -> str:
    folder = Path(tempfile.mkdtemp(prefix="dogear-bench-posts-"))
    try:
        figures = asyncio.run(measure(folder))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    pacing = MESSAGES * DISCORD_SECONDS_PER_MESSAGE
    return "\n".join(
        [
            "## Posts as jobs (`/excerpt post`)",
            "",
            f"A {MESSAGES}-message chapter, instant in-memory Discord, median of {ROUNDS} rounds.",
            "",
            "| what | time | against |",
            "|---|---|---|",
            f"| whole post as a job (render in a worker, plan stored, {MESSAGES} id writes, done) "
            f"| {figures['job'] * 1000:.0f} ms | baseline loop that records nothing: {figures['baseline'] * 1000:.0f} ms "
            f"({figures['job'] / figures['baseline']:.1f}x) |",
            f"| bookkeeping per message | {figures['per_message_ms']:.2f} ms "
            f"| Discord's pacing: {DISCORD_SECONDS_PER_MESSAGE * 1000:.0f} ms per message "
            f"({figures['per_message_ms'] / (DISCORD_SECONDS_PER_MESSAGE * 10):.2f}% of it) |",
            f"| render of the chapter in a worker process | {figures['render'] * 1000:.0f} ms "
            f"| the post's pacing: {pacing:.0f} s |",
            f"| start-up resume of {RESUMED_JOBS} cut-off posts ({RESUMED_JOBS * MESSAGES:,} messages) "
            f"| {figures['resume']:.2f} s | Discord would need {pacing:.0f} s for each channel's share |",
            "",
        ]
    )
