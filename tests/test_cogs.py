"""Every cog loads into the real bot class, and no two commands collide."""

from collections import Counter
from pathlib import Path

from discord import app_commands

from bot.client import DogearBot, discover_extensions
from bot.clock import SystemClock
from bot.db import open_database
from bot.settings import load_settings
from bot.worker import Workers


async def test_every_cog_loads_without_collisions(tmp_path: Path) -> None:
    settings = load_settings({"DATABASE_PATH": str(tmp_path / "db.sqlite3")}, root=tmp_path)
    db = await open_database(settings.database_path)
    bot = DogearBot(settings=settings, db=db, clock=SystemClock(), workers=Workers())
    try:
        extensions = discover_extensions()
        assert {"cogs.config", "cogs.meta", "cogs.lifecycle"} <= set(extensions)
        for extension in extensions:
            # load_extension raises CommandAlreadyRegistered on a collision.
            await bot.load_extension(extension)
        names = [command.qualified_name for command in bot.tree.walk_commands()]
        assert names, "no commands registered"
        duplicated = [name for name, count in Counter(names).items() if count > 1]
        assert duplicated == []
        top_level = bot.tree.get_commands()
        assert len(top_level) <= 100
        for command in bot.tree.walk_commands():
            assert command.description, f"/{command.qualified_name} has no description"
            if isinstance(command, app_commands.Command):
                assert len(command.parameters) <= 25
    finally:
        await bot.close()
    assert bot.db_closed
