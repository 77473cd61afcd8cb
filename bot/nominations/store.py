"""Nomination rounds, nominations and their backers in SQLite: plain SQL, every query scoped by server.

Functions taking ``tx`` run inside the caller's transaction (the service makes each use case
all-or-nothing); functions taking ``db`` read on their own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import aiosqlite

from bot.db import Database, Row
from bot.guilds import ensure_guild

PENDING_STATES = ("voting", "ended")
_ROUND_COLUMNS = (
    "id, guild_id, state, opened_at, channel_id, message_id, started_by, ends_at, results, announcement_id,"
    " attempts, problem, notice"
)
# When the watcher next looks at a pending round: its poll's end (plus grace), at once for a result
# to announce, and never before a retry Discord's refusal put off; a round out of attempts waits for an admin.
# An admin's /vote end asked Discord to end the poll (end_asked_at): due then, not at its planned end.
_DUE_AT = (
    "max(coalesce(retry_at, 0), CASE WHEN state = 'ended' THEN 0 WHEN end_asked_at IS NOT NULL THEN end_asked_at"
    " ELSE ends_at + ? END)"
)
_NOMINATION_COLUMNS = (
    "n.id, n.round_id, n.title, n.title_key, n.story_id, n.nominated_by, n.created_at, n.answer_id, n.author,"
    " (SELECT count(*) FROM nominators b WHERE b.nomination_id = n.id) AS backers"
)


@dataclass(frozen=True, slots=True)
class Round:
    id: int
    guild_id: int
    state: str
    opened_at: float
    channel_id: int | None = None
    message_id: int | None = None
    started_by: int | None = None
    ends_at: float | None = None
    results: dict[int, int] | None = None
    announcement_id: int | None = None
    attempts: int = 0  # tries Discord refused since the round last moved on
    problem: str | None = None  # the last refusal, in words an admin can act on
    notice: str | None = None  # a called-off vote's notice, owed to its channel until it is there


@dataclass(frozen=True, slots=True)
class Nomination:
    id: int
    round_id: int
    title: str
    title_key: str
    story_id: int | None
    nominated_by: int
    created_at: float
    answer_id: int | None = None
    backers: int = 1
    author: str | None = None  # the library book's when it was nominated or linked (migration 0033)


def _round(row: Row) -> Round:
    results = None if row["results"] is None else {int(k): int(v) for k, v in json.loads(row["results"]).items()}
    return Round(
        id=row["id"],
        guild_id=row["guild_id"],
        state=row["state"],
        opened_at=row["opened_at"],
        channel_id=row["channel_id"],
        message_id=row["message_id"],
        started_by=row["started_by"],
        ends_at=row["ends_at"],
        results=results,
        announcement_id=row["announcement_id"],
        attempts=row["attempts"],
        problem=row["problem"],
        notice=row["notice"],
    )


def _nomination(row: Row) -> Nomination:
    return Nomination(
        id=row["id"],
        round_id=row["round_id"],
        title=row["title"],
        title_key=row["title_key"],
        story_id=row["story_id"],
        nominated_by=row["nominated_by"],
        created_at=row["created_at"],
        answer_id=row["answer_id"],
        backers=row["backers"],
        author=row["author"],
    )


async def _one(tx: aiosqlite.Connection, sql: str, params: tuple[object, ...]) -> Row | None:
    async with tx.execute(sql, params) as cursor:
        return await cursor.fetchone()


# ------------------------------------------------------------------------------------- rounds


async def open_round_id(db: Database, guild_id: int) -> int | None:
    return await db.fetch_value("SELECT id FROM nomination_rounds WHERE guild_id = ? AND state = 'open'", (guild_id,))


async def ensure_open_round(tx: aiosqlite.Connection, guild_id: int, now: float) -> int:
    """The server's open round, created when it has none (the first nomination after a vote starts one)."""
    row = await _one(tx, "SELECT id FROM nomination_rounds WHERE guild_id = ? AND state = 'open'", (guild_id,))
    if row is not None:
        return int(row["id"])
    await ensure_guild(tx, guild_id, now)
    cursor = await tx.execute(
        "INSERT INTO nomination_rounds (guild_id, state, opened_at) VALUES (?, 'open', ?)", (guild_id, now)
    )
    return int(cursor.lastrowid or 0)


