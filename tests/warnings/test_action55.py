"""Violence told through what captors do and through the story told afterwards, in the ways that recur
across writers (fifty-fifth session, action55; docs/warnings-eval.md, "Fifty-fifth session").

Each rule was written for a way of telling found missed in at least three of the ten newest read sets:
- violence inside a kidnapping: the captive is beaten, hit or kicked, or bears the bruise, beside the
  captivity's own means (zip ties, a hood or a sack over the head, chains, a ransom, hostages);
- an injury explained away: the victim tells the nurse, the neighbours or the girls at work that she
  walked into a door, slipped or tripped, or hides the marks under long sleeves, beside the blow itself
  (a grabbed arm, a thrown glass, a push, a fist) within two paragraphs.

Each twin uses the same words where nobody is hurt: a hood on a coat, a ransom in a board game, a door
someone really walked into, long sleeves against the cold. They stay clean of violence."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "The zip ties cut into his wrists, and every time he asked where they were going, they beat him.",
        "They kept the hostages in the back room and hit him whenever the phone didn't ring.",
        "A sack over her head, the smell of diesel. Somebody kicked her when she tried to sit up.",
        "Day four, chained to the pipe. My face was swollen from the last time they came down.",
        "The ransom video showed her in a chair, a bruise coming up on her jaw, reading from a card.",
        "He came to with his hands cable-tied and a knee in his back, and a man's voice said don't move.",
        "The kidnappers were nervous; the younger one pistol-whipped the driver when he looked round.",
    ],
)
def test_a_captive_beaten_warns_violence(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "She pulled the hood over her head against the rain and ran for the bus, laughing.",
        "In the board game the ransom card cost me three hundred, and my brother kicked me under the table.",
        "The dog's lead was chained to the railings, and then it hit me: I'd left my keys at work.",
        "The hostage negotiator's lecture was the best part of the course, and the realisation hit me on the train.",
        "The shipping container cafe was busy, and the barista beat me to the last croissant.",
    ],
)
def test_hoods_games_and_realisations_stay_clean_of_violence(text: str) -> None:
    assert "violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "He grabbed her arm so hard it left marks.\n\nShe told everyone at work she had walked into the cupboard door.",
        "he threw the plate at her and it caught her shoulder. she told the neighbours she'd slipped on the ice.",
        "His hand flat on her back, the push, the stairs.\n\nAt the hospital she told the nurse she'd tripped.",
        "The big lad shoved him into the lockers. He told his mum he'd come off his bike.",
        "they held him down behind the gym. afterwards we told the teacher he fell on the steps.",
        "He shoved her into the counter. Next day she told the doctor she had fallen in the bath.",
        "He grabbed her wrist and twisted. She wore long sleeves to work all week to cover the marks.",
    ],
)
def test_an_injury_explained_away_beside_the_blow_warns_violence(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "I really did walk into the door at the office, and I told everyone I walked into it before they asked.",
        "She told the nurse she had slipped on the wet tiles at the pool; the nurse strapped her ankle.",
        "Gran wore long sleeves to work because the office air conditioning is set to arctic.",
        "He told his mum he'd fallen off his bike on the gravel, which was true, and she fetched the plasters.",
        "We said we slipped on the ice rink, which we had, twice, and then we got hot chocolate.",
    ],
)
def test_true_accidents_and_sleeves_stay_clean_of_violence(text: str) -> None:
    assert "violence" not in ids(text)
