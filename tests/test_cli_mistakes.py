"""Command-line mistakes found by an outside sweep: each one is one ``dogear:`` line and status 2,
never a traceback, never a half-written file; ``--help`` shows the usage and does nothing else."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import REPO_ROOT
from tests.test_cli import one_line_and_status_2, run_in
from tests.test_db import a_dogear_database, unwritable

SWEPT = ("DISCORD_", "DEV_GUILD", "DATABASE_", "SHARD_", "LOG_LEVEL", "MAX_", "MESSAGE_", "DATA_", "DISCUSSION_")


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A clean folder (no .env) as the current one, no Dogear settings in the environment."""
    for key in list(os.environ):
        if key.startswith(SWEPT):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def one_line(capsys: pytest.CaptureFixture[str], status: int) -> str:
    assert status == 2
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dogear: "), err
    assert "Traceback" not in err
    return lines[0]


# ------------------------------------------------------------------------------------ run and sync arguments
@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["run", "--bogus"], "run takes no arguments, not the option '--bogus'"),
        (["run", "extra"], "run takes no arguments, not the argument 'extra'"),
        (["sync", "extra", "--junk"], "sync takes no arguments, not the argument 'extra'"),
        (["sync", "--global"], "sync takes no arguments, not the option '--global'"),
    ],
)
def test_run_and_sync_refuse_arguments(
    here: Path, capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    line = one_line(capsys, main(argv))
    assert expected in line


@pytest.mark.parametrize("argv", [["run", "--help"], ["sync", "--help"], ["sync", "-h"], ["backup", "--help"]])
def test_help_of_a_command_is_its_usage_and_nothing_else(
    here: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """No token is set: a sync that really ran would fail on it (status 2) instead of showing help."""
    assert main(argv) == 0
    out = capsys.readouterr()
    assert out.out.startswith(f"usage: dogear {argv[0]}") and out.err == ""
    assert list(here.iterdir()) == []  # no database opened, no file named --help


# ------------------------------------------------------------------------------------------- backup arguments
@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["backup", "--bogus"], "backup has no option '--bogus'"),
        (["backup", "-x", "copy.sqlite3"], "backup has no option '-x'"),
        (["backup", ""], "backup needs a file name to write, not an empty one"),
        (["backup", "a.sqlite3", "b.sqlite3"], "backup needs one argument"),
        (["backup", "."], "not the folder '.'"),
    ],
)
def test_backup_usage_mistakes(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, argv: list[str], expected: str
) -> None:
    monkeypatch.setenv("DATABASE_PATH", str(a_dogear_database(here / "live.sqlite3")))
    line = one_line(capsys, main(argv))
    assert expected in line
    assert sorted(p.name for p in here.iterdir()) == ["live.sqlite3"]


