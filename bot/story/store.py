"""Stories in SQLite, per server: plain SQL, every query scoped by guild id.

A story's text is stored once, chapter by chapter (scenes as JSON). ``insert_story`` works
inside the caller's transaction so importing a story and saving its warnings scan commit
together or not at all; ``add_story`` is the same in a transaction of its own.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import aiosqlite

from bot.db import Database, Row, fits_row_id
from bot.errors import UserError
from bot.guilds import ensure_guild
from bot.limits import AUTOCOMPLETE_CHOICES
from bot.story.changes import StoredChapter
from bot.story.limits import MAX_AUTHOR_CHARS, MAX_TAG_CHARS, keep_tag_groups
from bot.story.model import Chapter, Scene, Story, StoryMeta, story_id_note
from bot.story.tidy import chapter_title, one_line, story_title
from bot.text import and_list, escape_clipped, fold, natural_key, plural, quote_input, visible_line
from bot.warnings.declared import known_warning

_STORY_COLUMNS = (
    "id, title, author, summary, rating, declared_warnings, meta_json, source_format, chapter_count, words,"
    " content_hash, added_by, added_at"
)
_META_LISTS = ("archive_warnings", "fandoms", "relationships", "characters", "additional_tags", "notes")


class DuplicateStory(UserError):
    """The same text is already a story in this server."""

    def __init__(self, story_id: int, title: str, *, outcome: str = "nothing was added") -> None:
        self.story_id = story_id
        self.title = title
        super().__init__(
            f"This story is already in the server as {quote_input(title)} {story_id_note(story_id)}; {outcome}."
        )


NO_TEXT_FORMAT = "none"  # the source format of a book the club reads elsewhere
STORY_GONE = "That story is no longer in this server's library; it may have been removed."
STORY_CHANGED = "That story was changed by another update just now; nothing was changed. Check it and try again."


@dataclass(frozen=True, slots=True)
class StoryRecord:
    """A story's metadata without its text: what lists, info and autocomplete show."""

    id: int
    title: str
    author: str | None
    summary: str | None
    rating: str | None
    declared_warnings: list[str]
    meta: dict[str, list[str]]
    source_format: str
    chapter_count: int
    words: int
    content_hash: str | None
    added_by: int | None
    added_at: float

    @property
    def has_text(self) -> bool:
        """False for a book without a file (bot/story/books.py): chapters to track, no text to show."""
        return self.source_format != NO_TEXT_FORMAT

    def story_meta(self) -> StoryMeta:
        """The stored metadata, its tag groups kept as an import keeps them (:func:`keep_tag_groups`): a
        row stored before they were capped held 10,000 junk archive warnings, each mapped on every rescan."""
        return keep_tag_groups(
            StoryMeta(
                title=self.title,
                author=self.author,
                summary=self.summary,
                rating=self.rating,
                declared_warnings=list(self.declared_warnings),
                **{key: list(self.meta.get(key, [])) for key in _META_LISTS},
            ),
            known_warning,
        )


@dataclass(frozen=True, slots=True)
class ChapterInfo:
    number: int
    title: str | None
    words: int
    last_update: str | None = None  # what the story's last /story update did to it: "changed", "new" or nothing


def _record(row: Row) -> StoryRecord:
    # Tidied again as read (bot.story.tidy): stories stored before imports tidied them may hold a
    # title of thousands of characters or a bidi override that turns every line it is on around.
    return StoryRecord(
        id=row["id"],
        title=story_title(row["title"]),
        author=one_line(row["author"], MAX_AUTHOR_CHARS),
        summary=row["summary"],
        rating=one_line(row["rating"], MAX_TAG_CHARS),
        declared_warnings=json.loads(row["declared_warnings"]),
        meta=json.loads(row["meta_json"]),
        source_format=row["source_format"],
        chapter_count=row["chapter_count"],
        words=row["words"],
        content_hash=row["content_hash"],
        added_by=row["added_by"],
        added_at=row["added_at"],
    )


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


async def find_by_hash(db: Database, guild_id: int, content_hash: str) -> StoryRecord | None:
    """The server's story with this text, if it has one (checked before the expensive scan)."""
    row = await db.fetch_one(
        f"SELECT {_STORY_COLUMNS} FROM stories WHERE guild_id = ? AND content_hash = ?", (guild_id, content_hash)
    )
    return None if row is None else _record(row)


