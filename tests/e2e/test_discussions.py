"""``/discussion`` through the Discord double: scheduling, posting on time, threads, events, failures."""

from __future__ import annotations

import hashlib
import itertools
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.devtools.double import permissions as P
from bot.devtools.driver import Club, CommandNotVisible
from bot.discussions import store
from bot.guilds import get_settings, update_settings
from bot.progress.store import mark_read
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.store import add_story


async def a_story(club: Club, title: str = "The Lamp at Gull Point", chapters: int = 4) -> int:
    story = Story(
        meta=StoryMeta(title=title),
        chapters=[Chapter(n, None, [Scene([f"The lamp burned on, night {n}."])]) for n in range(1, chapters + 1)],
        source_format="txt",
    )
    digest = hashlib.sha256(f"{club.guild.id}:{title}".encode()).hexdigest()
    return await club.run(add_story(club.bot.db, club.guild.id, story, content_hash=digest, added_by=None, now=0.0))


def utc_text(moment: datetime) -> str:
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


def cog(club: Club):
    return club.bot.get_cog("DiscussionCog")


async def settle(club: Club) -> None:
    await club.run(cog(club).service.wait_idle())
    await club.settle()


async def advance(club: Club, delta: timedelta) -> None:
    await club.clock.advance(delta)
    await settle(club)


async def stored(club: Club) -> list[store.Discussion]:
    return await club.run(store.list_discussions(club.bot.db, club.guild.id, now=club.clock.now(), limit=100))


def bot_posts(club: Club, channel) -> list:
    return club.messages(channel, include_replies=False)


async def test_schedule_posts_once_at_the_time_with_reminder_and_private_thread(club: Club) -> None:
    story = await a_story(club)
    await club.run(mark_read(club.bot.db, club.guild.id, club.member.id, story, 2, now=0))
    await club.run(mark_read(club.bot.db, club.guild.id, club.other_member.id, story, 1, now=0))
    due = (club.clock.now() + timedelta(days=2)).replace(second=0, microsecond=0)

    replies = await club.slash(
        "discussion schedule",
        member=club.admin,
        story=str(story),
        chapter=2,
        when=utc_text(due),
        channel=club.text_channel,
    )
    [answer] = replies
    assert answer.ephemeral
    stamp = int(due.timestamp())
    assert f"<t:{stamp}:F>" in answer.text and f"<t:{stamp}:R>" in answer.text
    [discussion] = await stored(club)

    await advance(club, timedelta(days=1))  # the 24 h reminder
    [reminder] = bot_posts(club, club.text_channel)
    assert club.other_member.mention() in reminder.text and club.member.mention() not in reminder.text
    assert reminder.message.pinged_users == {club.other_member.id}

    await advance(club, timedelta(hours=23))  # the 1 h reminder
    await advance(club, timedelta(minutes=59))
    assert len(bot_posts(club, club.text_channel)) == 2
    await advance(club, timedelta(minutes=1))
    posts = bot_posts(club, club.text_channel)
    assert len(posts) == 3
    post = posts[-1]
    assert f"Discussion #{discussion.id}" in post.text and "The Lamp at Gull Point" in post.text
    assert "1 member has read this chapter" in post.text
    assert not post.message.pinged_roles and not post.message.pinged_everyone and not post.message.pinged_users
    [thread] = [t for t in club.threads if t.parent_id == club.text_channel.id]
    assert thread.type == 12  # private: access follows progress
    assert club.member.id in thread.member_ids and club.other_member.id not in thread.member_ids

    await advance(club, timedelta(hours=2))
    assert len(bot_posts(club, club.text_channel)) == 3  # exactly once
    done = await club.run(store.get_discussion(club.bot.db, club.guild.id, discussion.id))
    assert done.state == "posted" and done.thread_id == thread.id

    # Marking the chapter read later opens the thread to that member.
    await club.slash("progress set", member=club.other_member, story=str(story), chapter=2)
    await settle(club)
    assert club.other_member.id in club.channel(thread.id).member_ids


async def test_forum_channel_gets_a_forum_post_and_only_the_club_role_is_pinged(club: Club) -> None:
    story = await a_story(club, "Forum Tale")
    await club.slash("config set", member=club.admin, discussion_channel=club.forum_channel, club_role=club.club_role)
    await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when="in 2 hours", remind="none"
    )
    await advance(club, timedelta(hours=2))
    [post] = [t for t in club.threads if t.parent_id == club.forum_channel.id]
    assert "Forum Tale" in post.name
    [starter] = club.messages(post)
    assert starter.message.pinged_roles == {club.club_role.id}
    assert not starter.message.pinged_everyone and not starter.message.pinged_users


async def test_role_is_not_pinged_without_a_setting(club: Club) -> None:
    story = await a_story(club)
    await club.slash(
        "discussion schedule",
        member=club.admin,
        story=str(story),
        chapter=1,
        when="in 90 minutes",
        remind="none",
        channel=club.general_channel,
    )
    await advance(club, timedelta(minutes=90))
    [post] = bot_posts(club, club.general_channel)
    assert not post.message.pinged_roles and "<@&" not in (post.content or "")


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"when": "2020-01-01 10:00"}, "in the past"),
        ({"when": "whenever it suits"}, "can't read"),
        ({"when": "friday 19:00 Mars/Olympus"}, "not a time zone"),
        ({"when": "in 2 days", "chapter": 9}, "out of range"),
        ({"when": "in 2 days", "remind": "soonish"}, "reminder"),
        ({"when": "0001-01-01 00:00 Asia/Tokyo"}, "not a time I can use"),  # was an OverflowError
    ],
)
async def test_bad_input_is_refused_clearly_and_nothing_is_stored(club: Club, options: dict, expected: str) -> None:
    story = await a_story(club)
    options = {"chapter": 1, **options}
    [answer] = await club.slash("discussion schedule", member=club.admin, story=str(story), **options)
    assert answer.ephemeral and expected in answer.text
    assert await stored(club) == []


