"""Heavy words in their everyday senses (forty-seventh session, prec47).

A rule whose word has a harmless everyday sense it does not rule out flagged warning-free text
alone: shells gathered on a beach, a bath bomb, a phone that dies, a mystery novel's title. Each
family below narrows one rule with ``unless`` (or its category's ``exclude``) so that only the
harmful sense is left, and keeps the harmful twins it must still find. Every passage is new short
text written for these tests, in several registers.
"""

from __future__ import annotations

import pytest

from bot.warnings.matcher import FRAME, matcher_for
from bot.warnings.rules import default_ruleset
from tests.warnings.passages import ids


def fired(text: str) -> set[str]:
    """The ids of the rules that fire in ``text`` (one paragraph), signs of play left out."""
    found = matcher_for(default_ruleset()).fire([text], [1])
    return {rule.id for rule in found.rules[0] if rule.kind != FRAME}


# Shells and bombs: a seashell, an egg's or a rowing crew's shell, a bath bomb, "bombing down" a road.
EVERYDAY_SHELLS_AND_BOMBS = [
    "We collected shells along the beach all afternoon and lined them up on the windowsill.",
    "Mina found three pink shells in the rock pools and named every one of them.",
    "The rowing shells hung from the boathouse rafters, and the coach yelled at us to lift with our knees.",
    "He looked shell-shocked when the scoreboard flashed six-love, then went to find a sandwich.",
    "She dropped a fizzy bath bomb into the tub and the whole bathroom smelled of lavender.",
    "She drops a glittery bomb into the bath and it foams up like a tiny volcano.",
    "We bombed down the hill on our bikes screaming the whole way to the village shop.",
    "Dad dropped the F-bomb in front of the vicar and the whole pew went quiet.",
    "my sister just dropped a truth bomb on the group chat and now nobody is talking to the cousins",
    "There were bits of shell in the omelette and Dad crunched one very loudly.",
    "The tortoise pulled its head into its shell and the kids waited on the lawn.",
    "The hermit crab swapped into a bigger shell at the weekend and the whole class cheered.",
    "Her first novel bombed in the shops but the second one was a hit.",
    "The comedian bombed, the crowd groaned, and the host dragged him off with a hook.",
]
HARMFUL_SHELLS_AND_BOMBS = [
    "The planes bombed the village at dawn, and by noon the school was rubble.",
    "They shelled the town for nine days; the hospital lost its roof on the fourth.",
    "Shells fell on the market square every morning, and the baker stopped opening.",
    "The shelling of the eastern districts went on all night and nobody in the cellar slept.",
    "The houses were black shells after the soldiers left, and the well had been poisoned.",
]


@pytest.mark.parametrize("text", EVERYDAY_SHELLS_AND_BOMBS)
def test_an_everyday_shell_or_bomb_is_no_war(text: str) -> None:
    assert "collective-violence" not in ids(text)


@pytest.mark.parametrize("text", HARMFUL_SHELLS_AND_BOMBS)
def test_shelling_and_bombing_are_still_found(text: str) -> None:
    assert "collective-violence" in ids(text)


# A phone or laptop that dies: "if it dies", and "it died" beside its screen or battery.
EVERYDAY_DEVICE_DEATHS = [
    "my phone's at 3%, if it dies tell everyone i love them",
    "Laptop at 4 percent. If it dies before I save this essay I am moving to the woods.",
    "The charger's upstairs, so if it dies you'll have to come and find me.",
    '"It died," he said, holding up the black screen, "so no more torch."',
]
HARMFUL_DEATHS_BY_A_PHONE = [
    "If he dies, I'll never forgive you.",
    "My phone buzzed at two: Grandad died an hour ago, Mum wrote.",
    "My phone was on 2% when the hospital rang to say she had died.",
]


@pytest.mark.parametrize("text", EVERYDAY_DEVICE_DEATHS)
def test_a_device_that_dies_is_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize("text", HARMFUL_DEATHS_BY_A_PHONE)
def test_a_death_told_beside_a_phone_is_still_found(text: str) -> None:
    assert "death" in ids(text)