async def _next_story_id(tx: aiosqlite.Connection) -> int:
    """An id no story ever had (migration 0012): one past every id given out, in any server."""
    await tx.execute(
        "UPDATE id_high_water SET last = max(last, (SELECT coalesce(max(id), 0) FROM stories)) + 1"
        " WHERE name = 'stories'"
    )
    async with tx.execute("SELECT last FROM id_high_water WHERE name = 'stories'") as cursor:
        row = await cursor.fetchone()
    return int(row["last"])


async def insert_story(
    tx: aiosqlite.Connection,
    guild_id: int,
    story: Story,
    *,
    content_hash: str,
    added_by: int | None,
    now: float,
) -> int:
    """Insert inside the caller's transaction; raises :class:`DuplicateStory`."""
    await ensure_guild(tx, guild_id, now)
    async with tx.execute(
        "SELECT id, title FROM stories WHERE guild_id = ? AND content_hash = ?", (guild_id, content_hash)
    ) as cursor:
        existing = await cursor.fetchone()
    if existing is not None:
        raise DuplicateStory(existing["id"], existing["title"])
    story_id = await _next_story_id(tx)
    await tx.execute(
        f"INSERT INTO stories (id, guild_id, {', '.join(_TEXT_COLUMNS)}, added_by, added_at)"
        f" VALUES (?, ?, {', '.join('?' * len(_TEXT_COLUMNS))}, ?, ?)",
        (story_id, guild_id, *_text_values(story, content_hash), added_by, now),
    )
    await _insert_chapters(tx, guild_id, story_id, story)
    return story_id


# The story row's columns that come from its text (the rest say who added it, and when).
_TEXT_COLUMNS = (
    "title", "title_folded", "title_sort", "author", "summary", "rating", "declared_warnings", "meta_json", "source_format",
    "has_text", "chapter_count", "words", "content_hash",
)  # fmt: skip


def _text_values(story: Story, content_hash: str | None) -> tuple[Any, ...]:
    """The values of :data:`_TEXT_COLUMNS` for ``story``: one list for adding a story and replacing it."""
    meta = story.meta
    return (
        meta.title,
        fold(meta.title),
        natural_key(fold(meta.title)),  # "Book 2" before "Book 10" (migration 0035)
        meta.author,
        meta.summary,
        meta.rating,
        _dumps(meta.declared_warnings),
        _dumps({key: getattr(meta, key) for key in _META_LISTS}),
        story.source_format,
        int(story.source_format != NO_TEXT_FORMAT),
        len(story.chapters),
        story.words,
        content_hash,
    )


async def _insert_chapters(tx: aiosqlite.Connection, guild_id: int, story_id: int, story: Story) -> None:
    await tx.executemany(
        "INSERT INTO chapters (guild_id, story_id, number, title, scenes, notes, declared_warnings, words)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                guild_id,
                story_id,
                chapter.number,
                chapter.title,
                _dumps([scene.paragraphs for scene in chapter.scenes]),
                _dumps(chapter.notes),
                _dumps(chapter.declared_warnings),
                chapter.words,
            )
            for chapter in story.chapters
        ],
    )


async def replace_story(
    tx: aiosqlite.Connection,
    guild_id: int,
    story_id: int,
    story: Story,
    *,
    content_hash: str,
    expected_hash: str | None,
    expected_chapters: int,
    marks: Mapping[int, str] | None = None,
) -> None:
    """A new version of the story under the same id, inside the caller's transaction: its metadata
    and every chapter row are replaced; rows keyed by chapter number elsewhere (progress,
    discussions, posts, reviews, reports) are not touched. ``marks``: what this update did to
    each chapter it changed or added (``"changed"``, ``"new"``, by new number), which
    ``/story info`` shows until the next update.

    ``expected_hash`` and ``expected_chapters`` are the text and chapter count the caller compared the
    new version with: a story changed since (or removed) is refused, and so is a text another story
    of the server already has. (A book without a file is hashed by title and author: only its count
    tells that another update came first.)
    """
    async with tx.execute(
        "SELECT id, title FROM stories WHERE guild_id = ? AND content_hash = ? AND id <> ?",
        (guild_id, content_hash, story_id),
    ) as cursor:
        existing = await cursor.fetchone()
    if existing is not None:
        raise DuplicateStory(existing["id"], existing["title"], outcome="nothing was changed")
    cursor = await tx.execute(
        f"UPDATE stories SET {', '.join(f'{column} = ?' for column in _TEXT_COLUMNS)}"
        " WHERE guild_id = ? AND id = ? AND content_hash IS ? AND chapter_count = ?",
        (*_text_values(story, content_hash), guild_id, story_id, expected_hash, expected_chapters),
    )
    if cursor.rowcount == 0:
        async with tx.execute("SELECT 1 FROM stories WHERE guild_id = ? AND id = ?", (guild_id, story_id)) as found:
            raise UserError(STORY_CHANGED if await found.fetchone() else STORY_GONE)
    await tx.execute("DELETE FROM chapters WHERE guild_id = ? AND story_id = ?", (guild_id, story_id))
    await _insert_chapters(tx, guild_id, story_id, story)
    await tx.executemany(
        "UPDATE chapters SET last_update = ? WHERE guild_id = ? AND story_id = ? AND number = ?",
        [(mark, guild_id, story_id, number) for number, mark in sorted((marks or {}).items())],
    )


