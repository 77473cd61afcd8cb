"""Commands as members and admins use them, and misuse them: the gaps a command-by-command sweep found.

Each test names the misuse, what the member got before, and what holds now: a short private
answer saying what to fix, nothing stored on a refusal, no error in the bot's log (the ``club``
fixture fails a test on one).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.devtools.double.models import Channel
from bot.devtools.driver import Club, Reply
from bot.discussions import store as discussion_store
from bot.guilds import update_settings
from bot.warnings import store as warnings_store
from tests.e2e.test_discussions import advance, bot_posts

TITLE = "The Lamp at Gull Point"
SHORT_ANSWER = 400


def private_and_short(replies: list[Reply]) -> str:
    [answer] = replies
    assert answer.ephemeral and len(answer.content) <= SHORT_ANSWER, answer.content
    assert "Something went wrong" not in answer.text and "(s)" not in answer.text, answer.text
    return answer.text


async def thread_in(club: Club, parent: Channel, name: str = "Chat") -> Channel:
    state = club.state
    thread = state.create_thread(state.channels[parent.id], name, 11, club.admin.user)
    await club.wait_for(lambda: club.bot.get_channel(thread.id) is not None, "the bot to see the thread")
    return thread


async def discussions_of(club: Club) -> list:
    return await club.run(discussion_store.list_discussions(club.bot.db, club.guild.id, now=club.clock.now()))


@pytest.mark.parametrize(
    "command, options",
    [
        ("discussion schedule", {"story": TITLE, "chapter": 1, "when": "tomorrow 7pm"}),
        ("discussion plan", {"story": TITLE, "start": "tomorrow 7pm", "every": "weekly"}),
    ],
    ids=["schedule", "plan"],
)
async def test_a_discussion_asked_for_inside_a_thread_is_refused_not_left_to_fail(
    club: Club, sample_story: Path, command: str, options: dict
) -> None:
    """Typed in a thread with no channel named and no discussion channel set, the discussion was
    scheduled into the thread ("here"), though `channel:` accepts no thread: when it fell due it was
    posted there, its thread could not be opened (a thread holds none) and it was marked failed."""
    await club.slash("story add", member=club.admin, file=sample_story)
    thread = await thread_in(club, club.text_channel)
    text = private_and_short(await club.slash(command, member=club.admin, channel=thread, options=options))
    assert "thread" in text and "`channel:`" in text, text
    assert await discussions_of(club) == []  # nothing stored

    # Named from the same thread, a text channel takes it.
    done = await club.slash(
        command, member=club.admin, channel=thread, options={**options, "channel": club.text_channel}
    )
    assert "scheduled" in done[-1].text or "Planned" in done[-1].text, done[-1].text
    assert {d.channel_id for d in await discussions_of(club)} == {club.text_channel.id}


@pytest.mark.parametrize(
    "command, options",
    [
        ("discussion schedule", {"story": TITLE, "chapter": 1, "when": "in 1 hour", "remind": "none"}),
        ("discussion plan", {"story": TITLE, "start": "in 1 hour", "every": "weekly", "remind": "none"}),
    ],
    ids=["schedule", "plan"],
)
async def test_a_discussion_asked_for_inside_a_thread_keeps_its_parent_for_when_the_setting_is_cleared(
    club: Club, sample_story: Path, command: str, options: dict
) -> None:
    """Typed in a thread while a discussion channel was set, the discussion stored the thread as the
    channel it falls back to; the setting cleared, it was posted there when due, its own thread could
    not be opened and it was marked failed. It keeps the thread's parent, and posts there."""
    await club.slash("story add", member=club.admin, file=sample_story)
    await club.run(update_settings(club.bot.db, club.guild.id, 0, discussion_channel_id=club.general_channel.id))
    thread = await thread_in(club, club.text_channel)
    done = await club.slash(command, member=club.admin, channel=thread, options=options)
    assert f"<#{club.general_channel.id}>" in done[-1].text, done[-1].text
    planned = await discussions_of(club)
    assert {d.channel_id for d in planned} == {club.text_channel.id}
    await club.run(update_settings(club.bot.db, club.guild.id, 0, discussion_channel_id=None))
    await advance(club, timedelta(hours=1))
    first = await club.run(discussion_store.get_discussion(club.bot.db, club.guild.id, min(d.id for d in planned)))
    assert first is not None and (first.state, first.posted_channel_id) == ("posted", club.text_channel.id), first
    assert bot_posts(club, club.text_channel) and not bot_posts(club, thread)


INVISIBLE = "\u200b\u2060\u200b"  # zero-width space, word joiner: typed or pasted, it shows nothing