async def test_members_without_manage_events_are_refused(club: Club) -> None:
    story = await a_story(club)
    with pytest.raises(CommandNotVisible):
        await club.slash("discussion list", member=club.member)
    club.override_command_permissions("discussion")
    [answer] = await club.slash("discussion schedule", member=club.member, story=str(story), chapter=1, when="in 1 day")
    assert answer.ephemeral and "Manage Events" in answer.text
    assert await stored(club) == []
    [answer] = await club.slash("discussion prompts", member=club.moderator, prompts="Anything?")
    assert "Manage Server" in answer.text
    # A moderator with Manage Events may schedule.
    [ok] = await club.slash("discussion schedule", member=club.moderator, story=str(story), chapter=1, when="in 1 day")
    assert "is scheduled" in ok.text


async def test_event_is_created_moved_and_deleted(club: Club) -> None:
    story = await a_story(club, "Evented")
    due = (club.clock.now() + timedelta(days=3)).replace(second=0, microsecond=0)
    [answer] = await club.slash(
        "discussion schedule",
        member=club.admin,
        story=str(story),
        chapter=1,
        when=utc_text(due),
        event=True,
        channel=club.text_channel,
    )
    assert "event was created" in answer.text
    [event] = club.events
    assert event.entity_type == 3 and "reading-room" in (event.location or "")
    assert datetime.fromisoformat(event.start) == due
    assert datetime.fromisoformat(event.end or "") == due + timedelta(hours=1)
    [discussion] = await stored(club)

    later = due + timedelta(days=1)
    [moved] = await club.slash("discussion move", member=club.admin, id=discussion.id, when=utc_text(later))
    assert "event moved too" in moved.text and f"<t:{int(later.timestamp())}:F>" in moved.text
    assert datetime.fromisoformat(club.events[0].start) == later

    [cancelled] = await club.slash("discussion cancel", member=club.admin, id=discussion.id)
    assert "cancelled" in cancelled.text and "event was deleted" in cancelled.text
    assert club.events == []
    await advance(club, timedelta(days=5))
    assert bot_posts(club, club.text_channel) == []


async def test_plan_list_cancel_and_move(club: Club) -> None:
    story = await a_story(club, "Weekly Book", chapters=4)
    [answer] = await club.slash(
        "discussion plan",
        member=club.admin,
        story=str(story),
        start="in 2 days",
        every="weekly",
        from_chapter=2,
        channel=club.text_channel,
    )
    assert "Planned 3 discussions" in answer.text and "weekly" in answer.text
    planned = await stored(club)
    assert [d.chapter for d in planned] == [2, 3, 4]
    # One range style (as "Chapters 1-3"), and the last time said as every time is: date, then how far off.
    assert f"Ids #{planned[0].id}-#{planned[-1].id};" in answer.text
    assert f"<t:{int(planned[-1].due_at.timestamp())}:F> (<t:{int(planned[-1].due_at.timestamp())}:R>)" in answer.text
    assert [(b.due_at - a.due_at) for a, b in itertools.pairwise(planned)] == [timedelta(days=7)] * 2

    [listing] = await club.slash("discussion list", member=club.admin)
    assert all(f"#{d.id}" in listing.text for d in planned) and "<t:" in listing.text and "scheduled" in listing.text

    [gone] = await club.slash("discussion cancel", member=club.admin, id=planned[1].id)
    assert "cancelled" in gone.text
    [again] = await club.slash("discussion cancel", member=club.admin, id=planned[1].id)
    assert "already cancelled" in again.text
    [unknown] = await club.slash("discussion cancel", member=club.admin, id=999_999)
    assert "no discussion #999999" in unknown.text
    [bad] = await club.slash("discussion move", member=club.admin, id=planned[0].id, when="yesterday-ish")
    assert bad.ephemeral and "can't read" in bad.text
    [bad_plan] = await club.slash(
        "discussion plan", member=club.admin, story=str(story), start="in 2 days", every="sometimes"
    )
    assert "rhythm" in bad_plan.text
    assert len(await stored(club)) == 2

    choices = await club.autocomplete("discussion move", "id", "Weekly")
    assert {c["value"] for c in choices} == {planned[0].id, planned[2].id}
    stories = await club.autocomplete("discussion schedule", "story", "week")
    assert [c["name"] for c in stories] == ["Weekly Book · 4 ch."]


async def test_a_channel_the_bot_cannot_post_in_fails_that_item_only(club: Club) -> None:
    story = await a_story(club)
    for chapter, channel in enumerate((club.locked_channel, club.text_channel), 1):
        await club.slash(
            "discussion schedule",
            member=club.admin,
            story=str(story),
            chapter=chapter,
            when="in 3 hours",
            remind="none",
            channel=channel,
        )
    with club.expect_errors(403, 50013):
        await advance(club, timedelta(hours=3))
    assert len(bot_posts(club, club.text_channel)) == 1
    [listing] = await club.slash("discussion list", member=club.admin)
    assert "failed" in listing.text and "I am missing Send Messages" in listing.text, listing.text


