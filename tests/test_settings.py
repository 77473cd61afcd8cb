from pathlib import Path

import pytest

from bot.settings import SettingsError, load_settings, read_dotenv


def test_defaults(tmp_path: Path) -> None:
    settings = load_settings({}, root=tmp_path)
    assert settings.token is None
    assert settings.database_path == tmp_path / "data" / "dogear.sqlite3"
    assert settings.dev_guild_id is None
    assert settings.api_base is None and settings.gateway_url is None
    assert settings.max_upload_bytes == 4 * 1024 * 1024
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


# ---------------------------------------------------------------------------------------------- issue 12 point 6
@pytest.mark.parametrize(
    ("env", "name", "hint"),
    [
        ({"DISCORD_API_BASE": "http://[::1"}, "DISCORD_API_BASE", "Invalid IPv6 URL"),
        ({"DISCORD_API_BASE": "http://127.0.0.1:99999/api/v10"}, "DISCORD_API_BASE", "Port out of range"),
        ({"DISCORD_GATEWAY_URL": "ws://[::1"}, "DISCORD_GATEWAY_URL", "not a valid URL"),
        ({"DISCORD_API_BASE": "http://host:port/api"}, "DISCORD_API_BASE", "not a valid URL"),
        ({"DATABASE_PATH": "~nosuchuser-dogear/x.sqlite3"}, "DATABASE_PATH", "write the full path"),
    ],
)
def test_malformed_urls_and_paths_get_one_line(tmp_path: Path, env: dict[str, str], name: str, hint: str) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(env, root=tmp_path)
    message = str(caught.value)
    assert message.startswith(name) and hint in message and "\n" not in message


def test_a_valid_ipv6_base_is_accepted(tmp_path: Path) -> None:
    settings = load_settings({"DISCORD_API_BASE": "http://[::1]:8080/api/v10"}, root=tmp_path)
    assert settings.api_base == "http://[::1]:8080/api/v10"


@pytest.mark.parametrize(
    ("data", "hint"),
    [
        ("DISCORD_TOKEN=abc\n".encode("utf-16"), "UTF-16"),
        ("DISCORD_TOKEN=abc\n".encode("utf-16-le"), "UTF-16"),  # no byte-order mark
        (b"DISCORD_TOKEN=abc\nDATABASE_PATH=caf\xe9.sqlite3\n", "undecodable byte on line 2"),
    ],
    ids=["utf-16-bom", "utf-16-no-bom", "latin-1"],
)
def test_dotenv_that_is_not_utf8_is_refused(tmp_path: Path, data: bytes, hint: str) -> None:
    (tmp_path / ".env").write_bytes(data)
    with pytest.raises(SettingsError) as caught:
        read_dotenv(tmp_path / ".env")
    message = str(caught.value)
    assert message.startswith(".env at") and hint in message and "save it as UTF-8" in message


def test_dotenv_with_a_utf8_byte_order_mark_is_read(tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes(b"\xef\xbb\xbfDISCORD_TOKEN=abc.def\nLOG_LEVEL=DEBUG\n")
    assert read_dotenv(tmp_path / ".env") == {"DISCORD_TOKEN": "abc.def", "LOG_LEVEL": "DEBUG"}
    assert read_dotenv(tmp_path / "missing.env") == {}


# ---------------------------------------------------------------------------------------------- issue 15 point 1
@pytest.mark.parametrize(
    ("count", "ids", "expected_ids"),
    [
        ("4", "0-3", (0, 1, 2, 3)),
        ("4", "0,1,2,3", (0, 1, 2, 3)),
        ("10", "0-1, 5 ,7-8", (0, 1, 5, 7, 8)),
        ("4", "2", (2,)),
        ("4", "", None),
    ],
)
def test_shard_settings(tmp_path: Path, count: str, ids: str, expected_ids: tuple[int, ...] | None) -> None:
    settings = load_settings({"SHARD_COUNT": count, "SHARD_IDS": ids}, root=tmp_path)
    assert settings.shard_count == int(count)
    assert settings.shard_ids == expected_ids
    scope = settings.shard_scope
    assert scope is not None and scope.shard_count == int(count)
    assert scope.shard_ids == frozenset(expected_ids if expected_ids is not None else range(int(count)))


def test_no_shard_settings_means_discord_decides(tmp_path: Path) -> None:
    settings = load_settings({}, root=tmp_path)
    assert settings.shard_count is None and settings.shard_ids is None and settings.shard_scope is None


@pytest.mark.parametrize(
    ("env", "hint"),
    [
        ({"SHARD_IDS": "0-3"}, "SHARD_IDS is set but SHARD_COUNT is not"),
        ({"SHARD_COUNT": "4", "SHARD_IDS": "0-4"}, "includes shard 4, outside 0-3 for SHARD_COUNT=4"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "all"}, "not a list of shard numbers"),
        ({"SHARD_COUNT": "4", "SHARD_IDS": "3-1"}, "runs backwards"),
        ({"SHARD_COUNT": "4", "SHARD_IDS": "0,,1"}, "not a list of shard numbers"),
        ({"SHARD_COUNT": "0"}, "SHARD_COUNT is 0, out of range"),
        ({"SHARD_COUNT": "two"}, "SHARD_COUNT is 'two', not a whole number"),
    ],
)
def test_invalid_shard_settings_get_one_line(tmp_path: Path, env: dict[str, str], hint: str) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(env, root=tmp_path)
    assert hint in str(caught.value) and "\n" not in str(caught.value)


def test_database_path_too_long_gets_one_line(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="DATABASE_PATH cannot be used"):
        load_settings({"DATABASE_PATH": str(tmp_path / ("x" * 300) / "db.sqlite3")}, root=tmp_path)


def test_dotenv_that_is_a_folder_says_so(tmp_path: Path) -> None:
    """A `.env` folder was "cannot be read (Is a directory): check its permissions"."""
    (tmp_path / ".env").mkdir()
    with pytest.raises(SettingsError) as caught:
        read_dotenv(tmp_path / ".env")
    assert (
        str(caught.value)
        == f".env at {tmp_path / '.env'} is a folder: remove it, or make it a text file of NAME=value lines"
    )


def test_dotenv_far_larger_than_settings_is_refused_unread(tmp_path: Path) -> None:
    """`.env` was read whole, whatever it was: linked to /dev/zero it grew until a MemoryError."""
    (tmp_path / ".env").write_bytes(b"# a comment line\n" * 100_000)  # 1.7 MB
    with pytest.raises(SettingsError, match=r"^\.env at .* is larger than 1 MB: it holds a few NAME=value lines"):
        read_dotenv(tmp_path / ".env")
    with pytest.raises(SettingsError, match=r"larger than 1 MB"):
        read_dotenv(Path("/dev/zero"))
