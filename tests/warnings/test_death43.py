"""Death and grief on unseen text (forty-third session, round death43; docs/warnings-eval.md,
"### death43").

Grief told beside a death: a lone grief cue (a funeral, a keepsake) is short of grief's threshold
and stays possible, but beside a death the rules are sure of, in the same scene, it is grief
(``supported_by`` in rules.json). Every passage here is new short text written for these tests."""

from __future__ import annotations

import json

import pytest

from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings.declared import Declared
from bot.warnings.engine import scan
from bot.warnings.rules import RuleError, default_ruleset, rules_from_json
from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "Her grandfather died in the hospice on Sunday night. At the funeral she stood at the back "
        "and could not sing the hymn.",
        "The old shepherd died in his sleep that winter, and at the funeral his dog lay under the pew "
        "the whole service.",
        "My uncle died last spring. We sang his favourite song at the funeral and my aunt held my hand.",
    ],
)
def test_a_funeral_beside_a_sure_death_is_grief(text: str) -> None:
    assert {"death", "grief"} <= ids(text)


def test_a_keepsake_without_a_death_stays_possible() -> None:
    text = "She still keeps his reading glasses on the nightstand, folded, where he left them."
    report = scan(Story(StoryMeta("t"), [Chapter(1, None, [Scene([text])])], "txt"), default_ruleset())
    assert "grief" not in report.detected_ids()
    assert "grief" in report.detected_ids("possible")


def test_a_keepsake_beside_a_sure_death_is_grief() -> None:
    assert {"death", "grief"} <= ids(
        "Her grandfather died in the hospice on Sunday night. She still keeps his reading glasses on the "
        "nightstand, folded, where he left them."
    )


def test_a_death_in_another_scene_does_not_make_grief_sure() -> None:
    death = Scene(["Her grandfather died in the hospice on Sunday night, with the radio on."])
    keepsake = Scene(["She still keeps his reading glasses on the nightstand, folded, where he left them."])
    story = Story(StoryMeta("t"), [Chapter(1, None, [death, keepsake])], "txt")
    report = scan(story, default_ruleset(), declared=Declared())
    assert "death" in report.detected_ids()
    assert "grief" not in report.detected_ids()
    assert "grief" in report.detected_ids("possible")


def test_supported_by_must_name_another_category() -> None:
    for named in ("no-such-warning", "grief"):
        data = json.dumps({"categories": {"grief": {"supported_by": [named]}}}).encode()
        with pytest.raises(RuleError, match="`supported_by` names"):
            rules_from_json(data)


def test_a_category_named_twice_is_kept_once() -> None:
    data = json.dumps({"categories": {"suicide": {"supported_by": ["death"] * 1000 + ["grief", "death"]}}}).encode()
    assert rules_from_json(data).category_rules("suicide").supported_by == ("death", "grief")


def test_a_rules_file_can_add_support() -> None:
    data = json.dumps({"categories": {"suicide": {"supported_by": ["death"]}}}).encode()
    ruleset = rules_from_json(data)
    assert ruleset.category_rules("suicide").supported_by == ("death",)
    assert ruleset.category_rules("grief").supported_by == default_ruleset().category_rules("grief").supported_by
    assert ruleset.fingerprint != default_ruleset().fingerprint


@pytest.mark.parametrize(
    "text",
    [
        "The raiders torched the village at dawn and cut down everyone who ran. By noon the ash had settled "
        "and there was nobody left to bury anybody.",
        "The mob went house to house through the quarter with clubs and torches, dragging families into the "
        "street. In the morning the neighbours laid the shapes under sheets along the lane.",
    ],
)
def test_a_death_cue_in_a_massacre_is_death(text: str) -> None:
    assert {"collective-violence", "death"} <= ids(text)


def test_a_riot_without_a_death_cue_is_no_death() -> None:
    found = ids("The riot police charged the crowd with batons and tear gas, and the marchers scattered.")
    assert "death" not in found


@pytest.mark.parametrize(
    "text",
    [
        "At the clinic a midwife held her hand while they told her there was no heartbeat, and then she had "
        "to deliver him anyway.",
        "The doctor said there was no heartbeat anymore, she was so sorry, twelve weeks.",
        "At the hospital the sonographer moved the wand around for a long time without saying anything, and "
        "then the doctor came and turned the screen away.",
    ],
)
def test_a_scan_without_a_heartbeat_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


def test_no_heartbeat_at_a_roadside_still_warns() -> None:
    found = ids("The paramedic knelt over him in the road and said there was no heartbeat, and he sat back.")
    assert "death" in found


@pytest.mark.parametrize(
    "text",
    [
        "She lost the baby at ten weeks. She still keeps the tiny knitted hat in her drawer and takes it out at night.",
        "After the miscarriage she still keeps his tiny knitted hat in her drawer and takes it out at night.",
    ],
)
def test_a_keepsake_after_a_miscarriage_is_grief(text: str) -> None:
    assert {"miscarriage", "grief"} <= ids(text)


def test_a_miscarriage_without_a_grief_cue_is_no_grief() -> None:
    found = ids("She had a miscarriage at ten weeks and was back at work on Monday, filing the quarterly reports.")
    assert "miscarriage" in found
    assert "grief" not in found


@pytest.mark.parametrize(
    "text",
    [
        "The kidnappers had held the banker's son in a cellar for six weeks and the ransom was never paid. In "
        "March the police found a small shape under a tarpaulin in the woods behind the farm.",
        "The gang abducted the reporter outside his hotel and held him hostage for ransom. The last anyone saw "
        "of him alive was a video they posted in May.",
    ],
)
def test_a_death_cue_after_a_kidnapping_is_death(text: str) -> None:
    assert {"kidnapping", "death"} <= ids(text)


def test_a_hostage_who_flies_home_is_no_death() -> None:
    found = ids(
        "The gang abducted the reporter outside his hotel and held him hostage for ransom until his paper paid, "
        "and he flew home in June."
    )
    assert "kidnapping" in found
    assert "death" not in found