@pytest.mark.parametrize(
    "command, options",
    [
        ("story info", {"story": INVISIBLE}),
        ("progress set", {"story": INVISIBLE, "chapter": 1}),
        ("prefs avoid", {"warning": INVISIBLE}),
        ("prefs allow", {"warning": INVISIBLE}),
        ("warnings report", {"story": TITLE, "chapter": 1, "warning": INVISIBLE}),
        ("warnings report", {"story": TITLE, "chapter": 1, "warning": "   "}),
        ("warnings story", {"story": TITLE, "add": INVISIBLE}),
        ("warnings story", {"story": TITLE, "remove": "   "}),
        ("warnings rules add", {"category": INVISIBLE, "pattern": "lighthouse keeper"}),
        ("warnings rules disable", {"target": INVISIBLE}),
        ("warnings rules enable", {"target": "   "}),
        ("discussion schedule", {"story": TITLE, "chapter": 1, "when": INVISIBLE}),
        ("discussion plan", {"story": TITLE, "start": "tomorrow 7pm", "every": INVISIBLE}),
        ("discussion move", {"id": 0, "when": INVISIBLE}),
        ("config set", {"timezone": INVISIBLE}),
    ],
)
async def test_a_value_that_shows_nothing_is_asked_for_not_quoted_as_empty_quotes(
    club: Club, sample_story: Path, command: str, options: dict
) -> None:
    """A value of zero-width characters (or of spaces) was checked as a value and refused with it
    quoted: "No story in this server's library matches “”", "There is no warning “” here", which a
    member cannot act on (they see nothing they typed). It is asked for, as an empty option is."""
    await club.slash("story add", member=club.admin, file=sample_story)
    if command == "discussion move":
        done = await club.slash("discussion schedule", member=club.admin, story=TITLE, chapter=1, when="tomorrow 7pm")
        options = {**options, "id": int(done[-1].text.split("**#")[1].split("**")[0])}
    member = club.member if command.startswith("prefs") else club.admin
    text = private_and_short(await club.slash(command, member=member, options=options))
    assert "“”" not in text and "“ ”" not in text, text
    assert text.startswith(("Pick ", "Say ", "Name ")), text  # what to give, first


async def test_optional_values_that_show_nothing_are_left_out(club: Club, sample_story: Path) -> None:
    """`remind:` or a book's `warnings:` of spaces are as if left out; of zero-width characters they were
    refused as “” ("I can't read “” as a reminder", "I don't know the warning “”")."""
    await club.slash("story add", member=club.admin, file=sample_story)
    # Three days on (the session's clock has moved on by earlier tests: "tomorrow 7pm" was less than a
    # day away once it read past 19:00, and the 1d reminder was past already)
    when = (club.clock.now() + timedelta(days=3)).strftime("%Y-%m-%d 19:00")
    options = {"story": TITLE, "chapter": 1, "when": when, "remind": INVISIBLE}
    [done] = await club.slash("discussion schedule", member=club.admin, options=options)
    assert "Reminders: 1d, 1h before." in done.text, done.text
    book = {"title": "Hollow Reeds", "chapters": 3, "warnings": f"death, {INVISIBLE}"}
    [added] = await club.slash("story add", member=club.admin, options=book)
    assert "Added **Hollow Reeds**" in added.text and "⚠️ Warnings: **Death**" in added.text, added.text


@pytest.mark.parametrize("kind", ["phrase", "regex"])
async def test_a_rule_with_a_direction_override_is_refused_not_stored(club: Club, kind: str) -> None:
    """A pattern with a bidi override (pasted, or typed to play a trick) was stored and repeated in
    `/warnings rules add`, `rules list` and the `rules remove` menu as typed, turning the rest of each
    line around; no story text needs one, so the rule is refused with nothing stored."""
    options = {"category": "death", "pattern": "keeper \u202elamp", "kind": kind}
    text = private_and_short(await club.slash("warnings rules add", member=club.admin, options=options))
    assert "\u202e" not in text and "Added" not in text, text
    assert "direction" in text, text
    assert await club.run(warnings_store.list_rules(club.bot.db, club.guild.id)) == []
    assert await club.autocomplete("warnings rules remove", "rule", "", member=club.admin) == []


async def test_a_discussion_stored_with_a_thread_before_the_fix_posts_in_its_parent_when_due(
    club: Club, sample_story: Path
) -> None:
    """Discussions stored with a thread as their channel (before new ones kept its parent) were posted
    in the thread when due, their own thread could not be opened and they were marked failed. The
    post, its reminder and its thread now go to the thread's parent."""
    await club.slash("story add", member=club.admin, file=sample_story)
    options = {"story": TITLE, "chapter": 1, "when": "in 3 hours", "remind": "2h", "channel": club.text_channel}
    done = await club.slash("discussion schedule", member=club.admin, options=options)
    assert "scheduled" in done[-1].text, done[-1].text
    [planned] = await discussions_of(club)
    thread = await thread_in(club, club.text_channel)

    async def as_stored_before() -> None:
        async with club.bot.db.transaction() as tx:
            await tx.execute("UPDATE discussions SET channel_id = ? WHERE id = ?", (thread.id, planned.id))

    await club.run(as_stored_before)
    await advance(club, timedelta(hours=1, minutes=1))  # the reminder falls due
    reminders = [m for m in bot_posts(club, club.text_channel) if "Reminder" in m.text]
    assert len(reminders) == 1 and not bot_posts(club, thread)
    await advance(club, timedelta(hours=2))  # the discussion falls due
    posted = await club.run(discussion_store.get_discussion(club.bot.db, club.guild.id, planned.id))
    assert posted is not None and (posted.state, posted.posted_channel_id) == ("posted", club.text_channel.id), posted
    assert posted.thread_id is not None and posted.thread_id != thread.id
    assert not bot_posts(club, thread)
