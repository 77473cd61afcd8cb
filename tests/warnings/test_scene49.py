"""Violence, abuse and child abuse told as a scene, by compositions of words (forty-ninth session,
scene49; /work/scratch/s49/docs/scene49.md).

The misses of the last blind gates fired nothing because every older rule was a phrase in a fixed
order ("a fist into his face"), and the next writer never uses that order. These rules ask instead
for two or three wide classes of single words anywhere in one paragraph:

- violence: a body part (nose, jaw, ribs, teeth, wrist, collarbone ...) x an injury (split, cracked,
  snapped, bleeding, swollen, bruised ...) x a blow or force by someone (swung, kicked, stamped,
  pinned, dragged him ...); and a blade or a shot x where it went in (belly, shoulder, chest ...) x
  what comes out (between his fingers, soaked, pouring);
- abuse: a partner or parent x control (where are you, location, not allowed, the receipts, made
  her ask) x fear or appeasement (his key, his car turning in, flinching, sorry properly, the house
  went quiet);
- child abuse: a child (the little ones, "i was seven") x a carer or an institution (the nuns, a
  stepfather, my mum) x a punishment (a strap, locked me in, without supper, wetting the bed).

Every text is new and written for the test. Each warning case failed before the change; each twin
(a dentist, a fall on ice, bread dough, a pillow fight, a rugby ruck, a stunt, an actor's blood
capsule, a butcher's rack of lamb, a worried father, a possessive joke, an exam hall, a shop till)
stays clean.
"""

from __future__ import annotations

import pytest

from bot.warnings.matcher import matcher_for
from bot.warnings.rules import default_ruleset
from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "Three of them in the car park. One kept him pinned to the bonnet while another went to work on his"
        " ribs with a boot; by morning the bruising ran from his hip to his armpit.",
        "the lads from the estate dragged him behind the chippy and by the time the van came his collarbone"
        " was snapped and there was blood in his hair.",
        "they pulled the driver out of the cab and went for him with their boots, and when they were done his"
        " jaw hung crooked and blood ran from his ear.",
    ],
)
def test_a_body_part_an_injury_and_a_blow_warn_violence(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "She keeps the phone face-up on the desk all day. He asks where she is every hour and wants her"
        " location left on; when his car turns into the street at six she checks the kitchen twice.",
        "My husband checks the receipts every Friday. If the shopping's over I have to say sorry properly"
        " before he'll eat.",
        "her texts from him, all in one evening: where are you. who's that in the photo. turn your location"
        " back on. the whole drive home she kept thinking about his mood.",
        "My mother-in-law counts the eggs and tells my husband what I spent. When his car turns into the drive"
        " I straighten the cushions twice.",
    ],
)
def test_a_partner_control_and_fear_warn_abuse(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The nuns kept a strap behind the door, and the little ones went without supper for wetting the bed.",
        "i'm nine and my mum locked me out again last night and there's no food in the house.",
    ],
)
def test_a_child_a_carer_and_a_punishment_warn_child_abuse(text: str) -> None:
    assert "child-abuse" in ids(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "The dentist pulled the tooth; the gum was swollen and bleeding and I spat into the little paper cup.",
            "violence",
        ),
        (
            "She slipped on the ice outside the bakery and broke her wrist; the bruise was purple for a month.",
            "violence",
        ),
        (
            "Punch down the dough with your fist, then let it rise; the crust will split and crack in the oven, and"
            " the blood orange glaze goes on last.",
            "violence",
        ),
        (
            "The pillow fight got out of hand: Maya swung a pillow at her brother and he fell off the bed laughing,"
            " with a bloody nose from his own knee.",
            "violence",
        ),
        (
            "the stunt double swung, the hero's head snapped back, the fake blood burst from his lip, and the"
            " director yelled cut.",
            "violence",
        ),
        (
            "the actor threw the punch, the other actor's head snapped back, and the blood capsule burst in his"
            " mouth right on cue.",
            "violence",
        ),
        (
            "We did the cooking class knife skills: slam the cleaver down, crack the ribs of the rack of lamb, and"
            " mind the blood on the board.",
            "violence",
        ),
        ("my brother slammed the door so hard the mirror cracked, then apologised and bought me chips.", "violence"),
        ("he punched the air when the results came in, bit his lip, and cried.", "violence"),
        (
            "Score the pork belly with a sharp knife and rub in the salt; let the blood drain from the duck breast"
            " before it goes in the pan.",
            "violence",
        ),
        (
            "Dad asked where are you at midnight and made me share my location on the way home from the party; he"
            " was just relieved when I walked in.",
            "abuse",
        ),
        (
            "my dad made me share my location for the festival and checked in every hour; honestly it was sweet,"
            " and he went quiet with relief when i got home.",
            "abuse",
        ),
        (
            "lol my boyfriend is so clingy, he texts 'where are you' every time i go to the shop and i say sorry"
            " for leaving him alone for ten minutes. he's an idiot and i love him.",
            "abuse",
        ),
        (
            "the receptionist checked the receipts twice, said sorry about the wait, and his car was ready at five.",
            "abuse",
        ),
        (
            "the teacher said phones are not allowed in the exam hall, and everyone went quiet when the"
            " invigilator walked in.",
            "abuse",
        ),
        (
            "she counts the money at the till twice before the manager gets back, then says sorry again to the"
            " customer for the wait.",
            "abuse",
        ),
        ("the little ones were punished with no telly for a week after they painted the cat.", "child-abuse"),
    ],
)
def test_everyday_and_play_twins_stay_clean(text: str, category: str) -> None:
    assert category not in ids(text)


def test_a_belt_buckle_is_no_punishment_of_the_child_rule() -> None:
    """r49-child-punished reads a belt as a punishment only off or across someone: a father's belt buckle
    collection is a hobby (child-bruises still reads any belt beside a parent and a child, on its own)."""
    text = "when i was little my dad kept his belt buckle collection in a biscuit tin and showed it to everyone."
    fired = matcher_for(default_ruleset()).fire([text])
    assert "child-abuse/r49-child-punished" not in {rule.id for rules in fired.rules for rule in rules}
