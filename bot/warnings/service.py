"""Warnings backed by storage: a server's ruleset, stored scans, headers, and admin changes.

Every query is scoped by guild id. A server's ruleset (defaults + its categories and rules
- what it disabled) is compiled once and cached per database and server, keyed by a version
number that every change bumps in the same transaction, so the matcher is rebuilt exactly
when the rules change. Every change then re-scans that server's stories.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import weakref
from collections.abc import Iterable
from dataclasses import dataclass

import aiosqlite

from bot.db import Database
from bot.errors import UserError
from bot.guilds import ensure_guild
from bot.story.model import HeaderWarning, Story
from bot.warnings.engine import SOURCE_RANK, ScanReport, scan
from bot.warnings.rules import (
    MAX_CUSTOM_RULES,
    RULE_KINDS,
    CategoryRules,
    Rule,
    RuleError,
    Ruleset,
    admin_rule,
    default_ruleset,
)
from bot.warnings.taxonomy import CATEGORY_ID, Category, Taxonomy

log = logging.getLogger(__name__)

MAX_LABEL_CHARS = 60
MAX_DESCRIPTION_CHARS = 200
OVERRIDE_ACTIONS = ("add", "remove")
# Shown last in headers when the author chose not to use archive warnings: unwarned, not safe.
UNWARNED = HeaderWarning("unwarned", "Unwarned: the author chose not to use warnings", "declared")


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


@dataclass(slots=True)
class _CacheEntry:
    version: int
    ruleset: Ruleset


class RulesetCache:
    """Compiled rulesets of one database, per server; counts builds so tests can see reuse."""

    def __init__(self) -> None:
        self.entries: dict[int, _CacheEntry] = {}
        self.builds = 0


# Keyed by the Database object and dropped with it: no connection or bot is created here.
_caches: weakref.WeakKeyDictionary[Database, RulesetCache] = weakref.WeakKeyDictionary()


def cache_for(db: Database) -> RulesetCache:
    cache = _caches.get(db)
    if cache is None:
        cache = _caches[db] = RulesetCache()
    return cache


def _now(now: float | None) -> float:
    return time.time() if now is None else now


# ---------------------------------------------------------------------------------------
# Reading a server's configuration


async def rules_version(db: Database, guild_id: int) -> int:
    value = await db.fetch_value("SELECT version FROM warning_rule_versions WHERE guild_id = ?", (guild_id,))
    return int(value or 0)


async def custom_categories(db: Database, guild_id: int) -> list[tuple[Category, float]]:
    rows = await db.fetch_all(
        "SELECT id, label, description, threshold FROM warning_categories WHERE guild_id = ? ORDER BY id",
        (guild_id,),
    )
    return [(Category(r["id"], r["label"], r["description"], "custom", None, True), r["threshold"]) for r in rows]


async def list_rules(db: Database, guild_id: int) -> list[CustomRule]:
    rows = await db.fetch_all(
        "SELECT id, category, kind, pattern FROM warning_rules WHERE guild_id = ? ORDER BY id", (guild_id,)
    )
    return [CustomRule(r["id"], r["category"], r["kind"], r["pattern"]) for r in rows]


async def disabled_targets(db: Database, guild_id: int) -> tuple[set[str], set[str]]:
    """(default rule ids, category ids) this server switched off."""
    rows = await db.fetch_all("SELECT target_kind, target FROM warning_disabled WHERE guild_id = ?", (guild_id,))
    rules = {r["target"] for r in rows if r["target_kind"] == "rule"}
    categories = {r["target"] for r in rows if r["target_kind"] == "category"}
    return rules, categories


async def guild_taxonomy(db: Database, guild_id: int) -> Taxonomy:
    """The default categories plus this server's own (for listings and autocomplete)."""
    return default_ruleset().taxonomy.with_custom(category for category, _ in await custom_categories(db, guild_id))


