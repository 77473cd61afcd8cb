"""Warnings use cases: a server's ruleset, stored scans, headers, admin changes, reviews, reports.

Every query is scoped by guild id and lives in :mod:`bot.warnings.store`; this module holds
the decisions, the transactions and the caches. A server's ruleset (defaults + its categories
and rules - what it disabled) is cached per database and server, keyed by a version number
that every change bumps in the same transaction. Matchers are compiled and stories scanned
in the worker processes (``workers`` given to a call, or registered once for the database with
:func:`use_workers`, which the bot does when the warnings cog loads), so a heavy rule
set never stalls the event loop; without it (tools, tests) they run in a thread.

What members see on a chapter: the author's declared warnings, confident detections, the
admins' story overrides and their per-chapter confirmations. ``possible`` detections are for
admins to confirm or dismiss; a dismissed one is not offered again.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import re
import time
from collections import Counter, OrderedDict
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import aiosqlite

from bot.db import Database
from bot.errors import UserError
from bot.limits import AUTOCOMPLETE_CHOICES
from bot.locks import KeyedLocks
from bot.story.model import (
    AUTHOR_WORDS_ID,
    GIVEN,
    NOT_ENGLISH_ID,
    NOTICE_IDS,
    UNWARNED_ID,
    Chapter,
    HeaderWarning,
    Scene,
    Story,
    StoryMeta,
)
from bot.story.store import list_story_ids, load_story
from bot.text import clip, quote_input, sentence, spell_controls, visible_line
from bot.warnings import store
from bot.warnings.cost import SLOWER_AT_BUDGET, RulesCost, rules_cost
from bot.warnings.declared import Declared, author_words, mapping_fingerprint
from bot.warnings.engine import SOURCE_RANK, ScanReport, scan, scan_in_worker, scoring_key
from bot.warnings.matcher import compile_in_worker
from bot.warnings.model import CategoryRules, Rule, RuleError, Ruleset
from bot.warnings.patterns import MAX_CUSTOM_CATEGORIES, MAX_CUSTOM_RULES, RULE_KINDS, admin_rule, new_admin_rule
from bot.warnings.rules import default_ruleset
from bot.warnings.store import CustomRule, Report
from bot.warnings.taxonomy import CATEGORY_ID, Category, Taxonomy
from bot.worker import Workers, WorkLimitError

__all__ = [
    "MAX_CUSTOM_CATEGORIES",
    "MAX_CUSTOM_RULES",
    "RULE_KINDS",
    "SLOWER_AT_BUDGET",
    "CustomRule",
    "Report",
    "RulesCost",
]

log = logging.getLogger(__name__)
T = TypeVar("T")

OVERRIDE_ACTIONS = ("add", "remove")
# Shown last in headers when the author chose not to use archive warnings: unwarned, not safe.
UNWARNED = HeaderWarning(UNWARNED_ID, "Unwarned: the author chose not to use warnings", "declared")
# Shown last for a chapter not in English (bot.warnings.language): not read, which is not safe either.
NOT_ENGLISH = HeaderWarning(NOT_ENGLISH_ID, "Not read for warnings: Dogear reads English only", "detected")
COMPILE_SECONDS = 5.0  # a server's whole matcher, in a worker; refused past it
# Timing a server's rules against the shipped ones (bot.warnings.cost): under a second for a dozen
# rules, about 8 s for 200 costly ones the first time a worker measures (it times the shipped sets once).
COST_SECONDS = 30.0
SCAN_SECONDS = 60.0  # one story with a server's rules, in a worker, plus SCAN_SECONDS_PER_MB
# Text no worker has read before scans at about 0.15 MB/s on the 2-core benchmark machine
# (docs/benchmarks.md, "new text"): a fixed limit would refuse every long story. Three times that.
SCAN_SECONDS_PER_MB = 20.0
MAX_TEST_PARAGRAPHS = 200
CONFIRMED, DISMISSED = "confirmed", "dismissed"
CONFIRMED_SOURCES = ("confirmed", "reported")  # HeaderWarning sources of a chapter confirmation


# The servers whose rulesets the bot keeps built, the most recently used, at most this many and
# about this much memory (:func:`footprint`). One process serves thousands of servers; a server
# left out is built again from its rows (four reads and a worker's check, milliseconds).
MAX_CACHED_RULESETS = 2_000
MAX_CACHED_RULESET_BYTES = 64 << 20
# Measured with tracemalloc: a server's ruleset holds about 16 KB beside the shipped rules it
# shares (its tuple of rules, categories and taxonomy), and each rule of its own about 350
# bytes beside its text (source and pattern).
RULESET_BYTES = 16_000
RULE_BYTES = 350


@dataclass(slots=True)
class _CacheEntry:
    version: int
    ruleset: Ruleset
    size: int = 0
    cost: RulesCost | None = None  # what its own rules cost its scans, once measured (rules_overview)


def footprint(ruleset: Ruleset) -> int:
    """About how many bytes a cached ruleset holds that no other server's shares: nothing for the
    shipped rules themselves (one object in the process), else :data:`RULESET_BYTES` and its own rules."""
    if ruleset is default_ruleset():
        return 0
    own = sum(RULE_BYTES + len(rule.source) + sum(map(len, rule.parts)) for rule in ruleset.rules if rule.custom)
    return RULESET_BYTES + own


class RulesetCache:
    """Rulesets of one database, per server, and the worker pool that compiles and scans for it.

    The most recently used servers' only, bounded by count and by :func:`footprint`: a cache
    that kept every server that ever scanned grew with the servers, for as long as the bot ran.
    """

    def __init__(self, max_entries: int = MAX_CACHED_RULESETS, max_bytes: int = MAX_CACHED_RULESET_BYTES) -> None:
        self.entries: OrderedDict[int, _CacheEntry] = OrderedDict()
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.bytes = 0
        self.builds = 0
        self.workers: Workers | None = None
        self.rescans = KeyedLocks()  # one rescan of a stale story at a time (see _rescan_once)

    def get(self, guild_id: int, version: int) -> _CacheEntry | None:
        """The server's entry if it was built from ``version`` of its rules (and now the most recent)."""
        entry = self.entries.get(guild_id)
        if entry is None or entry.version != version:
            return None
        self.entries.move_to_end(guild_id)
        return entry

    def put(self, guild_id: int, version: int, ruleset: Ruleset) -> _CacheEntry:
        """Keep the server's ruleset, letting the least recently used go past either bound."""
        self.drop(guild_id)
        entry = self.entries[guild_id] = _CacheEntry(version, ruleset, footprint(ruleset))
        self.bytes += entry.size
        while len(self.entries) > 1 and (len(self.entries) > self.max_entries or self.bytes > self.max_bytes):
            self.drop(next(iter(self.entries)))
        return entry

    def drop(self, guild_id: int) -> None:
        entry = self.entries.pop(guild_id, None)
        if entry is not None:
            self.bytes -= entry.size


