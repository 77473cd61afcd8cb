"""A server where Dogear lacks Create Events (and Manage Events): each path that meets the
double's real 403 / 50013 refusal says what works, through ``compose.failure_fix``: give Dogear's
role Create Events, or go on without an event."""

from __future__ import annotations

from datetime import timedelta

from bot.devtools.double import permissions as P
from bot.devtools.driver import Club
from bot.discussions import store
from tests.e2e.test_discussion_events import SCHEDULED, posted, schedule_with_event
from tests.e2e.test_discussions import a_story, advance, stored, utc_text

NO_EVENTS = P.BOT_INVITE & ~(P.CREATE_EVENTS | P.MANAGE_EVENTS)
GRANT = "Create Events (Server Settings → Roles)"


async def scheduled_without_an_event_then_refused(club: Club, title: str) -> store.Discussion:
    """A discussion scheduled in two days without an event, then Dogear's events permissions taken away."""
    story = await a_story(club, title)
    await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when="in 2 days", remind="none"
    )
    discussion = await posted(club)
    await club.set_role_permissions(club.bot_role, NO_EVENTS)
    return discussion


async def test_scheduling_with_an_event_says_how_to_grant_it_or_go_without(club: Club) -> None:
    story = await a_story(club, "Shut Lantern")
    await club.set_role_permissions(club.bot_role, NO_EVENTS)
    with club.expect_errors(403, 50013):
        [answer] = await club.slash(
            "discussion schedule", member=club.admin, story=str(story), chapter=1, when="in 2 days", event=True
        )
    assert answer.ephemeral and "Nothing was scheduled" in answer.text
    assert GRANT in answer.text  # where an admin gives it: a server permission, not a channel's
    assert "without `event:`" in answer.text  # or go on without an event
    assert await stored(club) == []


async def test_a_failed_discussion_whose_event_dogear_cannot_touch_says_so_in_the_list(club: Club) -> None:
    due = await schedule_with_event(club, "Stuck Lantern", channel=club.locked_channel)
    await club.set_role_permissions(club.bot_role, NO_EVENTS)
    with club.expect_errors(403, 50013):
        await advance(club, due - club.clock.now() + timedelta(hours=2))
    discussion = await posted(club)
    assert discussion.state == "failed" and discussion.event_id is not None
    [listed] = await club.slash("discussion list", member=club.admin)
    assert f"/discussion move id:{discussion.id}" in listed.text
    assert GRANT in listed.text and "by hand" in listed.text, listed.text


async def test_moving_a_failed_one_whose_event_is_refused_says_what_works(club: Club) -> None:
    due = await schedule_with_event(club, "Moved Shut Lantern", channel=club.locked_channel)
    [event] = club.events
    with club.expect_errors(403, 50013):
        await advance(club, due - club.clock.now())
    await club.set_role_permissions(club.bot_role, NO_EVENTS)
    discussion = await posted(club)
    later = due + timedelta(hours=3)
    with club.expect_errors(403, 50013):
        [answer] = await club.slash("discussion move", member=club.admin, id=discussion.id, when=utc_text(later))
    assert answer.ephemeral and "now opens" in answer.text
    assert "Create Events" in answer.text and GRANT in answer.text, answer.text
    assert "old time" in answer.text and "delete it" in answer.text  # edit by hand, or go on without it
    assert event.status == SCHEDULED and event.start == due.isoformat()
    with club.expect_errors(
        403, 50013
    ):  # it fails again there, and its event cannot be cancelled: not left to a later test
        await advance(club, later - club.clock.now() + timedelta(hours=2))
    assert (await posted(club)).state == "failed" and event.status == SCHEDULED


async def test_adding_an_event_on_move_without_the_permission_says_how_to_add_it_later(club: Club) -> None:
    discussion = await scheduled_without_an_event_then_refused(club, "Plain Shut Lantern")
    with club.expect_errors(403, 50013):
        [answer] = await club.slash(
            "discussion move", member=club.admin, id=discussion.id, when="in 3 days", event=True
        )
    assert "now opens" in answer.text and GRANT in answer.text, answer.text
    assert f"`/discussion move id:{discussion.id}`" in answer.text and "event:True" in answer.text
    assert "Nothing was scheduled" not in answer.text and "schedule it again" not in answer.text
    assert club.events == []


async def test_the_advice_to_add_the_event_later_works(club: Club) -> None:
    """What the "add" answer says to do (grant, then move to the same time with event:True) does add it."""
    discussion = await scheduled_without_an_event_then_refused(club, "Later Lantern")
    with club.expect_errors(403, 50013):
        await club.slash("discussion move", member=club.admin, id=discussion.id, when="in 3 days", event=True)
    await club.set_role_permissions(club.bot_role, P.BOT_INVITE)
    due = (await posted(club)).due_at
    [again] = await club.slash("discussion move", member=club.admin, id=discussion.id, when=utc_text(due), event=True)
    assert "at that time already" in again.text and "scheduled event was created" in again.text, again.text
    [event] = club.events
    assert event.status == SCHEDULED and (await posted(club)).event_id == event.id


async def test_moving_one_whose_event_was_deleted_in_discord_says_so_and_can_get_a_new_one(club: Club) -> None:
    """An admin deleted the event in Discord: moving said "I could not move its scheduled event; edit
    it by hand" (there was nothing to edit), and `event:True` added none, as the discussion still
    named the deleted one."""
    due = await schedule_with_event(club, "Vanished Lantern", in_hours=5)
    [old] = club.events
    old.deleted = True
    discussion = await posted(club)
    with club.expect_errors(404, 10070):
        [moved] = await club.slash(
            "discussion move", member=club.admin, id=discussion.id, when=utc_text(due + timedelta(hours=1))
        )
    assert "by hand" not in moved.text and "no longer exists" in moved.text, moved.text
    assert "event:True" in moved.text and (await posted(club)).event_id is None
    [again] = await club.slash(
        "discussion move", member=club.admin, id=discussion.id, when=utc_text(due + timedelta(hours=2)), event=True
    )
    assert "scheduled event was created" in again.text, again.text
    [new] = [e for e in club.events if e.id != old.id]
    assert (await posted(club)).event_id == new.id


async def test_moving_one_whose_event_was_cancelled_in_discord_gets_a_new_one_when_asked(club: Club) -> None:
    due = await schedule_with_event(club, "Cancelled Lantern", in_hours=5)
    [old] = club.events
    old.status = 4  # cancelled by hand in Discord: it can be neither edited nor started
    discussion = await posted(club)
    [moved] = await club.slash(
        "discussion move", member=club.admin, id=discussion.id, when=utc_text(due + timedelta(hours=1)), event=True
    )
    assert "by hand" not in moved.text and "scheduled event was created" in moved.text, moved.text
    [new] = [e for e in club.events if e.id != old.id]
    assert new.status == SCHEDULED and (await posted(club)).event_id == new.id


async def test_cancelling_one_whose_event_dogear_may_not_delete_says_why_and_what_works(club: Club) -> None:
    """It said "I could not delete its scheduled event; remove it by hand", never why, nor that
    the permission would let Dogear do it."""
    await schedule_with_event(club, "Cancelled Shut Lantern", in_hours=5)
    [event] = club.events
    discussion = await posted(club)
    await club.set_role_permissions(club.bot_role, NO_EVENTS)
    with club.expect_errors(403, 50013):
        [answer] = await club.slash("discussion cancel", member=club.admin, id=discussion.id)
    assert answer.ephemeral and "is cancelled" in answer.text
    assert "Create Events" in answer.text and GRANT in answer.text and "by hand" in answer.text, answer.text
    assert not event.deleted
