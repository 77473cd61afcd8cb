"""Nominations and the vote, as use cases: nominate, list, withdraw, start a vote, settle a finished poll.

Why it is shaped this way:

- Discord is reached only through a :class:`Poller` the cog hands in, so the rules (one
  nomination per member per round, duplicates merged, 2 to 10 answers, exactly one
  announcement) are tested without Discord.
- A round's life is a state in SQLite (open -> voting -> ended -> announced). A finished poll
  can be reported three ways (the poll's message update, Discord's poll-result message, and the
  watcher reading the poll once its end time has passed, which also covers polls that ended
  while the bot was down); all of them go through :meth:`NominationService.settle`, where the
  ``voting -> ended`` and ``ended -> announced`` updates only succeed once.
- Changes for one server run under that server's lock: every interaction and background job
  for a server runs in the one process that owns its shard, so posting the poll and recording
  it cannot interleave with a nomination. The announcement is looked for in the channel before
  it is posted and also carries a nonce, so a crash between posting it and recording it does not
  post it twice, however long the bot stays down.
"""

from __future__ import annotations

import difflib
import hashlib
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from bot.clock import Clock
from bot.db import Database, fits_row_id
from bot.errors import UserError
from bot.guilds import get_settings
from bot.limits import (
    AUTOCOMPLETE_CHOICES,
    BUTTON_LABEL_CHARS,
    CHOICE_NAME_CHARS,
    POLL_ANSWER_CHARS,
    POLL_ANSWERS,
    POLL_MAX_HOURS,
)
from bot.locks import KeyedLocks
from bot.nominations import store
from bot.nominations.store import Nomination, Round
from bot.nominations.tally import NO_VOTES, TIE, WINNER, Outcome, tally
from bot.shards import ShardScope
from bot.story.books import BookAdded, add_book
from bot.story.model import story_id_note
from bot.story.store import StoryRecord, fold, get_story_record, resolve_story, search_stories, shortest_holding
from bot.text import (
    and_list,
    clip,
    cluster_cut,
    escape_clipped,
    escape_markdown,
    plural,
    punctuation_aside,
    quote_input,
    read_alike,
    visible_line,
)

log = logging.getLogger(__name__)

MAX_TITLE_CHARS = 200
MAX_NOMINATIONS = 100  # per round; a poll takes 10, the list stays readable
DEFAULT_HOURS = 24
QUESTION = "What should the club read next?"
# The announcement's room for the leaders' titles, shared among them: ten tied titles of markdown,
# each escaped to twice its length, would pass Discord's 2,000 characters and never be announced.
LEADERS_ROOM = 1_500
# Discord finalizes a poll shortly after it expires; the watcher looks this long after the end.
GRACE = timedelta(minutes=1)
# A poll still not finalized this long after its end is read as it stands (never wait forever).
GIVE_UP = timedelta(hours=6)
# Discord refusing a step (see DiscordRefused) is tried again after a pause that doubles from the
# first to the longest; after MAX_ATTEMPTS refusals the watcher stops and the round waits for an admin.
RETRY_FIRST = timedelta(minutes=1)
RETRY_LONGEST = timedelta(hours=1)
MAX_ATTEMPTS = 8


class PollGone(Exception):
    """The poll's message or channel no longer exists: there is nothing left to read or post to."""


class DiscordRefused(Exception):
    """Discord refused a step that may work later: the bot lost a permission where the poll is, or
    Discord failed on its side. Unlike :class:`PollGone` the votes still exist; the message says
    what an admin can fix, in words shown to them ("I'm missing View Channel in <#1>")."""


@dataclass(frozen=True, slots=True)
class PostedPoll:
    message_id: int
    answer_ids: list[int]  # Discord's answer ids, in the order the answers were given
    ends_at: float


@dataclass(frozen=True, slots=True)
class PollState:
    finalized: bool
    counts: dict[int, int] = field(default_factory=dict)  # answer id -> votes


@dataclass(frozen=True, slots=True)
class AddButton:
    nomination_id: int
    label: str


@dataclass(frozen=True, slots=True)
class Announcement:
    text: str
    buttons: list[AddButton]


class Poller(Protocol):
    """What the service needs from Discord (the cog's implementation sends no pings)."""

    async def post_poll(self, channel_id: int, question: str, answers: list[str], hours: int) -> PostedPoll: ...

    async def find_poll(self, channel_id: int, question: str, answers: list[str]) -> PostedPoll | None:
        """The bot's own running poll with this question and these answers among the channel's latest
        messages, if any (None too when the history cannot be read)."""
        ...

    async def read_poll(self, channel_id: int, message_id: int) -> PollState:
        """The poll's state; :class:`PollGone` when it is deleted, :class:`DiscordRefused` when out of reach."""
        ...

    async def announce(self, channel_id: int, announcement: Announcement, *, nonce: str) -> int: ...

    async def find_announcement(self, channel_id: int, poll_id: int, text: str) -> int | None:
        """The bot's own message with this text among the channel's latest, posted after the poll, if any
        (None too when the history cannot be read: the nonce is then the only guard)."""
        ...

    async def end_poll(self, channel_id: int, message_id: int) -> PollState:
        """End the poll now (only its author may) and give its state; :class:`PollGone` when it is gone."""
        ...


@dataclass(frozen=True, slots=True)
class Nominated:
    kind: str  # "added", "merged" (someone nominated it first), "replaced", "unchanged"
    title: str
    backers: int
    previous: str | None = None
    in_library: bool = False
    vote_running: bool = False  # a vote is on: this nomination is for the next one
    author: str | None = None  # the library story's, when the nomination names one


@dataclass(frozen=True, slots=True)
class Board:
    """What ``/nominations`` shows: this round's nominations and any vote in progress."""

    nominations: list[Nomination]
    vote: Round | None
    vote_nominations: list[Nomination]


@dataclass(frozen=True, slots=True)
class EndedVote:
    """What ``/vote end`` did: the round as it is after, and the result when it could not be posted
    (the admin gets it to share, and the club goes on)."""

    vote: Round
    unposted: str | None = None


@dataclass(frozen=True, slots=True)
class StartedVote:
    round_id: int
    channel_id: int
    message_id: int
    ends_at: float
    titles: list[str]


# Markdown a member may wrap a whole title in ("*Piranesi*", "__Beloved__"): formatting, not the title.
_WRAPPERS = ("***", "**", "*", "___", "__", "_", "~~", "||", "```", "``", "`")
# Dropped from a key without a gap ("Don't" and "Dont" are one title); other punctuation is a gap.
SEVERAL_SHOWN = 5  # titles named when a typed part matches several nominations


def title_key(title: str) -> str:
    """Case, accents, spacing, punctuation and markdown aside: "The  Dispossessed", "the dispossessed"
    and "*The Dispossessed.*" are one nomination (a title of punctuation alone keys as itself).

    Folded twice: compatibility forms (mathematical letters, ligatures) decompose into letters that
    have a case of their own only after the first fold.
    """
    return punctuation_aside(fold(fold(title)))


# A /vote withdraw menu's value: the nomination's id and a digest of its title's key. SQLite gives a
# deleted last row's id to the next row, so an id alone, picked before another admin took that
# nomination out, named the one nominated after it.
_PICKED = re.compile(r"(?P<id>\d{1,20}):(?P<digest>[0-9a-f]{8})")


