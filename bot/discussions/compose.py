"""What discussion posts, reminders and notices say, as plain data (no Discord objects).

A :class:`Notice` carries the content, one embed as a dict (``discord.Embed.from_dict``
shape) whose footer holds the item's marker, and exactly who may be pinged: the club role
for a discussion when one is configured, the named members behind for a reminder, nobody
otherwise. The poster turns that into explicit ``AllowedMentions``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, tzinfo
from typing import Any, Literal

from bot.discussions.remind import describe_offset
from bot.discussions.store import PENDING, REFUSALS_LISTED_FOR, Discussion, Dismissal, EventEnd, RefusedEvent, Reminder
from bot.limits import (
    CHOICE_NAME_CHARS,
    EMBED_DESCRIPTION_BUDGET,
    EMBED_TITLE_CHARS,
    MESSAGE_BUTTONS,
    MESSAGE_CHARS,
    THREAD_NAME_CHARS,
)
from bot.progress.render import name_list
from bot.story.model import POSSIBLE, HeaderWarning
from bot.story.render import none_shown, unreviewed_count, warning_list
from bot.text import (
    clip,
    escape_clipped,
    escape_keeping_spoilers,
    escape_markdown,
    page_blocks,
    plural,
    quote_input,
    stamp,
    utf16_len,
    when_line,
)

EMBED_COLOUR = 0x8E6C3A
WARNING_LINE_CHARS = 1500  # of the embed description: room left for the prompts, whatever the warnings


@dataclass(frozen=True, slots=True)
class Notice:
    content: str | None
    embed: dict[str, Any] | None
    marker: str | None = None
    thread_name: str | None = None  # a forum post needs one
    role_id: int | None = None  # the only role allowed to be pinged
    user_ids: tuple[int, ...] = field(default_factory=tuple)  # the only members allowed to be pinged
    reply_to: int | None = None  # a message in the same channel this one answers (never pinging its author)


def without_role(notice: Notice) -> Notice:
    """The notice pinging nobody: its club role was deleted since it was set (Discord would show
    "@deleted-role" before the words), so the post opens with the words alone, capitalised."""
    if notice.role_id is None or notice.content is None:
        return notice
    words = notice.content.removeprefix(f"<@&{notice.role_id}>, ")
    return replace(notice, content=words[:1].upper() + words[1:], role_id=None)


def thread_name(title: str, chapter: int, discussion_id: int) -> str:
    """Carries the id so a restart can find a thread it opened before crashing; the title clipped as
    every name is (:func:`bot.text.clip`), never inside a grapheme cluster."""
    suffix = f" · ch. {chapter} · #{discussion_id}"
    return clip(title, THREAD_NAME_CHARS - len(suffix)).rstrip() + suffix


def chapter_gone(chapter: int, chapters: int) -> str:
    """The one sentence for a discussion of a chapter a ``/story update`` took down.

    Such a discussion still posts (the admin was told), so members are told the chapter is gone
    and which chapter is now the last to read, never to catch up with one nobody can read.
    """
    return f"Chapter {chapter} is no longer in the story, which has {plural(chapters, 'chapter')} now."


def _last_left(chapter: int, chapters: int | None) -> int | None:
    """The story's last chapter when ``chapter`` is past it (taken down by an update), else ``None``."""
    return chapters if chapters is not None and chapter > chapters else None


def _warning_line(warnings: Sequence[HeaderWarning]) -> str:
    """Each warning with its source, as the excerpt header says it; a possible one is never posted."""
    shown = [replace(warning, avoided=False) for warning in warnings if warning.tier != POSSIBLE]
    if not shown:
        unreviewed = unreviewed_count(warnings)  # all possible or reported, none settled: counted as the header counts
        if not unreviewed:
            return "No content warnings for this chapter."
        line = none_shown(unreviewed)
        return line[:1].upper() + line[1:]
    return warning_list(shown, WARNING_LINE_CHARS)


