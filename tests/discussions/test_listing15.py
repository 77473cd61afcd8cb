"""What ``/discussion list`` says of a scheduled event Discord refused to start, end or cancel (session 44).

Only a moderation channel was told of such an event, left "Scheduled" or live in every member's
Events list after the meeting; a club without one never learned of it. The listing now shows each in
a section of its own after the failed discussions: which discussion, what was refused and when, the
stored reason, and the same ways on as the moderation channel's notice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.discussions.compose import EVENT_GRANT, event_notice, listing_page
from bot.discussions.store import Discussion, RefusedEvent, Reminder
from bot.limits import MESSAGE_BUTTONS, MESSAGE_CHARS
from bot.text import utf16_len, when_line

START = datetime(2030, 1, 1, tzinfo=UTC)
HEAD = "**Events Dogear could not start or end**"
WHY = "starting the scheduled event: I lack Create Events (Missing Permissions)"


def refusal(number: int, refused: str = "start", *, forbidden: bool = True, title: str | None = "Gull Point",
            reason: str = WHY) -> RefusedEvent:  # fmt: skip
    return RefusedEvent(number, title, 2, refused, START + timedelta(hours=number), reason, forbidden)  # type: ignore[arg-type]


def discussion(number: int, state: str) -> Discussion:
    return Discussion(
        id=number, guild_id=1, story_id=1, story_title="Gull Point", chapter=1, due_at=START + timedelta(hours=number),
        channel_id=5, channel_explicit=False, remind=(), state=state, failure="no channel" if state == "failed" else None,
        nonce=None, attempts=0, posted_channel_id=None, message_id=None, thread_id=None, event_id=None, created_by=7,
        story_chapters=3,
    )  # fmt: skip


def test_a_refused_start_says_which_discussion_what_when_why_and_the_ways_on() -> None:
    page = listing_page([], refused_events=[refusal(12)])
    text = page.text
    assert HEAD in text and "14 days" in text and "Done" in text, text
    assert "**#12** · Gull Point, chapter 2 · its event could not be started" in text, text
    assert when_line(START + timedelta(hours=12)) in text
    assert "I lack Create Events (Missing Permissions)" in text and "starting the scheduled event" not in text, text
    assert "start it or delete it by hand" in text and EVENT_GRANT in text, text
    assert "No discussions are scheduled" not in text
    assert page.refusals_shown == [12]


def test_the_ways_on_are_the_moderation_channels_and_offer_the_grant_only_when_it_was_why() -> None:
    for refused, done in (("start", "started"), ("end", "ended"), ("cancel", "cancelled")):
        for forbidden in (True, False):
            text = listing_page([], refused_events=[refusal(3, refused, forbidden=forbidden)]).text
            told = event_notice(title="Gull Point", chapter=2, discussion_id=3, reason=WHY, refused=refused,  # type: ignore[arg-type]
                                forbidden=forbidden).content or ""  # fmt: skip
            fix = told.rsplit("). ", 1)[1]  # what follows the reason
            assert f"could not be {done}" in text and fix in text, (refused, forbidden, text)
            assert (EVENT_GRANT in text) is forbidden, (refused, forbidden, text)


def test_titles_and_reasons_are_escaped() -> None:
    text = listing_page(
        [], refused_events=[refusal(4, title="*Gull*_Point_ @everyone", reason="Discord said **no**")]
    ).text
    assert "\\*Gull\\*\\_Point\\_" in text and "Discord said \\*\\*no\\*\\*" in text, text
    assert "a removed story" in listing_page([], refused_events=[refusal(5, title=None)]).text


def test_the_section_follows_the_failed_discussions_and_precedes_the_failed_reminders() -> None:
    reminder = Reminder(9, 1, 1, timedelta(hours=1), START, "failed", None, 0, None, None)
    text = listing_page(
        [discussion(1, "scheduled"), discussion(2, "failed")], [(reminder, "gone")], refused_events=[refusal(3)]
    ).text
    order = [text.index(head) for head in ("**Upcoming**", "**Failed or missed**", HEAD, "**Reminders that could not")]
    assert order == sorted(order), text


def test_many_refusals_are_paged_each_once_with_at_most_a_messages_buttons_a_page() -> None:
    many = [refusal(n, reason="x" * 300) for n in range(1, 61)]
    seen: list[int] = []
    page = 1
    while True:
        listed = listing_page([], refused_events=many, page=page, most=1000)
        assert len(listed.refusals_shown) <= MESSAGE_BUTTONS and utf16_len(listed.text) <= MESSAGE_CHARS
        assert all(f"**#{n}**" in listed.text for n in listed.refusals_shown)
        seen += listed.refusals_shown
        if "next:" not in listed.text:
            break
        page += 1
    assert seen == list(range(1, 61))


def test_a_section_read_to_its_limit_says_so() -> None:
    assert f"{HEAD} (the latest 2)" in listing_page([], refused_events=[refusal(1), refusal(2)], most=2).text
    assert "latest" not in listing_page([], refused_events=[refusal(1)], most=2).text