def _title_digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:8]


def withdraw_value(nomination: Nomination) -> str:
    """What the ``/vote withdraw`` menu gives for a nomination (:data:`_PICKED`)."""
    return f"{nomination.id}:{_title_digest(nomination.title_key)}"


def _picked_id(picked: str) -> tuple[int, str | None] | None:
    """(id, title digest or None) of a menu's value or a bare id typed; None for a title typed."""
    if (menu := _PICKED.fullmatch(picked)) is not None and fits_row_id(int(menu["id"])):
        return int(menu["id"]), menu["digest"]
    if picked.isascii() and picked.isdigit() and fits_row_id(int(picked)):
        return int(picked), None
    return None


def _unwrapped(text: str) -> str | None:
    """The text inside markdown wrapped around all of it, or None ("*A* and *B*" is two, not one)."""
    for marker in _WRAPPERS:
        inner = text[len(marker) : -len(marker)].strip()
        if text.startswith(marker) and text.endswith(marker) and inner and marker not in inner:
            return inner
    return None


def clean_title(title: str | None) -> str:
    """The title on one line, without markdown wrapped around all of it; refused when empty or too long.

    Only what draws is kept (:func:`bot.text.visible_line`): the title is shown to every member in
    the list, the poll and the announcement, where a bidi override would turn the rest of the line
    around and zero-width characters would be a blank nomination.
    """
    text = visible_line(title or "")
    while (inner := _unwrapped(text)) is not None:
        text = visible_line(inner)
    if not text:
        raise UserError("Give the title you nominate, e.g. `/nominate title:The Dispossessed`.")
    if len(text) > MAX_TITLE_CHARS:
        raise UserError(f"That title is {len(text):,} characters long; keep it to {MAX_TITLE_CHARS}.")
    return text


AUTHOR_ROOM = (
    30  # at most this much of a poll answer is " by <author>": a longer author is left out (the title needs room)
)


def byline(author: str | None) -> str:
    """ " by <author>" for a poll answer, or '' when there is none or it would crowd the title out."""
    tail = f" by {' '.join(author.split())}" if author and author.strip() else ""
    return tail if len(tail) <= AUTHOR_ROOM else ""


def answer_text(title: str, room: int = POLL_ANSWER_CHARS) -> str:
    """A poll answer holds 55 characters; longer titles are clipped at a word (``room``: what the title may use)."""
    return clip(title, room)


def _head_and_tail(title: str, room: int = POLL_ANSWER_CHARS, tail_chars: int = 20) -> str:
    """A long title's start and its last words ("A Long Series Name… Volume Two"), within ``room``."""
    start = cluster_cut(title, len(title) - tail_chars)  # from a whole cluster, unless one is longer than the tail
    tail = title[start if len(title) - start <= 2 * tail_chars else len(title) - tail_chars :]
    tail = tail[tail.find(" ") + 1 :] if " " in tail[1:] else tail
    return clip(title[: -len(tail)].rstrip(), room - len(tail) - 1) + " " + tail


def answer_texts(titles: list[str], authors: Sequence[str | None] | None = None) -> list[str]:
    """One poll answer per title, no two alike: titles that clip to the same answer keep their ends too.

    Long titles often differ only at the end (volume numbers, subtitles); two identical answers
    would leave members unable to tell which book they vote for. A library book's author follows its
    title whole (:func:`byline`), the title clipped to leave room for it. Answers that still read
    the same (:func:`_alike`) take their author clipped, then a number each.
    """
    writers = list(authors) if authors is not None else [None] * len(titles)
    tails = [byline(author) for author in writers]
    rooms = [POLL_ANSWER_CHARS - len(tail) for tail in tails]
    clipped = [answer_text(title, room) + tail for title, room, tail in zip(titles, rooms, tails, strict=True)]
    answers = [
        _head_and_tail(title, room) + tail if clipped.count(answer) > 1 and len(title) > room else answer
        for title, room, tail, answer in zip(titles, rooms, tails, clipped, strict=True)
    ]
    # Still alike: an author left out for room tells two books of one title apart, clipped to fit.
    for group in _alike(answers):
        for index in group:
            if not tails[index] and (writer := " ".join((writers[index] or "").split())):
                tails[index] = " by " + clip(writer, AUTHOR_ROOM - 4)
                rooms[index] = POLL_ANSWER_CHARS - len(tails[index])
                answers[index] = answer_text(titles[index], rooms[index]) + tails[index]
    return _numbered_where_alike(answers, titles, tails, POLL_ANSWER_CHARS)


def _numbered_where_alike(names: list[str], titles: Sequence[str], tails: Sequence[str], limit: int) -> list[str]:
    """``names`` with each of a group still alike (:func:`_alike`) numbered in order, (1), (2) ..., every
    one of them: its title clipped to leave room for its tail (" by Author", or none) and the number."""
    for group in _alike(names):
        for number, index in enumerate(group, start=1):
            suffix = f" ({number})"
            names[index] = clip(titles[index], limit - len(tails[index]) - len(suffix)) + tails[index] + suffix
    return names


def _alike(answers: list[str]) -> list[list[int]]:
    """The poll positions of answers a member reads as the same, in groups of two or more.

    Compared by :func:`bot.text.read_alike`, as story menus compare their names: as nominations compare
    titles (:func:`title_key`: case, spacing, punctuation) and with lookalike letters read as Latin:
    "Emma" and "Еmma" with a Cyrillic "Е" are two nominations, but in the poll they are one answer twice.
    """
    groups: dict[str, list[int]] = {}
    for index, answer in enumerate(answers):
        groups.setdefault(read_alike(answer), []).append(index)
    return [group for group in groups.values() if len(group) > 1]


def choice_names(nominations: Sequence[Nomination], limit: int = CHOICE_NAME_CHARS) -> list[str]:
    """A menu's name for each nomination, no two alike (:func:`told_apart`), so an admin picking one
    to take out knows which."""
    return told_apart([n.title for n in nominations], [n.author for n in nominations], limit)


def told_apart(titles: Sequence[str], authors: Sequence[str | None], limit: int = CHOICE_NAME_CHARS) -> list[str]:
    """A menu's name for each book, no two alike: its title, its author, and a number for those that
    still read the same (:func:`_alike`: "Emma" and a Cyrillic "Еmma"), as the poll's answers are told
    apart. For every menu of books: ``/vote withdraw``'s and ``/nominate title:``'s."""
    tails = [f" by {clip(' '.join(author.split()), 40)}" if author and author.strip() else "" for author in authors]
    names = [clip(title, limit - len(tail)) + tail for title, tail in zip(titles, tails, strict=True)]
    return _numbered_where_alike(names, titles, tails, limit)


def poll_answers(nominations: Sequence[Nomination]) -> list[str]:
    """The poll's answers for these nominations, in order: their titles with their authors."""
    return answer_texts([n.title for n in nominations], [n.author for n in nominations])


_PICKED_STORY = re.compile(r" \(story id (\d{1,18})\)\Z")
PICK_TITLE_CHARS = 60  # of a menu value: with " (story id N)" well inside a choice value's 100


