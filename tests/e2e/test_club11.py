"""Round 11 (session 41) of a club's life through the Discord double."""

from __future__ import annotations

import re

from bot.devtools.double import permissions as P
from bot.devtools.driver import Club
from bot.discussions import presence
from tests.e2e.test_club41 import add_road, leave, member_lookups, reminders_fall_due


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


async def test_a_discussion_that_fails_at_its_time_is_told_in_the_mod_channel_once_without_pings(club: Club) -> None:
    """Dogear lost Create Threads in the discussion channel: the discussion failed at its time and
    admins learnt of it only from ``/discussion list``. The moderation channel is now told, once."""
    story = await add_road(club)
    await club.slash("config set", member=club.admin, discussion_channel=club.text_channel)
    await club.slash("config set", member=club.admin, mod_channel=club.general_channel)
    await club.slash("progress set", member=club.member, story=story, chapter=1)
    [done] = await club.slash(
        "discussion schedule", member=club.admin, story=story, chapter=1, when="in 2 hours", remind="none"
    )
    discussion = int(re.search(r"Discussion \*\*#(\d+)\*\*", done.text)[1])  # the database's ids are shared
    await club.set_overwrite(club.text_channel, club.bot_role, deny=P.CREATE_PUBLIC_THREADS | P.CREATE_PRIVATE_THREADS)
    before = len(club.messages(club.general_channel))
    assert await reminders_fall_due(club, 2) == []  # nothing posted in the discussion channel
    [told] = club.messages(club.general_channel)[before:]
    assert f"#{discussion} of **Long Road**, chapter 1" in told.text and "could not be posted" in told.text, told.text
    assert "Create Public Threads" in told.text and f"`/discussion move id:{discussion}`" in told.text, told.text
    assert not told.message.pinged_users and not told.message.pinged_everyone, told.message
    await reminders_fall_due(club, 3)
    assert len(club.messages(club.general_channel)) == before + 1  # once