def discussion_notice(
    *,
    discussion_id: int,
    marker: str,
    title: str,
    chapter: int,
    warnings: Sequence[HeaderWarning],
    caught_up: int,
    prompts: Sequence[str],
    role_id: int | None,
    late_since: datetime | None,
    private_thread_hint: bool = True,
    chapters: int | None = None,
) -> Notice:
    """The post that opens a discussion; a late post says so and when it was due.

    ``chapters`` is the story's chapter count now: past it, the chapter was taken down, and the
    post counts (and lets in) the readers of the last chapter instead, and says so.
    """
    # "No one has read this chapter yet", never "0 members have read this chapter so far".
    readers_have = plural(caught_up, "member", verb=("has", "have"), zero="No one has")
    so_far = "so far" if caught_up else "yet"
    lines = [f"Discussion of **{escape_markdown(title)}**, chapter {chapter}.", ""]
    last = _last_left(chapter, chapters)
    if last is not None:
        lines += [f"*{chapter_gone(chapter, last)}*", ""]
        readers = f"{readers_have} read chapter {last}, the last, {so_far}."
        joining = f"Members who mark chapter {last} as read are added to the thread."
    else:
        readers = f"{readers_have} read this chapter {so_far}."
        joining = "Members who mark the chapter as read are added to the thread."
    if late_since is not None:
        lines += [f"*Posted late: Dogear was offline when this was due ({stamp(late_since, 'F')}).*", ""]
    lines += [f"**Content warnings:** {_warning_line(warnings)}", "", readers]
    if private_thread_hint:
        lines.append(joining)
    if prompts:
        lines += ["", "**To get you started:**", *(f"• {escape_keeping_spoilers(prompt)}" for prompt in prompts)]
    description = clip("\n".join(lines), EMBED_DESCRIPTION_BUDGET)
    embed = {
        "title": embed_title(title, chapter),
        "description": description,
        "color": EMBED_COLOUR,
        "footer": {"text": marker},
    }
    # The content is all a phone's notification shows: it names the story, after a comma.
    opened = f"the discussion of **{escape_markdown(clip(title, 200))}**, chapter {chapter}, is open."
    content = f"<@&{role_id}>, {opened}" if role_id else None
    return Notice(
        content=content,
        embed=embed,
        marker=marker,
        thread_name=thread_name(title, chapter, discussion_id),
        role_id=role_id,
    )


def embed_title(title: str, chapter: int) -> str:
    """The post's title, escaped like every title a member reads: Discord renders markdown in an
    embed's title, so a story called ``*Tide*`` would show in italics, or one with ``||`` hide part of it."""
    suffix = f" — chapter {chapter}"
    return escape_clipped(title, EMBED_TITLE_CHARS - len(suffix)) + suffix


def reminder_notice(
    *,
    marker: str,
    title: str,
    chapter: int,
    due_at: datetime,
    behind: Sequence[int],
    hidden_behind: int,
    chapters: int | None = None,
    story_id: int | None = None,
    caught_up: int = 0,
    left_out: int = 0,
) -> Notice:
    """Names the members not caught up (pinging only them), counting the hidden ones; past what one
    message holds, the rest are counted and ``/progress club`` for the story (``story_id``) named.

    Past the story's ``chapters`` (an update took the chapter down), ``behind`` are the members
    who have not read the last chapter, and the reminder says so.

    With nobody to name it says why, never more than Dogear knows: ``caught_up`` members have
    marked the chapter read, ``left_out`` still reading turned reminders off or avoid a warning
    before it, and a member who never marked progress is one Dogear cannot see.
    """
    head = f"Reminder: the discussion of **{escape_markdown(title)}**, chapter {chapter}, opens {when_line(due_at)}."
    last = _last_left(chapter, chapters)
    if last is not None:
        head += f"\n{chapter_gone(chapter, last)}"
    if behind or hidden_behind:
        story = f" story:{story_id}" if story_id is not None else ""
        names = name_list(
            list(behind), hidden_behind, limit=1500, more_in=f"`/progress club{story}` shows where everyone is"
        )
        body = f"Not at chapter {last}, the last, yet: {names}." if last else f"Not caught up yet: {names}."
    elif left_out:
        body = "Nobody to name here: the members still reading turned reminders off or avoid a warning before it."
    elif caught_up:
        body = "Everyone who marks their progress is caught up."
    else:
        body = "Nobody has marked their progress on this story yet: `/progress set` records where you are."
    shown = tuple(user_id for user_id in behind if f"<@{user_id}>" in body)
    return Notice(
        content=f"{head}\n{body}",
        embed={"description": f"Chapter {chapter} of {escape_markdown(clip(title, 200))}", "footer": {"text": marker}},
        marker=marker,
        user_ids=shown,
    )


