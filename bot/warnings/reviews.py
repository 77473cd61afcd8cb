"""The club correcting its warnings: possible ones offered to admins, and members' reports.

A possible warning (real evidence below the threshold) is shown to admins per chapter until
one confirms it (it then shows on that chapter for everyone, through
:func:`bot.warnings.service.chapter_warnings`) or dismisses it (never offered again). Members
report what detection missed; a report is checked whole before anything is stored, one open
report per member, chapter and warning, at most ``REPORTS_PER_DAY`` a day by the injected clock.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field

from bot.db import Database
from bot.discussions.failures import RETRY_DELAYS
from bot.errors import UserError
from bot.guilds import get_settings
from bot.story.chapters import check_chapter
from bot.story.model import POSSIBLE, HeaderWarning
from bot.story.store import (
    STORY_GONE,
    chapter_after_moves,
    chapters_moved,
    get_story_record,
    place_after_moves,
    resolve_story,
)
from bot.text import escape_markdown, no_such_page, plural, quote_input, read_alike, visible_line
from bot.warnings import store
from bot.warnings.avoided_words import avoided_words, named_category
from bot.warnings.engine import Evidence
from bot.warnings.service import (
    CONFIRMED,
    DISMISSED,
    chapter_warnings,
    chapters_through,
    guild_taxonomy,
    now_or_clock,
    overrides,
    own_warnings,
    require_category,
    resolve_category,
    scan_summary,
    shown_words,
    story_warnings,
)
from bot.warnings.store import Report
from bot.warnings.taxonomy import Taxonomy

MAX_NOTE_CHARS = 300
REPORTS_PER_DAY = 20
DAY_SECONDS = 86_400.0
FIRST_TRY_HOLD = RETRY_DELAYS[0]  # a new report's post is the cog's to try first; the retries wait this long


@dataclass(frozen=True, slots=True)
class PossibleWarning:
    story_id: int
    chapter: int
    id: str
    label: str
    score: float
    evidence: tuple[Evidence, ...] = field(default=())

    @property
    def key(self) -> QueueKey:
        """Where it stands in ``/warnings story``'s list of the story's possible warnings."""
        return QueueKey(STORY_SECTION, self.story_id, self.chapter, self.id)


async def possible_warnings(
    db: Database, guild_id: int, story_id: int, chapter: int | None = None
) -> list[PossibleWarning]:
    """This story's possible warnings (of one ``chapter``, or all) that nobody decided on and no
    header shows yet, by chapter and warning; read from ``possible_warnings``, not the stored scan."""
    if await scan_summary(db, guild_id, story_id) is None:  # a stale scan is made again first
        return []
    taxonomy = await guild_taxonomy(db, guild_id)
    return [_possible(found, taxonomy) for found in await store.undecided_possible(db, guild_id, story_id, chapter)]


def _possible(found: store.PossibleItem, taxonomy: Taxonomy) -> PossibleWarning:
    """A row of ``possible_warnings`` as the story page and the reminders take it."""
    evidence = _evidence(found.chapter, found.evidence)
    return PossibleWarning(
        found.story_id, found.chapter, found.warning_id, taxonomy.label(found.warning_id), found.score, evidence
    )


async def possible_in_chapter(db: Database, guild_id: int, story_id: int, chapter: int) -> list[PossibleWarning]:
    return await possible_warnings(db, guild_id, story_id, chapter)


async def unsettled_in_chapter(db: Database, guild_id: int, story_id: int, chapter: int) -> list[HeaderWarning]:
    """The warnings the chapter may carry that nobody settled (source ``possible``), by id: a
    possible one nobody decided on, or one a member reported that no admin has answered yet.

    A member who avoids a warning *strictly* asked to be told about what is not sure: an open
    report is a member saying the chapter carries it, as unsure until an admin answers as a
    possible warning is, so both count for them alike (reading privately asks them first,
    reminders leave them out); everyone else goes by what the header shows."""
    if await scan_summary(db, guild_id, story_id) is None:  # a stale scan is made again first
        return []
    taxonomy = await guild_taxonomy(db, guild_id)
    found = sorted(warning_id for _, warning_id in await store.unsettled(db, guild_id, story_id, chapter, chapter))
    return [HeaderWarning(warning_id, taxonomy.label(warning_id), POSSIBLE) for warning_id in found]


async def unsettled_on_story(db: Database, guild_id: int, story_id: int) -> set[str]:
    """The warnings some chapter of the story may carry that nobody settled, by id (as
    :func:`unsettled_in_chapter` decides for one chapter): what ``/story info`` says is under review."""
    record = await get_story_record(db, guild_id, story_id)
    if record is None:
        return set()
    return {warning_id for _, warning_id in await store.unsettled(db, guild_id, story_id, 1, record.chapter_count)}


async def chapter_warnings_and_possible(
    db: Database, guild_id: int, story_id: int, chapter: int
) -> list[HeaderWarning]:
    """What the chapter's header shows, then what it may carry that nobody settled (source
    ``possible``, :func:`unsettled_in_chapter`); a discussion post shows only the first kind."""
    shown = await chapter_warnings(db, guild_id, story_id, chapter)
    ids = {warning.id for warning in shown}
    unsettled = await unsettled_in_chapter(db, guild_id, story_id, chapter)
    return shown + [warning for warning in unsettled if warning.id not in ids]


@dataclass(frozen=True, slots=True)
class Carried:
    """Where each warning is in chapters 1 to some chapter: the last chapter whose header shows it
    (``shown``), and the last that may carry it with nobody having settled it (``unsettled``, as
    :func:`unsettled_in_chapter` decides)."""

    shown: dict[str, int]
    unsettled: dict[str, int]
    # What an author or a book's admin warns of that no category matches ("drowning"), as headers
    # show it, with the last chapter whose header names it: a member may avoid it by its words.
    words: dict[str, int] = field(default_factory=dict)
    # The server's categories: avoided words a category was created for later avoid it too, and a
    # category is avoided where a header names it in an author's words (bot.warnings.avoided_words).
    taxonomy: Taxonomy | None = None
    # Of ``words``, the categories they name (one created for them since), with the last chapter naming each.
    named: dict[str, int] = field(init=False, default_factory=dict)
    # ``words`` folded once, spaced for whole-word matching (:func:`bot.warnings.avoided_words.matches`), and per key asked,
    # the last chapter showing it: a reminder asks :meth:`ahead` of every avoider, thousands of
    # members sharing a few keys, and working each out again per member (every word folded, the
    # categories searched) held the event loop for seconds in a big club.
    _folded: list[tuple[str, int]] = field(init=False, default_factory=list, repr=False, compare=False)
    _last: dict[str, int] = field(init=False, default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._folded.extend((f" {read_alike(said)} ", chapter) for said, chapter in self.words.items())
        if self.taxonomy is None:
            return
        for said, chapter in self.words.items():
            if (category := named_category(said, self.taxonomy)) is not None:
                self.named[category] = max(self.named.get(category, 0), chapter)

    def ahead(self, warning_id: str, after: int, *, strict: bool) -> bool:
        """Whether a chapter past ``after`` shows the warning (or words a member avoids,
        ``words:...``), or for a strict avoider may carry it."""
        last = self._last.get(warning_id)
        if last is None:
            last = self._last[warning_id] = self._last_shown(warning_id)
        if strict:
            last = max(last, self.unsettled.get(warning_id, 0))
        return last > after

    def _last_shown(self, warning_id: str) -> int:
        """The last chapter whose header shows the warning, or names words a ``words:...`` key avoids
        (:func:`bot.warnings.avoided_words.matches`, on the words folded once) or the category created for them since."""
        last = max(self.shown.get(warning_id, 0), self.named.get(warning_id, 0))
        if (avoided := avoided_words(warning_id)) is not None:
            spaced = f" {avoided} "
            last = max((chapter for folded, chapter in self._folded if spaced in folded), default=0)
            category = named_category(avoided, self.taxonomy) if self.taxonomy is not None else None
            if category is not None:
                last = max(last, self.shown.get(category, 0))
        return last

    @property
    def ids(self) -> set[str]:
        return {*self.shown, *self.unsettled, *self.named}


async def carried_through(db: Database, guild_id: int, story_id: int, upto: int) -> Carried:
    """:class:`Carried` for chapters 1 to ``upto``, in a few reads however many chapters the story has
    (the merge is :func:`bot.warnings.service.chapters_through`, the one every header is shown by)."""
    shown: dict[str, int] = {}
    for number, warnings in sorted((await chapters_through(db, guild_id, story_id, upto)).items()):
        shown.update((warning.id, number) for warning in warnings)
    unsettled: dict[str, int] = {}
    if upto >= 1:
        for number, warning_id in sorted(await store.unsettled(db, guild_id, story_id, 1, upto)):
            unsettled[warning_id] = number
    report = await scan_summary(db, guild_id, story_id) if upto >= 1 else None
    words: dict[str, int] = {}
    if report is not None:
        for said in shown_words(report, None):
            # The story's words show on every chapter, a chapter's note's on the chapters it gave them for.
            given = report.unmapped_chapters.get(said)
            last = upto if given is None else max((n for n in given if n <= upto), default=0)
            if last:
                words[said] = last
    return Carried(shown, unsettled, words, await guild_taxonomy(db, guild_id))


@dataclass(frozen=True, slots=True)
class Decided:
    """An admin's decision on one chapter's warning: the chapter as numbered now (a ``/story update``
    may have moved the one the admin saw), the open reports it closed, and whether the chapter had
    that decision already (a second press, another admin's): the answer says so, not "Confirmed"."""

    chapter: int
    closed: int
    already: bool = False


def taken_out_text(title: str, chapter: int, *, note: bool) -> str:
    """A decision on a chapter a ``/story update`` took out of the story (or made a note) since the
    button was shown: the chapter now holding its number is another one, so nothing is stored."""
    now = "is one of the story's notes now" if note else "was taken out of the story"
    return (
        f"Since this was shown, `/story update` changed **{escape_markdown(title)}**: chapter {chapter} {now}, "
        "so nothing was stored. `/warnings review` lists what is left to decide."
    )


async def chapter_now(db: Database, guild_id: int, story_id: int, chapter: int, moved: int | None) -> int:
    """The chapter a Confirm or Dismiss button names (``chapter`` when the story's chapters had made
    ``moved`` moves), as numbered now: a ``/story update`` that added a prologue or took a chapter
    out moved it (:func:`bot.story.store.chapter_after_moves`). A chapter taken out since, or a
    note now, is refused saying so. ``moved`` None: a button made before buttons carried the count,
    taken as made at the current count (as they always were)."""
    if moved is None:
        return chapter
    now = await chapter_after_moves(db, guild_id, story_id, chapter, moved)
    if now is None or now < 1:
        record = await get_story_record(db, guild_id, story_id)
        raise UserError(STORY_GONE if record is None else taken_out_text(record.title, chapter, note=now is not None))
    return now


async def _decide(
    db: Database,
    guild_id: int,
    story_id: int,
    chapter: int,
    warning_id: str,
    decision: str,
    user_id: int | None,
    now: float | None,
    moved: int | None,
) -> Decided:
    warning_id = warning_id.strip().lower()
    stamp = now_or_clock(now)
    # The chapter is mapped and checked inside the write: a /story update committed after the mapping
    # would have the decision stored on the chapter that took the number since.
    async with db.transaction() as tx:
        chapter = await chapter_now(db, guild_id, story_id, chapter, moved)
        record = await get_story_record(db, guild_id, story_id)
        if record is None:
            raise UserError(STORY_GONE)
        if chapter > record.chapter_count:
            # A button posted before a /story update took the chapter down: the decision would be
            # stored for text nobody can read. Its reports stay open in case the chapter comes back.
            raise UserError(
                f"**{escape_markdown(record.title)}** has {plural(record.chapter_count, 'chapter')} now: "
                f"chapter {chapter} was taken down by `/story update`, so there is nothing to decide there."
            )
        # The chapter rides in a button's custom id, which a modified client can forge.
        check_chapter(chapter, record.chapter_count, record.title)
        await require_category(db, guild_id, warning_id)
        changed = await store.upsert_review(tx, guild_id, story_id, chapter, warning_id, decision, user_id, stamp)
        closed = await store.close_reports(tx, guild_id, story_id, chapter, warning_id, decision, user_id, stamp)
    return Decided(chapter, closed, already=not changed)


async def settled_report(db: Database, guild_id: int, report_id: int) -> Report | None:
    """The report when an admin has decided it already, None while it is open (or gone).

    Its post in the moderation channel keeps its buttons when the decision was made elsewhere
    (``/warnings review``, ``/warnings story``, another report's post): a press there must not
    quietly undo that decision, so the button asks this first."""
    report = await store.get_report(db, guild_id, report_id)
    return report if report is not None and report.status != "open" else None


async def confirm_warning(
    db: Database,
    guild_id: int,
    story_id: int,
    chapter: int,
    warning_id: str,
    *,
    user_id: int | None = None,
    now: float | None = None,
    moved: int | None = None,
) -> Decided:
    """Show the warning on that chapter for everyone; closes its open reports (and says how many).
    ``moved``: how many moves the story's chapters had made when the button was shown (``chapter_now``)."""
    return await _decide(db, guild_id, story_id, chapter, warning_id, CONFIRMED, user_id, now, moved)


async def dismiss_warning(
    db: Database,
    guild_id: int,
    story_id: int,
    chapter: int,
    warning_id: str,
    *,
    user_id: int | None = None,
    now: float | None = None,
    moved: int | None = None,
) -> Decided:
    """Stop offering the warning for that chapter; closes its open reports (and says how many)."""
    return await _decide(db, guild_id, story_id, chapter, warning_id, DISMISSED, user_id, now, moved)


@dataclass(frozen=True, slots=True)
class NewReport:
    report: Report
    story_title: str
    label: str
    mod_channel_id: int | None = None  # where the server's moderators read reports, if it set one
    moved: int = 0  # how many moves the story's chapters had made when the report's chapter was read


async def report_warning(
    db: Database,
    guild_id: int,
    reporter_id: int,
    *,
    story: str,
    chapter: int,
    warning: str,
    note: str = "",
    now: float | None = None,
) -> NewReport:
    """A member's report that a chapter has a warning; checked whole before anything is stored."""
    record = await resolve_story(db, guild_id, story)
    check_chapter(chapter, record.chapter_count, record.title)
    if not visible_line(warning):
        raise UserError("Pick the warning from the list, or see `/warnings categories`.")
    taxonomy = await guild_taxonomy(db, guild_id)
    found = taxonomy.find(warning)
    if found is None:
        raise UserError(
            f"There is no warning {quote_input(warning, 60)} here; pick one from the list."
            + taxonomy.did_you_mean(warning)
        )
    warning_id = found.id
    if warning_id in {shown.id for shown in await chapter_warnings(db, guild_id, record.id, chapter)}:
        # Nothing for the admins to decide: a report would only sit in their review queue.
        raise UserError(
            f"Chapter {chapter} of **{escape_markdown(record.title)}** already shows "
            f"**{escape_markdown(taxonomy.label(warning_id))}** to everyone; nothing was sent."
        )
    note = visible_line(note)  # posted to the moderation channel: nothing that hides or turns text around
    if len(note) > MAX_NOTE_CHARS:
        raise UserError(f"Keep the note to {MAX_NOTE_CHARS} characters (it has {len(note)}).")
    stamp = now_or_clock(now)
    mod_channel_id = (await get_settings(db, guild_id)).mod_channel_id
    async with db.transaction() as tx:
        if await store.open_report_of(tx, guild_id, record.id, chapter, warning_id, reporter_id):
            raise UserError("You already reported that warning for this chapter; an admin will look at it.")
        if await store.reports_since(tx, guild_id, reporter_id, stamp - DAY_SECONDS) >= REPORTS_PER_DAY:
            raise UserError(f"You have sent {REPORTS_PER_DAY} reports today, the daily limit. Try again tomorrow.")
        report_id = await store.insert_report(tx, guild_id, record.id, chapter, warning_id, reporter_id, note, stamp)
        moved = await chapters_moved(db, guild_id, record.id)  # read in the write: no move comes between
        if mod_channel_id is not None:  # owed in the same write: a kill before the post leaves it to the retries
            await store.owe_report_post(tx, guild_id, report_id, stamp + FIRST_TRY_HOLD.total_seconds())
    report = Report(report_id, record.id, chapter, warning_id, reporter_id, note, "open", stamp)
    return NewReport(report, record.title, taxonomy.label(warning_id), mod_channel_id, moved)


async def report_to_post(db: Database, guild_id: int, report_id: int) -> NewReport | None:
    """A stored report as the moderation channel shows it; None once it is decided (or gone) or the
    server has no moderation channel any more: there is nothing left to post."""
    report = await store.get_report(db, guild_id, report_id)
    mod_channel_id = (await get_settings(db, guild_id)).mod_channel_id
    if report is None or report.status != "open" or mod_channel_id is None:
        return None
    record = await get_story_record(db, guild_id, report.story_id)
    if record is None:
        return None
    taxonomy = await guild_taxonomy(db, guild_id)
    moved = await chapters_moved(db, guild_id, report.story_id)  # its buttons carry it with the chapter
    return NewReport(report, record.title, taxonomy.label(report.warning_id), mod_channel_id, moved)


REPORTS, POSSIBLE_SECTION = "r", "p"  # the queue's two parts, in this order
STORY_SECTION = "s"  # one story's possible warnings, as /warnings story pages them
PER_PAGE = 4  # items on a review page: four rows of Confirm/Dismiss, the fifth for paging
MAX_REVIEW_DEPTH = 2_000  # how far into the queue a page may start (a page option or a press)


@dataclass(frozen=True, slots=True)
class QueueKey:
    """Where an item stands in the review queue, carried by the paging buttons.

    Open reports come first, by their group's first report id (``first``); then possible
    warnings by story id (``first``), chapter and warning. A key stays meaningful after items
    before it are decided, which a page number does not: paging by key never skips an item.
    ``/warnings story`` keys its list the same way in ``STORY_SECTION``: the story (``first``),
    chapter and warning, chapter 0 standing for the story's start (its summary, then its list).
    ``moved``: how many moves the story's chapters had made when a possible warning's key was read
    (None: a key of a report, of a story's start, or of a button from before keys carried it), so a
    press after ``/story update`` moved the chapters goes on from the same place (:func:`key_now`).
    """

    section: str
    first: int
    chapter: int = 0
    warning_id: str = ""
    moved: int | None = None


PAST_CHAPTER = "~"  # a key's warning after every warning id ([a-z0-9-]): the place after a whole chapter


async def key_now(db: Database, guild_id: int, key: QueueKey) -> QueueKey:
    """A paging key as the list stands now: its chapter mapped through the moves made since the key
    was read (:func:`bot.story.store.place_after_moves`), so Previous, Show again and Next from a page
    shown before ``/story update`` moved the chapters neither skip nor repeat an item. A chapter taken
    out since (or a note now) goes on from where it was: after the chapter before it."""
    if key.moved is None or key.section == REPORTS or key.chapter < 1:
        return key
    place, kept = await place_after_moves(db, guild_id, key.first, key.chapter, key.moved)
    return QueueKey(key.section, key.first, place, key.warning_id if kept else PAST_CHAPTER)


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """One thing for an admin to decide: a chapter and warning, with the reports and evidence behind it."""

    story_id: int
    story_title: str
    chapter: int
    warning_id: str
    label: str
    reports: int = 0
    notes: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    key: QueueKey | None = None
    moved: int = 0  # how many moves the story's chapters had made when ``chapter`` was read (its buttons carry it)


@dataclass(frozen=True, slots=True)
class ReviewSlice:
    """Items of the queue from position ``start`` (0-based), and how many wait in all."""

    items: list[ReviewItem]
    start: int
    total: int


async def review_slice(
    db: Database, guild_id: int, *, page: int | None = None, key: QueueKey | None = None, mode: str = "f"
) -> ReviewSlice:
    """Up to ``PER_PAGE`` items (and one more, so a page knows whether another follows): page
    ``page`` of the queue, or the items from ``key`` (``mode`` ``f``), after it (``a``) or before it
    (``b``). Read in SQL, a page at a time: no stored scan is decoded to find a page; in one
    snapshot, so the chapters shown and the move count their buttons carry agree though
    ``/story update`` runs meanwhile.

    A page number past the end is refused; a key past the end (its items decided meanwhile)
    shows the last items, so a press after deciding the last page still shows what is left.
    """
    async with db.snapshot():  # the key's chapter, the items' chapters and their move counts agree
        total = await store.count_report_groups(db, guild_id) + await store.count_possible(db, guild_id)
        if key is None:
            position = numbered_start(page or 1, total)
        else:
            key = await key_now(db, guild_id, key)
            position = keyed_start(await _position(db, guild_id, key, inclusive=mode == "a"), mode, total)
        if position >= MAX_REVIEW_DEPTH:
            raise UserError(
                f"The review list shows its first {MAX_REVIEW_DEPTH:,} items; decide some of them and the rest move up."
            )
        return ReviewSlice(await _read_items(db, guild_id, position, PER_PAGE + 1), position, total)


def numbered_start(page: int, total: int) -> int:
    """Where page ``page`` of a keyed list of ``total`` items starts (``PER_PAGE`` a page); one past
    the end is refused. Only an approximate jump when a page shows fewer than ``PER_PAGE`` items
    (long ones): the paging buttons, which go by key, are what never skip."""
    position = (max(page, 1) - 1) * PER_PAGE
    if position and position >= total:
        raise no_such_page(max(1, -(-total // PER_PAGE)))
    return position


def keyed_start(before: int, mode: str, total: int) -> int:
    """Where the page a paging button asks for starts, when ``before`` items precede its key (the
    key's own item counted for ``a``, Next): from there, or a page earlier (``b``). A key past the
    end (its items decided meanwhile) gives the last items, so a press still shows what is left."""
    position = max(0, before - PER_PAGE) if mode == "b" else before
    return max(0, min(position, total - PER_PAGE)) if position >= total else position


async def _position(db: Database, guild_id: int, key: QueueKey, *, inclusive: bool) -> int:
    """How many items wait before ``key`` (``inclusive``: before it and itself)."""
    if key.section == REPORTS:
        return await store.count_report_groups(db, guild_id, below=key.first + inclusive)
    groups = await store.count_report_groups(db, guild_id)
    below = (key.first, key.chapter, key.warning_id)
    return groups + await store.count_possible(db, guild_id, below=below, inclusive=inclusive)


async def _read_items(db: Database, guild_id: int, position: int, count: int) -> list[ReviewItem]:
    """``count`` items from ``position``: open reports (grouped by chapter and warning) first, then
    possible warnings. Reports on chapters a ``/story update`` took down are left out."""
    taxonomy = await guild_taxonomy(db, guild_id)
    groups = await store.open_report_groups(db, guild_id, limit=count, offset=position)
    items: list[ReviewItem] = []
    for group in groups:
        record = await get_story_record(db, guild_id, group.story_id)
        items.append(
            ReviewItem(
                group.story_id,
                record.title if record else f"story {group.story_id}",
                group.chapter,
                group.warning_id,
                taxonomy.label(group.warning_id),
                group.reports,
                group.notes,
                key=QueueKey(REPORTS, group.first),
            )
        )
    if len(items) < count:
        skip = max(0, position - await store.count_report_groups(db, guild_id))
        for found in await store.waiting_possible(db, guild_id, limit=count - len(items), offset=skip):
            items.append(
                ReviewItem(
                    found.story_id,
                    found.story_title,
                    found.chapter,
                    found.warning_id,
                    taxonomy.label(found.warning_id),
                    evidence=_evidence(found.chapter, found.evidence),
                    key=QueueKey(POSSIBLE_SECTION, found.story_id, found.chapter, found.warning_id),
                )
            )
    moved = {story_id: await chapters_moved(db, guild_id, story_id) for story_id in {item.story_id for item in items}}
    return [_moved(item, moved[item.story_id]) for item in items]


def _moved(item: ReviewItem, moved: int) -> ReviewItem:
    """The item with its story's move count, on its buttons and on a possible warning's paging key."""
    key = item.key
    if key is not None and key.section == POSSIBLE_SECTION:
        key = dataclasses.replace(key, moved=moved)
    return dataclasses.replace(item, moved=moved, key=key)


def _evidence(chapter: int, stored: str) -> tuple[Evidence, ...]:
    """Evidence as ``possible_warnings`` stores it: a short JSON list of paragraphs and their text."""
    return tuple(Evidence(chapter, int(e["paragraph"]), str(e["text"])) for e in json.loads(stored)[:2])


@dataclass(frozen=True, slots=True)
class StoryOverview:
    """``/warnings story``: what members see, what admins hid, and one page of what waits for a decision.

    ``possible`` holds the page's possible warnings from position ``start`` (0-based, by chapter and
    warning; one more than a page, so the page knows whether another follows) of ``total``;
    ``from_start``: the page is the story's first, which shows the summary above its list.
    """

    story_id: int
    title: str
    changed: list[tuple[str, str]]  # (action, warning id) written by this call
    warnings: list[HeaderWarning]
    hidden: list[str]
    possible: list[PossibleWarning]
    labels: dict[str, str] = field(default_factory=dict)  # the label of each id in ``changed`` and ``hidden``
    start: int = 0
    total: int = 0
    from_start: bool = True
    reported: int = 0  # chapters and warnings of the story with open reports: items of /warnings review
    already: list[tuple[str, str]] = field(default_factory=list)  # (action, warning id) asked for and already so
    shown: list[str] = field(default_factory=list)  # warning ids asked to be added that every chapter already shows
    moved: int = 0  # how many moves the story's chapters had made when ``possible`` was read (its buttons carry it)

    @property
    def start_key(self) -> QueueKey:
        """The key of the story's first page (summary included): what its "Show again" carries."""
        return QueueKey(STORY_SECTION, self.story_id)

    def key_of(self, item: PossibleWarning) -> QueueKey:
        """Where ``item`` stands in the story's list, with the move count its chapter was read at."""
        return dataclasses.replace(item.key, moved=self.moved)


async def story_overview(
    db: Database,
    guild_id: int,
    story: str,
    *,
    add: str | None = None,
    remove: str | None = None,
    user_id: int | None = None,
    now: float | None = None,
    page: int = 1,
) -> StoryOverview:
    """One story's warnings, after adding or removing story overrides (both checked, then written
    together), with page ``page`` of its possible warnings (a page past the end is refused)."""
    record = await resolve_story(db, guild_id, story)
    # Each by its id, label or what authors call it ("MCD"), as /warnings categories lists them.
    changes = [
        (action, await resolve_category(db, guild_id, value[:60]))
        for action, value in (("add", add), ("remove", remove))
        if value
    ]
    if len(changes) == 2 and changes[0][1] == changes[1][1]:
        raise UserError("Choose either `add` or `remove` for one warning, not both.")
    await scan_summary(db, guild_id, record.id)  # a stale scan is made again before its rows are counted
    start = numbered_start(page, await store.count_story_possible(db, guild_id, record.id))  # refused before writing
    shown = await _shown_everywhere(db, guild_id, record.id, record.chapter_count, changes)
    written: list[tuple[str, str]] = []
    if changes:
        stamp = now_or_clock(now)
        async with db.transaction() as tx:
            for action, warning_id in changes:
                if warning_id in shown and action == "add":
                    continue
                if await store.upsert_override(tx, guild_id, record.id, warning_id, action, user_id, stamp):
                    written.append((action, warning_id))
    # A double press, or set before; one every chapter shows is said apart.
    already = [change for change in changes if change not in written and change[1] not in shown]
    return await _overview(db, guild_id, record.id, record.title, written, start, already=already, shown=shown)


async def _shown_everywhere(
    db: Database, guild_id: int, story_id: int, chapters: int, changes: list[tuple[str, str]]
) -> list[str]:
    """Of the warnings ``changes`` adds, those every chapter's header shows already (the author declared
    them for the story, or each chapter's text shows them): adding one would change no header and only
    relabel it "added by an admin", so it is answered as already shown and nothing is written. One an
    admin added before is left to the write (answered "already added"); one shown on some chapters
    only is added (every chapter shows it then), and a possible one is added as confirming it would."""
    adding = [warning_id for action, warning_id in changes if action == "add"]
    if not adding or chapters < 1:
        return []
    story_overrides = await overrides(db, guild_id, story_id)
    adding = [warning_id for warning_id in adding if story_overrides.get(warning_id) != "add"]
    if not adding:
        return []
    every, own = await own_warnings(db, guild_id, story_id, chapters)
    everywhere = {warning.id for warning in every}
    if len(own) == chapters:  # each chapter has warnings of its own: those all of them show
        each = [{warning.id for warning in warnings} for warnings in own.values()]
        everywhere |= set.intersection(*each)
    return [warning_id for warning_id in adding if warning_id in everywhere]


async def story_page(db: Database, guild_id: int, key: QueueKey, mode: str) -> StoryOverview:
    """The ``/warnings story`` page a paging button asks for, or the page a decision was made on,
    read again: from ``key`` (``f``), after it (``a``) or a page before it (``b``). Counted and read
    in SQL, a page at a time, like :func:`review_slice`: no press decodes the stored scan.

    The key rides in a custom id a modified client can forge: its story is looked up in this
    server only, and any chapter and warning just fall somewhere in the order.
    """
    record = await get_story_record(db, guild_id, key.first)
    if record is None:
        raise UserError(STORY_GONE)
    await scan_summary(db, guild_id, record.id)  # a stale scan is made again before its rows are counted
    return await _overview(db, guild_id, record.id, record.title, [], key=key, mode=mode)


async def _overview(
    db: Database,
    guild_id: int,
    story_id: int,
    title: str,
    changes: list[tuple[str, str]],
    start: int = 0,
    *,
    key: QueueKey | None = None,
    mode: str = "f",
    already: list[tuple[str, str]] | None = None,
    shown: list[str] | None = None,
) -> StoryOverview:
    """The page from position ``start`` (or from a paging ``key``, :func:`story_page`) of the story's
    possible warnings still waiting: the ones ``/warnings review`` lists as possible warnings (one
    with an open report is a report item there, and is counted on the first page as waiting in the
    review). Where the page starts, its items and the move count their buttons carry are read in one
    snapshot: a ``/story update`` meanwhile cannot pair chapters of one numbering with the other's count."""
    already = already or []
    shown = shown or []
    story_overrides = await overrides(db, guild_id, story_id)
    hidden = [warning_id for warning_id, action in story_overrides.items() if action == "remove"]
    taxonomy = await guild_taxonomy(db, guild_id)
    from_start = start == 0
    async with db.snapshot():
        total = await store.count_story_possible(db, guild_id, story_id)
        if key is not None:
            key = await key_now(db, guild_id, key)
            keyed = (key.chapter, key.warning_id)
            before = await store.count_story_possible(db, guild_id, story_id, below=keyed, inclusive=mode == "a")
            start = keyed_start(before, mode, total)
            # The story's first page shows the summary: asked for by its own key, or Previous reaching
            # it. Next from a first page that had no room for any item (``a`` after the start) shows the
            # list alone.
            from_start = start == 0 and ((key.chapter == 0 and mode == "f") or mode == "b")
        page = await store.story_waiting_possible(db, guild_id, story_id, limit=PER_PAGE + 1, offset=start)
        moved = await chapters_moved(db, guild_id, story_id)
        reported = await store.open_reported_on_story(db, guild_id, story_id)
    return StoryOverview(
        story_id,
        title,
        changes,
        await story_warnings(db, guild_id, story_id),
        hidden,
        [_possible(found, taxonomy) for found in page],
        {
            warning_id: taxonomy.label(warning_id)
            for warning_id in [*hidden, *(wid for _, wid in changes + already), *shown]
        },
        start,
        total,
        from_start,
        reported,
        already,
        shown,
        moved,
    )
