"""``/nominate``, ``/nominations`` and ``/vote``: the club picks its next read with a native Discord poll.

Thin on purpose: the rules live in :class:`bot.nominations.service.NominationService`; this
module adds the Discord side. :class:`DiscordPoller` posts the poll, reads it and announces
the result (never pinging anyone). A finished poll arrives three ways and all of them settle
the round once: the poll message's update with finalized results (``on_raw_message_edit``),
Discord's poll-result message (``on_message``, type 46), and the watcher, which reads the poll
after its end time, including polls that ended while the bot was down. The "add as a book"
buttons carry the nomination id in their custom id (``DynamicItem``), so they work after a
restart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cogs.nominations.cog import NominationCog

if TYPE_CHECKING:
    from bot.client import DogearBot


async def setup(bot: DogearBot) -> None:
    await bot.add_cog(NominationCog(bot))
