"""The admin use cases of ``/discussion``: schedule, plan, move, cancel, list, prompts.

Each command of the cog is one call here: options are read (story, chapter, time, rhythm,
reminders) with the server's settings, the schedule is changed through the
:class:`~bot.discussions.service.DiscussionService` (which wakes the timer), and Discord's
scheduled events are kept in step through an :class:`EventKeeper` the cog provides. Nothing
here imports Discord.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Protocol

from bot.db import fits_row_id
from bot.discussions import store
from bot.discussions.cadence import Cadence, parse_every, plan_chapters, plan_walls
from bot.discussions.compose import (
    choice_label,
    event_dismissed,
    event_retry_answer,
    failure_fix,
    prompts_changed,
)
from bot.discussions.failures import EventMissing, EventsRefused
from bot.discussions.remind import parse_remind
from bot.discussions.service import DiscussionService, PostFailure, Unreachable, post_channel
from bot.discussions.store import AlreadyScheduled, Discussion, Dismissal, NewDiscussion, RefusedEvent, Reminder
from bot.discussions.when import Reading, gap_note, localize, read_when_noted, zone_named
from bot.errors import UserError
from bot.guilds import (
    MAX_PROMPT_LENGTH,
    MAX_PROMPTS,
    GuildSettings,
    get_settings,
    save_prompts_unless_changed,
    update_settings,
)
from bot.story.chapters import check_chapter
from bot.story.store import StoryRecord, resolve_story
from bot.story.tidy import UNTITLED
from bot.text import SPOILER_SPAN, and_list, count_word, escape_markdown, quote_input, visible_line, when_line

CHANGEABLE = ("scheduled", "failed", "missed")
LISTING_LIMIT = 1000  # discussions of each kind read for /discussion list: bounded, and paged when shown
# Refused events taken off /discussion list shown under it, and who did it: the latest, this recent.
DISMISSALS_SHOWN = 5
DISMISSALS_SHOWN_FOR = timedelta(days=7)
UTC_NOTE = "Read in UTC (`/config set timezone:` sets the club's own zone)."


class EventKeeper(Protocol):
    """Discord scheduled events for discussions; the answers are short notes for the admin."""

    async def create(self, guild_id: int, *, title: str, chapter: int, due: datetime, channel_id: int) -> int:
        """The new event's id; raises :class:`UserError` when the bot may not create events, and
        :class:`Unreachable` (its text for the admin) when Discord failed on its side or its answer was
        lost (the event may exist all the same)."""
        ...

    async def move(self, guild_id: int, event_id: int, due: datetime) -> str: ...

    async def delete(self, guild_id: int, event_id: int) -> str: ...


@dataclass(frozen=True, slots=True)
class Where:
    """Where a command was run and the channel it named, if any.

    ``may_post`` raises :class:`UserError` when the member who asked could not post in a channel
    themselves: the discussion's channel is known only once the settings are read (named, else
    the discussion channel, else here), and nobody has the bot post where they cannot.
    """

    here: int
    named: int | None = None
    may_post: Callable[[int], None] = lambda channel_id: None
    # Where "here" is kept for a discussion given no channel: the channel itself, or a thread's parent
    # (a discussion opens a thread of its own, so it can never open in one); None when here can take
    # no discussion at all (a voice channel's chat).
    home: int | None = None

    @property
    def channel_id(self) -> int:
        return self.named if self.named is not None else self.here

    @property
    def explicit(self) -> bool:
        return self.named is not None

    def stored(self, resolved: int) -> int:
        """The channel stored with a discussion that posts to ``resolved`` now: the one named, else
        :attr:`home`, else ``resolved`` itself. Without a channel named, the discussion goes to the
        discussion channel setting when it falls due and to this channel when the setting was
        cleared, so a thread stored here would fail then (and ``/discussion list`` would name it).
        """
        if self.named is not None:
            return self.named
        return self.home if self.home is not None else resolved


@dataclass(frozen=True, slots=True)
class Scheduled:
    id: int
    title: str
    chapter: int
    due: datetime
    channel_id: int
    remind: tuple[timedelta, ...]
    event_created: bool
    reminder_note: str = ""  # why its reminders cannot be posted, when they cannot
    late: tuple[timedelta, ...] = ()  # reminders asked for whose time has passed already: never posted
    time_note: str = ""  # the time typed is skipped by the clocks that day: what it became (when.Reading)
    same_minute: str = ""  # another discussion opens in the same minute and channel: which, and how to move one


@dataclass(frozen=True, slots=True)
class Planned:
    ids: list[int]
    title: str
    chapters: range
    times: list[datetime]
    cadence: Cadence
    channel_id: int
    reminder_note: str = ""
    time_note: str = ""  # each date the clocks skip (the start typed, a later one): what it became
    same_minute: str = ""  # those opening in the same minute as another discussion there (another story's)


# A list's bullet before a prompt: "•", or "-" or "*" with a space after it. "**Bold** question?" and
# "*Why* her?" open with emphasis, not a bullet, and keep it.
BULLET = re.compile(r"^(?:[-*•](?:\s|$)|•)")


def _split_at_bars(line: str) -> list[str]:
    """A line's prompts, split at its "|" but never inside a ``||spoiler||`` (:data:`SPOILER_SPAN`)."""
    spoilers: list[str] = []

    def hold(match: re.Match[str]) -> str:
        spoilers.append(match[0])
        return f"\0{len(spoilers) - 1}\0"

    held = SPOILER_SPAN.sub(hold, line.replace("\0", " "))
    return [re.sub(r"\0(\d+)\0", lambda m: spoilers[int(m[1])], piece) for piece in held.split("|")]


