"""A failure notice's fix must be one that works (session 41, round 12).

``/discussion move`` keeps a discussion's story and channel: the notice suggested it for every
failure, including a removed story (a move can only fail again) and a deleted channel the
discussion named (a move posts to it again). Each reason now gets the step that brings it back.
"""

from __future__ import annotations

from datetime import timedelta

from bot.clock import ManualClock
from bot.db import Database
from bot.discussions import store
from bot.discussions.compose import failed_notice
from bot.guilds import update_settings
from tests.discussions.conftest import CLUB, GUILD, START, TEXT, AddStory, FakeDiscord, StartBot, advance
from tests.discussions.test_failed_notice11 import MOD
from tests.discussions.test_notices import item, owed


def text(**kwargs: object) -> str:
    args: dict[str, object] = {"title": "Dune", "chapter": 3, "due_at": START, "reason": "x", "discussion_id": 7}
    args.update(kwargs)
    content = failed_notice(**args).content  # type: ignore[arg-type]
    assert content is not None
    return content


def test_a_removed_story_is_told_to_add_it_and_schedule_again_not_to_move() -> None:
    said = text(title=None, reason="the story was removed")
    assert "/discussion move" not in said
    assert "`/story add`" in said and "`/discussion schedule`" in said and "chapter 3" in said


def test_a_deleted_channel_the_discussion_named_is_told_to_schedule_elsewhere() -> None:
    said = text(reason="the channel was deleted", channel_gone=True, channel_explicit=True)
    assert "/discussion move" not in said and "`/discussion schedule channel:`" in said


def test_a_deleted_discussion_channel_setting_is_told_to_set_one_then_move() -> None:
    said = text(reason="the channel was deleted", channel_gone=True, channel_explicit=False)
    assert "`/config set discussion_channel:`" in said and "`/discussion move id:7`" in said


def test_a_fixable_reason_still_offers_the_move() -> None:
    said = text(reason="I am missing Send Messages in #books. Give it back.")
    assert "`/discussion move id:7`" in said and "/story add" not in said


async def test_a_discussion_whose_named_channel_was_deleted_is_not_told_to_move(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    world.kinds[MOD] = "text"
    await update_settings(db, GUILD, 0, mod_channel_id=MOD)
    story = await add_story()
    [discussion_id] = await store.create_discussions(db, GUILD, [item(story, START + timedelta(hours=1))], now=START)
    assert (await store.get_discussion(db, GUILD, discussion_id)).channel_explicit  # type: ignore[union-attr]
    del world.kinds[TEXT]  # the channel it names is deleted before it is due
    bot = await start_bot()
    await advance(bot, clock, timedelta(hours=1))
    [told] = world.posted(MOD)
    said = told.notice.content or ""
    assert f"#{discussion_id}" in said and "/discussion move" not in said and "/discussion schedule channel:" in said


async def test_a_forum_moderation_channel_never_sends_the_failure_to_the_club_channel(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    """Reminders in a forum go to the club channel; what moderators are told does not (a member
    report in a forum moderation channel is not posted either): it is given up, nothing owed."""
    world.kinds[MOD] = "forum"
    await update_settings(db, GUILD, 0, mod_channel_id=MOD, club_channel_id=CLUB)
    world.forbidden.add(TEXT)
    story = await add_story()
    [discussion_id] = await store.create_discussions(db, GUILD, [item(story, START + timedelta(hours=1))], now=START)
    bot = await start_bot()
    await advance(bot, clock, timedelta(hours=3))
    found = await store.get_discussion(db, GUILD, discussion_id)
    assert found is not None and found.state == "failed"
    assert world.posted(CLUB) == [] and world.posted(MOD) == [] and await owed(db) == 0


def test_config_set_offers_no_forum_as_the_moderation_channel() -> None:
    """Discord's picker (and discord.py, for a forged id) keeps to the types the option declares."""
    from discord import ChannelType

    from cogs.config import ConfigCog

    [option] = [p for p in ConfigCog.set_.parameters if p.name == "mod_channel"]
    assert ChannelType.forum not in option.channel_types and ChannelType.text in option.channel_types


def test_the_reason_is_shown_escaped_and_cut_between_whole_escapes_and_graphemes() -> None:
    """The notice quoted the reason raw: a channel named ``#book_club_talk`` lost its underscores to
    italics, and Discord's own text (``||``, ``**``) opened markup over the rest of the notice, as
    ``/discussion list`` (which escapes it) never did. A long one is cut after whole escapes only."""
    said = text(reason="I am missing Send Messages in #book_club_talk (Discord said **no** ||twice||).")
    assert "book\\_club\\_talk" in said and "\\*\\*no\\*\\*" in said and "\\|\\|twice\\|\\|" in said
    long = text(reason="x" * 597 + "*🇩🇪" + "y" * 80)
    quoted = long.split("could not be posted: ", 1)[1].split(". Once that is fixed", 1)[0]
    assert not quoted.rstrip("…").endswith("\\") and "\U0001f1e9" not in quoted.replace("🇩🇪", "")


async def test_an_owed_add_keeps_its_reason_cut_between_graphemes(db: Database, add_story: AddStory) -> None:
    """``failure[:500]`` could keep one letter of a flag (never shown, but the one way a text is cut)."""
    story = await add_story()
    [discussion_id] = await store.create_discussions(db, GUILD, [item(story, START + timedelta(hours=1))], now=START)
    await store.owe_joins(db, GUILD, [store.Seat(discussion_id, 77, 5)], "x" * 499 + "🇩🇪" + "y", retry_at=START)
    kept = await db.fetch_value("SELECT failure FROM discussion_joins_owed WHERE discussion_id = ?", (discussion_id,))
    assert isinstance(kept, str) and len(kept) <= 500 and "🇩🇪" not in kept and "\U0001f1e9" not in kept
