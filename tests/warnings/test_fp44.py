"""False alarms, and one lost warning, by the shape that makes them (forty-fourth session; fp44's
section of docs/warnings-eval.md).

Each case is new synthetic text in general vocabulary, not copied from a set.

Change 1, the scope of negation: a cue that is itself a noun ("nothing", "nobody", "no one")
with a subject straight after it has closed its clause: "when she said nothing he shot her" is a
shot, not a shot denied. An adverb before an inverted subject ("never did he hit her") and a
cue straight before the verb ("nobody shot her") still negate."""

from __future__ import annotations

import pytest

from bot.warnings.rules import default_ruleset
from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "When she said nothing he shot her twice in the chest and walked out.",
        "He asked where the money was, and when the old man answered nothing he stabbed him in the stomach.",
    ],
)
def test_a_noun_cue_before_a_new_subject_does_not_negate_the_act(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nobody shot her. She walked out of the bank without a scratch.",
        "Never did he hit her, not once in forty years.",
    ],
)
def test_a_cue_before_the_act_or_an_inverted_subject_still_negates(text: str) -> None:
    assert "violence" not in ids(text)


@pytest.mark.parametrize(
    ("before", "negated"),
    [
        ("when she said nothing he ", False),
        ("no one she ", False),
        ("nothing he did ", True),
        ("nobody ", True),
        ("no one ", True),
        ("never did he ", True),
        ("what if he ", True),
    ],
)
def test_negation_scope_of_noun_cues(before: str, negated: bool) -> None:
    assert default_ruleset().negation.is_negated(before) is negated