def parse_prompts(text: str) -> list[str] | None:
    """One prompt per line (or separated by |, a ``||spoiler||``'s bars aside), a list's bullet dropped;
    None (the defaults) when empty."""
    # Visible text only: a prompt is posted to everyone with each discussion (see text.visible_line).
    pieces = [piece for line in text.splitlines() for piece in _split_at_bars(line)]
    lines = [visible_line(BULLET.sub("", visible_line(piece), 1)) for piece in pieces]
    prompts = [line for line in lines if line]
    if not prompts:
        return None
    if len(prompts) > MAX_PROMPTS:
        raise UserError(f"At most {MAX_PROMPTS} prompts; you gave {len(prompts)}.")
    too_long = [p for p in prompts if len(p) > MAX_PROMPT_LENGTH]
    if too_long:
        raise UserError(
            f"Each prompt can be at most {MAX_PROMPT_LENGTH} characters; shorten {quote_input(too_long[0], 60)}."
        )
    return prompts


SHOWN_PENDING = 5  # the chapters named in a refusal for several; /discussion list holds them all


def chapter_gone(discussion: Discussion) -> str | None:
    """Why a discussion cannot be moved when ``/story update`` took its chapter out (a pending one past
    the story's new end, or one cancelled for it), and what to do instead; None when its chapter is there.
    Moved, it would still discuss a chapter the story no longer has (or stay cancelled)."""
    title = f"**{escape_markdown(discussion.story_title or UNTITLED)}**"
    if discussion.past_the_end and discussion.state in CHANGEABLE:
        return (
            f"Discussion #{discussion.id} is of chapter {discussion.chapter}, which `/story update` took out of "
            f"{title}, so it was not moved: schedule one for a chapter it has with `/discussion schedule`, or "
            f"cancel this one with `/discussion cancel id:{discussion.id}`."
        )
    if discussion.state == "cancelled" and discussion.failure in (store.TAKEN_OUT, store.NOW_A_NOTE):
        return (
            f"Discussion #{discussion.id} was cancelled when `/story update` took its chapter out of {title}, so "
            "it was not moved: schedule one for a chapter it has with `/discussion schedule`."
        )
    return None


def removed_meanwhile(title: str, outcome: str) -> UserError:
    """The refusal of discussions whose story was removed (``/story remove``) while they were being
    scheduled: it was there when the command read it, so "no such story" would read as a slip."""
    return UserError(f"**{escape_markdown(title)}** was removed from this server's library just now, so {outcome}")