def cache_for(db: Database) -> RulesetCache:
    """The database's rulesets, pool and rescan locks: state of that database, held by it
    (:meth:`Database.kept`), so it is built with it in ``main()`` and goes with it."""
    return db.kept(RulesetCache)


def now_or_clock(now: float | None) -> float:
    return time.time() if now is None else now


def use_workers(db: Database, workers: Workers | None) -> None:
    """Compile and scan for this database in ``workers`` even when a caller (a header, a reminder)
    does not pass them: the bot registers its pool once, so no path compiles on the event loop."""
    cache_for(db).workers = workers


def _pool(db: Database, workers: Workers | None) -> Workers | None:
    return workers if workers is not None else cache_for(db).workers


async def _off_loop(workers: Workers | None, what: str, function: Callable[..., T], *args: Any, time_limit: float) -> T:
    """In a worker process when the bot gave us its pool; in a thread for tools and tests."""
    if workers is not None:
        return await workers.run(what, function, *args, time_limit=time_limit)
    return await asyncio.to_thread(function, *args)


# ---------------------------------------------------------------------------------------
# Reading a server's configuration


async def rules_version(db: Database, guild_id: int) -> int:
    return await store.rules_version(db, guild_id)


async def custom_categories(db: Database, guild_id: int) -> list[tuple[Category, float]]:
    return await store.custom_categories(db, guild_id)


async def list_rules(db: Database, guild_id: int) -> list[CustomRule]:
    return await store.list_rules(db, guild_id)


async def disabled_targets(db: Database, guild_id: int) -> tuple[set[str], set[str]]:
    """(default rule ids, category ids) this server switched off."""
    return await store.disabled_targets(db, guild_id)


async def guild_taxonomy(db: Database, guild_id: int) -> Taxonomy:
    """The default categories plus this server's own (for listings and autocomplete)."""
    return default_ruleset().taxonomy.with_custom(category for category, _ in await custom_categories(db, guild_id))


async def category_label(db: Database, guild_id: int, category_id: str) -> str:
    """The label admins and members read for a category id (the id itself if the server has none such)."""
    return (await guild_taxonomy(db, guild_id)).label(category_id)


@dataclass(frozen=True, slots=True)
class CategoryOverview:
    """One line of ``/warnings categories``: a category and what this server changed about it."""

    category: Category
    server_rules: int = 0
    default_rules_off: int = 0
    detection_off: bool = False


async def category_overview(db: Database, guild_id: int) -> list[CategoryOverview]:
    taxonomy = await guild_taxonomy(db, guild_id)
    off_rules, off_categories = await store.disabled_targets(db, guild_id)
    per_category = Counter(rule.category for rule in await store.list_rules(db, guild_id))
    rules_off = Counter(rule_id.split("/", 1)[0] for rule_id in off_rules)
    return [CategoryOverview(c, per_category[c.id], rules_off[c.id], c.id in off_categories) for c in taxonomy]


@dataclass(frozen=True, slots=True)
class RulesOverview:
    custom: list[CustomRule]
    off_rules: set[str]
    off_categories: set[str]
    default_rules: int
    cost: RulesCost | None = None  # None: no rules of its own, or not measured in time


async def rules_overview(db: Database, guild_id: int, *, workers: Workers | None = None) -> RulesOverview:
    """``/warnings rules list``: the server's rules, what it switched off, how many defaults apply,
    and what its own rules cost its scans (measured in a worker once per version of its rules).

    Rules stored over the cost budget (before the budget, or the shipped rules grew cheaper
    since) are still scanned with: dropping one would drop the warnings it finds. The listing
    says so and names the costliest, and no rule can be added until they are back under it."""
    off_rules, off_categories = await store.disabled_targets(db, guild_id)
    custom = await store.list_rules(db, guild_id)
    cost = None
    if custom:
        entry = await _ruleset_entry(db, guild_id, workers=workers)
        if entry.cost is None:
            try:
                entry.cost = await _off_loop(
                    _pool(db, workers),
                    "Measuring this server's rules",
                    rules_cost,
                    entry.ruleset,
                    time_limit=COST_SECONDS,
                )
            except WorkLimitError as error:
                log.warning("guild %s: could not measure its rules' cost: %s", guild_id, error)
        cost = entry.cost
    return RulesOverview(custom, off_rules, off_categories, len(default_ruleset().rules), cost)


def over_budget_refusal(cost: RulesCost, new_rule_id: str) -> str:
    """What an admin reads when a rule would take the server's rules over the cost budget."""
    slower = f"more than about {SLOWER_AT_BUDGET} as with the default rules alone, the limit"
    whole_words = "match whole words (a `phrase` rule, or `\\b` at both ends of a regex)"
    if cost.heaviest in (None, new_rule_id):
        return (
            f"That rule would make scans of this server's stories take {slower}: it has too much to look for "
            f"at every letter. Use fewer alternatives or longer words, and {whole_words}."
        )
    costliest = cost.heaviest.removeprefix("custom:")
    return (
        f"With that rule, scans of this server's stories would take {slower}. Its costliest rule is #{costliest}: "
        f"simplify or remove it first (fewer alternatives, longer words; {whole_words})."
    )


# Autocomplete: (name shown, value) pairs, at most ``limit``; a cog takes any of these as a ChoiceFinder.
ChoiceFinder = Callable[[Database, int, str, int], Awaitable[list[tuple[str, str]]]]


