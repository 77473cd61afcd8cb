"""Session 39: a country or a North American zone's everyday name typed as the time zone."""

from __future__ import annotations

import pytest

from bot.errors import UserError
from bot.timezones import validate_zone


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("Eastern", "America/New_York"),  # was "did you mean Canada/Eastern?"
        ("eastern time", "America/New_York"),
        ("Pacific Standard Time", "America/Los_Angeles"),
        ("Germany", "Europe/Berlin"),  # "most of Germany", beside Busingen
        ("France", "Europe/Paris"),
        ("UK", "Europe/London"),
        ("South Korea", "Asia/Seoul"),
        ("New Zealand", "Pacific/Auckland"),
    ],
)
def test_a_country_or_region_is_answered_with_its_zone(typed: str, meant: str) -> None:
    with pytest.raises(UserError) as refused:
        validate_zone(typed)
    assert f"did you mean {meant}?" in str(refused.value), str(refused.value)


@pytest.mark.parametrize("typed", ["Brazil", "United States"])
def test_a_country_of_several_zones_asks_for_the_city(typed: str) -> None:
    with pytest.raises(UserError, match="time zones: start typing your city"):
        validate_zone(typed)


def test_zone_names_and_cities_read_as_before() -> None:
    assert validate_zone("europe/berlin") == "Europe/Berlin"
    with pytest.raises(UserError, match="did you mean Europe/Berlin"):
        validate_zone("Berlin")
