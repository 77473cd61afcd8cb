"""The SQLite database: opening, numbered migrations, transactions and backup.

One aiosqlite connection serves the whole bot. Writes take a lock so that a transaction
opened by one task never swallows another task's statement; reads go straight through, except
reads that must agree with each other (:meth:`Database.snapshot`).
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import os
import re
import sqlite3
import stat
import time
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite

from bot.paths import migrations_dir
from bot.text import clip, natural_key

SQLITE_HEADER = b"SQLite format 3\x00"
# How long a write waits for another process's write lock before "database is locked".
BUSY_TIMEOUT_MS = 10_000
# A transaction SQLite refused at once as "locked" is begun again after these pauses (Database._begin).
BEGIN_RETRY_FIRST_PAUSE = 0.01
BEGIN_RETRY_MAX_PAUSE = 0.25
# The start-up quick_check stops after this long; a larger file is checked by `dogear backup`.
QUICK_CHECK_SECONDS = 5.0

MAX_ROW_ID = 2**63 - 1  # SQLite's largest integer: binding a larger one raises OverflowError
# Rows keyed by chapter number move (an update's chapters renumbered) by going to their new number
# plus this first, then taking it away: SQLite checks a unique key row by row, so moving chapter 3
# to 2 in one step while 2 is still there would collide. No chapter number comes near it.
SHIFT_ROOM = 1 << 40
# Created by migration 0001 and never dropped: with a schema version, they make a file Dogear's.
DOGEAR_TABLES = frozenset({"guilds", "guild_settings"})
# The tables a foreign database's refusal names, as examples.
NAMED_TABLES = 3
# How integrity_check heads the problems of each attached database; not a problem itself.
_INTEGRITY_HEADER = re.compile(r"^\*\*\* in database \S+ \*\*\*$")

log = logging.getLogger(__name__)
# The database whose snapshot the running task reads in (Database.snapshot), so a write from
# inside one, which would wait for the lock the snapshot holds, fails at once instead.
_IN_SNAPSHOT: ContextVar[Database | None] = ContextVar("dogear_in_snapshot", default=None)
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
Kept = TypeVar("Kept")


class DatabaseError(Exception):
    """The database cannot be used; the message says why and what to do."""


class DatabaseBusy(DatabaseError):
    """Another program held a write on the database for longer than the busy timeout: nothing is
    wrong with the file or a setting, so a service manager may start the bot again (status 1)."""


class StorageRefused(DatabaseError):
    """The disk refused the database's writes at start (full, read-only, failing): nothing is wrong
    with a setting, and the state passes (space freed, the disk remounted), so a service manager may
    start the bot again (status 1), as for :class:`DatabaseBusy`."""


def cannot_write(path: Path, why: str, remedy: str) -> StorageRefused:
    """The database file cannot be written at start, by a state of its disk or its permissions rather
    than a setting: one line naming the file, why, and what to do, exit status 1 (see StorageRefused)."""
    return StorageRefused(f"{path} cannot be written: {why}; {remedy} and start again")


def refused_at_start(path: Path, why: str, error: object) -> StorageRefused:
    return cannot_write(path, f"{why} ({error})", "free space on its disk (or make it writable)")


def busy(path: Path, error: object) -> DatabaseBusy:
    return DatabaseBusy(
        f"{path} is locked: another program has held a write on it for over {BUSY_TIMEOUT_MS / 1000:g} s ({error});"
        " stop it (a sqlite3 shell left in a transaction, another copy of a tool) and start again"
    )


# What SQLite answers when the storage, not the code, refused a write: the disk or a quota full
# (SQLITE_FULL; a write past a size limit is a "disk I/O error"), the file or its file system
# read-only, another program's write held past the busy timeout. Primary codes (an extended code's low byte).
_STORAGE_REFUSED = {
    sqlite3.SQLITE_FULL: "the disk is full",
    sqlite3.SQLITE_IOERR: "a write to the disk failed, it may be full",
    sqlite3.SQLITE_READONLY: "the database is read-only",
    sqlite3.SQLITE_CANTOPEN: "the database file cannot be opened",
    sqlite3.SQLITE_BUSY: "another program holds a write on the database",
}
# The same, raised by Python's own file writes (a temporary file, a worker pool's lock).
_STORAGE_ERRNOS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is full",
    errno.EFBIG: "a file size limit was reached",
    errno.EROFS: "the file system is read-only",
}


def storage_refused(error: BaseException) -> str | None:
    """Why nothing could be saved, in a few words, when the disk or the database file refused a
    write (full, read-only, held by another program): a state that passes, which a member can only
    wait out, not a bug. ``None`` for every other error."""
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        return _STORAGE_REFUSED.get(code & 0xFF) if isinstance(code, int) else None
    if isinstance(error, OSError):
        return _STORAGE_ERRNOS.get(error.errno or 0)
    return None


# What SQLite answers when the file itself is damaged (a page overwritten or torn, a schema gone bad):
# no retry helps, only a backup or a recovery by whoever runs Dogear.
_DAMAGED_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})


def database_damaged(error: BaseException) -> bool:
    """Whether ``error`` is SQLite finding the database file damaged ("database disk image is
    malformed", "malformed database schema"), not a bug or a passing state."""
    if not isinstance(error, sqlite3.DatabaseError):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    return (isinstance(code, int) and code & 0xFF in _DAMAGED_CODES) or _is_corruption(error)


def database_unusable(error: BaseException) -> str | None:
    """Why the database cannot be used, when it is a state of the file or its disk (a write refused, the
    file damaged) rather than a bug: what a job retrying every few seconds says once, not at every
    try. ``None`` for every other error."""
    return storage_refused(error) or ("the database file is damaged" if database_damaged(error) else None)


class SaidOnce:
    """A background job's refused database (a full disk, a read-only or damaged file) said in one line,
    then nothing until a write of the job goes through again, which is said in one line too: the job
    retries every few seconds for as long as the state lasts, and a line (or a traceback) per try
    buried the one that says why. The timer's rounds and the lease's renewals each hold one."""

    def __init__(self, logger: logging.Logger, again: str) -> None:
        self._log = logger
        self._again = again  # what is said when a write goes through again
        self.why: str | None = None  # why the database refuses, while it does

    def refused(self, why: str, line: str, *args: object) -> None:
        """The job's try was refused for ``why``: ``line`` (a warning) unless one was said already."""
        if self.why is None:
            self._log.warning(line, *args)
        self.why = why

    def saved(self) -> None:
        """A try of the job went through: said once, if a refusal was."""
        if self.why is not None:
            self._log.info(self._again)
            self.why = None


def _is_busy(error: BaseException) -> bool:
    text = str(error).lower()
    return isinstance(error, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


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
    """Refuse a file that is not SQLite before SQLite gets a chance to touch it.

    Only a regular file (or none yet) will do: a FIFO or a device would make SQLite wait forever
    or read garbage. A file this user cannot read is refused here too, with one line.
    """
    try:
        info = path.stat()
    except OSError as error:
        if error.errno in (errno.ENOENT, errno.ENOTDIR, errno.ELOOP):  # as Path.exists(): no file there
            return
        raise
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file (a pipe, socket or device)"
        raise DatabaseError(f"{path} is {kind}: point DATABASE_PATH at a SQLite file, or at a new file name")
    if info.st_size == 0:
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except PermissionError:
        raise DatabaseError(
            f"{path} cannot be read by this user (permission denied): make it readable (chmod u+r), "
            "or run Dogear as the user that owns it"
        ) from None
    if header != SQLITE_HEADER:
        raise DatabaseError(
            f"{path} is not a SQLite database; it was left untouched. "
            "Point DATABASE_PATH at a new file or at a Dogear database."
        )


def is_wal(path: Path) -> bool:
    """Whether the file's header says WAL mode (bytes 18-19 are 2): reading it needs ``-shm`` beside it."""
    with path.open("rb") as handle:
        header = handle.read(20)
    return len(header) == 20 and header[18] == 2


Row = sqlite3.Row


def fits_row_id(value: int) -> bool:
    """Whether a number a member gave can be some row's id; past 64 bits SQLite cannot even look it up."""
    return 0 < value <= MAX_ROW_ID


class Database:
    """A thin wrapper that keeps SQL plain and writes serialized."""

    def __init__(self, connection: aiosqlite.Connection, path: Path) -> None:
        self.connection = connection
        self.path = path
        self._write_lock = asyncio.Lock()
        self.applied_migrations: list[int] = []
        self._kept: dict[type[Any], Any] = {}

    def kept(self, kind: type[Kept]) -> Kept:
        """This process's one ``kind()`` for this database, made on first use: what a feature knows of
        the file beyond its rows (the warnings' rulesets per server, the posts stopped unrecorded).
        Held here, it is built with the database in ``main()`` and goes with it, so two databases in
        one process, or a service built again on the same one, each see their own; a module's
        global would outlive the file and be shared by every database."""
        found = self._kept.get(kind)
        if found is None:
            found = self._kept[kind] = kind()
        return found

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
        if _IN_SNAPSHOT.get() is self:
            raise RuntimeError("a write inside Database.snapshot() would wait for the lock the snapshot holds")
        async with self._write_lock:
            await self._begin()
            try:
                yield self.connection
            except BaseException:
                await self.connection.rollback()
                raise
            try:
                await self.connection.commit()
            except BaseException:
                # A COMMIT the disk refused (full, read-only) may leave the transaction open: every
                # later write would then fail with "cannot start a transaction within a transaction",
                # even once the disk has room. Undone here, the next write starts afresh.
                if self.connection.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        await self.connection.rollback()
                raise

    @asynccontextmanager
    async def snapshot(self) -> AsyncIterator[Database]:
        """Reads that see one state of the database: none of them sees a write half-done or one
        committed between two of them (another task's ``/story update``, another process's).

        A plain read goes straight to the connection, so between two of them another task's
        transaction may have written some of its rows (they share the connection, and see what
        it wrote before its commit) or committed. Here the write lock is held, so no transaction
        of this process is open meanwhile, and the reads share one read transaction (SQLite's
        snapshot, in WAL mode also against other processes' commits). Keep it to a few reads:
        writes wait meanwhile, and a write inside fails (:meth:`transaction`). Nested: one snapshot.
        """
        if _IN_SNAPSHOT.get() is self:
            yield self
            return
        async with self._write_lock:
            await self._begin("BEGIN")
            token = _IN_SNAPSHOT.set(self)
            try:
                yield self
            finally:
                _IN_SNAPSHOT.reset(token)
                await self.connection.rollback()  # nothing was written: ends the read transaction

    async def _begin(self, statement: str = "BEGIN IMMEDIATE") -> None:
        """``BEGIN IMMEDIATE`` (or ``statement``), asked again while SQLite says "locked" at once.

        The busy timeout makes a write wait for another process's, but SQLite answers some
        contention with SQLITE_BUSY straight away, without waiting: two processes sharing a file
        (one per range of shards) met it about once in ten starts, a timer's first round failing
        with "database is locked" while the other process started. Asked again after a short,
        growing pause, until the busy timeout has passed since the first try.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        pause = BEGIN_RETRY_FIRST_PAUSE
        while True:
            try:
                await self._begin_once(statement)
                return
            except sqlite3.OperationalError as error:
                if not _is_busy(error) or time.monotonic() + pause > deadline:
                    raise
            await asyncio.sleep(pause)
            pause = min(2 * pause, BEGIN_RETRY_MAX_PAUSE)

    async def _begin_once(self, statement: str) -> None:
        """``statement``, undone when the caller is cancelled while it runs.

        aiosqlite runs the statement in its own thread, so a cancelled ``await`` does not stop
        it: without the rollback the connection would stay inside a transaction and the next
        write would fail with "cannot start a transaction within a transaction".
        """
        begin = asyncio.ensure_future(self.connection.execute(statement))
        try:
            await asyncio.shield(begin)
        except asyncio.CancelledError:
            with contextlib.suppress(Exception):
                await begin
                await self.connection.rollback()
            raise

    async def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        async with self.transaction() as tx:
            await tx.executemany(sql, rows)

    async def user_version(self) -> int:
        return int(await self.fetch_value("PRAGMA user_version"))

    async def close(self) -> None:
        await self.connection.close()


def split_statements(sql: str) -> list[str]:
    """A migration script as single statements (triggers' ``BEGIN ... END;`` stay whole).

    Python's ``executescript`` commits any open transaction first, so a migration run inside
    ``BEGIN IMMEDIATE`` must be executed statement by statement.
    """
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip().strip(";").strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(part.strip().startswith("--") or not part.strip() for part in buffer.splitlines()):
        statements.append(buffer.strip())
    return statements


def _check_version(db: Database, current: int, latest: int) -> None:
    if current > latest:
        raise DatabaseError(
            f"{db.path} is at schema version {current}, newer than this Dogear (version {latest}). "
            "Update Dogear, or restore a backup made by this version."
        )


async def migrate(db: Database, migrations: list[Migration] | None = None) -> int:
    """Apply pending migrations in order, each in its own transaction; returns the version.

    Each migration takes the write lock first (``BEGIN IMMEDIATE``) and re-reads the version
    inside it: several processes started together on one file wait for each other, and each
    migration is applied exactly once (the others find it done). ``db.applied_migrations``
    lists the ones this call applied.
    """
    migrations = load_migrations() if migrations is None else migrations
    latest = migrations[-1].version if migrations else 0
    current = await db.user_version()
    _check_version(db, current, latest)
    for migration in migrations:
        if migration.version <= current:
            continue
        async with db._write_lock:
            connection = db.connection
            try:
                await connection.execute("BEGIN IMMEDIATE")
                async with connection.execute("PRAGMA user_version") as cursor:
                    row = await cursor.fetchone()
                current = int(row[0]) if row else 0
                _check_version(db, current, latest)
                if current >= migration.version:
                    await connection.rollback()  # another process applied it while we waited
                    continue
                for statement in split_statements(migration.sql):
                    await connection.execute(statement)
                await connection.execute(f"PRAGMA user_version = {migration.version}")
                await connection.commit()
            except sqlite3.Error as error:
                if connection.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        await connection.rollback()
                refused = storage_refused(error)
                if refused is not None and not _is_busy(error):
                    raise refused_at_start(db.path, refused, error) from None
                raise DatabaseError(f"migration {migration.name} failed on {db.path}: {error}") from error
            except BaseException:
                # Cancelled (a signal while starting): the statement runs on in aiosqlite's thread, and
                # the rollback, queued behind it, waited for it (minutes for a big table rebuilt).
                # SQLite's interrupt, safe from any thread, ends it now; the rollback then undoes it all.
                await connection.interrupt()
                with contextlib.suppress(sqlite3.Error):
                    await connection.rollback()
                raise
        db.applied_migrations.append(migration.version)
        current = migration.version
    return current


def not_a_folder(folder: Path) -> str:
    """Why the database's folder cannot be made: a link to nowhere (``data`` left pointing at a
    volume that is not mounted), or a file on the way."""
    dangling = next((part for part in (folder, *folder.parents) if part.is_symlink() and not part.exists()), None)
    if dangling is not None:
        return (
            f"the database's folder {dangling} is a link to {os.readlink(dangling)}, which does not exist: "
            "create its target (or mount it), or point DATABASE_PATH elsewhere"
        )
    return f"the database's folder {folder} is (or runs through) a file, not a folder: point DATABASE_PATH elsewhere"


def check_writable(path: Path) -> None:
    """The database file and its folder must be writable before the bot starts, not at the first write.

    SQLite creates ``-wal`` and ``-shm`` files beside the database, so the folder matters too.
    """
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise DatabaseError(not_a_folder(folder)) from None
    except OSError as error:
        raise DatabaseError(
            f"cannot create the folder {folder} for the database ({error.strerror}): "
            "create it, or point DATABASE_PATH at a folder this user can write"
        ) from None
    if os.statvfs(folder).f_flag & os.ST_RDONLY:
        # A disk remounted read-only (the kernel does so after I/O errors) is no setting to fix
        # here, and passes once it is repaired: status 1, so the service manager tries again.
        raise cannot_write(
            path,
            f"the file system holding {folder} is mounted read-only",
            "remount it read-write (or point DATABASE_PATH elsewhere)",
        )
    # Permissions are the host's to put right, not a setting: status 1 as for a full disk, so the
    # service manager starts the bot again once they are (status 2 left it down for good).
    if not os.access(folder, os.W_OK | os.X_OK):
        raise cannot_write(
            path,
            f"the folder {folder} is not writable, and SQLite needs to create {path.name}-wal there",
            "make it writable by this user (or point DATABASE_PATH elsewhere)",
        )
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise cannot_write(
            path,
            "the file is read-only for this user",
            "make it writable by this user (chmod u+rw; or copy it with `dogear backup` and point DATABASE_PATH"
            " at the copy)",
        )


async def quick_check(connection: aiosqlite.Connection, path: Path, *, budget: float = QUICK_CHECK_SECONDS) -> None:
    """``PRAGMA quick_check``, stopped after ``budget`` seconds so a huge file cannot delay the start.

    A damaged page is found here, at start, instead of as "Something went wrong" at some
    member's first write. A check cut short by the budget is logged, not fatal.
    """
    deadline = time.monotonic() + budget

    def over_budget() -> int:
        return int(time.monotonic() > deadline)

    await connection.set_progress_handler(over_budget, 1000)
    try:
        async with connection.execute("PRAGMA quick_check(1)") as cursor:
            row = await cursor.fetchone()
    except sqlite3.OperationalError as error:
        if "interrupt" in str(error).lower():
            log.warning("the quick check of %s took over %g s and was skipped", path, budget)
            return
        raise
    finally:
        await connection.set_progress_handler(None, 1000)
    result = row[0] if row else "ok"
    if result != "ok":
        raise damaged(path, result)


def first_problem(detail: object) -> str:
    """The first line of a check's report that names a problem: ``integrity_check`` heads its
    lines with ``*** in database main ***``, which says where, not what."""
    lines = [line.strip() for line in str(detail).splitlines()]
    found = next((line for line in lines if line and not _INTEGRITY_HEADER.match(line)), "")
    return found or "unknown damage"


def damaged(path: Path, detail: object, *, running: bool = False) -> DatabaseError:
    """What to do about a damaged file, in one line; ``running``: found by the running bot, which must
    be stopped first (a restore under it would be overwritten by its next write)."""
    first = "stop Dogear, then " if running else ""
    return DatabaseError(
        f"{path} is damaged ({first_problem(detail)}): {first}restore a backup, or recover it with "
        f"`sqlite3 {path.name} .recover | sqlite3 recovered.sqlite3` and point DATABASE_PATH at the result"
    )


async def enable_wal(connection: aiosqlite.Connection, path: Path) -> None:
    """Switch to WAL, retrying the one lock the busy timeout does not cover.

    When processes open a new file together, two may both hold a shared lock and want the
    exclusive one to change the journal mode; SQLite then answers "database is locked" at
    once rather than deadlock (the busy handler is not called). A short retry resolves it.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    delay = 0.01
    while True:
        try:
            async with connection.execute("PRAGMA journal_mode = WAL") as cursor:
                row = await cursor.fetchone()
            mode = str(row[0]).lower() if row else ""
            if mode == "wal":
                return
            problem = f"it stayed in {mode!r} journal mode"
        except sqlite3.OperationalError as error:
            if "locked" not in str(error).lower() and "busy" not in str(error).lower():
                raise
            problem = str(error)
        if time.monotonic() > deadline:
            raise DatabaseBusy(
                f"{path} could not be switched to WAL mode ({problem}): another program holds it; stop it and start again"
            )
        await asyncio.sleep(delay)
        delay = min(delay * 2, 0.2)


async def _probe_write(connection: aiosqlite.Connection, path: Path) -> None:
    """Take the write lock and let it go: a file SQLite opened read-only fails here."""
    try:
        await connection.execute("BEGIN IMMEDIATE")
        await connection.rollback()
    except sqlite3.OperationalError as error:
        if "readonly" in str(error).lower() or "read-only" in str(error).lower():
            raise cannot_write(
                path, f"SQLite opened it read-only ({error})", "make the file and its folder writable by this user"
            ) from None
        raise


async def open_database(path: Path, *, run_migrations: bool = True, check: bool = True) -> Database:
    """Open (creating if needed), check and migrate the database at ``path``.

    The checks (writable file and folder, a bounded ``quick_check``) refuse a database the bot
    could not use, with one line saying what to do, before any member meets the problem.
    """
    try:
        check_is_sqlite(path)
        check_writable(path)
        existed = path.exists() and path.stat().st_size > 0
    except OSError as error:  # a name too long, a path through a file, an I/O error
        raise DatabaseError(
            f"{path} cannot be opened ({error.strerror or error}): point DATABASE_PATH at a file in a folder you can write"
        ) from None
    # The busy timeout is set before the first statement: even switching to WAL may wait for
    # another process that is opening the same new file.
    try:
        # A plain open first: when aiosqlite's fails, its thread outlives the event loop and
        # prints "Event loop is closed" tracebacks at exit.
        await asyncio.to_thread(_try_open, path)
        connection = await aiosqlite.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as error:  # /proc, a file system SQLite cannot lock, ...
        raise DatabaseError(
            f"{path} cannot be opened by SQLite ({error}): point DATABASE_PATH at a file in a folder you can write"
        ) from None
    connection.row_factory = sqlite3.Row
    db = Database(connection, path)
    try:
        await connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # For migration 0035, which fills stories.title_sort for rows stored before it; no index,
        # trigger or view calls it, so a file stays usable by any SQLite client without it.
        await connection.create_function("natural_key", 1, natural_key, deterministic=True)
        if check and existed:
            await quick_check(connection, path)
        if existed:
            await asyncio.to_thread(check_schema, path, advice="point DATABASE_PATH at a new file")
        await enable_wal(connection, path)
        await connection.execute("PRAGMA foreign_keys = ON")
        await connection.execute("PRAGMA synchronous = NORMAL")
        if check:
            await _probe_write(connection, path)
        if run_migrations:
            await migrate(db)
    except sqlite3.DatabaseError as error:
        await connection.close()
        if _is_corruption(error):
            raise damaged(path, error) from error
        if _is_busy(error):
            raise busy(path, error) from None
        refused = storage_refused(error)
        if refused is not None:
            raise refused_at_start(path, refused, error) from None
        raise DatabaseError(f"{path} cannot be used as a database: {error}") from error
    except BaseException:
        await connection.close()
        raise
    return db


def _schema(path: Path) -> tuple[int, list[str]]:
    """The file's schema version and its tables (SQLite's own left out), read without writing."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as connection:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        rows = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
            "ORDER BY name"
        ).fetchall()
    return version, [str(row[0]) for row in rows]


def check_schema(path: Path, *, advice: str) -> None:
    """Refuse another program's database before anything is written to it: Dogear would add its
    tables beside the other program's and switch the file to WAL. A file without tables is new.

    A damaged file, or one SQLite cannot read, is refused in one line as well.
    """
    try:
        version, tables = _schema(path)
    except sqlite3.DatabaseError as error:
        if _is_corruption(error):
            raise damaged(path, error) from None
        raise DatabaseError(f"{path} cannot be read by SQLite ({error}); {advice}") from None
    if not tables or (version > 0 and DOGEAR_TABLES.issubset(tables)):
        return
    examples = [clip(" ".join(name.split()), 40) for name in tables if name not in DOGEAR_TABLES][:NAMED_TABLES]
    named = ", ".join(f"`{name}`" for name in examples or tables[:NAMED_TABLES])
    raise DatabaseError(
        f"{path} is another program's SQLite database (it has tables such as {named} and no Dogear schema); {advice}"
    )


def _try_open(path: Path) -> None:
    sqlite3.connect(path).close()


def _is_corruption(error: BaseException) -> bool:
    text = str(error).lower()
    return "malformed" in text or "corrupt" in text or "not a database" in text


def _integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` of a file opened read-only: "ok" or the first problem.

    A file SQLite cannot open at all (rather than a damaged one) raises ``DatabaseError``.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as connection:
            row = connection.execute("PRAGMA integrity_check(1)").fetchone()
    except sqlite3.DatabaseError as error:
        if _is_corruption(error):
            return str(error)
        raise DatabaseError(f"{path} cannot be read by SQLite ({error}); no backup was written") from None
    return str(row[0]) if row else "ok"


async def backup(source: Path, target: Path) -> None:
    """A checked, consistent copy through SQLite's online backup, safe while the bot is running.

    The source is checked first (a damaged database is not copied as if it were fine), the
    copy is written under a temporary name, checked with ``integrity_check`` and only then
    renamed to ``target``: a failure never leaves a half-written or unchecked backup behind.
    """
    try:
        check_is_sqlite(source)
        if not source.exists():
            raise DatabaseError(f"{source} does not exist; there is nothing to back up")
        if source.stat().st_size == 0:  # SQLite reads an empty file as an empty database
            raise DatabaseError(f"{source} is empty, no Dogear database; there is nothing to back up")
        if target.exists() or target.is_symlink():
            raise DatabaseError(f"{target} already exists; choose a new file name")
        wal = is_wal(source)
    except OSError as error:  # a name too long, a path through a file
        name = target if error.filename == str(target) else source
        raise DatabaseError(
            f"{name} cannot be used ({error.strerror or error}): choose a shorter or other path"
        ) from None
    folder = source.parent
    if wal and not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseError(
            f"the folder {folder} is not writable, and SQLite needs to create {source.name}-shm there to read "
            "a database in WAL mode, even to copy it: make the folder writable by this user, "
            "or copy the database's files to a writable folder and back up the copy"
        )
    problem = await asyncio.to_thread(_integrity, source)
    if problem != "ok":
        raise DatabaseError(
            f"{source} is damaged ({first_problem(problem)}); no backup was written. "
            "Restore an earlier backup, or recover it with sqlite3's .recover command"
        )
    await asyncio.to_thread(
        check_schema, source, advice="no backup was written: point DATABASE_PATH at Dogear's database"
    )
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseError(
            f"cannot create the backup folder {folder} ({error.strerror}): choose another place"
        ) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise DatabaseError(f"the backup folder {folder} is not writable: choose another place, or make it writable")
    # A short name of its own, not the target's plus a suffix: a target name that just fits
    # (250 characters) would make the partial name too long for the file system.
    partial = folder / f".dogear-backup-{os.getpid()}.partial"
    try:
        async with aiosqlite.connect(source) as src, aiosqlite.connect(partial) as dst:
            await src.backup(dst)
            # The copy is one self-contained file, whatever the source's journal mode.
            await dst.execute("PRAGMA journal_mode = DELETE")
        problem = await asyncio.to_thread(_integrity, partial)
        if problem != "ok":
            raise DatabaseError(
                f"the copy of {source} failed its integrity check ({first_problem(problem)}); no backup was written"
            )
        partial.rename(target)
    except OSError as error:
        raise DatabaseError(
            f"could not write the backup {target} ({error.strerror or error}): choose another place"
        ) from None
    except sqlite3.Error as error:
        raise DatabaseError(f"could not write the backup {target} ({error}): choose another place") from None
    finally:
        for leftover in (partial, Path(f"{partial}-journal"), Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            with contextlib.suppress(OSError):  # the cleanup never hides the line that says what failed
                leftover.unlink(missing_ok=True)


async def move_chapter_rows(
    tx: aiosqlite.Connection, table: str, guild_id: int, story_id: int, moves: Mapping[int, int], *,
    updated_at: float | None = None,
) -> None:  # fmt: skip
    """The story's rows of ``table`` (one of Dogear's tables with a ``chapter`` column) moved from
    each old chapter number to its new one, inside the caller's transaction: every row goes to its
    new number plus ``SHIFT_ROOM`` first, then all come down, so no row is moved twice and no unique
    key collides midway (chapter 3 to 4 while 4 still waits to go to 5). ``updated_at`` stamps the
    rows moved, for a table that keeps one."""
    stamp = "" if updated_at is None else ", updated_at = ?"
    extra = () if updated_at is None else (updated_at,)
    steps = [(new + SHIFT_ROOM, *extra, guild_id, story_id, old) for old, new in moves.items() if new != old]
    if not steps:
        return
    await tx.executemany(
        f"UPDATE {table} SET chapter = ?{stamp} WHERE guild_id = ? AND story_id = ? AND chapter = ?", steps
    )
    await tx.execute(
        f"UPDATE {table} SET chapter = chapter - ? WHERE guild_id = ? AND story_id = ? AND chapter >= ?",
        (SHIFT_ROOM, guild_id, story_id, SHIFT_ROOM),
    )
