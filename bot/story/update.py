"""``/story update``: a new version of a story the club is reading, under the same id.

Most stories a club reads are works in progress: a chapter appears each week and the admin
downloads the file again. Removing the story and adding it again would lose everything kept
by its id (progress, discussions, excerpt posts, warning decisions and reports), so the new
file replaces the story's text in place:

- the file goes through the import of ``/story add`` (same worker, limits and scan);
- the chapters and the author's metadata (author, summary, rating, tags, declared warnings)
  are replaced from the file in one transaction with the new scan; whatever is keyed by a
  chapter number elsewhere stays on its chapter (below), but for an admin's dismissal of a possible warning on a
  changed or new chapter: it judged text that is gone, so the new text's evidence is offered again
  (and asks members who avoid it strictly) instead of being hidden by it;
- the title stays the one the library knows (an admin may have chosen it at ``/story add``,
  and members know the story by it) unless ``title:`` gives another; the file's title is
  used to tell whether it is the same story;
- a file with fewer chapters, or one that neither has the story's title nor keeps half of its
  text, is refused unless ``replace_anyway``: most likely it is the wrong file;
- when chapters go, members past the new last chapter are set back to it, and discussions of
  chapters past it are named in the answer (they still post unless cancelled; ``/discussion move``
  refuses them, there being no chapter to discuss at another time);
- chapters are paired by what they say (bot.story.changes): when the author added a prologue or
  a chapter in the middle, or took one out ("Author's note: on hiatus"), or the story was imported
  when a dedication before chapter 1 was read as a chapter (now among the new file's notes),
  everything keyed by chapter number (progress, discussions, posts, reviews and reports) moves
  with its chapter in the same transaction, so the club's "chapter 3" is still the chapter it read.
  A member's place moves with the chapter they had reached: one past a new chapter counts it as
  read (their place is one number, and setting them back before it would lose where they are), and
  the admin is told how many to tell. A chapter gone from the middle (or now a note) takes its
  reviews, reports and post records with it, and its pending discussions are cancelled and named;
  its readers are at the chapter before it. A chapter taken out after the last one kept is a
  chapter taken down, as below;
- the same text is taken when the author's metadata, chapter notes or chapter warnings changed
  (they are not in the text's hash), and refused as "nothing changed" otherwise.

A book without a file (bot/story/books.py) is updated by its chapter count, the same way.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace

import aiosqlite

from bot.db import Database
from bot.discussions.store import NOW_A_NOTE, TAKEN_OUT, pending_past, renumber_discussions
from bot.errors import UserError
from bot.excerpts.model import unrecorded_stops
from bot.excerpts.store import ChapterBusy, renumber_post_jobs
from bot.progress.store import clamp_progress, members_past, renumber_progress
from bot.story.books import book_hash, book_story, check_chapters, clean_title
from bot.story.changes import SAME_STORY_SHARE, ChapterChanges, DeclaredChange, compare_chapters, same_title
from bot.story.chapters import chapter_list, chapter_ranges, unread_chapters
from bot.story.limits import DEFAULT_MAX_CHAPTERS, MAX_TITLE_CHARS
from bot.story.model import Story, story_id_note
from bot.story.render import every_warning_in
from bot.story.service import PARSE_SECONDS, read_upload, scan_upload
from bot.story.store import DuplicateStory, StoryRecord, find_by_hash, replace_story, resolve_story, stored_chapters
from bot.story.tidy import one_line
from bot.text import and_list, clip_lines, count_word, escape_markdown, plural, quote_input, sentence
from bot.warnings.engine import ScanReport
from bot.warnings.service import declared_ids, save_scan, stored_scan, versioned_scan
from bot.warnings.store import forget_dismissals, renumber_chapter_decisions
from bot.worker import Workers

ANYWAY = "`replace_anyway:True`"
PAST_THE_END_NAMED = 10  # discussions past the end named in the answer; /discussion list has every one


@dataclass(frozen=True, slots=True)
class NewWarning:
    """A warning the story did not have on these chapters before the update."""

    label: str
    possible: bool
    chapters: list[int]


@dataclass(frozen=True, slots=True)
class StoryUpdated:
    story_id: int
    title: str
    file_title: str | None  # the file's own title, when it is not the one the library keeps
    has_text: bool
    changes: ChapterChanges
    words: int
    new_warnings: list[NewWarning]
    newly_declared: list[str]  # labels of warnings the author declares now and did not before
    not_english: list[int]  # changed or new chapters not read for warnings
    set_back: int  # members who were past the new last chapter
    past_the_end: list[int]  # ids of pending discussions of chapters the story no longer has
    first_text: bool = False  # a book the club read elsewhere that now has its file
    now_a_note: list[int] = field(default_factory=list)  # ids of discussions cancelled: their chapter is a note now
    taken_out: list[int] = field(default_factory=list)  # ids of discussions cancelled: their chapter was taken out
    past_new: int = 0  # members whose place is past a chapter added before the old last one

    @property
    def chapters(self) -> int:
        return len(self.changes.unchanged) + len(self.changes.changed) + len(self.changes.added)


async def update_story(
    db: Database,
    workers: Workers,
    guild_id: int,
    story: str,
    *,
    upload: tuple[str, bytes] | None,
    chapters: int | None,
    title: str | None,
    replace_anyway: bool,
    now: float,
    max_bytes: int,
    max_chapters: int = DEFAULT_MAX_CHAPTERS,
) -> StoryUpdated:
    """The whole of ``/story update`` below the cog: a new file for an imported story, or a new
    chapter count for a book without a file. Raises :class:`UserError` with what to fix, having
    changed nothing."""
    if upload is not None and chapters is not None:  # said as given: "one of the two" read as if neither was
        raise UserError(
            "You gave both a file and `chapters:`; give one: the file for a story imported from one (its chapters "
            "come from the file), or `chapters:` alone for a book the club reads elsewhere. Nothing changed."
        )
    if upload is None and chapters is None:
        raise UserError(
            "Attach the new version of the story file, or give `chapters:` with the new chapter count of a book "
            "the club reads elsewhere; one of the two."
        )
    record = await resolve_story(db, guild_id, story)
    if upload is None:
        return await _update_book(db, guild_id, record, chapters, title=title, replace_anyway=replace_anyway, now=now)
    filename, data = upload
    return await _update_file(
        db, workers, guild_id, record, filename, data, title=title, replace_anyway=replace_anyway, now=now,
        max_bytes=max_bytes, max_chapters=max_chapters,
    )  # fmt: skip


async def _update_file(
    db: Database, workers: Workers, guild_id: int, record: StoryRecord, filename: str, data: bytes, *,
    title: str | None, replace_anyway: bool, now: float, max_bytes: int, max_chapters: int,
) -> StoryUpdated:  # fmt: skip
    """Read and compare the new file, refuse the wrong one, scan it, and store it in place.

    A book the club read elsewhere takes its file the same way: its chapters had no text, so they
    all read as changed, and the title check guards against the wrong file.
    """
    parsed = await read_upload(workers, data, filename, max_bytes=max_bytes, max_chapters=max_chapters)
    existing = await find_by_hash(db, guild_id, parsed.content_hash)
    if existing is not None and existing.id != record.id:
        raise DuplicateStory(existing.id, existing.title, outcome="nothing was changed")
    stored = await stored_chapters(db, guild_id, record.id)
    changes = await workers.run(
        "Comparing the chapters", compare_chapters, stored, parsed.story, time_limit=PARSE_SECONDS
    )
    new = parsed.story
    if parsed.content_hash == record.content_hash and _says_the_same(record, new, changes):
        raise UserError(f"This file holds the text **{escape_markdown(record.title)}** already has; nothing changed.")
    file_title = new.meta.title
    if not replace_anyway:
        check_same_story(record, file_title, changes)
    chosen = one_line(title, MAX_TITLE_CHARS)
    new.meta.title = chosen or record.title
    old_report = await stored_scan(db, guild_id, record.id)
    report, version = await scan_upload(db, workers, guild_id, new)
    touched = set(changes.changed) | set(changes.added)
    done = await _replace(
        db, guild_id, record, new, parsed.content_hash, report, version=version, now=now, changes=changes,
        rewritten=touched,
    )  # fmt: skip
    return StoryUpdated(
        story_id=record.id,
        title=new.meta.title,
        file_title=None if chosen or same_title(file_title, new.meta.title) else file_title,
        has_text=True,
        changes=changes,
        first_text=not record.has_text,
        words=new.words,
        new_warnings=new_warnings(old_report, report, touched, done.reopened),
        newly_declared=_newly_declared(old_report, report),
        not_english=[c.number for c in report.chapters if c.number in touched and not c.english],
        set_back=done.set_back,
        past_the_end=done.past_the_end,
        now_a_note=done.now_a_note,
        taken_out=done.taken_out,
        past_new=done.past_new,
    )


def _says_the_same(record: StoryRecord, new: Story, changes: ChapterChanges) -> bool:
    """The file's text is the stored one (its hash is): is everything else it says the same too?
    The author's metadata, chapter notes and chapter warnings are not in the hash, and a new
    "CW for this chapter" in the same text is a change the club must get."""
    if changes.declared or changes.notes_changed:
        return False
    return replace(record.story_meta(), title="") == replace(new.meta, title="")


def check_same_story(record: StoryRecord, file_title: str | None, changes: ChapterChanges) -> None:
    """Refuse a file that is most likely the wrong one, saying why and how to take it anyway."""
    before = len(changes.unchanged) + len(changes.changed) + len(changes.removed)
    after = before - len(changes.removed) + len(changes.added)
    name = f"**{escape_markdown(record.title)}**"
    taken_out = _taken_out(changes)
    if after < before and taken_out:
        one = len(taken_out) == 1
        raise UserError(
            f"The new version has {plural(after, 'chapter')}; {name} has {before}, and {_label(taken_out)} "
            f"{'is' if one else 'are'} not in it. Nothing was changed. If {'it was' if one else 'they were'} really "
            f"taken out, run `/story update` again with {ANYWAY}: {'its' if one else 'their'} scheduled "
            "discussions are cancelled, and the chapters after move down with the club's progress, discussions "
            "and warning decisions."
        )
    if after < before:
        raise UserError(
            f"The new version has {plural(after, 'chapter')}; {name} has {before}. Nothing was changed. "
            f"If chapters were really taken down, run `/story update` again with {ANYWAY}: members past "
            f"chapter {after} are set back to it, and discussions of later chapters still post unless you cancel "
            "them."
        )
    share = changes.kept_share
    if (
        file_title is not None
        and not same_title(file_title, record.title)
        and (share is None or share < SAME_STORY_SHARE)
    ):
        kept = "" if share is None else f" and keeps {share:.0%} of its text"
        raise UserError(
            f"This file does not look like {name}: it is titled {quote_input(file_title)}{kept}. Nothing was changed. "
            f"Check that you picked the right story and file; if it is a new version, run `/story update` again "
            f"with {ANYWAY}."
        )


async def _update_book(
    db: Database, guild_id: int, record: StoryRecord, chapters: int | None, *, title: str | None,
    replace_anyway: bool, now: float,
) -> StoryUpdated:  # fmt: skip
    """A book without a file gets a new chapter count (and, with ``title:``, a new title)."""
    name = f"**{escape_markdown(record.title)}**"
    if record.has_text:
        raise UserError(
            f"{name} was imported from a file: attach the new version of the file; `chapters:` is for a book "
            "the club reads elsewhere."
        )
    count = check_chapters(chapters)
    before = record.chapter_count
    clean = clean_title(title) if title else record.title
    if count == before and clean == record.title:
        raise UserError(f"{name} already has {plural(count, 'chapter')}; nothing changed.")
    changes = ChapterChanges(
        list(range(1, min(before, count) + 1)), [], list(range(before + 1, count + 1)),
        list(range(count + 1, before + 1)), None,
    )  # fmt: skip
    if not replace_anyway:
        check_same_story(record, None, changes)
    story = book_story(clean, record.author, count, record.declared_warnings)
    report, version = await versioned_scan(db, guild_id, story)  # the declared warnings, mapped
    done = await _replace(
        db, guild_id, record, story, book_hash(clean, record.author), report, version=version, now=now
    )
    return StoryUpdated(record.id, clean, None, False, changes, 0, [], [], [], done.set_back, done.past_the_end)


@dataclass(frozen=True, slots=True)
class _Replaced:
    set_back: int  # members past the new last chapter, set back to it
    past_the_end: list[int]  # pending discussions of chapters past the new end
    now_a_note: list[int] = field(default_factory=list)  # discussions cancelled: their chapter is a note now
    taken_out: list[int] = field(default_factory=list)  # discussions cancelled: their chapter was taken out
    reopened: set[tuple[int, str]] = field(default_factory=set)  # (chapter, warning) dismissals dropped
    past_new: int = 0  # members whose place is past a chapter added before the old last one


async def _replace(
    db: Database, guild_id: int, record: StoryRecord, story: Story, content_hash: str, report: ScanReport, *,
    version: int, now: float, changes: ChapterChanges | None = None, rewritten: set[int] | None = None,
) -> _Replaced:  # fmt: skip
    """The new text, its scan, everything keyed by chapter moved with its chapter (``changes.moves``),
    the dismissals of the ``rewritten`` chapters dropped, and the progress past its end, in one
    transaction."""
    last = len(story.chapters)
    moves = changes.moves if changes else {}
    async with db.transaction() as tx:
        await replace_story(
            tx, guild_id, record.id, story, content_hash=content_hash, expected_hash=record.content_hash,
            expected_chapters=record.chapter_count, marks=_marks(changes) if record.has_text else None,
        )  # fmt: skip
        cancelled: list[tuple[int, int]] = []
        if moves:
            assert changes is not None
            cancelled = await _renumber_chapters(tx, guild_id, record.id, changes, now, unrecorded_stops(db))
        reopened = await forget_dismissals(tx, guild_id, record.id, rewritten or ())
        await save_scan(tx, guild_id, record.id, report, rules_version=version)
        set_back = await clamp_progress(tx, guild_id, record.id, last, now)
        past = await pending_past(tx, guild_id, record.id, last)
        inserted = _inserted(changes) if changes else []
        past_new = await members_past(tx, guild_id, record.id, inserted[0]) if inserted else 0
    notes = range(1, (changes.shifted if changes else 0) + 1)
    return _Replaced(
        set_back, past, [i for i, chapter in cancelled if chapter in notes],
        [i for i, chapter in cancelled if chapter not in notes], reopened, past_new,
    )  # fmt: skip


def _marks(changes: ChapterChanges | None) -> dict[int, str]:
    """What ``/story info`` marks on the new version's chapters: the ones this update changed or added."""
    if changes is None:
        return {}
    return {number: "changed" for number in changes.changed} | {number: "new" for number in changes.added}


