"""Whole-story false alarms in violence and sexism (forty-third session; docs/warnings-eval.md,
"Forty-third session", "storyfp43b").

Each case is new synthetic text in general vocabulary, not copied from a story. Change 1: "empty"
fires a gun only when what is emptied is a gun or its ammunition ("emptied the clip into him");
an empty packet, glass or box followed a few words later by "at her" is a look, not a shooting.
The same shooting told plainly still warns."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "Tom stared at the empty glass and then at her, and asked whether she wanted another.",
        "Her mum looked from the empty tin back at her and sighed, but she was smiling.",
        "He emptied the bag, grinning at them, pleased with his haul of conkers.",
    ],
)
def test_empty_things_are_no_shooting(text: str) -> None:
    assert "violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The gunman emptied the clip into him and walked away down the street.",
        "She emptied her revolver at them as they ran for the trees, and two of them fell.",
        "He fired three more rounds into him before the police arrived.",
    ],
)
def test_emptying_a_gun_still_warns(text: str) -> None:
    assert "violence" in ids(text)


# Change 2: "go back to the kitchen" is sexism only as a woman's place, said to or about her. With a
# narrator's subject in front ("we go back to the kitchen", "they get back to the kitchen") it is a
# walk down the corridor.
@pytest.mark.parametrize(
    "text",
    [
        "After the lecture we go back to the kitchen on our floor and make cheese toasties at midnight.",
        "They get back to the kitchen just as the oven timer goes off, and the cake has risen.",
        "I go back into the kitchen for the milk, and Mum is still doing the crossword.",
    ],
)
def test_walking_back_to_a_kitchen_is_no_sexism(text: str) -> None:
    assert "sexism" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        '"Go back to the kitchen, sweetheart," the man at the bar told her when she ordered a pint.',
        "lol go back to the kitchen where you belong, girls can't aim",
        "Her manager said she should go back to the kitchen and leave the engineering to men.",
    ],
)
def test_a_womans_place_in_the_kitchen_still_warns(text: str) -> None:
    assert "sexism" in ids(text)


# Change 3: paintball and laser tag told without the word: a marker raised, a splat of paint, the
# game's own rule ("if you're hit, you're out"), capture the flag. Near them a shot is play.
@pytest.mark.parametrize(
    "text",
    [
        "Sam crouched behind the hay bales, marker up. 'Sorry,' she said, and shot him twice in the back. He twisted round to look at the blue splat on his overalls and laughed.",
        "The marshal blew his whistle. 'If you get hit, you're out, no arguing.' Two minutes later Priya shot me in the back from behind a tyre stack.",
        "We were losing capture the flag badly, so Ollie charged the fort on his own and they shot him down in about four seconds.",
    ],
)
def test_paint_games_are_no_violence(text: str) -> None:
    assert "violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "He raised the pistol and shot him twice in the back, and the man slid down the side of the car.",
        "The soldiers lined them up against the wall and shot them down one by one.",
    ],
)
def test_shootings_still_warn(text: str) -> None:
    assert "violence" in ids(text)


# Change 4: an exam that "murdered me" and then "shot me" is hyperbole about a paper, and a folding
# seat that springs up and smacks you is furniture; "with someone's elbow in my ribs" is a cramped
# pose, not a blow. A person doing any of it still warns.
@pytest.mark.parametrize(
    "text",
    [
        "texted jo after the stats paper: question four murdered me. dragged me behind the gym and shot me. send snacks",
        "The old cinema has those seats that spring up and smack you in the back of the knees when you stand.",
        "Five of us asleep on the floor of the flat after the party, my little sister asleep next to me with her elbow in my ribs all night.",
    ],
)
def test_exams_and_folding_seats_are_no_violence(text: str) -> None:
    assert "violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The man dragged him behind the gym and shot him, then walked back to his car.",
        "He got up from his seat and smacked her in the back of the head so hard she fell.",
        "He drove his elbow into her ribs and shoved her against the lockers.",
        "Two officers had him face down on the pavement with a knee in his back while he begged.",
    ],
)
def test_people_who_shoot_and_smack_still_warn(text: str) -> None:
    assert "violence" in ids(text)
