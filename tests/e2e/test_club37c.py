"""Club admins' and members' slips of the session-37 probe, third round, answered through the Discord double.

Each test is a command whose answer left out what the member needed: a later date of a plan moved by the
clocks without a word, a refusal naming one chapter of several, "tonight 1am" refused, a quote changed.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

from bot.devtools.driver import Club
from bot.discussions.phrases import show_date
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.store import add_story
from tests.e2e.test_discussions import a_story, stored, utc_text
from tests.e2e.test_mistakes34 import private_and_short
from tests.e2e.test_nominations import nominate, set_club_channel, start_vote


def spring_forward_after(club: Club, days: int) -> date:
    """The first last Sunday of March (Europe's clocks go forward at 02:00 that night) more than ``days`` ahead."""
    today = club.clock.now().date()
    for year in (today.year, today.year + 1, today.year + 2):
        last = date(year, 3, 31)
        sunday = last - timedelta(days=(last.weekday() + 1) % 7)
        if sunday > today + timedelta(days=days):
            return sunday
    raise AssertionError("no spring-forward night within two years")


async def test_a_plan_says_the_clocks_moved_a_later_date_and_keeps_the_time_typed_on_the_others(club: Club) -> None:
    story = await a_story(club, "The Weekly Gap", chapters=4)
    night = spring_forward_after(club, 9)
    await club.slash("config set", member=club.admin, timezone="Europe/Berlin")
    [answer] = await club.slash(
        "discussion plan",
        member=club.admin,
        story=str(story),
        start=f"{night - timedelta(days=7):%Y-%m-%d} 02:30",
        every="weekly",
        channel=club.text_channel,
    )
    assert f"02:30 does not exist on Sunday {night.day} March {night.year} in Europe/Berlin" in answer.text, answer.text
    assert "scheduled for 03:30." in answer.text, answer.text
    assert answer.text.count("does not exist") == 1, answer.text
    planned = sorted((d for d in await stored(club) if d.story_title == "The Weekly Gap"), key=lambda d: d.chapter)
    # Winter time (UTC+1) the week before, then 03:30 summer time on the night, then 02:30 summer time (UTC+2).
    assert [f"{d.due_at:%m-%d %H:%M}" for d in planned] == [
        f"{night - timedelta(days=7):%m-%d} 01:30",
        f"{night:%m-%d} 01:30",
        f"{night + timedelta(days=7):%m-%d} 00:30",
        f"{night + timedelta(days=14):%m-%d} 00:30",
    ]


async def test_a_plan_starting_in_the_gap_keeps_the_time_typed_after_it(club: Club) -> None:
    story = await a_story(club, "The Gap Start", chapters=3)
    night = spring_forward_after(club, 2)
    await club.slash("config set", member=club.admin, timezone="Europe/Berlin")
    [answer] = await club.slash(
        "discussion plan",
        member=club.admin,
        story=str(story),
        start=f"{night:%Y-%m-%d} 02:30",
        every="daily",
        channel=club.text_channel,
    )
    assert answer.text.count("does not exist") == 1 and "scheduled for 03:30." in answer.text, answer.text
    planned = sorted((d for d in await stored(club) if d.story_title == "The Gap Start"), key=lambda d: d.chapter)
    # Only the night itself lacks 02:30: the days after it are at 02:30 as typed, not 03:30.
    assert [f"{d.due_at:%H:%M}" for d in planned] == ["01:30", "00:30", "00:30"]


async def test_a_plan_refused_for_pending_chapters_names_each_of_them(club: Club) -> None:
    story = await a_story(club, "The Many Pending", chapters=12)
    due = (club.clock.now() + timedelta(days=1)).replace(second=0, microsecond=0)
    for chapter in (3, 4, 7):
        await club.slash(
            "discussion schedule",
            member=club.admin,
            story=str(story),
            chapter=chapter,
            when=utc_text(due + timedelta(hours=chapter)),
            channel=club.text_channel,
        )
    ids = {d.chapter: d.id for d in await stored(club) if d.story_title == "The Many Pending"}
    refusal = private_and_short(
        await club.slash("discussion plan", member=club.admin, story=str(story), start="in 5 days", every="weekly")
    )
    assert "Chapters 3, 4 and 7 of **The Many Pending** already have discussions" in refusal.text, refusal.text
    assert f"**#{ids[3]}**, **#{ids[4]}** and **#{ids[7]}**" in refusal.text, refusal.text
    assert "nothing was planned" in refusal.text and f"`/discussion cancel id:{ids[3]}`" in refusal.text
    assert f"`/discussion move id:{ids[3]}`" in refusal.text, refusal.text
    assert sorted(d.chapter for d in await stored(club) if d.story_title == "The Many Pending") == [3, 4, 7]

    for chapter in (8, 9, 10, 11):
        await club.slash(
            "discussion schedule",
            member=club.admin,
            story=str(story),
            chapter=chapter,
            when=utc_text(due + timedelta(hours=chapter)),
            channel=club.text_channel,
        )
    longer = private_and_short(
        await club.slash("discussion plan", member=club.admin, story=str(story), start="in 5 days", every="weekly")
    )
    # A short list: the first few, then how many more (all of them are in /discussion list).
    assert "Chapters 3, 4, 7, 8, 9 and 2 more of **The Many Pending** already have discussions" in longer.text, (
        longer.text
    )


async def test_tonight_1am_is_the_small_hours_after_tonight_and_the_answer_says_the_date(club: Club) -> None:
    story = await a_story(club, "The Late Night", chapters=2)
    [answer] = await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when="tonight 1am"
    )
    [discussion] = [d for d in await stored(club) if d.story_title == "The Late Night"]
    today = club.clock.now().date()  # the server's zone is UTC
    assert discussion.due_at.date() == today + timedelta(days=1) and f"{discussion.due_at:%H:%M}" == "01:00"
    assert f"1am after {today:%A} night is after midnight, so on {show_date(today + timedelta(days=1))}." in (
        answer.text
    ), answer.text


