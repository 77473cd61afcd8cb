"""House rules, machines and scare quotes that must stay clean, and the same shapes that still warn
(fortieth session; docs/warnings-eval.md, "Fortieth session").

Each case is written in general vocabulary, not copied from a set: a parent's rule with its reason
(homework, exam season, a school night) is not control of a partner; the same "wasn't allowed"
with no such reason, or with a second sign, still is."""

from __future__ import annotations

import pytest

from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings.declared import Declared
from bot.warnings.engine import scan
from bot.warnings.rules import default_ruleset


def ids(text: str) -> set[str]:
    chapter = Chapter(1, None, [Scene([text])])
    return scan(Story(StoryMeta("t"), [chapter], "txt"), default_ruleset(), declared=Declared()).detected_ids()


@pytest.mark.parametrize(
    "text",
    [
        "in exam season we weren't allowed to see our friends after school, and the telly went off at nine.",
        "the twins weren't allowed to go out until their chores were done, so they raced through the hoovering.",
        "i wasn't allowed to have friends over on a school night, which i thought was the end of the world.",
        "she wasn't allowed to drive until she was eighteen, so she cycled everywhere and complained about it.",
    ],
)
def test_a_house_rule_with_its_reason_is_no_abuse(text: str) -> None:
    assert "abuse" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "she wasn't allowed to work, he said, till her papers were sorted, and somehow they never were.",
        "we weren't allowed to see our friends, not even at school; he checked our phones every night.",
    ],
)
def test_not_allowed_without_a_reason_is_still_abuse(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the old printer made a noise like a goose and then it just. died. paper jammed halfway out of it.",
        "my laptop finally. died. three years of essays on it and not one backup, obviously.",
    ],
)
def test_a_machine_that_just_dot_died_is_no_death(text: str) -> None:
    """A stop inside the phrase ("it just. died.") hid it from the idioms for machines that die."""
    assert "death" not in ids(text)


def test_a_person_who_just_dot_died_is_still_a_death() -> None:
    assert "death" in ids(
        "he squeezed my hand once and then he just. died. the nurse came in and turned off the alarm."
    )
