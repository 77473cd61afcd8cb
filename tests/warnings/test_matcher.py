"""The matcher's shortcuts never change its answer (issue 13, point 6: speed without new misses).

A scan skips the exact check (idioms, negation) for a rule whose guard entries are absent from
the paragraph, and takes a whole entry's rules at once when no guard is present at all. Each of
those is a claim that the exact check would have said the same; these tests hold the claim to
the exact check itself, run for every shipped rule, on text mixed from the labelled sets,
negation cues and idioms.
"""

from __future__ import annotations

import gc
import json
import pickle
import random
import re
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pytest
import re2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.bench_budgets import rule_vocabulary
from bot.warnings import matcher as matcher_module
from bot.warnings.matcher import Matcher, matcher_for
from bot.warnings.model import Ruleset
from bot.warnings.patterns import admin_rule, re2_options
from bot.warnings.rules import default_ruleset

DATA = Path(__file__).resolve().parents[2] / "data" / "warnings"
SHORTCUT_SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@cache
def fragments() -> list[str]:
    """Clauses of the labelled passages (warnings, traps, idioms), negation cues and fillers.
    The warning-free sets (``fanfic-benign*``) are left out: sorted first, they would fill the
    first clauses the exact-check tests take with text that sends few rules to that check."""
    clauses: list[str] = []
    for path in sorted(p for p in DATA.glob("fanfic-*.jsonl") if not p.name.startswith("fanfic-benign")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                clauses += [c.strip() for c in re.split(r"(?<=[.!?,;])\s+", json.loads(line)["text"]) if c.strip()]
    ruleset = default_ruleset()
    return clauses + list(ruleset.negation.cues) + list(ruleset.negation.fillers)


def exact(matcher: Matcher, text: str) -> list[str]:
    """Every rule put through the exact check, as if every guard entry were present."""
    data = text.encode("utf-8")
    everything = frozenset(range(matcher.size))
    idioms: dict[int, list[tuple[int, int]]] = {}
    return sorted(
        compiled.rule.id
        for rules in matcher._rules_at
        if rules
        for compiled in rules
        if matcher._locate(compiled, data, everything, idioms) is not None
    )


paragraphs = st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=12).map(
    lambda picks: " ".join(fragments()[pick % len(fragments())] for pick in picks)
)


@SHORTCUT_SETTINGS
@given(st.lists(paragraphs, min_size=1, max_size=3))
def test_the_shortcuts_agree_with_the_exact_check_of_every_rule(texts: list[str]) -> None:
    matcher = matcher_for(default_ruleset())
    assert isinstance(matcher, Matcher)
    fired = matcher.fire(texts)
    for index, text in enumerate(texts):
        assert sorted(rule.id for rule in fired.rules[index]) == exact(matcher, text)


def test_the_exact_check_is_exercised_both_ways() -> None:
    """The sets above hold negated and idiomatic hits, so the comparison is not vacuous."""
    ruleset = default_ruleset()
    matcher = matcher_for(ruleset)
    assert isinstance(matcher, Matcher)
    negated = "nobody died that night, and nobody was killed."
    plain = "he died that night. she was killed."
    assert not any(rule.category == "death" for rule in matcher.fire([negated]).rules[0])
    assert any(rule.category == "death" for rule in matcher.fire([plain]).rules[0])
    assert exact(matcher, negated) == sorted(rule.id for rule in matcher.fire([negated]).rules[0])


def test_a_hit_found_by_the_exact_check_keeps_its_span_for_evidence() -> None:
    ruleset = default_ruleset()
    bare = Ruleset(ruleset.taxonomy, ruleset.rules, ruleset.categories, ruleset.negation)
    text = "nobody cried at first. then the funeral came, and she died in the spring."
    fired = matcher_for(bare).fire([text])
    for rule in fired.rules[0]:
        start, end = fired.hit(0, rule, text).char_span()
        assert 0 <= start < end <= len(text)


