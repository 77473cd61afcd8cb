"""A server's own rules at the cost budget (bot.warnings.cost): how much slower its scans of new text are.

For each kind of costly rule (alternations near the 500-character limit: short words or letter runs
that can start at any letter, words with a Unicode letter class, and the same words between ``\\b``),
the most rules of that kind a server can hold within the budget is found by bisection on
``rules_cost``. Then 0.5 MB of text the process has not seen (labelled passages) is scanned, each in
a fresh process set up like a worker, with the shipped rules alone (the baseline) and with the
server's rules, in CPU time. The structural figures beside them (pattern characters, RE2 program
size) show why the budget times the rules instead: they do not order the kinds by cost.
"""

from __future__ import annotations

import json
import os
import random
import string
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import re2

from bench.bench_server_rules import passages
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings.bytewise import re2_form
from bot.warnings.cost import MAX_COST_SHARE, SLOWER_AT_BUDGET, reference, rules_cost
from bot.warnings.engine import scan
from bot.warnings.matcher import matcher_for
from bot.warnings.model import Ruleset
from bot.warnings.patterns import MAX_CUSTOM_RULES, MAX_PATTERN_CHARS, admin_rule
from bot.warnings.rules import default_ruleset
from bot.worker import worker_environment

TEXT_BYTES = 500_000
TARGET_RATIO = 2.5  # a server at its budget scans new text within this many times the shipped rules' time
ORDINARY = ["spider", "arachnid*", "~crawl", "cobweb*", "eight legs", "tarantula", "~bite", "venom*", "huntsman"]


def _text() -> list[str]:
    found, size = [], 0
    for text in passages():
        if size >= TEXT_BYTES:
            break
        found.append(text)
        size += len(text.encode("utf-8"))
    return found


def _alternation(pick: Callable[[], str], before: str = "(?:", after: str = ")") -> str:
    picked: list[str] = []
    while len(before + "|".join([*picked, word := pick()]) + after) <= MAX_PATTERN_CHARS:
        picked.append(word)
    return before + "|".join(picked) + after


def kinds() -> dict[str, Callable[[int], str]]:
    words = sorted({w.lower() for t in passages() for w in t.split() if w.isalpha()})
    short = [w for w in words if 3 <= len(w) <= 5]
    longer = [w for w in words if len(w) > 3]

    def seeded(make: Callable[[random.Random], str]) -> Callable[[int], str]:
        return lambda n: make(random.Random(n))

    return {
        "short words, no `\\b`": seeded(lambda r: _alternation(lambda: r.choice(short))),
        "letter runs, no `\\b`": seeded(
            lambda r: _alternation(lambda: "".join(r.choice(string.ascii_lowercase) for _ in range(3)))
        ),
        "words + `ñ?` + `\\pL?` (bench server rules)": seeded(
            lambda r: _alternation(lambda: r.choice(longer) + "ñ?", "(?i)(?:", r")\pL?")
        ),
        "short words between `\\b`": seeded(lambda r: _alternation(lambda: r.choice(short), r"\b(?:", r")\b")),
    }


def server(make: Callable[[int], str], count: int) -> Ruleset:
    rules = [admin_rule(f"custom:{n}", "violence", "regex", make(n)) for n in range(count)]
    return default_ruleset().extended(rules=rules)


def at_budget(make: Callable[[int], str]) -> tuple[int, float, float]:
    """The most rules of this kind within the budget, their share, and the share of 200 of them."""
    full = rules_cost(server(make, MAX_CUSTOM_RULES)).share
    if full <= MAX_COST_SHARE:
        return MAX_CUSTOM_RULES, full, full
    low, high, share = 0, MAX_CUSTOM_RULES, 0.0  # low fits, high does not
    while high - low > 4:
        middle = (low + high) // 2
        found = rules_cost(server(make, middle)).share
        if found <= MAX_COST_SHARE:
            low, share = middle, found
        else:
            high = middle
    return low, share, full


def structure(ruleset: Ruleset) -> tuple[int, int]:
    own = [rule for rule in ruleset.rules if rule.custom]
    chars = sum(len(part) for rule in own for part in rule.parts)
    program = sum(re2.compile(*re2_form(part)).programsize for rule in own for part in rule.parts)
    return chars, program


def _child(kind: str, count: int) -> None:
    story = Story(StoryMeta("bench"), [Chapter(1, None, [Scene(_text())])], "txt")
    ruleset = default_ruleset() if count == 0 else server(kinds()[kind], count)
    matcher_for(ruleset)  # compiled before the clock starts, as a worker holds it
    started = time.process_time()
    scan(story, ruleset)
    print(json.dumps({"seconds": time.process_time() - started}))


def scan_seconds(kind: str, count: int) -> float:
    done = subprocess.run(
        [sys.executable, "-m", "bench.bench_rule_cost", "--child", kind, str(count)],
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
        check=True,
        env=worker_environment(os.environ),
    )
    return float(json.loads(done.stdout.splitlines()[-1])["seconds"])


def main() -> str:
    reference(matcher_for(default_ruleset()))  # the shipped figure, taken once per process: not timed below
    started = time.perf_counter()
    ordinary = rules_cost(
        default_ruleset().extended(rules=[admin_rule(f"custom:{n}", "x", "phrase", p) for n, p in enumerate(ORDINARY)])
    )
    ordinary_seconds = time.perf_counter() - started
    baseline = scan_seconds("", 0)
    rows, worst = [], 0.0
    for name, make in kinds().items():
        count, share, full = at_budget(make)
        chars, program = structure(server(make, count))
        ratio = scan_seconds(name, count) / baseline
        worst = max(worst, ratio)
        refused = "refused" if full > MAX_COST_SHARE else "accepted"
        rows.append(
            f"| {name} | {count} | {chars:,} | {program:,} | {share:.2f} | {ratio:.2f}x | {full:.2f}+ ({refused}) |"
        )
    verdict = "pass" if worst <= TARGET_RATIO else "FAIL"
    return "\n".join(
        [
            "## A server's own rules at the cost budget",
            "",
            f"The budget (`bot/warnings/cost.py`): a server's own rules may cost at most {MAX_COST_SHARE:g} of what "
            "the shipped rules' sets cost on the calibration text (32 KB of ordinary prose, both timed in the same "
            f"process), set so that its scans of a long new story take at most about {SLOWER_AT_BUDGET}. Each kind "
            "below: the most rules a server can hold within it (bisection), their pattern characters and RE2 program "
            f"size, their measured share, and the CPU time of a scan of {TEXT_BYTES / 1e6:.1f} MB of new text with "
            f"them against the shipped rules alone ({baseline:.2f} s), each in a fresh process set up like a worker. "
            f"The last column is the share of {MAX_CUSTOM_RULES} such rules (a lower bound past the budget: the "
            "measure stops there).",
            "",
            "| kind (alternations near 500 characters) | rules at the budget | pattern chars | program size "
            "| share | scan vs shipped | 200 rules |",
            "|---|---|---|---|---|---|---|",
            *rows,
            "",
            f"Nine ordinary phrases (`spider`, `arachnid*` ...): share {ordinary.share:.3f}, checked in "
            f"{ordinary_seconds:.2f} s. Worst scan of new text at the budget: {worst:.2f}x the shipped rules "
            f"(target <= {TARGET_RATIO:g}x): {verdict}.",
        ]
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2], int(sys.argv[3]))
    else:
        print(main())