async def add_story(
    db: Database, guild_id: int, story: Story, *, content_hash: str, added_by: int | None, now: float
) -> int:
    async with db.transaction() as tx:
        return await insert_story(tx, guild_id, story, content_hash=content_hash, added_by=added_by, now=now)


async def get_story_record(db: Database, guild_id: int, story_id: int) -> StoryRecord | None:
    row = await db.fetch_one(
        f"SELECT {_STORY_COLUMNS} FROM stories WHERE guild_id = ? AND id = ?", (guild_id, story_id)
    )
    return None if row is None else _record(row)


_CHAPTER_COLUMNS = "number, title, scenes, notes, declared_warnings"


def _chapter(row: Row) -> Chapter:
    scenes = [Scene(list(paragraphs)) for paragraphs in json.loads(row["scenes"])]
    notes, declared = json.loads(row["notes"]), json.loads(row["declared_warnings"])
    return Chapter(row["number"], chapter_title(row["title"]), scenes, notes, declared)


async def load_chapter(db: Database, guild_id: int, story_id: int, number: int) -> Chapter | None:
    row = await db.fetch_one(
        f"SELECT {_CHAPTER_COLUMNS} FROM chapters WHERE guild_id = ? AND story_id = ? AND number = ?",
        (guild_id, story_id, number),
    )
    return None if row is None else _chapter(row)


async def load_story(db: Database, guild_id: int, story_id: int) -> Story | None:
    record = await get_story_record(db, guild_id, story_id)
    if record is None:
        return None
    rows = await db.fetch_all(
        f"SELECT {_CHAPTER_COLUMNS} FROM chapters WHERE guild_id = ? AND story_id = ? ORDER BY number",
        (guild_id, story_id),
    )
    return Story(record.story_meta(), [_chapter(row) for row in rows], record.source_format)


async def stored_chapters(db: Database, guild_id: int, story_id: int) -> list[StoredChapter]:
    """The story's chapters as stored (scenes, declared warnings and notes still JSON text), for a worker to compare."""
    rows = await db.fetch_all(
        "SELECT title, scenes, declared_warnings, notes FROM chapters WHERE guild_id = ? AND story_id = ? ORDER BY number",
        (guild_id, story_id),
    )
    return [StoredChapter(row["title"], row["scenes"], row["declared_warnings"], row["notes"]) for row in rows]


async def chapter_infos(db: Database, guild_id: int, story_id: int) -> list[ChapterInfo]:
    rows = await db.fetch_all(
        # From the index (migration 0026): the chapters' text, before `words` in each row, is never read.
        "SELECT number, title, words, last_update FROM chapters INDEXED BY chapters_outline "
        "WHERE guild_id = ? AND story_id = ? ORDER BY number",
        (guild_id, story_id),
    )
    return [ChapterInfo(row["number"], chapter_title(row["title"]), row["words"], row["last_update"]) for row in rows]


async def find_by_title(tx: aiosqlite.Connection, guild_id: int, title: str) -> list[StoryRecord]:
    """The server's stories of this title, case and accents aside (by the ``stories_by_title`` index)."""
    async with tx.execute(
        f"SELECT {_STORY_COLUMNS} FROM stories WHERE guild_id = ? AND title_folded = ? ORDER BY id",
        (guild_id, fold(title)),
    ) as cursor:
        return [_record(row) for row in await cursor.fetchall()]