def test_past_the_cap_patterns_compiled_for_exact_checks_are_let_go_with_the_same_answers(monkeypatch) -> None:
    """Text full of heavy scenes sends most rules to their exact check; past ``KEEP_COMPILED``
    compiled patterns, each rule's pattern is compiled for its checks and let go right after.
    The answers (rules and the spans the checks found) are the same as with every pattern kept."""
    clauses = fragments()
    texts = [" ".join(clauses[start : start + 6]) for start in range(0, 1200, 6)]
    ruleset = default_ruleset()
    bare = Ruleset(ruleset.taxonomy, ruleset.rules, ruleset.categories, ruleset.negation)
    kept_all = Matcher(bare).fire(texts)
    assert len(kept_all._spans) > 50  # the exact check ran, and found hits

    monkeypatch.setattr(matcher_module, "KEEP_COMPILED", 0)
    capped = Matcher(bare)
    fired = capped.fire(texts)
    assert fired.rules == kept_all.rules
    assert fired._spans == kept_all._spans
    still_compiled = {part.regex.pattern for c in capped._by_id.values() for part in c.parts if part.regex.compiled}
    idiom_lists = {regex.pattern for c in capped._by_id.values() for regex, _ in c.exclusions}
    assert still_compiled <= idiom_lists  # only the idiom lists stay: every rule of their category asks for them


