"""The SQLite database: opening, numbered migrations, transactions and backup.

One aiosqlite connection serves the whole bot. Writes take a lock so that a transaction
opened by one task never swallows another task's statement; reads go straight through.
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import aiosqlite

from bot.paths import migrations_dir

SQLITE_HEADER = b"SQLite format 3\x00"
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class DatabaseError(Exception):
    """The database cannot be used; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def load_migrations(directory: Traversable | None = None) -> list[Migration]:
    """Migrations numbered 0001, 0002, ... with no gaps, so a typo cannot skip one."""
    found: list[Migration] = []
    directory = migrations_dir() if directory is None else directory
    for path in sorted((p for p in directory.iterdir() if p.name.endswith(".sql")), key=lambda p: p.name):
        match = _MIGRATION_NAME.match(path.name)
        if not match:
            raise DatabaseError(f"migration file {path.name} must be named NNNN_description.sql")
        found.append(Migration(int(match.group(1)), path.name, path.read_text(encoding="utf-8")))
    for expected, migration in enumerate(found, start=1):
        if migration.version != expected:
            raise DatabaseError(f"migration {migration.name} is out of sequence: expected number {expected:04d}")
    return found


def check_is_sqlite(path: Path) -> None:
    """Refuse a file that is not SQLite before SQLite gets a chance to touch it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseError(
            f"{path} is not a SQLite database; it was left untouched. "
            "Point DATABASE_PATH at a new file or at a Dogear database."
        )


Row = sqlite3.Row


class Database:
    """A thin wrapper that keeps SQL plain and writes serialized."""

    def __init__(self, connection: aiosqlite.Connection, path: Path) -> None:
        self.connection = connection
        self.path = path
        self._write_lock = asyncio.Lock()

    async def fetch_all(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Row]:
        async with self.connection.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def fetch_one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Row | None:
        async with self.connection.execute(sql, params) as cursor:
            return await cursor.fetchone()

    async def fetch_value(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        row = await self.fetch_one(sql, params)
        return None if row is None else row[0]

    async def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> int:
        """Run one write in its own transaction; returns the row id of an insert."""
        async with self.transaction() as tx:
            cursor = await tx.execute(sql, params)
            return cursor.lastrowid or cursor.rowcount

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """All-or-nothing: a failure inside rolls back everything written in the block."""
        async with self._write_lock:
            await self.connection.execute("BEGIN IMMEDIATE")
            try:
                yield self.connection
            except BaseException:
                await self.connection.rollback()
                raise
            else:
                await self.connection.commit()

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        async with self.transaction() as tx:
            await tx.executemany(sql, rows)

    async def user_version(self) -> int:
        return int(await self.fetch_value("PRAGMA user_version"))

    async def close(self) -> None:
        await self.connection.close()


async def migrate(db: Database, migrations: list[Migration] | None = None) -> int:
    """Apply pending migrations in order, each in its own transaction; returns the version."""
    migrations = load_migrations() if migrations is None else migrations
    latest = migrations[-1].version if migrations else 0
    current = await db.user_version()
    if current > latest:
        raise DatabaseError(
            f"{db.path} is at schema version {current}, newer than this Dogear (version {latest}). "
            "Update Dogear, or restore a backup made by this version."
        )
    for migration in migrations:
        if migration.version <= current:
            continue
        async with db._write_lock:
            script = f"BEGIN;\n{migration.sql}\nPRAGMA user_version = {migration.version};\nCOMMIT;"
            try:
                await db.connection.executescript(script)
            except sqlite3.Error as error:
                if db.connection.in_transaction:
                    await db.connection.rollback()
                raise DatabaseError(f"migration {migration.name} failed: {error}") from error
        current = migration.version
    return current


async def open_database(path: Path, *, run_migrations: bool = True) -> Database:
    """Open (creating if needed) and migrate the database at ``path``."""
    check_is_sqlite(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = await aiosqlite.connect(path, isolation_level=None)
    connection.row_factory = sqlite3.Row
    db = Database(connection, path)
    try:
        await connection.execute("PRAGMA journal_mode = WAL")
        await connection.execute("PRAGMA foreign_keys = ON")
        await connection.execute("PRAGMA busy_timeout = 5000")
        await connection.execute("PRAGMA synchronous = NORMAL")
        if run_migrations:
            await migrate(db)
    except sqlite3.DatabaseError as error:
        await connection.close()
        raise DatabaseError(f"{path} cannot be used as a database: {error}") from error
    except BaseException:
        await connection.close()
        raise
    return db


async def backup(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's online backup, safe while the bot is running."""
    check_is_sqlite(source)
    if not source.exists():
        raise DatabaseError(f"{source} does not exist; there is nothing to back up")
    if target.exists():
        raise DatabaseError(f"{target} already exists; choose a new file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    async with aiosqlite.connect(source) as src, aiosqlite.connect(target) as dst:
        await src.backup(dst)
