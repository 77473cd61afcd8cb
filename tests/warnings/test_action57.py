"""Violence told through the action: a beating told by the weapon it was done with, and a thing thrown
at someone told by where it landed (fifty-seventh session, action57; docs/warnings-eval.md).

Each rule was written for a way of telling found missed in at least three of the ten newest read sets:
- a beating told by its weapon: beaten, hit, struck, clubbed or flogged with rifle butts, batons,
  truncheons, axe handles, iron bars, a length of pipe (the plural and the passive the older rules did not
  reach: "was taken to the camp and beaten with rifle butts", "they beat the men with batons", "was hit
  with a baton");
- a thing thrown at someone, told by how near it came: a glass, a mug, a plate or an ashtray thrown, and
  within two paragraphs the wall beside her head, past his face, missed her head by an inch.

Each twin uses the same words where nobody was hurt: a relay baton handed over, a conductor's baton, eggs
beaten with a whisk, a rolling pin; a pillow or a ball thrown past a head, plates smashed at a Greek
wedding, a juggler's bottles, a can thrown into the recycling, a lamp by the bed. They stay clean."""

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
