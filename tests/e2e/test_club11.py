"""Round 11 (session 41) of a club's life through the Discord double."""

from __future__ import annotations

from bot.devtools.driver import Club
from bot.discussions import presence
from tests.e2e.test_club41 import add_road, leave, member_lookups


async def test_progress_club_leaves_out_a_member_found_gone_within_the_look_up_budget(club: Club) -> None:
    """A member who set their progress and left the server was still listed and drawn by
    ``/progress club`` (no members intent: Discord never says who left). It now leaves out whom
    the reminders' presence knows is gone, looking up at most LOOKUPS_PER_CALL members a call."""
    story = await add_road(club)
    readers = [club.state.add_member(club.guild, club.state.add_user(f"reader{n}")) for n in range(30)]
    for reader in (club.member, *readers):
        await club.slash("progress set", member=reader, story=story, chapter=2)
    leaver = readers[0]
    await club.slash("progress set", member=leaver, story=story, chapter=3)
    leave(club, leaver.user.id)
    before = len(member_lookups(club))
    with club.expect_errors(404, 10007):
        [first] = await club.slash("progress club", member=club.member, story=story)
    asked = len(member_lookups(club)) - before
    assert 0 < asked <= presence.LOOKUPS_PER_CALL, asked
    assert leaver.mention() not in first.text, first.text
    assert "30 members" in first.text and "Caught up with the latest chapter (chapter 3): nobody" in first.text, (
        first.text
    )
    assert first.attachments  # the chart is drawn from the same members
    [again] = await club.slash("progress club", member=club.member, story=story)
    assert leaver.mention() not in again.text and "30 members" in again.text, again.text
    looked_up = member_lookups(club)[before:]
    assert len(looked_up) == len(set(looked_up)) == 31  # the rest asked once, and nobody twice: answers are kept
