"""The warnings scan's speed, fifty-fourth session (perf54): the same findings, less work.

See docs/benchmarks.md, "Warning scan", the fifty-fourth session's paragraph. What this file holds:
the windows of short paragraphs (:mod:`bot.warnings.across`) read by the sets alone and checked
once, rule by rule (``Matcher.candidates``, ``Matcher.part_spans_each``), find what the
fifty-third session's way found (every window through ``fire``'s exact checks, then each crossing
rule's ``part_spans`` window by window), on lines of heavy and ordinary words and on a server's
matcher; ``candidates`` are the rules whose parts are present; ``part_spans_each`` answers as
``part_spans`` does and, past ``KEEP_COMPILED``, holds no pattern it compiled; a set whose counted
gaps add up past ``SET_GAP_WIDTH`` is halved, and the sets then find what they found as one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings import across, engine
from bot.warnings import matcher as matcher_module
from bot.warnings.declared import Declared
from bot.warnings.engine import scan
from bot.warnings.matcher import AnyMatcher, Fired, Matcher, matcher_for
from bot.warnings.model import Rule, Ruleset
from bot.warnings.patterns import admin_rule
from bot.warnings.phrases import compile_phrase, default_classes, default_irregular
from bot.warnings.rules import default_ruleset

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
    "police",
    "want",
    "to",
    "see",
    "again",
    "daughter",
    "gone",
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
    "found",
    "him",
    "dead",
    "body",
    "shot",
    "killed",
    "grave",
    "buried",
    "cried",
    "crying",
    "told",
    "them",
    "hurt",
]
_LINE = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12).map(lambda words: " ".join(words) + ".")


def _phrase(words: str) -> str:
    return compile_phrase(words, irregular=default_irregular(), classes=default_classes())


def _story(*scenes: list[str]) -> Story:
    return Story(StoryMeta("t"), [Chapter(1, None, [Scene(list(scene)) for scene in scenes])], "txt")


def _across_lines_53(ruleset: Ruleset, matcher: AnyMatcher, read: list, fired: Fired) -> None:
    """The fifty-third session's windows, as they were: every window through ``fire`` (its exact
    checks too), then each crossing rule's ``part_spans``, window by window."""
    found: list[range] = []
    start = 0
    for pieces in read:
        found += [range(start + window.start, start + window.stop) for window in across.windows(*pieces)]
        start += len(pieces.texts)
    if not found:
        return
    texts = [text for pieces in read for text in pieces.texts]
    windows, joined = across.within_budget(texts, found)
    in_windows = matcher.fire(joined)

    def reach(rule: Rule) -> int:
        return rule.span or ruleset.category_rules(rule.category).span

    own = list(fired.rules)
    added: set[tuple[int, str]] = set()
    for window, text, rules in zip(windows, joined, in_windows.rules, strict=True):
        if not rules:
            continue
        data, candidates = across.to_check(text, own, window, rules)
        for place, rule, span in across.crossing(matcher, texts, window, data, candidates, reach):
            index = window[place]
            if (index, rule.id) not in added:
                added.add((index, rule.id))
                fired.add(index, rule, span)


@contextmanager
def _as_in_53() -> Iterator[None]:
    now = engine._across_lines
    engine._across_lines = _across_lines_53
    try:
        yield
    finally:
        engine._across_lines = now


def _both(story: Story, ruleset: Ruleset) -> tuple[dict, dict]:
    new = scan(story, ruleset, declared=Declared())
    with _as_in_53():
        old = scan(story, ruleset, declared=Declared())
    return new.to_record(), old.to_record()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, min_size=2, max_size=8), st.lists(_LINE, min_size=0, max_size=4))
def test_windows_find_what_they_found_before(first: list[str], second: list[str]) -> None:
    story = _story(first, second) if second else _story(first)
    new, old = _both(story, default_ruleset())
    assert new == old


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, min_size=2, max_size=8))
def test_a_servers_windows_find_what_they_found_before(lines: list[str]) -> None:
    base = default_ruleset()
    own = [
        admin_rule("custom:1", "violence", "phrase", "bruises"),
        admin_rule("custom:2", "death", "phrase", "gone"),
        Rule(
            "custom:3",
            "violence",
            "near",
            "police / bruises",
            (_phrase("police"), _phrase("bruises")),
            1.0,
            custom=True,
        ),
    ]
    near = next(rule for rule in base.rules if rule.kind == "near")
    ruleset = base.extended(rules=own, disabled_rules=[near.id])
    new, old = _both(_story(lines), ruleset)
    assert new == old