PLAN_CLASHES_NAMED = 5  # the pairs a plan's same-minute note names; the rest are counted


def discussion_named(found: Discussion) -> str:
    """Another discussion as a same-minute note names it: its id, chapter and story."""
    return f"**#{found.id}** (chapter {found.chapter} of **{escape_markdown(found.story_title or UNTITLED)}**)"


def plan_clash_note(pairs: Sequence[tuple[int, Discussion]], channel_id: int) -> str:
    """What a plan says of its discussions that open in the same minute as another in its channel
    (each new id with the first other it meets), or '' when none does."""
    if not pairs:
        return ""

    if len(pairs) == 1:
        [(new, found)] = pairs
        return (
            f"#{new} opens in the same minute as {discussion_named(found)} in <#{channel_id}>: both post then, one "
            f"after the other. If that was a slip, use `/discussion move id:{new}`."
        )
    named = [f"#{new} with {discussion_named(found)}" for new, found in pairs[:PLAN_CLASHES_NAMED]]
    if len(pairs) > PLAN_CLASHES_NAMED:
        named.append(f"{len(pairs) - PLAN_CLASHES_NAMED:,} more")
    return (
        f"{len(pairs):,} of them open in the same minute as other discussions in <#{channel_id}>: "
        f"{and_list(named)}. Each pair posts then, one after the other; if that was a slip, `/discussion move` "
        "one of each pair."
    )


def already_scheduled(error: AlreadyScheduled, title: str | None, settings: GuildSettings, outcome: str) -> UserError:
    """The refusal of a chapter that has a pending discussion: which one it is, when and where, and how
    to move it (the chapter is discussed once; a second one would post it twice). Several (a plan over
    chapters that have some): each chapter and discussion, up to a short list, and how to clear them."""
    name = f"**{escape_markdown(title)}**" if title else "this story"
    if error.others:
        return _several_scheduled([error, *error.others], name, outcome)
    channel_id = post_channel(error.channel_id, error.channel_explicit, settings)
    return UserError(
        f"Chapter {error.item.chapter} of {name} already has a discussion: **#{error.discussion_id}**, scheduled "
        f"for {when_line(error.due_at)} in <#{channel_id}>; {outcome} To change its time, use "
        f"`/discussion move id:{error.discussion_id}`; see `/discussion list`."
    )


def _several_scheduled(found: Sequence[AlreadyScheduled], name: str, outcome: str) -> UserError:
    shown, hidden = found[:SHOWN_PENDING], len(found) - SHOWN_PENDING
    more = f" and {hidden} more" if hidden > 0 else ""

    def listed(items: list[str]) -> str:
        return f"{', '.join(items)}{more}" if more else and_list(items)

    chapters = listed([str(each.item.chapter) for each in shown])
    ids = listed([f"**#{each.discussion_id}**" for each in shown])
    first = found[0].discussion_id
    return UserError(
        f"Chapters {chapters} of {name} already have discussions: {ids}; {outcome} To plan those chapters "
        f"again, cancel each (`/discussion cancel id:{first}`) or change its time (`/discussion move id:{first}`); "
        "see `/discussion list`."
    )


def forum_reminders_note(forum_id: int) -> str:
    """Reminders are plain messages, which a forum cannot take: they go to the club channel instead."""
    return (
        f"Reminders can't be posted: <#{forum_id}> is a forum, so reminders go to the club channel, and none is "
        "set. Set one with `/config set club_channel:`, or use `remind:none`."
    )


