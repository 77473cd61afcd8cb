"""Whole-story false alarms of play that lasts a scene (forty-fourth session, round storyfp44;
/work/scratch/s44/docs/storyfp44.md until the lead moves it to docs/warnings-eval.md).

A rehearsal, a game night or a paintball match lasts a whole scene, and its signs of play are
scattered through it, often further than FRAME_CHARS from the line that sounds like a death. A
scene with signs of play in several of its paragraphs is play from end to end; a scene with
one sign keeps the old reach. Every passage here is new text written for these tests."""

from __future__ import annotations

import pytest

from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.warnings.declared import Declared
from bot.warnings.engine import FRAME_CHARS, scan
from bot.warnings.rules import default_ruleset

# Paragraphs with no warning in them, to put a scene's lines far apart.
FILLER = [
    "The radiators clanked. Somebody had left a tray of orange slices on the piano and nobody "
    "admitted to it, so they sat there going soft while the light outside turned the colour of tea.",
    "Half the cast were doing homework on the floor, and the other half were arguing about whether "
    "a sandwich cut diagonally tastes better than one cut straight across, which it obviously does.",
    "The caretaker came in twice to ask about the chairs and went out again without an answer, "
    "jingling his keys and humming something from the charts that everybody pretended not to know.",
    "Priya finished her crossword, started another, and gave up on it at seven down, which wanted a "
    "word for a kind of boat that she was fairly sure did not exist outside crosswords at all.",
]


def detected(*scenes: list[str]) -> set[str]:
    """The confident warnings of a one-chapter story of these scenes."""
    chapter = Chapter(1, None, [Scene(list(paragraphs)) for paragraphs in scenes])
    return scan(Story(StoryMeta("t"), [chapter], "txt"), default_ruleset(), declared=Declared()).detected_ids()


def far_apart(first: str, line: str, last: str) -> list[str]:
    """A scene with ``line`` in its middle, more than FRAME_CHARS from ``first`` and ``last``."""
    scene = [first, *FILLER, line, *FILLER, last]
    starts = [sum(len(text) + 1 for text in scene[:index]) for index in (0, 5, 10)]
    assert starts[1] - starts[0] > FRAME_CHARS and starts[2] - starts[1] > FRAME_CHARS
    return scene


DEATH_LINE = "Mr Hale was dead by the time the ambulance came, his heart stopped on the kitchen floor."
GRIEF_LINE = (
    "Then the grief came: she wept at his funeral until her sister held her up, and for months after "
    "she set his place at the table."
)


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (
            "The drama club stayed late on Thursday to block the second act.",
            "By six the director called it, and the whole drama club went home with their scripts.",
        ),
        (
            "The murder mystery started at eight, and everyone had a character booklet.",
            "At midnight the murder-mystery ended and Jo gave the prize to the butler, who was her nan.",
        ),
    ],
)
def test_a_scene_of_play_from_end_to_end_silences_its_death(first: str, last: str) -> None:
    assert "death" not in detected(far_apart(first, DEATH_LINE, last))


def test_one_sign_of_play_still_reaches_only_frame_chars() -> None:
    scene = far_apart("The drama club stayed late on Thursday to block the second act.", DEATH_LINE, FILLER[0])
    assert "death" in detected(scene)


def test_signs_in_another_scene_do_not_reach_a_death() -> None:
    play = ["The drama club stayed late on Thursday.", "The whole drama club went home with their scripts."]
    assert "death" in detected(play, [FILLER[0], DEATH_LINE, FILLER[1]])


def test_grief_in_a_scene_where_death_is_play_is_play() -> None:
    """Grief is ``supported_by`` death: a scene that is death's play from end to end (its signs are
    death's, not grief's) is no grief either, however sure the mourning sounds."""
    first = "The drama club stayed late on Thursday to block the second act."
    last = "By six the director called it, and the whole drama club went home with their scripts."
    assert not {"death", "grief"} & detected(far_apart(first, GRIEF_LINE, last))