async def count_stories(db: Database, guild_id: int) -> int:
    return int(await db.fetch_value("SELECT count(*) FROM stories WHERE guild_id = ?", (guild_id,)))


async def list_stories(db: Database, guild_id: int, *, offset: int = 0, limit: int = 10) -> list[StoryRecord]:
    """One page of the server's stories in title order."""
    rows = await db.fetch_all(
        f"SELECT {_STORY_COLUMNS} FROM stories WHERE guild_id = ? ORDER BY title_sort, id LIMIT ? OFFSET ?",
        (guild_id, limit, offset),
    )
    return [_record(row) for row in rows]


async def list_story_ids(db: Database, guild_id: int) -> list[int]:
    rows = await db.fetch_all("SELECT id FROM stories WHERE guild_id = ? ORDER BY id", (guild_id,))
    return [row["id"] for row in rows]


async def search_stories(
    db: Database, guild_id: int, prefix_or_text: str, limit: int = AUTOCOMPLETE_CHOICES
) -> list[StoryRecord]:
    """Autocomplete: titles starting with the text first, then titles containing it.

    What was typed is read as it shows (:func:`visible_line`), as stored titles are: a direction
    override or a zero-width space pasted into the option matched no title, so the menu went empty."""
    needle = fold(visible_line(prefix_or_text))
    if not needle:
        return await list_stories(db, guild_id, limit=limit)
    rows = await db.fetch_all(
        f"SELECT {_STORY_COLUMNS} FROM stories WHERE guild_id = ? AND instr(title_folded, ?) > 0"
        " ORDER BY instr(title_folded, ?) != 1, title_sort, id LIMIT ?",
        (guild_id, needle, needle, limit),
    )
    return [_record(row) for row in rows]


async def shortest_holding(
    db: Database, guild_id: int, word: str, at_least: int = 0, limit: int = AUTOCOMPLETE_CHOICES
) -> list[StoryRecord]:
    """The library's shortest titles of ``at_least`` characters (folded) holding ``word``, shortest
    first: where a title the member typed is looked for among books of that title ("Emma", "Emma."),
    which are the shortest that long holding its longest word, however many longer titles hold it
    too ("Emma and the Sea", ...)."""
    needle = fold(visible_line(word))
    if not needle:
        return []
    rows = await db.fetch_all(
        f"SELECT {_STORY_COLUMNS} FROM stories WHERE guild_id = ? AND instr(title_folded, ?) > 0"
        " AND length(title_folded) >= ? ORDER BY length(title_folded), id LIMIT ?",
        (guild_id, needle, at_least, limit),
    )
    return [_record(row) for row in rows]


async def delete_story(tx: aiosqlite.Connection, guild_id: int, story_id: int) -> bool:
    """Inside the caller's transaction; chapters, progress, scans and schedules cascade."""
    cursor = await tx.execute("DELETE FROM stories WHERE guild_id = ? AND id = ?", (guild_id, story_id))
    return cursor.rowcount > 0


def story_id_from(text: str) -> int | None:
    """The story id an option holds (what autocomplete sends), or None for anything else.

    Only ASCII digits count: ``"²".isdigit()`` is true but ``int("²")`` fails, and 23 digits
    overflow SQLite's integers; both are read as a title instead.
    """
    if not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if fits_row_id(value) else None


SEVERAL_IDS_SHOWN = 5  # ids a "several stories match" answer names; /story list has the rest


def several_match(shown: str, story_ids: Sequence[int]) -> UserError:
    """The refusal of a typed title several stories match, naming their ids: typed as the story, an id
    picks one where two share a title, and a member who typed the title has no other way to tell."""
    ids = [str(story_id) for story_id in story_ids[:SEVERAL_IDS_SHOWN]]
    if len(story_ids) > SEVERAL_IDS_SHOWN:
        ids.append(f"{len(story_ids) - SEVERAL_IDS_SHOWN} more")
    return UserError(
        f"Several stories match {shown} (ids {and_list(ids)}); pick one from the list,"
        f" or give its id as the story, e.g. `story:{story_ids[0]}` (`/story list` shows each story's id)."
    )