async def category_choices(
    db: Database, guild_id: int, typed: str, limit: int = AUTOCOMPLETE_CHOICES
) -> list[tuple[str, str]]:
    taxonomy = await guild_taxonomy(db, guild_id)
    return [(f"{c.label} ({c.id})", c.id) for c in taxonomy.search(typed, limit)]


async def rule_choices(
    db: Database, guild_id: int, typed: str, limit: int = AUTOCOMPLETE_CHOICES
) -> list[tuple[str, str]]:
    needle = typed.strip().lower().lstrip("#")
    names = [(spell_controls(rule.describe()), rule_value(rule)) for rule in await store.list_rules(db, guild_id)]
    return [(name, value) for name, value in names if needle in name.lower()][:limit]


async def disable_choices(
    db: Database, guild_id: int, typed: str, limit: int = AUTOCOMPLETE_CHOICES
) -> list[tuple[str, str]]:
    """Categories and default rules that are still on."""
    needle = typed.strip().lower()
    taxonomy = await guild_taxonomy(db, guild_id)
    off_rules, off_categories = await store.disabled_targets(db, guild_id)
    choices = [
        (f"category: {c.label} ({c.id})", c.id) for c in taxonomy.search(needle, limit) if c.id not in off_categories
    ]
    rules = [rule for rule in default_ruleset().rules if needle in rule.id and rule.id not in off_rules]
    rules.sort(key=lambda rule: _match_rank(rule.id, needle))
    choices += [(f"rule: {rule.id} — {rule.source}", rule.id) for rule in rules]
    return choices[:limit]


def _match_rank(rule_id: str, needle: str) -> tuple[int, int, str]:
    """Best matches first, as a choice list of 25 shows only the first: the id typed whole, then ids whose
    rule name (after the category) starts with what was typed, then ids that do, then the rest; the
    shorter ids (a category's plain rules, ``death/die``) before the longer (``death/r53-...``) within each,
    since typing a category's name matches every one of its hundreds of rules."""
    name = rule_id.partition("/")[2]
    place = 0 if rule_id == needle else 1 if name.startswith(needle) else 2 if rule_id.startswith(needle) else 3
    return place, len(rule_id), rule_id


async def enable_choices(
    db: Database, guild_id: int, typed: str, limit: int = AUTOCOMPLETE_CHOICES
) -> list[tuple[str, str]]:
    """What this server switched off."""
    needle = typed.strip().lower()
    off_rules, off_categories = await store.disabled_targets(db, guild_id)
    targets = [("category", name) for name in sorted(off_categories)] + [("rule", name) for name in sorted(off_rules)]
    return [(f"{kind}: {name}", name) for kind, name in targets if needle in name][:limit]


def _custom_rule(custom: CustomRule) -> Rule | None:
    try:
        return admin_rule(custom.rule_id, custom.category, custom.kind, custom.pattern)
    except RuleError as error:  # stored before a stricter check; keep scanning without it
        log.warning("skipping rule #%s: %s", custom.id, error)
        return None


def _assemble(
    categories: list[tuple[Any, float]], customs: list[CustomRule], off_rules: set[str], off_categories: set[str]
) -> Ruleset:
    """A server's ruleset from what it stored (admin rules are re-checked, which compiles each)."""
    rules = [rule for rule in map(_custom_rule, customs) if rule is not None]
    if not (categories or rules or off_rules or off_categories):
        return default_ruleset()  # most servers: one ruleset, one compiled matcher per process
    return default_ruleset().extended(
        categories=[category for category, _ in categories],
        rules=rules,
        disabled_rules=off_rules,
        disabled_categories=off_categories,
        category_rules={category.id: CategoryRules(threshold=threshold) for category, threshold in categories},
    )


async def guild_ruleset_data(db: Database, guild_id: int, *, workers: Workers | None = None) -> tuple[Ruleset, int]:
    """The server's ruleset (checked off the loop, cached) and the version it was built from: for a
    worker to compile and scan with, and for the scan to be stored under.

    The version is the one read before the rules were, never read again afterwards: a rule changed
    meanwhile must leave the scan stored as older than the rules, so it is made again when read."""
    entry = await _ruleset_entry(db, guild_id, workers=workers)
    return entry.ruleset, entry.version


async def ruleset_for_guild(db: Database, guild_id: int, *, workers: Workers | None = None) -> Ruleset:
    """The server's ruleset, rebuilt only when its version moved (checked off the loop)."""
    return (await _ruleset_entry(db, guild_id, workers=workers)).ruleset


async def _ruleset_entry(db: Database, guild_id: int, *, workers: Workers | None = None) -> _CacheEntry:
    cache = cache_for(db)
    version = await store.rules_version(db, guild_id)
    entry = cache.get(guild_id, version)
    if entry is None:
        categories = await store.custom_categories(db, guild_id)
        customs = await store.list_rules(db, guild_id)
        off_rules, off_categories = await store.disabled_targets(db, guild_id)
        ruleset = await _off_loop(
            _pool(db, workers),
            "Checking this server's rules",
            _assemble,
            categories,
            customs,
            off_rules,
            off_categories,
            time_limit=COMPILE_SECONDS,
        )
        cache.builds += 1
        entry = cache.put(guild_id, version, ruleset)
    return entry


# ---------------------------------------------------------------------------------------
# Scans


async def scan_for_guild(db: Database, guild_id: int, story: Story, *, workers: Workers | None = None) -> ScanReport:
    """The story scanned with this server's rules, off the event loop."""
    return (await versioned_scan(db, guild_id, story, workers=workers))[0]


async def versioned_scan(
    db: Database, guild_id: int, story: Story, *, workers: Workers | None = None
) -> tuple[ScanReport, int]:
    """The story scanned with this server's rules, and the rules version to store the scan under
    (the one the rules were built from: see :func:`guild_ruleset_data`)."""
    workers = _pool(db, workers)
    ruleset, version = await guild_ruleset_data(db, guild_id, workers=workers)
    return await _scan_with(story, ruleset, workers), version


async def _scan_with(story: Story, ruleset: Ruleset, workers: Workers | None) -> ScanReport:
    if workers is None:
        return await asyncio.to_thread(scan, story, ruleset)
    return await workers.run(
        "Scanning the story for warnings", scan_in_worker, ruleset, story, None, time_limit=scan_time_limit(story)
    )


