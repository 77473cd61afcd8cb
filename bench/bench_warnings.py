"""Warning scan speed: a ~5 MB book, the default rules plus 1,000 extra phrase rules.

Targets (issue 5, point 9): >= 30 MB/s and >= 20x a baseline that loops ``re.search`` over
every rule for every paragraph, measured in the same run. The book is built from the corpus
paragraphs with chapter headings and imported with the story importer (not timed). The
baseline is far slower, so it runs on a slice of the book and its rate is reported per MB.
Rates use the process's CPU time (the machine is shared with other work, which inflates wall
time but not the CPU a scan costs); wall-clock figures are shown next to them. The scan is timed
in a fresh process set up like the bot's workers (``bot.worker.worker_environment``), where
scans run, and again in a plain one, so the difference the workers' settings make is shown.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

from bot.story.importer import import_story
from bot.story.model import Story
from bot.tools.evaluate import text_story
from bot.warnings import matcher as matcher_module
from bot.warnings.engine import ScanReport, scan
from bot.warnings.matcher import SET_GROUP_CHARS, Matcher, matcher_for
from bot.warnings.model import Ruleset
from bot.warnings.patterns import MAX_CUSTOM_RULES, MAX_PROGRAM_SIZE, admin_rule
from bot.warnings.rules import default_ruleset
from bot.worker import worker_environment

# As the tests find it: DOGEAR_CORPUS, else shared/corpus beside the checkout.
CORPUS = Path(os.environ.get("DOGEAR_CORPUS") or Path(__file__).resolve().parents[2] / "shared" / "corpus")
LABELLED = Path(__file__).resolve().parents[1] / "data" / "warnings"
BOOK_BYTES = 5_000_000
NEW_TEXT_BYTES = 500_000
ONE_SET_MAX_MEM = 1 << 30  # the one set's automaton memory before the split
PARAGRAPHS_PER_CHAPTER = 180
EXTRA_RULES = 1_000
BASELINE_BYTES = 150_000
TARGET_MBPS = 30.0
TARGET_RATIO = 20.0
HEAVY_RULES = 200
HEAVIEST = r"\pL{2}q"  # the heaviest kind of admin regex the program-size budget accepts
TARGET_COMPILE_S = 1.0


def corpus_paragraphs() -> list[str]:
    paragraphs: list[str] = []
    for path in sorted(CORPUS.glob("*.txt")):
        story = import_story(path.read_bytes(), path.name, max_bytes=8 << 20)
        paragraphs += [p for chapter in story.chapters for p in chapter.paragraphs]
    return paragraphs


def build_book(paragraphs: list[str], book_bytes: int = BOOK_BYTES, *, verbatim: bool = False) -> tuple[str, int]:
    """The paragraphs in order, again from the first until the book has ``book_bytes``.

    Each time round after the first, every paragraph ends with the round's number ("... (round 2)"),
    so no two paragraphs of the book are the same: a scan reads a paragraph said again only once,
    and a book of the same few dozen paragraphs said over and over would measure that, not the
    scan. ``verbatim``: the paragraphs as they are, repeats and all."""
    parts: list[str] = []
    size = 0
    index = 0
    chapter = 0
    while size < book_bytes:
        if index % PARAGRAPHS_PER_CHAPTER == 0:
            chapter += 1
            parts.append(f"Chapter {chapter}")
        paragraph = paragraphs[index % len(paragraphs)]
        round_number = index // len(paragraphs) + 1
        if round_number > 1 and not verbatim:
            paragraph = f"{paragraph} (round {round_number})"
        parts.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
        index += 1
    return "Title: Bench Book\nAuthor: Dogear\n\n" + "\n\n".join(parts) + "\n", chapter


def extra_rules(paragraphs: list[str], count: int) -> list:
    """Admin-style phrases: two or three words from the corpus vocabulary, in random order."""
    rng = random.Random(5)
    vocabulary = sorted({w.lower() for p in paragraphs for w in re.findall(r"[A-Za-z]{4,}", p)})
    rules = []
    for index in range(count):
        words = " ".join(rng.choice(vocabulary) for _ in range(rng.choice((2, 2, 3))))
        rules.append(admin_rule(f"bench:{index}", "violence", "phrase", words))
    return rules


def timed_scan(story: Story, ruleset: Ruleset) -> tuple[ScanReport, float, float]:
    """Best of 5 scans after a warm-up one (a running bot has scanned before): CPU and wall seconds."""
    report = scan(story, ruleset)
    cpu_timings, wall_timings = [], []
    for _ in range(5):
        started, started_cpu = time.perf_counter(), time.process_time()
        report = scan(story, ruleset)
        cpu_timings.append(time.process_time() - started_cpu)
        wall_timings.append(time.perf_counter() - started)
    return report, min(cpu_timings), min(wall_timings)


def baseline_patterns(ruleset: Ruleset) -> list[re.Pattern[str]]:
    return [re.compile(part, re.IGNORECASE) for rule in ruleset.rules for part in rule.parts]


def run_baseline(patterns: list[re.Pattern[str]], paragraphs: list[str]) -> int:
    hits = 0
    for paragraph in paragraphs:
        for pattern in patterns:
            if pattern.search(paragraph):
                hits += 1
    return hits


def grown_ruleset(paragraphs: list[str]) -> Ruleset:
    """One matcher over the shipped rules and 1,000 more: the shipped rule set grown by 1,000
    rules (a server's own rules are capped at 200 and get a matcher of their own, below)."""
    grown = default_ruleset().extended(rules=extra_rules(paragraphs, EXTRA_RULES))
    return Ruleset(grown.taxonomy, grown.rules, grown.categories, grown.negation)  # extends nothing


def book_story(paragraphs: list[str], *, verbatim: bool = False) -> tuple[Story, int, float]:
    """The book imported as a story (not timed): the story, its chapter count and its size in MB."""
    text, chapters = build_book(paragraphs, verbatim=verbatim)
    data = text.encode("utf-8")
    return import_story(data, "bench.txt", max_bytes=len(data) + 1), chapters, len(data) / 1e6


def new_text_story() -> tuple[Story, float]:
    """Text the scanning process has never seen, as a real story is: the distinct paragraphs of
    the labelled passages (by many writers, in many registers), each once, as a story of
    :data:`NEW_TEXT_BYTES`. The repeated book above shows a warm automaton; this one, a cold one."""
    paragraphs: list[str] = []
    for path in sorted(LABELLED.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                paragraphs += text_story(json.loads(line)["text"]).chapters[0].paragraphs
    distinct = list(dict.fromkeys(paragraphs))
    if sum(len(p.encode("utf-8")) + 2 for p in distinct) < NEW_TEXT_BYTES:
        raise SystemExit(f"bench: fewer than {NEW_TEXT_BYTES:,} bytes of distinct paragraphs under {LABELLED}")
    text, _ = build_book(distinct, NEW_TEXT_BYTES)
    data = text.encode("utf-8")
    return import_story(data, "new.txt", max_bytes=len(data) + 1), len(data) / 1e6


def _scan_child(kind: str, one_set: bool) -> None:
    """Subprocess entry: one compile of the grown rules and the timed scans of one book, as JSON.

    ``one_set``: every entry in a single RE2 set with the memory it had, as before the sets were
    split (the baseline).
    """
    if one_set:
        matcher_module.SET_GROUP_CHARS = sys.maxsize
        matcher_module.SET_MAX_MEM = ONE_SET_MAX_MEM
        matcher_module.AFRESH_BYTES = sys.maxsize  # nor did it ever start its automaton afresh
    paragraphs = corpus_paragraphs()
    ruleset = grown_ruleset(paragraphs)
    started = time.perf_counter()
    matcher = matcher_for(ruleset)
    compile_s = time.perf_counter() - started
    figures = {"compile_s": compile_s, "entries": matcher.size, "sets": matcher.sets}
    if kind in ("repeated", "verbatim"):
        story, _, _ = book_story(paragraphs, verbatim=kind == "verbatim")
        report, scan_s, wall_s = timed_scan(story, ruleset)
        figures |= {"scan_s": scan_s, "wall_s": wall_s, "warnings": len(report.warnings)}
    else:
        story, megabytes = new_text_story()
        started, started_wall = time.process_time(), time.perf_counter()
        scan(story, ruleset)
        first_s, first_wall_s = time.process_time() - started, time.perf_counter() - started_wall
        started = time.process_time()
        scan(story, ruleset)
        again_s = time.process_time() - started
        figures |= {"first_s": first_s, "first_wall_s": first_wall_s, "again_s": again_s, "megabytes": megabytes}
    print(json.dumps(figures))


def scan_in_process(env: dict[str, str], kind: str = "repeated", *, one_set: bool = False) -> dict[str, float]:
    """The scans of one book timed in a fresh interpreter with ``env``."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.bench_warnings", "--scan-child", kind, *(["--one-set"] if one_set else [])],
        cwd=Path(__file__).resolve().parents[1],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return json.loads(done.stdout.splitlines()[-1])


def main() -> str:
    paragraphs = corpus_paragraphs()
    story, chapters, megabytes = book_story(paragraphs)

    worker_env = worker_environment(os.environ)
    as_worker = scan_in_process(worker_env)
    plain_env = {key: value for key, value in os.environ.items() if key != "GLIBC_TUNABLES"}
    plain = scan_in_process(plain_env)
    one_set = scan_in_process(worker_env, one_set=True)
    verbatim = scan_in_process(worker_env, "verbatim")
    new_text = scan_in_process(worker_env, "new")
    new_text_one_set = scan_in_process(worker_env, "new", one_set=True)
    new_mb = new_text["megabytes"]
    compile_s, scan_s, wall_s = as_worker["compile_s"], as_worker["scan_s"], as_worker["wall_s"]
    rate = megabytes / scan_s
    plain_rate = megabytes / plain["scan_s"]
    ruleset = grown_ruleset(paragraphs)
    wall_rate = megabytes / wall_s

    server = default_ruleset().extended(rules=extra_rules(paragraphs, MAX_CUSTOM_RULES))
    _, server_s, _ = timed_scan(story, server)

    patterns = baseline_patterns(ruleset)
    sample: list[str] = []
    sample_bytes = 0
    for paragraph in (p for chapter in story.chapters for p in chapter.paragraphs):
        if sample_bytes >= BASELINE_BYTES:
            break
        sample.append(paragraph)
        sample_bytes += len(paragraph.encode("utf-8"))
    started = time.process_time()
    run_baseline(patterns, sample)
    baseline_s = time.process_time() - started
    baseline_rate = (sample_bytes / 1e6) / baseline_s
    ratio = rate / baseline_rate

    # A server with 200 admin regexes of the heaviest accepted kind: its matcher reuses the
    # shipped rules' one (compiled once per process, at worker start) and compiles its own.
    # Baseline: compiling everything into one matcher, as before the shared matcher existed.
    heavy = [admin_rule(f"custom:{i}", "violence", "regex", f"{HEAVIEST}{i}") for i in range(HEAVY_RULES)]
    started = time.perf_counter()
    Matcher(default_ruleset())
    defaults_compile_s = time.perf_counter() - started
    matcher_for(default_ruleset())
    started = time.perf_counter()
    matcher_for(default_ruleset().extended(rules=heavy))
    heavy_compile_s = time.perf_counter() - started
    started = time.perf_counter()
    Matcher(default_ruleset().extended(rules=heavy))
    whole_compile_s = time.perf_counter() - started

    def verdict(ok: bool) -> str:
        return "pass" if ok else "FAIL"

    return "\n".join(
        [
            "## Warning scan (issue 5, point 9)",
            "",
            f"Book: {megabytes:.2f} MB, {chapters} chapters built from the corpus paragraphs, said over and over "
            "with the round's number after each, so that no two are the same; "
            f"rules: {len(default_ruleset().rules)} default + {EXTRA_RULES} extra phrase rules "
            f"({len(ruleset.rules)} in all, {as_worker['entries']} RE2 set entries, compiled once in {compile_s:.2f} s). "
            f"Baseline: `re.search` of every rule over every paragraph, on the first {sample_bytes / 1e6:.2f} MB. "
            f"Found {as_worker['warnings']} warnings.",
            "",
            "| measure | figure | target | result |",
            "|---|---|---|---|",
            f"| scan, one matcher, in a process set up like a worker (best of 5, CPU time) | {scan_s * 1000:.0f} ms = {rate:.1f} MB/s "
            f"| >= {TARGET_MBPS:.0f} MB/s | {verdict(rate >= TARGET_MBPS)} |",
            f"| same, wall clock | {wall_rate:.1f} MB/s | | |",
            f"| same, the {one_set['entries']} entries in one RE2 set (the design before the split; now {as_worker['sets']} "
            f"sets of at most {SET_GROUP_CHARS:,} pattern characters) | {one_set['scan_s'] * 1000:.0f} ms = "
            f"{megabytes / one_set['scan_s']:.1f} MB/s | | |",
            f"| same, in a plain process (glibc's malloc on 4 KiB pages, no worker settings) "
            f"| {plain['scan_s'] * 1000:.0f} ms = {plain_rate:.1f} MB/s | | |",
            f"| same, the book's paragraphs said over and over as they are (each different paragraph read once) "
            f"| {verbatim['scan_s'] * 1000:.0f} ms = {megabytes / verbatim['scan_s']:.1f} MB/s | | |",
            f"| a server with {MAX_CUSTOM_RULES} rules of its own: the shared shipped matcher plus one for its rules "
            f"| {server_s * 1000:.0f} ms = {megabytes / server_s:.1f} MB/s | | |",
            f"| **new text**: the first scan of {new_mb:.2f} MB of paragraphs the process has not seen, "
            f"{as_worker['sets']} sets (CPU time) | {new_text['first_s'] * 1000:.0f} ms = "
            f"{new_mb / new_text['first_s']:.2f} MB/s | >= {TARGET_MBPS:.0f} MB/s "
            f"| {verdict(new_mb / new_text['first_s'] >= TARGET_MBPS)} |",
            f"| same, wall clock (once the sets read so far are slow, the rest go to threads; "
            f"{matcher_module.available_cpus()} CPUs here) | {new_text['first_wall_s'] * 1000:.0f} ms = "
            f"{new_mb / new_text['first_wall_s']:.2f} MB/s | | |",
            f"| same, one RE2 set (the design before) | {new_text_one_set['first_s'] * 1000:.0f} ms = "
            f"{new_mb / new_text_one_set['first_s']:.2f} MB/s "
            f"({new_text_one_set['first_s'] / new_text['first_s']:.0f}x slower) | | |",
            f"| the same text scanned again, {as_worker['sets']} sets / one set | "
            f"{new_mb / new_text['again_s']:.2f} / {new_mb / new_text_one_set['again_s']:.2f} MB/s | | |",
            f"| baseline, `re.search` per rule | {baseline_rate:.2f} MB/s | | |",
            f"| speed-up over baseline | {ratio:.0f}x | >= {TARGET_RATIO:.0f}x | {verdict(ratio >= TARGET_RATIO)} |",
            f"| server matcher compile, {HEAVY_RULES} regexes `{HEAVIEST}N` (program budget "
            f"{MAX_PROGRAM_SIZE:,}) on top of the shared shipped matcher | {heavy_compile_s:.2f} s "
            f"| < {TARGET_COMPILE_S:.0f} s | {verdict(heavy_compile_s < TARGET_COMPILE_S)} |",
            f"| baseline: the same compiled as one matcher with the shipped rules | {whole_compile_s:.2f} s "
            f"({whole_compile_s / heavy_compile_s:.0f}x) | | |",
            f"| shipped rules compile, once per process (worker start) | {defaults_compile_s:.2f} s | | |",
            "",
        ]
    )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--scan-child"]:
        _scan_child(sys.argv[2], "--one-set" in sys.argv)
    else:
        print(main())