class DiscussionPlanner:
    def __init__(self, service: DiscussionService, events: EventKeeper) -> None:
        self.service = service
        self.db = service.db
        self.clock = service.clock
        self.events = events

    async def settings(self, guild_id: int) -> GuildSettings:
        return await get_settings(self.db, guild_id)

    async def _when(self, text: str, settings: GuildSettings) -> Reading:
        """The time typed, read on the server's clock; a wall-clock time read in UTC only because the
        server has that zone (a new club's, unless an admin chose it) says so: an admin in New York who
        typed "7pm" saw 2 pm and no reason why."""
        reading = read_when_noted(
            text, now=self.clock.now(), default_zone=settings.timezone, date_order=settings.date_order
        )
        if reading.wall is not None and settings.timezone == "UTC" and getattr(reading.zone, "key", None) == "UTC":
            reading = replace(reading, note=" ".join(note for note in (reading.note, UTC_NOTE) if note))
        return reading

    async def _reminder_note(self, channel_id: int, offsets: Sequence[timedelta], settings: GuildSettings) -> str:
        """Why reminders will not be posted (a forum with no club channel), or '' when they will."""
        if not offsets or settings.club_channel_id is not None:
            return ""
        try:
            kind = await self.service.poster.channel_kind(channel_id)
        except PostFailure:
            return ""  # the channel's own trouble is reported when the discussion falls due
        return forum_reminders_note(channel_id) if kind == "forum" else ""

    async def _story(self, guild_id: int, value: str) -> StoryRecord:
        return await resolve_story(self.db, guild_id, value)

    async def schedule(
        self,
        guild_id: int,
        *,
        story: str,
        chapter: int,
        when: str,
        where: Where,
        event: bool,
        remind: str | None,
        created_by: int,
    ) -> Scheduled:
        """One discussion; its scheduled event is created first and removed again if storing fails."""
        settings = await self.settings(guild_id)
        record = await self._story(guild_id, story)
        check_chapter(chapter, record.chapter_count, record.title)
        reading = await self._when(when, settings)
        due = reading.moment
        offsets = parse_remind(remind)
        channel_id = post_channel(where.channel_id, where.explicit, settings)
        where.may_post(channel_id)
        event_id = creation = None
        if event:
            creation, event_id = await self._create_event(
                guild_id, title=record.title, chapter=chapter, due=due, channel_id=channel_id
            )
        stored = where.stored(channel_id)
        item = NewDiscussion(record.id, chapter, due, stored, where.explicit, offsets, created_by, event_id)
        try:
            [discussion_id] = await self.service.schedule(guild_id, [item])
        except BaseException as error:
            deleted = "" if event_id is None else await self.events.delete(guild_id, event_id)
            if isinstance(error, AlreadyScheduled):
                raise already_scheduled(error, record.title, settings, "nothing was added.") from None
            if isinstance(error, store.StoryGone):
                raise removed_meanwhile(record.title, "nothing was scheduled." + deleted) from None
            raise
        finally:
            if creation is not None:
                await store.event_creation_settled(self.db, guild_id, creation)
        note = await self._reminder_note(channel_id, offsets, settings)
        now = self.clock.now()
        ahead = tuple(offset for offset in offsets if due - offset > now)
        late = tuple(offset for offset in offsets if offset not in ahead)
        return Scheduled(
            discussion_id,
            record.title,
            chapter,
            due,
            channel_id,
            ahead,
            event_id is not None,
            note,
            late,
            reading.note,
            await self._same_minute(guild_id, discussion_id, due, channel_id, settings),
        )

    async def _plan_clashes(
        self, guild_id: int, ids: Sequence[int], times: Sequence[datetime], channel_id: int, settings: GuildSettings
    ) -> str:
        """A plan's :meth:`_same_minute`: its discussions that open in the same minute as another one
        in the same channel (a club reading two stories at once planned both for Friday 19:00), each
        with the first it meets, or '' for none. Said as ``/discussion schedule`` says it of one."""
        planned = set(ids)
        pairs: list[tuple[int, Discussion]] = []
        for discussion_id, due in zip(ids, times, strict=True):
            found = [
                other
                for other in await self._in_minute(guild_id, discussion_id, due, channel_id, settings)
                if other.id not in planned
            ]
            if found:
                pairs.append((discussion_id, found[0]))
        return plan_clash_note(pairs, channel_id)

    async def _in_minute(
        self, guild_id: int, discussion_id: int, due: datetime, channel_id: int, settings: GuildSettings
    ) -> list[Discussion]:
        """The other pending discussions that open in the same minute as this one, in its channel."""
        return [
            other
            for other in await store.pending_in_minute(self.db, guild_id, due, other_than=discussion_id)
            if post_channel(other.channel_id, other.channel_explicit, settings) == channel_id
        ]

    async def _same_minute(
        self, guild_id: int, discussion_id: int, due: datetime, channel_id: int, settings: GuildSettings
    ) -> str:
        """A note naming the discussions that open in the same minute in the same channel: both post
        then, one thread after the other, which is seldom what an admin meant (a slip of the hour or
        the day); kept, since two chapters at once can be meant, but said, with how to move one."""
        found = await self._in_minute(guild_id, discussion_id, due, channel_id, settings)
        if not found:
            return ""
        named = and_list([discussion_named(other) for other in found])
        opens = "opens" if len(found) == 1 else "open"
        # Two are "both"; more, counted (store.pending_in_minute reads at most SAME_MINUTE_READ others).
        together = "both" if len(found) == 1 else f"all {count_word(len(found) + 1)}"
        if len(found) >= store.SAME_MINUTE_READ:
            together = "they all"
        return (
            f"{named} {opens} in the same minute in <#{channel_id}>: {together} post then, one after the other. "
            f"If that was a slip, use `/discussion move id:{discussion_id}`."
        )

    async def plan(
        self,
        guild_id: int,
        *,
        story: str,
        start: str,
        every: str,
        from_chapter: int,
        where: Where,
        remind: str | None,
        created_by: int,
    ) -> Planned:
        """One discussion per chapter from ``from_chapter`` to the last, on the server's wall clock."""
        settings = await self.settings(guild_id)
        record = await self._story(guild_id, story)
        chapters = plan_chapters(from_chapter, record.chapter_count, record.title)
        # Steps are taken on the wall clock of the zone ``start`` was read in (named there, else the server's).
        reading = await self._when(start, settings)
        cadence = parse_every(every)
        offsets = parse_remind(remind)
        walls = plan_walls(reading.moment, reading.zone, cadence, len(chapters), reading.wall)
        times = [localize(wall, reading.zone).astimezone(UTC) for wall in walls]
        # The start's note was said as it was read; a later date the clocks skip gets one of its own.
        time_notes = [reading.note, *(gap_note(wall, reading.zone) for wall in walls[1:])]
        channel_id = post_channel(where.channel_id, where.explicit, settings)
        where.may_post(channel_id)
        items = [
            NewDiscussion(record.id, number, due, where.stored(channel_id), where.explicit, offsets, created_by)
            for number, due in zip(chapters, times, strict=True)
        ]
        try:
            ids = await self.service.schedule(guild_id, items)
        except AlreadyScheduled as error:
            raise already_scheduled(error, record.title, settings, "nothing was planned.") from None
        except store.StoryGone:
            raise removed_meanwhile(record.title, "nothing was planned.") from None
        note = await self._reminder_note(channel_id, offsets, settings)
        time_note = " ".join(part for part in time_notes if part)
        clashes = await self._plan_clashes(guild_id, ids, times, channel_id, settings)
        return Planned(ids, record.title, chapters, times, cadence, channel_id, note, time_note, clashes)

    async def _changeable(self, guild_id: int, discussion_id: int, doing: str, *, moving: bool = False) -> Discussion:
        """The discussion, if it can still be moved or cancelled; else a refusal that says what to do instead
        (it named the state and stopped, leaving the admin to guess the next step)."""
        current = await store.get_discussion(self.db, guild_id, discussion_id) if fits_row_id(discussion_id) else None
        if current is None:
            raise UserError(f"There is no discussion #{discussion_id} in this server. See `/discussion list`.")
        if moving and (gone := chapter_gone(current)):
            raise UserError(gone)
        if current.state not in CHANGEABLE:
            if moving:
                instead = f"to discuss chapter {current.chapter} again, schedule a new one with `/discussion schedule`"
            elif current.state == "posted":
                instead = "its post and thread stay in the channel; delete them there if they should go"
            else:
                instead = "there is nothing more to do"
            raise UserError(f"Discussion #{discussion_id} is already {current.state}; {doing}: {instead}.")
        return current

    async def _changed_meanwhile(self, guild_id: int, discussion_id: int, doing: str) -> UserError:
        """Why a discussion that could be changed a moment ago no longer can, as it stands now: another
        admin cancelled it, its story was removed, or it started posting (it read "started posting" for all)."""
        now = await store.get_discussion(self.db, guild_id, discussion_id)
        if now is None:
            why = "is gone: its story was removed just now"
        elif now.state == "cancelled":
            why = "was cancelled just now, by another admin"
        else:
            why = "started posting just now"
        return UserError(f"Discussion #{discussion_id} {why}; it can no longer be {doing}. See `/discussion list`.")

    async def cancel(self, guild_id: int, discussion_id: int) -> str:
        """Cancel it and delete its scheduled event; returns a note about the event ('' without one)."""
        await self._changeable(guild_id, discussion_id, "only upcoming ones can be cancelled")
        found = await self.service.cancel(guild_id, discussion_id)
        if found is None or found.state != "cancelled":
            raise await self._changed_meanwhile(guild_id, discussion_id, "cancelled")
        if not found.event_id:
            return ""
        # Its deletion was owed in the cancel's write: this is the first try, the timer's the next.
        note = await self.service.event_deletions.delete_now(guild_id, found.event_id)
        await store.set_event(self.db, guild_id, discussion_id, None, now=self.clock.now())
        return note

    async def move(self, guild_id: int, discussion_id: int, when: str, *, event: bool = False) -> tuple[datetime, str]:
        """The new time and a note about the scheduled event ('' without one), after the note of a time the
        clocks skip (:class:`~bot.discussions.when.Reading`), if the time typed is one.

        ``event``: give it a scheduled event if it has none (never had one, or the one it had was
        cancelled when it was missed or failed); one it has moves with it either way."""
        settings = await self.settings(guild_id)
        # The discussion first: one already posted is answered so, whatever time was typed (a time in
        # the past was refused as past, as if a nearer time would move it).
        current = await self._changeable(guild_id, discussion_id, "it can't be moved", moving=True)
        reading = await self._when(when, settings)
        due, skipped = reading.moment, f" {reading.note}" if reading.note else ""
        if current.state == "scheduled" and current.due_at == due:
            # Moving it anyway would re-create its reminders and, members having had one, remind them
            # all of a "new" time that is the old one.
            if event and not current.event_id:
                channel_id = post_channel(current.channel_id, current.channel_explicit, settings)
                return due, skipped + " It was at that time already." + await self._add_event(current, channel_id)
            raise UserError(
                f"Discussion #{discussion_id} is already at that time, {when_line(due)}; nothing was changed."
            )
        try:
            moved = await self.service.move(guild_id, discussion_id, due)
        except AlreadyScheduled as error:
            raise already_scheduled(error, current.story_title, settings, f"#{discussion_id} was not moved.") from None
        if moved is None or moved.due_at != due or moved.state not in CHANGEABLE:
            raise await self._changed_meanwhile(guild_id, discussion_id, "moved")
        channel_id = post_channel(moved.channel_id, moved.channel_explicit, settings)
        clash = await self._same_minute(guild_id, discussion_id, due, channel_id, settings)
        skipped += f" {clash}" if clash else ""
        if moved.event_id:
            try:
                return due, skipped + await self.events.move(guild_id, moved.event_id, due)
            except EventMissing:
                # Deleted, cancelled or ended in Discord: named no longer, so `event:True` can give a new one.
                await store.set_event(self.db, guild_id, discussion_id, None, now=self.clock.now())
                moved = replace(moved, event_id=None)
                skipped += " Its scheduled event no longer exists in Discord (deleted, cancelled or ended there)."
                if not event:
                    return (
                        due,
                        skipped
                        + f" It goes on without one; `/discussion move id:{discussion_id}` with `event:True` gives it a new one.",
                    )
        if not event:
            return due, skipped
        return due, skipped + await self._add_event(moved, channel_id)

    async def _add_event(self, discussion: Discussion, channel_id: int) -> str:
        """A new scheduled event for a discussion that has none; the discussion has moved already,
        so a refusal (no Create Events permission, Discord's 100 events) is a note, not an error."""
        title = discussion.story_title or UNTITLED
        try:
            creation, event_id = await self._create_event(
                discussion.guild_id,
                title=title,
                chapter=discussion.chapter,
                due=discussion.due_at,
                channel_id=channel_id,
            )
        except EventsRefused:
            return " " + failure_fix(discussion.id, discussion.chapter, event_refused="add")
        except UserError as error:
            return f" It has no scheduled event: {str(error).removesuffix(' Nothing was scheduled.')}"
        held = await store.set_event(self.db, discussion.guild_id, discussion.id, event_id, now=self.clock.now())
        if not held:  # its story was removed while the event was being created: no event left held by nothing
            await self.events.delete(discussion.guild_id, event_id)
        await store.event_creation_settled(self.db, discussion.guild_id, creation)
        if not held:
            raise await self._changed_meanwhile(discussion.guild_id, discussion.id, "moved")
        return " A scheduled event was created."

    async def _create_event(
        self, guild_id: int, *, title: str, chapter: int, due: datetime, channel_id: int
    ) -> tuple[int, int]:
        """The event created on Discord, its creation recorded first (migration 0031) so a kill before
        the discussion holds it leaves no event nothing knows of; (the creation's row, the event's id).
        A create Discord refused settles the row at once; any other failure leaves it to the next start."""
        creation = await store.intend_event_creation(
            self.db, guild_id, title=title, chapter=chapter, start_at=due, now=self.clock.now()
        )
        try:
            event_id = await self.events.create(guild_id, title=title, chapter=chapter, due=due, channel_id=channel_id)
        except UserError:
            await store.event_creation_settled(self.db, guild_id, creation)
            raise
        except Unreachable as failure:
            # Discord failed on its side, or its answer was lost: it may have made the event all the
            # same. One it made is deleted now if Discord answers the look for it; else the creation
            # stays unsettled for the next start's look for orphans.
            if await self.service.event_deletions.drop_doubles(guild_id, None, title=title, chapter=chapter, due=due):
                await store.event_creation_settled(self.db, guild_id, creation)
            raise UserError(str(failure)) from failure
        await self.service.event_deletions.drop_doubles(guild_id, event_id, title=title, chapter=chapter, due=due)
        return creation, event_id

    async def listing(self, guild_id: int) -> tuple[list[Discussion], list[tuple[Reminder, str]]]:
        """Upcoming, then failed or missed ones from the last two weeks, and the reminders of the
        last two weeks that could not be posted, with the reason (for admins)."""
        now = self.clock.now()
        return (
            await store.list_discussions(self.db, guild_id, now=now, limit=LISTING_LIMIT),
            await store.failed_reminders(self.db, guild_id, now=now),
        )

    async def refused_events(self, guild_id: int) -> list[RefusedEvent]:
        """The scheduled events Discord refused to start, end or cancel that still matter, newest first
        (for admins: in a club without a moderation channel nothing else tells them)."""
        return await store.refused_events(self.db, guild_id, now=self.clock.now(), limit=LISTING_LIMIT)

    async def dismissed_lately(self, guild_id: int) -> list[Dismissal]:
        """The refused events admins took off the list within :data:`DISMISSALS_SHOWN_FOR`, and who."""
        return await store.recent_dismissals(
            self.db, guild_id, now=self.clock.now(), within=DISMISSALS_SHOWN_FOR, limit=DISMISSALS_SHOWN
        )

    async def dismiss_refused_event(self, guild_id: int, discussion_id: int, *, by: int) -> str:
        """An admin (``by``) dealt with the discussion's refused event: off ``/discussion list`` (which
        names them under "taken off lately"), and tried no more; the answer."""
        dismissed = await store.dismiss_refused_event(self.db, guild_id, discussion_id, now=self.clock.now(), by=by)
        return event_dismissed(discussion_id, dismissed)

    async def retry_refused_event(self, guild_id: int, discussion_id: int, *, by: int) -> tuple[bool, str]:
        """An admin (``by``) pressed Try again beside a refused event: one try now, unless one is running
        or there is none to try; whether it left the list (started, ended or cancelled), and the answer."""
        taken = await store.claim_refused_retry(self.db, guild_id, discussion_id, by=by, now=self.clock.now())
        if taken is not None:
            await self.service.try_refused_again(taken)
        after = await store.event_end_of(self.db, guild_id, discussion_id)
        discussion = await store.get_discussion(self.db, guild_id, discussion_id)
        chapter = discussion.chapter if discussion is not None else 0
        settled = taken is not None and after is not None and after.state in ("scheduled", "ended")
        return settled, event_retry_answer(discussion_id, chapter, after, tried=taken is not None)

    async def permission_given(self, guild_id: int) -> None:
        """Dogear's role was given the events permission: the refusals its lack caused are tried again."""
        await self.service.permission_given(guild_id)

    async def channel_gone(self, guild_id: int, found: Sequence[Discussion], exists: Callable[[int], bool]) -> set[int]:
        """The failed or missed discussions of ``found`` whose channel (the one named, else the discussion
        channel setting) no longer exists, by ``exists`` (the cog's view of the server): moving them would
        fail again, so ``/discussion list`` says what brings them back instead."""
        settings = await self.settings(guild_id)
        return {
            discussion.id
            for discussion in found
            if discussion.state in ("failed", "missed")
            and not exists(post_channel(discussion.channel_id, discussion.channel_explicit, settings))
        }

    async def choices(self, guild_id: int, typed: str) -> list[tuple[int, str]]:
        """The ``id`` autocomplete: (id, label) with the time on the server's clock (a choice shows no timestamps)."""
        found = await store.search_discussions(self.db, guild_id, typed)
        if not found:
            return []
        zone = zone_named((await self.settings(guild_id)).timezone)
        return [(discussion.id, choice_label(discussion, zone)) for discussion in found]

    async def save_prompts(
        self, guild_id: int, text: str, *, empty_resets: bool = True, opened: Sequence[str] | None = None
    ) -> tuple[bool, Sequence[str]]:
        """(whether they were reset to the defaults, the prompts now in force).

        ``empty_resets=False`` where the defaults have a word of their own (``prompts:default``): there,
        text holding no prompt ("|", spaces) is a slip, refused rather than wiping the server's prompts.

        ``opened``: the prompts the admin's form showed. The form stays open ten minutes; another
        admin who saved meanwhile is not overwritten in silence: this save is refused, saying so,
        with the prompts now in force and the admin's own text (``|``-separated, to paste into the
        ``prompts:`` option) so nothing is lost either way.
        """
        parsed = parse_prompts(text)
        if parsed is None and not empty_resets:
            raise UserError(
                "Write at least one prompt (separate them with |), or `default` to go back to the default "
                "prompts; nothing was changed."
            )
        now = self.clock.now().timestamp()
        if opened is None:
            settings = await update_settings(self.db, guild_id, now, discussion_prompts=parsed)
            return parsed is None, settings.discussion_prompts
        saved = await save_prompts_unless_changed(self.db, guild_id, now, parsed, opened=opened)
        if saved is None:
            in_force = (await get_settings(self.db, guild_id)).discussion_prompts
            raise UserError(prompts_changed(in_force, parsed or []))
        return parsed is None, saved.discussion_prompts

    async def story_removed(self, guild_id: int, event_ids: Sequence[int]) -> None:
        """The story's discussions went with it: wake the timer and delete their scheduled events."""
        self.service.schedules_changed()
        for event_id in event_ids:  # owed in the removal's write: the timer finishes what this cannot
            await self.service.event_deletions.delete_now(guild_id, event_id)
