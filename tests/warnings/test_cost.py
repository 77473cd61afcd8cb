"""A server's own rules against the cost budget (bot.warnings.cost), and the service refusing past it.

The measure times RE2 sets, so these tests only assert what is far from the budget's edge: a
dozen phrases cost a few thousandths of the shipped rules, 80 alternations of letter runs that
can start at any letter about six times the budget (docs/benchmarks.md, "servers' own rules").
Forty were about twice the budget here, and a CI machine once measured them under it."""

from __future__ import annotations

import random
import string

import pytest

from bot.db import Database
from bot.errors import UserError
from bot.warnings import cost, service
from bot.warnings.cost import MAX_COST_SHARE, RulesCost, calibration, costliest, rules_cost
from bot.warnings.matcher import cold_read_seconds, matcher_for
from bot.warnings.model import Rule
from bot.warnings.patterns import MAX_PATTERN_CHARS, admin_rule
from bot.warnings.rules import default_ruleset

GUILD = 1001
# Rules of a costly kind a server holds in these tests: well past the budget (about six times it),
# within the 200 a server may have; the measure stops at the budget, so a test times a few dozen sets.
STORED = 80
# Alternations of whole words as long as those: half as many cost under half the budget.
ANCHORED = STORED // 2
ORDINARY = ["spider", "arachnid*", "~crawl", "cobweb*", "eight legs", "tarantula", "~bite", "venom*", "huntsman"]


def letter_runs(seed: int) -> str:
    """An alternation of random three-letter runs near the length limit, without ``\\b``: every
    letter of a text may start one, which is what makes a set build states on every byte."""
    rng = random.Random(seed)
    runs: list[str] = []
    while len("(?:" + "|".join(runs) + ")") + 4 <= MAX_PATTERN_CHARS:
        runs.append("".join(rng.choice(string.ascii_lowercase) for _ in range(3)))
    return "(?:" + "|".join(runs) + ")"


def whole_words(seed: int) -> str:
    """The same length of alternation, but of words between ``\\b``: a set only starts at a word."""
    words = sorted({w.lower() for p in calibration() for w in p.decode().split() if w.isalpha() and len(w) > 3})
    rng = random.Random(seed)
    picked: list[str] = []
    while len(r"\b(?:" + "|".join(picked) + r")\b") + 12 <= MAX_PATTERN_CHARS:
        picked.append(rng.choice(words))
    return r"\b(?:" + "|".join(picked) + r")\b"


def rules(make, count: int) -> list[Rule]:  # type: ignore[no-untyped-def]
    return [admin_rule(f"custom:{n}", "violence", "regex", make(n)) for n in range(count)]


def test_the_shipped_rules_alone_cost_nothing_more() -> None:
    assert rules_cost(default_ruleset()) == RulesCost(0.0)


def test_a_dozen_ordinary_phrases_are_far_within_the_budget() -> None:
    found = rules_cost(
        default_ruleset().extended(
            rules=[admin_rule(f"custom:{n}", "spiders", "phrase", p) for n, p in enumerate(ORDINARY)]
        )
    )
    assert 0 < found.share < 0.2 * MAX_COST_SHARE and not found.over_budget and found.heaviest is None


def test_alternations_that_start_at_every_letter_are_over_and_whole_words_are_not() -> None:
    """Each pattern the same length and program size within a fifth: what the patterns are makes
    the difference (at the same count, letter runs cost about four times whole words)."""
    costly = rules_cost(default_ruleset().extended(rules=rules(letter_runs, STORED)))
    anchored = rules_cost(default_ruleset().extended(rules=rules(whole_words, ANCHORED)))
    assert costly.over_budget and costly.heaviest is not None and costly.heaviest.startswith("custom:")
    assert not anchored.over_budget and anchored.share < 0.8 * MAX_COST_SHARE


def test_the_costliest_rule_is_the_one_that_starts_everywhere() -> None:
    cheap = [admin_rule(f"custom:{n}", "spiders", "phrase", p) for n, p in enumerate(ORDINARY)]
    assert costliest([*cheap, admin_rule("custom:99", "spiders", "regex", letter_runs(7))]) == "custom:99"


def test_a_read_stops_once_past_its_limit() -> None:
    patterns = matcher_for(default_ruleset()).patterns
    assert cold_read_seconds(patterns[:200], calibration(), limit=0.0) < cold_read_seconds(
        patterns[:400], calibration()
    )


def test_the_shipped_figure_is_taken_once_per_process() -> None:
    shipped = matcher_for(default_ruleset())
    first = cost.reference(shipped)
    assert first[0] > first[1] > 0 and cost.reference(shipped) is first


async def store_rules(db: Database, patterns: list[str]) -> None:
    """Rules stored before the budget existed: written as they were, without today's checks."""
    async with db.transaction() as tx:
        await tx.execute("INSERT INTO guilds (guild_id, joined_at) VALUES (?, 0) ON CONFLICT DO NOTHING", (GUILD,))
        await tx.executemany(
            "INSERT INTO warning_rules (guild_id, category, kind, pattern, created_at) VALUES (?, 'violence', 'regex', ?, 0)",
            [(GUILD, pattern) for pattern in patterns],
        )


async def test_a_rule_past_the_budget_is_refused_with_what_to_do_and_nothing_is_stored(db: Database) -> None:
    await store_rules(db, [letter_runs(n) for n in range(STORED)])
    before = await service.rules_version(db, GUILD)
    with pytest.raises(
        UserError, match=r"more than about twice as long as with the default rules alone, the limit"
    ) as refused:
        # After "qj" (in no English text), so it is the cost that refuses it, not that it fires everywhere.
        await service.add_rule(
            db, GUILD, category="violence", pattern="qj" + letter_runs(1000)[:-5] + ")", kind="regex"
        )
    assert "whole words" in str(refused.value)
    assert len(await service.list_rules(db, GUILD)) == STORED
    assert await service.rules_version(db, GUILD) == before


async def test_stored_rules_over_the_budget_are_listed_as_such_and_still_scan(db: Database) -> None:
    await store_rules(db, [letter_runs(n) for n in range(STORED)])
    overview = await service.rules_overview(db, GUILD)
    assert overview.cost is not None and overview.cost.over_budget
    numbers = {f"custom:{rule.id}" for rule in overview.custom}
    assert overview.cost.heaviest in numbers
    assert len((await service.ruleset_for_guild(db, GUILD)).split()[1]) == STORED  # type: ignore[index]


async def test_a_server_without_rules_of_its_own_is_not_measured(db: Database) -> None:
    assert (await service.rules_overview(db, GUILD)).cost is None


def test_the_refusal_names_the_costliest_stored_rule_when_the_new_one_is_not() -> None:
    said = service.over_budget_refusal(RulesCost(1.3, "custom:12"), "custom:new")
    assert "costliest rule is #12" in said and "custom:" not in said
    assert service.over_budget_refusal(RulesCost(1.3, "custom:new"), "custom:new").startswith("That rule would")
