"""What weak signs cost a scan: the shared helper of the weak-sign tests' speed checks.

The support step (:mod:`bot.warnings.support`) reads hits already found, and the weak rules are read
in the matcher's one pass with every other rule, so a chapter of many short lines of harms and weak
signs should cost about its scan without the weak rules. Measured in a child process (CPU time, best
of two turns of each, alternating), so the test run's own caches and load before it do not count.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_SCRIPT = """
import json, random, sys, time
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings.declared import Declared
from bot.warnings.engine import scan
from bot.warnings.rules import default_ruleset

lines, count, seed, disabled = json.loads(sys.argv[1])
full = default_ruleset()
if disabled is None:  # every weak sign
    disabled = [rule.id for rule in full.rules if rule.needs]
before = full.extended(disabled_rules=disabled)
pick = random.Random(seed).choice
story = Story(StoryMeta("t"), [Chapter(1, None, [Scene([pick(lines) for _ in range(count)])])], "txt")
warm = Story(StoryMeta("w"), [Chapter(1, None, [Scene(lines[:2])])], "txt")
for ruleset in (full, before):
    scan(warm, ruleset)
best = {}
for turn in range(2):
    for mode, ruleset in (("before", before), ("now", full)):
        started = time.process_time()
        scan(story, ruleset, declared=Declared())
        spent = time.process_time() - started
        best[mode] = min(best.get(mode, spent), spent)
print(best["before"], best["now"])
"""


def scan_seconds(lines: list[str], count: int, *, seed: int, disabled: list[str] | None = None) -> tuple[float, float]:
    """CPU seconds of a scan of ``count`` lines drawn from ``lines``, without the weak rules
    ``disabled`` (``None``: every rule with ``needs``) and with them: (before, now)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    arguments = json.dumps([lines, count, seed, disabled])
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT, arguments], capture_output=True, text=True, check=True, env=env, cwd=ROOT
    )
    before, now = map(float, result.stdout.split())
    return before, now
