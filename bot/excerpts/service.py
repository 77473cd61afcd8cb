"""``/excerpt`` use cases: a chapter posted into a channel as a job that survives crashes, or read privately.

No Discord here: the cog implements the small ``Poster`` protocol (``bot/excerpts/model.py``)
with discord.py, and tests can implement it with a list.

A post, exactly once across crashes:

1. plan: the chapter is rendered in a worker process (a long chapter is CPU work), refused
   when it needs more than ``max_messages`` messages, and stored with all its planned
   messages in one transaction (``post_jobs`` + ``post_chunks``). Nothing is sent before.
2. send: message n carries the nonce ``prefix + n`` (Discord's ``enforce_nonce`` returns the
   existing message for a repeated nonce within a few minutes instead of posting it again);
   its id is recorded in a short write of its own right after. The buttons go on the last one.
3. done: the job is marked done; the planned texts and the admin's token are dropped.

A crash leaves the job in 'posting'. At the next start the process that owns the server
looks at the bot's messages in the channel after the last recorded one (or after the
interaction that started the post) for the next planned message, records what it finds,
tells the admin's interaction (while its 15-minute token lives) or else the channel that it
resumed, and sends the rest. One channel takes one post at a time (a lock per channel);
Discord's rate-limit headers pace the sends (discord.py waits before the bucket runs out).
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import secrets
from collections.abc import Coroutine, Sequence
from typing import Any, NamedTuple, NoReturn

from bot.clock import Clock
from bot.db import Database, storage_refused
from bot.errors import UserError
from bot.excerpts import store
from bot.excerpts.answers import (
    NOW_A_NOTE,
    NOW_A_NOTE_READ,
    POSTED_STORY_GONE,
    REPOST_GONE,
    busy_text,
    changed_while_prepared,
    channel_gone_text,
    chapter_label,
    check_page,
    posted_text,
    taken_down_text,
    too_long_text,
)
from bot.excerpts.model import (
    AlreadyPosted,
    ButtonKey,
    ChannelGone,
    InteractionRef,
    Poster,
    PostFailure,
    PostOutcome,
    PostRequest,
    Pressed,
    Reading,
    asked_digest,
    unrecorded_stops,
)
from bot.excerpts.render import render_contents
from bot.excerpts.store import ChapterBusy, Chunk, NewJob, PostJob, StoryChanged
from bot.guilds import get_settings
from bot.locks import KeyedLocks
from bot.progress.prefs import avoided_warnings, possible_for_reader
from bot.progress.service import step as progress_step
from bot.progress.store import get_progress
from bot.shards import ShardScope
from bot.story.books import no_text_message
from bot.story.chapters import check_chapter
from bot.story.model import Chapter, HeaderWarning
from bot.story.store import (
    StoryRecord,
    chapter_after_moves,
    chapters_moved,
    get_story_record,
    load_chapter,
    resolve_story,
)
from bot.text import plural
from bot.warnings.avoided_words import avoided_categories, avoided_said
from bot.warnings.reviews import chapter_warnings_and_possible, unsettled_in_chapter
from bot.warnings.service import chapter_warnings, guild_taxonomy
from bot.worker import Workers

log = logging.getLogger(__name__)

TOKEN_SECONDS = 15 * 60.0  # an interaction's followup token
TOKEN_MARGIN = 30.0  # do not start a followup this close to the token's end
RENDER_SECONDS = 10.0
HISTORY_LOOKBACK = 100  # the bot's messages after the last recorded one checked after a crash
UNEXPECTED = "something went wrong on my side (details are in the bot's log)"
UNSAVED = "Dogear could not save its progress (its database refused the write)"


def _where(job: PostJob) -> str:
    """A post as the log names it."""
    return f"post {job.id} (chapter {job.chapter} of story {job.story_id})"


def _logged_stop(job: PostJob, error: Exception) -> bool:
    """A post stopped by ``error`` in the bot, not by Discord (whose refusals are the admin's to read),
    said to whoever runs it at error level: one line when the disk or the database file refused a write
    (full, read-only: a state that passes, which they must see to free space; a traceback would bury
    it), with a traceback for anything else (a bug). Whether it was a storage refusal."""
    where = _where(job)
    refused = storage_refused(error)
    if refused is None:
        log.error("%s failed unexpectedly", where, exc_info=error)
        return False
    log.error("%s stopped: could not save: %s (%s)", where, refused, " ".join(str(error).split()))
    return True


class Marked(NamedTuple):
    """What reading or "I've read this" did to a member's place: the story's title, the chapter as
    numbered now, the chapter they were at when it moved (None: it did not), where it was kept
    when a chapter read privately was not their next one (None: not kept back), and their place
    after (``place``: past the chapter when they had read further already)."""

    title: str
    chapter: int
    previous: int | None
    held_at: int | None = None
    place: int | None = None


class ExcerptService:
    """Posting jobs (with their per-channel locks and running tasks) and private reading."""

    def __init__(self, db: Database, clock: Clock, workers: Workers, *, max_messages: int, budget: int) -> None:
        self.db = db
        self.clock = clock
        self.workers = workers
        self.max_messages = max_messages
        self.budget = budget
        self._locks = KeyedLocks()  # one post per channel at a time
        self._running: dict[int, asyncio.Task[PostOutcome]] = {}
        self._sending: set[asyncio.Task[object]] = set()
        self._stopping = False
        # Posts stopped whose stop the database refused: known on the database, which outlives this
        # service (a cog reloaded builds another) and which the story service asks too.
        self._unrecorded = unrecorded_stops(db)

    def _now(self) -> float:
        return self.clock.now().timestamp()

    # -- chapters -------------------------------------------------------------------------
    async def chapter(self, guild_id: int, story_id: int, number: int) -> tuple[StoryRecord, Chapter]:
        """The story and chapter, or the sentence a member needs when either is gone."""
        record = await get_story_record(self.db, guild_id, story_id)
        if record is None:  # the chapter buttons carry a story id; every command resolved the story just before
            raise UserError(POSTED_STORY_GONE)
        if not record.has_text:
            raise UserError(no_text_message(record.title))
        check_chapter(number, record.chapter_count, record.title)
        chapter = await load_chapter(self.db, guild_id, story_id, number)
        if chapter is None:
            raise UserError("That chapter is no longer in this server's library; the story may have been removed.")
        return record, chapter

    async def _render(self, title: str, chapter: Chapter, warnings: Sequence[HeaderWarning]) -> list[str]:
        return await self.workers.run(
            f"Rendering chapter {chapter.number}", render_contents, title, chapter, list(warnings), self.budget,
            time_limit=RENDER_SECONDS,
        )  # fmt: skip

    async def pressed_chapter(
        self, guild_id: int, story_id: int, number: int | Pressed, *, reading: bool = False
    ) -> int:
        """The chapter a button names, as numbered now: the member acts on the chapter they saw.

        ``/story update`` may have renumbered the chapters since the button was made (an older
        Dogear read a dedication as chapter 1; the author added a prologue or took a chapter out),
        so its number is mapped through the moves recorded since. A button from before moves were recorded finds its post's chapter (which moved with
        the chapters) by the message pressed, else counts every recorded move. A part of the
        story that is a note now, or a chapter an update took down, is refused saying so (not
        "pick a chapter", which a member pressing a button never did), as what ``reading`` (Read
        privately) cannot show or what "I've read this" did not record.
        """
        if isinstance(number, int):
            return number
        now = await self._numbered_now(guild_id, story_id, number)
        if now is not None and now < 1:
            raise UserError(NOW_A_NOTE_READ if reading else NOW_A_NOTE)
        record = await get_story_record(self.db, guild_id, story_id)
        if record is None:
            return number.number  # the story is gone: reading it says so
        if now is None or (record.has_text and now > record.chapter_count):
            raise UserError(taken_down_text(record.title, record.chapter_count, reading=reading))
        return now

    async def _numbered_now(self, guild_id: int, story_id: int, pressed: Pressed) -> int | None:
        """The pressed chapter's number now (below 1: a part of the story that is a note now; None:
        a chapter taken out of the story since, its number another chapter's now)."""
        if pressed.moved is None and pressed.message_id is not None:
            posted = await store.posted_chapter(self.db, guild_id, story_id, pressed.message_id)
            if posted is not None:
                return posted
        # A forged "moved" past the moves made maps through none: it never moves a chapter up.
        return await chapter_after_moves(self.db, guild_id, story_id, pressed.number, pressed.moved or 0)

    async def reading(
        self,
        guild_id: int,
        user_id: int,
        story: str | int,
        number: int | Pressed,
        *,
        confirmed: bool,
        page: int = 1,
        asked: str | None = None,
    ) -> Reading:
        """The chapter for one member; when it has warnings they avoid and they did not confirm, only those.

        A confirmation holds for the warnings it answered (``asked``, their :func:`asked_digest`; None:
        a button made before it was carried): a chapter that gained another avoided warning since asks
        again. A ``page`` past the chapter's end is refused first: asking "Show it anyway?" and then
        refusing the page made the member confirm a warning for nothing."""
        story_id = story if isinstance(story, int) else (await resolve_story(self.db, guild_id, story)).id
        # One snapshot: the chapter a press names, the text read and the move count a "Show it anyway"
        # carries all of one numbering, though a /story update commits meanwhile (or is half-written).
        async with self.db.snapshot():
            number = await self.pressed_chapter(guild_id, story_id, number, reading=True)
            moved = await chapters_moved(self.db, guild_id, story_id)
            record, chapter = await self.chapter(guild_id, story_id, number)
        avoided_ids = await avoided_warnings(self.db, guild_id, user_id)
        # Words avoided before a category was created for them avoid it too, and the reverse (avoided_words).
        taxonomy = await guild_taxonomy(self.db, guild_id)
        categories = avoided_categories(avoided_ids, taxonomy)
        warnings = [
            dataclasses.replace(
                warning, avoided=warning.id in categories or bool(avoided_said(avoided_ids, warning.words, taxonomy))
            )
            for warning in await chapter_warnings(self.db, guild_id, story_id, number)
        ]
        # Possible warnings are shown to a member only when they avoid that warning strictly, and
        # not twice: a member may report a warning the header already shows.
        shown = {warning.id for warning in warnings}
        unsure = await possible_for_reader(self.db, guild_id, user_id, story_id, number)
        warnings += [warning for warning in unsure if warning.id not in shown]
        shown |= {warning.id for warning in unsure}
        unsettled = await unsettled_in_chapter(self.db, guild_id, story_id, number)
        warnings += [warning for warning in unsettled if warning.id not in shown]  # counted, never named
        # The words a member avoids are named as such ("drowning"), not as the whole "also warns of" line.
        avoided = [
            label
            for warning in warnings
            if warning.avoided
            for label in (avoided_said(avoided_ids, warning.words, taxonomy) if warning.words else [warning.label])
        ]
        digest = asked_digest(avoided)
        if avoided and not (confirmed and asked in (None, digest)):
            if page != 1:  # page 1 is always there: nothing to render before asking
                check_page(await self._render(record.title, chapter, warnings), page, number)
            return Reading(record.id, record.title, [], avoided, number, moved, digest)
        contents = await self._render(record.title, chapter, warnings)
        return Reading(record.id, record.title, contents, avoided, number, moved)

    async def mark_read(
        self,
        guild_id: int,
        user_id: int,
        story_id: int,
        number: int | Pressed,
        display_name: str,
        *,
        next_only: bool = False,
    ) -> Marked:
        """Move the member's progress forward to this chapter (never back).

        ``next_only`` (a chapter read privately): only when it is the member's next one. Reading
        chapter 4 alone says nothing of chapters 2 and 3, which a member avoiding their warnings
        skipped; marking them read would also open those chapters' threads to the member. The
        place is then kept (``held_at``) and the member asked to say so themselves."""
        if next_only:
            found = await self.pressed_chapter(guild_id, story_id, number)
            record, _ = await self.chapter(guild_id, story_id, found)
            place = await get_progress(self.db, guild_id, user_id, story_id)
            if found > place + 1:
                return Marked(record.title, found, None, held_at=place)
        pressed: list[tuple[str, int]] = []

        async def chapter_now() -> int:  # inside the progress write: no update commits in between
            found = await self.pressed_chapter(guild_id, story_id, number)
            record, _ = await self.chapter(guild_id, story_id, found)  # a chapter gone is refused, nothing written
            pressed.append((record.title, found))
            return found

        update = await progress_step(
            self.db, guild_id, user_id, story_id, chapter_now, now=self._now(), display_name=display_name,
            forward_only=True,
        )  # fmt: skip
        title, found = pressed[0]
        return Marked(title, found, update.previous if update.advanced else None, place=update.chapter)

    # -- posting --------------------------------------------------------------------------
    async def post_chapter(self, request: PostRequest, poster: Poster) -> PostOutcome | AlreadyPosted:
        """``/excerpt post``: plan (or continue a stopped post of the same chapter there) and send it all."""
        plan = await self._plan(await self._confirmed(request), poster)
        if isinstance(plan, AlreadyPosted):
            return plan
        job, title, continued = plan
        return await self._run(job, title, poster, check_history=continued)

    async def _plan(self, request: PostRequest, poster: Poster) -> tuple[PostJob, str, bool] | AlreadyPosted:
        """The job to run (and whether it continues a stopped one), or the question to ask first.

        Stored only if the story is still the version its chapter was read from: another admin's
        ``/story remove`` or ``/story update`` while it rendered is said, with nothing stored or sent."""
        found = await resolve_story(self.db, request.guild_id, request.story)
        record, chapter = await self.chapter(request.guild_id, found.id, request.chapter)
        try:
            return await self._stored_plan(request, poster, record, chapter)
        except StoryChanged as changed:
            raise UserError(changed_while_prepared(record.title, chapter.number, gone=changed.gone)) from None

    async def _stored_plan(
        self, request: PostRequest, poster: Poster, record: StoryRecord, chapter: Chapter
    ) -> tuple[PostJob, str, bool] | AlreadyPosted:
        guild_id = request.guild_id
        channel_id = request.channel_id or await self._club_channel(guild_id)
        try:
            await poster.check_channel(guild_id, channel_id)
        except ChannelGone:
            raise UserError(channel_gone_text(channel_id, club_channel=request.channel_id is None)) from None
        running = await store.posting_job(self.db, guild_id, record.id, chapter.number)
        if running is not None and running.id in self._unrecorded and running.id not in self._running:
            # Stopped, though marking it failed was refused (model.UnrecordedStops). Marked failed now, it
            # is continued below like any stopped post.
            await store.fail(self.db, guild_id, running.id, UNSAVED, now=self._now())
            self._unrecorded.discard(running.id)
            running = None
        if running is not None:
            raise UserError(busy_text(running, record.title))
        previous = await store.latest_job(self.db, guild_id, record.id, chapter.number, channel_id)
        interaction = request.interaction
        if previous is not None and previous.state == "failed":
            if previous.sent == 0:  # nothing of it is in the channel: post the header as it reads now
                contents = await self._planned(guild_id, record, chapter)
                await store.replan(self.db, guild_id, previous.id, contents, now=self._now(), read=record)
            try:
                job = await store.reopen(
                    self.db, guild_id, previous.id, application_id=interaction.application_id,
                    interaction_token=interaction.token, interaction_at=interaction.at, now=self._now(), read=record,
                )  # fmt: skip
            except ChapterBusy:
                raise UserError(
                    f"{chapter_label(chapter.number, record.title, first=True)} is being posted right now."
                ) from None
            return job, record.title, True
        if previous is not None and previous.state == "done" and previous.id != request.confirmed_after:
            return AlreadyPosted(previous, record.title)
        contents = await self._planned(guild_id, record, chapter)
        new = NewJob(
            guild_id=guild_id, channel_id=channel_id, story_id=record.id, chapter=chapter.number,
            nonce_prefix=f"x{secrets.token_hex(5)}.", requested_by=request.requested_by, anchor_id=interaction.id,
            application_id=interaction.application_id, interaction_token=interaction.token,
            interaction_at=interaction.at,
        )  # fmt: skip
        try:
            job = await store.create_job(self.db, new, contents, now=self._now(), read=record)
        except ChapterBusy:
            raise UserError(
                f"{chapter_label(chapter.number, record.title, first=True)} is being posted right now."
            ) from None
        return job, record.title, False

    async def _confirmed(self, request: PostRequest) -> PostRequest:
        """A "Post it again" names the post it answers: its chapter as numbered now (the post moved
        with its chapter when ``/story update`` moved the chapters down), not the number on the button."""
        if not request.confirmed_after:  # job ids start at 1: 0 names no post (a forged or hand-made id)
            return request
        answered = await store.get_job(self.db, request.guild_id, request.confirmed_after)
        if answered is None or str(answered.story_id) != request.story:
            raise UserError(REPOST_GONE)
        return dataclasses.replace(request, chapter=answered.chapter)

    async def _planned(self, guild_id: int, record: StoryRecord, chapter: Chapter) -> list[str]:
        """The chapter's messages with its warnings as they stand now, or why it is not posted. What
        nobody settled yet goes in too: the header never names it, but says it is under review."""
        warnings = await chapter_warnings_and_possible(self.db, guild_id, record.id, chapter.number)
        contents = await self._render(record.title, chapter, warnings)
        if len(contents) > self.max_messages:
            raise UserError(too_long_text(chapter.number, record.title, record.id, len(contents), self.max_messages))
        return contents

    async def _club_channel(self, guild_id: int) -> int:
        settings = await get_settings(self.db, guild_id)
        if settings.club_channel_id is None:
            raise UserError("Name a channel, or set the club channel first with `/config set club_channel:`.")
        return settings.club_channel_id

    async def _run(self, job: PostJob, title: str, poster: Poster, *, check_history: bool) -> PostOutcome:
        return await self._tracked(job, self._send_all(job, title, poster, check_history=check_history))

    async def _tracked(self, job: PostJob, sending: Coroutine[Any, Any, PostOutcome]) -> PostOutcome:
        """Send in a task of the service's own, so shutting down stops it between two messages
        (and an impatient caller does not)."""
        self._unrecorded.discard(job.id)  # running again (a job id may also be reused once its story is gone)
        task = asyncio.create_task(sending, name=f"dogear-post-{job.id}")
        self._running[job.id] = task
        task.add_done_callback(lambda _: self._running.pop(job.id, None))
        return await asyncio.shield(task)

    async def _send_all(
        self, job: PostJob, title: str, poster: Poster, *, check_history: bool, resumed: bool = False
    ) -> PostOutcome:
        """Send what is not in the channel yet, one post per channel at a time.

        Only a process that dies or shuts down leaves the job 'posting' (the next start resumes
        it). Anything else that stops the post (Discord refusing it, Discord out of reach, a full
        disk, a bug) marks it failed, so the admin's next ``/excerpt post`` continues it instead of
        hearing that it is "being posted right now" until the next restart; where even that write is
        refused, it is known stopped in this process (:class:`model.UnrecordedStops`). Discord's
        refusals are the admin's to read; the bot's own are logged as errors (:func:`_logged_stop`).
        """
        async with self._locks.hold(job.channel_id):
            try:
                already_there = await self._send_rest(job, title, poster, check_history=check_history, resumed=resumed)
            except PostFailure as failure:
                await self._stopped(job, title, str(failure), gone=isinstance(failure, ChannelGone))
            except UserError:
                raise
            except Exception as error:
                if not _logged_stop(job, error):
                    await self._stopped(job, title, UNEXPECTED)  # raises
                # A message Discord took may be unrecorded: the continuation looks for it before sending.
                await self._stopped(job, title, UNSAVED)
        done = await store.get_job(self.db, job.guild_id, job.id)
        return PostOutcome(done or job, title, already_there)

    async def _send_rest(self, job: PostJob, title: str, poster: Poster, *, check_history: bool, resumed: bool) -> int:
        """The messages not sent yet, each recorded right after; how many were there before."""
        planned = await store.chunks(self.db, job.guild_id, job.id)
        if check_history:
            planned = await self._find_unrecorded(job, planned, poster)
        already_there = sum(1 for chunk in planned if chunk.message_id is not None)
        if resumed and already_there < job.chunk_count:
            await self._say_resumed(job, title, poster, already_there)
        last = len(planned) - 1
        for chunk in planned:
            if chunk.message_id is not None:
                continue
            assert chunk.content is not None
            buttons = await self._button_key(job) if chunk.position == last else None
            message_id = await self._send_one(poster, job, chunk.position, chunk.content, buttons)
            await store.record_sent(self.db, job.guild_id, job.id, chunk.position, message_id, now=self._now())
        await store.finish(self.db, job.guild_id, job.id, now=self._now())
        return already_there

    async def _button_key(self, job: PostJob) -> ButtonKey:
        """What the buttons under the post carry, read when they are made: ``/story update`` may have
        moved the chapters down while the post was being sent (its job moved with them)."""
        found = await store.button_chapter(self.db, job.guild_id, job.id)
        chapter, moved = found if found is not None else (job.chapter, 0)
        return (job.story_id, chapter, moved)

    async def _send_one(
        self, poster: Poster, job: PostJob, position: int, content: str, buttons: ButtonKey | None
    ) -> int:
        """One message; only here may a shutdown cancel a post (never inside a database write)."""
        task = asyncio.current_task()
        if self._stopping or task is None:
            raise asyncio.CancelledError()
        self._sending.add(task)
        try:
            return await poster.send(job.channel_id, content, nonce=job.nonce(position), buttons=buttons)
        finally:
            self._sending.discard(task)

    async def _stopped(self, job: PostJob, title: str, reason: str, *, gone: bool = False) -> NoReturn:
        """Marked failed, and the admin told where it stopped. Marking it is a write too, which may be
        refused as the one that stopped it was: the post is known stopped here all the same (a full
        disk is then said as every refused write is, "can't save right now"). Refused for any other
        reason, it is a bug whoever runs the bot must see, with its traceback; the admin is still told."""
        try:
            await store.fail(self.db, job.guild_id, job.id, reason, now=self._now())
        except Exception as error:
            self._unrecorded.add(job.id)
            if storage_refused(error) is not None:
                log.info("post %s stopped, unrecorded: %s", job.id, error)
                raise
            log.error("%s stopped and could not be marked failed", _where(job), exc_info=error)
        stopped = await store.get_job(self.db, job.guild_id, job.id)
        sent = (stopped or job).sent
        log.info("%s stopped at message %s: %s", _where(job), sent, reason)
        next_step = (
            "Post the chapter again in another channel with `/excerpt post channel:`."
            if gone
            else "Run `/excerpt post` for this chapter again to continue where it stopped."
        )
        raise UserError(
            f"Posting {chapter_label(job.chapter, title)} in <#{job.channel_id}> stopped after {sent} of "
            f"{plural(job.chunk_count, 'message')}: {reason}. {next_step}"
        )

    async def _find_unrecorded(self, job: PostJob, planned: list[Chunk], poster: Poster) -> list[Chunk]:
        """Messages that were sent but whose ids a crash kept from being recorded: found by nonce or text."""
        pending = [chunk for chunk in planned if chunk.message_id is None]
        if not pending:
            return planned
        after = max((chunk.message_id for chunk in planned if chunk.message_id is not None), default=job.anchor_id)
        seen = await poster.recent(job.channel_id, after=after, limit=HISTORY_LOOKBACK)
        index = 0
        for message in seen:
            if index == len(pending):
                break
            chunk = pending[index]
            if message.nonce == job.nonce(chunk.position) or message.content.strip() == (chunk.content or "").strip():
                log.info("post %s: message %s was sent before the restart (%s)", job.id, chunk.position, message.id)
                await store.record_sent(self.db, job.guild_id, job.id, chunk.position, message.id, now=self._now())
                index += 1
        if index == 0:
            return planned
        return await store.chunks(self.db, job.guild_id, job.id)

    # -- after a restart ------------------------------------------------------------------
    def _token_alive(self, job: PostJob) -> bool:
        return bool(job.interaction_token) and self._now() - job.interaction_at < TOKEN_SECONDS - TOKEN_MARGIN

    async def _tell_admin(self, job: PostJob, poster: Poster, text: str) -> bool:
        if not self._token_alive(job):
            return False
        interaction = InteractionRef(job.anchor_id, job.application_id, job.interaction_token, job.interaction_at)
        return await poster.tell_interaction(interaction, text)

    async def resume_unfinished(self, poster: Poster, scope: ShardScope) -> int:
        """At start: the posts a crash or shutdown cut off, in the servers this process owns, resumed; how many."""
        condition, params = scope.sql("j.guild_id")
        jobs = [
            job
            for job in await store.unfinished(self.db, condition, params)
            if scope.owns(job.guild_id) and job.id not in self._running
        ]
        if jobs:
            log.info("resuming %s cut off by a restart", plural(len(jobs), "post"))
        await asyncio.gather(*(self._resume(job, poster) for job in jobs))
        return len(jobs)

    async def _resume(self, job: PostJob, poster: Poster) -> None:
        record = await get_story_record(self.db, job.guild_id, job.story_id)
        title = record.title if record is not None else "a removed story"
        try:
            await self._run_resumed(job, title, poster)
        except UserError as stopped:
            if not await self._tell_admin(job, poster, str(stopped)):
                log.warning("resumed post %s stopped: %s", job.id, stopped)
        except Exception as error:
            if (refused := storage_refused(error)) is None:
                log.exception("resuming post %s failed", job.id)
            else:  # marking it failed was refused too: a line, as report_error says it for a command
                log.error("resumed post %s could not save its stop: %s", job.id, refused)

    async def _run_resumed(self, job: PostJob, title: str, poster: Poster) -> None:
        outcome = await self._tracked(job, self._send_all(job, title, poster, check_history=True, resumed=True))
        await self._tell_admin(job, poster, posted_text(outcome))

    async def _say_resumed(self, job: PostJob, title: str, poster: Poster, there: int) -> None:
        """The admin (while their interaction lives), else the channel, learns the post picks up again."""
        label = chapter_label(job.chapter, title)
        rest = f"from message {there + 1} of {job.chunk_count}"
        if not await self._tell_admin(
            job, poster, f"I restarted while posting {label} in <#{job.channel_id}>; continuing {rest}."
        ):
            await poster.tell_channel(
                job.channel_id, f"-# I restarted while posting {label}; the rest follows ({rest})."
            )

    async def close(self) -> None:
        """Stop the posts running in this process between two messages; they resume at the next start."""
        self._stopping = True
        for task in list(self._sending):
            task.cancel()  # waiting on Discord: safe to stop now; the others stop after their write
        await asyncio.gather(*self._running.values(), return_exceptions=True)
