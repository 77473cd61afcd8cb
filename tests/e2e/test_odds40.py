"""Small loose ends of session 40, the way admins meet them: a menu value typed by hand."""

from __future__ import annotations

import pytest

from bot.devtools.driver import Club
from bot.warnings import service as warnings_service
from tests.e2e.test_mistakes34 import private_and_short


@pytest.mark.parametrize("number", ["own", "none"])
async def test_a_menu_value_typed_by_hand_is_answered_as_a_typed_rule_is(club: Club, number: str) -> None:
    """ "1:abcdef12", the shape of the `/warnings rules remove` menu's value, typed by hand was answered "the
    rule you picked was removed since": no rule was picked, and none removed. It is answered as a mistyped
    rule is, saying how to pick or number one, and nothing is removed."""
    await club.slash("warnings rules add", member=club.admin, category="death", pattern="the lamp went out")
    [rule] = await club.run(warnings_service.list_rules(club.bot.db, club.guild.id))
    typed = f"{rule.id if number == 'own' else rule.id + 1000}:abcdef12"
    answer = private_and_short(await club.slash("warnings rules remove", member=club.admin, rule=typed))
    assert "removed since" not in answer.text and "you picked" not in answer.text, answer.text
    assert "pick a rule from the list" in answer.text and "`/warnings rules list`" in answer.text, answer.text
    assert await club.run(warnings_service.list_rules(club.bot.db, club.guild.id)) == [rule]


async def test_a_rule_picked_from_the_menu_is_still_removed(club: Club) -> None:
    """Guard: the menu's own value removes its rule."""
    await club.slash("warnings rules add", member=club.admin, category="death", pattern="the lamp went out")
    [picked] = await club.autocomplete("warnings rules remove", "rule", "lamp", member=club.admin)
    [done] = await club.slash("warnings rules remove", member=club.admin, rule=picked["value"])
    assert "Removed rule #" in done.text, done.text
    assert await club.run(warnings_service.list_rules(club.bot.db, club.guild.id)) == []
