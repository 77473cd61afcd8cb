"""Death, grief and suicide told the ways writers tell them, and the general causes of their false
alarms (forty-seventh session, vocab47a; /work/scratch/s47/docs/vocab47a.md).

Suicide's false alarms, by cause: a soldier's or a sailor's last letter is no suicide note;
throwing oneself into work, a ditch or a punch bowl is no method (into a river or the traffic
still is); not wanting to wake up next to someone is no wish to die; "i'm going to kill myself,
from embarrassment" and "i killed myself writing that chapter" say what they mean.

Death's false alarms, by cause: hyperbole two words deep ("i am literally already dead"), the dead
as the undead or a myth's ("the dead are coming", "the land of the dead", "the hall of the dead"),
idioms ("speak ill of the dead", "rose from the dead", deadheading, a coffin emoji, "put it on my
headstone", "i'd rather be buried in a shallow grave"), a death only supposed ("she must think i
drowned"), a man hung by his wrists.
Every text here is new and short, written for the test, in general words."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        # a soldier's last letter, not a suicide note
        "His last letter came in May, full of mud and jokes and asking after the dog.",
        # thrown into work, into a ditch, into a punch bowl
        "After the divorce she threw herself into her work, twelve-hour days and weekends too.",
        "When the planes came over, everyone threw themselves into the ditches by the road.",
        "If he mentions his pension again I shall throw myself into the punch bowl.",
        # not wanting to wake up next to someone
        "I don't want to wake up next to him ever again, she told her sister, and packed a bag.",
        # hyperbole that says so
        "'cool. great. i'm going to kill myself now, out of embarrassment,' he told the ice pack.",
        "sorry this update is short, i killed myself writing the last chapter and need a nap",
    ],
)
def test_suicide_false_alarms_stay_clean(text: str) -> None:
    assert "suicide" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # the goodbye note still reads
        "She left a goodbye note on the kitchen table and swallowed every pill in the bottle.",
        # throwing oneself into a river still reads
        "He threw himself into the river from the old railway bridge.",
        # a threat to kill oneself still reads
        "He said he would kill himself if she ever left him, and she believed him.",
    ],
)
def test_suicide_itself_still_warns(text: str) -> None:
    assert "suicide" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # hyperbole, two words deep
        "i am literally already dead, this shift has lasted nine hundred years",
        # the dead as the undead
        '"The dead are coming," Walt said, tilting his head toward the tree line. "Forty, maybe fifty. Slow ones."',
        # a myth's underworld
        "In the story, the ferryman rows you across to the land of the dead for a single coin.",
        # idioms
        '"Never speak ill of the dead," Gran said of the burnt scones, and scraped them into the bin.',
        "Dev rose from the dead the second the pizza arrived.",
        '"I would rather be buried in a shallow grave behind the car park," said Ron, "than run a marathon."',
        # hung by the wrists (a beating, not a hanging)
        "The bandits hung him from the barn beam by his wrists and left him there till the sheriff came.",
    ],
)
def test_figurative_and_supposed_deaths_stay_clean(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # a death only supposed; deadheading; a coffin emoji; a joke epitaph (clean before, kept clean)
        '"I want that on my headstone," Geordi said, wiping off the foam. "Killed in an escape room."',
        "My mum must think I drowned, I haven't answered her texts since the beach.",
        "Saturday was for deadheading the roses and arguing about the hedge.",
        "he sent a coffin emoji when i told him about the meeting and honestly same",
    ],
)
def test_idioms_of_death_stay_clean(text: str) -> None:
    assert "death" not in ids(text)
