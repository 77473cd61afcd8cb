"""``/excerpt``: posting chapters behind spoilers, private reading, and the persistent buttons."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.devtools.driver import Club, Reply
from bot.excerpts import store as post_store
from bot.progress.prefs import avoid
from bot.progress.store import get_progress
from bot.story import plaintext
from bot.story.importer import content_hash, import_story
from bot.story.render import unrender
from bot.story.store import add_story as store_story
from bot.story.store import load_chapter


async def add_story(club: Club, file) -> int:
    replies = await club.slash("story add", member=club.admin, file=file)
    text = replies[-1].text
    assert "Added" in text, text
    return int(text.split("(story id ")[1].split(",")[0])


async def post(club: Club, *, member, channel=None, **options) -> list:
    """``/excerpt post`` with its ``channel`` option (``club.slash`` keeps ``channel=`` for where the
    command is typed, so the option goes in through the driver's option dict)."""
    if channel is not None:
        options["channel"] = channel
    record = await club.runtime.run(
        club._slash("excerpt post", member, club.channel(club.general_channel), None, options)
    )
    return await club._settle(record)


def squash(text: str) -> str:
    """Text with every run of whitespace as one space, to compare a chapter with what was posted."""
    return " ".join(text.split())


async def remove_story(db, guild_id: int, story_id: int) -> None:
    await db.execute("DELETE FROM stories WHERE guild_id = ? AND id = ?", (guild_id, story_id))


SUPPRESS_EMBEDS = 1 << 2  # the message flag that turns link previews off


def bot_posts(club: Club, channel) -> list:
    return club.messages(channel, include_replies=False)


async def test_post_a_chapter_header_first_then_spoilers_in_order(club: Club, sample_story: Path) -> None:
    story_id = await add_story(club, sample_story)
    replies = await post(club, member=club.moderator, story=str(story_id), chapter=1, channel=club.text_channel)
    assert replies[-1].ephemeral and "Posted chapter 1 of **The Lamp at Gull Point**" in replies[-1].text
    posted = bot_posts(club, club.text_channel)
    header = posted[0].content
    assert header.startswith("📖 **The Lamp at Gull Point** · Chapter 1: The Last Ferry")
    assert "Warnings:" in header and "Grief" in header
    assert all(m.content.startswith(("||", "— ⁂ —\n||")) for m in posted[1:])
    assert posted[-1].labels == ["I've read this", "Read privately"]
    assert all(not m.labels for m in posted[:-1])
    chapter = await club.run(load_chapter(club.bot.db, club.guild.id, story_id, 1))
    payloads = [{"content": m.content} for m in posted]
    assert squash(unrender(payloads)) == squash(chapter.text)
    assert not [r for r in club.rate_limited if not r.retried]


async def test_a_long_chapter_posts_whole_in_order_within_rate_limits(club: Club) -> None:
    paragraphs = [f"Paragraph {i}: " + "the tide came in and went out again " * 12 for i in range(60)]
    text = "Title: The Long Tide\n\n" + "\n\n".join(paragraphs) + "\n"
    story_id = await add_story(club, ("tide.txt", text.encode()))
    await post(club, member=club.admin, story=str(story_id), chapter=1, channel=club.text_channel)
    posted = bot_posts(club, club.text_channel)
    assert len(posted) > 12  # more than two rate-limit windows' worth
    assert club.rate_limited == []  # paced under the limit, not retried after hitting it
    assert all(len(m.content) <= 2000 for m in posted)
    assert squash(unrender([{"content": m.content} for m in posted])) == squash(
        "\n\n".join(p.strip() for p in paragraphs)
    )
    assert not [r for r in club.rate_limited if not r.retried]


async def test_mentions_in_story_text_ping_nobody(club: Club) -> None:
    member_id, role_id = club.member.user.id, club.club_role.id
    text = (
        "Title: Loud\n\n"
        f"@everyone look! @here too. <@{member_id}> and <@!{member_id}> and <@&{role_id}> in <#{club.text_channel.id}>.\n"
    )
    story_id = await add_story(club, ("loud.txt", text.encode()))
    await post(club, member=club.admin, story=str(story_id), chapter=1, channel=club.text_channel)
    for message in bot_posts(club, club.text_channel):
        assert not message.message.pinged_everyone
        assert not message.message.pinged_users and not message.message.pinged_roles
        assert "@everyone" not in message.content and f"<@{member_id}>" not in message.content
    assert "look\\!" not in bot_posts(club, club.text_channel)[1].content  # escaped only where needed


async def test_links_in_story_text_get_no_preview_outside_the_spoiler(club: Club) -> None:
    text = "Title: Links\n\nShe pasted discord.gg/abc123 and https://example.com/door into the chat.\n"
    story_id = await add_story(club, ("links.txt", text.encode()))
    await post(club, member=club.admin, story=str(story_id), chapter=1, channel=club.text_channel)
    posted = bot_posts(club, club.text_channel)
    assert len(posted) >= 2
    assert all(message.message.flags & SUPPRESS_EMBEDS for message in posted)


async def test_default_channel_and_missing_channel(club: Club, sample_story: Path) -> None:
    story_id = await add_story(club, sample_story)
    replies = await post(club, member=club.admin, story=str(story_id), chapter=2)
    assert "set the club channel first" in replies[-1].text
    await club.slash("config set", member=club.admin, club_channel=club.general_channel)
    await post(club, member=club.admin, story=str(story_id), chapter=2)
    assert bot_posts(club, club.general_channel)[0].content.startswith("📖 **The Lamp at Gull Point** · Chapter 2")


async def test_admin_is_told_which_permission_is_missing(club: Club, sample_story: Path) -> None:
    story_id = await add_story(club, sample_story)
    replies = await post(club, member=club.admin, story=str(story_id), chapter=1, channel=club.locked_channel)
    assert replies[-1].ephemeral and "missing Send Messages" in replies[-1].text
    assert not bot_posts(club, club.locked_channel)


async def test_members_cannot_post_and_bad_chapters_are_refused(club: Club, sample_story: Path) -> None:
    story_id = await add_story(club, sample_story)
    replies = await post(club, member=club.member, story=str(story_id), chapter=1, channel=club.text_channel)
    assert "Manage Messages" in replies[-1].text
    replies = await post(club, member=club.admin, story=str(story_id), chapter=9, channel=club.text_channel)
    assert "has 4 chapters; pick a chapter from 1 to 4" in replies[-1].text
    replies = await club.slash("excerpt read", member=club.member, story="No Such Story", chapter=1)
    assert "No story in this server's library matches" in replies[-1].text
    assert not bot_posts(club, club.text_channel)


async def test_ive_read_this_moves_progress_forward_and_survives_restart(club: Club, sample_story: Path) -> None:
    story_id = await add_story(club, sample_story)
    await post(club, member=club.admin, story=str(story_id), chapter=2, channel=club.text_channel)
    last = bot_posts(club, club.text_channel)[-1]
    replies = await club.click(last, "I've read this", member=club.member)
    assert replies[-1].ephemeral and "read up to chapter 2" in replies[-1].text
    assert await club.run(get_progress(club.bot.db, club.guild.id, club.member.user.id, story_id)) == 2
    await club.restart()
    replies = await club.click(last, "I've read this", member=club.member)
    assert "read up to chapter 2 of **The Lamp at Gull Point** already" in replies[-1].text
    await club.run(remove_story(club.bot.db, club.guild.id, story_id))
    replies = await club.click(last, "I've read this", member=club.other_member)
    assert "no longer in this server's library" in replies[-1].text


async def test_buttons_of_a_story_removed_and_added_again_say_how_to_reach_the_new_one(
    club: Club, sample_story: Path
) -> None:
    """The re-imported story is a new entry: the old post's buttons cannot reach it, so they say what can."""
    story_id = await add_story(club, sample_story)
    await post(club, member=club.admin, story=str(story_id), chapter=2, channel=club.text_channel)
    last = bot_posts(club, club.text_channel)[-1]
    await club.run(remove_story(club.bot.db, club.guild.id, story_id))
    again = await add_story(club, sample_story)
    assert again != story_id
    for label in ("I've read this", "Read privately"):
        [answer] = await club.click(last, label, member=club.member)
        assert answer.ephemeral
        assert "no longer in this server's library" in answer.text
        for command in ("`/story list`", "`/excerpt read`", "`/progress set`"):
            assert command in answer.text
    assert await club.run(get_progress(club.bot.db, club.guild.id, club.member.user.id, again)) == 0


async def test_read_privately_button_and_command(club: Club, sample_story: Path) -> None:
    story_id = await add_story(club, sample_story)
    await post(club, member=club.admin, story=str(story_id), chapter=1, channel=club.text_channel)
    before = len(bot_posts(club, club.text_channel))
    replies = await club.click(bot_posts(club, club.text_channel)[-1], "Read privately", member=club.member)
    assert all(reply.ephemeral for reply in replies)
    assert replies[0].content.startswith("📖 **The Lamp at Gull Point** · Chapter 1")
    assert replies[1].content.startswith("||")
    assert len(bot_posts(club, club.text_channel)) == before
    replies = await club.slash("excerpt read", member=club.other_member, story=str(story_id), chapter=2)
    assert replies[0].content.startswith("📖 **The Lamp at Gull Point** · Chapter 2")
    # Read on its own, chapter 2 says nothing of chapter 1: the place is kept, and the member asked.
    assert "is not saved yet: reading chapter 2 on its own does not mark chapter 1 read" in replies[-1].text
    assert await club.run(get_progress(club.bot.db, club.guild.id, club.other_member.user.id, story_id)) == 0
    saved = await club.click(replies[-1], "I've read this", member=club.other_member)
    assert "read up to chapter 2" in saved[-1].text
    replies = await club.slash("excerpt read", member=club.other_member, story=str(story_id), chapter=3)
    assert replies[0].content.startswith("📖 **The Lamp at Gull Point** · Chapter 3")
    assert "read up to chapter 3" in replies[-1].text  # the next chapter: saved as it is read
    assert await club.run(get_progress(club.bot.db, club.guild.id, club.other_member.user.id, story_id)) == 3


async def test_avoided_warning_asks_once_more(club: Club, sample_story: Path) -> None:
    story_id = await add_story(club, sample_story)
    await club.run(avoid(club.bot.db, club.guild.id, club.member.user.id, "grief"))
    asked = await club.slash("excerpt read", member=club.member, story=str(story_id), chapter=1)
    assert len(asked) == 1 and "has a warning you asked to avoid: **Grief**" in asked[0].text
    assert asked[0].labels == ["Show it anyway"]
    assert await club.run(get_progress(club.bot.db, club.guild.id, club.member.user.id, story_id)) == 0
    shown = await club.click(asked[0], "Show it anyway", member=club.member)
    assert "🚫 **Grief** (author; you avoid this)" in shown[0].content
    assert shown[1].content.startswith("||")


# -- posts as jobs: long chapters, reposts, a post already running, a restart in the middle -----


def long_story(name: str, paragraphs: int) -> tuple[str, bytes]:
    """One chapter of about one message per paragraph (1,700 characters each)."""
    body = "\n\n".join(f"Paragraph {i}: " + "The tide came in and went out. " * 55 for i in range(paragraphs))
    return f"{name}.txt", f"Title: {name}\n\n{body}\n".encode()


async def start_post(club: Club, story_id: int, chapter: int, channel) -> object:
    """``/excerpt post`` dispatched without waiting for it to finish (returns the interaction record)."""
    options = {"story": str(story_id), "chapter": chapter, "channel": channel}
    return await club.runtime.run(
        club._slash("excerpt post", club.admin, club.channel(club.general_channel), None, options)
    )


def chunk_texts(posted: list[Reply]) -> str:
    return squash(unrender([{"content": m.content} for m in posted]))


async def test_a_chapter_over_max_post_messages_is_refused_with_its_count(club: Club) -> None:
    story_id = await add_story(club, long_story("The Endless Shore", 104))
    replies = await post(club, member=club.admin, story=str(story_id), chapter=1, channel=club.text_channel)
    answer = replies[-1]
    assert answer.ephemeral
    assert "would take 105 messages, more than the 100 I post into a channel" in answer.text
    assert "`/excerpt read story:" in answer.text and "(s)" not in answer.text
    assert bot_posts(club, club.text_channel) == []
    read = await club.slash("excerpt read", member=club.member, story=str(story_id), chapter=1)
    assert len(read) == 11 and all(r.ephemeral for r in read)  # a page: 10 messages and which page it is
    assert "Page 1 of 11 of chapter 1 · next:" in read[-1].text, read[-1].text
    last = await club.slash("excerpt read", member=club.member, story=str(story_id), chapter=1, page=11)
    assert len(last) == 7 and "Saved" in last[-1].text  # the last 5 messages, the page note and "saved"


async def test_posting_a_chapter_the_channel_already_has_asks_first(club: Club, sample_story: Path) -> None:
    story_id = await add_story(club, sample_story)
    await post(club, member=club.admin, story=str(story_id), chapter=1, channel=club.text_channel)
    once = len(bot_posts(club, club.text_channel))
    asked = await post(club, member=club.admin, story=str(story_id), chapter=1, channel=club.text_channel)
    assert asked[-1].ephemeral and "is already in" in asked[-1].text and "Post it there again?" in asked[-1].text
    assert asked[-1].labels == ["Post it again"]
    assert len(bot_posts(club, club.text_channel)) == once
    again = await club.click(asked[-1], "Post it again", member=club.admin)
    assert again[-1].ephemeral and "Posted chapter 1 of **The Lamp at Gull Point**" in again[-1].text
    posted = bot_posts(club, club.text_channel)
    assert len(posted) == 2 * once and posted[once].content == posted[0].content
    clicked_twice = await club.click(asked[-1], "Post it again", member=club.admin)
    assert "is already in" in clicked_twice[-1].text  # that "yes" was used up: it asks again
    assert len(bot_posts(club, club.text_channel)) == 2 * once
    elsewhere = await post(club, member=club.admin, story=str(story_id), chapter=1, channel=club.general_channel)
    assert "Posted chapter 1" in elsewhere[-1].text  # another channel does not have it yet: no question


async def test_a_chapter_being_posted_says_so(club: Club) -> None:
    story_id = await add_story(club, long_story("The Long Shore", 30))
    first = await start_post(club, story_id, 1, club.text_channel)
    await club.wait_for(lambda: len(bot_posts(club, club.text_channel)) >= 3, "the post to start")
    replies = await post(club, member=club.moderator, story=str(story_id), chapter=1, channel=club.general_channel)
    assert replies[-1].ephemeral and "is being posted in" in replies[-1].text and "right now" in replies[-1].text
    finished = await club._settle(first)
    assert "Posted chapter 1" in finished[-1].text
    assert bot_posts(club, club.general_channel) == []
    assert len(bot_posts(club, club.text_channel)) == 31


async def test_a_restart_in_the_middle_of_a_post_resumes_it_once_complete_and_in_order(club: Club) -> None:
    paragraphs = 28
    story_id = await add_story(club, long_story("The Broken Tide", paragraphs))
    record = await start_post(club, story_id, 1, club.text_channel)
    await club.wait_for(lambda: len(bot_posts(club, club.text_channel)) >= 8, "eight messages")
    await club.restart()  # the bot closes between two messages and starts again on the same database
    await club.settle()
    posted = bot_posts(club, club.text_channel)
    job = await club.run(post_store.latest_job(club.bot.db, club.guild.id, story_id, 1, club.text_channel.id))
    assert job is not None and job.state == "done" and job.chunk_count == paragraphs + 1
    chunks = await club.run(post_store.chunks(club.bot.db, club.guild.id, job.id))
    assert [m.id for m in posted] == [c.message_id for c in chunks]  # every message once, in order, recorded
    assert sum(m.content.startswith("📖") for m in posted) == 1 and posted[0].content.startswith("📖")
    chapter = await club.run(load_chapter(club.bot.db, club.guild.id, story_id, 1))
    assert chunk_texts(posted) == squash(chapter.text)
    assert posted[-1].labels == ["I've read this", "Read privately"]
    sends = [
        r.body for r in club.requests if r.method == "POST" and r.path.endswith(f"/{club.text_channel.id}/messages")
    ]
    assert all(body.get("enforce_nonce") is True and body.get("nonce") for body in sends)
    assert len({body["nonce"] for body in sends}) == len(posted)  # a resend repeats its message's nonce
    told = [reply.text for reply in club.replies(record)]  # the admin's own interaction, still open
    assert told[0].startswith("I restarted while posting chapter 1 of **The Broken Tide**")
    assert told[-1].startswith("Posted chapter 1 of **The Broken Tide**") and all(
        r.ephemeral for r in club.replies(record)
    )
    replies = await club.click(posted[-1], "I've read this", member=club.member)
    assert "read up to chapter 1" in replies[-1].text


async def test_the_double_keeps_a_nonce_unique_for_a_few_minutes_like_discord(club: Club) -> None:
    """What resuming relies on: a resend with the same nonce soon after returns the first message."""

    async def send(text: str, nonce: str) -> int:
        async def go() -> int:
            channel = club.bot.get_channel(club.text_channel.id)
            return (await channel.send(text, nonce=nonce)).id

        return await club.run(go)

    first = await send("chunk three", "x0123456789.3")
    assert await send("chunk three", "x0123456789.3") == first
    assert len(bot_posts(club, club.text_channel)) == 1
    await club.clock.advance(timedelta(minutes=6))  # Discord forgets the nonce after a few minutes
    later = await send("chunk three", "x0123456789.3")
    assert later != first and len(bot_posts(club, club.text_channel)) == 2


async def test_a_post_into_a_thread_that_archived_while_the_bot_was_down_resumes_there(club: Club) -> None:
    """Discord leaves archived threads out of a server's threads at start, and discord.py's cache with
    them; the resumed post must find the thread (sending unarchives it), not give up on a "gone" channel."""
    paragraphs = 20
    story_id = await add_story(club, long_story("The Quiet Tide", paragraphs))
    state = club.double.state
    thread = state.create_thread(state.channels[club.text_channel.id], "Chapter one", 11, club.admin.user)
    await club.wait_for(lambda: club.bot.get_channel(thread.id) is not None, "the bot to see the thread")
    await start_post(club, story_id, 1, thread)
    await club.wait_for(lambda: len(bot_posts(club, thread)) >= 6, "six messages")

    async def archive() -> None:
        thread.archived = True

    await club.restart(while_down=archive)
    await club.settle()
    job = await club.run(post_store.latest_job(club.bot.db, club.guild.id, story_id, 1, thread.id))
    assert job is not None and job.state == "done", job
    posted = bot_posts(club, thread)
    chunks = await club.run(post_store.chunks(club.bot.db, club.guild.id, job.id))
    assert [m.id for m in posted] == [c.message_id for c in chunks] and len(posted) == paragraphs + 1
    assert not thread.archived


# -- buttons after /story update moved the chapters down ------------------------------------


async def dedication_story(club: Club, sample_story: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, bytes]:
    """The sample story as an older Dogear stored it, its dedication as chapter 1; and its file."""
    text = sample_story.read_text(encoding="utf-8")
    start = text.index("# Chapter 1")
    data = f"{text[:start]}# Dedication\n\nFor my grandmother, who kept the tide tables.\n\n{text[start:]}".encode()
    with monkeypatch.context() as patched:
        patched.setattr(plaintext, "split_front_pages", lambda items: ([], items))
        old = import_story(data, "lamp.md", max_bytes=len(data))
    story_id = await club.run(
        store_story(club.bot.db, club.guild.id, old, content_hash=content_hash(old), added_by=None, now=0.0)
    )
    return story_id, data


async def test_buttons_posted_before_the_chapters_moved_act_on_the_chapter_the_member_saw(
    club: Club, sample_story: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The update makes the dedication a note and chapter 3 the book's chapter 2: a post's buttons
    made before it carried 3, and "I've read this" marked the book's chapter 3, one too far."""
    story_id, data = await dedication_story(club, sample_story, monkeypatch)
    await post(club, member=club.admin, story=str(story_id), chapter=1, channel=club.general_channel)
    dedication = bot_posts(club, club.general_channel)[-1]
    await post(club, member=club.admin, story=str(story_id), chapter=3, channel=club.text_channel)
    seen = bot_posts(club, club.text_channel)
    assert seen[0].content.startswith("📖 **The Lamp at Gull Point** · Chapter 3: What the Logbook Kept")
    asked = await post(club, member=club.admin, story=str(story_id), chapter=3, channel=club.text_channel)
    assert asked[-1].labels == ["Post it again"]
    updated = await club.slash("story update", member=club.admin, story=str(story_id), file=("lamp.md", data))
    assert "chapter numbers moved down by one" in updated[-1].text

    marked = await club.click(seen[-1], "I've read this", member=club.member)
    assert "read up to chapter 2 of" in marked[-1].text
    assert await club.run(get_progress(club.bot.db, club.guild.id, club.member.user.id, story_id)) == 2
    shown = await club.click(seen[-1], "Read privately", member=club.other_member)
    assert shown[0].content.startswith("📖 **The Lamp at Gull Point** · Chapter 2: What the Logbook Kept")
    assert squash(unrender([{"content": r.content} for r in shown])) == squash(
        unrender([{"content": m.content} for m in seen])
    )

    for label in ("I've read this", "Read privately"):
        [note] = await club.click(dedication, label, member=club.owner)
        assert note.ephemeral and "now one of the story's notes" in note.text, note.text
    assert await club.run(get_progress(club.bot.db, club.guild.id, club.owner.user.id, story_id)) == 0

    again = await club.click(asked[-1], "Post it again", member=club.admin)
    assert "Posted chapter 2 of **The Lamp at Gull Point**" in again[-1].text
    assert bot_posts(club, club.text_channel)[len(seen)].content.startswith(
        "📖 **The Lamp at Gull Point** · Chapter 2: What the Logbook Kept"
    )


async def test_an_avoided_warning_asked_before_the_chapters_moved_shows_the_chapter_asked_about(
    club: Club, sample_story: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story_id, data = await dedication_story(club, sample_story, monkeypatch)
    await club.run(avoid(club.bot.db, club.guild.id, club.member.user.id, "grief"))
    asked = await club.slash("excerpt read", member=club.member, story=str(story_id), chapter=2)
    assert "Chapter 2 of **The Lamp at Gull Point** has a warning you asked to avoid" in asked[0].text
    await club.slash("story update", member=club.admin, story=str(story_id), file=("lamp.md", data))
    shown = await club.click(asked[0], "Show it anyway", member=club.member)
    assert shown[0].content.startswith("📖 **The Lamp at Gull Point** · Chapter 1: The Last Ferry")
    assert "read up to chapter 1 of" in shown[-1].text


async def test_a_button_from_before_moves_were_counted_finds_the_chapter_of_its_post(
    club: Club, sample_story: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Buttons made by an older Dogear carry no count of moves; the post they are under moved with its
    chapter, and a press of such an id that is no post's counts every recorded move."""
    story_id, data = await dedication_story(club, sample_story, monkeypatch)
    await post(club, member=club.admin, story=str(story_id), chapter=4, channel=club.text_channel)
    last = bot_posts(club, club.text_channel)[-1]
    await club.slash("story update", member=club.admin, story=str(story_id), file=("lamp.md", data))
    await club.run(club.bot.db.execute("DELETE FROM chapter_moves WHERE guild_id = ?", (club.guild.id,)))
    state_message = club.state.messages[last.id]
    for component in state_message.components[0]["components"]:
        component["custom_id"] = component["custom_id"].rsplit(":", 1)[0]  # as an older Dogear made them
    marked = await club.click(last, "I've read this", member=club.member)
    assert "read up to chapter 3 of" in marked[-1].text
    await club.run(
        club.bot.db.execute(
            "INSERT INTO chapter_moves (guild_id, story_id, moved_by) VALUES (?, ?, 1)", (club.guild.id, story_id)
        )
    )
    forged = await club.forge_press(f"dogear:read:{story_id}:4", member=club.other_member)
    assert "read up to chapter 3 of" in forged[-1].text


async def test_buttons_of_a_chapter_an_update_took_down_say_so(club: Club, sample_story: Path) -> None:
    """They answered "Chapter 4 is out of range ...; pick a chapter from 1 to 3" to a member who picked nothing."""
    story_id = await add_story(club, sample_story)
    await post(club, member=club.admin, story=str(story_id), chapter=4, channel=club.text_channel)
    last = bot_posts(club, club.text_channel)[-1]
    text = sample_story.read_text(encoding="utf-8")
    shorter = text[: text.index("# Chapter 4")].encode()
    await club.slash(
        "story update", member=club.admin, story=str(story_id), file=("lamp.md", shorter), replace_anyway=True
    )
    for label in ("I've read this", "Read privately"):
        [answer] = await club.click(last, label, member=club.member)
        assert answer.ephemeral and "taken down when **The Lamp at Gull Point** was updated" in answer.text
        assert "3 chapters now" in answer.text and "pick" not in answer.text
    assert await club.run(get_progress(club.bot.db, club.guild.id, club.member.user.id, story_id)) == 0


async def test_buttons_posted_before_a_prologue_or_a_chapter_taken_out_act_on_the_chapter_the_member_saw(
    club: Club, sample_story: Path
) -> None:
    """The author added a prologue, then took it out again: "I've read this" under chapter 2's post,
    made before either, marks the same text each time (chapter 3, then 2 again), and the prologue's
    own buttons say it was taken down instead of marking the chapter now holding its number."""
    await club.slash("story add", member=club.admin, file=sample_story)
    [choice] = await club.autocomplete("story update", "story", "gull", member=club.admin)
    story_id = int(choice["value"])
    await post(club, member=club.admin, story=str(story_id), chapter=2, channel=club.text_channel)
    seen = bot_posts(club, club.text_channel)
    text = sample_story.read_text(encoding="utf-8")
    start = text.index("# Chapter 1")
    prologue = "# Prologue\n\nForty years before Nell came, her grandfather carried the first logbook up the steps.\n\n"
    with_prologue = f"{text[:start]}{prologue}{text[start:]}".encode()
    updated = await club.slash("story update", member=club.admin, story=str(story_id), file=("l.md", with_prologue))
    assert "chapters 1-4 are now 2-5" in updated[-1].text

    marked = await club.click(seen[-1], "I've read this", member=club.member)
    assert "read up to chapter 3 of" in marked[-1].text
    await post(club, member=club.admin, story=str(story_id), chapter=1, channel=club.general_channel)
    of_prologue = bot_posts(club, club.general_channel)[-1]

    updated = await club.slash(
        "story update", member=club.admin, story=str(story_id), file=("l.md", sample_story.read_bytes()),
        replace_anyway=True,
    )  # fmt: skip
    assert "Chapter 1 was taken out; chapters 2-5 are now 1-4" in updated[-1].text
    assert await club.run(get_progress(club.bot.db, club.guild.id, club.member.user.id, story_id)) == 2
    shown = await club.click(seen[-1], "Read privately", member=club.other_member)
    assert shown[0].content.startswith("📖 **The Lamp at Gull Point** · Chapter 2: What the Logbook Kept")
    [note] = await club.click(of_prologue, "I've read this", member=club.owner)
    assert note.ephemeral and "This chapter was taken down when" in note.text, note.text
    assert await club.run(get_progress(club.bot.db, club.guild.id, club.owner.user.id, story_id)) == 0
