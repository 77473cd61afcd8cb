"""The error ladder: which failures a member sees as a sentence, and which are logged with a reference."""

from types import SimpleNamespace

import discord
import pytest
from discord import app_commands

from bot.client import bot_intents, describe_error
from bot.errors import UserError


def invoke_error(original: Exception) -> app_commands.CommandInvokeError:
    command = SimpleNamespace(name="x", qualified_name="x")
    return app_commands.CommandInvokeError(command, original)  # type: ignore[arg-type]


def test_user_errors_are_shown_as_written() -> None:
    assert describe_error(invoke_error(UserError("Chapter 12 is out of range."))) == "Chapter 12 is out of range."


def test_missing_permissions_are_named() -> None:
    message = describe_error(app_commands.MissingPermissions(["manage_guild"]))
    assert message == "You need the Manage Server permission to use this command."
    bot_message = describe_error(app_commands.BotMissingPermissions(["send_messages", "embed_links"]))
    assert bot_message is not None and "Send Messages, Embed Links" in bot_message


def test_direct_messages_and_cooldowns() -> None:
    assert "inside a server" in (describe_error(app_commands.NoPrivateMessage()) or "")
    cooldown = app_commands.CommandOnCooldown(app_commands.Cooldown(1, 10), 7.2)
    assert "7 seconds" in (describe_error(cooldown) or "")


@pytest.mark.parametrize("original", [RuntimeError("boom"), KeyError("x"), ZeroDivisionError()])
def test_unknown_errors_are_not_described(original: Exception) -> None:
    """These fall through to the logged-with-a-reference answer; their text never reaches members."""
    assert describe_error(invoke_error(original)) is None


def test_no_privileged_intents() -> None:
    intents = bot_intents()
    assert not intents.members and not intents.presences and not intents.message_content
    assert intents.guilds
    assert intents.value & ~discord.Intents.default().value == 0  # nothing beyond the defaults
