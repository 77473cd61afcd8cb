"""``/warnings``: categories, a try-out scan, rules, story corrections, reports and reviews.

The commands live in :mod:`cogs.warnings.cog`; the Confirm/Dismiss buttons and the texts of
reviews and reports in :mod:`cogs.warnings.review`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cogs.warnings.cog import WarningsCog

if TYPE_CHECKING:
    from bot.client import DogearBot


async def setup(bot: DogearBot) -> None:
    await bot.add_cog(WarningsCog(bot))
