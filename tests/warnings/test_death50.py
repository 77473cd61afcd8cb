"""Death told and death not meant (fiftieth session, death50; /work/scratch/s50/docs/death50.md).

The false deaths of the blind sets come in a few senses the rules had not learned: a body part that
"is dead" or "murdered" after a climb; a life that is "a corpse waiting to happen"; a murder only
checked for ("mum came in to check if I'd been murdered"); a thing that dies (a high note, a laugh,
the wind; what dies in a riddle); a death word in scare quotes; a game of Go, whose groups live and
die; a stage death run seven more times; "RIP my phone". Each narrowing has a warned twin: the same
word where somebody has died.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "Four hours on the bouldering wall and I could not lift a kettle. My forearms are dead, my calves "
        "are dead, and the instructor wants me back on Thursday.",
        "'My fingertips are murdered,' Ola said, flexing them over the chalk bucket after the comp round.",
        "'That boy on the roof is a corpse waiting to happen,' the foreman said, and sent him down for a harness.",
        "The kettle screamed so loudly that Dad ran up the stairs to check whether we'd been murdered.",
        "'My high note died halfway up the scale,' Jun wailed from the practice room.",
        "The choir's big note died in the second verse and the conductor put her face in her hands.",
        "'What dies when you say its name?' the sphinx asked. 'Silence,' said the baker, and was let through.",
        'After the ride he lay on the grass and said he\'s "dead" and wants to be "buried" under the '
        "picnic blanket, and then he ate three sandwiches.",
        "Go club on Thursdays. My teacher taps my stones: 'this group is dead, and that corner is dead too.' "
        "I resign and we play again.",
        "'You die here, centre stage,' the director said. Kim hits the stage, and we run it six more times "
        "until the corpse stops giggling.",
        "r.i.p. my laptop, who drowned in a flat white on Monday. She is survived by a charger.",
    ],
)
def test_figurative_deaths_do_not_warn(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # the warned twins of each narrowing: the same words where somebody has died
        "The rescue team reached the ledge at dawn. The climber was dead, roped to the anchor, his hands "
        "still in his gloves.",
        "The detective told her at the door that her brother had been murdered in his flat.",
        "The dog walker found a corpse in the reeds below the weir and phoned the police.",
        "Her grandmother died in her sleep on Tuesday, with the radio still on.",
        "'He's dead,' the medic said, and sat back on his heels in the road.",
        "The ferryman's son drowned in the river the spring he turned nine.",
    ],
)
def test_real_deaths_still_warn(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a plant's mock funeral, a jumper "cremated" in a dryer, a book's fictional dog
        (
            '"The basil is dead," said Priya, holding up the pot. "Rest in peace, Gerald." So we held a funeral '
            "by the recycling bins, and Tom read a eulogy off his phone and everyone cried laughing.",
            "death",
        ),
        (
            '"The basil is dead," said Priya, holding up the pot. "Rest in peace, Gerald." So we held a funeral '
            "by the recycling bins, and Tom read a eulogy off his phone and everyone cried laughing.",
            "grief",
        ),
        (
            "My good jumper is in the tumble dryer being cremated, and Sam says I should have read the label "
            "before it came out doll-sized.",
            "death",
        ),
        (
            "She finished the last chapter in the bath and it wrecked her: grief, real grief, sobbing so loudly "
            'her flatmate knocked. "Did someone die?" "A fictional dog!" she wailed. "From 1961!"',
            "grief",
        ),
    ],
)
def test_mock_rites_and_fiction_do_not_warn(text: str, category: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "Her grandmother's basil still grew on the sill. The funeral was on Friday, and on Saturday Maya "
            "watered it and cried.",
            "grief",
        ),
        ("They cremated him on Tuesday, and his sister kept the ashes in a tea tin on the shelf.", "death"),
    ],
)
def test_their_warned_twins_still_warn(text: str, category: str) -> None:
    assert category in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # a war marker x the dead told by what is left (r50-war-told), beside a sure collective violence
        "The artillery opened on our section of the line before dawn and kept on until noon. Lance Corporal "
        "Evans was hit by a shell splinter by the latrine, and there was nothing to send home but his tags.",
        "The militia shelled the market for a week. The snow in the square was red until the thaw, and after "
        "the first days the women stopped counting.",
        "The soldiers herded the men of the valley into the mill and set it alight. It burned with the miller "
        "still inside it, and his wife watched from the road.",
        "When the barrage lifted, the platoon went over. Half of them reached the wire; the rest were lying in "
        "the mud and would not be getting up.",
        # a monitor x a flat line x a bedside (r50-flat-line)
        "The monitor over Grandpa's bed went flat and quiet, and the nurse put a hand on my shoulder and said "
        "she would give us a minute.",
        "Just after three the trace on the screen ran flat. The doctor looked at the clock and a nurse "
        "switched the machine off.",
    ],
)
def test_deaths_told_without_died_warn(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "In the history lesson we copied the map of the barrage at the Somme, and Mr Hale stopped counting "
        "the hands that went up for the toilet.",
        "At paintball the snipers in the trees got all four of us, and the count was ten-nil by lunch.",
        "The battery went flat halfway up the hill, so the nurse walked the last mile with her bag.",
        "The lemonade went flat while the doctor and the nurse argued about the monitor for the ward.",
    ],
)
def test_their_living_twins_stay_clean(text: str) -> None:
    assert "death" not in ids(text)
