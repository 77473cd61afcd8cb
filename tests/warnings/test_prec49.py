"""Warning-free senses that read as harms (forty-ninth session, prec49).

Each family is a sense, not a sentence: a scare the writer takes back in the next breath, a kill in
a match or on a stream, a death told on a ghost walk, a plant or a pet given "the dead" and a
funeral, a "murder" that was only tried, a thing held together with zip ties, a name with "dead"
in it, a severed limb in a simile, a war on a documentary. Each is narrowed in the rules (a frame,
an ``unless``, an exclude) and keeps harmful twins that must still warn. Every passage is new
short text written for these tests.
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids

# The writer takes the scare back: a cue of untruth (just kidding, I lied, I'm lying, plot twist)
# followed by a reassurance (is fine, is alive, nobody died), or "not literally".
RETRACTED = [
    (
        "death",
        "The postman was run over by the bin lorry and died on the spot. Just kidding, he's fine, he only dropped his parcels.",
    ),
    (
        "animal-death",
        "Our cat Biscuit died last night. I'm joking, she's fine, she's asleep on the radiator like always.",
    ),
    (
        "death",
        "Chapter one, in which the brave knight dies on page two. Plot twist: nobody dies, he just trips over a goat and goes home.",
    ),
    (
        "vomit",
        "Halfway round the loop Priya threw up all over her trainers. Only joking, nobody threw up, she just screamed the whole way.",
    ),
    (
        "suicide",
        "'i'm going to kill myself,' sasha groaned at the burnt rice. 'not literally, calm down,' she told her brother.",
    ),
    (
        "death",
        "My grandmother died of shock when she saw my hair. Sorry, I lied: she's fine, she just laughed for ten minutes.",
    ),
    (
        "grief",
        "The whole office went to the funeral of the old photocopier, who died in the night. Okay, I'm lying: the photocopier is fine, we just had cake.",
    ),
]
MEANT = [
    (
        "death",
        "The postman was run over by the bin lorry and died on the spot. The street went quiet and somebody covered him with a coat.",
    ),
    ("death", "'You're kidding,' she whispered, but he wasn't joking: her brother had died on the spot."),
    ("death", "'I'm not kidding, he's not fine,' she said into the phone. 'He died on the way to the hospital.'"),
    ("animal-death", "Our cat Biscuit died last night. We buried her under the apple tree in her blue blanket."),
    ("vomit", "Halfway round the loop Priya threw up all over her trainers and kept heaving on the platform."),
    ("suicide", "'i'm going to kill myself,' sasha told her brother, and she had the pills counted out on the bed."),
]


@pytest.mark.parametrize(("category", "text"), RETRACTED)
def test_a_scare_taken_back_is_no_warning(category: str, text: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(("category", "text"), MEANT)
def test_the_same_harm_not_taken_back_still_warns(category: str, text: str) -> None:
    assert category in ids(text)


# A kill in a match, on a stream or in a ranked game; a death told on a ghost walk; a war on a documentary.
PLAYED = [
    ("death", "The kill feed lit up: Mara had killed him twice in a row and her teammates were howling in voice chat."),
    ("death", "Esports final, map five. Dev killed him with the last bullet in the round and the arena shook."),
    ("death", "Ranked match, overtime: I killed them both from the rooftop and my whole squad lost it."),
    ("death", "Headshot. She's dead, she's so dead, Bo yelled, and the chat was spamming skull emojis for a minute."),
    (
        "death",
        "The ghost walk stops at the old gaol, where, says our guide in his top hat, a sheep thief was hanged in 1802 and still rattles the gate.",
    ),
    (
        "collective-violence",
        "Grandad dozes off every Sunday to documentaries about the Second World War, bombers droning across the telly.",
    ),
]
PLAYED_TWINS = [
    ("death", "He killed him with a single shot to the head, and the body lay in the alley until morning."),
    ("death", "She killed him in the kitchen with the bread knife, and then she sat down and waited for the police."),
    ("death", "They hanged the sheep thief at dawn in front of the whole village, and his wife watched him die."),
    ("collective-violence", "The bombers came over the docks at night and the shelter shook until dawn."),
]


@pytest.mark.parametrize(("category", "text"), PLAYED)
def test_a_match_a_stream_a_ghost_walk_a_documentary_are_play(category: str, text: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(("category", "text"), PLAYED_TWINS)
def test_the_same_killing_in_the_story_still_warns(category: str, text: str) -> None:
    assert category in ids(text)


# No person died: "the dead" before a plant, an animal or a thing; a funeral held for one; a
# pregnancy scan with no heartbeat (a pregnancy loss, the taxonomy's miscarriage, which the sets
# label without death).
NO_PERSON = [
    (
        "death",
        "So the dead basil got a full funeral: my dad read a eulogy about pesto and we buried it in the compost heap.",
    ),
    (
        "grief",
        "So the dead basil got a full funeral: my dad read a eulogy about pesto and we buried it in the compost heap.",
    ),
    ("death", "We held a memorial for the dead cactus on the windowsill, with candles and a speech about neglect."),
    (
        "death",
        "so dad decided the dead rosemary bush deserved a proper funeral, with a eulogy and a hymn on the kazoo, and we buried it by the shed.",
    ),
    (
        "grief",
        "so dad decided the dead rosemary bush deserved a proper funeral, with a eulogy and a hymn on the kazoo, and we buried it by the shed.",
    ),
    (
        "death",
        "The office gave the old printer a funeral on Friday: Janet read a eulogy and we laid it to rest in the skip.",
    ),
    (
        "death",
        "At the ten-week scan the sonographer went quiet. The doctor came and said it kindly, no heartbeat, and Sam held her hand so tight it hurt.",
    ),
]
A_PERSON = [
    ("death", "The dead were buried in a long trench behind the church, and the priest said their names."),
    ("death", "We held the funeral for my grandad on Friday and I gave the eulogy, and Mum could not stop crying."),
    (
        "death",
        "so dad decided grandad deserved a proper funeral, with a eulogy and his favourite hymn, and we buried him by the church wall.",
    ),
    ("death", "We held a memorial for the dead miners in the chapel, and read out all forty names."),
    ("death", "The monitor showed no heartbeat, and the nurse called the time of death at 4:12."),
]


@pytest.mark.parametrize(("category", "text"), NO_PERSON)
def test_a_plant_a_thing_or_a_pregnancy_scan_is_no_persons_death(category: str, text: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(("category", "text"), A_PERSON)
def test_a_persons_death_and_funeral_still_warn(category: str, text: str) -> None:
    assert category in ids(text)


# Everyday senses of heavy words: a killing only tried or wanted, zip ties holding a thing
# together, "dead" as an intensifier or a name beside an animal, a severed limb in a simile.
EVERYDAY = [
    ("death", "That goose at the park tried to murder him, honestly, it chased him all the way to the car."),
    ("death", "The sea tried to murder him on the ferry; he lay on the bench, green, until we docked."),
    ("kidnapping", "The old go-kart was held together with zip ties and prayer, and it still won the race."),
    ("kidnapping", "Our robot is mostly zip ties and duct tape, but she scored twice in the semi."),
    ("animal-death", "Dad put a fiver on a greyhound called 'Dead Certain', which came in dead last."),
    ("animal-death", "The old pony finished dead last in the fun race and got a rosette anyway."),
    (
        "blood-gore",
        "The robot's arm dropped off and skidded across the gym floor like a severed limb, and the crowd cheered.",
    ),
]
HARM = [
    ("death", "The goose keeper murdered him with a shovel and buried the body behind the shed."),
    ("death", "He tried to run, and they killed him at the gate."),
    ("kidnapping", "They held him in the van with zip ties around his wrists and tape over his mouth."),
    ("animal-death", "The greyhound was found dead in its kennel, starved and covered in sores."),
    ("blood-gore", "His arm was severed at the elbow and blood pumped across the floor."),
]


@pytest.mark.parametrize(("category", "text"), EVERYDAY)
def test_an_everyday_sense_of_a_heavy_word_is_clean(category: str, text: str) -> None:
    assert category not in ids(text)


@pytest.mark.parametrize(("category", "text"), HARM)
def test_the_harmful_sense_still_warns(category: str, text: str) -> None:
    assert category in ids(text)
