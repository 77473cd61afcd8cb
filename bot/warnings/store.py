"""Warnings storage: plain SQL over the Database (or a transaction's connection), nothing else.

Every query is scoped by guild id. The service decides what to call and when; these functions
neither validate nor cache.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import aiosqlite

from bot.db import Database, move_chapter_rows
from bot.guilds import ensure_guild
from bot.story.model import GIVEN
from bot.story.tidy import story_title
from bot.warnings.engine import ScanReport
from bot.warnings.taxonomy import Category

Connection = Database | aiosqlite.Connection
PossibleRow = tuple[int, str, float, str]  # (chapter, warning id, score, its evidence as JSON)


@dataclass(frozen=True, slots=True)
class CustomRule:
    id: int
    category: str
    kind: str
    pattern: str

    @property
    def rule_id(self) -> str:
        return f"custom:{self.id}"

    def describe(self) -> str:
        return f"#{self.id} [{self.category}] {self.kind}: {self.pattern}"


@dataclass(frozen=True, slots=True)
class Report:
    """A member's report that a chapter has a warning Dogear does not show."""

    id: int
    story_id: int
    chapter: int
    warning_id: str
    reporter_id: int
    note: str
    status: str
    created_at: float
    resolved_by: int | None = None  # the admin whose decision closed it (None while open)
    resolved_at: float | None = None


async def _one(conn: Connection, sql: str, params: tuple = ()) -> aiosqlite.Row | None:
    if isinstance(conn, Database):
        return await conn.fetch_one(sql, params)
    return await (await conn.execute(sql, params)).fetchone()


async def _all(conn: Connection, sql: str, params: tuple = ()) -> list[aiosqlite.Row]:
    if isinstance(conn, Database):
        return await conn.fetch_all(sql, params)
    return list(await (await conn.execute(sql, params)).fetchall())


# --- a server's configuration ------------------------------------------------------------


async def rules_version(conn: Connection, guild_id: int) -> int:
    row = await _one(conn, "SELECT version FROM warning_rule_versions WHERE guild_id = ?", (guild_id,))
    return int(row[0]) if row else 0


async def bump_version(tx: aiosqlite.Connection, guild_id: int) -> None:
    """A new version for the server's rules, from one counter for every server (migration 0014), so
    a number never comes back, not even for a server whose data was deleted and who came back."""
    await tx.execute("UPDATE id_high_water SET last = last + 1 WHERE name = 'warning_rules'")
    await tx.execute(
        "INSERT INTO warning_rule_versions (guild_id, version)"
        " SELECT ?, last FROM id_high_water WHERE name = 'warning_rules'"
        " ON CONFLICT (guild_id) DO UPDATE SET version = excluded.version",
        (guild_id,),
    )


async def custom_categories(conn: Connection, guild_id: int) -> list[tuple[Category, float]]:
    rows = await _all(
        conn,
        "SELECT id, label, description, threshold FROM warning_categories WHERE guild_id = ? ORDER BY id",
        (guild_id,),
    )
    return [(Category(r["id"], r["label"], r["description"], "custom", None, True), r["threshold"]) for r in rows]


async def insert_category(
    tx: aiosqlite.Connection, guild_id: int, category_id: str, label: str, user_id: int | None, now: float
) -> None:
    await ensure_guild(tx, guild_id, now)
    await tx.execute(
        "INSERT INTO warning_categories (guild_id, id, label, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
        (guild_id, category_id, label, user_id, now),
    )


async def has_category(conn: Connection, guild_id: int, category_id: str) -> bool:
    """Whether this server has a category of its own with this id (read inside a write: one made since)."""
    row = await _one(conn, "SELECT 1 FROM warning_categories WHERE guild_id = ? AND id = ?", (guild_id, category_id))
    return row is not None


async def count_categories(conn: Connection, guild_id: int) -> int:
    row = await _one(conn, "SELECT count(*) FROM warning_categories WHERE guild_id = ?", (guild_id,))
    return int(row[0]) if row else 0


# A custom category is in use while a rule detects it or anything a member or an admin decided
# names it: a story's override, a review, a report, a member's avoided warnings, its switch-off.
# (A stored scan's rows are not decisions: the next scan writes them again without it.)
_CATEGORY_UNUSED = """
    NOT EXISTS (SELECT 1 FROM warning_rules AS r WHERE r.guild_id = c.guild_id AND r.category = c.id)
    AND NOT EXISTS (SELECT 1 FROM warning_overrides AS o WHERE o.guild_id = c.guild_id AND o.warning_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM warning_reviews AS v WHERE v.guild_id = c.guild_id AND v.warning_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM warning_reports AS p WHERE p.guild_id = c.guild_id AND p.warning_id = c.id)
    AND NOT EXISTS (SELECT 1 FROM member_avoided_warnings AS a WHERE a.guild_id = c.guild_id AND a.warning_id = c.id)
    AND NOT EXISTS (
        SELECT 1 FROM warning_disabled AS d
        WHERE d.guild_id = c.guild_id AND d.target_kind = 'category' AND d.target = c.id
    )
"""


