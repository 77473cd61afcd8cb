"""``/discussion list`` pages (session 45): a section's heading goes on the page with its first entry.

A page could end right after a heading ("**Failed or missed**" with nothing under it), the entries
it heads starting the next page under no heading at all: an admin reading page 1 saw an empty
section, and page 2 seemed to go on with the upcoming ones."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.discussions.compose import (
    EVENT_GRANT,
    REFUSALS_A_PAGE,
    event_notice,
    event_retried_notice,
    event_retry_answer,
    listing_page,
)
from bot.discussions.store import Dismissal, EventEnd
from bot.limits import MESSAGE_BUTTONS, MESSAGE_CHARS
from bot.text import stamp, utf16_len
from tests.discussions.test_listing15 import WHY, discussion, refusal

HEADS = ("**Upcoming**", "**Failed or missed**", "**Events Dogear could not start or end**")


def pages(**listing: object) -> list[str]:
    out: list[str] = []
    page = 1
    while True:
        text = listing_page(page=page, most=1000, **listing).text  # type: ignore[arg-type]
        out.append(text)
        if "next: `/discussion list" not in text:
            return out
        page += 1


def body(text: str) -> list[str]:
    """A page's lines without its page note."""
    return [line for line in text.split("\n") if not line.startswith("-# Page ")]


def test_no_page_ends_with_a_heading_and_none_starts_with_a_blank_line() -> None:
    ended_after_heading = 0
    for upcoming in range(1, 40):
        for length in (40, 97, 151, 233):
            found = [discussion(n, "scheduled") for n in range(1, upcoming + 1)]
            found += [discussion(100 + n, "failed") for n in range(3)]
            for number in found:
                object.__setattr__(number, "story_title", "G" * length)
            texts = pages(found=found, refused_events=[refusal(200 + n) for n in range(3)])
            for text in texts:
                lines = body(text)
                assert utf16_len(text) <= MESSAGE_CHARS
                assert lines[0] != "", (upcoming, length, text)
                last = lines[-1]
                if last.startswith((*HEADS, "-# Each stays here")):
                    ended_after_heading += 1
            joined = "\n".join(texts)
            assert all(joined.count(f"**#{n.id}**") == 1 for n in found), (upcoming, length)
    assert ended_after_heading == 0


def test_the_heading_of_the_refused_events_goes_with_its_first_entry_and_button() -> None:
    found = [discussion(n, "scheduled") for n in range(1, 60)]
    for length in range(0, 400, 7):
        for number in found:
            object.__setattr__(number, "story_title", "G" * (20 + length % 90))
        texts = pages(found=found, refused_events=[refusal(300)])
        [holding] = [text for text in texts if "Events Dogear could not" in text]
        assert "**#300**" in holding, holding


# -- trying a refused event again, and who took one off (session 45) ---------------------------------

START = datetime(2030, 1, 1, tzinfo=UTC)


def test_a_refused_event_says_when_dogear_tries_next_and_its_tries_so_far() -> None:
    waiting = replace(refusal(7), retries=2, retried_at=START, next_try=START + timedelta(hours=6))
    text = listing_page([], refused_events=[waiting]).text
    assert f"I try again by myself {stamp(START + timedelta(hours=6), 'R')}" in text, text
    assert f"(tried again 2 times, the last {stamp(START, 'R')}); Try again tries it now." in text, text
    spent = replace(refusal(8), retries=4, retried_at=START, next_try=None)
    assert "I will not try again by myself (tried again 4 times" in listing_page([], refused_events=[spent]).text
    assert "Try again button below" in listing_page([], refused_events=[spent]).text


def test_a_page_shows_at_most_the_refusals_whose_two_buttons_fit_a_message() -> None:
    many = [refusal(n, reason="x") for n in range(1, 40)]
    shown = listing_page([], refused_events=many, most=1000).refusals_shown
    assert 0 < len(shown) <= REFUSALS_A_PAGE and 2 * REFUSALS_A_PAGE <= MESSAGE_BUTTONS


def test_who_took_an_event_off_is_mentioned_in_the_listing() -> None:
    lately = [Dismissal(12, "Gull_Point", 2, 4242, START), Dismissal(13, None, 1, None, START)]
    text = listing_page([], dismissed=lately).text
    assert "**Events taken off the list lately**" in text
    assert text.startswith("No discussions are scheduled."), text  # only those: the list says so over them
    assert "No discussions are scheduled" not in listing_page([discussion(1, "scheduled")], dismissed=lately).text
    assert f"#12 · Gull\\_Point, chapter 2 · taken off by <@4242> {stamp(START, 'R')}" in text, text
    assert "#13 · a removed story, chapter 1 · taken off by an admin" in text, text


def test_what_a_try_did_is_told_naming_who_pressed() -> None:
    pressed = event_retried_notice(title="Gull*Point", chapter=2, discussion_id=9, done="end", by=4242).content
    assert pressed == (
        "The scheduled event of discussion #9 of **Gull\\*Point**, chapter 2, is ended now, after Discord had "
        "refused it: <@4242> pressed Try again under `/discussion list`."
    )
    live = event_retried_notice(
        title="Gull", chapter=2, discussion_id=9, done="start", by=None, live_until=START
    ).content
    assert f"is started now, until {stamp(START, 't')}, when I end it" in (live or "") and "by myself" in (live or "")
    gave_up = event_notice(title="Gull", chapter=2, discussion_id=9, reason=WHY, refused="end", gave_up_after=4)
    said = gave_up.content or ""
    assert "could still not be ended" in said and "I tried again 4 times and will not try by myself" in said, said


def ending(state: str, refused: str | None = "end", **rest: object) -> EventEnd:
    return EventEnd(1, 1, 9, 77, START, state, refused, 1, 4242, **rest)  # type: ignore[arg-type]


def test_the_press_is_answered_with_what_the_try_did() -> None:
    assert event_retry_answer(9, 2, ending("ended"), tried=True) == "The event of discussion #9 is ended now."
    assert "is cancelled now" in event_retry_answer(9, 2, ending("ended", "cancel"), tried=True)
    assert "is live now; I end it" in event_retry_answer(9, 2, ending("scheduled", None), tried=True)
    again = event_retry_answer(9, 2, ending("failed", "start", failure=WHY, forbidden=True), tried=True)
    assert again.startswith("Discord refused it again: I lack Create Events") and EVENT_GRANT in again, again
    assert "being tried right now" in event_retry_answer(9, 2, ending("posting"), tried=False)
    assert "no refused event listed" in event_retry_answer(9, 2, ending("ended"), tried=False)
