"""Byte-wise patterns find what the UTF-8 ones find, at the same byte offsets.

The matcher hands RE2 each pattern rewritten for Latin-1 mode over UTF-8 bytes (half the
program, so less memory per exact check and cheaper automaton states). That is only worth it if
no match moves: these tests compare every match of both forms, for patterns made of the
constructs the rewrite touches and for every shipped pattern, on text full of non-ASCII
characters between and inside words.
"""

from __future__ import annotations

import re2
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.warnings.bytewise import bytewise, re2_form
from bot.warnings.matcher import Matcher
from bot.warnings.patterns import admin_rule, re2_options
from bot.warnings.rules import default_ruleset

# Text and patterns share these characters: ASCII words and punctuation, accented letters in both
# cases, curly quotes, dashes, an emoji (four bytes) and a CJK character (three).
ALPHABET = "ab e\u00e9\u00c9d.!,;'\u2019\u2014\n_7\U0001f62d\u6b7b"
ATOMS = [
    "a",
    "b",
    "e",
    "d",
    "\u00e9",
    "\u00c9",
    "\u2019",
    "\\b",
    "\\s+",
    "\\W",
    "\\W+",
    "\\W*",
    "\\S",
    "\\D",
    ".",
    ".+",
    ".*",
    "[^\\w.!?;\\n]+",
    "[^\\w.!?;\\n]",
    "[^a]",
    "[^a]+",
    "['\u2019]",
    "[\u00e9e]",
    "[a-d]",
    "\\w+",
    "\\w*",
    "(?:a|\u00e9)",
    "(?-i:\u00c9)",
    "[^\\w]+?",
    ".{1,2}",
    "\\x41",
    "(?:\\W+|a)",
    "(?:b|\\W)+",
    "(?:\\W+)?",
    "(?i:\u00c9)",
    "(?:e|)",
    "\u00e9?",
]
texts = st.text(alphabet=ALPHABET, max_size=40)
sequences = st.lists(st.sampled_from(ATOMS), min_size=1, max_size=5).map("".join)
patterns = st.one_of(sequences, st.lists(sequences, min_size=2, max_size=3).map("|".join))


def all_spans(compiled: re2._Regexp, data: bytes) -> list[tuple[int, int]]:
    spans, position = [], 0
    while position <= len(data) and (match := compiled.search(data, position)) is not None:
        spans.append(match.span())
        position = match.end() if match.end() > match.start() else match.end() + 1
    return spans


def same_matches(pattern: str, data: bytes) -> None:
    """Both forms find the same spans, unless the pattern matches empty somewhere: an empty match
    steps one byte on, into a character, and no rule can match empty (patterns.py refuses it)."""
    expected = all_spans(re2.compile(pattern.encode("utf-8"), re2_options()), data)
    if any(start == end for start, end in expected):
        return
    assert all_spans(re2.compile(*re2_form(pattern)), data) == expected, pattern


@settings(max_examples=400, deadline=None)
@given(patterns, texts)
def test_rewritten_patterns_match_the_same_bytes(pattern: str, text: str) -> None:
    same_matches(pattern, text.encode("utf-8"))


def test_every_shipped_pattern_is_read_bytewise_with_the_same_matches() -> None:
    """The speed and memory of a scan rest on the shipped patterns all having a byte-wise form."""
    patterns = Matcher(default_ruleset()).patterns
    assert all(bytewise(pattern) is not None for pattern in patterns)
    text = (
        "She didn\u2019t die \u2014 he killed her. The caf\u00e9\u2019s owner was beaten \U0001f62d and "
        "KILLED, \u00c9lodie\u2019s body lay in the morgue; nobody\u2019s fianc\u00e9 wasn\u2019t murdered "
        "\u6b7b at the funeral. y/n\u2019s mom hit you \u2026 again!"
    )
    data = text.encode("utf-8")
    for pattern in patterns:
        same_matches(pattern, data)


def test_what_cannot_be_kept_exact_stays_utf8() -> None:
    for pattern in (
        "\\pL+",
        "\\p{Greek}",
        "\\x{e9}",
        "[^\u00e9]",
        "(?s).",
        "\\Qa.b\\E",
        "\\C",
        "[\u00e0-\u00e9]",
        "[\\W_]",
    ):
        assert bytewise(pattern) is None, pattern
        source, options = re2_form(pattern)
        assert source == pattern.encode("utf-8") and options.encoding == re2.Options.Encoding.UTF8


def test_a_matcher_mixes_both_kinds_of_set() -> None:
    """An admin's Unicode class stays UTF-8 beside the byte-wise shipped rules, and both fire."""
    ruleset = default_ruleset().extended(rules=[admin_rule("own:1", "violence", "regex", "\\p{Greek}{3}")])
    matcher = Matcher(ruleset)
    fired = {hit.rule.id for hit in matcher.scan_paragraph("He was stabbed to death by \u03b1\u03b2\u03b3.")}
    assert "own:1" in fired
    assert any(rule_id.startswith("violence") or rule_id.startswith("death") for rule_id in fired)


REGEX_ALPHABET = "ab\u00e9\u2019\\[]^-()|?:*+{}.,0-9wWsSdDbBpPLxQEz=<>!P$"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=REGEX_ALPHABET, max_size=14), texts)
def test_any_pattern_re2_accepts_is_rewritten_exactly_or_left_alone(pattern: str, text: str) -> None:
    """An admin's pattern reaches the rewrite after RE2 accepted it: whatever it holds, the
    rewrite never raises, and gives either None (the pattern stays UTF-8) or a form RE2 accepts
    that finds the same matches. (``[[:]``, a class of two characters, once raised here.)"""
    try:
        re2.compile(pattern.encode("utf-8"), re2_options())
    except re2.error:
        return
    if bytewise(pattern) is not None:
        same_matches(pattern, text.encode("utf-8"))
