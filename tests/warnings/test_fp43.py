"""False alarms outside death, grief, suicide and abuse on warning-free text (forty-third session;
docs/warnings-eval.md, "Forty-third session", "fp43").

Each case is new synthetic text in general vocabulary, not copied from a set. Change 1, violence at
play and in figures of speech: a fencing bout on the piste and a board game (Monopoly, Scrabble)
are play; "shot like nine times" is a casual count, not a report; "I'm going to strangle all of
you" said to a whole group is exasperation; "kicking her feet" is delight; a strawberry thrown at
someone's head is a game; "stone" the noun next to "her" is no stoning. The same acts told plainly
still warn."""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        'The bout ended fourteen to six. Across the piste Sam pulled off his mask. "You stabbed me in the same spot every time."',
        'We were playing Scrabble at the kitchen table when Jo stabbed him in the hand with a pencil for taking the last S. "Ow!"',
        "'I've been shot like nine times,' Priya groaned over the radio, 'and I'm covered in orange paint.'",
        "group chat: we are STUDYING, not ordering pizza. I'm going to strangle all of you. anyway who has the notes",
        "She read the reviews on the bus home, grinning at her phone and kicking her feet.",
        "He was showing off with the mixing bowl, so I threw a strawberry at his head. He caught it in his mouth.",
        "Gran knelt in the chapel, the floor cold stone, her beads looped around her fingers, and hummed along.",
    ],
)
def test_play_and_figures_are_no_violence(text: str) -> None:
    assert "violence" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "The man followed her out of the bar and stabbed her in the side, twice, and ran off down the alley.",
        "They dragged him into the square and the crowd stoned him while the soldiers watched.",
        "He kicked her feet out from under her and she hit the tiles hard.",
        "He came home drunk and shot her in the kitchen while the children slept upstairs.",
    ],
)
def test_the_same_acts_told_plainly_are_violence(text: str) -> None:
    assert "violence" in ids(text)
