"""Child abuse told as a carer's deprivation or confinement, by a composition of words (fiftieth
session, abuse50; /work/scratch/s50/docs/abuse50.md).

The blind gates' child-abuse misses tell the harm as what a carer takes away or where a child is put:
a bolt on the outside of the door, the cupboard or the shed, bread and water, no dinner, a plate
taken away, kneeling on rice, a mouth washed out with soap, hearing aids taken, a child left alone
for the weekend with no food in the house. ``r50-child-carer-deprived`` asks for three wide classes
anywhere in one paragraph (``@child-young`` x ``@child-carer`` x ``@child-deprived``): a child
("she was eight", the little ones, the kids), a carer (mum, stepfather, matron, the nuns, an uncle)
and a deprivation or confinement. A child found in a shed with kittens, presents hidden under the
stairs and a hungry swimmer are none of these.

Every text is new and written for the test. Each warning case failed before the change; each twin
stays clean.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "When the boy was seven his stepmother took his hearing aids every time he answered back, and he sat"
        " through tea in silence.",
        "The little ones at the home got bread and water for a week if matron heard them speak Welsh.",
        "Her dad went to the pub on Friday and left her on her own till Sunday; she was eight and there was no"
        " food in the fridge.",
        "The kids were sent to the shed when dad got in from work, and mum said it was safer there.",
    ],
)
def test_a_child_a_carer_and_a_deprivation_warn_child_abuse(text: str) -> None:
    assert "child-abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The children found the kittens in the shed and dad helped them make a bed out of an old jumper.",
        "She was nine when her mum let her walk to school on her own for the first time, and she was so hungry"
        " by lunch she ate both sandwiches.",
        "Dad hid the presents under the stairs and the kids hunted for them all Christmas morning.",
        "The girl was so hungry after swimming that her mother stopped at the chippy on the way home.",
        "The kids were sent to bed without pudding by mum after the food fight, and giggled till ten.",
    ],
)
def test_a_shed_a_hiding_place_and_a_hungry_child_stay_clean(text: str) -> None:
    assert "child-abuse" not in ids(text)