def test_backup_to_a_path_starting_with_a_dash_after_double_dash(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_PATH", str(a_dogear_database(here / "live.sqlite3")))
    assert main(["backup", "--", "-copy.sqlite3"]) == 0
    with contextlib.closing(sqlite3.connect(here / "-copy.sqlite3")) as conn:
        assert conn.execute("SELECT guild_id FROM guilds").fetchone()[0] == 42


# ------------------------------------------------------------------------------------------- backup problems
def test_backup_to_a_name_too_long(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_PATH", str(a_dogear_database(here / "live.sqlite3")))
    line = one_line(capsys, main(["backup", "x" * 300 + ".sqlite3"]))
    assert "File name too long" in line
    assert sorted(p.name for p in here.iterdir()) == ["live.sqlite3"]


@pytest.mark.parametrize("length", [247, 255])
def test_backup_to_a_long_name_that_fits(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, length: int
) -> None:
    """A name of 247 to 255 characters fits the file system, but the partial copy was named
    ``.NAME.partial``, 9 characters longer: "unable to open database file", then a traceback
    from removing it."""
    monkeypatch.setenv("DATABASE_PATH", str(a_dogear_database(here / "live.sqlite3")))
    name = "x" * (length - len(".sqlite3")) + ".sqlite3"
    assert main(["backup", name]) == 0, capsys.readouterr().err
    with contextlib.closing(sqlite3.connect(here / name)) as conn:
        assert conn.execute("SELECT guild_id FROM guilds").fetchone()[0] == 42
    assert sorted(p.name for p in here.iterdir()) == sorted(["live.sqlite3", name])


def test_backup_of_a_wal_database_in_a_read_only_folder_says_the_folder_must_be_writable(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = here / "live"
    folder.mkdir()
    source = a_dogear_database(folder / "dogear.sqlite3")
    with contextlib.closing(sqlite3.connect(source)) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
    monkeypatch.setenv("DATABASE_PATH", str(source))
    with unwritable(folder):
        line = one_line(capsys, main(["backup", str(here / "copy.sqlite3")]))
    assert f"the folder {folder} is not writable" in line and "WAL" in line
    assert "damaged" not in line
    assert not (here / "copy.sqlite3").exists()


def test_backup_of_an_unreadable_database(tmp_path: Path) -> None:
    """chmod does not stop root: as root the process drops the capabilities that bypass it."""
    source = a_dogear_database(tmp_path / "dogear.sqlite3")
    source.chmod(0)
    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: cannot make a file unreadable")
        caps = "-dac_override,-dac_read_search"
        prefix = ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}", "--"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(SWEPT)}
    env.update(DATABASE_PATH=str(source), PYTHONPATH=str(REPO_ROOT))
    result = subprocess.run(
        [*prefix, sys.executable, "-m", "bot", "backup", str(tmp_path / "copy.sqlite3")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    line = one_line_and_status_2(result)
    assert f"{source} cannot be read by this user" in line
    assert not (tmp_path / "copy.sqlite3").exists()


def test_backup_of_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    """A real process with a timeout: reading a FIFO as a database used to hang for good."""
    fifo = tmp_path / "dogear.sqlite3"
    os.mkfifo(fifo)
    line = one_line_and_status_2(run_in(tmp_path, "backup", "copy.sqlite3", env={"DATABASE_PATH": str(fifo)}))
    assert f"{fifo} is not a regular file" in line
    assert not (tmp_path / "copy.sqlite3").exists()


# --------------------------------------------------------------------------------- run: SQLite cannot open it
@pytest.mark.parametrize("kind", ["proc", "fifo"])
def test_run_with_a_database_sqlite_cannot_open(tmp_path: Path, kind: str) -> None:
    if kind == "fifo":
        path = tmp_path / "dogear.sqlite3"
        os.mkfifo(path)
        expected = "is not a regular file"
    else:
        if not Path("/proc/self").exists():
            pytest.skip("no /proc here")
        path = Path("/proc/dogear-test.sqlite3")
        expected = "cannot be opened by SQLite"
    line = one_line_and_status_2(run_in(tmp_path, env={"DISCORD_TOKEN": "abc.def", "DATABASE_PATH": str(path)}))
    assert line.startswith(f"dogear: {path} ") and expected in line


# ------------------------------------------------------------------------------------------ settings and .env
@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"DISCORD_API_BASE": "http://999.1.1.1"}, "DISCORD_API_BASE is 'http://999.1.1.1', not a valid URL"),
        ({"DISCORD_API_BASE": "http://127.1/api/v10"}, "DISCORD_API_BASE is 'http://127.1/api/v10', not a valid URL"),
        ({"DISCORD_GATEWAY_URL": "ws://256.0.0.1/gateway"}, "DISCORD_GATEWAY_URL is 'ws://256.0.0.1/gateway', not a"),
        ({"DEV_GUILD_ID": "9" * 5000}, "DEV_GUILD_ID is '999"),
        ({"SHARD_COUNT": "4", "SHARD_IDS": "9999999"}, "SHARD_IDS has shard 9999999, out of range"),
    ],
    ids=["ip-999", "ip-127.1", "ip-256", "guild-5000-nines", "shard-9999999"],
)
def test_bad_settings_are_one_short_line(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str
) -> None:
    for key, value in {"DISCORD_TOKEN": "abc.def", "DATABASE_PATH": str(here / "db.sqlite3"), **env}.items():
        monkeypatch.setenv(key, value)
    line = one_line(capsys, main(["run"]))
    assert line.startswith(f"dogear: {expected}")
    assert len(line) < 300  # a 5,000-digit value is clipped, not echoed
    if "DEV_GUILD_ID" in env:
        assert "out of range" in line
    assert not (here / "db.sqlite3").exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'DISCORD_TOKEN="abc\n', ".env line 1 is not KEY=VALUE (it starts with 'DISCORD_TOKEN')"),
        (b"# settings\n\nDISCORD_TOKEN abc\n", ".env line 3 is not KEY=VALUE (it starts with 'DISCORD_TOKEN')"),
        (b"KEY: x\n", ".env line 1 is not KEY=VALUE (it starts with 'KEY')"),
        (b"A=1\nB=\x00\x01\x02\x03\n", "is not a text file (a NUL byte on line 2)"),
    ],
    ids=["unterminated-quote", "no-equals", "colon", "binary"],
)
def test_dotenv_lines_that_are_not_settings(
    here: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str
) -> None:
    (here / ".env").write_bytes(content)
    line = one_line(capsys, main(["run"]))
    assert expected in line
    assert "abc" not in line  # the value (maybe a token) is never echoed
    assert "is not set" not in line


