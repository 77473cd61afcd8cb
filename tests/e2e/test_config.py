"""``/config``, ``/help`` and the server lifecycle, the way admins and members use them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.devtools.driver import Club, CommandNotVisible
from bot.guilds import get_settings, update_settings


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


async def test_the_missing_permission_warning_survives_ten_long_prompts(club: Club) -> None:
    """Ten prompts of 300 characters made the answer too long: clipped, it lost the warning at its end."""
    prompts = [f"Prompt {number}: " + "why " * 72 for number in range(1, 11)]
    await club.run(update_settings(club.bot.db, club.guild.id, 0.0, discussion_prompts=prompts))
    saved = (await club.slash("config set", member=club.admin, club_channel=club.locked_channel))[0]
    assert "missing: Send Messages" in saved.text and len(saved.content) <= 2000
    for answer in (saved, (await club.slash("config show", member=club.admin))[0]):
        assert "Numeric dates" in answer.text
        assert all(f"Prompt {number}: why" in answer.text for number in range(1, 11))


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
    assert "Cleared club role" in replies[0].text
    assert (await club.run(get_settings(club.bot.db, club.guild.id))).club_role_id is None


async def test_clear_puts_the_time_zone_and_the_date_order_back(club: Club) -> None:
    """Once set, the date order could not be unset: ambiguous dates were read one way for good."""
    await club.slash("config set", member=club.admin, timezone="Asia/Tokyo", date_order="dmy")
    await club.slash("config clear", member=club.admin, setting="date_order")
    replies = await club.slash("config clear", member=club.admin, setting="timezone")
    assert "Cleared timezone" in replies[0].text
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
