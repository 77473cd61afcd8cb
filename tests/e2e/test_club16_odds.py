"""Round 16 (session 45): what a club admin met probing the discussion commands.

Three chapters scheduled to one minute were answered "both post then": a count the admin could see
was wrong, under a list naming two others."""

from __future__ import annotations

from bot.devtools.driver import Club
from tests.e2e.test_discussions import a_story


async def test_a_third_discussion_in_the_same_minute_is_not_said_to_be_one_of_two(club: Club) -> None:
    story = await a_story(club, "Tide Clock")
    answers = []
    for chapter in (1, 2, 3):
        [answer] = await club.slash(
            "discussion schedule", member=club.admin, story=str(story), chapter=chapter, when="in 3 hours",
            remind="none", channel=club.text_channel,
        )  # fmt: skip
        answers.append(answer.text)
    assert "same minute" not in answers[0]
    assert "opens in the same minute" in answers[1] and "both post then" in answers[1], answers[1]
    assert "open in the same minute" in answers[2] and "all three post then" in answers[2], answers[2]
    assert "both" not in answers[2], answers[2]
