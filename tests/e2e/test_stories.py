"""``/story``: add, list, info, remove, the way admins and members use them."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest

from bot.devtools.double import permissions as P
from bot.devtools.driver import Club
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.store import count_stories, insert_story
from tests.story.builders import ao3_html, generic_epub, two_chapter_work


async def add_sample(club: Club, sample_story: Path):
    replies = await club.slash("story add", member=club.admin, file=sample_story)
    return replies[-1]


async def test_admin_adds_a_story_and_sees_its_warnings(club: Club, sample_story: Path) -> None:
    reply = await add_sample(club, sample_story)
    assert reply.ephemeral
    text = reply.text
    assert "Added **The Lamp at Gull Point**" in text
    assert "4 chapters" in text and "words" in text
    assert "Grief" in text and "↳ ch." in text  # a warning with its evidence
    assert await club.run(count_stories(club.bot.db, club.guild.id)) == 1


async def test_same_story_twice_is_reported_not_duplicated(club: Club, sample_story: Path) -> None:
    await add_sample(club, sample_story)
    again = await add_sample(club, sample_story)
    assert again.ephemeral
    assert "already in the server as “The Lamp at Gull Point”" in again.text
    assert await club.run(count_stories(club.bot.db, club.guild.id)) == 1


async def test_title_option_overrides(club: Club, sample_story: Path) -> None:
    replies = await club.slash("story add", member=club.admin, file=sample_story, title="Gull Point")
    assert "Added **Gull Point**" in replies[-1].text


async def test_epub_and_ao3_html_uploads(club: Club) -> None:
    replies = await club.slash("story add", member=club.admin, file=("salt.epub", generic_epub()))
    assert "Added **Salt Roads**" in replies[-1].text and "2 chapters" in replies[-1].text
    html = ao3_html(two_chapter_work()).encode()
    replies = await club.slash("story add", member=club.admin, file=("The_Ford.html", html))
    assert "Added **The Ford**" in replies[-1].text and "2 chapters" in replies[-1].text
    assert await club.run(count_stories(club.bot.db, club.guild.id)) == 2


async def test_bad_files_get_one_clear_sentence(club: Club) -> None:
    png = ("story.txt", b"\x89PNG\r\n\x1a\n" + bytes(64))
    replies = await club.slash("story add", member=club.admin, file=png)
    assert replies[-1].ephemeral and "PNG image, not a story" in replies[-1].text
    replies = await club.slash("story add", member=club.admin, file=("empty.txt", b""))
    assert "empty" in replies[-1].text
    replies = await club.slash("story add", member=club.admin, file=("note.txt", b"A/N: on hiatus, sorry!"))
    assert "only an author's note" in replies[-1].text
    assert await club.run(count_stories(club.bot.db, club.guild.id)) == 0


async def test_members_cannot_add_or_remove(club: Club, sample_story: Path) -> None:
    replies = await club.slash("story add", member=club.member, file=sample_story)
    assert replies[-1].ephemeral and "Manage Server" in replies[-1].text
    assert await club.run(count_stories(club.bot.db, club.guild.id)) == 0
    await add_sample(club, sample_story)
    replies = await club.slash("story remove", member=club.member, story="The Lamp at Gull Point")
    assert "Manage Server" in replies[-1].text
    assert await club.run(count_stories(club.bot.db, club.guild.id)) == 1


async def test_list_info_and_autocomplete(club: Club, sample_story: Path) -> None:
    empty = await club.slash("story list", member=club.member)
    assert "library is empty" in empty[0].text
    await add_sample(club, sample_story)
    listed = await club.slash("story list", member=club.member)
    assert "The Lamp at Gull Point" in listed[0].text and "4 ch." in listed[0].text
    choices = await club.autocomplete("story info", "story", "gull", member=club.member)
    assert len(choices) == 1 and choices[0]["name"].startswith("The Lamp at Gull Point")
    info = await club.slash("story info", member=club.member, story=choices[0]["value"])
    assert info[0].ephemeral
    assert "Chapter 1: The Last Ferry" in info[0].text and "Grief" in info[0].text
    missing = await club.slash("story info", member=club.member, story="99999")
    assert "No story in this server's library matches" in missing[0].text
    too_far = await club.slash("story list", member=club.member, page=5)
    assert "only 1 page of" in too_far[0].text


async def test_two_stories_of_one_title_are_told_apart_in_every_story_menu(club: Club) -> None:
    """Two versions of a story with the same title and length showed as two identical choices, and
    typing the title was refused as matching several: the menu now names each one's author (then its
    id, as `/story list` does, where the authors are alike too), and the choice picks it by id."""
    for translator in ("Ana", "Bo"):
        text = f"Title: Twin\nAuthor: {translator}\n\n# Chapter 1\n\nOne by {translator}.\n\n# Chapter 2\n\nTwo.\n"
        await club.slash("story add", member=club.admin, file=(f"twin-{translator}.md", text.encode()))
    await club.slash("story add", member=club.admin, options={"title": "Twine", "chapters": 2})
    for command in ("progress set", "excerpt read", "story info", "warnings report"):
        choices = await club.autocomplete(command, "story", "twin", member=club.member)
        names = {c["value"]: c["name"] for c in choices}
        assert len(names) == 3 and len(set(names.values())) == 3, names
        twins = [value for value, name in names.items() if name.startswith("Twin by")]
        assert sorted(names[value] for value in twins) == ["Twin by Ana · 2 ch.", "Twin by Bo · 2 ch."], names
        assert "Twine · 2 ch." in names.values()  # a name no other story shares stays as it was
    listed = await club.slash("story list", member=club.member)
    assert all(f"id {value}" in listed[0].text for value in twins)


async def test_a_title_two_stories_share_is_refused_with_the_ids_that_pick_each(club: Club) -> None:
    """Typing a title two stories share was refused with "pick one from the list" alone, which a member
    typing (or whose menu shows both) cannot act on: the answer now names both ids and how to give one."""
    for translator in ("Ana", "Bo"):
        text = f"Title: Twin\nAuthor: {translator}\n\n# Chapter 1\n\nOne by {translator}.\n\n# Chapter 2\n\nTwo.\n"
        await club.slash("story add", member=club.admin, file=(f"twin-{translator}.md", text.encode()))
    await club.slash("story add", member=club.admin, options={"title": "Twine", "chapters": 2})
    ids = sorted(int(c["value"]) for c in await club.autocomplete("story info", "story", "twin", member=club.member))
    [refused] = await club.slash("progress set", member=club.member, story="twin", chapter=1)
    # Both named with what tells them apart (session 38: the ids alone sent the member to /story list).
    assert refused.ephemeral and "2 stories are titled “twin”: **Twin** by Ana (id " in refused.text, refused.text
    named = sorted(int(n) for n in re.findall(r"\(id (\d+), 2 chapters\)", refused.text))
    assert named == ids[:2] and "**Twin** by Bo (id " in refused.text  # the exact title's two
    [saved] = await club.slash("progress set", member=club.member, story=str(named[1]), chapter=1)
    assert "Saved: you have read up to chapter 1" in saved.text


async def test_remove_needs_confirmation(club: Club, sample_story: Path) -> None:
    await add_sample(club, sample_story)
    await club.slash("progress set", member=club.member, story="The Lamp at Gull Point", chapter=2)
    progress_sql = "SELECT count(*) FROM reading_progress WHERE guild_id = ?"
    assert await club.run(club.bot.db.fetch_value(progress_sql, (club.guild.id,))) == 1
    asked = await club.slash("story remove", member=club.admin, story="The Lamp at Gull Point")
    assert asked[0].ephemeral and asked[0].labels == ["Remove", "Cancel"]
    await club.click(asked[0], "Cancel", member=club.admin)
    assert await club.run(count_stories(club.bot.db, club.guild.id)) == 1
    asked = await club.slash("story remove", member=club.admin, story="The Lamp at Gull Point")
    done = await club.click(asked[0], "Remove", member=club.admin)
    assert "Removed **The Lamp at Gull Point**" in done[-1].text
    assert await club.run(count_stories(club.bot.db, club.guild.id)) == 0
    for table in ("chapters", "reading_progress", "story_scans"):
        rows = await club.run(
            club.bot.db.fetch_value(f"SELECT count(*) FROM {table} WHERE guild_id = ?", (club.guild.id,))
        )
        assert rows == 0, table


async def test_autocomplete_over_a_thousand_stories_is_limited_and_ranked(club: Club) -> None:
    async def fill() -> None:
        async with club.bot.db.transaction() as tx:
            for index in range(1000):
                story = Story(
                    StoryMeta(title=f"Story {index:04d} of the Harbour"),
                    [Chapter(1, None, [Scene([f"Text {index}."])])],
                    "txt",
                )
                await insert_story(tx, club.guild.id, story, content_hash=f"h{index}", added_by=1, now=0.0)

    await club.run(fill())
    choices = await club.autocomplete("story info", "story", "", member=club.member)
    assert len(choices) == 25
    choices = await club.autocomplete("story info", "story", "story 0999", member=club.member)
    assert [c["name"] for c in choices] == ["Story 0999 of the Harbour · 1 ch."]
    listed = await club.slash("story list", member=club.member, page=100)
    assert "page 100 of 100" in listed[0].text


def _view_timeout_tasks() -> int:
    """discord.py's per-view timeout tasks still pending on the bot's loop."""
    return sum(
        1
        for task in asyncio.all_tasks()
        if not task.done() and "timeout_task_impl" in getattr(task.get_coro(), "__qualname__", "")
    )


async def test_unanswered_confirmations_and_forms_end_with_the_bot(club: Club, sample_story: Path) -> None:
    """Closing the bot stops every pending view, so shutdown never leaves 'Task was destroyed' behind.

    A removal's confirmation holds no view at all (its buttons are persistent), only the form does.
    """

    async def pending() -> int:
        return _view_timeout_tasks()

    before = await club.run(pending)
    await add_sample(club, sample_story)
    asked = await club.slash("story remove", member=club.admin, story="The Lamp at Gull Point")
    assert asked[0].labels == ["Remove", "Cancel"]
    [form] = await club.slash("discussion prompts", member=club.admin)
    assert form.modal is not None
    assert await club.run(pending) == before + 1  # the form, left unanswered
    await club.restart()
    assert await club.run(pending) == 0


async def test_remove_confirmation_still_answers_after_a_restart(club: Club, sample_story: Path) -> None:
    """The Remove / Cancel buttons stay on the admin's screen across a restart; a press must still be answered."""
    await add_sample(club, sample_story)
    kept = await club.slash("story remove", member=club.admin, story="The Lamp at Gull Point")
    asked = await club.slash("story remove", member=club.admin, story="The Lamp at Gull Point")
    twice = await club.slash("story remove", member=club.admin, story="The Lamp at Gull Point")
    await club.restart()
    cancelled = await club.click(kept[0], "Cancel", member=club.admin)
    assert "Nothing was removed" in cancelled[-1].text
    assert await club.run(count_stories(club.bot.db, club.guild.id)) == 1
    done = await club.click(asked[0], "Remove", member=club.admin)
    assert "Removed **The Lamp at Gull Point**" in done[-1].text
    assert await club.run(count_stories(club.bot.db, club.guild.id)) == 0
    again = await club.click(twice[0], "Remove", member=club.admin)
    assert "already removed" in again[-1].text