def scan_time_limit(story: Story, base: float = SCAN_SECONDS) -> float:
    """Seconds a worker may take to scan ``story``: ``base`` plus :data:`SCAN_SECONDS_PER_MB`
    per megabyte of its text. The scan is linear in the text, so an upload's own size bounds it."""
    characters = sum(len(paragraph) for chapter in story.chapters for paragraph in chapter.paragraphs)
    return base + SCAN_SECONDS_PER_MB * characters / 1e6


def _text_story(text: str) -> Story:
    paragraphs = [" ".join(p.split()) for p in text.replace("\r", "").split("\n") if p.strip()]
    if not paragraphs:
        raise UserError("Give some text to check, e.g. `/warnings test text:Nobody died.`")
    return Story(StoryMeta("test"), [Chapter(1, None, [Scene(paragraphs[:MAX_TEST_PARAGRAPHS])])], "txt")


async def test_text(db: Database, guild_id: int, text: str, *, workers: Workers | None = None) -> ScanReport:
    """``/warnings test``: a piece of text scanned as a one-chapter story, nothing declared or stored."""
    story = _text_story(text)
    workers = _pool(db, workers)
    ruleset = await ruleset_for_guild(db, guild_id, workers=workers)
    if workers is None:
        return await asyncio.to_thread(scan, story, ruleset, declared=Declared())
    return await workers.run("Checking that text", scan_in_worker, ruleset, story, Declared(), time_limit=SCAN_SECONDS)


def rules_fingerprint() -> str:
    """The shipped rules' fingerprint, the engine's scoring values and the declared-warning mapping's:
    a stored scan made with other ones (before an upgrade) is stale."""
    return f"{default_ruleset().fingerprint} {scoring_key()} {mapping_fingerprint()}"


async def save_scan(
    tx: aiosqlite.Connection, guild_id: int, story_id: int, report: ScanReport, *, rules_version: int = 0
) -> None:
    """Store a scan inside the caller's transaction (next to the story it belongs to), with its
    possible warnings listed for ``/warnings review`` to page through without decoding scans."""
    await store.save_scan(
        tx,
        guild_id,
        story_id,
        report,
        rules_version=rules_version,
        defaults=rules_fingerprint(),
        now=time.time(),
        possible=possible_rows(report),
    )


def possible_rows(report: ScanReport) -> list[store.PossibleRow]:
    """Each chapter's possible warnings the author did not declare for it (those show already)."""
    rows = []
    for chapter in report.chapters:
        declared = set(declared_ids(report, chapter.number))
        for found in chapter.possible:
            if found.id not in declared:
                evidence = json.dumps([item.to_json() for item in found.evidence[:2]], ensure_ascii=False)
                rows.append((chapter.number, found.id, found.score, evidence))
    return rows


async def stored_scan(db: Database, guild_id: int, story_id: int) -> ScanReport | None:
    found = await store.stored_scan(db, guild_id, story_id)
    return None if found is None else found[0]


async def rescan_story(
    db: Database, guild_id: int, story_id: int, *, workers: Workers | None = None
) -> ScanReport | None:
    read = await store.text_hash(db, guild_id, story_id)
    story = await load_story(db, guild_id, story_id)
    if story is None or read is None:
        return None
    report, version = await versioned_scan(db, guild_id, story, workers=workers)
    async with db.transaction() as tx:
        # It may have been removed, or given a new version by /story update, while it was scanned.
        if await store.text_hash(tx, guild_id, story_id) == read:
            await save_scan(tx, guild_id, story_id, report, rules_version=version)
    return report


@dataclass(frozen=True, slots=True)
class Rescanned:
    """What a rescan after a rule change did: stories scanned again, and stories whose scan ran
    past a worker's budget (their old scan stays, marked older than the rules)."""

    done: int
    over_budget: int = 0


async def rescan_guild(db: Database, guild_id: int, *, workers: Workers | None = None) -> int:
    """Scan every story of the server again with its current rules; returns how many."""
    return (await rescan_guild_report(db, guild_id, workers=workers)).done


async def rescan_guild_report(db: Database, guild_id: int, *, workers: Workers | None = None) -> Rescanned:
    """:func:`rescan_guild`, going on past a story whose scan is stopped at its budget.

    The rule change is stored before the rescan starts: one heavy story must not turn the
    answer into an error (the admin would think nothing changed) nor leave the rest unscanned.
    A story left over is scanned again when it is next read, its stored scan being older."""
    done = over_budget = 0
    for story_id in await list_story_ids(db, guild_id):
        try:
            scanned = await rescan_story(db, guild_id, story_id, workers=workers)
        except WorkLimitError as error:
            log.warning("guild %s: story %s was not re-scanned: %s", guild_id, story_id, error)
            over_budget += 1
            continue
        done += scanned is not None
    return Rescanned(done, over_budget)


async def _current(db: Database, guild_id: int, version: int, defaults: str) -> bool:
    """Whether a scan stored under ``version`` and ``defaults`` was made with the rules in force now."""
    return version == await store.rules_version(db, guild_id) and defaults == rules_fingerprint()


async def _current_report(db: Database, guild_id: int, story_id: int) -> ScanReport | None:
    found = await store.stored_scan(db, guild_id, story_id)
    if found is not None and await _current(db, guild_id, found[1], found[2]):
        return found[0]
    return None


async def _current_summary(db: Database, guild_id: int, story_id: int) -> ScanReport | None:
    found = await store.scan_summary(db, guild_id, story_id)
    if found is not None and found[0] is not None and await _current(db, guild_id, found[1], found[2]):
        return found[0]
    return None


async def _rescan_once(
    db: Database, guild_id: int, story_id: int, read_current: Callable[[], Awaitable[ScanReport | None]]
) -> ScanReport | None:
    """Scan the story again, once however many ask at the same moment.

    After an upgrade every header, reminder and page press of a story finds its scan stale; each
    scanning it again would queue the same seconds of work in the worker pool as many times.
    Whoever waited for the lock reads the scan the first one stored."""
    async with cache_for(db).rescans.hold((guild_id, story_id)):
        report = await read_current()
        if report is not None:
            return report
        log.info("guild %s: story %s was scanned with older rules; scanning again", guild_id, story_id)
        return await rescan_story(db, guild_id, story_id)