async def get_round(db: Database, guild_id: int, round_id: int) -> Round | None:
    row = await db.fetch_one(
        f"SELECT {_ROUND_COLUMNS} FROM nomination_rounds WHERE guild_id = ? AND id = ?", (guild_id, round_id)
    )
    return None if row is None else _round(row)


async def pending_vote(db: Database, guild_id: int) -> Round | None:
    """The server's running vote (or ended one whose result is not announced yet)."""
    row = await db.fetch_one(
        f"SELECT {_ROUND_COLUMNS} FROM nomination_rounds WHERE guild_id = ? AND state IN ('voting', 'ended')",
        (guild_id,),
    )
    return None if row is None else _round(row)


async def round_for_message(db: Database, guild_id: int, message_id: int) -> Round | None:
    row = await db.fetch_one(
        f"SELECT {_ROUND_COLUMNS} FROM nomination_rounds WHERE message_id = ? AND guild_id = ?",
        (message_id, guild_id),
    )
    return None if row is None else _round(row)


async def start_voting(
    tx: aiosqlite.Connection,
    guild_id: int,
    round_id: int,
    *,
    channel_id: int,
    message_id: int,
    started_by: int,
    ends_at: float,
    answers: dict[int, int],
) -> bool:
    """Open -> voting with the poll's message and each nomination's answer id; False if the round moved on."""
    cursor = await tx.execute(
        "UPDATE nomination_rounds SET state = 'voting', channel_id = ?, message_id = ?, started_by = ?, ends_at = ?,"
        " poll_posting_at = NULL, poll_posting_channel_id = NULL, poll_posting_by = NULL"
        " WHERE guild_id = ? AND id = ? AND state = 'open'",
        (channel_id, message_id, started_by, ends_at, guild_id, round_id),
    )
    if cursor.rowcount != 1:
        return False
    await tx.executemany(
        "UPDATE nominations SET answer_id = ? WHERE guild_id = ? AND round_id = ? AND id = ?",
        [(answer_id, guild_id, round_id, nomination_id) for nomination_id, answer_id in answers.items()],
    )
    return True


async def end_round(
    tx: aiosqlite.Connection, guild_id: int, round_id: int, results: dict[int, int], now: float
) -> bool:
    """Voting -> ended with Discord's final counts; False when another path got there first."""
    cursor = await tx.execute(
        "UPDATE nomination_rounds SET state = 'ended', results = ?, ended_at = ?, attempts = 0, retry_at = NULL,"
        " problem = NULL"
        " WHERE guild_id = ? AND id = ? AND state = 'voting'",
        (json.dumps({str(k): v for k, v in sorted(results.items())}), now, guild_id, round_id),
    )
    return cursor.rowcount == 1


async def mark_announced(
    tx: aiosqlite.Connection, guild_id: int, round_id: int, announcement_id: int | None, now: float
) -> bool:
    """Ended (or voting, for a poll that vanished) -> announced; False if it already was."""
    cursor = await tx.execute(
        "UPDATE nomination_rounds SET state = 'announced', announcement_id = ?, ended_at = coalesce(ended_at, ?)"
        " WHERE guild_id = ? AND id = ? AND state IN ('voting', 'ended')",
        (announcement_id, now, guild_id, round_id),
    )
    return cursor.rowcount == 1


async def call_off(
    tx: aiosqlite.Connection, guild_id: int, round_id: int, now: float, notice: str | None = None
) -> bool:
    """Voting -> announced with no result and no announcement (its poll is gone), owing ``notice`` to
    its channel (None: nothing to tell); False if it had moved on."""
    cursor = await tx.execute(
        "UPDATE nomination_rounds SET state = 'announced', ended_at = ?, notice = ?, attempts = 0, retry_at = NULL"
        " WHERE guild_id = ? AND id = ? AND state = 'voting'",
        (now, notice, guild_id, round_id),
    )
    return cursor.rowcount == 1


async def notice_told(db: Database, guild_id: int, round_id: int) -> None:
    """The called-off notice is in the channel (or has nowhere to go): nothing is owed any more."""
    await db.execute(
        "UPDATE nomination_rounds SET notice = NULL, retry_at = NULL WHERE guild_id = ? AND id = ?",
        (guild_id, round_id),
    )


async def notice_put_off(db: Database, guild_id: int, round_id: int, retry_at: float | None) -> None:
    """Discord refused the notice: count the try and when to try again (None: no more tries)."""
    await db.execute(
        "UPDATE nomination_rounds SET attempts = attempts + 1, retry_at = ? WHERE guild_id = ? AND id = ?",
        (retry_at, guild_id, round_id),
    )


