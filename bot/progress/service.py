"""Reading progress, the use cases: what ``/progress`` does, with no Discord in it.

The cog passes what the member typed and who they are; this module resolves the story, writes
through the store, decides the wording and draws the club chart in a worker process (Pillow
is CPU work), so the cog only turns the answer into a Discord message.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.db import Database
from bot.discussions.compose import chapter_gone
from bot.discussions.failures import RETRY_DELAYS
from bot.discussions.store import next_discussion, owe_threads_reached
from bot.errors import UserError
from bot.progress import store
from bot.progress.bars import progress_line
from bot.progress.chart import render_club_chart
from bot.progress.render import club_text, member_text
from bot.story.store import resolve_story
from bot.text import escape_markdown
from bot.worker import Workers

log = logging.getLogger(__name__)

CHART_SECONDS = 10.0

# (guild id, user ids) -> those of them not known to have left the server, in order.
StillHere = Callable[[int, list[int]], Awaitable[list[int]]]


@dataclass(frozen=True, slots=True)
class Saved:
    """The answer to ``/progress set``; ``advanced`` is true when the member moved forward from
    ``previous`` (what the discussions need: only the chapters newly reached open threads)."""

    text: str
    story_id: int
    chapter: int
    advanced: bool
    previous: int = 0


@dataclass(frozen=True, slots=True)
class ClubView:
    """The club's positions as text, and as a PNG chart when it could be drawn."""

    text: str
    title: str
    chart: bytes | None


async def step(
    db: Database,
    guild_id: int,
    user_id: int,
    story_id: int,
    chapter: int | Callable[[], Awaitable[int]],
    *,
    now: float,
    display_name: str | None,
    forward_only: bool,
) -> store.ProgressUpdate:
    """Write a member's progress and, in the same transaction, owe the discussion-thread adds a
    step forward earns (:mod:`bot.discussions.joins` makes them and settles what it made).

    One write: with the adds owed a moment after the step, in a transaction of their own, a process
    killed in between kept the step and lost the adds, and the member's next step only reaches
    later chapters, so they were shut out of threads already posted for good. ``chapter`` may be
    worked out inside the write (a button's chapter mapped through the moves made since it was
    posted): a ``/story update`` committed between the mapping and the write would have the step
    stored in the numbering before it, on the chapter that took the number since.
    """
    async with db.transaction() as tx:
        if not isinstance(chapter, int):
            chapter = await chapter()
        update = await store.write_progress(
            tx, guild_id, user_id, story_id, chapter, now=now, display_name=display_name, forward_only=forward_only
        )
        if update.advanced:
            retry_at = datetime.fromtimestamp(now, UTC) + RETRY_DELAYS[0]
            await owe_threads_reached(
                tx, guild_id, user_id, story_id, after=update.previous, upto=update.chapter, retry_at=retry_at
            )
    return update


async def record(
    db: Database, guild_id: int, user_id: int, story: str, chapter: int, *, now: float, display_name: str
) -> Saved:
    """Save the last chapter a member has read (0 = not started), forwards or back."""
    story_id = (await resolve_story(db, guild_id, story)).id
    update = await step(
        db, guild_id, user_id, story_id, chapter, now=now, display_name=display_name, forward_only=False
    )  # fmt: skip
    title = f"**{escape_markdown(update.story.title)}**"
    line = f"`{progress_line(update.chapter, update.story.chapter_count)}` {title}"
    if update.chapter == update.previous == 0 and update.joined:
        # A first place at 0 is a change: `/progress club` lists the member from now on.
        note = f"Saved: you are in {title} as not started; `/progress club` shows you with the club."
    elif update.chapter == update.previous:
        note = "No change: that is already where you are."
    elif update.advanced:
        note = f"Saved: you have read up to chapter {update.chapter}."
    elif update.chapter == 0:
        note = f"Saved: moved back from chapter {update.previous} to not started."
    else:
        note = f"Saved: moved back from chapter {update.previous} to {update.chapter}."
    return Saved(f"{note}\n{line}", story_id, update.chapter, update.advanced, update.previous)


async def member_view(
    db: Database,
    guild_id: int,
    viewer_id: int,
    target_id: int,
    *,
    mention: str,
    budget: int,
    page: int = 1,
    next_page: str = "/progress show page:{page}",
) -> str:
    """Each story a member has started, a page at a time; another member's only when they have not hidden it."""
    mine = viewer_id == target_id
    if not mine and await store.is_hidden(db, guild_id, target_id):
        raise UserError(f"{mention} keeps their reading progress private.")
    stories = await store.member_progress(db, guild_id, target_id)
    owner = ("Your", f"{mention}'s") if stories else ("You have", f"{mention} has")
    whose = owner[0] if mine else owner[1]
    return member_text(stories, whose=whose, budget=budget, mine=mine, page=page, next_page=next_page)


async def club_view(
    db: Database,
    workers: Workers,
    guild_id: int,
    story: str,
    *,
    now: datetime,
    budget: int,
    page: int = 1,
    next_page: str = "/progress club page:{page}",
    still_here: StillHere | None = None,
) -> ClubView:
    """Where everyone is, measured against the next discussion's chapter (or the last chapter), a page at a time.

    A next discussion of a chapter an update took down is named with that, and the club is
    measured against the last chapter: nobody can catch up with a chapter the story lacks.
    The chart shows the whole club, so it comes with the first page only: a later page continues
    the list, and drawing the same picture again for it would be a worker's time for nothing.

    ``still_here`` (the discussions' :class:`bot.discussions.presence.MemberPresence`) leaves out
    the members known to have left the server, in the list and the chart alike: Discord never tells
    a bot without the members intent who left, so it knows only what its bounded, rate-limited and
    kept look-ups learnt (this call may make a reminder's budget of them). Their progress stays.
    """
    story_id = (await resolve_story(db, guild_id, story)).id
    club = await store.club_progress(db, guild_id, story_id)
    if still_here is not None:
        members = [user_id for user_id, _ in club.positions] + club.hidden_users
        if members:
            club = club.without(set(members) - set(await still_here(guild_id, members)))
    upcoming = await next_discussion(db, guild_id, story_id, now=now)
    note = None
    if upcoming is not None and not upcoming.past_the_end:
        target, label = upcoming.chapter, "the next discussion"
    else:
        target, label = club.story.chapter_count, "the latest chapter"
    if upcoming is not None and upcoming.past_the_end:
        note = f"The next discussion is of chapter {upcoming.chapter}. {chapter_gone(upcoming.chapter, target)}"
    text = club_text(club, target=target, target_label=label, budget=budget, note=note, page=page, next_page=next_page)
    if page > 1:
        return ClubView(text, club.story.title, None)
    try:
        chart: bytes | None = await workers.run(
            "Drawing the chart", render_club_chart, club, target=target, time_limit=CHART_SECONDS
        )
    except Exception:
        # The text already says everything the chart shows; never lose the answer over an image.
        log.exception("progress chart failed for story %s", story_id)
        chart = None
    return ClubView(text, club.story.title, chart)


async def set_privacy(db: Database, guild_id: int, user_id: int, hidden: bool, *, now: float, display_name: str) -> str:
    was_hidden = await store.is_hidden(db, guild_id, user_id)
    await store.set_hidden(db, guild_id, user_id, hidden, now=now, display_name=display_name)
    state = "already" if was_hidden == hidden else "now"
    if hidden:
        return f"Your progress is {state} hidden in this server: club views count you but never name you."
    return f"Your progress is {state} visible in this server: club views show your name and chapter."
