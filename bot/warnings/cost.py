"""What a server's own rules cost its scans, against a budget: a share of what the shipped rules cost.

A server's rules get RE2 sets of their own (:class:`bot.warnings.matcher.ExtendedMatcher`), read
over every paragraph of every story besides the shipped rules' sets. On text a set has not seen
(every new story) its cost is RE2 building automaton states, and how many states a set builds
depends on what its patterns are, not on their length or program size: 200 regexes of about
500 characters each cost, on 0.5 MB of new text, 0.34 times what the shipped rules' sets cost
when each is an alternation of short words between ``\\b`` ... ``\\b``, and 5.1 times when the
same words have no ``\\b`` (every letter may start a word of the list), with about the same
characters (143,000) and program size (108,000 instructions). Random three-letter runs cost 3.0
times, the words of the labelled passages with a Unicode letter class after them 4.4 times
(program 388,000). So no structural figure predicts the cost; this module times it.

The measure: the own rules' sets, compiled afresh, read a fixed text of ordinary prose that ships
with Dogear (``data/warnings/calibration.txt``, 32 KB) as a scan reads it, in CPU time, against the
shipped rules' sets doing the same. Its ratio is the rules' cost *share*. The two are measured in
the same process, so the machine's speed cancels out. The shipped rules' own figure needs their 55
sets compiled afresh (over a second), so it is taken once per process, between timings of a
*yardstick* (every :data:`YARDSTICK_STEP`-th shipped pattern); each check times the yardstick again
back to back with the server's rules, and scales the shipped figure by how the yardstick moved (the
machine busier or quieter since). Each figure is the fastest of a few tries (noise only adds time).

What a share means for a long story was measured (docs/benchmarks.md, "a server's own rules at the
cost budget"): at a share of about 1 (the budget first tried), a server's whole scan of 0.5 MB of
new text took 3 to 5.5 times the shipped rules' alone, ``1 + k * share`` with ``k`` from about 2
(letter runs) to 4.5 (words with a Unicode class, which also fire everywhere). The calibration text
is short, and on a long text the shipped rules' automata keep getting cheaper while costly ones
fill up and start again. Timing a whole scan's path (the exact checks too) instead of the sets
alone spread ``k`` as widely (1.1 to 2.7), for four seconds more per check. So the budget,
:data:`MAX_COST_SHARE`, is a quarter, set from ``k``'s worst: at it, the kinds measured scan a long
new story in 1.1 to 1.7 times the shipped rules' time.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from bot.paths import shipped
from bot.warnings.matcher import ExtendedMatcher, Matcher, cold_read_seconds, matcher_for, shared
from bot.warnings.model import Rule, Ruleset

CALIBRATION_FILE = shipped("warnings", "calibration.txt")
# A server's own rules may cost at most this share of what the shipped ones cost on the calibration
# text: its scans of a long new story then take about twice as long as without them, at worst (above).
MAX_COST_SHARE = 0.25
# What the budget means to an admin, in the answers (measured: docs/benchmarks.md).
SLOWER_AT_BUDGET = "twice as long"
REPEATS = 3  # tries of each figure, the fastest kept
YARDSTICK_STEP = 8  # the yardstick: every eighth shipped pattern (seven sets, a tenth of the time)
# The costliest rule is looked for (each rule's sets alone) on this much of the calibration text.
HEAVIEST_BYTES = 4_000


@dataclass(frozen=True, slots=True)
class RulesCost:
    """A server's own rules' cost as a share of the shipped rules'. Over the budget the share is a
    lower bound (the measure stops there), and ``heaviest`` is the id of the rule that costs most."""

    share: float
    heaviest: str | None = None

    @property
    def over_budget(self) -> bool:
        return self.share > MAX_COST_SHARE

    @property
    def of_budget(self) -> float:
        """How much of the budget the rules use (1.0: all of it)."""
        return self.share / MAX_COST_SHARE


@cache
def calibration() -> tuple[bytes, ...]:
    """The calibration text's paragraphs as a scan hands them to the sets (UTF-8)."""
    text = CALIBRATION_FILE.read_text(encoding="utf-8")
    return tuple(paragraph.strip().encode("utf-8") for paragraph in text.split("\n\n") if paragraph.strip())


