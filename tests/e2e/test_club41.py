"""Round 10 (session 41) of a club's life through the Discord double: the slips past rounds missed."""

from __future__ import annotations

import contextlib
import re
from datetime import timedelta

import pytest

from bot.devtools.double import permissions as P
from bot.devtools.driver import Club, Reply
from bot.discussions import presence

ROAD = (
    "Title: Long Road\n\n# Chapter 1\n\nThey ate pancakes by the sea and laughed.\n\n"
    "# Chapter 2\n\nShe sat by the window a long time that evening.\n\n"
    "# Chapter 3\n\nMorning came, grey and slow over the harbour.\n"
)


async def add_road(club: Club) -> str:
    await club.slash("story add", member=club.admin, file=("road.txt", ROAD.encode()))
    [choice] = await club.autocomplete("excerpt read", "story", "long road", member=club.member)
    return choice["value"]


async def reminders_fall_due(club: Club, hours: float) -> list[Reply]:
    """The bot's posts in the reading room once ``hours`` passed and the service is idle."""
    await club.clock.advance(timedelta(hours=hours))
    await club.run(club.bot.get_cog("DiscussionCog").service.wait_idle())
    await club.settle()
    return club.messages(club.text_channel, include_replies=False)


def member_lookups(club: Club) -> list[str]:
    return [r.path for r in club.requests if r.method == "GET" and f"/guilds/{club.guild.id}/members/" in r.path]


def leave(club: Club, user_id: int) -> None:
    """The member leaves the server: Discord tells a bot without the members intent nothing."""
    del club.guild.members[user_id]


async def test_a_member_who_left_the_server_is_not_named_in_reminders_or_sent_a_copy(club: Club) -> None:
    """A member who set their progress and left was named in every reminder after (no members
    intent: no GUILD_MEMBER_REMOVE), and their DM copy's refusal named them again under it."""
    story = await add_road(club)
    leaver = club.state.add_member(club.guild, club.state.add_user("lena_leaves", global_name="Lena"))
    for member in (club.member, club.other_member, leaver):
        await club.slash("progress set", member=member, story=story, chapter=1)
    await club.slash("prefs reminders", member=leaver, dm=True)
    await club.slash(
        "discussion schedule", member=club.admin, story=story, chapter=3, when="in 30 hours", remind="24h,1h",
        channel=club.text_channel,
    )  # fmt: skip
    leave(club, leaver.user.id)
    with club.expect_errors(404, 10007):
        [first] = await reminders_fall_due(club, 6)
    assert club.member.mention() in first.text and club.other_member.mention() in first.text, first.text
    assert leaver.mention() not in first.text and leaver.user.id not in first.message.pinged_users, first.text
    assert club.dms(leaver) == [] and club.messages(club.text_channel) == [first]  # no "DMs closed" reply naming them
    kept = "SELECT chapter FROM reading_progress WHERE guild_id = ? AND user_id = ?"
    assert await club.run(club.bot.db.fetch_value(kept, (club.guild.id, leaver.user.id))) == 1  # they may come back


async def test_reminders_look_members_up_a_bounded_number_of_times_and_keep_the_answers(club: Club) -> None:
    """Measured: 40 readers behind, 3 of them gone, two discussions with 24h and 1h reminders. The
    first reminder looks up LOOKUPS_PER_CALL of them, the next (an hour later) the 15 left, and the
    third (22 hours later) none: a look-up per member a day at most, never one per member per reminder."""
    story = await add_road(club)
    readers = [club.state.add_member(club.guild, club.state.add_user(f"reader{n}")) for n in range(40)]
    for reader in readers:
        await club.slash("progress set", member=reader, story=story, chapter=1)
    gone = [readers[0], readers[1], readers[30]]
    for chapter, when in ((3, "in 30 hours"), (2, "in 31 hours")):
        await club.slash(
            "discussion schedule", member=club.admin, story=story, chapter=chapter, when=when, remind="24h,1h",
            channel=club.text_channel,
        )  # fmt: skip
    for reader in gone:
        leave(club, reader.user.id)
    before = len(member_lookups(club))
    counts = []
    for hours in (6, 1, 22):
        with club.expect_errors(404, 10007) if hours < 22 else contextlib.nullcontext():
            posts = await reminders_fall_due(club, hours)
        counts.append(len(member_lookups(club)) - before - sum(counts))
        assert not any(reader.mention() in posts[-1].text for reader in gone[: 2 if hours == 6 else 3]), posts[-1].text
    assert len(posts) == 3 and counts == [presence.LOOKUPS_PER_CALL, 40 - presence.LOOKUPS_PER_CALL, 0], counts
    assert readers[2].mention() in posts[-1].text and readers[39].mention() in posts[-1].text


