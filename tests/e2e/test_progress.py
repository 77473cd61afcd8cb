"""``/progress``: set, show, club and privacy through the Discord double, as members use them."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PIL import Image

from bot.devtools.double.models import User
from bot.devtools.driver import Club, Reply
from bot.progress.store import get_progress, is_hidden, mark_read
from bot.story.model import Chapter, Scene, Story, StoryMeta
from bot.story.store import add_story

TITLE = "The Lamp at Gull Point"


async def add_sample(club: Club, sample_story: Path) -> str:
    """Adds the 4-chapter sample story; returns its id as autocomplete offers it."""
    await club.slash("story add", member=club.admin, file=sample_story)
    choices = await club.autocomplete("progress set", "story", "gull", member=club.member)
    assert [c["name"] for c in choices] and choices[0]["name"].startswith(TITLE)
    return choices[0]["value"]


async def show(club: Club, invoker: Any, target: Any | None = None) -> list[Reply]:
    """``/progress show [member]``: the option is called ``member``, like the driver's invoker argument."""
    options = {} if target is None else {"member": target}
    record = await club.runtime.run(
        club._slash("progress show", invoker, club.channel(club.text_channel), None, options)
    )
    return await club._settle(record)


@contextmanager
def advanced_events(club: Club) -> Iterator[list[tuple[int, int, int, int, int]]]:
    """Collect ``progress_advanced`` events the bot dispatches while the block runs."""
    seen: list[tuple[int, int, int, int, int]] = []

    async def listener(guild_id: int, user_id: int, story_id: int, chapter: int, previous: int) -> None:
        seen.append((guild_id, user_id, story_id, chapter, previous))

    async def attach() -> None:
        club.bot.add_listener(listener, "on_progress_advanced")

    async def detach() -> None:
        club.bot.remove_listener(listener, "on_progress_advanced")

    club.runtime.call(club.run(attach))
    try:
        yield seen
    finally:
        club.runtime.call(club.run(detach))


async def test_set_then_show_with_a_bar(club: Club, sample_story: Path) -> None:
    story = await add_sample(club, sample_story)
    replies = await club.slash("progress set", member=club.member, story=story, chapter=2)
    assert replies[0].ephemeral
    assert "Saved: you have read up to chapter 2." in replies[0].text
    assert "`█████░░░░░ 2/4` **The Lamp at Gull Point**" in replies[0].text
    assert await club.run(get_progress(club.bot.db, club.guild.id, club.member.user.id, int(story))) == 2

    shown = await show(club, club.member)
    assert shown[0].ephemeral
    assert shown[0].text.splitlines() == ["Your reading:", "`█████░░░░░ 2/4` **The Lamp at Gull Point**"]

    back = await club.slash("progress set", member=club.member, story=TITLE, chapter=1)  # a typed title works too
    assert "moved back from chapter 2 to 1" in back[0].text
    same = await club.slash("progress set", member=club.member, story=story, chapter=1)
    assert "No change" in same[0].text


async def test_only_moving_forward_is_announced(club: Club, sample_story: Path) -> None:
    story = await add_sample(club, sample_story)
    with advanced_events(club) as seen:
        await club.slash("progress set", member=club.member, story=story, chapter=3)
        await club.slash("progress set", member=club.member, story=story, chapter=1)
        await club.slash("progress set", member=club.member, story=story, chapter=1)
        await club.settle()
    assert seen == [(club.guild.id, club.member.user.id, int(story), 3, 0)]


async def test_out_of_range_and_unknown_story_are_clear_ephemeral_errors(club: Club, sample_story: Path) -> None:
    story = await add_sample(club, sample_story)
    replies = await club.slash("progress set", member=club.member, story=story, chapter=12)
    assert replies[0].ephemeral
    assert (
        replies[0].text
        == f"Chapter 12 is out of range: **{TITLE}** has 4 chapters; pick a chapter from 0 (not started) to 4."
    )
    missing = await club.slash("progress set", member=club.member, story="Moby Dick", chapter=1)
    assert missing[0].ephemeral and "No story in this server's library matches" in missing[0].text
    assert await club.run(get_progress(club.bot.db, club.guild.id, club.member.user.id, int(story))) == 0
    nothing = await show(club, club.member)
    assert "not started any story yet" in nothing[0].text