def dm_reminder_notice(
    *, title: str, chapter: int, due_at: datetime, channel_id: int, chapters: int | None = None
) -> Notice:
    """The private copy of a reminder: no one is named, nothing pings."""
    last = _last_left(chapter, chapters)
    gone = f"{chapter_gone(chapter, last)}\n" if last is not None else ""
    return Notice(
        content=(
            f"Reminder: the discussion of **{escape_markdown(title)}**, chapter {chapter}, opens "
            f"{when_line(due_at)} in <#{channel_id}>.\n{gone}"
            "You get this copy because you chose `/prefs reminders dm:true`; `dm:false` stops it."
        ),
        embed=None,
    )


def closed_dms_notice(user_ids: Sequence[int], reply_to: int) -> Notice:
    """Said once, under the reminder, for members whose DMs refused their copy (mentioned, not pinged)."""
    who = name_list(list(user_ids), 0, limit=1500)
    return Notice(
        content=(
            f"I could not send a DM copy of this reminder to {who}: Discord refused it because "
            "direct messages from server members are closed. I won't try again; after opening DMs, "
            "turn copies back on with `/prefs reminders dm:true`."
        ),
        embed=None,
        reply_to=reply_to,
    )


def missed_notice(*, title: str, chapter: int, due_at: datetime, grace: timedelta, discussion_id: int) -> Notice:
    hours = grace.total_seconds() / 3600
    return Notice(
        content=(
            f"The discussion of **{escape_markdown(title)}**, chapter {chapter}, was due {stamp(due_at, 'F')} while Dogear was "
            f"offline for more than {hours:g} hours, so it was not posted. "
            + failure_fix(discussion_id, chapter, missed=True)
        ),
        embed=None,
    )


EventRefusal = Literal["", "schedule", "add", "move", "delete", "failed", "start", "end", "stuck"]
EVENT_GRANT = "Dogear's role Create Events (Server Settings → Roles)"


EventRefused = Literal["start", "end", "cancel"]
EVENT_DONE: dict[EventRefused, str] = {"start": "started", "end": "ended", "cancel": "cancelled"}


def event_way_on(refused: EventRefused, forbidden: bool) -> EventRefusal:
    """Which :func:`failure_fix` answers a refused event: giving Create Events only when its lack was
    why (``forbidden``), else only the way by hand (``stuck``)."""
    if not forbidden:
        return "stuck"
    return "start" if refused == "start" else "end"


def event_reason(reason: str) -> str:
    """A refused event's stored reason as told after "could not be started": the refusal names what
    it was doing ("starting the scheduled event: ..."), which the sentence has just said."""
    for doing in ("starting", "ending", "cancelling"):
        reason = reason.removeprefix(f"{doing} the scheduled event: ")
    return reason.rstrip(". ")


