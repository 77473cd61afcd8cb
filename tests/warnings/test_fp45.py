"""False alarms on warning-free passages, by why they fire (forty-fifth session; fp45's section of
docs/warnings-eval.md).

Each case is new synthetic text in general vocabulary, not copied from a set. Each shape that no
longer warns has twins with the real thing told plainly beside the same words, which still warn.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


# A death undone: a thing or a person "resurrected" says the death was a figure all along.
@pytest.mark.parametrize(
    "text",
    [
        "the printer is dead. properly dead. we held a funeral for it in the break room and mo read a eulogy "
        'off a post-it. then kemi kicked it once and it whirred and spat out forty pages. "it\'s back," she '
        'said. "we brought it back from the dead." we all cheered and went back to work.',
        'the group chat declared the party dead at nine. "rip the party," wrote jun, "time of death 9:04." '
        "then the pizza came and dami declared herself resurrected and we danced in the kitchen until midnight.",
    ],
)
def test_a_death_undone_is_no_death(text: str) -> None:
    assert not ids(text) & {"death", "grief"}


@pytest.mark.parametrize(
    "text",
    [
        "Grandad died in March. We buried him beside Gran, and at the funeral the vicar said he was sure they "
        "were together again.",
        "the doctors said my brother was dead for two minutes before they got his heart going. he died again "
        "that night, and this time they could not bring him back. we buried him on friday.",
    ],
)
def test_a_death_with_no_undoing_still_warns(text: str) -> None:
    assert "death" in ids(text)


# A thing "kidnapped" or "held hostage": a sock, a charger, a hoodie.
@pytest.mark.parametrize(
    "text",
    [
        "ok so my roommate kidnapped my charger AGAIN and says it's being held hostage until i do the dishes. "
        "i did the dishes.",
        '"your hoodie is being held hostage," he texts. "come to dinner and you can have it back." she goes to dinner.',
    ],
)
def test_a_thing_held_hostage_is_no_kidnapping(text: str) -> None:
    assert "kidnapping" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The men kidnapped the shopkeeper's daughter from the market and held her for ransom in a farmhouse "
        "for nine days.",
        "They took the ambassador hostage at the airport and held him in a basement for a month.",
    ],
)
def test_a_person_held_hostage_still_warns(text: str) -> None:
    assert "kidnapping" in ids(text)


# A toy or a bath product named after a weapon, and a jet that is jet lag.
@pytest.mark.parametrize(
    "text",
    [
        "she unwrapped the bath bomb from its foil, dropped the bomb into the water and watched it turn the "
        "whole bath pink and sparkly.",
        "we made seed bombs out of clay and wildflower seeds in art club and threw the bombs over the fence "
        "into the empty lot across the street.",
        "we stepped off the plane and the heat hit us like a wall; the jet lag hit me the next morning and i "
        "slept through breakfast.",
    ],
)
def test_a_bath_bomb_or_jet_lag_is_no_war(text: str) -> None:
    assert "collective-violence" not in ids(text)


def test_bombs_on_a_city_still_warn() -> None:
    assert "collective-violence" in ids(
        "The bombs fell on the city all night and the houses along the river were burning by morning."
    )


# A limb lost to a war years ago, told as a character's past: the war is not on the page.
def test_a_limb_lost_long_ago_is_no_war_scene() -> None:
    text = (
        "Tomás lost his left leg to a roadside bomb in Iraq when he was twenty, and now he runs the climbing "
        "wall on Saturdays and beats every teenager to the top."
    )
    assert "collective-violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The army shelled the village at dawn and my uncle lost his right arm to a mortar round; the soldiers "
        "shot the men who ran.",
        "The roadside bomb tore through the convoy and killed four soldiers; Sergeant Diaz lost his left leg "
        "in the blast.",
    ],
)
def test_a_war_on_the_page_still_warns(text: str) -> None:
    assert "collective-violence" in ids(text)


# A chord, a smell or the heat "hits you": no one strikes anyone.
def test_music_that_hits_you_is_no_blow() -> None:
    text = (
        "the opening chord hits you square in the chest and the whole crowd jumps, and your best friend "
        "grabs your hand and screams every word."
    )
    assert "violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "He hit her across the face and she fell against the table.",
        "The man punched him in the stomach and kicked him when he went down.",
    ],
)
def test_a_blow_still_warns(text: str) -> None:
    assert "violence" in ids(text)


# A funeral that is a joke: a birthday's mock funeral, a cake shaped like a gravestone.
def test_a_joke_funeral_is_no_death() -> None:
    text = (
        "for his fortieth his friends threw him a joke funeral: black balloons, a eulogy about his knees, and "
        "a cake shaped like a tombstone that said RIP HIS THIRTIES. he cried laughing and everyone danced until one."
    )
    assert not ids(text) & {"death", "grief"}


def test_a_funeral_with_no_joke_still_warns() -> None:
    text = (
        "Dad's funeral was on a Tuesday. We buried him beside Mum and afterwards everyone came back to the "
        "house for sandwiches and nobody could eat."
    )
    assert {"death", "grief"} <= ids(text)


# "I want to walk into the sea" over a meeting: the stock hyperbole in its other tenses.
def test_wanting_to_walk_into_the_sea_over_a_meeting_is_no_suicide() -> None:
    text = (
        "we were told to go to the office and i want to walk into the sea. it is a tuesday and my manager has "
        "booked a three-hour meeting about the new font."
    )
    assert "suicide" not in ids(text)


def test_walking_into_the_sea_with_stones_still_warns() -> None:
    text = (
        "She walked into the sea that night with stones in her pockets, and her sister found the note in the morning."
    )
    assert "suicide" in ids(text)


# Knights "sent to slay" a dragon: an errand, not a death.
def test_an_errand_to_slay_is_no_death() -> None:
    text = (
        "The old dragon of the fen steals pies from windowsills, and every knight sent to slay him comes home "
        "fat and happy and a little ashamed, so the king has stopped sending them."
    )
    assert "death" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The assassins were sent to slay him in his bed, and by morning the old king was dead, his blood on the sheets.",
        "The knight rode into the hall and slew the king where he sat, and the queen screamed over his body.",
    ],
)
def test_a_slaying_still_warns(text: str) -> None:
    assert "death" in ids(text)


# "queer" said of one's own book club, choir or youth centre: the word reclaimed, not hurled.
def test_a_queer_book_club_is_no_homophobia() -> None:
    text = (
        "The queer book club meets in the back of the bakery, and this month's novel has a villain called "
        "something nobody can pronounce."
    )
    assert "homophobia" not in ids(text)


def test_a_slur_called_after_someone_still_warns() -> None:
    text = (
        '"Fairy," he called after me across the car park, and his mates laughed while I walked to my car with '
        "my keys between my fingers."
    )
    assert "homophobia" in ids(text)


# "Women belong on bridges": the stock line turned round, said for women.
def test_women_belonging_everywhere_is_no_sexism() -> None:
    text = (
        "Three months on the site and the chief engineer says it in front of everyone: \"Amara's numbers are "
        'right, ours are wrong." Women belong on bridges, she thinks, grinning at the steel.'
    )
    assert "sexism" not in ids(text)


def test_women_belonging_in_the_kitchen_still_warns() -> None:
    text = '"women belong in the kitchen, not on the pitch," some man yells from the stands as she jogs out to warm up.'
    assert "sexism" in ids(text)


# "war crimes" read twice (as war and as a war crime): one figure made a war scene on its own.
def test_a_war_crime_said_of_singing_is_no_war() -> None:
    text = (
        '"the deal doesn\'t cover war crimes," he says, when his brother starts singing along to the radio '
        "again. the soup is perfect anyway."
    )
    assert "collective-violence" not in ids(text)


def test_a_war_crime_told_with_its_acts_still_warns() -> None:
    text = (
        "The tribunal heard how the militia shelled the market and shot the villagers in the square; it "
        "called what was done there a war crime."
    )
    assert "collective-violence" in ids(text)