# "The dead" of myth and idiom (the hall or land of the dead, back from the dead), and food or
# noise "drowned": no body, no drowning.
EVERYDAY_DEAD_AND_DROWNED = [
    "She drowned her chips in vinegar, which is the only right way.",
    "He drowned out the telly with his singing and nobody complained.",
    "The riddle said the servants must cross the hall of the dead in the right order, or the curse wins.",
    "Persephone rolls her eyes: her husband literally runs the land of the dead and still can't cook.",
    "Chan rises from the dead the second someone says the word pizza.",
    '"Don\'t speak ill of the dead," said Pip, laying the fern in its shoebox.',
    "We found a body of water on the map and decided to swim in it before lunch.",
]
HARMFUL_DEAD_AND_DROWNED = [
    "He drowned in the river the winter he turned nine.",
    "The sailors drowned when the ship went down off the point.",
    "They carried out the dead one by one and laid them in the schoolyard.",
    "Her body was found in the river on the Tuesday.",
]


@pytest.mark.parametrize("text", EVERYDAY_DEAD_AND_DROWNED)
def test_the_dead_of_myth_and_drowned_chips_are_no_death(text: str) -> None:
    assert "death" not in ids(text)


@pytest.mark.parametrize("text", HARMFUL_DEAD_AND_DROWNED)
def test_a_drowning_and_the_dead_are_still_found(text: str) -> None:
    assert "death" in ids(text)


# A book's, a film's or an escape room's title in quotes: "The Killing at ...", 'Murder on the ...'.
TITLES = [
    'Josephine: this month\'s book is "The Killing at Kirkwall Quay" by H. T. Tethras, and we meet Thursday.',
    "Next week's escape room is called 'Murder on the Midnight Express' and we're going to be terrible at it.",
    'I stayed up until three finishing "Murder at the Lake House" and now I suspect the postman.',
    "1. \u201cMurder in the Snowdrifts\u201d (a cosy mystery, with cats)",
    'Mum has watched "Death on the Nile" four times and still gasps at the reveal.',
]
HARMFUL_MURDERS = [
    '"Murder in the first degree," the foreman read, and his mother screamed.',
    "He murdered his brother in the barn and buried him under the straw.",
]


@pytest.mark.parametrize("text", TITLES)
def test_a_title_in_quotes_is_no_death(text: str) -> None:
    assert not {"death/murder", "death/kill", "death/death"} & fired(text)


@pytest.mark.parametrize("text", HARMFUL_MURDERS)
def test_a_murder_said_aloud_is_still_found(text: str) -> None:
    assert "death/murder" in fired(text)


# History seen in a museum, on a tour or a school trip: the war is what the gallery shows.
HISTORY_ON_SHOW = [
    "There's a map of the battle of Brandywine with little red and blue arrows, and the kids argue about which arrows are winning.",
    "The class trip went fine right up until the Revolutionary War gallery. Theo found the replica cannon, and the map of "
    "the battle of Germantown, and had to be peeled off both.",
    "We spent an hour in the Civil War wing and Dad read every single plaque out loud, battle by battle, while Mum "
    "found the museum gift shop and a bench.",
    "On the school trip the tour guide showed us the war gallery, then the replica muskets, then the map of the siege, "
    "and Ellie asked if the cafe had chips.",
]
HARMFUL_WARS = [
    "The army shelled the city for a month and the bread queues were where the snipers waited.",
    "His grandfather came home from the war with a bayonet scar and never spoke of the trenches.",
    "The soldiers marched into the village at dawn and burned the church with the families inside.",
]


@pytest.mark.parametrize("text", HISTORY_ON_SHOW)
def test_a_war_on_show_in_a_museum_is_no_war(text: str) -> None:
    assert "collective-violence/war" not in fired(text)
    assert "collective-violence" not in ids(text)


@pytest.mark.parametrize("text", HARMFUL_WARS)
def test_a_war_told_is_still_found(text: str) -> None:
    assert "collective-violence" in ids(text)


