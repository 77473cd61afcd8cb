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


async def test_a_time_read_in_utc_because_no_zone_is_set_says_so(club: Club) -> None:
    """A new club's admin in New York typed "tomorrow 7pm" and got 2 pm: the server had no time zone, so
    it was read in UTC, which the answer never said."""
    story = await a_story(club, "Night Ferry", chapters=6)
    answers = {}
    for chapter, when in enumerate(("tomorrow 7pm", "tomorrow 7pm UTC", "in 3 hours"), start=1):
        [answer] = await club.slash(
            "discussion schedule", member=club.admin, story=str(story), chapter=chapter, when=when, remind="none"
        )
        answers[when] = answer.text
    assert "Read in UTC (`/config set timezone:` sets the club's own zone)." in answers["tomorrow 7pm"], answers[
        "tomorrow 7pm"
    ]
    assert "Read in UTC" not in answers["tomorrow 7pm UTC"] and "Read in UTC" not in answers["in 3 hours"]
    [planned] = await club.slash(
        "discussion plan", member=club.admin, story=str(story), start="friday 19:00", every="weekly",
        from_chapter=4, remind="none",
    )  # fmt: skip
    assert "Read in UTC" in planned.text, planned.text
    await club.slash("config set", member=club.admin, timezone="America/New_York")
    [moved] = await club.slash("discussion move", member=club.admin, id=1, when="tomorrow 8pm")
    assert "Read in UTC" not in moved.text, moved.text
