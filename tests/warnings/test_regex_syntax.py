"""The one reader of RE2 pattern source: tokens that give the pattern back, and the quick
structure and anchor scans agreeing with them on any text, tricky classes and quotes included."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.warnings.patterns import _unsupported_construct, without_assertions
from bot.warnings.regex_syntax import (
    ANCHOR,
    BAR,
    CLASS_,
    CLOSE,
    ESCAPE,
    OPEN,
    QUOTE,
    STRAY,
    escaped,
    may_anchor,
    structure,
    tokens,
)

ROOT = Path(__file__).resolve().parents[2]
# Every character the syntax gives a meaning to, and a few it does not.
SYNTAX = st.text(alphabet="\\[]()|^$QEAzbBkgP=<!?:-a1{}*", max_size=40)


def kinds(pattern: str) -> list[tuple[str, str]]:
    return [(token.kind, pattern[token.start : token.end]) for token in tokens(pattern)]


def test_classes_quotes_and_escapes_are_whole_tokens() -> None:
    assert kinds(r"[]a(]|\Q(|\E\((?:x)$") == [
        (CLASS_, "[]a(]"),
        (BAR, "|"),
        (QUOTE, r"\Q(|\E"),
        (ESCAPE, r"\("),
        (OPEN, "("),
        ("plain", "?:x"),
        (CLOSE, ")"),
        (ANCHOR, "$"),
    ]
    assert kinds(r"[^]^$][[:alpha:]]") == [(CLASS_, "[^]^$]"), (CLASS_, "[[:alpha:]]")]
    assert kinds("a[b") == [("plain", "a"), (STRAY, "["), ("plain", "b")]
    assert kinds("a\\") == [("plain", "a"), (STRAY, "\\")]
    assert escaped(r"\b", next(tokens(r"\b"))) == "b"


def test_anchors_are_told_from_classes_quotes_and_escapes() -> None:
    assert may_anchor(r"^stab")
    assert may_anchor(r"(?:[^\w*]|$)")
    assert may_anchor(r"\Afoo")
    assert may_anchor(r"foo\z")
    assert not may_anchor(r"\bwar[^\w.!?;\n]+crime\b")
    assert not may_anchor(r"cost \$5|\^_\^|[$^]")
    assert not may_anchor(r"\Q^$\E and \\A")


def test_admin_checks_read_through_the_tokens() -> None:
    assert _unsupported_construct(r"(\w)\1") is not None
    assert _unsupported_construct(r"(?P<x>a)(?P=x)") is not None
    assert _unsupported_construct(r"a(?=b)") is not None
    assert _unsupported_construct(r"[(?=]\Q(?=\1\E") is None  # inside a class or a quote it is text
    assert _unsupported_construct(r"a[b(?=c)") is None  # a class never closed: RE2 says "missing ]"
    assert without_assertions(r"^\bwar\b[\b^$]\Q$\E$") == r"war[\b^$]\Q$\E"


@settings(max_examples=500, deadline=None)
@given(SYNTAX)
def test_tokens_give_the_pattern_back(pattern: str) -> None:
    found = list(tokens(pattern))
    assert "".join(pattern[token.start : token.end] for token in found) == pattern
    assert all(token.end > token.start for token in found)


@settings(max_examples=500, deadline=None)
@given(SYNTAX)
def test_the_quick_scans_agree_with_the_tokens(pattern: str) -> None:
    found = list(tokens(pattern))
    assert list(structure(pattern)) == [
        (token.kind, token.start) for token in found if token.kind in (OPEN, CLOSE, BAR, STRAY)
    ]
    assert may_anchor(pattern) == any(
        token.kind == ANCHOR or (token.kind == ESCAPE and escaped(pattern, token) in "Az") for token in found
    )


def test_a_class_never_closed_is_read_in_one_pass() -> None:
    """An admin's "[" over a run of letters and no "]" was tried every way the run could be cut:
    "[" and 22 letters took 0.13 s, each two more four times as long, so the worker's time limit
    answered a 40-character typo, and this file's property test hung on such a pattern. Read in a
    child process, so the old reading fails here on the timeout instead of hanging the run."""
    shapes = ["[" + "a" * 60, "<[[*-{|}?PbbgbB1b)1:Qa=A$[<1kg:Q<kz\\EP=" * 3, "[^]" + "xy[:" * 40, "[" + "a\\b" * 40]
    code = (
        "import sys\n"
        "from bot.warnings.regex_syntax import may_anchor, structure, tokens\n"
        "for shape in sys.argv[1:]:\n"
        "    list(structure(shape)), list(tokens(shape)), may_anchor(shape)\n"
    )
    subprocess.run([sys.executable, "-c", code, *shapes], cwd=ROOT, timeout=60, check=True)
    assert kinds("[" + "a" * 60) == [(STRAY, "["), ("plain", "a" * 60)]
    assert kinds("[[:alpha:]") == [(STRAY, "["), (CLASS_, "[:alpha:]")]  # RE2: "missing ]" for the first "["
    assert kinds("[[:alpha:]_]") == [(CLASS_, "[[:alpha:]_]")]
