"""Club admins' and members' slips of the session-37 probe, second round, answered through the Discord double.

Each test is a command that was taken without a word where the member needed one: a time the clocks skip
shifted silently, a chapter scheduled twice, a warning already shown "added" again, a story file of a
title the library has.
"""

from __future__ import annotations

from datetime import date, timedelta

from bot.devtools.driver import Club
from bot.progress.store import mark_read, set_hidden
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.store import insert_story, search_stories
from bot.warnings.service import overrides
from tests.e2e.test_discussions import a_story, advance, bot_posts, stored, utc_text
from tests.e2e.test_mistakes34 import private_and_short


def next_spring_forward(club: Club) -> date:
    """The next last Sunday of March (Europe's clocks go forward at 02:00 that night) still ahead."""
    today = club.clock.now().date()
    for year in (today.year, today.year + 1):
        last = date(year, 3, 31)
        sunday = last - timedelta(days=(last.weekday() + 1) % 7)
        if sunday > today + timedelta(days=1):
            return sunday
    raise AssertionError("no spring-forward night within a year")


async def test_a_time_the_clocks_skip_is_scheduled_an_hour_on_and_the_answer_says_so(club: Club) -> None:
    story = await a_story(club, "The Skipped Hour")
    night = next_spring_forward(club)
    await club.slash("config set", member=club.admin, timezone="Europe/Berlin")
    [answer] = await club.slash(
        "discussion schedule",
        member=club.admin,
        story=str(story),
        chapter=1,
        when=f"{night:%Y-%m-%d} 02:30",
        channel=club.text_channel,
    )
    assert f"02:30 does not exist on Sunday {night.day} March {night.year} in Europe/Berlin" in answer.text, answer.text
    assert "scheduled for 03:30." in answer.text
    [discussion] = [d for d in await stored(club) if d.story_title == "The Skipped Hour"]
    assert f"{discussion.due_at:%H:%M}" == "01:30"  # 03:30 in Berlin's summer time (UTC+2)

    [moved] = await club.slash(
        "discussion move", member=club.admin, id=discussion.id, when=f"{night + timedelta(days=7):%Y-%m-%d} 02:30"
    )
    assert "does not exist" not in moved.text, moved.text  # a week later, 02:30 is on the clock
    [back] = await club.slash("discussion move", member=club.admin, id=discussion.id, when=f"{night:%Y-%m-%d} 2:15am")
    assert "02:15 does not exist" in back.text and "scheduled for 03:15." in back.text, back.text


async def test_a_chapter_scheduled_twice_is_refused_naming_the_first_until_it_is_posted(club: Club) -> None:
    story = await a_story(club, "The Twice Told Tale")
    due = (club.clock.now() + timedelta(hours=2)).replace(second=0, microsecond=0)
    await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when=utc_text(due), remind="none"
    )
    [first] = [d for d in await stored(club) if d.story_title == "The Twice Told Tale"]
    refusal = private_and_short(
        await club.slash(
            "discussion schedule",
            member=club.admin,
            story=str(story),
            chapter=1,
            when=utc_text(due + timedelta(days=3)),
            channel=club.text_channel,
        )
    )
    assert f"Chapter 1 of **The Twice Told Tale** already has a discussion: **#{first.id}**" in refusal.text
    assert f"<t:{int(due.timestamp())}:F>" in refusal.text and "nothing was added" in refusal.text, refusal.text
    assert f"`/discussion move id:{first.id}`" in refusal.text
    planned = private_and_short(
        await club.slash("discussion plan", member=club.admin, story=str(story), start="in 5 days", every="weekly")
    )
    assert f"**#{first.id}**" in planned.text and "nothing was planned" in planned.text, planned.text
    assert [d.id for d in await stored(club) if d.story_title == "The Twice Told Tale"] == [first.id]

    await advance(club, timedelta(hours=2, minutes=1))  # the first is posted: the chapter may be discussed again
    [again] = await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when=utc_text(due + timedelta(days=3))
    )
    assert "is scheduled for" in again.text, again.text


async def test_adding_a_warning_every_chapter_already_shows_says_so_and_changes_nothing(club: Club) -> None:
    """ "The old farmer died." shows **Death** (detected) on the story's one chapter: adding it relabelled it
    "added by an admin" and answered "added". A warning the author declared for the story is the same."""
    story_id = await warnings_story(club, "Snowfield", ["The old farmer died."])
    [answer] = await club.slash("warnings story", member=club.admin, story=str(story_id), add="death")
    assert "**Death** (`death`) is already shown on every chapter, so nothing was added" in answer.text, answer.text
    assert "added **Death**" not in answer.text and "added by an admin" not in answer.text
    assert await club.run(overrides(club.bot.db, club.guild.id, story_id)) == {}

    # Shown on one chapter of two: adding it shows it on every chapter, a change, and says "added".
    two = await warnings_story(club, "Snowfield Again", ["The old farmer died.", "They ate pancakes."])
    [added] = await club.slash("warnings story", member=club.admin, story=str(two), add="death")
    assert "added **Death** (`death`)" in added.text, added.text
    # A possible warning (not shown to members) is still added by an admin, as confirming it would.
    [possible] = await club.slash("warnings story", member=club.admin, story=str(two), add="blood-gore")
    assert "added **Blood" in possible.text, possible.text


