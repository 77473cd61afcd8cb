"""Times, rhythms and reminders as club admins wrote them in the session-37 probe.

"tmrw 7pm", "this saturday 7pm", "in 3 days at 7pm", "in an hour", "2026/12/12 19:00" and digits typed
full-width were "I can't read"; "saturday evening" was unreadable rather than asked for its time;
"every Friday" was no rhythm; "remind:1h," and "remind:none,1h" were taken or refused without saying why.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.discussions.cadence import Cadence, parse_every, plan_times
from bot.discussions.remind import parse_remind
from bot.discussions.when import parse_when, read_when
from bot.errors import UserError

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)  # a Friday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tmrw 7pm", datetime(2026, 12, 5, 19, 0, tzinfo=UTC)),
        ("tommorow 7pm", datetime(2026, 12, 5, 19, 0, tzinfo=UTC)),
        ("Tomorow at 19:00", datetime(2026, 12, 5, 19, 0, tzinfo=UTC)),
        ("tonite 8pm", datetime(2026, 12, 4, 20, 0, tzinfo=UTC)),
        ("this saturday 7pm", datetime(2026, 12, 5, 19, 0, tzinfo=UTC)),
        ("this friday 7pm", datetime(2026, 12, 4, 19, 0, tzinfo=UTC)),
        ("in 3 days at 7pm", datetime(2026, 12, 7, 19, 0, tzinfo=UTC)),
        ("in 1 week at 19:30", datetime(2026, 12, 11, 19, 30, tzinfo=UTC)),
        ("in 1h 30m", datetime(2026, 12, 4, 13, 30, tzinfo=UTC)),
        ("in 1h30m", datetime(2026, 12, 4, 13, 30, tzinfo=UTC)),
        ("in 2 hours and 15 minutes", datetime(2026, 12, 4, 14, 15, tzinfo=UTC)),
        ("in 1 day 2 hours", datetime(2026, 12, 5, 14, 0, tzinfo=UTC)),
        ("in an hour", datetime(2026, 12, 4, 13, 0, tzinfo=UTC)),
        ("in a day", datetime(2026, 12, 5, 12, 0, tzinfo=UTC)),
        ("in two weeks", datetime(2026, 12, 18, 12, 0, tzinfo=UTC)),
        ("in half an hour", datetime(2026, 12, 4, 12, 30, tzinfo=UTC)),
        ("2026/12/12 19:00", datetime(2026, 12, 12, 19, 0, tzinfo=UTC)),
        ("2027/1/5 7pm", datetime(2027, 1, 5, 19, 0, tzinfo=UTC)),
        ("12-12-2026 19:00", datetime(2026, 12, 12, 19, 0, tzinfo=UTC)),
        ("１９:００", datetime(2026, 12, 4, 19, 0, tzinfo=UTC)),
        ("２０２６-１２-１２　１９：００", datetime(2026, 12, 12, 19, 0, tzinfo=UTC)),
        ("in ３ days", datetime(2026, 12, 7, 12, 0, tzinfo=UTC)),
        ("saturday evening 7pm", datetime(2026, 12, 5, 19, 0, tzinfo=UTC)),
        ("tomorrow morning 9:30am", datetime(2026, 12, 5, 9, 30, tzinfo=UTC)),
    ],
)
def test_what_admins_wrote_is_read(text: str, expected: datetime) -> None:
    assert parse_when(text, now=NOW) == expected


def test_in_days_at_a_time_keeps_the_servers_wall_clock() -> None:
    """ "in 3 days at 7pm" in Berlin is 19:00 Berlin time, three calendar days on."""
    moment, zone = read_when("in 3 days at 7pm", now=NOW, default_zone="Europe/Berlin")
    assert moment.astimezone(zone).replace(tzinfo=None) == datetime(2026, 12, 7, 19, 0)


@pytest.mark.parametrize(
    ("text", "example"),
    [
        ("saturday evening", "`saturday 7pm`"),
        ("tomorrow morning", "`tomorrow 9am`"),
        ("Dec 6 afternoon", "`Dec 6 3pm`"),
    ],
)
def test_a_part_of_the_day_without_a_time_asks_for_one(text: str, example: str) -> None:
    with pytest.raises(UserError, match="time of day") as refused:
        parse_when(text, now=NOW)
    assert example in str(refused.value) and len(str(refused.value)) < 200


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("saturday morning 7pm", "not in the morning"),
        ("in 2 hours at 7pm", "days or weeks"),
        ("in 1h 1h", "can't read"),
        ("in an", "can't read"),
        ("in a lot", "can't read"),
    ],
)
def test_what_contradicts_itself_is_refused_plainly(text: str, why: str) -> None:
    with pytest.raises(UserError, match=why):
        parse_when(text, now=NOW)


@pytest.mark.parametrize("text", ["every Friday", "fridays", "every fri", "weekly on Fridays", "on friday"])
def test_every_friday_is_weekly_on_fridays(text: str) -> None:
    cadence = parse_every(text)
    assert cadence.days == 7 and cadence.describe() == "every Friday"
    start = datetime(2026, 12, 11, 18, 0, tzinfo=UTC)  # a Friday
    assert plan_times(start, UTC, cadence, 3)[-1] == start + timedelta(days=14)


def test_every_friday_from_a_start_on_another_day_is_refused() -> None:
    with pytest.raises(UserError, match=r"Wednesday.*not a Friday"):
        plan_times(datetime(2026, 12, 9, 18, 0, tzinfo=UTC), UTC, parse_every("every friday"), 3)


@pytest.mark.parametrize("text", ["monthly", "every month", "Monthly"])
def test_monthly_says_what_to_write_instead(text: str) -> None:
    with pytest.raises(UserError, match=r"`4 weeks`"):
        parse_every(text)


def test_the_rhythms_before_stay_as_they_were() -> None:
    assert parse_every("weekly") == Cadence(7)
    assert parse_every("every 2 weeks") == Cadence(14)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a day", (timedelta(days=1),)),
        ("an hour, 30 minutes", (timedelta(hours=1), timedelta(minutes=30))),
        ("two days and an hour", (timedelta(days=2), timedelta(hours=1))),
        ("half an hour", (timedelta(minutes=30),)),
        ("24h 1h", (timedelta(hours=24), timedelta(hours=1))),
        ("1 day, 2 hours", (timedelta(days=1), timedelta(hours=2))),
    ],
)
def test_reminders_in_words_are_read(text: str, expected: tuple[timedelta, ...]) -> None:
    assert parse_remind(text) == expected


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("none,1h", r"`none` .* on its own"),
        ("1h, off", r"`off` .* on its own"),
        ("1h,", "empty"),
        ("1h,,30m", "empty"),
        (",1h", "empty"),
        ("and", "can't read"),
    ],
)
def test_reminders_with_none_among_amounts_or_an_empty_item_are_refused_saying_why(text: str, why: str) -> None:
    with pytest.raises(UserError, match=why):
        parse_remind(text)
