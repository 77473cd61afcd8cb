"""Round 10 (session 41) of the club's slips: the pieces the e2e tests in tests/e2e/test_club41.py rest on."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.clock import ManualClock
from bot.discussions.presence import GONE_FOR, LOOKUP_BURST, LOOKUPS_PER_SECOND, PRESENT_FOR, MemberPresence
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


async def test_a_burst_of_reminders_on_many_servers_asks_within_the_process_wide_rate() -> None:
    """A thousand reminders due in the same minute, each naming 25 members nobody has looked up:
    25,000 look-ups asked at once would hold Discord's global limit (50 a second) for eight
    minutes while the reminders themselves wait. The look-ups are capped for the whole process;
    members past the cap are named as before."""
    clock = ManualClock(datetime(2026, 12, 5, tzinfo=UTC))
    lookups = Lookups({})
    known = MemberPresence(lookups, clock)
    for server in range(1_000):
        named = [server * 100 + n for n in range(25)]
        assert await known.still_here(server, named) == named
        if server % 100 == 99:
            await clock.advance(timedelta(seconds=6))  # the burst spread over a minute
    assert len(lookups.asked) <= LOOKUP_BURST + 60 * LOOKUPS_PER_SECOND
    assert len(lookups.asked) >= 60 * LOOKUPS_PER_SECOND  # the rate is used, not refused
    await clock.advance(timedelta(hours=1))
    assert await known.still_here(5, [500, 501]) == [500, 501] and lookups.asked[-2:] == [500, 501]


async def test_one_reminders_look_ups_are_asked_at_once() -> None:
    """A reminder waits about one round trip for its look-ups, not one after another."""
    clock = ManualClock(datetime(2026, 12, 5, tzinfo=UTC))
    waiting = 0
    most = 0
    release = asyncio.Event()

    async def slow_lookup(guild_id: int, user_id: int) -> bool:
        nonlocal waiting, most
        waiting += 1
        most = max(most, waiting)
        await release.wait()
        waiting -= 1
        return user_id != 3

    known = MemberPresence(slow_lookup, clock, budget=10)
    asking = asyncio.ensure_future(known.still_here(GUILD, list(range(10))))
    for _ in range(20):
        await asyncio.sleep(0)
    release.set()
    assert await asking == [0, 1, 2, 4, 5, 6, 7, 8, 9]
    assert most == 10