async def test_restart_between_scheduling_and_the_time_posts_once(club: Club) -> None:
    story = await a_story(club)
    await club.slash(
        "discussion schedule",
        member=club.admin,
        story=str(story),
        chapter=1,
        when="in 4 hours",
        remind="1h",
        channel=club.text_channel,
    )
    await club.restart()
    await advance(club, timedelta(hours=3))
    await advance(club, timedelta(hours=1))
    await advance(club, timedelta(hours=1))
    texts = [p.text for p in bot_posts(club, club.text_channel)]
    assert len(texts) == 2 and "Reminder" in texts[0] and "Discussion #" in texts[1]


async def test_prompts_can_be_set_in_a_form_or_inline_and_reset(club: Club) -> None:
    [form] = await club.slash("discussion prompts", member=club.admin)
    assert form.modal is not None
    [saved] = await club.submit_modal(form, {"prompts": "Who lied first?\nWhat did the lamp mean?"}, member=club.admin)
    assert "saved" in saved.text and "Who lied first?" in saved.text
    settings = await club.run(get_settings(club.bot.db, club.guild.id))
    assert settings.discussion_prompts == ["Who lied first?", "What did the lamp mean?"]
    [too_many] = await club.slash("discussion prompts", member=club.admin, prompts=" | ".join(["Why?"] * 11))
    assert "At most 10" in too_many.text
    [reset] = await club.slash("discussion prompts", member=club.admin, prompts="default")
    assert "defaults" in reset.text
    await club.run(update_settings(club.bot.db, club.guild.id, 0, discussion_prompts=["Only this one?"]))
    story = await a_story(club)
    await club.slash(
        "discussion schedule",
        member=club.admin,
        story=str(story),
        chapter=1,
        when="in 1 hour",
        remind="none",
        channel=club.text_channel,
    )
    await advance(club, timedelta(hours=1))
    [post] = bot_posts(club, club.text_channel)
    assert "Only this one?" in post.text


async def test_public_thread_from_the_post_when_private_threads_are_not_allowed(club: Club) -> None:
    story = await a_story(club)
    await club.set_overwrite(club.general_channel, club.bot_role, deny=P.CREATE_PRIVATE_THREADS)
    await club.slash(
        "discussion schedule",
        member=club.admin,
        story=str(story),
        chapter=1,
        when="in 1 hour",
        remind="none",
        channel=club.general_channel,
    )
    await advance(club, timedelta(hours=1))
    [post] = bot_posts(club, club.general_channel)
    [thread] = [t for t in club.threads if t.parent_id == club.general_channel.id]
    assert thread.type == 11 and thread.id == post.id  # public, started from the post


async def test_a_deleted_channel_fails_that_item_with_the_reason(club: Club) -> None:
    story = await a_story(club)
    await club.slash(
        "discussion schedule",
        member=club.admin,
        story=str(story),
        chapter=1,
        when="in 1 hour",
        remind="none",
        channel=club.general_channel,
    )
    await club.delete_channel(club.general_channel)
    with club.expect_errors(404):
        await advance(club, timedelta(hours=1))
    [failed] = await stored(club)
    assert failed.state == "failed" and "deleted" in (failed.failure or "")


# ------------------------------------------------------------------ times as people write them


async def test_a_past_time_is_refused_with_the_time_it_was_read_as(club: Club) -> None:
    story = await a_story(club)
    await club.slash("config set", member=club.admin, timezone="Europe/Berlin")
    [answer] = await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when="yesterday 7pm"
    )
    yesterday = (club.clock.now().astimezone(ZoneInfo("Europe/Berlin")) - timedelta(days=1)).date()
    assert answer.ephemeral and "in the past" in answer.text
    assert f"{yesterday:%A} {yesterday.day} {yesterday:%B %Y}, 19:00 (Europe/Berlin)" in answer.text
    assert "<t:" in answer.text
    assert await stored(club) == []


async def test_an_ambiguous_numeric_date_needs_the_server_date_order(club: Club) -> None:
    story = await a_story(club)
    year = club.clock.now().year + 1
    [refused] = await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when=f"03/04/{year} 19:00"
    )
    assert refused.ephemeral and f"3 April {year}" in refused.text and f"4 March {year}" in refused.text
    assert "date_order" in refused.text and await stored(club) == []

    [saved] = await club.slash("config set", member=club.admin, date_order="dmy")
    assert "day/month" in saved.text
    [ok] = await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when=f"03/04/{year} 19:00"
    )
    assert "is scheduled" in ok.text
    [discussion] = await stored(club)
    assert discussion.due_at == datetime(year, 4, 3, 19, 0, tzinfo=UTC)

    await club.slash("config set", member=club.admin, date_order="mdy")
    [moved] = await club.slash("discussion move", member=club.admin, id=discussion.id, when=f"03/04/{year} 19:00")
    assert f"<t:{int(datetime(year, 3, 4, 19, 0, tzinfo=UTC).timestamp())}:F>" in moved.text