async def _renumber_chapters(
    tx: aiosqlite.Connection,
    guild_id: int,
    story_id: int,
    changes: ChapterChanges,
    now: float,
    stopped_posts: Collection[int],
) -> list[tuple[int, int]]:
    """Every row keyed by the story's chapter numbers moved with its chapter: the rows of every table
    with a chapter column (bot/migrations) but the chapters and the scan, which are written anew
    (a post stopped unrecorded, ``stopped_posts``, moves as one stopped does). Returns the pending discussions cancelled because their chapter is gone, as (id, old chapter)."""
    moves = changes.moves
    try:
        await renumber_post_jobs(tx, guild_id, story_id, moves, stopped=stopped_posts, notes=changes.shifted)
    except ChapterBusy as busy:
        which = f"Chapter {busy.args[0]} is" if busy.args else "A chapter that moves is"
        raise UserError(
            f"{which} being posted right now; run `/story update` again when the post is done. Nothing was changed."
        ) from None
    await renumber_progress(tx, guild_id, story_id, progress_moves(moves), now)
    await renumber_chapter_decisions(tx, guild_id, story_id, moves)
    reasons = {number: NOW_A_NOTE if number <= changes.shifted else TAKEN_OUT for number in moves}
    return await renumber_discussions(tx, guild_id, story_id, moves, now, reasons)


