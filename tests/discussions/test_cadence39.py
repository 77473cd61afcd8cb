"""Session 39: a plan's rhythm as members write it in a chat, and the answer to several days a week."""

from __future__ import annotations

import pytest

from bot.discussions.cadence import Cadence, parse_every
from bot.errors import UserError


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("every fortnight", Cadence(14)),
        ("bi-weekly", Cadence(14)),
        ("once a week", Cadence(7)),
        ("each week", Cadence(7)),
        ("every 3rd day", Cadence(3)),
        ("every 2nd week", Cadence(14)),
        ("alternate days", Cadence(2)),
        ("every other Friday", Cadence(14, weekday=4)),
        ("every second tuesday", Cadence(14, weekday=1)),
        ("fridays", Cadence(7, weekday=4)),  # as before
    ],
)
def test_a_rhythm_as_written_in_a_chat(typed: str, meant: Cadence) -> None:
    assert parse_every(typed) == meant


def test_every_other_friday_is_described_as_such() -> None:
    assert parse_every("every other friday").describe() == "every other Friday"
    assert parse_every("every friday").describe() == "every Friday"


@pytest.mark.parametrize("typed", ["mon,wed", "Tuesdays and Thursdays", "tue/thu", "twice a week", "weekends"])
def test_several_days_a_week_is_answered_with_what_a_plan_can_do(typed: str) -> None:
    with pytest.raises(UserError) as refused:
        parse_every(typed)
    said = str(refused.value)
    assert "cannot meet on several days a week" in said and "`every other day`" in said, said