async def test_words_people_write_are_understood_and_nonsense_gets_examples(club: Club) -> None:
    story = await a_story(club, chapters=6)
    await club.slash("config set", member=club.admin, timezone="America/New_York")
    zone = ZoneInfo("America/New_York")
    local_now = club.clock.now().astimezone(zone)
    target = (local_now + timedelta(days=10)).date()
    phrases = {
        "sat 8pm": None,
        "next week friday 19:00": None,
        f"{target:%B} {target.day} at 7:30pm": datetime(target.year, target.month, target.day, 19, 30),
        f"{target.day} {target:%B} 19:00": datetime(target.year, target.month, target.day, 19, 0),
        "tomorrow noon": datetime.combine(local_now.date() + timedelta(days=1), datetime.min.time()).replace(hour=12),
        "in 2 weeks": None,
    }
    for chapter, (text, wall) in enumerate(phrases.items(), start=1):
        [answer] = await club.slash(
            "discussion schedule", member=club.admin, story=str(story), chapter=chapter, when=text, remind="none"
        )
        assert "is scheduled" in answer.text, text
        if wall is not None:
            due = max(await stored(club), key=lambda d: d.id).due_at
            assert due.astimezone(zone).replace(tzinfo=None) == wall, text
    [nonsense] = await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when="after the meeting"
    )
    assert "can't read" in nonsense.text and "`sat 8pm`" in nonsense.text and "`Dec 4 19:00`" in nonsense.text


async def test_only_admins_set_the_date_order(club: Club) -> None:
    with pytest.raises(CommandNotVisible):
        await club.slash("config set", member=club.member, date_order="dmy")
    club.override_command_permissions("config")
    [refused] = await club.slash("config set", member=club.member, date_order="dmy")
    assert "Manage Server" in refused.text
    settings = await club.run(get_settings(club.bot.db, club.guild.id))
    assert settings.date_order is None


# ------------------------------------------------------------------ /schedule for everyone


async def test_members_see_the_schedule_with_times_chapters_and_their_own_reading(club: Club) -> None:
    story = Story(
        meta=StoryMeta(title="Titled Tale"),
        chapters=[Chapter(n, f"Secret Name {n}", [Scene([f"Night {n}."])]) for n in range(1, 5)],
        source_format="txt",
    )
    titled = await club.run(add_story(club.bot.db, club.guild.id, story, content_hash="titled", added_by=None, now=0.0))
    other = await a_story(club, "Other Book")
    await club.run(mark_read(club.bot.db, club.guild.id, club.member.id, titled, 2, now=0))
    soon = (club.clock.now() + timedelta(days=1)).replace(second=0, microsecond=0)
    later = soon + timedelta(days=7)
    for story_id, chapter, due in ((titled, 2, soon), (titled, 3, later), (other, 1, soon + timedelta(hours=1))):
        await club.slash(
            "discussion schedule", member=club.admin, story=str(story_id), chapter=chapter, when=utc_text(due)
        )

    [answer] = await club.slash("schedule", member=club.member)
    assert answer.ephemeral
    lines = answer.text.splitlines()
    assert "Titled Tale" in lines[1] and "chapter 2" in lines[1] and "you have read it" in lines[1]
    assert f"<t:{int(soon.timestamp())}:F>" in lines[1] and f"<t:{int(soon.timestamp())}:R>" in lines[1]
    assert "Other Book" in lines[2] and "not started" in lines[2]
    assert "chapter 3" in lines[3] and "you are at chapter 2" in lines[3]
    assert "Secret Name" not in answer.text

    [mine] = await club.slash("schedule", member=club.other_member, story=str(other))
    assert "Other Book" in mine.text and "Titled Tale" not in mine.text.replace("Other Book", "")
    choices = await club.autocomplete("schedule", "story", "titl", member=club.member)
    assert [c["value"] for c in choices] == [str(titled)]

    await advance(club, timedelta(days=2))  # the first two have been posted
    [after] = await club.slash("schedule", member=club.member)
    assert len(after.text.splitlines()) == 2 and "chapter 3" in after.text and "Other Book" not in after.text


async def test_schedule_shows_a_stored_title_tidied(club: Club) -> None:
    """A title stored before imports tidied titles (lines, markdown, thousands of characters) is read
    tidied: one line of at most 200 characters, its markdown shown as typed, as every other view shows it."""
    story = await a_story(club)
    raw = "The **Bold**\nSecond line " + "long " * 1000
    await club.run(club.bot.db.execute("UPDATE stories SET title = ? WHERE id = ?", (raw, story)))
    due = (club.clock.now() + timedelta(days=1)).replace(second=0, microsecond=0)
    await club.slash("discussion schedule", member=club.admin, story=str(story), chapter=1, when=utc_text(due))
    for asked in ({}, {"story": str(story)}):
        [answer] = await club.slash("schedule", member=club.member, **asked)
        lines = answer.text.splitlines()
        [item] = [line for line in lines if "chapter 1" in line]
        assert r"The \*\*Bold\*\* Second line long long" in item and "\n" not in item
        assert len(item) < 400 and "long " * 60 not in answer.text
        if asked:
            assert lines[0].startswith(r"**Upcoming discussions of The \*\*Bold\*\* Second line")
            assert len(lines[0]) < 300


async def test_schedule_with_nothing_ahead_or_an_unknown_story(club: Club) -> None:
    [empty] = await club.slash("schedule", member=club.member)
    assert empty.ephemeral and "No discussions are coming up" in empty.text
    [unknown] = await club.slash("schedule", member=club.member, story="No Such Book")
    assert unknown.ephemeral and "No story" in unknown.text


# ------------------------------------------------------------------ reminders members control