def failure_fix(
    discussion_id: int | None,
    chapter: int,
    *,
    story_removed: bool = False,
    channel_gone: bool = False,
    channel_explicit: bool = False,
    missed: bool = False,
    listed: str = "",
    event_refused: EventRefusal = "",
) -> str:
    """What brings a failed or missed discussion back, in one sentence: the one answer the moderation
    channel's notices and ``/discussion list`` give, so neither offers a step that cannot work.

    ``/discussion move`` keeps the story and the channel, so it is offered only when both can still
    take the discussion: a removed story is added and scheduled again, a deleted channel the discussion
    named is replaced by scheduling it elsewhere, and one that followed the discussion channel setting
    moves once that is set. A missed one (Dogear was offline) moves as it is; any other failure (a
    permission, Discord's refusal) once what its reason names is fixed. ``listed`` follows the move
    command (where the notice says the list shows it).

    ``event_refused``: Discord refused Dogear a scheduled event (it lacks Create Events and Manage
    Events, a server permission, not a channel's), and where: ``schedule`` (nothing was scheduled),
    ``add`` (moved, but no event added), ``move`` (moved, its event left at the old time), ``delete``
    (cancelled, its event left in the server's Events list), ``failed``
    (a failed one whose event Dogear can no longer move or cancel), ``start`` (posted, its event never
    started, so Dogear will not end it either) and ``end`` (its event not ended or cancelled at its end
    time). Each says the two ways on that work there: give the permission, or go on without an event
    (saying "edit it by hand" alone left an admin guessing why, and whether Dogear would ever manage it
    again). ``stuck``: the event was left as it was for another reason than the permission (Discord
    never answered, or refused otherwise), so only the way by hand is offered."""
    move = f"`/discussion move id:{discussion_id}`{listed}"
    if event_refused == "schedule":
        return (
            "Nothing was scheduled: I need the Create Events permission to add a scheduled event. "
            f"Give {EVENT_GRANT}, then schedule it again; or schedule it without `event:` to go on without an event."
        )
    if event_refused == "add":
        return (
            "It has no scheduled event: I lack the Create Events permission. To add one, give "
            f"{EVENT_GRANT}, then run {move} with the same time and `event:True`; or go on without one."
        )
    if event_refused == "move":
        return (
            "Its scheduled event still shows the old time: I lack the Create Events permission to move it. "
            "Edit its time by hand in Discord (Events), or delete it there to go on without an event; "
            f"once you give {EVENT_GRANT}, I move and start events myself."
        )
    if event_refused == "delete":
        return (
            "Its scheduled event is still in the server's Events list: I lack the Create Events permission to "
            "delete it. Delete it by hand in Discord (Events); "
            f"once you give {EVENT_GRANT}, I delete events myself."
        )
    if event_refused == "start":
        return (
            "Its event still shows as upcoming in the server's Events list, and I will not end it: start it or "
            f"delete it by hand in Discord (Events); or give {EVENT_GRANT}, and I start and end the next ones myself."
        )
    if event_refused == "end":
        return (
            "Its event is still live or upcoming in the server's Events list: end or delete it by hand in "
            f"Discord (Events); or give {EVENT_GRANT}, and I end the next ones myself."
        )
    if event_refused == "stuck":  # refused for another reason than the permission, or Discord never answered
        return "Its event is still in the server's Events list: start, end or delete it by hand in Discord (Events)."
    if event_refused == "failed":
        return (
            failure_fix(
                discussion_id,
                chapter,
                story_removed=story_removed,
                channel_gone=channel_gone,
                channel_explicit=channel_explicit,
                missed=missed,
                listed=listed,
            )
            + " Its scheduled event stays as it is, as I lack the Create Events permission: give "
            f"{EVENT_GRANT} before moving it and the event moves too, or edit or delete the event by hand in Discord."
        )
    if story_removed:
        return (
            "The story is no longer in Dogear, so moving it cannot help: add the story again with `/story add`, "
            f"then schedule chapter {chapter} with `/discussion schedule`."
        )
    if channel_gone and channel_explicit:
        return (
            "Its channel no longer exists and moving it keeps that channel: schedule chapter "
            f"{chapter} again in another one with `/discussion schedule channel:`."
        )
    if channel_gone:
        return f"Set a discussion channel that exists with `/config set discussion_channel:`, then an admin can reschedule it with {move}."
    if missed:
        return f"An admin can reschedule it with {move}."
    return f"Once that is fixed, an admin can reschedule it with {move}."


