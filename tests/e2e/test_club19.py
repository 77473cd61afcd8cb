"""Session 48's club19: what a member meets of a chapter's own words and of a discussion whose chapter went."""

from __future__ import annotations

import logging

import pytest

from bot.devtools.driver import Club

UNDERTOW = (
    b"Undertow\nby saltwaterink\n\n"
    b"Chapter 1: The Crossing\n\nMira had run the ferry since she was twelve.\n\n"
    b"Chapter 2: Dry Land\n\nCW for this chapter: drowning.\n\nHe stayed at the ferry house that winter and mended nets.\n\n"
    b"Chapter 3: Thaw\n\nThe river opened in March and the ferry ran again.\n"
)


async def story_id(club: Club) -> str:
    await club.slash("story add", member=club.admin, file=("undertow.txt", UNDERTOW))
    return (await club.autocomplete("story info", "story", "undertow", member=club.member))[0]["value"]


async def test_story_info_marks_a_word_the_author_gave_for_one_chapter_on_that_chapters_line(club: Club) -> None:
    """The author warns of "drowning" (no category matches it) for chapter 2 alone: its excerpt header
    says "The author also warns of: drowning", yet its `/story info` line said nothing, so a member
    looking there for a safe chapter read chapter 2 as one."""
    story = await story_id(club)
    [header, *_] = await club.slash("excerpt read", member=club.member, story=story, chapter=2)
    assert "also warns of: drowning" in header.text.replace("\\", ""), header.text
    [info] = await club.slash("story info", member=club.member, story=story)
    lines = {line.split("`")[1].strip(): line for line in info.text.splitlines() if line.startswith("`")}
    assert "also warns of: drowning" in lines["2"].replace("\\", ""), info.text
    assert "drowning" not in lines["1"] and "drowning" not in lines["3"], info.text
    assert "Every chapter" not in info.text, info.text


SHORTER = UNDERTOW.split(b"Chapter 3: Thaw")[0].rstrip() + b"\n"
WITHOUT_TWO = UNDERTOW.split(b"Chapter 2: Dry Land")[0] + b"Chapter 3: Thaw" + UNDERTOW.split(b"Chapter 3: Thaw")[1]


async def scheduled(club: Club, story: str, chapter: int) -> int:
    """A discussion of the chapter in two days; its id."""
    await club.slash(
        "discussion schedule", member=club.admin, story=story, chapter=chapter, when="in 2 days", remind="none",
        channel=club.text_channel,
    )  # fmt: skip
    [row] = await club.run(
        club.bot.db.fetch_all("SELECT id FROM discussions WHERE guild_id = ? AND chapter = ?", (club.guild.id, chapter))
    )
    return int(row["id"])


async def discussion_rows(club: Club, number: int) -> list[tuple[object, ...]]:
    rows = await club.run(club.bot.db.fetch_all("SELECT * FROM discussions WHERE id = ?", (number,)))
    return [tuple(row) for row in rows]


async def test_discussion_move_of_a_chapter_taken_down_at_the_end_says_so_and_changes_nothing(club: Club) -> None:
    """``/story update`` took chapter 3 down (the story ends at 2 now); its discussion still posts. Moving
    it moved it, to discuss at the new time a chapter the story no longer has, and said nothing of it."""
    story = await story_id(club)
    number = await scheduled(club, story, 3)
    await club.slash(
        "story update", member=club.admin, story=story, file=("undertow.txt", SHORTER), replace_anyway=True
    )
    before = await discussion_rows(club, number)
    [answer] = await club.slash("discussion move", member=club.admin, id=number, when="in 3 days")
    assert answer.ephemeral and answer.text == (
        f"Discussion #{number} is of chapter 3, which `/story update` took out of **Undertow**, so it was not moved:"
        f" schedule one for a chapter it has with `/discussion schedule`, or cancel this one with"
        f" `/discussion cancel id:{number}`."
    ), answer.text
    assert "(s)" not in answer.text
    assert await discussion_rows(club, number) == before


async def test_discussion_move_of_one_cancelled_as_its_chapter_was_taken_out_says_so(club: Club) -> None:
    """Chapter 2 taken out of the middle cancelled its discussion (chapter 3 holds number 2 now): moving it
    answered "to discuss chapter 2 again, schedule a new one", a chapter 2 that is another chapter now."""
    story = await story_id(club)
    number = await scheduled(club, story, 2)
    await club.slash(
        "story update", member=club.admin, story=story, file=("undertow.txt", WITHOUT_TWO), replace_anyway=True
    )
    before = await discussion_rows(club, number)
    [answer] = await club.slash("discussion move", member=club.admin, id=number, when="in 3 days")
    assert answer.ephemeral and answer.text == (
        f"Discussion #{number} was cancelled when `/story update` took its chapter out of **Undertow**, so it was"
        " not moved: schedule one for a chapter it has with `/discussion schedule`."
    ), answer.text
    assert await discussion_rows(club, number) == before


async def test_a_post_the_database_file_refuses_to_record_is_one_error_line_naming_it(
    club: Club, caplog: pytest.LogCaptureFixture
) -> None:
    """The file turns read-only (SQLite answers SQLITE_READONLY, as for a disk remounted read-only) while
    Discord takes the chapter's first message. The admin is told Dogear can't save; the log said only
    "post ... stopped" at INFO and the command's "could not save": now an error line names the post, and
    neither is a traceback."""
    club.allow_log_errors = True  # the refused writes are errors whoever runs the bot must see
    story = await story_id(club)

    async def read_only() -> None:
        await club.bot.db.fetch_all("PRAGMA query_only = 1")

    club.meanwhile("POST /channels/{channel}/messages", read_only, after=True)
    try:
        with caplog.at_level(logging.INFO):
            [answer] = await club.slash(
                "excerpt post", member=club.admin, story=story, chapter=1, options={"channel": club.text_channel}
            )
    finally:
        await club.run(club.bot.db.fetch_all("PRAGMA query_only = 0"))
    assert answer.ephemeral and answer.text.startswith("Dogear can't save right now"), answer.text
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    said = [record.getMessage() for record in errors if record.name == "bot.excerpts.service"]
    assert len(said) == 1 and "stopped: could not save: the database is read-only" in said[0], said
    assert not any(record.exc_info for record in errors), [record.getMessage() for record in errors]
