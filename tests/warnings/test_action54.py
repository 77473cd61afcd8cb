"""Violence, kidnapping and collective violence told through what is done, in the ways that recur across
writers (fifty-fourth session, action54; docs/warnings-eval.md, "Fifty-fourth session").

Each rule was written for a way of telling found missed in at least three of the eight newest read sets:
- kidnapping told as confinement with no kidnapping word: a lock, bolt or key on the outside, a key turned
  twice, locks on the door, beside the time counted or the world not seen (marks scratched, counting the
  days or songs, food brought or slid under the door, not seen the sky); a passport or papers taken beside
  a locked gate or a person who cannot leave; a phone taken beside being locked in;
- collective violence told as a place burned by men: villages, streets or shacks burned, a town left as
  chimneys, beside the men, soldiers, torches or kerosene who did it;
- violence told by the thing that hurt: a bottle or a chair swung over someone's head, a mug or a brick
  thrown that hits, someone who broke another's fingers or nose.

And narrowings of known false alarms: a head banged on a desk in frustration, a physio's stretch, a
board game's ransom, a photographer lining villagers up against a wall, a ball kicked over the garden
wall. Each twin uses the same words where nobody is held, burned out or hurt, and stays clean."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        "The bolt was on the outside of the door, and she scratched a mark on the wall for every morning.",
        "there's a padlock on the outside of the shed and he brings me water, that's all i know, i started counting",
        "She hadn't seen the sky in two years. The door had three locks, and Father kept every key.",
        "He locked her in the spare room and slid bread under the door each morning.",
        "The key turned twice in the lock and his footsteps went away. She asked the wall what day it was.",
        "interview transcript: I was locked in the cellar. He brought me food. I hadn't seen daylight for months.",
        "They took her passport to keep it safe, and after that the gate was locked every night.",
        "The agency held our passports. We couldn't leave the farm; they said we owed for the bus.",
        "He'd taken her phone, and he locked her in whenever he drove to the village.",
    ],
)
def test_confinement_without_a_kidnapping_word_warns(text: str) -> None:
    assert "kidnapping" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "I locked myself in the bathroom for twenty minutes with a face mask and a podcast.",
        "The bike padlock had rusted shut, so Dad cut it and we rode to the river.",
        "The hens are locked in their coop at night and I bring them water twice a day before school.",
        "The cat is not allowed out at night, so the cat flap stays locked and she yowls at the door.",
        "Mum took my phone because I was up till three on it, and I can't leave the table till I've eaten.",
        "The hotel kept our passports at the desk overnight, which is normal there, and we went dancing.",
        "She took her passport to the embassy for the visa stamp and couldn't leave the queue for three hours.",
        "Grandma keeps her papers in a biscuit tin, and the back gate is locked at night because of foxes.",
        "In the board game, the pirates sent a ransom demand for the queen's jewels, and Tom rolled a six.",
    ],
)
def test_locks_phones_passports_and_games_stay_clean_of_kidnapping(text: str) -> None:
    assert "kidnapping" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The soldiers burned the village at dawn and shot at anyone who ran for the trees.",
        "By nightfall there was no village, only the chimneys, and the men in uniform were gone.",
        "They came with kerosene and set fire to the huts, one after the other.",
        "The raiders torched the farms along the river and drove the cattle off.",
        "The legion razed the settlement and marched on before noon.",
    ],
)
def test_a_place_burned_by_men_warns_collective_violence(text: str) -> None:
    assert "collective-violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The village burned the wicker man at midsummer and the men sang till dawn.",
        "The firemen said the houses were burned out by a chip pan, and nobody was hurt.",
        "In the strategy game I burned three towns before my troops ran out of gold.",
        "The heatwave had burned the fields brown, and the men were worried about the harvest.",
        "The wedding photographer lined the villagers up against the church wall for the group photo.",
        "She kicked the ball over the garden wall and into Mrs Patel's roses.",
    ],
)
def test_festivals_fires_games_photos_and_gardens_stay_clean_of_collective_violence(text: str) -> None:
    assert "collective-violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "He smashed a bottle over the back of Sam's head and the bar went silent.",
        "She threw the mug at him; it hit him above the eye and he needed three stitches.",
        "A man threw a glass at the singer and it cut her lip; she finished the song bleeding.",
        "He swung a chair leg into the guard's knees.",
        "They broke his glasses and two of his fingers, and laughed about it.",
        "he broke her nose and told her she'd fallen",
        "The guard slammed his head against the wall until he stopped talking.",
        "He twisted my arm behind my back until something popped and I screamed.",
        "The soldiers lined the villagers up against the church wall and the rifles came up.",
    ],
)
def test_a_blow_told_by_what_hurt_warns_violence(text: str) -> None:
    assert "violence" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "He smashed a bottle against the hull of the new boat and everybody cheered.",
        "She threw the glass into the recycling bin, and it smashed, and the dog flinched at the noise.",
        "They threw stones into the lake to see who could make them skip.",
        "The kid threw a rock at the tin can and it hit it square, ping.",
        "I broke my wrist skiing, and she broke her arm on the trampoline the same week.",
        "They broke the news to him gently over tea.",
        "He slammed his head on the desk in frustration when the code failed again.",
        "The physio twisted my arm behind my back and held it there until the shoulder loosened.",
        "The wedding photographer lined the villagers up against the church wall for the group photo.",
    ],
)
def test_boats_bins_skis_desks_and_physios_stay_clean_of_violence(text: str) -> None:
    assert "violence" not in ids(text)
