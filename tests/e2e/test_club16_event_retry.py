"""Round 16 (session 45): a scheduled event Discord refused is tried again, and a Done says who.

Dogear's role lost Create Events, so an event was never started (or never ended) and sat "Scheduled"
or live after the meeting. Once the permission was given back nothing tried it again. Now Dogear
tries by itself after a back-off (15 minutes, 1, 6 and 24 hours, then it says it stops), at once when
its role is given the permission, and when an admin presses Try again beside it under
``/discussion list``; a member without Manage Events can press nothing, each try is one at a time,
and a restart between the refusal and the try changes nothing. The moderation channel is told
what a try did, naming the admin who pressed without pinging them.
"""

from __future__ import annotations

from datetime import timedelta

from bot.devtools.double import permissions as P
from bot.devtools.driver import Club
from tests.e2e.test_club13_events import NO_EVENTS
from tests.e2e.test_club14_events import event_end_row, mod_posts, no_pings, with_mod_channel
from tests.e2e.test_club15_event_list import HEAD, listing
from tests.e2e.test_discussion_events import ACTIVE, COMPLETED, SCHEDULED, posted, schedule_with_event
from tests.e2e.test_discussions import advance, settle


def event_patches(club: Club) -> int:
    return sum(1 for r in club.requests if r.method == "PATCH" and "/scheduled-events/" in r.path)


async def test_the_permission_given_back_starts_the_event_a_member_could_not_and_the_channel_is_told(
    club: Club,
) -> None:
    await with_mod_channel(club)
    due = await schedule_with_event(club, "Unlit_Beacon")
    [event] = club.events
    await club.set_role_permissions(club.bot_role, NO_EVENTS)
    with club.expect_errors(403, 50013):
        await advance(club, due - club.clock.now())
    discussion = await posted(club)
    answer = await listing(club)
    assert answer.labels == [f"Try again: #{discussion.id}'s event", f"Done: #{discussion.id}'s event"]
    assert "I try again by myself" in answer.text, answer.text

    [pressed] = await club.forge_press(f"dogear:event-retry:{discussion.id}", member=club.member)
    assert pressed.ephemeral and "Manage Events" in pressed.text, pressed.text
    assert "tried again" not in (await listing(club)).text  # a member's press tried nothing

    with club.expect_errors(403, 50013):
        replies = await club.click(answer, f"Try again: #{discussion.id}'s event", member=club.admin)
    [refused] = [reply for reply in replies if reply.id != answer.id]
    assert refused.ephemeral and "Discord refused it again" in refused.text and "Create Events" in refused.text
    text = (await listing(club)).text
    assert HEAD in text and "(tried again 1 time, the last" in text, text

    await club.restart()
    told = len(mod_posts(club))
    await club.set_role_permissions(club.bot_role, P.BOT_INVITE)
    await settle(club)
    assert event.status == ACTIVE  # the meeting is on: started now, ended at its time
    assert HEAD not in (await listing(club)).text
    [note] = mod_posts(club)[told:]
    assert f"discussion #{discussion.id} of **Unlit\\_Beacon**, chapter 1, is started now" in note.content
    assert "I tried again by myself" in note.content and no_pings(note)
    await advance(club, timedelta(hours=1))
    assert event.status == COMPLETED and (await event_end_row(club, discussion.id))[0] == "ended"


async def test_try_again_after_a_restart_ends_the_event_and_names_the_admin(club: Club) -> None:
    """The permission came back through a role Dogear's member was given (Discord tells a bot of no
    member's roles without the members intent): nothing told Dogear, so the admin presses Try again."""
    await with_mod_channel(club)
    due = await schedule_with_event(club, "Burning Beacon")
    [event] = club.events
    await advance(club, due - club.clock.now())
    await club.set_role_permissions(club.bot_role, NO_EVENTS)
    with club.expect_errors(403, 50013):
        await advance(club, timedelta(hours=1))
    discussion = await posted(club)
    assert event.status == ACTIVE and (await event_end_row(club, discussion.id))[0] == "failed"
    answer = await listing(club)

    await club.restart()
    club.bot_role.permissions = P.BOT_INVITE  # given back unseen by the bot
    told = len(mod_posts(club))
    replies = await club.click(answer, f"Try again: #{discussion.id}'s event", member=club.admin)
    [edited] = [reply for reply in replies if reply.id == answer.id]
    assert edited.labels == [], edited.labels  # it left the list: its two buttons go
    [done] = [reply for reply in replies if reply.id != answer.id]
    assert done.ephemeral and f"The event of discussion #{discussion.id} is ended now." == done.text, done.text
    assert event.status == COMPLETED and (await event_end_row(club, discussion.id))[0] == "ended"
    [note] = mod_posts(club)[told:]
    assert f"is ended now, after Discord had refused it: <@{club.admin.id}> pressed Try again" in note.content
    assert no_pings(note), note.content
    assert HEAD not in (await listing(club)).text
    [*_, again] = await club.forge_press(f"dogear:event-retry:{discussion.id}", member=club.admin)
    assert "no refused event listed to try again" in again.text, again.text


async def test_dogear_tries_by_itself_four_times_then_says_it_stops(club: Club) -> None:
    await with_mod_channel(club)
    due = await schedule_with_event(club, "Stubborn Beacon")
    [event] = club.events
    await club.set_role_permissions(club.bot_role, NO_EVENTS)
    told = len(mod_posts(club))
    with club.expect_errors(403, 50013):
        await advance(club, due - club.clock.now())
    patches = event_patches(club)
    for wait in (timedelta(minutes=15), timedelta(hours=1), timedelta(hours=6), timedelta(hours=24)):
        with club.expect_errors(403, 50013):
            await advance(club, wait)
    assert event_patches(club) > patches and event.status == SCHEDULED
    tried = event_patches(club)
    await advance(club, timedelta(days=3))
    assert event_patches(club) == tried  # no fifth try
    refused, gave_up = mod_posts(club)[told:]
    assert "could not be started" in refused.content and "tried again" not in refused.content
    assert "could still not be started" in gave_up.content and "I tried again 4 times" in gave_up.content
    assert "will not try by myself any more" in gave_up.content and no_pings(gave_up)
    text = (await listing(club)).text
    assert "I will not try again by myself (tried again 4 times" in text, text


async def test_a_story_removed_deletes_the_event_discord_had_refused_to_start(club: Club) -> None:
    """The refusal went with the story, so nothing listed or tried that event again: it sat "Scheduled"
    in the server's Events list for good."""
    due = await schedule_with_event(club, "Lost Beacon")
    await club.set_role_permissions(club.bot_role, NO_EVENTS)
    with club.expect_errors(403, 50013):
        await advance(club, due - club.clock.now())
    discussion = await posted(club)
    assert discussion.state == "posted" and [event.status for event in club.events] == [SCHEDULED]
    club.bot_role.permissions = P.BOT_INVITE  # given back unseen, before any try of Dogear's own
    [confirm] = await club.slash("story remove", member=club.admin, story=str(discussion.story_id))
    await club.click(confirm, "Remove", member=club.admin)
    await settle(club)
    assert club.events == []
