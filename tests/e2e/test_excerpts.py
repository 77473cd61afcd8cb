"""``/excerpt``: posting chapters behind spoilers, private reading, and the persistent buttons."""

from __future__ import annotations

from pathlib import Path

from bot.devtools.driver import Club
from bot.progress.prefs import avoid
from bot.progress.store import get_progress
from bot.story.render import normalize_whitespace, unrender
from bot.story.store import load_chapter, remove_story


async def add_story(club: Club, file) -> int:
    replies = await club.slash("story add", member=club.admin, file=file)
    text = replies[-1].text
    assert "Added" in text, text
    return int(text.split("(id ")[1].split(")")[0])


async def post(club: Club, *, member, channel=None, **options) -> list:
    """``/excerpt post`` with its ``channel`` option (``club.slash`` keeps ``channel=`` for where the
    command is typed, so the option goes in through the driver's option dict)."""
    if channel is not None:
        options["channel"] = channel
    record = await club.runtime.run(
        club._slash("excerpt post", member, club.channel(club.general_channel), None, options)
    )
    return await club._settle(record)


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
    assert normalize_whitespace(unrender(payloads)) == normalize_whitespace(chapter.text)
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
    assert normalize_whitespace(unrender([{"content": m.content} for m in posted])) == normalize_whitespace(
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
    assert "already at chapter 2" in replies[-1].text
    await club.run(remove_story(club.bot.db, club.guild.id, story_id))
    replies = await club.click(last, "I've read this", member=club.other_member)
    assert "no longer in this server's library" in replies[-1].text


async def test_read_privately_button_and_command(club: Club, sample_story: Path) -> None:
    story_id = await add_story(club, sample_story)
    await post(club, member=club.admin, story=str(story_id), chapter=1, channel=club.text_channel)
    before = len(bot_posts(club, club.text_channel))
    replies = await club.click(bot_posts(club, club.text_channel)[-1], "Read privately", member=club.member)
    assert all(reply.ephemeral for reply in replies)
    assert replies[0].content.startswith("📖 **The Lamp at Gull Point** · Chapter 1")
    assert replies[1].content.startswith("||")
    assert len(bot_posts(club, club.text_channel)) == before
    replies = await club.slash("excerpt read", member=club.other_member, story=str(story_id), chapter=3)
    assert replies[0].content.startswith("📖 **The Lamp at Gull Point** · Chapter 3")
    assert "read up to chapter 3" in replies[-1].text
    assert await club.run(get_progress(club.bot.db, club.guild.id, club.other_member.user.id, story_id)) == 3


async def test_avoided_warning_asks_once_more(club: Club, sample_story: Path) -> None:
    story_id = await add_story(club, sample_story)
    await club.run(avoid(club.bot.db, club.guild.id, club.member.user.id, "grief"))
    asked = await club.slash("excerpt read", member=club.member, story=str(story_id), chapter=1)
    assert len(asked) == 1 and "warnings you asked to avoid: **Grief**" in asked[0].text
    assert asked[0].labels == ["Show it anyway"]
    assert await club.run(get_progress(club.bot.db, club.guild.id, club.member.user.id, story_id)) == 0
    shown = await club.click(asked[0], "Show it anyway", member=club.member)
    assert "🚫 **Grief** (you avoid this)" in shown[0].content
    assert shown[1].content.startswith("||")