async def test_prefs_reminders_dm_copies_and_off(club: Club) -> None:
    story = await a_story(club)
    for member in (club.member, club.other_member, club.closed_dm_member):
        await club.run(mark_read(club.bot.db, club.guild.id, member.id, story, 1, now=0))
    [shown] = await club.slash("prefs reminders", member=club.member)
    assert shown.ephemeral and "No DM copies" in shown.text
    [dm_on] = await club.slash("prefs reminders", member=club.member, dm=True)
    assert dm_on.ephemeral and "Saved." in dm_on.text and "DM copy" in dm_on.text
    [off] = await club.slash("prefs reminders", member=club.other_member, off=True)
    assert "**off**" in off.text
    await club.slash("prefs reminders", member=club.closed_dm_member, dm=True)

    await club.slash(
        "discussion schedule",
        member=club.admin,
        story=str(story),
        chapter=3,
        when="in 4 hours",
        remind="2h,1h",
        channel=club.text_channel,
    )
    with club.expect_errors(403, 50007) as refused:
        await advance(club, timedelta(hours=2))  # the 2 h reminder
    assert len(refused) == 1
    reminder, told = bot_posts(club, club.text_channel)
    assert club.member.mention() in reminder.text and club.other_member.mention() not in reminder.text
    assert club.closed_dm_member.mention() in told.text and "DMs" in told.text.replace("direct messages", "DMs")
    assert not told.message.pinged_users and not told.message.pinged_roles  # mentioned, never pinged
    [reply_request] = [
        r for r in club.requests if r.method == "POST" and isinstance(r.body, dict) and r.body.get("message_reference")
    ]
    assert int(reply_request.body["message_reference"]["message_id"]) == reminder.id
    [copy] = club.dms(club.member)
    assert "chapter 3" in copy.text and club.text_channel.mention() in copy.text
    assert club.dms(club.other_member) == [] and club.dms(club.closed_dm_member) == []

    # The 1 h reminder: the member gets a second copy; the closed DMs are not tried again
    # (an unexpected 50007 here would fail the test) and nobody is told twice.
    await advance(club, timedelta(hours=1))
    assert len(club.dms(club.member)) == 2
    assert len(bot_posts(club, club.text_channel)) == 3
    [shown] = await club.slash("prefs reminders", member=club.closed_dm_member)
    assert "refused" in shown.text and "dm:true" in shown.text

    [dm_off] = await club.slash("prefs reminders", member=club.member, dm=False)
    assert "No DM copies" in dm_off.text


async def test_ten_long_prompts_are_saved_and_the_answer_fits_one_message(club: Club) -> None:
    """Ten prompts of 290 characters are within the limits; their confirmation once went over 2,000."""
    prompts = [f"Prompt {n}: " + "why " * 69 + "why?" for n in range(10)]
    assert all(len(p) == 290 for p in prompts)
    [saved] = await club.slash("discussion prompts", member=club.admin, prompts=" | ".join(prompts))
    assert saved.ephemeral and len(saved.content) <= 2000
    assert saved.text.startswith("Discussion prompts saved:") and "saved in full" in saved.text
    assert all(f"Prompt {n}\\:" in saved.text for n in range(10))  # each one shown, escaped
    settings = await club.run(get_settings(club.bot.db, club.guild.id))
    assert settings.discussion_prompts == prompts


async def test_the_same_discussion_is_scheduled_once(club: Club) -> None:
    story = await a_story(club)
    due = (club.clock.now() + timedelta(days=2)).replace(second=0, microsecond=0)
    same = {"story": str(story), "chapter": 1, "when": utc_text(due), "channel": club.text_channel}
    [first] = await club.slash("discussion schedule", member=club.admin, event=True, **same)
    [discussion] = await stored(club)
    assert f"**#{discussion.id}**" in first.text and len(club.events) == 1
    [again] = await club.slash("discussion schedule", member=club.admin, event=True, **same)
    assert again.ephemeral and "Something went wrong" not in again.text
    assert again.text.startswith(
        f"Chapter 1 of **The Lamp at Gull Point** already has a discussion: **#{discussion.id}**"
    ), again.text
    assert f"<t:{int(due.timestamp())}:F>" in again.text and "nothing was added" in again.text
    assert [d.id for d in await stored(club)] == [discussion.id] and len(club.events) == 1  # its event removed again

    [plan] = await club.slash(
        "discussion plan", member=club.admin, story=str(story), start=utc_text(due), every="weekly",
        channel=club.text_channel,
    )  # fmt: skip
    assert f"#{discussion.id}" in plan.text and "nothing was planned" in plan.text
    # The chapter is discussed once: a day later, or in another channel, it is refused the same way (session 37).
    day_later = utc_text(due + timedelta(days=1))
    for options in ({**same, "when": day_later}, {**same, "channel": club.forum_channel}):
        [other] = await club.slash("discussion schedule", member=club.admin, **options)
        assert f"**#{discussion.id}**" in other.text and "nothing was added" in other.text, other.text
    [second] = await club.slash("discussion schedule", member=club.admin, **{**same, "chapter": 2, "when": day_later})
    assert "is scheduled for" in second.text
    [later] = [d for d in await stored(club) if d.id != discussion.id]
    [moved] = await club.slash("discussion move", member=club.admin, id=later.id, when=utc_text(due))
    assert "now opens" in moved.text, moved.text  # another chapter at the same time is another discussion
    [listing] = await club.slash("discussion list", member=club.admin)
    assert listing.text.count("The Lamp at Gull Point, chapter 1 ·") == 1


async def test_a_discussion_id_past_sqlite_integers_is_no_discussion(club: Club) -> None:
    [unknown] = await club.slash("discussion cancel", member=club.admin, id=2**70)
    assert unknown.ephemeral and "no discussion #" in unknown.text


