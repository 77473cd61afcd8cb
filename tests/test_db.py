import asyncio
import contextlib
import errno
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.db import (
    DatabaseError,
    Migration,
    backup,
    damaged,
    database_damaged,
    load_migrations,
    migrate,
    open_database,
    quick_check,
    split_statements,
    storage_refused,
)
from tests.conftest import REPO_ROOT


async def test_fresh_database_is_migrated_to_latest(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite3"
    db = await open_database(path)
    try:
        assert await db.user_version() == len(load_migrations())
        assert (await db.fetch_value("PRAGMA journal_mode")).lower() == "wal"
        assert await db.fetch_value("PRAGMA foreign_keys") == 1
        tables = {row[0] for row in await db.fetch_all("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"guilds", "guild_settings"} <= tables
    finally:
        await db.close()


async def test_upgrade_applies_only_pending_migrations(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    migrations = load_migrations()
    db = await open_database(path, run_migrations=False)
    await migrate(db, migrations[:1])
    await db.execute("INSERT INTO guilds (guild_id, joined_at) VALUES (1, 0)")
    assert await db.user_version() == 1
    await db.close()

    db = await open_database(path)
    try:
        assert await db.user_version() == len(migrations)
        assert await db.fetch_value("SELECT count(*) FROM guilds") == 1
    finally:
        await db.close()


async def test_database_newer_than_code_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 999")
    with pytest.raises(DatabaseError, match="newer than this Dogear"):
        await open_database(path)


async def test_non_database_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    content = b"these are my reading notes, not a database\n" * 10
    path.write_bytes(content)
    with pytest.raises(DatabaseError, match="not a SQLite database"):
        await open_database(path)
    assert path.read_bytes() == content
    assert not (tmp_path / "notes.sqlite3-wal").exists()


async def test_failed_migration_rolls_back_whole(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "broken.sqlite3", run_migrations=False)
    try:
        migrations = [
            Migration(1, "0001_ok.sql", "CREATE TABLE a (x INTEGER);"),
            Migration(2, "0002_bad.sql", "CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);"),
        ]
        with pytest.raises(DatabaseError, match=r"0002_bad\.sql"):
            await migrate(db, migrations)
        assert await db.user_version() == 1
        tables = {row[0] for row in await db.fetch_all("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "a" in tables and "b" not in tables
    finally:
        await db.close()


def test_migration_numbers_must_not_have_gaps(tmp_path: Path) -> None:
    (tmp_path / "0001_first.sql").write_text("SELECT 1;")
    (tmp_path / "0003_third.sql").write_text("SELECT 1;")
    with pytest.raises(DatabaseError, match="out of sequence"):
        load_migrations(tmp_path)


def test_shipped_migrations_are_in_sequence() -> None:
    migrations = load_migrations()
    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))


async def test_transaction_rolls_back_on_error(db) -> None:
    with pytest.raises(RuntimeError):
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO guilds (guild_id, joined_at) VALUES (7, 0)")
            raise RuntimeError("boom")
    assert await db.fetch_value("SELECT count(*) FROM guilds WHERE guild_id = 7") == 0


async def test_a_commit_that_fails_is_rolled_back_and_the_next_write_works(db) -> None:
    """A COMMIT SQLite refuses (a full disk may; here a deferred foreign key, which always leaves the
    transaction open) left the connection inside it: every later write failed with "cannot start a
    transaction within a transaction", and what the failed block wrote stayed visible to this process."""
    await db.execute("CREATE TABLE parents (id INTEGER PRIMARY KEY)")
    await db.execute("CREATE TABLE children (parent INTEGER REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED)")
    with pytest.raises(sqlite3.IntegrityError):
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO children (parent) VALUES (42)")
    assert not db.connection.in_transaction
    assert await db.fetch_value("SELECT count(*) FROM children") == 0
    await db.execute("INSERT INTO parents (id) VALUES (1)")
    assert await db.fetch_value("SELECT count(*) FROM parents") == 1


async def test_a_write_sqlite_refuses_at_once_as_locked_is_begun_again(db) -> None:
    """SQLite answers some contention between two processes with "database is locked" at once, not
    after the busy timeout (two processes sharing a file met it in about one start in ten). Made
    certain here with a busy timeout of 0 while another connection holds the write lock for a
    moment: the write waits for it instead of failing."""
    await db.connection.execute("PRAGMA busy_timeout = 0")
    other = sqlite3.connect(db.path, isolation_level=None, check_same_thread=False)
    try:
        other.execute("BEGIN IMMEDIATE")
        release = asyncio.get_running_loop().call_later(0.3, other.execute, "COMMIT")
        started = time.monotonic()
        await db.execute("INSERT INTO guilds (guild_id, joined_at) VALUES (8, 0)")
        assert time.monotonic() - started >= 0.25
        release.cancel()
    finally:
        other.close()
    assert await db.fetch_value("SELECT count(*) FROM guilds WHERE guild_id = 8") == 1


async def test_backup_is_consistent_while_open(tmp_path: Path) -> None:
    source = tmp_path / "live.sqlite3"
    db = await open_database(source)
    try:
        await db.executemany("INSERT INTO guilds (guild_id, joined_at) VALUES (?, 0)", [(i,) for i in range(1, 101)])
        target = tmp_path / "copy.sqlite3"
        await backup(source, target)
        with sqlite3.connect(target) as copy:
            assert copy.execute("SELECT count(*) FROM guilds").fetchone()[0] == 100
            assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        with pytest.raises(DatabaseError, match="already exists"):
            await backup(source, target)
    finally:
        await db.close()


# ---------------------------------------------------------------------------------------------- faults
# Issue 12 point 7 and issue 15 point 3: database faults are found at start, backups are checked,
# and several processes on one file neither race the migrations nor meet "database is locked".


@contextlib.contextmanager
def unwritable(path: Path) -> Iterator[None]:
    """Make a file or folder unwritable for this process, as a non-root user would meet it.

    chmod does not stop root, so as root the immutable attribute (chattr +i) is used instead.
    """
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(mode & ~0o222)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
        pytest.skip("running as root without chattr +i: cannot make a file unwritable")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def a_dogear_database(path: Path) -> Path:
    """A real Dogear database (every migration applied, one server in ``guilds``: 42), closed.

    For tests of whatever reads an existing database (backup, start-up): a file with tables of
    its own is another program's, which Dogear refuses.
    """

    async def make() -> None:
        db = await open_database(path)
        try:
            await db.execute("INSERT INTO guilds (guild_id, joined_at) VALUES (42, 0)")
        finally:
            await db.close()

    asyncio.run(make())
    return path


def corrupt_a_page(path: Path) -> None:
    """A database with real data whose third page is overwritten with garbage (the header stays)."""
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.executemany("INSERT INTO notes (body) VALUES (?)", [("x" * 500,) for _ in range(200)])
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    with path.open("r+b") as handle:
        handle.seek(page_size * 2)
        handle.write(b"\xde\xad\xbe\xef" * (page_size // 4))


async def test_read_only_database_is_refused_at_start(tmp_path: Path) -> None:
    path = tmp_path / "dogear.sqlite3"
    db = await open_database(path)
    await db.close()
    with unwritable(path), pytest.raises(DatabaseError) as caught:
        await open_database(path)
    message = str(caught.value)
    assert str(path) in message and "writable" in message and "\n" not in message


async def test_unwritable_folder_is_refused_at_start(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    with unwritable(folder), pytest.raises(DatabaseError) as caught:
        await open_database(folder / "dogear.sqlite3")
    assert f"the folder {folder} is not writable" in str(caught.value)


async def test_uncreatable_folder_is_refused_at_start(tmp_path: Path) -> None:
    parent = tmp_path / "locked"
    parent.mkdir()
    with unwritable(parent), pytest.raises(DatabaseError, match="cannot create the folder"):
        await open_database(parent / "data" / "dogear.sqlite3")


async def test_corrupt_page_is_found_at_start(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    corrupt_a_page(path)
    with pytest.raises(DatabaseError) as caught:
        await open_database(path)
    message = str(caught.value)
    assert str(path) in message and "damaged" in message and "restore a backup" in message
    assert "\n" not in message


async def test_a_damaged_database_names_its_first_problem_not_the_checks_header(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    corrupt_a_page(path)
    with pytest.raises(DatabaseError) as caught:
        await open_database(path)
    message = str(caught.value)
    assert "***" not in message and "in database main" not in message
    assert "is damaged (Page 3: " in message  # the damaged page, as integrity_check reports it
    with pytest.raises(DatabaseError) as caught:
        await backup(path, tmp_path / "copy.sqlite3")
    assert "***" not in str(caught.value) and "is damaged (Page 3: " in str(caught.value)


def another_programs_database(path: Path, *, version: int = 0) -> Path:
    """A SQLite file of some other application: tables of its own, none of Dogear's."""
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        conn.execute("CREATE TABLE moz_bookmarks (id INTEGER PRIMARY KEY, place INTEGER)")
        conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
        conn.execute(f"PRAGMA user_version = {version}")
        conn.commit()
    return path


@pytest.mark.parametrize("version", [0, 3], ids=["no schema version", "a schema version of its own"])
async def test_another_programs_database_is_refused_and_left_untouched(tmp_path: Path, version: int) -> None:
    path = another_programs_database(tmp_path / "places.sqlite", version=version)
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        await open_database(path)
    message = str(caught.value)
    assert message == (
        f"{path} is another program's SQLite database (it has tables such as `moz_bookmarks`, `moz_places` "
        "and no Dogear schema); point DATABASE_PATH at a new file"
    )
    assert path.read_bytes() == before  # no tables added, not even switched to WAL
    assert sorted(p.name for p in tmp_path.iterdir()) == ["places.sqlite"]


async def test_backup_of_another_programs_database_writes_nothing(tmp_path: Path) -> None:
    source = another_programs_database(tmp_path / "places.sqlite")
    with pytest.raises(DatabaseError) as caught:
        await backup(source, tmp_path / "copy.sqlite3")
    assert "is another program's SQLite database" in str(caught.value) and "no backup was written" in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["places.sqlite"]


async def test_a_sqlite_file_without_tables_becomes_a_dogear_database(tmp_path: Path) -> None:
    path = tmp_path / "blank.sqlite3"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE scratch (x)")
        conn.execute("DROP TABLE scratch")
        conn.commit()
    assert path.stat().st_size > 0
    db = await open_database(path)
    try:
        assert await db.user_version() == len(load_migrations())
    finally:
        await db.close()


def test_a_dogear_database_opens_again_and_backs_up(tmp_path: Path) -> None:
    path = a_dogear_database(tmp_path / "dogear.sqlite3")

    async def reopen_and_back_up() -> None:
        db = await open_database(path)
        await db.close()
        await backup(path, tmp_path / "copy.sqlite3")

    asyncio.run(reopen_and_back_up())
    with contextlib.closing(sqlite3.connect(tmp_path / "copy.sqlite3")) as conn:
        assert conn.execute("SELECT guild_id FROM guilds").fetchone()[0] == 42


async def test_quick_check_is_bounded(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A budget of zero stops the check at once; the database still opens (a skipped check is logged).

    The log, not the clock, says the check was cut short: a busy machine cannot fail it."""
    path = tmp_path / "big.sqlite3"
    db = await open_database(path)
    await db.executemany("INSERT INTO guilds (guild_id, joined_at) VALUES (?, 0)", [(i,) for i in range(1, 5001)])
    with caplog.at_level(logging.WARNING, logger="bot.db"):
        await quick_check(db.connection, path, budget=0.0)
    assert "the quick check of" in caplog.text and "was skipped" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="bot.db"):
        await quick_check(db.connection, path)  # the real check passes on a healthy file
    assert "was skipped" not in caplog.text
    await db.close()


async def test_backup_of_a_damaged_database_fails_and_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "damaged.sqlite3"
    corrupt_a_page(source)
    target = tmp_path / "copy.sqlite3"
    with pytest.raises(DatabaseError) as caught:
        await backup(source, target)
    assert "damaged" in str(caught.value) and "no backup was written" in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["damaged.sqlite3"]


async def test_backup_into_an_unwritable_folder_fails_clearly(tmp_path: Path) -> None:
    source = tmp_path / "live.sqlite3"
    await (await open_database(source)).close()
    folder = tmp_path / "backups"
    folder.mkdir()
    with unwritable(folder), pytest.raises(DatabaseError, match=r"backup folder .* is not writable"):
        await backup(source, folder / "copy.sqlite3")
    assert list(folder.iterdir()) == []


async def test_backup_copy_passes_integrity_check_and_leaves_no_partial_file(tmp_path: Path) -> None:
    source = tmp_path / "live.sqlite3"
    db = await open_database(source)
    await db.executemany("INSERT INTO guilds (guild_id, joined_at) VALUES (?, 0)", [(i,) for i in range(1, 51)])
    target = tmp_path / "nested" / "copy.sqlite3"
    await backup(source, target)
    await db.close()
    with sqlite3.connect(target) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT count(*) FROM guilds").fetchone()[0] == 50
    assert [p.name for p in target.parent.iterdir()] == ["copy.sqlite3"]


def test_split_statements_keeps_triggers_whole() -> None:
    sql = """-- a comment
CREATE TABLE a (x INTEGER); -- trailing
CREATE TRIGGER t AFTER INSERT ON a BEGIN
    UPDATE a SET x = x + 1; DELETE FROM a WHERE x > 9;
END;
INSERT INTO a VALUES (';');
-- the end
"""
    statements = split_statements(sql)
    assert len(statements) == 3
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")


async def test_migrations_started_together_in_one_process_apply_once(tmp_path: Path) -> None:
    """Two connections migrating at once: the second waits for the lock and finds the work done."""
    path = tmp_path / "race.sqlite3"
    migrations = [
        Migration(1, "0001_log.sql", "CREATE TABLE applied (version INTEGER);\nINSERT INTO applied VALUES (1);"),
        Migration(2, "0002_more.sql", "CREATE TABLE more (x INTEGER);\nINSERT INTO applied VALUES (2);"),
    ]
    first = await open_database(path, run_migrations=False)
    second = await open_database(path, run_migrations=False)
    try:
        await asyncio.gather(migrate(first, migrations), migrate(second, migrations))
        rows = [row[0] for row in await first.fetch_all("SELECT version FROM applied ORDER BY version")]
        assert rows == [1, 2]
        assert sorted(first.applied_migrations + second.applied_migrations) == [1, 2]
    finally:
        await first.close()
        await second.close()


WORKER = """
import asyncio, json, sys, time
from pathlib import Path
from bot.db import open_database
from bot.guilds import mark_joined

async def main(path, start_at, index):
    await asyncio.sleep(max(0.0, start_at - time.time()))
    db = await open_database(Path(path))
    for n in range(40):
        guild = index * 1000 + n + 1
        await mark_joined(db, guild, float(n))
        await db.execute("UPDATE guilds SET left_at = ? WHERE guild_id = ?", (float(n), guild))
    print(json.dumps({"applied": db.applied_migrations, "version": await db.user_version()}))
    await db.close()

asyncio.run(main(sys.argv[1], float(sys.argv[2]), int(sys.argv[3])))
"""


def test_four_processes_started_together_on_a_fresh_file(tmp_path: Path) -> None:
    """Issue 15 point 3: no "database is locked", no "table guilds already exists", each migration once."""
    path = tmp_path / "shared.sqlite3"
    start_at = time.time() + 1.5
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(path), str(start_at), str(index)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for index in range(4)
    ]
    results = [process.communicate(timeout=60) for process in processes]
    for process, (_, stderr) in zip(processes, results, strict=True):
        assert process.returncode == 0, stderr
        assert "locked" not in stderr and "already exists" not in stderr
    reports = [json.loads(stdout) for stdout, _ in results]
    latest = len(load_migrations())
    assert all(report["version"] == latest for report in reports)
    applied = sorted(version for report in reports for version in report["applied"])
    assert applied == list(range(1, latest + 1))  # every migration applied, each by exactly one process
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM guilds").fetchone()[0] == 4 * 40
        assert conn.execute("SELECT count(*) FROM guilds WHERE left_at IS NULL").fetchone()[0] == 0
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_database_folder_that_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a folder")
    with pytest.raises(DatabaseError, match="is \\(or runs through\\) a file, not a folder"):
        await open_database(tmp_path / "notes.txt" / "dogear.sqlite3")


async def test_a_write_cancelled_at_any_point_leaves_no_transaction_open(tmp_path: Path) -> None:
    """A task cancelled while BEGIN runs in aiosqlite's thread must not leave the connection mid-transaction."""
    database = await open_database(tmp_path / "cancel.sqlite3")
    try:
        for steps in range(12):

            async def write(guild_id: int) -> None:
                async with database.transaction() as tx:
                    await tx.execute("INSERT INTO guilds (guild_id, joined_at) VALUES (?, 0)", (guild_id,))

            task = asyncio.create_task(write(1000 + steps))
            for _ in range(steps):
                await asyncio.sleep(0)
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            async with database.transaction() as tx:  # fails if a cancelled BEGIN was left open
                await tx.execute("INSERT INTO guilds (guild_id, joined_at) VALUES (?, 0)", (5000 + steps,))
        assert await database.fetch_value("SELECT count(*) FROM guilds WHERE guild_id >= 5000") == 12
    finally:
        await database.close()


def test_a_write_the_storage_refuses_is_told_apart_from_a_bug(tmp_path: Path) -> None:
    """A read-only database (or a full disk) is a state that passes, told to the member as "can't save
    right now"; a mistake in the SQL is a bug, logged with its traceback."""
    path = tmp_path / "dogear.sqlite3"
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as read_only:
        with pytest.raises(sqlite3.OperationalError) as refused:
            read_only.execute("INSERT INTO notes VALUES ('x')")
        with pytest.raises(sqlite3.OperationalError) as bug:
            read_only.execute("INSERT INTO no_such_table VALUES ('x')")
    assert storage_refused(refused.value) == "the database is read-only"
    assert storage_refused(bug.value) is None
    assert storage_refused(OSError(errno.ENOSPC, "No space left on device")) == "the disk is full"
    assert storage_refused(OSError(errno.ENOENT, "No such file")) is None


def test_a_damaged_file_is_told_apart_from_a_bug_and_from_a_full_disk(tmp_path: Path) -> None:
    """A page overwritten under the bot is no bug to quote a reference for, nor a state that passes:
    the member is told the data needs attention and the host what to do (bot.client.report_error)."""
    path = tmp_path / "damaged.sqlite3"
    corrupt_a_page(path)
    with contextlib.closing(sqlite3.connect(path)) as connection:
        with pytest.raises(sqlite3.DatabaseError) as damage:
            connection.execute("SELECT count(*), sum(length(body)) FROM notes").fetchone()
        with pytest.raises(sqlite3.OperationalError) as bug:
            connection.execute("SELECT * FROM no_such_table")
    assert database_damaged(damage.value), damage.value
    assert storage_refused(damage.value) is None
    assert not database_damaged(bug.value)
    assert not database_damaged(OSError(errno.EIO, "I/O error"))
    said = str(damaged(path, damage.value, running=True))
    assert said.startswith(f"{path} is damaged (") and "stop Dogear, then restore a backup" in said, said


def test_a_refusal_is_said_once_until_a_write_goes_through_then_said_again(caplog: pytest.LogCaptureFixture) -> None:
    """The timer's rounds and the lease's renewals each kept this state by hand (session 38: one helper)."""
    from bot.db import SaidOnce

    said = SaidOnce(logging.getLogger("bot.test"), "it saves again")
    with caplog.at_level(logging.INFO, "bot.test"):
        said.saved()  # nothing was refused: nothing to say
        for _ in range(3):
            said.refused("the disk is full", "could not save: %s", "the disk is full")
        assert said.why == "the disk is full"
        said.saved()
        said.saved()
        said.refused("the database is read-only", "could not save: %s", "the database is read-only")
    assert [(r.levelno, r.getMessage()) for r in caplog.records] == [
        (logging.WARNING, "could not save: the disk is full"),
        (logging.INFO, "it saves again"),
        (logging.WARNING, "could not save: the database is read-only"),
    ]