def alike_titles(shown: str, records: Sequence[StoryRecord]) -> UserError:
    """The refusal of a title several stories share (case and accents aside): each named with what
    tells it apart (its spelling, author, chapters) and its id. The ids alone left a member to look
    each one up in ``/story list``; the menu shows which is which, typing did not."""
    named = [
        f"**{escape_clipped(r.title, 60)}**{f' by {escape_clipped(r.author, 40)}' if r.author else ''}"
        f" (id {r.id}, {plural(r.chapter_count, 'chapter')})"
        for r in records[:SEVERAL_IDS_SHOWN]
    ]
    if len(records) > SEVERAL_IDS_SHOWN:
        named.append(f"{len(records) - SEVERAL_IDS_SHOWN} more (`/story list` shows them)")
    return UserError(
        f"{len(records)} stories are titled {shown}: {and_list(named)}. Give the id of the one you mean as the"
        f" story, e.g. `story:{records[0].id}`, or pick it from the list."
    )


async def resolve_story(db: Database, guild_id: int, value: str) -> StoryRecord:
    """The story an option names: an id picked from autocomplete, or a title typed out.

    Any other value (empty, symbols, markdown, a huge number) is a clear :class:`UserError`.
    """
    text = " ".join(value.split())
    if not visible_line(text):  # spaces alone, or zero-width characters: nothing the member can see
        raise UserError("Pick a story from the list (start typing its title); the story option was empty.")
    story_id = story_id_from(text)
    if story_id is not None:
        record = await get_story_record(db, guild_id, story_id)
        if record is not None:
            return record
    found = await search_stories(db, guild_id, text, limit=AUTOCOMPLETE_CHOICES)
    exact = [record for record in found if fold(record.title) == fold(text)]
    # "THE LAMP" typed as it is spelled names that story, though "The Lamp" is another's title.
    spelled = [record for record in exact if " ".join(record.title.split()) == text]
    if len(exact) == 1 or len(found) == 1 or len(spelled) == 1:
        return (spelled if len(spelled) == 1 else exact or found)[0]
    shown = quote_input(text, 80)
    if len(exact) > 1:
        raise alike_titles(shown, exact)
    if len(found) > 1:
        raise several_match(shown, [record.id for record in found])
    if not found and story_id is not None:
        raise _picked_and_gone(shown, empty=await count_stories(db, guild_id) == 0)
    if not found and await count_stories(db, guild_id) == 0:  # "pick one from the list" of nothing
        raise UserError(
            f"No story in this server's library matches {shown}: the library is empty. An admin adds stories"
            " with `/story add`."
        )
    close = await close_titles(db, guild_id, text)
    guess = f" Did you mean {_or_list([f'**{escape_clipped(title, 80)}**' for title in close])}?" if close else ""
    raise UserError(
        f"No story in this server's library matches {shown} (it may have been removed); pick one from the list." + guess
    )


def _picked_and_gone(shown: str, *, empty: bool) -> UserError:
    """A number no story here has and no title holds: most often a story picked from the menu (its
    value is the id) that an admin removed while the menu was open. "No story matches “3”" quoted a
    number the member never typed (they picked a title); this says what most likely happened."""
    then = (
        "The library is empty now; an admin adds stories with `/story add`."
        if empty
        else "Pick the story from the list again (start typing its title)."
    )
    return UserError(
        f"No story in this server's library matches {shown}: a story picked from the list was removed since, "
        f"or that number is not one of this server's stories. {then}"
    )


TITLES_COMPARED = 500  # titles a typo is compared with, at most: a failed look-up stays a few milliseconds
CLOSE_TITLES = 3


async def close_titles(db: Database, guild_id: int, typed: str) -> list[str]:
    """The library's titles closest to a title typed with a slip ("Emmma", "statoin eleven"), at most
    three: the refusal names them, where "pick one from the list" left the member to find the typo."""
    needle = fold(visible_line(typed))
    if not needle:
        return []
    rows = await db.fetch_all(
        "SELECT title, title_folded FROM stories WHERE guild_id = ? ORDER BY title_sort, id LIMIT ?",
        (guild_id, TITLES_COMPARED),
    )
    titles = {str(row["title_folded"]): str(row["title"]) for row in rows}
    return [titles[folded] for folded in difflib.get_close_matches(needle, list(titles), n=CLOSE_TITLES, cutoff=0.6)]