async def test_club_view_has_a_chart_and_names_only_visible_members(club: Club, sample_story: Path) -> None:
    story = await add_sample(club, sample_story)
    await club.slash("progress set", member=club.member, story=story, chapter=4)
    await club.slash("progress set", member=club.admin, story=story, chapter=1)
    await club.slash("progress privacy", member=club.other_member, hidden=True)
    await club.slash("progress set", member=club.other_member, story=story, chapter=4)

    replies = await club.slash("progress club", member=club.moderator, story=story)
    reply = replies[-1]
    assert reply.ephemeral
    text = reply.text
    assert f"**{TITLE}**: 4 chapters · 3 members (1 hidden)" in text
    assert "Caught up with the latest chapter (chapter 4): 2 — " + club.member.mention() in text
    assert "plus 1 hidden member" in text
    assert "`██░░░░░░░░ 1/4` " + club.admin.mention() in text
    assert str(club.other_member.user.id) not in text
    [chart] = reply.attachments
    assert chart.filename == "club-progress.png"
    image = Image.open(io.BytesIO(chart.data))
    assert image.format == "PNG" and image.size[0] >= 400


async def test_club_view_targets_the_next_scheduled_discussion(club: Club, sample_story: Path) -> None:
    story = await add_sample(club, sample_story)
    await club.slash("progress set", member=club.member, story=story, chapter=2)
    scheduled = await club.slash("discussion schedule", member=club.admin, story=story, chapter=2, when="in 3 days")
    assert "chapter 2" in scheduled[-1].text.lower()
    replies = await club.slash("progress club", member=club.member, story=story)
    assert "Caught up with the next discussion (chapter 2): 1 — " + club.member.mention() in replies[-1].text


async def test_club_view_of_an_unknown_story_and_an_empty_club(club: Club, sample_story: Path) -> None:
    missing = await club.slash("progress club", member=club.member, story="424242")
    assert missing[-1].ephemeral and "No story in this server's library matches" in missing[-1].text
    story = await add_sample(club, sample_story)
    empty = await club.slash("progress club", member=club.member, story=story)
    assert "No one has shared their progress in this story yet" in empty[-1].text
    assert empty[-1].attachments and empty[-1].attachments[0].data.startswith(b"\x89PNG")


async def test_privacy_hides_a_member_from_others_but_not_from_themselves(club: Club, sample_story: Path) -> None:
    story = await add_sample(club, sample_story)
    await club.slash("progress set", member=club.other_member, story=story, chapter=3)
    visible = await show(club, club.member, club.other_member)
    assert "`███████░░░ 3/4` **The Lamp at Gull Point**" in visible[0].text

    hidden = await club.slash("progress privacy", member=club.other_member, hidden=True)
    assert hidden[0].ephemeral and "hidden" in hidden[0].text
    assert await club.run(is_hidden(club.bot.db, club.guild.id, club.other_member.user.id))
    refused = await show(club, club.member, club.other_member)
    assert refused[0].ephemeral and "keeps their reading progress private" in refused[0].text
    assert "3/4" not in refused[0].text
    mine = await show(club, club.other_member, club.other_member)
    assert "3/4" in mine[0].text

    shown_again = await club.slash("progress privacy", member=club.other_member, hidden=False)
    assert "visible" in shown_again[0].text
    assert "3/4" in (await show(club, club.member, club.other_member))[0].text


async def test_another_server_cannot_see_this_servers_stories_or_progress(club: Club, sample_story: Path) -> None:
    story = await add_sample(club, sample_story)
    await club.slash("progress set", member=club.member, story=story, chapter=2)
    other = await club.add_guild("Elsewhere")

    assert await other.autocomplete("progress set", "story", "gull", member=other.member) == []
    refused = await other.slash("progress set", member=other.admin, story=story, chapter=1)
    assert "No story in this server's library matches" in refused[0].text
    peek = await other.slash("progress club", member=other.admin, story=story)
    assert "No story in this server's library matches" in peek[-1].text
    assert TITLE not in peek[-1].text and not peek[-1].attachments
    assert "not started any story yet" in (await show(other, other.admin))[0].text
    # Looked up with the other server's id, the progress made here is not there.
    assert await club.run(get_progress(club.bot.db, other.guild.id, club.member.user.id, int(story))) == 0
    assert await club.run(get_progress(club.bot.db, club.guild.id, club.member.user.id, int(story))) == 2


async def test_a_member_reading_many_long_titled_stories_sees_every_one_a_page_at_a_time(club: Club) -> None:
    """Twelve stories of long markdown titles outgrow one message: the list is paged, each story on
    one page and each page naming the next, for the member's own list and another member's; it once
    ended "… and 6 more lines" with no way to see them."""
    titles = [f"Story {n:02d} " + "**bold** " * 20 for n in range(12)]
    for n, title in enumerate(titles):
        chapters = [Chapter(c, None, [Scene(["Night."])]) for c in range(1, 6)]
        story = Story(StoryMeta(title=title.strip()), chapters, "txt")
        story_id = await club.run(
            add_story(club.bot.db, club.guild.id, story, content_hash=f"long-{n}", added_by=None, now=0.0)
        )
        await club.run(mark_read(club.bot.db, club.guild.id, club.member.id, story_id, 2, now=float(n)))

    for viewer, options in ((club.member, {}), (club.other_member, {"member": club.member})):
        seen: list[str] = []
        page = 1
        while True:
            paged = {"page": page} if page > 1 else {}  # the first page as members ask for it, without page:
            [answer] = await club.slash("progress show", member=viewer, options={**options, **paged})
            assert answer.ephemeral and len(answer.content) <= 2000 and "more line" not in answer.text
            seen += [line for line in answer.text.splitlines() if "2/5" in line]
            if "next: `/progress show" not in answer.text:
                break
            assert f"page:{page + 1}`" in answer.text
            if options:
                assert "member:@" in answer.text  # the next page names the same member
            page += 1
        assert page > 1 and len(seen) == len(titles) == len(set(seen))


