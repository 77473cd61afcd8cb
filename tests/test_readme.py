"""The README's command lists stay current: every slash command and every command-line subcommand is in it."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest

from bot.cli import SUBCOMMANDS, TOOLS, main
from bot.client import DogearBot, discover_extensions
from bot.clock import SystemClock
from bot.db import open_database
from bot.settings import load_settings
from bot.worker import Workers
from tests.conftest import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


async def test_every_slash_command_is_in_the_readme(tmp_path: Path) -> None:
    settings = load_settings({"DATABASE_PATH": str(tmp_path / "db.sqlite3")}, root=tmp_path)
    bot = DogearBot(
        settings=settings, db=await open_database(settings.database_path), clock=SystemClock(), workers=Workers()
    )
    try:
        for extension in discover_extensions():
            await bot.load_extension(extension)
        names = sorted(
            command.qualified_name for command in bot.tree.walk_commands() if not hasattr(command, "walk_commands")
        )
    finally:
        await bot.close()
    assert len(names) > 30
    missing = [name for name in names if f"`/{name}" not in README]
    assert missing == [], f"commands missing from the README: {missing}"


def test_every_subcommand_is_in_the_readme() -> None:
    for name, _ in SUBCOMMANDS:
        word = name.split()[0]
        command = "`dogear`" if word == "run" else f"`dogear {word}"
        assert command in README, f"{command} is missing from the README's command line table"


def test_every_option_of_a_tool_is_in_the_help_list_and_the_readme(capsys: pytest.CaptureFixture[str]) -> None:
    """``dogear --help`` and the README's table show each tool's options, as its own ``--help`` has them."""
    for name, _ in SUBCOMMANDS:
        word = name.split()[0]
        if word not in TOOLS:
            continue
        with contextlib.suppress(SystemExit):  # argparse's own --help
            main([word, "--help"])
        options = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", capsys.readouterr().out)) - {"--help"}
        assert options, word
        for option in options:
            assert option in name, f"`dogear --help` shows {word} without {option}"
        assert f"`dogear {name}`" in README, f"the README's command line table does not show `dogear {name}`"