def progress_moves(moves: dict[int, int | None]) -> dict[int, int]:
    """Where a member's place goes: with its chapter, or for a chapter gone, to where the last chapter
    before it that is kept went (0: none was, they had read only notes), as they had read it."""
    places: dict[int, int] = {}
    for old, new in moves.items():
        if new is None:
            before = (moves.get(number, number) for number in range(old - 1, 0, -1))
            new = next((number for number in before if number is not None), 0)
        places[old] = new
    return places


def _inserted(changes: ChapterChanges) -> list[int]:
    """New chapters added before a chapter the story already had (a prologue, one in the middle)."""
    count = len(changes.unchanged) + len(changes.changed) + len(changes.removed)
    kept = range(changes.shifted + 1, changes.shifted + count + 1)
    last_kept = max((changes.moves.get(n, n) or 0 for n in kept if n not in changes.removed), default=0)
    return [number for number in changes.added if number < last_kept]


def new_warnings(
    old: ScanReport | None, new: ScanReport, chapters: set[int], reopened: set[tuple[int, str]] | None = None
) -> list[NewWarning]:
    """Warnings found on the changed and new chapters that the last scan did not find there as surely:
    a possible one now confident is new to members, and a possible one whose dismissal was dropped
    (``reopened``: its chapter's text changed) waits for a decision again."""
    old_chapters = old.chapters if old else []
    confident = {(c.number, w.id) for c in old_chapters for w in c.warnings}
    possible = {(c.number, w.id) for c in old_chapters for w in c.possible} - (reopened or set())
    labels = {warning.id: warning.label for warning in new.warnings + new.possible}
    found: dict[tuple[str, bool], list[int]] = {}
    for chapter in new.chapters:
        if chapter.number not in chapters:
            continue
        for tier_possible, items, before in (
            (False, chapter.warnings, confident),
            (True, chapter.possible, confident | possible),
        ):
            for warning in items:
                if (chapter.number, warning.id) not in before:
                    found.setdefault((warning.id, tier_possible), []).append(chapter.number)
    return [NewWarning(labels.get(wid, wid), tier, numbers) for (wid, tier), numbers in found.items()]