async def test_showing_someone_who_is_not_in_the_server_says_so(club: Club) -> None:
    """A user who left (or a mention pasted from elsewhere) is no member: the answer says that, with
    their name as typed, not "not a valid value for that option"."""
    stranger = User(id=123456789012345678, username="gone", global_name="**Left** @everyone")
    [answer] = await show(club, club.member, stranger)
    assert answer.ephemeral and "is not a member of this server; pick someone who is" in answer.text
    assert "\\*\\*Left\\*\\*" in answer.content and not answer.message.pinged_everyone


async def test_the_club_view_of_a_long_story_read_at_many_places_is_paged(club: Club) -> None:
    """Ninety members spread over a serial of 300 chapters make ninety "chapter N: 1" lines, more than
    one message holds: the view is paged, each line on one page and each page naming the next for
    the same story, the chart with the first page; it once ended "… and N more lines" with no page:."""
    chapters = [Chapter(c, None, [Scene(["Night."])]) for c in range(1, 301)]
    story = Story(StoryMeta(title="The Long Serial"), chapters, "txt")
    story_id = await club.run(
        add_story(club.bot.db, club.guild.id, story, content_hash="long-serial", added_by=None, now=0.0)
    )
    for n in range(90):  # members of the server: one who left is left out of the view
        user_id = club.state.add_member(club.guild, club.state.add_user(f"serial{n}")).user.id
        await club.run(mark_read(club.bot.db, club.guild.id, user_id, story_id, 3 * n + 1, now=0.0))

    seen: list[str] = []
    page = 1
    while True:
        paged = {"page": page} if page > 1 else {}
        [answer] = await club.slash("progress club", member=club.member, story=str(story_id), **paged)
        assert answer.ephemeral and len(answer.content) <= 2000 and "more line" not in answer.text
        assert "**The Long Serial**: 300 chapters · 90 members" in answer.text  # the head on every page
        assert bool(answer.attachments) == (page == 1)
        seen += [line for line in answer.text.splitlines() if line.endswith(": 1") and "chapter " in line]
        if "next: `/progress club" not in answer.text:
            break
        assert f"story:{story_id} page:{page + 1}`" in answer.text
        page += 1
    assert page > 1 and len(seen) == 90 == len(set(seen))
    [past] = await club.slash("progress club", member=club.member, story=str(story_id), page=page + 1)
    assert past.ephemeral and f"pick a page from 1 to {page}" in past.text


async def test_the_club_view_names_every_member_caught_up_a_page_at_a_time(club: Club) -> None:
    """A hundred and twenty members caught up are too many for one message: they are named once each
    over the pages, after the chapter counts; the caught-up line ended "and N more" with no way to see them."""
    story = Story(StoryMeta(title="The Caught Tide"), [Chapter(c, None, [Scene(["Tide."])]) for c in (1, 2, 3)], "txt")
    story_id = await club.run(
        add_story(club.bot.db, club.guild.id, story, content_hash="caught-tide", added_by=None, now=0.0)
    )
    ahead = [club.state.add_member(club.guild, club.state.add_user(f"tide{n}")).user.id for n in range(120)]
    for user_id in ahead:
        await club.run(mark_read(club.bot.db, club.guild.id, user_id, story_id, 3, now=0.0))
    for n in range(10):  # behind: never named as caught up
        behind = club.state.add_member(club.guild, club.state.add_user(f"behind{n}")).user.id
        await club.run(mark_read(club.bot.db, club.guild.id, behind, story_id, 1, now=0.0))

    named: list[int] = []
    page = 1
    while True:
        paged = {"page": page} if page > 1 else {}
        [answer] = await club.slash("progress club", member=club.member, story=str(story_id), **paged)
        assert answer.ephemeral and len(answer.content) <= 2000 and " more" not in answer.text
        assert "Caught up with the latest chapter (chapter 3): 120 — named at the end of the list" in answer.text
        assert not answer.message.pinged_everyone and not answer.message.pinged_users
        named += [int(found) for found in re.findall(r"<@(\d+)>", answer.text)]
        if "next: `/progress club" not in answer.text:
            break
        page += 1
    assert page > 1 and named == ahead