def picked_book_value(record: StoryRecord) -> str:
    """The ``/nominate title:`` menu's value for a library book: its title with its story id, so picking
    it nominates that book. The title alone asked "which book?" even after the member had picked one by
    its author, or backed another book of that title already nominated."""
    return f"{clip(' '.join(record.title.split()), PICK_TITLE_CHARS)} (story id {record.id})"


def picked_story_id(title: str) -> int | None:
    """The story id a menu value of :func:`picked_book_value` carries (what else is typed: None)."""
    found = _PICKED_STORY.search(title)
    return int(found.group(1)) if found and fits_row_id(int(found.group(1))) else None


def _another_book(nominated: Nomination, story_id: int, author: str | None) -> bool:
    """Whether a library story is another book than this nomination of its title: another story, or
    (the nomination's story since removed) another author."""
    if nominated.story_id is not None:
        return nominated.story_id != story_id
    return bool(nominated.author and author and fold(nominated.author) != fold(author))


def check_hours(hours: int) -> int:
    if not 1 <= hours <= POLL_MAX_HOURS:
        raise UserError(f"A Discord poll runs 1 to {POLL_MAX_HOURS} hours (32 days); {hours:,} is outside that.")
    return hours


SHOWN_AUTHOR_CHARS = 80  # at most this much of a line naming a nomination is its author (an import's may run to 200)