def _newly_declared(old: ScanReport | None, new: ScanReport) -> list[str]:
    had = set(declared_ids(old)) if old else set()
    return [w.label for w in new.warnings if w.source in ("declared", "both") and w.id not in had]


def describe_update(updated: StoryUpdated) -> str:
    """What the admin reads after ``/story update``: what changed, what was found, what moved."""
    changes = updated.changes
    words = f", {plural(updated.words, 'word')}" if updated.has_text else ""
    lines = [
        f"Updated **{escape_markdown(updated.title)}** {story_id_note(updated.story_id)}: "
        f"{plural(updated.chapters, 'chapter')}{words}. "
        f"{_chapter_summary(changes, updated.first_text, updated.story_id if updated.has_text else None)}"
    ]
    if updated.file_title:
        lines.append(
            f"The file calls it {quote_input(updated.file_title)}; the library keeps its title "
            "(give `title:` to rename it)."
        )
    inserted, taken_out = _inserted(changes), _taken_out(changes)
    if changes.shifted and not inserted and not taken_out and _moved_down_by_notes(changes):
        lines.append(_now_notes_line(changes))
    elif changes.moves:
        if changes.shifted:
            lines.append(_now_notes_line(changes, moved=False))
        lines.append(_moves_line(changes, inserted, taken_out))
    else:
        lines.append("Reading progress, discussions, posts and warning decisions are kept.")
    if updated.past_new:
        which = f"the new {_label(inserted)}" if len(inserted) == 1 else "a new chapter"
        lines.append(
            f"{plural(updated.past_new, 'member')} had read past {which}, so it counts as read for them: "
            "tell the club it is there."
        )
    lines += _declared_lines(changes.declared)
    other_notes = sorted(set(changes.notes_changed) - {change.chapter for change in changes.declared})
    if other_notes:
        lines.append(f"The author's notes changed on {_label(other_notes)}.")
    if updated.now_a_note:
        # Every one named: a cancelled discussion is listed nowhere else (a chapter made a note holds few).
        ids = ", ".join(f"#{number}" for number in updated.now_a_note)
        lines.append(
            f"⚠️ Cancelled, as its chapter is a note now: {plural(len(updated.now_a_note), 'discussion')} ({ids})."
        )
    if updated.taken_out:
        ids = ", ".join(f"#{number}" for number in updated.taken_out)  # listed nowhere else: every one named
        lines.append(
            f"⚠️ Cancelled, as its chapter was taken out: {plural(len(updated.taken_out), 'discussion')} ({ids})."
        )
    if updated.set_back:
        who = plural(updated.set_back, "member")
        lines.append(
            f"⚠️ {who} past chapter {updated.chapters}, now the last, {'was' if updated.set_back == 1 else 'were'} set back to it."
        )
    if updated.past_the_end:
        more = len(updated.past_the_end) - PAST_THE_END_NAMED
        ids = ", ".join(f"#{number}" for number in updated.past_the_end[:PAST_THE_END_NAMED]) + (
            f" and {more} more (`/discussion list` shows them all)" if more > 0 else ""
        )
        if len(updated.past_the_end) == 1:
            gone = f"A scheduled discussion of a chapter the story no longer has: {ids}. It still posts unless you cancel it"
        else:
            gone = f"Scheduled discussions of chapters the story no longer has: {ids}. They still post unless you cancel them"
        lines.append(f"⚠️ {gone} (`/discussion cancel`).")
    lines += _warning_lines(updated)
    return clip_lines(lines, rest=every_warning_in(updated.story_id))


