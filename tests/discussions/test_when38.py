"""Session 38: a time refused quotes the part of it that is wrong as the admin typed it, case and all."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.discussions.when import parse_when
from bot.errors import UserError

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "typed, quoted",
    [
        ("31 Feb 7pm", "“31 Feb” is not a date: that month has no day 31."),
        ("FEB 30, 19:00", "“FEB 30” is not a date: that month has no day 30."),
        ("Tomorrow 25:00", "I can't read “25\\:00” as a time of day"),
    ],
)
def test_the_part_refused_is_quoted_as_typed(typed: str, quoted: str) -> None:
    with pytest.raises(UserError) as refused:
        parse_when(typed, now=NOW)
    assert quoted in str(refused.value), str(refused.value)