async def stored_report(db: Database, guild_id: int, story_id: int) -> ScanReport | None:
    """The stored scan; one made before the story's rules last changed (or missing) is made again."""
    report = await _current_report(db, guild_id, story_id)
    if report is not None:
        return report
    return await _rescan_once(db, guild_id, story_id, lambda: _current_report(db, guild_id, story_id))


async def scan_summary(db: Database, guild_id: int, story_id: int) -> ScanReport | None:
    """What members see of the stored scan (:meth:`ScanReport.from_summary`: no evidence, no
    chapter's own warnings), made again first like :func:`stored_report` when it is stale. A
    header or a page press reads this, a few hundred bytes, and never decodes the whole report."""
    summary = await _current_summary(db, guild_id, story_id)
    if summary is not None:
        return summary
    return await _rescan_once(db, guild_id, story_id, lambda: _current_summary(db, guild_id, story_id))


async def refresh_stale(db: Database, guild_id: int, story_id: int) -> bool:
    """Scan the story again if its stored scan is older than its rules; whether it was scanned.

    For :mod:`bot.warnings.refresh`, which does this for every story after an upgrade, before
    members ask: a story read meanwhile is scanned once, by whichever comes first."""
    if await _current_summary(db, guild_id, story_id) is not None:
        return False
    scanned = False

    async def read_current() -> ScanReport | None:
        nonlocal scanned
        current = await _current_summary(db, guild_id, story_id)
        scanned = current is None
        return current

    await _rescan_once(db, guild_id, story_id, read_current)
    return scanned


async def overrides(db: Database, guild_id: int, story_id: int) -> dict[str, str]:
    return await store.overrides(db, guild_id, story_id)


def _merge(
    taxonomy: Taxonomy,
    declared: Iterable[str],
    detected: dict[str, float],
    story_overrides: dict[str, str],
    confirmed: dict[str, str] | None = None,
    declared_source: str = "declared",
) -> list[HeaderWarning]:
    """Declared + detected + overrides + confirmations, admins winning, strongest first.

    ``confirmed`` maps a warning to ``confirmed`` (an admin confirmed a possible one) or
    ``reported`` (an admin confirmed a member's report): the header says which. ``declared_source``
    says whose the declared ones are (:attr:`ScanReport.declared_source`: a book's are its admin's).
    """
    entries: dict[str, tuple[str, float]] = {}
    for warning_id in declared:
        entries[warning_id] = (declared_source, 0.0)
    for warning_id, score in detected.items():
        entries[warning_id] = ("both" if warning_id in entries else "detected", score)
    for warning_id, action in story_overrides.items():
        if action == "remove":
            entries.pop(warning_id, None)
        else:
            entries[warning_id] = ("override", entries.get(warning_id, ("", 0.0))[1])
    for warning_id, source in (confirmed or {}).items():  # about one chapter: more specific than the story's
        entries[warning_id] = (source, entries.get(warning_id, ("", 0.0))[1])
    ordered = sorted(entries.items(), key=lambda item: (_rank(item[1][0]), -item[1][1], item[0]))
    return [HeaderWarning(warning_id, taxonomy.label(warning_id), source) for warning_id, (source, _) in ordered]


def _rank(source: str) -> int:
    """Admins' decisions (overrides and confirmations) first, as in :data:`SOURCE_RANK`."""
    return SOURCE_RANK["override"] if source in CONFIRMED_SOURCES else SOURCE_RANK.get(source, 9)


async def _confirmations(db: Database, guild_id: int, story_id: int) -> dict[int, dict[str, str]]:
    """Per chapter, the warnings admins confirmed there, each ``reported`` when a member's report was behind it."""
    decisions = await store.reviews(db, guild_id, story_id)
    reported = await store.confirmed_reports(db, guild_id, story_id)
    found: dict[int, dict[str, str]] = {}
    for (number, warning_id), decision in sorted(decisions.items()):
        if decision == CONFIRMED:
            source = "reported" if (number, warning_id) in reported else "confirmed"
            found.setdefault(number, {})[warning_id] = source
    return found


async def _confirmed(db: Database, guild_id: int, story_id: int, chapter: int | None) -> dict[str, str]:
    """Warnings admins confirmed (for one chapter, or any), each ``reported`` when a member's report was behind it."""
    by_chapter = await _confirmations(db, guild_id, story_id)
    if chapter is not None:
        return by_chapter.get(chapter, {})
    found: dict[str, str] = {}
    for confirmed in by_chapter.values():
        for warning_id, source in confirmed.items():
            if found.get(warning_id) != "reported":
                found[warning_id] = source
    return found


def declared_ids(report: ScanReport, chapter: int | None = None) -> list[str]:
    """The author's warnings ``chapter`` carries: the story's own and the ones its notes declare
    (``None``: the story's and every chapter's)."""
    return report.declared_for(chapter)


def chapter_merge(
    taxonomy: Taxonomy,
    report: ScanReport,
    chapter: int,
    detected: dict[str, float],
    story_overrides: dict[str, str] | None = None,
    confirmed: dict[str, str] | None = None,
) -> list[HeaderWarning]:
    """One chapter's warnings, notices left out: the author's for the story and for this chapter,
    what its text shows (``detected``), the admins' overrides and their confirmations for it.
    The one merge every surface shows a chapter's warnings by (headers, reminders, ``preview``)."""
    return _merge(
        taxonomy, declared_ids(report, chapter), detected, story_overrides or {}, confirmed, report.declared_source
    )


async def chapter_warnings(db: Database, guild_id: int, story_id: int, chapter: int) -> list[HeaderWarning]:
    """What a chapter's header shows (:func:`chapter_merge`), then the notices."""
    report = await scan_summary(db, guild_id, story_id)
    if report is None:
        return []
    detected = await store.chapter_scores(db, guild_id, story_id, chapter)
    confirmed = await _confirmed(db, guild_id, story_id, chapter)
    taxonomy = await guild_taxonomy(db, guild_id)
    merged = chapter_merge(taxonomy, report, chapter, detected, await overrides(db, guild_id, story_id), confirmed)
    return merged + notices(report, chapter)