async def test_a_discussion_set_to_the_same_minute_as_another_says_so_and_how_to_move_it(club: Club) -> None:
    """Moved (or scheduled) to the minute another discussion opens in the same channel, it was
    answered as any move: both then posted at once, a slip of the hour nobody was told of."""
    story = await add_road(club)
    ids = []
    for chapter, when in ((1, "in 3 hours"), (2, "in 5 hours")):
        [done] = await club.slash(
            "discussion schedule", member=club.admin, story=story, chapter=chapter, when=when,
            channel=club.text_channel,
        )  # fmt: skip
        ids.append(int(re.search(r"Discussion \*\*#(\d+)\*\*", done.text)[1]))
    first, second = ids
    [moved] = await club.slash("discussion move", member=club.admin, id=second, when="in 3 hours")
    assert moved.ephemeral and f"Discussion #{second} now opens" in moved.text, moved.text
    assert f"**#{first}** (chapter 1 of **Long Road**) opens in the same minute" in moved.text, moved.text
    assert f"`/discussion move id:{second}`" in moved.text, moved.text
    [third] = await club.slash(
        "discussion schedule", member=club.admin, story=story, chapter=3, when="in 3 hours", channel=club.text_channel
    )
    both = f"**#{first}** (chapter 1 of **Long Road**) and **#{second}** (chapter 2 of **Long Road**) open in the same"
    assert both in third.text, third.text
    [apart] = await club.slash("discussion move", member=club.admin, id=second, when="in 4 hours")
    assert "same minute" not in apart.text, apart.text  # guard: a minute of its own says nothing more


async def test_a_story_set_to_not_started_is_listed_by_progress_show(club: Club) -> None:
    """ "Saved: you are in Long Road as not started" and then "/progress show": "You have not started
    any story yet", as though the first answer had not been true; moved back to 0 the same."""
    story = await add_road(club)
    [joined] = await club.slash("progress set", member=club.member, story=story, chapter=0)
    assert "as not started" in joined.text, joined.text
    [shown] = await club.slash("progress show", member=club.member)
    assert shown.text.splitlines() == ["Your reading:", "`░░░░░░░░░░ 0/3` **Long Road** · not started"], shown.text
    await club.slash("progress set", member=club.other_member, story=story, chapter=2)
    await club.slash("progress set", member=club.other_member, story=story, chapter=0)
    [back] = await club.slash("progress show", member=club.member, options={"member": club.other_member})
    assert "**Long Road** · not started" in back.text and "has not started any story" not in back.text, back.text


@pytest.mark.parametrize(
    ("denied", "named"),
    [
        (P.CREATE_PUBLIC_THREADS | P.CREATE_PRIVATE_THREADS, "Create Public Threads"),
        (P.SEND_MESSAGES_IN_THREADS, "Send Messages in Threads"),
    ],
    ids=["no-threads", "no-adding"],
)
async def test_a_discussion_where_dogear_may_open_no_thread_is_not_half_posted(
    club: Club, denied: int, named: str
) -> None:
    """Without Create Public (and Private) Threads in the discussion channel the post went up, told
    members they would be added to its thread, and then failed with no thread; without Send Messages
    in Threads its thread opened and no reader could be added, and nobody was told."""
    story = await add_road(club)
    await club.slash("config set", member=club.admin, discussion_channel=club.text_channel)
    await club.slash("progress set", member=club.member, story=story, chapter=1)
    await club.slash("discussion schedule", member=club.admin, story=story, chapter=1, when="in 2 hours", remind="none")
    await club.set_overwrite(club.text_channel, club.bot_role, deny=denied)
    assert await reminders_fall_due(club, 2) == []  # nothing posted
    assert club.threads == []
    [listed] = await club.slash("discussion list", member=club.admin)
    assert "failed" in listed.text and "nothing was posted" in listed.text, listed.text
    assert named in listed.text and "Edit Channel" in listed.text, listed.text


async def test_a_story_removed_while_a_member_had_it_picked_says_it_was_removed(club: Club) -> None:
    """The menu's value is the story's id: picked, then removed by an admin before the member sent
    the command, the answer quoted a number the member never typed ("No story ... matches “3”")."""
    story = await add_road(club)
    await club.slash("story add", member=club.admin, title="Kindred", chapters=14)
    [question] = await club.slash("story remove", member=club.admin, story=story)
    await club.click(question, "Remove", member=club.admin)
    for command, options in (("progress set", {"chapter": 1}), ("excerpt read", {"chapter": 1}), ("story info", {})):
        [refused] = await club.slash(command, member=club.member, story=story, **options)
        assert refused.ephemeral and "a story picked from the list was removed since" in refused.text, refused.text
        assert "Pick the story from the list again" in refused.text, refused.text
    [question] = await club.slash("story remove", member=club.admin, story="Kindred")
    await club.click(question, "Remove", member=club.admin)
    [empty] = await club.slash("progress set", member=club.member, story=story, chapter=1)
    assert "removed since" in empty.text and "The library is empty now" in empty.text, empty.text


async def test_a_reminder_neither_counts_a_hidden_member_who_left_nor_says_one_who_left_chose_it(club: Club) -> None:
    """A hidden member who left was still counted ("plus 1 hidden member"); and with everyone behind
    gone, the reminder said "the members still reading turned reminders off or avoid a warning"."""
    story = await add_road(club)
    hidden = club.state.add_member(club.guild, club.state.add_user("hana_hidden"))
    gone = club.state.add_member(club.guild, club.state.add_user("gus_gone"))
    for member, chapter in ((hidden, 1), (gone, 1), (club.other_member, 3)):
        await club.slash("progress set", member=member, story=story, chapter=chapter)
    await club.slash("progress privacy", member=hidden, hidden=True)
    await club.slash(
        "discussion schedule", member=club.admin, story=story, chapter=3, when="in 30 hours", remind="24h",
        channel=club.text_channel,
    )  # fmt: skip
    leave(club, hidden.user.id)
    leave(club, gone.user.id)
    with club.expect_errors(404, 10007):
        [reminder] = await reminders_fall_due(club, 6)
    assert "hidden member" not in reminder.text and gone.mention() not in reminder.text, reminder.text
    assert "turned reminders off" not in reminder.text, reminder.text
