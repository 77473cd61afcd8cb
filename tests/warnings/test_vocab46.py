"""Harms told through how people are treated, written from what the harms are rather than mined
from a set (forty-sixth session, vocab46; docs/warnings-eval.md, "Forty-sixth session").

Each behaviour is a weak sign (0.5 unless said): one alone never warns, two different ones in a
scene do. Every text is new, short and in general words, written for the test; each warning case
failed before its change, and each twin (a parent's rule, a joke, a shared habit) stays clean."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids

# Abuse: coercive control (the phone answered or handed over, errands timed, friends said to be
# against them, a job given up), fear (relief when he is away, the house made ready, apologising
# first), threats (custody, having her committed) and the cycle ("I'd never hurt you on purpose").
# Each reads only words no older abuse rule reads, so one phrase is never counted twice.


@pytest.mark.parametrize(
    "text",
    [
        # the phone answered for her, and the relief when he is away
        "he answered her phone for her when her sister rang. the weekend he was away on a job she slept "
        "through the night for the first time in months.",
        # the phone handed over, and the friends said to be against them
        "every night he makes her hand over the phone and scrolls through her messages at the table. "
        "he says her friends are trying to split them up, so she stopped calling them.",
        # a job given up, and the house made ready for him
        "he made her give up her job at the school. everything has to be spotless before he gets home, "
        "the kids quiet and dinner on the table.",
        # the gift after, and the relief when he is gone
        "the morning after there were roses on the counter and a card that said i'd never hurt you on "
        "purpose. the week he was away for work she slept through the night for the first time in months.",
        # a job given up, and a threat over the children
        "he made her quit her job at the bakery, and when she talked about leaving he said she would "
        "never see the kids again.",
        # her memory doubted, and the messages deleted before he comes home
        "he tells her she's been imagining things again. she deletes the texts from her sister before "
        "he gets home, and clears the call log too.",
    ],
)
def test_abuse_told_by_control_fear_and_threats_warns(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # a parent's bedtime rule
        "mum takes my phone at ten every night and puts it on the charger downstairs. so unfair.",
        # a joke about the thermostat
        '"you\'re so controlling," jade laughed, when priya turned the heating back down to nineteen.',
        # a shared location by agreement
        "we share our locations so she knows when i've landed. it was her idea, after the airport thing.",
        # an anniversary
        "he brought her roses for their anniversary and they ate on the balcony until it got dark.",
        # a coach with a stopwatch
        "the coach timed every lap and yelled our splits until the whistle went.",
        # a trip away missed
        "the week he was away for work she slept badly, and called him every night before bed.",
    ],
)
def test_abuse_twins_stay_clean(text: str) -> None:
    assert "abuse" not in ids(text)