async def chapters_through(db: Database, guild_id: int, story_id: int, upto: int) -> dict[int, list[HeaderWarning]]:
    """What the headers of chapters 1 to ``upto`` show (:func:`chapter_merge`, notices left out) in a
    few reads, however long the story. Only ``upto`` and the chapters with warnings of their own
    (detected, declared or confirmed there) are listed: any other chapter shows only the story's
    own warnings, which every chapter, ``upto`` too, shows."""
    report = await scan_summary(db, guild_id, story_id) if upto >= 1 else None
    if report is None:
        return {}
    scores = await store.scores_through(db, guild_id, story_id, upto)
    confirmed = await _confirmations(db, guild_id, story_id)
    declared = {number for warning in report.warnings for number in warning.declared_chapters}
    taxonomy = await guild_taxonomy(db, guild_id)
    story_overrides = await overrides(db, guild_id, story_id)
    numbers = sorted({upto} | {n for n in (*scores, *confirmed, *declared) if 1 <= n <= upto})
    return {
        number: chapter_merge(
            taxonomy, report, number, scores.get(number, {}), story_overrides, confirmed.get(number, {})
        )
        for number in numbers
    }


async def own_warnings(
    db: Database, guild_id: int, story_id: int, upto: int
) -> tuple[list[HeaderWarning], dict[int, list[HeaderWarning]]]:
    """The warnings every chapter's header shows (the author's for the whole story, an admin's for
    it), and per chapter of 1 to ``upto`` those its header shows besides (what its text shows, what
    the author declared for it alone, what admins confirmed there), for the chapters that have any:
    what ``/story info`` says of every chapter, then marks on each, every one, paged. Every chapter's
    notices are the headers' own (:func:`notices`): what the author warns of that no category
    matches ("drowning") for the whole story, or that they chose not to warn."""
    report = await scan_summary(db, guild_id, story_id) if upto >= 1 else None
    if report is None:
        return [], {}
    taxonomy = await guild_taxonomy(db, guild_id)
    every = chapter_merge(taxonomy, report, 0, {}, await overrides(db, guild_id, story_id)) + notices(report, 0)
    ids = {w.id for w in every}
    through = await chapters_through(db, guild_id, story_id, upto)
    own = {number: [w for w in warnings if w.id not in ids] for number, warnings in through.items()}
    for number, said in _chapter_words(report, upto).items():  # as that chapter's header says them
        own.setdefault(number, []).append(words_notice(report, said))
    return every, {number: warnings for number, warnings in own.items() if warnings}


def _chapter_words(report: ScanReport, upto: int) -> dict[int, list[str]]:
    """Per chapter of 1 to ``upto``, the words no category matches that its header shows besides every
    chapter's (:func:`shown_words`): those the author gave in that chapter's notes alone."""
    every = set(shown_words(report, 0))
    numbers = sorted({n for chapters in report.unmapped_chapters.values() for n in chapters if 1 <= n <= upto})
    said = {number: [word for word in shown_words(report, number) if word not in every] for number in numbers}
    return {number: words for number, words in said.items() if words}


async def story_warnings(db: Database, guild_id: int, story_id: int) -> list[HeaderWarning]:
    """The whole story's warnings, as ``/story info`` shows them (confirmations of any chapter count)."""
    report = await scan_summary(db, guild_id, story_id)
    if report is None:
        return []
    detected = {w.id: w.score for w in report.warnings if w.source in ("detected", "both")}
    confirmed = await _confirmed(db, guild_id, story_id, None)
    taxonomy = await guild_taxonomy(db, guild_id)
    merged = _merge(
        taxonomy, declared_ids(report), detected, await overrides(db, guild_id, story_id), confirmed,
        report.declared_source,
    )  # fmt: skip
    return merged + notices(report, None)


def notices(report: ScanReport, chapter: int | None) -> list[HeaderWarning]:
    """What members are told besides the warnings, last: that the author chose not to warn, that a
    chapter (``None``: any chapter of the story) was not read for warnings, not being in English,
    and what the author warns of that no category matches ("drowning", "needles"), in the author's
    words (a book's admin's, for a book without a file). Either way "no warnings" would read as safe, or contradict the author."""
    shown = [UNWARNED] if report.unwarned else []
    if any(not c.english for c in report.chapters if chapter is None or c.number == chapter):
        shown.append(NOT_ENGLISH)
    if said := shown_words(report, chapter):
        shown.append(words_notice(report, said))
    return shown


def words_notice(report: ScanReport, said: Sequence[str]) -> HeaderWarning:
    """ "The author also warns of: drowning": the words ``said`` that no category matches, as a header
    shows them, and as ``/story info`` marks them on every chapter or on the one that gave them."""
    words = clip("; ".join(said), AUTHOR_WORDS_CHARS)
    whose = "The admin" if report.declared_source == GIVEN else "The author"
    return HeaderWarning(AUTHOR_WORDS_ID, f"{whose} also warns of: {words}", "declared", words=tuple(said))


async def server_words(db: Database, guild_id: int) -> list[str]:
    """What this server's stories warn of that no category matches, as their headers show it (an
    author's read as :func:`shown_words` reads it): the words a member may avoid (``/prefs avoid``)."""
    found = await store.declared_words(db, guild_id)
    given = [words for words, by_admin in found if by_admin]
    return list(dict.fromkeys([*given, *author_words(words for words, by_admin in found if not by_admin)]))


def shown_words(report: ScanReport, chapter: int | None) -> list[str]:
    """What the author (a book's admin) warns of that no category matches, as ``chapter``'s header
    shows it (``None``: the story's and every chapter's): what a member may avoid by its words."""
    unmapped = _unmapped_in(report, chapter)
    # A book's are the words its admin typed, one warning each, none read too far from a page: all shown.
    return unmapped if report.declared_source == GIVEN else author_words(unmapped)


AUTHOR_WORDS_CHARS = 160  # the author's unmatched warnings in a header: a line, not a page


def _unmapped_in(report: ScanReport, chapter: int | None) -> list[str]:
    """The author's declarations matching no warning that ``chapter`` carries (``None``: the story's
    and every chapter's): the story's own, and those the chapter's notes gave."""
    if chapter is None:
        return report.declared_unmapped
    only_in = report.unmapped_chapters
    return [word for word in report.declared_unmapped if word not in only_in or chapter in only_in[word]]


