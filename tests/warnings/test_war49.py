"""Death where many die, told without "died" (forty-ninth session, war49; /work/scratch/s49/docs/war49.md).

A war or a massacre tells its dead by what is left: men in the reeds who are not moving, graves in a
trench above the village, a caretaker who dug for three days, a chapel bell rung for each name, a
roll call that half the names do not answer, a neighbour gone in a flash, a woman face down in the
street after the gunmen. Two `near` rules of words: a war marker anywhere in the paragraph (the
shelling, the militia, the regiment, bombers, a drone strike, the guns) times a word of the dead
(bodies, graves, killed, buried, dug for days, the bell, never came back) is a death by itself; times
a word of the lost or the still (lying face down, no answer at the roll, gone in a flash, pulled from
the rubble) it is possible only, and confident beside a collective violence sure in its scene (death
is `supported_by` it).

The twins keep a war's words where nobody dies: a history lesson, a war film watched on a sofa, a
pillow war, paintball, a school match called a massacre, a re-enactment, a video game's respawn, a
veteran's badge on a shelf, a regiment that came home. Every text here is written for the test."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        # war x the dead
        "When the shelling stopped we went back down to the river. The reeds along the bank were full of "
        "men who were not moving, and the crows had found them first.",
        "The militia came through the valley in the spring. In the autumn a shepherd found the long trench "
        "above the village, and the graves in it were shallow.",
        "Three days after the air raid they were still digging at the school. The caretaker dug for three "
        "days without sleeping, and on the fourth he sat down on the kerb.",
        "The regiment drilled at the depot for six weeks. At the river crossing the machine guns caught them "
        "in the water, and for a month the chapel bell rang every evening for another name.",
        # war x the lost, beside a sure collective violence
        "The battalion went over at dawn into the machine guns on the ridge. When the roll was called that "
        "night, half the names got no answer.",
        "The gunmen went through the market firing into the crowd. Afterwards the flower seller was lying "
        "face down in the street beside her buckets.",
        "The bombers came back every night that winter. The Novak boy, who had carried our coal, was gone "
        "in a flash with the corner shop.",
    ],
)
def test_the_dead_of_a_war_warn_death(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "In history today Mr Bell told us the regiment crossed the river at dawn, and we had to copy the map "
        "of the trenches. Priya drew the graves as little crosses.",
        "We watched the war film at Dan's. The soldiers went over the top, the bodies were obviously extras "
        "lying in the mud, and Dan threw popcorn at the screen.",
        "The pillow war raged across the living room, plushies for artillery, until Mia flopped onto the "
        "sofa and announced that there were casualties everywhere.",
        "At paintball the enemy team had snipers in the trees, and all four of us were shot within a "
        "minute. We walked back to the hut covered in blue paint, laughing.",
        "The under-twelves got slaughtered by the grammar school. It was a massacre, bodies everywhere in "
        "the mud every time the ball came near the goal.",
        "The re-enactment society fought the battle again on the village green. At four o'clock the "
        "soldiers lay down where they fell and the crowd clapped politely.",
        "On the last level the enemy snipers kill my squad again and the bodies just vanish, so I respawn "
        "and try the bridge one more time.",
        "Grandad keeps his regiment badge on the shelf beside the clock. He was never sent to the front; he "
        "spent the war mending radios in Leeds and still grumbles about the tea.",
        "The soldiers came home on Friday and the whole street came out with bunting. Every one of them was "
        "back, even Tam, who had sworn he would never come home to this town.",
    ],
)
def test_a_wars_words_where_nobody_dies_stay_clean(text: str) -> None:
    assert "death" not in ids(text)
