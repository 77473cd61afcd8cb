"""Club admins' and members' slips of the session-37 probe, second round, answered through the Discord double.

Each test is a command that was taken without a word where the member needed one: a time the clocks skip
shifted silently, a chapter scheduled twice, a warning already shown "added" again, a story file of a
title the library has.
"""

from __future__ import annotations

from datetime import date, timedelta

from bot.devtools.driver import Club
from tests.e2e.test_discussions import a_story, advance, stored, utc_text
from tests.e2e.test_mistakes34 import private_and_short


def next_spring_forward(club: Club) -> date:
    """The next last Sunday of March (Europe's clocks go forward at 02:00 that night) still ahead."""
    today = club.clock.now().date()
    for year in (today.year, today.year + 1):
        last = date(year, 3, 31)
        sunday = last - timedelta(days=(last.weekday() + 1) % 7)
        if sunday > today + timedelta(days=1):
            return sunday
    raise AssertionError("no spring-forward night within a year")


async def test_a_time_the_clocks_skip_is_scheduled_an_hour_on_and_the_answer_says_so(club: Club) -> None:
    story = await a_story(club, "The Skipped Hour")
    night = next_spring_forward(club)
    await club.slash("config set", member=club.admin, timezone="Europe/Berlin")
    [answer] = await club.slash(
        "discussion schedule",
        member=club.admin,
        story=str(story),
        chapter=1,
        when=f"{night:%Y-%m-%d} 02:30",
        channel=club.text_channel,
    )
    assert f"02:30 does not exist on Sunday {night.day} March {night.year} in Europe/Berlin" in answer.text, answer.text
    assert "scheduled for 03:30." in answer.text
    [discussion] = [d for d in await stored(club) if d.story_title == "The Skipped Hour"]
    assert f"{discussion.due_at:%H:%M}" == "01:30"  # 03:30 in Berlin's summer time (UTC+2)

    [moved] = await club.slash(
        "discussion move", member=club.admin, id=discussion.id, when=f"{night + timedelta(days=7):%Y-%m-%d} 02:30"
    )
    assert "does not exist" not in moved.text, moved.text  # a week later, 02:30 is on the clock
    [back] = await club.slash("discussion move", member=club.admin, id=discussion.id, when=f"{night:%Y-%m-%d} 2:15am")
    assert "02:15 does not exist" in back.text and "scheduled for 03:15." in back.text, back.text


async def test_a_chapter_scheduled_twice_is_refused_naming_the_first_until_it_is_posted(club: Club) -> None:
    story = await a_story(club, "The Twice Told Tale")
    due = (club.clock.now() + timedelta(hours=2)).replace(second=0, microsecond=0)
    await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when=utc_text(due), remind="none"
    )
    [first] = [d for d in await stored(club) if d.story_title == "The Twice Told Tale"]
    refusal = private_and_short(
        await club.slash(
            "discussion schedule",
            member=club.admin,
            story=str(story),
            chapter=1,
            when=utc_text(due + timedelta(days=3)),
            channel=club.text_channel,
        )
    )
    assert f"Chapter 1 of **The Twice Told Tale** already has a discussion: **#{first.id}**" in refusal.text
    assert f"<t:{int(due.timestamp())}:F>" in refusal.text and "nothing was added" in refusal.text, refusal.text
    assert f"`/discussion move id:{first.id}`" in refusal.text
    planned = private_and_short(
        await club.slash("discussion plan", member=club.admin, story=str(story), start="in 5 days", every="weekly")
    )
    assert f"**#{first.id}**" in planned.text and "nothing was planned" in planned.text, planned.text
    assert [d.id for d in await stored(club) if d.story_title == "The Twice Told Tale"] == [first.id]

    await advance(club, timedelta(hours=2, minutes=1))  # the first is posted: the chapter may be discussed again
    [again] = await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when=utc_text(due + timedelta(days=3))
    )
    assert "is scheduled for" in again.text, again.text
