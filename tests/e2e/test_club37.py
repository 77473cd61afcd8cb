"""Club admins' and members' slips found by the session-37 probe, answered through the Discord double.

Each test is a command whose answer claimed something that did not happen (a setting "cleared" that was
never set), or that let a duplicate in, or that did work nobody asked for.
"""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.devtools.driver import Club
from bot.discussions import store
from bot.guilds import get_settings
from bot.story.store import search_stories
from bot.warnings import service as warnings_service
from tests.e2e.test_discussions import a_story, advance, bot_posts, stored, utc_text
from tests.e2e.test_mistakes34 import private_and_short


async def test_clearing_a_setting_that_is_not_set_says_there_is_nothing_to_clear(club: Club) -> None:
    answer = private_and_short(await club.slash("config clear", member=club.admin, setting="club_channel"))
    assert "nothing to clear" in answer.text and "Cleared" not in answer.text, answer.text
    answer = private_and_short(await club.slash("config clear", member=club.admin, setting="timezone"))
    assert answer.text == "Time zone: UTC already, so there is nothing to clear.", answer.text
    answer = private_and_short(await club.slash("config clear", member=club.admin, setting="date_order"))
    assert answer.text == "Numeric dates: not set, so there is nothing to clear.", answer.text

    await club.slash("config set", member=club.admin, club_channel=club.text_channel)
    [cleared] = await club.slash("config clear", member=club.admin, setting="club_channel")
    assert "Cleared the club channel" in cleared.text
    settings = await club.run(get_settings(club.bot.db, club.guild.id))
    assert settings.club_channel_id is None


async def test_a_rule_phrase_in_another_letter_case_is_refused_as_a_duplicate(club: Club) -> None:
    """Phrases match whatever their case, so "Perished at Sea" is the rule "perished at sea" again."""
    added = await club.slash("warnings rules add", member=club.admin, category="death", pattern="perished at sea")
    assert "Added rule #" in added[-1].text, added[-1].text
    again = private_and_short(
        await club.slash("warnings rules add", member=club.admin, category="death", pattern="Perished  AT sea")
    )
    assert "already exists as #" in again.text, again.text
    rules = await club.run(warnings_service.list_rules(club.bot.db, club.guild.id))
    assert [rule.pattern for rule in rules] == ["perished at sea"]


async def test_a_book_titled_as_a_library_story_is_refused_unless_its_author_differs(club: Club) -> None:
    """The library's "The Lamp at Gull Point" (a file by Ann Lee) and a book of that title without an author
    were two stories members could not tell apart in every list."""
    [added] = await club.slash(
        "story add", member=club.admin, title="The Lamp at Gull Point", chapters=4, author="Ann Lee"
    )
    assert "Added **The Lamp at Gull Point**" in added.text
    for author in (None, "ann  LEE"):
        options = {"author": author} if author else {}
        refusal = private_and_short(
            await club.slash("story add", member=club.admin, title="the lamp at gull point", chapters=9, **options)
        )
        assert "already in the server as “The Lamp at Gull Point” by “Ann Lee”" in refusal.text, refusal.text
        assert "nothing was added" in refusal.text
        if author is None:
            assert "`author:`" in refusal.text  # another book of the same title is added with its author
    assert len(await club.run(search_stories(club.bot.db, club.guild.id, "gull point"))) == 1

    [other] = await club.slash(
        "story add", member=club.admin, title="The Lamp at Gull Point", chapters=9, author="Bo Strand"
    )
    assert "Added **The Lamp at Gull Point** by Bo Strand" in other.text, other.text
    assert len(await club.run(search_stories(club.bot.db, club.guild.id, "gull point"))) == 2

    imported = await a_story(club, "The Quiet Harbour")  # a story file, no author in it
    refusal = private_and_short(await club.slash("story add", member=club.admin, title="THE QUIET HARBOUR", chapters=3))
    assert f"(story id {imported}, for commands)" in refusal.text and "nothing was added" in refusal.text


async def test_nominating_a_library_book_uses_the_library_spelling(club: Club) -> None:
    """A title typed in lower case was nominated, listed and put in the poll as typed, beside the library's
    "The Left Hand of Darkness"; the library's title (and its author) are what members read now."""
    await club.slash(
        "story add", member=club.admin, title="The Left Hand of Darkness", chapters=20, author="Ursula K. Le Guin"
    )
    [answer] = await club.slash("nominate", member=club.member, title="the left hand of  darkness")
    assert "You nominated **The Left Hand of Darkness** by Ursula K. Le Guin (it is in the library)" in answer.text, (
        answer.text
    )
    # A title nominated before the library had it takes the library's spelling once it is linked.
    [early] = await club.slash("nominate", member=club.other_member, title="station eleven")
    assert "**station eleven**" in early.text
    await club.slash("story add", member=club.admin, title="Station Eleven", chapters=12)
    [merged] = await club.slash("nominate", member=club.moderator, title="STATION ELEVEN")
    assert "**Station Eleven** was already nominated" in merged.text, merged.text
    [listing] = await club.slash("nominations", member=club.member)
    assert "**The Left Hand of Darkness**" in listing.text and "**Station Eleven**" in listing.text, listing.text
    assert "station eleven" not in listing.text and "left hand of darkness" not in listing.text