# Per shipped ruleset (by fingerprint): its sets' seconds on the calibration text and the yardstick's.
_references: dict[str, tuple[float, float]] = {}


def _yardstick(patterns: Sequence[str]) -> Sequence[str]:
    return patterns[::YARDSTICK_STEP]


def _fastest(patterns: Sequence[str], texts: Sequence[bytes], tries: int, limit: float | None = None) -> float:
    return min(cold_read_seconds(patterns, texts, limit) for _ in range(tries))


def reference(shipped_matcher: Matcher) -> tuple[float, float]:
    """(the shipped rules' seconds, the yardstick's), measured once per process."""
    key = shipped_matcher.ruleset.fingerprint
    if key not in _references:
        # The shipped sets take seconds to compile afresh, so they are timed once per process,
        # between timings of the yardstick: only their ratio is kept, which the machine's pace
        # cancels from. Each is the fastest of a few tries: a single try taken while the machine
        # was busy would make every server's rules look cheaper for the rest of the process.
        texts = calibration()
        yardstick = _yardstick(shipped_matcher.patterns)
        before = _fastest(yardstick, texts, REPEATS)
        full = _fastest(shipped_matcher.patterns, texts, REPEATS)
        _references[key] = (full, min(before, cold_read_seconds(yardstick, texts)))
    return _references[key]


def own_rules(ruleset: Ruleset) -> tuple[Matcher | None, Sequence[str], tuple[Rule, ...]]:
    """The shipped (shared) matcher a ruleset extends, the set patterns its own rules add, and those rules."""
    matcher = matcher_for(shared(ruleset))
    parts = ruleset.split()
    if not isinstance(matcher, ExtendedMatcher) or parts is None:
        base = ruleset.base
        if base is None:
            return None, (), ()
        base_matcher = matcher_for(shared(base))
        assert isinstance(base_matcher, Matcher) and isinstance(matcher, Matcher)
        known = set(base_matcher.patterns)
        own = tuple(rule for rule in ruleset.rules if rule.custom)
        return base_matcher, tuple(p for p in matcher.patterns if p not in known), own
    own_patterns = matcher.own.patterns if matcher.own is not None else ()
    return matcher.shared, own_patterns, parts[1]


def rules_cost(ruleset: Ruleset) -> RulesCost:
    """The cost share of a ruleset's own rules (run in a worker: it compiles and reads for seconds).

    A cheap set of rules is timed once; one near or over the budget the fastest of
    :data:`REPEATS` tries, each stopped once past the budget."""
    shipped_matcher, own, rules = own_rules(ruleset)
    if shipped_matcher is None or not own:
        return RulesCost(0.0)
    texts = calibration()
    full, yardstick_then = reference(shipped_matcher)
    yardstick = _yardstick(shipped_matcher.patterns)
    yardstick_now = best = math.inf
    for _ in range(REPEATS):
        yardstick_now = min(yardstick_now, cold_read_seconds(yardstick, texts))
        budget = MAX_COST_SHARE * full * yardstick_now / yardstick_then
        best = min(best, cold_read_seconds(own, texts, limit=budget))
        if best <= budget / 2:
            break
    cost = RulesCost(best / (full * yardstick_now / yardstick_then))
    return RulesCost(cost.share, costliest(rules)) if cost.over_budget else cost


def costliest(rules: Sequence[Rule]) -> str | None:
    """The id of the rule whose patterns alone read the start of the calibration text slowest."""
    texts, size = [], 0
    for paragraph in calibration():
        if size >= HEAVIEST_BYTES:
            break
        texts.append(paragraph)
        size += len(paragraph)
    timed = [(_fastest(rule.parts, texts, 2), rule.id) for rule in rules]
    return max(timed)[1] if timed else None
