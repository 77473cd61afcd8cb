"""Presses a member should not be able to make: forged custom ids, other servers' ids, double presses.

A button can be seen by anyone who sees its message (a moderation channel, a review list an admin
shared), and a modified client can send any custom id. ``club.forge_press`` puts the bot's own
message carrying that one component in a channel and presses it, so discord.py routes the press
to the bot's handler as it would a real one. What must hold, whatever is pressed: the presser gets
a short private answer, admin actions are checked at the press, nothing crosses servers, nothing
lands in the log as an error (the ``club`` fixture fails a test on an ERROR), a double press acts once.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.client import UNROUTED_ANSWER
from bot.devtools.driver import Club, Reply
from bot.story.store import get_story_record
from cogs._checks import LARGEST_ID

PAST_SQLITE = [str(LARGEST_ID + 1), "9" * 20, str(2**70)]

# Every persistent custom id the bot makes, with ``{n}`` where an id rides.
TEMPLATES = [
    "dogear:read:{n}:1",
    "dogear:read:1:{n}",
    "dogear:read:1:1:{n}",
    "dogear:confirm:1:1:{n}",
    "dogear:private:{n}:1",
    "dogear:confirm:1:{n}",
    "dogear:repost:{n}:1:1:1",
    "dogear:repost:1:1:{n}:{n}",
    "dogear:nominee:{n}",
    "dogear:event-done:{n}",
    "dogear:event-retry:{n}",
    "dogear:story-remove:r:{n}:1",
    "dogear:story-remove:c:1:{n}",
    "dogear:category-remove:r:{n}:0123abcd:spiders",
    "dogear:warn:c:{n}:1:death",
    "dogear:warn:d:1:{n}:death",
    "dogear:warn:c:1:1:death:{n}",
    "dogear:review:a:p:{n}:1:death",
    "dogear:review:b:r:{n}:0:",
    "dogear:review:f:s:{n}:0:",
    "dogear:review:a:s:1:{n}:death",
    "dogear:review:a:p:1:1:death:{n}",
    "dogear:review:f:s:1:1:death:{n}",
]


async def add_story(club: Club, file: Path) -> int:
    replies = await club.slash("story add", member=club.admin, file=file)
    text = replies[-1].text
    assert "Added" in text, text
    return int(text.split("(story id ")[1].split(",")[0])


def in_place(reply: Reply) -> bool:
    """The pressed message itself, edited (the confirmation a Remove or Cancel answers)."""
    return reply.interaction is not None and reply.interaction.component_message_id == reply.id


def private_answer(replies: list[Reply]) -> str:
    """The short answer a press got: private, or the pressed message edited in place."""
    assert replies, "the press got no answer"
    assert all(reply.ephemeral or in_place(reply) for reply in replies), [reply.text for reply in replies]
    text = replies[-1].text
    assert "Something went wrong" not in text, text
    assert len(text) < 500, text
    return text


@pytest.mark.parametrize("value", PAST_SQLITE)
async def test_ids_past_what_sqlite_holds_get_the_answer_for_an_id_that_is_gone(club: Club, value: str) -> None:
    """Binding one of them raised OverflowError: "Something went wrong" and an error in the log."""
    for template in TEMPLATES:
        for member in (club.member, club.admin):
            private_answer(await club.forge_press(template.format(n=value), member=member))


async def test_ids_past_sqlite_on_a_real_story_name_no_chapter(club: Club, sample_story: Path) -> None:
    story_id = await add_story(club, sample_story)
    huge = str(2**64)
    text = private_answer(await club.forge_press(f"dogear:read:{story_id}:{huge}", member=club.member))
    assert "chapter" in text.lower()
    text = private_answer(await club.forge_press(f"dogear:warn:c:{story_id}:{huge}:death", member=club.admin))
    assert "Confirmed" not in text


@pytest.mark.parametrize(
    "custom_id",
    [
        "dogear:read:-1:1",
        "dogear:read:one:1",
        "dogear:read:1",
        "dogear:repost:1:1:1",
        "dogear:story-remove:x:1:1",
        "dogear:warn:c:1:1:DEATH!",
        "dogear:",
        "dogear:unknown:1",
    ],
)
async def test_malformed_custom_ids_of_the_bot_get_a_short_answer(club: Club, custom_id: str) -> None:
    """No handler's template matches: discord.py dropped the press and the member saw it fail."""
    assert private_answer(await club.forge_press(custom_id, member=club.member)) == UNROUTED_ANSWER
    assert private_answer(await club.forge_press(custom_id, component_type=3, values=["1"])) == UNROUTED_ANSWER


async def test_a_custom_id_over_discords_100_characters_gets_a_short_answer(club: Club) -> None:
    private_answer(await club.forge_press("dogear:nominee:" + "1" * 120, member=club.member))
    private_answer(await club.forge_press("dogear:read:1:" + "1" * 120, member=club.member))


async def test_a_malformed_form_of_the_bot_gets_a_short_answer(club: Club) -> None:
    for custom_id in ("dogear:book-form:x", "dogear:book-form:-1", "dogear:other-form:1"):
        replies = await club.forge_form(custom_id, {"chapters": "12"}, member=club.admin)
        assert private_answer(replies) == UNROUTED_ANSWER


async def test_a_press_of_a_component_the_message_lacks_gets_a_short_answer(club: Club, sample_story: Path) -> None:
    """A modified client pressing a custom id the message does not carry: discord.py drops it."""
    story_id = await add_story(club, sample_story)
    posted = await club.forge_press(f"dogear:read:{story_id}:1", member=club.member)
    message = club.state.messages[club.messages(club.text_channel, include_replies=False)[-1].id]
    data = {"custom_id": f"dogear:read:{story_id}:2", "component_type": 2}
    replies = await club._component(message, data, club.member)
    assert posted and private_answer(replies) == UNROUTED_ANSWER


