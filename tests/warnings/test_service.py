"""Storage-backed warnings on a real SQLite file: admin rules, isolation, cache, overrides, scans."""

from __future__ import annotations

import asyncio
import json

import pytest

from bot.db import Database
from bot.errors import UserError
from bot.guilds import mark_left, purge_departed
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.service import remove_story
from bot.story.store import add_story
from bot.warnings import engine, service, store
from bot.warnings.declared import mapping_fingerprint
from bot.warnings.engine import ScanReport, scoring_key
from bot.warnings.reviews import story_overview
from bot.warnings.rules import MAX_CUSTOM_RULES, default_ruleset
from bot.worker import WorkLimitError

GUILD = 1001
OTHER = 2002


def story(*chapters: list[str], declared: tuple[str, ...] = ()) -> Story:
    return Story(
        StoryMeta("Webs", declared_warnings=list(declared)),
        [Chapter(n, None, [Scene(list(paragraphs))]) for n, paragraphs in enumerate(chapters, start=1)],
        "txt",
    )


async def stored(db: Database, guild_id: int, value: Story, key: str = "a") -> int:
    """A story added the way the bot adds one: stored with its scan in one transaction."""
    report = await service.scan_for_guild(db, guild_id, value)
    story_id = await add_story(db, guild_id, value, content_hash=key, added_by=1, now=0.0)
    async with db.transaction() as tx:
        await service.save_scan(tx, guild_id, story_id, report)
    return story_id


SPIDER_STORY = story(
    ["A spider crawled over the pillow."], ["The old dog died in his sleep. A week later the farmer died too."]
)


async def test_add_list_remove_rule_and_rescan(db: Database) -> None:
    story_id = await stored(db, GUILD, SPIDER_STORY)
    assert [w.id for w in await service.chapter_warnings(db, GUILD, story_id, 1)] == []
    rule = await service.add_rule(db, GUILD, category="spiders", pattern="~spider", new_category=True, user_id=5)
    assert (await service.list_rules(db, GUILD)) == [rule]
    assert [w.id for w in await service.chapter_warnings(db, GUILD, story_id, 1)] == ["spiders"]
    assert (await service.guild_taxonomy(db, GUILD)).label("spiders") == "Spiders"
    removed = await service.remove_rule(db, GUILD, f"#{rule.id}")
    assert removed.rule == rule and removed.category_removed and await service.list_rules(db, GUILD) == []
    assert [w.id for w in await service.chapter_warnings(db, GUILD, story_id, 1)] == []


async def test_a_server_deleted_and_back_never_gets_its_old_cached_rules(db: Database) -> None:
    """Its rules version started again at 0 once its data was purged, so a number it had before
    (and a ruleset cached under it) could come back with other rules (migration 0014)."""
    await service.add_rule(db, GUILD, category="spiders", pattern="~spider", new_category=True, rescan=False)
    old = await service.rules_version(db, GUILD)
    assert "spiders" in (await service.ruleset_for_guild(db, GUILD)).taxonomy  # cached now
    await mark_left(db, GUILD, now=0.0)
    assert await purge_departed(db, now=100.0, retention_seconds=10.0) == [GUILD]
    await service.add_rule(db, GUILD, category="moths", pattern="~moth", new_category=True, rescan=False)
    assert await service.rules_version(db, GUILD) > old
    ruleset = await service.ruleset_for_guild(db, GUILD)
    assert "moths" in ruleset.taxonomy and "spiders" not in ruleset.taxonomy


async def test_invalid_rules_store_nothing(db: Database) -> None:
    bad = [
        dict(category="death", pattern=r"(\w+) \1", kind="regex"),
        dict(category="death", pattern="(?<=red )blood", kind="regex"),
        dict(category="death", pattern="x" * 501),
        dict(category="death", pattern="   "),
        dict(category="death", pattern="spider", kind="glob"),
        dict(category="dragons", pattern="wyrm"),
        dict(category="Bad Id!", pattern="wyrm", new_category=True),
    ]
    for kwargs in bad:
        with pytest.raises(UserError):
            await service.add_rule(db, GUILD, **kwargs)  # type: ignore[arg-type]
    assert await service.list_rules(db, GUILD) == []
    assert await service.rules_version(db, GUILD) == 0
    assert await db.fetch_value("SELECT count(*) FROM warning_categories") == 0