# ----------------------------------------------------------------------------- preview, scan, eval: what they read
@pytest.mark.parametrize("tool", ["preview", "scan", "eval"])
@pytest.mark.parametrize("kind", ["dev-zero", "fifo"])
def test_tools_refuse_what_is_not_a_regular_file(tmp_path: Path, tool: str, kind: str) -> None:
    """A real process with a timeout: /dev/zero used to grow to gigabytes, a FIFO to wait for good."""
    if kind == "fifo":
        path = tmp_path / "story.txt"
        os.mkfifo(path)
    else:
        path = Path("/dev/zero")
    line = one_line_and_status_2(run_in(tmp_path, tool, str(path), env={}))
    assert line.startswith(f"dogear: {path} is not a regular file")


@pytest.mark.parametrize("kind", ["dev-zero", "fifo"])
def test_scan_refuses_a_rules_file_that_is_not_a_regular_file(tmp_path: Path, kind: str) -> None:
    """`scan --rules /dev/zero` used to read until a MemoryError traceback; a FIFO waited for good."""
    story = tmp_path / "story.txt"
    story.write_text("He died at dawn.\n", encoding="utf-8")
    if kind == "fifo":
        rules = tmp_path / "rules.json"
        os.mkfifo(rules)
    else:
        rules = Path("/dev/zero")
    line = one_line_and_status_2(run_in(tmp_path, "scan", str(story), "--rules", str(rules), env={}))
    assert line.startswith(f"dogear: {rules} is not a regular file") and "a rules file" in line