async def test_admin_buttons_check_the_presser_at_the_press(club: Club, sample_story: Path) -> None:
    """A member without Manage Server (or Manage Messages) pressing an admin's button, even one
    naming the member as the admin who asked, changes nothing."""
    story_id = await add_story(club, sample_story)
    await club.slash(
        "excerpt post", member=club.admin, options={"channel": club.text_channel, "story": str(story_id), "chapter": 1}
    )
    posts_before = len(club.messages(club.text_channel, include_replies=False))
    member_id = club.member.user.id
    for custom_id in (
        f"dogear:story-remove:r:{story_id}:{member_id}",
        f"dogear:warn:c:{story_id}:1:death",
        f"dogear:warn:d:{story_id}:1:death",
        f"dogear:repost:{story_id}:1:{club.text_channel.id}:1",
        "dogear:nominee:1",
    ):
        text = private_answer(await club.forge_press(custom_id, member=club.member, channel=club.general_channel))
        assert "permission" in text.lower(), (custom_id, text)
    form = await club.forge_form("dogear:book-form:1", {"title": "Emma", "chapters": "12"}, member=club.member)
    assert "permission" in private_answer(form).lower()
    assert await club.run(get_story_record(club.bot.db, club.guild.id, story_id)) is not None
    reviews = await club.run(
        club.bot.db.fetch_value("SELECT count(*) FROM warning_reviews WHERE guild_id = ?", (club.guild.id,))
    )
    assert reviews == 0
    assert len(club.messages(club.text_channel, include_replies=False)) == posts_before


async def test_nothing_crosses_servers_whatever_ids_a_press_carries(club: Club, sample_story: Path) -> None:
    """The admin of another server forges presses with this server's story, channel and admin ids."""
    story_id = await add_story(club, sample_story)
    other = await club.add_guild("Elsewhere")
    other_story = await add_story(other, sample_story)
    channel_here = club.text_channel.id
    before = len(club.messages(club.text_channel, include_replies=False))
    admin_here = club.admin.user.id
    for custom_id in (
        f"dogear:read:{story_id}:2",
        f"dogear:private:{story_id}:1",
        f"dogear:story-remove:r:{story_id}:{other.admin.user.id}",
        f"dogear:story-remove:r:{story_id}:{admin_here}",
        f"dogear:warn:c:{story_id}:1:death",
        f"dogear:repost:{story_id}:1:{channel_here}:1",
        f"dogear:repost:{other_story}:1:{channel_here}:1",
    ):
        private_answer(await other.forge_press(custom_id, member=other.admin))
    assert len(club.messages(club.text_channel, include_replies=False)) == before
    assert await club.run(get_story_record(club.bot.db, club.guild.id, story_id)) is not None
    for table in ("warning_reviews", "reading_progress"):
        count = await club.run(
            club.bot.db.fetch_value(f"SELECT count(*) FROM {table} WHERE guild_id = ?", (club.guild.id,))
        )
        assert count == 0, table


async def test_a_double_press_acts_once(club: Club, sample_story: Path) -> None:
    """Two presses of the same button in flight together: one post, one removal."""
    story_id = await add_story(club, sample_story)
    await club.slash(
        "excerpt post", member=club.admin, options={"channel": club.text_channel, "story": str(story_id), "chapter": 1}
    )
    once = len(club.messages(club.text_channel, include_replies=False))
    asked = await club.slash(
        "excerpt post", member=club.admin, options={"channel": club.text_channel, "story": str(story_id), "chapter": 1}
    )
    presses = [club.click(asked[-1], "Post it again", member=club.admin) for _ in range(2)]
    answers = await asyncio.gather(*presses)
    assert all(private_answer(replies) for replies in answers)
    assert len(club.messages(club.text_channel, include_replies=False)) == 2 * once

    asked = await club.slash("story remove", member=club.admin, story=str(story_id))
    presses = [club.click(asked[-1], "Remove", member=club.admin) for _ in range(2)]
    answers = await asyncio.gather(*presses)
    confirmation = asked[-1]
    # The first press answers the question; the second is told so privately and leaves it as it is.
    said = [edit.get("content", "") for edit in confirmation.message.history] + [confirmation.content]
    assert sum("Removed **" in text for text in said) == 1 and confirmation.content.startswith("Removed **"), said
    others = [reply.text for replies in answers for reply in replies if reply.id != confirmation.id]
    assert len(others) == 1 and "first press of Remove" in others[0], others
    assert await club.run(get_story_record(club.bot.db, club.guild.id, story_id)) is None


async def test_a_forged_review_button_for_a_chapter_the_story_lacks_decides_nothing(
    club: Club, sample_story: Path
) -> None:
    """An admin's forged Confirm for chapter 99 of a three-chapter story stored a review of no chapter."""
    story_id = await add_story(club, sample_story)
    for action in ("c", "d"):
        text = private_answer(await club.forge_press(f"dogear:warn:{action}:{story_id}:99:death", member=club.admin))
        assert "chapter" in text.lower() and "Confirmed" not in text and "Dismissed" not in text, text
    reviews = await club.run(
        club.bot.db.fetch_value("SELECT count(*) FROM warning_reviews WHERE guild_id = ?", (club.guild.id,))
    )
    assert reviews == 0
