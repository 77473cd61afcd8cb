"""Death false alarms of whole stories nobody on the project wrote (forty-second session;
docs/warnings-eval.md, "Forty-second session", "deathfp42").

Each case is new synthetic text in general vocabulary, not copied from a story or a set. Change 1:
figures of speech. A runner who feels like a corpse (a corpse would be quicker), a cook standing over a ruined cake like a
mourner at a graveside, notes neat enough to hang in a gallery are hyperbole and similes; a corpse found, mourners at a real graveside, a man hanged and a
burial told plainly still warn."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "Mile twenty-two and my legs had gone. 'I feel like a corpse,' I told the water station. 'A corpse would be quicker.'",
        '"Move it!" the coach yelled from the side of the pool. "A corpse could swim faster than that!"',
        "The loaf sank in the middle. Tom stood over it like a mourner at a graveside, and the judges pretended not to look.",
        "Her revision cards were so tidy you could have hung them in a gallery, and she had colour-coded every single one.",
    ],
)
def test_a_figure_of_speech_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "A dog walker found a corpse in the reeds by the towpath at dawn, and the police closed the path all day.",
        "The mourners stood at the graveside in the rain while the coffin was lowered and the vicar read the words.",
        "They hanged him from the oak in the square at first light, and left him there as a warning to the village.",
        "We buried him under the yew in the churchyard beside his wife, and the whole street came to the funeral.",
    ],
)
def test_the_same_words_told_plainly_are_death(text: str) -> None:
    assert "death" in ids(text)