async def _build_ruleset(db: Database, guild_id: int) -> Ruleset:
    categories = await custom_categories(db, guild_id)
    rules: list[Rule] = []
    for custom in await list_rules(db, guild_id):
        try:
            rules.append(admin_rule(custom.rule_id, custom.category, custom.kind, custom.pattern))
        except RuleError as error:  # stored before a stricter check; keep scanning without it
            log.warning("guild %s: skipping rule #%s: %s", guild_id, custom.id, error)
    off_rules, off_categories = await disabled_targets(db, guild_id)
    if not (categories or rules or off_rules or off_categories):
        return default_ruleset()  # most servers: one compiled matcher shared by all of them
    return default_ruleset().extended(
        categories=[category for category, _ in categories],
        rules=rules,
        disabled_rules=off_rules,
        disabled_categories=off_categories,
        category_rules={category.id: CategoryRules(threshold=threshold) for category, threshold in categories},
    )


async def guild_ruleset_data(db: Database, guild_id: int) -> tuple[Ruleset, int]:
    """The server's ruleset, not compiled, and its version: for a worker process to compile and scan with."""
    version = await rules_version(db, guild_id)
    return await _build_ruleset(db, guild_id), version


async def ruleset_for_guild(db: Database, guild_id: int) -> Ruleset:
    """The server's compiled ruleset, rebuilt only when its version moved."""
    cache = cache_for(db)
    version = await rules_version(db, guild_id)
    entry = cache.entries.get(guild_id)
    if entry is None or entry.version != version:
        ruleset = await _build_ruleset(db, guild_id)
        ruleset.matcher()
        cache.builds += 1
        entry = cache.entries[guild_id] = _CacheEntry(version, ruleset)
    return entry.ruleset


# ---------------------------------------------------------------------------------------
# Scans


async def scan_for_guild(db: Database, guild_id: int, story: Story) -> ScanReport:
    """The story scanned with this server's rules (in a thread: a long book takes a moment)."""
    ruleset = await ruleset_for_guild(db, guild_id)
    return await asyncio.to_thread(scan, story, ruleset)


