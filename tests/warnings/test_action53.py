"""Violence, kidnapping and collective violence told through what is done, not named (fifty-third
session, action53; docs/warnings-eval.md, "Fifty-third session").

Written from a probe list of the ways these harms are told, before any miss was read. Each rule is a
`near` composition of who, what is done and its sign of harm, or a narrow phrase.

Violence: a face or head slammed into a wall, a table or the brickwork; a beating with a tool, hoses or
until someone confesses; a pillow held over a face until the struggling stops; a blade driven into a
throat or between the ribs and its sign (the hilt, the struggle stopping); a stabbing or an assault on a
police or ambulance call.

Kidnapping: a person bundled or forced into a car, van or boot beside a scream, a gun or nobody seeing
them again; snatched on the way home and held in a place; meals slid under a door and the days counted;
not knowing how long, down here, and the one who comes once a day; "we have him" beside "tell no one" or
a deadline; a cloth over the mouth and the world going dark; a proof-of-life video with today's paper; a
person kept locked in an attic or a container for years; not come home beside a stranger or a car; a
child grabbed off the swings into a car; a hostage situation beside the gun and the bank; people on the
floor with their hands on their heads beside a rifle; a person taken from a house or a nursery beside a
note, a ladder or "we don't know where"; men who came to take someone to an institution or a camp; a
captor's lie that nobody is looking for her beside the cellar; an amber alert beside the child or the
car.

Collective violence: refugees on the road; a radio call taking fire beside a grid or a treeline; a named
battle beside the wire and the shells; curfew beside patrols that shoot; the camp and its guards beside
those who did not come back; families sheltering in the metro while the city burns; a riot with iron bars
and petrol bombs in the streets; a massacre beside soldiers, villagers or the dead; a shield wall or a
volley beside weapons and the fallen. A market bomb is no longer silenced by "the stalls" read as a
theatre's (the frame is now "in the stalls", "from the stalls").

Each twin uses the same words where nobody is hurt or taken (a roast carved between the ribs, a pillow
screamed into, a door caught by the wind, a kid caught off the swings before she fell, a library
basement, a lost-property jumper, a smoke drill, a surprise-party blindfold, a "hostage situation" with
a cat on a lap, an amber alert for snow, a father who came to take the girls to a ball, a riot of
colour, a massacred buffet, a history lesson's shield wall, a night-shift depot)
and stays clean."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "INT. ALLEY - NIGHT. TOMMY slams DEV's face into the brickwork. DEV slumps.",
        "The sergeant slammed the prisoner's head into the metal table, and the room went quiet.",
        "The guards beat the prisoner with rubber hoses until he confessed to everything.",
        "Statement: the suspect struck the victim repeatedly about the head with a hammer.",
        "She held the pillow down over his face until his hands stopped clawing at her arms.",
        "He slid the knife in between the ribs, quick and quiet, and held him until he stopped struggling.",
        "Unit four, we have a male assaulted outside the Crown, multiple stab wounds, ambulance requested.",
    ],
)
def test_blows_smothering_blades_and_calls_warn_violence(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "He slid the knife between the ribs of the roast, quick and neat, and carved thin slices for everyone.",
        "She held the pillow over her face and screamed into it because the exam results were out.",
        "She slammed the door into the wall when the wind caught it, and the picture frame rattled.",
        "Our team beat them at darts until closing time, and the landlord bought a round.",
        "the class buried his head in the pillow fort over and over, laughing, and he came out with"
        " feathers in his hair",
    ],
)
def test_roasts_pillows_desks_and_darts_stay_clean_of_violence(text: str) -> None:
    assert "violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "he pulled her into the van by the arm and the door slid shut on her scream",
        "They bundled the journalist into an unmarked car and nobody saw him for three months.",
        "She was snatched walking home from her shift and held in a caravan on a farm for eleven days.",
        "I count days by the meals they slide under the door. Nineteen trays so far.",
        "i don't know how long i've been down here. the light never changes. he comes once a day with water.",
        "She found a note in her son's backpack: we have him, wait for our call, tell no one.",
        "A cloth was pressed over her mouth and nose, sweet-smelling, and the street went dark.",
        "In the video she's holding today's newspaper and reading words someone has written for her.",
        "He kept the girls locked in the attic for years and told the neighbours he lived alone.",
        "Jess hasn't come home and her phone's been off since a stranger offered her a lift from the bus stop.",
        "the man grabbed the kid off the swings and was in the car before anyone could move",
        "hostage situation at the post office: the man with the shotgun won't let anyone leave.",
        "They made everyone lie on the floor with their hands on their heads while the gunman paced.",
        "The heir was taken from the nursery during the ball; the window was open and a ladder stood against the ivy.",
        "In 1941 they came to take her brother to the institution, and she never saw him again.",
        "The man said nobody was looking for her anymore, and locked the cellar door behind him.",
        "The amber alert lit every phone in the county: a boy of six, a blue pickup, partial plate.",
    ],
)
def test_takings_cells_notes_and_sieges_warn_kidnapping(text: str) -> None:
    assert "kidnapping" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "he pulled her into the van by the arm because it was raining and the door slid shut on her laugh",
        "i don't know how long i've been down here in the library basement. the light never changes.",
        "We have your daughter's jumper at lost property. She left it in the canteen on Friday.",
        "A cloth was pressed over her mouth and nose in the smoke drill, and they all crawled out the fire door.",
        "In the video she's holding today's newspaper to show her gran she's fine on the trip.",
        "the man grabbed the kid off the swings before she fell and was laughing before she could cry",
        "it's a hostage situation, the cat is asleep on my lap and my tea is over there",
        "An amber alert for snow went out across the county and the schools were closed.",
        "The girls' father came to take them to the ball in a van he'd borrowed, and it took three days"
        " to get the glitter out.",
        "they're keeping me on the night shift at the depot near the water, i can hear gulls all night",
    ],
)
def test_rain_libraries_lost_property_drills_and_snow_stay_clean_of_kidnapping(text: str) -> None:
    assert "kidnapping" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The road out of the city was solid with refugees, carts and prams and old men on foot.",
        "A bomb went off in the market at midday, when it was busiest, and the stalls were scattered"
        " across the street.",
        "Radio call: Kilo Two, taking fire from the treeline, request fire support grid four-one-seven.",
        "Grandad never talked about the Somme, only the mud, and the sound the shells made on the wire.",
        "Curfew again, and the patrols shoot at anything that moves after dark.",
        "whole families hiding in the metro while the city above burned and shook",
        "In the camp the guards counted us twice a day, and every week fewer of us came back from the quarry.",
        "The riot spread to the square by nightfall: petrol bombs, and men with iron bars smashing the shop windows.",
        "The massacre took three hours. When the peacekeepers came, the villagers were lying in rows.",
        "The shield wall broke under the axes, and the dead lay thick along the ditch.",
    ],
)
def test_roads_calls_camps_riots_and_battles_warn_collective_violence(text: str) -> None:
    assert "collective-violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The garden was a riot of colour, and the kids smashed the piñata in the street party.",
        "We massacred the buffet at the wedding, and by nine the whole village was dancing in the square.",
        "In history we drew the shield wall at Hastings and the arrows, and Mr Okafor gave us a quiz.",
        "Grandad never talked about the Somme, but he loved his garden and the medal he won for his marrows.",
        "whole families hiding in the metro from the rain while the city above splashed and shone",
        "Radio call: Kilo Two, taking the bins out at the treeline, request a lift back to the car park.",
        "Curfew is at eleven, Mum says, and the cat patrols the landing after dark.",
    ],
)
def test_colour_buffets_history_lessons_and_rain_stay_clean_of_collective_violence(text: str) -> None:
    assert "collective-violence" not in ids(text)
