"""Machines, plants and chat emotes that "die" must stay clean, and people who die still warn
(fortieth session, round 40b; docs/warnings-eval.md, "Round 40b").

Each case is written in general vocabulary, not copied from a set: a thing as the subject of
"died" (a kettle in the staff room, a fern someone repotted), an emote in a chat log
("me: *dies*"), dying of embarrassment; the same verb with a person as its subject still warns."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "the kettle in the staff room died on tuesday and nobody has admitted to missing it more than me.",
        "the printer on floor three has died, so the whole department is queueing at the one by the lifts.",
        "update on the fern: the fern i repotted in april has died. i watered it. i talked to it. nothing.",
        "our lawnmower finally died halfway across the back garden, and dad stood over it like a mourner.",
    ],
)
def test_a_thing_that_died_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "group chat at 2am. the author: *updates* me: *dies* me: *comes back to life to leave a comment*",
        "he winked at me across the lecture hall and i just died of embarrassment, right there in row c.",
    ],
)
def test_an_emote_or_embarrassment_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "the man in the hospital bed died on tuesday, with his daughter holding his hand.",
        "my grandfather in the care home died last night, and mum drove up through the snow to be there.",
    ],
)
def test_a_person_who_died_is_still_a_death(text: str) -> None:
    assert "death" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "she sent a skull emoji. is that he's dead (laughing) or he's dead (bored)? i have read it nine times.",
        "ok the plot twist. im deceased. im in the ground. somebody tell my mother i loved her.",
        "sound check: the lights are fine but mic two is dead and channel four is dead too, someone fetch a runner.",
        "the old tea urn is dead as a doornail, so the choir is drinking squash at the interval.",
    ],
)
def test_dead_of_laughter_or_of_a_thing_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


def test_a_simile_of_a_dead_animal_is_no_animal_death() -> None:
    text = "she held the burnt toast out at arm's length, like someone had handed her a dead mouse, and binned it."
    assert "animal-death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "by the time the ambulance came he was dead, and the driver sat on the kerb with his head in his hands.",
        "they found a dead fox by the bins in the morning, its leg caught in the netting.",
    ],
)
def test_a_dead_person_or_animal_still_warns(text: str) -> None:
    found = ids(text)
    assert "death" in found or "animal-death" in found


def test_a_death_told_in_the_present_tense_is_a_death() -> None:
    """The rehearsal idiom "you die here" also cancelled "he dies there" in a story told in the present."""
    text = "the sniper gets my brother in the open by the well, and he dies there, in the dust, before i reach him."
    assert "death" in ids(text)


def test_a_death_on_the_cue_in_rehearsal_is_no_death() -> None:
    text = "notes from tech: she dies on the cue now, not before it, and the blackout follows a beat later."
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "he came in from the storm looking like a drowned scarecrow, dripping on the good rug, and asked for tea.",
        "her aunt said the new hat resembled a drowned lampshade, and said it loudly, across the whole pew.",
    ],
)
def test_a_drowned_thing_in_a_simile_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


def test_a_person_who_drowned_is_still_a_death() -> None:
    assert "death" in ids("the ferryman's son drowned in the flood that spring, and they never found the boat.")


@pytest.mark.parametrize(
    "text",
    [
        "the raiders burned the church and the mill on their way north, and the valley went hungry that winter.",
        "before the ships left they torched the temple, the granary and the houses down by the river.",
    ],
)
def test_a_church_burned_with_the_town_is_no_religious_discrimination(text: str) -> None:
    """A church among the buildings a raid or a war burns is the town's loss, not an attack on a faith."""
    assert "religious-discrimination" not in ids(text)


def test_a_place_of_worship_burned_alone_is_still_religious_discrimination() -> None:
    text = "someone torched the synagogue on the high street overnight and painted slogans on the door."
    assert "religious-discrimination" in ids(text)
