"""Round 10 (session 41) of the club's slips: the pieces the e2e tests in tests/e2e/test_club41.py rest on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.clock import ManualClock
from bot.discussions.presence import GONE_FOR, PRESENT_FOR, MemberPresence
from bot.warnings import service as warnings_service
from bot.warnings.store import CustomRule

GUILD = 7


def test_no_typed_value_of_the_old_menu_shape_passes_for_a_pick() -> None:
    """Four check digits let a value typed by hand through one time in 65,536: of the 65,536 ways
    to end "3:abcdef12" with four hex digits, one was taken for a pick (and answered "the rule you
    picked was removed since"). Now none is, and the menu's own value still is."""
    passed = [f"{n:04x}" for n in range(16**4) if warnings_service._menu_pick(f"3:abcdef12{n:04x}") is not None]
    assert passed == []
    rule = CustomRule(3, "death", "phrase", "the lamp went out")
    value = warnings_service.rule_value(rule)
    picked = warnings_service._menu_pick(value)
    assert picked is not None and int(picked["id"]) == 3 and len(value) <= 100
    assert warnings_service._menu_pick(value[:-1] + ("0" if value[-1] != "0" else "1")) is None


class Lookups:
    """Discord's "get guild member" as a table: True (in it), False (left), an error (could not say)."""

    def __init__(self, answers: dict[int, bool | Exception]) -> None:
        self.answers = answers
        self.asked: list[int] = []

    async def __call__(self, guild_id: int, user_id: int) -> bool | None:
        self.asked.append(user_id)
        answer = self.answers.get(user_id, True) if guild_id == GUILD else True  # others' servers: all there
        if isinstance(answer, Exception):
            raise answer
        return answer


async def test_members_who_left_are_looked_up_within_a_budget_and_the_answers_kept() -> None:
    clock = ManualClock(datetime(2026, 12, 5, tzinfo=UTC))
    lookups = Lookups({2: False, 5: False})
    known = MemberPresence(lookups, clock, budget=3)
    assert await known.still_here(GUILD, [1, 2, 3, 4, 5]) == [1, 3, 4, 5]  # 4 and 5 past the budget: named as before
    assert lookups.asked == [1, 2, 3]
    assert await known.still_here(GUILD, [1, 2, 3, 4, 5]) == [1, 3, 4]  # only the two not known yet asked
    assert lookups.asked == [1, 2, 3, 4, 5] and known.lookups == 5
    await clock.advance(PRESENT_FOR - timedelta(minutes=1))
    assert await known.still_here(GUILD, [1, 2, 3, 4, 5]) == [1, 3, 4] and known.lookups == 5
    assert await known.still_here(GUILD + 1, [2]) == [2]  # gone from this server, not from another
    known.seen(GUILD, 2)  # back in the server: looked up again, not taken as gone
    lookups.answers[2] = True
    assert await known.still_here(GUILD, [2]) == [2] and lookups.asked[-1] == 2


async def test_a_lookup_that_fails_names_the_member_as_before_and_is_tried_again() -> None:
    clock = ManualClock(datetime(2026, 12, 5, tzinfo=UTC))
    lookups = Lookups({1: RuntimeError("boom")})
    known = MemberPresence(lookups, clock)
    assert await known.still_here(GUILD, [1]) == [1]
    lookups.answers[1] = False
    assert await known.still_here(GUILD, [1]) == []
    await clock.advance(GONE_FOR + timedelta(minutes=1))
    lookups.answers[1] = True
    assert await known.still_here(GUILD, [1]) == [1] and lookups.asked == [1, 1, 1]
