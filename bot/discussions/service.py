"""Posting discussions and reminders when they fall due, exactly once, through a poster.

The Discord side is behind the small :class:`Poster` protocol (the cog implements it with
discord.py; tests and the benchmark with in-memory fakes), so everything that decides
*whether* and *what* to post is tested without Discord.

Exactly once, across crashes:

1. claim: in one transaction everything due goes 'scheduled' -> 'posting' and gets a nonce
   (kept on later claims). Nothing is sent before this commit.
2. send: the message carries the nonce (Discord's ``enforce_nonce`` drops a resend with
   the same nonce) and the item's marker in its embed footer (``Discussion #12``).
3. record: the message id is committed; then the thread; then 'posted'.

If the process dies between 2 and 3 the item is still 'posting' on restart. The first round
after a start takes those unfinished items and, like any retry, looks for the marker in the
channel's recent messages first, recording what it finds instead of sending again. Items due while the bot
was down post late with a note within the grace period, else are marked missed and the
channel is told. Every item is handled on its own: a failure marks that item failed with
the reason and the others carry on.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal, Protocol

from bot.clock import Clock
from bot.db import Database, storage_refused
from bot.discussions import prefs_store, store
from bot.discussions.compose import (
    Notice,
    closed_dms_notice,
    discussion_notice,
    dm_reminder_notice,
    event_notice,
    event_retried_notice,
    failed_notice,
    missed_notice,
    reminder_notice,
    thread_name,
)
from bot.discussions.event_deletions import EventDeletions, EventRemover
from bot.discussions.failures import RETRY_DELAYS, EventsForbidden, Gone, PostFailure, Unreachable
from bot.discussions.jobs import Job, Jobs
from bot.discussions.joins import ThreadJoins
from bot.discussions.notices import OwedNotices, message_channel
from bot.discussions.presence import MemberPresence
from bot.discussions.spared import CarriedThrough, members_spared
from bot.discussions.store import Discussion, DueItem, State
from bot.discussions.timer import Timer
from bot.guilds import GuildSettings, get_settings, has_left
from bot.progress import store as progress_store
from bot.shards import ShardScope
from bot.story.model import HeaderWarning
from bot.warnings.reviews import carried_through, chapter_warnings_and_possible

log = logging.getLogger(__name__)

LATE_NOTE_AFTER = timedelta(minutes=2)
CONCURRENCY = 16
# Pauses before an item whose write the database refused is taken again: doubling from the first, so a
# disk freed in seconds costs seconds, up to the longest while it stays full (one history read per try).
UNSAVED_FIRST = timedelta(seconds=2)
UNSAVED_LONGEST = timedelta(minutes=5)
# A discussion's scheduled event runs from the due time for this long (its end time, unless an admin
# changed it in Discord: the end time Discord gives when the event is started is the one kept).
EVENT_LENGTH = timedelta(hours=1)
# When Dogear tries by itself a scheduled event Discord refused to start, end or cancel: after the
# refusal, then after each try refused again; none after the last (the moderation channel is told, and
# an admin's Try again or Dogear's role given the permission back still try it).
REFUSED_EVENT_TRIES = (timedelta(minutes=15), timedelta(hours=1), timedelta(hours=6), timedelta(hours=24))


def next_refused_try(now: datetime, tries: int) -> datetime | None:
    """When a refused event is tried again by Dogear itself after ``tries`` tries; None once they are spent."""
    return now + REFUSED_EVENT_TRIES[tries] if tries < len(REFUSED_EVENT_TRIES) else None


@dataclass(frozen=True, slots=True)
class Posted:
    channel_id: int
    message_id: int
    thread_id: int | None = None  # set when the post itself is a thread (a forum post)


class Poster(Protocol):
    """What the service needs from Discord; every method raises :class:`PostFailure` for lasting problems."""

    async def channel_kind(self, channel_id: int) -> str:
        """'text' or 'forum'."""
        ...

    async def find_post(self, channel_id: int, marker: str) -> Posted | None:
        """The bot's own recent message in the channel (or forum post) carrying ``marker``."""
        ...

    async def post(self, channel_id: int, notice: Notice, *, nonce: str | None) -> Posted: ...

    async def open_thread(self, channel_id: int, message_id: int, name: str) -> int:
        """A thread for the post: private where allowed, else public; finds one opened before a crash."""
        ...

    async def add_to_thread(self, thread_id: int, user_ids: Sequence[int]) -> None: ...

    async def send_dm(self, user_id: int, notice: Notice) -> bool:
        """False when the member's DMs are closed to the bot (Discord's 50007); PostFailure for the rest."""
        ...


class EventStatus(EventRemover, Protocol):
    """A discussion's Discord scheduled event, started and ended on time (Discord never does it for
    an external event), and deleted once its discussion is gone (:class:`EventRemover`). Both raise :class:`PostFailure` (:class:`Unreachable` to try again later)."""

    async def start(self, guild_id: int, event_id: int) -> datetime | None:
        """Set a scheduled event active; its end time, or None when there is nothing left to end
        (deleted, cancelled or already over)."""
        ...

    async def end(self, guild_id: int, event_id: int) -> None:
        """Complete the event (started first if it never was: Discord goes scheduled -> active ->
        completed); nothing when it is gone or already over."""
        ...

    async def cancel(self, guild_id: int, event_id: int) -> None:
        """Cancel the event of a discussion that never posted (scheduled -> canceled; one live
        already is completed); nothing when it is gone or already over."""
        ...


WarningsFor = Callable[[Database, int, int, int], Awaitable[list[HeaderWarning]]]
Counts = Callable[[Database, int, int, int], Awaitable[tuple[list[int], int]]]
Readers = Callable[[Database, int, int, int], Awaitable[list[int]]]