# ---------------------------------------------------------------------------------------
# Admin changes: validated first, written in one transaction with a version bump, then rescan


async def category_switched_off(db: Database, guild_id: int, category: str) -> bool:
    """Whether the server switched the category's detection off: its rules, a new one too, find nothing."""
    _, off_categories = await store.disabled_targets(db, guild_id)
    return category in off_categories


PICK_CATEGORY = "Pick a warning category from the list, or see `/warnings categories`."


async def require_category(db: Database, guild_id: int, category: str) -> Taxonomy:
    if not visible_line(category):  # spaces or zero-width characters alone: nothing to name in the answer
        raise UserError(PICK_CATEGORY)
    taxonomy = await guild_taxonomy(db, guild_id)
    if category not in taxonomy:
        raise UserError(
            f"There is no warning category {quote_input(category)} here; pick one from the list."
            + taxonomy.did_you_mean(category)
        )
    return taxonomy


async def resolve_category(db: Database, guild_id: int, typed: str) -> str:
    """The id of the category an admin typed or picked: its id, its label, or what authors and
    archives call it ("MCD", "Major Character Death"), as ``/warnings categories`` lists them."""
    if not visible_line(typed):
        raise UserError(PICK_CATEGORY)
    taxonomy = await guild_taxonomy(db, guild_id)
    found = taxonomy.find(typed)
    if found is None:
        raise UserError(
            f"There is no warning category {quote_input(typed)} here; pick one from the list."
            + taxonomy.did_you_mean(typed)
        )
    return found.id


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
    workers: Workers | None = None,
) -> CustomRule:
    """A server rule; with ``new_category`` an unknown category is created for it (a custom one).

    The pattern is checked, then the server's whole matcher with it is compiled in a worker:
    a rule that would make it too slow to build is refused before anything is stored.
    """
    workers = _pool(db, workers)
    if not visible_line(category):
        raise UserError(PICK_CATEGORY)
    category = category.strip().lower()
    kind = kind.strip().lower()
    if kind not in RULE_KINDS:
        raise UserError(f"`kind` must be `phrase` or `regex`, not {quote_input(kind)}.")
    taxonomy = await guild_taxonomy(db, guild_id)
    # Named as members and /warnings categories name it ("Self Harm", "MCD"), as every other
    # category option reads it: only a name no category answers to is a new one.
    if (found := taxonomy.find(category)) is not None:
        category = found.id
    create = category not in taxonomy
    if create and not new_category:
        raise UserError(
            f"There is no warning category {quote_input(category)} here. Pick one from the list, "
            "or set `new_category` to create it." + taxonomy.did_you_mean(category)
        )
    if create and (not CATEGORY_ID.match(category) or len(category) > 40):
        raise UserError("A new category id is up to 40 lowercase letters or digits joined by hyphens, like `spiders`.")
    if create and category in NOTICE_IDS:
        # Headers show these notices among the warnings by id: a category of that id would merge with them.
        raise UserError(
            f"`{category}` is kept for a notice Dogear shows in headers; choose another id for the category."
        )
    try:
        checked = await _off_loop(
            workers,
            "Checking that pattern",
            new_admin_rule,
            "custom:new",
            category,
            kind,
            pattern,
            time_limit=COMPILE_SECONDS,
        )
    except RuleError as error:  # written to follow a rules file's "rule 3 of ...: "; alone, it is a sentence
        raise UserError(sentence(str(error))) from None
    ruleset = await ruleset_for_guild(db, guild_id, workers=workers)
    trial = ruleset.extended(rules=[checked])
    await _off_loop(workers, "Compiling this server's rules", compile_in_worker, trial, time_limit=COMPILE_SECONDS)
    cost = await _off_loop(workers, "Measuring this server's rules", rules_cost, trial, time_limit=COST_SECONDS)
    if cost.over_budget:
        raise UserError(over_budget_refusal(cost, checked.id))
    stamp = now_or_clock(now)
    async with db.transaction() as tx:
        if await store.count_rules(tx, guild_id) >= MAX_CUSTOM_RULES:
            raise UserError(
                f"This server already has {MAX_CUSTOM_RULES} custom rules, the limit. Remove one before adding another."
            )
        duplicate = await store.find_rule(tx, guild_id, category, kind, checked.source)
        if duplicate:
            raise UserError(f"That rule already exists as #{duplicate}.")
        if create and await store.has_category(tx, guild_id, category):
            create = False  # another admin created it a moment ago (two adds at once): the rule joins it
        if create:
            await store.drop_unused_categories(tx, guild_id)
            if await store.count_categories(tx, guild_id) >= MAX_CUSTOM_CATEGORIES:
                raise UserError(
                    f"This server already has {MAX_CUSTOM_CATEGORIES} warning categories of its own, the limit. "
                    "Add the rule to one of them, or remove one you no longer need with "
                    "`/warnings rules remove-category`."
                )
            await store.insert_category(tx, guild_id, category, category.replace("-", " ").capitalize(), user_id, stamp)
        rule_id = await store.insert_rule(tx, guild_id, category, kind, checked.source, user_id, stamp)
        await store.bump_version(tx, guild_id)
    if rescan:
        await rescan_guild(db, guild_id, workers=workers)
    return CustomRule(rule_id, category, kind, checked.source)


# 64 bits: a value typed by hand passes for a pick once in 2**64 tries, where four digits let one in
# 65,536 through (answered "the rule you picked was removed since").
CHECK_DIGITS = 16


def rule_value(rule: CustomRule) -> str:
    """What the ``/warnings rules remove`` menu gives for a rule: its number and a digest of what it
    finds. SQLite gives a deleted last row's id to the next row, so a number alone, picked before
    another admin removed that rule, named the rule added after it. Sixteen check digits close it
    (:func:`_menu_pick`); the value stays within Discord's 100 characters (18 + 1 + 8 + 16)."""
    digest = _rule_digest(rule)
    return f"{rule.id}:{digest}{_value_check(str(rule.id), digest)}"


def _rule_digest(rule: CustomRule) -> str:
    return hashlib.sha256(f"{rule.category}\n{rule.kind}\n{rule.pattern}".encode()).hexdigest()[:8]


