"""False alarms outside death, grief, suicide and abuse on warning-free text (forty-third session;
docs/warnings-eval.md, "Forty-third session", "fp43").

Each case is new synthetic text in general vocabulary, not copied from a set. Change 1, violence at
play and in figures of speech: a fencing bout on the piste and a board game (Monopoly, Scrabble)
are play; "shot like nine times" is a casual count, not a report; "I'm going to strangle all of
you" said to a whole group is exasperation; "kicking her feet" is delight; a strawberry thrown at
someone's head is a game; "stone" the noun next to "her" is no stoning. The same acts told plainly
still warn."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        'The bout ended fourteen to six. Across the piste Sam pulled off his mask. "You stabbed me in the same spot every time."',
        'We were playing Scrabble at the kitchen table when Jo stabbed him in the hand with a pencil for taking the last S. "Ow!"',
        "'I've been shot like nine times,' Priya groaned over the radio, 'and I'm covered in orange paint.'",
        "group chat: we are STUDYING, not ordering pizza. I'm going to strangle all of you. anyway who has the notes",
        "She read the reviews on the bus home, grinning at her phone and kicking her feet.",
        "He was showing off with the mixing bowl, so I threw a strawberry at his head. He caught it in his mouth.",
        "Gran knelt in the chapel, the floor cold stone, her beads looped around her fingers, and hummed along.",
    ],
)
def test_play_and_figures_are_no_violence(text: str) -> None:
    assert "violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The man followed her out of the bar and stabbed her in the side, twice, and ran off down the alley.",
        "They dragged him into the square and the crowd stoned him while the soldiers watched.",
        "He kicked her feet out from under her and she hit the tiles hard.",
        "He came home drunk and shot her in the kitchen while the children slept upstairs.",
    ],
)
def test_the_same_acts_told_plainly_are_violence(text: str) -> None:
    assert "violence" in ids(text)


# Change 2, frames and figures in other categories: a match report (a goalie, a 6-1 win) and the
# headlines read aloud at breakfast are no collective violence; giving
# blood or platelets at a donor centre, and "surgery" on a machine with a screwdriver, are no
# procedure; a bard's song about blood is no gore; a TV drama's plot is no sexual content; an
# insult to the enemy in a tabletop game is no classism; "ate shit on the exam" is no insult; a
# tiger dying on page 200 of a novel is no animal death. The same things told plainly still warn.


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "the lads won 5-0 tonight. absolute massacre. their goalie faced a bombardment of shots and just stood there lol",
            "collective-violence",
        ),
        (
            "Grandad read the headlines out over his toast: 'Shelling resumes in the east, refugees at the border.' Then the cricket.",
            "collective-violence",
        ),
        (
            "Every eight weeks Omar gives blood at the donor centre on the high street. The nurse finds the vein first time.",
            "procedures",
        ),
        ("The printer died again, so Jen performed emergency surgery on it with a paperclip.", "procedures"),
        (
            "The bard strummed a minor chord and sang of blood running like rivers down the mountain. Everyone groaned.",
            "blood-gore",
        ),
        (
            "'Why is every medical drama the same,' she said. 'Half the surgeons are sleeping together and nobody ever sleeps.'",
            "sexual-content",
        ),
        (
            "Warhammer night at the shop: Ravi moved his orc warboss forward and called the elves filthy peasant scum.",
            "classism",
        ),
        ("group chat: did anyone else totally eat shit on the chem exam or just me", "abusive-language"),
        ("The old dog in the novel dies on page 211, and I shut the book and cried on the bus.", "animal-death"),
    ],
)
def test_frames_and_figures_are_no_warning(text: str, category: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "The shelling went on all night and in the morning the soldiers massacred the villagers in the square.",
            "collective-violence",
        ),
        (
            "He was rushed into emergency surgery, and the surgeon came out six hours later to speak to his wife.",
            "procedures",
        ),
        ("Blood was pouring from the gash in his scalp, soaking his collar and dripping onto the floor.", "blood-gore"),
        ("Eat shit, you useless fat cow,' he said, and slammed the door.", "abusive-language"),
    ],
)
def test_the_same_things_told_plainly_still_warn(text: str, category: str) -> None:
    assert category in ids(text)


# Change 3, word senses and corrections: "putting it on my fridge" is no faking a disability; "threw
# up your breakfast, no wait, you didn't" takes the vomit back; a quiz team called after a medical
# word is no procedure; dough "flat as a pancake" is baking; training grenades are no artillery.
# The same words told plainly still warn.


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "My neighbour is deaf and taught me to sign 'thank you'. She drew me a card and I'm putting it on the fridge.",
            "ableism",
        ),
        (
            "you were so nervous before the exam that you threw up in the sink— no wait, you didn't, you just sat there.",
            "vomit",
        ),
        (
            "Our quiz night team name is 'Resuscitate Me, Gerald' and we came third with a defibrillator joke.",
            "procedures",
        ),
        (
            "The sourdough never rose. He kneaded it for ages and it came out flat as a pancake, so we had toast.",
            "body-shaming",
        ),
        (
            "The sergeant tossed the dummy grenades into the crate, and the recruits laughed at the inert shells.",
            "collective-violence",
        ),
    ],
)
def test_word_senses_and_corrections_are_no_warning(text: str, category: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("He uses a wheelchair, and the landlord said he was faking it and refused him the flat.", "ableism"),
        ("She threw up twice in the night and was retching into the bucket till morning.", "vomit"),
        (
            "The grenades landed among the trenches and the artillery shells kept falling until dawn.",
            "collective-violence",
        ),
    ],
)
def test_the_plain_senses_still_warn(text: str, category: str) -> None:
    assert category in ids(text)


# Change 4, accidents and jokes: a spring or a cork that flies off and hits someone is an accident,
# not a blow; "is that a baby bump? no, it's a burrito" is a joke about lunch. A blow and a real
# bump still warn.


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "Dad opened the fizz at the table and the cork shot off and hit him right in the eye. He's fine, just sulking.",
            "violence",
        ),
        ("me in this crop top: is that a baby bump?? nah lol it's just a burrito. a very large burrito.", "pregnancy"),
    ],
)
def test_accidents_and_jokes_are_no_warning(text: str, category: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("He lost his temper and hit her in the face, hard, in front of the children.", "violence"),
        (
            "At twenty weeks her baby bump finally showed, and she cried at the scan when they said it was a girl.",
            "pregnancy",
        ),
    ],
)
def test_a_blow_and_a_bump_still_warn(text: str, category: str) -> None:
    assert category in ids(text)


# Change 5, a noun read as a verb: "chalk on her fingers, her friend below" is no sexual act (the
# plural noun "fingers" before "her" across a comma); the verb still warns.


def test_the_noun_fingers_is_no_sexual_content() -> None:
    assert "sexual-content" not in ids("She dusted chalk on her fingers, her brother holding the rope below her.")


@pytest.mark.parametrize(
    "text",
    [
        "He pushed her skirt up and fingered her against the bathroom door until she came apart.",
        "She wanted him to finger her, slowly, there on the sofa, and she told him so.",
        "In the back of the car he fingers her while the radio plays, and she bites his shoulder.",
    ],
)
def test_the_verb_finger_still_warns(text: str) -> None:
    assert "sexual-content" in ids(text)