async def drop_unused_categories(tx: aiosqlite.Connection, guild_id: int) -> set[str]:
    """Delete the server's custom categories nothing uses any more (:data:`_CATEGORY_UNUSED`); their ids."""
    cursor = await tx.execute(
        f"DELETE FROM warning_categories AS c WHERE c.guild_id = ? AND {_CATEGORY_UNUSED} RETURNING id", (guild_id,)
    )
    return {row[0] for row in await cursor.fetchall()}


@dataclass(frozen=True, slots=True)
class CategoryUses:
    """Everything of one server that refers to one of its custom categories (what goes with it)."""

    created_at: float
    rules: list[CustomRule]
    overrides: int  # stories whose warning an admin added or hid with /warnings story
    confirmed: int  # chapters an admin confirmed it on (a possible warning or a report)
    dismissed: int  # chapters an admin dismissed it on
    open_reports: int
    closed_reports: int
    avoiding: int  # members who avoid it
    switched_off: bool


async def category_uses(conn: Connection, guild_id: int, category_id: str) -> CategoryUses | None:
    """What refers to the server's custom category ``category_id``; None when it has none such."""
    row = await _one(
        conn,
        """
        SELECT c.created_at,
            (SELECT count(*) FROM warning_overrides WHERE guild_id = c.guild_id AND warning_id = c.id),
            (SELECT count(*) FROM warning_reviews
             WHERE guild_id = c.guild_id AND warning_id = c.id AND decision = 'confirmed'),
            (SELECT count(*) FROM warning_reviews
             WHERE guild_id = c.guild_id AND warning_id = c.id AND decision = 'dismissed'),
            (SELECT count(*) FROM warning_reports WHERE guild_id = c.guild_id AND warning_id = c.id AND status = 'open'),
            (SELECT count(*) FROM warning_reports WHERE guild_id = c.guild_id AND warning_id = c.id AND status != 'open'),
            (SELECT count(DISTINCT user_id) FROM member_avoided_warnings WHERE guild_id = c.guild_id AND warning_id = c.id),
            EXISTS (SELECT 1 FROM warning_disabled
                    WHERE guild_id = c.guild_id AND target_kind = 'category' AND target = c.id)
        FROM warning_categories AS c WHERE c.guild_id = ? AND c.id = ?
        """,
        (guild_id, category_id),
    )
    if row is None:
        return None
    rules = await _all(
        conn,
        "SELECT id, category, kind, pattern FROM warning_rules WHERE guild_id = ? AND category = ? ORDER BY id",
        (guild_id, category_id),
    )
    return CategoryUses(
        float(row[0]),
        [CustomRule(r["id"], r["category"], r["kind"], r["pattern"]) for r in rules],
        *(int(value) for value in tuple(row)[1:7]),
        bool(row[7]),
    )


# Every table of a server that names a warning category by id (a report's post goes with its report).
_NAMING_CATEGORY = (
    "warning_rules WHERE guild_id = ? AND category = ?",
    "warning_overrides WHERE guild_id = ? AND warning_id = ?",
    "warning_reviews WHERE guild_id = ? AND warning_id = ?",
    "warning_reports WHERE guild_id = ? AND warning_id = ?",
    "member_avoided_warnings WHERE guild_id = ? AND warning_id = ?",
    "warning_disabled WHERE guild_id = ? AND target_kind = 'category' AND target = ?",
    # by story: its key leads with the story (no index by server)
    "chapter_warnings WHERE story_id IN (SELECT id FROM stories WHERE guild_id = ?1) AND warning_id = ?2",
    "possible_warnings WHERE guild_id = ? AND warning_id = ?",
    "warning_categories WHERE guild_id = ? AND id = ?",
)


async def delete_category(tx: aiosqlite.Connection, guild_id: int, category_id: str) -> None:
    """The server's custom category and everything of the server naming it, inside the caller's transaction.
    (Stored scans' reports still name it until they are made again: the caller bumps the rules version.)"""
    for table in _NAMING_CATEGORY:
        await tx.execute(f"DELETE FROM {table}", (guild_id, category_id))


async def empty_category(conn: Connection, guild_id: int, category_id: str) -> bool:
    """Whether the server has a custom category of that id without any rule."""
    row = await _one(
        conn,
        "SELECT 1 FROM warning_categories AS c WHERE c.guild_id = ? AND c.id = ? "
        "AND NOT EXISTS (SELECT 1 FROM warning_rules AS r WHERE r.guild_id = c.guild_id AND r.category = c.id)",
        (guild_id, category_id),
    )
    return row is not None


async def list_rules(conn: Connection, guild_id: int) -> list[CustomRule]:
    rows = await _all(
        conn, "SELECT id, category, kind, pattern FROM warning_rules WHERE guild_id = ? ORDER BY id", (guild_id,)
    )
    return [CustomRule(r["id"], r["category"], r["kind"], r["pattern"]) for r in rows]


async def count_rules(conn: Connection, guild_id: int) -> int:
    row = await _one(conn, "SELECT count(*) FROM warning_rules WHERE guild_id = ?", (guild_id,))
    return int(row[0]) if row else 0


