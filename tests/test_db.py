import sqlite3
from pathlib import Path

import pytest

from bot.db import DatabaseError, Migration, backup, load_migrations, migrate, open_database


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