def failed_notice(
    *,
    title: str | None,
    chapter: int,
    due_at: datetime,
    reason: str,
    discussion_id: int,
    channel_gone: bool = False,
    channel_explicit: bool = False,
) -> Notice:
    """For the moderation channel: which discussion failed, why (the poster's reason says what to
    fix when it knows; plain text, shown escaped as ``/discussion list`` shows it, so a channel's
    ``_`` or Discord's own ``**`` opens no markup, and cut between whole escapes and graphemes), and
    how to bring it back (:func:`failure_fix`, as ``/discussion list`` says it); it pings nobody."""
    story = f"**{escape_markdown(title)}**" if title is not None else "a removed story"
    fix = failure_fix(
        discussion_id,
        chapter,
        story_removed=title is None,
        channel_gone=channel_gone,
        channel_explicit=channel_explicit,
        listed=" (`/discussion list` shows it as failed)",
    )
    return Notice(
        content=clip(
            f"The discussion #{discussion_id} of {story}, chapter {chapter}, due {stamp(due_at, 'F')}, "
            f"could not be posted: {escape_clipped(reason.rstrip('. '), 600)}. {fix}",
            MESSAGE_CHARS,
        ),
        embed=None,
    )


def event_notice(
    *,
    title: str | None,
    chapter: int,
    discussion_id: int,
    reason: str,
    refused: EventRefused,
    forbidden: bool = True,
    gave_up_after: int = 0,
) -> Notice:
    """For the moderation channel: which discussion's scheduled event Discord refused to start (as the
    discussion posted), end or cancel (at the event's end time), why (escaped and cut as in
    :func:`failed_notice`), and the ways on (:func:`failure_fix`); it pings nobody. Giving Dogear
    Create Events is offered only when that is what was refused (``forbidden``): after Discord
    could not be reached, or refused for another reason, the permission would mend nothing.
    ``gave_up_after``: Dogear's last try by itself was refused too, after so many tries; it says it
    tries no more, and how an admin makes it try again."""
    story = f"**{escape_markdown(title)}**" if title is not None else "a removed story"
    fix = failure_fix(discussion_id, chapter, event_refused=event_way_on(refused, forbidden))
    still = " still" if gave_up_after else ""
    gave_up = (
        f" I tried again {plural(gave_up_after, 'time')} and will not try by myself any more: press Try again "
        "beside it under `/discussion list` once it can work."
        if gave_up_after
        else ""
    )
    return Notice(
        content=clip(
            f"The scheduled event of discussion #{discussion_id} of {story}, chapter {chapter}, could{still} not be "
            f"{EVENT_DONE[refused]}: {escape_clipped(event_reason(reason), 600)}.{gave_up} {fix}",
            MESSAGE_CHARS,
        ),
        embed=None,
    )


def _tried_by(by: int | None) -> str:
    """Who made a refused event's try: an admin's Try again (a mention, which the notice never pings) or Dogear."""
    return f"<@{by}> pressed Try again under `/discussion list`" if by is not None else "I tried again by myself"


def event_retried_notice(
    *,
    title: str | None,
    chapter: int,
    discussion_id: int,
    done: EventRefused,
    by: int | None,
    live_until: datetime | None = None,
) -> Notice:
    """For the moderation channel: a scheduled event Discord had refused is started (live until
    ``live_until``, when Dogear ends it), ended or cancelled after all, and whose try did it (``by``:
    the admin, mentioned without a ping; None: Dogear by itself). It leaves ``/discussion list``."""
    story = f"**{escape_markdown(title)}**" if title is not None else "a removed story"
    until = f", until {stamp(live_until, 't')}, when I end it" if live_until is not None else ""
    return Notice(
        content=clip(
            f"The scheduled event of discussion #{discussion_id} of {story}, chapter {chapter}, is "
            f"{EVENT_DONE[done]} now{until}, after Discord had refused it: {_tried_by(by)}.",
            MESSAGE_CHARS,
        ),
        embed=None,
    )


