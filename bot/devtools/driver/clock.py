"""The bot's clock as a test moves it: the double's clock follows, and the bot finishes what the new time started."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.devtools.driver.timing import ADVANCE_QUIET

if TYPE_CHECKING:
    from bot.devtools.driver.runtime import ClubRuntime


class ClubClock:
    """The bot's ManualClock, usable from the test's loop. ``manual`` is the ManualClock itself.

    Advancing it also moves the double's clock (interaction tokens expire after 15 minutes)
    and then waits for the bot to finish what the new time started.
    """

    def __init__(self, runtime: ClubRuntime) -> None:
        self.runtime = runtime
        self.manual = runtime.clock

    def now(self) -> datetime:
        return self.manual.now()

    @property
    def sleeping(self) -> int:
        return self.manual.sleeping

    async def advance(self, delta: timedelta | float) -> None:
        seconds = delta.total_seconds() if isinstance(delta, timedelta) else float(delta)
        await self.runtime.run(self._advance(seconds))

    async def _advance(self, seconds: float) -> None:
        self.runtime.double.state.advance(seconds)
        await self.manual.advance(seconds)
        # Discord ends polls on time: their end events go out whether or not the bot is connected.
        self.runtime.double.state.expire_due_polls()
        # Timers woken by the new time run in tasks of their own: give them a longer quiet period.
        await self.runtime.settle(quiet=ADVANCE_QUIET)

    async def set_back(self, delta: timedelta) -> None:
        """The machine's wall clock set back by ``delta`` (``advance`` is the jump ahead); the double's
        clock stays, as Discord's does, and the bot finishes what the change started."""

        async def go() -> None:
            self.manual.set_back(delta)
            await self.runtime.settle(quiet=ADVANCE_QUIET)

        await self.runtime.run(go())

    async def set(self, when: datetime) -> None:
        await self.advance(max(0.0, (when - self.manual.now()).total_seconds()))