def test_exact_checks_on_threads_give_the_answers_of_one_thread(monkeypatch) -> None:
    """From ``THREADED_CHECKS`` exact checks on, rules are dealt out to threads: the rules that fire
    and the spans their checks found are the same as on one thread, with every compiled pattern
    kept and with each let go after its rule (threads then compile and release side by side)."""
    clauses = fragments()
    texts = [" ".join(clauses[start : start + 6]) for start in range(0, 1200, 6)]
    ruleset = default_ruleset()
    bare = Ruleset(ruleset.taxonomy, ruleset.rules, ruleset.categories, ruleset.negation)
    monkeypatch.setattr(matcher_module, "THREADED_CHECKS", 10**9)
    serial = Matcher(bare).fire(texts)
    assert len(serial._spans) > 50  # the exact check ran, and found hits
    pools: list[int] = []

    class CountingPool(ThreadPoolExecutor):
        def __init__(self, workers: int, **kwargs: object) -> None:
            pools.append(workers)
            super().__init__(workers, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(matcher_module, "THREADED_CHECKS", 1)
    monkeypatch.setattr(matcher_module, "available_cpus", lambda: 3)
    monkeypatch.setattr(matcher_module, "ThreadPoolExecutor", CountingPool)
    monkeypatch.setattr(matcher_module, "THREADED_BLOCK_SECONDS", float("inf"))  # the sets on one thread
    for keep in (10**9, 0):
        monkeypatch.setattr(matcher_module, "KEEP_COMPILED", keep)
        gc.collect()  # the matchers built before, and their compiled patterns, are gone
        live = matcher_module._Lazy.live
        threaded = Matcher(bare)
        fired = threaded.fire(texts)
        assert fired.rules == serial.rules
        assert fired._spans == serial._spans
        regexes = [part.regex for c in threaded._by_id.values() for part in c.parts]
        regexes += [regex for c in threaded._by_id.values() for regex, _ in c.exclusions]
        compiled = len({id(regex) for regex in regexes if regex.compiled})
        assert matcher_module._Lazy.live - live == compiled  # each compile counted once, each release once
        del threaded, fired, regexes
    assert pools == [3, 3]


def test_sets_that_built_states_through_a_long_text_start_afresh_with_the_same_answers(monkeypatch) -> None:
    """A set that built states all through a long new text is compiled again once it is done with
    it, so its automaton's memory is let go; what it finds is the same, then and on the next call."""
    clauses = fragments()
    texts = [" ".join(clauses[start : start + 6]) for start in range(0, 1200, 6)]
    ruleset = default_ruleset()
    bare = Ruleset(ruleset.taxonomy, ruleset.rules, ruleset.categories, ruleset.negation)
    datas = [text.encode("utf-8") for text in texts]
    monkeypatch.setattr(matcher_module, "AFRESH_BYTES", 1 << 60)
    expected = Matcher(bare)._set_matches(datas)
    assert sum(map(len, expected)) > 100

    monkeypatch.setattr(matcher_module, "AFRESH_BYTES", 1)
    monkeypatch.setattr(matcher_module, "THREADED_BLOCK_SECONDS", 0.0)  # every set counts as having built states
    monkeypatch.setattr(matcher_module, "BUILDING_SECONDS_PER_BYTE", 0.0)
    matcher = Matcher(bare)
    before = [group.match for group in matcher._groups]
    assert matcher._set_matches(datas) == expected
    assert all(group.match is not old for group, old in zip(matcher._groups, before, strict=True))
    assert matcher._set_matches(datas) == expected


def test_sets_reading_short_or_cached_text_keep_their_automata(monkeypatch) -> None:
    """Short text, or a long one read from states already built, leaves every set as it was."""
    matcher = Matcher(default_ruleset())
    short = [b"the soldiers died in the trenches"]
    before = [group.match for group in matcher._groups]
    matcher._set_matches(short)
    assert all(group.match is old for group, old in zip(matcher._groups, before, strict=True))

    monkeypatch.setattr(matcher_module, "AFRESH_BYTES", 1)
    monkeypatch.setattr(matcher_module, "THREADED_BLOCK_SECONDS", 1.0)  # no set is ever that slow
    matcher._set_matches(short * 50)
    assert all(group.match is old for group, old in zip(matcher._groups, before, strict=True))

    # One long paragraph is one block: the time per byte tells states built from states cached.
    monkeypatch.setattr(matcher_module, "THREADED_BLOCK_SECONDS", 0.0)
    monkeypatch.setattr(matcher_module, "BUILDING_SECONDS_PER_BYTE", 1.0)
    matcher._set_matches([b" ".join(short * 500)])
    assert all(group.match is old for group, old in zip(matcher._groups, before, strict=True))


def test_a_dropped_matcher_no_longer_counts_against_the_patterns_kept(monkeypatch) -> None:
    """Workers drop a server's matcher when its rules change; its compiled patterns must stop
    counting, or after enough changes every pattern would be compiled anew for each story."""
    ruleset = default_ruleset()
    monkeypatch.setattr(matcher_module, "KEEP_COMPILED", 10**9)  # whatever earlier tests compiled
    gc.collect()  # matchers earlier tests let go
    before = matcher_module._Lazy.live
    matcher = Matcher(Ruleset(ruleset.taxonomy, ruleset.rules, ruleset.categories, ruleset.negation))
    matcher.fire(["nobody died that night, and nobody was killed.", "he was stabbed, though he didn't die."])
    assert matcher_module._Lazy.live > before
    del matcher
    gc.collect()
    assert matcher_module._Lazy.live == before


def test_a_view_of_one_call_answers_as_a_call_on_its_paragraphs_alone() -> None:
    """A scan reads every chapter in one call and hands each chapter its view."""
    matcher = matcher_for(default_ruleset())
    texts = ["a calm day by the sea.", "nobody died, but then he was stabbed.", "she was killed in the war.", "tea."]
    view = matcher.fire(texts).view(1, 3)
    alone = matcher.fire(texts[1:3])
    assert view.rules == alone.rules and any(view.rules)
    for index, rules in enumerate(alone.rules):
        for rule in rules:
            text = texts[1 + index]
            assert view.hit(index, rule, text).span == alone.hit(index, rule, text).span


@SHORTCUT_SETTINGS
@given(st.lists(paragraphs, min_size=1, max_size=3), st.lists(st.integers(0, 2), min_size=2, max_size=9))
def test_a_paragraph_said_again_is_found_as_each_copy_alone(pool: list[str], picks: list[int]) -> None:
    """The same paragraphs over and over (an upload pasting its scenes again) are read once; every
    copy still gets its own rules, and each hit its own span, as in a call on that copy alone."""
    matcher = matcher_for(default_ruleset())
    texts = [pool[pick % len(pool)] for pick in picks]
    fired = matcher.fire(texts)
    assert len(fired.rules) == len(texts)
    for index, text in enumerate(texts):
        alone = matcher.fire([text])
        assert [rule.id for rule in fired.rules[index]] == [rule.id for rule in alone.rules[0]]
        for rule in alone.rules[0]:
            assert fired.hit(index, rule, text).span == alone.hit(0, rule, text).span


def test_a_repeated_paragraph_is_read_once_and_its_copies_lists_are_their_own() -> None:
    matcher = matcher_for(default_ruleset())
    assert isinstance(matcher, Matcher)
    heavy = "nobody cried at first. then he was stabbed, and she died in the spring."
    texts = [heavy, "tea by the sea.", heavy, heavy]
    read: list[list[bytes]] = []
    set_matches = matcher._set_matches
    matcher._set_matches = lambda datas: read.append(datas) or set_matches(datas)  # type: ignore[method-assign]
    try:
        fired = matcher.fire(texts)
    finally:
        del matcher._set_matches
    assert read == [[heavy.encode(), b"tea by the sea."]]
    assert fired.rules[0] and fired.rules[0] == fired.rules[2] == fired.rules[3]
    assert fired.rules[0] is not fired.rules[2]  # a scan may take a rule out of one copy's list alone
    assert fired.view(2, 4).rules == [fired.rules[0], fired.rules[0]]


words = st.sampled_from(["war", "blood", "died", "fight", "knife", "tea", "sofa", "rain", "slur", "grief"])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(words, min_size=1, max_size=3).map(r"\b".join), min_size=1, max_size=30),
    st.lists(words, max_size=12).map(" ".join),
    st.integers(min_value=1, max_value=40),
)
def test_entries_split_over_several_sets_are_found_as_by_one_set(
    patterns: list[str], text: str, group_chars: int
) -> None:
    """Every entry keeps its number whichever set holds it, and a paragraph's entries come back in order."""
    data = text.encode("utf-8")
    one_set = re2.Set.SearchSet(re2_options())
    for pattern in patterns:
        one_set.Add(pattern.encode("utf-8"))
    one_set.Compile()
    expected = sorted(one_set.Match(data) or [])
    groups = matcher_module._compiled_sets(patterns, group_chars)
    found = sorted(entry for group in groups for entry in map(group.entries.__getitem__, group.match(data) or []))
    assert found == expected
    assert all(len(g.entries) == 1 or sum(len(patterns[i]) for i in g.entries) <= group_chars for g in groups)
    assert sorted(entry for group in groups for entry in group.entries) == list(range(len(patterns)))


