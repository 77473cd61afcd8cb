"""What only a real ``dogear`` process shows when it is stopped or cannot write: Ctrl-C in an
offline command is one line and status 130 (an interrupted backup is never reported a success),
and output that cannot be written is one line and status 1, never a traceback."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.db import load_migrations, migrate, open_database
from tests.conftest import REPO_ROOT
from tests.test_cli_mistakes import SWEPT
from tests.test_db import a_dogear_database

SAMPLE = REPO_ROOT / "data" / "sample_story.md"

# Runs `dogear ARGS` in a real process that gets a real SIGINT, as a terminal sends on Ctrl-C (or
# the signal SEND_SIGNAL names), at a known point: the moment MODULE.NAME is called (the AT_CALL-th
# time), so the test does not race the work. NAME may be an attribute of a class (Class.method).
CTRL_C_AT = """
import importlib, os, signal, sys
from bot.cli import main
module_name, path, *args = sys.argv[1:]
*owners, name = path.split(".")
module = importlib.import_module(module_name)
for owner in owners:
    module = getattr(module, owner)
real = getattr(module, name)
calls = []
def ctrl_c(*call_args, **call_kwargs):
    calls.append(1)
    if len(calls) == int(os.environ.get("AT_CALL", "1")):
        os.kill(os.getpid(), getattr(signal, os.environ.get("SEND_SIGNAL", "SIGINT")))
    return real(*call_args, **call_kwargs)
setattr(module, name, ctrl_c)
sys.exit(main(args))
"""


def environment(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(SWEPT)}
    return env | extra | {"PYTHONPATH": str(REPO_ROOT)}


def ctrl_c_at(cwd: Path, where: str, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``where`` is ``module.function`` or ``module:Class.method``."""
    module, name = where.split(":") if ":" in where else where.rsplit(".", 1)
    return subprocess.run(
        [sys.executable, "-c", CTRL_C_AT, module, name, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def interrupted_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 128 + signal.SIGINT, result.stderr
    assert "Traceback" not in result.stderr and "KeyboardInterrupt" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dogear: "), result.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("args", "where"),
    [
        (["scan", str(SAMPLE)], "bot.tools.scan.scan"),
        (["scan", str(SAMPLE), "--json"], "bot.tools.scan.import_story"),
        (["preview", str(SAMPLE)], "bot.tools.preview.chapter_warnings"),
        (["eval", "labelled.jsonl"], "bot.tools.evaluate.evaluate"),
    ],
    ids=["scan", "scan-json", "preview", "eval"],
)
def test_ctrl_c_in_a_tool_is_one_line_not_a_traceback(tmp_path: Path, args: list[str], where: str) -> None:
    """Ctrl-C mid-scan of a big file used to print a KeyboardInterrupt traceback."""
    (tmp_path / "labelled.jsonl").write_text('{"text": "He died at dawn.", "labels": ["death"]}\n', encoding="utf-8")
    result = ctrl_c_at(tmp_path, where, *args, env=environment())
    assert interrupted_line(result) == f"dogear: {args[0]} interrupted (Ctrl-C)"
    assert result.stdout == ""


@pytest.mark.parametrize("at_call", ["1", "2"], ids=["checking-the-source", "checking-the-copy"])
@pytest.mark.parametrize(("sent", "said"), [("SIGINT", "Ctrl-C"), ("SIGTERM", "SIGTERM")])
def test_a_backup_stopped_by_a_signal_is_not_a_success(tmp_path: Path, sent: str, said: str, at_call: str) -> None:
    """An interrupted backup used to exit with status 0 and say nothing, as if it had been written:
    `dogear backup x && rm old-backups` would go on. SIGTERM (`systemctl stop`, a shutdown) left
    the partial copy, which the backup service's clean-up never removes. Now either says no backup
    was written, with the shell's status for the signal, and leaves no file."""
    database = a_dogear_database(tmp_path / "dogear.sqlite3")
    target = tmp_path / "backups" / "copy.sqlite3"
    env = environment(DATABASE_PATH=str(database), SEND_SIGNAL=sent, AT_CALL=at_call)
    result = ctrl_c_at(tmp_path, "bot.db._integrity", "backup", str(target), env=env)
    assert result.returncode == 128 + getattr(signal, sent), result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.strip() == f"dogear: backup interrupted ({said}); no backup was written"
    assert result.stdout == ""
    assert not target.exists()
    assert not target.parent.exists() or not any(target.parent.iterdir()), "a partial copy was left"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (a device that is always full)")
@pytest.mark.parametrize("args", [["scan", str(SAMPLE)], ["preview", str(SAMPLE), "--json"], ["--help"]])
def test_output_onto_a_full_disk_is_one_line(tmp_path: Path, args: list[str]) -> None:
    """`dogear scan story.txt > report.txt` on a full disk used to end in an OSError traceback."""
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "bot", *args],
            cwd=tmp_path,
            env=environment(),
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip() == "dogear: cannot write the output: No space left on device"


