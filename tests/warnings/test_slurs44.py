"""Prejudice told without a slur (forty-fourth session, slurs44; /work/scratch/s44/docs/slurs44.md).

Each case is written in general vocabulary, not copied from a set: a disabled person shut out
"for their own safety", talked about as if a child, told they are "too young" for a cane or
offered yoga as a cure, benched for "communication issues". The same phrases with nobody
disabled in the paragraph, or said kindly of a real hazard, do not warn."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "the manager glanced at his wheelchair instead of at him and said the rooftop bar was closed to him, for his own safety.",
        "'you're far too young to need that,' the woman at the bus stop said, nodding at my cane. 'have you tried yoga?'",
        "they told the deaf striker he'd sit out the season. communication issues, the coach said, and looked away.",
        "at the interview she mentions her epilepsy and his face closes. 'we'd have concerns about reliability,' he says.",
        "my aunt watches me stim at the table and tells mum to make her normal before the wedding photos.",
        "'the trip's a safety issue,' the head said about the autistic boy. 'he can just watch the videos.'",
    ],
)
def test_a_disabled_person_shut_out_or_talked_down_to_warns(text: str) -> None:
    assert "ableism" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the instructor checked every harness twice and clipped them in, for their own safety, before the zip line.",
        "the toddler watched the older kids on the climbing wall; 'you can just watch today,' his dad said, 'you're too young to climb.'",
        "she signs to her deaf brother across the kitchen and he laughs so hard he drops the toast.",
        "the coach moved the new striker to the wing; communication issues on the pitch, he said, they'd fix it in training.",
        "grandad's wheelchair has a cup holder now and he is unbearably proud of it.",
    ],
)
def test_the_same_words_without_contempt_do_not_warn(text: str) -> None:
    assert "ableism" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "every friday the swim coach weighs the girls on the pool deck and reads the numbers out loud. 'fifty-one. up from last week, dani.'",
        "the trainees step on the scale one at a time while the manager writes each number on the whiteboard for everyone to see.",
        "her grandmother pinches a roll at her waist at the table. 'look at those hips. you'll need to lose five kilos before the wedding.'",
    ],
)
def test_a_body_weighed_in_public_or_scorned_is_body_shaming(text: str) -> None:
    assert "body-shaming" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the nurse weighs the baby on the little scale and reads the number out loud, and everyone cheers: up two hundred grams.",
        "the vet weighed him in front of us, a very offended cat, and wrote it on the whiteboard by the door.",
        "'what did you eat?' she asked, and he listed the whole menu of the new ramen place, delighted.",
        "we went whale watching and the guide said look at that belly, she's expecting a calf this spring.",
    ],
)
def test_a_weighing_or_a_body_word_without_scorn_is_not(text: str) -> None:
    assert "body-shaming" not in ids(text)