alternations = st.lists(st.lists(words, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=8).map(
    lambda phrases: "|".join(rf"\b{phrase}\b" for phrase in phrases)
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(alternations, min_size=1, max_size=12),
    st.lists(words, max_size=12).map(" ".join),
    st.integers(min_value=1, max_value=60),
)
def test_an_entry_longer_than_a_set_is_read_as_pieces_and_found_once(
    patterns: list[str], text: str, group_chars: int
) -> None:
    """An entry longer than a set may hold is cut at its alternatives (a set of one entry of
    72,000 characters had too little memory left for its states and built them afresh at every
    paragraph): its pieces answer for it, wherever they are, and a paragraph has it once."""
    data = text.encode("utf-8")
    one_set = re2.Set.SearchSet(re2_options())
    for pattern in patterns:
        one_set.Add(pattern.encode("utf-8"))
    one_set.Compile()
    groups = matcher_module._compiled_sets(patterns, group_chars)
    found = [entry for group in groups for entry in map(group.entries.__getitem__, group.match(data) or [])]
    assert matcher_module._entries_once(found) == sorted(one_set.Match(data) or [])
    longest = max(len(alternative) for pattern in patterns for alternative in pattern.split("|"))
    assert all(group.chars <= max(group_chars, longest) for group in groups)
    assert {entry for group in groups for entry in group.entries} == set(range(len(patterns)))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(alternations, min_size=1, max_size=12),
    st.lists(st.lists(words, max_size=12).map(" ".join), min_size=1, max_size=20),
    st.integers(min_value=1, max_value=60),
)
def test_paragraphs_read_by_sets_with_cut_entries_find_each_entry_once(
    patterns: list[str], texts: list[str], group_chars: int
) -> None:
    """Only paragraphs where a set holding a piece of a cut entry found something are made to hold
    each entry once; every paragraph finds what one set of the whole entries finds."""
    one_set = re2.Set.SearchSet(re2_options())
    for pattern in patterns:
        one_set.Add(pattern.encode("utf-8"))
    one_set.Compile()
    datas = [text.encode("utf-8") for text in texts]
    groups = matcher_module._compiled_sets(patterns, group_chars)
    found = Matcher._set_matches(None, datas, groups)  # type: ignore[arg-type]  # reads only the groups given
    assert found == [sorted(one_set.Match(data) or []) for data in datas]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(words, st.sampled_from(["", "^", "$", "(?:^|\\b)"])), min_size=1, max_size=30),
    st.lists(st.lists(words, max_size=8).map(" ".join), min_size=1, max_size=30),
    st.integers(min_value=3, max_value=40),
)
def test_entries_that_may_be_anchored_get_sets_of_their_own_and_find_the_same(
    entries: list[tuple[str, str]], texts: list[str], group_chars: int
) -> None:
    """Entries that may be anchored are put in sets of their own (a set holding one reads
    paragraphs one by one): no set mixes them with the others, and every paragraph finds what one
    set of all the entries finds."""
    patterns = [word + "$" if mark == "$" else mark + word for word, mark in entries]
    one_set = re2.Set.SearchSet(re2_options())
    for pattern in patterns:
        one_set.Add(pattern.encode("utf-8"))
    one_set.Compile()
    groups = matcher_module._compiled_sets(patterns, group_chars)
    for group in groups:
        assert len({matcher_module.may_anchor(patterns[entry]) for entry in group.entries}) == 1
        assert group.anchored == matcher_module.may_anchor(patterns[group.entries[0]])
    datas = [text.encode("utf-8") for text in texts]
    found = Matcher._set_matches(None, datas, groups)  # type: ignore[arg-type]  # reads only the groups given
    assert found == [sorted(one_set.Match(data) or []) for data in datas]


