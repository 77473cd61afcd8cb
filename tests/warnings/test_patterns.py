"""Admin patterns and rules files with bounded cost (issue 12, point 5): regression tests."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import re2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.cli import main
from bot.db import Database
from bot.errors import UserError
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.store import add_story
from bot.warnings import service, store
from bot.warnings.declared import Declared
from bot.warnings.engine import scan
from bot.warnings.matcher import ExtendedMatcher, Matcher, compile_in_worker, matcher_for
from bot.warnings.model import RuleError
from bot.warnings.patterns import MAX_PROGRAM_SIZE, admin_rule, can_match_empty, check_regex, re2_options
from bot.warnings.rules import default_ruleset, load_rules_file
from bot.warnings.taxonomy import Category
from bot.worker import Workers
from tests.loop_probe import loop_lags
from tests.waiting import HANG_LIMIT

GUILD = 4242
HEAVIEST = r"\pL{2}q"  # two case-folded Unicode letter classes: just under the program budget


def heavy_rules(count: int) -> list:
    return [admin_rule(f"custom:{i}", "violence", "regex", HEAVIEST + str(i)) for i in range(count)]


@pytest.mark.parametrize("pattern", [r"\pL{990}x", r"\pL{100}x", r"\pL{3}", r"(?:\pL|\d){50}"])
def test_a_pattern_whose_program_is_too_large_is_refused_fast(pattern: str) -> None:
    started = time.process_time()  # CPU time: the work done, which a busy machine does not stretch
    with pytest.raises(RuleError, match=r"too large|RE2 instructions"):
        check_regex(pattern)
    assert time.process_time() - started < 0.5  # refused on the small compile budget, not after seconds


def test_the_heaviest_accepted_pattern_is_under_the_budget() -> None:
    assert check_regex(HEAVIEST) == HEAVIEST
    assert check_regex(r"\pL+ing") == r"\pL+ing"
    assert MAX_PROGRAM_SIZE >= 2_400


@pytest.mark.parametrize("pattern", [r"\b", r"\b\B?", "x*", "^", "$", r"(?:\b|a)", "a|", r"\A\z", r"(?i)\b(?:)\b"])
def test_a_pattern_that_can_match_empty_text_anywhere_is_refused(pattern: str) -> None:
    assert can_match_empty(pattern)
    with pytest.raises(RuleError, match="matches empty text"):
        check_regex(pattern)


@pytest.mark.parametrize("pattern", [r"\bspiders?\b", r"^blood", r"[.]x", r"\\b", r"[$^]", r"\Q\b\E"])
def test_patterns_that_always_need_some_text_are_accepted(pattern: str) -> None:
    assert not can_match_empty(pattern)


def test_200_of_the_heaviest_accepted_rules_compile_into_one_matcher() -> None:
    """Each is under the program budget, so 200 of them cost a bounded amount; the seconds it takes
    are measured in bench/bench_warnings.py (target < 1 s), not here."""
    base = Matcher(default_ruleset())
    heavy = Matcher(default_ruleset().extended(rules=heavy_rules(200)))
    assert heavy.size >= base.size + 200


async def test_the_event_loop_keeps_answering_while_a_heavy_rule_set_compiles(
    db: Database, budgets_only_bound_hangs: None
) -> None:
    """The compile runs in a worker process: a probe task on the loop never waits 250 ms."""
    workers = Workers(processes=1)
    try:
        await workers.run("Warming up", compile_in_worker, default_ruleset(), time_limit=HANG_LIMIT)  # start it first
        heavy = default_ruleset().extended(rules=heavy_rules(200))
        async with loop_lags() as lags:
            size, seconds = await workers.run("Compiling", compile_in_worker, heavy, time_limit=HANG_LIMIT)
            for number in range(3):  # and through the service, as /warnings rules add does it
                await service.add_rule(
                    db,
                    GUILD,
                    category="violence",
                    pattern=HEAVIEST + f"z{number}",
                    kind="regex",
                    workers=workers,
                    now=0.0,
                )
        assert size > len(default_ruleset().rules) and seconds > 0
        assert lags and max(lags) < 0.25, f"the loop waited {max(lags):.3f} s"
    finally:
        workers.close()


async def test_headers_of_a_server_with_200_heavy_rules_are_built_off_the_loop(
    db: Database, budgets_only_bound_hangs: None
) -> None:
    """A header read (excerpts, reminders) passes no workers: the ones registered for the database are used."""
    workers = Workers(processes=1)
    service.use_workers(db, workers)
    try:
        await workers.run("Warming up", compile_in_worker, default_ruleset(), time_limit=HANG_LIMIT)
        async with db.transaction() as tx:
            for number in range(200):
                await store.insert_rule(tx, GUILD, "violence", "regex", f"{HEAVIEST}{number}", None, 0.0)
            await store.bump_version(tx, GUILD)
        value = Story(StoryMeta("Q"), [Chapter(1, None, [Scene(["Xyq7 was there. The old man died."])])], "txt")
        story_id = await add_story(db, GUILD, value, content_hash="q", added_by=1, now=0.0)
        async with loop_lags() as lags:
            header = await service.chapter_warnings(db, GUILD, story_id, 1)  # no scan stored yet: scans now
        assert {w.id for w in header} >= {"death"}
        assert lags and max(lags) < 0.25, f"the loop waited {max(lags):.3f} s"
    finally:
        service.use_workers(db, None)
        workers.close()


async def test_a_rule_refused_by_the_service_stores_nothing(db: Database) -> None:
    with pytest.raises(UserError, match=r"too large|RE2 instructions"):
        await service.add_rule(db, GUILD, category="violence", pattern=r"\pL{990}x", kind="regex", now=0.0)
    with pytest.raises(UserError, match="matches empty text"):
        await service.add_rule(db, GUILD, category="violence", pattern=r"\b\B?", kind="regex", now=0.0)
    assert await service.list_rules(db, GUILD) == []
    assert await service.rules_version(db, GUILD) == 0


# --- rules files, field by field --------------------------------------------------------------


def rules_file(tmp_path: Path, document: object | str) -> Path:
    path = tmp_path / "rules.json"
    path.write_text(document if isinstance(document, str) else json.dumps(document), encoding="utf-8")
    return path


def one_rule(**fields: object) -> dict:
    return {"categories": {"death": {"rules": [{"id": "x", "match": "perished", **fields}]}}}


BAD_FILES = [
    (one_rule(weight=float("nan")), "rule `death/x`: `weight`"),
    (one_rule(weight=float("inf")), "rule `death/x`: `weight`"),
    (one_rule(weight=-1), "rule `death/x`: `weight`"),
    (one_rule(weight="heavy"), "rule `death/x`: `weight` must be a number"),
    (one_rule(gap=-2), "rule `death/x`: `gap`"),
    (one_rule(gap=2.5), "rule `death/x`: `gap`"),
    (one_rule(match=7), "rule `death/x`: `match` must be a string or a list"),
    (one_rule(match=[]), "rule `death/x`: `match` is an empty list"),
    (one_rule(negatable="no"), "rule `death/x`: `negatable`"),
    (one_rule(match="((((((((((((a))))))))))))"), "nest more than"),
    ({"categories": {"death": {"threshold": float("nan"), "rules": []}}}, "category `death`: `threshold`"),
    ({"categories": {"death": {"max_count": -1, "rules": []}}}, "category `death`: `max_count`"),
    ({"categories": {"death": {"rules": {"id": "x"}}}}, "category `death`: `rules` must be a list"),
    ({"categories": {"death": ["not", "an", "object"]}}, "category `death` must be an object"),
    ({"categories": {"death": {"rules": [["a list"]]}}}, "rule 1 of category `death` must be an object"),
    ({"negation": {"cues": [], "fillers": []}}, "`negation`: `cues` is an empty list"),
    ({"settings": {"gap": 1e309}}, "`settings`: `gap`"),
    ("[" * 100_000 + "]" * 100_000, "nests too deeply"),
    (
        {"categories": {"death": {"rules": [{"id": "x", "regex": r"\b\B?"}]}}},
        "rule `death/x`: `regex`: the regex matches empty",
    ),
    (one_rule(regex="died"), "needs exactly one of"),
    ({"categories": {"death": {"frames": ["respawn", ""]}}}, "category `death`: `frames` has an empty string"),
    ({"categories": {"death": {"frames": 3}}}, "category `death`: `frames` must be a string or a list"),
    (
        {"categories": {"death": {"rules": [{"id": "death", "match": "passed on"}]}}},
        "rule `death/death`: the shipped rules already have this id",
    ),
    # A key the loader does not read is named with where it is, never skipped with what it holds.
    ({"categoriez": {"death": {"rules": []}}}, "unknown key `categoriez`: a rules file accepts `about`, `categories`"),
    (
        {"categories": {"death": {"rulez": [{"id": "x", "regex": "(a)\\1"}]}}},
        "unknown key `categories.death.rulez`: a category accepts `description`",
    ),
    (
        {
            "categories": {
                "death": {
                    "rules": [
                        {"id": "a", "match": "p1"},
                        {"id": "b", "match": "p2"},
                        {"id": "x", "match": "perished", "wieght": 5},
                    ]
                }
            }
        },
        "unknown key `categories.death.rules[2].wieght`: a rule (`death/x`) accepts `alone`, `gap`, `id`, `match`",
    ),
    (one_rule(wieght=5), "did you mean `weight`?"),
    ({"settings": {"gapp": 2}, **one_rule()}, "unknown key `settings.gapp`: `settings` accepts `gap`, `max_count`"),
    ({"negation": {"cues": ["no"], "windw": 2}, **one_rule()}, "unknown key `negation.windw`"),
    ({"categories": {"death\n`x": {"rulez": []}}}, 'unknown key `categories["death\\n`x"].rulez`'),
    ({}, "the rules file defines no rules"),
    ({"categories": {}}, "the rules file defines no rules"),
    ({"categories": {"death": {"rules": []}}}, "the rules file defines no rules"),
    ({"version": 1, "negation": {"cues": ["no"]}}, "the rules file defines no rules"),
]


@pytest.mark.parametrize(("document", "expected"), BAD_FILES)
def test_a_bad_rules_file_gets_one_line_naming_file_rule_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], document: object, expected: str
) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Title: T\n\nThe old man died.\n", encoding="utf-8")
    path = rules_file(tmp_path, document)
    code = main(["scan", str(story), "--rules", str(path)])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dogear: ") and str(path) in lines[0]
    assert expected in lines[0]
    assert "Traceback" not in err


def test_a_good_rules_file_still_loads(tmp_path: Path) -> None:
    ruleset = load_rules_file(rules_file(tmp_path, one_rule(weight=1.5, gap=2)))
    assert any(rule.id == "death/x" and rule.weight == 1.5 for rule in ruleset.rules)


def test_scan_json_never_prints_infinity(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Title: T\n\nThe old man perished.\n", encoding="utf-8")
    code = main(["scan", str(story), "--json", "--rules", str(rules_file(tmp_path, one_rule(weight=100)))])
    out, _ = capsys.readouterr()
    assert code == 0 and "Infinity" not in out and "NaN" not in out
    assert all(w["tier"] in ("confident", "possible") for w in json.loads(out)["warnings"])


# --- invariants ------------------------------------------------------------------------------

TOKENS = ["a", "b", "x", " ", r"\b", r"\B", "^", "$", "*", "?", "+", "|", "(?:", ")", "[ab]", r"\w", r"\s", "{2}"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=8), st.lists(st.text("ab x.\n", max_size=12), max_size=5))
def test_a_pattern_judged_never_empty_never_matches_empty_text(tokens: list[str], texts: list[str]) -> None:
    """Soundness of the empty-match check: whatever it accepts needs at least one character everywhere."""
    pattern = "".join(tokens)
    try:
        compiled = re2.compile(pattern, re2_options())
    except re2.error:
        return
    if can_match_empty(pattern):
        return
    for text in ["", " ", "a", "ab ba", *texts]:
        for start in range(len(text) + 1):
            match = compiled.search(text, start)
            assert match is None or match.end() > match.start(), (pattern, text, start)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "There was blood on the floor.",
                "His hand was bleeding.",
                "The old man died.",
                "They ate pancakes.",
                "He punched him.",
                "Nobody died.",
            ]
        ),
        max_size=6,
    )
)
def test_tiers_never_overlap_in_a_chapter(paragraphs: list[str]) -> None:
    report = scan(
        Story(StoryMeta("t"), [Chapter(1, None, [Scene(paragraphs)])], "txt"), default_ruleset(), declared=Declared()
    )
    chapter = report.chapters[0]
    confident = {w.id for w in chapter.warnings}
    possible = {w.id for w in chapter.possible}
    assert not confident & possible
    assert all(w.tier == "confident" for w in chapter.warnings) and all(w.tier == "possible" for w in chapter.possible)
    assert report.detected_ids() == confident and report.detected_ids("possible") == possible


SERVER_TEXTS = [
    "He punched him and kicked him down the stairs. Xyq7 was there.",
    "Nobody died. The old man died in his sleep and we buried him on Sunday.",
    "a spider crawled out of the drain and i screamed",
    "She lost the baby at twelve weeks; there was no heartbeat on the scan.",
]


def test_a_servers_matcher_reuses_the_shipped_one_and_finds_the_same_hits() -> None:
    """Own rules compiled alone, turned-off rules dropped: the hits equal one matcher of everything."""
    defaults = default_ruleset()
    turned_off = [rule.id for rule in defaults.rules if rule.category == "violence"][:3]
    server = defaults.extended(
        rules=[admin_rule("custom:1", "spiders", "phrase", "~spider"), *heavy_rules(5)],
        categories=[Category("spiders", "Spiders", "", "custom", None, True)],
        disabled_rules=turned_off,
        disabled_categories=["grief"],
    )
    matcher = matcher_for(server)
    assert isinstance(matcher, ExtendedMatcher) and matcher.shared is matcher_for(defaults)
    whole = Matcher(server)
    for got, text in zip(matcher.scan_paragraphs(SERVER_TEXTS), SERVER_TEXTS, strict=True):
        assert sorted(hit.rule.id for hit in got) == sorted(hit.rule.id for hit in whole.scan_paragraph(text))
    assert any(hit.rule.id == "custom:1" for hit in matcher.scan_paragraph(SERVER_TEXTS[2]))
    assert not any(hit.rule.id == "custom:1" for hits in matcher.scan_paragraphs(SERVER_TEXTS[:2]) for hit in hits)


def test_an_anchored_admin_regex_fires_in_any_paragraph_of_a_chapter() -> None:
    """The chapter-wide pre-check joins paragraphs, where `^` would only see the first: anchored rules skip it."""
    server = default_ruleset().extended(rules=[admin_rule("custom:2", "violence", "regex", "^spiders")])
    hits = matcher_for(server).scan_paragraphs(["A calm morning.", "Spiders everywhere."])
    assert [hit.rule.id for hit in hits[1] if hit.rule.custom or hit.rule.id.startswith("custom")] == ["custom:2"]


def test_a_ruleset_that_changes_the_shipped_idioms_gets_a_matcher_of_its_own(tmp_path: Path) -> None:
    """Extra idioms for a shipped category change what its rules find, so nothing is shared."""
    path = tmp_path / "rules.json"
    path.write_text('{"categories": {"death": {"exclude": ["died in his sleep"]}}}', encoding="utf-8")
    ruleset = load_rules_file(path)
    assert ruleset.split() is None and isinstance(matcher_for(ruleset), Matcher)
    assert not any(hit.rule.category == "death" for hit in matcher_for(ruleset).scan_paragraph("He died in his sleep."))


def test_signs_of_play_in_a_rules_file_silence_their_category_nearby(tmp_path: Path) -> None:
    """A file's frames change what the shipped death rules report, so the ruleset compiles its own matcher."""
    path = tmp_path / "rules.json"
    path.write_text('{"categories": {"death": {"frames": ["checkpoint", "~respawn"]}}}', encoding="utf-8")
    ruleset = load_rules_file(path)
    assert ruleset.split() is None and isinstance(matcher_for(ruleset), Matcher)

    def ids(*paragraphs: str) -> set[str]:
        chapter = Chapter(1, None, [Scene(list(paragraphs))])
        return scan(Story(StoryMeta("t"), [chapter], "txt"), ruleset, declared=Declared()).detected_ids("both")

    assert "death" in ids("The old soldier died in the snow.")
    assert "death" not in ids("You died. Again. Back to the checkpoint, and he respawns by the bonfire.")
    assert "death" not in ids("Oh no. You died.", "She respawned by the bonfire and swore at the screen.")
    # Only the frame's own category is silenced.
    assert "violence" in ids("He punched him in the face until he fell. Back to the checkpoint.")


def test_negation_cues_of_a_rules_file_are_added_to_the_shipped_ones(tmp_path: Path) -> None:
    """A file's `negation` was checked and then dropped: its cues never silenced a hit."""
    path = tmp_path / "rules.json"
    path.write_text(
        '{"negation": {"cues": ["scarcely"]},'
        ' "categories": {"death": {"rules": [{"id": "perish-x", "match": "~perish"}]}}}',
        encoding="utf-8",
    )
    ruleset = load_rules_file(path)
    assert "scarcely" in ruleset.negation.cues and "nobody" in ruleset.negation.cues
    assert ruleset.split() is None  # the shipped rules' hits change with the cues: nothing is shared
    matcher = matcher_for(ruleset)
    fired = {hit.rule.id for hit in matcher.scan_paragraph("The soldier scarcely perished.")}
    assert "death/perish-x" not in fired
    assert "death/perish-x" in {hit.rule.id for hit in matcher.scan_paragraph("The soldier perished.")}
    shipped_negated = "Nobody perished."
    assert "death/perish-x" not in {hit.rule.id for hit in matcher.scan_paragraph(shipped_negated)}
