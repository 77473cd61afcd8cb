"""The error ladder: which failures a member sees as a sentence, and which are logged with a reference."""

import asyncio
import logging
from pathlib import Path
from types import SimpleNamespace

import discord
import pytest
from discord import app_commands
from discord.ext import commands

from bot.client import DogearBot, bot_intents, describe_error, fit_answer
from bot.clock import SystemClock
from bot.db import open_database
from bot.errors import UserError
from bot.settings import load_settings
from bot.shards import ShardScope
from bot.worker import Workers
from tests.waiting import HANG_LIMIT


def invoke_error(original: Exception) -> app_commands.CommandInvokeError:
    command = SimpleNamespace(name="x", qualified_name="x")
    return app_commands.CommandInvokeError(command, original)  # type: ignore[arg-type]


def test_user_errors_are_shown_as_written() -> None:
    assert describe_error(invoke_error(UserError("Chapter 12 is out of range."))) == "Chapter 12 is out of range."


def test_missing_permissions_are_named() -> None:
    message = describe_error(app_commands.MissingPermissions(["manage_guild"]))
    assert message == "You need the Manage Server permission to use this command."
    bot_message = describe_error(app_commands.BotMissingPermissions(["send_messages", "embed_links"]))
    assert bot_message is not None and "Send Messages and Embed Links" in bot_message


def test_direct_messages_and_cooldowns() -> None:
    assert "inside a server" in (describe_error(app_commands.NoPrivateMessage()) or "")
    cooldown = app_commands.CommandOnCooldown(app_commands.Cooldown(1, 10), 7.2)
    assert "7 seconds" in (describe_error(cooldown) or "")


@pytest.mark.parametrize("original", [RuntimeError("boom"), KeyError("x"), ZeroDivisionError()])
def test_unknown_errors_are_not_described(original: Exception) -> None:
    """These fall through to the logged-with-a-reference answer; their text never reaches members."""
    assert describe_error(invoke_error(original)) is None


def test_a_bad_option_value_is_repeated_short_and_escaped() -> None:
    transformer = SimpleNamespace(_error_display_name="Member")
    error = app_commands.TransformerError("@everyone " + "x" * 3000, discord.AppCommandOptionType.user, transformer)  # type: ignore[arg-type]
    message = describe_error(error)
    assert message is not None and len(message) < 200 and "@everyone" not in message


@pytest.mark.parametrize("answer", ["x" * 2500, "word " * 900, "😀" * 1500, "a" * 1999 + "😀"])
def test_an_answer_too_long_for_discord_is_clipped_as_a_last_resort(answer: str, caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="bot.client"):
        fitted = fit_answer(answer)
    assert len(fitted.encode("utf-16-le")) // 2 <= 2000 and fitted.endswith("…")
    assert "clipped to fit one message" in caplog.text  # logged, so the answer is fixed where it is built


def test_an_answer_that_fits_is_sent_as_it_is() -> None:
    assert fit_answer("x" * 2000) == "x" * 2000


def test_no_privileged_intents() -> None:
    intents = bot_intents()
    assert not intents.members and not intents.presences and not intents.message_content
    assert intents.guilds
    assert intents.value & ~discord.Intents.default().value == 0  # nothing beyond the defaults


def test_intents_nothing_reads_are_dropped() -> None:
    """Emojis and stickers would be cached for every server; voice states for every member in voice."""
    intents = bot_intents()
    assert not intents.emojis_and_stickers and not intents.voice_states
    assert not intents.typing and not intents.invites and not intents.webhooks and not intents.integrations


# ---------------------------------------------------------------------------------------------- issue 15
async def make_bot(tmp_path: Path, **env: str) -> DogearBot:
    settings = load_settings({"DATABASE_PATH": str(tmp_path / "db.sqlite3"), **env}, root=tmp_path)
    db = await open_database(settings.database_path)
    return DogearBot(settings=settings, db=db, clock=SystemClock(), workers=Workers(processes=1), extensions=[])


async def test_the_bot_is_sharded_and_lean(tmp_path: Path) -> None:
    """No member cache, no chunking at start, no message cache: slash commands need none of them."""
    bot = await make_bot(tmp_path)
    try:
        assert isinstance(bot, commands.AutoShardedBot)
        assert bot.shard_count is None and bot.shard_ids is None  # Discord will recommend the count
        assert bot.shard_scope.everything and bot.shard_scope.has_shard_zero
        assert bot._connection.member_cache_flags.value == 0
        assert bot._connection._chunk_guilds is False
        assert bot._connection.max_messages is None and bot._connection._messages is None
    finally:
        await bot.close()


