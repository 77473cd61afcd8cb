"""Violence told through how the blow lands, by compositions of words (fiftieth session, violence50;
/work/scratch/s50/docs/violence50.md).

The last blind gates' violence misses fired no rule because each told the harm its own way: a pool
cue laid across a face and a man on the baize spitting teeth, a cuff across the mouth, a woman at the
foot of the stairs whom "nobody believed had fallen". These rules ask for wide classes of words
anywhere in one paragraph:

- a weapon (a blade, a bat, a bottle, a gun, a crowbar ...) x a person going down (went down hard,
  staggered, crumpled, to his knees, hit the floor) x a hurt (blood, teeth, broken, screamed,
  holding his face);
- the stairs x a claim of a fall (clumsy, she tripped) x an injury (a wrong angle, broken, A&E) x a
  quarrel (an argument, shouting, his hand);

and one short phrase: a cuff, clip or backhander across or round the mouth, ear or face.

Every text is new and written for the test. Each warning case failed before the change; each twin (a
cricket match, a fall in the snow on the way to A&E, a fall on the ice, a held hand, a mare put down,
an earring) stays clean.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "Dean had the snooker cue by the thin end before anyone moved. The lad went down hard against the"
        " jukebox, holding his mouth, and there was blood on the carpet.",
        "the second man drew a knife and her brother staggered back a step, then sank to his knees with the"
        " red spreading under his shirt.",
    ],
)
def test_a_weapon_a_person_going_down_and_a_hurt_warn_violence(text: str) -> None:
    assert "violence" in ids(text)


def test_a_fall_down_the_stairs_covered_as_clumsiness_warns_violence() -> None:
    text = (
        "Nobody believed she'd slipped. There had been an argument on the landing, his voice, then the long"
        " thump of the steps. 'She's clumsy,' he told the paramedics. Her ankle was at a wrong angle."
    )
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Her uncle gave her a clout round the ear for answering back at the table.",
        "He got a backhander across the mouth for asking where the money went.",
    ],
)
def test_a_cuff_or_clout_round_the_head_warns_violence(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Priya swung the cricket bat, the ball cracked off the edge and the keeper hit the ground diving for it.",
        "She fell down the back steps in the snow and broke her wrist; Dad drove her to A&E, shouting at the"
        " sat-nav the whole way.",
        "She slipped on the ice outside the chemist's and went down hard; her wrist was broken and the bruise"
        " stayed for a month.",
        "He held her hand until she fell asleep, then drew the curtains and went down to make the tea.",
        "The mare went down in the ditch with her leg broken, and Dad walked back to the truck for the rifle.",
        "She wore a silver clip on the ear and a ring on every finger.",
    ],
)
def test_everyday_and_play_twins_stay_clean(text: str) -> None:
    assert "violence" not in ids(text)