async def test_an_old_confirmation_never_removes_the_story_that_took_its_id(club: Club, sample_story: Path) -> None:
    """SQLite would give a removed story's id to the next story added (migration 0012 stops it):
    an old Remove must not reach the newer story."""
    await add_sample(club, sample_story)
    ids = "SELECT group_concat(id) FROM stories WHERE guild_id = ?"
    first = await club.run(club.bot.db.fetch_value(ids, (club.guild.id,)))
    old = await club.slash("story remove", member=club.admin, story="The Lamp at Gull Point")
    asked = await club.slash("story remove", member=club.admin, story="The Lamp at Gull Point")
    await club.click(asked[0], "Remove", member=club.admin)
    await club.clock.advance(60)
    await add_sample(club, sample_story)
    assert await club.run(club.bot.db.fetch_value(ids, (club.guild.id,))) != first  # never the same id again
    stale = await club.click(old[0], "Remove", member=club.admin)
    assert "already removed" in stale[-1].text
    assert await club.run(count_stories(club.bot.db, club.guild.id)) == 1


async def test_after_a_restart_only_the_asking_admin_with_manage_server_can_remove(
    club: Club, sample_story: Path
) -> None:
    await add_sample(club, sample_story)
    asked = await club.slash("story remove", member=club.admin, story="The Lamp at Gull Point")
    await club.restart()
    remove = next(b["custom_id"] for b in asked[0].buttons if b["label"] == "Remove")
    # The confirmation is the asking admin's ephemeral message: only a modified client reaches it.
    other_admin = await club.forge_press(remove, member=club.owner)
    assert other_admin[-1].ephemeral and "Only the admin who asked" in other_admin[-1].text
    await club.set_role_permissions(club.admin_role, P.MANAGE_MESSAGES)  # the admin lost Manage Server since
    refused = await club.click(asked[0], "Remove", member=club.admin)
    assert "Manage Server" in refused[-1].text
    assert await club.run(count_stories(club.bot.db, club.guild.id)) == 1


