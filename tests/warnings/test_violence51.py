"""Violence told through what was done to a body, each rule a `near` of word groups anywhere in one
paragraph (fifty-first session, violence51; docs/warnings-eval.md "Fifty-first session").

A limb forced (an arm wrenched up behind a back, a finger bent back) beside what gave (until something
popped, until she dropped it); a belt, cane, strap or crop coming down across a back or a palm beside
the marks it left; a person shoved, slammed or thrown into a hard surface beside the jolt (the head
bounced, the world went bright, the taste of metal); a person on the ground beside boots going in;
a stone or a bottle that caught someone on the cheek beside the split skin; a face swollen shut or a
black eye beside a blow; bruises in the shape of fingers on an arm or a neck; a cigarette put out on
someone's skin; a slap told as a noun beside what it did (an ear ringing, the crying stopping). Blood
told without the word: red coming through the fingers, fingers that came away red.

Every text is new and written for the test. Each warning case failed before its change; each twin stays
clean: a physio's stretch and an arm-wrestling bout, a riding lesson's crop, a kiss against a wall, a
rugby tackle, boots kicked off on a floor, falling rocks on a hike, a wasp sting's swollen eye, a painted handprint, a cigarette
on a pub wall, the slap of sandals, a glass of red wine spilt, a blush, a sunset."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "The guard caught her wrist and twisted it up behind her back until something in her elbow popped.",
        "He grabbed my thumb and bent it back until I dropped the keys on the gravel.",
        "The sergeant's riding crop came down across the boy's shoulders and again, and the weals stood up"
        " red through his shirt.",
        "Gran says the nuns kept a leather strap in the desk, and it came down across your hands hard"
        " enough to leave them bruised for a week.",
        "One of them shoved me into the shop window and my head bounced off it and everything went starry.",
        "Then it was just boots, on the wet pavement, and the two of them laughing.",
        "They caught him by the bus shelter and he went down on the tarmac, and someone's boot found his"
        " ribs, and then another, until a car stopped and they ran off.",
        "A cobble from the crowd caught her above the eye and the skin split, and she put her hand up and"
        " it came away red.",
        "His eye had swollen shut by the time the nurse saw him; the lads had tackled him into the fence.",
    ],
)
def test_a_body_hurt_by_a_person_warns_violence(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The physio bent my wrist back until it clicked, and for the first time in weeks it moved freely.",
        "At the pub they arm wrestled for the last crisp; his wrist bent back until he dropped his pint laughing.",
        "She twisted the jar lid until it popped, then poured the pickles into a bowl.",
        "The riding instructor rested her crop across her palm and told me to keep my heels down; the"
        " pony had a few dried-mud marks on his flank.",
        "She pushed him back against the kitchen door and kissed him until they were both out of breath.",
        "We kicked off our boots, left them in a heap on the floor of the hut and curled up by the stove.",
        "Loose rocks came down off the ridge and one clipped him on the shoulder; he had a bruise by"
        " dinner and laughed about it.",
        "A wasp stung him at the picnic and his eye swelled shut; he kicked the nest in a fury and ran.",
        "A wasp stung him at the picnic and his eye swelled shut; by teatime the lads had tackled him into"
        " the paddling pool for a laugh.",
        "The prop forward drove him back into the turf and he got up winded, grinning, and they ran the next play.",
        "He stood on the bottom step and cracked his knuckles, then slammed the door into the frame.",
    ],
)
def test_the_same_words_with_no_one_hurt_stay_clean(text: str) -> None:
    assert "violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "When she pushed her sleeves up to wash the pots I saw the bruises on her upper arm, four of them in a"
        " row, like fingers.",
        "The boy never took his coat off in class, but at swimming everyone saw the marks round his neck, the"
        " width of a hand, going yellow.",
        "Someone ground a lit cigarette into the back of her neck and she did not move.",
        "Then the second slap, and my ear rang for the rest of the evening.",
        "I heard the smack through the wall and then the crying stopped.",
    ],
)
def test_finger_bruises_a_cigarette_on_skin_and_a_slap_that_lands_warn_violence(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The toddler pressed her painted handprint on the card, and the purple fingers dried on Grandma's"
        " birthday banner.",
        "She stubbed her cigarette out on the wall of the pub and went back inside to the quiz.",
        "The slap of wet sandals on the tiles and the lifeguard's whistle; my face went red from the sun.",
        "The bruise on my shin was purple going yellow, the size of a fist, from the coffee table.",
    ],
)
def test_a_handprint_a_cigarette_on_a_wall_and_a_sandal_slap_stay_clean(text: str) -> None:
    assert "violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "He went down on the landing with his hand clamped to his thigh and red coming through his fingers.",
        "She touched her scalp and her fingers came away red.",
    ],
)
def test_blood_told_as_red_flowing_warns_blood_gore(text: str) -> None:
    assert "blood-gore" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "She knocked over her glass of red, and red spread across the tablecloth while everyone laughed.",
        "When he called her beautiful the red spread across her cheeks and down her neck.",
        "The sunset poured red over the hills and we ran down to the beach.",
    ],
)
def test_wine_a_blush_and_a_sunset_stay_clean_of_blood_gore(text: str) -> None:
    assert "blood-gore" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "At the fencing club he tore his mask off and swung the sabre at my face for real, and the blade"
        " split my cheek and blood ran down my white jacket.",
        "It wasn't sparring any more in the boxing gym: he stopped pulling his punches, and a hook under the"
        " ribs dropped me and my nose cracked on the canvas.",
        "Halfway through the stage combat rehearsal he hit me for real, a fist in the mouth, and I spat a"
        " tooth into my palm.",
    ],
)
def test_play_that_turned_real_keeps_its_violence(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The stage fight was choreographed to the count: he swung, I fell, the audience gasped, and we bowed"
        " at the curtain call.",
        "At the fencing club we practised parries for an hour; the coach said it wasn't a bout, just drills,"
        " and nobody landed a touch.",
    ],
)
def test_play_that_stays_play_stays_clean(text: str) -> None:
    assert "violence" not in ids(text)