def test_the_shipped_rules_entries_that_may_be_anchored_fill_few_sets() -> None:
    matcher = matcher_for(default_ruleset())
    assert isinstance(matcher, Matcher)
    anchored = sum(map(matcher_module.may_anchor, matcher.patterns))
    assert anchored > 20
    assert sum(group.anchored for group in matcher._groups) < 12


def test_the_shipped_rules_sets_each_hold_at_most_their_share_of_pattern_characters() -> None:
    matcher = matcher_for(default_ruleset())
    assert isinstance(matcher, Matcher)
    assert max(map(len, matcher.patterns)) > matcher_module.SET_GROUP_CHARS  # the death category's idioms
    assert all(group.chars <= matcher_module.SET_GROUP_CHARS for group in matcher._groups)


def test_entries_cut_into_pieces_find_what_whole_entries_find(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped rules with their long entries cut at a quarter of the set size find the same
    entries in every paragraph of the labelled passages as with them whole."""
    texts = [clause for clause in fragments() if len(clause) > 20][:3000]
    datas = [" ".join(texts[start : start + 6]).encode("utf-8") for start in range(0, len(texts), 6)]
    whole = Matcher(default_ruleset())._set_matches(datas)
    monkeypatch.setattr(matcher_module, "SET_GROUP_CHARS", matcher_module.SET_GROUP_CHARS // 4)
    cut = Matcher(default_ruleset())
    assert sum(group.cut for group in cut._groups) > 10  # 14 entries cut into pieces
    assert cut._set_matches(datas) == whole
    assert sum(map(len, whole)) > 5 * len(datas)


def test_the_shipped_rules_are_split_over_several_sets_and_found_in_order() -> None:
    matcher = matcher_for(default_ruleset())
    assert isinstance(matcher, Matcher)
    assert matcher.sets > 1
    found = matcher.set_match(b"the soldiers died in the trenches; blood on the knife, and nobody was killed")
    assert len(found) > 3
    assert found == sorted(found)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(words, max_size=4).map(" ".join), min_size=1, max_size=40))
def test_short_paragraphs_read_in_blocks_find_what_each_alone_finds(texts: list[str]) -> None:
    """Short paragraphs share a set's first look; the entries found per paragraph do not change."""
    matcher = matcher_for(default_ruleset())
    assert isinstance(matcher, Matcher)
    assert matcher._set_matches([text.encode("utf-8") for text in texts]) == [
        matcher.set_match(text.encode("utf-8")) for text in texts
    ]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(words, max_size=4).map(" ".join), min_size=1, max_size=40), st.integers(0, 3))