def event_retry_answer(discussion_id: int, chapter: int, ending: EventEnd | None, *, tried: bool) -> str:
    """The answer to an event's Try again under ``/discussion list``: ``ending`` as the try left it
    (``tried``), or as the press found it when it could take no try (being tried right now, or none to try)."""
    which = f"The event of discussion #{discussion_id}"
    if not tried:
        if ending is not None and ending.retrying:
            return f"{which} is being tried right now; `/discussion list` says how it went in a moment."
        return (
            f"Discussion #{discussion_id} has no refused event listed to try again: it was started, ended or "
            "taken off since, or the discussion was moved, cancelled or removed."
        )
    if ending is None:
        return f"Discussion #{discussion_id} was removed meanwhile, its event with it."
    if ending.state == "scheduled":
        return f"{which} is live now; I end it {when_line(ending.due_at)}."
    if ending.state == "ended":
        return f"{which} is {'cancelled' if ending.refused == 'cancel' else 'ended'} now."
    if ending.state == "failed" and ending.refused is not None:
        fix = failure_fix(discussion_id, chapter, event_refused=event_way_on(ending.refused, ending.forbidden))
        return f"Discord refused it again: {escape_markdown(event_reason(ending.failure or ''))}. {fix}"
    return (
        f"{which} could not be reached in Discord just now; I try it again in a few minutes, "
        "and `/discussion list` says how it went."
    )


def choice_label(discussion: Discussion, zone: tzinfo) -> str:
    """One autocomplete choice: plain text (no timestamps there), so the time is on the server's clock, named."""
    local = discussion.due_at.astimezone(zone)
    return clip(
        f"#{discussion.id} {discussion.story_title or 'a removed story'} ch. {discussion.chapter}, "
        f"{local:%a} {local.day} {local:%b %Y %H:%M} {zone}, {state_words(discussion.state)}",
        CHOICE_NAME_CHARS,
    )


STATE_WORDS = {"posting": "being posted now"}  # the others (scheduled, posted, failed, missed) read as they are


def state_words(state: str) -> str:
    """A discussion's state as an admin reads it, not the store's word for it."""
    return STATE_WORDS.get(state, state)


def _admin_line(discussion: Discussion, channel_gone: Collection[int] = (), events_refused: bool = False) -> str:
    """One discussion of ``/discussion list``; a failed or missed one with its reason and what brings it
    back (:func:`failure_fix`: ``channel_gone`` holds the discussions whose channel no longer exists;
    ``events_refused``: Dogear lacks the permission to move or cancel the event it still has)."""
    title = escape_markdown(discussion.story_title or "a removed story")
    gone = " (no longer in the story)" if discussion.past_the_end else ""
    line = (
        f"**#{discussion.id}** · {title}, chapter {discussion.chapter}{gone} · {when_line(discussion.due_at)}"
        f" · {state_words(discussion.state)}"
    )
    if discussion.failure:
        line += f"\n  ↳ {escape_markdown(discussion.failure)}"
    if discussion.state not in PENDING:
        fix = failure_fix(
            discussion.id,
            discussion.chapter,
            story_removed=discussion.story_title is None,
            channel_gone=discussion.id in channel_gone,
            channel_explicit=discussion.channel_explicit,
            missed=discussion.state == "missed",
            event_refused="failed" if events_refused and discussion.event_id else "",
        )
        line += f"\n  ↳ {fix}"
    return line


def _refused_event_line(refused: RefusedEvent) -> str:
    """One refused event of ``/discussion list``: which discussion, what Discord refused and when, the
    stored reason, and the ways on (:func:`failure_fix`, as the moderation channel's notice says them)."""
    title = escape_markdown(refused.story_title or "a removed story")
    fix = failure_fix(
        refused.discussion_id, refused.chapter, event_refused=event_way_on(refused.refused, refused.forbidden)
    )
    line = (
        f"**#{refused.discussion_id}** · {title}, chapter {refused.chapter} · its event could not be "
        f"{EVENT_DONE[refused.refused]} · {when_line(refused.refused_at)}"
    )
    if reason := event_reason(refused.reason):
        line += f"\n  ↳ {escape_markdown(reason)}"
    return line + f"\n  ↳ {fix}\n  ↳ {_tries_line(refused)}"