async def test_a_reader_who_catches_up_after_the_thread_archived_still_gets_in(club: Club) -> None:
    """Discord archives a quiet thread (after a week here) and refuses to add members to an archived
    one; a slow reader finishing the chapter later must still be let into the discussion."""
    story = await a_story(club)
    due = (club.clock.now() + timedelta(hours=3)).replace(second=0, microsecond=0)
    await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when=utc_text(due),
        channel=club.text_channel, remind="none",
    )  # fmt: skip
    await advance(club, timedelta(hours=3))
    [thread] = [t for t in club.threads if t.parent_id == club.text_channel.id]
    assert club.other_member.id not in thread.member_ids
    thread.archived = True  # a week without messages
    club.double.state.dispatch("THREAD_UPDATE", thread.to_dict())
    await club.wait_for(lambda: club.bot.get_channel(thread.id) is None, "discord.py to drop the archived thread")

    with club.expect_errors(404, 10007):  # asked first whether they are in it already: not yet
        await club.slash("progress set", member=club.other_member, story=str(story), chapter=1)
        await settle(club)
    assert club.other_member.id in club.channel(thread.id).member_ids


async def test_reminders_that_a_forum_cannot_take_are_announced_when_scheduling(club: Club) -> None:
    """Reminders are plain messages: with a forum as the discussion channel they go to the club channel.
    Without one they used to fail unseen while the admin had read "Reminders: 1d, 1h before"."""
    story = await a_story(club)
    await club.slash("config set", member=club.admin, discussion_channel=club.forum_channel)
    [answer] = await club.slash("discussion schedule", member=club.admin, story=str(story), chapter=1, when="in 3 days")
    assert "Reminders can't be posted" in answer.text and "`/config set club_channel:`" in answer.text
    assert "Reminders: 1d" not in answer.text
    [planned] = await club.slash(
        "discussion plan", member=club.admin, story=str(story), start="in 4 days", every="weekly", from_chapter=3
    )
    assert "Reminders can't be posted" in planned.text
    [quiet] = await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=2, when="in 3 days", remind="none"
    )
    assert "Reminders: none" in quiet.text

    await club.slash("config set", member=club.admin, club_channel=club.text_channel)
    other = await a_story(club, "Another Tale")
    [fine] = await club.slash("discussion schedule", member=club.admin, story=str(other), chapter=1, when="in 5 days")
    assert "Reminders: 1d, 1h before." in fine.text and "can't be posted" not in fine.text


async def test_a_plan_of_one_chapter_names_one_id(club: Club) -> None:
    story = await a_story(club)
    [answer] = await club.slash(
        "discussion plan", member=club.admin, story=str(story), start="in 2 days", every="weekly", from_chapter=4,
        channel=club.text_channel,
    )  # fmt: skip
    [discussion] = await stored(club)
    assert f"Id #{discussion.id};" in answer.text and "–" not in answer.text and " to chapter" not in answer.text


async def test_id_choices_show_the_time_on_the_server_clock(club: Club) -> None:
    """A choice cannot hold a Discord timestamp; it showed UTC to a club that had set its own zone."""
    story = await a_story(club)
    await club.slash("config set", member=club.admin, timezone="America/New_York")
    due = datetime(club.clock.now().year + 1, 1, 15, 19, 0, tzinfo=ZoneInfo("America/New_York"))
    await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when=f"{due:%Y-%m-%d %H:%M}",
        channel=club.text_channel,
    )  # fmt: skip
    [choice] = await club.autocomplete("discussion cancel", "id", "", member=club.admin)
    assert f"{due:%a} 15 Jan {due.year} 19:00 America/New_York" in choice["name"]
    assert "UTC" not in choice["name"]


async def test_a_plan_keeps_the_hour_of_the_zone_its_start_names(club: Club) -> None:
    """A Berlin server planning for New York: weekly at 19:00 New York time, also after New York's
    change to summer time two weeks before Berlin's (the plan once stepped on Berlin's clock)."""
    story = await a_story(club)
    await club.slash("config set", member=club.admin, timezone="Europe/Berlin")
    year = club.clock.now().year + 1
    await club.slash(
        "discussion plan", member=club.admin, story=str(story), start=f"{year}-03-05 19:00 America/New_York",
        every="weekly", channel=club.text_channel, remind="none",
    )  # fmt: skip
    new_york = ZoneInfo("America/New_York")
    assert [d.due_at.astimezone(new_york).hour for d in await stored(club)] == [19, 19, 19, 19]


async def test_prompts_and_titles_in_a_discussion_post_show_what_they_say(club: Club) -> None:
    """The post, its thread and its event are public: no bidi override, no blank prompt or title.

    The title is one stored before titles were tidied at every entry, so it is tidied as read.
    """
    [saved] = await club.slash(
        "discussion prompts", member=club.admin, prompts="\u202eWho lied first?\u2066 | \u200b\u200d | - \u2060Why?"
    )
    assert "• “Who lied first?”\n• “Why?”" in saved.text
    story = await a_story(club)
    await club.run(club.bot.db.execute("UPDATE stories SET title = ? WHERE id = ?", ("\u202eGull\u2066 \u200b", story)))
    await club.slash(
        "discussion schedule",
        member=club.admin,
        story=str(story),
        chapter=1,
        when="in 1 hour",
        remind="none",
        channel=club.text_channel,
    )
    await advance(club, timedelta(hours=1))
    [post] = bot_posts(club, club.text_channel)
    assert "Discussion of **Gull**, chapter 1." in post.text and "• Who lied first?\n• Why?" in post.text
    [thread] = club.threads
    assert thread.name.startswith("Gull · ch. 1 · #")


