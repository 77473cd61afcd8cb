"""Abuse, racism and kidnapping told through what happens rather than the word (forty-fifth
session; docs/warnings-eval.md, "Forty-fifth session").

Change 1, the injury explained away, each a weak sign (0.5): the story told to a nurse, doctor,
paramedic or officer ("she tells the ER nurse she slipped"; "she says it to the doctor too"), the
story dictated by the one who did it ('"you fell," he says') or laughed off as clumsiness, and
bruises at different stages ("yellow going green"; "old bruises") that say it keeps happening.
One alone stays clean (a klutz who drops a mug, a bruise from football); two together, or one
beside an older sign, warn. Every text here is new and short, written for the test, in general
words."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        # the story told at the hospital, and old bruises the doctor sees
        "at the clinic she tells the walk-in doctor she slipped on the ice. "
        "the doctor notes the bruises on her ribs, purple going yellow, and says nothing.",
        # the story dictated by him, and repeated to the paramedics
        "he kneels beside her on the kitchen tiles. 'you fell,' he says. 'say it.' "
        "when the ambulance comes she says it to the paramedics too.",
        # laughed off as clumsiness, beside older bruises
        "my brother-in-law laughs at the barbecue and says she's so clumsy, always walking into things. "
        "her arms are covered in old bruises under the cardigan.",
    ],
)
def test_an_injury_explained_away_twice_warns(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # clumsiness with no one hurt by anyone
        "i'm such a klutz, i dropped the whole tray of cupcakes in the car park, send help.",
        # an honest fall told to a nurse
        "grandad tells the nurse he slipped on the wet leaves and she says hip fractures are common in autumn.",
        # sport bruises healing
        "my shins after rugby season: a map of old bruises, yellow going green, and i'm so proud of every one.",
        # a fruit ripening
        "the bananas on the counter are green going yellow, so smoothies on thursday.",
    ],
)
def test_one_sign_or_an_honest_fall_stays_clean(text: str) -> None:
    assert "abuse" not in ids(text)


# Change 2, the household reading his arrival (0.5): his car, truck, key or footsteps at the
# door or in the drive beside a body that goes still, a breath held, a TV switched off, or
# "what kind of night it will be" (learning the sound of his car is learned-quiet's, and is not
# counted twice). A parent's car in the drive with no fear stays clean.


@pytest.mark.parametrize(
    "text",
    [
        # the key in the lock and the house gone quiet, and obedience under his roof
        "his key turned in the front door and the whole house went quiet. "
        "later it was 'while you live under my roof' and the door of the spare room.",
        # the car in the drive, the room going silent, and the story she tells about her arm
        "when his truck pulled into the driveway the whole house went quiet. "
        "the next day she told the school nurse she slipped on the stairs.",
    ],
)
def test_a_household_reading_his_arrival_warns(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # a surprise party hiding from a husband coming home
        "his car pulled into the drive and we all went quiet behind the sofa, holding our breath, "
        "and then jumped up shouting happy birthday.",
        # a dad home from work, welcomed
        "dad's car turns into the drive at six and the twins go running out barefoot to meet him.",
    ],
)
def test_an_arrival_without_fear_stays_clean(text: str) -> None:
    assert "abuse" not in ids(text)


# Change 3, the people around her falling away (0.5): friends or family kept from her ("he
# stopped her seeing her sister"; "you don't need your friends"), contact cut, someone "a bad
# influence" in the third person, friends or a sister who have stopped calling, a sister not seen
# since; friends-stopped also takes a sister who stopped texting and "Jade's stopped asking". A joke
# among friends ("you're a bad influence") or friends who drift stays clean.


@pytest.mark.parametrize(
    "text",
    [
        # a friend called a bad influence, and her phone read every night
        "he said marnie was a bad influence, so i stopped going to book club. "
        "he still scrolls through my phone every night before bed.",
        # kept from her mother, beside the clumsy story
        "he kept her from visiting her mother all winter. "
        "when her brother asked about the bandage she laughed and said she's such a klutz.",
    ],
)
def test_the_people_around_her_falling_away_warns(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # a friend teasing another into a second dessert
        "you're a bad influence, priya groans, and orders the brownie anyway.",
        # friends drifting after a move
        "since i moved to leeds my old friends stopped texting as much, and honestly that's just life.",
    ],
)
def test_a_joke_or_a_drift_stays_clean(text: str) -> None:
    assert "abuse" not in ids(text)


# Change 4, racism: the hooting rule (monkey noises beside a banana skin or scratched armpits) also
# takes the singular, "the monkey noise", "a monkey chant", "ape noise". A toddler's monkey noise at
# the zoo, with no banana skin thrown, stays clean.


def test_the_monkey_noise_in_the_singular_beside_a_banana_skin_warns() -> None:
    text = (
        "someone left a banana skin on his peg in the changing room. "
        "when he came out for the warm-up the away end started the monkey noise again."
    )
    assert "racism" in ids(text)


def test_a_toddler_at_the_zoo_stays_clean() -> None:
    text = "at the zoo my toddler does the monkey noise at the gibbons and they ignore him completely."
    assert "racism" not in ids(text)


# Change 5, racism: the pretext stop. "You match a description" (a description, said of a person,
# the stock reason given for stopping someone for how they look) warns alone; "he fits the
# description" and a tail light "that wasn't broken" are weak signs (0.5) that need another, such
# as an officer asking whose car it is. A witness's description of a suspect stays clean.


@pytest.mark.parametrize(
    "text",
    [
        "second time this week the patrol car slows beside me on my own street. "
        "'you match a description,' the officer says, and doesn't say which.",
        "the cop asks whose car this is, though the registration is in my name. "
        "then he tells his partner i fit the description.",
    ],
)
def test_a_pretext_stop_warns(text: str) -> None:
    assert "racism" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # a detective story: a suspect and a witness's description
        "a man matching a description given by the witness was seen near the docks, the inspector said.",
        # an officer checking a car after a crash
        "the officer asked whose car this was, wrote down the plate, and said the tow truck was on its way.",
    ],
)
def test_a_suspect_described_stays_clean(text: str) -> None:
    assert "racism" not in ids(text)


# Change 6: one phrase is counted once. "Learning the sound of his car" is learned-quiet's, and
# "he said she was a bad influence" is isolate-more-a's; the new rules no longer count them again,
# so either phrase alone stays one weak sign.


@pytest.mark.parametrize(
    "text",
    [
        "he said she was a bad influence, and honestly she was: we missed the last bus twice.",
        "the dog learns the sound of his car in the driveway and waits by the door with her tail going.",
    ],
)
def test_one_phrase_is_counted_once(text: str) -> None:
    assert "abuse" not in ids(text)
