"""Warnings carry their source wherever members see them (issue 13, point 5), through the double.

An admin-confirmed warning reads "(confirmed by an admin)" in the posted excerpt header, in
``/story info`` and in the discussion post; a member's report an admin confirmed reads
"(reported by a member, confirmed)"; a possible warning is never in a posted header.
"""

from __future__ import annotations

from datetime import timedelta

from bot.devtools.driver import Club
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.store import insert_story

RED_FLOORS = Story(
    StoryMeta("Red Floors"),
    [
        Chapter(1, None, [Scene(["There was blood on the floor.", "His hand was bleeding."])]),  # possible blood-gore
        Chapter(2, None, [Scene(["The old man died in the night."])]),  # confident death
    ],
    "txt",
)


async def add_story(club: Club, value: Story = RED_FLOORS) -> int:
    async def go() -> int:
        async with club.bot.db.transaction() as tx:
            return await insert_story(tx, club.guild.id, value, content_hash=value.meta.title, added_by=1, now=0.0)

    return await club.run(go)


async def post(club: Club, story_id: int, chapter: int, channel=None) -> str:
    """``/excerpt post`` of one chapter (in #reading-room unless told); returns the header the channel got.

    A chapter is posted once per channel without a second question, so a second look posts elsewhere.
    """
    channel = channel or club.text_channel
    options = {"story": str(story_id), "chapter": chapter, "channel": channel}
    record = await club.runtime.run(
        club._slash("excerpt post", club.admin, club.channel(club.general_channel), None, options)
    )
    replies = await club._settle(record)
    assert "Posted chapter" in replies[-1].text, replies[-1].text
    headers = [m.content for m in club.messages(channel, include_replies=False) if m.content.startswith("📖")]
    return headers[-1]


def decide_id(action: str, story_id: int, chapter: int, warning: str) -> str:
    return f"dogear:warn:{action}:{story_id}:{chapter}:{warning}:0"  # :0: the story's chapters never moved


async def test_a_confirmed_warning_says_so_and_a_possible_one_is_never_posted(club: Club) -> None:
    story_id = await add_story(club)
    header = await post(club, story_id, 1)
    assert "Blood and gore" not in header and "(possible)" not in header  # possible: members never see it
    assert "Warnings: none declared or confirmed; 1 possible warning is waiting for an admin's review." in header
    assert "**Death** (detected)" in await post(club, story_id, 2)

    shown = (await club.slash("warnings story", member=club.admin, story=str(story_id)))[-1]
    assert "**Death** (`death`, detected)" in shown.text and "❔ **Blood and gore**" in shown.text
    await club.click(shown, decide_id("c", story_id, 1, "blood-gore"), member=club.admin)

    header = await post(club, story_id, 1, club.general_channel)
    assert "⚠️ Warnings: **Blood and gore** (confirmed by an admin)" in header
    info = (await club.slash("story info", member=club.member, story=str(story_id)))[-1]
    assert info.ephemeral
    assert "**Blood and gore** (confirmed by an admin)" in info.text and "**Death** (detected)" in info.text
    again = (await club.slash("warnings story", member=club.admin, story=str(story_id)))[-1]
    assert "(`blood-gore`, confirmed by an admin)" in again.text


async def test_a_confirmed_report_reads_as_reported_in_headers_and_story_info(club: Club) -> None:
    story_id = await add_story(club)
    await club.slash("warnings report", member=club.member, story=str(story_id), chapter=2, warning="vomit")
    assert "Vomit" not in await post(club, story_id, 2)  # an open report changes nothing yet
    review = (await club.slash("warnings review", member=club.admin))[-1]
    await club.click(review, decide_id("c", story_id, 2, "vomit"), member=club.admin)

    header = await post(club, story_id, 2, club.general_channel)
    assert "⚠️ Warnings: **Vomit** (reported by a member, confirmed), **Death** (detected)" in header
    assert f"<@{club.member.user.id}>" not in header  # the reporter is never named to members
    read = await club.slash("excerpt read", member=club.other_member, story=str(story_id), chapter=2)
    assert "**Vomit** (reported by a member, confirmed)" in read[0].content
    info = (await club.slash("story info", member=club.other_member, story=str(story_id)))[-1]
    assert "**Vomit** (reported by a member, confirmed)" in info.text


async def test_the_discussion_post_names_each_source_and_leaves_out_possible_ones(club: Club) -> None:
    story_id = await add_story(club)
    await club.slash("warnings story", member=club.admin, story=str(story_id), add="vomit")
    await club.slash(
        "discussion schedule",
        member=club.admin,
        story=str(story_id),
        chapter=1,
        when="in 2 hours",
        remind="none",
        channel=club.text_channel,
    )
    await club.clock.advance(timedelta(hours=2))
    await club.run(club.bot.get_cog("DiscussionCog").service.wait_idle())
    await club.settle()
    [opened] = [m for m in club.messages(club.text_channel, include_replies=False) if m.embeds]
    assert "**Content warnings:** **Vomit** (added by an admin)" in opened.text
    assert "Blood and gore" not in opened.text  # possible in chapter 1: not posted


BLOOD_ONLY = Story(
    StoryMeta("Red Tiles"),
    [Chapter(1, None, [Scene(["There was blood on the floor.", "His hand was bleeding."])])],  # possible blood-gore
    "txt",
)
UNDER_REVIEW = "none declared or confirmed; 1 possible warning is waiting for an admin's review."


async def test_a_story_with_only_unsettled_warnings_is_never_shown_as_free_of_them(club: Club) -> None:
    """The header, /excerpt read and /story info said "none declared or detected" while a possible
    warning waited for an admin: read as a clean bill. They say one is under review, never which;
    once an admin dismisses it, "none declared or detected" is true again."""
    story_id = await add_story(club, BLOOD_ONLY)
    assert f"Warnings: {UNDER_REVIEW}" in await post(club, story_id, 1)
    read = await club.slash("excerpt read", member=club.other_member, story=str(story_id), chapter=1)
    assert f"Warnings: {UNDER_REVIEW}" in read[0].content and "Blood" not in read[0].content
    info = (await club.slash("story info", member=club.other_member, story=str(story_id)))[-1]
    assert f"Warnings: {UNDER_REVIEW}" in info.text and "Blood" not in info.text

    shown = (await club.slash("warnings story", member=club.admin, story=str(story_id)))[-1]
    await club.click(shown, decide_id("d", story_id, 1, "blood-gore"), member=club.admin)
    info = (await club.slash("story info", member=club.other_member, story=str(story_id)))[-1]
    assert "Warnings: none declared or detected." in info.text
    assert "Warnings: none declared or detected." in await post(club, story_id, 1, club.general_channel)
