"""Session 46's club18: what ``/story info`` says of every chapter."""

from __future__ import annotations

from bot.devtools.driver import Club

UNDERTOW = (
    b"Undertow\nby saltwaterink\n\nWarnings: drowning\n\n"
    b"Chapter 1: The Crossing\n\nMira had run the ferry since she was twelve.\n\n"
    b"Chapter 2: Dry Land\n\nHe stayed at the ferry house that winter and mended nets.\n"
)


async def test_story_info_every_chapter_line_gives_the_authors_own_words(club: Club) -> None:
    """The author warns of "drowning", which no category matches: every chapter's header says "The
    author also warns of: drowning", yet ``/story info`` had no "Every chapter" line at all, so a
    member reading the chapter lines for a safe chapter found none of it."""
    await club.slash("story add", member=club.admin, file=("undertow.txt", UNDERTOW))
    story = (await club.autocomplete("story info", "story", "undertow", member=club.member))[0]["value"]
    [info] = await club.slash("story info", member=club.member, story=story)
    every = [line for line in info.text.splitlines() if line.startswith("Every chapter: ⚠️")]
    assert every and "also warns of: drowning" in every[0].replace("\\", ""), info.text
    assert info.text.index("Every chapter") < info.text.index("`  1` Chapter 1")


async def test_a_post_stopped_by_a_refused_write_does_not_hold_up_story_remove(club: Club) -> None:
    """The database refused every change to the post (its message's record, then marking it failed),
    as on a full disk: the post stayed "posting" in the file, and ``/story remove`` answered "being
    posted right now" until the bot restarted."""
    club.allow_log_errors = True  # a refusal not of the disk's own code is logged as unexpected
    await club.slash("story add", member=club.admin, file=("undertow.txt", UNDERTOW))
    story = (await club.autocomplete("story info", "story", "undertow", member=club.member))[0]["value"]
    await club.run(club.bot.db.execute("CREATE TABLE test_disk_full (full INTEGER)"))
    await club.run(
        club.bot.db.execute(
            "CREATE TRIGGER test_post_jobs_full BEFORE UPDATE ON post_jobs"
            " WHEN EXISTS (SELECT 1 FROM test_disk_full) BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
        )
    )
    await club.run(club.bot.db.execute("INSERT INTO test_disk_full VALUES (1)"))
    try:
        options = {"story": story, "chapter": 1, "channel": club.text_channel}
        [answer] = await club.slash("excerpt post", member=club.admin, options=options)
        assert "stopped after 0 of" in answer.text, answer.text
        [question] = await club.slash("story remove", member=club.admin, story=story)
        await club.click(question, "Remove", member=club.admin)
        assert question.message is not None and question.message.content.startswith("Removed **"), question.message
    finally:  # the club's database is every later test's too: the refusal must not outlive this one
        await club.run(club.bot.db.execute("DROP TRIGGER test_post_jobs_full"))
        await club.run(club.bot.db.execute("DROP TABLE test_disk_full"))
