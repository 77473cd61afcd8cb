"""Violence, war, kidnapping and abuse told by what happens, written from what each harm is rather than
mined from a set (forty-seventh session, vocab47c; /work/scratch/s47/docs/vocab47c.md).

Every text is new, short and in general words, written for the test, in the registers fan fiction
uses (lower case, chat, second person, present tense). Each warning case failed before its change;
each twin (a sport, a game, a prank, a history lesson, a kiss, a parent's ordinary rule) stays clean."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids

# Violence told by its blows: held by the throat, jumped on the way home, a weapon pulled or held to
# the throat, attacked with a weapon, left bleeding, a relative hit, riot police wading in, acid
# thrown, a man who drops when shot, a taser, a wrist snapped, a rifle butt in the face.


@pytest.mark.parametrize(
    "text",
    [
        "he pinned me against the wall by my throat and i couldn't get a word out.",
        "someone threw acid in her face outside the station and ran.",
        "he fired twice and the man on the landing dropped.",
        "three lads jumped him on his way home from the chippy and took his phone.",
        "you pull a knife on the cashier and she goes very still.",
        "the man held a box cutter to her throat and told her to open the till.",
        "he was attacked with a hammer on his own doorstep.",
        "the officer tased him while he was already in cuffs.",
        "they took his wallet and left him bleeding in the underpass.",
        "he snapped her wrist like a twig and walked out.",
        "the soldier smashed the rifle butt into the old man's face.",
        "dad hit my mum again last night. i heard it through the wall.",
        "the riot police waded into the students with batons.",
    ],
)
def test_violence_told_by_its_blows_warns(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # a kiss against the wall
        "he slammed her against the wall and kissed her until neither of them could think.",
        # a door slammed, not a person
        "she slammed the door into the wall on her way out and the picture fell.",
        # a dog attack is not a person's violence
        "he was attacked by a dog on his way home and needed a tetanus shot.",
        # a rope swing
        "my brother swung at me on the rope swing and missed by a mile, we were crying laughing.",
        # a team written off
        "the pundits left them for dead in the title race, and then they won nine straight.",
        # beating a sibling at a game
        "i beat my brother at chess again, he's furious.",
    ],
)
def test_violence_twins_stay_clean(text: str) -> None:
    assert "violence" not in ids(text)


# War told through the people in it: the raids every night, families driven out at gunpoint, a
# siege's hunger. The raids and the hunger are weak signs (0.5): two make a warning, one alone does not.


@pytest.mark.parametrize(
    "text",
    [
        "the bombing raids came every night that winter. by february there were no dogs left in the city.",
        "they were driven out of their village at gunpoint and walked for nine days.",
        "whole families were marched over the pass, and those who couldn't keep up were left by the road.",
    ],
)
def test_war_told_through_people_warns(text: str) -> None:
    assert "collective-violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # one weak sign alone: a child's raids on the biscuit tin
        "my little brother's night raids on the biscuit tin came every night that summer.",
        # one weak sign alone: a family story about a hard winter
        "grandad swears they ate the rats in the winter of 1947 when the pipes froze. nobody believes him.",
    ],
)
def test_war_twins_stay_clean(text: str) -> None:
    assert "collective-violence" not in ids(text)


# Kidnapping as it happens: taken off the street, snatched from a pram, bundled into a van, lured
# away from a park, told in the passive as often as not.


@pytest.mark.parametrize(
    "text",
    [
        "they took her right off the street outside the launderette. her basket was still on the pavement.",
        "the kid was lured into the car with a promise of puppies, and the car was gone.",
        "she was snatched from her pram outside the bakery while her mum paid.",
        "he was lured away from the park by a man with a puppy, and nobody saw which way they went.",
    ],
)
def test_kidnapping_as_it_happens_warns(text: str) -> None:
    assert "kidnapping" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # a child pulled back from the road
        "she pulled him off the road just in time, the bus horn still going.",
        # an arrest, not an abduction
        "he was thrown into the back of a police van and driven to the station.",
        # a hen do
        "we kidnapped the bride for her hen do and drove her to a spa, she screamed the whole way laughing.",
    ],
)
def test_kidnapping_twins_stay_clean(text: str) -> None:
    assert "kidnapping" not in ids(text)


# Abuse by a partner or a parent as it is lived: flowers after, a threat if she tells, "if I didn't
# make him so angry", a parent's belt, the passwords, his mood deciding the evening. Each is a weak
# sign (0.5): two different ones in a scene warn, one alone does not.


@pytest.mark.parametrize(
    "text",
    [
        "there were always flowers after. it's my fault, if i didn't make him so angry he wouldn't have to shout.",
        "she said if i ever told my dad she'd make sure i regretted it. her mood decided whether we ate.",
        "it's my fault, if i didn't make him so angry he wouldn't have to shout. his mood decides the evening.",
        "dad took his belt off at the table. if we told anyone at school he said we'd be sorry.",
        "he has all my passwords. he said he didn't know what came over him, and there were roses.",
    ],
)
def test_abuse_as_it_is_lived_warns(text: str) -> None:
    assert "abuse" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # one weak sign alone
        "he has all my passwords because i keep forgetting them, bless him.",
        # a mum checking after school
        "mum calls at lunch to check i'm home from school, she worries.",
        # flowers after a row about the washing-up, and nothing else
        "there were flowers after our row about the dishes, which was very him.",
    ],
)
def test_abuse_twins_stay_clean(text: str) -> None:
    assert "abuse" not in ids(text)
