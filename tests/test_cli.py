"""The entry point as a newcomer meets it: one clear line and exit status 2 on a mistake."""

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT as PROJECT_ROOT


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
    import sqlite3

    source = tmp_path / "live.sqlite3"
    with sqlite3.connect(source) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("INSERT INTO t VALUES (42)")
    target = tmp_path / "backup.sqlite3"
    result = run_bot("backup", str(target), env={"DATABASE_PATH": str(source)})
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT x FROM t").fetchone()[0] == 42
    missing = run_bot("backup", env={"DATABASE_PATH": str(source)})
    assert missing.returncode == 2
    assert "backup needs one argument" in missing.stderr


def test_unknown_command() -> None:
    result = run_bot("frobnicate", env={})
    assert result.returncode == 2
    assert "unknown command" in result.stderr
