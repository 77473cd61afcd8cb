"""Kidnapping told by the words of a taking, a holding and a captor's terms, and collective violence by
attackers beside a burned place, each a wide class of words anywhere in one paragraph (fiftieth session,
kidnap50; /work/scratch/s50/docs/kidnap50.md).

A captive is told by a restraint put on a person (wrists roped, a sack over the head, mag-cuffs, chained
at the ankle) beside a place they are shut in (the hold, a brig, a cellar, the boot of a car, a cell); or
by a restraint beside a taking (the girls were taken, they hauled him off); or by a taking or a captor
beside the terms (a ransom, "tell him the price", "or we send her back in pieces"); or by a shut place
beside the terms. Each class alone is everyday speech; two of them in one paragraph rarely are. Many
harmed together is told by those who came (a mob, raiders, soldiers, men with clubs, dragons) beside what
fire leaves (burning, ash, smoke, rubble) beside a community's places (the village, the church, the shops,
the thatch, the granary).

Every text is new and written for the test. Each warning case failed before its change; each twin (a
climbing rope in a barn, a magician's chained escape on a stage, a birthday "kidnapping", a cat and its
ransom, a parcel taken to the van, a rowing crew's shed; a village fete's hog roast, riders past a garden
bonfire, a mill fire's dead, re-enactors by a burger van; an escape room's padlock, bikes in a shed, a
shipping-container cafe's prices) stays clean."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "The smugglers kept the girl below decks for a week, a cord round her wrists, and fed her through"
        " the grate when they remembered.",
        "When the hood came off he was in a windowless room with a bolted door. His ankles were still"
        " taped to the legs of the chair.",
        "she woke with cable ties biting her wrists and the smell of diesel, curled in the boot of a moving car.",
        "The orc patrol caught the scout at the ford. They roped his hands behind him, hauled him off his"
        " pony and marched him north with the others.",
        "Two days after they took the banker's son a letter came to the house: fifty thousand in gold, or"
        " we send him back to you in pieces.",
        "The pirates held the governor's daughter on their island. 'Tell your father the price,' the"
        " captain said, 'and tell him we are patient men.'",
        "They kept the courier in a shipping container on the quay and told his boss he had until Sunday to"
        " bring back what he owed.",
        "The van's back was windowless. 'Call your father,' the woman said through the grille, 'and tell him"
        " the price.'",
    ],
)
def test_a_restraint_a_shut_place_a_taking_or_terms_warn_kidnapping(text: str) -> None:
    assert "kidnapping" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "We coiled the climbing rope in the barn, tied our boots together by the laces and hung them on a nail.",
        "The magician was chained at the wrists and lowered into the water tank while the audience at the"
        " theatre counted aloud.",
        "We kidnapped Priya for her birthday: a blindfold in the car and then a surprise picnic by the lake.",
        "The cat kidnapped my sock again and is holding it for ransom under the bed until treats are paid.",
        "The courier took the parcel to the van, and I signed for the boxes in the hall before the rain came.",
        "The rowing crew stored the oars in the boat shed, tied the hull down with straps and locked up.",
        "After the storm took the roof, the insurers said it would cost fifty thousand, or we could move out.",
        "The escape room's cellar had a padlock and a clue: the ransom note spelled the code backwards.",
        "We locked the bikes in the shed and told Dad we'd pay him back what we owed by Sunday.",
        "The shipping container cafe on the quay sells coffee until midnight, and the owner says the price is fair.",
    ],
)
def test_everyday_ropes_tanks_games_and_sums_stay_clean(text: str) -> None:
    assert "kidnapping" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The horsemen rode into the hamlet at first light. By noon the barns were ablaze and the chapel roof had"
        " fallen in on whoever had hidden there.",
        "Men with clubs came over the bridge after dark, and by the time the sun rose the shops on Mill Lane"
        " were burnt out, one after another.",
        "The dragons came down on the harbour town at dusk; by dark the granary was burning and the fishing"
        " boats drifted out empty.",
    ],
)
def test_attackers_beside_a_burned_place_warn_collective_violence(text: str) -> None:
    assert "collective-violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "They came up the lane to the village fete, the smoke from the hog roast drifting over the church.",
        "The riders trotted past the old houses of the town while someone burned leaves in a garden.",
        "At the bonfire on the village green the whole town cheered the fireworks and the children waved sparklers.",
        "The mill fire burned all night. Twelve dead, the paper said, most of them girls who worked the top floor.",
        "The re-enactors in militia coats marched through the village square past the smoke of the burger van.",
    ],
)
def test_fetes_riders_bonfires_accidents_and_re_enactors_stay_clean(text: str) -> None:
    assert "collective-violence" not in ids(text)
