"""Club answers of the session-38 probe, round 5, through the Discord double: counts that read naturally
at 0 and 1, permission refusals said to the person in front of the bot, and look-alike titles told apart."""

from __future__ import annotations

from datetime import timedelta

from bot.devtools.driver import Club
from tests.e2e.test_discussions import a_story, advance, bot_posts, utc_text
from tests.e2e.test_nominations import nominate


async def test_a_discussion_nobody_has_read_says_no_one_has_yet(club: Club) -> None:
    story = await a_story(club, "The Unread Lamp", chapters=2)
    due = (club.clock.now() + timedelta(hours=2)).replace(second=0, microsecond=0)
    await club.slash(
        "discussion schedule", member=club.admin, story=str(story), chapter=1, when=utc_text(due),
        channel=club.text_channel,
    )  # fmt: skip
    await advance(club, timedelta(hours=2, minutes=1))
    post = bot_posts(club, club.text_channel)[-1]
    assert "No one has read this chapter yet." in post.text, post.text
    assert "0 members" not in post.text, post.text


async def test_withdrawing_the_last_nomination_says_none_are_left(club: Club) -> None:
    await nominate(club, club.member, "Beloved")
    await nominate(club, club.other_member, "Kindred")
    [one] = await club.slash("vote withdraw", member=club.admin, nomination="Beloved")
    assert "; 1 nomination left." in one.text, one.text
    [none] = await club.slash("vote withdraw", member=club.admin, nomination="Kindred")
    assert none.text.endswith("out of this round; no nominations left."), none.text


async def test_a_rule_added_on_a_server_with_no_stories_says_there_was_nothing_to_rescan(club: Club) -> None:
    [added] = await club.slash(
        "warnings rules add", member=club.admin, category="spiders", pattern="~spider", new_category=True
    )
    assert "No stories to re-scan yet: the rules apply to each story added from now on." in added.text, added.text
    assert "Re-scanned 0" not in added.text, added.text
