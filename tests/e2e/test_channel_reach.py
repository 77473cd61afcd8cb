"""Nobody uses Dogear to reach a channel they cannot reach themselves.

Every command and button that makes the bot post, open a thread or an event, or point a setting
at a channel, checks the invoking member's own permissions in the target channel at that moment:
they must see it and be able to post there (send in threads; create posts in a forum). A forged
press carries any channel id, so a moderator's Manage Messages where they press is not enough.
"""

from __future__ import annotations

from pathlib import Path

from bot.devtools.double import permissions as P
from bot.devtools.driver import Club, Reply
from bot.guilds import get_settings
from tests.e2e.test_forged_presses import add_story, private_answer


def bot_posts(club: Club, channel) -> list[Reply]:
    return club.messages(channel, include_replies=False)


async def test_a_forged_post_it_again_into_a_channel_the_presser_cannot_see_posts_nothing(
    club: Club, sample_story: Path
) -> None:
    story_id = await add_story(club, sample_story)
    await club.set_overwrite(club.text_channel, club.moderator, deny=P.VIEW_CHANNEL)
    custom_id = f"dogear:repost:{story_id}:1:{club.text_channel.id}:0"
    text = private_answer(await club.forge_press(custom_id, member=club.moderator, channel=club.general_channel))
    assert "View Channel" in text, text
    assert bot_posts(club, club.text_channel) == []
    # Once the moderator may see the channel, the same press posts (the check is made at each press).
    await club.set_overwrite(club.text_channel, club.moderator)
    text = private_answer(await club.forge_press(custom_id, member=club.moderator, channel=club.general_channel))
    assert "Posted chapter 1" in text, text


async def test_excerpt_post_refuses_a_named_channel_the_moderator_cannot_post_in(
    club: Club, sample_story: Path
) -> None:
    story_id = await add_story(club, sample_story)
    await club.set_overwrite(club.text_channel, club.moderator_role, deny=P.SEND_MESSAGES)
    options = {"story": str(story_id), "chapter": 1, "channel": club.text_channel}
    [answer] = await club.slash("excerpt post", member=club.moderator, options=options)
    assert answer.ephemeral and "Send Messages" in answer.text, answer.text
    assert bot_posts(club, club.text_channel) == []
    # Administrator overrides every overwrite, in Discord and here.
    await club.set_role_permissions(club.moderator_role, P.MODERATOR_ROLE | P.ADMINISTRATOR)
    [answer] = await club.slash("excerpt post", member=club.moderator, options=options)
    assert "Posted chapter 1" in answer.text, answer.text


async def test_excerpt_post_refuses_the_club_channel_when_the_moderator_cannot_see_it(
    club: Club, sample_story: Path
) -> None:
    story_id = await add_story(club, sample_story)
    await club.slash("config set", member=club.admin, club_channel=club.text_channel)
    await club.set_overwrite(club.text_channel, club.moderator, deny=P.VIEW_CHANNEL)
    options = {"story": str(story_id), "chapter": 1}
    [answer] = await club.slash("excerpt post", member=club.moderator, channel=club.general_channel, options=options)
    assert answer.ephemeral and "View Channel" in answer.text, answer.text
    assert bot_posts(club, club.text_channel) == []


async def test_excerpt_post_into_a_thread_needs_send_messages_in_threads(club: Club, sample_story: Path) -> None:
    story_id = await add_story(club, sample_story)
    state = club.state
    thread = state.create_thread(state.channels[club.text_channel.id], "Chapter one", 11, club.admin.user)
    await club.wait_for(lambda: club.bot.get_channel(thread.id) is not None, "the bot to see the thread")
    await club.set_overwrite(club.text_channel, club.moderator_role, deny=P.SEND_MESSAGES_IN_THREADS)
    options = {"story": str(story_id), "chapter": 1, "channel": thread}
    [answer] = await club.slash("excerpt post", member=club.moderator, channel=club.general_channel, options=options)
    assert "Send Messages in Threads" in answer.text, answer.text
    assert bot_posts(club, thread) == []
    # A forged "Post it again" naming the thread is refused the same way.
    text = private_answer(await club.forge_press(f"dogear:repost:{story_id}:1:{thread.id}:0", member=club.moderator))
    assert "Send Messages in Threads" in text, text
    assert bot_posts(club, thread) == []


