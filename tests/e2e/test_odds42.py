"""Session 42's loose ends through the Discord double: ``/discussion list`` says, for each failed
discussion, what brings it back (the header offered ``/discussion move`` for all of them)."""

from __future__ import annotations

from datetime import timedelta

from bot.devtools.driver import Club
from tests.e2e.test_discussions import a_story, advance, stored


async def test_each_failed_discussion_is_listed_with_the_fix_that_works_for_it(club: Club) -> None:
    """One named a channel that was then deleted (a move keeps that channel: schedule it elsewhere),
    one a channel Dogear may not post in (fix that, then move). The header said "reschedule with
    `/discussion move`" over both, and the lines said nothing of what to do."""
    story = await a_story(club)
    for chapter, channel in ((1, club.general_channel), (2, club.locked_channel)):
        await club.slash(
            "discussion schedule", member=club.admin, story=str(story), chapter=chapter, when="in 1 hour",
            remind="none", options={"channel": channel},
        )  # fmt: skip
    await club.delete_channel(club.general_channel)
    with club.expect_errors():
        await advance(club, timedelta(hours=1))
    gone, locked = sorted(await stored(club), key=lambda found: found.chapter)
    assert gone.state == locked.state == "failed"
    [listing] = await club.slash("discussion list", member=club.admin)
    text = listing.text
    assert listing.ephemeral and "**Failed or missed**\n" in text and "reschedule with" not in text.split("\n")[0]
    gone_line, locked_line = (text.split(f"**#{found.id}**", 1)[1].split("**#", 1)[0] for found in (gone, locked))
    assert "`/discussion schedule channel:`" in gone_line and "/discussion move" not in gone_line, text
    assert "I am missing Send Messages" in locked_line and f"`/discussion move id:{locked.id}`" in locked_line, text


async def test_a_failed_discussion_whose_channel_was_deleted_since_is_not_told_to_move(club: Club) -> None:
    """The list reads the server as it is now: a discussion that failed for a permission, its channel
    deleted afterwards, would only fail again if moved."""
    story = await a_story(club)
    await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when="in 1 hour", remind="none",
        options={"channel": club.locked_channel},
    )  # fmt: skip
    with club.expect_errors(403, 50013):
        await advance(club, timedelta(hours=1))
    [failed] = await stored(club)
    [before] = await club.slash("discussion list", member=club.admin)
    assert f"`/discussion move id:{failed.id}`" in before.text, before.text
    await club.delete_channel(club.locked_channel)
    [after] = await club.slash("discussion list", member=club.admin)
    assert "/discussion move" not in after.text and "`/discussion schedule channel:`" in after.text, after.text
