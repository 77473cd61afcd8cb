"""A local double of Discord's REST API and gateway, for running the real discord.py client in tests.

The bot reaches it only through ``DISCORD_API_BASE`` and ``DISCORD_GATEWAY_URL``; nothing in the
project is patched. See ``tests/e2e/README.md`` for how tests drive it.
"""

from bot.devtools.double.server import DiscordDouble
from bot.devtools.double.state import DoubleState

__all__ = ["DiscordDouble", "DoubleState"]