def test_sets_that_give_up_blocks_for_paragraphs_find_the_same(texts: list[str], probe: int) -> None:
    """A set that matched most of its first blocks reads the rest paragraph by paragraph: the
    entries found per paragraph do not change (a probe of 0 to 3 blocks makes sets switch here)."""
    matcher = matcher_for(default_ruleset())
    assert isinstance(matcher, Matcher)
    datas = [text.encode("utf-8") for text in texts]
    expected = [matcher.set_match(data) for data in datas]
    saved = matcher_module.BLOCK_PROBE
    matcher_module.BLOCK_PROBE = probe
    try:
        assert matcher._set_matches(datas) == expected
    finally:
        matcher_module.BLOCK_PROBE = saved


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(words, max_size=12).map(" ".join), min_size=1, max_size=80),
    st.lists(st.sampled_from([None, 0.0, 0.001, 0.01, 0.05, 0.2, 0.9]), min_size=1, max_size=8),
)
def test_sets_that_read_bigger_blocks_find_what_each_paragraph_alone_finds(
    texts: list[str], shares: list[float | None]
) -> None:
    """A set that found little last time reads bigger blocks (_block_bytes): the entries found
    per paragraph do not change, whatever share each set remembers."""
    matcher = matcher_for(default_ruleset())
    assert isinstance(matcher, Matcher)
    datas = [text.encode("utf-8") for text in texts]
    expected = [matcher.set_match(data) for data in datas]
    saved = [group.share for group in matcher._groups]
    try:
        for number, group in enumerate(matcher._groups):
            group.share = shares[number % len(shares)]
        assert matcher._set_matches(datas) == expected
    finally:
        for group, share in zip(matcher._groups, saved, strict=True):
            group.share = share


def test_a_set_remembers_the_share_of_paragraphs_where_it_found_something() -> None:
    matcher = Matcher(default_ruleset())
    texts = [f"paragraph {number} of quiet talk about the weather" for number in range(80)]
    texts[3] = "he stabbed the guard with a knife and blood ran down"
    assert all(group.share is None for group in matcher._groups)
    found = matcher._set_matches([text.encode("utf-8") for text in texts])
    assert found[3]
    for group in matcher._groups:
        assert group.share is not None and 0.0 <= group.share <= 1.0
    assert min(group.share for group in matcher._groups) == 0.0
    before = [group.share for group in matcher._groups]
    matcher._set_matches([texts[3].encode("utf-8")])  # too few paragraphs to tell: kept
    assert [group.share for group in matcher._groups] == before


def test_block_sizes_follow_the_share_of_paragraphs_with_a_match() -> None:
    smallest = matcher_module.BLOCK_SIZES[0]
    assert matcher_module._block_bytes(None, 344) == smallest  # not read enough yet
    assert matcher_module._block_bytes(0.0, 344) == max(matcher_module.BLOCK_SIZES)
    assert matcher_module._block_bytes(0.5, 344) == smallest  # most blocks would be read twice
    assert matcher_module._block_bytes(0.9, 40) == smallest  # short lines full of its words
    sizes = [matcher_module._block_bytes(share / 100, 344) for share in range(0, 101)]
    assert sizes == sorted(sizes, reverse=True)  # the more it finds, the smaller its blocks