def _now_notes_line(changes: ChapterChanges, *, moved: bool = True) -> str:
    """The old leading chapters that are the story's notes now, in the words a club uses:
    "The dedication is now a note; chapter numbers moved down by one, ..." (``moved``: and every
    chapter moved down by as many, said here; else the moves are told on a line of their own)."""
    counts: dict[str, int] = {}
    for label in changes.now_notes:
        counts[label.casefold()] = counts.get(label.casefold(), 0) + 1
    pages = and_list([f"the {label}" if n == 1 else f"the {count_word(n)} {label}s" for label, n in counts.items()])
    what = f"{pages} is now a note" if len(changes.now_notes) == 1 else f"{pages} are now notes"
    if not moved:
        return sentence(f"{what} (shown in `/story info`)")
    return sentence(
        f"{what} (shown in `/story info`); chapter numbers moved down by {count_word(changes.shifted)}, and reading "
        "progress, discussions, posts and warning decisions moved with them"
    )


MOVES_NAMED = 6  # runs of chapters moved named in the answer; `/story info` numbers every chapter


def _moved_down_by_notes(changes: ChapterChanges) -> bool:
    """Every chapter moved down by the count of chapters now notes (the only move before pairing by text)."""
    return all(step == -changes.shifted for _, step in changes.moved_chapters())


