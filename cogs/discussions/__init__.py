"""``/discussion``: chapter discussions that post themselves on time.

A package because the Discord side is more than commands: :mod:`.cog` (the commands),
:mod:`.poster` (the service's poster over discord.py) and :mod:`.events` (scheduled events);
:mod:`.answers` and :mod:`.wiring` hold what the commands answer and how the service is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cogs.discussions.cog import DiscussionCog

if TYPE_CHECKING:
    from bot.client import DogearBot

__all__ = ["DiscussionCog", "setup"]


async def setup(bot: DogearBot) -> None:
    await bot.add_cog(DiscussionCog(bot))