async def test_an_unclear_reminder_is_quoted_as_the_admin_typed_it(club: Club) -> None:
    story = await a_story(club, "The Capital Reminder", chapters=2)
    refused = private_and_short(
        await club.slash(
            "discussion schedule",
            member=club.admin,
            story=str(story),
            chapter=1,
            when="in 3 days",
            remind="1 Day A Week",
        )
    )
    assert "“1 Day A Week” is unclear" in refused.text, refused.text
    assert not [d for d in await stored(club) if d.story_title == "The Capital Reminder"]


async def library_book(club: Club, title: str, author: str | None) -> int:
    story = Story(
        meta=StoryMeta(title=title, author=author),
        chapters=[Chapter(1, None, [Scene(["The first page."])])],
        source_format="txt",
    )
    digest = hashlib.sha256(f"{club.guild.id}:{title}".encode()).hexdigest()
    return await club.run(add_story(club.bot.db, club.guild.id, story, content_hash=digest, added_by=None, now=0.0))


async def test_a_library_books_author_shows_in_the_nominations_and_the_poll(club: Club) -> None:
    await set_club_channel(club)
    story = await library_book(club, "The Dispossessed", "Ursula K. Le Guin")
    await club.slash("nominate", member=club.member, story=str(story))
    await nominate(club, club.other_member, "kindred")  # not in the library: no author known
    long_title = "The Left Hand of Darkness and Other Tales of the Hainish Cycle"
    await library_book(club, long_title, "Ursula K. Le Guin")
    await nominate(club, club.moderator, long_title)  # a free title that is a library book's is linked to it
    [listing] = await club.slash("nominations", member=club.other_member)
    assert "**The Dispossessed** by Ursula K. Le Guin — nominated by" in listing.text, listing.text
    assert "**kindred** — nominated by" in listing.text, listing.text
    assert f"**{long_title}** by Ursula K. Le Guin — nominated by" in listing.text, listing.text

    poll = await start_vote(club)
    answers = list(club.poll_results(poll))
    # The author whole, the title clipped to leave room for it within a poll answer's 55 characters.
    assert answers[:2] == ["The Dispossessed by Ursula K. Le Guin", "kindred"], answers
    assert answers[2].endswith("… by Ursula K. Le Guin") and len(answers[2]) <= 55, answers
