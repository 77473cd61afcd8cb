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


async def test_two_admins_saving_the_prompts_form_at_once_the_second_is_told_they_changed(club: Club) -> None:
    """Both admins opened the form, both saved and both were told "saved": the last save won and the
    first admin's prompts were lost without a word. The second is now told, nothing is saved over
    the first's, and the text they wrote is given back to paste into ``/discussion prompts prompts:``."""
    await club.slash("discussion prompts", member=club.admin, prompts="Who lied first?")
    [mine] = await club.slash("discussion prompts", member=club.admin)
    [theirs] = await club.slash("discussion prompts", member=club.owner)
    [first] = await club.submit_modal(mine, {"prompts": "Who kept the logbook?"}, member=club.admin)
    assert "Discussion prompts saved" in first.text, first.text
    [second] = await club.submit_modal(theirs, {"prompts": "What did the lamp mean?\nWho rang?"}, member=club.owner)
    assert second.ephemeral and not second.text.startswith("Discussion prompts saved"), second.text
    assert "changed since you opened" in second.text and "Who kept the logbook?" in second.text, second.text
    assert "What did the lamp mean? \\| Who rang?" in second.text, second.text  # theirs, to paste back (shown as |)
    [shown] = await club.slash("config show", member=club.owner)
    assert "Who kept the logbook?" in shown.text and "lamp" not in shown.text, shown.text
    [again] = await club.slash("discussion prompts", member=club.owner)  # a form opened now saves
    [saved] = await club.submit_modal(again, {"prompts": "What did the lamp mean?"}, member=club.owner)
    assert "Discussion prompts saved" in saved.text and "lamp" in saved.text, saved.text


async def test_the_same_prompts_saved_twice_at_once_are_no_loss(club: Club) -> None:
    """Guard: a second save of the very prompts now in force loses nothing, so it is simply saved."""
    [mine] = await club.slash("discussion prompts", member=club.admin)
    [theirs] = await club.slash("discussion prompts", member=club.owner)
    await club.submit_modal(mine, {"prompts": "Who kept the logbook?"}, member=club.admin)
    [second] = await club.submit_modal(theirs, {"prompts": "Who kept the logbook?"}, member=club.owner)
    assert "Discussion prompts saved" in second.text, second.text