async def next_notice_at(db: Database, scope: tuple[str, list[int]], max_attempts: int) -> float | None:
    condition, params = scope
    value = await db.fetch_value(
        "SELECT min(coalesce(retry_at, 0)) FROM nomination_rounds"
        f" WHERE notice IS NOT NULL AND attempts < ? AND {condition}",
        (max_attempts, *params),
    )
    return None if value is None else float(value)


async def notices_due(db: Database, scope: tuple[str, list[int]], now: float, max_attempts: int) -> list[Round]:
    condition, params = scope
    rows = await db.fetch_all(
        f"SELECT {_ROUND_COLUMNS} FROM nomination_rounds WHERE notice IS NOT NULL"
        f" AND coalesce(retry_at, 0) <= ? AND attempts < ? AND {condition} ORDER BY id LIMIT 100",
        (now, max_attempts, *params),
    )
    return [_round(row) for row in rows]


async def held_back(
    tx: aiosqlite.Connection, guild_id: int, round_id: int, problem: str, retry_at: float | None
) -> int:
    """Discord refused a step of this pending round: count the try, keep why, and when to try again
    (None: no more tries by the watcher). Returns the tries so far."""
    await tx.execute(
        "UPDATE nomination_rounds SET attempts = attempts + 1, problem = ?, retry_at = ?"
        " WHERE guild_id = ? AND id = ? AND state IN ('voting', 'ended')",
        (problem, retry_at, guild_id, round_id),
    )
    row = await _one(tx, "SELECT attempts FROM nomination_rounds WHERE guild_id = ? AND id = ?", (guild_id, round_id))
    return int(row[0]) if row else 0


@dataclass(frozen=True, slots=True)
class PollPosting:
    """An open round whose poll was being posted when its process stopped (migration 0032)."""

    guild_id: int
    round_id: int
    channel_id: int
    started_by: int


async def poll_posting(db: Database, guild_id: int, round_id: int, *, channel_id: int, by: int, now: float) -> None:
    """Mark the open round before its poll is posted, so a kill before it is recorded is found at the next start."""
    await db.execute(
        "UPDATE nomination_rounds SET poll_posting_at = ?, poll_posting_channel_id = ?, poll_posting_by = ?"
        " WHERE guild_id = ? AND id = ? AND state = 'open'",
        (now, channel_id, by, guild_id, round_id),
    )


async def poll_not_posted(db: Database, guild_id: int, round_id: int) -> None:
    await db.execute(
        "UPDATE nomination_rounds SET poll_posting_at = NULL, poll_posting_channel_id = NULL, poll_posting_by = NULL"
        " WHERE guild_id = ? AND id = ?",
        (guild_id, round_id),
    )


async def polls_left_posting(db: Database, scope: tuple[str, list[int]], *, before: float) -> list[PollPosting]:
    """Open rounds an earlier process marked and never recorded a poll for (a few: a kill leaves them)."""
    condition, params = scope
    rows = await db.fetch_all(
        "SELECT guild_id, id, poll_posting_channel_id, poll_posting_by FROM nomination_rounds"
        f" WHERE state = 'open' AND poll_posting_at < ? AND {condition} ORDER BY id LIMIT 100",
        (before, *params),
    )
    return [PollPosting(row[0], row[1], row[2], row[3]) for row in rows]


async def end_asked(db: Database, guild_id: int, round_id: int, *, now: float) -> None:
    """An admin's /vote end is about to end the poll: the round is due for the watcher from now on."""
    await db.execute(
        "UPDATE nomination_rounds SET end_asked_at = coalesce(end_asked_at, ?) WHERE guild_id = ? AND id = ?"
        " AND state = 'voting'",
        (now, guild_id, round_id),
    )


async def next_pending_at(
    db: Database, scope: tuple[str, list[int]], grace: float, max_attempts: int = 1_000_000
) -> float | None:
    """When the watcher must next look: a poll's end (plus grace), now for an unannounced result,
    or a refused round's retry; rounds with ``max_attempts`` refusals are left to an admin."""
    condition, params = scope
    value = await db.fetch_value(
        f"SELECT min({_DUE_AT}) FROM nomination_rounds"
        f" WHERE state IN ('voting', 'ended') AND attempts < ? AND {condition}",
        (grace, max_attempts, *params),
    )
    return None if value is None else float(value)