async def test_moving_a_discussion_to_the_time_it_has_changes_nothing_and_pings_nobody(club: Club) -> None:
    """The move rewrote the row and, members having had a reminder, told them all of the "new" time again."""
    story = await a_story(club, "The Unmoved Tale")
    due = (club.clock.now() + timedelta(days=2)).replace(second=0, microsecond=0)
    await club.slash(
        "discussion schedule",
        member=club.admin,
        story=str(story),
        chapter=1,
        when=utc_text(due),
        remind="1d",
        channel=club.text_channel,
    )
    [discussion] = [d for d in await stored(club) if d.story_title == "The Unmoved Tale"]
    await advance(club, timedelta(days=1, minutes=5))  # the day-before reminder is posted
    posts = len(bot_posts(club, club.text_channel))
    assert posts == 1, [post.text for post in bot_posts(club, club.text_channel)]
    reminders = await club.run(reminder_rows(club, discussion.id))

    answer = private_and_short(
        await club.slash("discussion move", member=club.admin, id=discussion.id, when=utc_text(due))
    )
    assert f"Discussion #{discussion.id} is already at that time" in answer.text, answer.text
    assert f"<t:{int(due.timestamp())}:F>" in answer.text
    await advance(club, timedelta(minutes=5))
    assert len(bot_posts(club, club.text_channel)) == posts  # no "moved" reminder
    after = await club.run(store.get_discussion(club.bot.db, club.guild.id, discussion.id))
    assert after.due_at == due and after.state == "scheduled"
    assert await club.run(reminder_rows(club, discussion.id)) == reminders  # none re-created or added

    # Asked for an event it lacks, it gets one, and still stays as it was.
    [with_event] = await club.slash(
        "discussion move", member=club.admin, id=discussion.id, when=utc_text(due), event=True
    )
    assert "at that time already" in with_event.text and "event was created" in with_event.text, with_event.text
    assert [event.start for event in club.events] == [due.isoformat()]
    assert await club.run(reminder_rows(club, discussion.id)) == reminders


async def reminder_rows(club: Club, discussion_id: int) -> list[tuple]:
    rows = await club.bot.db.fetch_all(
        "SELECT * FROM discussion_reminders WHERE guild_id = ? AND discussion_id = ? ORDER BY rowid",
        (club.guild.id, discussion_id),
    )
    return [tuple(row) for row in rows]


async def test_times_rhythms_and_reminders_as_admins_write_them(club: Club) -> None:
    story = await a_story(club, "The Written Tale")
    asked = private_and_short(
        await club.slash("discussion schedule", member=club.admin, story=str(story), chapter=1, when="saturday evening")
    )
    assert "Add a time of day" in asked.text and "`saturday 7pm`" in asked.text, asked.text
    refused = private_and_short(
        await club.slash(
            "discussion schedule", member=club.admin, story=str(story), chapter=1, when="tmrw 7pm", remind="none,1h"
        )
    )
    assert "`none` means no reminders" in refused.text, refused.text
    assert not [d for d in await stored(club) if d.story_title == "The Written Tale"]

    [scheduled] = await club.slash(
        "discussion schedule",
        member=club.admin,
        story=str(story),
        chapter=1,
        when="in 3 days at 7pm",
        remind="a day",
        channel=club.text_channel,
    )
    [discussion] = [d for d in await stored(club) if d.story_title == "The Written Tale"]
    assert discussion.due_at.hour == 19 and discussion.remind == (timedelta(days=1),), scheduled.text

    friday = "friday 19:00" if club.clock.now().weekday() != 4 else "next friday 19:00"
    monday = "monday 19:00"
    wrong_day = private_and_short(
        await club.slash(
            "discussion plan", member=club.admin, story=str(story), start=monday, every="every Friday", from_chapter=2
        )
    )
    assert "not a Friday" in wrong_day.text, wrong_day.text
    [planned] = await club.slash(
        "discussion plan",
        member=club.admin,
        story=str(story),
        start=friday,
        every="every Friday",
        from_chapter=2,
        channel=club.text_channel,
    )
    assert "every Friday" in planned.text, planned.text
    later = sorted(d.due_at for d in await stored(club) if d.story_title == "The Written Tale" and d.chapter > 1)
    assert len(later) == 3 and all(moment.weekday() == 4 for moment in later)


async def test_an_offset_typed_as_the_time_zone_offers_zones_at_that_offset(club: Club) -> None:
    """ "GMT+1" offered Etc/GMT+1 (which is UTC-01:00: Etc names count the other way) and Etc/GMT+10 to +12."""
    now = club.clock.now()
    for typed, hours in (("GMT+1", 1), ("UTC-5", -5), ("utc+05:30", 5.5)):
        offered = await club.autocomplete("config set", "timezone", typed, member=club.admin)
        assert offered, typed
        for choice in offered:
            offset = now.astimezone(ZoneInfo(choice["value"])).utcoffset()
            assert offset == timedelta(hours=hours), (typed, choice)
            assert f"UTC{'+' if hours >= 0 else '-'}" in choice["name"], choice
    europe = [c["value"] for c in await club.autocomplete("config set", "timezone", "GMT+1", member=club.admin)]
    assert "Etc/GMT+1" not in europe and "Etc/GMT-1" in europe
    [saved] = await club.slash("config set", member=club.admin, timezone=europe[-1])
    assert "Saved." in saved.text


async def test_choosing_the_reminder_setting_already_chosen_says_it_is_unchanged(club: Club) -> None:
    [first] = await club.slash("prefs reminders", member=club.member, dm=True)
    assert first.text.startswith("Saved."), first.text
    for options in ({"dm": True}, {"off": False}, {"dm": True, "off": False}):
        again = private_and_short(await club.slash("prefs reminders", member=club.member, **options))
        assert again.text.startswith("Unchanged: you had chosen that already.") and "Saved" not in again.text, (
            again.text
        )
        assert "private DM copy" in again.text  # and what the choices are
    [off] = await club.slash("prefs reminders", member=club.member, off=True)
    assert off.text.startswith("Saved.") and "**off**" in off.text
