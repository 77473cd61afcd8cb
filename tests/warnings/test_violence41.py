"""A shove told by where the head hit, not by a blow word (forty-first session; docs/warnings-eval.md,
"Whole stories (round 41)").

A whole story of coercive control had its one shove told as "pushes, once, hard, so the back of my
head knocks against the plaster": no rule read it, so the story got `abuse` but no `violence`. The
cases are written in general vocabulary; a pushed sofa and a wave that knocks a head stay clean."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "Without a word he pushed her back, hard, so her head knocked against the cupboard.",
        "She shoved him, twice, so his head banged into the doorframe, and walked out.",
        "he puts a hand on my chest and pushes, once, so the back of my head hits the radiator.",
    ],
)
def test_a_shove_told_by_where_the_head_hit_is_violence(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "We pushed the sofa so the back of my head knocked on the bookcase, and we both laughed.",
        "The wave pushed me so hard that my head bounced off the sand and I came up spluttering.",
    ],
)
def test_a_push_of_a_thing_or_by_the_sea_is_not(text: str) -> None:
    assert "violence" not in ids(text)