def test_scan_reads_a_rules_file_saved_with_a_byte_order_mark(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A rules file saved by Windows Notepad starts with a UTF-8 byte-order mark; it was "not valid JSON"."""
    (here / "story.txt").write_text("They buried the box in the garden.\n", encoding="utf-8")
    rules = {"categories": {"death": {"rules": [{"id": "buried", "match": "~bury", "weight": 100}]}}}
    (here / "rules.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(rules).encode())
    assert main(["scan", "story.txt", "--rules", "rules.json", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert "death" in [warning["id"] for warning in report["warnings"]]


def test_scan_names_a_rules_file_that_is_not_utf8(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "story.txt").write_text("He died.\n", encoding="utf-8")
    (here / "rules.json").write_bytes(b'{"categories": {}}\n{"x": "\xe9"}')
    line = one_line(capsys, main(["scan", "story.txt", "--rules", "rules.json"]))
    assert line == "dogear: rules.json: not UTF-8 text (an undecodable byte on line 2); save it as UTF-8"


@pytest.mark.parametrize(("setting", "chapters"), [("3", 4), ("20000", 2001)], ids=["lowered", "raised"])
def test_scan_takes_as_many_chapters_as_max_chapters_allows(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, setting: str, chapters: int
) -> None:
    """scan used the default 2,000 whatever MAX_CHAPTERS said: it reported on a file the bot refuses,
    and refused one the bot takes, naming 2,000 as "the MAX_CHAPTERS setting". preview and the bot
    use the setting; scan now does too."""
    monkeypatch.setenv("MAX_CHAPTERS", setting)
    text = "\n\n".join(f"Chapter {number}\n\nShe walked home on day {number}." for number in range(1, chapters + 1))
    (here / "story.txt").write_text(text, encoding="utf-8")
    status = main(["scan", "story.txt", "--json"])
    captured = capsys.readouterr()
    if int(setting) < chapters:
        assert status == 2 and captured.err.startswith(f"dogear: story.txt: The story has {chapters} chapters")
        assert f"more than the {setting} Dogear takes" in captured.err
    else:
        assert status == 0, captured.err
        assert json.loads(captured.out)["story"]["title"] == "story"


HOSTILE_HTML = (
    '<html><body><h2 class="title heading">A story</h2><div class="userstuff">'
    "<p>He died at dawn.&#x1b;[1A&#x1b;[2K All is well.\u009b2J \u202eevil</p></div></body></html>"
)


@pytest.mark.parametrize("tool", ["scan", "preview"])
def test_a_storys_escape_sequences_are_shown_not_obeyed_by_the_terminal(
    here: Path, capsys: pytest.CaptureFixture[str], tool: str
) -> None:
    """A story's ESC [1A ESC [2K (an HTML entity away) went to the terminal as it was: it erased
    the report's line above, the one a warning was on. The import now takes the escapes out (a
    control character prose never has); what is left that a terminal reads (a C1 CSI, a right to
    left override) is written as text."""
    (here / "story.html").write_text(HOSTILE_HTML, encoding="utf-8")
    assert main([tool, "story.html"]) == 0
    out = capsys.readouterr().out
    assert "He died at dawn." in out
    assert not any(ch in out for ch in "\x1b\x9b\u202e"), out
    assert "He died at dawn.[1A[2K All is well." in out.replace("\\[", "[")
    assert "\\u009b2J" in out
    assert main([tool, "story.html", "--json"]) == 0
    out = capsys.readouterr().out
    assert not any(ch in out for ch in "\x1b\x9b\u202e")
    # Valid JSON that means the same: the story's characters come back when it is read. A scan's
    # evidence is the text as the scan reads it (bot.text.as_read), its invisible characters (the
    # override among them) left out.
    shown = "All is well.\x9b2J evil" if tool == "scan" else "All is well.\x9b2J \u202eevil"
    assert shown in json.dumps(json.loads(out), ensure_ascii=False)


def test_a_huge_sparse_story_is_refused_without_reading_it(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = here / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(3 * 1024**3)  # sparse: no disk used
    line = one_line(capsys, main(["preview", str(path)]))
    assert "larger than" in line


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"[" * 100_000 + b"\n", ":1 nests too deeply"),
        (b'{"text": "\\ud800 died", "labels": ["death"]}\n', ":1: the text has a lone surrogate"),
        (b'{"text": "ok", "labels": []}\n{"text": "he died"}\n', ":2 has no `labels`"),
        (b'{"text": "he died", "label": ["death"]}\n', ":1 has the unknown key 'label'"),
    ],
    ids=["deep", "surrogate", "no-labels", "label-typo"],
)
def test_eval_lines_it_cannot_use(
    here: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str
) -> None:
    (here / "set.jsonl").write_bytes(content)
    line = one_line(capsys, main(["eval", "set.jsonl"]))
    assert line.startswith("dogear: set.jsonl") and expected in line


def test_eval_accepts_a_byte_order_mark(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "set.jsonl").write_bytes(b'\xef\xbb\xbf{"text": "A quiet walk by the sea.", "labels": []}\n')
    assert main(["eval", "set.jsonl", "--json"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("tier", ["confident", "both"])
def test_eval_json_holds_everything_the_table_shows(here: Path, capsys: pytest.CaptureFixture[str], tier: str) -> None:
    """eval --json gave the scores alone: not which tier was scored, nor the warning-free texts that
    got a warning (the false alarms the table lists by line), so two runs could not be told apart."""
    lines = [
        {"text": "He died at dawn, and they buried him on the hill.", "labels": ["death"]},
        {"text": "A quiet walk by the sea.", "labels": []},
        {"text": "She died in the night. We wept at her grave.", "labels": []},
    ]
    (here / "set.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert main(["eval", "set.jsonl", "--json", "--tier", tier]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["tier"] == tier
    assert (data["texts"], data["warning_free"], data["warning_free_flagged"]) == (3, 2, [3])
    assert set(data) == {"tier", "micro", "macro", "per_category", "texts", "warning_free", "warning_free_flagged"}
    assert main(["eval", "set.jsonl", "--tier", tier]) == 0
    assert "3 texts, 2 without warnings; warning-free texts that got a warning: 3." in capsys.readouterr().out


def test_discord_itself_unreachable_may_be_tried_again_a_configured_address_may_not(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An outage of Discord or of this machine's network exits 1, which the service restarts;
    an address an admin configured (DISCORD_API_BASE, DISCORD_GATEWAY_URL) is a setting to fix: 2."""
    import bot.cli as cli
    from bot.client import GatewayUnreachable
    from bot.settings import load_settings

    refused = ConnectionRefusedError(111, "Connection refused")
    plain = load_settings({"DISCORD_TOKEN": "x.y.z"}, root=here)
    configured = load_settings(
        {"DISCORD_TOKEN": "x.y.z", "DISCORD_API_BASE": "http://127.0.0.1:9", "DISCORD_GATEWAY_URL": "ws://127.0.0.1:9"},
        root=here,
    )
    gateway_error = GatewayUnreachable("wss://gateway.discord.gg", 0, refused, 3)
    assert isinstance(cli.unreachable(plain, refused), cli.DiscordUnreachable)
    assert isinstance(cli.gateway_unreachable(plain, gateway_error), cli.DiscordUnreachable)
    assert not isinstance(cli.unreachable(configured, refused), cli.DiscordUnreachable)
    assert not isinstance(cli.gateway_unreachable(configured, gateway_error), cli.DiscordUnreachable)

    for settings, status in ((plain, 1), (configured, 2)):

        async def no_network(*_: object, settings: object = settings, **__: object) -> None:
            raise cli.gateway_unreachable(settings, gateway_error)  # type: ignore[arg-type]

        monkeypatch.setenv("DISCORD_TOKEN", "x.y.z")
        monkeypatch.setattr(cli, "run_bot", no_network)
        assert main(["run"]) == status
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("dogear: ") and "could not be reached after 3 attempts" in err[0]