def test_an_anchored_admin_regex_still_finds_a_paragraph_among_short_ones() -> None:
    ruleset = default_ruleset()
    own = [
        admin_rule("custom:1", "violence", "regex", r"^stab\b"),
        admin_rule("custom:2", "violence", "regex", r"end$"),
    ]
    matcher = Matcher(Ruleset(ruleset.taxonomy, own, ruleset.categories, ruleset.negation), frames=False)
    fired = matcher.fire(["a calm day", "stab him", "tea", "the end", "the end is near"])
    assert [[rule.id for rule in rules] for rules in fired.rules] == [[], ["custom:1"], [], ["custom:2"], []]


@cache
def negation_words() -> list[str]:
    negation = default_ruleset().negation
    return [*negation.cues, *negation.fillers, "she", "died", "was", "killed", "didnt", "no-one", ",", ".", "—"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=8), st.sampled_from(["", " ", "  "]))
def test_the_cue_entry_is_present_wherever_a_hit_can_be_negated(picks: list[int], gap: str) -> None:
    """The matcher skips the exact negation check where its cue entry is absent: that must never
    skip a hit the check would call negated."""
    negation = default_ruleset().negation
    words = negation_words()
    before = " ".join(words[pick % len(words)] for pick in picks) + gap
    if negation.is_negated(before):
        cue = re2.compile(negation.cue_pattern(), re2_options())
        assert cue.search(before + " died") is not None


def chapter_of_fragments(count: int, seed: int) -> list[str]:
    """Paragraphs of eight clauses each, picked from :func:`fragments` with a fixed seed."""
    rng = random.Random(seed)
    return [" ".join(rng.choice(fragments()) for _ in range(8)) for _ in range(count)]


