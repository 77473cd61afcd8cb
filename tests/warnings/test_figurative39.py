"""Deaths and abuse told without their own words, and figurative speech that must stay clean
(thirty-ninth session; docs/warnings-eval.md, "Thirty-ninth session").

A death is told by how the news is broken ("he wouldn't have suffered", "nothing anybody could
have done", "that she'd passed"), by the customs around a body (pennies on the eyes, mirrors
turned to the wall), by a shape under a blanket, by who is asked to see the body; each of these
is weaker than a death word, so each needs a second sign before a warning is confident."""

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
        "the officer took his cap off in the hallway. it would have been instant, he said, she wouldn't have"
        " suffered, and there was nothing anybody could have done.",
        "the hospice nurse came out and told us quietly that she'd passed, and that it would have been very"
        " peaceful, she wouldn't have felt a thing.",
        "the police would not let her see the body, and at the service the casket stayed closed.",
        "grandmother lay in the front room with pennies on her eyes, and every mirror in the house had been"
        " turned to the wall, and the neighbours came with hams for the wake.",
        "the ventilator stopped at ten past four and nobody rushed in. a little later the nurse said he had passed.",
    ],
)
def test_a_death_told_by_the_news_and_the_customs_is_found(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "she'd passed! the driving examiner shook her hand and she screamed so loud the car park turned round.",
        "he had passed the ball before the tackle came in, and it was nothing anybody could have done about.",
        "the bus was late again and there was nothing anyone could do about it, so we sat on our bags.",
        "she stood in front of the mirror and practised her body language for the interview.",
        "the stew would have been quick if i'd used the pressure cooker. the flavour didn't suffer though.",
    ],
)
def test_the_same_words_in_everyday_use_are_no_death(text: str) -> None:
    assert "death" not in ids(text)
