"""Weak signs: one category's sure finding lets another's weak signs count (fifty-fourth session, link54).

See docs/warnings-eval.md, "Fifty-fourth session", link54. A rule with ``needs`` (rules.json) is a
weak sign: "I saw my cousin go down by the fountain", "the platoon was three men short", "and then
the screaming stopped" mean nothing alone, and a death beside a battle the rules are sure of
(:mod:`bot.warnings.support`). What this file holds: the invariants (with no weak sign supported a
scan is exactly what it was without the weak rules; support never removes a warning or lowers a
tier; a finding made from weak signs lends no support), the loader's checks of ``needs``, the
reach of support (same scene, :data:`bot.warnings.support.SUPPORT_CHARS`), sentences of our own
that warn with their harmless twins (a war film watched, a history lesson, a re-enactment, a game
raid, a rugby match), and a hostile upload of a million short lines costing about its scan
without the weak rules.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings import support
from bot.warnings.declared import Declared
from bot.warnings.engine import CONFIDENT, POSSIBLE, ScanReport, scan, scoring_key
from bot.warnings.model import RuleError, Ruleset
from bot.warnings.rules import default_ruleset, rules_from_json
from tests.warnings.weak_cost import scan_seconds


def _story(*scenes: list[str]) -> Story:
    return Story(StoryMeta("t"), [Chapter(1, None, [Scene(list(scene)) for scene in scenes])], "txt")


def _without_weak_signs() -> Ruleset:
    rules = default_ruleset()
    return rules.extended(disabled_rules=[rule.id for rule in rules.rules if rule.needs])


def _scan(story: Story, ruleset: Ruleset | None = None) -> ScanReport:
    return scan(story, ruleset or default_ruleset(), declared=Declared())


def test_the_shipped_weak_signs_of_death_need_a_sure_battle() -> None:
    """Other categories' weak signs (grief beside a death, homophobia beside a beating): test_link55."""
    weak = [rule for rule in default_ruleset().rules if rule.needs and rule.category == "death"]
    assert weak
    assert all(rule.needs == ("collective-violence",) for rule in weak)


def test_scoring_key_names_the_support_setting() -> None:
    assert f"support={support.SUPPORT_CHARS}" in scoring_key()


# Invariants. Lines of battle words, weak signs and ordinary words, in one or two scenes.

_WORDS = [
    "the",
    "soldiers",
    "army",
    "militia",
    "fired",
    "into",
    "crowd",
    "shelling",
    "village",
    "burned",
    "massacred",
    "villagers",
    "I",
    "saw",
    "my",
    "cousin",
    "go",
    "down",
    "platoon",
    "was",
    "three",
    "men",
    "short",
    "then",
    "screaming",
    "stopped",
    "nothing",
    "nobody",
    "got",
    "off",
    "train",
    "bodies",
    "moved",
    "died",
    "grief",
    "funeral",
    "film",
    "game",
    "and",
    "a",
]
_LINE = st.lists(st.sampled_from(_WORDS), min_size=3, max_size=18).map(lambda words: " ".join(words) + ".")


def _records_equal(story: Story) -> tuple[ScanReport, ScanReport]:
    return _scan(story), _scan(story, _without_weak_signs())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, min_size=1, max_size=5), st.lists(_LINE, max_size=3))
@example(["the massacred grief."], ["soldiers three short."])  # a weak sign's death once took its grief away
def test_support_never_removes_a_warning_nor_lowers_its_tier(first: list[str], second: list[str]) -> None:
    story = _story(first, second) if second else _story(first)
    now, before = _records_equal(story)
    assert now.detected_ids(CONFIDENT) >= before.detected_ids(CONFIDENT)
    assert now.detected_ids("both") >= before.detected_ids("both")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, min_size=1, max_size=5))
def test_without_a_sure_supporting_category_a_scan_is_exactly_as_before(lines: list[str]) -> None:
    story = _story(lines)
    before = _scan(story, _without_weak_signs())
    if "collective-violence" in before.detected_ids(CONFIDENT):
        return  # support may add here; the test above covers it
    assert _scan(story).to_record() == before.to_record()


@pytest.mark.parametrize(
    "lines",
    [
        ["The wedding was lovely and nobody got off the dance floor all night."],
        ["I saw my cousin go down the slide at the park, screaming with joy, and then the screaming stopped."],
        ["We were three men short for the five-a-side, so Dad played in goal."],
    ],
)
def test_weak_signs_alone_scan_exactly_as_without_them(lines: list[str]) -> None:
    story = _story(lines)
    assert _scan(story).to_record() == _scan(story, _without_weak_signs()).to_record()


def test_a_death_found_from_weak_signs_does_not_make_its_grief_sure() -> None:
    """A possible grief beside a death read only from weak signs stays possible (no chains)."""
    document = {
        "categories": {
            "battle": {"label": "Battle", "rules": [{"id": "b", "match": "the cannons roared"}]},
            "loss": {
                "label": "Loss",
                "rules": [{"id": "weak", "match": "did not come home", "needs": ["battle"], "negatable": False}],
            },
            "sorrow": {
                "label": "Sorrow",
                "supported_by": ["loss"],
                "rules": [{"id": "s", "match": "she wept", "weight": 0.6}],
            },
        }
    }
    ruleset = rules_from_json(json.dumps(document).encode(), default_ruleset())
    report = _scan(_story(["The cannons roared all day. He did not come home. She wept."]), ruleset)
    assert {"battle", "loss"} <= report.detected_ids(CONFIDENT)
    assert "sorrow" in report.detected_ids(POSSIBLE)
    assert "sorrow" not in report.detected_ids(CONFIDENT)