def test_sets_read_on_threads_find_what_one_thread_finds(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """When the first set spends long on each block (text it has not seen), the other sets go to
    threads: the entries found per paragraph are the same, in the same order."""
    matcher = matcher_for(default_ruleset())
    assert isinstance(matcher, Matcher)
    datas = [text.encode("utf-8") for text in chapter_of_fragments(120, seed=7)]
    monkeypatch.setattr(matcher_module, "THREADED_BLOCK_SECONDS", float("inf"))  # never slow: one thread
    serial = matcher._set_matches(datas)
    chosen: list[int] = []
    decide = matcher_module._scan_threads

    def spy(blocks: int, first_seconds: float, remaining_sets: int, cpus: int) -> int:
        chosen.append(decide(blocks, first_seconds, remaining_sets, cpus))
        return chosen[-1]

    monkeypatch.setattr(matcher_module, "THREADED_BLOCK_SECONDS", 0.0)  # always slow enough
    monkeypatch.setattr(matcher_module, "MIN_THREADED_SECONDS", 0.0)
    monkeypatch.setattr(matcher_module, "available_cpus", lambda: 3)
    monkeypatch.setattr(matcher_module, "_scan_threads", spy)
    assert matcher._set_matches(datas) == serial
    assert chosen == [3]
    assert sum(map(len, serial)) > len(datas)  # the text is not one where nothing is found


def test_threads_only_when_the_first_set_spent_long_on_each_block() -> None:
    per_block = matcher_module.THREADED_BLOCK_SECONDS
    blocks = int(4 * matcher_module.MIN_THREADED_SECONDS / per_block)  # enough blocks to pay for threads
    slow = 2 * blocks * per_block  # twice the time per block that calls for threads
    assert matcher_module._scan_threads(blocks, slow, 22, 8) == matcher_module.MAX_SCAN_THREADS
    assert matcher_module._scan_threads(blocks, slow, 2, 8) == 2  # never more threads than sets left
    assert matcher_module._scan_threads(blocks, slow / 4, 22, 8) == 1  # quick calls: cached states or short lines
    assert matcher_module._scan_threads(1, matcher_module.MIN_THREADED_SECONDS / 2, 22, 8) == 1  # too little to pay
    assert matcher_module._scan_threads(blocks, slow, 1, 8) == 1
    assert matcher_module._scan_threads(blocks, slow, 22, 1) == 1
    assert matcher_module._scan_threads(blocks, slow, 22, 2) == 2


def test_sets_that_drop_their_states_still_find_every_entry(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A set's automaton has a memory budget (SET_MAX_MEM); new text fills it and RE2 drops its
    states and goes on. On text made of the rules' own words in random order (the costliest
    for the automaton), sets of 48,000 pattern characters given 3.25 MB (a little over the least
    they compile with, read byte by byte: below it RE2 refuses a set, loudly; at 3 MB they were
    within 2 % of that, and 17 patterns' wider word edges in session 43 tipped one over; 48,000
    leaves room for a category's rules to grow, since where the groups are cut moves with every
    rule added), which these 330 KB overfill, find in the last paragraphs exactly the entries each
    pattern finds there on its own. (The shipped sets are smaller with more memory per pattern
    character, so they fill their budget more slowly; they are this test's sets split.)"""
    assert matcher_module.SET_MAX_MEM / matcher_module.SET_GROUP_CHARS >= (13 << 18) / 48_000
    monkeypatch.setattr(matcher_module, "SET_MAX_MEM", 13 << 18)
    monkeypatch.setattr(matcher_module, "SET_GROUP_CHARS", 48_000)
    matcher = Matcher(default_ruleset())  # compiled with the smaller budget
    words = rule_vocabulary()
    rng = random.Random(11)
    datas = [" ".join(rng.choice(words) for _ in range(120)).encode() for _ in range(400)]
    found = matcher._set_matches(datas)[-40:]  # read after the sets have dropped their states
    alone = [re2.compile(pattern.encode("utf-8"), re2_options()) for pattern in matcher.patterns]
    expected = [[entry for entry, regex in enumerate(alone) if regex.search(data)] for data in datas[-40:]]
    assert found == expected
    assert sum(map(len, expected)) > 10 * len(expected)


def _server_ruleset(server: int, rules: int) -> Ruleset:
    """A server's own ``rules`` long admin regexes (word alternations) on top of the shipped rules,
    pickled and read back as a worker receives it (a new object each time)."""
    own = [
        admin_rule(f"custom:{n}", "violence", "regex", "(?:" + "|".join(f"w{server}x{n}y{k}" for k in range(40)) + ")")
        for n in range(rules)
    ]
    return pickle.loads(pickle.dumps(default_ruleset().extended(rules=own)))


def test_a_worker_keeps_servers_matchers_within_a_byte_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Eight servers of long rules each held their sets' automata (up to SET_MAX_MEM a set):
    the count bound alone let a worker keep hundreds of MB. Past the byte budget the least
    recently used server's matcher is let go, and the most recent one is always kept."""
    monkeypatch.setattr(matcher_module, "_by_fingerprint", OrderedDict())
    monkeypatch.setattr(matcher_module, "SET_GROUP_CHARS", 4_000)  # several sets a server, at a test's size
    first = _server_ruleset(1, 40)
    matcher = matcher_for(matcher_module.shared(first))
    held = matcher_module.held_bytes(matcher)
    assert held >= 2 * matcher_module.SET_MAX_MEM  # its own sets, at their automata's cap
    monkeypatch.setattr(matcher_module, "WORKER_MATCHER_BYTES", held * 3 // 2)
    for server in (2, 3):
        matcher_for(matcher_module.shared(_server_ruleset(server, 40)))
    *older, newest = matcher_module._by_fingerprint.values()
    assert first.fingerprint not in matcher_module._by_fingerprint  # the least recently used went
    assert sum(matcher_module.held_bytes(matcher_for(ruleset)) for ruleset in older) <= held * 3 // 2
    assert newest.fingerprint == _server_ruleset(3, 40).fingerprint
    again = _server_ruleset(1, 40)
    assert matcher_module.shared(again) is again  # compiled afresh on its next scan
