"""Session 39: reminders written as sentences in a chat: "1 hour before", "the day before", "24h; 1h"."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.discussions.remind import parse_remind
from bot.errors import UserError

DAY, HOUR = timedelta(days=1), timedelta(hours=1)


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("1 hour before", (HOUR,)),
        ("24h, 1h before", (DAY, HOUR)),
        ("the day before", (DAY,)),
        ("day before", (DAY,)),
        ("a day before, an hour before", (DAY, HOUR)),
        ("the week before", (7 * DAY,)),
        ("24h; 1h", (DAY, HOUR)),
        ("24h / 1h", (DAY, HOUR)),
        ("24h,1h", (DAY, HOUR)),  # as before
    ],
)
def test_reminders_said_as_in_a_chat(typed: str, meant: tuple[timedelta, ...]) -> None:
    assert parse_remind(typed) == meant


@pytest.mark.parametrize("typed", ["before", "before 1h"])
def test_before_alone_or_first_is_still_refused(typed: str) -> None:
    with pytest.raises(UserError, match="I can't read “before” as a reminder"):
        parse_remind(typed)


@pytest.mark.parametrize("typed", ["24h;", "1h,,2h", "24h / / 1h"])
def test_an_empty_reminder_is_asked_about_whatever_separates_them(typed: str) -> None:
    with pytest.raises(UserError, match="has an empty reminder between its separators"):
        parse_remind(typed)