class Behind(Protocol):
    async def __call__(
        self, db: Database, guild_id: int, story_id: int, chapter: int, *, excluding: Collection[int] = ()
    ) -> tuple[list[int], int]: ...


def post_channel(channel_id: int, explicit: bool, settings: GuildSettings) -> int:
    """The channel named at schedule time, else the discussion channel setting, else where it was scheduled."""
    if explicit:
        return channel_id
    return settings.discussion_channel_id or channel_id


class DiscussionService:
    """Serves due items for the servers this process owns; owns the one :class:`Timer`.

    ``other_jobs`` (data retention) share that timer, so the bot has one sleeping task.
    """

    def __init__(
        self,
        db: Database,
        clock: Clock,
        poster: Poster,
        *,
        grace: timedelta,
        warnings_for: WarningsFor = chapter_warnings_and_possible,
        caught_up: Counts = progress_store.caught_up,
        behind: Behind = progress_store.behind,
        readers: Readers = progress_store.readers_at,
        carried: CarriedThrough = carried_through,
        concurrency: int = CONCURRENCY,
        scope: ShardScope | None = None,
        other_jobs: Sequence[Job] = (),
        events: EventStatus | None = None,
        presence: MemberPresence | None = None,
    ) -> None:
        self.db = db
        # Who of the members a reminder names is still in the server (None: everyone with progress is).
        self.presence = presence
        self.events = events
        self.clock = clock
        self.poster = poster
        self.grace = grace
        # Rate limits can delay a busy minute by seconds; only real downtime makes an item missed.
        self.missed_after = max(grace, LATE_NOTE_AFTER)
        self._warnings_for = warnings_for
        self._caught_up = caught_up
        self._behind = behind
        self._readers = readers
        self._carried = carried
        self._concurrency = concurrency
        self.scope = scope or ShardScope()
        self.joins = ThreadJoins(db, clock, poster, self.scope, self.schedules_changed)
        self.notices = OwedNotices(db, clock, poster, self.scope, self.schedules_changed)
        self.event_deletions = EventDeletions(db, clock, events, self.scope, self.schedules_changed)
        jobs = Jobs([self, self.joins, self.notices, self.event_deletions, *other_jobs])
        self.timer = Timer(clock, jobs.next_due, jobs.serve)
        self._recovered = False
        self._gate = asyncio.Semaphore(concurrency)
        self._queues: dict[int, deque[tuple[DueItem, datetime, bool]]] = {}
        self._lanes: dict[int, asyncio.Task[None]] = {}
        self._retries: dict[tuple[str, int], int] = {}  # (kind, id) -> tries so far after Unreachable
        self._waiting: set[asyncio.Task[None]] = set()  # retries sleeping until their time
        # Items whose write the database refused (a full disk): (kind, id) -> the item, its tries, when
        # the timer's round takes it again. Discord may have taken the post, so the retry looks first.
        self._unsaved: dict[tuple[str, int], tuple[DueItem, int, datetime]] = {}

    def start(self) -> None:
        self.timer.start()

    async def stop(self) -> None:
        """Stop taking items and abandon posts in progress; they stay 'posting' and the next start checks them."""
        await self.timer.stop()
        tasks = [*self._lanes.values(), *self._waiting]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    def schedules_changed(self) -> None:
        self.timer.rearm()

    async def schedule(self, guild_id: int, items: Sequence[store.NewDiscussion]) -> list[int]:
        """Store new discussions (all or nothing) and wake the timer to the new next due time."""
        ids = await store.create_discussions(self.db, guild_id, items, now=self.clock.now())
        self.schedules_changed()
        return ids

    async def move(self, guild_id: int, discussion_id: int, due_at: datetime) -> Discussion | None:
        moved = await store.move_discussion(self.db, guild_id, discussion_id, due_at, now=self.clock.now())
        self.schedules_changed()
        return moved

    async def cancel(self, guild_id: int, discussion_id: int) -> Discussion | None:
        cancelled = await store.cancel_discussion(self.db, guild_id, discussion_id, now=self.clock.now())
        self.schedules_changed()
        return cancelled

    async def next_due(self) -> datetime | None:
        if not self._recovered:
            return self.clock.now()  # first round: finish what an earlier process left half-done
        due = await store.next_due(self.db, self.scope)
        if self._unsaved:
            again = min(at for _, _, at in self._unsaved.values())
            return again if due is None else min(due, again)
        return due

    async def serve(self, now: datetime) -> int:
        """Claim everything due at ``now`` and hand it to per-server lanes; returns how many were taken.

        Claiming is one transaction and sending happens in the lanes, so the timer goes straight
        back to sleep until the next due item while posts wait out Discord's rate limits. One
        lane per server keeps a server's posts in order and stops one slow channel from holding
        up the others; at most ``concurrency`` lanes run at once. When nothing is due there are
        no lanes: the timer is the only task.
        """
        batch: list[tuple[DueItem, bool]] = []
        recovery_round = not self._recovered
        if recovery_round:
            batch += [(item, True) for item in await store.unfinished(self.db, self.scope)]
            self._recovered = True
        batch += [(item, False) for item in await store.claim_due(self.db, now, scope=self.scope)]
        for key, (item, tries, at) in list(self._unsaved.items()):
            if at <= now:
                batch.append((item, True))  # as after a restart: a post Discord took is found, not sent again
                self._unsaved[key] = (item, tries, now + UNSAVED_LONGEST)  # taken; its outcome sets the next
        for item, recovered in batch:
            self._dispatch(item, now, recovered)
        return len(batch) + int(recovery_round)

    def _dispatch(self, item: DueItem, picked_at: datetime, recovered: bool) -> None:
        self._queues.setdefault(item.guild_id, deque()).append((item, picked_at, recovered))
        if item.guild_id not in self._lanes:
            self._lanes[item.guild_id] = asyncio.get_running_loop().create_task(
                self._lane(item.guild_id), name=f"dogear-discussion-lane-{item.guild_id}"
            )

    async def _lane(self, guild_id: int) -> None:
        try:
            async with self._gate:
                queue = self._queues[guild_id]
                while queue:
                    item, picked_at, recovered = queue.popleft()
                    await self._handle(item, picked_at, recovered)
        finally:
            self._queues.pop(guild_id, None)
            self._lanes.pop(guild_id, None)

    def _retry_later(self, item: DueItem, failure: Unreachable) -> bool:
        """Try ``item`` again after the next of :data:`RETRY_DELAYS`; False once they are spent."""
        key = (item.kind, item.id)
        tries = self._retries.get(key, 0)
        if tries >= len(RETRY_DELAYS):
            self._retries.pop(key, None)
            return False
        self._retries[key] = tries + 1
        delay = RETRY_DELAYS[tries]
        log.warning("%s %s in server %s: %s; trying again in %s", item.kind, item.id, item.guild_id, failure, delay)
        waiting = asyncio.get_running_loop().create_task(
            self._retry(item, self.clock.now() + delay), name=f"dogear-discussion-retry-{item.kind}-{item.id}"
        )
        self._waiting.add(waiting)
        waiting.add_done_callback(self._waiting.discard)
        return True

    async def _retry(self, item: DueItem, when: datetime) -> None:
        await self.clock.sleep_until(when)
        self._dispatch(item, self.clock.now(), True)  # recovered: the post may have gone out after all

    async def wait_idle(self) -> None:
        """Return once nothing is being posted and the timer sleeps (tests, benchmark)."""
        while True:
            await self.timer.wait_idle()
            if not self._lanes:
                return
            await asyncio.gather(*list(self._lanes.values()), return_exceptions=True)

    async def _handle(self, item: DueItem, picked_at: datetime, recovered: bool) -> bool:
        """One item, never raising: a problem marks this item and no other."""
        key = (item.kind, item.id)
        tries = self._retries.get(key)
        try:
            if item.kind == "discussion":
                await self._serve_discussion(item, picked_at, recovered)
            elif item.kind == "event_end":
                await self._serve_event_end(item)
            else:
                await self._serve_reminder(item, picked_at, recovered)
            if self._retries.get(key) == tries:
                self._retries.pop(key, None)  # settled: not waiting for another try
            self._unsaved.pop(key, None)
            return True
        except Exception as error:
            why = storage_refused(error)
            if why is not None:
                self._save_later(item, why, error)
                return False
            self._unsaved.pop(key, None)
            log.exception("%s %s in server %s failed unexpectedly", item.kind, item.id, item.guild_id)
            try:
                now = self.clock.now()
                reason = "an unexpected error (details in the bot's log)"
                if item.kind == "discussion":
                    discussion = await store.get_discussion(self.db, item.guild_id, item.id)
                    if discussion is not None:
                        await self._fail(discussion, reason)
                elif item.kind == "event_end":
                    ending = await store.get_event_end(self.db, item.guild_id, item.id)
                    if ending is not None:
                        await self._event_end_failed(ending, PostFailure(reason))
                else:
                    await store.mark_reminder(self.db, item.guild_id, item.id, "failed", reason=reason, now=now)
                return True
            except Exception:
                log.exception("could not record the failure of %s %s", item.kind, item.id)
                return False

    def _save_later(self, item: DueItem, why: str, error: BaseException) -> None:
        """The database refused this item's write (a full disk, a read-only file): not the item's failure,
        which could not be recorded either. It stays 'posting' and the timer takes it again after a pause
        growing up to :data:`UNSAVED_LONGEST`, as after a restart: a post Discord took before the refusal
        is found and recorded, never sent again (it was marked failed, which the disk refused too, and
        left without its thread until the next start)."""
        key = (item.kind, item.id)
        _, tries, _ = self._unsaved.get(key, (item, 0, self.clock.now()))
        pause = min(UNSAVED_FIRST * 2**tries, UNSAVED_LONGEST)
        self._unsaved[key] = (item, tries + 1, self.clock.now() + pause)
        log.warning(
            "%s %s in server %s could not save: %s (%s); trying again in %s, looking for its post first",
            item.kind, item.id, item.guild_id, why, " ".join(str(error).split()), pause,
        )  # fmt: skip
        self.schedules_changed()

    async def _serve_discussion(self, item: DueItem, picked_at: datetime, recovered: bool) -> None:
        discussion = await store.get_discussion(self.db, item.guild_id, item.id)
        if discussion is None or discussion.state != "posting":
            return  # settled meanwhile
        try:
            await self._post_discussion(discussion, picked_at, recovered)
        except Unreachable as failure:
            if self._retry_later(item, failure):
                return
            await self._fail(discussion, str(failure))
        except PostFailure as failure:
            log.info("discussion %s in server %s failed: %s", discussion.id, discussion.guild_id, failure)
            await self._fail(discussion, str(failure), channel_gone=isinstance(failure, Gone))

    async def _fail(self, discussion: Discussion, reason: str, *, channel_gone: bool = False) -> None:
        """Marked failed, and the moderation channel (when one is set) owed the telling in that same
        write: admins learn of it when it happens, not when they next run ``/discussion list``; once
        per failure, across kills (:mod:`bot.discussions.notices`)."""
        notice_id = await self._settle_unposted(
            discussion, reason, notice=await self._failed_notice(discussion, reason, channel_gone=channel_gone)
        )
        if notice_id is not None:
            await self.notices.tell_now(discussion.guild_id, notice_id)

    async def _failed_notice(
        self, discussion: Discussion, reason: str, *, channel_gone: bool
    ) -> store.NewNotice | None:
        return await self._for_moderators(
            discussion.guild_id,
            "failed",
            lambda: failed_notice(
                title=discussion.story_title,
                chapter=discussion.chapter,
                due_at=discussion.due_at,
                reason=reason,
                discussion_id=discussion.id,
                channel_gone=channel_gone,
                channel_explicit=discussion.channel_explicit,
            ),
        )

    async def _for_moderators(
        self, guild_id: int, kind: store.NoticeKind, compose: Callable[[], Notice]
    ) -> store.NewNotice | None:
        """A notice the moderation channel is owed, composed only when one is set; None when none is
        (the log and the stored reason are then all there is)."""
        mod_channel = (await get_settings(self.db, guild_id)).mod_channel_id
        if mod_channel is None:
            return None
        text = compose().content
        assert text is not None
        return store.NewNotice(kind, mod_channel, text, retry_at=self.clock.now() + RETRY_DELAYS[0])

    async def _settle_unposted(
        self, discussion: Discussion, reason: str, state: State = "failed", notice: store.NewNotice | None = None
    ) -> int | None:
        """Failed or missed: its scheduled event is cancelled at the event's end unless it is moved by
        then; ``notice`` is owed to the channel in the same write (its id returned)."""
        owed = await store.mark_discussion(
            self.db,
            discussion.guild_id,
            discussion.id,
            state,
            reason=reason,
            now=self.clock.now(),
            event_length=EVENT_LENGTH,
            notice=notice,
        )
        self.schedules_changed()
        return owed

    async def _post_discussion(self, discussion: Discussion, picked_at: datetime, recovered: bool) -> None:
        """Lateness is judged at ``picked_at`` (when the timer took it), not after rate-limit waits."""
        guild_id = discussion.guild_id
        if discussion.story_title is None:
            raise PostFailure("the story was removed")
        if await has_left(self.db, guild_id):
            # What an admin reads after inviting the bot back; Discord would only say the channel is unseen.
            raise PostFailure("Dogear was not in this server when it was due")
        settings = await get_settings(self.db, guild_id)
        channel_id = post_channel(discussion.channel_id, discussion.channel_explicit, settings)
        posted: Posted | None = None
        if discussion.message_id is not None and discussion.posted_channel_id is not None:
            posted = Posted(discussion.posted_channel_id, discussion.message_id, discussion.thread_id)
        elif recovered or discussion.attempts > 1:
            posted = await self.poster.find_post(channel_id, discussion.marker)
            if posted is not None:
                log.info(
                    "discussion %s was already posted (before a restart or a refused write); not posting again",
                    discussion.id,
                )
        late_by = picked_at - discussion.due_at
        if posted is None and late_by > self.missed_after:
            await self._report_missed(discussion, channel_id)
            return
        if posted is None:
            named, hidden = await self._caught_up(self.db, guild_id, discussion.story_id, discussion.reach)
            notice = discussion_notice(
                discussion_id=discussion.id,
                marker=discussion.marker,
                title=discussion.story_title,
                chapter=discussion.chapter,
                warnings=await self._warnings_for(self.db, guild_id, discussion.story_id, discussion.reach),
                caught_up=len(named) + hidden,
                prompts=settings.discussion_prompts,
                role_id=settings.club_role_id,
                late_since=discussion.due_at if late_by > LATE_NOTE_AFTER else None,
                # A forum post is open to everyone who sees the forum: saying readers are let in
                # would suggest the others are kept out.
                private_thread_hint=await self.poster.channel_kind(channel_id) != "forum",
                chapters=discussion.story_chapters,
            )
            posted = await self.poster.post(channel_id, notice, nonce=discussion.nonce)
        recorded = await store.record_discussion_message(
            self.db,
            guild_id,
            discussion.id,
            channel_id=posted.channel_id,
            message_id=posted.message_id,
            thread_id=posted.thread_id,
            now=self.clock.now(),
        )
        if not recorded:
            self._gone_meanwhile(discussion, posted)
            return
        await self._start_event(discussion)
        if await self._taken_away(discussion):
            self._gone_meanwhile(discussion, posted)
            return
        thread_id = posted.thread_id
        if thread_id is None:
            try:
                thread_id = await self.poster.open_thread(
                    posted.channel_id,
                    posted.message_id,
                    thread_name(discussion.story_title, discussion.chapter, discussion.id),
                )
            except Unreachable as failure:  # Discord failed on its side or was not reached: try it again later
                raise Unreachable(f"posted, but the thread could not be opened yet: {failure}") from failure
            except PostFailure as failure:
                raise PostFailure(f"posted, but the thread could not be opened: {failure}") from failure
            if await self._taken_away(discussion):
                self._gone_meanwhile(discussion, posted, thread_id)
                return
        # Access, not naming: hidden readers are let in too (adding to a thread names no one to the club).
        readers = await self._readers(self.db, guild_id, discussion.story_id, discussion.reach)
        await self._let_in(discussion, thread_id, readers)
        await store.mark_discussion_posted(self.db, guild_id, discussion.id, thread_id=thread_id, now=self.clock.now())
        # A member who marked the chapter read while the readers were being added was let in by
        # neither (reader_advanced looks at posted discussions only): read them once more.
        late = sorted(set(await self._readers(self.db, guild_id, discussion.story_id, discussion.reach)) - set(readers))
        if late:
            await self._let_in(discussion, thread_id, late)

    async def _taken_away(self, discussion: Discussion) -> bool:
        """Whether the discussion stopped being posted while Discord was asked something: removed with
        its story (``/story remove``), or cancelled by ``/story update`` taking its chapter out."""
        now = await store.get_discussion(self.db, discussion.guild_id, discussion.id)
        return now is None or now.state != "posting"

    @staticmethod
    def _gone_meanwhile(discussion: Discussion, posted: Posted, thread_id: int | None = None) -> None:
        """The post's end when its discussion was taken away under it: nothing more is done (no thread
        opened, nobody let in, no event started, nothing stored naming it) and the log says what stays
        in Discord. No notice: the admin who removed the story or took the chapter out was told then."""
        thread = "with no thread" if thread_id is None else f"its thread {thread_id} with nobody let in"
        log.info(
            "discussion %s in server %s was removed while it was being posted (its story removed, or its chapter"
            " taken out by /story update): its message %s stays in channel %s, %s; nothing more is done for it",
            discussion.id, discussion.guild_id, posted.message_id, posted.channel_id, thread,
        )  # fmt: skip

    async def _start_event(self, discussion: Discussion) -> None:
        """The post is up: its scheduled event shows as live, and its ending is stored as a due item.

        Never stops the post: a deleted or ended event is logged. A lasting refusal (Dogear's role
        lost Create Events) stores the ending as failed, and owes the moderation channel the telling
        in that write (:meth:`_event_start_refused`). When Discord cannot be reached the ending is
        stored anyway (with the planned end time), and the ending starts the event first. Run again
        when a post is resumed after a restart: starting an event already live only reads its end
        time, and the ending (failed or not) is stored once, so a refusal is told once.
        """
        if discussion.event_id is None or self.events is None:
            return
        guild_id, event_id = discussion.guild_id, discussion.event_id
        ends: datetime | None
        try:
            ends = await self.events.start(guild_id, event_id)
        except Unreachable as failure:
            log.warning("discussion %s: could not start scheduled event %s yet: %s", discussion.id, event_id, failure)
            ends = discussion.due_at + EVENT_LENGTH
        except PostFailure as failure:
            log.warning("discussion %s: could not start scheduled event %s: %s", discussion.id, event_id, failure)
            await self._event_start_refused(discussion, event_id, failure)
            return
        if ends is None:
            log.info("discussion %s: scheduled event %s was deleted or is over; left alone", discussion.id, event_id)
            return
        now = self.clock.now()
        await store.schedule_event_end(self.db, guild_id, discussion.id, event_id, max(ends, now), now=now)
        self.schedules_changed()

    async def _event_start_refused(self, discussion: Discussion, event_id: int, failure: PostFailure) -> None:
        """The post is up but Discord refused to start its event: it would sit "Scheduled" in every
        member's Events list after the meeting, and Dogear will not end it. Its ending is stored
        failed, and the moderation channel (when one is set) owed the telling in the same write;
        once per discussion, across kills (:mod:`bot.discussions.notices`). ``/discussion list`` shows
        it too (what was refused and whether Create Events was why are kept on the ending), so a club
        with no moderation channel learns of it."""
        guild_id = discussion.guild_id
        notice = await self._event_notice(discussion, failure, "start")
        notice_id = await store.event_start_refused(
            self.db,
            guild_id,
            discussion.id,
            event_id,
            reason=str(failure),
            now=self.clock.now(),
            notice=notice,
            forbidden=isinstance(failure, EventsForbidden),
            retry_at=next_refused_try(self.clock.now(), 0),
        )
        if notice_id is not None:
            await self.notices.tell_now(guild_id, notice_id)
        self.schedules_changed()

    async def _event_notice(
        self,
        discussion: Discussion,
        failure: PostFailure,
        refused: Literal["start", "end", "cancel"],
        gave_up_after: int = 0,
    ) -> store.NewNotice | None:
        """What the moderation channel is owed about a scheduled event Discord refused (``gave_up_after``:
        Dogear's last try by itself, after so many)."""
        return await self._for_moderators(
            discussion.guild_id,
            "event",
            lambda: event_notice(
                title=discussion.story_title,
                chapter=discussion.chapter,
                discussion_id=discussion.id,
                reason=str(failure),
                refused=refused,
                forbidden=isinstance(failure, EventsForbidden),
                gave_up_after=gave_up_after,
            ),
        )

    async def _retried_notice(
        self, ending: store.EventEnd, discussion: Discussion | None, live_until: datetime | None = None
    ) -> store.NewNotice | None:
        """What the moderation channel is owed when a try of a refused event worked (None: it was no retry)."""
        if not ending.retrying or discussion is None:
            return None
        done: Literal["start", "end", "cancel"] = "start" if live_until is not None else ending.refused or "end"
        if ending.refused == "start" and live_until is None:
            done = "end"  # the meeting was over: started and ended at once
        return await self._for_moderators(
            discussion.guild_id,
            "event",
            lambda: event_retried_notice(
                title=discussion.story_title,
                chapter=discussion.chapter,
                discussion_id=discussion.id,
                done=done,
                by=ending.retry_by,
                live_until=live_until,
            ),
        )

    async def try_refused_again(self, ending: store.EventEnd) -> None:
        """An admin's Try again took ``ending`` (:func:`store.claim_refused_retry`): tried now, as the
        timer tries one, never raising (a restart meanwhile leaves it 'posting', which the next start
        finishes)."""
        item = DueItem("event_end", ending.id, ending.guild_id, self.clock.now())
        await self._handle(item, self.clock.now(), True)

    async def permission_given(self, guild_id: int) -> int:
        """Dogear's role was given Create Events or Manage Events: the server's refusals that its lack
        caused, still listed, are tried now by the timer (once each, however many tries they had)."""
        now = self.clock.now()
        count = await store.retry_refusals_soon(self.db, guild_id, now=now, within=store.REFUSALS_LISTED_FOR)
        if count:
            log.info(
                "server %s gave Dogear's role its events permission: trying %s refused events again", guild_id, count
            )
            self.schedules_changed()
        return count

    async def _serve_event_end(self, item: DueItem) -> None:
        """Complete a discussion's event at its end time; a lasting refusal settles it, logged and told
        (:meth:`_event_end_failed`)."""
        ending = await store.get_event_end(self.db, item.guild_id, item.id)
        if ending is None or ending.state != "posting":
            return  # settled meanwhile
        discussion = await store.get_discussion(self.db, ending.guild_id, ending.discussion_id)
        unposted = discussion is not None and discussion.state in ("failed", "missed")
        try:
            if self.events is None:
                raise PostFailure("this process does not manage scheduled events")
            if unposted:
                await self.events.cancel(ending.guild_id, ending.event_id)
            elif ending.refused == "start" and await self._started_again(ending, discussion):
                return
            else:
                await self.events.end(ending.guild_id, ending.event_id)
        except Unreachable as failure:
            # A try of a refusal is one call: its next try is the back-off's, not RETRY_DELAYS' as well.
            if not ending.retrying and self._retry_later(item, failure):
                return
            await self._event_end_failed(ending, failure)
            return
        except PostFailure as failure:
            await self._event_end_failed(ending, failure)
            return
        notice_id = await store.mark_event_end(
            self.db,
            ending.guild_id,
            ending.id,
            "ended",
            reason=None,
            now=self.clock.now(),
            notice=await self._retried_notice(ending, discussion),
        )
        if notice_id is not None:
            await self.notices.tell_now(ending.guild_id, notice_id)
        if unposted:  # cancelled for good: a later /discussion move schedules without it
            await store.forget_cancelled_event(
                self.db, ending.guild_id, ending.discussion_id, ending.event_id, now=self.clock.now()
            )

    async def _started_again(self, ending: store.EventEnd, discussion: Discussion | None) -> bool:
        """A refused start tried again: the event is started, and while its end time is ahead the ending
        is scheduled for it (True); False when the meeting is over (or the event gone), to be ended now."""
        assert self.events is not None
        ends = await self.events.start(ending.guild_id, ending.event_id)
        now = self.clock.now()
        if ends is None or ends <= now:
            return False
        notice_id = await store.event_started_again(
            self.db,
            ending.guild_id,
            ending.id,
            ends,
            now=now,
            notice=await self._retried_notice(ending, discussion, live_until=ends),
        )
        self.schedules_changed()
        if notice_id is not None:
            await self.notices.tell_now(ending.guild_id, notice_id)
        return True

    async def _event_end_failed(self, ending: store.EventEnd, failure: PostFailure) -> None:
        """The event could not be ended (or cancelled, for a discussion that never posted): it stays
        live or upcoming in every member's Events list. Marked failed, and the moderation channel
        (when one is set) owed the telling in that write, only when it settled the ending: once.
        ``/discussion list`` shows it until an admin dismisses it (``store.refused_events``)."""
        log.warning(
            "discussion %s in server %s: could not end scheduled event %s: %s",
            ending.discussion_id,
            ending.guild_id,
            ending.event_id,
            failure,
        )
        discussion = await store.get_discussion(self.db, ending.guild_id, ending.discussion_id)
        unposted = discussion is not None and discussion.state in ("failed", "missed")
        refused: Literal["start", "end", "cancel"] = "cancel" if unposted else "end"
        if ending.refused == "start" and not unposted:
            refused = "start"  # tried again, still never started: starting it by hand is still the way
        now = self.clock.now()
        retry_at = next_refused_try(now, ending.retries)
        # Told on the refusal, and when Dogear's last try by itself is refused too; an admin's press is
        # answered, and a try refused again otherwise shows under /discussion list with its next one.
        gave_up = ending.retrying and ending.retry_by is None and retry_at is None
        notice = None
        if discussion is not None and (not ending.retrying or gave_up):
            notice = await self._event_notice(discussion, failure, refused, ending.retries if gave_up else 0)
        notice_id = await store.mark_event_end(
            self.db,
            ending.guild_id,
            ending.id,
            "failed",
            reason=str(failure),
            now=now,
            notice=notice,
            refused=refused,
            forbidden=isinstance(failure, EventsForbidden),
            retry_at=retry_at,
        )
        self.schedules_changed()
        if notice_id is not None:
            await self.notices.tell_now(ending.guild_id, notice_id)

    async def _let_in(self, discussion: Discussion, thread_id: int, readers: Sequence[int]) -> None:
        await self.joins.let_in(discussion.guild_id, discussion.id, thread_id, readers)

    async def _report_missed(self, discussion: Discussion, channel_id: int) -> None:
        """Marked missed, and the channel owed the notice in that same write: a kill or a refusal
        between the two leaves it to the timer (:mod:`bot.discussions.notices`), never lost."""
        hours = self.grace.total_seconds() / 3600
        reason = f"Dogear was offline when it was due, for longer than the {hours:g} h grace period"
        assert discussion.story_title is not None
        text = missed_notice(
            title=discussion.story_title,
            chapter=discussion.chapter,
            due_at=discussion.due_at,
            grace=self.grace,
            discussion_id=discussion.id,
        ).content
        assert text is not None
        owed = store.NewNotice("missed", channel_id, text, retry_at=self.clock.now() + RETRY_DELAYS[0])
        notice_id = await self._settle_unposted(discussion, reason, "missed", owed)
        if notice_id is not None:
            await self.notices.tell_now(discussion.guild_id, notice_id)

    async def _serve_reminder(self, item: DueItem, picked_at: datetime, recovered: bool) -> None:
        now = picked_at
        guild_id = item.guild_id
        reminder = await store.get_reminder(self.db, guild_id, item.id)
        if reminder is None:
            return
        if reminder.state == "posted" and reminder.copies_pending:
            await self._resume_dm_copies(item, reminder, now)
            return
        if reminder.state != "posting":
            return
        discussion = await store.get_discussion(self.db, guild_id, reminder.discussion_id)
        retry = recovered or reminder.attempts > 1
        if discussion is None or not await self._reminder_useful(reminder, discussion, now):
            if discussion is not None and retry and not await has_left(self.db, guild_id):
                # Held back (a full disk, a restart) past its use: Discord may have taken it already.
                try:
                    found = await self.poster.find_post(await self._reminder_channel(discussion), reminder.marker)
                except Unreachable as failure:
                    if self._retry_later(item, failure):
                        return
                    found = None
                except PostFailure as failure:
                    log.info("reminder %s: could not look for its post: %s", reminder.id, failure)
                    found = None
                if found is not None:
                    await store.mark_reminder(
                        self.db, guild_id, reminder.id, "posted", now=self.clock.now(),
                        channel_id=found.channel_id, message_id=found.message_id,
                    )  # fmt: skip
                    log.info("reminder %s was posted before its record was held back; recorded as posted", item.id)
                    return
            await store.mark_reminder(self.db, guild_id, reminder.id, "missed", now=now, reason="no longer useful")
            return
        try:
            channel_id = await self._reminder_channel(discussion)
            posted = await self.poster.find_post(channel_id, reminder.marker) if retry else None
            if posted is None:
                notice = await self._reminder_notice(discussion, reminder.marker)
                posted = await self.poster.post(channel_id, notice, nonce=reminder.nonce)
        except Unreachable as failure:
            if not self._retry_later(item, failure):
                await store.mark_reminder(
                    self.db, guild_id, reminder.id, "failed", now=self.clock.now(), reason=str(failure)
                )
            return
        except PostFailure as failure:
            await store.mark_reminder(
                self.db, guild_id, reminder.id, "failed", now=self.clock.now(), reason=str(failure)
            )
            return
        owed = bool(await prefs_store.dm_recipients(self.db, guild_id, discussion.story_id))
        recorded = await store.mark_reminder(
            self.db,
            guild_id,
            reminder.id,
            "posted",
            now=self.clock.now(),
            channel_id=posted.channel_id,
            message_id=posted.message_id,
            copies_owed=owed,
        )
        if not recorded:  # no copy reminds a member of a discussion that will not happen
            log.info(
                "reminder %s in server %s was settled while it was being posted (its discussion cancelled, or"
                " its story removed): its message %s stays in channel %s, and no DM copy of it is sent",
                reminder.id, guild_id, posted.message_id, posted.channel_id,
            )  # fmt: skip
            return
        if owed:
            await self._send_dm_copies(item, reminder, discussion, posted)

    async def _reminder_useful(self, reminder: store.Reminder, discussion: Discussion, now: datetime) -> bool:
        """Whether the reminder (or a DM copy of it) still has a use at ``now``: its discussion is still
        ahead, the server still has Dogear, and it is within its grace."""
        return not (
            await has_left(self.db, discussion.guild_id)
            or discussion.state != "scheduled"
            or discussion.due_at <= now
            or now - reminder.due_at > self.missed_after
            or discussion.story_title is None
        )

    async def _reminder_channel(self, discussion: Discussion) -> int:
        settings = await get_settings(self.db, discussion.guild_id)
        return await message_channel(
            self.poster, post_channel(discussion.channel_id, discussion.channel_explicit, settings), settings
        )

    async def _resume_dm_copies(self, item: DueItem, reminder: store.Reminder, now: datetime) -> None:
        """A reminder posted with DM copies still owed (a kill or a refused write between two copies):
        the members not yet sent (or whose copy Discord failed on its side) get theirs while it is
        useful; past that, none is owed any more."""
        guild_id = reminder.guild_id
        discussion = await store.get_discussion(self.db, guild_id, reminder.discussion_id)
        if (
            discussion is not None
            and reminder.channel_id is not None
            and reminder.message_id is not None
            and await self._reminder_useful(reminder, discussion, now)
        ):
            await self._send_dm_copies(item, reminder, discussion, Posted(reminder.channel_id, reminder.message_id))
            return
        log.info("reminder %s in server %s: DM copies not yet sent are no longer useful", reminder.id, guild_id)
        async with self.db.transaction() as tx:
            await store.end_dm_copies(tx, guild_id, reminder.id)

    async def _send_dm_copies(
        self, item: DueItem, reminder: store.Reminder, discussion: Discussion, posted: Posted
    ) -> None:
        """Private copies for members who chose them, each recorded just before it is sent (so at most
        once per member: a kill loses at most the copy in flight, and a start sends the rest).

        A member whose DMs are closed is remembered and told once, in a reply under the reminder
        that mentions without pinging; nobody is tried again until they choose DM copies again.
        A copy Discord could not take (:class:`Unreachable`: a 5xx, a 429 after discord.py's own
        retries) is owed again and the copies stay open: the reminder is tried again after the next
        of :data:`RETRY_DELAYS`, while it is useful (:meth:`_resume_dm_copies`); the closed DMs found
        meanwhile are told at once all the same.
        """
        guild_id = discussion.guild_id
        recipients = await prefs_store.dm_recipients(self.db, guild_id, discussion.story_id)
        taken = await store.dm_copies_taken(self.db, guild_id, reminder.id)
        # One who left cannot be sent a copy (Discord refuses a DM with no server in common), and that
        # refusal was told under the reminder, naming them: left out, as the reminder leaves them out.
        recipients = await self._still_here(guild_id, [user_id for user_id in recipients if user_id not in taken])
        avoiding = await self._avoiders(discussion) if recipients else set()
        assert discussion.story_title is not None
        notice = dm_reminder_notice(
            title=discussion.story_title,
            chapter=discussion.chapter,
            due_at=discussion.due_at,
            channel_id=posted.channel_id,
            chapters=discussion.story_chapters,
        )
        refused = [user_id for user_id, closed in taken.items() if closed]
        unreached: Unreachable | None = None
        for user_id in recipients:
            if user_id in avoiding or user_id in taken:
                continue
            if not await store.take_dm_copy(self.db, guild_id, reminder.id, user_id, now=self.clock.now()):
                continue
            try:
                delivered = await self.poster.send_dm(user_id, notice)
            except Unreachable as failure:
                await store.dm_copy_owed_again(self.db, guild_id, reminder.id, user_id)
                unreached = failure
                continue
            except PostFailure as failure:
                log.info("could not DM reminder copy to %s: %s", user_id, failure)
                continue
            if not delivered:
                await store.dm_copy_refused(self.db, guild_id, reminder.id, user_id)
                refused.append(user_id)
        done = unreached is None or not self._retry_later(item, unreached)
        # The closed DMs are told now, not once the copies still owed are done (up to the grace).
        await self._tell_dms_closed(discussion, reminder, posted, refused, done=done)

    async def _tell_dms_closed(
        self, discussion: Discussion, reminder: store.Reminder, posted: Posted, refused: Sequence[int], *, done: bool
    ) -> None:
        """Members whose DMs refused their copy are not tried again, and are told so under the
        reminder as soon as a pass of the copies found them, though another member's copy may still
        be owed (``done`` False: the copies stay open for its retry). The telling is owed in the write
        that marks them (and, ``done``, ends the copies), so a kill or a refusal before it leaves it to
        the next try instead of leaving them never told and never tried; a member marked already
        (told by an earlier pass) is not told again."""
        if not done and not refused:
            return
        now = self.clock.now()
        notice_id = None
        async with self.db.transaction() as tx:
            if done:
                await store.end_dm_copies(tx, discussion.guild_id, reminder.id)
            closed = await prefs_store.mark_dms_failed(tx, discussion.guild_id, refused, now=now) if refused else []
            if closed:
                text = closed_dms_notice(closed, posted.message_id).content
                assert text is not None
                owed = store.NewNotice(
                    "closed_dms", posted.channel_id, text, retry_at=now + RETRY_DELAYS[0], reply_to=posted.message_id
                )
                notice_id = await store.owe_notice(tx, discussion.guild_id, discussion.id, owed, now=now)
        if notice_id is not None:
            await self.notices.tell_now(discussion.guild_id, notice_id)

    async def _avoiders(self, discussion: Discussion) -> set[int]:
        """Members a reminder leaves out: one of the chapters they have still to read up to the
        discussed one (the last one left when an update took it down) carries a warning they
        avoid; decided in :mod:`bot.discussions.spared`."""
        return await members_spared(
            self.db, discussion.guild_id, discussion.story_id, discussion.reach, carried_through=self._carried
        )

    async def _still_here(self, guild_id: int, user_ids: list[int]) -> list[int]:
        """``user_ids`` without the members known to have left the server (bounded look-ups, cached:
        :mod:`bot.discussions.presence`); their progress stays, they are only not named or sent copies."""
        return await self.presence.still_here(guild_id, user_ids) if self.presence and user_ids else user_ids

    async def _reminder_notice(self, discussion: Discussion, marker: str) -> Notice:
        guild_id = discussion.guild_id
        avoiding = await self._avoiders(discussion)
        # Avoiders, and members who turned reminders off, are left out entirely: not named,
        # and not in the hidden count either.
        avoiding = avoiding | await prefs_store.reminders_off(self.db, guild_id)
        named, hidden = await self._behind(self.db, guild_id, discussion.story_id, discussion.reach, excluding=avoiding)
        all_named, all_hidden = await self._behind(self.db, guild_id, discussion.story_id, discussion.reach)
        # Those left out by their own choice, counted before the ones who left the server go: one who
        # left is no member who "turned reminders off or avoids a warning".
        left_out = len(all_named) + all_hidden - len(named) - hidden
        if self.presence is not None:
            # Hidden members are never named, but counted: one who left is not (looked up after the named).
            hidden_ids = (
                await progress_store.hidden_behind(
                    self.db, guild_id, discussion.story_id, discussion.reach, excluding=avoiding
                )
                if hidden
                else []
            )
            here = set(await self._still_here(guild_id, [*named, *hidden_ids]))
            named = [user_id for user_id in named if user_id in here]
            hidden = sum(1 for user_id in hidden_ids if user_id in here)
        ready_named, ready_hidden = await self._caught_up(self.db, guild_id, discussion.story_id, discussion.reach)
        assert discussion.story_title is not None
        return reminder_notice(
            marker=marker,
            title=discussion.story_title,
            chapter=discussion.chapter,
            due_at=discussion.due_at,
            behind=[user_id for user_id in named if user_id not in avoiding],
            hidden_behind=hidden,
            chapters=discussion.story_chapters,
            story_id=discussion.story_id,
            caught_up=len(ready_named) + ready_hidden,
            left_out=left_out,
        )

    async def reader_advanced(self, guild_id: int, user_id: int, story_id: int, previous: int, chapter: int) -> int:
        """A member read from ``previous`` to ``chapter``: add them to the threads of the chapters
        newly reached (and a few adds they are owed); see :mod:`bot.discussions.joins`."""
        return await self.joins.reader_advanced(guild_id, user_id, story_id, previous, chapter)
