"""What ships with the code is read while the bot starts, in a thread, never by a member's command on the loop."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT
from tests.waiting import HANG_LIMIT

# In a process of its own: the test session has long read the vocabulary by the time this runs.
START = """
import asyncio, sys
from pathlib import Path
from bot.client import build_bot
from bot.clock import SystemClock
from bot.settings import load_settings
from bot.warnings.declared import default_mapping
from bot.warnings.rules import default_ruleset

async def main(folder: Path) -> None:
    assert default_mapping.cache_info().currsize == 0, "read before start-up"
    bot = await build_bot(load_settings({"DATABASE_PATH": str(folder / "db.sqlite3")}, root=folder), clock=SystemClock())
    try:
        print(default_ruleset.cache_info().currsize, default_mapping.cache_info().currsize)
    finally:
        await bot.close()

asyncio.run(main(Path(sys.argv[1])))
"""


def test_the_declared_warning_vocabulary_is_read_at_start_up_not_by_the_first_command(tmp_path: Path) -> None:
    """The first /prefs avoid menu or excerpt header naming a warning in an author's words compiled
    the vocabulary's patterns on the event loop (about 80 ms on an idle machine), once per process."""
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    env = {k: v for k, v in env.items() if not k.startswith(("DISCORD_", "DEV_GUILD", "DATABASE_"))}
    done = subprocess.run(
        [sys.executable, "-c", START, str(tmp_path)], env=env, capture_output=True, text=True, timeout=HANG_LIMIT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "1"], done.stdout
