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

Death told without the common words: a ship lost with all hands, an obituary's "survived by",
soldiers who shot whoever ran, a burial at sea, DOA, a body found in the water after days, a hand
held until it goes cold, a pulse felt for and not there, a deathbed's breathing with long gaps and
then no other, a body laid out in the front parlour, a coffin carried to the hearse, a folded flag
handed to the family, the medical examiner, a body flown home, eyes that stay open; "dead on
arrival" of a person and "the dead on the hillside" (an idiom's exclude, "dead on" = exactly, had
silenced both). Grief beside a death: mourning black worn for a year, a room not entered since, a
gate watched as if he might still come home, friends who stopped asking, a cardigan kept for its
smell.
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


@pytest.mark.parametrize(
    "text",
    [
        # a ship lost with all hands
        "The herring boat Margaret Ann went down with all hands off Stornoway in the gale of 1953.",
        # an obituary
        "Walter Greer, 81, of Dunmore Road. He is survived by his wife Edna, two sons and six grandchildren.",
        # DOA
        "The kid was DOA at County General. I had to make the call to his mother from the corridor.",
        # a body found in the water after days of searching
        "They found him in the canal after four days of searching, a mile below the lock.",
        # a pulse felt for, and none there
        "I felt for a pulse at her wrist and there wasn't one, so I tried her neck, and there wasn't one there either.",
        # a deathbed's breathing with long gaps, and then no other
        "Towards morning his breathing came with long gaps between, and at five past four there wasn't another.",
        # laid out at home
        "Grandfather was laid out in the front parlour, and the neighbours came in their Sunday coats.",
        # a coffin carried to the hearse
        "Four of her old colleagues carried the coffin down the church steps to the hearse.",
        # a burial at sea
        "At dawn the bosun sewed him into his hammock and we committed him to the deep.",
        # a hand held until it goes cold, and the skin gone waxy (two weak signs together)
        "You hold her hand until it goes cold; her cheek is already waxy under your thumb.",
        # a folded flag handed to the family
        "In the front row a young marine handed his mother the folded flag, and she held it on her lap.",
        # the medical examiner
        "The medical examiner put the time at somewhere after midnight and zipped the bag.",
        # a body flown home
        "Her parents had her body flown home from Lisbon and buried in the village.",
        # "dead on arrival" of a person, and "the dead on" a hillside, are no idiom
        "He was dead on arrival at St Luke's, and the police wanted a statement from the driver.",
        "After the battle the women went out to find their sons among the dead on the hillside.",
        # eyes that stay open on nothing, and a cold hand (two weak signs together)
        "Her hand was cold when I took it, and her eyes stayed open on the ceiling fan.",
        # soldiers who shot whoever ran, beside a massacre
        "The militia burned the market and shot whoever ran for the river. By evening the town was empty and the "
        "wells were full of smoke.",
    ],
)
def test_a_death_told_without_the_common_words_warns_death(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # mourning black for a year
        "Her husband died at Michaelmas. She wore black for a year and would not have music in the house.",
        # his room not entered since
        "Dad died in the spring. Mum hasn't been into his study since, and the door stays closed.",
        # watching the lane as if he might still come
        "Her son was killed at Ypres. Every evening she stood at the gate as if he might still come up the lane.",
        # the friends who stopped asking
        "My wife died in January. By April people had stopped asking how I was doing.",
        # a scarf kept for its smell
        "Mum died when I was twelve. I kept her cardigan in a freezer bag so it would keep her smell.",
    ],
)
def test_grief_after_a_death_warns_grief(text: str) -> None:
    assert "grief" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # someone away for work, not gone
        "Dad's been gone two months on the rig. He's back for Christmas and Mum is counting the days.",
        # black for a party
        "She wore black for the party because it was the only dress that fit.",
        # a teenager's shut door
        "I haven't been into her room since she turned fifteen. She'd kill me.",
        # a chat's rip over a wallet and jeans
        "rip my wallet after that sale lmao. rip dad's old jeans too, they finally split.",
        # idioms of "dead on", a song dead on arrival, a flag folded at camp, an armband worn as a joke
        "He came in dead on time, as usual, with a coffee for everyone.",
        "That song was dead on arrival, honestly, nobody streamed it.",
        "The scout troop folded the flag at sunset and handed it to the leader.",
        "One of the strikers wore a black armband as a joke after the derby, and the manager fined him.",
        # M.E. the illness
        "The ME is invisible; on good days she looks fine, and on bad ones she can't lift the kettle.",
        # a held hand that goes cold with nerves
        "Her hands went cold with nerves before the interview and she sat on them.",
    ],
)
def test_twins_of_the_new_signs_stay_clean(text: str) -> None:
    found = ids(text)
    assert "death" not in found and "grief" not in found
