"""Collective violence told by a call-up, a claimed attack, a fleet's battle, a night of air raids or a
burned village, and kidnapping told by a raid that carries people off, a captive held for a span of
time in a shut place, or a cell kept by a gaoler; each a `near` composition of word groups in one
paragraph (fifty-first session, war51; docs/warnings-eval.md, "Fifty-first session").

A war reaches home as a call-up (conscription papers, a draft notice) beside the war's signs (the
front, a regiment, a telegram, the lists); terrorism as a bomb, a blast or gunmen beside a claim of
responsibility; a battle in space as a fleet beside its fire and its dead; the Blitz as the raid or
the sirens beside the shelter and the morning's rubble; a massacre as a village beside fire beside
people shut in and burned or buried. A kidnapping in a raid is the young ones, the girls or the boys
taken by raiders, militia or pirates onto boats, lorries or a saddle, to be sold; a captivity is a
person held or kept for days, weeks or months in a cellar, a cell or a hold; a cell is told by its
door, the tray or bucket brought, and the days counted; a trade in people by a person sold beside a
cage, a showman, slavers or the bars.

Every text is new and written for the test. Each warning case failed before its change; each twin (a
draft of an essay and a football draft; a bath bomb somebody owns up to; a fishing fleet lost in a
storm; tornado sirens and a storm shelter; a bonfire night guy burned on the green; a village
barbecue's smoke; a sports team taking the boys to the coach; a cheese kept in a cellar for months;
a dog-sitter bringing a tray; a car sold to a collector at the market; a pony sold to a farm) stays
clean. A person sold (sold her to, bought him off, to be sold) beside captivity's signs (a cage, the
showman, slavers, the bars, a new name) is kidnapping; a car or a pony sold is not."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "The conscription papers came in March, and by May my brother was in the regiment's depot with"
        " forty other lads from the valley.",
        "Every man under forty had his draft notice by spring. The telegram about Dad came before the"
        " first snow, and Mum stopped laying his place.",
        "The bomb went off in the bus station at rush hour, glass everywhere, and by evening a group had"
        " claimed responsibility on a channel nobody had heard of.",
        "The enemy fleet dropped out of the jump in a wedge and the first torpedoes hit the station's"
        " docking ring before the alarms had finished.",
        "When the air raid started we ran for the shelter at the end of the road. In the morning the"
        " wardens were digging through the rubble where the bakery had been.",
        "Smoke still hung over the village when we came down from the hills. They had locked the"
        " villagers in the church and fired the thatch, and we buried what we could under the orchard.",
    ],
)
def test_call_up_attack_fleet_raid_and_burned_village_warn_collective_violence(text: str) -> None:
    assert "collective-violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "My first draft of the essay on the regiment's museum was too long, so I cut the bit about"
        " the medals and the football draft picks.",
        "The bath bomb fizzed pink all over the tiles and my little sister claimed responsibility"
        " before anyone could ask.",
        "The herring fleet was lost with all hands in the storm of 1881, and the town still rings"
        " the bell for the wounded pride of that year.",
        "The tornado sirens went at four and we sat in the storm shelter until the all-clear; the old"
        " barn was a ruin by morning.",
        "At the bonfire on the village green the whole town watched the guy burn, and we ate toffee"
        " apples until our teeth hurt.",
        "The smoke from the village barbecue drifted over the church while the band played, and"
        " nobody left before the fireworks.",
    ],
)
def test_drafts_bath_bombs_storms_bonfires_and_fetes_stay_clean(text: str) -> None:
    assert "collective-violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The raiders came up the estuary at dawn and took the young ones down to the boats, roped at"
        " the neck, to be sold in the south.",
        "The militia took all the girls over twelve and drove them off in two lorries into the forest.",
        "The smugglers held the magistrate's son for three weeks in the hold, and fed him when they remembered.",
        "They kept her in the cellar for months. Nobody outside knew her name any more.",
        "There are no windows. Twice a day the slot opens and a tray slides in. I have counted"
        " eleven days by the trays.",
    ],
)
def test_raid_taking_held_for_a_time_and_kept_cell_warn_kidnapping(text: str) -> None:
    assert "kidnapping" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The coach took the boys to the away match in two minibuses and the girls' team followed in the club van.",
        "We kept the cheese in the cellar for months, turning it every Sunday until the rind went grey.",
        "The dog-sitter brings a tray of biscuits every afternoon; the spare room has no windows, so"
        " we counted three days of rain before we noticed.",
        "Our escape room has a locked door, a tray of clues and a bucket of foam bricks; the record is eleven minutes.",
    ],
)
def test_teams_cheeses_sitters_and_escape_rooms_stay_clean(text: str) -> None:
    assert "kidnapping" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Her father sold her to the showman when she was nine, and she grew up in a painted cage on wheels.",
        "The slavers sold the boy at the river to men from the coast, and he never saw his mother again.",
    ],
)
def test_a_person_sold_beside_a_cage_or_slavers_warns_kidnapping(text: str) -> None:
    assert "kidnapping" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Grandad sold her to a collector at the market, the old Morris Minor, I mean, and cried all the way home.",
        "We sold the pony to a farm in Devon for three hundred pounds, with the saddle and the old horsebox.",
    ],
)
def test_cars_and_ponies_sold_stay_clean(text: str) -> None:
    assert "kidnapping" not in ids(text)
