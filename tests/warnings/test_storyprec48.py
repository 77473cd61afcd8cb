"""Stories of play, performance and history told as history (forty-eighth session, round storyprec48;
/work/scratch/s48/docs/storyprec48.md).

A haunted attraction's scare actors, a re-enactment with wooden muskets and blanks, a speedrun's
numbered attempts, a pub quiz's history round, a ghost tour, a tarot reading, a show binged: the
harm words in them belong to the play, the retelling or the picture on a card, and the kinds are
signs of play now. Each has a twin that must still warn, where the same setting's words sit beside
a real harm. Every passage here is new text written for these tests."""

from __future__ import annotations

import pytest

from tests.warnings.passages import story_ids


def detected(*paragraphs: str) -> set[str]:
    """The confident warnings of a one-scene story of these paragraphs."""
    return story_ids([list(paragraphs)])


PLAY = [
    pytest.param(
        "death",
        "The scare actors took their places at seven. Priya lay in the coffin with grey paint on her face,"
        " waiting to sit up and scream at the next group, the dead bride of the east wing.",
        id="a haunted attraction's actors",
    ),
    pytest.param(
        "collective-violence",
        "The cannons fired blanks and we charged across the meadow with our wooden muskets, and the"
        " redcoats broke, and the battle was over by half past two.",
        id="a re-enactment's wooden muskets and blanks",
    ),
    pytest.param(
        "death",
        "Attempt 212. The floor boss killed him with the same slam for the fortieth time tonight, and"
        " he died again before the chat had stopped laughing.",
        id="a speedrun's numbered attempts",
    ),
    pytest.param(
        "collective-violence",
        "Question three of the history round: how many days did the siege of the city last in the"
        " Second World War? Our quiz team argued about the answer until the bell.",
        id="a pub quiz's history round",
    ),
    pytest.param(
        "death",
        "The ghost tour stopped outside the old gaol, where, the lantern-bearer said, forty men were"
        " hanged and buried in the yard, and their bodies are still under the car park.",
        id="a ghost tour",
    ),
    pytest.param(
        "suicide",
        "She turned the tarot card face up: a young man walking off the edge of a cliff, a rose in his"
        " hand and a little white dog at his heels.",
        id="a tarot card's picture",
    ),
    pytest.param(
        "addiction",
        "Jo spent Sunday bingeing the new crime series, which she was utterly addicted to by the second episode.",
        id="a show binged",
    ),
]


@pytest.mark.parametrize(("category", "text"), PLAY)
def test_a_kind_of_play_or_retelling_is_no_warning(category: str, text: str) -> None:
    assert category not in detected(text)


REAL = [
    pytest.param(
        "violence",
        "The sword-master beat him with the wooden sword until his nose broke and the blood ran into"
        " his eye, and kicked him in the ribs when he fell.",
        id="a beating with a wooden sword",
    ),
    pytest.param(
        "death",
        "His lips were blue and he was not breathing. She tried to remember the first aid course, but"
        " the paramedic checked his neck and told her he had died an hour before.",
        id="an overdose beside a first aid course",
    ),
    pytest.param(
        "collective-violence",
        "The drones came again at night and the shelling went on until dawn; the children went down to"
        " the basement as if it were a fire drill, and in the morning the school was gone.",
        id="a bombardment told as like a drill",
    ),
]


@pytest.mark.parametrize(("category", "text"), REAL)
def test_a_real_harm_beside_the_same_words_still_warns(category: str, text: str) -> None:
    assert category in detected(text)
