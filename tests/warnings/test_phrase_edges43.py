"""A phrase that starts or ends in a letter beyond ASCII matches as a whole word (session 43).

RE2's ``\\b`` knows only ASCII letters: "fiancé" followed by a full stop, or "émeute" after a space,
was "not a word" on both sides, so no edge, and an admin's phrase rule for a name such as "André"
never fired, nor a shipped rule ending in "soufflé". The edge of such a phrase is now ``\\b`` or a
character that is plainly no letter, so every match of before is still a match (including
``\b``'s own oddity beside such a letter: "café" is found in "cafébar", as it was).
"""

from __future__ import annotations

import re2
from hypothesis import given
from hypothesis import strategies as st

from bot.warnings.bytewise import re2_form
from bot.warnings.matcher import Matcher
from bot.warnings.patterns import admin_rule
from bot.warnings.phrases import compile_phrase
from bot.warnings.rules import default_ruleset


def found(phrase: str, text: str) -> bool:
    """As the matcher reads it: the pattern in its byte-wise form, the text as UTF-8."""
    pattern, options = re2_form(compile_phrase(phrase))
    return re2.compile(pattern, options).search(text.encode("utf-8")) is not None


def test_a_phrase_ending_in_an_accented_letter_matches_before_any_stop() -> None:
    for after in (".", ",", "!", "?", " ", "”", "’", "—", "…", ")", ""):
        assert found("her fiancé", f"She married her fiancé{after}"), repr(after)


def test_a_phrase_starting_with_an_accented_letter_matches_after_a_space_or_quote() -> None:
    for before in (" ", "“", "—", "(", "\n", ""):
        assert found("émeute", f"Une{before}émeute éclate."), repr(before)


def test_an_admin_phrase_for_a_name_with_an_accent_fires_in_a_story() -> None:
    """The server's own rules reach the matcher through ``admin_rule``, as ``/warnings rule add`` does."""
    rule = admin_rule("own:1", "violence", "phrase", "André")
    matcher = Matcher(default_ruleset().extended(rules=[rule]))
    hits = matcher.scan_paragraph("They never found out what happened to André.")
    assert "own:1" in {hit.rule.id for hit in hits}


@given(st.from_regex(r"[a-z]{1,6}", fullmatch=True))
def test_a_phrase_of_ascii_letters_compiles_as_before(word: str) -> None:
    """Only phrases with letters beyond ASCII change: the shipped rules' cost stays what it was."""
    assert compile_phrase(word) == rf"\b{word}\b"


@given(
    st.from_regex(r"[a-zé]{1,5}é", fullmatch=True),
    st.text(alphabet="abé .,“”—x", max_size=12),
    st.text(alphabet="abé .,“”—x", max_size=12),
)
def test_every_match_of_the_ascii_edges_is_still_a_match(word: str, before: str, after: str) -> None:
    """The new edges only add matches where ``\\b`` failed beside a letter beyond ASCII."""
    text = before + word + after
    old_pattern, options = re2_form(rf"\b{word}\b")
    if re2.compile(old_pattern, options).search(text.encode("utf-8")):
        assert found(word, text)