def test_a_closed_stdout_is_no_traceback(tmp_path: Path) -> None:
    """Started with stdout closed (`dogear scan story.txt >&-`), Python has no sys.stdout at all;
    the final flush used to fail with an AttributeError traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "bot", "scan", str(SAMPLE)],
        cwd=tmp_path,
        env=environment(),
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        preexec_fn=lambda: os.close(1),
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0


@pytest.mark.parametrize("args", [["scan"], ["preview", "--json"]], ids=["scan", "preview-json"])
def test_output_the_terminal_cannot_encode_is_one_line(tmp_path: Path, args: list[str]) -> None:
    """Under an ASCII or Latin-1 locale a story's "café" or "—" was a UnicodeEncodeError traceback."""
    story = tmp_path / "story.txt"
    story.write_text("Title: Caf\u00e9\n\nShe died at dawn \u2014 quietly.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "bot", args[0], str(story), *args[1:]],
        cwd=tmp_path,
        env=environment(PYTHONIOENCODING="ascii"),
        capture_output=True,
        timeout=120,
    )
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert err.strip() == (
        "dogear: the output has a character (U+00E9) that standard output's encoding (ascii) cannot write: "
        "use a UTF-8 locale or set PYTHONIOENCODING=utf-8"
    )
    assert result.stdout == b""


# Runs `python -m bot ARGS` with a real SIGINT sent the moment the module named in CTRL_C_IMPORTING
# starts to load: Ctrl-C while the program is still starting, before bot.cli.main can answer it.
CTRL_C_WHILE_IMPORTING = """
import importlib.abc, os, runpy, signal, sys
class CtrlC(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == os.environ["CTRL_C_IMPORTING"]:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, CtrlC())
sys.argv = ["dogear", *sys.argv[1:]]
runpy.run_module("bot", run_name="__main__", alter_sys=True)
"""