def _taken_out(changes: ChapterChanges) -> list[int]:
    """Old chapters taken out before a chapter kept: their numbers are other chapters' now."""
    return [number for number in changes.removed if number in changes.moves and changes.moves[number] is None]


def _moves_line(changes: ChapterChanges, inserted: list[int], taken_out: list[int]) -> str:
    """What moved, as a club says it: "A new chapter 1 was added; chapters 1-12 are now 2-13, and ..."."""
    what = []
    if inserted:
        what.append(
            f"a new {_label(inserted)} was added" if len(inserted) == 1 else f"new {_label(inserted)} were added"
        )
    if taken_out:
        what.append(f"{_label(taken_out)} {'was' if len(taken_out) == 1 else 'were'} taken out")
    runs = changes.moved_chapters()
    moved = [
        f"{_label(numbers)} {'is' if len(numbers) == 1 else 'are'} now {chapter_ranges([n + step for n in numbers])}"
        for numbers, step in runs[:MOVES_NAMED]
    ]
    if len(runs) > MOVES_NAMED:
        moved.append(f"{len(runs) - MOVES_NAMED} more runs moved (`/story info` numbers every chapter)")
    if not moved:
        return sentence(" and ".join(what))
    told = "; ".join(part for part in (" and ".join(what), and_list(moved)) if part)
    return sentence(f"{told}, and reading progress, discussions, posts and warning decisions moved with them")