def test_windows_still_warn_across_lines_and_the_twin_does_not() -> None:
    warned = _story(["They told his parents he was gay.", "His father said it was unnatural and sent him away."])
    twin = _story(["They told his parents he was gay.", "His father hugged him and said nothing had changed."])
    ruleset = default_ruleset()
    for story in (warned, twin):
        new, old = _both(story, ruleset)
        assert new == old
    assert "homophobia" in scan(warned, ruleset, declared=Declared()).detected_ids("both")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, min_size=1, max_size=5))
def test_candidates_are_the_rules_whose_parts_are_present(lines: list[str]) -> None:
    matcher = matcher_for(default_ruleset())
    texts = [*lines, lines[0]]  # a text said again answers as the first time
    candidates = matcher.candidates(texts, "near")
    fired = matcher.fire(texts)
    for text, rules, passed in zip(texts, candidates, fired.rules, strict=True):
        present = set(matcher.set_match(text.encode("utf-8")))
        assert all(rule.kind == "near" for rule in rules)
        assert len({rule.id for rule in rules}) == len(rules)
        for rule in rules:
            assert all(part.entry in present for part in matcher._by_id[rule.id].parts)
        # fire's answer is the candidates less those that fail the exact check, in the same order
        near = [rule for rule in passed if rule.kind == "near"]
        assert [rule for rule in rules if rule in near] == near
    assert candidates[-1] == candidates[0]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, min_size=1, max_size=4))
def test_part_spans_each_answers_as_part_spans_and_holds_nothing_past_the_cap(lines: list[str]) -> None:
    matcher = matcher_for(default_ruleset())
    datas = [line.encode("utf-8") for line in lines]
    rule_ids = {rule.id for rules in matcher.candidates(lines, "near") for rule in rules}
    for rule_id in sorted(rule_ids):
        regexes = [part.regex for part in matcher._by_id[rule_id].parts]
        before = [regex.compiled for regex in regexes]
        cap = matcher_module.KEEP_COMPILED
        matcher_module.KEEP_COMPILED = 0  # every pattern past the cap
        try:
            each = matcher.part_spans_each(rule_id, datas)
        finally:
            matcher_module.KEEP_COMPILED = cap
        assert [regex.compiled for regex in regexes] == before  # compiled for these, let go after
        assert each == [matcher.part_spans(rule_id, data) for data in datas]


# Sets: one whose counted gaps add up past SET_GAP_WIDTH is halved; the sets answer as before.


def test_a_set_of_many_counted_gaps_is_halved_and_the_others_stay() -> None:
    widths = [120, 0, 40, 60, 0, 30, 80]
    parts = matcher_module._gap_split(list(range(len(widths))), widths)
    assert [unit for part in parts for unit in part] == list(range(len(widths)))
    assert all(sum(widths[unit] for unit in part) <= matcher_module.SET_GAP_WIDTH or len(part) == 1 for part in parts)
    assert len(parts) == 2
    assert matcher_module._gap_split([0, 1], [150, 50]) == [[0, 1]]
    assert matcher_module._gap_width(r"x(?:\W+\w+){0,10}\W+y[^\n]{0,100}z{2}") == 110


@pytest.fixture(scope="module")
def unsplit() -> Matcher:
    width = matcher_module.SET_GAP_WIDTH
    matcher_module.SET_GAP_WIDTH = 10**9
    try:
        return Matcher(default_ruleset())
    finally:
        matcher_module.SET_GAP_WIDTH = width


def test_the_shipped_rules_sets_hold_at_most_their_gaps(unsplit: Matcher) -> None:
    matcher = matcher_for(default_ruleset())
    assert matcher.sets > unsplit.sets  # the shipped rules have such a set (296 of gaps, session 54)
    assert sorted(entry for group in matcher._groups for entry in group.entries) == sorted(
        entry for group in unsplit._groups for entry in group.entries
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, min_size=1, max_size=6))
def test_split_sets_find_what_one_set_found(unsplit: Matcher, lines: list[str]) -> None:
    matcher = matcher_for(default_ruleset())
    text = " ".join(lines)
    assert matcher.set_match(text.encode("utf-8")) == unsplit.set_match(text.encode("utf-8"))
    assert [[rule.id for rule in rules] for rules in matcher.fire(lines).rules] == [
        [rule.id for rule in rules] for rules in unsplit.fire(lines).rules
    ]
