"""A heavy word whose lone hits are too often wrong needs a second sign (forty-sixth session, prec46).

A rule that reaches its category's threshold alone used to make a confident warning by itself. On
text nobody tuned on, most false alarms were exactly that: one heavy word ("dies") in a sense or a
frame the rules have not learned. A rule marked ``"alone": false`` is possible when it stands alone,
for an admin to judge, and confident beside a second sign. Every passage here is new short text
written for these tests, with twins that must stay as they are.
"""

from __future__ import annotations

import json

import pytest

from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings.declared import Declared
from bot.warnings.engine import scan
from bot.warnings.model import Ruleset
from bot.warnings.rules import RuleError, default_ruleset, rules_from_json


def tiers(text: str, ruleset: Ruleset | None = None) -> tuple[set[str], set[str]]:
    """The confident and the possible warnings of ``text`` as a one-paragraph story."""
    story = Story(StoryMeta("t"), [Chapter(1, None, [Scene([text])])], "txt")
    report = scan(story, ruleset or default_ruleset(), declared=Declared())
    return report.detected_ids(), report.detected_ids("possible")


def spoilers(*, alone: bool | None) -> Ruleset:
    """A rules file with a category of its own: one heavy rule (``alone`` as given, left out when
    None) and one light one."""
    heavy = {"id": "twist", "match": "twist ending", "weight": 1.0}
    if alone is not None:
        heavy["alone"] = alone
    light = {"id": "reveal", "match": "the reveal", "weight": 0.2}
    document = {"categories": {"spoilers": {"label": "Spoilers", "rules": [heavy, light]}}}
    return rules_from_json(json.dumps(document).encode())


def test_a_heavy_rule_that_may_not_stand_alone_is_only_possible_alone() -> None:
    confident, possible = tiers("The book has a twist ending, and I loved it.", spoilers(alone=False))
    assert "spoilers" not in confident
    assert "spoilers" in possible


def test_a_second_rule_beside_it_makes_it_confident() -> None:
    confident, _ = tiers("The book has a twist ending; the reveal comes in the last line.", spoilers(alone=False))
    assert "spoilers" in confident


@pytest.mark.parametrize("alone", [True, None])
def test_a_heavy_rule_stands_alone_unless_told_otherwise(alone: bool | None) -> None:
    confident, _ = tiers("The book has a twist ending, and I loved it.", spoilers(alone=alone))
    assert "spoilers" in confident


def test_the_same_rule_twice_is_no_second_sign() -> None:
    text = "The book has a twist ending. The film has a twist ending too."
    confident, possible = tiers(text, spoilers(alone=False))
    assert "spoilers" not in confident
    assert "spoilers" in possible


@pytest.mark.parametrize("value", ["no", 0, None])
def test_alone_must_be_true_or_false(value: object) -> None:
    document = {"categories": {"death": {"rules": [{"id": "x", "match": "a b c", "alone": value}]}}}
    with pytest.raises(RuleError, match="`alone` must be true or false"):
        rules_from_json(json.dumps(document).encode())


def test_alone_changes_the_fingerprint() -> None:
    assert spoilers(alone=False).fingerprint != spoilers(alone=True).fingerprint
