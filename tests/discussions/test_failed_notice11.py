"""A scheduled discussion that fails at its due time tells the moderation channel, once.

Admins used to find a failed discussion (missing permission, channel gone) only by running
``/discussion list``. Now the failure's write owes the moderation channel a notice (when one is set)
saying which discussion, why and what to do, posted once across kills and Discord's failures
(:mod:`bot.discussions.notices`).
"""

from __future__ import annotations

from datetime import timedelta

from bot.clock import ManualClock
from bot.db import Database
from bot.discussions import store
from bot.discussions.service import RETRY_DELAYS
from bot.guilds import update_settings
from tests.discussions.conftest import GUILD, START, TEXT, AddStory, FakeDiscord, StartBot, advance, until_crashed
from tests.discussions.test_notices import item, notices, owed

MOD = 1009


async def failing_at_due(db: Database, world: FakeDiscord, add_story: AddStory, *, mod: bool = True) -> int:
    """A discussion due in an hour in a channel where Dogear lost Send Messages."""
    world.kinds[MOD] = "text"
    if mod:
        await update_settings(db, GUILD, 0, mod_channel_id=MOD)
    world.forbidden.add(TEXT)
    story = await add_story()
    [discussion_id] = await store.create_discussions(db, GUILD, [item(story, START + timedelta(hours=1))], now=START)
    return discussion_id


async def test_a_failed_discussion_tells_the_mod_channel_which_why_and_what_to_do_once(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    discussion_id = await failing_at_due(db, world, add_story)
    bot = await start_bot()
    await advance(bot, clock, timedelta(hours=1))
    found = await store.get_discussion(db, GUILD, discussion_id)
    assert found is not None and found.state == "failed"
    [told] = world.posted(MOD)
    text = told.notice.content or ""
    assert f"#{discussion_id}" in text and "chapter 1" in text  # which
    assert "Send Messages" in text  # why (the reason, with its fix when the poster knows one)
    assert f"/discussion move id:{discussion_id}" in text  # what to do once it is fixed
    assert told.notice.embed is None and not told.notice.user_ids and told.notice.role_id is None  # pings nobody
    await advance(bot, clock, timedelta(hours=3))
    assert len(world.posted(MOD)) == 1 and await owed(db) == 0 and notices(world) == []


async def test_no_mod_channel_nothing_is_owed(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    discussion_id = await failing_at_due(db, world, add_story, mod=False)
    bot = await start_bot()
    await advance(bot, clock, timedelta(hours=1))
    found = await store.get_discussion(db, GUILD, discussion_id)
    assert found is not None and found.state == "failed" and found.failure
    assert world.all_posts() == [] and await owed(db) == 0


async def test_a_failure_notice_a_kill_kept_back_is_posted_once_after_the_restart(
    db: Database, clock: ManualClock, world: FakeDiscord, add_story: AddStory, start_bot: StartBot
) -> None:
    discussion_id = await failing_at_due(db, world, add_story)
    crashing = await start_bot(crash_before_notice=True)  # killed after marking it failed, before telling
    await clock.advance(timedelta(hours=1))
    await until_crashed(crashing)
    assert world.posted(MOD) == [] and await owed(db) == 1

    restarted = await start_bot(fresh=True)
    await advance(restarted, clock, RETRY_DELAYS[0])
    [told] = world.posted(MOD)
    assert f"#{discussion_id}" in (told.notice.content or "") and told.nonce
    await advance(restarted, clock, timedelta(hours=3))
    assert len(world.posted(MOD)) == 1 and await owed(db) == 0