async def find_rule(conn: Connection, guild_id: int, category: str, kind: str, pattern: str) -> int | None:
    """The category's rule with this pattern; a phrase in another letter case is the same rule.

    Phrases match whatever the case, so "Perished at Sea" would only repeat "perished at sea". A regex
    is compared as written: its case carries meaning (``\\w`` is not ``\\W``). SQLite's NOCASE folds
    ASCII only, so phrases are folded here, among the category's rules (at most MAX_CUSTOM_RULES).
    """
    if kind != "phrase":
        row = await _one(
            conn,
            "SELECT id FROM warning_rules WHERE guild_id = ? AND category = ? AND kind = ? AND pattern = ?",
            (guild_id, category, kind, pattern),
        )
        return int(row[0]) if row else None
    folded = pattern.casefold()
    rows = await _all(
        conn,
        "SELECT id, pattern FROM warning_rules WHERE guild_id = ? AND category = ? AND kind = ? ORDER BY id",
        (guild_id, category, kind),
    )
    for row in rows:
        if str(row[1]).casefold() == folded:
            return int(row[0])
    return None


async def get_rule(conn: Connection, guild_id: int, rule_id: int) -> CustomRule | None:
    row = await _one(
        conn, "SELECT id, category, kind, pattern FROM warning_rules WHERE guild_id = ? AND id = ?", (guild_id, rule_id)
    )
    return CustomRule(row["id"], row["category"], row["kind"], row["pattern"]) if row else None


async def insert_rule(
    tx: aiosqlite.Connection, guild_id: int, category: str, kind: str, pattern: str, user_id: int | None, now: float
) -> int:
    await ensure_guild(tx, guild_id, now)
    cursor = await tx.execute(
        "INSERT INTO warning_rules (guild_id, category, kind, pattern, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (guild_id, category, kind, pattern, user_id, now),
    )
    return int(cursor.lastrowid or 0)


async def delete_rule(tx: aiosqlite.Connection, guild_id: int, rule_id: int) -> None:
    await tx.execute("DELETE FROM warning_rules WHERE guild_id = ? AND id = ?", (guild_id, rule_id))


async def disabled_targets(conn: Connection, guild_id: int) -> tuple[set[str], set[str]]:
    """(default rule ids, category ids) this server switched off."""
    rows = await _all(conn, "SELECT target_kind, target FROM warning_disabled WHERE guild_id = ?", (guild_id,))
    rules = {r["target"] for r in rows if r["target_kind"] == "rule"}
    categories = {r["target"] for r in rows if r["target_kind"] == "category"}
    return rules, categories


async def insert_disabled(
    tx: aiosqlite.Connection, guild_id: int, kind: str, target: str, user_id: int | None, now: float
) -> bool:
    """False when it was already switched off."""
    await ensure_guild(tx, guild_id, now)
    cursor = await tx.execute(
        "INSERT INTO warning_disabled (guild_id, target_kind, target, created_by, created_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT DO NOTHING",
        (guild_id, kind, target, user_id, now),
    )
    return cursor.rowcount > 0


async def delete_disabled(tx: aiosqlite.Connection, guild_id: int, kind: str, target: str) -> bool:
    cursor = await tx.execute(
        "DELETE FROM warning_disabled WHERE guild_id = ? AND target_kind = ? AND target = ?", (guild_id, kind, target)
    )
    return cursor.rowcount > 0


# --- scans ---------------------------------------------------------------------------------


async def story_exists(conn: Connection, guild_id: int, story_id: int) -> bool:
    return await _one(conn, "SELECT 1 FROM stories WHERE guild_id = ? AND id = ?", (guild_id, story_id)) is not None


async def text_hash(conn: Connection, guild_id: int, story_id: int) -> str | None:
    """Which text the story holds now ('' for a row without a hash), or None once it is gone: a scan
    is stored only for the text it read (``/story update`` may replace it meanwhile)."""
    row = await _one(
        conn, "SELECT coalesce(content_hash, '') FROM stories WHERE guild_id = ? AND id = ?", (guild_id, story_id)
    )
    return None if row is None else row[0]


async def save_scan(
    tx: aiosqlite.Connection,
    guild_id: int,
    story_id: int,
    report: ScanReport,
    *,
    rules_version: int,
    defaults: str,
    now: float,
    possible: Sequence[PossibleRow] = (),
) -> None:
    """``rules_version`` is the server's rules, ``defaults`` the shipped rules' fingerprint;
    ``possible`` the chapters' possible warnings the author did not declare, listed for review."""
    await tx.execute(
        "INSERT INTO story_scans (story_id, guild_id, rules_version, defaults, report, summary, scanned_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (story_id) DO UPDATE SET rules_version = excluded.rules_version, defaults = excluded.defaults, "
        "report = excluded.report, summary = excluded.summary, scanned_at = excluded.scanned_at "
        "WHERE story_scans.guild_id = excluded.guild_id",
        (
            story_id,
            guild_id,
            rules_version,
            defaults,
            json.dumps(report.to_record(), ensure_ascii=False),
            json.dumps(report.summary_record(), ensure_ascii=False),
            now,
        ),
    )
    await tx.execute("DELETE FROM chapter_warnings WHERE story_id = ? AND guild_id = ?", (story_id, guild_id))
    await tx.executemany(
        "INSERT INTO chapter_warnings (story_id, guild_id, chapter, warning_id, score) VALUES (?, ?, ?, ?, ?)",
        [
            (story_id, guild_id, chapter.number, found.id, found.score)
            for chapter in report.chapters
            for found in chapter.warnings
        ],
    )
    await tx.execute("DELETE FROM possible_warnings WHERE story_id = ? AND guild_id = ?", (story_id, guild_id))
    await tx.executemany(
        "INSERT INTO possible_warnings (story_id, guild_id, chapter, warning_id, score, evidence) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [(story_id, guild_id, *row) for row in possible],
    )


