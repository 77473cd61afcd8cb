"""Whole stories of play (forty-seventh session, round storyprec47; /work/scratch/s47/docs/storyprec47.md).

A bake-off told week by week, a charity marathon mile by mile, a zombie walk, an escape room, a book
club's chat about a crime novel: the whole story is the play, its signs in most of its chapters but
not all, and its jokes about dying far from any sign. Each shape has a twin that must still warn: a
story that only mentions its play once and then tells a real death, a real death told with its blood
or its grief inside a story of play. Every passage here is new text written for these tests."""

from __future__ import annotations

import pytest

from tests.warnings.passages import story_ids


def story(*chapters: list[str]) -> set[str]:
    """The confident warnings of a story of these chapters, each one scene of these paragraphs."""
    return story_ids(*([list(paragraphs)] for paragraphs in chapters))


def detected(*paragraphs: str) -> set[str]:
    return story(list(paragraphs))


# --- a story that is one play from end to end --------------------------------------------------

QUIET = [
    "Margot washed up the bowls while the radio played something with a lot of violins in it.",
    "Outside it had started to rain, and the cat came in and sat on the warm lid of the bin.",
]
CONTEST_WEEKS = [
    ["Week one of the baking competition, and the signature bake was a tray of scones.", *QUIET],
    ["Week two: the technical challenge was a lattice pie with no recipe worth the name.", *QUIET],
    ["Week three, and the bake off tent smelled of burnt caramel before nine in the morning.", *QUIET],
]
# The last week: no sign of the contest in it, and jokes that read as deaths.
FINAL_WEEK = [
    "The final was a gingerbread man the size of a toddler, and Theo dropped him on the floor.",
    '"You killed him," said Margot. "You killed that poor man. He had a family. He had icing buttons."',
    "They buried the pieces in a shallow grave of custard and ate it with two spoons.",
]


def test_a_joke_after_the_last_sign_of_a_story_of_play_is_play() -> None:
    assert "death" not in story(*CONTEST_WEEKS, QUIET, FINAL_WEEK)


def test_a_story_that_names_its_play_once_still_warns_of_a_death() -> None:
    death = [
        "The phone rang at four. Her brother had been killed in the crash on the bypass.",
        "At the hospital they let her see him, and the doctor pronounced him dead at half past five.",
    ]
    assert "death" in story(CONTEST_WEEKS[0], QUIET, QUIET, QUIET, death)


def test_a_real_death_told_with_its_blood_in_a_story_of_play_still_warns() -> None:
    death = [
        "On the drive home a lorry crossed the central line, and Theo was killed outright.",
        "There was blood all over the dashboard and pooling on the floor mats, and glass in his hair.",
    ]
    assert "death" in story(*CONTEST_WEEKS, QUIET, death)


def test_a_real_death_told_with_its_grief_in_a_story_of_play_still_warns() -> None:
    death = [
        "Theo died in his sleep that winter, and the village turned out for the funeral in the rain.",
        "Margot couldn't stop crying at the graveside, and for months she grieved him at every oven.",
    ]
    assert "death" in story(*CONTEST_WEEKS, QUIET, death)


# Blood in the middle night that shows blood's own play (the effects team's) is no sign of a real
# harm that would end the play around it.
EFFECTS_NIGHT = [
    "Night two, and the sfx crew had splashed blood over every wall of the crypt, blood pooling on the floor.",
    '"He\'s dead," I moaned at the teenagers, pointing at Dev. "Killed by the vampire. Look at his corpse."',
]
HAUNT_NIGHTS = [
    "First night of the haunted house attraction, and the queue went round the car park twice.",
    "Last night of the haunted house, and the makeup artist had run out of grey paint by seven.",
]


def test_stage_blood_between_two_scenes_of_play_does_not_end_the_play() -> None:
    assert "death" not in story([HAUNT_NIGHTS[0], *QUIET], EFFECTS_NIGHT, [HAUNT_NIGHTS[1], *QUIET])


def test_real_blood_between_two_scenes_of_play_ends_the_play() -> None:
    real = [
        "Night two, and a drunk driver went through the queue; blood was pooling on the tarmac under Dev.",
        "He died before the ambulance came. Killed outright, the paramedic said, and covered his face.",
    ]
    assert "death" in story([HAUNT_NIGHTS[0], *QUIET], real, [HAUNT_NIGHTS[1], *QUIET])


# --- kinds of play: a contest, a race, an escape room, a costume event, a book club ------------


@pytest.mark.parametrize(
    "sign, joke",
    [
        (
            "At mile twenty of the marathon my legs stopped belonging to me and the finish line was a rumour.",
            '"Bury me in a shallow grave right here," I told Sam. "I have died. I am a corpse now."',
        ),
        (
            "We used our second hint in the escape room when the padlock would not open for any number.",
            '"This room is a tomb full of the dead," said Ravi. "I want it on my headstone: killed by a padlock."',
        ),
        (
            "The zombie walk set off from the station at six, two hundred of us in face paint and rags.",
            '"We are the dead," Lou groaned at a bus shelter. "Join us. We are so, so dead. Give us brains."',
        ),
        (
            "Book club was at Ines's flat, and this month's book was a thriller none of us had finished.",
            '"She killed him in chapter two," said Ines. "Dead on the kitchen floor. I cheered, honestly."',
        ),
    ],
)
def test_hyperbole_beside_a_kind_of_play_is_play(sign: str, joke: str) -> None:
    assert "death" not in detected(sign, joke)


def test_a_contest_is_play_for_blood_too() -> None:
    """A bake-off's sign was death's play only: its bread sculpture "decapitated" was blood."""
    found = detected(
        "The showstopper challenge was a bread bear, and the judges came round at four.",
        '"Go on, decapitate him," she said, and the judge sawed his head clean off with the bread knife.',
    )
    assert found.isdisjoint({"blood-gore", "death", "violence"})


# --- figurative uses plain from their grammar --------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        '"You look great for a corpse," she told me, and fixed my grey lipstick.',
        '"You look fantastic for a corpse, honestly, the grey suits you," said Mae.',
    ],
)
def test_looking_good_for_a_corpse_is_a_compliment(line: str) -> None:
    assert "death" not in detected(line)


def test_a_corpse_found_is_still_a_death() -> None:
    assert "death" in detected("The divers found a corpse tangled in the weeds below the weir that morning.")


@pytest.mark.parametrize(
    "line",
    [
        '"I\'m going to kill myself," he said, and then at once, "that\'s a figure of speech, please relax."',
        '"I\'m going to kill myself," he said, "jk, the exam was fine."',
        '"Honestly I could kill myself," she groaned, "not literally, but the bread has collapsed again."',
    ],
)
def test_a_disclaimed_hyperbole_is_no_suicide(line: str) -> None:
    assert "suicide" not in detected(line)


def test_a_threat_to_kill_oneself_said_seriously_still_warns() -> None:
    assert "suicide" in detected("He told me he was going to kill himself, and that he wasn't joking this time.")
