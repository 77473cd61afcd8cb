"""Sexism, racism, homophobia and ableism told the ways that recur across blind writers (fifty-fifth
session, ident55; docs/warnings-eval.md "Fifty-fifth session").

Each way was taken from the misses of at least three of the ten newest sets (fresh50a to 54b), each
written blind by a different writer, and is written here in sentences of my own, never a set's passage.

Sexism: a claim about what women are by nature ("women's hands aren't made for it", "girls think
with their feelings", "women are like horses", "a wife obeys"); her idea repeated by a man and praised;
her place told as marriage ("you'll marry and stop working", "wasted on nappies", "taken a place from a
man", "needs a man's name on it").

Racism: a police stop about the car ("nice car, whose is it, son?", "too nice a car", "description
matches"); a people described by nature ("the natives are like children", "by nature idle", "closer to
beasts", "his kind are all the same, thieves").

Homophobia: being gay called a sickness to be cured beside a sign of who is loved; the family's door
("we don't have that in this family", "you know where the door is", "don't come for Christmas")
beside a sign that it is about being gay.

Ableism: a disabled person called "the vegetable".

Each twin keeps the same words where no one is harmed for who they are."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids

SEXISM = [
    "'Women's hands aren't built for welding,' the foreman said, and gave the torch to the new lad.",
    "Her uncle said girls think with their feelings, so the farm would go to her cousin.",
    "'Women tend to lack the nerve for trading,' the desk head told the graduate intake.",
    "He told the class that women were too emotional to command a ship.",
    "'A wife obeys,' the elder said, and the room nodded.",
    "'Women are like horses,' the duke said over the port. 'Break them young.'",
    "Every time she spoke, Tom repeated what she said a little louder, and the boss said great idea, Tom.",
    "'You'll marry and stop working anyway,' the careers officer said, and handed her the typing leaflet.",
    "'All that education wasted on nappies,' her grandfather said at the graduation.",
    "'You've taken a place from a man,' the professor told her on the first day.",
]

SEXISM_TWINS = [
    "The two women couldn't lift the piano, so they rang for help.",
    "The girls think in pictures when they draw, the art teacher said proudly.",
    "The women were too tired to walk back, so they took a taxi.",
    "He repeated what she said into the radio so the pilot could hear, and the pilot said good call.",
    "You'll marry and leave us all behind, her gran teased, and kissed her cheek.",
    "The envelope had a man's name on it, but the handwriting was her sister's.",
]

RACISM = [
    "The cop leaned into the window. 'Nice car. Whose is it, son?'",
    "The sheriff pulled him over for driving too nice a car and made him stand with his hands on the roof.",
    "The governor's letter said the natives were like children and must be governed as children.",
    "'Your people are closer to beasts,' the envoy said, and wiped the chair.",
    "The overseer wrote that the field hands were by nature idle.",
]

RACISM_TWINS = [
    "'Nice car,' the officer said at the charity show, admiring the paintwork of the old Jaguar.",
    "The officer pulled him over for speeding and gave him a ticket; he was doing sixty in a thirty.",
    "The natives of the island were welcoming, the travel writer noted.",
    "The puppies were by nature curious and got into every cupboard.",
]

HOMOPHOBIA = [
    "'It's a sin and a disease,' the pastor said about her and that girl.",
    "'Two men sharing a bed is a sickness,' the landlady said.",
    "He told his dad he was gay. 'Then you know where the door is.'",
    "'Don't come for Christmas,' Gran said after he came out to her.",
]

HOMOPHOBIA_TWINS = [
    "She was cured of it by spring, the cough that had kept her in bed all winter.",
    "'Gambling is a sickness,' her counsellor said, and she nodded.",
    "'We don't have that in this family,' Mum said about the ketchup on the turkey.",
    "'You know where the door is,' she told the plumber, smiling, when he asked where to go.",
]

ABLEISM = [
    "The carers called him the vegetable, though he understood every word after the stroke.",
]

ABLEISM_TWINS = [
    "The vegetable patch was the best thing about the care home garden.",
]


WARNED = [
    (label, text)
    for label, texts in (("sexism", SEXISM), ("racism", RACISM), ("homophobia", HOMOPHOBIA), ("ableism", ABLEISM))
    for text in texts
]
TWINS = [
    (label, text)
    for label, texts in (
        ("sexism", SEXISM_TWINS),
        ("racism", RACISM_TWINS),
        ("homophobia", HOMOPHOBIA_TWINS),
        ("ableism", ABLEISM_TWINS),
    )
    for text in texts
]


@pytest.mark.parametrize(("label", "text"), WARNED, ids=[f"{label}-{n}" for n, (label, _) in enumerate(WARNED)])
def test_recurring_ways_of_telling_the_harm_warn(label: str, text: str) -> None:
    assert label in ids(text)


@pytest.mark.parametrize(("label", "text"), TWINS, ids=[f"{label}-{n}" for n, (label, _) in enumerate(TWINS)])
def test_the_same_words_where_no_one_is_harmed_for_who_they_are_stay_clean(label: str, text: str) -> None:
    assert label not in ids(text)