def _declared_lines(declared: list[DeclaredChange]) -> list[str]:
    """One line for each chapter whose author's warnings changed, naming what it declares now and no longer."""
    lines = []
    for change in declared:
        said = []
        if change.added:
            said.append("now declares " + and_list([quote_input(w) for w in change.added]))
        if change.dropped:
            said.append("no longer declares " + and_list([quote_input(w) for w in change.dropped]))
        lines.append(f"Chapter {change.chapter}: the author {' and '.join(said)}.")
    return lines


def _chapter_summary(changes: ChapterChanges, first_text: bool, story_id: int | None) -> str:
    """Which chapters are unchanged, changed, new and taken down, in runs; past a few runs, the count
    and where each is (``/story info`` marks the changed and new ones: ``story_id``, a story with text)."""
    if first_text:
        return "It was a book the club read elsewhere; now it has its text to read and post."
    info = f"`/story info story:{story_id}`"
    marks, unmarked = (f"{info} marks each", f"the ones {info} does not mark") if story_id else ("", "")
    parts = [
        f"{_label(numbers, all_in)} {state}"
        for numbers, state, all_in in (
            (changes.unchanged, "unchanged", unmarked),
            (changes.changed, "changed", marks),
            (changes.added, "new", marks),
            ([n for n in changes.removed if n not in _taken_out(changes)], "taken down", ""),
        )
        if numbers
    ]
    return sentence(", ".join(parts))


def _label(numbers: list[int], all_in: str = "") -> str:
    word = "chapter" if len(numbers) == 1 else "chapters"
    return f"{word} {chapter_ranges(numbers, all_in=all_in)}"


def _warning_lines(updated: StoryUpdated) -> list[str]:
    lines: list[str] = []
    confident = [w for w in updated.new_warnings if not w.possible]
    possible = [w for w in updated.new_warnings if w.possible]
    where = "in its text" if updated.first_text else "in the changed and new chapters"
    if confident:
        lines.append(f"**New warnings** {where}:")
        lines += [f"• **{escape_markdown(w.label)}** ({chapter_list(w.chapters)})" for w in confident]
    if possible:
        lines.append(f"**New possible warnings** (confirm or dismiss in `/warnings story story:{updated.story_id}`):")
        lines += [f"• {escape_markdown(w.label)} ({chapter_list(w.chapters)})" for w in possible]
    if updated.newly_declared:
        lines.append(
            "The author now also declares: " + ", ".join(f"**{escape_markdown(x)}**" for x in updated.newly_declared)
        )
    if updated.not_english:
        lines.append(
            f"⚠️ Not in English, so not read for warnings: {unread_chapters(updated.not_english, updated.story_id)}."
        )
    if updated.has_text and not (confident or possible):
        lines.append(f"No new warnings found {where}.")
    return lines
