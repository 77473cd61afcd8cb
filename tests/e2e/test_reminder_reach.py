"""Reminders and the chapters a member has still to read, through the Discord double.

A reminder asks members who are behind to read on to the discussed chapter: every chapter past
where they are counts, not the discussed one alone. A member who avoids a warning one of those
chapters carries (declared, detected or confirmed; possible or reported but unanswered for a
strict avoider) is left out of the reminder and its DM copy.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.devtools.driver import Club, Reply

LONG_ROAD = (
    "Title: Long Road\n\n# Chapter 1\n\nThey ate pancakes by the sea and laughed.\n\n"
    "# Chapter 2\n\n{}\n\n# Chapter 3\n\nMorning came, grey and slow over the harbour.\n"
)
DECLARED = "CW for this chapter: self-harm.\n\nShe sat by the window a long time that evening."
DETECTED = "The knife slipped and blood ran over the table.\n\nHer arm was bleeding badly."
POSSIBLE = "There was blood on the floor.\n\nHis hand was bleeding."


async def add_road(club: Club, chapter_two: str) -> str:
    await club.slash("story add", member=club.admin, file=("road.txt", LONG_ROAD.format(chapter_two).encode()))
    [choice] = await club.autocomplete("excerpt read", "story", "long road", member=club.member)
    return choice["value"]


async def remind_of_chapter_three(club: Club, story: str) -> Reply:
    """Schedule chapter 3's discussion with a reminder 2 hours before; the reminder, once posted."""
    await club.slash(
        "discussion schedule", member=club.admin, story=story, chapter=3, when="in 4 hours", remind="2h",
        channel=club.text_channel,
    )  # fmt: skip
    await club.clock.advance(timedelta(hours=2))
    await club.run(club.bot.get_cog("DiscussionCog").service.wait_idle())
    await club.settle()
    [reminder] = club.messages(club.text_channel, include_replies=False)
    return reminder


@pytest.mark.parametrize(
    ("chapter_two", "warning", "confirm"),
    [(DECLARED, "self-harm", False), (DETECTED, "blood-gore", False), (POSSIBLE, "blood-gore", True)],
    ids=["declared", "detected", "confirmed"],
)
async def test_a_warning_of_a_chapter_before_the_discussed_one_spares_who_has_still_to_read_it(
    club: Club, chapter_two: str, warning: str, confirm: bool
) -> None:
    story = await add_road(club, chapter_two)
    if confirm:
        page = (await club.slash("warnings story", member=club.admin, story=story))[-1]
        await club.click(page, f"dogear:warn:c:{story}:2:{warning}:0", member=club.admin)
    for member, chapter in ((club.member, 1), (club.other_member, 1), (club.closed_dm_member, 2)):
        await club.slash("progress set", member=member, story=story, chapter=chapter)
    await club.slash("prefs avoid", member=club.member, warning=warning)  # at chapter 1: chapter 2 is ahead
    await club.slash("prefs avoid", member=club.closed_dm_member, warning=warning)  # read chapter 2 already
    await club.slash("prefs reminders", member=club.member, dm=True)

    reminder = await remind_of_chapter_three(club, story)
    assert club.other_member.mention() in reminder.text
    assert club.closed_dm_member.mention() in reminder.text  # what is left to read carries no warning they avoid
    assert club.member.mention() not in reminder.text
    assert club.member.user.id not in reminder.message.pinged_users
    assert club.dms(club.member) == []  # no DM copy either


async def test_a_strict_avoider_is_spared_a_chapter_ahead_a_member_reported_until_an_admin_answers(
    club: Club,
) -> None:
    """An open report is a warning nobody has settled, like a possible one: a strict avoider is
    left out of reminders to read through the chapter and asked before reading it."""
    story = await add_road(club, "She sat by the window a long time that evening.")
    for member in (club.member, club.other_member, club.closed_dm_member):
        await club.slash("progress set", member=member, story=story, chapter=1)
    await club.slash("prefs avoid", member=club.member, warning="vomit", strict=True)
    await club.slash("prefs avoid", member=club.other_member, warning="vomit")  # not strict: still reminded
    await club.slash("warnings report", member=club.closed_dm_member, story=story, chapter=2, warning="vomit")

    reminder = await remind_of_chapter_three(club, story)
    assert club.other_member.mention() in reminder.text and club.closed_dm_member.mention() in reminder.text
    assert club.member.mention() not in reminder.text
    asked = await club.slash("excerpt read", member=club.member, story=story, chapter=2)
    assert len(asked) == 1 and "has a warning you asked to avoid: **Vomit (possible)**" in asked[0].text

    review = (await club.slash("warnings review", member=club.admin))[-1]
    await club.click(review, f"dogear:warn:d:{story}:2:vomit:0", member=club.admin)
    read = await club.slash("excerpt read", member=club.member, story=story, chapter=2)
    assert "asked to avoid" not in read[0].text  # dismissed: settled, nothing to ask


async def test_a_reported_warning_an_admin_then_adds_to_the_story_is_asked_about_once(club: Club) -> None:
    """The report stays open when an admin adds the warning to the whole story: a strict avoider
    is asked about it once, as the header shows it, not again as a possible one."""
    story = await add_road(club, "She sat by the window a long time that evening.")
    await club.slash("prefs avoid", member=club.member, warning="vomit", strict=True)
    await club.slash("warnings report", member=club.other_member, story=story, chapter=2, warning="vomit")
    await club.slash("warnings story", member=club.admin, story=story, add="vomit")
    asked = await club.slash("excerpt read", member=club.member, story=story, chapter=2)
    assert len(asked) == 1 and "has a warning you asked to avoid: **Vomit**." in asked[0].text, asked[0].text


async def test_a_reminder_with_nobody_to_name_says_why_and_never_claims_everyone_has_read(club: Club) -> None:
    """Dogear sees only the members who mark their progress: with none, or with the ones still
    reading left out (reminders off, a warning avoided), "Everyone is caught up" was false."""
    story = await add_road(club, "She sat by the window a long time that evening.")
    nobody = await remind_of_chapter_three(club, story)
    assert "Nobody has marked their progress on this story yet" in nobody.text and "/progress set" in nobody.text
    assert "Everyone" not in nobody.text


async def test_a_reminder_leaving_out_everyone_still_reading_does_not_say_they_are_caught_up(club: Club) -> None:
    story = await add_road(club, "She sat by the window a long time that evening.")
    await club.slash("progress set", member=club.member, story=story, chapter=1)
    await club.slash("prefs reminders", member=club.member, off=True)
    await club.slash("progress set", member=club.other_member, story=story, chapter=3)
    reminder = await remind_of_chapter_three(club, story)
    assert "Nobody to name here: the members still reading turned reminders off" in reminder.text
    assert "caught up" not in reminder.text and club.member.mention() not in reminder.text


async def test_a_reminder_when_every_member_who_marks_progress_has_read(club: Club) -> None:
    story = await add_road(club, "She sat by the window a long time that evening.")
    await club.slash("progress set", member=club.other_member, story=story, chapter=3)
    reminder = await remind_of_chapter_three(club, story)
    assert "Everyone who marks their progress is caught up." in reminder.text