async def test_shard_settings_set_the_scope_and_the_client(tmp_path: Path) -> None:
    bot = await make_bot(tmp_path, SHARD_COUNT="4", SHARD_IDS="2-3")
    try:
        assert bot.shard_count == 4 and bot.shard_ids == [2, 3]
        assert bot.shard_scope == ShardScope.of(4, [2, 3])
        assert not bot.shard_scope.has_shard_zero
    finally:
        await bot.close()


async def test_commands_are_synced_only_by_the_process_with_shard_0(tmp_path: Path, caplog) -> None:
    bot = await make_bot(tmp_path, SHARD_COUNT="2", SHARD_IDS="1", DEV_GUILD_ID="123")
    try:
        with caplog.at_level(logging.INFO, logger="bot.client"):
            await bot.sync_commands()  # would call Discord if it tried: the bot is not logged in
        assert not bot.synced
        assert "synced by the process running shard 0" in caplog.text
    finally:
        await bot.close()


async def test_identify_pacing_follows_max_concurrency(tmp_path: Path) -> None:
    """Shards in different buckets identify at once; a second IDENTIFY in one bucket waits for the window."""
    bot = await make_bot(tmp_path)
    try:
        # A window no run reaches: whether a call waits is seen in its state, not on the clock,
        # so a busy machine can neither make "no wait" look slow nor a wait look short.
        bot.identify_concurrency = 2
        bot.identify_window = 3600.0
        for shard_id in (0, 1):  # buckets 0 and 1: no wait (else the hour-long sleep hits the hang limit)
            await asyncio.wait_for(bot.before_identify_hook(shard_id, initial=shard_id == 0), HANG_LIMIT)
        third = asyncio.create_task(bot.before_identify_hook(2))  # bucket 0 again
        for _ in range(20):
            await asyncio.sleep(0)
        assert not third.done()  # waiting for bucket 0's window
        third.cancel()
        await asyncio.gather(third, return_exceptions=True)
        bot.identify_window = 0.0  # a window that has passed: the next IDENTIFY in bucket 0 goes at once
        await asyncio.wait_for(bot.before_identify_hook(4), HANG_LIMIT)
    finally:
        await bot.close()


def test_a_core_payload_is_sent_mentioning_nobody() -> None:
    from bot.story.render import payload
    from cogs._messages import send_kwargs

    mentions = send_kwargs(payload("@everyone <@&1> <@2>"))["allowed_mentions"]
    assert mentions.to_dict() == {"parse": []}
    assert send_kwargs({"content": "x"})["allowed_mentions"].to_dict()["parse"] == []


async def test_close_lets_a_running_event_handler_finish_its_write_first(tmp_path: Path) -> None:
    """A server becoming available just before a SIGTERM: its handler's write lands before the
    database closes, instead of failing on a closed database."""
    from bot.guilds import mark_joined

    bot = await make_bot(tmp_path)
    await bot._async_setup_hook()  # what login does first: the loop events are dispatched on
    started = asyncio.Event()

    async def on_guild_available(guild: object) -> None:
        started.set()
        await asyncio.sleep(0.2)  # still working when close() is called
        await mark_joined(bot.db, 4242, 1.0)

    bot.add_listener(on_guild_available)
    bot.dispatch("guild_available", object())
    await started.wait()
    await bot.close()
    handlers = [t for t in asyncio.all_tasks() if t.get_name().startswith("discord.py: ")]
    assert handlers == []
    check = await open_database(tmp_path / "db.sqlite3")
    try:
        rows = await check.fetch_all("SELECT guild_id FROM guilds WHERE guild_id = 4242")
        assert [tuple(row) for row in rows] == [(4242,)]
    finally:
        await check.close()


async def test_a_damaged_database_is_explained_once_per_bot_not_once_per_process(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """What the damaged file needs was kept in a module-level set: a second bot of the same process on
    the same file (a restart inside one process, the demo, tests) never explained it at all."""
    import sqlite3

    from bot.client import _log_damage

    damage = sqlite3.DatabaseError("database disk image is malformed")
    explained = []
    for _ in range(2):
        bot = await make_bot(tmp_path)
        try:
            caplog.clear()
            with caplog.at_level(logging.ERROR, "bot.client"):
                for _ in range(2):
                    _log_damage(SimpleNamespace(client=bot), damage, "command /story list")  # type: ignore[arg-type]
            explained.append(len([r for r in caplog.records if "restore a backup" in r.getMessage()]))
        finally:
            await bot.close()
    assert explained == [1, 1]
