"""How long the driver waits for the bot: the test time scale and the quiet periods that mean "done"."""

from __future__ import annotations

# Test rate-limit window: Discord's 5 messages per 5 s, time-scaled so a 20-message chapter takes
# about a second instead of 20. ``ClubRuntime(time_scale=1.0)`` runs at Discord's real values.
DEFAULT_TIME_SCALE = 0.05
QUIET = 0.02  # seconds without REST traffic once no command task runs (commands spawn no untracked tasks)
ADVANCE_QUIET = 0.1  # the same after the clock moved (background timers are not tracked as tasks)
SETTLE_TIMEOUT = 30.0
GUILD_READY_TIMEOUT = 0.2  # discord.py's default is 2 s (see ClubRuntime._start_bot in runtime.py)
