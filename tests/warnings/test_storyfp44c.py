"""Whole-story false alarms of death said in jest (forty-fourth session, round storyfp44c;
/work/scratch/s44/docs/storyfp44c.md until the lead moves it to docs/warnings-eval.md).

Tired feet that "actually are dead", and a simile of what a stock figure would eat or wear
"before he kills a king", are no death. Every passage here is new text written for these tests."""

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


@pytest.mark.parametrize(
    "line",
    [
        "We walked the whole flea market twice. My feet actually are dead, so you can carry the lamp.",
        "After the ceilidh her knees honestly were dead and she sat on the stairs with her shoes off.",
        "That coat looks like something a cowboy would wear before he kills a man at high noon.",
        "The pie tasted like the kind of thing a pirate would eat before he murders the queen.",
        "This sandwich is what a villain would order before he slays the king, all black bread and figs.",
    ],
)
def test_jest_is_no_death(line: str) -> None:
    assert "death" not in detected(line)


@pytest.mark.parametrize(
    "line",
    [
        "His legs were pinned under the horse. The rider was dead; they carried his body to the farmhouse and the coroner came at noon.",
        "After supper he took the knife and killed the guard at the gate, and the guard's body lay there till dawn.",
        "She ate something before she killed the king, and they found his body in the chapel at first light.",
    ],
)
def test_death_still_warns(line: str) -> None:
    assert "death" in detected(line)


@pytest.mark.parametrize(
    "line",
    [
        "Honestly I'm addicted to true crime, I fall asleep to it every night and dream about cold cases.",
        "She was addicted to crime podcasts that winter and could tell you every unsolved case by heart.",
        "I listened to all twenty episodes on the train. I'm addicted. Somebody take my headphones away.",
        "We watched every single episode in one weekend and now Tom says he's addicted, which is rich.",
    ],
)
def test_a_show_or_podcast_is_no_addiction(line: str) -> None:
    assert "addiction" not in detected(line)


@pytest.mark.parametrize(
    "line",
    [
        "He was addicted to heroin by nineteen, and the track marks ran up both arms.",
        "She listened to the podcast on the bus, then went to the dealer's flat; she was an addict again by spring.",
    ],
)
def test_addiction_still_warns(line: str) -> None:
    assert "addiction" in detected(line)


def test_a_crime_novel_being_read_is_no_death() -> None:
    scene = [
        "Ed props the crime novel against the teapot and reads while the kettle boils.",
        "In chapter one a body washes up on the beach, and by chapter three the vicar is dead too.",
    ]
    assert "death" not in detected(*scene)


def test_a_death_beside_a_crime_novel_far_away_still_warns() -> None:
    filler = "The rain kept on all afternoon and the gutters sang with it, loud and tuneless, for hours. " * 8
    scene = [
        "Ed props the crime novel against the teapot and reads while the kettle boils.",
        filler,
        "Then the phone rang: his father had died in the night, and the coroner would call in the morning.",
    ]
    assert "death" in detected(*scene)
