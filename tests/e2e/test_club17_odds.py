"""Session 46: what a club admin and a member met using Dogear through the Discord double."""

from __future__ import annotations

import re
from pathlib import Path

from bot.devtools.driver import Club


async def a_library_story(club: Club, sample_story: Path) -> int:
    await club.slash("story add", member=club.admin, file=sample_story)
    [choice] = await club.autocomplete("story info", "story", "gull", member=club.admin)
    return int(choice["value"])


async def test_an_excerpt_for_a_club_channel_the_server_deleted_names_that_setting(
    club: Club, sample_story: Path
) -> None:
    """The server deleted Dogear's club channel; ``/excerpt post`` without ``channel:`` answered "That
    channel no longer exists (or I can't see it); name a channel or set a new club channel": the admin
    named no channel, and was told neither which one nor how to set another."""
    story = await a_library_story(club, sample_story)
    await club.slash("config set", member=club.admin, club_channel=club.text_channel)
    gone = club.text_channel.id
    await club.delete_channel(club.text_channel)
    with club.expect_errors(404, 10003):
        [answer] = await club.slash(
            "excerpt post", member=club.admin, story=str(story), chapter=1, channel=club.general_channel
        )
    assert answer.ephemeral
    assert f"The club channel <#{gone}> no longer exists (or I can't see it)" in answer.text, answer.text
    assert "`channel:`" in answer.text and "`/config set club_channel:`" in answer.text, answer.text
    assert "That channel" not in answer.text


async def test_read_privately_under_a_chapter_an_update_took_down_says_it_cannot_be_read_not_recorded(
    club: Club, sample_story: Path
) -> None:
    """A member pressed "Read privately" under a chapter the story no longer has: "This chapter was taken
    down ...; it has 3 chapters now, so nothing was recorded", as though they had asked to record it."""
    from tests.e2e.test_story_update import versions

    story = await a_library_story(club, sample_story)
    await club.slash("config set", member=club.admin, club_channel=club.text_channel)
    await club.slash("excerpt post", member=club.admin, story=str(story), chapter=4)
    [post] = [message for message in club.messages(club.text_channel) if message.buttons]
    _, shorter = versions(sample_story)
    await club.slash(
        "story update", member=club.admin, story=str(story), file=("lamp.md", shorter), replace_anyway=True
    )
    [reading] = await club.click(post, "Read privately", member=club.member)
    assert reading.ephemeral and "taken down" in reading.text, reading.text
    assert "recorded" not in reading.text and "can no longer be read" in reading.text, reading.text
    [marking] = await club.click(post, "I've read this", member=club.member)
    assert "so nothing was recorded" in marking.text, marking.text


async def test_a_vote_for_a_club_channel_the_server_deleted_says_how_to_set_another(club: Club) -> None:
    """ "The club channel in `/config` no longer exists; set a new one first." named neither the channel
    nor the setting, where the same refusal for discussions does both."""
    await club.slash("config set", member=club.admin, club_channel=club.text_channel)
    await club.slash("nominate", member=club.member, title="Piranesi")
    await club.slash("nominate", member=club.other_member, title="Kindred")
    gone = club.text_channel.id
    await club.delete_channel(club.text_channel)
    with club.expect_errors(404, 10003):
        [answer] = await club.slash("vote start", member=club.admin, channel=club.general_channel)
    assert answer.ephemeral
    assert f"The club channel set in `/config` (<#{gone}>) no longer exists" in answer.text, answer.text
    assert "`/config set club_channel:`" in answer.text and "`/vote start`" in answer.text, answer.text
    assert club.polls() == []


