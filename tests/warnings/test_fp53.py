"""Harmless senses that warned on warning-free text, narrowed by sense (fifty-third session, fp53;
docs/warnings-eval.md, "Fifty-third session").

Each must-not-warn text is written for the test and was a confident warning before its change: children's
pretend shooting and war games (a finger gun, a cap gun, "you have to fall down", sticks for rifles), a film
or a show watched (on screen, yelled at the telly, medical dramas, the zombie show's finale), a sport (a
figure skater's practice bruises, a match report's "butchered" and "blitz"), a blindfold for a surprise
party, a lip split on the rim of a glass or the edge of a table, a fish, a goat or hair that slaps or butts,
a wish to throttle somebody, a betrayal told as a stab in the back, a tableau or pageant, a museum exhibit,
a tabletop or video-game turn, a sandcastle war, a crew that stopped working on somebody
for a cup of tea, a ball that hits a player in the face, torture as a word for boredom, and a man weeping
because his team lost. Each warned twin uses the same words where the harm is real and must
still warn."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids, story_ids


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            '"You\'re dead!" yelled Tomas from behind the hedge. "I shot you, you have to fall down!"',
            "violence",
        ),
        (
            '"Got you! You\'re dead, I shot you, you have to fall down," yelled Mo, and his little sister'
            " collapsed dramatically onto the lawn.",
            "violence",
        ),
        (
            "My cousins played soldiers all afternoon, charging the shed with broom handles and shouting"
            " about the enemy lines.",
            "collective-violence",
        ),
        (
            "The cousins played soldiers all afternoon, storming the shed with broom handles for rifles and"
            " shouting that the enemy lines had fallen.",
            "collective-violence",
        ),
        (
            "We played cowboys all summer; Danny always shot me first with his cap gun and I always died"
            " dramatically on the porch steps.",
            "violence",
        ),
        (
            "We played cowboys in the yard, and Jess shot me with her cap gun and I died on the porch steps"
            " like a real outlaw.",
            "violence",
        ),
        (
            "On screen a cowboy was shot in a duel and fell face down in the dust, and Grandad passed the popcorn.",
            "violence",
        ),
        (
            "On screen a man was stabbed in the alley and fell into the bins, and Mum said the acting was"
            " terrible and passed the crisps.",
            "violence",
        ),
        (
            "In the show last night the detective got stabbed in the back by his partner and I screamed at the telly.",
            "violence",
        ),
        (
            "Dad yelled at the telly when the hero got shot in the chest in the last five minutes, and then"
            " he sulked through the credits.",
            "violence",
        ),
        (
            "the zombie show's season finale had the horde break through the fence and slaughter the whole"
            " camp, and i threw my popcorn at the screen.",
            "collective-violence",
        ),
        (
            "Her medical dramas were full of people being shot and stabbed, and she watched them every"
            " Thursday with a glass of wine and a blanket.",
            "violence",
        ),
        (
            "She'd bruised both hips black and blue learning the triple axel, falling on the ice a hundred"
            " times in practice.",
            "violence",
        ),
        (
            "She had bruised both knees black and blue learning the double axel, falling on the ice every"
            " morning at the rink before school.",
            "violence",
        ),
        (
            "The match report said the home side were butchered, put to the sword by the visitors' second-half blitz.",
            "collective-violence",
        ),
        (
            "The match report said the visitors were butchered, slaughtered in a second-half blitz that left"
            " their defence in ruins.",
            "collective-violence",
        ),
        (
            "We put a blindfold on him in the car and drove him to the restaurant for his surprise birthday party.",
            "kidnapping",
        ),
        (
            "They blindfolded her and drove her across town for the surprise party, and everyone jumped out"
            " from behind the sofa when she took it off.",
            "kidnapping",
        ),
        ("She split her lip on the rim of a cold glass and laughed as she dabbed it with a napkin.", "violence"),
        (
            "He split his lip on the edge of the table when he bent to pick up the toy car, and the toddler"
            " patted his face.",
            "violence",
        ),
        (
            "Oona held up the huge fish for everyone to admire, and it slapped her in the face and flopped"
            " back into the sea.",
            "violence",
        ),
        (
            "The wind was so strong on the ferry that her hair kept slapping him in the face, and he laughed"
            " and spat out a strand.",
            "violence",
        ),
        (
            "Duchess the goat headbutts him on the last line of the birthday song, which everyone agrees is a"
            " blessing.",
            "violence",
        ),
        (
            '"You lot took your time," said the hiker, and Rhys wanted to throttle him, but he wrapped him in'
            " a foil blanket instead.",
            "violence",
        ),
        (
            "She wanted to strangle him when he ate the last biscuit, but she just made a face and put the kettle on.",
            "violence",
        ),
        (
            "this is a betrayal of the highest order, i am being stabbed in the back by my own brother over"
            " the last of the jollof.",
            "violence",
        ),
        (
            "i am being stabbed in the back by my own friends, said Jonah, when they voted for the other pizza place.",
            "violence",
        ),
        (
            "The Sunday School tableau of the Battle of Hastings ended when King Harold took an arrow to the"
            " eye and fell into the trifle.",
            "violence",
        ),
        (
            "We toured the torture chamber at the castle, and the exhibit was all wax figures being tortured on"
            " the rack and a gift shop at the end.",
            "violence",
        ),
        (
            "the goblin swings at you. roll for AC. you roll a 14 and it misses, and the goblin trips over its"
            " own spear.",
            "violence",
        ),
        (
            "Grandpa was the captive, in a tea towel hat, and the pirates made him walk the plank into the"
            " paddling pool.",
            "kidnapping",
        ),
        (
            "the sandcastle war on the beach got serious when the twins built a moat and dad started digging trenches.",
            "collective-violence",
        ),
        (
            "the sandcastle war raged all afternoon, with buckets and spades as weapons and the tide as the"
            " enemy army.",
            "collective-violence",
        ),
        (
            "They worked on him for an hour, the doctors, and then they stopped for a cup of tea, and he was"
            " fine, grumbling about the hospital food.",
            "death",
        ),
        (
            "during practice the giant spikes the ball so hard it hits the setter in the face, and he lies on the"
            " court and announces he has seen god.",
            "violence",
        ),
        (
            '"Torture is when you don\'t get pudding," said Grandad, and my little brother went back to'
            " shelling the peas.",
            "violence",
        ),
    ],
)
def test_games_screens_sport_surprises_and_figures_of_speech_stay_clean(text: str, category: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "He pointed the pistol at the shopkeeper and shot him twice in the chest, and the man fell behind"
            " the counter.",
            "violence",
        ),
        (
            '"You\'re dead," the gang leader said, and he shot Marco in the leg and left him bleeding in the alley.',
            "violence",
        ),
        (
            "The soldiers shelled the village for three days, and the artillery flattened the school and the mosque.",
            "collective-violence",
        ),
        (
            "The soldiers slaughtered the villagers in the square and burned every house on the street.",
            "collective-violence",
        ),
        (
            "Two men put a blindfold on him in the car and drove him to a cellar, where they chained him to a pipe.",
            "kidnapping",
        ),
        (
            "Two men blindfolded her, bundled her into a van and drove her to a farmhouse where they kept her"
            " chained in the cellar for a week.",
            "kidnapping",
        ),
        ("He split her lip open with the back of his hand and shoved her against the fridge.", "violence"),
        ("He punched her and split her lip, and she tasted blood as she hit the floor.", "violence"),
        (
            "He slapped her in the face so hard her ear rang, then grabbed her by the hair and threw her"
            " against the wall.",
            "violence",
        ),
        (
            "She got her hands round his throat and tried to throttle him, and he clawed at her wrists until"
            " he blacked out.",
            "violence",
        ),
        (
            "She wanted to run, but he grabbed her throat and strangled her until she went limp on the floor.",
            "violence",
        ),
        (
            "The guards tortured him for three days in the cellar, burning his hands and breaking his fingers"
            " one by one.",
            "violence",
        ),
        (
            "He was stabbed in the back in the alley behind the pub and left bleeding on the cobbles.",
            "violence",
        ),
        (
            "The men held the girl captive in a cellar for nine days and sent her father a ransom note with"
            " her hair in it.",
            "kidnapping",
        ),
        (
            "The whistle blew and the men went over the top into the mud, and the machine guns opened up on them.",
            "collective-violence",
        ),
        (
            "They worked on him for an hour, the doctors, and then they stopped, and the nurse drew the sheet"
            " over his face.",
            "death",
        ),
        (
            "He threw the cricket ball at her deliberately and it hit her in the face, and then he punched her"
            " as she fell.",
            "violence",
        ),
        ("They tortured him with cigarettes and a car battery until he told them where the money was.", "violence"),
    ],
)
def test_the_same_words_where_the_harm_is_real_still_warn(text: str, category: str) -> None:
    assert category in ids(text)


def test_a_man_weeping_because_his_team_lost_is_not_grief() -> None:
    assert "grief" not in story_ids(
        [
            [
                "\"that's the third song you've murdered tonight,\" said dani, and took the mic out of your hands.",
                '"there\'s a man at the bar who is weeping, y/n."',
                "there was. he was weeping because his team had lost, sobbing into his pint, and you decided to"
                " take the credit anyway.",
            ]
        ]
    )


def test_weeping_for_a_son_lost_is_still_grief() -> None:
    assert "grief" in story_ids(
        [
            [
                "Gran wept at the graveside for the son she had lost.",
                "She was still weeping at the wake, sobbing into Dad's shoulder.",
                "Nobody could get her to eat.",
            ]
        ]
    )
