"""Blood and violence told without the keyword (fifty-second session, violence52; docs/warnings-eval.md
"Fifty-second session").

Blood-gore: a lip, brow, cheek or scalp split or opened beside a blow (a fist, a boot, a bottle); blood
told as red (a thin line of red welling up, red soaking through, a hand that came away slick) beside what
made the wound (a knife, a shard, a bullet, a punch); bone through the skin. Violence: a tooth spat out or
knocked loose; a person held under the water beside the struggle; a thrown plate or glass that missed a
head by an inch beside the anger that threw it; a person dragged by the hair across a floor; someone
coming at another with a knife, a poker or a bottle; a gun that went off beside a body going down. Signs
of real harm that keep violence beside a sign of play (a police report, charges pressed, a cover story
told to a parent, attackers walking off laughing), and a bare "tabletop" no longer a sign of play (a
steel interrogation table) unless a game is named with it.

Every text is new and written for the test. Each warning case failed before its rule; each twin stays
clean: a lip split on a cold glass in winter, a paper cut, a nosebleed in an exam, a rare roast carved,
red wine spilt, a dentist's cracked tooth, a wobbly milk tooth, children holding their breath in a pool,
a frisbee that missed, a mother brushing her daughter's hair, a video game, a stage fight, a larp's foam
sword, a toddler with a wooden spoon, a starting pistol, a stag shot on a hill, a tabletop game's ogre, dough
punched down and called assault as a joke."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "A stranger's fist split her eyebrow open on the tram, and there was blood in her eye all the way home.",
        "Somebody's fist opened her eyebrow and there was blood in her eye before she hit the ground.",
        "He pressed a hand to his side where the knife had gone in, and his hand came away slick.",
        "The bottle missed, but a shard caught her wrist and a thin line of red welled up across the skin.",
        "The car hit him at the corner and his shin bone was poking out through the skin.",
    ],
)
def test_blood_and_open_wounds_told_without_the_word_warn_blood_gore(text: str) -> None:
    assert "blood-gore" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "She split her lip on the rim of a cold glass; it was winter and her lips were chapped raw.",
        "I got a paper cut from the envelope and a tiny line of red came up along my finger.",
        "Her nose started bleeding in the middle of the maths exam and red dripped onto her answer sheet.",
        "Dad carved the roast with the big knife and red ran across the board; it was perfectly rare.",
        "She knocked the glass and a puddle of red wine spread across the tablecloth.",
        "In the video game my knight's arm came off and red spread across the screen as the boss laughed.",
    ],
)
def test_a_chapped_lip_a_paper_cut_a_nosebleed_and_a_roast_stay_clean_of_blood_gore(text: str) -> None:
    assert "blood-gore" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "She came home with two of her front teeth knocked out and wouldn't say who had done it.",
        "He spat a tooth into the sink and told the nurse he'd walked into a door.",
        "The older boys held him under the water at the lido until he was coughing and crying, and they laughed.",
        "The plate missed her head by an inch and shattered against the wall while her husband kept shouting.",
        "They dragged Mrs Okafor across the yard by her hair while the children watched from the window.",
        "The men hauled him out of the van by the hair, kicking and yelling.",
    ],
)
def test_violence_told_through_what_was_done_warns_violence(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The dentist said the tooth had cracked and would have to come out on Thursday.",
        "My little sister wiggled her wobbly tooth until it came out and put it under her pillow for the tooth fairy.",
        "We held our breath under the water at the lido and came up laughing and coughing.",
        "The frisbee missed her head by an inch and sailed over the wall while the dog barked.",
        "She combed her fingers through her daughter's hair and dragged the brush down to the ends while she"
        " cried about school.",
        "The stage fight went perfectly: he swung, the fake punch missed her by an inch, and the audience gasped"
        " at the curtain call.",
    ],
)
def test_a_dentist_a_milk_tooth_a_pool_game_and_a_frisbee_stay_clean(text: str) -> None:
    assert "violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "He came at her with the bread knife and she only just got the bathroom door shut.",
        "The pistol went off in the stairwell and the landlord sat down on the bottom step, holding his stomach.",
        "After game night, on the walk home, a man punched Dev in the face and broke his nose; Dev pressed charges"
        " the next day.",
        "The sergeant slammed the suspect's face into the steel tabletop and something in his nose cracked.",
        "After the escape room a stranger punched Femi in the face outside the station and split his lip; his mum"
        " made him report it, and the police called it common assault.",
    ],
)
def test_a_weapon_brought_a_shot_that_drops_someone_and_real_harm_beside_a_game_warn_violence(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "At the larp he came at me with a foam sword and we both fell over laughing.",
        "The toddler came at me with a wooden spoon and a saucepan lid, banging out a song.",
        "The starting pistol went off and the runners went down the track like hares.",
        "The rifle cracked across the valley and the stag went down in the heather.",
        "At game night Dev's paladin punched the ogre in the face and broke its nose, and we all cheered.",
        "We set up the tabletop game on the kitchen table and my barbarian smashed the goblin's face in with a"
        " warhammer.",
        "Kneading the dough for the bake-off she punched it down hard, and her sister said that was assault and"
        " laughed.",
    ],
)
def test_a_larp_a_toddler_a_race_a_hunt_and_a_tabletop_game_stay_clean(text: str) -> None:
    assert "violence" not in ids(text)
