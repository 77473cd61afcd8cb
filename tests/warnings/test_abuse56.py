"""Abuse told without a blow: whereabouts and the phone, as the blind sets' writers tell it, and its twins (abuse56).

See docs/warnings-eval.md, "Fifty-sixth session", abuse56.

- whereabouts and the phone, told as a string of short messages: a line that watches ("i can see
  you've read it", "i see ur online", "who's the guy in your story", "who are you with", "turn the
  camera round") beside a line that demands ("where are you", "answer me", "pick up the phone",
  "open the door", "rings every hour") and a sign of the relationship's pressure (a threat, "don't
  lie to me", "i'm not angry i just want to know", "sorry baby i love u", "you make me", asking
  permission, friends called a bad influence).

Their twins use the same words where nobody is watched: friends meeting up, a parent
worried about icy roads, a quizmaster, a radio check, a reader waiting for a review, and a
friend's "hurry up lol".
"""

from __future__ import annotations

import pytest

from tests.warnings.passages import ids


@pytest.mark.parametrize(
    "text",
    [
        # whereabouts and the phone, where nobody is watched
        "mum: where are you? the roads are icy\nmum: text me when you're there, love you",
        "Where are you from? she asked. Who are you with, the band or the caterers?",
        '"where are u" "by the fountain" "who\'s the guy in ur story?? he\'s cute" "my cousin lol"',
        "I'm outside! Open the door, I've got pizza and the new season downloaded.",
        "Missed call from Dad. Missed call from Dad. She rang back: the dog had got out again.",
        '"Answer me this," said the quizmaster. "Where are you most likely to find a puffin?"',
        "where r u? the film starts in 5. i see ur online so hurry up lol",
        "The sergeant rang every hour to check the patrol was safe; where are you, answer me, over.",
        "i can see you've read it!! just tell me if you liked the ending",
        "Who are you with at the wedding? Send me a photo of the cake!",
    ],
)
def test_harmless_twin_does_not_warn(text: str) -> None:
    assert "abuse" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        # whereabouts and the phone
        "him: where are u\nhim: i can see you've read it\nhim: answer me\nhim: don't lie to me",
        "where are you. who are you with. pick up the phone. i can see you're online. "
        "i'm not angry i just want to know",
        "Kai: where are you\nKai: who's the guy in your story\nKai: open the door\nKai: sorry baby i love u",
        "He rings every twenty minutes when she's out. If she doesn't answer it's who are you with, "
        "who are you with, and then she has to ask his permission to stay for pudding.",
        "11:02 where are u\n11:03 i see ur online\n11:04 dont make me come over",
        "babe why aren't you answering. i can see your location. you're not at your sister's.",
        '"Turn the camera round," he said. "Show me the room. Who are you with?" Then: "If you don\'t '
        "pick up next time, I'm coming over.\"",
    ],
)
def test_abuse_told_as_watching_warns(text: str) -> None:
    assert "abuse" in ids(text)
