"""Harmless senses that warned on warning-free text, narrowed by sense (fifty-sixth session, fp56;
docs/warnings-eval.md, "Fifty-sixth session").

A death wish of embarrassment: a wish to die over a bad haircut or a ringtone in a quiet room, or
"kill myself" said of what one only means by it. Three read sets tell a small mortification this
way; suicide's exclude already knew it in the first person beside a trivial thing, and now knows it
in the second person, in the past tense ("wanted to die"), with the trivial thing up to twelve words
after the wish, and "kill myself" beside "(just|only) mean". Each must-not-warn text is written for
the test and was a confident suicide warning before its change; each warned twin is the same wish
where it is real and must still warn."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "You get the worst haircut of your life two days before the wedding and you want to die. Your sister fixes it"
        " with a curling iron and you look great in the photos.",
        "I wanted to die when my ringtone went off in the middle of the recital, full volume, the Mario theme. The"
        " pianist laughed so hard she missed a bar.",
        "He wanted to die when the group chat got his voice note by mistake, the one where he practises his"
        " presentation in a fake accent.",
        'My mum says I have to stop saying "I\'m going to kill myself" when I only mean I forgot my lines, so now I'
        " say I'm going to emigrate.",
        "Honestly, the menu at this wedding, and now you want to die, because every dish is a foam. We ate chips on"
        " the way home.",
    ],
)
def test_a_death_wish_of_embarrassment_does_not_warn(text: str) -> None:
    assert "suicide" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "She didn't want to die exactly. She just kept counting the pills in the cabinet and thinking how easy it"
        " would be.",
        "The nurse asked him if he still wanted to die. He said sometimes, at night, when the ward was quiet and he"
        " thought about the bridge.",
        "After the exam results came in she wanted to die, and that night she wrote a goodbye letter to her brother"
        " and left it on his pillow.",
        "I kept telling my therapist I wanted to kill myself, and I meant it, and she asked me whether I had a plan.",
        "You want to die. You have wanted it for months, since the funeral, and tonight you stand on the bridge and"
        " look at the water.",
    ],
)
def test_a_real_death_wish_still_warns(text: str) -> None:
    assert "suicide" in ids(text)
