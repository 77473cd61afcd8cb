"""Whole stories as a club meets them (forty-sixth session, round storywarn46;
docs/warnings-eval.md, "Forty-sixth session").

Last session's blind stories were flagged for a word's other sense (a strangled honk at a TV
cliffhanger, a dress's last hook that "catches", "the club, the cat" in a list of nouns, a
partner who has "gone to his brother's" in a chat full of a counsellor's words), for a contest's
tie-break ("sudden death"), for a show the reader is "addicted" to four episodes in, and for a
paintball round whose signs of play sit far from the shots. Each shape is fixed in general
words, and each has a twin that is really what it sounds like and must still warn. Every
passage here is new text written for these tests."""

from __future__ import annotations

import pytest

from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings.declared import Declared
from bot.warnings.engine import scan
from bot.warnings.rules import default_ruleset


def detected(*paragraphs: str) -> set[str]:
    """The confident warnings of a one-scene story of these paragraphs."""
    chapter = Chapter(1, None, [Scene(list(paragraphs))])
    return scan(Story(StoryMeta("t"), [chapter], "txt"), default_ruleset(), declared=Declared()).detected_ids()


# --- a word's other sense ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("category", "line"),
    [
        ("violence", "When the cliffhanger hit we both let out a strangled squeak and grabbed the remote."),
        ("violence", "He made a small strangled noise and pretended to be very interested in his tea."),
        ("violence", "Aunt Bea did up the gown herself, and when the final hook catches and holds, she steps back."),
        ("animal-death", "All of it blurs, the club, the dog, the rent, into one long afternoon of waiting."),
        (
            "death",
            "[22:10] Ana: he's gone to his mum's for the weekend\n"
            "[22:11] Ben: the doctor said it was a panic attack, not my heart. breathe in for four",
        ),
    ],
)
def test_a_word_in_its_other_sense_is_no_warning(category: str, line: str) -> None:
    assert category not in detected(line)


@pytest.mark.parametrize(
    ("category", "line"),
    [
        ("violence", "He strangled the guard with a length of wire and dragged him behind the van."),
        ("violence", "The second punch caught him under the chin and he went down hard."),
        ("animal-death", "The farmer shot the dog behind the barn and would not say why."),
        ("death", "The nurse came out of the room and told us he's gone, and the doctor sat down beside Mum."),
    ],
)
def test_the_same_words_in_their_harm_still_warn(category: str, line: str) -> None:
    assert category in detected(line)


# --- a contest's tie-break, a show one is hooked on ----------------------------------------------


@pytest.mark.parametrize(
    ("category", "lines"),
    [
        (
            "death",
            ["It's a battle to the death now, the captain says.", "Round four is sudden death: one penalty each."],
        ),
        (
            "death",
            ["The quiz went to sudden death after the ninth round.", "Then came the death of our hopes: rivers."],
        ),
        ("addiction", ["Three episodes in and I'm addicted, no regrets, pass the popcorn."]),
    ],
)
def test_a_game_or_a_show_is_no_warning(category: str, lines: list[str]) -> None:
    assert category not in detected(*lines)


@pytest.mark.parametrize(
    ("category", "line"),
    [
        ("death", "Her sudden death at thirty left the village stunned, and they buried her beside her father."),
        ("addiction", "He has been an addict since college, and the needles are back in the kitchen drawer."),
    ],
)
def test_a_real_death_or_addiction_still_warns(category: str, line: str) -> None:
    assert category in detected(line)


# --- a paintball round whose signs sit far from the shots --------------------------------------

FILLER = (
    "The wind came off the hill and rattled the tin roofs of the fake town, and somewhere a crow was "
    "complaining about all of it. Nobody moved for a while. The dust settled on everyone's sleeves, "
    "and the sun came out from behind the water tower and went in again, twice, as if it had "
    "forgotten something and then remembered that it had not. "
)


def test_a_paintball_round_told_over_a_long_scene_is_play() -> None:
    scene = [
        "Round two is elimination, and the last team standing wins. " + FILLER,
        FILLER + FILLER,
        '"They\'ll all want to shoot me," he says happily, and walks out into the road.',
        FILLER,
        "A ball of paint cracks against the barrel an inch from her head, and she ducks.",
    ]
    assert "violence" not in detected(*scene)


def test_the_same_scene_with_no_game_in_it_warns() -> None:
    scene = [
        "The men came out of the bank with bags over their shoulders. " + FILLER,
        FILLER + FILLER,
        '"They\'ll all want to shoot me," he says, and walks out into the road with his hands up.',
        FILLER,
        "A bullet cracks against the barrel an inch from her head, and she ducks.",
    ]
    assert "violence" in detected(*scene)


# --- an eating disorder told by what is done with the food --------------------------------------


@pytest.mark.parametrize(
    "lines",
    [
        ["She cuts her sandwich into ten careful squares and eats two, and pushes the other eight around her plate."],
        [
            "Every evening the tray comes back from his room nearly full, the soup skinned over.",
            "At lunch he slices an apple into eight thin slices and eats one, very slowly, talking the whole time.",
        ],
    ],
)
def test_food_cut_up_and_left_is_an_eating_disorder(lines: list[str]) -> None:
    assert "eating-disorder" in detected(*lines)


@pytest.mark.parametrize(
    "line",
    [
        "Dad cut the lasagne into eight neat squares and ate three of them, then went back for a fourth.",
        "The plates came back from the marquee nearly full, because the speeches had run so long.",
    ],
)
def test_one_of_those_signs_alone_is_no_eating_disorder(line: str) -> None:
    assert "eating-disorder" not in detected(line)


# --- a recovery token counted in months ----------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "She still goes to a meeting every Thursday, and last week they gave her the six month chip.",
        "Her brother had been clean for nine months, and the nine-month chip was still in his wallet.",
    ],
)
def test_a_chip_for_months_clean_is_addiction(line: str) -> None:
    assert "addiction" in detected(line)


@pytest.mark.parametrize(
    "line",
    [
        "Her mug is the chipped one; it's been four months and she still washes it clean every night.",
        "For three months the bar quiz was his whole life, and then he won a bag of potato chips.",
    ],
)
def test_a_chipped_mug_or_a_bag_of_chips_is_no_addiction(line: str) -> None:
    assert "addiction" not in detected(line)


# --- a big, strong body described is no remark about weight --------------------------------------


def test_a_large_strong_man_described_is_no_body_shaming() -> None:
    line = (
        "She has never seen him lose his temper. He is very large and very strong, and more patient than any of them."
    )
    assert "body-shaming" not in detected(line)


def test_a_remark_about_weight_still_warns() -> None:
    assert "body-shaming" in detected("Are you sure you want another slice? You're getting so fat, darling.")


# --- one "the death" is one sign, not two --------------------------------------------------------


def test_one_mention_of_a_death_is_counted_once() -> None:
    lines = [
        "ordered the unlimited breadsticks so at least my death will be carb based",
        "lia: rip. killed by an acoustic cover of a song nobody asked for",
    ]
    assert "death" not in detected(*lines)


def test_a_death_told_with_more_than_the_word_still_warns() -> None:
    lines = [
        "Her death came in the night, quietly, with the nurse holding her hand.",
        "We buried her on the Friday beside her father.",
    ]
    assert "death" in detected(*lines)