@pytest.mark.parametrize("importing", ["bot.cli", "bot.settings", "aiohttp"])
def test_ctrl_c_while_starting_is_one_line_not_a_traceback(tmp_path: Path, importing: str) -> None:
    """Ctrl-C in the first tenths of a second, while the command line was still loading, printed a
    KeyboardInterrupt traceback."""
    result = subprocess.run(
        [sys.executable, "-c", CTRL_C_WHILE_IMPORTING, "scan", str(SAMPLE)],
        cwd=tmp_path,
        env=environment(CTRL_C_IMPORTING=importing),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert interrupted_line(result) == "dogear: interrupted (Ctrl-C) while starting"
    assert result.stdout == ""


# Where `dogear run` is held when the signal comes: each a moment before the bot's own handlers.
STARTING = {
    "reading-settings": ("bot.cli.load_settings", "1"),  # before the event loop
    "mid-migration": ("aiosqlite.core:Connection.execute", "12"),  # migration 0003's statements, in its transaction
    "starting-workers": ("bot.client.Workers", "1"),  # the database open and migrated
    "bot-built": ("bot.cli.Lease", "1"),  # everything built, the handlers not yet installed
}


def schema(path: Path) -> tuple[int, list[tuple[str, str, str]]]:
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        rows = connection.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    connection.close()
    return version, rows


def migrated_to(path: Path, version: int) -> list[tuple[str, str, str]]:
    """The schema a fresh database has after exactly the migrations up to ``version``."""

    async def make() -> None:
        db = await open_database(path, run_migrations=False)
        try:
            await migrate(db, load_migrations()[:version])
        finally:
            await db.close()

    asyncio.run(make())
    return schema(path)[1]


@pytest.mark.parametrize("sent", ["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("moment", list(STARTING))
def test_a_signal_while_the_bot_starts_stops_it_cleanly(tmp_path: Path, moment: str, sent: str) -> None:
    """Ctrl-C after the program had loaded but before the bot's own signal handlers (reading the
    settings, migrating, starting the workers) exited with status 0 and said nothing, or printed
    a KeyboardInterrupt traceback; SIGTERM there ended the process on the spot. Now Ctrl-C is one
    line and status 130, as while the program loads, and SIGTERM ends as a running bot's stop does
    (`bot: shutting down`, status 0); what was opened is closed, and a migration under way is rolled
    back whole: the database holds exactly the migrations it says it does."""
    where, at_call = STARTING[moment]
    database = tmp_path / "dogear.sqlite3"
    env = environment(
        DATABASE_PATH=str(database),
        DISCORD_TOKEN="x.y.z",
        DISCORD_API_BASE="http://127.0.0.1:9/api/v10",  # never reached; nothing real if it were
        LOG_LEVEL="INFO",
        SEND_SIGNAL=sent,
        AT_CALL=at_call,
    )
    result = ctrl_c_at(tmp_path, where, "run", env=env)
    assert_stopped_while_starting(result, sent)
    assert result.stderr.endswith(own_lines(result))  # the last line: after whatever closing logged
    assert result.stdout == ""
    assert ("ready: schema version" in result.stderr) == ("database closed" in result.stderr), result.stderr
    if moment == "reading-settings":
        assert not database.exists()
        return
    version, tables = schema(database)
    if moment == "mid-migration":
        assert 0 < version < load_migrations()[-1].version, "the signal was meant to come during the migrations"
    assert tables == migrated_to(tmp_path / "reference.sqlite3", version)
    assert not (tmp_path / "dogear.sqlite3-wal").exists() or (tmp_path / "dogear.sqlite3-wal").stat().st_size == 0


def assert_stopped_while_starting(result: subprocess.CompletedProcess[str], sent: str) -> None:
    """How a stop while starting ends: one line and 130 for Ctrl-C, "shutting down" and 0 for
    SIGTERM, never a traceback or a warning."""
    if sent == "SIGINT":
        assert result.returncode == 128 + signal.SIGINT, result.stderr
        assert own_lines(result) == "dogear: interrupted (Ctrl-C) while starting\n", result.stderr
    else:
        assert result.returncode == 0, result.stderr
        assert "bot: shutting down" in result.stderr and own_lines(result) == "", result.stderr
    assert "Traceback" not in result.stderr and "WARNING" not in result.stderr, result.stderr


def own_lines(result: subprocess.CompletedProcess[str]) -> str:
    """stderr without the log's lines (each starts with its date)."""
    return "".join(line for line in result.stderr.splitlines(keepends=True) if not line[:4].isdigit())


@pytest.mark.parametrize("sent", ["SIGINT", "SIGTERM"])
def test_a_signal_while_taking_the_lease_closes_the_database_after_it(tmp_path: Path, sent: str) -> None:
    """A stop while the bot took its lease on the shards (or waited for another process to let it
    go, as a deploy's second process does) closed the database under the lease's transaction:
    a ValueError traceback and status 1. Now the lease's step ends first, then the bot closes."""
    env = environment(
        DATABASE_PATH=str(tmp_path / "dogear.sqlite3"),
        DISCORD_TOKEN="x.y.z",
        DISCORD_API_BASE="http://127.0.0.1:9/api/v10",
        LOG_LEVEL="INFO",
        SEND_SIGNAL=sent,
    )
    result = ctrl_c_at(tmp_path, "bot.cli.hold", "run", env=env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and not own_lines(result), result.stderr
    assert "bot: shutting down" in result.stderr and "database closed" in result.stderr


# Runs `dogear run` with one more migration after the shipped ones, whose one statement counts a
# recursive sequence of 10^11 rows (hours of CPU, no disk), and sends SEND_SIGNAL half a second
# after that statement starts: a stop in the middle of a long migration statement.
SLOW_MIGRATION = """
import os, signal, sys, threading
import aiosqlite.core
import bot.db
from bot.cli import main
SLOW = ("CREATE TABLE slow AS SELECT count(*) AS n FROM (WITH RECURSIVE c(i) AS"
        " (SELECT 1 UNION ALL SELECT i + 1 FROM c LIMIT 100000000000) SELECT i FROM c)")
shipped = bot.db.load_migrations
def with_a_slow_one(directory=None):
    found = shipped(directory)
    number = len(found) + 1
    return [*found, bot.db.Migration(number, f"{number:04d}_slow.sql", SLOW)]
bot.db.load_migrations = with_a_slow_one
real_execute = aiosqlite.core.Connection.execute
def execute(self, sql, *args, **kwargs):
    if sql == SLOW:
        sent = getattr(signal, os.environ["SEND_SIGNAL"])
        threading.Timer(0.5, os.kill, (os.getpid(), sent)).start()
    return real_execute(self, sql, *args, **kwargs)
aiosqlite.core.Connection.execute = execute
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("sent", ["SIGINT", "SIGTERM"])
def test_a_signal_during_a_long_migration_statement_interrupts_it(tmp_path: Path, sent: str) -> None:
    """Ctrl-C or SIGTERM during a long migration statement (a big table rebuilt) waited for the
    statement to finish before the migration was rolled back: minutes, or hours, of a process that
    had been told to stop. Now the statement is interrupted at once (sqlite3's interrupt, which may be
    called from any thread), the migration rolled back whole, and the process exits as for any stop
    while starting: one line and 130 for Ctrl-C, ``shutting down`` and 0 for SIGTERM."""
    database = tmp_path / "dogear.sqlite3"
    env = environment(
        DATABASE_PATH=str(database),
        DISCORD_TOKEN="x.y.z",
        DISCORD_API_BASE="http://127.0.0.1:9/api/v10",  # never reached
        LOG_LEVEL="INFO",
        SEND_SIGNAL=sent,
    )
    try:  # the statement alone runs for hours: a generous bound tells waiting for it from interrupting it
        result = subprocess.run(
            [sys.executable, "-c", SLOW_MIGRATION, "run"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except subprocess.TimeoutExpired as error:
        pytest.fail(f"still in the migration a minute after {sent}: {error.stderr!r}")
    assert_stopped_while_starting(result, sent)
    version, tables = schema(database)
    assert version == load_migrations()[-1].version  # every shipped migration, and not the slow one
    assert tables == migrated_to(tmp_path / "reference.sqlite3", version)


# Runs `dogear run` with the shipped rules' read at start made to last two minutes, and sends
# SEND_SIGNAL as it begins: a stop while start-up reads the rules on a busy machine.
SLOW_RULES = """
import os, signal, sys, time
import bot.client
from bot.cli import main
real = bot.client.default_ruleset
def slow_rules():
    os.kill(os.getpid(), getattr(signal, os.environ["SEND_SIGNAL"]))
    time.sleep(120)
    return real()
bot.client.default_ruleset = slow_rules
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("sent", ["SIGINT", "SIGTERM"])
def test_a_signal_while_the_rules_are_read_at_start_does_not_wait_for_the_read(tmp_path: Path, sent: str) -> None:
    """The shipped rules are read on a thread at start (seconds on a busy machine); a stop then waited
    for the whole read, since asyncio.run joins its executor's threads before the process may exit.
    Now the read's thread is left behind: the process stops as for any stop while starting."""
    env = environment(
        DATABASE_PATH=str(tmp_path / "dogear.sqlite3"),
        DISCORD_TOKEN="x.y.z",
        DISCORD_API_BASE="http://127.0.0.1:9/api/v10",  # never reached
        LOG_LEVEL="INFO",
        SEND_SIGNAL=sent,
    )
    try:  # the read alone lasts two minutes: a generous bound tells waiting for it from leaving it
        result = subprocess.run(
            [sys.executable, "-c", SLOW_RULES, "run"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60
        )
    except subprocess.TimeoutExpired as error:
        pytest.fail(f"still reading the rules a minute after {sent}: {error.stderr!r}")
    assert_stopped_while_starting(result, sent)
    assert "database closed" in result.stderr
