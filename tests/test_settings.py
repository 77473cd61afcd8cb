from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings


def test_defaults(tmp_path: Path) -> None:
    settings = load_settings({}, root=tmp_path)
    assert settings.token is None
    assert settings.database_path == tmp_path / "data" / "dogear.sqlite3"
    assert settings.dev_guild_id is None
    assert settings.api_base is None and settings.gateway_url is None
    assert settings.max_upload_bytes == 8 * 1024 * 1024
    assert settings.message_budget == 2000
    assert settings.discussion_grace_hours == 6.0


def test_values_are_parsed(tmp_path: Path) -> None:
    settings = load_settings(
        {
            "DISCORD_TOKEN": "abc.def.ghi",
            "DATABASE_PATH": str(tmp_path / "x.sqlite3"),
            "DEV_GUILD_ID": "123456789012345678",
            "LOG_LEVEL": "debug",
            "DISCORD_API_BASE": "http://127.0.0.1:9999/api/v10/",
            "DISCORD_GATEWAY_URL": "ws://127.0.0.1:9999/gateway",
            "MESSAGE_BUDGET": "1500",
        },
        root=tmp_path,
    )
    assert settings.require_token() == "abc.def.ghi"
    assert settings.database_path == tmp_path / "x.sqlite3"
    assert settings.dev_guild_id == 123456789012345678
    assert settings.log_level == 10
    assert settings.api_base == "http://127.0.0.1:9999/api/v10"
    assert settings.message_budget == 1500


@pytest.mark.parametrize(
    ("env", "name", "hint"),
    [
        ({"DEV_GUILD_ID": "my server"}, "DEV_GUILD_ID", "whole number"),
        ({"DEV_GUILD_ID": "-4"}, "DEV_GUILD_ID", "out of range"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL", "DEBUG, INFO"),
        ({"DISCORD_API_BASE": "discord.example"}, "DISCORD_API_BASE", "http/https URL"),
        ({"DISCORD_GATEWAY_URL": "http://127.0.0.1/gateway"}, "DISCORD_GATEWAY_URL", "ws/wss URL"),
        ({"DISCORD_TOKEN": "Bot abc"}, "DISCORD_TOKEN", "without 'Bot '"),
        ({"MESSAGE_BUDGET": "5000"}, "MESSAGE_BUDGET", "200 to 2000"),
        ({"DISCUSSION_GRACE_HOURS": "soon"}, "DISCUSSION_GRACE_HOURS", "not a number"),
    ],
)
def test_invalid_values_name_the_setting(tmp_path: Path, env: dict[str, str], name: str, hint: str) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(env, root=tmp_path)
    message = str(caught.value)
    assert message.startswith(name)
    assert hint in message
    assert "\n" not in message


def test_missing_token_says_what_to_do(tmp_path: Path) -> None:
    settings = load_settings({}, root=tmp_path)
    with pytest.raises(SettingsError) as caught:
        settings.require_token()
    assert "DISCORD_TOKEN is not set" in str(caught.value)
    assert ".env" in str(caught.value)


def test_database_path_may_not_be_a_folder(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="DATABASE_PATH"):
        load_settings({"DATABASE_PATH": str(tmp_path)}, root=tmp_path)