def _or_list(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


async def mark_without_text(tx: aiosqlite.Connection, guild_id: int, story_id: int) -> None:
    """Flag a book without a file, so every reader of the row knows there is no text to show."""
    await tx.execute("UPDATE stories SET has_text = 0 WHERE guild_id = ? AND id = ?", (guild_id, story_id))


async def record_chapter_moves(
    tx: aiosqlite.Connection, guild_id: int, story_id: int, moves: Mapping[int, int | None], *, notes: int = 0
) -> None:
    """Record one renumbering for the buttons already posted: the first ``notes`` chapters now notes
    and every other number going down by that count as that count (a button below 1 names a note),
    anything else (a prologue added, a chapter taken out, even the first) as a move of 1 with a
    step for each old chapter (migration 0027), a chapter gone naming a chapter taken out."""
    by = sum(1 for new in moves.values() if new is None)
    every = sorted(moves) == list(range(1, len(moves) + 1))  # every chapter moved: none kept its number
    if by and by == notes and every and all(new == (None if old <= by else old - by) for old, new in moves.items()):
        await tx.execute(
            "INSERT INTO chapter_moves (guild_id, story_id, moved_by) VALUES (?, ?, ?)", (guild_id, story_id, by)
        )
        return
    cursor = await tx.execute(
        "INSERT INTO chapter_moves (guild_id, story_id, moved_by) VALUES (?, ?, 1)", (guild_id, story_id)
    )
    await tx.executemany(
        "INSERT INTO chapter_move_steps (move_id, guild_id, old_chapter, new_chapter) VALUES (?, ?, ?, ?)",
        [(cursor.lastrowid, guild_id, old, new) for old, new in sorted(moves.items())],
    )


async def chapters_moved(db: Database, guild_id: int, story_id: int) -> int:
    """How many moves the story's chapters have made, counted as buttons carry it (0 for most
    stories): the sum of the recorded moves' ``moved_by``."""
    moved = await db.fetch_value(
        "SELECT coalesce(sum(moved_by), 0) FROM chapter_moves WHERE guild_id = ? AND story_id = ?", (guild_id, story_id)
    )
    return int(moved or 0)


async def chapter_after_moves(db: Database, guild_id: int, story_id: int, number: int, moved: int) -> int | None:
    """A chapter as numbered when the story had made ``moved`` moves (``chapters_moved``), as numbered
    now: mapped through every move recorded since, in order. None: a chapter taken out since; below
    1: a part of the story that is a note now."""
    now, kept = await _after_moves(db, guild_id, story_id, number, moved, go_on=False)
    return now if kept else None


async def place_after_moves(db: Database, guild_id: int, story_id: int, number: int, moved: int) -> tuple[int, bool]:
    """Where a list keyed by chapter (a paging button's key) stood at ``number`` when the story had
    made ``moved`` moves, as numbered now, and whether that chapter is still one: a chapter taken
    out since stands where it was, after the chapter that came before it (0: before the first);
    a part of the story that is a note now stands before the first chapter (0)."""
    now, kept = await _after_moves(db, guild_id, story_id, number, moved, go_on=True)
    return max(now, 0), kept and now >= 1


async def _after_moves(
    db: Database, guild_id: int, story_id: int, number: int, moved: int, *, go_on: bool
) -> tuple[int, bool]:
    """``number`` mapped through the moves recorded after ``moved``, and whether it was never taken
    out. A chapter taken out ends the mapping, or with ``go_on`` continues it from the chapter
    before it (0: none), as does a note now from 0."""
    rows = await db.fetch_all(
        "SELECT id, moved_by FROM chapter_moves WHERE guild_id = ? AND story_id = ? ORDER BY id", (guild_id, story_id)
    )
    before = 0
    kept = True
    for row in rows:
        after = before + int(row["moved_by"])
        if after > moved:
            steps = await db.fetch_all(
                "SELECT old_chapter, new_chapter FROM chapter_move_steps WHERE guild_id = ? AND move_id = ?",
                (guild_id, row["id"]),
            )
            if steps:
                found = {int(step["old_chapter"]): step["new_chapter"] for step in steps}
                if number in found and found[number] is None:
                    if not go_on:
                        return number, False
                    kept = False
                    number = max(
                        (int(new) for old, new in found.items() if old < number and new is not None), default=0
                    )
                else:
                    number = int(found.get(number, number))
            else:
                number -= after - max(before, moved)
            if number < 1:
                if not go_on:
                    return number, kept
                kept, number = False, 0
        before = after
    return number, kept