async def test_config_set_refuses_a_channel_the_admin_cannot_reach_and_saves_nothing(club: Club) -> None:
    await club.set_overwrite(club.text_channel, club.admin, deny=P.VIEW_CHANNEL)
    await club.set_overwrite(club.forum_channel, club.admin, deny=P.SEND_MESSAGES)
    for option in ("club_channel", "mod_channel", "discussion_channel"):
        [answer] = await club.slash(
            "config set",
            member=club.admin,
            channel=club.general_channel,
            timezone="Europe/Berlin",
            **{option: club.text_channel},
        )
        assert answer.ephemeral and "View Channel" in answer.text, (option, answer.text)
    [answer] = await club.slash(
        "config set", member=club.admin, channel=club.general_channel, discussion_channel=club.forum_channel
    )
    assert "Create Posts" in answer.text, answer.text
    settings = await club.run(get_settings(club.bot.db, club.guild.id))
    assert settings.club_channel_id is None and settings.mod_channel_id is None
    assert settings.discussion_channel_id is None and settings.timezone == "UTC"
    await club.set_role_permissions(club.admin_role, P.ADMIN_ROLE | P.ADMINISTRATOR)
    [answer] = await club.slash(
        "config set", member=club.admin, channel=club.general_channel, discussion_channel=club.forum_channel
    )
    assert answer.text.startswith("Saved."), answer.text


async def test_discussion_schedule_refuses_a_channel_the_moderator_cannot_post_in(
    club: Club, sample_story: Path
) -> None:
    story_id = await add_story(club, sample_story)
    await club.set_overwrite(club.forum_channel, club.moderator_role, deny=P.SEND_MESSAGES)
    options = {
        "story": str(story_id),
        "chapter": 1,
        "when": "tomorrow 7pm",
        "channel": club.forum_channel,
        "event": True,
    }
    [answer] = await club.slash("discussion schedule", member=club.moderator, options=options)
    assert answer.ephemeral and "Create Posts" in answer.text, answer.text
    assert club.events == []
    listed = await club.run(
        club.bot.db.fetch_value("SELECT count(*) FROM discussions WHERE guild_id = ?", (club.guild.id,))
    )
    assert listed == 0


async def test_discussion_plan_refuses_the_discussion_channel_when_the_moderator_cannot_see_it(
    club: Club, sample_story: Path
) -> None:
    story_id = await add_story(club, sample_story)
    await club.slash("config set", member=club.admin, discussion_channel=club.text_channel)
    await club.set_overwrite(club.text_channel, club.moderator_role, deny=P.VIEW_CHANNEL)
    options = {"story": str(story_id), "start": "friday 19:00", "every": "weekly"}
    [answer] = await club.slash("discussion plan", member=club.moderator, channel=club.general_channel, options=options)
    assert answer.ephemeral and "View Channel" in answer.text, answer.text
    listed = await club.run(
        club.bot.db.fetch_value("SELECT count(*) FROM discussions WHERE guild_id = ?", (club.guild.id,))
    )
    assert listed == 0


async def test_discussion_schedule_here_needs_send_messages_here(club: Club, sample_story: Path) -> None:
    story_id = await add_story(club, sample_story)
    await club.set_overwrite(club.general_channel, club.moderator_role, deny=P.SEND_MESSAGES)
    options = {"story": str(story_id), "chapter": 1, "when": "tomorrow 7pm"}
    [answer] = await club.slash(
        "discussion schedule", member=club.moderator, channel=club.general_channel, options=options
    )
    assert "Send Messages" in answer.text, answer.text


async def test_vote_start_refuses_a_club_channel_the_admin_cannot_post_polls_in(club: Club) -> None:
    await club.slash("config set", member=club.admin, club_channel=club.text_channel)
    for member, title in ((club.member, "Beloved"), (club.other_member, "Emma")):
        await club.slash("nominate", member=member, title=title)
    await club.set_overwrite(club.text_channel, club.admin, deny=P.SEND_POLLS)
    [answer] = await club.slash("vote start", member=club.admin, channel=club.general_channel)
    assert answer.ephemeral and "Create Polls" in answer.text, answer.text
    assert club.polls() == []


async def test_a_forged_press_into_a_private_thread_needs_to_be_in_it_or_manage_threads(
    club: Club, sample_story: Path
) -> None:
    """The parent channel's permissions say nothing of a private thread: Discord shows it to its members only."""
    story_id = await add_story(club, sample_story)
    state = club.state
    thread = state.create_thread(state.channels[club.text_channel.id], "Staff notes", 12, club.admin.user)
    await club.wait_for(lambda: club.bot.get_channel(thread.id) is not None, "the bot to see the thread")
    await club.set_role_permissions(club.moderator_role, P.MANAGE_MESSAGES)
    custom_id = f"dogear:repost:{story_id}:1:{thread.id}:0"
    text = private_answer(await club.forge_press(custom_id, member=club.moderator, channel=club.general_channel))
    assert "View Channel" in text, text
    assert bot_posts(club, thread) == []
    text = private_answer(await club.forge_press(custom_id, member=club.admin, channel=club.general_channel))
    assert "Posted chapter 1" in text, text