@pytest.mark.parametrize(
    ("kind", "pattern"),
    [
        ("regex", "e"),
        ("regex", "."),
        ("regex", r"\b\w+\b"),
        ("phrase", "_"),
        ("phrase", "_ _"),
        # Everyday words, each in few of the short sentences but in nearly every paragraph: `he` for
        # Suicide put a confident warning on every chapter of every story.
        ("phrase", "he"),
        ("phrase", "and"),
        ("phrase", "(he|she)"),
        ("phrase", "@subj"),
        ("phrase", "~be"),
        ("phrase", "said"),
        ("phrase", "no one"),
        ("regex", r"\b(?:was|and|the)\b"),
    ],
)
async def test_a_rule_that_fires_on_every_paragraph_is_refused_with_what_to_fix(
    db: Database, kind: str, pattern: str
) -> None:
    """A regex `e` or the phrase `_` (any word) put a warning on every chapter of every story,
    which tells members nothing: refused, saying why, and nothing is stored or created."""
    with pytest.raises(UserError, match="nearly every paragraph") as refused:
        await service.add_rule(db, GUILD, category="tedium", pattern=pattern, kind=kind, new_category=True)
    assert "name the words that need a warning" in str(refused.value)
    assert await service.list_rules(db, GUILD) == []
    assert await db.fetch_value("SELECT count(*) FROM warning_categories") == 0


@pytest.mark.parametrize("pattern", ["~spider", "he ... hit", "@subj ~hit @obj", "he died", "hospital", "spider*"])
async def test_a_rule_naming_what_needs_a_warning_is_taken(db: Database, pattern: str) -> None:
    await service.add_rule(db, GUILD, category="tedium", pattern=pattern, new_category=True, rescan=False)
    assert [rule.pattern for rule in await service.list_rules(db, GUILD)] == [pattern]


async def test_a_broad_rule_stored_before_the_check_keeps_working(db: Database) -> None:
    """The breadth check is for rules being added: a server's stored rules stay as they were."""
    await service.add_rule(db, GUILD, category="death", pattern="~perish", rescan=False)
    async with db.transaction() as tx:
        await tx.execute(
            "INSERT INTO warning_rules (guild_id, category, kind, pattern, created_at) VALUES (?, 'spiders', 'regex', 'e', 0)",
            (GUILD,),
        )
        await tx.execute(
            "INSERT INTO warning_categories (guild_id, id, label, created_at) VALUES (?, 'spiders', 'Spiders', 0)",
            (GUILD,),
        )
        await store.bump_version(tx, GUILD)
    story_id = await stored(db, GUILD, story(["She poured the tea."]))
    assert "spiders" in [w.id for w in await service.chapter_warnings(db, GUILD, story_id, 1)]


async def test_duplicate_and_limit(db: Database) -> None:
    await service.add_rule(db, GUILD, category="death", pattern="perished at sea", rescan=False)
    with pytest.raises(UserError, match="already exists"):
        await service.add_rule(db, GUILD, category="death", pattern="perished  at sea", rescan=False)
    async with db.transaction() as tx:
        await tx.executemany(
            "INSERT INTO warning_rules (guild_id, category, kind, pattern, created_at) VALUES (?, 'death', 'phrase', ?, 0)",
            [(GUILD, f"word{i}") for i in range(MAX_CUSTOM_RULES - 1)],
        )
    with pytest.raises(UserError, match=f"already has {MAX_CUSTOM_RULES}"):
        await service.add_rule(db, GUILD, category="death", pattern="one too many", rescan=False)
    assert len(await service.list_rules(db, GUILD)) == MAX_CUSTOM_RULES


async def test_rules_and_overrides_are_per_server(db: Database) -> None:
    ours = await stored(db, GUILD, SPIDER_STORY, "a")
    theirs = await stored(db, OTHER, SPIDER_STORY, "b")
    await service.add_rule(db, GUILD, category="spiders", pattern="spider", new_category=True)
    await service.disable(db, GUILD, "animal-death")
    assert await service.list_rules(db, OTHER) == []
    assert "spiders" not in await service.guild_taxonomy(db, OTHER)
    assert {w.id for w in await service.story_warnings(db, GUILD, ours)} == {"spiders", "death"}
    assert {w.id for w in await service.story_warnings(db, OTHER, theirs)} == {"animal-death", "death"}
    with pytest.raises(UserError):
        await service.remove_rule(db, OTHER, (await service.list_rules(db, GUILD))[0].id)
    with pytest.raises(UserError, match="not in this server"):
        await service.set_override(db, OTHER, ours, "death", "add")
    assert await service.chapter_warnings(db, OTHER, ours, 1) == []


