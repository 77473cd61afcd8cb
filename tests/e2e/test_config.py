"""``/config``, ``/help`` and the server lifecycle, the way admins and members use them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.devtools.double import permissions as P
from bot.devtools.driver import Club, CommandNotVisible
from bot.guilds import get_settings, update_settings
from bot.text import unescape_markdown


async def test_admin_sets_and_everyone_sees_the_settings(club: Club) -> None:
    replies = await club.slash(
        "config set",
        member=club.admin,
        club_channel=club.text_channel,
        discussion_channel=club.forum_channel,
        club_role=club.club_role,
        timezone="europe/berlin",
    )
    assert replies[0].ephemeral
    assert "Saved." in replies[0].text
    shown = (await club.slash("config show", member=club.admin))[0]
    assert shown.ephemeral
    assert "Europe/Berlin" in shown.text
    assert club.text_channel.mention() in shown.text
    assert club.forum_channel.mention() in shown.text
    assert club.club_role.mention() in shown.text
    assert not shown.message.pinged_roles


async def test_a_channel_the_bot_cannot_post_in_is_saved_with_a_warning(club: Club) -> None:
    replies = await club.slash("config set", member=club.admin, club_channel=club.locked_channel)
    assert "missing: Send Messages" in replies[0].text


async def test_settings_that_no_longer_work_are_marked_with_what_to_do(club: Club) -> None:
    """A channel or role deleted since, or a permission the bot lost since, is named where the admin looks."""
    await club.slash(
        "config set",
        member=club.admin,
        club_channel=club.general_channel,
        discussion_channel=club.text_channel,
        club_role=club.club_role,
        mod_channel=club.text_channel,
    )
    [healthy] = await club.slash("config show", member=club.admin)
    assert "⚠️" not in healthy.text

    await club.delete_channel(club.general_channel)
    await club.delete_role(club.club_role)
    await club.set_overwrite(club.text_channel, club.bot_role, deny=P.SEND_MESSAGES)
    [shown] = await club.slash("config show", member=club.admin)
    lines = shown.text.splitlines()
    [club_line] = [line for line in lines if line.startswith("Club channel")]
    [role_line] = [line for line in lines if line.startswith("Club role")]
    [discussion_line] = [line for line in lines if line.startswith("Discussion channel")]
    [mod_line] = [line for line in lines if line.startswith("Moderation channel")]
    assert club_line.endswith("⚠️ deleted") and role_line.endswith("⚠️ deleted")
    assert "missing: Send Messages" in discussion_line and "missing: Send Messages" in mod_line
    assert "To fix: `/config set`" in shown.text and not shown.message.pinged_roles
    [cleared] = await club.slash("config clear", member=club.admin, setting="club_channel")
    assert "Club channel (excerpts): not set" in cleared.text


async def test_a_club_role_nobody_can_ping_is_marked(club: Club) -> None:
    quiet = await club.run(lambda: _add_role(club, "Quiet readers"))
    everyone = club.guild.roles[club.guild.id]
    await club.set_role_permissions(everyone, P.EVERYONE_DEFAULT & ~P.MENTION_EVERYONE)
    await club.set_role_permissions(club.bot_role, P.BOT_INVITE & ~P.MENTION_EVERYONE)
    [saved] = await club.slash("config set", member=club.admin, club_role=quiet)
    [role_line] = [line for line in saved.text.splitlines() if line.startswith("Club role")]
    assert "not mentionable" in role_line and "without pinging" in role_line


async def _add_role(club: Club, name: str):
    role = club.state.add_role(club.guild, name, 0, mentionable=False)
    club.state.dispatch("GUILD_ROLE_CREATE", {"guild_id": str(club.guild.id), "role": role.to_dict()})
    guild = club.bot.get_guild(club.guild.id)
    await club.runtime._wait_for(lambda: guild.get_role(role.id) is not None, "the bot to see the role")
    return role


async def test_the_missing_permission_warning_survives_ten_long_prompts(club: Club) -> None:
    """Ten prompts of 300 characters made the answer too long: clipped, it lost the warning at its end."""
    prompts = [f"Prompt {number}: " + "why " * 72 for number in range(1, 11)]
    await club.run(update_settings(club.bot.db, club.guild.id, 0.0, discussion_prompts=prompts))
    saved = (await club.slash("config set", member=club.admin, club_channel=club.locked_channel))[0]
    assert "missing: Send Messages" in saved.text and len(saved.content) <= 2000
    for answer in (saved, (await club.slash("config show", member=club.admin))[0]):
        assert "Numeric dates" in answer.text
        assert all(f"Prompt {number}: why" in unescape_markdown(answer.text) for number in range(1, 11))


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"timezone": "Mars/Olympus_Mons"}, "is not a time zone I know"),
        ({}, "Nothing to change"),
    ],
)
async def test_bad_settings_are_refused_and_nothing_is_stored(club: Club, options: dict, expected: str) -> None:
    replies = await club.slash("config set", member=club.admin, **options)
    assert replies[0].ephemeral
    assert expected in replies[0].text
    settings = await club.run(get_settings(club.bot.db, club.guild.id))
    assert settings.timezone == "UTC"


async def test_everyone_is_not_a_club_role(club: Club) -> None:
    replies = await club.slash("config set", member=club.admin, club_role=club.guild.roles[club.guild.id])
    assert "other than @everyone" in replies[0].text
    assert (await club.run(get_settings(club.bot.db, club.guild.id))).club_role_id is None


async def test_a_bots_own_role_is_not_a_club_role(club: Club) -> None:
    """Dogear's own role was taken as the club role: no member can hold it, so every ping reached nobody."""
    replies = await club.slash("config set", member=club.admin, club_role=club.bot_role)
    assert replies[0].ephemeral and "belongs to a bot or an integration" in replies[0].text
    assert (await club.run(get_settings(club.bot.db, club.guild.id))).club_role_id is None


