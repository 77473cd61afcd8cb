"""What only a real ``dogear`` process shows when it is stopped or cannot write: Ctrl-C in an
offline command is one line and status 130 (an interrupted backup is never reported a success),
and output that cannot be written is one line and status 1, never a traceback."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.test_cli_mistakes import SWEPT
from tests.test_db import a_dogear_database

SAMPLE = REPO_ROOT / "data" / "sample_story.md"

# Runs `dogear ARGS` in a real process that gets a real SIGINT, as a terminal sends on Ctrl-C (or
# the signal SEND_SIGNAL names), at a known point: the moment MODULE.NAME is called (the AT_CALL-th
# time), so the test does not race the work.
CTRL_C_AT = """
import importlib, os, signal, sys
from bot.cli import main
module_name, name, *args = sys.argv[1:]
module = importlib.import_module(module_name)
real = getattr(module, name)
calls = []
def ctrl_c(*call_args, **call_kwargs):
    calls.append(1)
    if len(calls) == int(os.environ.get("AT_CALL", "1")):
        os.kill(os.getpid(), getattr(signal, os.environ.get("SEND_SIGNAL", "SIGINT")))
    return real(*call_args, **call_kwargs)
setattr(module, name, ctrl_c)
sys.exit(main(args))
"""


def environment(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(SWEPT)}
    return env | extra | {"PYTHONPATH": str(REPO_ROOT)}


def ctrl_c_at(cwd: Path, where: str, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    module, name = where.rsplit(".", 1)
    return subprocess.run(
        [sys.executable, "-c", CTRL_C_AT, module, name, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def interrupted_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 128 + signal.SIGINT, result.stderr
    assert "Traceback" not in result.stderr and "KeyboardInterrupt" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dogear: "), result.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("args", "where"),
    [
        (["scan", str(SAMPLE)], "bot.tools.scan.scan"),
        (["scan", str(SAMPLE), "--json"], "bot.tools.scan.import_story"),
        (["preview", str(SAMPLE)], "bot.tools.preview.chapter_warnings"),
        (["eval", "labelled.jsonl"], "bot.tools.evaluate.evaluate"),
    ],
    ids=["scan", "scan-json", "preview", "eval"],
)
def test_ctrl_c_in_a_tool_is_one_line_not_a_traceback(tmp_path: Path, args: list[str], where: str) -> None:
    """Ctrl-C mid-scan of a big file used to print a KeyboardInterrupt traceback."""
    (tmp_path / "labelled.jsonl").write_text('{"text": "He died at dawn.", "labels": ["death"]}\n', encoding="utf-8")
    result = ctrl_c_at(tmp_path, where, *args, env=environment())
    assert interrupted_line(result) == f"dogear: {args[0]} interrupted (Ctrl-C)"
    assert result.stdout == ""


@pytest.mark.parametrize("at_call", ["1", "2"], ids=["checking-the-source", "checking-the-copy"])
@pytest.mark.parametrize(("sent", "said"), [("SIGINT", "Ctrl-C"), ("SIGTERM", "SIGTERM")])
def test_a_backup_stopped_by_a_signal_is_not_a_success(tmp_path: Path, sent: str, said: str, at_call: str) -> None:
    """An interrupted backup used to exit with status 0 and say nothing, as if it had been written:
    `dogear backup x && rm old-backups` would go on. SIGTERM (`systemctl stop`, a shutdown) left
    the partial copy, which the backup service's clean-up never removes. Now either says no backup
    was written, with the shell's status for the signal, and leaves no file."""
    database = a_dogear_database(tmp_path / "dogear.sqlite3")
    target = tmp_path / "backups" / "copy.sqlite3"
    env = environment(DATABASE_PATH=str(database), SEND_SIGNAL=sent, AT_CALL=at_call)
    result = ctrl_c_at(tmp_path, "bot.db._integrity", "backup", str(target), env=env)
    assert result.returncode == 128 + getattr(signal, sent), result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.strip() == f"dogear: backup interrupted ({said}); no backup was written"
    assert result.stdout == ""
    assert not target.exists()
    assert not target.parent.exists() or not any(target.parent.iterdir()), "a partial copy was left"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (a device that is always full)")
@pytest.mark.parametrize("args", [["scan", str(SAMPLE)], ["preview", str(SAMPLE), "--json"], ["--help"]])
def test_output_onto_a_full_disk_is_one_line(tmp_path: Path, args: list[str]) -> None:
    """`dogear scan story.txt > report.txt` on a full disk used to end in an OSError traceback."""
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "bot", *args],
            cwd=tmp_path,
            env=environment(),
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert result.returncode == 1, result.stderr
    assert result.stderr.strip() == "dogear: cannot write the output: No space left on device"


def test_a_closed_stdout_is_no_traceback(tmp_path: Path) -> None:
    """Started with stdout closed (`dogear scan story.txt >&-`), Python has no sys.stdout at all;
    the final flush used to fail with an AttributeError traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "bot", "scan", str(SAMPLE)],
        cwd=tmp_path,
        env=environment(),
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
        preexec_fn=lambda: os.close(1),
    )
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0


@pytest.mark.parametrize("args", [["scan"], ["preview", "--json"]], ids=["scan", "preview-json"])
def test_output_the_terminal_cannot_encode_is_one_line(tmp_path: Path, args: list[str]) -> None:
    """Under an ASCII or Latin-1 locale a story's "café" or "—" was a UnicodeEncodeError traceback."""
    story = tmp_path / "story.txt"
    story.write_text("Title: Caf\u00e9\n\nShe died at dawn \u2014 quietly.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "bot", args[0], str(story), *args[1:]],
        cwd=tmp_path,
        env=environment(PYTHONIOENCODING="ascii"),
        capture_output=True,
        timeout=120,
    )
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert err.strip() == (
        "dogear: the output has a character (U+00E9) that standard output's encoding (ascii) cannot write: "
        "use a UTF-8 locale or set PYTHONIOENCODING=utf-8"
    )
    assert result.stdout == b""


# Runs `python -m bot ARGS` with a real SIGINT sent the moment the module named in CTRL_C_IMPORTING
# starts to load: Ctrl-C while the program is still starting, before bot.cli.main can answer it.
CTRL_C_WHILE_IMPORTING = """
import importlib.abc, os, runpy, signal, sys
class CtrlC(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == os.environ["CTRL_C_IMPORTING"]:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.SIGINT)
        return None
sys.meta_path.insert(0, CtrlC())
sys.argv = ["dogear", *sys.argv[1:]]
runpy.run_module("bot", run_name="__main__", alter_sys=True)
"""


@pytest.mark.parametrize("importing", ["bot.cli", "bot.settings", "aiohttp"])
def test_ctrl_c_while_starting_is_one_line_not_a_traceback(tmp_path: Path, importing: str) -> None:
    """Ctrl-C in the first tenths of a second, while the command line was still loading, printed a
    KeyboardInterrupt traceback."""
    result = subprocess.run(
        [sys.executable, "-c", CTRL_C_WHILE_IMPORTING, "scan", str(SAMPLE)],
        cwd=tmp_path,
        env=environment(CTRL_C_IMPORTING=importing),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert interrupted_line(result) == "dogear: interrupted (Ctrl-C) while starting"
    assert result.stdout == ""
