"""Deaths that are a game's, a podcast's or a novel's (forty-fourth session; fp44b's section of
docs/warnings-eval.md).

Each case is new synthetic text in general vocabulary, not copied from a set. A player who dies
to a boss on a livestream, a true-crime podcast on in the car and a crime novelist at work on
her next book tell no death; the same words with a death of a person beside no such sign still
warn."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "The new horror game is brutal. He died in the first corridor and then he died again on the stairs, and my little brother laughed until he cried.",
        "We had the true crime podcast on for the whole drive, the one about the farmer who was murdered in his barn, and Dad kept guessing the killer wrong.",
        'Her publisher wants the manuscript by March. "Are you murdering people again?" her son asks at breakfast. "Only the butler," she says.',
        "guys the patch notes are out and they nerfed my main. he was murdering everyone before. rip to a legend.",
        "patch day. they nerfed the sniper and honestly good, he was killing everyone from across the map.",
    ],
)
def test_a_game_a_podcast_or_a_novel_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "My brother died in the hospital last night; the nurses let us sit with him until the end.",
        "The farmer was murdered in his barn, and his wife found the body at dawn.",
        "She died on the stairs of the old house, and the ambulance came too late.",
        "The soldiers were murdering everyone in the village, and her father was killed at the door.",
    ],
)
def test_a_death_told_plainly_still_warns(text: str) -> None:
    assert "death" in ids(text)
