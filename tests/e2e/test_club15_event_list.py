"""Round 15 (session 44): ``/discussion list`` shows the scheduled events Dogear could not start or end.

Dogear's role lost Create Events: the discussion posted but its event was never started (or, at its
end time, never ended or cancelled), and it sat "Scheduled" or live in every member's Events list
after the meeting. Only a moderation channel was told; a club without one never learned of it. The
admin's ``/discussion list`` now shows each such event, what was refused, when, why and what to do,
with a Done button (working after a restart) that takes it off; a member can neither see nor press it.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.devtools.driver import Club, CommandNotVisible, Reply
from tests.e2e.test_club13_events import GRANT, NO_EVENTS
from tests.e2e.test_club14_events import event_end_row, mod_posts, no_pings
from tests.e2e.test_discussion_events import ACTIVE, SCHEDULED, posted, schedule_with_event
from tests.e2e.test_discussions import advance

HEAD = "Events Dogear could not start or end"


async def listing(club: Club) -> Reply:
    [answer] = await club.slash("discussion list", member=club.admin)
    assert answer.ephemeral and no_pings(answer), answer.message
    return answer


async def test_an_event_dogear_could_not_start_is_listed_until_an_admin_presses_done_after_a_restart(
    club: Club,
) -> None:
    """No moderation channel: the list is the only place an admin learns of it."""
    due = await schedule_with_event(club, "Unlit_Beacon")
    [event] = club.events
    await club.set_role_permissions(club.bot_role, NO_EVENTS)
    before = len(mod_posts(club))
    with club.expect_errors(403, 50013):
        await advance(club, due - club.clock.now())
    discussion = await posted(club)
    assert discussion.state == "posted" and event.status == SCHEDULED and len(mod_posts(club)) == before
    answer = await listing(club)
    text = answer.text
    assert HEAD in text and "14 days" in text, text
    section = text.split(HEAD, 1)[1]
    assert f"**#{discussion.id}** · Unlit\\_Beacon, chapter 1 · its event could not be started" in section, section
    assert "I lack Create Events" in section and "start it or delete it by hand" in section, section
    assert GRANT in section, section
    assert answer.labels == [f"Try again: #{discussion.id}'s event", f"Done: #{discussion.id}'s event"], answer.labels

    await club.restart()
    replies = await club.click(answer, f"Done: #{discussion.id}'s event", member=club.admin)
    [edited] = [reply for reply in replies if reply.id == answer.id]
    assert edited.labels == [] and HEAD in edited.text  # the pressed listing keeps its text, loses the button
    [done] = [reply for reply in replies if reply.id != answer.id]
    assert done.ephemeral and f"#{discussion.id}" in done.text and "off `/discussion list`" in done.text, done.text
    after = await listing(club)
    assert HEAD not in after.text and after.labels == [], after.text
    assert f"#{discussion.id} · Unlit\\_Beacon, chapter 1 · taken off by <@{club.admin.id}>" in after.text, after.text
    assert (await event_end_row(club, discussion.id))[0] == "failed"  # kept: never stored or told again
    [*_, again] = await club.forge_press(f"dogear:event-done:{discussion.id}", member=club.admin)
    assert "taken off already" in again.text, again.text


async def test_a_member_without_manage_events_can_neither_see_nor_press_it(club: Club) -> None:
    due = await schedule_with_event(club, "Hidden Beacon")
    await club.set_role_permissions(club.bot_role, NO_EVENTS)
    with club.expect_errors(403, 50013):
        await advance(club, due - club.clock.now())
    discussion = await posted(club)
    with pytest.raises(CommandNotVisible):
        await club.slash("discussion list", member=club.member)
    club.override_command_permissions("discussion")
    [refused] = await club.slash("discussion list", member=club.member)
    assert refused.ephemeral and "Manage Events" in refused.text and HEAD not in refused.text, refused.text
    [pressed] = await club.forge_press(f"dogear:event-done:{discussion.id}", member=club.member)
    assert pressed.ephemeral and "permission" in pressed.text.lower(), pressed.text
    assert f"#{discussion.id}** · Hidden Beacon" in (await listing(club)).text  # still listed


async def test_an_event_dogear_could_not_end_is_listed_for_fourteen_days(club: Club) -> None:
    due = await schedule_with_event(club, "Burning Beacon")
    [event] = club.events
    await advance(club, due - club.clock.now())
    assert event.status == ACTIVE
    await club.set_role_permissions(club.bot_role, NO_EVENTS)
    with club.expect_errors(403, 50013):
        await advance(club, timedelta(hours=1))
    discussion = await posted(club)
    section = (await listing(club)).text.split(HEAD, 1)[1]
    assert f"**#{discussion.id}** · Burning Beacon, chapter 1 · its event could not be ended" in section, section
    assert "end or delete it by hand" in section and GRANT in section, section
    with club.expect_errors(403, 50013):  # Dogear tries it again by itself (session 45), refused each time
        await advance(club, timedelta(days=13))
    text = (await listing(club)).text  # the clock jumped 13 days: one try, refused, and the next an hour on
    assert HEAD in text and "(tried again 1 time, the last" in text, text
    with club.expect_errors(403, 50013):
        await advance(club, timedelta(days=1, hours=1))
    assert HEAD not in (await listing(club)).text  # 14 days from the refusal, not from the last try


async def test_a_failed_discussion_whose_event_could_not_be_cancelled_leaves_the_list_when_cancelled(
    club: Club,
) -> None:
    due = await schedule_with_event(club, "Shut Beacon", channel=club.locked_channel)
    await club.set_role_permissions(club.bot_role, NO_EVENTS)
    with club.expect_errors(403, 50013):
        await advance(club, due - club.clock.now() + timedelta(hours=2))
    discussion = await posted(club)
    assert discussion.state == "failed"
    text = (await listing(club)).text
    assert "**Failed or missed**" in text and text.index("**Failed or missed**") < text.index(HEAD), text
    assert f"**#{discussion.id}** · Shut Beacon, chapter 1 · its event could not be cancelled" in text, text
    with club.expect_errors(403, 50013):
        await club.slash("discussion cancel", member=club.admin, id=discussion.id)
    assert HEAD not in (await listing(club)).text  # its event is owed a deletion, which /discussion cancel says


async def test_done_takes_off_the_one_pressed_and_leaves_the_others(club: Club) -> None:
    first = await schedule_with_event(club, "First Beacon", in_hours=2)
    await schedule_with_event(club, "Second Beacon", in_hours=3)
    await club.set_role_permissions(club.bot_role, NO_EVENTS)
    with club.expect_errors(403, 50013):
        await advance(club, first - club.clock.now() + timedelta(hours=1))
    ids = [
        row[0]
        for row in await club.run(
            club.bot.db.fetch_all("SELECT id FROM discussions WHERE guild_id = ? ORDER BY id", (club.guild.id,))
        )
    ]
    answer = await listing(club)
    assert answer.labels == [
        f"Try again: #{ids[1]}'s event",
        f"Done: #{ids[1]}'s event",
        f"Try again: #{ids[0]}'s event",
        f"Done: #{ids[0]}'s event",
    ], answer.labels  # newest first
    replies = await club.click(answer, f"Done: #{ids[0]}'s event", member=club.admin)
    [edited] = [reply for reply in replies if reply.id == answer.id]
    assert edited.labels == [f"Try again: #{ids[1]}'s event", f"Done: #{ids[1]}'s event"], edited.labels
    text = (await listing(club)).text
    assert f"**#{ids[1]}** · Second Beacon" in text and f"**#{ids[0]}** · First Beacon" not in text, text