async def test_disable_and_enable_rule_or_category(db: Database) -> None:
    story_id = await stored(db, GUILD, SPIDER_STORY)
    assert {w.id for w in await service.chapter_warnings(db, GUILD, story_id, 2)} == {"animal-death", "death"}
    assert await service.disable(db, GUILD, "animal-death") == ("category", "animal-death")
    assert {w.id for w in await service.chapter_warnings(db, GUILD, story_id, 2)} == {"death"}
    with pytest.raises(UserError, match="already disabled"):
        await service.disable(db, GUILD, "animal-death")
    await service.enable(db, GUILD, "animal-death")
    await service.disable(db, GUILD, "death/die")
    assert await service.disabled_targets(db, GUILD) == ({"death/die"}, set())
    assert {w.id for w in await service.chapter_warnings(db, GUILD, story_id, 2)} == {"animal-death"}
    with pytest.raises(UserError, match="not disabled"):
        await service.enable(db, GUILD, "grief")
    with pytest.raises(UserError, match="neither a warning category nor a default rule"):
        await service.disable(db, GUILD, "no-such-thing")


async def test_matcher_cache_is_rebuilt_only_when_rules_change(db: Database) -> None:
    cache = service.cache_for(db)
    first = await service.ruleset_for_guild(db, GUILD)
    again = await service.ruleset_for_guild(db, GUILD)
    assert again is first and cache.builds == 1
    await service.ruleset_for_guild(db, OTHER)
    assert cache.builds == 2
    await service.add_rule(db, GUILD, category="death", pattern="went over the falls", rescan=False)
    changed = await service.ruleset_for_guild(db, GUILD)
    assert changed is not first and cache.builds == 3
    assert await service.ruleset_for_guild(db, OTHER) is not None and cache.builds == 3
    with pytest.raises(UserError):
        await service.add_rule(db, GUILD, category="death", pattern="(a)\\1", kind="regex")
    assert await service.ruleset_for_guild(db, GUILD) is changed and cache.builds == 3


