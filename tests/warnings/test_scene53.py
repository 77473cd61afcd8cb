"""A harm told across neighbouring short paragraphs (fifty-third session, scene53).

See docs/warnings-eval.md, "Fifty-third session", scene53. A ``near`` rule's groups are also met
across a run of short paragraphs in one scene (a chat log, a script, one-line paragraphs), read
a few at a time (:mod:`bot.warnings.across`): "They told his parents he was gay." over "His father
said it was unnatural and sent him away." warns, as the two lines in one paragraph do, and the
twin whose second line is a hug does not. What this file holds: the invariants (a one-paragraph
text scans as before; joined reading never loses a warning; a rule counts once per window and
paragraph), the joiner's guarantees (no phrase and no negation reaches across a line), the
windows' bounds (short lines of one scene, bytes about twice theirs), the ``span`` switch of a
rule or category, lines of our own that warn across lines with their harmless twins, and a
hostile upload of a million one-word lines costing at most about twice its scan without windows.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings import across
from bot.warnings.declared import Declared
from bot.warnings.engine import ScanReport, scan
from bot.warnings.phrases import compile_phrase
from bot.warnings.rules import default_ruleset, rules_from_json
from tests.warnings.passages import story_ids

ROOT = Path(__file__).resolve().parents[2]


def _story(*scenes: list[str]) -> Story:
    return Story(StoryMeta("t"), [Chapter(1, None, [Scene(list(scene)) for scene in scenes])], "txt")


def _scan(story: Story, *, joined: bool = True) -> ScanReport:
    if joined:
        return scan(story, default_ruleset(), declared=Declared())
    short = across.SHORT_CHARS
    across.SHORT_CHARS = 0  # no paragraph is short: the scan of before
    try:
        return scan(story, default_ruleset(), declared=Declared())
    finally:
        across.SHORT_CHARS = short


# Lines of a few heavy and ordinary words: enough of the rules' groups to meet across lines.
_WORDS = [
    "he",
    "she",
    "they",
    "his",
    "her",
    "father",
    "mother",
    "was",
    "gay",
    "unnatural",
    "sent",
    "away",
    "autistic",
    "called",
    "freak",
    "interview",
    "asked",
    "if",
    "planning",
    "on",
    "kids",
    "position",
    "guy",
    "police",
    "want",
    "to",
    "see",
    "again",
    "daughter",
    "gone",
    "weekend",
    "never",
    "brought",
    "back",
    "home",
    "didn't",
    "nobody",
    "not",
    "funeral",
    "died",
    "blood",
    "knife",
    "hit",
    "bruises",
    "the",
    "a",
    "and",
]
_LINE = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12).map(lambda words: " ".join(words) + ".")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LINE)
def test_a_text_of_one_paragraph_scans_exactly_as_before(line: str) -> None:
    story = _story([line])
    assert _scan(story).to_record() == _scan(story, joined=False).to_record()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, min_size=2, max_size=7))
def test_joined_reading_never_loses_a_warning(lines: list[str]) -> None:
    story = _story(lines)
    new, old = _scan(story), _scan(story, joined=False)
    assert new.detected_ids() >= old.detected_ids()
    assert new.detected_ids("both") >= old.detected_ids("both")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, min_size=2, max_size=7))
def test_a_rule_counts_at_most_once_per_window_and_paragraph(lines: list[str]) -> None:
    from bot.warnings.engine import _across_lines, _pieces
    from bot.warnings.matcher import matcher_for

    ruleset = default_ruleset()
    matcher = matcher_for(ruleset)
    read = [_pieces(chapter) for chapter in _story(lines).chapters]
    texts = read[0].texts
    fired = matcher.fire(list(texts))
    own = list(fired.rules)
    for window in across.windows(*read[0]):
        text = across.joined(texts, window)
        data, candidates = across.to_check(text, own, window, matcher.fire([text]).rules[0])
        crossings = across.crossing(matcher, texts, window, data, candidates, lambda rule: rule.span)
        assert len({rule.id for _, rule, _ in crossings}) == len(crossings)
        assert all(rule.kind == "near" and rule not in own[window[place]] for place, rule, _ in crossings)
    _across_lines(ruleset, matcher, read, fired)
    for rules in fired.rules:
        assert len({rule.id for rule in rules}) == len(rules)


# Windows: short lines of one scene, a few at a time, every neighbouring pair read together.


def test_windows_read_every_neighbouring_pair_of_short_lines_together() -> None:
    texts = [f"line {number}." for number in range(9)]
    found = across.windows(texts, [1] * 9, list(range(1, 10)))
    assert all(2 <= len(window) <= across.WINDOW_PARAGRAPHS for window in found)
    for first in range(8):
        assert any(first in window and first + 1 in window for window in found)
    assert sum(len(window) for window in found) <= 2 * len(texts)


def test_windows_break_at_a_long_paragraph_a_scene_and_the_pieces_of_one_paragraph() -> None:
    long = "word " * 60
    texts = ["a.", "b.", long, "c.", "d.", "e.", "f."]
    scenes = [1, 1, 1, 1, 1, 2, 2]
    found = [list(window) for window in across.windows(texts, scenes, [1, 2, 3, 4, 5, 6, 7])]
    assert found == [[0, 1], [3, 4], [5, 6]]
    # the short last piece of a long paragraph (paragraph 2, pieces 1 and 2) is no line of its own
    assert [list(w) for w in across.windows(["a.", long, "tail.", "b."], [1] * 4, [1, 2, 2, 3])] == []


def test_a_window_holds_at_most_its_characters() -> None:
    texts = ["x" * 190] * 6
    for window in across.windows(texts, [1] * 6, list(range(6))):
        assert (
            sum(len(texts[index]) for index in window) + len(across.JOINER) * (len(window) - 1) <= across.WINDOW_CHARS
        )


# The joiner: no phrase runs across it, and no negation reaches past it.


def test_no_phrase_reaches_across_the_joiner() -> None:
    import re2

    pattern = re2.compile(compile_phrase("never brought him back"))
    assert pattern.search("his dad never brought him back")
    assert not pattern.search(f"his dad never{across.JOINER}brought him back")
    assert not re2.compile(compile_phrase("~die ...4 hospital")).search(f"he died{across.JOINER}at the hospital")


def test_a_negation_closing_one_line_does_not_reach_the_next() -> None:
    negation = default_ruleset().negation
    assert negation.is_negated("she didn't ")
    assert not negation.is_negated(f"she didn't{across.JOINER}")
    assert not negation.is_negated(f"nobody{across.JOINER}")


# Lines of our own that warn across lines, each beside its harmless twin.

WARNED = [
    (["They told his parents he was gay.", "His father said it was unnatural and sent him away."], "homophobia"),
    (
        [
            "Mum's text came through at midnight.",
            "He hasn't come back from his weekend with his dad.",
            "His dad never brought him back home and won't answer the phone.",
        ],
        "kidnapping",
    ),
    (
        [
            "Did you hear about Priya's interview?",
            "Yeah. They asked her if she was planning on kids.",
            "Then they gave the position to the other guy.",
        ],
        "sexism",
    ),
    (["The new kid at the table was autistic.", "Somebody called him a freak and the whole table laughed."], "ableism"),
]

HARMLESS = [
    ["They told his parents he was gay.", "His father hugged him and put the kettle on."],
    [
        "Mum's text came through at midnight.",
        "He hasn't come back from the match with his dad.",
        "They'll be home late, the traffic is awful.",
    ],
    [
        "Did you hear about Priya's interview?",
        "Yeah. They asked her where she saw herself in five years.",
        "Then they gave her the position on the spot.",
    ],
    ["The new kid at the table was autistic.", "Somebody called him a genius after he fixed the printer."],
]


@pytest.mark.parametrize(("lines", "category"), WARNED)
def test_a_harm_told_across_lines_warns(lines: list[str], category: str) -> None:
    assert category in story_ids([lines])
    assert category not in _scan(_story(lines), joined=False).detected_ids()  # no one line says it
    assert category in story_ids([[" ".join(lines)]])  # as one paragraph says it


@pytest.mark.parametrize("lines", HARMLESS)
def test_the_same_lines_without_the_harm_do_not(lines: list[str]) -> None:
    assert story_ids([lines]) == set()


def test_evidence_names_the_line_where_the_last_group_is_met() -> None:
    lines, category = WARNED[0]
    found = _scan(_story(lines)).get(category)
    assert found is not None
    assert [(item.paragraph, item.text) for item in found.evidence] == [(2, lines[1])]


def test_lines_in_different_scenes_are_not_read_together() -> None:
    lines, category = WARNED[0]
    assert category not in story_ids([lines[:1], lines[1:]])


def test_lines_with_a_long_paragraph_between_are_not_read_together() -> None:
    lines, category = WARNED[0]
    between = "The rain kept on against the kitchen window all evening, " * 4
    assert category not in story_ids([[lines[0], between, lines[1]]])


def test_a_category_or_rule_span_of_one_keeps_its_rules_to_a_paragraph() -> None:
    lines = ["The teapot was cracked.", "Somebody hid the saucer."]
    base = default_ruleset()
    rule = {"id": "cracked", "near": [["teapot"], ["saucer"]], "weight": 1.0}

    def warned(category: dict[str, object], own: dict[str, object]) -> bool:
        document = {"categories": {"crockery": {"label": "Crockery", **category, "rules": [{**rule, **own}]}}}
        ruleset = rules_from_json(json.dumps(document).encode(), base)
        return "crockery" in scan(_story(lines), ruleset, declared=Declared()).detected_ids("both")

    assert warned({}, {})
    assert not warned({}, {"span": 1})
    assert not warned({"span": 1}, {})
    assert warned({"span": 1}, {"span": 2})


def test_abuse_keeps_its_rules_to_one_paragraph() -> None:
    assert default_ruleset().category_rules("abuse").span == 1


# Budget: a million one-word lines cost at most about twice their scan without windows.

_HOSTILE = """
import random, time
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings import across
from bot.warnings.declared import Declared
from bot.warnings.engine import scan
from bot.warnings.rules import default_ruleset

ruleset = default_ruleset()
words = "he she died police funeral knife blood shot car home grave mother hit bruises gun body".split()
pick = random.Random(53).choice
lines = [pick(words) for _ in range(1_000_000)]
story = Story(StoryMeta("t"), [Chapter(1, None, [Scene(lines)])], "txt")
scan(Story(StoryMeta("w"), [Chapter(1, None, [Scene(["he died.", "the funeral."])])], "txt"), ruleset)
short = across.SHORT_CHARS
best = {}
for turn in range(3):
    for mode in ("before", "now"):
        across.SHORT_CHARS = 0 if mode == "before" else short
        started = time.process_time()
        scan(story, ruleset, declared=Declared())
        spent = time.process_time() - started
        best[mode] = min(best.get(mode, spent), spent)
print(best["before"], best["now"])
"""


def test_a_million_one_word_lines_cost_at_most_about_twice_their_scan_before() -> None:
    """Each window of such lines is a new text to the matcher, where the lines themselves are a few
    words said over and over: the budget (three times the bytes of the different lines) holds it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", _HOSTILE], capture_output=True, text=True, check=True, env=env, cwd=ROOT
    )
    before, now = map(float, result.stdout.split())
    assert now <= 2.5 * before + 0.5, (before, now)
