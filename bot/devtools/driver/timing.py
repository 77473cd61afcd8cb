"""How long the driver waits for the bot: the test time scale and the quiet periods that mean "done"."""

from __future__ import annotations

# Test rate-limit window: Discord's 5 messages per 5 s, time-scaled so a 20-message chapter takes
# about a second instead of 20. ``ClubRuntime(time_scale=1.0)`` runs at Discord's real values.
DEFAULT_TIME_SCALE = 0.05
QUIET = 0.02  # seconds without REST traffic once no command task runs (commands spawn no untracked tasks)
ADVANCE_QUIET = 0.1  # the same after the clock moved (background timers are not tracked as tasks)
# Every wait for the bot (an answer to settle, a condition, a start, a resume, a process's exit)
# only bounds a hang: on a busy CI machine a story import that takes 2 s on a quiet one took over
# 30, and a niced bot process over 100 s to give up on its gateway, so a limit a slow run can
# reach fails a test for the machine's speed, not the bot's behaviour. A real hang still fails.
HANG_LIMIT = 300.0
SETTLE_TIMEOUT = HANG_LIMIT
GUILD_READY_TIMEOUT = 0.2  # discord.py's default is 2 s (see ClubRuntime._start_bot in runtime.py)
