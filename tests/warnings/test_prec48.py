"""Everyday sentences read as harms (forty-eighth session, prec48).

Each family is a rule whose shape also takes an everyday sense: a defence of women read as
sexism, a pub refusing a drunk read as racism, a war target list ending in a bare "the", a war
named as the time a habit comes from, a war retold by a guide or a teacher, a device that "died",
a song that "makes me want to die". Each is narrowed in the rules (an ``unless``, a category's
``exclude``, a frame), and each keeps harmful twins that must still warn. Every passage is new
short text written for these tests.
"""

from __future__ import annotations

import pytest

from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings.declared import Declared
from bot.warnings.engine import scan
from bot.warnings.rules import default_ruleset
from tests.warnings.passages import ids


def scene_ids(*paragraphs: str) -> set[str]:
    """The confident warnings of one scene of several paragraphs."""
    chapter = Chapter(1, None, [Scene(list(paragraphs))])
    return scan(Story(StoryMeta("t"), [chapter], "txt"), default_ruleset(), declared=Declared()).detected_ids()


# A defence of women: what a woman should be able, allowed or free to do, what she should never have to.
WOMEN_DEFENDED = [
    "A woman should be able to walk home at night without being followed.",
    "A girl should be allowed to wear what she likes and not be harassed for it.",
    "A woman should never have to choose between her job and her kids, Mum said.",
    "A woman should be paid the same as the man at the next desk, full stop.",
    "A daughter should never be made to feel she's worth less than her brothers.",
    "Girls shouldn't be afraid to put their hand up in maths, Ms Adeyemi told the governors.",
    "A girl should not be judged by how short her skirt is, the head girl said in assembly.",
]
WOMEN_DIMINISHED = [
    "A woman should not be allowed to vote, he said, her head is too full of feelings.",
    "A good wife should never answer back to her husband, my grandfather said.",
    "A respectable girl should never be seen in the pub after dark, Aunt Maud said.",
    "Women shouldn't be engineers, the foreman said, and gave the job to the lad.",
    "A proper lady should know her place and keep her opinions to herself.",
]


@pytest.mark.parametrize("text", WOMEN_DEFENDED)
def test_a_defence_of_women_is_no_sexism(text: str) -> None:
    assert "sexism" not in ids(text)


@pytest.mark.parametrize("text", WOMEN_DIMINISHED)
def test_what_a_woman_should_not_be_allowed_is_still_sexism(text: str) -> None:
    assert "sexism" in ids(text)