# A slur's spelling in another everyday sense: a cigarette (UK "fag"), an embankment ("dyke"), a
# gearbox or a transistor radio ("tranny"), a helicopter's noise.
EVERYDAY_SENSES_OF_SLURS = [
    ("He went outside for a fag and came back smelling of the rain.", {"homophobia", "abusive-language"}),
    ("Nan lit a fag off the gas ring and told us about the war rationing.", {"homophobia", "abusive-language"}),
    (
        "The dyke along the polder held through the storm and the cows never noticed.",
        {"homophobia", "abusive-language"},
    ),
    (
        "We spent the weekend in the Netherlands cycling along the dykes with a flask.",
        {"homophobia", "abusive-language"},
    ),
    (
        "The mechanic said the tranny on the old pickup needed a rebuild before winter.",
        {"transphobia", "abusive-language"},
    ),
    ("The wop-wop of the helicopter blades drowned out the radio.", {"racism", "abusive-language"}),
]
SLURS_HURLED = [
    ('"Look at that, a couple of dykes," he sneered as they walked past the bar.', "homophobia"),
    ("Someone had written FAG across his locker in black marker.", "abusive-language"),
    ("They called her a tranny and shoved her against the hand dryer.", "transphobia"),
]


@pytest.mark.parametrize(("text", "categories"), EVERYDAY_SENSES_OF_SLURS)
def test_a_slurs_spelling_in_an_everyday_sense_is_no_slur(text: str, categories: set[str]) -> None:
    assert not categories & ids(text)


@pytest.mark.parametrize(("text", "category"), SLURS_HURLED)
def test_a_slur_hurled_is_still_found(text: str, category: str) -> None:
    assert category in ids(text)


# Animal idioms that kill nothing: skinning a cat, sugar to kill a horse, Schrödinger's cat.
ANIMAL_IDIOMS = [
    "There's more than one way to skin a cat, and Priya found all of them in the group project.",
    "The kids had enough sugar at the party to kill a horse and ran laps of the garden until nine.",
    "Schrodinger's cat is both alive and dead, which is also how I feel before coffee.",
    "Our plan was a dead duck the moment Mum saw the receipt.",
]
ANIMAL_DEATHS = [
    "The vet said there was nothing more to do, and our old dog died in my arms that night.",
    "He skinned the rabbit he had snared and hung the pelt on the fence.",
]


@pytest.mark.parametrize("text", ANIMAL_IDIOMS)
def test_an_animal_idiom_is_no_animal_death(text: str) -> None:
    assert "animal-death" not in ids(text)


@pytest.mark.parametrize("text", ANIMAL_DEATHS)
def test_an_animal_death_is_still_found(text: str) -> None:
    assert "animal-death" in ids(text)


# A worn-out machine "is shot"; a person who "was shot" is hurt.
WORN_OUT = [
    "The engine was shot, so we left the car at the garage and got the bus.",
    "The mechanic said the gearbox is basically shot and quoted us a fortune.",
]
SHOT = [
    "The guard was shot and the prisoners ran for the fence.",
    "Her brother got shot in the leg during the robbery.",
]


@pytest.mark.parametrize("text", WORN_OUT)
def test_a_machine_that_is_shot_is_no_violence(text: str) -> None:
    assert "violence" not in ids(text)


@pytest.mark.parametrize("text", SHOT)
def test_a_person_shot_is_still_violence(text: str) -> None:
    assert "violence" in ids(text)


# A game's deaths: killed again and again, or by a creeper or the final boss.
GAME_DEATHS = [
    "I got killed by a creeper twice before I even found the cave.",
    "He got killed three times in the first round and rage-quit to make toast.",
]
KILLINGS = [
    "Her uncle was killed by a drunk driver on the ring road.",
    "The guard was killed in the first minute of the raid.",
]


@pytest.mark.parametrize("text", GAME_DEATHS)
def test_a_game_death_is_no_death(text: str) -> None:
    assert "death/killed" not in fired(text)


@pytest.mark.parametrize("text", KILLINGS)
def test_a_killing_is_still_found(text: str) -> None:
    assert "death/killed" in fired(text)


# A vet "puts him to sleep" for an operation: an anaesthetic, not a death.
ANAESTHETIC = [
    "The vet checked Biscuit's ears, gave him a treat, and put him to sleep for the dental work; he woke up groggy and fine.",
    "At the vet's they put her to sleep for the spay, and by teatime she was stealing toast again.",
]
EUTHANASIA = [
    "The vet said there was nothing more they could do, so we held him while she put him to sleep.",
]


@pytest.mark.parametrize("text", ANAESTHETIC)
def test_an_anaesthetic_at_the_vet_is_no_animal_death(text: str) -> None:
    assert "animal-death" not in ids(text)


@pytest.mark.parametrize("text", EUTHANASIA)
def test_a_pet_put_to_sleep_is_still_an_animal_death(text: str) -> None:
    assert "animal-death" in ids(text)
