"""A nomination keeps its library book's author (migration 0033) and the poll's answers show it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from bot.db import load_migrations, migrate, open_database
from bot.nominations import store
from bot.nominations.service import POLL_ANSWER_CHARS, answer_texts
from tests.nominations.conftest import GUILD


def test_an_author_follows_its_title_whole_and_the_title_is_clipped_for_it() -> None:
    long_title = "The Left Hand of Darkness and Other Tales of the Hainish Cycle"
    answers = answer_texts(["Kindred", long_title, "Beloved"], ["Octavia E. Butler", "Ursula K. Le Guin", None])
    assert answers[0] == "Kindred by Octavia E. Butler" and answers[2] == "Beloved"
    assert answers[1].startswith("The Left Hand of Darkness") and answers[1].endswith("… by Ursula K. Le Guin")
    assert all(len(answer) <= POLL_ANSWER_CHARS for answer in answers)


def test_an_author_too_long_for_a_poll_answer_is_left_out_and_two_books_of_one_title_are_told_apart() -> None:
    assert answer_texts(["Emma"], ["A Very Long Collective Name of Several Translators"]) == ["Emma"]
    assert answer_texts(["Emma", "Emma"], ["Jane Austen", "Someone Else"]) == [
        "Emma by Jane Austen",
        "Emma by Someone Else",
    ]


async def test_the_migration_fills_the_author_only_where_no_poll_is_out(tmp_path: Path) -> None:
    migrations = load_migrations()
    db = await open_database(tmp_path / "old.sqlite3", run_migrations=False)
    try:
        await migrate(db, migrations[:32])
        # The row as version 32 held it: today's store writes columns later migrations add.
        await db.execute("INSERT INTO guilds (guild_id, joined_at) VALUES (?, 0)", (GUILD,))
        story_id = await db.execute(
            "INSERT INTO stories (guild_id, title, title_folded, author, chapter_count, content_hash)"
            " VALUES (?, 'Kindred', 'kindred', 'Octavia E. Butler', 1, ?)",
            (GUILD, hashlib.sha256(b"kindred").hexdigest()),
        )
        for state in ("open", "voting"):
            round_id = await db.execute(
                "INSERT INTO nomination_rounds (guild_id, state, opened_at) VALUES (?, ?, 0)", (GUILD, state)
            )
            await db.execute(
                "INSERT INTO nominations (guild_id, round_id, title, title_key, story_id, nominated_by, created_at)"
                " VALUES (?, ?, 'Kindred', 'kindred', ?, 2, 0)",
                (GUILD, round_id, story_id),
            )
        await migrate(db, migrations)
        rows = await db.fetch_all(
            "SELECT r.state, n.author FROM nominations n JOIN nomination_rounds r ON r.id = n.round_id ORDER BY r.id"
        )
        # The voting round's poll was posted without the author: its answers stay as posted.
        assert [(row[0], row[1]) for row in rows] == [("open", "Octavia E. Butler"), ("voting", None)]
        [listed] = await store.list_nominations(db, GUILD, int(await store.open_round_id(db, GUILD) or 0))
        assert listed.author == "Octavia E. Butler"
    finally:
        await db.close()