class RuleChangedWhileChecking:
    """A worker pool where an admin adds a rule while the server's rules are being checked."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.changed = False

    async def run(self, what: str, function, *args, time_limit: float):  # type: ignore[no-untyped-def]
        result = await asyncio.to_thread(function, *args)
        if what == "Checking this server's rules" and not self.changed:
            self.changed = True
            await service.add_rule(
                self.db, GUILD, category="spiders", pattern="~spider", new_category=True, rescan=False
            )
        return result


async def test_a_story_scanned_while_a_rule_changed_is_scanned_again_when_read(db: Database) -> None:
    """An import takes the ruleset and its version, scans, then stores both: a rule added while the
    ruleset was being built must leave that scan older than the rules, not stored as current."""
    pool = RuleChangedWhileChecking(db)
    ruleset, version = await service.guild_ruleset_data(db, GUILD, workers=pool)  # type: ignore[arg-type]
    assert pool.changed and version < await service.rules_version(db, GUILD)
    report = engine.scan(SPIDER_STORY, ruleset)
    story_id = await add_story(db, GUILD, SPIDER_STORY, content_hash="a", added_by=1, now=0.0)
    async with db.transaction() as tx:
        await service.save_scan(tx, GUILD, story_id, report, rules_version=version)
    assert [w.id for w in await service.chapter_warnings(db, GUILD, story_id, 1)] == ["spiders"]


async def test_overrides_win_over_detection_and_declarations(db: Database) -> None:
    value = story(
        ["The old dog died in his sleep. A week later the farmer died too."], ["A picnic."], declared=("TW: self harm",)
    )
    story_id = await stored(db, GUILD, value)
    header = await service.chapter_warnings(db, GUILD, story_id, 1)
    assert (header[0].id, header[0].source) == ("self-harm", "declared")
    await service.set_override(db, GUILD, story_id, "death", "remove")
    await service.set_override(db, GUILD, story_id, "self-harm", "remove")
    await service.set_override(db, GUILD, story_id, "vomit", "add")
    header = await service.chapter_warnings(db, GUILD, story_id, 1)
    assert [(w.id, w.source) for w in header] == [("vomit", "override"), ("animal-death", "detected")]
    assert [w.id for w in await service.chapter_warnings(db, GUILD, story_id, 2)] == ["vomit"]
    await service.rescan_guild(db, GUILD)  # a rescan keeps the admins' decisions
    assert "death" not in {w.id for w in await service.story_warnings(db, GUILD, story_id)}
    assert await service.set_override(db, GUILD, story_id, "death", "add")  # an admin changes their mind
    assert "death" in {w.id for w in await service.story_warnings(db, GUILD, story_id)}
    assert not await service.set_override(db, GUILD, story_id, "death", "add")  # there already: told so
    with pytest.raises(UserError, match="no warning category"):
        await service.set_override(db, GUILD, story_id, "dragons", "add")


async def test_headers_merge_declared_and_detected_strongest_first(db: Database) -> None:
    value = story(
        ["The bleeding would not stop; blood soaked the sheets and pooled on the floor."], declared=("CW: blood",)
    )
    story_id = await stored(db, GUILD, value)
    header = await service.chapter_warnings(db, GUILD, story_id, 1)
    assert header[0].id == "blood-gore" and header[0].source == "both"


async def test_scan_is_removed_with_its_story(db: Database) -> None:
    story_id = await stored(db, GUILD, SPIDER_STORY)
    await service.set_override(db, GUILD, story_id, "vomit", "add")
    removed, _events = await remove_story(db, GUILD, story_id)
    assert removed
    for table in ("story_scans", "chapter_warnings", "warning_overrides"):
        assert await db.fetch_value(f"SELECT count(*) FROM {table}") == 0


async def test_missing_scan_is_made_on_demand(db: Database) -> None:
    story_id = await add_story(db, GUILD, SPIDER_STORY, content_hash="x", added_by=1, now=0.0)
    assert {w.id for w in await service.story_warnings(db, GUILD, story_id)} == {"animal-death", "death"}
    assert await service.stored_scan(db, GUILD, story_id) is not None
    assert await service.story_warnings(db, GUILD, 99999) == []


async def test_a_scan_made_with_older_default_rules_is_made_again(db: Database) -> None:
    """After an upgrade that changes the shipped rules, the next reader gets a fresh scan."""
    story_id = await stored(db, GUILD, SPIDER_STORY)
    empty = json.dumps(ScanReport("Webs", [], False, [], []).to_record())
    await db.execute("UPDATE story_scans SET report = ?, defaults = 'an older release'", (empty,))
    assert {w.id for w in await service.story_warnings(db, GUILD, story_id)} == {"animal-death", "death"}
    assert await db.fetch_value("SELECT defaults FROM story_scans") == (
        f"{default_ruleset().fingerprint} {scoring_key()} {mapping_fingerprint()}"
    )


async def test_a_scan_made_with_older_scoring_values_is_made_again(db: Database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An upgrade that changes how hits are weighed (not the rules) also makes stored scans stale."""
    story_id = await stored(db, GUILD, SPIDER_STORY)
    empty = ScanReport("Webs", [], False, [], [])
    await db.execute(
        "UPDATE story_scans SET report = ?, summary = ?",
        (json.dumps(empty.to_record()), json.dumps(empty.summary_record())),
    )
    assert await service.story_warnings(db, GUILD, story_id) == []  # still current: the stored scan is used
    monkeypatch.setattr(engine, "STRONG_WEIGHT", engine.STRONG_WEIGHT + 0.1)
    assert {w.id for w in await service.story_warnings(db, GUILD, story_id)} == {"animal-death", "death"}


async def test_rescan_guild_counts_stories(db: Database) -> None:
    await stored(db, GUILD, SPIDER_STORY, "a")
    await stored(db, GUILD, story(["A calm day."]), "b")
    await stored(db, OTHER, SPIDER_STORY, "c")
    assert await service.rescan_guild(db, GUILD) == 2


class OneStoryOverBudget:
    """A worker pool that stops the scan of the story called "Heavy" at its time limit."""

    async def run(self, what: str, function, *args, time_limit: float):  # type: ignore[no-untyped-def]
        if what.startswith("Scanning") and any(isinstance(a, Story) and a.meta.title == "Heavy" for a in args):
            raise WorkLimitError(f"{what} took longer than {time_limit:g} seconds, so I stopped it.")
        return await asyncio.to_thread(function, *args)