async def stale_scans(
    conn: Connection, defaults: str, scope: tuple[str, list[int]], *, after: int, limit: int
) -> list[tuple[int, int]]:
    """(guild id, story id) of stored scans made with other shipped rules than ``defaults`` or an
    older version of their server's rules, in story id order after ``after``, on this process's
    servers (``scope``: :meth:`ShardScope.sql` of ``s.guild_id``). Walks the primary key: a pass over 100,000 scans
    is 2,000 short queries, not one query per story."""
    where, params = scope
    rows = await _all(
        conn,
        "SELECT s.guild_id, s.story_id FROM story_scans s INDEXED BY story_scans_small "
        "LEFT JOIN warning_rule_versions v ON v.guild_id = s.guild_id "
        f"WHERE s.story_id > ? AND (s.defaults != ? OR s.rules_version != coalesce(v.version, 0)) AND {where} "
        "ORDER BY s.story_id LIMIT ?",
        (after, defaults, *params, limit),
    )
    return [(int(row[0]), int(row[1])) for row in rows]


async def stored_scan(conn: Connection, guild_id: int, story_id: int) -> tuple[ScanReport, int, str] | None:
    """The stored report with the server's rules version and the default rules it was made with."""
    row = await _one(
        conn,
        "SELECT report, rules_version, defaults FROM story_scans WHERE guild_id = ? AND story_id = ?",
        (guild_id, story_id),
    )
    if row is None:
        return None
    return ScanReport.from_record(json.loads(row["report"])), int(row["rules_version"]), str(row["defaults"])


async def scan_summary(conn: Connection, guild_id: int, story_id: int) -> tuple[ScanReport | None, int, str] | None:
    """What members see of the stored scan (:meth:`ScanReport.from_summary`; None for a scan stored
    without one), with the rules version and default rules it was made with; None without a scan.
    Reads a few hundred bytes where :func:`stored_scan` decodes the whole report."""
    row = await _one(
        conn,
        # The index holds these: the row's report (before them in the row) is never read.
        "SELECT summary, rules_version, defaults, "
        "(SELECT has_text FROM stories WHERE id = story_scans.story_id) AS has_text "
        "FROM story_scans INDEXED BY story_scans_small WHERE guild_id = ? AND story_id = ?",
        (guild_id, story_id),
    )
    if row is None:
        return None
    summary = ScanReport.from_summary(json.loads(row["summary"])) if row["summary"] else None
    if summary is not None and row["has_text"] == 0:  # a book's warnings are the ones its admin typed
        summary.declared_source = GIVEN
    return summary, int(row["rules_version"]), str(row["defaults"])


DECLARED_WORDS_READ = 2_000  # a server's declared words no category matches, read at most (a menu, a check)


async def declared_words(conn: Connection, guild_id: int) -> list[tuple[str, bool]]:
    """(words, whether a book's admin gave them) of what this server's stored scans declare that no
    category matches, each once, in one bounded read of the small summaries."""
    rows = await _all(
        conn,
        "SELECT DISTINCT j.value AS words, s.has_text AS has_text FROM story_scans AS sc"
        " JOIN stories AS s ON s.id = sc.story_id, json_each(sc.summary, '$.declared_unmapped') AS j"
        " WHERE sc.guild_id = ? AND sc.summary != '' AND json_valid(sc.summary) AND j.type = 'text' LIMIT ?",
        (guild_id, DECLARED_WORDS_READ),
    )
    return [(str(row["words"]), row["has_text"] == 0) for row in rows]


async def chapter_scores(conn: Connection, guild_id: int, story_id: int, chapter: int) -> dict[str, float]:
    rows = await _all(
        conn,
        "SELECT warning_id, score FROM chapter_warnings WHERE guild_id = ? AND story_id = ? AND chapter = ?",
        (guild_id, story_id, chapter),
    )
    return {r["warning_id"]: r["score"] for r in rows}


async def scores_through(conn: Connection, guild_id: int, story_id: int, upto: int) -> dict[int, dict[str, float]]:
    """:func:`chapter_scores` of chapters 1 to ``upto`` in one read: chapter -> warning -> score
    (chapters without a warning past its threshold are left out)."""
    rows = await _all(
        conn,
        "SELECT chapter, warning_id, score FROM chapter_warnings WHERE guild_id = ? AND story_id = ? AND chapter <= ?",
        (guild_id, story_id, upto),
    )
    found: dict[int, dict[str, float]] = {}
    for r in rows:
        found.setdefault(r["chapter"], {})[r["warning_id"]] = r["score"]
    return found


# --- overrides and reviews ------------------------------------------------------------------