async def test_members_cannot_change_settings(club: Club) -> None:
    for command in ("config set", "config show"):
        with pytest.raises(CommandNotVisible):
            await club.slash(command, member=club.member)
    club.override_command_permissions("config")
    replies = await club.slash("config set", member=club.member, timezone="Asia/Tokyo")
    assert replies[0].ephemeral
    assert "Manage Server" in replies[0].text
    assert "Manage Server" in (await club.slash("config show", member=club.moderator))[0].text
    assert (await club.run(get_settings(club.bot.db, club.guild.id))).timezone == "UTC"


async def test_clear_unsets_a_setting(club: Club) -> None:
    await club.slash("config set", member=club.admin, club_role=club.club_role)
    replies = await club.slash("config clear", member=club.admin, setting="club_role")
    assert "Cleared the club role." in replies[0].text
    assert (await club.run(get_settings(club.bot.db, club.guild.id))).club_role_id is None


async def test_clear_puts_the_time_zone_and_the_date_order_back(club: Club) -> None:
    """Once set, the date order could not be unset: ambiguous dates were read one way for good."""
    await club.slash("config set", member=club.admin, timezone="Asia/Tokyo", date_order="dmy")
    await club.slash("config clear", member=club.admin, setting="date_order")
    replies = await club.slash("config clear", member=club.admin, setting="timezone")
    assert "Cleared the time zone." in replies[0].text
    settings = await club.run(get_settings(club.bot.db, club.guild.id))
    assert (settings.timezone, settings.date_order) == ("UTC", None)


async def test_timezone_autocomplete(club: Club) -> None:
    choices = await club.autocomplete("config set", "timezone", "berl", member=club.admin)
    assert {"name": "Europe/Berlin", "value": "Europe/Berlin"} in choices
    assert len(choices) <= 25


async def test_settings_are_invisible_from_another_server(club: Club) -> None:
    await club.slash("config set", member=club.admin, timezone="Asia/Tokyo")
    other = await club.add_guild("Other Club")
    shown = (await other.slash("config show", member=other.admin))[0]
    assert "Asia/Tokyo" not in shown.text
    assert "Time zone: UTC" in shown.text


async def test_help_lists_the_commands(club: Club) -> None:
    replies = await club.slash("help", member=club.member)
    assert replies[0].ephemeral
    for command in ("/config", "/story", "/excerpt", "/progress", "/prefs", "/warnings", "/discussion", "/help"):
        assert f"**{command}**" in replies[0].text
    assert "`rules add`" in replies[0].text
    assert "…" not in replies[0].content
    assert len(replies[0].content) <= 2000


async def test_help_sets_apart_the_commands_discord_hides_from_the_member(club: Club) -> None:
    """A member looking for ``/config`` in their command list would not find it: it is listed as the admins'."""
    [member_help] = await club.slash("help", member=club.member)
    mine, admins = member_help.text.split("**For admins**")
    for command in ("/progress", "/prefs", "/schedule", "/excerpt", "/story", "/nominate", "/help"):
        assert f"**{command}**" in mine
    for command in ("/config", "/discussion", "/vote"):
        assert f"**{command}**" in admins and f"**{command}**" not in mine

    [admin_help] = await club.slash("help", member=club.admin)
    assert "**For admins**" not in admin_help.text
    assert "**/config**" in admin_help.text and "**/vote**" in admin_help.text


async def test_help_lists_the_subcommands_a_member_cannot_use_as_the_admins(club: Club) -> None:
    """``/story add``, ``/excerpt post`` and ``/warnings review`` sat in a member's own list though
    running them only gets "you need Manage Server": a group's subcommands are split by the
    permission each one's check needs, read from the commands, so the list follows the code."""
    [member_help] = await club.slash("help", member=club.member)
    mine, admins = member_help.text.split("**For admins**")
    for usable in ("`list`", "`info`", "`read`", "`report`", "`set`", "`club`"):
        assert usable in mine
    for admins_only in ("`add`", "`remove`", "`update`", "`post`", "`review`", "`rules add`"):
        assert admins_only not in mine and admins_only in admins
    assert "**/story**" in mine and "**/story**" in admins and "**/excerpt**" in admins
    assert len(member_help.content) <= 2000 and "…" not in member_help.content

    [moderator_help] = await club.slash("help", member=club.moderator)  # Manage Messages: posts excerpts
    theirs, _ = moderator_help.text.split("**For admins**")
    assert "`post`" in theirs and "`add`" not in theirs

    [admin_help] = await club.slash("help", member=club.admin)
    assert "**For admins**" not in admin_help.text and "`add`" in admin_help.text


async def test_a_departed_server_is_deleted_after_the_retention_period(club: Club) -> None:
    await club.slash("config set", member=club.admin, timezone="Asia/Tokyo")
    retention = club.bot.settings.data_retention_days
    await club.remove_guild()
    # Within the grace period the data is still there.
    await club.clock.advance(timedelta(days=retention / 2))
    assert (await club.run(get_settings(club.bot.db, club.guild.id))).timezone == "Asia/Tokyo"
    await club.clock.advance(timedelta(days=retention / 2 + 1))
    assert (await club.run(get_settings(club.bot.db, club.guild.id))).timezone == "UTC"
    assert (
        await club.run(club.bot.db.fetch_value("SELECT count(*) FROM guilds WHERE guild_id = ?", (club.guild.id,))) == 0
    )