async def due_rounds(
    db: Database, scope: tuple[str, list[int]], now: float, grace: float, max_attempts: int = 1_000_000
) -> list[Round]:
    condition, params = scope
    rows = await db.fetch_all(
        f"SELECT {_ROUND_COLUMNS} FROM nomination_rounds WHERE state IN ('voting', 'ended')"
        f" AND {_DUE_AT} <= ? AND attempts < ? AND {condition} ORDER BY ends_at, id LIMIT 100",
        (grace, now, max_attempts, *params),
    )
    return [_round(row) for row in rows]


# ------------------------------------------------------------------------------------- nominations


async def nomination_by_key(tx: aiosqlite.Connection, round_id: int, title_key: str) -> Nomination | None:
    row = await _one(
        tx, f"SELECT {_NOMINATION_COLUMNS} FROM nominations n WHERE n.round_id = ? AND n.title_key = ?",
        (round_id, title_key),
    )  # fmt: skip
    return None if row is None else _nomination(row)


async def backed_by(tx: aiosqlite.Connection, round_id: int, user_id: int) -> Nomination | None:
    """The nomination this member backs in this round, if any."""
    row = await _one(
        tx,
        f"SELECT {_NOMINATION_COLUMNS} FROM nominators m JOIN nominations n ON n.id = m.nomination_id"
        " WHERE m.round_id = ? AND m.user_id = ?",
        (round_id, user_id),
    )
    return None if row is None else _nomination(row)


async def count_nominations(tx: aiosqlite.Connection, round_id: int) -> int:
    row = await _one(tx, "SELECT count(*) FROM nominations WHERE round_id = ?", (round_id,))
    return int(row[0]) if row else 0


async def insert_nomination(
    tx: aiosqlite.Connection,
    guild_id: int,
    round_id: int,
    *,
    title: str,
    title_key: str,
    story_id: int | None,
    user_id: int,
    now: float,
    author: str | None = None,
) -> int:
    cursor = await tx.execute(
        "INSERT INTO nominations (guild_id, round_id, title, title_key, story_id, nominated_by, created_at, author)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (guild_id, round_id, title, title_key, story_id, user_id, now, author),
    )
    return int(cursor.lastrowid or 0)


async def link_story(
    tx: aiosqlite.Connection,
    guild_id: int,
    nomination_id: int,
    story_id: int,
    *,
    title: str | None = None,
    author: str | None = None,
) -> None:
    """The nomination names this library story; with ``title``, it takes the story's spelling (same title
    key), and with ``author``, the story's author (one it has already is kept otherwise)."""
    await tx.execute(
        "UPDATE nominations SET story_id = ?, title = coalesce(?, title), author = coalesce(?, author)"
        " WHERE guild_id = ? AND id = ?",
        (story_id, title, author, guild_id, nomination_id),
    )


async def back(
    tx: aiosqlite.Connection, guild_id: int, round_id: int, user_id: int, nomination_id: int, now: float
) -> None:
    """This member now backs this nomination (replacing the one they backed before in the round)."""
    await tx.execute(
        "INSERT INTO nominators (round_id, user_id, nomination_id, guild_id, created_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (round_id, user_id) DO UPDATE SET nomination_id = excluded.nomination_id,"
        " created_at = excluded.created_at",
        (round_id, user_id, nomination_id, guild_id, now),
    )


async def drop_if_unbacked(tx: aiosqlite.Connection, guild_id: int, nomination_id: int, *, now: float) -> bool:
    """Drop a nomination nobody backs any more (its one backer nominated another), recorded as gone."""
    backed = await tx.execute_fetchall(
        "SELECT 1 FROM nominators WHERE nomination_id = ? LIMIT 1", (nomination_id,)
    )  # fmt: skip
    if list(backed):
        return False
    return await _record_gone(tx, guild_id, None, nomination_id, "replaced", now)


async def _record_gone(
    tx: aiosqlite.Connection, guild_id: int, round_id: int | None, nomination_id: int, how: str, now: float
) -> bool:
    """Delete a nomination, keeping what it was in ``gone_nominations`` while its round is open (a
    second take-out says it went, not "not one of this round's"); the server's rows of other rounds go."""
    scope = "" if round_id is None else " AND round_id = ?"
    params = (guild_id, nomination_id) if round_id is None else (guild_id, nomination_id, round_id)
    rows = list(
        await tx.execute_fetchall(
            f"SELECT round_id, title, title_key, author FROM nominations WHERE guild_id = ? AND id = ?{scope}", params
        )
    )
    if not rows:
        return False
    gone_round, title, key, author = rows[0]
    await tx.execute("DELETE FROM nominations WHERE guild_id = ? AND id = ?", (guild_id, nomination_id))
    await tx.execute("DELETE FROM gone_nominations WHERE guild_id = ? AND round_id <> ?", (guild_id, gone_round))
    await tx.execute(
        "INSERT OR REPLACE INTO gone_nominations"
        " (guild_id, round_id, nomination_id, title, title_key, author, how, gone_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (guild_id, gone_round, nomination_id, title, key, author, how, now),
    )
    return True


