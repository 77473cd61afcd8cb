"""How a post's stop is logged: by what stopped it.

Discord refusing the post, or its channel deleted (an admin's ordinary doing), is the admin's to read
and no error in the log. The disk or the database file refusing a write (here a real SQLite file made
read-only with ``PRAGMA query_only``: SQLite answers SQLITE_READONLY, as for a file whose mount turned
read-only) is an error whoever runs the bot must see, in one line naming the post, not a traceback.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

import pytest

from bot.db import Database
from bot.errors import UserError
from bot.shards import ShardScope
from tests.excerpts.conftest import CHANNEL, FakeChannels, FakePoster, SimulatedCrash, add_test_story, request
from tests.excerpts.test_service import Make

READ_ONLY = "could not save: the database is read-only"


class ThenPoster(FakePoster):
    """Discord takes the third message; right after, ``then`` happens (the channel deleted, the file read-only)."""

    def __init__(self, world: FakeChannels, then: Any) -> None:
        super().__init__(world)
        self.then = then

    async def send(self, *args: Any, **kwargs: Any) -> int:
        sent = await super().send(*args, **kwargs)
        if self.sends == 3:
            await self.then()
        return sent


def errors(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.levelno >= logging.ERROR]


async def read_only(db: Database) -> None:
    await db.fetch_all("PRAGMA query_only = 1")


@pytest.mark.parametrize("how", ["deleted", "forbidden"])
async def test_a_post_stopped_by_an_admins_doing_logs_no_error(
    db: Database, world: FakeChannels, make_service: Make, caplog: pytest.LogCaptureFixture, how: str
) -> None:
    """The channel deleted, or the bot's permission taken away, in the middle of the post."""
    story_id = await add_test_story(db)

    async def then() -> None:
        getattr(world, how).add(CHANNEL)

    with caplog.at_level(logging.INFO), pytest.raises(UserError) as stopped:
        await make_service().post_chapter(request(world, story_id, 2), ThenPoster(world, then))
    assert "stopped after 3 of" in str(stopped.value), stopped.value
    assert errors(caplog) == [], [record.getMessage() for record in errors(caplog)]


async def test_a_post_whose_record_the_file_refuses_logs_one_error_line_naming_it(
    db: Database, world: FakeChannels, make_service: Make, caplog: pytest.LogCaptureFixture
) -> None:
    """It was an INFO line: whoever runs the bot learned of the refused write only from the command's
    answer, or not at all when the failure could be recorded."""
    story_id = await add_test_story(db)
    with caplog.at_level(logging.INFO), pytest.raises(sqlite3.OperationalError):
        await make_service().post_chapter(request(world, story_id, 2), ThenPoster(world, lambda: read_only(db)))
    said = [record for record in errors(caplog) if record.name == "bot.excerpts.service"]
    assert [record.getMessage().split(": ", 1)[1] for record in said] == [
        f"{READ_ONLY} (attempt to write a readonly database)"
    ], [record.getMessage() for record in said]
    assert said[0].getMessage().startswith("post 1 (chapter 2 of story ")
    assert not any(record.exc_info for record in caplog.records)


async def test_a_resumed_post_the_file_refuses_logs_lines_not_a_traceback(
    db: Database, world: FakeChannels, make_service: Make, caplog: pytest.LogCaptureFixture
) -> None:
    """After a crash, the resume meets the file read-only: it logged "resuming post 1 failed" with a
    traceback, as for a bug."""
    story_id = await add_test_story(db)
    with pytest.raises(SimulatedCrash):
        await make_service().post_chapter(request(world, story_id, 2), FakePoster(world, crash_after=5))
    await read_only(db)
    with caplog.at_level(logging.INFO):
        await make_service().resume_unfinished(FakePoster(world), ShardScope())
    said = [record.getMessage() for record in errors(caplog)]
    assert said and all("could not save" in line for line in said), said
    assert not any(record.exc_info for record in caplog.records), said


async def test_marking_a_stopped_post_failed_that_goes_wrong_is_logged_as_a_bug(
    db: Database, world: FakeChannels, make_service: Make, caplog: pytest.LogCaptureFixture
) -> None:
    """The channel deleted mid-post, then marking the post failed refused by something that is no
    storage state (a trigger's constraint, as a bug in a migration would be): that was one INFO line,
    so whoever runs the bot never learned the post was left unrecorded. The admin is still told where
    it stopped."""
    story_id = await add_test_story(db)
    await db.execute(
        "CREATE TRIGGER test_post_jobs_refused BEFORE UPDATE OF state ON post_jobs"
        " BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END"
    )

    async def then() -> None:
        world.deleted.add(CHANNEL)

    with caplog.at_level(logging.INFO), pytest.raises(UserError) as stopped:
        await make_service().post_chapter(request(world, story_id, 2), ThenPoster(world, then))
    assert "stopped after 3 of" in str(stopped.value), stopped.value
    said = [record for record in errors(caplog) if record.name == "bot.excerpts.service"]
    assert len(said) == 1 and said[0].exc_info, [record.getMessage() for record in errors(caplog)]
    assert "post 1 (chapter 2 of story " in said[0].getMessage(), said[0].getMessage()
    assert "could not be marked failed" in said[0].getMessage(), said[0].getMessage()