async def overrides(conn: Connection, guild_id: int, story_id: int) -> dict[str, str]:
    rows = await _all(
        conn,
        "SELECT warning_id, action FROM warning_overrides WHERE guild_id = ? AND story_id = ? ORDER BY warning_id",
        (guild_id, story_id),
    )
    return {r["warning_id"]: r["action"] for r in rows}


async def upsert_override(
    tx: aiosqlite.Connection,
    guild_id: int,
    story_id: int,
    warning_id: str,
    action: str,
    user_id: int | None,
    now: float,
) -> bool:
    """False when the story already had this override (written by whoever set it first)."""
    cursor = await tx.execute(
        "INSERT INTO warning_overrides (guild_id, story_id, warning_id, action, created_by, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (story_id, warning_id) DO UPDATE SET action = excluded.action, "
        "created_by = excluded.created_by, created_at = excluded.created_at "
        "WHERE warning_overrides.action <> excluded.action",
        (guild_id, story_id, warning_id, action, user_id, now),
    )
    return cursor.rowcount > 0


async def renumber_chapter_decisions(
    tx: aiosqlite.Connection, guild_id: int, story_id: int, moves: Mapping[int, int | None]
) -> None:
    """``/story update`` renumbered the chapters (bot.story.changes): reviews and reports move with
    their chapters, inside the caller's transaction; those of a chapter gone (None: now a note, or
    taken out before a chapter that now holds its number) go, as they judged a text no chapter has."""
    gone = sorted(old for old, new in moves.items() if new is None)
    marks = ", ".join("?" for _ in gone)
    for table in ("warning_reviews", "warning_reports"):
        if gone:
            await tx.execute(
                f"DELETE FROM {table} WHERE guild_id = ? AND story_id = ? AND chapter IN ({marks})",
                (guild_id, story_id, *gone),
            )
        moved = {old: new for old, new in moves.items() if new is not None}
        await move_chapter_rows(tx, table, guild_id, story_id, moved)


async def forget_dismissals(
    tx: aiosqlite.Connection, guild_id: int, story_id: int, chapters: Iterable[int]
) -> set[tuple[int, str]]:
    """Drop the dismissals of these chapters (their text changed in ``/story update``), inside the
    caller's transaction; returns the (chapter, warning id) pairs dropped.

    A dismissal judged the evidence of a text that is gone: kept, it would hide the new text's
    evidence from admins and from members who avoid that warning strictly. Confirmations stay
    (they only ever warn more)."""
    numbers = sorted(set(chapters))
    if not numbers:
        return set()
    marks = ", ".join("?" for _ in numbers)
    cursor = await tx.execute(
        f"DELETE FROM warning_reviews WHERE guild_id = ? AND story_id = ? AND decision = 'dismissed' "
        f"AND chapter IN ({marks}) RETURNING chapter, warning_id",
        (guild_id, story_id, *numbers),
    )
    return {(row[0], row[1]) for row in await cursor.fetchall()}


async def reviews(conn: Connection, guild_id: int, story_id: int) -> dict[tuple[int, str], str]:
    """(chapter, warning id) -> 'confirmed' or 'dismissed'."""
    rows = await _all(
        conn,
        "SELECT chapter, warning_id, decision FROM warning_reviews WHERE guild_id = ? AND story_id = ?",
        (guild_id, story_id),
    )
    return {(r["chapter"], r["warning_id"]): r["decision"] for r in rows}


async def confirmed_reports(conn: Connection, guild_id: int, story_id: int) -> set[tuple[int, str]]:
    """(chapter, warning id) that a member reported and an admin confirmed."""
    rows = await _all(
        conn,
        "SELECT DISTINCT chapter, warning_id FROM warning_reports WHERE guild_id = ? AND story_id = ? "
        "AND status = 'confirmed'",
        (guild_id, story_id),
    )
    return {(r["chapter"], r["warning_id"]) for r in rows}


async def upsert_review(
    tx: aiosqlite.Connection,
    guild_id: int,
    story_id: int,
    chapter: int,
    warning_id: str,
    decision: str,
    user_id: int | None,
    now: float,
) -> bool:
    """False when the chapter already had this decision (kept as whoever made it first)."""
    cursor = await tx.execute(
        "INSERT INTO warning_reviews (guild_id, story_id, chapter, warning_id, decision, decided_by, decided_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (story_id, chapter, warning_id) DO UPDATE SET "
        "decision = excluded.decision, decided_by = excluded.decided_by, decided_at = excluded.decided_at "
        "WHERE warning_reviews.decision <> excluded.decision",
        (guild_id, story_id, chapter, warning_id, decision, user_id, now),
    )
    return cursor.rowcount > 0


# --- reports ---------------------------------------------------------------------------------

_REPORT_COLUMNS = "id, story_id, chapter, warning_id, reporter_id, note, status, created_at, resolved_by, resolved_at"


def _report(row: aiosqlite.Row) -> Report:
    return Report(
        row["id"],
        row["story_id"],
        row["chapter"],
        row["warning_id"],
        row["reporter_id"],
        row["note"],
        row["status"],
        row["created_at"],
        row["resolved_by"],
        row["resolved_at"],
    )


