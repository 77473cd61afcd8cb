"""Times admins wrote that were read without a word: a wall-clock time the clocks skip, and (session 37,
second round) the parts of the day and reminders the probe found.

A discussion at 02:30 on the night the clocks go forward in Berlin is at 03:30, as the module's
docstring promises, and the answer now says so instead of shifting it silently.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.discussions.when import read_when_noted

BERLIN_SPRING = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)  # the Friday before the clocks go forward


@pytest.mark.parametrize("text", ["2026-03-29 02:30", "sunday 2:30am", "Mar 29 02:30"])
def test_a_time_the_clocks_skip_is_moved_on_and_said(text: str) -> None:
    reading = read_when_noted(text, now=BERLIN_SPRING, default_zone="Europe/Berlin")
    assert reading.moment.astimezone(reading.zone).strftime("%Y-%m-%d %H:%M") == "2026-03-29 03:30"
    assert reading.note == (
        "02:30 does not exist on Sunday 29 March 2026 in Europe/Berlin (the clocks go forward); scheduled for 03:30."
    )


@pytest.mark.parametrize("text", ["2026-03-29 03:30", "sunday 1:59am", "2026-10-25 02:30", "in 2 days"])
def test_a_time_that_exists_has_no_note(text: str) -> None:
    assert read_when_noted(text, now=BERLIN_SPRING, default_zone="Europe/Berlin").note == ""


def test_a_skipped_time_in_a_zone_named_in_the_text_names_that_zone() -> None:
    reading = read_when_noted("2026-03-08 02:15 America/New_York", now=BERLIN_SPRING.replace(month=3, day=1))
    assert reading.note.startswith("02:15 does not exist on Sunday 8 March 2026 in America/New_York")
    assert reading.note.endswith("scheduled for 03:15.")
