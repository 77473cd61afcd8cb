"""The entry point as a newcomer meets it: one clear line and exit status 2 on a mistake."""

import contextlib
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT as PROJECT_ROOT
from tests.test_db import a_dogear_database, another_programs_database, corrupt_a_page, unwritable


def run_bot(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DEV_GUILD", "DATABASE_"))}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=PROJECT_ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_no_token_says_exactly_what_to_do(tmp_path: Path) -> None:
    result = run_bot(env={"DISCORD_TOKEN": "", "DATABASE_PATH": str(tmp_path / "db.sqlite3")})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "DISCORD_TOKEN is not set" in lines[0]
    assert "Traceback" not in result.stderr


def test_invalid_setting_names_it(tmp_path: Path) -> None:
    result = run_bot(env={"DISCORD_TOKEN": "x", "DEV_GUILD_ID": "abc", "DATABASE_PATH": str(tmp_path / "d.sqlite3")})
    assert result.returncode == 2
    assert result.stderr.strip().startswith("dogear: DEV_GUILD_ID")
    assert "Traceback" not in result.stderr


def test_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Once upon a time")
    result = run_bot(env={"DISCORD_TOKEN": "x", "DATABASE_PATH": str(path)})
    assert result.returncode == 2
    assert "not a SQLite database" in result.stderr
    assert path.read_text() == "Once upon a time"


def test_backup_command(tmp_path: Path) -> None:
    source = a_dogear_database(tmp_path / "live.sqlite3")
    target = tmp_path / "backup.sqlite3"
    result = run_bot("backup", str(target), env={"DATABASE_PATH": str(source)})
    assert result.returncode == 0, result.stderr
    with contextlib.closing(sqlite3.connect(target)) as conn:
        assert conn.execute("SELECT guild_id FROM guilds").fetchone()[0] == 42
    missing = run_bot("backup", env={"DATABASE_PATH": str(source)})
    assert missing.returncode == 2
    assert "backup needs one argument" in missing.stderr


def test_unknown_command() -> None:
    result = run_bot("frobnicate", env={})
    assert result.returncode == 2
    assert "unknown command" in result.stderr


# ---------------------------------------------------------------------------------------------- issue 12 points 6-7
def one_line_and_status_2(result: subprocess.CompletedProcess[str]) -> str:
    """The process ended with status 2, one ``dogear:`` line (last on stderr) and no traceback."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    ours = [line for line in lines if line.startswith("dogear: ")]
    assert len(ours) == 1 and lines[-1] == ours[0], result.stderr
    return ours[0]


def run_in(cwd: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``python -m bot`` started in ``cwd`` (where it reads ``.env``), the package from this checkout."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DEV_GUILD", "DATABASE_"))}
    full_env.update(env, PYTHONPATH=str(PROJECT_ROOT))
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=cwd, env=full_env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    ("data", "hint"),
    [
        ("DISCORD_TOKEN=abc.def\n".encode("utf-16"), "saved as UTF-16"),
        (b"DISCORD_TOKEN=abc.def\nDATABASE_PATH=\xff\xfe.sqlite3\n", "undecodable byte on line 2"),
    ],
    ids=["utf-16", "undecodable"],
)
def test_dotenv_in_a_wrong_encoding_gets_one_line(tmp_path: Path, data: bytes, hint: str) -> None:
    (tmp_path / ".env").write_bytes(data)
    line = one_line_and_status_2(run_in(tmp_path, env={}))
    assert line.startswith(f"dogear: .env at {tmp_path / '.env'}") and hint in line


def test_dotenv_with_a_byte_order_mark_still_works(tmp_path: Path) -> None:
    """A UTF-8 BOM (Notepad's habit) is dropped, so the first setting is still read."""
    (tmp_path / ".env").write_bytes(b"\xef\xbb\xbfDEV_GUILD_ID=not-a-number\n")
    line = one_line_and_status_2(run_in(tmp_path, env={"DISCORD_TOKEN": "abc.def"}))
    assert line.startswith("dogear: DEV_GUILD_ID is 'not-a-number'")


@pytest.mark.parametrize(
    ("env", "start"),
    [
        ({"DISCORD_API_BASE": "http://[::1"}, "dogear: DISCORD_API_BASE is 'http://[::1', not a valid URL"),
        ({"DISCORD_API_BASE": "http://127.0.0.1:99999/api/v10"}, "dogear: DISCORD_API_BASE is"),
        ({"DATABASE_PATH": "~nosuchuser-dogear/x.sqlite3"}, "dogear: DATABASE_PATH starts with '~nosuchuser-dogear'"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "0-2"}, "dogear: SHARD_IDS includes shard 2"),
    ],
    ids=["ipv6-unclosed", "port-99999", "unknown-user", "shard-outside-count"],
)
def test_bad_settings_get_one_line(tmp_path: Path, env: dict[str, str], start: str) -> None:
    base = {"DISCORD_TOKEN": "abc.def", "DATABASE_PATH": str(tmp_path / "db.sqlite3")}
    line = one_line_and_status_2(run_in(tmp_path, env={**base, **env}))
    assert line.startswith(start)


def test_unreachable_api_base_says_what_to_check(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        "DISCORD_TOKEN": "abc.def",
        "DATABASE_PATH": str(tmp_path / "db.sqlite3"),
        "DISCORD_API_BASE": f"http://127.0.0.1:{port}/api/v10",
    }
    line = one_line_and_status_2(run_in(tmp_path, env=env))
    assert f"127.0.0.1:{port}" in line and "connection refused" in line and "check the address and port" in line


def test_read_only_database_is_refused_before_connecting(tmp_path: Path) -> None:
    path = tmp_path / "dogear.sqlite3"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE t (x)")
    with unwritable(path):
        result = run_in(tmp_path, env={"DISCORD_TOKEN": "abc.def", "DATABASE_PATH": str(path)})
    # Status 1, not a setting's 2: the service manager tries again once the permissions are put right.
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.startswith("dogear: ")]
    assert str(path) in line and "read-only" in line