async def open_report_of(
    conn: Connection, guild_id: int, story_id: int, chapter: int, warning_id: str, reporter_id: int
) -> Report | None:
    row = await _one(
        conn,
        f"SELECT {_REPORT_COLUMNS} FROM warning_reports WHERE guild_id = ? AND story_id = ? AND chapter = ? "
        "AND warning_id = ? AND reporter_id = ? AND status = 'open'",
        (guild_id, story_id, chapter, warning_id, reporter_id),
    )
    return _report(row) if row else None


async def reports_since(conn: Connection, guild_id: int, reporter_id: int, since: float) -> int:
    row = await _one(
        conn,
        "SELECT count(*) FROM warning_reports WHERE guild_id = ? AND reporter_id = ? AND created_at >= ?",
        (guild_id, reporter_id, since),
    )
    return int(row[0]) if row else 0


async def insert_report(
    tx: aiosqlite.Connection,
    guild_id: int,
    story_id: int,
    chapter: int,
    warning_id: str,
    reporter_id: int,
    note: str,
    now: float,
) -> int:
    await ensure_guild(tx, guild_id, now)
    cursor = await tx.execute(
        "INSERT INTO warning_reports (guild_id, story_id, chapter, warning_id, reporter_id, note, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (guild_id, story_id, chapter, warning_id, reporter_id, note, now),
    )
    return int(cursor.lastrowid or 0)


@dataclass(frozen=True, slots=True)
class ReportGroup:
    """The open reports of one chapter and warning: one item for the admins to decide."""

    story_id: int
    chapter: int
    warning_id: str
    reports: int
    notes: tuple[str, ...]  # the first few notes, oldest first
    first: int = 0  # its oldest open report's id: where it stands in the queue


# Open reports on chapters the story still has, one group per chapter and warning, keyed by the
# group's first report: a report on a chapter a ``/story update`` took down stays stored (the
# chapter may come back) but cannot be decided.
_OPEN_GROUPS = (
    "SELECT r.story_id, r.chapter, r.warning_id, count(*) AS reports, min(r.id) AS first "
    "FROM warning_reports r JOIN stories s ON s.id = r.story_id AND s.guild_id = r.guild_id "
    "WHERE r.guild_id = ? AND r.status = 'open' AND r.chapter <= s.chapter_count "
    "GROUP BY r.story_id, r.chapter, r.warning_id"
)


async def open_report_groups(
    conn: Connection, guild_id: int, *, limit: int, offset: int = 0, notes: int = 2
) -> list[ReportGroup]:
    """Open reports grouped by chapter and warning, oldest first (``offset`` groups skipped)."""
    rows = await _all(
        conn,
        "SELECT g.*, (SELECT json_group_array(note) FROM (SELECT n.note FROM warning_reports n "
        "WHERE n.guild_id = ? AND n.story_id = g.story_id AND n.chapter = g.chapter AND n.warning_id = g.warning_id "
        f"AND n.status = 'open' AND n.note != '' ORDER BY n.id LIMIT ?)) AS notes FROM ({_OPEN_GROUPS}) g "
        "ORDER BY g.first LIMIT ? OFFSET ?",
        (guild_id, notes, guild_id, limit, offset),
    )
    return [
        ReportGroup(
            r["story_id"], r["chapter"], r["warning_id"], r["reports"], tuple(json.loads(r["notes"])), r["first"]
        )
        for r in rows
    ]


async def count_report_groups(conn: Connection, guild_id: int, *, below: int | None = None) -> int:
    """How many groups of open reports wait, or only those whose first report is older than ``below``."""
    row = await _one(
        conn,
        f"SELECT count(*) FROM ({_OPEN_GROUPS}) g WHERE ? IS NULL OR g.first < ?",
        (guild_id, below, below),
    )
    return int(row[0]) if row else 0


# Possible warnings nobody decided: no review of the chapter's warning, no story override names it.
_UNDECIDED_POSSIBLE = (
    "FROM possible_warnings p JOIN stories s ON s.id = p.story_id AND s.guild_id = p.guild_id "
    "WHERE p.guild_id = ? AND p.chapter <= s.chapter_count "
    "AND NOT EXISTS (SELECT 1 FROM warning_reviews v WHERE v.guild_id = p.guild_id AND v.story_id = p.story_id "
    "AND v.chapter = p.chapter AND v.warning_id = p.warning_id) "
    "AND NOT EXISTS (SELECT 1 FROM warning_overrides o WHERE o.guild_id = p.guild_id AND o.story_id = p.story_id "
    "AND o.warning_id = p.warning_id)"
)
# Those still waiting as possible warnings: no open report makes one of them a report item instead.
# The one place that decides it, for /warnings review and /warnings story alike.
_WAITING_POSSIBLE = (
    f"{_UNDECIDED_POSSIBLE} "
    "AND NOT EXISTS (SELECT 1 FROM warning_reports r WHERE r.guild_id = p.guild_id AND r.story_id = p.story_id "
    "AND r.chapter = p.chapter AND r.warning_id = p.warning_id AND r.status = 'open')"
)


@dataclass(frozen=True, slots=True)
class PossibleItem:
    """A possible warning waiting for a decision, with its story's title and evidence (JSON as stored)."""

    story_id: int
    story_title: str
    chapter: int
    warning_id: str
    score: float
    evidence: str


