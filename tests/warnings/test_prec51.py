"""Warning-free senses that read as harms (fifty-first session, prec51).

Each family is a sense, not a sentence: a ball or a die that "rolls" beside laughter (not rolls of
fat), a friendly slap on the back or the shoulder from a parent or an uncle, an argument or a book
"eviscerated" by critics, a sewing needle or weather "like needles" beside a nurse or a doctor, a
song or a joke about a dead dog, a finger cut or raised ("if you sew through your finger, you're
..."), and a man's beer belly joked about as a pregnancy. Each is narrowed in the rules (an
exclude, a frame) and keeps a harmful twin that must still warn. Every passage is new short text
written for these tests. See docs/warnings-eval.md, "Fifty-first session".
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids

# Each clean passage warned before its narrowing; it must carry no warning of the category.
CLEAN = [
    (
        "body-shaming",
        "Bowling night. My first ball rolls gently into the gutter and everyone laughs, and Dev says my "
        "face went the colour of a tomato. I get a strike on the next go.",
    ),
    (
        "body-shaming",
        "Grandad's die rolls slowly off the board and everybody laughs; Mia holds her stomach, crying "
        "with laughter, because it landed on six again and he wins the whole game.",
    ),
    (
        "child-abuse",
        "At the graduation party my uncle slaps him on the back and tells my brother he always knew "
        "he'd be the first one in the family with a degree.",
    ),
    (
        "child-abuse",
        "Mum slapped me on the shoulder, laughing, when I told her I'd passed my driving test at the "
        "third go, and then she made me drive her to the garden centre.",
    ),
    (
        "blood-gore",
        "In the debate final the other school eviscerated our rebuttal, and we drowned our sorrows in "
        "milkshakes at the diner across the road.",
    ),
    (
        "blood-gore",
        "The critic eviscerated her first novel in the Sunday paper. She framed the review and hung it "
        "in the downstairs loo.",
    ),
    (
        "procedures",
        "Gran went looking for a needle and thread while the nurse from next door held the torn hem of "
        "my dress, and they argued about the colour of the cotton.",
    ),
    (
        "procedures",
        "The sleet came sideways like needles, and the doctor from number nine lent us her umbrella for "
        "the walk to the bus stop.",
    ),
    (
        "animal-death",
        "The pub band played an old country song about a dead dog and a broken-down truck, and the whole "
        "bar sang the chorus twice.",
    ),
    (
        "sexual-content",
        "Rule one of the woodwork room: if you staple through your finger, you're not a carpenter, "
        "you're a noticeboard.",
    ),
    (
        "pregnancy",
        "Everyone at the depot makes jokes about Dave's beer belly, so when they asked when the baby was "
        "due he said June, and they threw him a baby shower with a cake.",
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
]


@pytest.mark.parametrize(("category", "text"), CLEAN)
def test_a_sense_without_harm_is_no_warning(category: str, text: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(("category", "text"), TWINS)
def test_the_harm_told_in_the_same_words_still_warns(category: str, text: str) -> None:
    assert category in ids(text)