async def test_removing_a_story_removes_its_discussions_and_their_events(club: Club, sample_story: Path) -> None:
    await add_sample(club, sample_story)
    scheduled = await club.slash(
        "discussion schedule",
        member=club.admin,
        story="The Lamp at Gull Point",
        chapter=2,
        when="in 3 days",
        event=True,
        channel=club.text_channel,
    )
    assert "event was created" in scheduled[-1].text and len(club.events) == 1
    asked = await club.slash("story remove", member=club.admin, story="The Lamp at Gull Point")
    done = await club.click(asked[0], "Remove", member=club.admin)
    assert "Removed **The Lamp at Gull Point**" in done[-1].text
    await club.settle()
    assert club.events == []
    sql = "SELECT count(*) FROM discussions WHERE guild_id = ?"
    assert await club.run(club.bot.db.fetch_value(sql, (club.guild.id,))) == 0


ODD_VALUES = ["²", "1" * 23, "9" * 19, "-3", "0", "   ", "١٢", "**bold** ||x|| @everyone <@1>", "x" * 300]


async def test_odd_story_values_get_a_clear_private_answer(club: Club, sample_story: Path) -> None:
    """Issue 12: "²", a 23-digit id and other odd values: a short private answer, never an error."""
    await add_sample(club, sample_story)
    for value in ODD_VALUES:
        for command, member in (("story info", club.member), ("story remove", club.admin)):
            replies = await club.slash(command, member=member, story=value)
            reply = replies[-1]
            assert reply.ephemeral, (command, value)
            assert "Something went wrong" not in reply.text, (command, value)
            assert "No story in this server's library matches" in reply.text or "Pick a story" in reply.text
            assert not reply.message.pinged_everyone and not reply.message.pinged_users
            assert "**bold**" not in reply.text and "||x||" not in reply.text
        choices = await club.autocomplete("story info", "story", value.strip()[:100], member=club.member)
        assert isinstance(choices, list), value
    assert await club.run(count_stories(club.bot.db, club.guild.id)) == 1