async def test_reading_on_does_not_reopen_archived_threads_the_member_is_in(club: Club) -> None:
    """Each step forward names every earlier discussion of the story: one the member already
    joined stays archived; a member reaching it for the first time is let in (it reopens)."""
    story = await a_story(club, "Quiet Threads")
    await club.run(mark_read(club.bot.db, club.guild.id, club.member.id, story, 2, now=0))
    await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when="in 2 hours",
        remind="none", channel=club.text_channel,
    )  # fmt: skip
    await advance(club, timedelta(hours=2))
    [thread] = [t for t in club.threads if t.parent_id == club.text_channel.id]
    assert club.member.id in thread.member_ids
    thread.archived = True  # a week without messages: Discord archives it
    club.state.dispatch("THREAD_UPDATE", thread.to_dict())
    await settle(club)

    await club.slash("progress set", member=club.member, story=str(story), chapter=3)
    await settle(club)
    assert thread.archived

    with club.expect_errors(404, 10007):  # not in it yet
        await club.slash("progress set", member=club.other_member, story=str(story), chapter=1)
        await settle(club)
    assert club.other_member.id in thread.member_ids and not thread.archived


async def posted_discussions(club: Club, story: int, chapters: range) -> list:
    """Discussions of ``chapters`` already posted, each with its private thread (made as the poster
    makes them), without waiting for each to fall due."""
    now = club.clock.now()
    items = [
        store.NewDiscussion(story, n, now + timedelta(days=n), club.text_channel.id, True, (), club.admin.id)
        for n in chapters
    ]
    ids = await club.run(store.create_discussions(club.bot.db, club.guild.id, items, now=now))
    threads = []
    for discussion_id, n in zip(ids, chapters, strict=True):
        thread = club.state.create_thread(club.text_channel, f"Long · ch. {n} · #{discussion_id}", 12, club.bot_user)
        await club.run(
            club.bot.db.execute(
                "UPDATE discussions SET state = 'posted', thread_id = ? WHERE id = ?", (thread.id, discussion_id)
            )
        )
        threads.append(thread)
    await club.settle()
    return threads


def thread_member_requests(club: Club, since: int) -> list:
    return [r for r in club.requests[since:] if "/thread-members/" in r.path]


async def test_reading_on_adds_the_member_to_the_threads_newly_reached_only(club: Club) -> None:
    """Every step forward added the member to the thread of every earlier discussion of the story,
    a request each: reading a 100-chapter story a chapter at a time made 5,050 of them."""
    story = await a_story(club, "Long", chapters=12)
    threads = await posted_discussions(club, story, range(1, 13))
    start = len(club.requests)
    for chapter in range(1, 13):
        await club.slash("progress set", member=club.member, story=str(story), chapter=chapter)
        await settle(club)
    assert all(club.member.id in thread.member_ids for thread in threads)
    assert len(thread_member_requests(club, start)) == 12  # one per thread, not 1 + 2 + ... + 12

    start = len(club.requests)
    await club.slash("progress set", member=club.member, story=str(story), chapter=3)  # back: nobody removed
    await club.slash("progress set", member=club.member, story=str(story), chapter=5)
    await settle(club)
    assert all(club.member.id in thread.member_ids for thread in threads)
    assert [r.path.split("/")[-3] for r in thread_member_requests(club, start)] == [
        str(threads[3].id),
        str(threads[4].id),
    ]


async def test_an_archived_thread_newly_reached_is_joined_and_an_earlier_one_left_alone(club: Club) -> None:
    story = await a_story(club, "Quiet", chapters=4)
    first, second = await posted_discussions(club, story, range(1, 3))
    await club.slash("progress set", member=club.member, story=str(story), chapter=1)
    await settle(club)
    assert club.member.id in first.member_ids
    for thread in (first, second):
        thread.archived = True  # a week without messages
        club.state.dispatch("THREAD_UPDATE", thread.to_dict())
    await settle(club)

    start = len(club.requests)
    with club.expect_errors(404, 10007):  # asked first whether they are in it already: not yet
        await club.slash("progress set", member=club.member, story=str(story), chapter=2)
        await settle(club)
    assert club.member.id in second.member_ids and not second.archived
    assert first.archived
    assert not any(str(first.id) in r.path for r in club.requests[start:])


async def refused_add(club: Club, story: int) -> object:
    """The member reaches chapter 1 while the bot may not send in threads there: the add is refused."""
    [thread] = await posted_discussions(club, story, range(1, 2))
    await club.set_overwrite(club.text_channel, club.bot_role, deny=P.SEND_MESSAGES_IN_THREADS)
    with club.expect_errors(403, 50013):
        await club.slash("progress set", member=club.member, story=str(story), chapter=1)
        await settle(club)
    assert club.member.id not in thread.member_ids
    await club.set_overwrite(club.text_channel, club.bot_role)  # an admin fixes the permission
    return thread


async def test_a_refused_add_is_made_when_the_timer_tries_it_again(club: Club) -> None:
    """Reading on names only the chapters newly reached, so a refused add is kept and tried again."""
    story = await a_story(club, "Refused", chapters=2)
    thread = await refused_add(club, story)
    await advance(club, timedelta(minutes=1))
    assert club.member.id in thread.member_ids
    await advance(club, timedelta(hours=2))  # settled: nothing is tried again
    assert len(thread_member_requests(club, 0)) == 2