def _tries_line(refused: RefusedEvent) -> str:
    """When Dogear tries a refused event again by itself, or that it no longer will, and the tries so far."""
    so_far = ""
    if refused.retries and refused.retried_at is not None:
        so_far = f" (tried again {plural(refused.retries, 'time')}, the last {stamp(refused.retried_at, 'R')})"
    if refused.next_try is not None:
        return f"I try again by myself {stamp(refused.next_try, 'R')}{so_far}; Try again tries it now."
    return f"I will not try again by myself{so_far}: press Try again once it can work."


NOTHING_LISTED = "No discussions are scheduled. Use `/discussion schedule` or `/discussion plan`."
# Each refused event shown gets two buttons (Try again, Done), and a message holds MESSAGE_BUTTONS.
REFUSALS_A_PAGE = MESSAGE_BUTTONS // 2


@dataclass(frozen=True, slots=True)
class ListingPage:
    """A page of ``/discussion list``: its text, and the discussions whose refused event it shows, in
    order (each gets its dismiss button)."""

    text: str
    refusals_shown: list[int]


def listing_page(
    found: Sequence[Discussion],
    failed_reminders: Sequence[tuple[Reminder, str]] = (),
    page: int = 1,
    *,
    most: int = 0,
    channel_gone: Collection[int] = (),
    events_refused: bool = False,
    refused_events: Sequence[RefusedEvent] = (),
    dismissed: Sequence[Dismissal] = (),
) -> ListingPage:
    """``/discussion list``: upcoming ones, then failed or missed ones with the reason, then the
    scheduled events Discord refused to start, end or cancel, then the reminders that could not be
    posted (nowhere else would an admin learn of them); paged, so a club with a hundred discussions
    planned sees every one. ``most`` is how many of each kind were read: a kind that reached it says so,
    rather than seem to be all there is. Each failed or missed one says what brings it back (the header
    said "reschedule with `/discussion move`" for all of them, a removed story's and a deleted channel's
    too); ``channel_gone``: those whose channel no longer exists; ``events_refused``: Dogear lacks Create
    Events and Manage Events in this server.

    ``refused_events`` (:func:`bot.discussions.store.refused_events`): an event left "Scheduled" or live
    in every member's Events list after the meeting, which only a moderation channel was told of; each
    stays until an admin dismisses it (its Done button; its Try again beside it, at most
    :data:`REFUSALS_A_PAGE` on a page), a try starts, ends or cancels it, or for
    :data:`REFUSALS_LISTED_FOR`, as the section's head says. ``dismissed``: those taken off lately,
    and by whom (mentions, which an answer never pings), last."""
    nothing = not found and not failed_reminders and not refused_events
    if nothing and not dismissed:
        return ListingPage(NOTHING_LISTED, [])
    upcoming = [d for d in found if d.state in PENDING]
    troubled = [d for d in found if d.state not in PENDING]
    blocks: list[list[str]] = []
    refusal_at: dict[int, int] = {}  # block index -> discussion id
    headings: set[int] = set()  # block indexes of headings and the blank lines before them

    def section(head: str, lines: Sequence[str]) -> None:
        for block in [[""]] if blocks else []:
            headings.add(len(blocks))
            blocks.append(block)
        headings.add(len(blocks))
        blocks.append([head])
        blocks.extend([line] for line in lines)

    if upcoming:
        soonest = f" (the soonest {most:,}; later ones show as these post)" if most and len(upcoming) >= most else ""
        section(f"**Upcoming**{soonest}", [_admin_line(d) for d in upcoming])
    if troubled:
        latest = f" (the latest {most:,})" if most and len(troubled) >= most else ""
        section(f"**Failed or missed**{latest}", [_admin_line(d, channel_gone, events_refused) for d in troubled])
    if refused_events:
        latest = f" (the latest {most:,})" if most and len(refused_events) >= most else ""
        section(
            f"**Events Dogear could not start or end**{latest}\n-# Each stays here {REFUSALS_LISTED_FOR.days} days "
            "at most: press its Try again button below once I can (the permission given back), or Done once "
            "you have dealt with it by hand.",
            [_refused_event_line(refused) for refused in refused_events],
        )
        first = len(blocks) - len(refused_events)
        refusal_at = {first + index: refused.discussion_id for index, refused in enumerate(refused_events)}
    if failed_reminders:
        section(
            "**Reminders that could not be posted**",
            [
                f"**#{reminder.discussion_id}** · {describe_offset(reminder.offset)} before · {when_line(reminder.due_at)}"
                + (f"\n  ↳ {escape_markdown(reason)}" if reason else "")
                for reminder, reason in failed_reminders
            ],
        )
    if dismissed:
        section("-# **Events taken off the list lately**", [_dismissal_line(dismissal) for dismissal in dismissed])
    counted = [index in refusal_at for index in range(len(blocks))]
    glued = [index in headings for index in range(len(blocks))]
    head = NOTHING_LISTED if nothing else ""  # only events taken off lately: said over them
    paged = page_blocks(
        head, blocks, page, "/discussion list page:{page}", most=REFUSALS_A_PAGE, counted=counted, glued=glued
    )
    return ListingPage(paged.text, [refusal_at[index] for index in paged.shown if index in refusal_at])


