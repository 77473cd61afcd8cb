"""Discord failing under a post (session 38): 429 storms, route and global, and 5xx answers.

discord.py waits what each 429 says and retries a 500/502 a few times; a message Discord made but
answered with a 502 is found again by its nonce. Past discord.py's five tries the item must not be
posted twice, and the admin (or the log) learns it in a short line.
"""

from __future__ import annotations

from datetime import timedelta

from bot.devtools.driver import Club
from bot.excerpts import store as post_store
from bot.story.render import unrender
from tests.e2e.test_discussions import a_story, advance, bot_posts
from tests.e2e.test_excerpts import add_story, post, squash

PARAGRAPH = "The tide came in and went out. " * 55


def tide(paragraphs: int = 4) -> tuple[str, bytes]:
    body = "\n\n".join(f"Paragraph {i}: {PARAGRAPH}" for i in range(paragraphs))
    return ("tide.txt", f"Title: The Storm Tide\n\n{body}\n".encode())


def expected_text(paragraphs: int = 4) -> str:
    return squash("\n\n".join(f"Paragraph {i}: {PARAGRAPH}".strip() for i in range(paragraphs)))


async def test_an_excerpt_through_a_storm_of_429s_and_5xx_posts_every_message_once_in_order(club: Club) -> None:
    """The first message meets four failures in a row, discord.py's tries but one: a 500, a global 429
    and its route's 429 (each with a retry_after), then Discord makes it but answers 502; the last try
    repeats its nonce and gets the message made. Every message once, in order."""
    story_id = await add_story(club, tide())
    club.fail_messages(club.text_channel, status=500, times=1)
    club.inject_global_rate_limit(times=1, retry_after=0.2)
    club.inject_rate_limit(club.text_channel, times=1, retry_after=0.3)
    club.lose_message_answers(club.text_channel, status=502, times=1)
    replies = await post(club, member=club.admin, story=str(story_id), chapter=1, channel=club.text_channel)
    assert "Posted chapter 1" in replies[-1].text, [r.text for r in replies]
    posted = bot_posts(club, club.text_channel)
    assert len(posted) == 5, [m.content[:30] for m in posted]  # the header and four paragraphs
    assert posted[0].content.startswith("📖 **The Storm Tide**")
    assert squash(unrender([{"content": m.content} for m in posted])) == expected_text()
    rate_limited = club.rate_limited
    assert len(rate_limited) == 2 and all(r.retried for r in rate_limited)
    assert await sent_and_state(club) == (5, "done")


async def reminder_states(club: Club) -> list[str]:
    every = await club.run(club.bot.db.fetch_all("SELECT guild_id, state FROM discussion_reminders"))
    return [state for guild_id, state in every if guild_id == club.guild.id]


async def sent_and_state(club: Club) -> tuple[int, str]:
    [(job_id,)] = await club.run(club.bot.db.fetch_all("SELECT id FROM post_jobs WHERE guild_id = ?", (club.guild.id,)))
    job = await club.run(post_store.get_job(club.bot.db, club.guild.id, job_id))
    assert job is not None
    return job.sent, job.state


async def test_an_excerpt_message_made_but_answered_502_at_discord_py_s_last_try_is_not_posted_again(
    club: Club,
) -> None:
    """Four 429s, then Discord makes the message and answers 502: discord.py has no try left, the post
    stops with a short line, and ``/excerpt post`` again finds the message Discord made (by its nonce)
    instead of posting it a second time."""
    story_id = await add_story(club, tide())
    club.inject_rate_limit(club.text_channel, times=4, retry_after=0.05)
    club.lose_message_answers(club.text_channel, status=502, times=1)
    replies = await post(club, member=club.admin, story=str(story_id), chapter=1, channel=club.text_channel)
    told = replies[-1].text
    assert "stopped after 0 of 5 messages: Discord failed on its side (502)" in told, told
    assert len(bot_posts(club, club.text_channel)) == 1  # made, unknown to the bot
    again = await post(club, member=club.admin, story=str(story_id), chapter=1, channel=club.text_channel)
    assert "Posted chapter 1" in again[-1].text, [r.text for r in again]
    posted = bot_posts(club, club.text_channel)
    assert len(posted) == 5, [m.content[:30] for m in posted]
    assert squash(unrender([{"content": m.content} for m in posted])) == expected_text()
    assert await sent_and_state(club) == (5, "done")


async def test_an_excerpt_429d_past_discord_py_s_tries_stops_with_a_short_line_and_continues_once(club: Club) -> None:
    """Five 429s in a row on one message: discord.py gives up. The admin reads one short line saying
    what happened and what to do (no traceback, no status number to decode), and running the command
    again continues from there, posting nothing twice."""
    story_id = await add_story(club, tide())
    club.inject_rate_limit(club.text_channel, times=5, retry_after=0.05)
    with club.expect_errors(status=429):
        replies = await post(club, member=club.admin, story=str(story_id), chapter=1, channel=club.text_channel)
    told = replies[-1].text
    assert replies[-1].ephemeral and "\n" not in told.strip() and "Traceback" not in told, told
    assert "stopped after 0 of 5 messages" in told and "slow down" in told, told
    assert "Run `/excerpt post` for this chapter again" in told, told
    assert bot_posts(club, club.text_channel) == []
    again = await post(club, member=club.admin, story=str(story_id), chapter=1, channel=club.text_channel)
    assert "Posted chapter 1" in again[-1].text, [r.text for r in again]
    posted = bot_posts(club, club.text_channel)
    assert len(posted) == 5
    assert squash(unrender([{"content": m.content} for m in posted])) == expected_text()


async def test_a_reminder_429d_past_discord_py_s_tries_is_tried_again_later_and_posted_once(club: Club) -> None:
    """Five 429s in a row on a reminder: it was marked failed for good ("Discord refused it (429 You are
    being rate limited.)") and the club never got it, though Discord only asked to wait. A 429 is
    Discord's "not now": the reminder is tried again later, as after a 5xx, and posted once."""
    story = await a_story(club, "The Storm Lamp")
    await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when="in 4 hours", remind="1h",
        channel=club.text_channel,
    )  # fmt: skip
    club.inject_rate_limit(club.text_channel, times=5, retry_after=0.05)
    with club.expect_errors(status=429):
        await advance(club, timedelta(hours=3))
    assert bot_posts(club, club.text_channel) == []
    assert await reminder_states(club) == ["posting"]  # not "failed": owed, and tried again later
    await advance(club, timedelta(minutes=1))  # the first retry
    texts = [p.text for p in bot_posts(club, club.text_channel)]
    assert len(texts) == 1 and "Reminder" in texts[0], texts
    await advance(club, timedelta(hours=1))
    texts = [p.text for p in bot_posts(club, club.text_channel)]
    assert len(texts) == 2 and "Discussion #" in texts[1], texts
    assert await reminder_states(club) == ["posted"]
    every = await club.run(club.bot.db.fetch_all("SELECT guild_id, state FROM discussions"))
    assert [state for guild_id, state in every if guild_id == club.guild.id] == ["posted"]
