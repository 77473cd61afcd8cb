"""Violence, war and captivity told without the obvious word (forty-second session; docs/warnings-eval.md,
"Forty-second session", "war42").

Readers' passages tell a captivity by its frame (a room someone is kept in, a key turned from
outside, food brought to the door, days counted on the wall, a gunman's demands, a body folded into
a car boot), a beating by what was swung, and a war by what was done to a town or a crowd. The cases
are written in general vocabulary, not copied from any set; the figurative ones beside them (a
traffic jam that holds someone prisoner, "kidnap me" texted as an invitation) stay clean."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "They kept her in the north tower for a year, and the guard turned the key behind him every night.",
        "He locks you in the cellar again. The food is what he brings down once a day, a tray and water.",
        "The door was bolted again behind him. She scratched the days into the sill with a nail: forty.",
        "The gunman walked the aisle. 'Nobody leaves,' he said, 'until they give me what I asked for.'",
        "She was being shoved into the boot of a car she had never seen, her keys still on the tarmac.",
        "They took the girls' passports. The girls were not allowed out alone, and the door was locked at night.",
    ],
)
def test_captivity_told_by_its_frame_is_kidnapping(text: str) -> None:
    assert "kidnapping" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "'this traffic is holding me prisoner,' my sister says on speakerphone, for the third time.",
        "'kidnap me,' she texted at midnight, which meant come and get me and drive nowhere.",
        "We kept the old sofa in the attic and the bikes in the shed, and the cat in the kitchen.",
        "The door at the top of the stairs was locked, so we used the back stairs to the kitchen.",
    ],
)
def test_a_jam_an_invitation_and_a_locked_door_alone_are_not(text: str) -> None:
    assert "kidnapping" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "He came home drunk and hit her with the frying pan, twice, before the neighbours heard.",
        "Somebody had a broken bottle in the guard's side before anyone could shout.",
        "The sergeant stubbed his cigarette out on the back of the boy's hand and waited.",
        "He set the pliers on the table, and by the third fingernail she told him everything.",
        "They broke each of his fingers with a hammer, slowly, so the others could hear.",
        "The first stroke opened the skin of his back and the crowd went quiet.",
    ],
)
def test_a_beating_or_torture_told_by_what_was_done_is_violence(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "She hit me with the news over breakfast: she's moving to Lisbon in June.",
        "He stubbed his cigarette out on the wall and went back inside to finish the washing-up.",
        "I broke each of my records this season and bought myself a new pair of spikes.",
    ],
)
def test_news_a_wall_and_records_are_not(text: str) -> None:
    assert "violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The soldiers lined the villagers up against the church wall, and left the bodies there for a week.",
        "At the festival the shooting started from a balcony, and people began running for the gates.",
        "The partisans blew up the railway at dawn, and the troop train went into the gorge.",
        "The fleet burned the town from the harbour in a single afternoon, and the smoke stood for days.",
    ],
)
def test_war_told_by_what_was_done_to_a_town_or_a_crowd_is_collective_violence(text: str) -> None:
    assert "collective-violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "I got destroyed in the club's blitz tournament and lost my queen on move six.",
        "The cadets run the battle scenario every week: three enemy cruisers, all holograms.",
        "By the last chorus everyone was screaming and the crowd started running for the merch stand.",
    ],
)
def test_blitz_chess_a_simulation_and_a_concert_crowd_are_not(text: str) -> None:
    assert "collective-violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The boy sleeps in the back of the workshop, locked in at night. The door locks from the outside.",
        "The recruits hand over their passports on arrival, and the hostel door only opens from outside.",
        "They held the captain's son in irons in the hold: your father gets his men back, you get your father back, an exchange at dawn.",
        "The driver smiled in the mirror, and there was no handle on the inside of the door anymore.",
    ],
)
def test_captivity_told_by_locks_irons_and_a_trade_is_kidnapping(text: str) -> None:
    assert "kidnapping" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "We hand over our passports at the desk, get the key card, and the lift is out of order.",
        "The back door locks from the outside, so take the front when you leave the shop tonight.",
    ],
)
def test_a_hotel_desk_and_a_shop_door_are_not(text: str) -> None:
    assert "kidnapping" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The gunmen took the passengers hostage and asked for a plane.",
        "They held the ambassador hostage for four months in a flat in the old city.",
        "He was taken hostage on the road to the border and came back a year later.",
        "The hostage was released at dawn, thin and blinking in the light.",
        "The prince had been a hostage at the northern court since he was eight, part of the treaty.",
    ],
)
def test_a_person_taken_or_held_hostage_is_kidnapping(text: str) -> None:
    assert "kidnapping" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "My landlord has been holding my deposit hostage for two months over a scuff on the skirting.",
        "Nan has held my baby photos hostage for years, and tonight she showed every one of them.",
        "I laughed like a hostage when he said 'break a leg' and walked off the stage.",
    ],
)
def test_a_thing_held_hostage_and_a_simile_are_not(text: str) -> None:
    assert "kidnapping" not in ids(text)
