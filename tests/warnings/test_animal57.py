"""Animal death: false alarms of three rules narrowed (fifty-seventh session, animal57).

The rules kept warning where an animal stood near a death or a burial that was not its own:
- `roadkill` read "a slaughterhouse" said of a massacre, a name after a comma ("a fossil is DEAD, rook")
  and a dead rat left on a doorstep or in a lunch tin as a threat; now the figure ("the square was a
  slaughterhouse"), a word after "is/was dead" and a dead rat or mouse planted on a doorstep, a porch, in
  a locker or a lunch box are left out, while a dead dog held, a carcass and horses eaten in a siege warn;
- `pet-burial` warned for a burial that did not happen ("we didn't bury them") and a person who went
  still or did not wake up while goats or gulls were about; now a burial denied cancels, and "went
  still", "lay still", "never got up again" and "didn't wake up" count only within ten words after the
  animal. "bury it" stays: taking it out cleared a dog burying a ribbon and a song "buried", but lost a
  true warning on the hold-out, a pet buried as "it";
- `pet-found` warned when a grandmother's hand was still warm or she did not wake while a bird or a goat
  was named in the paragraph; a person named as the one still warm or not waking cancels it.

Left for later: a person buried ("buried him up on the bluff") in a paragraph that names his horse, and a
plant's mock funeral with the cat in the room, still warn through `pet-burial`.

The true passages (a dog buried under the apple tree, a hen that went still, a dead fox on the verge)
still warn; each twin uses the same words for a person or a figure and stays clean."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "The old collie lay down by the back door on Sunday and never got up again. We buried him by the shed.",
        "Our rabbit went still in my hands at six in the morning, and Mum helped me bury her under the lilac.",
        "The hen was lying by the trough with her neck wrong. He buried her beside the fence and cried.",
        "Pepper the cat never woke up from her nap on the radiator. We dug a grave for her in the garden.",
        "They found the spaniel in the ditch on the way home and buried him at the bottom of the field.",
        "the three old ewes didn't wake up after the frost and dad buried them behind the barn with the tractor.",
    ],
)
def test_an_animal_buried_or_gone_still_warns(text: str) -> None:
    assert "animal-death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "We passed the farm with the goats by the road. Grandad went still in his chair that night, and Nan"
        " sat with him until the doctor came.",
        "We had no time, the sergeant said. We didn't bury them, and the chickens were still scratching in the"
        " yard when we marched out.",
        "In the morning her grandmother didn't wake up. The goats were bleating at the gate, so we let them out.",
        "The crowd went quiet and the hanged man went still at last, and the gulls wheeled over the harbour.",
    ],
)
def test_a_person_near_an_animal_stays_clean(text: str) -> None:
    assert "animal-death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "There was a dead fox on the verge outside the school, and the little ones cried all the way past it.",
        "By the third week of the siege they were eating the horses.",
        "The deer carcass was still in the road in the morning, and the crows had found it.",
        "She was found the next day under the cart, holding a dead dog against her chest.",
    ],
)
def test_a_dead_animal_told_plainly_still_warns(text: str) -> None:
    assert "animal-death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "By noon the market square was a slaughterhouse, and the soldiers were still firing into the crowd.",
        '"The band is finished." "A band is dead, crow, it doesn\'t come back for an encore."',
        "The morning after the vote there was a dead rat on the doorstep and a note nobody signed.",
        "Someone put a dead mouse in her locker after she reported the foreman, and nobody saw who.",
    ],
)
def test_a_massacre_figure_a_name_and_a_rat_left_as_a_threat_stay_clean(text: str) -> None:
    assert "animal-death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Her dog didn't get up when she came home. He was still warm in his basket, his grey muzzle on his paws.",
        "The old pony lay in the straw of her stall, still warm, and did not wake when the vet came.",
    ],
)
def test_a_pet_found_still_warm_warns(text: str) -> None:
    assert "animal-death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The monitor chirped like a small bird all night. Her grandmother's hand was still warm in hers when it"
        " stopped, and she kept holding it, old and thin, until the nurse came.",
        "We walked with the goats for three days. On the fourth morning the old man didn't wake up, and we"
        " cried by the fire.",
    ],
)
def test_a_person_still_warm_beside_a_bird_or_goats_stays_clean(text: str) -> None:
    assert "animal-death" not in ids(text)
