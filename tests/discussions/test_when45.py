"""How ``/discussion schedule``, ``move`` and ``prompts`` read what a club admin types (session 45).

A time the clocks show twice (the night they go back) was taken as the first in silence, where a
time the clocks skip was said; and a time typed as a sentence ends, "tomorrow 7pm.", was refused as
unreadable."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.discussions.planning import MAX_PROMPTS, parse_prompts
from bot.discussions.remind import parse_remind
from bot.discussions.when import gap_note, read_when_noted
from bot.errors import UserError

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2027, 10, 1, 12, 0, tzinfo=UTC)


def test_a_time_the_clocks_show_twice_says_which_it_is() -> None:
    reading = read_when_noted("Oct 31 2027 01:30", now=NOW, default_zone="Europe/London")
    assert reading.moment == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)  # the first: still summer time
    assert (
        "01:30 comes twice on Sunday 31 October 2027 in Europe/London (the clocks go back); scheduled for the first"
        in reading.note
    ), reading.note
    assert "/discussion move" in reading.note
    assert gap_note(datetime(2027, 10, 31, 1, 30), LONDON) == reading.note  # a plan's later dates say it too
    assert gap_note(datetime(2027, 10, 24, 1, 30), LONDON) == ""  # a week before: once
    assert gap_note(datetime(2027, 10, 31, 2, 30), LONDON) == ""  # after the change: once
    assert read_when_noted("Oct 31 2027 01:30 UTC", now=NOW).note == ""


def test_a_time_typed_with_a_full_stop_reads_as_without() -> None:
    assert read_when_noted("Sat 8 p.m.", now=NOW).moment == read_when_noted("Sat 8pm", now=NOW).moment
    assert read_when_noted("Sat 8 p.m..", now=NOW).moment == read_when_noted("Sat 8pm", now=NOW).moment
    for typed in ("tomorrow 7pm.", "tomorrow 7pm!", "tomorrow 7pm,", "Dec 4 2027 19:00."):
        bare = typed.rstrip(".!,")
        assert read_when_noted(typed, now=NOW).moment == read_when_noted(bare, now=NOW).moment, typed


def test_berlins_night_of_the_change_is_said_too() -> None:
    reading = read_when_noted("2026-10-25 02:30", now=NOW.replace(year=2026), default_zone="Europe/Berlin")
    assert reading.note.startswith("02:30 comes twice on Sunday 25 October 2026 in Europe/Berlin"), reading.note


def test_too_many_prompts_is_said_without_a_form_of_typing_them_the_admin_did_not_use() -> None:
    """Typed in ``prompts:`` the prompts are separated with |, in the form one a line: the refusal
    said "one per line" to an admin who had typed bars."""
    with pytest.raises(UserError) as refused:
        parse_prompts(" | ".join(f"p{n}" for n in range(15)))
    assert str(refused.value) == f"At most {MAX_PROMPTS} prompts; you gave 15.", refused.value


def test_a_decimal_amount_reads_in_the_next_smaller_unit() -> None:
    """ "in 1.5 hours" was refused with the generic "I can't read", and remind:1.5h too."""
    at = read_when_noted("in 1.5 hours", now=NOW).moment
    assert at == read_when_noted("in 90 minutes", now=NOW).moment
    assert read_when_noted("in 2.5 days", now=NOW).moment == read_when_noted("in 2 days 12 hours", now=NOW).moment
    assert read_when_noted("in 0.5h", now=NOW).moment == read_when_noted("in 30 minutes", now=NOW).moment
    assert parse_remind("1.5h, 0.5d") == (timedelta(hours=12), timedelta(minutes=90))
    assert read_when_noted("in 1.3 hours", now=NOW).moment == read_when_noted("in 78 minutes", now=NOW).moment
    with pytest.raises(UserError, match="can't read"):
        read_when_noted("in 1.333 hours", now=NOW)  # 79.98 minutes: no whole number of them