def test_grief_beside_one_sign_of_a_death_s_play_is_still_grief() -> None:
    """A single sign ("the vet" for a dog put down at home) does not make the grief beside it play."""
    scene = far_apart("The drama club stayed late on Thursday to block the second act.", GRIEF_LINE, FILLER[0])
    assert "grief" in detected(scene)


@pytest.mark.parametrize(
    ("scene", "category"),
    [
        (
            [
                "The lights came up and there was nobody on that stage who wasn't sweating.",
                "'Hal,' said the director, reading from her notes. 'You died beautifully. Finally.'",
            ],
            "death",
        ),
        (
            [
                "For the rest of the game Jo lay behind a tyre and ate a cereal bar.",
                "When Sam came round the corner she shot him once in the chest and he fell over backwards, "
                "groaning that he was dying.",
                "There was a blob of blue paint right over his heart, and the marshal blew his whistle.",
            ],
            "violence",
        ),
        (
            [
                "'I'll be the murderer,' says Kit, before anyone has even opened the box.",
                "'You can't pick,' says Rob. 'Your funeral, though. I'll read the eulogy when they catch you.'",
                "'I'll be the murderer,' says Kit again, and takes all the crisps.",
            ],
            "death",
        ),
    ],
)
def test_signs_of_a_stage_a_paintball_match_or_a_party_game_make_its_scene_play(
    scene: list[str], category: str
) -> None:
    assert category not in detected(scene)


@pytest.mark.parametrize(
    ("scene", "category"),
    [
        (
            [
                "The bride sat on the stage steps in her dress while the paramedics worked.",
                "Her father was dead before the ambulance reached the hospital.",
            ],
            "death",
        ),
        (
            [
                "After the match a man followed Tom off the pitch and into the car park.",
                "He pulled a knife and stabbed Tom in the stomach.",
            ],
            "violence",
        ),
    ],
)
def test_a_real_death_or_shooting_beside_a_stage_or_a_pitch_still_warns(scene: list[str], category: str) -> None:
    assert category in detected(scene)


@pytest.mark.parametrize(
    "text",
    [
        "'Bravo,' said Nell from the back row. 'I'd kill myself too if I had to kiss him every night.'",
        "Honestly I would kill myself as well if I had to sit through that meeting twice.",
    ],
)
def test_a_conditional_i_d_kill_myself_too_is_hyperbole(text: str) -> None:
    assert "suicide" not in detected([text])


def test_a_real_suicide_note_still_warns() -> None:
    assert "suicide" in detected(
        ["He wrote that he was going to kill himself, and that night he took every pill in the cabinet."]
    )


@pytest.mark.parametrize(
    "text",
    [
        "The shell fragment had gone in under his ribs, and the dressing was red before she had tied it.",
        "A mortar splinter went into her shoulder as she ran for the trench.",
    ],
)
def test_a_shell_fragment_gone_into_a_body_is_violence(text: str) -> None:
    assert "violence" in detected([text])


@pytest.mark.parametrize(
    "text",
    [
        "A splinter went into her thumb when she picked up the old fence post.",
        "A fragment of the song went through her head all afternoon.",
    ],
)
def test_a_splinter_of_wood_or_a_fragment_of_song_is_no_violence(text: str) -> None:
    assert "violence" not in detected([text])


def test_new_cuts_beside_old_scars_with_a_second_sign_are_self_harm() -> None:
    scene = [
        "It was years ago, mostly. The lines on the inside of her hip where nobody ever looks.",
        "Later there are three new lines, thin and careful, next to the old silver ones, and she sits on the "
        "bath mat until her hands stop shaking.",
    ]
    assert "self-harm" in detected(scene)


def test_new_lines_painted_beside_old_ones_are_no_self_harm() -> None:
    text = "The groundsman painted two new lines, straight and bright, next to the old faded ones on the court."
    assert "self-harm" not in detected([text])