# ----------------------------------------------------------------- the installed form: no checkout beside it
def test_no_token_and_no_env_file_spells_out_the_line_to_write(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An installed wheel has no .env.example to copy: the answer names the file and the line."""
    line = one_line(capsys, main(["run"]))
    assert line.startswith("dogear: DISCORD_TOKEN is not set")
    assert f"create {here / '.env'} with the line DISCORD_TOKEN=<your bot token>" in line
    assert ".env.example" not in line


def test_no_token_beside_an_env_example_says_to_copy_it(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A checkout (or a folder set up from one) has the example to copy."""
    (here / ".env.example").write_text("DISCORD_TOKEN=\n")
    line = one_line(capsys, main(["run"]))
    assert f"copy .env.example to .env in {here}" in line


def test_an_empty_token_in_env_names_that_file(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("DISCORD_TOKEN=\nLOG_LEVEL=INFO\n")
    line = one_line_and_status_2(run_in(tmp_path, env={"DATABASE_PATH": str(tmp_path / "db.sqlite3")}))
    assert f"paste your bot token after DISCORD_TOKEN= in {tmp_path / '.env'}" in line
    assert ".env.example" not in line


def test_an_empty_token_in_the_environment_hiding_the_one_in_env_is_named(tmp_path: Path) -> None:
    """The environment wins over .env, even when empty (``-e DISCORD_TOKEN`` of an unset variable)."""
    (tmp_path / ".env").write_text("DISCORD_TOKEN=abc.def.ghi\n")
    result = run_in(tmp_path, env={"DISCORD_TOKEN": "", "DATABASE_PATH": str(tmp_path / "db.sqlite3")})
    line = one_line_and_status_2(result)
    assert f"the environment has it empty, and the environment wins over {tmp_path / '.env'}" in line
    assert "abc" not in line


@pytest.mark.parametrize("token", ["<your bot token>", "<abc.def.ghi>"])
def test_the_placeholder_token_copied_as_it_stands_is_named(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, token: str
) -> None:
    """The README and the "is not set" answer spell out DISCORD_TOKEN=<your bot token>: pasted as it
    stands, it was called malformed "with 'Bot ' or spaces", which it is not."""
    monkeypatch.setenv("DISCORD_TOKEN", token)
    line = one_line(capsys, main(["run"]))
    assert line.startswith("dogear: DISCORD_TOKEN still holds a placeholder in angle brackets")
    assert "abc" not in line and "your bot token" not in line  # what is inside may be the token
    assert not (here / "data").exists()


@pytest.mark.parametrize("name", ["database_path", "Database_Path", "discord_token"])
def test_a_setting_in_env_in_other_letter_case_is_refused(
    here: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """Nothing read ``database_path=``: the bot started on a new, empty database beside the club's."""
    (here / ".env").write_text(f"DISCORD_TOKEN=abc.def\n{name}=club.sqlite3\n")
    line = one_line(capsys, main(["run"]))
    assert (
        line
        == f"dogear: .env at {here / '.env'} sets {name!r}, which is read only in capitals: write it as {name.upper()}"
    )
    assert not (here / "data").exists()


def test_a_misspelt_token_name_is_named_in_the_answer(tmp_path: Path) -> None:
    """DISCORD_TOKN=... left the token unset, and the answer said to paste it after DISCORD_TOKEN=,
    which the member believed they had done."""
    (tmp_path / ".env").write_text("DISCORD_TOKN=abc.def.ghi\n")
    line = one_line_and_status_2(run_in(tmp_path, env={}))
    assert line == (
        f"dogear: DISCORD_TOKEN is not set: {tmp_path / '.env'} names it 'DISCORD_TOKN': spell the name DISCORD_TOKEN, exactly"
    )


def test_a_misspelt_setting_is_reported_at_start_and_other_names_are_not(tmp_path: Path) -> None:
    """A near miss may be another program's variable: reported in the log, not refused."""
    (tmp_path / ".env").write_text("DATABASE_PTH=club.sqlite3\nDATABASE_URL=postgres://x\nDISCORD_TOKEN2=x\n")
    result = run_in(tmp_path, "backup", "copy.sqlite3", env={})
    line = one_line_and_status_2(result)
    assert "does not exist; there is nothing to back up" in line
    warnings = [entry for entry in result.stderr.splitlines() if "WARNING" in entry]
    assert len(warnings) == 1, result.stderr
    assert (
        f"{tmp_path / '.env'} sets 'DATABASE_PTH', which is no setting and is ignored: did you mean DATABASE_PATH?"
        in warnings[0]
    )


def test_an_env_file_of_many_lines_is_refused_at_once(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """python-dotenv reads lines in a time growing with their square: 60,000 short ones, under the
    byte limit, held the start for two minutes."""
    (here / ".env").write_text("".join(f"NAME_{index}=value\n" for index in range(6_000)))
    line = one_line(capsys, main(["run"]))
    assert (
        line
        == f"dogear: .env at {here / '.env'} has more than 2,000 lines: it holds a few NAME=value lines; check that it is the right file"
    )


def test_a_setting_an_empty_environment_variable_hides_is_reported_at_start(tmp_path: Path) -> None:
    """The environment wins over .env even when empty: DATABASE_PATH given in .env silently became
    the default, a new database beside the club's."""
    (tmp_path / ".env").write_text("DATABASE_PATH=club.sqlite3\nLOG_LEVEL=INFO\n")
    result = run_in(tmp_path, "backup", "copy.sqlite3", env={"DATABASE_PATH": ""})
    assert "does not exist; there is nothing to back up" in one_line_and_status_2(result)
    warnings = [entry for entry in result.stderr.splitlines() if "WARNING" in entry]
    assert len(warnings) == 1, result.stderr
    assert f"DATABASE_PATH is set but empty in the environment, which wins over {tmp_path / '.env'}" in warnings[0]


def test_a_database_folder_linked_to_nowhere_is_named_as_a_link(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``data`` left linked to a volume that is not mounted was called "a file, not a folder"."""
    (here / "data").symlink_to(here / "volume" / "dogear")
    monkeypatch.setenv("DISCORD_TOKEN", "abc.def")
    line = one_line(capsys, main(["run"]))
    assert line == (
        f"dogear: the database's folder {here / 'data'} is a link to {here / 'volume' / 'dogear'}, which does not "
        "exist: create its target (or mount it), or point DATABASE_PATH elsewhere"
    )


def test_help_names_no_file_the_wheel_lacks(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert ".env.example" not in out and "DISCORD_TOKEN=" in out


@pytest.mark.parametrize(("tool", "mistake"), [("preview", []), ("scan", []), ("eval", []), ("demo", ["--bogus"])])
def test_the_tools_name_the_installed_command(
    here: Path, capsys: pytest.CaptureFixture[str], tool: str, mistake: list[str]
) -> None:
    """``dogear X --help`` and a mistake's usage name ``dogear X``, the command an installed wheel has."""
    try:
        status = main([tool, "--help"])
    except SystemExit as exit_:  # argparse's own --help, as the real process ends
        status = int(exit_.code or 0)
    assert status == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: dogear {tool} ") and "python -m bot" not in out and "``" not in out
    line = one_line(capsys, main([tool, *mistake]))
    assert f"usage: dogear {tool} " in line and "python -m bot" not in line


def test_eval_names_the_warning_ids_rather_than_a_file_of_the_checkout(
    here: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (here / "set.jsonl").write_text('{"text": "he died", "labels": ["deaht"]}\n')
    line = one_line(capsys, main(["eval", "set.jsonl"]))
    assert "unknown warning id 'deaht'" in line and "data/warnings" not in line
    assert "death" in line.split("the ids are", 1)[1]


# ------------------------------------------------------------------------------ a token or an address that is off
@pytest.mark.parametrize(
    ("token", "named"),
    [
        ("\u201cabc.def.ghi\u201d", "'\u201c'"),  # pasted from a document with curly quotes
        ("abc.def\x01ghi", "the control character U+0001"),
        ("'abc.def.ghi'", '"\'"'),  # quotes kept by an environment that does not strip them
    ],
    ids=["curly-quotes", "control", "straight-quotes"],
)
def test_a_token_with_characters_no_token_has_is_one_line_before_anything_opens(
    here: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, token: str, named: str
) -> None:
    """A control character used to end in aiohttp's traceback (a header injection refused)."""
    monkeypatch.setenv("DISCORD_TOKEN", token)
    line = one_line(capsys, main(["run"]))
    assert line.startswith(f"dogear: DISCORD_TOKEN looks malformed: it has {named}")
    assert "abc" not in line  # the token is a secret: only the odd character is named
    assert not (here / "data").exists()


def test_an_api_base_that_is_not_a_discord_api_is_one_line_and_status_2(tmp_path: Path) -> None:
    """An address that answers, but not as Discord does (404 here), used to be a traceback."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}/api/v10"
        env = {"DISCORD_TOKEN": "abc.def.ghi", "DISCORD_API_BASE": base, "DATABASE_PATH": str(tmp_path / "db.sqlite3")}
        line = one_line_and_status_2(run_in(tmp_path, env=env))
    finally:
        server.terminate()
        server.wait(10)
    assert line.startswith(f"dogear: DISCORD_API_BASE ({base}) answered HTTP 404")


# ------------------------------------------------------------------------------------ output piped into `head`
@pytest.mark.parametrize(
    "args", [["--help"], ["preview", str(REPO_ROOT / "data" / "sample_story.md")]], ids=["help", "preview"]
)
def test_output_into_a_reader_that_stopped_ends_quietly(tmp_path: Path, args: list[str]) -> None:
    """``dogear --help | head -5`` used to end in a BrokenPipeError traceback."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(SWEPT)}
    env["PYTHONPATH"] = str(REPO_ROOT)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", *args], cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the command writes
    status = process.wait(60)
    err = process.stderr.read().decode()
    process.stderr.close()
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
    assert status == 1


@pytest.mark.parametrize("tool", ["scan", "preview"])
def test_a_file_names_escape_sequences_are_shown_not_obeyed_in_the_error_line(
    here: Path, capsys: pytest.CaptureFixture[str], tool: str
) -> None:
    """The error line quotes the name as typed; a name holding ESC [2K erased the terminal's line."""
    assert main([tool, "gone\x1b[2K\u202e.txt"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "gone" in err
    assert not any(ch in err for ch in "\x1b\u202e") and "\\u001b[2K" in err


def test_backing_up_an_empty_file_is_refused(tmp_path: Path) -> None:
    """SQLite reads an empty file as an empty database: `backup` said "backed up" and wrote one."""
    (tmp_path / "club.sqlite3").write_bytes(b"")
    result = run_in(tmp_path, "backup", "copy.sqlite3", env={"DATABASE_PATH": "club.sqlite3"})
    assert "club.sqlite3 is empty, no Dogear database; there is nothing to back up" in one_line_and_status_2(result)
    assert not (tmp_path / "copy.sqlite3").exists()
