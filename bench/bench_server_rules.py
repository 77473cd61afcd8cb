"""Servers' own rules in one worker: what it holds when 8 servers of 200 long rules scan in turn.

A worker keeps the compiled matchers of the last few servers it scanned for (bot.warnings.matcher
``shared``). Each server's rules get sets of their own, whose automata grow to ``SET_MAX_MEM``
on text they have not seen, so eight servers of long rules could hold hundreds of MB beside the
shipped matcher. Measured in a fresh process set up like a worker, once with the byte budget
(``WORKER_MATCHER_BYTES``) and once with the count bound alone (the baseline, as before).
Each server's 200 admin regexes are case-insensitive alternations of 40-odd words near the
500-character limit, with a Unicode letter class (the heaviest kind to read: UTF-8, no
byte-wise rewrite); each scans the same new-to-it text, ~0.25 MB of the labelled passages.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

from bench.procfs import proc_kb
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings import matcher as matcher_module
from bot.warnings.engine import scan
from bot.warnings.matcher import matcher_for, shared
from bot.warnings.model import Rule
from bot.warnings.patterns import MAX_CUSTOM_RULES, MAX_PATTERN_CHARS, admin_rule
from bot.warnings.rules import default_ruleset
from bot.worker import worker_environment

LABELLED = Path(__file__).resolve().parents[1] / "bot" / "data" / "warnings"
SERVERS = 8
TEXT_BYTES = 250_000
TARGET_MB = 300  # what the servers' matchers may add to a worker, at most


def passages() -> list[str]:
    found = []
    for path in sorted(LABELLED.glob("*.jsonl")):
        found += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return list(dict.fromkeys(found))


def long_rules(server: int, words: list[str]) -> list[Rule]:
    """200 admin regexes, each words of the text in one case-insensitive alternation near the length limit."""
    rng = random.Random(server)
    rules = []
    for number in range(MAX_CUSTOM_RULES):
        picked: list[str] = []
        while True:
            pattern = "(?i)(?:" + "|".join([*picked, rng.choice(words) + "ñ?"]) + r")\pL?"
            if len(pattern) > MAX_PATTERN_CHARS:
                break
            picked.append(pattern.rsplit("|", 1)[-1].removesuffix(r")\pL?").removeprefix("(?i)(?:"))
        pattern = "(?i)(?:" + "|".join(picked) + r")\pL?"
        rules.append(admin_rule(f"custom:{number}", "violence", "regex", pattern))
    return rules


def _child(budget: bool) -> None:
    if not budget:
        matcher_module.WORKER_MATCHER_BYTES = sys.maxsize
    texts = passages()
    words = sorted({word.lower() for text in texts for word in text.split() if word.isalpha() and len(word) > 3})
    sample, size = [], 0
    for text in texts:
        if size >= TEXT_BYTES:
            break
        sample.append(text)
        size += len(text.encode("utf-8"))
    story = Story(StoryMeta("bench"), [Chapter(1, None, [Scene(sample)])], "txt")
    scan(story, shared(default_ruleset()))
    rss = [proc_kb("self", "status", ("VmRSS",)) or 0]
    started = time.process_time()
    for server in range(SERVERS):
        scan(story, shared(default_ruleset().extended(rules=long_rules(server, words))))
        rss.append(proc_kb("self", "status", ("VmRSS",)) or 0)
    kept = sum(matcher_module.held_bytes(matcher_for(r)) for r in matcher_module._by_fingerprint.values())
    peak = proc_kb("self", "status", ("VmHWM",)) or 0
    print(json.dumps({"rss": rss, "peak": peak, "seconds": time.process_time() - started, "kept": kept}))


def measure(budget: bool) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.bench_server_rules", "--child", "budget" if budget else "count"],
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
        check=True,
        env=worker_environment(os.environ),
    )
    return json.loads(done.stdout.splitlines()[-1])


def main() -> str:
    bounded, counted = measure(True), measure(False)

    def added(figures: dict[str, object]) -> float:
        rss = figures["rss"]
        assert isinstance(rss, list)
        return (rss[-1] - rss[0]) / 1024

    verdict = "pass" if added(bounded) <= TARGET_MB else "FAIL"
    return "\n".join(
        [
            "## Servers' own rules in one worker",
            "",
            f"{SERVERS} servers, each with {MAX_CUSTOM_RULES} case-insensitive regexes of about {MAX_PATTERN_CHARS} "
            f"characters, scan {TEXT_BYTES / 1e6:.2f} MB of text in turn in one process set up like a worker. "
            f"RSS after the shipped matcher's scan: {bounded['rss'][0] / 1024:.0f} MB.",  # type: ignore[index]
            "",
            "| worker cache | added by the servers | peak | CPU for the 8 scans | target | result |",
            "|---|---|---|---|---|---|",
            f"| last 8 servers and `WORKER_MATCHER_BYTES` ({matcher_module.WORKER_MATCHER_BYTES >> 20} MB) "
            f"| {added(bounded):.0f} MB | {bounded['peak'] / 1024:.0f} MB | {bounded['seconds']:.0f} s "  # type: ignore[operator]
            f"| <= {TARGET_MB} MB | {verdict} |",
            f"| baseline: last 8 servers, no byte bound | {added(counted):.0f} MB | {counted['peak'] / 1024:.0f} MB "  # type: ignore[operator]
            f"| {counted['seconds']:.0f} s | | |",
        ]
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2] == "budget")
    else:
        print(main())