async def _possible_items(conn: Connection, query: str, params: tuple[object, ...]) -> list[PossibleItem]:
    """The possible warnings ``query`` (its FROM onwards) selects, as items: the review list, the
    story page and the reminders read them alike."""
    rows = await _all(conn, f"SELECT p.story_id, s.title, p.chapter, p.warning_id, p.score, p.evidence {query}", params)
    # The title tidied as every read of a story tidies it (a row stored before imports tidied titles).
    return [PossibleItem(row[0], story_title(row[1]), *row[2:]) for row in rows]


async def waiting_possible(conn: Connection, guild_id: int, *, limit: int, offset: int = 0) -> list[PossibleItem]:
    """Possible warnings waiting, by story, chapter and warning (``offset`` skipped)."""
    return await _possible_items(
        conn,
        f"{_WAITING_POSSIBLE} ORDER BY p.story_id, p.chapter, p.warning_id LIMIT ? OFFSET ?",
        (guild_id, limit, offset),
    )


async def count_possible(
    conn: Connection,
    guild_id: int,
    *,
    below: tuple[int, int, str] | None = None,
    inclusive: bool = False,
    story_id: int | None = None,
) -> int:
    """How many possible warnings wait (of one story, given ``story_id``), or only those before
    ``below`` (story id, chapter, warning id; ``inclusive``: and that one)."""
    below_story, chapter, warning_id = below or (None, None, None)
    order = "<=" if inclusive else "<"
    row = await _one(
        conn,
        f"SELECT count(*) {_WAITING_POSSIBLE} AND (? IS NULL OR p.story_id = ?) "
        f"AND (? IS NULL OR (p.story_id, p.chapter, p.warning_id) {order} (?, ?, ?))",
        (guild_id, story_id, story_id, below_story, below_story, chapter, warning_id),
    )
    return int(row[0]) if row else 0


async def story_waiting_possible(
    conn: Connection, guild_id: int, story_id: int, *, limit: int, offset: int = 0
) -> list[PossibleItem]:
    """One story's possible warnings waiting, by chapter and warning (``offset`` skipped): the
    items of ``/warnings review`` that are this story's possible warnings."""
    return await _possible_items(
        conn,
        f"{_WAITING_POSSIBLE} AND p.story_id = ? ORDER BY p.chapter, p.warning_id LIMIT ? OFFSET ?",
        (guild_id, story_id, limit, offset),
    )


async def count_story_possible(
    conn: Connection, guild_id: int, story_id: int, *, below: tuple[int, str] | None = None, inclusive: bool = False
) -> int:
    """How many of the story's possible warnings wait, or only those before ``below`` (chapter,
    warning id; ``inclusive``: and that one)."""
    key = (story_id, *below) if below else None
    return await count_possible(conn, guild_id, below=key, inclusive=inclusive, story_id=story_id)


async def undecided_possible(
    conn: Connection, guild_id: int, story_id: int, chapter: int | None = None
) -> list[PossibleItem]:
    """The story's possible warnings nobody decided (of one ``chapter``, or all), reported or not (a
    reminder leaves out a member who avoids one strictly either way), by chapter and warning."""
    return await _possible_items(
        conn,
        f"{_UNDECIDED_POSSIBLE} AND p.story_id = ? AND (? IS NULL OR p.chapter = ?) ORDER BY p.chapter, p.warning_id",
        (guild_id, story_id, chapter, chapter),
    )


async def unsettled(conn: Connection, guild_id: int, story_id: int, first: int, last: int) -> set[tuple[int, str]]:
    """(chapter, warning id) of chapters ``first`` to ``last`` that may carry a warning nobody settled:
    a possible one nobody decided, or one a member reported that no admin has answered yet."""
    rows = await _all(
        conn,
        f"SELECT p.chapter, p.warning_id {_UNDECIDED_POSSIBLE} AND p.story_id = ? AND p.chapter BETWEEN ? AND ? "
        "UNION SELECT r.chapter, r.warning_id FROM warning_reports r "
        "JOIN stories s ON s.id = r.story_id AND s.guild_id = r.guild_id "
        "WHERE r.guild_id = ? AND r.story_id = ? AND r.status = 'open' AND r.chapter <= s.chapter_count "
        "AND r.chapter BETWEEN ? AND ?",
        (guild_id, story_id, first, last, guild_id, story_id, first, last),
    )
    return {(r[0], r[1]) for r in rows}


async def open_reported_on_story(conn: Connection, guild_id: int, story_id: int) -> int:
    """How many chapters and warnings of the story have open reports (items of ``/warnings review``)."""
    row = await _one(conn, f"SELECT count(*) FROM ({_OPEN_GROUPS}) g WHERE g.story_id = ?", (guild_id, story_id))
    return int(row[0]) if row else 0


async def get_report(conn: Connection, guild_id: int, report_id: int) -> Report | None:
    row = await _one(
        conn, f"SELECT {_REPORT_COLUMNS} FROM warning_reports WHERE guild_id = ? AND id = ?", (guild_id, report_id)
    )
    return _report(row) if row else None