def test_damaged_database_is_refused_before_connecting(tmp_path: Path) -> None:
    path = tmp_path / "dogear.sqlite3"
    corrupt_a_page(path)
    line = one_line_and_status_2(run_in(tmp_path, env={"DISCORD_TOKEN": "abc.def", "DATABASE_PATH": str(path)}))
    assert str(path) in line and "damaged" in line and "restore a backup" in line


def test_backup_of_a_damaged_database_fails_with_status_2(tmp_path: Path) -> None:
    source = tmp_path / "dogear.sqlite3"
    corrupt_a_page(source)
    line = one_line_and_status_2(
        run_in(tmp_path, "backup", str(tmp_path / "copy.sqlite3"), env={"DATABASE_PATH": str(source)})
    )
    assert "damaged" in line and "no backup was written" in line
    assert not (tmp_path / "copy.sqlite3").exists()


def test_another_programs_database_is_refused_by_run_and_backup(tmp_path: Path) -> None:
    path = another_programs_database(tmp_path / "places.sqlite")
    before = path.read_bytes()
    env = {"DISCORD_TOKEN": "abc.def", "DATABASE_PATH": str(path)}
    line = one_line_and_status_2(run_in(tmp_path, env=env))
    assert f"{path} is another program's SQLite database (it has tables such as `moz_bookmarks`" in line
    assert line.endswith("point DATABASE_PATH at a new file")
    line = one_line_and_status_2(run_in(tmp_path, "backup", str(tmp_path / "copy.sqlite3"), env=env))
    assert "another program's SQLite database" in line and "no backup was written" in line
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["places.sqlite"]


def test_backup_into_an_unwritable_folder_fails_with_status_2(tmp_path: Path) -> None:
    source = a_dogear_database(tmp_path / "dogear.sqlite3")
    folder = tmp_path / "backups"
    folder.mkdir()
    with unwritable(folder):
        result = run_in(tmp_path, "backup", str(folder / "copy.sqlite3"), env={"DATABASE_PATH": str(source)})
    line = one_line_and_status_2(result)
    assert f"the backup folder {folder} is not writable" in line
