"""Mental illness, suicide and self-harm told without the clinical word (forty-fourth session,
round mind44; docs/warnings-eval.md, "### mind44").

A panic attack is told by the body more often than by its name: breath that will not come in one
sentence, numb hands or a tilting room or counting tiles in the next. Each sign alone is everyday
(a laugh that leaves you unable to breathe, cold hands in winter), so the rules ask for both in one
paragraph. Every passage here is new short text written for these tests; the twins beside them are
the same everyday signs on their own, or figures of speech, and must stay clean."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "halfway down the queue at the post office my chest goes tight and my fingers go numb, and "
        "i stand there holding a parcel i can't feel.",
        "He couldn't get enough air. The bus floor tilted under his trainers and he gripped the pole.",
        "She's breathing too fast and she knows it. She counts the ceiling tiles, the way the nurse "
        "showed her, nineteen, twenty, twenty-one.",
        "you can't catch your breath in the canteen queue and you're suddenly sure you're dying, here, "
        "next to the jelly cups.",
        "The lift stops between floors and his throat locks up. The walls are closing in, and his "
        "sister's voice on the phone comes from very far away.",
    ],
)
def test_a_panic_attack_told_by_the_body_is_mental_illness(text: str) -> None:
    assert "mental-illness" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "i laughed so hard at the goat video i couldn't breathe, my sister had to take my phone off me.",
        "It was minus ten at the bus stop and my fingers went numb inside my gloves.",
        "He counts the ceiling tiles in the dentist's chair while she scrapes at his molar.",
        "She kissed him in the rain and he forgot how to breathe, his heart pounding like a drum.",
        "After the last sprint he couldn't breathe, bent double on the track with his hands on his knees.",
    ],
)
def test_one_sign_alone_or_a_figure_of_speech_is_not_mental_illness(text: str) -> None:
    assert "mental-illness" not in ids(text)
