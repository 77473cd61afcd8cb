"""Violence and collective violence told through the action: a beating told by the weapon it was done with,
a thing thrown at someone told by where it landed, a battle told by a position held, a letter from the line
(fifty-seventh session, action57; docs/warnings-eval.md).

Each rule was written for a way of telling found missed in at least three of the ten newest read sets:
- a beating told by its weapon: beaten, hit, struck, clubbed or flogged with rifle butts, batons,
  truncheons, axe handles, iron bars, a length of pipe (the plural and the passive the older rules did not
  reach: "was taken to the camp and beaten with rifle butts", "they beat the men with batons", "was hit
  with a baton");
- a thing thrown at someone, told by how near it came: a glass, a mug, a plate or an ashtray thrown, and
  within two paragraphs the wall beside her head, past his face, missed her head by an inch;
- a position held under attack, the way a soldier's memory tells a battle: held the ridge, the pass or the
  bridge for three days or until dawn, held the line against the charge, they came at us in waves, came up
  the hill blowing bugles, fired until the barrels glowed;
- a letter from the line: "we have been in the line again", "we are in the line near the wood", beside a
  death told the way a soldier writes it home (killed on Tuesday by a shell, he did not suffer, the gas came
  over, tell his mother it was quick), within two paragraphs.

Each twin uses the same words where nobody was hurt: a relay baton handed over, a conductor's baton, eggs
beaten with a whisk, a rolling pin; a pillow or a ball thrown past a head, plates smashed at a Greek
wedding, a juggler's bottles, a can thrown into the recycling, a lamp by the bed. They stay clean.
The collective-violence twins use the same words where nobody fought: a phone line held for the bank, a
defence holding the line in a cup final, zombies in waves in a game, cramps that come in waves, a bridge held
in a tabletop campaign, scouts with bugles; a queue for concert tickets, a rollercoaster, passports or a sale,
a shell suit. They stay clean.

The older `down-the-stairs` rule no longer warns on a door or a gate pushed open before someone goes down the
stairs, nor on someone pulled down the stairs on a sled or a mattress; a shove down the stairs still warns."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "They dragged him out into the lane and beat him with their rifle butts while his wife screamed.",
        "Her grandfather was taken to the camp and beaten with rifle butts until he signed the confession.",
        "The shopkeeper was pulled into the street and beaten with axe handles as the sheriff looked on.",
        "At the border the guards beat the men with batons and sent them back over the river.",
        "The boy who asked for water was hit with a baton and dragged back into the line.",
        "The strikers were clubbed with truncheons outside the factory gates.",
        "They held him down and struck him again and again with a length of pipe.",
    ],
)
def test_a_beating_told_by_its_weapon_warns_violence(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "She was hit with the baton on the last changeover of the relay and still won by a metre.",
        "The conductor struck the music stand with his baton and the choir fell silent.",
        "Beat the eggs with a whisk, then fold in the flour with a metal spoon.",
        "The dough was beaten with a rolling pin until it was thin enough to read through.",
        "We passed the baton to the new committee at the end of the year, and everyone clapped.",
        "The old rifles were hung with ribbons in the museum hall for the regiment's anniversary.",
    ],
)
def test_relays_conductors_and_kitchens_stay_clean_of_violence(text: str) -> None:
    assert "violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The glass missed her head by an inch and shattered against the kitchen wall.",
        "Once he threw a mug at the wall by your head, and you learned not to laugh at dinner.",
        "He hurled the ashtray across the room.\n\nIt smashed against the wall beside her head.",
        "She flung the plate at him and it sailed past his face into the hallway mirror.",
        "He threw the bottle. It burst on the door an inch from her face and she didn't move.",
    ],
)
def test_a_thing_thrown_told_by_where_it_landed_warns_violence(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "She threw a pillow past his head and it knocked the lamp off the bedside table.",
        "He threw the ball past her head and into the top corner of the net.",
        "Someone threw a plate past my head at the Greek wedding and everybody shouted opa!",
        "The juggler threw a bottle past her head and caught it behind his back.",
        "She threw the can past his head into the recycling bin from across the room. Three points!",
        "He threw his phone on the bed and lay down, the lamp by his head still on.",
    ],
)
def test_pillows_balls_and_juggled_bottles_stay_clean_of_violence(text: str) -> None:
    assert "violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "We held the ridge for three days. On the third morning there were nine of us left.",
        "The night they came over the hill blowing bugles, Grandad fired until the barrels glowed.",
        "They came at us in waves, all night, and in the morning the snow in front of the wire was full of them.",
        "The garrison held the pass for eleven days against the horde before the walls came down.",
        "He told me about the hill in winter, the enemy coming up it in the dark with bugles.",
        "The men held the line against the charge until dawn, and the captain was carried back at noon.",
    ],
)
def test_a_position_held_under_attack_warns_collective_violence(text: str) -> None:
    assert "collective-violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "I held the line for two hours waiting for the bank to pick up.",
        "The defence held the line until the final whistle and we won the cup.",
        "The zombies came at us in waves and my controller died in round nine.",
        "The cramps came in waves all night and she held a hot water bottle against her stomach.",
        "We held the bridge for three days in our campaign before the dragon ate the bard.",
        "The scouts came over the hill blowing bugles, late for the jamboree.",
    ],
)
def test_phone_queues_cup_finals_and_campaigns_stay_clean_of_collective_violence(text: str) -> None:
    assert "collective-violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dear Mother, we are in the line again near the wood. Fred was killed on Tuesday by a shell.",
        "dear mam, we have been in the line for six days. billy from the next street was killed. "
        "he did not suffer, the officer says.",
        "Dear Ma,\n\nWe have been in the line again.\n\nThe gas came over at dawn. Tell his mother it was quick.",
        "We go back into the line tomorrow. The sergeant says we lost four men to the shelling last week.",
    ],
)
def test_a_letter_from_the_line_warns_collective_violence(text: str) -> None:
    assert "collective-violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "We have been in the line for six days for the concert tickets and Mum says her feet are killing her.",
        "Dear Mum, we were in the line for the rollercoaster for two hours and Dad said the queue was killing him.",
        "The sergeant at the front desk said we were in the line for passports, and the shell suit man laughed.",
        "Dear Mother, I am back in the line for the sale again; tell Nan the shoes were worth it.",
    ],
)
def test_queues_for_tickets_and_rides_stay_clean_of_collective_violence(text: str) -> None:
    assert "collective-violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "He shoved her and she fell down the stairs.",
        "They pulled him down the steps by his collar and left him in the gutter.",
        "One shove on the landing and he went backwards down the stairs.",
    ],
)
def test_a_shove_down_the_stairs_still_warns_violence(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "He pushed the door open and went down the stairs to make coffee.",
        "She pushed the gate open and walked down the steps to the beach, humming.",
        "We pulled him down the stairs on the mattress like a toboggan, all of us shrieking.",
        "I kicked the door shut and ran down the stairs, late for the bus again.",
    ],
)
def test_a_door_pushed_open_before_the_stairs_stays_clean_of_violence(text: str) -> None:
    assert "violence" not in ids(text)