async def test_a_plan_for_a_second_story_read_at_once_says_which_of_its_discussions_share_a_minute(
    club: Club, sample_story: Path
) -> None:
    """A club reading two stories planned both for Fridays at 19:00 in one channel: ``/discussion
    schedule`` says when a discussion opens in the same minute as another there (often a slip of the
    hour or day), but ``/discussion plan`` said nothing, though four of its six did."""
    lamp = await a_library_story(club, sample_story)
    await club.slash("story add", member=club.admin, title="Kindred", chapters=6, author="Octavia E. Butler")
    [kindred] = await club.autocomplete("story info", "story", "kindred", member=club.admin)
    await club.slash("config set", member=club.admin, timezone="Europe/London")
    for story in (lamp, kindred["value"]):
        [answer] = await club.slash(
            "discussion plan", member=club.admin, story=str(story), start="friday 19:00", every="weekly",
            remind="none", options={"channel": club.text_channel},
        )  # fmt: skip
    assert "same minute" in answer.text, answer.text
    assert "4 of them open in the same minute as other discussions" in answer.text, answer.text
    assert re.search(r"#\d+ with \*\*#\d+\*\* \(chapter 1 of \*\*The Lamp at Gull Point\*\*\)", answer.text)
    assert answer.text.count(" with **#") == 4, answer.text  # Kindred's chapters 5 and 6 stand alone
    assert "`/discussion move`" in answer.text, answer.text


async def test_ive_read_this_under_an_earlier_chapter_says_where_the_member_is(club: Club, sample_story: Path) -> None:
    """A member who had read to chapter 4 pressed "I've read this" under chapter 2 and read "You are already
    at chapter 2 ... or further", which is where they are not: their place is said."""
    story = await a_library_story(club, sample_story)
    await club.slash("config set", member=club.admin, club_channel=club.text_channel)
    await club.slash("excerpt post", member=club.admin, story=str(story), chapter=2)
    [post] = [message for message in club.messages(club.text_channel) if message.buttons]
    await club.slash("progress set", member=club.member, story=str(story), chapter=4)
    [answer] = await club.click(post, "I've read this", member=club.member)
    assert answer.ephemeral
    assert "You have read up to chapter 4 of **The Lamp at Gull Point** already; nothing changed." in answer.text
    assert "or further" not in answer.text, answer.text


async def test_avoiding_a_warning_strictly_that_a_member_already_avoids_says_it_changed(club: Club) -> None:
    """``/prefs avoid warning:grief strict:True`` from a member who avoided grief (not strictly) made it
    strict, and answered "You already avoid **Grief**.", as though nothing had changed; the way back
    said the same."""
    await club.slash("prefs avoid", member=club.member, warning="grief")
    [stricter] = await club.slash("prefs avoid", member=club.member, warning="grief", strict=True)
    assert "You already avoid **Grief**" not in stricter.text, stricter.text
    assert "You avoid **Grief** strictly now" in stricter.text and "only *possible*" in stricter.text, stricter.text
    [again] = await club.slash("prefs avoid", member=club.member, warning="grief", strict=True)
    assert "You already avoid **Grief**" in again.text and "strictly now" not in again.text, again.text
    [looser] = await club.slash("prefs avoid", member=club.member, warning="grief", strict=False)
    assert "no longer strictly" in looser.text and "You already avoid" not in looser.text, looser.text
    [shown] = await club.slash("prefs show", member=club.member)
    assert "strict" not in shown.text, shown.text


async def test_show_it_anyway_asks_again_when_the_chapter_gained_another_avoided_warning_since(
    club: Club, sample_story: Path
) -> None:
    """A member who avoids vomiting and suicide was asked about vomiting; an admin then added suicide
    to the story, and "Show it anyway" showed the chapter, a warning the member avoids never asked."""
    story = await a_library_story(club, sample_story)
    for warning in ("vomit", "suicide"):
        await club.slash("prefs avoid", member=club.member, warning=warning)
    await club.slash("warnings story", member=club.admin, story=str(story), add="vomit")
    [asked] = await club.slash("excerpt read", member=club.member, story=str(story), chapter=2)
    assert "**Vomit**" in asked.text and "Suicide" not in asked.text and asked.buttons, asked.text
    await club.slash("warnings story", member=club.admin, story=str(story), add="suicide")
    [again] = await club.click(asked, "Show it anyway", member=club.member)
    assert again.ephemeral and "Show it anyway?" in again.text and "**Suicide**" in again.text, again.text
    assert "since you were asked" in again.text, again.text
    shown = await club.click(again, "Show it anyway", member=club.member)
    assert any("What the Logbook Kept" in reply.text for reply in shown), [reply.text for reply in shown]