def title_and_author(nomination: Nomination, room: int) -> str:
    """ "**Title** by Author" (or the bold title alone), escaped, within ``room`` UTF-16 units.

    Wherever the bot names a nomination as the poll showed it (the running vote's line, the result):
    the poll's answers carry the author (:func:`byline`), so a result or a list without it named a
    different-looking book, and two books of one title read as one. The author takes at most a
    third of the room, so a long one never crowds the title out.
    """
    author = visible_line(nomination.author or "")
    if not author:
        return f"**{escape_clipped(nomination.title, room - 4)}**"
    by = escape_clipped(author, min(SHOWN_AUTHOR_CHARS, max(1, room // 3)))
    return f"**{escape_clipped(nomination.title, room - 8 - len(by))}** by {by}"


def compose(
    outcome: Outcome, in_library: Callable[[Nomination], bool], answers: Mapping[int, str] | None = None
) -> Announcement:
    """The result as members read it in the club channel; buttons only for titles not yet in the library.

    ``answers`` are the poll's answers by nomination id: leaders that read alike ("Emma" and "Еmma"
    with a Cyrillic "Е") are named with the answer members voted for, "Emma (1)", as are their buttons.
    """
    width = LEADERS_ROOM // max(1, len(outcome.leaders))
    shown = [n.title + (f" by {n.author}" if n.author else "") for n in outcome.leaders]
    alike = {index for group in _alike(shown) for index in group}
    named = {
        n.id: answers[n.id] for index, n in enumerate(outcome.leaders) if index in alike and n.id in (answers or {})
    }
    bold = []
    for n in outcome.leaders:
        note = f" (“{escape_clipped(named[n.id], 60)}” in the poll)" if n.id in named else ""
        bold.append(title_and_author(n, width - len(note)) + note)
    if outcome.kind == NO_VOTES:
        return Announcement(
            "📚 The vote for the next read has ended, but nobody voted. Nominate again with `/nominate`, "
            "and an admin can start a new vote with `/vote start`.",
            [],
        )
    buttons = [
        AddButton(n.id, clip(f"Add “{named.get(n.id, n.title)}” as a book", BUTTON_LABEL_CHARS))
        for n in outcome.leaders
        if not in_library(n)
    ]
    if outcome.kind == WINNER:
        winner = outcome.leaders[0]
        text = (
            f"📚 The vote is over: the club's next read is {bold[0]}, with "
            f"{plural(outcome.votes, 'vote')} of {outcome.total:,}."
        )
        if in_library(winner):
            text += " It is already in the library."
        else:
            text += " An admin can add it to the library as a book without a file with the button below."
        return Announcement(text, buttons)
    names = and_list(bold)
    text = (
        f"📚 The vote is over, and it is a tie: {names}, with {plural(outcome.votes, 'vote')} each "
        f"({outcome.total:,} in all). "
    )
    again = "or members can nominate them again with `/nominate` for another vote."
    if buttons:
        text += f"An admin can add one of them as a book with the buttons below, {again}"
    else:
        text += f"They are all in the library already: an admin can pick one, {again}"
    return Announcement(text, buttons)


def called_off_text(why: str) -> str:
    """What a vote's channel is told when it is called off, and the text it is found by after a kill."""
    return (
        f"The vote was called off: {why}. Every nomination is back on the list, and an "
        "admin can start the vote again with `/vote start`."
    )


def problem_note(vote: Round) -> str | None:
    """What Discord refused for this pending vote and the way on, for admins (None: nothing refused)."""
    if not vote.problem:
        return None
    where = f" in <#{vote.channel_id}>" if vote.channel_id else ""
    if vote.state == "voting":
        return (
            f"The vote's poll{where} is out of my reach: {vote.problem}. Once that is fixed I count it and "
            "announce the result; or an admin can call the vote off with `/vote end call_off:True` (its votes are lost)."
        )
    return (
        f"The last vote has ended, but Discord refused its result{where}: {vote.problem}. `/vote end` tries "
        "again and, if it is still refused, gives the admin the result to share."
    )


def _still_running(vote: Round) -> UserError:
    """Why ``/vote start`` waits: the poll still runs, or its result is still to be announced
    (and what Discord refused, with the way on, when that is why)."""
    where = f" in <#{vote.channel_id}>" if vote.channel_id else ""
    if note := problem_note(vote):
        return UserError(f"{note} Start the next vote after.")
    if vote.state == "voting":
        return UserError(
            f"A vote is already running{where}; it ends <t:{int(vote.ends_at or 0)}:R>. "
            "Start the next one after its result is announced."
        )
    return UserError(
        f"The last vote has ended, but its result is not announced{where} yet; I keep trying. "
        "Start the next vote after it is."
    )


class NominationService:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        poller: Poller,
        *,
        scope: ShardScope | None = None,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        self.db = db
        self.clock = clock
        self.poller = poller
        self.scope = scope or ShardScope()
        self.on_change = on_change or (lambda: None)
        self._locks = KeyedLocks()  # a server's, while a change to its round runs or waits
        self.announced = 0
        # Polls marked posting before this moment are an earlier process's (migration 0032).
        self._started = self._now()
        self._recovered = False

    def _lock(self, guild_id: int) -> AbstractAsyncContextManager[None]:
        return self._locks.hold(guild_id)

    def _now(self) -> float:
        return self.clock.now().timestamp()

    # ------------------------------------------------------------------------- nominating

    async def nominate(
        self, guild_id: int, user_id: int, title: str | None, story: int | str | None = None
    ) -> Nominated:
        """Nominate a title (or a library story); a member's second nomination in a round replaces the first.

        ``story`` is a story id, or the story option as a member gave it (an id from the menu or a title).
        A ``title`` naming another book than ``story`` is refused: nominating one of them would drop
        what the member typed for the other without a word.
        """
        if title is None and story is None:
            raise UserError("Give the book you nominate: `title:` for any book, or `story:` for one in the library.")
        if isinstance(story, str):
            story = (await resolve_story(self.db, guild_id, story)).id
        if story is None and title is not None and (picked := await self._picked_book(guild_id, title)):
            title, story = None, picked.id
        if story is not None:
            record = await get_story_record(self.db, guild_id, story)
            if record is None:
                raise UserError(
                    "That story is not in this server's library (it may have been removed); pick one from the list."
                )
            if title is not None and title_key(clean_title(title)) != title_key(record.title):
                raise UserError(
                    f"`title:` {quote_input(title)} and `story:` **{escape_clipped(record.title, 80)}** name different"
                    " books; give one of them: `title:` for any book, `story:` for one in the library."
                )
        else:
            record = await self._library_match(guild_id, clean_title(title))
        if record is not None:
            # The library's spelling, not the member's: "the left hand of  darkness" would be listed and
            # put in the poll as typed. Imported files may carry longer titles than a nomination holds.
            text, story_id = clip(" ".join(record.title.split()), MAX_TITLE_CHARS), record.id
        else:
            text, story_id = clean_title(title), None
        author = (record.author or None) if record is not None else None
        key = title_key(text)
        now = self._now()
        running = await store.pending_vote(self.db, guild_id) is not None
        async with self._lock(guild_id), self.db.transaction() as tx:
            round_id = await store.ensure_open_round(tx, guild_id, now)
            existing = await store.nomination_by_key(tx, round_id, key)
            if existing is not None and story_id is not None and _another_book(existing, story_id, author):
                # One nomination per title (the poll would show two alike): backing it would give the
                # member's support to a book they did not pick.
                raise UserError(
                    f"{title_and_author(existing, 140)} is already nominated this round, and a round takes one "
                    "book of a title. Nominate this one in the next round, or an admin can take the other out "
                    "with `/vote withdraw`. Nothing changed."
                )
            previous = await store.backed_by(tx, round_id, user_id)
            if previous is not None and existing is not None and previous.id == existing.id:
                linked = existing.story_id is not None
                return Nominated(
                    "unchanged", existing.title, existing.backers, in_library=linked, vote_running=running,
                    author=author,
                )  # fmt: skip
            if existing is None:
                if await store.count_nominations(tx, round_id) >= MAX_NOMINATIONS:
                    raise UserError(
                        f"This round already has {MAX_NOMINATIONS} nominations, the most it takes; "
                        "back one of them with `/nominate` instead."
                    )
                nomination_id = await store.insert_nomination(
                    tx, guild_id, round_id, title=text, title_key=key, story_id=story_id, user_id=user_id, now=now,
                    author=author,
                )  # fmt: skip
                shown, backers, linked = text, 1, story_id is not None
            else:
                nomination_id = existing.id
                shown, author = existing.title, existing.author or author
                if existing.story_id is None and story_id is not None:
                    # Nominated before the library had it: from now on it reads as the library spells it.
                    await store.link_story(tx, guild_id, nomination_id, story_id, title=text, author=author)
                    shown = text
                backers = existing.backers + 1
                linked = existing.story_id is not None or story_id is not None
            await store.back(tx, guild_id, round_id, user_id, nomination_id, now)
            if previous is not None:
                await store.drop_if_unbacked(tx, guild_id, previous.id, now=now)
                return Nominated(
                    "replaced", shown, backers, previous=previous.title, in_library=linked, vote_running=running,
                    author=author,
                )  # fmt: skip
        kind = "added" if existing is None else "merged"
        return Nominated(kind, shown, backers, in_library=linked, vote_running=running, author=author)

    async def _picked_book(self, guild_id: int, title: str) -> StoryRecord | None:
        """The library book a ``title:`` value picked from the menu names (:func:`picked_book_value`), when
        it is that book's value exactly; anything else, a title ending so included, is a typed title."""
        story_id = picked_story_id(title)
        record = None if story_id is None else await get_story_record(self.db, guild_id, story_id)
        return record if record is not None and picked_book_value(record) == title else None

    async def _library_match(self, guild_id: int, title: str) -> StoryRecord | None:
        """A free title that is a library story's title (as nominations compare titles) names that story.

        Two library books of that title (two authors' "Emma") are told apart by the one this round
        has nominated already; with none, the member is asked which, rather than given either.
        """
        key = title_key(title)
        # The longest word as the title spells it ("Don't Look": "look"; the key's "dont" is in no title),
        # found in the shortest titles holding it: books of this title are among them, however many
        # longer titles hold the word ("Emma." was past the first 25 "Emma ..." titles and never seen).
        longest = max(re.findall(r"\w+", fold(title)), key=len, default=title)
        found: dict[int, StoryRecord] = {}
        for record in await shortest_holding(self.db, guild_id, longest, at_least=len(key) // 2):
            if title_key(record.title) == key:
                found.setdefault(record.id, record)
        if len(found) <= 1:
            return next(iter(found.values()), None)
        for nominated in await self.open_nominations(guild_id):
            if nominated.title_key == key and nominated.story_id in found:
                return found[nominated.story_id]
        books = [
            f"by {escape_clipped(r.author, 60)}" if r.author else story_id_note(r.id).strip("()")
            for r in list(found.values())[:SEVERAL_SHOWN]
        ]
        raise UserError(
            f"The library has {len(found)} books titled **{escape_clipped(title, 100)}** ({and_list(books)}); "
            "nominate the one you mean with `story:`. Nothing changed."
        )

    async def title_choices(self, guild_id: int, typed: str) -> list[tuple[str, str]]:
        """What ``/nominate title:`` offers, as (name, value): this round's nominations first (to back
        one), then the library's books not nominated yet.

        Each nomination and each book is offered once, only those containing what was typed and short
        enough to be a choice, as many as a menu shows. Names that would read the same ("Emma" and a
        Cyrillic "Еmma", one title by two authors) take their author, then a number (:func:`told_apart`);
        a library book's name has its author always, as the poll's answer for it will. A nomination's
        value is its title (a round holds one book of a title); a library book's is its title and story
        id (:func:`picked_book_value`), so the pick nominates that book whatever else shares its title.
        """
        needle = " ".join(typed.split()).casefold()
        nominations = await self.open_nominations(guild_id)
        nominated = {n.story_id for n in nominations if n.story_id is not None}
        books: list[tuple[str, str | None, str]] = [(n.title, n.author, n.title) for n in nominations]
        seen = {(n.title.casefold(), fold(n.author or "")) for n in nominations}
        for record in await search_stories(self.db, guild_id, typed):
            book = (record.title.casefold(), fold(record.author or ""))
            if record.id in nominated or book in seen:
                continue
            seen.add(book)
            # The value says which book, always: whether another shares its title is not for the search
            # to tell ("Emma!" typed lists no "Emma"; a long library past the menu's first 25), and a
            # title two books share names neither (typed, it asks which, or backs the nominated one).
            books.append((record.title, record.author, picked_book_value(record)))
        offered = [
            book for book in books if (not needle or needle in book[0].casefold()) and len(book[0]) <= CHOICE_NAME_CHARS
        ][:AUTOCOMPLETE_CHOICES]
        names = told_apart([title for title, _, _ in offered], [author for _, author, _ in offered])
        return [(name, value) for name, (_, _, value) in zip(names, offered, strict=True)]

    async def board(self, guild_id: int) -> Board:
        round_id = await store.open_round_id(self.db, guild_id)
        nominations = [] if round_id is None else await store.list_nominations(self.db, guild_id, round_id)
        vote = await store.pending_vote(self.db, guild_id)
        in_vote = [] if vote is None else await store.list_nominations(self.db, guild_id, vote.id)
        return Board(nominations, vote, in_vote)

    async def withdraw(self, guild_id: int, picked: str) -> Nomination:
        """An admin takes a nomination out of the open round (to get a poll down to 10 answers): the
        one picked from the list (its id) or typed by its title ("Piranesi", "1984")."""
        if not visible_line(picked):
            raise UserError(
                "Pick the nomination to take out from the list (start typing its title); the nomination option was empty."
            )
        async with self._lock(guild_id):
            round_id = await store.open_round_id(self.db, guild_id)
            found = await self._picked_nomination(guild_id, round_id, picked.strip())
            if found is None and (vote := await store.pending_vote(self.db, guild_id)) is not None:
                # A title typed from the running poll: say why it cannot come out, not "no nominations".
                found = await self._picked_nomination(guild_id, vote.id, picked.strip())
            if found is not None and found.round_id != round_id:
                await self._refuse_withdrawing_a_vote(guild_id, found)
            if found is None and round_id is not None:
                await self._refuse_gone(guild_id, round_id, picked.strip())
            if not await self.open_nominations(guild_id):
                raise UserError("This round has no nominations to take out yet; members nominate with `/nominate`.")
            if round_id is None or found is None or found.round_id != round_id:
                listed = await self.open_nominations(guild_id)
                by_key = {n.title_key: n for n in listed}
                close = difflib.get_close_matches(title_key(picked), list(by_key), n=2, cutoff=0.75)
                guess = " or ".join(f"**{escape_clipped(by_key[key].title, 80)}**" for key in close)
                raise UserError(
                    "That is not one of this round's nominations; pick one from the list or type its title."
                    + (f" Did you mean {guess}?" if guess else "")
                )
            async with self.db.transaction() as tx:
                await store.delete_nomination(tx, guild_id, round_id, found.id, now=self._now())
        return found

    async def _refuse_gone(self, guild_id: int, round_id: int, picked: str) -> None:
        """A nomination that already left the round (another admin took it out a moment ago, or its one
        backer nominated another book): say what became of it, not "not one of this round's"."""
        by_id = _picked_id(picked)
        gone = await store.gone_nomination(
            self.db, guild_id, round_id, nomination_id=by_id[0] if by_id else None, key=title_key(picked)
        )
        if gone is None:
            return
        title = f"**{escape_clipped(gone.title, 100)}**"
        when = f"<t:{int(gone.at)}:R>"
        if gone.how == "withdrawn":
            said = f"{title} was already taken out of this round ({when}); nothing changed."
        else:
            said = (
                f"{title} is no longer nominated: the one member backing it nominated another book ({when}); "
                "nothing changed."
            )
        again = any(n.title_key == title_key(gone.title) for n in await self.open_nominations(guild_id))
        raise UserError(
            said + (" It was nominated again since: pick it from the list to take it out." if again else "")
        )

    async def _picked_nomination(self, guild_id: int, round_id: int | None, picked: str) -> Nomination | None:
        """The nomination an option names: an id from the list, else this round's title typed out or
        in part ("pira" for "Piranesi", as a story's title is found); part of several is asked again."""
        if (by_id := _picked_id(picked)) is not None:
            found = await store.get_nomination(self.db, guild_id, by_id[0])
            if found is not None and by_id[1] not in (None, _title_digest(found.title_key)):
                return None  # the id picked is another nomination's now: the one picked went
            if found is not None:
                return found
            if by_id[1] is not None:
                return None
        if round_id is None:
            return None
        key = title_key(picked)
        listed = await store.list_nominations(self.db, guild_id, round_id)
        matches = [n for n in listed if n.title_key == key] or [n for n in listed if key and key in n.title_key]
        if len(matches) > 1:
            titles = [f"**{escape_clipped(n.title, 60)}**" for n in matches[:SEVERAL_SHOWN]]
            more = len(matches) - len(titles)
            raise UserError(
                f"Several nominations match {quote_input(picked, 80)}: "
                f"{and_list([*titles, f'{more} more'] if more else titles)}; pick one from the list."
            )
        return matches[0] if matches else None

    async def _refuse_withdrawing_a_vote(self, guild_id: int, nomination: Nomination) -> None:
        """A title in the running poll cannot come out of it (Discord polls cannot be edited): say what can be done."""
        vote = await store.pending_vote(self.db, guild_id)
        if vote is None or vote.id != nomination.round_id:
            return
        title = f"**{escape_clipped(nomination.title, 100)}**"
        if vote.state != "voting":
            raise UserError(f"{title} was in the vote that just ended; it is no longer on the list to take out.")
        raise UserError(
            f"{title} is in the vote running now, and a Discord poll cannot be changed once it is posted. "
            "Let the vote run, end it now with `/vote end`, or call it off with `/vote end call_off:True`: "
            "every nomination then comes back to the list, where you can take this one out."
        )

    async def open_nominations(self, guild_id: int) -> list[Nomination]:
        round_id = await store.open_round_id(self.db, guild_id)
        return [] if round_id is None else await store.list_nominations(self.db, guild_id, round_id)

    # ------------------------------------------------------------------------- voting

    async def start_club_vote(
        self, guild_id: int, *, hours: int, user_id: int, check_channel: Callable[[int], None]
    ) -> StartedVote:
        """``/vote start``: :meth:`start_vote` in the server's club channel.

        ``check_channel`` is given the club channel first and raises if the member could not post a
        poll there themselves: nobody has the bot post where they cannot.
        """
        channel_id = (await get_settings(self.db, guild_id)).club_channel_id
        if channel_id:
            check_channel(channel_id)
        return await self.start_vote(guild_id, channel_id=channel_id, hours=hours, user_id=user_id)

    async def start_vote(self, guild_id: int, *, channel_id: int | None, hours: int, user_id: int) -> StartedVote:
        """Post the round's nominations as a native poll in the club channel and close the round to new ones."""
        check_hours(hours)
        if channel_id is None:
            raise UserError("Set the club channel first with `/config set club_channel:`; the poll is posted there.")
        async with self._lock(guild_id):
            running = await self._running_vote(guild_id)
            if running is not None:
                raise _still_running(running)
            nominations = await self.open_nominations(guild_id)
            if len(nominations) < 2:
                have = "are no nominations" if not nominations else "is only 1 nomination"
                raise UserError(f"There {have} yet; a vote needs at least 2. Members nominate with `/nominate title:`.")
            if len(nominations) > POLL_ANSWERS:
                extra = len(nominations) - POLL_ANSWERS
                raise UserError(
                    f"There are {len(nominations)} nominations, but a Discord poll holds at most {POLL_ANSWERS} "
                    f"answers. Take out {plural(extra, 'nomination')} with `/vote withdraw` first."
                )
            answers = poll_answers(nominations)
            posted = await self._unrecorded_poll(guild_id, channel_id, answers)
            if posted is None:
                round_id = nominations[0].round_id
                # Marked first: a kill after Discord posted it and before the record below is found at the next start.
                await store.poll_posting(
                    self.db, guild_id, round_id, channel_id=channel_id, by=user_id, now=self._now()
                )
                try:
                    posted = await self.poller.post_poll(channel_id, QUESTION, answers, hours)
                except (UserError, DiscordRefused):
                    await store.poll_not_posted(self.db, guild_id, round_id)
                    raise
            await self._record_poll(guild_id, nominations, channel_id, posted, user_id)
        self.on_change()
        return StartedVote(
            nominations[0].round_id, channel_id, posted.message_id, posted.ends_at, [n.title for n in nominations]
        )

    async def _record_poll(
        self, guild_id: int, nominations: list[Nomination], channel_id: int, posted: PostedPoll, user_id: int
    ) -> None:
        if len(posted.answer_ids) != len(nominations):
            raise RuntimeError(f"the poll came back with {len(posted.answer_ids)} answers, not {len(nominations)}")
        async with self.db.transaction() as tx:
            ok = await store.start_voting(
                tx, guild_id, nominations[0].round_id, channel_id=channel_id, message_id=posted.message_id,
                started_by=user_id, ends_at=posted.ends_at,
                answers={n.id: answer for n, answer in zip(nominations, posted.answer_ids, strict=True)},
            )  # fmt: skip
        if not ok:  # cannot happen under the lock; never leave a poll unrecorded silently
            raise RuntimeError(f"round {nominations[0].round_id} changed while its poll was posted")

    async def _recover_postings(self) -> int:
        """The watcher's first round after a start: a poll an earlier process was posting when it was
        killed is looked for in its channel and recorded (its end is then watched and announced as
        any other); none there, the round's mark is cleared and the admin may start the vote again."""
        handled = 0
        for left in await store.polls_left_posting(self.db, self.scope.sql(), before=self._started):
            if not self.scope.owns(left.guild_id):
                continue
            async with self._lock(left.guild_id):
                nominations = await self.open_nominations(left.guild_id)
                current = [n for n in nominations if n.round_id == left.round_id]
                answers = poll_answers(current)
                found = await self._unrecorded_poll(left.guild_id, left.channel_id, answers) if current else None
                if found is None or len(found.answer_ids) != len(current):
                    log.info(
                        "guild %s: no poll of round %s was posted before the restart", left.guild_id, left.round_id
                    )
                    await store.poll_not_posted(self.db, left.guild_id, left.round_id)
                else:
                    await self._record_poll(left.guild_id, current, left.channel_id, found, left.started_by)
            handled += 1
        return handled

    async def _unrecorded_poll(self, guild_id: int, channel_id: int, answers: list[str]) -> PostedPoll | None:
        """This round's poll, posted before a kill kept it from being recorded: the admin's next
        ``/vote start`` takes it on instead of posting a second poll beside it (members may have
        voted in it already). A poll a round holds is never taken, nor one that ended."""
        found = await self.poller.find_poll(channel_id, QUESTION, answers)
        if found is None or await store.round_for_message(self.db, guild_id, found.message_id) is not None:
            return None
        log.info("guild %s: poll %s was posted before a restart; recording it", guild_id, found.message_id)
        return found

    # ------------------------------------------------------------------------- a poll ends

    async def poll_finished(self, guild_id: int, message_id: int, counts: dict[int, int] | None = None) -> bool:
        """Discord says this poll ended (with its counts, or without: then they are read). True if announced now."""
        found = await store.round_for_message(self.db, guild_id, message_id)
        if found is None or found.state not in store.PENDING_STATES:
            return False
        return await self.settle(found, PollState(True, counts) if counts is not None else None)

    async def settle(self, found: Round, state: PollState | None = None) -> bool:
        """Record the result once and announce it once; False when there is nothing (more) to do yet."""
        async with self._lock(found.guild_id):
            return await self._settle_locked(found, state)

    async def _settle_locked(self, found: Round, state: PollState | None = None) -> bool:
        """:meth:`settle` under the server's lock (held by the caller).

        A step Discord refuses (:class:`DiscordRefused`) leaves the round as it is, to be tried
        again later: the poll still holds the votes, so only a poll that is gone calls a vote off.
        """
        current = await store.get_round(self.db, found.guild_id, found.id)
        if current is None or current.state not in store.PENDING_STATES:
            return False
        try:
            return await self._settle_steps(current, state)
        except DiscordRefused as refused:
            await self._held_back(current, str(refused))
            return False

    async def _held_back(self, vote: Round, problem: str) -> None:
        """Record a refusal and when to try again: a pause doubling up to an hour, then none (an admin's turn)."""
        current = await store.get_round(self.db, vote.guild_id, vote.id) or vote
        pause = min(RETRY_FIRST * 2**current.attempts, RETRY_LONGEST)
        last = current.attempts + 1 >= MAX_ATTEMPTS
        retry_at = None if last else self._now() + pause.total_seconds()
        async with self.db.transaction() as tx:
            await store.held_back(tx, vote.guild_id, vote.id, problem, retry_at)
        self.on_change()  # the watcher may be asleep until the poll's end: the retry comes sooner
        after = "an admin's `/vote start` or `/vote end` tries again" if last else f"retrying in {pause}"
        log.warning("guild %s: Discord refused vote round %s (%s); %s", vote.guild_id, vote.id, problem, after)

    async def _settle_steps(self, current: Round, state: PollState | None) -> bool:
        """Read the poll (unless given its state), record the result, announce it."""
        guild_id = current.guild_id
        assert current.channel_id is not None and current.message_id is not None
        if current.state == "voting":
            if state is None:
                try:
                    state = await self.poller.read_poll(current.channel_id, current.message_id)
                except PollGone as gone:
                    log.warning("guild %s: the poll of round %s is gone (%s)", guild_id, current.id, gone)
                    await self._call_off(current, "its poll was deleted")
                    return False
            if not state.finalized:
                overdue = self._now() >= (current.ends_at or 0) + GIVE_UP.total_seconds()
                if not overdue:
                    return False
                log.warning(
                    "guild %s: poll of round %s never finalized; counting it as it stands", guild_id, current.id
                )
            async with self.db.transaction() as tx:
                await store.end_round(tx, guild_id, current.id, state.counts, self._now())
            ended = await store.get_round(self.db, guild_id, current.id)
            assert ended is not None
            current = ended
        return await self._announce(current)

    async def _running_vote(self, guild_id: int) -> Round | None:
        """The vote that keeps a new one from starting, once its poll has been looked at.

        A poll deleted while the bot was down, or lost with its channel, sends no event the bot
        sees; nor does one that ended then. Only its end time would be noticed, up to 32 days on,
        and until then every ``/vote start`` was refused. Looking at the poll settles what is
        over (called off, or its result announced) first. Runs under the server's lock.
        """
        running = await store.pending_vote(self.db, guild_id)
        if running is None:
            return None
        try:
            await self._settle_locked(running)
        except Exception:  # Discord failing now: the vote stays as it is, and the watcher tries again
            log.warning("guild %s: could not look at the poll of round %s", guild_id, running.id, exc_info=True)
        return await store.pending_vote(self.db, guild_id)

    async def end_vote(self, guild_id: int, *, call_off: bool = False) -> EndedVote:
        """``/vote end``: an admin closes the running poll now, and its result is announced as when it runs out.

        Discord lets only a poll's author end it early, so an admin's one way to close a vote before
        its time was deleting the poll, which threw every vote away. The round comes back as it is
        after: announced (with the result, or without one when its poll was gone) or still voting
        (Discord has not finalized the counts yet; their arrival announces it, as at any end).

        It is also the way on when Discord refuses: ``call_off`` drops a vote whose poll is out of
        reach (its votes are lost, which only the admin can choose), and a result Discord still
        refuses to take is set aside and handed to the admin to share, so the club can vote again.
        """
        async with self._lock(guild_id):
            running = await store.pending_vote(self.db, guild_id)
            if running is None:
                raise UserError("No vote is running; an admin starts one with `/vote start`.")
            if running.state == "ended":
                ended = await self._announce_or_hand_over(running)
            elif call_off:
                await self._call_off(running, "an admin ended it without counting its votes", close_poll=True)
                ended = EndedVote(await self._reread(running))
            else:
                ended = EndedVote(await self._end_poll(running))
        self.on_change()
        return ended

    async def _close_poll(self, vote: Round) -> None:
        """A vote called off ends its poll too while Discord lets it: left open, members went on voting
        in it and, when its time ran out, Discord posted its own result naming a winner. A poll out of
        reach is what calling off is for, so a refusal stops nothing. Its end event finds the round
        called off and announces nothing."""
        if vote.channel_id is None or vote.message_id is None:
            return
        try:
            await self.poller.end_poll(vote.channel_id, vote.message_id)
        except (PollGone, DiscordRefused) as unreachable:
            log.info("guild %s: the poll of round %s was left as it is (%s)", vote.guild_id, vote.id, unreachable)

    async def _reread(self, vote: Round) -> Round:
        after = await store.get_round(self.db, vote.guild_id, vote.id)
        assert after is not None
        return after

    async def _end_poll(self, running: Round) -> Round:
        """End the poll on Discord and settle the round; a refusal is the admin's to fix, so it is told."""
        assert running.channel_id is not None and running.message_id is not None
        # Due for the watcher from now on: a kill after Discord ended the poll, before the result was
        # recorded, is settled by the next start's first round, not at the poll's planned end.
        await store.end_asked(self.db, running.guild_id, running.id, now=self._now())
        try:
            state: PollState | None = await self.poller.end_poll(running.channel_id, running.message_id)
        except PollGone:
            state = None  # read again by settling, which calls the vote off
        except DiscordRefused as refused:
            await self._held_back(running, str(refused))
            raise UserError(
                f"I can't end the poll in <#{running.channel_id}>: {refused}. Fix that and run `/vote end` again "
                "to count its votes, or `/vote end call_off:True` to call the vote off without a result."
            ) from None
        await self._settle_locked(running, state)
        return await self._reread(running)

    async def _announce_or_hand_over(self, ended: Round) -> EndedVote:
        """An ended vote whose result Discord refused: try once more, else set it aside and give the admin its text."""
        try:
            await self._announce(ended)
        except DiscordRefused as refused:
            log.warning("guild %s: result of round %s set aside by /vote end (%s)", ended.guild_id, ended.id, refused)
            async with self.db.transaction() as tx:
                await store.held_back(tx, ended.guild_id, ended.id, str(refused), None)
                await store.mark_announced(tx, ended.guild_id, ended.id, None, self._now())
            return EndedVote(await self._reread(ended), (await self._compose(ended)).text)
        return EndedVote(await self._reread(ended))

    async def poll_deleted(self, guild_id: int, message_id: int) -> bool:
        """A poll's message was deleted before it ended: the vote is off; True if this call ended it.

        Without this, ``/vote start`` refused for as long as the deleted poll would have run (up to
        32 days) and its nominations vanished with it when it was finally noticed.
        """
        found = await store.round_for_message(self.db, guild_id, message_id)
        if found is None or found.state != "voting":
            return False
        async with self._lock(guild_id):
            called_off = await self._call_off(found, "its poll was deleted")
        if called_off:
            self.on_change()
        return called_off

    async def channel_deleted(self, guild_id: int, channel_id: int) -> bool:
        """The channel (or thread) holding the vote's poll was deleted: the poll went with it. True if
        a vote ended here.

        Discord sends no delete for each message of a deleted channel, so without this the vote was
        shown as running in #deleted-channel, and kept ``/vote start`` waiting, until its end time.
        """
        vote = await store.pending_vote(self.db, guild_id)
        if vote is None or vote.channel_id != channel_id:
            return False
        async with self._lock(guild_id):
            if vote.state == "voting":
                ended = await self._call_off_if_gone(vote)
            else:  # its result has nowhere to go
                async with self.db.transaction() as tx:
                    ended = await store.mark_announced(tx, guild_id, vote.id, None, self._now())
                log.info("guild %s: the result of round %s had its channel deleted", guild_id, vote.id)
        if ended:
            self.on_change()
        return ended

    async def _call_off_if_gone(self, vote: Round) -> bool:
        """Call a vote off only once Discord confirms its poll is gone: a channel the bot merely lost
        sight of still holds the poll and its votes (that is a refusal, kept for an admin to fix)."""
        assert vote.channel_id is not None and vote.message_id is not None
        try:
            await self.poller.read_poll(vote.channel_id, vote.message_id)
        except PollGone:
            return await self._call_off(vote, None)
        except DiscordRefused as refused:
            await self._held_back(vote, str(refused))
        return False

    async def _call_off(self, vote: Round, why: str | None, *, close_poll: bool = False) -> bool:
        """Close a vote whose poll is gone (there is no result to announce, only why it ended) and give
        its nominations back to the open round.

        A deleted poll has no result to announce; the club still wants the books it nominated, so an
        admin can start the vote again (after withdrawing a title, say). ``why`` is told in the
        channel (None: the channel is gone too). Runs under the server's lock.

        ``close_poll`` (an admin's call-off) ends the poll after the round is recorded as called off,
        never before: a kill between Discord ending the poll and the record left a "voting" round
        whose poll had ended, and the restart counted it and announced a result (a winner) the admin
        had thrown away. A kill before the poll is closed leaves the notice owed, and telling it
        (``look_first``) closes the poll first.
        """
        now = self._now()
        notice = None if why is None or vote.channel_id is None else called_off_text(why)
        async with self.db.transaction() as tx:
            if not await store.call_off(tx, vote.guild_id, vote.id, now, notice):
                return False
            open_round = await store.ensure_open_round(tx, vote.guild_id, now)
            await store.return_nominations(tx, vote.guild_id, vote.id, open_round)
        log.info("guild %s: vote round %s called off (%s)", vote.guild_id, vote.id, why or "its channel is gone")
        if close_poll:
            await self._close_poll(vote)
        if notice is not None:
            await self._tell_called_off(await self._reread(vote), look_first=False)
        return True

    async def _tell_called_off(self, vote: Round, *, look_first: bool) -> bool:
        """Members who voted saw the poll vanish (or stop counting); the channel hears why and what happens
        next. The notice is owed from the call-off's own write until it is there: a refusal is tried
        again by the watcher (which looks for it in the channel first, ``look_first``), a channel gone
        owes nothing. True once nothing is owed. Runs under the server's lock."""
        if vote.notice is None or vote.channel_id is None:
            return True
        try:
            found = None
            if look_first:
                # A kill may have come between the call-off's write and its poll's end: members went
                # on voting, and Discord would post its own result at the poll's end. An ended poll
                # (or one gone) is left as it is.
                await self._close_poll(vote)
                found = await self.poller.find_announcement(vote.channel_id, vote.message_id or 0, vote.notice)
            if found is None:
                announcement = Announcement(vote.notice, [])
                await self.poller.announce(vote.channel_id, announcement, nonce=f"dogear-calloff-{vote.id}")
        except PollGone as gone:
            log.warning("guild %s: could not tell that round %s was called off (%s)", vote.guild_id, vote.id, gone)
        except DiscordRefused as refused:
            last = vote.attempts + 1 >= MAX_ATTEMPTS
            pause = min(RETRY_FIRST * 2**vote.attempts, RETRY_LONGEST)
            await store.notice_put_off(
                self.db, vote.guild_id, vote.id, None if last else self._now() + pause.total_seconds()
            )
            self.on_change()
            after = "giving up" if last else f"retrying in {pause}"
            log.warning(
                "guild %s: could not tell that round %s was called off (%s); %s", vote.guild_id, vote.id, refused, after
            )
            return False
        await store.notice_told(self.db, vote.guild_id, vote.id)
        return True

    async def _compose(self, ended: Round) -> Announcement:
        nominations = await store.list_nominations(self.db, ended.guild_id, ended.id)
        answers = dict(zip((n.id for n in nominations), poll_answers(nominations), strict=True))
        return compose(tally(nominations, ended.results or {}), lambda n: n.story_id is not None, answers)

    async def _announce(self, ended: Round) -> bool:
        """Post the result once; a channel gone is no result to post, a refusal (DiscordRefused) is raised.

        The channel is looked at first: a process killed after Discord took the announcement but
        before it was recorded (or a retry after Discord failed on its side having posted it) would
        post it again, and Discord's nonce holds only for a few minutes while a restart or a retry's
        pause can take longer.
        """
        assert ended.channel_id is not None
        announcement = await self._compose(ended)
        try:
            message_id = await self.poller.find_announcement(ended.channel_id, ended.message_id or 0, announcement.text)
            if message_id is not None:
                log.info("guild %s: round %s was announced before a restart or retry", ended.guild_id, ended.id)
            else:
                message_id = await self.poller.announce(ended.channel_id, announcement, nonce=f"dogear-vote-{ended.id}")
        except PollGone as gone:
            log.warning("guild %s: could not announce round %s (%s)", ended.guild_id, ended.id, gone)
            message_id = None
        async with self.db.transaction() as tx:
            await store.mark_announced(tx, ended.guild_id, ended.id, message_id, self._now())
        self.announced += message_id is not None
        return message_id is not None

    # ------------------------------------------------------------------------- the watcher

    async def next_due(self) -> datetime | None:
        """When the watcher must look next (for this process's servers only)."""
        if not self._recovered:
            if await store.polls_left_posting(self.db, self.scope.sql(), before=self._started):
                return self.clock.now()  # first round: polls an earlier process was posting
            self._recovered = True
        values = (
            await store.next_pending_at(self.db, self.scope.sql(), GRACE.total_seconds(), MAX_ATTEMPTS),
            await store.next_notice_at(self.db, self.scope.sql(), MAX_ATTEMPTS),
        )
        value = min((v for v in values if v is not None), default=None)
        if value is None:
            return None
        return datetime.fromtimestamp(value, tz=self.clock.now().tzinfo)

    async def serve_due(self, now: datetime) -> int:
        """Settle every vote past its end (plus grace) and every result not yet announced."""
        settled = 0
        if not self._recovered:
            self._recovered = True
            try:
                settled += await self._recover_postings()
            except Exception:
                log.exception("looking for polls posted before the restart failed")
        due = await store.due_rounds(self.db, self.scope.sql(), now.timestamp(), GRACE.total_seconds(), MAX_ATTEMPTS)
        for found in due:
            if not self.scope.owns(found.guild_id):
                continue
            try:
                await self.settle(found)
            except Exception:
                log.exception("guild %s: settling vote round %s failed; retrying later", found.guild_id, found.id)
                continue
            current = await store.get_round(self.db, found.guild_id, found.id)
            if current is None or current.state == "announced":
                settled += 1
        return settled + await self._serve_notices(now)

    async def _serve_notices(self, now: datetime) -> int:
        """Tell the channels of called-off votes what they are owed (a kill or a refusal kept it back)."""
        told = 0
        for owed in await store.notices_due(self.db, self.scope.sql(), now.timestamp(), MAX_ATTEMPTS):
            if not self.scope.owns(owed.guild_id):
                continue
            try:
                async with self._lock(owed.guild_id):
                    current = await store.get_round(self.db, owed.guild_id, owed.id)
                    told += current is not None and await self._tell_called_off(current, look_first=True)
            except Exception:
                log.exception("guild %s: telling that round %s was called off failed", owed.guild_id, owed.id)
        return told

    # ------------------------------------------------------------------------- after the vote

    async def nominee(self, guild_id: int, nomination_id: int) -> Nomination:
        found = await store.get_nomination(self.db, guild_id, nomination_id) if fits_row_id(nomination_id) else None
        if found is None:
            raise UserError("That nomination is gone from this server's records.")
        return found

    async def check_not_in_library(self, guild_id: int, nomination: Nomination) -> None:
        """Refuse adding a title that already became (or always was) a library story."""
        if nomination.story_id is None:
            return
        record = await get_story_record(self.db, guild_id, nomination.story_id)
        if record is not None:
            raise UserError(f"“{escape_markdown(record.title)}” is already in the library {story_id_note(record.id)}.")

    async def add_as_book(
        self,
        guild_id: int,
        nomination_id: int,
        *,
        title: str | None,
        chapters: int,
        author: str | None,
        warnings: str | None,
        user_id: int,
    ) -> BookAdded:
        """The winner (or a tied title) joins the library as a book without a file, once.

        ``author`` None (not asked) is the nomination's own, the author the poll and the result showed;
        a blank one is the admin's choice of none (the form offers the nomination's to keep or clear).
        """
        nomination = await self.nominee(guild_id, nomination_id)
        await self.check_not_in_library(guild_id, nomination)
        writer = nomination.author if author is None else author
        book = await add_book(
            self.db, guild_id, title=title or nomination.title, chapters=chapters, author=writer,
            warnings=warnings, added_by=user_id, now=self._now(),
        )  # fmt: skip
        async with self.db.transaction() as tx:
            await store.link_story(tx, guild_id, nomination_id, book.story_id)
        return book


__all__ = [
    "DEFAULT_HOURS",
    "NO_VOTES",
    "TIE",
    "WINNER",
    "AddButton",
    "Announcement",
    "Board",
    "DiscordRefused",
    "EndedVote",
    "Nominated",
    "NominationService",
    "PollGone",
    "PollState",
    "Poller",
    "PostedPoll",
    "StartedVote",
    "answer_text",
    "answer_texts",
    "byline",
    "choice_names",
    "clean_title",
    "compose",
    "poll_answers",
    "problem_note",
    "title_and_author",
    "title_key",
    "told_apart",
]
