"""Warning-free senses that read as harms (fifty-first session, prec51).

Each family is a sense, not a sentence: a ball or a die that "rolls" beside laughter (not rolls of
fat), a friendly slap on the back or the shoulder from a parent or an uncle, an argument or a book
"eviscerated" by critics, a sewing needle or weather "like needles" beside a nurse or a doctor, a
song or a joke about a dead dog, a finger cut or raised ("if you sew through your finger, you're
..."), a man's beer belly joked about as a pregnancy, a grudge "brought up" on Instagram (not
vomit), a speaker who is "dead" of laughing or was sure a pet would die beside a vet, and condoms
handed out or bought (not sex told). Each is narrowed in the rules (an exclude, a frame) and keeps a harmful twin that must still warn. Every passage is new short text
written for these tests. See docs/warnings-eval.md, "Fifty-first session".
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids

# Each clean passage warned before its narrowing; it must carry no warning of the category.
CLEAN = [
    (
        "body-shaming",
        "Marble races on the kitchen floor: the blue marble rolls under the fridge, everyone laughs, and "
        "Tom lies down on his belly to fish it out with a spatula.",
    ),
    (
        "body-shaming",
        "Grandad's die rolls slowly off the board and everybody laughs; Mia holds her stomach, crying "
        "with laughter, because it landed on six again and he wins the whole game.",
    ),
    (
        "child-abuse",
        "When my cousin scored the winner, his grandfather slapped him on the shoulder so proudly he "
        "nearly dropped his pie.",
    ),
    (
        "child-abuse",
        "Mum slapped me on the shoulder, laughing, when I told her I'd passed my driving test at the "
        "third go, and then she made me drive her to the garden centre.",
    ),
    (
        "blood-gore",
        "At the regional mooting competition the judges eviscerated our whole case in ten minutes, and "
        "Priya swore she would never wear heels to court again.",
    ),
    (
        "blood-gore",
        "The critic eviscerated her first novel in the Sunday paper. She framed the review and hung it "
        "in the downstairs loo.",
    ),
    (
        "procedures",
        "The district nurse darned my sock with her own embroidery needle while the kettle boiled.",
    ),
    (
        "procedures",
        "The sleet came sideways like needles, and the doctor from number nine lent us her umbrella for "
        "the walk to the bus stop.",
    ),
    (
        "animal-death",
        "Dad's favourite folk ballad about a dead horse has nineteen verses, and he sings every one of "
        "them on long drives.",
    ),
    (
        "sexual-content",
        "Careful with the bread knife: last week I sliced a finger, you know, and the plaster still smells of onions.",
    ),
    (
        "pregnancy",
        "Uncle Rob pats his beer gut and tells the whole barbecue he's eight months along with twins, "
        "and Aunt Jo says he can do his own washing-up then.",
    ),
    (
        "vomit",
        "My brother still brings it up on the family group chat, the time I reversed into the postbox.",
    ),
    (
        "animal-death",
        "My cat had her checkup at the vet today and bit the nurse on the thumb. I'm dead. She's fine, "
        "she's furious, she's asleep on the radiator.",
    ),
    (
        "animal-death",
        "I was convinced she was going to die when she swallowed a grape, so we rushed her to the vet. "
        "She's sleeping it off on the sofa now.",
    ),
    (
        "sexual-content",
        "The student union stocks free condoms next to the stapler, and the treasurer audits both.",
    ),
]

# The same words where the harm is real: each warns before and after.
TWINS = [
    (
        "body-shaming",
        "The girls at the pool laughed and pointed at the rolls of fat on her belly, and she never went "
        "swimming again.",
    ),
    ("child-abuse", "Her uncle slapped her across the face when she spilled the milk. She was seven."),
    ("child-abuse", "Mum slapped me so hard my ear rang, and I was only eight, and she did it again."),
    (
        "blood-gore",
        "The creature eviscerated the guard with one sweep of its claws, and his insides spilled across "
        "the flagstones.",
    ),
    ("procedures", "The nurse slid the needle into the back of his hand and taped the cannula down."),
    (
        "animal-death",
        "We found a dead dog at the side of the road, hit by a car, and my little sister cried all the way home.",
    ),
    ("sexual-content", "He fingered her slowly against the door until she was gasping his name."),
    (
        "pregnancy",
        "She was seven months pregnant and the baby kicked every night; she was due in March and could "
        "no longer see her feet.",
    ),
    ("vomit", "She couldn't keep anything down and brought it all up over the side of the boat."),
    ("animal-death", "The vet said there was nothing more to be done, and our old dog died in my arms."),
    (
        "sexual-content",
        "He tore the condom open with his teeth and pushed her down onto the bed, his erection hard against her thigh.",
    ),
]


@pytest.mark.parametrize(("category", "text"), CLEAN)
def test_a_sense_without_harm_is_no_warning(category: str, text: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(("category", "text"), TWINS)
def test_the_harm_told_in_the_same_words_still_warns(category: str, text: str) -> None:
    assert category in ids(text)