async def test_a_story_over_budget_does_not_stop_the_rescan_of_the_others(db: Database) -> None:
    heavy = Story(StoryMeta("Heavy"), SPIDER_STORY.chapters, "txt")
    heavy_id = await stored(db, GUILD, heavy, "a")
    light_id = await stored(db, GUILD, SPIDER_STORY, "b")
    await service.add_rule(db, GUILD, category="spiders", pattern="~spider", new_category=True, rescan=False)
    done = await service.rescan_guild_report(db, GUILD, workers=OneStoryOverBudget())  # type: ignore[arg-type]
    assert done == service.Rescanned(done=1, over_budget=1)
    assert [w.id for w in await service.chapter_warnings(db, GUILD, light_id, 1)] == ["spiders"]
    # The heavy story's old scan is older than the rules: it is made again when read.
    assert [w.id for w in await service.chapter_warnings(db, GUILD, heavy_id, 1)] == ["spiders"]


async def test_unwarned_story_is_shown_as_unwarned_never_as_safe(db: Database) -> None:
    value = story(["A picnic by the river."])
    value.meta.archive_warnings = ["Creator Chose Not To Use Archive Warnings"]
    story_id = await stored(db, GUILD, value)
    header = await service.chapter_warnings(db, GUILD, story_id, 1)
    assert [(w.id, w.source) for w in header] == [("unwarned", "declared")]
    assert "unwarned" in header[0].label.lower()
    assert [w.id for w in await service.story_warnings(db, GUILD, story_id)] == ["unwarned"]
    report = await service.stored_scan(db, GUILD, story_id)
    assert report is not None and report.unwarned and report.warnings == []


def test_the_scan_time_limit_grows_with_the_story_text() -> None:
    """A long story of text no worker has read scans at about 0.15 MB/s: a fixed limit refused it."""
    short = Story(StoryMeta("short"), [Chapter(1, None, [Scene(["Nobody died."])])], "txt")
    long = Story(StoryMeta("long"), [Chapter(n, None, [Scene(["x" * 1_000] * 500)]) for n in range(1, 11)], "txt")
    assert service.scan_time_limit(short) == pytest.approx(service.SCAN_SECONDS, abs=0.01)
    assert service.scan_time_limit(long) == pytest.approx(service.SCAN_SECONDS + 5 * service.SCAN_SECONDS_PER_MB)
    assert service.scan_time_limit(long, 30.0) > 30.0 + 5 / 0.15


async def test_a_chapter_not_in_english_tells_members_it_was_not_read(db: Database) -> None:
    """Shown where members look, as "unwarned" is: nothing would read as safe. Stored with the scan."""
    french = [
        "Je suis en retard, dit-elle en courant vers la gare. Le train avait du retard lui aussi, heureusement.",
        "Elle s'assit près de la fenêtre et sortit son livre. Plus tard, elle appellerait sa mère pour lui dire.",
        "Il faisait froid ce matin-là. Les enfants jouaient dans la cour, et le vieux chien dormait sous la table.",
    ]
    story_id = await stored(
        db, GUILD, story(french, ["She walked home in the rain and thought about the day she had had."] * 5)
    )
    first = await service.chapter_warnings(db, GUILD, story_id, 1)
    assert [w.id for w in first] == ["not-english"]
    assert "English" in first[0].label and first[0].source_note == ""
    assert await service.chapter_warnings(db, GUILD, story_id, 2) == []
    assert [w.id for w in await service.story_warnings(db, GUILD, story_id)] == ["not-english"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("MCD", "death"),
        ("Major Character Death", "death"),
        ("self harm", "self-harm"),
        ("Suicide (suicide)", "suicide"),
    ],
)
async def test_a_story_warning_typed_as_authors_and_archives_name_it(db: Database, typed: str, expected: str) -> None:
    """`/warnings story add:MCD` was refused, though `/warnings categories` lists the archive's names."""
    story_id = await stored(db, GUILD, SPIDER_STORY)
    await story_overview(db, GUILD, str(story_id), add=typed)
    assert await service.overrides(db, GUILD, story_id) == {expected: "add"}


async def test_an_unknown_warning_is_still_refused_by_name(db: Database) -> None:
    story_id = await stored(db, GUILD, SPIDER_STORY)
    with pytest.raises(UserError, match="There is no warning category “dragons” here"):
        await story_overview(db, GUILD, str(story_id), add="dragons")