def _custom(needs: object, weight: float = 1.0) -> Ruleset:
    document = {
        "categories": {
            "battle": {"label": "Battle", "rules": [{"id": "b", "match": "the cannons roared"}]},
            "loss": {
                "label": "Loss",
                "rules": [
                    {"id": "weak", "match": "did not come home", "needs": needs, "weight": weight, "negatable": False}
                ],
            },
        }
    }
    return rules_from_json(json.dumps(document).encode(), default_ruleset())


def test_a_weak_sign_counts_beside_its_supporter_in_the_same_scene() -> None:
    ruleset = _custom(["battle"])
    assert "loss" in _scan(_story(["The cannons roared all day.", "He did not come home."]), ruleset).detected_ids()
    assert "loss" not in _scan(_story(["He did not come home."]), ruleset).detected_ids("both")
    # Another scene: no support.
    split = _story(["The cannons roared all day."], ["He did not come home."])
    assert "loss" not in _scan(split, ruleset).detected_ids("both")


def test_a_weak_sign_farther_than_the_support_reach_does_not_count() -> None:
    ruleset = _custom(["battle"])
    filler = ["The kettle boiled and the cat slept on the mat by the window all afternoon. " * 4] * 8
    far = _story(["The cannons roared all day.", *filler, "He did not come home."])
    assert sum(map(len, filler)) > support.SUPPORT_CHARS
    assert "loss" not in _scan(far, ruleset).detected_ids("both")


def test_a_light_weak_sign_is_possible_and_its_evidence_is_its_own_words() -> None:
    report = _scan(_story(["The cannons roared all day. He did not come home."]), _custom(["battle"], 0.6))
    assert "loss" in report.detected_ids(POSSIBLE)
    (found,) = [warning for warning in report.possible if warning.id == "loss"]
    assert any("did not come home" in item.text for item in found.evidence)


@pytest.mark.parametrize(
    ("needs", "message"),
    [
        (["nowhere"], "not another category"),
        (["loss"], "not another category"),
        ("", "empty string"),
        ([3], "list of strings"),
    ],
)
def test_needs_must_name_other_categories(needs: object, message: str) -> None:
    with pytest.raises(RuleError, match=message):
        _custom(needs)


# Sentences of our own: a battle the rules are sure of, and a death told only by a weak sign.

WARN = [
    "The rebels stormed the barricade at dawn and the soldiers fired into the crowd. I saw my cousin go down by the fountain.",
    "The shelling went on all night along the front. At roll call in the morning the platoon was three men short.",
    "The militia burned the village and shot at anyone who ran. In the morning the women were turning over the ones who had not got away.",
    "The army opened fire on the marchers in the square. Somewhere a man was screaming for his mother, and then the screaming stopped.",
    "Partisans blew the rail line and the soldiers took the town back by nightfall. When the train pulled in at last, nobody got off.",
    "The bombing raid flattened the market. The firemen were lifting something out of the rubble, and Mum turned my face away.",
    "The troops went house to house through the village with rifles, and Ana hid under the stairs. She heard her father shout, and then nothing.",
    "The regiment was cut to pieces on the ridge by the enemy guns. She keeps his tags in a tin under her bed.",
    "The battle for the bridge went on all afternoon, the soldiers firing from both banks. I saw my brother go down on the far side.",
]

TWINS = [
    "The rugby match was brutal. I saw my cousin go down in the scrum and he got up laughing.",
    "At the sleepover roll call we were three kids short because they were hiding in the garden.",
    "In the war film the soldiers fired into the crowd, and I saw the hero go down by the fountain. We ate popcorn.",
    "In history lesson we read about the siege and the shelling of the trenches; the teacher said only two of the platoon came back from the push.",
    "At the battle re-enactment the soldiers fired blanks into the field and the men fell in the mud and did not get up until the whistle.",
    "Our guild raid on the castle went badly; the army of bots fired at us and I saw our healer go down. We respawned and tried again.",
    "The campfire story was over, and then the screaming stopped as the kids fell asleep.",
    "The kids played soldiers in the garden with water guns and my brother fell down and didn't get up until tea.",
    "The train pulled in at the seaside terminus and nobody got off; it was raining and the season was over.",
]


@pytest.mark.parametrize("text", WARN)
def test_a_death_told_by_a_weak_sign_beside_a_battle_warns(text: str) -> None:
    story = _story([text])
    assert "death" in _scan(story).detected_ids(CONFIDENT)
    assert "death" not in _scan(story, _without_weak_signs()).detected_ids(CONFIDENT)


@pytest.mark.parametrize("text", TWINS)
def test_the_same_signs_with_no_battle_or_a_battle_of_play_do_not(text: str) -> None:
    assert "death" not in _scan(_story([text])).detected_ids("both")


# Speed: the support step reads hits already found; a million short lines cost about their scan
# without the weak rules (which the matcher reads in the same pass as every other rule).

_LINES = [
    "the soldiers fired into the crowd.",
    "the shelling of the village went on.",
    "i saw him go down.",
    "then the screaming stopped.",
    "we were three men short.",
    "and then nothing.",
    "nobody got off.",
    "the militia burned the houses.",
    "he died.",
    "the bodies.",
]


def test_a_million_short_lines_of_battle_and_weak_signs_cost_about_their_scan_before() -> None:
    before, now = scan_seconds(_LINES, 1_000_000, seed=54, disabled=None)
    assert now <= 1.5 * before + 0.5, (before, now)