def _value_check(number: str, digest: str) -> str:
    return hashlib.sha256(f"rules remove menu\n{int(number)}\n{digest}".encode()).hexdigest()[:CHECK_DIGITS]


_RULE_VALUE = re.compile(rf"(?P<id>\d{{1,18}}):(?P<digest>[0-9a-f]{{8}})(?P<check>[0-9a-f]{{{CHECK_DIGITS}}})")


def _menu_pick(text: str) -> re.Match[str] | None:
    """The menu's value for a rule, or None for anything else. A value of its shape typed by hand
    ("1:abcdef12") was taken for a pick and answered "the rule you picked was removed since": the
    check digits, which only :func:`rule_value` writes, tell a pick (whose rule may be gone since)
    from a typed value, which is answered as any mistyped rule is.

    Discord sends a picked value exactly as a typed one, so only the value can tell them apart, and
    "never" cannot be promised: a value typed at random passes once in 2**64 (:data:`CHECK_DIGITS`),
    and one made from this code on purpose passes always. Either way the harm is bounded: a pick
    removes a rule only when its digest is that very rule's (the rule the member numbered, which
    typing its number removes too); any other pick is answered "removed since" and removes nothing."""
    found = _RULE_VALUE.fullmatch(text.strip())
    if found is None or found["check"] != _value_check(found["id"], found["digest"]):
        return None
    return found


def parse_rule_ref(text: str) -> int | None:
    """`#12`, `12` or `custom:12` (what autocomplete offers) as a rule number."""
    value = text.strip().removeprefix("custom:").removeprefix("#").split(" ", 1)[0]
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 18 else None


@dataclass(frozen=True, slots=True)
class RemovedRule:
    """A rule removed, and what became of its category when it was a custom one left without rules:
    gone with it (``category_removed``), or kept because something refers to it (``category_kept``)."""

    rule: CustomRule
    label: str  # its category's, read before the category could go
    category_removed: bool = False
    category_kept: bool = False


async def remove_rule(
    db: Database, guild_id: int, rule: str | int, *, rescan: bool = True, workers: Workers | None = None
) -> RemovedRule:
    """Remove a server rule. A custom category left without rules goes with it, unless a story's
    override, a review, a report or a member's avoided warnings refer to it: those keep it (and
    their meaning) until they go too, and the next new category clears it then."""
    if isinstance(rule, str) and not visible_line(rule):  # nothing typed: ask, rather than quote “”
        raise UserError("Pick a rule from the list, or give its number (e.g. `#3`); `/warnings rules list` shows them.")
    picked = _menu_pick(rule) if isinstance(rule, str) else None
    number = int(picked["id"]) if picked else rule if isinstance(rule, int) else parse_rule_ref(rule)
    if number is None:
        raise UserError(
            f"{quote_input(str(rule))} is not a rule number; pick a rule from the list, or give its number "
            "(e.g. `#3`); `/warnings rules list` shows them."
        )
    taxonomy = await guild_taxonomy(db, guild_id)
    async with db.transaction() as tx:
        found = await store.get_rule(tx, guild_id, number)
        if picked is not None and (found is None or picked["digest"] != _rule_digest(found)):
            raise UserError(
                f"The rule you picked (#{number}) was removed since, so nothing was removed"
                + (f"; #{number} is a newer rule now. " if found is not None else ". ")
                + "`/warnings rules list` shows the rules."
            )
        if found is None:
            raise UserError(f"This server has no custom rule #{number}; `/warnings rules list` shows them.")
        await store.delete_rule(tx, guild_id, number)
        dropped = await store.drop_unused_categories(tx, guild_id)
        kept = found.category not in dropped and await store.empty_category(tx, guild_id, found.category)
        await store.bump_version(tx, guild_id)
    if rescan:
        await rescan_guild(db, guild_id, workers=workers)
    return RemovedRule(found, taxonomy.label(found.category), found.category in dropped, kept)


async def _resolve_target(db: Database, guild_id: int, target: str) -> tuple[str, str]:
    """A category id or a default rule id (`death/die`), as ('category'|'rule', id)."""
    if not visible_line(target):
        raise UserError("Pick a warning category or a default rule from the list.")
    target = target.strip().lower()
    taxonomy = await guild_taxonomy(db, guild_id)
    if target in taxonomy:
        return "category", target
    if any(rule.id == target for rule in default_ruleset().rules):
        return "rule", target
    raise UserError(
        f"{quote_input(target)} is neither a warning category nor a default rule. Pick one from the list; "
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
    workers: Workers | None = None,
) -> tuple[str, str]:
    kind, name = await _resolve_target(db, guild_id, target)
    async with db.transaction() as tx:
        if not await store.insert_disabled(tx, guild_id, kind, name, user_id, now_or_clock(now)):
            raise UserError(f"The {kind} `{name}` is already disabled here.")
        await store.bump_version(tx, guild_id)
    if rescan:
        await rescan_guild(db, guild_id, workers=workers)
    return kind, name


async def enable(
    db: Database, guild_id: int, target: str, *, rescan: bool = True, workers: Workers | None = None
) -> tuple[str, str]:
    kind, name = await _resolve_target(db, guild_id, target)
    async with db.transaction() as tx:
        if not await store.delete_disabled(tx, guild_id, kind, name):
            raise UserError(f"The {kind} `{name}` is not disabled, so there is nothing to enable.")
        await store.bump_version(tx, guild_id)
    if rescan:
        await rescan_guild(db, guild_id, workers=workers)
    return kind, name


async def set_override(
    db: Database,
    guild_id: int,
    story_id: int,
    warning_id: str,
    action: str,
    *,
    user_id: int | None = None,
    now: float | None = None,
) -> bool:
    """Add or remove one warning on one story; this wins over detection and declarations. False when
    the story had that change already (``/warnings story`` tells the admin so, reading the same store)."""
    if action not in OVERRIDE_ACTIONS:
        raise UserError("Choose whether to add or remove the warning on this story.")
    warning_id = warning_id.strip().lower()
    if not await store.story_exists(db, guild_id, story_id):
        raise UserError("That story is not in this server's library; pick one from the list.")
    await require_category(db, guild_id, warning_id)
    async with db.transaction() as tx:
        return await store.upsert_override(tx, guild_id, story_id, warning_id, action, user_id, now_or_clock(now))