@dataclass(frozen=True, slots=True)
class Gone:
    """A nomination that left the open round: ``how`` "withdrawn" (an admin) or "replaced" (its one
    backer nominated another book), ``at`` when."""

    title: str
    author: str | None
    how: str
    at: float


async def gone_nomination(
    db: Database, guild_id: int, round_id: int, *, nomination_id: int | None, key: str
) -> Gone | None:
    """The latest nomination of this round that went, by its id (a menu's pick) or else its title's key."""
    by = "nomination_id = ?" if nomination_id is not None else "title_key = ?"
    row = await db.fetch_one(
        f"SELECT title, author, how, gone_at FROM gone_nominations WHERE guild_id = ? AND round_id = ? AND {by}"
        " ORDER BY gone_at DESC LIMIT 1",
        (guild_id, round_id, nomination_id if nomination_id is not None else key),
    )
    return None if row is None else Gone(row[0], row[1], row[2], row[3])


async def delete_nomination(
    tx: aiosqlite.Connection, guild_id: int, round_id: int, nomination_id: int, *, now: float
) -> bool:
    """An admin's take-out (``/vote withdraw``), recorded as gone (:func:`_record_gone`)."""
    return await _record_gone(tx, guild_id, round_id, nomination_id, "withdrawn", now)


async def return_nominations(tx: aiosqlite.Connection, guild_id: int, from_round: int, to_round: int) -> None:
    """A called-off vote's nominations go back to the open round, with their backers.

    A member who nominated something in the open round meanwhile keeps that newer nomination (a
    second replaces the first); a title already nominated there gains the vote's other backers.
    What is left behind stays with the called-off round as its record.
    """
    rounds = (guild_id, from_round, to_round)
    await tx.execute(
        "DELETE FROM nominators WHERE guild_id = ?1 AND round_id = ?2"
        " AND user_id IN (SELECT user_id FROM nominators WHERE round_id = ?3)",
        rounds,
    )
    await tx.execute(
        "UPDATE nominators SET round_id = ?3, nomination_id = (SELECT o.id FROM nominations o"
        "  JOIN nominations v ON v.title_key = o.title_key WHERE o.round_id = ?3 AND v.id = nominators.nomination_id)"
        " WHERE guild_id = ?1 AND round_id = ?2 AND nomination_id IN (SELECT v.id FROM nominations v"
        "  JOIN nominations o ON o.title_key = v.title_key AND o.round_id = ?3 WHERE v.round_id = ?2)",
        rounds,
    )
    await tx.execute(
        "UPDATE nominations SET round_id = ?3, answer_id = NULL WHERE guild_id = ?1 AND round_id = ?2"
        " AND title_key NOT IN (SELECT title_key FROM nominations WHERE round_id = ?3)"
        " AND EXISTS (SELECT 1 FROM nominators b WHERE b.nomination_id = nominations.id)",
        rounds,
    )
    await tx.execute("UPDATE nominators SET round_id = ?3 WHERE guild_id = ?1 AND round_id = ?2", rounds)


async def list_nominations(db: Database, guild_id: int, round_id: int) -> list[Nomination]:
    """A round's nominations, oldest first, with how many members back each."""
    rows = await db.fetch_all(
        f"SELECT {_NOMINATION_COLUMNS} FROM nominations n WHERE n.guild_id = ? AND n.round_id = ?"
        " ORDER BY n.created_at, n.id",
        (guild_id, round_id),
    )
    return [_nomination(row) for row in rows]


async def get_nomination(db: Database, guild_id: int, nomination_id: int) -> Nomination | None:
    row = await db.fetch_one(
        f"SELECT {_NOMINATION_COLUMNS} FROM nominations n WHERE n.guild_id = ? AND n.id = ?", (guild_id, nomination_id)
    )
    return None if row is None else _nomination(row)
