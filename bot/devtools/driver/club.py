"""One server with the bot in it (``Club``): the core, the members' actions, the world around them, teardown."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from bot.devtools.driver.actions import MemberActions
from bot.devtools.driver.world import WorldChanges


@dataclass
class Club(MemberActions, WorldChanges):
    """One server with the bot in it, and everything a test does there.

    Attributes (double models with ``.id``, ``.name``/``.user``, ``.mention()``): ``guild``,
    ``text_channel`` (#reading-room), ``general_channel``, ``forum_channel`` (#discussions, a forum),
    ``locked_channel`` (#announcements: the bot may not send there), ``hidden_channel`` (the bot
    cannot see it), ``admin`` (Manage Server etc.), ``moderator`` (Manage Messages/Events/Threads),
    ``member``, ``other_member``, ``closed_dm_member`` (DMs closed: 50007), ``owner``, ``bot_user``,
    ``club_role`` (Readers), ``admin_role``, ``moderator_role``, ``bot_role``.
    """

    async def add_guild(self, name: str = "Another Club") -> Club:
        """Invite the bot to a new server (GUILD_CREATE); returns a Club for it."""
        layout = await self.runtime.run(self.runtime._join(name))
        return Club(self.runtime, layout)

    # -- teardown checks
    async def wait_idle(self) -> None:
        """Let pending interactions reach their deadline or answer, then let the bot finish."""

        async def go() -> None:
            deadline = time.monotonic() + self.state.interaction_deadline + 1
            while any(r.response_type is None and not r.failed for r in self._interactions):
                if time.monotonic() > deadline:
                    break
                await asyncio.sleep(0.01)
            await self.runtime.settle()

        await self.runtime.run(go())

    def problems(self) -> list[str]:
        """Everything that should fail this test: failed interactions, unexpected 4xx, lost 429s, error logs."""
        found: list[str] = []
        for record in self._interactions:
            if record.failed:
                found.append(f"{record.describe()} failed: {record.failed}")
        for request in self.state.requests[self._start_index :]:
            if request.status == 429:
                if not request.retried and not request.expected:
                    found.append(f"429 that was never retried: {request}")
            elif 400 <= request.status < 500 and not request.expected:
                found.append(
                    f"unexpected error answer: {request} (wrap the step in club.expect_errors(...) if intended)"
                )
        if not self.allow_log_errors:
            for log in self.runtime.logs.records[self._log_index :]:
                found.append(
                    f"the bot logged an error: {log.name}: {log.getMessage()}"
                    + (f" [{log.exc_info[1]!r}]" if log.exc_info and log.exc_info[1] else "")
                    + " (set club.allow_log_errors = True if intended)"
                )
        return found