def _dismissal_line(dismissal: Dismissal) -> str:
    """One refused event an admin took off the list lately: which, who (a mention, never a ping) and when."""
    title = escape_markdown(dismissal.story_title or "a removed story")
    who = f"<@{dismissal.by}>" if dismissal.by is not None else "an admin"
    return (
        f"-# #{dismissal.discussion_id} · {title}, chapter {dismissal.chapter} · taken off by {who} "
        f"{stamp(dismissal.at, 'R')}"
    )


def event_dismissed(discussion_id: int, dismissed: bool) -> str:
    """The answer to an event's Done button under ``/discussion list``."""
    if dismissed:
        return f"The event of discussion #{discussion_id} is off `/discussion list` now."
    return (
        f"Discussion #{discussion_id} has no refused event listed: it was taken off already, or the "
        "discussion was moved, cancelled or removed since."
    )


def prompts_saved(reset: bool, prompts: Sequence[str]) -> str:
    """``/discussion prompts``: the prompts now in force, in one message however long they are.

    Ten prompts of 300 characters are more than a message holds, so when they do not fit each is
    shortened here, and the answer says they were saved in full.
    """
    head = "Discussion prompts reset to the defaults:" if reset else "Discussion prompts saved:"
    whole = [f"• {quote_input(prompt, MESSAGE_CHARS)}" for prompt in prompts]
    if utf16_len("\n".join([head, *whole])) <= MESSAGE_CHARS:
        return "\n".join([head, *whole])
    note = (
        "Each prompt is saved in full and posted whole; here they are shortened to fit one message. "
        "Run `/discussion prompts` without options to read or edit them in a form."
    )
    count = max(1, len(prompts))
    room = (MESSAGE_CHARS - len(head) - len(note) - 1) // count - len("\n• ")  # MAX_PROMPTS keep it over 100
    shown = [f"• {quote_input(prompt, room)}" for prompt in prompts]
    return "\n".join([head, *shown, note])


def prompts_changed(in_force: Sequence[str], yours: Sequence[str]) -> str:
    """A prompts form saved after another admin's save, which it would have overwritten unseen:
    nothing saved, the prompts now in force, and the admin's own (``|``-separated, as the
    ``prompts:`` option takes them) to paste back, shortened only when they do not fit one message."""
    head = (
        "The discussion prompts changed since you opened this form (another admin saved theirs), so yours "
        "were not saved. Now in force:"
    )
    tail = "To save yours over them, run `/discussion prompts` again, or paste them into its `prompts:` option. Yours:"
    shown = [f"• {quote_input(prompt, 80)}" for prompt in in_force]
    room = MESSAGE_CHARS - utf16_len("\n".join([head, *shown, tail])) - 1
    mine = quote_input(" | ".join(yours), room) if yours else "the defaults (an empty form)"
    return "\n".join([head, *shown, f"{tail} {mine}"])
