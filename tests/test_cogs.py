"""Every cog loads into the real bot class, no two commands collide, and every description reads well."""

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


async def test_every_description_and_choice_reads_as_discord_shows_it(loaded_bot: DogearBot) -> None:
    """What Discord's command picker shows an admin or a member, held to one style: a description
    starts with a capital (no "e.g. ..." or "daily, ..." fragments), has no final full stop, fits
    Discord's 100 characters and never says "(s)"; a choice is named in words (never a code such as
    ``mdy`` or a key such as ``mod_channel``, which members would have to guess the meaning of)."""
    problems: list[str] = []

    def check(where: str, text: str) -> None:
        if not text[:1].isupper():
            problems.append(f"{where} does not start with a capital: {text!r}")
        if text.endswith(".") or "(s)" in text or len(text) > 100:
            problems.append(f"{where} ends in a full stop, says '(s)' or is over 100 characters: {text!r}")

    for command in loaded_bot.tree.walk_commands():
        check(f"/{command.qualified_name}", command.description)
        if not isinstance(command, app_commands.Command):
            continue
        for parameter in command.parameters:
            check(f"/{command.qualified_name} {parameter.name}:", parameter.description)
            for choice in parameter.choices:
                if "_" in choice.name or (choice.name == choice.value and len(choice.name) <= 3):
                    problems.append(f"/{command.qualified_name} {parameter.name}: the choice {choice.name!r} is a code")
    assert problems == []