async def close_reports(
    tx: aiosqlite.Connection,
    guild_id: int,
    story_id: int,
    chapter: int,
    warning_id: str,
    status: str,
    user_id: int | None,
    now: float,
) -> int:
    """Close every open report of that chapter and warning; returns how many."""
    cursor = await tx.execute(
        "UPDATE warning_reports SET status = ?, resolved_by = ?, resolved_at = ? WHERE guild_id = ? AND story_id = ? "
        "AND chapter = ? AND warning_id = ? AND status = 'open'",
        (status, user_id, now, guild_id, story_id, chapter, warning_id),
    )
    return cursor.rowcount


# ------------------------------------------------------------------ reports owed to the mod channel


@dataclass(frozen=True, slots=True)
class ReportPost:
    """A report's post to the moderation channel, as far as it got."""

    report_id: int
    guild_id: int
    state: str
    nonce: str
    attempts: int


async def owe_report_post(tx: aiosqlite.Connection, guild_id: int, report_id: int, retry_at: float) -> None:
    """The report is owed to the moderation channel; until the first try settles, nobody else tries
    before ``retry_at``. The nonce is Discord's (at most 25 characters), kept across tries."""
    await tx.execute(
        "INSERT INTO report_posts (report_id, guild_id, nonce, retry_at)"
        " VALUES (?, ?, 'w' || lower(hex(randomblob(8))), ?)",
        (report_id, guild_id, retry_at),
    )


async def claim_report_post(
    db: Database, guild_id: int, report_id: int, attempts: int, hold_until: float
) -> ReportPost | None:
    """Take a pending post for one try, counting it and holding off other tries until ``hold_until``;
    None when it moved on or another try took it since ``attempts`` was read."""
    async with db.transaction() as tx:
        cursor = await tx.execute(
            "UPDATE report_posts SET attempts = attempts + 1, retry_at = ?"
            " WHERE guild_id = ? AND report_id = ? AND state = 'pending' AND attempts = ?",
            (hold_until, guild_id, report_id, attempts),
        )
        if cursor.rowcount != 1:
            return None
        row = await _one(
            tx,
            "SELECT report_id, guild_id, state, nonce, attempts FROM report_posts WHERE report_id = ?",
            (report_id,),
        )
    assert row is not None
    return ReportPost(row["report_id"], row["guild_id"], row["state"], row["nonce"], row["attempts"])


async def hold_report_post(db: Database, guild_id: int, report_id: int, attempts: int, retry_at: float) -> None:
    """A try of it is still running in this process: looked at again at ``retry_at``, no try counted
    (unless that try ended meanwhile and moved it on)."""
    await db.execute(
        "UPDATE report_posts SET retry_at = ? WHERE guild_id = ? AND report_id = ? AND state = 'pending'"
        " AND attempts = ? AND retry_at < ?",
        (retry_at, guild_id, report_id, attempts, retry_at),
    )


async def settle_report_post(
    db: Database,
    guild_id: int,
    report_id: int,
    state: str,
    *,
    message_id: int | None = None,
    failure: str | None = None,
    retry_at: float | None = None,
) -> None:
    """Record a try's end: ``posted`` (with the message), ``failed`` or ``dropped`` (with why), or
    still ``pending`` until ``retry_at`` (with the failure that put it off)."""
    await db.execute(
        "UPDATE report_posts SET state = ?, message_id = coalesce(?, message_id), failure = ?,"
        " retry_at = CASE WHEN ? = 'pending' THEN ? END WHERE guild_id = ? AND report_id = ? AND state = 'pending'",
        (state, message_id, failure, state, retry_at, guild_id, report_id),
    )


async def next_report_post(db: Database, scope: tuple[str, list[int]]) -> float | None:
    condition, params = scope
    value = await db.fetch_value(
        f"SELECT min(retry_at) FROM report_posts WHERE state = 'pending' AND {condition}", tuple(params)
    )
    return None if value is None else float(value)


async def report_posts_left(
    db: Database, before: float, scope: tuple[str, list[int]], limit: int
) -> list[tuple[int, int, int]]:
    """(guild id, report id, tries so far) of the posts still owed for reports made before ``before``
    (by an earlier process), whatever their retry time, oldest first."""
    condition, params = scope
    rows = await db.fetch_all(
        "SELECT guild_id, report_id, attempts FROM report_posts WHERE state = 'pending'"
        " AND EXISTS (SELECT 1 FROM warning_reports r WHERE r.id = report_posts.report_id AND r.created_at < ?)"
        f" AND {condition} ORDER BY report_id LIMIT ?",
        (before, *params, limit),
    )
    return [(int(row["guild_id"]), int(row["report_id"]), int(row["attempts"])) for row in rows]


async def report_posts_due(
    db: Database, now: float, scope: tuple[str, list[int]], limit: int
) -> list[tuple[int, int, int]]:
    """(guild id, report id, tries so far) of the posts due by ``now``, oldest first."""
    condition, params = scope
    rows = await db.fetch_all(
        "SELECT guild_id, report_id, attempts FROM report_posts"
        f" WHERE state = 'pending' AND retry_at <= ? AND {condition} ORDER BY retry_at, report_id LIMIT ?",
        (now, *params, limit),
    )
    return [(int(row["guild_id"]), int(row["report_id"]), int(row["attempts"])) for row in rows]