async def test_a_story_over_max_chapters_is_refused_with_the_count(club: Club) -> None:
    chapters = club.bot.settings.max_chapters + 1
    text = "".join(f"Chapter {n}\n\nThe river ran on, page after page.\n\n" for n in range(1, chapters + 1))
    replies = await club.slash("story add", member=club.admin, file=("long.txt", text.encode()))
    assert replies[-1].ephemeral
    assert f"has {chapters:,} chapters" in replies[-1].text and "MAX_CHAPTERS" in replies[-1].text
    assert await club.run(count_stories(club.bot.db, club.guild.id)) == 0


async def test_an_import_past_its_time_limit_gets_a_clear_private_answer(
    club: Club, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bench.bench_budgets import markdown_emphasis
    from bot.story import service

    monkeypatch.setattr(service, "PARSE_SECONDS", 0.001)
    replies = await club.slash("story add", member=club.admin, file=markdown_emphasis(3_000_000))
    assert replies[-1].ephemeral
    assert "Reading the story file took longer than 0.001 seconds, so I stopped it." in replies[-1].text
    assert await club.run(count_stories(club.bot.db, club.guild.id)) == 0


async def test_hostile_metadata_never_hides_an_import_or_turns_its_lines_around(club: Club) -> None:
    """A title of thousands of characters with a right-to-left override, and an author's warnings line
    of hundreds of tags: the admin still reads what was added, members still read the chapters, and
    no line is shown backwards."""
    tags = ", ".join(f"tag number {n} <@&{n}>" for n in range(400))
    text = f"Title: \u202e{'Long ' * 2000}\nAuthor: \u2066{'Name ' * 500}\nWarnings: {tags}\n\n" + "".join(
        f"Chapter {n}: \u202eHarbour\n\n{'The tide came in over the flats. ' * 30}\n\n" for n in (1, 2)
    )
    added = (await club.slash("story add", member=club.admin, file=("tides.txt", text.encode())))[-1]
    assert added.ephemeral and added.text.startswith("Added **Long Long") and "2 chapters" in added.text
    assert "Declared by the author, not matched to a warning: " in added.text
    story_id = added.text.split("(story id ")[1].split(",")[0]
    info = (await club.slash("story info", member=club.member, story=story_id))[-1]
    # The id says what it is for, in both answers (a bare "(id 2)" did not).
    assert f"(story id {story_id}, for commands)" in added.text and f"(story id {story_id}, for commands)" in info.text
    assert "`  1` Chapter 1: Harbour" in info.text and "`  2` Chapter 2: Harbour" in info.text
    assert "Author's own warnings: Warnings\\: tag number 0 " in info.text
    choices = await club.autocomplete("story info", "story", "long", member=club.member)
    assert choices and choices[0]["name"].startswith("Long Long")
    for shown in (added.text, info.text, choices[0]["name"]):
        assert not any(ch in shown for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert not info.message.pinged_roles and not added.message.pinged_roles


async def test_story_info_marks_each_chapter_not_read_for_warnings(club: Club) -> None:
    """The add answer points here when the chapters not read are too many to name: each is marked."""
    from tests.warnings.test_language import FRENCH

    english = "She ran for the train, and she was late, and the rain came down on all of them."
    text = "Chapter 1\n\n" + "\n\n".join(FRENCH) + "\n\nChapter 2\n\n" + "\n\n".join([english] * 4) + "\n"
    added = await club.slash("story add", member=club.admin, file=("melange.txt", text.encode()))
    assert "Not in English, so not read for warnings: chapter 1." in added[-1].text, added[-1].text
    info = (await club.slash("story info", member=club.member, story="melange"))[0].text
    lines = {line.split("`")[1].strip(): line for line in info.splitlines() if line.startswith("`")}
    assert lines["1"].endswith("· not read for warnings (not in English)"), info
    assert "not read" not in lines["2"]