async def warnings_story(club: Club, title: str, chapters: list[str]) -> int:
    story = Story(StoryMeta(title), [Chapter(n, None, [Scene([text])]) for n, text in enumerate(chapters, 1)], "txt")

    async def go() -> int:
        async with club.bot.db.transaction() as tx:
            return await insert_story(tx, club.guild.id, story, content_hash=title, added_by=1, now=0.0)

    return await club.run(go)


async def test_a_reminder_names_only_members_reading_the_story(club: Club) -> None:
    """A member who never started the story (progress on another one only, or hidden and reading another)
    was named "not caught up" in its reminder: Dogear cannot know they mean to read it."""
    story = await a_story(club, "The Named Few")
    other = await a_story(club, "Somebody Else's Book")
    db, guild = club.bot.db, club.guild.id
    await club.run(mark_read(db, guild, club.member.id, story, 1, now=0))  # reading it, behind
    await club.run(mark_read(db, guild, club.other_member.id, other, 3, now=0))  # never started it
    await club.run(mark_read(db, guild, club.moderator.id, other, 1, now=0))
    await club.run(set_hidden(db, guild, club.moderator.id, True, now=0))  # hidden, never started it
    due = (club.clock.now() + timedelta(hours=2)).replace(second=0, microsecond=0)
    await club.slash(
        "discussion schedule",
        member=club.admin,
        story=str(story),
        chapter=2,
        when=utc_text(due),
        remind="1h",
        channel=club.text_channel,
    )
    await advance(club, timedelta(hours=1))
    [reminder] = [post for post in bot_posts(club, club.text_channel) if "The Named Few" in post.text]
    assert club.member.mention() in reminder.text, reminder.text
    assert club.other_member.mention() not in reminder.text and "hidden" not in reminder.text, reminder.text
    assert reminder.message.pinged_users == {club.member.id}


async def test_a_story_file_titled_as_a_library_story_is_refused_saying_to_update_or_retitle(club: Club) -> None:
    """A second file of "The Harbour Light" (a new draft, so another hash) was added beside the first: two
    stories members could not tell apart. A book without a file of that title was refused already."""
    first = b"# The Harbour Light\n\n## Chapter 1\n\nThe light turned all night.\n"
    [added] = await club.slash("story add", member=club.admin, file=("harbour.md", first))
    assert "The Harbour Light" in added.text, added.text
    [story] = await club.run(search_stories(club.bot.db, club.guild.id, "harbour light"))
    draft = first + b"\n## Chapter 2\n\nMorning came grey.\n"
    for options in ({"file": ("harbour2.md", draft)}, {"file": ("other.md", b"Rain.\n"), "title": "the harbour LIGHT"}):
        refusal = private_and_short(await club.slash("story add", member=club.admin, **options))
        assert "already in the server as “The Harbour Light”" in refusal.text, refusal.text
        assert f"(story id {story.id}, for commands)" in refusal.text and "nothing was added" in refusal.text
        assert "`/story update`" in refusal.text and "`title:`" in refusal.text
    assert len(await club.run(search_stories(club.bot.db, club.guild.id, "harbour"))) == 1

    [retitled] = await club.slash("story add", member=club.admin, file=("harbour2.md", draft), title="Harbour Light II")
    assert "Harbour Light II" in retitled.text and "already" not in retitled.text, retitled.text


async def test_parts_of_the_day_and_reminders_as_admins_wrote_them(club: Club) -> None:
    """ "saturday evening 7" was "ambiguous", "saturday night 1am" "not in the night", and "remind:1 day a week"
    made two reminders, a day and a week before."""
    story = await a_story(club, "The Evening Tale", chapters=3)
    [evening] = await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when="saturday evening 7"
    )
    [first] = [d for d in await stored(club) if d.story_title == "The Evening Tale"]
    assert f"{first.due_at:%H:%M}" == "19:00" and first.due_at.weekday() == 5, evening.text

    [night] = await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=2, when="saturday night 1am"
    )
    [second] = [d for d in await stored(club) if d.story_title == "The Evening Tale" and d.chapter == 2]
    assert f"{second.due_at:%H:%M}" == "01:00" and second.due_at.weekday() == 6, night.text
    assert f"1am after Saturday night is after midnight, so on Sunday {second.due_at.day} " in night.text, night.text

    refused = private_and_short(
        await club.slash(
            "discussion schedule",
            member=club.admin,
            story=str(story),
            chapter=3,
            when="in 3 days",
            remind="1 day a week",
        )
    )
    assert "“1 day a week” is unclear" in refused.text, refused.text
    assert not [d for d in await stored(club) if d.story_title == "The Evening Tale" and d.chapter == 3]