async def test_a_refused_add_is_made_when_the_member_sets_their_chapter_again(club: Club) -> None:
    """Past the timer's tries, the member's own next touch of their progress lets them in."""
    story = await a_story(club, "Refused again", chapters=2)
    thread = await refused_add(club, story)
    await club.run(club.bot.db.execute("UPDATE discussion_joins_owed SET retry_at = NULL"))  # tries spent
    [answer] = await club.slash("progress set", member=club.member, story=str(story), chapter=1)
    await settle(club)
    assert "No change" in answer.text
    assert club.member.id in thread.member_ids


async def test_a_missed_notice_discord_failed_is_posted_once_after_a_restart(club: Club) -> None:
    """Marked missed, then the channel told once with no retry: a 503 there and the admins never
    learned the discussion was not posted. It is owed until the channel has it, across a restart."""
    story = await a_story(club, "The Unlit Lamp")
    await club.slash(
        "discussion schedule",
        member=club.admin,
        story=str(story),
        chapter=1,
        when="in 2 hours",
        remind="none",
        channel=club.text_channel,
    )
    club.fail_messages(club.text_channel, status=503, times=1)
    await club.restart(while_down=lambda: club.clock.advance(timedelta(hours=10)))
    await settle(club)
    [discussion] = await stored(club)
    assert discussion.state == "missed" and bot_posts(club, club.text_channel) == []

    await club.restart()
    await advance(club, timedelta(minutes=1))
    [told] = bot_posts(club, club.text_channel)
    assert "was not posted" in told.text and f"/discussion move id:{discussion.id}" in told.text
    assert told.message.pinged_users == set() and not told.message.pinged_everyone
    # Discord took it but the process died before recording it, down past the nonce's minutes: found, not resent
    await club.run(
        club.bot.db.execute(
            "INSERT INTO discussion_notices_owed (guild_id, discussion_id, kind, channel_id, content, nonce,"
            " retry_at, created_at) VALUES (?, ?, 'missed', ?, ?, 'nlost', 0, 0)",
            (club.guild.id, discussion.id, club.text_channel.id, told.content),
        )
    )
    await club.restart()
    await advance(club, timedelta(hours=2))
    assert len(bot_posts(club, club.text_channel)) == 1
    assert await club.run(club.bot.db.fetch_value("SELECT count(*) FROM discussion_notices_owed")) == 0


async def test_reading_a_later_chapter_privately_keeps_the_place_and_opens_no_skipped_thread(club: Club) -> None:
    """A member at chapter 1 who avoids what chapter 3 holds reads chapter 4 with `/excerpt read`:
    that said she had read chapters 2 and 3 and put her in chapter 3's thread, a discussion of
    what she skipped. Her place now stays, and "I've read this" is hers to press."""
    story = await a_story(club, "Long", chapters=4)
    threads = await posted_discussions(club, story, range(1, 5))
    await club.slash("progress set", member=club.member, story=str(story), chapter=1)
    await settle(club)
    replies = await club.slash("excerpt read", member=club.member, story=str(story), chapter=4)
    await settle(club)
    assert "stays at chapter 1: reading chapter 4 on its own does not mark chapters 2 and 3 read" in replies[-1].text
    assert replies[-1].labels == ["I've read this"]
    assert club.member.id in threads[0].member_ids
    assert all(club.member.id not in thread.member_ids for thread in threads[1:])

    await club.click(replies[-1], "I've read this", member=club.member)  # she says she has read them
    await settle(club)
    assert all(club.member.id in club.channel(thread.id).member_ids for thread in threads)


async def test_scheduling_says_which_reminders_are_past_already(club: Club) -> None:
    """A discussion 3 hours away with the default 1d and 1h reminders: the answer promised both,
    and only the 1 h one could ever be posted."""
    story = await a_story(club)
    [soon] = await club.slash("discussion schedule", member=club.admin, story=str(story), chapter=1, when="in 3 hours")
    assert "Reminders: 1h before (1d before is past already, so it is not posted)." in soon.text
    [none] = await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=2, when="in 30 minutes", remind="1h"
    )
    assert "Reminders: none (1h before is past already, so it is not posted)." in none.text


async def test_a_discussion_moved_after_its_reminder_is_announced_again_at_its_new_time(club: Club) -> None:
    """The 1-day reminder told members the old time; moved to 30 minutes from now, no reminder
    was left ahead and the discussion opened a day before the time members last read."""
    story = await a_story(club)
    await club.run(mark_read(club.bot.db, club.guild.id, club.member.id, story, 1, now=0))
    due = (club.clock.now() + timedelta(days=2)).replace(second=0, microsecond=0)
    await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=2, when=utc_text(due),
        channel=club.text_channel,
    )  # fmt: skip
    [discussion] = await stored(club)
    await advance(club, timedelta(days=1))  # the 1 d reminder, naming the old time
    [first] = bot_posts(club, club.text_channel)
    assert f"<t:{int(due.timestamp())}:F>" in first.text
    soon = (club.clock.now() + timedelta(minutes=30)).replace(second=0, microsecond=0)
    await club.slash("discussion move", member=club.admin, id=discussion.id, when=utc_text(soon))
    await advance(club, timedelta(seconds=1))
    posts = bot_posts(club, club.text_channel)
    assert len(posts) == 2 and posts[-1].text.startswith("Reminder:")
    assert f"<t:{int(soon.timestamp())}:F>" in posts[-1].text
    await advance(club, timedelta(minutes=31))
    assert len(bot_posts(club, club.text_channel)) == 3  # then the discussion itself, once