async def save_scan(
    tx: aiosqlite.Connection, guild_id: int, story_id: int, report: ScanReport, *, rules_version: int = 0
) -> None:
    """Store a scan inside the caller's transaction (next to the story it belongs to)."""
    await tx.execute(
        "INSERT INTO story_scans (story_id, guild_id, rules_version, report, scanned_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (story_id) DO UPDATE SET rules_version = excluded.rules_version, "
        "report = excluded.report, scanned_at = excluded.scanned_at WHERE story_scans.guild_id = excluded.guild_id",
        (story_id, guild_id, rules_version, json.dumps(report.to_record(), ensure_ascii=False), time.time()),
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


async def stored_scan(db: Database, guild_id: int, story_id: int) -> ScanReport | None:
    row = await db.fetch_one("SELECT report FROM story_scans WHERE guild_id = ? AND story_id = ?", (guild_id, story_id))
    return None if row is None else ScanReport.from_record(json.loads(row["report"]))


async def rescan_story(db: Database, guild_id: int, story_id: int) -> ScanReport | None:
    from bot.story.store import load_story

    story = await load_story(db, guild_id, story_id)
    if story is None:
        return None
    version = await rules_version(db, guild_id)
    report = await scan_for_guild(db, guild_id, story)
    async with db.transaction() as tx:
        exists = await (
            await tx.execute("SELECT 1 FROM stories WHERE id = ? AND guild_id = ?", (story_id, guild_id))
        ).fetchone()
        if exists:  # the story may have been removed while it was being scanned
            await save_scan(tx, guild_id, story_id, report, rules_version=version)
    return report


async def rescan_guild(db: Database, guild_id: int) -> int:
    """Scan every story of the server again with its current rules; returns how many."""
    from bot.story.store import list_story_ids

    count = 0
    for story_id in await list_story_ids(db, guild_id):
        if await rescan_story(db, guild_id, story_id) is not None:
            count += 1
    return count


async def _report(db: Database, guild_id: int, story_id: int) -> ScanReport | None:
    """The stored scan; a story stored before its scan (or an old row) is scanned now."""
    report = await stored_scan(db, guild_id, story_id)
    if report is None:
        report = await rescan_story(db, guild_id, story_id)
    return report


async def overrides(db: Database, guild_id: int, story_id: int) -> dict[str, str]:
    rows = await db.fetch_all(
        "SELECT warning_id, action FROM warning_overrides WHERE guild_id = ? AND story_id = ? ORDER BY warning_id",
        (guild_id, story_id),
    )
    return {r["warning_id"]: r["action"] for r in rows}


def _merge(
    taxonomy: Taxonomy,
    declared: Iterable[str],
    detected: dict[str, float],
    story_overrides: dict[str, str],
) -> list[HeaderWarning]:
    """Declared + detected + overrides, overrides winning, strongest first."""
    entries: dict[str, tuple[str, float]] = {}
    for warning_id in declared:
        entries[warning_id] = ("declared", 0.0)
    for warning_id, score in detected.items():
        entries[warning_id] = ("both" if warning_id in entries else "detected", score)
    for warning_id, action in story_overrides.items():
        if action == "remove":
            entries.pop(warning_id, None)
        else:
            entries[warning_id] = ("override", entries.get(warning_id, ("", 0.0))[1])
    ordered = sorted(entries.items(), key=lambda item: (SOURCE_RANK.get(item[1][0], 9), -item[1][1], item[0]))
    return [HeaderWarning(warning_id, taxonomy.label(warning_id), source) for warning_id, (source, _) in ordered]


async def chapter_warnings(db: Database, guild_id: int, story_id: int, chapter: int) -> list[HeaderWarning]:
    """What a chapter's header shows: the story's declared warnings, what this chapter's text
    shows, and the admins' overrides for the story, strongest first."""
    report = await _report(db, guild_id, story_id)
    if report is None:
        return []
    rows = await db.fetch_all(
        "SELECT warning_id, score FROM chapter_warnings WHERE guild_id = ? AND story_id = ? AND chapter = ?",
        (guild_id, story_id, chapter),
    )
    declared = [w.id for w in report.warnings if w.source in ("declared", "both")]
    detected = {r["warning_id"]: r["score"] for r in rows}
    taxonomy = await guild_taxonomy(db, guild_id)
    merged = _merge(taxonomy, declared, detected, await overrides(db, guild_id, story_id))
    return [*merged, UNWARNED] if report.unwarned else merged


async def story_warnings(db: Database, guild_id: int, story_id: int) -> list[HeaderWarning]:
    report = await _report(db, guild_id, story_id)
    if report is None:
        return []
    declared = [w.id for w in report.warnings if w.source in ("declared", "both")]
    detected = {w.id: w.score for w in report.warnings if w.source in ("detected", "both")}
    taxonomy = await guild_taxonomy(db, guild_id)
    merged = _merge(taxonomy, declared, detected, await overrides(db, guild_id, story_id))
    return [*merged, UNWARNED] if report.unwarned else merged


# ---------------------------------------------------------------------------------------
# Admin changes: validated first, written in one transaction with a version bump, then rescan


async def _bump(tx: aiosqlite.Connection, guild_id: int) -> None:
    await tx.execute(
        "INSERT INTO warning_rule_versions (guild_id, version) VALUES (?, 1) "
        "ON CONFLICT (guild_id) DO UPDATE SET version = version + 1",
        (guild_id,),
    )


async def _require_category(db: Database, guild_id: int, category: str) -> Taxonomy:
    taxonomy = await guild_taxonomy(db, guild_id)
    if category not in taxonomy:
        raise UserError(f"There is no warning category `{category}` here; pick one from the list.")
    return taxonomy


async def add_rule(
    db: Database,
    guild_id: int,
    *,
    category: str,
    pattern: str,
    kind: str = "phrase",
    user_id: int | None = None,
    now: float | None = None,
    new_category: bool = False,
    rescan: bool = True,
) -> CustomRule:
    """A server rule; with ``new_category`` an unknown category is created for it (a custom one)."""
    category = category.strip().lower()
    kind = kind.strip().lower()
    if kind not in RULE_KINDS:
        raise UserError(f"`kind` must be `phrase` or `regex`, not `{kind}`.")
    taxonomy = await guild_taxonomy(db, guild_id)
    create = category not in taxonomy
    if create and not new_category:
        raise UserError(
            f"There is no warning category `{category}` here. Pick one from the list, "
            "or set `new_category` to create it."
        )
    if create and (not CATEGORY_ID.match(category) or len(category) > 40):
        raise UserError("A new category id is up to 40 lowercase letters or digits joined by hyphens, like `spiders`.")
    checked = admin_rule("custom:new", category, kind, pattern)  # raises RuleError with the reason
    async with db.transaction() as tx:
        count = (
            await (await tx.execute("SELECT count(*) FROM warning_rules WHERE guild_id = ?", (guild_id,))).fetchone()
        )[0]
        if count >= MAX_CUSTOM_RULES:
            raise UserError(
                f"This server already has {MAX_CUSTOM_RULES} custom rules, the limit. Remove one before adding another."
            )
        duplicate = await (
            await tx.execute(
                "SELECT id FROM warning_rules WHERE guild_id = ? AND category = ? AND kind = ? AND pattern = ?",
                (guild_id, category, kind, checked.source),
            )
        ).fetchone()
        if duplicate:
            raise UserError(f"That rule already exists as #{duplicate[0]}.")
        await ensure_guild(tx, guild_id, _now(now))
        if create:
            await tx.execute(
                "INSERT INTO warning_categories (guild_id, id, label, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
                (guild_id, category, category.replace("-", " ").capitalize(), user_id, _now(now)),
            )
        cursor = await tx.execute(
            "INSERT INTO warning_rules (guild_id, category, kind, pattern, created_by, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (guild_id, category, kind, checked.source, user_id, _now(now)),
        )
        rule_id = int(cursor.lastrowid or 0)
        await _bump(tx, guild_id)
    if rescan:
        await rescan_guild(db, guild_id)
    return CustomRule(rule_id, category, kind, checked.source)


def parse_rule_ref(text: str) -> int | None:
    """`#12`, `12` or `custom:12` (what autocomplete offers) as a rule number."""
    value = text.strip().removeprefix("custom:").removeprefix("#").split(" ", 1)[0]
    return int(value) if value.isdigit() else None


async def remove_rule(db: Database, guild_id: int, rule: str | int, *, rescan: bool = True) -> CustomRule:
    number = rule if isinstance(rule, int) else parse_rule_ref(rule)
    if number is None:
        raise UserError(f"`{rule}` is not a rule number; pick a rule from the list (e.g. `#3`).")
    async with db.transaction() as tx:
        row = await (
            await tx.execute(
                "SELECT id, category, kind, pattern FROM warning_rules WHERE guild_id = ? AND id = ?",
                (guild_id, number),
            )
        ).fetchone()
        if row is None:
            raise UserError(f"This server has no custom rule #{number}; `/warnings rules list` shows them.")
        await tx.execute("DELETE FROM warning_rules WHERE guild_id = ? AND id = ?", (guild_id, number))
        await _bump(tx, guild_id)
    if rescan:
        await rescan_guild(db, guild_id)
    return CustomRule(row["id"], row["category"], row["kind"], row["pattern"])


async def _resolve_target(db: Database, guild_id: int, target: str) -> tuple[str, str]:
    """A category id or a default rule id (`death/die`), as ('category'|'rule', id)."""
    target = target.strip().lower()
    taxonomy = await guild_taxonomy(db, guild_id)
    if target in taxonomy:
        return "category", target
    if any(rule.id == target for rule in default_ruleset().rules):
        return "rule", target
    raise UserError(
        f"`{target}` is neither a warning category nor a default rule. Pick one from the list; "
        "custom rules are removed with `/warnings rules remove`, not disabled."
    )


async def disable(
    db: Database,
    guild_id: int,
    target: str,
    *,
    user_id: int | None = None,
    now: float | None = None,
    rescan: bool = True,
) -> tuple[str, str]:
    kind, name = await _resolve_target(db, guild_id, target)
    async with db.transaction() as tx:
        exists = await (
            await tx.execute(
                "SELECT 1 FROM warning_disabled WHERE guild_id = ? AND target_kind = ? AND target = ?",
                (guild_id, kind, name),
            )
        ).fetchone()
        if exists:
            raise UserError(f"The {kind} `{name}` is already disabled here.")
        await ensure_guild(tx, guild_id, _now(now))
        await tx.execute(
            "INSERT INTO warning_disabled (guild_id, target_kind, target, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
            (guild_id, kind, name, user_id, _now(now)),
        )
        await _bump(tx, guild_id)
    if rescan:
        await rescan_guild(db, guild_id)
    return kind, name


async def enable(db: Database, guild_id: int, target: str, *, rescan: bool = True) -> tuple[str, str]:
    kind, name = await _resolve_target(db, guild_id, target)
    async with db.transaction() as tx:
        cursor = await tx.execute(
            "DELETE FROM warning_disabled WHERE guild_id = ? AND target_kind = ? AND target = ?",
            (guild_id, kind, name),
        )
        if cursor.rowcount == 0:
            raise UserError(f"The {kind} `{name}` is not disabled, so there is nothing to enable.")
        await _bump(tx, guild_id)
    if rescan:
        await rescan_guild(db, guild_id)
    return kind, name


async def add_category(
    db: Database,
    guild_id: int,
    *,
    category_id: str,
    label: str,
    description: str = "",
    threshold: float = 1.0,
    user_id: int | None = None,
    now: float | None = None,
) -> Category:
    category_id = category_id.strip().lower()
    label = " ".join(label.split())
    description = " ".join(description.split())
    if not CATEGORY_ID.match(category_id) or len(category_id) > 40:
        raise UserError("A category id is up to 40 lowercase letters or digits joined by hyphens, like `spiders`.")
    if not label or len(label) > MAX_LABEL_CHARS:
        raise UserError(f"Give the category a label of 1 to {MAX_LABEL_CHARS} characters.")
    if len(description) > MAX_DESCRIPTION_CHARS:
        raise UserError(f"Keep the description under {MAX_DESCRIPTION_CHARS} characters.")
    if not 0 < threshold <= 100:
        raise UserError("The threshold must be a number above 0 and at most 100.")
    taxonomy = await guild_taxonomy(db, guild_id)
    if category_id in taxonomy:
        raise UserError(f"A category `{category_id}` already exists here.")
    async with db.transaction() as tx:
        await ensure_guild(tx, guild_id, _now(now))
        await tx.execute(
            "INSERT INTO warning_categories (guild_id, id, label, description, threshold, created_by, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (guild_id, category_id, label, description, threshold, user_id, _now(now)),
        )
        await _bump(tx, guild_id)
    return Category(category_id, label, description, "custom", None, True)


async def _require_story(db: Database, guild_id: int, story_id: int) -> None:
    row = await db.fetch_one("SELECT 1 FROM stories WHERE guild_id = ? AND id = ?", (guild_id, story_id))
    if row is None:
        raise UserError("That story is not in this server's library; pick one from the list.")


async def set_override(
    db: Database,
    guild_id: int,
    story_id: int,
    warning_id: str,
    action: str,
    *,
    user_id: int | None = None,
    now: float | None = None,
) -> None:
    """Add or remove one warning on one story; this wins over detection and declarations."""
    if action not in OVERRIDE_ACTIONS:
        raise UserError("An override either adds or removes a warning.")
    warning_id = warning_id.strip().lower()
    await _require_story(db, guild_id, story_id)
    await _require_category(db, guild_id, warning_id)
    async with db.transaction() as tx:
        await tx.execute(
            "INSERT INTO warning_overrides (guild_id, story_id, warning_id, action, created_by, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (story_id, warning_id) DO UPDATE SET action = excluded.action, "
            "created_by = excluded.created_by, created_at = excluded.created_at",
            (guild_id, story_id, warning_id, action, user_id, _now(now)),
        )


async def clear_override(db: Database, guild_id: int, story_id: int, warning_id: str) -> bool:
    async with db.transaction() as tx:
        cursor = await tx.execute(
            "DELETE FROM warning_overrides WHERE guild_id = ? AND story_id = ? AND warning_id = ?",
            (guild_id, story_id, warning_id.strip().lower()),
        )
        return cursor.rowcount > 0
